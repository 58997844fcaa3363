// agendapack: build an agenda site (and, later, packs) from content/, data/
// and templates/. Exit 0 on success, 1 on invalid input, 2 on usage errors.
#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "../build/build.hpp"
#include "../build/run.hpp"
#include "../support/hash.hpp"

#ifndef AGENDAPACK_VERSION
#define AGENDAPACK_VERSION "0.0.0"
#endif

namespace {

using namespace agendapack;

const char* kUsage =
    "usage: agendapack build [--content DIR] [--data DIR] [--templates DIR] [--out DIR] [--meeting ID]... [--jobs N] [--rebuild]\n"
    "                        [--audience public|members]\n"
    "       agendapack check [--content DIR] [--data DIR] [--templates DIR] [--meeting ID]... [--jobs N]\n"
    "       agendapack --help | --version\n"
    "\n"
    "  build    read the sources and write the site into --out (default output/)\n"
    "  check    read and validate the sources; write nothing\n"
    "\n"
    "  --content DIR    YAML and Markdown sources (default content)\n"
    "  --data DIR       CSV datasets (default data)\n"
    "  --templates DIR  page templates and styles (default templates)\n"
    "  --out DIR        where the site goes (default output)\n"
    "  --meeting ID     only this meeting, e.g. children-and-families-2024-09-26 (repeatable)\n"
    "  --jobs N, -j N   build N meetings at once (default: the number of processors)\n"
    "  --rebuild        build every meeting, even those whose sources did not change\n"
    "  --audience A     public (default): exempt business listed, never published;\n"
    "                   members: all of it, marked Not for publication (default --out output-members)\n";

struct Options {
    std::string command;
    build::Options build;
    build::RunOptions run;  // run.out stays empty for check: nothing is written
};

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

void report(const InputError& error, const SourceFileSystem& fs) {
    std::cerr << error.what() << "\n";
    if (error.where().line <= 0) return;  // the file as a whole: no line to show
    std::optional<std::string> text;
    try {
        text = fs.read_unchecked(error.where().file);  // as it is: the error may be in its bytes
    } catch (const InputError&) {
        return;  // a file that cannot be read, or is not ours to read, is not quoted
    }
    if (text) {
        std::string excerpt = source_excerpt(*text, error.where().line, error.where().column);
        if (!excerpt.empty()) std::cerr << excerpt << "\n";
    }
}

std::string plural(size_t n, const std::string& noun) { return std::to_string(n) + " " + noun + (n == 1 ? "" : "s"); }

// Errors in file order, at most kMaxErrors of them and a count of the rest:
// enough to work through, without burying the first under thousands.
constexpr size_t kMaxErrors = 50;
void report_all(const std::vector<InputError>& errors, const SourceFileSystem& fs) {
    for (size_t i = 0; i < errors.size() && i < kMaxErrors; ++i) report(errors[i], fs);
    if (errors.size() > kMaxErrors) std::cerr << "agendapack: " << plural(errors.size() - kMaxErrors, "more error") << " not shown\n";
}

// The version and this very program's size and time: output cached by
// another build of the generator is never reused.
std::string generator_id(const FileSystem& fs) {
    std::string id = "agendapack " AGENDAPACK_VERSION;
    if (auto self = fs.stamp("/proc/self/exe")) id += " " + to_hex(*self);
    return id;
}

std::string seconds(double s) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f s", s);
    return buffer;
}

// One line of progress on a terminal, once a build has run for a second;
// nothing on a pipe or in CI.
class Progress {
public:
    explicit Progress(bool enabled) : enabled_(enabled), start_(std::chrono::steady_clock::now()) {}
    void operator()(size_t done, size_t total) {
        if (!enabled_) return;
        double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
        if (elapsed < 1.0 || done == 0) return;
        double left = elapsed / double(done) * double(total - done);
        std::cerr << "\r\033[K" << done << " of " << plural(total, "meeting") << " built, about " << seconds(left) << " left" << std::flush;
        shown_ = true;
    }
    void finish() {
        if (shown_) std::cerr << "\r\033[K" << std::flush;
    }
    double elapsed() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count(); }

private:
    bool enabled_, shown_ = false;
    std::chrono::steady_clock::time_point start_;
};

int run(Options& options) {
    // Every source is read inside its folder, each file within its kind's size limit.
    SourceFileSystem fs({options.build.paths.content, options.build.paths.data, options.build.templates});
    Progress progress(isatty(STDERR_FILENO) && std::getenv("CI") == nullptr);
    try {
        options.build.generator = generator_id(fs);
        build::Build site(fs, options.build);
        site.index();
        for (const auto& wanted : options.run.only) {
            if (site.find(wanted)) continue;
            std::cerr << "agendapack: no meeting '" << wanted << "'; meetings are:\n";
            for (const auto& plan : site.plans()) std::cerr << "  " << plan.id << "\n";
            return 2;
        }
        options.run.progress = [&](size_t done, size_t total) { progress(done, total); };
        build::RunResult result = build::run(site, options.run);
        progress.finish();
        report_all(result.errors, fs);
        for (const auto& failure : result.failures) std::cerr << "agendapack: " << failure << "\n";
        // Warnings are printed in any case; a committee that asks for it
        // treats them as errors, and then nothing is written.
        for (const auto& note : result.warnings)
            std::cerr << format_location(note.warning.where) << ": " << (note.error ? "error" : "warning") << ": " << note.warning.message << "\n";
        if (!result.ok()) return 1;
        if (options.command == "check") {
            std::cout << "agendapack: " << plural(result.meetings, "meeting") << ", " << plural(result.files, "file")
                      << ": all sources read cleanly\n";
            return 0;
        }
        std::cout << "agendapack: " << result.built << (result.built == 1 ? " meeting" : " meetings") << " built, " << result.unchanged
                  << " unchanged";
        if (!options.run.only.empty() && result.meetings > options.run.only.size())
            std::cout << ", " << result.meetings - options.run.only.size() << " not asked for";
        std::cout << ", " << seconds(progress.elapsed()) << " → " << options.run.out << "/\n";
        if (!result.site_pages) std::cout << "agendapack: glossary pages left as they were: build every meeting once to list where terms are used\n";
        return 0;
    } catch (const InputErrors& errors) {
        progress.finish();
        report_all(errors.errors(), fs);
        return 1;
    } catch (const InputError& error) {
        progress.finish();
        report(error, fs);
        return 1;
    } catch (const std::exception& error) {
        progress.finish();
        std::cerr << "agendapack: " << error.what() << "\n";
        return 1;
    }
}

}  // namespace

int main(int argc, char** argv) {
    // A build allocates and frees in waves (each meeting, each thread's
    // stage): heaps grown 32 MiB at a time (address space, not memory until
    // used) spare the kernel hundreds of small extensions; measured 3-5%
    // of building one pack.
    mallopt(M_TOP_PAD, 32 << 20);
    if (argc == 2 && (std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h")) {
        std::cout << kUsage;
        return 0;
    }
    if (argc == 2 && std::string(argv[1]) == "--version") {
        std::cout << "agendapack " << AGENDAPACK_VERSION << "\n";
        return 0;
    }
    try {
        Options options = parse_arguments(argc, argv);
        return run(options);
    } catch (const UsageError& error) {
        std::cerr << "agendapack: " << error.message << "\n" << kUsage;
        return 2;
    }
}
