/* SPDX-License-Identifier: BSD-2-Clause */
/* statuslog mcp: a Model Context Protocol server over stdio — JSON-RPC 2.0,
 * one message per line; stdout carries protocol messages only, diagnostics
 * go to stderr. Requests are handled one at a time; the server ends at the
 * end of its input. */
#define _GNU_SOURCE /* getline */
#include "mcp.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { OPT_ROOT = 256, OPT_READ_ONLY };

static const cli_option options[] = {
    {"root", OPT_ROOT, "DIR", "resolve every path inside DIR (default: the current directory)"},
    {"read-only", OPT_READ_ONLY, NULL, "offer only the tools that do not write"},
    {NULL, 0, NULL, NULL},
};

static int run(int argc, char **argv);

static const cli_example examples[] = {
    {"statuslog mcp --root fixtures",
     "Serve the documents below fixtures/ to an agent (its MCP client starts this)."},
    {"statuslog mcp --root fixtures --read-only", "The same without append_status and fix."},
    {NULL, NULL},
};

const cli_command cli_mcp_command = {
    "mcp",
    run,
    "Serve the tools of statuslog to agents over the Model Context Protocol.",
    "[--root DIR] [--read-only]",
    options,
    "An MCP server over standard input and output (JSON-RPC 2.0, one message per\n"
    "line): append_status, open_items, lint, digest, parse, check and fix, each with\n"
    "JSON Schemas for its input and output. Paths are resolved inside the root;\n"
    "one that leaves it (.., an absolute path elsewhere, a symbolic link out) is\n"
    "refused. --read-only leaves out append_status and fix. Ends at the end of its\n"
    "input.",
    NULL,
    examples,
};

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

static int send(cJSON *msg)
{
    char *s = msg ? cJSON_PrintUnformatted(msg) : NULL;
    cJSON_Delete(msg);
    if (!s)
        return -1;
    int rc = fputs(s, stdout) == EOF || fputc('\n', stdout) == EOF || fflush(stdout) != 0 ? -1 : 0;
    cJSON_free(s);
    return rc;
}

static cJSON *envelope(const cJSON *id)
{
    cJSON *m = cJSON_CreateObject();
    if (!m)
        return NULL;
    cJSON_AddStringToObject(m, "jsonrpc", "2.0");
    cJSON_AddItemToObject(m, "id", id ? cJSON_Duplicate(id, 1) : cJSON_CreateNull());
    return m;
}

static int send_error(const cJSON *id, int code, const char *message)
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

static int send_result(const cJSON *id, cJSON *result)
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

typedef struct {
    mcp_server server;
    int initialized; /* initialize answered */
} session;

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

/* One request or notification. 0, or -1 when stdout is gone. */
static int handle(session *s, const cJSON *msg)
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
        return send_error(id, INVALID_REQUEST, "not a JSON-RPC 2.0 request");
    }
    if (params && !cJSON_IsObject(params))
        return notification ? 0 : send_error(id, INVALID_PARAMS, "params must be an object");
    const char *m = method->valuestring;
    if (notification)
        return 0; /* notifications/initialized, notifications/cancelled, ...: nothing to answer */
    if (!strcmp(m, "ping"))
        return send_result(id, cJSON_CreateObject());
    if (!strcmp(m, "initialize")) {
        const cJSON *asked = cJSON_GetObjectItemCaseSensitive(params, "protocolVersion");
        if (!cJSON_IsString(asked))
            return send_error(id, INVALID_PARAMS, "initialize: protocolVersion is required");
        s->initialized = 1;
        return send_result(id, initialize(params));
    }
    if (!s->initialized)
        return send_error(id, INVALID_REQUEST,
                          "the session is not initialized: send initialize "
                          "first");
    if (!strcmp(m, "tools/list")) {
        cJSON *r = cJSON_CreateObject();
        cJSON *list = mcp_tools_list(&s->server);
        if (r && list)
            cJSON_AddItemToObject(r, "tools", list);
        else
            cJSON_Delete(list);
        return send_result(id, r && list ? r : (cJSON_Delete(r), NULL));
    }
    if (!strcmp(m, "tools/call")) {
        const cJSON *name = cJSON_GetObjectItemCaseSensitive(params, "name");
        const cJSON *args = cJSON_GetObjectItemCaseSensitive(params, "arguments");
        if (!cJSON_IsString(name))
            return send_error(id, INVALID_PARAMS, "tools/call: the tool's name is required");
        int unknown;
        cJSON *r = mcp_tool_call(&s->server, name->valuestring, args, &unknown);
        if (unknown) {
            char text[256];
            snprintf(text, sizeof text, "unknown tool '%.200s'", name->valuestring);
            return send_error(id, INVALID_PARAMS, text);
        }
        return send_result(id, r);
    }
    return send_error(id, METHOD_NOT_FOUND, "method not found");
}

/* One line of input: a message, or what is wrong with it. */
static int handle_line(session *s, const char *line, size_t len)
{
    while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
        len--;
    size_t k = 0;
    while (k < len && (line[k] == ' ' || line[k] == '\t'))
        k++;
    if (k == len)
        return 0; /* a blank line */
    cJSON *msg = cJSON_ParseWithLength(line, len);
    int rc;
    if (!msg)
        rc = send_error(NULL, PARSE_ERROR, "parse error: not JSON");
    else if (cJSON_IsArray(msg))
        rc = send_error(NULL, INVALID_REQUEST,
                        "batches are not supported (JSON-RPC batching "
                        "left MCP in 2025-06-18)");
    else if (!cJSON_IsObject(msg))
        rc = send_error(NULL, INVALID_REQUEST, "not a JSON-RPC 2.0 request");
    else
        rc = handle(s, msg);
    cJSON_Delete(msg);
    return rc;
}

static int run(int argc, char **argv)
{
    const char *root = ".";
    int read_only = 0, c;
    const char *arg;
    while ((c = cli_next_option(argc, argv, &cli_mcp_command, &arg)) != -1) {
        switch (c) {
        case OPT_ROOT:
            root = arg;
            break;
        case OPT_READ_ONLY:
            read_only = 1;
            break;
        case 'h':
            cli_print_help(stdout, &cli_mcp_command);
            return cli_finish(EXIT_OK);
        default:
            return EXIT_USAGE;
        }
    }
    if (cli_operand_index() < argc)
        return cli_usage_error(&cli_mcp_command, "mcp: no operands (the root is --root DIR)");
    session s;
    memset(&s, 0, sizeof s);
    s.server.read_only = read_only;
    if (!realpath(root, s.server.root)) {
        cli_error(root, "cannot use as the root: %s", strerror(errno));
        return EXIT_USAGE;
    }
    s.server.root_len = strlen(s.server.root);
    slog_error err;
    if (slog_config_new_default(&s.server.defaults, &err) != SLOG_OK) {
        cli_report(&err);
        return EXIT_USAGE;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int rc = EXIT_OK;
    while ((n = getline(&line, &cap, stdin)) > 0)
        if (handle_line(&s, line, (size_t)n) != 0) {
            rc = EXIT_USAGE; /* stdout is gone: nobody is listening */
            break;
        }
    free(line);
    mcp_server_free(&s.server);
    return rc;
}
