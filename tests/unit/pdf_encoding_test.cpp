// The pack's own character codes: two non-zero bytes per character, read
// back by libharu as the characters they stand for.
#include <catch2/catch.hpp>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_encoder.h>

#include "render/pdf/encoding.hpp"

using agendapack::render::pdf::PackEncoding;

TEST_CASE("the pack encoding gives each character two non-zero bytes") {
    std::set<char32_t> chars;
    for (char32_t c = 0x20; c < 0x7F; ++c) chars.insert(c);
    chars.insert(U'’');
    chars.insert(U'£');
    for (char32_t c = 0x400; c < 0x500; ++c) chars.insert(c);  // more than 255: codes run into a second lead byte
    PackEncoding encoding(chars);
    const std::string text = "Costs £5 – no, “£6”";
    CHECK_THROWS_AS(encoding.encode(text), std::logic_error);  // '–' and quotes were not given
    const std::string codes = encoding.encode("Costs £5’ Жж");
    REQUIRE(codes.size() == 2 * 12);
    for (char c : codes) CHECK(c != 0);
    CHECK(encoding.encode("A").size() == 2);
    CHECK(encoding.encode("A") != encoding.encode("B"));
}

TEST_CASE("libharu reads the pack's codes back as the characters") {
    PackEncoding encoding({U'A', U'é', U'’', U'Ж'});
    HPDF_Doc pdf = HPDF_New(nullptr, nullptr);
    REQUIRE(pdf);
    encoding.install(pdf, "test-encoding");
    HPDF_Encoder encoder = HPDF_GetEncoder(pdf, "test-encoding");
    REQUIRE(encoder);
    CHECK(encoder->type == HPDF_ENCODER_TYPE_DOUBLE_BYTE);
    for (const std::string s : {"A", "é", "’", "Ж", " "}) {
        std::string code = encoding.encode(s);
        REQUIRE(code.size() == 2);
        HPDF_UINT16 value = static_cast<HPDF_UINT16>((static_cast<unsigned char>(code[0]) << 8) | static_cast<unsigned char>(code[1]));
        char32_t expected = s == "A" ? U'A' : s == "é" ? U'é' : s == "’" ? U'’' : s == "Ж" ? U'Ж' : U' ';
        CHECK(HPDF_CMapEncoder_ToUnicode(encoder, value) == expected);
        CHECK(HPDF_CMapEncoder_ToCID(encoder, value) == value);  // Identity-H: the code is the CID
    }
    HPDF_Free(pdf);
    const std::string cmap = encoding.to_unicode_cmap();
    CHECK(cmap.find("5 beginbfchar") != std::string::npos);  // the four and a space
    CHECK(cmap.find("<0416>") != std::string::npos);          // Ж
}
