// The minimal fixture site in memory, with files replaced or added per test,
// loaded, planned and ready to compose as the command does.
#pragma once

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "compose/compose.hpp"
#include "load/load.hpp"

namespace fs = std::filesystem;
using namespace agendapack;

using Files = std::map<std::string, std::string>;

// The minimal fixture in memory, with files replaced or added per test.
struct Fixture {
    MemoryFileSystem memory;
    model::Site site;
    std::vector<compute::MeetingPlan> plans;
    compose::Records records;

    explicit Fixture(const std::map<std::string, std::string>& overrides = {}) {
        fs::path root = AGENDAPACK_FIXTURE;
        for (const auto& entry : fs::recursive_directory_iterator(root)) {
            if (!entry.is_regular_file()) continue;
            std::ifstream in(entry.path(), std::ios::binary);
            std::ostringstream text;
            text << in.rdbuf();
            memory.add(fs::relative(entry.path(), root).generic_string(), text.str());
        }
        for (const auto& [path, text] : overrides) memory.add(path, text);
        site = load::load_site(memory, {"content", "data"});
        plans = compute::plan_site(site);
        compose::Context context{site, memory, "data"};
        records = compose::prepare_records(context, plans);
    }

    compose::Context context() const {
        compose::Context c{site, memory, "data"};
        c.records = &records;
        return c;
    }
    compose::ComposedMeeting meeting(size_t index = 0) { return compose::compose_meeting(context(), plans.at(index)); }
    const compute::MeetingPlan& plan(const std::string& id) const {
        for (const auto& p : plans)
            if (p.id == id) return p;
        throw std::runtime_error("no meeting " + id);
    }
};

