// Phase 2: paragraphs into lines. Words are measured with the fonts' own
// advance widths and set greedily; a word wider than the line is split by
// characters. Each character is drawn by the paragraph's face, or by the
// fallback font when the face lacks it.
#include <hyphen.h>
#include <linebreak.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include <mutex>

#include "layout.hpp"

namespace agendapack::render::pdf {

namespace {

}  // namespace

char32_t decode_utf8(const std::string& s, size_t& i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += n;
    return cp;
}

namespace {

struct Piece {  // a run of characters that share face, font file, link and strike
    std::string text;
    Fonts::Face face;
    int slot;
    double width;
    std::string url, target;
    std::string page_ref, relative_to;
    std::string symbol;
    bool strike = false;
    int node = kInherit;
};

struct Word {
    std::vector<Piece> pieces;
    double width = 0;
    bool space_after = false;
    bool break_after = false;  // a hard line break follows
    Fonts::Face space_face = Fonts::Regular;
};

std::string describe(char32_t cp) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
    return buffer;
}

// A character no installed font draws: the paragraph's text around it, the character named.
[[noreturn]] void no_font(const Para& para, char32_t cp, const std::string& bytes) {
    std::string context;
    for (const auto& s : para.spans) context += s.text;
    for (size_t at = context.find(bytes); at != std::string::npos; at = context.find(bytes, at + 1))
        context.replace(at, bytes.size(), "[" + describe(cp) + "]");
    if (context.size() > 60) context = context.substr(0, 57) + "...";
    // Private-use characters are invisible on screen: name them, never echo them.
    const bool private_use = cp >= 0xE000 && cp <= 0xF8FF;
    std::string shown = private_use ? describe(cp) + " (a private-use character)" : describe(cp) + " ('" + bytes + "')";
    std::string hint = private_use ? " (often a bullet pasted from a word processor: start a bullet line with '- ' instead)" : "";
    throw InputError(para.origin.file.empty() ? SourceLocation{"(text)", 0, 0} : para.origin,
                     "the character " + shown + " in \"" + context + "\" is in no installed font, so the pack cannot print it" + hint);
}

class WordBuilder {
public:
    WordBuilder(const Para& para, const Fonts& fonts) : para_(para), fonts_(fonts) {}

    std::vector<Word> build() {
        // Where Unicode's line-breaking rules (UAX #14, libunibreak) let a
        // line end inside what spaces leave whole: after a hyphen or a slash
        // ("2022/23", "forty-five"). Drawn shapes and page numbers stand in
        // as objects.
        static std::once_flag initialised;
        std::call_once(initialised, [] { init_linebreak(); });
        std::string all;
        for (const auto& span : para_.spans) all += !span.symbol.empty() || !span.page_ref.empty() ? std::string("\xEF\xBF\xBC") : span.text;
        std::vector<char> breaks(all.size(), LINEBREAK_NOBREAK);
        if (!all.empty()) set_linebreaks_utf8(reinterpret_cast<const utf8_t*>(all.data()), all.size(), "en", breaks.data());
        size_t offset = 0;
        for (const auto& span : para_.spans) {
            if (!span.symbol.empty() || !span.page_ref.empty()) offset += 3;
            if (!span.symbol.empty()) {
                // A drawn shape: a square box about the height of capitals.
                double width = para_.size * 0.95;
                Piece piece{"", span.face, 0, width, span.url, span.target, "", "", span.symbol};
                piece.node = span.node;
                current_.pieces.push_back(piece);
                current_.width += width;
                continue;
            }
            if (!span.page_ref.empty()) {
                // A page number: a piece of its own, as wide as the placeholder.
                double width = text_width(kPageRefPlaceholder, span.face, para_.size, fonts_);
                Piece piece{kPageRefPlaceholder, span.face, 0, width, span.url, span.target, span.page_ref, span.relative_to, ""};
                piece.node = span.node;
                current_.pieces.push_back(piece);
                current_.width += width;
                continue;
            }
            for (size_t i = 0; i < span.text.size();) {
                size_t start = i;
                char32_t cp = decode_utf8(span.text, i);
                if (cp == '\n') {
                    end_word(span.face);
                    if (!words_.empty()) words_.back().break_after = true;
                } else if (cp == ' ' || cp == '\t' || cp == '\r') {
                    end_word(span.face);
                    if (!words_.empty()) words_.back().space_after = true;
                } else {
                    add(span, cp, span.text.substr(start, i - start));
                    // A break allowed after this character, and no space to break at instead.
                    const size_t last = offset + i - 1;
                    if (last < breaks.size() && breaks[last] == LINEBREAK_ALLOWBREAK && i < span.text.size() && span.text[i] != ' ' &&
                        span.text[i] != '\n')
                        end_word(span.face);
                }
            }
            offset += span.text.size();
        }
        end_word(Fonts::Regular);
        return std::move(words_);
    }

private:
    void add(const Span& span, char32_t cp, const std::string& bytes) {
        int slot = fonts_.slot_for(span.face, cp);
        if (slot < 0) no_font(para_, cp, bytes);
        double width = fonts_.advance(span.face, slot, cp, para_.size);
        auto& pieces = current_.pieces;
        if (pieces.empty() || pieces.back().face != span.face || pieces.back().slot != slot ||
            pieces.back().url != span.url || pieces.back().target != span.target || !pieces.back().page_ref.empty() ||
            !pieces.back().symbol.empty() || pieces.back().strike != span.strike || pieces.back().node != span.node)
            pieces.push_back({"", span.face, slot, 0, span.url, span.target, "", "", "", span.strike, span.node});
        pieces.back().text += bytes;
        pieces.back().width += width;
        current_.width += width;
    }

    void end_word(Fonts::Face face) {
        if (current_.pieces.empty()) return;
        current_.space_face = face;
        words_.push_back(std::move(current_));
        current_ = Word{};
    }

    const Para& para_;
    const Fonts& fonts_;
    std::vector<Word> words_;
    Word current_;
};

// The en-GB hyphenation patterns (Debian's hyphen-en-gb), loaded once and
// only read after; null when they are not installed.
HyphenDict* hyphen_dictionary() {
    static HyphenDict* dictionary = hnj_hyphen_load("/usr/share/hyphen/hyph_en_GB.dic");
    return dictionary;
}

// Splits a word wider than `width` into parts that fit. An address or path
// breaks after one of @ . / - (it reads, and copies, as whole names); only a
// word with nowhere better is cut between characters.
std::vector<Word> split_word(const Word& word, double width, const Fonts& fonts, double size) {
    struct Unit {  // one character, with what it shares with its piece
        std::string bytes;
        double width;
        const Piece* piece;
        bool break_after;
    };
    std::vector<Unit> units;
    for (const auto& piece : word.pieces)
        for (size_t i = 0; i < piece.text.size();) {
            size_t start = i;
            char32_t cp = decode_utf8(piece.text, i);
            units.push_back({piece.text.substr(start, i - start), fonts.advance(piece.face, piece.slot, cp, size), &piece,
                             cp == '@' || cp == '.' || cp == '/' || cp == '-'});
        }
    // A word of letters may be hyphenated (en-GB patterns, libhyphen); a
    // number, a date or a RAG word is never given a hyphen.
    std::string letters;
    for (const auto& u : units) letters += u.bytes;
    const bool hyphenable = letters.size() >= 5 && letters.size() == units.size() &&
                            std::all_of(letters.begin(), letters.end(), [](unsigned char c) { return std::isalpha(c); }) &&
                            letters != "Amber" && letters != "Green";
    std::vector<char> points(letters.size() + 5, '0');
    if (hyphenable) {
        if (HyphenDict* dictionary = hyphen_dictionary()) {
            std::string lower;
            for (char c : letters) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            char** rep = nullptr;
            int *pos = nullptr, *cut = nullptr;
            hnj_hyphen_hyphenate2(dictionary, lower.c_str(), static_cast<int>(lower.size()), points.data(), nullptr, &rep, &pos, &cut);
            std::free(rep);
            std::free(pos);
            std::free(cut);
        }
    }
    const Piece& first = word.pieces.front();
    const double hyphen = fonts.advance(first.face, std::max(0, fonts.slot_for(first.face, U'-')), U'-', size);
    // Greedy: cut at the last break after @ . / - that fits; else, in a word
    // of letters, at the last hyphenation point (with a hyphen) or where the
    // line is full (with a hyphen too); else where the line is full.
    struct Cut {
        size_t from, to;
        bool hyphen;
    };
    std::vector<Cut> spans;
    size_t from = 0;
    while (from < units.size()) {
        double used = 0;
        size_t to = from, last_break = 0;
        while (to < units.size() && (to == from || used + units[to].width <= width)) {
            used += units[to].width;
            if (units[to].break_after && to + 1 < units.size()) last_break = to + 1;
            ++to;
        }
        bool with_hyphen = false;
        if (to < units.size() && last_break > from) {
            to = last_break;
        } else if (to < units.size() && hyphenable) {
            // Room for the hyphen, at a hyphenation point if one fits.
            double w = 0;
            size_t fits = from;
            for (size_t u = from; u < to; ++u) {
                if (w + units[u].width + hyphen > width && u > from) break;
                w += units[u].width;
                fits = u + 1;
            }
            size_t best = 0;
            for (size_t u = from + 1; u < fits; ++u)
                if ((points[u - 1] - '0') % 2 == 1) best = u;
            to = best > from ? best : std::max(fits, from + 1);
            with_hyphen = to < units.size();
        }
        spans.push_back({from, to, with_hyphen});
        from = to;
    }
    std::vector<Word> parts;
    for (const auto& [a, b, with_hyphen] : spans) {
        Word part;
        for (size_t u = a; u < b; ++u) {
            const Piece& piece = *units[u].piece;
            if (part.pieces.empty() || part.pieces.back().face != piece.face || part.pieces.back().slot != piece.slot ||
                &piece != units[u - (u > a ? 1 : 0)].piece)
                part.pieces.push_back({"", piece.face, piece.slot, 0, piece.url, piece.target, piece.page_ref, piece.relative_to, piece.symbol, piece.strike, piece.node});
            part.pieces.back().text += units[u].bytes;
            part.pieces.back().width += units[u].width;
            part.width += units[u].width;
        }
        if (with_hyphen && !part.pieces.empty()) {
            part.pieces.back().text += "-";
            part.pieces.back().width += hyphen;
            part.width += hyphen;
        }
        parts.push_back(std::move(part));
    }
    if (parts.empty()) parts.emplace_back();
    parts.back().space_after = word.space_after;
    parts.back().break_after = word.break_after;
    parts.back().space_face = word.space_face;
    return parts;
}

void append(Line& line, const Piece& piece, double size) {
    if (!line.runs.empty()) {
        Run& last = line.runs.back();
        if (last.face == piece.face && last.slot == piece.slot && last.url == piece.url && last.target == piece.target &&
            last.page_ref.empty() && piece.page_ref.empty() && last.symbol.empty() && piece.symbol.empty() && last.strike == piece.strike &&
            last.node == piece.node) {
            last.text += piece.text;
            last.width += piece.width;
            line.width += piece.width;
            return;
        }
    }
    Run run;
    run.text = piece.text;
    run.face = piece.face;
    run.slot = piece.slot;
    run.size = size;
    run.x = line.width;
    run.width = piece.width;
    run.url = piece.url;
    run.target = piece.target;
    run.page_ref = piece.page_ref;
    run.relative_to = piece.relative_to;
    run.symbol = piece.symbol;
    run.strike = piece.strike;
    run.node = piece.node;
    line.runs.push_back(std::move(run));
    line.width += piece.width;
}

}  // namespace

double text_width(const std::string& utf8, Fonts::Face face, double size, const Fonts& fonts) {
    double width = 0;
    for (size_t i = 0; i < utf8.size();) {
        char32_t cp = decode_utf8(utf8, i);
        int slot = std::max(0, fonts.slot_for(face, cp));
        width += fonts.advance(face, slot, cp, size);
    }
    return width;
}

namespace {

// Code: each line as written, spaces kept (tabs to the next multiple of
// four); a line too wide for the frame goes on under itself.
std::vector<Line> set_preformatted(const Para& para, double width, const Fonts& fonts) {
    std::vector<Line> lines;
    const double height = para.size * para.leading;
    Line line;
    line.height = height;
    size_t column = 0;
    auto finish = [&] {
        lines.push_back(std::move(line));
        line = Line{};
        line.height = height;
        column = 0;
    };
    std::string text;
    for (const auto& span : para.spans) text += span.text;
    if (!text.empty() && text.back() == '\n') text.pop_back();
    const Fonts::Face face = para.spans.empty() ? Fonts::Mono : para.spans.front().face;
    for (size_t i = 0; i < text.size();) {
        const size_t start = i;
        char32_t cp = decode_utf8(text, i);
        if (cp == '\n') {
            finish();
            continue;
        }
        std::string bytes = text.substr(start, i - start);
        if (cp == '\t') {
            cp = ' ';
            bytes = std::string(4 - column % 4, ' ');
        } else if (cp == '\r') {
            continue;
        }
        int slot = fonts.slot_for(face, cp);
        if (slot < 0) no_font(para, cp, bytes);
        const double w = fonts.advance(face, slot, cp, para.size) * (cp == ' ' ? static_cast<double>(bytes.size()) : 1.0);
        if (!line.runs.empty() && line.width + w > width) finish();
        append(line, {bytes, face, slot, w, "", "", "", "", "", false}, para.size);
        column += cp == ' ' ? bytes.size() : 1;
    }
    lines.push_back(std::move(line));
    return lines;
}

}  // namespace

std::vector<Line> break_lines(const Para& para, double width, const Fonts& fonts) {
    if (para.preformatted) return set_preformatted(para, width, fonts);
    std::vector<Word> words = WordBuilder(para, fonts).build();
    std::vector<Line> lines;
    const double height = para.size * para.leading;
    Line line;
    line.height = height;
    bool pending_space = false;
    Fonts::Face space_face = Fonts::Regular;
    auto finish = [&] {
        line.space_at_end = pending_space;
        lines.push_back(std::move(line));
        line = Line{};
        line.height = height;
        pending_space = false;
    };
    for (const auto& original : words) {
        std::vector<Word> parts = original.width > width ? split_word(original, width, fonts, para.size) : std::vector<Word>{original};
        for (const auto& word : parts) {
            double space = pending_space ? text_width(" ", space_face, para.size, fonts) : 0;
            if (!line.runs.empty() && line.width + space + word.width > width) finish();
            else if (pending_space && !line.runs.empty()) {
                // A space inside a link belongs to it; between a link and other words, to the paragraph.
                const Run& before = line.runs.back();
                const bool inside = !word.pieces.empty() && word.pieces.front().url == before.url && word.pieces.front().target == before.target &&
                                    word.pieces.front().node == before.node;
                append(line, {" ", space_face, 0, space, inside ? before.url : "", inside ? before.target : "", "", "", "",
                              before.strike && !word.pieces.empty() && word.pieces.front().strike, inside ? before.node : kInherit},
                       para.size);
            }
            for (const auto& piece : word.pieces) append(line, piece, para.size);
            pending_space = word.space_after;
            space_face = word.space_face;
            if (word.break_after) finish();
        }
    }
    if (!line.runs.empty() || lines.empty()) lines.push_back(std::move(line));
    return lines;
}

}  // namespace agendapack::render::pdf
