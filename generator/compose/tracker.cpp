// The recommendations tracker: the monitoring table built from the decision
// book (compute/records.cpp) and the committee's status file, and its export.
#include <algorithm>
#include <set>

#include "fences.hpp"

namespace agendapack::compose {

using doc::Block;

int minute_start(const Context& context, const compute::MeetingPlan& plan, const model::MinutesHeader& header) {
    if (!context.records) return header.first_minute.value_or(1);
    return compute::minute_start(*context.records, plan.committee->slug, header);
}

namespace {

// A recommendation as the minutes worded it, its sub-items a), b) … under it.
doc::Cell proposed_cell(const doc::Inlines& text, const doc::Blocks& parts) {
    doc::Blocks content{doc::paragraph(text)};
    for (const auto& b : parts) content.push_back(b);
    return doc::cell(std::move(content));
}

}  // namespace

doc::Block tracker_from_fence(const Context& context, const FenceOptions& options) {
    if (!context.records || !context.meeting)
        throw InputError(options.where(), "a tracker block belongs in a meeting's documents");
    const compute::MeetingPlan& plan = *context.meeting;
    const model::Committee& committee = *plan.committee;
    const Date today = plan.meeting->date;

    struct RowData {
        std::optional<Date> date;
        std::string title;
        doc::Inlines proposed;
        const model::TrackerStatus* status = nullptr;
        std::string link;  // to the minute
        doc::Blocks parts;  // sub-items a), b) …
    };
    std::map<std::string, const model::TrackerStatus*> statuses;
    for (const auto& s : committee.tracker) statuses[s.id] = &s;
    // A title given for one decision of a minute names all of that minute's decisions.
    std::map<std::string, std::string> minute_titles;
    for (const auto& s : committee.tracker)
        if (!s.title.empty() && s.action_proposed.text.empty()) minute_titles[s.id.substr(0, s.id.rfind('/'))] = s.title;
    auto open_at_meeting = [&](const model::TrackerStatus* s) {
        if (s && s->from && today < *s->from) return false;
        if (s && s->until && *s->until < today) return false;
        return !s || !s->closed || *s->closed >= today;
    };
    // What carries forward from earlier meetings: everything still open (the
    // default), only this municipal year's, or the last so many months'.
    const std::string carry = options.get_or("carry_forward", "open");
    std::optional<Date> carry_from;
    if (carry == "year") {
        carry_from = Date{municipal_year_start(today), 5, 1};
    } else if (carry != "open") {
        int months = 0;
        const size_t space = carry.find(' ');
        const std::string unit = space == std::string::npos ? "" : trim(carry.substr(space + 1));
        try {
            months = std::stoi(carry.substr(0, space));
        } catch (...) {
            months = 0;
        }
        if (months <= 0 || (unit != "months" && unit != "month"))
            throw InputError(options.at("carry_forward"), "'carry_forward' must be open, year, or a number of months like 12 months, not '" + carry + "'");
        Date from = today;
        from.month -= months % 12;
        from.year -= months / 12;
        if (from.month < 1) from.month += 12, from.year -= 1;
        from.day = std::min(from.day, 28);
        carry_from = from;
    }
    // An entry's date for carrying forward: the meeting that made it, or for
    // an undated one its `from`; an undated entry without one carries only
    // when everything open does.
    auto carried = [&](const std::optional<Date>& date, const model::TrackerStatus* s) {
        if (!carry_from) return true;
        std::optional<Date> when = date ? date : s ? s->from : std::nullopt;
        return when && *carry_from <= *when;
    };

    std::vector<RowData> rows;
    for (const auto& s : committee.tracker) {
        if (s.action_proposed.text.empty() || !open_at_meeting(&s)) continue;
        if (s.date && *s.date >= today) continue;
        if (!carried(s.date, &s)) continue;
        rows.push_back({s.date, s.title, doc::markdown_inline(s.action_proposed), &s, ""});
    }
    auto found = context.records->resolutions.find(committee.slug);
    if (found != context.records->resolutions.end())
        for (const auto& r : found->second) {
            if (r.held >= today) continue;  // decided at this meeting or later
            auto status = statuses.count(r.id) ? statuses[r.id] : nullptr;
            if (!open_at_meeting(status) || !carried(r.held, status)) continue;
            // Earlier municipal years' decisions carry on only while the status file keeps them open.
            if (municipal_year_start(r.held) != municipal_year_start(today) && !status) continue;
            auto title = minute_titles.find(r.id.substr(0, r.id.rfind('/')));
            RowData row{r.held, title != minute_titles.end() ? title->second : r.title, r.text, status, ""};
            if (r.meeting_id == plan.id) row.link = r.minutes_document + "#minute-" + std::to_string(r.minute);
            row.parts = r.parts;
            rows.push_back(std::move(row));
        }
    // Undated (older) first, then by date, keeping the minutes' order within a date.
    std::stable_sort(rows.begin(), rows.end(), [](const RowData& a, const RowData& b) {
        if (!a.date || !b.date) return !a.date && b.date;
        return *a.date < *b.date;
    });

    Block table;
    table.kind = Block::Kind::Table;
    table.role = "tracker";
    table.landscape = options.yes_no("landscape", false);
    table.caption = options.inline_markdown("caption");
    table.header_rows = 1;
    // Headings as the committee's form words them (rename), and a number for
    // each row where the form numbers them.
    std::vector<std::string> headings{"Date", "Title", "Action proposed", "Action Taken", "Progress Status"};
    for (const auto& entry : options.list("rename")) {
        const size_t eq = entry.find('=');
        if (eq == std::string::npos) throw InputError(options.at("rename"), "write 'rename' as 'Column = heading | Column = heading', not '" + entry + "'");
        const std::string name = trim(entry.substr(0, eq));
        auto it = std::find(headings.begin(), headings.end(), name);
        if (it == headings.end())
            throw InputError(options.at("rename"), unknown_name("column", name, {"Date", "Title", "Action proposed", "Action Taken", "Progress Status"}) + " in 'rename'");
        *it = trim(entry.substr(eq + 1));
    }
    const bool numbered = options.yes_no("numbered", false);
    doc::Row header;
    if (numbered) header.cells.push_back(doc::text_cell("No.", true, "col"));
    for (const auto& h : headings) header.cells.push_back(doc::text_cell(h, true, "col"));
    table.rows.push_back(std::move(header));
    for (size_t i = 0; i < rows.size(); ++i) {
        const RowData& r = rows[i];
        char date[16] = "";
        if (r.date) std::snprintf(date, sizeof date, "%02d/%02d/%02d", r.date->day, r.date->month, r.date->year % 100);
        doc::Inlines title{doc::text(r.title)};
        if (!r.link.empty()) title = {doc::internal_link(r.link, title)};
        doc::Row row{{doc::text_cell(date), doc::cell({doc::paragraph(title)}), proposed_cell(r.proposed, r.parts),
                      r.status && !r.status->action_taken.text.empty() ? doc::cell(content_blocks(context, r.status->action_taken))
                                                                       : doc::text_cell(""),
                      doc::text_cell(r.status ? r.status->status : "")}};
        // One Date and Title for a meeting's recommendations under one minute.
        if (i > 0 && rows[i - 1].date == r.date && rows[i - 1].title == r.title) row.cells[0].continued = row.cells[1].continued = true;
        if (numbered) row.cells.insert(row.cells.begin(), doc::text_cell(std::to_string(i + 1), true, "row"));
        table.rows.push_back(std::move(row));
    }
    const size_t first_column = numbered ? 1 : 0;
    for (size_t c = first_column; c < first_column + 2; ++c)
        for (size_t r = table.rows.size(); r-- > 1;) {
            if (!table.rows[r].cells[c].continued) continue;
            size_t first = r;
            while (first > 1 && table.rows[first].cells[c].continued) --first;
            table.rows[first].cells[c].rowspan = static_cast<int>(r - first + 1);
            r = first;
        }
    return table;
}

namespace {

std::string csv_cell(std::string text) {
    // A spreadsheet runs a cell that starts = + - @ (or a tab or return
    // before one) as a formula: a quote first keeps it text (OWASP CSV injection).
    if (!text.empty() && std::string("=+-@\t\r").find(text[0]) != std::string::npos) text = "'" + text;
    if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}


}  // namespace

std::vector<TrackerExport> export_trackers(const Context& context) {
    std::vector<TrackerExport> out;
    for (const auto& committee : context.site.committees) {
        struct Entry {
            std::string id, date, title, proposed, taken, status, closed;
        };
        std::vector<Entry> entries;
        std::map<std::string, const model::TrackerStatus*> statuses;
        for (const auto& s : committee.tracker) statuses[s.id] = &s;
        auto closed_of = [](const model::TrackerStatus* s) { return s && s->closed ? iso(*s->closed) : std::string(); };
        for (const auto& s : committee.tracker)
            if (!s.action_proposed.text.empty())
                entries.push_back({s.id, s.date ? iso(*s.date) : "", s.title, trim(s.action_proposed.text), trim(s.action_taken.text), s.status, closed_of(&s)});
        if (context.records)
            if (auto found = context.records->resolutions.find(committee.slug); found != context.records->resolutions.end())
                for (const auto& r : found->second) {
                    const model::TrackerStatus* s = statuses.count(r.id) ? statuses[r.id] : nullptr;
                    entries.push_back({r.id, iso(r.held), r.title, compute::decision_words(r), s ? trim(s->action_taken.text) : "",
                                       s ? s->status : "", closed_of(s)});
                }
        if (entries.empty()) continue;
        TrackerExport e;
        e.committee = committee.slug;
        e.csv = "id,date,title,action_proposed,action_taken,status,closed\n";
        e.json = "[\n";
        for (size_t i = 0; i < entries.size(); ++i) {
            const Entry& x = entries[i];
            for (const auto* field : {&x.id, &x.date, &x.title, &x.proposed, &x.taken, &x.status})
                e.csv += csv_cell(*field) + ",";
            e.csv += csv_cell(x.closed) + "\n";
            e.json += "  {\"id\": " + json_string(x.id) + ", \"date\": " + json_string(x.date) + ", \"title\": " + json_string(x.title) +
                      ", \"action_proposed\": " + json_string(x.proposed) + ", \"action_taken\": " + json_string(x.taken) +
                      ", \"status\": " + json_string(x.status) + ", \"closed\": " + json_string(x.closed) + "}" +
                      (i + 1 < entries.size() ? "," : "") + "\n";
        }
        e.json += "]\n";
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace agendapack::compose
