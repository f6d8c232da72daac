/* SPDX-License-Identifier: BSD-2-Clause */
/* append: where new items go (SPEC §4), and the splice.
 *
 * The document is read into the model (without threads); the items go into
 * an entry of the request's date and label, or a new entry of the log's own
 * kind and style, placed in the log's direction. The document is never
 * re-rendered: the new text is built in clean UTF-8, given the document's
 * line endings (and its mojibake, if it has any) and inserted at a line
 * boundary of the original bytes. */
#include "append_internal.h"
#include "doc_internal.h"
#include "statuslog/lint.h"
#include "statuslog/parse.h"

#include "dates.h"

#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

slog_status slog_append_check(const slog_append_request *req, slog_error *err)
{
    append_when w;
    if (req->date) {
        slog_status st = append_parse_when(req->date, &w, err);
        if (st != SLOG_OK)
            return st;
    }
    if (req->label && (strpbrk(req->label, "\r\n") || !req->label[strspn(req->label, " \t")]))
        return slog_error_set(err, SLOG_ERR_INVALID, NULL, 0, "label must be one non-blank line");
    if (!req->nitems)
        return slog_error_set(err, SLOG_ERR_INVALID, NULL, 0, "no items to append");
    for (size_t i = 0; i < req->nitems; i++) {
        if ((unsigned)req->items[i].state >= SLOG_STATE_COUNT)
            return slog_error_set(err, SLOG_ERR_INVALID, NULL, 0, "unknown item state");
        const char *s = req->items[i].text;
        int has_text = 0;
        for (; s && *s && !has_text; s++)
            has_text = *s != ' ' && *s != '\t' && *s != '\n' && *s != '\r';
        if (!has_text)
            return slog_error_set(err, SLOG_ERR_INVALID, NULL, 0, "an item has no text");
    }
    return SLOG_OK;
}

/* --- the document as append sees it ------------------------------------------- */

enum { TOUCH_MAX = 8 }; /* entries a plan may read whole */

typedef struct append_view {
    const char *raw;
    size_t len;
    slog_doc *doc;
    const slog_text *text;
    size_t *raw_start; /* raw offset of each line when the text is a copy, else NULL */
    size_t raw_shift;  /* else: raw offset = text offset + this (a BOM) */
    slog_config *cfg;
    slog_error *err;
    struct family *families; /* made by family_of, freed with the view */
    /* built from the skeleton: the entries whose items or section the plan
     * read (their lines), which the second reading keeps whole */
    int skeleton;
    int touched[2 * TOUCH_MAX];
    size_t ntouched;
    int overflow; /* more were touched than fit: read the whole model */
} view;

/* The plan reads the items or the section end of entry e: note its lines. */
static void touch(view *v, const slog_entry *e)
{
    if (!v->skeleton || !e)
        return;
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
    if (v->ntouched == TOUCH_MAX) {
        v->overflow = 1;
        return;
    }
    v->touched[2 * v->ntouched] = e->line;
    v->touched[2 * v->ntouched + 1] = end;
    v->ntouched++;
}

/* Logs of one kind side by side: see family_of. */
struct family {
    slog_log log;
    const slog_log *of;
    struct family *next;
};

static const char *line_of(const view *v, int line, size_t *len)
{
    return slog_text_line(v->text, line, len);
}

/* Line starts in the original bytes when the text is a repaired or sanitized
 * copy, counted as the decoder counts them. */
static slog_status index_raw_lines(view *v)
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
static size_t raw_offset(const view *v, int index)
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
static slog_status view_read(view *v, const char *raw, size_t len, slog_config *cfg,
                             const char *name, int skeleton, const int *keep, size_t nkeep,
                             slog_error *err)
{
    memset(v, 0, sizeof *v);
    v->raw = raw;
    v->len = len;
    v->cfg = cfg;
    v->err = err;
    v->skeleton = skeleton;
    slog_parse_options po = SLOG_PARSE_OPTIONS_INIT;
    po.config = cfg;
    po.filename = name;
    po.no_threads = 1;
    slog_status st = skeleton ? slog_parse_skeleton(raw, len, &po, keep, nkeep, &v->doc, err)
                              : slog_parse_buffer(raw, len, &po, &v->doc, err);
    if (st != SLOG_OK)
        return st;
    v->text = &v->doc->priv->text;
    if (!v->text->owned) /* the text is the bytes (less a BOM): same line starts */
        v->raw_shift = v->text->enc.bom ? 3 : 0;
    else if (index_raw_lines(v) != SLOG_OK)
        return SLOG_ERR_NOMEM;
    return SLOG_OK;
}

static slog_status view_open(view *v, const char *raw, size_t len, slog_config *cfg,
                             const char *name, slog_error *err)
{
    return view_read(v, raw, len, cfg, name, 0, NULL, 0, err);
}

static void view_close(view *v)
{
    slog_doc_free(v->doc);
    free(v->raw_start);
    for (struct family *f = v->families, *next; f; f = next) {
        next = f->next;
        free(f->log.entries);
        free(f);
    }
}

static int is_blank_line(const view *v, int line)
{
    size_t len;
    const char *s = line_of(v, line, &len);
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return 0;
    return 1;
}

static int trim_blank_end(const view *v, int from, int to)
{
    while (to > from && is_blank_line(v, to))
        to--;
    return to;
}

/* --- the target -------------------------------------------------------------------- */

typedef struct {
    append_when when;
    const slog_log *log;
    const char *label;
    int default_label; /* no --label: what the log's entries share, or "Status" */
} target;

/* The entries a new entry is placed among: the log's, and those of the logs
 * of the same kind beside it (the same enclosing dated entry, level and
 * kind) — "## Week 12" and "## Week 11" each hold a log of their days, and
 * a new day goes where its date puts it across them. In the log's
 * direction. NULL when out of memory (reported in v->err). */
static const slog_log *family_of(view *v, const slog_log *log)
{
    if (!log || !log->nentries)
        return log;
    for (struct family *f = v->families; f; f = f->next)
        if (f->of == log)
            return &f->log;
    const slog_entry *model = log->entries[0];
    struct family *f = calloc(1, sizeof *f);
    slog_entry **entries = f ? malloc(v->doc->nentries * sizeof *entries) : NULL;
    if (!entries) {
        free(f);
        slog_error_set(v->err, SLOG_ERR_NOMEM, NULL, 0, "out of memory");
        return NULL;
    }
    f->log = *log;
    f->log.entries = entries;
    f->log.nentries = 0;
    for (size_t i = 0; i < v->doc->nentries; i++) {
        slog_entry *e = v->doc->entries[i];
        if (e->parent == model->parent && e->level == model->level && e->kind == model->kind)
            entries[f->log.nentries++] = e;
    }
    f->of = log;
    f->next = v->families;
    v->families = f;
    return &f->log;
}

/* The log the request goes to: the log of the latest entry with its label,
 * else the log with the most entries (the first of equals), with the logs
 * of its kind beside it. */
static const slog_log *target_log(view *v, const char *label)
{
    const slog_doc *d = v->doc;
    const slog_log *best = NULL;
    for (size_t i = d->nentries; label && i-- > 0 && !best;)
        if (!strcmp(d->entries[i]->label, label))
            best = d->entries[i]->log;
    for (size_t l = 0; l < d->nlogs && (!best || best->nentries < d->logs[l].nentries); l++)
        if (!label || !best)
            best = &d->logs[l];
    return family_of(v, best);
}

/* Without --label: the label the log's entries share, if they share one. */
static const char *shared_label(const slog_log *log)
{
    if (!log || !log->nentries)
        return NULL;
    const char *first = log->entries[0]->label;
    for (size_t i = 1; i < log->nentries; i++)
        if (strcmp(log->entries[i]->label, first) != 0)
            return NULL;
    return first;
}

static slog_entry_kind log_kind(const slog_log *log)
{
    return log && log->nentries ? log->entries[log->nentries - 1]->kind : SLOG_ENTRY_HEADING;
}

/* The entry's date compared with the request's: as written, day then time
 * (an entry or request without a time is not later on the same day). */
static int not_later(const slog_entry *e, const append_when *w)
{
    if (e->day != w->day)
        return e->day < w->day;
    return e->seconds < 0 || w->seconds < 0 || e->seconds <= w->seconds;
}

static const slog_entry *existing_entry(const target *t)
{
    for (size_t i = 0; t->log && i < t->log->nentries; i++) {
        const slog_entry *e = t->log->entries[i];
        if (e->date_valid && e->day == t->when.day && !strcmp(e->label, t->label) &&
            (t->when.seconds < 0 ? e->time == NULL : e->seconds == t->when.seconds))
            return e;
    }
    return NULL;
}

/* --- placement -------------------------------------------------------------------- */

typedef struct {
    int after_line; /* the new text starts after this line (0: at the start) */
    slog_buf text;  /* clean UTF-8, LF line ends */
    size_t added, skipped;
    int new_entry;
} plan;

static void leading_bullet(const view *v, int line, char *prefix, size_t size)
{
    size_t len;
    const char *s = line_of(v, line, &len);
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t') && i + 3 < size)
        i++;
    char bullet = i < len && (s[i] == '*' || s[i] == '+') ? s[i] : '-';
    memcpy(prefix, s, i);
    prefix[i] = bullet;
    prefix[i + 1] = ' ';
    prefix[i + 2] = '\0';
}

/* Items by (id, state): the target entry's and the request's own, so that
 * a request of N items into an entry of M costs O(N + M), not O(N·M). */
typedef struct {
    uint64_t *slots; /* key + 1, 0 for empty */
    size_t cap;
} item_set;

static uint64_t item_key(uint32_t id, slog_state state)
{
    return (uint64_t)id << 4 | (uint64_t)state;
}

/* Adds a key; 1 when it was there already, -1 out of memory. */
static int item_set_add(item_set *s, uint64_t key)
{
    for (size_t i = (size_t)(key * 0x9E3779B97F4A7C15ull) & (s->cap - 1);;
         i = (i + 1) & (s->cap - 1)) {
        if (s->slots[i] == key + 1)
            return 1;
        if (!s->slots[i]) {
            s->slots[i] = key + 1;
            return 0;
        }
    }
}

static int item_set_init(item_set *s, size_t n)
{
    s->cap = 16;
    while (s->cap < 2 * n + 2)
        s->cap *= 2;
    s->slots = calloc(s->cap, sizeof *s->slots);
    return s->slots != NULL;
}

/* Adds the request's items to `out`, skipping those already in `existing`
 * (the entry of the same date and label) or earlier in the request. */
static slog_status add_items(view *v, const slog_append_request *req, const slog_append_options *o,
                             const slog_entry *existing, const char *date, const char *label,
                             const char *prefix, slog_buf *out, plan *p)
{
    item_set seen;
    if (!item_set_init(&seen, req->nitems + (existing ? existing->nitems : 0)))
        return SLOG_ERR_NOMEM;
    for (const slog_item *it = existing ? existing->items : NULL; it; it = it->next)
        item_set_add(&seen, item_key(it->id, it->state));
    slog_status st = SLOG_OK;
    for (size_t i = 0; st == SLOG_OK && i < req->nitems; i++) {
        const slog_append_item *it = &req->items[i];
        slog_buf lines = {0}, folded = {0};
        append_item_lines(&lines, &folded, prefix, append_marker(v->cfg, it->state), it->text);
        if (lines.failed || folded.failed || !folded.data) {
            st = SLOG_ERR_NOMEM;
        } else {
            uint32_t id = slog_item_hash(date, label, folded.data);
            if (item_set_add(&seen, item_key(id, it->state)) && !o->no_dedupe) {
                p->skipped++;
            } else {
                slog_buf_put(out, lines.data, lines.len);
                p->added++;
            }
        }
        free(lines.data);
        free(folded.data);
    }
    free(seen.slots);
    return st != SLOG_OK || out->failed ? SLOG_ERR_NOMEM : SLOG_OK;
}

/* The first heading inside the entry's section, or its end + 1: where its
 * own list ends (items under an undated subheading are another list). */
static int own_part_end(const view *v, const slog_entry *e)
{
    const slog_doc *d = v->doc;
    int end = e->end_line;
    for (size_t i = 0; i < d->nsections; i++)
        if (d->sections[i].line > e->line && d->sections[i].line <= end) {
            end = d->sections[i].line - 1;
            break;
        }
    for (size_t i = e->index + 1; i < d->nentries && d->entries[i]->line <= end; i++)
        if (d->entries[i]->kind == SLOG_ENTRY_HEADING) {
            end = d->entries[i]->line - 1;
            break;
        }
    return end;
}

/* The last line of the entry's heading (a setext heading's underline, the
 * bold line that dates a heading). */
static int header_end(const view *v, const slog_entry *e, int limit)
{
    int line = e->date_line > e->line ? e->date_line : e->line;
    if (e->kind == SLOG_ENTRY_HEADING && e->setext)
        while (line < limit && !is_blank_line(v, line + 1)) {
            size_t len, i = 0;
            const char *s = line_of(v, ++line, &len);
            while (i < len && s[i] == ' ')
                i++;
            if (i < len && (s[i] == '=' || s[i] == '-'))
                break;
        }
    return line;
}

static slog_status into_existing(view *v, const slog_entry *e, const slog_append_request *req,
                                 const slog_append_options *o, plan *p)
{
    int own_end = own_part_end(v, e);
    const slog_item *last = NULL;
    for (const slog_item *it = e->items; it; it = it->next)
        if (it->line <= own_end)
            last = it;
    char prefix[64] = "- ";
    if (last) {
        p->after_line = trim_blank_end(v, last->line, last->end_line);
        leading_bullet(v, last->line, prefix, sizeof prefix);
    } else {
        /* no list yet: after the entry's own text, before any subheading */
        int head = header_end(v, e, own_end);
        p->after_line = trim_blank_end(v, head, own_end);
        if (p->after_line > head)
            slog_buf_put(&p->text, "\n", 1); /* a blank line between a paragraph and the list */
    }
    return add_items(v, req, o, e, e->date, e->label, prefix, &p->text, p);
}

/* The date found in a line of the document (its source, not its text). */
static int line_date(view *v, int line, const char **s, size_t *len, slog_found_date *f)
{
    *s = line_of(v, line, len);
    return slog_find_date(v->cfg, *s, *len, 0, 0, f);
}

/* Whether the heading line s opens with its date f: "### 2026-03-09 (Mon)". */
static int starts_with_date(const char *s, const slog_found_date *f)
{
    for (size_t i = 0; i < f->start; i++)
        if (s[i] != '#' && s[i] != ' ' && s[i] != '\t')
            return 0;
    return 1;
}

/* The request's date, to be written like `model`'s: a year-less form gets
 * the year when it is not the model's ("### Mar 10" after "### Mar 9" of
 * 2026 would read back as 2026). */
static append_when when_like(const target *t, const slog_entry *model)
{
    append_when w = t->when;
    int y = 0, m, d;
    if (model && model->date_valid)
        slog_civil_from_days(model->day, &y, &m, &d);
    w.ref_year = y;
    return w;
}

/* "## Status (2026-03-10)", or the template's own line with the date replaced. */
static void heading_like(view *v, const slog_entry *tpl, const slog_entry *style, const target *t,
                         slog_buf *out)
{
    const char *s;
    size_t len;
    slog_found_date f;
    if (tpl && tpl->kind != SLOG_ENTRY_LIST && line_date(v, tpl->date_line, &s, &len, &f)) {
        if (tpl->date_line != tpl->line) { /* a heading dated by a bold line below it */
            const char *h;
            size_t hl;
            h = line_of(v, tpl->line, &hl);
            slog_buf_put(out, h, hl);
            slog_buf_put(out, "\n", 1);
        }
        slog_buf_put(out, s, f.start);
        append_when w = when_like(t, tpl);
        append_format_date(out, s, &f, &w);
        slog_buf_put(out, s + f.end, len - f.end);
        slog_buf_put(out, "\n", 1);
        if (tpl->kind == SLOG_ENTRY_BOLD && is_blank_line(v, tpl->date_line + 1))
            slog_buf_put(out, "\n", 1); /* the template's blank line before its list */
        if (tpl->kind == SLOG_ENTRY_HEADING && tpl->setext) {
            int u = header_end(v, tpl, tpl->line + 3);
            const char *us = line_of(v, u, &len);
            slog_buf_put(out, us, len);
            slog_buf_put(out, "\n", 1);
        }
        return;
    }
    int have_style = style && line_date(v, style->date_line, &s, &len, &f);
    append_when w = when_like(t, style);
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
    if (have_style && starts_with_date(s, &f)) { /* "## 2026-03-10 — Deploy" */
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
static const slog_entry *template_entry(const target *t)
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
static int grouped(const slog_log *log)
{
    for (size_t i = 1; log && i < log->nentries; i++)
        if (log->entries[i]->heading_line != log->entries[0]->heading_line)
            return 1;
    return 0;
}

/* In a grouped log: the latest entry not later than `when` (*at, NULL for
 * none) and the earliest one (*first), wherever their groups stand. */
static void grouped_slot(const slog_log *log, const append_when *when, int newest,
                         const slog_entry **at, const slog_entry **first)
{
    *at = NULL;
    for (size_t i = 0; i < log->nentries; i++) {
        const slog_entry *e = log->entries[newest ? i : log->nentries - 1 - i];
        if (!e->date_valid)
            continue;
        if (not_later(e, when) && (!*at || slog_entry_compare(e, *at) > 0))
            *at = e;
        if (!(*first)->date_valid || slog_entry_compare(e, *first) < 0)
            *first = e;
    }
}

static void entry_slot(view *v, const slog_log *log, const append_when *when,
                       slog_entry_kind kind, int *after_line, int *gap_before, int *gap_after)
{
    const slog_entry *at = NULL;
    int newest = log && log->direction == SLOG_NEWEST_FIRST, gap = kind != SLOG_ENTRY_LIST;
    for (size_t i = 0; log && i < log->nentries; i++) {
        const slog_entry *e = log->entries[newest ? i : log->nentries - 1 - i];
        if (e->date_valid && not_later(e, when)) {
            at = e;
            break;
        }
    }
    const slog_entry *first = log && log->nentries ? log->entries[0] : NULL;
    if (grouped(log)) /* "## Week 12" above "## Week 11": by date, not by place */
        grouped_slot(log, when, newest, &at, &first);
    *gap_before = *gap_after = 0;
    if (!log || !log->nentries) { /* no entries: a new section at the end */
        int n = (int)v->text->nlines;
        *after_line = n;
        *gap_before = n && !is_blank_line(v, n);
    } else if ((newest && at) || (!newest && !at)) { /* before that entry (or the first) */
        const slog_entry *before = at ? at : first;
        *after_line = before->line - 1;
        *gap_after = gap;
    } else { /* after that entry's section (or the last one's) */
        const slog_entry *after = at ? at : log->entries[log->nentries - 1];
        touch((view *)v, after); /* its section's end */
        *after_line = trim_blank_end(v, after->line, after->end_line);
        *gap_before = gap;
    }
}

static void place(view *v, const target *t, slog_entry_kind kind, const slog_buf *body, plan *p)
{
    int before, after;
    entry_slot(v, t->log, &t->when, kind, &p->after_line, &before, &after);
    if (before)
        slog_buf_puts(&p->text, "\n");
    slog_buf_put(&p->text, body->data, body->len);
    if (after)
        slog_buf_puts(&p->text, "\n");
}

/* A log of dated list items: every item is an entry of its own,
 * "- 2026-03-10: ✅ text", written like the log's latest item. */
static slog_status as_list_entries(view *v, const target *t, const slog_append_request *req,
                                   const slog_append_options *o, plan *p)
{
    const slog_entry *tpl = t->log->entries[t->log->nentries - 1];
    const char *s;
    size_t len;
    slog_found_date f;
    if (!line_date(v, tpl->line, &s, &len, &f))
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
    append_when w = when_like(t, tpl);
    append_format_date(&prefix, s, &f, &w);
    slog_buf_put(&prefix, s + f.end, text_from - f.end);
    /* the log's items of that date: a list entry's own item has its text as
     * its label, so an item saying the same has the same id */
    item_set seen;
    if (prefix.failed || !item_set_init(&seen, req->nitems + t->log->nentries)) {
        free(prefix.data);
        return SLOG_ERR_NOMEM;
    }
    for (size_t k = 0; k < t->log->nentries; k++) {
        const slog_entry *e = t->log->entries[k];
        if (e->date_valid && e->day == t->when.day && e->items)
            item_set_add(&seen, item_key(e->items->id, e->items->state));
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
            if (item_set_add(&seen, item_key(id, it->state)) && !o->no_dedupe) {
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
        place(v, t, SLOG_ENTRY_LIST, &body, p);
    free(body.data);
    p->new_entry = p->added > 0;
    return p->text.failed ? SLOG_ERR_NOMEM : SLOG_OK;
}

static slog_status as_new_entry(view *v, const target *t, const slog_append_request *req,
                                const slog_append_options *o, plan *p)
{
    const slog_entry *tpl = template_entry(t);
    const slog_entry *style = tpl                          ? tpl
                              : t->log && t->log->nentries ? t->log->entries[t->log->nentries - 1]
                                                           : NULL;
    slog_buf body = {0};
    heading_like(v, tpl, style, t, &body);
    char date[11];
    slog_date_format(t->when.day, date);
    size_t before = body.len;
    slog_status st = add_items(v, req, o, NULL, date, t->label, "- ", &body, p);
    if (st == SLOG_OK && body.len > before)
        place(v, t, style ? style->kind : SLOG_ENTRY_HEADING, &body, p);
    p->new_entry = 1;
    free(body.data);
    return st == SLOG_OK && (p->text.failed || body.failed) ? SLOG_ERR_NOMEM : st;
}

/* --- the splice ------------------------------------------------------------------ */

/* The new text in the document's form: its line ending, and its mojibake. */
static slog_status encode_insert(const view *v, const char *text, size_t len, int need_eol_first,
                                 slog_buf *out)
{
    const char *eol = v->text->enc.first_eol == SLOG_EOL_CRLF ? "\r\n"
                      : v->text->enc.first_eol == SLOG_EOL_CR ? "\r"
                                                              : "\n";
    slog_buf lines = {0};
    if (need_eol_first)
        slog_buf_puts(&lines, eol);
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '\n')
            slog_buf_puts(&lines, eol);
        else
            slog_buf_put(&lines, text + i, 1);
    }
    if (lines.failed)
        return SLOG_ERR_NOMEM;
    if (v->text->enc.mojibake == SLOG_MOJIBAKE_NONE || !lines.len) {
        *out = lines;
        return SLOG_OK;
    }
    size_t n;
    char *enc = slog_mojibake_encode(lines.data, lines.len, v->text->enc.mojibake, &n);
    free(lines.data);
    if (!enc)
        return SLOG_ERR_NOMEM;
    *out = (slog_buf){enc, n, n + 1, 0, 0};
    return SLOG_OK;
}

static slog_status plan_request(view *v, const slog_append_request *req,
                                const slog_append_options *o, plan *p, slog_error *err)
{
    target t = {0};
    slog_status st = SLOG_OK;
    if (req->date)
        st = append_parse_when(req->date, &t.when, err);
    else {
        append_when today = {0};
        slog_date_format(slog_today(v->cfg->timezone), today.iso);
        st = append_parse_when(today.iso, &t.when, err);
    }
    if (st != SLOG_OK)
        return st;
    slog_found_date in_label;
    if (req->label && slog_find_date(v->cfg, req->label, strlen(req->label), 0, 0, &in_label))
        return slog_error_set(err, SLOG_ERR_INVALID, NULL, 0,
                              "label '%s' has a date in it: the entry would read back with that "
                              "date",
                              req->label);
    t.log = target_log(v, req->label);
    if (v->doc->nlogs && !t.log)
        return err->status;
    t.label = req->label;
    if (!t.label) {
        t.default_label = 1;
        t.label = shared_label(t.log);
        if (!t.label)
            t.label = log_kind(t.log) == SLOG_ENTRY_HEADING ? "Status" : "";
    }
    if (t.log && t.log->nentries && log_kind(t.log) == SLOG_ENTRY_LIST)
        return as_list_entries(v, &t, req, o, p);
    const slog_entry *e = existing_entry(&t);
    touch(v, e); /* its items and its end */
    return e ? into_existing(v, e, req, o, p) : as_new_entry(v, &t, req, o, p);
}

static int by_start(const void *a, const void *b)
{
    const int *x = a, *y = b;
    return (x[0] > y[0]) - (x[0] < y[0]);
}

/* The plan, made from the document's skeleton (issue 23: an edit costs
 * what it changes): the skeleton has every entry and log, so the target,
 * the date's entry and the place are found there; then the document is
 * read again with the sections the plan touched kept whole — the entry
 * extended (its items), the entry the new one follows (its end) — and the
 * plan made on that. When the second plan touches what the first did not,
 * the whole model decides. */
static slog_status plan_document(view *v, const char *raw, size_t len, slog_config *cfg,
                                 const slog_append_request *req, const slog_append_options *o,
                                 plan *p, slog_error *err)
{
    if (o->whole_model) {
        slog_status st = view_open(v, raw, len, cfg, o->filename, err);
        return st == SLOG_OK ? plan_request(v, req, o, p, err) : st;
    }
    slog_status st = view_read(v, raw, len, cfg, o->filename, 1, NULL, 0, err);
    if (st == SLOG_OK)
        st = plan_request(v, req, o, p, err);
    if (st != SLOG_OK || (!v->ntouched && !v->overflow))
        return st;
    int keep[2 * TOUCH_MAX];
    size_t nkeep = v->overflow ? 0 : v->ntouched;
    memcpy(keep, v->touched, nkeep * 2 * sizeof *keep);
    qsort(keep, nkeep, 2 * sizeof *keep, by_start);
    size_t m = 0; /* merged: sorted, not overlapping */
    for (size_t i = 0; i < nkeep; i++) {
        if (m && keep[2 * i] <= keep[2 * m - 1] + 1) {
            if (keep[2 * i + 1] > keep[2 * m - 1])
                keep[2 * m - 1] = keep[2 * i + 1];
        } else {
            keep[2 * m] = keep[2 * i];
            keep[2 * m + 1] = keep[2 * i + 1];
            m++;
        }
    }
    free(p->text.data);
    *p = (plan){0};
    view_close(v);
    if (!v->overflow)
        st = view_read(v, raw, len, cfg, o->filename, 1, keep, m, err);
    if (st == SLOG_OK && !v->overflow)
        st = plan_request(v, req, o, p, err);
    int covered = st == SLOG_OK && !v->overflow;
    for (size_t i = 0; covered && i < v->ntouched; i++) {
        int in = 0;
        for (size_t k = 0; k < m && !in; k++)
            in = keep[2 * k] <= v->touched[2 * i] && v->touched[2 * i + 1] <= keep[2 * k + 1];
        covered = in;
    }
    if (covered || st != SLOG_OK)
        return st;
    free(p->text.data);
    *p = (plan){0};
    view_close(v);
    st = view_open(v, raw, len, cfg, o->filename, err);
    return st == SLOG_OK ? plan_request(v, req, o, p, err) : st;
}

slog_status slog_append_edit(const char *raw, size_t len, const slog_append_request *req,
                             const slog_append_options *opts, slog_edit *edit,
                             slog_append_summary *summary, slog_error *err)
{
    memset(edit, 0, sizeof *edit);
    memset(summary, 0, sizeof *summary);
    slog_append_options o = {SLOG_APPEND_OPTIONS_VERSION, NULL, 0, NULL, 0};
    if (opts) /* a version 1 caller's struct ends before whole_model */
        memcpy(&o, opts,
               opts->version >= 2 ? sizeof o : offsetof(slog_append_options, whole_model));
    slog_status st = slog_append_check(req, err);
    if (st != SLOG_OK)
        return st;
    slog_config *own, *cfg;
    if ((st = slog_config_use(o.config, &own, &cfg, err)) != SLOG_OK)
        return st;

    view v;
    plan p = {0};
    st = plan_document(&v, raw, len, cfg, req, &o, &p, err);
    if (st == SLOG_OK && p.added) {
        size_t at = raw_offset(&v, p.after_line);
        int need_eol = at == len && len && raw[len - 1] != '\n' && raw[len - 1] != '\r';
        slog_buf ins = {0};
        st = encode_insert(&v, p.text.data, p.text.len, need_eol, &ins);
        if (st == SLOG_OK) {
            edit->offset = at;
            edit->insert = ins.data;
            edit->insert_len = ins.len;
            summary->line = p.after_line + 1 + need_eol;
        }
    }
    summary->added = p.added;
    summary->skipped = p.skipped;
    summary->new_entry = p.new_entry && p.added;
    free(p.text.data);
    view_close(&v);
    slog_config_free(own);
    if (st == SLOG_ERR_NOMEM)
        slog_error_set(err, st, o.filename, 0, "out of memory");
    return st;
}

slog_status slog_append_buffer(const char *raw, size_t len, const slog_append_request *req,
                               const slog_append_options *opts, char **out, size_t *out_len,
                               slog_append_summary *summary, slog_error *err)
{
    *out = NULL;
    slog_edit e;
    slog_status st = slog_append_edit(raw, len, req, opts, &e, summary, err);
    if (st != SLOG_OK)
        return st;
    *out_len = len + e.insert_len;
    *out = malloc(*out_len + 1);
    if (!*out) {
        slog_edit_free(&e);
        return slog_error_set(err, SLOG_ERR_NOMEM, opts ? opts->filename : NULL, 0,
                              "out of memory");
    }
    memcpy(*out, raw, e.offset);
    if (e.insert_len)
        memcpy(*out + e.offset, e.insert, e.insert_len);
    memcpy(*out + e.offset + e.insert_len, raw + e.offset, len - e.offset);
    (*out)[*out_len] = '\0';
    slog_edit_free(&e);
    return SLOG_OK;
}

/* --- the view for other edits (fix, merge) ------------------------------------- */

slog_status append_view_open(append_view **out, const char *raw, size_t len, slog_config *cfg,
                             const char *name, slog_error *err)
{
    *out = calloc(1, sizeof **out);
    if (!*out)
        return slog_error_set(err, SLOG_ERR_NOMEM, name, 0, "out of memory");
    slog_status st = view_open(*out, raw, len, cfg, name, err);
    if (st != SLOG_OK) {
        view_close(*out);
        free(*out);
        *out = NULL;
        if (st == SLOG_ERR_NOMEM)
            slog_error_set(err, st, name, 0, "out of memory");
    }
    return st;
}

void append_view_close(append_view *v)
{
    if (v)
        view_close(v);
    free(v);
}

const slog_doc *append_view_doc(const append_view *v)
{
    return v->doc;
}

int append_view_is_blank(const append_view *v, int line)
{
    return is_blank_line(v, line);
}

size_t append_view_offset(const append_view *v, int after_line)
{
    return raw_offset(v, after_line);
}

const slog_log *append_view_log_of(append_view *v, const char *label)
{
    return target_log(v, label);
}

const slog_log *append_view_family(append_view *v, const slog_log *log)
{
    return family_of(v, log);
}

void append_view_entry_slot(const append_view *v, const slog_log *log, const append_when *w,
                            slog_entry_kind kind, int *after_line, int *gap_before, int *gap_after)
{
    entry_slot((append_view *)v, log, w, kind, after_line, gap_before, gap_after); /* whole: no touch */
}

int append_view_items_slot(const append_view *v, const slog_entry *e, int *blank_first)
{
    int own_end = own_part_end(v, e);
    const slog_item *last = NULL;
    for (const slog_item *it = e->items; it; it = it->next)
        if (it->line <= own_end)
            last = it;
    *blank_first = 0;
    if (last)
        return trim_blank_end(v, last->line, last->end_line);
    int head = header_end(v, e, own_end);
    int after = trim_blank_end(v, head, own_end);
    *blank_first = after > head;
    return after;
}

int append_view_header_end(const append_view *v, const slog_entry *e)
{
    return header_end(v, e, e->end_line);
}

int append_view_section_end(const append_view *v, const slog_entry *e)
{
    return trim_blank_end(v, e->line, e->end_line);
}

slog_status append_view_encode(const append_view *v, const char *text, size_t len, int eol_first,
                               slog_buf *out)
{
    return encode_insert(v, text, len, eol_first, out);
}
