// Markdown plus the fenced blocks agendapack adds to it.
#include <algorithm>
#include <map>

#include "../load/load.hpp"
#include "compose.hpp"

namespace agendapack::compose {

namespace {

// Fence options are one `name: value` per line. Not YAML: a caption such as
// "Pupils (Source: DfE)" must not need quoting.
std::map<std::string, std::pair<std::string, SourceLocation>> fence_options(const std::string& body, const SourceLocation& where,
                                                                             const std::vector<std::string>& known) {
    std::map<std::string, std::pair<std::string, SourceLocation>> options;
    size_t start = 0;
    for (int line = where.line; start < body.size(); ++line) {
        size_t end = body.find('\n', start);
        if (end == std::string::npos) end = body.size();
        std::string text = body.substr(start, end - start);
        start = end + 1;
        if (trim(text).empty()) continue;
        SourceLocation at{where.file, line, 1};
        size_t colon = text.find(':');
        if (colon == std::string::npos) throw InputError(at, "expected 'name: value' in the block, not '" + trim(text) + "'");
        std::string name = trim(text.substr(0, colon));
        if (std::find(known.begin(), known.end(), name) == known.end()) {
            throw InputError(at, unknown_name("option", name, known) + " in a table block");
        }
        if (options.count(name)) throw InputError(at, "option '" + name + "' is given twice");
        SourceLocation value_at{where.file, line, static_cast<int>(colon) + 2};
        options[name] = {trim(text.substr(colon + 1)), value_at};
    }
    return options;
}

doc::Block table_from_fence(const Context& context, const std::string& body, const SourceLocation& where) {
    auto options = fence_options(body, where, {"csv", "caption", "landscape"});
    if (!options.count("csv")) throw InputError(where, "a table block needs 'csv: <path inside data/>'");
    const auto& [csv, csv_at] = options.at("csv");
    load::CsvTable data = load::load_csv(context.fs, context.data_dir, csv, csv_at);

    doc::Block table;
    table.kind = doc::Block::Kind::Table;
    table.role = "data-table";
    if (options.count("landscape")) {
        const auto& [value, value_at] = options.at("landscape");
        if (value != "yes" && value != "no") throw InputError(value_at, "'landscape' must be yes or no, not '" + value + "'");
        table.landscape = value == "yes";
    }
    if (options.count("caption")) {
        const auto& [caption, caption_at] = options.at("caption");
        table.caption = doc::markdown_inline({caption, caption_at});
    }
    doc::Row header;
    for (const auto& name : data.header) header.cells.push_back(doc::text_cell(name, true, "col"));
    table.rows.push_back(std::move(header));
    table.header_rows = 1;
    for (const auto& row : data.rows) {
        doc::Row out;
        for (size_t i = 0; i < row.cells.size(); ++i) {
            out.cells.push_back(i == 0 ? doc::text_cell(row.cells[i], true, "row") : doc::text_cell(row.cells[i]));
            // A cell's text is traced to its CSV row, for errors found when printing it.
            for (auto& b : out.cells.back().content) b.origin = {data.file, row.line, 1};
        }
        table.rows.push_back(std::move(out));
    }
    return table;
}

doc::Blocks scorecard_from_fence(const Context& context, const std::string& body, const SourceLocation& where) {
    auto options = fence_options(body, where, {"csv", "rules", "caption"});
    if (!options.count("csv")) throw InputError(where, "a scorecard block needs 'csv: <path inside data/>'");
    const auto& [csv, csv_at] = options.at("csv");
    std::string rules;
    SourceLocation rules_at = where;
    if (options.count("rules")) std::tie(rules, rules_at) = options.at("rules");
    model::Scorecard card = load::load_scorecard(context.fs, context.data_dir, csv, csv_at, rules, rules_at);
    doc::Inlines caption;
    if (options.count("caption")) {
        const auto& [text, at] = options.at("caption");
        caption = doc::markdown_inline({text, at});
    }
    return scorecard_blocks(context, card, caption);
}

}  // namespace

doc::Blocks content_blocks(const Context& context, const model::Markdown& markdown, doc::MarkdownOptions options) {
    options.fence = [&context](const std::string& info, const std::string& body, const SourceLocation& where) -> doc::Blocks {
        if (info == "table") return {table_from_fence(context, body, where)};
        if (info == "scorecard") return scorecard_from_fence(context, body, where);
        if (info == "contents") {
            // Filled in by the appendix once its headings are known.
            if (!trim(body).empty()) throw InputError(where, "a contents block takes no options: leave it empty");
            doc::Block placeholder;
            placeholder.kind = doc::Block::Kind::Table;
            placeholder.role = "contents";
            placeholder.origin = where;
            placeholder.origin.line -= 1;
            return {placeholder};
        }
        SourceLocation fence_line = where;
        fence_line.line -= 1;
        throw InputError(fence_line, unknown_name("block", "```" + info, {"```table", "```contents", "```scorecard"}));
    };
    options.image = [&context](const std::string& file, const std::string& alt, const SourceLocation& where) {
        return load_figure(context, file, alt, where);
    };
    return doc::markdown(markdown, options);
}

doc::Document new_document(doc::Document::Kind kind, std::string id, std::string title) {
    doc::Document d;
    d.kind = kind;
    d.id = std::move(id);
    d.title = std::move(title);
    return d;
}

doc::Document new_document(doc::Document::Kind kind, const compute::PlacedDocument& placed) {
    doc::Document d = new_document(kind, placed.id, placed.title);
    d.stamp = placed.stamp;
    d.agenda_number = placed.item_number;
    return d;
}

std::string councillors(const std::vector<std::string>& names) {
    return (names.size() == 1 ? "Councillor " : "Councillors ") + join_with_and(names);
}

}  // namespace agendapack::compose
