#include "fences.hpp"

#include <algorithm>

namespace agendapack::compose {

FenceOptions::FenceOptions(const std::string& block, const std::string& body, const SourceLocation& where,
                           std::vector<std::string> known)
    : block_(block), where_(where) {
    size_t start = 0;
    for (int line = where.line; start < body.size(); ++line) {
        size_t end = body.find('\n', start);
        if (end == std::string::npos) end = body.size();
        std::string text = body.substr(start, end - start);
        start = end + 1;
        if (trim(text).empty()) continue;
        SourceLocation at{where.file, line, 1};
        size_t colon = text.find(':');
        if (colon == std::string::npos) throw InputError(at, "expected 'name: value' in the " + block_ + " block, not '" + trim(text) + "'");
        std::string name = trim(text.substr(0, colon));
        if (std::find(known.begin(), known.end(), name) == known.end())
            throw InputError(at, unknown_name("option", name, known) + " in a " + block_ + " block");
        if (values_.count(name)) throw InputError(at, "option '" + name + "' is given twice");
        std::string value = text.substr(colon + 1);
        int column = static_cast<int>(colon) + 2 + static_cast<int>(value.find_first_not_of(' ') == std::string::npos ? 0 : value.find_first_not_of(' '));
        values_[name] = {trim(value), {where.file, line, column}};
    }
}

const std::string& FenceOptions::get(const std::string& name) const { return values_.at(name).first; }

std::string FenceOptions::get_or(const std::string& name, const std::string& fallback) const {
    return has(name) ? get(name) : fallback;
}

SourceLocation FenceOptions::at(const std::string& name) const { return has(name) ? values_.at(name).second : where_; }

const std::string& FenceOptions::require(const std::string& name, const std::string& hint) const {
    if (!has(name)) throw InputError(where_, "a " + block_ + " block needs '" + name + ": " + hint + "'");
    return get(name);
}

std::vector<std::string> FenceOptions::list(const std::string& name) const {
    std::vector<std::string> out;
    if (!has(name)) return out;
    const std::string& value = get(name);
    size_t start = 0;
    while (start <= value.size()) {
        size_t bar = value.find('|', start);
        std::string item = trim(value.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
        if (item.empty()) throw InputError(at(name), "an empty entry in '" + name + "': separate entries with ' | '");
        out.push_back(item);
        if (bar == std::string::npos) break;
        start = bar + 1;
    }
    return out;
}

bool FenceOptions::yes_no(const std::string& name, bool fallback) const {
    if (!has(name)) return fallback;
    const std::string& value = get(name);
    if (auto yes = parse_yes_no(value)) return *yes;
    throw InputError(at(name), "'" + name + "' must be yes or no, not '" + value + "'");
}

doc::Inlines FenceOptions::inline_markdown(const std::string& name) const {
    if (!has(name)) return {};
    return doc::markdown_inline({get(name), at(name)});
}

doc::Block FenceOptions::source_note(const std::string& role) const {
    doc::Inlines note{doc::text("Source: ")};
    for (auto& i : inline_markdown("source")) note.push_back(std::move(i));
    return doc::paragraph(std::move(note), role);
}

}  // namespace agendapack::compose
