// PDF appendices as load sees them: read through the PDF module (pdfio),
// whose complaints become errors at the line of meeting.yaml that lists the file.
#include "../pdfio/pdfio.hpp"
#include "load.hpp"

namespace agendapack::load {

PdfSummary inspect_pdf(const std::string& bytes, const std::string& name, const SourceLocation& listed_at) {
    // Not a PDF at all needs no module to say so.
    if (bytes.compare(0, 5, "%PDF-") != 0)
        throw InputError(listed_at, "'" + name + "' is not a PDF file (it does not start with %PDF-): export the document as PDF, "
                                    "or list a Markdown file instead");
    pdfio::Summary summary;
    std::string error;
    if (!pdfio::module().inspect(bytes, name, summary, error)) throw InputError(listed_at, "'" + name + "' " + error);
    return {summary.title, summary.pages};
}

std::shared_ptr<const ReceivedPdf> read_received_pdf(std::string bytes, const std::string& name, const SourceLocation& listed_at) {
    auto received = std::make_shared<ReceivedPdf>();
    std::string error;
    if (!pdfio::module().read(bytes, name, *received, error)) throw InputError(listed_at, "'" + name + "' " + error);
    received->bytes = std::move(bytes);
    return received;
}

}  // namespace agendapack::load
