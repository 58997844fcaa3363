#include "held_stream.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace agendapack::render::pdf {

namespace {

struct Held {
    const char* data;
    HPDF_UINT size;
    HPDF_UINT at;
};

Held& held(HPDF_Stream stream) { return *static_cast<Held*>(stream->attr); }

// As libharu's memory streams do: end of stream only when fewer bytes are
// left than asked for.
HPDF_STATUS read(HPDF_Stream stream, HPDF_BYTE* buffer, HPDF_UINT* size) {
    Held& h = held(stream);
    const HPDF_UINT n = std::min(*size, h.size - h.at);
    std::memcpy(buffer, h.data + h.at, n);
    h.at += n;
    const bool short_read = n < *size;
    *size = n;
    return short_read ? HPDF_STREAM_EOF : HPDF_OK;
}

HPDF_STATUS seek(HPDF_Stream stream, HPDF_INT pos, HPDF_WhenceMode mode) {
    Held& h = held(stream);
    const int64_t from = mode == HPDF_SEEK_CUR ? h.at : mode == HPDF_SEEK_END ? h.size : 0;
    const int64_t to = mode == HPDF_SEEK_END ? from - pos : from + pos;
    if (to < 0 || to > h.size) return HPDF_SetError(stream->error, HPDF_STREAM_EOF, 0);
    h.at = static_cast<HPDF_UINT>(to);
    return HPDF_OK;
}

HPDF_INT32 tell(HPDF_Stream stream) { return static_cast<HPDF_INT32>(held(stream).at); }
HPDF_UINT32 size(HPDF_Stream stream) { return held(stream).size; }
void release(HPDF_Stream stream) { HPDF_FreeMem(stream->mmgr, stream->attr); }

}  // namespace

HPDF_Stream held_stream(HPDF_MMgr mmgr, const std::string& bytes) {
    auto* h = static_cast<Held*>(HPDF_GetMem(mmgr, sizeof(Held)));
    if (!h) return nullptr;
    *h = {bytes.data(), static_cast<HPDF_UINT>(bytes.size()), 0};
    HPDF_Stream stream = HPDF_CallbackReader_New(mmgr, read, seek, tell, size, h);
    if (!stream) {
        HPDF_FreeMem(mmgr, h);
        return nullptr;
    }
    stream->free_fn = release;
    return stream;
}

namespace {

// libharu drops a Filter entry from streams it does not compress itself;
// a compressed stream's dictionary names the filter through this hook.
HPDF_STATUS name_flate_filter(HPDF_Dict, HPDF_Stream stream) { return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012"); }

}  // namespace

void use_compressed(HPDF_Dict dict, const std::string& compressed) {
    HPDF_Stream stream = held_stream(dict->mmgr, compressed);
    if (!stream) return;  // the error is libharu's, and the caller checks it
    HPDF_Stream_Free(dict->stream);
    dict->stream = stream;
    dict->filter = HPDF_STREAM_FILTER_NONE;
    dict->write_fn = name_flate_filter;
}

}  // namespace agendapack::render::pdf
