#include "words.hpp"

#include <fstream>
#include <sstream>

namespace agendapack {

std::unique_ptr<const Lexicon> Lexicon::of(const std::string& list) {
    auto lexicon = std::make_unique<Lexicon>("");
    std::call_once(lexicon->read_, [&] { lexicon->add_words(list); });
    return lexicon;
}

void Lexicon::add_words(const std::string& list) const {
    size_t start = 0;
    while (start < list.size()) {
        size_t end = list.find('\n', start);
        if (end == std::string::npos) end = list.size();
        std::string_view word(list.data() + start, end - start);
        if (!word.empty() && word.back() == '\r') word.remove_suffix(1);
        bool plain = !word.empty();
        for (char c : word) plain = plain && c >= 'a' && c <= 'z';
        if (plain) words_.emplace(word);
        start = end + 1;
    }
}

bool Lexicon::knows(std::string_view capitals) const {
    std::call_once(read_, [&] {
        if (path_.empty()) return;
        std::ifstream file(path_, std::ios::binary);
        if (!file) return;  // no list: every word in capitals is checked, as before there was one
        std::ostringstream text;
        text << file.rdbuf();
        add_words(text.str());
    });
    std::string lower(capitals);
    for (char& c : lower) {
        if (c < 'A' || c > 'Z') return false;  // digits: "Y10", "COVID19"
        c = static_cast<char>(c - 'A' + 'a');
    }
    return words_.count(lower) > 0;
}

}  // namespace agendapack
