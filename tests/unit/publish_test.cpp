#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

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
    CHECK_FALSE(out.exists(join_path(dir, ".agendapack-retired")));

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
    CHECK_THROWS_WITH(build(), Catch::Contains("cannot write output/.agendapack-staging/meetings/b/index.html"));
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
