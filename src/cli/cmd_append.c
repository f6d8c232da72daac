/* SPDX-License-Identifier: BSD-2-Clause */
/* statuslog append: record results in a status log, safely. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

enum {
    OPT_DATE = 'd',
    OPT_LABEL = 'l',
    OPT_DONE = 256,
    OPT_IN_PROGRESS,
    OPT_NEXT,
    OPT_BLOCKED,
    OPT_FAILED,
    OPT_WARNING,
    OPT_NOTE,
    OPT_FROM_JSON,
    OPT_DRY_RUN,
    OPT_NO_DEDUPE,
    OPT_RUN,
    OPT_NAME,
    OPT_TIMEOUT,
};

static const cli_option options[] = {
    {"date", OPT_DATE, "DATE", "entry date YYYY-MM-DD[THH:MM[ZONE]] (default: today)"},
    {"label", OPT_LABEL, "LABEL", "entry label (default: Status)"},
    {"done", OPT_DONE, "TEXT", "add a done item (repeatable, as the others)"},
    {"in-progress", OPT_IN_PROGRESS, "TEXT", "add an in-progress item"},
    {"next", OPT_NEXT, "TEXT", "add a next item"},
    {"blocked", OPT_BLOCKED, "TEXT", "add a blocked item"},
    {"failed", OPT_FAILED, "TEXT", "add a failed item"},
    {"warning", OPT_WARNING, "TEXT", "add a warning item"},
    {"note", OPT_NOTE, "TEXT", "add an item without marker"},
    {"from-json", OPT_FROM_JSON, "FILE", "items from JSON ('-': standard input)"},
    {"dry-run", OPT_DRY_RUN, NULL, "print a unified diff; change nothing"},
    {"no-dedupe", OPT_NO_DEDUPE, NULL, "add items even when the entry has them already"},
    {"run", OPT_RUN, NULL, "run COMMAND (after --) and record its result"},
    {"name", OPT_NAME, "TEXT", "with --run: the name to record instead of the command"},
    {"timeout", OPT_TIMEOUT, "SECS", "with --run: stop COMMAND after SECS seconds"},
    CLI_OPTION_CONFIG,
    {NULL, 0, NULL, NULL},
};

static int run(int argc, char **argv);

static const cli_example examples[] = {
    {"statuslog append fixtures/plan.md --done \"Load test passed\" --next \"Roll out to 10%\"",
     "A done and a next item in today's Status entry."},
    {"statuslog append fixtures/log.md --date 2026-04-03T12:00Z --label Sweep --blocked \"Waiting "
     "on DNS\" --dry-run",
     "The diff it would write, in the log's own heading style."},
    {"statuslog append fixtures/plan.md --run --name \"fixtures present\" -- test -d fixtures",
     "Runs the command and records it as done or failed."},
    {NULL, NULL},
};

const cli_command cli_append_command = {
    "append",
    run,
    "Add items to the entry of a date and label, creating it where it belongs.",
    "FILE [--run [--name TEXT] [--timeout SECS] -- COMMAND [ARG]...]",
    options,
    "Items go at the end of the entry with that date and label; otherwise a new\n"
    "entry in the style the document uses is placed after the last entry not\n"
    "dated later. Only the new lines are written: every other byte stays. An item\n"
    "the entry already has (same state and text) is not added again. Concurrent\n"
    "appends to one file are serialized; the file is replaced atomically.\n"
    "With --run, the exit status is COMMAND's (128+N for signal N, 124 after\n"
    "--timeout, 127 when it cannot be started).",
    NULL,
    examples,
};

typedef struct {
    slog_append_item *items;
    size_t nitems, cap;
    slog_append_request cli;   /* from the options */
    slog_append_request *json; /* from --from-json */
    size_t njson;
    slog_append_options opts;
    slog_append_summary total;
    size_t nrequests;
} append_job;

static int add_item(append_job *j, slog_state state, const char *text)
{
    if (j->nitems == j->cap) {
        size_t cap = j->cap ? j->cap * 2 : 8;
        slog_append_item *g = realloc(j->items, cap * sizeof *g);
        if (!g)
            return -1;
        j->items = g;
        j->cap = cap;
    }
    j->items[j->nitems++] = (slog_append_item){state, text};
    return 0;
}

/* The transformation run under the file's lock. One request gives one
 * insertion (written around the unchanged bytes); several are applied in
 * turn to a copy. */
static slog_status apply_all(const char *old, size_t len, slog_edit *edit, void *ctx,
                             slog_error *err)
{
    append_job *j = ctx;
    size_t n = j->njson + (j->cli.nitems > 0);
    memset(&j->total, 0, sizeof j->total);
    if (n == 1) {
        const slog_append_request *r = j->njson ? &j->json[0] : &j->cli;
        return slog_append_edit(old, len, r, &j->opts, edit, &j->total, err);
    }
    char *cur = NULL;
    size_t cur_len = len;
    const char *src = old;
    slog_status st = SLOG_OK;
    for (size_t i = 0; st == SLOG_OK && i < n; i++) {
        const slog_append_request *r = i < j->njson ? &j->json[i] : &j->cli;
        char *next;
        size_t next_len;
        slog_append_summary s;
        st = slog_append_buffer(src, cur_len, r, &j->opts, &next, &next_len, &s, err);
        if (st != SLOG_OK)
            break;
        free(cur);
        cur = next;
        src = cur;
        cur_len = next_len;
        j->total.added += s.added;
        j->total.skipped += s.skipped;
    }
    if (st != SLOG_OK) {
        free(cur);
        return st;
    }
    edit->whole = cur;
    edit->whole_len = cur_len;
    return SLOG_OK;
}

typedef struct {
    const char *from_json;
    int dry_run, run_cmd;
    const char *name;
    double timeout;
    cli_configs configs;
} append_args;

static int parse_args(int argc, char **argv, append_job *j, append_args *a)
{
    static const slog_state states[] = {
        SLOG_STATE_DONE,   SLOG_STATE_IN_PROGRESS, SLOG_STATE_NEXT, SLOG_STATE_BLOCKED,
        SLOG_STATE_FAILED, SLOG_STATE_WARNING,     SLOG_STATE_NOTE};
    int c;
    const char *arg;
    while ((c = cli_next_option(argc, argv, &cli_append_command, &arg)) != -1) {
        if (c >= OPT_DONE && c <= OPT_NOTE) {
            if (add_item(j, states[c - OPT_DONE], arg) != 0) {
                cli_error(NULL, "out of memory");
                return EXIT_USAGE;
            }
            continue;
        }
        switch (c) {
        case OPT_DATE:
            j->cli.date = arg;
            break;
        case OPT_LABEL:
            j->cli.label = arg;
            break;
        case OPT_FROM_JSON:
            a->from_json = arg;
            break;
        case OPT_DRY_RUN:
            a->dry_run = 1;
            break;
        case OPT_NO_DEDUPE:
            j->opts.no_dedupe = 1;
            break;
        case OPT_RUN:
            a->run_cmd = 1;
            break;
        case OPT_NAME:
            a->name = arg;
            break;
        case OPT_TIMEOUT: {
            char *end;
            a->timeout = strtod(arg, &end);
            if (*end || a->timeout <= 0)
                return cli_usage_error(&cli_append_command,
                                       "--timeout: '%s' is not a positive number of seconds", arg);
            break;
        }
        case 'h':
            cli_print_help(stdout, &cli_append_command);
            return -1;
        default:
            if (!cli_config_option(c, arg, &a->configs))
                return EXIT_USAGE;
        }
    }
    return EXIT_OK;
}

static int load_json(append_job *j, const char *from)
{
    char *text;
    size_t len;
    slog_error err;
    slog_error_clear(&err);
    const char *name = strcmp(from, "-") == 0 ? "<stdin>" : from;
    if (slog_read_file(from, &text, &len, &err) != SLOG_OK ||
        slog_append_requests_from_json(text ? text : "", len, name, &j->json, &j->njson, &err) !=
            SLOG_OK) {
        cli_report(&err);
        if (err.status != SLOG_ERR_IO)
            free(text);
        return EXIT_USAGE;
    }
    free(text);
    return EXIT_OK;
}

static int finish(append_job *j, append_args *a, int rc)
{
    free(j->items);
    slog_append_requests_free(j->json, j->njson);
    cli_configs_free(&a->configs);
    return rc;
}

static int run(int argc, char **argv)
{
    append_job j = {0};
    append_args a = {0};
    j.opts.version = SLOG_APPEND_OPTIONS_VERSION;
    int rc = parse_args(argc, argv, &j, &a);
    if (rc != EXIT_OK)
        return finish(&j, &a, rc == -1 ? cli_finish(EXIT_OK) : rc);
    int first = cli_operand_index();
    if (first >= argc)
        return finish(&j, &a, cli_usage_error(&cli_append_command, "append: no FILE given"));
    const char *path = argv[first];
    char **command = argv + first + 1;
    if (a.run_cmd && !*command)
        return finish(&j, &a, cli_usage_error(&cli_append_command, "--run: no COMMAND after --"));
    if (!a.run_cmd && *command)
        return finish(&j, &a,
                      cli_usage_error(&cli_append_command, "unexpected argument '%s'", *command));
    if ((a.name || a.timeout > 0) && !a.run_cmd)
        return finish(&j, &a,
                      cli_usage_error(&cli_append_command, "--name and --timeout go "
                                                           "with --run"));
    if (!j.nitems && !a.from_json && !a.run_cmd)
        return finish(&j, &a,
                      cli_usage_error(&cli_append_command,
                                      "nothing to append: give items, --from-json or "
                                      "--run"));
    if (a.from_json && load_json(&j, a.from_json) != EXIT_OK)
        return finish(&j, &a, EXIT_USAGE);

    slog_error err;
    slog_error_clear(&err);
    /* Check what can be checked before running anything. */
    j.cli.items = j.items;
    j.cli.nitems = j.nitems;
    slog_append_item probe = {SLOG_STATE_DONE, "x"};
    slog_append_request check = j.cli;
    if (!check.nitems) {
        check.items = &probe;
        check.nitems = 1;
    }
    if (slog_append_check(&check, &err) != SLOG_OK) {
        cli_usage_error(&cli_append_command, "%s", err.message);
        return finish(&j, &a, EXIT_USAGE);
    }
    j.opts.config = cli_config_for(&a.configs, path);
    j.opts.filename = path;
    if (!j.opts.config)
        return finish(&j, &a, EXIT_USAGE);

    int exit_code = EXIT_OK;
    if (a.run_cmd) {
        slog_run_result r;
        slog_append_item item;
        if (slog_run(command, a.timeout, &r, &err) != SLOG_OK) {
            cli_report(&err);
            return finish(&j, &a, EXIT_USAGE);
        }
        if (slog_run_item(command, a.name, &r, &item) != 0 || add_item(&j, item.state, item.text)) {
            cli_error(NULL, "out of memory");
            return finish(&j, &a, EXIT_USAGE);
        }
        j.cli.items = j.items;
        j.cli.nitems = j.nitems;
        exit_code = slog_run_exit_code(&r);
    }

    char *old = NULL, *neu = NULL;
    size_t olen = 0, nlen = 0;
    slog_status st = slog_update_file(path, apply_all, &j, !a.dry_run, a.dry_run ? &old : NULL,
                                      &olen, a.dry_run ? &neu : NULL, &nlen, &err);
    if (st != SLOG_OK) {
        cli_report(&err);
        if (a.run_cmd) /* the run's own item text was malloc'd */
            free((char *)j.items[j.nitems - 1].text);
        return finish(&j, &a, EXIT_USAGE);
    }
    if (a.dry_run && slog_write_insertion_diff(stdout, path, old, olen, neu, nlen) != 0)
        exit_code = EXIT_USAGE;
    if (j.total.skipped)
        cli_error(path, "%zu %s already recorded, not added again%s", j.total.skipped,
                  j.total.skipped == 1 ? "item" : "items", j.total.added ? "" : "; file unchanged");
    free(old);
    free(neu);
    if (a.run_cmd)
        free((char *)j.items[j.nitems - 1].text);
    return finish(&j, &a, cli_finish(exit_code));
}
