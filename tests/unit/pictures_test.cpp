#include <catch2/catch.hpp>

#include <cstdio>
#include <vector>

#include <jpeglib.h>
#include <png.h>

#include "support/pictures.hpp"

using namespace agendapack;

namespace {

// A small grey gradient, made here so the test needs no picture files.
std::vector<unsigned char> gradient(int width, int height) {
    std::vector<unsigned char> pixels(static_cast<size_t>(width) * height);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) pixels[static_cast<size_t>(y) * width + x] = static_cast<unsigned char>((x * 7 + y * 3) & 0xFF);
    return pixels;
}

std::string png_of(int width, int height) {
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    image.width = width;
    image.height = height;
    image.format = PNG_FORMAT_GRAY;
    const auto pixels = gradient(width, height);
    png_alloc_size_t size = 0;
    REQUIRE(png_image_write_to_memory(&image, nullptr, &size, 0, pixels.data(), 0, nullptr));
    std::string bytes(size, '\0');
    REQUIRE(png_image_write_to_memory(&image, bytes.data(), &size, 0, pixels.data(), 0, nullptr));
    bytes.resize(size);
    return bytes;
}

std::string jpeg_of(int width, int height) {
    jpeg_compress_struct info{};
    jpeg_error_mgr errors{};
    info.err = jpeg_std_error(&errors);
    jpeg_create_compress(&info);
    unsigned char* out = nullptr;
    unsigned long size = 0;
    jpeg_mem_dest(&info, &out, &size);
    info.image_width = width;
    info.image_height = height;
    info.input_components = 1;
    info.in_color_space = JCS_GRAYSCALE;
    jpeg_set_defaults(&info);
    jpeg_start_compress(&info, TRUE);
    auto pixels = gradient(width, height);
    while (info.next_scanline < info.image_height) {
        JSAMPROW row = pixels.data() + static_cast<size_t>(info.next_scanline) * width;
        jpeg_write_scanlines(&info, &row, 1);
    }
    jpeg_finish_compress(&info);
    std::string bytes(reinterpret_cast<char*>(out), size);
    jpeg_destroy_compress(&info);
    std::free(out);
    return bytes;
}

}  // namespace

TEST_CASE("a whole PNG passes with its size; one cut short, or not a PNG at all, is named as such") {
    const std::string png = png_of(120, 80);
    auto checked = pictures::check_png(png);
    CHECK(checked.problem.empty());
    CHECK(checked.width == 120);
    CHECK(checked.height == 80);
    // Every cut of the file is found, wherever it falls: never an abort.
    for (size_t keep = 0; keep < png.size(); keep += 7) {
        INFO("kept " << keep << " of " << png.size());
        CHECK_FALSE(pictures::check_png(png.substr(0, keep)).problem.empty());
    }
    std::string flipped = png;
    flipped[png.size() / 2] ^= 0x55;  // inside the picture data: its checksum no longer holds
    CHECK_THAT(pictures::check_png(flipped).problem, Catch::StartsWith("it is a damaged PNG") || Catch::StartsWith("it is not a readable PNG"));
    CHECK_THAT(pictures::check_png("GIF89a....").problem, Catch::StartsWith("it is not a readable PNG"));
}

TEST_CASE("a whole JPEG passes with its size; damage anywhere in it is found, not printed as grey") {
    const std::string jpeg = jpeg_of(64, 48);
    auto checked = pictures::check_jpeg(jpeg);
    CHECK(checked.problem.empty());
    CHECK(checked.width == 64);
    CHECK(checked.height == 48);
    for (size_t keep = 0; keep + 2 < jpeg.size(); keep += 11) CHECK_FALSE(pictures::check_jpeg(jpeg.substr(0, keep)).problem.empty());
    CHECK(pictures::check_jpeg(jpeg.substr(0, jpeg.size() - 40)).problem == "it is a damaged JPEG (Premature end of JPEG file)");
}

TEST_CASE("pictures with more pixels than a page could use are refused before they are decoded") {
    // 13,000 pixels wide: over the side limit; the header alone says so.
    const std::string wide = png_of(13000, 2);
    CHECK(pictures::check_png(wide).problem ==
          "it is 13000 × 2 pixels; agendapack takes at most 12000 either way and 40 million in all (a page needs far fewer: scale it down)");
    CHECK(pictures::check_png(png_of(12000, 10)).problem.empty());
}

TEST_CASE("an SVG logo is a plain picture: no script, event attributes, embedded pages or links out") {
    const std::string plain = R"(<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><defs><g id="a"/></defs><use xlink:href="#a"/><circle r="4"/></svg>)";
    CHECK(pictures::svg_problem(plain) == "");
    CHECK(pictures::svg_problem(R"svg(<svg><script>alert(1)</script></svg>)svg") == "it holds a script element");
    CHECK(pictures::svg_problem(R"(<svg><SCRIPT href="x.js"/></svg>)") == "it holds a script element");
    CHECK(pictures::svg_problem(R"(<svg><foreignObject><iframe/></foreignObject></svg>)") == "it holds a foreignobject element");
    CHECK(pictures::svg_problem("<svg>\n<rect\nonclick = \"x()\"/></svg>") == "it has an event attribute (onclick), which runs script");
    CHECK(pictures::svg_problem(R"svg(<svg><a href="javascript:alert(1)"><rect/></a></svg>)svg")
              .rfind("it links to something outside itself (href=\"javascript:alert(1)\"", 0) == 0);
    CHECK(pictures::svg_problem(R"(<svg><image href='https://example.com/x.png'/></svg>)").rfind("it links to something outside itself", 0) == 0);
    // Words in text are not attributes.
    CHECK(pictures::svg_problem("<svg><text>Council online services</text></svg>") == "");
}
