// Glossaries: the ```glossary appendix in its three printed styles, the
// glossary a document uses, and the marking of abbreviations where a report
// uses them.
#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>

#include "fences.hpp"

namespace agendapack::compose {

namespace {

using doc::Block;

std::string term_anchor(const model::GlossaryEntry& entry) { return "term-" + slugify(entry.term); }

std::string with_abbreviations(const model::GlossaryEntry& entry, const std::string& separator) {
    std::string out = entry.term;
    for (const auto& a : entry.abbreviations) out += separator + a;
    return out;
}

using Entries = std::vector<const model::GlossaryEntry*>;

Entries all_of(const model::Glossary& glossary) {
    Entries out;
    for (const auto& e : glossary.entries) out.push_back(&e);
    return out;
}

Entries ordered(Entries out, bool alphabetical) {
    if (alphabetical)
        std::stable_sort(out.begin(), out.end(), [](auto* a, auto* b) { return to_lower(a->term) < to_lower(b->term); });
    return out;
}

// "#anchor" targets are completed with the document's id once it is known.
doc::Inline local_link(const std::string& anchor, doc::Inlines text) { return doc::internal_link("#" + anchor, std::move(text)); }

Block section_heading(int level, const std::string& text, const std::string& id) { return doc::heading(level, {doc::text(text)}, id); }

doc::Blocks definition(const Context& context, const model::GlossaryEntry& entry) {
    if (entry.acronym_only && trim(entry.definition.text).empty()) return {doc::paragraph({doc::text("Stands for " + entry.term + ".")})};
    return content_blocks(context, entry.definition);
}

doc::Blocks contents_style(const Context& context, const model::Glossary& glossary, const Entries& chosen, bool alphabetical) {
    doc::Blocks out;
    auto entries = ordered(chosen, alphabetical);
    Block contents;
    contents.kind = Block::Kind::Table;
    contents.role = "glossary-contents";
    contents.header_rows = 1;
    contents.rows.push_back({{doc::text_cell("Term", true, "col"), doc::text_cell("Page", true, "col")}});
    auto contents_row = [&](const std::string& label, const std::string& anchor) {
        contents.rows.push_back({{doc::cell({doc::paragraph({local_link(anchor, {doc::text(label)})})}),
                                  doc::cell({doc::paragraph({doc::page_ref("#" + anchor, ".")})})}});
    };
    for (const auto* e : entries)
        if (!e->acronym_only && e->parent.empty()) {
            contents_row(with_abbreviations(*e, " / "), term_anchor(*e));
            for (const auto* sub : entries)
                if (sub->parent == e->term && !sub->acronym_only) contents_row("– " + with_abbreviations(*sub, " / "), term_anchor(*sub));
        }
    contents_row("Acronyms", "acronyms");
    if (!glossary.sources.empty()) contents_row("Sources", "sources");
    out.push_back(std::move(contents));

    out.push_back(section_heading(2, "Acronyms", "acronyms"));
    Block acronyms;
    acronyms.kind = Block::Kind::Table;
    acronyms.role = "glossary-acronyms";
    acronyms.header_rows = 1;
    acronyms.rows.push_back({{doc::text_cell("Acronym", true, "col"), doc::text_cell("Meaning", true, "col")}});
    for (const auto* e : entries)
        for (const auto& a : e->abbreviations) {
            doc::Inlines meaning{doc::text(e->term)};
            if (!e->acronym_only) meaning = {local_link(term_anchor(*e), meaning)};
            acronyms.rows.push_back({{doc::text_cell(a, true, "row"), doc::cell({doc::paragraph(meaning)})}});
        }
    out.push_back(std::move(acronyms));

    auto section = [&](const model::GlossaryEntry* e, int level) {
        std::string title = e->term;
        if (!e->abbreviations.empty()) title += " (" + e->abbreviations.front() + ")";
        out.push_back(section_heading(level, title, term_anchor(*e)));
        for (auto& b : definition(context, *e)) out.push_back(std::move(b));
    };
    for (const auto* e : entries) {
        if (e->acronym_only || !e->parent.empty()) continue;
        section(e, 2);
        for (const auto* sub : entries)  // its sub-terms, under it
            if (sub->parent == e->term && !sub->acronym_only) section(sub, 3);
    }
    // Sub-terms whose term is not printed (left out of a chosen list) stand on their own.
    for (const auto* e : entries)
        if (!e->parent.empty() && !e->acronym_only &&
            std::none_of(entries.begin(), entries.end(), [&](const auto* p) { return p->term == e->parent; }))
            section(e, 2);
    return out;
}

doc::Blocks alphabetical_style(const Context& context, const Entries& chosen) {
    doc::Blocks out;
    char letter = 0;
    const Entries sorted = ordered(chosen, true);
    auto has_parent = [&](const model::GlossaryEntry* e) {
        return !e->parent.empty() && std::any_of(sorted.begin(), sorted.end(), [&](const auto* p) { return p->term == e->parent; });
    };
    for (const auto* e : sorted) {
        if (has_parent(e)) continue;  // printed under its term
        char first = static_cast<char>(std::toupper(static_cast<unsigned char>(e->term[0])));
        if (first != letter) {
            letter = first;
            out.push_back(section_heading(2, std::string(1, letter), "letter-" + std::string(1, static_cast<char>(std::tolower(letter)))));
        }
        out.push_back(section_heading(3, with_abbreviations(*e, " / "), term_anchor(*e)));
        for (auto& b : definition(context, *e)) out.push_back(std::move(b));
        for (const auto* sub : sorted)
            if (sub->parent == e->term) {
                out.push_back(section_heading(4, with_abbreviations(*sub, " / "), term_anchor(*sub)));
                for (auto& b : definition(context, *sub)) out.push_back(std::move(b));
            }
    }
    return out;
}

doc::Blocks sources(const model::Glossary& glossary) {
    if (glossary.sources.empty()) return {};
    doc::Blocks items;
    for (const auto& s : glossary.sources) {
        doc::Inlines text{doc::text(s.title)};
        if (!s.url.empty()) text = {doc::text(s.title + ": "), doc::link(s.url, {doc::text(s.url)})};
        items.push_back(doc::list_item("", {doc::paragraph(text)}));
    }
    return {section_heading(2, "Sources", "sources"), doc::list(false, std::move(items))};
}

}  // namespace

const model::Glossary* glossary_for(const Context& context, const compute::MeetingPlan& plan, const model::Document& document) {
    const std::string& path = !document.cover.glossary.empty() ? document.cover.glossary : plan.committee->glossary;
    auto it = context.site.glossaries.find(path);
    return it == context.site.glossaries.end() ? nullptr : &it->second;
}

doc::Blocks glossary_from_fence(const Context& context, const FenceOptions& options) {
    if (!context.glossary && !options.has("data"))
        throw InputError(options.where(), "no glossary to print: name one with 'data: glossaries/….yaml' or set 'glossary' in committee.yaml");
    const model::Glossary* glossary = context.glossary;
    if (options.has("data")) glossary = &context.data->glossary(options.get("data"), options.at("data"));
    const std::string style = options.get_or("style", "contents");
    const std::string order = options.get_or("order", style == "alphabetical" ? "alphabetical" : "authored");
    if (order != "authored" && order != "alphabetical") throw InputError(options.at("order"), "'order' must be authored or alphabetical, not '" + order + "'");
    // Which terms: those in force on the meeting's date, and of them all (the
    // default), the ones the pack's documents use, or those the block names.
    Entries chosen;
    for (const auto& e : glossary->entries)
        if (!context.meeting || e.in_force(context.meeting->meeting->date)) chosen.push_back(&e);
    const std::string terms = options.get_or("terms", "all");
    if (terms == "used") {
        if (!context.terms_used) {  // composed again once the other documents are
            Block pending;
            pending.pending = Block::Pending::GlossaryOfUsedTerms;
            return {pending};
        }
        std::erase_if(chosen, [&](const auto* e) { return !context.terms_used->count(term_anchor(*e)); });
    } else if (terms != "all") {
        Entries named;
        for (const auto& name : options.list("terms")) {
            auto it = std::find_if(chosen.begin(), chosen.end(), [&](const auto* e) {
                return e->term == name || std::find(e->abbreviations.begin(), e->abbreviations.end(), name) != e->abbreviations.end() ||
                       std::find(e->aliases.begin(), e->aliases.end(), name) != e->aliases.end();
            });
            if (it == chosen.end()) {
                std::vector<std::string> known;
                for (const auto* e : chosen) known.push_back(e->term);
                throw InputError(options.at("terms"), unknown_name("term", name, known) +
                                                          " in 'terms' (write all, used, or terms of the glossary in force on the meeting's date, separated by |)");
            }
            if (std::find(named.begin(), named.end(), *it) == named.end()) named.push_back(*it);
        }
        // In the glossary's own order, whatever order the list gives.
        chosen.erase(std::remove_if(chosen.begin(), chosen.end(), [&](const auto* e) { return std::find(named.begin(), named.end(), e) == named.end(); }),
                     chosen.end());
    }
    doc::Blocks out;
    if (style == "contents") out = contents_style(context, *glossary, chosen, order == "alphabetical");
    else if (style == "alphabetical") out = alphabetical_style(context, chosen);
    else if (style == "key") {
        // Filled once the document's text is known: the abbreviations it uses.
        Block key;
        key.kind = Block::Kind::Table;
        key.pending = Block::Pending::GlossaryKey;
        key.header_rows = 1;
        key.caption = {doc::text(options.get_or("title", "Key to abbreviations"))};
        key.rows.push_back({{doc::text_cell("Abbreviation", true, "col"), doc::text_cell("Meaning", true, "col")}});
        return {key};
    } else {
        throw InputError(options.at("style"), unknown_name("glossary style", style, {"contents", "alphabetical", "key"}));
    }
    for (auto& b : sources(*glossary)) out.push_back(std::move(b));
    return out;
}

}  // namespace agendapack::compose

namespace agendapack::compose {

namespace {

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '&'; }

struct Name {
    std::string text;  // as it must appear
    std::string lower; // for names matched without regard to case
    const model::GlossaryEntry* entry;
    bool abbreviation;
    bool local;
};


class Marker {
public:
    Marker(const model::Glossary& glossary, const std::vector<model::GlossaryEntry>& local, doc::Document& document,
           std::vector<GlossaryUse>& uses, std::optional<Date> on)
        : glossary_(glossary), document_(document), uses_(uses), on_(on) {
        auto add = [&](const model::GlossaryEntry& e, bool is_local) {
            for (const auto& a : e.abbreviations) names_.push_back({a, a, &e, true, is_local});
            if (!e.acronym_only) {
                names_.push_back({e.term, to_lower(e.term), &e, false, is_local});
                for (const auto& a : e.aliases) names_.push_back({a, to_lower(a), &e, false, is_local});
            }
        };
        for (const auto& e : local) add(e, true);
        for (const auto& e : glossary.entries)
            if (!on_ || e.in_force(*on_)) add(e, false);
        // Longer names first: "Child Protection Plan" before "CP".
        std::stable_sort(names_.begin(), names_.end(), [](const Name& a, const Name& b) { return a.text.size() > b.text.size(); });
        // A name can only stand where a word starts that is its first word:
        // texts are searched word by word, among that word's names alone.
        for (const Name& name : names_) {
            size_t end = 0;
            while (end < name.text.size() && word_char(name.text[end])) ++end;
            if (end == 0) unindexed_.push_back(&name);
            else by_first_word_[to_lower(std::string_view(name.text).substr(0, end))].push_back(&name);
        }
    }

    void blocks(doc::Blocks& list) {
        for (auto& b : list) {
            switch (b.kind) {
                case doc::Block::Kind::Paragraph:
                    if (b.role.empty() || b.role == doc::role::kResolvedLead) inlines(b.inlines);
                    break;
                case doc::Block::Kind::List:
                case doc::Block::Kind::ListItem:
                case doc::Block::Kind::Numbered:
                case doc::Block::Kind::Quote:
                case doc::Block::Kind::Section: blocks(b.children); break;
                default: break;  // headings, tables, code and pictures are left as written
            }
        }
    }

    const std::vector<const Name*>& abbreviations_used() const { return used_abbreviations_; }

private:
    // Where `needle` first stands as a whole word in `haystack` (the text as
    // written, or lowered once per text for names that ignore case).
    static size_t find_word(const std::string& text, const std::string& haystack, const std::string& needle) {
        for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) {
            bool before = at == 0 || !word_char(text[at - 1]);
            bool after = at + needle.size() >= text.size() || !word_char(text[at + needle.size()]);
            if (before && after) return at;
        }
        return std::string::npos;
    }

    void inlines(doc::Inlines& list) {
        for (size_t i = 0; i < list.size(); ++i) {
            doc::Inline& node = list[i];
            if (node.kind == doc::Inline::Kind::Emphasis || node.kind == doc::Inline::Kind::Strong) {
                inlines(node.children);
                continue;
            }
            if (node.kind != doc::Inline::Kind::Text) continue;  // links, code and the rest stay as they are
            // The earliest unmarked name in this text (the longest, where
            // several start at the same word).
            size_t best_at = std::string::npos;
            const Name* best = nullptr;
            const std::string lowered = to_lower(node.text);
            const std::string& text = node.text;
            for (size_t at = 0; at < text.size() && !best;) {
                if (!word_char(text[at])) {
                    ++at;
                    continue;
                }
                size_t end = at;
                while (end < text.size() && word_char(text[end])) ++end;
                if (auto found = by_first_word_.find(lowered.substr(at, end - at)); found != by_first_word_.end())
                    for (const Name* name : found->second) {
                        if (marked_.count(name->entry)) continue;
                        const std::string& needle = name->abbreviation ? name->text : name->lower;
                        const std::string& haystack = name->abbreviation ? text : lowered;
                        const size_t after = at + needle.size();
                        if (haystack.compare(at, needle.size(), needle) == 0 && (after >= text.size() || !word_char(text[after]))) {
                            best_at = at, best = name;
                            break;
                        }
                    }
                at = end;
            }
            // Names that start with a mark rather than a letter (rare) are looked for whole.
            for (const Name* name : unindexed_) {
                if (marked_.count(name->entry)) continue;
                size_t at = name->abbreviation ? find_word(text, text, name->text) : find_word(text, lowered, name->lower);
                if (at < best_at) best_at = at, best = name;
            }
            if (!best) continue;
            marked_.insert(best->entry);
            if (best->abbreviation) used_abbreviations_.push_back(best);
            doc::Inline term;
            term.kind = doc::Inline::Kind::Term;
            term.text = node.text.substr(best_at, best->text.size());
            if (best->abbreviation) term.url = best->entry->term;
            if (!best->local) {
                std::string anchor = "term-" + slugify(best->entry->term);
                term.target = "glossary:" + page_name(glossary_.file) + "#" + anchor;
                uses_.push_back({glossary_.file, anchor, document_.id, document_.title});
            }
            doc::Inline after = doc::text(node.text.substr(best_at + best->text.size()));
            node.text = node.text.substr(0, best_at);
            list.insert(list.begin() + static_cast<long>(i) + 1, {term, after});
            ++i;  // continue with the text after the term
        }
    }

    const model::Glossary& glossary_;
    doc::Document& document_;
    std::vector<GlossaryUse>& uses_;
    std::optional<Date> on_;  // the meeting's date: terms not in force then are left unmarked
    std::vector<Name> names_;
    std::unordered_map<std::string, std::vector<const Name*>> by_first_word_;  // lowered first word → names, longest first
    std::vector<const Name*> unindexed_;
    std::set<const model::GlossaryEntry*> marked_;
    std::vector<const Name*> used_abbreviations_;
};

void fill_keys(doc::Blocks& blocks, const std::vector<const Name*>& used) {
    doc::for_each_block(blocks, [&](doc::Block& b) {
        if (b.pending != Block::Pending::GlossaryKey) return;
        b.pending = Block::Pending::None;
        b.role = doc::role::kGlossaryKey;
        for (const Name* n : used) b.rows.push_back({{doc::text_cell(n->text, true, "row"), doc::text_cell(n->entry->term)}});
    });
}

}  // namespace

void mark_glossary_terms(doc::Document& document, const model::Glossary& glossary,
                         const std::vector<model::GlossaryEntry>& local_terms, std::vector<GlossaryUse>& uses, std::optional<Date> on) {
    Marker marker(glossary, local_terms, document, uses, on);
    marker.blocks(document.body);
    fill_keys(document.body, marker.abbreviations_used());
}

void GlossaryUseIndex::add(size_t order, const std::vector<GlossaryUse>& uses) {
    std::set<std::tuple<std::string, std::string, std::string>> seen;  // each document once per term
    for (size_t n = 0; n < uses.size(); ++n) {
        const GlossaryUse& use = uses[n];
        if (!seen.insert({use.glossary, use.anchor, use.document_id}).second) continue;
        Term& term = terms_[{use.glossary, use.anchor}];
        ++term.documents;
        std::pair<size_t, size_t> key{order, n};
        auto at = std::lower_bound(term.listed.begin(), term.listed.end(), key,
                                   [](const auto& entry, const auto& k) { return entry.first < k; });
        if (static_cast<size_t>(at - term.listed.begin()) >= kListed) continue;
        term.listed.insert(at, {key, use});
        if (term.listed.size() > kListed) term.listed.pop_back();
    }
}

const GlossaryUseIndex::Term* GlossaryUseIndex::find(const std::string& glossary, const std::string& anchor) const {
    auto it = terms_.find({glossary, anchor});
    return it == terms_.end() ? nullptr : &it->second;
}

std::string page_name(const std::string& glossary_path) {
    std::string base = glossary_path.substr(glossary_path.rfind('/') + 1);
    return slugify(base.substr(0, base.rfind('.')));
}

doc::Document compose_glossary_page(const Context& context, const model::Glossary& glossary, const GlossaryUseIndex& uses) {
    doc::Document page;
    page.kind = doc::Document::Kind::Appendix;
    page.id = page_name(glossary.file);
    page.title = glossary.title;
    page.body.push_back(doc::heading(1, {doc::text(glossary.title)}));
    page.body.push_back(doc::paragraph({doc::text("What the abbreviations and terms in the committee papers mean. Where a report uses a term, "
                                                  "its first use links here.")}));
    // An A–Z of the letters terms start with, each to its first term.
    std::map<char, std::string> letters;
    for (const auto* e : all_of(glossary)) {
        if (!e->parent.empty() || e->term.empty()) continue;
        const char letter = static_cast<char>(std::toupper(static_cast<unsigned char>(e->term[0])));
        if (std::isalpha(static_cast<unsigned char>(letter))) letters.emplace(letter, "term-" + slugify(e->term));
    }
    if (letters.size() > 1) {
        doc::Block az = doc::list(false, {}, "az-index");
        for (const auto& [letter, anchor] : letters)
            az.children.push_back(doc::list_item("", {doc::paragraph({doc::internal_link(page.id + "#" + anchor, {doc::text(std::string(1, letter))})})}));
        page.body.push_back(doc::section("az", {doc::heading(2, {doc::text("Terms from A to Z")}, "a-to-z"), std::move(az)}));
    }
    for (const auto* e : all_of(glossary)) {
        std::string anchor = "term-" + slugify(e->term);
        page.body.push_back(doc::heading(e->parent.empty() ? 2 : 3, {doc::text(with_abbreviations(*e, " / "))}, anchor));
        for (auto& b : definition(context, *e)) page.body.push_back(std::move(b));
        // The latest documents first, as the site lists meetings; an archive
        // says how many more there are rather than listing thousands.
        const GlossaryUseIndex::Term* term = uses.find(glossary.file, anchor);
        if (!term) continue;
        doc::Blocks used;
        for (const auto& [_, use] : term->listed) {
            std::string href = "../meetings/" + use.meeting_id + "/" + use.document_id + ".html";
            used.push_back(doc::list_item("", {doc::paragraph({doc::link(href, {doc::text(use.document_title)}),
                                                                doc::text(" (" + use.meeting_date + ")")})}));
        }
        page.body.push_back(doc::paragraph({doc::text("Used in:")}, "used-in"));
        page.body.push_back(doc::list(false, std::move(used), "used-in"));
        if (term->documents > term->listed.size()) {
            size_t more = term->documents - term->listed.size();
            page.body.push_back(doc::paragraph({doc::text("… and " + std::to_string(more) + (more == 1 ? " earlier document." : " earlier documents."))},
                                               "used-in"));
        }
    }
    for (auto& b : sources(glossary)) page.body.push_back(std::move(b));
    return page;
}

}  // namespace agendapack::compose
