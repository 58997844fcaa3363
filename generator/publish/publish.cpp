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
    writer_ = std::thread([this] { write_queued(); });
}

Publisher::~Publisher() {
    try {
        finish_writes();
    } catch (...) {
        // The build has failed already; the staging folder goes below.
    }
    if (committed_) return;
    try {
        fs_.remove(staging_);
    } catch (...) {
        // A staging folder left behind is removed by the next run.
    }
}

void Publisher::write(const std::string& relative, std::string bytes) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (failure_) std::rethrow_exception(failure_);
    // A file larger than the whole allowance waits for an empty queue.
    drained_.wait(lock, [&] { return queued_bytes_ == 0 || queued_bytes_ + bytes.size() <= kQueued || failure_; });
    if (failure_) std::rethrow_exception(failure_);
    units_.insert(paths::unit_of(relative));
    queued_bytes_ += bytes.size();
    queue_.emplace_back(join_path(staging_, relative), std::move(bytes));
    queued_.notify_one();
}

void Publisher::write_queued() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        queued_.wait(lock, [&] { return !queue_.empty() || closing_; });
        if (queue_.empty()) return;  // closing, and nothing left
        auto [path, bytes] = std::move(queue_.front());
        queue_.pop_front();
        lock.unlock();
        std::exception_ptr failed;
        try {
            fs_.write(path, bytes);
        } catch (...) {
            failed = std::current_exception();
        }
        lock.lock();
        queued_bytes_ -= bytes.size();
        if (failed && !failure_) failure_ = failed;
        drained_.notify_all();
    }
}

void Publisher::finish_writes() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        closing_ = true;
        queued_.notify_one();
    }
    if (writer_.joinable()) writer_.join();
    if (failure_) std::rethrow_exception(failure_);
}

Publisher::Summary Publisher::commit(const std::set<std::string>& keep_meetings, bool prune) {
    finish_writes();
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
