#include "encoding.hpp"

#include <hpdf_doc.h>
#include <hpdf_encoder.h>

#include <cstring>
#include <stdexcept>

#include "layout.hpp"

namespace agendapack::render::pdf {

namespace {

// Every code is a lead byte and a trail byte: libharu's CMap parser then
// alternates the two.
HPDF_BOOL any_byte(HPDF_Encoder, HPDF_BYTE) { return HPDF_TRUE; }

// The encoder is initialised in install(); libharu must never do it again.
HPDF_STATUS already_initialised(HPDF_Encoder) { return HPDF_INVALID_ENCODER; }

char32_t printable(char32_t cp) { return cp > 0xFFFF ? U' ' : cp; }

}  // namespace

PackEncoding::PackEncoding(const std::set<char32_t>& code_points) : codes_(0x10000, 0) {
    std::set<char32_t> bmp;
    for (char32_t cp : code_points) bmp.insert(printable(cp));
    bmp.insert(U' ');
    for (char32_t cp : bmp) {
        codes_[cp] = code_at(points_.size());
        points_.push_back(cp);
    }
}

uint16_t PackEncoding::code_at(size_t index) {
    return static_cast<uint16_t>(((1 + index / 255) << 8) | (1 + index % 255));
}

char32_t PackEncoding::character_of(uint16_t code) const {
    const size_t lead = code >> 8, trail = code & 0xFF;
    if (lead == 0 || trail == 0) return U' ';
    const size_t index = (lead - 1) * 255 + (trail - 1);
    return index < points_.size() ? points_[index] : U' ';
}

std::string PackEncoding::encode(const std::string& utf8) const {
    std::string out;
    encode_into(utf8, out);
    return out;
}

void PackEncoding::encode_into(const std::string& utf8, std::string& out) const {
    out.reserve(out.size() + utf8.size() * 2);
    for (size_t i = 0; i < utf8.size();) {
        const uint16_t code = codes_[printable(decode_utf8(utf8, i))];
        if (code == 0) throw std::logic_error("a character the pack encoding was not given");
        out += static_cast<char>(code >> 8);
        out += static_cast<char>(code & 0xFF);
    }
}

void PackEncoding::install(HPDF_Doc pdf, const char* name) const {
    HPDF_Encoder encoder = HPDF_CMapEncoder_New(pdf->mmgr, const_cast<char*>(name), already_initialised);
    if (!encoder || HPDF_CMapEncoder_InitAttr(encoder) != HPDF_OK) return;  // the caller checks the document's error
    auto* attr = static_cast<HPDF_CMapEncoderAttr>(encoder->attr);
    attr->is_lead_byte_fn = any_byte;
    attr->is_trial_byte_fn = any_byte;
    // Identity-H: the codes in the content streams are the CIDs themselves.
    std::strcpy(attr->registry, "Adobe");
    std::strcpy(attr->ordering, "Identity-H");
    attr->suppliment = 0;
    attr->writing_mode = HPDF_WMODE_HORIZONTAL;
    HPDF_CMapEncoder_AddCodeSpaceRange(encoder, {0x0000, 0xFFFF, 0});

    // Runs of consecutive codes, each its own CID; then each code's character.
    std::vector<HPDF_CidRange_Rec> ranges;
    std::vector<HPDF_UnicodeMap_Rec> characters;
    for (size_t i = 0; i < points_.size(); ++i) {
        uint16_t code = code_at(i);
        if (!ranges.empty() && ranges.back().to + 1 == code) ranges.back().to = code;
        else ranges.push_back({code, code, code});
        characters.push_back({code, static_cast<HPDF_UINT16>(points_[i])});
    }
    // libharu's glyph map stops one short of the highest CID: give it one to spare.
    uint16_t spare = code_at(points_.size());
    if (!ranges.empty() && ranges.back().to + 1 == spare) ranges.back().to = spare;
    else ranges.push_back({spare, spare, spare});
    characters.push_back({spare, 0x20});
    ranges.push_back({0xFFFF, 0xFFFF, 0});
    characters.push_back({0xFFFF, 0xFFFF});
    HPDF_CMapEncoder_AddCMap(encoder, ranges.data());
    HPDF_CMapEncoder_SetUnicodeArray(encoder, characters.data());
    encoder->type = HPDF_ENCODER_TYPE_DOUBLE_BYTE;
    HPDF_Doc_RegisterEncoder(pdf, encoder);
}

std::string PackEncoding::to_unicode_cmap() const {
    std::string cmap =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    for (size_t start = 0; start < points_.size(); start += 100) {
        size_t count = std::min<size_t>(100, points_.size() - start);
        cmap += std::to_string(count) + " beginbfchar\n";
        for (size_t i = start; i < start + count; ++i) {
            char line[32];
            std::snprintf(line, sizeof line, "<%04X> <%04X>\n", code_at(i), static_cast<unsigned>(points_[i]));
            cmap += line;
        }
        cmap += "endbfchar\n";
    }
    cmap += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    return cmap;
}

}  // namespace agendapack::render::pdf
