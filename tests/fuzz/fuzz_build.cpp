// Fuzz target: a whole build of a small site. The minimal fixture (in
// memory) with one source file replaced by the input — the first byte picks
// which (byte % kFiles, list below), the rest is the file — is indexed and
// built by build::run, as `agendapack build` does, into an in-memory output
// folder: load, plan, compose, PDF pack and per-item PDFs, HTML pages,
// site-wide pages, build records and publishing. Errors in the sources are
// expected; any other failure of a meeting is a finding.
#include "build/run.hpp"
#include "fuzz_support.hpp"

using namespace agendapack;

namespace {

const char* kFiles[] = {
    "content/council.yaml",                                   // 0
    "content/people.yaml",                                    // 1
    "content/test-panel/committee.yaml",                      // 2
    "content/test-panel/2024-25.yaml",                        // 3
    "content/test-panel/2024-09-26/meeting.yaml",             // 4
    "content/test-panel/2024-09-26/04-school-places.md",      // 5
    "content/test-panel/2024-09-26/03-minutes.md",            // 6
    "content/test-panel/2024-09-26/04-appendix-1-figures.md", // 7
    "data/test-panel/places.csv",                             // 8
    "content/cover-sheets.yaml",                              // 9 (new: the minimal site has none)
};
constexpr size_t kCount = sizeof kFiles / sizeof kFiles[0];

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::fixture();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    fuzz::OverlayFileSystem fs(fuzz::fixture());
    fs.put(kFiles[data[0] % kCount], std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
    fuzz::expect_clean([&] {
        build::Build site(fs, {{"content", "data"}, "templates"});
        site.index();
        MemoryFileSystem output;
        build::RunOptions options;
        options.out = "output";
        options.output = &output;
        build::RunResult result = build::run(site, options);
        if (!result.failures.empty()) {
            for (const auto& failure : result.failures) std::fprintf(stderr, "fuzz: a meeting failed: %s\n", failure.c_str());
            std::abort();
        }
    });
    return 0;
}
