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
    // Object streams of at most 100 objects each.
    Compressor deflater;
    constexpr size_t kPerStream = 100;
    std::map<uint32_t, std::pair<uint32_t, uint32_t>> in_stream;  // object → (stream, index)
    for (size_t first = 0; first < packed_.size(); first += kPerStream) {
        const size_t last = std::min(packed_.size(), first + kPerStream);
        const uint32_t stream = next_++;
        std::string offsets, bodies;
        for (size_t k = first; k < last; ++k) {
            offsets += std::to_string(packed_[k].first) + " " + std::to_string(bodies.size()) + " ";
            bodies += packed_[k].second + "\n";
            in_stream[packed_[k].first] = {stream, static_cast<uint32_t>(k - first)};
        }
        const std::string packed = deflater.compress(offsets + bodies);
        at_[stream] = file_.size();
        file_ += std::to_string(stream) + " 0 obj\n<</Type/ObjStm/N " + std::to_string(last - first) + "/First " +
                 std::to_string(offsets.size()) + "/Filter/FlateDecode/Length " + std::to_string(packed.size()) + ">>\nstream\n" +
                 packed + "\nendstream\nendobj\n";
    }

    // The cross-reference stream: type 2 entries for objects in streams,
    // type 1 for the rest and itself.
    const uint32_t xref = next_++;
    at_[xref] = file_.size();
    std::map<uint32_t, std::string> rows;
    auto row = [](uint8_t type, uint32_t field2, uint16_t field3) {
        std::string r(7, '\0');
        r[0] = static_cast<char>(type);
        for (int i = 0; i < 4; ++i) r[1 + i] = static_cast<char>((field2 >> (24 - 8 * i)) & 0xFF);
        r[5] = static_cast<char>(field3 >> 8);
        r[6] = static_cast<char>(field3 & 0xFF);
        return r;
    };
    for (const auto& [object, place] : in_stream) rows[object] = row(2, place.first, static_cast<uint16_t>(place.second));
    for (const auto& [object, offset] : at_) rows[object] = row(1, static_cast<uint32_t>(offset), 0);
    std::string index, data;
    for (auto it = rows.begin(); it != rows.end();) {
        auto run_end = it;
        uint32_t count = 0;
        while (run_end != rows.end() && run_end->first == it->first + count) {
            data += run_end->second;
            ++run_end;
            ++count;
        }
        index += std::to_string(it->first) + " " + std::to_string(count) + " ";
        it = run_end;
    }
    const std::string packed = deflater.compress(data);
    file_ += std::to_string(xref) + " 0 obj\n<</Type/XRef/Size " + std::to_string(xref + 1) + "/Index[" + index + "]/W[1 4 2]\n" +
             carried_ + "/Prev " + previous_ + "/Filter/FlateDecode/Length " + std::to_string(packed.size()) + ">>\nstream\n" + packed +
             "\nendstream\nendobj\nstartxref\n" + std::to_string(at_[xref]) + "\n%%EOF\n";
}

}  // namespace agendapack::render::pdf
