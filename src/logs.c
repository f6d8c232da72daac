/* SPDX-License-Identifier: BSD-2-Clause */
/* Logs (SPEC §1 r2): entries with the same parent, in document order, and
 * the direction each is written in — newest-first when more of its adjacent
 * entries go back in time than forward (ties: oldest-first), unless the
 * configuration fixes it. Also the instants entries are compared by. */
#include "build_internal.h"

#include "statuslog/lint.h"

#include <stdlib.h>
#include <string.h>

int slog_entry_compare(const slog_entry *a, const slog_entry *b)
{
    if (a->has_instant && b->has_instant) {
        long long x = a->instant, y = b->instant;
        if (a->precision == SLOG_PRECISION_MINUTE || b->precision == SLOG_PRECISION_MINUTE) {
            /* the coarser precision: 02:35Z equals 02:35:29Z */
            x = (x - ((x % 60) + 60) % 60) / 60;
            y = (y - ((y % 60) + 60) % 60) / 60;
        }
        return (x > y) - (x < y);
    }
    return (a->day > b->day) - (a->day < b->day);
}

/* Times without a zone: the configured timezone; without one, the zone of
 * the nearest entry before it in the log that names one (after it, when
 * none before does): a reader of a log written in MDT reads its bare
 * "16:21" as MDT, and a log that moves from -06:00 to Z moves its bare
 * times with it; with no zone named at all, the machine's zone. */
static void instants(slog_log *log, const slog_config *cfg)
{
    const slog_entry *named = NULL; /* the latest entry with a zone and a time */
    for (size_t i = 0; i < log->nentries && !cfg->timezone && !named; i++)
        if (log->entries[i]->zone_known && log->entries[i]->seconds >= 0)
            named = log->entries[i]; /* before the first: the first that names one */
    for (size_t i = 0; i < log->nentries; i++) {
        slog_entry *e = log->entries[i];
        slog_entry local = *e;
        if (!cfg->timezone && e->zone_known && e->seconds >= 0)
            named = e;
        if (named && !e->zone_known) {
            local.zone_known = 1;
            local.zone_offset = named->zone_offset;
        }
        e->has_instant = slog_entry_instant(&local, cfg->timezone, &e->instant) == 0;
    }
}

/* Adjacent pairs going back and forward in time; with `grouped`, only
 * pairs within one group. */
static void count_steps(const slog_log *log, int grouped, size_t *back, size_t *forward)
{
    const slog_entry *prev = NULL;
    *back = *forward = 0;
    for (size_t i = 0; i < log->nentries; i++) {
        const slog_entry *e = log->entries[i];
        if (!e->date_valid)
            continue;
        if (prev && (!grouped || prev->group_line == e->group_line)) {
            int c = slog_entry_compare(prev, e);
            *back += c > 0;
            *forward += c < 0;
        }
        prev = e;
    }
}

/* Weeks newest-first with their days oldest-first is a log written
 * oldest-first: the direction is the one within groups, when there are
 * pairs within groups. */
int slog_entry_key_cmp(const slog_entry *x, const slog_entry *y)
{
    int c = strcmp(x->date, y->date);
    if (!c)
        c = strcmp(x->time ? x->time : "", y->time ? y->time : "");
    if (!c)
        c = strcmp(x->label, y->label);
    return c;
}

int slog_entry_by_key(const void *a, const void *b)
{
    const slog_entry *x = *(const slog_entry *const *)a, *y = *(const slog_entry *const *)b;
    int c = slog_entry_key_cmp(x, y);
    return c ? c : (x->index > y->index) - (x->index < y->index);
}

static slog_direction direction(const slog_log *log, const slog_config *cfg)
{
    if (cfg->order == SLOG_ORDER_NEWEST_FIRST)
        return SLOG_NEWEST_FIRST;
    if (cfg->order == SLOG_ORDER_OLDEST_FIRST)
        return SLOG_OLDEST_FIRST;
    size_t back, forward;
    count_steps(log, 1, &back, &forward);
    if (!back && !forward)
        count_steps(log, 0, &back, &forward);
    return back > forward ? SLOG_NEWEST_FIRST : SLOG_OLDEST_FIRST;
}

typedef struct {
    int line, level, is_entry;
} open_heading;

/* Each entry's group: the nearest open heading of a higher level, when
 * that is an undated one (sections and entries merged in line order; the
 * open headings form a stack of rising levels). */
static slog_status group_lines(slog_doc *doc)
{
    open_heading *stack = malloc((doc->nentries + doc->nsections + 1) * sizeof *stack);
    if (!stack)
        return SLOG_ERR_NOMEM;
    size_t depth = 0, j = 0;
    for (size_t i = 0; i < doc->nentries; i++) {
        slog_entry *e = doc->entries[i];
        for (; j < doc->nsections && doc->sections[j].line < e->line; j++) {
            while (depth && stack[depth - 1].level >= doc->sections[j].level)
                depth--;
            stack[depth++] = (open_heading){doc->sections[j].line, doc->sections[j].level, 0};
        }
        while (depth && stack[depth - 1].level >= e->level)
            depth--;
        e->group_line = depth && !stack[depth - 1].is_entry ? stack[depth - 1].line : 0;
        stack[depth++] = (open_heading){e->line, e->level, 1};
    }
    free(stack);
    return SLOG_OK;
}

slog_status slog_logs_build(slog_doc *doc, const slog_config *cfg, slog_arena *arena)
{
    size_t n = doc->nentries;
    if (!n)
        return SLOG_OK;
    if (group_lines(doc) != SLOG_OK)
        return SLOG_ERR_NOMEM;
    /* log number of each parent (index + 1; 0 for the top), in order of first entry */
    size_t *log_of = malloc((n + 1) * sizeof *log_of);
    size_t *count = calloc(n + 1, sizeof *count);
    if (!log_of || !count) {
        free(log_of);
        free(count);
        return SLOG_ERR_NOMEM;
    }
    memset(log_of, 0xFF, (n + 1) * sizeof *log_of);
    size_t nlogs = 0;
    for (size_t i = 0; i < n; i++) {
        size_t key = doc->entries[i]->parent ? doc->entries[i]->parent->index + 1 : 0;
        if (log_of[key] == (size_t)-1)
            log_of[key] = nlogs++;
        count[log_of[key]]++;
    }
    doc->logs = slog_arena_alloc(arena, nlogs * sizeof *doc->logs);
    slog_status st = doc->logs ? SLOG_OK : SLOG_ERR_NOMEM;
    for (size_t l = 0; st == SLOG_OK && l < nlogs; l++) {
        doc->logs[l].entries = slog_arena_alloc(arena, count[l] * sizeof(slog_entry *));
        if (!doc->logs[l].entries)
            st = SLOG_ERR_NOMEM;
    }
    for (size_t i = 0; st == SLOG_OK && i < n; i++) {
        slog_entry *e = doc->entries[i];
        slog_log *log = &doc->logs[log_of[e->parent ? e->parent->index + 1 : 0]];
        log->parent = e->parent;
        log->entries[log->nentries++] = e;
        e->log = log;
    }
    if (st == SLOG_OK) {
        doc->nlogs = nlogs;
        for (size_t l = 0; l < nlogs; l++) {
            instants(&doc->logs[l], cfg);
            doc->logs[l].direction = direction(&doc->logs[l], cfg);
        }
    }
    free(log_of);
    free(count);
    return st;
}
