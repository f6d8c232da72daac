/* SPDX-License-Identifier: BSD-2-Clause */
/* cmark's memory in blocks; see cmark_arena.h. Every allocation carries its
 * size before it, so that realloc can copy (or grow the last allocation in
 * place). cmark's calloc must return zeroed memory: blocks are reused after
 * a reset, so allocations are cleared as they are handed out.
 *
 * Large allocations (a long line's buffer, a long paragraph's content, a
 * long literal) come from malloc, on a list the reset frees: cmark grows
 * such buffers by doubling and frees the old ones, which a bump allocator
 * would keep. */
#include "cmark_arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct slog_cmark_block {
    slog_cmark_block *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
};

/* Blocks grow from FIRST_BLOCK to BLOCK_SIZE: a small document costs a
 * small block, not a megabyte to fault in. */
enum { FIRST_BLOCK = 32 * 1024, BLOCK_SIZE = 1 << 20, LARGE = 64 * 1024 };

/* The two words before every allocation: its size, and whether it is large. */
typedef struct {
    size_t size;
    size_t large;
} alloc_header;

/* Before a large allocation: its neighbours on the arena's list, then the
 * same two words. */
struct slog_cmark_large {
    slog_cmark_large *prev, *next;
    alloc_header h;
};

#define HEADER sizeof(alloc_header)
_Static_assert(sizeof(alloc_header) == 16 && sizeof(slog_cmark_large) % 16 == 0,
               "allocations stay 16-byte aligned");

static size_t round_up(size_t n)
{
    return (n + 15) & ~(size_t)15;
}

static alloc_header *header_of(void *ptr)
{
    return (alloc_header *)ptr - 1;
}

/* cmark uses what its allocator returns without a check (its own aborts
 * when memory runs out); so does this one. */
static slog_cmark_block *new_block(size_t need, size_t after)
{
    size_t size = after ? (after * 2 < BLOCK_SIZE ? after * 2 : BLOCK_SIZE) : FIRST_BLOCK;
    if (size < need)
        size = need;
    slog_cmark_block *b = malloc(sizeof *b + size);
    if (!b)
        abort();
    b->next = NULL;
    b->size = size;
    b->used = 0;
    return b;
}

static unsigned char *take_large(slog_cmark_arena *a, size_t n)
{
    if (n > SIZE_MAX - sizeof(slog_cmark_large))
        abort();
    slog_cmark_large *l = malloc(sizeof *l + n);
    if (!l)
        abort();
    l->prev = NULL;
    l->next = a->large;
    l->h.size = n;
    l->h.large = 1;
    if (a->large)
        a->large->prev = l;
    a->large = l;
    return (unsigned char *)(l + 1);
}

static slog_cmark_large *large_of(void *ptr)
{
    return (slog_cmark_large *)ptr - 1;
}

static void unlink_large(slog_cmark_arena *a, slog_cmark_large *l)
{
    if (l->prev)
        l->prev->next = l->next;
    else
        a->large = l->next;
    if (l->next)
        l->next->prev = l->prev;
}

/* Room for `n` bytes (with their header) in the current block or the next. */
static unsigned char *take(slog_cmark_arena *a, size_t n)
{
    if (n >= LARGE)
        return take_large(a, n);
    size_t need = HEADER + round_up(n);
    while (a->cur && a->cur->used + need > a->cur->size) {
        if (!a->cur->next)
            a->cur->next = new_block(need, a->cur->size);
        a->cur = a->cur->next;
        a->cur->used = 0;
    }
    if (!a->cur)
        a->first = a->cur = new_block(need, 0);
    unsigned char *p = a->cur->data + a->cur->used + HEADER;
    a->cur->used += need;
    header_of(p)->size = n;
    header_of(p)->large = 0;
    return p;
}

/* cmark's cmark_mem functions get no context pointer: the arena of the
 * current thread stands in. */
static _Thread_local slog_cmark_arena *current;

static void *mem_calloc(size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        abort();
    unsigned char *p = take(current, count * size);
    memset(p, 0, count * size);
    return p;
}

static void *realloc_large(void *ptr, size_t size)
{
    slog_cmark_large *l = large_of(ptr);
    unlink_large(current, l);
    slog_cmark_large *grown = realloc(l, sizeof *l + size);
    if (!grown)
        abort();
    grown->prev = NULL;
    grown->next = current->large;
    grown->h.size = size;
    if (current->large)
        current->large->prev = grown;
    current->large = grown;
    return grown + 1;
}

static void *mem_realloc(void *ptr, size_t size)
{
    if (!ptr)
        return take(current, size);
    if (header_of(ptr)->large)
        return realloc_large(ptr, size);
    size_t old = header_of(ptr)->size;
    slog_cmark_block *b = current->cur;
    /* the last allocation of the block grows in place */
    if (size < LARGE && b && (unsigned char *)ptr + round_up(old) == b->data + b->used &&
        b->used - round_up(old) + round_up(size) <= b->size) {
        b->used = b->used - round_up(old) + round_up(size);
        header_of(ptr)->size = size;
        return ptr;
    }
    unsigned char *p = take(current, size);
    memcpy(p, ptr, old < size ? old : size);
    return p;
}

/* Small allocations go with the whole arena; large ones at once. */
static void mem_free(void *ptr)
{
    if (ptr && header_of(ptr)->large) {
        slog_cmark_large *l = large_of(ptr);
        unlink_large(current, l);
        free(l);
    }
}

static void free_large(slog_cmark_arena *a)
{
    while (a->large) {
        slog_cmark_large *next = a->large->next;
        free(a->large);
        a->large = next;
    }
}

void slog_cmark_arena_init(slog_cmark_arena *a)
{
    memset(a, 0, sizeof *a);
    a->mem.calloc = mem_calloc;
    a->mem.realloc = mem_realloc;
    a->mem.free = mem_free;
}

void slog_cmark_arena_use(slog_cmark_arena *a)
{
    current = a;
}

cmark_node *slog_cmark_parse(slog_cmark_arena *a, const char *text, size_t len)
{
    current = a;
    cmark_parser *p = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, &a->mem);
    cmark_parser_feed(p, text, len);
    cmark_node *root = cmark_parser_finish(p);
    cmark_parser_free(p);
    return root;
}

void slog_cmark_arena_reset(slog_cmark_arena *a)
{
    free_large(a);
    a->cur = a->first;
    if (a->cur)
        a->cur->used = 0;
}

void slog_cmark_arena_free(slog_cmark_arena *a)
{
    free_large(a);
    for (slog_cmark_block *b = a->first; b;) {
        slog_cmark_block *next = b->next;
        free(b);
        b = next;
    }
    memset(a, 0, sizeof *a);
}
