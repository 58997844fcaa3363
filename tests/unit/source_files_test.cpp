// How sources are read from disk (SourceFileSystem). tests/e2e/sources.sh runs the same rules through the
// command, with the messages as officers see them.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "support/support.hpp"

using namespace agendapack;
namespace fs = std::filesystem;

namespace {

template <typename Action>
std::string error_of(Action&& action) {
    try {
        action();
    } catch (const InputError& e) {
        return e.what();
    }
    return "no error";
}

// A folder of its own under the system's temporary folder, removed after.
struct TempDir {
    fs::path path;
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "agendapack-sources-XXXXXX").string();
        path = ::mkdtemp(pattern.data());
    }
    ~TempDir() {
        std::error_code ec;
        fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(path, ec);
    }
    void write(const std::string& relative, const std::string& bytes) const {
        fs::create_directories((path / relative).parent_path());
        std::ofstream(path / relative, std::ios::binary) << bytes;
    }
};

}  // namespace

TEST_CASE("each kind of source has its size limit") {
    CHECK(file_kind("content/people.yaml").limit == 8'000'000);
    CHECK(file_kind("a/B.YML").limit == 8'000'000);
    CHECK(file_kind("x/report.md").limit == 8'000'000);
    CHECK(file_kind("data/t.csv").limit == 1'000'000);
    CHECK(file_kind("templates/html/page.mustache").limit == 1'000'000);
    CHECK(file_kind("m/chart.PNG").limit == 20'000'000);
    CHECK(file_kind("m/appendix.pdf").limit == 64'000'000);
    CHECK(megabytes(64'000'000) == "64 MB");
}

TEST_CASE("sources are read only inside their own folder, links followed") {
    TempDir dir;
    dir.write("content/council.yaml", "name: Testford\n");
    dir.write("data/sub/real.csv", "A\n1\n");
    dir.write("secret/passwords.csv", "A\nhunter2\n");
    fs::create_symlink("sub/real.csv", dir.path / "data" / "inside.csv");
    fs::create_symlink(dir.path / "secret" / "passwords.csv", dir.path / "data" / "outside.csv");
    fs::create_directories(dir.path / "data" / "folder");
    fs::create_directory_symlink(dir.path / "secret", dir.path / "data" / "folder" / "linked");
    fs::create_symlink(dir.path / "content" / "council.yaml", dir.path / "data" / "other-root.yaml");
    const std::string content = (dir.path / "content").string(), data = (dir.path / "data").string();
    SourceFileSystem sources({content, data});

    CHECK(sources.read(data + "/inside.csv") == std::optional<std::string>("A\n1\n"));
    CHECK(sources.read(data + "/none.csv") == std::nullopt);
    CHECK(sources.read(data + "/folder") == std::nullopt);  // a folder is no file
    CHECK(error_of([&] { sources.read(data + "/outside.csv"); }) ==
          data + "/outside.csv:1:1: '" + data + "/outside.csv' is a link to '" + (dir.path / "secret/passwords.csv").string() + "', outside " +
              data + "/: agendapack reads only what is inside " + data + "/ (copy the file in instead of linking to it)");
    CHECK(error_of([&] { sources.read(data + "/folder/linked/passwords.csv"); }).find("'" + data + "/folder/linked' is a link to '") !=
          std::string::npos);
    CHECK(error_of([&] { sources.list(data + "/folder/linked"); }).find("is a link to") != std::string::npos);
    CHECK(error_of([&] { sources.is_directory(data + "/folder/linked"); }).find("is a link to") != std::string::npos);
    CHECK(error_of([&] { sources.stamp(data + "/outside.csv"); }).find("is a link to") != std::string::npos);
    // Each root keeps to itself: data/ may not borrow from content/.
    CHECK(error_of([&] { sources.read(data + "/other-root.yaml"); }).find("outside " + data + "/") != std::string::npos);
    // A path in no root (a font the style names) is read as it is.
    CHECK(sources.read((dir.path / "secret/passwords.csv").string()).has_value());
    CHECK(sources.list(data) == std::vector<std::string>{"folder", "inside.csv", "other-root.yaml", "outside.csv", "sub"});
}

TEST_CASE("a source that cannot be read says so, and one over its limit is not read") {
    TempDir dir;
    dir.write("content/big.yaml", std::string(8'000'001, '#'));
    dir.write("content/locked.md", "text\n");
    const std::string content = (dir.path / "content").string();
    SourceFileSystem sources({content});
    CHECK(error_of([&] { sources.read(content + "/big.yaml"); }) ==
          content + "/big.yaml:1:1: the file is 8.1 MB, more than the 8 MB agendapack reads of a YAML file: make it smaller "
                    "(docs/FORMAT.md lists the limits)");

    fs::permissions(dir.path / "content/locked.md", fs::perms::none);
    if (::geteuid() == 0) {
        WARN("running as root, which reads any file: the permission check is left to tests/e2e/sources.sh");
    } else {
        CHECK(error_of([&] { sources.read(content + "/locked.md"); }) ==
              content + "/locked.md:1:1: this file cannot be read: permission denied (agendapack needs to read every source: check its permissions)");
    }
}
