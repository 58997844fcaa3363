// Linked into every program of a sanitized build (AGENDAPACK_SANITIZE=ON,
// `make sanitize`), never into a normal one.
//
// With GCC, UndefinedBehaviorSanitizer and AddressSanitizer are two runtime
// libraries, and log_path steers only AddressSanitizer's reports: UBSan's go
// to standard error whatever UBSAN_OPTIONS says. A test that expects the
// command to fail and does not read why would let one pass unseen. So each
// UBSan report is also written, one line, through AddressSanitizer's report
// file — BUILD/sanitizer-logs/ under scripts/sanitize-test.sh, which fails the
// run if anything is there. (That script gives UBSAN_OPTIONS the same
// log_path as ASAN_OPTIONS: UBSan, starting at its first report, sets the
// shared report path from its own options.)
#include <cstdio>

extern "C" {

void __ubsan_get_current_report_data(const char** kind, const char** message, const char** file, unsigned* line,
                                     unsigned* column, char** address);
void __sanitizer_report_error_summary(const char* summary);

// Called by the UBSan runtime after it prints a report, before it stops the program.
void __ubsan_on_report() {
    const char* kind = "";
    const char* message = "";
    const char* file = "";
    unsigned line = 0;
    unsigned column = 0;
    char* address = nullptr;
    __ubsan_get_current_report_data(&kind, &message, &file, &line, &column, &address);
    char summary[2048];
    std::snprintf(summary, sizeof summary, "UndefinedBehaviorSanitizer: %s at %s:%u:%u: %s (the full report is on the test's standard error)",
                  kind, file, line, column, message);
    __sanitizer_report_error_summary(summary);
}

}  // extern "C"
