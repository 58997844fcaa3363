// Where every output file goes, relative to the output folder: the one place
// that knows the site's layout, so the builder, the renderers, the cache and
// publishing agree on it.
#pragma once

#include <string>

namespace agendapack::paths {

std::string meeting_folder(const std::string& meeting_id);                   // meetings/<id>
std::string meeting_page(const std::string& meeting_id);                     // meetings/<id>/index.html
// A committee's own pages: committees/<committee>/<page>.html (two folders
// deep, like a meeting's, so "../../" is the site's top from either).
std::string committee_page(const std::string& committee, const std::string& page = "index");
std::string pack_name(const std::string& meeting_id);                        // <id>-pack.pdf
std::string item_pdf_name(const std::string& meeting_id, int item);          // <id>-item-<n>.pdf
std::string pack_file(const std::string& meeting_id);                        // meetings/<id>/<id>-pack.pdf
std::string document_page(const std::string& meeting_id, const std::string& document_id);  // meetings/<id>/<doc>.html
// A PDF appendix as it was received: meetings/<id>/<doc>.pdf
std::string received_file(const std::string& meeting_id, const std::string& document_id);
std::string received_name(const std::string& document_id);  // <doc>.pdf, beside its page
std::string image_file(const std::string& meeting_id, const std::string& name);            // meetings/<id>/images/<name>
std::string glossary_page(const std::string& glossary_id);                   // glossaries/<id>.html
bool is_glossary_page(const std::string& relative);
std::string tracker_csv(const std::string& committee);                       // tracker/<committee>.csv
std::string tracker_json(const std::string& committee);                      // tracker/<committee>.json
std::string stylesheet();                                                    // assets/style.css
std::string calendar(const std::string& name);                               // calendar/<committee or "all">.ics
std::string feed();                                                          // feed.xml
std::string provenance_file(const std::string& meeting_id);                   // meetings/<id>/<id>-pack.provenance.json
std::string meeting_data(const std::string& meeting_id);                     // meetings/<id>/meeting.json
std::string meetings_data_index();                                           // open-data/meetings.json
std::string accessibility_page();                                           // accessibility.html
std::string favicon();                                                       // assets/favicon.svg
std::string logo(const std::string& file);                                   // assets/logo.<png|svg>
std::string sitemap();                                                       // sitemap.xml
std::string search_page();                                                   // search.html
std::string search_index();                                                  // assets/search-index.js
std::string search_script();                                                 // assets/search.js
std::string index_page();                                                    // index.html
// agendapack's own record of a meeting's last build (its key, what it read,
// its summary), kept beside the site so an unchanged meeting is not built
// again; one small file per meeting, so no run holds them all at once.
std::string build_records();                                                 // .agendapack/meetings
std::string build_record(const std::string& meeting_id);                     // .agendapack/meetings/<id>

// Which edition the folder holds, "public" or "members": one never goes over the other.
std::string published_record();                                              // .agendapack/published
std::string edition_record();                                                // .agendapack/edition

// The address of a document's page as a page of meeting `from` links to it:
// "07-report.html" in the same meeting, "../<meeting>/07-report.html" in another.
std::string document_link(const std::string& from_meeting, const std::string& meeting_id, const std::string& document_id);

// The unit publishing swaps in one rename: "index.html", "assets",
// "meetings/<id>", ".agendapack/meetings/<id>".
std::string unit_of(const std::string& relative);

}  // namespace agendapack::paths
