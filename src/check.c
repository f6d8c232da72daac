/* check: what the current version lost or rewrote of the baseline's history.
 * Matching is by content, never by line: entries by (date, time, label), the
 * k-th of equal keys with the k-th; items by id, then by similar text;
 * checklist items by text. */
#include "config_internal.h"
#include "doc_internal.h"
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

static int key_cmp(const slog_entry *x, const slog_entry *y)
{
    int c = strcmp(x->date, y->date);
    if (!c)
        c = strcmp(x->time ? x->time : "", y->time ? y->time : "");
    if (!c)
        c = strcmp(x->label, y->label);
    return c;
}

static int by_key(const void *a, const void *b)
{
    const slog_entry *x = *(const slog_entry *const *)a, *y = *(const slog_entry *const *)b;
    int c = key_cmp(x, y);
    return c ? c : (x->index > y->index) - (x->index < y->index);
}

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
    qsort(a, base->nentries, sizeof *a, by_key);
    qsort(b, cur->nentries, sizeof *b, by_key);
    size_t i = 0, j = 0;
    while (i < base->nentries && j < cur->nentries) {
        int c = key_cmp(a[i], b[j]);
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

/* --- items of a matched entry --------------------------------------------- */

/* Task-list items are the checklist rules' business, not the entry's. */
static int is_checkbox(const slog_item *it)
{
    return !strcmp(it->marker, "[ ]") || !strcmp(it->marker, "[x]") || !strcmp(it->marker, "[X]");
}

static size_t count_items(const slog_entry *e)
{
    return e->nitems;
}

static slog_status compare_items(check_ctx *c, const slog_entry *be, const slog_entry *ce)
{
    size_t nb = count_items(be), nc = count_items(ce);
    const slog_item **cur = calloc(nc + 1, sizeof *cur);
    char *used = calloc(nc + 1, 1);
    const slog_item **lost = calloc(nb + 1, sizeof *lost); /* baseline items not found by id */
    if (!cur || !used || !lost) {
        free(cur);
        free(used);
        free(lost);
        return SLOG_ERR_NOMEM;
    }
    size_t k = 0, nlost = 0;
    for (const slog_item *it = ce->items; it; it = it->next)
        if (!is_checkbox(it))
            cur[k++] = it;
    nc = k;
    slog_status st = SLOG_OK;
    const slog_item *changed = NULL, *changed_to = NULL, *removed = NULL;
    size_t nchanged = 0, nremoved = 0;
    char t1[120], t2[120];
    for (const slog_item *b = be->items; b && st == SLOG_OK; b = b->next) {
        if (is_checkbox(b))
            continue;
        const slog_item *m = NULL;
        for (size_t i = 0; i < nc && !m; i++)
            if (!used[i] && strcmp(cur[i]->id, b->id) == 0) {
                used[i] = 1;
                m = cur[i];
            }
        if (!m) {
            lost[nlost++] = b;
            continue;
        }
        if (b->state == SLOG_STATE_DONE && m->state != SLOG_STATE_DONE)
            st = emit(c, SLOG_RULE_ITEM_REGRESSED, m->line,
                      "item was done at baseline line %d, now %s: %s", b->line,
                      slog_state_name(m->state), excerpt(m->text, t1, sizeof t1));
    }
    /* Items not found by id: reworded (the most similar unused current item)
     * or removed. */
    for (size_t l = 0; l < nlost && st == SLOG_OK; l++) {
        const slog_item *b = lost[l];
        double best = 0;
        size_t bi = 0;
        for (size_t i = 0; i < nc; i++) {
            if (used[i])
                continue;
            double s = slog_text_similarity(b->text, cur[i]->text);
            if (s > best) {
                best = s;
                bi = i;
            }
        }
        if (best >= SLOG_REWORD_THRESHOLD) {
            used[bi] = 1;
            if (!nchanged++) {
                changed = b;
                changed_to = cur[bi];
            }
            if (b->state == SLOG_STATE_DONE && cur[bi]->state != SLOG_STATE_DONE)
                st = emit(c, SLOG_RULE_ITEM_REGRESSED, cur[bi]->line,
                          "item was done at baseline line %d, now %s: %s", b->line,
                          slog_state_name(cur[bi]->state), excerpt(cur[bi]->text, t1, sizeof t1));
        } else if (!nremoved++) {
            removed = b;
        }
    }
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
    free(cur);
    free(used);
    free(lost);
    return st;
}

static slog_status compare_entries(check_ctx *c, const slog_doc *cur, const slog_doc *base)
{
    const slog_entry **match = calloc(base->nentries + 1, sizeof *match);
    if (!match)
        return SLOG_ERR_NOMEM;
    slog_status st = match_entries(cur, base, match);
    char buf[120];
    for (size_t i = 0; i < base->nentries && st == SLOG_OK; i++) {
        const slog_entry *be = base->entries[i];
        if (match[i]) {
            st = compare_items(c, be, match[i]);
            continue;
        }
        /* gone: reported where it would be, at the next entry that remains */
        int line = (int)(cur->nlines ? cur->nlines : 1);
        for (size_t k = i + 1; k < base->nentries; k++)
            if (match[k]) {
                line = match[k]->line;
                break;
            }
        st = emit(c, SLOG_RULE_ENTRY_REMOVED, line, "entry '%s' (baseline line %d) is gone",
                  excerpt(be->heading, buf, sizeof buf), be->line);
    }
    free(match);
    return st;
}

/* --- checklists ------------------------------------------------------------ */

static slog_status compare_checklists(check_ctx *c, const slog_doc *cur, const slog_doc *base)
{
    char *used = calloc(cur->nchecklists + 1, 1);
    char *found = calloc(base->nchecklists + 1, 1);
    size_t *pair = calloc(base->nchecklists + 1, sizeof *pair);
    if (!used || !found || !pair) {
        free(used);
        free(found);
        free(pair);
        return SLOG_ERR_NOMEM;
    }
    /* by text first (ids ignore case and spacing), then by similar text */
    for (size_t i = 0; i < base->nchecklists; i++) {
        char bid[9];
        slog_item_id("", "", base->checklists[i].text, bid);
        for (size_t j = 0; j < cur->nchecklists && !found[i]; j++) {
            char cid[9];
            slog_item_id("", "", cur->checklists[j].text, cid);
            if (!used[j] && strcmp(bid, cid) == 0) {
                used[j] = found[i] = 1;
                pair[i] = j;
            }
        }
    }
    for (size_t i = 0; i < base->nchecklists; i++) {
        double best = 0;
        for (size_t j = 0; j < cur->nchecklists && !found[i]; j++) {
            double s =
                used[j] ? 0
                        : slog_text_similarity(base->checklists[i].text, cur->checklists[j].text);
            if (s > best) {
                best = s;
                pair[i] = j;
            }
        }
        if (!found[i] && best >= SLOG_REWORD_THRESHOLD)
            used[pair[i]] = found[i] = 1;
    }
    slog_status st = SLOG_OK;
    char buf[120];
    for (size_t i = 0; i < base->nchecklists && st == SLOG_OK; i++) {
        const slog_checklist_item *b = &base->checklists[i];
        /* a removed item is reported where it stood: at the item that now
         * follows it (or precedes it), else at line 1 */
        int line = 1;
        for (size_t k = i + 1; k < base->nchecklists && line == 1; k++)
            if (found[k])
                line = cur->checklists[pair[k]].line;
        for (size_t k = i; k-- > 0 && line == 1;)
            if (found[k])
                line = cur->checklists[pair[k]].line;
        if (!found[i])
            st = emit(c, SLOG_RULE_CHECKLIST_REMOVED, line,
                      "checklist item (baseline line %d) is gone: %s", b->line,
                      excerpt(b->text, buf, sizeof buf));
        else if (b->checked && !cur->checklists[pair[i]].checked)
            st = emit(c, SLOG_RULE_CHECKLIST_REGRESSED, cur->checklists[pair[i]].line,
                      "checked at baseline line %d, unchecked now: %s", b->line,
                      excerpt(b->text, buf, sizeof buf));
    }
    free(used);
    free(found);
    free(pair);
    return st;
}

slog_status slog_check(const slog_doc *current, const slog_doc *baseline, const slog_config *config,
                       slog_diags *out, slog_error *err)
{
    slog_config *own = NULL;
    if (!config) {
        slog_status st = slog_config_new_default(&own, err);
        if (st != SLOG_OK)
            return st;
        config = own;
    }
    check_ctx c = {config, out, current->file};
    slog_status st = compare_entries(&c, current, baseline);
    if (st == SLOG_OK)
        st = compare_checklists(&c, current, baseline);
    slog_config_free(own);
    if (st != SLOG_OK)
        return slog_error_set(err, st, current->file, 0, "out of memory");
    return SLOG_OK;
}
