/* SPDX-License-Identifier: BSD-2-Clause */
/* The model builder's state, shared by the files of the reading stage:
 * build.c (the walk, headings and sections), build_entries.c (entries of the
 * three kinds and their dates), build_items.c (items, markers, checklists,
 * follow-ups), build_meta.c (front matter, metadata, the document's date).
 * A builder walks one or more cmark trees in document order; each tree's
 * line 1 is line `line_offset` + 1 of the document. */
#ifndef SLOG_BUILD_INTERNAL_H
#define SLOG_BUILD_INTERNAL_H

#include <cmark.h>

#include "buf.h"
#include "cmark_arena.h"
#include "config_internal.h"
#include "datefind.h"
#include "doc_internal.h"

/* A growable array, copied into the arena when the walk ends. */
typedef struct {
    void *data;
    size_t len, cap, size;
} vec;

void *vec_push(vec *v);
void *vec_to_arena(vec *v, slog_arena *arena, size_t *count);

/* An open heading: its section lasts until a heading of the same or a higher level. */
typedef struct {
    int level, line;
    slog_entry *entry; /* a dated heading, or one a bold line below it dates; else NULL */
    const char *title;
    int followup;
} heading_frame;

/* An open list item. */
typedef struct {
    cmark_node *node;
    slog_item *item; /* NULL: a list entry whose line held nothing but its date */
    slog_item *children_tail;
    int has_text;
    slog_entry *list_entry; /* the item is this entry: its nested items are the entry's */
    size_t text_skip;       /* bytes of the item's first line taken by its date */
    int says_state; /* "- Next:" over a nested list: the state its unmarked items take, else -1 */
} item_frame;

/* What an N/N/YYYY entry date was, to settle month/day order per document. */
typedef struct {
    slog_entry *entry;
    int first, second;
    int weekday; /* as written, -1 none */
    int dotted;  /* N.N.YYYY */
} numeric_date;

/* Records of one kind opened by a line at the top of a paragraph
 * (build_lines.c): the first such line after line `after` (0: none), kept
 * while it lies ahead, so a document is read once however many records it
 * has; and how many records of the kind were made. */
typedef struct {
    int after, next, made;
} build_lookahead;

typedef struct builder {
    slog_doc *doc;
    slog_arena *arena;
    const slog_text *text;
    slog_config *cfg;
    slog_error *err;
    vec entries, tails, sections, checklists, followups, meta, numeric;
    vec splits;             /* int: lines of "<summary>" that open a collapsed block of a log, and
                               (negated) of the "</details>" that close one */
    vec headings, items;    /* stacks of heading_frame, item_frame */
    vec all_items;          /* slog_item *, by index */
    int line_offset;        /* the current piece's line 1 is this line + 1 */
    int piece_last;         /* and its last line */
    slog_buf piece_buf;     /* a piece with the link definitions after it */
    slog_cmark_arena cmark; /* the current piece's tree */
    int no_title;           /* the guess: the first heading is no title */
    int seen_heading;
    int first_heading_level1;
    int level1_headings;
    int seen_level2;
    int last_block_end;
    slog_buf text_buf;            /* scratch for heading text and folded item text */
    const char *markers_seen[16]; /* one copy of each marker (marker_copy) */
    size_t nmarkers_seen;
    slog_buf line_buf;     /* scratch for a bold line without its markers */
    int caption_of;        /* the line of the list whose caption is cached (0: none) */
    const char *caption;   /* its caption (arena), or NULL */
    int says_caption;      /* what it says of the list's marks (build_items.c SAYS_*) */
    int says_heading_line; /* the heading whose says_heading is cached (0: none) */
    int says_heading;
    int weighs_heading_line; /* the heading whose weighs_heading is cached (0: none) */
    int weighs_heading;      /* it names pros and cons (only that: done items ask) */
    int numeric_day_first;   /* an N/N/YYYY date here can only be day first */
    int dotted_day_first;    /* an N.N.YYYY date here can only be day first */

    slog_entry *bold;           /* a bold-line entry: runs to the next heading or bold line */
    cmark_node *dating_para;    /* the paragraph that made its heading an entry */
    cmark_node *restating_para; /* a dated heading's first paragraph restating its date */
    cmark_node *entry_list;     /* the list whose dated items are entries */
    char title_log_key[64];     /* the key of bold date lines below the title that make a log */
    int plain_dates;            /* entries made by lines that are only a date, over a list */
    build_lookahead stamps, date_lines; /* records opened by a stamp, by a date line */
    int line_dates;                     /* a log of dated lines in this section (build_lines.c) */
    slog_entry *keyed_entry;            /* its last entry dated by a key ("- timestamp: ..."): the
                                           undated items after it are its fields */
    int last_list_entries;              /* the last top-level list was such a list */
    int last_piece_ended_in_list;
    int list_goes_on; /* the piece opens with the last piece's list: 1, or 2 when
                         that list's dated items are entries */

    int year_scan_line; /* year-less dates: text before this line was searched */
    int year_ref;       /* the latest full date before it: year, month (0: none) */
    int month_ref;
    int year_ref_entry; /* the date of reference is an entry's */
    int day_ref;        /* its day of the month, and which way the entries ran to it: */
    int trend;          /* -1 back in time, 1 on, 0 not known */
    int has_front_matter_date;
    long front_matter_day;
    int has_meta_date;
    int has_stamp_date; /* "**Last updated:** ..." before the first entry */
    long stamp_day;
} builder;

slog_status build_nomem(builder *b);
/* The doc line of a cmark line of the current tree. */
int build_line(const builder *b, int cmark_line);
/* The same for where a block ends: never beyond the current piece (whose
 * tree may hold the document's link definitions after it). */
int build_end_line(const builder *b, int cmark_line);
/* The last line in [first, last] that is not blank. */
int build_last_nonblank(builder *b, int first, int last);
/* Whether lines first..last hold text beside HTML tags, comments and
 * blanks ("<br>" alone says nothing). */
int build_lines_say_something(builder *b, int first, int last);

/* build_entries.c */
/** A date found on `line` can date an entry: it has a year, or a date
 * before it gives one. */
int build_dateable(builder *b, int line, const slog_found_date *f);
/** The date `f` found in s[0, len) stamps a revision of what the text names
 * ("#### Comparison (Dec 16 - Updated)"): no entry. */
/* A bold key opening t[0, len) ("**Status:** …", "**Causa**: …"): its
 * words (0: no such key), the key's text in *key and *key_len (its colon
 * aside) and where its value starts in *value; any out pointer may be
 * NULL (build_statement.c). */
size_t build_bold_key(const char *t, size_t len, const char **key, size_t *key_len, size_t *value);
/* The heading the builder is in, or NULL. */
heading_frame *build_innermost_heading(builder *b);
/* A list's caption: the short paragraph right above it (its line in
 * *line), or NULL. */
const char *build_list_caption(builder *b, cmark_node *item, int *line);
/* The state of item `it` (of list item `node`) as its list's caption or
 * heading, and its own line, say (build_says.c). */
slog_state build_state_in_context(builder *b, cmark_node *node, const slog_item *it);
/* A heading of follow-ups ("## 🎯 **Next Steps**"; build_says.c). */
int build_followup_heading(const slog_config *cfg, const char *text);
/* A date a sub-heading mentions in passing ("the 2026-04-03 fix"). */
int build_date_in_passing(const char *h, const slog_found_date *fd);
/* A space or a tab: what separates words on a line. */
static inline int build_is_space(char c)
{
    return c == ' ' || c == '\t';
}

/* 1 when a heading of the stack but `except` is a dated entry's. */
int build_inside_dated_entry(builder *b, const heading_frame *except);
/* 1 when the caption or heading of list item `node`'s list ranks priority. */
int build_colour_ranks(builder *b, cmark_node *node);
int build_stamp_mention(const char *s, size_t len, const slog_found_date *f);
/* A heading's date that opens no entry: a bound ("History before …"), a
 * day written the day before ("Tomorrow's to-dos (…)"), a session's end
 * stamp ("Session end: …"). */
int build_date_opens_no_entry(const char *h, size_t hlen, const slog_found_date *f);
/** A new entry dated by `f` (found in `text`), appended to the document. */
slog_entry *build_new_entry(builder *b, slog_entry_kind kind, int line, int level, const char *text,
                            size_t len, const slog_found_date *f);
/** The label of a heading or line: text without the date span and the
 * brackets and separators around it. */
char *build_label(builder *b, const char *h, size_t len, size_t start, size_t end);
/* The bytes of a calendar or clock emoji at s ("📅", "🕐"), which stands
 * for the date beside it, or 0 (build_label.c). */
size_t build_date_symbol(const char *s, size_t len);
/** The entry that owns blocks met now: a bold-line entry, else the innermost
 * dated heading. */
slog_entry *build_current_entry(builder *b);
slog_entry *build_heading_entry(builder *b);
/** Ends the running bold-line entry (at the last block before `line`). */
void build_close_bold(builder *b, int next_line, int next_level);
/** The heading's title mentions the date `f` (found in `h`) while its first
 * paragraph says "Date: ..." ("## Incident #3 - Github Oct 21 2018
 * Postmortem read" / "** Date: 2026-04-27 **"): the paragraph dates it. */
int build_dated_by_next_line(builder *b, cmark_node *heading, const char *h,
                             const slog_found_date *f);
/** The heading (of `level`, at `line`) is a weekly report's "Week of
 * 2026-03-02" over work done in that week: its date in *f (build_entries.c). */
int build_week_of_record(builder *b, int line, int level, const char *h, size_t hlen,
                         slog_found_date *f);
/** Removes an emphasis or strike mark left without its pair when a date
 * was cut out of the text ("morning**: …", "plan ~~"), in place. */
void build_drop_unpaired(char *text);
/** A heading met by the walk: an entry, a section or the title
 * (build_headings.c). */
slog_status build_on_heading(builder *b, cmark_node *node);
/** The end of the walk: every heading still open closes. */
void build_close_all(builder *b);
/** A heading's first paragraph: may make the heading an entry (bold line). */
slog_status build_heading_date_line(builder *b, heading_frame *f, cmark_node *heading);
/** A top-level paragraph: may start a bold-line entry. */
slog_status build_bold_paragraph(builder *b, cmark_node *para, int *started);
/* A paragraph of lines that open with a date: an entry each (build_lines.c). */
slog_status build_line_entries(builder *b, cmark_node *para, int *started);
/* Entry e's own item: the text of its dated line after the date (build_items.c). */
slog_status build_line_item(builder *b, slog_entry *e, int line, const char *t, size_t len);
/** A list at the top: are its dated items entries? (build_list.c) */
slog_status build_list_enter(builder *b, cmark_node *list);
/** Dated list item: 1 and the date and where the item's text starts. */
enum { KEY_MAX = 64 }; /* bytes of a date key ("timestamp", "date"), lower case */
/* A list item that opens with a date, or with a date key and a date ("-
 * timestamp (UTC): 2026-03-08T13:48:55Z"): 1, the date, where its text
 * starts, and the key (KEY_MAX bytes, "" for none; key may be NULL). */
int build_list_item_date(builder *b, cmark_node *item, slog_found_date *f, size_t *text_from,
                         char *key);
/** Settles N/N/YYYY dates of the document: day first when only that reading
 * fits some of them (and the configuration does not say). */
void build_settle_numeric_dates(builder *b);
/** The first source line of a paragraph from its start column (in text_buf). */
int build_first_line(builder *b, cmark_node *para, const char **s, size_t *len);
/* A key that says the date is the section's own ("Date", "Fecha", "日期"),
 * s[0, len) without its colon; a key that stamps a document or a section
 * ("Last updated", "Log completed": metadata, SPEC §1 r3) (build_keys.c). */
int build_date_key(const char *s, size_t len);
int build_stamp_key(const char *s, size_t len);
/* A top-level paragraph opened by a line that opens a record, in a series
 * of such records: a bracketed stamp with its time and a title, or a line
 * that is only a date over the day's notes. 1, the line's date and the
 * kind's look-ahead (to count the record once made) (build_lines.c). */
int build_record_line(builder *b, cmark_node *para, slog_found_date *f, build_lookahead **kind);

/* build_statement.c: is a marked item work? `t` is the text after the
 * marker. */
/* A figure: "❌ 0 failures", "🔴 **Critical issues**: 3". */
int build_metric(const char *t, size_t len);
/* What was not done on purpose, a stop chosen, a check's reading that a
 * thing is absent; or any item under "### No Changes Made". */
int build_statement(builder *b, slog_state state, const char *t, size_t len);
/* The marker is a colour ("🔴", "🟢"). */
int build_is_colour(const char *marker);
/* A bold key of four words at most and its colon opens the text. */
int build_keyed_field(const char *t, size_t len);
/* A word that rates the item opens it: "HIGH:", "(Medium)", "P2 —". */
int build_rates_priority(const char *t, size_t len);

/* build_items.c */
slog_status build_item_enter(builder *b, cmark_node *node);
slog_status build_item_exit(builder *b, cmark_node *node);
slog_status build_item_text(builder *b, item_frame *f, cmark_node *para);
slog_status build_swallowed_checklists(builder *b, cmark_node *para);
/** Gives every item its id (after dates are settled). */
void build_item_ids(builder *b);
int build_paragraph_source(builder *b, cmark_node *para);

/* build_meta.c */
/** YAML front matter at the start: its lines become metadata; returns the
 * number of lines it takes (0 without). */
slog_status build_front_matter(builder *b, int *lines);
slog_status build_metadata(builder *b, cmark_node *para);
/** The document's date: Date metadata, else front matter, else the title. */
void build_document_date(builder *b, const char *title, size_t title_len);

/* logs.c */
/** Groups entries into logs and finds each log's direction. */
slog_status slog_logs_build(slog_doc *doc, const slog_config *config, slog_arena *arena);

#endif
