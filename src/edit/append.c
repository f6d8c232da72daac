/* SPDX-License-Identifier: BSD-2-Clause */
/* append: where new items go (SPEC §4), and the splice.
 *
 * The document is read into the model (without threads); the items go into
 * an entry of the request's date and label, or a new entry of the log's own
 * kind and style, placed in the log's direction. The document is never
 * re-rendered: the new text is built in clean UTF-8, given the document's
 * line endings (and its mojibake, if it has any) and inserted at a line
 * boundary of the original bytes. */
#include "append_plan.h"
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

/* --- the target -------------------------------------------------------------------- */

/* The entries a new entry is placed among: the log's, and those of the logs
 * of the same kind beside it (the same enclosing dated entry, level and
 * kind) — "## Week 12" and "## Week 11" each hold a log of their days, and
 * a new day goes where its date puts it across them. In the log's
 * direction. NULL when out of memory (reported in v->err). */
const slog_log *ap_family_of(view *v, const slog_log *log)
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
const slog_log *ap_target_log(view *v, const char *label)
{
    const slog_doc *d = v->doc;
    const slog_log *best = NULL;
    for (size_t i = d->nentries; label && i-- > 0 && !best;)
        if (!strcmp(d->entries[i]->label, label))
            best = d->entries[i]->log;
    for (size_t l = 0; l < d->nlogs && (!best || best->nentries < d->logs[l].nentries); l++)
        if (!label || !best)
            best = &d->logs[l];
    return ap_family_of(v, best);
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
int ap_not_later(const slog_entry *e, const append_when *w)
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

void ap_leading_bullet(const view *v, int line, char *prefix, size_t size)
{
    size_t len;
    const char *s = ap_line_of(v, line, &len);
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t') && i + 3 < size)
        i++;
    char bullet = i < len && (s[i] == '*' || s[i] == '+') ? s[i] : '-';
    memcpy(prefix, s, i);
    prefix[i] = bullet;
    prefix[i + 1] = ' ';
    prefix[i + 2] = '\0';
}

uint64_t ap_item_key(uint32_t id, slog_state state)
{
    return (uint64_t)id << 4 | (uint64_t)state;
}

/* Adds a key; 1 when it was there already, -1 out of memory. */
int ap_item_set_add(item_set *s, uint64_t key)
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

int ap_item_set_init(item_set *s, size_t n)
{
    s->cap = 16;
    while (s->cap < 2 * n + 2)
        s->cap *= 2;
    s->slots = calloc(s->cap, sizeof *s->slots);
    return s->slots != NULL;
}

/* Adds the request's items to `out`, skipping those already in `existing`
 * (the entry of the same date and label) or earlier in the request. */
slog_status ap_add_items(view *v, const slog_append_request *req, const slog_append_options *o,
                         const slog_entry *existing, const char *date, const char *label,
                         const char *prefix, slog_buf *out, plan *p)
{
    item_set seen;
    if (!ap_item_set_init(&seen, req->nitems + (existing ? existing->nitems : 0)))
        return SLOG_ERR_NOMEM;
    for (const slog_item *it = existing ? existing->items : NULL; it; it = it->next)
        ap_item_set_add(&seen, ap_item_key(it->id, it->state));
    slog_status st = SLOG_OK;
    for (size_t i = 0; st == SLOG_OK && i < req->nitems; i++) {
        const slog_append_item *it = &req->items[i];
        slog_buf lines = {0}, folded = {0};
        append_item_lines(&lines, &folded, prefix, append_marker(v->cfg, it->state), it->text);
        if (lines.failed || folded.failed || !folded.data) {
            st = SLOG_ERR_NOMEM;
        } else {
            uint32_t id = slog_item_hash(date, label, folded.data);
            if (ap_item_set_add(&seen, ap_item_key(id, it->state)) && !o->no_dedupe) {
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
int ap_own_part_end(const view *v, const slog_entry *e)
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
int ap_header_end(const view *v, const slog_entry *e, int limit)
{
    int line = e->date_line > e->line ? e->date_line : e->line;
    if (e->kind == SLOG_ENTRY_HEADING && e->setext)
        while (line < limit && !ap_is_blank_line(v, line + 1)) {
            size_t len, i = 0;
            const char *s = ap_line_of(v, ++line, &len);
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
    int own_end = ap_own_part_end(v, e);
    const slog_item *last = NULL;
    for (const slog_item *it = e->items; it; it = it->next)
        if (it->line <= own_end)
            last = it;
    char prefix[64] = "- ";
    if (last) {
        p->after_line = ap_trim_blank_end(v, last->line, last->end_line);
        ap_leading_bullet(v, last->line, prefix, sizeof prefix);
    } else {
        /* no list yet: after the entry's own text, before any subheading */
        int head = ap_header_end(v, e, own_end);
        p->after_line = ap_trim_blank_end(v, head, own_end);
        if (p->after_line > head)
            slog_buf_put(&p->text, "\n", 1); /* a blank line between a paragraph and the list */
    }
    return ap_add_items(v, req, o, e, e->date, e->label, prefix, &p->text, p);
}

/* --- the splice ------------------------------------------------------------------ */

/* The new text in the document's form: its line ending, and its mojibake. */
slog_status ap_encode_insert(const view *v, const char *text, size_t len, int need_eol_first,
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
    t.log = ap_target_log(v, req->label);
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
        return ap_as_list_entries(v, &t, req, o, p);
    const slog_entry *e = existing_entry(&t);
    ap_touch(v, e); /* its items and its end */
    return e ? into_existing(v, e, req, o, p) : ap_as_new_entry(v, &t, req, o, p);
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
        slog_status st = ap_view_open(v, raw, len, cfg, o->filename, err);
        return st == SLOG_OK ? plan_request(v, req, o, p, err) : st;
    }
    /* the first reading keeps whole what the plan most likely touches: the
     * sections whose heading has the request's date, and the end of the
     * document (the newest entry of an oldest-first log) */
    slog_skeleton_guess guess = {0};
    append_when w;
    char day[11]; /* the request's day, as an ISO date a heading may hold */
    slog_date_format(slog_today(cfg->timezone), day);
    guess.tail = 1;
    if (append_parse_when(req->date ? req->date : day, &w, NULL) == SLOG_OK) {
        slog_date_format(w.day, day);
        guess.mention = day;
    }
    slog_status st = ap_view_read(v, raw, len, cfg, o->filename, 1, NULL, 0, &guess, err);
    if (st == SLOG_OK)
        st = plan_request(v, req, o, p, err);
    if (st != SLOG_OK || (!v->ntouched && !v->overflow) || ap_touched_guessed(v))
        return st;
    int keep[2 * TOUCH_MAX];
    int m = ap_touched_ranges(v, keep);
    free(p->text.data);
    *p = (plan){0};
    ap_view_close(v);
    int covered = 0;
    if (m >= 0) {
        st = ap_view_read(v, raw, len, cfg, o->filename, 1, keep, (size_t)m, NULL, err);
        if (st == SLOG_OK)
            st = plan_request(v, req, o, p, err);
        covered = st == SLOG_OK && ap_touched_within(v, keep, (size_t)m);
    }
    if (covered || st != SLOG_OK)
        return st;
    free(p->text.data);
    *p = (plan){0};
    ap_view_close(v);
    st = ap_view_open(v, raw, len, cfg, o->filename, err);
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
        size_t at = ap_raw_offset(&v, p.after_line);
        int need_eol = at == len && len && raw[len - 1] != '\n' && raw[len - 1] != '\r';
        slog_buf ins = {0};
        st = ap_encode_insert(&v, p.text.data, p.text.len, need_eol, &ins);
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
    ap_view_close(&v);
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
