#include <algorithm>
#include <cmath>

#include "chart.hpp"

namespace agendapack::render::chart {

namespace {

const Rgb kInk{27, 27, 27}, kGrid{216, 216, 216}, kAxis{80, 80, 80}, kWhite{255, 255, 255};

struct Scale {
    double low = 0, high = 1, step = 1;
    int decimals = 0;
};

// Round steps of 1, 2 or 5 × 10^n, about five of them, from zero (or below).
Scale nice_scale(double low, double high) {
    Scale s;
    low = std::min(0.0, low);
    if (high <= low) high = low + 1;
    double raw = (high - low) / 5;
    double magnitude = std::pow(10, std::floor(std::log10(raw)));
    double residual = raw / magnitude;
    s.step = (residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10) * magnitude;
    s.low = std::floor(low / s.step) * s.step;
    s.high = std::ceil(high / s.step - 1e-9) * s.step;
    s.decimals = s.step < 1 ? static_cast<int>(std::ceil(-std::log10(s.step) - 1e-9)) : 0;
    return s;
}

// Words wrapped to lines no wider than `width` (at most three lines).
std::vector<std::string> wrap(const std::string& text, double width, double size) {
    std::vector<std::string> lines;
    std::string line, word;
    auto flush_word = [&] {
        if (word.empty()) return;
        std::string candidate = line.empty() ? word : line + " " + word;
        if (!line.empty() && estimate_width(candidate, size) > width) {
            lines.push_back(line);
            line = word;
        } else {
            line = candidate;
        }
        word.clear();
    };
    for (char c : text) {
        if (c == ' ') flush_word();
        else word += c;
    }
    flush_word();
    if (!line.empty()) lines.push_back(line);
    if (lines.size() > 3) {
        lines.resize(3);
        lines.back() += "…";
    }
    return lines;
}

Shape text(double x, double y, const std::string& t, double size, const std::string& anchor, Rgb colour = kInk) {
    Shape s;
    s.kind = Shape::Kind::Text;
    s.points = {{x, y}};
    s.text = t;
    s.size = size;
    s.anchor = anchor;
    s.colour = colour;
    return s;
}

Shape line(double x1, double y1, double x2, double y2, Rgb colour, double width = 1) {
    Shape s;
    s.kind = Shape::Kind::Line;
    s.points = {{x1, y1}, {x2, y2}};
    s.colour = colour;
    s.width = width;
    return s;
}

Shape rect(double x1, double y1, double x2, double y2, Rgb colour) {
    Shape s;
    s.kind = Shape::Kind::Rect;
    s.points = {{std::min(x1, x2), std::min(y1, y2)}, {std::max(x1, x2), std::max(y1, y2)}};
    s.colour = colour;
    return s;
}

Shape marker(double x, double y, size_t series) {
    Shape s;
    s.kind = Shape::Kind::Marker;
    s.points = {{x, y}};
    s.colour = series_colour(series);
    s.marker = series_marker(series);
    return s;
}

void legend(const doc::Chart& chart, double left, std::vector<Shape>& out) {
    double x = left;
    for (size_t i = 0; i < chart.series.size(); ++i) {
        const double y = 16;
        if (chart.type == doc::Chart::Type::Line) {
            Shape l = line(x, y, x + 22, y, series_colour(i), 2);
            l.dashed = i % 2 == 1;
            out.push_back(l);
            out.push_back(marker(x + 11, y, i));
            x += 28;
        } else {
            out.push_back(rect(x, y - 6, x + 12, y + 6, series_colour(i)));
            x += 18;
        }
        out.push_back(text(x, y + 4, chart.series[i].name, 11, "start"));
        x += estimate_width(chart.series[i].name, 11) + 20;
    }
}

// A pie or donut: one series, each category a slice, clockwise from twelve
// o'clock in the CSV's order. Slices are parted by white lines and carry
// their share where there is room; the legend names each slice with its
// value and share, so the chart reads without telling colours apart.
std::vector<Shape> round_scene(const doc::Chart& chart) {
    std::vector<Shape> out;
    const auto& values = chart.series.front().values;
    double total = 0;
    for (const auto& v : values) total += v.value_or(0);
    const double cx = 170, cy = 190, r = 145, inner = chart.type == doc::Chart::Type::Donut ? r * 0.55 : 0;
    const double pi = std::acos(-1.0);
    auto at = [&](double radius, double angle) { return std::pair<double, double>{cx + radius * std::sin(angle), cy - radius * std::cos(angle)}; };
    auto share = [&](double v) { return format_figure(100 * v / total, 0, false) + "%"; };
    double start = 0;
    std::vector<double> bounds;
    for (size_t i = 0; i < values.size(); ++i) {
        const double v = values[i].value_or(0);
        if (v <= 0) continue;
        const double sweep = 2 * pi * v / total, end = start + sweep;
        Shape slice;
        slice.kind = Shape::Kind::Polygon;
        slice.colour = series_colour(i);
        const int steps = std::max(2, static_cast<int>(std::ceil(sweep / (pi / 90))));  // a point every two degrees
        for (int k = 0; k <= steps; ++k) slice.points.push_back(at(r, start + sweep * k / steps));
        if (inner > 0)
            for (int k = steps; k >= 0; --k) slice.points.push_back(at(inner, start + sweep * k / steps));
        else
            slice.points.push_back({cx, cy});
        out.push_back(slice);
        bounds.push_back(start);
        if (sweep >= pi / 10) {  // room for its share
            auto [lx, ly] = at(inner > 0 ? (r + inner) / 2 : r * 0.66, start + sweep / 2);
            out.push_back(text(lx, ly + 4, share(v), 11, "middle", kWhite));
        }
        start = end;
    }
    if (bounds.size() > 1)
        for (double angle : bounds) {
            auto [x1, y1] = at(inner, angle);
            auto [x2, y2] = at(r, angle);
            out.push_back(line(x1, y1, x2, y2, kWhite, 2));
        }
    // The legend: a swatch, the category, its value and share, one a line.
    const double left = cx + r + 40;
    double y = std::max(40.0, cy - 11.0 * static_cast<double>(values.size()));
    for (size_t i = 0; i < values.size(); ++i) {
        out.push_back(rect(left, y - 9, left + 12, y + 3, series_colour(i)));
        std::string label = chart.categories[i] + ": " +
                            (values[i] ? format_value(*values[i], chart.decimals) + chart.suffix + " (" + share(*values[i]) + ")" : "no figure");
        out.push_back(text(left + 18, y + 1, label, 11, "start"));
        y += 22;
    }
    return out;
}

}  // namespace

std::string Rgb::hex() const {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", r, g, b);
    return buffer;
}

Rgb series_colour(size_t index) {
    static const Rgb palette[] = {{0, 86, 122},   {179, 89, 0},  {90, 90, 90},  {56, 118, 29},
                                  {164, 0, 13},   {106, 61, 154}, {0, 128, 128}, {140, 110, 0}};
    return palette[index % 8];
}

std::string series_marker(size_t index) {
    static const char* markers[] = {"circle", "square", "triangle"};
    return markers[index % 3];
}

double estimate_width(const std::string& text, double size) {
    // Liberation Sans averages a little over half an em per character.
    size_t characters = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80) ++characters;
    return static_cast<double>(characters) * size * 0.54;
}

std::string format_value(double value, int decimals) { return format_figure(value, decimals, true); }

std::vector<Shape> scene(const doc::Chart& chart) {
    if (chart.type == doc::Chart::Type::Pie || chart.type == doc::Chart::Type::Donut) return round_scene(chart);
    std::vector<Shape> out;
    const bool stacked = chart.type == doc::Chart::Type::StackedBar;
    double low = 0, high = 0;
    for (const auto& s : chart.series)
        for (const auto& v : s.values)
            if (v) low = std::min(low, *v), high = std::max(high, *v);
    if (stacked)  // the scale reaches the tallest stack
        for (size_t i = 0; i < chart.categories.size(); ++i) {
            double total = 0;
            for (const auto& s : chart.series) total += s.values[i].value_or(0);
            high = std::max(high, total);
        }
    Scale scale = nice_scale(low, high);
    const int tick_decimals = std::max(scale.decimals, 0);
    const size_t n = std::max<size_t>(1, chart.categories.size());
    const double top = 36;

    if (chart.type == doc::Chart::Type::HorizontalBar) {
        double label_width = 0;
        for (const auto& c : chart.categories) label_width = std::max(label_width, estimate_width(c, 10));
        const double left = std::min(label_width, 200.0) + 12, right = kWidth - 40;
        const double bottom = kHeight - (chart.x_label.empty() ? 24 : 42);
        auto x_of = [&](double v) { return left + (v - scale.low) / (scale.high - scale.low) * (right - left); };
        for (double t = scale.low; t <= scale.high + scale.step / 2; t += scale.step) {
            out.push_back(line(x_of(t), top, x_of(t), bottom, kGrid));
            out.push_back(text(x_of(t), bottom + 14, format_value(t, tick_decimals) + chart.suffix, 10, "middle", kAxis));
        }
        out.push_back(line(x_of(0), top, x_of(0), bottom, kAxis));
        const double slot = (bottom - top) / static_cast<double>(n);
        const double group = slot * 0.7, bar = group / static_cast<double>(std::max<size_t>(1, chart.series.size()));
        for (size_t i = 0; i < chart.categories.size(); ++i) {
            double y0 = top + slot * static_cast<double>(i);
            auto lines = wrap(chart.categories[i], left - 12, 10);
            double first = y0 + slot / 2 - (static_cast<double>(lines.size()) - 1) * 6 + 4;
            for (size_t l = 0; l < lines.size(); ++l) out.push_back(text(left - 6, first + 12 * static_cast<double>(l), lines[l], 10, "end"));
            for (size_t s = 0; s < chart.series.size(); ++s) {
                const auto& v = chart.series[s].values[i];
                if (!v) continue;
                double y = y0 + (slot - group) / 2 + bar * static_cast<double>(s);
                out.push_back(rect(x_of(0), y, x_of(*v), y + bar * 0.92, series_colour(s)));
                if (chart.data_labels) out.push_back(text(x_of(*v) + 4, y + bar * 0.46 + 3.5, format_value(*v, chart.decimals) + chart.suffix, 9, "start"));
            }
        }
        if (!chart.x_label.empty()) out.push_back(text((left + right) / 2, kHeight - 8, chart.x_label, 11, "middle"));
        legend(chart, left, out);
        return out;
    }

    // Vertical: categories along the bottom, values up the side.
    double tick_width = 0;
    for (double t = scale.low; t <= scale.high + scale.step / 2; t += scale.step)
        tick_width = std::max(tick_width, estimate_width(format_value(t, tick_decimals) + chart.suffix, 10));
    const double left = tick_width + (chart.y_label.empty() ? 12 : 30), right = kWidth - 12;
    const double slot = (right - left) / static_cast<double>(n);
    size_t label_lines = 1;
    std::vector<std::vector<std::string>> wrapped;
    for (const auto& c : chart.categories) {
        wrapped.push_back(wrap(c, slot - 4, 9.5));
        label_lines = std::max(label_lines, wrapped.back().size());
    }
    const double bottom = kHeight - 10 - 11.5 * static_cast<double>(label_lines) - (chart.x_label.empty() ? 0 : 18);
    auto y_of = [&](double v) { return bottom - (v - scale.low) / (scale.high - scale.low) * (bottom - top); };
    for (double t = scale.low; t <= scale.high + scale.step / 2; t += scale.step) {
        out.push_back(line(left, y_of(t), right, y_of(t), kGrid));
        out.push_back(text(left - 5, y_of(t) + 3.5, format_value(t, tick_decimals) + chart.suffix, 10, "end", kAxis));
    }
    out.push_back(line(left, y_of(0), right, y_of(0), kAxis));
    out.push_back(line(left, top, left, bottom, kAxis));
    for (size_t i = 0; i < wrapped.size(); ++i)
        for (size_t l = 0; l < wrapped[i].size(); ++l)
            out.push_back(text(left + slot * (static_cast<double>(i) + 0.5), bottom + 14 + 11.5 * static_cast<double>(l), wrapped[i][l], 9.5, "middle"));
    if (!chart.y_label.empty()) {
        Shape label = text(14, (top + bottom) / 2, chart.y_label, 11, "middle");
        label.vertical = true;
        out.push_back(label);
    }
    if (!chart.x_label.empty()) out.push_back(text((left + right) / 2, kHeight - 6, chart.x_label, 11, "middle"));

    if (stacked) {
        // Each category one bar, its series stacked from the axis up in
        // legend order, parted by thin white lines; the total on top.
        const double bar = slot * 0.6;
        for (size_t i = 0; i < chart.categories.size(); ++i) {
            const double x = left + slot * static_cast<double>(i) + (slot - bar) / 2;
            double base = 0;
            for (size_t s = 0; s < chart.series.size(); ++s) {
                const auto& v = chart.series[s].values[i];
                if (!v || *v <= 0) continue;
                out.push_back(rect(x, y_of(base + *v), x + bar, y_of(base), series_colour(s)));
                out.push_back(line(x, y_of(base + *v), x + bar, y_of(base + *v), kWhite, 1));
                if (chart.data_labels && y_of(base) - y_of(base + *v) >= 13)
                    out.push_back(text(x + bar / 2, (y_of(base) + y_of(base + *v)) / 2 + 3.5, format_value(*v, chart.decimals) + chart.suffix, 9,
                                       "middle", kWhite));
                base += *v;
            }
            if (chart.data_labels && base > 0)
                out.push_back(text(x + bar / 2, y_of(base) - 5, format_value(base, chart.decimals) + chart.suffix, 9, "middle"));
        }
    } else if (chart.type == doc::Chart::Type::Bar) {
        const double group = slot * 0.72, bar = group / static_cast<double>(std::max<size_t>(1, chart.series.size()));
        for (size_t s = 0; s < chart.series.size(); ++s)
            for (size_t i = 0; i < chart.categories.size(); ++i) {
                const auto& v = chart.series[s].values[i];
                if (!v) continue;
                double x = left + slot * static_cast<double>(i) + (slot - group) / 2 + bar * static_cast<double>(s);
                out.push_back(rect(x, y_of(*v), x + bar * 0.92, y_of(0), series_colour(s)));
                if (chart.data_labels) out.push_back(text(x + bar * 0.46, y_of(*v) - 4, format_value(*v, chart.decimals) + chart.suffix, 9, "middle"));
            }
    } else {
        for (size_t s = 0; s < chart.series.size(); ++s) {
            Shape path;
            path.kind = Shape::Kind::Polyline;
            path.colour = series_colour(s);
            path.width = 2;
            path.dashed = s % 2 == 1;
            auto flush = [&] {
                if (path.points.size() > 1) out.push_back(path);
                path.points.clear();
            };
            for (size_t i = 0; i < chart.categories.size(); ++i) {
                const auto& v = chart.series[s].values[i];
                if (!v) {
                    flush();  // a gap where a value is missing
                    continue;
                }
                path.points.push_back({left + slot * (static_cast<double>(i) + 0.5), y_of(*v)});
            }
            flush();
            for (size_t i = 0; i < chart.categories.size(); ++i) {
                const auto& v = chart.series[s].values[i];
                if (!v) continue;
                double x = left + slot * (static_cast<double>(i) + 0.5);
                out.push_back(marker(x, y_of(*v), s));
                // A label goes on the side of its point the line leaves free:
                // above a peak or a rise, below a dip, so it never sits on the
                // line; where neighbours are level, the first series above
                // and the others below keep apart.
                if (chart.data_labels) {
                    double around = 0;
                    int neighbours = 0;
                    for (int step : {-1, 1}) {
                        const long j = static_cast<long>(i) + step;
                        if (j < 0 || j >= static_cast<long>(chart.categories.size()) || !chart.series[s].values[j]) continue;
                        around += *chart.series[s].values[j];
                        ++neighbours;
                    }
                    bool above = s == 0;
                    if (neighbours > 0 && std::abs(around / neighbours - *v) > 1e-9) above = around / neighbours < *v;
                    out.push_back(text(x, above ? y_of(*v) - 8 : y_of(*v) + 16, format_value(*v, chart.decimals) + chart.suffix, 9, "middle",
                                       series_colour(s)));
                }
            }
        }
    }
    legend(chart, left, out);
    return out;
}

}  // namespace agendapack::render::chart
