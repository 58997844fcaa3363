// Scorecards: a CSV of indicators by month and the RAG rules YAML beside it.
#include <algorithm>
#include <cmath>

#include "loaders.hpp"

namespace agendapack::load {

namespace {

// A cell that should hold a number, or "-" / nothing, or a word the rules
// declare among their markers ("New"); "n/a" is always allowed.
model::ScorecardCell value_cell(const CsvTable::Row& row, size_t column, const std::string& header, const model::RagRules& rules) {
    model::ScorecardCell cell{trim(row.cells[column]), std::nullopt};
    if (cell.text.empty() || cell.text == "-" || cell.text == "n/a" || cell.text == "N/A") return cell;
    for (const auto& [marker, meaning] : rules.markers)
        if (cell.text == marker) return cell;
    cell.value = parse_figure(cell.text);
    if (!cell.value)
        throw InputError(row.at(column), "'" + cell.text + "' in column '" + header +
                                             "' is not a number (write it like 1,234 or 81.6, or '-' for none; a word such as 'New' "
                                             "must first be listed under 'markers' in the rules file, with its meaning)");
    return cell;
}

std::optional<Date> month_header(const std::string& header) {
    if (header.size() != 7 || header[4] != '-') return std::nullopt;
    return parse_iso_date(header + "-01");
}

model::Tolerance tolerance(const Fields& f, const std::string& key, model::Tolerance fallback) {
    auto text = f.optional_string(key);
    if (!text) return fallback;
    std::string t = trim(*text);
    bool relative = !t.empty() && t.back() == '%';
    if (relative) t.pop_back();
    auto value = parse_figure(t);
    if (!value || *value < 0)
        f.source().fail(f.node(key), "'" + key + "' must be a percentage like 5% or a number of points like 2, not '" + *text + "'");
    return {*value, relative};
}

model::RagRules load_rules(const FileSystem& fs, const std::string& path, const SourceLocation& from) {
    auto text = fs.read(path);
    if (!text) throw InputError(from, "rules file '" + path + "' does not exist");
    YamlText source{path, *text};
    const auto tree = parse_yaml(source);
    YamlNode root = tree->root();
    Fields f(source, root, {"tolerance", "stable_within", "markers"}, "the RAG rules");
    model::RagRules rules;
    rules.tolerance = tolerance(f, "tolerance", rules.tolerance);
    rules.stable_within = tolerance(f, "stable_within", rules.stable_within);
    if (f.has("markers")) {
        const YamlNode markers = f.node("markers");
        if (!markers.is_map()) source.fail(markers, "'markers' lists each word and its meaning, like  New: a new measure this year");
        for (const YamlEntry& it : markers.entries()) {
            if (!it.key.is_scalar() || !it.value.is_scalar())
                source.fail(it.key, "each marker is a word and its meaning, like  New: a new measure this year");
            rules.markers.push_back({trim(it.key.text()), trim(it.value.text())});
        }
    }
    rules.where = f.where();
    return rules;
}

}  // namespace

model::Scorecard load_scorecard(const FileSystem& fs, const std::string& data_dir, const std::string& csv,
                                const SourceLocation& csv_from, const std::string& rules, const SourceLocation& rules_from) {
    CsvTable table = load_csv(fs, data_dir, csv, csv_from);
    model::Scorecard card;
    card.file = table.file;
    if (!rules.empty()) {
        if (rules.find("..") != std::string::npos || rules[0] == '/') throw InputError(rules_from, "'" + rules + "' must be a path inside data/");
        card.rules = load_rules(fs, join_path(data_dir, rules), rules_from);
    }

    enum class Role { Indicator, Format, Polarity, Target, Rag, Group, Month, Comparator };
    std::vector<Role> roles;
    bool has_indicator = false;
    for (size_t c = 0; c < table.header.size(); ++c) {
        const std::string& h = trim(table.header[c]);
        SourceLocation at{table.file, 1, c < table.header_columns.size() ? table.header_columns[c] : 1};
        if (h == "Indicator") roles.push_back(Role::Indicator), has_indicator = true;
        else if (h == "Format") roles.push_back(Role::Format);
        else if (h == "Polarity") roles.push_back(Role::Polarity);
        else if (h == "Target") roles.push_back(Role::Target);
        else if (h == "RAG") roles.push_back(Role::Rag);
        else if (h == "Group") roles.push_back(Role::Group);
        else if (auto month = month_header(h)) {
            for (const auto& earlier : card.months)
                if (earlier == *month) throw InputError(at, "month column '" + h + "' appears twice");
            roles.push_back(Role::Month);
            card.months.push_back(*month);
        } else if (h.size() == 7 && h[4] == '-' && std::isdigit(static_cast<unsigned char>(h[0]))) {
            throw InputError(at, "'" + h + "' is not a month: write month columns as YYYY-MM, like 2024-08");
        } else {
            roles.push_back(Role::Comparator);
            card.comparator_names.push_back(h);
        }
    }
    if (!has_indicator) throw InputError({table.file, 1, 1}, "a scorecard needs an 'Indicator' column");
    if (card.months.empty()) throw InputError({table.file, 1, 1}, "a scorecard needs month columns headed YYYY-MM, like 2024-08");

    // Month columns may come in any order (exports often put the latest
    // first); the scorecard prints them from earliest to latest.
    std::vector<size_t> order(card.months.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return card.months[a] < card.months[b]; });
    std::vector<Date> sorted_months;
    for (size_t i : order) sorted_months.push_back(card.months[i]);

    for (const auto& row : table.rows) {
        model::Indicator indicator;
        indicator.where = row.at(0);
        for (size_t c = 0; c < row.cells.size(); ++c) {
            const std::string cell = trim(row.cells[c]);
            switch (roles[c]) {
                case Role::Indicator:
                    indicator.name = cell;
                    if (cell.empty()) throw InputError(row.at(c), "this indicator has no name");
                    break;
                case Role::Format:
                    if (cell != "" && cell != "0" && cell != "0.0" && cell != "0.00" && cell != "%")
                        throw InputError(row.at(c), "'Format' must be 0, 0.0, 0.00 or %, not '" + cell + "'");
                    indicator.format = cell;
                    break;
                case Role::Polarity:
                    if (cell == "higher") indicator.polarity = model::Polarity::Higher;
                    else if (cell == "lower") indicator.polarity = model::Polarity::Lower;
                    else if (!cell.empty())
                        throw InputError(row.at(c), "'Polarity' must be higher, lower or empty, not '" + cell + "'");
                    break;
                case Role::Target: indicator.target = value_cell(row, c, "Target", card.rules); break;
                case Role::Group: indicator.group = cell; break;
                case Role::Rag:
                    if (cell != "" && cell != "Red" && cell != "Amber" && cell != "Green")
                        throw InputError(row.at(c), "'RAG' must be Red, Amber, Green or empty (to compute it), not '" + cell + "'");
                    indicator.rag = cell;
                    break;
                case Role::Month: indicator.months.push_back(value_cell(row, c, table.header[c], card.rules)); break;
                case Role::Comparator: indicator.comparators.push_back(cell); break;
            }
        }
        std::vector<model::ScorecardCell> by_date;
        for (size_t i : order) by_date.push_back(indicator.months[i]);
        indicator.months = std::move(by_date);
        if (indicator.target.value && indicator.polarity == model::Polarity::None && indicator.rag.empty())
            throw InputError(indicator.where, "'" + indicator.name + "' has a target but no 'Polarity': say whether higher or lower is better");
        card.indicators.push_back(std::move(indicator));
    }
    card.months = std::move(sorted_months);
    return card;
}

}  // namespace agendapack::load
