// Golden tests as data: the minimal fixture, overlaid with a case's files/,
// goes through load → plan → compose → HTML renderer; every fragment named
// under the case's expected/<meeting-id>/<document-id>.html must match.
// With TEMPLATES_DIR the pack is laid out first, so fragments carry the
// agenda's page ranges and resolved page references, as the site does.
// usage: golden_runner FIXTURE_DIR CASE_DIR [--templates TEMPLATES_DIR] [--update]
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "compose/compose.hpp"
#include "compute/compute.hpp"
#include "load/load.hpp"
#include "render/html/html.hpp"
#include "render/pdf/pdf.hpp"

namespace fs = std::filesystem;
using namespace agendapack;

namespace {

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

void add_tree(MemoryFileSystem& memory, const fs::path& root) {
    if (!fs::is_directory(root)) return;
    for (const auto& entry : fs::recursive_directory_iterator(root))
        if (entry.is_regular_file()) memory.add(fs::relative(entry.path(), root).generic_string(), read_file(entry.path()));
}

const doc::Document* find_document(const compose::ComposedMeeting& meeting, const std::string& id) {
    if (id == meeting.front_sheet.id) return &meeting.front_sheet;
    if (id == meeting.public_information.id) return &meeting.public_information;
    if (id == meeting.agenda.id) return &meeting.agenda;
    for (const auto& d : meeting.documents)
        if (d.id == id) return &d;
    return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: golden_runner FIXTURE_DIR CASE_DIR [--templates DIR] [--update]\n";
        return 2;
    }
    const fs::path fixture = argv[1], case_dir = argv[2];
    bool update = false;
    std::string templates;
    for (int i = 3; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--update") update = true;
        else if (arg == "--templates" && i + 1 < argc) templates = argv[++i];
    }
    MemoryFileSystem memory;
    add_tree(memory, fixture);
    add_tree(memory, case_dir / "files");

    try {
        model::Site site = load::load_site(memory, {"content", "data"});
        std::vector<compute::MeetingPlan> plans = compute::plan_site(site);
        compose::Context context{site, memory, "data"};
        compose::Records records = compose::prepare_records(context, plans);
        context.records = &records;
        std::vector<compose::ComposedMeeting> meetings;
        for (const auto& plan : plans) meetings.push_back(compose::compose_meeting(context, plan));
        std::unique_ptr<render::pdf::Fonts> fonts;
        render::pdf::Style style;
        if (!templates.empty()) {
            DiskFileSystem disk;
            style = render::pdf::load_style(disk, templates);
            fonts = std::make_unique<render::pdf::Fonts>(style);
            for (auto& meeting : meetings) {
                auto pack = render::pdf::lay_out_pack(meeting, style, *fonts);
                meeting.agenda = compose::compose_agenda(context, *meeting.plan, render::pdf::item_page_ranges(*pack));
                render::pdf::resolve_page_refs(meeting, *pack);
            }
        }

        int checked = 0, failed = 0;
        for (const auto& entry : fs::recursive_directory_iterator(case_dir / "expected")) {
            if (!entry.is_regular_file()) continue;
            const std::string meeting_id = entry.path().parent_path().filename().string();
            const std::string document_id = entry.path().stem().string();
            const compose::ComposedMeeting* meeting = nullptr;
            for (const auto& m : meetings)
                if (m.plan->id == meeting_id) meeting = &m;
            const doc::Document* document = meeting ? find_document(*meeting, document_id) : nullptr;
            if (!document) {
                std::cerr << entry.path().string() << ": no document " << meeting_id << "/" << document_id << "\n";
                ++failed;
                continue;
            }
            std::string actual = render::html::render_blocks(document->body, render::html::document_href);
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
    } catch (const InputError& error) {
        std::cerr << error.what() << "\n";
        return 1;
    }
}
