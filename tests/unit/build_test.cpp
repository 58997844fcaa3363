// The Build object and its run: meeting keys, the cache, whole builds into a
// folder, and every meeting's errors reported together.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "build/record.hpp"
#include "build/run.hpp"
#include "fixture.hpp"
#include "support/hash.hpp"

namespace {

const char* kMeeting = "test-panel-2024-09-26";
const char* kAppendix = "content/test-panel/2024-09-26/04-appendix-1-figures.md";

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// A second meeting of the panel, whose appendix names a CSV.
Files second_meeting(const std::string& csv) {
    return {{"content/test-panel/2025-01-16/meeting.yaml",
             "date: 2025-01-16\ntime: \"17:30\"\nvenue: Room 1\nagenda:\n  - title: FIGURES\n    documents: [05-report.md, 05-appendix-1-data.md]\n"},
            {"content/test-panel/2025-01-16/05-report.md", slurp(fs::path(AGENDAPACK_FIXTURE) / "content/test-panel/2024-09-26/04-school-places.md")},
            {"content/test-panel/2025-01-16/05-appendix-1-data.md",
             "---\ndocument: appendix\ntitle: Data\n---\n\n```table\ncsv: " + csv + "\n```\n"}};
}


}  // namespace

TEST_CASE("build_meeting returns the meeting's files and the data it read") {
    Fixture f;
    auto worker = f.build->worker();
    build::MeetingOutput out = f.build->build_meeting(kMeeting, worker);
    std::vector<std::string> paths;
    for (const auto& file : out.files) {
        CHECK(file.path.rfind(std::string("meetings/") + kMeeting + "/", 0) == 0);
        paths.push_back(file.path);
    }
    CHECK(std::count(paths.begin(), paths.end(), std::string("meetings/") + kMeeting + "/" + kMeeting + "-pack.pdf") == 1);
    CHECK(std::count(paths.begin(), paths.end(), std::string("meetings/") + kMeeting + "/index.html") == 1);
    CHECK(out.inputs.count("data/test-panel/places.csv") == 1);
    CHECK(out.inputs.count("content/test-panel/2024-09-26/places-chart.png") == 1);
    CHECK(out.summary.pack.pages > 0);
}

TEST_CASE("a meeting built on several threads gives the bytes of one thread") {
    Fixture f;
    build::MeetingOutput one = f.build->build_meeting(kMeeting, f.build->worker(1));
    build::MeetingOutput three = f.build->build_meeting(kMeeting, f.build->worker(3));
    REQUIRE(one.files.size() == three.files.size());
    for (size_t i = 0; i < one.files.size(); ++i) {
        CHECK(one.files[i].path == three.files[i].path);
        CHECK(one.files[i].bytes == three.files[i].bytes);
    }
    CHECK(one.inputs == three.inputs);
    CHECK(one.summary.pack.bytes == three.summary.pack.bytes);
}

TEST_CASE("a meeting's key changes with anything that reaches it, and only then") {
    Fixture f;
    auto worker = f.build->worker();
    const auto& plan = f.plan(kMeeting);
    build::MeetingOutput out = f.build->build_meeting(kMeeting, worker);
    const std::string key = f.build->meeting_key(plan, out.inputs);
    CHECK(f.build->meeting_key(plan, f.build->rehash(out.inputs)) == key);  // nothing changed

    auto changed = out.inputs;
    changed["data/test-panel/places.csv"] ^= 1;  // a CSV it read
    CHECK(f.build->meeting_key(plan, changed) != key);

    // Its own sources, the committee's, the council's, a template: a new index each time.
    for (const auto& [path, text] : Files{{kAppendix, "---\ndocument: appendix\ntitle: Other\n---\n\nText.\n"},
                                          {"content/test-panel/committee.yaml", slurp(fs::path(AGENDAPACK_FIXTURE) / "content/test-panel/committee.yaml") + "\n# a comment\n"},
                                          {"content/people.yaml", slurp(fs::path(AGENDAPACK_FIXTURE) / "content/people.yaml") + "\n# a comment\n"},
                                          {"templates/html/page.mustache", "<!doctype html>{{{content}}}"}}) {
        Fixture g(Files{{path, text}});
        CHECK(g.build->meeting_key(g.plan(kMeeting), out.inputs) != key);
    }
}

TEST_CASE("a meeting's build record reads back what it wrote, and a damaged one reads as none") {
    build::BuildRecord e;
    e.key = "0123456789abcdef";
    e.inputs = {{"data/a b.csv", 42}, {"data/c.csv", 0xfedcba9876543210ull}};
    e.summary.id = "m-2024-09-26";
    e.summary.pack = {"m-2024-09-26-pack.pdf", 12345, 17};
    e.summary.strict = true;
    e.summary.glossary_uses.push_back({"glossaries/g.yaml", "term-x", "07-report", "A title\twith a tab", "m-2024-09-26", "26 September 2024"});
    e.summary.warnings.push_back({{"content/x.md", 3, 7}, "unexplained 'ABC'\\nnot a newline"});
    e.files = {{"meetings/m-2024-09-26/index.html", 1234}};
    const std::string text = build::format_record(e);
    auto back = build::parse_record(text);
    REQUIRE(back);
    CHECK(build::format_record(*back) == text);
    CHECK(back->inputs == e.inputs);
    CHECK(back->files == e.files);
    CHECK(back->summary.glossary_uses.at(0).document_title == "A title\twith a tab");
    CHECK(back->summary.warnings.at(0).message == e.summary.warnings.at(0).message);
    CHECK(back->summary.pack.pages == 17);

    CHECK_FALSE(build::parse_record(""));
    CHECK_FALSE(build::parse_record("agendapack-cache 0\n"));
    CHECK_FALSE(build::parse_record(text.substr(0, text.size() / 2) + "\nnonsense\n"));
}

TEST_CASE("a glossary term lists its latest documents and counts the rest") {
    compose::GlossaryUseIndex index;
    auto use = [](const std::string& meeting, const std::string& document) {
        return compose::GlossaryUse{"g.yaml", "term-x", document, "Title " + document, meeting, "1 May 2024"};
    };
    // Meetings arrive in any order (threads); the site lists order 0 first.
    for (size_t order : {7, 3, 12, 0, 5, 9, 1, 14, 2, 8, 4, 10, 6, 13, 11})
        index.add(order, {use("m" + std::to_string(order), "a"), use("m" + std::to_string(order), "b"), use("m" + std::to_string(order), "a")});
    const auto* term = index.find("g.yaml", "term-x");
    REQUIRE(term);
    CHECK(term->documents == 30);
    REQUIRE(term->listed.size() == compose::GlossaryUseIndex::kListed);
    CHECK(term->listed.front().second.meeting_id == "m0");
    CHECK(term->listed[1].second.document_id == "b");
    CHECK(term->listed.back().second.meeting_id == "m5");
    CHECK_FALSE(index.find("g.yaml", "term-y"));
}

TEST_CASE("check reports every meeting's errors in one run, in file order") {
    Files files = second_meeting("test-panel/missing-two.csv");
    files[kAppendix] = "---\ndocument: appendix\ntitle: Figures\n---\n\n```table\ncsv: test-panel/missing-one.csv\n```\n";
    Fixture f(files);
    build::RunOptions options;
    options.jobs = 2;
    build::RunResult result = build::run(*f.build, options);
    CHECK_FALSE(result.ok());
    REQUIRE(result.errors.size() == 2);
    CHECK(std::string(result.errors[0].what()) ==
          "content/test-panel/2024-09-26/04-appendix-1-figures.md:7:6: data file 'data/test-panel/missing-one.csv' does not exist");
    CHECK(std::string(result.errors[1].what()) ==
          "content/test-panel/2025-01-16/05-appendix-1-data.md:7:6: data file 'data/test-panel/missing-two.csv' does not exist");
}

TEST_CASE("a run can publish into memory") {
    Fixture f;
    MemoryFileSystem out;
    build::RunOptions options;
    options.out = "site";
    options.output = &out;
    REQUIRE(build::run(*f.build, options).ok());
    CHECK(out.read("site/index.html"));
    CHECK(out.read(std::string("site/meetings/") + kMeeting + "/" + kMeeting + "-pack.pdf"));
    CHECK(build::run(*f.build, options).unchanged == 1);
}

TEST_CASE("a run writes the site, then leaves unchanged meetings alone") {
    Fixture f(second_meeting("test-panel/places.csv"));
    const fs::path out = fs::temp_directory_path() / "agendapack-build-test";
    fs::remove_all(out);
    build::RunOptions options;
    options.out = out.string();
    options.jobs = 2;
    build::RunResult first = build::run(*f.build, options);
    REQUIRE(first.ok());
    CHECK(first.built == 2);
    CHECK(fs::exists(out / "index.html"));
    CHECK(fs::exists(out / "meetings" / kMeeting / (std::string(kMeeting) + "-pack.pdf")));
    CHECK(fs::exists(out / ".agendapack" / "meetings" / kMeeting));

    build::RunResult second = build::run(*f.build, options);
    CHECK(second.built == 0);
    CHECK(second.unchanged == 2);

    // A file deleted by hand: its meeting is built again.
    fs::remove(out / "meetings" / kMeeting / "index.html");
    CHECK(build::run(*f.build, options).built == 1);
    CHECK(fs::exists(out / "meetings" / kMeeting / "index.html"));

    // A meeting folder deleted by hand is built again.
    fs::remove_all(out / "meetings" / kMeeting);
    build::RunResult third = build::run(*f.build, options);
    CHECK(third.built == 1);
    CHECK(fs::exists(out / "meetings" / kMeeting / "index.html"));
    fs::remove_all(out);
}
