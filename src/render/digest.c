/* SPDX-License-Identifier: BSD-2-Clause */
/* The digest view model (SPEC §5 r2, r3): what needs attention across
 * documents, what changed in the period, one section per active document
 * (digest_doc.c), a count of the quiet ones. Everything is computed as of
 * the end of the period (or today, when the period has not ended), so that
 * the digest of a past week is the same whenever it is made. Layout helpers
 * (short texts, HTML texts, phrases with their nouns, bar widths, chart
 * coordinates) are part of the model so that templates need no logic. This
 * file: the helpers, the root and what needs every document. */
#include "digest_internal.h"

#include "dates.h"
#include "templates.h"
#include "statuslog/check.h"
#include "statuslog/lint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
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

/* Keys are string constants, kept by reference (cJSON_AddItemToObjectCS): a
 * digest of 100,000 objects copies no key. A key made at run time goes
 * through dv_add_copy. */
cJSON *dv_add(cJSON *o, const char *key, cJSON *v, int *ok)
{
    if (!v || !cJSON_AddItemToObjectCS(o, key, v)) {
        cJSON_Delete(v);
        *ok = 0;
        return NULL;
    }
    return v;
}

static cJSON *dv_add_copy(cJSON *o, const char *key, cJSON *v, int *ok)
{
    if (!v || !cJSON_AddItemToObject(o, key, v)) {
        cJSON_Delete(v);
        *ok = 0;
        return NULL;
    }
    return v;
}

void dv_add_str(cJSON *o, const char *key, const char *s, int *ok)
{
    dv_add(o, key, s ? cJSON_CreateString(s) : cJSON_CreateNull(), ok);
}

void dv_add_num(cJSON *o, const char *key, double n, int *ok)
{
    dv_add(o, key, cJSON_CreateNumber(n), ok);
}

void dv_add_bool(cJSON *o, const char *key, int b, int *ok)
{
    dv_add(o, key, cJSON_CreateBool(b), ok);
}

cJSON *dv_push_obj(cJSON *array, int *ok)
{
    cJSON *o = cJSON_CreateObject();
    if (!o || !cJSON_AddItemToArray(array, o)) {
        cJSON_Delete(o);
        *ok = 0;
        return NULL;
    }
    return o;
}

void dv_add_date(cJSON *o, const char *key, long day, int *ok)
{
    char buf[11];
    slog_date_format(day, buf);
    dv_add_str(o, key, buf, ok);
}

void dv_add_text(cJSON *o, const char *text, int *ok)
{
    dv_add_str(o, "text", text, ok);
}

/* The shown forms of o's "text": "short" (200 characters, cut at a word),
 * "html" and "plain". Made only for what a template shows: a list of
 * 40,000 stale threads keeps its texts, not four copies of each. */
void dv_render_text(cJSON *o, int *ok)
{
    const cJSON *t = dv_get(o, "text");
    char *s = cJSON_IsString(t) ? slog_digest_short(t->valuestring, DIGEST_SHORT_CHARS) : NULL;
    char *h = s ? slog_digest_html(s) : NULL;
    char *p = s ? slog_digest_plain(s) : NULL;
    if (!s || !h || !p)
        *ok = 0;
    dv_add_str(o, "short", s, ok);
    dv_add_str(o, "html", h, ok);
    dv_add_str(o, "plain", p, ok);
    free(s);
    free(h);
    free(p);
}

void dv_add_texts(cJSON *o, const char *text, int *ok)
{
    char *s = slog_digest_short(text, DIGEST_SHORT_CHARS);
    char *h = s ? slog_digest_html(s) : NULL;
    char *p = s ? slog_digest_plain(s) : NULL;
    if (!s || !h || !p)
        *ok = 0;
    dv_add_str(o, "text", text, ok);
    dv_add_str(o, "short", s, ok);
    dv_add_str(o, "html", h, ok);
    dv_add_str(o, "plain", p, ok);
    free(s);
    free(h);
    free(p);
}

void dv_add_phrase(cJSON *o, const char *key, size_t n, const char *one, const char *many, int *ok)
{
    char buf[96];
    slog_count_phrase(buf, sizeof buf, n, one, many);
    dv_add_str(o, key, buf, ok);
}

cJSON *dv_get(const cJSON *o, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(o, key);
}

double dv_num(const cJSON *o, const char *key)
{
    const cJSON *v = dv_get(o, key);
    return cJSON_IsNumber(v) ? v->valuedouble : 0;
}

void dv_bump(cJSON *o, const char *key, double by)
{
    cJSON *v = dv_get(o, key);
    if (v)
        cJSON_SetNumberValue(v, v->valuedouble + by);
}

void dv_mark_shown(cJSON *owner, const char *key, size_t limit, int *ok)
{
    cJSON *list = dv_get(owner, key);
    size_t n = (size_t)cJSON_GetArraySize(list), i = 0;
    cJSON *e;
    cJSON_ArrayForEach(e, list)
    {
        int shown = i++ < limit;
        dv_add_bool(e, "shown", shown, ok);
        if (shown && dv_get(e, "text") && !dv_get(e, "short"))
            dv_render_text(e, ok);
    }
    char more_key[48], more[64];
    snprintf(more_key, sizeof more_key, "%s_more", key);
    snprintf(more, sizeof more, "… and %zu more", n > limit ? n - limit : 0);
    dv_add_copy(owner, more_key, n > limit ? cJSON_CreateString(more) : cJSON_CreateNull(), ok);
}

/* --- the root ------------------------------------------------------------- */

static const char *const total_keys[] = {
    "documents",        "active_documents", "quiet_documents", "entries",   "done",
    "done_lines",       "opened",           "closed",          "carried",   "open_threads",
    "resolved_threads", "attention",        "notes",           "followups", "checklist_checked",
    "checklist_total"};

/* The end of the period, or today when the period has not ended yet. */
long dv_as_of(const slog_digest_options *o)
{
    return o->today && o->today < o->period.until ? o->today : o->period.until;
}

static void add_period(cJSON *root, const slog_digest_options *opts, int *ok)
{
    const slog_period *p = &opts->period;
    cJSON *o = dv_add(root, "period", cJSON_CreateObject(), ok);
    if (!o)
        return;
    dv_add_date(o, "since", p->since, ok);
    dv_add_date(o, "until", p->until, ok);
    char week[16];
    int y = p->iso_year, w = p->iso_week;
    if (!w)
        slog_iso_week(p->until, &y, &w);
    snprintf(week, sizeof week, "%04d-W%02d", y % 10000, w % 100);
    dv_add_str(o, "week", week, ok);
    dv_add_num(o, "days", (double)(p->until - p->since + 1), ok);
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
    dv_add_str(o, "title", title, ok);
    dv_add_date(o, "as_of", dv_as_of(opts), ok);
}

/* Per day of the period (a year at most): done items and opened threads. */
long dv_chart_days(const slog_period *p)
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
    dv_add_str(root, "schema", "statuslog-digest/1", &ok);
    add_period(root, opts, &ok);
    cJSON *t = dv_add(root, "totals", cJSON_CreateObject(), &ok);
    for (size_t i = 0; t && i < sizeof total_keys / sizeof *total_keys; i++)
        dv_add_num(t, total_keys[i], 0, &ok);
    cJSON *lint = t ? dv_add(t, "lint", cJSON_CreateObject(), &ok) : NULL;
    for (int s = SLOG_SEV_INFO; lint && s <= SLOG_SEV_ERROR; s++)
        dv_add_num(lint, slog_severity_name((slog_severity)s), 0, &ok);
    dv_add(root, "attention", cJSON_CreateArray(), &ok);
    dv_add(root, "documents", cJSON_CreateArray(), &ok);
    dv_add_num(root, "quiet_documents", 0, &ok);
    dv_add(root, "quiet", cJSON_CreateArray(), &ok);
    cJSON *days = dv_add(root, "days", cJSON_CreateArray(), &ok);
    for (long k = 0; days && k < dv_chart_days(&opts->period) && ok; k++) {
        cJSON *d = dv_push_obj(days, &ok);
        if (!d)
            break;
        dv_add_date(d, "date", opts->period.since + k, &ok);
        dv_add_num(d, "done", 0, &ok);
        dv_add_num(d, "opened", 0, &ok);
    }
    if (!ok) {
        cJSON_Delete(root);
        return NULL;
    }
    return root;
}

/* --- finishing: what needs every document --------------------------------- */

/* The per-day chart: bars of done items and opened threads, numbers above
 * them, dates under them; nothing drawn for a zero. */
static void chart(cJSON *root, int *ok)
{
    cJSON *days = dv_get(root, "days");
    int n = cJSON_GetArraySize(days);
    double top = 1;
    cJSON *d;
    cJSON_ArrayForEach(d, days)
    {
        if (dv_num(d, "done") > top)
            top = dv_num(d, "done");
        if (dv_num(d, "opened") > top)
            top = dv_num(d, "opened");
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
            double v = dv_num(d, bars[b].key);
            char key[32];
            snprintf(key, sizeof key, "%s_bar", bars[b].key);
            if (v <= 0) {
                dv_add_copy(d, key, cJSON_CreateNull(), ok);
                continue;
            }
            any = 1;
            int h = (int)(v * (CHART_HEIGHT - 16) / top + 0.5);
            cJSON *bar = dv_add_copy(d, key, cJSON_CreateObject(), ok);
            if (!bar)
                return;
            dv_add_num(bar, "x", x + slot * bars[b].dx, ok);
            dv_add_num(bar, "w", slot * 0.33, ok);
            dv_add_num(bar, "y", 16 + (CHART_HEIGHT - 16) - h, ok);
            dv_add_num(bar, "h", h, ok);
            dv_add_num(bar, "tx", x + slot * bars[b].dx + slot * 0.165, ok);
            dv_add_num(bar, "ty", 16 + (CHART_HEIGHT - 16) - h - 3, ok);
            dv_add_num(bar, "n", v, ok);
        }
        long day;
        slog_parse_date(dv_get(d, "date")->valuestring, &day);
        int y, m, dd;
        slog_civil_from_days(day, &y, &m, &dd);
        static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        char label[16];
        snprintf(label, sizeof label, "%d %s", dd, months[(m + 11) % 12]);
        dv_add_str(d, "label", k % every == 0 ? label : NULL, ok);
        dv_add_num(d, "lx", x + slot / 2.0, ok);
        k++;
    }
    cJSON *c = dv_add(root, "chart", cJSON_CreateObject(), ok);
    if (!c)
        return;
    dv_add_num(c, "width", n * slot, ok);
    dv_add_num(c, "height", CHART_HEIGHT + 18, ok);
    dv_add_num(c, "axis_y", CHART_HEIGHT, ok);
    dv_add_num(c, "label_y", CHART_HEIGHT + 14, ok);
    dv_add_bool(root, "has_chart", any, ok);
}

/* The summary line: "2 active documents of 249 · 9 entries · 14 done ·
 * 3 opened · 2 closed · 5 carried · 8 need attention". */
static void summary(cJSON *root, int *ok)
{
    const cJSON *t = dv_get(root, "totals");
    size_t docs = (size_t)dv_num(t, "documents"), active = (size_t)dv_num(t, "active_documents");
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
        size_t n = (size_t)dv_num(t, parts[i].key);
        if (!n && i)
            continue;
        slog_count_phrase(part, sizeof part, n, parts[i].one, parts[i].many);
        strncat(line, " · ", sizeof line - strlen(line) - 1);
        strncat(line, part, sizeof line - strlen(line) - 1);
    }
    dv_add_str(root, "summary", line, ok);
    size_t quiet = (size_t)dv_num(t, "quiet_documents");
    char q[128];
    slog_count_phrase(q, sizeof q, quiet, "document", "documents");
    strncat(q, " without entries in the period", sizeof q - strlen(q) - 1);
    dv_add_str(root, "quiet_line", quiet ? q : NULL, ok);
    dv_add_bool(root, "has_documents", active > 0, ok);
    dv_add_bool(root, "has_changes", dv_num(t, "entries") > 0, ok);
    dv_add_bool(root, "has_quiet", cJSON_GetArraySize(dv_get(root, "quiet")) > 0, ok);
    dv_add_bool(root, "toc", active > 3, ok);
    const cJSON *lint = dv_get(t, "lint");
    char e[32], w[32];
    slog_count_phrase(e, sizeof e, (size_t)dv_num(lint, "error"), "error", "errors");
    slog_count_phrase(w, sizeof w, (size_t)dv_num(lint, "warning"), "warning", "warnings");
    snprintf(part, sizeof part, "%s, %s", e, w);
    dv_add_str(root, "lint_line", part, ok);
}

/* Documents with entries in the period first, then those that are active
 * only through what needs attention; each group in the order given. */
static void order_documents(cJSON *root, int *ok)
{
    cJSON *docs = dv_get(root, "documents");
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
            if (cJSON_IsTrue(dv_get(all[i], "has_changes")) == !pass) {
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
    digest_sort_attention(digest, &ok);
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
