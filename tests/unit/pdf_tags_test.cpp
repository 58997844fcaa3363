// The tags of a tagged pack: the structure collect makes from a document
// tree, the element paginate gives each draw, and the marked content a page
// is drawn with (the writer's linking of them is tested end to end in
// tests/e2e/tagged_pdf.py).
#include <catch2/catch.hpp>

#include "pdf_fixture.hpp"
#include "render/pdf/content.hpp"

using namespace agendapack;
using namespace agendapack::render::pdf;
using namespace agendapack::render::pdf::testing;
using Role = StructNode::Role;

namespace {

// "Role(parent)" for each element, in order: the shape of the tree.
std::vector<std::string> outline(const Structure& s) {
    std::vector<std::string> out;
    for (const auto& n : s.nodes) out.push_back(std::string(role_name(n.role)) + "(" + std::to_string(n.parent) + ")");
    return out;
}

doc::Block table(size_t rows, int header_rows) {
    doc::Block t;
    t.kind = doc::Block::Kind::Table;
    t.header_rows = header_rows;
    for (size_t r = 0; r < rows; ++r) {
        doc::Row row;
        row.cells.push_back(doc::text_cell("row " + std::to_string(r), static_cast<int>(r) < header_rows));
        row.cells.push_back(doc::text_cell(static_cast<int>(r) < header_rows ? "head" : "value", static_cast<int>(r) < header_rows));
        t.rows.push_back(row);
    }
    return t;
}

}  // namespace

TEST_CASE("collect makes a document's structure: headings, paragraphs with their links and shapes, lists, tables") {
    doc::Document d;
    d.title = "Report";
    d.body.push_back(doc::heading(1, {doc::text("Title")}));
    d.body.push_back(doc::paragraph({doc::text("See "), doc::link("https://example.org", {doc::text("this")}),
                                     doc::symbol("arrow-up", "up from 1 to 2"), doc::symbol("rag-green")}));
    d.body.push_back(doc::list(false, {doc::list_item("", {doc::paragraph({doc::text("one")})})}));
    doc::Block t = table(2, 1);
    t.rows[1].cells[1].colspan = 2;
    t.rows[1].cells[0].scope = "row";
    t.rows[1].cells[0].header = true;
    d.body.push_back(t);
    const Collected collected = collect(d, style());
    REQUIRE(collected.structure);
    CHECK(collected.structure->title == "Report");
    // A cell or list item of one paragraph holds its words itself: that
    // paragraph's element is folded into it (parent kUnused, -3).
    CHECK(outline(*collected.structure) == std::vector<std::string>{"H1(-1)", "P(-1)", "Link(1)", "Figure(1)", "L(-1)", "LI(4)",
                                                                     "Lbl(5)", "LBody(5)", "P(-3)", "Table(-1)", "TR(9)", "TH(10)",
                                                                     "P(-3)", "TH(10)", "P(-3)", "TR(9)", "TH(15)", "P(-3)", "TD(15)",
                                                                     "P(-3)"});
    const auto& nodes = collected.structure->nodes;
    CHECK(nodes[3].alt == "up from 1 to 2");
    CHECK(nodes[11].scope == StructNode::Scope::Column);
    CHECK(nodes[16].scope == StructNode::Scope::Row);
    CHECK(nodes[18].colspan == 2);
    // The paragraph's text is its own; the link's words and the named shape
    // are their elements'; a shape with no name of its own is decoration.
    const Para& p = collected.items[1].para;
    CHECK(p.node == 1);
    REQUIRE(p.spans.size() == 4);
    CHECK(p.spans[0].node == kInherit);
    CHECK(p.spans[1].node == 2);
    CHECK(p.spans[2].node == 3);
    CHECK(p.spans[3].node == kArtifact);
    // The list item's label is its Lbl, its words its body's paragraph.
    CHECK(collected.items[2].para.label_node == 6);
    CHECK(collected.items[2].para.node == 7);
}

TEST_CASE("a table split over pages: each cell keeps its element, the header drawn again is furniture") {
    doc::Document d;
    d.body.push_back(table(120, 1));
    const Collected collected = collect(d, style());
    const std::vector<Page> pages = paginate(collected, style(), fonts());
    REQUIRE(pages.size() >= 2);
    auto nodes_of = [](const Page& page, const std::string& text) {
        std::vector<int> found;
        for (const auto& draw : page.draws)
            if (draw.kind == Draw::Text && draw.run.text.rfind(text, 0) == 0) found.push_back(draw.node);
        return found;
    };
    for (const std::string header : {"row 0", "head"}) {
        const auto first = nodes_of(pages[0], header);
        const auto again = nodes_of(pages[1], header);
        REQUIRE(first.size() == 1);
        REQUIRE(again.size() == 1);
        CHECK(first[0] >= 0);
        CHECK(again[0] == kArtifact);
    }
    CHECK(pages[1].structure == collected.structure);
    // Borders and shading are furniture; every body cell's words are tagged.
    for (const auto& page : pages)
        for (const auto& draw : page.draws) {
            if (draw.kind == Draw::Fill || draw.kind == Draw::Stroke) CHECK(draw.node == kArtifact);
            if (draw.kind == Draw::Text && draw.run.text.rfind("row 0", 0) != 0 && draw.run.text != "head") CHECK(draw.node >= 0);
        }
}

TEST_CASE("a page's content is marked: each element's stretch with an MCID, the rest and the furniture as artifacts") {
    Style s = style();
    Pack pack;
    PackEncoding encoding{[] {
        std::set<char32_t> all;
        for (char32_t c = 0x20; c < 0x7F; ++c) all.insert(c);
        return all;
    }()};
    Scenes scenes;
    PageResources names;
    names.fonts[Fonts::Regular][0] = "F1";
    auto structure = std::make_shared<Structure>();
    structure->nodes = {{Role::H1, -1}, {Role::P, -1}};
    Page page;
    page.structure = structure;
    auto text = [](const std::string& t, int node) {
        Draw d;
        d.kind = Draw::Text;
        d.run.text = t;
        d.run.size = 11;
        d.node = node;
        return d;
    };
    page.draws = {text("Title", 0), text("one", 1), text("two", 1)};
    Draw rule;
    rule.kind = Draw::Fill;
    rule.w = rule.h = 1;
    page.draws.push_back(rule);
    const SheetContent content = draw_sheet({pack, s, fonts(), encoding, scenes}, {&page, false, 3, ""}, names);
    CHECK(content.marks == std::vector<int>{0, 1});  // "one" and "two": one stretch
    const std::string& stream = content.stream;
    CHECK(stream.find("/H1 <</MCID 0>> BDC\n") != std::string::npos);
    CHECK(stream.find("/P <</MCID 1>> BDC\n") != std::string::npos);
    CHECK(stream.find("/Artifact BMC\n") != std::string::npos);                       // the rule
    CHECK(stream.find("/Artifact <</Type /Pagination>> BDC\n") != std::string::npos);  // "Page 3"
    size_t opened = 0, closed = 0;
    for (size_t at = stream.find(" BDC\n"); at != std::string::npos; at = stream.find(" BDC\n", at + 1)) ++opened;
    for (size_t at = stream.find("BMC\n"); at != std::string::npos; at = stream.find("BMC\n", at + 1)) ++opened;
    for (size_t at = stream.find("EMC\n"); at != std::string::npos; at = stream.find("EMC\n", at + 1)) ++closed;
    CHECK(opened == closed);
}

TEST_CASE("a line broken at a space keeps the space in its text, so the words stay apart") {
    Para p;
    p.spans.push_back({"alpha beta gamma delta epsilon zeta eta theta", Fonts::Regular, "", ""});
    p.size = 10;
    const auto lines = break_lines(p, 80, fonts());
    REQUIRE(lines.size() > 1);
    CHECK(lines.front().space_at_end);
    CHECK_FALSE(lines.back().space_at_end);
    Collected collected;
    Item item;
    item.para = p;
    item.para.node = 0;
    collected.items.push_back(item);
    const std::vector<Page> pages = paginate(collected, style(), fonts());
    REQUIRE_FALSE(pages.empty());
    std::string joined;
    for (const auto& d : pages[0].draws)
        if (d.kind == Draw::Text) joined += d.run.text;
    CHECK(joined == "alpha beta gamma delta epsilon zeta eta theta");
}
