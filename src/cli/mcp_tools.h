/* SPDX-License-Identifier: BSD-2-Clause */
/* What the MCP tools share (mcp_tools.c): results and failures, arguments,
 * paths resolved inside the root, configurations and documents; the tools
 * that read (mcp_read.c) and those that write (mcp_write.c). */
#ifndef SLOG_CLI_MCP_TOOLS_H
#define SLOG_CLI_MCP_TOOLS_H

#include "mcp.h"

#include <stdarg.h>
#include <sys/types.h>

typedef cJSON *(*tool_fn)(mcp_server *s, const cJSON *args);

/* The largest model parse returns (the reply adds a little around it). */
enum { MCP_MAX_MODEL = (16 << 20) - 8192 };

cJSON *mcp_result(const char *text, cJSON *structured);
cJSON *mcp_from_error(const slog_error *err);
int mcp_unknown_argument(const cJSON *args, const char *const *known, char *which, size_t n);
int mcp_string_arg(const cJSON *args, const char *key, int required, const char **out);
int mcp_day_arg(const cJSON *args, const char *key, long *day, int *given);
int mcp_inside(const mcp_server *s, const char *real);
char *mcp_resolve(const mcp_server *s, const char *path, char *msg, size_t n);
const char *mcp_shown(const mcp_server *s, const char *real);
int mcp_files_of(const mcp_server *s, const cJSON *paths, cli_files *out, char *msg, size_t n);
const slog_config *mcp_config_for(mcp_server *s, const char *file, char *msg, size_t n);
slog_doc *mcp_read_doc(mcp_server *s, const char *real, const slog_config **cfg, char *msg,
                       size_t n);
cJSON *mcp_diagnostics_json(slog_diags *diags);
cJSON *mcp_tool_parse(mcp_server *s, const cJSON *args);
cJSON *mcp_tool_lint(mcp_server *s, const cJSON *args);
cJSON *mcp_tool_check(mcp_server *s, const cJSON *args);
cJSON *mcp_tool_open_items(mcp_server *s, const cJSON *args);
cJSON *mcp_tool_digest(mcp_server *s, const cJSON *args);
cJSON *mcp_tool_append(mcp_server *s, const cJSON *args);
cJSON *mcp_tool_fix(mcp_server *s, const cJSON *args);
cJSON *mcp_failure(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
