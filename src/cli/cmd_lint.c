/* SPDX-License-Identifier: BSD-2-Clause */
/* statuslog lint: validation findings in text, JSON, GitHub or SARIF form. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

enum { OPT_TODAY = 256 };

static const cli_option options[] = {
    CLI_OPTION_FINDINGS,
    {"today", OPT_TODAY, "DATE", "reference date YYYY-MM-DD (default: today in the zone)"},
    CLI_OPTION_CONFIG,
    CLI_OPTION_JOBS,
    {NULL, 0, NULL, NULL},
};

static int run(int argc, char **argv);

static const cli_example examples[] = {
    {"statuslog lint fixtures/styles/",
     "Every *.md below a folder; exit 1 when an error is found."},
    {"statuslog lint --format github --fail-on warning fixtures/fix/plan.md",
     "Annotations for GitHub Actions; warnings fail the run too."},
    {"statuslog lint --today 2026-03-20 --format json fixtures/plan.md",
     "The findings as JSON, stale items judged as of a date."},
    {NULL, NULL},
};

const cli_command cli_lint_command = {
    "lint",
    run,
    "Check documents against the rules and report findings.",
    "PATH...",
    options,
    "A directory means every *.md below it. Findings are sorted by file and line;\n"
    "with --format text a summary line follows on stderr. Exit status: 0, or 1\n"
    "when a finding is at or above --fail-on, 2 for unreadable input or an\n"
    "invalid configuration. Rule severities are set in .statuslog.json (\"rules\").",
    cli_print_rules,
    examples,
};

typedef struct {
    cli_common common;
    long today;
    int has_today;
} lint_args;

static int parse_args(int argc, char **argv, lint_args *a)
{
    int c;
    const char *arg;
    while ((c = cli_next_option(argc, argv, &cli_lint_command, &arg)) != -1) {
        int common = cli_common_option(&cli_lint_command, c, arg, &a->common);
        if (common < 0)
            return EXIT_USAGE;
        if (common)
            continue;
        switch (c) {
        case OPT_TODAY:
            if (cli_parse_day(&cli_lint_command, "--today", arg, &a->today) != 0)
                return EXIT_USAGE;
            a->has_today = 1;
            break;
        case 'h':
            cli_print_help(stdout, &cli_lint_command);
            return -1;
        default:
            return EXIT_USAGE;
        }
    }
    return EXIT_OK;
}

typedef struct {
    lint_args *a;
    slog_diags diags; /* every file's findings, in file order */
    int failed;
} lint_run;

/* On a pool thread: the findings of one document. */
static int lint_doc(cli_doc *d, void *ctx)
{
    lint_run *run = ctx;
    slog_diags *diags = calloc(1, sizeof *diags);
    if (!diags) {
        slog_error_set(&d->err, SLOG_ERR_NOMEM, d->path, 0, "out of memory");
        return -1;
    }
    slog_lint_options lo = {
        SLOG_LINT_OPTIONS_VERSION, d->config,
        run->a->has_today ? run->a->today : slog_today(slog_config_timezone(d->config)), 0};
    d->result = diags;
    return slog_lint(d->doc, &lo, diags, &d->err) == SLOG_OK ? 0 : -1;
}

static void free_diags(void *result)
{
    if (result)
        slog_diags_free(result);
    free(result);
}

/* In file order: what failed is reported, the findings are kept. */
static int collect(cli_doc *d, void *ctx)
{
    lint_run *run = ctx;
    if (!d->config) {
        run->failed = 1;
    } else if (!d->doc) {
        cli_report(&d->err);
        run->failed = 1;
    } else if (slog_diags_move(&run->diags, d->result) != SLOG_OK) {
        cli_error(d->path, "out of memory");
        run->failed = 1;
    }
    return 0;
}

static int run(int argc, char **argv)
{
    lint_args a = {CLI_COMMON_INIT, 0, 0};
    int rc = parse_args(argc, argv, &a);
    if (rc != EXIT_OK)
        return rc == -1 ? cli_finish(EXIT_OK) : rc;
    int first = cli_operand_index();
    if (first >= argc)
        return cli_usage_error(&cli_lint_command, "lint: no PATH given");
    cli_files files;
    if (cli_collect_files(argv + first, argc - first, &files) != 0)
        return EXIT_USAGE;
    lint_run lr = {&a, {0}, 0};
    cli_reader reader = {
        a.common.jobs, SLOG_PARSE_OPTIONS_INIT, lint_doc, collect, free_diags, &lr};
    if (cli_read_docs(&files, &a.common.configs, &reader) != 0)
        lr.failed = 1;
    rc = cli_emit_findings(&lr.diags, a.common.format, a.common.fail_on, files.count, lr.failed);
    slog_diags_free(&lr.diags);
    cli_files_free(&files);
    cli_configs_free(&a.common.configs);
    return cli_finish(rc);
}
