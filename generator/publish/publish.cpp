#include "publish.hpp"

#include <filesystem>
#include <fstream>
#include <set>
#include <stdexcept>

namespace agendapack::publish {

namespace fs = std::filesystem;

namespace {

void write_file(const fs::path& path, const std::string& bytes) {
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

// The unit that is swapped in one rename: "index.html", "assets",
// "meetings/<id>".
std::string unit_of(const std::string& relative) {
    auto slash = relative.find('/');
    if (slash == std::string::npos) return relative;
    std::string top = relative.substr(0, slash);
    if (top != "meetings") return top;
    auto second = relative.find('/', slash + 1);
    return relative.substr(0, second);
}

}  // namespace

void publish(const std::string& out_dir, const std::vector<render::html::OutputFile>& files, bool prune_meetings) {
    const fs::path out(out_dir);
    const fs::path staging = out / ".agendapack-staging";
    const fs::path retired = out / ".agendapack-retired";
    fs::create_directories(out);
    fs::remove_all(staging);
    fs::remove_all(retired);

    std::set<std::string> units;
    for (const auto& file : files) {
        write_file(staging / file.path, file.bytes);
        units.insert(unit_of(file.path));
    }
    if (prune_meetings && fs::is_directory(out / "meetings"))
        for (const auto& entry : fs::directory_iterator(out / "meetings"))
            units.insert("meetings/" + entry.path().filename().string());

    for (const auto& unit : units) {
        const fs::path current = out / unit;
        const fs::path fresh = staging / unit;
        if (fs::exists(current)) {
            fs::create_directories((retired / unit).parent_path());
            fs::rename(current, retired / unit);
        }
        if (fs::exists(fresh)) {
            fs::create_directories(current.parent_path());
            fs::rename(fresh, current);
        }
    }
    fs::remove_all(staging);
    fs::remove_all(retired);
}

}  // namespace agendapack::publish
