#!/usr/bin/env bash
# The example packs read back (python3-fitz): no heading left last on a page,
# no linked address split inside a name, nothing within 14 pt of an edge.
# usage: layout.sh AGENDAPACK REPO_DIR
set -euo pipefail
agendapack=$1 repo=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$agendapack" build --content "$repo/content" --data "$repo/data" --templates "$repo/templates" --out "$work/site" > /dev/null
# Debian's python3 carries python3-fitz, whatever python3 is first on PATH.
/usr/bin/python3 "$repo/tests/e2e/layout_check.py" "$work"/site/meetings/*/*-pack.pdf

# The stress fixture: a 20-column, 40-row table with long headings and text
# markers, long addresses, headings before every kind of break.
mkdir -p "$work/stress"
cp -r "$repo/tests/fixtures/minimal/." "$work/stress/"
cp -r "$repo/tests/fixtures/stress/." "$work/stress/"
(cd "$work/stress" && "$agendapack" build --templates "$repo/templates" --out "$work/stress-site" > /dev/null)
/usr/bin/python3 "$repo/tests/e2e/layout_check.py" --csv "$work/stress/data/test-panel/stress.csv" "$work"/stress-site/meetings/*/*-pack.pdf
