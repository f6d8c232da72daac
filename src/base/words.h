/* SPDX-License-Identifier: BSD-2-Clause */
/* Words in text, as a reader finds them (words.c). */
#ifndef SLOG_WORDS_H
#define SLOG_WORDS_H

#include <stddef.h>

/** Whether hay[0, len) names one of the n `words` as a whole word, ASCII
 * case aside ("Fixed" in "Fixed the cache", not in "Unfixed"). */
int slog_names_any(const char *hay, size_t len, const char *const *words, size_t n);

/** The length of the word that files things away s[0, len) opens with
 * ("Archived", "Archive", "Older entries", "Archiviert", "アーカイブ",
 * "归档"), as a whole word, ASCII case aside; 0 when it opens with none. An
 * archive heading starts a log of its own (logs.c); "## Archived:
 * 2025-12-20" is a stamp, no entry (build_entries.c). */
size_t slog_archive_word(const char *s, size_t len);

/** The length of the one of `words` that s[0, len) opens with, ASCII case
 * aside, as a whole word: the byte after it is no ASCII letter or digit
 * nor one of `joins` (a word in another script needs no such end); 0 when
 * it opens with none. */
size_t slog_opening_word(const char *s, size_t len, const char *const *words, size_t n,
                         const char *joins);

/** An unmarked item's text opens with a verb in the past tense ("Fixed the
 * bug", "Wrote the parser": a report of work), not a check made again
 * ("Checked", "Verified", "Reran" …). */
int slog_past_tense_first(const char *t);

/** A title over a record's fields: "### 1) Metadados", "## Metadata". */
int slog_metadata_title(const char *s, size_t len);

#endif
