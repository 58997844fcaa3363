// The last phase: put rendered files into output/ so that a reader sees
// the old site or the new one, never a mix, whatever moment the build dies.
// Files go to a staging folder beside output/ as they are made (a meeting's
// state can be freed at once), written by the publisher's own thread while
// the build goes on. commit() then makes every unit it did not stage — a
// top-level entry, or one meeting's folder — hard links of the site's own
// files in the staging folder, and swaps the two folders in one step
// (RENAME_EXCHANGE). The old site goes to a trash folder beside output/.
//
// The staging folder is not made anew each time: the next build takes the
// newest folder in the trash (usually the site it replaced, which differs
// from the live one only in the units that build changed) and brings it up
// to date, so publishing costs what changed, not the size of the archive.
// Nothing in it is trusted, and no symbolic link in it is followed: a file
// written goes over what stands at its path only when that is the staging
// folder's own file (one link: never a file it shares with the site), else
// what stands there is removed first; files of a written unit that this
// build does not write go; a unit carried is kept only if every file in it
// is the site's own file, linked; anything else in it goes. What else the trash holds — a killed build's
// half-made folder, older sites — is emptied while the build works.
//
// Files agendapack did not write (listed in .agendapack/published) are
// never deleted: outside the units it writes they are carried over; inside
// one that it would replace or remove, publishing stops with their names.
#pragma once

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "../render/html/html.hpp"

namespace agendapack::publish {

class Publisher {
public:
    // Empties the staging folder beside out_dir; everything goes through `fs`.
    Publisher(OutputFileSystem& fs, std::string out_dir);
    // A staging folder never committed (a failed build) is removed; the
    // output folder stays as it was.
    ~Publisher();
    Publisher(const Publisher&) = delete;
    Publisher& operator=(const Publisher&) = delete;

    // Safe to call from several threads at once for different files. The
    // file is written on the publisher's thread; a failure to write is
    // thrown by a later write() or by commit(). At most kQueued bytes wait
    // at once (a caller then waits for room), so memory stays flat.
    void write(const std::string& relative, std::string bytes);
    static constexpr size_t kQueued = size_t{64} << 20;

    struct Summary {
        size_t replaced = 0;   // units swapped in
        size_t unchanged = 0;  // staged units whose bytes equal what was there: left alone
        size_t removed = 0;    // meeting folders pruned
    };
    // Swaps the staged units in, the rest kept. When every staged unit is byte
    // for byte what stands there already, and nothing is pruned, the site
    // is not touched. With `prune`, meeting folders (and their build records)
    // neither staged nor named in `keep_meetings` are removed. Throws, the
    // site untouched, when a unit to replace holds a file agendapack did not
    // write.
    Summary commit(const std::set<std::string>& keep_meetings, bool prune);

private:
    void write_queued();   // the publisher's thread
    void stage(const std::string& relative, const std::string& bytes);  // a file into the staging folder
    void clear_way(const std::string& relative, std::set<std::string>& own);  // real folders above `relative`
    bool sort_leftovers(const std::string& relative, std::set<std::string>& own);  // what an earlier site left of a unit
    void remove_leftovers();  // what no file of this build wrote over, once every file is staged
    void finish_writes();  // waits for every queued file; rethrows a failure

    OutputFileSystem& fs_;
    std::string next_in_trash() const;
    bool links_of_site(const std::string& unit) const;  // staged `unit` is the site's, file for file

    std::string out_, staging_, trash_;
    std::set<std::string> units_;
    std::set<std::string> written_;  // relative paths
    // Staged unit → the files of the staging folder's own an earlier site
    // left in it, not yet written over (a unit is here from its first file).
    std::map<std::string, std::set<std::string>> leftovers_;
    std::mutex mutex_;  // units_ and everything below
    std::deque<std::pair<std::string, std::string>> queue_;  // staged path, bytes
    size_t queued_bytes_ = 0;
    std::condition_variable queued_, drained_;
    bool closing_ = false;
    std::exception_ptr failure_;
    std::thread writer_;
    std::thread cleaner_;  // empties the trash of earlier builds
    bool committed_ = false;
};

// Replaces the managed entries of out_dir (index.html, assets/, meetings/<id>/)
// with `files`. Entries of out_dir that agendapack did not write (README.md)
// are left alone. `prune_meetings`: remove meeting folders not in `files`.
void publish(OutputFileSystem& fs, const std::string& out_dir, const std::vector<render::html::OutputFile>& files, bool prune_meetings);

}  // namespace agendapack::publish
