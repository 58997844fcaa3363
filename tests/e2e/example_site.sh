#!/usr/bin/env bash
# The example content builds into a complete site: the index, a page per
# meeting with every agenda item title on it, a page per document; and two
# builds of the same sources are byte-identical.
# usage: example_site.sh AGENDAPACK REPO_DIR
set -euo pipefail
agendapack=$1 repo=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$repo"
"$agendapack" build --out "$work/a" > /dev/null
"$agendapack" build --out "$work/b" > /dev/null

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
html_escape() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g'; }
yaml_value() { sed -E 's/^[^:]*:[[:space:]]*//; s/^"(.*)"$/\1/'; }

[ -f "$work/a/index.html" ] || fail "no index.html"
checked_titles=0 checked_documents=0
for committee in content/*/; do
  name=$(basename "$committee")
  standard=$(grep -A200 '^standard_items:' "$committee/committee.yaml" | sed -n '2,$p' | sed '/^[a-z_]*:/,$d' | grep -E '^\s*- title:' | yaml_value || true)
  for meeting in "$committee"20*/; do
    date=$(basename "$meeting")
    page="$work/a/meetings/$name-$date/index.html"
    [ -f "$page" ] || { fail "no meeting page for $name-$date"; continue; }
    titles=$(grep -E '^\s*(- )?title:' "$meeting/meeting.yaml" | yaml_value || true)
    if ! grep -qE '^standard_items:\s*false' "$meeting/meeting.yaml"; then titles="$standard"$'\n'"$titles"; fi
    while IFS= read -r title; do
      [ -z "$title" ] && continue
      checked_titles=$((checked_titles + 1))
      grep -qF "$(printf '%s' "$title" | html_escape)" "$page" || fail "$name-$date: agenda title '$title' not on its page"
    done <<< "$titles"
    for document in $(grep -oE '[A-Za-z0-9_.-]+\.md' "$meeting/meeting.yaml" | sort -u); do
      checked_documents=$((checked_documents + 1))
      # Exempt documents are listed, never published.
      if grep -qE '^exempt:' "$meeting/$document"; then
        [ -f "$work/a/meetings/$name-$date/${document%.md}.html" ] && fail "$name-$date: exempt $document has a public page"
        continue
      fi
      [ -f "$work/a/meetings/$name-$date/${document%.md}.html" ] || fail "$name-$date: no page for $document"
    done
  done
done
[ "$checked_titles" -gt 20 ] || fail "only $checked_titles agenda titles found to check"
[ "$checked_documents" -gt 20 ] || fail "only $checked_documents documents found to check"
diff -r "$work/a" "$work/b" > /dev/null || fail "two builds of the same sources differ"

# Paragraph numbers as the seed pack printed them (Youth Justice cover, 26 September 2024: 1 … 22).
yj="$work/a/meetings/children-and-families-2024-09-26/07-youth-justice-service.html"
last=$(grep -o '<span class="num">[0-9]*\.</span><div class="para">' "$yj" | tail -1 | grep -o '[0-9]*' | head -1)
[ "$last" = "22" ] || fail "Youth Justice cover ends at paragraph '$last', the seed's ends at 22"

# The September 2024 scorecards carry the seed's figures, a computed RAG for
# every indicator with a target, and a legend.
sc="$work/a/meetings/children-and-families-2024-09-26/09-appendix-1-performance-report-september-2024.html"
grep -qF '<td>85</td><td>80</td><td>82</td><td>81</td><td class="tone-green">' "$sc" || fail "45-day assessments row differs from the seed (…85 80 82, target 81, Green)"
grep -qF '<td>81.6</td><td>81.1</td><td>-</td><td>82.5</td>' "$sc" || fail "45-day assessments comparators differ from the seed"
targets=$(python3 - "$sc" <<'PY'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
rated = unrated = 0
for table in re.findall(r'<table class="scorecard">(.*?)</table>', html, re.S):
    head = re.findall(r'<th scope="col">(.*?)</th>', table)
    t, r = head.index("Target"), head.index("RAG")
    for row in re.findall(r'<tr><th scope="row">.*?</tr>', table):
        cells = re.findall(r'<t[hd][^>]*>(.*?)</t[hd]>', row)
        if cells[t] != "-":
            if "rag-" in cells[r]: rated += 1
            else: unrated += 1
print(rated, unrated)
PY
)
set -- $targets
[ "${1:-0}" -gt 20 ] && [ "${2:-1}" -eq 0 ] || fail "scorecard indicators with targets: $1 rated, $2 without a RAG"
grep -q 'class="legend"' "$sc" || fail "the scorecards have no legend"

# The September 2024 tracker is built from the 8 August 2024 minutes and the status file: the seed's
# five rows, the three of minute 11 under one Date and Title.
tr="$work/a/meetings/children-and-families-2024-09-26/monitoring-scrutiny-recommendations-appendix-1.html"
[ "$(grep -c '^<tr><td' "$tr")" -eq 5 ] || fail "the tracker has $(grep -c '^<tr><td' "$tr") rows, the seed's has 5"
grep -qF '<td rowspan="3">08/08/24</td><td rowspan="3"><a href="06-minutes-2024-08-08.html#minute-11">Repeat Child Protection Plans</a>' "$tr" || fail "minute 11's recommendations are not grouped under one Date and Title"
[ "$(grep -o '<td>In progress</td>' "$tr" | wc -l)" -eq 3 ] || fail "the tracker should show three recommendations in progress"
echo "checked $checked_titles agenda titles and $checked_documents document pages"
[ "$failures" -eq 0 ] && echo "1 passed, 0 failed" || { echo "0 passed, 1 failed"; exit 1; }
