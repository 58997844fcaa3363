#include <algorithm>
#include <tuple>

#include "support.hpp"

namespace agendapack {

std::string format_location(const SourceLocation& where) {
    // Always file:line:col, so editors and CI annotate even whole-file errors.
    return where.file + ":" + std::to_string(where.line > 0 ? where.line : 1) + ":" +
           std::to_string(where.column > 0 ? where.column : 1);
}

InputError::InputError(SourceLocation where, std::string message)
    : std::runtime_error(format_location(where) + ": " + message),
      where_(std::move(where)),
      message_(std::move(message)) {}

void sort_errors(std::vector<InputError>& errors) {
    auto before = [](const InputError& a, const InputError& b) {
        const SourceLocation &x = a.where(), &y = b.where();
        return std::tie(x.file, x.line, x.column, a.message()) < std::tie(y.file, y.line, y.column, b.message());
    };
    std::sort(errors.begin(), errors.end(), before);
    errors.erase(std::unique(errors.begin(), errors.end(),
                             [&](const InputError& a, const InputError& b) { return !before(a, b) && !before(b, a); }),
                 errors.end());
}

InputErrors::InputErrors(std::vector<InputError> errors)
    : std::runtime_error(errors.empty() ? std::string("no errors") : std::string(errors.front().what())), errors_(std::move(errors)) {}

namespace {

// The line as a terminal can show it: a byte that is no UTF-8 character as
// U+FFFD, a control character (but tab) as its Control Pictures sign (NUL
// as ␀), each one character wide, as the column counts it.
std::string printable(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && c != '\t') || c == 0x7F) {
            const unsigned code = c == 0x7F ? 0x2421 : 0x2400 + c;
            out += char(0xE0 | (code >> 12));
            out += char(0x80 | ((code >> 6) & 0x3F));
            out += char(0x80 | (code & 0x3F));
            ++i;
            continue;
        }
        size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        for (size_t k = 1; k < n; ++k)
            if (i + k >= text.size() || (static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) n = 0;
        if (n == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
            continue;
        }
        out.append(text, i, n);
        i += n;
    }
    return out;
}

}  // namespace

std::string source_excerpt(const std::string& file_text, int line, int column) {
    if (line <= 0) return "";
    size_t start = 0;
    for (int current = 1; current < line; ++current) {
        start = file_text.find('\n', start);
        if (start == std::string::npos) return "";
        ++start;
    }
    size_t end = file_text.find('\n', start);
    std::string text = file_text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (trim(text).empty()) return "";
    // A very long line is shown around the place only, marked cut with "…".
    constexpr int kAround = 60;
    if (text.size() > 2 * kAround + 20) {
        int from = std::max(0, column - 1 - kAround);
        while (from > 0 && (static_cast<unsigned char>(text[static_cast<size_t>(from)]) & 0xC0) == 0x80) --from;  // not inside a character
        size_t to = std::min(text.size(), static_cast<size_t>(column - 1 + kAround));
        while (to < text.size() && (static_cast<unsigned char>(text[to]) & 0xC0) == 0x80) ++to;
        std::string cut = (from > 0 ? "…" : "") + text.substr(static_cast<size_t>(from), to - static_cast<size_t>(from)) + (to < text.size() ? "…" : "");
        column = column - from + (from > 0 ? 1 : 0);
        text = cut;
        // The "…" is one character wide but three bytes: the caret below counts characters up to it.
        std::string caret(from > 0 ? 1 : 0, ' ');
        for (int i = (from > 0 ? 2 : 1); i < column && static_cast<size_t>(i - 1 + (from > 0 ? 2 : 0)) < text.size(); ++i)
            caret += text[static_cast<size_t>(i - 1 + (from > 0 ? 2 : 0))] == '\t' ? '\t' : ' ';
        return printable(text) + "\n" + caret + "^";
    }
    // Tabs keep their width so the caret lands under the right character.
    std::string caret;
    for (int i = 1; i < column && i - 1 < static_cast<int>(text.size()); ++i)
        caret += text[i - 1] == '\t' ? '\t' : ' ';
    return printable(text) + "\n" + caret + "^";
}

void throw_collected(std::vector<InputError> errors) {
    if (errors.empty()) return;
    if (errors.size() == 1) throw errors.front();
    throw InputErrors(std::move(errors));
}

}  // namespace agendapack
