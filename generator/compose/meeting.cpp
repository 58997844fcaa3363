// A meeting assembled from its parts, in pack order.
#include "compose.hpp"

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

}  // namespace

ComposedMeeting compose_meeting(const Context& context, const compute::MeetingPlan& plan) {
    ComposedMeeting composed;
    composed.facts = meeting_facts(context, plan);
    composed.front_sheet = compose_front_sheet(context, plan);
    composed.public_information = compose_public_information(context, plan);
    composed.agenda = compose_agenda(context, plan);
    for (const compute::PlacedDocument* placed : plan.documents()) {
        Context with_glossary = context;
        with_glossary.glossary = glossary_for(context, plan, *placed->source);
        with_glossary.meeting = &plan;
        switch (placed->source->kind) {
            case model::DocumentKind::Report: composed.documents.push_back(compose_report(with_glossary, plan, *placed)); break;
            case model::DocumentKind::Minutes: composed.documents.push_back(compose_minutes(with_glossary, plan, *placed)); break;
            case model::DocumentKind::Appendix: composed.documents.push_back(compose_appendix(with_glossary, plan, *placed)); break;
        }
        doc::Document& d = composed.documents.back();
        if (placed->source->kind == model::DocumentKind::Report)
            for (auto& w : check_acronyms(*placed->source, with_glossary.glossary, &context.text_of(placed->source->body)))
                composed.warnings.push_back(std::move(w));
        reject_stray_contents(d.body);
        number_tables(d.body);
        qualify_local_targets(d.body, d.id);
        if (with_glossary.glossary && placed->source->kind != model::DocumentKind::Minutes && !prints_a_glossary(d.body)) {
            size_t first = composed.glossary_uses.size();
            mark_glossary_terms(d, *with_glossary.glossary, placed->source->cover.local_terms, composed.glossary_uses);
            for (size_t u = first; u < composed.glossary_uses.size(); ++u) {
                composed.glossary_uses[u].meeting_id = plan.id;
                composed.glossary_uses[u].meeting_date = day_month_year(plan.meeting->date);
            }
        }
    }
    return composed;
}

}  // namespace agendapack::compose
