/* SPDX-License-Identifier: BSD-2-Clause */
/* statuslog lsp: an open document's text — its file name from the URI, the
 * text replaced or spliced by didChange — and positions in it, in UTF-8
 * bytes or UTF-16 code units as the client asked (lsp.h). */
#define _GNU_SOURCE
#include "lsp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "file:///home/a%20b/log.md" -> "/home/a b/log.md"; another scheme keeps its
 * URI as its name (no configuration is looked up for it). */
char *lsp_path_of(const char *uri)
{
    if (strncmp(uri, "file://", 7) != 0)
        return strdup(uri);
    const char *p = uri + 7;
    char *out = malloc(strlen(p) + 1), *o = out;
    if (!out)
        return NULL;
    for (; *p; p++) {
        unsigned hi, lo;
        if (*p == '%' && p[1] && p[2] && sscanf(p + 1, "%1x%1x", &hi, &lo) == 2) {
            *o++ = (char)(hi * 16 + lo);
            p += 2;
        } else
            *o++ = *p;
    }
    *o = '\0';
    return out;
}

/* Room for a text of len bytes and its NUL (a quarter more, for the edits
 * to come). */
static int reserve(lsp_doc *d, size_t len)
{
    if (len + 1 <= d->cap)
        return 1;
    size_t cap = len + 1 + len / 4;
    char *t = realloc(d->text, cap);
    if (!t)
        return 0;
    d->text = t;
    d->cap = cap;
    return 1;
}

int lsp_doc_set_text(lsp_doc *d, const char *text, size_t len)
{
    if (!reserve(d, len))
        return 0;
    memmove(d->text, text, len);
    d->text[len] = '\0';
    d->len = len;
    d->nlines = 0;
    return 1;
}

/* Replaces [from, to) of the text with `with`. */
int lsp_doc_splice(lsp_doc *d, size_t from, size_t to, const char *with, size_t n)
{
    size_t len = d->len - (to - from) + n;
    if (!reserve(d, len))
        return 0;
    memmove(d->text + from + n, d->text + to, d->len - to + 1);
    memcpy(d->text + from, with, n);
    d->len = len;
    d->nlines = 0;
    return 1;
}

void lsp_doc_free(lsp_doc *d)
{
    free(d->starts);
    free(d->uri);
    free(d->path);
    free(d->text);
    slog_doc_free(d->model);
}

/* --- positions ---------------------------------------------------------------------- */

/* The line index: built once per text (a document of 25,000 entries asks
 * for the lines of each). */
static int index_lines(lsp_doc *d)
{
    if (d->nlines)
        return 1;
    size_t n = 1;
    for (const char *p = d->text; (p = memchr(p, '\n', (size_t)(d->text + d->len - p))); p++)
        n++;
    size_t *starts = realloc(d->starts, (n + 1) * sizeof *starts);
    if (!starts)
        return 0;
    d->starts = starts;
    size_t k = 0;
    starts[k++] = 0;
    for (size_t i = 0; i < d->len; i++)
        if (d->text[i] == '\n')
            starts[k++] = i + 1;
    starts[k] = d->len + 1; /* past the end: line k - 1 ends at len */
    d->nlines = k;
    return 1;
}

const char *lsp_line(const lsp_doc *cd, int line, size_t *len)
{
    lsp_doc *d = (lsp_doc *)cd; /* the index is a cache */
    if (!index_lines(d) || line < 1 || (size_t)line > d->nlines) {
        *len = 0;
        return d->text + (line < 1 ? 0 : d->len);
    }
    size_t a = d->starts[line - 1], b = d->starts[line] - 1; /* b: the '\n' or len */
    *len = b - a - (b > a && d->text[b - 1] == '\r');
    return d->text + a;
}

/* UTF-16 code units of the UTF-8 bytes s[0, n). */
static long units16(const char *s, size_t n)
{
    long u = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c & 0xC0) != 0x80)
            u += c >= 0xF0 ? 2 : 1;
    }
    return u;
}

size_t lsp_offset(const lsp_doc *d, const cJSON *position)
{
    const cJSON *l = cJSON_GetObjectItemCaseSensitive(position, "line");
    const cJSON *c = cJSON_GetObjectItemCaseSensitive(position, "character");
    long line = cJSON_IsNumber(l) && l->valuedouble >= 0 ? (long)l->valuedouble : 0;
    long ch = cJSON_IsNumber(c) && c->valuedouble >= 0 ? (long)c->valuedouble : 0;
    if (line > (long)d->len + 1)
        line = (long)d->len + 1;
    size_t len;
    const char *s = lsp_line(d, (int)line + 1, &len);
    size_t i = 0;
    if (d->utf16) {
        for (long u = 0; i < len && u < ch;) {
            unsigned char b = (unsigned char)s[i];
            size_t w = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
            u += w == 4 ? 2 : 1;
            i += w;
        }
    } else
        i = (size_t)ch;
    if (i > len)
        i = len;
    return (size_t)(s - d->text) + i;
}

cJSON *lsp_position(const lsp_doc *cd, size_t offset)
{
    lsp_doc *d = (lsp_doc *)cd;
    if (offset > d->len)
        offset = d->len;
    size_t lo = 0, hi = index_lines(d) ? d->nlines : 0; /* the last line starting <= offset */
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (d->starts[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    size_t start = d->nlines ? d->starts[lo] : 0;
    cJSON *pos = cJSON_CreateObject();
    cJSON_AddNumberToObject(pos, "line", (double)lo);
    cJSON_AddNumberToObject(
        pos, "character",
        (double)(d->utf16 ? units16(d->text + start, offset - start) : (long)(offset - start)));
    return pos;
}

cJSON *lsp_range_lines(const lsp_doc *d, int first, int last)
{
    size_t len;
    const char *a = lsp_line(d, first, &len);
    const char *b = lsp_line(d, last, &len);
    cJSON *r = cJSON_CreateObject();
    cJSON *start = cJSON_CreateObject(), *end = cJSON_CreateObject();
    cJSON_AddNumberToObject(start, "line", first - 1);
    cJSON_AddNumberToObject(start, "character", 0);
    cJSON_AddNumberToObject(end, "line", last - 1);
    cJSON_AddNumberToObject(end, "character", (double)(d->utf16 ? units16(b, len) : (long)len));
    (void)a;
    cJSON_AddItemToObject(r, "start", start);
    cJSON_AddItemToObject(r, "end", end);
    return r;
}

cJSON *lsp_edit_to(const lsp_doc *d, const char *to, size_t to_len)
{
    size_t pre = 0, suf = 0;
    while (pre < d->len && pre < to_len && d->text[pre] == to[pre])
        pre++;
    if (pre == d->len && pre == to_len)
        return NULL;
    while (suf < d->len - pre && suf < to_len - pre &&
           d->text[d->len - 1 - suf] == to[to_len - 1 - suf])
        suf++;
    /* whole lines: from the start of the first that differs */
    while (pre && d->text[pre - 1] != '\n')
        pre--;
    while (suf && d->text[d->len - suf] != '\n' && d->len - suf > pre)
        suf--;
    cJSON *edit = cJSON_CreateObject(), *range = cJSON_CreateObject();
    cJSON_AddItemToObject(range, "start", lsp_position(d, pre));
    cJSON_AddItemToObject(range, "end", lsp_position(d, d->len - suf));
    cJSON_AddItemToObject(edit, "range", range);
    char *text = strndup(to + pre, to_len - suf - pre);
    cJSON_AddStringToObject(edit, "newText", text ? text : "");
    free(text);
    return edit;
}
