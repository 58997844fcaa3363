// `agendapack verify PACK.pdf`: is this pack what its sources make? Reads the
// provenance manifest beside the pack, names every source whose SHA-256 has
// changed since, rebuilds the meeting in memory and compares the bytes.
#include "verify_command.hpp"

#include <iostream>

#include "command.hpp"
#include "../load/yaml_fields.hpp"
#include "../support/sha256.hpp"
#include "../support/site_paths.hpp"

namespace agendapack::app {

namespace {

const char* kVerifyUsage =
    "usage: agendapack verify PACK.pdf [--content DIR] [--data DIR] [--templates DIR]\n"
    "\n"
    "  Rebuilds the pack's meeting from the sources its manifest (PACK.provenance.json, beside it) names\n"
    "  and says whether the bytes are identical; names any source changed since.\n";

}  // namespace

int run_verify(const std::vector<std::string>& args) {
    Options options;
    std::string pack_path;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg.rfind("--", 0) != 0) {
            pack_path = arg;
            continue;
        }
        if (i + 1 >= args.size()) {
            std::cerr << "agendapack: " << arg << " needs a value\n" << kVerifyUsage;
            return 2;
        }
        if (arg == "--content") options.build.paths.content = args[++i];
        else if (arg == "--data") options.build.paths.data = args[++i];
        else if (arg == "--templates") options.build.templates = args[++i];
        else {
            std::cerr << "agendapack: unknown option '" << arg << "'\n" << kVerifyUsage;
            return 2;
        }
    }
    if (pack_path.size() < 5 || pack_path.substr(pack_path.size() - 4) != ".pdf") {
        std::cerr << "agendapack: verify needs a pack's .pdf file\n" << kVerifyUsage;
        return 2;
    }
    const std::string manifest_path = pack_path.substr(0, pack_path.size() - 4) + ".provenance.json";
    const DiskFileSystem disk;
    const auto pack = disk.read(pack_path);
    const auto manifest = disk.read(manifest_path);
    if (!pack || !manifest) {
        std::cerr << "agendapack: cannot read " << (!pack ? pack_path : manifest_path) << "\n";
        return 1;
    }
    // JSON is YAML: the loaders' reader reads the manifest agendapack wrote.
    std::string meeting, recorded_sha, generator, audience;
    std::vector<std::pair<std::string, std::string>> sources;
    try {
        const auto tree = load::parse_yaml({manifest_path, *manifest});
        const load::YamlNode root = tree->root();
        meeting = root["meeting"].text();
        recorded_sha = root["sha256"].text();
        generator = root["generator"].text();
        audience = root["audience"].text();
        for (const load::YamlNode& source : root["sources"].items()) sources.emplace_back(source["path"].text(), source["sha256"].text());
    } catch (const InputError&) {
        meeting.clear();
    }
    int problems = 0;
    if (sha256_hex(*pack) != recorded_sha) {
        std::cout << pack_path << ": not the pack its manifest describes (its SHA-256 differs)\n";
        ++problems;
    }
    size_t changed = 0;
    for (const auto& [source, sha] : sources) {
        const auto bytes = disk.read(source);
        if (!bytes) std::cout << "missing since the pack was built: " << source << "\n";
        else if (sha256_hex(*bytes) != sha) std::cout << "changed since the pack was built: " << source << "\n";
        else continue;
        ++changed;
    }

    // Build the meeting again, in memory, and compare.
    SourceFileSystem fs({options.build.paths.content, options.build.paths.data, options.build.templates});
    options.build.generator = generator;  // the manifest's: the same key, whatever program reads it
    options.build.audience = audience == "members" ? compute::Audience::Members : compute::Audience::Public;
    try {
        build::Build site(fs, options.build);
        site.index();
        if (!site.find(meeting)) {
            std::cout << "the sources have no meeting " << meeting << ": cannot rebuild it\n";
            return 1;
        }
        const build::MeetingOutput rebuilt = site.build_meeting(meeting, site.worker(1));
        std::string rebuilt_pack;
        for (const auto& file : rebuilt.files)
            if (file.path == paths::pack_file(meeting)) rebuilt_pack = file.bytes;
        if (rebuilt_pack == *pack && problems == 0) {
            std::cout << "identical: " << pack_path << " is what the sources make (" << sources.size() << " sources, SHA-256 "
                      << recorded_sha.substr(0, 16) << "…)\n";
            return 0;
        }
        std::cout << "differs: rebuilding " << meeting << " from today's sources gives other bytes"
                  << (changed ? " (" + std::to_string(changed) + " source" + (changed == 1 ? "" : "s") + " changed, above)" : "") << "\n";
        return 1;
    } catch (const InputErrors& errors) {
        std::cout << "the sources no longer build: " << errors.errors().front().what() << "\n";
    } catch (const std::exception& error) {
        std::cout << "the sources no longer build: " << error.what() << "\n";
    }
    return 1;
}

}  // namespace agendapack::app
