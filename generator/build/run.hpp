// Building the site from the index: which meetings need building (their
// build records), building them on several threads, writing each meeting's files as
// soon as they are made, the site-wide pages last, and publishing only when
// no error stands.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "build.hpp"

namespace agendapack::build {

struct RunOptions {
    std::string out;                  // the output folder; empty: check only, nothing written
    OutputFileSystem* output = nullptr;  // where `out` is (default: the disk)
    std::vector<std::string> only;    // --meeting: just these (ids known to the index)
    int jobs = 1;                     // meetings built at once
    bool use_cache = true;            // leave unchanged meetings as they are
    // The edition being built: a folder holding the other edition is refused.
    compute::Audience audience = compute::Audience::Public;
    // Called after each meeting, from whichever thread finished it (never two
    // at once): meetings done, meetings to do.
    std::function<void(size_t done, size_t total)> progress;
};

struct RunResult {
    size_t meetings = 0;    // in the site
    size_t built = 0;       // composed and rendered this time
    size_t unchanged = 0;   // left as they were: their sources did not change
    size_t files = 0;       // files made this time (written only when their bytes changed)
    std::vector<InputError> errors;          // the sources' faults, by file, line and column
    std::vector<std::string> failures;       // anything else that stopped a meeting
    struct Note {
        Warning warning;
        bool error = false;  // the committee treats its warnings as errors
    };
    std::vector<Note> warnings;
    bool site_pages = true;  // false when --meeting could not know every meeting's glossary uses
    bool ok() const;
};

RunResult run(const Build& build, const RunOptions& options);

}  // namespace agendapack::build
