#!/usr/bin/env python3
"""Reads the printed packs back with real tools and checks what a reader sees.

For every example pack: qpdf --check is clean, pdffonts lists every font as
embedded, pdftotext returns every agenda item title. For the 26 September
2024 pack, page by page (pdftotext -f N -l N): each "(Pages X - Y)" on the
agenda equals the pages where that item's documents begin and end; every item
starts on an odd page; padding pages say so; "Agenda Item N" stands on each
item's first page; and the PDF outline has a bookmark for every item.

usage: pack_pages.py AGENDAPACK REPO_DIR
"""
import json
import os
import re
import subprocess
import sys
import tempfile

agendapack, repo = sys.argv[1], sys.argv[2]
failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message)


def run(*args):
    return subprocess.run(args, capture_output=True, text=True)


def page_text(pdf, n):
    return run("pdftotext", "-f", str(n), "-l", str(n), "-layout", pdf, "-").stdout


def squash(text):
    return re.sub(r"\s+", " ", text).strip()


with tempfile.TemporaryDirectory() as out:
    built = subprocess.run([agendapack, "build", "--out", out], cwd=repo, capture_output=True, text=True)
    if built.returncode != 0:
        print(built.stderr)
        sys.exit(1)
    packs = {}
    for meeting in sorted(os.listdir(os.path.join(out, "meetings"))):
        pdf = os.path.join(out, "meetings", meeting, meeting + "-pack.pdf")
        if not os.path.exists(pdf):
            fail(meeting + ": no pack")
            continue
        packs[meeting] = pdf
        check = run("qpdf", "--check", pdf)
        if check.returncode != 0:
            fail(meeting + ": qpdf --check: " + check.stdout + check.stderr)
        fonts = run("pdffonts", pdf).stdout.splitlines()[2:]
        if not fonts:
            fail(meeting + ": pdffonts lists no fonts")
        for line in fonts:
            # columns end: emb sub uni object-number generation
            if line.split()[-5] != "yes":
                fail(meeting + ": font not embedded: " + line)
        extracted = run("pdftotext", pdf, "-")
        whole = squash(extracted.stdout)
        if "Warning" in extracted.stderr or "Error" in extracted.stderr:
            # libharu's own ToUnicode maps are invalid; ours replace them.
            fail(meeting + ": pdftotext complains: " + extracted.stderr.strip().splitlines()[0])
        if "Children’s" not in whole and "’" not in whole:
            fail(meeting + ": curly apostrophes do not come back from the text layer")
        page = open(os.path.join(out, "meetings", meeting, "index.html"), encoding="utf-8").read()
        for title in re.findall(r'<h3 id="item-\d+">(?:<a [^>]*>)?(.*?)(?:</a>)?(?: \(Pages [^)]*\))?</h3>', page):
            title = title.replace("&amp;", "&")
            if squash(title) not in whole:
                fail(meeting + ": agenda title not in the PDF text: " + title)

    pdf = packs.get("children-and-families-2024-09-26")
    if not pdf:
        fail("no pack for 26 September 2024")
    else:
        pages = int(re.search(r"Pages:\s+(\d+)", run("pdfinfo", pdf).stdout).group(1))
        texts = [page_text(pdf, n) for n in range(1, pages + 1)]
        printed = {}  # printed page number -> physical index
        for i, text in enumerate(texts):
            m = re.search(r"^\s*Page (\d+)\s*$", text, re.M)
            if m:
                printed[int(m.group(1))] = i
        if not printed or min(printed) != 1:
            fail("no 'Page 1' printed")
        agenda_text = squash(" ".join(t for i, t in enumerate(texts) if i not in printed.values()))
        # The HTML agenda carries the same ranges as the printed one.
        html = open(os.path.join(out, "meetings", "children-and-families-2024-09-26", "index.html"), encoding="utf-8").read()
        ranges = {int(n): (int(a), int(b)) for n, a, b in
                  re.findall(r'<h3 id="item-(\d+)">.*?\(Pages (\d+) - (\d+)\)</h3>', html)}
        for item, (a, b) in ranges.items():
            if "(Pages %d - %d)" % (a, b) not in agenda_text:
                fail("the printed agenda lacks item %d's '(Pages %d - %d)' that the HTML agenda shows" % (item, a, b))
        if len(ranges) < 5:
            fail("found only %d '(Pages X - Y)' on the agenda: %s" % (len(ranges), ranges))
        last = max(printed) if printed else 0
        expected_start = 1
        for item in sorted(ranges):
            first, end = ranges[item]
            if first != expected_start:
                fail("item %d starts on page %d, but the previous item ends on page %d" % (item, first, expected_start - 1))
            if first % 2 != 1:
                fail("item %d starts on even page %d" % (item, first))
            if first not in printed:
                fail("item %d: page %d does not exist" % (item, first))
                continue
            stamp = "Agenda Item %d" % item
            if stamp not in texts[printed[first]]:
                fail("page %d (first of item %d) has no '%s'" % (first, item, stamp))
            for n in range(first, end + 1):
                text = texts[printed[n]] if n in printed else ""
                other = re.findall(r"Agenda Item (\d+)", text)
                if any(int(o) != item for o in other):
                    fail("page %d is in item %d's range but is stamped %s" % (n, item, other))
                if not squash(text.replace("Page %d" % n, "")):
                    fail("page %d is empty" % n)
            if end % 2 != 0:
                fail("item %d ends on odd page %d: padding missing" % (item, end))
            expected_start = end + 1
        if ranges and expected_start - 1 != last:
            fail("the last item ends on page %d but the pack's last page is %d" % (expected_start - 1, last))
        blanks = [n for n, i in printed.items() if "This page is intentionally left blank" in texts[i]]
        if not blanks:
            fail("no padding page says 'This page is intentionally left blank'")
        for n in blanks:
            body = squash(texts[printed[n]].replace("This page is intentionally left blank", "").replace("Page %d" % n, ""))
            if body:
                fail("padding page %d has other text: %s" % (n, body[:60]))

        outline = json.loads(run("qpdf", "--json", "--json-key=outlines", pdf).stdout)["outlines"]
        titles = [o["title"] for o in outline]
        for item in ranges:
            if not any(t.startswith("%d. " % item) for t in titles):
                fail("no bookmark for agenda item %d (bookmarks: %s)" % (item, titles))
        for o in outline:
            m = re.match(r"(\d+)\. ", o["title"])
            if m and int(m.group(1)) in ranges:
                page_index = o["destpageposfrom1"] - 1
                if printed.get(ranges[int(m.group(1))][0]) != page_index:
                    fail("bookmark '%s' does not go to the item's first page" % o["title"])
        # Page labels match the printed numbers: roman for the front matter, then 1 at "Page 1".
        labels = json.loads(run("qpdf", "--json", "--json-key=pagelabels", pdf).stdout)["pagelabels"]
        expected_labels = [(0, "/r", 1), (printed.get(1, -1), "/D", 1)]
        actual_labels = [(l["index"], l["label"].get("/S"), l["label"].get("/St")) for l in labels]
        if actual_labels != expected_labels:
            fail("page labels %s, expected %s" % (actual_labels, expected_labels))

        # The monitoring appendix is printed landscape; its page number still shows.
        sizes = re.findall(r"Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)", run("pdfinfo", "-l", str(pages), pdf).stdout)
        landscape = [int(n) for n, w, h in sizes if float(w) > float(h)]
        if not landscape:
            fail("no landscape page in the pack")
        for n in landscape:
            if not re.search(r"Page \d+", texts[n - 1]):
                fail("landscape page %d has no page number" % n)
        # The glossary's contents list prints, for each term, the glossary page
        # where that term's entry stands.
        start = next((i for i, t in enumerate(texts) if "Agenda Item 9, Appendix 2" in t), None)
        entries = []
        if start is None:
            fail("no glossary appendix (Agenda Item 9, Appendix 2)")
        else:
            for t in texts[start:start + 6]:
                for line in t.splitlines():
                    m = re.match(r"^\s*(\S.*?)\s{2,}(\d+)\s*$", line)
                    if m and not line.strip().startswith("Page "):
                        entries.append((m.group(1).strip(), int(m.group(2))))
                if any(name == "Sources" for name, _ in entries):
                    break
            if len(entries) < 40:
                fail("found only %d rows in the glossary contents" % len(entries))
            for name, n in entries:
                head = name.split(" / ")[0]
                page_text = texts[start + n - 1] if start + n - 1 < len(texts) else ""
                if not any(l.strip().startswith(head) for l in page_text.splitlines()):
                    fail("glossary contents says '%s' is on its page %d, but it is not there" % (name, n))
        print("checked %d items over %d pages; padding pages %s; landscape pages %s; %d glossary entries"
              % (len(ranges), pages, blanks, landscape, len(entries)))

print("%d passed, %d failed" % (0 if failures else 1, 1 if failures else 0))
sys.exit(1 if failures else 0)
