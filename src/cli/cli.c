/* Shared CLI helpers: option tables, help, errors, output. */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_OPTIONS = 32 };

int cli_next_option(int argc, char **argv, const cli_command *cmd, const char **optarg_out)
{
    struct option longs[MAX_OPTIONS + 2];
    char shorts[MAX_OPTIONS * 2 + 4] = "+h";
    size_t n = 0, s = 2;
    for (const cli_option *o = cmd->options; o && o->name && n < MAX_OPTIONS; o++, n++) {
        longs[n] = (struct option){o->name, o->arg ? required_argument : no_argument, NULL, o->key};
        if (o->key < 256) {
            shorts[s++] = (char)o->key;
            if (o->arg)
                shorts[s++] = ':';
        }
    }
    shorts[s] = '\0';
    longs[n++] = (struct option){"help", no_argument, NULL, 'h'};
    longs[n] = (struct option){NULL, 0, NULL, 0};
    opterr = 0;
    int c = getopt_long(argc, argv, shorts, longs, NULL);
    *optarg_out = optarg;
    if (c == '?') {
        const char *bad = argv[optind - 1];
        if (optopt && optopt < 256 && strchr(shorts, optopt) == NULL)
            cli_usage_error(cmd, "unknown option '-%c'", optopt);
        else if (optopt)
            cli_usage_error(cmd, "option '%s' needs an argument", bad);
        else
            cli_usage_error(cmd, "unknown option '%s'", bad);
    }
    return c;
}

int cli_operand_index(void)
{
    return optind;
}

void cli_print_help(FILE *out, const cli_command *cmd)
{
    fprintf(out, "usage: statuslog %s [OPTION]... %s\n\n%s\n", cmd->name, cmd->usage,
            cmd->summary);
    if (cmd->details)
        fprintf(out, "\n%s\n", cmd->details);
    fprintf(out, "\nOptions:\n");
    for (const cli_option *o = cmd->options; o && o->name; o++) {
        char left[64];
        if (o->key < 256)
            snprintf(left, sizeof left, "-%c, --%s%s%s", o->key, o->name, o->arg ? " " : "",
                     o->arg ? o->arg : "");
        else
            snprintf(left, sizeof left, "    --%s%s%s", o->name, o->arg ? " " : "",
                     o->arg ? o->arg : "");
        fprintf(out, "  %-26s %s\n", left, o->help);
    }
    fprintf(out, "  %-26s %s\n", "-h, --help", "show this help and exit");
}

static void verror(const char *file, const char *fmt, va_list ap)
{
    fputs("statuslog: ", stderr);
    if (file && *file)
        fprintf(stderr, "%s: ", file);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void cli_error(const char *file, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(file, fmt, ap);
    va_end(ap);
}

void cli_report(const slog_error *err)
{
    if (err->line > 0 && err->column > 0)
        cli_error(NULL, "%s:%d:%d: %s", err->file, err->line, err->column, err->message);
    else if (err->line > 0)
        cli_error(NULL, "%s:%d: %s", err->file, err->line, err->message);
    else
        cli_error(err->file, "%s", err->message);
}

int cli_usage_error(const cli_command *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(NULL, fmt, ap);
    va_end(ap);
    fprintf(stderr, "Try 'statuslog %s --help' for more information.\n", cmd ? cmd->name : "");
    return EXIT_USAGE;
}

int cli_print_json(FILE *out, const void *json, int pretty, size_t size_hint)
{
    int hint = size_hint > (size_t)1 << 30 ? 1 << 30 : (int)size_hint + 256;
    char *s = cJSON_PrintBuffered((const cJSON *)json, hint, pretty);
    if (!s)
        return -1;
    size_t len = strlen(s);
    int rc = fwrite(s, 1, len, out) == len && fputc('\n', out) != EOF ? 0 : -1;
    cJSON_free(s);
    return rc;
}

int cli_finish(int code)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        cli_error(NULL, "error writing output: %s", strerror(errno));
        return EXIT_USAGE;
    }
    return code;
}
