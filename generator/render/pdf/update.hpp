// An incremental update (PDF 1.7, 7.5.6) appended to the file libharu
// saved: what the writer makes after saving (the structure tree, received
// pages' forms), found through a cross-reference stream whose /Prev is the
// saved file's table. Small objects are packed into compressed object
// streams, as qpdf packs them; streams, which cannot be, are written as
// they are.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace agendapack::render::pdf {

class Update {
public:
    // Reads the saved file's trailer (/Root, /Info, /ID, where its table is).
    explicit Update(std::string& file);
    // An object written as it is (a stream: they cannot be packed), now,
    // at the end of the file; `body` is what goes between "N 0 obj" and "endobj".
    void add_whole(uint32_t number, const std::string& body);
    // An object's body (no stream), packed into an object stream at finish.
    void add_packed(uint32_t number, std::string body);
    // Writes the object streams and the cross-reference stream: numbered
    // after every object added.
    void finish();

private:
    // A cross-reference entry: type 1, an object at an offset in the file;
    // type 2, the index-th object of an object stream.
    struct Row {
        uint32_t object;
        uint8_t type;
        uint32_t offset_or_stream;
        uint16_t index;
    };
    void add_row_here(uint32_t object);  // type 1, at the file's end

    std::string& file_;
    std::string carried_;   // the trailer's /Root, /Info and /ID lines, as they are
    std::string previous_;  // the saved table's offset
    uint32_t next_ = 1;     // above every number added
    std::vector<std::pair<uint32_t, std::string>> packed_;
    std::vector<Row> rows_;
};

}  // namespace agendapack::render::pdf
