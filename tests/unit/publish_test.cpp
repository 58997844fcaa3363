#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "publish/publish.hpp"

using namespace agendapack;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("publishing swaps in the new site and leaves other files alone") {
    fs::path out = fs::temp_directory_path() / "agendapack-publish-test";
    fs::remove_all(out);
    fs::create_directories(out);
    std::ofstream(out / "README.md") << "kept";

    publish::publish(out.string(), {{"index.html", "one"}, {"meetings/a/index.html", "A"}, {"meetings/b/index.html", "B"}}, true);
    CHECK(slurp(out / "index.html") == "one");
    CHECK(slurp(out / "meetings/b/index.html") == "B");

    // A later full build without meeting b removes it; README survives.
    publish::publish(out.string(), {{"index.html", "two"}, {"meetings/a/index.html", "A2"}}, true);
    CHECK(slurp(out / "index.html") == "two");
    CHECK(slurp(out / "meetings/a/index.html") == "A2");
    CHECK_FALSE(fs::exists(out / "meetings/b"));
    CHECK(slurp(out / "README.md") == "kept");

    // A partial build (--meeting) replaces only what it names.
    publish::publish(out.string(), {{"meetings/c/index.html", "C"}}, false);
    CHECK(fs::exists(out / "meetings/a/index.html"));
    CHECK(slurp(out / "meetings/c/index.html") == "C");
    CHECK_FALSE(fs::exists(out / ".agendapack-staging"));
    CHECK_FALSE(fs::exists(out / ".agendapack-retired"));
    fs::remove_all(out);
}
