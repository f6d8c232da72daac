/* PCRE2 wrapper; see patterns.h. */
#include "patterns.h"

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
    re->code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
                             PCRE2_UTF | options, &code, &offset, NULL);
    if (!re->code) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(code, msg, sizeof msg);
        return slog_error_set(err, SLOG_ERR_INVALID, NULL, 0, "%s: %s at offset %zu", what,
                              (const char *)msg, (size_t)offset);
    }
    /* JIT is an optimization: when unavailable, the interpreter does the same. */
    pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE);
    re->md = pcre2_match_data_create_from_pattern(re->code, NULL);
    re->mctx = pcre2_match_context_create(NULL);
    if (!re->md || !re->mctx) {
        slog_regex_free(re);
        return slog_error_set(err, SLOG_ERR_NOMEM, NULL, 0, "out of memory");
    }
    pcre2_set_match_limit(re->mctx, MATCH_LIMIT);
    pcre2_set_depth_limit(re->mctx, DEPTH_LIMIT);
    return SLOG_OK;
}

int slog_regex_match(slog_regex *re, const char *s, size_t len, size_t start)
{
    /* Text reaching here is valid UTF-8 (the decoder guarantees it). */
    int rc = pcre2_match(re->code, (PCRE2_SPTR)s, len, start, PCRE2_NO_UTF_CHECK, re->md, re->mctx);
    return rc > 0;
}

int slog_regex_match_at(slog_regex *re, const char *s, size_t len, size_t start)
{
    int rc = pcre2_match(re->code, (PCRE2_SPTR)s, len, start, PCRE2_NO_UTF_CHECK | PCRE2_ANCHORED,
                         re->md, re->mctx);
    return rc > 0;
}

int slog_regex_group(const slog_regex *re, int n, size_t *start, size_t *end)
{
    if (n < 0 || (uint32_t)n >= pcre2_get_ovector_count(re->md))
        return 0;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(re->md);
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
    pcre2_match_data_free(re->md);
    pcre2_code_free(re->code);
    memset(re, 0, sizeof *re);
}
