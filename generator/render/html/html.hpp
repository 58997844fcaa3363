// The HTML renderer: document trees into accessible pages, placed in
// Mustache page templates from templates/html/.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "../../compose/compose.hpp"
#include "../../doc/doc.hpp"
#include "../../support/support.hpp"

namespace agendapack::render::html {

std::string escape(std::string_view text);

// Internal links name a document id; the page decides the relative address.
using LinkResolver = std::function<std::string(const std::string& document_id)>;

// The page address of a document of the same meeting, or of a place in it:
// "07-report" → "07-report.html"; "09-appendix-2#neglect" → "09-appendix-2.html#neglect".
std::string document_href(const std::string& target);

std::string render_inlines(const doc::Inlines& inlines, const LinkResolver& links);
// What a heading carries after its words, inside it (a document page's
// link to the heading's page in the printed pack); empty for nothing.
using HeadingEnd = std::function<std::string(const doc::Block& heading)>;
std::string render_blocks(const doc::Blocks& blocks, const LinkResolver& links, const HeadingEnd& heading_end = nullptr);
std::string render_chart(const doc::Chart& chart);  // inline SVG and its figures as a table

struct Templates {
    std::string page;      // the shell every page shares
    std::string index;     // body of output/index.html
    std::string meeting;   // body of a meeting page
    std::string document;  // body of a document page
    std::string stylesheet;
    std::string search_script;  // templates/html/search.js; none in older templates: then no search page
    bool noindex = false;
    // What every page's shell says of the council (council.yaml): its name,
    // accent colour and logo (its file name under assets/, "" for none).
    std::string council, accent, logo;  // every page asks search engines to leave it out (the members' edition)
};
Templates load_templates(const FileSystem& fs, const std::string& dir);

struct OutputFile {
    std::string path;  // relative to the output folder
    std::string bytes;
};

// The printed pack beside a meeting's pages: its file name, size and length.
struct PackLink {
    std::string file;
    size_t bytes = 0;
    int pages = 0;
    struct Item {
        int number = 0;
        std::string file;
        size_t bytes = 0;
        int pages = 0;
    };
    std::vector<Item> items;  // each agenda item's own PDF
};

// A meeting's own pages: one per document, and its pictures.
std::vector<OutputFile> render_documents(const compose::ComposedMeeting& meeting, const Templates& templates);
// The meeting's page, which names its pack's size and pages: made once the
// pack is written (the document pages need not wait for it).
OutputFile render_meeting_page(const compose::ComposedMeeting& meeting, const Templates& templates, const PackLink* pack);

// The site-wide pages: the index of meetings, the glossaries, the stylesheet.
std::vector<OutputFile> render_site_pages(const compose::SiteIndex& index, const Templates& templates,
                                          const std::vector<doc::Document>& glossaries, const std::vector<compose::SitePage>& pages = {},
                                          const std::string& search_index = "");

}  // namespace agendapack::render::html
