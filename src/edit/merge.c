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

#include "append_internal.h"
#include "doc_internal.h"
#include "git_internal.h"
#include "splice.h"
#include "statuslog/check.h"
#include "statuslog/parse.h"
#include "text.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* --- entries by key: date, time and label, the k-th with the k-th ---------- */

typedef struct {
    const slog_entry **e; /* dated entries sorted by key, then document order */
    size_t n;
} keyed;

static int keyed_build(keyed *k, const slog_doc *d)
{
    k->e = malloc((d->nentries + 1) * sizeof *k->e);
    k->n = 0;
    if (!k->e)
        return -1;
    for (size_t i = 0; i < d->nentries; i++)
        if (d->entries[i]->date_valid)
            k->e[k->n++] = d->entries[i];
    if (k->n)
        qsort(k->e, k->n, sizeof *k->e, slog_entry_by_key);
    return 0;
}

/* The first position whose entry is not before `e` (by key, then index
 * when `with_index`). */
static size_t lower_bound(const keyed *k, const slog_entry *e, int with_index)
{
    size_t lo = 0, hi = k->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = slog_entry_key_cmp(k->e[mid], e);
        if (!c && with_index)
            c = (k->e[mid]->index > e->index) - (k->e[mid]->index < e->index);
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The entry of `other` that matches `e` of `mine`: the same key, the same
 * rank among the entries with that key. */
static const slog_entry *match(const keyed *mine, const keyed *other, const slog_entry *e)
{
    if (!e || !e->date_valid)
        return NULL;
    size_t rank = lower_bound(mine, e, 1) - lower_bound(mine, e, 0);
    size_t at = lower_bound(other, e, 0) + rank;
    return at < other->n && !slog_entry_key_cmp(other->e[at], e) ? other->e[at] : NULL;
}

/* --- one side ----------------------------------------------------------------- */

typedef struct {
    const char *raw;
    size_t len;
    append_view *v;
    const slog_doc *d;
    keyed k;
} side;

static slog_status side_open(side *s, const char *raw, size_t len, slog_config *cfg,
                             const char *name, slog_error *err)
{
    memset(s, 0, sizeof *s);
    s->raw = raw;
    s->len = len;
    slog_status st = append_view_open(&s->v, raw, len, cfg, name, err);
    if (st != SLOG_OK)
        return st;
    s->d = append_view_doc(s->v);
    if (keyed_build(&s->k, s->d) != 0)
        return slog_error_set(err, SLOG_ERR_NOMEM, name, 0, "out of memory");
    return SLOG_OK;
}

static void side_close(side *s)
{
    append_view_close(s->v);
    free(s->k.e);
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

typedef struct {
    side base, ours, theirs;
    slog_splices sp; /* on OURS */
    char *started;   /* per OURS entry: items were inserted into it */
    const slog_merge_options *o;
    slog_merge_summary *s;
    int failed;
} merger;

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
        const slog_entry *op = match(&m->theirs.k, &m->ours.k, t->parent);
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
        const slog_entry *o = match(&m->theirs.k, &m->ours.k, t->log->entries[i]);
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
        if (!match(&m->theirs.k, &m->base.k, p) && !match(&m->theirs.k, &m->ours.k, p))
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
        const slog_entry *b = match(&m->theirs.k, &m->base.k, te);
        const slog_entry *o = match(&m->theirs.k, &m->ours.k, te);
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

/* --- the check, and git's line merge --------------------------------------------- */

/* A line hashed with its text (trailing white space aside). */
static uint64_t line_hash(const char *s, size_t n)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h | 1; /* 0 marks an empty slot */
}

typedef struct {
    uint64_t *key;
    long *count;
    size_t mask;
} line_counts;

static int counts_init(line_counts *c, size_t lines)
{
    size_t cap = 64;
    while (cap < 2 * lines + 2)
        cap *= 2;
    c->mask = cap - 1;
    c->key = calloc(cap, sizeof *c->key);
    c->count = calloc(cap, sizeof *c->count);
    return c->key && c->count ? 0 : -1;
}

static long *slot(line_counts *c, uint64_t h, int add)
{
    size_t i = (size_t)h & c->mask;
    while (c->key[i] && c->key[i] != h)
        i = (i + 1) & c->mask;
    if (!c->key[i] && !add)
        return NULL;
    c->key[i] = h;
    return &c->count[i];
}

/* Counts the non-blank lines of a text, times `sign`. */
static void count_lines(line_counts *c, const slog_text *t, long sign)
{
    for (size_t l = 1; l <= t->nlines; l++) {
        size_t n, k = 0;
        const char *s = slog_text_line(t, (int)l, &n);
        while (k < n && (s[k] == ' ' || s[k] == '\t'))
            k++;
        if (k < n)
            *slot(c, line_hash(s, n), 1) += sign;
    }
}

static long count_of(line_counts *c, uint64_t key)
{
    long *n = slot(c, key, 0);
    return n ? *n : 0;
}

/* BASE's dated entries keep their order in THEIRS (a `fix --order` there
 * moved them: a change only git's line merge carries). */
static int keeps_theirs_order(const merger *m)
{
    size_t last = 0;
    for (size_t i = 0; i < m->base.d->nentries; i++) {
        const slog_entry *t = match(&m->base.k, &m->theirs.k, m->base.d->entries[i]);
        if (!t)
            continue;
        if (t->index < last)
            return 0;
        last = t->index;
    }
    return 1;
}

/* Whether the result carries THEIRS' change: every line THEIRS added since
 * BASE (as a count) is in it, a line THEIRS removed (a renamed heading, an
 * entry merged into another) is gone from it as from OURS, and BASE's
 * entries are in THEIRS' order. What the structured merge cannot carry is
 * left to git. */
static int carries_theirs(const merger *m, const char *result, size_t len)
{
    if (!keeps_theirs_order(m))
        return 0;
    slog_text r;
    if (slog_text_decode(&r, result, len) != SLOG_OK)
        return 0;
    const slog_text *b = &m->base.d->priv->text, *t = &m->theirs.d->priv->text;
    const slog_text *o = &m->ours.d->priv->text;
    line_counts delta, in_result, in_ours;
    int ok = counts_init(&delta, t->nlines + b->nlines) == 0 &&
             counts_init(&in_result, r.nlines) == 0 && counts_init(&in_ours, o->nlines) == 0;
    if (ok) {
        count_lines(&delta, t, 1);
        count_lines(&delta, b, -1);
        count_lines(&in_result, &r, 1);
        count_lines(&in_ours, o, 1);
        for (size_t i = 0; i <= delta.mask && ok; i++) {
            long d = delta.count[i];
            if (!delta.key[i] || !d)
                continue;
            long res = count_of(&in_result, delta.key[i]);
            long left = count_of(&in_ours, delta.key[i]) + d;
            ok = d > 0 ? res > 0 : res <= (left > 0 ? left : 0);
        }
    }
    free(delta.key);
    free(delta.count);
    free(in_result.key);
    free(in_result.count);
    free(in_ours.key);
    free(in_ours.count);
    slog_text_free(&r);
    return ok;
}

/* git's own merge of the three (`git merge-file -p`): conflicts as git
 * marks them. */
static slog_status line_merge(const char *base, size_t base_len, const char *ours, size_t ours_len,
                              const char *theirs, size_t theirs_len, const char *name, char **out,
                              size_t *out_len, size_t *conflicts, slog_error *err)
{
    const char *tmp = getenv("TMPDIR");
    char paths[3][4096];
    const char *data[3] = {ours, base, theirs};
    size_t lens[3] = {ours_len, base_len, theirs_len};
    int made = 0;
    for (; made < 3; made++) {
        snprintf(paths[made], sizeof paths[made], "%s/statuslog-merge-XXXXXX",
                 tmp && *tmp ? tmp : "/tmp");
        if (slog_write_temp(paths[made], data[made], lens[made]) != 0)
            break;
    }
    slog_status st = SLOG_OK;
    if (made < 3) {
        st = slog_error_set(err, SLOG_ERR_IO, name, 0, "cannot write a temporary file: %s",
                            strerror(errno));
    } else {
        slog_buf o = {0}, e = {0};
        const char *args[] = {"merge-file", "-p",     "-L",     "ours",   "-L",     "base",
                              "-L",         "theirs", paths[0], paths[1], paths[2], NULL};
        int rc = slog_run_git(args, &o, &e);
        if (rc < 0 || rc > 127) {
            st = slog_error_set(err, SLOG_ERR_IO, name, 0, "%s",
                                rc == -1 ? "cannot run git merge-file" : "git merge-file failed");
            free(o.data);
        } else {
            *conflicts = (size_t)rc;
            *out = o.data ? o.data : calloc(1, 1);
            *out_len = o.len;
            if (!*out)
                st = slog_error_set(err, SLOG_ERR_NOMEM, name, 0, "out of memory");
        }
        free(e.data);
    }
    for (int i = 0; i < made; i++)
        unlink(paths[i]);
    return st;
}

slog_status slog_merge_buffers(const char *base, size_t base_len, const char *ours, size_t ours_len,
                               const char *theirs, size_t theirs_len,
                               const slog_merge_options *opts, char **out, size_t *out_len,
                               slog_merge_summary *summary, slog_error *err)
{
    *out = NULL;
    memset(summary, 0, sizeof *summary);
    slog_merge_options o = {SLOG_MERGE_OPTIONS_VERSION, NULL, NULL};
    if (opts)
        o = *opts;
    const char *name = o.filename ? o.filename : "<merge>";
    slog_config *own, *cfg;
    slog_status st = slog_config_use(o.config, &own, &cfg, err);
    if (st != SLOG_OK)
        return st;
    merger m = {0};
    m.o = &o;
    m.s = summary;
    st = side_open(&m.base, base, base_len, cfg, name, err);
    if (st == SLOG_OK)
        st = side_open(&m.ours, ours, ours_len, cfg, name, err);
    if (st == SLOG_OK)
        st = side_open(&m.theirs, theirs, theirs_len, cfg, name, err);
    /* bytes that are no UTF-8 (a Latin-1 résumé) cannot pass through the
     * decoded text the structured merge copies: git keeps them exactly */
    int structured = st == SLOG_OK && m.ours.d->nentries && m.theirs.d->nentries &&
                     !m.base.d->encoding.invalid_utf8 && !m.ours.d->encoding.invalid_utf8 &&
                     !m.theirs.d->encoding.invalid_utf8;
    if (structured) {
        m.started = calloc(m.ours.d->nentries + 1, 1);
        m.failed = !m.started;
        merge_entries(&m);
        ticks(&m);
        if (m.failed || m.sp.failed)
            st = slog_error_set(err, SLOG_ERR_NOMEM, name, 0, "out of memory");
        else if (!(*out = slog_splices_apply(&m.sp, ours, ours_len, out_len)))
            st = slog_error_set(err, SLOG_ERR_NOMEM, name, 0, "out of memory");
        else if (!carries_theirs(&m, *out, *out_len)) {
            free(*out); /* a change the structured merge does not carry */
            *out = NULL;
            structured = 0;
        }
    }
    if (st == SLOG_OK && !structured) {
        size_t kept_conflicts = 0;
        memset(summary, 0, sizeof *summary);
        summary->line_merge = 1;
        st = line_merge(base, base_len, ours, ours_len, theirs, theirs_len, name, out, out_len,
                        &kept_conflicts, err);
        summary->conflicts = kept_conflicts;
    }
    free(m.started);
    slog_splices_free(&m.sp);
    side_close(&m.base);
    side_close(&m.ours);
    side_close(&m.theirs);
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

