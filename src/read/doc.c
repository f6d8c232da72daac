/* SPDX-License-Identifier: BSD-2-Clause */
/* Document lifetime and small model helpers. */
#include "doc_internal.h"
#include "statuslog/parse.h"

#include <stdlib.h>
#include <string.h>

static const char *const state_names[SLOG_STATE_COUNT] = {
    "done", "in_progress", "next", "blocked", "failed", "warning", "open", "note"};

const char *slog_state_name(slog_state state)
{
    return (unsigned)state < SLOG_STATE_COUNT ? state_names[state] : "note";
}

int slog_state_from_name(const char *name, slog_state *out)
{
    for (int i = 0; i < SLOG_STATE_COUNT; i++) {
        if (strcmp(name, state_names[i]) == 0) {
            *out = (slog_state)i;
            return 0;
        }
    }
    return -1;
}

const char *slog_entry_kind_name(slog_entry_kind kind)
{
    return kind == SLOG_ENTRY_BOLD ? "bold" : kind == SLOG_ENTRY_LIST ? "list" : "heading";
}

const char *slog_precision_name(slog_precision p)
{
    return p == SLOG_PRECISION_SECOND ? "second" : p == SLOG_PRECISION_MINUTE ? "minute" : "date";
}

const char *slog_direction_name(slog_direction d)
{
    return d == SLOG_NEWEST_FIRST ? "newest-first" : "oldest-first";
}

int slog_state_is_open(slog_state state)
{
    return state != SLOG_STATE_DONE && state != SLOG_STATE_NOTE && state < SLOG_STATE_COUNT;
}

void slog_entry_count_states(const slog_entry *entry, size_t counts[SLOG_STATE_COUNT])
{
    memset(counts, 0, SLOG_STATE_COUNT * sizeof *counts);
    for (const slog_item *it = entry->items; it; it = it->next)
        counts[it->state]++;
}

double slog_item_similarity(const slog_doc *doc, const slog_item *a, const slog_item *b)
{
    const slog_vocab *v;
    return slog_doc_words(doc, &v) == SLOG_OK ? slog_vocab_similarity(v, a->index, b->index) : 0;
}

slog_status slog_doc_words(const slog_doc *doc, const slog_vocab **out)
{
    slog_doc_private *p = doc->priv;
    if (!p->has_vocab) {
        if (slog_vocab_build(&p->vocab, p->items, doc->nitems_total) != SLOG_OK)
            return SLOG_ERR_NOMEM;
        p->has_vocab = 1;
    }
    *out = &p->vocab;
    return SLOG_OK;
}

const slog_entry *slog_doc_entry_at(const slog_doc *d, int line)
{
    size_t lo = 0, hi = d->nentries; /* the last entry starting at or before line */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->entries[mid]->line <= line)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (const slog_entry *e = lo ? d->entries[lo - 1] : NULL; e; e = e->parent)
        if (line <= e->end_line)
            return e;
    return NULL;
}

size_t slog_doc_sections_before(const slog_doc *d, int line)
{
    size_t lo = 0, hi = d->nsections;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->sections[mid].line < line)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void slog_doc_free(slog_doc *doc)
{
    if (!doc)
        return;
    if (doc->priv) {
        slog_text_free(&doc->priv->text);
        slog_text_free(&doc->priv->skeleton);
        slog_vocab_free(&doc->priv->vocab);
        free(doc->priv->items);
        if (!doc->priv->raw_borrowed)
            free(doc->priv->raw);
        slog_arena_free(&doc->priv->arena);
        free(doc->priv);
    }
    free(doc);
}

const char *slog_doc_raw(const slog_doc *doc, size_t *len)
{
    *len = doc->priv->raw_len;
    return doc->priv->raw;
}
