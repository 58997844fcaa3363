#include <algorithm>

#include "compute.hpp"

namespace agendapack::compute {

const model::BlockVersion* version_in_force(const model::VersionedBlock& block, const Date& date) {
    const model::BlockVersion* chosen = nullptr;
    for (const auto& version : block.versions)
        if (!version.from || *version.from <= date) chosen = &version;
    return chosen;
}

std::string signatory_in_force(const model::Council& council, const Date& date) {
    std::string post;
    for (const auto& entry : council.signatory)
        if (!entry.from || *entry.from <= date) post = entry.text;
    return post;
}

std::string fill_placeholders(std::string text, const std::string& dates, const std::string& municipal_year) {
    auto replace_all = [&text](const std::string& from, const std::string& to) {
        for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
            text.replace(at, from.size(), to);
    };
    replace_all("{dates}", dates);
    replace_all("{municipal_year}", municipal_year);
    return text;
}

namespace {

std::string slash_year(int start) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%d/%02d", start, (start + 1) % 100);
    return buffer;
}

PlacedDocument place(const model::Document& document, int item_number, int appendix_number) {
    PlacedDocument placed;
    placed.source = &document;
    placed.id = document.slug;
    placed.item_number = item_number;
    placed.appendix_number = appendix_number;
    if (item_number > 0) placed.stamp = "Agenda Item " + std::to_string(item_number);
    if (appendix_number > 0) placed.stamp += ", Appendix " + std::to_string(appendix_number);
    return placed;
}

std::vector<std::string> minutes_dates(const std::vector<model::Document>& documents) {
    std::vector<std::string> dates;
    for (const auto& d : documents) dates.push_back(day_month_year(d.minutes.held));
    return dates;
}

}  // namespace

std::vector<const PlacedDocument*> MeetingPlan::documents() const {
    std::vector<const PlacedDocument*> out;
    for (const auto& item : agenda)
        for (const auto& d : item.documents)
            if (!d.withheld) out.push_back(&d);
    if (own_minutes) out.push_back(&*own_minutes);
    return out;
}

const PlannedItem* MeetingPlan::item_of(const model::Document* document) const {
    for (const auto& item : agenda)
        for (const auto& d : item.documents)
            if (d.source == document) return &item;
    return nullptr;
}

std::string exempt_paragraphs(std::vector<model::ExemptParagraph> paragraphs) {
    std::sort(paragraphs.begin(), paragraphs.end());
    paragraphs.erase(std::unique(paragraphs.begin(), paragraphs.end()), paragraphs.end());
    std::vector<std::string> numbers;
    for (int p : paragraphs) numbers.push_back(std::to_string(p));
    return (numbers.size() == 1 ? "paragraph " : "paragraphs ") + join_with_and(numbers);
}

MeetingPlan plan_meeting(const model::Site& site, const model::Committee& committee, const model::Meeting& meeting, Audience audience) {
    MeetingPlan plan;
    plan.audience = audience;
    plan.committee = &committee;
    plan.meeting = &meeting;
    plan.id = committee.slug + "-" + meeting.folder;
    plan.municipal_year = municipal_year_start(meeting.date);
    auto year = committee.years.find(plan.municipal_year);
    if (year != committee.years.end()) plan.year = &year->second;
    plan.members = meeting.members ? *meeting.members : plan.year ? plan.year->members : std::vector<std::string>{};
    plan.appointed_members = meeting.appointed_members ? *meeting.appointed_members
                             : plan.year                ? plan.year->appointed_members
                                                        : std::vector<std::string>{};
    plan.contacts = meeting.contacts ? *meeting.contacts : plan.year ? plan.year->contacts : std::vector<model::Contact>{};
    plan.signatory = meeting.signatory.value_or(signatory_in_force(site.council, meeting.issued.value_or(meeting.date)));
    const std::string year_text = slash_year(plan.municipal_year);

    auto add_item = [&](const std::string& title, const model::Markdown& description, const std::string& dates,
                        const SourceLocation& where) -> PlannedItem& {
        PlannedItem item;
        item.number = static_cast<int>(plan.agenda.size()) + 1;
        item.title = title;
        item.description = description;
        item.description.text = fill_placeholders(description.text, dates, year_text);
        item.where = where;
        plan.agenda.push_back(std::move(item));
        return plan.agenda.back();
    };

    if (meeting.elect_vice_chair)
        add_item(committee.vice_chair_election.title, committee.vice_chair_election.description, "", meeting.where);
    if (meeting.standard_items)
        for (const auto& standard : committee.standard_items) add_item(standard.title, standard.description, "", meeting.where);
    // Before the first exempt business, the motion to exclude the press and
    // public, naming every paragraph the exempt business falls under.
    std::vector<model::ExemptParagraph> exempt;
    for (const auto& source_item : meeting.agenda) {
        if (source_item.exempt) exempt.push_back(source_item.exempt);
        for (const auto& d : source_item.documents)
            if (d.exempt) exempt.push_back(d.exempt);
    }
    bool motion_made = false;
    for (const auto& source_item : meeting.agenda) {
        bool exempt_business = source_item.exempt != 0;
        for (const auto& d : source_item.documents) exempt_business = exempt_business || d.exempt != 0;
        if (exempt_business && !motion_made) {
            model::Markdown text = committee.exclusion_motion.description;
            const std::string which = exempt_paragraphs(exempt);
            for (size_t at = text.text.find("{paragraphs}"); at != std::string::npos; at = text.text.find("{paragraphs}", at + which.size()))
                text.text.replace(at, 12, which);
            add_item(committee.exclusion_motion.title, text, "", source_item.where).exclusion_motion = true;
            motion_made = true;
        }
        const bool minutes = source_item.approves_minutes;
        const std::string title = minutes && source_item.title.empty() ? committee.minutes_item.title : source_item.title;
        const model::Markdown& description =
            minutes && source_item.description.text.empty() ? committee.minutes_item.description : source_item.description;
        const std::string dates = minutes ? join_with_and(minutes_dates(source_item.documents)) : "";
        PlannedItem& item = add_item(title, description, dates, source_item.where);
        item.exempt = source_item.exempt;
        int appendix = 0;
        // After the item's report, every document is one of its appendices,
        // numbered in order: a report to another decision-maker (Cabinet, say)
        // too, and the appendices after that report are its own as well.
        const bool led_by_report = !source_item.documents.empty() && source_item.documents.front().kind == model::DocumentKind::Report;
        int owner = -1;
        for (size_t k = 0; k < source_item.documents.size(); ++k) {
            const model::Document& document = source_item.documents[k];
            const bool nested_report = led_by_report && k > 0 && document.kind == model::DocumentKind::Report;
            const bool is_appendix = led_by_report && k > 0 && (document.kind == model::DocumentKind::Appendix || nested_report);
            PlacedDocument placed = place(document, item.number, is_appendix ? ++appendix : 0);
            if (is_appendix) placed.owner = owner;
            if (document.kind == model::DocumentKind::Report) owner = static_cast<int>(k);
            switch (document.kind) {
                case model::DocumentKind::Report:
                    placed.title = nested_report ? "Appendix " + std::to_string(appendix) + ": " + document.listed_as : title;
                    break;
                case model::DocumentKind::Minutes:
                    placed.title = "Minutes of the meeting held on " + day_month_year(document.minutes.held);
                    break;
                case model::DocumentKind::Appendix:
                    placed.title = is_appendix ? "Appendix " + std::to_string(appendix) + ": " + document.title : document.title;
                    break;
            }
            placed.exempt = document.exempt ? document.exempt : source_item.exempt;
            placed.withheld = placed.exempt != 0 && audience == Audience::Public;
            item.documents.push_back(placed);
        }
    }
    if (meeting.own_minutes) {
        plan.own_minutes = place(*meeting.own_minutes, 0, 0);
        plan.own_minutes->title = "Minutes of the meeting held on " + day_month_year(meeting.date);
    }
    return plan;
}

std::vector<MeetingPlan> plan_site(const model::Site& site, Audience audience) {
    std::vector<MeetingPlan> plans;
    for (const auto& committee : site.committees) {
        std::vector<const model::Meeting*> meetings;
        for (const auto& m : committee.meetings) meetings.push_back(&m);
        std::sort(meetings.begin(), meetings.end(), [](auto* a, auto* b) { return a->date > b->date; });
        for (const auto* meeting : meetings) {
            MeetingPlan plan = plan_meeting(site, committee, *meeting, audience);
            // load_site has checked that a year file covers the meeting and lists it; a
            // site made another way (tests) still never plans a meeting without one.
            if (!plan.year)
                throw InputError(meeting->where, "no municipal year file covers this meeting: add " + committee.slug + "/" +
                                                     municipal_year_label(plan.municipal_year) + ".yaml");
            plans.push_back(std::move(plan));
        }
    }
    return plans;
}

}  // namespace agendapack::compute
