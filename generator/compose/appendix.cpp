// An appendix: its title and its Markdown body.
#include <algorithm>
#include <set>

#include "compose.hpp"

namespace agendapack::compose {

using doc::Block;

namespace {

// A contents list of the appendix's ## headings with the appendix's own page
// numbers, as printed appendices carry them.
void fill_contents(doc::Blocks& body, const std::string& document_id) {
    std::vector<const Block*> headings;
    for (const auto& b : body)
        if (b.kind == Block::Kind::Heading && b.level == 2 && !b.id.empty()) headings.push_back(&b);
    for (auto& b : body) {
        if (b.role != "contents" || !b.rows.empty()) continue;
        b.header_rows = 1;
        b.rows.push_back({{doc::text_cell("Section", true, "col"), doc::text_cell("Page", true, "col")}});
        for (const Block* h : headings) {
            std::string anchor = document_id + "#" + h->id;
            b.rows.push_back({{doc::cell({doc::paragraph({doc::internal_link(anchor, h->inlines)})}),
                               doc::cell({doc::paragraph({doc::page_ref(anchor, document_id)})})}});
        }
    }
}

}  // namespace

doc::Document compose_appendix(const Context& context, const compute::MeetingPlan&, const compute::PlacedDocument& placed) {
    const model::Document& source = *placed.source;
    doc::Document d = new_document(doc::Document::Kind::Appendix, placed);
    d.landscape = source.landscape;
    d.body.push_back(doc::heading(1, {doc::text(source.title)}));
    // Headings below the title never skip a level (a ### straight under the
    // title becomes h2), so screen-reader outlines stay whole.
    int previous = 1;
    std::set<std::string> ids;
    for (auto& block : content_blocks(context, source.body)) {
        if (block.kind == Block::Kind::Heading) {
            block.level = std::clamp(block.level, 2, previous + 1);
            previous = block.level;
            // Stable anchors from the heading text, unique within the appendix.
            std::string id = slugify(doc::plain_text(block.inlines));
            if (id.empty()) id = "section";
            std::string unique = id;
            for (int n = 2; !ids.insert(unique).second; ++n) unique = id + "-" + std::to_string(n);
            block.id = unique;
        }
        d.body.push_back(std::move(block));
    }
    fill_contents(d.body, d.id);
    return d;
}

}  // namespace agendapack::compose
