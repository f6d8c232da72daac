/* SPDX-License-Identifier: BSD-2-Clause */
/* The document as append sees it: its model (whole, or from its skeleton
 * with the touched sections whole), its lines in the original bytes, and
 * the view fix and merge place their edits with. */
#include "append_plan.h"

#include "dates.h"
#include "statuslog/parse.h"

#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* --- the document as append sees it ------------------------------------------- */

/* The last line of e's section from its headings and entries alone (what a
 * skeleton knows): before the next heading at its level or above, or the
 * next entry that is not inside it. */
int ap_section_last(const view *v, const slog_entry *e)
{
    const slog_doc *d = v->doc;
    int end = (int)v->text->nlines;
    /* its section: to the next heading at its level or above, or the next
     * entry that is not inside it */
    for (size_t i = 0; i < d->nsections; i++)
        if (d->sections[i].line > e->line && d->sections[i].level <= e->level) {
            end = d->sections[i].line - 1;
            break;
        }
    for (size_t i = e->index + 1; i < d->nentries; i++) {
        const slog_entry *x = d->entries[i];
        const slog_entry *p = x->parent;
        while (p && p != e)
            p = p->parent;
        if (!p && x->line > e->line) {
            if (x->line - 1 < end)
                end = x->line - 1;
            break;
        }
    }
    return end;
}

/* The plan reads the items or the section end of entry e: note its lines. */
void ap_touch(view *v, const slog_entry *e)
{
    if (!v->skeleton || !e)
        return;
    int end = ap_section_last(v, e);
    if (v->ntouched == TOUCH_MAX) {
        v->overflow = 1;
        return;
    }
    v->touched[2 * v->ntouched] = e->line;
    v->touched[2 * v->ntouched + 1] = end;
    v->ntouched++;
}

static int by_start(const void *a, const void *b)
{
    const int *x = a, *y = b;
    return (x[0] > y[0]) - (x[0] < y[0]);
}

/* The touched ranges, sorted and merged into `keep` (2 * TOUCH_MAX ints):
 * their number, or -1 when more were touched than a view notes. */
int ap_touched_ranges(const view *v, int *keep)
{
    if (v->overflow)
        return -1;
    size_t n = v->ntouched, m = 0;
    memcpy(keep, v->touched, n * 2 * sizeof *keep);
    qsort(keep, n, 2 * sizeof *keep, by_start);
    for (size_t i = 0; i < n; i++) {
        if (m && keep[2 * i] <= keep[2 * m - 1] + 1) {
            if (keep[2 * i + 1] > keep[2 * m - 1])
                keep[2 * m - 1] = keep[2 * i + 1];
        } else {
            keep[2 * m] = keep[2 * i];
            keep[2 * m + 1] = keep[2 * i + 1];
            m++;
        }
    }
    return (int)m;
}

/* Whether every range the view touched lies in one of the m ranges of keep. */
int ap_touched_within(const view *v, const int *keep, size_t m)
{
    if (v->overflow)
        return 0;
    for (size_t i = 0; i < v->ntouched; i++) {
        int in = 0;
        for (size_t k = 0; k < m && !in; k++)
            in = keep[2 * k] <= v->touched[2 * i] && v->touched[2 * i + 1] <= keep[2 * k + 1];
        if (!in)
            return 0;
    }
    return 1;
}

/* Whether the reading had whole every section the plan touched: the
 * sections its guess kept (or the whole document, without a faithful
 * skeleton). */
int ap_touched_guessed(const view *v)
{
    if (v->guess.all)
        return !v->overflow;
    return !v->guess.overflow && ap_touched_within(v, v->guess.whole, v->guess.nwhole);
}

const char *ap_line_of(const view *v, int line, size_t *len)
{
    return slog_text_line(v->text, line, len);
}

/* Line starts in the original bytes when the text is a repaired or sanitized
 * copy, counted as the decoder counts them. */
slog_status ap_index_raw_lines(view *v)
{
    size_t n = v->text->nlines;
    v->raw_start = malloc((n + 1) * sizeof *v->raw_start);
    if (!v->raw_start)
        return SLOG_ERR_NOMEM;
    size_t line = 0;
    v->raw_start[line++] = 0;
    for (size_t i = 0; i < v->len && line < n; i++) {
        if (v->raw[i] != '\n' && v->raw[i] != '\r')
            continue;
        if (v->raw[i] == '\r' && i + 1 < v->len && v->raw[i + 1] == '\n')
            i++;
        v->raw_start[line++] = i + 1;
    }
    v->raw_start[n] = v->len;
    return SLOG_OK;
}

/* Offset in the original bytes of the start of line `index` + 1 (0 is the
 * file's start, nlines its end). */
size_t ap_raw_offset(const view *v, int index)
{
    if (v->raw_start)
        return v->raw_start[index];
    if (index == 0)
        return 0;
    if ((size_t)index >= v->text->nlines)
        return v->len;
    return v->text->line_start[index] + v->raw_shift;
}

/* The document's model: the whole one, or (skeleton) the one built from its
 * skeleton with the `nkeep` ranges of `keep` whole. */
slog_status ap_view_read(view *v, const char *raw, size_t len, slog_config *cfg, const char *name,
                         int skeleton, const int *keep, size_t nkeep,
                         const slog_skeleton_guess *guess, slog_error *err)
{
    memset(v, 0, sizeof *v);
    if (guess)
        v->guess = *guess;
    v->raw = raw;
    v->len = len;
    v->cfg = cfg;
    v->err = err;
    v->skeleton = skeleton;
    slog_parse_options po = SLOG_PARSE_OPTIONS_INIT;
    po.config = cfg;
    po.filename = name;
    po.no_threads = 1;
    slog_status st = skeleton ? slog_parse_skeleton(raw, len, &po, keep, nkeep,
                                                    guess ? &v->guess : NULL, &v->doc, err)
                              : slog_parse_buffer(raw, len, &po, &v->doc, err);
    if (st != SLOG_OK)
        return st;
    v->text = &v->doc->priv->text;
    if (!v->text->owned) /* the text is the bytes (less a BOM): same line starts */
        v->raw_shift = v->text->enc.bom ? 3 : 0;
    else if (ap_index_raw_lines(v) != SLOG_OK)
        return SLOG_ERR_NOMEM;
    return SLOG_OK;
}

slog_status ap_view_open(view *v, const char *raw, size_t len, slog_config *cfg, const char *name,
                         slog_error *err)
{
    return ap_view_read(v, raw, len, cfg, name, 0, NULL, 0, NULL, err);
}

void ap_view_close(view *v)
{
    slog_doc_free(v->doc);
    free(v->raw_start);
    for (struct family *f = v->families, *next; f; f = next) {
        next = f->next;
        free(f->log.entries);
        free(f);
    }
}

int ap_is_blank_line(const view *v, int line)
{
    size_t len;
    const char *s = ap_line_of(v, line, &len);
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return 0;
    return 1;
}

int ap_trim_blank_end(const view *v, int from, int to)
{
    while (to > from && ap_is_blank_line(v, to))
        to--;
    return to;
}

/* --- the view for other edits (fix, merge) ------------------------------------- */

static slog_status view_open(append_view **out, const char *raw, size_t len, slog_config *cfg,
                             const char *name, int skeleton, const int *keep, size_t nkeep,
                             const slog_skeleton_guess *guess, slog_error *err)
{
    *out = calloc(1, sizeof **out);
    if (!*out)
        return slog_error_set(err, SLOG_ERR_NOMEM, name, 0, "out of memory");
    slog_status st = ap_view_read(*out, raw, len, cfg, name, skeleton, keep, nkeep, guess, err);
    if (st != SLOG_OK) {
        ap_view_close(*out);
        free(*out);
        *out = NULL;
        if (st == SLOG_ERR_NOMEM)
            slog_error_set(err, st, name, 0, "out of memory");
    }
    return st;
}

slog_status append_view_open(append_view **out, const char *raw, size_t len, slog_config *cfg,
                             const char *name, const int *keep, size_t nkeep, slog_error *err)
{
    return view_open(out, raw, len, cfg, name, keep != NULL, keep, nkeep, NULL, err);
}

slog_status append_view_open_tail(append_view **out, const char *raw, size_t len, slog_config *cfg,
                                  const char *name, slog_error *err)
{
    slog_skeleton_guess tail = {0};
    tail.tail = 1;
    return view_open(out, raw, len, cfg, name, 1, NULL, 0, &tail, err);
}

int append_view_guessed(const append_view *v)
{
    return ap_touched_guessed(v);
}

int append_view_section_last(const append_view *v, const slog_entry *e)
{
    return ap_section_last(v, e);
}

void append_view_touch(append_view *v, const slog_entry *e)
{
    ap_touch(v, e);
}

void append_view_untouch(append_view *v)
{
    v->ntouched = 0;
    v->overflow = 0;
}

int append_view_touched(const append_view *v, int *keep)
{
    return ap_touched_ranges(v, keep);
}

int append_view_touched_within(const append_view *v, const int *keep, size_t nkeep)
{
    return ap_touched_within(v, keep, nkeep);
}

void append_view_close(append_view *v)
{
    if (v)
        ap_view_close(v);
    free(v);
}

const slog_doc *append_view_doc(const append_view *v)
{
    return v->doc;
}

int append_view_is_blank(const append_view *v, int line)
{
    return ap_is_blank_line(v, line);
}

size_t append_view_offset(const append_view *v, int after_line)
{
    return ap_raw_offset(v, after_line);
}

const slog_log *append_view_log_of(append_view *v, const char *label)
{
    return ap_target_log(v, label);
}

const slog_log *append_view_family(append_view *v, const slog_log *log)
{
    return ap_family_of(v, log);
}

void append_view_entry_slot(const append_view *v, const slog_log *log, const append_when *w,
                            slog_entry_kind kind, int *after_line, int *gap_before, int *gap_after)
{
    ap_entry_slot((append_view *)v, log, w, kind, after_line, gap_before,
                  gap_after); /* whole: no touch */
}

int append_view_items_slot(const append_view *v, const slog_entry *e, int *blank_first)
{
    int own_end = ap_own_part_end(v, e);
    const slog_item *last = NULL;
    for (const slog_item *it = e->items; it; it = it->next)
        if (it->line <= own_end)
            last = it;
    *blank_first = 0;
    if (last)
        return ap_trim_blank_end(v, last->line, last->end_line);
    int head = ap_header_end(v, e, own_end);
    int after = ap_trim_blank_end(v, head, own_end);
    *blank_first = after > head;
    return after;
}

int append_view_header_end(const append_view *v, const slog_entry *e)
{
    return ap_header_end(v, e, e->end_line);
}

int append_view_section_end(const append_view *v, const slog_entry *e)
{
    return ap_trim_blank_end(v, e->line, e->end_line);
}

slog_status append_view_encode(const append_view *v, const char *text, size_t len, int eol_first,
                               slog_buf *out)
{
    return ap_encode_insert(v, text, len, eol_first, out);
}
