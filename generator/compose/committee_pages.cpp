// A committee's own pages: who sits on it, its meetings by municipal year
// (those still waiting for their minutes first), every decision it has
// recorded, and its tracker of recommendations.
#include "../support/site_paths.hpp"
#include "compose.hpp"

namespace agendapack::compose {

namespace {

using doc::Block;

std::string count(size_t n, const std::string& noun) { return std::to_string(n) + " " + noun + (n == 1 ? "" : "s"); }

// A link from the committee's pages to a page of one of its meetings.
doc::Inline to_meeting(const std::string& meeting_id, const std::string& page, doc::Inlines text) {
    return doc::internal_link("../../" + paths::meeting_folder(meeting_id) + "/" + page, std::move(text));
}

Block meeting_entry(const compute::MeetingPlan& plan, const Records* records) {
    doc::Inlines line{to_meeting(plan.id, "index", {doc::text(long_date_with_weekday(plan.meeting->date))}),
                      doc::text(" – " + count(plan.agenda.size(), "agenda item") + ", " + count(plan.documents().size(), "document"))};
    if (records) {
        const auto& minutes = compute::published_minutes(*records, plan);
        if (!minutes.empty())
            line.insert(line.end(), {doc::text("; "), to_meeting(minutes.front().meeting_id, minutes.front().document_id, {doc::text("minutes")})});
    }
    return doc::list_item("", {doc::paragraph(std::move(line))});
}

doc::Document overview(const Context& context, const model::Committee& committee, const std::vector<const compute::MeetingPlan*>& plans) {
    doc::Document d = new_document(doc::Document::Kind::Appendix, committee.slug + "/index", committee.name);
    d.body.push_back(doc::heading(1, {doc::text(committee.name)}));
    if (!plans.empty()) {
        // Who sits on it now: the membership of its newest meeting's municipal year.
        const compute::MeetingPlan& newest = *plans.front();
        const std::string year = std::to_string(newest.municipal_year) + "/" + std::to_string((newest.municipal_year + 1) % 100);
        Block members = doc::list(false, {}, doc::role::kPeople);
        for (const auto& name : newest.members) members.children.push_back(doc::list_item("", {doc::paragraph({doc::text(name)})}));
        d.body.push_back(doc::heading(2, {doc::text("Members, " + year)}, "members"));
        d.body.push_back(std::move(members));
        if (!newest.appointed_members.empty()) {
            Block appointed = doc::list(false, {}, doc::role::kPeople);
            for (const auto& name : newest.appointed_members) appointed.children.push_back(doc::list_item("", {doc::paragraph({doc::text(name)})}));
            d.body.push_back(doc::heading(3, {doc::text("Appointed members")}));
            d.body.push_back(std::move(appointed));
        }
    }
    // Meetings whose minutes are not yet published come first: the ones a
    // reader is most likely looking for (no clock decides what is "upcoming").
    std::vector<const compute::MeetingPlan*> awaiting, minuted;
    for (const auto* plan : plans)
        (context.records && !compute::published_minutes(*context.records, *plan).empty() ? minuted : awaiting).push_back(plan);
    if (!awaiting.empty()) {
        d.body.push_back(doc::heading(2, {doc::text("Latest meetings, minutes to follow")}, "latest"));
        Block list = doc::list(false, {}, "meeting-list");
        for (const auto* plan : awaiting) list.children.push_back(meeting_entry(*plan, context.records));
        d.body.push_back(std::move(list));
    }
    d.body.push_back(doc::heading(2, {doc::text("Meetings by municipal year")}, "meetings"));
    int year = 0;
    for (const auto* plan : minuted) {
        if (year != plan->municipal_year) {
            year = plan->municipal_year;
            d.body.push_back(doc::heading(3, {doc::text("Municipal year " + std::to_string(year) + "/" + std::to_string((year + 1) % 100))}));
            d.body.push_back(doc::list(false, {}, "meeting-list"));
        }
        d.body.back().children.push_back(meeting_entry(*plan, context.records));
    }
    if (minuted.empty()) d.body.push_back(doc::paragraph({doc::text("No meeting has published minutes yet.")}));
    d.body.push_back(doc::heading(2, {doc::text("Decisions and recommendations")}, "decisions"));
    Block links = doc::list(false, {});
    links.children.push_back(doc::list_item("", {doc::paragraph({doc::internal_link("decisions", {doc::text("Every decision recorded in the minutes")})})}));
    if (!committee.tracker_file.empty() || (context.records && context.records->resolutions.count(committee.slug))) {
        links.children.push_back(doc::list_item("", {doc::paragraph({doc::internal_link("tracker", {doc::text("Tracker of recommendations and the action taken")})})}));
        links.children.push_back(doc::list_item("", {doc::paragraph({doc::text("Open data: "),
                                                                     doc::link("../../" + paths::tracker_csv(committee.slug), {doc::text("tracker as CSV")}),
                                                                     doc::text(", "),
                                                                     doc::link("../../" + paths::tracker_json(committee.slug), {doc::text("as JSON")})})}));
    }
    links.children.push_back(doc::list_item("", {doc::paragraph({doc::text("Meetings in your calendar: "),
                                                                 doc::link("../../" + paths::calendar(committee.slug), {doc::text("iCalendar file")})})}));
    d.body.push_back(std::move(links));
    return d;
}

doc::Document decisions(const Context& context, const model::Committee& committee) {
    doc::Document d = new_document(doc::Document::Kind::Appendix, committee.slug + "/decisions", "Decisions of the " + committee.name);
    d.body.push_back(doc::heading(1, {doc::text("Decisions of the " + committee.name)}));
    const std::vector<Resolution>* found = nullptr;
    if (context.records)
        if (auto it = context.records->resolutions.find(committee.slug); it != context.records->resolutions.end()) found = &it->second;
    if (!found || found->empty()) {
        d.body.push_back(doc::paragraph({doc::text("No minutes with decisions are published yet.")}));
        return d;
    }
    d.body.push_back(doc::paragraph({doc::text("Every RESOLVED decision in the committee's published minutes, newest first, with its minute.")}));
    Block table;
    table.kind = Block::Kind::Table;
    table.role = "decisions";
    table.header_rows = 1;
    table.caption = {doc::text("Decisions recorded in the minutes")};
    table.rows.push_back({{doc::text_cell("Meeting", true, "col"), doc::text_cell("Minute", true, "col"), doc::text_cell("Decision", true, "col")}});
    for (auto it = found->rbegin(); it != found->rend(); ++it) {
        const Resolution& r = *it;
        doc::Cell held = doc::text_cell(day_month_year(r.held), true, "row");
        doc::Cell minute = doc::cell({doc::paragraph({to_meeting(r.meeting_id, r.minutes_document, {doc::text(std::to_string(r.minute) + ". " + r.title)})})});
        doc::Blocks words{doc::paragraph(r.text)};
        for (const auto& part : r.parts) words.push_back(part);
        table.rows.push_back({{held, minute, doc::cell(std::move(words))}});
    }
    d.body.push_back(std::move(table));
    return d;
}

doc::Document tracker(const Context& context, const model::Committee& committee, const compute::MeetingPlan& newest) {
    doc::Document d = new_document(doc::Document::Kind::Appendix, committee.slug + "/tracker", "Tracker of recommendations – " + committee.name);
    d.body.push_back(doc::heading(1, {doc::text("Tracker of recommendations – " + committee.name)}));
    d.body.push_back(doc::paragraph({doc::text("The recommendations of earlier meetings and the action taken, as the committee's latest meeting (" +
                                               day_month_year(newest.meeting->date) + ") monitors them. Also as "),
                                     doc::link("../../" + paths::tracker_csv(committee.slug), {doc::text("CSV")}), doc::text(" and "),
                                     doc::link("../../" + paths::tracker_json(committee.slug), {doc::text("JSON")}), doc::text(".")}));
    // The committee's own tracker table, as its monitoring appendix prints it, as of its newest meeting.
    Context at = context;
    at.meeting = &newest;
    std::string options;
    for (const auto& [key, text] : committee.tracker_table) options += key + ": " + text + "\n";
    doc::Blocks table = content_blocks(at, {"```tracker\n" + options + "```\n", {paths::committee_page(committee.slug, "tracker"), 1, 1}});
    // Its links to minutes are written from the meeting's folder; from here they go through it.
    doc::for_each_inline(table, [&](doc::Inline& i) {
        if (i.kind == doc::Inline::Kind::Link && !i.target.empty() && i.target.find('/') == std::string::npos && i.target.find(':') == std::string::npos)
            i.target = "../../" + paths::meeting_folder(newest.id) + "/" + i.target;
        else if (i.kind == doc::Inline::Kind::Link && i.target.rfind("../", 0) == 0 && i.target.rfind("../../", 0) != 0)
            i.target = "../../meetings/" + i.target.substr(3);
    });
    for (auto& b : table) d.body.push_back(std::move(b));
    return d;
}

}  // namespace

std::vector<SitePage> committee_pages(const Context& context, const std::vector<compute::MeetingPlan>& plans) {
    std::vector<SitePage> pages;
    for (const auto& committee : context.site.committees) {
        std::vector<const compute::MeetingPlan*> own;  // newest first, as plans are
        for (const auto& plan : plans)
            if (plan.committee == &committee) own.push_back(&plan);
        const std::vector<std::pair<std::string, std::string>> up{{"Meetings", "../../index.html"}, {committee.name, "index.html"}};
        pages.push_back({paths::committee_page(committee.slug), overview(context, committee, own), {{"Meetings", "../../index.html"}, {committee.name, ""}}});
        doc::Document book = decisions(context, committee);
        pages.push_back({paths::committee_page(committee.slug, "decisions"), book, {up[0], up[1], {"Decisions", ""}}});
        if (!own.empty() && context.records && (!committee.tracker_file.empty() || context.records->resolutions.count(committee.slug))) {
            doc::Document table = tracker(context, committee, *own.front());
            pages.push_back({paths::committee_page(committee.slug, "tracker"), table, {up[0], up[1], {"Tracker", ""}}});
        }
    }
    return pages;
}

}  // namespace agendapack::compose
