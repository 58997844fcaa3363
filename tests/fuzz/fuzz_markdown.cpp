// Fuzz target: Markdown → document tree → both renderers. The minimal
// fixture is indexed once; each input becomes the body of its report
// (first byte even) or its appendix (odd), under that file's own front
// matter, and the meeting is built as the command builds it
// (Build::build_meeting): composed (cmark-gfm, typed lists, fenced tables,
// charts, scorecards, glossaries, pictures), laid out and written as the PDF
// pack (and its per-item PDFs), and rendered as the HTML pages.
#include "build/build.hpp"
#include "fuzz_support.hpp"
#include "load/load.hpp"

using namespace agendapack;

namespace {

const char* kMeetingId = "test-panel-2024-09-26";
const char* kDocuments[] = {"content/test-panel/2024-09-26/04-school-places.md",
                            "content/test-panel/2024-09-26/04-appendix-1-figures.md"};

struct Site {
    fuzz::OverlayFileSystem fs{fuzz::fixture()};
    std::unique_ptr<build::Build> build;
    std::string front_matter[2];  // each document's "---\n…---\n"
};

Site& site() {
    static Site* s = [] {
        auto* out = new Site;
        for (int i = 0; i < 2; ++i) {
            load::FrontMatterFile parts = load::split_front_matter(kDocuments[i], *fuzz::fixture().read(kDocuments[i]));
            out->front_matter[i] = "---\n" + parts.front_matter + "---\n";
        }
        out->build = std::make_unique<build::Build>(out->fs, build::Options{{"content", "data"}, "templates"});
        out->build->index();
        return out;
    }();
    return *s;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    site();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    Site& s = site();
    const int which = data[0] & 1;
    // The index let the bodies go; the build reads them again, now the fuzzer's.
    s.fs.put(kDocuments[which], s.front_matter[which] + std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
    s.fs.put(kDocuments[1 - which], *fuzz::fixture().read(kDocuments[1 - which]));
    fuzz::expect_clean([&] { s.build->build_meeting(kMeetingId, s.build->worker()); });
    return 0;
}
