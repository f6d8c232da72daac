/* SPDX-License-Identifier: BSD-2-Clause */
/* open-checklist: boxes under a caption that names a piece of work
 * ("**Remaining for Slice 2:**", "## Phase 3 tasks") are done when a later
 * heading says that piece of work is done ("### Slice 2 Status: COMPLETE
 * ✅"): the author closed the work as a whole, not box by box. */
#include "lint_internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { PAIRS_MAX = 4, PAIR_LEN = 32 };

struct lint_caption_index {
    struct done_heading {
        int line;
        char pair[PAIR_LEN];
    } * h;
    size_t n, cap;
};

static int letter(char c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static int digit(char c)
{
    return c >= '0' && c <= '9';
}

/* The pieces of work t names: a capitalised word and a number ("Slice 2",
 * "Phase 3.1", "Milestone 4"), lower-cased. */
static size_t named_work(const char *t, char out[][PAIR_LEN])
{
    size_t n = 0;
    for (const char *p = t; t && *p && n < PAIRS_MAX; p++) {
        if (!(*p >= 'A' && *p <= 'Z') || (p > t && letter(p[-1])))
            continue;
        const char *w = p;
        while (letter(*w))
            w++;
        if (w - p < 3 || *w != ' ' || !digit(w[1]))
            continue;
        const char *e = w + 1;
        while (digit(*e) || (*e == '.' && digit(e[1])))
            e++;
        if (letter(*e) || digit(*e) || e - p >= PAIR_LEN)
            continue;
        for (size_t i = 0; i < (size_t)(e - p); i++)
            out[n][i] = (char)(letter(p[i]) ? p[i] | 0x20 : p[i]);
        out[n++][e - p] = '\0';
        p = e - 1;
    }
    return n;
}

static int add(lint_caption_index *x, int line, const char *title)
{
    char pairs[PAIRS_MAX][PAIR_LEN];
    size_t n = lint_says_done_aloud(title) ? named_work(title, pairs) : 0;
    for (size_t k = 0; k < n; k++) {
        if (x->n == x->cap) {
            size_t cap = x->cap ? 2 * x->cap : 16;
            void *h = realloc(x->h, cap * sizeof *x->h);
            if (!h)
                return 0;
            x->h = h;
            x->cap = cap;
        }
        x->h[x->n].line = line;
        memcpy(x->h[x->n++].pair, pairs[k], PAIR_LEN);
    }
    return 1;
}

static int by_pair(const void *a, const void *b)
{
    return strcmp(((const struct done_heading *)a)->pair, ((const struct done_heading *)b)->pair);
}

slog_status lint_caption_index_build(const lint_ctx *ctx, lint_caption_index **out)
{
    const slog_doc *d = ctx->doc;
    lint_caption_index *x = calloc(1, sizeof *x);
    int ok = x != NULL;
    for (size_t k = 0; ok && k < d->nsections; k++)
        if (!lint_after_today(ctx, d->sections[k].line))
            ok = add(x, d->sections[k].line, d->sections[k].title);
    for (size_t i = 0; ok && i < d->nentries; i++)
        if (d->entries[i]->kind != SLOG_ENTRY_LIST && !lint_entry_after_today(ctx, d->entries[i]))
            ok = add(x, d->entries[i]->line, d->entries[i]->heading);
    if (!ok) {
        lint_caption_index_free(x);
        return SLOG_ERR_NOMEM;
    }
    /* one row a piece of work, its latest heading: a box asks in log time */
    if (x->n)
        qsort(x->h, x->n, sizeof *x->h, by_pair);
    size_t m = 0;
    for (size_t i = 0; i < x->n; i++) {
        if (m && !strcmp(x->h[m - 1].pair, x->h[i].pair)) {
            if (x->h[i].line > x->h[m - 1].line)
                x->h[m - 1].line = x->h[i].line;
        } else
            x->h[m++] = x->h[i];
    }
    x->n = m;
    *out = x;
    return SLOG_OK;
}

void lint_caption_index_free(lint_caption_index *x)
{
    if (x)
        free(x->h);
    free(x);
}

int lint_caption_done_later(const lint_caption_index *x, const slog_checklist_item *box)
{
    char pairs[PAIRS_MAX][PAIR_LEN];
    size_t n = x->n ? named_work(box->caption, pairs) : 0;
    for (size_t k = 0; k < n; k++) {
        struct done_heading key = {0, {0}};
        memcpy(key.pair, pairs[k], PAIR_LEN);
        const struct done_heading *h = bsearch(&key, x->h, x->n, sizeof *x->h, by_pair);
        if (h && h->line > box->line)
            return 1;
    }
    return 0;
}
