// The format-neutral document tree every renderer draws from. Everything in
// it is already computed (numbers, labels, dates); renderers only lay it out.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "../model/model.hpp"
#include "../support/received_pdf.hpp"
#include "../support/support.hpp"

namespace agendapack::doc {

struct Inline {
    enum class Kind { Text, Emphasis, Strong, Strikethrough, Code, Link, SoftBreak, LineBreak, PageRef, Symbol, Term };
    Kind kind = Kind::Text;
    std::string text;     // Text, Code; PageRef: the number, once the pack is laid out
    std::string url;      // Link to the outside world (https:, mailto:)
    // Link or PageRef: a document id, or "document-id#anchor" for a place in it.
    std::string target;
    std::string relative_to;  // PageRef: count pages from this document's first (its own numbering)
    // Symbol: a drawn shape, never a font glyph: "rag-green", "rag-amber",
    // "rag-red", "arrow-up", "arrow-down", "arrow-level". `text` is its
    // accessible name, or empty when words beside it already say it.
    std::string symbol;
    // Term: a glossary word where a report uses it. `text` as written, `url`
    // its expansion when it is an abbreviation, `target` "glossary:<name>#<anchor>".
    std::vector<Inline> children;
};
using Inlines = std::vector<Inline>;

Inline text(std::string value);
Inline strong(Inlines children);
Inline link(std::string url, Inlines children);
Inline internal_link(std::string document_id, Inlines children);
// The page number of `target` in the printed pack, or within `relative_to`.
Inline page_ref(std::string target, std::string relative_to = "");
Inline symbol(std::string shape, std::string accessible_name = "");
std::string plain_text(const Inlines& inlines);

// A picture's bytes, read once at compose time and shared by every renderer.
struct Image {
    enum class Format { Png, Jpeg };
    Format format = Format::Png;
    std::string name;   // file name, for the site's images/ folder
    std::string bytes;
    int width = 0, height = 0;  // pixels
};

// A chart's data, from CSV: categories along one axis, one or more series
// (a pie or donut: one series, each category a slice).
struct Chart {
    enum class Type { Line, Bar, HorizontalBar, StackedBar, Pie, Donut };
    Type type = Type::Line;
    std::string title, x_label, y_label, source;
    std::vector<std::string> categories;
    struct Series {
        std::string name;
        std::vector<std::optional<double>> values;  // one per category; missing stays empty
    };
    std::vector<Series> series;
    bool data_labels = false;
    int decimals = 0;    // for data labels, as the CSV wrote them
    std::string suffix;  // "%" when the CSV's figures were percentages
};

struct Block;
using Blocks = std::vector<Block>;

struct Cell {
    Blocks content;
    bool header = false;
    std::string scope;  // "row" or "col" for header cells
    int colspan = 1;    // the columns a cell spans are not repeated in the row
    int rowspan = 1;
    bool continued = false;  // the row is covered by a rowspan from above: kept so columns line up
    std::string tone;   // "red", "amber", "green": a RAG-tinted background
    std::string align;  // "left", "center", "right"; empty: as the table's kind sets it
};

struct Row {
    std::vector<Cell> cells;
};

struct Block {
    enum class Kind {
        Paragraph,  // inlines
        Heading,    // level, inlines
        List,       // children are ListItems; ordered lists carry their labels
        ListItem,   // label (may be empty for bullets), children
        Numbered,   // a paragraph with a hanging number: label, children
        Table,      // rows, header_rows, caption
        Section,    // a titled group: role, id, children (heading inside)
        Quote,      // children
        Code,       // text
        Figure,     // image, text = alternative text
        ChartBlock, // chart
        Rule,
    };
    Kind kind = Kind::Paragraph;
    // A block compose has yet to fill in, once the rest of its document is
    // known: a ```contents list (the appendix's sections), a glossary key
    // (the abbreviations the document uses). None once filled.
    // A glossary of the terms the pack uses, once the other documents are composed.
    enum class Pending { None, Contents, GlossaryKey, GlossaryOfUsedTerms };
    Pending pending = Pending::None;
    int level = 0;
    bool ordered = false;
    std::string label;
    std::string role;  // what the block is for ("cover-fields", "resolved", …): the HTML class; see roles below
    std::string id;    // anchor for links and, later, page references
    std::string text;
    Inlines inlines;
    Blocks children;
    std::vector<Row> rows;
    int header_rows = 0;
    bool landscape = false;  // Table: printed on landscape pages whatever its width
    Inlines caption;
    std::shared_ptr<const Image> image;  // Figure
    std::shared_ptr<const Chart> chart;  // ChartBlock
    SourceLocation origin;  // where Markdown put it, for errors found after parsing
    int pack_page = 0;      // Heading with an id: its printed page in the pack, once laid out
};

// Roles a renderer does more with than name a class after, named once so
// compose and renderers cannot drift apart.
namespace role {
inline constexpr const char* kAgenda = "agenda";                      // agenda items: bold numbers in print
inline constexpr const char* kItemDocuments = "item-documents";      // per-item links, screen only
inline constexpr const char* kPeople = "people";                      // one name a line
inline constexpr const char* kSignOff = "sign-off";                   // front sheet lines set close
inline constexpr const char* kOpenness = "openness";
inline constexpr const char* kContact = "contact";
inline constexpr const char* kCoverSection = "cover-section";         // cover sheet sections: shaded banners
inline constexpr const char* kSupportingDocumentation = "supporting-documentation";
inline constexpr const char* kChartTitle = "chart-title";             // keeps with its chart
inline constexpr const char* kDataTable = "data-table";               // numbered "Table N:" captions
inline constexpr const char* kContents = "contents";
inline constexpr const char* kGlossaryKey = "glossary-key";
inline constexpr const char* kMinute = "minute";
inline constexpr const char* kResolved = "resolved";
inline constexpr const char* kResolvedLead = "resolved-lead";
inline constexpr const char* kScorecardCards = "scorecard-cards";    // a scorecard's latest position, narrow screens only
inline constexpr const char* kExemptNotice = "exempt-notice";         // "not for publication" lines of the agenda
inline constexpr const char* kRestriction = "restriction";            // the members' edition's mark on an exempt document
}  // namespace role

Block paragraph(Inlines inlines, std::string role = "");
Block heading(int level, Inlines inlines, std::string id = "");
Block section(std::string role, Blocks children, std::string id = "");
Block list(bool ordered, Blocks items, std::string role = "");
Block list_item(std::string label, Blocks children);
Block numbered(std::string label, Blocks children);
Cell cell(Blocks content, bool header = false, std::string scope = "");
Cell text_cell(const std::string& value, bool header = false, std::string scope = "");

// One page of the site / one document of the pack.
struct Document {
    enum class Kind { FrontSheet, PublicInformation, Agenda, Report, Appendix, Minutes };
    Kind kind = Kind::Report;
    std::string id;      // stable, unique within a meeting: "07-youth-justice-service"
    std::string title;   // for page titles and links
    std::string stamp;   // "Agenda Item 7", "Agenda Item 8, Appendix 1"
    int agenda_number = 0;
    bool landscape = false;  // printed on landscape pages
    // "Not for publication …": an exempt document in the members' edition,
    // marked on every page. Empty for open documents.
    std::string restriction;
    // A document received as a PDF: the pack prints its pages as they are
    // (`body` is what the site shows: its words); the site offers the file.
    std::shared_ptr<const ReceivedPdf> received;
    bool received_fit = true;  // its pages shrunk clear of the pack's stamps where they would meet its print
    // Where it is in the printed pack (0: not in it): its first and last
    // printed page, and how many unnumbered pages come before Page 1.
    int pack_first = 0, pack_last = 0, pack_front = 0;
    Blocks body;
};

// Every block of a tree, nested ones (list items, sections, table cells)
// included, and every inline of those blocks (captions and nested inlines too).
void for_each_block(Blocks& blocks, const std::function<void(Block&)>& visit);
void for_each_block(const Blocks& blocks, const std::function<void(const Block&)>& visit);
void for_each_inline(Blocks& blocks, const std::function<void(Inline&)>& visit);

// Markdown into blocks: CommonMark with GitHub's tables, strikethrough and
// autolinks (cmark-gfm), ordered lists from the number they start at, and
// lists typed with letters or roman numerals (gather_typed_lists). Raw HTML
// and unsafe links are input errors at their source line, never passed through.
struct MarkdownOptions {
    // Labels for ordered lists, by nesting depth and delimiter: "(i)", "i)", "1)", "1.", "a)".
    std::string period_style = "1.";
    std::string paren_style = "1)";
    std::string nested_style = "a)";
    // Fenced blocks with an info word (```table) are handed here; plain
    // fences stay code. Returns the blocks that replace the fence.
    std::function<Blocks(const std::string& info, const std::string& body, const SourceLocation& where)> fence;
    // A paragraph holding only ![alt](file) becomes the block this returns.
    std::function<Block(const std::string& file, const std::string& alt, const SourceLocation& where)> image;
};
Blocks markdown(const model::Markdown& source, const MarkdownOptions& options = {});
Inlines markdown_inline(const model::Markdown& source);  // one paragraph's inlines

// Runs of paragraphs that start "a." "b." (or "(i)" "(ii)", "A." "B." …)
// become ordered lists labelled as typed; applied by markdown().
void gather_typed_lists(Blocks& blocks);

// "(i)" style label for the n-th item (1-based).
std::string list_label(const std::string& style, int n);
std::string roman(int n);

}  // namespace agendapack::doc
