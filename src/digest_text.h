/* SPDX-License-Identifier: BSD-2-Clause */
/* Texts of the digest view model: item texts shortened for reading and
 * made HTML, counts with their nouns. */
#ifndef SLOG_DIGEST_TEXT_H
#define SLOG_DIGEST_TEXT_H

#include <stddef.h>

/** The first `max` characters of text, cut at a word, with "…" when cut;
 * malloc'd, or NULL when out of memory. */
char *slog_digest_short(const char *text, size_t max);

/** `text` HTML-escaped, with `code spans` made <code> elements and **strong**
 * <strong> ones (the
 * backticks are matched after escaping, by run length as Markdown does);
 * malloc'd, or NULL. */
char *slog_digest_html(const char *text);

/** "1 document", "2 documents" (with `many` for any count but one). */
void slog_count_phrase(char *buf, size_t size, size_t n, const char *one, const char *many);

/** A path's last component (the whole when it has no '/'). */
const char *slog_path_base(const char *path);

#endif
