// Phase 4: the planned meeting into format-neutral document trees, one per
// page of the site / section of the pack. Markdown is parsed here, once.
#pragma once

#include <set>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "../compute/compute.hpp"
#include "../compute/records.hpp"
#include "../load/data_files.hpp"
#include "../doc/doc.hpp"
#include "../model/model.hpp"
#include "../support/words.hpp"
#include "../support/support.hpp"

namespace agendapack::compose {


// Document bodies read again for one meeting's build, by the Markdown they
// stand for: the index does not keep every meeting's text in memory.
using Bodies = std::map<const model::Markdown*, model::Markdown>;

struct Context {
    const model::Site& site;
    // The data files documents name, read by load (compose reads no file).
    std::shared_ptr<load::DataFiles> data;
    const model::Glossary* glossary = nullptr;      // of the document being composed, if any
    const compute::Records* records = nullptr;      // from compute::prepare_records, once per site
    const compute::MeetingPlan* meeting = nullptr;  // the meeting being composed
    const Bodies* bodies = nullptr;                 // bodies the index let go of
    // The glossary terms (by anchor, "term-…") the meeting's other documents
    // use: set once they are composed, for a glossary of `terms: used`.
    const std::set<std::string>* terms_used = nullptr;
    // Ordinary English words, which the acronym check lets pass in capitals.
    const Lexicon* words = nullptr;

    // `markdown`, or its text read again when the index let it go.
    const model::Markdown& text_of(const model::Markdown& markdown) const {
        if (bodies)
            if (auto it = bodies->find(&markdown); it != bodies->end()) return it->second;
        return markdown;
    }
};

using compute::Records;
using compute::Resolution;

// The number of the first minute of minutes the context's records know.
int minute_start(const Context& context, const compute::MeetingPlan& plan, const model::MinutesHeader& header);

// Every recommendation a committee has made, with its status, as CSV and JSON
// for output/tracker/: what the monitoring tables are built from.
struct TrackerExport {
    std::string committee;  // folder name
    std::string csv, json;
};
std::vector<TrackerExport> export_trackers(const Context& context);

// The glossary a document uses: its own `glossary`, else its committee's.
const model::Glossary* glossary_for(const Context& context, const compute::MeetingPlan& plan, const model::Document& document);

// First and last pack page of each agenda item's documents, by item number,
// from the PDF layout; empty until the pack has been laid out.
using PageRanges = std::map<int, std::pair<int, int>>;

// A document that uses a glossary term: for the glossary page's "used in".
struct GlossaryUse {
    std::string glossary;  // path in data/
    std::string anchor;    // "term-child-protection-plan"
    std::string document_id, document_title;
    std::string meeting_id, meeting_date;
};

// What the renderers print about a meeting besides its documents, worked
// out in compose (facts.cpp) so that renderers never read the model or a plan.
struct MeetingFacts {
    std::string id;  // children-and-families-2024-09-26
    std::string council, committee;
    std::string date;  // "Thursday, 26th September, 2024"
    Date held, issued;  // the PDF's dates come from these, never the clock
    struct Bookmark {
        std::string title, document_id;
        std::vector<Bookmark> children;
        int page = 0;  // a page of the document after its first (a PDF appendix's own bookmarks)
    };
    std::vector<Bookmark> bookmarks;  // agenda items with documents; their documents when more than one
    struct Minutes {
        std::string href, title, approved;
    };
    std::vector<Minutes> minutes;  // this meeting's minutes, wherever they are published
    std::string committee_href;    // the committee's page, from this meeting's pages
    std::string committee_slug;
    struct Neighbour {
        std::string href, date;
    };
    std::optional<Neighbour> previous, next;  // the committee's meetings either side of this one
    std::string heading() const { return committee + " – " + date; }
};
MeetingFacts meeting_facts(const Context& context, const compute::MeetingPlan& plan);

// The site's list of meetings: by committee, then municipal year, newest first.
struct SiteIndex {
    std::string council;
    std::string updated;  // the latest agenda's issue date: when the papers last changed (no clock)
    struct Meeting {
        std::string href, date, summary;
    };
    struct Year {
        std::string label;  // 2024/25
        std::vector<Meeting> meetings;
    };
    struct Committee {
        std::string name;
        std::vector<Year> years;
        std::string href;  // its own page
    };
    std::vector<Committee> committees;
};
SiteIndex site_index(const model::Site& site, const std::vector<compute::MeetingPlan>& plans);

// A page of the site that belongs to no one meeting: a committee's overview,
// its decisions, its tracker.
struct SitePage {
    std::string path;        // relative to the output folder
    doc::Document document;  // its title and body; internal links relative to the page's folder
    std::vector<std::pair<std::string, std::string>> crumbs;  // label, href from the page ("" for the page itself)
    std::string root = "../../";  // from the page to the site's top
};
// The accessibility statement, from council.yaml's `website` and what agendapack knows of its own output.
SitePage accessibility_statement(const Context& context, const std::vector<compute::MeetingPlan>& plans);
// The site's favicon: the accent colour and the council's initial.
std::string favicon(const model::Council& council);
std::vector<SitePage> committee_pages(const Context& context, const std::vector<compute::MeetingPlan>& plans);

struct ComposedMeeting {
    MeetingFacts facts;
    std::vector<Warning> warnings;
    std::vector<GlossaryUse> glossary_uses;
    doc::Document front_sheet;
    doc::Document public_information;
    doc::Document agenda;
    std::vector<doc::Document> documents;  // agenda order; ids from the plan
};

// `threads` > 1 composes the documents side by side (the same result).
ComposedMeeting compose_meeting(const Context& context, const compute::MeetingPlan& plan, int threads = 1);

// The pieces, exposed for focused tests.
doc::Document compose_front_sheet(const Context& context, const compute::MeetingPlan& plan);
doc::Document compose_public_information(const Context& context, const compute::MeetingPlan& plan);
doc::Document compose_agenda(const Context& context, const compute::MeetingPlan& plan, const PageRanges& pages = {});
doc::Document compose_report(const Context& context, const compute::MeetingPlan& plan, const compute::PlacedDocument& placed);
doc::Document compose_minutes(const Context& context, const compute::MeetingPlan& plan, const compute::PlacedDocument& placed);
doc::Document compose_appendix(const Context& context, const compute::MeetingPlan& plan, const compute::PlacedDocument& placed);
// An appendix received as a PDF: its pages for the pack, its words for the site.
doc::Document compose_received(const Context& context, const compute::PlacedDocument& placed);
// The PDF's own bookmarks under the document's bookmark.
void add_received_bookmarks(std::vector<MeetingFacts::Bookmark>& marks, const doc::Document& document);

// An empty document of the pack's own (front sheet, agenda …) or placed by the plan.
doc::Document new_document(doc::Document::Kind kind, std::string id, std::string title);
doc::Document new_document(doc::Document::Kind kind, const compute::PlacedDocument& placed);

// Markdown with agendapack's fenced blocks (```table) resolved against data/.
doc::Blocks content_blocks(const Context& context, const model::Markdown& markdown, doc::MarkdownOptions options = {});

// A scorecard table and its legend, from loaded scorecard data.
class FenceOptions;
// A scorecard table and its legend; `options` (the block's) may order, leave
// out and rename its columns.
doc::Blocks scorecard_blocks(const Context& context, const model::Scorecard& card, const doc::Inlines& caption,
                             const FenceOptions* options = nullptr);

// A picture from ![alt](file): the file sits beside the document that names it.
doc::Block load_figure(const Context& context, const std::string& file, const std::string& alt, const SourceLocation& where);

// Marks the first use of each glossary abbreviation or term in a document's
// paragraphs and lists (never in headings, links or code) and fills its
// key-to-abbreviations list; records the uses.
void mark_glossary_terms(doc::Document& document, const model::Glossary& glossary,
                         const std::vector<model::GlossaryEntry>& local_terms, std::vector<GlossaryUse>& uses,
                         std::optional<Date> on = std::nullopt);

// Markdown typed as officers might that the format does not take (footnotes,
// check boxes, a table without its line of dashes): advisory warnings at the line.
std::vector<Warning> check_typed_syntax(const doc::Document& document);

// Where each glossary term is used, gathered meeting by meeting in any order:
// per term, the documents of the earliest-listed meetings (the site lists
// meetings newest first) up to a limit, and how many documents in all. Its
// size does not grow with the archive.
class GlossaryUseIndex {
public:
    static constexpr size_t kListed = 12;  // documents named under a term
    // `order`: the meeting's place in the site's list of meetings.
    void add(size_t order, const std::vector<GlossaryUse>& uses);
    struct Term {
        std::vector<std::pair<std::pair<size_t, size_t>, GlossaryUse>> listed;  // (meeting order, place in it) → use
        size_t documents = 0;
    };
    const Term* find(const std::string& glossary, const std::string& anchor) const;

private:
    std::map<std::pair<std::string, std::string>, Term> terms_;
};

// The site's page for a glossary: every entry with its anchor and the
// documents that use it (the latest ones, and how many more).
doc::Document compose_glossary_page(const Context& context, const model::Glossary& glossary, const GlossaryUseIndex& uses);
// A glossary's page name, from its path in data/ ("glossaries/x.yaml" → "x").
std::string page_name(const std::string& glossary_path);

// Feeds and open data of the whole site: calendars, the Atom feed, the
// index of meetings, the sitemap (when council.yaml gives site_url).
struct OpenDataFile {
    std::string path, bytes;
};
std::vector<OpenDataFile> open_data(const Context& context, const std::vector<compute::MeetingPlan>& plans);
// One meeting as open data (after Open Civic Data's Event), beside its pages.
std::string meeting_data(const compute::MeetingPlan& plan);

// The search page's index of the site (a script defining window.agendapackSearch).
std::string search_index(const Context& context, const std::vector<compute::MeetingPlan>& plans);

// All-capitals words of a report that its glossary does not know and its
// text does not write out nearby.
// `body`: the document's body as read for this build (its own by default).
// The cover-sheet form the examples print, used when the council lists none.
const model::CoverForm& built_in_form();
// The form called `name` among the council's, or the built-in one by its own; nullptr when neither is.
const model::CoverForm* cover_form_named(const std::vector<model::CoverForm>& forms, const std::string& name);
// The council's form in force on a date (the earliest before any), or the built-in one.
const model::CoverForm& cover_form_in_force(const std::vector<model::CoverForm>& forms, const Date& on);

std::vector<Warning> check_acronyms(const model::Document& document, const model::Glossary* glossary, const model::Markdown* body = nullptr,
                                   const Lexicon* words = nullptr);

// Why an exempt document or item is not published, in a sentence's words:
// "likely to disclose exempt information as defined in paragraph 3 …".
std::string exempt_reason(model::ExemptParagraph paragraph);
// The mark on each page of an exempt document in the members' edition.
std::string not_for_publication(model::ExemptParagraph paragraph);

// "Councillors A (Chair), B and C" / "Councillor A".
std::string councillors(const std::vector<std::string>& names);

}  // namespace agendapack::compose
