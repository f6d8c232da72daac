/* SPDX-License-Identifier: BSD-2-Clause */
/* statuslog fix: repair what lint finds (mojibake, entry order, duplicates). */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

enum { OPT_ENCODING = 256, OPT_ORDER, OPT_DUPLICATES, OPT_DRY_RUN, OPT_CHECK };

static const cli_option options[] = {
    {"encoding", OPT_ENCODING, NULL, "undo mojibake (double-encoded UTF-8) exactly"},
    {"order", OPT_ORDER, NULL, "move the entries entry-order reports to where they belong"},
    {"merge-duplicates", OPT_DUPLICATES, NULL,
     "merge duplicate entries into the first of their date and label"},
    {"dry-run", OPT_DRY_RUN, NULL, "print the change as a unified diff; write nothing"},
    {"check", OPT_CHECK, NULL, "write nothing; exit 1 when a repair is due"},
    CLI_OPTION_CONFIG,
    {NULL, 0, NULL, NULL},
};

static int run(int argc, char **argv);

static const cli_example examples[] = {
    {"statuslog fix --check fixtures/fix/plan.md",
     "Exit 1 when a repair is due (for CI and pre-commit)."},
    {"statuslog fix --order --dry-run fixtures/fix/plan.md",
     "The diff that would put the entries in order."},
    {"statuslog fix fixtures/plan-mojibake-cp1252.md", "Every repair, written in place."},
    {NULL, NULL},
};

const cli_command cli_fix_command = {
    "fix",
    run,
    "Repair documents: mojibake, entries out of order, duplicate entries.",
    "FILE...",
    options,
    "With no repair named, all of them. Entries move whole (heading, items, text,\n"
    "nested entries) to where the entry-order finding says they belong, in the\n"
    "log's own direction; a duplicate entry's items go into the first entry of its\n"
    "date and label (items it has already are dropped) and its heading goes.\n"
    "Every other byte is kept, and files are written as append writes them (lock,\n"
    "temporary file, fsync, rename). Prints what it repaired. Exit status: 0, or\n"
    "with --check 1 when a repair is due; 2 for unreadable input.",
    NULL,
    examples,
};

typedef struct {
    unsigned repairs;
    int dry_run, check;
    cli_configs configs;
} fix_args;

static int parse_args(int argc, char **argv, fix_args *a)
{
    int c;
    const char *arg;
    while ((c = cli_next_option(argc, argv, &cli_fix_command, &arg)) != -1) {
        switch (c) {
        case OPT_ENCODING:
            a->repairs |= SLOG_FIX_ENCODING;
            break;
        case OPT_ORDER:
            a->repairs |= SLOG_FIX_ORDER;
            break;
        case OPT_DUPLICATES:
            a->repairs |= SLOG_FIX_DUPLICATES;
            break;
        case OPT_DRY_RUN:
            a->dry_run = 1;
            break;
        case OPT_CHECK:
            a->check = 1;
            break;
        case 'h':
            cli_print_help(stdout, &cli_fix_command);
            return -1;
        default:
            if (!cli_config_option(c, arg, &a->configs))
                return EXIT_USAGE;
        }
    }
    if (a->dry_run && a->check)
        return cli_usage_error(&cli_fix_command, "fix: --dry-run and --check go alone");
    return EXIT_OK;
}

/* "3 entries moved, 1 duplicate entry merged, the encoding repaired" */
static void describe(const slog_fix_summary *s, int done, char *buf, size_t size)
{
    char part[96];
    buf[0] = '\0';
    if (s->encoding)
        strncat(buf, done ? "mojibake undone" : "mojibake", size - strlen(buf) - 1);
    if (s->merged) {
        snprintf(part, sizeof part, "%s%zu duplicate %s %s", *buf ? ", " : "", s->merged,
                 s->merged == 1 ? "entry" : "entries", done ? "merged" : "to merge");
        strncat(buf, part, size - strlen(buf) - 1);
    }
    if (s->moved) {
        snprintf(part, sizeof part, "%s%zu %s %s", *buf ? ", " : "", s->moved,
                 s->moved == 1 ? "entry" : "entries", done ? "moved" : "out of order");
        strncat(buf, part, size - strlen(buf) - 1);
    }
}

static int fix_one(const char *path, fix_args *a, int *due)
{
    const slog_config *config = cli_config_for(&a->configs, path);
    if (!config)
        return EXIT_USAGE;
    slog_fix_options o = {SLOG_FIX_OPTIONS_VERSION, config, a->repairs, path, 0};
    slog_fix_summary s;
    slog_error err;
    slog_error_clear(&err);
    char *old = NULL, *new_text = NULL;
    size_t old_len = 0, new_len = 0;
    int write = !a->dry_run && !a->check;
    slog_status st = slog_fix_file(path, &o, write, &s, a->dry_run ? &old : NULL, &old_len,
                                   a->dry_run ? &new_text : NULL, &new_len, &err);
    int rc = EXIT_OK;
    if (st != SLOG_OK) {
        cli_report(&err);
        rc = EXIT_USAGE;
    } else if (s.encoding || s.merged || s.moved) {
        char what[256];
        *due = 1;
        describe(&s, write, what, sizeof what);
        if (a->dry_run) {
            if (slog_write_diff(stdout, path, old, old_len, new_text, new_len, &err) != 0) {
                cli_report(&err);
                rc = EXIT_USAGE;
            }
        } else {
            printf("%s: %s\n", path, what);
        }
    }
    if (rc == EXIT_OK && s.unmovable)
        cli_error(path,
                  "%zu %s out of order left as %s: moving %s where %s belongs would put "
                  "%s under a heading of a higher level",
                  s.unmovable, s.unmovable == 1 ? "entry" : "entries",
                  s.unmovable == 1 ? "it is" : "they are", s.unmovable == 1 ? "it" : "them",
                  s.unmovable == 1 ? "it" : "each", s.unmovable == 1 ? "it" : "them");
    free(old);
    free(new_text);
    return rc;
}

static int run(int argc, char **argv)
{
    fix_args a = {0};
    int rc = parse_args(argc, argv, &a);
    if (rc != EXIT_OK)
        return rc == -1 ? cli_finish(EXIT_OK) : rc;
    int first = cli_operand_index();
    if (first >= argc)
        return cli_usage_error(&cli_fix_command, "fix: no FILE given");
    int failed = 0, due = 0;
    for (int i = first; i < argc; i++)
        failed |= fix_one(argv[i], &a, &due) != EXIT_OK;
    cli_configs_free(&a.configs);
    if (failed)
        return cli_finish(EXIT_USAGE);
    return cli_finish(a.check && due ? EXIT_FINDINGS : EXIT_OK);
}
