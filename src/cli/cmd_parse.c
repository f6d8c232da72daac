/* statuslog parse: the document model as JSON. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

enum { OPT_COMPACT = 'c', OPT_JSONL = 256 };

static const cli_option options[] = {
    {"compact", OPT_COMPACT, NULL, "print JSON on one line"},
    {"jsonl", OPT_JSONL, NULL, "one compact JSON object per line, one line per file"},
    CLI_OPTION_CONFIG,
    {NULL, 0, NULL, NULL},
};

static int run(int argc, char **argv);

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
};

static int run(int argc, char **argv)
{
    int pretty = 1, jsonl = 0, c;
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
        case CLI_OPT_CONFIG:
            configs.explicit_path = arg;
            break;
        case CLI_OPT_NO_CONFIG:
            configs.disabled = 1;
            break;
        case 'h':
            cli_print_help(stdout, &cli_parse_command);
            return cli_finish(EXIT_OK);
        default:
            return EXIT_USAGE;
        }
    }
    int first = cli_operand_index();
    if (argc - first < 1)
        return cli_usage_error(&cli_parse_command, "parse: no PATH given");
    cli_files files;
    if (cli_collect_files(argv + first, argc - first, &files) != 0)
        return EXIT_USAGE;
    int nfiles = (int)files.count;

    slog_error err;
    slog_parse_options opts = SLOG_PARSE_OPTIONS_INIT;
    int status = EXIT_OK;
    cJSON *array = nfiles > 1 && !jsonl ? cJSON_CreateArray() : NULL;
    if (nfiles > 1 && !jsonl && !array) {
        cli_error(NULL, "out of memory");
        cli_files_free(&files);
        return EXIT_USAGE;
    }
    /* The array's strings point into the documents: keep them until it is printed. */
    slog_doc **docs = calloc((size_t)nfiles, sizeof *docs);
    for (int i = 0; docs && i < nfiles && status != -1; i++) {
        slog_error_clear(&err);
        opts.config = cli_config_for(&configs, files.paths[i]);
        if (!opts.config) {
            status = EXIT_USAGE;
            continue;
        }
        if (slog_parse_file(files.paths[i], &opts, &docs[i], &err) != SLOG_OK) {
            cli_report(&err);
            status = EXIT_USAGE;
            continue;
        }
        if (array) {
            cJSON *json = slog_doc_to_json(docs[i]);
            if (json && cJSON_AddItemToArray(array, json))
                continue;
            cJSON_Delete(json);
            cli_error(files.paths[i], "out of memory");
            status = EXIT_USAGE;
        } else if (slog_doc_write_json(docs[i], stdout, pretty, &err) != SLOG_OK) {
            cli_report(&err);
            status = err.status == SLOG_ERR_IO ? -1 : EXIT_USAGE;
        }
        slog_doc_free(docs[i]);
        docs[i] = NULL;
    }
    if (!docs)
        cli_error(NULL, "out of memory");
    if (array && status != -1 && cli_print_json(stdout, array, pretty, 1 << 16) != 0)
        status = -1;
    cJSON_Delete(array);
    for (int i = 0; docs && i < nfiles; i++)
        slog_doc_free(docs[i]);
    free(docs);
    cli_files_free(&files);
    cli_configs_free(&configs);
    if (status == -1) {
        cli_error(NULL, "error writing output");
        return EXIT_USAGE;
    }
    return cli_finish(docs ? status : EXIT_USAGE);
}
