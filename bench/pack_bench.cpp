// How long the 26 September 2024 pack takes to build, phase by phase.
// Run: make bench (Release build). Figures go in docs/PERFORMANCE.md.
#include <benchmark/benchmark.h>

#include "compose/compose.hpp"
#include "compute/compute.hpp"
#include "load/load.hpp"
#include "render/pdf/pdf.hpp"

using namespace agendapack;

namespace {

const char* kMeeting = "children-and-families-2024-09-26";

struct Example {
    DiskFileSystem fs;
    model::Site site;
    std::vector<compute::MeetingPlan> plans;
    render::pdf::Style style;
    std::unique_ptr<render::pdf::Fonts> fonts;
    const compute::MeetingPlan* plan = nullptr;

    Example() {
        site = load::load_site(fs, {AGENDAPACK_REPO "/content", AGENDAPACK_REPO "/data"});
        plans = compute::plan_site(site);
        style = render::pdf::load_style(fs, AGENDAPACK_REPO "/templates");
        fonts = std::make_unique<render::pdf::Fonts>(style);
        for (const auto& p : plans)
            if (p.id == kMeeting) plan = &p;
    }
};

Example& example() {
    static Example e;
    return e;
}

// Load, plan and compose: the sources into document trees.
void BM_LoadAndCompose(benchmark::State& state) {
    DiskFileSystem fs;
    for (auto _ : state) {
        model::Site site = load::load_site(fs, {AGENDAPACK_REPO "/content", AGENDAPACK_REPO "/data"});
        auto plans = compute::plan_site(site);
        compose::Context context{site, fs, AGENDAPACK_REPO "/data"};
        for (const auto& plan : plans)
            if (plan.id == kMeeting) benchmark::DoNotOptimize(compose::compose_meeting(context, plan));
    }
}

// The whole pack from composed documents: layout, agenda ranges, PDF bytes.
void BM_Pack(benchmark::State& state) {
    Example& e = example();
    compose::Context context{e.site, e.fs, AGENDAPACK_REPO "/data"};
    compose::ComposedMeeting meeting = compose::compose_meeting(context, *e.plan);
    int pages = 0;
    for (auto _ : state) {
        auto pack = render::pdf::lay_out_pack(meeting, e.style, *e.fonts);
        meeting.agenda = compose::compose_agenda(context, *e.plan, render::pdf::item_page_ranges(*pack));
        auto written = render::pdf::write_pack(*pack, meeting, e.site.council.name);
        pages = written.pages;
        benchmark::DoNotOptimize(written.bytes.data());
    }
    state.counters["pages"] = pages;
    state.counters["pages_per_second"] = benchmark::Counter(static_cast<double>(pages) * state.iterations(), benchmark::Counter::kIsRate);
}

// Layout alone (collect, measure, paginate), without writing the PDF.
void BM_Layout(benchmark::State& state) {
    Example& e = example();
    compose::Context context{e.site, e.fs, AGENDAPACK_REPO "/data"};
    compose::ComposedMeeting meeting = compose::compose_meeting(context, *e.plan);
    for (auto _ : state) benchmark::DoNotOptimize(render::pdf::lay_out_pack(meeting, e.style, *e.fonts));
}

}  // namespace

BENCHMARK(BM_LoadAndCompose)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Layout)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Pack)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
