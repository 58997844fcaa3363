#include <memory>
#include <stdexcept>

#include "../compose/compose.hpp"
#include "../load/yaml_fields.hpp"
#include "scaffold.hpp"

namespace agendapack::scaffold {

namespace {

// The files a meeting.yaml lists, in order (names, or {file: …}).
std::vector<std::string> listed_files(const load::YamlNode& root) {
    std::vector<std::string> files;
    for (const load::YamlNode& item : root["agenda"].items())
        for (const char* key : {"documents", "approve_minutes"})
            for (const load::YamlNode& d : item[key].items()) {
                if (d.is_scalar()) files.push_back(d.text());
                else if (d["file"].is_scalar()) files.push_back(d["file"].text());
            }
    return files;
}

}  // namespace

Written new_report(const FileSystem& sources, OutputFileSystem& fs, const load::ContentPaths& paths, const std::string& meeting_id, int item) {
    std::vector<InputError> errors;  // the meeting itself does not load while its report is missing: that is expected
    const model::Site site = load::load_site(sources, paths, {/*keep_text=*/false, &errors, 1});
    const model::Committee* committee = nullptr;
    std::optional<Date> date;
    for (const auto& c : site.committees)
        if (meeting_id.size() == c.slug.size() + 11 && meeting_id.compare(0, c.slug.size() + 1, c.slug + "-") == 0) {
            committee = &c;
            date = parse_iso_date(meeting_id.substr(c.slug.size() + 1));
        }
    // A committee whose own files do not read is missing for that reason: say it.
    if (!committee && !errors.empty()) throw InputErrors(errors);
    if (!committee || !date) throw std::runtime_error("no meeting '" + meeting_id + "': meeting ids are the committee's folder and the date, like children-and-families-2024-09-26");
    const std::string dir = join_path(join_path(paths.content, committee->slug), iso(*date));
    const std::string meeting_yaml = join_path(dir, "meeting.yaml");
    const auto text = sources.read(meeting_yaml);
    if (!text) throw std::runtime_error("there is no " + meeting_yaml + ": make the meeting first (agendapack new meeting)");
    std::unique_ptr<const load::YamlTree> tree;
    try {
        tree = load::parse_yaml({meeting_yaml, *text});
    } catch (const InputError&) {
        throw std::runtime_error(meeting_yaml + " cannot be read: run agendapack check to see why");
    }
    const load::YamlNode root = tree->root();
    char number[8];
    std::snprintf(number, sizeof number, "%02d-", item);
    std::string file;
    for (const auto& listed : listed_files(root))
        if (listed.rfind(number, 0) == 0 && listed.size() > 3 && listed.substr(listed.size() - 3) == ".md" && !fs.exists(join_path(dir, listed))) {
            file = listed;
            break;
        }
    if (file.empty())
        throw std::runtime_error(meeting_yaml + " lists no missing Markdown file numbered " + std::string(number) +
                                 "…: add the item with its report first, like\n  - title: THE ITEM'S TITLE\n    documents: [" + number +
                                 "the-report.md]");

    // The form its reports would print: the committee's own when it names one, else the one in force.
    const model::CoverForm* named =
        committee->cover_form.empty() ? nullptr : compose::cover_form_named(site.cover_forms, committee->cover_form);
    if (!committee->cover_form.empty() && !named)
        throw std::runtime_error("the committee's cover_sheet '" + committee->cover_form + "' is not in content/cover-sheets.yaml");
    const model::CoverForm& form = named ? *named : compose::cover_form_in_force(site.cover_forms, *date);
    std::string out = "---\ndocument: report\n";
    out += "report_of: \"\"                # WHO REPORTS, AND THEIR POST, in capitals as printed\n";
    out += "contact_details:\n  author: {name: \"\", title: \"\", email: \"\"}   # or person: an id from people.yaml\n";
    out += "confidentiality: None\n";
    out += "recommendations:\n  - That the " + committee->short_name + " notes the report.\n";
    for (const auto& [key, _] : form.decision) out += key + (key == "key_decision" ? ": \"No\"\n" : ": None\n");
    out += "equality_impact_assessment: \"No\"\ndata_protection_impact_assessment: \"No\"\n---\n";
    for (const auto& section : form.sections) {
        if (section.recommendations) continue;  // printed from the front matter's list
        out += "\n## " + section.name + "\n\n" + (section.numbered ? "1. None.\n" : "What the report is about, in a paragraph.\n");
    }

    const std::string path = join_path(dir, file);
    fs.write(path, out);
    Written written;
    written.files.push_back(path);
    written.notes.push_back("its sections are those of the cover-sheet form '" + form.name + "', as the meeting of " + iso(*date) + " prints it" +
                            ": write each, and the contact details and recommendations above them");
    return written;
}

}  // namespace agendapack::scaffold
