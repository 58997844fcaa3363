#include "records.hpp"

#include <algorithm>
#include <set>

namespace agendapack::compute {

namespace {

using doc::Block;

std::string key(const std::string& committee, const Date& held) { return committee + "/" + iso(held); }

bool starts_resolution(const Block& block) {
    return block.kind == Block::Kind::Paragraph && doc::plain_text(block.inlines).rfind("RESOLVED", 0) == 0;
}

// "RESOLVED that the report be noted." → "That the report be noted."
doc::Inlines decision_text(const Block& lead) {
    doc::Inlines out;
    bool first = true;
    for (const auto& i : lead.inlines) {
        if (first) {
            first = false;
            if (i.kind == doc::Inline::Kind::Strong) continue;  // the word RESOLVED, already bold
            if (i.kind == doc::Inline::Kind::Text && i.text.rfind("RESOLVED", 0) == 0) {
                std::string rest = trim(i.text.substr(8));
                if (!rest.empty() && rest[0] == ':') rest = trim(rest.substr(1));
                if (!rest.empty()) out.push_back(doc::text(rest));
                continue;
            }
        }
        out.push_back(i);
    }
    if (!out.empty() && out.front().kind == doc::Inline::Kind::Text) {
        std::string& t = out.front().text;
        t = trim(t);
        if (!t.empty() && t[0] == ':') t = trim(t.substr(1));
        if (!t.empty()) t[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(t[0])));
    }
    return out;
}

// Approving the minutes and the standard items decide nothing to follow up.
bool procedural(const std::string& title, const model::Committee& committee) {
    std::string upper = to_upper(title);
    if (upper == to_upper(committee.minutes_item.title)) return true;
    for (const auto& s : committee.standard_items)
        if (upper == to_upper(s.title)) return true;
    return false;
}

struct MinutesSource {
    const model::Document* document;
    const MeetingPlan* plan;  // the meeting whose pack carries it
    std::string id;
};

}  // namespace

std::vector<Minute> outline_minutes(const model::Markdown& body) {
    std::vector<Minute> minutes;
    bool in_resolution = false;
    for (auto& block : doc::markdown(body)) {
        if (block.kind == Block::Kind::Heading && block.level <= 2) {
            minutes.push_back({doc::plain_text(block.inlines), {}});
            in_resolution = false;
        } else if (minutes.empty()) {
            continue;
        } else if (starts_resolution(block)) {
            minutes.back().resolutions.push_back({std::move(block), std::nullopt});
            in_resolution = true;
        } else if (in_resolution && block.kind == Block::Kind::List) {
            auto& resolved = minutes.back().resolutions.back();
            if (!resolved.list) resolved.list = std::move(block);
        } else {
            in_resolution = false;
        }
    }
    return minutes;
}

const std::vector<PublishedMinutes>& published_minutes(const Records& records, const MeetingPlan& plan) {
    static const std::vector<PublishedMinutes> none;
    auto it = records.published.find(key(plan.committee->slug, plan.meeting->date));
    return it == records.published.end() ? none : it->second;
}

int minute_start(const Records& records, const std::string& committee, const model::MinutesHeader& header) {
    if (header.first_minute) return *header.first_minute;
    auto it = records.minute_starts.find(key(committee, header.held));
    return it != records.minute_starts.end() ? it->second : 1;
}

Records prepare_records(const model::Site& site, const std::vector<MeetingPlan>& plans) {
    Records records;
    for (const auto& committee : site.committees) {
        std::vector<MinutesSource> sources;
        std::set<Date> seen;
        for (const auto& plan : plans) {
            if (plan.committee != &committee) continue;
            for (const auto* placed : plan.documents()) {
                if (placed->source->kind != model::DocumentKind::Minutes) continue;
                const Date& held = placed->source->minutes.held;
                records.published[key(committee.slug, held)].push_back({plan.id, placed->id, placed->title, plan.meeting->date});
                if (seen.insert(held).second) sources.push_back({placed->source, &plan, placed->id});
            }
        }
        std::sort(sources.begin(), sources.end(), [](const auto& a, const auto& b) { return a.document->minutes.held < b.document->minutes.held; });

        // Numbering runs on within a municipal year and restarts with the next.
        int next = 1, year = 0;
        std::vector<Resolution>& resolutions = records.resolutions[committee.slug];
        for (const auto& s : sources) {
            const model::MinutesHeader& header = s.document->minutes;
            int this_year = header.held.month >= committee.minutes_restart_month ? header.held.year : header.held.year - 1;
            if (this_year != year) next = 1, year = this_year;
            const int start = header.first_minute.value_or(next);
            records.minute_starts[key(committee.slug, header.held)] = start;
            const std::vector<Minute> minutes = outline_minutes(s.document->body);
            next = start + static_cast<int>(minutes.size());
            for (size_t m = 0; m < minutes.size(); ++m) {
                const int number = start + static_cast<int>(m);
                auto add = [&](int n, doc::Inlines text) {
                    resolutions.push_back({iso(header.held) + "/" + std::to_string(number) + "/" + std::to_string(n), header.held, number,
                                           minutes[m].title, std::move(text), s.id, s.plan->id});
                };
                for (const auto& resolved : minutes[m].resolutions) {
                    if (resolved.list) {
                        int n = 0;
                        for (const auto& item : resolved.list->children) {
                            doc::Inlines text;
                            doc::Blocks parts;
                            for (const auto& p : item.children)
                                if (p.kind == Block::Kind::Paragraph) {
                                    if (!text.empty()) text.push_back(doc::text(" "));
                                    text.insert(text.end(), p.inlines.begin(), p.inlines.end());
                                } else if (p.kind == Block::Kind::List) {
                                    parts.push_back(p);  // a) … b) …: kept with the decision
                                }
                            add(++n, std::move(text));
                            resolutions.back().parts = std::move(parts);
                        }
                    } else if (!procedural(minutes[m].title, committee)) {
                        add(1, decision_text(resolved.lead));
                    }
                }
            }
        }

        // Every status names a decision agendapack knows, or stands alone.
        std::vector<std::string> ids;
        for (const auto& r : resolutions) ids.push_back(r.id);
        for (const auto& status : committee.tracker) {
            if (!status.action_proposed.text.empty()) continue;
            if (std::find(ids.begin(), ids.end(), status.id) == ids.end())
                throw InputError(status.where, unknown_name("recommendation", status.id, ids) +
                                                   ": no minutes in content/ record it (give an older one its own 'title' and 'action_proposed')");
        }
    }
    return records;
}

std::string decision_words(const Resolution& r) {
    std::string words = doc::plain_text(r.text);
    for (const auto& list : r.parts)
        for (const auto& item : list.children) {
            words += " " + item.label;
            for (const auto& b : item.children)
                if (b.kind == Block::Kind::Paragraph) words += " " + doc::plain_text(b.inlines);
        }
    return words;
}

}  // namespace agendapack::compute
