// Phase 3: lines and tables onto pages. A small state (the page being
// filled, the cursor) and small verbs (new_page, place_lines, place_table),
// in the manner of a typesetter's galley.
#include <algorithm>
#include <map>
#include <numeric>

#include "layout.hpp"

namespace agendapack::render::pdf {

namespace {

constexpr int kMinLines = 2;  // no single line stranded at a page's foot or head
constexpr double kFloorSize = 6;  // the smallest a table is set before its words break

// A table set smaller: its text and padding by `factor`.
Table scaled(const Table& t, double factor) {
    Table out = t;
    out.size *= factor;
    out.padding *= factor;
    for (auto& row : out.rows)
        for (auto& cell : row) {
            for (auto& p : cell.paras) p.size *= factor;
            for (auto& p : cell.repeat) p.size *= factor;
        }
    return out;
}

struct LaidPara {
    const Para* para;
    std::vector<Line> lines;
    double height() const {
        double h = 0;
        for (const auto& l : lines) h += l.height;
        return h;
    }
};

// A table row ready to place: each cell's lines with the y offset of each.
struct CellLines {
    struct Placed {
        const Line* line;
        double x;       // from the cell's content left edge
        double top;     // from the cell's content top
        std::string label;
        double label_x;
        Fonts::Face label_face;
        int node = kArtifact, label_node = kArtifact;  // elements of its text and label
    };
    std::vector<Placed> lines;
    std::vector<std::vector<Line>> storage;
    double height = 0;
};

struct RowLayout {
    std::vector<CellLines> cells;
    std::vector<bool> continued;  // per column: part of the cell above (no rule between)
    std::vector<std::optional<Colour>> shading;
    std::vector<int> colspan;  // 0 for a column covered by the span to its left
    double height = 0;  // content height, without padding
    bool header = false;
};

class Paginator {
public:
    Paginator(const Style& style, const Fonts& fonts) : style_(style), fonts_(fonts) {}

    std::vector<Page> run(const Collected& collected) {
        structure_ = collected.structure;
        base_landscape_ = collected.landscape;
        columns_ = collected.columns;
        new_page(collected.landscape);
        const auto& items = collected.items;
        for (size_t i = 0; i < items.size(); ++i) {
            const Item& item = items[i];
            // Back to the document's own orientation after landscape tables,
            // unless what comes next belongs on them: a note of the table, the
            // next landscape table, or a heading that goes with one.
            if (landscape_ != base_landscape_ && !stays_turned(items, i)) new_page(base_landscape_);
            if (item.kind == Item::PageBreak) {
                new_page(collected.landscape);
            } else if (item.kind == Item::TableItem) {
                place_table(item.table);
            } else if (item.kind == Item::FigureItem) {
                place_figure(item.figure);
            } else if (item.kind == Item::Rule) {
                place_rule(item.para);
            } else {
                // A heading before a table that goes landscape goes with it.
                if (item.para.keep_with_next && !landscape_ && i + 1 < items.size() && items[i + 1].kind == Item::TableItem &&
                    goes_landscape(items[i + 1].table))
                    new_page(true);
                LaidPara laid{&item.para, lines_of(item.para)};
                // The heading's own space after it comes between them too.
                double keep = item.para.keep_with_next && i + 1 < items.size() ? item.para.space_after + lead_height(items, i + 1) : 0;
                place_para(laid, keep);
            }
        }
        return std::move(pages_);
    }

private:
    // ---- state ----
    // The frame is one column of the page: all of it, or a share between gaps.
    double frame_width() const {
        const double page = (landscape_ ? style_.page_height : style_.page_width) - style_.margin_left - style_.margin_right;
        return (page - style_.column_gap * (columns_ - 1)) / columns_;
    }
    double frame_left() const { return style_.margin_left + column_ * (frame_width() + style_.column_gap); }
    double frame_height() const { return (landscape_ ? style_.page_width : style_.page_height) - style_.margin_top - style_.margin_bottom; }
    double page_height() const { return landscape_ ? style_.page_width : style_.page_height; }
    double remaining() const { return frame_height() - cursor_; }
    bool at_top() const { return cursor_ <= 0.001; }
    double text_width_of(const Para& p) const { return std::max(20.0, frame_width() - p.indent); }
    // PDF y of a distance from the frame's top.
    double y_of(double from_top) const { return page_height() - style_.margin_top - from_top; }

    // The page is full: on to its next column, or a new page.
    void next_frame() {
        if (column_ + 1 < columns_) {
            ++column_;
            cursor_ = 0;
            return;
        }
        new_page(landscape_);
    }

    void new_page(bool landscape) {
        landscape_ = landscape;
        column_ = 0;
        // A page nothing has been drawn on yet is turned, not left blank
        // (a document that opens with a landscape table starts on it).
        if (!pages_.empty() && pages_.back().draws.empty() && at_top()) {
            pages_.back().landscape = landscape;
            return;
        }
        Page page;
        page.landscape = landscape;
        page.structure = structure_;
        pages_.push_back(std::move(page));
        cursor_ = 0;
    }
    Page& page() { return pages_.back(); }

    // A paragraph's lines at the current frame width, broken once: the
    // keep-with-next look-ahead and the placing itself share them.
    const std::vector<Line>& lines_of(const Para& para) {
        double width = text_width_of(para);
        auto it = broken_.find(&para);
        if (it == broken_.end() || it->second.first != width) it = broken_.insert_or_assign(&para, std::make_pair(width, break_lines(para, width, fonts_))).first;
        return it->second.second;
    }

    // Height item `j` needs on the same page as a heading before it: as much
    // of it as may not be split from its start (a paragraph too short to
    // break under the widow and orphan rules goes whole), and, for a heading
    // that itself keeps with what follows, that too (a chain of headings).
    double lead_height(const std::vector<Item>& items, size_t j, int depth = 0) {
        const Item& next = items[j];
        if (next.kind == Item::TableItem) return table_lead(next.table);
        if (next.kind == Item::FigureItem) return figure_size(next.figure).second;
        if (next.kind != Item::Paragraph) return 0;
        const auto& lines = lines_of(next.para);
        const size_t whole = next.para.keep_with_next || lines.size() < 2 * static_cast<size_t>(kMinLines) ? lines.size() : kMinLines;
        double h = next.para.space_before;
        for (size_t k = 0; k < lines.size() && k < whole; ++k) h += lines[k].height;
        if (next.para.keep_with_next && j + 1 < items.size() && depth < 3) h += next.para.space_after + lead_height(items, j + 1, depth + 1);
        return h;
    }

    // ---- drawing verbs ----
    // `node`: the element the line's text belongs to (kArtifact: none).
    void draw_line(const Line& line, double left, double top, int node) {
        double baseline = y_of(top + line.height * 0.78);
        for (const auto& run : line.runs) {
            Draw d;
            d.kind = Draw::Text;
            d.x = left + run.x;
            d.y = baseline;
            d.run = run;
            if (line.space_at_end && &run == &line.runs.back() && run.symbol.empty() && run.page_ref.empty()) d.run.text += ' ';
            d.node = node == kArtifact || run.node == kInherit ? node : run.node;
            d.colour = run.url.empty() && run.target.empty() ? style_.text : style_.link;
            page().draws.push_back(std::move(d));
            // Struck-through text: a line at about the height of a lower-case letter's middle.
            if (run.strike) fill(left + run.x, top + line.height * 0.78 - run.size * 0.3 - run.size * 0.03, run.width, run.size * 0.06, style_.text);
            // Words printed again as furniture (a table's header on a later
            // page) are not links again: the link is where they are read.
            if ((!run.url.empty() || !run.target.empty()) && node != kArtifact) {
                Draw link;
                link.kind = Draw::Link;
                link.x = left + run.x;
                link.y = y_of(top + line.height);
                link.w = run.width;
                link.h = line.height;
                link.url = run.url;
                link.target = run.target;
                link.node = run.node < 0 ? kArtifact : run.node;  // its annotation goes in the Link element
                page().draws.push_back(std::move(link));
            }
        }
    }

    void draw_label(const std::string& label, Fonts::Face face, double size, double x, double top, double line_height, int node) {
        if (label.empty()) return;
        Draw d;
        d.kind = Draw::Text;
        d.node = node;
        d.x = x;
        d.y = y_of(top + line_height * 0.78);
        d.run.text = label;
        d.run.face = face;
        d.run.size = size;
        d.run.slot = 0;
        d.colour = style_.text;
        page().draws.push_back(std::move(d));
    }

    // A rectangle measured from the frame's top, filled or outlined.
    void rectangle(Draw::Kind kind, double x, double top, double w, double h, Colour colour) {
        Draw d;
        d.kind = kind;
        d.x = x;
        d.y = y_of(top + h);
        d.w = w;
        d.h = h;
        d.colour = colour;
        page().draws.push_back(std::move(d));
    }
    void fill(double x, double top, double w, double h, Colour colour) { rectangle(Draw::Fill, x, top, w, h, colour); }
    void stroke(double x, double top, double w, double h) { rectangle(Draw::Stroke, x, top, w, h, style_.border); }

    // ---- paragraphs ----
    // Places a paragraph, splitting it across pages where it must: never one
    // line alone at a page's foot (orphan) or head (widow); a heading moves
    // to the next page rather than end a page without what follows it.
    void place_para(const LaidPara& laid, double keep_with_next) {
        const Para& p = *laid.para;
        const auto& lines = laid.lines;
        const size_t n = lines.size();
        const size_t min_lines = kMinLines;
        size_t k = 0;
        if (!p.anchor.empty()) pending_anchors_.push_back(p.anchor);
        while (k < n) {
            double before = k == 0 && !at_top() ? p.space_before : 0;
            double rest = 0;
            for (size_t m = k; m < n; ++m) rest += lines[m].height;
            size_t left = n - k;
            size_t take = left;
            if (!at_top()) {
                if (p.keep_with_next && before + rest + keep_with_next > remaining()) {
                    next_frame();
                    continue;
                }
                if (before + rest > remaining()) {
                    size_t fit = lines_that_fit(lines, k, remaining() - before);
                    if (fit >= min_lines && left - fit < min_lines) fit = left >= 2 * min_lines ? left - min_lines : 0;
                    if (fit < min_lines) {
                        next_frame();
                        continue;
                    }
                    take = fit;
                }
            } else {
                size_t fit = std::max<size_t>(1, lines_that_fit(lines, k, remaining()));
                if (fit < left && left - fit < min_lines && fit > min_lines) fit = left - min_lines;
                take = std::min(fit, left);
            }
            flush_anchors();
            cursor_ += before;
            size_t segment_start = page().draws.size();
            double top = cursor_;
            for (size_t m = k; m < k + take; ++m) {
                if (m == 0) draw_label(p.label, p.label_face, p.size, frame_left() + p.label_x, cursor_, lines[m].height, p.label_node);
                double left_x = frame_left() + p.indent;
                if (p.centred) left_x += (text_width_of(p) - lines[m].width) / 2;
                draw_line(lines[m], left_x, cursor_, p.node);
                cursor_ += lines[m].height;
            }
            shade(p, top, cursor_ - top, segment_start);
            k += take;
            if (k < n) next_frame();
        }
        cursor_ += p.space_after;
    }

    // Anchors are recorded on the page where their text actually starts.
    void flush_anchors() {
        for (auto& a : pending_anchors_) page().anchors.push_back(std::move(a));
        pending_anchors_.clear();
    }

    // A banner behind a paragraph segment, drawn before (under) its text.
    void shade(const Para& p, double top, double height, size_t segment_start) {
        if (!p.shading || height <= 0) return;
        Draw d;
        d.kind = Draw::Fill;
        d.x = frame_left();
        d.y = y_of(top + height + 2);
        d.w = frame_width();
        d.h = height + 4;
        d.colour = *p.shading;
        page().draws.insert(page().draws.begin() + static_cast<long>(segment_start), d);
    }

    size_t lines_that_fit(const std::vector<Line>& lines, size_t from, double space) const {
        size_t n = from;
        double used = 0;
        while (n < lines.size() && used + lines[n].height <= space + 0.001) used += lines[n++].height;
        return n - from;
    }

    // ---- pictures ----
    // At 96 pixels to the inch, never wider than the frame nor taller than
    // most of a page; a picture that does not fit goes to the next page.
    std::pair<double, double> figure_size(const Figure& f) const {
        // A chart takes the frame's width at the scene's proportions.
        double width = f.chart ? frame_width() - f.indent : f.image->width * 0.75;
        double height = f.chart ? width * 360.0 / 640.0 : f.image->height * 0.75;
        double scale = std::min({1.0, (frame_width() - f.indent) / width, frame_height() * 0.85 / height});
        return {width * scale, height * scale};
    }

    // A thematic break: a thin line across the text, with room above and
    // below; at a page's foot it is left out (the page break says as much).
    void place_rule(const Para& spacing) {
        const double height = spacing.space_before + spacing.space_after;
        if (height > remaining()) {
            if (!at_top()) next_frame();
            return;
        }
        if (at_top()) return;
        fill(frame_left() + spacing.indent, cursor_ + spacing.space_before, frame_width() - spacing.indent, 0.75, style_.border);
        cursor_ += height;
    }

    void place_figure(const Figure& f) {
        auto [width, height] = figure_size(f);
        if (height > remaining() && !at_top()) next_frame();
        flush_anchors();
        Draw d;
        d.kind = Draw::Picture;
        d.image = f.image;
        d.chart = f.chart;
        d.node = f.node;
        d.x = frame_left() + f.indent;
        d.y = y_of(cursor_ + height);
        d.w = width;
        d.h = height;
        page().draws.push_back(std::move(d));
        cursor_ += height + f.space_after;
    }

    // ---- tables ----
    struct Widths {
        double min = 0;     // the longest word: narrower would split words
        double nowrap = 0;  // short cells kept on one line
        double max = 0;     // everything on one line
    };

    Widths cell_widths(const TableCell& cell) const {
        Widths w;
        for (const auto& p : cell.paras) {
            double line = 0, word = 0;
            for (const auto& span : p.spans) {
                if (!span.symbol.empty() || !span.page_ref.empty()) {
                    double box = span.symbol.empty() ? text_width(kPageRefPlaceholder, span.face, p.size, fonts_) : p.size * 0.95;
                    line += box;
                    word += box;
                    continue;
                }
                for (size_t i = 0; i < span.text.size();) {
                    char32_t cp = decode_utf8(span.text, i);
                    int slot = std::max(0, fonts_.slot_for(span.face, cp));
                    double cw = fonts_.advance(span.face, slot, cp, p.size);
                    line += cw;
                    if (cp == ' ' || cp == '\n') {
                        w.min = std::max(w.min, word);
                        word = 0;
                        if (cp == '\n') {
                            w.max = std::max(w.max, line);
                            line = 0;
                        }
                    } else {
                        word += cw;
                    }
                }
            }
            w.min = std::max(w.min, word + (p.label.empty() ? 0 : style_.label_width));
            w.max = std::max(w.max, line + (p.label.empty() ? 0 : style_.label_width));
        }
        double pad = 2 * padding_;
        // A word longer than a sixth of the page may break inside; short
        // cells ("● Green", "1,959") would rather not wrap at all.
        double min = std::min(w.min, style_.page_width / 6);
        double nowrap = !cell.header && w.max <= 4 * style_.label_width ? w.max : min;  // headings may wrap
        // A heading's length asks for less of the spare width than a body
        // cell's: the slack goes to the text columns (an indicator's name)
        // before long headings over short figures.
        double max = cell.header ? min + (w.max - min) / 3 : w.max;
        return {min + pad, nowrap + pad, max + pad};
    }

    // Column widths from content, as browsers size auto tables: every column
    // gets what it cannot do without, then the spare width goes to the
    // columns that want more, in proportion to how much more they want.
    std::vector<double> column_widths(const Table& t, double available, double* min_total) const {
        size_t columns = 0;
        for (const auto& row : t.rows) columns = std::max(columns, row.size());
        std::vector<Widths> w(columns);
        for (const auto& row : t.rows)
            for (size_t c = 0; c < row.size(); ++c) {
                if (row[c].colspan > 1 || row[c].spanned) continue;  // spanning cells fit their columns, not the reverse
                Widths cw = cell_widths(row[c]);
                w[c].min = std::max(w[c].min, cw.min);
                w[c].nowrap = std::max(w[c].nowrap, cw.nowrap);
                w[c].max = std::max(w[c].max, cw.max);
            }
        auto total = [&](double Widths::*level) {
            double sum = 0;
            for (const auto& x : w) sum += x.*level;
            return sum;
        };
        *min_total = total(&Widths::min);
        // Grow from one level towards the next, sharing out what is left.
        auto between = [&](double Widths::*from, double Widths::*to) {
            double base = total(from), want = total(to) - base;
            double ratio = want > 0 ? std::min(1.0, (available - base) / want) : 0;
            std::vector<double> out(columns);
            for (size_t c = 0; c < columns; ++c) out[c] = w[c].*from + (w[c].*to - w[c].*from) * ratio;
            return out;
        };
        std::vector<double> out;
        if (total(&Widths::max) <= available) {
            out.resize(columns);
            double sum_max = total(&Widths::max);
            for (size_t c = 0; c < columns; ++c) out[c] = w[c].max + (available - sum_max) * (w[c].max / sum_max);
        } else if (total(&Widths::nowrap) <= available) {
            out = between(&Widths::nowrap, &Widths::max);
        } else if (total(&Widths::min) <= available) {
            out = between(&Widths::min, &Widths::nowrap);
        } else {
            out.resize(columns);
            for (size_t c = 0; c < columns; ++c) out[c] = w[c].min * available / *min_total;
        }
        return out;
    }

    // `repeat`: the row starts a page, so cells continuing a merged cell
    // print its value again.
    RowLayout lay_out_row(const std::vector<TableCell>& row, const std::vector<double>& widths, bool repeat = false) const {
        RowLayout layout;
        for (size_t c = 0; c < widths.size(); ++c) {
            CellLines cell;
            if (c < row.size()) {
                double span_width = 0;
                for (int k = 0; k < row[c].colspan && c + k < widths.size(); ++k) span_width += widths[c + k];
                double inner = std::max(8.0, span_width - 2 * padding_);
                double top = 0;
                const std::vector<Para>& paras = repeat && row[c].continued ? row[c].repeat : row[c].paras;
                cell.storage.reserve(paras.size());
                for (const auto& p : paras) {
                    double text_left = p.indent;
                    double width = std::max(8.0, inner - text_left);
                    cell.storage.push_back(break_lines(p, width, fonts_));
                    const auto& lines = cell.storage.back();
                    for (size_t k = 0; k < lines.size(); ++k) {
                        // Aligned as the column says: centred, or right for figures.
                        double x = text_left;
                        if (p.centred) x += (width - lines[k].width) / 2;
                        else if (p.right_aligned) x += width - lines[k].width;
                        // A merged cell's value printed again at a page's top is furniture.
                        const bool again = repeat && row[c].continued;
                        cell.lines.push_back({&lines[k], x, top, k == 0 ? p.label : "", p.label_x, p.label_face, again ? kArtifact : p.node,
                                              again ? kArtifact : p.label_node});
                        top += lines[k].height;
                    }
                    top += p.space_after;
                }
                cell.height = top;
                layout.header = row[c].header;
                layout.shading.push_back(row[c].shading);
                layout.colspan.push_back(row[c].spanned ? 0 : row[c].colspan);
                layout.continued.push_back(row[c].continued && !repeat);
            }
            layout.height = std::max(layout.height, cell.height);
            layout.cells.push_back(std::move(cell));
        }
        return layout;
    }

    // Draws the part of a row whose lines fall in [from, to) of its content;
    // a header row drawn again on a later page is not `tagged` (furniture).
    void draw_row(const RowLayout& row, const std::vector<double>& widths, double from, double to, bool header, bool tagged = true) {
        double height = to - from + 2 * padding_;
        double x = frame_left();
        for (size_t c = 0; c < widths.size(); ++c) {
            int span = c < row.colspan.size() ? row.colspan[c] : 1;
            if (span == 0) {  // drawn with the spanning cell to its left
                x += widths[c];
                continue;
            }
            double width = 0;
            for (int k = 0; k < span && c + k < widths.size(); ++k) width += widths[c + k];
            if (header) fill(x, cursor_, width, height, style_.header_shading);
            else if (c < row.shading.size() && row.shading[c]) fill(x, cursor_, width, height, *row.shading[c]);
            // Each cell rules its top (not where it continues a merged cell)
            // and sides; the rule under a page's last row closes the table.
            const double bw = style_.border_width;
            const bool merged = c < row.continued.size() && row.continued[c];
            if (!merged) fill(x - bw / 2, cursor_ - bw / 2, width + bw, bw, style_.border);
            fill(x - bw / 2, cursor_ - bw / 2, bw, height + bw, style_.border);
            fill(x + width - bw / 2, cursor_ - bw / 2, bw, height + bw, style_.border);
            for (const auto& placed : row.cells[c].lines) {
                if (placed.top < from - 0.001 || placed.top + placed.line->height > to + 0.001) continue;
                double top = cursor_ + padding_ + placed.top - from;
                double left = x + padding_;
                if (!placed.label.empty())
                    draw_label(placed.label, placed.label_face, placed.line->runs.empty() ? style_.table_size : placed.line->runs[0].size,
                               left + placed.label_x, top, placed.line->height, tagged ? placed.label_node : kArtifact);
                draw_line(*placed.line, left + placed.x, top, tagged ? placed.node : kArtifact);
            }
            x += widths[c];
        }
        cursor_ += height;
    }

    bool goes_landscape(const Table& t) {
        padding_ = t.padding;
        double min_total = 0;
        const double portrait_width = style_.page_width - style_.margin_left - style_.margin_right;
        column_widths(t, portrait_width, &min_total);
        return t.landscape || min_total > portrait_width;
    }

    void place_table(const Table& given) {
        padding_ = given.padding;
        double min_total = 0;
        std::vector<double> widths = column_widths(given, frame_width(), &min_total);
        if (!landscape_ && goes_landscape(given)) {
            // Too wide for portrait: the table gets landscape pages of its own.
            new_page(true);
            widths = column_widths(given, frame_width(), &min_total);
        }
        // Still wider than the page with every word whole: set it smaller,
        // down to a floor, before any word has to break.
        Table shrunk;
        const Table* chosen = &given;
        for (double f = 0.95; min_total > frame_width() + 0.01 && given.size * f >= kFloorSize - 1e-9; f -= 0.05) {
            shrunk = scaled(given, f);
            chosen = &shrunk;
            padding_ = shrunk.padding;
            widths = column_widths(shrunk, frame_width(), &min_total);
        }
        const Table& tb = *chosen;
        std::vector<RowLayout> rows;
        for (const auto& row : tb.rows) rows.push_back(lay_out_row(row, widths));
        double header_height = 0;
        for (int r = 0; r < tb.header_rows && r < static_cast<int>(rows.size()); ++r) header_height += rows[r].height + 2 * padding_;
        double first_body = rows.size() > static_cast<size_t>(tb.header_rows) ? rows[tb.header_rows].height + 2 * padding_ : 0;
        // A caption keeps with the header and the first two rows (a table's
        // first row is not left alone at a page's foot).
        if (rows.size() > static_cast<size_t>(tb.header_rows) + 1) first_body += rows[tb.header_rows + 1].height + 2 * padding_;
        const bool content_above = !at_top();
        const size_t page_before = pages_.size();

        if (tb.caption) {
            LaidPara caption{&*tb.caption, break_lines(*tb.caption, frame_width(), fonts_)};
            place_para(caption, header_height + std::min(first_body, 120.0));
        } else if (!at_top() && header_height + std::min(first_body, 120.0) > remaining()) {
            next_frame();
        }
        flush_anchors();
        double table_width = 0;
        for (double w : widths) table_width += w;
        auto draw_header = [&](bool again) {
            for (int r = 0; r < tb.header_rows && r < static_cast<int>(rows.size()); ++r)
                draw_row(rows[r], widths, 0, rows[r].height, true, !again);
        };
        // The rule under the last row on a page (each row rules only its top).
        auto close = [&] {
            const double bw = style_.border_width;
            fill(frame_left() - bw / 2, cursor_ - bw / 2, table_width + bw, bw, style_.border);
        };
        bool page_top = true;  // the next body row is the first on its page
        // The table began below other content on this page (not just its caption).
        bool mid_page = content_above && !tb.caption && pages_.size() == page_before;
        auto page_break = [&] {
            close();
            next_frame();
            draw_header(true);
            page_top = true;
            mid_page = false;
        };
        // A row that continues merged cells, first on a page, prints their value again.
        auto layout_of = [&](size_t r) -> RowLayout {
            const auto& cont = rows[r].continued;
            if (page_top && std::find(cont.begin(), cont.end(), true) != cont.end()) return lay_out_row(tb.rows[r], widths, true);
            return rows[r];
        };
        draw_header(false);
        size_t on_page = 0;  // body rows drawn on this page
        const size_t body_end = rows.size();
        auto height_of = [&](size_t r) { return rows[r].height + 2 * padding_; };
        for (size_t r = tb.header_rows; r < rows.size(); ++r) {
            RowLayout row = layout_of(r);
            double full = row.height + 2 * padding_;
            // Never one body row alone on either side of a break: a first row
            // that fits without its second goes over with it, and so does the
            // row before a last one that would go over alone.
            if (full <= remaining() && r + 1 < body_end && full + height_of(r + 1) > remaining() &&
                full + height_of(r + 1) <= frame_height() - header_height) {
                const bool first_alone = on_page == 0 && mid_page;
                const bool last_alone = r + 2 == body_end && on_page >= 2;
                if (first_alone || last_alone) {
                    page_break();
                    on_page = 0;
                    row = layout_of(r);
                    full = row.height + 2 * padding_;
                }
            }
            if (full <= remaining()) {
                draw_row(row, widths, 0, row.height, row.header);
                page_top = false;
                ++on_page;
                continue;
            }
            if (full <= frame_height() - header_height) {
                page_break();
                row = layout_of(r);
                draw_row(row, widths, 0, row.height, row.header);
                page_top = false;
                on_page = 1;
                continue;
            }
            // Taller than a page: split at line boundaries across pages.
            double from = 0;
            bool fresh_page = false;  // a page turned for this part already
            while (from < row.height - 0.001) {
                double space = remaining() - 2 * padding_;
                double to = split_point(row, from, space);
                if (to <= from + 0.001) {
                    if (!fresh_page) {
                        page_break();
                        fresh_page = true;
                        continue;
                    }
                    // Not one line fits even on a new page (a header as tall as
                    // the page, a line taller than it): set the next line anyway,
                    // over the foot, rather than turn pages for ever.
                    to = next_line_end(row, from);
                }
                draw_row(row, widths, from, to, row.header);
                page_top = false;
                fresh_page = false;
                from = to;
                if (from < row.height - 0.001) {
                    page_break();
                    fresh_page = true;
                }
            }
            on_page = 1;
        }
        close();
        cursor_ += tb.space_after;
    }

    // What a table needs at the foot of a page to start there: its caption,
    // its header and its first two rows (as place_table keeps them).
    double table_lead(const Table& t) {
        const double saved = padding_;
        padding_ = t.padding;
        double min_total = 0;
        const std::vector<double> widths = column_widths(t, frame_width(), &min_total);
        double h = 0;
        for (size_t r = 0; r < t.rows.size() && r < static_cast<size_t>(t.header_rows) + 2; ++r)
            h += lay_out_row(t.rows[r], widths).height + 2 * padding_;
        if (t.caption)
            for (const auto& line : break_lines(*t.caption, frame_width(), fonts_)) h += line.height;
        padding_ = saved;
        return h;
    }

    bool landscape_table(const Item& item) { return item.kind == Item::TableItem && goes_landscape(item.table); }
    bool stays_turned(const std::vector<Item>& items, size_t i) {
        const Item& item = items[i];
        if (landscape_table(item)) return true;
        if (item.kind != Item::Paragraph) return false;
        if (item.para.attached) return true;
        return item.para.keep_with_next && i + 1 < items.size() && landscape_table(items[i + 1]);
    }

    // Where the first line ending below `from` ends, in any cell.
    double next_line_end(const RowLayout& row, double from) const {
        double end = row.height;
        for (const auto& cell : row.cells)
            for (const auto& placed : cell.lines)
                if (placed.top + placed.line->height > from + 0.001) end = std::min(end, placed.top + placed.line->height);
        return end;
    }

    // The largest content offset <= from + space that does not cut a line.
    double split_point(const RowLayout& row, double from, double space) const {
        double limit = from + space;
        double best = limit;
        for (const auto& cell : row.cells)
            for (const auto& placed : cell.lines) {
                double top = placed.top, bottom = placed.top + placed.line->height;
                if (top < limit - 0.001 && bottom > limit + 0.001) best = std::min(best, top);
            }
        return std::min(best, row.height);
    }

    const Style& style_;
    const Fonts& fonts_;
    std::vector<Page> pages_;
    std::vector<std::string> pending_anchors_;
    std::map<const Para*, std::pair<double, std::vector<Line>>> broken_;
    double padding_ = 4;  // cell padding of the table being placed
    std::shared_ptr<const Structure> structure_;  // the document's, given to each page
    bool base_landscape_ = false;  // the document's own orientation
    double cursor_ = 0;
    bool landscape_ = false;
    int columns_ = 1, column_ = 0;
};

}  // namespace

std::vector<Page> paginate(const Collected& collected, const Style& style, const Fonts& fonts) {
    std::vector<Page> pages = Paginator(style, fonts).run(collected);
    // A trailing empty page (left by a landscape table at the end) is not part of the document.
    while (pages.size() > 1 && pages.back().draws.empty() && pages.back().anchors.empty()) pages.pop_back();
    return pages;
}

}  // namespace agendapack::render::pdf
