// A meeting's build record: the key of its last build, the inputs
// that build read, and its summary. One small text file per meeting in the
// output folder (.agendapack/meetings/<id>), published with the meeting's
// folder, so it always describes the files that stand there; it also lists
// those files and their sizes.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "build.hpp"

namespace agendapack::build {

struct BuildRecord {
    std::string key;
    std::map<std::string, uint64_t> inputs;
    MeetingSummary summary;
    // The files the build wrote (relative to the output folder) and their
    // sizes: a meeting whose files were deleted or changed by hand is built again.
    std::map<std::string, uint64_t> files;
};

// A record that cannot be read (damaged, another format) is no record: the
// meeting is built again, never wrongly reused.
std::optional<BuildRecord> parse_record(const std::string& text);
std::string format_record(const BuildRecord& entry);

}  // namespace agendapack::build
