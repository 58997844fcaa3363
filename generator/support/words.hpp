// The ordinary English words, from a word list such as Debian's wbritish
// (/usr/share/dict/british-english: one word a line). The acronym check asks
// it whether a word in capitals ("EDITED", "REVIEWER") is just a word
// written loudly rather than an abbreviation to explain. Like the fonts, the
// list sits outside the sources; it is read on the first question only.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace agendapack {

class Lexicon {
public:
    static constexpr const char* kBritishEnglish = "/usr/share/dict/british-english";
    explicit Lexicon(std::string path = kBritishEnglish) : path_(std::move(path)) {}
    // A list's text, for tests.
    static std::unique_ptr<const Lexicon> of(const std::string& list);

    // "EDITED" → is "edited" in the list? Only entries written all in small
    // letters count, so names ("Ofsted", "Barnardo") never hide an abbreviation.
    bool knows(std::string_view capitals) const;
    const std::string& path() const { return path_; }

private:
    void add_words(std::string list) const;
    std::string path_;
    mutable std::once_flag read_;
    // The list's text, and its all-small-letter entries in byte order: one
    // allocation each, so reading the list and letting it go cost little
    // beside the build (a set of 70,000 strings took a tenth of one pack's time).
    mutable std::string text_;
    mutable std::vector<std::string_view> words_;
};

}  // namespace agendapack
