#include <catch2/catch.hpp>

#include "render/chart/chart.hpp"

using namespace agendapack;
using namespace agendapack::render;

namespace {

doc::Chart two_series(doc::Chart::Type type) {
    doc::Chart c;
    c.type = type;
    c.categories = {"2021", "2022", "2023"};
    c.series = {{"Southampton", {0.14, std::nullopt, 0.31}}, {"England", {0.10, 0.09, 0.08}}};
    c.decimals = 2;
    c.data_labels = true;
    return c;
}

size_t count(const std::vector<chart::Shape>& shapes, chart::Shape::Kind kind) {
    size_t n = 0;
    for (const auto& s : shapes) n += s.kind == kind;
    return n;
}

}  // namespace

TEST_CASE("bars: one per value, a gap for a missing one, all inside the box") {
    auto shapes = chart::scene(two_series(doc::Chart::Type::Bar));
    // 5 values + 2 legend swatches.
    CHECK(count(shapes, chart::Shape::Kind::Rect) == 7);
    for (const auto& s : shapes)
        for (const auto& [x, y] : s.points) {
            CHECK(x >= 0);
            CHECK(x <= chart::kWidth);
            CHECK(y >= 0);
            CHECK(y <= chart::kHeight);
        }
}

TEST_CASE("lines break at a missing value and carry markers and labels") {
    auto shapes = chart::scene(two_series(doc::Chart::Type::Line));
    // Southampton: two one-point pieces are not lines; England: one line of three points.
    CHECK(count(shapes, chart::Shape::Kind::Polyline) == 1);
    CHECK(count(shapes, chart::Shape::Kind::Marker) == 5 + 2);  // points + legend
    bool label = false;
    for (const auto& s : shapes) label = label || (s.kind == chart::Shape::Kind::Text && s.text == "0.31");
    CHECK(label);
}

TEST_CASE("ticks are round numbers from zero") {
    auto shapes = chart::scene(two_series(doc::Chart::Type::HorizontalBar));
    std::vector<std::string> ticks;
    for (const auto& s : shapes)
        if (s.kind == chart::Shape::Kind::Text && s.anchor == "middle" && s.size == 10) ticks.push_back(s.text);
    CHECK(ticks == std::vector<std::string>{"0.0", "0.1", "0.2", "0.3", "0.4"});
    CHECK(chart::format_value(1234567.5, 1) == "1,234,567.5");
    CHECK(chart::format_value(-1234, 0) == "-1,234");
}

TEST_CASE("series differ in shape as well as colour, for greyscale print") {
    CHECK(chart::series_marker(0) != chart::series_marker(1));
    CHECK(chart::series_colour(0).hex() != chart::series_colour(1).hex());
}
