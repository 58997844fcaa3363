// agendapack: build an agenda site (and, later, packs) from content/, data/
// and templates/. Exit 0 on success, 1 on invalid input, 2 on usage errors.
#include <malloc.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "command.hpp"
#include "new_command.hpp"
#include "serve_command.hpp"
#include "verify_command.hpp"

#ifndef AGENDAPACK_VERSION
#define AGENDAPACK_VERSION "0.0.0"
#endif

namespace {

using namespace agendapack;
using app::Options;

const char* kUsage =
    "usage: agendapack build [--content DIR] [--data DIR] [--templates DIR] [--out DIR] [--meeting ID]... [--jobs N] [--rebuild]\n"
    "                        [--audience public|members]\n"
    "       agendapack check [--content DIR] [--data DIR] [--templates DIR] [--meeting ID]... [--jobs N]\n"
    "       agendapack serve [--port N] [--content DIR] [--data DIR] [--templates DIR] [--out DIR]\n"
    "       agendapack new meeting --committee SLUG --date YYYY-MM-DD [--content DIR]\n"
    "       agendapack new report --meeting ID --item N [--content DIR]\n"
    "       agendapack verify PACK.pdf [--content DIR] [--data DIR] [--templates DIR]\n"
    "       agendapack help | --help | --version\n"
    "\n"
    "  build    read the sources and write the site into --out (default output/)\n"
    "  check    read and validate the sources; write nothing\n"
    "  serve    preview on http://127.0.0.1:8080/: builds again on every save, pages reload themselves\n"
    "  verify   rebuild a pack from the sources its provenance manifest names: identical bytes?\n"
    "  new      start a meeting's folder (meeting.yaml, the last meeting's minutes to fill in), or a report\n"
    "\n"
    "  --content DIR    YAML and Markdown sources (default content)\n"
    "  --data DIR       CSV datasets (default data)\n"
    "  --templates DIR  page templates and styles (default templates)\n"
    "  --out DIR        where the site goes (default output)\n"
    "  --meeting ID     only this meeting, e.g. children-and-families-2024-09-26 (repeatable)\n"
    "  --jobs N, -j N   build N meetings at once (default: the number of processors)\n"
    "  --rebuild        build every meeting, even those whose sources did not change\n"
    "  --audience A     public (default): exempt business listed, never published;\n"
    "                   members: all of it, marked Not for publication (default --out output-members)\n"
    "\n"
    "examples:\n"
    "  agendapack check                      is every source well formed? (writes nothing)\n"
    "  agendapack build                      the site and every pack into output/\n"
    "  agendapack build --meeting children-and-families-2024-09-26\n"
    "                                        just that meeting, quickly\n"
    "\n"
    "Every file and key is explained in docs/FORMAT.md, the officers' guide.\n";

struct UsageError {
    std::string message;
};

int parse_jobs(const std::string& text) {
    char* end = nullptr;
    long n = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || n < 1 || n > 256) throw UsageError{"--jobs takes a whole number from 1 to 256"};
    return static_cast<int>(n);
}

Options parse_arguments(int argc, char** argv) {
    Options options;
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) throw UsageError{"missing command"};
    options.command = args[0];
    if (options.command != "build" && options.command != "check") throw UsageError{"unknown command '" + options.command + "'"};
    options.run.jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    if (options.command == "build") options.run.out = "output";
    bool out_given = false;
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string& flag = args[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= args.size()) throw UsageError{flag + " needs a value"};
            return args[++i];
        };
        if (flag == "--content") options.build.paths.content = value();
        else if (flag == "--data") options.build.paths.data = value();
        else if (flag == "--templates") options.build.templates = value();
        else if (flag == "--out" && options.command == "build") options.run.out = value(), out_given = true;
        else if (flag == "--meeting") options.run.only.push_back(value());
        else if (flag == "--jobs" || flag == "-j") options.run.jobs = parse_jobs(value());
        else if (flag.rfind("-j", 0) == 0 && flag.size() > 2) options.run.jobs = parse_jobs(flag.substr(2));
        else if (flag == "--rebuild" && options.command == "build") options.run.use_cache = false;
        else if (flag == "--audience" && options.command == "build") {
            const std::string audience = value();
            if (audience != "public" && audience != "members") throw UsageError{"--audience is public or members, not '" + audience + "'"};
            options.build.audience = audience == "members" ? compute::Audience::Members : compute::Audience::Public;
            if (!out_given && audience == "members") options.run.out = "output-members";
        }
        else throw UsageError{"unknown option '" + flag + "'"};
    }
    // A check writes nothing, so it reads exempt business too: its errors
    // are found before either edition is built.
    if (options.command == "check") options.build.audience = compute::Audience::Members;
    options.build.jobs = options.run.jobs;
    options.run.audience = options.build.audience;
    return options;
}

}  // namespace

int main(int argc, char** argv) {
    // A build allocates and frees in waves (each meeting, each thread's
    // stage): heaps grown 32 MiB at a time (address space, not memory until
    // used) spare the kernel hundreds of small extensions; measured 3-5%
    // of building one pack.
    mallopt(M_TOP_PAD, 32 << 20);
    if (argc == 2 && (std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h" || std::string(argv[1]) == "help")) {
        std::cout << kUsage;
        return 0;
    }
    if (argc == 2 && std::string(argv[1]) == "--version") {
        std::cout << "agendapack " << AGENDAPACK_VERSION << "\n";
        return 0;
    }
    if (argc >= 2 && std::string(argv[1]) == "new") return app::run_new(std::vector<std::string>(argv + 2, argv + argc));
    if (argc >= 2 && std::string(argv[1]) == "verify") return app::run_verify(std::vector<std::string>(argv + 2, argv + argc));
    if (argc >= 2 && std::string(argv[1]) == "serve") return app::run_serve(std::vector<std::string>(argv + 2, argv + argc));
    try {
        Options options = parse_arguments(argc, argv);
        return app::run_build(options, std::cout, std::cerr);
    } catch (const UsageError& error) {
        std::cerr << "agendapack: " << error.message << "\n" << kUsage;
        return 2;
    }
}
