// Charts as a scene of plain shapes, worked out once and drawn by both
// renderers: inline SVG in the HTML, vector paths in the PDF. Coordinates
// are in a 640 × 360 box, y downwards; each renderer scales the box.
#pragma once

#include <string>
#include <vector>

#include "../../doc/doc.hpp"

namespace agendapack::render::chart {

constexpr double kWidth = 640, kHeight = 360;

struct Rgb {
    int r = 0, g = 0, b = 0;
    std::string hex() const;
};

struct Shape {
    enum class Kind { Line, Rect, Polyline, Polygon, Marker, Text };
    Kind kind = Kind::Line;
    // Line: 2, Polyline: n, Polygon: n (filled, closed), Rect: top-left and bottom-right, Marker/Text: 1
    std::vector<std::pair<double, double>> points;
    Rgb colour;
    double width = 1;          // stroke width
    bool dashed = false;
    std::string marker;        // "circle", "square", "triangle"
    std::string text;          // Text
    double size = 11;          // Text size
    std::string anchor = "start";  // "start", "middle", "end"
    bool bold = false;
    bool vertical = false;     // Text read bottom to top (the y-axis label)
};

// The series' colours and markers differ in lightness and shape as well as
// hue, so a chart still reads in greyscale print.
Rgb series_colour(size_t index);
std::string series_marker(size_t index);

std::vector<Shape> scene(const doc::Chart& chart);

// Rough width of text in the scene's units: the same estimate for both
// renderers, so their layouts agree.
double estimate_width(const std::string& text, double size);

std::string format_value(double value, int decimals);

}  // namespace agendapack::render::chart
