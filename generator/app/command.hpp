// What the command line asked for, and the run shared by `build`, `check`
// and the preview server.
#pragma once

#include <iosfwd>
#include <string>

#include "../build/build.hpp"
#include "../build/run.hpp"

namespace agendapack::app {

struct Options {
    std::string command;
    build::Options build;
    build::RunOptions run;  // run.out stays empty for check: nothing is written
};

// Indexes the sources and builds (or checks); errors with their source line
// and caret, warnings and the summary go to `err` and `out`. The exit status:
// 0, or 1 for invalid input.
int run_build(Options& options, std::ostream& out, std::ostream& err, bool show_progress = true);

}  // namespace agendapack::app
