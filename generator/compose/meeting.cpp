// A meeting assembled from its parts, in pack order.
#include "compose.hpp"

namespace agendapack::compose {

namespace {

// ```contents lists an appendix's sections; anywhere else it has nothing to list.
void reject_stray_contents(const doc::Blocks& blocks) {
    for (const auto& b : blocks) {
        if (b.role == "contents-unfilled")
            throw InputError(b.origin, "a ```contents block lists an appendix's sections: use it in an appendix");
        reject_stray_contents(b.children);
    }
}

// "Table 1: …", "Table 2: …" in the order a document prints its captioned tables.
void number_tables(doc::Blocks& blocks, int& count) {
    for (auto& b : blocks) {
        if (b.kind == doc::Block::Kind::Table && b.role == "data-table" && !b.caption.empty())
            b.caption.insert(b.caption.begin(), doc::text("Table " + std::to_string(++count) + ": "));
        number_tables(b.children, count);
    }
}

}  // namespace

ComposedMeeting compose_meeting(const Context& context, const compute::MeetingPlan& plan) {
    ComposedMeeting composed;
    composed.plan = &plan;
    composed.front_sheet = compose_front_sheet(context, plan);
    composed.public_information = compose_public_information(context, plan);
    composed.agenda = compose_agenda(context, plan);
    for (const compute::PlacedDocument* placed : plan.documents()) {
        switch (placed->source->kind) {
            case model::DocumentKind::Report: composed.documents.push_back(compose_report(context, plan, *placed)); break;
            case model::DocumentKind::Minutes: composed.documents.push_back(compose_minutes(context, plan, *placed)); break;
            case model::DocumentKind::Appendix: composed.documents.push_back(compose_appendix(context, plan, *placed)); break;
        }
    }
    for (auto& d : composed.documents) {
        reject_stray_contents(d.body);
        int tables = 0;
        number_tables(d.body, tables);
    }
    return composed;
}

}  // namespace agendapack::compose
