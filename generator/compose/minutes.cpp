// Minutes: attendance, minutes numbered on from first_minute, RESOLVED blocks.
#include "compose.hpp"

namespace agendapack::compose {

namespace {

using doc::Block;
using doc::Blocks;

bool starts_resolution(const Block& block) {
    if (block.kind != Block::Kind::Paragraph) return false;
    return doc::plain_text(block.inlines).rfind("RESOLVED", 0) == 0;
}

// Makes the word RESOLVED bold wherever the officer did not already.
void embolden_resolved(Block& paragraph) {
    auto& first = paragraph.inlines.front();
    if (first.kind != doc::Inline::Kind::Text) return;
    std::string rest = first.text.substr(8);
    first = doc::strong({doc::text("RESOLVED")});
    if (!rest.empty()) paragraph.inlines.insert(paragraph.inlines.begin() + 1, doc::text(rest));
}

// A RESOLVED paragraph and the lists that follow it form one resolution.
Blocks group_resolutions(Blocks blocks) {
    Blocks out;
    for (auto& block : blocks) {
        if (starts_resolution(block)) {
            embolden_resolved(block);
            block.role = doc::role::kResolvedLead;
            out.push_back(doc::section(doc::role::kResolved, {std::move(block)}));
        } else if (block.kind == Block::Kind::List && !out.empty() && out.back().role == doc::role::kResolved) {
            out.back().children.push_back(std::move(block));
        } else {
            out.push_back(std::move(block));
        }
    }
    return out;
}

// The page of the document an agenda item of the meeting held on `held`
// attached, when that item bears this title; "" when there is none.
std::string minuted_report(const Context& context, const compute::MeetingPlan& plan, const Date& held, const std::string& title) {
    for (const auto& meeting : plan.committee->meetings) {
        if (meeting.date != held) continue;
        for (const auto& item : meeting.agenda) {
            if (item.documents.empty() || to_upper(trim(item.title)) != to_upper(trim(title))) continue;
            // Exempt business has no public page to link to.
            if (plan.audience == compute::Audience::Public && (item.exempt || item.documents.front().exempt)) return "";
            std::string page = item.documents.front().slug + ".html";
            if (meeting.date == plan.meeting->date) return page;
            return "../" + plan.committee->slug + "-" + iso(held) + "/" + page;
        }
    }
    (void)context;
    return "";
}

}  // namespace

doc::Document compose_minutes(const Context& context, const compute::MeetingPlan& plan, const compute::PlacedDocument& placed) {
    const model::Document& source = *placed.source;
    const model::MinutesHeader& header = source.minutes;
    doc::Document d = new_document(doc::Document::Kind::Minutes, placed);

    d.body.push_back(doc::paragraph({doc::strong({doc::text(to_upper(context.site.council.name))})}, "minutes-council"));
    d.body.push_back(doc::paragraph({doc::strong({doc::text(to_upper(plan.committee->name))})}, "minutes-committee"));
    d.body.push_back(doc::heading(1, {doc::text("MINUTES OF THE MEETING HELD ON " + upper_date(header.held))}));

    Block attendance;
    attendance.kind = Block::Kind::Table;
    attendance.role = "attendance";
    auto row = [&](const std::string& label, const std::string& value) {
        attendance.rows.push_back({{doc::text_cell(label, true, "row"), doc::text_cell(value)}});
    };
    row("Present:", councillors(header.present));
    if (!header.apologies.empty()) row("Apologies:", councillors(header.apologies));
    auto appointed = [&](const std::string& suffix, const std::vector<std::string>& names) {
        if (names.empty()) return;
        row(std::string(names.size() == 1 ? "Appointed Member" : "Appointed Members") + suffix, join_with_and(names));
    };
    appointed(":", header.appointed_members);
    appointed(" (apologies):", header.appointed_members_apologies);
    d.body.push_back(std::move(attendance));

    doc::MarkdownOptions options;
    options.period_style = header.resolved_style;
    Blocks blocks = content_blocks(context, source.body, options);

    int number = minute_start(context, plan, header) - 1;
    Blocks* minute = nullptr;
    Blocks pending;
    auto flush = [&] {
        if (minute) {
            for (auto& b : group_resolutions(std::move(pending))) minute->push_back(std::move(b));
        }
        pending.clear();
    };
    for (auto& block : blocks) {
        if (block.kind == Block::Kind::Heading && block.level <= 2) {
            flush();
            doc::Inlines words{doc::text(to_upper(doc::plain_text(block.inlines)))};
            // A minute links to the report it minutes, when that meeting is in content/.
            std::string report = minuted_report(context, plan, header.held, doc::plain_text(block.inlines));
            if (!report.empty()) words = {doc::link(report, words)};
            Block title = doc::heading(2, words, "minute-" + std::to_string(number + 1));
            title.label = std::to_string(++number) + ".";
            d.body.push_back(doc::section(doc::role::kMinute, {std::move(title)}));
            minute = &d.body.back().children;
            continue;
        }
        if (!minute)
            throw InputError(block.origin.line ? block.origin : context.text_of(source.body).origin,
                             "text before the first minute: start each minute with a '## ' heading");
        pending.push_back(std::move(block));
    }
    flush();
    if (!minute) throw InputError(context.text_of(source.body).origin, "the minutes have no minutes: start each one with a '## ' heading");
    return d;
}

}  // namespace agendapack::compose
