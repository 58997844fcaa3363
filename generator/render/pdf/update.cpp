#include "update.hpp"

#include <algorithm>
#include <stdexcept>

#include "compressor.hpp"

namespace agendapack::render::pdf {

Update::Update(std::string& file) : file_(file) {
    // libharu writes its trailer one entry a line.
    const size_t trailer = file.rfind("trailer");
    const size_t startxref = file.rfind("startxref");
    if (trailer == std::string::npos || startxref == std::string::npos || startxref < trailer)
        throw std::runtime_error("the saved file has no trailer to update");
    for (size_t at = file.find('\n', trailer) + 1; at < startxref;) {
        size_t end = file.find('\n', at);
        if (end == std::string::npos || end > startxref) end = startxref;
        std::string line = file.substr(at, end - at);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.rfind("/Root", 0) == 0 || line.rfind("/Info", 0) == 0 || line.rfind("/ID", 0) == 0) carried_ += line + "\n";
        at = end + 1;
    }
    previous_ = std::to_string(std::stoul(file.substr(startxref + 9)));
    if (!file_.empty() && file_.back() != '\n') file_ += '\n';
}

void Update::add_whole(uint32_t number, const std::string& body) {
    at_[number] = file_.size();
    file_ += std::to_string(number) + " 0 obj\n";
    file_ += body;
    file_ += "\nendobj\n";
    next_ = std::max(next_, number + 1);
}

void Update::add_packed(uint32_t number, std::string body) {
    packed_.emplace_back(number, std::move(body));
    next_ = std::max(next_, number + 1);
}

void Update::finish() {
    // Object streams of at most 100 objects each. Level 1: a structure tree
    // is read by machines, and at level 5 its streams were a tenth of an
    // archive's CPU for 1 % of its bytes.
    Compressor deflater(1);
    constexpr size_t kPerStream = 100;
    struct Row {
        uint32_t object;
        uint8_t type;     // 1: at an offset in the file; 2: in an object stream
        uint32_t field2;  // the offset, or the object stream's number
        uint16_t field3;  // the index in the object stream
    };
    std::vector<Row> rows;
    rows.reserve(packed_.size() + packed_.size() / kPerStream + at_.size() + 2);
    std::string offsets, bodies;
    for (size_t first = 0; first < packed_.size(); first += kPerStream) {
        const size_t last = std::min(packed_.size(), first + kPerStream);
        const uint32_t stream = next_++;
        offsets.clear();
        bodies.clear();
        for (size_t k = first; k < last; ++k) {
            offsets += std::to_string(packed_[k].first);
            offsets += ' ';
            offsets += std::to_string(bodies.size());
            offsets += ' ';
            bodies += packed_[k].second;
            bodies += '\n';
            rows.push_back({packed_[k].first, 2, stream, static_cast<uint16_t>(k - first)});
        }
        const size_t first_body = offsets.size();
        offsets += bodies;
        const std::string packed = deflater.compress(offsets);
        at_[stream] = file_.size();
        file_ += std::to_string(stream) + " 0 obj\n<</Type/ObjStm/N " + std::to_string(last - first) + "/First " +
                 std::to_string(first_body) + "/Filter/FlateDecode/Length " + std::to_string(packed.size()) + ">>\nstream\n";
        file_ += packed;
        file_ += "\nendstream\nendobj\n";
    }

    // The cross-reference stream: type 2 entries for objects in streams,
    // type 1 for the rest and itself, in runs of consecutive numbers.
    const uint32_t xref = next_++;
    at_[xref] = file_.size();
    for (const auto& [object, offset] : at_) rows.push_back({object, 1, static_cast<uint32_t>(offset), 0});
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.object < b.object; });
    std::string index, data;
    data.reserve(rows.size() * 7);
    for (size_t at = 0; at < rows.size();) {
        size_t run = at;
        while (run < rows.size() && rows[run].object == rows[at].object + (run - at)) {
            const Row& r = rows[run];
            const uint32_t f2 = r.field2;
            const char bytes[7] = {static_cast<char>(r.type), static_cast<char>(f2 >> 24), static_cast<char>(f2 >> 16),
                                   static_cast<char>(f2 >> 8), static_cast<char>(f2), static_cast<char>(r.field3 >> 8),
                                   static_cast<char>(r.field3)};
            data.append(bytes, sizeof bytes);
            ++run;
        }
        index += std::to_string(rows[at].object) + " " + std::to_string(run - at) + " ";
        at = run;
    }
    const std::string packed = deflater.compress(data);
    file_ += std::to_string(xref) + " 0 obj\n<</Type/XRef/Size " + std::to_string(xref + 1) + "/Index[" + index + "]/W[1 4 2]\n" +
             carried_ + "/Prev " + previous_ + "/Filter/FlateDecode/Length " + std::to_string(packed.size()) + ">>\nstream\n" + packed +
             "\nendstream\nendobj\nstartxref\n" + std::to_string(at_[xref]) + "\n%%EOF\n";
}

}  // namespace agendapack::render::pdf
