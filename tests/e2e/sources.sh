#!/usr/bin/env bash
# How the command reads the sources from disk (issue 14, items 7, 9 and 10):
# a link out of content/, data/ or templates/ (a CSV, a picture, a folder) is
# an error naming the link and where it points, and nothing of it is
# published; a link within the sources is followed; a file it may not read
# is reported as unreadable, not missing; a pipe is not waited on; a file
# over its kind's size limit is an error before it is read. Each error exits
# 1 and leaves the previous output exactly as it was. These need links,
# permissions and files of many megabytes made at run time, so they are not
# tests/errors cases.
# usage: sources.sh AGENDAPACK REPO_DIR
set -uo pipefail
agendapack=$1 repo=$2
work=$(mktemp -d)
trap 'chmod -R u+rwX "$work"; rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
templates="$repo/templates"
meeting=content/test-panel/2024-09-26

fresh() {  # a copy of the minimal fixture in $work/site, and a good build of it in $work/out
  rm -rf "$work/site" "$work/out" "$work/outside"
  cp -r "$repo/tests/fixtures/minimal" "$work/site"
  mkdir -p "$work/outside"
  (cd "$work/site" && "$agendapack" build --templates "$templates" --out "$work/out" > /dev/null 2>&1) || fail "the fixture does not build"
  before=$(cd "$work/out" && find . -type f -exec sha256sum {} + | sort)
}
# what expected-first-line: `build` fails with exit 1, prints exactly that
# first line, publishes nothing and leaves the previous output as it was.
expect_error() {
  local what=$1 expected=$2
  (cd "$work/site" && "$agendapack" build --templates "$templates" --out "$work/out") > "$work/stdout" 2> "$work/stderr"
  local status=$?
  [ "$status" -eq 1 ] || { fail "$what: exit $status, expected 1"; cat "$work/stderr"; }
  [ "$(head -n 1 "$work/stderr")" = "$expected" ] || fail "$what: expected
  $expected
got
  $(cat "$work/stderr")"
  local after
  after=$(cd "$work/out" && find . -type f -exec sha256sum {} + | sort)
  [ "$before" = "$after" ] || fail "$what: a failed build changed the output"
}

# A CSV linked to a file outside data/: its figures must not be published.
fresh
mv "$work/site/data/test-panel/places.csv" "$work/outside/places.csv"
ln -s "$work/outside/places.csv" "$work/site/data/test-panel/places.csv"
expect_error "linked CSV" \
  "data/test-panel/places.csv:1:1: 'data/test-panel/places.csv' is a link to '$work/outside/places.csv', outside data/: agendapack reads only what is inside data/ (copy the file in instead of linking to it)"

# A folder of data/ linked to a folder outside it.
fresh
mv "$work/site/data/test-panel" "$work/outside/test-panel"
ln -s ../../outside/test-panel "$work/site/data/test-panel"
expect_error "linked data folder" \
  "data/test-panel/places.csv:1:1: 'data/test-panel' is a link to '$work/outside/test-panel', outside data/: agendapack reads only what is inside data/ (copy the folder in instead of linking to it)"

# A picture beside a report, linked (by a relative link) to one outside content/.
fresh
mv "$work/site/$meeting/places-chart.png" "$work/outside/chart.png"
ln -s ../../../../outside/chart.png "$work/site/$meeting/places-chart.png"
expect_error "linked picture" \
  "$meeting/places-chart.png:1:1: '$meeting/places-chart.png' is a link to '$work/outside/chart.png', outside content/: agendapack reads only what is inside content/ (copy the file in instead of linking to it)"

# A meeting folder linked to a folder outside content/.
fresh
mv "$work/site/$meeting" "$work/outside/meeting"
ln -s "$work/outside/meeting" "$work/site/$meeting"
expect_error "linked meeting folder" \
  "$meeting:1:1: '$meeting' is a link to '$work/outside/meeting', outside content/: agendapack reads only what is inside content/ (copy the folder in instead of linking to it)"

# A template linked out of templates/.
fresh
cp -r "$templates" "$work/site/templates"
mv "$work/site/templates/html/style.css" "$work/outside/style.css"
ln -s "$work/outside/style.css" "$work/site/templates/html/style.css"
(cd "$work/site" && "$agendapack" check --templates templates) > /dev/null 2> "$work/stderr" && fail "linked template: check passed"
grep -qF "templates/html/style.css:1:1: 'templates/html/style.css' is a link to '$work/outside/style.css', outside templates/" "$work/stderr" ||
  fail "linked template: $(cat "$work/stderr")"

# Links that stay inside their folder are followed, and the site is the same.
fresh
mv "$work/site/data/test-panel/places.csv" "$work/site/data/places-original.csv"
ln -s ../places-original.csv "$work/site/data/test-panel/places.csv"
(cd "$work/site" && "$agendapack" build --templates "$templates" --out "$work/linked") > /dev/null 2> "$work/stderr" ||
  fail "a link inside data/ was refused: $(cat "$work/stderr")"
diff -r "$work/out" "$work/linked" > /dev/null || fail "a link inside data/ changed the site"

# A file the generator may not read: "permission denied", not "does not exist".
# chmod does not stop root, so as root the command runs as nobody.
fresh
chmod 000 "$work/site/$meeting/04-school-places.md"
if [ "$(id -u)" -eq 0 ]; then
  as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
  if command -v setpriv > /dev/null && as_nobody "$agendapack" --version > /dev/null 2>&1 && as_nobody test -r "$templates/pdf/style.yaml"; then
    chmod -R a+rwX "$work/out" && chmod a+rx "$work" && chmod -R a+rX "$work/site" && chmod 000 "$work/site/$meeting/04-school-places.md"
    (cd "$work/site" && as_nobody "$agendapack" check --templates "$templates") > /dev/null 2> "$work/stderr"
    status=$?
    [ "$status" -eq 1 ] || fail "unreadable file: exit $status, expected 1"
    [ "$(head -n 1 "$work/stderr")" = "$meeting/04-school-places.md:1:1: this file cannot be read: permission denied (agendapack needs to read every source: check its permissions)" ] ||
      fail "unreadable file: $(cat "$work/stderr")"
  else
    echo "SKIP: unreadable file (running as root, and cannot run agendapack as nobody)"
  fi
else
  expect_error "unreadable file" \
    "$meeting/04-school-places.md:1:1: this file cannot be read: permission denied (agendapack needs to read every source: check its permissions)"
fi
chmod 644 "$work/site/$meeting/04-school-places.md"

# A pipe where a data file should be: an error at once, never a wait for a writer.
fresh
rm "$work/site/data/test-panel/places.csv"
mkfifo "$work/site/data/test-panel/places.csv"
expect_error "pipe" "data/test-panel/places.csv:1:1: this is not an ordinary file (a device, a pipe or a socket): put the file itself here"

# Size limits, checked before a byte is read (the files are made sparse, or
# generated, here: none is committed).
fresh
python3 - "$work/site/content/people.yaml" << 'EOF'
import sys
with open(sys.argv[1], "a", encoding="utf-8") as people:
    i = 0
    while people.tell() < 9_000_000:
        people.write(f"person-{i}:\n  name: Person {i}\n  title: Officer {i}\n  email: person.{i}@example.gov.uk\n")
        i += 1
EOF
size=$(stat -c %s "$work/site/content/people.yaml")
mb=$(( (size + 99999) / 100000 ))
expect_error "YAML over its limit" \
  "content/people.yaml:1:1: the file is $((mb / 10)).$((mb % 10)) MB, more than the 8 MB agendapack reads of a YAML file: make it smaller (docs/FORMAT.md lists the limits)"

fresh
truncate -s 1000001 "$work/site/data/test-panel/places.csv"
expect_error "CSV a byte over its limit" \
  "data/test-panel/places.csv:1:1: the file is 1.1 MB, more than the 1 MB agendapack reads of a CSV file: make it smaller (docs/FORMAT.md lists the limits)"

fresh
truncate -s 50000000 "$work/site/$meeting/places-chart.png"
expect_error "picture over its limit" \
  "$meeting/places-chart.png:1:1: the file is 50.0 MB, more than the 20 MB agendapack reads of a picture: make it smaller (docs/FORMAT.md lists the limits)"

[ "$failures" -eq 0 ] && echo "1 passed, 0 failed" || { echo "0 passed, 1 failed"; exit 1; }
