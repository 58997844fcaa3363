#!/usr/bin/env bash
# Every generated page passes the Nu HTML Checker (npm vnu-jar) with no errors.
# usage: html_checker.sh AGENDAPACK REPO_DIR
set -euo pipefail
agendapack=$1 repo=$2
vnu="$repo/node_modules/vnu-jar/build/dist/vnu.jar"
if [ ! -f "$vnu" ]; then
  echo "vnu.jar not found: run 'npm ci' in $repo (make test does)"; exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$repo"
"$agendapack" build --out "$work/site" > /dev/null
pages=$(find "$work/site" -name '*.html' | wc -l)
if ! java -jar "$vnu" --errors-only --skip-non-html "$work/site" 2> "$work/report"; then
  cat "$work/report"; echo "0 passed, 1 failed"; exit 1
fi
if [ -s "$work/report" ]; then cat "$work/report"; echo "0 passed, 1 failed"; exit 1; fi
echo "$pages pages checked by the Nu HTML Checker: no errors"
