/* SPDX-License-Identifier: BSD-2-Clause */
/* statuslog: the regression gate (SPEC §6) — a document against an earlier
 * version of itself. */
#ifndef STATUSLOG_CHECK_H
#define STATUSLOG_CHECK_H

#include "statuslog/config.h"
#include "statuslog/diag.h"
#include "statuslog/doc.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Compares `current` with `baseline` and adds a finding for every regression:
 * checklist-regressed, checklist-removed, entry-removed, entry-rewritten,
 * item-regressed. Entries are matched by date, time and label (the k-th of
 * equal keys with the k-th), items by id and then by similar text, checklist
 * items by text: moving text is no regression, and neither is adding entries
 * or items or checking boxes. Severities come from `config` (NULL: defaults). */
slog_status slog_check(const slog_doc *current, const slog_doc *baseline, const slog_config *config,
                       slog_diags *out, slog_error *err);

/** Similarity of two texts in [0, 1] (Dice over their words, unweighted): for
 * texts of different documents. */
double slog_text_similarity(const char *a, const char *b);

/** The near-identity (slog_text_similarity) at or above which two texts say
 * the same: done items fold into one digest line, a box counts as done by a
 * later checked box or done item. */
#define SLOG_FOLD_THRESHOLD 0.6

/** The similarity at or above which an item of the baseline counts as
 * reworded (changed) rather than removed. */
#define SLOG_REWORD_THRESHOLD 0.5

/** Reads `path` as it is at git revision `rev` by running git (execvp, no
 * shell) in the file's repository. Returns SLOG_OK with the bytes (*data,
 * malloc'd), SLOG_OK with *data NULL when the path does not exist at `rev`,
 * or SLOG_ERR_INVALID with git's reason (bad revision, not a repository). */
slog_status slog_git_show(const char *path, const char *rev, char **data, size_t *len,
                          slog_error *err);

#ifdef __cplusplus
}
#endif
#endif
