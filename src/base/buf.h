/* SPDX-License-Identifier: BSD-2-Clause */
/* A growable byte buffer, always NUL-terminated; a failed allocation is
 * remembered (`failed`) so that a builder can append many pieces and check
 * once. */
#ifndef SLOG_BUF_H
#define SLOG_BUF_H

#include <stddef.h>

typedef struct {
    char *data;
    size_t len, cap;
    size_t limit; /* 0: none; appending beyond it fails */
    int failed;
} slog_buf;

/** Appends n bytes; 0, or -1 when out of memory or over the limit. */
int slog_buf_put(slog_buf *b, const char *s, size_t n);
/** Appends a NUL-terminated string. */
int slog_buf_puts(slog_buf *b, const char *s);
/** Empties the buffer, keeping its memory. */
void slog_buf_clear(slog_buf *b);
void slog_buf_free(slog_buf *b);

/** Room for one more element in the array whose pointer is at `items` (n
 * elements of `size` bytes, capacity *cap): doubled (from `first`) when
 * full. 0 when out of memory (the array is left as it was), else 1. */
int slog_grow(void *items, size_t *cap, size_t n, size_t size, size_t first);

#endif
