/* SPDX-License-Identifier: BSD-2-Clause */
/* Digest texts; see digest_text.h. */
#include "digest_text.h"

#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *slog_digest_short(const char *text, size_t max)
{
    size_t chars = 0, i = 0, len = strlen(text);
    while (i < len && chars < max) {
        i++;
        while (i < len && ((unsigned char)text[i] & 0xC0) == 0x80)
            i++;
        chars++;
    }
    if (i >= len)
        return strdup(text);
    /* cut at the last space of the second half, else where the limit fell */
    size_t cut = i;
    for (size_t k = i; k > i / 2; k--)
        if (text[k] == ' ') {
            cut = k;
            break;
        }
    /* a cut inside a code span goes before the span when that keeps half */
    size_t ticks = 0, last_tick = 0;
    for (size_t k = 0; k < cut; k++)
        if (text[k] == '`') {
            ticks++;
            last_tick = k;
        }
    if (ticks % 2 && last_tick > i / 2)
        cut = last_tick;
    while (cut && (text[cut - 1] == ' ' || text[cut - 1] == ',' || text[cut - 1] == ';'))
        cut--;
    char *out = malloc(cut + sizeof "…");
    if (!out)
        return NULL;
    memcpy(out, text, cut);
    memcpy(out + cut, "…", sizeof "…");
    return out;
}

static void put_escaped(slog_buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case '&':
            slog_buf_puts(b, "&amp;");
            break;
        case '<':
            slog_buf_puts(b, "&lt;");
            break;
        case '>':
            slog_buf_puts(b, "&gt;");
            break;
        case '"':
            slog_buf_puts(b, "&quot;");
            break;
        case '\'':
            slog_buf_puts(b, "&#39;");
            break;
        default:
            slog_buf_put(b, s + i, 1);
        }
    }
}

/* Escaped text with **strong** spans as <strong> (a "**" without its pair
 * stays text). */
static void put_inline(slog_buf *b, const char *s, size_t n)
{
    const char *end = s + n;
    while (s < end) {
        const char *open = NULL, *close = NULL;
        for (const char *p = s; p + 1 < end && !open; p++)
            if (p[0] == '*' && p[1] == '*')
                open = p;
        for (const char *p = open ? open + 2 : end; p + 1 < end && !close; p++)
            if (p[0] == '*' && p[1] == '*' && p > open + 2)
                close = p;
        if (!open || !close) {
            put_escaped(b, s, (size_t)(end - s));
            return;
        }
        put_escaped(b, s, (size_t)(open - s));
        slog_buf_puts(b, "<strong>");
        put_escaped(b, open + 2, (size_t)(close - open - 2));
        slog_buf_puts(b, "</strong>");
        s = close + 2;
    }
}

static size_t run_of(const char *s, char c)
{
    size_t n = 0;
    while (s[n] == c)
        n++;
    return n;
}

/* The next run of exactly n backticks at or after s, or NULL. */
static const char *closing_run(const char *s, size_t n)
{
    for (const char *p = strchr(s, '`'); p; p = strchr(p, '`')) {
        size_t k = run_of(p, '`');
        if (k == n)
            return p;
        p += k;
    }
    return NULL;
}

char *slog_digest_html(const char *text)
{
    slog_buf b = {0};
    const char *p = text;
    for (;;) {
        const char *tick = strchr(p, '`');
        if (!tick) {
            put_inline(&b, p, strlen(p));
            break;
        }
        size_t n = run_of(tick, '`');
        const char *end = closing_run(tick + n, n);
        if (!end) { /* no matching run: the backticks are text */
            put_inline(&b, p, (size_t)(tick - p) + n);
            p = tick + n;
            continue;
        }
        put_inline(&b, p, (size_t)(tick - p));
        slog_buf_puts(&b, "<code>");
        put_escaped(&b, tick + n, (size_t)(end - tick - n));
        slog_buf_puts(&b, "</code>");
        p = end + n;
    }
    slog_buf_put(&b, "", 0);
    if (b.failed) {
        slog_buf_free(&b);
        return NULL;
    }
    return b.data;
}

void slog_count_phrase(char *buf, size_t size, size_t n, const char *one, const char *many)
{
    snprintf(buf, size, "%zu %s", n, n == 1 ? one : many);
}

const char *slog_path_base(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash && slash[1] ? slash + 1 : path;
}
