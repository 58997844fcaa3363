// How long the 26 September 2024 pack takes to build, phase by phase.
// Run: make bench (Release build). Figures go in docs/PERFORMANCE.md.
#include <benchmark/benchmark.h>

#include "compose/compose.hpp"
#include "compute/compute.hpp"
#include "load/load.hpp"
#include "render/html/html.hpp"
#include "render/pdf/layout.hpp"
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
    compose::Records records;

    Example() {
        site = load::load_site(fs, {AGENDAPACK_REPO "/content", AGENDAPACK_REPO "/data"});
        plans = compute::plan_site(site);
        style = render::pdf::load_style(fs, AGENDAPACK_REPO "/templates");
        fonts = std::make_unique<render::pdf::Fonts>(style);
        for (const auto& p : plans)
            if (p.id == kMeeting) plan = &p;
        records = compose::prepare_records({site, fs, AGENDAPACK_REPO "/data"}, plans);
    }

    compose::Context context() {
        compose::Context c{site, fs, AGENDAPACK_REPO "/data"};
        c.records = &records;
        return c;
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
        compose::Records records = compose::prepare_records(context, plans);
        context.records = &records;
        for (const auto& plan : plans)
            if (plan.id == kMeeting) benchmark::DoNotOptimize(compose::compose_meeting(context, plan));
    }
}

// The whole pack from composed documents: layout, agenda ranges, PDF bytes.
void BM_Pack(benchmark::State& state) {
    Example& e = example();
    compose::Context context = e.context();
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
    compose::ComposedMeeting meeting = compose::compose_meeting(e.context(), *e.plan);
    for (auto _ : state) benchmark::DoNotOptimize(render::pdf::lay_out_pack(meeting, e.style, *e.fonts));
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
    compose::Context context{e.site, memory, "data"};
    int pages = 0;
    for (auto _ : state) {
        model::Scorecard card = load::load_scorecard(memory, "data", "big.csv", {}, "rules.yaml", {});
        doc::Document document;
        document.id = "big";
        document.body = compose::scorecard_blocks(context, card, {doc::text("Big scorecard")});
        auto laid = render::pdf::paginate(render::pdf::collect(document, e.style), e.style, *e.fonts);
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
BENCHMARK_MAIN();
