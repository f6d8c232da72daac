/* SPDX-License-Identifier: BSD-2-Clause */
/* Parsing the pieces the chunk planner cut (chunk.h) with cmark: one at a
 * time on the reading thread, or ahead of it on other threads (a queue of
 * parsed pieces handed over in order). Walking a piece is the builder's. */
#ifndef SLOG_PIECES_H
#define SLOG_PIECES_H

#include "buf.h"
#include "chunk.h"
#include "cmark_arena.h"

/* A parsed piece: the tree of lines [first, last] of the document. */
typedef struct {
    cmark_node *root;
    int first, last;
    size_t next; /* the plan's chunk after it (a piece may take several) */
} slog_piece;

/** Parses the piece that starts at the plan's chunk `j` into `arena`
 * (reset first), `buf` holding its text when the document's link
 * definitions are appended. A fenced code block or HTML block still open at
 * the end of a chunk runs on into the next: the piece then reaches to where
 * that block ends. 0, or -1 when out of memory. */
int slog_piece_parse(const slog_text *t, const slog_chunk_plan *plan, size_t j,
                     slog_cmark_arena *arena, slog_buf *buf, slog_piece *out);

/** The last top-level block of a piece (not one of the appended definitions). */
cmark_node *slog_piece_last_block(const slog_piece *p);

/* Pieces parsed ahead by `parsers` threads. */
typedef struct slog_piece_queue slog_piece_queue;

/** Starts parsing every piece of the plan ahead; NULL when threads or
 * memory are lacking (then parse on the reading thread). */
slog_piece_queue *slog_pieces_start(const slog_text *t, const slog_chunk_plan *plan,
                                    unsigned parsers);
/** Waits for the piece starting at chunk `j` (taken in increasing order;
 * the chunks a piece took are taken and released too). Its tree may be
 * walked on this thread until it is released. 0, or -1 when out of memory. */
int slog_pieces_take(slog_piece_queue *q, size_t j, slog_piece *out);
void slog_pieces_release(slog_piece_queue *q, size_t j);
/** Stops the threads (pieces not taken are dropped) and frees the queue. */
void slog_pieces_stop(slog_piece_queue *q);

#endif
