// Building and checking as the command line and the preview server do it:
// one run, its errors, warnings and summary written to the streams given.
#include <malloc.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <optional>

#include "command.hpp"
#include "../support/hash.hpp"

#ifndef AGENDAPACK_VERSION
#define AGENDAPACK_VERSION "0.0.0"
#endif

namespace agendapack::app {

namespace {

void report(const InputError& error, const SourceFileSystem& fs, std::ostream& err) {
    err << error.what() << "\n";
    if (error.where().line <= 0) return;  // the file as a whole: no line to show
    std::optional<std::string> text;
    try {
        text = fs.read_unchecked(error.where().file);  // as it is: the error may be in its bytes
    } catch (const InputError&) {
        return;  // a file that cannot be read, or is not ours to read, is not quoted
    }
    if (text) {
        std::string excerpt = source_excerpt(*text, error.where().line, error.where().column);
        if (!excerpt.empty()) err << excerpt << "\n";
    }
}

std::string plural(size_t n, const std::string& noun) { return std::to_string(n) + " " + noun + (n == 1 ? "" : "s"); }

// Errors in file order, at most kMaxErrors of them and a count of the rest:
// enough to work through, without burying the first under thousands.
constexpr size_t kMaxErrors = 50;
void report_all(const std::vector<InputError>& errors, const SourceFileSystem& fs, std::ostream& err) {
    for (size_t i = 0; i < errors.size() && i < kMaxErrors; ++i) report(errors[i], fs, err);
    if (errors.size() > kMaxErrors) err << "agendapack: " << plural(errors.size() - kMaxErrors, "more error") << " not shown\n";
    if (errors.size() > 1) err << "agendapack: " << plural(errors.size(), "error") << " in all\n";
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

}  // namespace

int run_build(Options& options, std::ostream& out, std::ostream& err, bool show_progress) {
    // Every source is read inside its folder, each file within its kind's size limit.
    SourceFileSystem fs({options.build.paths.content, options.build.paths.data, options.build.templates});
    Progress progress(show_progress && isatty(STDERR_FILENO) && std::getenv("CI") == nullptr);
    try {
        options.build.generator = generator_id(fs);
        build::Build site(fs, options.build);
        site.index();
        for (const auto& wanted : options.run.only) {
            if (site.find(wanted)) continue;
            err << "agendapack: no meeting '" << wanted << "'; meetings are:\n";
            for (const auto& plan : site.plans()) err << "  " << plan.id << "\n";
            return 2;
        }
        options.run.progress = [&](size_t done, size_t total) { progress(done, total); };
        build::RunResult result = build::run(site, options.run);
        progress.finish();
        report_all(result.errors, fs, err);
        for (const auto& failure : result.failures) err << "agendapack: " << failure << "\n";
        // Warnings are printed in any case; a committee that asks for it
        // treats them as errors, and then nothing is written.
        for (const auto& note : result.warnings)
            err << format_location(note.warning.where) << ": " << (note.error ? "error" : "warning") << ": " << note.warning.message << "\n";
        if (!result.ok()) return 1;
        if (options.command == "check") {
            out << "agendapack: " << plural(result.meetings, "meeting") << ", " << plural(result.files, "file")
                      << ": all sources read cleanly\n";
            return 0;
        }
        out << "agendapack: " << result.built << (result.built == 1 ? " meeting" : " meetings") << " built, " << result.unchanged
                  << " unchanged";
        if (!options.run.only.empty() && result.meetings > options.run.only.size())
            out << ", " << result.meetings - options.run.only.size() << " not asked for";
        out << ", " << seconds(progress.elapsed()) << " → " << options.run.out << "/\n";
        if (!result.site_pages) out << "agendapack: glossary pages left as they were: build every meeting once to list where terms are used\n";
        return 0;
    } catch (const InputErrors& errors) {
        progress.finish();
        report_all(errors.errors(), fs, err);
        return 1;
    } catch (const InputError& error) {
        progress.finish();
        report(error, fs, err);
        return 1;
    } catch (const std::exception& error) {
        progress.finish();
        err << "agendapack: " << error.what() << "\n";
        return 1;
    }
}


}  // namespace agendapack::app
