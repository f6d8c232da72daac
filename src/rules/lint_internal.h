/* SPDX-License-Identifier: BSD-2-Clause */
/* Shared by the lint driver and the rule files. */
#ifndef SLOG_LINT_INTERNAL_H
#define SLOG_LINT_INTERNAL_H

#include "config_internal.h"
#include "dates.h"
#include "statuslog/lint.h"

typedef struct {
    const slog_doc *doc;
    const slog_config *config;
    long today;
    slog_diags *out;
    const slog_entry **duplicate_of; /* per entry: the earlier entry it repeats, or NULL */
    int as_of;                       /* the document as it stood on `today` */
} lint_ctx;

/** With as_of: the entry holding `line` is dated after today (what it says
 * was not written yet). */
int lint_after_today(const lint_ctx *ctx, int line);
/** With as_of: the entry was dated after today. */
int lint_entry_after_today(const lint_ctx *ctx, const slog_entry *e);

/** Fills ctx->duplicate_of: same log, date, label and time (lint_duplicates.c). */
slog_status lint_find_duplicates(lint_ctx *ctx);
/** duplicate-entry's findings, from ctx->duplicate_of. */
slog_status lint_duplicate_entry(lint_ctx *ctx);
/** "2025-10-01 15:51 MDT": an entry's date as written, normalised (lint_dates.c). */
const char *lint_when(const slog_entry *e, char *buf, size_t size);

/** Reports a finding of `rule` with its configured severity (none if off). */
slog_status lint_emit(lint_ctx *ctx, slog_rule rule, int line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
/** 1 when the rule is not turned off. */
int lint_enabled(const lint_ctx *ctx, slog_rule rule);

/** Copies up to `max` bytes of text into buf (cut at a character boundary,
 * with "…" when cut). */
const char *lint_excerpt(const char *text, char *buf, size_t size, size_t max);

/* The rule groups: each runs the rules of one subject. */
slog_status lint_dates(lint_ctx *ctx);           /* entry-order, invalid-date, future-entry,
                                                    entry-before-document, duplicate-entry */
slog_status lint_content(lint_ctx *ctx);         /* stale-item, empty-entry, repeated-entry,
                                                    open-checklist, unmarked-item */
slog_status lint_encoding(lint_ctx *ctx);        /* invalid-utf8, mojibake */
slog_status lint_open_checklists(lint_ctx *ctx); /* open-checklist (lint_checklist.c) */
slog_status lint_stale_items(lint_ctx *ctx);     /* stale-item (lint_stale.c) */

/* open-checklist's "done later" (lint_done_later.c): box i (checklist i of
 * the document) is one a checked box or done item written after it says
 * was done. */
typedef struct lint_done_index lint_done_index;
slog_status lint_done_index_build(const lint_ctx *ctx, lint_done_index **out);
int lint_done_later(const lint_done_index *x, size_t box);

/* open-checklist: `line` stands in a form left to fill in, a section with
 * blanks ("____") above it in no dated record (lint_form.c); `cache` has a
 * byte per section, zero at first. */
int lint_in_form(const slog_doc *d, int line, unsigned char *cache);

/* The undated sections that enclose a line, innermost first, each at a
 * level above the last, up to level 1 and 256 headings looked at:
 * lint_enclosing_start, then lint_enclosing_next until NULL
 * (lint_checklist.c). */
typedef struct {
    size_t k, steps;
    int level;
} lint_enclosing;
void lint_enclosing_start(const slog_doc *d, int line, lint_enclosing *w);
const slog_section *lint_enclosing_next(const slog_doc *d, lint_enclosing *w);

/* open-checklist: a box that is no task to tick once, and a line in a
 * section that parks its work for later or keeps a standing procedure
 * (lint_notask.c). */
int lint_box_no_task(const slog_checklist_item *box);
int lint_parked_section(const slog_doc *d, int line);

/* The title of the nearest heading above `line`: a dated one (its entry's
 * label) or not (its section's) (lint_checklist.c). */
const char *lint_heading_above(const slog_doc *d, int line);

/* open-checklist: the record the box stands in (or that goes on in the
 * undated sections after it) says in its status field that it is done,
 * and the box is under no caption of work left (lint_record.c). */
int lint_record_done(const slog_doc *d, const slog_checklist_item *box);

/* A heading or note that says aloud its work is done: a ✅, or COMPLETE,
 * COMPLETED, DONE in capitals (lint_done_later.c). */
int lint_says_done_aloud(const char *t);

/* open-checklist: box's caption names a piece of work ("Remaining for Slice
 * 2") that a later heading says is done ("Slice 2 Status: COMPLETE ✅";
 * lint_caption.c). */
typedef struct lint_caption_index lint_caption_index;
slog_status lint_caption_index_build(const lint_ctx *ctx, lint_caption_index **out);
int lint_caption_done_later(const lint_caption_index *x, const slog_checklist_item *box);
void lint_caption_index_free(lint_caption_index *x);
void lint_done_index_free(lint_done_index *x); /* NULL: nothing */
/* Of two places with the same day, la was written after lb: below it, or
 * above it in a newest-first log. */
int lint_later_on_the_day(const slog_log *log_a, int la, const slog_log *log_b, int lb);

#endif
