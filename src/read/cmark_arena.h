/* SPDX-License-Identifier: BSD-2-Clause */
/* Memory for cmark's trees: a bump allocator that cmark uses through its
 * cmark_mem interface, reset (not freed node by node) once a piece has been
 * walked. malloc and free of millions of small nodes were half of a plain
 * cmark parse. One arena per thread. */
#ifndef SLOG_CMARK_ARENA_H
#define SLOG_CMARK_ARENA_H

#include <cmark.h>
#include <stddef.h>

typedef struct slog_cmark_block slog_cmark_block;
typedef struct slog_cmark_large slog_cmark_large;

typedef struct {
    cmark_mem mem;           /* must stay first */
    slog_cmark_block *first; /* blocks kept across resets */
    slog_cmark_block *cur;
    slog_cmark_large *large; /* allocations from malloc, freed by the reset */
} slog_cmark_arena;

void slog_cmark_arena_init(slog_cmark_arena *a);
/** Parses `len` bytes with the arena's memory. Like cmark's own allocator,
 * it aborts when memory runs out. */
cmark_node *slog_cmark_parse(slog_cmark_arena *a, const char *text, size_t len);
/** cmark's allocator functions get no context: the arena of the calling
 * thread is what they use (parsing sets it; a walk in another thread of a
 * tree parsed elsewhere must set it too, since iterators allocate). */
void slog_cmark_arena_use(slog_cmark_arena *a);
/** Forgets every tree parsed so far (their memory is reused). */
void slog_cmark_arena_reset(slog_cmark_arena *a);
void slog_cmark_arena_free(slog_cmark_arena *a);

#endif
