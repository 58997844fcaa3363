#!/usr/bin/python3
"""Tagged packs: the structure a screen reader gets.

For a small pack (the minimal fixture with the scorecard-shapes case: a
report, minutes, a scorecard of RAG shapes and arrows, a chart), the outline
poppler reads from the structure tree (`pdfinfo -struct-text`) must equal
tests/e2e/expected/tagged-scorecard.txt: headings, paragraphs, list labels
and bodies, table rows and cells, in reading order. Then, for that pack, its
item PDFs and every pack of the example site: `pdfinfo` says Tagged: yes;
no page furniture (page numbers, stamps, the blank-page line) is in the
tree's text; every Figure has its words (/Alt): a chart its summary, an
arrow its change ("up from 91% to 93%"), while a RAG shape is furniture beside
the word it stands for ("Green"); every link annotation is in the tree and
says what it is (/Contents); each page of a PDF received from others is a
Figure naming the appendix and the page; qpdf --check is clean.

usage: tagged_pdf.py AGENDAPACK REPO [--update]
"""
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

import fitz  # PyMuPDF (Debian: python3-fitz)

agendapack, repo = sys.argv[1], pathlib.Path(sys.argv[2])
update = "--update" in sys.argv[3:]
GOLDEN = repo / "tests/e2e/expected/tagged-scorecard.txt"
failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message)


def run(*command, cwd=None):
    # poppler prints a title written as UTF-16 as its raw bytes
    return subprocess.run(command, check=True, capture_output=True, cwd=cwd).stdout.decode("utf-8", errors="replace")


def structure_text(pdf):
    """poppler's outline of the structure tree, with object numbers (which
    move whenever anything is added to the file) left out."""
    return re.sub(r"Object \d+ \d+", "Object (annotation)", run("pdfinfo", "-struct-text", str(pdf)))


def figures(pdf):
    """Each Figure element's /Alt, read from the file's objects."""
    document = fitz.open(str(pdf))
    alts = []
    for xref in range(1, document.xref_length()):
        # A structure element (its /Type is optional): a Figure with a parent.
        if document.xref_get_key(xref, "S") == ("name", "/Figure") and document.xref_get_key(xref, "P")[0] == "xref":
            kind, value = document.xref_get_key(xref, "Alt")
            alts.append(value if kind == "string" else "")
    return alts


def check(pdf, expect_shapes=False):
    info = run("pdfinfo", str(pdf))
    if not re.search(r"^Tagged:\s+yes$", info, re.M):
        fail(f"{pdf.name}: not tagged")
        return
    qpdf = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
    if qpdf.returncode != 0:
        fail(f"{pdf.name}: qpdf --check: {qpdf.stdout}{qpdf.stderr}")
    text = structure_text(pdf)
    for furniture in (r'"Page \d+"', r'"Agenda Item \d+', "intentionally left blank", r'"- \d+ -"'):
        if re.search(furniture, text):
            fail(f"{pdf.name}: page furniture {furniture} is in the structure tree")
    # Every link annotation is in the tree (its StructParent) and says what it is (its /Contents).
    document = fitz.open(str(pdf))
    for page in document:
        for link in page.get_links():
            xref = link.get("xref")
            if xref and (document.xref_get_key(xref, "StructParent")[0] == "null" or document.xref_get_key(xref, "Contents")[0] == "null"):
                fail(f"{pdf.name}: a link on page {page.number + 1} has no StructParent or no /Contents")
    alts = figures(pdf)
    if any(not alt for alt in alts):
        fail(f"{pdf.name}: {sum(1 for a in alts if not a)} of {len(alts)} Figures have no /Alt")
    # A scorecard's RAG shape stands beside its word ("Green"), which the
    # tree reads; an arrow's words ("up from 91% to 93%") are its /Alt.
    if expect_shapes and not ("up from 91% to 93%" in alts and '" Green"' in text and '"Improving "' in text):
        fail(f"{pdf.name}: the scorecard's shapes and words are not read (Figure /Alt: {sorted(set(alts))[:12]})")
    return text


with tempfile.TemporaryDirectory() as work:
    work = pathlib.Path(work)
    source = work / "source"
    shutil.copytree(repo / "tests/fixtures/minimal", source)
    shutil.copytree(repo / "tests/golden/scorecard-shapes/files", source, dirs_exist_ok=True)
    run(agendapack, "build", "--templates", str(repo / "templates"), "--out", str(work / "small"), cwd=source)
    packs = sorted((work / "small").glob("meetings/*/*-pack.pdf"))
    if len(packs) != 1:
        sys.exit(f"FAIL: expected one pack, found {len(packs)}")
    text = check(packs[0], expect_shapes=True)
    if text is not None:
        if update:
            GOLDEN.write_text(text, encoding="utf-8")
        elif text != GOLDEN.read_text(encoding="utf-8"):
            fail(f"{packs[0].name}: the structure differs from {GOLDEN.relative_to(repo)}; actual:\n{text}")
    items = sorted((work / "small").glob("meetings/*/*-item-*.pdf"))
    if not items:
        fail("the small pack has no item PDFs")
    for item in items:
        check(item)

    run(agendapack, "build", "--content", str(repo / "content"), "--data", str(repo / "data"),
        "--templates", str(repo / "templates"), "--out", str(work / "example"))
    example = sorted((work / "example").glob("meetings/*/*.pdf"))
    for pdf in example:
        if pdf.name.endswith("-pack.pdf") or "-item-" in pdf.name:
            check(pdf)
    # The pages of a PDF received from others are Figures saying what they are.
    received = work / "example/meetings/children-and-families-2023-03-30/children-and-families-2023-03-30-pack.pdf"
    said = [alt for alt in figures(received) if "printed as it was received" in alt]
    if len(said) != 8 or not said[0].startswith("Appendix 1: Southampton SEND Strategy 2022-2027, page 1 of 8"):
        fail(f"{received.name}: the received appendix's eight pages are not Figures saying what they are: {said[:2]}")

if failures:
    sys.exit(1)
print(f"ok: {1 + len(items)} small and {len(example)} example PDFs tagged, the small pack's structure as expected")
