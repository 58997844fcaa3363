#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "hash.hpp"
#include "support.hpp"

namespace agendapack {

namespace fs = std::filesystem;

std::string join_path(const std::string& a, const std::string& b) {
    if (a.empty() || a == ".") return b;
    if (a.back() == '/') return a + b;
    return a + "/" + b;
}

std::optional<std::string> DiskFileSystem::read(const std::string& path) const {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return std::nullopt;
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), std::fclose);
    if (!file) return std::nullopt;
    // One read of the size the file has; loop on in case it grows meanwhile.
    std::string text(fs::file_size(path, ec), '\0');
    size_t got = std::fread(text.data(), 1, text.size(), file.get());
    text.resize(got);
    char buffer[65536];
    for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0;) text.append(buffer, n);
    return text;
}

std::optional<uint64_t> FileSystem::stamp(const std::string& path) const {
    auto text = read(path);
    if (!text) return std::nullopt;
    return hash_bytes(*text);
}

std::optional<uint64_t> DiskFileSystem::stamp(const std::string& path) const {
    struct stat info;
    if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
    Hasher h;
    h.add(uint64_t(info.st_size)).add(uint64_t(info.st_mtim.tv_sec)).add(uint64_t(info.st_mtim.tv_nsec)).add(uint64_t(info.st_ino));
    return h.digest();
}

bool DiskFileSystem::is_directory(const std::string& path) const {
    std::error_code ec;
    return fs::is_directory(path, ec);
}

std::vector<std::string> DiskFileSystem::list(const std::string& path) const {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(path, ec)) names.push_back(entry.path().filename().string());
    // Directory order is the file system's whim; builds must not depend on it.
    std::sort(names.begin(), names.end());
    return names;
}

std::optional<uint64_t> OutputFileSystem::read_size(const std::string& path) const {
    auto text = read(path);
    if (!text) return std::nullopt;
    return text->size();
}

void DiskFileSystem::write(const std::string& path, const std::string& bytes) {
    const fs::path target(path);
    {
        std::lock_guard<std::mutex> lock(folders_);
        fs::create_directories(target.parent_path());
    }
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "wb"), std::fclose);
    if (!file || std::fwrite(bytes.data(), 1, bytes.size(), file.get()) != bytes.size() || std::fflush(file.get()) != 0)
        throw std::runtime_error("cannot write " + path);
}

void DiskFileSystem::rename(const std::string& from, const std::string& to) {
    if (const fs::path parent = fs::path(to).parent_path(); !parent.empty()) {  // "output": the current folder
        std::lock_guard<std::mutex> lock(folders_);
        fs::create_directories(parent);
    }
    fs::rename(from, to);
}

void DiskFileSystem::remove(const std::string& path) { fs::remove_all(path); }

void DiskFileSystem::link_tree(const std::string& from, const std::string& to) {
    if (fs::is_directory(fs::symlink_status(from))) {
        fs::create_directories(to);
        for (const auto& entry : fs::directory_iterator(from))
            link_tree(entry.path().string(), join_path(to, entry.path().filename().string()));
        return;
    }
    {
        std::lock_guard<std::mutex> lock(folders_);
        fs::create_directories(fs::path(to).parent_path());
    }
    std::error_code ec;
    fs::create_hard_link(from, to, ec);
    if (ec) fs::copy(from, to, fs::copy_options::copy_symlinks);  // no hard links here (another device, a FAT disk)
}

void DiskFileSystem::exchange(const std::string& a, const std::string& b) {
    if (::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0) return;
    const int error = errno;
    if (error != EINVAL && error != ENOSYS && error != EOPNOTSUPP)
        throw std::runtime_error("cannot swap " + a + " with " + b + ": " + std::strerror(error));
    // The system has no exchange (NFS, some FUSE folders): b is missing
    // between these two renames.
    const std::string aside = a + ".swap";
    fs::rename(b, aside);
    fs::rename(a, b);
    fs::rename(aside, a);
}

std::string DiskFileSystem::resolve(const std::string& path) const {
    std::error_code ec;
    if (!fs::is_symlink(path, ec)) return path;
    fs::path target = fs::canonical(path, ec);
    return ec ? path : target.string();
}

std::optional<uint64_t> DiskFileSystem::read_size(const std::string& path) const {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return std::nullopt;
    return fs::file_size(path, ec);
}

void MemoryFileSystem::add(const std::string& path, std::string contents) {
    std::lock_guard<std::mutex> lock(mutex_);
    files_[path] = std::move(contents);
}

std::optional<std::string> MemoryFileSystem::read(const std::string& path) const {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = files_.find(path);
    if (it == files_.end()) return std::nullopt;
    return it->second;
}

void MemoryFileSystem::rename(const std::string& from, const std::string& to) {
    std::lock_guard<std::mutex> lock(mutex_);
    const std::string prefix = from + "/";
    std::vector<std::pair<std::string, std::string>> moved;
    for (auto it = files_.begin(); it != files_.end();) {
        if (it->first == from || it->first.compare(0, prefix.size(), prefix) == 0) {
            moved.emplace_back(to + it->first.substr(from.size()), std::move(it->second));
            it = files_.erase(it);
        } else {
            ++it;
        }
    }
    for (auto& [path, bytes] : moved) files_[path] = std::move(bytes);
}

void MemoryFileSystem::remove(const std::string& path) {
    std::lock_guard<std::mutex> lock(mutex_);
    const std::string prefix = path + "/";
    for (auto it = files_.begin(); it != files_.end();)
        it = it->first == path || it->first.compare(0, prefix.size(), prefix) == 0 ? files_.erase(it) : std::next(it);
}

void MemoryFileSystem::link_tree(const std::string& from, const std::string& to) {
    std::lock_guard<std::mutex> lock(mutex_);
    const std::string prefix = from + "/";
    std::vector<std::pair<std::string, std::string>> copies;
    for (auto it = files_.lower_bound(from); it != files_.end() && it->first.compare(0, from.size(), from) == 0; ++it)
        if (it->first == from || it->first.compare(0, prefix.size(), prefix) == 0)
            copies.emplace_back(to + it->first.substr(from.size()), it->second);
    for (auto& [path, bytes] : copies) files_[path] = std::move(bytes);
}

void MemoryFileSystem::exchange(const std::string& a, const std::string& b) {
    const std::string aside = a + ".swap";
    rename(b, aside);
    rename(a, b);
    rename(aside, a);
}

bool MemoryFileSystem::is_directory(const std::string& path) const {
    std::lock_guard<std::mutex> lock(mutex_);
    const std::string prefix = path.empty() || path.back() == '/' ? path : path + "/";
    auto it = files_.lower_bound(prefix);
    return it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0;
}

std::vector<std::string> MemoryFileSystem::list(const std::string& path) const {
    std::lock_guard<std::mutex> lock(mutex_);
    const std::string prefix = path.empty() || path.back() == '/' ? path : path + "/";
    std::vector<std::string> names;
    for (auto it = files_.lower_bound(prefix); it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
        std::string rest = it->first.substr(prefix.size());
        std::string name = rest.substr(0, rest.find('/'));
        if (names.empty() || names.back() != name) names.push_back(name);
    }
    return names;
}

}  // namespace agendapack
