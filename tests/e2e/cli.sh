#!/usr/bin/env bash
# The command-line contract: exit codes, check writes nothing, --meeting, and
# a failed build leaves the previous output exactly as it was.
# usage: cli.sh AGENDAPACK REPO_DIR
set -uo pipefail
agendapack=$1 repo=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$repo"
failures=0
expect_status() {  # expected description command...
  local expected=$1 what=$2; shift 2
  "$@" > "$work/stdout" 2> "$work/stderr"
  local status=$?
  [ "$status" -eq "$expected" ] || { echo "FAIL: $what: exit $status, expected $expected"; cat "$work/stderr"; failures=$((failures + 1)); }
}

expect_status 0 "--help" "$agendapack" --help
grep -q "usage: agendapack build" "$work/stdout" || { echo "FAIL: --help prints no usage"; failures=$((failures + 1)); }
grep -q "docs/FORMAT.md" "$work/stdout" || { echo "FAIL: --help does not name docs/FORMAT.md"; failures=$((failures + 1)); }
[ "$(grep -c '^  agendapack ' "$work/stdout")" -ge 3 ] || { echo "FAIL: --help gives fewer than three examples"; failures=$((failures + 1)); }
expect_status 0 "help" "$agendapack" help
grep -q "usage: agendapack build" "$work/stdout" || { echo "FAIL: 'agendapack help' prints no usage"; failures=$((failures + 1)); }
expect_status 0 "--version" "$agendapack" --version
expect_status 2 "no command" "$agendapack"
expect_status 2 "unknown command" "$agendapack" publish
expect_status 2 "unknown option" "$agendapack" build --colour
expect_status 2 "option without value" "$agendapack" build --out
expect_status 2 "unknown meeting" "$agendapack" check --meeting children-and-families-1999-01-01

mkdir -p "$work/copy" && cp -r content data templates "$work/copy"/
expect_status 0 "check" env -C "$work/copy" "$agendapack" check
[ -e "$work/copy/output" ] && { echo "FAIL: check wrote output"; failures=$((failures + 1)); }
# The usual way: `build` in the sources' folder, into a new output/ beside them (a path with no folder part).
expect_status 0 "build into a new output/" env -C "$work/copy" "$agendapack" build --meeting children-and-families-2024-09-26
[ -f "$work/copy/output/index.html" ] || { echo "FAIL: build wrote no output/index.html"; failures=$((failures + 1)); }

expect_status 0 "build one meeting" "$agendapack" build --out "$work/one" --meeting children-and-families-2024-09-26
[ -f "$work/one/meetings/children-and-families-2024-09-26/index.html" ] || { echo "FAIL: --meeting did not build its meeting"; failures=$((failures + 1)); }
[ "$(ls "$work/one/meetings" | wc -l)" -eq 1 ] || { echo "FAIL: --meeting built other meetings"; failures=$((failures + 1)); }

# A good build, then a broken source: exit 1 and not one byte of output changes.
expect_status 0 "build" "$agendapack" build --out "$work/site"
before=$(cd "$work/site" && find . -type f -exec sha256sum {} + | sort)
cp -r content "$work/content"
printf 'venue: [unclosed\n' >> "$work/content/children-and-families/2024-09-26/meeting.yaml"
expect_status 1 "build with broken YAML" "$agendapack" build --content "$work/content" --out "$work/site"
grep -q "meeting.yaml:[0-9]*:[0-9]*: " "$work/stderr" || { echo "FAIL: error is not file:line:col"; failures=$((failures + 1)); }
after=$(cd "$work/site" && find . -type f -exec sha256sum {} + | sort)
[ "$before" = "$after" ] || { echo "FAIL: a failed build changed output/"; failures=$((failures + 1)); }

[ "$failures" -eq 0 ] && echo "1 passed, 0 failed" || { echo "0 passed, 1 failed"; exit 1; }
