#!/usr/bin/python3
"""Exempt business never reaches public output.

The exempt fixture (tests/fixtures/exempt over tests/fixtures/minimal) has a
marker word — "Quokka…" — in an exempt Markdown appendix, in the CSV table it
prints, in an exempt PDF appendix and in the report of a wholly exempt item.
The public edition is built, and every byte it writes is searched for the
marker, case-insensitively: each PDF also decompressed (qpdf --qdf
--object-streams=disable) and as pdftotext reads it. Zero hits. The members'
edition is built too and must hold every marker (so the search can find
them), mark each exempt page "Not for publication" and keep its pages from
search engines. Neither edition may be built over the other's folder, and
no glossary usage list names an exempt document.

usage: leak.py AGENDAPACK REPO_DIR
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

agendapack, repo = sys.argv[1], sys.argv[2]
MARKER = re.compile(rb"quokka", re.I)
MARKERS = ["Quokkamarkdown", "Quokkacsv", "Quokkapdf", "Quokkaitem"]
EXEMPT_PAGES = ["04-appendix-2-bids", "04-appendix-3-valuation", "05-staffing"]
failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message)


def run(*args, cwd=None):
    return subprocess.run(args, capture_output=True, cwd=cwd)


def every_byte(folder):
    """(path, bytes) for each file, and for each PDF its decompressed form and its text."""
    for root, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(root, name)
            data = open(path, "rb").read()
            yield path, data
            if data.startswith(b"%PDF"):
                with tempfile.NamedTemporaryFile(suffix=".pdf") as qdf:
                    done = run("qpdf", "--qdf", "--object-streams=disable", path, qdf.name)
                    if done.returncode not in (0, 3):
                        fail("qpdf could not expand " + path)
                    yield path + " (decompressed)", open(qdf.name, "rb").read()
                yield path + " (text)", run("pdftotext", path, "-").stdout


with tempfile.TemporaryDirectory() as work:
    src = os.path.join(work, "src")
    shutil.copytree(os.path.join(repo, "tests/fixtures/minimal"), src)
    shutil.copytree(os.path.join(repo, "tests/fixtures/exempt"), src, dirs_exist_ok=True)
    templates = os.path.join(repo, "templates")
    public, members = os.path.join(work, "public"), os.path.join(work, "members")

    for args in (["--out", public], ["--audience", "members", "--out", members]):
        done = run(agendapack, "build", "--templates", templates, *args, cwd=src)
        if done.returncode != 0:
            print(done.stderr.decode())
            sys.exit(1)

    hits = 0
    for path, data in every_byte(public):
        for match in MARKER.finditer(data):
            hits += 1
            fail("public output holds exempt words: %s: …%s…" % (path, data[max(0, match.start() - 40):match.end() + 20]))
        for page in EXEMPT_PAGES:
            if page.encode() in data and "glossaries" in path:
                fail("a glossary's usage list names the exempt document " + page + ": " + path)
    for page in EXEMPT_PAGES:
        if os.path.exists(os.path.join(public, "meetings", "test-panel-2024-09-26", page + ".html")):
            fail("the public site has a page for the exempt document " + page)

    # The members' edition has everything, marked.
    found = b"".join(data for _, data in every_byte(members))
    for marker in MARKERS:
        if marker.encode() not in found:
            fail("the members' edition lacks %s: the search could not have seen it" % marker)
    pack = os.path.join(members, "meetings", "test-panel-2024-09-26", "test-panel-2024-09-26-pack.pdf")
    pages = int(re.search(rb"Pages:\s+(\d+)", run("pdfinfo", pack).stdout).group(1))
    marked = sum(1 for n in range(1, pages + 1) if b"Not for publication: paragraph" in run("pdftotext", "-f", str(n), "-l", str(n), pack, "-").stdout)
    if marked < 3:
        fail("only %d pages of the members' pack are marked Not for publication" % marked)
    for page in EXEMPT_PAGES:
        html = open(os.path.join(members, "meetings", "test-panel-2024-09-26", page + ".html"), encoding="utf-8").read()
        if 'name="robots" content="noindex' not in html:
            fail("the members' page %s does not keep search engines away" % page)
        if "Not for publication" not in html:
            fail("the members' page %s is not marked Not for publication" % page)

    # The public agenda lists the exempt business and says why it is withheld.
    agenda = run("pdftotext", os.path.join(public, "meetings", "test-panel-2024-09-26", "test-panel-2024-09-26-pack.pdf"), "-").stdout.decode()
    agenda = re.sub(r"\s+", " ", agenda)
    for expected in ("EXCLUSION OF THE PRESS AND PUBLIC", "STAFFING MATTER", "Not for publication: this item is likely to disclose",
                     "Appendix 2 (Tenders received) is likely", "Tenders received (Confidential)"):
        if expected not in agenda:
            fail("the public pack does not say: " + expected)

    # One edition a folder.
    for args, folder in ((["--audience", "members", "--out", public], public), (["--out", members], members)):
        before = {p: open(p, "rb").read() for p, _ in ((os.path.join(r, f), 0) for r, _, fs in os.walk(folder) for f in fs)}
        done = run(agendapack, "build", "--templates", templates, *args, cwd=src)
        if done.returncode == 0:
            fail("building %s over %s was not refused" % (" ".join(args[:2]), folder))
        after = {p: open(p, "rb").read() for p, _ in ((os.path.join(r, f), 0) for r, _, fs in os.walk(folder) for f in fs)}
        if before != after:
            fail("a refused build changed " + folder)

if failures:
    print("%d failure(s)" % len(failures))
    sys.exit(1)
print("exempt business: no hit in the public edition; the members' edition has it all, marked")
