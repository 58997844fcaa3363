// Phase 4b: pages into a PDF with libharu. Front matter, then the numbered
// documents with their padding pages; each page's content (content.cpp,
// drawn side by side), links, bookmarks, page labels and document info.
// libharu 2.3 lets one error poison the whole document, so inputs are
// checked before they reach it and any error it reports fails the build
// rather than writing a damaged pack.
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_pages.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <set>

#include "../../support/parallel.hpp"
#include "../chart/chart.hpp"
#include "archival.hpp"
#include "compressor.hpp"
#include "content.hpp"
#include "encoding.hpp"
#include "held_stream.hpp"
#include "pack.hpp"
#include "received.hpp"
#include "tags.hpp"

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

const char* kPackEncoding = "agendapack-pack";
const char* kReceivedName = "Received1";  // a received page's form, in its sheet's resources

class Writer {
public:
    // `to_unicode`: the encoding's ToUnicode map, compressed.
    Writer(const Style& style, const PackEncoding& encoding, const std::string& to_unicode)
        : style_(style), encoding_(encoding), to_unicode_(to_unicode) {
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

    // Text in the pack's codes, for bookmarks and document information.
    std::string codes(const std::string& utf8) const { return encoding_.encode(utf8); }
    ~Writer() { HPDF_Free(pdf_); }

    // The font of a face's file (0 = its own, 1 = the fallback): runs ask
    // for it by face, so no file name is looked up per run.
    HPDF_Font font(const Fonts& fonts, Fonts::Face face, int slot) {
        HPDF_Font& known = by_face_.at(face).at(slot);
        if (!known) known = font(fonts.file(face, slot), fonts.bytes(face, slot));
        return known;
    }

    // Pages are drawn without libharu (content.cpp), so it never measures
    // their text, which is how it learns which glyphs to embed: the codes
    // each page shows are noted here, and mark_glyphs() tells each font once.
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

    HPDF_Font font(const std::string& file, const std::string& bytes) {
        auto it = fonts_.find(file);
        if (it != fonts_.end()) return it->second;
        const char* name = load_font(bytes);
        check("loading the font " + file);
        HPDF_Font f = HPDF_GetFont(pdf_, name, kPackEncoding);
        check("using the font " + file);
        replace_to_unicode(f);
        fonts_[file] = f;
        return f;
    }

    // What HPDF_LoadTTFontFromFile does, from the bytes Fonts read once for
    // the build and holds for it: libharu read the file in small pieces for
    // every PDF — a pack and each of its items — and that reading was a
    // twentieth of an archive's build; copied into its memory stream, a byte
    // at a time, a tenth. The subset names run HPDFAA, HPDFAB … as its own.
    const char* load_font(const std::string& bytes) {
        HPDF_Stream stream = held_stream(pdf_->mmgr, bytes);
        if (!stream) return nullptr;
        HPDF_FontDef definition = HPDF_TTFontDef_Load(pdf_->mmgr, stream, HPDF_TRUE);
        if (!definition) return nullptr;
        if (HPDF_Doc_RegisterFontDef(pdf_, definition) != HPDF_OK) return nullptr;
        if (pdf_->ttfont_tag[0] == 0) {
            std::memcpy(pdf_->ttfont_tag, "HPDFAA", 6);
        } else {
            for (int i = 5; i >= 0; --i) {
                if (++pdf_->ttfont_tag[i] <= 'Z') break;
                pdf_->ttfont_tag[i] = 'A';
            }
        }
        HPDF_TTFontDef_SetTagName(definition, reinterpret_cast<char*>(pdf_->ttfont_tag));
        return definition->base_font;
    }

    // libharu gives Type0 fonts a ToUnicode CMap of its encoder's ranges,
    // which does not say which character each code is; this one does.
    // Every font of a meeting's files has the same map: compressed once.
    void replace_to_unicode(HPDF_Font font) {
        HPDF_Dict stream = HPDF_DictStream_New(pdf_->mmgr, pdf_->xref);
        if (!stream) {
            check("making a ToUnicode map");
            return;
        }
        use_compressed(stream, to_unicode_);
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

    // An empty object in the page's XObject resources under `name`, for the
    // update to fill with a received page's form; its object number.
    uint32_t stand_in_xobject(HPDF_Page page, const char* name) {
        auto* attr = static_cast<HPDF_PageAttr>(page->attr);
        if (!attr->xobjects) {  // as libharu makes it when a page's first picture is named
            HPDF_Dict resources = static_cast<HPDF_Dict>(HPDF_Page_GetInheritableItem(page, "Resources", HPDF_OCLASS_DICT));
            attr->xobjects = HPDF_Dict_New(pdf_->mmgr);
            HPDF_Dict_Add(resources, "XObject", attr->xobjects);
        }
        HPDF_Dict stand_in = HPDF_Dict_New(pdf_->mmgr);
        HPDF_Xref_Add(pdf_->xref, stand_in);
        HPDF_Dict_Add(attr->xobjects, name, stand_in);
        check("giving a received page its place");
        return stand_in->header.obj_id & 0x00FFFFFF;
    }

    // Bytes libharu is to read when it saves, kept until then.
    const std::string& hold(std::string bytes) { return held_.emplace_back(std::move(bytes)); }

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
    const std::string& to_unicode_;
    std::map<std::string, HPDF_Font> fonts_;
    std::array<std::array<HPDF_Font, 2>, Fonts::kFaces> by_face_{};
    std::vector<std::pair<HPDF_Font, std::vector<bool>>> used_;
    std::map<const doc::Image*, HPDF_Image> images_;
    std::deque<std::string> held_;
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

// The saved file, appended to a string as libharu writes it.
HPDF_STATUS append_saved(HPDF_Stream stream, const HPDF_BYTE* bytes, HPDF_UINT size) {
    static_cast<std::string*>(stream->attr)->append(reinterpret_cast<const char*>(bytes), size);
    return HPDF_OK;
}

// Each embedded font file. libharu makes the font files while saving (its
// font dictionary's before-write step); making them a moment earlier, once
// every page's glyphs are marked, lets them go through the same compressor.
// Saving then finds them made and leaves them be. The bytes are taken out
// of libharu and put back on this thread; only the compressing, which
// touches nothing of libharu's, runs on `threads` threads.
//
// An agenda item's file shows some of the pack's pages with the pack's
// encoding, so its font files would be the pack's, glyph for glyph: the
// pack's (`learn`) are kept by font file, and an item's (`known`) are
// those, compressed already, put in place without libharu making the
// subset again (its before-write step is told the font is not embedded,
// then the file is added to the descriptor it made).
struct FontFile {
    std::string compressed;
    HPDF_UINT32 length = 0;  // uncompressed: /Length1
};
using CompressedFonts = std::map<std::string, FontFile>;  // by font file
void compress_fonts(Writer& writer, int threads, const CompressedFonts* known, CompressedFonts* learn) {
    struct Made {
        std::string file;
        HPDF_Dict data;
    };
    std::vector<Made> made;
    bool marked = false;  // the glyphs to keep are told to libharu only if a subset is made here
    for (const auto& [file, font] : writer.fonts_) {
        if (!font->before_write_fn) continue;
        auto* attr = static_cast<HPDF_FontAttr>(font->attr);
        auto* definition = attr->fontdef ? static_cast<HPDF_TTFontDefAttr>(attr->fontdef->attr) : nullptr;
        auto found = known ? known->find(file) : CompressedFonts::const_iterator{};
        if (known && found != known->end() && definition && definition->embedding) {
            definition->embedding = HPDF_FALSE;
            const HPDF_STATUS status = font->before_write_fn(font);
            definition->embedding = HPDF_TRUE;
            if (status != HPDF_OK || !attr->fontdef->descriptor) continue;
            HPDF_Dict data = HPDF_DictStream_New(writer.pdf_->mmgr, writer.pdf_->xref);
            if (!data) continue;
            use_compressed(data, found->second.compressed);
            HPDF_Dict_AddNumber(data, "Length1", static_cast<HPDF_INT32>(found->second.length));
            HPDF_Dict_Add(attr->fontdef->descriptor, "FontFile2", data);
            continue;
        }
        if (!marked) writer.mark_glyphs(), marked = true;
        if (font->before_write_fn(font) != HPDF_OK) continue;
        if (!attr->fontdef || !attr->fontdef->descriptor) continue;
        auto data = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(attr->fontdef->descriptor, "FontFile2", HPDF_OCLASS_DICT));
        if (data && data->stream) made.push_back({file, data});
    }
    writer.check("making the font subsets");
    std::vector<std::string> raw(made.size()), bytes(made.size());
    for (size_t i = 0; i < made.size(); ++i) raw[i] = stream_bytes(made[i].data);
    parallel_for(
        threads, raw.size(), [] { return std::make_unique<Compressor>(); },
        [&](std::unique_ptr<Compressor>& compressor, size_t i) { bytes[i] = compressor->compress(raw[i]); });
    for (size_t i = 0; i < made.size(); ++i) {
        // Kept where they outlive the saving: the pack's fonts, or the writer.
        const std::string* kept = nullptr;
        if (learn) {
            auto [it, added] = learn->emplace(made[i].file, FontFile{std::move(bytes[i]), static_cast<HPDF_UINT32>(raw[i].size())});
            if (added) kept = &it->second.compressed;
        }
        use_compressed(made[i].data, kept ? *kept : writer.hold(std::move(bytes[i])));
    }
    writer.check("compressing the fonts");
}

// A PDF text string: plain ASCII as it is, anything else as UTF-16.
void* text_object(HPDF_Doc pdf, const std::string& utf8) {
    if (printable_ascii(utf8)) return HPDF_String_New(pdf->mmgr, utf8.c_str(), nullptr);
    std::string bytes = utf16_text(utf8);
    return HPDF_Binary_New(pdf->mmgr, reinterpret_cast<HPDF_BYTE*>(bytes.data()), static_cast<HPDF_UINT>(bytes.size()));
}

// Each page's links: annotations to a page of the pack, or to an address;
// each with the element of its words, for the structure tree.
// Each link says what it is in words (its /Contents, which PDF/UA asks
// for): the link's words on the page, or else its address.
std::vector<std::pair<HPDF_Annotation, int>> add_links(HPDF_Doc pdf, HPDF_Page page, const Page& content,
                                                       const std::map<std::string, HPDF_Page>& targets) {
    std::vector<std::pair<HPDF_Annotation, int>> made;
    std::map<int, std::string> words;  // a Link element → its words on this page
    for (const auto& d : content.draws)
        if (d.kind == Draw::Link && d.node >= 0) words[d.node];
    for (const auto& d : content.draws)
        if (d.kind == Draw::Text && d.run.symbol.empty() && d.run.page_ref.empty() && words.count(d.node)) words[d.node] += d.run.text;
    for (const auto& d : content.draws) {
        if (d.kind != Draw::Link) continue;
        HPDF_Rect rect{static_cast<HPDF_REAL>(d.x), static_cast<HPDF_REAL>(d.y), static_cast<HPDF_REAL>(d.x + d.w),
                       static_cast<HPDF_REAL>(d.y + d.h)};
        HPDF_Annotation annotation = nullptr;
        if (!d.target.empty()) {
            auto it = targets.find(d.target);
            if (it == targets.end()) continue;  // a document not in the pack (published separately)
            annotation = HPDF_Page_CreateLinkAnnot(page, rect, HPDF_Page_CreateDestination(it->second));
        } else if (d.url.find('"') == std::string::npos) {
            annotation = HPDF_Page_CreateURILinkAnnot(page, rect, d.url.c_str());
        }
        if (!annotation) continue;
        HPDF_LinkAnnot_SetBorderStyle(annotation, 0, 0, 0);
        HPDF_Dict_AddNumber(annotation, "F", 4);  // printed with the page, as PDF/A requires
        std::string said = d.node >= 0 ? words[d.node] : "";
        while (!said.empty() && said.back() == ' ') said.pop_back();
        if (said.empty()) said = d.url;
        if (!said.empty()) HPDF_Dict_Add(annotation, "Contents", text_object(pdf, said));
        made.emplace_back(annotation, d.node);
    }
    return made;
}

// A document's own number on its page `p` (from 0), from its second page:
// minutes number their pages "- 2 -" as printed minutes do, and so does a
// document whose text cites its own pages (a contents list, a glossary's
// page column), so a reader can find "Abuse … 6" on the page marked 6.
std::string own_number(const LaidOutDocument& laid, size_t p) {
    if (p == 0) return "";
    bool own = laid.document->kind == doc::Document::Kind::Minutes;
    for (const auto& page : laid.pages)
        for (const auto& d : page.draws)
            own = own || (d.kind == Draw::Text && !d.run.page_ref.empty() && d.run.relative_to == laid.document->id);
    return own ? "- " + std::to_string(p + 1) + " -" : "";
}

// What the document information says, and the bookmarks the front matter gets.
const char* kSubject = "Public Document Pack";
const char* kItemTitle = ", agenda item ";  // an item's own file: the pack's title, then this and its number
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
    add("0123456789- ");  // page numbers (the pack's, and documents' own "- 2 -") and page references
    for (const std::string& text : {facts.heading(), facts.council, keywords_of(facts), std::string(kSubject), std::string(kCreator)}) add(text);
    add(kItemTitle);
    for (const char* title : kFrontBookmarks) add(title);
    std::function<void(const compose::MeetingFacts::Bookmark&)> add_marks = [&](const auto& mark) {
        add(mark.title);
        for (const auto& child : mark.children) add_marks(child);
    };
    for (const auto& mark : facts.bookmarks) add_marks(mark);
    add(style.page_number_format);
    add(style.blank_page_text);
    for (const auto& sheet : sheets) {
        add(sheet.stamp);
        add(sheet.restriction);
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


// The pack's sheets in print order, and the sheet each document starts on.
struct SheetList {
    std::vector<std::vector<Page>> laid_here;  // the front matter, when lay_out_front has not run
    std::vector<Sheet> sheets;
    std::map<std::string, size_t> first_sheet;  // document id → sheet index
    size_t front_count = 0;
};

std::unique_ptr<SheetList> list_sheets(const Pack& pack, const compose::ComposedMeeting& meeting) {
    const Style& style = *pack.style;
    auto list = std::make_unique<SheetList>();
    if (pack.front.empty())
        for (const doc::Document* d : {&meeting.front_sheet, &meeting.public_information, &meeting.agenda})
            list->laid_here.push_back(paginate(collect(*d, style), style, *pack.fonts));
    const std::vector<std::vector<Page>>& front = pack.front.empty() ? list->laid_here : pack.front;
    const std::array<std::string, 3> front_ids = {meeting.front_sheet.id, meeting.public_information.id, meeting.agenda.id};
    for (size_t f = 0; f < front.size(); ++f) {
        list->first_sheet[front_ids[f]] = list->sheets.size();
        for (size_t p = 0; p < front[f].size(); ++p)
            list->sheets.push_back({&front[f][p], front[f][p].landscape, 0, f == 0 && p == 0 ? meeting.front_sheet.stamp : ""});
    }
    list->front_count = list->sheets.size();
    for (const auto& laid : pack.documents) {
        list->first_sheet[laid.document->id] = list->sheets.size();
        int number = laid.first_page;
        for (size_t p = 0; p < laid.pages.size(); ++p)
            list->sheets.push_back({&laid.pages[p], laid.pages[p].landscape, number++, p == 0 ? laid.document->stamp : "",
                                    own_number(laid, p), laid.document->restriction});
        if (laid.padding_after) list->sheets.push_back({nullptr, false, number, ""});
    }
    return list;
}

// What every file of the meeting shares: the sheets, the charts' scenes, the
// encoding (one for the pack and its items, so a page's stream is the same
// bytes in each), and each sheet's stream once drawn for the pack.
struct Drawn {
    const Pack& pack;
    const compose::ComposedMeeting& meeting;
    const SheetList& list;
    const Scenes& scenes;
    const PackEncoding& encoding;
    std::string to_unicode;              // the encoding's ToUnicode map, compressed
    std::unique_ptr<ReceivedForms> forms;  // every received page placed, for the pack and its items
    std::vector<PageResources> names;
    std::vector<SheetContent> contents;  // compressed
    CompressedFonts fonts;               // the pack's font files, by file
};

// Received PDFs' pages go on the sheets kept for them, copied as forms
// once for all the meeting's files: each sheet's stream draws its form.
std::unique_ptr<ReceivedForms> received_forms(const SheetList& list, const Style& style, const Fonts& fonts) {
    std::vector<ReceivedPlacement> placements;
    for (size_t i = 0; i < list.sheets.size(); ++i) {
        const Page* page = list.sheets[i].page;
        if (!page || !page->received) continue;
        const auto [width, height] = sheet_size(list.sheets[i], style);
        ReceivedPlacement at = place_on_sheet(page->received->pages[static_cast<size_t>(page->received_page)], width, height,
                                              furniture_of(list.sheets[i], style, fonts), page->fit);
        at.sheet = i;
        at.pdf = page->received.get();
        at.page = page->received_page;
        placements.push_back(at);
    }
    if (placements.empty()) return nullptr;
    return std::make_unique<ReceivedForms>(std::move(placements));
}

// One PDF file: the whole pack (`item` 0), or the sheets [first, end) of one
// agenda item, which keep the pack's page numbers. The pack draws its
// sheets and keeps them in `drawn`; an item takes each sheet's stream from
// there when its page names its fonts and pictures the same way.
std::string write_file(Drawn& drawn, size_t first, size_t end, int item, int threads) {
    const Style& style = *drawn.pack.style;
    const Fonts& fonts = *drawn.pack.fonts;
    const std::vector<Sheet>& sheets = drawn.list.sheets;
    const bool whole = item == 0;
    Writer writer(style, drawn.encoding, drawn.to_unicode);

    // Every page exists before any is drawn, so links can point forwards.
    std::vector<HPDF_Page> pages;
    for (size_t i = first; i < end; ++i) {
        HPDF_Page page = HPDF_AddPage(writer.pdf_);
        const auto [width, height] = sheet_size(sheets[i], style);
        HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(width));
        HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(height));
        pages.push_back(page);
    }
    writer.check("adding pages");
    auto page_of = [&](size_t sheet) -> HPDF_Page { return sheet >= first && sheet < end ? pages[sheet - first] : nullptr; };
    std::map<std::string, HPDF_Page> targets;  // links to pages outside an item's file are left out
    for (const auto& [id, index] : drawn.list.first_sheet)
        if (HPDF_Page page = page_of(index)) targets[id] = page;
    // Anchors inside documents (agenda items, minutes) link to their own page.
    for (size_t i = first; i < end; ++i)
        if (sheets[i].page)
            for (const auto& anchor : sheets[i].page->anchors) targets.emplace(anchor, page_of(i));

    // The received pages on this file's sheets, by their place among the meeting's.
    const ReceivedForms* forms = drawn.forms.get();
    std::vector<size_t> received;
    for (size_t k = 0; forms && k < forms->placements().size(); ++k)
        if (forms->placements()[k].sheet >= first && forms->placements()[k].sheet < end) received.push_back(k);

    // Each page names its fonts and pictures (and a received page's form),
    // and gets its links (libharu, on this thread); then the pages are drawn
    // and compressed side by side, and their streams put in place.
    std::vector<PageResources> names(end - first);
    std::vector<TaggedPage> tagged(end - first);
    for (size_t i = first; i < end; ++i) {
        const SheetNeeds needs = needs_of(sheets[i], drawn.scenes);
        HPDF_Page page = pages[i - first];
        for (int face = 0; face < Fonts::kFaces; ++face)
            for (int slot = 0; slot < 2; ++slot)
                if (needs.fonts[face][slot])
                    names[i - first].fonts[face][slot] = HPDF_Page_GetLocalFontName(page, writer.font(fonts, Fonts::Face(face), slot));
        for (const doc::Image* image : needs.images)
            if (HPDF_Image loaded = writer.image(*image)) names[i - first].images[image] = HPDF_Page_GetXObjectName(page, loaded);
        tagged[i - first].page = page;
        if (!sheets[i].page) continue;
        tagged[i - first].structure = sheets[i].page->structure.get();
        tagged[i - first].links = add_links(writer.pdf_, page, *sheets[i].page, targets);
    }
    // A form's object is an empty stand-in of libharu's, filled by the update.
    std::vector<uint32_t> form_numbers;
    for (size_t k : received) {
        const size_t sheet = forms->placements()[k].sheet - first;
        names[sheet].received = kReceivedName;
        names[sheet].received_matrix = forms->matrix(k);
        form_numbers.push_back(writer.stand_in_xobject(pages[sheet], kReceivedName));
    }
    writer.check("naming the pages' fonts and pictures");
    const DrawingContext drawing{drawn.pack, style, fonts, drawn.encoding, drawn.scenes};
    std::vector<SheetContent> own(end - first);
    parallel_for(
        threads, end - first, [] { return std::make_unique<Compressor>(); },
        [&](std::unique_ptr<Compressor>& compressor, size_t k) {
            const size_t i = first + k;
            if (!whole && drawn.names[i] == names[k]) return;  // the pack's stream serves
            own[k] = draw_sheet(drawing, sheets[i], names[k]);
            own[k].stream = compressor->compress(own[k].stream);
        });
    for (size_t i = first; i < end; ++i) {
        const SheetContent& content = whole || drawn.names[i] != names[i - first] ? own[i - first] : drawn.contents[i];
        auto* page = static_cast<HPDF_PageAttr>(pages[i - first]->attr);
        use_compressed(page->contents, content.stream);
        page->stream = page->contents->stream;  // the page keeps its own pointer to its content's stream
        tagged[i - first].marks = &content.marks;
        for (int face = 0; face < Fonts::kFaces; ++face)
            for (int slot = 0; slot < 2; ++slot)
                if (!content.shown[face][slot].empty())
                    writer.note_codes(writer.font(fonts, Fonts::Face(face), slot), content.shown[face][slot]);
    }
    writer.check("drawing the pages");
    std::string title = drawn.meeting.facts.heading();
    if (!whole) title += kItemTitle + std::to_string(item);
    const StructureTree tree(writer.pdf_, title, tagged);
    writer.check("tagging the pages");
    if (whole) {
        drawn.names = std::move(names);
        drawn.contents = std::move(own);
    }

    // Page labels match what is printed: i, ii … for the front matter, then 1, 2 ….
    if (whole) {
        HPDF_AddPageLabel(writer.pdf_, 0, HPDF_PAGE_NUM_STYLE_LOWER_ROMAN, 1, "");
        if (drawn.list.front_count < sheets.size())
            HPDF_AddPageLabel(writer.pdf_, static_cast<HPDF_UINT>(drawn.list.front_count), HPDF_PAGE_NUM_STYLE_DECIMAL, 1, "");
    } else {
        HPDF_AddPageLabel(writer.pdf_, 0, HPDF_PAGE_NUM_STYLE_DECIMAL, static_cast<HPDF_UINT>(std::max(1, sheets[first].number)), "");
    }

    // Bookmarks: the front matter, then each agenda item with its documents;
    // an item's file has the bookmarks of its own pages.
    auto outline = [&](HPDF_Outline parent, const std::string& title, size_t sheet) -> HPDF_Outline {
        HPDF_Page page = page_of(sheet);
        if (!page) return parent;
        HPDF_Outline o = HPDF_CreateOutline(writer.pdf_, parent, writer.codes(title).c_str(), HPDF_GetEncoder(writer.pdf_, kPackEncoding));
        HPDF_Outline_SetDestination(o, HPDF_Page_CreateDestination(page));
        HPDF_Outline_SetOpened(o, HPDF_FALSE);
        return o;
    };
    const compose::MeetingFacts& facts = drawn.meeting.facts;
    const auto& first_sheet = drawn.list.first_sheet;
    if (whole) {
        outline(nullptr, kFrontBookmarks[0], first_sheet.at(drawn.meeting.front_sheet.id));
        outline(nullptr, kFrontBookmarks[1], first_sheet.at(drawn.meeting.public_information.id));
        outline(nullptr, kFrontBookmarks[2], first_sheet.at(drawn.meeting.agenda.id));
    }
    std::function<void(HPDF_Outline, const compose::MeetingFacts::Bookmark&)> add_mark = [&](HPDF_Outline parent, const auto& mark) {
        auto found = first_sheet.find(mark.document_id);
        if (found == first_sheet.end()) return;
        HPDF_Outline o = outline(parent, mark.title, found->second + static_cast<size_t>(mark.page));
        for (const auto& child : mark.children) add_mark(o, child);
    };
    for (const auto& mark : facts.bookmarks) add_mark(nullptr, mark);
    writer.check("adding bookmarks");

    // Document information; its dates (make_archival's) come from the
    // meeting, never the clock.
    const ArchivalFacts about{title, facts.council, kSubject, keywords_of(facts), kCreator, facts.issued,
                              title + "\n" + std::to_string(item)};
    HPDF_SetInfoAttr(writer.pdf_, HPDF_INFO_TITLE, writer.codes(about.title).c_str());
    HPDF_SetInfoAttr(writer.pdf_, HPDF_INFO_SUBJECT, writer.codes(about.subject).c_str());
    HPDF_SetInfoAttr(writer.pdf_, HPDF_INFO_AUTHOR, writer.codes(about.author).c_str());
    HPDF_SetInfoAttr(writer.pdf_, HPDF_INFO_KEYWORDS, writer.codes(about.keywords).c_str());
    HPDF_SetInfoAttr(writer.pdf_, HPDF_INFO_CREATOR, writer.codes(about.creator).c_str());
    // The language a screen reader speaks it in, and its title — not the
    // file's name — in the viewer's title bar.
    HPDF_Dict_Add(writer.pdf_->catalog, "Lang", HPDF_String_New(writer.pdf_->mmgr, "en-GB", nullptr));
    HPDF_Dict preferences = HPDF_Dict_New(writer.pdf_->mmgr);
    HPDF_Dict_AddBoolean(preferences, "DisplayDocTitle", HPDF_TRUE);
    HPDF_Dict_Add(writer.pdf_->catalog, "ViewerPreferences", preferences);
    writer.check("writing document information");

    make_archival(writer.pdf_, about);  // PDF/A-2u: XMP, output intent, file identifier
    writer.check("making the file archival (PDF/A-2u)");
    compress_fonts(writer, threads, whole ? nullptr : &drawn.fonts, whole ? &drawn.fonts : nullptr);
    std::string bytes;
    writer.pdf_->stream = HPDF_CallbackWriter_New(writer.pdf_->mmgr, append_saved, &bytes);
    HPDF_SaveToStream(writer.pdf_);
    writer.check(whole ? "saving the pack" : "saving agenda item " + std::to_string(item));

    // The update: the received pages' forms and what they draw with, then
    // the structure tree, numbered on from libharu's last object.
    uint32_t next_object = static_cast<uint32_t>(writer.pdf_->xref->entries->count);
    Update update(bytes);
    if (!received.empty()) {
        uint32_t dependencies = 0;
        for (auto& object : forms->objects(received, form_numbers, next_object, dependencies)) {
            if (object.stream) update.add_whole(object.number, object.body);
            else update.add_packed(object.number, std::move(object.body));
        }
        next_object += dependencies;
    }
    tree.append_to(update, next_object);
    update.finish();
    return bytes;
}

}  // namespace

WrittenPack write_pack(const Pack& pack, const compose::ComposedMeeting& meeting, int threads) {
    const std::unique_ptr<SheetList> list = list_sheets(pack, meeting);
    Scenes scenes;
    for (const auto& sheet : list->sheets)
        if (sheet.page)
            for (const auto& d : sheet.page->draws)
                if (d.chart && !scenes.count(d.chart.get())) scenes.emplace(d.chart.get(), chart::scene(*d.chart));
    const PackEncoding encoding(characters_of(list->sheets, scenes, *pack.style, meeting.facts));
    Drawn drawn{pack, meeting, *list, scenes, encoding, Compressor().compress(encoding.to_unicode_cmap()),
                received_forms(*list, *pack.style, *pack.fonts), {}, {}, {}};

    WrittenPack written;
    written.bytes = write_file(drawn, 0, list->sheets.size(), 0, threads);
    written.pages = static_cast<int>(list->sheets.size());
    // Each agenda item's own file: its pages, N of the pack being sheet front + N.
    written.items.resize(pack.ranges.size());
    std::vector<std::pair<int, std::pair<int, int>>> ranges(pack.ranges.begin(), pack.ranges.end());
    parallel_for(threads, ranges.size(), [&](size_t k) {
        const auto& [item, range] = ranges[k];
        const size_t from = list->front_count + static_cast<size_t>(range.first) - 1;
        const size_t to = std::min(list->sheets.size(), list->front_count + static_cast<size_t>(range.second));
        written.items[k] = {item, write_file(drawn, from, to, item, 1), static_cast<int>(to - from)};
    });
    return written;
}

}  // namespace agendapack::render::pdf
