/* SPDX-License-Identifier: BSD-2-Clause */
/* statuslog: the document model. Everything here is owned by the slog_doc it
 * hangs from and is freed by one slog_doc_free(); treat it as read-only. */
#ifndef STATUSLOG_DOC_H
#define STATUSLOG_DOC_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Item states (SPEC §1). The order is the JSON/CLI order. */
typedef enum {
    SLOG_STATE_DONE,
    SLOG_STATE_IN_PROGRESS,
    SLOG_STATE_NEXT,
    SLOG_STATE_BLOCKED,
    SLOG_STATE_FAILED,
    SLOG_STATE_WARNING,
    SLOG_STATE_OPEN,
    SLOG_STATE_NOTE,
    SLOG_STATE_COUNT
} slog_state;

/** "done", "in_progress", ... */
const char *slog_state_name(slog_state state);
/** Looks a state up by its name; returns 0 and sets *out, or -1. */
int slog_state_from_name(const char *name, slog_state *out);
/** 1 for the states a thread follows (in_progress, next, blocked, open, warning, failed). */
int slog_state_is_open(slog_state state);

typedef enum { SLOG_EOL_LF, SLOG_EOL_CRLF, SLOG_EOL_CR, SLOG_EOL_MIXED } slog_eol;
typedef enum { SLOG_MOJIBAKE_NONE, SLOG_MOJIBAKE_MAC_ROMAN, SLOG_MOJIBAKE_CP1252 } slog_mojibake;

/** What decoding found in the bytes. */
typedef struct {
    int bom;                /* the file starts with a UTF-8 byte order mark */
    slog_eol line_endings;  /* LF also when the file has no line break */
    slog_eol first_eol;     /* the first line break's kind, what appends follow */
    slog_mojibake mojibake; /* the file was double-encoded and has been repaired */
    size_t invalid_utf8;    /* invalid sequences, each replaced with U+FFFD */
    int invalid_utf8_line;  /* line of the first one, 0 if none */
    size_t nul_bytes;       /* NUL bytes, each replaced with U+FFFD */
} slog_encoding;

typedef struct slog_entry slog_entry;
typedef struct slog_item slog_item;
typedef struct slog_log slog_log;

/** The three kinds of entries (SPEC §1 r2). */
typedef enum {
    SLOG_ENTRY_HEADING, /* a heading with a date */
    SLOG_ENTRY_BOLD,    /* a paragraph opening with a bold date or a bold key and a date */
    SLOG_ENTRY_LIST     /* a top-level list item opening with a date */
} slog_entry_kind;

/** How precisely an entry's time was written. */
typedef enum { SLOG_PRECISION_DATE, SLOG_PRECISION_MINUTE, SLOG_PRECISION_SECOND } slog_precision;

/** The direction of a log: where its new entries go. */
typedef enum { SLOG_OLDEST_FIRST, SLOG_NEWEST_FIRST } slog_direction;

/** "heading", "bold", "list"; "date", "minute", "second";
 * "oldest-first", "newest-first". */
const char *slog_entry_kind_name(slog_entry_kind kind);
const char *slog_precision_name(slog_precision precision);
const char *slog_direction_name(slog_direction direction);

/** A list item of an entry (or a child of such an item). */
struct slog_item {
    const char *marker;   /* the marker as written ("✅", "[x]"), "" for notes */
    const char *text;     /* source text, bullet and marker removed, lines folded */
    const char *resolved; /* "YYYY-MM-DD" of a (Resolved ...) annotation, or NULL */
    slog_entry *entry;    /* the entry the item belongs to */
    slog_item *parent;    /* the enclosing item for children, else NULL */
    slog_item *children;  /* first child; siblings through `next` */
    slog_item *next;
    unsigned index; /* position among all items of the document (creation order) */
    unsigned nchildren;
    int line, end_line; /* 1-based lines of the original file */
    slog_state state;   /* note where the marker stands on a metric or a statement
                           (SPEC §1 r3); slog_marker_state gives the marker's own */
    uint32_t id;        /* hash of entry date, label and normalized text (slog_id_format) */
};

/** The state a marker as written gives by itself ("✅", "[ ]", "Next"):
 * the table's, the configured or the default word markers' (`config` NULL:
 * the defaults); SLOG_STATE_NOTE for none. An item's state is note where
 * SPEC §1 r3 reads its marker as a metric or a statement ("❌ 0 failures",
 * "❌ NO code changes made"). */
struct slog_config;
slog_state slog_marker_state(const struct slog_config *config, const char *marker);

/** An item's id as JSON and the CLI print it: 8 lowercase hex digits. */
void slog_id_format(uint32_t id, char out[9]);

/** A dated place in the log that items belong to, and its section. */
struct slog_entry {
    size_t index; /* position in slog_doc.entries */
    slog_entry_kind kind;
    int line, end_line, level; /* level: the heading's; bold and list entries one deeper */
    int date_line;             /* the line the date is on (a bold line below its heading) */
    int setext;                /* heading written in setext style */
    const char *heading;       /* the heading, bold line or item line (inline markup removed) */
    const char *label;         /* heading text without date, time, zone and their punctuation */
    const char *date;          /* "YYYY-MM-DD" (also for a date that is not a calendar date) */
    const char *date_text;     /* the date as written when that is not YYYY-MM-DD, else NULL */
    int date_valid;            /* the date is a calendar date */
    int weekday_mismatch;      /* a weekday was written that the date does not fall on */
    int snapshot;              /* a snapshot of the state ("## Current State (date)"): not
                                  compared for order */
    long day;                  /* days since 1970-01-01 (when date_valid) */
    const char *time;          /* "HH:MM" or "HH:MM:SS" (24-hour), or NULL */
    int seconds;               /* time of day in seconds, -1 without time or when invalid */
    slog_precision precision;  /* date, minute or second */
    const char *zone;          /* zone as written ("MDT", "-06:00", "Z"), or NULL */
    int zone_known;            /* zone_offset is meaningful */
    int zone_offset;           /* minutes east of UTC */
    int has_instant;           /* it has a time, and instant is when */
    long long instant;         /* seconds since 1970-01-01T00:00Z (a time without a zone in
                                  the configured timezone) */
    slog_entry *parent;        /* nearest enclosing entry, or NULL */
    slog_log *log;             /* the log of its siblings */
    slog_item *items;          /* first top-level item; siblings through `next` */
    size_t nitems;
    int has_content;       /* any block (list, paragraph, code...) in its own section */
    int next_heading_line; /* the heading that ends its section (0: the end of the document) */
    int next_heading_level;
    int heading_line; /* its nearest enclosing heading, dated or not (0: none) */
    long end_day;     /* a range's last day ("March 18-26, 2026": the 26th), else day */
};

/** Entries with the same nearest enclosing heading, in document order (SPEC
 * §1 r3): the headings' own entries under "## Log", the dated headings
 * under "## Previous Context". */
struct slog_log {
    const slog_entry *parent; /* the enclosing dated entry; NULL for none */
    int heading_line;         /* the enclosing heading (0: the document's top) */
    slog_direction direction; /* found from the entries, or configured */
    slog_entry **entries;
    size_t nentries;
};

typedef struct {
    int line, level;
    const char *title;
} slog_section;

typedef struct {
    char id[9];
    int line;
    int checked;
    const char *section; /* the heading it stands under, or "" */
    const char *text;
    /* the list it is part of: its first item's line, and its caption (the
     * short line right above the list, "**Remaining Work (40%):**", else
     * the section's heading) and that caption's line (0: the top) */
    int list_line;
    const char *caption;
    int caption_line;
} slog_checklist_item;

typedef struct {
    int line;
    const char *text;
} slog_followup;

typedef struct {
    const char *key, *value;
    int line;
} slog_meta;

/** Open items linked across entries by text similarity (SPEC §1 Threads). */
typedef struct {
    const char *first_seen, *last_seen; /* "YYYY-MM-DD" */
    long first_day, last_day;
    const char *resolved;         /* date of resolution, or NULL */
    const slog_item *resolved_by; /* the later done item that matched, or NULL */
    slog_state state;             /* state of the latest item */
    const char *text;             /* text of the latest item */
    const slog_item **items;      /* in date order */
    size_t nitems;
} slog_thread;

typedef struct slog_doc_private slog_doc_private;

typedef struct {
    const char *file;  /* name given to the parser */
    const char *title; /* NULL when the document has none */
    int title_line;
    const char *date; /* document date "YYYY-MM-DD" or NULL */
    long day;         /* days since 1970-01-01 when date is set */
    int date_stamped; /* the date is a stamp ("**Last updated:** ..."): the latest the
                         document speaks of, so no entry is before it */
    size_t nlines;
    slog_encoding encoding;
    slog_meta *meta;
    size_t nmeta;
    slog_section *sections;
    size_t nsections;
    slog_entry **entries; /* in document order */
    size_t nentries;
    slog_log *logs; /* in order of their first entry */
    size_t nlogs;
    slog_checklist_item *checklists;
    size_t nchecklists;
    slog_followup *followups;
    size_t nfollowups;
    slog_thread *threads; /* in order of first_seen */
    size_t nthreads;
    size_t nitems_total; /* every item, children included */
    slog_doc_private *priv;
} slog_doc;

/** Frees the document and everything that hangs from it. NULL is fine. */
void slog_doc_free(slog_doc *doc);

/** Similarity of two items' texts in [0, 1]: Dice's coefficient over their
 * words weighted by rarity in the document (see README, Threads). */
double slog_item_similarity(const slog_doc *doc, const slog_item *a, const slog_item *b);

/** The similarity at or above which two items can be "the same task" for
 * threads (when they also share their subject or two specific words)... */
#define SLOG_THREAD_THRESHOLD 0.25
/** ... and at or above which they are, whatever words they share. */
#define SLOG_THREAD_SURE 0.5
/** The similarity at or above which two items are near-identical repeats. */
#define SLOG_REPEAT_THRESHOLD 0.6

/** Compares two entries' dates (SPEC §3 r2): as instants when both have
 * times, at the coarser precision of the two (02:35Z equals 02:35:29Z), else
 * by calendar date (a date without time equals every time that day).
 * Negative, 0 or positive. Meaningful for entries with valid dates. */
int slog_entry_compare(const slog_entry *a, const slog_entry *b);

/** Counts `entry`'s top-level items by state into counts[SLOG_STATE_COUNT]. */
void slog_entry_count_states(const slog_entry *entry, size_t counts[SLOG_STATE_COUNT]);

#ifdef __cplusplus
}
#endif
#endif
