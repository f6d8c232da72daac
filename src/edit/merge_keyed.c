/* SPDX-License-Identifier: BSD-2-Clause */
/* merge's entries by key (date, time and label), the k-th of a key in one
 * side with the k-th in another: sorted by key, with a hash of each key's
 * first position, so that matching every entry of a 250,000-entry log costs
 * two hash probes an entry, not four binary searches of string compares. */
#include "merge_internal.h"

#include "doc_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint64_t fnv(uint64_t h, const char *s)
{
    for (; s && *s; s++)
        h = (h ^ (unsigned char)*s) * 0x100000001b3ull;
    return (h ^ 0xff) * 0x100000001b3ull; /* the end of a part: "a" "bc" is not "ab" "c" */
}

/* The key's hash, its bits mixed (FNV's low bits vary little between
 * "2026-03-09" and "2026-03-10"); never 0, the empty slot's. */
static uint64_t key_hash(const slog_entry *e)
{
    uint64_t h = fnv(fnv(fnv(0xcbf29ce484222325ull, e->date), e->time), e->label);
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h ? h : 1;
}

/* The slot of e's key (hash h): where its first position is, or the empty
 * one. The hash stored beside a position spares reading an entry's key
 * for every other key met on the way. */
static size_t slot_of(const keyed *k, const slog_entry *e, uint64_t h)
{
    size_t i = (size_t)h & (k->cap - 1);
    while (k->slots[i].hash &&
           (k->slots[i].hash != h || slog_entry_key_cmp(k->e[k->slots[i].first], e) != 0))
        i = (i + 1) & (k->cap - 1);
    return i;
}

int merge_keyed_build(keyed *k, const slog_doc *d)
{
    memset(k, 0, sizeof *k);
    k->cap = 16;
    while (k->cap < 2 * d->nentries + 2)
        k->cap *= 2;
    k->e = malloc((d->nentries + 1) * sizeof *k->e);
    k->rank = malloc((d->nentries + 1) * sizeof *k->rank);
    k->slots = calloc(k->cap, sizeof *k->slots);
    if (!k->e || !k->rank || !k->slots)
        return -1;
    k->nentries = d->nentries;
    for (size_t i = 0; i < d->nentries; i++) {
        k->rank[i] = SIZE_MAX;
        if (d->entries[i]->date_valid)
            k->e[k->n++] = d->entries[i];
    }
    if (k->n)
        qsort(k->e, k->n, sizeof *k->e, slog_entry_by_key);
    for (size_t p = 0; p < k->n; p++) {
        const slog_entry *e = k->e[p];
        if (p && !slog_entry_key_cmp(k->e[p - 1], e)) {
            k->rank[e->index] = k->rank[k->e[p - 1]->index] + 1;
            continue;
        }
        k->rank[e->index] = 0;
        uint64_t h = key_hash(e);
        size_t s = slot_of(k, e, h);
        k->slots[s].hash = h;
        k->slots[s].first = p;
    }
    return 0;
}

void merge_keyed_free(keyed *k)
{
    free(k->e);
    free(k->rank);
    free(k->slots);
    memset(k, 0, sizeof *k);
}

const slog_entry *merge_match(const keyed *mine, const keyed *other, const slog_entry *e)
{
    if (!e || !e->date_valid || e->index >= mine->nentries || mine->rank[e->index] == SIZE_MAX ||
        !other->n)
        return NULL;
    size_t s = slot_of(other, e, key_hash(e));
    if (!other->slots[s].hash)
        return NULL;
    size_t at = other->slots[s].first + mine->rank[e->index];
    return at < other->n && !slog_entry_key_cmp(other->e[at], e) ? other->e[at] : NULL;
}
