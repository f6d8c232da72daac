/* SPDX-License-Identifier: BSD-2-Clause */
/* Rules about what entries say: stale-item, empty-entry, repeated-entry,
 * open-checklist, unmarked-item. */
#include "lint_internal.h"

#include "doc_internal.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "similar.h"
#include "statuslog/check.h"

/* Candidates a box is compared with to find it done later. */
enum { DONE_LATER_COMPARED = 256 };

/* --- stale-item ------------------------------------------------------------ */

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

typedef enum { NOT_STALE, STALE_CARRIED, STALE_DROPPED } staleness;

typedef struct {
    const slog_item *latest; /* its latest mention by today */
    long age, end;           /* days open by today; the date its log reached */
    size_t seen;             /* mentions, pasted copies aside */
} stale_facts;

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
    if (f->seen >= 2 && f->age > days)
        return STALE_CARRIED;
    if (f->seen > 1)
        return NOT_STALE;
    f->end = log_end(ctx, ends, f->latest->entry);
    return f->end - t->first_day > days && f->age > days ? STALE_DROPPED : NOT_STALE;
}

static slog_status stale_items(lint_ctx *ctx)
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

/* --- repeated-entry ----------------------------------------------------------- */

/* Every item of `e` records, with the same state, what an item of `base`
 * recorded: the same words, digits, dates, times, durations and hashes
 * aside (SPEC §3 r3: "Finalized ..." and "Converted ..." are two things,
 * even when they are one task's steps). */
static int items_repeat(const slog_vocab *v, const slog_item *items, const slog_item *base);

/* `it` says what `b` said, and so do its sub-items ("Project work" twice,
 * with "Update README" under one and "Error handling" under the other, is
 * two days of different work). */
static int item_repeats(const slog_vocab *v, const slog_item *b, const slog_item *it)
{
    return b->state == it->state && slog_vocab_repeats(v, b->index, it->index) &&
           (!it->children || items_repeat(v, it->children, b->children));
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

static int repeats(const slog_vocab *v, const slog_entry *e, const slog_entry *base)
{
    if (!e->nitems || !base->nitems)
        return 0;
    return items_repeat(v, e->items, base->items);
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

/* The number of sections before `line`. */
static size_t sections_before(const slog_doc *d, int line)
{
    size_t lo = 0, hi = d->nsections;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->sections[mid].line < line)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Another part of the document (an undated heading of the log's level or
 * higher) stands between a and b: they are not consecutive. */
static int separated(const section_index *x, const slog_entry *a, const slog_entry *b)
{
    int level = a->level < 1 ? 1 : a->level > 6 ? 6 : a->level;
    size_t from = sections_before(x->d, a->line + 1), to = sections_before(x->d, b->line);
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
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 8;
        repeat_run *g = realloc(l->r, cap * sizeof *g);
        if (!g)
            return 0;
        l->r = g;
        l->cap = cap;
    }
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
               repeats(v, s[j], base))
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

/* No items and no text, followed by another entry of its log or by the end
 * of the document; a dated heading right above a heading of a higher level
 * is a banner ("Append from ... archived 2025-09-29" above "# Log"). */
static int abandoned(const slog_doc *d, const slog_entry *e)
{
    if (e->nitems || e->has_content)
        return 0;
    if (!e->next_heading_line)
        return 1;
    if (e->next_heading_level < e->level)
        return 0;
    const slog_entry *next = e->index + 1 < d->nentries ? d->entries[e->index + 1] : NULL;
    return next && next->log == e->log && next->line == e->next_heading_line;
}

/* --- open-checklist ---------------------------------------------------------------- */

/* A template of what to fill in (an issue or pull-request template): a path
 * under .github/, or a file name with "template" in it. */
static int is_template(const char *file)
{
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    for (const char *p = base; *p; p++)
        if (!strncasecmp(p, "template", 8))
            return 1;
    return !strncmp(file, ".github/", 8) || strstr(file, "/.github/") != NULL;
}

/* A caption as compared: its letters and digits, lower case, what is in
 * brackets (a count, a percentage) left out: "Remaining Work (40% - 8/20)"
 * and "Remaining Work (30%)" are one list's versions; "Phase 2 audit gate"
 * and "Phase 3 audit gate" are two lists. */
static void caption_key(const char *s, char *out, size_t cap)
{
    size_t o = 0;
    int depth = 0;
    for (; *s && o + 1 < cap; s++) {
        depth += *s == '(' || *s == '[';
        depth -= depth && (*s == ')' || *s == ']');
        unsigned char c = (unsigned char)*s;
        if (!depth &&
            (c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')))
            out[o++] = (char)(c < 0x80 ? (c | 0x20) : c);
    }
    out[o] = '\0';
}

typedef struct {
    char key[96];
    int list_line, caption_line;
    size_t index;
} captioned;

static int by_key_then_list(const void *a, const void *b)
{
    const captioned *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->list_line > y->list_line) - (x->list_line < y->list_line);
}

static int has_words(const char *t)
{
    size_t run = 0;
    for (; *t; t++) {
        int w = (unsigned char)*t >= 0x80 || (*t >= '0' && *t <= '9') ||
                ((*t | 0x20) >= 'a' && (*t | 0x20) <= 'z');
        run = w ? run + 1 : 0;
        if (run >= 2)
            return 1;
    }
    return 0;
}

/* What "done later" compares: the boxes, and the checked boxes and done
 * items that may say a box was done, tokenized once into one vocabulary
 * (slog_vocab_dice), each with where it was written and the hash of its
 * first word; the candidates chained by first word. */
typedef struct {
    const char *text;
    long day; /* its entry's day, -1 undated */
    int line;
    uint64_t first; /* hash of the first word, lower case; 0: none */
    size_t next;    /* the next candidate of its bucket, or SIZE_MAX */
} said;

typedef struct {
    said *s;
    size_t n, cap;
    slog_vocab v;
    size_t *head; /* per bucket: its first candidate, or SIZE_MAX */
    size_t nbuckets;
} done_index;

static int word_byte(char c)
{
    return (unsigned char)c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

static uint64_t first_word(const char *t)
{
    while (*t && !word_byte(*t))
        t++;
    uint64_t h = 1469598103934665603ull;
    int any = 0;
    for (; *t && word_byte(*t); t++, any = 1)
        h = (h ^ (unsigned char)((unsigned char)*t < 0x80 ? (*t | 0x20) : *t)) * 1099511628211ull;
    return any ? h | 1 : 0;
}

static int push_said(const lint_ctx *ctx, done_index *x, const char *text, int line)
{
    if (x->n == x->cap) {
        size_t cap = x->cap ? 2 * x->cap : 64;
        said *g = realloc(x->s, cap * sizeof *g);
        if (!g)
            return 0;
        x->s = g;
        x->cap = cap;
    }
    const slog_entry *e = slog_doc_entry_at(ctx->doc, line);
    x->s[x->n++] = (said){text, e && e->date_valid ? e->day : -1, line, first_word(text), SIZE_MAX};
    return 1;
}

/* b was written after a: later in its log's time when both are dated (and
 * the days differ), else below it. */
static int written_after(const said *a, const said *b)
{
    if (a->day >= 0 && b->day >= 0 && a->day != b->day)
        return b->day > a->day;
    return b->line > a->line;
}

/* The boxes first (index i is checklist i), then the candidates, bucketed
 * by first word in document order. */
static slog_status done_index_build(const lint_ctx *ctx, done_index *x)
{
    const slog_doc *d = ctx->doc;
    for (size_t i = 0; i < d->nchecklists; i++)
        if (!push_said(ctx, x, d->checklists[i].text, d->checklists[i].line))
            return SLOG_ERR_NOMEM;
    for (size_t i = 0; i < d->nchecklists; i++)
        if (d->checklists[i].checked && !lint_after_today(ctx, d->checklists[i].line) &&
            !push_said(ctx, x, d->checklists[i].text, d->checklists[i].line))
            return SLOG_ERR_NOMEM;
    for (size_t i = 0; i < d->nentries; i++) {
        if (lint_entry_after_today(ctx, d->entries[i]))
            continue;
        for (const slog_item *it = d->entries[i]->items; it; it = it->next)
            if (it->state == SLOG_STATE_DONE && it->marker[0] != '[' &&
                !push_said(ctx, x, it->text, it->line))
                return SLOG_ERR_NOMEM;
    }
    const char **texts = malloc((x->n + 1) * sizeof *texts);
    x->nbuckets = x->n | 1;
    x->head = malloc(x->nbuckets * sizeof *x->head);
    if (!texts || !x->head) {
        free(texts);
        return SLOG_ERR_NOMEM;
    }
    for (size_t i = 0; i < x->n; i++)
        texts[i] = x->s[i].text;
    for (size_t b = 0; b < x->nbuckets; b++)
        x->head[b] = SIZE_MAX;
    for (size_t i = x->n; i-- > d->nchecklists;) {
        if (!x->s[i].first)
            continue;
        size_t b = x->s[i].first % x->nbuckets;
        x->s[i].next = x->head[b];
        x->head[b] = i;
    }
    slog_status st = slog_vocab_build_texts(&x->v, texts, x->n);
    free(texts);
    return st;
}

static void done_index_free(done_index *x)
{
    free(x->s);
    free(x->head);
    slog_vocab_free(&x->v);
}

/* Box k is one a checked box or done item written after it says was done
 * ("[ ] Update CONVERSATION_LOG.md con summary", then "[x] Update
 * CONVERSATION_LOG.md"): the same first word and near-identical words —
 * "Test rate limiting after the fix" is not done by "Complete rate
 * limiting TypeScript fixes". DONE_LATER_COMPARED candidates at most. */
static int done_later(const done_index *x, size_t k)
{
    const said *box = &x->s[k];
    if (!box->first || !has_words(box->text))
        return 0;
    size_t compared = 0;
    for (size_t i = x->head[box->first % x->nbuckets];
         i != SIZE_MAX && compared < DONE_LATER_COMPARED; i = x->s[i].next) {
        if (x->s[i].first != box->first || !written_after(box, &x->s[i]))
            continue;
        compared++;
        if (slog_vocab_dice(&x->v, k, i) >= SLOG_FOLD_THRESHOLD)
            return 1;
    }
    return 0;
}

/* A box that is no task: a branch of a plan ("#### Se Test PASS", "If it
 * fails:"), a template's prompt in italics ("_Describe lo que
 * completaste_"), a blank to fill in ("Meta 5: ____"). */
static int no_task(const slog_checklist_item *box)
{
    static const char *const conditions[] = {"if",   "se",    "si",      "wenn",   "falls",
                                             "when", "else",  "otherwise", "unless", "in case"};
    const char *cap = box->caption ? box->caption : "";
    while (*cap && !((*cap | 0x20) >= 'a' && (*cap | 0x20) <= 'z') && (unsigned char)*cap < 0x80)
        cap++;
    while (*cap && (unsigned char)*cap >= 0x80) /* an emoji first */
        cap++;
    while (*cap == ' ')
        cap++;
    for (size_t k = 0; k < sizeof conditions / sizeof *conditions; k++) {
        size_t n = strlen(conditions[k]);
        if (!strncasecmp(cap, conditions[k], n) && (cap[n] == ' ' || cap[n] == ','))
            return 1;
    }
    const char *t = box->text;
    size_t len = strlen(t);
    if (len > 2 && ((t[0] == '_' && t[len - 1] == '_') || (t[0] == '*' && t[1] != '*' &&
                                                           t[len - 1] == '*' && t[len - 2] != '*')))
        return 1;
    /* after a short key ("Meta 5:"), nothing but markup and blanks */
    const char *v = strchr(t, ':');
    v = v && v - t < 24 ? v + 1 : t;
    for (; *v; v++)
        if ((unsigned char)*v >= 0x80 || (*v >= '0' && *v <= '9') ||
            ((*v | 0x20) >= 'a' && (*v | 0x20) <= 'z'))
            return 0;
    return 1;
}

/* Unchecked boxes worth a reader's time (SPEC §3 r3): only in a log (a
 * document with a dated entry), never in a template, of lists with the same
 * caption only the newest ("Remaining Work" replaced by a later one), and
 * of a box repeated in a later list only the later one. */
static slog_status open_checklists(lint_ctx *ctx)
{
    const slog_doc *d = ctx->doc;
    if (!d->nentries || is_template(d->file) || !d->nchecklists)
        return SLOG_OK;
    captioned *c = malloc(d->nchecklists * sizeof *c);
    unsigned char *superseded = calloc(d->nchecklists, 1);
    slog_status st = c && superseded ? SLOG_OK : SLOG_ERR_NOMEM;
    for (size_t i = 0; st == SLOG_OK && i < d->nchecklists; i++) {
        caption_key(d->checklists[i].caption, c[i].key, sizeof c[i].key);
        c[i].list_line = d->checklists[i].list_line;
        c[i].caption_line = d->checklists[i].caption_line;
        c[i].index = i;
    }
    if (st == SLOG_OK) {
        qsort(c, d->nchecklists, sizeof *c, by_key_then_list);
        /* a later list under another caption of the same words: two lists
         * under one heading ("# TODO", a code block between) are one */
        for (size_t i = 0; i + 1 < d->nchecklists; i++)
            for (size_t k = i + 1; k < d->nchecklists && !strcmp(c[k].key, c[i].key); k++)
                if (c[k].caption_line != c[i].caption_line) {
                    superseded[c[i].index] = *c[i].key != '\0';
                    break;
                }
    }
    /* a box a later list repeats (the same text in another list: a list
     * copied forward, quoted again) is that later list's */
    for (size_t i = 0; st == SLOG_OK && i < d->nchecklists; i++) {
        uint64_t h = 1469598103934665603ull; /* its words, case and spacing aside */
        for (const unsigned char *p = (const unsigned char *)d->checklists[i].text; *p; p++)
            if (*p >= 0x80 || (*p >= '0' && *p <= '9') ||
                ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z'))
                h = (h ^ (*p < 0x80 ? (*p | 0x20) : *p)) * 1099511628211ull;
        snprintf(c[i].key, sizeof c[i].key, "%016llx", (unsigned long long)h);
        c[i].list_line = d->checklists[i].list_line;
        c[i].index = i;
    }
    if (st == SLOG_OK) {
        qsort(c, d->nchecklists, sizeof *c, by_key_then_list);
        for (size_t i = 0; i + 1 < d->nchecklists; i++)
            if (!strcmp(c[i + 1].key, c[i].key) && c[i + 1].list_line != c[i].list_line)
                superseded[c[i].index] = 1;
    }
    done_index done = {0};
    if (st == SLOG_OK)
        st = done_index_build(ctx, &done);
    for (size_t i = 0; i < d->nchecklists && st == SLOG_OK; i++) {
        const slog_checklist_item *box = &d->checklists[i];
        char text[160];
        if (!box->checked && !superseded[i] && !no_task(box) && !done_later(&done, i))
            st = lint_emit(ctx, SLOG_RULE_OPEN_CHECKLIST, box->line, "unchecked: %s",
                           lint_excerpt(box->text, text, sizeof text, 100));
    }
    done_index_free(&done);
    free(c);
    free(superseded);
    return st;
}

slog_status lint_content(lint_ctx *ctx)
{
    const slog_doc *d = ctx->doc;
    slog_status st = lint_enabled(ctx, SLOG_RULE_STALE_ITEM) ? stale_items(ctx) : SLOG_OK;
    for (size_t i = 0; i < d->nentries && st == SLOG_OK; i++) {
        const slog_entry *e = d->entries[i];
        if (abandoned(d, e))
            st = lint_emit(ctx, SLOG_RULE_EMPTY_ENTRY, e->line,
                           "entry '%s' has no items and no text", e->heading);
        for (const slog_item *it = e->items; it && st == SLOG_OK; it = it->next)
            if (it->state == SLOG_STATE_NOTE)
                st = lint_emit(ctx, SLOG_RULE_UNMARKED_ITEM, it->line, "item has no status marker");
    }
    if (st == SLOG_OK && lint_enabled(ctx, SLOG_RULE_REPEATED_ENTRY))
        st = repeated_entries(ctx);
    if (st == SLOG_OK && lint_enabled(ctx, SLOG_RULE_OPEN_CHECKLIST))
        st = open_checklists(ctx);
    return st;
}
