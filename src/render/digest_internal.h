/* SPDX-License-Identifier: BSD-2-Clause */
/* The digest's stage, shared by its files: digest.c (the root: periods,
 * totals, attention across documents, the chart, the summary),
 * digest_doc.c (one document's section: what changed in the period),
 * digest_prose.c (what a prose entry says) and digest_text.c (texts as
 * shown). The helpers clear *ok when memory runs out. */
#ifndef SLOG_DIGEST_INTERNAL_H
#define SLOG_DIGEST_INTERNAL_H

#include "statuslog/digest.h"

#include "buf.h"
#include "digest_text.h"

enum {
    DIGEST_BAR_WIDTH = 200,  /* age and progress bars, in px */
    DIGEST_SHORT_CHARS = 200 /* item texts as shown */
};

cJSON *dv_add(cJSON *o, const char *key, cJSON *v, int *ok);
void dv_add_str(cJSON *o, const char *key, const char *s, int *ok);
void dv_add_num(cJSON *o, const char *key, double n, int *ok);
void dv_add_bool(cJSON *o, const char *key, int b, int *ok);
void dv_add_date(cJSON *o, const char *key, long day, int *ok);
cJSON *dv_push_obj(cJSON *array, int *ok);
/** "text" (whole), "short" (as shown, never cut inside a code span),
 * "html" (short, escaped, code spans and links as elements) and "plain"
 * (short, without Markdown: for the text format). */
/** "text", "short", "html" and "plain" of a text shown whatever happens. */
void dv_add_texts(cJSON *o, const char *text, int *ok);
/** "text" only; dv_mark_shown (or dv_render_text) adds the shown forms. */
void dv_add_text(cJSON *o, const char *text, int *ok);
void dv_render_text(cJSON *o, int *ok);
/** "N nouns" under `key`. */
void dv_add_phrase(cJSON *o, const char *key, size_t n, const char *one, const char *many, int *ok);
cJSON *dv_get(const cJSON *o, const char *key);
double dv_num(const cJSON *o, const char *key);
void dv_bump(cJSON *o, const char *key, double by);
/** The elements after the first `limit` get "shown": false, and the owner
 * "<key>_more": "… and N more" (null when all are shown). */
void dv_mark_shown(cJSON *owner, const char *key, size_t limit, int *ok);
/** The day the digest is computed as of. */
long dv_as_of(const slog_digest_options *o);
/** The days of the period the chart draws (a year at most, else 0). */
long dv_chart_days(const slog_period *p);

/* What a prose entry says (digest_prose.c). */
typedef struct {
    slog_buf sentence; /* its first sentence, with the list it introduces */
    slog_buf rows[5];  /* table rows with a status word, cells joined */
    size_t nrows;
    size_t nintroduced;  /* items of an introduced list taken */
    slog_buf first_item; /* the first list item's text (its lines joined), when no paragraph */
    slog_buf status;     /* the value of a "Status:" line ("Open", "✅ RESOLVED"), or empty */
    slog_buf subtitle;   /* the title of a sub-heading before any text ("### Added auth") */
    int placeholder;     /* it says only "*To be filled*", "TBD": nothing written yet */
    int has_entries;     /* entries stand inside it (they say what it did) */
    int failed;
} digest_prose;

void digest_prose_read(const slog_doc *d, const slog_entry *e, digest_prose *out);
void digest_prose_free(digest_prose *p);

/** Folds the copies among the attention items, sorts them oldest first and
 * marks the shown ones (digest_attention.c). */
void digest_sort_attention(cJSON *root, int *ok);

#endif
