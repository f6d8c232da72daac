/* SPDX-License-Identifier: BSD-2-Clause */
/* Rules about dates: entry-order, invalid-date, future-entry,
 * entry-before-document; duplicate-entry is lint_duplicates.c's. */
#include "lint_internal.h"
#include "doc_internal.h"
#include "order.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "2025-10-01 15:51 MDT": the date as the entry writes it (normalised to
 * YYYY-MM-DD and 24-hour time). */
const char *lint_when(const slog_entry *e, char *buf, size_t size)
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
    snprintf(buf, size, "%s%s", lint_when(e, w, sizeof w), in_utc(e, a, b, u, sizeof u));
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

/* Whether the entries before the document's date are strays worth telling
 * (a year mistyped): at most one in ten of the dated entries (one at
 * least), fewer than half. When more precede it, the document's date is
 * when it was written up or published, not when its log began: a journal
 * begun a year before its front matter's date, an incident report whose
 * timeline starts before the report. */
static int strays_before_document(const slog_doc *d)
{
    size_t dated = 0, before = 0;
    for (size_t i = 0; i < d->nentries; i++) {
        const slog_entry *e = d->entries[i];
        if (!e->date_valid)
            continue;
        dated++;
        before += e->day < d->day;
    }
    size_t most = dated / 10 > 1 ? dated / 10 : 1;
    return before && before <= most && 2 * before < dated;
}

static slog_status single_entry_rules(lint_ctx *ctx)
{
    const slog_doc *d = ctx->doc;
    slog_status st = SLOG_OK;
    char buf[64], today[11], docdate[11];
    slog_date_format(ctx->today, today);
    int strays = d->date && !d->date_stamped && strays_before_document(d);
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
                           "entry dated %s is after today (%s)", lint_when(e, buf, sizeof buf),
                           today);
        if (st == SLOG_OK && strays && e->date_valid && e->day < d->day) {
            slog_date_format(d->day, docdate);
            st = lint_emit(ctx, SLOG_RULE_ENTRY_BEFORE_DOCUMENT, e->line,
                           "entry dated %s is before the document's date %s", e->date, docdate);
        }
    }
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
        st = lint_duplicate_entry(ctx);
    return st;
}
