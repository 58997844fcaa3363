#include "publish.hpp"

#include "../support/site_paths.hpp"

namespace agendapack::publish {

namespace {

// Same entries, same bytes: a file, or a folder compared file by file.
bool same_tree(const OutputFileSystem& fs, const std::string& a, const std::string& b) {
    if (fs.is_directory(a) || fs.is_directory(b)) {
        if (!fs.is_directory(a) || !fs.is_directory(b)) return false;
        const std::vector<std::string> left = fs.list(a), right = fs.list(b);
        if (left != right) return false;
        for (const auto& name : left)
            if (!same_tree(fs, join_path(a, name), join_path(b, name))) return false;
        return true;
    }
    auto size_a = fs.read_size(a), size_b = fs.read_size(b);
    if (!size_a || !size_b || *size_a != *size_b) return false;
    return fs.read(a) == fs.read(b);
}

}  // namespace

Publisher::Publisher(OutputFileSystem& fs, std::string out_dir)
    : fs_(fs), out_(std::move(out_dir)), staging_(join_path(out_, ".agendapack-staging")), retired_(join_path(out_, ".agendapack-retired")) {
    fs_.remove(staging_);
    fs_.remove(retired_);
}

Publisher::~Publisher() {
    if (committed_) return;
    try {
        fs_.remove(staging_);
    } catch (...) {
        // A staging folder left behind is removed by the next run.
    }
}

void Publisher::write(const std::string& relative, const std::string& bytes) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        units_.insert(paths::unit_of(relative));
    }
    fs_.write(join_path(staging_, relative), bytes);
}

Publisher::Summary Publisher::commit(const std::set<std::string>& keep_meetings, bool prune) {
    Summary summary;
    std::set<std::string> units = units_;
    // Meeting folders and their build records go with their meetings.
    if (prune)
        for (const std::string& collection : {std::string("meetings"), paths::build_records()})
            for (const auto& name : fs_.list(join_path(out_, collection))) {
                std::string unit = collection + "/" + name;
                if (!keep_meetings.count(name) && !units_.count(unit)) {
                    units.insert(unit);
                    if (collection == "meetings") ++summary.removed;
                }
            }
    for (const auto& unit : units) {
        const std::string current = join_path(out_, unit), fresh = join_path(staging_, unit), old = join_path(retired_, unit);
        const bool staged = fs_.exists(fresh);
        if (staged && same_tree(fs_, current, fresh)) {
            ++summary.unchanged;
            continue;
        }
        if (fs_.exists(current)) fs_.rename(current, old);
        if (staged) {
            fs_.rename(fresh, current);
            ++summary.replaced;
        }
    }
    committed_ = true;
    fs_.remove(staging_);
    fs_.remove(retired_);
    return summary;
}

void publish(OutputFileSystem& fs, const std::string& out_dir, const std::vector<render::html::OutputFile>& files, bool prune_meetings) {
    Publisher publisher(fs, out_dir);
    for (const auto& file : files) publisher.write(file.path, file.bytes);
    publisher.commit({}, prune_meetings);
}

}  // namespace agendapack::publish
