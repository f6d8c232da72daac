/* SPDX-License-Identifier: BSD-2-Clause */
/* The tools of statuslog mcp: each checks its arguments, resolves its paths
 * inside the root, calls the library as the command of the same name does,
 * and answers with structured content (matching its output schema) and a
 * short text. A failure is a result with isError and a message an agent can
 * act on. */
#define _GNU_SOURCE /* open_memstream */
#include "mcp_tools.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

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

cJSON *mcp_result(const char *text, cJSON *structured)
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

cJSON *mcp_failure(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

cJSON *mcp_failure(const char *fmt, ...)
{
    char msg[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    cJSON *r = mcp_result(msg, NULL);
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
        return mcp_failure("the reply is over %zu MiB, the most this server sends: ask for less "
                           "(fewer paths; parse: 'since' and 'until' for a range of entries, or "
                           "'compact')",
                           (max + (1u << 20) - 1) >> 20);
    }
    cJSON *raw = cJSON_CreateRaw(text);
    free(text);
    return raw;
}

cJSON *mcp_from_error(const slog_error *err)
{
    char name[256];
    if (err->line > 0)
        return mcp_failure("%s:%d: %s", mcp_short(err->file, name, sizeof name), err->line,
                           err->message);
    if (err->file[0])
        return mcp_failure("%s: %s", mcp_short(err->file, name, sizeof name), err->message);
    return mcp_failure("%s", err->message);
}

/* --- arguments ------------------------------------------------------------------ */

/* Only the properties of the tool's schema (additionalProperties false). */
int mcp_unknown_argument(const cJSON *args, const char *const *known, char *which, size_t n)
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
int mcp_string_arg(const cJSON *args, const char *key, int required, const char **out)
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

int mcp_day_arg(const cJSON *args, const char *key, long *day, int *given)
{
    const char *s;
    *given = 0;
    if (mcp_string_arg(args, key, 0, &s) != 0)
        return -1;
    if (!s)
        return 0;
    *given = 1;
    return slog_parse_date(s, day) == 0 ? 0 : -1;
}

/* --- paths inside the root ---------------------------------------------------------- */

/* Whether the real path `real` is the root or below it. */
int mcp_inside(const mcp_server *s, const char *real)
{
    return strncmp(real, s->root, s->root_len) == 0 &&
           (real[s->root_len] == '/' || real[s->root_len] == '\0' || s->root_len == 1);
}

/* The real path of `path` (relative to the root, or absolute) when it is
 * inside the root, malloc'd; NULL with a message otherwise. */
char *mcp_resolve(const mcp_server *s, const char *path, char *msg, size_t n)
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
    if (!mcp_inside(s, real)) {
        snprintf(msg, n, "%s: outside the server's root (%s); paths must stay inside it",
                 mcp_short(path, name, sizeof name), mcp_short(s->root, root, sizeof root));
        free(real);
        return NULL;
    }
    return real;
}

/* A path as shown to the agent: relative to the root. */
const char *mcp_shown(const mcp_server *s, const char *real)
{
    if (!strncmp(real, s->root, s->root_len) && real[s->root_len] == '/')
        return real + s->root_len + 1;
    return real;
}

/* The files of `paths` (directories: every *.md below), each inside the root. */
int mcp_files_of(const mcp_server *s, const cJSON *paths, cli_files *out, char *msg, size_t n)
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
        char *real = mcp_resolve(s, p->valuestring, msg, n);
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
            char *inside = mcp_resolve(s, found.paths[i], msg, n);
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
const slog_config *mcp_config_for(mcp_server *s, const char *file, char *msg, size_t n)
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
    if (!real || !mcp_inside(s, real)) {
        snprintf(msg, n,
                 "%s: outside the server's root (a link); configuration files must stay "
                 "inside it",
                 mcp_short(mcp_shown(s, found), name, sizeof name));
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
        snprintf(msg, n, "%s:%d:%d: %s", mcp_short(mcp_shown(s, found), name, sizeof name),
                 err.line, err.column, err.message);
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

slog_doc *mcp_read_doc(mcp_server *s, const char *real, const slog_config **cfg, char *msg,
                       size_t n)
{
    *cfg = mcp_config_for(s, real, msg, n);
    if (!*cfg)
        return NULL;
    slog_parse_options o = SLOG_PARSE_OPTIONS_INIT;
    o.config = *cfg;
    o.filename = mcp_shown(s, real);
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
cJSON *mcp_diagnostics_json(slog_diags *diags)
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

static const struct {
    const char *name;
    tool_fn fn;
} handlers[] = {
    {"append_status", mcp_tool_append},
    {"open_items", mcp_tool_open_items},
    {"lint", mcp_tool_lint},
    {"digest", mcp_tool_digest},
    {"parse", mcp_tool_parse},
    {"check", mcp_tool_check},
    {"fix", mcp_tool_fix},
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
            return mcp_failure("%s: the arguments must be an object", name);
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
