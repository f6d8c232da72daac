/* SPDX-License-Identifier: BSD-2-Clause */
/* The LSP server's lint (SPEC §10): debounced, run on a background thread
 * on a copy of the text, and published when done; without a thread, run
 * in line. */
#define _GNU_SOURCE
#include "lsp_internal.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* --- lint -------------------------------------------------------------------------- */

static void run_lint(lint_job *j)
{
    memset(&j->diags, 0, sizeof j->diags);
    if (!j->config) {
        snprintf(j->why, sizeof j->why,
                 "the configuration of %.400s is invalid (see statuslog lint)", j->path);
        return;
    }
    slog_parse_options po = SLOG_PARSE_OPTIONS_INIT;
    po.config = j->config;
    po.filename = j->path;
    slog_error err;
    if (slog_parse_buffer(j->text, j->len, &po, &j->model, &err) != SLOG_OK) {
        snprintf(j->why, sizeof j->why, "statuslog cannot read this document: %.400s", err.message);
        return;
    }
    slog_lint_options lo = {SLOG_LINT_OPTIONS_VERSION, j->config,
                            j->today ? j->today : slog_today(slog_config_timezone(j->config)), 0};
    if (slog_lint(j->model, &lo, &j->diags, &err) != SLOG_OK)
        snprintf(j->why, sizeof j->why, "lint failed: %.400s", err.message);
}

static void job_free(lint_job *j)
{
    if (!j)
        return;
    free(j->uri);
    free(j->path);
    free(j->text);
    slog_doc_free(j->model);
    slog_diags_free(&j->diags);
    free(j);
}

static void *worker(void *arg)
{
    lsp_server *s = arg;
    pthread_mutex_lock(&s->lock);
    for (;;) {
        while (!s->job && !s->stopping)
            pthread_cond_wait(&s->changed, &s->lock);
        if (s->stopping)
            break;
        lint_job *j = s->job;
        pthread_mutex_unlock(&s->lock);
        run_lint(j);
        pthread_mutex_lock(&s->lock);
        s->job = NULL;
        s->done = j;
        pthread_cond_broadcast(&s->changed);
        ssize_t w = write(s->wake[1], "x", 1);
        (void)w;
    }
    pthread_mutex_unlock(&s->lock);
    return NULL;
}

/* A finished lint: its findings published when its text is still the
 * document's, its model kept when newer than the one there. */
static void publish(lsp_server *s, lint_job *j)
{
    lsp_doc *d = lsp_find(s, j->uri);
    if (d && j->version == d->version) {
        cJSON *params = cJSON_CreateObject();
        cJSON_AddStringToObject(params, "uri", d->uri);
        cJSON_AddNumberToObject(params, "version", (double)d->version);
        cJSON_AddItemToObject(params, "diagnostics",
                              lsp_diagnostics(d, j->model, &j->diags, j->why[0] ? j->why : NULL));
        cJSON *msg = cJSON_CreateObject();
        cJSON_AddStringToObject(msg, "jsonrpc", "2.0");
        cJSON_AddStringToObject(msg, "method", "textDocument/publishDiagnostics");
        cJSON_AddItemToObject(msg, "params", params);
        lsp_send(s, msg);
    }
    if (d && j->model && (!d->model || j->version >= d->model_version)) {
        slog_doc_free(d->model);
        d->model = j->model;
        d->model_version = j->version;
        j->model = NULL;
    }
    job_free(j);
}

/* Publishes what the thread finished. */
static void collect(lsp_server *s)
{
    if (!s->background)
        return;
    char buf[64];
    while (read(s->wake[0], buf, sizeof buf) > 0)
        ;
    pthread_mutex_lock(&s->lock);
    lint_job *j = s->done;
    s->done = NULL;
    pthread_mutex_unlock(&s->lock);
    if (j)
        publish(s, j);
}

void lsp_quiet(lsp_server *s)
{
    if (!s->background)
        return;
    pthread_mutex_lock(&s->lock);
    while (s->job)
        pthread_cond_wait(&s->changed, &s->lock);
    pthread_mutex_unlock(&s->lock);
    collect(s);
}

static lint_job *job_of(const lsp_server *s, const lsp_doc *d)
{
    lint_job *j = calloc(1, sizeof *j);
    if (!j)
        return NULL;
    j->uri = strdup(d->uri);
    j->path = strdup(d->path);
    j->text = malloc(d->len + 1);
    if (!j->uri || !j->path || !j->text) {
        job_free(j);
        return NULL;
    }
    memcpy(j->text, d->text, d->len);
    j->text[d->len] = '\0';
    j->len = d->len;
    j->version = d->version;
    j->config = d->config;
    j->today = s->today;
    return j;
}

/* Starts the lint of d: on the thread when it is free (else later). */
static int start_lint(lsp_server *s, lsp_doc *d)
{
    if (s->background) {
        pthread_mutex_lock(&s->lock);
        int busy = s->job != NULL;
        pthread_mutex_unlock(&s->lock);
        if (busy)
            return 0;
    }
    lint_job *j = job_of(s, d);
    if (!j)
        return 0;
    d->due_ms = -1;
    if (!s->background) {
        run_lint(j);
        publish(s, j);
        return 1;
    }
    pthread_mutex_lock(&s->lock);
    s->job = j;
    pthread_cond_broadcast(&s->changed);
    pthread_mutex_unlock(&s->lock);
    return 1;
}

void lsp_server_tick(lsp_server *s, long now_ms, int flush)
{
    collect(s);
    for (size_t i = 0; i < s->ndocs; i++) {
        lsp_doc *d = &s->docs[i];
        if (d->due_ms < 0 || (!flush && d->due_ms > now_ms))
            continue;
        if (flush)
            lsp_quiet(s);
        if (!start_lint(s, d))
            break; /* the thread is busy: the next tick */
    }
    if (flush)
        lsp_quiet(s);
}

long lsp_server_wait_ms(const lsp_server *s, long now_ms)
{
    long wait = -1;
    for (size_t i = 0; i < s->ndocs; i++)
        if (s->docs[i].due_ms >= 0) {
            long w = s->docs[i].due_ms > now_ms ? s->docs[i].due_ms - now_ms : 0;
            if (wait < 0 || w < wait)
                wait = w;
        }
    /* a lint due while the thread is busy: look again soon */
    return wait == 0 && s->background && s->job ? 5 : wait;
}

int lsp_server_wake_fd(const lsp_server *s)
{
    return s->background ? s->wake[0] : -1;
}

int lsp_server_exit_code(const lsp_server *s)
{
    return s->shut_down ? 0 : 1;
}

slog_doc *lsp_model(lsp_server *s, lsp_doc *d, int stale_ok, char *why, size_t n)
{
    why[0] = '\0';
    if (d->model && (stale_ok || d->model_version == d->version))
        return d->model;
    lsp_quiet(s);
    if (d->model && d->model_version == d->version)
        return d->model;
    lint_job *j = job_of(s, d);
    if (!j) {
        snprintf(why, n, "out of memory");
        return NULL;
    }
    run_lint(j);
    if (!j->model)
        snprintf(why, n, "%s", j->why);
    else {
        slog_doc_free(d->model);
        d->model = j->model;
        d->model_version = j->version;
        j->model = NULL;
    }
    job_free(j);
    return d->model;
}

void lsp_lint_start(lsp_server *s)
{
    if (pipe2(s->wake, O_NONBLOCK | O_CLOEXEC) != 0)
        return;
    pthread_mutex_init(&s->lock, NULL);
    pthread_cond_init(&s->changed, NULL);
    s->background = pthread_create(&s->thread, NULL, worker, s) == 0;
    if (!s->background) {
        close(s->wake[0]);
        close(s->wake[1]);
    }
}

void lsp_lint_stop(lsp_server *s)
{
    if (!s->background)
        return;
    pthread_mutex_lock(&s->lock);
    s->stopping = 1;
    pthread_cond_broadcast(&s->changed);
    pthread_mutex_unlock(&s->lock);
    pthread_join(s->thread, NULL);
    job_free(s->job);
    job_free(s->done);
    close(s->wake[0]);
    close(s->wake[1]);
    pthread_mutex_destroy(&s->lock);
    pthread_cond_destroy(&s->changed);
}
