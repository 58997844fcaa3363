// An appendix received as a PDF file. The pack prints its pages as they are;
// the site shows its words (so they can be found and read without the file)
// beside a link to the file itself, and the pack's bookmarks take in the
// file's own.
#include <algorithm>
#include <cmath>
#include <map>

#include "compose.hpp"

namespace agendapack::compose {

namespace {

bool starts_item(const std::string& line) {
    static const std::vector<std::string> bullets = {"•", "◦", "▪", "■", "–", "-", "*"};
    for (const auto& b : bullets)
        if (line.rfind(b + " ", 0) == 0 || line == b) return true;
    return false;
}

// Leader dots of a contents line ("Our vision ........ 3") read as a gap.
std::string without_leaders(const std::string& text) {
    std::string out;
    for (size_t i = 0; i < text.size();) {
        size_t j = i;
        while (j < text.size() && (text[j] == '.' || (text[j] == ' ' && j > i))) ++j;
        size_t dots = static_cast<size_t>(std::count(text.begin() + static_cast<long>(i), text.begin() + static_cast<long>(j), '.'));
        if (dots >= 4) {
            while (!out.empty() && out.back() == ' ') out.pop_back();
            out += " … ";
            i = j;
            while (i < text.size() && text[i] == ' ') ++i;
            continue;
        }
        out += text[i++];
    }
    return trim(out);
}

// The size most of the file's words are set in: larger lines are headings.
double body_size(const ReceivedPdf& pdf) {
    std::map<long, size_t> chars;  // size in tenths of a point → characters
    for (const auto& page : pdf.pages)
        for (const auto& line : page.lines) chars[std::lround(line.size * 10)] += line.text.size();
    long best = 0;
    size_t most = 0;
    for (const auto& [size, n] : chars)
        if (n > most) best = size, most = n;
    return best / 10.0;
}

// A page's lines as the site shows them: lines set larger than the body
// become headings; lines of the same size close below each other run on
// into one paragraph (a word broken at a hyphen joined again); a list
// marker, a change of size or a gap starts a new one.
doc::Blocks blocks_of(const ReceivedPdf::Page& page, double body) {
    doc::Blocks blocks;
    std::string current;
    const ReceivedPdf::Line* previous = nullptr;
    bool heading = false;
    auto flush = [&] {
        if (!current.empty())
            blocks.push_back(heading ? doc::heading(3, {doc::text(current)}) : doc::paragraph({doc::text(current)}));
        current.clear();
    };
    for (const auto& line : page.lines) {
        const std::string text = without_leaders(line.text);
        if (text.empty()) continue;
        const bool large = line.size > body * 1.2 && text.size() < 120;
        const bool runs_on = previous && !current.empty() && large == heading && std::abs(line.size - previous->size) < 0.6 &&
                             line.top - previous->bottom < 0.6 * line.size && line.top >= previous->top && !starts_item(text);
        if (!runs_on) {
            flush();
            heading = large;
            current = text;
        } else {
            const bool broken = current.size() > 1 && current.back() == '-' && std::isalpha(static_cast<unsigned char>(current[current.size() - 2])) &&
                                std::islower(static_cast<unsigned char>(text[0]));
            if (broken) current.pop_back();
            else current += ' ';
            current += text;
        }
        previous = &line;
    }
    flush();
    return blocks;
}

}  // namespace

doc::Document compose_received(const Context& context, const compute::PlacedDocument& placed) {
    const model::Document& source = *placed.source;
    const model::ReceivedFile& file = *source.received;
    doc::Document d = new_document(doc::Document::Kind::Appendix, placed);
    d.received = context.data->received_pdf(file.file, source.path, file.listed_at);
    d.received_fit = file.fit;
    const ReceivedPdf& pdf = *d.received;
    d.body.push_back(doc::heading(1, {doc::text(source.title)}));
    const size_t pages = pdf.pages.size();
    d.body.push_back(doc::paragraph({doc::text("This appendix was received as a PDF file of " + std::to_string(pages) +
                                               (pages == 1 ? " page" : " pages") + ". Its text follows, page by page; "
                                               "tables, charts and pictures are in the file itself.")},
                                    "received-note"));
    const double body = body_size(pdf);
    for (size_t p = 0; p < pages; ++p) {
        doc::Blocks text = blocks_of(pdf.pages[p], body);
        if (text.empty()) continue;
        d.body.push_back(doc::heading(2, {doc::text("Page " + std::to_string(p + 1))}, "page-" + std::to_string(p + 1)));
        for (auto& block : text) d.body.push_back(std::move(block));
    }
    return d;
}

void add_received_bookmarks(std::vector<MeetingFacts::Bookmark>& marks, const doc::Document& document) {
    if (!document.received || document.received->outline.empty()) return;
    for (auto& mark : marks) {
        if (mark.document_id == document.id) {
            // Levels may jump (a level-2 entry straight under the top): each
            // goes under the nearest entry above it of a lower level.
            std::vector<std::pair<int, std::vector<MeetingFacts::Bookmark>*>> parents{{-1, &mark.children}};
            for (const auto& entry : document.received->outline) {
                while (parents.size() > 1 && parents.back().first >= entry.level) parents.pop_back();
                auto& list = *parents.back().second;
                list.push_back({entry.title, document.id, {}, entry.page});
                parents.push_back({entry.level, &list.back().children});
            }
            return;
        }
        add_received_bookmarks(mark.children, document);
    }
}

}  // namespace agendapack::compose
