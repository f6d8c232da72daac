/* SPDX-License-Identifier: BSD-2-Clause */
/* The protocol of statuslog lsp (SPEC §10): Content-Length framing, JSON-RPC
 * 2.0, the open documents (full and incremental didChange; their text and
 * positions are lsp_text.c's), and linting debounced and run on a thread.
 * Errors never end the server: a frame it cannot read is answered with a
 * parse error and skipped, a request it cannot serve gets a JSON-RPC error,
 * a document it cannot read one diagnostic saying why. */
#define _GNU_SOURCE
#include "lsp.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

enum {
    DEBOUNCE_MS = 30,    /* a burst of changes is linted once */
    MAX_HEADER = 8192,   /* a header block longer than this is junk */
    MAX_BODY = 64 << 20, /* and a body larger than this */
    PARSE_ERROR = -32700,
    INVALID_REQUEST = -32600,
    METHOD_NOT_FOUND = -32601,
    INVALID_PARAMS = -32602,
    INTERNAL_ERROR = -32603,
    NOT_INITIALIZED = -32002
};

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

long lsp_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

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

/* --- documents ------------------------------------------------------------------ */

lsp_doc *lsp_find(lsp_server *s, const char *uri)
{
    for (size_t i = 0; uri && i < s->ndocs; i++)
        if (!strcmp(s->docs[i].uri, uri))
            return &s->docs[i];
    return NULL;
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

/* --- messages ----------------------------------------------------------------------- */

void lsp_send(lsp_server *s, cJSON *msg)
{
    char *text = msg ? cJSON_PrintUnformatted(msg) : NULL;
    if (text) {
        fprintf(s->out, "Content-Length: %zu\r\n\r\n%s", strlen(text), text);
        fflush(s->out);
    }
    free(text);
    cJSON_Delete(msg);
}

static void respond(lsp_server *s, const cJSON *id, cJSON *result)
{
    cJSON *msg = cJSON_CreateObject();
    cJSON_AddStringToObject(msg, "jsonrpc", "2.0");
    cJSON_AddItemToObject(msg, "id", id ? cJSON_Duplicate(id, 1) : cJSON_CreateNull());
    cJSON_AddItemToObject(msg, "result", result ? result : cJSON_CreateNull());
    lsp_send(s, msg);
}

static void fail(lsp_server *s, const cJSON *id, int code, const char *message)
{
    cJSON *msg = cJSON_CreateObject(), *e = cJSON_CreateObject();
    cJSON_AddStringToObject(msg, "jsonrpc", "2.0");
    cJSON_AddItemToObject(msg, "id", id ? cJSON_Duplicate(id, 1) : cJSON_CreateNull());
    cJSON_AddNumberToObject(e, "code", code);
    cJSON_AddStringToObject(e, "message", message);
    cJSON_AddItemToObject(msg, "error", e);
    lsp_send(s, msg);
}

static const char *str_at(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static cJSON *initialize(lsp_server *s, const cJSON *params)
{
    /* UTF-8 positions when the client offers them (LSP 3.17), else UTF-16 */
    const cJSON *caps = cJSON_GetObjectItemCaseSensitive(params, "capabilities");
    const cJSON *general = cJSON_GetObjectItemCaseSensitive(caps, "general");
    const cJSON *encodings = cJSON_GetObjectItemCaseSensitive(general, "positionEncodings");
    const cJSON *e;
    s->utf16 = 1;
    cJSON_ArrayForEach(e, encodings) if (cJSON_IsString(e) && !strcmp(e->valuestring, "utf-8"))
        s->utf16 = 0;
    cJSON *r = cJSON_CreateObject(), *c = cJSON_AddObjectToObject(r, "capabilities");
    cJSON_AddStringToObject(c, "positionEncoding", s->utf16 ? "utf-16" : "utf-8");
    cJSON *sync = cJSON_AddObjectToObject(c, "textDocumentSync");
    cJSON_AddBoolToObject(sync, "openClose", 1);
    cJSON_AddNumberToObject(sync, "change", 2); /* incremental */
    cJSON *actions = cJSON_AddObjectToObject(c, "codeActionProvider");
    cJSON_AddItemToObject(actions, "codeActionKinds",
                          cJSON_CreateStringArray((const char *[]){"quickfix"}, 1));
    cJSON_AddBoolToObject(c, "documentSymbolProvider", 1);
    cJSON_AddBoolToObject(c, "hoverProvider", 1);
    cJSON *completion = cJSON_AddObjectToObject(c, "completionProvider");
    cJSON_AddItemToObject(completion, "triggerCharacters",
                          cJSON_CreateStringArray((const char *[]){"-", "#", "*"}, 3));
    cJSON *info = cJSON_AddObjectToObject(r, "serverInfo");
    cJSON_AddStringToObject(info, "name", "statuslog");
    cJSON_AddStringToObject(info, "version", slog_version());
    return r;
}

static void did_open(lsp_server *s, const cJSON *params)
{
    const cJSON *td = cJSON_GetObjectItemCaseSensitive(params, "textDocument");
    const char *uri = str_at(td, "uri"), *text = str_at(td, "text");
    const cJSON *version = cJSON_GetObjectItemCaseSensitive(td, "version");
    if (!uri || !text)
        return;
    lsp_doc *d = lsp_find(s, uri);
    if (!d) {
        if (s->ndocs == s->cap) {
            size_t cap = s->cap ? 2 * s->cap : 8;
            lsp_doc *g = realloc(s->docs, cap * sizeof *g);
            if (!g)
                return;
            s->docs = g;
            s->cap = cap;
        }
        d = &s->docs[s->ndocs];
        memset(d, 0, sizeof *d);
        d->uri = strdup(uri);
        d->path = lsp_path_of(uri);
        if (!d->uri || !d->path) {
            lsp_doc_free(d);
            return;
        }
        s->ndocs++;
        d->model_version = -1;
        d->config = cli_config_for(&s->configs, !strncmp(uri, "file://", 7) ? d->path : "-");
    }
    d->utf16 = s->utf16;
    lsp_doc_set_text(d, text, strlen(text));
    d->version = cJSON_IsNumber(version) ? (long)version->valuedouble : 0;
    d->due_ms = lsp_now_ms(); /* now */
}

static void did_change(lsp_server *s, const cJSON *params)
{
    const cJSON *td = cJSON_GetObjectItemCaseSensitive(params, "textDocument");
    lsp_doc *d = lsp_find(s, str_at(td, "uri"));
    if (!d)
        return;
    const cJSON *version = cJSON_GetObjectItemCaseSensitive(td, "version"), *c;
    cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(params, "contentChanges"))
    {
        const char *text = str_at(c, "text");
        const cJSON *range = cJSON_GetObjectItemCaseSensitive(c, "range");
        if (!text)
            continue;
        if (!range) {
            lsp_doc_set_text(d, text, strlen(text));
            continue;
        }
        size_t a = lsp_offset(d, cJSON_GetObjectItemCaseSensitive(range, "start"));
        size_t b = lsp_offset(d, cJSON_GetObjectItemCaseSensitive(range, "end"));
        if (b < a) {
            size_t t = a;
            a = b;
            b = t;
        }
        lsp_doc_splice(d, a, b, text, strlen(text));
    }
    d->version = cJSON_IsNumber(version) ? (long)version->valuedouble : d->version + 1;
    d->due_ms = lsp_now_ms() + DEBOUNCE_MS;
}

static void did_close(lsp_server *s, const cJSON *params)
{
    const cJSON *td = cJSON_GetObjectItemCaseSensitive(params, "textDocument");
    lsp_doc *d = lsp_find(s, str_at(td, "uri"));
    if (!d)
        return;
    /* its findings go with it */
    cJSON *p = cJSON_CreateObject(), *msg = cJSON_CreateObject();
    cJSON_AddStringToObject(p, "uri", d->uri);
    cJSON_AddItemToObject(p, "diagnostics", cJSON_CreateArray());
    cJSON_AddStringToObject(msg, "jsonrpc", "2.0");
    cJSON_AddStringToObject(msg, "method", "textDocument/publishDiagnostics");
    cJSON_AddItemToObject(msg, "params", p);
    lsp_send(s, msg);
    lsp_doc_free(d);
    *d = s->docs[--s->ndocs];
}

/* A request for a document: its params' textDocument, open. */
static lsp_doc *doc_of(lsp_server *s, const cJSON *params)
{
    return lsp_find(s, str_at(cJSON_GetObjectItemCaseSensitive(params, "textDocument"), "uri"));
}

static void handle(lsp_server *s, const cJSON *msg)
{
    const char *method = str_at(msg, "method");
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(msg, "id");
    const cJSON *params = cJSON_GetObjectItemCaseSensitive(msg, "params");
    if (!method) { /* a response to a request of ours (we send none), or junk */
        if (!id)
            fail(s, NULL, INVALID_REQUEST, "not a JSON-RPC 2.0 request or notification");
        return;
    }
    if (id && !cJSON_IsNumber(id) && !cJSON_IsString(id)) {
        fail(s, NULL, INVALID_REQUEST, "an id is a number or a string");
        return;
    }
    if (!strcmp(method, "exit")) {
        s->exited = 1;
        return;
    }
    if (!strcmp(method, "initialize")) {
        s->initialized = 1;
        respond(s, id, initialize(s, params));
        return;
    }
    if (!s->initialized) {
        if (id)
            fail(s, id, NOT_INITIALIZED, "the server is not initialized yet");
        return;
    }
    if (!strcmp(method, "shutdown")) {
        s->shut_down = 1;
        respond(s, id, NULL);
    } else if (!strcmp(method, "textDocument/didOpen"))
        did_open(s, params);
    else if (!strcmp(method, "textDocument/didChange"))
        did_change(s, params);
    else if (!strcmp(method, "textDocument/didClose"))
        did_close(s, params);
    else if (!id) /* initialized, didSave, $/cancelRequest, ...: nothing to do */
        return;
    else if (!strncmp(method, "textDocument/", 13)) {
        lsp_doc *d = doc_of(s, params);
        cJSON *r = NULL;
        if (!d)
            fail(s, id, INVALID_PARAMS, "the document is not open");
        else if (!strcmp(method, "textDocument/codeAction"))
            respond(s, id, (r = lsp_code_actions(s, d, params)) ? r : cJSON_CreateArray());
        else if (!strcmp(method, "textDocument/documentSymbol"))
            respond(s, id, (r = lsp_symbols(s, d)) ? r : cJSON_CreateArray());
        else if (!strcmp(method, "textDocument/hover"))
            respond(s, id, lsp_hover(s, d, params));
        else if (!strcmp(method, "textDocument/completion"))
            respond(s, id, (r = lsp_completion(s, d, params)) ? r : cJSON_CreateArray());
        else
            fail(s, id, METHOD_NOT_FOUND, "method not supported");
    } else
        fail(s, id, METHOD_NOT_FOUND, "method not supported");
}

/* --- framing ------------------------------------------------------------------------ */

/* The header block at the start of the buffer: its length (with the blank
 * line) and Content-Length, 0 when incomplete, -1 when it is junk. */
static long header(const char *p, size_t n, size_t *body)
{
    const char *end = NULL;
    for (size_t i = 0; i + 3 < n; i++)
        if (!memcmp(p + i, "\r\n\r\n", 4)) {
            end = p + i;
            break;
        }
    if (!end)
        return n > MAX_HEADER ? -1 : 0;
    int have = 0;
    for (const char *line = p; line < end;) {
        const char *eol = line;
        while (eol < end && *eol != '\r')
            eol++;
        if (!strncasecmp(line, "Content-Length:", 15)) {
            char *stop;
            errno = 0;
            unsigned long long v = strtoull(line + 15, &stop, 10);
            while (stop < eol && (*stop == ' ' || *stop == '\t'))
                stop++;
            if (errno || stop != eol || line[15 + strspn(line + 15, " \t")] == '-' || v > MAX_BODY)
                return -1;
            *body = (size_t)v;
            have = 1;
        }
        line = eol + 2;
    }
    return have ? (long)(end - p) + 4 : -1;
}

/* Junk at the start of the buffer: dropped up to the next header. */
static size_t resync(const char *p, size_t n)
{
    for (size_t i = 1; i + 15 <= n; i++)
        if (!strncasecmp(p + i, "Content-Length:", 15))
            return i;
    return n > 15 ? n - 15 : 0;
}

int lsp_server_feed(lsp_server *s, const char *data, size_t len)
{
    if (s->in_len + len + 1 > s->in_cap) {
        size_t cap = s->in_len + len + 1 + (s->in_len + len) / 2;
        char *g = realloc(s->in, cap);
        if (!g)
            return s->exited;
        s->in = g;
        s->in_cap = cap;
    }
    memcpy(s->in + s->in_len, data, len);
    s->in_len += len;
    size_t at = 0;
    while (!s->exited) {
        size_t body = 0, n = s->in_len - at;
        long h = header(s->in + at, n, &body);
        if (h == 0)
            break;
        if (h < 0) {
            fail(s, NULL, PARSE_ERROR, "parse error: not a Content-Length header");
            size_t skip = resync(s->in + at, n);
            if (!skip)
                break;
            at += skip;
            continue;
        }
        if (n < (size_t)h + body)
            break;
        const char *json = s->in + at + h;
        cJSON *msg = cJSON_ParseWithLength(json, body);
        if (!msg)
            fail(s, NULL, PARSE_ERROR, "parse error: the body is not JSON");
        else if (cJSON_IsArray(msg))
            fail(s, NULL, INVALID_REQUEST, "batches are not supported");
        else if (!cJSON_IsObject(msg))
            fail(s, NULL, INVALID_REQUEST, "not a JSON-RPC 2.0 message");
        else
            handle(s, msg);
        cJSON_Delete(msg);
        at += (size_t)h + body;
    }
    memmove(s->in, s->in + at, s->in_len - at);
    s->in_len -= at;
    return s->exited;
}

/* --- the server ---------------------------------------------------------------------- */

lsp_server *lsp_server_new(FILE *out, int background)
{
    lsp_server *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->out = out;
    s->utf16 = 1;
    s->wake[0] = s->wake[1] = -1;
    if (background && pipe2(s->wake, O_NONBLOCK | O_CLOEXEC) == 0) {
        pthread_mutex_init(&s->lock, NULL);
        pthread_cond_init(&s->changed, NULL);
        s->background = pthread_create(&s->thread, NULL, worker, s) == 0;
        if (!s->background) {
            close(s->wake[0]);
            close(s->wake[1]);
        }
    }
    return s;
}

void lsp_server_free(lsp_server *s)
{
    if (!s)
        return;
    if (s->background) {
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
    for (size_t i = 0; i < s->ndocs; i++)
        lsp_doc_free(&s->docs[i]);
    free(s->docs);
    free(s->in);
    cli_configs_free(&s->configs);
    free(s);
}

cli_configs *lsp_server_configs(lsp_server *s)
{
    return &s->configs;
}

void lsp_server_set_today(lsp_server *s, long day)
{
    s->today = day;
}

long lsp_today(const lsp_server *s, const lsp_doc *d)
{
    return s->today ? s->today : slog_today(d->config ? slog_config_timezone(d->config) : NULL);
}
