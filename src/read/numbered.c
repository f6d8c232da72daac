/* SPDX-License-Identifier: BSD-2-Clause */
/* Work numbered apart: "Phase 8" and "Phase 9", "Exercise 3" and "Exercise
 * 4", "PR #46" and "PR #47" are two pieces of work however alike the words
 * around their numbers (threads.c, and repeated-entry). */
#include "similar.h"

#include <stddef.h>
#include <string.h>
#include <strings.h>

enum { NUMBERED_MAX = 8, NUMBER_LEN = 12 };

typedef struct {
    unsigned char word[NUMBERED_MAX]; /* which counting word */
    char num[NUMBERED_MAX][NUMBER_LEN];
    size_t n;
} numbered;

/* Words that count pieces of work: "Phase 8", "Steps 3 and 4", "PR #46". */
static const char *const counting_words[] = {
    "phase",      "phases", "step",    "steps",   "stage",    "stages",  "milestone",
    "milestones", "sprint", "task",    "tasks",   "issue",    "issues",  "pr",
    "prs",        "ticket", "gate",    "week",    "level",    "chapter", "round",
    "iteration",  "epic",   "fase",    "fases",   "etapa",    "schritt", "exercise",
    "exercises",  "lesson", "lessons", "problem", "problems", "day",     "#"};

/* The number at s ("8", "7.2", "2.27e", "#46"): its length, 0 when none. */
static size_t number_at(const char *s, char out[NUMBER_LEN])
{
    size_t i = 0, o = 0;
    if (s[i] == '#')
        i++;
    if (s[i] < '0' || s[i] > '9')
        return 0;
    while ((s[i] >= '0' && s[i] <= '9') || (s[i] == '.' && s[i + 1] >= '0' && s[i + 1] <= '9') ||
           (o && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))) {
        if (o + 1 < NUMBER_LEN)
            out[o++] = (char)(s[i] | ((s[i] >= 'A' && s[i] <= 'Z') ? 0x20 : 0));
        i++;
    }
    out[o] = '\0';
    return (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ? 0 : i;
}

/* The numbers each counting word of t gives ("Phases 10, 11 and 12"). */
static void numbered_work(const char *t, numbered *out)
{
    enum { NWORDS = sizeof counting_words / sizeof *counting_words };
    out->n = 0;
    if (!strpbrk(t, "0123456789"))
        return; /* no number: the common case, cheap */
    for (const char *p = t; *p && out->n < NUMBERED_MAX; p++) {
        char c0 = (char)(*p | (*p >= 'A' && *p <= 'Z' ? 0x20 : 0));
        switch (c0) { /* the words' first letters */
        case 'p':
        case 's':
        case 'm':
        case 't':
        case 'i':
        case 'r':
        case 'g':
        case 'w':
        case 'l':
        case 'c':
        case 'e':
        case 'f':
        case 'd':
        case '#':
            break;
        default:
            continue;
        }
        if (p > t && ((p[-1] >= 'a' && p[-1] <= 'z') || (p[-1] >= 'A' && p[-1] <= 'Z')))
            continue; /* inside a word */
        for (unsigned w = 0; w < NWORDS; w++) {
            if (counting_words[w][0] != c0)
                continue;
            size_t len = strlen(counting_words[w]);
            if (strncasecmp(p, counting_words[w], len))
                continue;
            const char *q = p + len;
            if (w + 1 < NWORDS && *q != ' ')
                continue; /* a word, then a space: "Phase 8" */
            while (*q == ' ')
                q++;
            for (;;) {
                char num[NUMBER_LEN];
                size_t k = number_at(q, num);
                if (!k || out->n == NUMBERED_MAX)
                    break;
                out->word[out->n] = (unsigned char)w;
                memcpy(out->num[out->n++], num, NUMBER_LEN);
                q += k;
                const char *r = q;
                while (*r == ',' || *r == ' ' || *r == '/' || *r == '&')
                    r++;
                if (!strncasecmp(r, "and ", 4))
                    r += 4;
                if (r == q)
                    break;
                q = r;
            }
            break;
        }
    }
}

/* "8" and "8.1" name the same work at two depths; "8" and "9" do not. */
static int same_number(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b), n = na < nb ? na : nb;
    if (strncmp(a, b, n))
        return 0;
    return na == nb || (na > nb ? a[n] : b[n]) == '.';
}

/* Canonical counting word: "phases" counts as "phase". */
static unsigned counting_root(unsigned w)
{
    const char *a = counting_words[w];
    size_t n = strlen(a);
    for (unsigned k = 0; k < w; k++)
        if (strlen(counting_words[k]) + 1 == n && !strncmp(counting_words[k], a, n - 1) &&
            a[n - 1] == 's')
            return k;
    return w;
}

enum { CODES_MAX = 8, CODE_LEN = 16 };

static int upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

static int alnum(char c)
{
    return upper(c) || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* An ISO week after its year: "2024W36", "2024-W36" — its length, or 0. */
static size_t iso_week(const char *p)
{
    size_t i = 0;
    while (i < 4 && p[i] >= '0' && p[i] <= '9')
        i++;
    if (i < 4)
        return 0;
    i += p[i] == '-';
    if (p[i] != 'W' || p[i + 1] < '0' || p[i + 1] > '9' || p[i + 2] < '0' || p[i + 2] > '9' ||
        alnum(p[i + 3]))
        return 0;
    return i + 3;
}

/* The task codes of t: capitals and a number, a dash between or not
 * ("A-05", "IN-02", "OPS-01", "R2", "M1.3", "T03"), and weeks of a year
 * ("weeknotes 2024W36"). */
static size_t task_codes(const char *t, char codes[][CODE_LEN])
{
    size_t n = 0;
    for (const char *p = t; *p && n < CODES_MAX; p++) {
        size_t week = (p == t || !alnum(p[-1])) ? iso_week(p) : 0;
        if (week) {
            memcpy(codes[n], p, week);
            codes[n++][week] = '\0';
            p += week - 1;
            continue;
        }
        if (!upper(*p) || (p > t && alnum(p[-1])))
            continue;
        const char *q = p;
        while (upper(*q) && q - p < 5)
            q++;
        if (q - p > 4)
            continue;
        const char *d = *q == '-' ? q + 1 : q;
        const char *e = d;
        while ((*e >= '0' && *e <= '9') || (*e == '.' && e > d && e[1] >= '0' && e[1] <= '9'))
            e++;
        if (e == d || e - d > 6 || alnum(*e) || e - p >= CODE_LEN)
            continue;
        memcpy(codes[n], p, (size_t)(e - p));
        codes[n++][e - p] = '\0';
        p = e - 1;
    }
    return n;
}

/* Both name task codes, and none in common: "Next: A-02, A-03" is not
 * "Next: A-05, B-01", however alike the rest. */
static int codes_apart(const char *a, const char *b)
{
    char x[CODES_MAX][CODE_LEN], y[CODES_MAX][CODE_LEN];
    size_t nx = task_codes(a, x), ny = nx ? task_codes(b, y) : 0;
    if (!nx || !ny)
        return 0;
    for (size_t i = 0; i < nx; i++)
        for (size_t j = 0; j < ny; j++)
            if (!strcmp(x[i], y[j]))
                return 0;
    return 1;
}

/* Two items that number their work with the same counting word and no
 * number in common, or that name task codes and none in common, are two
 * pieces of work however alike their words: "Next: Phase 8
 * reverification" is not "Next: Phase 9 reverification". */
int slog_numbered_apart(const char *a, const char *b)
{
    if (codes_apart(a, b))
        return 1;
    numbered x, y;
    numbered_work(a, &x);
    if (!x.n)
        return 0;
    numbered_work(b, &y);
    for (size_t i = 0; i < x.n; i++) {
        unsigned w = counting_root(x.word[i]);
        int both = 0, shared = 0;
        for (size_t j = 0; j < y.n; j++) {
            if (counting_root(y.word[j]) != w)
                continue;
            both = 1;
            for (size_t k = 0; k < x.n && !shared; k++)
                shared = counting_root(x.word[k]) == w && same_number(x.num[k], y.num[j]);
        }
        if (both && !shared)
            return 1;
    }
    return 0;
}
