// Phase 4c: the tagged PDF's structure tree (PDF 1.7, 14.7–14.8). Drawing
// marked each page's content as an element's (an MCID) or as an artifact;
// this links those marks, in reading order, into one tree: Document › a
// Sect per document of the file › the elements collect made (headings,
// paragraphs, lists, tables, figures with their words, links with their
// annotations).
//
// A pack's tree has thousands of small elements. Written one libharu
// object at a time they tripled the file and doubled the time to write it,
// so the tree is built here and appended to the saved file as an update:
// its elements packed in compressed object streams, found through a
// cross-reference stream (PDF 1.5, allowed by PDF/A-2). Before saving, the
// catalog is given the tree's root (an object the update fills in),
// MarkInfo, and each page and link annotation its key in the parent tree.
#pragma once

#include <hpdf.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "layout.hpp"
#include "update.hpp"

namespace agendapack::render::pdf {

struct TaggedPage {
    HPDF_Page page = nullptr;
    const Structure* structure = nullptr;     // null: a padding page, furniture only
    const std::vector<int>* marks = nullptr;  // each MCID's element
    std::vector<std::pair<HPDF_Annotation, int>> links;  // each link annotation and its Link element
};

class StructureTree {
public:
    // Before saving: the tree of `pages` (the file's, in order), under a
    // Document element named `title`.
    StructureTree(HPDF_Doc pdf, const std::string& title, const std::vector<TaggedPage>& pages);
    // After saving: the tree's objects added to the saved file's update,
    // its elements numbered from `next_object` (the first number free).
    void append_to(Update& update, uint32_t next_object) const;

    struct Kid {
        enum Kind : uint8_t { Element, Mcid, MarkedRef, ObjectRef } kind;
        uint32_t a = 0;  // element index; or MCID; or the annotation's object
        uint32_t page = 0;  // MarkedRef, ObjectRef: the page's object
    };
    struct Element {
        const char* role = "";
        int parent = -1;     // element index; -1: the tree's root
        uint32_t page = 0;   // its first content's page object (/Pg); 0: none
        std::string extras;  // /T, /Alt, /A, written as they are
        std::vector<Kid> kids;
    };

private:
    uint32_t root_ = 0;  // the StructTreeRoot's object, written by libharu empty and filled by the update
    std::vector<Element> elements_;
    std::vector<std::vector<uint32_t>> parent_tree_;  // key → elements (a page's, by MCID; an annotation's, one)
    size_t page_keys_ = 0;                            // keys below this are pages'; the rest annotations
};

// Text for a PDF text string (/T, /Alt, /Contents): UTF-16BE with its
// byte-order mark; printable ASCII is written as it is instead, which every
// reader shows.
std::string utf16_text(const std::string& utf8);
bool printable_ascii(const std::string& text);

}  // namespace agendapack::render::pdf
