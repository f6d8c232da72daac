/* SPDX-License-Identifier: BSD-2-Clause */
/* The protocol of statuslog lsp (SPEC §10): Content-Length framing, JSON-RPC
 * 2.0, the open documents (full and incremental didChange; their text and
 * positions are lsp_text.c's); linting, debounced and run on a thread, is
 * lsp_lint.c's.
 * Errors never end the server: a frame it cannot read is answered with a
 * parse error and skipped, a request it cannot serve gets a JSON-RPC error,
 * a document it cannot read one diagnostic saying why. */
#define _GNU_SOURCE
#include "lsp_internal.h"

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

long lsp_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* --- documents ------------------------------------------------------------------ */

lsp_doc *lsp_find(lsp_server *s, const char *uri)
{
    for (size_t i = 0; uri && i < s->ndocs; i++)
        if (!strcmp(s->docs[i].uri, uri))
            return &s->docs[i];
    return NULL;
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
    if (background)
        lsp_lint_start(s);
    return s;
}

void lsp_server_free(lsp_server *s)
{
    if (!s)
        return;
    lsp_lint_stop(s);
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
