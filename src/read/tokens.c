/* SPDX-License-Identifier: BSD-2-Clause */
/* Words of a text as ids (tokens.h): runs of letters, digits and non-ASCII
 * bytes, lower-cased (ASCII), without stop words, lightly stemmed; pairs of
 * adjacent characters in Chinese, Japanese and Korean writing. */
#include "tokens.h"
#include "similar_words.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* Light stemming so that "fixed", "fixes", "fixing" and "fix" meet, and
 * "update", "updated", "updates": a plural or verb ending goes when three
 * letters remain, then a final "e"; a doubled final consonant is undone
 * ("running" -> "run"). */
size_t slog_word_stem(const char *w, size_t n)
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

static uint32_t hash_bytes(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static int grow_table(slog_interner *t)
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

/* The slot of word w with hash h in t: the slot holding it, or the empty
 * slot where it would go. t->cap must be above 0. */
static size_t slot_of(const slog_interner *t, const char *w, size_t n, uint32_t h)
{
    size_t i = h & (t->cap - 1);
    for (; t->slots[i]; i = (i + 1) & (t->cap - 1)) {
        size_t id = t->slots[i] - 1;
        if (t->word_hash[id] == h && t->word_len[id] == n &&
            memcmp(t->pool + t->word_off[id], w, n) == 0)
            break;
    }
    return i;
}

static int grow_words(slog_interner *t)
{
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
    unsigned char *cls = realloc(t->word_class, cap);
    if (cls)
        t->word_class = cls;
    if (!off || !len || !hs || !cls)
        return 0;
    t->words_cap = cap;
    return 1;
}

static unsigned char known_class(const char *w, size_t n, uint32_t h);

enum { CLASS_LOOK_UP = 255 }; /* intern: the class of a new word is the known table's */

/* The id of word w with hash h (added when new, of class `cls`), or -1
 * when out of memory. */
static long intern(slog_interner *t, const char *w, size_t n, uint32_t h, unsigned char cls)
{
    if ((t->nwords + 1) * 2 > t->cap && !grow_table(t))
        return -1;
    size_t i = slot_of(t, w, n, h);
    if (t->slots[i])
        return (long)t->slots[i] - 1;
    if (t->nwords == t->words_cap && !grow_words(t))
        return -1;
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
    t->word_class[id] = cls == CLASS_LOOK_UP ? known_class(w, n, h) : cls;
    t->pool_len += n;
    t->slots[i] = (uint32_t)id + 1;
    return (long)id;
}

void slog_interner_free(slog_interner *t)
{
    free(t->slots);
    free(t->pool);
    free(t->word_off);
    free(t->word_len);
    free(t->word_hash);
    free(t->word_class);
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

/* Word positions are 32-bit (the vocabulary's `start`): a document of
 * more than 4 G words is refused as out of memory. */
static int u32_push(slog_u32vec *v, uint32_t x)
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

static int intern_list(slog_interner *t, const char *const *words, size_t n, int status)
{
    unsigned char cls = status ? SLOG_WORD_CLASS_STATUS : SLOG_WORD_CLASS_GENERIC;
    for (size_t i = 0; i < n; i++) {
        char w[64] = "\x01";
        size_t len = slog_word_stem(words[i], strlen(words[i]));
        memcpy(w + status, words[i], len);
        if (intern(t, w, len + (size_t)status, hash_bytes(w, len + (size_t)status), cls) < 0)
            return 0;
    }
    return 1;
}

/* A status word written in capitals ("PASS", "FAILED"): its key in w. */
static size_t status_key(const char *word, size_t n, int upper, char *w, size_t cap)
{
    if (!upper || n < 2 || n + 1 >= cap)
        return 0;
    size_t len = slog_word_stem(word, n);
    for (size_t i = 0; i < slog_nstatus_words; i++)
        if (strlen(slog_status_words[i]) >= len &&
            slog_word_stem(slog_status_words[i], strlen(slog_status_words[i])) == len &&
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
static const unsigned char *cjk_words(slog_interner *t, const unsigned char *p, slog_u32vec *ids,
                                      uint32_t *subject)
{
    const unsigned char *prev = NULL;
    int n = 0;
    for (; cjk_len(p); p += 3, n++) {
        if (prev) {
            long id =
                intern(t, (const char *)prev, 6, hash_bytes((const char *)prev, 6), CLASS_LOOK_UP);
            if (id < 0 || !u32_push(ids, (uint32_t)id))
                return NULL;
            if (!*subject && t->word_class[id] != SLOG_WORD_CLASS_GENERIC)
                *subject = (uint32_t)id + 1;
        }
        prev = p;
    }
    if (n == 1) {
        long id =
            intern(t, (const char *)prev, 3, hash_bytes((const char *)prev, 3), CLASS_LOOK_UP);
        if (id < 0 || !u32_push(ids, (uint32_t)id))
            return NULL;
        if (!*subject && t->word_class[id] != SLOG_WORD_CLASS_GENERIC)
            *subject = (uint32_t)id + 1;
    }
    return p;
}

/* Appends the sorted unique word ids of `text` to `ids`; *subject gets the
 * first word that is neither generic nor a number,
 * plus one (0 when there is none). */
static int tokenize(slog_interner *t, const stop_set *stops, const char *text, slog_u32vec *ids,
                    uint32_t *subject)
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
            p = cjk_words(t, p, ids, subject);
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
        size_t sn = digits ? n : slog_word_stem(word, n);
        long id = kn ? intern(t, key, kn, hash_bytes(key, kn), CLASS_LOOK_UP)
                     : intern(t, word, sn, sn == n ? h : hash_bytes(word, sn), CLASS_LOOK_UP);
        if (id < 0 || !u32_push(ids, (uint32_t)id))
            return 0;
        if (!*subject && !digits && t->word_class[id] != SLOG_WORD_CLASS_GENERIC)
            *subject = (uint32_t)id + 1;
    }
    size_t n = ids->len - first;
    if (n) /* ids->data is NULL until the first word: no NULL + 0 */
        sort_unique(ids->data + first, &n);
    ids->len = first + n;
    return 1;
}

/* The generic and status words, interned once per process; a document's
 * table looks each of its words up here once, when first seen: a digest
 * builds thousands of small tables, and a copy of this one in each cost
 * more than the rest of their building. */
static struct {
    slog_interner t;
    int ok;
} known;
static pthread_once_t known_once = PTHREAD_ONCE_INIT;

static void known_build(void)
{
    slog_interner *t = &known.t;
    known.ok = intern_list(t, slog_generic_words, slog_ngeneric_words, 0) &&
               intern_list(t, slog_status_words, slog_nstatus_words, 1);
}

static unsigned char known_class(const char *w, size_t n, uint32_t h)
{
    const slog_interner *k = &known.t;
    if (!known.ok || !k->cap)
        return SLOG_WORD_CLASS_PLAIN;
    size_t i = slot_of(k, w, n, h);
    return k->slots[i] ? k->word_class[k->slots[i] - 1] : SLOG_WORD_CLASS_PLAIN;
}

int slog_interner_start(slog_interner *t)
{
    memset(t, 0, sizeof *t);
    pthread_once(&stops_once, stops_build);
    pthread_once(&known_once, known_build);
    return known.ok;
}

int slog_tokenize(slog_interner *t, const char *text, slog_u32vec *ids, uint32_t *subject)
{
    return tokenize(t, &stop_words_set, text, ids, subject);
}
