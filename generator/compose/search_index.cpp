// What the site's search page looks through, written at build time so no
// server is needed: every meeting, agenda item, published document,
// glossary term and recorded decision, with where it is. A script file
// rather than JSON, so the search page works opened from disk as well.
// Exempt documents are not in a public edition's plan, so never here.
#include "../support/site_paths.hpp"
#include "compose.hpp"

namespace agendapack::compose {

namespace {

struct Entry {
    std::string kind, title, text, href, date;
};

std::string first_words(const std::string& text, size_t limit) {
    std::string flat;
    for (char c : text) flat += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    if (flat.size() <= limit) return trim(flat);
    size_t cut = flat.rfind(' ', limit);
    return trim(flat.substr(0, cut == std::string::npos ? limit : cut)) + " …";
}

}  // namespace

std::string search_index(const Context& context, const std::vector<compute::MeetingPlan>& plans) {
    std::vector<Entry> entries;
    for (const auto& committee : context.site.committees)
        entries.push_back({"Committee", committee.name, "", paths::committee_page(committee.slug), ""});
    for (const auto& plan : plans) {
        const std::string date = day_month_year(plan.meeting->date);
        const std::string meeting = paths::meeting_page(plan.id);
        entries.push_back({"Meeting", plan.committee->name + ", " + long_date_with_weekday(plan.meeting->date), "", meeting, date});
        for (const auto& item : plan.agenda)
            entries.push_back({"Agenda item", std::to_string(item.number) + ". " + item.title, first_words(item.description.text, 240),
                               meeting + "#item-" + std::to_string(item.number), date});
        for (const auto* placed : plan.documents()) {
            const model::Document& source = *placed->source;
            std::string about;
            if (source.kind == model::DocumentKind::Report) {
                for (const auto& r : source.cover.recommendations) about += r.text + " ";
                if (source.cover.subject) about = *source.cover.subject + ". " + about;
            }
            entries.push_back({source.kind == model::DocumentKind::Minutes ? "Minutes" : source.kind == model::DocumentKind::Report ? "Report" : "Appendix",
                               placed->title, first_words(about, 240), paths::document_page(plan.id, placed->id), date});
        }
    }
    for (const auto& [path, glossary] : context.site.glossaries) {
        const std::string page = paths::glossary_page(page_name(path));
        for (const auto& term : glossary.entries) {
            std::string title = term.term;
            for (const auto& a : term.abbreviations) title += " (" + a + ")";
            entries.push_back({"Glossary", title, first_words(term.definition.text, 240), page + "#term-" + slugify(term.term), ""});
        }
    }
    if (context.records)
        for (const auto& [committee, resolutions] : context.records->resolutions)
            for (const auto& r : resolutions)
                entries.push_back({"Decision", std::to_string(r.minute) + ". " + r.title, first_words(compute::decision_words(r), 300),
                                   paths::document_page(r.meeting_id, r.minutes_document) + "#minute-" + std::to_string(r.minute),
                                   day_month_year(r.held)});
    std::string out = "// The site's search index, written by agendapack.\nwindow.agendapackSearch = [\n";
    for (size_t i = 0; i < entries.size(); ++i) {
        const Entry& e = entries[i];
        out += "{\"kind\":" + json_string(e.kind) + ",\"title\":" + json_string(e.title) + ",\"text\":" + json_string(e.text) +
               ",\"href\":" + json_string(e.href) + ",\"date\":" + json_string(e.date) + "}" + (i + 1 < entries.size() ? ",\n" : "\n");
    }
    return out + "];\n";
}

}  // namespace agendapack::compose
