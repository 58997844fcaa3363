#include <algorithm>
#include <tuple>

#include "support.hpp"

namespace agendapack {

std::string format_location(const SourceLocation& where) {
    // Always file:line:col, so editors and CI annotate even whole-file errors.
    return where.file + ":" + std::to_string(where.line > 0 ? where.line : 1) + ":" +
           std::to_string(where.column > 0 ? where.column : 1);
}

InputError::InputError(SourceLocation where, std::string message)
    : std::runtime_error(format_location(where) + ": " + message),
      where_(std::move(where)),
      message_(std::move(message)) {}

void sort_errors(std::vector<InputError>& errors) {
    auto before = [](const InputError& a, const InputError& b) {
        const SourceLocation &x = a.where(), &y = b.where();
        return std::tie(x.file, x.line, x.column, a.message()) < std::tie(y.file, y.line, y.column, b.message());
    };
    std::sort(errors.begin(), errors.end(), before);
    errors.erase(std::unique(errors.begin(), errors.end(),
                             [&](const InputError& a, const InputError& b) { return !before(a, b) && !before(b, a); }),
                 errors.end());
}

InputErrors::InputErrors(std::vector<InputError> errors)
    : std::runtime_error(errors.empty() ? std::string("no errors") : std::string(errors.front().what())), errors_(std::move(errors)) {}

std::string source_excerpt(const std::string& file_text, int line, int column) {
    if (line <= 0) return "";
    size_t start = 0;
    for (int current = 1; current < line; ++current) {
        start = file_text.find('\n', start);
        if (start == std::string::npos) return "";
        ++start;
    }
    size_t end = file_text.find('\n', start);
    std::string text = file_text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (trim(text).empty()) return "";
    // Tabs keep their width so the caret lands under the right character.
    std::string caret;
    for (int i = 1; i < column && i - 1 < static_cast<int>(text.size()); ++i)
        caret += text[i - 1] == '\t' ? '\t' : ' ';
    return text + "\n" + caret + "^";
}

}  // namespace agendapack
