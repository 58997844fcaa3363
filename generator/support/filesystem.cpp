#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
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

OutputFileSystem::Entry OutputFileSystem::entry(const std::string& path) const {
    if (is_directory(path)) return Entry::Folder;
    return read_size(path) ? Entry::OwnFile : Entry::Missing;
}

OutputFileSystem::Entry DiskFileSystem::entry(const std::string& path) const {
    struct stat st;
    if (::lstat(path.c_str(), &st) != 0) return errno == ENOENT || errno == ENOTDIR ? Entry::Missing : Entry::Other;
    if (S_ISDIR(st.st_mode)) return Entry::Folder;
    return S_ISREG(st.st_mode) && st.st_nlink == 1 ? Entry::OwnFile : Entry::Other;
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

bool DiskFileSystem::same_file(const std::string& a, const std::string& b) const {
    struct stat first, second;
    return ::lstat(a.c_str(), &first) == 0 && ::lstat(b.c_str(), &second) == 0 && S_ISREG(first.st_mode) &&
           first.st_dev == second.st_dev && first.st_ino == second.st_ino;
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

// ---- sources --------------------------------------------------------------

namespace {

constexpr uint64_t kMB = 1000 * 1000;

bool ends_with(const std::string& name, const char* ending) {
    const size_t n = std::strlen(ending);
    return name.size() > n && name.compare(name.size() - n, n, ending) == 0;
}

[[noreturn]] void cannot_read(const std::string& path, int error, const char* what) {
    if (error == EACCES || error == EPERM)
        throw InputError({path, 0, 0}, std::string("this ") + what + " cannot be read: permission denied (agendapack needs to read every source: check its permissions)");
    if (error == ELOOP) throw InputError({path, 0, 0}, std::string("this ") + what + " cannot be read: its links lead round in a circle");
    throw InputError({path, 0, 0}, std::string("this ") + what + " cannot be read: " + std::strerror(error));
}

[[noreturn]] void too_large(const std::string& path, uint64_t size, const FileKind& kind) {
    // Rounded up: a file a byte over 8 MB must not read "8.0 MB".
    const uint64_t tenths = (size + kMB / 10 - 1) / (kMB / 10);
    throw InputError({path, 0, 0}, "the file is " + std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MB, more than the " +
                                       megabytes(kind.limit) + " agendapack reads of " + kind.name +
                                       ": make it smaller (docs/FORMAT.md lists the limits)");
}

std::vector<std::string> components(const std::string& path) {
    std::vector<std::string> parts;
    for (const auto& part : fs::path(path)) {
        const std::string text = part.string();
        if (!text.empty() && text != ".") parts.push_back(text);
    }
    return parts;
}

bool inside(const std::string& real, const std::string& root) {
    if (real == root || root == "/") return true;
    return real.size() > root.size() && real.compare(0, root.size(), root) == 0 && real[root.size()] == '/';
}

}  // namespace

const FileKind& file_kind(const std::string& path) {
    static const FileKind yaml{"a YAML file", 8 * kMB, true}, markdown{"a Markdown file", 8 * kMB, true},
        csv{"a CSV file", 1 * kMB, true}, templates{"a template", 1 * kMB, true}, picture{"a picture", 20 * kMB, false},
        pdf{"a PDF", 64 * kMB, false}, other{"a file", 8 * kMB, false};
    const std::string name = to_lower(path);
    if (ends_with(name, ".yaml") || ends_with(name, ".yml")) return yaml;
    if (ends_with(name, ".md")) return markdown;
    if (ends_with(name, ".csv")) return csv;
    if (ends_with(name, ".mustache") || ends_with(name, ".html") || ends_with(name, ".css") || ends_with(name, ".js")) return templates;
    if (ends_with(name, ".png") || ends_with(name, ".jpg") || ends_with(name, ".jpeg") || ends_with(name, ".svg")) return picture;
    if (ends_with(name, ".pdf")) return pdf;
    return other;
}

std::string megabytes(uint64_t bytes) { return std::to_string(bytes / kMB) + " MB"; }

SourceFileSystem::SourceFileSystem(const std::vector<std::string>& roots) {
    for (const auto& given : roots) {
        std::error_code ec;
        fs::path real = fs::weakly_canonical(fs::absolute(given, ec), ec);
        std::string trimmed = given;
        while (trimmed.size() > 1 && trimmed.back() == '/') trimmed.pop_back();
        roots_.push_back({trimmed, components(given), ec ? fs::absolute(given).lexically_normal().string() : real.string()});
    }
}

namespace {

std::optional<std::string> realpath_of(const std::string& path) {
    std::unique_ptr<char, void (*)(void*)> resolved(::realpath(path.c_str(), nullptr), std::free);
    if (!resolved) return std::nullopt;
    return std::string(resolved.get());
}

}  // namespace

std::string SourceFileSystem::real_path(const std::string& path) const {
    // Most paths are a file, not a link, in a folder resolved before: the
    // folder's real path from the cache and one lstat of the file. (The
    // sources stand still while they are read: the index is one moment.)
    const size_t slash = path.rfind('/');
    const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    if (!name.empty() && name != "." && name != "..") {
        const std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
        std::optional<std::string> real_dir;
        {
            std::lock_guard<std::mutex> lock(folders_mutex_);
            if (auto it = real_folders_.find(dir); it != real_folders_.end()) real_dir = it->second;
        }
        if (!real_dir && (real_dir = realpath_of(dir))) {
            std::lock_guard<std::mutex> lock(folders_mutex_);
            real_folders_.emplace(dir, *real_dir);
        }
        if (real_dir) {
            const std::string candidate = *real_dir == "/" ? "/" + name : *real_dir + "/" + name;
            struct stat info;
            if (::lstat(candidate.c_str(), &info) == 0 ? !S_ISLNK(info.st_mode) : errno == ENOENT) return candidate;
        }
    }
    // A link, or a folder that does not resolve: the whole path, as far as it exists.
    if (auto real = realpath_of(path)) return *real;
    std::error_code ec;
    std::string real = fs::weakly_canonical(fs::absolute(path, ec), ec).string();
    if (ec) cannot_read(path, ec.value(), "file");
    return real;
}

std::string SourceFileSystem::resolve(const std::string& path) const {
    // The root the path was made from (join_path(root, …)): the longest one
    // whose components begin it.
    const std::vector<std::string> parts = components(path);
    const bool absolute = !path.empty() && path[0] == '/';
    const Root* root = nullptr;
    for (const auto& candidate : roots_) {
        const bool candidate_absolute = !candidate.given.empty() && candidate.given[0] == '/';
        if (candidate_absolute != absolute || candidate.parts.size() > parts.size()) continue;
        if (!std::equal(candidate.parts.begin(), candidate.parts.end(), parts.begin())) continue;
        if (!root || candidate.parts.size() > root->parts.size()) root = &candidate;
    }
    if (!root) return path;
    const std::string real = real_path(path);
    if (inside(real, root->real)) return real;
    std::error_code ec;
    // Name the link that leads out: the first component, from the root
    // down, that is a link to a place outside it.
    const std::string shown_root = root->given == "." ? "the current folder" : root->given + "/";
    fs::path step = root->given;
    for (size_t i = root->parts.size(); i < parts.size(); ++i) {
        step /= parts[i];
        if (!fs::is_symlink(step, ec)) continue;
        const std::string target = fs::weakly_canonical(fs::absolute(step, ec), ec).string();
        if (!ec && !inside(target, root->real))
            throw InputError({path, 0, 0}, "'" + step.string() + "' is a link to '" + target + "', outside " + shown_root +
                                               ": agendapack reads only what is inside " + shown_root + " (copy the " +
                                               (fs::is_directory(step, ec) ? "folder" : "file") + " in instead of linking to it)");
    }
    throw InputError({path, 0, 0}, "this path leads to '" + real + "', outside " + shown_root + ": agendapack reads only what is inside it");
}

std::optional<std::string> SourceFileSystem::read_unchecked(const std::string& path) const {
    const std::string real = resolve(path);
    // Non-blocking, so a pipe left among the sources cannot stall the build.
    const int fd = ::open(real.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        if (errno == ENOENT || errno == ENOTDIR) return std::nullopt;
        cannot_read(path, errno, "file");
    }
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat info;
    if (::fstat(fd, &info) != 0) cannot_read(path, errno, "file");
    if (S_ISDIR(info.st_mode)) return std::nullopt;
    if (!S_ISREG(info.st_mode))
        throw InputError({path, 0, 0}, "this is not an ordinary file (a device, a pipe or a socket): put the file itself here");
    const FileKind& kind = file_kind(path);
    if (uint64_t(info.st_size) > kind.limit) too_large(path, uint64_t(info.st_size), kind);
    // One read of the size the file has; on to the limit in case it grows meanwhile.
    std::string text;
    text.resize(static_cast<size_t>(info.st_size) + 1);
    size_t got = 0;
    for (;;) {
        if (got == text.size()) {
            if (got > kind.limit) too_large(path, got, kind);
            text.resize(std::min<uint64_t>(kind.limit + 1, uint64_t(text.size()) * 2 + 4096));
        }
        const ssize_t n = ::read(fd, text.data() + got, text.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) cannot_read(path, errno, "file");
        if (n == 0) break;
        got += static_cast<size_t>(n);
    }
    if (got > kind.limit) too_large(path, got, kind);
    text.resize(got);
    return text;
}

std::optional<std::string> SourceFileSystem::read(const std::string& path) const {
    auto text = read_unchecked(path);
    if (text && file_kind(path).text) check_text(path, *text);
    return text;
}

bool SourceFileSystem::is_directory(const std::string& path) const {
    std::error_code ec;
    return fs::is_directory(resolve(path), ec);
}

std::vector<std::string> SourceFileSystem::list(const std::string& path) const {
    const std::string real = resolve(path);
    std::vector<std::string> names;
    std::error_code ec;
    fs::directory_iterator it(real, ec);
    if (ec == std::errc::permission_denied) cannot_read(path, EACCES, "folder");
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) names.push_back(it->path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

std::optional<uint64_t> SourceFileSystem::stamp(const std::string& path) const {
    struct stat info;
    if (::stat(resolve(path).c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
    Hasher h;
    h.add(uint64_t(info.st_size)).add(uint64_t(info.st_mtim.tv_sec)).add(uint64_t(info.st_mtim.tv_nsec)).add(uint64_t(info.st_ino));
    return h.digest();
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
