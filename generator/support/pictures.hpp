// Pictures checked whole before anything else handles them. libharu passes
// PNGs to libpng in a way that lets libpng abort the process on some damage,
// and copies JPEGs into the PDF as they are, so a damaged one would become a
// broken page. Decoding every pixel here (libpng, libjpeg) finds each such
// fault first, as a message; the size limits keep one picture from taking
// the machine's memory.
#pragma once

#include <string>

namespace agendapack::pictures {

// A report's picture is printed at most a page wide: far fewer pixels than these.
constexpr int kMaxSide = 12000;                 // pixels, either way
constexpr long long kMaxPixels = 40'000'000;    // width × height

struct Checked {
    int width = 0, height = 0;
    std::string problem;  // empty: the picture decodes whole and is within the limits
};

Checked check_png(const std::string& bytes);
Checked check_jpeg(const std::string& bytes);
// An SVG shown on the site (the council's logo): a plain picture, with no
// script, event attribute, embedded page or link out. Empty when it is one.
std::string svg_problem(const std::string& text);

}  // namespace agendapack::pictures
