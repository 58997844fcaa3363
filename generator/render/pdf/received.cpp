#include "received.hpp"

#include "../../pdfio/pdfio.hpp"


#include <algorithm>
#include <map>
#include <memory>
#include <stdexcept>

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

std::string add_received_pages(const std::string& pack, const std::vector<ReceivedPlacement>& placements) {
    if (placements.empty()) return pack;
    std::string out, error;
    if (!pdfio::module().assemble(pack, placements, out, error)) throw std::runtime_error("placing the received PDFs' pages failed: " + error);
    return out;
}

}  // namespace agendapack::render::pdf
