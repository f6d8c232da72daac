/* SPDX-License-Identifier: BSD-2-Clause */
/* Reading a log a section at a time (issue 11): where a document can be cut
 * into pieces that cmark parses apart, with the same blocks as one parse of
 * the whole. A line is a cut when it opens an ATX heading at the document's
 * top level (column 0), outside fenced code and HTML blocks: such a line
 * closes every open block but those two, which the reader verifies at the
 * end of each piece (and joins the pieces when a guess was wrong). Pieces
 * are grouped up to a target size; a section far larger than that (a list
 * of millions of items) is also cut before a top-level list item or a line
 * after a blank line. Link reference definitions are document-wide: a
 * document that has them is read in one piece (beyond 8 MiB, their lines
 * are given to every piece). */
#ifndef SLOG_CHUNK_H
#define SLOG_CHUNK_H

#include "text.h"

typedef struct {
    int first, last; /* lines of the decoded text, inclusive */
    int in_list;     /* cut before an item of a list the last piece ended in */
} slog_chunk;

/* Bytes [from, to) of a line that cmark is given as spaces: the fence of a
 * code block its writer closed on a text line (see slog_chunk_plan_make). */
typedef struct {
    int line;
    size_t from, to;
} slog_fence_fix;

typedef struct {
    slog_chunk *chunks;
    size_t count;
    int *defs; /* lines that look like link reference definitions */
    size_t ndefs;
    slog_fence_fix *fixes; /* in line order */
    size_t nfixes;
    int atx_h1; /* ATX level-1 headings seen at the top level (a hint for the title) */
} slog_chunk_plan;

/* Sizes: pieces are grouped up to SLOG_CHUNK_TARGET bytes; a section is cut
 * inside only beyond SLOG_CHUNK_HARD. */
#define SLOG_CHUNK_TARGET ((size_t)64 * 1024)
#define SLOG_CHUNK_HARD ((size_t)256 * 1024)
/* A document with link reference definitions below this size is read in one
 * piece. */
#define SLOG_CHUNK_DEFS_WHOLE ((size_t)8 * 1024 * 1024)

/** Plans the pieces of lines [first, text->nlines]; `target` 0 is the
 * default, SIZE_MAX one piece. A fence whose info string is a sentence
 * ("```panic: failed to open database: pq: ...") and whose writer closed
 * it at the end of a text line ("exit status 2```") before any closing
 * fence is read as its writer meant it, as text: otherwise everything
 * after it, the log's later entries included, would be code. */
slog_status slog_chunk_plan_make(const slog_text *text, int first, size_t target,
                                 slog_chunk_plan *plan);

/** Which lines are inside code (a fence: its lines and its opener and
 * closer) or an HTML block, as the plan reads them (a broken fence's lines
 * are text): inside[line] is 1 for code, 2 for HTML, 0 for the others; `inside` has
 * text->nlines + 1 bytes. */
slog_status slog_chunk_inside(const slog_text *text, unsigned char *inside);
void slog_chunk_plan_free(slog_chunk_plan *plan);

/** The first line after a fenced code block or HTML block that opens at
 * `line` (where the piece holding it must extend to), by CommonMark's end
 * conditions; `line` itself when it opens neither. */
int slog_chunk_block_end(const slog_text *text, int line);

/** The block opening at `line` (its first line) is still open after `last`:
 * a fenced code block without its closing fence, an HTML block without its
 * end condition. */
int slog_chunk_block_open(const slog_text *text, int line, int last);

/** A line of an HTML block that opens a collapsed block's title
 * ("<summary>web-01</summary>", blanks before it aside): 1, what follows is
 * a log of its own (logs.c); or that closes the block ("</details>"): 2,
 * what follows is its heading's again. The builder notes them, the
 * skeleton keeps them. 0 for other lines. */
int slog_chunk_summary_line(const char *s, size_t len);

#endif
