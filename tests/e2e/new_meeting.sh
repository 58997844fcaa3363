#!/usr/bin/env bash
# `agendapack new meeting` and `new report` on a copy of the example: what they write
# passes `check` as it stands (the date added to the year's list, the
# previous meeting's minutes drafted), the issue date is the statutory one,
# and it never writes over a folder, nor makes a meeting without its year file.
# usage: new_meeting.sh AGENDAPACK REPO_DIR
set -uo pipefail
agendapack=$1 repo=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$repo/content" "$repo/data" "$repo/templates" "$work"/
cd "$work"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

"$agendapack" new meeting --committee children-and-families --date 2024-11-14 > out.txt 2> err.txt || fail "new meeting exited $?: $(cat err.txt)"
dir=content/children-and-families/2024-11-14
[ -f "$dir/meeting.yaml" ] || fail "no meeting.yaml written"
grep -q "^issued: 2024-11-06 " "$dir/meeting.yaml" || fail "issue date is not five clear working days before: $(grep issued "$dir/meeting.yaml")"
grep -q "^venue: Conference Room 3 - Civic Centre$" "$dir/meeting.yaml" || fail "venue not taken from the last meeting"
grep -q "approve_minutes: \[06-minutes-2024-09-26.md\]" "$dir/meeting.yaml" || fail "minutes item does not name the previous meeting's minutes"
[ -f "$dir/06-minutes-2024-09-26.md" ] || fail "no draft minutes written"
grep -q "2024-11-14" content/children-and-families/2024-25.yaml || fail "date not added to the year's meetings"
grep -q "added 2024-11-14 to the meetings of" out.txt || fail "did not say it added the date"
"$agendapack" check > check.txt 2>&1 || fail "the new meeting does not pass check: $(cat check.txt)"

# A report for an item the agenda lists: the form's sections, and check still passes.
printf '  - title: SCHOOL ATTENDANCE\n    documents: [07-school-attendance.md]\n' >> "$dir/meeting.yaml"
"$agendapack" new report --meeting children-and-families-2024-11-14 --item 7 > out.txt 2> err.txt || fail "new report exited $?: $(cat err.txt)"
for section in "## Brief summary" "## Reasons for report recommendations" "## Policy framework implications"; do
  grep -qx "$section" "$dir/07-school-attendance.md" || fail "the report has no '$section'"
done
"$agendapack" check > check.txt 2>&1 || fail "the new report does not pass check: $(cat check.txt)"
"$agendapack" new report --meeting children-and-families-2024-11-14 --item 7 > out.txt 2> err.txt && fail "new report wrote over a report"
grep -q "lists no missing Markdown file numbered 07-" err.txt || fail "no message when the report exists: $(cat err.txt)"

# A committee that names its form gets that form's sections, whatever the date ("older" has no risk section).
printf 'cover_sheet: older\n' >> content/children-and-families/committee.yaml
printf '  - title: SCHOOL MEALS\n    documents: [08-school-meals.md]\n' >> "$dir/meeting.yaml"
"$agendapack" new report --meeting children-and-families-2024-11-14 --item 8 > out.txt 2> err.txt || fail "new report (named form) exited $?: $(cat err.txt)"
grep -q "^## Risk management implications" "$dir/08-school-meals.md" && fail "the committee's named form was not used"
grep -q "^## Legal implications" "$dir/08-school-meals.md" || fail "the named form's sections are missing"
sed -i '$d' content/children-and-families/committee.yaml

cp content/children-and-families/2024-25.yaml before.yaml
"$agendapack" new meeting --committee children-and-families --date 2024-11-14 > out.txt 2> err.txt && fail "wrote over an existing meeting"
grep -q "exists already" err.txt || fail "no message for an existing folder: $(cat err.txt)"
cmp -s before.yaml content/children-and-families/2024-25.yaml || fail "a refused run changed the year file"

"$agendapack" new meeting --committee children-and-families --date 2026-06-11 > out.txt 2> err.txt && fail "made a meeting with no year file"
grep -q "there is no content/children-and-families/2026-27.yaml" err.txt || fail "no message for a missing year file: $(cat err.txt)"
[ -e content/children-and-families/2026-06-11 ] && fail "a refused run wrote a folder"

"$agendapack" new meeting --committee nobody --date 2024-11-14 > out.txt 2> err.txt && fail "made a meeting for an unknown committee"
grep -q "committees are: children-and-families" err.txt || fail "no list of committees: $(cat err.txt)"
"$agendapack" new meeting --committee children-and-families --date 14/11/2024 > out.txt 2> err.txt
[ $? -eq 2 ] || fail "a date not written YYYY-MM-DD is not a usage error"

[ "$failures" -eq 0 ] && echo "1 passed, 0 failed" || { echo "0 passed, 1 failed"; exit 1; }
