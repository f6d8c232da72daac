/* SPDX-License-Identifier: BSD-2-Clause */
/* The words similarity knows (similar_words.c). */
#ifndef SLOG_SIMILAR_WORDS_H
#define SLOG_SIMILAR_WORDS_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    const char *word;
    size_t len;
} slog_stop_word;

/** Words left out of every comparison ("the", "and", "will"). */
extern const slog_stop_word slog_stop_words[];
extern const size_t slog_nstop_words;
/** Words that say what kind of task, who or when, not which task. */
extern const char *const slog_generic_words[];
extern const size_t slog_ngeneric_words;
/** Words that state a result when written in capitals (PASS, FAIL). */
extern const char *const slog_status_words[];
extern const size_t slog_nstatus_words;

/** What a word with digits says without them (a hash), or 0 when that is
 * nothing: a number, date, time, duration, size, ordinal or hash. */
uint32_t slog_word_letters(const char *w, size_t len);

#endif
