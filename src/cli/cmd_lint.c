/* statuslog lint: validation findings in text, JSON, GitHub or SARIF form. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

enum { OPT_FORMAT = 'f', OPT_FAIL_ON = 256, OPT_TODAY, OPT_CONFIG, OPT_NO_CONFIG };

static const cli_option options[] = {
    {"format", OPT_FORMAT, "FORMAT", "text (default), json, github or sarif"},
    {"fail-on", OPT_FAIL_ON, "SEVERITY", "exit 1 on findings at or above: error (default), "
                                          "warning, info"},
    {"today", OPT_TODAY, "DATE", "reference date YYYY-MM-DD (default: today in the zone)"},
    {"config", OPT_CONFIG, "FILE", "read this configuration instead of .statuslog.json"},
    {"no-config", OPT_NO_CONFIG, NULL, "ignore .statuslog.json files"},
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
    slog_format format;
    slog_severity fail_on;
    long today;
    int has_today;
    cli_configs configs;
} lint_args;

static int parse_args(int argc, char **argv, lint_args *a)
{
    int c;
    const char *arg;
    while ((c = cli_next_option(argc, argv, &cli_lint_command, &arg)) != -1) {
        switch (c) {
        case OPT_FORMAT:
            if (cli_parse_format(&cli_lint_command, arg, &a->format) != 0)
                return EXIT_USAGE;
            break;
        case OPT_FAIL_ON:
            if (cli_parse_fail_on(&cli_lint_command, arg, &a->fail_on) != 0)
                return EXIT_USAGE;
            break;
        case OPT_TODAY:
            if (cli_parse_day(&cli_lint_command, "--today", arg, &a->today) != 0)
                return EXIT_USAGE;
            a->has_today = 1;
            break;
        case OPT_CONFIG:
            a->configs.explicit_path = arg;
            break;
        case OPT_NO_CONFIG:
            a->configs.disabled = 1;
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
    const slog_config *config = cli_config_for(&a->configs, path);
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
    lint_args a = {SLOG_FORMAT_TEXT, SLOG_SEV_ERROR, 0, 0, {0}};
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
    rc = cli_emit_findings(&diags, a.format, a.fail_on, files.count, failed);
    slog_diags_free(&diags);
    cli_files_free(&files);
    cli_configs_free(&a.configs);
    return cli_finish(rc);
}
