/* SPDX-License-Identifier: BSD-2-Clause */
/* PCRE2 patterns: compiled once (JIT where available), matched with limits so
 * that a user's pattern cannot hang the tool. */
#ifndef SLOG_PATTERNS_H
#define SLOG_PATTERNS_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "statuslog/common.h"
#include "statuslog/parallel.h"

/* A compiled pattern may be matched by the threads of a parallel loop at
 * once: each has its own match data (made on its first match), chosen by
 * slog_worker_index(); the code and the limits are shared. */
typedef struct {
    pcre2_code *code;
    pcre2_match_data *md[SLOG_MAX_JOBS];
    pcre2_match_context *mctx;
} slog_regex;

/** Compiles `pattern` (UTF mode plus `options`). On failure fills err with
 * "<what>: <PCRE2 message> at offset N" and returns SLOG_ERR_INVALID. */
slog_status slog_regex_compile(slog_regex *re, const char *pattern, uint32_t options,
                               const char *what, slog_error *err);
/** Matches s[0..len) from `start`; 1 on a match, 0 otherwise (no match,
 * the match limit was hit, or no memory for this thread's match data). */
int slog_regex_match(slog_regex *re, const char *s, size_t len, size_t start);
/** The same, the match starting exactly at `start`. */
int slog_regex_match_at(slog_regex *re, const char *s, size_t len, size_t start);
/** Bounds of group n of this thread's last match; 1 when the group took part. */
int slog_regex_group(const slog_regex *re, int n, size_t *start, size_t *end);
/** Number of a named group, or -1. */
int slog_regex_group_number(const slog_regex *re, const char *name);
void slog_regex_free(slog_regex *re);

#endif
