// ```chart: a line, bar or stacked bar chart from a CSV, the first column (or
// `x`) along one axis and each other column (or `series`) a line or a set of
// bars; or a pie or donut, each row a slice of one column of values.
#include <cmath>

#include "../load/load.hpp"
#include "fences.hpp"

namespace agendapack::compose {

namespace {

// Past this the scale, rounded up to its next step, and the stacks' sums
// would leave the numbers a double holds, and the axis would never end.
constexpr double kLargestPlotted = 1e15;

}  // namespace

doc::Blocks chart_from_fence(const Context& context, const FenceOptions& options) {
    const std::string& csv = options.require("csv", "<path inside data/>");
    const load::CsvTable& data = context.data->csv(csv, options.at("csv"));
    auto chart = std::make_shared<doc::Chart>();

    const std::string type = options.get_or("type", "line");
    if (type == "line") chart->type = doc::Chart::Type::Line;
    else if (type == "bar") chart->type = doc::Chart::Type::Bar;
    else if (type == "horizontal-bar") chart->type = doc::Chart::Type::HorizontalBar;
    else if (type == "stacked-bar") chart->type = doc::Chart::Type::StackedBar;
    else if (type == "pie") chart->type = doc::Chart::Type::Pie;
    else if (type == "donut") chart->type = doc::Chart::Type::Donut;
    else
        throw InputError(options.at("type"), unknown_name("chart type", type, {"line", "bar", "horizontal-bar", "stacked-bar", "pie", "donut"}) +
                                                 ": use line, bar, horizontal-bar, stacked-bar, pie or donut");
    const bool round = chart->type == doc::Chart::Type::Pie || chart->type == doc::Chart::Type::Donut;

    auto column = [&](const std::string& option, const std::string& name) {
        auto it = std::find(data.header.begin(), data.header.end(), name);
        if (it == data.header.end()) throw InputError(options.at(option), unknown_name("column", name, data.header) + " in " + data.file);
        return static_cast<size_t>(it - data.header.begin());
    };
    size_t x = options.has("x") ? column("x", options.get("x")) : 0;
    std::vector<size_t> series;
    if (options.has("series")) {
        for (const auto& name : options.list("series")) series.push_back(column("series", name));
    } else {
        for (size_t c = 0; c < data.header.size(); ++c)
            if (c != x) series.push_back(c);
    }
    if (series.empty()) throw InputError(options.where(), "a chart needs at least one column of values besides '" + data.header[x] + "'");
    if (round && series.size() > 1)
        throw InputError(options.has("series") ? options.at("series") : options.where(),
                         "a " + type + " chart shows one column of values, each row a slice: name it with 'series', one of " +
                             std::to_string(series.size()) + " columns");

    chart->title = options.get_or("title", "");
    chart->x_label = options.get_or("x_label", "");
    chart->y_label = options.get_or("y_label", "");
    chart->data_labels = options.yes_no("labels", false);
    for (size_t c : series) chart->series.push_back({data.header[c], {}});
    for (const auto& row : data.rows) {
        chart->categories.push_back(trim(row.cells[x]));
        for (size_t s = 0; s < series.size(); ++s) {
            const std::string& cell = row.cells[series[s]];
            std::optional<double> value = parse_figure(cell);
            if (!value && !trim(cell).empty() && trim(cell) != "-")
                throw InputError(row.at(series[s]), "'" + trim(cell) + "' in column '" + data.header[series[s]] +
                                                        "' is not a number a chart can plot (leave it empty when it is missing)");
            if (value && std::abs(*value) > kLargestPlotted)
                throw InputError(row.at(series[s]), "'" + trim(cell) + "' in column '" + data.header[series[s]] +
                                                        "' is too large to plot: a chart's values lie between -1,000,000,000,000,000 and 1,000,000,000,000,000");
            chart->series[s].values.push_back(value);
            const std::string written = trim(cell);
            size_t point = written.find('.');
            if (value && point != std::string::npos) {
                size_t digits = written.find_first_not_of("0123456789", point + 1);
                chart->decimals = std::max(chart->decimals, static_cast<int>((digits == std::string::npos ? written.size() : digits) - point - 1));
            }
            if (value && !written.empty() && written.back() == '%') chart->suffix = "%";
        }
    }
    if (chart->categories.empty()) throw InputError({data.file, 1, 1}, "a chart needs at least one row of data");
    // Stacked bars and slices add up: a share cannot be less than nothing.
    if (round || chart->type == doc::Chart::Type::StackedBar) {
        double total = 0;
        for (size_t s = 0; s < series.size(); ++s)
            for (size_t r = 0; r < data.rows.size(); ++r) {
                const auto& v = chart->series[s].values[r];
                if (v && *v < 0)
                    throw InputError(data.rows[r].at(series[s]), "'" + trim(data.rows[r].cells[series[s]]) + "' is below zero: a " + type +
                                                                     " chart adds values up, so each must be zero or more");
                if (v) total += *v;
            }
        if (round && total <= 0) throw InputError(options.where(), "a " + type + " chart needs some value above zero to share out");
    }

    doc::Blocks blocks;
    if (!chart->title.empty()) blocks.push_back(doc::paragraph({doc::strong({doc::text(chart->title)})}, doc::role::kChartTitle));
    doc::Block block;
    block.kind = doc::Block::Kind::ChartBlock;
    block.chart = chart;
    block.origin = options.where();
    blocks.push_back(block);
    if (options.has("source")) blocks.push_back(options.source_note("chart-source"));
    return blocks;
}

}  // namespace agendapack::compose
