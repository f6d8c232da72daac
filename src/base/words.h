/* SPDX-License-Identifier: BSD-2-Clause */
/* Words in text, as a reader finds them (words.c). */
#ifndef SLOG_WORDS_H
#define SLOG_WORDS_H

#include <stddef.h>

/** Whether hay[0, len) names one of the n `words` as a whole word, ASCII
 * case aside ("Fixed" in "Fixed the cache", not in "Unfixed"). */
int slog_names_any(const char *hay, size_t len, const char *const *words, size_t n);

#endif
