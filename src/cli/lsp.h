/* SPDX-License-Identifier: BSD-2-Clause */
/* statuslog lsp: a Language Server Protocol server (SPEC §10). lsp_server.c
 * holds the protocol — Content-Length framing, JSON-RPC 2.0, the open
 * documents, debounced linting on a thread of its own; lsp_text.c a
 * document's text and positions in UTF-8 or UTF-16; lsp_features.c the answers — diagnostics,
 * code actions, symbols, hover, completion — each a thin client of the
 * library (the edits are fix's and append's, applied to the buffer). */
#ifndef SLOG_CLI_LSP_H
#define SLOG_CLI_LSP_H

#include "cli.h"

#include <cjson/cJSON.h>

/* One open document. */
typedef struct {
    char *uri;
    char *path; /* the file the URI names (for its configuration and messages) */
    char *text;
    size_t len, cap;
    long version;
    long due_ms; /* lint at this time (monotonic ms), or -1 */
    const slog_config *config;
    slog_doc *model;    /* the latest model built (NULL: none yet) */
    long model_version; /* the version it was built from */
    int utf16;          /* positions count UTF-16 code units */
    size_t *starts;     /* offset of each line's start (lsp_line), built on demand */
    size_t nlines;      /* 0: to build (the text changed) */
} lsp_doc;

typedef struct lsp_server lsp_server;

/** A server writing its messages to `out`. `background` lints on a thread
 * of its own (requests are answered while a large document is linted);
 * without it (the fuzz target), linting happens in lsp_server_tick. */
lsp_server *lsp_server_new(FILE *out, int background);
void lsp_server_free(lsp_server *s);

/** Bytes from the client: complete messages are handled as they come.
 * Returns 1 once `exit` was received, else 0. */
int lsp_server_feed(lsp_server *s, const char *data, size_t len);

/** Lints what is due at `now_ms` (or everything pending, `flush`), and
 * publishes what a background lint finished. */
void lsp_server_tick(lsp_server *s, long now_ms, int flush);

/** Milliseconds until the next lint is due (-1: none), and the descriptor
 * that becomes readable when a background lint finishes (-1: none). */
long lsp_server_wait_ms(const lsp_server *s, long now_ms);
int lsp_server_wake_fd(const lsp_server *s);

/** The exit status `exit` asks for: 0 after `shutdown`, else 1. */
int lsp_server_exit_code(const lsp_server *s);

long lsp_now_ms(void);

/* An open document's text (lsp_text.c). */
char *lsp_path_of(const char *uri); /* a file: URI's path, else the URI */
int lsp_doc_set_text(lsp_doc *d, const char *text, size_t len);
/** Replaces bytes [from, to) of the text with `with`; 0 when out of memory. */
int lsp_doc_splice(lsp_doc *d, size_t from, size_t to, const char *with, size_t n);
void lsp_doc_free(lsp_doc *d);

/** The configurations documents are read with (--config, --no-config). */
cli_configs *lsp_server_configs(lsp_server *s);
/** The day "today" is (--today; 0: today in the document's zone). */
void lsp_server_set_today(lsp_server *s, long day);
long lsp_today(const lsp_server *s, const lsp_doc *d);

/* --- what lsp_features.c needs from the server ------------------------------------ */

/** Writes a message (a response or a notification); takes `msg`. */
void lsp_send(lsp_server *s, cJSON *msg);
/** The open document of `uri`, or NULL. */
lsp_doc *lsp_find(lsp_server *s, const char *uri);
/** Its model as of its current text (parsed now when the latest is older,
 * after a background lint has finished); NULL with *why when it cannot be
 * read. `stale_ok`: the latest model will do, whatever its version (for
 * answers while a large document is linted). */
slog_doc *lsp_model(lsp_server *s, lsp_doc *d, int stale_ok, char *why, size_t n);
/** Waits for the background lint: the library's patterns are then the
 * calling thread's alone (edits and parses on this thread). */
void lsp_quiet(lsp_server *s);

/** Byte offset of an LSP position in the document's text (clamped). */
size_t lsp_offset(const lsp_doc *d, const cJSON *position);
/** The LSP position of a byte offset, and of line `line` (1-based) column 0. */
cJSON *lsp_position(const lsp_doc *d, size_t offset);
cJSON *lsp_range_lines(const lsp_doc *d, int first, int last);
/** A TextEdit turning the document's text into `to` (the lines between the
 * common start and end replaced), or NULL when they are the same. */
cJSON *lsp_edit_to(const lsp_doc *d, const char *to, size_t to_len);
/** Start of line `line` (1-based) in the text, and its length without the
 * line break. */
const char *lsp_line(const lsp_doc *d, int line, size_t *len);

/* lsp_features.c */
cJSON *lsp_diagnostics(const lsp_doc *d, const slog_doc *model, const slog_diags *diags,
                       const char *why);
cJSON *lsp_code_actions(lsp_server *s, lsp_doc *d, const cJSON *params);
cJSON *lsp_symbols(lsp_server *s, lsp_doc *d);
cJSON *lsp_hover(lsp_server *s, lsp_doc *d, const cJSON *params);
cJSON *lsp_completion(lsp_server *s, lsp_doc *d, const cJSON *params);

#endif
