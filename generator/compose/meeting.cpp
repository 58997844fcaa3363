// A meeting assembled from its parts, in pack order.
#include "compose.hpp"

namespace agendapack::compose {

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
    return composed;
}

}  // namespace agendapack::compose
