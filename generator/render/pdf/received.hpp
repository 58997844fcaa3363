// Phase 4c: the pages of received PDFs, placed on the sheets the pack keeps
// for them once libharu has written everything agendapack draws. qpdf
// assembles: each received page becomes a form XObject drawn under the
// sheet's own furniture (its stamp, its page number).
#pragma once

#include <string>
#include <vector>

#include "../../pdfio/pdfio.hpp"
#include "content.hpp"

namespace agendapack::render::pdf {

// Where a received page goes on its sheet: its lower left corner and scale.
using ReceivedPlacement = pdfio::Placement;

// A received page of any size scaled to fill the sheet (A4, turned as the
// page is), centred; if what it prints would meet the sheet's furniture and
// `fit` allows, shrunk into the band between the furniture instead.
ReceivedPlacement place_on_sheet(const ReceivedPdf::Page& page, double sheet_width, double sheet_height,
                                 const std::vector<FurnitureItem>& furniture, bool fit);

// The pack with every received page drawn on its sheet; deterministic bytes.
std::string add_received_pages(const std::string& pack, const std::vector<ReceivedPlacement>& placements);

}  // namespace agendapack::render::pdf
