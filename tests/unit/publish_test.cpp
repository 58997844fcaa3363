#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>

#include <sys/stat.h>

#include "publish/publish.hpp"

using namespace agendapack;
namespace fs = std::filesystem;

namespace {

// The publishing contract, on any output file system.
void check_publishing(OutputFileSystem& out, const std::string& dir) {
    out.write(join_path(dir, "README.md"), "kept");

    publish::publish(out, dir, {{"index.html", "one"}, {"meetings/a/index.html", "A"}, {"meetings/b/index.html", "B"}}, true);
    CHECK(out.read(join_path(dir, "index.html")) == "one");
    CHECK(out.read(join_path(dir, "meetings/b/index.html")) == "B");

    // A later full build without meeting b removes it; README survives.
    publish::publish(out, dir, {{"index.html", "two"}, {"meetings/a/index.html", "A2"}}, true);
    CHECK(out.read(join_path(dir, "index.html")) == "two");
    CHECK(out.read(join_path(dir, "meetings/a/index.html")) == "A2");
    CHECK_FALSE(out.exists(join_path(dir, "meetings/b")));
    CHECK(out.read(join_path(dir, "README.md")) == "kept");

    // A partial build (--meeting) replaces only what it names.
    publish::publish(out, dir, {{"meetings/c/index.html", "C"}}, false);
    CHECK(out.exists(join_path(dir, "meetings/a/index.html")));
    CHECK(out.read(join_path(dir, "meetings/c/index.html")) == "C");
    CHECK_FALSE(out.exists(join_path(dir, ".agendapack-staging")));
    CHECK_FALSE(out.exists(".output.agendapack-next"));
    CHECK_FALSE(out.exists(dir + ".agendapack-next"));

    // Kept meetings stay; a unit staged with the same bytes is left as it was.
    publish::Publisher publisher(out, dir);
    publisher.write("index.html", "two");
    publisher.write("meetings/a/index.html", "A3");
    auto summary = publisher.commit({"c"}, true);
    CHECK(summary.unchanged == 1);  // index.html
    CHECK(summary.replaced == 1);   // meetings/a
    CHECK(summary.removed == 0);
    CHECK(out.read(join_path(dir, "meetings/c/index.html")) == "C");
    CHECK(out.read(join_path(dir, "meetings/a/index.html")) == "A3");
}

// A folder of its own under the system's temporary folder, for a test on
// disk: output/ and the trash beside it; removed before and after.
struct DiskSite {
    explicit DiskSite(const std::string& name) : root(fs::temp_directory_path() / name) { fs::remove_all(root); }
    ~DiskSite() { fs::remove_all(root); }
    const fs::path root;
    const std::string out = (root / "output").string(), trash = (root / ".output.agendapack-trash").string();
    DiskFileSystem disk;
};

// A path's own inode (a symbolic link's, not its target's).
ino_t inode_of(const fs::path& path) {
    struct stat s {};
    ::lstat(path.c_str(), &s);
    return s.st_ino;
}

}  // namespace

TEST_CASE("publishing swaps in the new site and leaves other files alone, on disk") {
    fs::path out = fs::temp_directory_path() / "agendapack-publish-test";
    fs::remove_all(out);
    DiskFileSystem disk;
    check_publishing(disk, out.string());
    fs::remove_all(out);
}

TEST_CASE("publishing swaps in the new site and leaves other files alone, in memory") {
    MemoryFileSystem memory;
    check_publishing(memory, "output");
}

TEST_CASE("a publisher that never commits leaves the output as it was") {
    MemoryFileSystem memory;
    memory.write("output/index.html", "old");
    {
        publish::Publisher publisher(memory, "output");
        publisher.write("index.html", "new");
    }
    CHECK(memory.read("output/index.html") == "old");
    CHECK(memory.list("output") == std::vector<std::string>{"index.html"});
}

namespace {

// A disk that fills up: writing one named file fails.
class FullDisk : public MemoryFileSystem {
public:
    explicit FullDisk(std::string failing) : failing_(std::move(failing)) {}
    void write(const std::string& path, const std::string& bytes) override {
        if (path.find(failing_) != std::string::npos) throw std::runtime_error("cannot write " + path);
        MemoryFileSystem::write(path, bytes);
    }

private:
    std::string failing_;
};

}  // namespace

TEST_CASE("a file that cannot be written fails the commit, and the output stays as it was") {
    FullDisk disk("meetings/b/");
    disk.MemoryFileSystem::write("output/index.html", "old");
    publish::Publisher publisher(disk, "output");
    // The failure, on the publisher's thread, comes back from the next
    // write after it or from the commit, whichever comes first.
    auto build = [&] {
        publisher.write("meetings/a/index.html", "A");
        publisher.write("meetings/b/index.html", "B");
        publisher.write("index.html", "new");
        publisher.commit({}, true);
    };
    CHECK_THROWS_WITH(build(), Catch::Contains("cannot write .output.agendapack-next/meetings/b/index.html"));
    CHECK(disk.read("output/index.html") == "old");
    CHECK_FALSE(disk.exists("output/meetings/a"));
}

TEST_CASE("files larger than the publisher's queue are written one at a time, all of them") {
    MemoryFileSystem memory;
    publish::Publisher publisher(memory, "output");
    const std::string big(publish::Publisher::kQueued / 2 + 1, 'x');
    for (int i = 0; i < 3; ++i) publisher.write("meetings/m" + std::to_string(i) + "/big.bin", big);
    publisher.commit({}, true);
    for (int i = 0; i < 3; ++i) CHECK(memory.read_size("output/meetings/m" + std::to_string(i) + "/big.bin") == big.size());
}

namespace {

// Counts the swaps: a build that changes nothing makes none.
class CountingDisk : public MemoryFileSystem {
public:
    void exchange(const std::string& a, const std::string& b) override {
        ++exchanges;
        MemoryFileSystem::exchange(a, b);
    }
    int exchanges = 0;
};

}  // namespace

TEST_CASE("a build that changes nothing leaves the site alone; one that does swaps it in once") {
    CountingDisk out;
    publish::publish(out, "output", {{"index.html", "one"}, {"meetings/a/index.html", "A"}}, true);
    CHECK(out.exchanges == 0);  // there was no site: renamed into place
    publish::publish(out, "output", {{"index.html", "one"}, {"meetings/a/index.html", "A"}}, true);
    CHECK(out.exchanges == 0);
    publish::publish(out, "output", {{"index.html", "two"}, {"meetings/a/index.html", "A"}}, true);
    CHECK(out.exchanges == 1);
    CHECK(out.read("output/index.html") == "two");
    CHECK(out.read("output/.agendapack/published") == ".agendapack/published\nindex.html\nmeetings/a/index.html\n");
    // The old site waits in the trash beside it, for the next build to
    // bring up to date as its staging folder; one that never commits (a
    // failed build) puts it back, and older ones are emptied.
    CHECK(out.list("") == std::vector<std::string>{".output.agendapack-trash", "output"});
    CHECK(out.list(".output.agendapack-trash") == std::vector<std::string>{"1"});
    out.write(".output.agendapack-trash/0/old.html", "an older site");
    { publish::Publisher next(out, "output"); }
    CHECK(out.list("") == std::vector<std::string>{".output.agendapack-trash", "output"});
    CHECK(out.list(".output.agendapack-trash") == std::vector<std::string>{"1"});
    CHECK(out.read(".output.agendapack-trash/1/index.html") == "one");
}

TEST_CASE("on disk, the site a build replaced becomes the next build's staging folder, whatever is left in it") {
    DiskSite here("agendapack-publish-recycled");
    const fs::path& root = here.root;
    const std::string &out = here.out, &trash = here.trash;
    DiskFileSystem& disk = here.disk;
    auto site = [&] {  // every file of the site, by path
        std::map<std::string, std::string> files;
        for (const auto& entry : fs::recursive_directory_iterator(root / "output"))
            if (entry.is_regular_file()) files[fs::relative(entry.path(), root / "output").string()] = *disk.read(entry.path().string());
        return files;
    };
    publish::publish(disk, out, {{"index.html", "one"}, {"meetings/a/index.html", "A"}, {"meetings/b/index.html", "B"}}, true);
    publish::publish(disk, out, {{"index.html", "two"}, {"meetings/a/index.html", "A"}, {"meetings/b/index.html", "B2"}}, true);
    REQUIRE(disk.list(trash) == std::vector<std::string>{"1"});
    const auto a = inode_of(root / "output/meetings/a/index.html");

    // What a killed build or a person may have left in it: a stray file in a
    // unit carried over, a file that is no longer the site's, a unit of no site.
    disk.write(trash + "/1/meetings/a/stray.html", "stray");
    disk.remove(trash + "/1/meetings/b/index.html");
    disk.write(trash + "/1/meetings/b/index.html", "not the site's");
    disk.write(trash + "/1/meetings/z/index.html", "Z");
    publish::publish(disk, out, {{"index.html", "three"}, {"meetings/a/index.html", "A"}}, false);
    CHECK(site() == std::map<std::string, std::string>{{".agendapack/published", ".agendapack/published\nindex.html\nmeetings/a/index.html\nmeetings/b/index.html\n"},
                                                        {"index.html", "three"},
                                                        {"meetings/a/index.html", "A"},
                                                        {"meetings/b/index.html", "B2"}});
    CHECK(inode_of(root / "output/meetings/a/index.html") != a);  // written by this build
    const auto b = inode_of(root / "output/meetings/b/index.html");

    // The site it replaced, brought up to date: a unit written is written
    // anew, never through the link its staged copy shared with the live
    // site (meeting b's, carried over by the last build); a kept one stays linked.
    const auto a_now = inode_of(root / "output/meetings/a/index.html");
    publish::publish(disk, out, {{"index.html", "four"}, {"meetings/b/index.html", "B4"}}, false);
    CHECK(site().at("index.html") == "four");
    CHECK(site().at("meetings/b/index.html") == "B4");
    CHECK(inode_of(root / "output/meetings/a/index.html") == a_now);
    CHECK(inode_of(root / "output/meetings/b/index.html") != b);
    CHECK(disk.list(trash) == std::vector<std::string>{"1"});
    CHECK(disk.read(trash + "/1/meetings/b/index.html") == "B2");  // the site it replaced, untouched by the writing
    CHECK(disk.read(trash + "/1/index.html") == "three");
}

TEST_CASE("on disk, a staged unit's files are written over where they are the staging folder's own; links and strays go") {
    DiskSite here("agendapack-publish-in-place");
    const fs::path& root = here.root;
    const std::string &out = here.out, &trash = here.trash;
    DiskFileSystem& disk = here.disk;
    publish::publish(disk, out, {{"index.html", "one"}, {"meetings/a/index.html", "A"}, {"meetings/a/images/x.png", "X"}}, true);
    publish::publish(disk, out, {{"index.html", "two"}, {"meetings/a/index.html", "A2"}, {"meetings/a/images/x.png", "X2"}}, true);
    REQUIRE(disk.list(trash) == std::vector<std::string>{"1"});
    const fs::path staged = fs::path(trash) / "1";
    const auto own = inode_of(staged / "meetings/a/index.html");

    // Left in the site the next build brings up to date: a symbolic link to
    // a folder outside, a file no longer made, a file where a folder goes.
    fs::create_directories(root / "elsewhere");
    disk.write((root / "elsewhere/x.png").string(), "not ours");
    fs::remove_all(staged / "meetings/a/images");
    fs::create_directory_symlink(root / "elsewhere", staged / "meetings/a/images");
    disk.write((staged / "meetings/a/old/stale.html").string(), "stale");
    disk.write((staged / "meetings/a/charts").string(), "a file where a folder goes");

    publish::publish(disk, out, {{"index.html", "three"}, {"meetings/a/index.html", "A3"}, {"meetings/a/images/x.png", "X3"},
                                 {"meetings/a/charts/c.svg", "C"}}, true);
    CHECK(disk.read(out + "/meetings/a/index.html") == "A3");
    CHECK(inode_of(root / "output/meetings/a/index.html") == own);  // written over, not made anew
    CHECK(disk.read(out + "/meetings/a/images/x.png") == "X3");
    CHECK(fs::is_directory(fs::symlink_status(root / "output/meetings/a/images")));  // the link went, not through it
    CHECK(disk.read((root / "elsewhere/x.png").string()) == "not ours");
    CHECK(disk.read(out + "/meetings/a/charts/c.svg") == "C");
    CHECK_FALSE(fs::exists(root / "output/meetings/a/old"));  // the stale file and the folder it left empty
    CHECK(disk.list(out + "/meetings/a") == std::vector<std::string>{"charts", "images", "index.html"});
}

TEST_CASE("on disk, no symbolic link in the trash leads publishing out of its folders") {
    DiskSite here("agendapack-publish-links");
    const fs::path& root = here.root;
    const std::string &out = here.out, &trash = here.trash;
    DiskFileSystem& disk = here.disk;
    disk.write((root / "elsewhere/a/index.html").string(), "not ours");
    disk.write((root / "elsewhere/z/index.html").string(), "not ours");
    publish::publish(disk, out, {{"index.html", "one"}, {"meetings/a/index.html", "A"}, {"meetings/b/index.html", "B"}}, true);
    publish::publish(disk, out, {{"index.html", "two"}, {"meetings/a/index.html", "A2"}, {"meetings/b/index.html", "B"}}, true);

    // The folder that holds meetings, in the site the next build brings up
    // to date, made a link to a folder outside: one meeting written, one
    // carried over, and what the link leads to left as it was.
    fs::remove_all(fs::path(trash) / "1/meetings");
    fs::create_directory_symlink(root / "elsewhere", fs::path(trash) / "1/meetings");
    publish::publish(disk, out, {{"index.html", "three"}, {"meetings/a/index.html", "A3"}}, false);
    CHECK(disk.read(out + "/meetings/a/index.html") == "A3");
    CHECK(disk.read(out + "/meetings/b/index.html") == "B");
    CHECK(disk.read((root / "elsewhere/a/index.html").string()) == "not ours");
    CHECK(disk.read((root / "elsewhere/z/index.html").string()) == "not ours");

    // The trash itself a link: removed, never emptied through.
    fs::remove_all(trash);
    fs::create_directory_symlink(root / "elsewhere", trash);
    publish::publish(disk, out, {{"index.html", "four"}, {"meetings/a/index.html", "A4"}}, false);
    CHECK(disk.read(out + "/index.html") == "four");
    CHECK(fs::is_directory(fs::symlink_status(trash)));
    CHECK(disk.list((root / "elsewhere").string()) == std::vector<std::string>{"a", "z"});
    CHECK(disk.read((root / "elsewhere/a/index.html").string()) == "not ours");
}

TEST_CASE("files agendapack did not write are never deleted: kept beside its own, or publishing stops") {
    MemoryFileSystem out;
    publish::publish(out, "output", {{"index.html", "one"}, {"assets/site.css", "css"}, {"meetings/a/index.html", "A"}}, true);
    out.write("output/notes.txt", "mine");             // beside agendapack's files: kept
    out.write("output/meetings/a/extra.pdf", "mine");  // inside a meeting this build replaces
    auto rebuild = [&] {
        publish::publish(out, "output", {{"index.html", "two"}, {"assets/site.css", "css"}, {"meetings/a/index.html", "A2"}}, true);
    };
    CHECK_THROWS_WITH(rebuild(), Catch::Contains("output/ holds files agendapack did not write, in folders this build replaces or "
                                                 "removes:\n  output/meetings/a/extra.pdf\nagendapack never deletes them"));
    CHECK(out.read("output/index.html") == "one");  // nothing published
    CHECK(out.read("output/meetings/a/extra.pdf") == "mine");

    out.remove("output/meetings/a/extra.pdf");
    rebuild();
    CHECK(out.read("output/index.html") == "two");
    CHECK(out.read("output/notes.txt") == "mine");
    // A meeting pruned with a file of someone else's in it stops publishing too.
    out.write("output/meetings/a/extra.pdf", "mine");
    CHECK_THROWS_WITH(publish::publish(out, "output", {{"index.html", "three"}}, true), Catch::Contains("output/meetings/a/extra.pdf"));
    CHECK(out.read("output/index.html") == "two");
}

TEST_CASE("a site published before agendapack listed its files is taken as all its own; a folder never published into is not") {
    MemoryFileSystem earlier;
    earlier.write("output/index.html", "old");
    earlier.write("output/assets/site.css", "old");
    earlier.write("output/assets/old-logo.png", "old");
    publish::publish(earlier, "output", {{"index.html", "new"}, {"assets/site.css", "new"}}, true);
    CHECK_FALSE(earlier.exists("output/assets/old-logo.png"));

    MemoryFileSystem someones;
    someones.write("output/assets/photo.jpg", "theirs");
    CHECK_THROWS_WITH(publish::publish(someones, "output", {{"index.html", "new"}, {"assets/site.css", "new"}}, true),
                      Catch::Contains("output/assets/photo.jpg"));
    CHECK_FALSE(someones.exists("output/index.html"));
}

TEST_CASE("on disk, kept units are hard links into the new site, and a link named as output/ is followed") {
    const fs::path root = fs::temp_directory_path() / "agendapack-publish-links";
    fs::remove_all(root);
    fs::create_directories(root / "served");
    fs::create_directory_symlink("served", root / "output");
    DiskFileSystem disk;
    const std::string out = (root / "output").string();
    publish::publish(disk, out, {{"index.html", "one"}, {"meetings/a/index.html", "A"}, {"meetings/b/index.html", "B"}}, true);
    const auto inode_of = [](const fs::path& p) {
        struct stat s {};
        ::stat(p.c_str(), &s);
        return s.st_ino;
    };
    const auto kept = inode_of(root / "served/meetings/a/index.html");
    publish::publish(disk, out, {{"meetings/b/index.html", "B2"}}, false);
    CHECK(fs::is_symlink(root / "output"));
    CHECK(disk.read((root / "served/meetings/b/index.html").string()) == "B2");
    CHECK(inode_of(root / "served/meetings/a/index.html") == kept);
    CHECK(fs::is_directory(root / "served"));
    CHECK_FALSE(fs::exists(root / ".served.agendapack-next"));
    fs::remove_all(root);
}
