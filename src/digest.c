/* SPDX-License-Identifier: BSD-2-Clause */
/* The digest view model (SPEC §5 r2): what needs attention across
 * documents, what changed in the period, one section per active document,
 * a count of the quiet ones. Everything is computed as of the end of the
 * period (or today, when the period has not ended), so that the digest of a
 * past week is the same whenever it is made. Layout helpers (short texts,
 * HTML texts, phrases with their nouns, bar widths, chart coordinates) are
 * part of the model so that templates need no logic. */
#include "statuslog/digest.h"

#include "dates.h"
#include "digest_text.h"
#include "templates.h"
#include "statuslog/check.h"
#include "statuslog/lint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    BAR_WIDTH = 200,   /* age and progress bars, in px */
    FOLD_WINDOW = 64,  /* done items compared with this many recent lines */
    SHORT_CHARS = 200, /* item texts as shown */
    LIST_SHOWN = 10,   /* items shown per list of a document */
    ATTENTION_SHOWN = 25,
    CHART_HEIGHT = 80,
    CHART_LABEL_EVERY = 14 /* at most this many dates on the chart's axis */
};

slog_status slog_period_from_week(const char *week, slog_period *out, slog_error *err)
{
    int y, w, n = 0;
    if (sscanf(week, "%4d-W%2d%n", &y, &w, &n) != 2 || n != 8 || strlen(week) != 8)
        return slog_error_set(err, SLOG_ERR_INVALID, NULL, 0,
                              "week '%s': expected YYYY-Www (e.g. 2025-W41)", week);
    long monday;
    if (!slog_iso_week_monday(y, w, &monday))
        return slog_error_set(err, SLOG_ERR_INVALID, NULL, 0, "week '%s': %d has no week %d", week,
                              y, w);
    *out = (slog_period){monday, monday + 6, y, w};
    return SLOG_OK;
}

slog_period slog_period_days(long until, int days)
{
    slog_period p = {until - (days > 0 ? days - 1 : 0), until, 0, 0};
    return p;
}

/* --- helpers that clear *ok on failure ------------------------------------- */

static cJSON *add(cJSON *o, const char *key, cJSON *v, int *ok)
{
    if (!v || !cJSON_AddItemToObject(o, key, v)) {
        cJSON_Delete(v);
        *ok = 0;
        return NULL;
    }
    return v;
}

static void add_str(cJSON *o, const char *key, const char *s, int *ok)
{
    add(o, key, s ? cJSON_CreateString(s) : cJSON_CreateNull(), ok);
}

static void add_num(cJSON *o, const char *key, double n, int *ok)
{
    add(o, key, cJSON_CreateNumber(n), ok);
}

static void add_bool(cJSON *o, const char *key, int b, int *ok)
{
    add(o, key, cJSON_CreateBool(b), ok);
}

static cJSON *push_obj(cJSON *array, int *ok)
{
    cJSON *o = cJSON_CreateObject();
    if (!o || !cJSON_AddItemToArray(array, o)) {
        cJSON_Delete(o);
        *ok = 0;
        return NULL;
    }
    return o;
}

static void add_date(cJSON *o, const char *key, long day, int *ok)
{
    char buf[11];
    slog_date_format(day, buf);
    add_str(o, key, buf, ok);
}

/* "text" (whole), "short" (as shown) and "html" (short, escaped, code
 * spans as <code>). */
static void add_texts(cJSON *o, const char *text, int *ok)
{
    char *s = slog_digest_short(text, SHORT_CHARS);
    char *h = s ? slog_digest_html(s) : NULL;
    if (!s || !h)
        *ok = 0;
    add_str(o, "text", text, ok);
    add_str(o, "short", s, ok);
    add_str(o, "html", h, ok);
    free(s);
    free(h);
}

/* "N nouns" under `key`. */
static void add_phrase(cJSON *o, const char *key, size_t n, const char *one, const char *many,
                       int *ok)
{
    char buf[96];
    slog_count_phrase(buf, sizeof buf, n, one, many);
    add_str(o, key, buf, ok);
}

static cJSON *get(const cJSON *o, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(o, key);
}

static double num(const cJSON *o, const char *key)
{
    const cJSON *v = get(o, key);
    return cJSON_IsNumber(v) ? v->valuedouble : 0;
}

static void bump(cJSON *o, const char *key, double by)
{
    cJSON *v = get(o, key);
    if (v)
        cJSON_SetNumberValue(v, v->valuedouble + by);
}

/* The element after the first LIST_SHOWN of a list get "shown": false, and
 * the list's owner "<key>_more": "… and N more" (null when all are shown). */
static void mark_shown(cJSON *owner, const char *key, size_t limit, int *ok)
{
    cJSON *list = get(owner, key);
    size_t n = (size_t)cJSON_GetArraySize(list), i = 0;
    cJSON *e;
    cJSON_ArrayForEach(e, list) add_bool(e, "shown", i++ < limit, ok);
    char more_key[48], more[64];
    snprintf(more_key, sizeof more_key, "%s_more", key);
    snprintf(more, sizeof more, "… and %zu more", n > limit ? n - limit : 0);
    add_str(owner, more_key, n > limit ? more : NULL, ok);
}

/* --- the root ------------------------------------------------------------- */

static const char *const total_keys[] = {
    "documents",        "active_documents", "quiet_documents", "entries",   "done",
    "done_lines",       "opened",           "closed",          "carried",   "open_threads",
    "resolved_threads", "attention",        "notes",           "followups", "checklist_checked",
    "checklist_total"};

/* The day the digest is computed as of: the end of the period, or today
 * when the period has not ended yet. */
static long as_of(const slog_digest_options *o)
{
    return o->today && o->today < o->period.until ? o->today : o->period.until;
}

static void add_period(cJSON *root, const slog_digest_options *opts, int *ok)
{
    const slog_period *p = &opts->period;
    cJSON *o = add(root, "period", cJSON_CreateObject(), ok);
    if (!o)
        return;
    add_date(o, "since", p->since, ok);
    add_date(o, "until", p->until, ok);
    char week[16];
    int y = p->iso_year, w = p->iso_week;
    if (!w)
        slog_iso_week(p->until, &y, &w);
    snprintf(week, sizeof week, "%04d-W%02d", y % 10000, w % 100);
    add_str(o, "week", week, ok);
    add_num(o, "days", (double)(p->until - p->since + 1), ok);
    /* how the digest names its period: the week when one was asked for */
    char since[11], until[11], title[64];
    slog_date_format(p->since, since);
    slog_date_format(p->until, until);
    if (p->iso_week)
        snprintf(title, sizeof title, "%s (%s – %s)", week, since, until);
    else if (p->since == p->until)
        snprintf(title, sizeof title, "%s", since);
    else
        snprintf(title, sizeof title, "%s – %s", since, until);
    add_str(o, "title", title, ok);
    add_date(o, "as_of", as_of(opts), ok);
}

/* Per day of the period (a year at most): done items and opened threads. */
static long chart_days(const slog_period *p)
{
    long n = p->until - p->since + 1;
    return n > 0 && n <= 366 ? n : 0;
}

cJSON *slog_digest_new(const slog_digest_options *opts)
{
    int ok = 1;
    cJSON *root = cJSON_CreateObject();
    if (!root)
        return NULL;
    add_str(root, "schema", "statuslog-digest/1", &ok);
    add_period(root, opts, &ok);
    cJSON *t = add(root, "totals", cJSON_CreateObject(), &ok);
    for (size_t i = 0; t && i < sizeof total_keys / sizeof *total_keys; i++)
        add_num(t, total_keys[i], 0, &ok);
    cJSON *lint = t ? add(t, "lint", cJSON_CreateObject(), &ok) : NULL;
    for (int s = SLOG_SEV_INFO; lint && s <= SLOG_SEV_ERROR; s++)
        add_num(lint, slog_severity_name((slog_severity)s), 0, &ok);
    add(root, "attention", cJSON_CreateArray(), &ok);
    add(root, "documents", cJSON_CreateArray(), &ok);
    add_num(root, "quiet_documents", 0, &ok);
    add(root, "quiet", cJSON_CreateArray(), &ok);
    cJSON *days = add(root, "days", cJSON_CreateArray(), &ok);
    for (long k = 0; days && k < chart_days(&opts->period) && ok; k++) {
        cJSON *d = push_obj(days, &ok);
        if (!d)
            break;
        add_date(d, "date", opts->period.since + k, &ok);
        add_num(d, "done", 0, &ok);
        add_num(d, "opened", 0, &ok);
    }
    if (!ok) {
        cJSON_Delete(root);
        return NULL;
    }
    return root;
}

/* --- threads as of a day ---------------------------------------------------- */

static int in_period(const slog_period *p, long day)
{
    return day >= p->since && day <= p->until;
}

/* Task-list boxes are reported by checklist progress, not as items done or
 * threads opened (a box says nothing of when it was checked). */
static int is_box(const slog_item *it)
{
    return it->marker[0] == '[';
}

/* A thread as it stood on the digest's day. */
typedef struct {
    const slog_item *latest; /* latest mention by then; NULL: not seen yet */
    slog_state state;        /* its state then */
    long resolved;           /* the day it was resolved by then, or -1 */
    int stale;
} thread_then;

static void thread_at(const slog_thread *t, long day, thread_then *out)
{
    out->latest = NULL;
    out->resolved = -1;
    for (size_t k = 0; k < t->nitems; k++) {
        const slog_entry *e = t->items[k]->entry;
        if (e->date_valid && e->day > day)
            continue;
        out->latest = t->items[k];
        out->state = t->items[k]->state;
    }
    long r;
    if (t->resolved && slog_parse_date(t->resolved, &r) == 0 && r <= day)
        out->resolved = r;
}

static int open_then(const thread_then *t)
{
    return t->latest && t->resolved < 0;
}

/* Open at `day`, blocked or failed, or stale: it needs attention. */
static const char *attention_reason(const thread_then *t)
{
    if (!open_then(t))
        return NULL;
    if (t->state == SLOG_STATE_BLOCKED)
        return "blocked";
    if (t->state == SLOG_STATE_FAILED)
        return "failed";
    return t->stale ? "stale" : NULL;
}

/* --- one document ------------------------------------------------------------ */

typedef struct {
    const slog_doc *d;
    const slog_digest_options *opts;
    const slog_period *p;
    long day;             /* as of */
    thread_then *threads; /* per doc->threads */
    cJSON *root, *doc;
    const char *name;
    size_t entries, done, done_lines, opened, closed, carried, open, notes, attention;
    int ok;
} doc_view;

/* In the period, and written by the digest's day (a running week ends
 * today). */
static int in_window(const doc_view *v, long day)
{
    return in_period(v->p, day) && day <= v->day;
}

static void attention_items(doc_view *v, cJSON *all, cJSON *mine)
{
    for (size_t i = 0; i < v->d->nthreads && v->ok; i++) {
        const slog_thread *t = &v->d->threads[i];
        const char *reason = attention_reason(&v->threads[i]);
        if (!reason)
            continue;
        for (int copy = 0; copy < 2; copy++) {
            cJSON *o = push_obj(copy ? mine : all, &v->ok);
            if (!o)
                return;
            add_str(o, "file", v->d->file, &v->ok);
            add_str(o, "name", v->name, &v->ok);
            add_bool(o, "titled", v->d->title != NULL, &v->ok);
            add_num(o, "line", v->threads[i].latest->line, &v->ok);
            add_str(o, "state", slog_state_name(v->threads[i].state), &v->ok);
            add_str(o, "reason", reason, &v->ok);
            add_texts(o, v->threads[i].latest->text, &v->ok);
            add_str(o, "first_seen", t->first_seen, &v->ok);
            add_num(o, "age_days", (double)(v->day - t->first_day), &v->ok);
            add_bool(o, "stale", v->threads[i].stale, &v->ok);
        }
        v->attention++;
    }
}

static size_t entries_in_period(const doc_view *v)
{
    size_t n = 0;
    for (size_t i = 0; i < v->d->nentries; i++)
        n += v->d->entries[i]->date_valid && in_window(v, v->d->entries[i]->day);
    return n;
}

static void entry_list(doc_view *v)
{
    cJSON *list = add(v->doc, "entries", cJSON_CreateArray(), &v->ok);
    for (size_t i = 0; list && i < v->d->nentries && v->ok; i++) {
        const slog_entry *e = v->d->entries[i];
        if (!e->date_valid || !in_window(v, e->day))
            continue;
        cJSON *o = push_obj(list, &v->ok);
        if (!o)
            break;
        add_str(o, "date", e->date, &v->ok);
        add_str(o, "time", e->time, &v->ok);
        add_str(o, "label", e->label, &v->ok);
        add_str(o, "heading", e->heading, &v->ok);
        add_num(o, "line", e->line, &v->ok);
        add_num(o, "items", (double)e->nitems, &v->ok);
        v->entries++;
    }
}

typedef struct {
    const slog_item *rep; /* the latest wording */
    long first, last;
    size_t count, order; /* order: first seen in the document's order */
} fold;

/* Oldest first whatever the log's direction; a day's items in their order. */
static int by_first_day(const void *a, const void *b)
{
    const fold *x = a, *y = b;
    if (x->first != y->first)
        return x->first < y->first ? -1 : 1;
    return (x->order > y->order) - (x->order < y->order);
}

static cJSON *day_slot(doc_view *v, long day)
{
    return day >= v->p->since && day - v->p->since < chart_days(v->p)
               ? cJSON_GetArrayItem(get(v->root, "days"), (int)(day - v->p->since))
               : NULL;
}

/* Done items of the period, near-identical repeats folded into one line with
 * a count and first/last dates (each compared with recent lines only). */
static void done_items(doc_view *v)
{
    fold *folds = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < v->d->nentries && v->ok; i++) {
        const slog_entry *e = v->d->entries[i];
        if (!e->date_valid || !in_window(v, e->day))
            continue;
        for (const slog_item *it = e->items; it && v->ok; it = it->next) {
            if (it->state != SLOG_STATE_DONE || is_box(it))
                continue;
            v->done++;
            bump(day_slot(v, e->day), "done", 1);
            size_t k = n, from = n > FOLD_WINDOW ? n - FOLD_WINDOW : 0;
            for (size_t j = n; j-- > from && k == n;)
                if (slog_item_similarity(v->d, folds[j].rep, it) >= SLOG_FOLD_THRESHOLD)
                    k = j;
            if (k < n) {
                folds[k].count++;
                if (e->day < folds[k].first)
                    folds[k].first = e->day;
                if (e->day >= folds[k].last) {
                    folds[k].last = e->day;
                    folds[k].rep = it;
                }
                continue;
            }
            if (n == cap) {
                cap = cap ? cap * 2 : 16;
                fold *g = realloc(folds, cap * sizeof *g);
                if (!g) {
                    v->ok = 0;
                    break;
                }
                folds = g;
            }
            folds[n] = (fold){it, e->day, e->day, 1, n};
            n++;
        }
    }
    if (n > 1)
        qsort(folds, n, sizeof *folds, by_first_day);
    cJSON *list = add(v->doc, "done", cJSON_CreateArray(), &v->ok);
    for (size_t j = 0; list && j < n && v->ok; j++) {
        cJSON *o = push_obj(list, &v->ok);
        if (!o)
            break;
        add_texts(o, folds[j].rep->text, &v->ok);
        add_num(o, "count", (double)folds[j].count, &v->ok);
        add_date(o, "first", folds[j].first, &v->ok);
        add_date(o, "last", folds[j].last, &v->ok);
        add_num(o, "line", folds[j].rep->line, &v->ok);
        add_bool(o, "repeated", folds[j].count > 1, &v->ok);
    }
    v->done_lines = n;
    free(folds);
}

/* Opened (first seen in the period, open at its end), closed (resolved in
 * it), carried (open at both ends) and every thread open at the end. */
static void thread_lists(doc_view *v)
{
    cJSON *opened = add(v->doc, "opened", cJSON_CreateArray(), &v->ok);
    cJSON *closed = add(v->doc, "closed", cJSON_CreateArray(), &v->ok);
    cJSON *carried = add(v->doc, "carried", cJSON_CreateArray(), &v->ok);
    cJSON *open = add(v->doc, "open_threads", cJSON_CreateArray(), &v->ok);
    long max_age = 1;
    for (size_t i = 0; i < v->d->nthreads; i++)
        if (open_then(&v->threads[i]) && v->day - v->d->threads[i].first_day > max_age)
            max_age = v->day - v->d->threads[i].first_day;
    for (size_t i = 0; opened && closed && carried && open && i < v->d->nthreads && v->ok; i++) {
        const slog_thread *t = &v->d->threads[i];
        const thread_then *then = &v->threads[i];
        if (!then->latest || is_box(then->latest))
            continue;
        long age = v->day - t->first_day;
        if (in_window(v, t->first_day))
            bump(day_slot(v, t->first_day), "opened", 1);
        if (then->resolved >= 0 && in_window(v, then->resolved)) {
            cJSON *o = push_obj(closed, &v->ok);
            if (!o)
                break;
            add_texts(o, then->latest->text, &v->ok);
            add_str(o, "first_seen", t->first_seen, &v->ok);
            add_date(o, "resolved", then->resolved, &v->ok);
            add_num(o, "line", t->resolved_by ? t->resolved_by->line : then->latest->line, &v->ok);
            add_num(o, "occurrences", (double)t->nitems, &v->ok);
            v->closed++;
        }
        if (!open_then(then))
            continue;
        int is_new = t->first_day >= v->p->since;
        /* carried work is news in a document that saw work in the period;
         * in one that did not, only what needs attention is */
        int listed = is_new || v->entries;
        for (int list = !listed; list < 2 && v->ok; list++) {
            cJSON *o = push_obj(list ? open : is_new ? opened : carried, &v->ok);
            if (!o)
                break;
            add_texts(o, then->latest->text, &v->ok);
            add_str(o, "state", slog_state_name(then->state), &v->ok);
            add_str(o, "first_seen", t->first_seen, &v->ok);
            add_str(o, "last_seen", then->latest->entry->date, &v->ok);
            add_num(o, "age_days", (double)age, &v->ok);
            if (!is_new)
                add_num(o, "age_at_start", (double)(v->p->since - t->first_day), &v->ok);
            add_num(o, "line", then->latest->line, &v->ok);
            add_num(o, "bar", (double)(age * BAR_WIDTH / max_age), &v->ok);
        }
        v->open++;
        if (is_new)
            v->opened++;
        else if (listed)
            v->carried++;
    }
    add(v->doc, "resolved_threads", cJSON_Duplicate(closed, 1), &v->ok);
}

static int by_day(const void *a, const void *b)
{
    const slog_entry *x = *(const slog_entry *const *)a, *y = *(const slog_entry *const *)b;
    if (x->day != y->day)
        return x->day < y->day ? -1 : 1;
    return (x->index > y->index) - (x->index < y->index);
}

/* Notes of the period, oldest first: items without a marker, and entries
 * without items. */
static void notes(doc_view *v)
{
    cJSON *list = add(v->doc, "notes", cJSON_CreateArray(), &v->ok);
    const slog_entry **days = malloc((v->d->nentries + 1) * sizeof *days);
    size_t n = 0;
    if (!days) {
        v->ok = 0;
        return;
    }
    for (size_t i = 0; i < v->d->nentries; i++)
        if (v->d->entries[i]->date_valid && in_window(v, v->d->entries[i]->day))
            days[n++] = v->d->entries[i];
    qsort(days, n, sizeof *days, by_day);
    for (size_t i = 0; list && i < n && v->ok; i++) {
        const slog_entry *e = days[i];
        if (!e->items && e->heading) {
            cJSON *o = push_obj(list, &v->ok);
            if (o) {
                add_texts(o, e->heading, &v->ok);
                add_str(o, "date", e->date, &v->ok);
                add_num(o, "line", e->line, &v->ok);
                v->notes++;
            }
        }
        for (const slog_item *it = e->items; it && v->ok; it = it->next) {
            if (it->state != SLOG_STATE_NOTE || !*it->text)
                continue;
            cJSON *o = push_obj(list, &v->ok);
            if (!o)
                break;
            add_texts(o, it->text, &v->ok);
            add_str(o, "date", e->date, &v->ok);
            add_num(o, "line", it->line, &v->ok);
            v->notes++;
        }
    }
    free(days);
}

static void checklist(doc_view *v, size_t *checked)
{
    cJSON *o = add(v->doc, "checklist", cJSON_CreateObject(), &v->ok);
    if (!o)
        return;
    cJSON *unchecked = cJSON_CreateArray();
    for (size_t i = 0; unchecked && i < v->d->nchecklists && v->ok; i++) {
        if (v->d->checklists[i].checked) {
            (*checked)++;
            continue;
        }
        cJSON *u = push_obj(unchecked, &v->ok);
        if (!u)
            break;
        add_texts(u, v->d->checklists[i].text, &v->ok);
        add_str(u, "section", v->d->checklists[i].section, &v->ok);
        add_num(u, "line", v->d->checklists[i].line, &v->ok);
    }
    size_t total = v->d->nchecklists, open = total - *checked;
    int percent = total ? (int)(*checked * 100 / total) : 0;
    add_num(o, "checked", (double)*checked, &v->ok);
    add_num(o, "total", (double)total, &v->ok);
    add_num(o, "percent", percent, &v->ok);
    add_num(o, "bar", percent * BAR_WIDTH / 100, &v->ok);
    add(o, "unchecked", unchecked, &v->ok);
    add_bool(o, "any", total > 0, &v->ok);
    /* listed when there are at most LIST_SHOWN, else counted */
    add_bool(o, "list_unchecked", open > 0 && open <= LIST_SHOWN, &v->ok);
    char buf[64];
    slog_count_phrase(buf, sizeof buf, open, "unchecked item", "unchecked items");
    add_str(o, "unchecked_count", open > LIST_SHOWN ? buf : NULL, &v->ok);
}

/* Follow-ups that no open thread repeats. */
static void followups(doc_view *v, size_t *count)
{
    cJSON *list = add(v->doc, "followups", cJSON_CreateArray(), &v->ok);
    for (size_t i = 0; list && i < v->d->nfollowups && v->ok; i++) {
        const char *text = v->d->followups[i].text;
        int repeated = 0;
        for (size_t k = 0; k < v->d->nthreads && !repeated; k++)
            repeated =
                open_then(&v->threads[k]) &&
                slog_text_similarity(text, v->threads[k].latest->text) >= SLOG_FOLD_THRESHOLD;
        if (repeated)
            continue;
        cJSON *o = push_obj(list, &v->ok);
        if (!o)
            break;
        add_texts(o, text, &v->ok);
        add_num(o, "line", v->d->followups[i].line, &v->ok);
        (*count)++;
    }
}

/* Lint as of the digest's day: the same counts whenever it is made. */
static slog_status lint_counts(doc_view *v, slog_error *err)
{
    slog_diags diags = {0};
    slog_lint_options lo = {SLOG_LINT_OPTIONS_VERSION, v->opts->config, v->day, 1};
    slog_status st = slog_lint(v->d, &lo, &diags, err);
    size_t sev[4] = {0};
    slog_diags_count(&diags, sev);
    slog_diags_free(&diags);
    cJSON *lint = add(v->doc, "lint", cJSON_CreateObject(), &v->ok);
    cJSON *total = get(get(v->root, "totals"), "lint");
    char line[128], e[32], w[32], n[32];
    for (int s = SLOG_SEV_INFO; lint && s <= SLOG_SEV_ERROR; s++) {
        add_num(lint, slog_severity_name((slog_severity)s), (double)sev[s], &v->ok);
        bump(total, slog_severity_name((slog_severity)s), (double)sev[s]);
    }
    slog_count_phrase(e, sizeof e, sev[SLOG_SEV_ERROR], "error", "errors");
    slog_count_phrase(w, sizeof w, sev[SLOG_SEV_WARNING], "warning", "warnings");
    slog_count_phrase(n, sizeof n, sev[SLOG_SEV_INFO], "note", "notes");
    snprintf(line, sizeof line, "%s, %s, %s", e, w, n);
    if (lint)
        add_str(lint, "line", line, &v->ok);
    return st;
}

/* "14 done · 3 opened · 2 closed · 5 carried · 2 notes" (what is zero left
 * out), for the document's line under *What changed*. */
static void changed_line(doc_view *v)
{
    char line[256] = "", part[64];
    const struct {
        size_t n;
        const char *one, *many;
    } parts[] = {{v->entries, "entry", "entries"},
                 {v->done, "done", "done"},
                 {v->opened, "opened", "opened"},
                 {v->closed, "closed", "closed"},
                 {v->carried, "carried", "carried"},
                 {v->notes, "note", "notes"},
                 {v->attention, "needs attention", "need attention"}};
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
        if (!parts[i].n)
            continue;
        slog_count_phrase(part, sizeof part, parts[i].n, parts[i].one, parts[i].many);
        if (*line)
            strncat(line, " · ", sizeof line - strlen(line) - 1);
        strncat(line, part, sizeof line - strlen(line) - 1);
    }
    add_str(v->doc, "changed", line, &v->ok);
}

static void quiet_document(doc_view *v)
{
    cJSON *t = get(v->root, "totals");
    bump(t, "documents", 1);
    bump(t, "quiet_documents", 1);
    bump(v->root, "quiet_documents", 1);
    if (!v->opts->all)
        return;
    cJSON *o = push_obj(get(v->root, "quiet"), &v->ok);
    if (o) {
        add_str(o, "file", v->d->file, &v->ok);
        add_str(o, "title", v->d->title, &v->ok);
        add_str(o, "name", v->name, &v->ok);
    }
}

static slog_status active_document(doc_view *v, slog_error *err)
{
    cJSON *docs = get(v->root, "documents");
    v->doc = push_obj(docs, &v->ok);
    if (!v->doc)
        return SLOG_ERR_NOMEM;
    add_str(v->doc, "file", v->d->file, &v->ok);
    add_str(v->doc, "title", v->d->title, &v->ok);
    add_str(v->doc, "name", v->name, &v->ok);
    add_str(v->doc, "anchor", "doc", &v->ok); /* numbered in order by order_documents */
    size_t checked = 0, nfollowups = 0;
    entry_list(v);
    done_items(v);
    thread_lists(v);
    notes(v);
    checklist(v, &checked);
    followups(v, &nfollowups);
    attention_items(v, get(v->root, "attention"),
                    add(v->doc, "attention", cJSON_CreateArray(), &v->ok));
    slog_status st = lint_counts(v, err);
    static const char *const shown[] = {"done",    "opened", "closed",
                                        "carried", "notes",  "followups"};
    for (size_t i = 0; i < sizeof shown / sizeof *shown; i++)
        mark_shown(v->doc, shown[i], LIST_SHOWN, &v->ok);
    const struct {
        const char *flag, *list;
    } flags[] = {{"has_done", "done"},           {"has_opened", "opened"},
                 {"has_closed", "closed"},       {"has_carried", "carried"},
                 {"has_notes", "notes"},         {"has_followups", "followups"},
                 {"has_attention", "attention"}, {"has_resolved", "closed"}};
    for (size_t i = 0; i < sizeof flags / sizeof *flags; i++)
        add_bool(v->doc, flags[i].flag, cJSON_GetArraySize(get(v->doc, flags[i].list)) > 0, &v->ok);
    if (v->entries)
        add_phrase(v->doc, "entries_line", v->entries, "entry", "entries", &v->ok);
    else
        add_str(v->doc, "entries_line", "no entries in the period", &v->ok);
    add_bool(v->doc, "has_changes", v->entries > 0, &v->ok);
    changed_line(v);
    cJSON *t = get(v->root, "totals");
    bump(t, "documents", 1);
    bump(t, "active_documents", 1);
    bump(t, "entries", (double)v->entries);
    bump(t, "done", (double)v->done);
    bump(t, "done_lines", (double)v->done_lines);
    bump(t, "opened", (double)v->opened);
    bump(t, "closed", (double)v->closed);
    bump(t, "carried", (double)v->carried);
    bump(t, "open_threads", (double)v->open);
    bump(t, "resolved_threads", (double)v->closed);
    bump(t, "notes", (double)v->notes);
    bump(t, "followups", (double)nfollowups);
    bump(t, "checklist_checked", (double)checked);
    bump(t, "checklist_total", (double)v->d->nchecklists);
    return st;
}

slog_status slog_digest_add(cJSON *digest, const slog_doc *d, const slog_digest_options *opts,
                            slog_error *err)
{
    doc_view v = {
        .d = d, .opts = opts, .p = &opts->period, .day = as_of(opts), .root = digest, .ok = 1};
    v.name = d->title ? d->title : slog_path_base(d->file);
    v.threads = calloc(d->nthreads + 1, sizeof *v.threads);
    unsigned char *stale = calloc(d->nthreads + 1, 1);
    slog_status st = v.threads && stale ? SLOG_OK : SLOG_ERR_NOMEM;
    if (st == SLOG_OK && d->nthreads)
        st = slog_stale_threads(d, opts->config, v.day, stale, err);
    for (size_t i = 0; st == SLOG_OK && i < d->nthreads; i++) {
        thread_at(&d->threads[i], v.day, &v.threads[i]);
        v.threads[i].stale = stale[i];
        v.attention += attention_reason(&v.threads[i]) != NULL;
    }
    /* a document with an entry in the period or something that needs
     * attention is active; the others cost little more than their parse */
    if (st == SLOG_OK && !entries_in_period(&v) && !v.attention)
        quiet_document(&v);
    else if (st == SLOG_OK) {
        v.attention = 0; /* counted again as they are listed */
        st = active_document(&v, err);
    }
    free(v.threads);
    free(stale);
    if (st == SLOG_OK && !v.ok)
        st = SLOG_ERR_NOMEM;
    if (st == SLOG_ERR_NOMEM)
        return slog_error_set(err, SLOG_ERR_NOMEM, d->file, 0, "out of memory");
    return st;
}

/* --- finishing: what needs every document --------------------------------- */

static int by_age(const void *a, const void *b)
{
    const cJSON *x = *(const cJSON *const *)a, *y = *(const cJSON *const *)b;
    int c = strcmp(get(x, "first_seen")->valuestring, get(y, "first_seen")->valuestring);
    if (!c)
        c = strcmp(get(x, "file")->valuestring, get(y, "file")->valuestring);
    if (!c)
        c = (num(x, "line") > num(y, "line")) - (num(x, "line") < num(y, "line"));
    return c;
}

/* Oldest first, then by file and line; the first ATTENTION_SHOWN shown. */
static void sort_attention(cJSON *root, int *ok)
{
    cJSON *list = get(root, "attention");
    size_t n = (size_t)cJSON_GetArraySize(list);
    cJSON **items = malloc((n ? n : 1) * sizeof *items);
    if (!items) {
        *ok = 0;
        return;
    }
    for (size_t i = 0; i < n; i++)
        items[i] = cJSON_DetachItemFromArray(list, 0);
    qsort(items, n, sizeof *items, by_age);
    for (size_t i = 0; i < n; i++)
        cJSON_AddItemToArray(list, items[i]);
    free(items);
    mark_shown(root, "attention", ATTENTION_SHOWN, ok);
    cJSON *t = get(root, "totals");
    bump(t, "attention", (double)n);
    add_bool(root, "has_attention", n > 0, ok);
}

/* The per-day chart: bars of done items and opened threads, numbers above
 * them, dates under them; nothing drawn for a zero. */
static void chart(cJSON *root, int *ok)
{
    cJSON *days = get(root, "days");
    int n = cJSON_GetArraySize(days);
    double top = 1;
    cJSON *d;
    cJSON_ArrayForEach(d, days)
    {
        if (num(d, "done") > top)
            top = num(d, "done");
        if (num(d, "opened") > top)
            top = num(d, "opened");
    }
    int slot = n <= 14   ? 56
               : n <= 31 ? 28
                         : 12,
        every = (n + CHART_LABEL_EVERY - 1) / CHART_LABEL_EVERY;
    int k = 0, any = 0;
    cJSON_ArrayForEach(d, days)
    {
        double x = k * slot;
        const struct {
            const char *key;
            double dx;
        } bars[] = {{"done", 0.15}, {"opened", 0.52}};
        for (size_t b = 0; b < 2; b++) {
            double v = num(d, bars[b].key);
            char key[32];
            snprintf(key, sizeof key, "%s_bar", bars[b].key);
            if (v <= 0) {
                add(d, key, cJSON_CreateNull(), ok);
                continue;
            }
            any = 1;
            int h = (int)(v * (CHART_HEIGHT - 16) / top + 0.5);
            cJSON *bar = add(d, key, cJSON_CreateObject(), ok);
            if (!bar)
                return;
            add_num(bar, "x", x + slot * bars[b].dx, ok);
            add_num(bar, "w", slot * 0.33, ok);
            add_num(bar, "y", 16 + (CHART_HEIGHT - 16) - h, ok);
            add_num(bar, "h", h, ok);
            add_num(bar, "tx", x + slot * bars[b].dx + slot * 0.165, ok);
            add_num(bar, "ty", 16 + (CHART_HEIGHT - 16) - h - 3, ok);
            add_num(bar, "n", v, ok);
        }
        long day;
        slog_parse_date(get(d, "date")->valuestring, &day);
        int y, m, dd;
        slog_civil_from_days(day, &y, &m, &dd);
        static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        char label[16];
        snprintf(label, sizeof label, "%d %s", dd, months[(m + 11) % 12]);
        add_str(d, "label", k % every == 0 ? label : NULL, ok);
        add_num(d, "lx", x + slot / 2.0, ok);
        k++;
    }
    cJSON *c = add(root, "chart", cJSON_CreateObject(), ok);
    if (!c)
        return;
    add_num(c, "width", n * slot, ok);
    add_num(c, "height", CHART_HEIGHT + 18, ok);
    add_num(c, "axis_y", CHART_HEIGHT, ok);
    add_num(c, "label_y", CHART_HEIGHT + 14, ok);
    add_bool(root, "has_chart", any, ok);
}

/* The summary line: "2 active documents of 249 · 9 entries · 14 done ·
 * 3 opened · 2 closed · 5 carried · 8 need attention". */
static void summary(cJSON *root, int *ok)
{
    const cJSON *t = get(root, "totals");
    size_t docs = (size_t)num(t, "documents"), active = (size_t)num(t, "active_documents");
    char line[512], part[96];
    if (docs == active)
        slog_count_phrase(line, sizeof line, active, "document", "documents");
    else {
        slog_count_phrase(part, sizeof part, active, "active document", "active documents");
        snprintf(line, sizeof line, "%s of %zu", part, docs);
    }
    const struct {
        const char *key, *one, *many;
    } parts[] = {
        {"entries", "entry", "entries"},   {"done", "done", "done"},
        {"opened", "opened", "opened"},    {"closed", "closed", "closed"},
        {"carried", "carried", "carried"}, {"attention", "needs attention", "need attention"}};
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
        size_t n = (size_t)num(t, parts[i].key);
        if (!n && i)
            continue;
        slog_count_phrase(part, sizeof part, n, parts[i].one, parts[i].many);
        strncat(line, " · ", sizeof line - strlen(line) - 1);
        strncat(line, part, sizeof line - strlen(line) - 1);
    }
    add_str(root, "summary", line, ok);
    size_t quiet = (size_t)num(t, "quiet_documents");
    char q[128];
    slog_count_phrase(q, sizeof q, quiet, "document", "documents");
    strncat(q, " without entries in the period", sizeof q - strlen(q) - 1);
    add_str(root, "quiet_line", quiet ? q : NULL, ok);
    add_bool(root, "has_documents", active > 0, ok);
    add_bool(root, "has_changes", num(t, "entries") > 0, ok);
    add_bool(root, "has_quiet", cJSON_GetArraySize(get(root, "quiet")) > 0, ok);
    add_bool(root, "toc", active > 3, ok);
    const cJSON *lint = get(t, "lint");
    char e[32], w[32];
    slog_count_phrase(e, sizeof e, (size_t)num(lint, "error"), "error", "errors");
    slog_count_phrase(w, sizeof w, (size_t)num(lint, "warning"), "warning", "warnings");
    snprintf(part, sizeof part, "%s, %s", e, w);
    add_str(root, "lint_line", part, ok);
}

/* Documents with entries in the period first, then those that are active
 * only through what needs attention; each group in the order given. */
static void order_documents(cJSON *root, int *ok)
{
    cJSON *docs = get(root, "documents");
    int n = cJSON_GetArraySize(docs);
    cJSON **all = malloc(((size_t)n + 1) * sizeof *all);
    if (!all) {
        *ok = 0;
        return;
    }
    for (int i = 0; i < n; i++)
        all[i] = cJSON_DetachItemFromArray(docs, 0);
    int placed = 0; /* counted here: cJSON_GetArraySize walks the list */
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < n; i++)
            if (cJSON_IsTrue(get(all[i], "has_changes")) == !pass) {
                char anchor[32];
                snprintf(anchor, sizeof anchor, "doc-%d", ++placed);
                cJSON_ReplaceItemInObjectCaseSensitive(all[i], "anchor",
                                                       cJSON_CreateString(anchor));
                cJSON_AddItemToArray(docs, all[i]);
            }
    free(all);
}

slog_status slog_digest_finish(cJSON *digest, slog_error *err)
{
    int ok = 1;
    order_documents(digest, &ok);
    sort_attention(digest, &ok);
    chart(digest, &ok);
    summary(digest, &ok);
    if (!ok)
        return slog_error_set(err, SLOG_ERR_NOMEM, NULL, 0, "out of memory");
    return SLOG_OK;
}

const char *slog_digest_template(const char *format, size_t *len)
{
    static const struct {
        const char *format, *file;
    } files[] = {{"markdown", "digest.md.mustache"},
                 {"html", "digest.html.mustache"},
                 {"text", "digest.txt.mustache"}};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        if (strcmp(files[i].format, format) != 0)
            continue;
        for (const slog_builtin *b = slog_builtins; b->name; b++)
            if (strcmp(b->name, files[i].file) == 0) {
                *len = b->len;
                return b->data;
            }
    }
    return NULL;
}
