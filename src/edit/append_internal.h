/* SPDX-License-Identifier: BSD-2-Clause */
/* append's parts: append.c plans where the text goes; append_style.c makes
 * it look like its neighbours. */
#ifndef SLOG_APPEND_INTERNAL_H
#define SLOG_APPEND_INTERNAL_H

#include "buf.h"
#include "config_internal.h"
#include "datefind.h"
#include "statuslog/edit.h"

/* The date (and time, zone) of a request. */
typedef struct {
    long day;
    int seconds;     /* -1 without time */
    int has_seconds; /* written with seconds */
    char zone[16];   /* as given, "" for none */
    char iso[48];    /* "2026-03-10", "2026-03-10T09:00-06:00", "2026-03-10 09:00 MDT" */
    int ref_year;    /* the year a year-less date written here reads back with (0: unknown);
                        another year is written out ("Mar 10, 2027") */
    const char *label;
} append_when;

/** Reads "YYYY-MM-DD[THH:MM[:SS][ZONE]]". */
slog_status append_parse_when(const char *when, append_when *w, slog_error *err);

/** Writes the date of `w` as the template line `tpl` writes the date `f`
 * found in it: the same form, month and weekday names, ordinals,
 * separators, padding and clock (without a template: ISO). */
void append_format_date(slog_buf *out, const char *tpl, const slog_found_date *f,
                        const append_when *w);

/** A label in a heading, escaped so that it reads back as written. */
void append_label(slog_buf *out, const char *label);

/** The marker a new item of `state` gets: the first the configuration maps. */
const char *append_marker(const slog_config *c, slog_state state);

/** The lines of an item (LF-terminated, clean UTF-8) after `prefix` and its
 * marker; lines that could open a block are escaped. `folded` gets the text
 * the model will read back (lines folded with one space), for dedupe. */
void append_item_lines(slog_buf *out, slog_buf *folded, const char *prefix, const char *marker,
                       const char *text);

/** Escapes one line of text so that it cannot open a block. */
void append_escaped_line(slog_buf *b, const char *s, size_t n);

/* The document as append sees it, for other edits (fix, merge): its model
 * (without threads) and the byte offsets of its lines in the original. */
typedef struct append_view append_view;

enum { APPEND_VIEW_KEEP = 16 }; /* ints in a keep list: 8 ranges */

/** The view of the document: its whole model (keep NULL), or the model
 * built from its skeleton (every entry and log, at the cost of a line scan;
 * see skeleton.h) with the `nkeep` line ranges of `keep` whole — for an edit
 * that reads the items or the end of a few entries only: it notes those
 * entries (append_view_touch) and reads again with them kept. */
slog_status append_view_open(append_view **out, const char *raw, size_t len, slog_config *cfg,
                             const char *name, const int *keep, size_t nkeep, slog_error *err);
/** The same from the skeleton, with the end of the document from its last
 * dated heading kept whole besides (slog_skeleton_guess.tail): where a
 * late entry or an added one most often stands. */
slog_status append_view_open_tail(append_view **out, const char *raw, size_t len, slog_config *cfg,
                                  const char *name, slog_error *err);
/** Whether every noted section lies in what the reading kept whole besides
 * (append_view_open_tail; or the whole document, read without a faithful
 * skeleton): then no second reading is needed. */
int append_view_guessed(const append_view *v);
/** The last line of e's section, from headings and entries alone (what a
 * skeleton knows): the range append_view_touch notes. */
int append_view_section_last(const append_view *v, const slog_entry *e);
/** Notes that the edit reads the items or the end of `e` (its section). */
void append_view_touch(append_view *v, const slog_entry *e);
/** Forgets the noted sections. */
void append_view_untouch(append_view *v);
/** The noted sections as line ranges, sorted and merged, into `keep` (room
 * for APPEND_VIEW_KEEP ints): their number, or -1 when there were too many. */
int append_view_touched(const append_view *v, int *keep);
/** Whether every noted section lies inside the `nkeep` ranges of `keep`. */
int append_view_touched_within(const append_view *v, const int *keep, size_t nkeep);
void append_view_close(append_view *v);
const slog_doc *append_view_doc(const append_view *v);
int append_view_is_blank(const append_view *v, int line);
/** Where the text after line `after_line` starts in the original bytes (0:
 * the start; the last line: the end). */
size_t append_view_offset(const append_view *v, int after_line);
/** The log a new entry with `label` goes to (as append chooses it). */
const slog_log *append_view_log_of(append_view *v, const char *label);
/** `log` with the logs of its kind beside it, where entries are placed
 * (the view owns it); NULL when out of memory. */
const slog_log *append_view_family(append_view *v, const slog_log *log);
/** Where a new entry dated `w` goes in `log`, as append places one: after
 * line *after_line, with blank lines before or after it. */
void append_view_entry_slot(const append_view *v, const slog_log *log, const append_when *w,
                            slog_entry_kind kind, int *after_line, int *gap_before, int *gap_after);
/** The line after which new items of `e` go (after its last own item);
 * *blank_first when a blank line must come before them (after a paragraph). */
int append_view_items_slot(const append_view *v, const slog_entry *e, int *blank_first);
/** The last line of the entry's header (a setext underline, a dating bold line). */
int append_view_header_end(const append_view *v, const slog_entry *e);
/** The entry's last line that is not blank. */
int append_view_section_end(const append_view *v, const slog_entry *e);
/** `text` (LF line ends) in the document's line endings and mojibake. */
slog_status append_view_encode(const append_view *v, const char *text, size_t len, int eol_first,
                               slog_buf *out);

#endif
