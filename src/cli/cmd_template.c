/* SPDX-License-Identifier: BSD-2-Clause */
/* statuslog template: render any Mustache template with any JSON data. */
#include "cli.h"

#include <libgen.h>
#include <stdlib.h>
#include <string.h>

enum { OPT_PARTIALS = 'p' };

static const cli_option options[] = {
    {"partials", OPT_PARTIALS, "DIR",
     "where {{>name}} finds name.mustache (default: the "
     "template's directory)"},
    {NULL, 0, NULL, NULL},
};

static int run(int argc, char **argv);

static const cli_example examples[] = {
    {"statuslog digest fixtures/digest/team --today 2026-03-06 --format json >d.json",
     "The data of a digest ..."},
    {"statuslog template fixtures/templates/custom.mustache d.json --partials fixtures/templates",
     "... rendered by a template of one's own."},
    {NULL, NULL},
};

const cli_command cli_template_command = {
    "template",
    run,
    "Render a Mustache template with JSON data (default data: {}).",
    "TEMPLATE [DATA.json|-]",
    options,
    "The way to develop a digest template: statuslog digest --format json > d.json,\n"
    "then statuslog template my.mustache d.json.",
    NULL,
    examples,
};

static int run(int argc, char **argv)
{
    const char *partials = NULL, *arg;
    int c;
    while ((c = cli_next_option(argc, argv, &cli_template_command, &arg)) != -1) {
        if (c == OPT_PARTIALS)
            partials = arg;
        else if (c == 'h') {
            cli_print_help(stdout, &cli_template_command);
            return cli_finish(EXIT_OK);
        } else
            return EXIT_USAGE;
    }
    int first = cli_operand_index(), n = argc - first;
    if (n < 1 || n > 2)
        return cli_usage_error(&cli_template_command, "template: give TEMPLATE and at most one "
                                                      "DATA file");
    slog_template *t = cli_read_template(argv[first]);
    if (!t)
        return EXIT_USAGE;
    cJSON *data = NULL;
    if (n == 2) {
        char *text;
        size_t len;
        slog_error err;
        slog_error_clear(&err);
        const char *name = strcmp(argv[first + 1], "-") == 0 ? "<stdin>" : argv[first + 1];
        if (slog_read_file(argv[first + 1], &text, &len, &err) != SLOG_OK) {
            cli_report(&err);
            slog_template_free(t);
            return EXIT_USAGE;
        }
        const char *end = NULL;
        data = cJSON_ParseWithLengthOpts(text, len + 1, &end, 1);
        if (!data) {
            int line = 1, col = 1;
            for (const char *p = text; end && p < end; p++) {
                line += *p == '\n';
                col = *p == '\n' ? 1 : col + 1;
            }
            cli_error(NULL, "%s:%d:%d: invalid JSON", name, line, col);
        }
        free(text);
        if (!data) {
            slog_template_free(t);
            return EXIT_USAGE;
        }
    } else if (!(data = cJSON_CreateObject())) {
        slog_template_free(t);
        return EXIT_USAGE;
    }
    char *copy = strdup(argv[first]);
    const char *dir = partials ? partials : copy ? dirname(copy) : ".";
    int rc = cli_render(t, data, dir, NULL);
    free(copy);
    cJSON_Delete(data);
    slog_template_free(t);
    return cli_finish(rc);
}
