/* Word-level text similarity for threads, repeats and digests: a vocabulary of
 * the document's item words, their rarity (IDF) and each item's sorted word
 * ids, so that comparing two items is one merge of two short arrays. */
#ifndef SLOG_SIMILAR_H
#define SLOG_SIMILAR_H

#include <stddef.h>
#include <stdint.h>

#include "statuslog/common.h"
#include "statuslog/doc.h"

typedef struct {
    uint32_t *ids; /* every item's sorted unique word ids, one run after the other */
    size_t *start; /* item i's words are ids[start[i] .. start[i+1]) */
    float *weight; /* item i: sum of its words' IDF */
    float *idf;    /* per word id */
    size_t nitems, nwords;
} slog_vocab;

/** Tokenizes `n` items (items[i]->index must be i). */
slog_status slog_vocab_build(slog_vocab *v, slog_item *const *items, size_t n);
/** IDF-weighted Dice coefficient of items a and b (by index), in [0, 1]. */
double slog_vocab_similarity(const slog_vocab *v, size_t a, size_t b);
void slog_vocab_free(slog_vocab *v);

#endif
