#!/usr/bin/env bash
# Runs the whole test suite in a build made with -DAGENDAPACK_SANITIZE=ON
# (`make sanitize` builds it in build-sanitize/ and calls this). Every
# sanitized process — the unit tests, the golden runner, and the agendapack
# command that the error, end-to-end and browser tests start — stops at its
# first AddressSanitizer, LeakSanitizer or UndefinedBehaviorSanitizer report
# and writes it to BUILD/sanitizer-logs/. The run fails if a test fails or if
# anything was written there, so a report is caught even where a test expects
# the command to fail and does not look at why.
# usage: sanitize-test.sh BUILD_DIR [JOBS [CTEST_ARGS...]]   (e.g. -R e2e.cli for one test)
set -euo pipefail
build=$(cd "$1" && pwd) jobs=${2:-2}
shift $(($# < 2 ? $# : 2))
repo=$(cd "$(dirname "$0")/.." && pwd)
logs="$build/sanitizer-logs"
rm -rf "$logs"
mkdir -p "$logs"

# Both runtimes get the same log_path: with GCC, UBSan sets the report path
# the two share from its own options when it starts, and writes its reports
# to standard error anyway, each then copied to the log as one line
# (tests/sanitize/ubsan_report.cpp). Leaks are detected; LeakSanitizer's
# suppressions (tests/sanitize/lsan.supp) name only other projects' libraries.
export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:detect_leaks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1:strict_string_checks=1:log_path=$logs/report"
export LSAN_OPTIONS="suppressions=$repo/tests/sanitize/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:abort_on_error=1:print_stacktrace=1:log_path=$logs/report"

status=0
(cd "$build" && ctest --output-on-failure -j "$jobs" --timeout 1800 "$@") || status=$?

reports=$(find "$logs" -type f | sort)
if [ -n "$reports" ]; then
  for report in $reports; do
    echo "==== $report"
    cat "$report"
  done
  echo "sanitize: $(echo "$reports" | wc -l) sanitizer report(s), above"
  exit 1
fi
[ "$status" -eq 0 ] || exit "$status"
echo "sanitize: every test passed under AddressSanitizer, LeakSanitizer and UndefinedBehaviorSanitizer, no report"
