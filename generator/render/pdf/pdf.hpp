// The PDF renderer: the printed Public Document Pack, laid out from the same
// document trees as the HTML. Phases, one file each: collect (doc tree →
// paragraphs and tables), measure (line breaking on measured widths),
// paginate (pages, keeps, widows and orphans, repeated table headers,
// landscape), finalize (libharu drawing, numbers, stamps, links, bookmarks).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "../../compose/compose.hpp"
#include "../../doc/doc.hpp"
#include "../../support/support.hpp"

namespace agendapack::render::pdf {

struct Colour {
    double r = 0, g = 0, b = 0;
};

// Everything about how the pack looks; read from templates/pdf/style.yaml.
struct Style {
    double page_width = 595.276, page_height = 841.89;  // A4, points
    double margin_top = 56, margin_bottom = 62, margin_left = 60, margin_right = 60;
    std::string font_regular, font_bold, font_italic, font_bold_italic, font_fallback, font_fallback_bold;
    // Code: a fixed-width face and its fallback (optional in style.yaml: older styles get these).
    std::string font_mono = "/usr/share/fonts/truetype/liberation2/LiberationMono-Regular.ttf";
    std::string font_fallback_mono = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";
    SourceLocation fonts_where;  // for "font file not found"
    double body_size = 11, leading = 1.25, paragraph_space = 6;
    double h1_size = 18, h2_size = 13, h3_size = 11.5, h4_size = 11, heading_space_before = 12, heading_space_after = 5;
    double code_scale = 0.9;  // code's size against the text around it
    double table_size = 9.5, cell_padding = 4, border_width = 0.5;
    // Tables with more columns than dense_columns (scorecards) set smaller and tighter.
    double dense_size = 7.5, dense_padding = 2.5;
    int dense_columns = 12;
    double footer_size = 10, stamp_size = 12, label_width = 28;
    Colour text, link, section_shading, header_shading, border;
    Colour rag_red{0.83, 0.21, 0.11}, rag_amber{0.94, 0.64, 0.04}, rag_green{0.0, 0.44, 0.24};
    Colour tint_red{0.97, 0.85, 0.83}, tint_amber{0.99, 0.93, 0.80}, tint_green{0.85, 0.94, 0.89};
    std::string page_number_format = "Page {page}";
    std::string blank_page_text = "This page is intentionally left blank";
    int public_information_columns = 2;  // as councils print those pages
    double column_gap = 18;
    bool pad_items_to_odd_pages = true;
};

Style load_style(const FileSystem& fs, const std::string& templates_dir);

// Glyph coverage and advance widths from the TrueType files themselves
// (FreeType), so layout never depends on the PDF library and a character no
// font can print is caught before drawing. One Fonts may serve many
// threads at once: what it learns of a character, it learns once.
class Fonts {
public:
    enum Face { Regular = 0, Bold = 1, Italic = 2, BoldItalic = 3, Mono = 4 };
    static constexpr int kFaces = 5;
    explicit Fonts(const Style& style);
    ~Fonts();
    Fonts(const Fonts&) = delete;
    Fonts& operator=(const Fonts&) = delete;

    // Which file draws `codepoint` in `face`: 0 = the face itself, 1 = the
    // fallback; -1 when no installed font has it.
    int slot_for(Face face, char32_t codepoint) const;
    double advance(Face face, int slot, char32_t codepoint, double size) const;
    const std::string& file(Face face, int slot) const;
    const std::string& bytes(Face face, int slot) const;  // that file, whole

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

using compose::PageRanges;

struct Pack;  // a meeting's pack, laid out

// Lays out every document of the meeting; the agenda (which prints the
// ranges) is laid out by write_pack once the ranges are known. `threads` > 1
// lays documents out side by side (the same pages).
std::shared_ptr<Pack> lay_out_pack(const compose::ComposedMeeting& meeting, const Style& style, const Fonts& fonts, int threads = 1);
PageRanges item_page_ranges(const Pack& pack);
// Fills every page reference in the meeting's documents with its printed
// number, so the HTML shows the numbers the pack prints.
void resolve_page_refs(compose::ComposedMeeting& meeting, const Pack& pack);
// Lays out the front matter (the agenda must carry its ranges), so every
// printed page's place in the PDF file is known.
void lay_out_front(Pack& pack, const compose::ComposedMeeting& meeting);
// Tells each document, and each of its headings, where it is in the pack:
// its printed pages, and the PDF file's page for links (#page=N).
void place_in_pack(compose::ComposedMeeting& meeting, const Pack& pack);

// Each agenda item's pages as a file of their own (with the pack's page
// numbers printed on them), for readers who want one item.
struct ItemPdf {
    int item = 0;
    std::string bytes;
    int pages = 0;
};

struct WrittenPack {
    std::string bytes;
    int pages = 0;
    std::vector<ItemPdf> items;  // agenda order
};

// The finished PDF and each item's. `meeting.agenda` must already carry the
// page ranges. `threads` > 1 draws and compresses pages, and writes the
// items' files, side by side (the same bytes).
WrittenPack write_pack(const Pack& pack, const compose::ComposedMeeting& meeting, int threads = 1);

}  // namespace agendapack::render::pdf
