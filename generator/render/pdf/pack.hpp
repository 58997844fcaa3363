// Private to the PDF renderer: a meeting's pack between layout and writing.
#pragma once

#include "layout.hpp"

namespace agendapack::render::pdf {

struct Pack {
    const Style* style = nullptr;
    const Fonts* fonts = nullptr;
    std::vector<LaidOutDocument> documents;  // agenda order
    PageRanges ranges;
    int numbered_pages = 0;  // Page 1 … N, padding included
    std::map<std::string, int> anchor_pages;  // document ids and "id#anchor" → printed page number
    // The front sheet, public information and agenda, laid out once the
    // agenda has its ranges (lay_out_front); unnumbered pages before Page 1.
    std::vector<std::vector<Page>> front;

    // The printed number for a page reference; counted from the first page
    // of `relative_to` when given. "" when the anchor is not in the pack.
    std::string page_number(const std::string& target, const std::string& relative_to) const;
};

}  // namespace agendapack::render::pdf
