// A performance scorecard: indicators by month with target, computed RAG and
// direction of travel, comparators, and a legend that states the rules.
// RAG is told three ways (tint, shape, word) and direction by a drawn arrow
// with a name, so it reads in greyscale and to a screen reader.
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
    std::string name = compute::direction_word(m.direction);
    std::string detail = moved + " from " + value(m.from) + " to " + value(m.to);
    name = name.empty() ? detail : name + ": " + detail;
    name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    return doc::cell({doc::paragraph({doc::symbol(shape, name)})});
}

Block legend(const model::RagRules& rules) {
    doc::Inlines text{doc::strong({doc::text("RAG")}),
                      doc::text(" compares the latest month with the target: "),
                      doc::symbol("rag-green"), doc::text(" Green, on target or better; "),
                      doc::symbol("rag-amber"), doc::text(" Amber, short of the target by no more than " + tolerance_words(rules.tolerance) + "; "),
                      doc::symbol("rag-red"), doc::text(" Red, short by more than that; - no target. "),
                      doc::strong({doc::text("Direction of travel")}),
                      doc::text(" compares the latest month with the one before: "),
                      doc::symbol("arrow-up"), doc::text(" up, "),
                      doc::symbol("arrow-down"), doc::text(" down, "),
                      doc::symbol("arrow-level"),
                      doc::text(" level (a change of less than " +
                                (rules.stable_within.relative ? number(rules.stable_within.amount) + "%"
                                                              : number(rules.stable_within.amount) + " points") +
                                "); each arrow's description says whether the change is an improvement.")};
    return doc::paragraph(std::move(text), "legend");
}

}  // namespace

doc::Blocks scorecard_blocks(const Context& context, const model::Scorecard& card, const doc::Inlines& caption) {
    Block table;
    table.kind = Block::Kind::Table;
    table.role = "scorecard";
    table.landscape = true;
    table.caption = caption;
    table.header_rows = 1;
    doc::Row header;
    header.cells.push_back(doc::text_cell("Indicator", true, "col"));
    for (const auto& month : card.months) header.cells.push_back(doc::text_cell(month_heading(month), true, "col"));
    for (const char* name : {"Target", "RAG", "Direction of travel"}) header.cells.push_back(doc::text_cell(name, true, "col"));
    for (const auto& name : card.comparator_names) header.cells.push_back(doc::text_cell(name, true, "col"));
    table.rows.push_back(std::move(header));

    for (const auto& indicator : card.indicators) {
        doc::Row row;
        row.cells.push_back(doc::text_cell(indicator.name, true, "row"));
        std::vector<std::optional<double>> values;
        for (const auto& month : indicator.months) {
            row.cells.push_back(doc::text_cell(shown(month, indicator.format)));
            values.push_back(month.value);
        }
        row.cells.push_back(doc::text_cell(indicator.target.value ? shown(indicator.target, indicator.format) : "-"));

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
        row.cells.push_back(rag_cell(rag));
        row.cells.push_back(direction_cell(compute::direction_of_travel(values, indicator.polarity, card.rules.stable_within), indicator.format));
        for (const auto& c : indicator.comparators) row.cells.push_back(doc::text_cell(c.empty() ? "" : c));
        for (auto& cell : row.cells)
            for (auto& b : cell.content) b.origin = indicator.where;
        table.rows.push_back(std::move(row));
    }
    (void)context;
    return {table, legend(card.rules)};
}

doc::Blocks scorecard_from_fence(const Context& context, const FenceOptions& options) {
    const std::string& csv = options.require("csv", "<path inside data/>");
    const model::Scorecard& card = context.data->scorecard(csv, options.at("csv"), options.get_or("rules", ""), options.at("rules"));
    return scorecard_blocks(context, card, options.inline_markdown("caption"));
}

}  // namespace agendapack::compose
