// In the module: received PDFs checked with qpdf (the library that later
// places their pages in the pack) and read with poppler for what a person
// sees on each page — its words for the site, where its ink lies so the
// pack's page numbers and stamps do not cover it.
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFOutlineDocumentHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <vector>

#include "module.hpp"

namespace agendapack::pdfio {

namespace {

// poppler keeps global state (fonts, its error callback); one document at a
// time is plenty for the few PDFs a meeting has.
std::mutex& poppler_lock() {
    static std::mutex lock;
    return lock;
}

void ignore_poppler_messages(const std::string&, void*) {}

// What is wrong with the file, said of it: "is damaged …".
struct Refused {
    std::string what;
};

std::string trim(std::string s) {
    const char* space = " \t\r\n";
    s.erase(0, s.find_first_not_of(space));
    s.erase(s.find_last_not_of(space) + 1);
    return s;
}

struct Opened {
    std::unique_ptr<QPDF> pdf;
    std::vector<QPDFPageObjectHelper> pages;
};

double rotation_of(QPDFPageObjectHelper& page) {
    QPDFObjectHandle rotate = page.getAttribute("/Rotate", false);
    int degrees = rotate.isInteger() ? static_cast<int>(rotate.getIntValue()) : 0;
    return ((degrees % 360) + 360) % 360;
}

// Whether one bookmark is reached twice, walking the bookmarks once (each
// list by /First, then /Next). qpdf 11.3 builds the whole bookmark tree
// when asked for it, and a list whose /Next leads back into itself sends it
// round for ever, taking every byte of memory; so the tree is walked here
// first, without recursion.
bool bookmarks_loop(QPDF& pdf) {
    QPDFObjectHandle outlines = pdf.getRoot().getKey("/Outlines");
    if (!outlines.isDictionary()) return false;
    std::set<QPDFObjGen> seen;
    std::vector<QPDFObjectHandle> lists{outlines.getKey("/First")};
    while (!lists.empty()) {
        QPDFObjectHandle item = lists.back();
        lists.pop_back();
        for (; item.isDictionary(); item = item.getKey("/Next")) {
            if (item.isIndirect() && !seen.insert(item.getObjGen()).second) return true;
            lists.push_back(item.getKey("/First"));
        }
    }
    return false;
}

// Opens and checks the file. `deep`: every page's content decoded too,
// which finds damage the file's index hides (done when the meeting is
// built; the index, run on every build, checks the structure only).
Opened open_pdf(const std::string& bytes, const std::string& name, bool deep) {
    auto fail = [](const std::string& what) { throw Refused{what}; };
    if (bytes.compare(0, 5, "%PDF-") != 0)
        fail("is not a PDF file (it does not start with %PDF-): export the document as PDF, or list a Markdown file instead");
    Opened opened;
    opened.pdf = std::make_unique<QPDF>();
    QPDF& pdf = *opened.pdf;
    pdf.setSuppressWarnings(true);
    try {
        pdf.processMemoryFile(name.c_str(), bytes.data(), bytes.size());
        if (pdf.isEncrypted())
            fail("is encrypted (password-protected or restricted): ask its author for an unprotected copy");
        opened.pages = QPDFPageDocumentHelper(pdf).getAllPages();
        for (size_t i = 0; i < opened.pages.size(); ++i) {
            QPDFObjectHandle::Rectangle box = opened.pages[i].getTrimBox().getArrayAsRectangle();
            if (std::abs(box.urx - box.llx) < 1 || std::abs(box.ury - box.lly) < 1)
                fail("has a page of zero size (page " + std::to_string(i + 1) + "): the file is damaged; ask for it again");
        }
        if (bookmarks_loop(pdf)) fail("has bookmarks that lead round in a loop: the file is damaged; ask for it again");
        if (deep)
            for (auto& page : opened.pages)
                for (auto& stream : page.getPageContents()) stream.getStreamData(qpdf_dl_generalized);
    } catch (const QPDFExc& error) {
        if (error.getErrorCode() == qpdf_e_password)
            fail("is encrypted (password-protected or restricted): ask its author for an unprotected copy");
        fail("is damaged and cannot be read (" + error.getMessageDetail() + "): ask for the file again");
    } catch (const Refused&) {
        throw;
    } catch (const std::exception& error) {
        fail(std::string("is damaged and cannot be read (") + error.what() + "): ask for the file again");
    }
    if (pdf.anyWarnings()) {
        std::string detail = pdf.getWarnings().front().getMessageDetail();
        fail("is damaged (" + detail + "); it would print with parts missing: ask for the file again");
    }
    if (opened.pages.empty()) fail("has no pages");
    return opened;
}

std::string title_of(QPDF& pdf) {
    QPDFObjectHandle info = pdf.getTrailer().getKey("/Info");
    if (!info.isDictionary()) return "";
    QPDFObjectHandle title = info.getKey("/Title");
    return title.isString() ? trim(title.getUTF8Value()) : "";
}

// Where anything is printed on a page: the page drawn small, and the box
// around every pixel that is not paper white, in points from bottom left.
ReceivedPdf::Box ink_of(const poppler::page& page, double width, double height) {
    constexpr double kDpi = 24;
    poppler::page_renderer renderer;
    renderer.set_image_format(poppler::image::format_gray8);
    renderer.set_render_hints(0);
    poppler::image image = renderer.render_page(&page, kDpi, kDpi);
    ReceivedPdf::Box box;
    if (!image.is_valid() || image.width() <= 0 || image.height() <= 0) return {0, 0, width, height};  // unknown: assume all of it
    int left = image.width(), right = -1, top = image.height(), bottom = -1;
    const char* data = image.const_data();
    for (int y = 0; y < image.height(); ++y) {
        const auto* row = reinterpret_cast<const unsigned char*>(data + static_cast<size_t>(y) * image.bytes_per_row());
        for (int x = 0; x < image.width(); ++x)
            if (row[x] < 240) {
                left = std::min(left, x), right = std::max(right, x);
                top = std::min(top, y), bottom = std::max(bottom, y);
            }
    }
    if (right < 0) return box;  // blank
    const double sx = width / image.width(), sy = height / image.height();
    return {left * sx, height - (bottom + 1) * sy, (right + 1) * sx, height - top * sy};
}

// The page's words in poppler's reading order, gathered into lines: a word
// on the same baseline as the one before, and to its right, continues its line.
std::vector<ReceivedPdf::Line> lines_of(const poppler::page& page) {
    std::vector<ReceivedPdf::Line> lines;
    ReceivedPdf::Line line;
    double right = 0;
    bool space_after = false;
    for (const poppler::text_box& word : page.text_list(poppler::page::text_list_include_font)) {
        const poppler::rectf box = word.bbox();
        poppler::byte_array utf8 = word.text().to_utf8();
        std::string text(utf8.begin(), utf8.end());
        if (text.empty()) continue;
        const double top = box.top(), bottom = box.bottom(), middle = (top + bottom) / 2;
        const bool same_line = !line.text.empty() && middle > line.top && middle < line.bottom && box.left() >= right - 1;
        if (!same_line) {
            if (!line.text.empty()) lines.push_back(std::move(line));
            line = {text, word.get_font_size(), top, bottom};
        } else {
            if (space_after || box.left() - right > 0.15 * std::max(1.0, word.get_font_size())) line.text += ' ';
            line.text += text;
            line.size = std::max(line.size, word.get_font_size());
            line.top = std::min(line.top, top);
            line.bottom = std::max(line.bottom, bottom);
        }
        right = box.right();
        space_after = word.has_space_after();
    }
    if (!line.text.empty()) lines.push_back(std::move(line));
    return lines;
}

void read_outline(std::vector<QPDFOutlineObjectHelper> items, int level, const std::map<QPDFObjGen, int>& page_numbers,
                  std::vector<ReceivedPdf::Mark>& out) {
    for (auto& item : items) {
        QPDFObjectHandle page = item.getDestPage();
        auto found = page.isNull() ? page_numbers.end() : page_numbers.find(page.getObjGen());
        std::string title = trim(item.getTitle());
        // An entry that goes nowhere in the file, or has no words, is no use in the pack's bookmarks.
        if (found != page_numbers.end() && !title.empty()) out.push_back({title, level, found->second});
        read_outline(item.getKids(), level + 1, page_numbers, out);
    }
}

}  // namespace

namespace {

bool refused(const Refused& r, std::string& error) {
    error = r.what;
    return false;
}

}  // namespace

bool inspect(const std::string& bytes, const std::string& name, Summary& out, std::string& error) {
    try {
        Opened opened = open_pdf(bytes, name, false);
        out = {title_of(*opened.pdf), static_cast<int>(opened.pages.size())};
        return true;
    } catch (const Refused& r) {
        return refused(r, error);
    }
}

bool read(const std::string& bytes, const std::string& name, ReceivedPdf& received, std::string& error) {
    try {
        Opened opened = open_pdf(bytes, name, true);
        received.file_name = name;
        received.title = title_of(*opened.pdf);
        std::map<QPDFObjGen, int> page_numbers;
        for (size_t i = 0; i < opened.pages.size(); ++i) {
            QPDFPageObjectHelper& page = opened.pages[i];
            page_numbers[page.getObjectHandle().getObjGen()] = static_cast<int>(i);
            QPDFObjectHandle::Rectangle box = page.getTrimBox().getArrayAsRectangle();
            double w = std::abs(box.urx - box.llx), h = std::abs(box.ury - box.lly);
            if (const double r = rotation_of(page); r == 90 || r == 270) std::swap(w, h);
            received.pages.push_back({w, h, {0, 0, w, h}, {}});
        }
        QPDFOutlineDocumentHelper outlines(*opened.pdf);
        if (outlines.hasOutlines()) read_outline(outlines.getTopLevelOutlines(), 0, page_numbers, received.outline);

        std::lock_guard<std::mutex> lock(poppler_lock());
        poppler::set_debug_error_function(ignore_poppler_messages, nullptr);
        std::unique_ptr<poppler::document> document(poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
        if (!document || document->is_locked() || document->pages() != static_cast<int>(received.pages.size()))
            throw Refused{"is damaged and cannot be read: ask for the file again"};
        for (int i = 0; i < document->pages(); ++i) {
            std::unique_ptr<poppler::page> page(document->create_page(i));
            if (!page) continue;
            ReceivedPdf::Page& out = received.pages[static_cast<size_t>(i)];
            out.lines = lines_of(*page);
            out.ink = ink_of(*page, out.width, out.height);
        }
        return true;
    } catch (const Refused& r) {
        return refused(r, error);
    } catch (const std::exception& e) {
        error = std::string("is damaged and cannot be read (") + e.what() + "): ask for the file again";
        return false;
    }
}

}  // namespace agendapack::pdfio
