// Glossaries: one YAML list of terms in data/, shared by many meetings.
#include "loaders.hpp"

namespace agendapack::load {

model::GlossaryEntry read_glossary_entry(const YamlText& source, const YamlNode& node) {
    Fields f(source, node, {"term", "abbreviations", "aliases", "kind", "definition", "added", "retired", "subterms"}, "a glossary entry");
    model::GlossaryEntry entry;
    entry.where = f.where();
    entry.term = f.string("term");
    entry.abbreviations = f.strings("abbreviations");
    entry.aliases = f.strings("aliases");
    std::string kind = f.string_or("kind", "term");
    if (kind != "term" && kind != "acronym") source.fail(f.node("kind"), "'kind' must be term or acronym, not '" + kind + "'");
    entry.acronym_only = kind == "acronym";
    entry.definition = f.markdown("definition");
    if (f.has("added")) entry.added = f.optional_date("added");
    if (f.has("retired")) entry.retired = f.optional_date("retired");
    if (entry.added && entry.retired && *entry.retired <= *entry.added)
        source.fail(f.node("retired"), "'retired' must come after 'added'");
    if (!entry.acronym_only && trim(entry.definition.text).empty())
        source.fail(node, "the term '" + entry.term + "' needs a 'definition' (or 'kind: acronym' for an expansion alone)");
    if (entry.acronym_only && entry.abbreviations.empty())
        source.fail(node, "the acronym entry '" + entry.term + "' needs its 'abbreviations'");
    return entry;
}

model::Glossary load_glossary(const FileSystem& fs, const std::string& data_dir, const std::string& relative,
                              const SourceLocation& referenced_from) {
    if (relative.find("..") != std::string::npos || relative.empty() || relative[0] == '/')
        throw InputError(referenced_from, "'" + relative + "' must be a path inside data/");
    const std::string path = join_path(data_dir, relative);
    auto text = fs.read(path);
    if (!text) throw InputError(referenced_from, "glossary '" + path + "' does not exist");
    YamlText source{path, *text};
    const auto tree = parse_yaml(source);
    YamlNode root = tree->root();
    Fields f(source, root, {"title", "terms", "sources"}, "a glossary");
    model::Glossary glossary;
    glossary.file = relative;
    glossary.title = f.string_or("title", "Glossary");
    YamlNode terms = f.require("terms");
    require_sequence(source, terms, "terms");
    std::map<std::string, std::string> seen;  // every name once, so a lookup is never ambiguous
    auto add = [&](const YamlNode& node, model::GlossaryEntry entry) {
        std::vector<std::string> names{entry.term};
        names.insert(names.end(), entry.abbreviations.begin(), entry.abbreviations.end());
        for (const auto& name : names) {
            auto [it, fresh] = seen.emplace(name, entry.term);
            if (!fresh) source.fail(node, "'" + name + "' is already in the glossary (under '" + it->second + "')");
        }
        glossary.entries.push_back(std::move(entry));
    };
    for (const YamlNode& node : terms.items()) {
        model::GlossaryEntry entry = read_glossary_entry(source, node);
        const std::string parent = entry.term;
        add(node, std::move(entry));
        // Sub-terms print under their term; otherwise they are terms like any other.
        if (const YamlNode subterms = node["subterms"]) {
            require_sequence(source, subterms, "subterms");
            for (const YamlNode& sub : subterms.items()) {
                if (sub.is_map() && sub["subterms"]) source.fail(sub["subterms"], "a sub-term cannot have sub-terms of its own");
                model::GlossaryEntry child = read_glossary_entry(source, sub);
                child.parent = parent;
                add(sub, std::move(child));
            }
        }
    }
    if (f.has("sources")) {
        YamlNode list = f.node("sources");
        require_sequence(source, list, "sources");
        for (const YamlNode& node : list.items()) {
            Fields s(source, node, {"title", "url"}, "a glossary source");
            glossary.sources.push_back({s.string("title"), s.string_or("url", "")});
            if (std::string problem = url_problem(glossary.sources.back().url); !problem.empty()) source.fail(s.node("url"), problem);
        }
    }
    return glossary;
}

}  // namespace agendapack::load
