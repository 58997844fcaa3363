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
