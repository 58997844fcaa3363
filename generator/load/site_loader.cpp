#include <algorithm>
#include <optional>

#include "../support/parallel.hpp"
#include "loaders.hpp"

namespace agendapack::load {

namespace {

// One file or folder read in the parallel pass: a meeting, or a glossary or
// tracker named by a committee. Each keeps its own errors, joined in task
// order, so the result is the same for any number of threads.
struct Task {
    enum class Kind { Meeting, Glossary, Tracker } kind;
    size_t committee = 0;
    std::string name;  // the meeting folder, or the file in data/
    SourceLocation from;
};

// The municipal year's file covers the date and, when it lists its
// meetings, lists this one. A year file that is there but could not be read
// has its own error already.
void check_year_lists(const FileSystem& fs, const std::string& committee_dir, const model::Committee& committee, const Date& date,
                      const SourceLocation& meeting_yaml) {
    const int start = municipal_year_start(date);
    auto year = committee.years.find(start);
    if (year == committee.years.end()) {
        if (fs.stamp(join_path(committee_dir, municipal_year_label(start) + ".yaml"))) return;
        throw InputError(meeting_yaml, "no municipal year file covers this meeting: add " + committee.slug + "/" +
                                           municipal_year_label(start) + ".yaml");
    }
    const auto& listed = year->second.meetings;
    if (!listed.empty() && std::find(listed.begin(), listed.end(), date) == listed.end())
        throw InputError(year->second.where, "the meetings of " + municipal_year_label(start) + " do not include " + iso(date) +
                                                 ", which has a meeting folder");
}

}  // namespace

model::Site load_site(const FileSystem& fs, const ContentPaths& paths, const LoadOptions& options) {
    if (!fs.is_directory(paths.content)) throw InputError({paths.content, 0, 0}, "content folder not found");
    model::Site site;
    site.council = load_council(fs, paths.content);
    collecting(options, [&] { site.cover_forms = load_cover_forms(fs, paths.content); });
    std::vector<std::vector<std::string>> meeting_folders;
    for (const auto& name : fs.list(paths.content)) {
        const std::string dir = join_path(paths.content, name);
        if (!fs.is_directory(dir)) continue;
        collecting(options, [&] {
            if (!fs.read(join_path(dir, "committee.yaml")))
                throw InputError({dir, 0, 0}, "a committee folder needs a committee.yaml");
            CommitteeFolder folder = load_committee(fs, dir, name, options, site.council);
            site.committees.push_back(std::move(folder.committee));
            meeting_folders.push_back(std::move(folder.meeting_folders));
        });
    }
    if (site.committees.empty() && !(options.errors && !options.errors->empty()))
        throw InputError({paths.content, 0, 0}, "no committee folders found");

    // Every meeting, and every committee's tracker and glossary, read at once
    // on `jobs` threads (the glossaries, the largest files, started first).
    // Each task keeps its own errors; they are joined in the order the files
    // would be read one by one, so the result is the same for any number of
    // threads.
    auto committee_yaml = [&](const model::Committee& c) { return SourceLocation{join_path(join_path(paths.content, c.slug), "committee.yaml"), 0, 0}; };
    std::vector<Task> tasks;
    for (size_t c = 0; c < site.committees.size(); ++c)
        for (const auto& folder : meeting_folders[c]) tasks.push_back({Task::Kind::Meeting, c, folder, {}});
    for (size_t c = 0; c < site.committees.size(); ++c)
        if (!site.committees[c].tracker_file.empty())
            tasks.push_back({Task::Kind::Tracker, c, site.committees[c].tracker_file, committee_yaml(site.committees[c])});
    for (size_t c = 0; c < site.committees.size(); ++c) {
        const std::string& glossary = site.committees[c].glossary;
        if (!glossary.empty() && std::none_of(tasks.begin(), tasks.end(), [&](const Task& t) { return t.kind == Task::Kind::Glossary && t.name == glossary; }))
            tasks.push_back({Task::Kind::Glossary, c, glossary, committee_yaml(site.committees[c])});
    }
    std::vector<size_t> schedule;
    for (bool glossaries_first : {true, false})
        for (size_t i = 0; i < tasks.size(); ++i)
            if ((tasks[i].kind == Task::Kind::Glossary) == glossaries_first) schedule.push_back(i);

    std::vector<std::optional<model::Meeting>> meetings(tasks.size());
    std::vector<std::optional<model::Glossary>> glossaries(tasks.size());
    std::vector<std::optional<std::vector<model::TrackerStatus>>> trackers(tasks.size());
    std::vector<std::vector<InputError>> errors(tasks.size());
    parallel_for(options.jobs, tasks.size(), [&](size_t n) {
        const size_t i = schedule[n];
        const Task& task = tasks[i];
        const model::Committee& committee = site.committees[task.committee];
        LoadOptions own = options;
        own.errors = &errors[i];
        collecting(own, [&] {
            switch (task.kind) {
                case Task::Kind::Glossary: glossaries[i] = load_glossary(fs, paths.data, task.name, task.from); break;
                case Task::Kind::Tracker: trackers[i] = load_tracker(fs, paths.data, task.name, task.from); break;
                case Task::Kind::Meeting: {
                    const std::string dir = join_path(join_path(paths.content, committee.slug), task.name);
                    meetings[i] = load_meeting(fs, dir, task.name, site.council, committee);
                    if (!options.keep_text) release_text(*meetings[i], dir, false);
                    break;
                }
            }
        });
    });
    for (size_t i = 0; i < tasks.size(); ++i) {
        if (!options.errors && !errors[i].empty()) throw errors[i].front();
        model::Committee& committee = site.committees[tasks[i].committee];
        if (meetings[i]) committee.meetings.push_back(std::move(*meetings[i]));
        if (trackers[i]) committee.tracker = std::move(*trackers[i]);
        if (glossaries[i]) site.glossaries[tasks[i].name] = std::move(*glossaries[i]);
        if (options.errors) options.errors->insert(options.errors->end(), errors[i].begin(), errors[i].end());
    }

    // Each meeting folder's date must be one its municipal year lists. Checked
    // here, from the folder's name, so the error comes with the meeting's own
    // (a document missing, say), not only once they are fixed.
    for (const Task& task : tasks) {
        if (task.kind != Task::Kind::Meeting) continue;
        const auto date = parse_iso_date(std::string_view(task.name).substr(0, 10));
        if (!date) continue;  // a misnamed folder is reported by the committee's loader
        const model::Committee& committee = site.committees[task.committee];
        const std::string committee_dir = join_path(paths.content, committee.slug);
        const SourceLocation meeting_yaml{join_path(join_path(committee_dir, task.name), "meeting.yaml"), 1, 1};
        collecting(options, [&] { check_year_lists(fs, committee_dir, committee, *date, meeting_yaml); });
    }

    // Glossaries named only by documents' cover sheets: each once, however
    // many documents use it (one that failed is tried, and reported, again
    // where the next document names it).
    for (const auto& committee : site.committees)
        for (const auto& meeting : committee.meetings)
            for (const auto& item : meeting.agenda)
                for (const auto& document : item.documents) {
                    const std::string& path = document.cover.glossary;
                    if (path.empty() || site.glossaries.count(path)) continue;
                    collecting(options, [&] { site.glossaries[path] = load_glossary(fs, paths.data, path, document.body.origin); });
                }
    return site;
}

}  // namespace agendapack::load
