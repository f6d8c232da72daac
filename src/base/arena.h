/* SPDX-License-Identifier: BSD-2-Clause */
/* A bump allocator: everything a document owns lives in its arena, so one
 * call frees it all and building the model costs few malloc calls. */
#ifndef SLOG_ARENA_H
#define SLOG_ARENA_H

#include <stddef.h>

typedef struct slog_arena_chunk slog_arena_chunk;

typedef struct {
    slog_arena_chunk *head;
} slog_arena;

/** Zeroed memory of `size` bytes, or NULL when out of memory. */
void *slog_arena_alloc(slog_arena *arena, size_t size);
/** Zeroed room for `size` chars, not aligned: for strings. */
char *slog_arena_chars(slog_arena *arena, size_t size);
/** A NUL-terminated copy of `len` bytes of `s`, or NULL. */
char *slog_arena_strndup(slog_arena *arena, const char *s, size_t len);
void slog_arena_free(slog_arena *arena);

/** malloc for a large buffer that will be written whole (a file's bytes):
 * from 2 MiB on, aligned and offered to the kernel as transparent huge
 * pages, *size rounded up to them. Freed (or grown) with free and realloc. */
void *slog_alloc_pages(size_t *size);

#endif
