/* SPDX-License-Identifier: BSD-2-Clause */
/* What a document keeps besides its public fields. */
#ifndef SLOG_DOC_INTERNAL_H
#define SLOG_DOC_INTERNAL_H

#include "arena.h"
#include "statuslog/config.h"
#include "statuslog/doc.h"
#include "statuslog/parse.h"
#include "similar.h"
#include "skeleton.h"
#include "text.h"

struct slog_doc_private {
    slog_arena arena; /* every string and node of the model */
    char *raw;        /* the original bytes, owned unless raw_borrowed */
    size_t raw_len;
    int raw_borrowed;   /* raw is the caller's (slog_parse_skeleton) */
    slog_text text;     /* the decoded text the model was built from */
    slog_text skeleton; /* the skeleton it was built from instead (slog_parse_skeleton), or empty */
    slog_item **items;  /* every item by index */
    slog_vocab vocab;   /* words of every item, for similarity: see slog_doc_words */
    int has_vocab;
    int no_threads;     /* built without words and threads */
    size_t chunk_bytes; /* how the reading groups sections (0: the default) */
    unsigned jobs;      /* threads for the reading (slog_parse_options.jobs) */
    int *splits;        /* lines of "<summary>": each opens a log of its own (logs.c);
                           negated, of "</details>", where that log ends */
    size_t nsplits;
};

/** Parses `len` bytes (not copied: they must outlive the document) from their skeleton
 * (skeleton.h): every entry, section and log, and the items of the entries in the ranges keep[2k]
 * .. keep[2k + 1] only; the text is the whole (for the lines an edit reads and splices). For edits
 * that touch a few entries of a large log (append, fix --order). `guess` (or NULL): more sections
 * kept whole, see skeleton.h; its `all` is set when the reading falls back to the whole text. */
slog_status slog_parse_skeleton(const char *data, size_t len, const slog_parse_options *opts,
                                const int *keep, size_t nkeep, slog_skeleton_guess *guess,
                                slog_doc **out, slog_error *err);

/** Builds the model of `doc` (raw and text already set) with cmark. */
slog_status slog_build(slog_doc *doc, const slog_config *config, slog_error *err);

/** The item says a task was done: a done item, or a note that says so in
 * words ("Summary written and sent", "R2 语义修复完成"), which closes the
 * threads it is the same task as (threads.c). */
int slog_item_closes(const slog_item *it);

/** Links open items into doc->threads (threads.c). */
slog_status slog_threads_build(slog_doc *doc, const slog_config *config, slog_item *const *all,
                               const slog_vocab *v, slog_arena *arena);

/** The words of every item (built on first use: a document without open
 * items and no question of similarity never tokenizes its items). Not for
 * two threads at once on one document. */
slog_status slog_doc_words(const slog_doc *doc, const slog_vocab **out);

/** The innermost entry whose section holds `line`, or NULL: a binary search
 * over the entries (in document order) and up through their parents. */
const slog_entry *slog_doc_entry_at(const slog_doc *doc, int line);

/** The number of undated sections that start before `line` (a binary
 * search: sections are in document order); those at or above it are
 * slog_doc_sections_before(doc, line + 1). */
size_t slog_doc_sections_before(const slog_doc *doc, int line);

/* A follow-ups heading ("Next steps", "Наступні кроки (Сесія 5):"), by the
 * configuration's followup_headings (build_says.c). */
int slog_followup_heading(const slog_config *config, const char *text);

/** Stable 8-hex-digit id of an item: entry date, label and normalized text. */
uint32_t slog_item_hash(const char *date, const char *label, const char *text);
void slog_item_id(const char *date, const char *label, const char *text, char out[9]);

/** Entries by key — date, time, label — as check and merge pair the
 * entries of two versions of a document (logs.c); slog_entry_by_key, a
 * qsort comparator of `slog_entry *`, orders equal keys by document order. */
int slog_entry_key_cmp(const slog_entry *x, const slog_entry *y);
int slog_entry_by_key(const void *a, const void *b);

#endif
