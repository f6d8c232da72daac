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
    unsigned char *word_class; /* SLOG_WORD_CLASS_* of each word */
    size_t nwords, words_cap;
} slog_interner;

/* What a word is among the known ones (similar_words.c). */
enum { SLOG_WORD_CLASS_PLAIN, SLOG_WORD_CLASS_GENERIC, SLOG_WORD_CLASS_STATUS };

typedef struct {
    uint32_t *data;
    size_t len, cap;
} slog_u32vec;

/** An empty table of a document's words. Ids are given in the order words
 * are first seen; each word's class (word_class[id]) says whether it is
 * one of the generic words or the status words (PASS, FAILED), looked up
 * once per word in a table of them built once per process. 0 when that
 * table could not be built (out of memory). */
int slog_interner_start(slog_interner *t);

/** Appends the sorted unique word ids of `text` to `ids`; *subject gets the
 * first word that is neither generic nor a number, plus one (0 when there
 * is none). 0 when out of memory. */
int slog_tokenize(slog_interner *t, const char *text, slog_u32vec *ids, uint32_t *subject);

void slog_interner_free(slog_interner *t);

/** The length of the stem of a lower-case word w[0, n): "fixed", "fixes"
 * and "fixing" are "fix", "updated" and "update" "updat". */
size_t slog_word_stem(const char *w, size_t n);

#endif
