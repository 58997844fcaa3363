// The pack's order and numbering: each agenda item's documents, every item
// starting on an odd page (padded with a blank page), numbered from 1 at the
// first document; the front matter before them is unnumbered.
#include <algorithm>

#include "../../support/parallel.hpp"
#include "layout.hpp"
#include "pack.hpp"

namespace agendapack::render::pdf {

namespace {

// Roughly what laying a document out costs: its blocks, and its tables' cells.
size_t weight(const doc::Document& document) {
    size_t weight = 0;
    doc::for_each_block(document.body, [&](const doc::Block& b) {
        ++weight;
        for (const auto& row : b.rows) weight += row.cells.size();
    });
    return weight;
}

// A received PDF's pages, each on a sheet of its own turned as it is, and
// each a Figure of its structure: a screen reader cannot read inside the
// file as it came, so it is told what the page is and where its words are.
std::vector<Page> received_pages(const doc::Document& document) {
    std::vector<Page> pages;
    auto structure = std::make_shared<Structure>();
    structure->title = document.title;
    const size_t count = document.received->pages.size();
    for (size_t p = 0; p < count; ++p) {
        StructNode figure;
        figure.role = StructNode::Role::Figure;
        figure.alt = document.title + ", page " + std::to_string(p + 1) + " of " + std::to_string(count) +
                     ", printed as it was received; its text is on the appendix's web page.";
        structure->nodes.push_back(std::move(figure));
    }
    for (size_t p = 0; p < count; ++p) {
        Page page;
        page.structure = structure;
        page.received_node = static_cast<int>(p);
        const auto& source = document.received->pages[p];
        page.landscape = source.width > source.height;
        page.received = document.received;
        page.received_page = static_cast<int>(p);
        page.fit = document.received_fit;
        pages.push_back(std::move(page));
    }
    return pages;
}

}  // namespace

std::shared_ptr<Pack> lay_out_pack(const compose::ComposedMeeting& meeting, const Style& style, const Fonts& fonts, int threads) {
    auto pack = std::make_shared<Pack>();
    pack->style = &style;
    pack->fonts = &fonts;
    // Each document is paginated on its own (it starts a fresh page), so
    // with threads to spare they are laid out side by side; numbering
    // follows in pack order.
    std::vector<const doc::Document*> in_pack;
    for (const auto& document : meeting.documents)
        if (document.agenda_number != 0) in_pack.push_back(&document);  // 0: published minutes of this meeting, not in its pack
    std::vector<std::vector<Page>> pages(in_pack.size());
    // The heaviest first, so one long appendix does not start last and leave
    // the other threads waiting for it.
    std::vector<size_t> heaviest_first(in_pack.size());
    std::vector<size_t> weights;
    for (size_t i = 0; i < in_pack.size(); ++i) heaviest_first[i] = i, weights.push_back(weight(*in_pack[i]));
    std::stable_sort(heaviest_first.begin(), heaviest_first.end(), [&](size_t a, size_t b) { return weights[a] > weights[b]; });
    parallel_for_scheduled(threads, heaviest_first, [&](size_t i) {
        pages[i] = in_pack[i]->received ? received_pages(*in_pack[i]) : paginate(collect(*in_pack[i], style), style, fonts);
    });

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
    for (size_t i = 0; i < in_pack.size(); ++i) {
        const doc::Document& document = *in_pack[i];
        if (document.agenda_number != current_item) {
            close_item();
            current_item = document.agenda_number;
            pack->ranges[current_item] = {next_page, next_page};
        }
        LaidOutDocument laid;
        laid.document = &document;
        laid.pages = std::move(pages[i]);
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

void lay_out_front(Pack& pack, const compose::ComposedMeeting& meeting) {
    pack.front.clear();
    for (const doc::Document* d : {&meeting.front_sheet, &meeting.public_information, &meeting.agenda})
        pack.front.push_back(paginate(collect(*d, *pack.style), *pack.style, *pack.fonts));
}

void place_in_pack(compose::ComposedMeeting& meeting, const Pack& pack) {
    int front = 0;
    for (const auto& pages : pack.front) front += static_cast<int>(pages.size());
    std::map<std::string, std::pair<int, int>> placed;
    for (const auto& laid : pack.documents)
        placed[laid.document->id] = {laid.first_page, laid.first_page + static_cast<int>(laid.pages.size()) - 1};
    for (auto& d : meeting.documents) {
        auto found = placed.find(d.id);
        if (found == placed.end()) continue;
        std::tie(d.pack_first, d.pack_last) = found->second;
        d.pack_front = front;
        doc::for_each_block(d.body, [&](doc::Block& b) {
            if (b.kind != doc::Block::Kind::Heading || b.id.empty()) return;
            if (auto page = pack.anchor_pages.find(d.id + "#" + b.id); page != pack.anchor_pages.end()) b.pack_page = page->second;
        });
    }
}

}  // namespace agendapack::render::pdf
