/* SPDX-License-Identifier: BSD-2-Clause */
/* Shared CLI helpers: option tables, help, errors, output. */
#include "cli.h"

#include <errno.h>
#include <sys/stat.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_OPTIONS = 32 };

/* Edits (insertions, deletions, substitutions and swaps of two neighbours)
 * that turn a into b, counted up to `limit` + 1. */
static size_t edit_distance(const char *a, const char *b, size_t limit)
{
    enum { MAX_WORD = 64 };
    size_t m = strlen(a), n = strlen(b);
    if (m >= MAX_WORD || n >= MAX_WORD)
        return limit + 1;
    size_t d[MAX_WORD + 1][MAX_WORD + 1];
    for (size_t i = 0; i <= m; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= n; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= m; i++)
        for (size_t j = 1; j <= n; j++) {
            size_t best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < best)
                best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    return d[m][n] > limit ? limit + 1 : d[m][n];
}

const char *cli_nearest(const char *word, const char *const *candidates, size_t n)
{
    size_t len = strlen(word);
    size_t limit = len < 6 ? (len + 2) / 3 : 2; /* 'lnt' is lint; 'x' is nothing */
    const char *best = NULL;
    size_t best_distance = limit + 1;
    for (size_t i = 0; i < n; i++) {
        size_t d = edit_distance(word, candidates[i], limit);
        if (d < best_distance) {
            best = candidates[i];
            best_distance = d;
        }
    }
    return best;
}

/* "unknown option '--fromat'", with the nearest option of the command. */
static void unknown_long_option(const cli_command *cmd, const char *bad, const struct option *longs,
                                size_t n)
{
    char name[64];
    const char *p = bad[0] == '-' && bad[1] == '-' ? bad + 2 : bad;
    size_t len = strcspn(p, "=");
    snprintf(name, sizeof name, "%.*s", (int)(len < sizeof name ? len : sizeof name - 1), p);
    const char *names[MAX_OPTIONS + 2]; /* as many as longs holds */
    for (size_t i = 0; i < n; i++)
        names[i] = longs[i].name;
    const char *near = cli_nearest(name, names, n);
    if (near)
        cli_usage_error(cmd, "unknown option '--%s'; did you mean '--%s'?", name, near);
    else
        cli_usage_error(cmd, "unknown option '%s'", bad);
}

int cli_next_option(int argc, char **argv, const cli_command *cmd, const char **optarg_out)
{
    struct option longs[MAX_OPTIONS + 2];
    char shorts[MAX_OPTIONS * 2 + 4] = "h";
    size_t n = 0, s = 1;
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
            unknown_long_option(cmd, bad, longs, n);
    }
    return c;
}

int cli_operand_index(void)
{
    return optind;
}

void cli_print_help(FILE *out, const cli_command *cmd)
{
    fprintf(out, "usage: statuslog %s [OPTION]... %s\n\n%s\n", cmd->name, cmd->usage, cmd->summary);
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
    if (cmd->more_help)
        cmd->more_help(out);
    if (cmd->examples && cmd->examples[0].command) {
        fprintf(out, "\nExamples:\n");
        for (const cli_example *e = cmd->examples; e->command; e++)
            fprintf(out, "  %s\n      %s\n", e->command, e->what);
    }
}

static void verror(const char *file, const char *fmt, va_list ap)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 0)))
#endif
    ;

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

const slog_config *cli_config_for(cli_configs *c, const char *doc_path)
{
    slog_error err;
    slog_error_clear(&err);
    if (c->explicit_path || c->disabled) {
        if (c->fixed_failed)
            return NULL; /* said once */
        if (!c->fixed && (c->explicit_path ? slog_config_load(c->explicit_path, &c->fixed, &err)
                                           : slog_config_new_default(&c->fixed, &err)) != SLOG_OK) {
            cli_report(&err);
            c->fixed_failed = 1;
            return NULL;
        }
        return c->fixed;
    }
    char *found = slog_config_discover(doc_path);
    if (!found) {
        if (!c->fixed && slog_config_new_default(&c->fixed, &err) != SLOG_OK) {
            cli_report(&err);
            return NULL;
        }
        return c->fixed;
    }
    for (size_t i = 0; i < c->count; i++)
        if (strcmp(c->paths[i], found) == 0) {
            free(found);
            return c->configs[i];
        }
    slog_config *cfg = NULL;
    char **paths = realloc(c->paths, (c->count + 1) * sizeof *paths);
    if (paths)
        c->paths = paths;
    slog_config **configs = paths ? realloc(c->configs, (c->count + 1) * sizeof *configs) : NULL;
    if (configs)
        c->configs = configs;
    if (!paths || !configs) {
        cli_error(NULL, "out of memory");
        free(found);
        return NULL;
    }
    if (slog_config_load(found, &cfg, &err) != SLOG_OK)
        cli_report(&err);
    /* remembered even when invalid, so that it is reported once */
    c->paths[c->count] = found;
    c->configs[c->count++] = cfg;
    return cfg;
}

void cli_configs_free(cli_configs *c)
{
    slog_config_free(c->fixed);
    for (size_t i = 0; i < c->count; i++) {
        free(c->paths[i]);
        slog_config_free(c->configs[i]);
    }
    free(c->paths);
    free(c->configs);
    memset(c, 0, sizeof *c);
}

int cli_parse_day(const cli_command *cmd, const char *option, const char *arg, long *day)
{
    if (slog_parse_date(arg, day) != 0) {
        cli_usage_error(cmd, "%s: '%s' is not a date (YYYY-MM-DD)", option, arg);
        return -1;
    }
    return 0;
}

int cli_parse_fail_on(const cli_command *cmd, const char *arg, slog_severity *out)
{
    if (slog_severity_from_name(arg, out) != 0 || *out == SLOG_SEV_OFF) {
        cli_usage_error(cmd, "--fail-on: '%s' is not one of error, warning, info", arg);
        return -1;
    }
    return 0;
}

int cli_parse_format(const cli_command *cmd, const char *arg, slog_format *out)
{
    if (slog_format_from_name(arg, out) != 0) {
        cli_usage_error(cmd, "--format: '%s' is not one of text, json, github, sarif", arg);
        return -1;
    }
    return 0;
}

void cli_print_rules(FILE *out)
{
    fprintf(out, "\nRules (id, default severity):\n");
    for (int r = 0; r < SLOG_RULE_COUNT; r++) {
        const slog_rule_info *info = slog_rule_get((slog_rule)r);
        fprintf(out, "  %-22s %-8s %s\n", info->name, slog_severity_name(info->severity),
                info->description);
    }
}

int cli_emit_findings(slog_diags *diags, slog_format format, slog_severity fail_on, size_t nfiles,
                      int failed)
{
    slog_diags_sort(diags);
    slog_error err;
    if (slog_report(format, diags, stdout, &err) != SLOG_OK) {
        cli_report(&err);
        failed = 1;
    }
    if (format == SLOG_FORMAT_TEXT && !failed) {
        size_t n[4];
        slog_diags_count(diags, n);
        fprintf(stderr, "statuslog: %zu %s, %zu %s, %zu %s in %zu %s\n", n[SLOG_SEV_ERROR],
                n[SLOG_SEV_ERROR] == 1 ? "error" : "errors", n[SLOG_SEV_WARNING],
                n[SLOG_SEV_WARNING] == 1 ? "warning" : "warnings", n[SLOG_SEV_INFO],
                n[SLOG_SEV_INFO] == 1 ? "note" : "notes", nfiles, nfiles == 1 ? "file" : "files");
    }
    return failed ? EXIT_USAGE : slog_diags_worst(diags) >= fail_on ? EXIT_FINDINGS : EXIT_OK;
}

slog_status cli_load_partial(const char *name, char **src, size_t *len, void *ctx, slog_error *err)
{
    *src = NULL;
    *len = 0;
    /* a partial is a file of the directory, never a path elsewhere */
    if (!ctx || !*name || strchr(name, '/') || strcmp(name, "..") == 0 || name[0] == '.')
        return SLOG_OK;
    size_t n = strlen(ctx) + strlen(name) + 16;
    char *path = malloc(n);
    if (!path)
        return slog_error_set(err, SLOG_ERR_NOMEM, name, 0, "out of memory");
    snprintf(path, n, "%s/%s.mustache", (const char *)ctx, name);
    struct stat st;
    slog_status rc = SLOG_OK;
    if (stat(path, &st) == 0)
        rc = slog_read_file(path, src, len, err);
    free(path);
    return rc;
}

slog_template *cli_read_template(const char *path)
{
    char *src;
    size_t len;
    slog_error err;
    slog_error_clear(&err);
    slog_template *t = NULL;
    if (slog_read_file(path, &src, &len, &err) != SLOG_OK ||
        slog_template_parse(path, src, len, &t, &err) != SLOG_OK)
        cli_report(&err);
    if (err.status != SLOG_ERR_IO)
        free(src);
    return t;
}

int cli_render(const slog_template *t, const cJSON *data, const char *partials_dir,
               const char *out_path)
{
    char *out;
    size_t len;
    slog_error err;
    slog_error_clear(&err);
    if (slog_template_render(t, data, cli_load_partial, (void *)partials_dir, &out, &len, &err) !=
        SLOG_OK) {
        cli_report(&err);
        return EXIT_USAGE;
    }
    int rc = EXIT_OK;
    if (out_path) {
        if (slog_write_file_atomic(out_path, out, len, &err) != SLOG_OK) {
            cli_report(&err);
            rc = EXIT_USAGE;
        }
    } else if (fwrite(out, 1, len, stdout) != len) {
        rc = EXIT_USAGE;
    }
    free(out);
    return rc;
}

int cli_config_option(int key, const char *arg, cli_configs *configs)
{
    if (key == CLI_OPT_CONFIG)
        configs->explicit_path = arg;
    else if (key == CLI_OPT_NO_CONFIG)
        configs->disabled = 1;
    return key == CLI_OPT_CONFIG || key == CLI_OPT_NO_CONFIG;
}

int cli_common_option(const cli_command *cmd, int key, const char *arg, cli_common *c)
{
    if (cli_config_option(key, arg, &c->configs))
        return 1;
    switch (key) {
    case CLI_OPT_FORMAT:
        return cli_parse_format(cmd, arg, &c->format) == 0 ? 1 : -1;
    case CLI_OPT_FAIL_ON:
        return cli_parse_fail_on(cmd, arg, &c->fail_on) == 0 ? 1 : -1;
    case CLI_OPT_JOBS:
        return cli_parse_jobs(cmd, arg, &c->jobs) == 0 ? 1 : -1;
    default:
        return 0;
    }
}

int cli_parse_jobs(const cli_command *cmd, const char *arg, unsigned *jobs)
{
    char *end;
    errno = 0;
    long n = strtol(arg, &end, 10);
    if (errno || end == arg || *end || n < 0 || n > SLOG_MAX_JOBS) {
        cli_usage_error(cmd, "%s: --jobs: '%s' is not a number from 0 to %d", cmd->name, arg,
                        SLOG_MAX_JOBS);
        return -1;
    }
    *jobs = (unsigned)n;
    return 0;
}

/* --- many documents on a pool ---------------------------------------------- */

typedef struct {
    const cli_files *files;
    const slog_config **configs; /* per file */
    cli_doc *slots;              /* file i in slots[i % ahead] */
    size_t ahead;
    const cli_reader *r;
    unsigned doc_jobs; /* threads for one document when there is one file */
    int rc;            /* -1: in_order asked to stop */
} pool_work;

static void read_one(void *ctx, size_t i)
{
    pool_work *w = ctx;
    cli_doc *d = &w->slots[i % w->ahead];
    memset(d, 0, sizeof *d);
    d->path = w->files->paths[i];
    d->config = w->configs[i];
    slog_error_clear(&d->err);
    if (!d->config || w->rc)
        return;
    slog_parse_options o = w->r->parse;
    o.config = d->config;
    o.jobs = w->doc_jobs;
    if (slog_parse_file(d->path, &o, &d->doc, &d->err) != SLOG_OK) {
        d->doc = NULL;
        return;
    }
    if (w->r->on_worker && w->r->on_worker(d, w->r->ctx) != 0) {
        slog_doc_free(d->doc);
        d->doc = NULL;
    }
}

static void use_one(void *ctx, size_t i)
{
    pool_work *w = ctx;
    cli_doc *d = &w->slots[i % w->ahead];
    if (w->rc == 0 && w->r->in_order(d, w->r->ctx) != 0)
        w->rc = -1;
    if (w->r->free_result)
        w->r->free_result(d->result);
    slog_doc_free(d->doc);
    d->doc = NULL;
}

int cli_read_docs(const cli_files *files, cli_configs *configs, const cli_reader *r)
{
    unsigned jobs = r->jobs ? r->jobs : slog_default_jobs();
    /* files in flight: enough to keep the threads busy while the results
     * are used in order, few enough that their models fit */
    size_t ahead = 4 * (size_t)jobs;
    pool_work w = {files,
                   calloc(files->count + 1, sizeof *w.configs),
                   calloc(ahead, sizeof *w.slots),
                   ahead,
                   r,
                   files->count == 1 ? jobs : 1,
                   0};
    if (!w.configs || !w.slots) {
        free(w.configs);
        free(w.slots);
        cli_error(NULL, "out of memory");
        return -1;
    }
    /* in order, first: an invalid configuration is reported once */
    for (size_t i = 0; i < files->count; i++)
        w.configs[i] = cli_config_for(configs, files->paths[i]);
    /* a single file gets every thread for itself: its pieces in parallel */
    if (files->count == 1) {
        read_one(&w, 0);
        use_one(&w, 0);
    } else
        slog_parallel_ordered(files->count, jobs, ahead, read_one, use_one, &w);
    free(w.configs);
    free(w.slots);
    return w.rc;
}
