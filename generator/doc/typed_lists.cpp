// Lists officers type with letters or roman numerals — "a." "b)" "(c)",
// "i." "(ii)", "A." — which CommonMark reads as ordinary paragraphs. A run of
// paragraphs (or lines of one paragraph) whose markers count up from the
// first value (a, A, i or I) becomes an ordered list, labelled as typed.
#include <optional>

#include "doc.hpp"

namespace agendapack::doc {

namespace {

enum class Counter { Letter, UpperLetter, Roman, UpperRoman };

struct Marker {
    Counter counter;
    int value = 0;
    bool parenthesised = false;  // "(a)"
    char close = '.';            // '.' or ')'
    size_t length = 0;           // the marker and the space after it
};

int roman_value(const std::string& lower) {
    // Read it, then write it again: only a well-formed numeral comes back the same.
    int total = 0;
    for (size_t i = 0; i < lower.size(); ++i) {
        auto value = [](char c) {
            switch (c) {
                case 'i': return 1;
                case 'v': return 5;
                case 'x': return 10;
                case 'l': return 50;
                case 'c': return 100;
                default: return 0;
            }
        };
        int v = value(lower[i]), next = i + 1 < lower.size() ? value(lower[i + 1]) : 0;
        if (v == 0) return 0;
        total += v < next ? -v : v;
    }
    return total > 0 && total < 400 && roman(total) == lower ? total : 0;
}

// Every way the start of `text` can be read as a marker: "i." is the ninth
// letter after "h." and the first numeral otherwise.
std::vector<Marker> markers_at(const std::string& text) {
    std::vector<Marker> found;
    size_t at = 0;
    const bool open = !text.empty() && text[0] == '(';
    if (open) ++at;
    size_t end = at;
    while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) ++end;
    if (end == at || end - at > 6 || end >= text.size()) return found;
    const char close = text[end];
    if (open ? close != ')' : close != '.' && close != ')') return found;
    if (end + 1 >= text.size() || text[end + 1] != ' ') return found;
    size_t length = end + 2;
    while (length < text.size() && text[length] == ' ') ++length;
    if (length >= text.size()) return found;  // nothing after the marker
    const std::string word = text.substr(at, end - at);
    bool lower = true, upper = true;
    for (char c : word) {
        lower = lower && std::islower(static_cast<unsigned char>(c));
        upper = upper && std::isupper(static_cast<unsigned char>(c));
    }
    std::string folded;
    for (char c : word) folded += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (word.size() == 1 && lower) found.push_back({Counter::Letter, word[0] - 'a' + 1, open, close, length});
    if (word.size() == 1 && upper) found.push_back({Counter::UpperLetter, word[0] - 'A' + 1, open, close, length});
    if (int value = roman_value(folded); value > 0 && (lower || upper))
        found.push_back({lower ? Counter::Roman : Counter::UpperRoman, value, open, close, length});
    return found;
}

bool follows(const Marker& m, const Marker& previous) {
    return m.counter == previous.counter && m.parenthesised == previous.parenthesised && m.close == previous.close &&
           m.value == previous.value + 1;
}

std::optional<Marker> next_marker(const std::string& text, const Marker& previous) {
    for (const Marker& m : markers_at(text))
        if (follows(m, previous)) return m;
    return std::nullopt;
}

std::optional<Marker> first_marker(const std::string& text) {
    for (const Marker& m : markers_at(text))
        if (m.value == 1) return m;
    return std::nullopt;
}

std::string label(const Marker& m) {
    std::string value;
    switch (m.counter) {
        case Counter::Letter: value = std::string(1, static_cast<char>('a' + (m.value - 1) % 26)); break;
        case Counter::UpperLetter: value = std::string(1, static_cast<char>('A' + (m.value - 1) % 26)); break;
        case Counter::Roman: value = roman(m.value); break;
        case Counter::UpperRoman:
            for (char c : roman(m.value)) value += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            break;
    }
    return (m.parenthesised ? "(" : "") + value + m.close;
}

// The text a paragraph starts with, when its first inline is plain text.
const std::string* leading_text(const Block& b) {
    if (b.kind != Block::Kind::Paragraph || !b.role.empty() || b.inlines.empty() || b.inlines[0].kind != Inline::Kind::Text) return nullptr;
    return &b.inlines[0].text;
}

// The paragraph without its marker.
Block item_of(Block paragraph, const Marker& m) {
    std::string& text = paragraph.inlines[0].text;
    text.erase(0, m.length);
    if (text.empty()) paragraph.inlines.erase(paragraph.inlines.begin());
    return list_item(label(m), {std::move(paragraph)});
}

// Splits a paragraph at each line break where the next line starts with
// the marker after the last: "a. one⏎b. two" is two items.
std::vector<std::pair<Block, Marker>> split_lines(const Block& paragraph, Marker m) {
    std::vector<std::pair<Block, Marker>> items;
    Block current = paragraph;
    current.inlines.clear();
    for (size_t i = 0; i < paragraph.inlines.size(); ++i) {
        const Inline& node = paragraph.inlines[i];
        if (node.kind == Inline::Kind::SoftBreak && i + 1 < paragraph.inlines.size() && paragraph.inlines[i + 1].kind == Inline::Kind::Text)
            if (auto next = next_marker(paragraph.inlines[i + 1].text, m)) {
                items.push_back({std::move(current), m});
                current = paragraph;
                current.inlines.clear();
                m = *next;
                continue;
            }
        current.inlines.push_back(node);
    }
    items.push_back({std::move(current), m});
    return items;
}

}  // namespace

namespace {

// "That the Panel recommends:⏎a) …⏎b) …" — a paragraph whose later lines
// count a), b) … — is its lead sentence and a list: split it there.
void split_leads(Blocks& blocks) {
    for (size_t i = 0; i < blocks.size(); ++i) {
        Block& b = blocks[i];
        if (b.kind != Block::Kind::Paragraph || !b.role.empty()) continue;
        for (size_t k = 0; k + 1 < b.inlines.size(); ++k) {
            if (b.inlines[k].kind != Inline::Kind::SoftBreak || b.inlines[k + 1].kind != Inline::Kind::Text) continue;
            std::optional<Marker> first = first_marker(b.inlines[k + 1].text);
            if (!first || k == 0) continue;
            Block rest = b;
            rest.inlines.assign(b.inlines.begin() + static_cast<long>(k) + 1, b.inlines.end());
            if (split_lines(rest, *first).size() < 2) continue;
            b.inlines.resize(k);
            blocks.insert(blocks.begin() + static_cast<long>(i) + 1, std::move(rest));
            break;
        }
    }
}

}  // namespace

void gather_typed_lists(Blocks& blocks) {
    split_leads(blocks);
    Blocks out;
    for (size_t i = 0; i < blocks.size();) {
        const std::string* text = leading_text(blocks[i]);
        std::optional<Marker> first = text ? first_marker(*text) : std::nullopt;
        if (!first) {
            out.push_back(std::move(blocks[i++]));
            continue;
        }
        // The run: this paragraph's lines, then following paragraphs that go on counting.
        std::vector<std::pair<Block, Marker>> items = split_lines(blocks[i], *first);
        size_t j = i + 1;
        for (; j < blocks.size(); ++j) {
            const std::string* next_text = leading_text(blocks[j]);
            std::optional<Marker> next = next_text ? next_marker(*next_text, items.back().second) : std::nullopt;
            if (!next) break;
            for (auto& item : split_lines(blocks[j], *next)) items.push_back(std::move(item));
        }
        if (items.size() < 2) {  // one "a." alone is more likely prose than a list
            out.push_back(std::move(blocks[i++]));
            continue;
        }
        Blocks list_items;
        for (auto& [paragraph, marker] : items) list_items.push_back(item_of(std::move(paragraph), marker));
        Block result = list(true, std::move(list_items));
        result.origin = blocks[i].origin;
        out.push_back(std::move(result));
        i = j;
    }
    for (Block& b : out)
        if (b.kind == Block::Kind::ListItem || b.kind == Block::Kind::Quote || b.kind == Block::Kind::Section) gather_typed_lists(b.children);
        else if (b.kind == Block::Kind::List)
            for (Block& item : b.children) gather_typed_lists(item.children);
    blocks = std::move(out);
}

}  // namespace agendapack::doc
