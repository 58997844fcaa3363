#!/usr/bin/python3
"""Reads packs back and fails on what a typesetter would not let through:
a heading left last on its page (bold text whose section goes on overleaf),
a linked address split anywhere but after @ . / or -, and any word within
14 pt of a page's edge. Pages of received PDF appendices are left alone.

With --csv FILE, every word of the CSV's cells must also come out whole (a
table that cut "Amber" into "Ambe" and "r" fails); a break after a hyphen
is allowed.

usage: layout_check.py [--csv FILE ...] PACK.pdf [PACK.pdf ...]   (Debian: python3-fitz)
"""
import csv
import re
import sys

import fitz  # PyMuPDF

EDGE = 14.0  # points


def lines_of(page):
    """Text lines top to bottom, each with its text, whether all of it is bold, and its box."""
    out = []
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            spans = [s for s in line["spans"] if s["text"].strip()]
            if not spans:
                continue
            text = "".join(s["text"] for s in spans).strip()
            bold = all("Bold" in s["font"] for s in spans)
            out.append((line["bbox"][1], text, bold, line["bbox"]))
    out.sort(key=lambda entry: entry[0])
    return out


def furniture(text, page_number_pattern=re.compile(r"^(Page \d+|This page is intentionally left blank|Agenda Item \d+(, Appendix \d+)?)$")):
    return bool(page_number_pattern.match(text))


def check(path):
    problems = []
    doc = fitz.open(path)
    for index, page in enumerate(doc):
        number = index + 1
        width, height = page.rect.width, page.rect.height
        # A received PDF's page is printed as its authors laid it out: not ours to judge.
        if any(x[1].startswith("Received") for x in page.get_xobjects()):
            continue
        body = [entry for entry in lines_of(page) if not furniture(entry[1])]
        # A heading last on a page: a short all-bold line with nothing after
        # it but furniture, while the next page has text.
        if body and index + 1 < len(doc):
            _, text, bold, box = body[-1]
            # Between two of a table's vertical rules it is a table cell (a row
            # may end a page); a heading's banner has no rules at its sides.
            rules = [d["rect"] for d in page.get_drawings() if d["rect"].width <= 2 and d["rect"].height > 4]
            def ruled(side):
                return any(r.y0 - 1 <= box[1] and box[3] <= r.y1 + 1 and (r.x1 <= box[0] + 1 if side < 0 else r.x0 >= box[2] - 1) for r in rules)
            in_cell = ruled(-1) and ruled(1)
            if bold and not in_cell and len(text) < 80 and not text.endswith((".", ":")) and lines_of(doc[index + 1]):
                problems.append(f"{path}: page {number}: heading '{text}' is the last thing on the page")
        for _, text, _, box in body:
            x0, y0, x1, y1 = box
            if x0 < EDGE or y0 < EDGE or x1 > width - EDGE or y1 > height - EDGE:
                problems.append(f"{path}: page {number}: '{text[:40]}' is within {EDGE:g} pt of the page edge")
        # An address is read and copied as one: it must be whole on a line,
        # or broken only after one of @ . / - (never mid-name).
        texts = [entry[1] for entry in lines_of(page)]
        for link in page.get_links():
            uri = link.get("uri", "")
            if not uri:
                continue
            shown = uri[len("mailto:"):] if uri.startswith("mailto:") else uri
            bare = shown.replace("https://", "").replace("http://", "")
            if any(shown in t or bare in t for t in texts):
                continue
            # Its two parts: one line ends with the first (cut after @ . / -),
            # another (in a table, not always the next in reading order) starts with the rest.
            broken_well = any(bare[cut - 1] in "@./-" and any(t.endswith(bare[:cut]) for t in texts) and any(t.startswith(bare[cut:]) for t in texts)
                              for cut in range(1, len(bare)))
            if not broken_well:
                problems.append(f"{path}: page {number}: the address '{shown}' is split inside a name")
    return problems


def words_split(csv_path, pdf_paths):
    printed = set()
    for path in pdf_paths:
        for page in fitz.open(path):
            printed.update(w[4] for w in page.get_text("words"))
    problems = []
    with open(csv_path, encoding="utf-8") as f:
        for row in csv.reader(f):
            for cell in row:
                for token in cell.split():
                    if token in printed:
                        continue
                    parts = token.split("-")
                    if len(parts) > 1 and all(("%s-" % p if i + 1 < len(parts) else p) in printed or p in printed for i, p in enumerate(parts)):
                        continue
                    problems.append(f"{csv_path}: '{token}' is not printed whole")
    return problems


def main():
    args = sys.argv[1:]
    csvs = []
    while len(args) >= 2 and args[0] == "--csv":
        csvs.append(args[1])
        args = args[2:]
    problems = []
    for path in args:
        problems += check(path)
    for c in csvs:
        problems += words_split(c, args)
    for p in problems:
        print(p)
    print(f"{len(args)} packs read back, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
