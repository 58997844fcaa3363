// agendapack: build an agenda site (and, later, packs) from content/, data/
// and templates/. Exit 0 on success, 1 on invalid input, 2 on usage errors.
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "../compose/compose.hpp"
#include "../compute/compute.hpp"
#include "../load/load.hpp"
#include "../publish/publish.hpp"
#include "../render/html/html.hpp"
#include "../render/pdf/pdf.hpp"

#ifndef AGENDAPACK_VERSION
#define AGENDAPACK_VERSION "0.0.0"
#endif

namespace {

using namespace agendapack;

const char* kUsage =
    "usage: agendapack build [--content DIR] [--data DIR] [--templates DIR] [--out DIR] [--meeting ID]...\n"
    "       agendapack check [--content DIR] [--data DIR] [--templates DIR] [--meeting ID]...\n"
    "       agendapack --help | --version\n"
    "\n"
    "  build    read the sources and write the site into --out (default output/)\n"
    "  check    read and validate the sources; write nothing\n"
    "\n"
    "  --content DIR    YAML and Markdown sources (default content)\n"
    "  --data DIR       CSV datasets (default data)\n"
    "  --templates DIR  page templates and styles (default templates)\n"
    "  --out DIR        where the site goes (default output)\n"
    "  --meeting ID     only this meeting, e.g. children-and-families-2024-09-26 (repeatable)\n";

struct Options {
    std::string command;
    load::ContentPaths paths;
    std::string templates = "templates";
    std::string out = "output";
    std::vector<std::string> meetings;
};

struct UsageError {
    std::string message;
};

Options parse_arguments(int argc, char** argv) {
    Options options;
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) throw UsageError{"missing command"};
    options.command = args[0];
    if (options.command != "build" && options.command != "check") throw UsageError{"unknown command '" + options.command + "'"};
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string& flag = args[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= args.size()) throw UsageError{flag + " needs a value"};
            return args[++i];
        };
        if (flag == "--content") options.paths.content = value();
        else if (flag == "--data") options.paths.data = value();
        else if (flag == "--templates") options.templates = value();
        else if (flag == "--out" && options.command == "build") options.out = value();
        else if (flag == "--meeting") options.meetings.push_back(value());
        else throw UsageError{"unknown option '" + flag + "'"};
    }
    return options;
}

void report(const InputError& error, const FileSystem& fs) {
    std::cerr << error.what() << "\n";
    if (auto text = fs.read(error.where().file)) {
        std::string excerpt = source_excerpt(*text, error.where().line, error.where().column);
        if (!excerpt.empty()) std::cerr << excerpt << "\n";
    }
}

int run(const Options& options) {
    DiskFileSystem fs;
    try {
        model::Site site = load::load_site(fs, options.paths);
        std::vector<compute::MeetingPlan> plans = compute::plan_site(site);
        for (const auto& wanted : options.meetings) {
            bool known = false;
            for (const auto& plan : plans) known = known || plan.id == wanted;
            if (!known) {
                std::cerr << "agendapack: no meeting '" << wanted << "'; meetings are:\n";
                for (const auto& plan : plans) std::cerr << "  " << plan.id << "\n";
                return 2;
            }
        }
        compose::Context context{site, fs, options.paths.data};
        compose::Records records = compose::prepare_records(context, plans);
        context.records = &records;
        render::html::Templates templates = render::html::load_templates(fs, options.templates);
        render::pdf::Style style = render::pdf::load_style(fs, options.templates);
        render::pdf::Fonts fonts(style);

        std::vector<compose::ComposedMeeting> composed;
        std::map<std::string, render::html::PackLink> packs;
        std::vector<render::html::OutputFile> pdf_files;
        for (const auto& plan : plans) {
            compose::ComposedMeeting meeting = compose::compose_meeting(context, plan);
            // Two passes: the documents' layout gives the agenda its "(Pages X - Y)".
            auto pack = render::pdf::lay_out_pack(meeting, style, fonts);
            meeting.agenda = compose::compose_agenda(context, plan, render::pdf::item_page_ranges(*pack));
            render::pdf::resolve_page_refs(meeting, *pack);
            render::pdf::WrittenPack written = render::pdf::write_pack(*pack, meeting, site.council.name);
            const std::string name = plan.id + "-pack.pdf";
            packs[plan.id] = {name, written.bytes.size(), written.pages};
            pdf_files.push_back({"meetings/" + plan.id + "/" + name, std::move(written.bytes)});
            composed.push_back(std::move(meeting));
        }
        // Warnings are printed in any case; a committee that asks for it
        // treats them as errors, and then nothing is written.
        bool failed = false;
        for (const auto& meeting : composed)
            for (const auto& w : meeting.warnings) {
                std::cerr << format_location(w.where) << ": " << (meeting.plan->committee->strict_acronyms ? "error" : "warning") << ": "
                          << w.message << "\n";
                failed = failed || meeting.plan->committee->strict_acronyms;
            }
        if (failed) return 1;
        std::vector<compose::GlossaryUse> uses;
        for (const auto& meeting : composed) uses.insert(uses.end(), meeting.glossary_uses.begin(), meeting.glossary_uses.end());
        std::vector<doc::Document> glossary_pages;
        for (const auto& [path, glossary] : site.glossaries) glossary_pages.push_back(compose::compose_glossary_page(context, glossary, uses));
        std::vector<render::html::OutputFile> files = render::html::render_site(site, composed, templates, packs, glossary_pages);
        for (auto& file : pdf_files) files.push_back(std::move(file));
        for (const auto& tracker : compose::export_trackers(context)) {
            files.push_back({"tracker/" + tracker.committee + ".csv", tracker.csv});
            files.push_back({"tracker/" + tracker.committee + ".json", tracker.json});
        }
        if (!options.meetings.empty()) {
            std::vector<render::html::OutputFile> chosen;
            for (auto& file : files) {
                bool keep = file.path.rfind("meetings/", 0) != 0;
                for (const auto& id : options.meetings) keep = keep || file.path.rfind("meetings/" + id + "/", 0) == 0;
                if (keep) chosen.push_back(std::move(file));
            }
            files = std::move(chosen);
        }
        if (options.command == "check") {
            std::cout << "agendapack: " << plans.size() << (plans.size() == 1 ? " meeting, " : " meetings, ") << files.size() << " files: all sources read cleanly\n";
            return 0;
        }
        publish::publish(options.out, files, options.meetings.empty());
        std::cout << "agendapack: wrote " << files.size() << " files for " << plans.size() << (plans.size() == 1 ? " meeting" : " meetings") << " into "
                  << options.out << "/\n";
        return 0;
    } catch (const InputError& error) {
        report(error, fs);
        return 1;
    } catch (const std::exception& error) {
        std::cerr << "agendapack: " << error.what() << "\n";
        return 1;
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 2 && (std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h")) {
        std::cout << kUsage;
        return 0;
    }
    if (argc == 2 && std::string(argv[1]) == "--version") {
        std::cout << "agendapack " << AGENDAPACK_VERSION << "\n";
        return 0;
    }
    try {
        return run(parse_arguments(argc, argv));
    } catch (const UsageError& error) {
        std::cerr << "agendapack: " << error.message << "\n" << kUsage;
        return 2;
    }
}
