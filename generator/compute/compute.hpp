// Phase 3: everything that is worked out rather than written: agenda and
// appendix numbers, stamps, the wording in force on a date, the membership
// that applies, the signatory, stable meeting and document ids.
#pragma once

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "../model/model.hpp"

namespace agendapack::compute {

const model::BlockVersion* version_in_force(const model::VersionedBlock& block, const Date& date);
std::string signatory_in_force(const model::Council& council, const Date& date);

// "{dates}" and "{municipal_year}" in standard wording, filled in.
std::string fill_placeholders(std::string text, const std::string& dates, const std::string& municipal_year);

// Who an edition is for: the public, from whom exempt business is withheld,
// or the members, who receive all of it marked "Not for publication".
enum class Audience { Public, Members };

struct PlacedDocument {
    const model::Document* source = nullptr;
    std::string id;     // page name inside the meeting folder, stable across builds
    std::string title;  // what links and page titles call it
    std::string stamp;  // "Agenda Item 8", "Agenda Item 8, Appendix 1"
    int item_number = 0;
    int appendix_number = 0;  // 0 when the document is not an appendix
    // The report whose appendix this is (its place in the item): the item's
    // report, or a report to another decision-maker filed after it. -1: none.
    int owner = -1;
    // Exempt under this paragraph of Schedule 12A (its own, or its item's); 0: open.
    model::ExemptParagraph exempt = 0;
    // Exempt and this edition is public: listed where the agenda and cover
    // sheet name it, never composed, printed or published.
    bool withheld = false;
};

struct PlannedItem {
    int number = 0;
    std::string title;
    model::Markdown description;  // placeholders filled
    std::vector<PlacedDocument> documents;  // withheld ones too, in their places
    model::ExemptParagraph exempt = 0;      // the whole item is exempt business
    bool exclusion_motion = false;          // the motion to exclude the press and public before exempt business
    SourceLocation where;
};

struct MeetingPlan {
    const model::Committee* committee = nullptr;
    const model::Meeting* meeting = nullptr;
    std::string id;  // children-and-families-2024-09-26: a permalink
    int municipal_year = 0;
    const model::MunicipalYear* year = nullptr;  // null when no year file covers it
    std::vector<std::string> members;
    std::vector<std::string> appointed_members;
    std::vector<model::Contact> contacts;
    std::string signatory;
    std::vector<PlannedItem> agenda;
    std::optional<PlacedDocument> own_minutes;
    Audience audience = Audience::Public;

    // What this edition composes, prints and publishes: agenda order, then
    // own minutes; withheld documents are not among them.
    std::vector<const PlacedDocument*> documents() const;
    const PlannedItem* item_of(const model::Document* document) const;
};

// ---- RAG ratings and direction of travel -----------------------------------

using model::Polarity;
using model::RagRules;
using model::Tolerance;
enum class Rag { None, Red, Amber, Green };
enum class Direction { None, Improving, Stable, Worsening };

// Green on or beyond the target; Amber short of it by no more than the
// tolerance; Red beyond that. None without a polarity.
Rag rate(double value, double target, Polarity polarity, const Tolerance& tolerance);

// The latest value against the one before it (missing months skipped).
struct Movement {
    Direction direction = Direction::None;
    double from = 0, to = 0;  // the two values compared
    int sign = 0;             // +1 rose, -1 fell, 0 level (within the stable band)
};
Movement direction_of_travel(const std::vector<std::optional<double>>& values, Polarity polarity, const Tolerance& stable_within);

std::string rag_word(Rag rag);              // "Green"
std::string direction_word(Direction d);    // "Improving"

MeetingPlan plan_meeting(const model::Site& site, const model::Committee& committee, const model::Meeting& meeting,
                         Audience audience = Audience::Public);

// Every meeting of the site, planned, newest first within each committee;
// validates what only shows across files (duplicate ids, dates outside years).
std::vector<MeetingPlan> plan_site(const model::Site& site, Audience audience = Audience::Public);

// "paragraph 3", "paragraphs 1 and 3" of Schedule 12A.
std::string exempt_paragraphs(std::vector<model::ExemptParagraph> paragraphs);

}  // namespace agendapack::compute
