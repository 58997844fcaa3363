#include "content.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace agendapack::render::pdf {

// std::to_chars rounds exactly as printf's "%.3f" does, without a locale
// or a format string to parse: every coordinate of every page passes here.
void append_number(std::string& out, double value) {
    char buffer[64];
    auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 3);
    if (error != std::errc()) {
        out += '0';  // beyond any page's size; never reached by real coordinates
        return;
    }
    char* n = end;
    while (n > buffer && n[-1] == '0') --n;
    if (n > buffer && n[-1] == '.') --n;
    if (n - buffer == 2 && buffer[0] == '-' && buffer[1] == '0') {
        out += '0';
        return;
    }
    out.append(buffer, n);
}

void append_literal(std::string& out, std::string_view bytes) {
    out += '(';
    for (char c : bytes) {
        switch (c) {
            case '(': out += "\\("; break;
            case ')': out += "\\)"; break;
            case '\\': out += "\\\\"; break;
            case '\r': out += "\\r"; break;
            case '\n': out += "\\n"; break;
            default: out += c;
        }
    }
    out += ')';
}

namespace {

// Content-stream operators, appended to one string.
class Ops {
public:
    explicit Ops(std::string& out) : out_(out) {}

    void colour(const Colour& c, bool fill) { numbers({c.r, c.g, c.b}, fill ? "rg" : "RG"); }
    void colour(const chart::Rgb& c, bool fill) { colour(Colour{c.r / 255.0, c.g / 255.0, c.b / 255.0}, fill); }
    void line_width(double w) { numbers({w}, "w"); }
    void dash(double on, double off) {
        out_ += '[';
        append_number(out_, on);
        out_ += ' ';
        append_number(out_, off);
        out_ += "] 0 d\012";
    }
    void solid() { out_ += "[] 0 d\012"; }
    void move(double x, double y) { numbers({x, y}, "m"); }
    void line(double x, double y) { numbers({x, y}, "l"); }
    void curve(double x1, double y1, double x2, double y2, double x3, double y3) { numbers({x1, y1, x2, y2, x3, y3}, "c"); }
    void close() { out_ += "h\012"; }
    void rectangle(double x, double y, double w, double h) { numbers({x, y, w, h}, "re"); }
    // Four Bézier quarters, the usual approximation of a circle.
    void circle(double cx, double cy, double r) {
        const double k = 0.5523 * r;
        move(cx - r, cy);
        curve(cx - r, cy + k, cx - k, cy + r, cx, cy + r);
        curve(cx + k, cy + r, cx + r, cy + k, cx + r, cy);
        curve(cx + r, cy - k, cx + k, cy - r, cx, cy - r);
        curve(cx - k, cy - r, cx - r, cy - k, cx - r, cy);
    }
    void fill() { out_ += "f\012"; }
    void stroke() { out_ += "S\012"; }
    void fill_and_stroke() { out_ += "B\012"; }

    // After BT the text position is the origin again.
    void begin_text() {
        out_ += "BT\012";
        x_ = y_ = 0;
    }
    void end_text() { out_ += "ET\012"; }
    void font(const std::string& name, double size) {
        out_ += '/';
        out_ += name;
        out_ += ' ';
        numbers({size}, "Tf");
    }
    void matrix(double a, double b, double c, double d, double e, double f) { numbers({a, b, c, d, e, f}, "Tm"); }
    // Moves are relative: rounding each to what is printed keeps the error
    // from adding up along a page.
    void move_text(double x, double y) {
        const double dx = std::round((x - x_) * 1000) / 1000, dy = std::round((y - y_) * 1000) / 1000;
        numbers({dx, dy}, "Td");
        x_ += dx;
        y_ += dy;
    }
    // A literal string of the pack's two-byte codes: half the size of the
    // hex strings libharu writes, and half the time to compress.
    void show(const std::string& codes) {
        append_literal(out_, codes);
        out_ += "Tj\012";
    }
    // Marked content: an element's part (its MCID), or an artifact.
    void begin_marked(const char* role, size_t mcid) {
        out_ += '/';
        out_ += role;
        out_ += " <</MCID ";
        out_ += std::to_string(mcid);
        out_ += ">> BDC\012";
    }
    void begin_artifact(bool pagination) { out_ += pagination ? "/Artifact <</Type /Pagination>> BDC\012" : "/Artifact BMC\012"; }
    void end_marked() { out_ += "EMC\012"; }

    void image(const std::string& name, double x, double y, double w, double h) {
        out_ += "q\012";
        numbers({w, 0, 0, h, x, y}, "cm");
        out_ += '/';
        out_ += name;
        out_ += " Do\012Q\012";
    }

private:
    void numbers(std::initializer_list<double> values, const char* op) {
        for (double v : values) {
            append_number(out_, v);
            out_ += ' ';
        }
        out_ += op;
        out_ += '\012';
    }

    std::string& out_;
    double x_ = 0, y_ = 0;
};

class Drawer {
public:
    Drawer(const DrawingContext& context, const PageResources& names, SheetContent& out)
        : c_(context), names_(names), out_(out), ops_(out.stream) {}

    // Runs of text share one text object, and font and colour are set only
    // when they change: the page's content stream stays small and quick to write.
    // Each stretch of draws of one element is marked as that element's (an
    // MCID the writer links to the structure tree); the rest is an artifact.
    void content(const Page& page) {
        for (const auto& d : page.draws) {
            if (d.kind == Draw::Link) continue;  // an annotation, made by the writer
            mark(page, d.node);
            if (d.kind != Draw::Text || !d.run.symbol.empty()) end_text();
            switch (d.kind) {
                case Draw::Text:
                    if (!d.run.symbol.empty()) symbol(d.run, d.x, d.y);
                    else run(d);
                    break;
                case Draw::Fill:
                    ops_.colour(d.colour, true);
                    ops_.rectangle(d.x, d.y, d.w, d.h);
                    ops_.fill();
                    break;
                case Draw::Stroke:
                    ops_.colour(d.colour, false);
                    ops_.line_width(c_.style.border_width);
                    ops_.rectangle(d.x, d.y, d.w, d.h);
                    ops_.stroke();
                    break;
                case Draw::Picture:
                    if (d.chart) chart(c_.scenes.at(d.chart.get()), d.x, d.y, d.w, d.h);
                    else if (d.image) ops_.image(names_.images.at(d.image.get()), d.x, d.y, d.w, d.h);
                    break;
                case Draw::Link: break;
            }
        }
        end_text();
        end_mark();
    }

    // Page furniture: plain text the primary faces always have, in a text object of its own.
    void furniture(const std::string& utf8, Fonts::Face face, double size, double x, double y) {
        pagination_mark();
        ops_.begin_text();
        ops_.font(names_.fonts[face][0], size);
        ops_.colour(c_.style.text, true);
        ops_.move_text(x, y);
        show(utf8, face, 0);
        ops_.end_text();
    }

    void stamp_box(double x, double y, double w, double h) {
        pagination_mark();
        ops_.colour(c_.style.text, false);
        ops_.line_width(1);
        ops_.rectangle(x, y, w, h);
        ops_.stroke();
    }

    void end_mark() {
        if (marked_ == kNone) return;
        end_text();
        ops_.end_marked();
        marked_ = kNone;
    }

private:
    static constexpr int kNone = -3, kPagination = -4;

    void mark(const Page& page, int node) {
        if (node >= 0 && (!page.structure || static_cast<size_t>(node) >= page.structure->nodes.size())) node = kArtifact;
        if (node == marked_) return;
        end_mark();
        if (node == kArtifact) {
            ops_.begin_artifact(false);
        } else {
            ops_.begin_marked(role_name(page.structure->nodes[static_cast<size_t>(node)].role), out_.marks.size());
            out_.marks.push_back(node);
        }
        marked_ = node;
    }
    void pagination_mark() {
        if (marked_ == kPagination) return;
        end_mark();
        ops_.begin_artifact(true);
        marked_ = kPagination;
    }

    void run(const Draw& d) {
        const std::string& text = d.run.page_ref.empty() ? d.run.text : (reference_ = c_.pack.page_number(d.run.page_ref, d.run.relative_to));
        if (text.empty()) return;
        const std::string& font = names_.fonts[d.run.face][d.run.slot];
        if (!in_text_) {
            ops_.begin_text();
            in_text_ = true;
            font_ = nullptr;
        }
        if (&font != font_ || d.run.size != size_) {
            ops_.font(font, d.run.size);
            font_ = &font;
            size_ = d.run.size;
        }
        if (!colour_ || colour_->r != d.colour.r || colour_->g != d.colour.g || colour_->b != d.colour.b) {
            ops_.colour(d.colour, true);
            colour_ = &d.colour;
        }
        ops_.move_text(d.x, d.y);
        show(text, d.run.face, d.run.slot);
    }

    void end_text() {
        if (in_text_) ops_.end_text();
        in_text_ = false;
        colour_ = nullptr;  // fills and strokes below may change it
    }

    void show(const std::string& utf8, Fonts::Face face, int slot) {
        codes_.clear();
        c_.encoding.encode_into(utf8, codes_);
        out_.shown[face][slot] += codes_;
        ops_.show(codes_);
    }

    // RAG shapes and arrows as vector paths in the run's box: they print in
    // any font and read in greyscale by their shape alone.
    void symbol(const Run& run, double x, double baseline) {
        const double s = run.size * 0.8;
        const double x0 = x + (run.width - s) / 2, y0 = baseline - run.size * 0.05;
        auto polygon = [&](std::initializer_list<std::pair<double, double>> points) {
            bool first = true;
            for (const auto& [px, py] : points) {
                if (first) ops_.move(x0 + px * s, y0 + py * s);
                else ops_.line(x0 + px * s, y0 + py * s);
                first = false;
            }
            ops_.close();
        };
        const Style& style = c_.style;
        ops_.line_width(0.5);
        ops_.colour(style.text, false);
        if (run.symbol == "rag-green") {
            ops_.colour(style.rag_green, true);
            ops_.circle(x0 + s / 2, y0 + s / 2, s / 2);
            ops_.fill_and_stroke();
        } else if (run.symbol == "rag-amber") {
            ops_.colour(style.rag_amber, true);
            polygon({{0.5, 1.0}, {1.0, 0.05}, {0.0, 0.05}});
            ops_.fill_and_stroke();
        } else if (run.symbol == "rag-red") {
            ops_.colour(style.rag_red, true);
            ops_.rectangle(x0 + 0.05 * s, y0 + 0.05 * s, 0.9 * s, 0.9 * s);
            ops_.fill_and_stroke();
        } else {
            ops_.colour(style.text, true);
            if (run.symbol == "arrow-up") polygon({{0.5, 1.0}, {1.0, 0.5}, {0.67, 0.5}, {0.67, 0.0}, {0.33, 0.0}, {0.33, 0.5}, {0.0, 0.5}});
            else if (run.symbol == "arrow-down") polygon({{0.5, 0.0}, {1.0, 0.5}, {0.67, 0.5}, {0.67, 1.0}, {0.33, 1.0}, {0.33, 0.5}, {0.0, 0.5}});
            else polygon({{1.0, 0.5}, {0.5, 1.0}, {0.5, 0.67}, {0.0, 0.67}, {0.0, 0.33}, {0.5, 0.33}, {0.5, 0.0}});
            ops_.fill();
        }
    }

    // The chart's scene scaled into its box; y flips from the scene's downward axis.
    void chart(const std::vector<chart::Shape>& scene, double x, double y, double width, double height) {
        const double k = width / chart::kWidth;
        auto px = [&](double sx) { return x + sx * k; };
        auto py = [&](double sy) { return y + height - sy * k; };
        for (const auto& s : scene) {
            switch (s.kind) {
                case chart::Shape::Kind::Line:
                case chart::Shape::Kind::Polyline: {
                    ops_.colour(s.colour, false);
                    ops_.line_width(s.width * k);
                    if (s.dashed) ops_.dash(6, 3);
                    ops_.move(px(s.points[0].first), py(s.points[0].second));
                    for (size_t i = 1; i < s.points.size(); ++i) ops_.line(px(s.points[i].first), py(s.points[i].second));
                    ops_.stroke();
                    if (s.dashed) ops_.solid();
                    break;
                }
                case chart::Shape::Kind::Polygon:
                    ops_.colour(s.colour, true);
                    for (size_t i = 0; i < s.points.size(); ++i)
                        if (i == 0) ops_.move(px(s.points[i].first), py(s.points[i].second));
                        else ops_.line(px(s.points[i].first), py(s.points[i].second));
                    ops_.close();
                    ops_.fill();
                    break;
                case chart::Shape::Kind::Rect:
                    ops_.colour(s.colour, true);
                    ops_.rectangle(px(s.points[0].first), py(s.points[1].second), (s.points[1].first - s.points[0].first) * k,
                                   (s.points[1].second - s.points[0].second) * k);
                    ops_.fill();
                    break;
                case chart::Shape::Kind::Marker: {
                    ops_.colour(s.colour, true);
                    const double cx = px(s.points[0].first), cy = py(s.points[0].second), r = 4 * k;
                    if (s.marker == "square") ops_.rectangle(cx - r * 0.9, cy - r * 0.9, r * 1.8, r * 1.8);
                    else if (s.marker == "triangle") {
                        ops_.move(cx, cy + r * 1.1);
                        ops_.line(cx + r * 1.1, cy - r * 0.9);
                        ops_.line(cx - r * 1.1, cy - r * 0.9);
                        ops_.close();
                    } else {
                        ops_.circle(cx, cy, r);
                    }
                    ops_.fill();
                    break;
                }
                case chart::Shape::Kind::Text: {
                    const Fonts::Face face = s.bold ? Fonts::Bold : Fonts::Regular;
                    const double size = s.size * k;
                    const double text_w = text_width(s.text, face, size, c_.fonts);
                    const double shift = s.anchor == "middle" ? text_w / 2 : s.anchor == "end" ? text_w : 0;
                    ops_.begin_text();
                    ops_.font(names_.fonts[face][0], size);
                    ops_.colour(s.colour, true);
                    if (s.vertical) ops_.matrix(0, 1, -1, 0, px(s.points[0].first), py(s.points[0].second) - shift);
                    else ops_.move_text(px(s.points[0].first) - shift, py(s.points[0].second));
                    show(s.text, face, 0);
                    ops_.end_text();
                    break;
                }
            }
        }
    }

    const DrawingContext& c_;
    const PageResources& names_;
    SheetContent& out_;
    Ops ops_;
    bool in_text_ = false;
    const std::string* font_ = nullptr;
    double size_ = 0;
    const Colour* colour_ = nullptr;
    std::string codes_, reference_;
    int marked_ = kNone;  // the element whose marked content is open
};

std::string replace_page(std::string format, int number) {
    auto at = format.find("{page}");
    if (at != std::string::npos) format.replace(at, 6, std::to_string(number));
    return format;
}

}  // namespace

std::array<double, 4> FurnitureItem::area() const {
    if (boxed) return {x - 6, y - 5, x + width + 6, y + size + 4};
    return {x - 2, y - size * 0.25, x + width + 2, y + size};
}

SheetSize sheet_size(const Sheet& sheet, const Style& style) {
    if (sheet.landscape) return {style.page_height, style.page_width};
    return {style.page_width, style.page_height};
}

std::vector<FurnitureItem> furniture_of(const Sheet& sheet, const Style& style, const Fonts& fonts) {
    std::vector<FurnitureItem> items;
    const SheetSize page = sheet_size(sheet, style);  // plain doubles: clang 14 lets no lambda capture a structured binding
    const double width = page.width, height = page.height;
    auto centred = [&](const std::string& text, Fonts::Face face, double size, double y) {
        const double w = text_width(text, face, size, fonts);
        items.push_back({text, face, size, (width - w) / 2, y, w, false});
    };
    if (sheet.number > 0) centred(replace_page(style.page_number_format, sheet.number), Fonts::Regular, style.footer_size, style.margin_bottom / 2);
    if (!sheet.restriction.empty())
        centred(sheet.restriction, Fonts::Bold, style.footer_size * 0.9, style.margin_bottom / 2 + style.footer_size * 1.4);
    if (!sheet.own_number.empty()) centred(sheet.own_number, Fonts::Regular, style.footer_size, height - style.margin_top / 2);
    if (!sheet.stamp.empty()) {
        const double w = text_width(sheet.stamp, Fonts::Bold, style.stamp_size, fonts);
        items.push_back({sheet.stamp, Fonts::Bold, style.stamp_size, width - style.margin_right - w - 6,
                         height - style.margin_top / 2 - style.stamp_size / 2, w, true});
    }
    return items;
}

SheetNeeds needs_of(const Sheet& sheet, const Scenes& scenes) {
    SheetNeeds needs;
    if (!sheet.page || sheet.number > 0 || !sheet.own_number.empty()) needs.fonts[Fonts::Regular][0] = true;  // the blank-page line, page numbers
    if (!sheet.stamp.empty() || !sheet.restriction.empty()) needs.fonts[Fonts::Bold][0] = true;
    if (!sheet.page) return needs;
    for (const auto& d : sheet.page->draws) {
        if (d.kind == Draw::Text && d.run.symbol.empty()) needs.fonts[d.run.face][d.run.slot] = true;
        if (d.kind != Draw::Picture) continue;
        if (d.chart) {
            for (const auto& shape : scenes.at(d.chart.get()))
                if (shape.kind == chart::Shape::Kind::Text) needs.fonts[shape.bold ? Fonts::Bold : Fonts::Regular][0] = true;
        } else if (d.image && std::find(needs.images.begin(), needs.images.end(), d.image.get()) == needs.images.end()) {
            needs.images.push_back(d.image.get());
        }
    }
    return needs;
}

SheetContent draw_sheet(const DrawingContext& context, const Sheet& sheet, const PageResources& names) {
    SheetContent out;
    Drawer drawer(context, names, out);
    const Style& style = context.style;
    const auto [width, height] = sheet_size(sheet, style);
    if (sheet.page) {
        drawer.content(*sheet.page);
    } else {
        const double w = text_width(style.blank_page_text, Fonts::Regular, style.body_size, context.fonts);
        drawer.furniture(style.blank_page_text, Fonts::Regular, style.body_size, (width - w) / 2, height / 2);
    }
    for (const auto& item : furniture_of(sheet, style, context.fonts)) {
        if (item.boxed) {
            const auto area = item.area();
            drawer.stamp_box(area[0], area[1], area[2] - area[0], area[3] - area[1]);
        }
        drawer.furniture(item.text, item.face, item.size, item.x, item.y);
    }
    drawer.end_mark();
    if (!names.received.empty()) {
        // Drawn first, so the sheet's stamp and page number print over it;
        // in a tagged pack, as the Figure the structure tree has for it.
        std::string placing = "q\012" + names.received_matrix + " cm\012/" + names.received + " Do\012Q\012";
        if (sheet.page && sheet.page->received_node >= 0) {
            placing = "/Figure <</MCID " + std::to_string(out.marks.size()) + ">> BDC\012" + placing + "EMC\012";
            out.marks.push_back(sheet.page->received_node);
        }
        out.stream.insert(0, placing);
    }
    return out;
}

}  // namespace agendapack::render::pdf
