#include "received.hpp"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

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
    QPDF out;
    out.processMemoryFile("pack", pack.data(), pack.size());
    std::vector<QPDFPageObjectHelper> sheets = QPDFPageDocumentHelper(out).getAllPages();
    // Each received file is opened once and must stay open until the pack is written.
    std::map<const ReceivedPdf*, std::pair<std::unique_ptr<QPDF>, std::vector<QPDFPageObjectHelper>>> sources;
    for (const auto& placement : placements) {
        auto& [source, pages] = sources[placement.pdf];
        if (!source) {
            source = std::make_unique<QPDF>();
            source->setSuppressWarnings(true);
            source->processMemoryFile(placement.pdf->file_name.c_str(), placement.pdf->bytes.data(), placement.pdf->bytes.size());
            pages = QPDFPageDocumentHelper(*source).getAllPages();
        }
        if (placement.sheet >= sheets.size() || placement.page < 0 || static_cast<size_t>(placement.page) >= pages.size())
            throw std::logic_error("a received page was placed outside the pack");
        QPDFObjectHandle form = out.copyForeignObject(pages[static_cast<size_t>(placement.page)].getFormXObjectForPage());
        QPDFPageObjectHelper& sheet = sheets[placement.sheet];
        QPDFObjectHandle dict = sheet.getObjectHandle();
        QPDFObjectHandle resources = dict.getKey("/Resources");
        if (!resources.isDictionary()) {
            resources = QPDFObjectHandle::newDictionary();
            dict.replaceKey("/Resources", resources);
        }
        QPDFObjectHandle xobjects = resources.getKey("/XObject");
        if (!xobjects.isDictionary()) {
            xobjects = QPDFObjectHandle::newDictionary();
            resources.replaceKey("/XObject", xobjects);
        }
        int suffix = 0;
        const std::string name = resources.getUniqueResourceName("/Received", suffix);
        xobjects.replaceKey(name, form);
        const ReceivedPdf::Page& page = placement.pdf->pages[static_cast<size_t>(placement.page)];
        QPDFObjectHandle::Rectangle rect(placement.x, placement.y, placement.x + page.width * placement.scale,
                                         placement.y + page.height * placement.scale);
        // Drawn first, so the sheet's stamp and page number print over it.
        std::string content = "q\n" + sheet.placeFormXObject(form, name, rect, false, true, true) + "Q\n";
        sheet.addPageContents(QPDFObjectHandle::newStream(&out, content), true);
    }
    QPDFWriter writer(out);
    writer.setOutputMemory();
    writer.setDeterministicID(true);
    // Streams as they are: the pack's are compressed already, and a received
    // file's are its own; only the new placing streams are compressed.
    writer.setDecodeLevel(qpdf_dl_none);
    writer.setCompressStreams(true);
    writer.write();
    std::shared_ptr<Buffer> buffer = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

}  // namespace agendapack::render::pdf
