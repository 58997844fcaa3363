// PDF appendices: how a received page is placed on its sheet, and what
// load reads of a file (pages, sizes, ink, words, bookmarks) and refuses.
#include <catch2/catch.hpp>

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFWriter.hh>

#include "load/load.hpp"
#include "render/pdf/received.hpp"

using namespace agendapack;
using namespace agendapack::render::pdf;

namespace {

// A PDF of the given pages (width, height, rotation), each with a filled
// box at (x0, y0, x1, y1) and, on the first, the word "Hello"; bookmarks
// "One" → page 1 and "Two" (under it) → page 2 when there are two pages.
std::string make_pdf(const std::vector<std::array<double, 3>>& sizes, std::array<double, 4> box) {
    QPDF pdf;
    pdf.emptyPDF();
    QPDFObjectHandle font = pdf.makeIndirectObject(QPDFObjectHandle::parse("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"));
    std::vector<QPDFObjectHandle> pages;
    for (size_t i = 0; i < sizes.size(); ++i) {
        const auto& [w, h, rotate] = sizes[i];
        std::string content = "0 0 1 rg " + std::to_string(box[0]) + " " + std::to_string(box[1]) + " " + std::to_string(box[2] - box[0]) + " " +
                              std::to_string(box[3] - box[1]) + " re f\n";
        if (i == 0) content += "BT /F1 12 Tf " + std::to_string(box[0]) + " " + std::to_string(box[1] + 2) + " Td (Hello) Tj ET\n";
        QPDFObjectHandle page = QPDFObjectHandle::parse("<< /Type /Page /MediaBox [0 0 " + std::to_string(w) + " " + std::to_string(h) +
                                                        "] /Rotate " + std::to_string(static_cast<int>(rotate)) + " >>");
        page.replaceKey("/Contents", QPDFObjectHandle::newStream(&pdf, content));
        QPDFObjectHandle resources = QPDFObjectHandle::newDictionary();
        QPDFObjectHandle fonts = QPDFObjectHandle::newDictionary();
        fonts.replaceKey("/F1", font);
        resources.replaceKey("/Font", fonts);
        page.replaceKey("/Resources", resources);
        pages.push_back(pdf.makeIndirectObject(page));
        pdf.addPage(pages.back(), false);
    }
    if (pages.size() == 2) {
        QPDFObjectHandle outlines = pdf.makeIndirectObject(QPDFObjectHandle::parse("<< /Type /Outlines >>"));
        QPDFObjectHandle one = pdf.makeIndirectObject(QPDFObjectHandle::parse("<< /Title (One) >>"));
        QPDFObjectHandle two = pdf.makeIndirectObject(QPDFObjectHandle::parse("<< /Title (Two) >>"));
        one.replaceKey("/Dest", QPDFObjectHandle::newArray({pages[0], QPDFObjectHandle::newName("/Fit")}));
        two.replaceKey("/Dest", QPDFObjectHandle::newArray({pages[1], QPDFObjectHandle::newName("/Fit")}));
        one.replaceKey("/Parent", outlines);
        one.replaceKey("/First", two);
        one.replaceKey("/Last", two);
        one.replaceKey("/Count", QPDFObjectHandle::newInteger(1));
        two.replaceKey("/Parent", one);
        outlines.replaceKey("/First", one);
        outlines.replaceKey("/Last", one);
        outlines.replaceKey("/Count", QPDFObjectHandle::newInteger(2));
        pdf.getRoot().replaceKey("/Outlines", outlines);
    }
    pdf.getTrailer().replaceKey("/Info", pdf.makeIndirectObject(QPDFObjectHandle::parse("<< /Title (A Partner's Annual Report) >>")));
    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.setDeterministicID(true);
    writer.write();
    auto buffer = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

const SourceLocation kListed{"meeting.yaml", 9, 9};

ReceivedPdf::Page a4(ReceivedPdf::Box ink) { return {595.276, 841.89, ink, {}}; }

FurnitureItem page_number() { return {"Page 7", Fonts::Regular, 10, 280, 31, 35, false}; }
FurnitureItem stamp() { return {"Agenda Item 8, Appendix 1", Fonts::Bold, 12, 380, 801, 150, true}; }

}  // namespace

TEST_CASE("a received A4 page with margins to spare is placed as it is, under the pack's furniture") {
    ReceivedPlacement at = place_on_sheet(a4({50, 60, 545, 780}), 595.276, 841.89, {page_number(), stamp()}, true);
    CHECK(at.scale == Approx(1));
    CHECK(at.x == Approx(0));
    CHECK(at.y == Approx(0));
}

TEST_CASE("a received page printed to its edges is shrunk into the band between the furniture") {
    ReceivedPlacement at = place_on_sheet(a4({0, 0, 595.276, 841.89}), 595.276, 841.89, {page_number(), stamp()}, true);
    const double bottom = page_number().area()[3] + 4, top = stamp().area()[1] - 4;
    CHECK(at.scale == Approx((top - bottom) / 841.89));
    CHECK(at.y == Approx(bottom));
    CHECK(at.x == Approx((595.276 - 595.276 * at.scale) / 2));
    SECTION("unless the officer turned that off") {
        ReceivedPlacement as_is = place_on_sheet(a4({0, 0, 595.276, 841.89}), 595.276, 841.89, {page_number(), stamp()}, false);
        CHECK(as_is.scale == Approx(1));
    }
}

TEST_CASE("A3 and US Letter pages are scaled to the sheet, centred") {
    ReceivedPdf::Page a3{841.89, 1190.55, {100, 100, 700, 1000}, {}};
    ReceivedPlacement big = place_on_sheet(a3, 595.276, 841.89, {}, true);
    CHECK(big.scale == Approx(595.276 / 841.89));
    ReceivedPdf::Page letter{612, 792, {72, 72, 540, 720}, {}};
    ReceivedPlacement us = place_on_sheet(letter, 595.276, 841.89, {}, true);
    CHECK(us.scale == Approx(595.276 / 612));
    CHECK(us.y == Approx((841.89 - 792 * us.scale) / 2));
}

TEST_CASE("a received PDF is read whole: title, pages turned as shown, ink, words and bookmarks") {
    std::string bytes = make_pdf({{595, 842, 0}, {595, 842, 90}}, {100, 200, 300, 400});
    auto pdf = load::read_received_pdf(bytes, "report.pdf", kListed);
    CHECK(pdf->title == "A Partner's Annual Report");
    REQUIRE(pdf->pages.size() == 2);
    CHECK(pdf->pages[0].width == Approx(595));
    CHECK(pdf->pages[1].width == Approx(842));  // a page turned by /Rotate is shown landscape
    CHECK(pdf->pages[1].height == Approx(595));
    // The ink, read from the page drawn small: the blue box, to a pixel or so.
    CHECK(pdf->pages[0].ink.x0 == Approx(100).margin(4));
    CHECK(pdf->pages[0].ink.y0 == Approx(200).margin(4));
    CHECK(pdf->pages[0].ink.x1 == Approx(300).margin(4));
    CHECK(pdf->pages[0].ink.y1 == Approx(400).margin(4));
    REQUIRE(pdf->pages[0].lines.size() == 1);
    CHECK(pdf->pages[0].lines[0].text == "Hello");
    CHECK(pdf->pages[0].lines[0].size == Approx(12));
    REQUIRE(pdf->outline.size() == 2);
    CHECK(pdf->outline[0].title == "One");
    CHECK(pdf->outline[0].level == 0);
    CHECK(pdf->outline[0].page == 0);
    CHECK(pdf->outline[1].title == "Two");
    CHECK(pdf->outline[1].level == 1);
    CHECK(pdf->outline[1].page == 1);
    CHECK(load::inspect_pdf(bytes, "report.pdf", kListed).pages == 2);
}

TEST_CASE("a received PDF that cannot be printed faithfully is refused at the line that lists it") {
    const std::string good = make_pdf({{595, 842, 0}}, {100, 200, 300, 400});
    auto refused = [&](const std::string& bytes) {
        try {
            load::inspect_pdf(bytes, "letter.pdf", kListed);
        } catch (const InputError& error) {
            CHECK(error.where().line == 9);
            return error.message();
        }
        return std::string("accepted");
    };
    CHECK(refused("Dear Panel, …") ==
          "'letter.pdf' is not a PDF file (it does not start with %PDF-): export the document as PDF, or list a Markdown file instead");
    CHECK(refused(good.substr(0, good.size() / 2)).find("'letter.pdf' is damaged") == 0);
    CHECK(refused(make_pdf({{0, 0, 0}}, {0, 0, 1, 1})) == "'letter.pdf' has a page of zero size (page 1): the file is damaged; ask for it again");
    CHECK(refused(good) == "accepted");
}

namespace {

// A one-page PDF whose page draws placement k's form as the pack's sheets
// do, the forms' objects numbered from 5 on.
std::string sheet_drawing(const ReceivedForms& forms, size_t k) {
    std::vector<size_t> all;
    std::vector<uint32_t> numbers;
    for (size_t i = 0; i < forms.placements().size(); ++i) {
        all.push_back(i);
        numbers.push_back(static_cast<uint32_t>(5 + i));
    }
    const uint32_t first = 5 + static_cast<uint32_t>(numbers.size());
    uint32_t dependencies = 0;
    const std::string content = "q\n" + forms.matrix(k) + " cm\n/Received1 Do\nQ\n";
    std::vector<std::string> bodies = {
        "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.276 841.89] /Contents 4 0 R /Resources << /XObject << /Received1 " +
            std::to_string(numbers[k]) + " 0 R >> >> >>",
        "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream"};
    const auto objects = forms.objects(all, numbers, first, dependencies);
    CHECK(objects.size() == numbers.size() + dependencies);  // each form, then what they draw with
    for (const auto& object : objects) {
        if (bodies.size() + 1 < object.number) bodies.resize(object.number - 1, "null");
        if (bodies.size() + 1 == object.number) bodies.push_back(object.body);
        else bodies[object.number - 1] = object.body;
    }
    std::string file = "%PDF-1.7\n";
    std::vector<size_t> offsets;
    for (size_t i = 0; i < bodies.size(); ++i) {
        offsets.push_back(file.size());
        file += std::to_string(i + 1) + " 0 obj\n" + bodies[i] + "\nendobj\n";
    }
    const size_t xref = file.size();
    file += "xref\n0 " + std::to_string(bodies.size() + 1) + "\n0000000000 65535 f \n";
    for (size_t offset : offsets) {
        char row[21];
        std::snprintf(row, sizeof row, "%010zu 00000 n \n", offset);
        file += row;
    }
    return file + "trailer\n<< /Size " + std::to_string(bodies.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
}

}  // namespace

TEST_CASE("a received page copied as a form draws on its sheet what the page shows, turned or not") {
    const std::string bytes = make_pdf({{595, 842, 0}, {595, 842, 90}}, {100, 200, 300, 400});
    auto pdf = load::read_received_pdf(bytes, "report.pdf", kListed);
    std::vector<ReceivedPlacement> placements;
    for (int page = 0; page < 2; ++page) {
        ReceivedPlacement at = place_on_sheet(pdf->pages[static_cast<size_t>(page)], 595.276, 841.89, {}, true);
        at.pdf = pdf.get();
        at.page = page;
        placements.push_back(at);
    }
    const ReceivedForms forms(placements);
    for (size_t k = 0; k < 2; ++k) {
        // Read back as any received PDF is: its words, and its ink where the page's box was put.
        auto sheet = load::read_received_pdf(sheet_drawing(forms, k), "sheet.pdf", kListed);
        REQUIRE(sheet->pages.size() == 1);
        const ReceivedPlacement& at = placements[k];
        const ReceivedPdf::Box& ink = pdf->pages[k].ink;
        CHECK(sheet->pages[0].ink.x0 == Approx(at.x + ink.x0 * at.scale).margin(4));
        CHECK(sheet->pages[0].ink.y0 == Approx(at.y + ink.y0 * at.scale).margin(4));
        CHECK(sheet->pages[0].ink.x1 == Approx(at.x + ink.x1 * at.scale).margin(4));
        CHECK(sheet->pages[0].ink.y1 == Approx(at.y + ink.y1 * at.scale).margin(4));
        if (k == 0) {
            REQUIRE(sheet->pages[0].lines.size() == 1);
            CHECK(sheet->pages[0].lines[0].text == "Hello");
        }
    }
}
