/* SPDX-License-Identifier: BSD-2-Clause */
/* Bump allocator over a list of chunks; see arena.h. */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

enum { CHUNK_SIZE = 64 * 1024 };

/* Transparent huge pages: 2 MiB. */
enum { HUGE_PAGE = 2 << 20 };

struct slog_arena_chunk {
    slog_arena_chunk *next;
    size_t used, size;
    max_align_t data[];
};

/* Objects of the model hold pointers, sizes, ints and doubles: aligned to
 * 8 bytes, not max_align_t's 16, so that a 88-byte item takes 88. */
enum { OBJECT_ALIGN = 8 };

static void *take(slog_arena *arena, size_t size, size_t align)
{
    slog_arena_chunk *c = arena->head;
    size_t pad = c ? (0 - c->used) & (align - 1) : 0;
    if (!c || c->size - c->used < size || c->size - c->used - size < pad) {
        size_t cap = size > CHUNK_SIZE ? size : CHUNK_SIZE;
        if (cap > SIZE_MAX - sizeof *c)
            return NULL;
        c = malloc(sizeof *c + cap);
        if (!c)
            return NULL;
        c->size = cap;
        c->used = 0;
        pad = 0;
        /* A large block goes behind the current chunk so its free space stays usable. */
        if (arena->head && size > CHUNK_SIZE) {
            c->next = arena->head->next;
            arena->head->next = c;
        } else {
            c->next = arena->head;
            arena->head = c;
        }
    }
    void *p = (char *)c->data + c->used + pad;
    c->used += pad + size;
    memset(p, 0, size);
    return p;
}

void *slog_alloc_pages(size_t *size)
{
#ifdef MADV_HUGEPAGE
    if (*size >= HUGE_PAGE) {
        size_t total = (*size + HUGE_PAGE - 1) & ~(size_t)(HUGE_PAGE - 1);
        void *p;
        if (total < *size || posix_memalign(&p, HUGE_PAGE, total) != 0)
            return NULL;
        (void)madvise(p, total, MADV_HUGEPAGE); /* a hint: no matter if refused */
        *size = total;
        return p;
    }
#endif
    return malloc(*size);
}

void *slog_arena_alloc(slog_arena *arena, size_t size)
{
    return take(arena, size, OBJECT_ALIGN);
}

char *slog_arena_chars(slog_arena *arena, size_t size)
{
    return take(arena, size, 1);
}

char *slog_arena_strndup(slog_arena *arena, const char *s, size_t len)
{
    if (len == SIZE_MAX)
        return NULL;
    char *p = take(arena, len + 1, 1);
    if (p) {
        memcpy(p, s, len);
        p[len] = '\0';
    }
    return p;
}

void slog_arena_free(slog_arena *arena)
{
    slog_arena_chunk *c = arena->head;
    while (c) {
        slog_arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    arena->head = NULL;
}
