/* SPDX-License-Identifier: BSD-2-Clause */
/* Edits of a document's bytes as a list of splices — a range deleted and
 * bytes inserted at an offset of the original — applied in one pass, so
 * that every byte no splice touches is copied as it was (fix, merge). */
#ifndef SLOG_SPLICE_H
#define SLOG_SPLICE_H

#include <stddef.h>

typedef struct {
    size_t at, del; /* [at, at + del) of the original is replaced by ... */
    char *text;     /* ... these bytes (malloc'd, may be NULL) */
    size_t len;
    size_t seq; /* splices at one offset apply in the order they were added */
} slog_splice;

typedef struct {
    slog_splice *v;
    size_t n, cap;
    int failed; /* an allocation failed: the list is incomplete */
} slog_splices;

/** Inserts a copy of `len` bytes at offset `at`. */
void slog_splices_insert(slog_splices *s, size_t at, const char *text, size_t len);
/** Deletes [from, to). */
void slog_splices_delete(slog_splices *s, size_t from, size_t to);
/** The original with every splice applied (deleted ranges must not
 * overlap); malloc'd and NUL-terminated, or NULL when out of memory or when
 * the list failed. */
char *slog_splices_apply(slog_splices *s, const char *raw, size_t len, size_t *out_len);
void slog_splices_free(slog_splices *s);

#endif
