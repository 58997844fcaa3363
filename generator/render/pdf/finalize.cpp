// Phase 4: pages into a PDF with libharu. Front matter, then the numbered
// documents with their padding pages; page numbers, stamps, links, bookmarks,
// page labels and document info. libharu 2.3 lets one error poison the whole
// document, so inputs are checked before they reach it and any error it
// reports fails the build rather than writing a damaged pack.
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_pages.h>
#include <libdeflate.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <map>
#include <memory>
#include <set>

#include "../../support/parallel.hpp"
#include "../chart/chart.hpp"
#include "encoding.hpp"
#include "pack.hpp"

namespace agendapack::render::pdf {

namespace {

struct HaruError {
    HPDF_STATUS code = 0;
    HPDF_STATUS detail = 0;
};

void on_error(HPDF_STATUS code, HPDF_STATUS detail, void* data) {
    auto* error = static_cast<HaruError*>(data);
    if (error->code == 0) *error = {code, detail};
}

// One page of the finished pack and what goes on it besides its content.
struct Sheet {
    const Page* page = nullptr;   // null for a padding page
    bool landscape = false;
    int number = 0;               // printed "Page N"; 0 = unnumbered front matter
    std::string stamp;
};

const char* kPackEncoding = "agendapack-pack";

class Writer {
public:
    Writer(const Style& style, const PackEncoding& encoding) : style_(style), encoding_(encoding) {
        pdf_ = HPDF_New(on_error, &error_);
        if (!pdf_) throw std::runtime_error("libharu could not start");
        // Page contents are compressed by compress_pages (libdeflate, faster
        // than libharu's zlib for the same size); libharu does the rest.
        HPDF_SetCompressionMode(pdf_, HPDF_COMP_IMAGE | HPDF_COMP_METADATA);
        // The pack's own encoding (encoding.hpp says why) for the fonts, and
        // for bookmarks and document information, which libharu writes as
        // UTF-16 through the same map: no other encoding is set up.
        encoding_.install(pdf_, kPackEncoding);
        HPDF_SetCurrentEncoder(pdf_, kPackEncoding);
        check("setting up the pack's encoding");
    }

    // Text in the pack's codes, for HPDF_Page_TextOut and ShowText.
    std::string codes(const std::string& utf8) const { return encoding_.encode(utf8); }
    ~Writer() { HPDF_Free(pdf_); }

    // The font of a face's file (0 = its own, 1 = the fallback): runs ask
    // for it by face, so no file name is looked up per run.
    HPDF_Font font(const Fonts& fonts, Fonts::Face face, int slot) {
        HPDF_Font& known = by_face_.at(face).at(slot);
        if (!known) known = font(fonts.file(face, slot));
        return known;
    }

    // Text drawn straight into a content stream (ContentOps) bypasses
    // libharu's measuring, which is how it learns which glyphs to embed:
    // its codes are noted here, and mark_glyphs() tells each font once.
    void note_codes(HPDF_Font font, const std::string& codes) {
        auto it = std::find_if(used_.begin(), used_.end(), [&](const auto& entry) { return entry.first == font; });
        if (it == used_.end()) it = used_.insert(used_.end(), {font, std::vector<bool>(0x10000, false)});
        for (size_t i = 0; i + 1 < codes.size(); i += 2)
            it->second[(static_cast<unsigned char>(codes[i]) << 8) | static_cast<unsigned char>(codes[i + 1])] = true;
    }
    void mark_glyphs() {
        for (const auto& [font, used] : used_) {
            HPDF_FontDef definition = static_cast<HPDF_FontAttr>(font->attr)->fontdef;
            for (size_t code = 0; code < used.size(); ++code)
                if (used[code]) HPDF_TTFontDef_GetCharWidth(definition, static_cast<HPDF_UNICODE>(encoding_.character_of(static_cast<uint16_t>(code))));
        }
    }

    HPDF_Font font(const std::string& file) {
        auto it = fonts_.find(file);
        if (it != fonts_.end()) return it->second;
        const char* name = HPDF_LoadTTFontFromFile(pdf_, file.c_str(), HPDF_TRUE);
        check("loading the font " + file);
        HPDF_Font f = HPDF_GetFont(pdf_, name, kPackEncoding);
        check("using the font " + file);
        replace_to_unicode(f);
        fonts_[file] = f;
        return f;
    }

    // libharu gives Type0 fonts a ToUnicode CMap of its encoder's ranges,
    // which does not say which character each code is; this one does.
    void replace_to_unicode(HPDF_Font font) {
        HPDF_Dict stream = HPDF_DictStream_New(pdf_->mmgr, pdf_->xref);
        if (!stream) {
            check("making a ToUnicode map");
            return;
        }
        stream->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
        const std::string cmap = encoding_.to_unicode_cmap();
        HPDF_Stream_WriteStr(stream->stream, cmap.c_str());
        HPDF_Dict_Add(font, "ToUnicode", stream);
        check("replacing the ToUnicode map");
    }

    HPDF_Image image(const doc::Image& picture) {
        auto it = images_.find(&picture);
        if (it != images_.end()) return it->second;
        const auto* bytes = reinterpret_cast<const HPDF_BYTE*>(picture.bytes.data());
        auto size = static_cast<HPDF_UINT>(picture.bytes.size());
        HPDF_Image loaded = picture.format == doc::Image::Format::Png ? HPDF_LoadPngImageFromMem(pdf_, bytes, size)
                                                                       : HPDF_LoadJpegImageFromMem(pdf_, bytes, size);
        check("reading the picture " + picture.name);
        images_[&picture] = loaded;
        return loaded;
    }

    void check(const std::string& what) {
        if (error_.code == 0) return;
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "error 0x%04X (detail %u)", static_cast<unsigned>(error_.code),
                      static_cast<unsigned>(error_.detail));
        throw std::runtime_error("libharu " + std::string(buffer) + " while " + what);
    }

    HPDF_Doc pdf_ = nullptr;
    HaruError error_;
    const Style& style_;
    const PackEncoding& encoding_;
    std::map<std::string, HPDF_Font> fonts_;
    std::array<std::array<HPDF_Font, 2>, 4> by_face_{};
    std::vector<std::pair<HPDF_Font, std::vector<bool>>> used_;
    std::map<const doc::Image*, HPDF_Image> images_;
};

void set_colour(HPDF_Page page, const Colour& c, bool fill) {
    if (fill) HPDF_Page_SetRGBFill(page, c.r, c.g, c.b);
    else HPDF_Page_SetRGBStroke(page, c.r, c.g, c.b);
}

void text(Writer& w, const Fonts& fonts, HPDF_Page page, const std::string& utf8, Fonts::Face face, double size, double x,
          double y, const Colour& colour) {
    // Page furniture only: plain text the primary faces always have.
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, w.font(fonts.file(face, 0)), size);
    set_colour(page, colour, true);
    HPDF_Page_TextOut(page, x, y, w.codes(utf8).c_str());
    HPDF_Page_EndText(page);
}

// RAG shapes and arrows as vector paths in the run's box: they print in any
// font and read in greyscale by their shape alone.
void draw_symbol(HPDF_Page page, const Style& style, const Run& run, double x, double baseline) {
    const double s = run.size * 0.8;
    const double x0 = x + (run.width - s) / 2, y0 = baseline - run.size * 0.05;
    auto polygon = [&](std::initializer_list<std::pair<double, double>> points) {
        bool first = true;
        for (const auto& [px, py] : points) {
            if (first) HPDF_Page_MoveTo(page, x0 + px * s, y0 + py * s);
            else HPDF_Page_LineTo(page, x0 + px * s, y0 + py * s);
            first = false;
        }
        HPDF_Page_ClosePath(page);
    };
    HPDF_Page_SetLineWidth(page, 0.5);
    set_colour(page, style.text, false);
    if (run.symbol == "rag-green") {
        set_colour(page, style.rag_green, true);
        HPDF_Page_Circle(page, x0 + s / 2, y0 + s / 2, s / 2);
        HPDF_Page_FillStroke(page);
    } else if (run.symbol == "rag-amber") {
        set_colour(page, style.rag_amber, true);
        polygon({{0.5, 1.0}, {1.0, 0.05}, {0.0, 0.05}});
        HPDF_Page_FillStroke(page);
    } else if (run.symbol == "rag-red") {
        set_colour(page, style.rag_red, true);
        HPDF_Page_Rectangle(page, x0 + 0.05 * s, y0 + 0.05 * s, 0.9 * s, 0.9 * s);
        HPDF_Page_FillStroke(page);
    } else {
        set_colour(page, style.text, true);
        if (run.symbol == "arrow-up") polygon({{0.5, 1.0}, {1.0, 0.5}, {0.67, 0.5}, {0.67, 0.0}, {0.33, 0.0}, {0.33, 0.5}, {0.0, 0.5}});
        else if (run.symbol == "arrow-down") polygon({{0.5, 0.0}, {1.0, 0.5}, {0.67, 0.5}, {0.67, 1.0}, {0.33, 1.0}, {0.33, 0.5}, {0.0, 0.5}});
        else polygon({{1.0, 0.5}, {0.5, 1.0}, {0.5, 0.67}, {0.0, 0.67}, {0.0, 0.33}, {0.5, 0.33}, {0.5, 0.0}});
        HPDF_Page_Fill(page);
    }
}

// The chart scene scaled into its box; y flips from the scene's downward axis.
// Each chart's scene, worked out once: its text picks the pack's characters
// before any page is drawn, and its shapes are drawn.
using Scenes = std::map<const doc::Chart*, std::vector<chart::Shape>>;

void draw_chart(Writer& w, const Pack& pack, HPDF_Page page, const std::vector<chart::Shape>& scene, double x, double y, double width,
                double height) {
    const double k = width / chart::kWidth;
    auto px = [&](double sx) { return x + sx * k; };
    auto py = [&](double sy) { return y + height - sy * k; };
    auto rgb = [&](const chart::Rgb& c, bool fill) { set_colour(page, {c.r / 255.0, c.g / 255.0, c.b / 255.0}, fill); };
    for (const auto& s : scene) {
        switch (s.kind) {
            case chart::Shape::Kind::Line:
            case chart::Shape::Kind::Polyline: {
                rgb(s.colour, false);
                HPDF_Page_SetLineWidth(page, s.width * k);
                if (s.dashed) {
                    HPDF_UINT16 dash[] = {6, 3};
                    HPDF_Page_SetDash(page, dash, 2, 0);
                }
                HPDF_Page_MoveTo(page, px(s.points[0].first), py(s.points[0].second));
                for (size_t i = 1; i < s.points.size(); ++i) HPDF_Page_LineTo(page, px(s.points[i].first), py(s.points[i].second));
                HPDF_Page_Stroke(page);
                if (s.dashed) HPDF_Page_SetDash(page, nullptr, 0, 0);
                break;
            }
            case chart::Shape::Kind::Rect:
                rgb(s.colour, true);
                HPDF_Page_Rectangle(page, px(s.points[0].first), py(s.points[1].second), (s.points[1].first - s.points[0].first) * k,
                                    (s.points[1].second - s.points[0].second) * k);
                HPDF_Page_Fill(page);
                break;
            case chart::Shape::Kind::Marker: {
                rgb(s.colour, true);
                double cx = px(s.points[0].first), cy = py(s.points[0].second), r = 4 * k;
                if (s.marker == "square") HPDF_Page_Rectangle(page, cx - r * 0.9, cy - r * 0.9, r * 1.8, r * 1.8);
                else if (s.marker == "triangle") {
                    HPDF_Page_MoveTo(page, cx, cy + r * 1.1);
                    HPDF_Page_LineTo(page, cx + r * 1.1, cy - r * 0.9);
                    HPDF_Page_LineTo(page, cx - r * 1.1, cy - r * 0.9);
                    HPDF_Page_ClosePath(page);
                } else {
                    HPDF_Page_Circle(page, cx, cy, r);
                }
                HPDF_Page_Fill(page);
                break;
            }
            case chart::Shape::Kind::Text: {
                const Fonts::Face face = s.bold ? Fonts::Bold : Fonts::Regular;
                const double size = s.size * k;
                double text_w = text_width(s.text, face, size, *pack.fonts);
                double shift = s.anchor == "middle" ? text_w / 2 : s.anchor == "end" ? text_w : 0;
                HPDF_Page_BeginText(page);
                HPDF_Page_SetFontAndSize(page, w.font(pack.fonts->file(face, 0)), size);
                rgb(s.colour, true);
                if (s.vertical) {
                    HPDF_Page_SetTextMatrix(page, 0, 1, -1, 0, px(s.points[0].first), py(s.points[0].second) - shift);
                    HPDF_Page_ShowText(page, w.codes(s.text).c_str());
                } else {
                    HPDF_Page_TextOut(page, px(s.points[0].first) - shift, py(s.points[0].second), w.codes(s.text).c_str());
                }
                HPDF_Page_EndText(page);
                break;
            }
        }
    }
}

// A number as content streams write it: at most three decimals, no
// trailing zeros, never "-0".
// std::to_chars rounds exactly as printf's "%.3f" does, without a locale
// or a format string to parse: every coordinate of every page passes here.
void append_number(std::string& out, double value) {
    char buffer[64];
    auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 3);
    if (error != std::errc()) {
        out += '0';  // beyond any page's size; never reached by real coordinates
        return;
    }
    char* n = end;
    while (n > buffer && n[-1] == '0') --n;
    if (n > buffer && n[-1] == '.') --n;
    if (n - buffer == 2 && buffer[0] == '-' && buffer[1] == '0') {
        out += '0';
        return;
    }
    out.append(buffer, n);
}

// The commonest operators of a page written straight into its content
// stream. libharu writes every string of a Type0 font in hex, four bytes a
// character, where a literal string takes two, so the stream is half the
// size and compresses in half the time; and each of its operators clears a
// 512-byte buffer a byte at a time. The Writer notes each run's codes so the
// embedded subsets still get their glyphs; fonts are set through libharu (it
// names them in the page's resources).
class ContentOps {
public:
    ContentOps(Writer& writer, HPDF_Page page) : writer_(writer), stream_(static_cast<HPDF_PageAttr>(page->attr)->stream) {}

    void colour(const Colour& c, bool fill) {
        op_.clear();
        for (double v : {c.r, c.g, c.b}) {
            append_number(op_, v);
            op_ += ' ';
        }
        op_ += fill ? "rg\012" : "RG\012";
        write();
    }
    // A filled rectangle, or one outlined with lines `line_width` wide.
    void rectangle(double x, double y, double w, double h, bool fill, double line_width = 0) {
        op_.clear();
        if (!fill) {
            append_number(op_, line_width);
            op_ += " w ";
        }
        for (double v : {x, y, w, h}) {
            append_number(op_, v);
            op_ += ' ';
        }
        op_ += fill ? "re f\012" : "re S\012";
        write();
    }
    // After BT the line matrix is the identity again.
    void begin() { x_ = y_ = 0; }
    void show(HPDF_Font font, double x, double y, const std::string& utf8) {
        codes_.clear();
        writer_.encoding_.encode_into(utf8, codes_);
        writer_.note_codes(font, codes_);
        // Moves are relative: rounding each to what is printed keeps the
        // error from adding up along a page.
        const double dx = std::round((x - x_) * 1000) / 1000, dy = std::round((y - y_) * 1000) / 1000;
        op_.clear();
        append_number(op_, dx);
        op_ += ' ';
        append_number(op_, dy);
        op_ += " Td (";
        for (char c : codes_) {
            switch (c) {
                case '(': op_ += "\\("; break;
                case ')': op_ += "\\)"; break;
                case '\\': op_ += "\\\\"; break;
                case '\r': op_ += "\\r"; break;
                case '\n': op_ += "\\n"; break;
                default: op_ += c;
            }
        }
        op_ += ")Tj\012";
        write();
        x_ += dx;
        y_ += dy;
    }

private:
    void write() { HPDF_Stream_Write(stream_, reinterpret_cast<const HPDF_BYTE*>(op_.data()), static_cast<HPDF_UINT>(op_.size())); }

    Writer& writer_;
    HPDF_Stream stream_;
    double x_ = 0, y_ = 0;
    std::string op_, codes_;
};

void draw_content(Writer& w, const Pack& pack, const Scenes& scenes, HPDF_Page page, const Page& content,
                  const std::map<std::string, HPDF_Page>& targets) {
    const Fonts& fonts = *pack.fonts;
    // Runs of text share one text object, and font and colour are set only
    // when they change: the page's content stream stays small and quick to write.
    bool in_text = false;
    ContentOps ops(w, page);
    HPDF_Font current_font = nullptr;
    double current_size = 0;
    const Colour* current_colour = nullptr;
    std::string reference;  // a page reference's printed number
    auto end_text = [&] {
        if (in_text) HPDF_Page_EndText(page);
        in_text = false;
        current_colour = nullptr;  // fills and strokes below may change it
    };
    for (const auto& d : content.draws) {
        if (d.kind != Draw::Text || !d.run.symbol.empty()) end_text();
        switch (d.kind) {
            case Draw::Text: {
                if (!d.run.symbol.empty()) {
                    draw_symbol(page, w.style_, d.run, d.x, d.y);
                    break;
                }
                const std::string& text = d.run.page_ref.empty() ? d.run.text : (reference = pack.page_number(d.run.page_ref, d.run.relative_to));
                if (text.empty()) break;
                HPDF_Font font = w.font(fonts, d.run.face, d.run.slot);
                if (!in_text) {
                    HPDF_Page_BeginText(page);
                    ops.begin();
                    in_text = true;
                    current_font = nullptr;
                }
                if (font != current_font || d.run.size != current_size) {
                    HPDF_Page_SetFontAndSize(page, font, d.run.size);
                    current_font = font;
                    current_size = d.run.size;
                }
                if (!current_colour || current_colour->r != d.colour.r || current_colour->g != d.colour.g || current_colour->b != d.colour.b) {
                    ops.colour(d.colour, true);
                    current_colour = &d.colour;
                }
                ops.show(font, d.x, d.y, text);
                break;
            }
            case Draw::Fill:
                ops.colour(d.colour, true);
                ops.rectangle(d.x, d.y, d.w, d.h, true);
                break;
            case Draw::Stroke:
                ops.colour(d.colour, false);
                ops.rectangle(d.x, d.y, d.w, d.h, false, w.style_.border_width);
                break;
            case Draw::Picture: {
                if (d.chart) {
                    draw_chart(w, pack, page, scenes.at(d.chart.get()), d.x, d.y, d.w, d.h);
                    break;
                }
                HPDF_Image image = w.image(*d.image);
                if (image) HPDF_Page_DrawImage(page, image, d.x, d.y, d.w, d.h);
                break;
            }
            case Draw::Link: {
                HPDF_Rect rect{static_cast<HPDF_REAL>(d.x), static_cast<HPDF_REAL>(d.y), static_cast<HPDF_REAL>(d.x + d.w),
                               static_cast<HPDF_REAL>(d.y + d.h)};
                HPDF_Annotation annotation = nullptr;
                if (!d.target.empty()) {
                    auto it = targets.find(d.target);
                    if (it == targets.end()) break;  // a document not in the pack (published separately)
                    annotation = HPDF_Page_CreateLinkAnnot(page, rect, HPDF_Page_CreateDestination(it->second));
                } else if (d.url.find('"') == std::string::npos) {
                    annotation = HPDF_Page_CreateURILinkAnnot(page, rect, d.url.c_str());
                }
                if (annotation) HPDF_LinkAnnot_SetBorderStyle(annotation, 0, 0, 0);
                break;
            }
        }
    }
    end_text();
    w.check("drawing a page");
}

std::string replace_page(std::string format, int number) {
    auto at = format.find("{page}");
    if (at != std::string::npos) format.replace(at, 6, std::to_string(number));
    return format;
}

// libharu drops a Filter entry from streams it does not compress itself;
// a compressed stream's dictionary names the filter through this hook.
HPDF_STATUS name_flate_filter(HPDF_Dict, HPDF_Stream stream) { return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012"); }

// Streams compressed with libdeflate at zlib's default level: the same size
// as libharu's own Flate in well under half the time (compressing was a
// third of writing a pack).
class Compressor {
public:
    Compressor() : compressor_(libdeflate_alloc_compressor(6), libdeflate_free_compressor) {
        if (!compressor_) throw std::runtime_error("libdeflate could not start");
    }
    std::string compress(const std::string& raw) {
        std::string packed(libdeflate_zlib_compress_bound(compressor_.get(), raw.size()), '\0');
        size_t written = libdeflate_zlib_compress(compressor_.get(), raw.data(), raw.size(), packed.data(), packed.size());
        if (written == 0) throw std::runtime_error("libdeflate could not compress a stream");
        packed.resize(written);
        return packed;
    }

private:
    std::unique_ptr<libdeflate_compressor, void (*)(libdeflate_compressor*)> compressor_;
};

std::string stream_bytes(HPDF_Dict dict) {
    HPDF_Stream stream = dict->stream;
    HPDF_UINT size = HPDF_Stream_Size(stream);
    std::string bytes(size, '\0');
    HPDF_Stream_Seek(stream, 0, HPDF_SEEK_SET);
    HPDF_Stream_Read(stream, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size);
    bytes.resize(size);
    return bytes;
}

void replace_stream(HPDF_Dict dict, const std::string& compressed) {
    HPDF_MemStream_FreeData(dict->stream);
    HPDF_Stream_Write(dict->stream, reinterpret_cast<const HPDF_BYTE*>(compressed.data()), static_cast<HPDF_UINT>(compressed.size()));
    dict->filter = HPDF_STREAM_FILTER_NONE;
    dict->write_fn = name_flate_filter;
}

// Each page's content stream, and each embedded font file. libharu makes
// the font files while saving (its font dictionary's before-write step);
// making them a moment earlier, once all text is drawn and every glyph used
// is marked, lets them go through the same compressor. Saving then finds
// them made and leaves them be. The bytes are taken out of libharu and put
// back on this thread; only the compressing, which touches nothing of
// libharu's, runs on `threads` threads.
void compress_streams(Writer& writer, const std::vector<HPDF_Page>& pages, int threads) {
    writer.mark_glyphs();
    std::vector<HPDF_Dict> streams;
    for (HPDF_Page page : pages) streams.push_back(static_cast<HPDF_PageAttr>(page->attr)->contents);
    for (const auto& [file, font] : writer.fonts_) {
        if (!font->before_write_fn || font->before_write_fn(font) != HPDF_OK) continue;
        auto* attr = static_cast<HPDF_FontAttr>(font->attr);
        if (!attr->fontdef || !attr->fontdef->descriptor) continue;
        auto data = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(attr->fontdef->descriptor, "FontFile2", HPDF_OCLASS_DICT));
        if (data && data->stream) streams.push_back(data);
    }
    writer.check("making the font subsets");
    std::vector<std::string> bytes(streams.size());
    for (size_t i = 0; i < streams.size(); ++i) bytes[i] = stream_bytes(streams[i]);
    parallel_for(
        threads, bytes.size(), [] { return std::make_unique<Compressor>(); },
        [&](std::unique_ptr<Compressor>& compressor, size_t i) { bytes[i] = compressor->compress(bytes[i]); });
    for (size_t i = 0; i < streams.size(); ++i) replace_stream(streams[i], bytes[i]);
    writer.check("compressing the pages and fonts");
}

// What the document information says, and the bookmarks the front matter gets.
const char* kSubject = "Public Document Pack";
const char* kCreator = "agendapack";
const std::array<const char*, 3> kFrontBookmarks = {"Front sheet", "Public information", "Agenda"};
std::string keywords_of(const compose::MeetingFacts& facts) {
    return "agenda, public document pack, " + facts.committee + ", " + iso(facts.held);
}

// Every character the pack will print: its runs, charts and furniture
// (page numbers, stamps, the blank-page line), and the bookmarks and
// document information, which use the same encoding.
std::set<char32_t> characters_of(const std::vector<Sheet>& sheets, const Scenes& scenes, const Style& style,
                                 const compose::MeetingFacts& facts) {
    // Every character of every run passes through here: a flat table for
    // the Basic Multilingual Plane, a set for the rest.
    std::vector<bool> bmp(0x10000, false);
    std::set<char32_t> found;
    auto add = [&](const std::string& utf8) {
        for (size_t i = 0; i < utf8.size();) {
            if (static_cast<unsigned char>(utf8[i]) < 0x80) {
                bmp[static_cast<unsigned char>(utf8[i++])] = true;
                continue;
            }
            char32_t cp = decode_utf8(utf8, i);
            if (cp < 0x10000) bmp[cp] = true;
            else found.insert(cp);
        }
    };
    add("0123456789");  // page numbers and page references
    for (const std::string& text : {facts.heading(), facts.council, keywords_of(facts), std::string(kSubject), std::string(kCreator)}) add(text);
    for (const char* title : kFrontBookmarks) add(title);
    for (const auto& mark : facts.bookmarks) {
        add(mark.title);
        for (const auto& child : mark.children) add(child.title);
    }
    add(style.page_number_format);
    add(style.blank_page_text);
    for (const auto& sheet : sheets) {
        add(sheet.stamp);
        if (!sheet.page) continue;
        for (const auto& d : sheet.page->draws) {
            if (d.kind == Draw::Text) add(d.run.text);
        }
    }
    for (const auto& [_, scene] : scenes)
        for (const auto& shape : scene) add(shape.text);
    for (char32_t cp = 0; cp < 0x10000; ++cp)
        if (bmp[cp]) found.insert(cp);
    return found;
}

}  // namespace

WrittenPack write_pack(const Pack& pack, const compose::ComposedMeeting& meeting, int threads) {
    const Style& style = *pack.style;
    const Fonts& fonts = *pack.fonts;

    // Front matter: front sheet, public information, agenda (with the ranges).
    std::vector<std::vector<Page>> front;
    for (const doc::Document* d : {&meeting.front_sheet, &meeting.public_information, &meeting.agenda})
        front.push_back(paginate(collect(*d, style), style, fonts));

    std::vector<Sheet> sheets;
    std::map<std::string, size_t> first_sheet;  // document id → sheet index
    const std::array<std::string, 3> front_ids = {meeting.front_sheet.id, meeting.public_information.id, meeting.agenda.id};
    for (size_t f = 0; f < front.size(); ++f) {
        first_sheet[front_ids[f]] = sheets.size();
        for (size_t p = 0; p < front[f].size(); ++p)
            sheets.push_back({&front[f][p], front[f][p].landscape, 0, f == 0 && p == 0 ? meeting.front_sheet.stamp : ""});
    }
    const size_t front_count = sheets.size();
    for (const auto& laid : pack.documents) {
        first_sheet[laid.document->id] = sheets.size();
        int number = laid.first_page;
        for (size_t p = 0; p < laid.pages.size(); ++p)
            sheets.push_back({&laid.pages[p], laid.pages[p].landscape, number++, p == 0 ? laid.document->stamp : ""});
        if (laid.padding_after) sheets.push_back({nullptr, false, number, ""});
    }

    Scenes scenes;
    for (const auto& sheet : sheets)
        if (sheet.page)
            for (const auto& d : sheet.page->draws)
                if (d.chart && !scenes.count(d.chart.get())) scenes.emplace(d.chart.get(), chart::scene(*d.chart));
    const PackEncoding encoding(characters_of(sheets, scenes, style, meeting.facts));
    Writer writer(style, encoding);

    // Every page exists before any is drawn, so links can point forwards.
    std::vector<HPDF_Page> pages;
    for (const auto& sheet : sheets) {
        HPDF_Page page = HPDF_AddPage(writer.pdf_);
        HPDF_Page_SetWidth(page, sheet.landscape ? style.page_height : style.page_width);
        HPDF_Page_SetHeight(page, sheet.landscape ? style.page_width : style.page_height);
        pages.push_back(page);
    }
    writer.check("adding pages");
    std::map<std::string, HPDF_Page> targets;
    for (const auto& [id, index] : first_sheet)
        if (index < pages.size()) targets[id] = pages[index];
    // Anchors inside documents (agenda items, minutes) link to their own page.
    for (size_t i = 0; i < sheets.size(); ++i)
        if (sheets[i].page)
            for (const auto& anchor : sheets[i].page->anchors) targets.emplace(anchor, pages[i]);

    for (size_t i = 0; i < sheets.size(); ++i) {
        const Sheet& sheet = sheets[i];
        HPDF_Page page = pages[i];
        double width = sheet.landscape ? style.page_height : style.page_width;
        double height = sheet.landscape ? style.page_width : style.page_height;
        if (sheet.page) draw_content(writer, pack, scenes, page, *sheet.page, targets);
        else {
            double w = text_width(style.blank_page_text, Fonts::Regular, style.body_size, fonts);
            text(writer, fonts, page, style.blank_page_text, Fonts::Regular, style.body_size, (width - w) / 2, height / 2,
                 style.text);
        }
        if (sheet.number > 0) {
            std::string label = replace_page(style.page_number_format, sheet.number);
            double w = text_width(label, Fonts::Regular, style.footer_size, fonts);
            text(writer, fonts, page, label, Fonts::Regular, style.footer_size, (width - w) / 2, style.margin_bottom / 2,
                 style.text);
        }
        if (!sheet.stamp.empty()) {
            double w = text_width(sheet.stamp, Fonts::Bold, style.stamp_size, fonts);
            double x = width - style.margin_right - w - 6, y = height - style.margin_top / 2 - style.stamp_size / 2;
            set_colour(page, style.text, false);
            HPDF_Page_SetLineWidth(page, 1);
            HPDF_Page_Rectangle(page, x - 6, y - 5, w + 12, style.stamp_size + 9);
            HPDF_Page_Stroke(page);
            text(writer, fonts, page, sheet.stamp, Fonts::Bold, style.stamp_size, x, y, style.text);
        }
        writer.check("finishing a page");
    }

    // Page labels match what is printed: i, ii … for the front matter, then 1, 2 ….
    HPDF_AddPageLabel(writer.pdf_, 0, HPDF_PAGE_NUM_STYLE_LOWER_ROMAN, 1, "");
    if (front_count < sheets.size())
        HPDF_AddPageLabel(writer.pdf_, static_cast<HPDF_UINT>(front_count), HPDF_PAGE_NUM_STYLE_DECIMAL, 1, "");

    // Bookmarks: the front matter, then each agenda item with its documents.
    auto outline = [&](HPDF_Outline parent, const std::string& title, size_t sheet) {
        HPDF_Outline o = HPDF_CreateOutline(writer.pdf_, parent, writer.codes(title).c_str(), HPDF_GetEncoder(writer.pdf_, kPackEncoding));
        HPDF_Outline_SetDestination(o, HPDF_Page_CreateDestination(pages[sheet]));
        HPDF_Outline_SetOpened(o, HPDF_FALSE);
        return o;
    };
    outline(nullptr, kFrontBookmarks[0], first_sheet[meeting.front_sheet.id]);
    outline(nullptr, kFrontBookmarks[1], first_sheet[meeting.public_information.id]);
    outline(nullptr, kFrontBookmarks[2], first_sheet[meeting.agenda.id]);
    const compose::MeetingFacts& facts = meeting.facts;
    for (const auto& mark : facts.bookmarks) {
        if (!first_sheet.count(mark.document_id)) continue;
        HPDF_Outline parent = outline(nullptr, mark.title, first_sheet[mark.document_id]);
        for (const auto& child : mark.children) outline(parent, child.title, first_sheet[child.document_id]);
    }
    writer.check("adding bookmarks");

    // Document information; dates come from the meeting, never the clock.
    const Date issued = facts.issued;
    HPDF_Date date{issued.year, issued.month, issued.day, 0, 0, 0, '+', 0, 0};
    std::string title = facts.heading();
    HPDF_SetInfoAttr(writer.pdf_, HPDF_INFO_TITLE, writer.codes(title).c_str());
    HPDF_SetInfoAttr(writer.pdf_, HPDF_INFO_SUBJECT, writer.codes(kSubject).c_str());
    HPDF_SetInfoAttr(writer.pdf_, HPDF_INFO_AUTHOR, writer.codes(facts.council).c_str());
    HPDF_SetInfoAttr(writer.pdf_, HPDF_INFO_KEYWORDS, writer.codes(keywords_of(facts)).c_str());
    HPDF_SetInfoAttr(writer.pdf_, HPDF_INFO_CREATOR, writer.codes(kCreator).c_str());
    HPDF_SetInfoDateAttr(writer.pdf_, HPDF_INFO_CREATION_DATE, date);
    writer.check("writing document information");

    compress_streams(writer, pages, threads);
    HPDF_SaveToStream(writer.pdf_);
    writer.check("saving the pack");
    HPDF_ResetStream(writer.pdf_);
    std::string bytes;
    for (;;) {
        HPDF_BYTE buffer[65536];
        HPDF_UINT32 size = sizeof buffer;
        HPDF_ReadFromStream(writer.pdf_, buffer, &size);
        if (size == 0) break;
        bytes.append(reinterpret_cast<const char*>(buffer), size);
    }
    return {bytes, static_cast<int>(sheets.size())};
}

}  // namespace agendapack::render::pdf
