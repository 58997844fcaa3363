#include "record.hpp"

#include <sstream>

#include "../support/hash.hpp"

namespace agendapack::build {

namespace {

const char* kHeader = "agendapack-cache 1";

// Fields are tab-separated; tabs, newlines and backslashes inside are escaped.
std::string escape(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\\') out += "\\\\";
        else if (c == '\t') out += "\\t";
        else if (c == '\n') out += "\\n";
        else out += c;
    }
    return out;
}

std::string unescape(const std::string& text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\\' || i + 1 == text.size()) {
            out += text[i];
            continue;
        }
        char c = text[++i];
        out += c == 't' ? '\t' : c == 'n' ? '\n' : c;
    }
    return out;
}

std::vector<std::string> fields(const std::string& line) {
    std::vector<std::string> out;
    size_t start = 0;
    for (;;) {
        size_t tab = line.find('\t', start);
        out.push_back(unescape(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start)));
        if (tab == std::string::npos) return out;
        start = tab + 1;
    }
}

uint64_t from_hex(const std::string& text) {
    if (text.size() != 16 || text.find_first_not_of("0123456789abcdef") != std::string::npos) throw std::invalid_argument("hash");
    return std::stoull(text, nullptr, 16);
}

}  // namespace

std::optional<BuildRecord> parse_record(const std::string& text) {
    std::istringstream in(text);
    std::string line;
    if (!std::getline(in, line) || line != kHeader) return std::nullopt;
    BuildRecord entry;
    bool named = false;
    try {
        while (std::getline(in, line)) {
            std::vector<std::string> f = fields(line);
            const std::string& kind = f[0];
            if (kind == "meeting" && f.size() == 3 && !named) {
                entry.summary.id = f[1];
                entry.key = f[2];
                named = true;
            } else if (!named) {
                return std::nullopt;
            } else if (kind == "file" && f.size() == 3) {
                entry.files[f[2]] = std::stoull(f[1]);
            } else if (kind == "input" && f.size() == 3) {
                entry.inputs[f[2]] = from_hex(f[1]);
            } else if (kind == "pack" && f.size() == 4) {
                entry.summary.pack = {f[1], std::stoull(f[2]), std::stoi(f[3])};
            } else if (kind == "strict" && f.size() == 1) {
                entry.summary.strict = true;
            } else if (kind == "use" && f.size() == 7) {
                entry.summary.glossary_uses.push_back({f[1], f[2], f[3], f[4], f[5], f[6]});
            } else if ((kind == "warning" || kind == "note") && f.size() == 5) {
                entry.summary.warnings.push_back({{f[1], std::stoi(f[2]), std::stoi(f[3])}, f[4], kind == "note"});
            } else {
                return std::nullopt;
            }
        }
    } catch (const std::exception&) {
        return std::nullopt;
    }
    if (!named) return std::nullopt;
    return entry;
}

std::string format_record(const BuildRecord& entry) {
    std::string out = std::string(kHeader) + "\n";
    auto line = [&](std::initializer_list<std::string> values) {
        bool first = true;
        for (const auto& v : values) {
            if (!first) out += '\t';
            out += escape(v);
            first = false;
        }
        out += '\n';
    };
    const MeetingSummary& s = entry.summary;
    line({"meeting", s.id, entry.key});
    for (const auto& [path, hash] : entry.inputs) line({"input", to_hex(hash), path});
    for (const auto& [path, size] : entry.files) line({"file", std::to_string(size), path});
    line({"pack", s.pack.file, std::to_string(s.pack.bytes), std::to_string(s.pack.pages)});
    if (s.strict) line({"strict"});
    for (const auto& u : s.glossary_uses) line({"use", u.glossary, u.anchor, u.document_id, u.document_title, u.meeting_id, u.meeting_date});
    for (const auto& w : s.warnings)
        line({w.advisory ? "note" : "warning", w.where.file, std::to_string(w.where.line), std::to_string(w.where.column), w.message});
    return out;
}

}  // namespace agendapack::build
