/* statuslog lint: validation findings in text, JSON, GitHub or SARIF form. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

enum { OPT_TODAY = 256 };

static const cli_option options[] = {
    CLI_OPTION_FINDINGS,
    {"today", OPT_TODAY, "DATE", "reference date YYYY-MM-DD (default: today in the zone)"},
    CLI_OPTION_CONFIG,
    {NULL, 0, NULL, NULL},
};

static int run(int argc, char **argv);

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

/* Lints one file into `diags`; EXIT_USAGE after reporting a failure. */
static int lint_file(const char *path, lint_args *a, slog_diags *diags)
{
    const slog_config *config = cli_config_for(&a->common.configs, path);
    if (!config)
        return EXIT_USAGE;
    slog_parse_options po = SLOG_PARSE_OPTIONS_INIT;
    po.config = config;
    slog_doc *doc;
    slog_error err;
    slog_error_clear(&err);
    if (slog_parse_file(path, &po, &doc, &err) != SLOG_OK) {
        cli_report(&err);
        return EXIT_USAGE;
    }
    slog_lint_options lo = {SLOG_LINT_OPTIONS_VERSION, config,
                            a->has_today ? a->today : slog_today(slog_config_timezone(config))};
    int rc = slog_lint(doc, &lo, diags, &err) == SLOG_OK ? EXIT_OK : EXIT_USAGE;
    if (rc != EXIT_OK)
        cli_report(&err);
    slog_doc_free(doc);
    return rc;
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
    slog_diags diags = {0};
    int failed = 0;
    for (size_t i = 0; i < files.count; i++)
        failed |= lint_file(files.paths[i], &a, &diags) != EXIT_OK;
    rc = cli_emit_findings(&diags, a.common.format, a.common.fail_on, files.count, failed);
    slog_diags_free(&diags);
    cli_files_free(&files);
    cli_configs_free(&a.common.configs);
    return cli_finish(rc);
}
