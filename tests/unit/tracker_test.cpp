#include <catch2/catch.hpp>

#include "fixture.hpp"

namespace {

const char* kCommittee = "content/test-panel/committee.yaml";

std::string committee_with_tracker() {
    std::ifstream in(std::string(AGENDAPACK_FIXTURE) + "/" + kCommittee);
    std::string text((std::istreambuf_iterator<char>(in)), {});
    return text + "tracker: test-panel/recommendations.yaml\n";
}

std::string minutes(const std::string& held, int count, const std::string& first = "") {
    std::string text = "---\ndocument: minutes\nheld: " + held + "\n" + first + "present: [Able (Chair)]\n---\n";
    for (int i = 1; i <= count; ++i) text += "\n## Item " + std::to_string(i) + "\n\nRESOLVED that item " + std::to_string(i) + " is done.\n";
    return text;
}

const char* kTrackerAppendix = "---\ndocument: appendix\ntitle: Scrutiny monitoring\n---\n\n```tracker\n```\n";

// Three more meetings: 16 January 2025 approves the minutes of 26 September
// 2024; 12 June 2025, in the next municipal year, approves those of 22 May 2025.
Files later_meetings(const std::string& statuses) {
    return {
        {kCommittee, committee_with_tracker()},
        {"data/test-panel/recommendations.yaml", statuses},
        {"content/test-panel/2025-26.yaml", "meetings: [2025-05-22, 2025-06-12]\nmembers: [Councillor Able (Chair)]\n"},
        {"content/test-panel/2024-09-26/05-monitoring.md", kTrackerAppendix},
        {"content/test-panel/2025-01-16/meeting.yaml",
         "date: 2025-01-16\ntime: \"17:30\"\nvenue: Room 1\nagenda:\n  - approve_minutes: [03-minutes.md]\n"
         "  - title: MONITORING\n    documents: [05-monitoring.md]\n"},
        {"content/test-panel/2025-01-16/03-minutes.md", minutes("2024-09-26", 3)},
        {"content/test-panel/2025-01-16/05-monitoring.md", kTrackerAppendix},
        {"content/test-panel/2025-06-12/meeting.yaml",
         "date: 2025-06-12\ntime: \"17:30\"\nvenue: Room 1\nagenda:\n  - approve_minutes: [03-minutes.md]\n"
         "  - title: MONITORING\n    documents: [05-monitoring.md]\n"},
        {"content/test-panel/2025-06-12/03-minutes.md", minutes("2025-05-22", 2)},
        {"content/test-panel/2025-06-12/05-monitoring.md", kTrackerAppendix},
    };
}

// The fixture's 2024-09-26 meeting needs its monitoring appendix on the agenda.
std::string meeting_2024() {
    return "date: 2024-09-26\ntime: \"17:30\"\nvenue: Room 1\nagenda:\n  - approve_minutes: [03-minutes.md]\n"
           "  - title: SCHOOL PLACES\n    documents: [04-school-places.md, 04-appendix-1-figures.md]\n"
           "  - title: MONITORING\n    documents: [05-monitoring.md]\n";
}

// The Action proposed column of a meeting's tracker.
std::vector<std::string> tracked(Fixture& f, const std::string& meeting_id) {
    for (size_t i = 0; i < f.plans.size(); ++i) {
        if (f.plans[i].id != meeting_id) continue;
        auto composed = f.meeting(i);
        for (const auto& d : composed.documents)
            for (const auto& b : d.body)
                if (b.role == "tracker") {
                    std::vector<std::string> out;
                    for (size_t r = 1; r < b.rows.size(); ++r) out.push_back(doc::plain_text(b.rows[r].cells[2].content[0].inlines));
                    return out;
                }
    }
    return {"no tracker"};
}

Files with(Files files, const std::string& path, const std::string& text) {
    files[path] = text;
    return files;
}

}  // namespace

TEST_CASE("minute numbers run on through the municipal year and restart with the next") {
    Files files = with(later_meetings(""), "content/test-panel/2024-09-26/meeting.yaml", meeting_2024());
    files["content/test-panel/2024-25.yaml"] = "meetings: [2024-07-18, 2024-09-26, 2025-01-16]\nmembers: [Councillor Able (Chair)]\n";
    Fixture f(files);
    CHECK(f.records.minute_starts.at("test-panel/2024-07-18") == 5);  // first_minute written
    CHECK(f.records.minute_starts.at("test-panel/2024-09-26") == 7);  // 5 and 6 came before
    CHECK(f.records.minute_starts.at("test-panel/2025-05-22") == 1);  // a new municipal year
    std::vector<std::string> ids;
    for (const auto& r : f.records.resolutions.at("test-panel")) ids.push_back(r.id);
    CHECK(ids == std::vector<std::string>{"2024-07-18/6/1", "2024-09-26/7/1", "2024-09-26/8/1", "2024-09-26/9/1", "2025-05-22/1/1",
                                          "2025-05-22/2/1"});
}

TEST_CASE("a recommendation accepted as complete drops off after the meeting that accepted it") {
    const std::string statuses =
        "- id: 2024-07-18/6/1\n  action_taken: Done.\n  status: Complete\n  closed: 2025-01-16\n"
        "- id: 2024-09-26/7/1\n  action_taken: Under way.\n  status: In progress\n";
    Files files = with(later_meetings(statuses), "content/test-panel/2024-09-26/meeting.yaml", meeting_2024());
    files["content/test-panel/2024-25.yaml"] = "meetings: [2024-07-18, 2024-09-26, 2025-01-16]\nmembers: [Councillor Able (Chair)]\n";
    Fixture f(files);
    CHECK(tracked(f, "test-panel-2024-09-26") == std::vector<std::string>{"That the report be noted."});
    CHECK(tracked(f, "test-panel-2025-01-16") ==
          std::vector<std::string>{"That the report be noted.", "That item 1 is done.", "That item 2 is done.", "That item 3 is done."});
    // Next year: the closed one has gone; the open one carries on; the year's own follow.
    CHECK(tracked(f, "test-panel-2025-06-12") == std::vector<std::string>{"That item 1 is done.", "That item 1 is done.", "That item 2 is done."});
}

TEST_CASE("a status naming no known decision is an error at its line") {
    Files files = with(later_meetings("- id: 2024-07-18/6/2\n  status: Complete\n"), "content/test-panel/2024-09-26/meeting.yaml", meeting_2024());
    files["content/test-panel/2024-25.yaml"] = "meetings: [2024-07-18, 2024-09-26, 2025-01-16]\nmembers: [Councillor Able (Chair)]\n";
    CHECK_THROWS_WITH(Fixture(files), Catch::StartsWith("data/test-panel/recommendations.yaml:1:3: unknown recommendation '2024-07-18/6/2' (did you mean '2024-07-18/6/1'?)"));
}

TEST_CASE("a minute links to the report it minutes when that meeting is in content") {
    Files files = with(later_meetings(""), "content/test-panel/2024-09-26/meeting.yaml", meeting_2024());
    files["content/test-panel/2024-25.yaml"] = "meetings: [2024-07-18, 2024-09-26, 2025-01-16]\nmembers: [Councillor Able (Chair)]\n";
    files["content/test-panel/2025-01-16/03-minutes.md"] =
        "---\ndocument: minutes\nheld: 2024-09-26\npresent: [Able (Chair)]\n---\n\n## School places\n\nThe Panel noted the forecast.\n";
    Fixture f(files);
    for (size_t i = 0; i < f.plans.size(); ++i) {
        if (f.plans[i].id != "test-panel-2025-01-16") continue;
        auto composed = f.meeting(i);
        const doc::Block& heading = composed.documents.at(0).body.back().children.front();
        REQUIRE(heading.inlines.front().kind == doc::Inline::Kind::Link);
        CHECK(heading.inlines.front().url == "../test-panel-2024-09-26/04-school-places.html");
        CHECK(heading.label == "7.");  // carried on from the July minutes (5 and 6)
    }
}

TEST_CASE("the monitoring report comes from the committee's template, dated for each meeting, fields overridable") {
    Files files = with(later_meetings(""), "content/test-panel/2024-09-26/meeting.yaml", meeting_2024());
    files["content/test-panel/2024-25.yaml"] = "meetings: [2024-07-18, 2024-09-26, 2025-01-16]\nmembers: [Councillor Able (Chair)]\n";
    files[kCommittee] = committee_with_tracker() + "monitoring_report: monitoring-report.md\n";
    std::ifstream in(std::string(AGENDAPACK_FIXTURE) + "/content/test-panel/2024-09-26/04-school-places.md");
    files["content/test-panel/monitoring-report.md"] = std::string((std::istreambuf_iterator<char>(in)), {});
    files["content/test-panel/2025-01-16/meeting.yaml"] =
        "date: 2025-01-16\ntime: \"17:30\"\nvenue: Room 1\nagenda:\n  - approve_minutes: [03-minutes.md]\n"
        "  - title: MONITORING SCRUTINY RECOMMENDATIONS\n    monitoring:\n      report_of: HEAD OF SCRUTINY\n";
    files.erase("content/test-panel/2025-01-16/05-monitoring.md");  // the template replaces it
    Fixture f(files);
    const auto& plan = f.plan("test-panel-2025-01-16");
    const auto& item = plan.agenda.back();
    REQUIRE(item.documents.size() == 2);
    CHECK(item.documents[0].source->cover.report_of == "HEAD OF SCRUTINY");      // overridden
    CHECK(item.documents[0].source->cover.recommendations.size() == 1);           // from the template
    CHECK(item.documents[1].title == "Appendix 1: Test Scrutiny Panel – Scrutiny Monitoring – 16 January 2025");
    CHECK(item.documents[1].stamp == "Agenda Item 4, Appendix 1");
}

TEST_CASE("a committee may restart its minute numbers in another month") {
    Files files = with(later_meetings(""), "content/test-panel/2024-09-26/meeting.yaml", meeting_2024());
    files["content/test-panel/2024-25.yaml"] = "meetings: [2024-07-18, 2024-09-26, 2025-01-16]\nmembers: [Councillor Able (Chair)]\n";
    files[kCommittee] = committee_with_tracker() + "minutes_restart: September\n";
    Fixture f(files);
    CHECK(f.records.minute_starts.at("test-panel/2024-09-26") == 1);  // September starts a new run
    CHECK(f.records.minute_starts.at("test-panel/2025-05-22") == 4);  // May no longer does: 1-3 came before
}

TEST_CASE("a meeting's page says where its minutes are published") {
    Files files = later_meetings("[]\n");
    files["content/test-panel/2024-09-26/meeting.yaml"] = meeting_2024();
    Fixture f(files);
    // The minutes of 26 September 2024 are approved at, and published with, 16 January 2025.
    compose::MeetingFacts facts = compose::meeting_facts(f.context(), f.plan("test-panel-2024-09-26"));
    REQUIRE(facts.minutes.size() == 1);
    CHECK(facts.minutes[0].href == "../test-panel-2025-01-16/03-minutes.html");
    CHECK(facts.minutes[0].approved == "approved at the meeting of 16 January 2025");
    // The 16 January 2025 meeting's own minutes are not in content/ yet.
    CHECK(compose::meeting_facts(f.context(), f.plan("test-panel-2025-01-16")).minutes.empty());
}

TEST_CASE("a recommendation's sub-items a), b) are kept in the tracker and its exports") {
    Files files = with(later_meetings(""), "content/test-panel/2024-09-26/meeting.yaml", meeting_2024());
    files["content/test-panel/2024-25.yaml"] = "meetings: [2024-07-18, 2024-09-26, 2025-01-16]\nmembers: [Councillor Able (Chair)]\n";
    files["content/test-panel/2025-01-16/03-minutes.md"] =
        "---\ndocument: minutes\nheld: 2024-09-26\npresent: [Able (Chair)]\n---\n\n## Places\n\nRESOLVED\n\n"
        "1. That the service:\n   a) reviews the forecast;\n   b) reports back in March.\n2. That the report be noted.\n";
    Fixture f(files);
    const auto& resolutions = f.records.resolutions.at("test-panel");
    auto it = std::find_if(resolutions.begin(), resolutions.end(), [](const auto& r) { return r.id == "2024-09-26/7/1"; });
    REQUIRE(it != resolutions.end());
    CHECK(doc::plain_text(it->text) == "That the service:");
    CHECK(compute::decision_words(*it) == "That the service: a) reviews the forecast; b) reports back in March.");
    for (size_t i = 0; i < f.plans.size(); ++i) {
        if (f.plans[i].id != "test-panel-2025-01-16") continue;
        auto composed = f.meeting(i);
        bool found = false;
        for (const auto& d : composed.documents)
            for (const auto& b : d.body)
                if (b.role == "tracker")
                    for (const auto& row : b.rows)
                        if (row.cells.size() > 2 && row.cells[2].content.size() == 2) {
                            CHECK(row.cells[2].content[1].kind == doc::Block::Kind::List);
                            CHECK(row.cells[2].content[1].children[1].label == "b)");
                            found = true;
                        }
        CHECK(found);
    }
    auto exports = compose::export_trackers(f.context());
    REQUIRE(exports.size() == 1);
    CHECK(exports[0].csv.find("That the service: a) reviews the forecast; b) reports back in March.") != std::string::npos);
}

TEST_CASE("the tracker's headings, numbers and what carries forward follow the committee's form") {
    const std::string statuses = "- id: 2024-09-26/7/1\n  action_taken: Under way.\n  status: In progress\n";
    Files files = with(later_meetings(statuses), "content/test-panel/2024-09-26/meeting.yaml", meeting_2024());
    files["content/test-panel/2024-25.yaml"] = "meetings: [2024-07-18, 2024-09-26, 2025-01-16]\nmembers: [Councillor Able (Chair)]\n";
    const std::string appendix =
        "---\ndocument: appendix\ntitle: Scrutiny monitoring\n---\n\n```tracker\nrename: Action proposed = Recommendation\n"
        "numbered: yes\ncarry_forward: year\n```\n";
    files["content/test-panel/2025-06-12/05-monitoring.md"] = appendix;
    Fixture f(files);
    for (size_t i = 0; i < f.plans.size(); ++i) {
        if (f.plans[i].id != "test-panel-2025-06-12") continue;
        auto composed = f.meeting(i);
        const doc::Block* table = nullptr;
        for (const auto& d : composed.documents)
            for (const auto& b : d.body)
                if (b.role == "tracker") table = &b;
        REQUIRE(table);
        REQUIRE(table->rows.size() == 3);  // last year's open recommendation stays behind
        CHECK(doc::plain_text(table->rows[0].cells[0].content[0].inlines) == "No.");
        CHECK(doc::plain_text(table->rows[0].cells[3].content[0].inlines) == "Recommendation");
        CHECK(doc::plain_text(table->rows[2].cells[0].content[0].inlines) == "2");
        CHECK(doc::plain_text(table->rows[1].cells[3].content[0].inlines) == "That item 1 is done.");
    }
}

TEST_CASE("an entry of the status file shows only between its from and until meetings") {
    const std::string statuses =
        "- id: old-one\n  title: Older work\n  action_proposed: That the old thing is done.\n  status: In progress\n"
        "  from: 2025-01-01\n  until: 2025-03-31\n";
    Files files = with(later_meetings(statuses), "content/test-panel/2024-09-26/meeting.yaml", meeting_2024());
    files["content/test-panel/2024-25.yaml"] = "meetings: [2024-07-18, 2024-09-26, 2025-01-16]\nmembers: [Councillor Able (Chair)]\n";
    Fixture f(files);
    auto has_old = [&](const std::string& id) {
        auto rows = tracked(f, id);
        return std::find(rows.begin(), rows.end(), "That the old thing is done.") != rows.end();
    };
    CHECK_FALSE(has_old("test-panel-2024-09-26"));  // before `from`
    CHECK(has_old("test-panel-2025-01-16"));
    CHECK_FALSE(has_old("test-panel-2025-06-12"));  // after `until`
}

TEST_CASE("tracker exports keep a cell that looks like a formula as text (CSV injection)") {
    const std::string statuses = "- id: 2024-09-26/7/1\n  action_taken: \"=HYPERLINK(\\\"https://example.org\\\",\\\"click\\\")\"\n  status: \"@SUM(A1)\"\n";
    Files files = with(later_meetings(statuses), "content/test-panel/2024-09-26/meeting.yaml", meeting_2024());
    files["content/test-panel/2024-25.yaml"] = "meetings: [2024-07-18, 2024-09-26, 2025-01-16]\nmembers: [Councillor Able (Chair)]\n";
    Fixture f(files);
    auto exports = compose::export_trackers(f.context());
    REQUIRE(exports.size() == 1);
    const std::string& csv = exports[0].csv;
    CHECK(csv.find("\"'=HYPERLINK(\"\"https://example.org\"\",\"\"click\"\")\"") != std::string::npos);
    CHECK(csv.find(",'@SUM(A1),") != std::string::npos);
    CHECK(csv.find(",=") == std::string::npos);
    CHECK(csv.find(",\"=") == std::string::npos);
}
