#!/usr/bin/python3
"""README's five-minute tour works as written, on a copy of the example.

Step 2: a sentence typed into the Youth Justice report — in capitals, as a
reviewer might mark it, "(EDITED BY REVIEWER)" — builds clean and reaches the
page. Step 4: `venue:` misspelt `venu:` makes `check` print exactly the
message README shows, and exit 1.

usage: readme_tour.py AGENDAPACK REPO_DIR
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

agendapack, repo = sys.argv[1], sys.argv[2]
failures = []
work = tempfile.mkdtemp(prefix="agendapack-tour-")
for part in ("content", "data", "templates"):
    shutil.copytree(os.path.join(repo, part), os.path.join(work, part))
meeting = os.path.join(work, "content", "children-and-families", "2024-09-26")
readme = open(os.path.join(repo, "README.md"), encoding="utf-8").read()

# Step 2: edit a sentence under the Detail heading.
report = os.path.join(meeting, "07-youth-justice-service.md")
lines = open(report, encoding="utf-8").read().split("\n")
heading = lines.index("## Detail (including consultation carried out)")
target = next(i for i in range(heading + 1, len(lines)) if lines[i].strip())
lines[target] += " (EDITED BY REVIEWER)"
open(report, "w", encoding="utf-8").write("\n".join(lines))
built = subprocess.run([agendapack, "build", "--out", "output", "--meeting", "children-and-families-2024-09-26"],
                       cwd=work, capture_output=True, text=True)
if built.returncode != 0:
    failures.append(f"step 2: the build stopped: {built.stderr}")
else:
    page = open(os.path.join(work, "output", "meetings", "children-and-families-2024-09-26", "07-youth-justice-service.html"),
                encoding="utf-8").read()
    if "(EDITED BY REVIEWER)" not in page:
        failures.append("step 2: the edited sentence is not on the page")

# Step 4: the message README shows, exactly.
shown = re.search(r"Make a mistake on purpose\.\*\*.*?```\n(.*?)\n\s*```", readme, re.S)
if not shown:
    failures.append("README has no message under step 4")
else:
    expected = "\n".join(line[3:] if line.startswith("   ") else line for line in shown.group(1).split("\n")) + "\n"
    yaml = os.path.join(meeting, "meeting.yaml")
    text = open(yaml, encoding="utf-8").read()
    open(yaml, "w", encoding="utf-8").write(text.replace("\nvenue:", "\nvenu:", 1))
    checked = subprocess.run([agendapack, "check"], cwd=work, capture_output=True, text=True)
    if checked.returncode != 1:
        failures.append(f"step 4: check exited {checked.returncode}, not 1")
    if checked.stderr != expected:
        failures.append(f"step 4: check printed\n{checked.stderr}\nbut README shows\n{expected}")

shutil.rmtree(work, ignore_errors=True)
for failure in failures:
    print("FAIL:", failure)
print(f"{0 if failures else 1} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
