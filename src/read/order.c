/* SPDX-License-Identifier: BSD-2-Clause */
/* The longest monotone subsequence of a log; see order.h. A log is one
 * heading's entries (SPEC §1 r3): "## Week 12" and "## Week 11" each hold a
 * log of their days.
 *
 * For each entry, the length of the longest sorted run of entries starting
 * at it (patience sorting from the right, O(n log n)); then a greedy pass
 * from the left keeps, at every step, the earliest entry that can still
 * start a longest run: that keeps earlier entries where the choice is free,
 * so one misplaced entry is one finding wherever it stands. */
#include "order.h"

#include <stdlib.h>
#include <string.h>

/* <0, 0, >0 as a goes before, with, after b in direction `dir`. */
static int cmp_dir(slog_direction dir, const slog_entry *a, const slog_entry *b)
{
    int c = slog_entry_compare(a, b);
    return dir == SLOG_NEWEST_FIRST ? -c : c;
}

/* runs[i]: the longest non-decreasing run starting at dated[i]. `tops`
 * holds, per run length k, the largest start value of a run of length k+1
 * seen so far (scanning right to left, non-increasing in k). Returns the
 * longest. */
static size_t run_lengths(slog_direction dir, const slog_entry **dated, size_t n, size_t *runs,
                          const slog_entry **tops)
{
    size_t ntops = 0;
    for (size_t i = n; i-- > 0;) {
        /* the first k whose top is < dated[i]: dated[i] may start a run of length k+1 */
        size_t lo = 0, hi = ntops;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (cmp_dir(dir, tops[mid], dated[i]) >= 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        tops[lo] = dated[i];
        if (lo == ntops)
            ntops++;
        if (runs)
            runs[i] = lo + 1;
    }
    return ntops;
}

static int compared(const slog_entry *e)
{
    return e->date_valid && !e->weekday_mismatch && !e->snapshot;
}

/* Whether the log's compared entries never step back in direction `dir`
 * (*strict: and step forward at least once): a log in order, the usual
 * case, is known in one pass without the O(n log n) subsequence. Only
 * when every entry compares alike (all by day, or all by instant at one
 * precision): across kinds the comparison is not transitive (02:35Z
 * equals 02:35:29Z and 02:35:10Z, which differ), and only the
 * subsequence decides. */
static int monotone(const slog_log *log, slog_direction dir, int *strict)
{
    const slog_entry *prev = NULL;
    *strict = 0;
    for (size_t i = 0; i < log->nentries; i++) {
        const slog_entry *e = log->entries[i];
        if (!compared(e))
            continue;
        if (prev && (e->has_instant != prev->has_instant ||
                     (e->has_instant && e->precision != prev->precision)))
            return 0;
        int c = prev ? cmp_dir(dir, prev, e) : 0;
        if (c > 0)
            return 0;
        *strict |= c < 0;
        prev = e;
    }
    return 1;
}

int slog_log_sorted(const slog_log *log, slog_direction dir)
{
    int strict;
    return monotone(log, dir, &strict) && strict;
}

/* The log's dated entries, in document order (malloc'd), and their count.
 * An entry whose weekday contradicts its date ("Sat 21-Mar-2025" in a 2026
 * journal: the year mistyped) is in doubt: invalid-date says so, and it is
 * neither compared nor moved. */
static const slog_entry **dated_entries(const slog_log *log, size_t *n)
{
    const slog_entry **dated = malloc((log->nentries + 1) * sizeof *dated);
    *n = 0;
    for (size_t i = 0; dated && i < log->nentries; i++)
        if (compared(log->entries[i]))
            dated[(*n)++] = log->entries[i];
    return dated;
}

int slog_log_longest(const slog_log *log, slog_direction dir, size_t *length)
{
    size_t n;
    const slog_entry **dated = dated_entries(log, &n);
    const slog_entry **tops = malloc((n + 1) * sizeof *tops);
    int rc = dated && tops ? 0 : -1;
    *length = rc == 0 ? run_lengths(dir, dated, n, NULL, tops) : 0;
    free(dated);
    free(tops);
    return rc;
}

/* The kept entries around `e`: the last kept entry not after it and the
 * first kept entry after it, in the log's direction. */
static void neighbours(const slog_log *log, const slog_entry **kept, size_t nkept,
                       const slog_entry *e, slog_misplaced *m)
{
    size_t lo = 0, hi = nkept;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cmp_dir(log->direction, kept[mid], e) <= 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    m->entry = e;
    m->before = lo ? kept[lo - 1] : NULL;
    m->after = lo < nkept ? kept[lo] : NULL;
}

static int misplaced_in(const slog_log *log, slog_misplaced **out, size_t *count);

/* An entry of a range of days ("March 18-26, 2026") is in order on any day
 * of it: a log of incidents each written with the days it lasted, ordered
 * by their end, or ranges that overlap ("January 5-8" above "January 6-7"
 * in a newest-first log), is in order. Each range takes, in the log's
 * order, the day of it nearest the day before (the first range its last
 * day in a newest-first log, its first in an oldest-first one); the
 * entries are compared on copies with those days. */
static int misplaced_with_ranges(const slog_log *log, slog_misplaced **out, size_t *count)
{
    slog_entry *copies = malloc((log->nentries + 1) * sizeof *copies);
    slog_entry **ptrs = malloc((log->nentries + 1) * sizeof *ptrs);
    if (!copies || !ptrs) {
        free(copies);
        free(ptrs);
        return -1;
    }
    int newest_first = log->direction == SLOG_NEWEST_FIRST, have = 0;
    long prev = 0;
    for (size_t i = 0; i < log->nentries; i++) {
        copies[i] = *log->entries[i];
        ptrs[i] = &copies[i];
        slog_entry *e = &copies[i];
        if (!compared(e) || e->has_instant)
            continue;
        long lo = e->day, hi = e->end_day > e->day ? e->end_day : e->day;
        long d = !have ? (newest_first ? hi : lo) : prev < lo ? lo : prev > hi ? hi : prev;
        e->day = d;
        prev = d;
        have = 1;
    }
    slog_log copy = *log;
    copy.entries = ptrs;
    int rc = misplaced_in(&copy, out, count);
    for (size_t k = 0; rc == 0 && k < *count; k++) { /* back to the log's own entries */
        slog_misplaced *m = &(*out)[k];
        m->entry = log->entries[m->entry - copies];
        m->before = m->before ? log->entries[m->before - copies] : NULL;
        m->after = m->after ? log->entries[m->after - copies] : NULL;
    }
    free(copies);
    free(ptrs);
    return rc;
}

int slog_log_misplaced(const slog_log *log, slog_misplaced **out, size_t *count)
{
    for (size_t i = 0; i < log->nentries; i++)
        if (log->entries[i]->end_day > log->entries[i]->day && compared(log->entries[i]))
            return misplaced_with_ranges(log, out, count);
    return misplaced_in(log, out, count);
}

static int misplaced_in(const slog_log *log, slog_misplaced **out, size_t *count)
{
    *out = NULL;
    *count = 0;
    int strict;
    if (monotone(log, log->direction, &strict))
        return 0; /* in order: nothing is out of place */
    size_t n;
    const slog_entry **dated = dated_entries(log, &n);
    const slog_entry **tops = malloc((n + 1) * sizeof *tops);
    size_t *runs = malloc((n + 1) * sizeof *runs);
    char *keep = calloc(n + 1, 1);
    int rc = dated && tops && runs && keep ? 0 : -1;
    if (rc == 0)
        run_lengths(log->direction, dated, n, runs, tops);
    size_t longest = 0, nkept = 0;
    for (size_t i = 0; rc == 0 && i < n; i++)
        if (runs[i] > longest)
            longest = runs[i];
    const slog_entry *last = NULL;
    for (size_t i = 0; rc == 0 && i < n && longest; i++)
        if (runs[i] == longest && (!last || cmp_dir(log->direction, last, dated[i]) <= 0)) {
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

int slog_log_scattered(const slog_doc *doc, const slog_log *log)
{
    size_t n = log->nentries;
    if (n < 3 || n > 32) /* a long log of distinct sections is a log */
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (!*log->entries[i]->label)
            return 0;
        for (size_t j = 0; j < i; j++)
            if (!strcmp(log->entries[i]->label, log->entries[j]->label))
                return 0;
    }
    size_t gaps = 0, s = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        const slog_entry *a = log->entries[i], *b = log->entries[i + 1];
        while (s < doc->nsections && doc->sections[s].line <= a->line)
            s++;
        for (size_t k = s; k < doc->nsections && doc->sections[k].line < b->line; k++)
            if (doc->sections[k].level == a->level) {
                gaps++;
                break;
            }
    }
    return gaps >= 2 && 2 * gaps >= n - 1;
}
