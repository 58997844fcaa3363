#include <catch2/catch.hpp>

#include "pdf_fixture.hpp"
#include "render/pdf/layout.hpp"

using namespace agendapack;
using namespace agendapack::render::pdf;
using namespace agendapack::render::pdf::testing;

namespace {

Para para(const std::string& text, double size = 10) {
    Para p;
    p.spans.push_back({text, Fonts::Regular, "", ""});
    p.size = size;
    p.leading = 1.2;
    p.space_after = 0;
    return p;
}

std::string line_text(const Line& line) {
    std::string out;
    for (const auto& run : line.runs) out += run.text;
    return out;
}

std::string words(int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += (i ? " " : "") + std::string("word") + std::to_string(i);
    return out;
}

std::vector<std::string> page_texts(const Page& page) {
    std::vector<std::string> out;
    for (const auto& d : page.draws)
        if (d.kind == Draw::Text) out.push_back(d.run.text);
    return out;
}

bool page_has(const Page& page, const std::string& text) {
    for (const auto& t : page_texts(page))
        if (t.find(text) != std::string::npos) return true;
    return false;
}

// Enough one-word lines to fill a page but `spare` lines.
std::string filler(int spare) {
    int lines = static_cast<int>((style().page_height - style().margin_top - style().margin_bottom) / (10 * 1.2)) - spare;
    std::string out;
    for (int i = 0; i < lines; ++i) out += (i ? "\n" : "") + std::string("filler");
    return out;
}

Item paragraph_item(Para p) {
    Item item;
    item.para = std::move(p);
    return item;
}

}  // namespace

TEST_CASE("widths come from the font's own advances") {
    // Liberation Sans is metric-compatible with Arial: 'W' is 0.944 em, space 0.278 em.
    CHECK(text_width("W", Fonts::Regular, 10, fonts()) == Approx(9.44).margin(0.01));
    CHECK(text_width(" ", Fonts::Regular, 10, fonts()) == Approx(2.78).margin(0.01));
    CHECK(text_width("Panel", Fonts::Bold, 10, fonts()) > text_width("Panel", Fonts::Regular, 10, fonts()));
}

TEST_CASE("lines break between words and never exceed the width") {
    Para p = para("The Panel considered the report of the Executive Director on the sufficiency of accommodation.");
    auto lines = break_lines(p, 150, fonts());
    REQUIRE(lines.size() > 2);
    std::string joined;
    for (const auto& line : lines) {
        CHECK(line.width <= 150.001);
        CHECK(line_text(line).front() != ' ');
        joined += (joined.empty() ? "" : " ") + line_text(line);
    }
    CHECK(joined == "The Panel considered the report of the Executive Director on the sufficiency of accommodation.");
    // Greedy: the next line's first word would not have fitted.
    double space = text_width(" ", Fonts::Regular, 10, fonts());
    double first_word = text_width(line_text(lines[1]).substr(0, line_text(lines[1]).find(' ')), Fonts::Regular, 10, fonts());
    CHECK(lines[0].width + space + first_word > 150);
}

TEST_CASE("a word wider than the line is split by characters") {
    auto lines = break_lines(para("https://www.southampton.gov.uk/council-democracy/meetings/agendas"), 80, fonts());
    REQUIRE(lines.size() > 1);
    for (const auto& line : lines) CHECK(line.width <= 80.001);
}

TEST_CASE("a hard line break starts a new line; styles keep their own runs") {
    Para p = para("");
    p.spans = {{"Bold", Fonts::Bold, "", ""}, {" and plain\nnext", Fonts::Regular, "", ""}};
    auto lines = break_lines(p, 400, fonts());
    REQUIRE(lines.size() == 2);
    REQUIRE(lines[0].runs.size() == 2);
    CHECK(lines[0].runs[0].face == Fonts::Bold);
    CHECK(line_text(lines[0]) == "Bold and plain");
    CHECK(line_text(lines[1]) == "next");
}

TEST_CASE("characters the main font lacks fall back; characters no font has are errors") {
    auto lines = break_lines(para("Done ✓ here"), 400, fonts());  // U+2713: DejaVu has it, Liberation does not
    bool fallback = false;
    for (const auto& run : lines[0].runs) fallback = fallback || (run.slot == 1 && run.text == "✓");
    CHECK(fallback);
    Para bad = para("Bullet \xEF\x82\xB7 glyph");  // U+F0B7, a private-use bullet from a word processor
    bad.origin = {"content/x.md", 7, 1};
    CHECK_THROWS_WITH(break_lines(bad, 400, fonts()), Catch::StartsWith("content/x.md:7:1: the character U+F0B7 (a private-use character)"));
}

TEST_CASE("no single line of a paragraph is left at the foot or head of a page") {
    // Fill a page so that only one line of space is left, then place a
    // four-line paragraph: it must move whole rather than leave an orphan.
    Collected c;
    c.items.push_back(paragraph_item(para(filler(1))));
    c.items.push_back(paragraph_item(para("orphan-one\norphan-two\norphan-three\norphan-four")));
    auto pages = paginate(c, style(), fonts());
    REQUIRE(pages.size() == 2);
    CHECK_FALSE(page_has(pages[0], "orphan-one"));
    CHECK(page_has(pages[1], "orphan-one"));

    // Three lines of space left and a four-line paragraph: two lines stay,
    // two go over (rather than three and a lone widow).
    Collected d;
    d.items.push_back(paragraph_item(para(filler(3))));
    d.items.push_back(paragraph_item(para("split-one\nsplit-two\nsplit-three\nsplit-four")));
    pages = paginate(d, style(), fonts());
    REQUIRE(pages.size() == 2);
    CHECK(page_has(pages[0], "split-two"));
    CHECK_FALSE(page_has(pages[0], "split-three"));
    CHECK(page_has(pages[1], "split-three"));
    CHECK(page_has(pages[1], "split-four"));
}

TEST_CASE("a heading is kept with what follows it") {
    Collected c;
    c.items.push_back(paragraph_item(para(filler(2))));
    Para heading = para("A heading");
    heading.keep_with_next = true;
    c.items.push_back(paragraph_item(heading));
    c.items.push_back(paragraph_item(para("body-one\nbody-two\nbody-three")));
    auto pages = paginate(c, style(), fonts());
    REQUIRE(pages.size() == 2);
    CHECK_FALSE(page_has(pages[0], "A heading"));
    CHECK(page_has(pages[1], "A heading"));
}

TEST_CASE("a long table repeats its header row on every page it spans") {
    Collected c;
    Item item;
    item.kind = Item::TableItem;
    item.table.header_rows = 1;
    item.table.rows.push_back({{{para("Indicator")}, true}, {{para("Value")}, true}});
    for (int r = 0; r < 120; ++r)
        item.table.rows.push_back({{{para("Row " + std::to_string(r))}, false}, {{para(std::to_string(r * 7))}, false}});
    c.items.push_back(item);
    auto pages = paginate(c, style(), fonts());
    REQUIRE(pages.size() >= 2);
    for (const auto& page : pages) {
        auto texts = page_texts(page);
        REQUIRE_FALSE(texts.empty());
        CHECK(texts[0] == "Indicator");  // the header comes first on each page
    }
    CHECK(page_has(pages.back(), "Row 119"));
    // Rows are not split: each row's two cells sit on the same page.
    for (const auto& page : pages) {
        auto texts = page_texts(page);
        for (int r = 0; r < 120; ++r)
            if (std::find(texts.begin(), texts.end(), "Row " + std::to_string(r)) != texts.end())
                CHECK(std::find(texts.begin(), texts.end(), std::to_string(r * 7)) != texts.end());
    }
}

TEST_CASE("a table too wide for portrait gets landscape pages, then portrait resumes") {
    Collected c;
    c.items.push_back(paragraph_item(para("Before the table")));
    Item item;
    item.kind = Item::TableItem;
    item.table.header_rows = 1;
    std::vector<TableCell> header, row;
    for (int col = 0; col < 22; ++col) {
        header.push_back({{para("M" + std::to_string(col))}, true});
        row.push_back({{para("12345.6")}, false});
    }
    item.table.rows = {header, row};
    c.items.push_back(item);
    c.items.push_back(paragraph_item(para("After the table")));
    auto pages = paginate(c, style(), fonts());
    REQUIRE(pages.size() == 3);
    CHECK_FALSE(pages[0].landscape);
    CHECK(pages[1].landscape);
    CHECK(page_has(pages[1], "M21"));
    CHECK_FALSE(pages[2].landscape);
    CHECK(page_has(pages[2], "After the table"));
    // Everything drawn on the landscape page lies within its wider frame.
    for (const auto& d : pages[1].draws)
        if (d.kind == Draw::Text) CHECK(d.x < style().page_height - style().margin_right + 0.01);
}

TEST_CASE("an anchor is recorded on the page where its heading lands") {
    Collected c;
    Para first = para("First section");
    first.anchor = "doc#first";
    c.items.push_back(paragraph_item(first));
    c.items.push_back(paragraph_item(para(filler(2))));
    Para second = para("Second section");
    second.anchor = "doc#second";
    second.keep_with_next = true;
    c.items.push_back(paragraph_item(second));
    c.items.push_back(paragraph_item(para("body-one\nbody-two\nbody-three")));
    auto pages = paginate(c, style(), fonts());
    REQUIRE(pages.size() == 2);
    CHECK(pages[0].anchors == std::vector<std::string>{"doc#first"});
    CHECK(pages[1].anchors == std::vector<std::string>{"doc#second"});
}

TEST_CASE("a page reference reserves room for its number and keeps its target") {
    Para p = para("See page ");
    Span ref{"", Fonts::Regular, "", ""};
    ref.page_ref = "doc#second";
    ref.relative_to = "doc";
    p.spans.push_back(ref);
    auto lines = break_lines(p, 400, fonts());
    REQUIRE(lines.size() == 1);
    const Run& last = lines[0].runs.back();
    CHECK(last.page_ref == "doc#second");
    CHECK(last.relative_to == "doc");
    CHECK(last.width == Approx(text_width(kPageRefPlaceholder, Fonts::Regular, 10, fonts())));
}

TEST_CASE("a row taller than a page is split between lines, with the header repeated") {
    Collected c;
    Item item;
    item.kind = Item::TableItem;
    item.table.header_rows = 1;
    item.table.rows.push_back({{{para("Challenge")}, true}, {{para("Actions")}, true}});
    std::string tall;
    for (int i = 0; i < 150; ++i) tall += (i ? "\n" : "") + std::string("action ") + std::to_string(i);
    item.table.rows.push_back({{{para("Waiting times")}, false}, {{para(tall)}, false}});
    c.items.push_back(item);
    auto pages = paginate(c, style(), fonts());
    REQUIRE(pages.size() >= 2);
    for (const auto& page : pages) CHECK(page_texts(page).at(0) == "Challenge");
    // Every line appears exactly once, none cut between pages.
    for (int i = 0; i < 150; ++i) {
        int seen = 0;
        for (const auto& page : pages)
            for (const auto& t : page_texts(page)) seen += t == "action " + std::to_string(i);
        CHECK(seen == 1);
    }
}

TEST_CASE("a merged cell prints its value once, and again at the top of each page it runs on to") {
    Collected c;
    Item item;
    item.kind = Item::TableItem;
    item.table.header_rows = 1;
    item.table.rows.push_back({{{para("Area")}, true}, {{para("Team")}, true}});
    for (int r = 0; r < 120; ++r) {
        TableCell area{{para("North")}, false};
        if (r > 0) {  // rows 1… continue the first row's "North"
            area.continued = true;
            area.repeat = area.paras;
            area.paras.clear();
        }
        item.table.rows.push_back({area, {{para("Team " + std::to_string(r))}, false}});
    }
    c.items.push_back(item);
    auto pages = paginate(c, style(), fonts());
    REQUIRE(pages.size() >= 2);
    for (const auto& page : pages) {
        auto texts = page_texts(page);
        CHECK(std::count(texts.begin(), texts.end(), "North") == 1);  // once a page, at the top of its rows
    }
}

TEST_CASE("a word of letters too wide for its line is hyphenated, with a hyphen; a number never is") {
    auto lines = break_lines(para("Safeguarding"), 32, fonts());
    REQUIRE(lines.size() > 1);
    std::string joined;
    for (size_t i = 0; i < lines.size(); ++i) {
        const std::string text = line_text(lines[i]);
        CHECK(lines[i].width <= 32.001);
        if (i + 1 < lines.size()) CHECK(text.back() == '-');
        joined += i + 1 < lines.size() ? text.substr(0, text.size() - 1) : text;
    }
    CHECK(joined == "Safeguarding");
    for (const auto& line : break_lines(para("12345678901234567890"), 32, fonts())) CHECK(line_text(line).find('-') == std::string::npos);
}

TEST_CASE("lines may end after a hyphen or a slash, as Unicode's line-breaking rules allow") {
    // "well-established" does not fit after the first words, but "well-" does.
    const double width = text_width("Some words then well-", Fonts::Regular, 10, fonts()) + 1;
    auto lines = break_lines(para("Some words then well-established practice"), width, fonts());
    REQUIRE(lines.size() >= 2);
    CHECK(line_text(lines[0]) == "Some words then well-");
    CHECK(line_text(lines[1]).rfind("established", 0) == 0);
}

TEST_CASE("a table too wide for its page with every word whole is set smaller, down to a floor, before words break") {
    Collected c;
    Item item;
    item.kind = Item::TableItem;
    item.table.header_rows = 1;
    item.table.landscape = true;
    item.table.size = 7.5;
    item.table.padding = 2.5;
    std::vector<TableCell> header, row;
    for (int k = 0; k < 16; ++k) {
        header.push_back({{para("HEADINGS" + std::string(1, static_cast<char>('A' + k)), 7.5)}, true});
        row.push_back({{para(std::to_string(1000 + k), 7.5)}, false});
    }
    item.table.rows = {header, row, row};
    c.items.push_back(item);
    auto pages = paginate(c, style(), fonts());
    REQUIRE_FALSE(pages.empty());
    bool smaller = false;
    for (int k = 0; k < 16; ++k) CHECK(page_has(pages.front(), "HEADINGS" + std::string(1, static_cast<char>('A' + k))));  // whole
    for (const auto& d : pages.front().draws)
        if (d.kind == Draw::Text && d.run.text.rfind("HEADINGS", 0) == 0) smaller = smaller || d.run.size < 7.5;
    CHECK(smaller);
}

TEST_CASE("no table leaves a single body row on either side of a page break") {
    // Tables of every length after text of every length: count each page's body rows.
    for (int before = 0; before < 60; before += 7)
        for (int rows = 2; rows < 70; rows += 5) {
            Collected c;
            Item text;
            text.para = para(words(before * 12));
            c.items.push_back(text);
            Item item;
            item.kind = Item::TableItem;
            item.table.header_rows = 1;
            item.table.rows.push_back({{{para("Heading")}, true}, {{para("Value")}, true}});
            for (int r = 0; r < rows; ++r) item.table.rows.push_back({{{para("Row " + std::to_string(r))}, false}, {{para("x")}, false}});
            c.items.push_back(item);
            auto pages = paginate(c, style(), fonts());
            std::vector<int> per_page;
            for (const auto& page : pages) {
                int n = 0;
                for (const auto& t : page_texts(page)) n += t.rfind("Row ", 0) == 0;
                if (n > 0) per_page.push_back(n);
            }
            if (per_page.size() > 1)
                for (int n : per_page) CHECK(n >= 2);
        }
}
