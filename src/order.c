/* SPDX-License-Identifier: BSD-2-Clause */
/* The longest monotone subsequence of a log; see order.h.
 *
 * For each entry, the length of the longest sorted run of entries starting
 * at it (patience sorting from the right, O(n log n)); then a greedy pass
 * from the left keeps, at every step, the earliest entry that can still
 * start a longest run: that keeps earlier entries where the choice is free,
 * so one misplaced entry is one finding wherever it stands. */
#include "order.h"

#include <stdlib.h>
#include <string.h>

/* <0, 0, >0 as a goes before, with, after b in the log's direction. */
static int cmp_dir(const slog_log *log, const slog_entry *a, const slog_entry *b)
{
    int c = slog_entry_compare(a, b);
    return log->direction == SLOG_NEWEST_FIRST ? -c : c;
}

/* runs[i]: the longest non-decreasing run starting at dated[i]. `tops`
 * holds, per run length k, the largest start value of a run of length k+1
 * seen so far (scanning right to left, non-increasing in k). */
static void run_lengths(const slog_log *log, const slog_entry **dated, size_t n, size_t *runs,
                        const slog_entry **tops)
{
    size_t ntops = 0;
    for (size_t i = n; i-- > 0;) {
        /* the first k whose top is < dated[i]: dated[i] may start a run of length k+1 */
        size_t lo = 0, hi = ntops;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (cmp_dir(log, tops[mid], dated[i]) >= 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        tops[lo] = dated[i];
        if (lo == ntops)
            ntops++;
        runs[i] = lo + 1;
    }
}

/* The kept entries around `e`: the last kept entry not after it and the
 * first kept entry after it, in the log's direction. */
static void neighbours(const slog_log *log, const slog_entry **kept, size_t nkept,
                       const slog_entry *e, slog_misplaced *m)
{
    size_t lo = 0, hi = nkept;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cmp_dir(log, kept[mid], e) <= 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    m->entry = e;
    m->before = lo ? kept[lo - 1] : NULL;
    m->after = lo < nkept ? kept[lo] : NULL;
}

static int run_misplaced(const slog_log *log, slog_entry *const *entries, size_t nentries,
                         slog_misplaced **out, size_t *count);

/* Group by group: "## Week 12" then "## Week 11", each with its days in
 * order, has nothing misplaced. */
int slog_log_misplaced(const slog_log *log, slog_misplaced **out, size_t *count)
{
    *out = NULL;
    *count = 0;
    size_t cap = 0;
    for (size_t a = 0, b; a < log->nentries; a = b) {
        for (b = a + 1;
             b < log->nentries && log->entries[b]->group_line == log->entries[a]->group_line; b++)
            ;
        slog_misplaced *some;
        size_t nsome;
        if (run_misplaced(log, log->entries + a, b - a, &some, &nsome) != 0) {
            free(*out);
            *out = NULL;
            *count = 0;
            return -1;
        }
        if (nsome && *count + nsome > cap) {
            cap = 2 * (*count + nsome);
            slog_misplaced *all = realloc(*out, cap * sizeof *all);
            if (!all) {
                free(some);
                free(*out);
                *out = NULL;
                *count = 0;
                return -1;
            }
            *out = all;
        }
        if (nsome) {
            memcpy(*out + *count, some, nsome * sizeof *some);
            *count += nsome;
        }
        free(some);
    }
    return 0;
}

static int run_misplaced(const slog_log *log, slog_entry *const *entries, size_t nentries,
                         slog_misplaced **out, size_t *count)
{
    *out = NULL;
    *count = 0;
    size_t n = 0;
    const slog_entry **dated = malloc((nentries + 1) * sizeof *dated);
    const slog_entry **tops = malloc((nentries + 1) * sizeof *tops);
    size_t *runs = malloc((nentries + 1) * sizeof *runs);
    char *keep = calloc(nentries + 1, 1);
    int rc = dated && tops && runs && keep ? 0 : -1;
    for (size_t i = 0; rc == 0 && i < nentries; i++)
        if (entries[i]->date_valid)
            dated[n++] = entries[i];
    if (rc == 0)
        run_lengths(log, dated, n, runs, tops);
    size_t longest = 0, nkept = 0;
    for (size_t i = 0; rc == 0 && i < n; i++)
        if (runs[i] > longest)
            longest = runs[i];
    const slog_entry *last = NULL;
    for (size_t i = 0; rc == 0 && i < n && longest; i++)
        if (runs[i] == longest && (!last || cmp_dir(log, last, dated[i]) <= 0)) {
            keep[i] = 1;
            last = tops[nkept++] = dated[i]; /* tops now holds the kept entries */
            longest--;
        }
    if (rc == 0 && n > nkept) {
        *out = malloc((n - nkept) * sizeof **out);
        if (!*out)
            rc = -1;
        for (size_t i = 0; rc == 0 && i < n; i++)
            if (!keep[i])
                neighbours(log, tops, nkept, dated[i], &(*out)[(*count)++]);
    }
    free(dated);
    free(tops);
    free(runs);
    free(keep);
    return rc;
}
