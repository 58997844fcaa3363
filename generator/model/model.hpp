// The content as officers wrote it, validated and typed, nothing computed yet.
// Markdown bodies are kept as text with their location; the compose phase
// turns them into document trees.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "../support/support.hpp"

namespace agendapack::model {

// Markdown text plus where it starts, so errors inside it point at the source.
struct Markdown {
    std::string text;
    SourceLocation origin;  // line of the first character of `text`
    // The text was let go to save memory (an archive's index holds every
    // meeting): it is the body of the file `origin.file`, to be read again.
    bool released = false;
};

// One wording of a block, in force from `from` (or from the beginning).
struct BlockVersion {
    std::optional<Date> from;
    std::string heading;
    Markdown text;
    bool run_in = false;            // heading printed bold at the start of the first paragraph
    std::string list_style = "1.";  // labels of the text's numbered lists: "(i)", "i)", "1)", "1.", "a)"
};

struct VersionedBlock {
    std::string key;  // council block name; "" for blocks written in place
    std::vector<BlockVersion> versions;
    SourceLocation where;
};

struct DatedText {
    std::optional<Date> from;
    std::string text;
};

struct Person {
    std::string key;
    std::string name;
    std::string title;
    std::string tel;
    std::string email;
};

struct Council {
    std::string name;
    std::string site_url;  // where the site is published ("https://…/"), for the sitemap; "" when not given
    // How the website looks and what its accessibility statement says (council.yaml `website`).
    struct Website {
        std::string accent;  // "#00567a": links, rules; checked for contrast on white
        std::string logo_file, logo_bytes;  // a PNG or SVG beside council.yaml, shown in every page's header
        std::string contact_email, contact_phone;  // where to ask for another format or report a problem
        std::vector<std::string> known_limits;     // what is not yet accessible, in the council's words
    } website;
    std::vector<DatedText> signatory;
    std::map<std::string, VersionedBlock> blocks;
    std::map<std::string, Person> people;
};

struct AgendaItemText {
    std::string title;
    Markdown description;
};

// A reference to a public-information block: written in place or `use:`d.
struct BlockRef {
    std::string use;  // council block key, or the built-in "dates-of-meetings"
    VersionedBlock block;  // when written in place
    SourceLocation where;
};

struct Contact {
    std::string role;
    Person person;
};

struct MunicipalYear {
    int start_year = 0;
    std::vector<Date> meetings;
    std::vector<std::string> members;
    std::vector<std::string> appointed_members;
    std::vector<Contact> contacts;
    SourceLocation where;
};

// ---- glossaries -------------------------------------------------------------

struct GlossaryEntry {
    std::string term;
    std::vector<std::string> abbreviations;  // "CPP"
    std::vector<std::string> aliases;        // other names reports use
    bool acronym_only = false;               // kind: acronym (an expansion, no definition)
    Markdown definition;
    // When the term applies: from `added`, and before `retired`. A pack
    // prints and marks only the terms in force on its meeting's date.
    std::optional<Date> added, retired;
    std::string parent;  // a sub-term: the term it is printed under (it follows it in `entries`)
    SourceLocation where;
    bool in_force(const Date& on) const { return (!added || *added <= on) && (!retired || on < *retired); }
};

struct Glossary {
    std::string file;  // path inside data/, as referenced
    std::string title;
    std::vector<GlossaryEntry> entries;
    struct Source {
        std::string title, url;
    };
    std::vector<Source> sources;
};

// ---- the recommendations tracker ---------------------------------------------

// What happened to a recommendation, from the committee's status file. An
// entry with its own `action_proposed` stands for a recommendation whose
// minutes are not in content/ (older meetings).
struct TrackerStatus {
    std::string id;                 // "2024-08-08/11/1": meeting held, minute, number in its list
    std::optional<Date> date;       // standalone entries: the meeting that made it
    std::string title;              // overrides the minute's title
    Markdown action_proposed;       // standalone entries
    Markdown action_taken;
    std::string status;             // "Complete", "In progress", "Partially complete" …
    std::optional<Date> closed;     // the meeting that accepted it as done; it drops off after
    // The meetings whose trackers may list it: from `from` (an undated entry's
    // first) to `until` (its last), whether or not it is closed.
    std::optional<Date> from, until;
    SourceLocation where;
};

// A report cover sheet's form as the council printed it from a date: its
// fields and their labels, the contacts grid, the sections in order (which
// are numbered, which may be left out), and the supporting documentation.
// content/cover-sheets.yaml holds a council's forms; without it, the form
// of the examples (compose's built-in) serves.
struct CoverForm {
    std::string name;
    std::optional<Date> from;  // packs of meetings on or after this date use it
    std::vector<std::pair<std::string, std::string>> fields;    // the top table: decision_maker, subject, date_of_decision, report_of → label
    struct Contacts {
        std::string heading = "CONTACT DETAILS";
        bool title_column = true;
        std::vector<std::string> order{"executive_director", "author"};
    } contacts;
    std::string confidentiality = "STATEMENT OF CONFIDENTIALITY";
    struct Section {
        std::string name;         // as officers write it after ##, compared ignoring case; empty for the recommendations
        std::string printed;      // as the cover prints it
        bool numbered = false;    // its paragraphs numbered, running on across numbered sections
        bool required = true;     // a report must have it
        bool recommendations = false;  // the front matter's recommendations print here
    };
    std::vector<Section> sections;
    std::vector<std::pair<std::string, std::string>> decision;  // key_decision, wards_affected → label
    struct Supporting {
        std::string heading = "SUPPORTING DOCUMENTATION";
        std::string appendices = "Appendices";
        std::string members_rooms = "Documents In Members' Rooms";
        std::string equality = "Equality Impact Assessment";
        std::string equality_question = "Is an Equality and Safety Impact Assessment (ESIA) needed for this report?";
        std::string data_protection = "Data Protection Impact Assessment";
        std::string data_protection_question = "Is a Data Protection Impact Assessment (DPIA) needed for this report?";
        std::string background = "Other Background Documents";
        std::string background_intro = "Other Background documents available for inspection at:";
    } supporting;
    SourceLocation where;
};

// Report cover-sheet fields, named after their printed labels.
struct CoverSheet {
    std::string form;                            // a cover-sheet form named by the report; empty: by date
    std::string glossary;                        // path in data/; empty: the committee's
    std::vector<GlossaryEntry> local_terms;      // this report's own entries
    std::optional<std::string> decision_maker;
    std::optional<std::string> subject;
    std::optional<Date> date_of_decision;
    std::string report_of;
    std::optional<Person> executive_director;
    std::optional<Person> author;
    std::string confidentiality = "None";
    std::vector<Markdown> recommendations;
    std::string key_decision = "No";
    std::string wards_affected = "None";
    std::optional<std::vector<std::string>> appendices;
    std::vector<std::string> documents_in_members_rooms;
    std::string equality_impact_assessment = "No";
    std::string data_protection_impact_assessment = "No";
    struct Background {
        std::string title;
        std::string exempt_paragraph;
    };
    std::vector<Background> background_documents;
};

struct MinutesHeader {
    Date held;
    std::optional<int> first_minute;  // absent: carried on from the year's earlier minutes
    std::vector<std::string> present;
    std::vector<std::string> apologies;
    std::vector<std::string> appointed_members;
    std::vector<std::string> appointed_members_apologies;
    std::string resolved_style = "(i)";
};

enum class DocumentKind { Report, Appendix, Minutes };

// An appendix received as a PDF file: listed in meeting.yaml by name, its
// pages placed in the pack as they are.
struct ReceivedFile {
    bool fit = true;   // shrunk into the pack's margins when its own print would meet the stamps
    SourceLocation listed_at;  // the line of meeting.yaml: errors found later point here
    std::string file;          // its path, for reading it again when the meeting is built
};

// Not for publication: the paragraph (1-7) of Schedule 12A to the Local
// Government Act 1972 under which the information is exempt; 0 when open.
using ExemptParagraph = int;

struct Document {
    DocumentKind kind = DocumentKind::Appendix;
    std::string path;  // as given in meeting.yaml, relative to the meeting folder
    std::string slug;  // file name without .md: stable part of the page address
    std::string title;      // appendix title
    std::string listed_as;  // appendix title in the cover's list
    bool landscape = false; // appendix printed on landscape pages
    CoverSheet cover;       // reports
    MinutesHeader minutes;  // minutes
    Markdown body;
    std::optional<ReceivedFile> received;  // a PDF appendix (no body)
    ExemptParagraph exempt = 0;
};

struct AgendaItem {
    std::string title;
    Markdown description;
    std::vector<Document> documents;
    bool approves_minutes = false;
    ExemptParagraph exempt = 0;  // the whole item: every document of it, and its discussion
    SourceLocation where;
};

struct Meeting {
    std::string folder;  // 2024-09-26
    Date date;
    std::string time;  // "17:30"
    bool note_time = false;
    std::string venue;
    bool open_to_public = true;
    std::optional<Date> issued;
    std::optional<std::string> signatory;  // overrides the post in force from council.yaml
    bool elect_vice_chair = false;
    bool standard_items = true;
    std::optional<std::vector<std::string>> members;
    std::optional<std::vector<std::string>> appointed_members;
    std::optional<std::vector<Contact>> contacts;
    std::vector<AgendaItem> agenda;
    std::optional<Document> own_minutes;
    bool cancelled = false;              // calendars say so; the meeting page too
    std::vector<Date> rescheduled_from;  // earlier dates it was arranged for, oldest first (calendars keep one event)
    SourceLocation where;
};

struct Committee {
    std::string slug;  // folder name
    std::string name;
    std::string short_name;
    std::vector<BlockRef> public_information;
    std::vector<BlockRef> disclosure;
    std::vector<AgendaItemText> standard_items;
    std::string glossary;          // default glossary (path in data/) for the committee's documents
    std::string tracker_file;      // status file of recommendations (path in data/)
    std::string monitoring_report; // the monitoring report's template, a .md file in the committee folder
    std::string cover_form;        // a cover-sheet form the committee's reports use whatever their date
    // Options of the monitoring appendix's tracker table, as the committee's
    // form wants it (rename, numbered, carry_forward …), in the order written.
    std::vector<std::pair<std::string, std::string>> tracker_table;
    int minutes_restart_month = 5; // minute numbers start again at 1 in this month (the municipal year: May)
    std::vector<TrackerStatus> tracker;
    bool strict_acronyms = false;  // unexplained acronyms are errors rather than warnings
    AgendaItemText vice_chair_election;
    AgendaItemText minutes_item;
    // Put before the first exempt business; "{paragraphs}" in its wording
    // becomes "paragraph 3" or "paragraphs 1 and 3".
    AgendaItemText exclusion_motion;
    std::string exempt_mark = "Confidential";  // beside an exempt appendix in a cover sheet's list
    std::map<int, MunicipalYear> years;
    std::vector<Meeting> meetings;  // sorted by date
};

// ---- scorecards: indicators by month, with targets ----------------------------

enum class Polarity { None, Higher, Lower };  // which way is better

// "5%" of the reference (relative) or "5" in the indicator's own units.
struct Tolerance {
    double amount = 0;
    bool relative = true;
    double of(double reference) const { return relative ? amount / 100.0 * (reference < 0 ? -reference : reference) : amount; }
};

struct RagRules {
    Tolerance tolerance{5, true};      // Amber band short of the target
    Tolerance stable_within{2, true};  // a move smaller than this is "stable"
    // Words a cell may hold instead of a figure, and what each means ("New":
    // "a new measure this year"), in the order the rules list them.
    std::vector<std::pair<std::string, std::string>> markers;
    SourceLocation where;
};

struct ScorecardCell {
    std::string text;             // as written ("-" and "" kept)
    std::optional<double> value;  // when it is a number
};

struct Indicator {
    std::string name;
    std::string format;  // "0", "0.0", "%" …: how values print
    Polarity polarity = Polarity::None;
    ScorecardCell target;
    std::vector<ScorecardCell> months;       // one per scorecard month
    std::vector<std::string> comparators;    // one per comparator column, as written
    std::string rag;                         // an explicit rating that overrides the computed one
    std::string group;                       // the 'Group' column: printed as a heading row when it changes
    SourceLocation where;                    // its CSV row
};

struct Scorecard {
    std::string file;
    std::vector<Date> months;  // day 1 of each month column
    std::vector<std::string> comparator_names;
    std::vector<Indicator> indicators;
    RagRules rules;
};

struct Site {
    Council council;
    std::vector<CoverForm> cover_forms;  // content/cover-sheets.yaml, earliest first; empty: the built-in form
    std::vector<Committee> committees;
    std::map<std::string, Glossary> glossaries;  // by path in data/
};

}  // namespace agendapack::model
