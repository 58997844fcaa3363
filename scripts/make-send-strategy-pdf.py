#!/usr/bin/python3
# Why this script exists: the example meeting of 30 March 2023 (Children and
# Families Scrutiny Panel) receives the SEND Strategy 2022-2027 as a PDF
# appendix, the way councils receive designed publications from their
# designers. This script sets scripts/pdf-sources/send-strategy-2022-27.md as
# such a publication: a cover, a contents page, body pages with a header strip
# and running footer, and a landscape data page. Rerun it to regenerate the
# PDF; the output is byte-identical from run to run.
#
# Usage: /usr/bin/python3 scripts/make-send-strategy-pdf.py [--out PATH]
# Needs Debian's python3-fitz (PyMuPDF) and fonts-liberation2. PyMuPDF's font
# subsetting needs python3-fonttools; without it the fonts are embedded whole
# (a bigger file) and a warning is printed.
"""Make the designed SEND Strategy 2022-2027 PDF from its Markdown source."""

import argparse
import math
import os
import random
import re
import sys

import fitz

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = os.path.join(ROOT, "scripts", "pdf-sources", "send-strategy-2022-27.md")
DEFAULT_OUT = os.path.join(
    ROOT, "content", "children-and-families", "2023-03-30",
    "08-appendix-1-send-strategy-2022-27.pdf")

TITLE = "Southampton SEND Strategy 2022\u20132027"
META_TITLE = "Southampton SEND Strategy 2022-2027"
AUTHOR = "Southampton City Council"

# ---------------------------------------------------------------- look --

MM = 72 / 25.4
MARGIN = 18 * MM                      # 51 pt on every side of the body text
PORTRAIT = (595, 842)                 # A4, in points
LANDSCAPE = (842, 595)


def rgb(hexstr):
    return tuple(int(hexstr[i:i + 2], 16) / 255 for i in (0, 2, 4))


NAVY = rgb("1d2f5c")
TEAL = rgb("0b7f83")
TEAL_LIGHT = rgb("7cc6c4")
TINT = rgb("e8f3f3")
INK = rgb("222222")
GREY = rgb("5f6670")
RULE = rgb("b9c3cc")
WHITE = (1, 1, 1)

BODY_SIZE = 10
BODY_LEAD = 14.5
SMALL_SIZE = 8.5
H2_SIZE = 17
H3_SIZE = 12.5
CELL_SIZE = 9
CELL_LEAD = 11.5
CELL_PAD = 5


def find_font(name):
    for folder in ("/usr/share/fonts/truetype/liberation2",
                   "/usr/share/fonts/truetype/liberation"):
        path = os.path.join(folder, name)
        if os.path.exists(path):
            return path
    sys.exit(f"make-send-strategy-pdf: cannot find {name} "
             "(install fonts-liberation2)")


FONT_FILE = {"reg": find_font("LiberationSans-Regular.ttf"),
             "bold": find_font("LiberationSans-Bold.ttf")}
FONT_NAME = {"reg": "LibSans", "bold": "LibSansBold"}
FONT = {k: fitz.Font(fontfile=v) for k, v in FONT_FILE.items()}


def width(text, style, size):
    return FONT[style].text_length(text, fontsize=size)


# ----------------------------------------------------------- Markdown --
# A small subset: ## and ### headings, paragraphs, "- " bullet lists, pipe
# tables (with an optional "Table: caption" line before and "Source: ..."
# paragraph after), **bold** (*emphasis* prints as plain text), a fenced
# "chart" block of "label: value" lines, and layout comments
# <!-- page: landscape|portrait --> and <!-- pagebreak -->.

def inline(text):
    """Split text into runs [(text, style)]; **bold** is bold, *em* plain."""
    runs = []
    for part in re.split(r"(\*\*.+?\*\*)", text):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**"):
            runs.append((part[2:-2], "bold"))
        else:
            runs.append((re.sub(r"(?<!\w)\*(\S(?:.*?\S)?)\*(?!\w)", r"\1", part),
                         "reg"))
    return runs


def plain(text):
    return "".join(t for t, _ in inline(text))


def parse(md):
    lines = md.splitlines()
    blocks = []
    caption = None
    i = 0
    while i < len(lines):
        line = lines[i].rstrip()
        s = line.strip()
        if not s:
            i += 1
            continue
        m = re.fullmatch(r"<!--\s*page:\s*(landscape|portrait)\s*-->", s)
        if m:
            blocks.append({"kind": "page", "orient": m.group(1)})
            i += 1
            continue
        if re.fullmatch(r"<!--\s*pagebreak\s*-->", s):
            blocks.append({"kind": "break"})
            i += 1
            continue
        if s.startswith("```"):
            info = s[3:].strip()
            body = []
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                body.append(lines[i])
                i += 1
            i += 1
            if info != "chart":
                sys.exit(f"make-send-strategy-pdf: unknown fence {info!r}")
            chart = {"kind": "chart", "data": [], "title": "", "source": "",
                     "y_label": ""}
            for b in body:
                k, _, v = b.partition(":")
                k, v = k.strip(), v.strip()
                if k in ("title", "source", "y_label"):
                    chart[k] = v
                elif k:
                    chart["data"].append((k, float(v)))
            blocks.append(chart)
            continue
        m = re.match(r"(#{2,3})\s+(.*)", s)
        if m:
            level = len(m.group(1)) - 1
            blocks.append({"kind": "heading", "level": level,
                           "text": plain(m.group(2))})
            i += 1
            continue
        if s.startswith("Table:"):
            caption = s[len("Table:"):].strip()
            i += 1
            continue
        if s.startswith("|"):
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                row = lines[i].strip().strip("|")
                cells = [plain(c.strip()) for c in row.split("|")]
                if not all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
                    rows.append(cells)
                i += 1
            blocks.append({"kind": "table", "rows": rows,
                           "caption": caption or "", "source": ""})
            caption = None
            continue
        if s.startswith("- "):
            items = []
            while i < len(lines) and lines[i].strip():
                t = lines[i].strip()
                if t.startswith("- "):
                    items.append(t[2:])
                elif items:
                    items[-1] += " " + t
                i += 1
            blocks.append({"kind": "bullets",
                           "items": [inline(t) for t in items]})
            continue
        para = []
        while i < len(lines) and lines[i].strip() and not re.match(
                r"\s*(#|- |\||```|<!--|Table:)", lines[i]):
            para.append(lines[i].strip())
            i += 1
        text = " ".join(para)
        if text.startswith("Source:") and blocks and \
                blocks[-1]["kind"] == "table" and not blocks[-1]["source"]:
            blocks[-1]["source"] = text
        else:
            blocks.append({"kind": "para", "runs": inline(text)})
    return blocks


# ----------------------------------------------------------- wrapping --

def words_of(runs):
    """Words as lists of (text, style) segments, split at spaces."""
    words, cur = [], []
    for text, style in runs:
        parts = text.split(" ")
        for n, p in enumerate(parts):
            if n > 0 and cur:
                words.append(cur)
                cur = []
            if p:
                cur.append((p, style))
    if cur:
        words.append(cur)
    return words


def wrap(runs, max_w, size):
    """Greedy line filling; each line is a list of words."""
    space = width(" ", "reg", size)
    lines, line, line_w = [], [], 0.0
    for w in words_of(runs):
        ww = sum(width(t, st, size) for t, st in w)
        if line and line_w + space + ww > max_w:
            lines.append(line)
            line, line_w = [], 0.0
        line_w = ww if not line else line_w + space + ww
        line.append(w)
    if line:
        lines.append(line)
    return lines


class Canvas:
    """A page's drawing, recorded while the layout runs (PyMuPDF orphans
    page objects whenever a page is added) and played into one Shape, so
    one content stream, once every page exists."""

    def __init__(self, number, size):
        self.number = number
        self.w, self.h = size
        self.ops = []
        self.links = []

    def render(self, page):
        shape = page.new_shape()
        for op in self.ops:
            op(shape)
        shape.commit()
        for link in self.links:
            page.insert_link(link)

    def text(self, x, y, text, style="reg", size=BODY_SIZE, color=INK,
             rotate=0):
        if not text:
            return
        self.ops.append(lambda s: s.insert_text(
            (x, y), text, fontname=FONT_NAME[style],
            fontfile=FONT_FILE[style], fontsize=size, color=color,
            rotate=rotate))

    def text_right(self, x, y, text, style="reg", size=BODY_SIZE, color=INK):
        self.text(x - width(text, style, size), y, text, style, size, color)

    def text_center(self, x, y, text, style="reg", size=BODY_SIZE, color=INK):
        self.text(x - width(text, style, size) / 2, y, text, style, size,
                  color)

    def rect(self, r, fill):
        def op(s):
            s.draw_rect(fitz.Rect(r))
            s.finish(fill=fill, color=None, width=0)
        self.ops.append(op)

    def poly(self, points, fill):
        def op(s):
            s.draw_polyline([fitz.Point(p) for p in points])
            s.finish(fill=fill, color=None, width=0, closePath=True)
        self.ops.append(op)

    def line(self, a, b, color=RULE, w=0.5):
        def op(s):
            s.draw_line(fitz.Point(a), fitz.Point(b))
            s.finish(color=color, width=w)
        self.ops.append(op)

    def dot(self, c, r, fill):
        def op(s):
            s.draw_circle(fitz.Point(c), r)
            s.finish(fill=fill, color=None, width=0)
        self.ops.append(op)

    def link(self, rect, page, top):
        self.links.append({"kind": fitz.LINK_GOTO, "page": page,
                           "from": fitz.Rect(rect),
                           "to": fitz.Point(0, top)})

    def lines(self, x, y, lines, size, lead, color=INK):
        """Draw wrapped lines, first baseline at y. Neighbouring words of
        one style go out as one string."""
        for line in lines:
            segs = []                       # [x, text, style]
            cx = x
            for n, word in enumerate(line):
                for k, (t, st) in enumerate(word):
                    gap = n > 0 and k == 0
                    if segs and segs[-1][2] == st:
                        segs[-1][1] += (" " if gap else "") + t
                    else:
                        if gap:
                            cx += width(" ", st, size)
                        segs.append([cx, t, st])
                    cx = segs[-1][0] + width(segs[-1][1], st, size)
            for sx, t, st in segs:
                self.text(sx, y, t, st, size, color)
            y += lead


# ------------------------------------------------------------- layout --

class Layout:
    def __init__(self, doc):
        self.doc = doc
        self.canvases = []        # every page's Canvas, in page order
        self.body_pages = []      # page numbers (0-based) with furniture
        self.toc = []             # [level, title, page (1-based), top y]
        self.canvas = None
        self.orient = "portrait"
        self.y = 0
        self.fresh = True
        self.after_heading = False

    def new_page(self, orient=None, furniture=True):
        if orient:
            self.orient = orient
        w, h = PORTRAIT if self.orient == "portrait" else LANDSCAPE
        self.doc.new_page(width=w, height=h)
        self.canvas = Canvas(len(self.canvases), (w, h))
        self.canvases.append(self.canvas)
        if furniture:
            self.body_pages.append(self.canvas.number)
        self.x0, self.x1 = MARGIN, w - MARGIN
        self.top, self.bottom = MARGIN + 6, h - MARGIN
        self.y = self.top
        self.fresh = True         # nothing placed on this page yet
        self.after_heading = False
        return self.canvas

    @property
    def frame_w(self):
        return self.x1 - self.x0

    def room(self):
        return self.bottom - self.y

    def space(self, pts):
        """Space before a block, except at the top of a page or straight
        after a heading."""
        if not self.fresh and not self.after_heading:
            self.y += pts
        self.after_heading = False

    def ensure(self, needed):
        if needed > self.room() and not self.fresh:
            self.new_page()

    # ---- measuring, for keep-with-next
    def min_height(self, block):
        k = block["kind"]
        if k == "para":
            return 12 + min(2, len(wrap(block["runs"], self.frame_w,
                                        BODY_SIZE))) * BODY_LEAD
        if k == "bullets":
            return 10 + 2 * BODY_LEAD
        if k == "table":
            return 12 + self.table_height(block)
        if k == "chart":
            return 12 + self.chart_height(block)
        return 0

    # ---- blocks
    def heading(self, block, following):
        level, text = block["level"], block["text"]
        size = H2_SIZE if level == 1 else H3_SIZE
        lines = wrap([(text, "bold")], self.frame_w, size)
        lead = size * 1.2
        before = 20 if level == 1 else 12
        after = 14 if level == 1 else 6
        h = len(lines) * lead + after + (6 if level == 1 else 0)
        need = h + (self.min_height(following) if following else 0)
        self.ensure(before + need)
        self.space(before)
        self.toc.append([level, text, self.canvas.number + 1, self.y - 4])
        color = NAVY if level == 1 else TEAL
        self.canvas.lines(self.x0, self.y + size * 0.9, lines, size, lead,
                          color)
        self.y += len(lines) * lead
        if level == 1:
            self.y += 3
            self.canvas.rect((self.x0, self.y, self.x0 + 36, self.y + 3),
                             fill=TEAL)
            self.y += 3
        self.y += after
        self.fresh = False
        self.after_heading = True

    def flow_lines(self, lines, x, size, lead, marker=None):
        """Place lines, breaking pages between lines (no single-line
        orphans or widows)."""
        n = len(lines)
        i = 0
        while i < n:
            fit = int((self.room() + lead - size * 1.2) // lead) \
                if self.room() >= size * 1.2 else 0
            fit = max(0, min(fit, n - i))
            if fit < n - i:
                if n - i - fit < 2 and fit > 1:
                    fit -= 1          # avoid a widow
                if fit < 2 and n - i > 1:
                    fit = 0           # avoid an orphan
            if fit == 0 and not self.fresh:
                self.new_page()
                continue
            fit = max(fit, 1)
            if i == 0 and marker:
                marker(self.y)
            self.canvas.lines(x, self.y + size * 0.9, lines[i:i + fit], size,
                              lead)
            self.y += fit * lead
            self.fresh = False
            i += fit

    def para(self, block):
        self.space(8)
        lines = wrap(block["runs"], self.frame_w, BODY_SIZE)
        self.flow_lines(lines, self.x0, BODY_SIZE, BODY_LEAD)

    def bullets(self, block):
        indent = 15
        self.space(6)
        for k, item in enumerate(block["items"]):
            if k:
                self.y += 4
            lines = wrap(item, self.frame_w - indent, BODY_SIZE)
            self.flow_lines(lines, self.x0 + indent, BODY_SIZE, BODY_LEAD,
                            self.bullet_mark)

    def bullet_mark(self, y):
        self.canvas.dot((self.x0 + 4, y + 6.3), 2.3, TEAL)

    # ---- tables
    def column_widths(self, rows):
        ncol = max(len(r) for r in rows)
        total = self.frame_w

        def numeric(c):
            return all(re.fullmatch(r"[\d.,]*%?|\d+ \w+", r[c].strip())
                       for r in rows[1:] if c < len(r))

        natural, minimum = [], []
        for c in range(ncol):
            cells = [(r[c] if c < len(r) else "", "bold" if i == 0 else "reg")
                     for i, r in enumerate(rows)]
            natural.append(max(width(t, st, CELL_SIZE) for t, st in cells)
                           + 2 * CELL_PAD)
            minimum.append(max(width(w, st, CELL_SIZE) for t, st in cells
                               for w in (t.split() or [""])) + 2 * CELL_PAD)
        if sum(natural) <= total:
            extra = (total - sum(natural)) / ncol
            return [w + extra for w in natural], [numeric(c)
                                                  for c in range(ncol)]
        fixed = [c for c in range(ncol) if numeric(c)]
        flex = [c for c in range(ncol) if c not in fixed]
        widths = list(natural)
        for c in fixed:
            widths[c] = max(natural[c], 52)
        rest = total - sum(widths[c] for c in fixed)
        flex_nat = sum(natural[c] for c in flex)
        for c in flex:
            widths[c] = max(minimum[c], rest * natural[c] / flex_nat)
        scale = total / sum(widths)
        return [w * scale for w in widths], [numeric(c) for c in range(ncol)]

    def table_layout(self, block):
        rows = block["rows"]
        widths, numeric = self.column_widths(rows)
        cells = []
        for i, r in enumerate(rows):
            style = "bold" if i == 0 else "reg"
            row = []
            for c, w in enumerate(widths):
                t = r[c] if c < len(r) else ""
                row.append(wrap([(t, style)], w - 2 * CELL_PAD, CELL_SIZE))
            cells.append(row)
        heights = [max(1, max(len(x) for x in row)) * CELL_LEAD + 2 * CELL_PAD
                   - (CELL_LEAD - CELL_SIZE * 1.15) for row in cells]
        cap = wrap([(block["caption"], "bold")], self.frame_w, 9.5) \
            if block["caption"] else []
        src = wrap([(block["source"], "reg")], self.frame_w, SMALL_SIZE) \
            if block["source"] else []
        return widths, numeric, cells, heights, cap, src

    def table_height(self, block):
        _, _, _, heights, cap, src = self.table_layout(block)
        return len(cap) * 12.5 + (5 if cap else 0) + sum(heights) + \
            (4 + len(src) * 11 if src else 0)

    def table(self, block):
        widths, numeric, cells, heights, cap, src = self.table_layout(block)
        self.space(12)
        self.ensure(self.table_height(block))
        cv = self.canvas
        if cap:
            cv.lines(self.x0, self.y + 9.5 * 0.9, cap, 9.5, 12.5, NAVY)
            self.y += len(cap) * 12.5 + 5
        for i, (row, h) in enumerate(zip(cells, heights)):
            top = self.y
            if i == 0:
                cv.rect((self.x0, top, self.x1, top + h), fill=NAVY)
            elif i % 2 == 0:
                cv.rect((self.x0, top, self.x1, top + h), fill=TINT)
            x = self.x0
            for c, (lines, w) in enumerate(zip(row, widths)):
                color = WHITE if i == 0 else INK
                style = "bold" if i == 0 else "reg"
                base = top + CELL_PAD + CELL_SIZE * 0.9
                for ln in lines:
                    t = " ".join("".join(s for s, _ in word) for word in ln)
                    if numeric[c] and not (c == 0):
                        cv.text_right(x + w - CELL_PAD, base, t, style,
                                      CELL_SIZE, color)
                    else:
                        cv.text(x + CELL_PAD, base, t, style, CELL_SIZE,
                                color)
                    base += CELL_LEAD
                x += w
            self.y += h
            if i > 0:
                cv.line((self.x0, self.y), (self.x1, self.y), RULE, 0.4)
        if src:
            self.y += 4
            cv.lines(self.x0, self.y + SMALL_SIZE * 0.9, src, SMALL_SIZE, 11,
                     GREY)
            self.y += len(src) * 11
        self.fresh = False

    # ---- chart
    CHART_PLOT = 165

    def chart_height(self, block):
        return 16 + 8 + self.CHART_PLOT + 16 + (13 if block["source"] else 0)

    def chart(self, block):
        self.space(10)
        self.ensure(self.chart_height(block))
        cv = self.canvas
        cv.text(self.x0, self.y + 10, block["title"], "bold", 10.5, NAVY)
        self.y += 16 + 8
        data = block["data"]
        vmax = max(v for _, v in data)
        step = 10 ** math.floor(math.log10(vmax))
        step = step / 2 if vmax / step < 4 else step
        top_v = math.ceil(vmax / step) * step
        left = self.x0 + 34
        plot_top, plot_bottom = self.y + 12, self.y + self.CHART_PLOT
        ph = plot_bottom - plot_top
        # y axis label, rotated, and grid lines
        if block["y_label"]:
            lw = width(block["y_label"], "reg", 8)
            cv.text(self.x0 + 7, plot_top + ph / 2 + lw / 2,
                    block["y_label"], "reg", 8, GREY, rotate=90)
        v = 0
        while v <= top_v + 1e-9:
            y = plot_bottom - ph * v / top_v
            cv.line((left, y), (self.x1, y), RULE if v else GREY,
                    0.4 if v else 0.8)
            cv.text_right(left - 4, y + 3, f"{v:,.0f}", "reg", 7.5, GREY)
            v += step
        slot = (self.x1 - left) / len(data)
        bar = slot * 0.62
        for n, (label, val) in enumerate(data):
            cx = left + slot * (n + 0.5)
            y = plot_bottom - ph * val / top_v
            cv.rect((cx - bar / 2, y, cx + bar / 2, plot_bottom), fill=TEAL)
            cv.text_center(cx, y - 4, f"{val:,.0f}", "bold", 8, NAVY)
            cv.text_center(cx, plot_bottom + 11, label, "reg", 8, INK)
        self.y = plot_bottom + 16
        if block["source"]:
            cv.text(self.x0, self.y + 8, "Source: " + block["source"], "reg",
                    SMALL_SIZE, GREY)
            self.y += 13
        self.fresh = False

    # ---- driver
    def run(self, blocks):
        for n, block in enumerate(blocks):
            k = block["kind"]
            following = next((b for b in blocks[n + 1:]
                              if b["kind"] not in ("page", "break")), None)
            if k == "page":
                if not (self.fresh and block["orient"] == self.orient):
                    self.new_page(block["orient"])
            elif k == "break":
                if not self.fresh:
                    self.new_page()
            elif k == "heading":
                self.heading(block, following)
            elif k == "para":
                self.para(block)
            elif k == "bullets":
                self.bullets(block)
            elif k == "table":
                self.table(block)
            elif k == "chart":
                self.chart(block)


# --------------------------------------------------- special pages ----

def draw_cover(cv):
    w, h = PORTRAIT
    band = 560
    cv.rect((0, 0, w, band), fill=NAVY)
    cv.poly([(0, band), (w, band - 120), (w, band + 14), (0, band + 14)],
            fill=TEAL)
    cv.poly([(w * 0.45, band + 14), (w, band - 40), (w, band + 14)],
            fill=TEAL_LIGHT)
    x = MARGIN + 6
    cv.rect((x, 200, x + 60, 205), fill=TEAL_LIGHT)
    cv.text(x, 232, "SPECIAL EDUCATIONAL NEEDS AND DISABILITIES", "bold", 10.5,
            TEAL_LIGHT)
    cv.text(x, 290, "Southampton SEND", "bold", 40, WHITE)
    cv.text(x, 338, "Strategy 2022\u20132027", "bold", 40, WHITE)
    sub = wrap([("Our five-year plan for children and young people with "
                 "special educational needs and disabilities, from "
                 "birth\u00a0to\u00a025", "reg")], 330, 15)
    cv.lines(x, 384, sub, 15, 21, WHITE)
    cv.line((x, h - 118), (w - MARGIN, h - 118), TEAL, 1.5)
    cv.text(x, h - 86, AUTHOR, "bold", 20, NAVY)
    cv.text(x, h - 66, "with the Southampton SEND Partnership Forum", "reg",
            11, GREY)


def draw_furniture(layout):
    for pno in layout.body_pages:
        cv = layout.canvases[pno]
        w, h = cv.w, cv.h
        cv.rect((0, 0, w, 28), fill=NAVY)
        cv.rect((0, 28, w, 31), fill=TEAL)
        cv.text(MARGIN, 18, TITLE, "bold", 8.5, WHITE)
        cv.text_right(w - MARGIN, 18, AUTHOR, "reg", 8.5, WHITE)
        fy = h - 28                   # footer baseline, 10 mm up
        cv.line((MARGIN, fy - 12), (w - MARGIN, fy - 12), RULE, 0.5)
        cv.text(MARGIN, fy, "SEND Strategy 2022\u20132027", "reg", 8, GREY)
        cv.text_right(w - MARGIN, fy, f"Page {pno + 1}", "bold", 8, NAVY)


def draw_contents(layout, cv):
    x0, x1 = MARGIN, PORTRAIT[0] - MARGIN
    y = MARGIN + 40
    cv.text(x0, y, "Contents", "bold", 26, NAVY)
    y += 12
    cv.rect((x0, y, x0 + 36, y + 3), fill=TEAL)
    y += 34
    for level, title, page, _top in layout.toc:
        size = 11.5 if level == 1 else 10
        style = "bold" if level == 1 else "reg"
        x = x0 if level == 1 else x0 + 18
        if level == 1:
            y += 8
        num = str(page)
        cv.text(x, y, title, style, size, NAVY if level == 1 else INK)
        cv.text_right(x1, y, num, style, size, NAVY if level == 1 else INK)
        # dotted leader between title and number
        lx = x + width(title, style, size) + 6
        rx = x1 - width(num, style, size) - 6
        dots = max(0, int((rx - lx) // width(". ", "reg", 8)))
        if dots > 2:
            leader = ". " * dots
            cv.text_right(rx, y, leader.rstrip(), "reg", 8, RULE)
        cv.link((x, y - size, x1, y + 4), page - 1, max(0, _top - 8))
        y += size * 1.9


# ---------------------------------------------------------------- main --

def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", default=DEFAULT_OUT,
                    help="output PDF (default: %(default)s)")
    args = ap.parse_args()

    with open(SOURCE, encoding="utf-8") as f:
        blocks = parse(f.read())

    doc = fitz.open()
    layout = Layout(doc)
    layout.new_page("portrait", furniture=False)
    cover = layout.canvas
    draw_cover(cover)
    layout.new_page("portrait")
    contents = layout.canvas
    layout.new_page("portrait")
    layout.run(blocks)
    draw_contents(layout, contents)
    draw_furniture(layout)
    for cv in layout.canvases:
        cv.render(doc[cv.number])

    doc.set_toc([[lvl, title, page, top] for lvl, title, page, top
                 in layout.toc])
    doc.set_metadata({
        "title": META_TITLE,
        "author": AUTHOR,
        "subject": "Special educational needs and disabilities strategy",
        "keywords": "",
        "creator": "agendapack scripts/make-send-strategy-pdf.py",
        "producer": "PyMuPDF",
        "creationDate": "",
        "modDate": "",
    })
    # fontTools subsets get a random six-letter tag; seed it so that every
    # run writes the same bytes.
    try:
        import fontTools.subset  # noqa: F401  (used by subset_fonts)
        random.seed(20230330)
        doc.subset_fonts()
    except ImportError:
        print("make-send-strategy-pdf: python3-fonttools is missing, so the "
              "fonts are embedded whole", file=sys.stderr)
    out = os.path.abspath(args.out)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    tmp = out + ".tmp"
    doc.save(tmp, garbage=4, deflate=True, deflate_images=True,
             deflate_fonts=True, clean=True, no_new_id=True)
    doc.close()
    os.replace(tmp, out)
    print(f"{args.out}: {os.path.getsize(out)} bytes")


if __name__ == "__main__":
    main()
