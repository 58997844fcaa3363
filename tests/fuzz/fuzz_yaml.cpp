// Fuzz target: every YAML loader, through the FileSystem seam. The first
// byte picks the loader (byte % kLoaders, order below); the rest is the
// file it reads, put in place of that file of the minimal fixture (held in
// memory) so the loader finds the council, people and folders it expects:
//   0 council.yaml        load_council (also reads people.yaml)
//   1 people.yaml         load_people
//   2 committee.yaml      load_committee (also reads its year files)
//   3 2024-25.yaml        load_municipal_year
//   4 meeting.yaml        load_meeting (also reads the documents it lists)
//   5 cover-sheets.yaml   load_cover_forms
//   6 a glossary          load_glossary
//   7 scorecard rules     load_scorecard, over one of the example's scorecard CSVs
//   8 a tracker           load_tracker
//   9 a document          load_document: front matter (report, appendix, minutes) and body split
//  10 style.yaml          render::pdf::load_style
#include "fuzz_support.hpp"
#include "load/loaders.hpp"
#include "render/pdf/pdf.hpp"

using namespace agendapack;

namespace {

constexpr int kLoaders = 11;
const std::string kContent = "content";
const std::string kCommittee = "content/test-panel";
const std::string kMeeting = "content/test-panel/2024-09-26";
const std::string kScorecard = "children-and-families/2024-09-26/scorecards/01-family-help.csv";  // the example's

struct Base {
    model::Council council;
    model::Committee committee;
};

const Base& base() {
    static const Base* b = [] {
        auto* out = new Base;
        out->council = load::load_council(fuzz::fixture(), kContent);
        out->committee = load::load_committee(fuzz::fixture(), kCommittee, "test-panel", {}, out->council).committee;
        return out;
    }();
    return *b;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    base();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    const Base& b = base();
    const int loader = data[0] % kLoaders;
    std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
    fuzz::OverlayFileSystem fs(fuzz::fixture());
    const SourceLocation from{"content/test-panel/committee.yaml", 1, 1};
    fuzz::expect_clean([&] {
        switch (loader) {
            case 0:
                fs.put("content/council.yaml", std::move(text));
                load::load_council(fs, kContent);
                break;
            case 1:
                fs.put("content/people.yaml", std::move(text));
                load::load_people(fs, "content/people.yaml");
                break;
            case 2:
                fs.put(kCommittee + "/committee.yaml", std::move(text));
                load::load_committee(fs, kCommittee, "test-panel", {}, b.council);
                break;
            case 3:
                fs.put(kCommittee + "/2024-25.yaml", std::move(text));
                load::load_municipal_year(fs, kCommittee + "/2024-25.yaml", 2024, b.council);
                break;
            case 4:
                fs.put(kMeeting + "/meeting.yaml", std::move(text));
                load::load_meeting(fs, kMeeting, "2024-09-26", b.council, b.committee);
                break;
            case 5:
                fs.put("content/cover-sheets.yaml", std::move(text));
                load::load_cover_forms(fs, kContent);
                break;
            case 6:
                fs.put("data/fuzz/glossary.yaml", std::move(text));
                load::load_glossary(fs, "data", "fuzz/glossary.yaml", from);
                break;
            case 7:
                fs.put("data/fuzz/rules.yaml", std::move(text));
                load::load_scorecard(fs, "data", kScorecard, from, "fuzz/rules.yaml", from);
                break;
            case 8:
                fs.put("data/fuzz/recommendations.yaml", std::move(text));
                load::load_tracker(fs, "data", "fuzz/recommendations.yaml", from);
                break;
            case 9:
                fs.put(kMeeting + "/09-fuzz.md", std::move(text));
                load::load_document(fs, kMeeting, "09-fuzz.md", {kMeeting + "/meeting.yaml", 7, 5}, b.council);
                break;
            case 10:
                fs.put("templates/pdf/style.yaml", std::move(text));
                render::pdf::load_style(fs, "templates");
                break;
        }
    });
    return 0;
}
