/* SPDX-License-Identifier: BSD-2-Clause */
/* statuslog: the command-line entry point. Dispatches subcommands from a table. */
#include "cli.h"

#include <string.h>

static const cli_command *const commands[] = {
    &cli_parse_command,  &cli_lint_command,     &cli_append_command, &cli_check_command,
    &cli_digest_command, &cli_template_command, &cli_fix_command,    &cli_merge_command,
    &cli_mcp_command,    &cli_lsp_command,
};
enum { NCOMMANDS = sizeof commands / sizeof *commands };

static const cli_command *find_command(const char *name)
{
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(commands[i]->name, name) == 0)
            return commands[i];
    return NULL;
}

/* "unknown command 'lnt'; did you mean 'lint'?" */
static int unknown_command(const char *name)
{
    const char *names[NCOMMANDS + 1];
    for (size_t i = 0; i < NCOMMANDS; i++)
        names[i] = commands[i]->name;
    names[NCOMMANDS] = "help";
    const char *near = cli_nearest(name, names, NCOMMANDS + 1);
    if (near)
        cli_error(NULL, "unknown command '%s'; did you mean '%s'?", name, near);
    else
        cli_error(NULL, "unknown command '%s'", name);
    fprintf(stderr, "Try 'statuslog --help' for the list of commands.\n");
    return EXIT_USAGE;
}

static void print_usage(FILE *out)
{
    fprintf(out, "usage: statuslog COMMAND [OPTION]... [ARG]...\n\n"
                 "Markdown coordination documents (plans and logs with dated status\n"
                 "entries): read them into a model, validate them, append results safely,\n"
                 "digest them over a period and fail CI when their history regresses.\n\n"
                 "Commands:\n");
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(out, "  %-10s %s\n", commands[i]->name, commands[i]->summary);
    fprintf(out, "  %-10s %s\n", "help", "show the help of a command (help --man [COMMAND],");
    fprintf(out, "  %-10s %s\n", "", "help --completion bash|zsh|fish)");
    fprintf(out, "\nOptions:\n  -h, --help     show this help\n"
                 "  -V, --version  show the version\n\n"
                 "Examples:\n"
                 "  statuslog lint docs/\n"
                 "      Every *.md below docs/; exit 1 when an error is found.\n"
                 "  statuslog append docs/plan.md --done 'Shipped the parser'\n"
                 "      Record a result in today's entry, safely.\n"
                 "  statuslog digest --week 2026-W10 docs/ -o weekly.md\n"
                 "      One page for a week across every document.\n"
                 "  statuslog help lint\n"
                 "      The options and examples of one command.\n\n"
                 "Exit status: 0 success, 1 findings at or above --fail-on, 2 usage error,\n"
                 "unreadable input or invalid configuration.\n");
}

static int help_command(int argc, char **argv)
{
    /* "help", "help --help", "help help": the list of commands */
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
        !strcmp(argv[1], "help")) {
        print_usage(stdout);
        return cli_finish(EXIT_OK);
    }
    /* the man pages and completions, from the tables --help prints */
    if (strcmp(argv[1], "--man") == 0) {
        if (cli_write_man(stdout, commands, NCOMMANDS, argc > 2 ? argv[2] : NULL) != 0) {
            cli_error(NULL, "unknown command '%s'", argv[2]);
            return EXIT_USAGE;
        }
        return cli_finish(EXIT_OK);
    }
    if (strcmp(argv[1], "--completion") == 0) {
        if (argc < 3 || cli_write_completion(stdout, commands, NCOMMANDS, argv[2]) != 0) {
            cli_error(NULL, "--completion: one of bash, zsh, fish");
            return EXIT_USAGE;
        }
        return cli_finish(EXIT_OK);
    }
    const cli_command *cmd = find_command(argv[1]);
    if (!cmd)
        return unknown_command(argv[1]);
    cli_print_help(stdout, cmd);
    return cli_finish(EXIT_OK);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        print_usage(stderr);
        return EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0) {
        print_usage(stdout);
        return cli_finish(EXIT_OK);
    }
    if (strcmp(name, "-V") == 0 || strcmp(name, "--version") == 0) {
        printf("statuslog %s\n", slog_version());
        return cli_finish(EXIT_OK);
    }
    if (strcmp(name, "help") == 0)
        return help_command(argc - 1, argv + 1);
    const cli_command *cmd = find_command(name);
    if (!cmd)
        return unknown_command(name);
    return cmd->run(argc - 1, argv + 1);
}
