// Phase 4c: the tagged PDF's structure tree (PDF 1.7, 14.7–14.8). Drawing
// marked each page's content as an element's (an MCID) or as an artifact;
// this links those marks, in reading order, into one tree: Document › a
// Sect per document of the file › the elements collect made (headings,
// paragraphs, lists, tables, figures with their words, links with their
// annotations). Runs on the writer's thread, through libharu's objects.
#pragma once

#include <hpdf.h>

#include <utility>
#include <vector>

#include "layout.hpp"

namespace agendapack::render::pdf {

struct TaggedPage {
    HPDF_Page page = nullptr;
    const Structure* structure = nullptr;  // null: a padding page, furniture only
    const std::vector<int>* marks = nullptr;  // each MCID's element
    std::vector<std::pair<HPDF_Annotation, int>> links;  // each link annotation and its Link element
};

// Adds the structure tree, the parent tree, MarkInfo and each page's
// StructParents. `title` names the Document element. Throws on libharu errors
// through the document's error handler (the writer checks after).
void add_structure_tree(HPDF_Doc pdf, const std::string& title, const std::vector<TaggedPage>& pages);

// Text for a PDF text string (/T, /Alt): UTF-16BE with its byte-order mark.
std::string utf16_text(const std::string& utf8);

}  // namespace agendapack::render::pdf
