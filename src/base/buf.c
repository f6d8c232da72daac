/* SPDX-License-Identifier: BSD-2-Clause */
/* Growable buffer; see buf.h. */
#include "buf.h"

#include <stdlib.h>
#include <string.h>

int slog_buf_put(slog_buf *b, const char *s, size_t n)
{
    if (b->failed)
        return -1;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *g = b->limit && cap > b->limit ? NULL : realloc(b->data, cap);
        if (!g) {
            b->failed = 1;
            return -1;
        }
        b->data = g;
        b->cap = cap;
    }
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

int slog_buf_puts(slog_buf *b, const char *s)
{
    return slog_buf_put(b, s, strlen(s));
}

void slog_buf_clear(slog_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void slog_buf_free(slog_buf *b)
{
    free(b->data);
    memset(b, 0, sizeof *b);
}

int slog_grow(void *items, size_t *cap, size_t n, size_t size, size_t first)
{
    if (n < *cap)
        return 1;
    size_t grown = *cap ? 2 * *cap : first;
    void **array = items;
    void *g = realloc(*array, grown * size);
    if (!g)
        return 0;
    *array = g;
    *cap = grown;
    return 1;
}
