// Reading and placing received PDFs needs qpdf and poppler, which bring
// thirty shared libraries with them: loading those costs every run of
// agendapack about 5 ms, more than a tenth of building a pack. So they live
// in a module of their own (agendapack-pdfio.so, beside the program),
// loaded the first time a meeting lists a PDF or its pack is cut into one
// PDF per agenda item. Its interface is plain data:
// no exception and no type of the generator's crosses it.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "../support/received_pdf.hpp"

namespace agendapack::pdfio {

struct Summary {
    std::string title;  // the Title metadata, "" when none
    int pages = 0;
};

// A received page drawn on a sheet of the pack: its lower left corner and
// scale (`sheet`, the pack's sheet, is the writer's, unread here).
struct Placement {
    size_t sheet = 0;
    const ReceivedPdf* pdf = nullptr;
    int page = 0;
    double x = 0, y = 0, scale = 1;
};

// Received pages copied as form XObjects, for the PDFs the writer is making
// of one meeting (the pack and its items): the received files stay open
// until the forms are closed.
struct Forms;
// One object of them: its number and body ("<<…>>", "[…]", or a stream's
// "<<…>>\nstream\n…\nendstream"), as written between "N 0 obj" and "endobj".
struct FormObject {
    uint32_t number = 0;
    std::string body;
    bool stream = false;
};

struct Module {
    int version;  // kVersion: a module from another build is refused
    // Checks the whole file; false and `error` ("is damaged …", said of the
    // file) when it cannot be printed faithfully.
    bool (*inspect)(const std::string& bytes, const std::string& name, Summary& out, std::string& error);
    // The same checks, then pages, ink, lines of words and bookmarks (not the bytes).
    bool (*read)(const std::string& bytes, const std::string& name, ReceivedPdf& out, std::string& error);
    // Each placement's page copied as a form XObject: `matrices` gets the
    // matrix ("a b c d e f") drawing each form onto its placement. Null (and
    // `error`) when a page cannot be copied; else freed by close_forms.
    Forms* (*open_forms)(const std::vector<Placement>& placements, std::vector<std::string>& matrices, std::string& error);
    // The forms of one file and what they draw with: placement which[k]'s
    // form numbered form_numbers[k], the objects it draws with from
    // first_dependency on (`dependencies` of them). Several files' at once
    // from different threads: one at a time inside.
    bool (*write_forms)(Forms* forms, const std::vector<size_t>& which, const std::vector<uint32_t>& form_numbers,
                        uint32_t first_dependency, std::vector<FormObject>& objects, uint32_t& dependencies, std::string& error);
    void (*close_forms)(Forms* forms);
};
inline constexpr int kVersion = 6;

// The module, loaded once; throws std::runtime_error when it cannot be found.
const Module& module();

}  // namespace agendapack::pdfio

extern "C" const agendapack::pdfio::Module* agendapack_pdfio_module();
