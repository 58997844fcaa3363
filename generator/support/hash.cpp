#include "hash.hpp"

#include <cstring>

namespace agendapack {

namespace {

constexpr uint64_t kMultiplier = 0xff51afd7ed558ccdull;

uint64_t mix(uint64_t x) {
    x ^= x >> 33;
    x *= kMultiplier;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    x ^= x >> 33;
    return x;
}

uint64_t load_le(const unsigned char* p, size_t n) {
    uint64_t v = 0;
    for (size_t i = 0; i < n; ++i) v |= uint64_t(p[i]) << (8 * i);
    return v;
}

}  // namespace

uint64_t hash_bytes(std::string_view bytes) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    size_t n = bytes.size();
    // Two lanes of 8-byte words keep the multiplies independent (fast on long files).
    uint64_t a = 0x243f6a8885a308d3ull ^ n, b = 0x13198a2e03707344ull;
    while (n >= 16) {
        a = (a ^ mix(load_le(p, 8))) * 0x9e3779b97f4a7c15ull;
        b = (b ^ mix(load_le(p + 8, 8))) * 0x9e3779b97f4a7c15ull;
        a = (a << 31) | (a >> 33);
        b = (b << 29) | (b >> 35);
        p += 16;
        n -= 16;
    }
    if (n >= 8) {
        a ^= mix(load_le(p, 8));
        p += 8;
        n -= 8;
    }
    b ^= mix(load_le(p, n) ^ (uint64_t(n) << 56));
    uint64_t h = mix(a ^ mix(b));
    return h == kMissingFile ? 1 : h;
}

Hasher& Hasher::add(std::string_view text) {
    add(uint64_t(text.size()));
    return add(hash_bytes(text));
}

Hasher& Hasher::add(uint64_t value) {
    state_ = mix(state_ ^ mix(value + 0x632be59bd9b4e019ull));
    return *this;
}

std::string to_hex(uint64_t value) {
    static const char* digits = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i, value >>= 4) out[i] = digits[value & 15];
    return out;
}

std::string Hasher::hex() const { return to_hex(state_); }

std::optional<std::string> RecordingFileSystem::read(const std::string& path) const {
    auto text = base_.read(path);
    const uint64_t hash = text ? hash_bytes(*text) : kMissingFile;
    std::lock_guard<std::mutex> lock(mutex_);
    reads_[path] = hash;
    return text;
}

}  // namespace agendapack
