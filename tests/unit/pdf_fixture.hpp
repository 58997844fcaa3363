// The PDF renderer's tests share one style (Debian's Liberation and DejaVu
// fonts, as templates/pdf/style.yaml names them) and its Fonts.
#pragma once

#include "render/pdf/pdf.hpp"

namespace agendapack::render::pdf::testing {

inline Style test_style() {
    Style s;
    s.font_regular = "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf";
    s.font_bold = "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf";
    s.font_italic = "/usr/share/fonts/truetype/liberation2/LiberationSans-Italic.ttf";
    s.font_bold_italic = "/usr/share/fonts/truetype/liberation2/LiberationSans-BoldItalic.ttf";
    s.font_fallback = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    s.font_fallback_bold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
    return s;
}

inline const Style& style() {
    static Style s = test_style();
    return s;
}

inline const Fonts& fonts() {
    static Fonts f(style());
    return f;
}

}  // namespace agendapack::render::pdf::testing
