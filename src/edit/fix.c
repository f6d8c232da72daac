/* SPDX-License-Identifier: BSD-2-Clause */
/* fix (SPEC §7): undo mojibake, move the entries entry-order reports to the
 * place its message names, merge duplicate entries into the first. Each
 * repair reads the document (as append does) and splices its bytes: whole
 * lines are moved, inserted or deleted, and every other byte is kept. */
#include "statuslog/edit.h"

#include "append_internal.h"
#include "doc_internal.h"
#include "lint_internal.h"
#include "order.h"
#include "splice.h"
#include "text.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    append_view *v;
    const slog_doc *d;
    const char *raw;
    size_t len;
    const char *eol; /* the document's line ending, in its encoding */
    slog_splices sp;
} fixer;

/* The bytes of lines [first, last] of the original, ending with a line end. */
static void copy_lines(fixer *f, int first, int last, slog_buf *out)
{
    size_t from = append_view_offset(f->v, first - 1), to = append_view_offset(f->v, last);
    slog_buf_put(out, f->raw + from, to - from);
    if (out->len && out->data[out->len - 1] != '\n' && out->data[out->len - 1] != '\r')
        slog_buf_puts(out, f->eol); /* the file's last line, without its line end */
}

static void delete_lines(fixer *f, int first, int last)
{
    slog_splices_delete(&f->sp, append_view_offset(f->v, first - 1),
                        append_view_offset(f->v, last));
}

/* An entry's lines with the blank lines after it (up to what follows); at
 * the end of the file, with the blank lines before it instead, so that the
 * file does not end in blank lines. */
static void delete_entry(fixer *f, const slog_entry *e)
{
    int last = e->end_line, n = (int)f->d->nlines, first = e->line;
    /* the blank lines after a dated list item or line end its list (the
     * next heading keeps them); those after a section are its own */
    while (e->kind != SLOG_ENTRY_LIST && last < n && append_view_is_blank(f->v, last + 1))
        last++;
    if (last == n)
        while (first > 1 && append_view_is_blank(f->v, first - 1))
            first--;
    delete_lines(f, first, last);
}

static void insert_after(fixer *f, int line, const slog_buf *text)
{
    size_t at = append_view_offset(f->v, line);
    slog_buf fixed = {0};
    /* after the file's last line when that has no line end */
    if (at == f->len && f->len && f->raw[f->len - 1] != '\n' && f->raw[f->len - 1] != '\r')
        slog_buf_puts(&fixed, f->eol);
    slog_buf_put(&fixed, text->data, text->len);
    slog_splices_insert(&f->sp, at, fixed.data, fixed.len);
    if (fixed.failed)
        f->sp.failed = 1;
    free(fixed.data);
}

/* The whole model (keep NULL), or the skeleton's with the nkeep ranges of
 * keep whole (keep not NULL, nkeep may be 0). */
static int fixer_open(fixer *f, const char *raw, size_t len, slog_config *cfg, const char *name,
                      const int *keep, size_t nkeep, slog_error *err)
{
    memset(f, 0, sizeof *f);
    f->raw = raw;
    f->len = len;
    /* a first reading from the skeleton keeps the end whole besides */
    slog_status st = keep && !nkeep
                         ? append_view_open_tail(&f->v, raw, len, cfg, name, err)
                         : append_view_open(&f->v, raw, len, cfg, name, keep, nkeep, err);
    if (st != SLOG_OK)
        return -1;
    f->d = append_view_doc(f->v);
    slog_buf eol = {0};
    if (append_view_encode(f->v, "\n", 1, 0, &eol) != SLOG_OK) {
        append_view_close(f->v);
        f->v = NULL;
        slog_error_set(err, SLOG_ERR_NOMEM, name, 0, "out of memory");
        return -1;
    }
    f->eol = eol.data;
    return 0;
}

static void fixer_close(fixer *f)
{
    append_view_close(f->v);
    free((char *)f->eol);
    slog_splices_free(&f->sp);
}

/* Applies the splices: *cur becomes the new bytes. */
static slog_status fixer_apply(fixer *f, char **cur, size_t *cur_len)
{
    size_t n;
    char *next = slog_splices_apply(&f->sp, f->raw, f->len, &n);
    if (!next)
        return SLOG_ERR_NOMEM;
    free(*cur);
    *cur = next;
    *cur_len = n;
    return SLOG_OK;
}

static int inside(const slog_entry *e, const slog_entry *ancestor)
{
    for (const slog_entry *p = e->parent; p; p = p->parent)
        if (p == ancestor)
            return 1;
    return 0;
}

/* --- encoding -------------------------------------------------------------- */

/* The repaired text of a double-encoded document (its BOM kept). */
static slog_status repair_encoding(char **cur, size_t *len, int *done)
{
    slog_text t;
    if (slog_text_decode(&t, *cur, *len) != SLOG_OK)
        return SLOG_ERR_NOMEM;
    *done = t.enc.mojibake != SLOG_MOJIBAKE_NONE;
    slog_status st = SLOG_OK;
    if (*done) {
        size_t bom = t.enc.bom ? 3 : 0, n = bom + t.len;
        char *out = malloc(n + 1);
        if (out) {
            memcpy(out, "\xEF\xBB\xBF", bom);
            memcpy(out + bom, t.data, t.len);
            out[n] = '\0';
            free(*cur);
            *cur = out;
            *len = n;
        } else {
            st = SLOG_ERR_NOMEM;
        }
    }
    slog_text_free(&t);
    return st;
}

/* --- duplicates ------------------------------------------------------------ */

static int has_id(const slog_entry *e, uint32_t id, const uint32_t *moved, size_t nmoved)
{
    for (const slog_item *it = e->items; it; it = it->next)
        if (it->id == id)
            return 1;
    for (size_t i = 0; i < nmoved; i++)
        if (moved[i] == id)
            return 1;
    return 0;
}

/* An item of a duplicate carries its entry's date and label in its id, as
 * the same text in the first entry does: equal ids are the same item. */
static slog_status merge_one(fixer *f, const slog_entry *first, const slog_entry *dup,
                             char *started, uint32_t **moved, size_t *nmoved, slog_fix_summary *s)
{
    slog_buf items = {0}, rest = {0};
    int header = dup->kind == SLOG_ENTRY_LIST ? dup->line : append_view_header_end(f->v, dup);
    int line = header + 1;
    for (const slog_item *it = dup->items; it; it = it->next) {
        if (it->line < line) /* a list entry's own line */
            continue;
        for (; line < it->line; line++) /* text between items stays with the entry */
            if (!append_view_is_blank(f->v, line))
                copy_lines(f, line, line, &rest);
        line = it->end_line + 1;
        if (has_id(first, it->id, *moved, *nmoved)) {
            s->items_dropped++;
            continue;
        }
        uint32_t *g = realloc(*moved, (*nmoved + 1) * sizeof *g);
        if (!g)
            return SLOG_ERR_NOMEM;
        *moved = g;
        (*moved)[(*nmoved)++] = it->id;
        copy_lines(f, it->line, it->end_line, &items);
        s->items_moved++;
    }
    for (; line <= dup->end_line; line++)
        if (!append_view_is_blank(f->v, line))
            copy_lines(f, line, line, &rest);
    if (items.len) {
        int blank_first = 0;
        int after = first->kind == SLOG_ENTRY_LIST
                        ? append_view_section_end(f->v, first)
                        : append_view_items_slot(f->v, first, &blank_first);
        slog_buf text = {0};
        if (blank_first && !started[first->index])
            slog_buf_puts(&text, f->eol);
        slog_buf_put(&text, items.data, items.len);
        insert_after(f, after, &text);
        free(text.data);
        started[first->index] = 1;
    }
    if (rest.len) { /* what else the duplicate said, at the end of the first's section */
        slog_buf text = {0};
        slog_buf_puts(&text, f->eol);
        slog_buf_put(&text, rest.data, rest.len);
        insert_after(f, append_view_section_end(f->v, first), &text);
        free(text.data);
    }
    delete_entry(f, dup);
    s->merged++;
    int failed = items.failed || rest.failed;
    free(items.data);
    free(rest.data);
    return failed ? SLOG_ERR_NOMEM : SLOG_OK;
}

/* Splices that merge every duplicate entry into the first of its date and
 * label; *again when some must wait for another pass (a duplicate inside a
 * section that moves). */
static slog_status merge_duplicates(fixer *f, slog_config *cfg, slog_fix_summary *s, int *again)
{
    lint_ctx ctx = {f->d, cfg, 0, NULL, NULL, 0};
    if (lint_find_duplicates(&ctx) != SLOG_OK)
        return SLOG_ERR_NOMEM;
    char *started = calloc(f->d->nentries + 1, 1);
    uint32_t *moved = NULL;
    size_t nmoved = 0;
    slog_status st = started ? SLOG_OK : SLOG_ERR_NOMEM;
    for (size_t i = 0; i < f->d->nentries && st == SLOG_OK; i++) {
        const slog_entry *dup = f->d->entries[i], *first = ctx.duplicate_of[i];
        if (!first)
            continue;
        int nested = 0; /* inside a duplicate that moves, or holding its first */
        for (const slog_entry *p = dup->parent; p && !nested; p = p->parent)
            nested = ctx.duplicate_of[p->index] != NULL;
        if (nested || inside(first, dup)) {
            *again = 1;
            continue;
        }
        nmoved = 0; /* ids are per first entry */
        st = merge_one(f, first, dup, started, &moved, &nmoved, s);
    }
    free(moved);
    free(started);
    free((void *)ctx.duplicate_of);
    return st;
}

/* --- order ------------------------------------------------------------------ */

typedef struct {
    const slog_entry *entry;
    size_t at; /* where it goes in the original */
    int after; /* it goes after the last kept entry (else before one) */
    slog_direction dir;
} move;

static int by_target(const void *a, const void *b)
{
    const move *x = a, *y = b;
    if (x->at != y->at)
        return x->at < y->at ? -1 : 1;
    int c = slog_entry_compare(x->entry, y->entry);
    if (x->dir == SLOG_NEWEST_FIRST)
        c = -c;
    if (c)
        return c;
    return (x->entry->line > y->entry->line) - (x->entry->line < y->entry->line);
}

/* Splices that move every entry entry-order reports to where its message
 * says it belongs, with its whole section; entries inside a section that
 * moves wait for another pass (*again). */
static slog_status move_misplaced(fixer *f, slog_fix_summary *s, int *again)
{
    move *moves = NULL;
    size_t n = 0, cap = 0;
    slog_status st = SLOG_OK;
    for (size_t l = 0; l < f->d->nlogs && st == SLOG_OK; l++) {
        slog_misplaced *m;
        size_t k;
        if (slog_log_scattered(f->d, &f->d->logs[l]))
            continue; /* no chronology: nothing to order (as entry-order) */
        if (slog_log_misplaced(&f->d->logs[l], &m, &k) != 0)
            return SLOG_ERR_NOMEM;
        for (size_t i = 0; i < k; i++) {
            if (n == cap) {
                cap = cap ? cap * 2 : 16;
                move *g = realloc(moves, cap * sizeof *g);
                if (!g) {
                    st = SLOG_ERR_NOMEM;
                    break;
                }
                moves = g;
            }
            const slog_entry *e = m[i].entry;
            /* after a kept entry of a higher level (a "#" section holding
             * "##" entries), the moved heading would land inside that
             * section: it cannot move there without changing its level */
            if (!m[i].after && m[i].before->level < e->level &&
                m[i].before->kind == SLOG_ENTRY_HEADING) {
                s->unmovable++;
                continue;
            }
            append_view_touch(f->v, e); /* its section moves */
            if (!m[i].after)
                append_view_touch(f->v, m[i].before); /* it goes after its end */
            move mv = {e, 0, !m[i].after, f->d->logs[l].direction};
            mv.at = m[i].after
                        ? append_view_offset(f->v, m[i].after->line - 1)
                        : append_view_offset(f->v, append_view_section_end(f->v, m[i].before));
            moves[n++] = mv;
        }
        free(m);
    }
    /* an entry inside another that moves goes with it; its own move waits */
    size_t kept = 0;
    for (size_t i = 0; i < n && st == SLOG_OK; i++) {
        int nested = 0;
        for (size_t j = 0; j < n && !nested; j++)
            nested = j != i && inside(moves[i].entry, moves[j].entry);
        if (nested)
            *again = 1;
        else
            moves[kept++] = moves[i];
    }
    n = st == SLOG_OK ? kept : 0;
    if (n)
        qsort(moves, n, sizeof *moves, by_target);
    for (size_t i = 0; i < n && !f->sp.failed; i++) {
        const slog_entry *e = moves[i].entry;
        int gap = e->kind != SLOG_ENTRY_LIST;
        slog_buf text = {0};
        if (moves[i].after && gap)
            slog_buf_puts(&text, f->eol);
        copy_lines(f, e->line, append_view_section_end(f->v, e), &text);
        if (!moves[i].after && gap)
            slog_buf_puts(&text, f->eol);
        slog_buf fixed = {0};
        size_t at = moves[i].at;
        if (at == f->len && f->len && f->raw[f->len - 1] != '\n' && f->raw[f->len - 1] != '\r')
            slog_buf_puts(&fixed, f->eol);
        slog_buf_put(&fixed, text.data, text.len);
        slog_splices_insert(&f->sp, at, fixed.data, fixed.len);
        if (text.failed || fixed.failed)
            f->sp.failed = 1;
        free(text.data);
        free(fixed.data);
        delete_entry(f, e);
        s->moved++;
    }
    free(moves);
    return st != SLOG_OK || f->sp.failed ? SLOG_ERR_NOMEM : SLOG_OK;
}

/* --- the driver --------------------------------------------------------------- */

typedef slog_status (*repair_fn)(fixer *f, slog_config *cfg, slog_fix_summary *s, int *again);

static slog_status dup_pass(fixer *f, slog_config *cfg, slog_fix_summary *s, int *again)
{
    return merge_duplicates(f, cfg, s, again);
}

static slog_status order_pass(fixer *f, slog_config *cfg, slog_fix_summary *s, int *again)
{
    (void)cfg;
    return move_misplaced(f, s, again);
}

static void add_summary(slog_fix_summary *to, const slog_fix_summary *s)
{
    to->moved += s->moved;
    to->merged += s->merged;
    to->items_moved += s->items_moved;
    to->items_dropped += s->items_dropped;
    to->unmovable += s->unmovable;
}

/* One pass of a repair that reads only the entries it moves (issue 23: an
 * edit costs what it changes): first on the skeleton (every entry and log
 * at the cost of a line scan, and the end of the document whole), which
 * finds what moves and where; when something does that it did not have
 * whole, again with those sections whole. The whole model decides
 * when more entries move than a skeleton keeps, or the second reading
 * touches what the first did not. */
static slog_status skeleton_pass(repair_fn fn, fixer *f, const char *cur, size_t len,
                                 slog_config *cfg, const char *name, slog_fix_summary *s,
                                 int *again, slog_error *err)
{
    slog_fix_summary probe_s = {0};
    int keep[APPEND_VIEW_KEEP] = {0};
    if (fixer_open(f, cur, len, cfg, name, keep, 0, err) != 0)
        return err->status ? err->status : SLOG_ERR_NOMEM;
    slog_status st = fn(f, cfg, &probe_s, again);
    /* nothing moves, or only what the first reading had whole: it said all */
    if (st != SLOG_OK || !f->sp.n || append_view_guessed(f->v)) {
        add_summary(s, &probe_s);
        return st;
    }
    int m = append_view_touched(f->v, keep);
    fixer_close(f);
    if (m >= 0) {
        slog_fix_summary kept_s = {0};
        *again = 0;
        if (fixer_open(f, cur, len, cfg, name, keep, (size_t)m, err) != 0)
            return err->status ? err->status : SLOG_ERR_NOMEM;
        st = fn(f, cfg, &kept_s, again);
        if (st != SLOG_OK || append_view_touched_within(f->v, keep, (size_t)m)) {
            add_summary(s, &kept_s);
            return st;
        }
        fixer_close(f);
    }
    *again = 0;
    if (fixer_open(f, cur, len, cfg, name, NULL, 0, err) != 0)
        return err->status ? err->status : SLOG_ERR_NOMEM;
    return fn(f, cfg, s, again);
}

/* Runs a repair until nothing is left for it (a few passes at most: one
 * more for each level of nesting that moves); `skeleton`: see
 * skeleton_pass. */
static slog_status repeat(repair_fn fn, int skeleton, char **cur, size_t *len, slog_config *cfg,
                          const char *name, slog_fix_summary *s, slog_error *err)
{
    for (int pass = 0; pass < 8; pass++) {
        fixer f;
        int again = 0;
        slog_status st;
        if (skeleton)
            st = skeleton_pass(fn, &f, *cur, *len, cfg, name, s, &again, err);
        else if (fixer_open(&f, *cur, *len, cfg, name, NULL, 0, err) != 0)
            return err->status ? err->status : SLOG_ERR_NOMEM;
        else
            st = fn(&f, cfg, s, &again);
        if (st != SLOG_OK && !f.v)
            return err->status ? err->status : st; /* the reading failed */
        size_t before = f.sp.n;
        if (st == SLOG_OK && before)
            st = fixer_apply(&f, cur, len);
        fixer_close(&f);
        if (st != SLOG_OK)
            return slog_error_set(err, st, name, 0, "out of memory");
        if (!before || !again)
            break;
    }
    return SLOG_OK;
}

/* Where the trailing blank lines of s[0..len) start (len when none): the
 * end of the last line with text. */
static size_t blank_tail(const char *s, size_t len)
{
    size_t end = len, i = len;
    while (i > 0) {
        char c = s[i - 1];
        if (c == '\n' || c == '\r') {
            size_t eol = i - 1;
            if (c == '\n' && eol > 0 && s[eol - 1] == '\r')
                eol--;
            size_t j = eol; /* the line before this line end */
            while (j > 0 && (s[j - 1] == ' ' || s[j - 1] == '\t'))
                j--;
            if (j > 0 && s[j - 1] != '\n' && s[j - 1] != '\r')
                return i; /* a line with text ends here */
            end = eol;
            i = j;
            continue;
        }
        if (c != ' ' && c != '\t')
            return len; /* the last line has text and no line end */
        i--;
    }
    return end;
}

/* Moving the last entries away can leave blank lines at the end of a file
 * that had none: they go. */
static void trim_new_blank_tail(const char *before, size_t before_len, char *cur, size_t *len)
{
    if (blank_tail(before, before_len) != before_len)
        return; /* it ended in blank lines already */
    size_t tail = blank_tail(cur, *len);
    if (tail < *len)
        *len = tail;
}

slog_status slog_fix_buffer(const char *raw, size_t len, const slog_fix_options *opts, char **out,
                            size_t *out_len, slog_fix_summary *summary, slog_error *err)
{
    *out = NULL;
    memset(summary, 0, sizeof *summary);
    slog_fix_options o = {SLOG_FIX_OPTIONS_VERSION, NULL, 0, NULL, 0};
    if (opts) /* a version 1 caller's struct ends before whole_model */
        memcpy(&o, opts, opts->version >= 2 ? sizeof o : offsetof(slog_fix_options, whole_model));
    unsigned repairs = o.repairs ? o.repairs : SLOG_FIX_ALL;
    slog_config *own, *cfg;
    slog_status st = slog_config_use(o.config, &own, &cfg, err);
    if (st != SLOG_OK)
        return st;
    char *cur = malloc(len + 1);
    size_t cur_len = len;
    if (!cur)
        st = slog_error_set(err, SLOG_ERR_NOMEM, o.filename, 0, "out of memory");
    else {
        memcpy(cur, raw, len);
        cur[len] = '\0';
    }
    if (st == SLOG_OK && (repairs & SLOG_FIX_ENCODING) &&
        repair_encoding(&cur, &cur_len, &summary->encoding) != SLOG_OK)
        st = slog_error_set(err, SLOG_ERR_NOMEM, o.filename, 0, "out of memory");
    if (st == SLOG_OK && (repairs & SLOG_FIX_DUPLICATES))
        st = repeat(dup_pass, 0, &cur, &cur_len, cfg, o.filename, summary, err);
    if (st == SLOG_OK && (repairs & SLOG_FIX_ORDER))
        st = repeat(order_pass, !o.whole_model, &cur, &cur_len, cfg, o.filename, summary, err);
    if (st == SLOG_OK && (summary->merged || summary->moved)) {
        trim_new_blank_tail(raw, len, cur, &cur_len);
        cur[cur_len] = '\0';
    }
    slog_config_free(own);
    if (st != SLOG_OK) {
        free(cur);
        return st;
    }
    *out = cur;
    *out_len = cur_len;
    return SLOG_OK;
}

/* slog_update_file's transform: the fixed document as the whole new file. */
typedef struct {
    const slog_fix_options *opts;
    slog_fix_summary *summary;
} fix_ctx;

static slog_status fix_transform(const char *old, size_t old_len, slog_edit *edit, void *ctx,
                                 slog_error *err)
{
    fix_ctx *c = ctx;
    char *out;
    size_t n;
    slog_status st = slog_fix_buffer(old, old_len, c->opts, &out, &n, c->summary, err);
    if (st != SLOG_OK)
        return st;
    if (n == old_len && memcmp(out, old, n) == 0) {
        free(out); /* nothing to repair: nothing written */
        return SLOG_OK;
    }
    edit->whole = out;
    edit->whole_len = n;
    return SLOG_OK;
}

slog_status slog_fix_file(const char *path, const slog_fix_options *opts, int write,
                          slog_fix_summary *summary, char **old_out, size_t *old_len,
                          char **new_out, size_t *new_len, slog_error *err)
{
    slog_fix_options o = {SLOG_FIX_OPTIONS_VERSION, NULL, 0, path, 0};
    if (opts)
        memcpy(&o, opts, opts->version >= 2 ? sizeof o : offsetof(slog_fix_options, whole_model));
    if (!o.filename)
        o.filename = path;
    fix_ctx c = {&o, summary};
    return slog_update_file(path, fix_transform, &c, write, old_out, old_len, new_out, new_len,
                            err);
}
