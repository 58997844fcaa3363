#!/usr/bin/env bash
# One bad-input test: the minimal fixture, overlaid with the case's files/
# (and minus the paths listed in its delete file; files/templates/ over a
# copy of the templates), must make `agendapack
# check` exit 1 and print exactly expected.txt on stderr.
# usage: run_case.sh AGENDAPACK FIXTURE_DIR CASE_DIR TEMPLATES_DIR [--update]
set -euo pipefail
agendapack=$1 fixture=$2 case_dir=$3 templates=$4 mode=${5:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$fixture"/. "$work"/
# A case that changes templates works on a copy of them, named as officers see it.
if [ -d "$case_dir/files/templates" ]; then
  mkdir "$work/templates" && cp -r "$templates"/. "$work/templates"/
  templates=templates
fi
[ -d "$case_dir/files" ] && cp -r "$case_dir/files"/. "$work"/
if [ -f "$case_dir/delete" ]; then
  while read -r path; do [ -n "$path" ] && rm -rf "${work:?}/$path"; done < "$case_dir/delete"
fi
set +e
(cd "$work" && "$agendapack" check --templates "$templates") > "$work/stdout" 2> "$work/stderr"
status=$?
set -e
if [ "$mode" = "--update" ]; then
  cp "$work/stderr" "$case_dir/expected.txt"
  exit 0
fi
if [ "$status" -ne 1 ]; then
  echo "expected exit status 1, got $status"; cat "$work/stderr"; exit 1
fi
if ! diff -u "$case_dir/expected.txt" "$work/stderr"; then
  echo "stderr differs from $case_dir/expected.txt"; exit 1
fi
