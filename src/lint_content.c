/* Rules about what entries say: stale-item, empty-entry, repeated-entry,
 * open-checklist, unmarked-item. */
#include "lint_internal.h"

#include <stdlib.h>
#include <string.h>

static slog_status stale_items(lint_ctx *ctx)
{
    const slog_doc *d = ctx->doc;
    slog_status st = SLOG_OK;
    for (size_t i = 0; i < d->nthreads && st == SLOG_OK; i++) {
        const slog_thread *t = &d->threads[i];
        long age = ctx->today - t->first_day;
        if (t->resolved || age <= ctx->config->stale_days)
            continue;
        char text[160];
        const slog_item *latest = t->items[t->nitems - 1];
        st = lint_emit(ctx, SLOG_RULE_STALE_ITEM, latest->line,
                       "open for %ld days, since %s (%zu %s): %s", age, t->first_seen, t->nitems,
                       t->nitems == 1 ? "entry" : "entries",
                       lint_excerpt(t->text, text, sizeof text, 100));
    }
    return st;
}

/* Every item of `e` has a near-identical item (same state, similar text) in `prev`. */
static int repeats(const slog_doc *d, const slog_entry *e, const slog_entry *prev)
{
    if (!e->nitems || !prev->nitems)
        return 0;
    for (const slog_item *it = e->items; it; it = it->next) {
        int found = 0;
        for (const slog_item *p = prev->items; p && !found; p = p->next)
            found =
                p->state == it->state && slog_item_similarity(d, it, p) >= SLOG_REPEAT_THRESHOLD;
        if (!found)
            return 0;
    }
    return 1;
}

static int by_label(const void *a, const void *b)
{
    const slog_entry *x = *(const slog_entry *const *)a, *y = *(const slog_entry *const *)b;
    int c = strcmp(x->label, y->label);
    return c ? c : (x->index > y->index) - (x->index < y->index);
}

/* The previous entry with the same label is the previous one in (label,
 * document order). */
static slog_status repeated_entries(lint_ctx *ctx)
{
    const slog_doc *d = ctx->doc;
    const slog_entry **sorted = malloc((d->nentries ? d->nentries : 1) * sizeof *sorted);
    if (!sorted)
        return SLOG_ERR_NOMEM;
    if (d->nentries) /* entries is NULL when there are none */
        memcpy(sorted, d->entries, d->nentries * sizeof *sorted);
    qsort(sorted, d->nentries, sizeof *sorted, by_label);
    slog_status st = SLOG_OK;
    for (size_t i = 1; i < d->nentries && st == SLOG_OK; i++) {
        const slog_entry *e = sorted[i], *prev = sorted[i - 1];
        if (strcmp(e->label, prev->label) == 0 && repeats(d, e, prev))
            st = lint_emit(ctx, SLOG_RULE_REPEATED_ENTRY, e->line,
                           "every item repeats the entry at line %d (%s): no progress recorded",
                           prev->line, prev->date);
    }
    free(sorted);
    return st;
}

slog_status lint_content(lint_ctx *ctx)
{
    const slog_doc *d = ctx->doc;
    slog_status st = stale_items(ctx);
    for (size_t i = 0; i < d->nentries && st == SLOG_OK; i++) {
        const slog_entry *e = d->entries[i];
        if (!e->nitems && !e->has_content)
            st = lint_emit(ctx, SLOG_RULE_EMPTY_ENTRY, e->line,
                           "entry '%s' has no items and no "
                           "text",
                           e->heading);
        for (const slog_item *it = e->items; it && st == SLOG_OK; it = it->next)
            if (it->state == SLOG_STATE_NOTE)
                st = lint_emit(ctx, SLOG_RULE_UNMARKED_ITEM, it->line, "item has no status marker");
    }
    if (st == SLOG_OK && lint_enabled(ctx, SLOG_RULE_REPEATED_ENTRY))
        st = repeated_entries(ctx);
    for (size_t i = 0; i < d->nchecklists && st == SLOG_OK; i++) {
        char text[160];
        if (!d->checklists[i].checked)
            st = lint_emit(ctx, SLOG_RULE_OPEN_CHECKLIST, d->checklists[i].line, "unchecked: %s",
                           lint_excerpt(d->checklists[i].text, text, sizeof text, 100));
    }
    return st;
}
