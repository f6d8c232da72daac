/* cmark's memory in blocks; see cmark_arena.h. Every allocation carries its
 * size before it, so that realloc can copy (or grow the last allocation in
 * place). cmark's calloc must return zeroed memory: blocks are reused after
 * a reset, so allocations are cleared as they are handed out. */
#include "cmark_arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct slog_cmark_block {
    slog_cmark_block *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
};

enum { BLOCK_SIZE = 1 << 20, HEADER = 16 };


static size_t round_up(size_t n)
{
    return (n + 15) & ~(size_t)15;
}

/* cmark uses what its allocator returns without a check (its own aborts
 * when memory runs out); so does this one. */
static slog_cmark_block *new_block(size_t need)
{
    size_t size = need > BLOCK_SIZE ? need : BLOCK_SIZE;
    slog_cmark_block *b = malloc(sizeof *b + size);
    if (!b)
        abort();
    b->next = NULL;
    b->size = size;
    b->used = 0;
    return b;
}

/* Room for `n` bytes (with their header) in the current block or the next. */
static unsigned char *take(slog_cmark_arena *a, size_t n)
{
    size_t need = HEADER + round_up(n);
    while (a->cur && a->cur->used + need > a->cur->size) {
        if (!a->cur->next)
            a->cur->next = new_block(need);
        a->cur = a->cur->next;
        a->cur->used = 0;
    }
    if (!a->cur)
        a->first = a->cur = new_block(need);
    unsigned char *p = a->cur->data + a->cur->used + HEADER;
    a->cur->used += need;
    memcpy(p - HEADER, &n, sizeof n);
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

static void *mem_realloc(void *ptr, size_t size)
{
    if (!ptr)
        return take(current, size);
    size_t old;
    memcpy(&old, (unsigned char *)ptr - HEADER, sizeof old);
    slog_cmark_block *b = current->cur;
    /* the last allocation of the block grows in place */
    if (b && (unsigned char *)ptr + round_up(old) == b->data + b->used &&
        b->used - round_up(old) + round_up(size) <= b->size) {
        b->used = b->used - round_up(old) + round_up(size);
        memcpy((unsigned char *)ptr - HEADER, &size, sizeof size);
        return ptr;
    }
    unsigned char *p = take(current, size);
    memcpy(p, ptr, old < size ? old : size);
    return p;
}

static void mem_free(void *ptr)
{
    (void)ptr; /* the whole arena goes at once */
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
    a->cur = a->first;
    if (a->cur)
        a->cur->used = 0;
}

void slog_cmark_arena_free(slog_cmark_arena *a)
{
    for (slog_cmark_block *b = a->first; b;) {
        slog_cmark_block *next = b->next;
        free(b);
        b = next;
    }
    memset(a, 0, sizeof *a);
}
