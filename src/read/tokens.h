/* SPDX-License-Identifier: BSD-2-Clause */
/* Words of a text as ids, for similarity (tokens.c). */
#ifndef SLOG_TOKENS_H
#define SLOG_TOKENS_H

#include <stddef.h>
#include <stdint.h>

/* Open-addressing table from word to id; the words live in one pool. */
typedef struct {
    uint32_t *slots; /* id + 1, 0 for empty */
    size_t cap;
    char *pool;
    size_t pool_len, pool_cap;
    size_t *word_off, *word_len;
    uint32_t *word_hash;
    size_t nwords, words_cap;
} slog_interner;

typedef struct {
    uint32_t *data;
    size_t len, cap;
} slog_u32vec;

/** A table holding the known words: the generic ones take ids below
 * *ngeneric, the status words (PASS, FAILED) the next *nstatus. 0 when out
 * of memory (free it all the same). */
int slog_interner_start(slog_interner *t, size_t *ngeneric, size_t *nstatus);

/** Appends the sorted unique word ids of `text` to `ids`; *subject gets the
 * first word that is neither generic (ids below `ngeneric`) nor a number,
 * plus one (0 when there is none). 0 when out of memory. */
int slog_tokenize(slog_interner *t, const char *text, size_t ngeneric, slog_u32vec *ids,
                  uint32_t *subject);

void slog_interner_free(slog_interner *t);

/** The length of the stem of a lower-case word w[0, n): "fixed", "fixes"
 * and "fixing" are "fix", "updated" and "update" "updat". */
size_t slog_word_stem(const char *w, size_t n);

#endif
