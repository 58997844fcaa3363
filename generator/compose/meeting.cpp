// A meeting assembled from its parts, in pack order.
#include <algorithm>
#include <functional>
#include <set>

#include "compose.hpp"

#include "../support/parallel.hpp"

namespace agendapack::compose {

namespace {

// ```contents lists an appendix's sections; anywhere else it has nothing to list.
void reject_stray_contents(const doc::Blocks& blocks) {
    doc::for_each_block(blocks, [](const doc::Block& b) {
        if (b.pending == doc::Block::Pending::Contents)
            throw InputError(b.origin, "a ```contents block lists an appendix's sections: use it in an appendix");
    });
}

// "Table 1: …", "Table 2: …" in the order a document prints its captioned tables.
void number_tables(doc::Blocks& blocks) {
    int count = 0;
    doc::for_each_block(blocks, [&](doc::Block& b) {
        if (b.kind == doc::Block::Kind::Table && b.role == doc::role::kDataTable && !b.caption.empty())
            b.caption.insert(b.caption.begin(), doc::text("Table " + std::to_string(++count) + ": "));
    });
}

// A glossary is not marked up with links to itself.
bool prints_a_glossary(const doc::Blocks& blocks) {
    bool found = false;
    // Every glossary style heads its entries with "term-…" anchors.
    doc::for_each_block(blocks, [&](const doc::Block& b) { found = found || b.id.rfind("term-", 0) == 0; });
    return found;
}

// "#anchor" links and page references made before a document knew its id.
void qualify_local_targets(doc::Blocks& blocks, const std::string& id) {
    doc::for_each_inline(blocks, [&](doc::Inline& i) {
        if (!i.target.empty() && i.target[0] == '#') i.target = id + i.target;
        if (i.relative_to == ".") i.relative_to = id;
    });
}

// One document of the meeting with what composing it found: warnings, and
// the glossary terms it uses.
struct ComposedDocument {
    doc::Document document;
    std::vector<Warning> warnings;
    std::vector<GlossaryUse> glossary_uses;
};

ComposedDocument compose_document(const Context& context, const compute::MeetingPlan& plan, const compute::PlacedDocument& placed) {
    ComposedDocument out;
    Context with_glossary = context;
    with_glossary.glossary = glossary_for(context, plan, *placed.source);
    with_glossary.meeting = &plan;
    if (placed.source->received) {
        out.document = compose_received(context, placed);
        return out;
    }
    switch (placed.source->kind) {
        case model::DocumentKind::Report: out.document = compose_report(with_glossary, plan, placed); break;
        case model::DocumentKind::Minutes: out.document = compose_minutes(with_glossary, plan, placed); break;
        case model::DocumentKind::Appendix: out.document = compose_appendix(with_glossary, plan, placed); break;
    }
    doc::Document& d = out.document;
    if (placed.source->kind == model::DocumentKind::Report)
        out.warnings = check_acronyms(*placed.source, with_glossary.glossary, &context.text_of(placed.source->body), context.words);
    reject_stray_contents(d.body);
    // A legend said once is enough: the same legend under a later table of
    // the document (eight scorecards, say) is left out.
    std::set<std::string> legends;
    std::function<void(doc::Blocks&)> once = [&](doc::Blocks& blocks) {
        std::erase_if(blocks, [&](const doc::Block& b) {
            return b.kind == doc::Block::Kind::Paragraph && b.role == "legend" && !legends.insert(doc::plain_text(b.inlines)).second;
        });
        for (auto& b : blocks) once(b.children);
    };
    once(d.body);
    for (auto& w : check_typed_syntax(d)) out.warnings.push_back(std::move(w));
    number_tables(d.body);
    qualify_local_targets(d.body, d.id);
    if (with_glossary.glossary && placed.source->kind != model::DocumentKind::Minutes && !prints_a_glossary(d.body)) {
        mark_glossary_terms(d, *with_glossary.glossary, placed.source->cover.local_terms, out.glossary_uses, plan.meeting->date);
        for (auto& use : out.glossary_uses) {
            use.meeting_id = plan.id;
            use.meeting_date = day_month_year(plan.meeting->date);
        }
    }
    return out;
}

}  // namespace

ComposedMeeting compose_meeting(const Context& context, const compute::MeetingPlan& plan, int threads) {
    ComposedMeeting composed;
    composed.facts = meeting_facts(context, plan);
    composed.front_sheet = compose_front_sheet(context, plan);
    composed.public_information = compose_public_information(context, plan);
    composed.agenda = compose_agenda(context, plan);
    // Their text comes from meeting.yaml, committee.yaml and council.yaml
    // fields, which carry no place of their own: a problem found later (a
    // character no font has, in the venue) at least names meeting.yaml.
    for (doc::Document* made : {&composed.front_sheet, &composed.public_information, &composed.agenda})
        doc::for_each_block(made->body, [&](doc::Block& block) {
            if (block.origin.file.empty()) block.origin = {plan.meeting->where.file, 0, 0};
        });
    // Documents are independent of each other: with threads to spare they
    // are composed side by side, and joined in pack order (the error of the
    // first in pack order is the one reported, as when composed one by one).
    const std::vector<const compute::PlacedDocument*> placed = plan.documents();
    std::vector<ComposedDocument> parts(placed.size());
    // The longest sources first, so the heaviest document does not start last.
    std::vector<size_t> longest_first(placed.size());
    for (size_t i = 0; i < placed.size(); ++i) longest_first[i] = i;
    auto length = [&](size_t i) { return context.text_of(placed[i]->source->body).text.size(); };
    std::stable_sort(longest_first.begin(), longest_first.end(), [&](size_t a, size_t b) { return length(a) > length(b); });
    parallel_for_scheduled(threads, longest_first, [&](size_t i) { parts[i] = compose_document(context, plan, *placed[i]); });
    // A glossary of the terms the pack uses is composed again, now that the
    // other documents have said which they use.
    std::set<std::string> used;
    for (const auto& part : parts)
        for (const auto& use : part.glossary_uses) used.insert(use.anchor);
    Context with_uses = context;
    with_uses.terms_used = &used;
    for (size_t i = 0; i < parts.size(); ++i) {
        bool pending = false;
        doc::for_each_block(parts[i].document.body, [&](const doc::Block& b) { pending = pending || b.pending == doc::Block::Pending::GlossaryOfUsedTerms; });
        if (pending) parts[i] = compose_document(with_uses, plan, *placed[i]);
    }
    for (auto& part : parts) {
        add_received_bookmarks(composed.facts.bookmarks, part.document);
        composed.documents.push_back(std::move(part.document));
        for (auto& w : part.warnings) composed.warnings.push_back(std::move(w));
        for (auto& use : part.glossary_uses) composed.glossary_uses.push_back(std::move(use));
    }
    return composed;
}

}  // namespace agendapack::compose
