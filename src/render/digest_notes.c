/* SPDX-License-Identifier: BSD-2-Clause */
/* What a document's entries of the period say besides done items and
 * threads (SPEC §5 r3): prose entries as one line each (label and first
 * sentence, runs of one shape folded, the newest few), the notes of marked
 * entries, checklist progress with the boxes written in the period, and
 * follow-ups counted with the new ones listed. */
#include "digest_doc.h"
#include "doc_internal.h"

#include "statuslog/check.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* By time: day, then the time when both have one, then the order the log
 * was written in (a newest-first log writes a day's later entries above). */
static int by_day(const void *a, const void *b)
{
    const slog_entry *x = *(const slog_entry *const *)a, *y = *(const slog_entry *const *)b;
    if (x->day != y->day)
        return x->day < y->day ? -1 : 1;
    if (x->has_instant && y->has_instant && x->instant != y->instant)
        return x->instant < y->instant ? -1 : 1;
    int c = (x->index > y->index) - (x->index < y->index);
    return x->log && x->log == y->log && x->log->direction == SLOG_NEWEST_FIRST ? -c : c;
}

/* An entry the digest shows as one line, its label and first sentence:
 * one written in prose (no item with a marker), or one whose unmarked lines
 * are too many to list as notes (a bug report's steps and details). */
static int prose_entry(const slog_entry *e)
{
    size_t notes = 0, marked = 0;
    for (const slog_item *it = e->items; it; it = it->next) {
        if (is_box(it))
            continue;
        if (it->state == SLOG_STATE_NOTE)
            notes += *it->text != '\0';
        else
            marked++;
    }
    return !marked || notes > NOTES_PER_ENTRY;
}

/* The label says more than its date: it has a letter. */
static int says_something(const char *label)
{
    for (const unsigned char *p = (const unsigned char *)label; *p; p++)
        if (*p >= 0x80 || ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z'))
            return 1;
    return 0;
}

/* The entries of the period, oldest first (malloc'd). */
static const slog_entry **period_entries(doc_view *v, size_t *n)
{
    const slog_entry **days = malloc((v->d->nentries + 1) * sizeof *days);
    *n = 0;
    if (!days) {
        v->ok = 0;
        return NULL;
    }
    for (size_t i = 0; i < v->d->nentries; i++)
        if (v->d->entries[i]->date_valid && in_window(v, v->d->entries[i]->day))
            days[(*n)++] = v->d->entries[i];
    if (*n > 1)
        qsort(days, *n, sizeof *days, by_day);
    return days;
}

/* One prose entry: its label and first sentence (with the list a line
 * ending in ':' introduces), and the rows of its tables with a status word
 * ("agent-flow-studio · 90 · pytest failing"). */
static cJSON *prose_line(doc_view *v, const slog_entry *e, int *bare, int *empty)
{
    digest_prose p;
    digest_prose_read(v->d, e, &p);
    /* a dated list item is its own sentence: its label, the text after the date */
    const char *said = e->kind == SLOG_ENTRY_LIST ? NULL : p.sentence.data;
    slog_buf line = {0};
    if (says_something(e->label))
        slog_buf_puts(&line, e->label);
    else if (p.subtitle.len > 1 && e->kind != SLOG_ENTRY_LIST && !p.has_entries)
        slog_buf_puts(&line, p.subtitle.data); /* a day's first section names it */
    if (p.status.len > 1) {                    /* "Bug #2: Streaming cleanup (status: Open): ..." */
        int labelled = line.len > 0;
        slog_buf_puts(&line, labelled ? " (status: " : "status: ");
        slog_buf_puts(&line, p.status.data);
        slog_buf_puts(&line, labelled ? ")" : "");
    }
    *bare = e->kind != SLOG_ENTRY_LIST && !(said && *said && strcmp(said, e->label) != 0) &&
            p.status.len <= 1;
    if (said && *said && strcmp(said, e->label) != 0) {
        if (line.len)
            slog_buf_puts(&line, ": ");
        slog_buf_puts(&line, said);
    }
    /* "- 2025-03-03:" over its work: the first items nested under it */
    if (e->kind == SLOG_ENTRY_LIST && !line.len) {
        size_t taken = 0;
        for (const slog_item *it = e->items; it && taken < 3; it = it->next) {
            if (!*it->text)
                continue;
            slog_buf_puts(&line, taken++ ? "; " : "");
            slog_buf_puts(&line, it->text);
        }
        *bare = taken == 0;
    }
    /* a day to be filled in, or a day whose sessions below say it all */
    *empty = *bare && (p.placeholder || p.has_entries);
    slog_buf_put(&line, "", 0);
    cJSON *o = cJSON_CreateObject();
    if (o && !p.failed && !line.failed) {
        dv_add_texts(o, line.len > 1 ? line.data : e->heading, &v->ok);
        dv_add_str(o, "date", e->date, &v->ok);
        dv_add_str(o, "label", e->label, &v->ok);
        dv_add_num(o, "line", e->line, &v->ok);
        cJSON *rows = dv_add(o, "rows", cJSON_CreateArray(), &v->ok);
        for (size_t i = 0; rows && i < p.nrows; i++)
            dv_add_texts(dv_push_obj(rows, &v->ok), p.rows[i].data, &v->ok);
        dv_add_bool(o, "has_rows", p.nrows > 0, &v->ok);
    } else {
        v->ok = 0;
        cJSON_Delete(o);
        o = NULL;
    }
    slog_buf_free(&line);
    digest_prose_free(&p);
    return o;
}

/* The word of s at *at (to a space), and whether it is a number, a time
 * or a date ("04:10", "2026-08-03", "12,5"): no letter in it. */
static size_t word_at(const char *s, size_t *at, int *numeric)
{
    while (s[*at] == ' ')
        (*at)++;
    size_t from = *at;
    *numeric = 1;
    for (; s[*at] && s[*at] != ' '; (*at)++)
        if (!strchr("0123456789:-/.,+()*_~`[]", s[*at]))
            *numeric = 0;
    return *at - from;
}

static size_t digit_run(const char *s, size_t i, size_t n)
{
    size_t k = i;
    while (k < n && s[k] >= '0' && s[k] <= '9')
        k++;
    return k - i;
}

static int has_long_run(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t r = digit_run(s, i, n);
        if (r >= 3)
            return 1;
        i += r ? r : 1; /* past the run: each byte looked at once */
    }
    return 0;
}

/* Two words alike: the same, or the same but for their digits when one
 * holds a run of three digits or more (an id or a stamp in it:
 * "run_20260107_152633", "2025-10-01T22:15:56-06:00-grid.tsv"); "v1" and
 * "v2", "arm64" and "x86" differ. */
static int same_word(const char *a, size_t la, const char *b, size_t lb)
{
    if (la == lb && !memcmp(a, b, la))
        return 1;
    if (!has_long_run(a, la) && !has_long_run(b, lb))
        return 0;
    size_t i = 0, k = 0;
    for (;;) {
        while (i < la && a[i] >= '0' && a[i] <= '9')
            i++;
        while (k < lb && b[k] >= '0' && b[k] <= '9')
            k++;
        if (i == la || k == lb)
            return i == la && k == lb;
        if (a[i++] != b[k++])
            return 0;
    }
}

/* A prose line's shape: its words, numbers and times aside. Consecutive
 * entries of one shape ("Status check — 04:10: all green", then 10:10,
 * 16:10 ...) are one line with a count; "Trained model v1" and "Trained
 * model v2" are two (a number in a word is part of it). */
static int same_shape(const char *a, const char *b)
{
    size_t i = 0, k = 0;
    for (;;) {
        int na, nb;
        size_t fa = i, fb = k;
        while (a[fa] == ' ')
            fa++;
        while (b[fb] == ' ')
            fb++;
        size_t la = word_at(a, &i, &na), lb = word_at(b, &k, &nb);
        if (!la || !lb)
            return !la && !lb;
        if (na != nb || (!na && !same_word(a + fa, la, b + fb, lb)))
            return 0;
    }
}

enum { FOLDED_ROWS_KEPT = 8 };

/* The rows with a status word of an entry folded into `into` that it does
 * not show yet: the failing rows of one status check among many alike
 * stay visible (at most FOLDED_ROWS_KEPT). */
static void take_rows(cJSON *into, const cJSON *from, int *ok)
{
    cJSON *rows = dv_get(into, "rows");
    const cJSON *r;
    cJSON_ArrayForEach(r, dv_get(from, "rows"))
    {
        if (!rows || cJSON_GetArraySize(rows) >= FOLDED_ROWS_KEPT)
            return;
        const char *text = dv_get(r, "text")->valuestring;
        const cJSON *have;
        int shown = 0;
        cJSON_ArrayForEach(have, rows) shown |= !strcmp(dv_get(have, "text")->valuestring, text);
        cJSON *copy = shown ? NULL : cJSON_Duplicate(r, 1);
        if (!shown && !copy)
            *ok = 0;
        if (copy)
            cJSON_AddItemToArray(rows, copy);
    }
    cJSON_ReplaceItemInObjectCaseSensitive(into, "has_rows",
                                           cJSON_CreateBool(cJSON_GetArraySize(rows) > 0));
}

/* The prose lines of the period (SPEC §5 r3), newest first until
 * PROSE_SHOWN lines are taken, runs of one shape folded; put oldest first
 * into `prose`. Returns the entries left out. */
static size_t prose_lines(doc_view *v, cJSON *prose, const slog_entry **days, size_t n)
{
    cJSON *kept[PROSE_SHOWN];
    size_t nkept = 0, left = 0;
    int bare_kept = 0; /* the last line kept says nothing but its heading */
    for (size_t i = n; i-- > 0 && v->ok;) {
        const slog_entry *e = days[i];
        if (!prose_entry(e))
            continue;
        if (left) {
            left++;
            continue;
        }
        int bare, empty;
        cJSON *o = prose_line(v, e, &bare, &empty);
        if (!o)
            break;
        if (empty) {
            cJSON_Delete(o);
            continue;
        }
        /* an entry that says nothing but its heading ("Day 3", "2/17/22")
         * folds only with the same heading ("Heartbeat"): its number is all
         * that tells it apart */
        cJSON *last = nkept && bare == bare_kept ? kept[nkept - 1] : NULL;
        bare_kept = bare;
        const char *said = dv_get(o, "text")->valuestring;
        if (last && (bare ? !strcmp(dv_get(last, "text")->valuestring, said)
                          : same_shape(dv_get(last, "text")->valuestring, said))) {
            cJSON *count = dv_get(last, "count");
            cJSON_SetNumberValue(count, count->valuedouble + 1);
            cJSON_ReplaceItemInObjectCaseSensitive(last, "first", cJSON_CreateString(e->date));
            cJSON_ReplaceItemInObjectCaseSensitive(last, "repeated", cJSON_CreateTrue());
            cJSON_ReplaceItemInObjectCaseSensitive(
                last, "over_days",
                cJSON_CreateBool(strcmp(e->date, dv_get(last, "last")->valuestring) != 0));
            take_rows(last, o, &v->ok);
            cJSON_Delete(o);
            continue;
        }
        if (nkept == PROSE_SHOWN) {
            cJSON_Delete(o);
            left = 1;
            continue;
        }
        dv_add_num(o, "count", 1, &v->ok);
        dv_add_str(o, "first", e->date, &v->ok);
        dv_add_str(o, "last", e->date, &v->ok);
        dv_add_bool(o, "repeated", 0, &v->ok);
        dv_add_bool(o, "over_days", 0, &v->ok);
        kept[nkept++] = o;
    }
    while (nkept)
        cJSON_AddItemToArray(prose, kept[--nkept]);
    return left;
}

/* What the period's entries say besides done items and threads (SPEC §5
 * r3): an entry written in prose is one line, its label and first
 * sentence, not a note per line — and of many, the newest few with a count
 * of the rest; the notes (items without a marker) of entries that have
 * marked items too. Oldest first. */
void digest_notes(doc_view *v)
{
    cJSON *list = dv_add(v->doc, "notes", cJSON_CreateArray(), &v->ok);
    cJSON *prose = dv_add(v->doc, "prose", cJSON_CreateArray(), &v->ok);
    size_t n, nprose = 0;
    const slog_entry **days = period_entries(v, &n);
    for (size_t i = 0; days && i < n; i++)
        nprose += prose_entry(days[i]);
    size_t skip = days && prose ? prose_lines(v, prose, days, n) : 0;
    for (size_t i = 0; days && list && i < n && v->ok; i++) {
        const slog_entry *e = days[i];
        if (prose_entry(e))
            continue;
        for (const slog_item *it = e->items; it && v->ok; it = it->next) {
            if (it->state != SLOG_STATE_NOTE || !*it->text)
                continue;
            cJSON *o = dv_push_obj(list, &v->ok);
            if (!o)
                break;
            dv_add_text(o, it->text, &v->ok);
            dv_add_str(o, "date", e->date, &v->ok);
            dv_add_num(o, "line", it->line, &v->ok);
            v->notes++;
        }
    }
    v->prose = nprose;
    char more[64];
    snprintf(more, sizeof more, "… and %zu more %s", skip, skip == 1 ? "entry" : "entries");
    dv_add_str(v->doc, "prose_more", skip ? more : NULL, &v->ok);
    free(days);
}

/* The line is in an entry of the period: written (or ticked) in it. */
static int in_period_entry(const doc_view *v, int line)
{
    for (const slog_entry *e = slog_doc_entry_at(v->d, line); e; e = e->parent)
        if (e->date_valid && in_window(v, e->day))
            return 1;
    return 0;
}

/* Checklist progress, counted; what changed in the period (boxes added or
 * ticked in its entries) listed (SPEC §5 r3: a fixed checklist is not
 * listed again every week). */
void digest_checklist(doc_view *v, size_t *checked)
{
    cJSON *o = dv_add(v->doc, "checklist", cJSON_CreateObject(), &v->ok);
    if (!o)
        return;
    cJSON *unchecked = cJSON_CreateArray(), *changed = cJSON_CreateArray();
    if (!unchecked || !changed)
        v->ok = 0;
    for (size_t i = 0; unchecked && changed && i < v->d->nchecklists && v->ok; i++) {
        const slog_checklist_item *c = &v->d->checklists[i];
        *checked += c->checked != 0;
        cJSON *u = c->checked ? NULL : dv_push_obj(unchecked, &v->ok);
        if (u) {
            dv_add_text(u, c->text, &v->ok);
            dv_add_str(u, "section", c->section, &v->ok);
            dv_add_num(u, "line", c->line, &v->ok);
        }
        if (!in_period_entry(v, c->line))
            continue;
        cJSON *ch = dv_push_obj(changed, &v->ok);
        if (ch) {
            dv_add_text(ch, c->text, &v->ok);
            dv_add_bool(ch, "checked", c->checked, &v->ok);
            dv_add_str(ch, "box", c->checked ? "[x]" : "[ ]", &v->ok);
            dv_add_num(ch, "line", c->line, &v->ok);
        }
    }
    size_t total = v->d->nchecklists, open = total - *checked;
    int percent = total ? (int)(*checked * 100 / total) : 0;
    dv_add_num(o, "checked", (double)*checked, &v->ok);
    dv_add_num(o, "total", (double)total, &v->ok);
    dv_add_num(o, "percent", percent, &v->ok);
    dv_add_num(o, "bar", percent * DIGEST_BAR_WIDTH / 100, &v->ok);
    dv_add(o, "unchecked", unchecked, &v->ok);
    dv_add(o, "changed", changed, &v->ok);
    dv_mark_shown(o, "changed", LIST_SHOWN, &v->ok);
    dv_add_bool(o, "any", total > 0, &v->ok);
    dv_add_bool(o, "has_changed", cJSON_GetArraySize(changed) > 0, &v->ok);
    char buf[64];
    slog_count_phrase(buf, sizeof buf, open, "unchecked item", "unchecked items");
    dv_add_str(o, "unchecked_count", open ? buf : NULL, &v->ok);
}

/* A text's words for comparing follow-ups: lower-case runs of letters and
 * digits, hashed, sorted and unique (at most WORDS_KEPT). Lighter than the
 * document's vocabulary (no stems, no weights): a follow-up and the item
 * that settles it share their words. */
enum { WORDS_KEPT = 24 };
typedef struct {
    uint32_t h[WORDS_KEPT];
    size_t n;
} word_set;

static void word_set_of(const char *t, word_set *w)
{
    w->n = 0;
    while (*t && w->n < WORDS_KEPT) {
        uint32_t h = 2166136261u;
        size_t len = 0;
        for (; *t && ((unsigned char)*t >= 0x80 || (*t >= '0' && *t <= '9') ||
                      ((*t | 0x20) >= 'a' && (*t | 0x20) <= 'z'));
             t++, len++)
            h = (h ^ (unsigned char)((unsigned char)*t < 0x80 ? (*t | 0x20) : *t)) * 16777619u;
        if (len >= 2)
            w->h[w->n++] = h;
        while (*t && !((unsigned char)*t >= 0x80 || (*t >= '0' && *t <= '9') ||
                       ((*t | 0x20) >= 'a' && (*t | 0x20) <= 'z')))
            t++;
    }
    for (size_t i = 1; i < w->n; i++) { /* at most WORDS_KEPT: insertion sort */
        uint32_t x = w->h[i];
        size_t j = i;
        for (; j > 0 && w->h[j - 1] > x; j--)
            w->h[j] = w->h[j - 1];
        w->h[j] = x;
    }
    size_t u = 0;
    for (size_t i = 0; i < w->n; i++)
        if (!u || w->h[u - 1] != w->h[i])
            w->h[u++] = w->h[i];
    w->n = u;
}

static double word_dice(const word_set *a, const word_set *b)
{
    if (!a->n || !b->n)
        return 0;
    size_t i = 0, j = 0, common = 0;
    while (i < a->n && j < b->n) {
        if (a->h[i] == b->h[j]) {
            common++;
            i++;
            j++;
        } else if (a->h[i] < b->h[j])
            i++;
        else
            j++;
    }
    return 2.0 * (double)common / (double)(a->n + b->n);
}

/* What follow-ups are compared with: the latest texts of the open threads
 * and the newest done items by the digest's day, COMPARED of each — a
 * follow-up is recent work, and a document of 10,000 follow-ups and 10,000
 * threads costs no 100 million comparisons. */
typedef struct {
    word_set *w;
    size_t n;
} followup_words;

static slog_status followup_words_build(doc_view *v, followup_words *fw)
{
    const slog_doc *d = v->d;
    fw->w = malloc(2 * COMPARED * sizeof *fw->w);
    fw->n = 0;
    if (!fw->w)
        return SLOG_ERR_NOMEM;
    size_t nt = 0, nd = 0;
    for (size_t k = d->nthreads; k-- > 0 && nt < COMPARED;)
        if (open_then(&v->threads[k])) {
            word_set_of(v->threads[k].latest->text, &fw->w[fw->n++]);
            nt++;
        }
    for (size_t i = d->nentries; i-- > 0 && nd < COMPARED;) {
        const slog_entry *e = d->entries[i];
        if (!e->date_valid || e->day > v->day)
            continue;
        for (const slog_item *it = e->items; it && nd < COMPARED; it = it->next)
            if (it->state == SLOG_STATE_DONE && !is_box(it)) {
                word_set_of(it->text, &fw->w[fw->n++]);
                nd++;
            }
    }
    return SLOG_OK;
}

/* Follow-up i is repeated by an open thread, written before (the same
 * text), or done since ("Review and merge PR #94", then "✅ Merged PR #94"). */
static int followup_settled(const doc_view *v, const followup_words *fw, size_t i)
{
    word_set mine;
    word_set_of(v->d->followups[i].text, &mine);
    for (size_t k = 0; k < fw->n; k++)
        if (word_dice(&mine, &fw->w[k]) >= SLOG_FOLD_THRESHOLD)
            return 1;
    for (size_t k = i > COMPARED ? i - COMPARED : 0; k < i; k++) /* "Merge PR #95" twice */
        if (!strcmp(v->d->followups[i].text, v->d->followups[k].text))
            return 1;
    return 0;
}

/* Follow-ups that nothing settled: counted; those written in the period's
 * entries listed. */
void digest_followups(doc_view *v, size_t *count)
{
    cJSON *list = dv_add(v->doc, "followups", cJSON_CreateArray(), &v->ok);
    cJSON *added = dv_add(v->doc, "followups_new", cJSON_CreateArray(), &v->ok);
    followup_words w = {0};
    if (v->d->nfollowups && followup_words_build(v, &w) != SLOG_OK)
        v->ok = 0;
    for (size_t i = 0; list && added && i < v->d->nfollowups && v->ok; i++) {
        if (followup_settled(v, &w, i))
            continue;
        const char *text = v->d->followups[i].text;
        int line = v->d->followups[i].line;
        for (int copy = 0; copy < 1 + in_period_entry(v, line); copy++) {
            cJSON *o = dv_push_obj(copy ? added : list, &v->ok);
            if (!o)
                break;
            dv_add_text(o, text, &v->ok);
            dv_add_num(o, "line", line, &v->ok);
        }
        (*count)++;
    }
    free(w.w);
    char buf[64];
    slog_count_phrase(buf, sizeof buf, *count, "follow-up", "follow-ups");
    dv_add_str(v->doc, "followups_count", *count ? buf : NULL, &v->ok);
}
