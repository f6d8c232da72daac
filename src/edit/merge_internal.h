/* SPDX-License-Identifier: BSD-2-Clause */
/* merge's parts, shared by merge.c (the structured merge, reading only
 * what changed) and merge_check.c (the check that the result carries
 * THEIRS' change, and git's line merge). */
#ifndef SLOG_MERGE_INTERNAL_H
#define SLOG_MERGE_INTERNAL_H

#include "append_internal.h"
#include "text.h"
#include "splice.h"
#include "statuslog/edit.h"

/* Entries by key: date, time and label, the k-th with the k-th
 * (merge_keyed.c). */
typedef struct {
    const slog_entry **e; /* dated entries sorted by key, then document order */
    size_t n;
    size_t *rank;    /* by entry index: how many of its key come before it, SIZE_MAX undated */
    size_t nentries; /* entries of the document (rank's length) */
    struct keyed_slot {
        uint64_t hash; /* 0: empty */
        size_t first;  /* the key's first position in e */
    } * slots;         /* by key hash, open addressing */
    size_t cap;        /* slots, a power of two */
} keyed;

/** The dated entries of `d` by key; -1 out of memory (free it all the same). */
int merge_keyed_build(keyed *k, const slog_doc *d);
void merge_keyed_free(keyed *k);

typedef struct {
    const char *raw;
    size_t len;
    append_view *v;
    const slog_doc *d;
    keyed k;
} side;

typedef struct {
    side base, ours, theirs;
    slog_splices sp; /* on OURS */
    char *started;   /* per OURS entry: items were inserted into it */
    const slog_merge_options *o;
    slog_merge_summary *s;
    int failed;
} merger;

/** The entry of `other` that matches `e` of `mine` (an entry of the
 * document `mine` was built from): the same key, the same rank among the
 * entries with that key. */
const slog_entry *merge_match(const keyed *mine, const keyed *other, const slog_entry *e);

/** The lines BASE and THEIRS share at their start and at their end (not
 * overlapping): what lies between is what THEIRS changed. */
typedef struct {
    size_t prefix, suffix;
    size_t base_lines, theirs_lines;
} merge_change;

merge_change merge_what_changed(const slog_text *base, const slog_text *theirs);

/** Whether the result carries THEIRS' change (merge_check.c). */
int merge_carries_theirs(const merger *m, const char *result, size_t len);

/** git's own merge of the three (`git merge-file -p`). */
slog_status merge_by_lines(const char *base, size_t base_len, const char *ours, size_t ours_len,
                           const char *theirs, size_t theirs_len, const char *name, char **out,
                           size_t *out_len, size_t *conflicts, slog_error *err);

#endif
