/* SPDX-License-Identifier: BSD-2-Clause */
/* open-checklist: a record whose own status field says it is done (see
 * lint_record_done): the boxes of its plan are left over, not open work. */
#include "lint_internal.h"

#include "doc_internal.h"
#include "words.h"

#include <string.h>

/* The record the box is in says, in its status field, that it is done:
 * "## Goals API (2026-03-02)" then "**Status**: Completed" — the boxes of
 * its plan below are left over, not open work. The field is looked for in
 * the first lines of the box's own entry, above its first sub-heading. */
enum { STATUS_FIELD_LINES = 12 };

static int status_says_done(const char *s, size_t len)
{
    static const char *const keys[] = {"status", "estado", "statut", "stato",
                                       "状态",   "状態",   "상태"};
    static const char *const done[] = {"\xE2\x9C\x85", "completed", "complete",  "done",
                                       "finished",     "shipped",   "delivered", "merged",
                                       "resolved",     "closed",    "concluído", "concluido",
                                       "terminé",      "terminado", "erledigt",  "abgeschlossen",
                                       "完了",         "完成",      "已完成"};
    size_t i = 0;
    if (!len || s[0] == ' ' || s[0] == '\t')
        return 0; /* "  - Status: done": a field of one item, not of the record */
    while (i < len && strchr("-*_> \t", s[i]))
        i++;
    size_t k = slog_opening_word(s + i, len - i, keys, sizeof keys / sizeof *keys, "");
    if (!k)
        return 0;
    i += k;
    while (i < len && strchr("*_ \t", s[i]))
        i++;
    if (i < len && s[i] == ':')
        i++;
    else if (i + 3 <= len && !memcmp(s + i, "\xEF\xBC\x9A", 3)) /* a full-width colon */
        i += 3;
    else
        return 0;
    while (i < len && strchr("*_` \t", s[i]))
        i++;
    /* "Complete and ready for testing", "Done except the docs": work left */
    static const char *const but[] = {"ready for", "except",    "but",     "pending", "awaiting",
                                      "partial",   "partially", "testing", "review"};
    return slog_opening_word(s + i, len - i, done, sizeof done / sizeof *done, "") > 0 &&
           !slog_names_any(s + i, len - i, but, sizeof but / sizeof *but);
}

/* A caption or heading over work left after the record: "### Next Steps",
 * "Follow-ups:", "Remaining" — its boxes are open whatever the status. */
static int names_work_left(const char *t)
{
    static const char *const left[] = {
        "next",      "follow-up", "follow-ups", "followup", "follow up", "todo",         "to do",
        "remaining", "open",      "future",     "later",    "pending",   "outstanding",  "próximos",
        "próximas",  "nächste",   "prochaines", "下一步",   "后续",      "次のステップ", "今後"};
    return t && slog_names_any(t, strlen(t), left, sizeof left / sizeof *left);
}

/* A box in no entry, in an undated section that follows a dated record
 * ("## Goals API (2025-12-27)" / "**Status**: Completed", then "## Decision
 * Log", "## Implementation Timeline"): the record goes on there, to the
 * next heading above its level. Its entry, or NULL. */
static const slog_entry *record_above(const slog_doc *d, int line)
{
    size_t lo = 0, hi = d->nentries; /* the last entry before the line */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->entries[mid]->line < line)
            lo = mid + 1;
        else
            hi = mid;
    }
    const slog_entry *e = lo ? d->entries[lo - 1] : NULL;
    while (e && e->parent)
        e = e->parent;
    if (!e || e->kind != SLOG_ENTRY_HEADING)
        return NULL;
    for (size_t k = slog_doc_sections_before(d, line + 1), steps = 0; k-- > 0; steps++) {
        if (d->sections[k].line < e->line)
            break;
        if (d->sections[k].level < e->level || steps == 256)
            return NULL; /* a part above the record's level, or too far to tell */
    }
    return e;
}

int lint_record_done(const slog_doc *d, const slog_checklist_item *box)
{
    if (names_work_left(box->caption) || names_work_left(lint_heading_above(d, box->line)))
        return 0;
    /* the box's own record: an enclosing one's status is not its entries' */
    const slog_entry *e = slog_doc_entry_at(d, box->line);
    if (!e)
        e = record_above(d, box->line);
    int last = e ? e->line + STATUS_FIELD_LINES : 0;
    for (int l = e ? e->line + 1 : 1; e && l < box->line && l <= last; l++) {
        size_t len;
        const char *s = slog_text_line(&d->priv->text, l, &len);
        if (s && len && s[0] == '#')
            break; /* the record's own fields stand above its first section */
        if (s && status_says_done(s, len))
            return 1;
    }
    return 0;
}
