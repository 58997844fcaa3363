#!/usr/bin/python3
"""Publishing is atomic: a build killed at any moment leaves the old site or
the new one, byte for byte, never a mix; the next build cleans up after it.

Two states of the example sources, A and B, differ in ways that touch every
kind of publishing: the council's name (every page changes), one report's
text, and one meeting removed in B (its folder pruned). Each trial sets the
sources to the other state, starts a build over the site of the current
one, kills it with SIGKILL after a random delay, and checks that output/
(read as a web server would, following links) holds exactly the old or the
new site. A build left to finish must then give the new site, with nothing
left beside output/ but the trash holding the site it replaced. The trials alternate A→B and B→A.

Half the trials run under strace with every rename slowed down (and hard
links a little), so that kills land in the moments around the swap, not
only while pages are being made.

usage: kill_publish.py AGENDAPACK REPO_DIR [PLAIN_TRIALS STRACE_TRIALS]
"""
import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

agendapack, repo = sys.argv[1], sys.argv[2]
plain_trials = int(sys.argv[3]) if len(sys.argv) > 3 else 30
strace_trials = int(sys.argv[4]) if len(sys.argv) > 4 else 25
random.seed(20261130)  # the same moments each run, so a failure can be run again
work = tempfile.mkdtemp(prefix="agendapack-kill-")
failures = []


def tree(root):
    """relative path → sha256 of every file under root, links followed."""
    files = {}
    for folder, _, names in os.walk(root, followlinks=True):
        for name in names:
            path = os.path.join(folder, name)
            with open(path, "rb") as f:
                files[os.path.relpath(path, root)] = hashlib.sha256(f.read()).hexdigest()
    return files


def describe(got, want):
    missing = sorted(set(want) - set(got))
    extra = sorted(set(got) - set(want))
    changed = sorted(p for p in set(got) & set(want) if got[p] != want[p])
    return f"{len(missing)} missing (e.g. {missing[:3]}), {len(extra)} extra (e.g. {extra[:3]}), {len(changed)} changed (e.g. {changed[:3]})"


def make_states():
    state_a = os.path.join(work, "A")
    os.mkdir(state_a)
    for part in ("content", "data", "templates"):
        shutil.copytree(os.path.join(repo, part), os.path.join(state_a, part))
    state_b = os.path.join(work, "B")
    shutil.copytree(state_a, state_b)
    council = os.path.join(state_b, "content", "council.yaml")
    text = open(council, encoding="utf-8").read()
    first, rest = text.split("\n", 1)
    assert first.startswith("name: "), first
    open(council, "w", encoding="utf-8").write("name: Southampton City Council (renamed for a test)\n" + rest)
    committee = os.path.join(state_b, "content", "children-and-families")
    meetings = sorted(d for d in os.listdir(committee) if os.path.isdir(os.path.join(committee, d)))
    shutil.rmtree(os.path.join(committee, meetings[0]))
    report = os.path.join(committee, meetings[-1])
    page = sorted(f for f in os.listdir(report) if f.endswith(".md"))[-1]
    with open(os.path.join(report, page), "a", encoding="utf-8") as f:
        f.write("\nA paragraph added for the publishing test.\n")
    return state_a, state_b


def set_sources(state):
    src = os.path.join(work, "src")
    shutil.rmtree(src, ignore_errors=True)
    shutil.copytree(state, src)
    return src


def command(src, out):
    return [agendapack, "build", "--content", os.path.join(src, "content"), "--data", os.path.join(src, "data"),
            "--templates", os.path.join(src, "templates"), "--out", out, "--jobs", "2"]


def build(src, out):
    done = subprocess.run(command(src, out), capture_output=True, text=True)
    if done.returncode != 0:
        failures.append(f"build into {out} failed: {done.stderr}")


SLOW = ["strace", "-f", "-qq", "-o", "/dev/null", "-e", "trace=rename,renameat,renameat2,link,linkat",
        "-e", "inject=rename,renameat,renameat2:delay_enter=150000", "-e", "inject=link,linkat:delay_enter=300", "--"]


def environment(slowed):
    """LeakSanitizer cannot run under ptrace: a sanitized build under strace goes without it."""
    env = dict(os.environ)
    if slowed:
        env["ASAN_OPTIONS"] = env.get("ASAN_OPTIONS", "") + ":detect_leaks=0"
    return env


def the_build_process(runner, slowed):
    """The agendapack process itself: strace's child when slowed."""
    if not slowed:
        return runner.pid
    for _ in range(200):
        try:
            with open(f"/proc/{runner.pid}/task/{runner.pid}/children") as f:
                children = f.read().split()
            if children:
                return int(children[0])
        except OSError:
            return None
        time.sleep(0.002)
    return None


def timed(src, out, slowed):
    start = time.monotonic()
    subprocess.run((SLOW if slowed else []) + command(src, out), capture_output=True, check=True, env=environment(slowed))
    return time.monotonic() - start


state_a, state_b = make_states()
sites = {}
for name, state in (("A", state_a), ("B", state_b)):
    src = set_sources(state)
    build(src, os.path.join(work, "reference-" + name))
    sites[name] = tree(os.path.join(work, "reference-" + name))
assert sites["A"] != sites["B"]

out = os.path.join(work, "site", "output")
os.makedirs(os.path.dirname(out))
current = "A"
build(set_sources(state_a), out)
# How long a build from one state to the other takes, plain and slowed: the kills are spread over it.
span = {}
for slowed in (False, True):
    build(set_sources(state_a), out)
    span[slowed] = timed(set_sources(state_b), out, slowed) * 1.1

landed = {"old": 0, "new": 0}
trials = [False] * plain_trials + [True] * strace_trials
random.shuffle(trials)
for number, slowed in enumerate(trials, 1):
    # Start from the current site, published whole.
    if tree(out) != sites[current]:
        build(set_sources(state_a if current == "A" else state_b), out)
    target = "B" if current == "A" else "A"
    src = set_sources(state_b if target == "B" else state_a)
    delay = random.uniform(0, span[slowed])
    runner = subprocess.Popen((SLOW if slowed else []) + command(src, out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env=environment(slowed))
    victim = the_build_process(runner, slowed)
    time.sleep(delay)
    if victim:
        try:
            os.kill(victim, signal.SIGKILL)
        except ProcessLookupError:
            pass  # it had finished
    runner.wait()
    got = tree(out)
    kind = "slowed" if slowed else "plain"
    if got == sites[current]:
        landed["old"] += 1
    elif got == sites[target]:
        landed["new"] += 1
    else:
        failures.append(f"trial {number} ({kind}, killed after {delay:.3f} s, {current}→{target}): output/ is neither site: "
                        f"against the old, {describe(got, sites[current])}; against the new, {describe(got, sites[target])}")
        break
    # The next build finishes the job; beside output/ only the trash, with the site it replaced.
    build(src, out)
    if tree(out) != sites[target]:
        failures.append(f"trial {number}: the build after the kill did not give the new site: {describe(tree(out), sites[target])}")
        break
    # Beside output/: at most the trash, holding only the site this build replaced.
    beside = sorted(os.listdir(os.path.dirname(out)))
    trash = os.path.join(os.path.dirname(out), ".output.agendapack-trash")
    if [b for b in beside if b not in ("output", ".output.agendapack-trash")] or (os.path.isdir(trash) and len(os.listdir(trash)) > 1):
        failures.append(f"trial {number}: left beside output/: {beside}, in the trash: {os.listdir(trash) if os.path.isdir(trash) else []}")
        break
    current = target

print(f"{len(trials)} builds killed ({plain_trials} plain, {strace_trials} with renames slowed): "
      f"output/ held the old site {landed['old']} times, the new {landed['new']} times, a mix never")
if not failures and (landed["old"] == 0 or landed["new"] == 0):
    failures.append("every kill landed on the same side: the delays do not cover the build")
shutil.rmtree(work, ignore_errors=True)
for failure in failures:
    print("FAIL:", failure)
sys.exit(1 if failures else 0)
