/* SPDX-License-Identifier: BSD-2-Clause */
/* A document's skeleton: the lines that decide its entries and logs, the
 * others empty (skeleton.c). */
#ifndef SLOG_SKELETON_H
#define SLOG_SKELETON_H

#include "text.h"

/** The skeleton of `in`: the same number of lines, LF line ends, every line
 * empty but those that decide entries and logs and those in the `nkeep`
 * ranges keep[2k] .. keep[2k + 1] (1-based lines, sorted, not
 * overlapping), kept whole. SLOG_OK; SLOG_ERR_INVALID when the document has
 * what only the whole reading can place (a heading-like line indented into
 * a list item or a code block): read it whole; SLOG_ERR_NOMEM. */
slog_status slog_text_skeleton(const slog_text *in, const int *keep, size_t nkeep, slog_text *out);

#endif
