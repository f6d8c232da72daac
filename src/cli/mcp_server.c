/* SPDX-License-Identifier: BSD-2-Clause */
/* The MCP protocol: JSON-RPC 2.0, one message a line; every byte written
 * is valid UTF-8 JSON, a reply is at most MCP_MAX_REPLY bytes, an id comes
 * back as it was written. The tools are mcp_tools.c's. */
#define _GNU_SOURCE /* strndup */
#include "mcp.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Protocol revisions the server speaks, the latest first. */
static const char *const versions[] = {"2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05",
                                       "2024-10-07"};

enum {
    PARSE_ERROR = -32700,
    INVALID_REQUEST = -32600,
    METHOD_NOT_FOUND = -32601,
    INVALID_PARAMS = -32602,
    INTERNAL_ERROR = -32603
};

/* The largest message the server writes: a tool result over it becomes an
 * error asking for less (mcp_bounded). */
enum { MCP_MAX_REPLY = 16 << 20 };

/* The printed message with every byte that is not part of a valid UTF-8
 * sequence (a file name's Latin-1 byte) written as \ufffd: such bytes can
 * only stand inside JSON strings, and every byte on stdout must be valid
 * UTF-8 for the client's JSON parser. */
static int write_utf8(const char *s, size_t len)
{
    for (size_t i = 0;;) {
        size_t n = slog_utf8_prefix(s + i, len - i);
        if (fwrite(s + i, 1, n, stdout) != n)
            return -1;
        i += n;
        if (i == len)
            return 0;
        if (fputs("\\ufffd", stdout) == EOF)
            return -1;
        i++; /* one replacement for each byte that is no UTF-8 */
    }
}

static int send(cJSON *msg)
{
    char *s = msg ? cJSON_PrintUnformatted(msg) : NULL;
    cJSON_Delete(msg);
    if (!s)
        return -1;
    int rc =
        write_utf8(s, strlen(s)) != 0 || fputc('\n', stdout) == EOF || fflush(stdout) != 0 ? -1 : 0;
    cJSON_free(s);
    return rc;
}

/* `id` is the id's JSON text as it came, echoed byte for byte (a number
 * such as 2^53+1 or 1e400 would not survive a double), or NULL. */
static cJSON *envelope(const char *id)
{
    cJSON *m = cJSON_CreateObject();
    if (!m)
        return NULL;
    cJSON_AddStringToObject(m, "jsonrpc", "2.0");
    cJSON_AddItemToObject(m, "id", id ? cJSON_CreateRaw(id) : cJSON_CreateNull());
    return m;
}

static int send_error(const char *id, int code, const char *message)
{
    cJSON *m = envelope(id), *e = cJSON_CreateObject();
    if (!m || !e) {
        cJSON_Delete(m);
        cJSON_Delete(e);
        return -1;
    }
    cJSON_AddNumberToObject(e, "code", code);
    cJSON_AddStringToObject(e, "message", message);
    cJSON_AddItemToObject(m, "error", e);
    return send(m);
}

static int send_result(const char *id, cJSON *result)
{
    cJSON *m = envelope(id);
    if (!m || !result) {
        cJSON_Delete(m);
        cJSON_Delete(result);
        return send_error(id, INTERNAL_ERROR, "out of memory");
    }
    cJSON_AddItemToObject(m, "result", result);
    return send(m);
}

static cJSON *initialize(const cJSON *params)
{
    const cJSON *asked = cJSON_GetObjectItemCaseSensitive(params, "protocolVersion");
    const char *version = versions[0];
    for (size_t i = 0; cJSON_IsString(asked) && i < sizeof versions / sizeof *versions; i++)
        if (!strcmp(asked->valuestring, versions[i]))
            version = versions[i];
    cJSON *r = cJSON_CreateObject();
    if (!r)
        return NULL;
    cJSON_AddStringToObject(r, "protocolVersion", version);
    cJSON *caps = cJSON_AddObjectToObject(r, "capabilities");
    cJSON *tools = cJSON_AddObjectToObject(caps, "tools");
    cJSON_AddBoolToObject(tools, "listChanged", 0);
    cJSON *info = cJSON_AddObjectToObject(r, "serverInfo");
    cJSON_AddStringToObject(info, "name", "statuslog");
    cJSON_AddStringToObject(info, "title", "statuslog");
    cJSON_AddStringToObject(info, "version", slog_version());
    cJSON_AddStringToObject(r, "instructions",
                            "Markdown status logs: record results with append_status, ask what "
                            "is still open with open_items, check logs with lint, summarize a "
                            "period with digest. Paths are relative to the server's root.");
    return r;
}

/* One request or notification (`raw_id`: its id as written). 0, or -1
 * when stdout is gone. */
static int handle(mcp_session *s, const cJSON *msg, const char *raw_id)
{
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(msg, "id");
    const cJSON *method = cJSON_GetObjectItemCaseSensitive(msg, "method");
    const cJSON *params = cJSON_GetObjectItemCaseSensitive(msg, "params");
    const cJSON *version = cJSON_GetObjectItemCaseSensitive(msg, "jsonrpc");
    int notification = !id;
    if (id && !cJSON_IsString(id) && !cJSON_IsNumber(id))
        return send_error(NULL, INVALID_REQUEST, "the id must be a string or a number");
    if (!cJSON_IsString(version) || strcmp(version->valuestring, "2.0") != 0 ||
        !cJSON_IsString(method)) {
        if (cJSON_GetObjectItemCaseSensitive(msg, "result") ||
            cJSON_GetObjectItemCaseSensitive(msg, "error"))
            return 0; /* a response: the server sends no requests, nothing to match */
        return send_error(raw_id, INVALID_REQUEST, "not a JSON-RPC 2.0 request");
    }
    if (params && !cJSON_IsObject(params))
        return notification ? 0 : send_error(raw_id, INVALID_PARAMS, "params must be an object");
    const char *m = method->valuestring;
    if (notification)
        return 0; /* notifications/initialized, notifications/cancelled, ...: nothing to answer */
    if (!strcmp(m, "ping"))
        return send_result(raw_id, cJSON_CreateObject());
    if (!strcmp(m, "initialize")) {
        const cJSON *asked = cJSON_GetObjectItemCaseSensitive(params, "protocolVersion");
        if (!cJSON_IsString(asked))
            return send_error(raw_id, INVALID_PARAMS, "initialize: protocolVersion is required");
        s->initialized = 1;
        return send_result(raw_id, initialize(params));
    }
    if (!s->initialized)
        return send_error(raw_id, INVALID_REQUEST,
                          "the session is not initialized: send initialize first");
    if (!strcmp(m, "tools/list")) {
        cJSON *r = cJSON_CreateObject();
        cJSON *list = mcp_tools_list(&s->server);
        if (r && list)
            cJSON_AddItemToObject(r, "tools", list);
        else
            cJSON_Delete(list);
        return send_result(raw_id, r && list ? r : (cJSON_Delete(r), NULL));
    }
    if (!strcmp(m, "tools/call")) {
        const cJSON *name = cJSON_GetObjectItemCaseSensitive(params, "name");
        const cJSON *args = cJSON_GetObjectItemCaseSensitive(params, "arguments");
        if (!cJSON_IsString(name))
            return send_error(raw_id, INVALID_PARAMS, "tools/call: the tool's name is required");
        int unknown;
        cJSON *r = mcp_tool_call(&s->server, name->valuestring, args, &unknown);
        if (unknown) {
            char text[256], shown[128];
            snprintf(text, sizeof text, "unknown tool '%s'",
                     mcp_short(name->valuestring, shown, sizeof shown));
            return send_error(raw_id, INVALID_PARAMS, text);
        }
        return send_result(raw_id, mcp_bounded(r, MCP_MAX_REPLY - 4096));
    }
    return send_error(raw_id, METHOD_NOT_FOUND, "method not found");
}

/* Whether the JSON text holds a string with U+0000: cJSON's strings end at
 * it, so "docs/plan.md\u0000.evil" would name docs/plan.md. Outside strings
 * a valid JSON text has no backslash. */
static int has_nul(const char *s, size_t len)
{
    if (memchr(s, '\0', len))
        return 1;
    for (size_t i = 0; i + 1 < len; i++)
        if (s[i] == '\\') {
            if (s[i + 1] == 'u' && i + 5 < len && !memcmp(s + i + 2, "0000", 4))
                return 1;
            i++; /* the escaped character, a backslash included */
        }
    return 0;
}

static const char *skip_space(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
        p++;
    return p;
}

/* The text of the first "id" member of the object `s` as written (for the
 * reply to echo), malloc'd; NULL when there is none. The members are read
 * one at a time by cJSON; this only steps over the brace, colons and commas
 * between them. */
static char *raw_id(const char *s, size_t len)
{
    const char *p = skip_space(s, s + len), *end = s + len;
    if (p == end || *p++ != '{')
        return NULL;
    for (;;) {
        const char *after = NULL;
        cJSON *key = cJSON_ParseWithLengthOpts(p, (size_t)(end - p), &after, 0);
        int is_id = cJSON_IsString(key) && !strcmp(key->valuestring, "id");
        cJSON_Delete(key);
        if (!key)
            return NULL;
        p = skip_space(after, end);
        if (p == end || *p++ != ':')
            return NULL;
        p = skip_space(p, end);
        cJSON *value = cJSON_ParseWithLengthOpts(p, (size_t)(end - p), &after, 0);
        cJSON_Delete(value);
        if (!value)
            return NULL;
        if (is_id) {
            size_t n = (size_t)(after - p);
            while (n && strchr(" \t\r\n", p[n - 1]))
                n--;
            return strndup(p, n);
        }
        p = skip_space(after, end);
        if (p == end || *p++ != ',')
            return NULL;
        p = skip_space(p, end);
    }
}

int mcp_session_line(mcp_session *s, const char *line, size_t len)
{
    while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
        len--;
    const char *end = line + len;
    if (skip_space(line, end) == end)
        return 0; /* a blank line */
    const char *after = NULL;
    cJSON *msg = cJSON_ParseWithLengthOpts(line, len, &after, 0);
    int rc;
    if (!msg)
        rc = send_error(NULL, PARSE_ERROR, "parse error: not JSON");
    else if (skip_space(after, end) != end)
        rc = send_error(NULL, PARSE_ERROR,
                        "parse error: more than one JSON value on the line (one message a line)");
    else if (cJSON_IsArray(msg))
        rc = send_error(NULL, INVALID_REQUEST,
                        "batches are not supported (JSON-RPC batching left MCP in 2025-06-18)");
    else if (!cJSON_IsObject(msg))
        rc = send_error(NULL, INVALID_REQUEST, "not a JSON-RPC 2.0 request");
    else if (has_nul(line, len))
        rc = send_error(NULL, INVALID_REQUEST,
                        "a string holds U+0000 (NUL), which no path, name, text or id may");
    else {
        char *id = raw_id(line, len);
        if (cJSON_GetObjectItemCaseSensitive(msg, "id") && !id)
            rc = send_error(NULL, INTERNAL_ERROR, "out of memory");
        else
            rc = handle(s, msg, id);
        free(id);
    }
    cJSON_Delete(msg);
    return rc;
}

slog_status mcp_session_open(mcp_session *s, const char *root, int read_only, slog_error *err)
{
    memset(s, 0, sizeof *s);
    s->server.read_only = read_only;
    if (!realpath(root, s->server.root))
        return slog_error_set(err, SLOG_ERR_IO, root, 0, "cannot use as the root: %s",
                              strerror(errno));
    s->server.root_len = strlen(s->server.root);
    return slog_config_new_default(&s->server.defaults, err);
}

void mcp_session_close(mcp_session *s)
{
    mcp_server_free(&s->server);
}
