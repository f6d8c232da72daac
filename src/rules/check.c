/* SPDX-License-Identifier: BSD-2-Clause */
/* check: what the current version lost or rewrote of the baseline's history.
 * Matching is by content, never by line: entries by (date, time, label), the
 * k-th of equal keys with the k-th; items by id, then by similar text;
 * checklist items by text. */
#include "config_internal.h"
#include "doc_internal.h"
#include "similar.h"
#include "statuslog/check.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const slog_config *config;
    slog_diags *out;
    const char *file;
} check_ctx;

static slog_status emit(check_ctx *c, slog_rule rule, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static slog_status emit(check_ctx *c, slog_rule rule, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    slog_status st = slog_config_emit(c->config, c->out, rule, c->file, line, fmt, ap);
    va_end(ap);
    return st;
}

static const char *excerpt(const char *text, char *buf, size_t size)
{
    size_t n = strlen(text), max = size - 4;
    if (n <= max)
        return text;
    while (max && ((unsigned char)text[max] & 0xC0) == 0x80)
        max--;
    memcpy(buf, text, max);
    memcpy(buf + max, "…", 4);
    return buf;
}

/* --- entries ------------------------------------------------------------- */

/* match[i]: the current entry paired with baseline entry i, or NULL. */
static slog_status match_entries(const slog_doc *cur, const slog_doc *base,
                                 const slog_entry **match)
{
    const slog_entry **a = malloc((base->nentries + 1) * sizeof *a);
    const slog_entry **b = malloc((cur->nentries + 1) * sizeof *b);
    if (!a || !b) {
        free(a);
        free(b);
        return SLOG_ERR_NOMEM;
    }
    if (base->nentries) /* entries is NULL when there are none */
        memcpy(a, base->entries, base->nentries * sizeof *a);
    if (cur->nentries)
        memcpy(b, cur->entries, cur->nentries * sizeof *b);
    qsort(a, base->nentries, sizeof *a, slog_entry_by_key);
    qsort(b, cur->nentries, sizeof *b, slog_entry_by_key);
    size_t i = 0, j = 0;
    while (i < base->nentries && j < cur->nentries) {
        int c = slog_entry_key_cmp(a[i], b[j]);
        if (c < 0)
            i++;
        else if (c > 0)
            j++;
        else
            match[a[i++]->index] = b[j++];
    }
    free(a);
    free(b);
    return SLOG_OK;
}

/* --- matching by id, then by similar text ----------------------------------- */

/* Positions by key: chains in ascending order, each chain's head the first
 * not yet taken (taking unlinks it), so that 100k equal keys cost no more
 * than 100k distinct ones. */
typedef struct {
    const uint32_t *key;
    size_t *head; /* per bucket: position + 1, 0 for none */
    size_t *next; /* per position: the next position + 1 in its bucket */
    size_t mask;
} key_index;

static size_t bucket_of(const key_index *x, uint32_t key)
{
    return (size_t)(key * 0x9E3779B1u) & x->mask;
}

static int key_index_build(key_index *x, const uint32_t *key, size_t n)
{
    size_t cap = 16;
    while (cap < 2 * n)
        cap *= 2;
    x->key = key;
    x->mask = cap - 1;
    x->head = calloc(cap, sizeof *x->head);
    x->next = calloc(n + 1, sizeof *x->next);
    if (!x->head || !x->next)
        return 0;
    for (size_t i = n; i-- > 0;) {
        size_t b = bucket_of(x, key[i]);
        x->next[i] = x->head[b];
        x->head[b] = i + 1;
    }
    return 1;
}

/* The first position not yet taken with `key`, taken; or (size_t)-1. */
static size_t key_index_take(key_index *x, uint32_t key)
{
    for (size_t *link = &x->head[bucket_of(x, key)]; *link; link = &x->next[*link - 1]) {
        size_t i = *link - 1;
        if (x->key[i] == key) {
            *link = x->next[i];
            return i;
        }
    }
    return (size_t)-1;
}

static void key_index_free(key_index *x)
{
    free(x->head);
    free(x->next);
}

/* A baseline thing not found by id is compared for rewording with the
 * unmatched current things this many positions around its own: linear, and
 * rewording keeps a thing's place. */
enum { REWORD_WINDOW = 64 };

/* Baseline texts a[0..na) against current texts b[0..nb) (NULL: not to be
 * matched): pair[i] is the position in b matched with a[i], or (size_t)-1.
 * First by key (equal keys in order), then by the most similar text at or
 * above SLOG_REWORD_THRESHOLD within REWORD_WINDOW positions. `reworded[i]`
 * is set for pairs of the second kind. */
typedef struct {
    const char **a_text, **b_text;
    uint32_t *a_key, *b_key;
    size_t na, nb;
    size_t *pair;
    char *reworded;
} matching;

static int matching_init(matching *m, size_t na, size_t nb)
{
    memset(m, 0, sizeof *m);
    m->na = na;
    m->nb = nb;
    m->a_text = calloc(na + 1, sizeof *m->a_text);
    m->b_text = calloc(nb + 1, sizeof *m->b_text);
    m->a_key = calloc(na + 1, sizeof *m->a_key);
    m->b_key = calloc(nb + 1, sizeof *m->b_key);
    m->pair = calloc(na + 1, sizeof *m->pair);
    m->reworded = calloc(na + 1, 1);
    return m->a_text && m->b_text && m->a_key && m->b_key && m->pair && m->reworded;
}

static void matching_free(matching *m)
{
    free(m->a_text);
    free(m->b_text);
    free(m->a_key);
    free(m->b_key);
    free(m->pair);
    free(m->reworded);
}

static slog_status match_reworded(matching *m, const char *used)
{
    /* one vocabulary over the lost baseline texts and the free current ones */
    size_t nlost = 0;
    for (size_t i = 0; i < m->na; i++)
        nlost += m->pair[i] == (size_t)-1;
    if (!nlost)
        return SLOG_OK;
    const char **texts = malloc((m->na + m->nb) * sizeof *texts);
    if (!texts)
        return SLOG_ERR_NOMEM;
    for (size_t i = 0; i < m->na; i++)
        texts[i] = m->pair[i] == (size_t)-1 ? m->a_text[i] : NULL;
    for (size_t j = 0; j < m->nb; j++)
        texts[m->na + j] = used[j] ? NULL : m->b_text[j];
    slog_vocab v;
    slog_status st = slog_vocab_build_texts(&v, texts, m->na + m->nb);
    free(texts);
    if (st != SLOG_OK)
        return st;
    char *taken = calloc(m->nb + 1, 1);
    if (!taken) {
        slog_vocab_free(&v);
        return SLOG_ERR_NOMEM;
    }
    memcpy(taken, used, m->nb);
    for (size_t i = 0; i < m->na; i++) {
        if (m->pair[i] != (size_t)-1)
            continue;
        double best = 0;
        size_t bj = 0;
        size_t from = i > REWORD_WINDOW ? i - REWORD_WINDOW : 0;
        size_t to = i + REWORD_WINDOW < m->nb ? i + REWORD_WINDOW + 1 : m->nb;
        for (size_t j = from; j < to; j++) {
            if (taken[j] || !m->b_text[j])
                continue;
            double d = slog_vocab_dice(&v, i, m->na + j);
            if (d > best) {
                best = d;
                bj = j;
            }
        }
        if (best >= SLOG_REWORD_THRESHOLD) {
            taken[bj] = 1;
            m->pair[i] = bj;
            m->reworded[i] = 1;
        }
    }
    free(taken);
    slog_vocab_free(&v);
    return SLOG_OK;
}

/* Fills pair[] and reworded[] from the texts and keys. */
static slog_status match_all(matching *m)
{
    key_index index = {NULL, NULL, NULL, 0};
    char *used = calloc(m->nb + 1, 1);
    if (!used || !key_index_build(&index, m->b_key, m->nb)) {
        free(used);
        key_index_free(&index);
        return SLOG_ERR_NOMEM;
    }
    for (size_t i = 0; i < m->na; i++) {
        m->pair[i] = m->a_text[i] ? key_index_take(&index, m->a_key[i]) : (size_t)-1;
        if (m->pair[i] != (size_t)-1)
            used[m->pair[i]] = 1;
    }
    key_index_free(&index);
    for (size_t j = 0; j < m->nb; j++)
        if (!m->b_text[j])
            used[j] = 1;
    slog_status st = match_reworded(m, used);
    free(used);
    return st;
}

/* --- items of a matched entry --------------------------------------------- */

/* Task-list items are the checklist rules' business, not the entry's. */
static int is_checkbox(const slog_item *it)
{
    return !strcmp(it->marker, "[ ]") || !strcmp(it->marker, "[x]") || !strcmp(it->marker, "[X]");
}

/* The entry's items but task-list ones, into `out` (room for e->nitems). */
static size_t entry_items(const slog_entry *e, const slog_item **out)
{
    size_t n = 0;
    for (const slog_item *it = e->items; it; it = it->next)
        if (!is_checkbox(it))
            out[n++] = it;
    return n;
}

static slog_status regressed(check_ctx *c, const slog_item *b, const slog_item *now)
{
    char t[120];
    if (b->state != SLOG_STATE_DONE || now->state == SLOG_STATE_DONE)
        return SLOG_OK;
    return emit(c, SLOG_RULE_ITEM_REGRESSED, now->line,
                "item was done at baseline line %d, now %s: %s", b->line,
                slog_state_name(now->state), excerpt(now->text, t, sizeof t));
}

static slog_status compare_items(check_ctx *c, const slog_entry *be, const slog_entry *ce)
{
    const slog_item **base = calloc(be->nitems + 1, sizeof *base);
    const slog_item **cur = calloc(ce->nitems + 1, sizeof *cur);
    size_t nb = base ? entry_items(be, base) : 0, nc = cur ? entry_items(ce, cur) : 0;
    matching m;
    int ready = matching_init(&m, nb, nc) && base && cur;
    slog_status st = SLOG_ERR_NOMEM;
    if (ready) {
        for (size_t i = 0; i < nb; i++) {
            m.a_text[i] = base[i]->text;
            m.a_key[i] = base[i]->id;
        }
        for (size_t j = 0; j < nc; j++) {
            m.b_text[j] = cur[j]->text;
            m.b_key[j] = cur[j]->id;
        }
        st = match_all(&m);
    }
    /* regressions in baseline order, matched by id before reworded */
    for (size_t i = 0; i < nb && st == SLOG_OK; i++)
        if (m.pair[i] != (size_t)-1 && !m.reworded[i])
            st = regressed(c, base[i], cur[m.pair[i]]);
    const slog_item *changed = NULL, *changed_to = NULL, *removed = NULL;
    size_t nchanged = 0, nremoved = 0;
    for (size_t i = 0; i < nb && st == SLOG_OK; i++) {
        if (m.pair[i] == (size_t)-1) {
            if (!nremoved++)
                removed = base[i];
        } else if (m.reworded[i]) {
            if (!nchanged++) {
                changed = base[i];
                changed_to = cur[m.pair[i]];
            }
            st = regressed(c, base[i], cur[m.pair[i]]);
        }
    }
    char t1[120], t2[120];
    if (st == SLOG_OK && changed)
        st = emit(c, SLOG_RULE_ENTRY_REWRITTEN, changed_to->line,
                  "entry '%s' (baseline line %d) was rewritten: item at baseline line %d was "
                  "'%s', now '%s'%s",
                  ce->heading, be->line, changed->line, excerpt(changed->text, t1, sizeof t1),
                  excerpt(changed_to->text, t2, sizeof t2),
                  nchanged + nremoved > 1 ? " (and more)" : "");
    if (st == SLOG_OK && removed && !changed)
        st = emit(c, SLOG_RULE_ENTRY_REWRITTEN, ce->line,
                  "entry '%s' (baseline line %d) was rewritten: item at baseline line %d is "
                  "gone: '%s'%s",
                  ce->heading, be->line, removed->line, excerpt(removed->text, t1, sizeof t1),
                  nremoved > 1 ? " (and more)" : "");
    matching_free(&m);
    free(base);
    free(cur);
    return st;
}

/* Where a baseline thing that is gone is reported: at the current line of
 * the nearest later one that remains, else (with `earlier`) of the nearest
 * earlier one, else `fallback`. line_of[i] is 0 for things that are gone. */
static int *gone_lines(const int *line_of, size_t n, int earlier, int fallback)
{
    int *at = malloc((n + 1) * sizeof *at);
    if (!at)
        return NULL;
    int next = 0;
    for (size_t i = n; i-- > 0;) {
        at[i] = next;
        if (line_of[i])
            next = line_of[i];
    }
    int prev = 0;
    for (size_t i = 0; i < n; i++) {
        if (!at[i])
            at[i] = prev && earlier ? prev : fallback;
        if (line_of[i])
            prev = line_of[i];
    }
    return at;
}

static slog_status compare_entries(check_ctx *c, const slog_doc *cur, const slog_doc *base)
{
    const slog_entry **match = calloc(base->nentries + 1, sizeof *match);
    int *line_of = calloc(base->nentries + 1, sizeof *line_of);
    if (!match || !line_of) {
        free(match);
        free(line_of);
        return SLOG_ERR_NOMEM;
    }
    slog_status st = match_entries(cur, base, match);
    for (size_t i = 0; i < base->nentries; i++)
        line_of[i] = match[i] ? match[i]->line : 0;
    /* gone: reported where it would be, at the next entry that remains */
    int *at = st == SLOG_OK
                  ? gone_lines(line_of, base->nentries, 0, (int)(cur->nlines ? cur->nlines : 1))
                  : NULL;
    if (st == SLOG_OK && !at)
        st = SLOG_ERR_NOMEM;
    char buf[120];
    for (size_t i = 0; i < base->nentries && st == SLOG_OK; i++) {
        const slog_entry *be = base->entries[i];
        if (match[i]) {
            st = compare_items(c, be, match[i]);
            continue;
        }
        st = emit(c, SLOG_RULE_ENTRY_REMOVED, at[i], "entry '%s' (baseline line %d) is gone",
                  excerpt(be->heading, buf, sizeof buf), be->line);
    }
    free(at);
    free(match);
    free(line_of);
    return st;
}

/* --- checklists ------------------------------------------------------------ */

static slog_status compare_checklists(check_ctx *c, const slog_doc *cur, const slog_doc *base)
{
    matching m;
    if (!matching_init(&m, base->nchecklists, cur->nchecklists)) {
        matching_free(&m);
        return SLOG_ERR_NOMEM;
    }
    /* by text first (ids ignore case and spacing), then by similar text */
    for (size_t i = 0; i < base->nchecklists; i++) {
        m.a_text[i] = base->checklists[i].text;
        m.a_key[i] = slog_item_hash("", "", m.a_text[i]);
    }
    for (size_t j = 0; j < cur->nchecklists; j++) {
        m.b_text[j] = cur->checklists[j].text;
        m.b_key[j] = slog_item_hash("", "", m.b_text[j]);
    }
    slog_status st = match_all(&m);
    int *line_of = calloc(base->nchecklists + 1, sizeof *line_of);
    for (size_t i = 0; line_of && i < base->nchecklists; i++)
        line_of[i] = m.pair[i] != (size_t)-1 ? cur->checklists[m.pair[i]].line : 0;
    /* a removed item is reported where it stood: at the item that now
     * follows it (or precedes it), else at line 1 */
    int *at = line_of ? gone_lines(line_of, base->nchecklists, 1, 1) : NULL;
    if (st == SLOG_OK && !at)
        st = SLOG_ERR_NOMEM;
    char buf[120];
    for (size_t i = 0; i < base->nchecklists && st == SLOG_OK; i++) {
        const slog_checklist_item *b = &base->checklists[i];
        if (m.pair[i] == (size_t)-1)
            st = emit(c, SLOG_RULE_CHECKLIST_REMOVED, at[i],
                      "checklist item (baseline line %d) is gone: %s", b->line,
                      excerpt(b->text, buf, sizeof buf));
        else if (b->checked && !cur->checklists[m.pair[i]].checked)
            st = emit(c, SLOG_RULE_CHECKLIST_REGRESSED, cur->checklists[m.pair[i]].line,
                      "checked at baseline line %d, unchecked now: %s", b->line,
                      excerpt(b->text, buf, sizeof buf));
    }
    free(at);
    free(line_of);
    matching_free(&m);
    return st;
}

slog_status slog_check(const slog_doc *current, const slog_doc *baseline, const slog_config *config,
                       slog_diags *out, slog_error *err)
{
    slog_config *own, *use;
    slog_status st = slog_config_use(config, &own, &use, err);
    if (st != SLOG_OK)
        return st;
    check_ctx c = {use, out, current->file};
    st = compare_entries(&c, current, baseline);
    if (st == SLOG_OK)
        st = compare_checklists(&c, current, baseline);
    slog_config_free(own);
    if (st != SLOG_OK)
        return slog_error_set(err, st, current->file, 0, "out of memory");
    return SLOG_OK;
}
