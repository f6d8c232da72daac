/* SPDX-License-Identifier: BSD-2-Clause */
/* Rules about what entries say: empty-entry, repeated-entry,
 * unmarked-item; open-checklist is lint_checklist.c's. */
#include "lint_internal.h"

#include "buf.h"

#include "doc_internal.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "similar.h"
#include "words.h"
#include "statuslog/check.h"

/* --- repeated-entry ----------------------------------------------------------- */

/* Every item of `e` records, with the same state, what an item of `base`
 * recorded: the same words, digits, dates, times, durations and hashes
 * aside (SPEC §3 r3: "Finalized ..." and "Converted ..." are two things,
 * even when they are one task's steps). */
static int items_repeat(const slog_vocab *v, const slog_item *items, const slog_item *base);

/* `it` says what `b` said, and so do its sub-items ("Project work" twice,
 * with "Update README" under one and "Error handling" under the other, is
 * two days of different work). */
/* The step of a task's life an item's first word names ("started",
 * "finished", "paused", "shipped"), or 0: "started the migration" then
 * "finished the migration" is progress, however alike the rest. */
static int life_step(const char *t)
{
    static const struct {
        const char *word;
        int step;
    } steps[] = {{"start", 1},   {"began", 1},   {"begin", 1},   {"kicked", 1}, {"finish", 2},
                 {"complet", 2}, {"ended", 2},   {"wrapped", 2}, {"resum", 3},  {"restart", 3},
                 {"paus", 4},    {"stopp", 4},   {"halt", 4},    {"merg", 5},   {"ship", 6},
                 {"deploy", 6},  {"releas", 6},  {"publish", 6}, {"review", 7}, {"test", 8},
                 {"draft", 9},   {"approv", 10}, {"submit", 11}, {"plann", 12}};
    while (*t == '*' || *t == '_' || *t == ' ')
        t++;
    for (size_t k = 0; k < sizeof steps / sizeof *steps; k++)
        if (!strncasecmp(t, steps[k].word, strlen(steps[k].word)))
            return steps[k].step;
    return 0;
}

/* The step its last word names: "Image captioning started", then
 * "... continued", "... 진행", "... 종료". */
static int life_step_last(const char *t)
{
    static const struct {
        const char *word;
        int step;
    } steps[] = {{"started", 1},   {"begun", 1},     {"continued", 3},  {"resumed", 3},
                 {"finished", 2},  {"completed", 2}, {"done", 2},       {"paused", 4},
                 {"stopped", 4},   {"시작", 1},      {"진행", 3},       {"계속", 3},
                 {"종료", 2},      {"완료", 2},      {"开始", 1},       {"继续", 3},
                 {"完成", 2},      {"開始", 1},      {"継続", 3},       {"完了", 2},
                 {"merged", 5},    {"shipped", 6},   {"deployed", 6},   {"released", 6},
                 {"published", 6}, {"reviewed", 7},  {"submitted", 11}, {"approved", 10}};
    size_t n = strlen(t);
    while (n && strchr(" .;)*_", t[n - 1]))
        n--;
    for (size_t k = 0; k < sizeof steps / sizeof *steps; k++) {
        size_t w = strlen(steps[k].word);
        if (w <= n && !strncasecmp(t + n - w, steps[k].word, w) && (w == n || t[n - w - 1] == ' '))
            return steps[k].step;
    }
    return 0;
}

/* "Files: `api/routes.py`, `ui/list.html`", "Next step: ...": a key of
 * three words at most and its value. */
static int keyed(const char *t)
{
    size_t words = 1;
    for (size_t i = 0; t[i] && i < 32; i++) {
        if (t[i] == ':')
            return i > 0 && (t[i + 1] == ' ' || !t[i + 1]);
        words += t[i] == ' ';
        if (words > 3)
            return 0;
    }
    return 0;
}

static int item_repeats(const slog_vocab *v, const slog_item *b, const slog_item *it)
{
    if (b->state != it->state || !slog_vocab_repeats(v, b->index, it->index))
        return 0;
    /* a keyed record repeats its value (or less of it), or records a new
     * one: other files changed, other tests run */
    if (keyed(b->text) && keyed(it->text) && !slog_vocab_nothing_new(v, b->index, it->index))
        return 0;
    int sb = life_step(b->text), si = life_step(it->text);
    int lb = life_step_last(b->text), li = life_step_last(it->text);
    /* "Continue working on maps" day after day: the work went on, said so */
    const char *t = it->text;
    while (*t == '*' || *t == '_' || *t == ' ')
        t++;
    if (!strncasecmp(t, "continu", 7) || !strncasecmp(t, "keep working", 12) ||
        !strncasecmp(t, "still working", 13))
        return 0;
    /* and across: "Finish first blog post", then "First blog post published" */
    int xb = sb ? sb : lb, xi = si ? si : li;
    return (!sb || !si || sb == si) && (!lb || !li || lb == li) && (!xb || !xi || xb == xi) &&
           (!it->children || items_repeat(v, it->children, b->children)) &&
           !slog_numbered_apart(b->text, it->text) /* "Exercise 3", then "Exercise 4" */;
}

static int items_repeat(const slog_vocab *v, const slog_item *items, const slog_item *base)
{
    if (!base)
        return 0;
    for (const slog_item *it = items; it; it = it->next) {
        int found = 0;
        for (const slog_item *b = base; b && !found; b = b->next)
            found = item_repeats(v, b, it);
        if (!found)
            return 0;
    }
    return 1;
}

/* An item that opens with the time it took ("*5 hours* Writing the
 * dissertation", "2h: review", "30 min standup"): a time log's record of
 * work done, new every day however alike the words. */
static int time_record(const slog_item *it)
{
    const char *t = it->text;
    while (*t == '*' || *t == '_' || *t == ' ')
        t++;
    if (!(*t >= '0' && *t <= '9'))
        return 0;
    while ((*t >= '0' && *t <= '9') || *t == '.' || *t == ',')
        t++;
    while (*t == ' ')
        t++;
    static const char *const units[] = {"hours",  "hour", "hrs", "hr",      "h",     "minutes",
                                        "minute", "mins", "min", "stunden", "horas", "heures"};
    for (size_t k = 0; k < sizeof units / sizeof *units; k++) {
        size_t n = strlen(units[k]);
        if (!strncasecmp(t, units[k], n) && !((t[n] | 0x20) >= 'a' && (t[n] | 0x20) <= 'z'))
            return 1;
    }
    return 0;
}

/* A hash of what the entry says outside its items (a diary day's
 * "Vacation: Arles"): its own lines below its header that are neither
 * blank nor an item's, letters only, lower case, digits aside; 0 when
 * there are none. */
static uint64_t prose_hash(const slog_doc *d, const slog_entry *e)
{
    int last = e->end_line;
    if (e->index + 1 < d->nentries && d->entries[e->index + 1]->parent == e)
        last = d->entries[e->index + 1]->line - 1; /* its own part */
    const slog_item *it = e->items;
    uint64_t h = 1469598103934665603ull;
    int any = 0;
    int first = (e->date_line > e->line ? e->date_line : e->line) + 1;
    for (int line = first; line <= last; line++) {
        while (it && it->end_line < line)
            it = it->next;
        if (it && it->line <= line)
            continue;
        size_t n;
        const unsigned char *p = (const unsigned char *)slog_text_line(&d->priv->text, line, &n);
        for (size_t k = 0; k < n; k++)
            if (p[k] >= 0x80 || ((p[k] | 0x20) >= 'a' && (p[k] | 0x20) <= 'z')) {
                h = (h ^ (p[k] < 0x80 ? (p[k] | 0x20) : p[k])) * 1099511628211ull;
                any = 1;
            }
    }
    return any ? h : 0;
}

/* A done item that reports an action ("Fixed edge case bugs", "Wrote the
 * parser"), not an observation of a state ("Reran the suite; all passed",
 * "health check OK", "Queue depth 0"): new work each time it is written,
 * however alike. */
static int done_action(const slog_item *it)
{
    static const char *const observed[] = {
        "pass",        "passed",     "passes",      "passing",     "ok",        "okay",
        "fail",        "failed",     "failing",     "green",       "red",       "success",
        "succeeded",   "successful", "healthy",     "unhealthy",   "error",     "errors",
        "timeout",     "stable",     "unchanged",   "running",     "idle",      "nominal",
        "clean",       "no change",  "no changes",  "nothing new", "still",     "same",
        "verified",    "confirmed",  "reconfirmed", "checked",     "alive",     "successfully",
        "succeeds",    "works",      "working",     "fine",        "valid",     "validated",
        "revalidated", "reran",      "rerun",       "re-ran",      "rechecked", "retested",
        "no issues"};
    const char *t = it->text;
    if (strpbrk(t, "0123456789"))
        return 0;                     /* a figure: a reading ("Queue depth 0", "p95 120 ms") */
    if (it->state == SLOG_STATE_NOTE) /* "Added error handling": what was done */
        return slog_past_tense_first(t) > 0;
    if (it->state != SLOG_STATE_DONE)
        return 0;
    if (slog_names_any(t, strlen(t), observed, sizeof observed / sizeof *observed))
        return 0;
    /* "API up", "DB down": a reading; "Cleaned up the code": an action */
    static const char *const state_last[] = {"up", "down"};
    const char *last = strrchr(t, ' ');
    if (last && slog_names_any(last + 1, strlen(last + 1), state_last, 2))
        return 0;
    return 1;
}

/* An item that records a release or a tag of a version ("v2.4.0
 * released", "Tagged 1.8.1"), or a version bumped to: one more each time (SPEC §3: the
 * version's digits aside, it would read as the same line). */
static int release_record(const char *t)
{
    static const char *const events[] = {"releas",   "tagged",  "publish", "shipped",
                                         "deployed", "created", "cut"};
    /* "Bump default version of compose to v2.30.0", "… of SQLite to
     * 3460000": a version moved to, any number */
    static const char *const bumps[] = {"bump", "upgrad", "updated to", "update to"};
    int event = 0, bump = 0, version = 0, digits = 0;
    for (const char *p = t; *p; p++) {
        int start = p == t || !(((p[-1] | 0x20) >= 'a' && (p[-1] | 0x20) <= 'z'));
        for (size_t k = 0; start && !event && k < sizeof events / sizeof *events; k++)
            event = !strncasecmp(p, events[k], strlen(events[k]));
        for (size_t k = 0; start && !bump && k < sizeof bumps / sizeof *bumps; k++)
            bump = !strncasecmp(p, bumps[k], strlen(bumps[k]));
        /* "v2.4", "1.8.1": digits, a dot, digits */
        version |= *p >= '0' && *p <= '9' && p[1] == '.' && p[2] >= '0' && p[2] <= '9';
        digits |= *p >= '0' && *p <= '9';
    }
    return (event && version) || (bump && digits);
}

/* An item that opens with a commit's hash ("3df8514 build-assets: updates",
 * "`a0cdb12` fix typo"): a commit made, new each time however alike its
 * message. */
static int commit_record(const char *t)
{
    while (*t == '`' || *t == '*' || *t == '[')
        t++;
    size_t n = 0, digits = 0;
    for (; (t[n] >= '0' && t[n] <= '9') || (t[n] >= 'a' && t[n] <= 'f'); n++)
        digits += t[n] <= '9';
    return n >= 7 && n <= 40 && digits && digits < n && strchr("` ]:", t[n]) && t[n];
}

/* Whether e says in prose what base did not (nothing, when it has no prose). */
static int new_prose(const slog_doc *d, const slog_entry *e, const slog_entry *base)
{
    uint64_t h = prose_hash(d, e);
    return h && h != prose_hash(d, base);
}

/* A long entry repeats only as a copy: each item's text as written in
 * base. Day plans of twenty items that carry most of yesterday's tasks
 * but reword what each step did ("(database design)", then "(API and a
 * simple UI)") are alike word for word and still record new work. */
enum { LONG_ENTRY = 6 };

static int items_copied(const slog_item *items, const slog_item *base, size_t nbase)
{
    /* base's hashes once, not once per item of e */
    uint32_t few[64], *hb = nbase <= 64 ? few : malloc(nbase * sizeof *hb);
    if (!hb)
        return 0; /* out of memory: not reported as a repeat */
    size_t n = 0;
    for (const slog_item *b = base; b && n < nbase; b = b->next)
        hb[n++] = slog_item_hash("", "", b->text);
    int copied = 1;
    for (const slog_item *it = items; it && copied; it = it->next) {
        uint32_t h = slog_item_hash("", "", it->text);
        size_t k = 0;
        while (k < n && hb[k] != h)
            k++;
        copied = k < n;
    }
    if (hb != few)
        free(hb);
    return copied;
}

/* A label that names an event ("[bot] (main): auto-promote (gates
 * green)", "Deploy to staging"): each entry records one more of them, a
 * promotion on a new commit, however alike their items. */
static int event_label(const char *label)
{
    static const char *const events[] = {"promot", "deploy",  "releas",   "publish", "ship",
                                         "merg",   "rollout", "rollback", "tagged"};
    for (const char *p = label; *p; p++) {
        if (p > label && ((p[-1] | 0x20) >= 'a' && (p[-1] | 0x20) <= 'z'))
            continue; /* the start of a word only */
        for (size_t k = 0; k < sizeof events / sizeof *events; k++)
            if (!strncasecmp(p, events[k], strlen(events[k])))
                return 1;
    }
    return 0;
}

static int repeats(const lint_ctx *ctx, const slog_vocab *v, const slog_entry *e,
                   const slog_entry *base)
{
    if (!e->nitems || !base->nitems || event_label(e->label) ||
        !items_repeat(v, e->items, base->items))
        return 0;
    if (e->nitems > LONG_ENTRY && !items_copied(e->items, base->items, base->nitems))
        return 0;
    /* only for entries whose items repeat: what each item reports */
    for (const slog_item *it = e->items; it; it = it->next)
        if (time_record(it) || done_action(it) || release_record(it->text) ||
            commit_record(it->text))
            return 0;
    return e->kind == SLOG_ENTRY_LIST || new_prose(ctx->doc, e, base) == 0;
}

/* Undated headings by level: whether one of level <= L stands between two
 * lines, in O(log n) (prefix counts per level over the sections in line
 * order). */
typedef struct {
    const slog_doc *d;
    size_t *count[7]; /* count[L][i]: sections of level <= L among the first i */
} section_index;

static int section_index_build(section_index *x, const slog_doc *d)
{
    x->d = d;
    for (int l = 1; l <= 6; l++) {
        x->count[l] = malloc((d->nsections + 1) * sizeof *x->count[l]);
        if (!x->count[l])
            return 0;
        x->count[l][0] = 0;
        for (size_t i = 0; i < d->nsections; i++)
            x->count[l][i + 1] = x->count[l][i] + (d->sections[i].level <= l);
    }
    return 1;
}

static void section_index_free(section_index *x)
{
    for (int l = 1; l <= 6; l++)
        free(x->count[l]);
}

/* Another part of the document (an undated heading of the log's level or
 * higher) stands between a and b: they are not consecutive. */
static int separated(const section_index *x, const slog_entry *a, const slog_entry *b)
{
    int level = a->level < 1 ? 1 : a->level > 6 ? 6 : a->level;
    size_t from = slog_doc_sections_before(x->d, a->line + 1),
           to = slog_doc_sections_before(x->d, b->line);
    return to > from && x->count[level][to] > x->count[level][from];
}

static int separated_either(const section_index *x, const slog_entry *a, const slog_entry *b)
{
    return a->line < b->line ? separated(x, a, b) : separated(x, b, a);
}

static int by_label_then_order(const void *a, const void *b)
{
    const slog_entry *x = *(const slog_entry *const *)a, *y = *(const slog_entry *const *)b;
    int c = strcmp(x->label, y->label);
    return c ? c : (x->index > y->index) - (x->index < y->index);
}

/* A run of entries that record nothing new: lines first..last, n entries,
 * repeating the entry at line `base`. */
typedef struct {
    int first, last, base;
    size_t n;
} repeat_run;

typedef struct {
    repeat_run *r;
    size_t n, cap;
} run_list;

static int push_run(run_list *l, repeat_run r)
{
    if (!slog_grow(&l->r, &l->cap, l->n, sizeof *l->r, 8))
        return 0;
    l->r[l->n++] = r;
    return 1;
}

/* The entries of one label in a log, in the order written: the runs of consecutive
 * entries that repeat the entry before the run. Entries of other labels
 * between them do not end a run (a heartbeat interleaved with polls);
 * another section of the document does, and so does a duplicate-entry
 * (reported as that, not again as a repeat). */
static int label_runs(lint_ctx *ctx, const slog_vocab *v, const section_index *x,
                      const slog_entry **s, size_t m, run_list *runs)
{
    for (size_t i = 1; i < m;) {
        const slog_entry *base = s[i - 1];
        size_t j = i;
        while (j < m && !ctx->duplicate_of[s[j]->index] && !separated_either(x, s[j - 1], s[j]) &&
               repeats(ctx, v, s[j], base))
            j++;
        if (j == i) {
            i++;
            continue;
        }
        int a = s[i]->line, b = s[j - 1]->line; /* b < a in a newest-first log */
        if (!push_run(runs, (repeat_run){a < b ? a : b, a < b ? b : a, base->line, j - i}))
            return 0;
        i = j;
    }
    return 1;
}

static int by_first_line(const void *a, const void *b)
{
    const repeat_run *x = a, *y = b;
    return (x->first > y->first) - (x->first < y->first);
}

/* One finding per log (SPEC §3 r3): a heartbeat whose status flaps between
 * two values is one finding naming its runs, not twenty. */
static slog_status report_runs(lint_ctx *ctx, run_list *runs)
{
    if (!runs->n)
        return SLOG_OK;
    qsort(runs->r, runs->n, sizeof *runs->r, by_first_line);
    const repeat_run *r = runs->r;
    if (runs->n == 1 && r->n == 1)
        return lint_emit(ctx, SLOG_RULE_REPEATED_ENTRY, r->first,
                         "entry repeats line %d: no progress recorded", r->base);
    if (runs->n == 1)
        return lint_emit(ctx, SLOG_RULE_REPEATED_ENTRY, r->first,
                         "entries at lines %d–%d (%zu) repeat line %d: no progress recorded",
                         r->first, r->last, r->n, r->base);
    char list[256];
    size_t used = 0, total = 0, shown = 0;
    for (size_t i = 0; i < runs->n; i++) {
        total += r[i].n;
        int n =
            used < sizeof list - 40
                ? (r[i].first == r[i].last ? snprintf(list + used, sizeof list - used, "%s%d",
                                                      i ? ", " : "", r[i].first)
                                           : snprintf(list + used, sizeof list - used, "%s%d–%d",
                                                      i ? ", " : "", r[i].first, r[i].last))
                : 0;
        used += n > 0 ? (size_t)n : 0;
        shown += n > 0;
    }
    if (shown < runs->n)
        snprintf(list + used, sizeof list - used, " and %zu more", runs->n - shown);
    return lint_emit(ctx, SLOG_RULE_REPEATED_ENTRY, r->first,
                     "%zu entries in %zu runs record nothing new: lines %s", total, runs->n, list);
}

static slog_status repeated_entries(lint_ctx *ctx)
{
    const slog_doc *d = ctx->doc;
    const slog_entry **sorted = malloc((d->nentries + 1) * sizeof *sorted);
    section_index x = {0};
    run_list runs = {0};
    const slog_vocab *v = NULL;
    slog_status st = sorted && section_index_build(&x, d) ? SLOG_OK : SLOG_ERR_NOMEM;
    if (st == SLOG_OK && d->nlogs)
        st = slog_doc_words(d, &v);
    for (size_t l = 0; l < d->nlogs && st == SLOG_OK; l++) {
        const slog_log *log = &d->logs[l];
        memcpy(sorted, log->entries, log->nentries * sizeof *sorted);
        qsort(sorted, log->nentries, sizeof *sorted, by_label_then_order);
        runs.n = 0;
        for (size_t i = 0, j; i < log->nentries && st == SLOG_OK; i = j) {
            for (j = i + 1; j < log->nentries && !strcmp(sorted[j]->label, sorted[i]->label); j++)
                ;
            /* in the order they were written: a newest-first log's repeats
             * are above the entry they repeat */
            for (size_t a = i, b = j - 1; log->direction == SLOG_NEWEST_FIRST && a < b; a++, b--) {
                const slog_entry *t = sorted[a];
                sorted[a] = sorted[b];
                sorted[b] = t;
            }
            if (!label_runs(ctx, v, &x, sorted + i, j - i, &runs))
                st = SLOG_ERR_NOMEM;
        }
        if (st == SLOG_OK)
            st = report_runs(ctx, &runs);
    }
    free(sorted);
    free(runs.r);
    section_index_free(&x);
    return st;
}

/* --- empty-entry ------------------------------------------------------------------ */

/* A label that is a release's version: "3.4.2", "v1.2", "[1.0.13]". */
static int version_label(const char *l)
{
    l += *l == '[';
    l += *l == 'v' || *l == 'V';
    if (!isdigit((unsigned char)*l))
        return 0;
    while (isdigit((unsigned char)*l))
        l++;
    return *l == '.' && isdigit((unsigned char)l[1]);
}

/* No items and no text, followed by another entry of its log or by the end
 * of the document; a dated heading right above a heading of a higher level
 * is a banner ("Append from ... archived 2025-09-29" above "# Log"). */
/* A label that is a state the work moved into ("`in_progress` — 2026-05-16T08:00:00Z",
 * "Started", "Blocked"): the heading is the whole record of that change. */
static int state_change_label(const char *label)
{
    static const char *const states[] = {
        "in_progress", "in progress", "in-progress", "started", "start",    "todo",    "to do",
        "open",        "opened",      "reopened",    "done",    "closed",   "blocked", "unblocked",
        "review",      "in review",   "paused",      "resumed", "cancelled"};
    char w[32];
    size_t n = 0;
    for (const char *p = label; *p && n + 1 < sizeof w; p++)
        if (!strchr("`*[] ", *p) || (*p == ' ' && n && w[n - 1] != ' '))
            w[n++] = (char)tolower((unsigned char)*p);
    while (n && w[n - 1] == ' ')
        n--;
    w[n] = '\0';
    for (size_t k = 0; k < sizeof states / sizeof *states; k++)
        if (!strcmp(w, states[k]))
            return 1;
    return 0;
}

/* What a log's entries hold: how many are empty (no items, no text, not a
 * change of state) and whether any says something. */
typedef struct {
    size_t empty;
    int said;
} log_fill;

static log_fill *log_fills(const slog_doc *d)
{
    log_fill *f = calloc(d->nlogs ? d->nlogs : 1, sizeof *f);
    for (size_t i = 0; f && i < d->nentries; i++) {
        const slog_entry *e = d->entries[i];
        if (!e->log)
            continue;
        log_fill *lf = &f[e->log - d->logs];
        if (e->nitems || e->has_content)
            lf->said = 1;
        else if (!state_change_label(e->label))
            lf->empty++;
    }
    return f;
}

static int abandoned(const slog_doc *d, const slog_entry *e, const log_fill *fill)
{
    if (e->nitems || e->has_content || !e->log || state_change_label(e->label))
        return 0;
    const log_fill *lf = &fill[e->log - d->logs];
    /* a log of bare stamps ("## Ping 2026-05-01 08:00 UTC", three or more)
     * abandons nothing: some entry of it must say something */
    if (e->log->nentries >= 3 && !lf->said)
        return 0;
    /* a calendar whose days stay empty when nothing happened (a board's
     * day lanes, a timesheet's days off): three empty days or more and a
     * quarter of the log or more are its habit, not a heading abandoned */
    if (lf->empty >= 3 && lf->empty * 4 >= e->log->nentries)
        return 0;
    /* a release with no notes (a generated changelog's patch release) is
     * a complete record, in a log of releases */
    if (version_label(e->label) && version_label(e->log->entries[0]->label) &&
        version_label(e->log->entries[e->log->nentries - 1]->label))
        return 0;
    if (!e->next_heading_line)
        return 1;
    if (e->next_heading_level < e->level)
        return 0;
    const slog_entry *next = e->index + 1 < d->nentries ? d->entries[e->index + 1] : NULL;
    return next && next->log == e->log && next->line == e->next_heading_line;
}

slog_status lint_content(lint_ctx *ctx)
{
    const slog_doc *d = ctx->doc;
    slog_status st = lint_enabled(ctx, SLOG_RULE_STALE_ITEM) ? lint_stale_items(ctx) : SLOG_OK;
    log_fill *fill = st == SLOG_OK ? log_fills(d) : NULL;
    if (st == SLOG_OK && !fill)
        st = SLOG_ERR_NOMEM;
    for (size_t i = 0; i < d->nentries && st == SLOG_OK; i++) {
        const slog_entry *e = d->entries[i];
        if (abandoned(d, e, fill))
            st = lint_emit(ctx, SLOG_RULE_EMPTY_ENTRY, e->line,
                           "entry '%s' has no items and no text", e->heading);
        for (const slog_item *it = e->items; it && st == SLOG_OK; it = it->next)
            if (it->state == SLOG_STATE_NOTE)
                st = lint_emit(ctx, SLOG_RULE_UNMARKED_ITEM, it->line, "item has no status marker");
    }
    free(fill);
    if (st == SLOG_OK && lint_enabled(ctx, SLOG_RULE_REPEATED_ENTRY))
        st = repeated_entries(ctx);
    if (st == SLOG_OK && lint_enabled(ctx, SLOG_RULE_OPEN_CHECKLIST))
        st = lint_open_checklists(ctx);
    return st;
}
