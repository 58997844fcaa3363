// The site's feeds and open data, all from the sources' own dates (no
// clock): an iCalendar per committee and for the whole site, an Atom feed
// of published packs and minutes, a JSON document per meeting shaped after
// Open Civic Data's Event (with its agenda items and their documents), an
// index of them, and a sitemap when council.yaml says where the site lives.
// Exempt documents are not in a public edition's plan, so never here.
#include <algorithm>

#include "../support/site_paths.hpp"
#include "compose.hpp"

namespace agendapack::compose {

namespace {

std::string two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }
std::string compact(const Date& d) { return std::to_string(d.year) + two(d.month) + two(d.day); }

// iCalendar text: commas, semicolons and backslashes escaped, lines folded at 75 octets.
std::string ical_text(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\\' || c == ';' || c == ',') out += '\\';
        if (c == '\n') out += "\\n";
        else out += c;
    }
    return out;
}
std::string ical_line(const std::string& line) {
    std::string out;
    size_t width = 0;
    for (size_t i = 0; i < line.size(); ++i) {
        const auto c = static_cast<unsigned char>(line[i]);
        // Fold before 75 octets, never inside a UTF-8 character.
        if (width >= 74 && (c & 0xC0) != 0x80) {
            out += "\r\n ";
            width = 1;
        }
        out += line[i];
        ++width;
    }
    return out + "\r\n";
}


// A meeting's one identity in calendars, whatever date it moved to: the
// committee and the date it was first arranged for.
std::string uid_of(const compute::MeetingPlan& plan) {
    const Date first = plan.meeting->rescheduled_from.empty() ? plan.meeting->date : plan.meeting->rescheduled_from.front();
    return plan.committee->slug + "-" + iso(first) + "@agendapack";
}

std::string vevent(const compute::MeetingPlan& plan) {
    const model::Meeting& m = *plan.meeting;
    std::string hhmm = m.time.substr(0, 2) + m.time.substr(3, 2);
    std::string out;
    out += ical_line("BEGIN:VEVENT");
    out += ical_line("UID:" + uid_of(plan));
    // The stamp is the agenda's issue date (or the meeting's): no clock.
    out += ical_line("DTSTAMP:" + compact(m.issued.value_or(m.date)) + "T000000Z");
    out += ical_line("DTSTART;TZID=Europe/London:" + compact(m.date) + "T" + hhmm + "00");
    out += ical_line("SEQUENCE:" + std::to_string(m.rescheduled_from.size()));
    out += ical_line("SUMMARY:" + ical_text(plan.committee->name));
    out += ical_line("LOCATION:" + ical_text(m.venue));
    out += ical_line("URL:" + paths::meeting_page(plan.id));
    out += ical_line(std::string("STATUS:") + (m.cancelled ? "CANCELLED" : "CONFIRMED"));
    out += ical_line("END:VEVENT");
    return out;
}

std::string calendar(const std::string& name, const std::vector<const compute::MeetingPlan*>& plans) {
    std::string out = ical_line("BEGIN:VCALENDAR") + ical_line("VERSION:2.0") + ical_line("PRODID:-//agendapack//committee meetings//EN") +
                      ical_line("CALSCALE:GREGORIAN") + ical_line("X-WR-CALNAME:" + ical_text(name));
    // Europe/London, so times are the wall-clock times the agenda prints.
    for (const char* line : {"BEGIN:VTIMEZONE", "TZID:Europe/London", "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0000", "TZOFFSETTO:+0100", "TZNAME:BST",
                             "DTSTART:19700329T010000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT", "BEGIN:STANDARD",
                             "TZOFFSETFROM:+0100", "TZOFFSETTO:+0000", "TZNAME:GMT", "DTSTART:19701025T020000",
                             "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "END:VTIMEZONE"})
        out += ical_line(line);
    for (const auto* plan : plans) out += vevent(*plan);
    return out + ical_line("END:VCALENDAR");
}

std::string atom_date(const Date& d) { return iso(d) + "T00:00:00Z"; }

}  // namespace

std::vector<OpenDataFile> open_data(const Context& context, const std::vector<compute::MeetingPlan>& plans) {
    std::vector<OpenDataFile> files;
    std::vector<const compute::MeetingPlan*> all;
    for (const auto& plan : plans) all.push_back(&plan);
    // Calendars list meetings in date order.
    std::stable_sort(all.begin(), all.end(), [](auto* a, auto* b) { return a->meeting->date < b->meeting->date; });
    files.push_back({paths::calendar("all"), calendar(context.site.council.name + " – committee meetings", all)});
    for (const auto& committee : context.site.committees) {
        std::vector<const compute::MeetingPlan*> own;
        for (const auto* plan : all)
            if (plan->committee == &committee) own.push_back(plan);
        files.push_back({paths::calendar(committee.slug), calendar(committee.name, own)});
    }

    // Atom: each pack as it was issued, and each meeting's minutes as they were published.
    struct Item {
        Date when;
        std::string id, title, href, summary;
    };
    std::vector<Item> items;
    for (const auto* plan : all) {
        const Date issued = plan->meeting->issued.value_or(plan->meeting->date);
        items.push_back({issued, "tag:agendapack,2024:" + plan->id + "/agenda",
                         "Agenda: " + plan->committee->name + ", " + long_date_with_weekday(plan->meeting->date) +
                             (plan->meeting->cancelled ? " (cancelled)" : ""),
                         paths::meeting_page(plan->id),
                         std::to_string(plan->agenda.size()) + " agenda items and " + std::to_string(plan->documents().size()) +
                             " documents, with the Public Document Pack."});
        if (context.records)
            for (const auto& p : compute::published_minutes(*context.records, *plan))
                items.push_back({p.meeting_date, "tag:agendapack,2024:" + plan->id + "/minutes",
                                 "Minutes: " + plan->committee->name + ", " + long_date_with_weekday(plan->meeting->date),
                                 paths::document_page(p.meeting_id, p.document_id), p.title + "."});
    }
    std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return b.when < a.when; });
    const Date updated = items.empty() ? Date{2000, 1, 1} : items.front().when;
    std::string feed = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
    feed += "<title>" + escape_markup(context.site.council.name + ": committee papers") + "</title>\n";
    feed += "<id>tag:agendapack,2024:" + escape_markup(slugify(context.site.council.name)) + "/feed</id>\n";
    feed += "<updated>" + atom_date(updated) + "</updated>\n<link rel=\"self\" href=\"" + paths::feed() + "\"/>\n";
    feed += "<link rel=\"alternate\" type=\"text/html\" href=\"" + paths::index_page() + "\"/>\n";
    feed += "<author><name>" + escape_markup(context.site.council.name) + "</name></author>\n";
    for (const auto& item : items)
        feed += "<entry>\n<id>" + escape_markup(item.id) + "</id>\n<title>" + escape_markup(item.title) + "</title>\n<updated>" + atom_date(item.when) +
                "</updated>\n<link rel=\"alternate\" type=\"text/html\" href=\"" + escape_markup(item.href) + "\"/>\n<summary>" + escape_markup(item.summary) +
                "</summary>\n</entry>\n";
    files.push_back({paths::feed(), feed + "</feed>\n"});

    // The index of meetings as open data.
    std::string index = "{\n  \"council\": " + json_string(context.site.council.name) + ",\n  \"meetings\": [\n";
    for (size_t i = 0; i < plans.size(); ++i) {
        const auto& plan = plans[i];
        index += "    {\"id\": " + json_string(plan.id) + ", \"name\": " + json_string(plan.committee->name) + ", \"start_date\": " +
                 json_string(iso(plan.meeting->date) + "T" + plan.meeting->time) + ", \"status\": " +
                 json_string(plan.meeting->cancelled ? "cancelled" : "confirmed") + ", \"url\": " +
                 json_string(paths::meeting_data(plan.id)) + "}" + (i + 1 < plans.size() ? ",\n" : "\n");
    }
    files.push_back({paths::meetings_data_index(), index + "  ]\n}\n"});

    // The sitemap needs the site's address: only when council.yaml gives it.
    if (!context.site.council.site_url.empty()) {
        std::vector<std::string> pages{paths::index_page(), paths::search_page()};
        for (const auto& committee : context.site.committees)
            for (const char* page : {"index", "decisions", "tracker"}) pages.push_back(paths::committee_page(committee.slug, page));
        for (const auto& plan : plans) {
            pages.push_back(paths::meeting_page(plan.id));
            for (const auto* placed : plan.documents())
                if (placed->item_number > 0 || placed->source->kind == model::DocumentKind::Minutes) pages.push_back(paths::document_page(plan.id, placed->id));
        }
        for (const auto& [path, _] : context.site.glossaries) pages.push_back(paths::glossary_page(page_name(path)));
        std::string map = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
        for (const auto& page : pages) map += "<url><loc>" + escape_markup(context.site.council.site_url + page) + "</loc></url>\n";
        files.push_back({paths::sitemap(), map + "</urlset>\n"});
    }
    return files;
}

std::string meeting_data(const compute::MeetingPlan& plan) {
    // After Open Civic Data's Event: name, start date, location, status,
    // agenda items with their documents (media) and where to find them.
    const model::Meeting& m = *plan.meeting;
    std::string out = "{\n  \"id\": " + json_string(plan.id) + ",\n  \"name\": " + json_string(plan.committee->name) +
                      ",\n  \"classification\": \"committee-meeting\",\n  \"start_date\": " + json_string(iso(m.date) + "T" + m.time) +
                      ",\n  \"timezone\": \"Europe/London\",\n  \"status\": " + json_string(m.cancelled ? "cancelled" : "confirmed") +
                      ",\n  \"location\": {\"name\": " + json_string(m.venue) + "},\n  \"sources\": [{\"url\": " +
                      json_string(paths::meeting_page(plan.id)) + "}],\n  \"media\": [{\"note\": \"Public Document Pack\", \"links\": [{\"media_type\": "
                      "\"application/pdf\", \"url\": " + json_string(paths::pack_file(plan.id)) + "}]}],\n  \"agenda\": [\n";
    for (size_t i = 0; i < plan.agenda.size(); ++i) {
        const auto& item = plan.agenda[i];
        out += "    {\"order\": " + std::to_string(item.number) + ", \"description\": " + json_string(item.title) +
               ", \"notes\": " + json_string(trim(item.description.text)) + ", \"exempt\": " + (item.exempt ? "true" : "false") + ", \"media\": [";
        bool first = true;
        for (const auto& placed : item.documents) {
            if (placed.withheld) continue;
            out += std::string(first ? "" : ", ") + "{\"note\": " + json_string(placed.title) +
                   ", \"links\": [{\"media_type\": \"text/html\", \"url\": " + json_string(paths::document_page(plan.id, placed.id)) + "}]}";
            first = false;
        }
        out += "]}" + std::string(i + 1 < plan.agenda.size() ? ",\n" : "\n");
    }
    return out + "  ]\n}\n";
}

}  // namespace agendapack::compose
