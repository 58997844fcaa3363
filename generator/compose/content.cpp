// Markdown plus the fenced blocks agendapack adds to it.
#include "fences.hpp"

namespace agendapack::compose {

doc::Blocks content_blocks(const Context& context, const model::Markdown& given, doc::MarkdownOptions options) {
    const model::Markdown& markdown = context.text_of(given);
    options.fence = [&context](const std::string& info, const std::string& body, const SourceLocation& where) -> doc::Blocks {
        if (info == "table") {
            FenceOptions fence("table", body, where,
                               {"csv", "caption", "source", "columns", "rename", "format", "merge", "total", "two_level_headers", "landscape"});
            doc::Blocks blocks{table_from_fence(context, fence)};
            if (fence.has("source")) blocks.push_back(fence.source_note("table-source"));
            return blocks;
        }
        if (info == "glossary") return glossary_from_fence(context, FenceOptions("glossary", body, where, {"style", "order", "data", "title", "terms"}));
        if (info == "tracker") return {tracker_from_fence(context, FenceOptions("tracker", body, where, {"caption", "landscape", "rename", "numbered", "carry_forward"}))};
        if (info == "chart")
            return chart_from_fence(context, FenceOptions("chart", body, where,
                                                          {"csv", "type", "title", "x", "series", "x_label", "y_label", "labels", "source"}));
        if (info == "scorecard") return scorecard_from_fence(context, FenceOptions("scorecard", body, where, {"csv", "rules", "caption", "columns", "rename"}));
        if (info == "contents") {
            // Its header now; its rows once the appendix's headings are known.
            FenceOptions fence("contents", body, where, {"section", "page", "rag"});
            doc::Block placeholder;
            placeholder.kind = doc::Block::Kind::Table;
            placeholder.pending = doc::Block::Pending::Contents;
            placeholder.origin = where;
            placeholder.origin.line -= 1;
            placeholder.header_rows = 1;
            doc::Row header{{doc::text_cell(fence.get_or("section", "Section"), true, "col"),
                             doc::text_cell(fence.get_or("page", "Page"), true, "col")}};
            if (fence.yes_no("rag", false)) header.cells.push_back(doc::text_cell("RAG", true, "col"));
            placeholder.rows.push_back(std::move(header));
            return {placeholder};
        }
        SourceLocation fence_line = where;
        fence_line.line -= 1;
        throw InputError(fence_line, unknown_name("block", "```" + info, {"```table", "```contents", "```scorecard", "```chart", "```glossary", "```tracker"}));
    };
    options.image = [&context](const std::string& file, const std::string& alt, const SourceLocation& where) {
        return load_figure(context, file, alt, where);
    };
    return doc::markdown(markdown, options);
}

doc::Document new_document(doc::Document::Kind kind, std::string id, std::string title) {
    doc::Document d;
    d.kind = kind;
    d.id = std::move(id);
    d.title = std::move(title);
    return d;
}

doc::Document new_document(doc::Document::Kind kind, const compute::PlacedDocument& placed) {
    doc::Document d = new_document(kind, placed.id, placed.title);
    d.stamp = placed.stamp;
    d.agenda_number = placed.item_number;
    // Composed while exempt only for the members' edition (a public one withholds it).
    if (placed.exempt) d.restriction = not_for_publication(placed.exempt);
    return d;
}

std::string exempt_reason(model::ExemptParagraph paragraph) {
    return "likely to disclose exempt information as defined in paragraph " + std::to_string(paragraph) +
           " of Schedule 12A to the Local Government Act 1972";
}

std::string not_for_publication(model::ExemptParagraph paragraph) {
    return "Not for publication: paragraph " + std::to_string(paragraph) + " of Schedule 12A to the Local Government Act 1972";
}

std::string councillors(const std::vector<std::string>& names) {
    return (names.size() == 1 ? "Councillor " : "Councillors ") + join_with_and(names);
}

}  // namespace agendapack::compose
