// Content hashes for the incremental build: a fast 64-bit hash of bytes (not
// cryptographic; it tells "changed" from "unchanged"), a hasher that combines
// many of them in order, and a file system that remembers what it read.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "support.hpp"

namespace agendapack {

uint64_t hash_bytes(std::string_view bytes);

// Feeds values in order; the same sequence gives the same digest on every
// machine (the byte order is fixed, no pointers are hashed).
class Hasher {
public:
    Hasher& add(std::string_view text);  // length-prefixed, so "ab","c" ≠ "a","bc"
    Hasher& add(uint64_t value);
    uint64_t digest() const { return state_; }
    std::string hex() const;

private:
    uint64_t state_ = 0x9e3779b97f4a7c15ull;
};

std::string to_hex(uint64_t value);

// The hash a missing file stands for.
constexpr uint64_t kMissingFile = 0;
// The hash a file stands for when it cannot be read (permissions, size, a
// link out of the sources): never a recorded build's, so its meeting is built
// again and the error reported.
constexpr uint64_t kUnreadableFile = 1;

// Passes every call to another file system and records the hash of each file
// read, so a build step can say exactly which inputs it depended on.
class RecordingFileSystem : public FileSystem {
public:
    explicit RecordingFileSystem(const FileSystem& base) : base_(base) {}
    std::optional<std::string> read(const std::string& path) const override;
    bool is_directory(const std::string& path) const override { return base_.is_directory(path); }
    std::vector<std::string> list(const std::string& path) const override { return base_.list(path); }
    // Safe to read from several threads; reads() once they are done.
    const std::map<std::string, uint64_t>& reads() const { return reads_; }

private:
    const FileSystem& base_;
    mutable std::mutex mutex_;
    mutable std::map<std::string, uint64_t> reads_;
};

}  // namespace agendapack
