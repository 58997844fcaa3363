#!/usr/bin/env python3
"""Writes a synthetic archive for the build benchmark: C committees x M meetings.

Each committee is a copy of the example committee (content/children-and-families)
under its own folder and name. Its meetings are the example meetings, newest first,
then the same meetings again with every date moved on by four years, eight years and
so on, so that every meeting keeps valid dates inside a municipal-year file of its
own. The data/ folder is shared: the copies name the same CSV files (a shifted
meeting's dated data folder is copied under its shifted date).

usage: make_archive.py REPO OUT_DIR --committees C --meetings M
writes OUT_DIR/content and OUT_DIR/data (OUT_DIR is emptied first).
"""
import argparse
import pathlib
import re
import shutil

EXAMPLE = "children-and-families"
DATE = re.compile(r"\b(20\d\d)-(\d\d)-(\d\d)\b")
YEAR_FILE = re.compile(r"^(20\d\d)-(\d\d)\.yaml$")


def shift_dates(text: str, years: int) -> str:
    if years == 0:
        return text
    return DATE.sub(lambda m: f"{int(m.group(1)) + years}-{m.group(2)}-{m.group(3)}", text)


def year_file_name(name: str, years: int) -> str:
    m = YEAR_FILE.match(name)
    start = int(m.group(1)) + years
    return f"{start}-{(start + 1) % 100:02d}.yaml"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("repo")
    parser.add_argument("out")
    parser.add_argument("--committees", type=int, default=1)
    parser.add_argument("--meetings", type=int, default=1, help="meetings per committee")
    args = parser.parse_args()

    repo = pathlib.Path(args.repo)
    out = pathlib.Path(args.out)
    shutil.rmtree(out, ignore_errors=True)
    (out / "content").mkdir(parents=True)
    shutil.copytree(repo / "data", out / "data")
    for name in ("council.yaml", "people.yaml"):
        shutil.copy(repo / "content" / name, out / "content" / name)

    source = repo / "content" / EXAMPLE
    meetings = sorted((p for p in source.iterdir() if p.is_dir()), reverse=True)
    year_files = sorted(p for p in source.iterdir() if YEAR_FILE.match(p.name))
    shared = [p for p in source.iterdir() if p.is_file() and not YEAR_FILE.match(p.name)]

    # Shifted meetings name their CSVs by the shifted date: give them copies.
    rounds = (args.meetings + len(meetings) - 1) // len(meetings)
    data = out / "data" / EXAMPLE
    dated = [p for p in data.iterdir() if p.is_dir() and DATE.fullmatch(p.name)]
    for r in range(1, rounds):
        for p in dated:
            shutil.copytree(p, data / shift_dates(p.name, 4 * r))

    for c in range(1, args.committees + 1):
        committee = out / "content" / f"committee-{c:03d}"
        committee.mkdir()
        for p in shared:
            text = p.read_text(encoding="utf-8")
            if p.name == "committee.yaml":
                text = text.replace("name: Children and Families Scrutiny Panel",
                                    f"name: Children and Families Scrutiny Panel {c}", 1)
            (committee / p.name).write_text(text, encoding="utf-8")
        made = 0
        for r in range(rounds):
            years = 4 * r
            for y in year_files:
                text = shift_dates(y.read_text(encoding="utf-8"), years)
                (committee / year_file_name(y.name, years)).write_text(text, encoding="utf-8")
            for m in meetings:
                if made == args.meetings:
                    break
                folder = committee / shift_dates(m.name, years)
                folder.mkdir()
                for f in sorted(m.iterdir()):
                    if f.suffix.lower() in (".pdf", ".png", ".jpg", ".jpeg"):  # received PDFs, pictures: as they are
                        shutil.copyfile(f, folder / shift_dates(f.name, years))
                        continue
                    text = f.read_text(encoding="utf-8")
                    (folder / shift_dates(f.name, years)).write_text(shift_dates(text, years), encoding="utf-8")
                made += 1


if __name__ == "__main__":
    main()
