#!/usr/bin/python3
"""Each pack has a provenance manifest beside it: JSON with the pack's
SHA-256 and every source's, the standard it claims (PDF/A-2u) and the received
PDFs placed as they came, the same bytes from the same sources (no clock);
`agendapack verify` says identical on a fresh build and names the source,
and fails, once one changes. Every pack also names its language (en-GB) and
asks viewers to show its title, not its file name.

usage: provenance.py AGENDAPACK REPO_DIR
"""
import glob
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

agendapack, repo = sys.argv[1], sys.argv[2]
failures = []
work = tempfile.mkdtemp(prefix="agendapack-provenance-")
for part in ("content", "data", "templates"):
    shutil.copytree(os.path.join(repo, part), os.path.join(work, part))


def sha(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


subprocess.run([agendapack, "build", "--out", "out1"], cwd=work, check=True, capture_output=True)
subprocess.run([agendapack, "build", "--out", "out2", "--jobs", "1"], cwd=work, check=True, capture_output=True)
packs = sorted(glob.glob(os.path.join(work, "out1", "meetings", "*", "*-pack.pdf")))
if not packs:
    failures.append("no packs built")
for pack in packs:
    manifest_path = pack[:-4] + ".provenance.json"
    if not os.path.exists(manifest_path):
        failures.append(f"no manifest beside {pack}")
        continue
    manifest = json.load(open(manifest_path, encoding="utf-8"))
    if manifest["sha256"] != sha(pack):
        failures.append(f"{manifest_path}: the pack's SHA-256 is not the pack's")
    if not manifest["generator"].startswith("agendapack "):
        failures.append(f"{manifest_path}: no generator version")
    paths = [s["path"] for s in manifest["sources"]]
    for needed in ("content/council.yaml", "templates/pdf/style.yaml"):
        if needed not in paths:
            failures.append(f"{manifest_path}: {needed} is not among the sources")
    for source in manifest["sources"]:
        full = os.path.join(work, source["path"])
        if not os.path.exists(full) or sha(full) != source["sha256"]:
            failures.append(f"{manifest_path}: the SHA-256 of {source['path']} is wrong")
    # PDFs received from others are named: their pages are placed as they came.
    received = ["content/children-and-families/2023-03-30/08-appendix-1-send-strategy-2022-27.pdf"] if "2023-03-30" in pack else []
    if manifest.get("archival") != {"standard": "PDF/A-2u", "received_as_they_came": received}:
        failures.append(f"{manifest_path}: archival says {manifest.get('archival')}, not PDF/A-2u with {received} as received")
    twin = manifest_path.replace(os.sep + "out1" + os.sep, os.sep + "out2" + os.sep)
    if open(twin, "rb").read() != open(manifest_path, "rb").read():
        failures.append(f"{manifest_path}: another build of the same sources wrote another manifest")

import fitz  # Debian's python3-fitz

for pack in packs:
    with fitz.open(pack) as document:
        catalog = document.pdf_catalog()
        if document.xref_get_key(catalog, "Lang") != ("string", "en-GB"):
            failures.append(f"{pack}: /Lang is {document.xref_get_key(catalog, 'Lang')}")
        if document.xref_get_key(catalog, "ViewerPreferences/DisplayDocTitle") != ("bool", "true"):
            failures.append(f"{pack}: the viewer is not asked to show the title")

pack = os.path.join(work, "out1", "meetings", "children-and-families-2024-09-26", "children-and-families-2024-09-26-pack.pdf")
done = subprocess.run([agendapack, "verify", pack], cwd=work, capture_output=True, text=True)
if done.returncode != 0 or not done.stdout.startswith("identical:"):
    failures.append(f"verify on a fresh build: exit {done.returncode}: {done.stdout}{done.stderr}")
report = os.path.join(work, "content", "children-and-families", "2024-09-26", "07-youth-justice-service.md")
with open(report, "a", encoding="utf-8") as f:
    f.write("\nA sentence added after the pack was published.\n")
done = subprocess.run([agendapack, "verify", pack], cwd=work, capture_output=True, text=True)
if done.returncode != 1:
    failures.append(f"verify after a source changed: exit {done.returncode}, not 1")
if "changed since the pack was built: content/children-and-families/2024-09-26/07-youth-justice-service.md" not in done.stdout:
    failures.append(f"verify did not name the changed source: {done.stdout}")

shutil.rmtree(work, ignore_errors=True)
for failure in failures:
    print("FAIL:", failure)
print(f"{0 if failures else 1} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
