/* SPDX-License-Identifier: BSD-2-Clause */
/* statuslog digest: a weekly (or any period's) digest across documents. */
#include "cli.h"

#include <libgen.h>
#include <stdlib.h>
#include <string.h>

enum {
    OPT_OUTPUT = 'o',
    OPT_FORMAT = 'f',
    OPT_WEEK = 256,
    OPT_SINCE,
    OPT_UNTIL,
    OPT_DAYS,
    OPT_TODAY,
    OPT_TEMPLATE,
    OPT_ALL,
};

static const cli_option options[] = {
    {"week", OPT_WEEK, "YYYY-Www", "the ISO week (Monday to Sunday)"},
    {"since", OPT_SINCE, "DATE", "first day of the period"},
    {"until", OPT_UNTIL, "DATE", "last day of the period (default: today)"},
    {"days", OPT_DAYS, "N", "the N days ending on --until or today (default 7)"},
    {"today", OPT_TODAY, "DATE", "reference date YYYY-MM-DD"},
    {"format", OPT_FORMAT, "FORMAT", "markdown (default), html, text or json"},
    {"template", OPT_TEMPLATE, "FILE", "render this Mustache template instead"},
    {"output", OPT_OUTPUT, "FILE", "write to FILE (atomically) instead of standard output"},
    {"all", OPT_ALL, NULL, "list the documents without entries in the period too"},
    CLI_OPTION_CONFIG,
    CLI_OPTION_JOBS,
    {NULL, 0, NULL, NULL},
};

static int run(int argc, char **argv);

static const cli_example examples[] = {
    {"statuslog digest fixtures/digest/team --today 2026-03-06",
     "The week ending on a day, as Markdown."},
    {"statuslog digest fixtures/digest/team --week 2026-W10 --format html -o digest.html",
     "One self-contained HTML page, written only when it succeeds."},
    {"statuslog digest fixtures/digest/team --days 30 --today 2026-03-06 --format json",
     "The view model the templates render."},
    {NULL, NULL},
};

const cli_command cli_digest_command = {
    "digest",
    run,
    "A page a lead reads in two minutes: what needs attention, what changed.",
    "PATH...",
    options,
    "A directory means every *.md below it. The default period is the 7 days\n"
    "ending on --today. Everything is computed as of the end of the period (or\n"
    "--today when that comes first), lint counts included, so the digest of a\n"
    "past week is the same whenever it is made. Documents without entries in the\n"
    "period (and nothing that needs attention) are counted in one line; --all\n"
    "lists them. --format json prints the view model (statuslog-digest/1) that\n"
    "the built-in templates and --template render.",
    NULL,
    examples,
};

typedef struct {
    const char *week, *since, *until, *format, *template_path, *output;
    int days;
    long today;
    int has_today, all;
    cli_configs configs;
    unsigned jobs;
} digest_args;

static int parse_args(int argc, char **argv, digest_args *a)
{
    int c;
    const char *arg;
    while ((c = cli_next_option(argc, argv, &cli_digest_command, &arg)) != -1) {
        switch (c) {
        case OPT_WEEK:
            a->week = arg;
            break;
        case OPT_SINCE:
            a->since = arg;
            break;
        case OPT_UNTIL:
            a->until = arg;
            break;
        case OPT_DAYS: {
            char *end;
            long n = strtol(arg, &end, 10);
            if (*end || n < 1 || n > 3660)
                return cli_usage_error(&cli_digest_command, "--days: '%s' is not 1..3660", arg);
            a->days = (int)n;
            break;
        }
        case OPT_TODAY:
            if (cli_parse_day(&cli_digest_command, "--today", arg, &a->today) != 0)
                return EXIT_USAGE;
            a->has_today = 1;
            break;
        case OPT_FORMAT:
            if (strcmp(arg, "json") && strcmp(arg, "markdown") && strcmp(arg, "html") &&
                strcmp(arg, "text"))
                return cli_usage_error(&cli_digest_command,
                                       "--format: '%s' is not one of markdown, html, text, json",
                                       arg);
            a->format = arg;
            break;
        case OPT_TEMPLATE:
            a->template_path = arg;
            break;
        case OPT_ALL:
            a->all = 1;
            break;
        case OPT_OUTPUT:
            a->output = arg;
            break;
        case CLI_OPT_JOBS:
            if (cli_parse_jobs(&cli_digest_command, arg, &a->jobs) != 0)
                return EXIT_USAGE;
            break;
        case 'h':
            cli_print_help(stdout, &cli_digest_command);
            return -1;
        default:
            if (!cli_config_option(c, arg, &a->configs))
                return EXIT_USAGE;
        }
    }
    return EXIT_OK;
}

static int period_of(const digest_args *a, long today, slog_period *p)
{
    slog_error err;
    if (a->week && (a->since || a->until || a->days))
        return cli_usage_error(&cli_digest_command, "--week goes alone (not with --since, "
                                                    "--until or --days)");
    if (a->week) {
        if (slog_period_from_week(a->week, p, &err) != SLOG_OK)
            return cli_usage_error(&cli_digest_command, "%s", err.message);
        return EXIT_OK;
    }
    long since = 0, until = today;
    if (a->until && cli_parse_day(&cli_digest_command, "--until", a->until, &until) != 0)
        return EXIT_USAGE;
    if (a->since) {
        if (a->days)
            return cli_usage_error(&cli_digest_command, "--since and --days exclude each other");
        if (cli_parse_day(&cli_digest_command, "--since", a->since, &since) != 0)
            return EXIT_USAGE;
        if (since > until)
            return cli_usage_error(&cli_digest_command, "--since is after --until");
        *p = (slog_period){since, until, 0, 0};
        return EXIT_OK;
    }
    *p = slog_period_days(until, a->days ? a->days : 7);
    return EXIT_OK;
}

static int output(const digest_args *a, const cJSON *digest)
{
    const char *format = a->format ? a->format : "markdown";
    if (!a->template_path && strcmp(format, "json") == 0) {
        char *s = cJSON_Print(digest);
        if (!s)
            return EXIT_USAGE;
        size_t n = strlen(s);
        s[n] = '\n'; /* cJSON's terminator becomes the final newline */
        int rc = EXIT_OK;
        slog_error err;
        if (a->output ? slog_write_file_atomic(a->output, s, n + 1, &err) != SLOG_OK
                      : fwrite(s, 1, n + 1, stdout) != n + 1) {
            if (a->output)
                cli_report(&err);
            rc = EXIT_USAGE;
        }
        cJSON_free(s);
        return rc;
    }
    slog_template *t = NULL;
    char *copy = NULL;
    const char *dir = NULL;
    if (a->template_path) {
        t = cli_read_template(a->template_path);
        copy = strdup(a->template_path);
        dir = copy ? dirname(copy) : ".";
    } else {
        size_t len;
        const char *src = slog_digest_template(format, &len);
        slog_error err;
        if (src && slog_template_parse(format, src, len, &t, &err) != SLOG_OK)
            cli_report(&err);
    }
    int rc = t ? cli_render(t, digest, dir, a->output) : EXIT_USAGE;
    slog_template_free(t);
    free(copy);
    return rc;
}

typedef struct {
    const digest_args *a;
    cJSON *digest;
    int failed;
    int rc; /* a usage error of the period */
} digest_run;

/* In file order: each document goes into the digest. */
static int add_doc(cli_doc *d, void *ctx)
{
    digest_run *r = ctx;
    if (!d->config) {
        r->failed = 1;
        return 0;
    }
    long today = r->a->has_today ? r->a->today : slog_today(slog_config_timezone(d->config));
    slog_digest_options o = {
        SLOG_DIGEST_OPTIONS_VERSION, d->config, {0, 0, 0, 0}, today, r->a->all};
    if ((r->rc = period_of(r->a, today, &o.period)) != EXIT_OK)
        return -1;
    if (!r->digest && !(r->digest = slog_digest_new(&o))) {
        cli_error(NULL, "out of memory");
        r->failed = 1;
        return -1;
    }
    if (!d->doc || slog_digest_add(r->digest, d->doc, &o, &d->err) != SLOG_OK) {
        cli_report(&d->err);
        r->failed = 1;
    }
    return 0;
}

static int run(int argc, char **argv)
{
    digest_args a = {0};
    int rc = parse_args(argc, argv, &a);
    if (rc != EXIT_OK)
        return rc == -1 ? cli_finish(EXIT_OK) : rc;
    int first = cli_operand_index();
    if (first >= argc)
        return cli_usage_error(&cli_digest_command, "digest: no PATH given");
    cli_files files;
    if (cli_collect_files(argv + first, argc - first, &files) != 0)
        return EXIT_USAGE;
    digest_run r = {&a, NULL, 0, EXIT_OK};
    cli_reader reader = {a.jobs, SLOG_PARSE_OPTIONS_INIT, NULL, add_doc, NULL, &r};
    if (cli_read_docs(&files, &a.configs, &reader) != 0 && r.rc == EXIT_OK)
        r.failed = 1;
    slog_error err;
    if (r.rc == EXIT_OK && r.digest && slog_digest_finish(r.digest, &err) != SLOG_OK) {
        cli_report(&err);
        r.failed = 1;
    }
    /* a failed run writes nothing: no half digest on stdout, and -o FILE
     * (replaced atomically on success) stays as it was */
    rc = r.rc != EXIT_OK ? r.rc : r.digest && !r.failed ? output(&a, r.digest) : EXIT_USAGE;
    cJSON_Delete(r.digest);
    cli_files_free(&files);
    cli_configs_free(&a.configs);
    return r.rc != EXIT_OK ? r.rc : cli_finish(r.failed ? EXIT_USAGE : rc);
}
