#include <catch2/catch.hpp>

#include <yaml-cpp/exceptions.h>

#include "load/yaml_tree.hpp"

using namespace agendapack::load;

namespace {

std::vector<std::string> texts(YamlNode list) {
    std::vector<std::string> out;
    for (const YamlNode& item : list.items()) out.push_back(item.text());
    return out;
}

}  // namespace

TEST_CASE("a mapping's entries, lists and scalars, in written order, with their places") {
    const auto tree = YamlTree::parse("title: Budget\nitems:\n  - one\n  - 'two'\nempty:\nnested: {a: 1, b: [x, y]}\n");
    const YamlNode root = tree->root();
    REQUIRE(root.is_map());
    CHECK(root.size() == 4);
    std::vector<std::string> keys;
    for (const YamlEntry& entry : root.entries()) keys.push_back(entry.key.text());
    CHECK(keys == std::vector<std::string>{"title", "items", "empty", "nested"});
    CHECK(root["title"].text() == "Budget");
    CHECK(root["title"].mark().line == 0);
    CHECK(root["title"].mark().column == 7);
    CHECK(texts(root["items"]) == std::vector<std::string>{"one", "two"});
    CHECK(root["items"].item(1).mark().line == 3);
    CHECK_FALSE(root["items"].item(2));
    CHECK(root["empty"]);
    CHECK(root["empty"].is_null());
    CHECK(root["empty"].text().empty());
    CHECK(texts(root["nested"]["b"]) == std::vector<std::string>{"x", "y"});
    CHECK(root["nested"]["a"].text() == "1");
}

TEST_CASE("absent keys give absent nodes, which answer every question with no") {
    const auto tree = YamlTree::parse("a: [1]\n");
    const YamlNode missing = tree->root()["b"];
    CHECK_FALSE(missing);
    CHECK_FALSE(missing.is_map());
    CHECK_FALSE(missing.is_scalar());
    CHECK(missing.size() == 0);
    CHECK_FALSE(missing["c"]);
    CHECK_FALSE(tree->root()["a"]["c"]);  // a list has no keys
    CHECK(missing.mark().line == -1);
}

TEST_CASE("duplicate keys are all kept, for the reader to refuse; lookup finds the first") {
    const auto tree = YamlTree::parse("time: '17:30'\ntime: '18:00'\n");
    CHECK(tree->root().size() == 2);
    CHECK(tree->root()["time"].text() == "17:30");
}

TEST_CASE("an alias is its anchor's node") {
    const auto tree = YamlTree::parse("base: &b {room: Committee Room 1}\ncopy: *b\n");
    CHECK(tree->root()["copy"]["room"].text() == "Committee Room 1");
}

TEST_CASE("an empty text, or a document of nothing, is an empty mapping") {
    for (const char* text : {"", "# only a comment\n", "~\n"}) {
        const auto tree = YamlTree::parse(text);
        CHECK(tree->root().is_map());
        CHECK(tree->root().size() == 0);
    }
    CHECK(YamlNode::empty_map().is_map());
}

TEST_CASE("text yaml-cpp cannot read throws its exception") {
    CHECK_THROWS_AS(YamlTree::parse("a: [1, 2\n"), YAML::ParserException);
}
