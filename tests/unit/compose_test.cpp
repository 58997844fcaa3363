#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "compose/compose.hpp"
#include "fixture.hpp"

using namespace agendapack;
namespace fs = std::filesystem;

namespace {

const char* kReportPath = "content/test-panel/2024-09-26/04-school-places.md";

std::vector<std::string> labels(const doc::Blocks& blocks, doc::Block::Kind kind) {
    std::vector<std::string> out;
    for (const auto& b : blocks) {
        if (b.kind == kind) out.push_back(b.label);
        auto inner = labels(b.children, kind);
        out.insert(out.end(), inner.begin(), inner.end());
    }
    return out;
}

}  // namespace

TEST_CASE("paragraph numbers run on from Reasons to Policy, never in the Brief summary") {
    Fixture f(Files{{kReportPath, R"md(---
document: report
report_of: X
---

## Brief summary

1. Not numbered here.

## Reasons for report recommendations

1. One.

## Alternative options considered and rejected

1. Two.

## Detail (including consultation carried out)

### A subheading

1. Three.

   A continuation of three.

   - a bullet inside three

An unnumbered paragraph.

1. Four.

## Resource implications

1. Five.

## Legal implications

### Statutory power to undertake proposals in the report

1. Six.

### Other legal implications

1. Seven.

## Risk management implications

1. Eight.

## Policy framework implications

1. Nine.
)md"}});
    auto composed = f.meeting();
    const doc::Document& report = composed.documents.at(1);
    CHECK(labels(report.body, doc::Block::Kind::Numbered) ==
          std::vector<std::string>{"1.", "2.", "3.", "4.", "5.", "6.", "7.", "8.", "9."});
}

TEST_CASE("report sections must be present, known and in printed order") {
    auto body = std::string("---\ndocument: report\nreport_of: X\n---\n\n## Brief summary\n\nS.\n\n## Legal implications\n\n1. L.\n\n## Reasons for report recommendations\n\n1. R.\n");
    Fixture f(Files{{kReportPath, body}});
    CHECK_THROWS_WITH(f.meeting(), Catch::Contains("04-school-places.md:14:1: section 'Reasons for report recommendations' is out of order"));
    Fixture g(Files{{kReportPath, "---\ndocument: report\nreport_of: X\n---\n\n## Brief summary\n\nS.\n"}});
    CHECK_THROWS_WITH(g.meeting(), Catch::Contains("the report has no 'Reasons for report recommendations' section"));
}

TEST_CASE("minutes are numbered from first_minute and RESOLVED lists join their lead") {
    Fixture f(Files{{"content/test-panel/2024-09-26/03-minutes.md", R"md(---
document: minutes
held: 2024-07-18
first_minute: 25
present: [Able (Chair), Baker]
resolved_style: "i)"
---

## Apologies

None.

## School transport

RESOLVED

1. That routes are reviewed.
1. That costs are reported:
   1. by route;
   1. by school.

## Monitoring

RESOLVED that the report be noted.
)md"}});
    auto composed = f.meeting();
    const doc::Document& minutes = composed.documents.at(0);
    CHECK(labels(minutes.body, doc::Block::Kind::Heading) == std::vector<std::string>{"", "25.", "26.", "27."});
    CHECK(labels(minutes.body, doc::Block::Kind::ListItem) == std::vector<std::string>{"i)", "ii)", "a)", "b)"});
    int resolutions = 0;
    std::function<void(const doc::Blocks&)> count = [&](const doc::Blocks& blocks) {
        for (const auto& b : blocks) {
            if (b.role == "resolved") {
                ++resolutions;
                CHECK(b.children.front().inlines.front().kind == doc::Inline::Kind::Strong);
            }
            count(b.children);
        }
    };
    count(minutes.body);
    CHECK(resolutions == 2);
}

TEST_CASE("councillors are listed the way minutes print them") {
    CHECK(compose::councillors({"Able (Chair)"}) == "Councillor Able (Chair)");
    CHECK(compose::councillors({"Able (Chair)", "Baker", "Mrs Cole"}) == "Councillors Able (Chair), Baker and Mrs Cole");
}

TEST_CASE("a table block places a CSV file with its caption") {
    Fixture f;
    auto composed = f.meeting();
    const doc::Document& appendix = composed.documents.at(2);
    const doc::Block* table = nullptr;
    for (const auto& b : appendix.body)
        if (b.kind == doc::Block::Kind::Table) table = &b;
    REQUIRE(table);
    CHECK(doc::plain_text(table->caption) == "Table 1: Places by year (Source: census)");
    REQUIRE(table->rows.size() == 3);
    CHECK(table->header_rows == 1);
    CHECK(doc::plain_text(table->rows[1].cells[1].content[0].inlines) == "1,200");
}

TEST_CASE("a key to abbreviations lists the ones the document uses, in order of first use") {
    std::ifstream in(std::string(AGENDAPACK_FIXTURE) + "/content/test-panel/committee.yaml");
    std::string committee((std::istreambuf_iterator<char>(in)), {});
    Fixture f(Files{
        {"content/test-panel/committee.yaml", committee + "glossary: glossaries/test.yaml\n"},
        {"data/glossaries/test.yaml",
         "terms:\n  - term: Child Protection Plan\n    abbreviations: [CPP]\n    definition: A plan.\n"
         "  - term: Multi-Agency Safeguarding Hub\n    abbreviations: [MASH]\n    kind: acronym\n"
         "  - term: Looked After Child\n    abbreviations: [LAC]\n    kind: acronym\n"},
        {"content/test-panel/2024-09-26/04-appendix-1-figures.md",
         "---\ndocument: appendix\ntitle: Figures\n---\n\nThe MASH reviewed each CPP.\n\n```glossary\nstyle: key\n```\n"},
    });
    auto composed = f.meeting();
    const doc::Block* key = nullptr;
    doc::for_each_block(composed.documents.at(2).body, [&](const doc::Block& b) {
        if (b.role == "glossary-key") key = &b;
    });
    REQUIRE(key);
    CHECK(doc::plain_text(key->caption) == "Key to abbreviations");
    REQUIRE(key->rows.size() == 3);
    CHECK(doc::plain_text(key->rows[1].cells[0].content[0].inlines) == "MASH");
    CHECK(doc::plain_text(key->rows[2].cells[1].content[0].inlines) == "Child Protection Plan");
}

TEST_CASE("a glossary term is marked where it first stands as a whole word, the longest name first, whatever its case") {
    std::ifstream in(std::string(AGENDAPACK_FIXTURE) + "/content/test-panel/committee.yaml");
    std::string committee((std::istreambuf_iterator<char>(in)), {});
    Fixture f(Files{
        {"content/test-panel/committee.yaml", committee + "glossary: glossaries/test.yaml\n"},
        {"data/glossaries/test.yaml",
         "terms:\n  - term: Child Protection\n    definition: Keeping children safe.\n"
         "  - term: Child Protection Plan\n    abbreviations: [CPP]\n    definition: A plan.\n"
         "  - term: (Re)assessment\n    definition: Looking again.\n"
         "  - term: Early Help\n    abbreviations: [EH]\n    definition: Support.\n"},
        {"content/test-panel/2024-09-26/04-appendix-1-figures.md",
         "---\ndocument: appendix\ntitle: Figures\n---\n\n"
         "Under a child protection plan after the (re)assessment, the CPP ended; EHCP is not EH. Child Protection matters.\n"},
    });
    auto composed = f.meeting();
    std::vector<std::string> terms;
    doc::for_each_block(composed.documents.at(2).body, [&](const doc::Block& b) {
        for (const auto& i : b.inlines)
            if (i.kind == doc::Inline::Kind::Term) terms.push_back(i.text);
    });
    // "CPP" names a term already marked; "EHCP" is not the word "EH".
    CHECK(terms == std::vector<std::string>{"child protection plan", "(re)assessment", "EH", "Child Protection"});
}

TEST_CASE("a report prints the cover-sheet form in force on its meeting's date, unless one is named") {
    const std::string sections =
        "    sections:\n      - {name: Brief summary}\n      - {recommendations: \"RECOMMENDATIONS:\"}\n"
        "      - {name: Reasons for report recommendations, numbered: yes}\n"
        "      - {name: Alternative options considered and rejected, numbered: yes}\n"
        "      - {name: Detail (including consultation carried out), numbered: yes}\n"
        "      - {name: Resource implications, numbered: yes}\n      - {name: Legal implications, numbered: yes}\n"
        "      - {name: Risk management implications, numbered: yes, required: no}\n"
        "      - {name: Policy framework implications, numbered: yes}\n";
    auto form = [&](const std::string& name, const std::string& from, const std::string& confidentiality) {
        return "  - name: " + name + "\n" + (from.empty() ? "" : "    from: " + from + "\n") + "    fields: {report_of: \"REPORT OF:\"}\n" +
               "    confidentiality: " + confidentiality + "\n" + sections;
    };
    const std::string forms = "forms:\n" + form("future", "2025-01-01", "FUTURE") + form("old", "", "OLD") + form("autumn", "2024-09-01", "AUTUMN");
    auto confidentiality_heading = [](const compose::ComposedMeeting& m) {
        for (const auto& d : m.documents)
            if (d.kind == doc::Document::Kind::Report)
                for (const auto& b : d.body)
                    if (b.kind == doc::Block::Kind::Section && !b.children.empty() && b.children[0].kind == doc::Block::Kind::Heading) {
                        std::string text = doc::plain_text(b.children[0].inlines);
                        if (text == "FUTURE" || text == "OLD" || text == "AUTUMN") return text;
                    }
        return std::string("none");
    };
    {
        Fixture f({{"content/cover-sheets.yaml", forms}});
        CHECK(confidentiality_heading(f.meeting()) == "AUTUMN");  // the latest to begin by 26 September 2024
    }
    {
        std::ifstream in(std::string(AGENDAPACK_FIXTURE) + "/content/test-panel/committee.yaml");
        std::string committee((std::istreambuf_iterator<char>(in)), {});
        Fixture f({{"content/cover-sheets.yaml", forms}, {"content/test-panel/committee.yaml", committee + "cover_sheet: old\n"}});
        CHECK(confidentiality_heading(f.meeting()) == "OLD");
    }
}

TEST_CASE("Markdown the format does not take is a warning at its line, never an error") {
    Fixture f(Files{{"content/test-panel/2024-09-26/04-appendix-1-figures.md",
                "---\ndocument: appendix\ntitle: Figures\n---\n\nPlaces rose[^1] this year.\n\n- [ ] check the forecast\n\n"
                "| Year | Places |\n| 2024 | 1,200 |\n"}});
    auto composed = f.meeting();
    std::vector<std::string> messages;
    for (const auto& w : composed.warnings) {
        CHECK(w.advisory);
        messages.push_back(std::to_string(w.where.line) + ": " + w.message.substr(0, w.message.find(' ')));
    }
    CHECK(messages == std::vector<std::string>{"6: footnotes", "8: check", "10: this"});
}
