// How long the 26 September 2024 pack takes to build, phase by phase.
// Run: make bench (Release build). Figures go in docs/PERFORMANCE.md.
#include <benchmark/benchmark.h>
#include <hpdf.h>

#include <map>
#include <optional>

#include "build/build.hpp"
#include "render/html/html.hpp"
#include "render/pdf/layout.hpp"
#include "render/pdf/pack.hpp"
#include "render/pdf/pdf.hpp"

using namespace agendapack;

namespace {

const char* kMeeting = "children-and-families-2024-09-26";

build::Options options() { return {{AGENDAPACK_REPO "/content", AGENDAPACK_REPO "/data"}, AGENDAPACK_REPO "/templates"}; }
// The sources as the command reads them (links, limits and text checked).
std::vector<std::string> roots() { return {AGENDAPACK_REPO "/content", AGENDAPACK_REPO "/data", AGENDAPACK_REPO "/templates"}; }

// The site indexed once, through the same Build object as the command.
struct Example {
    SourceFileSystem fs{roots()};
    build::Build site{fs, options()};
    std::optional<build::Worker> worker;
    const compute::MeetingPlan* plan = nullptr;

    Example() {
        site.index();
        worker.emplace(site.worker());
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
    SourceFileSystem fs(roots());
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
        auto written = render::pdf::write_pack(*laid.pack, laid.composed);
        pages = written.pages;
        benchmark::DoNotOptimize(written.bytes.data());
    }
    state.counters["pages"] = pages;
    state.counters["time_per_page"] = benchmark::Counter(static_cast<double>(pages) * state.iterations(),
                                                       benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

// Everything build_meeting does: the pack and every HTML page of the meeting.
void BM_Meeting(benchmark::State& state) {
    Example& e = example();
    for (auto _ : state) benchmark::DoNotOptimize(e.site.build_meeting(kMeeting, *e.worker));
}

// The floor: libharu alone drawing the same pages — every text run in its
// font, size and place, every fill and rule — through its own UTF-8
// encoding, as its documentation shows, with no layout, links or bookmarks.
// Per page, the pack should stay within 1.5x of it (docs/PERFORMANCE.md).
void BM_LibharuFloor(benchmark::State& state) {
    Example& e = example();
    build::LaidOutMeeting laid = e.site.lay_out(*e.plan, *e.worker);
    const render::pdf::Style& style = e.site.style();
    const render::pdf::Fonts& fonts = e.worker->fonts;
    int pages = 0;
    for (auto _ : state) {
        HPDF_Doc pdf = HPDF_New(nullptr, nullptr);
        HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
        HPDF_UseUTFEncodings(pdf);
        std::map<std::string, HPDF_Font> loaded;
        auto font = [&](const std::string& file) {
            auto it = loaded.find(file);
            if (it != loaded.end()) return it->second;
            return loaded[file] = HPDF_GetFont(pdf, HPDF_LoadTTFontFromFile(pdf, file.c_str(), HPDF_TRUE), "UTF-8");
        };
        pages = 0;
        for (const auto& document : laid.pack->documents)
            for (const auto& page : document.pages) {
                HPDF_Page p = HPDF_AddPage(pdf);
                HPDF_Page_SetWidth(p, page.landscape ? style.page_height : style.page_width);
                HPDF_Page_SetHeight(p, page.landscape ? style.page_width : style.page_height);
                ++pages;
                for (const auto& d : page.draws) {
                    if (d.kind == render::pdf::Draw::Text && d.run.symbol.empty() && !d.run.text.empty()) {
                        HPDF_Page_BeginText(p);
                        HPDF_Page_SetFontAndSize(p, font(fonts.file(d.run.face, d.run.slot)), d.run.size);
                        HPDF_Page_SetRGBFill(p, d.colour.r, d.colour.g, d.colour.b);
                        HPDF_Page_TextOut(p, d.x, d.y, d.run.text.c_str());
                        HPDF_Page_EndText(p);
                    } else if (d.kind == render::pdf::Draw::Fill || d.kind == render::pdf::Draw::Stroke) {
                        HPDF_Page_Rectangle(p, d.x, d.y, d.w, d.h);
                        if (d.kind == render::pdf::Draw::Fill) HPDF_Page_Fill(p);
                        else HPDF_Page_Stroke(p);
                    }
                }
            }
        HPDF_SaveToStream(pdf);
        benchmark::DoNotOptimize(HPDF_GetStreamSize(pdf));
        HPDF_Free(pdf);
    }
    state.counters["pages"] = pages;
    state.counters["time_per_page"] = benchmark::Counter(static_cast<double>(pages) * state.iterations(),
                                                       benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
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
BENCHMARK(BM_LibharuFloor)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
