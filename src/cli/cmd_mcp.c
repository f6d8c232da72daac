/* SPDX-License-Identifier: BSD-2-Clause */
/* statuslog mcp: a Model Context Protocol server over stdio — JSON-RPC 2.0,
 * one message per line (mcp_server.c); stdout carries protocol messages
 * only, diagnostics go to stderr. Requests are handled one at a time; the
 * server ends at the end of its input. */
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
    mcp_session s;
    slog_error err;
    slog_error_clear(&err);
    if (mcp_session_open(&s, root, read_only, &err) != SLOG_OK) {
        cli_report(&err);
        mcp_session_close(&s);
        return EXIT_USAGE;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int rc = EXIT_OK;
    while ((n = getline(&line, &cap, stdin)) > 0)
        if (mcp_session_line(&s, line, (size_t)n) != 0) {
            rc = EXIT_USAGE; /* stdout is gone: nobody is listening */
            break;
        }
    free(line);
    mcp_session_close(&s);
    return rc;
}
