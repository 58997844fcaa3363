// Minutes across meetings and the recommendations tracker that follows them:
// minute numbers run on through the municipal year, every RESOLVED decision
// gets a stable id, and the monitoring table is built from those decisions
// and the committee's status file.
#include <algorithm>
#include <set>

#include "fences.hpp"

namespace agendapack::compose {

namespace {

using doc::Block;

std::string key(const std::string& committee, const Date& held) { return committee + "/" + iso(held); }

struct MinutesSource {
    const model::Document* document;
    const compute::MeetingPlan* plan;  // the meeting whose pack carries it
    std::string id;
};

// "RESOLVED that the report be noted." → "That the report be noted."
doc::Inlines decision_text(const Block& lead) {
    doc::Inlines out;
    bool first = true;
    for (const auto& i : lead.inlines) {
        if (first) {
            first = false;
            if (i.kind == doc::Inline::Kind::Strong) continue;  // the word RESOLVED
            if (i.kind == doc::Inline::Kind::Text && i.text.rfind("RESOLVED", 0) == 0) {
                std::string rest = trim(i.text.substr(8));
                if (!rest.empty() && rest[0] == ':') rest = trim(rest.substr(1));
                if (!rest.empty()) out.push_back(doc::text(rest));
                continue;
            }
        }
        out.push_back(i);
    }
    if (!out.empty() && out.front().kind == doc::Inline::Kind::Text) {
        std::string& t = out.front().text;
        t = trim(t);
        if (!t.empty() && t[0] == ':') t = trim(t.substr(1));
        if (!t.empty()) t[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(t[0])));
    }
    return out;
}

bool procedural(const std::string& title, const model::Committee& committee) {
    std::string upper = to_upper(title);
    if (upper == to_upper(committee.minutes_item.title)) return true;
    for (const auto& s : committee.standard_items)
        if (upper == to_upper(s.title)) return true;
    return false;
}

void collect(const doc::Document& minutes, const model::Document& source, const MinutesSource& from, const model::Committee& committee,
             std::vector<Resolution>& out) {
    for (const auto& section : minutes.body) {
        if (section.role != "minute" || section.children.empty()) continue;
        const Block& heading = section.children.front();
        int number = std::atoi(heading.label.c_str());
        // The heading as the officer wrote it, not the capitals printed.
        std::string title = doc::plain_text(heading.inlines);
        for (const auto& b : section.children) {
            if (b.role != "resolved") continue;
            const Block& lead = b.children.front();
            const Block* list = b.children.size() > 1 && b.children[1].kind == Block::Kind::List ? &b.children[1] : nullptr;
            auto add = [&](int n, doc::Inlines text) {
                Resolution r;
                r.id = iso(source.minutes.held) + "/" + std::to_string(number) + "/" + std::to_string(n);
                r.held = source.minutes.held;
                r.minute = number;
                r.title = title;
                r.text = std::move(text);
                r.minutes_document = from.id;
                r.meeting_id = from.plan->id;
                out.push_back(std::move(r));
            };
            if (list) {
                int n = 0;
                for (const auto& item : list->children) {
                    doc::Inlines text;
                    for (const auto& p : item.children)
                        if (p.kind == Block::Kind::Paragraph) {
                            if (!text.empty()) text.push_back(doc::text(" "));
                            text.insert(text.end(), p.inlines.begin(), p.inlines.end());
                        }
                    add(++n, std::move(text));
                }
            } else if (!procedural(title, committee)) {
                add(1, decision_text(lead));
            }
        }
    }
}

}  // namespace

int minute_start(const Context& context, const compute::MeetingPlan& plan, const model::MinutesHeader& header) {
    if (header.first_minute) return *header.first_minute;
    if (context.records) {
        auto it = context.records->minute_starts.find(key(plan.committee->slug, header.held));
        if (it != context.records->minute_starts.end()) return it->second;
    }
    return 1;
}

Records prepare_records(const Context& context, const std::vector<compute::MeetingPlan>& plans) {
    Records records;
    for (const auto& committee : context.site.committees) {
        std::vector<MinutesSource> sources;
        std::set<Date> seen;
        for (const auto& plan : plans) {
            if (plan.committee != &committee) continue;
            for (const auto* placed : plan.documents())
                if (placed->source->kind == model::DocumentKind::Minutes && seen.insert(placed->source->minutes.held).second)
                    sources.push_back({placed->source, &plan, placed->id});
        }
        std::sort(sources.begin(), sources.end(), [](const auto& a, const auto& b) { return a.document->minutes.held < b.document->minutes.held; });

        // Numbering runs on within a municipal year and restarts with the next.
        int next = 1, year = 0;
        std::vector<Resolution>& resolutions = records.resolutions[committee.slug];
        for (const auto& s : sources) {
            const model::MinutesHeader& header = s.document->minutes;
            int this_year = header.held.month >= committee.minutes_restart_month ? header.held.year : header.held.year - 1;
            if (this_year != year) next = 1, year = this_year;
            int start = header.first_minute.value_or(next);
            records.minute_starts[key(committee.slug, header.held)] = start;
            Context with_records = context;
            with_records.records = &records;
            compute::PlacedDocument placed;
            placed.source = s.document;
            placed.id = s.id;
            doc::Document minutes = compose_minutes(with_records, *s.plan, placed);
            int count = 0;
            for (const auto& b : minutes.body) count += b.role == "minute";
            next = start + count;
            collect(minutes, *s.document, s, committee, resolutions);
        }

        // Every status names a decision agendapack knows, or stands alone.
        std::vector<std::string> ids;
        for (const auto& r : resolutions) ids.push_back(r.id);
        for (const auto& status : committee.tracker) {
            if (!status.action_proposed.text.empty()) continue;
            if (std::find(ids.begin(), ids.end(), status.id) == ids.end())
                throw InputError(status.where, unknown_name("recommendation", status.id, ids) +
                                                   ": no minutes in content/ record it (give an older one its own 'title' and 'action_proposed')");
        }
    }
    return records;
}

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
    };
    std::map<std::string, const model::TrackerStatus*> statuses;
    for (const auto& s : committee.tracker) statuses[s.id] = &s;
    // A title given for one decision of a minute names all of that minute's decisions.
    std::map<std::string, std::string> minute_titles;
    for (const auto& s : committee.tracker)
        if (!s.title.empty() && s.action_proposed.text.empty()) minute_titles[s.id.substr(0, s.id.rfind('/'))] = s.title;
    auto open_at_meeting = [&](const model::TrackerStatus* s) { return !s || !s->closed || *s->closed >= today; };

    std::vector<RowData> rows;
    for (const auto& s : committee.tracker) {
        if (s.action_proposed.text.empty() || !open_at_meeting(&s)) continue;
        if (s.date && *s.date >= today) continue;
        rows.push_back({s.date, s.title, doc::markdown_inline(s.action_proposed), &s, ""});
    }
    auto found = context.records->resolutions.find(committee.slug);
    if (found != context.records->resolutions.end())
        for (const auto& r : found->second) {
            if (r.held >= today) continue;  // decided at this meeting or later
            auto status = statuses.count(r.id) ? statuses[r.id] : nullptr;
            if (!open_at_meeting(status)) continue;
            // Earlier municipal years' decisions carry on only while the status file keeps them open.
            if (municipal_year_start(r.held) != municipal_year_start(today) && !status) continue;
            auto title = minute_titles.find(r.id.substr(0, r.id.rfind('/')));
            RowData row{r.held, title != minute_titles.end() ? title->second : r.title, r.text, status, ""};
            if (r.meeting_id == plan.id) row.link = r.minutes_document + "#minute-" + std::to_string(r.minute);
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
    table.rows.push_back({{doc::text_cell("Date", true, "col"), doc::text_cell("Title", true, "col"), doc::text_cell("Action proposed", true, "col"),
                           doc::text_cell("Action Taken", true, "col"), doc::text_cell("Progress Status", true, "col")}});
    for (size_t i = 0; i < rows.size(); ++i) {
        const RowData& r = rows[i];
        char date[16] = "";
        if (r.date) std::snprintf(date, sizeof date, "%02d/%02d/%02d", r.date->day, r.date->month, r.date->year % 100);
        doc::Inlines title{doc::text(r.title)};
        if (!r.link.empty()) title = {doc::internal_link(r.link, title)};
        doc::Row row{{doc::text_cell(date), doc::cell({doc::paragraph(title)}), doc::cell({doc::paragraph(r.proposed)}),
                      r.status && !r.status->action_taken.text.empty() ? doc::cell(content_blocks(context, r.status->action_taken))
                                                                       : doc::text_cell(""),
                      doc::text_cell(r.status ? r.status->status : "")}};
        // One Date and Title for a meeting's recommendations under one minute.
        if (i > 0 && rows[i - 1].date == r.date && rows[i - 1].title == r.title) row.cells[0].continued = row.cells[1].continued = true;
        table.rows.push_back(std::move(row));
    }
    for (size_t c = 0; c < 2; ++c)
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

std::string csv_cell(const std::string& text) {
    if (text.find_first_of(",\"\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string json_string(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buffer[8];
                    std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
                    out += buffer;
                } else {
                    out += c;
                }
        }
    }
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
                    entries.push_back({r.id, iso(r.held), r.title, doc::plain_text(r.text), s ? trim(s->action_taken.text) : "",
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
