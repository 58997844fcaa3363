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
