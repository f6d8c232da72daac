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
#include "statuslog/check.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* A generic word weighs this much of its IDF: it helps a score, it cannot
 * make one. */
#define GENERIC_WEIGHT 0.25f

/* Light stemming so that "fixed", "fixes", "fixing" and "fix" meet, and
 * "update", "updated", "updates": a plural or verb ending goes when three
 * letters remain, then a final "e"; a doubled final consonant is undone
 * ("running" -> "run"). */
static size_t stem(const char *w, size_t n)
{
    size_t k = n;
    if (k >= 6 && memcmp(w + k - 3, "ing", 3) == 0)
        k -= 3;
    else if (k >= 5 && memcmp(w + k - 2, "ed", 2) == 0)
        k -= 2;
    else if (k >= 5 && memcmp(w + k - 2, "es", 2) == 0)
        k -= 2;
    else if (k >= 4 && w[k - 1] == 's' && w[k - 2] != 's' && w[k - 2] != 'u' && w[k - 2] != 'i')
        k -= 1;
    if (k < n && k >= 4 && w[k - 1] == w[k - 2] && w[k - 1] != 'l' && w[k - 1] != 's' &&
        w[k - 1] != 'z' && !(w[k - 1] >= '0' && w[k - 1] <= '9'))
        k--; /* "runn" -> "run" */
    if (k >= 5 && w[k - 1] == 'e')
        k--;
    return k;
}

/* Open-addressing table from word to id; the words live in one pool. */
typedef struct {
    uint32_t *slots; /* id + 1, 0 for empty */
    size_t cap;
    char *pool;
    size_t pool_len, pool_cap;
    size_t *word_off, *word_len;
    uint32_t *word_hash;
    size_t nwords, words_cap;
} interner;

static uint32_t hash_bytes(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static int grow_table(interner *t)
{
    size_t cap = t->cap ? t->cap * 2 : 1024;
    uint32_t *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return 0;
    for (size_t id = 0; id < t->nwords; id++) {
        size_t i = t->word_hash[id] & (cap - 1);
        while (slots[i])
            i = (i + 1) & (cap - 1);
        slots[i] = (uint32_t)id + 1;
    }
    free(t->slots);
    t->slots = slots;
    t->cap = cap;
    return 1;
}

/* The id of word w with hash h (added when new), or -1 when out of memory. */
static long intern(interner *t, const char *w, size_t n, uint32_t h)
{
    if ((t->nwords + 1) * 2 > t->cap && !grow_table(t))
        return -1;
    size_t i = h & (t->cap - 1);
    for (; t->slots[i]; i = (i + 1) & (t->cap - 1)) {
        size_t id = t->slots[i] - 1;
        if (t->word_hash[id] == h && t->word_len[id] == n &&
            memcmp(t->pool + t->word_off[id], w, n) == 0)
            return (long)id;
    }
    if (t->nwords == t->words_cap) {
        size_t cap = t->words_cap ? t->words_cap * 2 : 1024;
        size_t *off = realloc(t->word_off, cap * sizeof *off);
        if (off)
            t->word_off = off;
        size_t *len = realloc(t->word_len, cap * sizeof *len);
        if (len)
            t->word_len = len;
        uint32_t *hs = realloc(t->word_hash, cap * sizeof *hs);
        if (hs)
            t->word_hash = hs;
        if (!off || !len || !hs)
            return -1;
        t->words_cap = cap;
    }
    if (t->pool_len + n > t->pool_cap) {
        size_t cap = t->pool_cap ? t->pool_cap * 2 : 1 << 12;
        while (cap < t->pool_len + n)
            cap *= 2;
        char *pool = realloc(t->pool, cap);
        if (!pool)
            return -1;
        t->pool = pool;
        t->pool_cap = cap;
    }
    memcpy(t->pool + t->pool_len, w, n);
    size_t id = t->nwords++;
    t->word_off[id] = t->pool_len;
    t->word_len[id] = n;
    t->word_hash[id] = h;
    t->pool_len += n;
    t->slots[i] = (uint32_t)id + 1;
    return (long)id;
}

static void interner_free(interner *t)
{
    free(t->slots);
    free(t->pool);
    free(t->word_off);
    free(t->word_len);
    free(t->word_hash);
}

static int is_word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* 3 when p starts a character of Chinese, Japanese or Korean writing
 * (kana, ideographs, hangul syllables), else 0. Such text has no spaces
 * between words: it is compared by pairs of adjacent characters. */
static int cjk_len(const unsigned char *p)
{
    if (p[0] < 0xE3 || p[0] > 0xED || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
        return 0;
    unsigned cp = ((unsigned)(p[0] & 0x0F) << 12) | ((unsigned)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
                   (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF)
               ? 3
               : 0;
}

typedef struct {
    uint32_t *data;
    size_t len, cap;
} u32vec;

/* Word positions are 32-bit (the vocabulary's `start`): a document of
 * more than 4 G words is refused as out of memory. */
static int u32_push(u32vec *v, uint32_t x)
{
    if (v->len >= UINT32_MAX)
        return 0;
    if (v->len == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 4096;
        uint32_t *d = realloc(v->data, cap * sizeof *d);
        if (!d)
            return 0;
        v->data = d;
        v->cap = cap;
    }
    v->data[v->len++] = x;
    return 1;
}

/* The stop words in a small hash set, built once per vocabulary. */
enum { STOP_SLOTS = 512 };
typedef struct {
    int16_t slot[STOP_SLOTS]; /* index into slog_stop_words, or -1 */
} stop_set;

static void stop_set_init(stop_set *set)
{
    memset(set->slot, -1, sizeof set->slot);
    for (size_t i = 0; i < slog_nstop_words; i++) {
        size_t k = hash_bytes(slog_stop_words[i].word, slog_stop_words[i].len) & (STOP_SLOTS - 1);
        while (set->slot[k] >= 0)
            k = (k + 1) & (STOP_SLOTS - 1);
        set->slot[k] = (int16_t)i;
    }
}

/* built once per process */
static stop_set stop_words_set;
static pthread_once_t stops_once = PTHREAD_ONCE_INIT;

static void stops_build(void)
{
    stop_set_init(&stop_words_set);
}

static int is_stop_word(const stop_set *set, const char *w, size_t n, uint32_t h)
{
    if (n > 6) /* no stop word is longer */
        return 0;
    for (size_t k = h & (STOP_SLOTS - 1); set->slot[k] >= 0; k = (k + 1) & (STOP_SLOTS - 1)) {
        const char *sw = slog_stop_words[set->slot[k]].word;
        if (slog_stop_words[set->slot[k]].len == n && memcmp(sw, w, n) == 0)
            return 1;
    }
    return 0;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* Sorts and deduplicates: insertion sort for the few words of most items,
 * qsort for long ones (one item of 78,567 words exists in real logs). */
static void sort_unique(uint32_t *a, size_t *n)
{
    if (*n > 32) {
        qsort(a, *n, sizeof *a, cmp_u32);
    } else {
        for (size_t i = 1; i < *n; i++) {
            uint32_t x = a[i];
            size_t j = i;
            for (; j > 0 && a[j - 1] > x; j--)
                a[j] = a[j - 1];
            a[j] = x;
        }
    }
    size_t u = 0;
    for (size_t i = 0; i < *n; i++)
        if (!u || a[u - 1] != a[i])
            a[u++] = a[i];
    *n = u;
}

static int intern_list(interner *t, const char *const *words, size_t n, int status)
{
    for (size_t i = 0; i < n; i++) {
        char w[64] = "\x01";
        size_t len = stem(words[i], strlen(words[i]));
        memcpy(w + status, words[i], len);
        if (intern(t, w, len + (size_t)status, hash_bytes(w, len + (size_t)status)) < 0)
            return 0;
    }
    return 1;
}

/* A status word written in capitals ("PASS", "FAILED"): its key in w. */
static size_t status_key(const char *word, size_t n, int upper, char *w, size_t cap)
{
    if (!upper || n < 2 || n + 1 >= cap)
        return 0;
    size_t len = stem(word, n);
    for (size_t i = 0; i < slog_nstatus_words; i++)
        if (strlen(slog_status_words[i]) >= len &&
            stem(slog_status_words[i], strlen(slog_status_words[i])) == len &&
            memcmp(slog_status_words[i], word, len) == 0) {
            w[0] = '\x01';
            memcpy(w + 1, word, len);
            return len + 1;
        }
    return 0;
}

/* A run of CJK characters as its pairs of adjacent characters (one
 * character alone as itself); returns where the run ends, NULL when out of
 * memory. */
static const unsigned char *cjk_words(interner *t, const unsigned char *p, size_t ngeneric,
                                      u32vec *ids, uint32_t *subject)
{
    const unsigned char *prev = NULL;
    int n = 0;
    for (; cjk_len(p); p += 3, n++) {
        if (prev) {
            long id = intern(t, (const char *)prev, 6, hash_bytes((const char *)prev, 6));
            if (id < 0 || !u32_push(ids, (uint32_t)id))
                return NULL;
            if (!*subject && (size_t)id >= ngeneric)
                *subject = (uint32_t)id + 1;
        }
        prev = p;
    }
    if (n == 1) {
        long id = intern(t, (const char *)prev, 3, hash_bytes((const char *)prev, 3));
        if (id < 0 || !u32_push(ids, (uint32_t)id))
            return NULL;
        if (!*subject && (size_t)id >= ngeneric)
            *subject = (uint32_t)id + 1;
    }
    return p;
}

/* Appends the sorted unique word ids of `text` to `ids`; *subject gets the
 * first word that is neither generic (ids below `ngeneric`) nor a number,
 * plus one (0 when there is none). */
static int tokenize(interner *t, const stop_set *stops, const char *text, size_t ngeneric,
                    u32vec *ids, uint32_t *subject)
{
    size_t first = ids->len;
    char word[64];
    *subject = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p;) {
        if (!is_word_byte(*p)) {
            p++;
            continue;
        }
        if (*p >= 0xE3 && cjk_len(p)) {
            p = cjk_words(t, p, ngeneric, ids, subject);
            if (!p)
                return 0;
            continue;
        }
        size_t n = 0;
        int digits = 1, upper = 1;
        uint32_t h = 2166136261u;
        for (; is_word_byte(*p) && !(*p >= 0xE3 && cjk_len(p)); p++) {
            unsigned char c = *p;
            digits &= c >= '0' && c <= '9';
            upper &= c >= 'A' && c <= 'Z';
            c = (unsigned char)((unsigned)(c - 'A') < 26u ? c + 32 : c);
            if (n < sizeof word) {
                word[n++] = (char)c;
                h = (h ^ c) * 16777619u;
            }
        }
        if ((n < 2 && !digits) || is_stop_word(stops, word, n, h))
            continue;
        char key[72];
        size_t kn = status_key(word, n, upper, key, sizeof key);
        size_t sn = digits ? n : stem(word, n);
        long id = kn ? intern(t, key, kn, hash_bytes(key, kn))
                     : intern(t, word, sn, sn == n ? h : hash_bytes(word, sn));
        if (id < 0 || !u32_push(ids, (uint32_t)id))
            return 0;
        if (!*subject && !digits && (size_t)id >= ngeneric)
            *subject = (uint32_t)id + 1;
    }
    size_t n = ids->len - first;
    if (n) /* ids->data is NULL until the first word: no NULL + 0 */
        sort_unique(ids->data + first, &n);
    ids->len = first + n;
    return 1;
}

/* The generic words take the first ids, then the status words, so that
 * "generic" is "id < ngeneric". They are interned once per process and
 * copied into every vocabulary: a digest builds thousands of small ones. */
static struct {
    interner t;
    size_t ngeneric, nstatus;
    int ok;
} known;
static pthread_once_t known_once = PTHREAD_ONCE_INIT;

static void known_build(void)
{
    interner *t = &known.t;
    known.ok = intern_list(t, slog_generic_words, slog_ngeneric_words, 0);
    known.ngeneric = t->nwords;
    known.ok = known.ok && intern_list(t, slog_status_words, slog_nstatus_words, 1);
    known.nstatus = t->nwords - known.ngeneric;
}

static void *copy_of(const void *p, size_t n)
{
    void *q = malloc(n ? n : 1);
    if (q && n)
        memcpy(q, p, n);
    return q;
}

static int intern_known(interner *t, size_t *ngeneric, size_t *nstatus)
{
    pthread_once(&known_once, known_build);
    if (!known.ok)
        return 0;
    const interner *k = &known.t;
    *t = *k;
    t->slots = copy_of(k->slots, k->cap * sizeof *k->slots);
    t->pool = copy_of(k->pool, k->pool_cap);
    t->word_off = copy_of(k->word_off, k->words_cap * sizeof *k->word_off);
    t->word_len = copy_of(k->word_len, k->words_cap * sizeof *k->word_len);
    t->word_hash = copy_of(k->word_hash, k->words_cap * sizeof *k->word_hash);
    *ngeneric = known.ngeneric;
    *nstatus = known.nstatus;
    return t->slots && t->pool && t->word_off && t->word_len && t->word_hash;
}

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
    interner t = {0};
    u32vec ids = {0};
    pthread_once(&stops_once, stops_build);
    size_t ngeneric = 0, nstatus = 0;
    v->start = malloc((n + 1) * sizeof *v->start);
    v->weight = malloc((n ? n : 1) * sizeof *v->weight);
    v->subject = calloc(n ? n : 1, sizeof *v->subject);
    int ok = v->start && v->weight && v->subject && intern_known(&t, &ngeneric, &nstatus);
    for (size_t i = 0; ok && i < n; i++) {
        v->start[i] = (uint32_t)ids.len;
        const char *text = text_at(things, i);
        if (text)
            ok = tokenize(&t, &stop_words_set, text, ngeneric, &ids, &v->subject[i]);
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
        if (w < ngeneric)
            v->flags[w] |= SLOG_WORD_GENERIC;
        else if (w < ngeneric + nstatus)
            v->flags[w] |= SLOG_WORD_STATUS;
    }
    v->letters = ok ? calloc(t.nwords ? t.nwords : 1, sizeof *v->letters) : NULL;
    ok = ok && v->letters;
    for (size_t w = 0; ok && w < t.nwords; w++)
        if (v->flags[w] & SLOG_WORD_NUMERIC)
            v->letters[w] = slog_word_letters(t.pool + t.word_off[w], t.word_len[w]);
    interner_free(&t);
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
