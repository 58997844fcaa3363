// A report: the council's standard cover sheet, with paragraph numbers that
// run on from Reasons to Policy Framework.
#include <array>

#include "compose.hpp"

namespace agendapack::compose {

namespace {

using doc::Block;
using doc::Blocks;

struct SectionSpec {
    const char* name;     // as officers write it after ##; compared ignoring case
    const char* printed;  // as the cover prints it
    bool numbered;
};

const std::array<SectionSpec, 8> kSections = {{
    {"Brief summary", "BRIEF SUMMARY", false},
    {"Reasons for report recommendations", "REASONS FOR REPORT RECOMMENDATIONS", true},
    {"Alternative options considered and rejected", "ALTERNATIVE OPTIONS CONSIDERED AND REJECTED", true},
    {"Detail (including consultation carried out)", "DETAIL (Including consultation carried out)", true},
    {"Resource implications", "RESOURCE IMPLICATIONS", true},
    {"Legal implications", "LEGAL IMPLICATIONS", true},
    {"Risk management implications", "RISK MANAGEMENT IMPLICATIONS", true},
    {"Policy framework implications", "POLICY FRAMEWORK IMPLICATIONS", true},
}};

std::string lower(std::string text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

Block field_row_table(const std::vector<std::pair<std::string, std::string>>& fields, const std::string& role) {
    Block table;
    table.kind = Block::Kind::Table;
    table.role = role;
    for (const auto& [label, value] : fields)
        table.rows.push_back({{doc::text_cell(label, true, "row"), doc::text_cell(value)}});
    return table;
}

doc::Cell email_cell(const std::string& email) {
    if (email.empty()) return doc::text_cell("");
    return doc::cell({doc::paragraph({doc::link("mailto:" + email, {doc::text(email)})})});
}

Block contact_table(const model::CoverSheet& cover) {
    Block table;
    table.kind = Block::Kind::Table;
    table.role = "contact-details";
    table.caption = {doc::text("CONTACT DETAILS")};
    table.header_rows = 1;
    table.rows.push_back({{doc::text_cell("", true, "col"), doc::text_cell("Title", true, "col"),
                           doc::text_cell("Name", true, "col"), doc::text_cell("Tel", true, "col"),
                           doc::text_cell("E-mail", true, "col")}});
    auto add = [&](const std::string& role, const std::optional<model::Person>& person) {
        if (!person) return;
        table.rows.push_back({{doc::text_cell(role, true, "row"), doc::text_cell(person->title), doc::text_cell(person->name),
                               doc::text_cell(person->tel), email_cell(person->email)}});
    };
    add("Executive Director", cover.executive_director);
    add("Author", cover.author);
    return table;
}

Block titled(const std::string& role, const std::string& heading, Blocks content, int level = 2) {
    Blocks children{doc::heading(level, {doc::text(heading)})};
    for (auto& b : content) children.push_back(std::move(b));
    return doc::section(role, std::move(children));
}

Block numbered_list_of(const std::vector<std::string>& lines) {
    Blocks items;
    int n = 0;
    for (const auto& line : lines) items.push_back(doc::list_item(std::to_string(++n) + ".", {doc::paragraph({doc::text(line)})}));
    if (items.empty()) items.push_back(doc::list_item("1.", {doc::paragraph({doc::text("None")})}));
    return doc::list(true, std::move(items), "supporting-list");
}

// Top-level ordered lists become numbered paragraphs, numbered across sections.
void number_paragraphs(Blocks& blocks, int& counter) {
    Blocks out;
    for (auto& block : blocks) {
        if (block.kind == Block::Kind::List && block.ordered) {
            for (auto& item : block.children) out.push_back(doc::numbered(std::to_string(++counter) + ".", std::move(item.children)));
        } else {
            if (block.kind == Block::Kind::Heading) block.level = 3;
            out.push_back(std::move(block));
        }
    }
    blocks = std::move(out);
}

// The body's ## sections, checked against the printed cover's names and order.
std::vector<Blocks> split_sections(const model::Document& document, Blocks blocks) {
    std::vector<Blocks> sections(kSections.size());
    int current = -1;
    for (auto& block : blocks) {
        if (block.kind == Block::Kind::Heading && block.level <= 2) {
            const std::string written = trim(doc::plain_text(block.inlines));
            std::string name = lower(written);
            if (name == "detail") name = lower(kSections[3].name);
            int found = -1;
            std::vector<std::string> names;
            for (size_t i = 0; i < kSections.size(); ++i) {
                names.push_back(kSections[i].name);
                if (name == lower(kSections[i].name)) found = static_cast<int>(i);
            }
            if (found < 0) throw InputError(block.origin, unknown_name("report section", written, names));
            if (found <= current)
                throw InputError(block.origin, "section '" + doc::plain_text(block.inlines) +
                                                   "' is out of order: the cover sheet prints it before '" +
                                                   kSections[current].name + "'");
            current = found;
            continue;
        }
        if (current < 0)
            throw InputError(block.origin.line ? block.origin : document.body.origin,
                             "text before the first section: start the report body with '## Brief summary'");
        sections[current].push_back(std::move(block));
    }
    for (size_t i = 0; i < kSections.size(); ++i)
        if (sections[i].empty())
            throw InputError(document.body.origin, std::string("the report has no '") + kSections[i].name +
                                                       "' section: every cover sheet prints it (write '1. None.' if there is nothing to say)");
    return sections;
}

}  // namespace

doc::Document compose_report(const Context& context, const compute::MeetingPlan& plan, const compute::PlacedDocument& placed) {
    const model::Document& source = *placed.source;
    const model::CoverSheet& cover = source.cover;
    const compute::PlannedItem* item = plan.item_of(&source);

    doc::Document d = new_document(doc::Document::Kind::Report, placed);

    Blocks& body = d.body;
    body.push_back(field_row_table({{"DECISION-MAKER:", cover.decision_maker.value_or(to_upper(plan.committee->name))},
                                    {"SUBJECT:", cover.subject.value_or(to_upper(item ? item->title : placed.title))},
                                    {"DATE OF DECISION:", upper_date(cover.date_of_decision.value_or(plan.meeting->date))},
                                    {"REPORT OF:", cover.report_of}},
                                   "cover-fields"));
    if (cover.executive_director || cover.author) body.push_back(contact_table(cover));
    body.push_back(titled(doc::role::kCoverSection, "STATEMENT OF CONFIDENTIALITY", {doc::paragraph({doc::text(cover.confidentiality)})}));

    std::vector<Blocks> sections = split_sections(source, content_blocks(context, source.body));
    body.push_back(titled(doc::role::kCoverSection, kSections[0].printed, std::move(sections[0])));

    Blocks recommendations;
    int n = 0;
    for (const auto& recommendation : cover.recommendations)
        recommendations.push_back(doc::list_item(doc::list_label("(i)", ++n), {doc::paragraph(doc::markdown_inline(recommendation))}));
    if (!recommendations.empty())
        body.push_back(titled(doc::role::kCoverSection, "RECOMMENDATIONS:", {doc::list(true, std::move(recommendations), "recommendations")}));

    int counter = 0;
    for (size_t i = 1; i < kSections.size(); ++i) {
        number_paragraphs(sections[i], counter);
        body.push_back(titled(doc::role::kCoverSection, kSections[i].printed, std::move(sections[i])));
    }

    body.push_back(field_row_table({{"KEY DECISION?", cover.key_decision}, {"WARDS/COMMUNITIES AFFECTED:", cover.wards_affected}},
                                   "cover-fields"));

    std::vector<std::string> appendices;
    if (cover.appendices) appendices = *cover.appendices;
    else if (item)
        for (const auto& other : item->documents)
            if (other.appendix_number > 0) appendices.push_back(other.source->listed_as);

    Blocks supporting;
    supporting.push_back(titled("supporting", "Appendices", {numbered_list_of(appendices)}, 3));
    supporting.push_back(titled("supporting", "Documents In Members' Rooms", {numbered_list_of(cover.documents_in_members_rooms)}, 3));
    supporting.push_back(titled("supporting", "Equality Impact Assessment",
                                {field_row_table({{"Is an Equality and Safety Impact Assessment (ESIA) needed for this report?",
                                                   cover.equality_impact_assessment}},
                                                 "assessment")},
                                3));
    supporting.push_back(titled("supporting", "Data Protection Impact Assessment",
                                {field_row_table({{"Is a Data Protection Impact Assessment (DPIA) needed for this report?",
                                                   cover.data_protection_impact_assessment}},
                                                 "assessment")},
                                3));
    if (cover.background_documents.empty()) {
        supporting.push_back(titled("supporting", "Other Background Documents",
                                    {doc::paragraph({doc::text("Other Background documents available for inspection at: Not applicable.")})}, 3));
    } else {
        Block table;
        table.kind = Block::Kind::Table;
        table.role = "background-documents";
        table.header_rows = 1;
        table.rows.push_back({{doc::text_cell("Title of Background Paper(s)", true, "col"),
                               doc::text_cell("Exempt/Confidential under Schedule 12A / the Access to Information Procedure Rules: paragraph (if applicable)", true, "col")}});
        int k = 0;
        for (const auto& background : cover.background_documents)
            table.rows.push_back({{doc::text_cell(std::to_string(++k) + ". " + background.title), doc::text_cell(background.exempt_paragraph)}});
        supporting.push_back(titled("supporting", "Other Background Documents",
                                    {doc::paragraph({doc::text("Other Background documents available for inspection at:")}), table}, 3));
    }
    body.push_back(titled(doc::role::kSupportingDocumentation, "SUPPORTING DOCUMENTATION", std::move(supporting)));
    return d;
}

}  // namespace agendapack::compose
