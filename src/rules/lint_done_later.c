/* SPDX-License-Identifier: BSD-2-Clause */
/* open-checklist's "done later": the checked boxes and done items written
 * after a box that say it was done (the same first word and near-identical
 * words, or every word of the box), found through an index by first word
 * and by the words that open a box (lint_checklist.c asks). */
#include "lint_internal.h"

#include "buf.h"

#include "doc_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "similar.h"
#include "tokens.h"
#include "words.h"
#include "statuslog/check.h"

/* Candidates a box is compared with to find it done later. */
enum { DONE_LATER_COMPARED = 256 };

/* Whether of two places in a document with the same day, a written at
 * line la was written after b at lb: below it, or above it in a
 * newest-first log (a series of plans of one day, newest on top). */
int lint_later_on_the_day(const slog_log *log_a, int la, const slog_log *log_b, int lb)
{
    if (log_a && log_a == log_b && log_a->direction == SLOG_NEWEST_FIRST)
        return la < lb;
    return la > lb;
}

/* A text with a word of two letters or more: a box with something in it. */
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
    const slog_log *log;
    int line;
    uint64_t first; /* hash of the first word, lower case; 0: none */
    size_t next;    /* the next candidate of its bucket, or SIZE_MAX */
    int aloud;      /* a heading or a note that says its work is done aloud */
} said;

struct lint_done_index {
    said *s;
    size_t n, cap;
    slog_vocab v;
    size_t *head; /* per bucket: its first candidate, or SIZE_MAX */
    size_t nbuckets;
    char **plain; /* per text: the task it names (task_of), what the vocabulary holds */
    char **owned; /* sentences of prose copied out of the text (prose_says) */
    size_t nowned, owned_cap;
    /* candidates by each of their words that opens a box, anywhere in them
     * ("Install and configure shadcn/ui" for "Configure shadcn/ui") */
    struct word_link {
        uint64_t word;
        size_t said, next;
    } * links;
    size_t nlinks, links_cap;
    size_t *link_head; /* per bucket (nbuckets): its first link, or SIZE_MAX */
};

static int word_byte(char c)
{
    return (unsigned char)c >= 0x80 || (c >= '0' && c <= '9') ||
           ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* Past a priority tag that opens a task ("P2: Add …", "[P1] Add …"): a
 * newer plan that raises or lowers it names the same task. */
static const char *past_priority_tag(const char *t)
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

/* Past the tag and a hedge that opens a task ("Consider adding …",
 * "Maybe add …"): "[x] Add …" later is the same task done. */
static const char *past_priority(const char *t)
{
    static const char *const hedges[] = {"consider ", "maybe ", "perhaps ", "possibly ", "try to "};
    t = past_priority_tag(t);
    for (size_t k = 0; k < sizeof hedges / sizeof *hedges; k++) {
        size_t n = strlen(hedges[k]);
        if (!strncasecmp(t, hedges[k], n) && t[n])
            return t + n;
    }
    return t;
}

/* The task a box or done item names, for comparing: without its priority
 * tag and a last bracket that reports its status ("(Delivered in Cycle
 * 20)", "(Selected)"). Allocated; NULL when out of memory. */
static char *task_of(const char *text)
{
    static const char *const status[] = {"delivered",   "done",   "completed",   "selected",
                                         "shipped",     "merged", "fixed",       "closed",
                                         "in progress", "wip",    "implemented", "landed",
                                         "pending",     "todo",   "not started"};
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
/* The word at *t, lower-cased and stemmed ("Analyze" and "Analyzed" are
 * one word), hashed; *t moved past it. 0 at the end. */
static uint64_t next_word(const char **t)
{
    const char *p = *t;
    while (*p && !word_byte(*p))
        p++;
    char w[64];
    size_t n = 0, len = 0;
    for (; p[len] && word_byte(p[len]); len++)
        if (n < sizeof w)
            w[n++] = (char)((unsigned char)p[len] < 0x80 ? (p[len] | 0x20) : p[len]);
    *t = p + len;
    if (!len)
        return 0;
    size_t kept = len <= sizeof w ? slog_word_stem(w, n) : n;
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < kept; i++)
        h = (h ^ (unsigned char)w[i]) * 1099511628211ull;
    return h | 1;
}

static uint64_t first_word(const char *t)
{
    t = past_priority(t);
    return next_word(&t);
}

static int push_said(const lint_ctx *ctx, lint_done_index *x, const char *text, int line)
{
    if (!slog_grow(&x->s, &x->cap, x->n, sizeof *x->s, 64))
        return 0;
    const slog_entry *e = slog_doc_entry_at(ctx->doc, line);
    x->s[x->n++] = (said){
        text, e && e->date_valid ? e->day : -1, e ? e->log : NULL, line, first_word(text), SIZE_MAX,
        0};
    return 1;
}

static int push_said_aloud(const lint_ctx *ctx, lint_done_index *x, const char *text, int line)
{
    if (!push_said(ctx, x, text, line))
        return 0;
    x->s[x->n - 1].aloud = 1;
    return 1;
}

/* b was written after a: later in its log's time when both are dated (and
 * the days differ), else below it. */
static int written_after(const said *a, const said *b)
{
    if (a->day >= 0 && b->day >= 0 && a->day != b->day)
        return b->day > a->day;
    return lint_later_on_the_day(b->log, b->line, a->log, a->line);
}

/* The first words of the unchecked boxes, as an open-addressing set: a
 * candidate with another first word is never compared (done_later), so it
 * is not tokenized either — a plan of 250,000 done items and five open
 * boxes tokenizes the few that open like a box. */
typedef struct {
    uint64_t *slot; /* stems, hashed (next_word) */
    size_t mask;
    unsigned char opens[256]; /* the first bytes (lower case) of the words */
} word_set;

static int word_set_build(const slog_doc *d, const lint_done_index *x, word_set *w)
{
    size_t cap = 16;
    while (cap < 2 * d->nchecklists + 2)
        cap *= 2;
    w->mask = cap - 1;
    memset(w->opens, 0, sizeof w->opens);
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
        w->slot[k] = h;
        const char *t = past_priority(d->checklists[i].text);
        while (*t && !word_byte(*t))
            t++;
        unsigned char c = (unsigned char)*t;
        w->opens[c < 0x80 ? c | 0x20 : c] = 1;
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
static int link_words(lint_done_index *x, const word_set *opens, size_t i)
{
    const char *t = x->s[i].text;
    for (uint64_t h; (h = next_word(&t)) != 0;) {
        if (!word_set_has(opens, h))
            continue;
        if (!slog_grow(&x->links, &x->links_cap, x->nlinks, sizeof *x->links, 64))
            return 0;
        size_t b = h % x->nbuckets;
        x->links[x->nlinks] = (struct word_link){h, i, x->link_head[b]};
        x->link_head[b] = x->nlinks++;
    }
    return 1;
}

/* The boxes first (index i is checklist i), then the candidates, bucketed
 * by first word in document order. */
/* A note that records a command run and its good result ("`cargo test
 * --lib`: 451 passed", "`pnpm typecheck`: exit 0"): the box of that
 * command was done. */
static int command_passed(const slog_item *it)
{
    static const char *const passed[] = {"pass",      "passed", "passes", "ok",
                                         "succeeded", "green",  "clean"};
    const char *t = it->text;
    if (it->state != SLOG_STATE_NOTE || t[0] != '`')
        return 0;
    return slog_names_any(t, strlen(t), passed, sizeof passed / sizeof *passed) ||
           strstr(t, "exit 0") || strstr(t, "exit code 0");
}

/* A heading or a note that says its work is done: a ✅ in it, or COMPLETE,
 * COMPLETED or DONE in capitals ("#### Task 2: Expense Reporting ✅
 * **COMPLETE & TESTED!**", "1. **DSR Module** 🎉 **COMPLETE!**"). */
int lint_says_done_aloud(const char *t)
{
    static const char *const words[] = {"COMPLETE", "COMPLETED", "DONE"};
    if (!t || !*t)
        return 0;
    if (strstr(t, "\xE2\x9C\x85"))
        return 1;
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        for (const char *p = t; (p = strstr(p, words[k])) != NULL; p++) {
            size_t n = strlen(words[k]);
            if ((p == t || !((p[-1] | 0x20) >= 'a' && (p[-1] | 0x20) <= 'z')) &&
                !((p[n] | 0x20) >= 'a' && (p[n] | 0x20) <= 'z'))
                return 1;
        }
    return 0;
}

/* The entry's own paragraphs (not its lists, headings, tables, quotes or
 * code, not the entries inside it): a sentence that reports work made in
 * the past tense ("I added the static symbol table.") says a box was done,
 * as a done item would. Copied out, up to its full stop. */
static int prose_says(const lint_ctx *ctx, lint_done_index *x, const word_set *opens, size_t i)
{
    const slog_doc *d = ctx->doc;
    const slog_entry *e = d->entries[i];
    int last = e->end_line, code = 0;
    if (i + 1 < d->nentries && d->entries[i + 1]->line <= last)
        last = d->entries[i + 1]->line - 1;
    for (int l = e->line + 1; l <= last; l++) {
        size_t len;
        const char *s = slog_text_line(&d->priv->text, l, &len);
        if (!s || !len)
            continue;
        if (len >= 3 && (!memcmp(s, "```", 3) || !memcmp(s, "~~~", 3)))
            code = !code;
        unsigned char c = (unsigned char)s[0];
        if (code || !(((c | 0x20) >= 'a' && (c | 0x20) <= 'z')))
            continue; /* lists, headings, tables, quotes, markup, indented text */
        size_t at = 0;
        if (len > 2 && (s[0] == 'I' || s[0] == 'i') && s[1] == ' ')
            at = 2; /* "I added …" */
        else if (len > 3 && !strncasecmp(s, "we ", 3))
            at = 3;
        size_t end = at;
        while (end < len && !(s[end] == '.' && (end + 1 == len || s[end + 1] == ' ')))
            end++;
        char *t = malloc(end - at + 1);
        if (!t)
            return 0;
        memcpy(t, s + at, end - at);
        t[end - at] = '\0';
        if (!slog_past_tense_first(t) || !has_open_word(opens, t)) {
            free(t);
            continue;
        }
        if (!slog_grow(&x->owned, &x->owned_cap, x->nowned, sizeof *x->owned, 16)) {
            free(t);
            return 0;
        }
        x->owned[x->nowned++] = t;
        if (!push_said(ctx, x, t, l))
            return 0;
    }
    return 1;
}

static slog_status done_index_fill(const lint_ctx *ctx, lint_done_index *x)
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
            if (((it->state == SLOG_STATE_DONE && it->marker[0] != '[') || command_passed(it) ||
                 (it->state == SLOG_STATE_NOTE && slog_past_tense_first(it->text))) &&
                has_open_word(&opens, it->text))
                ok = push_said(ctx, x, it->text, it->line);
            else if (it->state == SLOG_STATE_NOTE && has_open_word(&opens, it->text) &&
                     lint_says_done_aloud(it->text))
                ok = push_said_aloud(ctx, x, it->text, it->line);
        const char *h = d->entries[i]->heading;
        if (ok && d->entries[i]->kind != SLOG_ENTRY_LIST && h && has_open_word(&opens, h) &&
            lint_says_done_aloud(h))
            ok = push_said_aloud(ctx, x, h, d->entries[i]->line);
        if (ok)
            ok = prose_says(ctx, x, &opens, i);
    }
    for (size_t k = 0; ok && k < d->nsections; k++) /* undated headings that say it */
        if (d->sections[k].title && has_open_word(&opens, d->sections[k].title) &&
            lint_says_done_aloud(d->sections[k].title) &&
            !lint_after_today(ctx, d->sections[k].line))
            ok = push_said_aloud(ctx, x, d->sections[k].title, d->sections[k].line);
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

void lint_done_index_free(lint_done_index *x)
{
    if (!x)
        return;
    for (size_t i = 0; i < x->nowned; i++)
        free(x->owned[i]);
    free(x->owned);
    for (size_t i = 0; x->plain && i < x->n; i++)
        free(x->plain[i]);
    free(x->plain);
    free(x->links);
    free(x->link_head);
    free(x->s);
    free(x->head);
    slog_vocab_free(&x->v);
    free(x);
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
int lint_done_later(const lint_done_index *x, size_t k)
{
    const said *box = &x->s[k];
    if (!box->first || !has_words(box->text))
        return 0;
    size_t compared = 0;
    for (size_t i = x->head[box->first % x->nbuckets];
         i != SIZE_MAX && compared < DONE_LATER_COMPARED; i = x->s[i].next) {
        if (x->s[i].first != box->first)
            continue;
        compared++;
        if (!written_after(box, &x->s[i])) {
            /* a box in no dated entry (a tracker's "Feature Completion
             * Status" below its iterations) has no time: a done item
             * anywhere that opens as it does and says every word of it
             * says it was done ("✅ Age calculation utilities verified
             * (date-utils.ts)") */
            if (box->day < 0 && x->v.start[k + 1] - x->v.start[k] >= 3 && words_within(&x->v, k, i))
                return 1; /* three words at least: "Configurer dans DI" is every task's */
            continue;
        }
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
        /* a box in no dated entry is done by a heading or a note anywhere
         * that says aloud its work is done, with every word of it ("- [ ] **Expense
         * Reporting** (In Progress)" under "#### Task 2: Expense Reporting
         * ✅ **COMPLETE & TESTED!**") */
        if (x->links[l].word != box->first || c->first == box->first ||
            (!written_after(box, c) && !(box->day < 0 && c->aloud)))
            continue;
        compared++;
        if (words_within(&x->v, k, x->links[l].said))
            return 1;
    }
    return 0;
}

slog_status lint_done_index_build(const lint_ctx *ctx, lint_done_index **out)
{
    *out = calloc(1, sizeof **out);
    if (!*out)
        return SLOG_ERR_NOMEM;
    return done_index_fill(ctx, *out);
}
