/* SPDX-License-Identifier: BSD-2-Clause */
/* Vocabulary and similarity; see similar.h.
 *
 * Words are runs of letters, digits and non-ASCII bytes, lower-cased (ASCII),
 * without stop words, lightly stemmed ("merges" -> "merg", "pending" ->
 * "pend"). A word's weight is its IDF over the document's items,
 * log((N + 1) / (df + 0.5)): words every entry repeats ("prisma", "ran")
 * weigh little, the words that name a task ("smoke", "ci") weigh much. */
#include "similar.h"
#include "similar_words.h"
#include "tokens.h"
#include "statuslog/check.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A generic word weighs this much of its IDF: it helps a score, it cannot
 * make one. */
#define GENERIC_WEIGHT 0.25f

/* The text of the i-th thing tokenized, or NULL for none. */
typedef const char *(*text_at_fn)(const void *things, size_t i);

static const char *comparable_item_text(const void *things, size_t i)
{
    const slog_item *it = ((slog_item *const *)things)[i];
    /* Only top-level items of entries are ever compared (threads, repeats,
     * folding); the others get no words. */
    return it->entry && !it->parent ? it->text : NULL;
}

static const char *plain_text(const void *things, size_t i)
{
    return ((const char *const *)things)[i];
}

static slog_status vocab_build(slog_vocab *v, const void *things, text_at_fn text_at, size_t n);

slog_status slog_vocab_build(slog_vocab *v, slog_item *const *items, size_t n)
{
    return vocab_build(v, items, comparable_item_text, n);
}

slog_status slog_vocab_build_texts(slog_vocab *v, const char *const *texts, size_t n)
{
    return vocab_build(v, texts, plain_text, n);
}

static int by_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* The letters of item i's words with digits (slog_word_letters), sorted,
 * without repeats, into out (room for `room`): their number, or -1 when
 * there are more. */
static int item_letters(const slog_vocab *v, size_t i, uint32_t *out, int room)
{
    int n = 0;
    for (uint32_t k = v->start[i]; k < v->start[i + 1]; k++) {
        uint32_t l = v->letters[v->ids[k]];
        if (!l)
            continue;
        if (n == room)
            return -1;
        out[n++] = l;
    }
    qsort(out, (size_t)n, sizeof *out, by_u32);
    int m = 0;
    for (int k = 0; k < n; k++)
        if (!m || out[m - 1] != out[k])
            out[m++] = out[k];
    return m;
}

/* Items a and b have the same words with digits once those are left out. */
static int same_letters(const slog_vocab *v, size_t a, size_t b)
{
    uint32_t x[32], y[32];
    int nx = item_letters(v, a, x, 32), ny = item_letters(v, b, y, 32);
    if (nx < 0 || ny < 0) /* words enough to decide without these */
        return 1;
    return nx == ny && !memcmp(x, y, (size_t)nx * sizeof *x);
}

static slog_status vocab_build(slog_vocab *v, const void *things, text_at_fn text_at, size_t n)
{
    memset(v, 0, sizeof *v);
    slog_interner t = {0};
    slog_u32vec ids = {0};
    v->start = malloc((n + 1) * sizeof *v->start);
    v->weight = malloc((n ? n : 1) * sizeof *v->weight);
    v->subject = calloc(n ? n : 1, sizeof *v->subject);
    int ok = slog_interner_start(&t) && v->start && v->weight && v->subject;
    for (size_t i = 0; ok && i < n; i++) {
        v->start[i] = (uint32_t)ids.len;
        const char *text = text_at(things, i);
        if (text)
            ok = slog_tokenize(&t, text, &ids, &v->subject[i]);
    }
    if (ok) {
        v->start[n] = (uint32_t)ids.len;
        v->nitems = n;
        v->nwords = t.nwords;
        v->ids = ids.data;
        ids.data = NULL;
        v->idf = calloc(t.nwords ? t.nwords : 1, sizeof *v->idf);
        v->flags = calloc(t.nwords ? t.nwords : 1, 1);
        ok = v->idf && v->flags;
    }
    for (size_t w = 0; ok && w < t.nwords; w++) {
        const char *word = t.pool + t.word_off[w];
        for (size_t k = 0; k < t.word_len[w]; k++)
            if (word[k] >= '0' && word[k] <= '9')
                v->flags[w] |= SLOG_WORD_NUMERIC;
        if (t.word_class[w] == SLOG_WORD_CLASS_GENERIC)
            v->flags[w] |= SLOG_WORD_GENERIC;
        else if (t.word_class[w] == SLOG_WORD_CLASS_STATUS)
            v->flags[w] |= SLOG_WORD_STATUS;
    }
    v->letters = ok ? calloc(t.nwords ? t.nwords : 1, sizeof *v->letters) : NULL;
    ok = ok && v->letters;
    for (size_t w = 0; ok && w < t.nwords; w++)
        if (v->flags[w] & SLOG_WORD_NUMERIC)
            v->letters[w] = slog_word_letters(t.pool + t.word_off[w], t.word_len[w]);
    slog_interner_free(&t);
    free(ids.data);
    if (!ok) {
        slog_vocab_free(v);
        return SLOG_ERR_NOMEM;
    }
    /* document frequencies first, then weights */
    for (size_t k = 0; k < v->start[n]; k++)
        v->idf[v->ids[k]] += 1.0f;
    for (size_t w = 0; w < v->nwords; w++)
        v->idf[w] = (float)log(1.0 + ((double)n + 1.0) / (v->idf[w] + 0.5)) *
                    (v->flags[w] & SLOG_WORD_GENERIC ? GENERIC_WEIGHT : 1.0f);
    for (size_t i = 0; i < n; i++) {
        float sum = 0;
        for (size_t k = v->start[i]; k < v->start[i + 1]; k++)
            sum += v->idf[v->ids[k]];
        v->weight[i] = sum;
    }
    return SLOG_OK;
}

slog_likeness slog_vocab_compare(const slog_vocab *v, size_t a, size_t b)
{
    slog_likeness l = {0, 0, 0};
    double denom = (double)v->weight[a] + (double)v->weight[b];
    if (denom <= 0 || !v->ids)
        return l;
    const uint32_t *x = v->ids + v->start[a], *xe = v->ids + v->start[a + 1];
    const uint32_t *y = v->ids + v->start[b], *ye = v->ids + v->start[b + 1];
    double shared = 0;
    while (x < xe && y < ye) {
        if (*x < *y)
            x++;
        else if (*y < *x)
            y++;
        else {
            shared += v->idf[*x];
            l.specific += !(v->flags[*x] & SLOG_WORD_GENERIC);
            x++;
            y++;
        }
    }
    l.score = 2 * shared / denom;
    l.same_subject = v->subject[a] && v->subject[a] == v->subject[b];
    return l;
}

double slog_vocab_similarity(const slog_vocab *v, size_t a, size_t b)
{
    return slog_vocab_compare(v, a, b).score;
}

int slog_vocab_nothing_new(const slog_vocab *v, size_t base, size_t b)
{
    if (!v->ids)
        return 0;
    const uint32_t *x = v->ids + v->start[base], *xe = v->ids + v->start[base + 1];
    const uint32_t *y = v->ids + v->start[b], *ye = v->ids + v->start[b + 1];
    for (; y < ye; y++) { /* both sorted: each word of b found in base */
        if (v->flags[*y] & SLOG_WORD_NUMERIC)
            continue;
        while (x < xe && *x < *y)
            x++;
        if (x == xe || *x != *y)
            return 0;
    }
    uint32_t lx[32], ly[32];
    int nx = item_letters(v, base, lx, 32), ny = item_letters(v, b, ly, 32);
    for (int i = 0, k = 0; nx >= 0 && i < ny; i++) {
        while (k < nx && lx[k] < ly[i])
            k++;
        if (k == nx || lx[k] != ly[i])
            return 0;
    }
    return 1;
}

int slog_vocab_repeats(const slog_vocab *v, size_t a, size_t b)
{
    if (!v->ids) /* no words at all */
        return 0;
    const uint32_t *x = v->ids + v->start[a], *xe = v->ids + v->start[a + 1];
    const uint32_t *y = v->ids + v->start[b], *ye = v->ids + v->start[b + 1];
    double shared = 0, total = 0;
    while (x < xe || y < ye) {
        int take_x = y == ye || (x < xe && *x <= *y);
        int take_y = x == xe || (y < ye && *y <= *x);
        uint32_t w = take_x ? *x : *y;
        if (take_x != take_y && (v->flags[w] & SLOG_WORD_STATUS))
            return 0; /* a result one says and the other does not */
        if (!(v->flags[w] & SLOG_WORD_NUMERIC)) {
            total += v->idf[w] * (take_x + take_y);
            shared += take_x && take_y ? 2 * v->idf[w] : 0;
        }
        x += take_x;
        y += take_y;
    }
    return total > 0 && shared / total >= SLOG_REPEAT_THRESHOLD && same_letters(v, a, b);
}

/* Item i has word id w (its ids are sorted). */
static int has_word(const slog_vocab *v, size_t i, uint32_t w)
{
    size_t lo = v->start[i], hi = v->start[i + 1];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v->ids[mid] < w)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < v->start[i + 1] && v->ids[lo] == w;
}

int slog_vocab_folds(const slog_vocab *v, size_t a, size_t b)
{
    if (!v->ids)
        return 0;
    const uint32_t *x = v->ids + v->start[a], *xe = v->ids + v->start[a + 1];
    const uint32_t *y = v->ids + v->start[b], *ye = v->ids + v->start[b + 1];
    size_t only_x = 0, only_y = 0, both = 0;
    while (x < xe || y < ye) {
        if (x < xe && (v->flags[*x] & SLOG_WORD_NUMERIC)) {
            x++;
            continue;
        }
        if (y < ye && (v->flags[*y] & SLOG_WORD_NUMERIC)) {
            y++;
            continue;
        }
        if (x < xe && y < ye && *x == *y) {
            both++, x++, y++;
        } else if (y == ye || (x < xe && *x < *y)) {
            only_x++, x++;
        } else {
            only_y++, y++;
        }
    }
    if (both && (!only_x || !only_y) && only_x + only_y <= 3)
        return 1; /* one says the other's words and a few more */
    /* two long texts alike, about the same thing: "index.ts migrated (41
     * console.log → structured logging)" and "dbService.ts migrated (28 …)"
     * are two files' work, as "Backend logger created" and "Frontend
     * logger created" are two loggers */
    if (v->subject[a] && v->subject[b] && !has_word(v, b, v->subject[a] - 1) &&
        !has_word(v, a, v->subject[b] - 1))
        return 0; /* neither names what the other is about */
    return both + only_x >= 6 && both + only_y >= 6 &&
           slog_vocab_similarity(v, a, b) >= SLOG_FOLD_THRESHOLD;
}

int slog_same_task(const slog_likeness *l, double *strength)
{
    *strength = l->score + (l->same_subject ? 1.0 : 0.0);
    return l->score >= SLOG_THREAD_THRESHOLD &&
           (l->same_subject || l->specific >= 2 || l->score >= SLOG_THREAD_SURE);
}

void slog_vocab_free(slog_vocab *v)
{
    free(v->ids);
    free(v->start);
    free(v->weight);
    free(v->idf);
    free(v->flags);
    free(v->subject);
    free(v->letters);
    memset(v, 0, sizeof *v);
}

double slog_vocab_dice(const slog_vocab *v, size_t a, size_t b)
{
    size_t na = v->start[a + 1] - v->start[a], nb = v->start[b + 1] - v->start[b], shared = 0;
    if (!na || !nb) /* no words: no NULL + 0 */
        return na + nb ? 0.0 : 1.0;
    const uint32_t *p = v->ids + v->start[a], *pe = v->ids + v->start[a + 1];
    const uint32_t *q = v->ids + v->start[b], *qe = v->ids + v->start[b + 1];
    while (p < pe && q < qe) {
        if (*p < *q)
            p++;
        else if (*q < *p)
            q++;
        else {
            shared++;
            p++;
            q++;
        }
    }
    return 2.0 * (double)shared / (double)(na + nb);
}

double slog_text_similarity(const char *a, const char *b)
{
    const char *texts[2] = {a, b};
    slog_vocab v;
    if (slog_vocab_build_texts(&v, texts, 2) != SLOG_OK)
        return 0;
    double d = slog_vocab_dice(&v, 0, 1);
    slog_vocab_free(&v);
    return d;
}
