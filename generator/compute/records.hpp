// The decision book: minute numbers carried on through each municipal year
// and every RESOLVED decision of every committee's minutes, with a stable id.
// Worked out from the minutes' Markdown itself, once per site, before any
// meeting is composed: the monitoring tables and minute numbers of later
// meetings depend on it.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "../doc/doc.hpp"
#include "compute.hpp"

namespace agendapack::compute {

// A decision of a minute's RESOLVED block: one per item of its list, or the
// block itself when it has none.
struct Resolution {
    std::string id;  // "2024-08-08/11/1": held, minute number, place in the list
    Date held;
    int minute = 0;
    std::string title;     // the minute's heading, as written
    doc::Inlines text;     // "That …"
    std::string minutes_document;  // document id of the minutes, and the meeting whose pack carries them
    std::string meeting_id;
    doc::Blocks parts;     // its sub-items a), b) … as the minutes list them (a list), or none
};

// A decision's words on one line: its text, then each sub-item's label and
// text (the exports and the meeting keys use it).
std::string decision_words(const Resolution& r);

// A place a meeting's minutes are published: the pack of the meeting that
// carries them (usually the next one, which approves them).
struct PublishedMinutes {
    std::string meeting_id;   // the meeting whose pack carries them
    std::string document_id;  // their page in that meeting
    std::string title;
    Date meeting_date;
};

struct Records {
    std::map<std::string, int> minute_starts;  // "<committee>/<held>" → its first minute number
    std::map<std::string, std::vector<Resolution>> resolutions;  // by committee, in held order
    std::map<std::string, std::vector<PublishedMinutes>> published;  // "<committee>/<held>" → where, in site order
};

// Where the minutes of `plan`'s meeting are published; empty when nowhere yet.
const std::vector<PublishedMinutes>& published_minutes(const Records& records, const MeetingPlan& plan);

// Reads every committee's minutes in date order: numbers them on through each
// municipal year (unless `first_minute` says otherwise), collects their
// resolutions, and checks the committee's recommendation statuses against them.
Records prepare_records(const model::Site& site, const std::vector<MeetingPlan>& plans);

// The number of a minutes document's first minute.
int minute_start(const Records& records, const std::string& committee, const model::MinutesHeader& header);

// A minutes document's minutes as its Markdown has them: each `#`/`##`
// heading starts one; a paragraph beginning RESOLVED and the lists after it
// are one resolution. Text before the first heading is left to compose,
// which reports it where the officer wrote it.
struct Minute {
    std::string title;  // the heading as written (plain text)
    struct Resolved {
        doc::Block lead;                 // the RESOLVED paragraph
        std::optional<doc::Block> list;  // the first list after it, if any
    };
    std::vector<Resolved> resolutions;
};
std::vector<Minute> outline_minutes(const model::Markdown& body);

}  // namespace agendapack::compute
