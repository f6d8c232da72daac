/* SPDX-License-Identifier: BSD-2-Clause */
/* statuslog: status codes and the error record every fallible call fills. */
#ifndef STATUSLOG_COMMON_H
#define STATUSLOG_COMMON_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Status of a library call: 0 on success, negative on failure. Findings
 * (lint diagnostics, regressions) are data, never a failing status. */
typedef enum {
    SLOG_OK = 0,
    SLOG_ERR_NOMEM = -1,    /* an allocation failed */
    SLOG_ERR_IO = -2,       /* a file could not be read or written */
    SLOG_ERR_INVALID = -3,  /* invalid input: option, configuration, JSON, pattern */
    SLOG_ERR_TOO_LARGE = -4 /* input above SLOG_MAX_INPUT_BYTES */
} slog_status;

/** What went wrong, where. `file` names the input (may be empty); `line` and
 * `column` are 1-based positions inside it, 0 when they do not apply. */
typedef struct {
    slog_status status;
    char message[512];
    char file[512];
    int line;
    int column;
} slog_error;

/** Resets an error record to "no error". */
void slog_error_clear(slog_error *err);

/** Fills `err` (when not NULL) and returns `status`, so callers can write
 * `return slog_error_set(err, SLOG_ERR_IO, path, 0, "cannot read: %s", ...)`. */
slog_status slog_error_set(slog_error *err, slog_status status, const char *file, int line,
                           const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/** The length of the longest prefix of s[0, n) that is valid UTF-8 (it
 * stops before an invalid byte or a sequence cut short). */
size_t slog_utf8_prefix(const char *s, size_t n);

/** At most `max` bytes of the valid UTF-8 text s[0, n), backed off to the
 * start of a character: where to cut it without splitting one. */
size_t slog_utf8_cut(const char *s, size_t n, size_t max);

/** The library version, "MAJOR.MINOR.PATCH". */
const char *slog_version(void);

#ifdef __cplusplus
}
#endif
#endif
