/* SPDX-License-Identifier: BSD-2-Clause */
/* Rules about dates: entry-order, invalid-date, future-entry,
 * entry-before-document, duplicate-entry. */
#include "lint_internal.h"
#include "doc_internal.h"
#include "order.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "2025-10-01 15:51 MDT": the date as the entry writes it (normalised to
 * YYYY-MM-DD and 24-hour time). */
static const char *when(const slog_entry *e, char *buf, size_t size)
{
    snprintf(buf, size, "%s%s%s%s%s", e->date, e->time ? " " : "", e->time ? e->time : "",
             e->zone ? " " : "", e->zone ? e->zone : "");
    return buf;
}

/* " (21:35Z)" when the entry's zone is not the zone of the others it is
 * compared with, so that a reader can compare the instants. */
static const char *in_utc(const slog_entry *e, const slog_entry *a, const slog_entry *b, char *buf,
                          size_t size)
{
    buf[0] = '\0';
    int differ = 0;
    const slog_entry *others[2] = {a, b};
    for (int i = 0; i < 2; i++)
        if (others[i] && others[i]->has_instant)
            differ |=
                others[i]->zone_offset != e->zone_offset || others[i]->zone_known != e->zone_known;
    if (!e->has_instant || !differ || (e->zone_known && e->zone_offset == 0))
        return buf;
    long long t = e->instant;
    long day = (long)((t - ((t % 86400) + 86400) % 86400) / 86400);
    int sec = (int)(t - (long long)day * 86400);
    char date[11];
    slog_date_format(day, date);
    if (e->precision == SLOG_PRECISION_SECOND)
        snprintf(buf, size, " (%s %02d:%02d:%02dZ)", date, sec / 3600, sec / 60 % 60, sec % 60);
    else
        snprintf(buf, size, " (%s %02d:%02dZ)", date, sec / 3600, sec / 60 % 60);
    return buf;
}

static void describe(const slog_entry *e, const slog_entry *a, const slog_entry *b, char *buf,
                     size_t size)
{
    char w[96], u[48];
    snprintf(buf, size, "%s%s", when(e, w, sizeof w), in_utc(e, a, b, u, sizeof u));
}

/* entry-order: per log, the entries outside its longest monotone run. */
static slog_status entry_order(lint_ctx *ctx)
{
    const slog_doc *d = ctx->doc;
    slog_status st = SLOG_OK;
    for (size_t l = 0; l < d->nlogs && st == SLOG_OK; l++) {
        slog_misplaced *m;
        size_t n;
        if (slog_log_scattered(d, &d->logs[l]))
            continue;
        if (slog_log_misplaced(&d->logs[l], &m, &n) != 0)
            return SLOG_ERR_NOMEM;
        for (size_t i = 0; i < n && st == SLOG_OK; i++) {
            const slog_entry *e = m[i].entry, *a = m[i].before, *b = m[i].after;
            char me[160], x[160], y[160];
            describe(e, a, b, me, sizeof me);
            if (a)
                describe(a, e, NULL, x, sizeof x);
            if (b)
                describe(b, e, NULL, y, sizeof y);
            const char *dir = d->logs[l].direction == SLOG_NEWEST_FIRST ? " (newest first)" : "";
            if (a && b)
                st = lint_emit(ctx, SLOG_RULE_ENTRY_ORDER, e->line,
                               "dated %s, belongs between %s (line %d) and %s (line %d)%s", me, x,
                               a->line, y, b->line, dir);
            else if (a)
                st = lint_emit(ctx, SLOG_RULE_ENTRY_ORDER, e->line,
                               "dated %s, belongs after %s (line %d)%s", me, x, a->line, dir);
            else if (b)
                st = lint_emit(ctx, SLOG_RULE_ENTRY_ORDER, e->line,
                               "dated %s, belongs before %s (line %d)%s", me, y, b->line, dir);
        }
        free(m);
    }
    return st;
}

static const char *weekday_name(long day)
{
    static const char *const names[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                        "Friday", "Saturday", "Sunday"};
    return names[slog_weekday(day)];
}

static slog_status single_entry_rules(lint_ctx *ctx)
{
    const slog_doc *d = ctx->doc;
    slog_status st = SLOG_OK;
    char buf[64], today[11], docdate[11];
    slog_date_format(ctx->today, today);
    for (size_t i = 0; i < d->nentries && st == SLOG_OK; i++) {
        const slog_entry *e = d->entries[i];
        if (!e->date_valid)
            st = lint_emit(ctx, SLOG_RULE_INVALID_DATE, e->line, "'%s' is not a calendar date",
                           e->date_text ? e->date_text : e->date);
        else if (e->weekday_mismatch)
            st = lint_emit(ctx, SLOG_RULE_INVALID_DATE, e->line,
                           "the weekday written does not fit the date: %s is a %s", e->date,
                           weekday_name(e->day));
        else if (e->time && e->seconds < 0)
            st = lint_emit(ctx, SLOG_RULE_INVALID_DATE, e->line, "'%s' is not a time of day",
                           e->time);
        else if (e->day > ctx->today)
            st = lint_emit(ctx, SLOG_RULE_FUTURE_ENTRY, e->line,
                           "entry dated %s is after today (%s)", when(e, buf, sizeof buf), today);
        if (st == SLOG_OK && e->date_valid && d->date && !d->date_stamped && e->day < d->day) {
            slog_date_format(d->day, docdate);
            st = lint_emit(ctx, SLOG_RULE_ENTRY_BEFORE_DOCUMENT, e->line,
                           "entry dated %s is before the document's date %s", e->date, docdate);
        }
    }
    return st;
}

/* The log an entry's duplicates are looked for in: SPEC's log, the entries
 * of one nearest enclosing heading — across the archive zones and
 * collapsed blocks that statuslog reads as logs of their own for their
 * order (logs.c): a session pasted into two archived batches is a copy. */
static int same_heading(const slog_entry *x, const slog_entry *y)
{
    return x->heading_line == y->heading_line && x->parent == y->parent;
}

/* Same heading, date, label and time: the time compared as an instant at
 * the precision written (both without a time also count). */
static int by_log_date_label_time(const void *a, const void *b)
{
    const slog_entry *x = *(const slog_entry *const *)a, *y = *(const slog_entry *const *)b;
    if (!same_heading(x, y)) { /* by heading, then parent (by its place: no pointer order) */
        if (x->heading_line != y->heading_line)
            return x->heading_line < y->heading_line ? -1 : 1;
        size_t px = x->parent ? x->parent->index + 1 : 0, py = y->parent ? y->parent->index + 1 : 0;
        return px < py ? -1 : 1;
    }
    int c = strcmp(x->date, y->date);
    if (!c)
        c = strcmp(x->label, y->label);
    if (!c)
        c = (x->has_instant > y->has_instant) - (x->has_instant < y->has_instant);
    if (!c && x->has_instant)
        c = (x->instant > y->instant) - (x->instant < y->instant);
    if (!c)
        c = (x->seconds < 0) - (y->seconds < 0);
    return c ? c : (x->index > y->index) - (x->index < y->index);
}

static int same_time(const slog_entry *a, const slog_entry *b)
{
    if (a->has_instant != b->has_instant)
        return 0;
    return a->has_instant ? a->instant == b->instant : (a->time == NULL) == (b->time == NULL);
}

/* The entry's section below its heading with white space left out: a
 * pasted copy hashes as its original does. */
static uint64_t content_hash(const slog_doc *d, const slog_entry *e)
{
    uint64_t h = 1469598103934665603ull;
    for (int line = e->line + 1; line <= e->end_line; line++) {
        size_t len;
        const char *s = slog_text_line(&d->priv->text, line, &len);
        for (size_t i = 0; i < len; i++)
            if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
                h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    }
    return h;
}

/* Entries with a time duplicate one another only when they say the same
 * too (SPEC §3 r3): two automated runs stamped the same minute that
 * recorded different things are two runs. */
typedef struct {
    uint64_t hash;
    const slog_entry *e;
} hashed;

static int by_hash(const void *a, const void *b)
{
    const hashed *x = a, *y = b;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    return (x->e->index > y->e->index) - (x->e->index < y->e->index);
}

/* The heading a date-only entry's section opens with ("## 2026-01-05
 * (Mon)" / "### Events table created"), or NULL. */
static const char *opening_subheading(const slog_doc *d, const slog_entry *e)
{
    size_t lo = slog_doc_sections_before(d, e->line + 1); /* the first section after e's line */
    if (lo == d->nsections)
        return NULL;
    const slog_section *s = &d->sections[lo];
    if (s->line > e->end_line || s->level <= e->level)
        return NULL;
    for (int line = e->line + 1; line < s->line; line++) {
        size_t len;
        const char *t = slog_text_line(&d->priv->text, line, &len);
        while (len && (t[len - 1] == ' ' || t[len - 1] == '\t' || t[len - 1] == '\r'))
            len--;
        if (len)
            return NULL;
    }
    return s->title;
}

/* Two entries of one date without label or time that each open with a
 * heading of their own name two pieces of work (SPEC §3 r3: worth a
 * reader's time): "### Events table created" and "### Scope clarified". */
static int titled_apart(const slog_doc *d, const slog_entry *a, const slog_entry *b)
{
    if (*a->label || *b->label)
        return 0;
    const char *x = opening_subheading(d, a), *y = opening_subheading(d, b);
    return x && y && strcmp(x, y) != 0;
}

/* Sorted by (log, date, label, time), an entry after the first of its group
 * duplicates that first one (or, for entries with a time, the first one it
 * says the same as). */
slog_status lint_find_duplicates(lint_ctx *ctx)
{
    const slog_doc *d = ctx->doc;
    const slog_entry **sorted = malloc((d->nentries ? d->nentries : 1) * sizeof *sorted);
    const slog_entry **dup = calloc(d->nentries ? d->nentries : 1, sizeof *dup);
    hashed *keyed = malloc((d->nentries ? d->nentries : 1) * sizeof *keyed);
    if (!sorted || !dup || !keyed) {
        free(sorted);
        free(dup);
        free(keyed);
        return SLOG_ERR_NOMEM;
    }
    if (d->nentries)
        memcpy(sorted, d->entries, d->nentries * sizeof *sorted);
    qsort(sorted, d->nentries, sizeof *sorted, by_log_date_label_time);
    for (size_t a = 0, b; a < d->nentries; a = b) {
        const slog_entry *first = sorted[a];
        for (b = a + 1; b < d->nentries && same_heading(first, sorted[b]) &&
                        !strcmp(first->date, sorted[b]->date) &&
                        !strcmp(first->label, sorted[b]->label) && same_time(first, sorted[b]);
             b++)
            ;
        if (!first->time) { /* without a time, every later one is a duplicate */
            for (size_t i = a + 1; i < b; i++)
                if (!titled_apart(d, first, sorted[i]))
                    dup[sorted[i]->index] = first;
            continue;
        }
        /* with a time, an entry duplicates the first one that says the
         * same: by content hash, in document order within equal hashes */
        for (size_t i = a; i < b; i++)
            keyed[i - a] = (hashed){content_hash(d, sorted[i]), sorted[i]};
        qsort(keyed, b - a, sizeof *keyed, by_hash);
        for (size_t i = 1; i < b - a; i++)
            if (keyed[i].hash == keyed[i - 1].hash)
                dup[keyed[i].e->index] =
                    dup[keyed[i - 1].e->index] ? dup[keyed[i - 1].e->index] : keyed[i - 1].e;
    }
    free(keyed);
    free(sorted);
    ctx->duplicate_of = dup;
    return SLOG_OK;
}

enum { DUPLICATES_ONE_BY_ONE = 10 }; /* more in one log: one finding naming them */

/* The lines of the log's duplicates after `from`, up to 8, into out. */
static void duplicate_lines(const lint_ctx *ctx, size_t from, const slog_log *log, size_t n,
                            char *out, size_t cap)
{
    const slog_doc *d = ctx->doc;
    size_t o = 0, shown = 0;
    out[0] = '\0';
    for (size_t i = from; i < d->nentries && shown < 8 && o + 16 < cap; i++)
        if (ctx->duplicate_of[i] && d->entries[i]->log == log)
            o += (size_t)snprintf(out + o, cap - o, "%s%d", shown++ ? ", " : "",
                                  d->entries[i]->line);
    if (n > shown)
        snprintf(out + o, cap - o, " and %zu more", n - shown);
}

/* One finding a duplicate; a log with many (a watcher logging its own
 * writes twice a second) gets one finding naming them, not a flood. */
static slog_status duplicate_entry(lint_ctx *ctx)
{
    const slog_doc *d = ctx->doc;
    size_t *per_log = calloc(d->nlogs + 1, sizeof *per_log);
    if (!per_log)
        return SLOG_ERR_NOMEM;
    for (size_t i = 0; i < d->nentries; i++)
        if (ctx->duplicate_of[i] && d->entries[i]->log)
            per_log[d->entries[i]->log - d->logs]++;
    slog_status st = SLOG_OK;
    for (size_t i = 0; i < d->nentries && st == SLOG_OK; i++) {
        const slog_entry *e = d->entries[i], *first = ctx->duplicate_of[i];
        if (!first)
            continue;
        size_t *n = e->log ? &per_log[e->log - d->logs] : NULL;
        char w[96], lines[160];
        if (n && *n > DUPLICATES_ONE_BY_ONE) {
            duplicate_lines(ctx, i, e->log, *n, lines, sizeof lines);
            st = lint_emit(ctx, SLOG_RULE_DUPLICATE_ENTRY, e->line,
                           "%zu entries repeat an earlier entry of the same date and label "
                           "(copies): lines %s",
                           *n, lines);
            *n = 0; /* said */
        } else if (n && *n == 0) {
            continue; /* named by the log's finding */
        } else if (*e->label) {
            st = lint_emit(ctx, SLOG_RULE_DUPLICATE_ENTRY, e->line,
                           "another '%s' entry for %s is at line %d", e->label,
                           when(e, w, sizeof w), first->line);
        } else {
            st = lint_emit(ctx, SLOG_RULE_DUPLICATE_ENTRY, e->line,
                           "another entry for %s is at line %d", when(e, w, sizeof w), first->line);
        }
    }
    free(per_log);
    return st;
}

slog_status lint_dates(lint_ctx *ctx)
{
    slog_status st = SLOG_OK;
    if (lint_enabled(ctx, SLOG_RULE_ENTRY_ORDER))
        st = entry_order(ctx);
    if (st == SLOG_OK)
        st = single_entry_rules(ctx);
    if (st == SLOG_OK && lint_enabled(ctx, SLOG_RULE_DUPLICATE_ENTRY))
        st = duplicate_entry(ctx);
    return st;
}
