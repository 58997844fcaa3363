#!/usr/bin/env bash
# Runs the fuzz targets one after another, each for SECONDS, on one core
# (one process: libFuzzer's default, as -jobs=1), over its corpus in
# CORPUS/<target>/ (seeded by seeds.py; what a run finds is added there). A crash, a sanitizer report, an exception other than InputError, an
# input taking more than 10 s or more than 2 GB is a finding: the input is
# kept in BUILD/findings/<target>/, every target still runs, and the script
# exits 1. A summary line per target goes to BUILD/fuzz-summary.txt.
# usage: run.sh BUILD SECONDS CORPUS [TARGET…]   (targets: fuzz_csv fuzz_yaml fuzz_markdown fuzz_build)
set -uo pipefail
build=$1 seconds=$2 corpora=$3
shift 3
here=$(cd "$(dirname "$0")" && pwd)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(fuzz_csv fuzz_yaml fuzz_markdown fuzz_build)
# A whole build reads all three kinds of file: its dictionary is the three together.
cat "$here/yaml.dict" "$here/markdown.dict" "$here/csv.dict" > "$build/fuzz_build.dict"
declare -A dict=([fuzz_csv]="$here/csv.dict" [fuzz_yaml]="$here/yaml.dict" [fuzz_markdown]="$here/markdown.dict"
                 [fuzz_build]="$build/fuzz_build.dict")

summary="$build/fuzz-summary.txt"
: > "$summary"
failed=()
for target in "${targets[@]}"; do
  corpus="$corpora/$target" findings="$build/findings/$target" log="$build/logs/$target.log"
  mkdir -p "$corpus" "$findings" "$build/logs"
  echo "== $target: ${seconds} s (log: $log)"
  start=$SECONDS
  "$build/fuzz/$target" "$corpus" -dict="${dict[$target]}" -max_total_time="$seconds" \
    -rss_limit_mb=2048 -timeout=10 -artifact_prefix="$findings/" -print_final_stats=1 \
    > "$log" 2>&1
  status=$?
  took=$((SECONDS - start))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  corp=$(grep -o 'corp: [0-9]*/[0-9]*[a-zA-Z]*' "$log" | tail -1 | cut -d' ' -f2)
  line="$target: ${took} s, ${execs:-?} execs, ${rate:-?} exec/s, corpus ${corp:-?} (units/bytes), exit $status"
  echo "$line" | tee -a "$summary"
  if [ "$status" -ne 0 ]; then
    failed+=("$target")
    grep -E '^(==[0-9]+== ?ERROR|SUMMARY|fuzz:|ALARM|artifact_prefix|Test unit written|.*runtime error)' "$log" | head -20
    echo "   (whole log: $log; inputs kept in $findings/)"
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing found problems in: ${failed[*]}" >&2
  exit 1
fi
