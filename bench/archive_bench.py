#!/usr/bin/env python3
"""Times whole builds of synthetic archives (bench/make_archive.py) as an
officer or an archivist runs them: wall and CPU seconds and peak resident
memory of each process (the kernel's own accounting, os.wait4), the median of
several runs.

For each size: a clean build, a rebuild with nothing changed, a rebuild after
one report changed, and `--meeting` for one meeting. Then, where Debian's
weasyprint and hugo are installed, the same 26 September 2024 pack through
WeasyPrint from our own HTML, and the example's Markdown through Hugo.

With --baseline PROGRAM (an agendapack built from an earlier commit), each
size's clean build is also timed with it, the two taking turns, and the
ratio given; --baseline-templates gives it the templates of its own commit
(`git archive COMMIT templates | tar -x -C DIR`), when the style file has
gained keys it does not know since.

usage: bench/archive_bench.py [--build build] [--sizes 1,100,1000] [--runs 3] [--work /tmp/agendapack-bench]
                              [--baseline OLD_AGENDAPACK] [--baseline-templates DIR]
Prints a Markdown table for docs/PERFORMANCE.md.
"""
import argparse
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

REPO = pathlib.Path(__file__).resolve().parent.parent
MEETING = "children-and-families-2024-09-26"
PAUSE_AFTER_REMOVAL = 6  # seconds after a clean build's removal is written out (see empty())


def shape(size):
    """Committees x meetings per committee for a size."""
    if size < 10:
        return 1, size
    if size <= 100:
        return 4, size // 4
    return size // 100, 100


def timed(command, runs, before=None):
    """Median wall and CPU (user + sys) seconds and peak RSS (MB) of `runs`
    runs, each measured for that process alone (os.wait4)."""
    walls, cpus, peaks = [], [], []
    for _ in range(runs):
        if before:
            before()
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        walls.append(time.perf_counter() - start)
        if status != 0:
            raise RuntimeError(f"{command[0]} failed ({status})")
        cpus.append(usage.ru_utime + usage.ru_stime)
        peaks.append(usage.ru_maxrss / 1024)
    return statistics.median(walls), statistics.median(cpus), max(peaks)


def row(what, result, base=None):
    wall, cpu, peak = result
    ratio = f"{wall / base:.2f}" if base else ""
    return f"| {what} | {wall:.3f} s | {cpu:.3f} s | {peak:.0f} MB | {ratio} |"


def archive_rows(agendapack, size, runs, work, baseline=None, baseline_templates=None):
    committees, meetings = shape(size)
    archive = work / f"archive-{size}"
    subprocess.run([sys.executable, str(REPO / "bench/make_archive.py"), str(REPO), str(archive),
                    "--committees", str(committees), "--meetings", str(meetings)], check=True)
    out = work / f"out-{size}"
    base = [agendapack, "build", "--content", str(archive / "content"), "--data", str(archive / "data"),
            "--templates", str(REPO / "templates"), "--out", str(out)]
    first = sorted(p for p in (archive / "content").iterdir() if p.is_dir())[0]  # a committee folder
    meeting = sorted(p for p in first.iterdir() if p.is_dir())[-1]
    report = next(p for p in sorted(meeting.iterdir()) if p.suffix == ".md" and "minutes" not in p.name and "appendix" not in p.name)
    meeting_id = f"{first.name}-{meeting.name}"
    text = report.read_text(encoding="utf-8")
    edits = iter(range(10 ** 6))

    def edit():
        # A different sentence each time, so each run has a change to build.
        report.write_text(text + f"\n1. A sentence added for the benchmark, number {next(edits)}.\n", encoding="utf-8")

    def empty():
        # No site at all: the output folder, and the staging and trash
        # folders publishing keeps beside it.
        for folder in (out, out.parent / f".{out.name}.agendapack-next", out.parent / f".{out.name}.agendapack-trash"):
            shutil.rmtree(folder, ignore_errors=True)
        # Written out, and a pause: ext4 passes over inodes freed in the last
        # seconds (minutes, while their table is unwritten) when it makes
        # new files, and a clean build straight after removing 20,000 files
        # timed that, up to 10 s of system time at 1,000 meetings.
        os.sync()
        time.sleep(PAUSE_AFTER_REMOVAL)

    label = f"{size} meeting" + ("s" if size != 1 else "") + f" ({committees} × {meetings})"
    rows = []
    if baseline:
        # Turn and turn about, so drift in the machine's speed hits both alike.
        old_base = [baseline] + base[1:]
        if baseline_templates:
            old_base[old_base.index("--templates") + 1] = str(baseline_templates)
        olds, news = [], []
        for _ in range(runs):
            olds.append(timed(old_base, 1, before=empty))
            news.append(timed(base + ["--rebuild"], 1, before=empty))
        med = lambda results: tuple(statistics.median(r[i] for r in results) for i in range(2)) + (max(r[2] for r in results),)
        rows.append(row(f"{label}: clean build, baseline", med(olds), None))
        rows.append(row(f"{label}: clean build, this version", med(news), med(olds)[0]))
    clean = timed(base + ["--rebuild"], runs, before=empty)
    rows += [row(f"{label}: clean build", clean, None),
            row(f"{label}: nothing changed", timed(base, runs), clean[0]),
            row(f"{label}: one report changed", timed(base, runs, before=edit), clean[0]),
            row(f"{label}: `--meeting` one meeting", timed(base + ["--meeting", meeting_id, "--rebuild"], runs), clean[0])]
    report.write_text(text, encoding="utf-8")
    return rows


def weasyprint_rows(agendapack, runs, work):
    """Our HTML of the pack (meeting page, then each document page) as one
    document through WeasyPrint, against our own build of that meeting."""
    if not shutil.which("weasyprint"):
        return ["| WeasyPrint | not installed (Debian: weasyprint) | | | |"]
    site = work / "example-site"
    subprocess.run([agendapack, "build", "--content", str(REPO / "content"), "--data", str(REPO / "data"),
                    "--templates", str(REPO / "templates"), "--out", str(site)], check=True, stdout=subprocess.DEVNULL)
    folder = site / "meetings" / MEETING
    meeting_page = (folder / "index.html").read_text(encoding="utf-8")
    pages = [folder / "index.html"] + [folder / href for href in re.findall(r'href="([0-9][^"#/]*\.html)"', meeting_page)]
    seen, mains = set(), []
    for page in pages:
        if page in seen or not page.exists():
            continue
        seen.add(page)
        html = page.read_text(encoding="utf-8")
        found = re.search(r"<main[^>]*>(.*)</main>", html, re.S)
        mains.append(f'<section style="break-before: page">{found.group(1) if found else html}</section>')
    css = (site / "assets/style.css").read_text(encoding="utf-8")
    combined = work / "whole-pack.html"  # its base is the meeting's folder, so pictures resolve
    combined.write_text(f"<!doctype html><html lang=en><meta charset=utf-8><title>Pack</title>"
                        f'<base href="{folder.as_uri()}/"><style>{css}</style>'
                        f"<body>{''.join(mains)}</body></html>", encoding="utf-8")
    command = [agendapack, "build", "--content", str(REPO / "content"), "--data", str(REPO / "data"),
               "--templates", str(REPO / "templates"), "--out", str(site), "--meeting", MEETING, "--rebuild"]
    # Ours takes a twentieth of a second: more runs steady its median on a shared machine.
    one_thread = timed(command + ["--jobs", "1"], max(runs, 21))
    ours = timed(command, max(runs, 21))  # as an officer runs it: one thread per core
    theirs = timed(["weasyprint", str(combined), str(work / "weasyprint-pack.pdf")], runs)
    return [row("26 Sept 2024 pack: agendapack `--meeting`, PDF and HTML, `--jobs 1`", one_thread, None),
            row(f"26 Sept 2024 pack: agendapack `--meeting`, PDF and HTML, default jobs ({os.cpu_count()} cores)", ours, one_thread[0]),
            row(f"26 Sept 2024 pack: WeasyPrint from our HTML ({len(mains)} pages joined), one core", theirs, ours[0]),
            row("26 Sept 2024 pack: WeasyPrint against agendapack `--jobs 1`", theirs, one_thread[0])]


def hugo_rows(agendapack, runs, work):
    """The example's Markdown (front matter and all) through Hugo with a bare
    layout, against our whole build of the example (HTML and PDF packs)."""
    if not shutil.which("hugo"):
        return ["| Hugo | not installed (Debian: hugo) | | | |"]
    site = work / "hugo-site"
    shutil.rmtree(site, ignore_errors=True)
    (site / "layouts/_default").mkdir(parents=True)
    (site / "layouts/_default/single.html").write_text("<!doctype html><title>{{ .Title }}</title>{{ .Content }}\n")
    (site / "layouts/_default/list.html").write_text("<!doctype html><title>{{ .Title }}</title>{{ range .Pages }}{{ .Title }} {{ end }}\n")
    (site / "config.toml").write_text('baseURL = "http://localhost/"\ntitle = "Bench"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')
    for md in (REPO / "content").rglob("*.md"):
        target = site / "content" / md.relative_to(REPO / "content")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(md, target)
    ours = timed([agendapack, "build", "--content", str(REPO / "content"), "--data", str(REPO / "data"),
                  "--templates", str(REPO / "templates"), "--out", str(work / "example-out"), "--rebuild", "--jobs", "1"], runs)
    theirs = timed(["hugo", "--quiet", "-s", str(site), "-d", str(work / "hugo-out")], runs)
    return [row("Example site (4 meetings): agendapack, HTML and PDF packs", ours, None),
            row("Example Markdown through Hugo, HTML only", theirs, ours[0])]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default=str(REPO / "build"))
    parser.add_argument("--sizes", default="1,100,1000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", default=str(pathlib.Path(tempfile.gettempdir()) / "agendapack-bench"))
    parser.add_argument("--baseline", help="an agendapack from an earlier commit, timed beside this one")
    parser.add_argument("--baseline-templates", help="the templates folder of the baseline's commit")
    args = parser.parse_args()
    agendapack = str(pathlib.Path(args.build) / "agendapack")
    work = pathlib.Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    print("| what | wall (median) | CPU, user + sys (median) | peak RSS | × the row it follows |")
    print("| --- | --- | --- | --- | --- |")
    for size in (int(s) for s in args.sizes.split(",") if s):
        for line in archive_rows(agendapack, size, args.runs, work, args.baseline, args.baseline_templates):
            print(line, flush=True)
    for line in weasyprint_rows(agendapack, args.runs, work) + hugo_rows(agendapack, args.runs, work):
        print(line, flush=True)


if __name__ == "__main__":
    main()
