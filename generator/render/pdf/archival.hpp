// Phase 4b, last step before saving: what makes a file libharu writes a
// PDF/A-2u archival file (ISO 19005-2, level U) beyond what it draws. The
// document information, an XMP packet saying the same things and claiming
// PDF/A-2u, an sRGB output intent (the pack paints in DeviceRGB), a file
// identifier and a header that PDF/A accepts. Nothing here draws or tags:
// it only adds objects, so every page looks as it did.
#pragma once

#include <hpdf.h>

#include <string>

#include "../../support/support.hpp"

namespace agendapack::render::pdf {

// What the file says about itself, as plain text (UTF-8). The date is the
// meeting's issue date, never the clock; the seed names the file (the pack
// or one of its items) for its identifier.
struct ArchivalFacts {
    std::string title;     // Info /Title, dc:title
    std::string author;    // Info /Author, dc:creator: the council
    std::string subject;   // Info /Subject, dc:description
    std::string keywords;  // Info /Keywords, pdf:Keywords
    std::string creator;   // Info /Creator, xmp:CreatorTool
    Date issued;           // Info /CreationDate and /ModDate, xmp:CreateDate and xmp:ModifyDate
    std::string id_seed;   // the trailer's /ID: the first 16 bytes of its SHA-256
};

// Adds the XMP metadata, the output intent and the file identifier, sets
// the information dictionary's dates, and raises the header to PDF 1.7.
// libharu errors reach the document's error handler (the caller checks);
// a missing colour profile throws, naming the Debian package that has it.
void make_archival(HPDF_Doc pdf, const ArchivalFacts& facts);

// The sRGB profile (icc-profiles-free), read once per process, and where
// it is (outside the sources, like the fonts: it reaches every pack).
const std::string& srgb_profile();
const char* srgb_profile_path();

// The XMP packet for `facts` with libharu's `producer`: what make_archival embeds.
std::string xmp_packet(const ArchivalFacts& facts, const std::string& producer);

}  // namespace agendapack::render::pdf
