#include "support.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace agendapack {

std::optional<double> parse_figure(std::string_view text) {
    std::string t = trim(text);
    if (t.rfind("£", 0) == 0) t = t.substr(std::string("£").size());
    std::string digits;
    for (char c : t)
        if (c != ',' && c != '%') digits += c;
    if (digits.empty()) return std::nullopt;
    try {
        size_t used = 0;
        double value = std::stod(digits, &used);
        if (used == digits.size() && std::isfinite(value)) return value;
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

std::string format_figure(double value, int decimals, bool thousands) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::abs(value));
    std::string digits = buffer;
    if (thousands) {
        size_t point = digits.find('.');
        size_t end = point == std::string::npos ? digits.size() : point;
        for (long i = static_cast<long>(end) - 3; i > 0; i -= 3) digits.insert(static_cast<size_t>(i), ",");
    }
    bool negative = value < 0 && std::abs(value) >= 0.5 * std::pow(10.0, -decimals);
    return (negative ? "-" : "") + digits;
}

std::optional<bool> parse_yes_no(std::string_view text) {
    const std::string word = to_lower(trim(text));
    if (word == "yes" || word == "true") return true;
    if (word == "no" || word == "false") return false;
    return std::nullopt;
}

std::string to_upper(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

std::string to_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string trim(std::string_view text) {
    const char* space = " \t\r\n";
    auto first = text.find_first_not_of(space);
    if (first == std::string_view::npos) return "";
    auto last = text.find_last_not_of(space);
    return std::string(text.substr(first, last - first + 1));
}

std::string join_with_and(const std::vector<std::string>& items) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
        out += items[i];
    }
    return out;
}

std::string slugify(std::string_view text) {
    std::string out;
    bool dash = false;
    for (char c : text) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out += c;
            dash = false;
        } else if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c - 'A' + 'a');
            dash = false;
        } else if (!dash && !out.empty()) {
            out += '-';
            dash = true;
        }
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

namespace {

size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<size_t> previous(b.size() + 1), current(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) previous[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitute});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

}  // namespace

std::string closest_match(const std::string& word, const std::vector<std::string>& candidates) {
    std::string best;
    size_t best_distance = std::string::npos;
    for (const auto& candidate : candidates) {
        size_t d = edit_distance(to_lower(word), to_lower(candidate));
        if (d < best_distance) {
            best_distance = d;
            best = candidate;
        }
    }
    // A third of the word may differ: catches typos, not unrelated keys.
    size_t limit = std::max<size_t>(1, word.size() / 3);
    return best_distance <= limit ? best : "";
}

std::string unknown_name(const std::string& what, const std::string& word, const std::vector<std::string>& candidates) {
    std::string message = "unknown " + what + " '" + word + "'";
    std::string suggestion = closest_match(word, candidates);
    if (!suggestion.empty()) message += " (did you mean '" + suggestion + "'?)";
    return message;
}

std::string escape_markup(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string json_string(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buffer[8];
                    std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
                    out += buffer;
                } else {
                    out += c;
                }
        }
    }
    return out + "\"";
}

std::string url_problem(std::string_view url) {
    std::string seen;
    for (char c : url) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\t' || c == '\n' || c == '\r') continue;  // a browser removes these wherever they are
        seen += c;
        (void)u;
    }
    size_t start = 0, end = seen.size();
    while (start < end && static_cast<unsigned char>(seen[start]) <= 0x20) ++start;
    while (end > start && static_cast<unsigned char>(seen[end - 1]) <= 0x20) --end;
    seen = seen.substr(start, end - start);
    for (char c : seen)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return "the address holds a control character";
    // A scheme: a letter, then letters, digits, + - . up to the first colon, before any / ? #.
    size_t colon = seen.find(':');
    if (colon == std::string::npos || colon == 0) return "";
    std::string scheme;
    for (size_t i = 0; i < colon; ++i) {
        const char c = seen[i];
        const bool ok = std::isalpha(static_cast<unsigned char>(c)) || (i > 0 && (std::isdigit(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.'));
        if (!ok) return "";  // a colon later in a relative address (a path or a query)
        scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (scheme == "http" || scheme == "https" || scheme == "mailto" || scheme == "tel") return "";
    return "links may go only to http:, https:, mailto: or tel: addresses, or to pages of the site, not to '" + scheme + ":' addresses";
}

size_t utf8_length(std::string_view text, size_t at) {
    auto byte = [&](size_t k) { return static_cast<unsigned char>(text[at + k]); };
    const unsigned char c = byte(0);
    if (c < 0x80) return 1;
    // The second byte's range rules out overlong forms, surrogates (ED A0..BF)
    // and code points past U+10FFFF (F4 90..BF, F5..FF).
    size_t n = 0;
    unsigned char low = 0x80, high = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) n = 2;
    else if (c >= 0xE0 && c <= 0xEF) n = 3, low = c == 0xE0 ? 0xA0 : 0x80, high = c == 0xED ? 0x9F : 0xBF;
    else if (c >= 0xF0 && c <= 0xF4) n = 4, low = c == 0xF0 ? 0x90 : 0x80, high = c == 0xF4 ? 0x8F : 0xBF;
    if (n == 0 || at + n > text.size()) return 0;
    if (byte(1) < low || byte(1) > high) return 0;
    for (size_t k = 2; k < n; ++k)
        if ((byte(k) & 0xC0) != 0x80) return 0;
    return n;
}

void check_utf8(std::string_view text, const SourceLocation& start) {
    int line = start.line, column = start.column;
    for (size_t i = 0; i < text.size();) {
        const size_t n = utf8_length(text, i);
        if (n == 0) throw InputError({start.file, line, column}, "the file is not UTF-8 text (bad byte sequence)");
        if (text[i] == '\n') ++line, column = 1;
        else ++column;
        i += n;
    }
}

}  // namespace agendapack

namespace agendapack {

namespace {


std::string control_name(unsigned char c) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", c);
    const char* name = c == 0x00 ? "NUL" : c == 0x08 ? "backspace" : c == 0x0B ? "vertical tab" : c == 0x0C ? "form feed"
                     : c == 0x1B ? "escape" : c == 0x7F ? "delete" : nullptr;
    return name ? std::string(code) + ", " + name : std::string(code);
}

}  // namespace

void check_text(const std::string& file, std::string_view text) {
    int line = 1, column = 1;
    // A byte-order mark is no column: editors do not show it.
    for (size_t i = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line, column = 1, ++i;
            continue;
        }
        if ((c < 0x20 && c != '\t' && c != '\r') || c == 0x7F)
            throw InputError({file, line, column}, "a control character (" + control_name(c) +
                                                       ") is here: a text file holds only characters, tabs and line breaks, "
                                                       "so delete it (most editors do not show it)");
        const size_t n = utf8_length(text, i);
        if (n == 0) {
            char byte[8];
            std::snprintf(byte, sizeof byte, "0x%02X", c);
            throw InputError({file, line, column}, std::string("the file is not UTF-8 text (the byte ") + byte +
                                                       " here is no UTF-8 character): save it as UTF-8");
        }
        i += n;
        ++column;
    }
}

}  // namespace agendapack
