// Document tree to HTML fragments. Every class name comes from a block's
// role, so the stylesheet, not this code, decides how things look.
#include <algorithm>
#include <map>

#include "html.hpp"

namespace agendapack::render::html {

namespace {

using doc::Block;
using doc::Inline;

std::string class_attr(const std::string& role, const std::string& extra = "") {
    std::string classes = role;
    if (!extra.empty()) classes = classes.empty() ? extra : extra + " " + classes;
    return classes.empty() ? "" : " class=\"" + escape(classes) + "\"";
}

std::string id_attr(const std::string& id) { return id.empty() ? "" : " id=\"" + escape(id) + "\""; }

// The same shapes the PDF draws, as inline SVG: never a glyph from a symbol
// font. Named shapes get role="img" and their name; unnamed ones sit beside
// words that already say what they mean, so they are hidden from readers.
std::string symbol_svg(const Inline& i) {
    static const std::map<std::string, std::string> shapes = {
        {"rag-green", "<circle cx=\"6\" cy=\"6\" r=\"5.2\"/>"},
        {"rag-amber", "<polygon points=\"6,0.6 11.6,11 0.4,11\"/>"},
        {"rag-red", "<rect x=\"1\" y=\"1\" width=\"10\" height=\"10\"/>"},
        {"arrow-up", "<path d=\"M6 0.5 L11.5 6.5 H8 V11.5 H4 V6.5 H0.5 Z\"/>"},
        {"arrow-down", "<path d=\"M6 11.5 L11.5 5.5 H8 V0.5 H4 V5.5 H0.5 Z\"/>"},
        {"arrow-level", "<path d=\"M11.5 6 L5.5 0.5 V4 H0.5 V8 H5.5 V11.5 Z\"/>"},
    };
    auto shape = shapes.find(i.symbol);
    std::string body = shape == shapes.end() ? "" : shape->second;
    std::string a11y = i.text.empty() ? " aria-hidden=\"true\"" : " role=\"img\" aria-label=\"" + escape(i.text) + "\"";
    std::string title = i.text.empty() ? "" : "<title>" + escape(i.text) + "</title>";
    return "<svg class=\"symbol " + escape(i.symbol) + "\" viewBox=\"0 0 12 12\" width=\"14\" height=\"14\"" + a11y +
           " focusable=\"false\">" + title + body + "</svg>";
}

// What the renderer is handed besides the blocks.
struct Hooks {
    const LinkResolver& links;
    const HeadingEnd& heading_end;
};

void render_block(const Block& block, const Hooks& hooks, std::string& out);

// A cell or list item holding one paragraph renders without the <p>.
void render_content(const doc::Blocks& blocks, const Hooks& hooks, std::string& out) {
    if (blocks.size() == 1 && blocks[0].kind == Block::Kind::Paragraph && blocks[0].role.empty()) {
        out += render_inlines(blocks[0].inlines, hooks.links);
        return;
    }
    for (const auto& b : blocks) render_block(b, hooks, out);
}

// Tables a narrow screen shows as a list of cards, one a row, each value
// labelled with its column's heading (a cover sheet's contacts grid).
bool stacks_when_narrow(const Block& table) {
    return table.role == "contact-details" || table.role == "cover-fields" || table.role == "background-documents";
}

// The text of each column's heading (its last header row), for labelling stacked cells.
std::vector<std::string> column_labels(const Block& table) {
    std::vector<std::string> labels;
    if (table.header_rows == 0) return labels;
    for (const auto& cell : table.rows[static_cast<size_t>(table.header_rows - 1)].cells)
        for (int span = 0; span < std::max(1, cell.colspan); ++span) {
            std::string text;
            for (const auto& b : cell.content) text += doc::plain_text(b.inlines);
            labels.push_back(text);
        }
    return labels;
}

void render_table(const Block& table, const Hooks& hooks, std::string& out) {
    // A table of many columns (or one printed landscape) scrolls inside its
    // own region on a narrow screen, which keyboards can reach; the page
    // itself never scrolls sideways.
    size_t columns = 0;
    for (const auto& row : table.rows) {
        size_t n = 0;
        for (const auto& cell : row.cells) n += static_cast<size_t>(std::max(1, cell.colspan));
        columns = std::max(columns, n);
    }
    const bool stacked = stacks_when_narrow(table);
    const bool wide = !stacked && (table.landscape || columns >= 4);
    if (wide) {
        std::string name = table.caption.empty() ? "Table" : doc::plain_text(table.caption);
        out += "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"" + escape(name) + " (scrolls sideways)\">\n";
    }
    // Stacked as cards, each value is shown with its column's heading.
    const std::vector<std::string> labels = stacked ? column_labels(table) : std::vector<std::string>{};
    out += "<table" + class_attr(table.role) + id_attr(table.id) + ">\n";
    if (!table.caption.empty()) out += "<caption>" + render_inlines(table.caption, hooks.links) + "</caption>\n";
    for (size_t r = 0; r < table.rows.size(); ++r) {
        if (r == 0 && table.header_rows > 0) out += "<thead>\n";
        if (r == static_cast<size_t>(table.header_rows)) out += "<tbody>\n";
        out += "<tr>";
        size_t column = 0;
        for (const auto& cell : table.rows[r].cells) {
            const size_t at = column;
            column += static_cast<size_t>(std::max(1, cell.colspan));
            if (cell.continued) continue;  // covered by a rowspan above
            bool header = cell.header && !cell.content.empty();
            std::string tag = header ? "th" : "td";
            out += "<" + tag;
            if (stacked && !header && at < labels.size() && !labels[at].empty()) out += " data-label=\"" + escape(labels[at]) + "\"";
            if (header && !cell.scope.empty()) out += " scope=\"" + cell.scope + "\"";
            if (cell.colspan > 1) out += " colspan=\"" + std::to_string(cell.colspan) + "\"";
            if (cell.rowspan > 1) out += " rowspan=\"" + std::to_string(cell.rowspan) + "\"";
            std::string classes = cell.tone.empty() ? "" : "tone-" + cell.tone;
            if (!cell.align.empty()) classes += (classes.empty() ? "align-" : " align-") + cell.align;
            if (!classes.empty()) out += " class=\"" + escape(classes) + "\"";
            out += ">";
            render_content(cell.content, hooks, out);
            out += "</" + tag + ">";
        }
        out += "</tr>\n";
        if (r + 1 == static_cast<size_t>(table.header_rows)) out += "</thead>\n";
    }
    if (table.rows.size() > static_cast<size_t>(table.header_rows)) out += "</tbody>\n";
    out += "</table>\n";
    if (wide) out += "</div>\n";
}

void render_block(const Block& block, const Hooks& hooks, std::string& out) {
    switch (block.kind) {
        case Block::Kind::Paragraph:
            out += "<p" + class_attr(block.role) + ">" + render_inlines(block.inlines, hooks.links) + "</p>\n";
            break;
        case Block::Kind::Heading: {
            std::string tag = "h" + std::to_string(std::clamp(block.level, 1, 6));
            out += "<" + tag + id_attr(block.id) + class_attr(block.role) + ">";
            if (!block.label.empty()) out += "<span class=\"num\">" + escape(block.label) + "</span> ";
            out += render_inlines(block.inlines, hooks.links);
            if (hooks.heading_end) out += hooks.heading_end(block);
            out += "</" + tag + ">\n";
            break;
        }
        case Block::Kind::List: {
            bool labelled = block.ordered;
            std::string tag = block.ordered ? "ol" : "ul";
            out += "<" + tag + class_attr(block.role, labelled ? "labelled" : "") + ">\n";
            for (const auto& item : block.children) {
                out += "<li" + id_attr(item.id) + ">";
                if (labelled) out += "<span class=\"label\">" + escape(item.label) + "</span><div class=\"item\">";
                render_content(item.children, hooks, out);
                if (labelled) out += "</div>";
                out += "</li>\n";
            }
            out += "</" + tag + ">\n";
            break;
        }
        case Block::Kind::ListItem: render_content(block.children, hooks, out); break;
        case Block::Kind::Numbered:
            out += "<div class=\"numbered\"><span class=\"num\">" + escape(block.label) + "</span><div class=\"para\">\n";
            for (const auto& b : block.children) render_block(b, hooks, out);
            out += "</div></div>\n";
            break;
        case Block::Kind::Table: render_table(block, hooks, out); break;
        case Block::Kind::Section: {
            // <section> only where a heading names it; otherwise a plain grouping.
            bool titled = !block.children.empty() && block.children.front().kind == Block::Kind::Heading;
            std::string tag = titled ? "section" : "div";
            out += "<" + tag + class_attr(block.role) + id_attr(block.id) + ">\n";
            for (const auto& b : block.children) render_block(b, hooks, out);
            out += "</" + tag + ">\n";
            break;
        }
        case Block::Kind::Quote:
            out += "<blockquote>\n";
            for (const auto& b : block.children) render_block(b, hooks, out);
            out += "</blockquote>\n";
            break;
        case Block::Kind::Code: out += "<pre><code>" + escape(block.text) + "</code></pre>\n"; break;
        case Block::Kind::Rule: out += "<hr>\n"; break;
        case Block::Kind::ChartBlock: out += render_chart(*block.chart); break;
        case Block::Kind::Figure:
            out += "<p class=\"figure\"><img src=\"images/" + escape(block.image->name) + "\" alt=\"" + escape(block.text) +
                   "\" width=\"" + std::to_string(block.image->width) + "\" height=\"" + std::to_string(block.image->height) +
                   "\"></p>\n";
            break;
    }
}

}  // namespace

std::string escape(std::string_view text) { return escape_markup(text); }

std::string render_inlines(const doc::Inlines& inlines, const LinkResolver& links) {
    std::string out;
    for (const auto& i : inlines) {
        switch (i.kind) {
            case Inline::Kind::Text: out += escape(i.text); break;
            case Inline::Kind::Code: out += "<code>" + escape(i.text) + "</code>"; break;
            case Inline::Kind::SoftBreak: out += "\n"; break;
            case Inline::Kind::LineBreak: out += "<br>\n"; break;
            case Inline::Kind::Emphasis: out += "<em>" + render_inlines(i.children, links) + "</em>"; break;
            case Inline::Kind::Strong: out += "<strong>" + render_inlines(i.children, links) + "</strong>"; break;
            case Inline::Kind::Strikethrough: out += "<del>" + render_inlines(i.children, links) + "</del>"; break;
            case Inline::Kind::PageRef: out += escape(i.text); break;
            case Inline::Kind::Symbol: out += symbol_svg(i); break;
            case Inline::Kind::Term: {
                std::string word = i.url.empty() ? escape(i.text) : "<abbr title=\"" + escape(i.url) + "\">" + escape(i.text) + "</abbr>";
                out += i.target.empty() ? word : "<a class=\"glossary-term\" href=\"" + escape(links(i.target)) + "\">" + word + "</a>";
                break;
            }
            case Inline::Kind::Link: {
                std::string href = i.target.empty() ? i.url : links(i.target);
                out += "<a href=\"" + escape(href) + "\">" + render_inlines(i.children, links) + "</a>";
                break;
            }
        }
    }
    return out;
}

std::string render_blocks(const doc::Blocks& blocks, const LinkResolver& links, const HeadingEnd& heading_end) {
    std::string out;
    const Hooks hooks{links, heading_end};
    for (const auto& b : blocks) render_block(b, hooks, out);
    return out;
}

}  // namespace agendapack::render::html
