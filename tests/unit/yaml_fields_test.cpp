#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "load/yaml_fields.hpp"

using namespace agendapack;
using namespace agendapack::load;

namespace {

std::string error_of(const std::function<void()>& action) {
    try {
        action();
    } catch (const InputError& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("known keys read with their types") {
    YamlText source{"m.yaml", "date: 2024-09-26\ntime: \"17:30\"\nnote_time: true\nfirst: 8\nlist: [a, b]\n"};
    const auto tree = parse_yaml(source);
    YamlNode root = tree->root();
    Fields f(source, root, {"date", "time", "note_time", "first", "list", "venue"}, "m.yaml");
    CHECK(f.date("date") == Date{2024, 9, 26});
    CHECK(f.string("time") == "17:30");
    CHECK(f.boolean_or("note_time", false));
    CHECK(f.integer_or("first", 1) == 8);
    CHECK(f.strings("list") == std::vector<std::string>{"a", "b"});
    CHECK(f.string_or("venue", "none") == "none");
}

TEST_CASE("yaml-cpp accepts duplicate keys; Fields does not") {
    YamlText source{"m.yaml", "time: \"17:30\"\nvenue: Room 1\ntime: \"18:00\"\n"};
    const auto tree = parse_yaml(source);
    YamlNode root = tree->root();
    CHECK(error_of([&] { Fields(source, root, {"time", "venue"}, "m.yaml"); }) ==
          "m.yaml:3:1: duplicate key 'time' in m.yaml");
}

TEST_CASE("front matter lines are offset to the file's own lines") {
    YamlText source{"r.md", "document: report\nreport_of: [x\n", 2};
    CHECK(error_of([&] { parse_yaml(source); }) ==
          "r.md:3:12: YAML syntax error: a list opened with '[' is never closed with ']'");
}

TEST_CASE("a bracket never closed is reported at the bracket, not where the text ran out") {
    CHECK(error_of([&] { parse_yaml({"m.yaml", "a: [x, [y, z]\nb: 1\nc: 2\n"}); }) ==
          "m.yaml:1:4: YAML syntax error: a list opened with '[' is never closed with ']'");
    CHECK(error_of([&] { parse_yaml({"m.yaml", "a: 1\nb: {x: 1, y: [2]\nc: 3\n"}); }) ==
          "m.yaml:2:4: YAML syntax error: a mapping opened with '{' is never closed with '}'");
}

TEST_CASE("nesting too deep for yaml-cpp is named, at the innermost level") {
    const std::string deep = "a:\n  b: " + std::string(600, '[') + std::string(600, ']') + "\n";
    const std::string error = error_of([&] { parse_yaml({"m.yaml", deep}); });
    CHECK(error.find("m.yaml:2:") == 0);
    CHECK(error.find("YAML syntax error: lists and mappings are nested ") != std::string::npos);
    CHECK(error.find("bad file") == std::string::npos);
}

TEST_CASE("wrong types are named in plain words") {
    YamlText source{"m.yaml", "date: 26 Sept\nmembers: Councillor Able\nvenue: [a]\n"};
    const auto tree = parse_yaml(source);
    YamlNode root = tree->root();
    Fields f(source, root, {"date", "members", "venue"}, "m.yaml");
    CHECK(error_of([&] { f.date("date"); }) == "m.yaml:1:7: 'date' must be a date written YYYY-MM-DD, not '26 Sept'");
    CHECK(error_of([&] { f.strings("members"); }) == "m.yaml:2:10: 'members' must be a list, not 'Councillor Able'");
    CHECK(error_of([&] { f.string("venue"); }) == "m.yaml:3:8: 'venue' must be text, not a list");
    CHECK(error_of([&] { f.string("missing"); }) == "m.yaml:1:1: m.yaml is missing the required key 'missing'");
}

TEST_CASE("a block scalar's Markdown starts on the line after its indicator") {
    YamlText source{"c.yaml", "text: |\n  First line.\n"};
    const auto tree = parse_yaml(source);
    YamlNode root = tree->root();
    Fields f(source, root, {"text"}, "c.yaml");
    model::Markdown md = f.markdown("text");
    CHECK(md.text == "First line.\n");
    CHECK(md.origin.line == 2);
}

namespace {

// people.yaml with the fixture's two people and `extra` more, as officers write them.
std::string many_people(int extra) {
    std::string text =
        "ann-officer:\n  name: Ann Officer\n  title: Democratic Support Officer\n"
        "dan-director:\n  name: Dan Director\n  title: Executive Director – Children\n";
    for (int i = 0; i < extra; ++i) {
        const std::string n = std::to_string(i);
        text += "person-" + n + ":\n  name: Person " + n + "\n  title: Officer " + n + "\n  tel: 01234 " + n + "\n  email: p" + n +
                "@example.gov.uk\n";
    }
    return text;
}

}  // namespace

// Correctness only: how long it takes is bench/people_bench.py's business
// (it was quadratic: each key was looked for in the list of every key).
TEST_CASE("52000 people load each under their own key and a repeated key is still found") {
    Fixture fixture({{"content/people.yaml", many_people(52000)}});
    const auto& people = fixture.site.council.people;
    REQUIRE(people.size() == 52002);
    CHECK(people.at("person-51999").email == "p51999@example.gov.uk");
    CHECK(people.at("ann-officer").name == "Ann Officer");

    YamlText source{"people.yaml", many_people(52000) + "person-7:\n  name: Again\n"};
    const auto tree = parse_yaml(source);
    YamlNode root = tree->root();
    std::vector<std::string> keys;
    for (const YamlEntry& it : root.entries()) keys.push_back(it.key.text());
    CHECK(error_of([&] { Fields(source, root, keys, "people.yaml"); }) == "people.yaml:260007:1: duplicate key 'person-7' in people.yaml");
}

TEST_CASE("YAML that is not UTF-8 is refused before it is parsed") {
    CHECK(error_of([] { parse_yaml({"m.yaml", "date: 2024-09-26\nvenue: Caf\xE9 Room\n"}); }) ==
          "m.yaml:2:11: the file is not UTF-8 text (bad byte sequence)");
}
