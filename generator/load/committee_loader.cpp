// A committee folder: committee.yaml, its municipal-year files, its meetings.
#include <optional>

#include "loaders.hpp"

namespace agendapack::load {

namespace {

std::vector<model::BlockRef> read_block_refs(const YamlText& source, const YamlNode& list, const std::string& key,
                                             const model::Council& council) {
    std::vector<model::BlockRef> refs;
    require_sequence(source, list, key);
    for (const YamlNode& item : list.items()) {
        Fields f(source, item, {"use", "heading", "text", "versions", "run_in", "list_style"}, "an entry of '" + key + "'");
        model::BlockRef ref;
        ref.where = source.at(item);
        if (f.has("use")) {
            if (f.has("heading") || f.has("text") || f.has("versions") || f.has("run_in") || f.has("list_style"))
                source.fail(item, "an entry with 'use' takes its wording from council.yaml: give it 'use' alone");
            ref.use = f.string("use");
            if (ref.use != "dates-of-meetings" && !council.blocks.count(ref.use)) {
                std::vector<std::string> keys{"dates-of-meetings"};
                for (const auto& [k, _] : council.blocks) keys.push_back(k);
                source.fail(f.node("use"), unknown_name("block", ref.use, keys) + "; blocks are defined in council.yaml");
            }
        } else if (f.has("versions")) {
            if (f.has("heading") || f.has("text") || f.has("run_in") || f.has("list_style"))
                source.fail(item, "an entry with 'versions' keeps its heading, text and options inside each version");
            ref.block = read_versions(source, f.node("versions"), "versions");
        } else {
            if (!f.has("text") && !f.has("heading")) source.fail(item, "an entry of '" + key + "' needs 'use', or 'heading' and 'text'");
            ref.block.where = ref.where;
            ref.block.versions.push_back(read_block_version(f));
        }
        refs.push_back(std::move(ref));
    }
    return refs;
}

model::AgendaItemText read_item_text(const YamlText& source, const YamlNode& node, const std::string& what) {
    Fields f(source, node, {"title", "description"}, what);
    return {f.string("title"), f.markdown("description")};
}

// 2024-25 -> 2024; anything else is not a municipal-year file name.
std::optional<int> year_file_start(const std::string& name) {
    if (name.size() != 12 || name.substr(7) != ".yaml" || name[4] != '-') return std::nullopt;
    for (int i : {0, 1, 2, 3, 5, 6})
        if (name[i] < '0' || name[i] > '9') return std::nullopt;
    int start = std::stoi(name.substr(0, 4));
    if ((start + 1) % 100 != std::stoi(name.substr(5, 2))) return std::nullopt;
    return start;
}

}  // namespace

std::vector<std::string> read_appointed_members(const YamlText& source, const YamlNode& list) {
    std::vector<std::string> out;
    require_sequence(source, list, "appointed_members");
    for (const YamlNode& item : list.items()) {
        if (item.is_scalar()) {
            out.push_back(item.text());
            continue;
        }
        Fields f(source, item, {"name", "represents", "vacancy"}, "an appointed member");
        if (f.has("vacancy")) {
            if (f.has("name") || f.has("represents")) source.fail(item, "a vacancy has no 'name' or 'represents'");
            out.push_back("Vacancy - " + f.string("vacancy"));
        } else {
            out.push_back(f.string("name") + (f.has("represents") ? ", " + f.string("represents") : ""));
        }
    }
    return out;
}

std::vector<model::Contact> read_contacts(const YamlText& source, const YamlNode& list, const PeopleRegistry& people) {
    std::vector<model::Contact> contacts;
    require_sequence(source, list, "contacts");
    for (const YamlNode& item : list.items()) {
        Fields f(source, item, {"role", "person"}, "a contact");
        contacts.push_back({f.string("role"), read_person(source, f.require("person"), people, "a contact")});
    }
    return contacts;
}

model::MunicipalYear load_municipal_year(const FileSystem& fs, const std::string& path, int start_year,
                                         const model::Council& council) {
    YamlText source{path, *fs.read(path)};
    const auto tree = parse_yaml(source);
    YamlNode root = tree->root();
    Fields f(source, root, {"meetings", "members", "appointed_members", "contacts"}, "a municipal year file");
    model::MunicipalYear year;
    year.start_year = start_year;
    year.where = f.where();
    if (f.has("meetings")) {
        YamlNode list = f.node("meetings");
        require_sequence(source, list, "meetings");
        for (const YamlNode& item : list.items()) {
            Date date = scalar_date(source, item, "meetings");
            if (municipal_year_start(date) != start_year)
                source.fail(item, iso(date) + " is not in the municipal year " + municipal_year_label(start_year) +
                                      " (May " + std::to_string(start_year) + " to April " + std::to_string(start_year + 1) + ")");
            if (!year.meetings.empty() && date <= year.meetings.back())
                source.fail(item, "list the meetings in date order, each once");
            year.meetings.push_back(date);
        }
    }
    year.members = f.strings("members");
    if (f.has("appointed_members")) year.appointed_members = read_appointed_members(source, f.node("appointed_members"));
    if (f.has("contacts")) year.contacts = read_contacts(source, f.node("contacts"), council.people);
    return year;
}

CommitteeFolder load_committee(const FileSystem& fs, const std::string& dir, const std::string& slug, const LoadOptions& options,
                               const model::Council& council) {
    const std::string path = join_path(dir, "committee.yaml");
    YamlText source{path, *fs.read(path)};
    const auto tree = parse_yaml(source);
    YamlNode root = tree->root();
    Fields f(source, root,
             {"name", "short_name", "public_information", "disclosure", "standard_items", "vice_chair_election",
              "minutes_item", "glossary", "acronyms", "tracker", "monitoring_report", "minutes_restart", "tracker_table", "cover_sheet",
              "exclusion_motion", "exempt_mark"},
             "committee.yaml");
    model::Committee committee;
    committee.slug = slug;
    committee.name = f.string("name");
    committee.short_name = f.string_or("short_name", "Committee");
    committee.glossary = f.string_or("glossary", "");
    committee.tracker_file = f.string_or("tracker", "");
    committee.monitoring_report = f.string_or("monitoring_report", "");
    committee.cover_form = f.string_or("cover_sheet", "");
    if (f.has("tracker_table")) {
        Fields table(source, f.node("tracker_table"), {"caption", "rename", "numbered", "carry_forward"}, "tracker_table");
        for (const char* key : {"caption", "rename", "numbered", "carry_forward"})
            if (table.has(key)) committee.tracker_table.push_back({key, table.string(key)});
    }
    if (f.has("minutes_restart")) {
        std::string month = f.string("minutes_restart");
        int found = 0;
        for (int m = 1; m <= 12; ++m)
            if (month == month_name(m)) found = m;
        if (!found) source.fail(f.node("minutes_restart"), "'minutes_restart' must be a month, like May, not '" + month + "'");
        committee.minutes_restart_month = found;
    }
    if (!committee.monitoring_report.empty() && !fs.read(join_path(dir, committee.monitoring_report)))
        source.fail(f.node("monitoring_report"), "'" + committee.monitoring_report + "' is not a file in " + dir);
    std::string acronyms = f.string_or("acronyms", "warn");
    if (acronyms != "warn" && acronyms != "error") source.fail(f.node("acronyms"), "'acronyms' must be warn or error, not '" + acronyms + "'");
    committee.strict_acronyms = acronyms == "error";
    if (f.has("public_information"))
        committee.public_information = read_block_refs(source, f.node("public_information"), "public_information", council);
    if (f.has("disclosure")) committee.disclosure = read_block_refs(source, f.node("disclosure"), "disclosure", council);
    if (f.has("standard_items")) {
        YamlNode list = f.node("standard_items");
        require_sequence(source, list, "standard_items");
        for (const YamlNode& item : list.items()) committee.standard_items.push_back(read_item_text(source, item, "a standard item"));
    }
    committee.vice_chair_election = f.has("vice_chair_election")
                                        ? read_item_text(source, f.node("vice_chair_election"), "vice_chair_election")
                                        : model::AgendaItemText{"ELECTION OF VICE CHAIR", {}};
    committee.minutes_item = f.has("minutes_item")
                                 ? read_item_text(source, f.node("minutes_item"), "minutes_item")
                                 : model::AgendaItemText{"MINUTES OF THE PREVIOUS MEETING (INCLUDING MATTERS ARISING)", {}};
    committee.exclusion_motion =
        f.has("exclusion_motion")
            ? read_item_text(source, f.node("exclusion_motion"), "exclusion_motion")
            : model::AgendaItemText{"EXCLUSION OF THE PRESS AND PUBLIC - EXEMPT BUSINESS",
                                    {"To consider a motion to exclude the press and public for the business that follows, which is likely to "
                                     "disclose exempt information as defined in {paragraphs} of Schedule 12A to the Local Government Act 1972.",
                                     f.where()}};
    if (f.has("exempt_mark")) committee.exempt_mark = f.string("exempt_mark");

    // Each file and meeting on its own: one broken meeting does not hide the next one's errors.
    std::vector<std::string> meeting_folders;
    for (const auto& name : fs.list(dir)) {
        const std::string child = join_path(dir, name);
        collecting(options, [&] {
            if (auto start = year_file_start(name)) {
                committee.years[*start] = load_municipal_year(fs, child, *start, council);
            } else if (fs.is_directory(child)) {
                if (!parse_iso_date(name))
                    throw InputError({child, 0, 0}, "a meeting folder must be named by the meeting's date, like 2024-09-26");
                meeting_folders.push_back(name);
            } else if (name != "committee.yaml" && name != committee.monitoring_report && name[0] != '.') {
                // A misnamed year file would otherwise be skipped without a word.
                throw InputError({child, 0, 0}, "unexpected file: a committee folder holds committee.yaml, municipal-year files "
                                                "named like 2024-25.yaml, and meeting folders named like 2024-09-26");
            }
        });
    }
    return {std::move(committee), std::move(meeting_folders)};
}

}  // namespace agendapack::load
