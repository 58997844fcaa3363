// The acronym check: every all-capitals word in a report's text must be in
// its glossary (or its own local terms), be written out nearby, or be an
// ordinary English word, so no reader meets an abbreviation nobody explains.
#include <set>

#include "compose.hpp"

namespace agendapack::compose {

namespace {

bool upper_or_digit(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

bool boundary(const std::string& line, long at) {
    if (at < 0 || at >= static_cast<long>(line.size())) return true;
    char c = line[static_cast<size_t>(at)];
    return !std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '&';
}

// Blanks out what is not prose: inline code, link and picture addresses.
std::string prose_of(const std::string& line) {
    std::string out = line;
    bool code = false;
    for (size_t i = 0; i < out.size(); ++i) {
        if (out[i] == '`') code = !code;
        if (code || out[i] == '`') out[i] = ' ';
    }
    for (size_t open = out.find("]("); open != std::string::npos; open = out.find("](", open + 1)) {
        size_t close = out.find(')', open);
        for (size_t i = open + 1; i < (close == std::string::npos ? out.size() : close + 1); ++i) out[i] = ' ';
    }
    return out;
}

}  // namespace

std::vector<Warning> check_acronyms(const model::Document& document, const model::Glossary* glossary, const model::Markdown* body,
                                   const Lexicon* words) {
    const model::Markdown& markdown = body ? *body : document.body;
    std::set<std::string> known;
    auto know = [&](const model::GlossaryEntry& e) {
        for (const auto& a : e.abbreviations) known.insert(a);
        for (const auto& a : e.aliases) known.insert(a);
        known.insert(e.term);
    };
    if (glossary)
        for (const auto& e : glossary->entries) know(e);
    for (const auto& e : document.cover.local_terms) know(e);

    const std::string& text = markdown.text;
    std::vector<std::string> lines;
    for (size_t start = 0; start <= text.size();) {
        size_t end = text.find('\n', start);
        lines.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    // Paragraph of each line: blank lines separate them.
    std::vector<size_t> paragraph_start(lines.size());
    for (size_t i = 0; i < lines.size(); ++i)
        paragraph_start[i] = i > 0 && !trim(lines[i - 1]).empty() ? paragraph_start[i - 1] : i;
    auto paragraph_text = [&](size_t i) {
        std::string out;
        for (size_t k = paragraph_start[i]; k < lines.size() && (k == paragraph_start[i] || !trim(lines[k]).empty()); ++k)
            out += lines[k] + " ";
        return out;
    };

    std::vector<Warning> warnings;
    std::set<std::string> reported;
    std::string before;  // the text so far, for "(ABBR)" written out earlier
    bool fenced = false;
    for (size_t i = 0; i < lines.size(); ++i) {
        const std::string raw = lines[i];
        if (trim(raw).rfind("```", 0) == 0) {
            fenced = !fenced;
            continue;
        }
        if (fenced) continue;
        const std::string line = prose_of(raw);
        for (size_t at = 0; at < line.size();) {
            if (!(line[at] >= 'A' && line[at] <= 'Z') || !boundary(line, static_cast<long>(at) - 1)) {
                ++at;
                continue;
            }
            size_t end = at;
            while (end < line.size() && upper_or_digit(line[end])) ++end;
            std::string word = line.substr(at, end - at);
            bool whole = boundary(line, static_cast<long>(end));
            at = end;
            if (!whole || word.size() < 2 || known.count(word) || reported.count(word)) continue;
            // A word written in capitals for emphasis ("EDITED BY REVIEWER"),
            // not an abbreviation. One that is also a word (SEND) goes unchecked.
            if (words && words->knows(word)) continue;
            std::string nearby = paragraph_text(i);
            bool expanded = before.find("(" + word + ")") != std::string::npos || nearby.find("(" + word + ")") != std::string::npos ||
                            nearby.find(word + " (") != std::string::npos;
            if (expanded) continue;
            reported.insert(word);
            SourceLocation where = markdown.origin;
            where.line += static_cast<int>(i);
            where.column = static_cast<int>(at - word.size()) + 1;
            warnings.push_back({where, "'" + word + "' is neither in the glossary nor written out nearby: write it out once, like \"Youth Justice Service (YJS)\", or add it to the glossary"});
        }
        before += line + "\n";
    }
    return warnings;
}

}  // namespace agendapack::compose
