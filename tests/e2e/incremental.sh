#!/usr/bin/env bash
# Parallel and incremental builds give exactly the bytes of a clean one-job
# build: --jobs 2 against --jobs 1 (meetings side by side; and one meeting on
# several threads, when fewer meetings than threads are built), and, after
# each kind of edit (a report,
# a CSV, a decision in the minutes, the glossary, a page template, a meeting
# removed), an incremental build against a clean build of the same sources.
# Unchanged meetings are neither built nor rewritten.
# usage: incremental.sh AGENDAPACK REPO_DIR
set -uo pipefail
agendapack=$1 repo=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

cp -r "$repo/content" "$repo/data" "$repo/templates" "$work"/
cd "$work"
build() { "$agendapack" build "$@" > "$work/stdout" 2> "$work/stderr" || { fail "build $*: $(cat "$work/stderr")"; }; }
same() {  # what: the incremental output equals a clean one-job build
  rm -rf "$work/clean"
  build --out "$work/clean" --jobs 1
  diff -r "$work/inc" "$work/clean" > "$work/diff" || { fail "$1: incremental output differs from a clean build"; head -20 "$work/diff"; }
}
built() {  # what expected: the summary line says how many meetings were built
  grep -q "^agendapack: $2 built" "$work/stdout" || fail "$1: expected '$2 built', got: $(cat "$work/stdout")"
}
edit() {  # file sed-expression: the edit must change the file
  cp "$1" "$work/before-edit"
  sed -i "$2" "$1"
  cmp -s "$1" "$work/before-edit" && fail "the edit '$2' changed nothing in $1"
}
stamp() { stat -c %y "$work/inc/meetings/children-and-families-2021-07-22/index.html"; }

# --jobs: one thread and two give the same bytes.
build --out "$work/one" --jobs 1
build --out "$work/two" --jobs 2
diff -r "$work/one" "$work/two" > /dev/null || fail "--jobs 2 output differs from --jobs 1"

build --out "$work/inc"
built "first build" "4 meetings"
build --out "$work/inc"
built "no change" "0 meetings"
grep -q "4 unchanged" "$work/stdout" || fail "no change: $(cat "$work/stdout")"
same "no change"
before=$(stamp)

# A sentence of one report: that meeting alone.
edit content/children-and-families/2024-09-26/07-youth-justice-service.md 's/^1\. In 2022\/23 Southampton was again/1. In 2022\/23 the city was again/'
build --out "$work/inc" --jobs 4
built "report edit" "1 meeting"
same "report edit"
[ "$(stamp)" = "$before" ] || fail "report edit: an unchanged meeting's page was rewritten"

# One figure in a CSV the report charts.
edit data/children-and-families/2024-09-26/youth-justice-custody-rates.csv 's/^Jan 21 - Dec 21,0.19,/Jan 21 - Dec 21,0.21,/'
build --out "$work/inc"
built "CSV edit" "1 meeting"
same "CSV edit"

# A PDF appendix received again, a page turned: its meeting alone.
received=content/children-and-families/2023-03-30/08-appendix-1-send-strategy-2022-27.pdf
qpdf --rotate=+90:2 "$received" "$work/turned.pdf" && mv "$work/turned.pdf" "$received"
build --out "$work/inc"
built "PDF appendix replaced" "1 meeting"
same "PDF appendix replaced"

# A decision in the minutes: the tracker of later meetings follows it.
edit content/children-and-families/2024-09-26/06-minutes-2024-08-08.md \
  's/^1\. That all social workers receive the analysis/1. That every social worker receives the analysis/'
build --out "$work/inc"
same "minutes edit"

# The glossary every report uses.
edit data/glossaries/children-and-families.yaml '0,/Any violation of a person/s//Any breach of a person/'
build --out "$work/inc"
same "glossary edit"

# A page template.
edit templates/html/document.mustache 's/aria-label="Documents of this meeting"/aria-label="The documents of this meeting"/'
build --out "$work/inc"
built "template edit" "4 meetings"
same "template edit"

# A meeting taken out of the sources: its folder goes.
rm -rf content/children-and-families/2021-07-22
edit content/children-and-families/2021-22.yaml 's/^\(meetings: \[\)2021-07-22, /\1/'
build --out "$work/inc"
same "meeting removed"
[ -e "$work/inc/meetings/children-and-families-2021-07-22" ] && fail "meeting removed: its folder is still there"

# --meeting builds that meeting only, even when the cache is ignored.
build --out "$work/inc" --meeting children-and-families-2024-09-26 --rebuild --jobs 3
built "--meeting" "1 meeting"
same "--meeting"

[ "$failures" -eq 0 ] && echo "1 passed, 0 failed" || { echo "0 passed, 1 failed"; exit 1; }
