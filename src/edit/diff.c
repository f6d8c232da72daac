/* SPDX-License-Identifier: BSD-2-Clause */
/* A unified diff for texts that differ by inserted lines, as appends make
 * them: the new text is the old one with lines added, so one walk that
 * matches old lines in order finds the insertions. */
#include "statuslog/edit.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *s;
    size_t len; /* with its line break */
} line;

static line *split(const char *s, size_t len, size_t *n)
{
    size_t cap = 64, k = 0;
    line *v = malloc(cap * sizeof *v);
    for (size_t i = 0; v && i < len;) {
        size_t j = i;
        while (j < len && s[j] != '\n' && s[j] != '\r')
            j++;
        if (j < len)
            j += s[j] == '\r' && j + 1 < len && s[j + 1] == '\n' ? 2 : 1;
        if (k == cap) {
            line *g = realloc(v, (cap *= 2) * sizeof *v);
            if (!g) {
                free(v);
                return NULL;
            }
            v = g;
        }
        v[k++] = (line){s + i, j - i};
        i = j;
    }
    *n = k;
    return v;
}

static int same(line a, line b)
{
    return a.len == b.len && memcmp(a.s, b.s, a.len) == 0;
}

static int put_line(FILE *out, char tag, line l)
{
    if (fputc(tag, out) == EOF || fwrite(l.s, 1, l.len, out) != l.len)
        return -1;
    if (!l.len || (l.s[l.len - 1] != '\n' && l.s[l.len - 1] != '\r'))
        return fputs("\n\\ No newline at end of file\n", out) == EOF ? -1 : 0;
    return 0;
}

enum { CONTEXT = 3 };

int slog_write_insertion_diff(FILE *out, const char *name, const char *old, size_t old_len,
                              const char *new_text, size_t new_len)
{
    if (old_len == new_len && (!old_len || memcmp(old, new_text, old_len) == 0))
        return 0; /* no change, no diff (as diff(1)) */
    size_t na, nb;
    line *a = split(old, old_len, &na), *b = split(new_text, new_len, &nb);
    /* inserted[j]: line j of the new text is new */
    char *inserted = calloc(nb + 1, 1);
    if ((!a && old_len) || (!b && new_len) || !inserted) {
        free(a);
        free(b);
        free(inserted);
        return -2;
    }
    size_t i = 0;
    for (size_t j = 0; j < nb; j++) {
        if (i < na && same(a[i], b[j]))
            i++;
        else
            inserted[j] = 1;
    }
    int rc = fprintf(out, "--- a/%s\n+++ b/%s\n", name, name) < 0 ? -1 : 0;
    size_t j = 0, oldno = 0; /* oldno: old lines before new line j */
    while (rc == 0 && j < nb) {
        if (!inserted[j]) {
            j++;
            oldno++;
            continue;
        }
        /* a hunk: context before, insertions (merged when close), context after */
        size_t start = j >= CONTEXT ? j - CONTEXT : 0, end = j;
        while (end < nb) {
            size_t k = end;
            while (k < nb && inserted[k])
                k++;
            size_t gap = k;
            while (gap < nb && !inserted[gap] && gap - k < 2 * CONTEXT)
                gap++;
            if (gap < nb && inserted[gap])
                end = gap;
            else {
                end = k + CONTEXT < nb ? k + CONTEXT : nb;
                break;
            }
        }
        size_t old_count = 0, new_count = end - start;
        for (size_t k = start; k < end; k++)
            old_count += !inserted[k];
        size_t old_start = oldno - (j - start); /* context lines before j are old lines */
        rc = fprintf(out, "@@ -%zu,%zu +%zu,%zu @@\n", old_count ? old_start + 1 : old_start,
                     old_count, start + 1, new_count) < 0
                 ? -1
                 : 0;
        for (size_t k = start; rc == 0 && k < end; k++)
            rc = put_line(out, inserted[k] ? '+' : ' ', b[k]);
        for (; j < end; j++)
            oldno += !inserted[j];
    }
    free(a);
    free(b);
    free(inserted);
    return rc;
}
