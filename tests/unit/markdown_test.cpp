#include <catch2/catch.hpp>

#include "doc/doc.hpp"
#include "render/html/html.hpp"

using namespace agendapack;

namespace {

model::Markdown md(const std::string& text, int line = 10) { return {text, {"d.md", line, 1}}; }

std::string html(const doc::Blocks& blocks) {
    return render::html::render_blocks(blocks, [](const std::string& id) { return id + ".html"; });
}

}  // namespace

TEST_CASE("Markdown becomes the document tree") {
    doc::Blocks blocks = doc::markdown(md("Some **bold** and *italic* text with [a link](https://example.org).\n\n- one\n- two\n"));
    REQUIRE(blocks.size() == 2);
    CHECK(blocks[0].kind == doc::Block::Kind::Paragraph);
    CHECK(doc::plain_text(blocks[0].inlines) == "Some bold and italic text with a link.");
    CHECK(blocks[1].kind == doc::Block::Kind::List);
    CHECK_FALSE(blocks[1].ordered);
    CHECK(html(blocks) ==
          "<p>Some <strong>bold</strong> and <em>italic</em> text with <a href=\"https://example.org\">a link</a>.</p>\n"
          "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n");
}

TEST_CASE("ordered list labels take the style's form and count from the number the list starts at") {
    doc::MarkdownOptions options;
    options.period_style = "(i)";
    doc::Blocks blocks = doc::markdown(md("1. first\n1. second\n   1. inner\n7) seven\n8) eight\n"), options);
    REQUIRE(blocks.size() == 2);
    CHECK(blocks[0].children[0].label == "(i)");
    CHECK(blocks[0].children[1].label == "(ii)");  // "1." typed for every item counts on
    CHECK(blocks[0].children[1].children[1].children[0].label == "a)");
    CHECK(blocks[1].children[0].label == "7)");  // a list continued after a table keeps its number
    CHECK(blocks[1].children[1].label == "8)");
}

TEST_CASE("list labels in every style the seeds print") {
    CHECK(doc::list_label("(i)", 4) == "(iv)");
    CHECK(doc::list_label("i)", 9) == "ix)");
    CHECK(doc::list_label("1)", 2) == "2)");
    CHECK(doc::list_label("a)", 2) == "b)");
    CHECK(doc::list_label("1.", 12) == "12.");
}

TEST_CASE("raw HTML and script links are errors at their source position") {
    CHECK_THROWS_WITH(doc::markdown(md("Text.\n\n<div>block</div>\n")),
                      "d.md:12:1: raw HTML is not allowed in content: '<div>block</div>'");
    CHECK_THROWS_WITH(doc::markdown(md("A <b>bold</b> claim.\n")), "d.md:10:3: raw HTML is not allowed in content: '<b>'");
    CHECK_THROWS_WITH(doc::markdown(md("[x](JavaScript:alert(1))\n")),
                      "d.md:10:1: links may go only to http:, https:, mailto: or tel: addresses, or to pages of the site, not to 'javascript:' addresses");
    // Entities and tabs a browser would read past (the OWASP filter-evasion forms).
    CHECK_THROWS(doc::markdown(md("[x](<java&#9;script:alert(1)>)\n")));
    CHECK_THROWS(doc::markdown(md("[x](<&#1;javascript:alert(1)>)\n")));
}

TEST_CASE("text is escaped on the way out") {
    doc::Blocks blocks = doc::markdown(md("Fish & chips < 5 \"quid\"\n"));
    CHECK(html(blocks) == "<p>Fish &amp; chips &lt; 5 “quid”</p>\n");
}

TEST_CASE("a one-paragraph field rejects block structure") {
    CHECK(doc::plain_text(doc::markdown_inline(md("That the Panel notes the report."))) == "That the Panel notes the report.");
    CHECK_THROWS_WITH(doc::markdown_inline(md("One.\n\nTwo.\n")),
                      "d.md:10:1: this field takes one paragraph of text, without headings, lists or blank lines");
}

namespace {

std::vector<std::string> labels(const doc::Block& list) {
    std::vector<std::string> out;
    for (const auto& item : list.children) out.push_back(item.label);
    return out;
}

}  // namespace

TEST_CASE("lists typed with letters and roman numerals become lists, labelled as typed") {
    SECTION("lines of one paragraph") {
        doc::Blocks blocks = doc::markdown(md("a) first\nb) second\nc) third\n"));
        REQUIRE(blocks.size() == 1);
        REQUIRE(blocks[0].kind == doc::Block::Kind::List);
        CHECK(labels(blocks[0]) == std::vector<std::string>{"a)", "b)", "c)"});
        CHECK(doc::plain_text(blocks[0].children[1].children[0].inlines) == "second");
    }
    SECTION("paragraphs, and 'i' after 'h' is a letter") {
        std::string text;
        for (char c = 'a'; c <= 'j'; ++c) text += std::string(1, c) + ". Point " + c + ".\n\n";
        doc::Blocks blocks = doc::markdown(md(text));
        REQUIRE(blocks.size() == 1);
        CHECK(labels(blocks[0]).back() == "j.");
        CHECK(labels(blocks[0])[8] == "i.");
    }
    SECTION("roman numerals count on past three") {
        doc::Blocks blocks = doc::markdown(md("(i) one\n(ii) two\n(iii) three\n(iv) four\n(v) five\n"));
        REQUIRE(blocks.size() == 1);
        CHECK(labels(blocks[0]) == std::vector<std::string>{"(i)", "(ii)", "(iii)", "(iv)", "(v)"});
    }
    SECTION("what only looks like a marker stays prose") {
        for (const char* prose : {"i.e. the council agreed.\nii. something\n", "a. alone is a sentence.\n",
                                  "b. does not start a list.\nc. nor does this.\n", "I. Smith and A. Jones attended.\n"}) {
            doc::Blocks blocks = doc::markdown(md(prose));
            REQUIRE(blocks.size() == 1);
            CHECK(blocks[0].kind == doc::Block::Kind::Paragraph);
        }
    }
    SECTION("a list stops where the counting does") {
        doc::Blocks blocks = doc::markdown(md("a. one\nb. two\n\nd. not the next letter\n"));
        REQUIRE(blocks.size() == 2);
        CHECK(labels(blocks[0]) == std::vector<std::string>{"a.", "b."});
        CHECK(blocks[1].kind == doc::Block::Kind::Paragraph);
    }
}

TEST_CASE("GitHub tables, strikethrough and autolinks") {
    doc::Blocks blocks = doc::markdown(md("| A | B |\n|---|--:|\n| ~~x~~ | 2 |\n\nMail team@example.org today.\n"));
    REQUIRE(blocks.size() == 2);
    REQUIRE(blocks[0].kind == doc::Block::Kind::Table);
    CHECK(blocks[0].header_rows == 1);
    REQUIRE(blocks[0].rows.size() == 2);
    CHECK(blocks[0].rows[0].cells[0].header);
    CHECK(blocks[0].rows[1].cells[1].align == "right");
    CHECK(blocks[0].rows[1].cells[0].content[0].inlines[0].kind == doc::Inline::Kind::Strikethrough);
    CHECK(html({blocks[1]}) == "<p>Mail <a href=\"mailto:team@example.org\">team@example.org</a> today.</p>\n");
}
