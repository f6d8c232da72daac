/* SPDX-License-Identifier: BSD-2-Clause */
/* Decoding: from a file's bytes to valid UTF-8 text with a line index.
 * Handles the BOM, LF/CRLF/CR line endings, invalid UTF-8 and NUL bytes
 * (replaced by U+FFFD, counted), and mojibake (UTF-8 read as Mac Roman or
 * Windows-1252 and saved again), which is repaired exactly. Line breaks are
 * ASCII and never change, so line N of the text is line N of the file. */
#ifndef SLOG_TEXT_H
#define SLOG_TEXT_H

#include "statuslog/common.h"
#include "statuslog/doc.h"

#include <stddef.h>

typedef struct {
    const char *data; /* decoded text: valid UTF-8, no BOM */
    size_t len;
    char *owned;        /* non-NULL when data had to be copied (repair, replacement) */
    size_t *line_start; /* offset in data of each line; nlines + 1 entries */
    size_t nlines;
    slog_encoding enc;
} slog_text;

/** Decodes `len` bytes at `raw` (which must outlive the text unless a copy was
 * made). Returns SLOG_OK or SLOG_ERR_NOMEM. */
slog_status slog_text_decode(slog_text *text, const char *raw, size_t len);
void slog_text_free(slog_text *text);

/** A faster decode for text that will only be scanned by lines (append): when
 * the bytes have no CR and are not mojibake, the text is the bytes and only
 * the line index is built; invalid UTF-8 is not counted (enc.invalid_utf8 is
 * 0 and enc is otherwise as slog_text_decode finds it). Otherwise it is
 * slog_text_decode. *light tells which was done. */
slog_status slog_text_decode_lines(slog_text *text, const char *raw, size_t len, int *light);

/** Start of line `line` (1-based) and its length without the line break. */
const char *slog_text_line(const slog_text *text, int line, size_t *len);

/** Length of the valid UTF-8 sequence at s (1..4), or 0 when invalid. */
size_t slog_utf8_valid_len(const unsigned char *s, size_t n);

/** Repairs mojibake of the given kind in `len` bytes: the UTF-8 text is mapped
 * back through the codec to the bytes it was decoded from. Returns a malloc'd
 * buffer (caller frees) and its length, or NULL when the text is not exactly
 * such mojibake (or out of memory: *nomem is set). */
char *slog_mojibake_repair(const char *s, size_t len, slog_mojibake kind, size_t *out_len,
                           int *nomem);
/** The inverse: encodes clean UTF-8 as the given mojibake (for appending to a
 * mojibake document). Returns a malloc'd buffer or NULL when out of memory. */
char *slog_mojibake_encode(const char *s, size_t len, slog_mojibake kind, size_t *out_len);

#endif
