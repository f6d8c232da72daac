/* Rules about dates: entry-order, invalid-date, future-entry,
 * entry-before-document, duplicate-entry. */
#include "lint_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "2025-10-01 15:51 MDT": the date as the heading writes it. */
static const char *when(const slog_entry *e, char *buf, size_t size)
{
    snprintf(buf, size, "%s%s%s%s%s", e->date, e->time ? " " : "", e->time ? e->time : "",
             e->zone ? " " : "", e->zone ? e->zone : "");
    return buf;
}

/* 1 when a is later than b: as instants when both have a time, else by date. */
static int later(const lint_ctx *ctx, const slog_entry *a, const slog_entry *b)
{
    long long ia, ib;
    const char *tz = ctx->config->timezone;
    if (slog_entry_instant(a, tz, &ia) == 0 && slog_entry_instant(b, tz, &ib) == 0)
        return ia > ib;
    return a->day > b->day;
}

/* An entry is compared with its siblings (same nearest dated ancestor): the
 * latest sibling so far is kept per parent, so one pass suffices. */
static slog_status entry_order(lint_ctx *ctx)
{
    const slog_doc *d = ctx->doc;
    const slog_entry **latest = calloc(d->nentries + 1, sizeof *latest);
    if (!latest)
        return SLOG_ERR_NOMEM;
    slog_status st = SLOG_OK;
    for (size_t i = 0; i < d->nentries && st == SLOG_OK; i++) {
        const slog_entry *e = d->entries[i];
        if (!e->date_valid)
            continue;
        size_t key = e->parent ? e->parent->index + 1 : 0;
        const slog_entry *prev = latest[key];
        if (prev && later(ctx, prev, e)) {
            char a[64], b[64];
            st = lint_emit(ctx, SLOG_RULE_ENTRY_ORDER, e->line,
                           "entry dated %s is earlier than %s at line %d", when(e, a, sizeof a),
                           when(prev, b, sizeof b), prev->line);
        } else {
            latest[key] = e;
        }
    }
    free(latest);
    return st;
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
                           e->date);
        else if (e->time && e->seconds < 0)
            st = lint_emit(ctx, SLOG_RULE_INVALID_DATE, e->line, "'%s' is not a time of day",
                           e->time);
        else if (e->day > ctx->today)
            st = lint_emit(ctx, SLOG_RULE_FUTURE_ENTRY, e->line,
                           "entry dated %s is after today (%s)", when(e, buf, sizeof buf), today);
        if (st == SLOG_OK && e->date_valid && d->date && e->day < d->day) {
            slog_date_format(d->day, docdate);
            st = lint_emit(ctx, SLOG_RULE_ENTRY_BEFORE_DOCUMENT, e->line,
                           "entry dated %s is before the document's date %s", e->date, docdate);
        }
    }
    return st;
}

static int by_date_label(const void *a, const void *b)
{
    const slog_entry *x = *(const slog_entry *const *)a, *y = *(const slog_entry *const *)b;
    int c = strcmp(x->date, y->date);
    if (!c)
        c = strcmp(x->label, y->label);
    return c ? c : (x->index > y->index) - (x->index < y->index);
}

/* Same date and label, neither with a time: sorted by (date, label), every
 * entry after the first of its group is a duplicate of that first one. */
static slog_status duplicate_entry(lint_ctx *ctx)
{
    const slog_doc *d = ctx->doc;
    const slog_entry **untimed = malloc((d->nentries ? d->nentries : 1) * sizeof *untimed);
    if (!untimed)
        return SLOG_ERR_NOMEM;
    size_t n = 0;
    for (size_t i = 0; i < d->nentries; i++)
        if (!d->entries[i]->time)
            untimed[n++] = d->entries[i];
    qsort(untimed, n, sizeof *untimed, by_date_label);
    slog_status st = SLOG_OK;
    const slog_entry *first = NULL;
    for (size_t i = 0; i < n && st == SLOG_OK; i++) {
        const slog_entry *e = untimed[i];
        if (first && !strcmp(first->date, e->date) && !strcmp(first->label, e->label))
            st = lint_emit(ctx, SLOG_RULE_DUPLICATE_ENTRY, e->line,
                           "another '%s' entry for %s is at line %d", e->label, e->date,
                           first->line);
        else
            first = e;
    }
    free(untimed);
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
