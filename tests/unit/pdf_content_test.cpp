// A page's content stream, drawn without the PDF library: the operators
// each kind of draw gives, the page's furniture, and the codes each font shows.
#include <catch2/catch.hpp>

#include "pdf_fixture.hpp"
#include "render/pdf/content.hpp"

using namespace agendapack;
using namespace agendapack::render::pdf;
using namespace agendapack::render::pdf::testing;

namespace {

Draw text_draw(const std::string& text, Fonts::Face face, double x, double y) {
    Draw d;
    d.kind = Draw::Text;
    d.run.text = text;
    d.run.face = face;
    d.run.size = 11;
    d.x = x;
    d.y = y;
    return d;
}

std::set<char32_t> printable_ascii() {
    std::set<char32_t> all;
    for (char32_t c = 0x20; c < 0x7F; ++c) all.insert(c);
    return all;
}

struct Setup {
    Style style = test_style();
    Fonts fonts{style};
    Pack pack;
    PackEncoding encoding{printable_ascii()};
    Scenes scenes;
    PageResources names;

    Setup() {
        pack.anchor_pages["report#table"] = 12;
        names.fonts[Fonts::Regular][0] = "F1";
        names.fonts[Fonts::Bold][0] = "F2";
        style.page_number_format = "Page {page}";
    }
    SheetContent draw(const Sheet& sheet) { return draw_sheet({pack, style, fonts, encoding, scenes}, sheet, names); }
};

size_t count(const std::string& haystack, const std::string& needle) {
    size_t n = 0;
    for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("numbers in a content stream: three decimals at most, no trailing zeros, never -0") {
    std::string out;
    for (double v : {0.0, -0.0001, 12.5, 100.0, 1.23456, -7.1004, 841.89}) {
        append_number(out, v);
        out += ' ';
    }
    CHECK(out == "0 0 12.5 100 1.235 -7.1 841.89 ");
}

TEST_CASE("runs of text share a text object; font and colour are set only when they change") {
    Setup s;
    Page page;
    page.draws.push_back(text_draw("AB", Fonts::Regular, 72, 700));
    page.draws.push_back(text_draw("AG", Fonts::Regular, 72, 686));
    page.draws.push_back(text_draw("B", Fonts::Bold, 100, 686));
    SheetContent content = s.draw({&page, false, 0, ""});
    CHECK(count(content.stream, "BT\n") == 1);
    CHECK(count(content.stream, "ET\n") == 1);
    CHECK(count(content.stream, "/F1 11 Tf\n") == 1);
    CHECK(count(content.stream, "/F2 11 Tf\n") == 1);
    CHECK(count(content.stream, " rg\n") == 1);
    // Moves are relative to the last; a code byte that reads as a
    // parenthesis is escaped ('G' is the 40th character: its code is 01 28).
    CHECK(content.stream.find("72 700 Td\n") != std::string::npos);
    CHECK(content.stream.find("0 -14 Td\n") != std::string::npos);
    CHECK(content.stream.find("28 0 Td\n") != std::string::npos);
    REQUIRE(s.encoding.encode("G") == std::string("\x01("));
    CHECK(content.stream.find(s.encoding.encode("A") + "\x01\\()Tj") != std::string::npos);
    CHECK(content.shown[Fonts::Regular][0] == s.encoding.encode("ABAG"));
    CHECK(content.shown[Fonts::Bold][0] == s.encoding.encode("B"));
}

TEST_CASE("fills, outlines, pictures and RAG shapes break text objects and draw as paths") {
    Setup s;
    auto image = std::make_shared<doc::Image>();
    s.names.images[image.get()] = "X1";
    Page page;
    page.draws.push_back(text_draw("A", Fonts::Regular, 72, 700));
    Draw fill;
    fill.kind = Draw::Fill;
    fill.x = 10, fill.y = 20, fill.w = 30, fill.h = 40;
    page.draws.push_back(fill);
    Draw picture;
    picture.kind = Draw::Picture;
    picture.image = image;
    picture.x = 1, picture.y = 2, picture.w = 3, picture.h = 4;
    page.draws.push_back(picture);
    Draw rag = text_draw("", Fonts::Regular, 50, 50);
    rag.run.symbol = "rag-red";
    rag.run.width = 10;
    page.draws.push_back(rag);
    page.draws.push_back(text_draw("B", Fonts::Regular, 72, 600));
    SheetContent content = s.draw({&page, false, 0, ""});
    CHECK(count(content.stream, "BT\n") == 2);
    CHECK(content.stream.find("10 20 30 40 re\nf\n") != std::string::npos);
    CHECK(content.stream.find("q\n3 0 0 4 1 2 cm\n/X1 Do\nQ\n") != std::string::npos);
    CHECK(content.stream.find(" re\nB\n") != std::string::npos);  // the red square: filled and outlined
    const SheetNeeds needs = needs_of({&page, false, 0, ""}, s.scenes);
    CHECK(needs.fonts[Fonts::Regular][0]);
    CHECK_FALSE(needs.fonts[Fonts::Bold][0]);
    CHECK(needs.images == std::vector<const doc::Image*>{image.get()});
}

TEST_CASE("a page reference prints its page; page numbers, stamps and padding pages are furniture") {
    Setup s;
    Page page;
    Draw ref = text_draw("999", Fonts::Regular, 72, 700);
    ref.run.page_ref = "report#table";
    page.draws.push_back(ref);
    SheetContent numbered = s.draw({&page, false, 7, "AB"});
    CHECK(numbered.shown[Fonts::Regular][0] == s.encoding.encode("12") + s.encoding.encode("Page 7"));
    CHECK(numbered.shown[Fonts::Bold][0] == s.encoding.encode("AB"));
    CHECK(numbered.stream.find(" re\nS\n") != std::string::npos);  // the stamp's box
    CHECK(needs_of({&page, false, 7, "AB"}, s.scenes).fonts[Fonts::Bold][0]);

    s.style.blank_page_text = "Page";
    SheetContent padding = s.draw({nullptr, false, 0, ""});
    CHECK(padding.shown[Fonts::Regular][0] == s.encoding.encode("Page"));
}
