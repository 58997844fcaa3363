// What the fuzz targets share: the minimal fixture and the templates read
// into memory once, a file system that puts the fuzzer's bytes in place of
// one file of it, and the one rule every target keeps — an InputError is the
// clean answer to bad input; anything else (another exception, a crash, a
// sanitizer report) is a finding and must reach libFuzzer.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "support/support.hpp"

namespace agendapack::fuzz {

// Every file under `root`, as `under` + its path below root.
inline void add_tree(MemoryFileSystem& memory, const std::filesystem::path& root, const std::string& under = "") {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        memory.add(under + std::filesystem::relative(entry.path(), root).generic_string(), text.str());
    }
}

// The minimal fixture (content/, data/) and the real templates (templates/),
// in memory, with the example's data files beside the fixture's (data/
// children-and-families/, data/glossaries/: no name is in both), so a seed
// from the example finds the CSVs, scorecards and glossary it names.
inline const MemoryFileSystem& fixture() {
    static const MemoryFileSystem* memory = [] {
        auto* m = new MemoryFileSystem;
        add_tree(*m, std::string(AGENDAPACK_REPO) + "/data", "data/");
        add_tree(*m, AGENDAPACK_FIXTURE);
        add_tree(*m, AGENDAPACK_TEMPLATES, "templates/");
        return m;
    }();
    return *memory;
}

// `base` with some files replaced or added; everything else read through.
class OverlayFileSystem : public FileSystem {
public:
    explicit OverlayFileSystem(const FileSystem& base) : base_(base) {}
    void put(const std::string& path, std::string bytes) { files_[path] = std::move(bytes); }

    std::optional<std::string> read(const std::string& path) const override {
        if (auto it = files_.find(path); it != files_.end()) return it->second;
        return base_.read(path);
    }
    bool is_directory(const std::string& path) const override {
        const std::string prefix = path + "/";
        for (const auto& [file, _] : files_)
            if (file.compare(0, prefix.size(), prefix) == 0) return true;
        return base_.is_directory(path);
    }
    std::vector<std::string> list(const std::string& path) const override {
        std::vector<std::string> names = base_.list(path);
        const std::string prefix = path + "/";
        for (const auto& [file, _] : files_)
            if (file.compare(0, prefix.size(), prefix) == 0) {
                std::string rest = file.substr(prefix.size());
                names.push_back(rest.substr(0, rest.find('/')));
            }
        std::sort(names.begin(), names.end());
        names.erase(std::unique(names.begin(), names.end()), names.end());
        return names;
    }

private:
    const FileSystem& base_;
    std::map<std::string, std::string> files_;
};

// Runs one input: an InputError (or a list of them) is a clean refusal;
// anything else thrown is reported and aborts, so libFuzzer keeps the input.
// With AGENDAPACK_FUZZ_VERBOSE set, the refusals are printed too (to look
// at what a seed or a found input does).
template <typename Step>
void expect_clean(Step&& step) {
    static const bool verbose = std::getenv("AGENDAPACK_FUZZ_VERBOSE") != nullptr;
    try {
        step();
        if (verbose) std::fprintf(stderr, "fuzz: accepted\n");
    } catch (const InputError& e) {
        if (verbose) std::fprintf(stderr, "fuzz: %s\n", e.what());
    } catch (const InputErrors& e) {
        if (verbose)
            for (const auto& error : e.errors()) std::fprintf(stderr, "fuzz: %s\n", error.what());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "fuzz: an exception other than InputError: %s\n", e.what());
        std::abort();
    } catch (...) {
        std::fprintf(stderr, "fuzz: a thrown value that is not an exception\n");
        std::abort();
    }
}

}  // namespace agendapack::fuzz
