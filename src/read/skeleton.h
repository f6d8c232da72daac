/* SPDX-License-Identifier: BSD-2-Clause */
/* A document's skeleton: the lines that decide its entries and logs, the
 * others empty (skeleton.c). */
#ifndef SLOG_SKELETON_H
#define SLOG_SKELETON_H

#include "text.h"

enum { SLOG_GUESS_MAX = 8 }; /* ranges a guess reports */

/** Sections an edit will likely read whole, kept whole on its first
 * reading so that a second one is not needed (append: the entry of the
 * request's date, the log's newest entry). In: the sections whose ATX
 * heading mentions `mention` (NULL: none), and with `tail` the end of the
 * document from its last ATX heading with a digit when that end is short.
 * Out: the ranges kept whole (1-based lines, sorted), or `overflow` when
 * there were more than SLOG_GUESS_MAX. */
typedef struct {
    const char *mention;
    int tail;
    int whole[2 * SLOG_GUESS_MAX];
    size_t nwhole;
    int overflow;
    int all; /* set by slog_parse_skeleton: no faithful skeleton, the whole was read */
} slog_skeleton_guess;

/** The skeleton of `in`: the same number of lines, LF line ends, every line
 * empty but those that decide entries and logs and those in the `nkeep`
 * ranges keep[2k] .. keep[2k + 1] (1-based lines, sorted, not
 * overlapping) and those `guess` asks for (or NULL), kept whole. SLOG_OK; SLOG_ERR_INVALID when the
 * document has what only the whole reading can place (a heading-like line indented into a list item
 * or a code block): read it whole; SLOG_ERR_NOMEM. */
slog_status slog_text_skeleton(const slog_text *in, const int *keep, size_t nkeep,
                               slog_skeleton_guess *guess, slog_text *out);

/** A line that opens with an ISO-style date, "2025-10-27" or "2025/10/27"
 * (after one "[" or "(" at most): 1 and the date's offset in *at. What
 * the skeleton keeps of a log of dated lines (build_lines.c). */
int slog_iso_line_start(const char *s, size_t len, size_t *at);

/** A line that opens with a numeric date with its year ("24/03/2025",
 * "16.04.2025"): what the skeleton keeps of a record opened by a date line
 * (build_bold.c). */
int slog_numeric_line_start(const char *s, size_t len);

/** A blank line, an ATX heading or a thematic break: after it a log of
 * dated lines may open, in both readings (skeleton.c, build_lines.c). */
int slog_paragraph_may_follow(const char *s, size_t len);

#endif
