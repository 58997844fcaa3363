#include <algorithm>
#include <stdexcept>

#include "../support/working_days.hpp"
#include "scaffold.hpp"

namespace agendapack::scaffold {

namespace {

std::string quoted_if_needed(const std::string& text) {
    // YAML reads "17:30" as a string only in quotes; venues with ": " or "#" need them too.
    if (text.find_first_of(":#'\"[]{},&*!|>%@`") == std::string::npos && !text.empty()) return text;
    std::string out = "\"";
    for (char c : text) out += c == '"' || c == '\\' ? std::string("\\") + c : std::string(1, c);
    return out + "\"";
}

// "06-" from "06-minutes-2024-08-08.md": the number the committee's files carry for the minutes item.
std::string number_prefix(const std::string& file) {
    size_t digits = 0;
    while (digits < file.size() && std::isdigit(static_cast<unsigned char>(file[digits]))) ++digits;
    return digits > 0 && digits < file.size() && file[digits] == '-' ? file.substr(0, digits + 1) : "";
}

// "Councillor Barnes-Andrews (Chair)" → "Barnes-Andrews (Chair)", as minutes list those present.
std::string as_present(std::string member) {
    for (const char* title : {"Councillor ", "Cllr ", "Cllr. "})
        if (member.rfind(title, 0) == 0) return member.substr(std::string(title).size());
    return member;
}

}  // namespace

std::optional<std::string> add_meeting_date(const std::string& text, const Date& date) {
    const std::string day = iso(date);
    size_t key = text.rfind("\nmeetings:", std::string::npos) != std::string::npos ? text.find("\nmeetings:") + 1 : std::string::npos;
    if (text.rfind("meetings:", 0) == 0) key = 0;
    if (key == std::string::npos) return std::nullopt;
    const size_t line_end = std::min(text.find('\n', key), text.size());
    const std::string rest = text.substr(key + 9, line_end - key - 9);
    const size_t open = rest.find('[');
    if (open != std::string::npos) {  // meetings: [2024-07-18, 2024-09-26]
        const size_t close = rest.find(']', open);
        if (close == std::string::npos) return std::nullopt;
        std::vector<std::string> dates;
        std::string inside = rest.substr(open + 1, close - open - 1);
        for (size_t start = 0; start <= inside.size();) {
            size_t comma = inside.find(',', start);
            std::string item = trim(inside.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
            if (!item.empty()) dates.push_back(item);
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
        if (std::find(dates.begin(), dates.end(), day) != dates.end()) return text;
        dates.insert(std::upper_bound(dates.begin(), dates.end(), day), day);
        std::string list;
        for (const auto& d : dates) list += (list.empty() ? "" : ", ") + d;
        return text.substr(0, key + 9 + open + 1) + list + text.substr(key + 9 + close);
    }
    if (!trim(rest).empty() && trim(rest)[0] != '#') return std::nullopt;
    // meetings:
    //   - 2024-07-18
    size_t at = line_end + 1, insert_at = std::string::npos;
    std::string indent;
    while (at < text.size()) {
        const size_t end = std::min(text.find('\n', at), text.size());
        const std::string line = text.substr(at, end - at);
        const size_t dash = line.find_first_not_of(' ');
        if (dash == std::string::npos || line[dash] != '-') break;
        indent = line.substr(0, dash);
        const std::string item = trim(line.substr(dash + 1));
        if (item == day) return text;
        if (insert_at == std::string::npos && item.substr(0, 10) > day) insert_at = at;
        at = end + 1;
    }
    if (indent.empty() && at == line_end + 1) indent = "  ";
    if (insert_at == std::string::npos) insert_at = std::min(at, text.size());
    std::string line = indent + "- " + day + "\n";
    std::string out = text;
    if (insert_at == text.size() && !text.empty() && text.back() != '\n') line = "\n" + line;
    out.insert(insert_at, line);
    return out;
}

Written new_meeting(const FileSystem& sources, OutputFileSystem& fs, const load::ContentPaths& paths, const std::string& slug, const Date& date) {
    std::vector<InputError> errors;  // the rest of the site may be mid-edit: what is readable is enough
    const model::Site site = load::load_site(sources, paths, {/*keep_text=*/false, &errors, 1});
    const model::Committee* committee = nullptr;
    std::string known;
    for (const auto& c : site.committees) {
        if (c.slug == slug) committee = &c;
        known += (known.empty() ? "" : ", ") + c.slug;
    }
    // A committee whose own files do not read is missing for that reason: say it.
    if (!committee && !errors.empty()) throw InputErrors(errors);
    if (!committee) throw std::runtime_error("no committee '" + slug + "' in " + paths.content + "/; committees are: " + known);
    const std::string committee_dir = join_path(paths.content, slug);
    const std::string folder = join_path(committee_dir, iso(date));
    if (fs.is_directory(folder) || fs.exists(folder)) throw std::runtime_error(folder + "/ exists already: agendapack new never writes over files");
    const int start = municipal_year_start(date);
    const std::string year_path = join_path(committee_dir, municipal_year_label(start) + ".yaml");
    auto year = committee->years.find(start);
    if (year == committee->years.end())
        throw std::runtime_error("there is no " + year_path + " for the municipal year " + municipal_year_label(start) +
                                 ": write it first, with the year's members and meetings (docs/FORMAT.md, the municipal year's file)");

    // The meeting before: the latest date any year lists, or any folder has, before this one.
    std::optional<Date> previous;
    for (const auto& [_, y] : committee->years)
        for (const Date& d : y.meetings)
            if (d < date && (!previous || d > *previous)) previous = d;
    const model::Meeting* last = nullptr;  // the meeting to copy the time and venue from: the latest before, else the latest
    for (const auto& m : committee->meetings) {
        if (m.date < date && (!previous || m.date > *previous)) previous = m.date;
        const bool better = !last || ((m.date < date) == (last->date < date) ? m.date > last->date : m.date < date);
        if (better) last = &m;
    }

    Written written;
    const std::string time = last ? last->time : "18:00";
    const std::string venue = last ? last->venue : "";
    const Date issued = statutory_issue_date(date);
    std::string meeting_yaml = "date: " + iso(date) + "\ntime: " + quoted_if_needed(time) + (last ? "" : "                # the usual time: check it") + "\n";
    meeting_yaml += "venue: " + (venue.empty() ? std::string("\"\"              # where the meeting is held") : quoted_if_needed(venue)) + "\n";
    meeting_yaml += "issued: " + iso(issued) + "         # five clear working days before the meeting (Local Government Act 1972, s.100B)\n";
    meeting_yaml += "agenda:                    # after the committee's standard items\n";
    std::string minutes_file;
    if (previous) {
        std::string prefix;
        if (last)
            for (const auto& item : last->agenda)
                if (item.approves_minutes && !item.documents.empty()) prefix = number_prefix(item.documents.front().path);
        minutes_file = prefix + "minutes-" + iso(*previous) + ".md";
        meeting_yaml += "  - approve_minutes: [" + minutes_file + "]\n";
    }
    meeting_yaml += "  # - title: THE ITEM'S TITLE, IN CAPITALS\n"
                    "  #   description: Report of … on …\n"
                    "  #   documents: [07-the-report.md]\n";

    std::string minutes;
    if (previous) {
        minutes = "---\ndocument: minutes\nheld: " + iso(*previous) + "\n";
        minutes += "present: [";
        std::string names;
        for (const auto& member : year->second.members)
            if (to_lower(member).rfind("vacan", 0) != 0) names += (names.empty() ? "" : ", ") + quoted_if_needed(as_present(member));
        minutes += (names.empty() ? "\"\"" : names) + "]   # the year's members: keep those who were there\n";
        minutes += "apologies: []\n---\n\n## Apologies and changes in membership (if any)\n\n"
                   "The apologies received, and any changes in membership.\n\n"
                   "## Disclosure of personal and pecuniary interests\n\nNone were declared.\n";
    }

    // Everything checked before anything is written.
    const std::string meeting_path = join_path(folder, "meeting.yaml");
    const std::string minutes_path = join_path(folder, minutes_file);
    std::optional<std::string> year_text;
    const auto& listed = year->second.meetings;
    const bool add_to_year = !listed.empty() && std::find(listed.begin(), listed.end(), date) == listed.end();
    if (add_to_year) {
        auto text = sources.read(year_path);
        if (text) year_text = add_meeting_date(*text, date);
        if (!year_text) throw std::runtime_error("add " + iso(date) + " to the meetings of " + year_path + " first: its list is written in a way agendapack does not edit");
    }
    fs.write(meeting_path, meeting_yaml);
    written.files.push_back(meeting_path);
    if (previous) {
        fs.write(minutes_path, minutes);
        written.files.push_back(minutes_path);
    }
    if (add_to_year) {
        fs.write(year_path, *year_text);
        written.notes.push_back("added " + iso(date) + " to the meetings of " + year_path);
    }
    if (!last) written.notes.push_back("no earlier meeting to copy the time and venue from: check them in " + meeting_path);
    return written;
}

}  // namespace agendapack::scaffold
