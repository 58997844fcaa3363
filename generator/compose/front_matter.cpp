// The pack's opening pages: front sheet, public information (with the
// disclosure pages), and the agenda.
#include <map>

#include "../support/site_paths.hpp"
#include "compose.hpp"

namespace agendapack::compose {

namespace {

using doc::Block;
using doc::Blocks;

Block plain_list(const std::vector<std::string>& lines, const std::string& role) {
    Blocks items;
    for (const auto& line : lines) items.push_back(doc::list_item("", {doc::paragraph({doc::text(line)})}));
    return doc::list(false, std::move(items), role);
}

Block contact_block(const model::Contact& contact) {
    Blocks lines;
    lines.push_back(doc::paragraph({doc::strong({doc::text(contact.role)})}));
    lines.push_back(doc::paragraph({doc::text(contact.person.name)}));
    if (!contact.person.tel.empty()) lines.push_back(doc::paragraph({doc::text("Tel: " + contact.person.tel)}));
    if (!contact.person.email.empty())
        lines.push_back(doc::paragraph(
            {doc::text("Email: "), doc::link("mailto:" + contact.person.email, {doc::text(contact.person.email)})}));
    return doc::section(doc::role::kContact, std::move(lines));
}

// Two columns headed by the calendar years of the municipal year; May to
// December under the first, January to April under the second.
Block dates_of_meetings_table(const compute::MeetingPlan& plan) {
    std::vector<std::string> first, second;
    std::map<std::string, std::string> pages;  // a printed date → its meeting's page, where there is a meeting folder
    for (const auto& m : plan.committee->meetings)
        if (plan.year && municipal_year_start(m.date) == plan.municipal_year)
            if (m.date != plan.meeting->date) pages[padded_day_month(m.date)] = "../" + plan.committee->slug + "-" + m.folder + "/index";
    if (plan.year)
        for (const auto& date : plan.year->meetings)
            (date.year == plan.municipal_year ? first : second).push_back(padded_day_month(date));
    auto cell = [&](const std::string& date) {
        auto page = pages.find(date);
        if (page == pages.end()) return doc::text_cell(date);
        return doc::cell({doc::paragraph({doc::internal_link(page->second, {doc::text(date)})})});
    };
    Block table;
    table.kind = Block::Kind::Table;
    table.role = "dates-of-meetings";
    table.header_rows = 1;
    table.rows.push_back({{doc::text_cell(std::to_string(plan.municipal_year), true, "col"),
                           doc::text_cell(std::to_string(plan.municipal_year + 1), true, "col")}});
    for (size_t i = 0; i < std::max(first.size(), second.size()); ++i)
        table.rows.push_back({{cell(i < first.size() ? first[i] : ""), cell(i < second.size() ? second[i] : "")}});
    return table;
}

Blocks information_blocks(const Context& context, const compute::MeetingPlan& plan,
                          const std::vector<model::BlockRef>& refs) {
    Blocks out;
    const Date& date = plan.meeting->date;
    for (const auto& ref : refs) {
        if (ref.use == "dates-of-meetings") {
            std::string label = std::to_string(plan.municipal_year) + "/" + std::to_string((plan.municipal_year + 1) % 100);
            out.push_back(doc::section("information-block", {doc::heading(3, {doc::text("Dates of Meetings: Municipal Year " + label)}),
                                                              dates_of_meetings_table(plan)}));
            continue;
        }
        const model::VersionedBlock& block = ref.use.empty() ? ref.block : context.site.council.blocks.at(ref.use);
        const model::BlockVersion* version = compute::version_in_force(block, date);
        if (!version) continue;  // not yet in force at this meeting
        doc::MarkdownOptions options;
        options.period_style = version->list_style;
        Blocks text = content_blocks(context, version->text, options);
        Blocks children;
        if (version->run_in && !text.empty() && text.front().kind == Block::Kind::Paragraph) {
            // "Access – the meeting is accessible …": the heading opens the paragraph.
            doc::Inlines& first = text.front().inlines;
            first.insert(first.begin(), {doc::strong({doc::text(version->heading)}), doc::text(" ")});
        } else if (!version->heading.empty()) {
            children.push_back(doc::heading(3, {doc::text(version->heading)}));
        }
        for (auto& b : text) children.push_back(std::move(b));
        out.push_back(doc::section("information-block", std::move(children)));
    }
    return out;
}

}  // namespace

doc::Document compose_front_sheet(const Context&, const compute::MeetingPlan& plan) {
    const model::Meeting& meeting = *plan.meeting;
    doc::Document d = new_document(doc::Document::Kind::FrontSheet, "front-sheet",
                                   plan.committee->name + ", " + long_date_with_weekday(meeting.date));
    d.stamp = "Public Document Pack";
    Blocks& body = d.body;
    body.push_back(doc::heading(1, {doc::text(plan.committee->name)}));
    body.push_back(doc::paragraph({doc::strong({doc::text(long_date_with_weekday(meeting.date) + " at " + *printed_time(meeting.time))})}, "when"));
    if (meeting.cancelled) body.push_back(doc::paragraph({doc::strong({doc::text("THIS MEETING HAS BEEN CANCELLED")})}, "notice"));
    if (!meeting.rescheduled_from.empty())
        body.push_back(doc::paragraph({doc::strong({doc::text("PLEASE NOTE: moved from " + long_date_with_weekday(meeting.rescheduled_from.back()))})}, "notice"));
    if (meeting.note_time) body.push_back(doc::paragraph({doc::strong({doc::text("PLEASE NOTE TIME OF MEETING")})}, "notice"));
    body.push_back(doc::paragraph({doc::strong({doc::text(meeting.venue)})}, "venue"));
    body.push_back(doc::paragraph({doc::text(meeting.open_to_public ? "This meeting is open to the public"
                                                                     : "This meeting is not open to the public")},
                                  doc::role::kOpenness));
    Blocks people;
    people.push_back(doc::section("members", {doc::heading(2, {doc::text("Members")}), plain_list(plan.members, doc::role::kPeople)}));
    if (!plan.appointed_members.empty())
        people.push_back(doc::section("appointed-members", {doc::heading(2, {doc::text("Appointed Members")}),
                                                            plain_list(plan.appointed_members, doc::role::kPeople)}));
    Blocks contacts{doc::heading(2, {doc::text("Contacts")})};
    for (const auto& contact : plan.contacts) contacts.push_back(contact_block(contact));
    people.push_back(doc::section("contacts", std::move(contacts)));
    body.push_back(doc::section("front-sheet-columns", std::move(people)));
    return d;
}

doc::Document compose_public_information(const Context& context, const compute::MeetingPlan& plan) {
    doc::Document d = new_document(doc::Document::Kind::PublicInformation, "public-information", "Public information");
    Blocks info{doc::heading(2, {doc::text("PUBLIC INFORMATION")}), doc::paragraph({doc::strong({doc::text(to_upper(plan.committee->name))})}, "committee-caps")};
    for (auto& b : information_blocks(context, plan, plan.committee->public_information)) info.push_back(std::move(b));
    d.body.push_back(doc::section("public-information", std::move(info), "public-information"));
    if (!plan.committee->disclosure.empty()) {
        Blocks disclosure{doc::heading(2, {doc::text("Disclosure of interests and principles of decision making")})};
        for (auto& b : information_blocks(context, plan, plan.committee->disclosure)) disclosure.push_back(std::move(b));
        d.body.push_back(doc::section("disclosure", std::move(disclosure), "disclosure"));
    }
    return d;
}

doc::Document compose_agenda(const Context& context, const compute::MeetingPlan& plan, const PageRanges& pages) {
    doc::Document d = new_document(doc::Document::Kind::Agenda, "agenda", "Agenda");
    Blocks items;
    for (const auto& item : plan.agenda) {
        doc::Inlines title{doc::text(item.title)};
        const compute::PlacedDocument* first = nullptr;
        for (const auto& placed : item.documents)
            if (!first && !placed.withheld) first = &placed;
        if (first) title = {doc::internal_link(first->id, title)};
        if (auto range = pages.find(item.number); range != pages.end() && first)
            title.push_back(doc::text(" (Pages " + std::to_string(range->second.first) + " - " +
                                      std::to_string(range->second.second) + ")"));
        Block heading = doc::heading(3, title, "item-" + std::to_string(item.number));
        Blocks children{heading};
        for (auto& b : content_blocks(context, item.description)) {
            b.role = "agenda-description";
            children.push_back(std::move(b));
        }
        // Exempt business is listed, never shown: a line says why.
        if (item.exempt) {
            children.push_back(doc::paragraph({doc::text("Not for publication: this item is " + exempt_reason(item.exempt) + ".")},
                                              doc::role::kExemptNotice));
        } else {
            for (const auto& placed : item.documents)
                if (placed.exempt)
                    children.push_back(doc::paragraph({doc::text("Not for publication: " +
                                                                 (placed.appendix_number > 0 ? "Appendix " + std::to_string(placed.appendix_number)
                                                                                              : std::string("the report")) +
                                                                 " (" + placed.source->listed_as + ") is " + exempt_reason(placed.exempt) + ".")},
                                                      doc::role::kExemptNotice));
        }
        if (item.documents.size() > 1) {
            Blocks links;
            std::map<int, size_t> nested;  // a report to another decision-maker: its place in the item → its entry
            for (size_t k = 0; k < item.documents.size(); ++k) {
                const auto& placed = item.documents[k];
                // The item title already names the report; the list only says which part is which.
                const bool nested_report = k > 0 && placed.source->kind == model::DocumentKind::Report;
                std::string label = placed.source->kind == model::DocumentKind::Report && !nested_report ? "Report" : placed.title;
                if (placed.exempt) label += " (" + plan.committee->exempt_mark + ")";
                doc::Inlines entry_text{doc::text(label)};
                if (!placed.withheld) entry_text = {doc::internal_link(placed.id, entry_text)};
                doc::Block entry = doc::list_item("", {doc::paragraph(entry_text)});
                if (placed.owner > 0 && nested.count(placed.owner)) {
                    // Its appendices are listed under it.
                    doc::Block& parent = links[nested[placed.owner]];
                    if (parent.children.size() < 2) parent.children.push_back(doc::list(false, {}, doc::role::kItemDocuments));
                    parent.children.back().children.push_back(std::move(entry));
                    continue;
                }
                if (nested_report) nested[static_cast<int>(k)] = links.size();
                links.push_back(std::move(entry));
            }
            children.push_back(doc::list(false, std::move(links), doc::role::kItemDocuments));
        }
        items.push_back(doc::list_item(std::to_string(item.number), std::move(children)));
    }
    Blocks agenda{doc::heading(2, {doc::text("AGENDA")}), doc::list(true, std::move(items), doc::role::kAgenda)};
    if (plan.meeting->issued) agenda.push_back(doc::paragraph({doc::text(weekday_date(*plan.meeting->issued))}, doc::role::kSignOff));
    if (!plan.signatory.empty()) agenda.push_back(doc::paragraph({doc::text(plan.signatory)}, doc::role::kSignOff));
    d.body.push_back(doc::section(doc::role::kAgenda, std::move(agenda), "agenda"));
    return d;
}

}  // namespace agendapack::compose
