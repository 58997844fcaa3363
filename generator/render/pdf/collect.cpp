// Phase 1: the document tree as a flat list of paragraphs and tables, each
// with its size, indent, hanging label and spacing decided from its kind and
// role. Roles that only make sense on screen (the per-item document links)
// are left out.
#include <algorithm>
#include <array>
#include <charconv>

#include "layout.hpp"

namespace agendapack::render::pdf {

const char* role_name(StructNode::Role role) {
    static constexpr std::array<const char*, 20> kNames = {"Sect", "H1", "H2", "H3", "H4", "H5", "H6", "P", "L", "LI", "Lbl",
                                                           "LBody", "Table", "TR", "TH", "TD", "Figure", "Caption", "BlockQuote", "Link"};
    return kNames[static_cast<size_t>(role)];
}

namespace {

// A chart in words, for its Figure's alternative text: its title, what it
// plots, and its figures (the first forty), as a listener would want them.
std::string chart_summary(const doc::Chart& chart) {
    static constexpr std::array<const char*, 6> kKinds = {"line chart", "bar chart", "bar chart", "stacked bar chart", "pie chart", "donut chart"};
    std::string out = chart.title.empty() ? "Chart" : chart.title;
    out += std::string(": ") + kKinds[static_cast<size_t>(chart.type)];
    if (!chart.x_label.empty()) out += " by " + chart.x_label;
    if (!chart.y_label.empty()) out += ", " + chart.y_label;
    out += ".";
    int told = 0;
    for (const auto& series : chart.series) {
        out += " " + (series.name.empty() ? std::string("Values") : series.name) + ":";
        bool first = true;
        for (size_t i = 0; i < chart.categories.size() && i < series.values.size(); ++i) {
            if (told++ == 40) return out + " …";
            out += std::string(first ? " " : "; ") + chart.categories[i] + " ";
            first = false;
            if (!series.values[i]) {
                out += "no figure";
                continue;
            }
            char buffer[64];
            auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, *series.values[i], std::chars_format::fixed, chart.decimals);
            out += error == std::errc() ? std::string(buffer, end) : "?";
            out += chart.suffix;
        }
        out += ".";
    }
    return out;
}

using doc::Block;
using doc::Inline;

struct Context {
    double indent = 0;
    double size = 11;
    std::string section_role;  // role of the nearest enclosing section
    bool in_table = false;
};

// Where a paragraph's links and shapes get elements of their own: under the
// paragraph's element, in the structure being built.
struct Elements {
    Structure* structure = nullptr;
    int parent = kArtifact;
    int add(StructNode::Role role, std::string alt = "") const {
        if (!structure || parent == kArtifact) return kArtifact;
        StructNode n;
        n.role = role;
        n.parent = parent;
        n.alt = std::move(alt);
        structure->nodes.push_back(std::move(n));
        return static_cast<int>(structure->nodes.size()) - 1;
    }
};

void add_spans(const doc::Inlines& inlines, Fonts::Face face, const std::string& url, const std::string& target,
               std::vector<Span>& out, const Elements& elements, bool strike = false, int node = kInherit) {
    auto span = [&](const std::string& text, Fonts::Face f = Fonts::Regular, bool own_face = false) {
        Span s{text, own_face ? f : face, url, target};
        s.strike = strike;
        s.node = node;
        return s;
    };
    for (const auto& i : inlines) {
        switch (i.kind) {
            case Inline::Kind::Text:
            case Inline::Kind::Term: out.push_back(span(i.text)); break;
            case Inline::Kind::Code: out.push_back(span(i.text, Fonts::Mono, true)); break;
            case Inline::Kind::SoftBreak: out.push_back(span(" ")); break;
            case Inline::Kind::LineBreak: out.push_back(span("\n")); break;
            case Inline::Kind::Emphasis:
                add_spans(i.children, face == Fonts::Bold || face == Fonts::BoldItalic ? Fonts::BoldItalic : Fonts::Italic, url,
                          target, out, elements, strike, node);
                break;
            case Inline::Kind::Strong:
                add_spans(i.children, face == Fonts::Italic || face == Fonts::BoldItalic ? Fonts::BoldItalic : Fonts::Bold, url,
                          target, out, elements, strike, node);
                break;
            case Inline::Kind::Strikethrough: add_spans(i.children, face, url, target, out, elements, true, node); break;
            case Inline::Kind::Link:
                add_spans(i.children, face, i.url, i.target, out, elements, strike, elements.add(StructNode::Role::Link));
                break;
            case Inline::Kind::Symbol: {
                // A shape says its word to a screen reader ("Green",
                // "Improving"); one beside words that say it is decoration.
                Span s = span("");
                s.symbol = i.symbol;
                s.node = i.text.empty() ? kArtifact : elements.add(StructNode::Role::Figure, i.text);
                out.push_back(s);
                break;
            }
            case Inline::Kind::PageRef: {
                Span s = span("");
                s.page_ref = i.target;
                s.relative_to = i.relative_to;
                out.push_back(s);
                break;
            }
        }
    }
}

class Collector {
public:
    Collector(const Style& style, std::string document_id, Structure& structure)
        : style_(style), document_id_(std::move(document_id)), structure_(structure) {}

    void blocks(const doc::Blocks& list, const Context& context, std::vector<Item>& out) const {
        for (const auto& b : list) block(b, context, out);
    }

    Para paragraph(const doc::Inlines& inlines, const Context& context, Fonts::Face face = Fonts::Regular,
                   const SourceLocation& origin = {}, StructNode::Role role = StructNode::Role::P) const {
        Para p;
        p.origin = origin;
        p.node = node(role);
        add_spans(inlines, face, "", "", p.spans, Elements{&structure_, p.node});
        p.size = context.size;
        p.leading = style_.leading;
        p.indent = context.indent;
        p.space_after = context.in_table ? 2 : style_.paragraph_space;
        return p;
    }

private:
    // A new element under the one being filled.
    int node(StructNode::Role role, int parent) const {
        StructNode n;
        n.role = role;
        n.parent = parent;
        structure_.nodes.push_back(std::move(n));
        return static_cast<int>(structure_.nodes.size()) - 1;
    }
    int node(StructNode::Role role) const { return node(role, parent_); }
    // Collects `f`'s items as children of `element`.
    template <typename F>
    void inside(int element, F&& f) const {
        const int outer = parent_;
        parent_ = element;
        f();
        parent_ = outer;
    }

    // A cell or list item of one paragraph holds its text itself (TD, not
    // TD › P): a scorecard's tree is half the size, and reads the same.
    void fold(int container, std::vector<Item>& content) const {
        if (container < 0 || content.size() != 1 || content[0].kind != Item::Paragraph) return;
        const int paragraph = content[0].para.node;
        if (paragraph < 0 || structure_.nodes[static_cast<size_t>(paragraph)].parent != container) return;
        for (size_t n = static_cast<size_t>(paragraph) + 1; n < structure_.nodes.size(); ++n)
            if (structure_.nodes[n].parent == paragraph) structure_.nodes[n].parent = container;
        structure_.nodes[static_cast<size_t>(paragraph)].parent = kUnused;
        content[0].para.node = container;
    }

    void push(Para p, std::vector<Item>& out) const {
        Item item;
        item.para = std::move(p);
        out.push_back(std::move(item));
    }

    void heading(const Block& b, const Context& context, std::vector<Item>& out) const {
        // Six levels, each told apart: sizes down to the body's at level 4,
        // then bold italic (5) and italic (6).
        const double size = b.level <= 1 ? style_.h1_size : b.level == 2 ? style_.h2_size : b.level == 3 ? style_.h3_size : style_.h4_size;
        const Fonts::Face face = b.level == 5 ? Fonts::BoldItalic : b.level >= 6 ? Fonts::Italic : Fonts::Bold;
        Context c = context;
        c.size = context.in_table ? context.size : size;
        static constexpr std::array<StructNode::Role, 6> kLevels = {StructNode::Role::H1, StructNode::Role::H2, StructNode::Role::H3,
                                                                    StructNode::Role::H4, StructNode::Role::H5, StructNode::Role::H6};
        Para p = paragraph(b.inlines, c, face, b.origin, kLevels[static_cast<size_t>(std::clamp(b.level, 1, 6) - 1)]);
        p.space_before = context.in_table ? 0 : style_.heading_space_before;
        p.space_after = context.in_table ? 2 : style_.heading_space_after;
        p.keep_with_next = true;
        p.anchor = anchor(b.id);
        if (!b.label.empty()) {
            p.label = b.label;
            p.label_node = p.node;  // "3." reads as part of its heading
            p.label_face = Fonts::Bold;
            p.label_x = context.indent;
            p.indent = context.indent + style_.label_width;
        }
        bool banner = b.level == 2 && (context.section_role == doc::role::kCoverSection || context.section_role == doc::role::kSupportingDocumentation);
        if (banner) p.shading = style_.section_shading;
        push(std::move(p), out);
    }

    void list(const Block& b, const Context& context, std::vector<Item>& out) const {
        if (b.role == doc::role::kItemDocuments) return;  // links for the screen; the pack follows in order
        if (b.role == doc::role::kScorecardCards) return;  // a narrow screen's view; the printed table has it all
        const bool plain = b.role == doc::role::kPeople;  // one name a line, as the front sheet prints them
        size_t list_start = out.size();
        const int list_node = node(StructNode::Role::L);
        for (const auto& item : b.children) {
            Context inner = context;
            if (!plain) inner.indent = context.indent + style_.label_width;
            std::vector<Item> content;
            const int item_node = node(StructNode::Role::LI, list_node);
            const int label_node = plain ? kArtifact : node(StructNode::Role::Lbl, item_node);
            const int body = node(StructNode::Role::LBody, item_node);
            inside(body, [&] { blocks(item.children, inner, content); });
            fold(body, content);
            if (plain) {
                for (auto& c : content) {
                    if (c.kind == Item::Paragraph) c.para.space_after = 1;
                    out.push_back(std::move(c));
                }
                continue;
            }
            std::string label = b.ordered ? item.label : "•";
            // The label hangs beside the item's first paragraph.
            for (auto& c : content)
                if (c.kind == Item::Paragraph) {
                    c.para.label = label;
                    c.para.label_node = label_node;
                    c.para.label_x = context.indent;
                    c.para.label_face = b.role == doc::role::kAgenda ? Fonts::Bold : Fonts::Regular;
                    break;
                }
            // Items of a list sit closer together than paragraphs do.
            for (auto& c : content)
                if (c.kind == Item::Paragraph && !context.in_table) c.para.space_after = std::min(c.para.space_after, 3.0);
            for (auto& c : content) out.push_back(std::move(c));
        }
        if (out.size() > list_start && out.back().kind == Item::Paragraph && !context.in_table)
            out.back().para.space_after = style_.paragraph_space;
    }

    void numbered(const Block& b, const Context& context, std::vector<Item>& out) const {
        Context inner = context;
        inner.indent = context.indent + style_.label_width;
        std::vector<Item> content;
        // A numbered paragraph ("3.2") is tagged as a list of one: its number the label.
        const int item_node = node(StructNode::Role::LI, node(StructNode::Role::L));
        const int label_node = node(StructNode::Role::Lbl, item_node);
        const int body = node(StructNode::Role::LBody, item_node);
        inside(body, [&] { blocks(b.children, inner, content); });
        fold(body, content);
        for (auto& c : content)
            if (c.kind == Item::Paragraph) {
                c.para.label = b.label;
                c.para.label_node = label_node;
                c.para.label_x = context.indent;
                break;
            }
        for (auto& c : content) out.push_back(std::move(c));
    }

    void table(const Block& b, const Context& context, std::vector<Item>& out) const {
        Item item;
        item.kind = Item::TableItem;
        Table& t = item.table;
        size_t columns = 0;
        for (const auto& row : b.rows) columns = std::max(columns, row.cells.size());
        const bool dense = static_cast<int>(columns) > style_.dense_columns;
        t.size = dense ? style_.dense_size : style_.table_size;
        t.padding = dense ? style_.dense_padding : style_.cell_padding;
        t.header_rows = b.header_rows;
        t.landscape = b.landscape;
        const int table_node = node(StructNode::Role::Table);
        if (!b.caption.empty()) {
            Context c = context;
            c.size = style_.table_size + 0.5;
            Para caption;
            inside(table_node, [&] { caption = paragraph(b.caption, c, Fonts::Bold, {}, StructNode::Role::Caption); });
            caption.space_after = 3;
            caption.keep_with_next = true;
            t.caption = caption;
        }
        Context cell_context;
        cell_context.size = t.size;
        cell_context.in_table = true;
        for (size_t r = 0; r < b.rows.size(); ++r) {
            std::vector<TableCell> row;
            const int row_node = node(StructNode::Role::TR, table_node);
            t.row_nodes.push_back(row_node);
            for (const auto& cell : b.rows[r].cells) {
                TableCell out_cell;
                out_cell.header = cell.header || static_cast<int>(r) < b.header_rows;
                // A cell a rowspan covers is part of the one above: no element of its own.
                if (!cell.continued) {
                    out_cell.node = node(out_cell.header ? StructNode::Role::TH : StructNode::Role::TD, row_node);
                    StructNode& element = structure_.nodes[static_cast<size_t>(out_cell.node)];
                    if (out_cell.header)
                        element.scope = cell.scope == "row" ? StructNode::Scope::Row
                                        : cell.scope == "col" || static_cast<int>(r) < b.header_rows ? StructNode::Scope::Column
                                                                                                      : StructNode::Scope::Row;
                    element.colspan = cell.colspan;
                    element.rowspan = cell.rowspan;
                }
                if (cell.tone == "red") out_cell.shading = style_.tint_red;
                else if (cell.tone == "amber") out_cell.shading = style_.tint_amber;
                else if (cell.tone == "green") out_cell.shading = style_.tint_green;
                std::vector<Item> content;
                inside(out_cell.node, [&] { blocks(cell.content, cell_context, content); });
                fold(out_cell.node, content);
                for (auto& c : content) {
                    if (c.kind != Item::Paragraph) continue;  // no tables inside cells
                    if (out_cell.header)
                        for (auto& span : c.para.spans)
                            if (span.face != Fonts::Mono) span.face = span.face == Fonts::Italic ? Fonts::BoldItalic : Fonts::Bold;
                    c.para.centred = cell.align == "center";
                    // Figures line up on their right (the digits are all one
                    // width), unless the table says otherwise.
                    const bool figure = !out_cell.header && cell.align.empty() && c.para.spans.size() == 1 &&
                                        c.para.spans[0].symbol.empty() && parse_figure(c.para.spans[0].text).has_value();
                    c.para.right_aligned = cell.align == "right" || figure;
                    out_cell.paras.push_back(std::move(c.para));
                }
                if (!out_cell.paras.empty()) out_cell.paras.back().space_after = 0;
                // A row covered by a rowspan prints as part of the cell above:
                // the value stands once, at the top of its group (and again at
                // the top of a page the group runs on to).
                if (cell.continued) {
                    out_cell.continued = true;
                    out_cell.repeat = std::move(out_cell.paras);
                    out_cell.paras.clear();
                }
                out_cell.colspan = cell.colspan;
                bool header = out_cell.header;
                row.push_back(std::move(out_cell));
                for (int k = 1; k < cell.colspan; ++k) {
                    TableCell spanned;
                    spanned.header = header;
                    spanned.spanned = true;
                    row.push_back(std::move(spanned));
                }
            }
            t.rows.push_back(std::move(row));
        }
        out.push_back(std::move(item));
        (void)context;
    }

    void block(const Block& b, const Context& context, std::vector<Item>& out) const {
        switch (b.kind) {
            case Block::Kind::Paragraph: {
                Para p = paragraph(b.inlines, context, Fonts::Regular, b.origin);
                if (b.role == doc::role::kSignOff || b.role == doc::role::kOpenness || context.section_role == doc::role::kContact) p.space_after = 1;
                if (b.role == doc::role::kChartTitle) p.keep_with_next = true;
                p.attached = b.role == "legend" || b.role == "table-source" || b.role == "chart-source";
                push(std::move(p), out);
                break;
            }
            case Block::Kind::Heading: heading(b, context, out); break;
            case Block::Kind::List: list(b, context, out); break;
            case Block::Kind::ListItem: blocks(b.children, context, out); break;
            case Block::Kind::Numbered: numbered(b, context, out); break;
            case Block::Kind::Table: table(b, context, out); break;
            case Block::Kind::Section: {
                Context inner = context;
                inner.section_role = b.role;
                size_t first = out.size();
                inside(node(StructNode::Role::Sect), [&] { blocks(b.children, inner, out); });
                if (b.role == doc::role::kContact && out.size() > first && out.back().kind == Item::Paragraph)
                    out.back().para.space_after = style_.paragraph_space;
                if (!b.id.empty() && first < out.size() && out[first].kind == Item::Paragraph && out[first].para.anchor.empty())
                    out[first].para.anchor = anchor(b.id);
                break;
            }
            case Block::Kind::Quote: {
                Context inner = context;
                inner.indent += style_.label_width;
                inside(node(StructNode::Role::BlockQuote), [&] { blocks(b.children, inner, out); });
                break;
            }
            case Block::Kind::Code: {
                Para p;
                p.spans.push_back({b.text, Fonts::Mono, "", ""});
                p.preformatted = true;
                p.size = context.size * style_.code_scale;
                p.leading = 1.2;
                p.indent = context.indent;
                p.space_after = style_.paragraph_space;
                p.origin = b.origin;
                p.node = node(StructNode::Role::P);
                push(std::move(p), out);
                break;
            }
            case Block::Kind::Rule: {
                Item item;
                item.kind = Item::Rule;
                item.para.indent = context.indent;
                item.para.space_before = style_.paragraph_space;
                item.para.space_after = style_.paragraph_space * 2;
                out.push_back(std::move(item));
                break;
            }
            case Block::Kind::ChartBlock: {
                Item item;
                item.kind = Item::FigureItem;
                item.figure.chart = b.chart;
                item.figure.node = node(StructNode::Role::Figure);
                structure_.nodes.back().alt = chart_summary(*b.chart);
                item.figure.indent = context.indent;
                item.figure.space_after = 2;
                out.push_back(std::move(item));
                break;
            }
            case Block::Kind::Figure: {
                Item item;
                item.kind = Item::FigureItem;
                item.figure.image = b.image;
                if (!b.text.empty()) {  // a picture with no words is decoration
                    item.figure.node = node(StructNode::Role::Figure);
                    structure_.nodes.back().alt = b.text;
                }
                item.figure.indent = context.indent;
                item.figure.space_after = style_.paragraph_space;
                out.push_back(std::move(item));
                break;
            }
        }
    }

    std::string anchor(const std::string& id) const { return id.empty() ? "" : document_id_ + "#" + id; }

    const Style& style_;
    std::string document_id_;
    Structure& structure_;
    mutable int parent_ = kArtifact;  // the element being filled: the document's own
};

}  // namespace

Collected collect(const doc::Document& document, const Style& style) {
    Collected collected;
    collected.landscape = document.landscape;
    if (document.kind == doc::Document::Kind::PublicInformation) collected.columns = std::max(1, style.public_information_columns);
    Context context;
    context.size = style.body_size;
    auto structure = std::make_shared<Structure>();
    structure->title = document.title;
    Collector(style, document.id, *structure).blocks(document.body, context, collected.items);
    collected.structure = std::move(structure);
    return collected;
}

}  // namespace agendapack::render::pdf
