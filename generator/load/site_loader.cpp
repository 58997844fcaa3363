#include <algorithm>

#include "loaders.hpp"

namespace agendapack::load {

model::Site load_site(const FileSystem& fs, const ContentPaths& paths, const LoadOptions& options) {
    if (!fs.is_directory(paths.content)) throw InputError({paths.content, 0, 0}, "content folder not found");
    model::Site site;
    site.council = load_council(fs, paths.content);
    for (const auto& name : fs.list(paths.content)) {
        const std::string dir = join_path(paths.content, name);
        if (!fs.is_directory(dir)) continue;
        collecting(options, [&] {
            if (!fs.read(join_path(dir, "committee.yaml")))
                throw InputError({dir, 0, 0}, "a committee folder needs a committee.yaml");
            site.committees.push_back(load_committee(fs, dir, name, options, site.council));
        });
    }
    if (site.committees.empty() && !(options.errors && !options.errors->empty()))
        throw InputError({paths.content, 0, 0}, "no committee folders found");
    // Each glossary once, however many documents use it.
    auto need = [&](const std::string& path, const SourceLocation& from) {
        if (!path.empty() && !site.glossaries.count(path))
            collecting(options, [&] { site.glossaries[path] = load_glossary(fs, paths.data, path, from); });
    };
    for (auto& committee : site.committees)
        if (!committee.tracker_file.empty())
            collecting(options, [&] {
                committee.tracker = load_tracker(fs, paths.data, committee.tracker_file,
                                                 {join_path(join_path(paths.content, committee.slug), "committee.yaml"), 0, 0});
            });
    for (const auto& committee : site.committees) {
        need(committee.glossary, {join_path(join_path(paths.content, committee.slug), "committee.yaml"), 0, 0});
        for (const auto& meeting : committee.meetings)
            for (const auto& item : meeting.agenda)
                for (const auto& document : item.documents)
                    need(document.cover.glossary, document.body.origin);
    }
    return site;
}

}  // namespace agendapack::load
