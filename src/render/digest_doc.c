/* SPDX-License-Identifier: BSD-2-Clause */
/* One document's section of the digest (SPEC §5): its entries of the
 * period, what got done (near-repeats folded), the threads opened, closed
 * and carried, what its prose entries say, checklist and follow-up counts
 * with what changed in them, lint counts, and what in it needs attention. */
#include "digest_doc.h"
#include "dates.h"
#include "doc_internal.h"
#include "similar.h"

#include "statuslog/check.h"
#include "statuslog/lint.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- threads as of a day ---------------------------------------------------- */

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

/* A failure is an observation, not a task (SPEC §3): when its log went on
 * for more than stale_days without mentioning it again ("❌ Claims report
 * broken" on 1 Jan, sessions every day since), it was dealt with, and a
 * lead is not alarmed by it a month later; so it was when the log went on
 * at all and the failure is older than stale_days by `day` (a lab
 * notebook's "❌ Image-conditioned coordinates", then the next approach).
 * A log that stopped on its failure keeps it. */
static int faded(const slog_doc *d, const thread_then *t, const long *ends, int stale_days,
                 long day)
{
    if (!t->latest || t->state != SLOG_STATE_FAILED)
        return 0;
    long seen = t->latest->entry->day, end = seen;
    for (const slog_entry *e = t->latest->entry; e; e = e->parent)
        if (e->log && ends[e->log - d->logs] > end)
            end = ends[e->log - d->logs];
    return end - seen > stale_days || (end > seen && day - seen > stale_days);
}

/* The latest day each log reached by `day`, once per document. */
static long *log_ends(const slog_doc *d, long day)
{
    long *ends = malloc((d->nlogs + 1) * sizeof *ends);
    for (size_t l = 0; ends && l < d->nlogs; l++) {
        ends[l] = -1;
        for (size_t i = 0; i < d->logs[l].nentries; i++) {
            const slog_entry *x = d->logs[l].entries[i];
            if (x->date_valid && x->day <= day && x->day > ends[l])
                ends[l] = x->day;
        }
    }
    return ends;
}

/* Open at `day`, blocked or failed, or stale: it needs attention. */
static const char *attention_reason(const thread_then *t)
{
    if (!open_then(t))
        return NULL;
    if (t->state == SLOG_STATE_BLOCKED)
        return "blocked";
    if (t->state == SLOG_STATE_FAILED && !t->faded)
        return "failed";
    return t->stale ? "stale" : NULL;
}

/* --- one document ------------------------------------------------------------ */

/* The document's name and path, as each format shows them: "name" (its
 * title, else its path), "name_plain" (without Markdown), "file" and
 * "file_html" (escaped, breakable after each '/'). */
static void add_names(doc_view *v, cJSON *o)
{
    char *plain = slog_digest_plain(v->name), *path = slog_digest_path_html(v->d->file);
    if (!plain || !path)
        v->ok = 0;
    dv_add_str(o, "file", v->d->file, &v->ok);
    dv_add_str(o, "file_html", path, &v->ok);
    dv_add_str(o, "name", v->name, &v->ok);
    dv_add_str(o, "name_plain", plain, &v->ok);
    dv_add_bool(o, "titled", v->titled, &v->ok);
    free(plain);
    free(path);
}

/* The date of the document's newest entry by the digest's day ("" when it
 * has none): of two copies of a log, the one still written is the log. */
static void newest_entry(const doc_view *v, char out[11])
{
    long newest = -1;
    for (size_t i = 0; i < v->d->nentries; i++) {
        const slog_entry *e = v->d->entries[i];
        if (e->date_valid && e->day <= v->day && e->day > newest)
            newest = e->day;
    }
    out[0] = '\0';
    if (newest >= 0)
        slog_date_format(newest, out);
}

static void attention_items(doc_view *v, cJSON *all, cJSON *mine)
{
    char newest[11];
    newest_entry(v, newest);
    for (size_t i = 0; i < v->d->nthreads && v->ok; i++) {
        const slog_thread *t = &v->d->threads[i];
        const char *reason = attention_reason(&v->threads[i]);
        if (!reason)
            continue;
        for (int copy = 0; copy < 1 + (mine != NULL); copy++) {
            cJSON *o = dv_push_obj(copy ? mine : all, &v->ok);
            if (!o)
                return;
            add_names(v, o);
            dv_add_num(o, "line", v->threads[i].latest->line, &v->ok);
            dv_add_str(o, "state", slog_state_name(v->threads[i].state), &v->ok);
            dv_add_str(o, "reason", reason, &v->ok);
            dv_add_text(o, v->threads[i].latest->text, &v->ok);
            dv_add_str(o, "first_seen", t->first_seen, &v->ok);
            dv_add_num(o, "age_days", (double)(v->day - t->first_day), &v->ok);
            dv_add_phrase(o, "age", (size_t)(v->day - t->first_day), "day", "days", &v->ok);
            dv_add_bool(o, "stale", v->threads[i].stale, &v->ok);
            dv_add_str(o, "document_newest", newest, &v->ok);
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
    cJSON *list = dv_add(v->doc, "entries", cJSON_CreateArray(), &v->ok);
    for (size_t i = 0; list && i < v->d->nentries && v->ok; i++) {
        const slog_entry *e = v->d->entries[i];
        if (!e->date_valid || !in_window(v, e->day))
            continue;
        cJSON *o = dv_push_obj(list, &v->ok);
        if (!o)
            break;
        dv_add_str(o, "date", e->date, &v->ok);
        dv_add_str(o, "time", e->time, &v->ok);
        dv_add_str(o, "label", e->label, &v->ok);
        dv_add_str(o, "heading", e->heading, &v->ok);
        dv_add_num(o, "line", e->line, &v->ok);
        dv_add_num(o, "items", (double)e->nitems, &v->ok);
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
    return day >= v->p->since && day - v->p->since < dv_chart_days(v->p)
               ? cJSON_GetArrayItem(dv_get(v->root, "days"), (int)(day - v->p->since))
               : NULL;
}

/* Two done items that are one piece of work said twice (slog_vocab_folds). */
static int same_work(const slog_doc *d, const slog_item *a, const slog_item *b)
{
    const slog_vocab *v;
    return slog_doc_words(d, &v) == SLOG_OK && slog_vocab_folds(v, a->index, b->index);
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
            dv_bump(day_slot(v, e->day), "done", 1);
            size_t k = n, from = n > FOLD_WINDOW ? n - FOLD_WINDOW : 0;
            for (size_t j = n; j-- > from && k == n;)
                if (same_work(v->d, folds[j].rep, it))
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
    cJSON *list = dv_add(v->doc, "done", cJSON_CreateArray(), &v->ok);
    for (size_t j = 0; list && j < n && v->ok; j++) {
        cJSON *o = dv_push_obj(list, &v->ok);
        if (!o)
            break;
        dv_add_text(o, folds[j].rep->text, &v->ok);
        dv_add_num(o, "count", (double)folds[j].count, &v->ok);
        dv_add_date(o, "first", folds[j].first, &v->ok);
        dv_add_date(o, "last", folds[j].last, &v->ok);
        dv_add_num(o, "line", folds[j].rep->line, &v->ok);
        dv_add_bool(o, "repeated", folds[j].count > 1, &v->ok);
        dv_add_bool(o, "over_days", folds[j].first != folds[j].last, &v->ok);
    }
    v->done_lines = n;
    free(folds);
}

/* Opened (first seen in the period, open at its end), closed (resolved in
 * it), carried (open at both ends) and every thread open at the end. */
static void thread_lists(doc_view *v)
{
    cJSON *opened = dv_add(v->doc, "opened", cJSON_CreateArray(), &v->ok);
    cJSON *closed = dv_add(v->doc, "closed", cJSON_CreateArray(), &v->ok);
    cJSON *carried = dv_add(v->doc, "carried", cJSON_CreateArray(), &v->ok);
    cJSON *open = dv_add(v->doc, "open_threads", cJSON_CreateArray(), &v->ok);
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
            dv_bump(day_slot(v, t->first_day), "opened", 1);
        if (then->resolved >= 0 && in_window(v, then->resolved)) {
            cJSON *o = dv_push_obj(closed, &v->ok);
            if (!o)
                break;
            dv_add_text(o, then->latest->text, &v->ok);
            dv_add_str(o, "first_seen", t->first_seen, &v->ok);
            dv_add_date(o, "resolved", then->resolved, &v->ok);
            dv_add_num(o, "line", t->resolved_by ? t->resolved_by->line : then->latest->line,
                       &v->ok);
            dv_add_num(o, "occurrences", (double)t->nitems, &v->ok);
            v->closed++;
        }
        if (!open_then(then))
            continue;
        int is_new = t->first_day >= v->p->since;
        /* carried work is news in a document that saw work in the period;
         * in one that did not, only what needs attention is */
        int listed = is_new || v->entries;
        for (int list = !listed; list < 2 && v->ok; list++) {
            cJSON *o = dv_push_obj(list ? open : is_new ? opened : carried, &v->ok);
            if (!o)
                break;
            dv_add_text(o, then->latest->text, &v->ok);
            dv_add_str(o, "state", slog_state_name(then->state), &v->ok);
            dv_add_str(o, "first_seen", t->first_seen, &v->ok);
            dv_add_str(o, "last_seen", then->latest->entry->date, &v->ok);
            dv_add_num(o, "age_days", (double)age, &v->ok);
            dv_add_phrase(o, "age", (size_t)age, "day", "days", &v->ok);
            if (!is_new) {
                long start = v->p->since - t->first_day;
                dv_add_num(o, "age_at_start", (double)start, &v->ok);
                dv_add_phrase(o, "age_at_start_line", (size_t)start, "day", "days", &v->ok);
            }
            dv_add_num(o, "line", then->latest->line, &v->ok);
            dv_add_num(o, "bar", (double)(age * DIGEST_BAR_WIDTH / max_age), &v->ok);
        }
        v->open++;
        if (is_new)
            v->opened++;
        else if (listed)
            v->carried++;
    }
    dv_add(v->doc, "resolved_threads", cJSON_Duplicate(closed, 1), &v->ok);
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
    cJSON *lint = dv_add(v->doc, "lint", cJSON_CreateObject(), &v->ok);
    cJSON *total = dv_get(dv_get(v->root, "totals"), "lint");
    char line[128], e[32], w[32], n[32];
    for (int s = SLOG_SEV_INFO; lint && s <= SLOG_SEV_ERROR; s++) {
        dv_add_num(lint, slog_severity_name((slog_severity)s), (double)sev[s], &v->ok);
        dv_bump(total, slog_severity_name((slog_severity)s), (double)sev[s]);
    }
    slog_count_phrase(e, sizeof e, sev[SLOG_SEV_ERROR], "error", "errors");
    slog_count_phrase(w, sizeof w, sev[SLOG_SEV_WARNING], "warning", "warnings");
    slog_count_phrase(n, sizeof n, sev[SLOG_SEV_INFO], "note", "notes");
    snprintf(line, sizeof line, "%s, %s, %s", e, w, n);
    if (lint)
        dv_add_str(lint, "line", line, &v->ok);
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
    if (!v->entries) /* active through what needs attention only */
        strncat(line, "no entries in the period", sizeof line - 1);
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
        if (!parts[i].n)
            continue;
        slog_count_phrase(part, sizeof part, parts[i].n, parts[i].one, parts[i].many);
        if (*line)
            strncat(line, " · ", sizeof line - strlen(line) - 1);
        strncat(line, part, sizeof line - strlen(line) - 1);
    }
    dv_add_str(v->doc, "changed", line, &v->ok);
}

static void quiet_document(doc_view *v)
{
    cJSON *t = dv_get(v->root, "totals");
    dv_bump(t, "documents", 1);
    dv_bump(t, "quiet_documents", 1);
    dv_bump(v->root, "quiet_documents", 1);
    if (!v->opts->all)
        return;
    cJSON *o = dv_push_obj(dv_get(v->root, "quiet"), &v->ok);
    if (o) {
        add_names(v, o);
        dv_add_str(o, "title", v->d->title, &v->ok);
    }
}

static slog_status active_document(doc_view *v, slog_error *err)
{
    cJSON *docs = dv_get(v->root, "documents");
    v->doc = dv_push_obj(docs, &v->ok);
    if (!v->doc)
        return SLOG_ERR_NOMEM;
    add_names(v, v->doc);
    dv_add_str(v->doc, "title", v->d->title, &v->ok);
    dv_add_str(v->doc, "anchor", "doc", &v->ok); /* numbered in order by order_documents */
    size_t checked = 0, nfollowups = 0;
    entry_list(v);
    done_items(v);
    thread_lists(v);
    digest_notes(v);
    digest_checklist(v, &checked);
    digest_followups(v, &nfollowups);
    /* the document's own list only where its section shows it (no entries
     * in the period): the root's list has every document's */
    cJSON *mine = dv_add(v->doc, "attention", cJSON_CreateArray(), &v->ok);
    attention_items(v, dv_get(v->root, "attention"), v->entries ? NULL : mine);
    slog_status st = lint_counts(v, err);
    static const char *const shown[] = {"done",  "opened",    "closed",       "carried",
                                        "notes", "attention", "followups_new"};
    for (size_t i = 0; i < sizeof shown / sizeof *shown; i++)
        dv_mark_shown(v->doc, shown[i], LIST_SHOWN, &v->ok);
    const struct {
        const char *flag, *list;
    } flags[] = {{"has_done", "done"},           {"has_opened", "opened"},
                 {"has_closed", "closed"},       {"has_carried", "carried"},
                 {"has_notes", "notes"},         {"has_followups", "followups_new"},
                 {"has_attention", "attention"}, {"has_resolved", "closed"},
                 {"has_prose", "prose"}};
    for (size_t i = 0; i < sizeof flags / sizeof *flags; i++)
        dv_add_bool(v->doc, flags[i].flag, cJSON_GetArraySize(dv_get(v->doc, flags[i].list)) > 0,
                    &v->ok);
    if (v->entries)
        dv_add_phrase(v->doc, "entries_line", v->entries, "entry", "entries", &v->ok);
    else
        dv_add_str(v->doc, "entries_line", "no entries in the period", &v->ok);
    dv_add_bool(v->doc, "has_changes", v->entries > 0, &v->ok);
    changed_line(v);
    cJSON *t = dv_get(v->root, "totals");
    dv_bump(t, "documents", 1);
    dv_bump(t, "active_documents", 1);
    dv_bump(t, "entries", (double)v->entries);
    dv_bump(t, "done", (double)v->done);
    dv_bump(t, "done_lines", (double)v->done_lines);
    dv_bump(t, "opened", (double)v->opened);
    dv_bump(t, "closed", (double)v->closed);
    dv_bump(t, "carried", (double)v->carried);
    dv_bump(t, "open_threads", (double)v->open);
    dv_bump(t, "resolved_threads", (double)v->closed);
    dv_bump(t, "notes", (double)v->notes);
    dv_bump(t, "followups", (double)nfollowups);
    dv_bump(t, "checklist_checked", (double)checked);
    dv_bump(t, "checklist_total", (double)v->d->nchecklists);
    return st;
}

/* Its title, else its path: never nothing (SPEC §5 r3). The top heading of
 * an untitled log is one of its entries ("# QA Updates — 2025-10-02"), not
 * its name. */
static const char *document_name(const slog_doc *d, int *titled)
{
    *titled = d->title != NULL;
    return d->title ? d->title : d->file;
}

slog_status slog_digest_add(cJSON *digest, const slog_doc *d, const slog_digest_options *opts,
                            slog_error *err)
{
    doc_view v = {
        .d = d, .opts = opts, .p = &opts->period, .day = dv_as_of(opts), .root = digest, .ok = 1};
    v.name = document_name(d, &v.titled);
    v.threads = calloc(d->nthreads + 1, sizeof *v.threads);
    unsigned char *stale = calloc(d->nthreads + 1, 1);
    long *ends = log_ends(d, v.day);
    slog_status st = v.threads && stale && ends ? SLOG_OK : SLOG_ERR_NOMEM;
    if (st == SLOG_OK && d->nthreads)
        st = slog_stale_threads(d, opts->config, v.day, stale, err);
    for (size_t i = 0; st == SLOG_OK && i < d->nthreads; i++) {
        thread_at(&d->threads[i], v.day, &v.threads[i]);
        v.threads[i].stale = stale[i];
        v.threads[i].faded =
            faded(d, &v.threads[i], ends, slog_config_stale_days(opts->config), v.day);
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
    free(ends);
    if (st == SLOG_OK && !v.ok)
        st = SLOG_ERR_NOMEM;
    if (st == SLOG_ERR_NOMEM)
        return slog_error_set(err, SLOG_ERR_NOMEM, d->file, 0, "out of memory");
    return st;
}
