// council.yaml and people.yaml: the wording and the people shared by every committee.
#include <algorithm>

#include "loaders.hpp"

namespace agendapack::load {

model::BlockVersion read_block_version(const Fields& f) {
    model::BlockVersion version;
    version.from = f.optional_date("from");
    version.heading = f.string_or("heading", "");
    version.text = f.markdown("text");
    version.run_in = f.boolean_or("run_in", false);
    version.list_style = f.string_or("list_style", "1.");
    static const std::vector<std::string> styles{"(i)", "i)", "1)", "1.", "a)", "(a)"};
    if (std::find(styles.begin(), styles.end(), version.list_style) == styles.end())
        f.source().fail(f.node("list_style"), "'list_style' must be one of \"(i)\", \"i)\", \"1)\", \"1.\", \"a)\" or \"(a)\", not '" +
                                                  version.list_style + "'");
    if (version.run_in && version.heading.empty()) f.source().fail(f.node("run_in"), "'run_in' needs a 'heading' to run in");
    return version;
}

model::VersionedBlock read_versions(const YamlText& source, const YAML::Node& list, const std::string& key) {
    model::VersionedBlock block;
    block.key = key;
    block.where = source.at(list);
    require_sequence(source, list, key);
    if (list.size() == 0) source.fail(list, "block '" + key + "' needs at least one version");
    for (const auto& item : list) {
        Fields f(source, item, {"from", "heading", "text", "run_in", "list_style"}, "a version of block '" + key + "'");
        model::BlockVersion version = read_block_version(f);
        if (!block.versions.empty() && (!version.from || (block.versions.back().from && *version.from <= *block.versions.back().from)))
            source.fail(item, "versions of block '" + key + "' must be in date order, each later one with a 'from' date");
        block.versions.push_back(std::move(version));
    }
    return block;
}

std::vector<model::DatedText> read_dated_texts(const YamlText& source, const YAML::Node& list, const std::string& key,
                                               const std::string& text_key) {
    std::vector<model::DatedText> out;
    require_sequence(source, list, key);
    for (const auto& item : list) {
        Fields f(source, item, {"from", text_key}, "an entry of '" + key + "'");
        model::DatedText entry{f.optional_date("from"), f.string(text_key)};
        if (!out.empty() && (!entry.from || (out.back().from && *entry.from <= *out.back().from)))
            source.fail(item, "entries of '" + key + "' must be in date order, each later one with a 'from' date");
        out.push_back(entry);
    }
    return out;
}

model::Person read_person(const YamlText& source, const YAML::Node& node, const PeopleRegistry& people,
                          const std::string& what) {
    if (node.IsScalar()) {
        auto it = people.find(node.Scalar());
        if (it == people.end()) {
            std::vector<std::string> keys;
            for (const auto& [k, _] : people) keys.push_back(k);
            source.fail(node, unknown_name("person", node.Scalar(), keys) + "; people are listed in people.yaml");
        }
        return it->second;
    }
    Fields f(source, node, {"person", "name", "title", "tel", "email"}, what);
    model::Person person;
    if (f.has("person")) person = read_person(source, f.node("person"), people, what);
    else if (!f.has("name")) source.fail(node, what + " needs 'person' (a key from people.yaml) or 'name'");
    person.name = f.string_or("name", person.name);
    person.title = f.string_or("title", person.title);
    person.tel = f.string_or("tel", person.tel);
    person.email = f.string_or("email", person.email);
    return person;
}

PeopleRegistry load_people(const FileSystem& fs, const std::string& path) {
    PeopleRegistry people;
    auto text = fs.read(path);
    if (!text) return people;
    YamlText source{path, *text};
    YAML::Node root = parse_yaml(source);
    if (!root.IsMap()) source.fail(root, "people.yaml must map each person's key to their details");
    std::vector<std::string> keys;
    for (auto it = root.begin(); it != root.end(); ++it) keys.push_back(it->first.Scalar());
    Fields all(source, root, keys, "people.yaml");  // rejects repeated keys
    for (auto it = root.begin(); it != root.end(); ++it) {
        const std::string key = it->first.Scalar();
        if (key != slugify(key)) source.fail(it->first, "person key '" + key + "' must be lower-case words joined by '-', like '" + slugify(key) + "'");
        Fields f(source, it->second, {"name", "title", "tel", "email"}, "person '" + key + "'");
        people[key] = model::Person{key, f.string("name"), f.string_or("title", ""), f.string_or("tel", ""),
                                    f.string_or("email", "")};
    }
    return people;
}

model::Council load_council(const FileSystem& fs, const std::string& content_dir) {
    const std::string path = join_path(content_dir, "council.yaml");
    auto text = fs.read(path);
    if (!text) throw InputError({path, 0, 0}, "file not found: every site needs council.yaml");
    YamlText source{path, *text};
    YAML::Node root = parse_yaml(source);
    Fields f(source, root, {"name", "signatory", "blocks", "site_url"}, "council.yaml");
    model::Council council;
    council.name = f.string("name");
    if (f.has("site_url")) {
        council.site_url = f.string("site_url");
        if (council.site_url.rfind("https://", 0) != 0 && council.site_url.rfind("http://", 0) != 0)
            source.fail(f.node("site_url"), "'site_url' is the web address the site is published at, starting https://");
        if (council.site_url.back() != '/') council.site_url += '/';
    }
    if (f.has("signatory")) council.signatory = read_dated_texts(source, f.node("signatory"), "signatory", "post");
    if (f.has("blocks")) {
        YAML::Node blocks = f.node("blocks");
        if (!blocks.IsMap()) source.fail(blocks, "'blocks' must map block names to their versions");
        std::vector<std::string> keys;
        for (auto it = blocks.begin(); it != blocks.end(); ++it) keys.push_back(it->first.Scalar());
        Fields unique(source, blocks, keys, "blocks");
        for (auto it = blocks.begin(); it != blocks.end(); ++it) {
            const std::string key = it->first.Scalar();
            council.blocks[key] = read_versions(source, it->second, key);
        }
    }
    council.people = load_people(fs, join_path(content_dir, "people.yaml"));
    return council;
}

}  // namespace agendapack::load
