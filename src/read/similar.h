/* SPDX-License-Identifier: BSD-2-Clause */
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
    uint32_t *ids;     /* every item's sorted unique word ids, one run after the other */
    uint32_t *start;   /* item i's words are ids[start[i] .. start[i+1]) */
    float *weight;     /* item i: sum of its words' weights */
    float *idf;        /* per word id: its weight (IDF, less for generic words) */
    uint8_t *flags;    /* per word id: SLOG_WORD_* */
    uint32_t *subject; /* item i: its first specific word + 1 (0: none) */
    uint32_t *letters; /* per word id with a digit: a hash of what is left without its digits
                          ("arm64" -> "arm", "x86" -> "x"), 0 when that is no word (a number,
                          date, time, duration, ordinal or hash) */
    size_t nitems, nwords;
} slog_vocab;

enum {
    SLOG_WORD_GENERIC = 1, /* a task verb, tracking word, team name, month... */
    SLOG_WORD_STATUS = 2,  /* a result: PASS, FAIL, OK, ERROR, GREEN, RED... */
    SLOG_WORD_NUMERIC = 4  /* has a digit: numbers, dates, times, durations, hashes */
};

/** A comparison of two items. */
typedef struct {
    double score;     /* IDF-weighted Dice coefficient, in [0, 1] */
    int same_subject; /* the first specific word of both is the same */
    size_t specific;  /* shared words that are not generic */
} slog_likeness;

/** Tokenizes `n` items (items[i]->index must be i). */
slog_status slog_vocab_build(slog_vocab *v, slog_item *const *items, size_t n);
/** Tokenizes `n` texts (NULL: no words), for slog_vocab_dice. */
slog_status slog_vocab_build_texts(slog_vocab *v, const char *const *texts, size_t n);
/** Plain Dice coefficient of the word sets of a and b, in [0, 1] (1 when
 * neither has words): slog_text_similarity. */
double slog_vocab_dice(const slog_vocab *v, size_t a, size_t b);
/** IDF-weighted Dice coefficient of items a and b (by index), in [0, 1]. */
double slog_vocab_similarity(const slog_vocab *v, size_t a, size_t b);
/** Items a and b record the same thing (repeated-entry): the same status
 * words, the same words with digits once their digits are left out ("arm64"
 * and "x86" differ, "run 574" and "run 603" do not), and a similarity of at
 * least SLOG_REPEAT_THRESHOLD once words with digits are left out. */
int slog_vocab_repeats(const slog_vocab *v, size_t a, size_t b);
/** Item b says no word that item `base` did not, words with digits
 * compared without them (see slog_vocab_repeats): a keyed record's value
 * said again, or less of it. */
int slog_vocab_nothing_new(const slog_vocab *v, size_t base, size_t b);
/** Items a and b are one piece of work said twice, for the digest's fold:
 * the words of one (those with digits aside) are all the other's, and the
 * other has at most three more ("Reran the suite (run 286)" and "(run
 * 603)"; "Froze the release branch" and "... again after the hotfix"), or
 * both are long (six words or more) and
 * at least SLOG_FOLD_THRESHOLD alike. "added generate_rnacofold_energy_column()"
 * and "added generate_rnaduplex_energy_column()" are two. */
int slog_vocab_folds(const slog_vocab *v, size_t a, size_t b);
/** The full comparison of items a and b. */
slog_likeness slog_vocab_compare(const slog_vocab *v, size_t a, size_t b);
/** Items a and b are the same task (SPEC §1 Threads; README): similar
 * enough, and about the same thing: the same subject or two shared specific
 * words. The strength orders candidates (a shared subject counts most). */
int slog_same_task(const slog_likeness *l, double *strength);
void slog_vocab_free(slog_vocab *v);
/** Two texts that number their work with the same counting word (phase,
 * step, task, PR, exercise, "#" …) and give no number in common: two
 * pieces of work ("Phase 7" and "Phase 8"; "Phase 8" and "Phase 8.1" are
 * one, at two depths). numbered.c. */
int slog_numbered_apart(const char *a, const char *b);

#endif
