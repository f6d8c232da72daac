/* SPDX-License-Identifier: BSD-2-Clause */
/* Texts of the digest view model: item texts shortened for reading and
 * made HTML, counts with their nouns. */
#ifndef SLOG_DIGEST_TEXT_H
#define SLOG_DIGEST_TEXT_H

#include <stddef.h>

/** The first `max` characters of text, cut at a word and never inside a
 * code span, with "…" when cut; malloc'd, or NULL when out of memory. */
char *slog_digest_short(const char *text, size_t max);

/** `text` HTML-escaped, with `code spans` made <code> elements, links
 * [text](url) <a> ones (http, https, mailto and relative addresses only) and
 * **strong** <strong> ones (backticks are matched by run length as Markdown
 * does); malloc'd, or NULL. */
char *slog_digest_html(const char *text);

/** `text` without its Markdown, for the text format: code spans without
 * backticks, no "**", links as "text (url)"; malloc'd, or NULL. */
char *slog_digest_plain(const char *text);

/** A path HTML-escaped with <wbr> after each '/', so that a long one wraps
 * between its parts; malloc'd, or NULL. */
char *slog_digest_path_html(const char *path);

/** "1 document", "2 documents" (with `many` for any count but one). */
void slog_count_phrase(char *buf, size_t size, size_t n, const char *one, const char *many);

/** A path's last component (the whole when it has no '/'). */
const char *slog_path_base(const char *path);

#endif
