/* The command-line client: a subcommand table and shared helpers. Every
 * subcommand lives in its own cmd_<name>.c and only calls the library. */
#ifndef SLOG_CLI_H
#define SLOG_CLI_H

#include <stdio.h>

#include "statuslog/statuslog.h"

/* Exit codes (SPEC §9). */
enum { EXIT_OK = 0, EXIT_FINDINGS = 1, EXIT_USAGE = 2 };

/* One option of a subcommand: used both to parse argv and to print --help. */
typedef struct {
    const char *name;  /* long name without "--" */
    int key;           /* short letter, or a value >= 256 for long-only options */
    const char *arg;   /* argument name for --help, NULL for a flag */
    const char *help;
} cli_option;

typedef struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
    const char *usage;         /* "FILE..." part after the command name */
    const cli_option *options; /* terminated by an entry with name NULL */
    const char *details;       /* extra paragraph for --help, or NULL */
} cli_command;

extern const cli_command cli_parse_command;

/** getopt_long over a command's option table. Returns the option key, -1 at
 * the end of options, '?' on an unknown option or missing argument (the
 * message is printed), 'h' for --help. *optarg_out gets the argument. */
int cli_next_option(int argc, char **argv, const cli_command *cmd, const char **optarg_out);
/** The index of the first operand after cli_next_option returned -1. */
int cli_operand_index(void);

void cli_print_help(FILE *out, const cli_command *cmd);
/** "statuslog: FILE: message" (FILE omitted when NULL). */
void cli_error(const char *file, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void cli_report(const slog_error *err);
/** Usage error for `cmd`: message plus a hint, returns EXIT_USAGE. */
int cli_usage_error(const cli_command *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/** Prints a cJSON tree (pretty or compact) and a newline; 0 or -1 on failure. */
int cli_print_json(FILE *out, const void *json, int pretty, size_t size_hint);
/** Flushes stdout and reports a write error; returns `code`, or EXIT_USAGE on error. */
int cli_finish(int code);

#endif
