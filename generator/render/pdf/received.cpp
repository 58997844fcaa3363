#include "received.hpp"

#include <algorithm>
#include <stdexcept>

#include "../../pdfio/pdfio.hpp"

namespace agendapack::render::pdf {

ReceivedPlacement place_on_sheet(const ReceivedPdf::Page& page, double sheet_width, double sheet_height,
                                 const std::vector<FurnitureItem>& furniture, bool fit) {
    ReceivedPlacement at;
    auto centre = [&](double scale, double bottom, double top) {
        at.scale = scale;
        at.x = (sheet_width - page.width * scale) / 2;
        at.y = bottom + (top - bottom - page.height * scale) / 2;
    };
    centre(std::min(sheet_width / page.width, sheet_height / page.height), 0, sheet_height);
    if (!fit || page.ink.empty()) return at;
    const std::array<double, 4> ink = {at.x + page.ink.x0 * at.scale, at.y + page.ink.y0 * at.scale,
                                       at.x + page.ink.x1 * at.scale, at.y + page.ink.y1 * at.scale};
    bool meets = false;
    double bottom = 0, top = sheet_height;
    for (const auto& item : furniture) {
        const auto area = item.area();
        meets = meets || (area[0] < ink[2] && ink[0] < area[2] && area[1] < ink[3] && ink[1] < area[3]);
        // Furniture sits at the head or the foot of the sheet: the band is what lies between.
        if (area[1] < sheet_height / 2) bottom = std::max(bottom, area[3] + 4);
        else top = std::min(top, area[1] - 4);
    }
    if (meets && top > bottom) centre(std::min(sheet_width / page.width, (top - bottom) / page.height), bottom, top);
    return at;
}

ReceivedForms::ReceivedForms(std::vector<ReceivedPlacement> placements) : placements_(std::move(placements)) {
    std::string error;
    forms_ = pdfio::module().open_forms(placements_, matrices_, error);
    if (!forms_) throw std::runtime_error("placing the received PDFs' pages failed: " + error);
}

ReceivedForms::~ReceivedForms() { pdfio::module().close_forms(forms_); }

std::vector<pdfio::FormObject> ReceivedForms::objects(const std::vector<size_t>& which, const std::vector<uint32_t>& form_numbers,
                                                      uint32_t first_dependency, uint32_t& dependencies) const {
    std::vector<pdfio::FormObject> out;
    std::string error;
    if (!pdfio::module().write_forms(forms_, which, form_numbers, first_dependency, out, dependencies, error))
        throw std::runtime_error("writing the received PDFs' pages failed: " + error);
    return out;
}

}  // namespace agendapack::render::pdf
