#include "load.hpp"

namespace agendapack::load {

FrontMatterFile split_front_matter(const std::string& file, const std::string& text) {
    // Checked whole here, so neither the front matter nor the Markdown (which
    // cmark-gfm passes through as it finds it) carries a bad byte further.
    check_utf8(text, {file, 1, 1});
    FrontMatterFile out;
    auto starts_with_fence = [](const std::string& t, size_t at) {
        return t.compare(at, 3, "---") == 0 &&
               (at + 3 == t.size() || t[at + 3] == '\n' || (t[at + 3] == '\r'));
    };
    if (!starts_with_fence(text, 0))
        throw InputError({file, 1, 1}, "a document must start with its front matter: a line '---', its fields, then '---'");
    size_t line_start = text.find('\n');
    int line = 2;
    while (line_start != std::string::npos) {
        size_t at = line_start + 1;
        if (starts_with_fence(text, at)) {
            out.front_matter = text.substr(text.find('\n') + 1, at - (text.find('\n') + 1));
            size_t body_start = text.find('\n', at);
            out.body = body_start == std::string::npos ? "" : text.substr(body_start + 1);
            out.body_line = line + 1;
            return out;
        }
        line_start = text.find('\n', at);
        ++line;
    }
    throw InputError({file, 1, 1}, "the front matter opened on line 1 is never closed with a line '---'");
}

}  // namespace agendapack::load
