/* Bump allocator over a list of chunks; see arena.h. */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { CHUNK_SIZE = 64 * 1024 };

struct slog_arena_chunk {
    slog_arena_chunk *next;
    size_t used, size;
    max_align_t data[];
};

void *slog_arena_alloc(slog_arena *arena, size_t size)
{
    size = (size + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1);
    slog_arena_chunk *c = arena->head;
    if (!c || c->size - c->used < size) {
        size_t cap = size > CHUNK_SIZE ? size : CHUNK_SIZE;
        if (cap > SIZE_MAX - sizeof *c)
            return NULL;
        c = malloc(sizeof *c + cap);
        if (!c)
            return NULL;
        c->size = cap;
        c->used = 0;
        /* A large block goes behind the current chunk so its free space stays usable. */
        if (arena->head && size > CHUNK_SIZE) {
            c->next = arena->head->next;
            arena->head->next = c;
        } else {
            c->next = arena->head;
            arena->head = c;
        }
    }
    void *p = (char *)c->data + c->used;
    c->used += size;
    memset(p, 0, size);
    return p;
}

char *slog_arena_strndup(slog_arena *arena, const char *s, size_t len)
{
    char *p = slog_arena_alloc(arena, len + 1);
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
