#include "site_paths.hpp"

namespace agendapack::paths {

std::string meeting_folder(const std::string& meeting_id) { return "meetings/" + meeting_id; }
std::string meeting_page(const std::string& meeting_id) { return meeting_folder(meeting_id) + "/index.html"; }
std::string committee_page(const std::string& committee, const std::string& page) { return "committees/" + committee + "/" + page + ".html"; }
std::string item_pdf_name(const std::string& meeting_id, int item) { return meeting_id + "-item-" + std::to_string(item) + ".pdf"; }
std::string pack_name(const std::string& meeting_id) { return meeting_id + "-pack.pdf"; }
std::string pack_file(const std::string& meeting_id) { return meeting_folder(meeting_id) + "/" + pack_name(meeting_id); }
std::string document_page(const std::string& meeting_id, const std::string& document_id) {
    return meeting_folder(meeting_id) + "/" + document_id + ".html";
}
std::string received_name(const std::string& document_id) { return document_id + ".pdf"; }
std::string received_file(const std::string& meeting_id, const std::string& document_id) {
    return meeting_folder(meeting_id) + "/" + received_name(document_id);
}
std::string image_file(const std::string& meeting_id, const std::string& name) { return meeting_folder(meeting_id) + "/images/" + name; }
std::string glossary_page(const std::string& glossary_id) { return "glossaries/" + glossary_id + ".html"; }
bool is_glossary_page(const std::string& relative) { return relative.rfind("glossaries/", 0) == 0; }
std::string tracker_csv(const std::string& committee) { return "tracker/" + committee + ".csv"; }
std::string tracker_json(const std::string& committee) { return "tracker/" + committee + ".json"; }
std::string stylesheet() { return "assets/style.css"; }
std::string calendar(const std::string& name) { return "calendar/" + name + ".ics"; }
std::string feed() { return "feed.xml"; }
std::string provenance_file(const std::string& meeting_id) { return meeting_folder(meeting_id) + "/" + meeting_id + "-pack.provenance.json"; }
std::string meeting_data(const std::string& meeting_id) { return meeting_folder(meeting_id) + "/meeting.json"; }
std::string meetings_data_index() { return "open-data/meetings.json"; }
std::string accessibility_page() { return "accessibility.html"; }
std::string favicon() { return "assets/favicon.svg"; }
std::string logo(const std::string& file) { return "assets/logo" + file.substr(file.rfind('.')); }
std::string sitemap() { return "sitemap.xml"; }
std::string search_page() { return "search.html"; }
std::string search_index() { return "assets/search-index.js"; }
std::string search_script() { return "assets/search.js"; }
std::string index_page() { return "index.html"; }
std::string build_records() { return ".agendapack/meetings"; }
std::string build_record(const std::string& meeting_id) { return build_records() + "/" + meeting_id; }

std::string document_link(const std::string& from_meeting, const std::string& meeting_id, const std::string& document_id) {
    const std::string page = document_id + ".html";
    return from_meeting == meeting_id ? page : "../" + meeting_id + "/" + page;
}

std::string unit_of(const std::string& relative) {
    // Per-meeting collections: each meeting is its own unit.
    for (const std::string& collection : {std::string("meetings/"), build_records() + "/"})
        if (relative.rfind(collection, 0) == 0) return relative.substr(0, relative.find('/', collection.size()));
    // agendapack's other records are each a unit of their own.
    if (relative.rfind(".agendapack/", 0) == 0) return relative;
    return relative.substr(0, relative.find('/'));
}

std::string published_record() { return ".agendapack/published"; }
std::string edition_record() { return ".agendapack/edition"; }

}  // namespace agendapack::paths
