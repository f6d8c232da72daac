/* SPDX-License-Identifier: BSD-2-Clause */
/* merge's safety net (SPEC §8): the check that the structured merge's
 * result carries every change THEIRS made, and git's own line merge for
 * what it does not. */
#include "merge_internal.h"

#include "doc_internal.h"
#include "git_internal.h"
#include "tempfile.h"
#include "text.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* --- what THEIRS changed ---------------------------------------------------------- */

static int same_line(const slog_text *a, size_t la, const slog_text *b, size_t lb)
{
    size_t na, nb;
    const char *sa = slog_text_line(a, (int)la, &na), *sb = slog_text_line(b, (int)lb, &nb);
    return na == nb && memcmp(sa, sb, na) == 0;
}

merge_change merge_what_changed(const slog_text *base, const slog_text *theirs)
{
    merge_change c = {0, 0, base->nlines, theirs->nlines};
    size_t most = c.base_lines < c.theirs_lines ? c.base_lines : c.theirs_lines;
    while (c.prefix < most && same_line(base, c.prefix + 1, theirs, c.prefix + 1))
        c.prefix++;
    while (c.prefix + c.suffix < most &&
           same_line(base, c.base_lines - c.suffix, theirs, c.theirs_lines - c.suffix))
        c.suffix++;
    return c;
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

/* Lines first..last of a text, non-blank ones hashed: each added to its
 * count times `sign` (add), or, with `tally`, counted in tally[] where the
 * table has it already. */
static void count_lines(line_counts *c, const slog_text *t, size_t first, size_t last, long sign,
                        long *tally)
{
    for (size_t l = first; l <= last; l++) {
        size_t n, k = 0;
        const char *s = slog_text_line(t, (int)l, &n);
        while (k < n && (s[k] == ' ' || s[k] == '\t'))
            k++;
        if (k == n)
            continue;
        long *at = slot(c, line_hash(s, n), !tally);
        if (at && !tally)
            *at += sign;
        else if (at)
            tally[at - c->count]++;
    }
}

/* BASE's dated entries keep their order in THEIRS (a `fix --order` there
 * moved them: a change only git's line merge carries). */
static int keeps_theirs_order(const merger *m)
{
    size_t last = 0;
    for (size_t i = 0; i < m->base.d->nentries; i++) {
        const slog_entry *t = merge_match(&m->base.k, &m->theirs.k, m->base.d->entries[i]);
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
int merge_carries_theirs(const merger *m, const char *result, size_t len)
{
    if (!keeps_theirs_order(m))
        return 0;
    slog_text r;
    if (slog_text_decode(&r, result, len) != SLOG_OK)
        return 0;
    const slog_text *b = &m->base.d->priv->text, *t = &m->theirs.d->priv->text;
    const slog_text *o = &m->ours.d->priv->text;
    /* what THEIRS added or removed lies between the lines it shares with
     * BASE at their start and end: only those lines are counted, and only
     * they are looked for in the result and in OURS */
    merge_change c = merge_what_changed(b, t);
    size_t t_last = c.theirs_lines - c.suffix, b_last = c.base_lines - c.suffix;
    line_counts delta;
    long *in_result = NULL, *in_ours = NULL;
    int ok = counts_init(&delta, (t_last - c.prefix) + (b_last - c.prefix)) == 0;
    if (ok) {
        in_result = calloc(delta.mask + 1, sizeof *in_result);
        in_ours = calloc(delta.mask + 1, sizeof *in_ours);
        ok = in_result && in_ours;
    }
    if (ok) {
        count_lines(&delta, t, c.prefix + 1, t_last, 1, NULL);
        count_lines(&delta, b, c.prefix + 1, b_last, -1, NULL);
        count_lines(&delta, &r, 1, r.nlines, 0, in_result);
        count_lines(&delta, o, 1, o->nlines, 0, in_ours);
        for (size_t i = 0; i <= delta.mask && ok; i++) {
            long d = delta.count[i];
            if (!delta.key[i] || !d)
                continue;
            long res = in_result[i], left = in_ours[i] + d;
            ok = d > 0 ? res > 0 : res <= (left > 0 ? left : 0);
        }
    }
    free(delta.key);
    free(delta.count);
    free(in_result);
    free(in_ours);
    slog_text_free(&r);
    return ok;
}

/* git's own merge of the three (`git merge-file -p`): conflicts as git
 * marks them. */
slog_status merge_by_lines(const char *base, size_t base_len, const char *ours, size_t ours_len,
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
