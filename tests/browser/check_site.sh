#!/usr/bin/env bash
# The example site in a real browser (check_site.mjs): axe-core WCAG 2.2
# A/AA and no sideways scrolling at 1280 and 320 px. Screenshots of each
# page kind at 375 and 1280 px go to SHOTS (in the build folder, not committed).
# usage: check_site.sh AGENDAPACK REPO_DIR SHOTS_DIR
set -euo pipefail
agendapack=$1 repo=$2 shots=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$agendapack" build --content "$repo/content" --data "$repo/data" --templates "$repo/templates" --out "$work/site" > /dev/null
cd "$repo"
node tests/browser/check_site.mjs "$work/site" "$shots"
