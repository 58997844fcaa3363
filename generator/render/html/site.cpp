// The site's pages: the index, one page per meeting, one per document.
// Page structure lives in the Mustache templates; this file only fills them.
#include <kainjow/mustache.hpp>

#include <map>

#include "html.hpp"
#include "../../support/site_paths.hpp"

namespace agendapack::render::html {

namespace {

using kainjow::mustache::data;
using kainjow::mustache::mustache;

std::string render_template(const std::string& name, const std::string& text, const data& values) {
    mustache tmpl{text};
    if (!tmpl.is_valid()) throw InputError({name, 0, 0}, "template error: " + tmpl.error_message());
    std::string out = tmpl.render(values);
    if (!tmpl.is_valid()) throw InputError({name, 0, 0}, "template error: " + tmpl.error_message());
    return out;
}

std::vector<std::shared_ptr<const doc::Image>> images_of(const compose::ComposedMeeting& meeting);

struct Crumb {
    std::string label;
    std::string href;
};

// kainjow treats an empty string as true in a section, so absent values stay unset.
void set_if(data& values, const std::string& key, const std::string& value) {
    if (!value.empty()) values.set(key, value);
}

std::string page(const Templates& templates, const std::string& title, const std::string& root,
                 const std::vector<Crumb>& crumbs, const std::string& content) {
    data values;
    values.set("title", title);
    values.set("description", title);
    values.set("root", root);
    set_if(values, "council", templates.council);
    set_if(values, "accent", templates.accent);
    set_if(values, "logo", templates.logo);
    values.set("content", content);
    data trail{data::type::list};
    for (size_t i = 0; i < crumbs.size(); ++i) {
        data crumb;
        crumb.set("label", crumbs[i].label);
        if (!crumbs[i].href.empty()) crumb.set("href", crumbs[i].href);
        if (i + 1 == crumbs.size()) crumb.set("current", true);
        trail.push_back(crumb);
    }
    values.set("crumbs", trail);
    values.set("has_crumbs", !crumbs.empty());
    std::string html = render_template("templates/html/page.mustache", templates.page, values);
    // Whatever the page template says, the members' edition stays out of search engines.
    if (templates.noindex)
        if (size_t head = html.find("</head>"); head != std::string::npos)
            html.insert(head, "<meta name=\"robots\" content=\"noindex, nofollow\">\n");
    return html;
}

std::string count(size_t n, const std::string& noun) { return std::to_string(n) + " " + noun + (n == 1 ? "" : "s"); }


// A Mustache object of named strings.
data object(std::initializer_list<std::pair<const char*, std::string>> fields) {
    data values;
    for (const auto& [key, value] : fields) values.set(key, value);
    return values;
}

OutputFile index_page(const compose::SiteIndex& index, const Templates& templates, const std::vector<doc::Document>& glossaries) {
    data committees{data::type::list};
    for (const auto& committee : index.committees) {
        data year_list{data::type::list};
        for (const auto& year : committee.years) {
            data meetings{data::type::list};
            for (const auto& m : year.meetings) meetings.push_back(object({{"href", m.href}, {"date", m.date}, {"summary", m.summary}}));
            data entry;
            entry.set("label", year.label);
            entry.set("meetings", meetings);
            year_list.push_back(entry);
        }
        data entry;
        entry.set("name", committee.name);
        entry.set("href", committee.href);
        entry.set("years", year_list);
        committees.push_back(entry);
    }
    data values;
    values.set("council", index.council);
    set_if(values, "updated", index.updated);
    values.set("committees", committees);
    data glossary_list{data::type::list};
    for (const auto& g : glossaries) {
        data entry;
        entry.set("href", paths::glossary_page(g.id));
        entry.set("title", g.title);
        glossary_list.push_back(entry);
    }
    values.set("glossaries", glossary_list);
    values.set("has_glossaries", !glossaries.empty());
    std::string body = render_template("templates/html/index.mustache", templates.index, values);
    return {paths::index_page(), page(templates, index.council + " – committee meetings", "", {}, body)};
}

std::string file_size(size_t bytes) {
    char buffer[32];
    if (bytes >= 1024 * 1024) std::snprintf(buffer, sizeof buffer, "%.1f MB", bytes / (1024.0 * 1024.0));
    else std::snprintf(buffer, sizeof buffer, "%zu KB", (bytes + 1023) / 1024);
    return buffer;
}

OutputFile meeting_page(const compose::ComposedMeeting& composed, const Templates& templates, const PackLink* pack) {
    const compose::MeetingFacts& facts = composed.facts;
    LinkResolver links = [](const std::string& id) { return document_href(id); };
    data values;
    values.set("front_sheet", render_blocks(composed.front_sheet.body, links));
    values.set("public_information", render_blocks(composed.public_information.body, links));
    values.set("agenda", render_blocks(composed.agenda.body, links));
    data documents{data::type::list};
    for (const auto& d : composed.documents) {
        data entry;
        entry.set("href", document_href(d.id));
        entry.set("title", d.title);
        set_if(entry, "stamp", d.stamp);
        documents.push_back(entry);
    }
    values.set("documents", documents);
    values.set("has_documents", !composed.documents.empty());
    data minutes{data::type::list};
    for (const auto& m : facts.minutes) minutes.push_back(object({{"href", m.href}, {"title", m.title}, {"approved", m.approved}}));
    values.set("has_minutes", !facts.minutes.empty());
    values.set("minutes", minutes);
    if (pack) {
        data link;
        link.set("href", pack->file);
        link.set("size", file_size(pack->bytes));
        link.set("pages", count(static_cast<size_t>(pack->pages), "page"));
        values.set("pack", link);
        data items{data::type::list};
        for (const auto& item : pack->items)
            items.push_back(object({{"number", std::to_string(item.number)}, {"href", item.file}, {"size", file_size(item.bytes)},
                                    {"pages", count(static_cast<size_t>(item.pages), "page")}}));
        values.set("items", items);
        values.set("has_items", !pack->items.empty());
    }
    if (facts.previous) values.set("previous", object({{"href", facts.previous->href}, {"date", facts.previous->date}}));
    if (facts.next) values.set("next", object({{"href", facts.next->href}, {"date", facts.next->date}}));
    values.set("committee", object({{"href", facts.committee_href}, {"name", facts.committee}}));
    values.set("committee_slug", facts.committee_slug);
    std::string body = render_template("templates/html/meeting.mustache", templates.meeting, values);
    return {paths::meeting_page(facts.id),
            page(templates, facts.heading(), "../../", {{"Meetings", "../../index.html"}, {facts.committee, facts.committee_href}, {facts.date, ""}}, body)};
}

OutputFile document_page(const compose::ComposedMeeting& composed, size_t index, const Templates& templates) {
    const compose::MeetingFacts& facts = composed.facts;
    const doc::Document& d = composed.documents[index];
    LinkResolver links = [](const std::string& id) { return document_href(id); };
    data values;
    values.set("title", d.title);
    set_if(values, "stamp", d.stamp);
    values.set("show_title", d.kind == doc::Document::Kind::Report);
    // Before the text: the members' mark on an exempt document, and a
    // received PDF's own file (the printed pack has its pages).
    const std::string pack = escape(paths::pack_name(facts.id));
    std::string before;
    if (!d.restriction.empty()) before += "<p class=\"restriction\" role=\"note\"><strong>" + escape(d.restriction) + "</strong></p>\n";
    if (d.pack_first > 0) {
        // The same pages in the printed pack, opened where they start.
        before += "<p class=\"pack-pages\">In the printed pack: <a href=\"" + pack + "#page=" + std::to_string(d.pack_front + d.pack_first) + "\">" +
                  (d.pack_first == d.pack_last ? "page " + std::to_string(d.pack_first)
                                               : "pages " + std::to_string(d.pack_first) + " to " + std::to_string(d.pack_last)) +
                  " (PDF)</a></p>\n";
    }
    if (d.received) {
        const size_t pages = d.received->pages.size();
        before += "<p class=\"received-download\"><a href=\"" + escape(paths::received_name(d.id)) + "\" type=\"application/pdf\">Download the file as received (PDF, " + file_size(d.received->bytes.size()) + ", " + std::to_string(pages) +
                  (pages == 1 ? " page" : " pages") + ")</a></p>\n";
    }
    // Each section's page in the pack, after its heading, linking to it.
    HeadingEnd pack_page;
    if (d.pack_first > 0)
        pack_page = [&](const doc::Block& b) -> std::string {
            if (b.pack_page == 0 || b.level < 2 || b.id.empty()) return "";
            return " <a class=\"pack-page\" href=\"" + pack + "#page=" + std::to_string(d.pack_front + b.pack_page) + "\">page " +
                   std::to_string(b.pack_page) + "</a>";
        };
    std::string blocks = render_blocks(d.body, links, pack_page);
    // The title stays first: what goes before the text goes after the heading that opens it.
    size_t after_heading = blocks.rfind("<h1", 0) == 0 ? blocks.find("</h1>") : std::string::npos;
    if (after_heading != std::string::npos) {
        after_heading += 5;
        if (after_heading < blocks.size() && blocks[after_heading] == '\n') ++after_heading;
        blocks.insert(after_heading, before);
    }
    else blocks = before + blocks;
    values.set("body", blocks);
    values.set("meeting", facts.heading());
    values.set("in_meeting", true);
    if (index > 0) {
        values.set("previous_href", document_href(composed.documents[index - 1].id));
        values.set("previous_title", composed.documents[index - 1].title);
    }
    if (index + 1 < composed.documents.size()) {
        values.set("next_href", document_href(composed.documents[index + 1].id));
        values.set("next_title", composed.documents[index + 1].title);
    }
    std::string body = render_template("templates/html/document.mustache", templates.document, values);
    return {paths::document_page(facts.id, d.id),
            page(templates, d.title + " – " + facts.heading(), "../../",
                 {{"Meetings", "../../index.html"}, {facts.committee, facts.committee_href}, {facts.date, "index.html"}, {d.title, ""}},
                 body)};
}

// Each picture once, by name, in name order.
std::vector<std::shared_ptr<const doc::Image>> images_of(const compose::ComposedMeeting& meeting) {
    std::map<std::string, std::shared_ptr<const doc::Image>> found;
    for (const auto& d : meeting.documents)
        doc::for_each_block(d.body, [&](const doc::Block& b) {
            if (b.image) found.emplace(b.image->name, b.image);
        });
    std::vector<std::shared_ptr<const doc::Image>> out;
    for (auto& [_, image] : found) out.push_back(image);
    return out;
}

}  // namespace

std::string document_href(const std::string& target) {
    // Glossary pages sit at the site's top, two folders up from a meeting's pages.
    if (target.rfind("glossary:", 0) == 0) {
        std::string rest = target.substr(9);
        auto hash = rest.find('#');
        std::string page = hash == std::string::npos ? rest : rest.substr(0, hash);
        return "../../glossaries/" + page + ".html" + (hash == std::string::npos ? "" : rest.substr(hash));
    }
    auto hash = target.find('#');
    if (hash == std::string::npos) return target + ".html";
    return target.substr(0, hash) + ".html" + target.substr(hash);
}

Templates load_templates(const FileSystem& fs, const std::string& dir) {
    auto read = [&](const std::string& name) {
        std::string path = join_path(join_path(dir, "html"), name);
        auto text = fs.read(path);
        if (!text) throw InputError({path, 0, 0}, "template not found");
        return *text;
    };
    Templates templates{read("page.mustache"), read("index.mustache"), read("meeting.mustache"), read("document.mustache"), read("style.css")};
    if (auto script = fs.read(join_path(join_path(dir, "html"), "search.js"))) templates.search_script = *script;
    return templates;
}

std::vector<OutputFile> render_documents(const compose::ComposedMeeting& meeting, const Templates& templates) {
    std::vector<OutputFile> files;
    for (const auto& image : images_of(meeting)) files.push_back({paths::image_file(meeting.facts.id, image->name), image->bytes});
    for (size_t i = 0; i < meeting.documents.size(); ++i) {
        files.push_back(document_page(meeting, i, templates));
        if (const auto& received = meeting.documents[i].received) files.push_back({paths::received_file(meeting.facts.id, meeting.documents[i].id), received->bytes});
    }
    return files;
}

OutputFile render_meeting_page(const compose::ComposedMeeting& meeting, const Templates& templates, const PackLink* pack) {
    return meeting_page(meeting, templates, pack);
}

std::vector<OutputFile> render_site_pages(const compose::SiteIndex& index, const Templates& templates,
                                          const std::vector<doc::Document>& glossaries, const std::vector<compose::SitePage>& pages,
                                          const std::string& search_index) {
    std::vector<OutputFile> files;
    files.push_back(index_page(index, templates, glossaries));
    for (const auto& glossary : glossaries) {
        data values;
        values.set("title", glossary.title);
        values.set("show_title", false);
        values.set("body", render_blocks(glossary.body, document_href));
        values.set("meeting", index.council);
        std::string body = render_template("templates/html/document.mustache", templates.document, values);
        files.push_back({paths::glossary_page(glossary.id),
                         page(templates, glossary.title + " – " + index.council, "../", {{"Meetings", "../index.html"}, {glossary.title, ""}}, body)});
    }
    for (const auto& site_page : pages) {
        data values;
        values.set("title", site_page.document.title);
        values.set("show_title", false);
        values.set("body", render_blocks(site_page.document.body, document_href));
        values.set("meeting", index.council);
        std::vector<Crumb> crumbs;
        for (const auto& [label, href] : site_page.crumbs) crumbs.push_back({label, href});
        std::string body = render_template("templates/html/document.mustache", templates.document, values);
        files.push_back({site_page.path, page(templates, site_page.document.title + " – " + index.council, site_page.root, crumbs, body)});
    }
    files.push_back({paths::stylesheet(), templates.stylesheet});
    if (!templates.search_script.empty() && !search_index.empty()) {
        // The search page: a form that works without its script too (it
        // says so), its results announced politely as they change.
        const std::string body =
            "<h1>Search</h1>\n"
            "<form id=\"search-form\" role=\"search\" action=\"search.html\" method=\"get\">\n"
            "<label for=\"search-words\">Words to look for in meetings, agenda items, papers, the glossary and decisions</label>\n"
            "<div class=\"search-row\"><input type=\"search\" id=\"search-words\" name=\"q\" autocomplete=\"off\"> "
            "<button type=\"submit\">Search</button></div>\n</form>\n"
            "<p id=\"search-status\" role=\"status\" aria-live=\"polite\">Type a word or two to search the meetings, papers, glossary and decisions.</p>\n"
            "<ol id=\"search-results\" class=\"search-results\"></ol>\n"
            "<noscript><p>Searching needs JavaScript. Every meeting is listed on the <a href=\"index.html\">home page</a>.</p></noscript>\n"
            "<script src=\"" + paths::search_index() + "\"></script>\n<script src=\"" + paths::search_script() + "\"></script>\n";
        files.push_back({paths::search_page(), page(templates, "Search – " + index.council, "", {{"Meetings", "index.html"}, {"Search", ""}}, body)});
        files.push_back({paths::search_index(), search_index});
        files.push_back({paths::search_script(), templates.search_script});
    }
    return files;
}

}  // namespace agendapack::render::html
