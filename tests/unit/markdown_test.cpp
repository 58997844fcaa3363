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

TEST_CASE("ordered list labels come from the style, not the typed numbers") {
    doc::MarkdownOptions options;
    options.period_style = "(i)";
    doc::Blocks blocks = doc::markdown(md("1. first\n1. second\n   1. inner\n7) seven\n"), options);
    REQUIRE(blocks.size() == 2);
    CHECK(blocks[0].children[0].label == "(i)");
    CHECK(blocks[0].children[1].label == "(ii)");
    CHECK(blocks[0].children[1].children[1].children[0].label == "a)");
    CHECK(blocks[1].children[0].label == "1)");
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
    CHECK_THROWS_WITH(doc::markdown(md("[x](JavaScript:alert(1))\n")), "d.md:10:1: links to 'javascript:' addresses are not allowed");
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
