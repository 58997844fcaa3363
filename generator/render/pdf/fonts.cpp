// FreeType reads the same TrueType files libharu embeds: coverage and advance
// widths come from the fonts themselves (hmtx), which is what libharu draws.
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H

#include <array>
#include <memory>
#include <unordered_map>

#include "layout.hpp"

namespace agendapack::render::pdf {

struct Fonts::Impl {
    FT_Library library = nullptr;
    // [face][slot]: slot 0 is the face's own file, slot 1 its fallback.
    std::array<std::array<FT_Face, 2>, 4> faces{};
    std::array<std::array<std::string, 2>, 4> files;
    // Layout asks for every character, so answers are kept in flat tables,
    // a block of 256 code points at a time, filled as characters are met:
    // which file draws (face, codepoint), and advance widths in em per
    // (face, slot, codepoint). Characters beyond the Basic Multilingual
    // Plane, rare in packs, go to the maps.
    static constexpr int kBlocks = 256;
    struct SlotBlock {
        std::array<int8_t, 256> slot;
        SlotBlock() { slot.fill(kUnknown); }
    };
    struct AdvanceBlock {
        std::array<double, 256> em;
        AdvanceBlock() { em.fill(-1); }
    };
    static constexpr int8_t kUnknown = -2;
    mutable std::array<std::array<std::unique_ptr<SlotBlock>, kBlocks>, 4> slot_blocks;
    mutable std::array<std::array<std::array<std::unique_ptr<AdvanceBlock>, kBlocks>, 2>, 4> advance_blocks;
    mutable std::unordered_map<uint64_t, double> advances;
    mutable std::unordered_map<uint64_t, int> slots;

    int find_slot(int face, char32_t codepoint) const {
        for (int slot = 0; slot < 2; ++slot)
            if (FT_Get_Char_Index(faces[face][slot], codepoint) != 0) return slot;
        return -1;
    }
    double find_advance(int face, int slot, char32_t codepoint) const {
        FT_Face ft = faces[face][slot];
        FT_Fixed units = 0;
        FT_Get_Advance(ft, FT_Get_Char_Index(ft, codepoint), FT_LOAD_NO_SCALE, &units);
        return double(units) / ft->units_per_EM;
    }
};

Fonts::Fonts(const Style& style) : impl_(std::make_unique<Impl>()) {
    if (FT_Init_FreeType(&impl_->library)) throw std::runtime_error("FreeType could not start");
    const std::array<std::string, 4> own = {style.font_regular, style.font_bold, style.font_italic, style.font_bold_italic};
    const std::array<std::string, 4> fallback = {style.font_fallback, style.font_fallback_bold, style.font_fallback,
                                                 style.font_fallback_bold};
    std::unordered_map<std::string, FT_Face> opened;
    auto open = [&](const std::string& file) {
        auto it = opened.find(file);
        if (it != opened.end()) return it->second;
        FT_Face face = nullptr;
        if (FT_New_Face(impl_->library, file.c_str(), 0, &face))
            throw InputError(style.fonts_where, "font file '" + file + "' cannot be read (Debian: fonts-liberation2, fonts-dejavu-core)");
        opened[file] = face;
        return face;
    };
    for (int f = 0; f < 4; ++f) {
        impl_->faces[f] = {open(own[f]), open(fallback[f])};
        impl_->files[f] = {own[f], fallback[f]};
    }
}

Fonts::~Fonts() {
    std::vector<FT_Face> done;
    for (auto& pair : impl_->faces)
        for (FT_Face face : pair)
            if (face && std::find(done.begin(), done.end(), face) == done.end()) {
                FT_Done_Face(face);
                done.push_back(face);
            }
    if (impl_->library) FT_Done_FreeType(impl_->library);
}

int Fonts::slot_for(Face face, char32_t codepoint) const {
    if (codepoint < 0x10000) {
        auto& block = impl_->slot_blocks[face][codepoint >> 8];
        if (!block) block = std::make_unique<Impl::SlotBlock>();
        int8_t& slot = block->slot[codepoint & 0xFF];
        if (slot == Impl::kUnknown) slot = static_cast<int8_t>(impl_->find_slot(face, codepoint));
        return slot;
    }
    uint64_t key = (uint64_t(face) << 32) | codepoint;
    auto it = impl_->slots.find(key);
    if (it == impl_->slots.end()) it = impl_->slots.emplace(key, impl_->find_slot(face, codepoint)).first;
    return it->second;
}

double Fonts::advance(Face face, int slot, char32_t codepoint, double size) const {
    if (codepoint < 0x10000) {
        auto& block = impl_->advance_blocks[face][slot][codepoint >> 8];
        if (!block) block = std::make_unique<Impl::AdvanceBlock>();
        double& em = block->em[codepoint & 0xFF];
        if (em < 0) em = impl_->find_advance(face, slot, codepoint);
        return em * size;
    }
    uint64_t key = (uint64_t(face) << 40) | (uint64_t(slot) << 32) | codepoint;
    auto it = impl_->advances.find(key);
    if (it == impl_->advances.end()) it = impl_->advances.emplace(key, impl_->find_advance(face, slot, codepoint)).first;
    return it->second * size;
}

const std::string& Fonts::file(Face face, int slot) const { return impl_->files[face][slot]; }

}  // namespace agendapack::render::pdf
