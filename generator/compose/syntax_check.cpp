// Markdown an officer may type that the format does not take prints as the
// characters typed; these warnings say so at the line, rather than letting
// "[^1]" or "[ ]" reach the pack. They never stop a build: sources that
// built before still do.
#include <algorithm>

#include "compose.hpp"

namespace agendapack::compose {

namespace {

std::string first_text(const doc::Block& b) {
    return !b.inlines.empty() && b.inlines[0].kind == doc::Inline::Kind::Text ? b.inlines[0].text : "";
}

bool has_footnote(const std::string& text) {
    const size_t open = text.find("[^");
    return open != std::string::npos && text.find(']', open + 2) != std::string::npos;
}

}  // namespace

std::vector<Warning> check_typed_syntax(const doc::Document& document) {
    std::vector<Warning> out;
    auto warn = [&](const doc::Block& b, const std::string& message) {
        if (!b.origin.file.empty()) out.push_back({b.origin, message, true});
    };
    doc::for_each_block(document.body, [&](const doc::Block& b) {
        if (b.kind == doc::Block::Kind::ListItem && !b.children.empty() && b.children[0].kind == doc::Block::Kind::Paragraph) {
            const std::string text = first_text(b.children[0]);
            if (text.rfind("[ ] ", 0) == 0 || text.rfind("[x] ", 0) == 0 || text.rfind("[X] ", 0) == 0)
                warn(b.children[0], "check boxes ('[ ]', '[x]') print as typed: write the item plainly, or say whether it is done");
        }
        if (b.kind != doc::Block::Kind::Paragraph) return;
        const std::string plain = doc::plain_text(b.inlines);
        if (has_footnote(plain)) warn(b, "footnotes ('[^1]') print as typed: put the note in the text, or number it in a list at the end");
        else if (!plain.empty() && plain[0] == '|' && std::count(plain.begin(), plain.end(), '|') >= 2)
            warn(b, "this looks like a table but prints as text: a table needs a line like |---|---| under its first row");
    });
    return out;
}

}  // namespace agendapack::compose
