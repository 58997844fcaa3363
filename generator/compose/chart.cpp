// ```chart: a line or bar chart from a CSV, the first column (or `x`) along
// one axis and each other column (or `series`) a line or a set of bars.
#include "../load/load.hpp"
#include "fences.hpp"

namespace agendapack::compose {

doc::Blocks chart_from_fence(const Context& context, const FenceOptions& options) {
    const std::string& csv = options.require("csv", "<path inside data/>");
    const load::CsvTable& data = context.data->csv(csv, options.at("csv"));
    auto chart = std::make_shared<doc::Chart>();

    const std::string type = options.get_or("type", "line");
    if (type == "line") chart->type = doc::Chart::Type::Line;
    else if (type == "bar") chart->type = doc::Chart::Type::Bar;
    else if (type == "horizontal-bar") chart->type = doc::Chart::Type::HorizontalBar;
    else throw InputError(options.at("type"), unknown_name("chart type", type, {"line", "bar", "horizontal-bar"}) + ": use line, bar or horizontal-bar");

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
