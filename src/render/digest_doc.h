/* SPDX-License-Identifier: BSD-2-Clause */
/* One document's view in the digest, shared by digest_doc.c (the section:
 * attention, done, threads, counts) and digest_notes.c (what its entries
 * say besides: prose lines, notes, checklist and follow-ups). */
#ifndef SLOG_DIGEST_DOC_H
#define SLOG_DIGEST_DOC_H

#include "digest_internal.h"

enum {
    FOLD_WINDOW = 64,    /* done items compared with this many recent lines */
    LIST_SHOWN = 10,     /* items shown per list of a document */
    PROSE_SHOWN = 5,     /* prose entries shown, the newest */
    NOTES_PER_ENTRY = 3, /* more unmarked lines than this: the entry is shown as prose */
    COMPARED = 256       /* threads, done items, earlier follow-ups a follow-up is compared with */
};

static inline int in_period(const slog_period *p, long day)
{
    return day >= p->since && day <= p->until;
}

/* Task-list boxes are reported by checklist progress, not as items done or
 * threads opened (a box says nothing of when it was checked). */
static inline int is_box(const slog_item *it)
{
    return it->marker[0] == '[';
}

/* A thread as it stood on the digest's day. */
typedef struct {
    const slog_item *latest; /* latest mention by then; NULL: not seen yet */
    slog_state state;        /* its state then */
    long resolved;           /* the day it was resolved by then, or -1 */
    int stale;
    int faded; /* failed, and its log went on past stale_days without it */
} thread_then;

static inline int open_then(const thread_then *t)
{
    return t->latest && t->resolved < 0;
}

typedef struct {
    const slog_doc *d;
    const slog_digest_options *opts;
    const slog_period *p;
    long day;             /* as of */
    thread_then *threads; /* per doc->threads */
    cJSON *root, *doc;
    const char *name;
    int titled; /* named by its title or top heading, not its path */
    size_t entries, done, done_lines, opened, closed, carried, open, notes, prose, attention;
    int ok;
} doc_view;

/* In the period, and written by the digest's day (a running week ends
 * today). */
static inline int in_window(const doc_view *v, long day)
{
    return in_period(v->p, day) && day <= v->day;
}

void digest_notes(doc_view *v);
void digest_checklist(doc_view *v, size_t *checked);
void digest_followups(doc_view *v, size_t *count);

#endif
