// The character codes the pack's fonts use. libharu's UTF-8 encoding makes
// every font map all 65,536 code points (a 128 KiB glyph map per font per
// pack, and most of the time spent writing a small pack). A pack prints a
// few hundred characters, so it gets an encoding of its own: each character
// it prints has a two-byte code (neither byte zero, as libharu reads text as
// C strings) that is also its CID, and each font maps only those.
#pragma once

#include <hpdf.h>

#include <set>
#include <string>
#include <vector>

namespace agendapack::render::pdf {

class PackEncoding {
public:
    // Code points above U+FFFF print as a space, as libharu's own UTF-8 encoding does.
    explicit PackEncoding(const std::set<char32_t>& code_points);

    // The codes of `utf8`'s characters. Throws std::logic_error for a
    // character not given to the constructor (a bug: the pack was not scanned).
    std::string encode(const std::string& utf8) const;
    // The same, appended to `out` (drawing reuses one buffer).
    void encode_into(const std::string& utf8, std::string& out) const;
    // The character a code stands for (space for a code not given out).
    char32_t character_of(uint16_t code) const;

    // Registers the encoding with the document under `name`, for HPDF_GetFont.
    void install(HPDF_Doc pdf, const char* name) const;

    // A ToUnicode CMap from these codes back to the characters, so text
    // copied, searched or read aloud comes back intact.
    std::string to_unicode_cmap() const;

    size_t size() const { return points_.size(); }

private:
    static uint16_t code_at(size_t index);  // 0x0101, 0x0102 … 0x01FF, 0x0201 …
    std::vector<char32_t> points_;          // by index
    std::vector<uint16_t> codes_;           // by code point (all in the BMP); 0 = none
};

}  // namespace agendapack::render::pdf
