// An appendix: its title and its Markdown body.
#include <algorithm>
#include <set>

#include "compose.hpp"

namespace agendapack::compose {

using doc::Block;

namespace {

// "RAG: Medium" (or "RAG: Amber – Medium Risk") under a section: the
// section's risk rating, printed as the reports print it, with its shape.
// Risk levels map Low → Green, Medium → Amber, High → Red.
std::optional<compute::Rag> rag_label(Block& block) {
    if (block.kind != Block::Kind::Paragraph) return std::nullopt;
    std::string text = trim(doc::plain_text(block.inlines));
    if (text.rfind("RAG:", 0) != 0) return std::nullopt;
    std::string words = to_lower(trim(text.substr(4)));
    static const std::vector<std::tuple<std::string, std::string, compute::Rag>> levels = {
        {"high", "red", compute::Rag::Red}, {"medium", "amber", compute::Rag::Amber}, {"low", "green", compute::Rag::Green}};
    for (const auto& [risk, colour, rag] : levels) {
        bool by_risk = words == risk || words == risk + " risk";
        bool by_colour = words.rfind(colour, 0) == 0;
        if (!by_risk && !by_colour) continue;
        std::string word = compute::rag_word(rag);
        std::string risk_word = std::string(1, static_cast<char>(std::toupper(static_cast<unsigned char>(risk[0])))) + risk.substr(1);
        block.inlines = {doc::strong({doc::text("RAG:")}), doc::text(" "), doc::symbol("rag-" + colour),
                         doc::text(" " + word + " – " + risk_word + " Risk")};
        block.role = "rag-label";
        return rag;
    }
    std::vector<std::string> known{"low", "medium", "high", "green", "amber", "red"};
    throw InputError(block.origin, unknown_name("RAG rating", trim(text.substr(4)), known) +
                                       ": write RAG: Low, RAG: Medium or RAG: High (or Green, Amber, Red)");
}

// A contents list of the appendix's ## headings with the appendix's own page
// numbers, as printed appendices carry them; with their RAG when asked.
void fill_contents(doc::Blocks& body, const std::string& document_id) {
    std::vector<std::pair<const Block*, compute::Rag>> sections;
    for (auto& b : body) {
        if (b.kind == Block::Kind::Heading && b.level == 2 && !b.id.empty()) sections.push_back({&b, compute::Rag::None});
        else if (auto rag = rag_label(b); rag && !sections.empty()) sections.back().second = *rag;
    }
    for (auto& b : body) {
        if (b.pending != Block::Pending::Contents) continue;
        b.pending = Block::Pending::None;
        b.role = doc::role::kContents;
        const bool with_rag = b.rows.front().cells.size() == 3;
        for (const auto& [heading, rag] : sections) {
            std::string anchor = document_id + "#" + heading->id;
            doc::Row row{{doc::cell({doc::paragraph({doc::internal_link(anchor, heading->inlines)})}),
                          doc::cell({doc::paragraph({doc::page_ref(anchor, document_id)})})}};
            if (with_rag) {
                if (rag == compute::Rag::None) row.cells.push_back(doc::text_cell(""));
                else {
                    std::string word = compute::rag_word(rag);
                    doc::Cell cell = doc::cell({doc::paragraph({doc::symbol("rag-" + to_lower(word)), doc::text(" " + word)})});
                    cell.tone = to_lower(word);
                    row.cells.push_back(std::move(cell));
                }
            }
            b.rows.push_back(std::move(row));
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
            // Stable anchors from the heading text, unique within the appendix
            // (a glossary's headings bring their own).
            std::string id = block.id.empty() ? slugify(doc::plain_text(block.inlines)) : block.id;
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
