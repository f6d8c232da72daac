/* SPDX-License-Identifier: BSD-2-Clause */
/* statuslog parse: the document model as JSON. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

enum { OPT_COMPACT = 'c', OPT_JSONL = 256 };

static const cli_option options[] = {
    {"compact", OPT_COMPACT, NULL, "print JSON on one line"},
    {"jsonl", OPT_JSONL, NULL, "one compact JSON object per line, one line per file"},
    CLI_OPTION_CONFIG,
    CLI_OPTION_JOBS,
    {NULL, 0, NULL, NULL},
};

static int run(int argc, char **argv);

static const cli_example examples[] = {
    {"statuslog parse fixtures/plan.md", "The model of one document, as JSON."},
    {"statuslog parse --jsonl fixtures/styles/", "One line of JSON for each *.md below a folder."},
    {NULL, NULL},
};

const cli_command cli_parse_command = {
    "parse",
    run,
    "Print the model of each document as JSON (schema statuslog/1).",
    "PATH...",
    options,
    "One file gives one object, several a JSON array of them. A directory means\n"
    "every *.md below it; '-' reads standard input. A file that cannot be read is\n"
    "reported on stderr; the others are still printed, and the exit status is 2.",
    NULL,
    examples,
};

typedef struct {
    int pretty, jsonl, array; /* array: several files, one JSON array */
    size_t printed;
    int status; /* EXIT_OK, EXIT_USAGE, or -1 when output failed */
} parse_run;

/* One document as an element of the array: its JSON with every line after
 * the first one tab deeper, as cJSON prints an array of objects. */
static int write_element(const slog_doc *doc, int pretty, slog_error *err)
{
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    if (!mem)
        return slog_error_set(err, SLOG_ERR_NOMEM, doc->file, 0, "out of memory"), -2;
    slog_status st = slog_doc_write_json(doc, mem, pretty, err);
    if (fclose(mem) != 0 && st == SLOG_OK)
        st = slog_error_set(err, SLOG_ERR_NOMEM, doc->file, 0, "out of memory");
    if (st != SLOG_OK) {
        free(text);
        return -2;
    }
    if (len && text[len - 1] == '\n')
        len--;
    int rc = 0;
    for (size_t i = 0; i < len && rc == 0; i++)
        if (putchar(text[i]) == EOF || (pretty && text[i] == '\n' && putchar('\t') == EOF))
            rc = -1;
    free(text);
    return rc;
}

static int print_doc(cli_doc *d, void *ctx)
{
    parse_run *r = ctx;
    if (!d->config) {
        r->status = EXIT_USAGE;
        return 0;
    }
    if (!d->doc) {
        cli_report(&d->err);
        r->status = EXIT_USAGE;
        return 0;
    }
    slog_error err;
    slog_error_clear(&err);
    int rc;
    if (r->array) {
        rc = r->printed && fputs(r->pretty ? ", " : ",", stdout) == EOF
                 ? -1
                 : write_element(d->doc, r->pretty, &err);
    } else {
        rc = slog_doc_write_json(d->doc, stdout, r->pretty, &err) == SLOG_OK ? 0
             : err.status == SLOG_ERR_IO                                     ? -1
                                                                             : -2;
    }
    r->printed++;
    if (rc == -2) {
        cli_report(&err);
        r->status = EXIT_USAGE;
    } else if (rc == -1) {
        r->status = -1;
        return -1; /* output is gone: stop */
    }
    return 0;
}

static int run(int argc, char **argv)
{
    int pretty = 1, jsonl = 0, c;
    unsigned jobs = 0;
    const char *arg;
    cli_configs configs = {0};
    while ((c = cli_next_option(argc, argv, &cli_parse_command, &arg)) != -1) {
        switch (c) {
        case OPT_COMPACT:
            pretty = 0;
            break;
        case OPT_JSONL:
            jsonl = 1;
            pretty = 0;
            break;
        case CLI_OPT_JOBS:
            if (cli_parse_jobs(&cli_parse_command, arg, &jobs) != 0)
                return EXIT_USAGE;
            break;
        case 'h':
            cli_print_help(stdout, &cli_parse_command);
            return cli_finish(EXIT_OK);
        default:
            if (!cli_config_option(c, arg, &configs))
                return EXIT_USAGE;
        }
    }
    int first = cli_operand_index();
    if (argc - first < 1)
        return cli_usage_error(&cli_parse_command, "parse: no PATH given");
    cli_files files;
    if (cli_collect_files(argv + first, argc - first, &files) != 0)
        return EXIT_USAGE;
    parse_run r = {pretty, jsonl, files.count > 1 && !jsonl, 0, EXIT_OK};
    cli_reader reader = {jobs, SLOG_PARSE_OPTIONS_INIT, NULL, print_doc, NULL, &r};
    if (r.array && putchar('[') == EOF)
        r.status = -1;
    if (r.status == EXIT_OK && cli_read_docs(&files, &configs, &reader) != 0 && r.status == EXIT_OK)
        r.status = EXIT_USAGE;
    if (r.array && r.status != -1 && fputs("]\n", stdout) == EOF)
        r.status = -1;
    cli_files_free(&files);
    cli_configs_free(&configs);
    if (r.status == -1) {
        cli_error(NULL, "error writing output");
        return EXIT_USAGE;
    }
    return cli_finish(r.status);
}
