#!/usr/bin/env bash
# The PDF layout always finishes: a style at the edge of every range
# style.yaml allows (two inches of text between the margins, the largest
# sizes and paddings) still gives a pack, in bounded time and memory — a
# scorecard whose padding and header leave no room for a line once turned
# pages for ever.
# usage: extreme_style.sh AGENDAPACK REPO_DIR
set -uo pipefail
agendapack=$1 repo=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$repo/content" "$repo/data" "$work"/
cp -r "$repo/templates" "$work/templates"
sed -i 's/^  margin_left: .*/  margin_left: 225/; s/^  margin_right: .*/  margin_right: 226/;
        s/^  size: 11$/  size: 72/; s/^  label_width: .*/  label_width: 144/; s/^  h1: .*/  h1: 72/;
        s/^  size: 9.5$/  size: 72/; s/^  cell_padding: .*/  cell_padding: 36/; s/^  dense_padding: .*/  dense_padding: 36/;
        s/^  dense_size: .*/  dense_size: 72/; s/^  footer_size: .*/  footer_size: 36/; s/^  stamp_size: .*/  stamp_size: 72/' \
  "$work/templates/pdf/style.yaml"
cd "$work"
# Memory capped at 4 GB — except for a sanitized build (make sanitize sets
# ASAN_OPTIONS), whose shadow memory needs the address space; the time limit
# still holds there.
if [ -z "${ASAN_OPTIONS:-}" ]; then
  (ulimit -v 4000000; timeout 120 "$agendapack" build --out out --meeting children-and-families-2024-09-26 > stdout 2> stderr)
else
  timeout 300 "$agendapack" build --out out --meeting children-and-families-2024-09-26 > stdout 2> stderr
fi
status=$?
if [ "$status" -ne 0 ]; then
  echo "FAIL: the build with the extreme style exited $status"; tail -5 stderr; exit 1
fi
for pdf in out/meetings/*/*.pdf; do
  qpdf --check "$pdf" > /dev/null || { echo "FAIL: $pdf is damaged"; exit 1; }
done
echo "1 passed, 0 failed"
