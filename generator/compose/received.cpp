// An appendix received as a PDF file. The pack prints its pages as they are;
// the site shows its words (so they can be found and read without the file)
// beside a link to the file itself, and the pack's bookmarks take in the
// file's own.
#include "compose.hpp"

namespace agendapack::compose {

namespace {

bool starts_item(const std::string& line) {
    static const std::vector<std::string> bullets = {"•", "◦", "▪", "■", "–", "-", "*"};
    for (const auto& b : bullets)
        if (line.rfind(b + " ", 0) == 0 || line == b) return true;
    return false;
}

// A page's text as extracted comes a printed line at a time. Lines of a
// paragraph wrapped by its layout are joined again: a line long enough to
// have been wrapped runs on into the next, unless the next starts a list
// item; short lines (headings, table cells, addresses) stay lines.
doc::Blocks paragraphs_of(const std::string& text) {
    std::vector<std::string> lines;
    size_t longest = 0;
    for (size_t start = 0; start <= text.size();) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = trim(text.substr(start, end - start));
        // Form feeds and other controls are not text.
        std::erase_if(line, [](char c) { return static_cast<unsigned char>(c) < 0x20; });
        lines.push_back(line);
        longest = std::max(longest, line.size());
        start = end + 1;
    }
    doc::Blocks blocks;
    std::string current;
    auto flush = [&] {
        if (!current.empty()) blocks.push_back(doc::paragraph({doc::text(current)}));
        current.clear();
    };
    std::string previous;
    for (const auto& line : lines) {
        if (line.empty()) {
            flush();
            previous.clear();
            continue;
        }
        const bool runs_on = !current.empty() && previous.size() * 10 >= longest * 7 && !starts_item(line) &&
                             previous.back() != ':' && previous.back() != '.';
        if (!runs_on) flush();
        if (!current.empty()) current += previous.back() == '-' && previous.size() > 1 && std::isalpha(static_cast<unsigned char>(previous[previous.size() - 2])) ? "" : " ";
        current += line;
        previous = line;
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
    for (size_t p = 0; p < pages; ++p) {
        doc::Blocks text = paragraphs_of(pdf.pages[p].text);
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
