#include "doc.hpp"

namespace agendapack::doc {

Inline text(std::string value) {
    Inline i;
    i.text = std::move(value);
    return i;
}

Inline strong(Inlines children) {
    Inline i;
    i.kind = Inline::Kind::Strong;
    i.children = std::move(children);
    return i;
}

Inline link(std::string url, Inlines children) {
    Inline i;
    i.kind = Inline::Kind::Link;
    i.url = std::move(url);
    i.children = std::move(children);
    return i;
}

Inline internal_link(std::string document_id, Inlines children) {
    Inline i;
    i.kind = Inline::Kind::Link;
    i.target = std::move(document_id);
    i.children = std::move(children);
    return i;
}

Inline page_ref(std::string target, std::string relative_to) {
    Inline i;
    i.kind = Inline::Kind::PageRef;
    i.target = std::move(target);
    i.relative_to = std::move(relative_to);
    return i;
}

Inline symbol(std::string shape, std::string accessible_name) {
    Inline i;
    i.kind = Inline::Kind::Symbol;
    i.symbol = std::move(shape);
    i.text = std::move(accessible_name);
    return i;
}

std::string plain_text(const Inlines& inlines) {
    std::string out;
    for (const auto& i : inlines) {
        switch (i.kind) {
            case Inline::Kind::Text:
            case Inline::Kind::Code:
            case Inline::Kind::Term:
            case Inline::Kind::PageRef:
            case Inline::Kind::Symbol: out += i.text; break;
            case Inline::Kind::SoftBreak:
            case Inline::Kind::LineBreak: out += ' '; break;
            default: out += plain_text(i.children);
        }
    }
    return out;
}

Block paragraph(Inlines inlines, std::string role) {
    Block b;
    b.kind = Block::Kind::Paragraph;
    b.inlines = std::move(inlines);
    b.role = std::move(role);
    return b;
}

Block heading(int level, Inlines inlines, std::string id) {
    Block b;
    b.kind = Block::Kind::Heading;
    b.level = level;
    b.inlines = std::move(inlines);
    b.id = std::move(id);
    return b;
}

Block section(std::string role, Blocks children, std::string id) {
    Block b;
    b.kind = Block::Kind::Section;
    b.role = std::move(role);
    b.children = std::move(children);
    b.id = std::move(id);
    return b;
}

Block list(bool ordered, Blocks items, std::string role) {
    Block b;
    b.kind = Block::Kind::List;
    b.ordered = ordered;
    b.children = std::move(items);
    b.role = std::move(role);
    return b;
}

Block list_item(std::string label, Blocks children) {
    Block b;
    b.kind = Block::Kind::ListItem;
    b.label = std::move(label);
    b.children = std::move(children);
    return b;
}

Block numbered(std::string label, Blocks children) {
    Block b;
    b.kind = Block::Kind::Numbered;
    b.label = std::move(label);
    b.children = std::move(children);
    return b;
}

Cell cell(Blocks content, bool header, std::string scope) {
    Cell c;
    c.content = std::move(content);
    c.header = header;
    c.scope = std::move(scope);
    return c;
}

Cell text_cell(const std::string& value, bool header, std::string scope) {
    Blocks content;
    if (!value.empty()) content.push_back(paragraph({text(value)}));
    return cell(std::move(content), header, std::move(scope));
}

void for_each_block(Blocks& blocks, const std::function<void(Block&)>& visit) {
    for (auto& b : blocks) {
        visit(b);
        for_each_block(b.children, visit);
        for (auto& row : b.rows)
            for (auto& cell : row.cells) for_each_block(cell.content, visit);
    }
}

void for_each_block(const Blocks& blocks, const std::function<void(const Block&)>& visit) {
    for (const auto& b : blocks) {
        visit(b);
        for_each_block(b.children, visit);
        for (const auto& row : b.rows)
            for (const auto& cell : row.cells) for_each_block(cell.content, visit);
    }
}

namespace {

void for_each(Inlines& inlines, const std::function<void(Inline&)>& visit) {
    for (auto& i : inlines) {
        visit(i);
        for_each(i.children, visit);
    }
}

}  // namespace

void for_each_inline(Blocks& blocks, const std::function<void(Inline&)>& visit) {
    for_each_block(blocks, [&](Block& b) {
        for_each(b.inlines, visit);
        for_each(b.caption, visit);
    });
}

std::string roman(int n) {
    static const std::pair<int, const char*> numerals[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"},
                                                           {100, "c"},  {90, "xc"},  {50, "l"},  {40, "xl"},
                                                           {10, "x"},   {9, "ix"},   {5, "v"},   {4, "iv"},
                                                           {1, "i"}};
    std::string out;
    for (const auto& [value, letters] : numerals)
        while (n >= value) {
            out += letters;
            n -= value;
        }
    return out;
}

std::string list_label(const std::string& style, int n) {
    if (style == "(i)") return "(" + roman(n) + ")";
    if (style == "i)") return roman(n) + ")";
    if (style == "1)") return std::to_string(n) + ")";
    if (style == "a)") return std::string(1, static_cast<char>('a' + (n - 1) % 26)) + ")";
    if (style == "(a)") return "(" + std::string(1, static_cast<char>('a' + (n - 1) % 26)) + ")";
    return std::to_string(n) + ".";
}

}  // namespace agendapack::doc
