// A meeting folder: meeting.yaml and the documents its agenda attaches.
#include <algorithm>
#include <cstring>
#include <set>

#include "loaders.hpp"

namespace agendapack::load {

namespace {

std::vector<model::Document> read_documents(const FileSystem& fs, const YamlText& source, const YamlNode& list,
                                            const std::string& key, const std::string& dir, const model::Council& council,
                                            std::set<std::string>& listed) {
    std::vector<model::Document> documents;
    require_sequence(source, list, key);
    // Every document's problem at once: one missing file does not hide the next.
    std::vector<InputError> problems;
    for (const YamlNode& item : list.items()) collect_into(problems, [&] {
        // A file's name, or {file, title, listed_as, exempt, fit} for what a
        // PDF cannot say of itself (and `exempt` for any document).
        std::optional<Fields> f;
        if (item.is_map()) f.emplace(source, item, std::vector<std::string>{"file", "title", "listed_as", "exempt", "fit"}, "a document");
        const YamlNode name = f ? f->require("file") : YamlNode(item);
        std::string relative = scalar_string(source, name, f ? "file" : key);
        if (!listed.insert(relative).second) source.fail(name, "'" + relative + "' is already listed in this meeting");
        const bool pdf = names_pdf(relative);
        if (f && !pdf)
            for (const char* pdf_only : {"title", "listed_as", "fit"})
                if (f->has(pdf_only))
                    source.fail(f->node(pdf_only), std::string("'") + pdf_only + "' is for PDF files: a Markdown document gives it in its front matter");
        model::Document document = pdf ? load_received_pdf(fs, dir, relative, source.at(name),
                                                           f && f->has("title") ? f->optional_string("title") : std::nullopt)
                                       : load_document(fs, dir, relative, source.at(name), council);
        if (f) {
            if (f->has("title")) document.title = document.listed_as = f->string("title");
            if (f->has("listed_as")) document.listed_as = f->string("listed_as");
            if (f->has("fit")) document.received->fit = f->boolean_or("fit", true);
            if (f->has("exempt")) document.exempt = exempt_paragraph(source, f->node("exempt"));
        }
        documents.push_back(std::move(document));
    });
    throw_collected(std::move(problems));
    return documents;
}

// `monitoring: yes` (or a mapping of cover fields to print instead): the
// committee's monitoring report from its template, and Appendix 1, the
// tracker of recommendations, dated for this meeting.
void add_monitoring_documents(const FileSystem& fs, const YamlText& source, const YamlNode& value, const std::string& dir,
                              model::Meeting& meeting, const model::Council& council, const model::Committee& committee) {
    model::AgendaItem& item = meeting.agenda.back();
    if (!item.documents.empty()) source.fail(value, "an item with 'monitoring' gets its documents from the committee's template: remove 'documents'");
    if (value.is_scalar() && parse_yes_no(value.text()) != true)
        source.fail(value, "'monitoring' is yes, or a mapping of cover-sheet fields to print instead of the template's");
    if (committee.monitoring_report.empty())
        source.fail(value, "'monitoring' needs 'monitoring_report' in committee.yaml: the report's template");
    const std::string committee_dir = dir.substr(0, dir.rfind('/'));
    model::Document report = load_document(fs, committee_dir, committee.monitoring_report, source.at(value), council);
    if (report.kind != model::DocumentKind::Report) source.fail(value, "the monitoring template must be a report ('document: report')");
    if (value.is_map()) apply_cover_overrides(source, value, report, council);
    report.slug = "monitoring-scrutiny-recommendations";

    model::Document appendix;
    appendix.kind = model::DocumentKind::Appendix;
    appendix.slug = "monitoring-scrutiny-recommendations-appendix-1";
    appendix.path = appendix.slug;
    appendix.title = committee.name + " – Scrutiny Monitoring – " + day_month_year(meeting.date);
    appendix.listed_as = "Monitoring Scrutiny Recommendations – " + day_month_year(meeting.date);
    appendix.landscape = true;
    std::string options;
    bool captioned = false;
    for (const auto& [key, text] : committee.tracker_table) {
        options += key + ": " + text + "\n";
        captioned = captioned || key == "caption";
    }
    if (!captioned) options = "caption: Recommendations from previous meetings and the action taken\n" + options;
    appendix.body = {"```tracker\n" + options + "```\n", source.at(value)};
    item.documents.push_back(std::move(report));
    item.documents.push_back(std::move(appendix));
}

model::AgendaItem read_agenda_item(const FileSystem& fs, const YamlText& source, const YamlNode& node,
                                   const std::string& dir, const model::Council& council, std::set<std::string>& listed) {
    Fields f(source, node, {"title", "description", "documents", "approve_minutes", "monitoring", "exempt"}, "an agenda item");
    model::AgendaItem item;
    item.where = f.where();
    if (f.has("exempt")) {
        if (f.has("approve_minutes")) source.fail(f.node("exempt"), "the minutes item cannot be exempt: mark the exempt minute's document instead");
        item.exempt = exempt_paragraph(source, f.node("exempt"));
    }
    if (f.has("approve_minutes")) {
        if (f.has("documents")) source.fail(node, "the minutes item lists its files under 'approve_minutes', not 'documents'");
        item.approves_minutes = true;
        item.title = f.string_or("title", "");
        item.description = f.markdown("description");
        item.documents = read_documents(fs, source, f.node("approve_minutes"), "approve_minutes", dir, council, listed);
        for (size_t i = 0; i < item.documents.size(); ++i)
            if (item.documents[i].kind != model::DocumentKind::Minutes)
                source.fail(f.node("approve_minutes").item(i), "'" + item.documents[i].path + "' is not minutes (its front matter says another document kind)");
        return item;
    }
    item.title = f.string("title");
    item.description = f.markdown("description");
    if (f.has("documents")) item.documents = read_documents(fs, source, f.node("documents"), "documents", dir, council, listed);
    // A report after the item's own is a report to another decision-maker
    // (Cabinet, say), printed as one of the item's appendices with its own cover.
    for (size_t i = 1; i < item.documents.size(); ++i) {
        const model::Document& d = item.documents[i];
        if (d.kind != model::DocumentKind::Report) continue;
        if (item.documents.front().kind != model::DocumentKind::Report)
            source.fail(f.node("documents").item(i), "'" + d.path + "' is a report, so it goes first: an item's later reports are reports to other "
                                                "decision-makers, printed among its appendices after its own report");
        if (!d.cover.decision_maker)
            source.fail(f.node("documents").item(i), "'" + d.path + "' follows the item's report, so it is a report to another decision-maker: "
                                                "give its 'decision_maker' (and 'date_of_decision')");
    }
    return item;
}

// A document left out of meeting.yaml would silently be missing from the pack.
void check_every_file_is_used(const FileSystem& fs, const std::string& dir, const model::Meeting& meeting) {
    std::set<std::string> used{"meeting.yaml"};
    for (const auto& item : meeting.agenda)
        for (const auto& document : item.documents) used.insert(document.path);
    if (meeting.own_minutes) used.insert(meeting.own_minutes->path);
    auto picture = [](const std::string& name) {
        std::string lower = to_lower(name);
        for (const char* ext : {".png", ".jpg", ".jpeg"})
            if (lower.size() > std::strlen(ext) && lower.compare(lower.size() - std::strlen(ext), std::string::npos, ext) == 0) return true;
        return false;
    };
    for (const auto& name : fs.list(dir)) {
        if (used.count(name) || name[0] == '.' || picture(name)) continue;  // pictures are placed by the documents
        throw InputError({join_path(dir, name), 0, 0},
                         "this file is not in meeting.yaml: list it under an agenda item's documents (or 'minutes'), or move it out of the meeting folder");
    }
}

}  // namespace

model::Meeting load_meeting(const FileSystem& fs, const std::string& dir, const std::string& folder,
                            const model::Council& council, const model::Committee& committee) {
    const std::string path = join_path(dir, "meeting.yaml");
    auto text = fs.read(path);
    if (!text) throw InputError({path, 0, 0}, "file not found: every meeting folder needs a meeting.yaml");
    YamlText source{path, *text};
    const auto tree = parse_yaml(source);
    YamlNode root = tree->root();
    Fields f(source, root,
             {"date", "time", "note_time", "venue", "open_to_public", "issued", "elect_vice_chair", "standard_items",
              "members", "appointed_members", "contacts", "agenda", "minutes", "signatory", "cancelled", "rescheduled_from"},
             "meeting.yaml");
    model::Meeting meeting;
    meeting.folder = folder;
    meeting.where = f.where();
    meeting.date = f.date("date");
    if (iso(meeting.date) != folder)
        source.fail(f.node("date"), "the date " + iso(meeting.date) + " does not match the folder name '" + folder + "'");
    meeting.time = f.string("time");
    meeting.cancelled = f.boolean_or("cancelled", false);
    if (f.has("rescheduled_from")) {
        YamlNode from = f.node("rescheduled_from");
        if (from.is_list()) {
            for (const YamlNode& d : from.items()) meeting.rescheduled_from.push_back(scalar_date(source, d, "rescheduled_from"));
        } else {
            meeting.rescheduled_from.push_back(f.date("rescheduled_from"));
        }
        std::sort(meeting.rescheduled_from.begin(), meeting.rescheduled_from.end());
    }
    if (!printed_time(meeting.time))
        source.fail(f.node("time"), "'time' must be a 24-hour time written \"HH:MM\", like \"17:30\"");
    meeting.note_time = f.boolean_or("note_time", false);
    meeting.venue = f.string("venue");
    meeting.open_to_public = f.boolean_or("open_to_public", true);
    meeting.issued = f.optional_date("issued");
    if (meeting.issued && *meeting.issued > meeting.date)
        source.fail(f.node("issued"), "the agenda is issued on " + iso(*meeting.issued) + ", after the meeting itself");
    meeting.signatory = f.optional_string("signatory");
    meeting.elect_vice_chair = f.boolean_or("elect_vice_chair", false);
    meeting.standard_items = f.boolean_or("standard_items", true);
    if (f.has("members")) meeting.members = f.strings("members");
    if (f.has("appointed_members")) meeting.appointed_members = read_appointed_members(source, f.node("appointed_members"));
    if (f.has("contacts")) meeting.contacts = read_contacts(source, f.node("contacts"), council.people);
    std::set<std::string> listed;
    std::vector<InputError> problems;
    if (f.has("agenda")) {
        YamlNode list = f.node("agenda");
        require_sequence(source, list, "agenda");
        // Each item's problems, and the next item's too, in one run.
        for (const YamlNode& node : list.items())
            collect_into(problems, [&] {
                meeting.agenda.push_back(read_agenda_item(fs, source, node, dir, council, listed));
                if (node.is_map() && node["monitoring"]) add_monitoring_documents(fs, source, node["monitoring"], dir, meeting, council, committee);
            });
    }
    if (f.has("minutes")) collect_into(problems, [&] {
        auto file = f.string("minutes");
        if (!listed.insert(file).second) source.fail(f.node("minutes"), "'" + file + "' is already listed in this meeting");
        meeting.own_minutes = load_document(fs, dir, file, source.at(f.node("minutes")), council);
        if (meeting.own_minutes->kind != model::DocumentKind::Minutes)
            source.fail(f.node("minutes"), "'" + file + "' is not minutes (its front matter says another document kind)");
        if (meeting.own_minutes->minutes.held != meeting.date)
            source.fail(f.node("minutes"), "'" + file + "' records the meeting held on " + iso(meeting.own_minutes->minutes.held) +
                                               ", not this one (" + iso(meeting.date) + ")");
    });
    // Files left unlisted are only worth naming once every listed one has been read.
    throw_collected(std::move(problems));
    check_every_file_is_used(fs, dir, meeting);
    return meeting;
}

void release_text(model::Meeting& meeting, const std::string& meeting_dir, bool minutes_too) {
    auto release = [&](model::Document& document) {
        if (document.kind == model::DocumentKind::Minutes && !minutes_too) return;
        if (document.body.released || document.body.origin.file != join_path(meeting_dir, document.path)) return;
        std::string().swap(document.body.text);
        document.body.released = true;
    };
    for (auto& item : meeting.agenda)
        for (auto& document : item.documents) release(document);
    if (meeting.own_minutes) release(*meeting.own_minutes);
}

model::Markdown read_body(const FileSystem& fs, const model::Markdown& released) {
    const std::string& file = released.origin.file;
    auto text = fs.read(file);
    if (!text) throw InputError({file, 0, 0}, "the document was removed while the site was being built");
    FrontMatterFile parts = split_front_matter(file, *text);
    return {parts.body, {file, parts.body_line, 1}};
}

}  // namespace agendapack::load
