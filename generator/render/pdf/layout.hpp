// Private to the PDF renderer: the types its phases hand to each other.
#pragma once

#include <optional>

#include "pdf.hpp"

namespace agendapack::render::pdf {

// ---- structure: what each thing printed is, for the PDF's tags --------------

// One element of a document's structure tree (PDF 1.7, 14.8.4: the standard
// structure types), made by collect from the document tree in reading
// order, parents before children. What is drawn names its element by index;
// what names none (rules, borders, shading, repeated table headers) is page
// furniture: an artifact.
struct StructNode {
    enum class Role : uint8_t { Sect, H1, H2, H3, H4, H5, H6, P, L, LI, Lbl, LBody, Table, TR, TH, TD, Figure, Caption, BlockQuote, Link };
    Role role = Role::P;
    int parent = -1;  // -1: the document itself; kUnused: folded into its parent
    std::string alt;  // Figure: what it shows, in words
    enum class Scope : uint8_t { None, Column, Row } scope = Scope::None;  // TH
    int colspan = 1, rowspan = 1;  // TH, TD
};
const char* role_name(StructNode::Role role);

struct Structure {
    std::string title;  // the document's
    std::vector<StructNode> nodes;
};
// A draw that is no element's: an artifact. A run with no element of its own
// belongs to its paragraph's.
constexpr int kArtifact = -1;
constexpr int kInherit = -2;
constexpr int kUnused = -3;  // StructNode::parent of an element folded into its parent

// ---- collect: the document tree as paragraphs and tables --------------------

struct Span {
    std::string text;
    Fonts::Face face = Fonts::Regular;
    std::string url;     // external link
    std::string target;  // link to a document of the pack, by id (or id#anchor)
    std::string page_ref, relative_to;  // a page number, known only when the pack is written
    std::string symbol;                 // a drawn shape (doc::Inline::symbol)
    bool strike = false;                // struck through
    int node = kInherit;                // a link's or a shape's own element
};

struct Para {
    std::vector<Span> spans;
    double size = 11;
    double leading = 1.25;    // line height as a multiple of size
    double indent = 0;        // left edge of the text, from the frame's left
    std::string label;        // hanging label ("3.", "(ii)", "•"), drawn left of the text
    double label_x = 0;       // where the label starts
    Fonts::Face label_face = Fonts::Regular;
    double space_before = 0, space_after = 0;
    bool keep_with_next = false;  // headings stay with what follows
    bool attached = false;        // a note that belongs to the table before it (a legend, a source): on its pages
    bool centred = false;
    bool right_aligned = false;     // table cells aligned right (figures)
    bool preformatted = false;      // code: lines and spaces as written, broken only where too wide
    std::optional<Colour> shading;  // a banner behind the paragraph (cover-sheet section headings)
    std::string anchor;             // id whose page is recorded
    SourceLocation origin;          // for "no font has this character"
    int node = kArtifact;           // the element its text belongs to
    int label_node = kArtifact;     // its label's (Lbl)
};

struct TableCell {
    std::vector<Para> paras;
    bool header = false;
    std::optional<Colour> shading;  // a RAG tint
    int colspan = 1;
    bool spanned = false;  // covered by a colspan to its left: drawn as part of that cell
    // Covered by a rowspan from above: drawn as part of that cell (no rule
    // between them), its value printed again only where a page starts.
    bool continued = false;
    std::vector<Para> repeat;
    int node = kArtifact;  // TH or TD
};

struct Table {
    std::vector<std::vector<TableCell>> rows;
    int header_rows = 0;
    std::optional<Para> caption;
    double size = 9.5;
    double padding = 4;
    double space_after = 8;
    bool landscape = false;
    std::vector<int> row_nodes;  // each row's TR
};

struct Figure {
    std::shared_ptr<const doc::Image> image;  // a picture, or
    std::shared_ptr<const doc::Chart> chart;  // a chart drawn as vectors
    double indent = 0;
    double space_after = 6;
    int node = kArtifact;  // Figure
};

struct Item {
    enum Kind { Paragraph, TableItem, FigureItem, PageBreak, Rule };
    Kind kind = Paragraph;
    Para para;              // Paragraph; for Rule, only its spacing
    Table table;
    Figure figure;
};

// One document of the pack, in reading order.
struct Collected {
    std::vector<Item> items;
    bool landscape = false;  // the whole document on landscape pages
    int columns = 1;         // text set in this many columns (public information: two)
    std::shared_ptr<const Structure> structure;
};
// Anchors are named "document-id#id" so they are unique in the pack.
Collected collect(const doc::Document& document, const Style& style);

// ---- measure: lines of positioned glyph runs --------------------------------

struct Run {
    std::string text;  // UTF-8
    Fonts::Face face = Fonts::Regular;
    int slot = 0;      // 0 = the face's own file, 1 = fallback
    double size = 11;
    double x = 0;      // from the line's left edge
    double width = 0;
    std::string url, target;
    std::string page_ref, relative_to;  // text is replaced by the page number when drawn
    std::string symbol;                 // drawn as a vector shape in its box
    bool strike = false;                // a line drawn through it
    int node = kInherit;                // its own element (a link, a shape's word)
};

struct Line {
    std::vector<Run> runs;
    double width = 0;
    double height = 0;  // baseline-to-baseline
    // It ended at a space: the space is kept in the text (not drawn wider),
    // so words either side of the break stay two words to whatever reads it.
    bool space_at_end = false;
};

// Breaks a paragraph into lines no wider than `width` (greedy, on measured
// word widths). Throws InputError for a character no installed font has.
std::vector<Line> break_lines(const Para& para, double width, const Fonts& fonts);
double text_width(const std::string& utf8, Fonts::Face face, double size, const Fonts& fonts);
char32_t decode_utf8(const std::string& s, size_t& i);  // the character at s[i]; moves i past it

// ---- paginate: pages of drawing commands ------------------------------------

struct Draw {
    enum Kind { Text, Fill, Stroke, Link, Picture } kind = Text;
    std::shared_ptr<const doc::Image> image;  // Picture, drawn in (x, y, w, h)
    std::shared_ptr<const doc::Chart> chart;  // Picture, when it is a chart
    double x = 0, y = 0, w = 0, h = 0;  // PDF coordinates (origin bottom left)
    Run run;                            // Text: the run, drawn at (x, y) baseline
    Colour colour;
    std::string url, target;            // Link
    int node = kArtifact;               // its element in the page's structure
};

struct Page {
    bool landscape = false;
    std::vector<Draw> draws;
    std::vector<std::string> anchors;  // ids that start on this page
    // A page of a received PDF, placed on this one once the pack is written.
    std::shared_ptr<const ReceivedPdf> received;
    int received_page = -1;
    int received_node = kArtifact;  // the Figure its structure has for the received page
    bool fit = true;  // shrunk clear of the furniture where its print would meet it
    std::shared_ptr<const Structure> structure;  // its document's, which draws' nodes index
};

// Flows the items onto pages. Widow/orphan control keeps at least two lines
// of a paragraph together at a page's foot and head; headings keep with the
// next item; table header rows repeat on every page the table spans; a table
// too wide for a portrait page goes on landscape pages.
std::vector<Page> paginate(const Collected& collected, const Style& style, const Fonts& fonts);

// ---- pack -------------------------------------------------------------------

// Width reserved for a page number before it is known.
constexpr const char* kPageRefPlaceholder = "999";

struct LaidOutDocument {
    const doc::Document* document = nullptr;
    std::vector<Page> pages;
    int first_page = 0;  // pack page number of its first page (1-based)
    bool padding_after = false;
};

}  // namespace agendapack::render::pdf
