// Phase 1: read content/ into the model. Every problem is an InputError at
// file:line:col; nothing is computed here beyond what validation needs.
#pragma once

#include <string>
#include <vector>

#include <memory>

#include "../model/model.hpp"
#include "../support/received_pdf.hpp"
#include "../support/support.hpp"

namespace agendapack::load {

struct ContentPaths {
    std::string content = "content";
    std::string data = "data";
};

struct LoadOptions {
    // Keep every document's Markdown. Without it, the bodies of reports and
    // appendices are let go as each meeting is read (minutes are kept: the
    // minute numbers and decisions of later meetings come from them);
    // read_body reads one again.
    bool keep_text = true;
    // Where to collect errors and go on with the next file (a meeting, a
    // year file, a committee); without it, the first error is thrown.
    std::vector<InputError>* errors = nullptr;
    // Meeting folders read at once (each on its own; the result is the same
    // for any number). The file system must then be safe to share.
    int jobs = 1;
};

model::Site load_site(const FileSystem& fs, const ContentPaths& paths, const LoadOptions& options = {});

// Lets go of the text of a meeting's documents that are their files' own
// bodies (not a committee template's, not one agendapack wrote), minutes too
// when asked.
void release_text(model::Meeting& meeting, const std::string& meeting_dir, bool minutes_too);
// A released body, read again from its file.
model::Markdown read_body(const FileSystem& fs, const model::Markdown& released);

// A Markdown file split into its front matter and body, with the body's
// first line number, so Markdown errors point at the right line.
struct FrontMatterFile {
    std::string front_matter;
    int front_matter_line = 2;  // line of the first front-matter line
    std::string body;
    int body_line = 1;
};
FrontMatterFile split_front_matter(const std::string& file, const std::string& text);

// A PDF appendix as the index needs it: checked whole (a PDF, not damaged,
// not encrypted, every page with a size), its title and length. Errors are
// at `listed_at`, the line of meeting.yaml that names it.
struct PdfSummary {
    std::string title;  // its Title metadata, "" when it has none
    int pages = 0;
};
PdfSummary inspect_pdf(const std::string& bytes, const std::string& name, const SourceLocation& listed_at);
// The same checks, then everything the pack and the site print of it: each
// page's size, where it has ink, its words, and its own bookmarks.
std::shared_ptr<const ReceivedPdf> read_received_pdf(std::string bytes, const std::string& name, const SourceLocation& listed_at);

// RFC 4180 CSV, UTF-8 (a leading BOM is dropped). Rows keep their line.
struct CsvTable {
    std::string file;
    std::vector<std::string> header;
    std::vector<int> header_columns;  // where each header cell starts on line 1
    struct Row {
        int line = 0;
        std::vector<std::string> cells;
        std::vector<int> columns;  // where each cell starts on its line
        std::string file;
        SourceLocation at(size_t cell) const;
    };
    std::vector<Row> rows;
};
CsvTable parse_csv(const std::string& file, const std::string& text);
CsvTable load_csv(const FileSystem& fs, const std::string& data_dir, const std::string& relative,
                  const SourceLocation& referenced_from);

// A glossary YAML (title, terms, sources) from data/.
model::Glossary load_glossary(const FileSystem& fs, const std::string& data_dir, const std::string& relative,
                              const SourceLocation& referenced_from);

// The status file of a committee's recommendations (a YAML list).
std::vector<model::TrackerStatus> load_tracker(const FileSystem& fs, const std::string& data_dir, const std::string& relative,
                                               const SourceLocation& referenced_from);

// A scorecard CSV (Indicator, Format, Polarity, Target, RAG, YYYY-MM month
// columns, other columns as comparators) and the RAG rules YAML beside it.
model::Scorecard load_scorecard(const FileSystem& fs, const std::string& data_dir, const std::string& csv,
                                const SourceLocation& csv_from, const std::string& rules, const SourceLocation& rules_from);

}  // namespace agendapack::load
