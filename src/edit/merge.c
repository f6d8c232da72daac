/* SPDX-License-Identifier: BSD-2-Clause */
/* merge (SPEC §8): a three-way merge of status logs for git. The result is
 * OURS with every entry and item THEIRS added since BASE placed as append
 * places them, THEIRS' ticks and rewordings applied, and conflict markers
 * around an item only where both sides reworded it differently. OURS is
 * spliced, never re-rendered: its line endings, BOM and encoding stay.
 *
 * What the structured merge does not carry (a change outside entries, an
 * edited paragraph, a new checklist item outside an entry) is caught by a
 * check: every line THEIRS added must be in the result. When one is not —
 * or a side has no dated entries — the merge is git's own line merge
 * (`git merge-file`), so installing the driver broadly loses nothing. */
#define _GNU_SOURCE /* memmem */
#include "statuslog/edit.h"
#include "tempfile.h"

#include "merge_internal.h"

#include "append_internal.h"
#include "doc_internal.h"
#include "splice.h"
#include "statuslog/check.h"
#include "statuslog/parse.h"
#include "text.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* --- one side ----------------------------------------------------------------- */

/* The whole model (keep NULL), or the skeleton's with the nkeep ranges of
 * keep whole. */
static slog_status side_open(side *s, const char *raw, size_t len, slog_config *cfg,
                             const char *name, const int *keep, size_t nkeep, slog_error *err)
{
    memset(s, 0, sizeof *s);
    s->raw = raw;
    s->len = len;
    /* a first reading from the skeleton keeps the end whole besides */
    slog_status st = keep && !nkeep
                         ? append_view_open_tail(&s->v, raw, len, cfg, name, err)
                         : append_view_open(&s->v, raw, len, cfg, name, keep, nkeep, err);
    if (st != SLOG_OK)
        return st;
    s->d = append_view_doc(s->v);
    if (merge_keyed_build(&s->k, s->d) != 0)
        return slog_error_set(err, SLOG_ERR_NOMEM, name, 0, "out of memory");
    return SLOG_OK;
}

static void side_close(side *s)
{
    append_view_close(s->v);
    merge_keyed_free(&s->k);
    memset(s, 0, sizeof *s);
}

/* Lines [first, last] of a side as clean UTF-8 with LF line ends. */
static void decoded_lines(const side *s, int first, int last, slog_buf *out)
{
    const slog_text *t = &s->d->priv->text;
    for (int l = first; l <= last; l++) {
        size_t n;
        const char *p = slog_text_line(t, l, &n);
        slog_buf_put(out, p, n);
        slog_buf_put(out, "\n", 1);
    }
}

/* --- the merge ------------------------------------------------------------------ */

/* `text` (LF) in OURS' form, inserted after OURS' line `after`. */
static void insert_text(merger *m, int after, const char *text, size_t len)
{
    size_t at = append_view_offset(m->ours.v, after);
    int eol_first = at == m->ours.len && m->ours.len && m->ours.raw[m->ours.len - 1] != '\n' &&
                    m->ours.raw[m->ours.len - 1] != '\r';
    slog_buf enc = {0};
    if (append_view_encode(m->ours.v, text, len, eol_first, &enc) != SLOG_OK) {
        m->failed = 1;
        return;
    }
    slog_splices_insert(&m->sp, at, enc.data, enc.len);
    free(enc.data);
}

static int entry_has(const slog_entry *e, uint32_t id)
{
    for (const slog_item *it = e ? e->items : NULL; it; it = it->next)
        if (it->id == id)
            return 1;
    return 0;
}

/* Items of THEIRS' entry `t` that OURS' `o` lacks go after o's last item. */
static void add_items(merger *m, const slog_entry *t, const slog_entry *o, const slog_entry *b,
                      const unsigned char *reworded)
{
    slog_buf text = {0};
    for (const slog_item *it = t->items; it; it = it->next) {
        if (it->line <= t->line && t->kind == SLOG_ENTRY_LIST)
            continue;
        if (entry_has(b, it->id) || entry_has(o, it->id) || (reworded && reworded[it->index]))
            continue; /* in BASE (OURS may have dropped it), in OURS, or a rewording */
        decoded_lines(&m->theirs, it->line, it->end_line, &text);
        m->s->items_added++;
    }
    if (text.len) {
        int blank_first = 0;
        int after = o->kind == SLOG_ENTRY_LIST ? append_view_section_end(m->ours.v, o)
                                               : append_view_items_slot(m->ours.v, o, &blank_first);
        slog_buf all = {0};
        if (blank_first && !m->started[o->index])
            slog_buf_puts(&all, "\n");
        slog_buf_put(&all, text.data, text.len);
        insert_text(m, after, all.data, all.len);
        m->started[o->index] = 1;
        m->failed |= all.failed;
        free(all.data);
    }
    m->failed |= text.failed;
    free(text.data);
}

/* The log of OURS where THEIRS' new entry `t` goes, or NULL with *after set
 * when it goes at the end of a section (a parent with no dated children). */
static const slog_log *ours_log(merger *m, const slog_entry *t, int *after)
{
    *after = -1;
    if (t->parent) {
        const slog_entry *op = merge_match(&m->theirs.k, &m->ours.k, t->parent);
        if (!op)
            return append_view_log_of(m->ours.v, t->label);
        for (size_t i = op->index + 1; i < m->ours.d->nentries; i++) {
            const slog_entry *c = m->ours.d->entries[i];
            if (c->line > op->end_line)
                break;
            if (c->parent == op)
                return append_view_family(m->ours.v, c->log);
        }
        *after = append_view_section_end(m->ours.v, op);
        return NULL;
    }
    /* a sibling in THEIRS that OURS has too names the log */
    for (size_t i = 0; t->log && i < t->log->nentries; i++) {
        const slog_entry *o = merge_match(&m->theirs.k, &m->ours.k, t->log->entries[i]);
        if (o && o->log)
            return append_view_family(m->ours.v, o->log);
    }
    return append_view_log_of(m->ours.v, t->label);
}

static void add_entry(merger *m, const slog_entry *t)
{
    int after, gap_before = 0, gap_after = 0;
    const slog_log *log = ours_log(m, t, &after);
    if (log || after < 0) {
        append_when w = {0};
        w.day = t->day;
        w.seconds = t->seconds;
        append_view_entry_slot(m->ours.v, log, &w, t->kind, &after, &gap_before, &gap_after);
    } else {
        gap_before = t->kind != SLOG_ENTRY_LIST;
    }
    slog_buf text = {0};
    if (gap_before)
        slog_buf_puts(&text, "\n");
    decoded_lines(&m->theirs, t->line, t->end_line, &text);
    if (gap_after)
        slog_buf_puts(&text, "\n");
    insert_text(m, after, text.data, text.len);
    m->failed |= text.failed;
    free(text.data);
    m->s->entries_added++;
}

/* The item of `in` most like `old` among those not in `base`, at a
 * similarity of at least SLOG_REWORD_THRESHOLD: its rewording. */
static const slog_item *rewording(const slog_entry *in, const slog_entry *base,
                                  const slog_item *old)
{
    const slog_item *best = NULL;
    double top = SLOG_REWORD_THRESHOLD;
    for (const slog_item *it = in ? in->items : NULL; it; it = it->next) {
        if (entry_has(base, it->id))
            continue;
        double sim = slog_text_similarity(old->text, it->text);
        if (sim >= top) {
            top = sim;
            best = it;
        }
    }
    return best;
}

static void replace_item(merger *m, const slog_item *o, const slog_buf *with)
{
    size_t from = append_view_offset(m->ours.v, o->line - 1);
    size_t to = append_view_offset(m->ours.v, o->end_line);
    slog_splices_delete(&m->sp, from, to);
    insert_text(m, o->line - 1, with->data, with->len);
}

/* Items of BASE that THEIRS reworded: the rewording goes into OURS where
 * OURS kept the item; where OURS reworded it differently, conflict markers
 * around that item. reworded[] marks THEIRS' rewordings (not additions). */
static void rewordings(merger *m, const slog_entry *b, const slog_entry *t, const slog_entry *o,
                       unsigned char *reworded)
{
    for (const slog_item *bi = b->items; bi; bi = bi->next) {
        if (entry_has(t, bi->id))
            continue;
        const slog_item *ti = rewording(t, b, bi);
        if (!ti)
            continue; /* THEIRS dropped it: a log keeps what it said */
        reworded[ti->index] = 1;
        const slog_item *oi = NULL;
        for (const slog_item *it = o->items; it && !oi; it = it->next)
            if (it->id == bi->id)
                oi = it;
        slog_buf theirs = {0};
        decoded_lines(&m->theirs, ti->line, ti->end_line, &theirs);
        if (oi) { /* OURS kept it: THEIRS' wording */
            replace_item(m, oi, &theirs);
            m->s->items_reworded++;
        } else if ((oi = rewording(o, b, bi)) && strcmp(oi->text, ti->text) != 0) {
            slog_buf c = {0};
            slog_buf_puts(&c, "<<<<<<< ours\n");
            decoded_lines(&m->ours, oi->line, oi->end_line, &c);
            slog_buf_puts(&c, "=======\n");
            slog_buf_put(&c, theirs.data, theirs.len);
            slog_buf_puts(&c, ">>>>>>> theirs\n");
            replace_item(m, oi, &c);
            m->failed |= c.failed;
            free(c.data);
            m->s->conflicts++;
        }
        m->failed |= theirs.failed;
        free(theirs.data);
    }
}

/* Boxes THEIRS ticked (unchecked in BASE) are ticked in OURS. */
static void ticks(merger *m)
{
    const slog_doc *b = m->base.d, *t = m->theirs.d, *o = m->ours.d;
    for (size_t i = 0; i < t->nchecklists; i++) {
        const slog_checklist_item *tc = &t->checklists[i];
        if (!tc->checked)
            continue;
        int was_open = 0;
        for (size_t k = 0; k < b->nchecklists && !was_open; k++)
            was_open = !b->checklists[k].checked && !strcmp(b->checklists[k].id, tc->id);
        if (!was_open)
            continue;
        for (size_t k = 0; k < o->nchecklists; k++) {
            const slog_checklist_item *oc = &o->checklists[k];
            if (oc->checked || strcmp(oc->id, tc->id) != 0)
                continue;
            size_t from = append_view_offset(m->ours.v, oc->line - 1);
            size_t to = append_view_offset(m->ours.v, oc->line);
            const char *box = memmem(m->ours.raw + from, to - from, "[ ]", 3);
            if (box) {
                size_t at = (size_t)(box - m->ours.raw);
                slog_splices_delete(&m->sp, at + 1, at + 2);
                slog_splices_insert(&m->sp, at + 1, "x", 1);
                m->s->ticks++;
            }
            break;
        }
    }
}

static int new_ancestor(const merger *m, const slog_entry *t)
{
    for (const slog_entry *p = t->parent; p; p = p->parent)
        if (!merge_match(&m->theirs.k, &m->base.k, p) && !merge_match(&m->theirs.k, &m->ours.k, p))
            return 1;
    return 0;
}

static void merge_entries(merger *m)
{
    const slog_doc *t = m->theirs.d;
    unsigned char *reworded = calloc(t->nitems_total + 1, 1);
    if (!reworded) {
        m->failed = 1;
        return;
    }
    for (size_t i = 0; i < t->nentries && !m->failed; i++) {
        const slog_entry *te = t->entries[i];
        if (!te->date_valid || new_ancestor(m, te))
            continue; /* goes with its new parent */
        const slog_entry *b = merge_match(&m->theirs.k, &m->base.k, te);
        const slog_entry *o = merge_match(&m->theirs.k, &m->ours.k, te);
        if (!b && !o)
            add_entry(m, te);
        else if (o) {
            if (b)
                rewordings(m, b, te, o, reworded);
            add_items(m, te, o, b, reworded);
        } /* else OURS removed an entry BASE had: it stays removed */
    }
    free(reworded);
}

/* --- reading only what changed (issue 23) ------------------------------------------ */

/* Where THEIRS' line `line` was in BASE when it is unchanged, else 0. */
static size_t base_line_of(const merge_change *c, int line)
{
    size_t l = (size_t)line;
    if (l <= c->prefix)
        return l;
    if (l > c->theirs_lines - c->suffix)
        return l - c->theirs_lines + c->base_lines;
    return 0;
}

/* Whether THEIRS' entry t must be read whole: its own part (its section
 * up to its first entry inside) holds a changed line, or it matches no
 * entry of BASE at the place its unchanged lines came from (a new entry, a
 * rank moved). */
static int changed_entry(const merger *m, const merge_change *c, const slog_entry *t)
{
    const slog_doc *d = m->theirs.d;
    size_t first_changed = c->prefix + 1, last_changed = c->theirs_lines - c->suffix;
    /* its own part ends before the next entry, inside it or not: only the
     * entries around the change are asked for their section's end */
    const slog_entry *next = t->index + 1 < d->nentries ? d->entries[t->index + 1] : NULL;
    if ((size_t)t->line <= last_changed && (!next || (size_t)next->line > first_changed)) {
        int own_end = append_view_section_last(m->theirs.v, t);
        if (next && next->line <= own_end)
            own_end = next->line - 1; /* its first entry inside */
        if ((size_t)own_end >= first_changed)
            return 1;
    }
    const slog_entry *b = merge_match(&m->theirs.k, &m->base.k, t);
    return !b || (size_t)b->line != base_line_of(c, t->line);
}

/* Notes the sections the merge reads whole: THEIRS' changed entries, their
 * matches in BASE and OURS, and the parent in OURS a new entry goes under.
 * -1 when THEIRS ticked a box (ticks compare every checklist). */
static int touch_changed(merger *m, const merge_change *c)
{
    for (size_t l = c->prefix + 1; l <= c->theirs_lines - c->suffix; l++) {
        size_t n;
        const char *s = slog_text_line(&m->theirs.d->priv->text, (int)l, &n);
        if (memmem(s, n, "[x]", 3) || memmem(s, n, "[X]", 3))
            return -1;
    }
    const slog_doc *t = m->theirs.d;
    for (size_t i = 0; i < t->nentries; i++) {
        const slog_entry *te = t->entries[i];
        if (!te->date_valid || !changed_entry(m, c, te))
            continue;
        append_view_touch(m->theirs.v, te);
        append_view_touch(m->base.v, merge_match(&m->theirs.k, &m->base.k, te));
        append_view_touch(m->ours.v, merge_match(&m->theirs.k, &m->ours.k, te));
        if (te->parent)
            append_view_touch(m->ours.v, merge_match(&m->theirs.k, &m->ours.k, te->parent));
    }
    return 0;
}

static void close_sides(merger *m)
{
    side_close(&m->base);
    side_close(&m->ours);
    side_close(&m->theirs);
}

static slog_status open_sides(merger *m, const char *const raw[3], const size_t len[3],
                              slog_config *cfg, const char *name, int keep[3][APPEND_VIEW_KEEP],
                              const int nkeep[3], slog_error *err)
{
    side *sides[3] = {&m->base, &m->ours, &m->theirs};
    slog_status st = SLOG_OK;
    for (int i = 0; i < 3 && st == SLOG_OK; i++)
        st = side_open(sides[i], raw[i], len[i], cfg, name, keep ? keep[i] : NULL,
                       nkeep ? (size_t)nkeep[i] : 0, err);
    return st;
}

/* Forgets the edits made (a trial merge, or one on a reading that fell short). */
static void merger_reset_edits(merger *m)
{
    free(m->started);
    m->started = NULL;
    slog_splices_free(&m->sp);
    memset(&m->sp, 0, sizeof m->sp);
    m->failed = 0;
    memset(m->s, 0, sizeof *m->s);
}

/* Opens the three sides from their skeletons with what the merge reads of
 * them whole (*thin = 1), or whole (*thin = 0): when THEIRS ticked a box,
 * or more sections are read than a skeleton keeps. */
static slog_status open_thin(merger *m, const char *const raw[3], const size_t len[3],
                             slog_config *cfg, const char *name, int keep[3][APPEND_VIEW_KEEP],
                             int nkeep[3], int guessed[3], int *thin, slog_error *err)
{
    *thin = 0;
    int none[3] = {0, 0, 0};
    slog_status st = open_sides(m, raw, len, cfg, name, keep, none, err);
    if (st != SLOG_OK)
        return st;
    merge_change c = merge_what_changed(&m->base.d->priv->text, &m->theirs.d->priv->text);
    *thin = touch_changed(m, &c) == 0;
    if (*thin && m->ours.d->nentries && m->theirs.d->nentries) {
        /* a trial merge notes what placing THEIRS' entries in OURS reads */
        m->started = calloc(m->ours.d->nentries + 1, 1);
        m->failed = !m->started;
        merge_entries(m);
        *thin = !m->failed && !m->sp.failed;
        merger_reset_edits(m);
    }
    side *sides[3] = {&m->base, &m->ours, &m->theirs};
    for (int i = 0; i < 3 && *thin; i++)
        *thin = (nkeep[i] = append_view_touched(sides[i]->v, keep[i])) >= 0;
    if (!*thin) {
        close_sides(m);
        return open_sides(m, raw, len, cfg, name, NULL, NULL, err);
    }
    /* a side with nothing to read whole stays as it is read, and so does
     * one whose first reading had it whole (guessed[i]) */
    for (int i = 0; i < 3 && st == SLOG_OK; i++) {
        if (!nkeep[i] || (guessed[i] = append_view_guessed(sides[i]->v))) {
            append_view_untouch(sides[i]->v);
            continue;
        }
        side_close(sides[i]);
        st = side_open(sides[i], raw[i], len[i], cfg, name, keep[i], (size_t)nkeep[i], err);
    }
    if (st == SLOG_OK) { /* the same reading of the change, noted again */
        c = merge_what_changed(&m->base.d->priv->text, &m->theirs.d->priv->text);
        touch_changed(m, &c);
    }
    return st;
}

/* Whether every section the merge read whole was kept whole. */
static int thin_held(const merger *m, int keep[3][APPEND_VIEW_KEEP], const int nkeep[3],
                     const int guessed[3])
{
    const side *sides[3] = {&m->base, &m->ours, &m->theirs};
    for (int i = 0; i < 3; i++)
        if (guessed[i] ? !append_view_guessed(sides[i]->v)
                       : !append_view_touched_within(sides[i]->v, keep[i], (size_t)nkeep[i]))
            return 0;
    return 1;
}

/* The structured merge on the open sides: *out, or NULL when it is not the
 * merge (a side without entries or with bytes that are not UTF-8, or a
 * change it does not carry). */
static slog_status structured(merger *m, const char *ours, size_t ours_len, const char *name,
                              char **out, size_t *out_len, slog_error *err)
{
    *out = NULL;
    /* bytes that are no UTF-8 (a Latin-1 résumé) cannot pass through the
     * decoded text the structured merge copies: git keeps them exactly */
    if (!m->ours.d->nentries || !m->theirs.d->nentries || m->base.d->encoding.invalid_utf8 ||
        m->ours.d->encoding.invalid_utf8 || m->theirs.d->encoding.invalid_utf8)
        return SLOG_OK;
    m->started = calloc(m->ours.d->nentries + 1, 1);
    m->failed = !m->started;
    merge_entries(m);
    ticks(m);
    if (m->failed || m->sp.failed)
        return slog_error_set(err, SLOG_ERR_NOMEM, name, 0, "out of memory");
    if (!(*out = slog_splices_apply(&m->sp, ours, ours_len, out_len)))
        return slog_error_set(err, SLOG_ERR_NOMEM, name, 0, "out of memory");
    if (!merge_carries_theirs(m, *out, *out_len)) {
        free(*out); /* a change the structured merge does not carry */
        *out = NULL;
    }
    return SLOG_OK;
}

/* The structured merge reads the three sides from their skeletons (every
 * entry and log at the cost of a line scan) and whole only the entries
 * THEIRS changed, their matches, and where OURS takes them; when it read
 * more than that, or THEIRS ticked a box, it reads the sides whole. */
slog_status slog_merge_buffers(const char *base, size_t base_len, const char *ours, size_t ours_len,
                               const char *theirs, size_t theirs_len,
                               const slog_merge_options *opts, char **out, size_t *out_len,
                               slog_merge_summary *summary, slog_error *err)
{
    *out = NULL;
    memset(summary, 0, sizeof *summary);
    slog_merge_options o = {SLOG_MERGE_OPTIONS_VERSION, NULL, NULL, 0};
    if (opts) /* a version 1 caller's struct ends before whole_model */
        memcpy(&o, opts, opts->version >= 2 ? sizeof o : offsetof(slog_merge_options, whole_model));
    const char *name = o.filename ? o.filename : "<merge>";
    slog_config *own, *cfg;
    slog_status st = slog_config_use(o.config, &own, &cfg, err);
    if (st != SLOG_OK)
        return st;
    merger m = {0};
    m.o = &o;
    m.s = summary;
    const char *const raw[3] = {base, ours, theirs};
    const size_t len[3] = {base_len, ours_len, theirs_len};
    int keep[3][APPEND_VIEW_KEEP] = {{0}}, nkeep[3] = {0, 0, 0}, guessed[3] = {0, 0, 0};
    int thin = 0;
    st = o.whole_model ? open_sides(&m, raw, len, cfg, name, NULL, NULL, err)
                       : open_thin(&m, raw, len, cfg, name, keep, nkeep, guessed, &thin, err);
    if (st == SLOG_OK)
        st = structured(&m, ours, ours_len, name, out, out_len, err);
    if (st == SLOG_OK && thin && !thin_held(&m, keep, nkeep, guessed)) {
        free(*out); /* it read what the skeleton left out: again, whole */
        *out = NULL;
        merger_reset_edits(&m);
        close_sides(&m);
        st = open_sides(&m, raw, len, cfg, name, NULL, NULL, err);
        if (st == SLOG_OK)
            st = structured(&m, ours, ours_len, name, out, out_len, err);
    }
    if (st == SLOG_OK && !*out) {
        size_t kept_conflicts = 0;
        memset(summary, 0, sizeof *summary);
        summary->line_merge = 1;
        st = merge_by_lines(base, base_len, ours, ours_len, theirs, theirs_len, name, out, out_len,
                            &kept_conflicts, err);
        summary->conflicts = kept_conflicts;
    }
    free(m.started);
    slog_splices_free(&m.sp);
    close_sides(&m);
    slog_config_free(own);
    return st;
}

slog_status slog_merge_files(const char *base, const char *ours, const char *theirs,
                             const slog_merge_options *opts, slog_merge_summary *summary,
                             slog_error *err)
{
    char *b = NULL, *o = NULL, *t = NULL, *out = NULL;
    size_t bl = 0, ol = 0, tl = 0, outl = 0;
    slog_status st = slog_read_file(base, &b, &bl, err);
    if (st == SLOG_OK)
        st = slog_read_file(ours, &o, &ol, err);
    if (st == SLOG_OK)
        st = slog_read_file(theirs, &t, &tl, err);
    if (st == SLOG_OK)
        st = slog_merge_buffers(b, bl, o, ol, t, tl, opts, &out, &outl, summary, err);
    if (st == SLOG_OK)
        st = slog_write_file_atomic(ours, out, outl, err);
    free(b);
    free(o);
    free(t);
    free(out);
    return st;
}
