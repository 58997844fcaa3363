// The build cache: for each meeting, the key of its last build, the inputs
// that build read, and its summary. Kept in the output folder
// (.agendapack/cache) and replaced with the site, so it always describes the
// files that stand there.
#pragma once

#include <map>
#include <string>

#include "build.hpp"

namespace agendapack::build {

struct CacheEntry {
    std::string key;
    std::map<std::string, uint64_t> inputs;
    MeetingSummary summary;
};

using Cache = std::map<std::string, CacheEntry>;  // by meeting id

// A cache that cannot be read (missing, damaged, another format) is empty:
// everything is built again, never wrongly reused.
Cache parse_cache(const std::string& text);
std::string format_cache(const Cache& cache);

}  // namespace agendapack::build
