/* SPDX-License-Identifier: BSD-2-Clause */
/* statuslog merge: the git merge driver for status logs, and its install. */
#include "cli.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { OPT_INSTALL = 256, OPT_GLOBAL };

static const cli_option options[] = {
    {"install", OPT_INSTALL, NULL,
     "set this program up as git's merge driver for PATTERN... (default *.md)"},
    {"global", OPT_GLOBAL, NULL, "with --install: in the user's git configuration"},
    CLI_OPTION_CONFIG,
    {NULL, 0, NULL, NULL},
};

static int run(int argc, char **argv);

static const cli_example examples[] = {
    {"statuslog merge --install 'docs/*.md'",
     "The merge driver for these files of the repository."},
    {"statuslog merge fixtures/merge/base.md fixtures/merge/ours.md fixtures/merge/theirs.md",
     "What git runs: both sides' entries, written over ours.md."},
    {NULL, NULL},
};

const cli_command cli_merge_command = {
    "merge",
    run,
    "Merge three versions of a status log (a git merge driver).",
    "BASE OURS THEIRS [PATH] | --install [--global] [PATTERN...]",
    options,
    "The result, written over OURS as git expects, is OURS with every entry and\n"
    "item THEIRS added since BASE, placed as append places them; boxes ticked on\n"
    "either side stay ticked; an item both sides added is there once. An item both\n"
    "sides reworded differently gets conflict markers (exit 1). A file without\n"
    "dated entries, or a change outside entries, is merged as git merge-file\n"
    "merges it. PATH (git's %P) names the file in messages and finds its\n"
    ".statuslog.json. --install writes '*.md merge=statuslog' to .gitattributes\n"
    "and the merge.statuslog driver to git config.",
    NULL,
    examples,
};

/* The program git should run: this one, by absolute path when it was run
 * by a path, else by name (found on PATH). */
static char *program_path(void)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        return strdup(exe);
    }
    return strdup("statuslog");
}

static int install(char **patterns, int n, int global)
{
    char *program = program_path(), *file = NULL;
    slog_error err;
    slog_error_clear(&err);
    slog_status st = program ? slog_merge_install(program, (const char *const *)patterns, (size_t)n,
                                                  global, &file, &err)
                             : SLOG_ERR_NOMEM;
    if (st == SLOG_OK)
        printf("merge driver installed: %s, git config%s merge.statuslog.driver\n", file,
               global ? " --global" : "");
    else if (program)
        cli_report(&err);
    else
        cli_error(NULL, "out of memory");
    free(program);
    free(file);
    return st == SLOG_OK ? EXIT_OK : EXIT_USAGE;
}

static int run(int argc, char **argv)
{
    int do_install = 0, global = 0, c;
    const char *arg;
    cli_configs configs = {0};
    while ((c = cli_next_option(argc, argv, &cli_merge_command, &arg)) != -1) {
        switch (c) {
        case OPT_INSTALL:
            do_install = 1;
            break;
        case OPT_GLOBAL:
            global = 1;
            break;
        case 'h':
            cli_print_help(stdout, &cli_merge_command);
            return cli_finish(EXIT_OK);
        default:
            if (!cli_config_option(c, arg, &configs))
                return EXIT_USAGE;
        }
    }
    int first = cli_operand_index();
    if (do_install)
        return cli_finish(install(argv + first, argc - first, global));
    if (global)
        return cli_usage_error(&cli_merge_command, "merge: --global goes with --install");
    if (argc - first != 3 && argc - first != 4)
        return cli_usage_error(&cli_merge_command, "merge: BASE OURS THEIRS [PATH] expected");
    const char *path = argc - first == 4 ? argv[first + 3] : argv[first + 1];
    const slog_config *config = cli_config_for(&configs, path);
    if (!config) {
        cli_configs_free(&configs);
        return EXIT_USAGE;
    }
    slog_merge_options o = {SLOG_MERGE_OPTIONS_VERSION, config, path, 0};
    slog_merge_summary s;
    slog_error err;
    slog_error_clear(&err);
    slog_status st = slog_merge_files(argv[first], argv[first + 1], argv[first + 2], &o, &s, &err);
    cli_configs_free(&configs);
    if (st != SLOG_OK) {
        cli_report(&err);
        return EXIT_USAGE;
    }
    if (s.conflicts)
        cli_error(path, "%zu conflict%s marked%s", s.conflicts, s.conflicts == 1 ? "" : "s",
                  s.line_merge ? " (merged line by line)" : "");
    return cli_finish(s.conflicts ? EXIT_FINDINGS : EXIT_OK);
}
