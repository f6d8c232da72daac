/* SPDX-License-Identifier: BSD-2-Clause */
/* statuslog: edits — appending results by splicing bytes into the original
 * (SPEC §4), and writing files safely. */
#ifndef STATUSLOG_EDIT_H
#define STATUSLOG_EDIT_H

#include <stdio.h>

#include "statuslog/config.h"
#include "statuslog/doc.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    slog_state state;
    const char *text; /* may span lines: they become continuation lines */
} slog_append_item;

/** What to record: items for the entry of `date` and `label`. */
typedef struct {
    const char *date;  /* "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS]" with an optional zone
                          ("Z", "+02:00", "MDT"); NULL: today in the configured zone */
    const char *label; /* NULL: "Status" */
    const slog_append_item *items;
    size_t nitems;
} slog_append_request;

typedef struct {
    unsigned version;
    const slog_config *config; /* NULL: defaults */
    int no_dedupe;             /* add items even when the entry has them already */
    const char *filename;      /* for messages */
    /* version 2: */
    int whole_model; /* read the whole document's model, not its skeleton and the
                        entries the edit touches (the same result, slower: for tests) */
} slog_append_options;

#define SLOG_APPEND_OPTIONS_VERSION 2

typedef struct {
    size_t added;   /* items written */
    size_t skipped; /* items already present (not written again) */
    int new_entry;  /* a new entry (heading) was made */
    int line;       /* first line of the inserted text in the result, 0 if none */
} slog_append_summary;

/** Validates a request: date (calendar date, time of day, known zone), label
 * without line breaks, items with text. SLOG_ERR_INVALID with a message. */
slog_status slog_append_check(const slog_append_request *req, slog_error *err);

/** Applies one request to a document's bytes: *out (malloc'd, *out_len
 * bytes) is `raw` with the new text spliced in; every other byte is as it
 * was. When nothing is added (all items present), *out is a copy. */
slog_status slog_append_buffer(const char *raw, size_t len, const slog_append_request *req,
                               const slog_append_options *opts, char **out, size_t *out_len,
                               slog_append_summary *summary, slog_error *err);

/** Reads `--from-json` input: {"date", "label", "items": [{"state", "text"}]}
 * or an array of such objects. *reqs and everything in it live in one block:
 * free it with slog_append_requests_free. */
slog_status slog_append_requests_from_json(const char *json, size_t len, const char *name,
                                           slog_append_request **reqs, size_t *count,
                                           slog_error *err);
void slog_append_requests_free(slog_append_request *reqs, size_t count);

/** A change to a file's bytes: one insertion into the old bytes, or (when
 * `whole` is set) entirely new contents. An empty edit changes nothing. */
typedef struct {
    size_t offset; /* where `insert` goes in the old bytes */
    char *insert;  /* malloc'd, NULL for none */
    size_t insert_len;
    char *whole; /* malloc'd new contents, or NULL */
    size_t whole_len;
} slog_edit;

/** Frees what an edit holds. */
void slog_edit_free(slog_edit *edit);

/** Like slog_append_buffer, but returns the insertion itself instead of a
 * new copy of the document (what slog_update_file writes fastest). */
slog_status slog_append_edit(const char *raw, size_t len, const slog_append_request *req,
                             const slog_append_options *opts, slog_edit *edit,
                             slog_append_summary *summary, slog_error *err);

/** The transformation slog_update_file applies under its lock. */
typedef slog_status (*slog_transform)(const char *old, size_t old_len, slog_edit *edit, void *ctx,
                                      slog_error *err);

/** Updates a file safely: resolves symlinks (the target changes, the link
 * stays), takes an exclusive lock on the file (released by the kernel if the
 * process dies, so a crash never blocks later updates), reads it under the
 * lock, applies `fn`, writes the result to a temporary file in the same
 * directory (the unchanged parts copied in the kernel where it can), fsyncs
 * it, keeps the mode, renames it over the file and fsyncs the directory:
 * readers see the old or the new file, never a part. With `write` 0 nothing
 * is written (a dry run). When `old_out` is not NULL, both versions are
 * returned in full (caller frees). A read-only file, an unwritable directory,
 * a directory or a missing file fail with nothing changed. */
slog_status slog_update_file(const char *path, slog_transform fn, void *ctx, int write,
                             char **old_out, size_t *old_len, char **new_out, size_t *new_len,
                             slog_error *err);

/* --- fix (SPEC §7) ---------------------------------------------------------- */

/** The repairs of statuslog fix. */
enum {
    SLOG_FIX_ENCODING = 1,   /* undo mojibake exactly */
    SLOG_FIX_ORDER = 2,      /* move what entry-order reports where it belongs */
    SLOG_FIX_DUPLICATES = 4, /* merge duplicate entries into the first */
    SLOG_FIX_ALL = 7
};

typedef struct {
    unsigned version;
    const slog_config *config; /* NULL: defaults */
    unsigned repairs;          /* SLOG_FIX_*, 0: all */
    const char *filename;      /* for messages */
    int whole_model;           /* version 2: the order repair reads the whole model, not the
                                  skeleton and the entries it moves (the same result; for tests) */
} slog_fix_options;

#define SLOG_FIX_OPTIONS_VERSION 2

typedef struct {
    int encoding;         /* the mojibake was undone */
    size_t moved;         /* entries moved to where they belong */
    size_t merged;        /* duplicate entries merged into the first */
    size_t items_moved;   /* their items moved into the first */
    size_t items_dropped; /* their items the first had already */
    size_t unmovable;     /* entries out of order that cannot move where they belong
                             without changing their heading level (left as they are) */
} slog_fix_summary;

/** The repaired document: *out (malloc'd, *out_len bytes) equals `raw`
 * when nothing is due. Encoding first, then duplicates, then order; every
 * byte no repair touches is kept. */
slog_status slog_fix_buffer(const char *raw, size_t len, const slog_fix_options *opts, char **out,
                            size_t *out_len, slog_fix_summary *summary, slog_error *err);

/** Repairs a file in place as slog_update_file writes (nothing written when
 * nothing is due, or when `write` is 0). The versions as for
 * slog_update_file. */
slog_status slog_fix_file(const char *path, const slog_fix_options *opts, int write,
                          slog_fix_summary *summary, char **old_out, size_t *old_len,
                          char **new_out, size_t *new_len, slog_error *err);

/** Writes a unified diff of two versions of a file (`diff -u`, GNU
 * diffutils, run without a shell) to `out`. 0, or -1 with err filled. */
int slog_write_diff(FILE *out, const char *name, const char *old, size_t old_len,
                    const char *new_text, size_t new_len, slog_error *err);

/* --- merge (SPEC §8) ------------------------------------------------------------- */

typedef struct {
    unsigned version;
    const slog_config *config; /* NULL: defaults */
    const char *filename;      /* the file's path in the repository, for messages */
    int whole_model;           /* version 2: read the three sides whole, not their skeletons and
                                  the entries THEIRS changed (the same result; for tests) */
} slog_merge_options;

#define SLOG_MERGE_OPTIONS_VERSION 2

typedef struct {
    size_t entries_added;  /* THEIRS' new entries placed in OURS */
    size_t items_added;    /* THEIRS' new items in entries OURS has */
    size_t items_reworded; /* THEIRS' rewordings of items OURS kept as they were */
    size_t ticks;          /* boxes THEIRS ticked */
    size_t conflicts;      /* regions with conflict markers */
    int line_merge;        /* merged by git's line merge (git merge-file) instead */
} slog_merge_summary;

/** A three-way merge of status logs: OURS with what THEIRS added since
 * BASE (entries and items placed as append places them, ticks, rewordings),
 * conflict markers around an item both sides reworded differently. A side
 * without dated entries, or a change the structured merge cannot carry
 * (every line THEIRS added must be in the result), is merged by `git
 * merge-file` instead. *out is malloc'd. */
slog_status slog_merge_buffers(const char *base, size_t base_len, const char *ours, size_t ours_len,
                               const char *theirs, size_t theirs_len,
                               const slog_merge_options *opts, char **out, size_t *out_len,
                               slog_merge_summary *summary, slog_error *err);

/** The git merge driver: merges the three files and writes the result over
 * OURS (temporary file, fsync, rename), as git expects. */
slog_status slog_merge_files(const char *base, const char *ours, const char *theirs,
                             const slog_merge_options *opts, slog_merge_summary *summary,
                             slog_error *err);

/** Installs the merge driver: "PATTERN merge=statuslog" lines (default
 * "*.md") in the repository's top-level .gitattributes (or, `global`, the
 * user's attributes file), kept when present, and the `merge.statuslog`
 * entries of git config (local or global) running `program merge %O %A %B
 * %P`. *attributes_file (malloc'd) names the file written. */
slog_status slog_merge_install(const char *program, const char *const *patterns, size_t n,
                               int global, char **attributes_file, slog_error *err);

/** Writes `len` bytes to `path` the safe way (temporary file, fsync, rename,
 * directory fsync): the file is complete or not there (or as it was). */
slog_status slog_write_file_atomic(const char *path, const char *data, size_t len, slog_error *err);

/** Writes a unified diff of two texts that differ by inserted lines (as
 * appends produce) to `out`, with three lines of context. */
int slog_write_insertion_diff(FILE *out, const char *name, const char *old, size_t old_len,
                              const char *new_text, size_t new_len);

#ifdef __cplusplus
}
#endif
#endif
