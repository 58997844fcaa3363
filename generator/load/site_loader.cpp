#include <algorithm>

#include "loaders.hpp"

namespace agendapack::load {

model::Site load_site(const FileSystem& fs, const ContentPaths& paths) {
    if (!fs.is_directory(paths.content)) throw InputError({paths.content, 0, 0}, "content folder not found");
    model::Site site;
    site.council = load_council(fs, paths.content);
    for (const auto& name : fs.list(paths.content)) {
        const std::string dir = join_path(paths.content, name);
        if (!fs.is_directory(dir)) continue;
        if (!fs.read(join_path(dir, "committee.yaml")))
            throw InputError({dir, 0, 0}, "a committee folder needs a committee.yaml");
        site.committees.push_back(load_committee(fs, dir, name, site.council));
    }
    if (site.committees.empty()) throw InputError({paths.content, 0, 0}, "no committee folders found");
    return site;
}

}  // namespace agendapack::load
