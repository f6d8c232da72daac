/* SPDX-License-Identifier: BSD-2-Clause */
/* Order within a log (SPEC §3 r2): the entries outside a longest monotone
 * subsequence of the log, in its direction — the fewest entries whose moving
 * sorts it, keeping earlier entries where several such subsequences exist —
 * and, for each, the kept neighbours it belongs between. entry-order reports
 * them; fix --order moves them there. */
#ifndef SLOG_ORDER_H
#define SLOG_ORDER_H

#include "statuslog/doc.h"

typedef struct {
    const slog_entry *entry;
    /* the kept entries it belongs between in document order (NULL: it
     * belongs before the first, or after the last) */
    const slog_entry *before, *after;
} slog_misplaced;

/** The misplaced entries of `log`, in document order (*out malloc'd, NULL
 * when there are none). Entries without a valid date are never misplaced.
 * Returns 0, or -1 when out of memory. */
int slog_log_misplaced(const slog_log *log, slog_misplaced **out, size_t *count);

/** Whether `log` is no chronology but dated sections of a document about
 * other things (a roadmap's "Current State (2026-03-10)", "Update Record
 * (2026-03-09)", "Audit Notes (2026-02-01)" among its undated "Vision" and
 * "Priorities"): every entry labelled apart, and undated sections of their
 * level standing between them at least twice and between half the pairs.
 * Such entries are in no order to keep (SPEC §3 r3: entry-order is about a
 * log). */
int slog_log_scattered(const slog_doc *doc, const slog_log *log);

/** Whether the log's dated entries never step back in direction `dir` and
 * step forward at least once: its longest run in `dir` is all of them and
 * longer than any the other way, so `dir` is its direction. One pass. */
int slog_log_sorted(const slog_log *log, slog_direction dir);

/** The length of a longest monotone subsequence of the log's dated entries
 * in direction `dir` (what decides a log's direction): 0, or -1 when out of
 * memory. */
int slog_log_longest(const slog_log *log, slog_direction dir, size_t *length);

#endif
