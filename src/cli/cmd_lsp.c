/* SPDX-License-Identifier: BSD-2-Clause */
/* statuslog lsp: a Language Server Protocol server over stdio (SPEC §10;
 * lsp_server.c the protocol, lsp_features.c the answers). stdout carries
 * protocol messages only. The loop waits for input, for the next lint due
 * (debounced), and for the lint thread; it ends at `exit` or at the end of
 * its input (after publishing what was pending). */
#include "lsp.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <unistd.h>

enum { OPT_TODAY = 256, OPT_STDIO };

static const cli_option options[] = {
    CLI_OPTION_CONFIG,
    {"today", OPT_TODAY, "DATE", "reference date YYYY-MM-DD (default: today in the zone)"},
    {"stdio", OPT_STDIO, NULL,
     "talk over standard input and output (the default; editors pass it)"},
    {NULL, 0, NULL, NULL},
};

static int run(int argc, char **argv);

static const cli_example examples[] = {
    {"statuslog lsp --help", "What the server offers (an editor starts it: see the README)."},
    {"statuslog lsp --no-config --today 2026-03-09 </dev/null",
     "Start, and end at once at the end of the input."},
    {NULL, NULL},
};

const cli_command cli_lsp_command = {
    "lsp",
    run,
    "Serve lint's findings and fix's and append's repairs to editors (LSP).",
    "[--config FILE | --no-config] [--today DATE] [--stdio]",
    options,
    "A Language Server Protocol 3.17 server on standard input and output\n"
    "(JSON-RPC 2.0, Content-Length framing) for Markdown status logs: diagnostics\n"
    "as the document is written (lint's findings, debounced), code actions as\n"
    "workspace edits (move out-of-order entries, merge duplicates, repair\n"
    "mojibake, mark an item done, add today's entry in the log's style), the logs\n"
    "and their entries as document symbols, an item's thread on hover, markers\n"
    "and today's heading as completions. Each document reads its .statuslog.json\n"
    "as the other commands do. Ends at exit or at the end of its input.",
    NULL,
    examples,
};

static int run(int argc, char **argv)
{
    lsp_server *s = lsp_server_new(stdout, 1);
    if (!s) {
        cli_error(NULL, "out of memory");
        return EXIT_USAGE;
    }
    int c;
    const char *arg;
    long today = 0;
    while ((c = cli_next_option(argc, argv, &cli_lsp_command, &arg)) != -1) {
        if (cli_config_option(c, arg, lsp_server_configs(s)))
            continue;
        switch (c) {
        case OPT_TODAY:
            if (cli_parse_day(&cli_lsp_command, "--today", arg, &today) != 0) {
                lsp_server_free(s);
                return EXIT_USAGE;
            }
            lsp_server_set_today(s, today);
            break;
        case OPT_STDIO:
            break;
        case 'h':
            cli_print_help(stdout, &cli_lsp_command);
            lsp_server_free(s);
            return cli_finish(EXIT_OK);
        default:
            lsp_server_free(s);
            return EXIT_USAGE;
        }
    }
    if (cli_operand_index() < argc) {
        lsp_server_free(s);
        return cli_usage_error(&cli_lsp_command, "lsp: no operands");
    }
    char buf[65536];
    int done = 0, eof = 0;
    while (!done && !eof) {
        long now = lsp_now_ms(), wait = lsp_server_wait_ms(s, now);
        struct pollfd fds[2] = {{STDIN_FILENO, POLLIN, 0}, {lsp_server_wake_fd(s), POLLIN, 0}};
        int r = poll(fds, fds[1].fd >= 0 ? 2 : 1, wait < 0 ? -1 : (int)wait);
        if (r < 0 && errno != EINTR)
            break;
        if (r > 0 && (fds[0].revents & (POLLIN | POLLHUP | POLLERR))) {
            ssize_t n = read(STDIN_FILENO, buf, sizeof buf);
            if (n > 0)
                done = lsp_server_feed(s, buf, (size_t)n);
            else if (n == 0 || (errno != EINTR && errno != EAGAIN))
                eof = 1;
        }
        lsp_server_tick(s, lsp_now_ms(), 0);
    }
    if (eof)
        lsp_server_tick(s, lsp_now_ms(), 1); /* what was pending is published */
    int rc = done ? lsp_server_exit_code(s) : EXIT_OK;
    lsp_server_free(s);
    return rc;
}
