// The minimal fixture site in memory, with files replaced or added per test,
// loaded, planned and ready to compose as the command does.
#pragma once

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include <memory>

#include "build/build.hpp"

namespace fs = std::filesystem;
using namespace agendapack;

using Files = std::map<std::string, std::string>;

// The minimal fixture in memory, with files replaced or added per test,
// indexed by the same Build object the command uses.
struct Fixture {
    MemoryFileSystem memory;
    std::unique_ptr<build::Build> build;
    const model::Site& site;
    const std::vector<compute::MeetingPlan>& plans;
    const compute::Records& records;

    explicit Fixture(const std::map<std::string, std::string>& overrides = {})
        : build(make_build(memory, overrides)), site(build->site()), plans(build->plans()), records(build->records()) {}

    compose::Context context() const { return build->context(); }
    compose::ComposedMeeting meeting(size_t index = 0) { return build->compose(plans.at(index)); }
    const compute::MeetingPlan& plan(const std::string& id) const {
        if (auto* p = build->find(id)) return *p;
        throw std::runtime_error("no meeting " + id);
    }

private:
    static std::unique_ptr<build::Build> make_build(MemoryFileSystem& memory, const std::map<std::string, std::string>& overrides) {
        // The real templates, so the fixture builds whole meetings as the command does.
        add_tree(memory, AGENDAPACK_TEMPLATES, "templates/");
        add_tree(memory, AGENDAPACK_FIXTURE, "");
        for (const auto& [path, text] : overrides) memory.add(path, text);
        auto b = std::make_unique<build::Build>(memory, build::Options{{"content", "data"}, "templates"});
        b->index();
        return b;
    }

    static void add_tree(MemoryFileSystem& memory, const fs::path& root, const std::string& under) {
        for (const auto& entry : fs::recursive_directory_iterator(root)) {
            if (!entry.is_regular_file()) continue;
            std::ifstream in(entry.path(), std::ios::binary);
            std::ostringstream text;
            text << in.rdbuf();
            memory.add(under + fs::relative(entry.path(), root).generic_string(), text.str());
        }
    }
};
