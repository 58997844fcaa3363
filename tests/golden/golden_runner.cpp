// Golden tests as data: the minimal fixture, overlaid with a case's files/,
// goes through the same Build as the command (index, compose, lay out the
// pack) and the HTML renderer; every fragment named under the case's
// expected/<meeting-id>/<document-id>.html must match. Fragments carry the
// agenda's page ranges and resolved page references, as the site does.
// expected/<meeting-id>/<document-id>.txt is what the pack prints of that
// document: each page's text, line by line as laid out (runs on one
// baseline joined, a space where there is a gap), pages marked, and the
// words of each chart on the page.
// usage: golden_runner FIXTURE_DIR CASE_DIR TEMPLATES_DIR [--update]
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <algorithm>
#include <cmath>
#include <map>

#include "build/build.hpp"
#include "render/chart/chart.hpp"
#include "render/html/html.hpp"
#include "render/pdf/pack.hpp"

namespace fs = std::filesystem;
using namespace agendapack;

namespace {

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

void add_tree(MemoryFileSystem& memory, const fs::path& root, const std::string& under = "") {
    if (!fs::is_directory(root)) return;
    for (const auto& entry : fs::recursive_directory_iterator(root))
        if (entry.is_regular_file()) memory.add(under + fs::relative(entry.path(), root).generic_string(), read_file(entry.path()));
}

const doc::Document* find_document(const compose::ComposedMeeting& meeting, const std::string& id) {
    if (id == meeting.front_sheet.id) return &meeting.front_sheet;
    if (id == meeting.public_information.id) return &meeting.public_information;
    if (id == meeting.agenda.id) return &meeting.agenda;
    for (const auto& d : meeting.documents)
        if (d.id == id) return &d;
    return nullptr;
}

// The text the pack prints for one document, page by page.
std::string printed_text(const render::pdf::Pack& pack, const std::string& document_id) {
    std::string out;
    for (const auto& laid : pack.documents) {
        if (laid.document->id != document_id) continue;
        for (size_t p = 0; p < laid.pages.size(); ++p) {
            out += "--- page " + std::to_string(laid.first_page + static_cast<int>(p)) + " ---\n";
            // Baselines from the top of the page down; runs left to right.
            std::map<long, std::vector<const render::pdf::Draw*>, std::greater<long>> lines;
            for (const auto& d : laid.pages[p].draws)
                if (d.kind == render::pdf::Draw::Text && d.run.symbol.empty()) lines[std::lround(d.y * 10)].push_back(&d);
            // A chart is a picture: its words (labels, legend) follow, in drawing order.
            std::vector<std::string> chart_words;
            for (const auto& d : laid.pages[p].draws)
                if (d.kind == render::pdf::Draw::Picture && d.chart)
                    for (const auto& shape : render::chart::scene(*d.chart))
                        if (shape.kind == render::chart::Shape::Kind::Text) chart_words.push_back(shape.text);
            for (auto& [_, runs] : lines) {
                std::stable_sort(runs.begin(), runs.end(), [](auto* a, auto* b) { return a->x < b->x; });
                std::string line;
                double end = -1;
                for (const auto* d : runs) {
                    if (!line.empty() && d->x > end + 0.5) line += ' ';
                    line += d->run.page_ref.empty() ? d->run.text : pack.page_number(d->run.page_ref, d->run.relative_to);
                    end = d->x + d->run.width;
                }
                out += line + "\n";
            }
            if (!chart_words.empty()) {
                out += "[chart]";
                for (const auto& word : chart_words) out += " " + word + " |";
                out += "\n";
            }
        }
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::cerr << "usage: golden_runner FIXTURE_DIR CASE_DIR TEMPLATES_DIR [--update]\n";
        return 2;
    }
    const fs::path fixture = argv[1], case_dir = argv[2], templates = argv[3];
    const bool update = argc > 4 && std::string(argv[4]) == "--update";
    MemoryFileSystem memory;
    add_tree(memory, fixture);
    add_tree(memory, case_dir / "files");
    add_tree(memory, templates, "templates/");

    try {
        build::Build site(memory, {{"content", "data"}, "templates"});
        site.index();
        auto worker = site.worker();
        std::map<std::string, build::LaidOutMeeting> meetings;

        int checked = 0, failed = 0;
        for (const auto& entry : fs::recursive_directory_iterator(case_dir / "expected")) {
            if (!entry.is_regular_file()) continue;
            const std::string meeting_id = entry.path().parent_path().filename().string();
            const std::string document_id = entry.path().stem().string();
            const compute::MeetingPlan* plan = site.find(meeting_id);
            if (plan && !meetings.count(meeting_id)) meetings.emplace(meeting_id, site.lay_out(*plan, worker));
            const doc::Document* document = plan ? find_document(meetings.at(meeting_id).composed, document_id) : nullptr;
            if (!document) {
                std::cerr << entry.path().string() << ": no document " << meeting_id << "/" << document_id << "\n";
                ++failed;
                continue;
            }
            const build::LaidOutMeeting& laid = meetings.at(meeting_id);
            std::string actual = entry.path().extension() == ".txt" ? printed_text(*laid.pack, document_id)
                                                                   : render::html::render_blocks(document->body, render::html::document_href);
            ++checked;
            if (update) {
                std::ofstream(entry.path(), std::ios::binary) << actual;
            } else if (actual != read_file(entry.path())) {
                std::cerr << entry.path().string() << ": differs; actual output:\n" << actual << "\n";
                ++failed;
            }
        }
        std::cout << checked - failed << " passed, " << failed << " failed\n";
        return failed == 0 && checked > 0 ? 0 : 1;
    } catch (const InputErrors& errors) {
        for (const auto& error : errors.errors()) std::cerr << error.what() << "\n";
        return 1;
    } catch (const InputError& error) {
        std::cerr << error.what() << "\n";
        return 1;
    }
}
