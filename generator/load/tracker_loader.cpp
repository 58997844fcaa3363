// The status file of a committee's recommendations.
#include "loaders.hpp"

namespace agendapack::load {

std::vector<model::TrackerStatus> load_tracker(const FileSystem& fs, const std::string& data_dir, const std::string& relative,
                                               const SourceLocation& referenced_from) {
    if (relative.find("..") != std::string::npos || relative[0] == '/') throw InputError(referenced_from, "'" + relative + "' must be a path inside data/");
    const std::string path = join_path(data_dir, relative);
    auto text = fs.read(path);
    if (!text) throw InputError(referenced_from, "the recommendations file '" + path + "' does not exist");
    YamlText source{path, *text};
    const auto tree = parse_yaml(source);
    YamlNode root = tree->root();
    if (root.is_map() && root.size() == 0) return {};
    require_sequence(source, root, "recommendations");
    std::vector<model::TrackerStatus> out;
    std::map<std::string, bool> seen;
    for (const YamlNode& node : root.items()) {
        Fields f(source, node, {"id", "date", "title", "action_proposed", "action_taken", "status", "closed", "from", "until"}, "a recommendation");
        model::TrackerStatus s;
        s.where = f.where();
        s.id = f.string("id");
        if (seen.count(s.id)) source.fail(f.node("id"), "recommendation '" + s.id + "' is listed twice");
        seen[s.id] = true;
        s.date = f.optional_date("date");
        s.title = f.string_or("title", "");
        s.action_proposed = f.markdown("action_proposed");
        s.action_taken = f.markdown("action_taken");
        s.status = f.string_or("status", "");
        s.closed = f.optional_date("closed");
        s.from = f.optional_date("from");
        s.until = f.optional_date("until");
        if (s.from && s.until && *s.until < *s.from) source.fail(f.node("until"), "'until' must not come before 'from'");
        if (!s.action_proposed.text.empty() && s.title.empty())
            source.fail(node, "recommendation '" + s.id + "' gives its own 'action_proposed', so it needs a 'title' too");
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace agendapack::load
