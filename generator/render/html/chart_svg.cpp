// A chart as inline SVG, from the shared scene, followed by its figures as a
// table for screen readers: the picture is for the eye, the table for
// everyone else.
#include "../chart/chart.hpp"
#include "html.hpp"

namespace agendapack::render::html {

namespace {

std::string num(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", v);
    std::string s = buffer;
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
    return s;
}

std::string shape_svg(const chart::Shape& s) {
    const std::string colour = s.colour.hex();
    switch (s.kind) {
        case chart::Shape::Kind::Line:
            return "<line x1=\"" + num(s.points[0].first) + "\" y1=\"" + num(s.points[0].second) + "\" x2=\"" + num(s.points[1].first) +
                   "\" y2=\"" + num(s.points[1].second) + "\" stroke=\"" + colour + "\" stroke-width=\"" + num(s.width) + "\"" +
                   (s.dashed ? " stroke-dasharray=\"6 3\"" : "") + "/>";
        case chart::Shape::Kind::Rect:
            return "<rect x=\"" + num(s.points[0].first) + "\" y=\"" + num(s.points[0].second) + "\" width=\"" +
                   num(s.points[1].first - s.points[0].first) + "\" height=\"" + num(s.points[1].second - s.points[0].second) +
                   "\" fill=\"" + colour + "\"/>";
        case chart::Shape::Kind::Polyline: {
            std::string points;
            for (const auto& [x, y] : s.points) points += (points.empty() ? "" : " ") + num(x) + "," + num(y);
            return "<polyline points=\"" + points + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"" + num(s.width) + "\"" +
                   (s.dashed ? " stroke-dasharray=\"6 3\"" : "") + "/>";
        }
        case chart::Shape::Kind::Polygon: {
            std::string points;
            for (const auto& [x, y] : s.points) points += (points.empty() ? "" : " ") + num(x) + "," + num(y);
            return "<polygon points=\"" + points + "\" fill=\"" + colour + "\"/>";
        }
        case chart::Shape::Kind::Marker: {
            double x = s.points[0].first, y = s.points[0].second;
            if (s.marker == "square")
                return "<rect x=\"" + num(x - 3.5) + "\" y=\"" + num(y - 3.5) + "\" width=\"7\" height=\"7\" fill=\"" + colour + "\"/>";
            if (s.marker == "triangle")
                return "<polygon points=\"" + num(x) + "," + num(y - 4.5) + " " + num(x + 4.5) + "," + num(y + 3.5) + " " + num(x - 4.5) +
                       "," + num(y + 3.5) + "\" fill=\"" + colour + "\"/>";
            return "<circle cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"4\" fill=\"" + colour + "\"/>";
        }
        case chart::Shape::Kind::Text: {
            double x = s.points[0].first, y = s.points[0].second;
            std::string transform = s.vertical ? " transform=\"rotate(-90 " + num(x) + " " + num(y) + ")\"" : "";
            return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" font-size=\"" + num(s.size) + "\" text-anchor=\"" + s.anchor + "\" fill=\"" +
                   colour + "\"" + (s.bold ? " font-weight=\"bold\"" : "") + transform + ">" + escape(s.text) + "</text>";
        }
    }
    return "";
}

}  // namespace

std::string render_chart(const doc::Chart& chart) {
    std::string name = chart.title.empty() ? "Chart" : chart.title;
    // On a narrow screen the chart keeps a size its words can be read at
    // and scrolls sideways in its own region; its figures are one click
    // away, as a table anyone can open.
    std::string out = "<figure class=\"chart\">\n<div class=\"chart-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"" +
                      escape(name + " (chart, scrolls sideways)") + "\">\n<svg viewBox=\"0 0 " + num(chart::kWidth) + " " +
                      num(chart::kHeight) + "\" role=\"img\" aria-label=\"" + escape(name + ": its figures are under Show the figures") +
                      "\" font-family=\"Liberation Sans, Arial, sans-serif\">\n";
    for (const auto& shape : chart::scene(chart)) out += shape_svg(shape) + "\n";
    out += "</svg>\n</div>\n<details class=\"chart-figures\">\n<summary>Show the figures</summary>\n"
           "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"" + escape(name + " (figures)") + "\">\n"
           "<table>\n<caption>" + escape(name) + "</caption>\n<thead><tr><th scope=\"col\">" +
           escape(chart.x_label.empty() ? "Category" : chart.x_label) + "</th>";
    for (const auto& s : chart.series) out += "<th scope=\"col\">" + escape(s.name) + "</th>";
    out += "</tr></thead>\n<tbody>\n";
    for (size_t i = 0; i < chart.categories.size(); ++i) {
        out += "<tr><th scope=\"row\">" + escape(chart.categories[i]) + "</th>";
        for (const auto& s : chart.series)
            out += "<td>" + (s.values[i] ? escape(chart::format_value(*s.values[i], chart.decimals) + chart.suffix) : std::string("no figure")) + "</td>";
        out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n</div>\n</details>\n</figure>\n";
    return out;
}

}  // namespace agendapack::render::html
