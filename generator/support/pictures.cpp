#include "pictures.hpp"

#include <algorithm>
#include <cctype>
#include <csetjmp>
#include <cstdio>
#include <memory>
#include <vector>

#include <jpeglib.h>
#include <jerror.h>  // after jpeglib.h: the message codes
#include <png.h>

#include "support.hpp"

namespace agendapack::pictures {

namespace {

std::string too_large(int width, int height) {
    if (width <= 0 || height <= 0) return "it has no pixels";
    if (width > kMaxSide || height > kMaxSide || static_cast<long long>(width) * height > kMaxPixels)
        return "it is " + std::to_string(width) + " × " + std::to_string(height) + " pixels; agendapack takes at most " +
               std::to_string(kMaxSide) + " either way and " + std::to_string(kMaxPixels / 1'000'000) +
               " million in all (a page needs far fewer: scale it down)";
    return "";
}

}  // namespace

Checked check_png(const std::string& bytes) {
    Checked result;
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    // The simplified API keeps libpng's errors to itself (no longjmp across our frames, no abort).
    if (!png_image_begin_read_from_memory(&image, bytes.data(), bytes.size())) {
        result.problem = std::string("it is not a readable PNG (") + image.message + ")";
        return result;
    }
    // libpng refuses sides over its own limit (a million pixels), so these fit an int.
    result.width = static_cast<int>(image.width);
    result.height = static_cast<int>(image.height);
    result.problem = too_large(result.width, result.height);
    if (!result.problem.empty()) {
        png_image_free(&image);
        return result;
    }
    // Every row decoded (as grey, one byte a pixel: the least memory), so a
    // damaged or cut-short picture is found here.
    image.format = PNG_FORMAT_GRAY;
    std::vector<png_byte> pixels(PNG_IMAGE_SIZE(image));
    if (!png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr))
        result.problem = std::string("it is a damaged PNG (") + image.message + ")";
    png_image_free(&image);
    // libpng stops reading at the last row; other readers go on to the end
    // marker and fail without it.
    static const std::string end_chunk("\0\0\0\0IEND\xAE\x42\x60\x82", 12);
    if (result.problem.empty() && bytes.find(end_chunk) == std::string::npos) result.problem = "it is a damaged PNG (cut short before its end)";
    return result;
}

namespace {

struct JpegErrors {
    jpeg_error_mgr manager;
    std::jmp_buf escape;
    char message[JMSG_LENGTH_MAX] = {};
};

[[noreturn]] void jpeg_fail(j_common_ptr info) {
    auto* errors = reinterpret_cast<JpegErrors*>(info->err);
    (*info->err->format_message)(info, errors->message);
    std::longjmp(errors->escape, 1);
}

// libjpeg reports damaged data (a cut-short file, a bad Huffman code) as a
// warning and goes on with grey: here such a warning is a fault. Two are
// not: an unknown JFIF revision and stray bytes between segments, which
// cameras write and every reader passes over.
void jpeg_warn(j_common_ptr info, int level) {
    if (level >= 0) return;  // trace messages
    if (info->err->msg_code == JWRN_JFIF_MAJOR || info->err->msg_code == JWRN_EXTRANEOUS_DATA) return;
    auto* errors = reinterpret_cast<JpegErrors*>(info->err);
    (*info->err->format_message)(info, errors->message);
    std::longjmp(errors->escape, 1);
}

// Kept free of C++ objects with destructors: longjmp leaves this frame.
bool decode_jpeg(const std::string& bytes, JpegErrors& errors, int& width, int& height, bool& within_limits,
                 std::vector<JSAMPLE>& row) {
    jpeg_decompress_struct info{};
    info.err = jpeg_std_error(&errors.manager);
    errors.manager.error_exit = jpeg_fail;
    errors.manager.emit_message = jpeg_warn;
    if (setjmp(errors.escape)) {
        jpeg_destroy_decompress(&info);
        return false;
    }
    jpeg_create_decompress(&info);
    jpeg_mem_src(&info, reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<unsigned long>(bytes.size()));
    jpeg_read_header(&info, TRUE);
    width = static_cast<int>(std::min<JDIMENSION>(info.image_width, 1u << 30));
    height = static_cast<int>(std::min<JDIMENSION>(info.image_height, 1u << 30));
    within_limits = too_large(width, height).empty();
    if (!within_limits) {
        jpeg_destroy_decompress(&info);
        return true;
    }
    jpeg_start_decompress(&info);
    row.resize(static_cast<size_t>(info.output_width) * info.output_components);
    JSAMPROW rows[1] = {row.data()};
    while (info.output_scanline < info.output_height) jpeg_read_scanlines(&info, rows, 1);
    jpeg_finish_decompress(&info);
    jpeg_destroy_decompress(&info);
    return true;
}

}  // namespace

Checked check_jpeg(const std::string& bytes) {
    Checked result;
    auto errors = std::make_unique<JpegErrors>();
    std::vector<JSAMPLE> row;
    bool within_limits = true;
    if (!decode_jpeg(bytes, *errors, result.width, result.height, within_limits, row)) {
        result.problem = result.width > 0 ? std::string("it is a damaged JPEG (") + errors->message + ")"
                                          : std::string("it is not a readable JPEG (") + errors->message + ")";
        return result;
    }
    if (!within_limits) result.problem = too_large(result.width, result.height);
    return result;
}

std::string svg_problem(const std::string& text) {
    const std::string lower = to_lower(text);
    for (const char* element : {"<script", "<foreignobject", "<iframe", "<object", "<embed"})
        if (lower.find(element) != std::string::npos) return std::string("it holds a ") + (element + 1) + " element";
    // Event attributes: on… = inside a tag.
    bool in_tag = false;
    for (size_t i = 0; i < lower.size(); ++i) {
        if (lower[i] == '<') in_tag = true;
        else if (lower[i] == '>') in_tag = false;
        else if (in_tag && (lower[i] == ' ' || lower[i] == '\t' || lower[i] == '\n' || lower[i] == '\r') &&
                 lower.compare(i + 1, 2, "on") == 0) {
            size_t end = i + 3;
            while (end < lower.size() && std::isalpha(static_cast<unsigned char>(lower[end]))) ++end;
            size_t eq = end;
            while (eq < lower.size() && std::isspace(static_cast<unsigned char>(lower[eq]))) ++eq;
            if (end > i + 3 && eq < lower.size() && lower[eq] == '=')
                return "it has an event attribute (" + text.substr(i + 1, end - i - 1) + "), which runs script";
        }
    }
    // Links: only to its own parts ("#id"), never to a page or a script.
    for (const char* attribute : {"href", "src"}) {
        for (size_t at = lower.find(attribute); at != std::string::npos; at = lower.find(attribute, at + 1)) {
            size_t eq = at + std::string(attribute).size();
            while (eq < lower.size() && std::isspace(static_cast<unsigned char>(lower[eq]))) ++eq;
            if (eq >= lower.size() || lower[eq] != '=') continue;
            size_t value = eq + 1;
            while (value < lower.size() && (std::isspace(static_cast<unsigned char>(lower[value])) || lower[value] == '"' || lower[value] == '\''))
                ++value;
            if (value < lower.size() && lower[value] != '#')
                return "it links to something outside itself (" + text.substr(at, std::min<size_t>(40, text.size() - at)) + ")";
        }
    }
    return "";
}

}  // namespace agendapack::pictures
