// Reading and placing received PDFs needs qpdf and poppler, which bring
// thirty shared libraries with them: loading those costs every run of
// agendapack about 5 ms, more than a tenth of building a pack. So they live
// in a module of their own (agendapack-pdfio.so, beside the program),
// loaded the first time a meeting lists a PDF or its pack is cut into one
// PDF per agenda item. Its interface is plain data:
// no exception and no type of the generator's crosses it.
#pragma once

#include <string>
#include <vector>

#include "../support/received_pdf.hpp"

namespace agendapack::pdfio {

struct Summary {
    std::string title;  // the Title metadata, "" when none
    int pages = 0;
};

// A received page drawn on a sheet of the pack: its lower left corner and scale.
struct Placement {
    size_t sheet = 0;
    const ReceivedPdf* pdf = nullptr;
    int page = 0;
    double x = 0, y = 0, scale = 1;
    // The page's mark in a tagged pack: drawn as this MCID of a Figure
    // element; -1: not tagged.
    int mcid = -1;
};

struct Module {
    int version;  // kVersion: a module from another build is refused
    // Checks the whole file; false and `error` ("is damaged …", said of the
    // file) when it cannot be printed faithfully.
    bool (*inspect)(const std::string& bytes, const std::string& name, Summary& out, std::string& error);
    // The same checks, then pages, ink, lines of words and bookmarks (not the bytes).
    bool (*read)(const std::string& bytes, const std::string& name, ReceivedPdf& out, std::string& error);
    // The pack with each placement's page drawn under its sheet's content.
    bool (*assemble)(const std::string& pack, const std::vector<Placement>& placements, std::string& out, std::string& error);
};
inline constexpr int kVersion = 4;

// The module, loaded once; throws std::runtime_error when it cannot be found.
const Module& module();

}  // namespace agendapack::pdfio

extern "C" const agendapack::pdfio::Module* agendapack_pdfio_module();
