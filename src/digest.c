/* The digest view model: one cJSON object per document and the totals, for
 * the JSON output and for the Mustache templates. Layout helpers (bar widths,
 * chart coordinates) are part of the model so that templates need no logic. */
#include "statuslog/digest.h"

#include "dates.h"
#include "templates.h"
#include "statuslog/lint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { BAR_WIDTH = 200, CHART_HEIGHT = 60, CHART_DAY_WIDTH = 24, FOLD_WINDOW = 64 };

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

static void add_period(cJSON *root, const slog_period *p, int *ok)
{
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
}

cJSON *slog_digest_new(const slog_digest_options *opts)
{
    int ok = 1;
    cJSON *root = cJSON_CreateObject();
    if (!root)
        return NULL;
    add_str(root, "schema", "statuslog-digest/1", &ok);
    add_period(root, &opts->period, &ok);
    cJSON *t = add(root, "totals", cJSON_CreateObject(), &ok);
    static const char *const counts[] = {"documents",  "entries",           "done",
                                         "done_lines", "open_threads",      "resolved_threads",
                                         "followups",  "checklist_checked", "checklist_total"};
    for (size_t i = 0; t && i < sizeof counts / sizeof *counts; i++)
        add_num(t, counts[i], 0, &ok);
    cJSON *lint = t ? add(t, "lint", cJSON_CreateObject(), &ok) : NULL;
    for (int s = SLOG_SEV_INFO; lint && s <= SLOG_SEV_ERROR; s++)
        add_num(lint, slog_severity_name((slog_severity)s), 0, &ok);
    add(root, "documents", cJSON_CreateArray(), &ok);
    if (!ok) {
        cJSON_Delete(root);
        return NULL;
    }
    return root;
}

/* --- one document ------------------------------------------------------------ */

static int in_period(const slog_period *p, long day)
{
    return day >= p->since && day <= p->until;
}

static void entries_in_period(cJSON *doc, const slog_doc *d, const slog_period *p, int *ok,
                              size_t *count)
{
    cJSON *list = add(doc, "entries", cJSON_CreateArray(), ok);
    for (size_t i = 0; list && i < d->nentries && *ok; i++) {
        const slog_entry *e = d->entries[i];
        if (!e->date_valid || !in_period(p, e->day))
            continue;
        cJSON *o = push_obj(list, ok);
        if (!o)
            break;
        add_str(o, "date", e->date, ok);
        add_str(o, "time", e->time, ok);
        add_str(o, "label", e->label, ok);
        add_str(o, "heading", e->heading, ok);
        add_num(o, "line", e->line, ok);
        add_num(o, "items", (double)e->nitems, ok);
        (*count)++;
    }
}

typedef struct {
    const slog_item *rep; /* the latest wording */
    long first, last;
    size_t count;
} fold;

/* Done items of the period, near-identical repeats folded into one line with
 * a count and first/last dates (each compared with recent lines only). */
static void done_items(cJSON *doc, const slog_doc *d, const slog_period *p, int *ok, size_t *items,
                       size_t *lines)
{
    fold *folds = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < d->nentries && *ok; i++) {
        const slog_entry *e = d->entries[i];
        if (!e->date_valid || !in_period(p, e->day))
            continue;
        for (const slog_item *it = e->items; it && *ok; it = it->next) {
            if (it->state != SLOG_STATE_DONE)
                continue;
            (*items)++;
            size_t k = n, from = n > FOLD_WINDOW ? n - FOLD_WINDOW : 0;
            for (size_t j = n; j-- > from && k == n;)
                if (slog_item_similarity(d, folds[j].rep, it) >= SLOG_FOLD_THRESHOLD)
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
                    *ok = 0;
                    break;
                }
                folds = g;
            }
            folds[n++] = (fold){it, e->day, e->day, 1};
        }
    }
    cJSON *list = add(doc, "done", cJSON_CreateArray(), ok);
    for (size_t j = 0; list && j < n && *ok; j++) {
        cJSON *o = push_obj(list, ok);
        if (!o)
            break;
        add_str(o, "text", folds[j].rep->text, ok);
        add_num(o, "count", (double)folds[j].count, ok);
        add_date(o, "first", folds[j].first, ok);
        add_date(o, "last", folds[j].last, ok);
        add_num(o, "line", folds[j].rep->line, ok);
        add(o, "repeated", cJSON_CreateBool(folds[j].count > 1), ok);
    }
    *lines = n;
    free(folds);
}

static void threads(cJSON *doc, const slog_doc *d, const slog_period *p, int *ok, size_t *open,
                    size_t *resolved)
{
    cJSON *olist = add(doc, "open_threads", cJSON_CreateArray(), ok);
    cJSON *rlist = add(doc, "resolved_threads", cJSON_CreateArray(), ok);
    long max_age = 1;
    for (size_t i = 0; i < d->nthreads; i++)
        if (d->threads[i].first_day <= p->until && p->until - d->threads[i].first_day > max_age)
            max_age = p->until - d->threads[i].first_day;
    for (size_t i = 0; olist && rlist && i < d->nthreads && *ok; i++) {
        const slog_thread *t = &d->threads[i];
        long resolved_day = 0;
        int is_resolved = t->resolved && slog_parse_date(t->resolved, &resolved_day) == 0;
        if (is_resolved && in_period(p, resolved_day)) {
            cJSON *o = push_obj(rlist, ok);
            if (!o)
                break;
            add_str(o, "text", t->text, ok);
            add_str(o, "first_seen", t->first_seen, ok);
            add_str(o, "resolved", t->resolved, ok);
            add_num(o, "occurrences", (double)t->nitems, ok);
            (*resolved)++;
        }
        /* open at the end of the period: seen by then, not resolved by then */
        if (t->first_day > p->until || (is_resolved && resolved_day <= p->until))
            continue;
        long age = p->until - t->first_day;
        const slog_item *latest = t->items[t->nitems - 1];
        cJSON *o = push_obj(olist, ok);
        if (!o)
            break;
        add_str(o, "text", t->text, ok);
        add_str(o, "first_seen", t->first_seen, ok);
        add_str(o, "last_seen", t->last_seen, ok);
        add_num(o, "age_days", (double)age, ok);
        add_num(o, "occurrences", (double)t->nitems, ok);
        add_str(o, "state", slog_state_name(t->state), ok);
        add_num(o, "line", latest->line, ok);
        add_num(o, "bar", (double)(age * BAR_WIDTH / max_age), ok);
        (*open)++;
    }
}

static void checklist(cJSON *doc, const slog_doc *d, int *ok, size_t *checked)
{
    cJSON *o = add(doc, "checklist", cJSON_CreateObject(), ok);
    if (!o)
        return;
    cJSON *unchecked = cJSON_CreateArray();
    for (size_t i = 0; unchecked && i < d->nchecklists && *ok; i++) {
        if (d->checklists[i].checked) {
            (*checked)++;
            continue;
        }
        cJSON *u = push_obj(unchecked, ok);
        if (!u)
            break;
        add_str(u, "text", d->checklists[i].text, ok);
        add_str(u, "section", d->checklists[i].section, ok);
        add_num(u, "line", d->checklists[i].line, ok);
    }
    size_t total = d->nchecklists;
    int percent = total ? (int)(*checked * 100 / total) : 0;
    add_num(o, "checked", (double)*checked, ok);
    add_num(o, "total", (double)total, ok);
    add_num(o, "percent", percent, ok);
    add_num(o, "bar", percent * BAR_WIDTH / 100, ok);
    add(o, "unchecked", unchecked, ok);
}

/* Items done and open per day of the period, with chart coordinates. */
static void days(cJSON *doc, const slog_doc *d, const slog_period *p, int *ok)
{
    long n = p->until - p->since + 1;
    if (n > 366) /* a chart of a year at most */
        n = 0;
    size_t *done = calloc((size_t)n + 1, sizeof *done), *open = calloc((size_t)n + 1, sizeof *open);
    cJSON *list = add(doc, "days", cJSON_CreateArray(), ok);
    if (!done || !open || !list) {
        *ok = 0;
        free(done);
        free(open);
        return;
    }
    size_t top = 1;
    for (size_t i = 0; i < d->nentries; i++) {
        const slog_entry *e = d->entries[i];
        if (!e->date_valid || !in_period(p, e->day) || e->day - p->since >= n)
            continue;
        for (const slog_item *it = e->items; it; it = it->next) {
            size_t *slot = it->state == SLOG_STATE_DONE    ? done
                           : slog_state_is_open(it->state) ? open
                                                           : NULL;
            if (slot && ++slot[e->day - p->since] > top)
                top = slot[e->day - p->since];
        }
    }
    for (long k = 0; k < n && *ok; k++) {
        cJSON *o = push_obj(list, ok);
        if (!o)
            break;
        int dh = (int)(done[k] * CHART_HEIGHT / top), oh = (int)(open[k] * CHART_HEIGHT / top);
        add_date(o, "date", p->since + k, ok);
        add_num(o, "done", (double)done[k], ok);
        add_num(o, "open", (double)open[k], ok);
        add_num(o, "x", (double)(k * CHART_DAY_WIDTH), ok);
        add_num(o, "x2", (double)(k * CHART_DAY_WIDTH + CHART_DAY_WIDTH / 2 - 1), ok);
        add_num(o, "done_h", dh, ok);
        add_num(o, "open_h", oh, ok);
        add_num(o, "done_y", CHART_HEIGHT - dh, ok);
        add_num(o, "open_y", CHART_HEIGHT - oh, ok);
    }
    add_num(doc, "chart_width", (double)(n * CHART_DAY_WIDTH), ok);
    free(done);
    free(open);
}

static void bump(cJSON *totals, const char *key, double by)
{
    cJSON *v = cJSON_GetObjectItemCaseSensitive(totals, key);
    if (v)
        cJSON_SetNumberValue(v, v->valuedouble + by);
}

slog_status slog_digest_add(cJSON *digest, const slog_doc *d, const slog_digest_options *opts,
                            slog_error *err)
{
    int ok = 1;
    const slog_period *p = &opts->period;
    cJSON *doc = push_obj(cJSON_GetObjectItemCaseSensitive(digest, "documents"), &ok);
    if (!doc)
        return slog_error_set(err, SLOG_ERR_NOMEM, d->file, 0, "out of memory");
    size_t nentries = 0, ndone = 0, nlines = 0, nopen = 0, nresolved = 0, nchecked = 0;
    add_str(doc, "file", d->file, &ok);
    add_str(doc, "title", d->title ? d->title : d->file, &ok);
    entries_in_period(doc, d, p, &ok, &nentries);
    done_items(doc, d, p, &ok, &ndone, &nlines);
    threads(doc, d, p, &ok, &nopen, &nresolved);
    checklist(doc, d, &ok, &nchecked);
    cJSON *fu = add(doc, "followups", cJSON_CreateArray(), &ok);
    for (size_t i = 0; fu && i < d->nfollowups && ok; i++) {
        cJSON *o = push_obj(fu, &ok);
        if (o) {
            add_str(o, "text", d->followups[i].text, &ok);
            add_num(o, "line", d->followups[i].line, &ok);
        }
    }
    days(doc, d, p, &ok);
    /* flags for templates, which cannot test whether a list is empty */
    add(doc, "has_resolved", cJSON_CreateBool(nresolved > 0), &ok);
    add(doc, "has_unchecked", cJSON_CreateBool(d->nchecklists > nchecked), &ok);
    add(doc, "has_followups", cJSON_CreateBool(d->nfollowups > 0), &ok);

    slog_diags diags = {0};
    slog_lint_options lo = {SLOG_LINT_OPTIONS_VERSION, opts->config, opts->today, 0};
    slog_status st = slog_lint(d, &lo, &diags, err);
    size_t sev[4] = {0};
    slog_diags_count(&diags, sev);
    slog_diags_free(&diags);
    cJSON *lint = add(doc, "lint", cJSON_CreateObject(), &ok);
    cJSON *tl = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(digest, "totals"),
                                                 "lint");
    for (int s = SLOG_SEV_INFO; lint && s <= SLOG_SEV_ERROR; s++) {
        add_num(lint, slog_severity_name((slog_severity)s), (double)sev[s], &ok);
        bump(tl, slog_severity_name((slog_severity)s), (double)sev[s]);
    }
    cJSON *t = cJSON_GetObjectItemCaseSensitive(digest, "totals");
    bump(t, "documents", 1);
    bump(t, "entries", (double)nentries);
    bump(t, "done", (double)ndone);
    bump(t, "done_lines", (double)nlines);
    bump(t, "open_threads", (double)nopen);
    bump(t, "resolved_threads", (double)nresolved);
    bump(t, "followups", (double)d->nfollowups);
    bump(t, "checklist_checked", (double)nchecked);
    bump(t, "checklist_total", (double)d->nchecklists);
    if (st != SLOG_OK)
        return st;
    if (!ok)
        return slog_error_set(err, SLOG_ERR_NOMEM, d->file, 0, "out of memory");
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
