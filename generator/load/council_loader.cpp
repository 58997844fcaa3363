// council.yaml and people.yaml: the wording and the people shared by every committee.
#include <algorithm>

#include <cmath>
#include <cstdio>

#include "loaders.hpp"
#include "../support/pictures.hpp"

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

model::VersionedBlock read_versions(const YamlText& source, const YamlNode& list, const std::string& key) {
    model::VersionedBlock block;
    block.key = key;
    block.where = source.at(list);
    require_sequence(source, list, key);
    if (list.size() == 0) source.fail(list, "block '" + key + "' needs at least one version");
    for (const YamlNode& item : list.items()) {
        Fields f(source, item, {"from", "heading", "text", "run_in", "list_style"}, "a version of block '" + key + "'");
        model::BlockVersion version = read_block_version(f);
        if (!block.versions.empty() && (!version.from || (block.versions.back().from && *version.from <= *block.versions.back().from)))
            source.fail(item, "versions of block '" + key + "' must be in date order, each later one with a 'from' date");
        block.versions.push_back(std::move(version));
    }
    return block;
}

std::vector<model::DatedText> read_dated_texts(const YamlText& source, const YamlNode& list, const std::string& key,
                                               const std::string& text_key) {
    std::vector<model::DatedText> out;
    require_sequence(source, list, key);
    for (const YamlNode& item : list.items()) {
        Fields f(source, item, {"from", text_key}, "an entry of '" + key + "'");
        model::DatedText entry{f.optional_date("from"), f.string(text_key)};
        if (!out.empty() && (!entry.from || (out.back().from && *entry.from <= *out.back().from)))
            source.fail(item, "entries of '" + key + "' must be in date order, each later one with a 'from' date");
        out.push_back(entry);
    }
    return out;
}

model::Person read_person(const YamlText& source, const YamlNode& node, const PeopleRegistry& people,
                          const std::string& what) {
    if (node.is_scalar()) {
        auto it = people.find(node.text());
        if (it == people.end()) {
            std::vector<std::string> keys;
            for (const auto& [k, _] : people) keys.push_back(k);
            source.fail(node, unknown_name("person", node.text(), keys) + "; people are listed in people.yaml");
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
    const auto tree = parse_yaml(source);
    YamlNode root = tree->root();
    if (!root.is_map()) source.fail(root, "people.yaml must map each person's key to their details");
    std::vector<std::string> keys;
    for (const YamlEntry& it : root.entries()) keys.push_back(it.key.text());
    Fields all(source, root, keys, "people.yaml");  // rejects repeated keys
    for (const YamlEntry& it : root.entries()) {
        const std::string key = it.key.text();
        if (key != slugify(key)) source.fail(it.key, "person key '" + key + "' must be lower-case words joined by '-', like '" + slugify(key) + "'");
        Fields f(source, it.value, {"name", "title", "tel", "email"}, "person '" + key + "'");
        people[key] = model::Person{key, f.string("name"), f.string_or("title", ""), f.string_or("tel", ""),
                                    f.string_or("email", "")};
    }
    return people;
}

namespace {

// WCAG's contrast ratio of a #rrggbb colour against white.
double contrast_on_white(const std::string& hex) {
    auto channel = [&](size_t at) {
        double c = std::stoi(hex.substr(at, 2), nullptr, 16) / 255.0;
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    const double l = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    return 1.05 / (l + 0.05);
}

void read_website(const FileSystem& fs, const YamlText& source, const YamlNode& node, const std::string& content_dir,
                  model::Council::Website& website) {
    Fields f(source, node, {"accent", "logo", "contact_email", "contact_phone", "known_limits"}, "website");
    if (f.has("accent")) {
        website.accent = f.string("accent");
        const bool hex = website.accent.size() == 7 && website.accent[0] == '#' &&
                         website.accent.find_first_not_of("0123456789abcdefABCDEF", 1) == std::string::npos;
        if (!hex) source.fail(f.node("accent"), "'accent' is a colour written #rrggbb, like \"#00567a\"");
        const double ratio = contrast_on_white(website.accent);
        if (ratio < 4.5) {
            char buffer[96];
            std::snprintf(buffer, sizeof buffer, "%.1f:1", ratio);
            source.fail(f.node("accent"), "'accent' " + website.accent + " is too light for text on white (contrast " + buffer +
                                              "; links need 4.5:1): choose a darker shade");
        }
    }
    if (f.has("logo")) {
        website.logo_file = f.string("logo");
        const std::string lower = to_lower(website.logo_file);
        const bool known = lower.size() > 4 && (lower.substr(lower.size() - 4) == ".png" || lower.substr(lower.size() - 4) == ".svg");
        if (!known || website.logo_file.find('/') != std::string::npos)
            source.fail(f.node("logo"), "'logo' is a .png or .svg file beside council.yaml, not '" + website.logo_file + "'");
        auto bytes = fs.read(join_path(content_dir, website.logo_file));
        if (!bytes) source.fail(f.node("logo"), "the logo '" + website.logo_file + "' is not beside council.yaml");
        const std::string problem = lower.substr(lower.size() - 4) == ".svg"
                                        ? pictures::svg_problem(*bytes)
                                        : pictures::check_png(*bytes).problem;
        if (!problem.empty()) source.fail(f.node("logo"), "the logo '" + website.logo_file + "' cannot be used: " + problem);
        website.logo_bytes = *bytes;
    }
    website.contact_email = f.string_or("contact_email", "");
    website.contact_phone = f.string_or("contact_phone", "");
    if (f.has("known_limits")) website.known_limits = f.strings("known_limits");
}

}  // namespace

model::Council load_council(const FileSystem& fs, const std::string& content_dir) {
    const std::string path = join_path(content_dir, "council.yaml");
    auto text = fs.read(path);
    if (!text) throw InputError({path, 0, 0}, "file not found: every site needs council.yaml");
    YamlText source{path, *text};
    const auto tree = parse_yaml(source);
    YamlNode root = tree->root();
    Fields f(source, root, {"name", "signatory", "blocks", "site_url", "website"}, "council.yaml");
    model::Council council;
    council.name = f.string("name");
    if (f.has("site_url")) {
        council.site_url = f.string("site_url");
        if (council.site_url.rfind("https://", 0) != 0 && council.site_url.rfind("http://", 0) != 0)
            source.fail(f.node("site_url"), "'site_url' is the web address the site is published at, starting https://");
        if (council.site_url.back() != '/') council.site_url += '/';
    }
    if (f.has("website")) read_website(fs, source, f.node("website"), content_dir, council.website);
    if (f.has("signatory")) council.signatory = read_dated_texts(source, f.node("signatory"), "signatory", "post");
    if (f.has("blocks")) {
        YamlNode blocks = f.node("blocks");
        if (!blocks.is_map()) source.fail(blocks, "'blocks' must map block names to their versions");
        std::vector<std::string> keys;
        for (const YamlEntry& it : blocks.entries()) keys.push_back(it.key.text());
        Fields unique(source, blocks, keys, "blocks");
        for (const YamlEntry& it : blocks.entries()) {
            const std::string key = it.key.text();
            council.blocks[key] = read_versions(source, it.value, key);
        }
    }
    council.people = load_people(fs, join_path(content_dir, "people.yaml"));
    return council;
}

}  // namespace agendapack::load
