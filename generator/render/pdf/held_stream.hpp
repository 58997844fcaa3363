// A libharu stream that reads bytes agendapack holds, where they lie: for
// the font files libharu loads and the compressed streams it writes. Its
// own memory streams copy whatever goes in and out of them a byte at a time.
#pragma once

#include <hpdf.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <string>

namespace agendapack::render::pdf {

// A read-only stream over `bytes`, which must outlive it; freed as any
// other libharu stream. Null when libharu has no memory (its error set).
HPDF_Stream held_stream(HPDF_MMgr mmgr, const std::string& bytes);

// A stream dictionary's data replaced by `compressed` (zlib, which must
// outlive the saving), written as it is with /Filter /FlateDecode: libharu
// compresses nothing of ours, its zlib being slower for the same size.
void use_compressed(HPDF_Dict dict, const std::string& compressed);

}  // namespace agendapack::render::pdf
