/* SPDX-License-Identifier: BSD-2-Clause */
/* statuslog mcp: the Model Context Protocol server (cmd_mcp.c: the protocol
 * over stdio; mcp_tools.c: the tools, thin clients of the library). */
#ifndef SLOG_CLI_MCP_H
#define SLOG_CLI_MCP_H

#include "cli.h"

#include <limits.h>

typedef struct {
    char root[PATH_MAX]; /* every path is resolved inside it */
    size_t root_len;
    int read_only; /* the tools that write are not offered */
    /* configurations found under the root, by path */
    char **config_paths;
    slog_config **configs;
    size_t nconfigs;
    slog_config *defaults;
} mcp_server;

/** The tools offered (an array of Tool objects, schemas and annotations). */
cJSON *mcp_tools_list(const mcp_server *s);

/** Runs tool `name` with `args`: a CallToolResult (with isError when the
 * call failed); NULL with *unknown set for a tool that is not offered, or
 * NULL when out of memory. */
cJSON *mcp_tool_call(mcp_server *s, const char *name, const cJSON *args, int *unknown);

/** `s` as it goes into a message: whole when it fits in n - 1 bytes, else
 * "…" and its end, cut between characters (a path's end names the file). */
const char *mcp_short(const char *s, char *buf, size_t n);

/** The result as printed JSON text (cJSON raw) when it is at most `max`
 * bytes, else an error result telling the agent to ask for less; frees
 * `result`. NULL when out of memory. */
cJSON *mcp_bounded(cJSON *result, size_t max);

void mcp_server_free(mcp_server *s);

/* A session: the server and where the protocol stands (mcp_server.c). */
typedef struct {
    mcp_server server;
    int initialized; /* initialize answered */
} mcp_session;

/** A session over the real path of `root`; SLOG_OK, or an error naming it. */
slog_status mcp_session_open(mcp_session *s, const char *root, int read_only, slog_error *err);
/** One line of input: its answer, if any, on stdout. 0, or -1 when stdout
 * is gone. */
int mcp_session_line(mcp_session *s, const char *line, size_t len);
void mcp_session_close(mcp_session *s);

#endif
