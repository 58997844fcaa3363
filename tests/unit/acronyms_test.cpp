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

TEST_CASE("words in capitals that are ordinary English words are not abbreviations; names in the list do not count") {
    const auto words = Lexicon::of("by\nedited\nreviewer\nsend\nOfsted\nnote's\n");
    model::Document document;
    document.body = {"(EDITED BY REVIEWER) The SSCP and the EHCP. SEND. OFSTED. NOTE'S\n", {"r.md", 1, 1}};
    std::vector<std::string> found;
    for (const auto& w : compose::check_acronyms(document, nullptr, nullptr, words.get())) found.push_back(w.message.substr(0, w.message.find(' ')));
    CHECK(found == std::vector<std::string>{"'SSCP'", "'EHCP'", "'OFSTED'", "'NOTE'"});
}

TEST_CASE("Debian's British English list knows the words of the README's tour") {
    Lexicon british;
    INFO("the word list " << british.path() << " comes with Debian's wbritish (scripts/install-deps.sh)");
    REQUIRE(british.knows("THE"));
    for (const char* word : {"EDITED", "BY", "REVIEWER", "IMPORTANT", "NOT"}) CHECK(british.knows(word));
    for (const char* word : {"SSCP", "EHCP", "CAMHS", "YJS", "S47"}) CHECK_FALSE(british.knows(word));
}
