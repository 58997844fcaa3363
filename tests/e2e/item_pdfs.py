#!/usr/bin/env python3
"""Each agenda item's own PDF is that item's pages of the pack: for every
meeting of the example site, every item file passes `qpdf --check`, embeds
its fonts, has the page count the meeting page states, shows on each page
the same text as the pack's page it was cut from (so the pack's page numbers
are printed on it), labels its pages with those numbers, bookmarks its own
documents, and says which item it is in its title.

usage: /usr/bin/python3 item_pdfs.py AGENDAPACK REPO"""
import pathlib
import re
import subprocess
import sys
import tempfile

import fitz  # PyMuPDF (Debian: python3-fitz)


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def run(*command):
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def page_texts(pdf):
    text = run("pdftotext", "-layout", str(pdf), "-")
    return text.split("\f")[:-1]


def main():
    agendapack, repo = sys.argv[1], pathlib.Path(sys.argv[2])
    with tempfile.TemporaryDirectory() as work:
        out = pathlib.Path(work) / "site"
        subprocess.run([agendapack, "build", "--content", str(repo / "content"), "--data", str(repo / "data"),
                        "--templates", str(repo / "templates"), "--out", str(out)], check=True, stdout=subprocess.DEVNULL)
        checked = 0
        for folder in sorted((out / "meetings").iterdir()):
            packs = list(folder.glob("*-pack.pdf"))
            if not packs:
                continue
            pack_pages = page_texts(packs[0])
            pack_title = re.search(r"^Title:\s*(.*)$", run("pdfinfo", str(packs[0])), re.M).group(1)
            meeting_page = (folder / "index.html").read_text(encoding="utf-8")
            for item_pdf in sorted(folder.glob("*-item-*.pdf")):
                item = int(re.search(r"-item-(\d+)\.pdf$", item_pdf.name).group(1))
                check = subprocess.run(["qpdf", "--check", str(item_pdf)], capture_output=True, text=True)
                if check.returncode != 0 or "No syntax or stream encoding errors" not in check.stdout:
                    fail(f"{item_pdf.name}: qpdf --check: {check.stdout}{check.stderr}")
                fonts = run("pdffonts", str(item_pdf)).splitlines()[2:]
                if not fonts or any(line.split()[-5] != "yes" for line in fonts):
                    fail(f"{item_pdf.name}: a font is not embedded:\n" + "\n".join(fonts))
                info = run("pdfinfo", str(item_pdf))
                title = re.search(r"^Title:\s*(.*)$", info, re.M).group(1)
                if title != f"{pack_title}, agenda item {item}":
                    fail(f"{item_pdf.name}: title {title!r}")
                texts = page_texts(item_pdf)
                stated = re.search(re.escape(item_pdf.name) + r'">[^<]*?(\d+) pages?\)</a>', meeting_page)
                if not stated or int(stated.group(1)) != len(texts):
                    fail(f"{item_pdf.name}: {len(texts)} pages, the meeting page says {stated.group(1) if stated else 'nothing'}")
                starts = [i for i, text in enumerate(pack_pages) if text == texts[0]]
                if len(starts) != 1:
                    fail(f"{item_pdf.name}: its first page is found {len(starts)} times in the pack")
                start = starts[0]
                for k, text in enumerate(texts):
                    if start + k >= len(pack_pages) or pack_pages[start + k] != text:
                        fail(f"{item_pdf.name}: page {k + 1} is not the pack's page {start + k + 1}")
                numbers = re.findall(r"Page (\d+)", texts[0])
                document = fitz.open(str(item_pdf))
                first_label = document[0].get_label()
                if not numbers or first_label != numbers[-1]:
                    fail(f"{item_pdf.name}: its first page is labelled {first_label!r}, and prints Page {numbers[-1] if numbers else '?'}")
                if not document.get_toc():
                    fail(f"{item_pdf.name}: no bookmarks")
                checked += 1
        if checked < 5:
            fail(f"only {checked} item files found")
        print(f"ok: {checked} item PDFs are their items' pages of the pack")


if __name__ == "__main__":
    main()
