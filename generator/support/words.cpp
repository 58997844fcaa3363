#include "words.hpp"

#include <algorithm>
#include <fstream>

namespace agendapack {

std::unique_ptr<const Lexicon> Lexicon::of(const std::string& list) {
    auto lexicon = std::make_unique<Lexicon>("");
    std::call_once(lexicon->read_, [&] { lexicon->add_words(list); });
    return lexicon;
}

void Lexicon::add_words(std::string list) const {
    text_ = std::move(list);
    words_.reserve(text_.size() / 10);
    size_t start = 0;
    while (start < text_.size()) {
        size_t end = text_.find('\n', start);
        if (end == std::string::npos) end = text_.size();
        std::string_view word(text_.data() + start, end - start);
        if (!word.empty() && word.back() == '\r') word.remove_suffix(1);
        bool plain = !word.empty();
        for (char c : word) plain = plain && c >= 'a' && c <= 'z';
        if (plain) words_.push_back(word);
        start = end + 1;
    }
    // Word lists come sorted, letters only in byte order; sort when not.
    if (!std::is_sorted(words_.begin(), words_.end())) std::sort(words_.begin(), words_.end());
}

bool Lexicon::knows(std::string_view capitals) const {
    std::call_once(read_, [&] {
        if (path_.empty()) return;
        std::ifstream file(path_, std::ios::binary | std::ios::ate);
        if (!file) return;  // no list: every word in capitals is checked, as before there was one
        std::string text(static_cast<size_t>(file.tellg()), '\0');
        file.seekg(0);
        file.read(text.data(), static_cast<std::streamsize>(text.size()));
        text.resize(static_cast<size_t>(file.gcount()));
        add_words(std::move(text));
    });
    std::string lower(capitals);
    for (char& c : lower) {
        if (c < 'A' || c > 'Z') return false;  // digits: "Y10", "COVID19"
        c = static_cast<char>(c - 'A' + 'a');
    }
    return std::binary_search(words_.begin(), words_.end(), std::string_view(lower));
}

}  // namespace agendapack
