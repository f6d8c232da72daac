/* SPDX-License-Identifier: BSD-2-Clause */
/* duplicate-entry: the same date, label and time as an earlier entry of
 * the same log (SPEC §3), a copy when the entries have a time, and not
 * the next session of a day in a log of sessions. */
#include "lint_internal.h"
#include "doc_internal.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

/* By heading (then parent, by its place), then place in the document. */
static int by_heading_place(const void *a, const void *b)
{
    const slog_entry *x = *(const slog_entry *const *)a, *y = *(const slog_entry *const *)b;
    if (x->heading_line != y->heading_line)
        return x->heading_line < y->heading_line ? -1 : 1;
    size_t px = x->parent ? x->parent->index + 1 : 0, py = y->parent ? y->parent->index + 1 : 0;
    if (px != py)
        return px < py ? -1 : 1;
    return (x->index > y->index) - (x->index < y->index);
}

/* Each entry's day run: entries of one heading that follow one another
 * with the same date share a number. Two untimed entries of one run that
 * say different things are two sessions of one day ("## 2026-02-17" after
 * "## 2026-02-17", a second rebuild the same day), not a copy; the same
 * day written again after other days is the split a reader wants told. */
static size_t *day_runs(const slog_doc *d)
{
    size_t *run = malloc((d->nentries ? d->nentries : 1) * sizeof *run);
    const slog_entry **scratch = malloc((d->nentries ? d->nentries : 1) * sizeof *scratch);
    if (!run || !scratch) {
        free(run);
        free(scratch);
        return NULL;
    }
    memcpy(scratch, d->entries, d->nentries * sizeof *scratch);
    qsort(scratch, d->nentries, sizeof *scratch, by_heading_place);
    size_t n = 0;
    for (size_t i = 0; i < d->nentries; i++) {
        if (i && (!same_heading(scratch[i - 1], scratch[i]) ||
                  strcmp(scratch[i - 1]->date, scratch[i]->date)))
            n++;
        run[scratch[i]->index] = n;
    }
    free(scratch);
    return run;
}

/* A log of sessions writes several entries a day as a habit: at least
 * this many of its days have more than one, or it has twice as many
 * entries as days (SESSION_ENTRIES at least). In a log of one entry a day a second entry of a day
 * is the split a reader wants told. */
enum { SESSION_DAYS = 3, SESSION_ENTRIES = 8 };

/* Per entry of `sorted` (by heading, then date): whether its heading's log
 * is a log of sessions. */
static void mark_session_logs(const slog_entry **sorted, size_t n, unsigned char *sessions)
{
    for (size_t h = 0, h1; h < n; h = h1) {
        size_t busy_days = 0, days = 0;
        for (h1 = h; h1 < n && same_heading(sorted[h], sorted[h1]);) {
            size_t day = h1;
            while (h1 < n && same_heading(sorted[h], sorted[h1]) &&
                   !strcmp(sorted[day]->date, sorted[h1]->date))
                h1++;
            busy_days += h1 - day > 1;
            days++;
        }
        /* or twice as many entries as days: a log of steps, 18 on one day */
        int habit = busy_days >= SESSION_DAYS ||
                    (busy_days && h1 - h >= 2 * days && h1 - h >= SESSION_ENTRIES);
        for (size_t i = h; i < h1; i++)
            sessions[sorted[i]->index] = habit;
    }
}

/* A label that numbers its session ("会话 #9", "Session 4", "Day 14"):
 * a number the author gives once, so two entries of it are one session
 * written twice, whatever they say. */
static int numbered_label(const char *label)
{
    static const char *const words[] = {"session", "day",  "sprint", "sesión",
                                        "sitzung", "会话", "세션",   "セッション"};
    for (const char *p = label; *p; p++) {
        if (*p == '#' && p[1] >= '0' && p[1] <= '9')
            return 1;
        for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
            size_t n = strlen(words[w]);
            if ((p == label || p[-1] == ' ' || p[-1] == '(') && !strncasecmp(p, words[w], n)) {
                const char *q = p + n;
                while (*q == ' ' || *q == '#')
                    q++;
                if (*q >= '0' && *q <= '9')
                    return 1;
            }
        }
    }
    return 0;
}

enum { COPY_LINE_MIN = 16 }; /* shorter lines (rules, captions) say too little */

static int by_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* The hashes of an entry's lines of text (not headings, not short lines),
 * white space left out, sorted; NULL with *n 0 when it has none. */
static uint64_t *line_hashes(const slog_doc *d, const slog_entry *e, size_t *n)
{
    *n = 0;
    size_t cap = (size_t)(e->end_line - e->line);
    uint64_t *h = malloc((cap ? cap : 1) * sizeof *h);
    if (!h)
        return NULL;
    for (int line = e->line + 1; line <= e->end_line; line++) {
        size_t len, kept = 0;
        const char *s = slog_text_line(&d->priv->text, line, &len);
        uint64_t x = 1469598103934665603ull;
        for (size_t i = 0; i < len; i++)
            if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') {
                if (!kept && s[i] == '#')
                    break; /* a heading: the captions sessions share */
                x = (x ^ (unsigned char)s[i]) * 1099511628211ull;
                kept++;
            }
        if (kept >= COPY_LINE_MIN)
            h[(*n)++] = x;
    }
    qsort(h, *n, sizeof *h, by_u64);
    return h;
}

/* Whether b copies a: more than half the lines of the shorter are in the
 * other (a pasted copy, a copy with a line or two changed, a fuller copy
 * of the same session). -1 when out of memory. */
static int copies(const slog_doc *d, const slog_entry *a, const slog_entry *b)
{
    size_t na, nb;
    uint64_t *x = line_hashes(d, a, &na), *y = x ? line_hashes(d, b, &nb) : NULL;
    if (!x || !y) {
        free(x);
        return -1;
    }
    size_t common = 0;
    for (size_t i = 0, j = 0; i < na && j < nb;) {
        if (x[i] == y[j])
            common++, i++, j++;
        else if (x[i] < y[j])
            i++;
        else
            j++;
    }
    size_t shorter = na < nb ? na : nb;
    free(x);
    free(y);
    return shorter ? 2 * common > shorter : content_hash(d, a) == content_hash(d, b);
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
    size_t *run = NULL; /* the day runs, read only when a log of sessions needs them */
    unsigned char *sessions = malloc(d->nentries ? d->nentries : 1);
    if (!sessions) {
        free(sorted);
        free(dup);
        free(keyed);
        return SLOG_ERR_NOMEM;
    }
    if (d->nentries)
        memcpy(sorted, d->entries, d->nentries * sizeof *sorted);
    qsort(sorted, d->nentries, sizeof *sorted, by_log_date_label_time);
    mark_session_logs(sorted, d->nentries, sessions);
    slog_status st = SLOG_OK;
    for (size_t a = 0, b; a < d->nentries && st == SLOG_OK; a = b) {
        const slog_entry *first = sorted[a];
        for (b = a + 1; b < d->nentries && same_heading(first, sorted[b]) &&
                        !strcmp(first->date, sorted[b]->date) &&
                        !strcmp(first->label, sorted[b]->label) && same_time(first, sorted[b]);
             b++)
            ;
        if (!first->time) { /* without a time, every later one is a duplicate */
            for (size_t i = a + 1; i < b; i++) {
                const slog_entry *e = sorted[i];
                if (titled_apart(d, first, e))
                    continue;
                if (sessions[e->index] && !run && !(run = day_runs(d))) {
                    st = SLOG_ERR_NOMEM;
                    break;
                }
                if (sessions[e->index] && run[e->index] == run[sorted[i - 1]->index] &&
                    !numbered_label(e->label)) {
                    int c = copies(d, sorted[i - 1], e);
                    if (c < 0)
                        st = SLOG_ERR_NOMEM;
                    if (c <= 0)
                        continue; /* the next session of the same day */
                }
                dup[e->index] = first;
            }
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
    free(run);
    free(sessions);
    free(keyed);
    free(sorted);
    if (st != SLOG_OK) {
        free(dup);
        return st;
    }
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
slog_status lint_duplicate_entry(lint_ctx *ctx)
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
                           lint_when(e, w, sizeof w), first->line);
        } else {
            st = lint_emit(ctx, SLOG_RULE_DUPLICATE_ENTRY, e->line,
                           "another entry for %s is at line %d", lint_when(e, w, sizeof w),
                           first->line);
        }
    }
    free(per_log);
    return st;
}
