// How sources are read from disk (SourceFileSystem) and what a text file may
// hold (check_text). tests/e2e/sources.sh runs the same rules through the
// command, with the messages as officers see them.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "support/support.hpp"

using namespace agendapack;
using namespace std::string_literals;
namespace fs = std::filesystem;

namespace {

std::string text_error(std::string_view text) {
    try {
        check_text("t.md", text);
    } catch (const InputError& e) {
        return e.what();
    }
    return "no error";
}

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

TEST_CASE("text files are UTF-8 with no control characters but tab and line breaks") {
    CHECK(text_error("plain\ttabbed\r\nlines, café, 2024–25 ✓ \xF0\x9F\x98\x80\n") == "no error");
    CHECK(text_error("\xEF\xBB\xBF" "BOM first\n") == "no error");
    CHECK(text_error("a\nbc\x00" "d\n"s) ==
          "t.md:2:3: a control character (U+0000, NUL) is here: a text file holds only characters, tabs and line breaks, "
          "so delete it (most editors do not show it)");
    CHECK(text_error("\x0c").find("t.md:1:1: a control character (U+000C, form feed)") == 0);
    CHECK(text_error("x\x7f").find("t.md:1:2: a control character (U+007F, delete)") == 0);
    CHECK(text_error("x\x01").find("t.md:1:2: a control character (U+0001) is here") == 0);
    // Columns count characters, not bytes; a byte-order mark is no column.
    CHECK(text_error("\xEF\xBB\xBF" "café \xE9") == "t.md:1:6: the file is not UTF-8 text (the byte 0xE9 here is no UTF-8 character): save it as UTF-8");
    CHECK(text_error("\xC3").find("t.md:1:1: the file is not UTF-8 text (the byte 0xC3 here") == 0);           // cut short
    CHECK(text_error("\x80").find("t.md:1:1: the file is not UTF-8 text (the byte 0x80 here") == 0);           // no lead byte
    CHECK(text_error("\xC0\xAF").find("t.md:1:1: the file is not UTF-8 text (the byte 0xC0 here") == 0);       // overlong
    CHECK(text_error("\xED\xA0\x80").find("t.md:1:1: the file is not UTF-8 text (the byte 0xED here") == 0);   // a surrogate
    CHECK(text_error("\xF4\x90\x80\x80").find("t.md:1:1: the file is not UTF-8 text (the byte 0xF4 here") == 0);  // past U+10FFFF
}

TEST_CASE("an error's source line shows bad bytes and control characters as visible signs") {
    CHECK(source_excerpt("venue: \x00Room\n"s, 1, 8) == "venue: \xE2\x90\x80Room\n       ^");  // ␀
    CHECK(source_excerpt("caf\xE9 au lait\n", 1, 4) == "caf\xEF\xBF\xBD au lait\n   ^");      // �
}

TEST_CASE("each kind of source has its size limit") {
    CHECK(file_kind("content/people.yaml").limit == 8'000'000);
    CHECK(file_kind("a/B.YML").text);
    CHECK(file_kind("x/report.md").limit == 8'000'000);
    CHECK(file_kind("data/t.csv").text);
    CHECK(file_kind("data/t.csv").limit == 1'000'000);
    CHECK(file_kind("templates/html/page.mustache").limit == 1'000'000);
    CHECK(file_kind("m/chart.PNG").limit == 20'000'000);
    CHECK(!file_kind("m/chart.png").text);
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
    dir.write("content/bad.md", "caf\xE9\n");
    dir.write("content/locked.md", "text\n");
    const std::string content = (dir.path / "content").string();
    SourceFileSystem sources({content});
    CHECK(error_of([&] { sources.read(content + "/big.yaml"); }) ==
          content + "/big.yaml:1:1: the file is 8.1 MB, more than the 8 MB agendapack reads of a YAML file: make it smaller "
                    "(docs/FORMAT.md lists the limits)");
    CHECK(error_of([&] { sources.read(content + "/bad.md"); }).find(content + "/bad.md:1:4: the file is not UTF-8 text") == 0);
    CHECK(sources.read_unchecked(content + "/bad.md") == std::optional<std::string>("caf\xE9\n"));  // to quote the line

    fs::permissions(dir.path / "content/locked.md", fs::perms::none);
    if (::geteuid() == 0) {
        WARN("running as root, which reads any file: the permission check is left to tests/e2e/sources.sh");
    } else {
        CHECK(error_of([&] { sources.read(content + "/locked.md"); }) ==
              content + "/locked.md:1:1: this file cannot be read: permission denied (agendapack needs to read every source: check its permissions)");
    }
}
