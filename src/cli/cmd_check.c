/* SPDX-License-Identifier: BSD-2-Clause */
/* statuslog check: fail when checklist items or recorded history regress. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

enum { OPT_BASELINE = 256, OPT_GIT };

static const cli_option options[] = {
    {"baseline", OPT_BASELINE, "OLDFILE", "compare with this earlier version of FILE"},
    {"git", OPT_GIT, "REF", "compare with FILE as it is at git revision REF"},
    CLI_OPTION_FINDINGS,
    CLI_OPTION_CONFIG,
    {NULL, 0, NULL, NULL},
};

static int run(int argc, char **argv);

static const cli_example examples[] = {
    {"statuslog check fixtures/check/regressed.md --baseline fixtures/plan.md",
     "What regressed since the older version (exit 1)."},
    {"statuslog check --git HEAD fixtures/plan.md",
     "Against the last commit (git runs without a shell)."},
    {NULL, NULL},
};

const cli_command cli_check_command = {
    "check",
    run,
    "Compare a document with an earlier version and report what regressed.",
    "FILE --baseline OLDFILE | FILE... --git REF",
    options,
    "Entries are matched by date, time and label, items by their text (a reworded\n"
    "item by similar text), checklist items by text: moving text is no regression,\n"
    "and neither is adding entries or items or checking boxes. With --git, FILE is\n"
    "read at REF by running git in its repository; a FILE absent at REF has no\n"
    "baseline (a notice, exit 0). With --git, several FILEs may be given (as\n"
    "pre-commit passes them). Exit status as for lint.",
    NULL,
    examples,
};

typedef struct {
    const char *baseline, *git;
    cli_common common;
} check_args;

static int parse_args(int argc, char **argv, check_args *a)
{
    int c;
    const char *arg;
    while ((c = cli_next_option(argc, argv, &cli_check_command, &arg)) != -1) {
        int common = cli_common_option(&cli_check_command, c, arg, &a->common);
        if (common < 0)
            return EXIT_USAGE;
        if (common)
            continue;
        switch (c) {
        case OPT_BASELINE:
            a->baseline = arg;
            break;
        case OPT_GIT:
            a->git = arg;
            break;
        case 'h':
            cli_print_help(stdout, &cli_check_command);
            return -1;
        default:
            return EXIT_USAGE;
        }
    }
    return EXIT_OK;
}

/* The baseline document; NULL with *rc set when there is none or it failed. */
static slog_doc *load_baseline(const check_args *a, const char *path, const slog_config *config,
                               int *rc)
{
    slog_error err;
    slog_error_clear(&err);
    slog_parse_options po = SLOG_PARSE_OPTIONS_INIT;
    po.config = config;
    slog_doc *doc = NULL;
    if (a->baseline) {
        if (slog_parse_file(a->baseline, &po, &doc, &err) != SLOG_OK) {
            cli_report(&err);
            *rc = EXIT_USAGE;
        }
        return doc;
    }
    char *data;
    size_t len;
    if (slog_git_show(path, a->git, &data, &len, &err) != SLOG_OK) {
        cli_report(&err);
        *rc = EXIT_USAGE;
        return NULL;
    }
    if (!data) {
        cli_error(path, "not in %s: no baseline, nothing to compare", a->git);
        *rc = EXIT_OK;
        return NULL;
    }
    char name[1024];
    snprintf(name, sizeof name, "%s:%s", a->git, path);
    po.filename = name;
    if (slog_parse_buffer(data, len, &po, &doc, &err) != SLOG_OK) {
        cli_report(&err);
        *rc = EXIT_USAGE;
    }
    free(data);
    return doc;
}

/* Compares one file with its baseline, adding the findings; EXIT_USAGE
 * after reporting a failure. */
static int check_one(check_args *a, const char *path, slog_diags *diags)
{
    const slog_config *config = cli_config_for(&a->common.configs, path);
    slog_doc *current = NULL, *baseline = NULL;
    slog_error err;
    slog_error_clear(&err);
    slog_parse_options po = SLOG_PARSE_OPTIONS_INIT;
    po.config = config;
    int rc = EXIT_USAGE;
    if (config && slog_parse_file(path, &po, &current, &err) != SLOG_OK)
        cli_report(&err);
    if (current)
        baseline = load_baseline(a, path, config, &rc);
    if (baseline) {
        rc = EXIT_OK;
        if (slog_check(current, baseline, config, diags, &err) != SLOG_OK) {
            cli_report(&err);
            rc = EXIT_USAGE;
        }
    }
    slog_doc_free(current);
    slog_doc_free(baseline);
    return rc;
}

static int run(int argc, char **argv)
{
    check_args a = {NULL, NULL, CLI_COMMON_INIT};
    int rc = parse_args(argc, argv, &a);
    if (rc != EXIT_OK)
        return rc == -1 ? cli_finish(EXIT_OK) : rc;
    int first = cli_operand_index();
    if (first >= argc)
        return cli_usage_error(&cli_check_command, "check: no FILE given");
    if (!a.baseline == !a.git)
        return cli_usage_error(&cli_check_command, "check: give one of --baseline and --git");
    if (a.baseline && argc - first > 1)
        return cli_usage_error(&cli_check_command, "check: one FILE with --baseline");
    slog_diags diags = {0};
    int failed = 0;
    for (int i = first; i < argc; i++)
        failed |= check_one(&a, argv[i], &diags) == EXIT_USAGE;
    rc = cli_emit_findings(&diags, a.common.format, a.common.fail_on, (size_t)(argc - first),
                           failed);
    slog_diags_free(&diags);
    cli_configs_free(&a.common.configs);
    return cli_finish(rc);
}
