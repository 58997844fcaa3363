// Phase 4: the planned meeting into format-neutral document trees, one per
// page of the site / section of the pack. Markdown is parsed here, once.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "../compute/compute.hpp"
#include "../doc/doc.hpp"
#include "../model/model.hpp"
#include "../support/support.hpp"

namespace agendapack::compose {

struct Context {
    const model::Site& site;
    const FileSystem& fs;
    std::string data_dir;
};

// First and last pack page of each agenda item's documents, by item number,
// from the PDF layout; empty until the pack has been laid out.
using PageRanges = std::map<int, std::pair<int, int>>;

struct ComposedMeeting {
    const compute::MeetingPlan* plan = nullptr;
    doc::Document front_sheet;
    doc::Document public_information;
    doc::Document agenda;
    std::vector<doc::Document> documents;  // agenda order; ids from the plan
};

ComposedMeeting compose_meeting(const Context& context, const compute::MeetingPlan& plan);

// The pieces, exposed for focused tests.
doc::Document compose_front_sheet(const Context& context, const compute::MeetingPlan& plan);
doc::Document compose_public_information(const Context& context, const compute::MeetingPlan& plan);
doc::Document compose_agenda(const Context& context, const compute::MeetingPlan& plan, const PageRanges& pages = {});
doc::Document compose_report(const Context& context, const compute::MeetingPlan& plan, const compute::PlacedDocument& placed);
doc::Document compose_minutes(const Context& context, const compute::MeetingPlan& plan, const compute::PlacedDocument& placed);
doc::Document compose_appendix(const Context& context, const compute::MeetingPlan& plan, const compute::PlacedDocument& placed);

// An empty document of the pack's own (front sheet, agenda …) or placed by the plan.
doc::Document new_document(doc::Document::Kind kind, std::string id, std::string title);
doc::Document new_document(doc::Document::Kind kind, const compute::PlacedDocument& placed);

// Markdown with agendapack's fenced blocks (```table) resolved against data/.
doc::Blocks content_blocks(const Context& context, const model::Markdown& markdown, doc::MarkdownOptions options = {});

// A scorecard table and its legend, from loaded scorecard data.
doc::Blocks scorecard_blocks(const Context& context, const model::Scorecard& card, const doc::Inlines& caption);

// A picture from ![alt](file): the file sits beside the document that names it.
doc::Block load_figure(const Context& context, const std::string& file, const std::string& alt, const SourceLocation& where);

// "Councillors A (Chair), B and C" / "Councillor A".
std::string councillors(const std::vector<std::string>& names);

}  // namespace agendapack::compose
