/* Heading scanner; see scan.h. It follows CommonMark where logs need it:
 * fences (``` and ~~~, up to three spaces of indentation) hide headings; an
 * ATX heading is up to three spaces, 1-6 '#', then a space or the end; a
 * setext underline ('=' or '-' only) follows a paragraph line, and the
 * heading's first line is where that paragraph starts. */
#include "scan.h"

#include "datefind.h"
#include "dates.h"

#include <stdlib.h>
#include <string.h>

static void date_heading(slog_config *c, slog_scan_heading *h, const char *s, size_t len);

static size_t indent_of(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && s[i] == ' ')
        i++;
    return i;
}

static int blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return 0;
    return 1;
}

/* Fence opener: returns its char and sets *n to its length, or 0. */
static char fence_of(const char *s, size_t len, size_t *n)
{
    size_t i = indent_of(s, len);
    if (i > 3 || i >= len || (s[i] != '`' && s[i] != '~'))
        return 0;
    char c = s[i];
    size_t k = i;
    while (k < len && s[k] == c)
        k++;
    if (k - i < 3)
        return 0;
    if (c == '`' && memchr(s + k, '`', len - k)) /* a backtick fence's info has no backticks */
        return 0;
    *n = k - i;
    return c;
}

static int closes_fence(const char *s, size_t len, char c, size_t n)
{
    size_t i = indent_of(s, len), k = i;
    if (i > 3)
        return 0;
    while (k < len && s[k] == c)
        k++;
    return k - i >= n && blank(s + k, len - k);
}

/* ATX level (1-6) and the content's bounds, or 0. */
static int atx_level(const char *s, size_t len, size_t *cs, size_t *ce)
{
    size_t i = indent_of(s, len), k = i;
    if (i > 3)
        return 0;
    while (k < len && s[k] == '#')
        k++;
    size_t level = k - i;
    if (level < 1 || level > 6 || (k < len && s[k] != ' ' && s[k] != '\t'))
        return 0;
    while (k < len && (s[k] == ' ' || s[k] == '\t'))
        k++;
    size_t e = len;
    while (e > k && (s[e - 1] == ' ' || s[e - 1] == '\t'))
        e--;
    size_t h = e; /* an optional closing sequence of '#' after a space */
    while (h > k && s[h - 1] == '#')
        h--;
    if (h < e && (h == k || s[h - 1] == ' ' || s[h - 1] == '\t')) {
        e = h;
        while (e > k && (s[e - 1] == ' ' || s[e - 1] == '\t'))
            e--;
    }
    *cs = k;
    *ce = e;
    return (int)level;
}

/* 1 for '=' underline, 2 for '-', 0 otherwise. */
static int setext_underline(const char *s, size_t len)
{
    size_t i = indent_of(s, len);
    if (i > 3 || i >= len || (s[i] != '=' && s[i] != '-'))
        return 0;
    char c = s[i];
    size_t k = i;
    while (k < len && s[k] == c)
        k++;
    return blank(s + k, len - k) ? (c == '=' ? 1 : 2) : 0;
}

/* Three or more '-', '*' or '_' (spaces between allowed): a thematic break. */
static int thematic_break(const char *s, size_t len, size_t i)
{
    char c = s[i];
    if (c != '-' && c != '*' && c != '_')
        return 0;
    size_t n = 0;
    for (; i < len; i++) {
        if (s[i] == c)
            n++;
        else if (s[i] != ' ' && s[i] != '\t')
            return 0;
    }
    return n >= 3;
}

/* A line that can continue a paragraph and so carry a setext underline. */
static int paragraph_line(const char *s, size_t len)
{
    size_t i = indent_of(s, len);
    if (blank(s, len) || i > 3)
        return i > 3 && !blank(s, len) ? 2 : 0; /* 2: only as a continuation */
    if (thematic_break(s, len, i))
        return 0;
    char c = s[i];
    if (c == '>' || ((c == '-' || c == '*' || c == '+') && (i + 1 == len || s[i + 1] == ' ')))
        return 0;
    size_t k = i;
    while (k < len && k - i < 10 && s[k] >= '0' && s[k] <= '9')
        k++;
    if (k > i && k < len && (s[k] == '.' || s[k] == ')') && (k + 1 == len || s[k + 1] == ' '))
        return 0;
    return 1;
}

typedef struct {
    slog_scan_heading *h;
    size_t n, cap;
} hvec;

static slog_scan_heading *push(hvec *v)
{
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 64;
        slog_scan_heading *g = realloc(v->h, cap * sizeof *g);
        if (!g)
            return NULL;
        v->h = g;
        v->cap = cap;
    }
    memset(&v->h[v->n], 0, sizeof *v->h);
    return &v->h[v->n++];
}

void slog_scan_date(const slog_text *t, slog_config *c, slog_scan_heading *h)
{
    if (h->date_read)
        return;
    h->date_read = 1;
    h->seconds = -1;
    if (h->title)
        return;
    size_t len, cs = 0, ce;
    const char *s = slog_text_line(t, h->line, &len);
    if (!h->setext && atx_level(s, len, &cs, &ce)) {
        s += cs;
        len = ce - cs;
    } else {
        cs = indent_of(s, len);
        s += cs;
        len -= cs;
    }
    date_heading(c, h, s, len);
    if (h->dated) {
        h->span_start += cs;
        h->span_end += cs;
    }
}

static void date_heading(slog_config *c, slog_scan_heading *h, const char *s, size_t len)
{
    slog_found_date f;
    if (!slog_find_date(c, s, len, 0, 0, &f))
        return;
    h->dated = 1;
    h->date_valid = f.year && slog_found_day(&f, &h->day);
    h->span_start = f.start;
    h->span_end = f.end;
    h->seconds = f.time_end > f.time_start && f.time_valid ? f.seconds : -1;
}

slog_status slog_scan_headings(const slog_text *t, slog_scan_heading **out, size_t *count)
{
    hvec v = {0};
    char fence = 0;
    size_t fence_len = 0;
    int para_start = 0; /* first line of the current paragraph, 0 if none */
    for (int line = 1; (size_t)line <= t->nlines; line++) {
        size_t cs, ce, n;
        const char *s = t->data + t->line_start[line - 1];
        size_t len = t->line_start[line] - t->line_start[line - 1];
        while (len && (s[len - 1] == '\n' || s[len - 1] == '\r'))
            len--;
        /* most lines start with a letter or a bullet: skip them fast ("- x"
         * can be neither a fence, an ATX heading nor an underline) */
        if (!fence && len &&
            ((s[0] != '#' && s[0] != ' ' && s[0] != '`' && s[0] != '~' && s[0] != '=' &&
              s[0] != '-') ||
             (s[0] == '-' && len > 2 && s[1] == ' ' && s[2] != '-' && s[2] != ' '))) {
            int p = paragraph_line(s, len);
            if (p == 1 && !para_start)
                para_start = line;
            else if (!p)
                para_start = 0;
            continue;
        }
        if (fence) {
            if (closes_fence(s, len, fence, fence_len))
                fence = 0;
            continue;
        }
        char f = fence_of(s, len, &n);
        if (f) {
            fence = f;
            fence_len = n;
            para_start = 0;
            continue;
        }
        int level = atx_level(s, len, &cs, &ce);
        int under = para_start ? setext_underline(s, len) : 0;
        if (level || under) {
            slog_scan_heading *h = push(&v);
            if (!h) {
                free(v.h);
                return SLOG_ERR_NOMEM;
            }
            h->line = under ? para_start : line;
            h->end_line = line;
            h->level = level ? level : under;
            h->setext = !level;
            para_start = 0;
            continue;
        }
        int p = paragraph_line(s, len);
        if (p == 1 && !para_start)
            para_start = line;
        else if (!p)
            para_start = 0;
    }
    /* The title (first heading, level 1, the only level 1) is no entry. */
    size_t level1 = 0;
    for (size_t i = 0; i < v.n; i++)
        level1 += v.h[i].level == 1;
    if (v.n && v.h[0].level == 1 && level1 == 1)
        v.h[0].title = 1;
    *out = v.h;
    *count = v.n;
    return SLOG_OK;
}
