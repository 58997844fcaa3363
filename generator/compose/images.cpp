// Pictures placed in Markdown: read once and decoded whole, their size
// taken from them, so both renderers can place them.
#include "compose.hpp"
#include "../support/pictures.hpp"

namespace agendapack::compose {

namespace {

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
    // Decoded whole here, before either renderer holds it (support/pictures.hpp says why).
    const pictures::Checked checked =
        image->format == doc::Image::Format::Png ? pictures::check_png(*bytes) : pictures::check_jpeg(*bytes);
    if (!checked.problem.empty()) throw InputError(where, "the picture '" + path + "' cannot be used: " + checked.problem);
    image->width = checked.width;
    image->height = checked.height;
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
