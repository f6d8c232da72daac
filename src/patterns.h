/* PCRE2 patterns: compiled once (JIT where available), matched with limits so
 * that a user's pattern cannot hang the tool. */
#ifndef SLOG_PATTERNS_H
#define SLOG_PATTERNS_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "statuslog/common.h"

typedef struct {
    pcre2_code *code;
    pcre2_match_data *md;
    pcre2_match_context *mctx;
} slog_regex;

/** Compiles `pattern` (UTF mode plus `options`). On failure fills err with
 * "<what>: <PCRE2 message> at offset N" and returns SLOG_ERR_INVALID. */
slog_status slog_regex_compile(slog_regex *re, const char *pattern, uint32_t options,
                               const char *what, slog_error *err);
/** Matches s[0..len) from `start`; 1 on a match, 0 otherwise (no match, or
 * the match limit was hit). */
int slog_regex_match(slog_regex *re, const char *s, size_t len, size_t start);
/** The same, the match starting exactly at `start`. */
int slog_regex_match_at(slog_regex *re, const char *s, size_t len, size_t start);
/** Bounds of group n of the last match; 1 when the group took part. */
int slog_regex_group(const slog_regex *re, int n, size_t *start, size_t *end);
/** Number of a named group, or -1. */
int slog_regex_group_number(const slog_regex *re, const char *name);
void slog_regex_free(slog_regex *re);

#endif
