#!/usr/bin/env python3
"""Times `agendapack check` of the example site with people.yaml grown to N
people (each with a name, title, telephone and email, as officers write
them), as whole processes: wall and CPU seconds and peak resident memory (the
kernel's accounting, os.wait4), the median of several runs. Loading was once
quadratic in the number of keys of a mapping; the time per person should stay
flat as N doubles.

With --baseline PROGRAM (an agendapack built from an earlier commit) each
size is also timed with it, the two taking turns.

usage: bench/people_bench.py [--build build] [--sizes 0,13000,26000,52000,65000] [--runs 3]
                             [--work /tmp/agendapack-people-bench] [--baseline OLD_AGENDAPACK]
Prints a Markdown table for docs/PERFORMANCE.md.
"""
import argparse
import os
import pathlib
import shutil
import statistics
import subprocess
import tempfile
import time

REPO = pathlib.Path(__file__).resolve().parent.parent


def timed(command, runs):
    """Median wall and CPU (user + sys) seconds and peak RSS (MB) of `runs` runs."""
    walls, cpus, peaks = [], [], []
    for _ in range(runs):
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        walls.append(time.perf_counter() - start)
        if status != 0:
            raise RuntimeError(f"{' '.join(command)} failed ({status})")
        cpus.append(usage.ru_utime + usage.ru_stime)
        peaks.append(usage.ru_maxrss / 1024)
    return statistics.median(walls), statistics.median(cpus), max(peaks)


def site_with_people(work, count):
    """A copy of the example with `count` more people in people.yaml."""
    site = work / f"people-{count}"
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(REPO / "content", site / "content")
    shutil.copytree(REPO / "data", site / "data")
    with open(site / "content/people.yaml", "a", encoding="utf-8") as people:
        for i in range(count):
            people.write(f"person-{i}:\n  name: Person {i}\n  title: Officer {i}\n"
                         f"  tel: 01234 {i:06d}\n  email: person.{i}@example.gov.uk\n")
    return site


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default=str(REPO / "build"))
    parser.add_argument("--sizes", default="0,13000,26000,52000,65000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", default=str(pathlib.Path(tempfile.gettempdir()) / "agendapack-people-bench"))
    parser.add_argument("--baseline", help="an agendapack from an earlier commit, timed beside this one")
    args = parser.parse_args()
    agendapack = str(pathlib.Path(args.build) / "agendapack")
    work = pathlib.Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    print("| people.yaml | size | program | wall (median) | CPU, user + sys (median) | peak RSS |")
    print("| --- | --- | --- | --- | --- | --- |")
    for count in (int(s) for s in args.sizes.split(",") if s):
        site = site_with_people(work, count)
        size = (site / "content/people.yaml").stat().st_size / 1e6
        programs = [("baseline", args.baseline)] if args.baseline else []
        programs.append(("this version", agendapack))
        for name, program in programs:
            command = [program, "check", "--content", str(site / "content"), "--data", str(site / "data"),
                       "--templates", str(REPO / "templates"), "--jobs", "1"]
            wall, cpu, peak = timed(command, args.runs)
            print(f"| {count:,} more people | {size:.1f} MB | {name} | {wall:.3f} s | {cpu:.3f} s | {peak:.0f} MB |", flush=True)
        shutil.rmtree(site)


if __name__ == "__main__":
    main()
