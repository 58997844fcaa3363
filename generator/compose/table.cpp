// ```table: a CSV placed in a document, with the options printed tables
// need: which columns and in what order, header labels, two-level headers,
// merged cells for repeated values, number formats, a total row, a caption
// (numbered per document) and a source note. Cells that are not numbers
// ("-", "n/a", "New", "Not available") are printed exactly as written.
#include <cmath>
#include <set>

#include "../load/load.hpp"
#include "fences.hpp"

namespace agendapack::compose {

namespace {

// "#,##0.0", "0%", "£#,##0" …: what a number format says.
struct NumberFormat {
    bool thousands = false;
    int decimals = 0;
    bool percent = false;
    std::string prefix;
};

std::optional<NumberFormat> parse_format(const std::string& pattern) {
    NumberFormat f;
    std::string p = pattern;
    if (p.rfind("£", 0) == 0) {
        f.prefix = "£";
        p = p.substr(std::string("£").size());
    }
    if (!p.empty() && p.back() == '%') {
        f.percent = true;
        p.pop_back();
    }
    if (p.rfind("#,##", 0) == 0) {
        f.thousands = true;
        p = p.substr(4);
    }
    if (p.empty() || p[0] != '0') return std::nullopt;
    p = p.substr(1);
    if (!p.empty()) {
        if (p[0] != '.' || p.size() < 2 || p.find_first_not_of('0', 1) != std::string::npos) return std::nullopt;
        f.decimals = static_cast<int>(p.size()) - 1;
    }
    return f;
}

std::string format_number(double value, const NumberFormat& f) {
    std::string figure = format_figure(value, f.decimals, f.thousands);
    bool negative = figure[0] == '-';
    return (negative ? "-" : "") + f.prefix + figure.substr(negative ? 1 : 0) + (f.percent ? "%" : "");
}

// Decimals a column already shows, so an unformatted total matches it.
int decimals_in(const std::string& text) {
    size_t point = text.find('.');
    if (point == std::string::npos) return 0;
    size_t end = text.find_first_not_of("0123456789", point + 1);
    return static_cast<int>((end == std::string::npos ? text.size() : end) - point - 1);
}

}  // namespace

doc::Block table_from_fence(const Context& context, const FenceOptions& options) {
    const std::string& csv = options.require("csv", "<path inside data/>");
    const load::CsvTable& data = context.data->csv(csv, options.at("csv"));

    // Columns chosen and ordered, by header name.
    std::vector<size_t> columns;
    if (options.has("columns")) {
        for (const auto& name : options.list("columns")) {
            auto it = std::find(data.header.begin(), data.header.end(), name);
            if (it == data.header.end()) throw InputError(options.at("columns"), unknown_name("column", name, data.header) + " in " + data.file);
            columns.push_back(static_cast<size_t>(it - data.header.begin()));
        }
    } else {
        for (size_t c = 0; c < data.header.size(); ++c) columns.push_back(c);
    }
    auto column_named = [&](const std::string& option, const std::string& name) {
        for (size_t k = 0; k < columns.size(); ++k)
            if (data.header[columns[k]] == name) return k;
        std::vector<std::string> shown;
        for (size_t c : columns) shown.push_back(data.header[c]);
        throw InputError(options.at(option), unknown_name("column", name, shown) + " in '" + option + "'");
    };
    // "Name = value" pairs, for rename and format.
    auto pairs = [&](const std::string& option) {
        std::map<size_t, std::string> out;
        for (const auto& entry : options.list(option)) {
            size_t eq = entry.find('=');
            if (eq == std::string::npos) throw InputError(options.at(option), "write '" + option + "' as 'Column = value | Column = value', not '" + entry + "'");
            out[column_named(option, trim(entry.substr(0, eq)))] = trim(entry.substr(eq + 1));
        }
        return out;
    };
    std::map<size_t, std::string> labels = pairs("rename");
    std::map<size_t, NumberFormat> formats;
    for (const auto& [k, pattern] : pairs("format")) {
        auto f = parse_format(pattern);
        if (!f) throw InputError(options.at("format"), "'" + pattern + "' is not a number format: use 0, 0.0, #,##0, #,##0.00, 0%, 0.0% or £#,##0");
        formats[k] = *f;
    }
    std::set<size_t> merged, totalled;
    for (const auto& name : options.list("merge")) merged.insert(column_named("merge", name));
    for (const auto& name : options.list("total")) totalled.insert(column_named("total", name));

    doc::Block table;
    table.kind = doc::Block::Kind::Table;
    table.role = doc::role::kDataTable;
    table.landscape = options.yes_no("landscape", false);
    table.caption = options.inline_markdown("caption");

    // Header: one row, or two when headers are written "Group: Label".
    std::vector<std::string> header;
    for (size_t k = 0; k < columns.size(); ++k) header.push_back(labels.count(k) ? labels[k] : data.header[columns[k]]);
    if (options.yes_no("two_level_headers", false)) {
        doc::Row top, bottom;
        for (size_t k = 0; k < header.size();) {
            size_t split = header[k].find(": ");
            if (split == std::string::npos) {
                doc::Cell cell = doc::text_cell(header[k], true, "col");
                cell.rowspan = 2;
                top.cells.push_back(cell);
                doc::Cell under = doc::text_cell("", true, "col");
                under.continued = true;
                bottom.cells.push_back(under);
                ++k;
                continue;
            }
            std::string group = header[k].substr(0, split);
            size_t end = k;
            while (end < header.size() && header[end].rfind(group + ": ", 0) == 0) {
                bottom.cells.push_back(doc::text_cell(header[end].substr(group.size() + 2), true, "col"));
                ++end;
            }
            doc::Cell cell = doc::text_cell(group, true, "colgroup");
            cell.colspan = static_cast<int>(end - k);
            top.cells.push_back(cell);
            k = end;
        }
        table.rows.push_back(std::move(top));
        table.rows.push_back(std::move(bottom));
        table.header_rows = 2;
    } else {
        doc::Row row;
        for (const auto& label : header) row.cells.push_back(doc::text_cell(label, true, "col"));
        table.rows.push_back(std::move(row));
        table.header_rows = 1;
    }

    std::vector<double> totals(columns.size(), 0);
    std::vector<int> total_decimals(columns.size(), 0);
    for (size_t r = 0; r < data.rows.size(); ++r) {
        const auto& row = data.rows[r];
        doc::Row out;
        for (size_t k = 0; k < columns.size(); ++k) {
            const std::string& text = row.cells[columns[k]];
            std::optional<double> value = parse_figure(text);
            std::string shown = text;
            if (value && formats.count(k)) shown = format_number(*value, formats[k]);
            if (totalled.count(k)) {
                if (!value && !trim(text).empty() && trim(text) != "-")
                    throw InputError(row.at(columns[k]), "'" + text + "' cannot be added into the total of '" + data.header[columns[k]] + "'");
                if (value) totals[k] += *value, total_decimals[k] = std::max(total_decimals[k], decimals_in(text));
                if (!std::isfinite(totals[k]))
                    throw InputError(row.at(columns[k]), "adding '" + text + "' makes the total of '" + data.header[columns[k]] +
                                                             "' too large to print");
            }
            doc::Cell cell = k == 0 ? doc::text_cell(shown, true, "row") : doc::text_cell(shown);
            // Repeated values in a merged column (and the merged columns to
            // its left) become one cell spanning those rows.
            if (merged.count(k) && r > 0) {
                bool same = true;
                for (size_t left = 0; left <= k; ++left)
                    if (merged.count(left) && data.rows[r - 1].cells[columns[left]] != row.cells[columns[left]]) same = false;
                if (same) cell.continued = true;
            }
            for (auto& b : cell.content) b.origin = row.at(columns[k]);
            out.cells.push_back(std::move(cell));
        }
        table.rows.push_back(std::move(out));
    }
    // Rowspans: each first cell of a run of continued cells spans the run.
    for (size_t k = 0; k < columns.size(); ++k) {
        for (size_t r = table.rows.size(); r-- > static_cast<size_t>(table.header_rows);) {
            if (!table.rows[r].cells[k].continued) continue;
            size_t first = r;
            while (first > static_cast<size_t>(table.header_rows) && table.rows[first].cells[k].continued) --first;
            table.rows[first].cells[k].rowspan = static_cast<int>(r - first + 1);
            r = first;
        }
    }
    if (!totalled.empty()) {
        doc::Row total;
        for (size_t k = 0; k < columns.size(); ++k) {
            std::string text;
            if (k == 0) text = "Total";
            else if (totalled.count(k)) {
                NumberFormat f = formats.count(k) ? formats[k] : NumberFormat{true, total_decimals[k], false, ""};
                text = format_number(totals[k], f);
            }
            total.cells.push_back(k == 0 ? doc::text_cell(text, true, "row") : doc::text_cell(text));
            if (k > 0 && totalled.count(k)) total.cells.back().content[0].inlines = {doc::strong({doc::text(text)})};
        }
        table.rows.push_back(std::move(total));
    }
    return table;
}

}  // namespace agendapack::compose
