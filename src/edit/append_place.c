/* SPDX-License-Identifier: BSD-2-Clause */
/* A new entry: its heading written like the log's own, its date in the
 * log's form, its place by date in the log's direction (across the logs of
 * its kind beside it), and a log of dated list items. */
#include "append_plan.h"

#include "dates.h"
#include "statuslog/parse.h"

#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* The date found in a line of the document (its source, not its text). */
int ap_line_date(view *v, int line, const char **s, size_t *len, slog_found_date *f)
{
    *s = ap_line_of(v, line, len);
    return slog_find_date(v->cfg, *s, *len, 0, 0, f);
}

/* Whether the heading line s opens with its date f: "### 2026-03-09 (Mon)". */
int ap_starts_with_date(const char *s, const slog_found_date *f)
{
    for (size_t i = 0; i < f->start; i++)
        if (s[i] != '#' && s[i] != ' ' && s[i] != '\t')
            return 0;
    return 1;
}

/* The request's date, to be written like `model`'s: a year-less form gets
 * the year when it is not the model's ("### Mar 10" after "### Mar 9" of
 * 2026 would read back as 2026). */
append_when ap_when_like(const target *t, const slog_entry *model)
{
    append_when w = t->when;
    int y = 0, m, d;
    if (model && model->date_valid)
        slog_civil_from_days(model->day, &y, &m, &d);
    w.ref_year = y;
    return w;
}

/* "## Status (2026-03-10)", or the template's own line with the date replaced. */
void ap_heading_like(view *v, const slog_entry *tpl, const slog_entry *style, const target *t,
                     slog_buf *out)
{
    const char *s;
    size_t len;
    slog_found_date f;
    if (tpl && tpl->kind != SLOG_ENTRY_LIST && ap_line_date(v, tpl->date_line, &s, &len, &f)) {
        if (tpl->date_line != tpl->line) { /* a heading dated by a bold line below it */
            const char *h;
            size_t hl;
            h = ap_line_of(v, tpl->line, &hl);
            slog_buf_put(out, h, hl);
            slog_buf_put(out, "\n", 1);
        }
        slog_buf_put(out, s, f.start);
        append_when w = ap_when_like(t, tpl);
        append_format_date(out, s, &f, &w);
        slog_buf_put(out, s + f.end, len - f.end);
        slog_buf_put(out, "\n", 1);
        if (tpl->kind == SLOG_ENTRY_BOLD && ap_is_blank_line(v, tpl->date_line + 1))
            slog_buf_put(out, "\n", 1); /* the template's blank line before its list */
        if (tpl->kind == SLOG_ENTRY_HEADING && tpl->setext) {
            int u = ap_header_end(v, tpl, tpl->line + 3);
            const char *us = ap_line_of(v, u, &len);
            slog_buf_put(out, us, len);
            slog_buf_put(out, "\n", 1);
        }
        return;
    }
    int have_style = style && ap_line_date(v, style->date_line, &s, &len, &f);
    append_when w = ap_when_like(t, style);
    if (style && style->kind == SLOG_ENTRY_BOLD && style->date_line == style->line) {
        slog_buf_puts(out, "**");
        append_format_date(out, have_style ? s : NULL, have_style ? &f : NULL, &w);
        slog_buf_puts(out, "**");
        if (*t->label && !t->default_label) {
            slog_buf_puts(out, " — ");
            append_label(out, t->label);
        }
        slog_buf_puts(out, "\n\n");
        return;
    }
    int level = style ? style->level : 2;
    slog_buf_put(out, "######", (size_t)(level < 1 ? 1 : level > 6 ? 6 : level));
    slog_buf_put(out, " ", 1);
    if (have_style && ap_starts_with_date(s, &f)) { /* "## 2026-03-10 — Deploy" */
        append_format_date(out, s, &f, &w);
        if (*t->label) {
            slog_buf_puts(out, " — ");
            append_label(out, t->label);
        }
        slog_buf_puts(out, "\n");
        return;
    }
    if (*t->label) { /* "## Deploy (2026-03-10)" */
        append_label(out, t->label);
        slog_buf_puts(out, " (");
    }
    append_format_date(out, have_style ? s : NULL, have_style ? &f : NULL, &w);
    slog_buf_puts(out, *t->label ? ")\n" : "\n");
}

/* The latest entry of the log with the request's label: its heading is the
 * new one's model. */
const slog_entry *ap_template_entry(const target *t)
{
    for (size_t i = t->log ? t->log->nentries : 0; i-- > 0;)
        if (!strcmp(t->log->entries[i]->label, t->label))
            return t->log->entries[i];
    return NULL;
}

/* Where a new entry goes in the log: oldest first, after the last entry not
 * later than the request; newest first, before the first such entry. The
 * new text goes after line *after_line; blank lines (for entries that are
 * not list items) separate it from what is before or after it. */
/* The entries stand under several headings (family_of). */
int ap_grouped(const slog_log *log)
{
    for (size_t i = 1; log && i < log->nentries; i++)
        if (log->entries[i]->heading_line != log->entries[0]->heading_line)
            return 1;
    return 0;
}

/* In a grouped log: the latest entry not later than `when` (*at, NULL for
 * none) and the earliest one (*first), wherever their groups stand. */
void ap_grouped_slot(const slog_log *log, const append_when *when, int newest,
                     const slog_entry **at, const slog_entry **first)
{
    *at = NULL;
    for (size_t i = 0; i < log->nentries; i++) {
        const slog_entry *e = log->entries[newest ? i : log->nentries - 1 - i];
        if (!e->date_valid)
            continue;
        if (ap_not_later(e, when) && (!*at || slog_entry_compare(e, *at) > 0))
            *at = e;
        if (!(*first)->date_valid || slog_entry_compare(e, *first) < 0)
            *first = e;
    }
}

void ap_entry_slot(view *v, const slog_log *log, const append_when *when, slog_entry_kind kind,
                   int *after_line, int *gap_before, int *gap_after)
{
    const slog_entry *at = NULL;
    int newest = log && log->direction == SLOG_NEWEST_FIRST, gap = kind != SLOG_ENTRY_LIST;
    for (size_t i = 0; log && i < log->nentries; i++) {
        const slog_entry *e = log->entries[newest ? i : log->nentries - 1 - i];
        if (e->date_valid && ap_not_later(e, when)) {
            at = e;
            break;
        }
    }
    const slog_entry *first = log && log->nentries ? log->entries[0] : NULL;
    if (ap_grouped(log)) /* "## Week 12" above "## Week 11": by date, not by place */
        ap_grouped_slot(log, when, newest, &at, &first);
    *gap_before = *gap_after = 0;
    if (!log || !log->nentries) { /* no entries: a new section at the end */
        int n = (int)v->text->nlines;
        *after_line = n;
        *gap_before = n && !ap_is_blank_line(v, n);
    } else if ((newest && at) || (!newest && !at)) { /* before that entry (or the first) */
        const slog_entry *before = at ? at : first;
        *after_line = before->line - 1;
        *gap_after = gap;
    } else { /* after that entry's section (or the last one's) */
        const slog_entry *after = at ? at : log->entries[log->nentries - 1];
        ap_touch((view *)v, after); /* its section's end */
        *after_line = ap_trim_blank_end(v, after->line, after->end_line);
        *gap_before = gap;
    }
}

void ap_place(view *v, const target *t, slog_entry_kind kind, const slog_buf *body, plan *p)
{
    int before, after;
    ap_entry_slot(v, t->log, &t->when, kind, &p->after_line, &before, &after);
    if (before)
        slog_buf_puts(&p->text, "\n");
    slog_buf_put(&p->text, body->data, body->len);
    if (after)
        slog_buf_puts(&p->text, "\n");
}

/* A log of dated list items: every item is an entry of its own,
 * "- 2026-03-10: ✅ text", written like the log's latest item. */
slog_status ap_as_list_entries(view *v, const target *t, const slog_append_request *req,
                               const slog_append_options *o, plan *p)
{
    const slog_entry *tpl = t->log->entries[t->log->nentries - 1];
    const char *s;
    size_t len;
    slog_found_date f;
    if (!ap_line_date(v, tpl->line, &s, &len, &f))
        return slog_error_set(v->err, SLOG_ERR_INVALID, v->doc->file, tpl->line,
                              "cannot read the date of this list entry");
    size_t text_from = f.end; /* the template's separator: ": ", " — ", " " */
    while (text_from < len && (strchr("*_])|:- \t", s[text_from]) ||
                               (text_from + 3 <= len && (!memcmp(s + text_from, "—", 3) ||
                                                         !memcmp(s + text_from, "–", 3)))))
        text_from += (unsigned char)s[text_from] >= 0x80 ? 3 : 1;
    slog_buf body = {0}, prefix = {0};
    char date[11];
    slog_date_format(t->when.day, date);
    slog_buf_put(&prefix, s, f.start);
    append_when w = ap_when_like(t, tpl);
    append_format_date(&prefix, s, &f, &w);
    slog_buf_put(&prefix, s + f.end, text_from - f.end);
    /* the log's items of that date: a list entry's own item has its text as
     * its label, so an item saying the same has the same id */
    item_set seen;
    if (prefix.failed || !ap_item_set_init(&seen, req->nitems + t->log->nentries)) {
        free(prefix.data);
        return SLOG_ERR_NOMEM;
    }
    for (size_t k = 0; k < t->log->nentries; k++) {
        const slog_entry *e = t->log->entries[k];
        if (e->date_valid && e->day == t->when.day && e->items)
            ap_item_set_add(&seen, ap_item_key(e->items->id, e->items->state));
    }
    slog_status st = SLOG_OK;
    for (size_t i = 0; st == SLOG_OK && i < req->nitems; i++) {
        const slog_append_item *it = &req->items[i];
        slog_buf lines = {0}, folded = {0};
        append_item_lines(&lines, &folded, prefix.data, append_marker(v->cfg, it->state), it->text);
        uint32_t id;
        if (lines.failed || folded.failed || !folded.data) {
            st = SLOG_ERR_NOMEM;
        } else {
            id = slog_item_hash(date, folded.data, folded.data); /* text is also the label */
            if (ap_item_set_add(&seen, ap_item_key(id, it->state)) && !o->no_dedupe) {
                p->skipped++;
            } else {
                slog_buf_put(&body, lines.data, lines.len);
                p->added++;
            }
        }
        free(lines.data);
        free(folded.data);
    }
    free(seen.slots);
    free(prefix.data);
    if (st != SLOG_OK || body.failed) {
        free(body.data);
        return SLOG_ERR_NOMEM;
    }
    if (body.len)
        ap_place(v, t, SLOG_ENTRY_LIST, &body, p);
    free(body.data);
    p->new_entry = p->added > 0;
    return p->text.failed ? SLOG_ERR_NOMEM : SLOG_OK;
}

slog_status ap_as_new_entry(view *v, const target *t, const slog_append_request *req,
                            const slog_append_options *o, plan *p)
{
    const slog_entry *tpl = ap_template_entry(t);
    const slog_entry *style = tpl                          ? tpl
                              : t->log && t->log->nentries ? t->log->entries[t->log->nentries - 1]
                                                           : NULL;
    slog_buf body = {0};
    ap_heading_like(v, tpl, style, t, &body);
    char date[11];
    slog_date_format(t->when.day, date);
    size_t before = body.len;
    slog_status st = ap_add_items(v, req, o, NULL, date, t->label, "- ", &body, p);
    if (st == SLOG_OK && body.len > before)
        ap_place(v, t, style ? style->kind : SLOG_ENTRY_HEADING, &body, p);
    p->new_entry = 1;
    free(body.data);
    return st == SLOG_OK && (p->text.failed || body.failed) ? SLOG_ERR_NOMEM : st;
}
