/* SPDX-License-Identifier: BSD-2-Clause */
/* The open-checklist rule: unchecked boxes worth a reader's time (SPEC §3
 * r3) — in a log, not a template; of lists with one caption the newest; not
 * a box a later list repeats, a branch of a plan, a prompt, a blank, or one
 * a later checked box or done item says was done. */
#include "lint_internal.h"

#include "doc_internal.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "similar.h"
#include "words.h"
#include "statuslog/check.h"

/* Candidates a box is compared with to find it done later. */
enum { DONE_LATER_COMPARED = 256 };

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
    /* a numbered series of one plan's versions: "Global Cycle 20 Session
     * Plan" replaces "Global Cycle 19 Session Plan"; its number goes */
    static const char *const series[] = {"cycle", "iteration", "round", "session", "sprint"};
    static const char *const plans[] = {"plan", "planning", "backlog", "candidates", "roadmap"};
    if (!s)
        s = "";
    /* a session's own list ("Session 2026-03-02") is that session's work */
    int numbered = slog_names_any(s, strlen(s), series, sizeof series / sizeof *series) &&
                   slog_names_any(s, strlen(s), plans, sizeof plans / sizeof *plans);
    size_t o = 0;
    int depth = 0;
    for (; *s && o + 1 < cap; s++) {
        depth += *s == '(' || *s == '[';
        depth -= depth && (*s == ')' || *s == ']');
        unsigned char c = (unsigned char)*s;
        if (!depth && (c >= 0x80 || (c >= '0' && c <= '9' && !numbered) ||
                       ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')))
            out[o++] = (char)(c < 0x80 ? (c | 0x20) : c);
    }
    out[o] = '\0';
}

typedef struct {
    char key[96];
    int list_line, caption_line;
    long day;            /* its entry's day, -1 undated */
    const slog_log *log; /* its entry's log, or NULL */
    size_t index;
} captioned;

/* Whether of two places in a document with the same day, a written at
 * line la was written after b at lb: below it, or above it in a
 * newest-first log (a series of plans of one day, newest on top). */
static int later_on_the_day(const slog_log *log_a, int la, const slog_log *log_b, int lb)
{
    if (log_a && log_a == log_b && log_a->direction == SLOG_NEWEST_FIRST)
        return la < lb;
    return la > lb;
}

/* x was written after y: later in its log's time when both are dated and
 * the days differ (a newest-first series of plans writes its newest plan
 * first), else by later_on_the_day. */
static int written_later(const captioned *x, const captioned *y)
{
    if (x->day >= 0 && y->day >= 0 && x->day != y->day)
        return x->day > y->day;
    return later_on_the_day(x->log, x->list_line, y->log, y->list_line);
}

/* The group of c[a] (equal keys, sorted): its end. */
static size_t group_end(const captioned *c, size_t a, size_t n)
{
    size_t b = a + 1;
    while (b < n && !strcmp(c[b].key, c[a].key))
        b++;
    return b;
}

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

/* A box with nothing to do written in it ("- [ ]", "- [ ] ____"). */
static int blank_box(const char *t)
{
    for (; *t; t++)
        if ((unsigned char)*t >= 0x80 || (*t >= '0' && *t <= '9') ||
            ((*t | 0x20) >= 'a' && (*t | 0x20) <= 'z'))
            return 0;
    return 1;
}

/* A caption key (caption_key) that names a list each incident or case has
 * of its own ("Prevention", "Follow-up actions", "预防"): such lists stand
 * side by side. Lists under other captions are versions of one list of
 * what is left ("Remaining Work", "Objectives for Today", "今日目标"), which
 * a later one replaces. */
static int per_case_list(const char *key)
{
    static const char *const words[] = {
        "prevention", "preventive", "prevent",   "followup",   "mitigation", "remediation",
        "corrective", "lessons",    "rootcause", "prevencion", "prévention", "prävention",
        "预防",       "防止",       "再発防止",  "재발방지",   "후속"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (strstr(key, words[k]))
            return 1;
    return 0;
}

/* What "done later" compares: the boxes, and the checked boxes and done
 * items that may say a box was done, tokenized once into one vocabulary
 * (slog_vocab_dice), each with where it was written and the hash of its
 * first word; the candidates chained by first word. */
typedef struct {
    const char *text;
    long day; /* its entry's day, -1 undated */
    const slog_log *log;
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
    char **plain; /* per text: the task it names (task_of), what the vocabulary holds */
    /* candidates by each of their words that opens a box, anywhere in them
     * ("Install and configure shadcn/ui" for "Configure shadcn/ui") */
    struct word_link {
        uint64_t word;
        size_t said, next;
    } * links;
    size_t nlinks, links_cap;
    size_t *link_head; /* per bucket (nbuckets): its first link, or SIZE_MAX */
} done_index;

static int word_byte(char c)
{
    return (unsigned char)c >= 0x80 || (c >= '0' && c <= '9') ||
           ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* Past a priority tag that opens a task ("P2: Add …", "[P1] Add …"): a
 * newer plan that raises or lowers it names the same task. */
static const char *past_priority(const char *t)
{
    const char *p = t;
    while (*p == ' ' || *p == '*' || *p == '_')
        p++;
    int open = *p == '[' || *p == '(';
    p += open;
    if ((*p | 0x20) != 'p' || !(p[1] >= '0' && p[1] <= '9'))
        return t;
    p += 2;
    if (open && *p != ']' && *p != ')')
        return t;
    p += open;
    while (*p == '*' || *p == '_')
        p++;
    if (*p == ':' || *p == '-')
        p++;
    return *p == ' ' ? p + 1 : t;
}

/* The task a box or done item names, for comparing: without its priority
 * tag and a last bracket that reports its status ("(Delivered in Cycle
 * 20)", "(Selected)"). Allocated; NULL when out of memory. */
static char *task_of(const char *text)
{
    static const char *const status[] = {"delivered",   "done",   "completed",   "selected",
                                         "shipped",     "merged", "fixed",       "closed",
                                         "in progress", "wip",    "implemented", "landed"};
    const char *t = past_priority(text);
    size_t n = strlen(t);
    while (n && t[n - 1] == ' ')
        n--;
    if (n && t[n - 1] == ')') {
        size_t o = n - 1;
        while (o && t[o] != '(')
            o--;
        const char *w = t + o + 1;
        for (size_t k = 0; t[o] == '(' && k < sizeof status / sizeof *status; k++)
            if (!strncasecmp(w, status[k], strlen(status[k]))) {
                n = o;
                break;
            }
    }
    char *out = malloc(n + 1);
    if (out) {
        memcpy(out, t, n);
        out[n] = '\0';
    }
    return out;
}

/* The hash of the word at *t (lower case, as first_word hashes), moving
 * *t past it; 0 at the end of the text. */
static uint64_t next_word(const char **t)
{
    const char *p = *t;
    while (*p && !word_byte(*p))
        p++;
    uint64_t h = 1469598103934665603ull;
    int any = 0;
    for (; *p && word_byte(*p); p++, any = 1)
        h = (h ^ (unsigned char)((unsigned char)*p < 0x80 ? (*p | 0x20) : *p)) * 1099511628211ull;
    *t = p;
    return any ? h | 1 : 0;
}

static uint64_t first_word(const char *t)
{
    t = past_priority(t);
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
    x->s[x->n++] =
        (said){text,    e && e->date_valid ? e->day : -1, e ? e->log : NULL, line, first_word(text),
               SIZE_MAX};
    return 1;
}

/* b was written after a: later in its log's time when both are dated (and
 * the days differ), else below it. */
static int written_after(const said *a, const said *b)
{
    if (a->day >= 0 && b->day >= 0 && a->day != b->day)
        return b->day > a->day;
    return later_on_the_day(b->log, b->line, a->log, a->line);
}

/* The first words of the unchecked boxes, as an open-addressing set: a
 * candidate with another first word is never compared (done_later), so it
 * is not tokenized either — a plan of 250,000 done items and five open
 * boxes tokenizes the few that open like a box. */
enum { FEW_WORDS = 8 };

typedef struct {
    uint64_t *slot;
    size_t mask;
    unsigned char opens[256]; /* the first bytes (lower case) of the words */
    /* the words themselves while there are few (FEW_WORDS): found with
     * strcasestr, faster than hashing every word of every done item */
    char few[FEW_WORDS][32];
    size_t nfew; /* FEW_WORDS + 1: too many, or one too long */
} word_set;

static int word_set_build(const slog_doc *d, const done_index *x, word_set *w)
{
    size_t cap = 16;
    while (cap < 2 * d->nchecklists + 2)
        cap *= 2;
    w->mask = cap - 1;
    memset(w->opens, 0, sizeof w->opens);
    w->nfew = 0;
    w->slot = calloc(cap, sizeof *w->slot);
    if (!w->slot)
        return 0;
    for (size_t i = 0; i < d->nchecklists; i++) {
        uint64_t h = x->s[i].first;
        if (d->checklists[i].checked || !h)
            continue;
        size_t k = (size_t)h & w->mask;
        while (w->slot[k] && w->slot[k] != h)
            k = (k + 1) & w->mask;
        int fresh = w->slot[k] == 0;
        w->slot[k] = h;
        const char *t = past_priority(d->checklists[i].text);
        while (*t && !word_byte(*t))
            t++;
        unsigned char c = (unsigned char)*t;
        w->opens[c < 0x80 ? c | 0x20 : c] = 1;
        size_t n = 0;
        while (word_byte(t[n]))
            n++;
        if (fresh && w->nfew < FEW_WORDS && n < sizeof w->few[0]) {
            memcpy(w->few[w->nfew], t, n);
            w->few[w->nfew++][n] = '\0';
        } else if (fresh) {
            w->nfew = FEW_WORDS + 1;
        }
    }
    return 1;
}

static int word_set_has(const word_set *w, uint64_t h)
{
    for (size_t k = (size_t)h & w->mask; h && w->slot[k]; k = (k + 1) & w->mask)
        if (w->slot[k] == h)
            return 1;
    return 0;
}

/* Some word of t opens a box (words whose first byte opens none are
 * skipped unhashed: most words of a plan's done items). */
static int has_open_word(const word_set *w, const char *t)
{
    if (w->nfew <= FEW_WORDS) {
        for (size_t k = 0; k < w->nfew; k++) {
            const char *word = w->few[k];
            size_t n = strlen(word);
            unsigned char lo = (unsigned char)word[0], up = lo;
            if (lo < 0x80)
                lo |= 0x20, up = (unsigned char)(lo >= 'a' && lo <= 'z' ? lo - 32 : lo);
            for (const char *p = t; *p; p++)
                if (((unsigned char)*p == lo || (unsigned char)*p == up) &&
                    !strncasecmp(p, word, n) && (p == t || !word_byte(p[-1])) && !word_byte(p[n]))
                    return 1;
        }
        return 0;
    }
    for (;;) {
        while (*t && !word_byte(*t))
            t++;
        if (!*t)
            return 0;
        unsigned char c = (unsigned char)*t;
        if (!w->opens[c < 0x80 ? c | 0x20 : c]) {
            while (*t && word_byte(*t))
                t++;
            continue;
        }
        if (word_set_has(w, next_word(&t)))
            return 1;
    }
}

/* Links candidate i under each of its words that opens a box. */
static int link_words(done_index *x, const word_set *opens, size_t i)
{
    const char *t = x->s[i].text;
    for (uint64_t h; (h = next_word(&t)) != 0;) {
        if (!word_set_has(opens, h))
            continue;
        if (x->nlinks == x->links_cap) {
            size_t cap = x->links_cap ? 2 * x->links_cap : 64;
            struct word_link *g = realloc(x->links, cap * sizeof *g);
            if (!g)
                return 0;
            x->links = g;
            x->links_cap = cap;
        }
        size_t b = h % x->nbuckets;
        x->links[x->nlinks] = (struct word_link){h, i, x->link_head[b]};
        x->link_head[b] = x->nlinks++;
    }
    return 1;
}

/* The boxes first (index i is checklist i), then the candidates, bucketed
 * by first word in document order. */
static slog_status done_index_build(const lint_ctx *ctx, done_index *x)
{
    const slog_doc *d = ctx->doc;
    for (size_t i = 0; i < d->nchecklists; i++)
        if (!push_said(ctx, x, d->checklists[i].text, d->checklists[i].line))
            return SLOG_ERR_NOMEM;
    word_set opens;
    if (!word_set_build(d, x, &opens))
        return SLOG_ERR_NOMEM;
    int ok = 1;
    for (size_t i = 0; ok && i < d->nchecklists; i++)
        if (d->checklists[i].checked && has_open_word(&opens, d->checklists[i].text) &&
            !lint_after_today(ctx, d->checklists[i].line))
            ok = push_said(ctx, x, d->checklists[i].text, d->checklists[i].line);
    for (size_t i = 0; ok && i < d->nentries; i++) {
        if (lint_entry_after_today(ctx, d->entries[i]))
            continue;
        for (const slog_item *it = d->entries[i]->items; ok && it; it = it->next)
            if (it->state == SLOG_STATE_DONE && it->marker[0] != '[' &&
                has_open_word(&opens, it->text))
                ok = push_said(ctx, x, it->text, it->line);
    }
    if (!ok) {
        free(opens.slot);
        return SLOG_ERR_NOMEM;
    }
    const char **texts = malloc((x->n + 1) * sizeof *texts);
    x->nbuckets = x->n | 1;
    x->head = malloc(x->nbuckets * sizeof *x->head);
    x->link_head = malloc(x->nbuckets * sizeof *x->link_head);
    if (!texts || !x->head || !x->link_head) {
        free(texts);
        free(opens.slot);
        return SLOG_ERR_NOMEM;
    }
    for (size_t b = 0; b < x->nbuckets; b++)
        x->link_head[b] = SIZE_MAX;
    for (size_t i = x->n; ok && i-- > d->nchecklists;)
        ok = link_words(x, &opens, i);
    free(opens.slot);
    if (!ok) {
        free(texts);
        return SLOG_ERR_NOMEM;
    }
    x->plain = calloc(x->n + 1, sizeof *x->plain);
    for (size_t i = 0; x->plain && i < x->n; i++) {
        x->plain[i] = task_of(x->s[i].text);
        if (!x->plain[i]) {
            free(texts);
            return SLOG_ERR_NOMEM;
        }
        texts[i] = x->plain[i];
    }
    if (!x->plain) {
        free(texts);
        return SLOG_ERR_NOMEM;
    }
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
    for (size_t i = 0; x->plain && i < x->n; i++)
        free(x->plain[i]);
    free(x->plain);
    free(x->links);
    free(x->link_head);
    free(x->s);
    free(x->head);
    slog_vocab_free(&x->v);
}

/* Every word of text a is a word of text b (sorted unique ids). */
static int words_within(const slog_vocab *v, size_t a, size_t b)
{
    const uint32_t *x = v->ids + v->start[a], *xe = v->ids + v->start[a + 1];
    const uint32_t *y = v->ids + v->start[b], *ye = v->ids + v->start[b + 1];
    for (; x < xe; x++) {
        while (y < ye && *y < *x)
            y++;
        if (y == ye || *y != *x)
            return 0;
    }
    return 1;
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
    /* or every word of the box in a later done item, whatever its first
     * word: "Configure shadcn/ui", then "[x] Install and configure
     * shadcn/ui" — not "Test rate limiting after the fix", then "Complete
     * rate limiting TypeScript fixes" (no "test") */
    size_t nwords = x->v.start[k + 1] - x->v.start[k];
    for (size_t l = x->link_head[box->first % x->nbuckets];
         nwords >= 2 && l != SIZE_MAX && compared < DONE_LATER_COMPARED; l = x->links[l].next) {
        const said *c = &x->s[x->links[l].said];
        if (x->links[l].word != box->first || c->first == box->first || !written_after(box, c))
            continue;
        compared++;
        if (words_within(&x->v, k, x->links[l].said))
            return 1;
    }
    return 0;
}

/* A caption over a routine to repeat, not tasks to tick once: "Health
 * check to run every 2 weeks", "Routine", "每周检查". */
/* A list of targets or of work parked for later, not tasks to tick now:
 * "Success criteria (KPI)", "Phase 3 - future features (V2.0)". */
static int targets_or_parked(const char *caption)
{
    static const char *const words[] = {"kpi",          "kpis",    "success criteria", "targets",
                                        "future",       "someday", "icebox",           "parked",
                                        "nice to have", "wishlist"};
    return caption && slog_names_any(caption, strlen(caption), words, sizeof words / sizeof *words);
}

static int recurring(const char *caption)
{
    static const char *const words[] = {"every",    "each",      "routine", "recurring",
                                        "periodic", "regularly", "cada",    "chaque",
                                        "jede",     "jeden",     "jedes",   "ogni"};
    /* "Daily checklist", "Genel Günlük İşler": a day's standing list */
    static const char *const daily[] = {"daily",     "günlük",       "täglich",  "tägliche",
                                        "quotidien", "quotidiennes", "diario",   "diaria",
                                        "diarias",   "ежедневные",   "codzienne"};
    static const char *const lists[] = {"checklist", "tasks",   "işler",  "chores",
                                        "aufgaben",  "tâches",  "tareas", "задачи",
                                        "zadania",   "routine", "İşler"};
    static const char *const cjk[] = {"每", "毎", "定期"};
    if (!caption)
        return 0;
    size_t n = strlen(caption);
    if (slog_names_any(caption, n, words, sizeof words / sizeof *words))
        return 1;
    if (slog_names_any(caption, n, daily, sizeof daily / sizeof *daily) &&
        slog_names_any(caption, n, lists, sizeof lists / sizeof *lists))
        return 1;
    for (size_t k = 0; k < sizeof cjk / sizeof *cjk; k++)
        if (strstr(caption, cjk[k]))
            return 1;
    return 0;
}

/* A box that is no task: a routine to repeat, a placeholder, a branch of a plan ("#### Se Test
 * PASS", "If it fails:"), a template's prompt in italics ("_Describe lo que completaste_"), a blank
 * to fill in ("Meta 5: ____"). */
static int no_task(const slog_checklist_item *box)
{
    static const char *const conditions[] = {"if",   "se",   "si",        "wenn",   "falls",
                                             "when", "else", "otherwise", "unless", "in case"};
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
    if (recurring(box->caption) || targets_or_parked(box->caption))
        return 1;
    const char *t = box->text;
    size_t len = strlen(t);
    /* a placeholder to fill in: "[Task in progress 1]", "<your task>" */
    if (len > 2 && ((t[0] == '[' && t[len - 1] == ']' && !strstr(t, "](")) ||
                    (t[0] == '<' && t[len - 1] == '>')))
        return 1;
    if (len > 2 && ((t[0] == '_' && t[len - 1] == '_') ||
                    (t[0] == '*' && t[1] != '*' && t[len - 1] == '*' && t[len - 2] != '*')))
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

/* Where box i stands: its list, caption, entry's day and index. */
static void place_of(const slog_doc *d, size_t i, captioned *c)
{
    const slog_entry *e = slog_doc_entry_at(d, d->checklists[i].line);
    c->list_line = d->checklists[i].list_line;
    c->caption_line = d->checklists[i].caption_line;
    c->day = e && e->date_valid ? e->day : -1;
    c->log = e ? e->log : NULL;
    c->index = i;
}

/* Of the boxes of one key, those of the list written last stand; the
 * others are superseded. By caption: a per-case list ("Prevention") or no
 * caption replaces nothing, and a list with nothing written in its boxes
 * is no replacement. */
static void keep_latest(const slog_doc *d, captioned *c, int by_caption, unsigned char *superseded)
{
    size_t n = d->nchecklists;
    qsort(c, n, sizeof *c, by_key_then_list);
    for (size_t a = 0, b; a < n; a = b) {
        b = group_end(c, a, n);
        if (by_caption && (!*c[a].key || per_case_list(c[a].key)))
            continue;
        size_t last = SIZE_MAX;
        for (size_t k = a; k < b; k++)
            if (!(by_caption && blank_box(d->checklists[c[k].index].text)) &&
                (last == SIZE_MAX || written_later(&c[k], &c[last])))
                last = k;
        for (size_t k = a; last != SIZE_MAX && k < b; k++)
            if (by_caption ? c[k].caption_line != c[last].caption_line
                           : c[k].list_line != c[last].list_line)
                superseded[c[k].index] = 1;
    }
}

/* Unchecked boxes worth a reader's time (SPEC §3 r3): only in a log (a
 * document with a dated entry), never in a template, of lists with the same
 * caption only the newest ("Remaining Work" replaced by a later one), and
 * of a box repeated in a later list only the later one. */
slog_status lint_open_checklists(lint_ctx *ctx)
{
    const slog_doc *d = ctx->doc;
    if (!d->nentries || is_template(d->file) || !d->nchecklists)
        return SLOG_OK;
    captioned *c = malloc(d->nchecklists * sizeof *c);
    unsigned char *superseded = calloc(d->nchecklists, 1);
    slog_status st = c && superseded ? SLOG_OK : SLOG_ERR_NOMEM;
    for (size_t i = 0; st == SLOG_OK && i < d->nchecklists; i++) {
        place_of(d, i, &c[i]);
        caption_key(d->checklists[i].caption, c[i].key, sizeof c[i].key);
    }
    /* the list written last under a caption of the same words replaces the
     * others (two lists under one heading, a code block between, are one) */
    if (st == SLOG_OK)
        keep_latest(d, c, 1, superseded);
    /* a box a later list repeats (the same text in another list: a list
     * copied forward, quoted again) is that later list's */
    for (size_t i = 0; st == SLOG_OK && i < d->nchecklists; i++) {
        place_of(d, i, &c[i]);
        uint64_t h = 1469598103934665603ull; /* its words, case and spacing aside */
        for (const unsigned char *p = (const unsigned char *)d->checklists[i].text; *p; p++)
            if (*p >= 0x80 || (*p >= '0' && *p <= '9') ||
                ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z'))
                h = (h ^ (*p < 0x80 ? (*p | 0x20) : *p)) * 1099511628211ull;
        snprintf(c[i].key, sizeof c[i].key, "%016llx", (unsigned long long)h);
    }
    if (st == SLOG_OK)
        keep_latest(d, c, 0, superseded);
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
