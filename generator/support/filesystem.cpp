#include "support.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

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
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
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

void MemoryFileSystem::add(const std::string& path, std::string contents) { files_[path] = std::move(contents); }

std::optional<std::string> MemoryFileSystem::read(const std::string& path) const {
    auto it = files_.find(path);
    if (it == files_.end()) return std::nullopt;
    return it->second;
}

bool MemoryFileSystem::is_directory(const std::string& path) const {
    const std::string prefix = path.empty() || path.back() == '/' ? path : path + "/";
    auto it = files_.lower_bound(prefix);
    return it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0;
}

std::vector<std::string> MemoryFileSystem::list(const std::string& path) const {
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
