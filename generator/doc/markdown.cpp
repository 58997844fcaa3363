// Markdown as officers write it into the document tree: CommonMark with
// GitHub's tables, strikethrough and autolinks (Debian's cmark-gfm and its
// extensions: one AST, walked once). Raw HTML and unsafe link schemes are
// rejected with their location rather than silently dropped, so an officer
// learns why text went missing.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstring>
#include <memory>
#include <mutex>

#include "doc.hpp"

namespace agendapack::doc {

namespace {

struct Walker {
    const model::Markdown& source;
    const MarkdownOptions& options;

    SourceLocation at(cmark_node* node) const {
        int line = cmark_node_get_start_line(node);
        int column = cmark_node_get_start_column(node);
        SourceLocation where = source.origin;
        if (line <= 0) return where;
        if (line == 1) where.column = source.origin.column + column - 1;
        else where.column = column;
        where.line = source.origin.line + line - 1;
        return where;
    }

    static std::string literal(cmark_node* node) {
        const char* text = cmark_node_get_literal(node);
        return text ? text : "";
    }

    void check_url(cmark_node* node, const std::string& url) const {
        if (std::string problem = url_problem(url); !problem.empty()) throw InputError(at(node), problem);
    }

    Inlines inlines(cmark_node* parent) const {
        Inlines out;
        for (cmark_node* node = cmark_node_first_child(parent); node; node = cmark_node_next(node)) {
            Inline i;
            switch (cmark_node_get_type(node)) {
                case CMARK_NODE_TEXT:
                    // Merge runs of text that cmark splits at punctuation.
                    if (!out.empty() && out.back().kind == Inline::Kind::Text) {
                        out.back().text += literal(node);
                        continue;
                    }
                    i.text = literal(node);
                    break;
                case CMARK_NODE_CODE:
                    i.kind = Inline::Kind::Code;
                    i.text = literal(node);
                    break;
                case CMARK_NODE_SOFTBREAK:
                    i.kind = Inline::Kind::SoftBreak;
                    break;
                case CMARK_NODE_LINEBREAK:
                    i.kind = Inline::Kind::LineBreak;
                    break;
                case CMARK_NODE_EMPH:
                    i.kind = Inline::Kind::Emphasis;
                    i.children = inlines(node);
                    break;
                case CMARK_NODE_STRONG:
                    i.kind = Inline::Kind::Strong;
                    i.children = inlines(node);
                    break;
                case CMARK_NODE_LINK: {
                    i.kind = Inline::Kind::Link;
                    const char* url = cmark_node_get_url(node);
                    i.url = url ? url : "";
                    check_url(node, i.url);
                    i.children = inlines(node);
                    break;
                }
                case CMARK_NODE_IMAGE:
                    throw InputError(at(node), "a picture must stand in a paragraph of its own: put a blank line before and after it");
                case CMARK_NODE_HTML_INLINE:
                    throw InputError(at(node), "raw HTML is not allowed in content: '" + trim(literal(node)) + "'");
                default:
                    if (is(node, "strikethrough")) {
                        i.kind = Inline::Kind::Strikethrough;
                        i.children = inlines(node);
                        break;
                    }
                    continue;
            }
            out.push_back(std::move(i));
        }
        return out;
    }

    Blocks blocks(cmark_node* parent, int list_depth) const {
        Blocks out;
        for (cmark_node* node = cmark_node_first_child(parent); node; node = cmark_node_next(node)) {
            switch (cmark_node_get_type(node)) {
                case CMARK_NODE_PARAGRAPH:
                    if (cmark_node* picture = lone_image(node)) {
                        out.push_back(figure(picture));
                        break;
                    }
                    out.push_back(paragraph(inlines(node)));
                    out.back().origin = at(node);
                    break;
                case CMARK_NODE_HEADING:
                    out.push_back(heading(cmark_node_get_heading_level(node), inlines(node)));
                    out.back().origin = at(node);
                    break;
                case CMARK_NODE_LIST: out.push_back(list_block(node, list_depth)); break;
                case CMARK_NODE_BLOCK_QUOTE: {
                    Block quote;
                    quote.kind = Block::Kind::Quote;
                    quote.children = blocks(node, list_depth);
                    out.push_back(std::move(quote));
                    break;
                }
                case CMARK_NODE_CODE_BLOCK: {
                    const char* info_text = cmark_node_get_fence_info(node);
                    std::string info = trim(info_text ? info_text : "");
                    if (!info.empty() && options.fence) {
                        SourceLocation where = at(node);
                        where.line += 1;  // the body starts under the fence line
                        where.column = 1;
                        for (auto& b : options.fence(info, literal(node), where)) out.push_back(std::move(b));
                        break;
                    }
                    Block code;
                    code.kind = Block::Kind::Code;
                    code.text = literal(node);
                    out.push_back(std::move(code));
                    break;
                }
                case CMARK_NODE_THEMATIC_BREAK: {
                    Block rule;
                    rule.kind = Block::Kind::Rule;
                    out.push_back(rule);
                    break;
                }
                case CMARK_NODE_HTML_BLOCK:
                    throw InputError(at(node), "raw HTML is not allowed in content: '" + trim(literal(node).substr(0, 40)) + "'");
                default:
                    if (is(node, "table")) out.push_back(table(node));
                    break;
            }
        }
        return out;
    }

    static bool is(cmark_node* node, const char* type) { return std::strcmp(cmark_node_get_type_string(node), type) == 0; }

    // A GitHub table: its first row the header, each column's alignment kept.
    Block table(cmark_node* node) const {
        const uint16_t columns = cmark_gfm_extensions_get_table_columns(node);
        const uint8_t* alignments = cmark_gfm_extensions_get_table_alignments(node);
        Block result;
        result.kind = Block::Kind::Table;
        result.role = role::kDataTable;
        result.origin = at(node);
        for (cmark_node* row = cmark_node_first_child(node); row; row = cmark_node_next(row)) {
            const bool header = cmark_gfm_extensions_get_table_row_is_header(row);
            Row out;
            uint16_t column = 0;
            for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell), ++column) {
                Cell c;
                Block content = paragraph(inlines(cell));
                content.origin = at(cell);
                c.content.push_back(std::move(content));
                c.header = header;
                if (header) c.scope = "col";
                if (alignments && column < columns) {
                    switch (alignments[column]) {
                        case 'l': c.align = "left"; break;
                        case 'c': c.align = "center"; break;
                        case 'r': c.align = "right"; break;
                        default: break;
                    }
                }
                out.cells.push_back(std::move(c));
            }
            if (header) ++result.header_rows;
            result.rows.push_back(std::move(out));
        }
        return result;
    }

    // The image of a paragraph that holds nothing else, or null.
    static cmark_node* lone_image(cmark_node* paragraph) {
        cmark_node* child = cmark_node_first_child(paragraph);
        if (!child || cmark_node_next(child) || cmark_node_get_type(child) != CMARK_NODE_IMAGE) return nullptr;
        return child;
    }

    Block figure(cmark_node* image) const {
        const char* url = cmark_node_get_url(image);
        std::string alt;
        for (const auto& i : inlines(image)) alt += i.kind == Inline::Kind::Text || i.kind == Inline::Kind::Code ? i.text : " ";
        alt = trim(alt);
        if (alt.empty())
            throw InputError(at(image), "a picture needs words for readers who cannot see it: write them in the brackets, ![like this](chart.png)");
        if (!options.image) throw InputError(at(image), "pictures are not allowed here");
        return options.image(url ? url : "", alt, at(image));
    }

    Block list_block(cmark_node* node, int depth) const {
        bool ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
        std::string style;
        if (ordered) {
            if (depth > 0) style = options.nested_style;
            else if (cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM) style = options.paren_style;
            else style = options.period_style;
        }
        Blocks items;
        // "5." starts at five: an officer continuing a list after a table means it.
        int n = ordered ? cmark_node_get_list_start(node) - 1 : 0;
        for (cmark_node* item = cmark_node_first_child(node); item; item = cmark_node_next(item)) {
            ++n;
            items.push_back(list_item(ordered ? list_label(style, n) : "", blocks(item, depth + 1)));
            items.back().origin = at(item);
        }
        Block result = list(ordered, std::move(items));
        result.origin = at(node);
        return result;
    }
};

}  // namespace

Blocks markdown(const model::Markdown& source, const MarkdownOptions& options) {
    // The extensions register once per process; parsers may then run on any thread.
    static std::once_flag registered;
    std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
    std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)> parser(cmark_parser_new(CMARK_OPT_SMART), &cmark_parser_free);
    for (const char* extension : {"table", "strikethrough", "autolink"})
        cmark_parser_attach_syntax_extension(parser.get(), cmark_find_syntax_extension(extension));
    cmark_parser_feed(parser.get(), source.text.data(), source.text.size());
    std::unique_ptr<cmark_node, decltype(&cmark_node_free)> root(cmark_parser_finish(parser.get()), &cmark_node_free);
    // The tree is walked recursively from here on (and so is every document
    // tree after it), so its depth is checked first, without recursion:
    // quotes in quotes or lists in lists thousands deep are a mistake, never
    // a crash. cmark's own walker keeps its place on the heap.
    {
        constexpr int kDeepest = 64;
        std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> iter(cmark_iter_new(root.get()), &cmark_iter_free);
        int depth = 0;
        for (cmark_event_type event; (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
            if (event == CMARK_EVENT_EXIT) {
                --depth;
                continue;
            }
            cmark_node* node = cmark_iter_get_node(iter.get());
            if (cmark_node_first_child(node) == nullptr) continue;  // a leaf: entered, never exited
            if (++depth > kDeepest) {
                SourceLocation where = source.origin;
                for (cmark_node* n = node; n; n = cmark_node_parent(n))
                    if (int line = cmark_node_get_start_line(n); line > 0) {
                        where.line = source.origin.line + line - 1;
                        where.column = std::max(1, cmark_node_get_start_column(n));
                        break;
                    }
                throw InputError(where, "quotes, lists or emphasis are nested more than " + std::to_string(kDeepest) +
                                            " deep here: agendapack reads at most that many levels");
            }
        }
    }
    Walker walker{source, options};
    Blocks blocks = walker.blocks(root.get(), 0);
    gather_typed_lists(blocks);
    return blocks;
}

Inlines markdown_inline(const model::Markdown& source) {
    Blocks blocks = markdown(source);
    if (blocks.empty()) return {};
    if (blocks.size() != 1 || blocks[0].kind != Block::Kind::Paragraph)
        throw InputError(source.origin, "this field takes one paragraph of text, without headings, lists or blank lines");
    return blocks[0].inlines;
}

}  // namespace agendapack::doc
