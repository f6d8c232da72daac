/* SPDX-License-Identifier: BSD-2-Clause */
/* PCRE2 wrapper; see patterns.h. */
#include "patterns.h"

#include "worker.h"

#include <string.h>

/* Generous for headings and item lines, small enough that a catastrophic
 * pattern gives up in milliseconds instead of hanging. */
enum { MATCH_LIMIT = 100000, DEPTH_LIMIT = 1000 };

slog_status slog_regex_compile(slog_regex *re, const char *pattern, uint32_t options,
                               const char *what, slog_error *err)
{
    memset(re, 0, sizeof *re);
    int code;
    PCRE2_SIZE offset;
    re->code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, PCRE2_UTF | options, &code,
                             &offset, NULL);
    if (!re->code) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(code, msg, sizeof msg);
        return slog_error_set(err, SLOG_ERR_INVALID, NULL, 0, "%s: %s at offset %zu", what,
                              (const char *)msg, (size_t)offset);
    }
    /* JIT is an optimization: when unavailable, the interpreter does the same. */
    pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE);
    re->md[0] = pcre2_match_data_create_from_pattern(re->code, NULL);
    re->mctx = pcre2_match_context_create(NULL);
    if (!re->md[0] || !re->mctx) {
        slog_regex_free(re);
        return slog_error_set(err, SLOG_ERR_NOMEM, NULL, 0, "out of memory");
    }
    pcre2_set_match_limit(re->mctx, MATCH_LIMIT);
    pcre2_set_depth_limit(re->mctx, DEPTH_LIMIT);
    return SLOG_OK;
}

/* This thread's match data; only this thread writes its slot. */
static pcre2_match_data *match_data(slog_regex *re)
{
    unsigned w = slog_worker_index();
    if (!re->md[w])
        re->md[w] = pcre2_match_data_create_from_pattern(re->code, NULL);
    return re->md[w];
}

static int match(slog_regex *re, const char *s, size_t len, size_t start, uint32_t options)
{
    pcre2_match_data *md = match_data(re);
    /* Text reaching here is valid UTF-8 (the decoder guarantees it). */
    return md && pcre2_match(re->code, (PCRE2_SPTR)s, len, start, PCRE2_NO_UTF_CHECK | options, md,
                             re->mctx) > 0;
}

int slog_regex_match(slog_regex *re, const char *s, size_t len, size_t start)
{
    return match(re, s, len, start, 0);
}

int slog_regex_match_at(slog_regex *re, const char *s, size_t len, size_t start)
{
    return match(re, s, len, start, PCRE2_ANCHORED);
}

int slog_regex_group(const slog_regex *re, int n, size_t *start, size_t *end)
{
    pcre2_match_data *md = re->md[slog_worker_index()];
    if (!md || n < 0 || (uint32_t)n >= pcre2_get_ovector_count(md))
        return 0;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    if (ov[2 * n] == PCRE2_UNSET)
        return 0;
    *start = ov[2 * n];
    *end = ov[2 * n + 1];
    return 1;
}

int slog_regex_group_number(const slog_regex *re, const char *name)
{
    int n = pcre2_substring_number_from_name(re->code, (PCRE2_SPTR)name);
    return n > 0 ? n : -1;
}

void slog_regex_free(slog_regex *re)
{
    pcre2_match_context_free(re->mctx);
    for (size_t w = 0; w < SLOG_MAX_JOBS; w++)
        pcre2_match_data_free(re->md[w]);
    pcre2_code_free(re->code);
    memset(re, 0, sizeof *re);
}
