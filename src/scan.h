/* A line scanner that finds headings (ATX and setext, outside fenced code)
 * and dates them with the entry pattern, without parsing the document with
 * cmark: what `append` needs to place text in a large log quickly. A test
 * holds its entries equal to the full model's on the corpus. */
#ifndef SLOG_SCAN_H
#define SLOG_SCAN_H

#include "config_internal.h"
#include "text.h"

typedef struct {
    int line;     /* first line of the heading */
    int end_line; /* its last line (a setext heading's underline) */
    int level;
    int setext;
    int title;     /* the document's title: never an entry */
    int date_read; /* the fields below are set (slog_scan_date) */
    int dated;     /* an entry: its first line matches the entry pattern (not the title) */
    int date_valid;
    long day;
    int seconds;                 /* -1 without time */
    size_t span_start, span_end; /* date..zone within the first line (offsets in the line) */
} slog_scan_heading;

/** Scans `text` for headings; *out is malloc'd (free it). Headings are not
 * dated yet: matching every heading costs more than a scan needs. */
slog_status slog_scan_headings(const slog_text *text, slog_scan_heading **out, size_t *count);

/** Reads the date of a heading (once): dated, date_valid, day, seconds, span. */
void slog_scan_date(const slog_text *text, slog_config *config, slog_scan_heading *h);

#endif
