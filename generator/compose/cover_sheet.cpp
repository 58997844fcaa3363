// A report: the council's standard cover sheet, with paragraph numbers that
// run on from Reasons to Policy Framework.
#include <array>

#include "compose.hpp"

namespace agendapack::compose {

namespace {

using doc::Block;
using doc::Blocks;

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

Block contact_table(const model::CoverSheet& cover, const model::CoverForm::Contacts& form) {
    Block table;
    table.kind = Block::Kind::Table;
    table.role = "contact-details";
    table.caption = {doc::text(form.heading)};
    table.header_rows = 1;
    doc::Row header{{doc::text_cell("", true, "col")}};
    for (const char* column : {"Title", "Name", "Tel", "E-mail"})
        if (form.title_column || std::string(column) != "Title") header.cells.push_back(doc::text_cell(column, true, "col"));
    table.rows.push_back(std::move(header));
    for (const auto& row : form.order) {
        const std::optional<model::Person>& person = row == "author" ? cover.author : cover.executive_director;
        if (!person) continue;
        doc::Row r{{doc::text_cell(row == "author" ? "Author" : "Executive Director", true, "row")}};
        if (form.title_column) r.cells.push_back(doc::text_cell(person->title));
        for (doc::Cell cell : {doc::text_cell(person->name), doc::text_cell(person->tel), email_cell(person->email)}) r.cells.push_back(std::move(cell));
        table.rows.push_back(std::move(r));
    }
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

// Whether a heading as written names a form's section: the whole name, or
// the part before a bracket ("Detail" for "Detail (including …)"), in any case.
bool names_section(const std::string& written, const model::CoverForm::Section& section) {
    const std::string name = lower(section.name), w = lower(written);
    if (w == name) return true;
    const size_t bracket = name.find(" (");
    return bracket != std::string::npos && w == name.substr(0, bracket);
}

// The body's ## sections, checked against the form's names and order; one
// list of blocks per section of the form (the recommendations' stays empty).
std::vector<Blocks> split_sections(const model::Document& document, const model::CoverForm& form, Blocks blocks) {
    std::vector<Blocks> sections(form.sections.size());
    std::vector<bool> written(form.sections.size(), false);
    int current = -1;
    auto first_name = [&] {
        for (const auto& s : form.sections)
            if (!s.recommendations) return s.name;
        return std::string();
    };
    for (auto& block : blocks) {
        if (block.kind == Block::Kind::Heading && block.level <= 2) {
            const std::string heading = trim(doc::plain_text(block.inlines));
            int found = -1;
            std::vector<std::string> names;
            for (size_t i = 0; i < form.sections.size(); ++i) {
                if (form.sections[i].recommendations) continue;
                names.push_back(form.sections[i].name);
                if (names_section(heading, form.sections[i])) found = static_cast<int>(i);
            }
            if (found < 0) {
                if (&form == &built_in_form()) throw InputError(block.origin, unknown_name("report section", heading, names));
                std::string list;
                for (const auto& name : names) list += (list.empty() ? "" : ", ") + name;
                throw InputError(block.origin, "'" + heading + "' is not a section of the cover-sheet form '" + form.name + "', which has: " + list);
            }
            if (found <= current)
                throw InputError(block.origin, "section '" + heading + "' is out of order: the cover sheet prints it before '" +
                                                   form.sections[current].name + "'");
            current = found;
            written[current] = true;
            continue;
        }
        if (current < 0)
            throw InputError(block.origin.line ? block.origin : document.body.origin,
                             "text before the first section: start the report body with '## " + first_name() + "'");
        sections[current].push_back(std::move(block));
    }
    for (size_t i = 0; i < form.sections.size(); ++i)
        if (form.sections[i].required && !form.sections[i].recommendations && sections[i].empty())
            throw InputError(document.body.origin, "the report has no '" + form.sections[i].name +
                                                       "' section: every cover sheet prints it (write '1. None.' if there is nothing to say)");
    return sections;
}

// The form a report prints: the one it names, or its committee names, or
// the council's form in force on the meeting's date (the earliest before
// any); the built-in form when the council lists none.
const model::CoverForm& form_for(const Context& context, const compute::MeetingPlan& plan, const model::Document& source) {
    const auto& forms = context.site.cover_forms;
    const std::string& named = !source.cover.form.empty() ? source.cover.form : plan.committee->cover_form;
    if (!named.empty()) {
        if (const model::CoverForm* form = cover_form_named(forms, named)) return *form;
        std::vector<std::string> names;
        for (const auto& f : forms) names.push_back(f.name);
        names.push_back(built_in_form().name);
        throw InputError(source.body.origin.file.empty() ? SourceLocation{} : SourceLocation{source.body.origin.file, 1, 1},
                         unknown_name("cover-sheet form", named, names) + " (forms are listed in content/cover-sheets.yaml)");
    }
    // A report to another decision-maker prints the form of its own date.
    return cover_form_in_force(forms, source.cover.date_of_decision.value_or(plan.meeting->date));
}

}  // namespace

// The form the examples print: used when the council lists no forms.
const model::CoverForm& built_in_form() {
    static const model::CoverForm form = [] {
        model::CoverForm f;
        f.name = "standard";
        f.fields = {{"decision_maker", "DECISION-MAKER:"}, {"subject", "SUBJECT:"}, {"date_of_decision", "DATE OF DECISION:"}, {"report_of", "REPORT OF:"}};
        auto section = [](const char* name, const char* printed, bool numbered) {
            model::CoverForm::Section s;
            s.name = name;
            s.printed = printed;
            s.numbered = numbered;
            return s;
        };
        model::CoverForm::Section recommendations;
        recommendations.recommendations = true;
        recommendations.printed = "RECOMMENDATIONS:";
        recommendations.required = false;
        f.sections = {section("Brief summary", "BRIEF SUMMARY", false),
                      recommendations,
                      section("Reasons for report recommendations", "REASONS FOR REPORT RECOMMENDATIONS", true),
                      section("Alternative options considered and rejected", "ALTERNATIVE OPTIONS CONSIDERED AND REJECTED", true),
                      section("Detail (including consultation carried out)", "DETAIL (Including consultation carried out)", true),
                      section("Resource implications", "RESOURCE IMPLICATIONS", true),
                      section("Legal implications", "LEGAL IMPLICATIONS", true),
                      section("Risk management implications", "RISK MANAGEMENT IMPLICATIONS", true),
                      section("Policy framework implications", "POLICY FRAMEWORK IMPLICATIONS", true)};
        f.decision = {{"key_decision", "KEY DECISION?"}, {"wards_affected", "WARDS/COMMUNITIES AFFECTED:"}};
        return f;
    }();
    return form;
}

const model::CoverForm* cover_form_named(const std::vector<model::CoverForm>& forms, const std::string& name) {
    for (const auto& f : forms)
        if (f.name == name) return &f;
    return name == built_in_form().name ? &built_in_form() : nullptr;
}

const model::CoverForm& cover_form_in_force(const std::vector<model::CoverForm>& forms, const Date& on) {
    if (forms.empty()) return built_in_form();
    const model::CoverForm* chosen = &forms.front();
    for (const auto& f : forms)
        if (!f.from || *f.from <= on) chosen = &f;
    return *chosen;
}

doc::Document compose_report(const Context& context, const compute::MeetingPlan& plan, const compute::PlacedDocument& placed) {
    const model::Document& source = *placed.source;
    const model::CoverSheet& cover = source.cover;
    const compute::PlannedItem* item = plan.item_of(&source);

    doc::Document d = new_document(doc::Document::Kind::Report, placed);

    const model::CoverForm& form = form_for(context, plan, source);
    Blocks& body = d.body;
    std::vector<std::pair<std::string, std::string>> fields;
    for (const auto& [key, label] : form.fields) {
        if (key == "decision_maker") fields.push_back({label, cover.decision_maker.value_or(to_upper(plan.committee->name))});
        else if (key == "subject") fields.push_back({label, cover.subject.value_or(to_upper(item ? item->title : placed.title))});
        else if (key == "date_of_decision") fields.push_back({label, upper_date(cover.date_of_decision.value_or(plan.meeting->date))});
        else if (key == "report_of") fields.push_back({label, cover.report_of});
    }
    body.push_back(field_row_table(fields, "cover-fields"));
    if (cover.executive_director || cover.author) body.push_back(contact_table(cover, form.contacts));
    body.push_back(titled(doc::role::kCoverSection, form.confidentiality, {doc::paragraph({doc::text(cover.confidentiality)})}));

    // The form's sections in its order; paragraphs numbered across those it numbers.
    std::vector<Blocks> sections = split_sections(source, form, content_blocks(context, source.body));
    int counter = 0;
    for (size_t i = 0; i < form.sections.size(); ++i) {
        const model::CoverForm::Section& section = form.sections[i];
        if (section.recommendations) {
            Blocks recommendations;
            int n = 0;
            for (const auto& recommendation : cover.recommendations)
                recommendations.push_back(doc::list_item(doc::list_label("(i)", ++n), {doc::paragraph(doc::markdown_inline(recommendation))}));
            if (!recommendations.empty())
                body.push_back(titled(doc::role::kCoverSection, section.printed, {doc::list(true, std::move(recommendations), "recommendations")}));
            continue;
        }
        if (sections[i].empty() && !section.required) continue;  // a section the form lets a report leave out
        if (section.numbered) number_paragraphs(sections[i], counter);
        body.push_back(titled(doc::role::kCoverSection, section.printed, std::move(sections[i])));
    }

    std::vector<std::pair<std::string, std::string>> decision;
    for (const auto& [key, label] : form.decision) decision.push_back({label, key == "key_decision" ? cover.key_decision : cover.wards_affected});
    if (!decision.empty()) body.push_back(field_row_table(decision, "cover-fields"));

    // The item's report lists every appendix of the item; a report to another
    // decision-maker filed in it lists its own.
    std::vector<std::string> appendices;
    if (cover.appendices) {
        appendices = *cover.appendices;
    } else if (item) {
        int own = -1;
        for (size_t k = 0; k < item->documents.size(); ++k)
            if (item->documents[k].source == &source) own = static_cast<int>(k);
        for (const auto& other : item->documents)
            if (other.appendix_number > 0 && (own == 0 || other.owner == own))
                appendices.push_back(other.source->listed_as + (other.exempt ? " (" + plan.committee->exempt_mark + ")" : ""));
    }

    Blocks supporting;
    supporting.push_back(titled("supporting", form.supporting.appendices, {numbered_list_of(appendices)}, 3));
    supporting.push_back(titled("supporting", form.supporting.members_rooms, {numbered_list_of(cover.documents_in_members_rooms)}, 3));
    supporting.push_back(titled("supporting", form.supporting.equality,
                                {field_row_table({{form.supporting.equality_question, cover.equality_impact_assessment}},
                                                 "assessment")},
                                3));
    supporting.push_back(titled("supporting", form.supporting.data_protection,
                                {field_row_table({{form.supporting.data_protection_question, cover.data_protection_impact_assessment}},
                                                 "assessment")},
                                3));
    if (cover.background_documents.empty()) {
        supporting.push_back(titled("supporting", form.supporting.background,
                                    {doc::paragraph({doc::text(form.supporting.background_intro + " Not applicable.")})}, 3));
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
        supporting.push_back(titled("supporting", form.supporting.background,
                                    {doc::paragraph({doc::text(form.supporting.background_intro)}), table}, 3));
    }
    body.push_back(titled(doc::role::kSupportingDocumentation, form.supporting.heading, std::move(supporting)));
    return d;
}

}  // namespace agendapack::compose
