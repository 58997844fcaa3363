// Shared plumbing used by every phase: source locations and input errors,
// the file system seam, ISO dates and their printed styles, small text helpers.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace agendapack {

// 1-based line and column inside a named source file. line 0 = "the file as a
// whole"; it prints as 1:1.
struct SourceLocation {
    std::string file;
    int line = 0;
    int column = 0;
};

// The one error type for bad input. Its text is `file:line:col: message`,
// which tests assert verbatim, so callers never format it themselves.
class InputError : public std::runtime_error {
public:
    InputError(SourceLocation where, std::string message);
    const SourceLocation& where() const { return where_; }
    const std::string& message() const { return message_; }

private:
    SourceLocation where_;
    std::string message_;
};

std::string format_location(const SourceLocation& where);

// In the order a reader meets them: by file, line, column, then message;
// the same error twice (from two places that share a file) once.
void sort_errors(std::vector<InputError>& errors);

// Every error found in one pass over the sources, so an officer can fix
// them all before building again.
class InputErrors : public std::runtime_error {
public:
    explicit InputErrors(std::vector<InputError> errors);
    const std::vector<InputError>& errors() const { return errors_; }

private:
    std::vector<InputError> errors_;
};
// Throws what was collected: nothing, the one error, or all of them.
void throw_collected(std::vector<InputError> errors);
// Runs `step`, adding what it throws (one error or several) to `errors`.
template <typename Step>
void collect_into(std::vector<InputError>& errors, Step&& step) {
    try {
        step();
    } catch (const InputError& error) {
        errors.push_back(error);
    } catch (const InputErrors& more) {
        errors.insert(errors.end(), more.errors().begin(), more.errors().end());
    }
}

// Something an officer should look at that does not stop the build (unless
// a setting says it must): printed as `file:line:col: warning: message`.
struct Warning {
    SourceLocation where;
    std::string message;
    bool advisory = false;  // never an error, however strict the committee (acronyms: error)
};

// The offending source line and a caret under the column (ninja style),
// or "" when the line cannot be shown.
std::string source_excerpt(const std::string& file_text, int line, int column);

// Everything the generator reads goes through this, so tests can run on
// in-memory trees and the loader never touches the disk directly.
class FileSystem {
public:
    virtual ~FileSystem() = default;
    virtual std::optional<std::string> read(const std::string& path) const = 0;
    virtual bool is_directory(const std::string& path) const = 0;
    // Names (not paths) of the entries of a directory, sorted bytewise.
    virtual std::vector<std::string> list(const std::string& path) const = 0;
    // A value that changes whenever the file does, found without reading it
    // where the system allows (size and modification time on disk); for
    // large files outside the sources, such as fonts. nullopt: no such file.
    virtual std::optional<uint64_t> stamp(const std::string& path) const;
};

// Where the site is written: a file system that can also be changed.
// Publishing goes only through this, so tests can publish into memory.
// Calls may come from several threads at once for different paths.
class OutputFileSystem : public FileSystem {
public:
    // Writes a file, creating the folders above it.
    virtual void write(const std::string& path, const std::string& bytes) = 0;
    // Moves a file or folder to a path that does not exist yet (folders above it are made).
    virtual void rename(const std::string& from, const std::string& to) = 0;
    // Removes a file or a folder and all in it; nothing when there is none.
    virtual void remove(const std::string& path) = 0;
    // Makes `to` a copy of the file or folder `from` that costs no space:
    // hard links where the system has them (a file is written in place only
    // when it has no other link, so sharing is safe), copies where it has not.
    virtual void link_tree(const std::string& from, const std::string& to) = 0;
    // Swaps two existing folders in one step: a reader sees one or the
    // other, never neither. Where the system cannot (no RENAME_EXCHANGE),
    // two renames, with a moment between them when `b` is missing.
    virtual void exchange(const std::string& a, const std::string& b) = 0;
    // The folder a path names, a link followed (output/ may be a link to
    // where the web server reads).
    virtual std::string resolve(const std::string& path) const { return path; }
    bool exists(const std::string& path) const { return is_directory(path) || read_size(path).has_value(); }
    virtual std::optional<uint64_t> read_size(const std::string& path) const;  // a file's size
    // Whether two paths are one file (hard links of each other). Where the
    // system cannot tell, false: the caller links or copies again.
    virtual bool same_file(const std::string&, const std::string&) const { return false; }
    // What stands at a path itself, a symbolic link never followed: a file
    // that may be written over in place (no other link to it), a folder,
    // nothing, or something else (a link, a shared file, a device).
    enum class Entry { Missing, Folder, OwnFile, Other };
    virtual Entry entry(const std::string& path) const;
};

class DiskFileSystem : public OutputFileSystem {
public:
    std::optional<std::string> read(const std::string& path) const override;
    bool is_directory(const std::string& path) const override;
    std::vector<std::string> list(const std::string& path) const override;
    std::optional<uint64_t> stamp(const std::string& path) const override;
    void write(const std::string& path, const std::string& bytes) override;
    void rename(const std::string& from, const std::string& to) override;
    void remove(const std::string& path) override;
    void link_tree(const std::string& from, const std::string& to) override;
    void exchange(const std::string& a, const std::string& b) override;
    bool same_file(const std::string& a, const std::string& b) const override;
    Entry entry(const std::string& path) const override;
    std::string resolve(const std::string& path) const override;
    std::optional<uint64_t> read_size(const std::string& path) const override;

private:
    std::mutex folders_;  // making the same parent folder from two threads can race
};

// What agendapack reads of one kind of source at most, by the end of its
// name, and whether it must be text. A larger file is an error before a
// byte of it is read. What costs memory is what is made of it — yaml-cpp
// takes some 50 bytes for each byte of YAML, a CSV laid out as a table some
// 500 — so the limits keep the largest of each within about half a
// gigabyte. docs/FORMAT.md lists them.
struct FileKind {
    const char* name;  // "a YAML file"
    uint64_t limit;    // bytes
    bool text;         // UTF-8 with no control characters but tab and line breaks
};
const FileKind& file_kind(const std::string& path);
// "8 MB": limits are in megabytes of 1,000,000 bytes.
std::string megabytes(uint64_t bytes);

// Throws an InputError at the line and column (in characters) of the first
// byte of `text` that is not UTF-8, or that is a control character other
// than tab, line feed and carriage return (NUL, form feed, escape, delete …).
void check_text(const std::string& file, std::string_view text);

// The sources as the command reads them from disk: content/, data/ and
// templates/ (the roots). Every file and folder read from inside a root must
// resolve, links followed, inside that same root: one that leads out of it
// (a linked file, picture or folder) is an error naming the link and where
// it points, so nothing from elsewhere on the machine is read or published.
// A file that is there but cannot be read is an error saying why, not a
// missing file; one larger than its kind's limit (file_kind) is an error
// before it is read; a text file must be UTF-8 without control characters.
// Errors are InputErrors at the file (line 0) or at the bad byte. Paths in
// no root (the fonts the style names, the program itself) are read as they are.
class SourceFileSystem : public FileSystem {
public:
    explicit SourceFileSystem(const std::vector<std::string>& roots);
    std::optional<std::string> read(const std::string& path) const override;
    bool is_directory(const std::string& path) const override;
    std::vector<std::string> list(const std::string& path) const override;
    std::optional<uint64_t> stamp(const std::string& path) const override;
    // The bytes as they are, the text unchecked (links and the size limit
    // are): for quoting the line of an error.
    std::optional<std::string> read_unchecked(const std::string& path) const;

private:
    struct Root {
        std::string given;  // as the command was given it, for messages
        std::vector<std::string> parts;  // its path's components, to match paths under it
        std::string real;   // resolved, links followed
    };
    // The path to open for `path`: itself when it is in no root, else its
    // resolved form, checked to be inside its root (or an InputError).
    std::string resolve(const std::string& path) const;
    std::string real_path(const std::string& path) const;  // links followed, as far as it exists
    std::vector<Root> roots_;
    mutable std::mutex folders_mutex_;
    mutable std::map<std::string, std::string> real_folders_;  // folder as named → its real path
};

class MemoryFileSystem : public OutputFileSystem {
public:
    void add(const std::string& path, std::string contents);
    std::optional<std::string> read(const std::string& path) const override;
    bool is_directory(const std::string& path) const override;
    std::vector<std::string> list(const std::string& path) const override;
    void write(const std::string& path, const std::string& bytes) override { add(path, bytes); }
    void rename(const std::string& from, const std::string& to) override;
    void remove(const std::string& path) override;
    void link_tree(const std::string& from, const std::string& to) override;
    void exchange(const std::string& a, const std::string& b) override;

private:
    mutable std::mutex mutex_;
    std::map<std::string, std::string> files_;
};

std::string join_path(const std::string& a, const std::string& b);

// A calendar date as sources write it (ISO 8601, 2024-09-26).
struct Date {
    int year = 0;
    int month = 0;
    int day = 0;
    auto operator<=>(const Date&) const = default;
    bool valid() const { return year != 0; }
};

std::optional<Date> parse_iso_date(std::string_view text);
int weekday(const Date& d);  // 0 = Monday
std::string month_name(int month);
std::string iso(const Date& d);                  // 2024-09-26
std::string long_date_with_weekday(const Date& d);  // Thursday, 26th September, 2024
std::string weekday_date(const Date& d);          // Wednesday, 18 September 2024
std::string day_month_year(const Date& d);        // 8 August 2024
std::string upper_date(const Date& d);            // 26 SEPTEMBER 2024
std::string padded_day_month(const Date& d);      // 08 August
// The UK municipal year starts in May: 2024-09-26 belongs to 2024-25.
int municipal_year_start(const Date& d);
std::string municipal_year_label(int start_year);  // 2024-25

// "17:30" -> "5.30 pm", the way the front sheet prints times.
std::optional<std::string> printed_time(std::string_view hh_mm);

// A figure as tables write it — "1,959", "81.6%", "£5,000", "-3" — as a number;
// anything else ("-", "n/a", "New", "") is not one.
std::optional<double> parse_figure(std::string_view text);
// A number with `decimals` places and, when asked, thousands separators:
// format_figure(-12345.6, 1, true) is "-12,345.6". Never "-0".
std::string format_figure(double value, int decimals, bool thousands);

// yes/no as sources write it, one reading everywhere: yes, no, true, false,
// in any case; anything else is not one.
std::optional<bool> parse_yes_no(std::string_view text);

std::string to_upper(std::string_view text);  // ASCII letters only; UTF-8 passes through
std::string to_lower(std::string_view text);  // ASCII letters only
std::string trim(std::string_view text);
std::string join_with_and(const std::vector<std::string>& items);  // "A, B and C"
std::string slugify(std::string_view text);
// The one rule for every address that reaches a page or the pack: read as
// a browser reads it (leading and trailing spaces and control characters
// dropped, tabs and line breaks inside removed, the scheme in any case),
// only http:, https:, mailto: and tel: addresses and addresses within the
// site pass. Returns what is wrong, or "" when the address is allowed.
std::string url_problem(std::string_view url);
// The length (1 to 4) of the UTF-8 character starting at text[at], or 0 when
// the bytes there are not one (RFC 3629: a lead byte and its continuation
// bytes, no overlong form, no surrogate, nothing past U+10FFFF).
size_t utf8_length(std::string_view text, size_t at);
// Every source is UTF-8 text: an InputError "the file is not UTF-8 text" at
// the first bad byte sequence, its line and column (in characters) counted
// from `start`, where the text begins in its file.
void check_utf8(std::string_view text, const SourceLocation& start);
// Text for HTML or XML: & < > " as entities.
std::string escape_markup(std::string_view text);
// A JSON string literal, quotes included (control characters escaped).
std::string json_string(std::string_view text);
// The candidate closest to `word` when it is a likely typo, else "".
std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);
// "unknown key 'venu' (did you mean 'venue'?)": the one wording for every
// unknown name, with the suggestion when there is a likely one.
std::string unknown_name(const std::string& what, const std::string& word, const std::vector<std::string>& candidates);

}  // namespace agendapack
