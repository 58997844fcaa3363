// The pack's order and numbering: each agenda item's documents, every item
// starting on an odd page (padded with a blank page), numbered from 1 at the
// first document; the front matter before them is unnumbered.
#include "layout.hpp"
#include "pack.hpp"

namespace agendapack::render::pdf {

std::shared_ptr<Pack> lay_out_pack(const compose::ComposedMeeting& meeting, const Style& style, const Fonts& fonts) {
    auto pack = std::make_shared<Pack>();
    pack->style = &style;
    pack->fonts = &fonts;
    int next_page = 1;
    int current_item = 0;
    auto close_item = [&] {
        if (current_item == 0) return;
        auto& last = pack->documents.back();
        if (style.pad_items_to_odd_pages && (next_page - 1) % 2 == 1) {
            last.padding_after = true;
            ++next_page;
        }
        pack->ranges[current_item].second = next_page - 1;
    };
    for (const auto& document : meeting.documents) {
        if (document.agenda_number == 0) continue;  // published minutes of this meeting: not part of its pack
        if (document.agenda_number != current_item) {
            close_item();
            current_item = document.agenda_number;
            pack->ranges[current_item] = {next_page, next_page};
        }
        LaidOutDocument laid;
        laid.document = &document;
        laid.pages = paginate(collect(document, style), style, fonts);
        laid.first_page = next_page;
        next_page += static_cast<int>(laid.pages.size());
        pack->documents.push_back(std::move(laid));
    }
    close_item();
    pack->numbered_pages = next_page - 1;
    for (const auto& laid : pack->documents) {
        pack->anchor_pages[laid.document->id] = laid.first_page;
        for (size_t p = 0; p < laid.pages.size(); ++p)
            for (const auto& anchor : laid.pages[p].anchors) pack->anchor_pages.emplace(anchor, laid.first_page + static_cast<int>(p));
    }
    return pack;
}

std::string Pack::page_number(const std::string& target, const std::string& relative_to) const {
    auto page = anchor_pages.find(target);
    if (page == anchor_pages.end()) return "";
    int number = page->second;
    if (!relative_to.empty()) {
        auto first = anchor_pages.find(relative_to);
        if (first == anchor_pages.end()) return "";
        number = number - first->second + 1;
    }
    return std::to_string(number);
}

void resolve_page_refs(compose::ComposedMeeting& meeting, const Pack& pack) {
    for (auto& d : meeting.documents)
        doc::for_each_inline(d.body, [&](doc::Inline& i) {
            if (i.kind == doc::Inline::Kind::PageRef) i.text = pack.page_number(i.target, i.relative_to);
        });
}

PageRanges item_page_ranges(const Pack& pack) { return pack.ranges; }

}  // namespace agendapack::render::pdf
