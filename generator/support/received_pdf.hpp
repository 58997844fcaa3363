// A PDF that arrives from outside — a partner's annual report, a strategy
// from the council's designers, a signed letter — as load read it: its
// bytes and what each page holds. Neither source nor model: the pack prints
// its pages and the site publishes the file and its words, so the renderers
// share it as they share a picture's bytes.
#pragma once

#include <string>
#include <vector>

namespace agendapack {

struct ReceivedPdf {
    struct Box {
        double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // points, origin bottom left
        bool empty() const { return x1 <= x0 || y1 <= y0; }
    };
    // A printed line of words, in reading order.
    struct Line {
        std::string text;  // UTF-8
        double size = 0;   // the largest font size in it, points
        double top = 0, bottom = 0;  // from the page's top edge, points
    };
    struct Page {
        double width = 0, height = 0;  // as it is shown: its rotation applied
        Box ink;                       // where anything is printed on it (empty: a blank page)
        std::vector<Line> lines;       // its words, line by line
    };
    // An entry of its own bookmarks; `level` 0 is the top.
    struct Mark {
        std::string title;
        int level = 0;
        int page = 0;  // from 0
    };
    std::string file_name;  // as meeting.yaml lists it
    std::string bytes;
    std::string title;  // its own Title metadata, "" when it has none
    std::vector<Page> pages;
    std::vector<Mark> outline;
};

}  // namespace agendapack
