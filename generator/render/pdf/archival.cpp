// PDF/A-2u (ISO 19005-2, level U) for the files libharu writes. What the
// standard asks of the file as a whole, and agendapack controls, is added
// here through libharu's object API; what it asks of fonts (embedded, each
// with a ToUnicode map) finalize already does. Level U needs no structure
// tree; tagging is a separate pass.
#include "archival.hpp"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <stdexcept>

#include "../../support/sha256.hpp"
#include "../../support/support.hpp"
#include "compressor.hpp"
#include "held_stream.hpp"

namespace agendapack::render::pdf {

namespace {

// Debian's icc-profiles-free: an ICC version 2 monitor profile of sRGB.
const char* kProfilePath = "/usr/share/color/icc/sRGB.icc";
const char* kProfilePackage = "icc-profiles-free";
const char* kOutputCondition = "sRGB IEC61966-2.1";

std::string read_profile() {
    const std::string bytes = DiskFileSystem().read(kProfilePath).value_or("");
    if (bytes.empty())
        throw std::runtime_error(std::string("the sRGB colour profile ") + kProfilePath +
                                 " is missing: PDF/A packs need it (install Debian's " + kProfilePackage +
                                 " package; scripts/install-deps.sh does)");
    // An ICC profile: 'acsp' at byte 36, an RGB data colour space at byte 16.
    if (bytes.size() < 128 || bytes.compare(36, 4, "acsp") != 0 || bytes.compare(16, 4, "RGB ") != 0)
        throw std::runtime_error(std::string("the sRGB colour profile ") + kProfilePath + " is not an RGB ICC profile (reinstall Debian's " +
                                 kProfilePackage + " package)");
    return bytes;
}

// The issue date at midnight UTC, as the information dictionary has it
// (libharu writes D:YYYYMMDD000000+00'00').
HPDF_Date pdf_date(const Date& d) { return HPDF_Date{d.year, d.month, d.day, 0, 0, 0, '+', 0, 0}; }
std::string xmp_date(const Date& d) { return iso(d) + "T00:00:00+00:00"; }

std::string language_alternative(const std::string& text) {
    return "<rdf:Alt><rdf:li xml:lang=\"x-default\">" + escape_markup(text) + "</rdf:li></rdf:Alt>";
}

}  // namespace

const char* srgb_profile_path() { return kProfilePath; }

const std::string& srgb_profile() {
    static const std::string profile = read_profile();
    return profile;
}

namespace {

// Compressed once a process, for every file's output intent.
const std::string& compressed_srgb_profile() {
    static const std::string compressed = Compressor().compress(srgb_profile());
    return compressed;
}

}  // namespace

std::string xmp_packet(const ArchivalFacts& facts, const std::string& producer) {
    // No bytes or encoding attribute in the packet header (PDF/A forbids
    // them); the text is UTF-8, as the byte-order mark says.
    std::string x = "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
    x += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n";
    x += " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
    x += "  <rdf:Description rdf:about=\"\"\n";
    x += "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n";
    x += "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n";
    x += "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n";
    x += "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n";
    x += "   <pdfaid:part>2</pdfaid:part>\n";
    x += "   <pdfaid:conformance>U</pdfaid:conformance>\n";
    x += "   <dc:format>application/pdf</dc:format>\n";
    x += "   <dc:title>" + language_alternative(facts.title) + "</dc:title>\n";
    x += "   <dc:creator><rdf:Seq><rdf:li>" + escape_markup(facts.author) + "</rdf:li></rdf:Seq></dc:creator>\n";
    x += "   <dc:description>" + language_alternative(facts.subject) + "</dc:description>\n";
    x += "   <pdf:Keywords>" + escape_markup(facts.keywords) + "</pdf:Keywords>\n";
    x += "   <pdf:Producer>" + escape_markup(producer) + "</pdf:Producer>\n";
    x += "   <xmp:CreatorTool>" + escape_markup(facts.creator) + "</xmp:CreatorTool>\n";
    x += "   <xmp:CreateDate>" + xmp_date(facts.issued) + "</xmp:CreateDate>\n";
    x += "   <xmp:ModifyDate>" + xmp_date(facts.issued) + "</xmp:ModifyDate>\n";
    x += "  </rdf:Description>\n";
    x += " </rdf:RDF>\n";
    x += "</x:xmpmeta>\n";
    x += "<?xpacket end=\"r\"?>";
    return x;
}

void make_archival(HPDF_Doc pdf, const ArchivalFacts& facts) {
    const std::string& profile = compressed_srgb_profile();  // read first: a missing profile stops the build before any writing

    // The information dictionary's dates; its text entries are finalize's,
    // from the same facts. Producer is libharu's own, ASCII, and mirrored.
    HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, pdf_date(facts.issued));
    HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, pdf_date(facts.issued));
    const char* produced = HPDF_GetInfoAttr(pdf, HPDF_INFO_PRODUCER);
    const std::string producer = produced ? produced : "";
    for (unsigned char c : producer)
        if (c < 0x20 || c > 0x7E) throw std::runtime_error("libharu's Producer entry is not plain ASCII: " + producer);

    // The XMP packet, uncompressed, from the catalog.
    HPDF_Dict metadata = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (!metadata) return;  // the error handler has it
    metadata->filter = HPDF_STREAM_FILTER_NONE;
    HPDF_Dict_AddName(metadata, "Type", "Metadata");
    HPDF_Dict_AddName(metadata, "Subtype", "XML");
    const std::string packet = xmp_packet(facts, producer);
    HPDF_Stream_Write(metadata->stream, reinterpret_cast<const HPDF_BYTE*>(packet.data()), static_cast<HPDF_UINT>(packet.size()));
    HPDF_Dict_Add(pdf->catalog, "Metadata", metadata);

    // The output intent: pages paint in DeviceRGB, which PDF/A allows only
    // with an RGB destination profile; sRGB is what screens and the
    // pictures in the packs assume.
    HPDF_Dict icc = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (!icc) return;
    HPDF_Dict_AddNumber(icc, "N", 3);
    use_compressed(icc, profile);
    HPDF_Dict intent = HPDF_Dict_New(pdf->mmgr);
    HPDF_Dict_AddName(intent, "Type", "OutputIntent");
    HPDF_Dict_AddName(intent, "S", "GTS_PDFA1");
    HPDF_Dict_Add(intent, "OutputConditionIdentifier", HPDF_String_New(pdf->mmgr, kOutputCondition, nullptr));
    HPDF_Dict_Add(intent, "Info", HPDF_String_New(pdf->mmgr, kOutputCondition, nullptr));
    HPDF_Dict_Add(intent, "RegistryName", HPDF_String_New(pdf->mmgr, "http://www.color.org", nullptr));
    HPDF_Dict_Add(intent, "DestOutputProfile", icc);
    HPDF_Array intents = HPDF_Array_New(pdf->mmgr);
    HPDF_Array_Add(intents, intent);
    HPDF_Dict_Add(pdf->catalog, "OutputIntents", intents);

    // The file identifier: libharu writes one only for encrypted files.
    // Both halves the same (a file as first written), from the seed.
    const std::string hex = sha256_hex(facts.id_seed).substr(0, 32);
    HPDF_BYTE id[16];
    for (int i = 0; i < 16; ++i) id[i] = static_cast<HPDF_BYTE>(std::stoi(hex.substr(static_cast<size_t>(i) * 2, 2), nullptr, 16));
    HPDF_Array ids = HPDF_Array_New(pdf->mmgr);
    HPDF_Array_Add(ids, HPDF_Binary_New(pdf->mmgr, id, sizeof id));
    HPDF_Array_Add(ids, HPDF_Binary_New(pdf->mmgr, id, sizeof id));
    HPDF_Dict_Add(pdf->trailer, "ID", ids);

    // libharu's header is "%PDF-1.n" and a comment of four bytes above 127,
    // as PDF/A asks; n is raised to 7, the version PDF/A-2 is built on
    // (metadata streams and output intents are not PDF 1.3).
    if (pdf->pdf_version < HPDF_VER_17) pdf->pdf_version = HPDF_VER_17;
}

}  // namespace agendapack::render::pdf
