#!/usr/bin/env python3
"""Gathers the fuzz targets' seed corpora from the sources already in the
tree — the example (content/, data/), the test fixtures, and the files of
the error and golden cases — into OUT/<target>/, one file per seed named by
its SHA-1. Nothing here is committed: the corpora are made afresh.

Targets that read a selector byte first (see each tests/fuzz/fuzz_*.cpp) get
it put in front of the file: which loader (fuzz_yaml), which document
(fuzz_markdown), which file of the minimal site (fuzz_build).

usage: seeds.py REPO OUT
"""
import hashlib
import pathlib
import re
import sys

MEETING = "2024-09-26"  # the minimal fixture's meeting folder

# fuzz_build: the files of the minimal site the first byte replaces.
BUILD_FILES = [
    "content/council.yaml",
    "content/people.yaml",
    "content/test-panel/committee.yaml",
    "content/test-panel/2024-25.yaml",
    f"content/test-panel/{MEETING}/meeting.yaml",
    f"content/test-panel/{MEETING}/04-school-places.md",
    f"content/test-panel/{MEETING}/03-minutes.md",
    f"content/test-panel/{MEETING}/04-appendix-1-figures.md",
    "data/test-panel/places.csv",
    "content/cover-sheets.yaml",
]
YEAR_FILE = re.compile(r"^\d{4}-\d{2}\.yaml$")


def sources(repo):
    """(path inside its site, file) for every source file of every tree."""
    trees = [repo]
    trees += sorted((repo / "tests" / "fixtures").iterdir())
    for kind in ("errors", "golden"):
        trees += sorted(p / "files" for p in (repo / "tests" / kind).iterdir() if (p / "files").is_dir())
    for tree in trees:
        for top in ("content", "data"):
            if (tree / top).is_dir():
                for f in sorted((tree / top).rglob("*")):
                    if f.is_file():
                        yield f.relative_to(tree).as_posix(), f
    yield "templates/pdf/style.yaml", repo / "templates" / "pdf" / "style.yaml"


def front_matter(text):
    """(front matter, body) of a Markdown document, or (None, text)."""
    m = re.match(r"---\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|$)", text, re.S)
    return (m.group(1) or "", text[m.end():]) if m else (None, text)


def yaml_loader(path, text):
    """Which fuzz_yaml loader reads this file, or None."""
    name = path.rsplit("/", 1)[-1]
    if path.endswith(".md"):
        return 9
    if not path.endswith(".yaml"):
        return None
    if path.startswith("templates/"):
        return 10 if name == "style.yaml" else None
    if path.startswith("data/"):
        if re.search(r"^terms:", text, re.M):
            return 6
        if re.search(r"^(tolerance|stable_within|rules|polarity)\b", text, re.M) or "rules" in name:
            return 7
        return 8
    return {"council.yaml": 0, "people.yaml": 1, "committee.yaml": 2, "meeting.yaml": 4, "cover-sheets.yaml": 5}.get(
        name, 3 if YEAR_FILE.match(name) else None)


def main():
    repo, out = pathlib.Path(sys.argv[1]).resolve(), pathlib.Path(sys.argv[2])
    corpora = {t: set() for t in ("fuzz_csv", "fuzz_yaml", "fuzz_markdown", "fuzz_build")}
    for path, f in sources(repo):
        raw = f.read_bytes()
        text = raw.decode("utf-8", "replace")
        if path.endswith(".csv"):
            corpora["fuzz_csv"].add(raw)
        loader = yaml_loader(path, text)
        if loader is not None:
            if loader == 4 and f.parent.name != MEETING:
                # Another meeting's file read from the fixture's folder: its date made to match.
                raw = re.sub(rb"(?m)^date:[ \t]*\S+", b"date: " + MEETING.encode(), raw, count=1)
            corpora["fuzz_yaml"].add(bytes([loader]) + raw)
        if path.endswith(".md"):
            header, body = front_matter(text)
            report = header is not None and re.search(r"^document:[ \t]*report\b", header, re.M)
            corpora["fuzz_markdown"].add(bytes([0 if report else 1]) + body.encode())
        # fuzz_build: the file where the minimal site has it; example files by kind.
        name = path.rsplit("/", 1)[-1]
        if path in BUILD_FILES:
            corpora["fuzz_build"].add(bytes([BUILD_FILES.index(path)]) + raw)
        elif path.startswith("content/") and path.endswith(".md") and f.parent.name != MEETING:
            header, _ = front_matter(text)
            if header is not None:
                kind = re.search(r"^document:[ \t]*(\w+)", header, re.M)
                index = {"report": 5, "minutes": 6, "appendix": 7}.get(kind.group(1) if kind else "", 7)
                corpora["fuzz_build"].add(bytes([index]) + raw)
        elif path.startswith("content/") and loader in (0, 1, 2, 5):
            corpora["fuzz_build"].add(bytes([{0: 0, 1: 1, 2: 2, 5: 9}[loader]]) + raw)
    for target, seeds in corpora.items():
        folder = out / target
        folder.mkdir(parents=True, exist_ok=True)
        for seed in seeds:
            (folder / hashlib.sha1(seed).hexdigest()).write_bytes(seed)
        print(f"{target}: {len(seeds)} seeds in {folder}")


if __name__ == "__main__":
    main()
