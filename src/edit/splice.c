/* SPDX-License-Identifier: BSD-2-Clause */
/* Splices; see splice.h. */
#include "splice.h"

#include <stdlib.h>
#include <string.h>

static slog_splice *push(slog_splices *s)
{
    if (s->failed)
        return NULL;
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 16;
        slog_splice *g = realloc(s->v, cap * sizeof *g);
        if (!g) {
            s->failed = 1;
            return NULL;
        }
        s->v = g;
        s->cap = cap;
    }
    slog_splice *p = &s->v[s->n];
    memset(p, 0, sizeof *p);
    p->seq = s->n++;
    return p;
}

void slog_splices_insert(slog_splices *s, size_t at, const char *text, size_t len)
{
    if (!len)
        return;
    char *copy = malloc(len);
    slog_splice *p = copy ? push(s) : NULL;
    if (!p) {
        free(copy);
        s->failed = 1;
        return;
    }
    memcpy(copy, text, len);
    p->at = at;
    p->text = copy;
    p->len = len;
}

void slog_splices_delete(slog_splices *s, size_t from, size_t to)
{
    if (to <= from)
        return;
    slog_splice *p = push(s);
    if (p) {
        p->at = from;
        p->del = to - from;
    }
}

/* By offset; at one offset, insertions before the deletion that starts
 * there, each kind in the order added. */
static int by_offset(const void *a, const void *b)
{
    const slog_splice *x = a, *y = b;
    if (x->at != y->at)
        return x->at < y->at ? -1 : 1;
    if ((x->del > 0) != (y->del > 0))
        return x->del > 0 ? 1 : -1;
    return (x->seq > y->seq) - (x->seq < y->seq);
}

char *slog_splices_apply(slog_splices *s, const char *raw, size_t len, size_t *out_len)
{
    if (s->failed)
        return NULL;
    if (s->n)
        qsort(s->v, s->n, sizeof *s->v, by_offset);
    size_t total = len;
    for (size_t i = 0; i < s->n; i++)
        total += s->v[i].len;
    char *out = malloc(total + 1);
    if (!out)
        return NULL;
    size_t o = 0, from = 0; /* the original copied up to `from` */
    for (size_t i = 0; i < s->n; i++) {
        const slog_splice *p = &s->v[i];
        size_t at = p->at < from ? from : p->at > len ? len : p->at;
        memcpy(out + o, raw + from, at - from);
        o += at - from;
        from = at;
        if (p->len) {
            memcpy(out + o, p->text, p->len);
            o += p->len;
        }
        if (p->del)
            from = at + p->del > len ? len : at + p->del;
    }
    memcpy(out + o, raw + from, len - from);
    o += len - from;
    out[o] = '\0';
    *out_len = o;
    return out;
}

void slog_splices_free(slog_splices *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->v[i].text);
    free(s->v);
    memset(s, 0, sizeof *s);
}
