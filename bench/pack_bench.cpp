// How long the 26 September 2024 pack takes to build, phase by phase.
// Run: make bench (Release build). Figures go in docs/PERFORMANCE.md.
#include <benchmark/benchmark.h>

#include "build/build.hpp"
#include "render/html/html.hpp"
#include "render/pdf/layout.hpp"
#include "render/pdf/pdf.hpp"

using namespace agendapack;

namespace {

const char* kMeeting = "children-and-families-2024-09-26";

build::Options options() { return {{AGENDAPACK_REPO "/content", AGENDAPACK_REPO "/data"}, AGENDAPACK_REPO "/templates"}; }

// The site indexed once, through the same Build object as the command.
struct Example {
    DiskFileSystem fs;
    build::Build site{fs, options()};
    std::unique_ptr<build::Worker> worker;
    const compute::MeetingPlan* plan = nullptr;

    Example() {
        site.index();
        worker = site.worker();
        plan = site.find(kMeeting);
    }
};

Example& example() {
    static Example e;
    return e;
}

// Index (read every source, number and collect every committee's minutes)
// and compose the meeting: the sources into document trees.
void BM_LoadAndCompose(benchmark::State& state) {
    DiskFileSystem fs;
    for (auto _ : state) {
        build::Build site(fs, options());
        site.index();
        benchmark::DoNotOptimize(site.compose(*site.find(kMeeting)));
    }
}

// The pack from the index: compose, layout, the agenda's ranges, page
// references, the PDF bytes.
void BM_Pack(benchmark::State& state) {
    Example& e = example();
    int pages = 0;
    for (auto _ : state) {
        build::LaidOutMeeting laid = e.site.lay_out(*e.plan, *e.worker);
        auto written = render::pdf::write_pack(*laid.pack, laid.composed, e.site.site().council.name);
        pages = written.pages;
        benchmark::DoNotOptimize(written.bytes.data());
    }
    state.counters["pages"] = pages;
    state.counters["pages_per_second"] = benchmark::Counter(static_cast<double>(pages) * state.iterations(), benchmark::Counter::kIsRate);
}

// Everything build_meeting does: the pack and every HTML page of the meeting.
void BM_Meeting(benchmark::State& state) {
    Example& e = example();
    for (auto _ : state) benchmark::DoNotOptimize(e.site.build_meeting(kMeeting, *e.worker));
}

// Layout alone (collect, measure, paginate), without writing the PDF.
void BM_Layout(benchmark::State& state) {
    Example& e = example();
    compose::ComposedMeeting meeting = e.site.compose(*e.plan);
    for (auto _ : state) benchmark::DoNotOptimize(render::pdf::lay_out_pack(meeting, e.site.style(), e.worker->fonts));
}

// A scorecard far larger than any real one: 500 indicators by 24 months,
// from CSV text to a laid-out landscape table and its HTML.
std::string big_scorecard_csv() {
    std::string csv = "Indicator,Format,Polarity,Target";
    for (int m = 0; m < 24; ++m) {
        char month[16];
        std::snprintf(month, sizeof month, ",%04d-%02d", 2023 + m / 12, m % 12 + 1);
        csv += month;
    }
    csv += ",England\n";
    for (int i = 0; i < 500; ++i) {
        csv += "Indicator number " + std::to_string(i) + " of the big scorecard," + (i % 3 ? "0" : "%") + "," +
               (i % 2 ? "higher" : "lower") + "," + std::to_string(50 + i % 40);
        for (int m = 0; m < 24; ++m) csv += "," + std::to_string(40 + (i * 7 + m * 13) % 60);
        csv += ",55\n";
    }
    return csv;
}

void BM_Scorecard500x24(benchmark::State& state) {
    Example& e = example();
    MemoryFileSystem memory;
    memory.add("data/big.csv", big_scorecard_csv());
    memory.add("data/rules.yaml", "tolerance: 5%\nstable_within: 2%\n");
    compose::Context context = e.site.context(memory);
    int pages = 0;
    for (auto _ : state) {
        model::Scorecard card = load::load_scorecard(memory, "data", "big.csv", {}, "rules.yaml", {});
        doc::Document document;
        document.id = "big";
        document.body = compose::scorecard_blocks(context, card, {doc::text("Big scorecard")});
        auto laid = render::pdf::paginate(render::pdf::collect(document, e.site.style()), e.site.style(), e.worker->fonts);
        std::string html = render::html::render_blocks(document.body, render::html::document_href);
        pages = static_cast<int>(laid.size());
        benchmark::DoNotOptimize(html.data());
    }
    state.counters["pages"] = pages;
}

}  // namespace

BENCHMARK(BM_Scorecard500x24)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadAndCompose)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Layout)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Pack)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Meeting)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
