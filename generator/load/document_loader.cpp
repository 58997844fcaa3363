// One Markdown document: its front matter (cover-sheet fields, minutes
// attendance, appendix titles) read strictly; its body kept for compose.
#include "loaders.hpp"

namespace agendapack::load {

namespace {

const std::vector<std::string> kReportKeys = {
    "document", "decision_maker", "subject", "date_of_decision", "report_of", "contact_details", "confidentiality",
    "recommendations", "key_decision", "wards_affected", "appendices", "documents_in_members_rooms",
    "equality_impact_assessment", "data_protection_impact_assessment", "privacy_impact_assessment", "background_documents", "glossary",
    "local_terms", "cover_sheet", "listed_as", "exempt"};
const std::vector<std::string> kMinutesKeys = {"document",          "held",
                                               "first_minute",      "present",
                                               "apologies",         "appointed_members",
                                               "appointed_members_apologies", "resolved_style"};
const std::vector<std::string> kAppendixKeys = {"document", "title", "listed_as", "orientation", "glossary", "local_terms", "exempt"};

std::string yes_no(const Fields& f, const std::string& key) {
    // Printed on the cover sheet as Yes or No, however it was written.
    std::string value = f.string_or(key, "No");
    auto yes = parse_yes_no(value);
    if (!yes) f.source().fail(f.node(key), "'" + key + "' must be Yes or No, not '" + value + "'");
    return *yes ? "Yes" : "No";
}

// Reads the cover-sheet fields present in `f` over what `cover` holds, so a
// template's fields can be read first and a meeting's overrides after them.
void read_cover(const Fields& f, model::CoverSheet& cover, const PeopleRegistry& people) {
    const YamlText& source = f.source();
    if (f.has("decision_maker")) cover.decision_maker = f.optional_string("decision_maker");
    if (f.has("subject")) cover.subject = f.optional_string("subject");
    if (f.has("date_of_decision")) cover.date_of_decision = f.optional_date("date_of_decision");
    if (f.has("report_of")) cover.report_of = f.string("report_of");
    if (f.has("contact_details")) {
        Fields contacts(source, f.node("contact_details"), {"executive_director", "author"}, "contact_details");
        if (contacts.has("executive_director"))
            cover.executive_director = read_person(source, contacts.node("executive_director"), people, "executive_director");
        if (contacts.has("author")) cover.author = read_person(source, contacts.node("author"), people, "author");
    }
    if (f.has("confidentiality")) cover.confidentiality = f.string("confidentiality");
    if (f.has("recommendations")) {
        YamlNode list = f.node("recommendations");
        require_sequence(source, list, "recommendations");
        cover.recommendations.clear();
        for (const YamlNode& item : list.items()) cover.recommendations.push_back(scalar_markdown(source, item, "recommendations"));
    }
    if (f.has("key_decision")) cover.key_decision = yes_no(f, "key_decision");
    if (f.has("wards_affected")) cover.wards_affected = f.string("wards_affected");
    if (f.has("appendices")) cover.appendices = f.strings("appendices");
    if (f.has("documents_in_members_rooms")) cover.documents_in_members_rooms = f.strings("documents_in_members_rooms");
    if (f.has("equality_impact_assessment")) cover.equality_impact_assessment = yes_no(f, "equality_impact_assessment");
    if (f.has("data_protection_impact_assessment")) cover.data_protection_impact_assessment = yes_no(f, "data_protection_impact_assessment");
    // Older forms ask the same question as a Privacy Impact Assessment.
    if (f.has("privacy_impact_assessment")) cover.data_protection_impact_assessment = yes_no(f, "privacy_impact_assessment");
    if (f.has("cover_sheet")) cover.form = f.string("cover_sheet");
    if (f.has("glossary")) cover.glossary = f.string("glossary");
    if (f.has("local_terms")) {
        YamlNode list = f.node("local_terms");
        require_sequence(source, list, "local_terms");
        cover.local_terms.clear();
        for (const YamlNode& item : list.items()) cover.local_terms.push_back(read_glossary_entry(source, item));
    }
    if (f.has("background_documents")) {
        YamlNode list = f.node("background_documents");
        require_sequence(source, list, "background_documents");
        cover.background_documents.clear();
        for (const YamlNode& item : list.items()) {
            Fields b(source, item, {"title", "exempt_paragraph"}, "a background document");
            cover.background_documents.push_back({b.string("title"), b.string_or("exempt_paragraph", "")});
        }
    }
}

void read_minutes(const Fields& f, model::MinutesHeader& minutes) {
    minutes.held = f.date("held");
    if (f.has("first_minute")) {
        minutes.first_minute = f.integer_or("first_minute", 1);
        // A year's minutes never run to a hundred thousand; larger is a slip (and would overflow counting on).
        if (*minutes.first_minute < 1 || *minutes.first_minute > 99999)
            f.source().fail(f.node("first_minute"), "'first_minute' must be a minute number from 1 to 99999");
    }
    minutes.present = f.strings("present");
    if (minutes.present.empty()) f.source().fail(f.require("present"), "'present' must name at least one councillor");
    minutes.apologies = f.strings("apologies");
    minutes.appointed_members = f.strings("appointed_members");
    minutes.appointed_members_apologies = f.strings("appointed_members_apologies");
    minutes.resolved_style = f.string_or("resolved_style", "(i)");
    if (minutes.resolved_style != "(i)" && minutes.resolved_style != "i)" && minutes.resolved_style != "1)")
        f.source().fail(f.node("resolved_style"), "'resolved_style' must be \"(i)\", \"i)\" or \"1)\", not '" + minutes.resolved_style + "'");
}

bool is_pdf_name(const std::string& name) {
    return name.size() > 4 && to_lower(name.substr(name.size() - 4)) == ".pdf";
}

}  // namespace

model::ExemptParagraph exempt_paragraph(const YamlText& source, const YamlNode& node) {
    const std::string value = scalar_string(source, node, "exempt");
    int paragraph = 0;
    if (value.size() == 1 && value[0] >= '1' && value[0] <= '7') paragraph = value[0] - '0';
    if (paragraph == 0)
        source.fail(node, "'exempt' is the paragraph of Schedule 12A to the Local Government Act 1972 that the information falls under: "
                          "a number from 1 to 7, not '" + value + "'");
    return paragraph;
}

bool names_pdf(const std::string& relative) { return is_pdf_name(relative); }

model::Document load_received_pdf(const FileSystem& fs, const std::string& meeting_dir, const std::string& relative,
                                  const SourceLocation& listed_at, const std::optional<std::string>& title) {
    if (relative.find('/') != std::string::npos || !is_pdf_name(relative))
        throw InputError(listed_at, "'" + relative + "' must be the name of a .pdf file in the meeting's folder");
    const std::string path = join_path(meeting_dir, relative);
    model::Document doc;
    doc.kind = model::DocumentKind::Appendix;
    doc.path = relative;
    const std::string stem = relative.substr(0, relative.size() - 4);
    doc.slug = slugify(stem);
    // The index opens the file only to learn a title meeting.yaml does not
    // give: every build indexes the whole site, and opening a PDF is dear.
    // The meeting's own build reads it whole, and checks it, in any case.
    if (title) {
        if (!fs.stamp(path)) throw InputError(listed_at, "document '" + relative + "' does not exist in " + meeting_dir);
        doc.title = *title;
    } else {
        auto bytes = fs.read(path);
        if (!bytes) throw InputError(listed_at, "document '" + relative + "' does not exist in " + meeting_dir);
        PdfSummary summary = inspect_pdf(*bytes, relative, listed_at);
        doc.title = summary.title.empty() ? stem : summary.title;
    }
    doc.listed_as = doc.title;
    doc.received = model::ReceivedFile{true, listed_at, path};
    doc.body.origin = {"", 0, 0};  // no Markdown: nothing to let go of or read again
    return doc;
}

void apply_cover_overrides(const YamlText& source, const YamlNode& overrides, model::Document& report, const model::Council& council) {
    std::vector<std::string> keys(kReportKeys.begin() + 1, kReportKeys.end());  // everything but `document`
    Fields f(source, overrides, keys, "the monitoring report's fields");
    read_cover(f, report.cover, council.people);
}

model::Document load_document(const FileSystem& fs, const std::string& meeting_dir, const std::string& relative,
                              const SourceLocation& referenced_from, const model::Council& council) {
    if (relative.find('/') != std::string::npos || relative.size() < 4 || relative.substr(relative.size() - 3) != ".md")
        throw InputError(referenced_from, "'" + relative + "' must be the name of a .md file in the meeting's folder");
    const std::string path = join_path(meeting_dir, relative);
    auto text = fs.read(path);
    if (!text) throw InputError(referenced_from, "document '" + relative + "' does not exist in " + meeting_dir);

    FrontMatterFile parts = split_front_matter(path, *text);
    YamlText source{path, parts.front_matter, parts.front_matter_line};
    const auto tree = parse_yaml(source);
    YamlNode root = tree->root();
    if (!root.is_map()) source.fail(root, "the front matter must be a mapping of fields");
    YamlNode kind_node = root["document"];
    if (!kind_node) throw InputError({path, 1, 1}, "the front matter needs 'document: report', 'document: appendix' or 'document: minutes'");
    std::string kind = scalar_string(source, kind_node, "document");

    model::Document doc;
    doc.path = relative;
    doc.slug = slugify(relative.substr(0, relative.size() - 3));
    if (root["exempt"] && kind != "minutes") doc.exempt = exempt_paragraph(source, root["exempt"]);
    doc.body = {parts.body, {path, parts.body_line, 1}};
    if (kind == "report") {
        doc.kind = model::DocumentKind::Report;
        Fields f(source, root, kReportKeys, "a report's front matter");
        f.require("report_of");
        read_cover(f, doc.cover, council.people);
        // A report to another decision-maker, filed in an item after its
        // report, is one of the item's appendices: this is how lists call it.
        doc.listed_as = f.string_or("listed_as", doc.cover.subject ? *doc.cover.subject
                                                 : doc.cover.decision_maker ? "Report to " + *doc.cover.decision_maker : "Report");
    } else if (kind == "minutes") {
        doc.kind = model::DocumentKind::Minutes;
        Fields f(source, root, kMinutesKeys, "the minutes' front matter");
        read_minutes(f, doc.minutes);
    } else if (kind == "appendix") {
        doc.kind = model::DocumentKind::Appendix;
        Fields f(source, root, kAppendixKeys, "an appendix's front matter");
        doc.title = f.string("title");
        doc.listed_as = f.string_or("listed_as", doc.title);
        std::string orientation = f.string_or("orientation", "portrait");
        if (orientation != "portrait" && orientation != "landscape")
            source.fail(f.node("orientation"), "'orientation' must be portrait or landscape, not '" + orientation + "'");
        doc.landscape = orientation == "landscape";
        // Like a report, an appendix may use another glossary and add terms of its own.
        if (f.has("glossary")) doc.cover.glossary = f.string("glossary");
        if (f.has("local_terms")) {
            YamlNode list = f.node("local_terms");
            require_sequence(source, list, "local_terms");
            for (const YamlNode& item : list.items()) doc.cover.local_terms.push_back(read_glossary_entry(source, item));
        }
    } else {
        source.fail(kind_node, unknown_name("document kind", kind, {"report", "appendix", "minutes"}) +
                                   "; a document is a report, an appendix or minutes");
    }
    return doc;
}

}  // namespace agendapack::load
