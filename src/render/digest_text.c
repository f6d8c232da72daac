/* SPDX-License-Identifier: BSD-2-Clause */
/* Digest texts; see digest_text.h. */
#include "digest_text.h"

#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

/* The code span of `text` around offset `at`: 1 with its start and its end
 * (after the closing run), or 0 when `at` is outside every span. Spans are
 * matched by run length, as Markdown matches them. */
static int span_around(const char *text, size_t at, size_t *start, size_t *end)
{
    const char *p = text;
    for (const char *tick; (tick = strchr(p, '`')) != NULL && (size_t)(tick - text) < at;) {
        size_t n = run_of(tick, '`');
        const char *close = closing_run(tick + n, n);
        if (!close) {
            p = tick + n;
            continue;
        }
        if ((size_t)(close + n - text) > at) {
            *start = (size_t)(tick - text);
            *end = (size_t)(close + n - text);
            return 1;
        }
        p = close + n;
    }
    return 0;
}

/* The Markdown link "[text](target)" that offset `at` falls inside: 1 with
 * where its "[" stands, else 0 (a cut there would leave "[bug 77 tim…"). */
static int link_around(const char *text, size_t at, size_t *start)
{
    for (size_t k = at; k-- > 0;) {
        if (text[k] == ']' && text[k + 1] != '(')
            return 0; /* a bracket closed before the cut: no link open */
        if (text[k] == ')' && k + 1 < at)
            return 0;
        if (text[k] == '[') {
            const char *close = strchr(text + k, ']');
            int link = close && close[1] == '(' && strchr(close, ')') &&
                       (size_t)(strchr(close, ')') - text) >= at;
            if (link)
                *start = k;
            return link;
        }
    }
    return 0;
}

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
    /* never inside a code span: before it, or after it when the span began
     * in the first half (cutting before it would keep too little) */
    size_t a, b;
    if (span_around(text, cut, &a, &b))
        cut = a > i / 2 || b >= len ? a : b;
    if (link_around(text, cut, &a))
        cut = a;
    while (cut && (text[cut - 1] == ' ' || text[cut - 1] == ',' || text[cut - 1] == ';'))
        cut--;
    if (cut >= len)
        return strdup(text);
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

/* A link's address as HTML takes it: http(s), mailto or a relative path;
 * any other scheme ("javascript:") stays text. */
static int safe_url(const char *u, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (u[i] == ' ' || u[i] == '"' || u[i] == '<' || u[i] == '>' || u[i] == '\'')
            return 0;
    if ((n >= 7 && !strncasecmp(u, "http://", 7)) || (n >= 8 && !strncasecmp(u, "https://", 8)) ||
        (n >= 7 && !strncasecmp(u, "mailto:", 7)))
        return 1;
    for (size_t i = 0; i < n && u[i] != '/' && u[i] != '#' && u[i] != '?'; i++)
        if (u[i] == ':')
            return 0;
    return n > 0;
}

/* A Markdown link [text](url) at s: 1 and its parts, or 0. */
static int link_at(const char *s, const char *end, const char **text, size_t *tlen,
                   const char **url, size_t *ulen)
{
    if (*s != '[')
        return 0;
    const char *close = memchr(s, ']', (size_t)(end - s));
    if (!close || close == s + 1 || close + 1 >= end || close[1] != '(')
        return 0;
    const char *u = close + 2, *ue = memchr(u, ')', (size_t)(end - u));
    if (!ue)
        return 0;
    *text = s + 1;
    *tlen = (size_t)(close - s - 1);
    *url = u;
    *ulen = (size_t)(ue - u);
    return 1;
}

/* Escaped text with **strong** spans as <strong> (a "**" without its pair
 * stays text): a link's text. */
static void put_strong(slog_buf *b, const char *s, size_t n)
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

/* The next "**" at or after p that is not inside a code span, or NULL. */
static const char *next_strong(const char *p)
{
    while (*p) {
        if (*p == '`') {
            size_t n = run_of(p, '`');
            const char *close = closing_run(p + n, n);
            p = close ? close + n : p + n;
            continue;
        }
        if (p[0] == '*' && p[1] == '*')
            return p;
        p++;
    }
    return NULL;
}

/* Escaped, with a break allowed after each '/': a path in a code span
 * wraps at its folders, not inside a name. */
static void put_breakable(slog_buf *b, const char *s, size_t n)
{
    for (size_t i = 0, from = 0; i < n; i++)
        if (s[i] == '/' || i + 1 == n) {
            put_escaped(b, s + from, i + 1 - from);
            if (s[i] == '/' && i + 1 < n)
                slog_buf_puts(b, "<wbr>");
            from = i + 1;
        }
}

/* One pass: code spans as <code> (escaped, never cut), links [text](url)
 * as <a>, **strong** spans as <strong> — a strong span may hold code
 * ("**Reactive `classify` didn't match**") — and the rest escaped. */
char *slog_digest_html(const char *text)
{
    slog_buf b = {0};
    const char *end = text + strlen(text), *plain = text;
    int strong = 0;
    for (const char *p = text; p < end;) {
        const char *t, *u, *close;
        size_t tlen, ulen, n;
        n = *p == '`' ? run_of(p, '`') : 0;
        if (n && (close = closing_run(p + n, n))) {
            put_escaped(&b, plain, (size_t)(p - plain));
            slog_buf_puts(&b, "<code>");
            put_breakable(&b, p + n, (size_t)(close - p - n));
            slog_buf_puts(&b, "</code>");
            p = plain = close + n;
        } else if (n) {
            p += n; /* an unmatched run is text */
        } else if (*p == '[' && link_at(p, end, &t, &tlen, &u, &ulen) && safe_url(u, ulen)) {
            put_escaped(&b, plain, (size_t)(p - plain));
            slog_buf_puts(&b, "<a href=\"");
            put_escaped(&b, u, ulen);
            slog_buf_puts(&b, "\">");
            put_strong(&b, t, tlen);
            slog_buf_puts(&b, "</a>");
            p = plain = u + ulen + 1;
        } else if (p[0] == '*' && p[1] == '*' && (strong || next_strong(p + 2))) {
            put_escaped(&b, plain, (size_t)(p - plain));
            slog_buf_puts(&b, strong ? "</strong>" : "<strong>");
            strong = !strong;
            p = plain = p + 2;
        } else
            p++;
    }
    put_escaped(&b, plain, (size_t)(end - plain));
    if (strong)
        slog_buf_puts(&b, "</strong>");
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

/* Plain text for the text format: code spans without their backticks,
 * "**" and "__" gone, links as "text (url)". */
char *slog_digest_plain(const char *text)
{
    slog_buf b = {0};
    const char *end = text + strlen(text);
    for (const char *p = text; p < end;) {
        const char *t, *u;
        size_t tlen, ulen;
        if (*p == '`') {
            size_t n = run_of(p, '`');
            const char *close = closing_run(p + n, n);
            if (close) {
                slog_buf_put(&b, p + n, (size_t)(close - p - n));
                p = close + n;
                continue;
            }
            slog_buf_put(&b, p, n); /* an unmatched run is text */
            p += n;
            continue;
        }
        if (*p == '[' && link_at(p, end, &t, &tlen, &u, &ulen)) {
            slog_buf_put(&b, t, tlen);
            if (tlen != ulen || memcmp(t, u, ulen)) { /* a link named by its address: once */
                slog_buf_puts(&b, " (");
                slog_buf_put(&b, u, ulen);
                slog_buf_puts(&b, ")");
            }
            p = u + ulen + 1;
            continue;
        }
        if ((p[0] == '*' || p[0] == '_') && p + 1 < end && p[1] == p[0]) {
            p += 2;
            continue;
        }
        slog_buf_put(&b, p, 1);
        p++;
    }
    slog_buf_put(&b, "", 0);
    if (b.failed) {
        slog_buf_free(&b);
        return NULL;
    }
    return b.data;
}

char *slog_digest_path_html(const char *path)
{
    slog_buf b = {0};
    for (const char *p = path; *p; p++) {
        put_escaped(&b, p, 1);
        if (*p == '/')
            slog_buf_puts(&b, "<wbr>");
    }
    slog_buf_put(&b, "", 0);
    if (b.failed) {
        slog_buf_free(&b);
        return NULL;
    }
    return b.data;
}
