// Phase 4c: the pages of received PDFs, on the sheets the pack keeps for
// them. Each received page becomes a form XObject (copied by qpdf in the
// PDF module), drawn first on its sheet so the sheet's own furniture (its
// stamp, its page number) prints over it; the forms go into the file's
// update after libharu has saved it.
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

// The received pages of a meeting's files, copied as forms once for the
// pack and the items that hold them.
class ReceivedForms {
public:
    // Throws std::runtime_error when a page cannot be copied.
    explicit ReceivedForms(std::vector<ReceivedPlacement> placements);
    ~ReceivedForms();
    ReceivedForms(const ReceivedForms&) = delete;
    ReceivedForms& operator=(const ReceivedForms&) = delete;

    const std::vector<ReceivedPlacement>& placements() const { return placements_; }
    // The matrix drawing placement k's form onto its place: "a b c d e f".
    const std::string& matrix(size_t k) const { return matrices_[k]; }
    // One file's forms: placement which[k]'s as object form_numbers[k], what
    // they draw with numbered from first_dependency on, `dependencies` of
    // them. Several files may ask at once.
    std::vector<pdfio::FormObject> objects(const std::vector<size_t>& which, const std::vector<uint32_t>& form_numbers,
                                           uint32_t first_dependency, uint32_t& dependencies) const;

private:
    std::vector<ReceivedPlacement> placements_;
    std::vector<std::string> matrices_;
    pdfio::Forms* forms_ = nullptr;
};

}  // namespace agendapack::render::pdf
