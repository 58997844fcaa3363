#!/usr/bin/python3
"""A PDF appendix read back from the built example site (python3-fitz).

The 30 March 2023 meeting lists the SEND strategy as a PDF file. In its pack:
the appendix's pages follow its item's report, one sheet per page, turned as
the page is; the first carries "Agenda Item 8, Appendix 1"; every one carries
"Page N" in sequence, and no word of the received page lies under the pack's
furniture; the item's "(Pages X - Y)" on the agenda covers them; the PDF's own
bookmarks sit under the appendix's bookmark, pointing at the same pages they
point at in the file. On the site: the file as received, and a page with its
words and a link to it. qpdf --check is clean and two builds give the same bytes.

usage: received_pdf.py AGENDAPACK REPO_DIR
"""
import os
import re
import subprocess
import sys
import tempfile

import fitz

agendapack, repo = sys.argv[1], sys.argv[2]
MEETING = "children-and-families-2023-03-30"
SOURCE = os.path.join(repo, "content/children-and-families/2023-03-30/08-appendix-1-send-strategy-2022-27.pdf")
STAMP = "Agenda Item 8, Appendix 1"
failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message)


def build(out):
    done = subprocess.run([agendapack, "build", "--out", out], cwd=repo, capture_output=True, text=True)
    if done.returncode != 0:
        print(done.stderr)
        sys.exit(1)
    return os.path.join(out, "meetings", MEETING, MEETING + "-pack.pdf")


def intersects(a, b):
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


with tempfile.TemporaryDirectory() as first, tempfile.TemporaryDirectory() as second:
    pack_path = build(first)
    source = fitz.open(SOURCE)
    pack = fitz.open(pack_path)

    starts = [i for i, page in enumerate(pack) if STAMP in page.get_text()]
    if len(starts) != 1:
        fail("expected one page stamped %r, found %d" % (STAMP, len(starts)))
        sys.exit(1)
    start = starts[0]
    numbers = []
    for k, src in enumerate(source):
        page = pack[start + k]
        if not any(x[1].startswith("Received") for x in page.get_xobjects()):
            fail("pack page %d does not draw page %d of the received PDF" % (start + k + 1, k + 1))
        if (src.rect.width > src.rect.height) != (page.rect.width > page.rect.height):
            fail("pack page %d is not turned as page %d of the received PDF is" % (start + k + 1, k + 1))
        words = page.get_text("words")
        furniture = [fitz.Rect(w[:4]) for w in words if re.fullmatch(r"Page|\d+", w[4]) and w[3] > page.rect.height - 50]
        numbered = re.findall(r"^Page (\d+)$", page.get_text(), re.M)
        if not numbered:
            fail("pack page %d has no page number" % (start + k + 1))
            continue
        numbers.append(int(numbered[-1]))
        # Our furniture: the last "Page N" and, on the first page, the stamp.
        ours = [fitz.Rect(r) for r in page.search_for("Page %s" % numbered[-1])][-1:]
        if k == 0:
            ours += page.search_for(STAMP)
        src_words = [w for w in words if w[4] not in ("Page", numbered[-1]) and w[4] not in STAMP.split()]
        for box in ours:
            for w in src_words:
                if intersects(box, fitz.Rect(w[:4])):
                    fail("pack page %d: %r of the received page lies under the pack's furniture" % (start + k + 1, w[4]))
    if numbers != list(range(numbers[0], numbers[0] + len(source))) if numbers else True:
        fail("page numbers of the appendix are not in sequence: %s" % numbers)

    agenda = "".join(pack[i].get_text() for i in range(min(6, len(pack))))
    found = re.search(r"SEND AND CHILDREN WITH DISABILITIES.*?\(Pages (\d+) - (\d+)\)", re.sub(r"\s+", " ", agenda))
    if not found:
        fail("the agenda gives no page range for item 8")
    elif numbers and not (int(found.group(1)) <= numbers[0] and numbers[-1] <= int(found.group(2))):
        fail("item 8's range %s-%s does not cover the appendix's pages %d-%d" % (found.group(1), found.group(2), numbers[0], numbers[-1]))

    toc = pack.get_toc()
    own = source.get_toc()
    at = [i for i, entry in enumerate(toc) if entry[1].startswith("Appendix 1: ") and entry[2] == start + 1]
    if not at:
        fail("no bookmark for the appendix at its first page")
    else:
        level = toc[at[0]][0]
        children = []
        for entry in toc[at[0] + 1:]:
            if entry[0] <= level:
                break
            children.append((entry[0] - level, entry[1], entry[2] - start))
        expected = [(e[0], e[1], e[2]) for e in own]
        if children != expected:
            fail("the appendix's own bookmarks are not under it as in the file:\n  %s\n  %s" % (children, expected))

    site = os.path.join(first, "meetings", MEETING)
    published = os.path.join(site, "08-appendix-1-send-strategy-2022-27.pdf")
    if not os.path.exists(published) or open(published, "rb").read() != open(SOURCE, "rb").read():
        fail("the site does not publish the file as received")
    html = open(os.path.join(site, "08-appendix-1-send-strategy-2022-27.html"), encoding="utf-8").read()
    if 'href="08-appendix-1-send-strategy-2022-27.pdf"' not in html:
        fail("the appendix's page does not link to the file")
    for phrase in ("Our vision", "Governance and delivery"):
        if phrase not in html:
            fail("the appendix's page lacks the file's words %r" % phrase)

    check = subprocess.run(["qpdf", "--check", pack_path], capture_output=True, text=True)
    if check.returncode != 0:
        fail("qpdf --check: " + check.stdout + check.stderr)
    if open(build(second), "rb").read() != open(pack_path, "rb").read():
        fail("two builds give different packs")

if failures:
    print("%d failure(s)" % len(failures))
    sys.exit(1)
print("PDF appendix: %d pages placed, numbered, stamped and bookmarked" % len(source))
