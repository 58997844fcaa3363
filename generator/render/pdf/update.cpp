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

void Update::add_row_here(uint32_t object) { rows_.push_back({object, 1, static_cast<uint32_t>(file_.size()), 0}); }

void Update::add_whole(uint32_t number, const std::string& body) {
    add_row_here(number);
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
    std::string data;  // a stream's "number offset" pairs, then the objects
    for (size_t first = 0; first < packed_.size(); first += kPerStream) {
        const size_t last = std::min(packed_.size(), first + kPerStream);
        const uint32_t stream = next_++;
        std::string bodies;
        data.clear();
        for (size_t k = first; k < last; ++k) {
            data += std::to_string(packed_[k].first) + ' ' + std::to_string(bodies.size()) + ' ';
            bodies += packed_[k].second;
            bodies += '\n';
            rows_.push_back({packed_[k].first, 2, stream, static_cast<uint16_t>(k - first)});
        }
        const size_t first_body = data.size();
        data += bodies;
        const std::string packed = deflater.compress(data);
        add_row_here(stream);
        file_ += std::to_string(stream) + " 0 obj\n<</Type/ObjStm/N " + std::to_string(last - first) + "/First " +
                 std::to_string(first_body) + "/Filter/FlateDecode/Length " + std::to_string(packed.size()) + ">>\nstream\n";
        file_ += packed;
        file_ += "\nendstream\nendobj\n";
    }

    // The cross-reference stream, itself among its rows, in runs of
    // consecutive numbers.
    const uint32_t xref = next_++;
    const size_t xref_at = file_.size();
    add_row_here(xref);
    std::sort(rows_.begin(), rows_.end(), [](const Row& a, const Row& b) { return a.object < b.object; });
    std::string index;
    data.clear();
    for (size_t at = 0; at < rows_.size();) {
        size_t run = at;
        for (; run < rows_.size() && rows_[run].object == rows_[at].object + (run - at); ++run) {
            const Row& r = rows_[run];
            const uint32_t f2 = r.offset_or_stream;
            const char bytes[7] = {static_cast<char>(r.type),      static_cast<char>(f2 >> 24), static_cast<char>(f2 >> 16),
                                   static_cast<char>(f2 >> 8),     static_cast<char>(f2),       static_cast<char>(r.index >> 8),
                                   static_cast<char>(r.index)};
            data.append(bytes, sizeof bytes);
        }
        index += std::to_string(rows_[at].object) + " " + std::to_string(run - at) + " ";
        at = run;
    }
    const std::string packed = deflater.compress(data);
    file_ += std::to_string(xref) + " 0 obj\n<</Type/XRef/Size " + std::to_string(xref + 1) + "/Index[" + index + "]/W[1 4 2]\n" +
             carried_ + "/Prev " + previous_ + "/Filter/FlateDecode/Length " + std::to_string(packed.size()) + ">>\nstream\n" + packed +
             "\nendstream\nendobj\nstartxref\n" + std::to_string(xref_at) + "\n%%EOF\n";
}

}  // namespace agendapack::render::pdf
