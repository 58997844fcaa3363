// An appendix: its title and its Markdown body.
#include <algorithm>

#include "compose.hpp"

namespace agendapack::compose {

using doc::Block;

doc::Document compose_appendix(const Context& context, const compute::MeetingPlan&, const compute::PlacedDocument& placed) {
    const model::Document& source = *placed.source;
    doc::Document d = new_document(doc::Document::Kind::Appendix, placed);
    d.body.push_back(doc::heading(1, {doc::text(source.title)}));
    // Headings below the title never skip a level (a ### straight under the
    // title becomes h2), so screen-reader outlines stay whole.
    int previous = 1;
    for (auto& block : content_blocks(context, source.body)) {
        if (block.kind == Block::Kind::Heading) {
            block.level = std::clamp(block.level, 2, previous + 1);
            previous = block.level;
        }
        d.body.push_back(std::move(block));
    }
    return d;
}

}  // namespace agendapack::compose
