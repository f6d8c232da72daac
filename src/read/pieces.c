/* SPDX-License-Identifier: BSD-2-Clause */
/* Parsing pieces; see pieces.h. */
#include "pieces.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* The text of lines [first, last] as cmark reads it, with the document's
 * link reference definitions after it (they are document-wide). */
static const char *piece_text(const slog_text *t, const slog_chunk_plan *plan, int first, int last,
                              slog_buf *buf, size_t *len)
{
    size_t from = t->line_start[first - 1], to = t->line_start[last];
    *len = to - from;
    int fixed = 0; /* a broken fence's bytes in these lines, given as spaces */
    for (size_t i = 0; i < plan->nfixes && !fixed; i++)
        fixed = plan->fixes[i].line >= first && plan->fixes[i].line <= last;
    if (!plan->ndefs && !fixed)
        return t->data + from;
    slog_buf_clear(buf);
    slog_buf_put(buf, t->data + from, to - from);
    for (size_t i = 0; i < plan->nfixes && !buf->failed; i++) {
        const slog_fence_fix *f = &plan->fixes[i];
        if (f->line >= first && f->line <= last)
            memset(buf->data + t->line_start[f->line - 1] - from + f->from, ' ', f->to - f->from);
    }
    if (!plan->ndefs) {
        *len = buf->len;
        return buf->failed ? NULL : buf->data;
    }
    slog_buf_puts(buf, "\n\n");
    for (size_t i = 0; i < plan->ndefs; i++) {
        size_t n;
        const char *d = slog_text_line(t, plan->defs[i], &n);
        slog_buf_put(buf, d, n);
        slog_buf_put(buf, "\n", 1);
    }
    *len = buf->len;
    return buf->failed ? NULL : buf->data;
}

cmark_node *slog_piece_last_block(const slog_piece *p)
{
    cmark_node *n = cmark_node_last_child(p->root);
    while (n && cmark_node_get_start_line(n) + p->first - 1 > p->last)
        n = cmark_node_previous(n);
    return n;
}

int slog_piece_parse(const slog_text *t, const slog_chunk_plan *plan, size_t j,
                     slog_cmark_arena *arena, slog_buf *buf, slog_piece *out)
{
    out->first = plan->chunks[j].first;
    for (;;) {
        size_t len;
        out->last = plan->chunks[j].last;
        out->next = j + 1;
        const char *s = piece_text(t, plan, out->first, out->last, buf, &len);
        if (!s)
            return -1;
        slog_cmark_arena_reset(arena);
        out->root = slog_cmark_parse(arena, s, len);
        if (!out->root)
            return -1;
        if (j + 1 == plan->count)
            return 0;
        cmark_node *tail = slog_piece_last_block(out);
        cmark_node_type type = tail ? cmark_node_get_type(tail) : CMARK_NODE_NONE;
        int open_line = tail ? cmark_node_get_start_line(tail) + out->first - 1 : 0;
        if ((type != CMARK_NODE_CODE_BLOCK && type != CMARK_NODE_HTML_BLOCK) ||
            !slog_chunk_block_open(t, open_line, out->last))
            return 0;
        int end = slog_chunk_block_end(t, open_line);
        while (j + 1 < plan->count && plan->chunks[j].last < end - 1)
            j++;
    }
}

/* --- parsing ahead ------------------------------------------------------ */

/* Chunk k is parsed into slot k % nslots once the slot's turn is k (the
 * reader released chunk k - nslots): the parsers take chunks in order and
 * never hold more than nslots trees. */
typedef struct {
    slog_cmark_arena arena;
    slog_buf buf;
    slog_piece piece;
    size_t turn;
    enum { SLOT_FREE, SLOT_PARSING, SLOT_READY } state;
    int failed;
} slot;

struct slog_piece_queue {
    const slog_text *text;
    const slog_chunk_plan *plan;
    pthread_mutex_t lock;
    pthread_cond_t changed;
    size_t next_chunk; /* the next chunk a parser takes */
    int stop;
    slot *slots;
    size_t nslots;
    pthread_t threads[8];
    unsigned nthreads;
};

static void *parser_main(void *arg)
{
    slog_piece_queue *q = arg;
    pthread_mutex_lock(&q->lock);
    while (!q->stop && q->next_chunk < q->plan->count) {
        size_t k = q->next_chunk++;
        slot *s = &q->slots[k % q->nslots];
        while (!q->stop && !(s->turn == k && s->state == SLOT_FREE))
            pthread_cond_wait(&q->changed, &q->lock);
        if (q->stop)
            break;
        s->state = SLOT_PARSING;
        pthread_mutex_unlock(&q->lock);
        int failed = slog_piece_parse(q->text, q->plan, k, &s->arena, &s->buf, &s->piece) != 0;
        pthread_mutex_lock(&q->lock);
        s->failed = failed;
        s->state = SLOT_READY;
        pthread_cond_broadcast(&q->changed);
    }
    pthread_mutex_unlock(&q->lock);
    return NULL;
}

slog_piece_queue *slog_pieces_start(const slog_text *t, const slog_chunk_plan *plan,
                                    unsigned parsers)
{
    slog_piece_queue *q = calloc(1, sizeof *q);
    if (!q)
        return NULL;
    if (parsers > sizeof q->threads / sizeof *q->threads)
        parsers = sizeof q->threads / sizeof *q->threads;
    q->text = t;
    q->plan = plan;
    q->nslots = 2 * (size_t)parsers + 2;
    q->slots = calloc(q->nslots, sizeof *q->slots);
    if (!q->slots || pthread_mutex_init(&q->lock, NULL) != 0) {
        free(q->slots);
        free(q);
        return NULL;
    }
    if (pthread_cond_init(&q->changed, NULL) != 0) {
        pthread_mutex_destroy(&q->lock);
        free(q->slots);
        free(q);
        return NULL;
    }
    for (size_t i = 0; i < q->nslots; i++) {
        slog_cmark_arena_init(&q->slots[i].arena);
        q->slots[i].turn = i;
    }
    for (unsigned i = 0; i < parsers; i++)
        if (pthread_create(&q->threads[q->nthreads], NULL, parser_main, q) == 0)
            q->nthreads++;
    if (!q->nthreads) {
        slog_pieces_stop(q);
        return NULL;
    }
    return q;
}

int slog_pieces_take(slog_piece_queue *q, size_t j, slog_piece *out)
{
    slot *s = &q->slots[j % q->nslots];
    pthread_mutex_lock(&q->lock);
    while (!(s->turn == j && s->state == SLOT_READY))
        pthread_cond_wait(&q->changed, &q->lock);
    int failed = s->failed;
    *out = s->piece;
    pthread_mutex_unlock(&q->lock);
    /* walking allocates (iterators, literals) from the tree's arena */
    slog_cmark_arena_use(&s->arena);
    return failed ? -1 : 0;
}

void slog_pieces_release(slog_piece_queue *q, size_t j)
{
    slot *s = &q->slots[j % q->nslots];
    pthread_mutex_lock(&q->lock);
    s->state = SLOT_FREE;
    s->turn = j + q->nslots;
    pthread_cond_broadcast(&q->changed);
    pthread_mutex_unlock(&q->lock);
}

void slog_pieces_stop(slog_piece_queue *q)
{
    if (!q)
        return;
    pthread_mutex_lock(&q->lock);
    q->stop = 1;
    pthread_cond_broadcast(&q->changed);
    pthread_mutex_unlock(&q->lock);
    for (unsigned i = 0; i < q->nthreads; i++)
        pthread_join(q->threads[i], NULL);
    for (size_t i = 0; i < q->nslots; i++) {
        slog_cmark_arena_free(&q->slots[i].arena);
        slog_buf_free(&q->slots[i].buf);
    }
    pthread_cond_destroy(&q->changed);
    pthread_mutex_destroy(&q->lock);
    free(q->slots);
    free(q);
}
