// A performance scorecard: indicators by month with target, computed RAG and
// direction of travel, comparators, and a legend that states the rules.
// RAG is told three ways (tint, shape, word) and direction by a drawn arrow
// with a name, so it reads in greyscale and to a screen reader.
#include <algorithm>
#include <set>

#include "../load/load.hpp"
#include "fences.hpp"

namespace agendapack::compose {

namespace {

using doc::Block;
using doc::Cell;

const char* kShortMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// "Aug-24", the way scorecards head their month columns.
std::string month_heading(const Date& d) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%s-%02d", kShortMonths[d.month - 1], d.year % 100);
    return buffer;
}

std::string shown(const model::ScorecardCell& cell, const std::string& format) {
    if (cell.text.empty()) return "";
    if (format == "%" && cell.value && cell.text.back() != '%') return cell.text + "%";
    return cell.text;
}

std::string number(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", v);
    return buffer;
}

std::string tolerance_words(const model::Tolerance& t) {
    return t.relative ? number(t.amount) + "% of the target" : number(t.amount) + " points";
}

Cell rag_cell(compute::Rag rag) {
    if (rag == compute::Rag::None) return doc::text_cell("-");
    std::string word = compute::rag_word(rag);
    std::string lower = to_lower(word);
    Cell cell = doc::cell({doc::paragraph({doc::symbol("rag-" + lower), doc::text(" " + word)})});
    cell.tone = lower;
    return cell;
}

Cell direction_cell(const compute::Movement& m, const std::string& format) {
    if (m.direction == compute::Direction::None && m.sign == 0) return doc::text_cell("-");
    std::string shape = m.sign > 0 ? "arrow-up" : m.sign < 0 ? "arrow-down" : "arrow-level";
    std::string moved = m.sign > 0 ? "up" : m.sign < 0 ? "down" : "level";
    // Values in the indicator's own format: "4.0", not "4".
    auto value = [&](double v) {
        char buffer[32];
        if (format == "0.0") std::snprintf(buffer, sizeof buffer, "%.1f", v);
        else if (format == "0.00") std::snprintf(buffer, sizeof buffer, "%.2f", v);
        else std::snprintf(buffer, sizeof buffer, "%g", v);
        return std::string(buffer) + (format == "%" ? "%" : "");
    };
    // The direction in words anyone can see ("Improving", or "Up" where
    // neither way is better), the arrow, and the figures compared for
    // screen readers.
    std::string word = compute::direction_word(m.direction);
    if (word.empty()) word = moved;
    word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
    const std::string detail = moved + " from " + value(m.from) + " to " + value(m.to);
    return doc::cell({doc::paragraph({doc::text(word + " "), doc::symbol(shape, detail)})});
}

// The legend says how what is shown was worked out: the RAG rule and the
// direction of travel when those columns print, and what each marker means.
Block legend(const model::RagRules& rules, bool rag, bool direction) {
    doc::Inlines text;
    if (rag)
        text = {doc::strong({doc::text("RAG")}),
                doc::text(" compares the latest month with the target: "),
                doc::symbol("rag-green"), doc::text(" Green, on target or better; "),
                doc::symbol("rag-amber"), doc::text(" Amber, short of the target by no more than " + tolerance_words(rules.tolerance) + "; "),
                doc::symbol("rag-red"), doc::text(" Red, short by more than that; - no target. ")};
    if (direction)
        for (auto& i : doc::Inlines{doc::strong({doc::text("Direction of travel")}),
                                    doc::text(" compares the latest month with the one before: "),
                                    doc::symbol("arrow-up"), doc::text(" up, "),
                                    doc::symbol("arrow-down"), doc::text(" down, "),
                                    doc::symbol("arrow-level"),
                                    doc::text(" level (a change of less than " +
                                              (rules.stable_within.relative ? number(rules.stable_within.amount) + "%"
                                                                            : number(rules.stable_within.amount) + " points") +
                                              "); each arrow's description says whether the change is an improvement. ")})
            text.push_back(std::move(i));
    if (!rules.markers.empty()) {
        text.push_back(doc::strong({doc::text("Markers")}));
        std::string meanings;
        for (const auto& [marker, meaning] : rules.markers) meanings += (meanings.empty() ? ": " : "; ") + marker + ", " + meaning;
        text.push_back(doc::text(meanings + "."));
    }
    if (!text.empty() && text.back().kind == doc::Inline::Kind::Text)
        while (!text.back().text.empty() && text.back().text.back() == ' ') text.back().text.pop_back();
    return doc::paragraph(std::move(text), "legend");
}

// What one printed column holds.
struct Column {
    enum class Kind { Indicator, Month, Target, Rag, Direction, Comparator } kind;
    size_t index = 0;     // Month: which month; Comparator: which comparator
    std::string heading;  // as printed
};

// The columns in the order the form prints them: by default the indicator,
// the months, target, RAG, direction and the other columns as the CSV has
// them; `columns` names them in another order (or leaves some out), and
// `rename` words their headings as the form does.
std::vector<Column> columns_of(const model::Scorecard& card, const FenceOptions* options) {
    std::vector<Column> all;
    all.push_back({Column::Kind::Indicator, 0, "Indicator"});
    for (size_t m = 0; m < card.months.size(); ++m) all.push_back({Column::Kind::Month, m, month_heading(card.months[m])});
    all.push_back({Column::Kind::Target, 0, "Target"});
    all.push_back({Column::Kind::Rag, 0, "RAG"});
    all.push_back({Column::Kind::Direction, 0, "Direction of travel"});
    for (size_t c = 0; c < card.comparator_names.size(); ++c) all.push_back({Column::Kind::Comparator, c, card.comparator_names[c]});
    if (!options) return all;

    // A column's name in the options: its heading, "months" for them all, "Direction" for short.
    auto name_of = [](const Column& c) { return c.kind == Column::Kind::Direction ? std::string("Direction") : c.heading; };
    std::vector<std::string> names{"months"};
    for (const auto& c : all)
        if (c.kind != Column::Kind::Month) names.push_back(name_of(c));
    std::vector<Column> chosen = all;
    if (options->has("columns")) {
        chosen.clear();
        std::set<std::string> seen;
        for (const auto& name : options->list("columns")) {
            if (!seen.insert(name).second) throw InputError(options->at("columns"), "'" + name + "' is listed twice in 'columns'");
            if (name == "months") {
                for (const auto& c : all)
                    if (c.kind == Column::Kind::Month) chosen.push_back(c);
                continue;
            }
            auto it = std::find_if(all.begin(), all.end(), [&](const Column& c) { return c.kind != Column::Kind::Month && (name_of(c) == name || c.heading == name); });
            if (it == all.end()) throw InputError(options->at("columns"), unknown_name("column", name, names) + " in 'columns'");
            chosen.push_back(*it);
        }
        if (chosen.empty() || chosen.front().kind != Column::Kind::Indicator)
            if (std::none_of(chosen.begin(), chosen.end(), [](const Column& c) { return c.kind == Column::Kind::Indicator; }))
                throw InputError(options->at("columns"), "'columns' must include Indicator: each row is headed by its indicator");
    }
    for (const auto& entry : options->list("rename")) {
        const size_t eq = entry.find('=');
        if (eq == std::string::npos) throw InputError(options->at("rename"), "write 'rename' as 'Column = heading | Column = heading', not '" + entry + "'");
        const std::string name = trim(entry.substr(0, eq)), heading = trim(entry.substr(eq + 1));
        auto it = std::find_if(chosen.begin(), chosen.end(), [&](const Column& c) { return c.kind != Column::Kind::Month && (name_of(c) == name || c.heading == name); });
        if (it == chosen.end()) throw InputError(options->at("rename"), unknown_name("column", name, names) + " in 'rename'");
        it->heading = heading;
    }
    return chosen;
}

}  // namespace

// An indicator's card: its name, then the latest month with a value, the
// target, RAG and direction as its row shows them (cells reused, so the
// card and the table never disagree).
Block card_of(const model::Indicator& indicator, const std::vector<Column>& columns, const doc::Row& row) {
    doc::Inlines facts;
    auto add = [&](const std::string& label, const doc::Cell& cell) {
        std::string text;
        for (const auto& b : cell.content) text += doc::plain_text(b.inlines);
        if (text == "-" || text.empty()) return;  // no target, no rating: nothing to say
        if (!facts.empty()) facts.push_back(doc::text("; "));
        facts.push_back(doc::strong({doc::text(label + ": ")}));
        for (const auto& b : cell.content)
            for (const auto& i : b.inlines) facts.push_back(i);
    };
    // The latest month shown that has a figure.
    for (size_t c = columns.size(); c-- > 0;)
        if (columns[c].kind == Column::Kind::Month && indicator.months[columns[c].index].value) {
            add("Latest (" + columns[c].heading + ")", row.cells[c]);
            break;
        }
    for (size_t c = 0; c < columns.size(); ++c)
        if (columns[c].kind == Column::Kind::Target || columns[c].kind == Column::Kind::Rag || columns[c].kind == Column::Kind::Direction)
            add(columns[c].heading, row.cells[c]);
    return doc::list_item("", {doc::paragraph({doc::strong({doc::text(indicator.name)})}), doc::paragraph(std::move(facts))});
}

doc::Blocks scorecard_blocks(const Context& context, const model::Scorecard& card, const doc::Inlines& caption, const FenceOptions* options) {
    const std::vector<Column> columns = columns_of(card, options);
    auto shows = [&](Column::Kind kind) { return std::any_of(columns.begin(), columns.end(), [&](const Column& c) { return c.kind == kind; }); };
    Block table;
    table.kind = Block::Kind::Table;
    table.role = "scorecard";
    table.landscape = true;
    table.caption = caption;
    table.header_rows = 1;
    doc::Row header;
    for (const auto& column : columns) header.cells.push_back(doc::text_cell(column.heading, true, "col"));
    table.rows.push_back(std::move(header));

    // On a narrow screen, each indicator's latest position first, in words
    // (the table with its months follows): a card an indicator.
    Block cards = doc::list(false, {}, doc::role::kScorecardCards);
    std::string group;
    for (const auto& indicator : card.indicators) {
        // A group's name heads its indicators, across the whole table.
        if (!indicator.group.empty() && indicator.group != group) {
            doc::Row heading;
            doc::Cell cell = doc::text_cell(indicator.group, true, "rowgroup");
            cell.colspan = static_cast<int>(columns.size());
            for (auto& b : cell.content) b.origin = indicator.where;
            heading.cells.push_back(std::move(cell));
            table.rows.push_back(std::move(heading));
        }
        group = indicator.group;

        std::vector<std::optional<double>> values;
        for (const auto& month : indicator.months) values.push_back(month.value);
        compute::Rag rag = compute::Rag::None;
        if (!indicator.rag.empty()) {
            rag = indicator.rag == "Red" ? compute::Rag::Red : indicator.rag == "Amber" ? compute::Rag::Amber : compute::Rag::Green;
        } else if (indicator.target.value) {
            // The latest month that has a value is the one rated.
            for (auto it = values.rbegin(); it != values.rend(); ++it)
                if (*it) {
                    rag = compute::rate(**it, *indicator.target.value, indicator.polarity, card.rules.tolerance);
                    break;
                }
        }
        doc::Row row;
        for (const auto& column : columns) {
            switch (column.kind) {
                case Column::Kind::Indicator: row.cells.push_back(doc::text_cell(indicator.name, true, "row")); break;
                case Column::Kind::Month: row.cells.push_back(doc::text_cell(shown(indicator.months[column.index], indicator.format))); break;
                case Column::Kind::Target:
                    row.cells.push_back(doc::text_cell(indicator.target.value ? shown(indicator.target, indicator.format) : "-"));
                    break;
                case Column::Kind::Rag: row.cells.push_back(rag_cell(rag)); break;
                case Column::Kind::Direction:
                    row.cells.push_back(direction_cell(compute::direction_of_travel(values, indicator.polarity, card.rules.stable_within), indicator.format));
                    break;
                case Column::Kind::Comparator: row.cells.push_back(doc::text_cell(indicator.comparators[column.index])); break;
            }
        }
        for (auto& cell : row.cells)
            for (auto& b : cell.content) b.origin = indicator.where;
        cards.children.push_back(card_of(indicator, columns, row));
        table.rows.push_back(std::move(row));
    }
    (void)context;
    return {cards, table, legend(card.rules, shows(Column::Kind::Rag), shows(Column::Kind::Direction))};
}

doc::Blocks scorecard_from_fence(const Context& context, const FenceOptions& options) {
    const std::string& csv = options.require("csv", "<path inside data/>");
    const model::Scorecard& card = context.data->scorecard(csv, options.at("csv"), options.get_or("rules", ""), options.at("rules"));
    return scorecard_blocks(context, card, options.inline_markdown("caption"), &options);
}

}  // namespace agendapack::compose
