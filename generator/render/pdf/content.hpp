// Phase 4a: what each sheet of the pack prints, as the operators of its PDF
// content stream. Nothing here touches the PDF library or anything shared,
// so the sheets of a pack are drawn (and compressed) side by side; the
// writer (finalize.cpp) names each page's fonts and pictures beforehand and
// puts the streams into the document afterwards.
#pragma once

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "../chart/chart.hpp"
#include "encoding.hpp"
#include "layout.hpp"
#include "pack.hpp"

namespace agendapack::render::pdf {

// One printed page: a page of a document, or a padding page (no content),
// with what goes on it besides: its printed number and its stamp.
struct Sheet {
    const Page* page = nullptr;   // null for a padding page
    bool landscape = false;
    int number = 0;               // printed "Page N"; 0 = unnumbered front matter
    std::string stamp;
    // The document's own page number, where it keeps one ("- 2 -"), printed
    // at the head of its later pages, clear of the pack's "Page N".
    std::string own_number;
    // An exempt document in the members' edition: "Not for publication …"
    // at the foot of each of its pages.
    std::string restriction;
};

// What a sheet prints around its content — page number, own number, stamp,
// restriction — and where: drawn by draw_sheet, and kept clear when a
// received PDF's page is placed on the sheet.
struct FurnitureItem {
    std::string text;
    Fonts::Face face = Fonts::Regular;
    double size = 10, x = 0, y = 0, width = 0;  // (x, y): the text's baseline start
    bool boxed = false;                          // the stamp: ruled round
    // The area it covers, x0 y0 x1 y1.
    std::array<double, 4> area() const;
};
std::vector<FurnitureItem> furniture_of(const Sheet& sheet, const Style& style, const Fonts& fonts);
// A sheet's width and height in points, turned when it is landscape.
struct SheetSize {
    double width = 0, height = 0;
};
SheetSize sheet_size(const Sheet& sheet, const Style& style);

// Each chart's scene, worked out once per pack: its text picks the pack's
// characters before any page is drawn, and its shapes are drawn.
using Scenes = std::map<const doc::Chart*, std::vector<chart::Shape>>;

// What a page's content calls its fonts and pictures (its resources).
struct PageResources {
    std::array<std::array<std::string, 2>, Fonts::kFaces> fonts;  // [face][slot] → "F1"
    std::map<const doc::Image*, std::string> images;  // → "X1"
    // A received page placed on the sheet: its form's name, and the matrix
    // ("a b c d e f") that draws it onto its place.
    std::string received, received_matrix;
    bool operator==(const PageResources&) const = default;
};

// The fonts and pictures a sheet draws with, so the writer can name them.
struct SheetNeeds {
    std::array<std::array<bool, 2>, Fonts::kFaces> fonts{};  // [face][slot]
    std::vector<const doc::Image*> images;       // in drawing order, each once
};
SheetNeeds needs_of(const Sheet& sheet, const Scenes& scenes);

// What drawing a sheet gives: its content stream, and the codes it shows in
// each font (the glyphs each embedded subset must keep).
struct SheetContent {
    std::string stream;
    std::array<std::array<std::string, 2>, Fonts::kFaces> shown;  // [face][slot] → codes, two bytes each
    std::vector<int> marks;  // each MCID's element, in the page's structure
};

// Everything a sheet's drawing reads; all of it is read-only while sheets
// are drawn side by side.
struct DrawingContext {
    const Pack& pack;
    const Style& style;
    const Fonts& fonts;
    const PackEncoding& encoding;
    const Scenes& scenes;
};

SheetContent draw_sheet(const DrawingContext& context, const Sheet& sheet, const PageResources& names);

// A number as content streams write it: at most three decimals, no
// trailing zeros, never "-0".
void append_number(std::string& out, double value);
// Bytes as a PDF literal string, "(…)", its delimiters and line ends escaped.
void append_literal(std::string& out, std::string_view bytes);

}  // namespace agendapack::render::pdf
