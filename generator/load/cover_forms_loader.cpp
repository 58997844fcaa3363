// content/cover-sheets.yaml: the council's report cover-sheet forms, each
// from the date it came into use. Optional: without it the built-in form
// (the one the examples print) serves every report.
#include <algorithm>

#include "loaders.hpp"

namespace agendapack::load {

namespace {

const std::vector<std::string> kFieldKeys = {"decision_maker", "subject", "date_of_decision", "report_of"};
const std::vector<std::string> kDecisionKeys = {"key_decision", "wards_affected"};
const std::vector<std::string> kContactRows = {"executive_director", "author"};

// `key: label` pairs in the order written, each key one of `known`.
std::vector<std::pair<std::string, std::string>> labels(const YamlText& source, const YamlNode& map, const std::vector<std::string>& known,
                                                        const std::string& what) {
    if (!map.is_map()) source.fail(map, "'" + what + "' lists each field and its printed label, like  subject: \"SUBJECT:\"");
    std::vector<std::pair<std::string, std::string>> out;
    for (const YamlEntry& it : map.entries()) {
        const std::string key = scalar_string(source, it.key, what);
        if (std::find(known.begin(), known.end(), key) == known.end()) source.fail(it.key, unknown_name("field", key, known) + " in '" + what + "'");
        out.push_back({key, scalar_string(source, it.value, key)});
    }
    return out;
}

model::CoverForm read_form(const YamlText& source, const YamlNode& node) {
    Fields f(source, node, {"name", "from", "fields", "contacts", "confidentiality", "sections", "decision", "supporting"}, "a cover-sheet form");
    model::CoverForm form;
    form.where = f.where();
    form.name = f.string("name");
    form.from = f.optional_date("from");
    form.fields = labels(source, f.require("fields"), kFieldKeys, "fields");
    if (f.has("contacts")) {
        Fields c(source, f.node("contacts"), {"heading", "title_column", "order"}, "contacts");
        form.contacts.heading = c.string_or("heading", form.contacts.heading);
        if (c.has("title_column")) {
            auto yes = parse_yes_no(c.string("title_column"));
            if (!yes) source.fail(c.node("title_column"), "'title_column' must be yes or no");
            form.contacts.title_column = *yes;
        }
        if (c.has("order")) {
            form.contacts.order = c.strings("order");
            for (const auto& row : form.contacts.order)
                if (std::find(kContactRows.begin(), kContactRows.end(), row) == kContactRows.end())
                    source.fail(c.node("order"), unknown_name("contact", row, kContactRows) + " in 'order'");
        }
    }
    form.confidentiality = f.string_or("confidentiality", form.confidentiality);
    YamlNode sections = f.require("sections");
    require_sequence(source, sections, "sections");
    for (const YamlNode& entry : sections.items()) {
        Fields s(source, entry, {"name", "printed", "numbered", "required", "recommendations"}, "a cover-sheet section");
        model::CoverForm::Section section;
        if (s.has("recommendations")) {
            section.recommendations = true;
            section.printed = s.string("recommendations");
            section.required = false;
        } else {
            section.name = s.string("name");
            section.printed = s.string_or("printed", section.name);
            for (const char* flag : {"numbered", "required"}) {
                if (!s.has(flag)) continue;
                auto yes = parse_yes_no(s.string(flag));
                if (!yes) source.fail(s.node(flag), "'" + std::string(flag) + "' must be yes or no");
                (std::string(flag) == "numbered" ? section.numbered : section.required) = *yes;
            }
        }
        form.sections.push_back(std::move(section));
    }
    if (f.has("decision")) form.decision = labels(source, f.node("decision"), kDecisionKeys, "decision");
    if (f.has("supporting")) {
        Fields s(source, f.node("supporting"), {"heading", "appendices", "members_rooms", "equality", "equality_question", "data_protection",
                                                "data_protection_question", "background", "background_intro"},
                 "supporting");
        auto& out = form.supporting;
        out.heading = s.string_or("heading", out.heading);
        out.appendices = s.string_or("appendices", out.appendices);
        out.members_rooms = s.string_or("members_rooms", out.members_rooms);
        out.equality = s.string_or("equality", out.equality);
        out.equality_question = s.string_or("equality_question", out.equality_question);
        out.data_protection = s.string_or("data_protection", out.data_protection);
        out.data_protection_question = s.string_or("data_protection_question", out.data_protection_question);
        out.background = s.string_or("background", out.background);
        out.background_intro = s.string_or("background_intro", out.background_intro);
    }
    return form;
}

}  // namespace

std::vector<model::CoverForm> load_cover_forms(const FileSystem& fs, const std::string& content_dir) {
    const std::string path = join_path(content_dir, "cover-sheets.yaml");
    auto text = fs.read(path);
    if (!text) return {};
    YamlText source{path, *text};
    const auto tree = parse_yaml(source);
    YamlNode root = tree->root();
    Fields f(source, root, {"forms"}, "cover-sheets.yaml");
    YamlNode list = f.require("forms");
    require_sequence(source, list, "forms");
    std::vector<model::CoverForm> forms;
    for (const YamlNode& node : list.items()) {
        model::CoverForm form = read_form(source, node);
        for (const auto& other : forms)
            if (other.name == form.name) throw InputError(form.where, "a form named '" + form.name + "' is already listed");
        forms.push_back(std::move(form));
    }
    // Earliest first: the form in force on a date is the last that began by it.
    std::stable_sort(forms.begin(), forms.end(), [](const auto& a, const auto& b) { return a.from.value_or(Date{}) < b.from.value_or(Date{}); });
    return forms;
}

}  // namespace agendapack::load
