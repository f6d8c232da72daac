/* SPDX-License-Identifier: BSD-2-Clause */
/* Planning the pieces of a document; see chunk.h. The scan is line by line
 * and conservative: when a line might open a fenced code block or an HTML
 * block, no cut is made until it is surely closed (a missed cut costs
 * speed, never correctness; the reader verifies the rest). */
#include "chunk.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *line_of(const slog_text *t, int n, size_t *len)
{
    return slog_text_line(t, n, len);
}

static int blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return 0;
    return 1;
}

static size_t indent_of(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && s[i] == ' ')
        i++;
    return i;
}

/* An ATX heading at column 0: 1-6 '#', then a space, a tab or the end. */
static int atx_level(const char *s, size_t len)
{
    size_t k = 0;
    while (k < len && s[k] == '#')
        k++;
    return k >= 1 && k <= 6 && (k == len || s[k] == ' ' || s[k] == '\t') ? (int)k : 0;
}

/* A fence opener (any indentation when `any`, else at most three spaces):
 * its character and length. */
static char fence_open(const char *s, size_t len, int any, size_t *n)
{
    size_t i = indent_of(s, len);
    if ((!any && i > 3) || i >= len || (s[i] != '`' && s[i] != '~'))
        return 0;
    char c = s[i];
    size_t k = i;
    while (k < len && s[k] == c)
        k++;
    if (k - i < 3 || (c == '`' && memchr(s + k, '`', len - k)))
        return 0;
    *n = k - i;
    return c;
}

static int fence_close(const char *s, size_t len, char c, size_t n, int any)
{
    size_t i = indent_of(s, len), k = i;
    if (!any && i > 3)
        return 0;
    while (k < len && s[k] == c)
        k++;
    return k - i >= n && blank(s + k, len - k);
}

static int prefix_ci(const char *s, size_t len, const char *p)
{
    size_t n = strlen(p);
    return len >= n && strncasecmp(s, p, n) == 0;
}

static int contains_ci(const char *s, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++)
        if (strncasecmp(s + i, needle, n) == 0)
            return 1;
    return 0;
}

static const char *const BLOCK_TAGS[] = {
    "address",  "article",  "aside",    "base",       "basefont", "blockquote", "body",   "caption",
    "center",   "col",      "colgroup", "dd",         "details",  "dialog",     "dir",    "div",
    "dl",       "dt",       "fieldset", "figcaption", "figure",   "footer",     "form",   "frame",
    "frameset", "h1",       "h2",       "h3",         "h4",       "h5",         "h6",     "head",
    "header",   "hr",       "html",     "iframe",     "legend",   "li",         "link",   "main",
    "menu",     "menuitem", "nav",      "noframes",   "ol",       "optgroup",   "option", "p",
    "param",    "section",  "source",   "summary",    "table",    "tbody",      "td",     "tfoot",
    "th",       "thead",    "title",    "tr",         "track",    "ul"};

static int tag_end(char c)
{
    return c == ' ' || c == '\t' || c == '>' || c == '/' || c == '\0';
}

/* CommonMark's HTML block start conditions 1-7 (0: none), after at most
 * three spaces. Condition 7 (any complete tag alone on its line) is read
 * loosely: a line opening with a tag and ending with '>'. */
static int html_start(const char *s, size_t len)
{
    size_t i = indent_of(s, len);
    if (i > 3 || i >= len || s[i] != '<')
        return 0;
    s += i;
    len -= i;
    static const char *const raw[] = {"<script", "<pre", "<style", "<textarea"};
    /* (never a byte past the line: an edit reads the caller's bytes, which
     * end there, not at a NUL) */
    for (size_t k = 0; k < 4; k++) {
        size_t n = strlen(raw[k]);
        if (prefix_ci(s, len, raw[k]) && (len == n || (tag_end(s[n]) && s[n] != '/')))
            return 1;
    }
    if (prefix_ci(s, len, "<!--"))
        return 2;
    if (prefix_ci(s, len, "<?"))
        return 3;
    if (prefix_ci(s, len, "<![CDATA["))
        return 5;
    if (len > 2 && s[1] == '!' && ((s[2] | 0x20) >= 'a' && (s[2] | 0x20) <= 'z'))
        return 4;
    size_t k = len > 1 && s[1] == '/' ? 2 : 1;
    for (size_t t = 0; t < sizeof BLOCK_TAGS / sizeof *BLOCK_TAGS; t++) {
        size_t n = strlen(BLOCK_TAGS[t]);
        if (len >= k + n && strncasecmp(s + k, BLOCK_TAGS[t], n) == 0 &&
            (len == k + n || tag_end(s[k + n])))
            return 6;
    }
    size_t e = len;
    while (e && (s[e - 1] == ' ' || s[e - 1] == '\t'))
        e--;
    if (len > k && ((s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'z') && e && s[e - 1] == '>')
        return 7;
    return 0;
}

/* The end condition of HTML block types 1-5 on this line. */
static int html_ends(const char *s, size_t len, int type)
{
    switch (type) {
    case 1:
        return contains_ci(s, len, "</script>") || contains_ci(s, len, "</pre>") ||
               contains_ci(s, len, "</style>") || contains_ci(s, len, "</textarea>");
    case 2:
        return contains_ci(s, len, "-->");
    case 3:
        return contains_ci(s, len, "?>");
    case 4:
        return memchr(s, '>', len) != NULL;
    case 5:
        return contains_ci(s, len, "]]>");
    default:
        return 0;
    }
}

/* A top-level list item at column 0: "- ", "* ", "+ ", "1. ", "1) ". */
static int list_start(const char *s, size_t len)
{
    if (len >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && (s[1] == ' ' || s[1] == '\t'))
        return 1;
    size_t k = 0;
    while (k < len && k < 9 && s[k] >= '0' && s[k] <= '9')
        k++;
    return k && k + 1 < len && (s[k] == '.' || s[k] == ')') &&
           (s[k + 1] == ' ' || s[k + 1] == '\t');
}

/* "[label]: " after at most three spaces: a link reference definition, maybe. */
static int def_line(const char *s, size_t len)
{
    size_t i = indent_of(s, len);
    if (i > 3 || i >= len || s[i] != '[')
        return 0;
    const char *close = memchr(s + i, ']', len - i);
    return close && close > s + i + 1 && (size_t)(close - s) + 1 < len && close[1] == ':';
}

/* The info string after a fence opener is a sentence: four words or more
 * (a language tag and its attributes are fewer). */
static int prose_info(const char *s, size_t len, size_t from)
{
    int words = 0, in_word = 0;
    for (size_t i = from; i < len; i++) {
        int w = s[i] != ' ' && s[i] != '\t';
        words += w && !in_word;
        in_word = w;
    }
    return words >= 4;
}

/* A fence opened at `line` with a sentence for its info string, closed on
 * a text line ("exit status 2```") within a few lines and before any real
 * closing fence: that line, with the fence's bytes on it; else 0. */
enum { BROKEN_FENCE_REACH = 200 };
static int broken_fence_end(const slog_text *t, int line, char c, size_t n, size_t *at)
{
    size_t len;
    const char *s = line_of(t, line, &len);
    size_t i = indent_of(s, len) + n;
    if (c != '`' || !prose_info(s, len, i))
        return 0;
    for (int l = line + 1; l <= (int)t->nlines && l <= line + BROKEN_FENCE_REACH; l++) {
        s = line_of(t, l, &len);
        if (fence_close(s, len, c, n, 1))
            return 0;
        size_t e = len;
        while (e && (s[e - 1] == ' ' || s[e - 1] == '\t'))
            e--;
        size_t k = e;
        while (k && s[k - 1] == c)
            k--;
        if (e - k >= n && k && !blank(s, k)) {
            *at = k;
            return l;
        }
    }
    return 0;
}

typedef struct {
    slog_chunk *c;
    size_t n, cap;
} chunk_vec;

static int push_fix(slog_chunk_plan *p, size_t *cap, int line, size_t from, size_t to)
{
    if (p->nfixes == *cap) {
        size_t c = *cap ? *cap * 2 : 4;
        slog_fence_fix *g = realloc(p->fixes, c * sizeof *g);
        if (!g)
            return 0;
        p->fixes = g;
        *cap = c;
    }
    p->fixes[p->nfixes++] = (slog_fence_fix){line, from, to};
    return 1;
}

static int push_chunk(chunk_vec *v, int first, int last, int in_list)
{
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 16;
        slog_chunk *g = realloc(v->c, cap * sizeof *g);
        if (!g)
            return 0;
        v->c = g;
        v->cap = cap;
    }
    v->c[v->n++] = (slog_chunk){first, last, in_list};
    return 1;
}

static int push_def(slog_chunk_plan *p, size_t *cap, int line)
{
    if (p->ndefs == *cap) {
        size_t c = *cap ? *cap * 2 : 16;
        int *g = realloc(p->defs, c * sizeof *g);
        if (!g)
            return 0;
        p->defs = g;
        *cap = c;
    }
    p->defs[p->ndefs++] = line;
    return 1;
}

static slog_status plan_make(const slog_text *t, int first, size_t target, slog_chunk_plan *plan,
                             unsigned char *inside);

slog_status slog_chunk_plan_make(const slog_text *t, int first, size_t target,
                                 slog_chunk_plan *plan)
{
    return plan_make(t, first, target, plan, NULL);
}

slog_status slog_chunk_inside(const slog_text *t, unsigned char *inside)
{
    slog_chunk_plan plan;
    slog_status st = plan_make(t, 1, SIZE_MAX, &plan, inside);
    slog_chunk_plan_free(&plan);
    return st;
}

/* The plan; with `inside`, also which lines are code (1) or HTML (2). */
static slog_status plan_make(const slog_text *t, int first, size_t target, slog_chunk_plan *plan,
                             unsigned char *inside)
{
    memset(plan, 0, sizeof *plan);
    size_t hard = target == SIZE_MAX ? SIZE_MAX : SLOG_CHUNK_HARD;
    if (!target)
        target = SLOG_CHUNK_TARGET;
    chunk_vec v = {0};
    size_t defcap = 0, fixcap = 0, size = 0, flen = 0;
    char fence = 0;
    int html = 0, prev_blank = 1, start = first, ok = 1, start_in_list = 0;
    int n = (int)t->nlines;
    for (int line = first; line <= n && ok; line++) {
        size_t len;
        const char *s = line_of(t, line, &len);
        size_t bytes = t->line_start[line] - t->line_start[line - 1];
        int is_blank = blank(s, len);
        /* counted everywhere: a false one only makes the reading whole */
        if (def_line(s, len))
            ok = ok && push_def(plan, &defcap, line);
        if (inside)
            inside[line] = fence ? 1 : html ? 2 : 0;
        if (fence) {
            if (fence_close(s, len, fence, flen, 1))
                fence = 0;
        } else if (html) {
            if ((html <= 5 && html_ends(s, len, html)) || (html >= 6 && is_blank))
                html = 0;
            else if (inside && html >= 6 && is_blank)
                inside[line] = 0;
        } else {
            int level = atx_level(s, len);
            int cut = line > start &&
                      ((level && size >= target) ||
                       (size >= hard && (list_start(s, len) || (prev_blank && !is_blank &&
                                                                s[0] != ' ' && s[0] != '\t'))));
            if (cut) {
                ok = push_chunk(&v, start, line - 1, start_in_list);
                start = line;
                size = 0;
                start_in_list = !level && list_start(s, len); /* a list may go on here */
            }
            plan->atx_h1 += level == 1;
            size_t close_at, open_at = indent_of(s, len);
            int close_line;
            if (!level && (fence = fence_open(s, len, 1, &flen)) != 0 &&
                (close_line = broken_fence_end(t, line, fence, flen, &close_at)) != 0) {
                size_t close_len;
                line_of(t, close_line, &close_len);
                ok = push_fix(plan, &fixcap, line, open_at, open_at + flen) &&
                     push_fix(plan, &fixcap, close_line, close_at, close_len);
                fence = 0; /* its lines are text */
            } else if (!level && !fence) {
                html = html_start(s, len);
                if (html && html <= 5 && html_ends(s, len, html))
                    html = 0;
            }
            if (inside)
                inside[line] = fence ? 1 : html ? 2 : 0;
        }
        prev_blank = is_blank;
        size += bytes;
    }
    if (ok && start <= n)
        ok = push_chunk(&v, start, n, start_in_list);
    /* Link reference definitions are document-wide and only cmark knows
     * which lines are definitions: a document that has them is read in one
     * piece, unless it is too large for that (then its definition lines are
     * given to every piece). */
    if (ok && plan->ndefs && t->len - t->line_start[first - 1] < SLOG_CHUNK_DEFS_WHOLE && v.n > 1) {
        v.c[0].last = n;
        v.n = 1;
    }
    if (!ok) {
        free(v.c);
        free(plan->defs);
        free(plan->fixes);
        memset(plan, 0, sizeof *plan);
        return SLOG_ERR_NOMEM;
    }
    plan->chunks = v.c;
    plan->count = v.n;
    return SLOG_OK;
}

void slog_chunk_plan_free(slog_chunk_plan *plan)
{
    free(plan->chunks);
    free(plan->defs);
    free(plan->fixes);
    memset(plan, 0, sizeof *plan);
}

int slog_chunk_block_end(const slog_text *t, int line)
{
    size_t len, flen;
    const char *s = line_of(t, line, &len);
    int n = (int)t->nlines;
    char fence = fence_open(s, len, 0, &flen);
    int html = fence ? 0 : html_start(s, len);
    if (!fence && !html)
        return line;
    if (html && html <= 5 && html_ends(s, len, html))
        return line + 1;
    for (int l = line + 1; l <= n; l++) {
        s = line_of(t, l, &len);
        if (fence && fence_close(s, len, fence, flen, 0))
            return l + 1;
        if (html && html <= 5 && html_ends(s, len, html))
            return l + 1;
        if (html >= 6 && blank(s, len))
            return l;
    }
    return n + 1;
}

int slog_chunk_block_open(const slog_text *t, int line, int last)
{
    return slog_chunk_block_end(t, line) > last + 1;
}

int slog_chunk_summary_line(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (len - i >= 9 && !strncasecmp(s + i, "<summary", 8) && (s[i + 8] == '>' || s[i + 8] == ' '))
        return 1;
    return len - i >= 10 && !strncasecmp(s + i, "</details>", 10) ? 2 : 0;
}
