/* SPDX-License-Identifier: BSD-2-Clause */
/* stale-item (SPEC §3 r2/r3): threads of tasks carried too long, or
 * dropped by a log that went on without them; and slog_stale_threads, the
 * same judgement for the digest. */
#define _GNU_SOURCE /* strcasestr */
#include "lint_internal.h"

#include "words.h"

#include "doc_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "statuslog/check.h"

/* The latest date each log reached by `today` (when judging as of today:
 * no later entry counts), once per document: a thread asks for its log's
 * and the logs around it. */
static long *log_ends(const lint_ctx *ctx)
{
    const slog_doc *d = ctx->doc;
    long *end = malloc((d->nlogs + 1) * sizeof *end);
    for (size_t l = 0; end && l < d->nlogs; l++) {
        end[l] = -1;
        for (size_t i = 0; i < d->logs[l].nentries; i++) {
            const slog_entry *x = d->logs[l].entries[i];
            if (x->date_valid && x->day > end[l] && !lint_entry_after_today(ctx, x))
                end[l] = x->day;
        }
    }
    return end;
}

static long log_end(const lint_ctx *ctx, const long *ends, const slog_entry *e)
{
    long end = e->day;
    for (; e; e = e->parent)
        if (e->log && ends[e->log - ctx->doc->logs] > end)
            end = ends[e->log - ctx->doc->logs];
    return end;
}

/* The thread's k-th item stands in a copy of an earlier entry that says
 * the same (an entry pasted twice): that is one mention, not two. */
static int pasted_copy(const lint_ctx *ctx, const slog_thread *t, size_t k)
{
    const slog_entry *original = ctx->duplicate_of[t->items[k]->entry->index];
    for (size_t j = 0; original && j < k; j++)
        if (t->items[j]->entry == original && t->items[j]->id == t->items[k]->id)
            return 1;
    return 0;
}

/* A next step that names the day it is for ("Next: Monday 2026-09-14
 * pre-open check armed for 13:20 UTC"): an event scheduled, which happens
 * or not on its day; the log that went on without it dropped nothing. */
static int scheduled(const slog_item *it)
{
    const char *t = it->text;
    for (const char *p = t; (p = strchr(p, '-')) != NULL; p++) {
        char iso[11];
        long day;
        if (p - t < 4 || (p - t > 4 && isdigit((unsigned char)p[-5])) || strlen(p) < 6)
            continue;
        memcpy(iso, p - 4, 10);
        iso[10] = '\0';
        if (slog_parse_date(iso, &day) == 0 && !isdigit((unsigned char)p[6]) &&
            day >= it->entry->day)
            return 1;
    }
    return 0;
}

typedef enum { NOT_STALE, STALE_CARRIED, STALE_DROPPED } staleness;

typedef struct {
    const slog_item *latest; /* its latest mention by today */
    long age, end;           /* days open by today; the date its log reached */
    size_t seen;             /* mentions, pasted copies aside */
} stale_facts;

/* --- a next step taken up by name ---------------------------------------------- */

enum { TAKEN_UP_REACH = 16, IDS_MAX = 8, ID_LEN = 24 };

static int id_char(unsigned char c)
{
    return isalnum(c) || c == '.' || c == '-' || c == '_';
}

/* The names of work an item gives ("M1.3", "R2", "P2-M1b", "T03", "Phase
 * 7.2"): words of letters and digits, or dotted numbers — not dates,
 * plain numbers or sizes ("2026-03-09", "44", "2gb") — into ids. */
static size_t work_ids(const char *t, char ids[][ID_LEN], size_t max)
{
    size_t n = 0, counted_n = 0;
    char counted_ids[IDS_MAX][ID_LEN]; /* "Phase 2": taken only when no other id is named */
    for (const unsigned char *p = (const unsigned char *)t; *p && n < max;) {
        if (!id_char(*p)) {
            p++;
            continue;
        }
        const unsigned char *a = p;
        while (id_char(*p))
            p++;
        size_t len = (size_t)(p - a);
        while (len && strchr(".-_", a[len - 1]))
            len--; /* "R2." at a sentence's end */
        size_t digits = 0, letters = 0, dots = 0, dashes = 0;
        for (size_t i = 0; i < len; i++) {
            digits += isdigit(a[i]) != 0;
            letters += isalpha(a[i]) != 0;
            dots += a[i] == '.';
            dashes += a[i] == '-';
        }
        int unit = len && isdigit(a[0]) && letters && letters + digits == len &&
                   letters <= 3; /* "2gb", "5h", "3rd" */
        int date = dashes >= 2 && !letters;
        if (len >= 2 && len < ID_LEN && digits && !unit && !date && (letters || dots)) {
            memcpy(ids[n], a, len);
            ids[n++][len] = '\0';
        } else if (len && digits == len && len <= 3 && counted_n < IDS_MAX) {
            /* "Phase 2", "Sprint 14": a counting word and its number */
            static const char *const counted[] = {"phase",  "stage",     "step", "milestone",
                                                  "sprint", "iteration", "part", "task"};
            const unsigned char *w = a;
            while (w > (const unsigned char *)t && w[-1] == ' ')
                w--;
            const unsigned char *ws = w;
            while (ws > (const unsigned char *)t && isalpha(ws[-1]))
                ws--;
            size_t wl = (size_t)(w - ws);
            for (size_t k = 0; wl && k < sizeof counted / sizeof *counted; k++)
                if (strlen(counted[k]) == wl && !strncasecmp((const char *)ws, counted[k], wl) &&
                    (size_t)(a + len - ws) < ID_LEN) {
                    memcpy(counted_ids[counted_n], ws, (size_t)(a + len - ws));
                    counted_ids[counted_n++][a + len - ws] = '\0';
                    break;
                }
        }
    }
    for (size_t k = 0; !n && k < counted_n && k < max; k++)
        memcpy(ids[k], counted_ids[k], ID_LEN);
    return n ? n : (counted_n < max ? counted_n : max);
}

/* `id` stands in `t` as a word of its own (any case: "Phase 2", "phase 2"). */
static int names(const char *t, const char *id)
{
    size_t n = strlen(id);
    for (const char *p = t; (p = strcasestr(p, id)) != NULL; p++)
        if ((p == t || !id_char((unsigned char)p[-1])) && !id_char((unsigned char)p[n]))
            return 1;
    return 0;
}

/* A note that the work began ("Work: Started D-04 final QA", "Began the
 * migration"): a next step is taken up when it starts, even if it runs on. */
static int starts_work(const char *t)
{
    static const char *const began[] = {"started", "began", "begun", "kicked off", "starting"};
    const char *colon = strchr(t, ':');
    if (colon && colon - t <= 16) /* "Work: …", "**Progress**: …" */
        t = colon + 1;
    while (*t == ' ' || *t == '*' || *t == '_')
        t++;
    return slog_opening_word(t, strlen(t), began, sizeof began / sizeof *began, "") > 0;
}

/* A code of a series ("IN-01", "D-04", "T03"): its capitals (up to four)
 * and number; 0 when `id` is none. */
static int series_code(const char *id, char prefix[5], long *num)
{
    size_t n = 0;
    while (n < 4 && id[n] >= 'A' && id[n] <= 'Z')
        n++;
    const char *d = id + n + (id[n] == '-');
    if (!n || *d < '0' || *d > '9')
        return 0;
    char *end;
    *num = strtol(d, &end, 10);
    if (*end)
        return 0;
    memcpy(prefix, id, n);
    prefix[n] = '\0';
    return 1;
}

/* `t` names a later code of the series of every id that is a code
 * ("Started IN-02" after "Next: IN-01"): the work has moved past them. */
static int moved_past(char ids[][ID_LEN], size_t nids, const char *t)
{
    char later[IDS_MAX][ID_LEN];
    size_t n = work_ids(t, later, IDS_MAX), passed = 0, codes = 0;
    for (size_t i = 0; i < nids; i++) {
        char p[5], q[5];
        long a, b;
        if (!series_code(ids[i], p, &a))
            continue;
        codes++;
        int later_code = 0, still = 0; /* "D-05 waits on D-04": not past D-04 */
        for (size_t k = 0; k < n; k++)
            if (series_code(later[k], q, &b) && !strcmp(p, q)) {
                later_code |= b > a;
                still |= b == a;
            }
        passed += later_code && !still;
    }
    return codes && passed == nids;
}

/* Later entries of the log, among the next TAKEN_UP_REACH in the order
 * they were written, have moved past the step (they name a later code of
 * its series), or take the step up by name: each of the step's work ids
 * is named by a done item, or by the heading of an entry that reports
 * work done ("Next: R2 semantic fixes", then "## 2026-03-19 | post-review
 * fix R2" / "- Status: done"; "Next: Phase 7.2 …", then "- **Phase 7.2
 * DONE:** skip link"). An agent's next step is done in the next session,
 * in the session's words, not the step's. */
static int taken_up_later(const lint_ctx *ctx, const slog_item *step)
{
    char ids[IDS_MAX][ID_LEN];
    size_t nids = work_ids(step->text, ids, IDS_MAX);
    const slog_entry *e = step->entry;
    const slog_log *log = e->log;
    if (!nids || !log)
        return 0;
    size_t at = 0, hi = log->nentries; /* e's place in its log (document order) */
    while (at < hi) {
        size_t mid = at + (hi - at) / 2;
        if (log->entries[mid]->index < e->index)
            at = mid + 1;
        else
            hi = mid;
    }
    int newest = log->direction == SLOG_NEWEST_FIRST;
    unsigned all = (1u << nids) - 1, taken = 0; /* every id the step names, taken up */
    for (size_t k = 1; k <= TAKEN_UP_REACH && at < log->nentries; k++) {
        if (newest ? at < k : at + k >= log->nentries)
            break;
        const slog_entry *x = log->entries[newest ? at - k : at + k];
        if (lint_entry_after_today(ctx, x))
            break;
        if (moved_past(ids, nids, x->label))
            return 1;
        for (const slog_item *it = x->items; it; it = it->next)
            if (moved_past(ids, nids, it->text))
                return 1;
        unsigned in_label = 0;
        int done = 0;
        for (size_t i = 0; i < nids; i++)
            in_label |= (unsigned)names(x->label, ids[i]) << i;
        /* its items and their sub-items ("- **Did:**" over "- **Phase 7.2 DONE:** …") */
        for (const slog_item *top = x->items; top; top = top->next)
            for (const slog_item *it = top; it; it = it == top ? top->children : it->next) {
                if (!slog_item_closes(it) && !starts_work(it->text))
                    continue;
                done = 1;
                for (size_t i = 0; i < nids; i++)
                    taken |= (unsigned)names(it->text, ids[i]) << i;
            }
        if (done)
            taken |= in_label;
        if (taken == all)
            return 1;
    }
    return 0;
}

/* A next step that is no work a lead tracks: a statement that something is
 * closed or achieved ("Next: M5 全部关闭；后续里程碑按 PostgreSQL 17 推进",
 * "the cutover track can be considered achieved"), or a branch's routine
 * housekeeping ("Create PR, merge to main.", "Push branch, create PR."). */
static int no_work_to_track(const char *t)
{
    static const char *const stated[] = {
        "is closed", "are closed", "is done", "are done", "is complete", "are complete", "achieved",
        "全部关闭", "已关闭", "已完成", "全部完成", "完了済み", "완료됨",
        /* "Next: nothing pending from this thread", "Next steps: none" */
        "nothing pending", "nothing left", "nothing else", "no further action", "no next step",
        "nothing to do"};
    for (size_t k = 0; k < sizeof stated / sizeof *stated; k++)
        if (strcasestr(t, stated[k]))
            return 1;
    static const char *const routine[] = {
        "create",  "open", "push", "merge", "commit", "branch", "pr",     "main",
        "to",      "the",  "and",  "then",  "when",   "ready",  "rebase", "pull",
        "request", "a",    "into", "after", "ci",     "passes", "it",     "master"};
    size_t words = 0;
    for (const char *p = t; *p;) {
        while (*p && !isalnum((unsigned char)*p)) {
            if ((unsigned char)*p >= 0x80)
                return 0; /* words of another script: not this list */
            p++;
        }
        const char *a = p;
        while (isalnum((unsigned char)*p))
            p++;
        if (p == a)
            break;
        int known = 0;
        for (size_t k = 0; k < sizeof routine / sizeof *routine && !known; k++)
            known = strlen(routine[k]) == (size_t)(p - a) &&
                    !strncasecmp(a, routine[k], (size_t)(p - a));
        if (!known)
            return 0;
        words++;
    }
    return words > 0;
}

/* An unresolved thread of tasks, carried (seen in two or more entries, first
 * more than stale_days ago) or dropped (seen once, after which its log went
 * on for more than stale_days). Unchecked boxes are open-checklist's;
 * failed and warning items are observations, not tasks. As of today: only
 * mentions and resolutions written by then count. */
static staleness thread_staleness(const lint_ctx *ctx, const long *ends, const slog_thread *t,
                                  stale_facts *f)
{
    long resolved;
    int days = ctx->config->stale_days;
    if (t->first_day > ctx->today && ctx->as_of)
        return NOT_STALE;
    if (t->resolved &&
        !(ctx->as_of && slog_parse_date(t->resolved, &resolved) == 0 && resolved > ctx->today))
        return NOT_STALE;
    f->latest = NULL;
    f->seen = 0;
    slog_state state = t->state;
    for (size_t k = 0; k < t->nitems; k++) {
        if (lint_entry_after_today(ctx, t->items[k]->entry))
            continue;
        f->latest = t->items[k];
        state = t->items[k]->state;
        f->seen += !pasted_copy(ctx, t, k);
    }
    if (!f->latest || !(ctx->config->stale_states & (1u << state)))
        return NOT_STALE;
    f->age = ctx->today - t->first_day;
    staleness s;
    if (f->seen >= 2) {
        s = f->age > days ? STALE_CARRIED : NOT_STALE;
    } else {
        f->end = log_end(ctx, ends, f->latest->entry);
        s = f->end - t->first_day > days && f->age > days && !scheduled(f->latest) ? STALE_DROPPED
                                                                                   : NOT_STALE;
    }
    /* asked only of a thread that would be reported */
    if (s != NOT_STALE && (taken_up_later(ctx, f->latest) || no_work_to_track(f->latest->text)))
        return NOT_STALE;
    return s;
}

slog_status lint_stale_items(lint_ctx *ctx)
{
    const slog_doc *d = ctx->doc;
    long *ends = d->nthreads ? log_ends(ctx) : NULL;
    slog_status st = ends || !d->nthreads ? SLOG_OK : SLOG_ERR_NOMEM;
    for (size_t i = 0; i < d->nthreads && st == SLOG_OK; i++) {
        const slog_thread *t = &d->threads[i];
        stale_facts f;
        staleness s = thread_staleness(ctx, ends, t, &f);
        char text[160], until[11];
        if (s == STALE_CARRIED) {
            st = lint_emit(ctx, SLOG_RULE_STALE_ITEM, f.latest->line,
                           "open for %ld days, since %s (%zu entries): %s", f.age, t->first_seen,
                           f.seen, lint_excerpt(t->text, text, sizeof text, 100));
        } else if (s == STALE_DROPPED) {
            slog_date_format(f.end, until);
            st = lint_emit(ctx, SLOG_RULE_STALE_ITEM, f.latest->line,
                           "mentioned once, on %s; the log went on to %s without it: %s",
                           t->first_seen, until, lint_excerpt(t->text, text, sizeof text, 100));
        }
    }
    free(ends);
    return st;
}

slog_status slog_stale_threads(const slog_doc *doc, const slog_config *config, long day,
                               unsigned char *stale, slog_error *err)
{
    slog_config *own, *use;
    slog_status st = slog_config_use(config, &own, &use, err);
    if (st != SLOG_OK)
        return st;
    lint_ctx ctx = {doc, use, day, NULL, NULL, 1};
    st = lint_find_duplicates(&ctx);
    long *ends = st == SLOG_OK ? log_ends(&ctx) : NULL;
    if (st == SLOG_OK && !ends)
        st = SLOG_ERR_NOMEM;
    for (size_t i = 0; st == SLOG_OK && i < doc->nthreads; i++) {
        stale_facts f;
        stale[i] = thread_staleness(&ctx, ends, &doc->threads[i], &f) != NOT_STALE;
    }
    free(ends);
    free((void *)ctx.duplicate_of);
    slog_config_free(own);
    if (st != SLOG_OK)
        return slog_error_set(err, st, doc->file, 0, "out of memory");
    return SLOG_OK;
}
