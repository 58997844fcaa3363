#include "publish.hpp"

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <optional>
#include <sstream>

#include "../support/site_paths.hpp"

namespace agendapack::publish {

namespace {

// Every walk here goes down real folders only: a symbolic link — in the
// live site, or in a staging folder taken from the trash, where anyone may
// have left one — is an entry of its own, never a way out of the folder.
bool is_folder(const OutputFileSystem& fs, const std::string& path) { return fs.entry(path) == OutputFileSystem::Entry::Folder; }

// Same entries, and each file the same by `same_file`: a file, or a folder
// compared file by file.
bool same_tree(const OutputFileSystem& fs, const std::string& a, const std::string& b,
               const std::function<bool(const std::string&, const std::string&)>& same_file) {
    const bool folder_a = is_folder(fs, a), folder_b = is_folder(fs, b);
    if (folder_a || folder_b) {
        if (!folder_a || !folder_b) return false;
        const std::vector<std::string> left = fs.list(a), right = fs.list(b);
        if (left != right) return false;
        for (const auto& name : left)
            if (!same_tree(fs, join_path(a, name), join_path(b, name), same_file)) return false;
        return true;
    }
    return same_file(a, b);
}

// The same bytes.
bool same_bytes(const OutputFileSystem& fs, const std::string& a, const std::string& b) {
    auto size_a = fs.read_size(a), size_b = fs.read_size(b);
    if (!size_a || !size_b || *size_a != *size_b) return false;
    return fs.read(a) == fs.read(b);
}

// The files under root/relative (relative itself when it is a file), as
// paths relative to root; a symbolic link counts as a file.
void files_under(const OutputFileSystem& fs, const std::string& root, const std::string& relative, std::vector<std::string>& files) {
    const std::string path = join_path(root, relative);
    if (const auto entry = fs.entry(path); entry != OutputFileSystem::Entry::Folder) {
        if (entry != OutputFileSystem::Entry::Missing) files.push_back(relative);
        return;
    }
    for (const auto& name : fs.list(path)) files_under(fs, root, relative + "/" + name, files);
}

// A folder that holds units rather than being one: meetings/, .agendapack/.
bool holds_units(const std::string& relative) { return paths::unit_of(relative + "/x") != relative; }

// The entries of the site at `out` that are units of their own, each one
// found by going down through the folders that hold units.
void units_in(const OutputFileSystem& fs, const std::string& out, const std::string& relative, std::vector<std::string>& units) {
    for (const auto& name : fs.list(relative.empty() ? out : join_path(out, relative))) {
        const std::string entry = relative.empty() ? name : relative + "/" + name;
        if (holds_units(entry) && is_folder(fs, join_path(out, entry))) units_in(fs, out, entry, units);
        else units.push_back(entry);
    }
}

// "output", "next" → ".output.agendapack-next", beside it.
std::string beside(const std::string& out, const std::string& what) {
    std::string dir = out;
    while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
    const size_t slash = dir.rfind('/');
    const std::string parent = slash == std::string::npos ? "" : dir.substr(0, slash + 1);
    const std::string name = slash == std::string::npos ? dir : dir.substr(slash + 1);
    return parent + "." + name + ".agendapack-" + what;
}

std::optional<std::set<std::string>> read_published(const OutputFileSystem& fs, const std::string& out) {
    auto text = fs.read(join_path(out, paths::published_record()));
    if (!text) return std::nullopt;
    std::set<std::string> files;
    std::istringstream lines(*text);
    for (std::string line; std::getline(lines, line);)
        if (!line.empty()) files.insert(line);
    return files;
}

std::string foreign_files_message(const std::string& out, const std::vector<std::string>& foreign) {
    std::string message = out + "/ holds files agendapack did not write, in folders this build replaces or removes:";
    const size_t shown = std::min<size_t>(foreign.size(), 10);
    for (size_t i = 0; i < shown; ++i) message += "\n  " + join_path(out, foreign[i]);
    if (foreign.size() > shown) message += "\n  and " + std::to_string(foreign.size() - shown) + " more";
    message += "\nagendapack never deletes them: move them out of " + out +
               "/ (or delete them), then build again. Files of your own may stay in " + out +
               "/ itself, beside what agendapack writes.";
    return message;
}

}  // namespace

Publisher::Publisher(OutputFileSystem& fs, std::string out_dir)
    : fs_(fs), out_(fs.resolve(out_dir)), staging_(beside(out_, "next")), trash_(beside(out_, "trash")) {
    // Left inside the site by earlier versions, which swapped unit by unit.
    fs_.remove(join_path(out_, ".agendapack-staging"));
    fs_.remove(join_path(out_, ".agendapack-retired"));
    // A killed build's staging folder (a half-made site, or the one it
    // replaced) goes to the trash. The newest folder there is brought up to
    // date as this build's staging folder (publish.hpp); the rest — older
    // sites, each a tree of hard links — is emptied on a thread of its own
    // while this build works: removing thousands of folders is slow on some
    // disks, and nothing waits for it but the end of the run.
    if (fs_.entry(trash_) == OutputFileSystem::Entry::Other) fs_.remove(trash_);  // a link: removed, never emptied through
    if (fs_.exists(staging_)) fs_.rename(staging_, next_in_trash());
    std::vector<std::string> old = fs_.list(trash_);
    auto number = [](const std::string& name) { return std::strtol(name.c_str(), nullptr, 10); };
    auto newest = std::max_element(old.begin(), old.end(), [&](const auto& a, const auto& b) { return number(a) < number(b); });
    if (newest != old.end() && is_folder(fs_, join_path(trash_, *newest))) {
        fs_.rename(join_path(trash_, *newest), staging_);
        old.erase(newest);
    }
    cleaner_ = std::thread([this, old] {
        for (const auto& name : old) try {
                fs_.remove(join_path(trash_, name));
            } catch (...) {
                // Left for the next build.
            }
    });
    writer_ = std::thread([this] { write_queued(); });
}

// A new name in the trash: one more than the largest there.
std::string Publisher::next_in_trash() const {
    long largest = 0;
    for (const auto& name : fs_.list(trash_)) largest = std::max(largest, std::strtol(name.c_str(), nullptr, 10));
    return join_path(trash_, std::to_string(largest + 1));
}

Publisher::~Publisher() {
    try {
        finish_writes();
    } catch (...) {
        // The build has failed already; the staging folder goes below.
    }
    if (cleaner_.joinable()) cleaner_.join();
    if (committed_ || !fs_.exists(staging_)) return;
    try {
        fs_.rename(staging_, next_in_trash());  // for the next build to bring up to date
    } catch (...) {
        // A staging folder left behind goes to the trash in the next run.
    }
}

bool Publisher::links_of_site(const std::string& unit) const {
    return same_tree(fs_, join_path(out_, unit), join_path(staging_, unit),
                     [&](const std::string& a, const std::string& b) { return fs_.same_file(a, b); });
}

void Publisher::write(const std::string& relative, std::string bytes) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (failure_) std::rethrow_exception(failure_);
    // A file larger than the whole allowance waits for an empty queue.
    drained_.wait(lock, [&] { return queued_bytes_ == 0 || queued_bytes_ + bytes.size() <= kQueued || failure_; });
    if (failure_) std::rethrow_exception(failure_);
    units_.insert(paths::unit_of(relative));
    written_.insert(relative);
    queued_bytes_ += bytes.size();
    queue_.emplace_back(relative, std::move(bytes));
    queued_.notify_one();
}

void Publisher::stage(const std::string& relative, const std::string& bytes) {
    // What an earlier site left of a unit in the staging folder is written
    // over where it is the folder's own file: its inode kept, because ext4
    // spends longer finding a new inode among ones freed minutes before
    // than writing the file (a tenth of a full rebuild's time). Anything else
    // there goes before a file takes its place: a link shared with the live
    // site (writing it would change the site), a symbolic link, a folder.
    const std::string unit = paths::unit_of(relative);
    auto [found, first_file] = leftovers_.try_emplace(unit);
    std::set<std::string>& own = found->second;
    clear_way(relative, own);
    if (first_file) sort_leftovers(unit, own);
    const std::string path = join_path(staging_, relative);
    if (!own.erase(relative) && fs_.entry(path) != OutputFileSystem::Entry::Missing) fs_.remove(path);
    fs_.write(path, bytes);
}

// Every folder on the way to `relative`, from the staging folder down, is a
// real folder or not there yet: anything else in the way (a symbolic link,
// which writing would go through; a file) is removed, and forgotten as a
// leftover to write over.
void Publisher::clear_way(const std::string& relative, std::set<std::string>& own) {
    for (size_t slash = relative.find('/'); slash != std::string::npos; slash = relative.find('/', slash + 1)) {
        const std::string above = relative.substr(0, slash);
        const OutputFileSystem::Entry there = fs_.entry(join_path(staging_, above));
        if (there == OutputFileSystem::Entry::Folder) continue;
        if (there == OutputFileSystem::Entry::Missing) return;  // and so is all below it
        fs_.remove(join_path(staging_, above));
        own.erase(above);
    }
}

// A leftover is kept, to be written over, only where it is a file of the
// staging folder's own reached through real folders; anything else is
// removed now (a symbolic link itself, never what it points to), and so is
// a folder left empty. Whether anything of `relative` is left.
bool Publisher::sort_leftovers(const std::string& relative, std::set<std::string>& own) {
    const std::string path = join_path(staging_, relative);
    switch (fs_.entry(path)) {
        case OutputFileSystem::Entry::Missing: return false;
        case OutputFileSystem::Entry::OwnFile: own.insert(relative); return true;
        case OutputFileSystem::Entry::Other: fs_.remove(path); return false;
        case OutputFileSystem::Entry::Folder: {
            bool kept = false;
            for (const auto& name : fs_.list(path)) kept = sort_leftovers(relative + "/" + name, own) || kept;
            if (!kept) fs_.remove(path);
            return kept;
        }
    }
    return false;
}

// The files of staged units that this build did not write: stale. A folder
// they leave empty goes too, up to the unit.
void Publisher::remove_leftovers() {
    for (auto& [unit, own] : leftovers_) {
        for (const auto& file : own) {
            fs_.remove(join_path(staging_, file));
            for (std::string folder = file.substr(0, file.rfind('/')); folder.size() > unit.size();
                 folder = folder.substr(0, folder.rfind('/'))) {
                if (!fs_.list(join_path(staging_, folder)).empty()) break;
                fs_.remove(join_path(staging_, folder));
            }
        }
        own.clear();
    }
}

void Publisher::write_queued() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        queued_.wait(lock, [&] { return !queue_.empty() || closing_; });
        if (queue_.empty()) return;  // closing, and nothing left
        auto [relative, bytes] = std::move(queue_.front());
        queue_.pop_front();
        lock.unlock();
        std::exception_ptr failed;
        try {
            stage(relative, bytes);
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

    // Which files standing there are agendapack's: those it listed when it
    // published them; every file, for a site published before it listed
    // them; none, in a folder it has never published into.
    const auto listed = read_published(fs_, out_);
    const bool before_lists = !listed && (fs_.exists(join_path(out_, paths::edition_record())) ||
                                          fs_.exists(join_path(out_, paths::index_page())));
    auto ours = [&](const std::string& file) { return before_lists || (listed && listed->count(file)); };

    units.insert(paths::published_record());  // written below, always anew
    std::vector<std::string> carried;
    if (fs_.is_directory(out_)) units_in(fs_, out_, "", carried);
    carried.erase(std::remove_if(carried.begin(), carried.end(), [&](const std::string& unit) { return units.count(unit) > 0; }),
                  carried.end());

    // The new list: what this build wrote, and what agendapack wrote before
    // in the units it keeps.
    std::set<std::string> published = written_;
    if (listed) {  // from the list itself: no walk over the site
        const std::set<std::string> kept(carried.begin(), carried.end());
        for (const auto& file : *listed)
            if (kept.count(paths::unit_of(file))) published.insert(file);
    } else if (before_lists) {  // once, for a site published before the list
        std::vector<std::string> files;
        for (const auto& unit : carried) files_under(fs_, out_, unit, files);
        published.insert(files.begin(), files.end());
    }
    published.insert(paths::published_record());
    std::string list;
    for (const auto& file : published) list += file + "\n";
    stage(paths::published_record(), list);
    remove_leftovers();

    bool changed = false;
    std::vector<std::string> foreign;
    for (const auto& unit : units) {
        const std::string current = join_path(out_, unit), fresh = join_path(staging_, unit);
        const bool staged = units_.count(unit) > 0 || unit == paths::published_record();
        if (staged && same_tree(fs_, current, fresh, [&](const std::string& a, const std::string& b) { return same_bytes(fs_, a, b); })) {
            if (unit != paths::published_record()) ++summary.unchanged;
            continue;
        }
        changed = true;
        if (staged && unit != paths::published_record()) ++summary.replaced;
        std::vector<std::string> files;
        files_under(fs_, out_, unit, files);
        for (auto& file : files)
            if (!ours(file)) foreign.push_back(std::move(file));
    }
    if (!foreign.empty()) throw std::runtime_error(foreign_files_message(out_, foreign));
    if (!changed) return summary;  // the staging folder goes back to the trash with the publisher

    // The units carried over: kept where the staging folder has them as
    // links of the site's own files already, linked again where not.
    std::set<std::string> none;
    for (const auto& unit : carried) {
        clear_way(unit, none);  // meetings/ itself may be a link left in the trash
        if (!links_of_site(unit)) {
            fs_.remove(join_path(staging_, unit));
            fs_.link_tree(join_path(out_, unit), join_path(staging_, unit));
        }
    }
    // Whatever else an earlier site left in the staging folder goes.
    std::set<std::string> site(carried.begin(), carried.end());
    site.insert(units_.begin(), units_.end());
    site.insert(paths::published_record());
    std::vector<std::string> held;
    units_in(fs_, staging_, "", held);
    for (const auto& unit : held)
        if (!site.count(unit)) fs_.remove(join_path(staging_, unit));
    // The one step a reader can see: after it, staging_ holds the old site,
    // which goes to the trash for the next build to bring up to date.
    const bool replacing = fs_.is_directory(out_);
    if (replacing) fs_.exchange(staging_, out_);
    else fs_.rename(staging_, out_);
    committed_ = true;
    if (replacing) fs_.rename(staging_, next_in_trash());
    return summary;
}

void publish(OutputFileSystem& fs, const std::string& out_dir, const std::vector<render::html::OutputFile>& files, bool prune_meetings) {
    Publisher publisher(fs, out_dir);
    for (const auto& file : files) publisher.write(file.path, file.bytes);
    publisher.commit({}, prune_meetings);
}

}  // namespace agendapack::publish
