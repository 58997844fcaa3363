// FreeType reads the same TrueType files libharu embeds: coverage and advance
// widths come from the fonts themselves (hmtx), which is what libharu draws.
// Each file is read once, whole, for both: FreeType works on the bytes, and
// the PDF writer hands the same bytes to libharu for every PDF it writes.
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H

#include <array>
#include <atomic>
#include <map>
#include <mutex>
#include <vector>
#include <memory>
#include <unordered_map>

#include "layout.hpp"
#include "../../support/support.hpp"

namespace agendapack::render::pdf {

struct Fonts::Impl {
    FT_Library library = nullptr;
    // [face][slot]: slot 0 is the face's own file, slot 1 its fallback.
    std::array<std::array<FT_Face, 2>, kFaces> faces{};
    std::array<std::array<std::string, 2>, kFaces> files;
    std::map<std::string, std::string> bytes;  // each file's, by path; FreeType's faces read from them
    // Layout asks for every character, so answers are kept in flat tables,
    // a block of 256 code points at a time, filled as characters are met:
    // which file draws (face, codepoint), and advance widths in em per
    // (face, slot, codepoint). Characters beyond the Basic Multilingual
    // Plane, rare in packs, go to the maps.
    //
    // One Fonts serves every thread of a build. An answer once known is read
    // without a lock (each entry is atomic, and blocks are published once);
    // FreeType, which is not safe to share, is asked under `mutex`. Two
    // threads may work out the same answer; they store the same value.
    static constexpr int kBlocks = 256;
    static constexpr int8_t kUnknown = -2;
    struct SlotBlock {
        std::array<std::atomic<int8_t>, 256> slot;
        SlotBlock() {
            for (auto& s : slot) s.store(kUnknown, std::memory_order_relaxed);
        }
    };
    struct AdvanceBlock {
        std::array<std::atomic<double>, 256> em;
        AdvanceBlock() {
            for (auto& e : em) e.store(-1, std::memory_order_relaxed);
        }
    };
    std::array<std::array<std::atomic<SlotBlock*>, kBlocks>, kFaces> slot_blocks{};
    std::array<std::array<std::array<std::atomic<AdvanceBlock*>, kBlocks>, 2>, kFaces> advance_blocks{};
    std::mutex mutex;  // FreeType, the maps below, and making blocks
    std::vector<std::unique_ptr<SlotBlock>> slot_storage;
    std::vector<std::unique_ptr<AdvanceBlock>> advance_storage;
    std::unordered_map<uint64_t, double> advances;
    std::unordered_map<uint64_t, int> slots;

    template <typename Block>
    Block& block(std::atomic<Block*>& entry, std::vector<std::unique_ptr<Block>>& storage) {
        if (Block* known = entry.load(std::memory_order_acquire)) return *known;
        std::lock_guard<std::mutex> lock(mutex);
        if (Block* known = entry.load(std::memory_order_acquire)) return *known;
        storage.push_back(std::make_unique<Block>());
        entry.store(storage.back().get(), std::memory_order_release);
        return *storage.back();
    }
    // The two below expect `mutex` held.
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
    const std::array<std::string, kFaces> own = {style.font_regular, style.font_bold, style.font_italic, style.font_bold_italic,
                                                 style.font_mono};
    const std::array<std::string, kFaces> fallback = {style.font_fallback, style.font_fallback_bold, style.font_fallback,
                                                      style.font_fallback_bold, style.font_fallback_mono};
    std::unordered_map<std::string, FT_Face> opened;
    auto open = [&](const std::string& file) {
        auto it = opened.find(file);
        if (it != opened.end()) return it->second;
        std::string& data = impl_->bytes[file];
        if (auto read = DiskFileSystem().read(file)) data = std::move(*read);
        FT_Face face = nullptr;
        if (data.empty() || FT_New_Memory_Face(impl_->library, reinterpret_cast<const FT_Byte*>(data.data()),
                                               static_cast<FT_Long>(data.size()), 0, &face))
            throw InputError(style.fonts_where, "font file '" + file + "' cannot be read (Debian: fonts-liberation2, fonts-dejavu-core)");
        opened[file] = face;
        return face;
    };
    for (int f = 0; f < kFaces; ++f) {
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
    Impl& impl = *impl_;
    if (codepoint < 0x10000) {
        auto& slot = impl.block(impl.slot_blocks[face][codepoint >> 8], impl.slot_storage).slot[codepoint & 0xFF];
        int8_t known = slot.load(std::memory_order_relaxed);
        if (known == Impl::kUnknown) {
            std::lock_guard<std::mutex> lock(impl.mutex);
            known = static_cast<int8_t>(impl.find_slot(face, codepoint));
            slot.store(known, std::memory_order_relaxed);
        }
        return known;
    }
    std::lock_guard<std::mutex> lock(impl.mutex);
    uint64_t key = (uint64_t(face) << 32) | codepoint;
    auto it = impl.slots.find(key);
    if (it == impl.slots.end()) it = impl.slots.emplace(key, impl.find_slot(face, codepoint)).first;
    return it->second;
}

double Fonts::advance(Face face, int slot, char32_t codepoint, double size) const {
    Impl& impl = *impl_;
    if (codepoint < 0x10000) {
        auto& em = impl.block(impl.advance_blocks[face][slot][codepoint >> 8], impl.advance_storage).em[codepoint & 0xFF];
        double known = em.load(std::memory_order_relaxed);
        if (known < 0) {
            std::lock_guard<std::mutex> lock(impl.mutex);
            known = impl.find_advance(face, slot, codepoint);
            em.store(known, std::memory_order_relaxed);
        }
        return known * size;
    }
    std::lock_guard<std::mutex> lock(impl.mutex);
    uint64_t key = (uint64_t(face) << 40) | (uint64_t(slot) << 32) | codepoint;
    auto it = impl.advances.find(key);
    if (it == impl.advances.end()) it = impl.advances.emplace(key, impl.find_advance(face, slot, codepoint)).first;
    return it->second * size;
}

const std::string& Fonts::file(Face face, int slot) const { return impl_->files[face][slot]; }

const std::string& Fonts::bytes(Face face, int slot) const { return impl_->bytes.at(impl_->files[face][slot]); }

}  // namespace agendapack::render::pdf
