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

void mcp_server_free(mcp_server *s);

#endif
