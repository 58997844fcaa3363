// Pictures placed in Markdown: read once, their format and size taken from
// the file's own header, so both renderers can place them.
#include "compose.hpp"

namespace agendapack::compose {

namespace {

uint32_t big_endian(const std::string& b, size_t at, int bytes) {
    uint32_t v = 0;
    for (int i = 0; i < bytes; ++i) v = (v << 8) | static_cast<unsigned char>(b[at + i]);
    return v;
}

bool read_png_size(const std::string& b, int& w, int& h) {
    if (b.size() < 24 || b.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0 || b.compare(12, 4, "IHDR") != 0) return false;
    w = static_cast<int>(big_endian(b, 16, 4));
    h = static_cast<int>(big_endian(b, 20, 4));
    return w > 0 && h > 0;
}

bool read_jpeg_size(const std::string& b, int& w, int& h) {
    if (b.size() < 4 || static_cast<unsigned char>(b[0]) != 0xFF || static_cast<unsigned char>(b[1]) != 0xD8) return false;
    size_t at = 2;
    while (at + 9 < b.size()) {
        if (static_cast<unsigned char>(b[at]) != 0xFF) return false;
        unsigned marker = static_cast<unsigned char>(b[at + 1]);
        uint32_t length = big_endian(b, at + 2, 2);
        // Start-of-frame markers carry the size; C4, C8 and CC are other tables.
        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
            h = static_cast<int>(big_endian(b, at + 5, 2));
            w = static_cast<int>(big_endian(b, at + 7, 2));
            return w > 0 && h > 0;
        }
        at += 2 + length;
    }
    return false;
}

std::string folder_of(const std::string& file) {
    auto slash = file.rfind('/');
    return slash == std::string::npos ? "" : file.substr(0, slash);
}

}  // namespace

doc::Block load_figure(const Context& context, const std::string& file, const std::string& alt, const SourceLocation& where) {
    if (file.empty() || file.find("..") != std::string::npos || file[0] == '/' || file.find(':') != std::string::npos)
        throw InputError(where, "a picture is a file next to the document, like ![…](chart.png), not '" + file + "'");
    auto image = std::make_shared<doc::Image>();
    std::string lower = to_lower(file);
    auto ends_with = [&](const std::string& suffix) {
        return lower.size() >= suffix.size() && lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    if (ends_with(".png")) image->format = doc::Image::Format::Png;
    else if (ends_with(".jpg") || ends_with(".jpeg")) image->format = doc::Image::Format::Jpeg;
    else throw InputError(where, "pictures must be PNG or JPEG files, not '" + file + "'");
    std::string path = join_path(folder_of(where.file), file);
    const auto& bytes = context.data->file(path);
    if (!bytes) throw InputError(where, "picture '" + path + "' does not exist");
    bool ok = image->format == doc::Image::Format::Png ? read_png_size(*bytes, image->width, image->height)
                                                        : read_jpeg_size(*bytes, image->width, image->height);
    if (!ok) throw InputError(where, "'" + path + "' is not a readable " + (image->format == doc::Image::Format::Png ? "PNG" : "JPEG") + " file");
    image->name = slugify(file.substr(0, file.rfind('.'))) + file.substr(file.rfind('.'));
    image->bytes = *bytes;

    doc::Block figure;
    figure.kind = doc::Block::Kind::Figure;
    figure.text = alt;
    figure.image = std::move(image);
    figure.origin = where;
    return figure;
}

}  // namespace agendapack::compose
