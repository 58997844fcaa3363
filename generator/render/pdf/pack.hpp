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
};

}  // namespace agendapack::render::pdf
