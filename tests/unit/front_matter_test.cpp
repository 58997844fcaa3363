#include <catch2/catch.hpp>

#include "load/load.hpp"

using namespace agendapack;
using namespace agendapack::load;

TEST_CASE("front matter and body split with the body's first line") {
    FrontMatterFile f = split_front_matter("r.md", "---\ndocument: report\nreport_of: X\n---\n\n## Brief summary\n");
    CHECK(f.front_matter == "document: report\nreport_of: X\n");
    CHECK(f.front_matter_line == 2);
    CHECK(f.body == "\n## Brief summary\n");
    CHECK(f.body_line == 5);
}

TEST_CASE("a document without front matter, or with it unclosed, is an error") {
    CHECK_THROWS_WITH(split_front_matter("r.md", "# Title\n"),
                      "r.md:1:1: a document must start with its front matter: a line '---', its fields, then '---'");
    CHECK_THROWS_WITH(split_front_matter("r.md", "---\ndocument: report\n"),
                      "r.md:1:1: the front matter opened on line 1 is never closed with a line '---'");
}
