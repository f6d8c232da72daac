/* SPDX-License-Identifier: BSD-2-Clause */
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
    const char *name; /* long name without "--" */
    int key;          /* short letter, or a value >= 256 for long-only options */
    const char *arg;  /* argument name for --help, NULL for a flag */
    const char *help;
} cli_option;

/* An example for --help and the man page: a command line that works as
 * written from the top of the source tree (tests/cli/examples.sh runs every
 * one in a copy of it) and what it does. */
typedef struct {
    const char *command;
    const char *what;
} cli_example;

typedef struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
    const char *usage;            /* "FILE..." part after the command name */
    const cli_option *options;    /* terminated by an entry with name NULL */
    const char *details;          /* extra paragraph for --help, or NULL */
    void (*more_help)(FILE *out); /* printed after the options, or NULL */
    const cli_example *examples;  /* two or three, ended by {NULL, NULL} */
} cli_command;

extern const cli_command cli_parse_command;
extern const cli_command cli_lint_command;
extern const cli_command cli_append_command;
extern const cli_command cli_check_command;
extern const cli_command cli_digest_command;
extern const cli_command cli_template_command;
extern const cli_command cli_fix_command;
extern const cli_command cli_merge_command;
extern const cli_command cli_mcp_command;
extern const cli_command cli_lsp_command;

/* Files named on the command line: a directory stands for every *.md below
 * it (sorted; hidden entries skipped; each directory and file read once,
 * however many links lead to it). walk.c. */
typedef struct {
    char **paths;
    size_t count, cap;
} cli_files;
/** Expands operands into files; 0, or -1 when out of memory (reported). */
int cli_collect_files(char **operands, int n, cli_files *out);
/** The same, skipping (with a warning) what lies outside the real path
 * `root` (the MCP server's). */
int cli_collect_files_in(char **operands, int n, const char *root, cli_files *out);
void cli_files_free(cli_files *files);

/* The configuration of each document: --config FILE, --no-config, or the
 * .statuslog.json found from the document's directory upward (each file
 * read once). */
typedef struct {
    const char *explicit_path; /* --config */
    int disabled;              /* --no-config */
    slog_config *fixed;        /* --config's or the defaults, loaded once */
    int fixed_failed;          /* ... and reported once when that failed */
    char **paths;              /* discovered files ... */
    slog_config **configs;     /* ... and what they hold */
    size_t count;
} cli_configs;
/** The configuration for `doc_path`; NULL after reporting an invalid one. */
const slog_config *cli_config_for(cli_configs *c, const char *doc_path);
void cli_configs_free(cli_configs *c);

/** Parses --jobs N (1..SLOG_MAX_JOBS; 0 means the processors); reports and
 * returns -1 if invalid. */
int cli_parse_jobs(const cli_command *cmd, const char *arg, unsigned *jobs);

/* Many documents read on a pool of threads: a window of files at a time is
 * parsed (and given to `on_worker`) in parallel, then handed to `in_order`
 * on this thread in the order of the files, then freed. Output made in
 * `in_order` is the same for every number of threads. */
typedef struct {
    const char *path;
    const slog_config *config; /* NULL: its configuration was invalid (reported) */
    slog_doc *doc;             /* NULL when reading failed: err says why */
    slog_error err;
    void *result; /* what on_worker made */
} cli_doc;

typedef struct {
    unsigned jobs;
    slog_parse_options parse; /* config and jobs are set per file */
    /* On a pool thread after a successful parse, or NULL; returns 0, or -1
     * with d->err filled. */
    int (*on_worker)(cli_doc *d, void *ctx);
    /* On this thread, in file order, for every file; returns 0 or -1 to stop. */
    int (*in_order)(cli_doc *d, void *ctx);
    /* Frees what on_worker made, or NULL. */
    void (*free_result)(void *result);
    void *ctx;
} cli_reader;

/** Reads `files`; 0, or -1 when in_order asked to stop or memory ran out. */
int cli_read_docs(const cli_files *files, cli_configs *configs, const cli_reader *r);

/* Options several commands share: their keys and table entries. */
enum {
    CLI_OPT_CONFIG = 1000,
    CLI_OPT_NO_CONFIG,
    CLI_OPT_FAIL_ON,
    CLI_OPT_FORMAT = 'f',
    CLI_OPT_JOBS = 'j'
};
#define CLI_OPTION_JOBS                                                                            \
    {                                                                                              \
        "jobs", CLI_OPT_JOBS, "N",                                                                 \
            "threads (default: the processors); output is the same for every N"                    \
    }
#define CLI_OPTION_CONFIG                                                                          \
    {"config", CLI_OPT_CONFIG, "FILE", "read this configuration instead of .statuslog.json"},      \
    {                                                                                              \
        "no-config", CLI_OPT_NO_CONFIG, NULL, "ignore .statuslog.json files"                       \
    }
#define CLI_OPTION_FINDINGS                                                                        \
    {"format", CLI_OPT_FORMAT, "FORMAT", "text (default), json, github or sarif"},                 \
    {                                                                                              \
        "fail-on", CLI_OPT_FAIL_ON, "SEVERITY",                                                    \
            "exit 1 on findings at or above: error (default), warning, info"                       \
    }

/* What the shared options set. */
typedef struct {
    cli_configs configs;
    slog_format format;
    slog_severity fail_on;
    unsigned jobs; /* 0: the processors */
} cli_common;

#define CLI_COMMON_INIT                                                                            \
    {                                                                                              \
        {0}, SLOG_FORMAT_TEXT, SLOG_SEV_ERROR, 0                                                   \
    }

/** Handles a shared option: 1 when it was one, 0 when not, -1 after
 * reporting a bad argument. */
/** --config FILE and --no-config into `configs`: 1 when `key` is one of them. */
int cli_config_option(int key, const char *arg, cli_configs *configs);
int cli_common_option(const cli_command *cmd, int key, const char *arg, cli_common *common);

/** Parses a --today/--date style YYYY-MM-DD; reports and returns -1 if invalid. */
int cli_parse_day(const cli_command *cmd, const char *option, const char *arg, long *day);
/** Parses --fail-on; reports and returns -1 if invalid. */
int cli_parse_fail_on(const cli_command *cmd, const char *arg, slog_severity *out);
/** Parses --format (text, json, github, sarif); reports and returns -1 if invalid. */
int cli_parse_format(const cli_command *cmd, const char *arg, slog_format *out);
/** Sorts and prints findings in `format` (with the summary line on stderr
 * for text when nothing failed) and returns the exit status: 2 when
 * `failed`, 1 for a finding at or above `fail_on`, else 0. */
int cli_emit_findings(slog_diags *diags, slog_format format, slog_severity fail_on, size_t nfiles,
                      int failed);

/** Partials for templates: DIR/NAME.mustache (ctx is the directory). */
slog_status cli_load_partial(const char *name, char **src, size_t *len, void *ctx, slog_error *err);
/** Reads and parses a template file; reports and returns NULL on failure. */
slog_template *cli_read_template(const char *path);
/** Renders `t` over `data` to FILE `out_path` (atomically) or stdout. */
int cli_render(const slog_template *t, const cJSON *data, const char *partials_dir,
               const char *out_path);

/** The man page of a command (mdoc), or of statuslog itself when `name` is
 * NULL; -1 for an unknown command. */
int cli_write_man(FILE *out, const cli_command *const *commands, size_t n, const char *name);
/** The completion script for `shell` (bash, zsh, fish); -1 for another. */
int cli_write_completion(FILE *out, const cli_command *const *commands, size_t n,
                         const char *shell);

/** The rule table, for --help. */
void cli_print_rules(FILE *out);

/** getopt_long over a command's option table. Returns the option key, -1 at
 * the end of options, '?' on an unknown option or missing argument (the
 * message is printed), 'h' for --help. *optarg_out gets the argument. */
int cli_next_option(int argc, char **argv, const cli_command *cmd, const char **optarg_out);
/** The index of the first operand after cli_next_option returned -1. */
int cli_operand_index(void);

void cli_print_help(FILE *out, const cli_command *cmd);
/** The candidate nearest to `word` (at most two edits, or a third of its
 * length, away), or NULL: for "did you mean" hints. */
const char *cli_nearest(const char *word, const char *const *candidates, size_t n);
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
