// What the renderers print about meetings besides their documents — a
// meeting's heading, dates, bookmarks and where its minutes are published,
// and the site's list of meetings — worked out from the plans here, so that
// no renderer reads the model or a plan.
#include "../support/site_paths.hpp"
#include "compose.hpp"

namespace agendapack::compose {

namespace {

std::string count(size_t n, const std::string& noun) { return std::to_string(n) + " " + noun + (n == 1 ? "" : "s"); }

// Each agenda item with documents, and under it its documents when it has
// more than one; the appendices of a report to another decision-maker go
// under that report.
std::vector<MeetingFacts::Bookmark> bookmarks(const compute::MeetingPlan& plan) {
    std::vector<MeetingFacts::Bookmark> out;
    for (const auto& item : plan.agenda) {
        std::vector<const compute::PlacedDocument*> printed;  // withheld documents have no pages to mark
        for (const auto& placed : item.documents)
            if (!placed.withheld) printed.push_back(&placed);
        if (printed.empty()) continue;
        MeetingFacts::Bookmark mark{std::to_string(item.number) + ". " + item.title, printed.front()->id, {}};
        if (printed.size() > 1) {
            std::map<int, size_t> nested;  // a nested report's place in the item → its bookmark
            for (size_t k = 0; k < item.documents.size(); ++k) {
                const auto& placed = item.documents[k];
                if (placed.withheld) continue;
                std::string title = placed.appendix_number > 0 ? placed.title
                                    : placed.source->kind == model::DocumentKind::Report ? "Report"
                                                                                         : placed.title;
                if (placed.owner > 0 && nested.count(placed.owner)) {
                    mark.children[nested[placed.owner]].children.push_back({title, placed.id, {}});
                    continue;
                }
                if (k > 0 && placed.source->kind == model::DocumentKind::Report) nested[static_cast<int>(k)] = mark.children.size();
                mark.children.push_back({title, placed.id, {}});
            }
        }
        out.push_back(std::move(mark));
    }
    return out;
}

}  // namespace

MeetingFacts meeting_facts(const Context& context, const compute::MeetingPlan& plan) {
    MeetingFacts facts;
    facts.id = plan.id;
    facts.council = context.site.council.name;
    facts.committee = plan.committee->name;
    facts.date = long_date_with_weekday(plan.meeting->date);
    facts.held = plan.meeting->date;
    facts.issued = plan.meeting->issued.value_or(plan.meeting->date);
    facts.bookmarks = bookmarks(plan);
    facts.committee_href = "../../" + paths::committee_page(plan.committee->slug);
    facts.committee_slug = plan.committee->slug;
    // The committee's meetings are in date order.
    const auto& meetings = plan.committee->meetings;
    for (size_t i = 0; i < meetings.size(); ++i) {
        if (&meetings[i] != plan.meeting) continue;
        auto neighbour = [&](const model::Meeting& m) {
            return MeetingFacts::Neighbour{paths::document_link(plan.id, plan.committee->slug + "-" + m.folder, "index"), long_date_with_weekday(m.date)};
        };
        if (i > 0) facts.previous = neighbour(meetings[i - 1]);
        if (i + 1 < meetings.size()) facts.next = neighbour(meetings[i + 1]);
    }
    // This meeting's minutes, wherever they are published.
    if (context.records)
        for (const auto& p : compute::published_minutes(*context.records, plan))
            facts.minutes.push_back({paths::document_link(plan.id, p.meeting_id, p.document_id), p.title,
                                     p.meeting_id == plan.id ? std::string("published with this meeting")
                                                             : "approved at the meeting of " + day_month_year(p.meeting_date)});
    return facts;
}

SiteIndex site_index(const model::Site& site, const std::vector<compute::MeetingPlan>& plans) {
    SiteIndex index;
    index.council = site.council.name;
    std::optional<Date> latest;
    for (const auto& plan : plans) {
        const Date issued = plan.meeting->issued.value_or(plan.meeting->date);
        if (!latest || *latest < issued) latest = issued;
    }
    if (latest) index.updated = day_month_year(*latest);
    for (const auto& committee : site.committees) {
        SiteIndex::Committee entry{committee.name, {}, paths::committee_page(committee.slug)};
        // Meetings arrive newest first; group them by municipal year in that order.
        int year = 0;
        for (const auto& plan : plans) {
            if (plan.committee != &committee) continue;
            if (entry.years.empty() || year != plan.municipal_year) {
                year = plan.municipal_year;
                entry.years.push_back({std::to_string(year) + "/" + std::to_string((year + 1) % 100), {}});
            }
            entry.years.back().meetings.push_back({paths::meeting_page(plan.id), long_date_with_weekday(plan.meeting->date),
                                                   count(plan.agenda.size(), "agenda item") + ", " + count(plan.documents().size(), "document")});
        }
        index.committees.push_back(std::move(entry));
    }
    return index;
}

}  // namespace agendapack::compose
