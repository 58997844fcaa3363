#include <catch2/catch.hpp>

#include "compose/compose.hpp"

using namespace agendapack;

namespace {

model::Glossary glossary() {
    model::Glossary g;
    g.file = "glossaries/test.yaml";
    model::GlossaryEntry cpp;
    cpp.term = "Child Protection Plan";
    cpp.abbreviations = {"CPP"};
    cpp.aliases = {"S47"};
    g.entries.push_back(cpp);
    return g;
}

std::vector<std::string> warned(const std::string& body, const model::Glossary* g) {
    model::Document document;
    document.body = {body, {"r.md", 10, 1}};
    std::vector<std::string> out;
    for (const auto& w : compose::check_acronyms(document, g)) out.push_back(format_location(w.where) + " " + w.message.substr(0, w.message.find(' ')));
    return out;
}

}  // namespace

TEST_CASE("capitals the glossary knows pass; others are reported once at their place") {
    model::Glossary g = glossary();
    CHECK(warned("A CPP was agreed after the S47.\n", &g).empty());
    CHECK(warned("The MASH met.\n\nThe MASH met again.\n", &g) == std::vector<std::string>{"r.md:10:5 'MASH'"});
    CHECK(warned("Counted under S17 and S47.\n", &g) == std::vector<std::string>{"r.md:10:15 'S17'"});
}

TEST_CASE("an abbreviation written out nearby, or earlier, needs no glossary entry") {
    CHECK(warned("The Youth Justice Service (YJS) met. The YJS agreed.\n", nullptr).empty());
    CHECK(warned("YJS (the Youth Justice Service) met.\n", nullptr).empty());
    CHECK(warned("The Youth Justice Service (YJS) met.\n\nLater the YJS agreed.\n", nullptr).empty());
    CHECK(warned("Later the YJS agreed.\n\nThe Youth Justice Service (YJS) met.\n", nullptr) == std::vector<std::string>{"r.md:10:11 'YJS'"});
}

TEST_CASE("code, link addresses, fenced blocks, single capitals and mixed-case words are not checked") {
    CHECK(warned("Run `ABC` and see [the page](https://example.org/XYZ).\n", nullptr).empty());
    CHECK(warned("```table\ncsv: DATA.csv\n```\n", nullptr).empty());
    CHECK(warned("A Panel of I and Ofsted.\n", nullptr).empty());
}

TEST_CASE("a report's own local terms count as known") {
    model::Document document;
    model::GlossaryEntry so14;
    so14.term = "Southampton postcode district SO14";
    so14.abbreviations = {"SO14"};
    so14.acronym_only = true;
    document.cover.local_terms.push_back(so14);
    document.body = {"Families in SO14 and SO16.\n", {"r.md", 3, 1}};
    auto warnings = compose::check_acronyms(document, nullptr);
    REQUIRE(warnings.size() == 1);
    CHECK(format_location(warnings[0].where) == "r.md:3:22");
}
