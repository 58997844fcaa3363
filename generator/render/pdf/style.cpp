// templates/pdf/style.yaml into a Style: the pack's look is data, not code.
#include "../../load/yaml_fields.hpp"
#include "layout.hpp"

namespace agendapack::render::pdf {

namespace {

Colour colour_of(const load::Fields& f, const std::string& key, Colour fallback) {
    auto text = f.optional_string(key);
    if (!text) return fallback;
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    bool ok = text->size() == 7 && (*text)[0] == '#';
    for (size_t i = 1; ok && i < 7; ++i) ok = hex((*text)[i]) >= 0;
    if (!ok) f.source().fail(f.node(key), "'" + key + "' must be a colour written #RRGGBB, not '" + *text + "'");
    auto channel = [&](size_t i) { return (hex((*text)[i]) * 16 + hex((*text)[i + 1])) / 255.0; };
    return {channel(1), channel(3), channel(5)};
}

// What a key may hold: a value outside it cannot be laid out (a zero text
// size has no lines; margins wider than the page leave no room, and the
// layout would never finish), so it is an error at the value.
struct Range {
    double low, high;
    const char* unit = "points";
};

std::string shown(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", value);
    return buffer;
}

double number_of(const load::Fields& f, const std::string& key, double fallback, Range range) {
    auto text = f.optional_string(key);
    if (!text) return fallback;
    double value = -1;
    try {
        size_t used = 0;
        value = std::stod(*text, &used);
        if (used != text->size()) value = -1;
    } catch (const std::exception&) {
    }
    if (!(value >= 0))  // not a number, or negative (NaN fails too)
        f.source().fail(f.node(key), "'" + key + "' must be a number of " + range.unit + ", not '" + *text + "'");
    if (value < range.low || value > range.high)
        f.source().fail(f.node(key), "'" + key + "' must be from " + shown(range.low) + " to " + shown(range.high) + " " + range.unit +
                                         ", not " + *text);
    return value;
}

constexpr Range kTextSize{4, 72};
constexpr Range kSpace{0, 144};
constexpr Range kPadding{0, 36};
// Room left for text between the margins, at the least: two inches.
constexpr double kLeastTextArea = 144;
constexpr Range kMargin{0, 400};

}  // namespace

Style load_style(const FileSystem& fs, const std::string& templates_dir) {
    const std::string path = join_path(join_path(templates_dir, "pdf"), "style.yaml");
    auto text = fs.read(path);
    if (!text) throw InputError({path, 0, 0}, "file not found: the PDF pack's style");
    load::YamlText source{path, *text};
    const auto tree = load::parse_yaml(source);
    load::YamlNode root = tree->root();
    load::Fields top(source, root, {"page", "fonts", "text", "headings", "tables", "furniture"}, "style.yaml");
    Style s;
    s.text = {0, 0, 0};
    s.link = {0.04, 0.31, 0.54};
    s.section_shading = {0.85, 0.85, 0.85};
    s.header_shading = {0.9, 0.9, 0.9};
    s.border = {0.5, 0.5, 0.5};

    auto section = [&](const std::string& key, std::vector<std::string> known) {
        load::YamlNode node = top.has(key) ? top.node(key) : load::YamlNode::empty_map();
        return load::Fields(source, node, std::move(known), "'" + key + "'");
    };
    load::Fields page = section("page", {"size", "margin_top", "margin_bottom", "margin_left", "margin_right"});
    std::string size = page.string_or("size", "A4");
    if (size == "Letter") {
        s.page_width = 612;
        s.page_height = 792;
    } else if (size != "A4") {
        source.fail(page.node("size"), "'size' must be A4 or Letter, not '" + size + "'");
    }
    s.margin_top = number_of(page, "margin_top", s.margin_top, kMargin);
    s.margin_bottom = number_of(page, "margin_bottom", s.margin_bottom, kMargin);
    s.margin_left = number_of(page, "margin_left", s.margin_left, kMargin);
    s.margin_right = number_of(page, "margin_right", s.margin_right, kMargin);
    auto room = [&](double page_side, double first, double second, const char* side, const char* key) {
        if (page_side - first - second >= kLeastTextArea) return;
        const std::string message = std::string("the margins leave ") + shown(std::max(0.0, page_side - first - second)) + " points of the page's " + side +
                            " for text (it is " + shown(page_side) + "); at least " + shown(kLeastTextArea) + " are needed";
        if (page.has(key)) source.fail(page.node(key), message);
        throw InputError(page.where(), message);
    };
    room(s.page_width, s.margin_left, s.margin_right, "width", page.has("margin_right") ? "margin_right" : "margin_left");
    room(s.page_height, s.margin_top, s.margin_bottom, "height", page.has("margin_bottom") ? "margin_bottom" : "margin_top");

    load::Fields fonts = section("fonts", {"regular", "bold", "italic", "bold_italic", "fallback", "fallback_bold", "mono", "fallback_mono"});
    s.font_regular = fonts.string("regular");
    s.font_bold = fonts.string("bold");
    s.font_italic = fonts.string("italic");
    s.font_bold_italic = fonts.string("bold_italic");
    s.font_fallback = fonts.string("fallback");
    s.font_fallback_bold = fonts.string_or("fallback_bold", s.font_fallback);
    s.font_mono = fonts.string_or("mono", s.font_mono);
    s.font_fallback_mono = fonts.string_or("fallback_mono", s.font_fallback_mono);
    s.fonts_where = fonts.where();

    load::Fields body = section("text", {"size", "leading", "paragraph_space", "label_width", "colour", "link_colour"});
    s.body_size = number_of(body, "size", s.body_size, kTextSize);
    s.leading = number_of(body, "leading", s.leading, Range{0.8, 4, "times the text size"});
    s.paragraph_space = number_of(body, "paragraph_space", s.paragraph_space, kSpace);
    s.label_width = number_of(body, "label_width", s.label_width, kSpace);
    s.text = colour_of(body, "colour", s.text);
    s.link = colour_of(body, "link_colour", s.link);

    load::Fields headings = section("headings", {"h1", "h2", "h3", "h4", "space_before", "space_after", "section_shading"});
    s.h1_size = number_of(headings, "h1", s.h1_size, kTextSize);
    s.h2_size = number_of(headings, "h2", s.h2_size, kTextSize);
    s.h3_size = number_of(headings, "h3", s.h3_size, kTextSize);
    s.h4_size = number_of(headings, "h4", s.body_size, kTextSize);
    s.heading_space_before = number_of(headings, "space_before", s.heading_space_before, kSpace);
    s.heading_space_after = number_of(headings, "space_after", s.heading_space_after, kSpace);
    s.section_shading = colour_of(headings, "section_shading", s.section_shading);

    load::Fields tables = section("tables", {"size", "cell_padding", "border_width", "border_colour", "header_shading",
                                             "dense_columns", "dense_size", "dense_padding"});
    s.dense_columns = tables.integer_or("dense_columns", s.dense_columns);
    if (s.dense_columns < 1) source.fail(tables.node("dense_columns"), "'dense_columns' must be 1 or more");
    s.dense_size = number_of(tables, "dense_size", s.dense_size, kTextSize);
    s.dense_padding = number_of(tables, "dense_padding", s.dense_padding, kPadding);
    s.table_size = number_of(tables, "size", s.table_size, kTextSize);
    s.cell_padding = number_of(tables, "cell_padding", s.cell_padding, kPadding);
    s.border_width = number_of(tables, "border_width", s.border_width, Range{0, 10});
    s.border = colour_of(tables, "border_colour", s.border);
    s.header_shading = colour_of(tables, "header_shading", s.header_shading);

    load::Fields furniture =
        section("furniture", {"footer_size", "page_number", "stamp_size", "blank_page", "items_start_on_odd_pages", "public_information_columns"});
    s.footer_size = number_of(furniture, "footer_size", s.footer_size, Range{4, 36});
    s.page_number_format = furniture.string_or("page_number", s.page_number_format);
    s.stamp_size = number_of(furniture, "stamp_size", s.stamp_size, kTextSize);
    s.blank_page_text = furniture.string_or("blank_page", s.blank_page_text);
    s.pad_items_to_odd_pages = furniture.boolean_or("items_start_on_odd_pages", true);
    s.public_information_columns = furniture.integer_or("public_information_columns", s.public_information_columns);
    if (s.public_information_columns < 1 || s.public_information_columns > 3)
        source.fail(furniture.node("public_information_columns"), "'public_information_columns' must be 1, 2 or 3");
    return s;
}

}  // namespace agendapack::render::pdf
