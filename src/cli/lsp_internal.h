/* SPDX-License-Identifier: BSD-2-Clause */
/* The server's state, shared by the protocol (lsp_server.c) and the
 * background lint (lsp_lint.c). */
#ifndef SLOG_LSP_INTERNAL_H
#define SLOG_LSP_INTERNAL_H

#include "lsp.h"

#include <pthread.h>

/* A lint done (or to do) on the background thread: a copy of the text. */
typedef struct {
    char *uri, *path, *text;
    size_t len;
    long version, today;
    const slog_config *config;
    slog_doc *model; /* results */
    slog_diags diags;
    char why[512];
} lint_job;

struct lsp_server {
    FILE *out;
    char *in; /* bytes received and not yet handled */
    size_t in_len, in_cap, skip;
    lsp_doc *docs;
    size_t ndocs, cap;
    int initialized, shut_down, exited, utf16;
    cli_configs configs;
    long today; /* --today, else 0 (the configured zone's today) */
    /* the background lint */
    int background, wake[2];
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t changed;
    lint_job *job;  /* given to the thread, NULL: idle */
    lint_job *done; /* finished, not yet published */
    int stopping;
};

/* Starts the lint thread (s->background says whether it runs). */
void lsp_lint_start(lsp_server *s);
/* Stops it and frees the jobs it held. */
void lsp_lint_stop(lsp_server *s);

#endif
