// The PDF/A-2u pass: its XMP packet says what the information dictionary
// says, escaped for XML, dated from the facts (never the clock); the sRGB
// profile is an ICC RGB profile.
#include <catch2/catch.hpp>

#include "render/pdf/archival.hpp"

using agendapack::render::pdf::ArchivalFacts;

TEST_CASE("the XMP packet claims PDF/A-2u and escapes the pack's text") {
    ArchivalFacts facts{"Audit & Governance <Special> – 1st May", "Test \"City\" Council", "Public Document Pack",
                        "agenda, audit", "agendapack", {2024, 5, 1}, "seed"};
    const std::string packet = agendapack::render::pdf::xmp_packet(facts, "Haru Free PDF Library 2.3.0");
    CHECK(packet.rfind("<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>", 0) == 0);
    CHECK(packet.find("bytes=") == std::string::npos);
    CHECK(packet.find("encoding=") == std::string::npos);
    CHECK(packet.find("<pdfaid:part>2</pdfaid:part>") != std::string::npos);
    CHECK(packet.find("<pdfaid:conformance>U</pdfaid:conformance>") != std::string::npos);
    CHECK(packet.find("Audit &amp; Governance &lt;Special&gt; – 1st May") != std::string::npos);
    CHECK(packet.find("Test &quot;City&quot; Council") != std::string::npos);
    CHECK(packet.find("<xmp:CreateDate>2024-05-01T00:00:00+00:00</xmp:CreateDate>") != std::string::npos);
    CHECK(packet.find("<xmp:ModifyDate>2024-05-01T00:00:00+00:00</xmp:ModifyDate>") != std::string::npos);
    CHECK(packet.find("<pdf:Producer>Haru Free PDF Library 2.3.0</pdf:Producer>") != std::string::npos);
    CHECK(packet == agendapack::render::pdf::xmp_packet(facts, "Haru Free PDF Library 2.3.0"));
}

TEST_CASE("the output intent's profile is an ICC RGB profile") {
    const std::string& profile = agendapack::render::pdf::srgb_profile();
    REQUIRE(profile.size() > 128);
    CHECK(profile.substr(36, 4) == "acsp");
    CHECK(profile.substr(16, 4) == "RGB ");
    CHECK(&profile == &agendapack::render::pdf::srgb_profile());  // read once
}
