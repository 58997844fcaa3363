// A meeting assembled from its parts, in pack order.
#include "compose.hpp"

namespace agendapack::compose {

namespace {

// ```contents lists an appendix's sections; anywhere else it has nothing to list.
void reject_stray_contents(const doc::Blocks& blocks) {
    for (const auto& b : blocks) {
        if (b.role == "contents" && b.rows.empty())
            throw InputError(b.origin, "a ```contents block lists an appendix's sections: use it in an appendix");
        reject_stray_contents(b.children);
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
    for (const auto& d : composed.documents) reject_stray_contents(d.body);
    return composed;
}

}  // namespace agendapack::compose
