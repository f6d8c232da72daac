/* SPDX-License-Identifier: BSD-2-Clause */
/* Threads: open items carried from entry to entry in other words, linked in
 * date order when they are the same task (similar.c: similar enough and about
 * the same thing). One sweep over the entries sorted by date; each item looks
 * for its thread among the threads that recently used one of its words (a
 * small ring per word), never among all threads, so the sweep stays linear in
 * the number of items. */
#include "doc_internal.h"
#include "words.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { RING = 16, COMPARE_LAST = 4, FIX_LOOKAHEAD = 8, FIX_REACH = 32 };

typedef struct {
    size_t *items; /* item indexes, date order */
    size_t n, cap;
    const slog_entry *last_entry;
    long last_day;
    int closed;
    const char *resolved;
    const slog_item *resolved_by;
} work_thread;

typedef struct {
    uint32_t thread[RING];
    unsigned n, next;
} ring;

typedef struct {
    slog_doc *doc;
    const slog_vocab *v;
    work_thread *threads;
    size_t nthreads, cap;
    int32_t *ring_of_word; /* -1: none yet */
    ring *rings;
    size_t nrings;
    size_t *stamp; /* per thread: last query that saw it, to count it once */
    size_t query;
    slog_item *const *items; /* by index */
} sweep;

/* Where `e` stands in reading order among the entries of its day: its
 * index, mirrored within its log when the log runs newest-first (the entry
 * above was written later). */
static size_t reading_pos(const slog_entry *e)
{
    const slog_log *log = e->log;
    if (!log || log->direction != SLOG_NEWEST_FIRST || !log->nentries)
        return e->index;
    return log->entries[0]->index + log->entries[log->nentries - 1]->index - e->index;
}

static int entry_order(const void *a, const void *b)
{
    const slog_entry *x = *(const slog_entry *const *)a, *y = *(const slog_entry *const *)b;
    if (x->day != y->day)
        return x->day < y->day ? -1 : 1;
    if (x->seconds != y->seconds)
        return x->seconds < y->seconds ? -1 : 1;
    size_t px = reading_pos(x), py = reading_pos(y);
    if (px != py)
        return px < py ? -1 : 1;
    return (x->index > y->index) - (x->index < y->index);
}

static int add_item(work_thread *t, size_t item)
{
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 4;
        size_t *grown = realloc(t->items, cap * sizeof *grown);
        if (!grown)
            return 0;
        t->items = grown;
        t->cap = cap;
    }
    t->items[t->n++] = item;
    return 1;
}

/* The best comparison of `item` with the thread's last few items, if any
 * of them is the same task. */
static int thread_match(const sweep *s, const work_thread *t, size_t item, double *strength)
{
    int found = 0;
    *strength = 0;
    size_t from = t->n > COMPARE_LAST ? t->n - COMPARE_LAST : 0;
    for (size_t i = from; i < t->n; i++) {
        slog_likeness l = slog_vocab_compare(s->v, t->items[i], item);
        double st;
        if (slog_same_task(&l, &st) && st > *strength &&
            !slog_numbered_apart(s->items[t->items[i]]->text, s->items[item]->text)) {
            *strength = st;
            found = 1;
        }
    }
    return found;
}

typedef struct {
    const slog_item *item;
    size_t pos; /* index into the entry's item list */
    size_t thread;
    double strength;
} candidate;

typedef struct {
    candidate *c;
    size_t n, cap;
} candidates;

static int push_candidate(candidates *cs, const slog_item *item, size_t pos, size_t thread,
                          double strength)
{
    if (cs->n == cs->cap) {
        size_t cap = cs->cap ? cs->cap * 2 : 32;
        candidate *g = realloc(cs->c, cap * sizeof *g);
        if (!g)
            return 0;
        cs->c = g;
        cs->cap = cap;
    }
    cs->c[cs->n++] = (candidate){item, pos, thread, strength};
    return 1;
}

/* The open threads that are the same task as `item` (not one its own entry
 * already feeds), found through the rings of its words. */
static int find_candidates(sweep *s, const slog_item *item, size_t pos, candidates *cs)
{
    const slog_vocab *v = s->v;
    s->query++;
    for (size_t k = v->start[item->index]; k < v->start[item->index + 1]; k++) {
        int32_t r = s->ring_of_word[v->ids[k]];
        if (r < 0)
            continue;
        for (unsigned j = 0; j < s->rings[r].n; j++) {
            uint32_t t = s->rings[r].thread[j];
            if (s->stamp[t] == s->query)
                continue;
            s->stamp[t] = s->query;
            work_thread *w = &s->threads[t];
            double strength;
            if (w->closed || w->last_entry == item->entry ||
                !thread_match(s, w, item->index, &strength))
                continue;
            if (!push_candidate(cs, item, pos, t, strength))
                return 0;
        }
    }
    return 1;
}

static int by_strength(const void *a, const void *b)
{
    const candidate *x = a, *y = b;
    if (x->strength != y->strength)
        return x->strength < y->strength ? 1 : -1;
    if (x->item != y->item)
        return x->item < y->item ? -1 : 1;
    return (x->thread > y->thread) - (x->thread < y->thread);
}

/* `e` is later than the thread's latest entry: as instants when both have
 * times (a fix ten minutes later the same day counts), else by date, and on
 * one day in the reading order of their log (a second session of the same
 * date, below the first, or above it in a newest-first log). */
static int later_than(const slog_entry *e, const slog_entry *last)
{
    if (e->has_instant && last->has_instant)
        return e->instant > last->instant;
    if (e->day != last->day)
        return e->day > last->day;
    return e->log && e->log == last->log && reading_pos(e) > reading_pos(last);
}

static int remember_words(sweep *s, const slog_item *item, uint32_t thread)
{
    const slog_vocab *v = s->v;
    for (size_t k = v->start[item->index]; k < v->start[item->index + 1]; k++) {
        uint32_t w = v->ids[k];
        if (s->ring_of_word[w] < 0) {
            s->ring_of_word[w] = (int32_t)s->nrings++;
            memset(&s->rings[s->ring_of_word[w]], 0, sizeof(ring));
        }
        ring *r = &s->rings[s->ring_of_word[w]];
        int present = 0;
        for (unsigned j = 0; j < r->n && !present; j++)
            present = r->thread[j] == thread;
        if (present)
            continue;
        r->thread[r->next] = thread;
        r->next = (r->next + 1) % RING;
        if (r->n < RING)
            r->n++;
    }
    return 1;
}

static slog_status new_thread(sweep *s, size_t *out)
{
    if (s->nthreads == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        work_thread *t = realloc(s->threads, cap * sizeof *t);
        size_t *st = t ? realloc(s->stamp, cap * sizeof *st) : NULL;
        if (t)
            s->threads = t;
        if (!t || !st)
            return SLOG_ERR_NOMEM;
        s->stamp = st;
        s->cap = cap;
    }
    memset(&s->threads[s->nthreads], 0, sizeof *s->threads);
    s->stamp[s->nthreads] = 0;
    *out = s->nthreads++;
    return SLOG_OK;
}

static slog_status extend(sweep *s, size_t id, const slog_item *item)
{
    work_thread *t = &s->threads[id];
    if (!add_item(t, item->index))
        return SLOG_ERR_NOMEM;
    t->last_entry = item->entry;
    t->last_day = item->entry->day;
    if (item->resolved) {
        t->closed = 1;
        t->resolved = item->resolved;
    }
    remember_words(s, item, (uint32_t)id);
    return SLOG_OK;
}

/* A note that says in words that something was done (SPEC §3 r2/r3:
 * "Summary written and sent to the team" after "🔜 write the summary"): a
 * word of completion, as a whole word, anywhere in it. */
static int says_done(const char *text)
{
    static const char *const words[] = {
        "done",      "finished",  "completed", "complete",  "written",   "wrote",
        "sent",      "merged",    "shipped",   "fixed",     "resolved",  "deployed",
        "published", "released",  "landed",    "delivered", "submitted", "closed",
        "solved",    "finalized", "finalised", "installed", "migrated",  "rolled out"};
    /* word starts only, and only the words that begin with that letter:
     * every note of every entry passes here */
    for (const char *p = text; *p; p++) {
        int letter = (*p | 0x20) >= 'a' && (*p | 0x20) <= 'z';
        if (!letter || (p != text && ((p[-1] | 0x20) >= 'a' && (p[-1] | 0x20) <= 'z')))
            continue;
        for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
            if (words[i][0] != (*p | 0x20))
                continue;
            size_t n = strlen(words[i]);
            if (!strncasecmp(p, words[i], n) && !((p[n] | 0x20) >= 'a' && (p[n] | 0x20) <= 'z'))
                return 1;
        }
    }
    return 0;
}

/* "完成", "修复", "合入" (done, fixed, merged in) in CJK text, which has no
 * spaces to make a word whole: not after a word that denies it ("未完成",
 * "没修复": not done yet). */
static int says_done_cjk(const char *text)
{
    static const char *const words[] = {"完成", "修复", "合入", "完了", "완료"};
    static const char *const denied[] = {"未", "没", "沒", "不", "尚"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        for (const char *p = text; (p = strstr(p, words[i])) != NULL; p += strlen(words[i])) {
            int no = 0;
            for (size_t k = 0; k < sizeof denied / sizeof *denied && !no; k++)
                no = p - text >= 3 && !memcmp(p - 3, denied[k], 3);
            if (!no)
                return 1;
        }
    return 0;
}

/* An unmarked note that opens with work made, in the past tense: "Added a
 * pause menu", "Implemented the login" — not "Started …", "Tried …",
 * "Blocked on …". */
static int opens_with_work_made(const char *t)
{
    static const char *const verbs[] = {
        "added",      "implemented", "created",   "built",     "made",       "introduced",
        "refactored", "rewrote",     "replaced",  "converted", "integrated", "enabled",
        "configured", "renamed",     "extracted", "upgraded",  "ported",     "wired",
        "documented", "translated",  "designed",  "drew",      "animated",   "connected",
        "removed",    "cleaned up",  "set up",    "hooked up", "polished",   "optimized",
        "optimised"};
    while (*t == '*' || *t == '_' || *t == ' ')
        t++;
    /* "I added world boundaries", "We built the tile map" */
    static const char *const subjects[] = {"i", "we"};
    size_t s = slog_opening_word(t, strlen(t), subjects, 2, "'-_");
    if (s && t[s] == ' ')
        t += s + 1;
    return slog_opening_word(t, strlen(t), verbs, sizeof verbs / sizeof *verbs, "-_") > 0;
}

int slog_item_closes(const slog_item *it)
{
    return it->state == SLOG_STATE_DONE ||
           (it->state == SLOG_STATE_NOTE &&
            (says_done(it->text) || says_done_cjk(it->text) || opens_with_work_made(it->text)));
}

/* A failure the entry itself goes on to fix: "❌ p99 latency 4.2 s" and,
 * a few items later, "✅ Rolled back the pool change; latency back to 300
 * ms". The failure is what happened, the done item how it ended: the
 * thread closes the day it opened. Only a done item below it in the entry
 * counts: among the next FIX_LOOKAHEAD items, one that shares a specific
 * word with it; further on (up to FIX_REACH), one that shares two. */
/* A done item that reports a check passing ("E2E signup test passes on
 * Chrome"): beside a failure it is another check's result, not the fix,
 * unless it is about the same thing. */
static int reports_pass(const char *t)
{
    static const char *const passed[] = {"pass",  "passes", "passed",  "passing",  "ok",
                                         "green", "works",  "working", "succeeds", "succeeded"};
    return slog_names_any(t, strlen(t), passed, sizeof passed / sizeof *passed);
}

static void fixed_in_entry(sweep *s, work_thread *t, const slog_item *failed)
{
    if (failed->state != SLOG_STATE_FAILED)
        return;
    const slog_item *it = failed->next;
    for (int k = 0; it && k < FIX_REACH; it = it->next, k++) {
        if (it->state != SLOG_STATE_DONE)
            continue;
        slog_likeness l = slog_vocab_compare(s->v, failed->index, it->index);
        if (l.specific > (k >= FIX_LOOKAHEAD) &&
            (!reports_pass(it->text) || slog_same_task(&l, &(double){0}))) {
            t->closed = 1;
            t->resolved = failed->entry->date;
            t->resolved_by = it;
            return;
        }
    }
}

/* One entry: its items are matched with open threads strongest pair first
 * (each item and each thread once); open items without a thread start one,
 * done items (and notes saying a thing was done) close the thread they
 * match when they are later. */
static slog_status visit_entry(sweep *s, const slog_entry *e, candidates *cs)
{
    size_t n = 0;
    cs->n = 0;
    for (const slog_item *it = e->items; it; it = it->next, n++)
        if ((it->state != SLOG_STATE_NOTE || slog_item_closes(it)) &&
            !find_candidates(s, it, n, cs))
            return SLOG_ERR_NOMEM;
    if (cs->n) /* qsort of a NULL array is undefined, even of nothing */
        qsort(cs->c, cs->n, sizeof *cs->c, by_strength);
    /* one bit per item: placed in a thread (an entry may hold millions) */
    unsigned char *placed = calloc(n / 8 + 1, 1);
    slog_status st = placed ? SLOG_OK : SLOG_ERR_NOMEM;
    for (size_t i = 0; i < cs->n && st == SLOG_OK; i++) {
        const candidate *c = &cs->c[i];
        work_thread *t = &s->threads[c->thread];
        if (placed[c->pos / 8] & (1u << c->pos % 8) || t->closed || t->last_entry == e)
            continue;
        const slog_item *it = c->item;
        if (!slog_item_closes(it)) {
            placed[c->pos / 8] |= (unsigned char)(1u << c->pos % 8);
            st = extend(s, c->thread, it);
        } else if (later_than(e, t->last_entry)) {
            /* a done item closes every earlier thread it is the same task as
             * ("Fixed the retry storm (backoff with jitter)": the failure and
             * the task to add jitter) */
            t->closed = 1;
            t->resolved = e->date;
            t->resolved_by = it;
        }
    }
    size_t i = 0;
    for (const slog_item *it = e->items; it && st == SLOG_OK; it = it->next, i++) {
        size_t id;
        if (placed[i / 8] & (1u << i % 8) || !slog_state_is_open(it->state))
            continue;
        st = new_thread(s, &id);
        if (st == SLOG_OK)
            st = extend(s, id, it);
        if (st == SLOG_OK)
            fixed_in_entry(s, &s->threads[id], it);
    }
    free(placed);
    return st;
}

static slog_status publish(sweep *s, slog_item *const *all, slog_arena *arena)
{
    slog_doc *d = s->doc;
    d->nthreads = s->nthreads;
    if (!s->nthreads)
        return SLOG_OK;
    d->threads = slog_arena_alloc(arena, s->nthreads * sizeof *d->threads);
    if (!d->threads)
        return SLOG_ERR_NOMEM;
    for (size_t i = 0; i < s->nthreads; i++) {
        work_thread *w = &s->threads[i];
        slog_thread *t = &d->threads[i];
        t->items = slog_arena_alloc(arena, w->n * sizeof *t->items);
        if (!t->items)
            return SLOG_ERR_NOMEM;
        for (size_t k = 0; k < w->n; k++)
            t->items[k] = all[w->items[k]];
        t->nitems = w->n;
        const slog_item *first = t->items[0], *last = t->items[w->n - 1];
        t->first_seen = first->entry->date;
        t->first_day = first->entry->day;
        t->last_seen = last->entry->date;
        t->last_day = last->entry->day;
        t->state = last->state;
        t->text = last->text;
        t->resolved = w->resolved;
        t->resolved_by = w->resolved_by;
    }
    return SLOG_OK;
}

slog_status slog_threads_build(slog_doc *doc, const slog_config *config, slog_item *const *all,
                               const slog_vocab *v, slog_arena *arena)
{
    (void)config;
    sweep s = {0};
    s.doc = doc;
    s.v = v;
    s.items = all;
    slog_entry **order = malloc((doc->nentries ? doc->nentries : 1) * sizeof *order);
    s.ring_of_word = malloc((v->nwords ? v->nwords : 1) * sizeof *s.ring_of_word);
    s.rings = malloc((v->nwords ? v->nwords : 1) * sizeof *s.rings);
    slog_status st = order && s.ring_of_word && s.rings ? SLOG_OK : SLOG_ERR_NOMEM;
    size_t n = 0;
    if (st == SLOG_OK) {
        memset(s.ring_of_word, 0xFF, v->nwords * sizeof *s.ring_of_word);
        for (size_t i = 0; i < doc->nentries; i++)
            if (doc->entries[i]->date_valid)
                order[n++] = doc->entries[i];
        qsort(order, n, sizeof *order, entry_order);
    }
    candidates cs = {0};
    for (size_t i = 0; st == SLOG_OK && i < n; i++)
        st = visit_entry(&s, order[i], &cs);
    free(cs.c);
    if (st == SLOG_OK)
        st = publish(&s, all, arena);
    for (size_t i = 0; i < s.nthreads; i++)
        free(s.threads[i].items);
    free(s.threads);
    free(s.stamp);
    free(s.ring_of_word);
    free(s.rings);
    free(order);
    return st;
}
