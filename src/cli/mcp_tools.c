/* SPDX-License-Identifier: BSD-2-Clause */
/* The tools of statuslog mcp: each checks its arguments, resolves its paths
 * inside the root, calls the library as the command of the same name does,
 * and answers with structured content (matching its output schema) and a
 * short text. A failure is a result with isError and a message an agent can
 * act on. */
#define _GNU_SOURCE /* open_memstream */
#include "mcp.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

/* The largest model parse returns (the reply adds a little around it). */
enum { MCP_MAX_MODEL = (16 << 20) - 8192 };

/* --- schemas ------------------------------------------------------------------ */

#define STATES                                                                                     \
    "[\"done\",\"in_progress\",\"next\",\"blocked\",\"failed\",\"warning\",\"open\",\"note\"]"
#define PATHS                                                                                      \
    "\"paths\":{\"type\":\"array\",\"minItems\":1,\"items\":{\"type\":\"string\"},"                \
    "\"description\":\"files or directories (every *.md below), relative to the root\"}"
#define TODAY                                                                                      \
    "\"today\":{\"type\":\"string\",\"description\":\"reference date YYYY-MM-DD (default: "        \
    "today)\"}"
#define DIAGNOSTICS                                                                                \
    "{\"type\":\"object\",\"properties\":{\"schema\":{\"type\":\"string\"},\"diagnostics\":{"      \
    "\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"file\":{\"type\":"        \
    "\"string\"},\"line\":{\"type\":\"integer\"},\"severity\":{\"type\":\"string\"},\"rule\":{"    \
    "\"type\":\"string\"},\"message\":{\"type\":\"string\"}},\"required\":[\"file\",\"line\","     \
    "\"severity\",\"rule\",\"message\"]}}},\"required\":[\"diagnostics\"]}"

typedef struct {
    const char *name, *title, *description;
    const char *input, *output; /* JSON Schemas */
    int read_only, destructive, idempotent;
} tool_def;

static const tool_def tools[] = {
    {"append_status", "Append status items",
     "Record results in a Markdown status log: the items go into the entry of the date and "
     "label, or a new entry placed where the log's direction puts it, in the log's style. An "
     "item the entry has already is not written twice. Writes are locked and atomic.",
     "{\"type\":\"object\",\"properties\":{\"file\":{\"type\":\"string\",\"description\":\"the "
     "log, relative to the root\"},\"date\":{\"type\":\"string\",\"description\":\"YYYY-MM-DD, "
     "optionally with THH:MM and a zone (default: today)\"},\"label\":{\"type\":\"string\","
     "\"description\":\"the entry's label (default: the log's, or Status)\"},\"items\":{\"type\":"
     "\"array\",\"minItems\":1,\"items\":{\"type\":\"object\",\"properties\":{\"state\":{"
     "\"enum\":" STATES
     "},\"text\":{\"type\":\"string\",\"minLength\":1}},\"required\":[\"state\",\"text\"],"
     "\"additionalProperties\":false}}},\"required\":[\"file\",\"items\"],"
     "\"additionalProperties\":false}",
     "{\"type\":\"object\",\"properties\":{\"file\":{\"type\":\"string\"},\"added\":{\"type\":"
     "\"integer\"},\"already_there\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},"
     "\"new_entry\":{\"type\":\"boolean\"},\"entry_line\":{\"type\":[\"integer\",\"null\"]},"
     "\"items\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"id\":{"
     "\"type\":\"string\"},\"line\":{\"type\":\"integer\"},\"state\":{\"type\":\"string\"},"
     "\"text\":{\"type\":\"string\"}},\"required\":[\"id\",\"line\",\"state\",\"text\"]}}},"
     "\"required\":[\"file\",\"added\",\"already_there\",\"new_entry\",\"entry_line\",\"items\"]}",
     0, 0, 1},
    {"open_items", "Open items",
     "What is still open in status logs: each thread of open items (in progress, next, blocked, "
     "failed, warning, unchecked) with its state, text, first and last date, age and file and "
     "line of its latest mention, and whether lint calls it stale. Filters by state and age.",
     "{\"type\":\"object\",\"properties\":{" PATHS "," TODAY ",\"states\":{\"type\":\"array\","
     "\"items\":{\"enum\":" STATES "}},\"min_age_days\":{\"type\":\"integer\",\"minimum\":0}},"
     "\"required\":[\"paths\"],\"additionalProperties\":false}",
     "{\"type\":\"object\",\"properties\":{\"items\":{\"type\":\"array\",\"items\":{\"type\":"
     "\"object\",\"properties\":{\"file\":{\"type\":\"string\"},\"line\":{\"type\":\"integer\"},"
     "\"state\":{\"type\":\"string\"},\"text\":{\"type\":\"string\"},\"first_seen\":{\"type\":"
     "\"string\"},\"last_seen\":{\"type\":\"string\"},\"age_days\":{\"type\":\"integer\"},"
     "\"occurrences\":{\"type\":\"integer\"},\"stale\":{\"type\":\"boolean\"}},\"required\":["
     "\"file\",\"line\",\"state\",\"text\",\"first_seen\",\"age_days\",\"stale\"]}}},"
     "\"required\":[\"items\"]}",
     1, 0, 1},
    {"lint", "Lint status logs",
     "Check status logs against statuslog's rules: the findings (file, line, severity, rule, "
     "message) of statuslog lint --format json.",
     "{\"type\":\"object\",\"properties\":{" PATHS "," TODAY "},\"required\":[\"paths\"],"
     "\"additionalProperties\":false}",
     DIAGNOSTICS, 1, 0, 1},
    {"digest", "Digest of a period",
     "The digest of a period across status logs (the view model of statuslog digest --format "
     "json): what needs attention, what changed, one section per active document.",
     "{\"type\":\"object\",\"properties\":{" PATHS ",\"week\":{\"type\":\"string\","
     "\"description\":\"YYYY-Www\"},\"since\":{\"type\":\"string\"},\"until\":{\"type\":"
     "\"string\"},\"days\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":3660}," TODAY "},"
     "\"required\":[\"paths\"],\"additionalProperties\":false}",
     "{\"type\":\"object\",\"properties\":{\"schema\":{\"const\":\"statuslog-digest/1\"},"
     "\"summary\":{\"type\":\"string\"},\"period\":{\"type\":\"object\"},\"attention\":{\"type\":"
     "\"array\"},\"documents\":{\"type\":\"array\"}},\"required\":[\"schema\",\"period\","
     "\"attention\",\"documents\"]}",
     1, 0, 1},
    {"parse", "Parse a status log",
     "The model of one status log (statuslog parse): entries with dates, labels and items, "
     "logs and their direction, threads, checklists, follow-ups. A model over 16 MiB is an "
     "error: ask for a range of entries (since, until) or the compact form.",
     "{\"type\":\"object\",\"properties\":{\"file\":{\"type\":\"string\"},\"since\":{"
     "\"type\":\"string\",\"description\":\"only entries dated from YYYY-MM-DD\"},\"until\":{"
     "\"type\":\"string\",\"description\":\"only entries dated up to YYYY-MM-DD\"},\"compact\":"
     "{\"type\":\"boolean\",\"description\":\"entries without their items (counts by state), "
     "the other lists as counts\"}},\"required\":[\"file\"],\"additionalProperties\":false}",
     "{\"type\":\"object\",\"properties\":{\"schema\":{\"const\":\"statuslog/1\"},\"entries\":{"
     "\"type\":\"array\"},\"threads\":{\"type\":\"array\"}},\"required\":[\"schema\","
     "\"entries\"]}",
     1, 0, 1},
    {"check", "Check history against a git revision",
     "What a status log lost or rewrote since a git revision (statuslog check --git): removed "
     "entries and checklist items, rewritten entries, items no longer done.",
     "{\"type\":\"object\",\"properties\":{\"file\":{\"type\":\"string\"},\"rev\":{\"type\":"
     "\"string\",\"description\":\"a git revision, e.g. HEAD or origin/main\"}},\"required\":["
     "\"file\",\"rev\"],\"additionalProperties\":false}",
     DIAGNOSTICS, 1, 0, 1},
    {"fix", "Repair a status log",
     "Repair what lint finds (statuslog fix): undo mojibake, move entries that are out of order "
     "to where they belong, merge duplicate entries. With dry_run, the unified diff only.",
     "{\"type\":\"object\",\"properties\":{\"file\":{\"type\":\"string\"},\"repairs\":{\"type\":"
     "\"array\",\"items\":{\"enum\":[\"encoding\",\"order\",\"duplicates\"]}},\"dry_run\":{"
     "\"type\":\"boolean\"}},\"required\":[\"file\"],\"additionalProperties\":false}",
     "{\"type\":\"object\",\"properties\":{\"file\":{\"type\":\"string\"},\"encoding\":{\"type\":"
     "\"boolean\"},\"moved\":{\"type\":\"integer\"},\"merged\":{\"type\":\"integer\"},"
     "\"written\":{\"type\":\"boolean\"},\"diff\":{\"type\":[\"string\",\"null\"]}},\"required\":["
     "\"file\",\"encoding\",\"moved\",\"merged\",\"written\",\"diff\"]}",
     0, 1, 1},
};
enum { NTOOLS = sizeof tools / sizeof *tools };

cJSON *mcp_tools_list(const mcp_server *s)
{
    cJSON *list = cJSON_CreateArray();
    for (size_t i = 0; list && i < NTOOLS; i++) {
        const tool_def *t = &tools[i];
        if (s->read_only && !t->read_only)
            continue;
        cJSON *o = cJSON_CreateObject();
        cJSON *a = cJSON_CreateObject();
        if (!o || !a || !cJSON_AddItemToArray(list, o)) {
            cJSON_Delete(o);
            cJSON_Delete(a);
            cJSON_Delete(list);
            return NULL;
        }
        cJSON_AddStringToObject(o, "name", t->name);
        cJSON_AddStringToObject(o, "title", t->title);
        cJSON_AddStringToObject(o, "description", t->description);
        cJSON_AddItemToObject(o, "inputSchema", cJSON_Parse(t->input));
        cJSON_AddItemToObject(o, "outputSchema", cJSON_Parse(t->output));
        cJSON_AddStringToObject(a, "title", t->title);
        cJSON_AddBoolToObject(a, "readOnlyHint", t->read_only);
        cJSON_AddBoolToObject(a, "destructiveHint", t->destructive);
        cJSON_AddBoolToObject(a, "idempotentHint", t->idempotent);
        cJSON_AddBoolToObject(a, "openWorldHint", 0);
        cJSON_AddItemToObject(o, "annotations", a);
    }
    return list;
}

/* --- results ------------------------------------------------------------------ */

static cJSON *result(const char *text, cJSON *structured)
{
    cJSON *r = cJSON_CreateObject(), *content = cJSON_CreateArray(), *item = cJSON_CreateObject();
    if (!r || !content || !item) {
        cJSON_Delete(r);
        cJSON_Delete(content);
        cJSON_Delete(item);
        cJSON_Delete(structured);
        return NULL;
    }
    cJSON_AddStringToObject(item, "type", "text");
    cJSON_AddStringToObject(item, "text", text);
    cJSON_AddItemToArray(content, item);
    cJSON_AddItemToObject(r, "content", content);
    if (structured)
        cJSON_AddItemToObject(r, "structuredContent", structured);
    return r;
}

static cJSON *failure(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static cJSON *failure(const char *fmt, ...)
{
    char msg[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    cJSON *r = result(msg, NULL);
    if (r)
        cJSON_AddBoolToObject(r, "isError", 1);
    return r;
}

const char *mcp_short(const char *s, char *buf, size_t n)
{
    size_t len = strlen(s);
    if (len < n)
        return s;
    static const char ellipsis[] = "\xe2\x80\xa6"; /* … */
    size_t keep = n - sizeof ellipsis;             /* room for "…" and the NUL */
    const char *tail = s + len - keep;
    while (keep && ((unsigned char)*tail & 0xC0) == 0x80) /* start at a character */
        tail++, keep--;
    snprintf(buf, n, "%s%s", ellipsis, tail);
    return buf;
}

cJSON *mcp_bounded(cJSON *result, size_t max)
{
    if (!result)
        return NULL;
    char *text = malloc(max + 8);
    int fits = text && cJSON_PrintPreallocated(result, text, (int)max, 0);
    cJSON_Delete(result);
    if (!text)
        return NULL;
    if (!fits) {
        free(text);
        return failure("the reply is over %zu MiB, the most this server sends: ask for less "
                       "(fewer paths; parse: 'since' and 'until' for a range of entries, or "
                       "'compact')",
                       max >> 20 ? max >> 20 : 1);
    }
    cJSON *raw = cJSON_CreateRaw(text);
    free(text);
    return raw;
}

static cJSON *from_error(const slog_error *err)
{
    char name[256];
    if (err->line > 0)
        return failure("%s:%d: %s", mcp_short(err->file, name, sizeof name), err->line,
                       err->message);
    if (err->file[0])
        return failure("%s: %s", mcp_short(err->file, name, sizeof name), err->message);
    return failure("%s", err->message);
}

/* --- arguments ------------------------------------------------------------------ */

/* Only the properties of the tool's schema (additionalProperties false). */
static int unknown_argument(const cJSON *args, const char *const *known, char *which, size_t n)
{
    const cJSON *a;
    cJSON_ArrayForEach(a, args)
    {
        int ok = 0;
        for (const char *const *k = known; *k && !ok; k++)
            ok = !strcmp(a->string, *k);
        if (!ok) {
            snprintf(which, n, "%s", a->string);
            return 1;
        }
    }
    return 0;
}

/* A string argument: 0 with *out set (NULL when absent and optional), -1. */
static int string_arg(const cJSON *args, const char *key, int required, const char **out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(args, key);
    *out = NULL;
    if (!v)
        return required ? -1 : 0;
    if (!cJSON_IsString(v) || (required && !*v->valuestring))
        return -1;
    *out = v->valuestring;
    return 0;
}

static int day_arg(const cJSON *args, const char *key, long *day, int *given)
{
    const char *s;
    *given = 0;
    if (string_arg(args, key, 0, &s) != 0)
        return -1;
    if (!s)
        return 0;
    *given = 1;
    return slog_parse_date(s, day) == 0 ? 0 : -1;
}

/* --- paths inside the root ---------------------------------------------------------- */

/* Whether the real path `real` is the root or below it. */
static int inside(const mcp_server *s, const char *real)
{
    return strncmp(real, s->root, s->root_len) == 0 &&
           (real[s->root_len] == '/' || real[s->root_len] == '\0' || s->root_len == 1);
}

/* The real path of `path` (relative to the root, or absolute) when it is
 * inside the root, malloc'd; NULL with a message otherwise. */
static char *resolve(const mcp_server *s, const char *path, char *msg, size_t n)
{
    char joined[PATH_MAX * 2];
    if (!*path) {
        snprintf(msg, n, "an empty path");
        return NULL;
    }
    if (path[0] == '/')
        snprintf(joined, sizeof joined, "%s", path);
    else
        snprintf(joined, sizeof joined, "%s/%s", s->root, path);
    char *real = realpath(joined, NULL);
    char name[256], root[256];
    if (!real) {
        snprintf(msg, n, "%s: %s", mcp_short(path, name, sizeof name), strerror(errno));
        return NULL;
    }
    if (!inside(s, real)) {
        snprintf(msg, n, "%s: outside the server's root (%s); paths must stay inside it",
                 mcp_short(path, name, sizeof name), mcp_short(s->root, root, sizeof root));
        free(real);
        return NULL;
    }
    return real;
}

/* A path as shown to the agent: relative to the root. */
static const char *shown(const mcp_server *s, const char *real)
{
    if (!strncmp(real, s->root, s->root_len) && real[s->root_len] == '/')
        return real + s->root_len + 1;
    return real;
}

/* The files of `paths` (directories: every *.md below), each inside the root. */
static int files_of(const mcp_server *s, const cJSON *paths, cli_files *out, char *msg, size_t n)
{
    memset(out, 0, sizeof *out);
    if (!cJSON_IsArray(paths) || !cJSON_GetArraySize(paths)) {
        snprintf(msg, n, "paths must be a non-empty array of strings");
        return -1;
    }
    const cJSON *p;
    cJSON_ArrayForEach(p, paths)
    {
        if (!cJSON_IsString(p)) {
            snprintf(msg, n, "paths must be a non-empty array of strings");
            cli_files_free(out);
            return -1;
        }
        char *real = resolve(s, p->valuestring, msg, n);
        cli_files found;
        if (!real || cli_collect_files_in(&real, 1, s->root, &found) != 0) {
            char name[256];
            if (real)
                snprintf(msg, n, "%s: no Markdown files (*.md) there",
                         mcp_short(p->valuestring, name, sizeof name));
            free(real);
            cli_files_free(out);
            return -1;
        }
        free(real);
        for (size_t i = 0; i < found.count; i++) { /* a symlink below may point out */
            char *inside = resolve(s, found.paths[i], msg, n);
            char **grown = inside ? realloc(out->paths, (out->count + 1) * sizeof *grown) : NULL;
            if (!grown) {
                free(inside);
                cli_files_free(&found);
                cli_files_free(out);
                return -1;
            }
            out->paths = grown;
            out->paths[out->count++] = inside;
        }
        cli_files_free(&found);
    }
    return 0;
}

/* The configuration of a document: its .statuslog.json when that is inside
 * the root (read once), else the defaults. NULL with a message when invalid. */
static const slog_config *config_for(mcp_server *s, const char *file, char *msg, size_t n)
{
    char *found = slog_config_discover(file), name[256];
    if (found && (strncmp(found, s->root, s->root_len) != 0 || found[s->root_len] != '/')) {
        free(found); /* above the root: not the server's to read */
        found = NULL;
    }
    if (!found)
        return s->defaults;
    /* a configuration is confined as a document is: one that is a link out
     * of the root is never read (and its path, never its text, is named) */
    char *real = realpath(found, NULL);
    if (!real || !inside(s, real)) {
        snprintf(msg, n,
                 "%s: outside the server's root (a link); configuration files must stay "
                 "inside it",
                 mcp_short(shown(s, found), name, sizeof name));
        free(real);
        free(found);
        return NULL;
    }
    free(found);
    found = real;
    for (size_t i = 0; i < s->nconfigs; i++)
        if (!strcmp(s->config_paths[i], found)) {
            free(found);
            return s->configs[i];
        }
    slog_config *cfg = NULL;
    slog_error err;
    slog_error_clear(&err);
    if (slog_config_load(found, &cfg, &err) != SLOG_OK) {
        snprintf(msg, n, "%s:%d:%d: %s", mcp_short(shown(s, found), name, sizeof name), err.line,
                 err.column, err.message);
        free(found);
        return NULL;
    }
    char **paths = realloc(s->config_paths, (s->nconfigs + 1) * sizeof *paths);
    slog_config **configs = paths ? realloc(s->configs, (s->nconfigs + 1) * sizeof *configs) : NULL;
    if (paths)
        s->config_paths = paths;
    if (configs)
        s->configs = configs;
    if (!paths || !configs) {
        slog_config_free(cfg);
        free(found);
        snprintf(msg, n, "out of memory");
        return NULL;
    }
    s->config_paths[s->nconfigs] = found;
    s->configs[s->nconfigs++] = cfg;
    return cfg;
}

static slog_doc *read_doc(mcp_server *s, const char *real, const slog_config **cfg, char *msg,
                          size_t n)
{
    *cfg = config_for(s, real, msg, n);
    if (!*cfg)
        return NULL;
    slog_parse_options o = SLOG_PARSE_OPTIONS_INIT;
    o.config = *cfg;
    o.filename = shown(s, real);
    slog_doc *doc;
    slog_error err;
    slog_error_clear(&err);
    if (slog_parse_file(real, &o, &doc, &err) != SLOG_OK) {
        char name[256];
        snprintf(msg, n, "%s: %s", mcp_short(err.file, name, sizeof name), err.message);
        return NULL;
    }
    return doc;
}

/* The diagnostics as statuslog-diagnostics/1 (the JSON reporter's). */
static cJSON *diagnostics_json(slog_diags *diags)
{
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    slog_error err;
    slog_diags_sort(diags);
    if (!mem)
        return NULL;
    slog_status st = slog_report(SLOG_FORMAT_JSON, diags, mem, &err);
    fclose(mem);
    cJSON *j = st == SLOG_OK ? cJSON_ParseWithLength(text, len) : NULL;
    free(text);
    return j;
}

/* --- the tools ---------------------------------------------------------------------- */

typedef cJSON *(*tool_fn)(mcp_server *s, const cJSON *args);

/* A memory stream that refuses to grow past `max` bytes: the model of a
 * large log is refused when it is written, not after it has all been. */
typedef struct {
    char *data;
    size_t len, max;
    int over;
} bounded_buf;

static ssize_t bounded_write(void *cookie, const char *data, size_t n)
{
    bounded_buf *b = cookie;
    if (b->len + n > b->max) {
        b->over = 1;
        return -1;
    }
    memcpy(b->data + b->len, data, n);
    b->len += n;
    return (ssize_t)n;
}

static cJSON *tool_parse(mcp_server *s, const cJSON *args)
{
    static const char *const known[] = {"file", "since", "until", "compact", NULL};
    char msg[1024], bad[128];
    const char *file;
    slog_json_options jo = {SLOG_JSON_OPTIONS_VERSION, 0, NULL, NULL, 0};
    long day;
    const cJSON *compact = cJSON_GetObjectItemCaseSensitive(args, "compact");
    if (unknown_argument(args, known, bad, sizeof bad))
        return failure("parse: unknown argument '%s'", bad);
    if (string_arg(args, "file", 1, &file) != 0)
        return failure("parse: 'file' (a string) is required");
    if (string_arg(args, "since", 0, &jo.since) != 0 ||
        string_arg(args, "until", 0, &jo.until) != 0 ||
        (jo.since && slog_parse_date(jo.since, &day) != 0) ||
        (jo.until && slog_parse_date(jo.until, &day) != 0))
        return failure("parse: 'since' and 'until' are dates YYYY-MM-DD");
    if (compact && !cJSON_IsBool(compact))
        return failure("parse: 'compact' must be true or false");
    jo.compact = cJSON_IsTrue(compact);
    char *real = resolve(s, file, msg, sizeof msg);
    if (!real)
        return failure("%s", msg);
    const slog_config *cfg;
    slog_doc *doc = read_doc(s, real, &cfg, msg, sizeof msg);
    free(real);
    if (!doc)
        return failure("%s", msg);
    /* the model written as the CLI writes it, into at most the reply's size */
    bounded_buf b = {malloc(MCP_MAX_MODEL + 1), 0, MCP_MAX_MODEL, 0};
    cookie_io_functions_t io = {NULL, bounded_write, NULL, NULL};
    FILE *mem = b.data ? fopencookie(&b, "w", io) : NULL;
    slog_error err;
    slog_error_clear(&err);
    slog_status st = mem ? slog_doc_write_json_opts(doc, mem, &jo, &err) : SLOG_ERR_NOMEM;
    if (mem && fclose(mem) != 0 && st == SLOG_OK)
        st = SLOG_ERR_IO;
    cJSON *r;
    char text[256];
    if (b.over)
        r = failure("parse: the model of %s (%zu entries) is over 16 MiB, the most this server "
                    "sends: ask for less, with 'since' and 'until' (a range of entries) or "
                    "'compact' (entries without their items)",
                    doc->file, doc->nentries);
    else if (st != SLOG_OK)
        r = err.message[0] ? from_error(&err) : failure("out of memory");
    else {
        while (b.len && b.data[b.len - 1] == '\n') /* one message a line */
            b.len--;
        b.data[b.len] = '\0';
        snprintf(text, sizeof text, "%s: %zu entries, %zu threads", doc->file, doc->nentries,
                 doc->nthreads);
        /* the model's JSON text goes into the reply as it is: never a second
         * tree of a large document */
        r = result(text, cJSON_CreateRaw(b.data));
    }
    free(b.data);
    slog_doc_free(doc);
    return r;
}

static cJSON *tool_lint(mcp_server *s, const cJSON *args)
{
    static const char *const known[] = {"paths", "today", NULL};
    char msg[1024], bad[128];
    long today = 0;
    int has_today;
    if (unknown_argument(args, known, bad, sizeof bad))
        return failure("lint: unknown argument '%s'", bad);
    if (day_arg(args, "today", &today, &has_today) != 0)
        return failure("lint: 'today' must be a date YYYY-MM-DD");
    cli_files files;
    if (files_of(s, cJSON_GetObjectItemCaseSensitive(args, "paths"), &files, msg, sizeof msg) != 0)
        return failure("lint: %s", msg);
    slog_diags diags = {0};
    cJSON *r = NULL;
    for (size_t i = 0; i < files.count && !r; i++) {
        const slog_config *cfg;
        slog_doc *doc = read_doc(s, files.paths[i], &cfg, msg, sizeof msg);
        if (!doc) {
            r = failure("%s", msg);
            break;
        }
        slog_lint_options lo = {SLOG_LINT_OPTIONS_VERSION, cfg,
                                has_today ? today : slog_today(slog_config_timezone(cfg)), 0};
        slog_error err;
        if (slog_lint(doc, &lo, &diags, &err) != SLOG_OK)
            r = from_error(&err);
        slog_doc_free(doc);
    }
    if (!r) {
        size_t n[4];
        slog_diags_count(&diags, n);
        char text[256];
        snprintf(text, sizeof text, "%zu error%s, %zu warning%s, %zu note%s in %zu file%s",
                 n[SLOG_SEV_ERROR], n[SLOG_SEV_ERROR] == 1 ? "" : "s", n[SLOG_SEV_WARNING],
                 n[SLOG_SEV_WARNING] == 1 ? "" : "s", n[SLOG_SEV_INFO],
                 n[SLOG_SEV_INFO] == 1 ? "" : "s", files.count, files.count == 1 ? "" : "s");
        cJSON *j = diagnostics_json(&diags);
        r = j ? result(text, j) : NULL;
    }
    slog_diags_free(&diags);
    cli_files_free(&files);
    return r;
}

static cJSON *tool_check(mcp_server *s, const cJSON *args)
{
    static const char *const known[] = {"file", "rev", NULL};
    char msg[1024], bad[128];
    const char *file, *rev;
    if (unknown_argument(args, known, bad, sizeof bad))
        return failure("check: unknown argument '%s'", bad);
    if (string_arg(args, "file", 1, &file) != 0 || string_arg(args, "rev", 1, &rev) != 0)
        return failure("check: 'file' and 'rev' (strings) are required");
    char *real = resolve(s, file, msg, sizeof msg);
    if (!real)
        return failure("%s", msg);
    const slog_config *cfg;
    slog_doc *cur = read_doc(s, real, &cfg, msg, sizeof msg), *base = NULL;
    cJSON *r = NULL;
    char *data = NULL;
    size_t len = 0;
    slog_error err;
    slog_error_clear(&err);
    if (!cur)
        r = failure("%s", msg);
    else if (slog_git_show(real, rev, &data, &len, &err) != SLOG_OK)
        r = from_error(&err);
    else if (!data)
        r = failure("%s: not in %s: no baseline to compare with", shown(s, real), rev);
    else {
        slog_parse_options o = SLOG_PARSE_OPTIONS_INIT;
        o.config = cfg;
        o.filename = shown(s, real);
        slog_diags diags = {0};
        if (slog_parse_buffer(data, len, &o, &base, &err) != SLOG_OK ||
            slog_check(cur, base, cfg, &diags, &err) != SLOG_OK) {
            r = from_error(&err);
        } else {
            char text[256];
            char shown_rev[128];
            snprintf(text, sizeof text, "%zu regression%s since %s", diags.count,
                     diags.count == 1 ? "" : "s", mcp_short(rev, shown_rev, sizeof shown_rev));
            cJSON *j = diagnostics_json(&diags);
            r = j ? result(text, j) : NULL;
        }
        slog_diags_free(&diags);
    }
    free(data);
    slog_doc_free(cur);
    slog_doc_free(base);
    free(real);
    return r;
}

static int state_ok(const cJSON *states, slog_state st)
{
    if (!states)
        return 1;
    const cJSON *v;
    cJSON_ArrayForEach(v, states)
    {
        slog_state want;
        if (cJSON_IsString(v) && slog_state_from_name(v->valuestring, &want) == 0 && want == st)
            return 1;
    }
    return 0;
}

static cJSON *tool_open_items(mcp_server *s, const cJSON *args)
{
    static const char *const known[] = {"paths", "today", "states", "min_age_days", NULL};
    char msg[1024], bad[128];
    long today = 0;
    int has_today;
    if (unknown_argument(args, known, bad, sizeof bad))
        return failure("open_items: unknown argument '%s'", bad);
    if (day_arg(args, "today", &today, &has_today) != 0)
        return failure("open_items: 'today' must be a date YYYY-MM-DD");
    const cJSON *states = cJSON_GetObjectItemCaseSensitive(args, "states");
    const cJSON *min_age = cJSON_GetObjectItemCaseSensitive(args, "min_age_days");
    const cJSON *v;
    if (states && !cJSON_IsArray(states))
        return failure("open_items: 'states' must be an array of states");
    cJSON_ArrayForEach(v, states)
    {
        slog_state st;
        if (!cJSON_IsString(v) || slog_state_from_name(v->valuestring, &st) != 0)
            return failure("open_items: unknown state in 'states' (one of done, in_progress, "
                           "next, blocked, failed, warning, open, note)");
    }
    if (min_age && (!cJSON_IsNumber(min_age) || min_age->valuedouble < 0))
        return failure("open_items: 'min_age_days' must be a whole number of days");
    cli_files files;
    if (files_of(s, cJSON_GetObjectItemCaseSensitive(args, "paths"), &files, msg, sizeof msg) != 0)
        return failure("open_items: %s", msg);
    cJSON *out = cJSON_CreateObject(), *items = cJSON_AddArrayToObject(out, "items");
    cJSON *r = NULL;
    size_t count = 0;
    for (size_t i = 0; i < files.count && !r && items; i++) {
        const slog_config *cfg;
        slog_doc *doc = read_doc(s, files.paths[i], &cfg, msg, sizeof msg);
        if (!doc) {
            r = failure("%s", msg);
            break;
        }
        long day = has_today ? today : slog_today(slog_config_timezone(cfg));
        unsigned char *stale = calloc(doc->nthreads + 1, 1);
        slog_error err;
        if (stale && doc->nthreads && slog_stale_threads(doc, cfg, day, stale, &err) != SLOG_OK)
            r = from_error(&err);
        for (size_t k = 0; stale && !r && k < doc->nthreads; k++) {
            const slog_thread *t = &doc->threads[k];
            long age = day - t->first_day;
            if (t->resolved || !slog_state_is_open(t->state) || !state_ok(states, t->state) ||
                (min_age && age < (long)min_age->valuedouble))
                continue;
            const slog_item *latest = t->items[t->nitems - 1];
            cJSON *o = cJSON_CreateObject();
            cJSON_AddItemToArray(items, o);
            cJSON_AddStringToObject(o, "file", doc->file);
            cJSON_AddNumberToObject(o, "line", latest->line);
            cJSON_AddStringToObject(o, "state", slog_state_name(t->state));
            cJSON_AddStringToObject(o, "text", t->text);
            cJSON_AddStringToObject(o, "first_seen", t->first_seen);
            cJSON_AddStringToObject(o, "last_seen", t->last_seen);
            cJSON_AddNumberToObject(o, "age_days", (double)age);
            cJSON_AddNumberToObject(o, "occurrences", (double)t->nitems);
            cJSON_AddBoolToObject(o, "stale", stale[k]);
            count++;
        }
        if (!stale)
            r = failure("out of memory");
        free(stale);
        slog_doc_free(doc);
    }
    cli_files_free(&files);
    if (r || !items) {
        cJSON_Delete(out);
        return r;
    }
    char text[128];
    snprintf(text, sizeof text, "%zu open item%s", count, count == 1 ? "" : "s");
    return result(text, out);
}

static cJSON *tool_digest(mcp_server *s, const cJSON *args)
{
    static const char *const known[] = {"paths", "week", "since", "until", "days", "today", NULL};
    char msg[1024], bad[128];
    long today = 0, since = 0, until = 0;
    int has_today, has_since, has_until;
    const char *week;
    if (unknown_argument(args, known, bad, sizeof bad))
        return failure("digest: unknown argument '%s'", bad);
    if (day_arg(args, "today", &today, &has_today) != 0 ||
        day_arg(args, "since", &since, &has_since) != 0 ||
        day_arg(args, "until", &until, &has_until) != 0 || string_arg(args, "week", 0, &week) != 0)
        return failure("digest: 'today', 'since' and 'until' are dates YYYY-MM-DD, 'week' is "
                       "YYYY-Www");
    const cJSON *days = cJSON_GetObjectItemCaseSensitive(args, "days");
    if (days && (!cJSON_IsNumber(days) || days->valuedouble < 1 || days->valuedouble > 3660))
        return failure("digest: 'days' must be 1 to 3660");
    if (week && (has_since || has_until || days))
        return failure("digest: 'week' goes alone (not with since, until or days)");
    cli_files files;
    if (files_of(s, cJSON_GetObjectItemCaseSensitive(args, "paths"), &files, msg, sizeof msg) != 0)
        return failure("digest: %s", msg);
    slog_digest_options o = {SLOG_DIGEST_OPTIONS_VERSION, NULL, {0, 0, 0, 0}, 0, 0};
    slog_error err;
    slog_error_clear(&err);
    cJSON *digest = NULL, *r = NULL;
    for (size_t i = 0; i < files.count && !r; i++) {
        const slog_config *cfg;
        slog_doc *doc = read_doc(s, files.paths[i], &cfg, msg, sizeof msg);
        if (!doc) {
            r = failure("%s", msg);
            break;
        }
        o.config = cfg;
        o.today = has_today ? today : slog_today(slog_config_timezone(cfg));
        if (week) {
            if (slog_period_from_week(week, &o.period, &err) != SLOG_OK)
                r = from_error(&err);
        } else {
            long end = has_until ? until : o.today;
            o.period = has_since ? (slog_period){since, end, 0, 0}
                                 : slog_period_days(end, days ? (int)days->valuedouble : 7);
            if (o.period.since > o.period.until)
                r = failure("digest: 'since' is after 'until'");
        }
        if (!r && !digest && !(digest = slog_digest_new(&o)))
            r = failure("out of memory");
        if (!r && slog_digest_add(digest, doc, &o, &err) != SLOG_OK)
            r = from_error(&err);
        slog_doc_free(doc);
    }
    cli_files_free(&files);
    if (!r && slog_digest_finish(digest, &err) != SLOG_OK)
        r = from_error(&err);
    if (r) {
        cJSON_Delete(digest);
        return r;
    }
    const cJSON *summary = cJSON_GetObjectItemCaseSensitive(digest, "summary");
    return result(cJSON_IsString(summary) ? summary->valuestring : "digest", digest);
}

/* --- the tools that write ----------------------------------------------------------- */

typedef struct {
    const slog_append_request *req;
    slog_append_options opts;
    slog_append_summary summary;
} append_job;

static slog_status append_transform(const char *old, size_t len, slog_edit *edit, void *ctx,
                                    slog_error *err)
{
    append_job *j = ctx;
    return slog_append_edit(old, len, j->req, &j->opts, edit, &j->summary, err);
}

/* The entry the append wrote into: a new one starts at or after the first
 * inserted line (a blank line may come first); else the innermost entry that
 * holds that line. Its items from that line on are what was added. */
static const slog_entry *added_items(const slog_doc *doc, int line, int new_entry, cJSON *items)
{
    const slog_entry *in = NULL;
    for (size_t i = 0; i < doc->nentries && !(new_entry && in); i++) {
        const slog_entry *e = doc->entries[i];
        if (new_entry ? e->line >= line : e->line <= line && line <= e->end_line)
            in = e;
    }
    for (const slog_item *it = in ? in->items : NULL; it; it = it->next) {
        if (it->line < line)
            continue;
        char id[9];
        slog_id_format(it->id, id);
        cJSON *o = cJSON_CreateObject();
        cJSON_AddItemToArray(items, o);
        cJSON_AddStringToObject(o, "id", id);
        cJSON_AddNumberToObject(o, "line", it->line);
        cJSON_AddStringToObject(o, "state", slog_state_name(it->state));
        cJSON_AddStringToObject(o, "text", it->text);
    }
    return in;
}

static cJSON *tool_append(mcp_server *s, const cJSON *args)
{
    static const char *const known[] = {"file", "date", "label", "items", NULL};
    char msg[1024], bad[128];
    const char *file, *date, *label;
    if (unknown_argument(args, known, bad, sizeof bad))
        return failure("append_status: unknown argument '%s'", bad);
    if (string_arg(args, "file", 1, &file) != 0 || string_arg(args, "date", 0, &date) != 0 ||
        string_arg(args, "label", 0, &label) != 0)
        return failure("append_status: 'file' (a string) is required; 'date' and 'label' are "
                       "strings");
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(args, "items"), *v;
    int n = cJSON_IsArray(list) ? cJSON_GetArraySize(list) : 0;
    if (n < 1)
        return failure("append_status: 'items' must be a non-empty array of {state, text}");
    slog_append_item *items = calloc((size_t)n, sizeof *items);
    if (!items)
        return NULL;
    int k = 0;
    cJSON_ArrayForEach(v, list)
    {
        const cJSON *st = cJSON_GetObjectItemCaseSensitive(v, "state");
        const cJSON *tx = cJSON_GetObjectItemCaseSensitive(v, "text");
        if (!cJSON_IsString(st) || !cJSON_IsString(tx) ||
            slog_state_from_name(st->valuestring, &items[k].state) != 0) {
            free(items);
            return failure("append_status: item %d needs a 'state' (done, in_progress, next, "
                           "blocked, failed, warning, open, note) and a 'text'",
                           k + 1);
        }
        items[k++].text = tx->valuestring;
    }
    char *real = resolve(s, file, msg, sizeof msg);
    if (!real) {
        free(items);
        return failure("%s", msg);
    }
    const slog_config *cfg = config_for(s, real, msg, sizeof msg);
    slog_append_request req = {date, label, items, (size_t)n};
    append_job job = {&req, {SLOG_APPEND_OPTIONS_VERSION, cfg, 0, shown(s, real), 0}, {0}};
    slog_error err;
    slog_error_clear(&err);
    cJSON *r = NULL;
    if (!cfg)
        r = failure("%s", msg);
    else if (slog_append_check(&req, &err) != SLOG_OK ||
             slog_update_file(real, append_transform, &job, 1, NULL, NULL, NULL, NULL, &err) !=
                 SLOG_OK)
        r = from_error(&err);
    const slog_config *c2;
    slog_doc *doc = r ? NULL : read_doc(s, real, &c2, msg, sizeof msg);
    if (!r && !doc)
        r = failure("%s", msg);
    if (!r) {
        cJSON *out = cJSON_CreateObject(), *added = cJSON_CreateArray();
        cJSON_AddStringToObject(out, "file", shown(s, real));
        cJSON_AddNumberToObject(out, "added", (double)job.summary.added);
        cJSON *already = cJSON_AddArrayToObject(out, "already_there");
        cJSON_AddBoolToObject(out, "new_entry", job.summary.new_entry);
        const slog_entry *e = job.summary.line
                                  ? added_items(doc, job.summary.line, job.summary.new_entry, added)
                                  : NULL;
        if (e) {
            cJSON_AddNumberToObject(out, "entry_line", e->line);
        } else {
            cJSON_AddNullToObject(out, "entry_line");
        }
        cJSON_AddItemToObject(out, "items", added);
        /* what was not written: the entry had it already */
        for (int i = 0; i < n && job.summary.skipped; i++) {
            int written = 0;
            const cJSON *a;
            cJSON_ArrayForEach(a, added)
            {
                const cJSON *t = cJSON_GetObjectItemCaseSensitive(a, "text");
                written |= cJSON_IsString(t) && !strcmp(t->valuestring, items[i].text);
            }
            if (!written)
                cJSON_AddItemToArray(already, cJSON_CreateString(items[i].text));
        }
        char text[256];
        snprintf(text, sizeof text, "%s: %zu added%s, %zu already there", shown(s, real),
                 job.summary.added, job.summary.new_entry ? " in a new entry" : "",
                 job.summary.skipped);
        r = result(text, out);
    }
    slog_doc_free(doc);
    free(real);
    free(items);
    return r;
}

static cJSON *tool_fix(mcp_server *s, const cJSON *args)
{
    static const char *const known[] = {"file", "repairs", "dry_run", NULL};
    char msg[1024], bad[128];
    const char *file;
    if (unknown_argument(args, known, bad, sizeof bad))
        return failure("fix: unknown argument '%s'", bad);
    if (string_arg(args, "file", 1, &file) != 0)
        return failure("fix: 'file' (a string) is required");
    const cJSON *repairs = cJSON_GetObjectItemCaseSensitive(args, "repairs"), *v;
    const cJSON *dry = cJSON_GetObjectItemCaseSensitive(args, "dry_run");
    unsigned which = 0;
    if (repairs && !cJSON_IsArray(repairs))
        return failure("fix: 'repairs' must be an array of encoding, order, duplicates");
    cJSON_ArrayForEach(v, repairs)
    {
        const char *r = cJSON_IsString(v) ? v->valuestring : "";
        which |= !strcmp(r, "encoding")     ? SLOG_FIX_ENCODING
                 : !strcmp(r, "order")      ? SLOG_FIX_ORDER
                 : !strcmp(r, "duplicates") ? SLOG_FIX_DUPLICATES
                                            : 0x100;
    }
    if (which & 0x100)
        return failure("fix: 'repairs' must be an array of encoding, order, duplicates");
    if (dry && !cJSON_IsBool(dry))
        return failure("fix: 'dry_run' must be true or false");
    int dry_run = dry && cJSON_IsTrue(dry);
    char *real = resolve(s, file, msg, sizeof msg);
    if (!real)
        return failure("%s", msg);
    const slog_config *cfg = config_for(s, real, msg, sizeof msg);
    slog_fix_options o = {SLOG_FIX_OPTIONS_VERSION, cfg, which, shown(s, real)};
    slog_fix_summary sum;
    slog_error err;
    slog_error_clear(&err);
    char *old = NULL, *new_text = NULL, *diff = NULL;
    size_t old_len = 0, new_len = 0, diff_len = 0;
    cJSON *r = NULL;
    if (!cfg)
        r = failure("%s", msg);
    else if (slog_fix_file(real, &o, !dry_run, &sum, dry_run ? &old : NULL, &old_len,
                           dry_run ? &new_text : NULL, &new_len, &err) != SLOG_OK)
        r = from_error(&err);
    int due = !r && (sum.encoding || sum.moved || sum.merged);
    if (!r && dry_run && due) {
        FILE *mem = open_memstream(&diff, &diff_len);
        if (!mem ||
            slog_write_diff(mem, shown(s, real), old, old_len, new_text, new_len, &err) != 0)
            r = mem ? from_error(&err) : failure("out of memory");
        if (mem)
            fclose(mem);
    }
    if (!r) {
        cJSON *out = cJSON_CreateObject();
        cJSON_AddStringToObject(out, "file", shown(s, real));
        cJSON_AddBoolToObject(out, "encoding", sum.encoding);
        cJSON_AddNumberToObject(out, "moved", (double)sum.moved);
        cJSON_AddNumberToObject(out, "merged", (double)sum.merged);
        cJSON_AddBoolToObject(out, "written", due && !dry_run);
        if (diff)
            cJSON_AddStringToObject(out, "diff", diff);
        else
            cJSON_AddNullToObject(out, "diff");
        char text[256];
        snprintf(text, sizeof text, "%s: %s%zu entries moved, %zu duplicates merged%s",
                 shown(s, real), sum.encoding ? "mojibake undone, " : "", sum.moved, sum.merged,
                 !due      ? " (nothing to repair)"
                 : dry_run ? " (dry run: nothing written)"
                           : "");
        r = result(text, out);
    }
    free(old);
    free(new_text);
    free(diff);
    free(real);
    return r;
}

static const struct {
    const char *name;
    tool_fn fn;
} handlers[] = {
    {"append_status", tool_append},
    {"open_items", tool_open_items},
    {"lint", tool_lint},
    {"digest", tool_digest},
    {"parse", tool_parse},
    {"check", tool_check},
    {"fix", tool_fix},
};

cJSON *mcp_tool_call(mcp_server *s, const char *name, const cJSON *args, int *unknown)
{
    *unknown = 0;
    for (size_t i = 0; i < NTOOLS; i++) {
        if (strcmp(tools[i].name, name) != 0)
            continue;
        if (s->read_only && !tools[i].read_only)
            break;
        static const cJSON empty = {0};
        const cJSON *a = args ? args : &empty;
        if (args && !cJSON_IsObject(args))
            return failure("%s: the arguments must be an object", name);
        for (size_t h = 0; h < sizeof handlers / sizeof *handlers; h++)
            if (!strcmp(handlers[h].name, name))
                return handlers[h].fn(s, a);
    }
    *unknown = 1;
    return NULL;
}

void mcp_server_free(mcp_server *s)
{
    for (size_t i = 0; i < s->nconfigs; i++) {
        free(s->config_paths[i]);
        slog_config_free(s->configs[i]);
    }
    free(s->config_paths);
    free(s->configs);
    slog_config_free(s->defaults);
}
