#include "publish.hpp"

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "../support/site_paths.hpp"

namespace agendapack::publish {

namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// Same entries, same bytes: a file, or a folder compared file by file.
bool same_tree(const fs::path& a, const fs::path& b) {
    std::error_code ec;
    if (fs::is_regular_file(a, ec) || fs::is_regular_file(b, ec)) {
        if (!fs::is_regular_file(a, ec) || !fs::is_regular_file(b, ec)) return false;
        if (fs::file_size(a, ec) != fs::file_size(b, ec)) return false;
        return slurp(a) == slurp(b);
    }
    if (!fs::is_directory(a, ec) || !fs::is_directory(b, ec)) return false;
    std::set<std::string> left, right;
    for (const auto& e : fs::directory_iterator(a)) left.insert(e.path().filename().string());
    for (const auto& e : fs::directory_iterator(b)) right.insert(e.path().filename().string());
    if (left != right) return false;
    for (const auto& name : left)
        if (!same_tree(a / name, b / name)) return false;
    return true;
}

}  // namespace

Publisher::Publisher(std::string out_dir)
    : out_(std::move(out_dir)),
      staging_((fs::path(out_) / ".agendapack-staging").string()),
      retired_((fs::path(out_) / ".agendapack-retired").string()) {
    fs::create_directories(out_);
    fs::remove_all(staging_);
    fs::remove_all(retired_);
}

Publisher::~Publisher() {
    if (committed_) return;
    std::error_code ec;
    fs::remove_all(staging_, ec);
}

void Publisher::write(const std::string& relative, const std::string& bytes) {
    const fs::path path = fs::path(staging_) / relative;
    {
        // Creating shared parent folders from two threads at once can race.
        std::lock_guard<std::mutex> lock(mutex_);
        fs::create_directories(path.parent_path());
        units_.insert(paths::unit_of(relative));
    }
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

Publisher::Summary Publisher::commit(const std::set<std::string>& keep_meetings, bool prune) {
    const fs::path out(out_), staging(staging_), retired(retired_);
    Summary summary;
    std::set<std::string> units = units_;
    // Meeting folders and their build records go with their meetings.
    if (prune)
        for (const std::string collection : {std::string("meetings"), paths::build_records()}) {
            if (!fs::is_directory(out / collection)) continue;
            for (const auto& entry : fs::directory_iterator(out / collection)) {
                std::string unit = collection + "/" + entry.path().filename().string();
                if (!keep_meetings.count(entry.path().filename().string()) && !units_.count(unit)) {
                    units.insert(unit);
                    if (collection == "meetings") ++summary.removed;
                }
            }
        }
    for (const auto& unit : units) {
        const fs::path current = out / unit;
        const fs::path fresh = staging / unit;
        if (fs::exists(fresh) && same_tree(current, fresh)) {
            ++summary.unchanged;
            continue;
        }
        if (fs::exists(current)) {
            fs::create_directories((retired / unit).parent_path());
            fs::rename(current, retired / unit);
        }
        if (fs::exists(fresh)) {
            fs::create_directories(current.parent_path());
            fs::rename(fresh, current);
            ++summary.replaced;
        }
    }
    committed_ = true;
    fs::remove_all(staging);
    fs::remove_all(retired);
    return summary;
}

void publish(const std::string& out_dir, const std::vector<render::html::OutputFile>& files, bool prune_meetings) {
    Publisher publisher(out_dir);
    for (const auto& file : files) publisher.write(file.path, file.bytes);
    publisher.commit({}, prune_meetings);
}

}  // namespace agendapack::publish
