/* SPDX-License-Identifier: BSD-2-Clause */
/* statuslog: validation (SPEC §3). */
#ifndef STATUSLOG_LINT_H
#define STATUSLOG_LINT_H

#include "statuslog/config.h"
#include "statuslog/diag.h"
#include "statuslog/doc.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    unsigned version;
    const slog_config *config; /* severities, stale_days, timezone; NULL: defaults */
    long today;                /* reference date, days since 1970-01-01 */
    int as_of;                 /* version 2: judge the document as it stood on `today`:
                                  nothing is reported inside entries dated later, and
                                  threads are judged on what was written by then */
} slog_lint_options;

#define SLOG_LINT_OPTIONS_VERSION 2

/** Adds the findings of every rule not turned off to `out`. Findings are not
 * errors: the status is SLOG_OK unless memory runs out. */
slog_status slog_lint(const slog_doc *doc, const slog_lint_options *opts, slog_diags *out,
                      slog_error *err);

/** Whether each thread of the document is stale (rule stale-item) as of
 * `day`, judged on what was written by then: stale[i] for doc->threads[i]
 * (room for doc->nthreads). */
slog_status slog_stale_threads(const slog_doc *doc, const slog_config *config, long day,
                               unsigned char *stale, slog_error *err);

/** Today's date in `timezone` (NULL: the machine's zone), as a day number. */
long slog_today(const char *timezone);

/** Parses "YYYY-MM-DD" into a day number; 0 on success, -1 if not a date. */
int slog_parse_date(const char *s, long *day);
/** Writes a day number as "YYYY-MM-DD" into out (11 bytes). */
void slog_format_date(long day, char out[11]);

/** An entry's time as seconds since 1970-01-01T00:00Z, for entries with a
 * time; a time without a known zone is taken in `timezone` (NULL: the
 * machine's zone). Returns 0, or -1 when the entry has no valid date and time. */
int slog_entry_instant(const slog_entry *e, const char *timezone, long long *out);

#ifdef __cplusplus
}
#endif
#endif
