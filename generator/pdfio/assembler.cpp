// In the module: the pack with received pages placed on their sheets. qpdf
// turns each received page into a form XObject and draws it first on its
// sheet, so the sheet's own stamp and page number print over it.
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <map>
#include <memory>
#include <stdexcept>

#include "module.hpp"

namespace agendapack::pdfio {

namespace {

std::string assembled(const std::string& pack, const std::vector<Placement>& placements) {
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
            throw std::runtime_error("a received page was placed outside the pack");
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
        // Drawn first, so the sheet's stamp and page number print over it;
        // in a tagged pack, as the Figure the structure tree has for it.
        std::string content = "q\n" + sheet.placeFormXObject(form, name, rect, false, true, true) + "Q\n";
        if (placement.mcid >= 0) content = "/Figure <</MCID " + std::to_string(placement.mcid) + ">> BDC\n" + content + "EMC\n";
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

}  // namespace

bool assemble(const std::string& pack, const std::vector<Placement>& placements, std::string& out, std::string& error) {
    try {
        out = assembled(pack, placements);
        return true;
    } catch (const std::exception& e) {
        error = e.what();
        return false;
    }
}

}  // namespace agendapack::pdfio
