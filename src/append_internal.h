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

#endif
