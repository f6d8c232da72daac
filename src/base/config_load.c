/* SPDX-License-Identifier: BSD-2-Clause */
/* Reading .statuslog.json and finding it. JSON is cJSON's; positions of
 * semantic errors are found by locating the offending key in the text. */
#include "config_internal.h"
#include "dates.h"
#include "statuslog/parse.h"

#include <cjson/cJSON.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct {
    const char *path;
    const char *text;
    size_t len;
    slog_error *err;
} source;

static void position(const source *src, size_t offset, int *line, int *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < offset && i < src->len; i++) {
        if (src->text[i] == '\n') {
            (*line)++;
            *col = 1;
        } else if (((unsigned char)src->text[i] & 0xC0) != 0x80) {
            (*col)++;
        }
    }
}

/* Where "key" stands in the text (the first time), so that an error about it
 * can name its line and column; 0 when not found. */
static size_t key_offset(const source *src, const char *key)
{
    size_t n = strlen(key);
    const char *end = src->text + src->len; /* the text need not end in a NUL */
    for (const char *p = src->text; (p = memchr(p, '"', (size_t)(end - p))) != NULL; p++)
        if ((size_t)(end - p) > n + 1 && memcmp(p + 1, key, n) == 0 && p[n + 1] == '"')
            return (size_t)(p - src->text);
    return 0;
}

static slog_status fail_at(const source *src, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static slog_status fail_at(const source *src, const char *key, const char *fmt, ...)
{
    int line, col;
    position(src, key ? key_offset(src, key) : 0, &line, &col);
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    slog_error_set(src->err, SLOG_ERR_INVALID, src->path, line, "%s", msg);
    src->err->column = col;
    return SLOG_ERR_INVALID;
}

static slog_status load_markers(slog_config *c, const source *src, const cJSON *j)
{
    if (!cJSON_IsObject(j))
        return fail_at(src, "markers", "\"markers\" must be an object of marker: state");
    const cJSON *m;
    cJSON_ArrayForEach(m, j)
    {
        slog_state st;
        if (!*m->string)
            return fail_at(src, "markers", "empty marker in \"markers\"");
        if (!cJSON_IsString(m) || slog_state_from_name(m->valuestring, &st) != 0)
            return fail_at(src, m->string,
                           "marker \"%s\": state must be one of done, in_progress, next, "
                           "blocked, failed, warning, open, note",
                           m->string);
        if (slog_config_add_marker(c, m->string, st) != SLOG_OK)
            return slog_error_set(src->err, SLOG_ERR_NOMEM, src->path, 0, "out of memory");
    }
    return SLOG_OK;
}

static slog_status load_followups(slog_config *c, const source *src, const cJSON *j)
{
    if (!cJSON_IsArray(j))
        return fail_at(src, "followup_headings",
                       "\"followup_headings\" must be an array of "
                       "strings");
    int n = cJSON_GetArraySize(j);
    char **names = calloc((size_t)n + 1, sizeof *names);
    if (!names)
        return slog_error_set(src->err, SLOG_ERR_NOMEM, src->path, 0, "out of memory");
    int i = 0;
    const cJSON *h;
    cJSON_ArrayForEach(h, j)
    {
        if (!cJSON_IsString(h)) {
            for (int k = 0; k < i; k++)
                free(names[k]);
            free(names);
            return fail_at(src, "followup_headings",
                           "\"followup_headings\" must be an array of strings");
        }
        names[i] = strdup(h->valuestring);
        for (char *p = names[i]; p && *p; p++)
            if (*p >= 'A' && *p <= 'Z')
                *p = (char)(*p + 32);
        i++;
    }
    for (size_t k = 0; k < c->nfollowup_headings; k++)
        free(c->followup_headings[k]);
    free(c->followup_headings);
    c->followup_headings = names;
    c->nfollowup_headings = (size_t)n;
    for (int k = 0; k < n; k++)
        if (!names[k])
            return slog_error_set(src->err, SLOG_ERR_NOMEM, src->path, 0, "out of memory");
    return SLOG_OK;
}

static int valid_timezone(const char *tz)
{
    int minutes;
    if (slog_zone_offset(tz, &minutes))
        return 1;
    /* An IANA name: it must exist in the zone database and stay inside it. */
    if (!*tz || tz[0] == '/' || strstr(tz, ".."))
        return 0;
    char path[PATH_MAX];
    snprintf(path, sizeof path, "/usr/share/zoneinfo/%s", tz);
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static slog_status load_rules(slog_config *c, const source *src, const cJSON *j)
{
    if (!cJSON_IsObject(j))
        return fail_at(src, "rules", "\"rules\" must be an object of rule: severity");
    const cJSON *r;
    cJSON_ArrayForEach(r, j)
    {
        slog_rule rule;
        slog_severity sev;
        if (slog_rule_from_name(r->string, &rule) != 0)
            return fail_at(src, r->string, "unknown rule \"%s\"", r->string);
        if (!cJSON_IsString(r) || slog_severity_from_name(r->valuestring, &sev) != 0)
            return fail_at(src, r->string,
                           "rule \"%s\": severity must be error, warning, info or off", r->string);
        c->severity[rule] = sev;
    }
    return SLOG_OK;
}

/* A string key with a few allowed values; *out gets the value's index + 1
 * (0 stays "automatic"). */
typedef struct {
    const char *key;
    const char *values[3];
} choice;
static const choice ORDERS = {"order", {"oldest-first", "newest-first", NULL}};
static const choice DATE_ORDERS = {"date_order", {"mdy", "dmy", NULL}};

static slog_status load_choice(const source *src, const cJSON *j, choice ch, void *out)
{
    for (int i = 0; cJSON_IsString(j) && ch.values[i]; i++)
        if (strcmp(j->valuestring, ch.values[i]) == 0) {
            *(int *)out = i + 1;
            return SLOG_OK;
        }
    return fail_at(src, ch.key, "\"%s\" must be \"%s\" or \"%s\"", ch.key, ch.values[0],
                   ch.values[1]);
}

static slog_status load_states(slog_config *c, const source *src, const cJSON *j)
{
    unsigned states = 0;
    const cJSON *s;
    if (!cJSON_IsArray(j))
        return fail_at(src, "stale_states", "\"stale_states\" must be an array of states");
    cJSON_ArrayForEach(s, j)
    {
        slog_state st;
        if (!cJSON_IsString(s) || slog_state_from_name(s->valuestring, &st) != 0 ||
            st == SLOG_STATE_DONE || st == SLOG_STATE_NOTE)
            return fail_at(src, "stale_states",
                           "\"stale_states\": each must be one of in_progress, next, blocked, "
                           "failed, warning, open");
        states |= 1u << st;
    }
    c->stale_states = states;
    return SLOG_OK;
}

static slog_status apply(slog_config *c, const source *src, const cJSON *root)
{
    if (!cJSON_IsObject(root))
        return fail_at(src, NULL, "the configuration must be a JSON object");
    const char *entry_pattern = NULL;
    const cJSON *item;
    slog_status st = SLOG_OK;
    cJSON_ArrayForEach(item, root)
    {
        const char *key = item->string;
        if (strcmp(key, "markers") == 0)
            st = load_markers(c, src, item);
        else if (strcmp(key, "followup_headings") == 0)
            st = load_followups(c, src, item);
        else if (strcmp(key, "rules") == 0)
            st = load_rules(c, src, item);
        else if (strcmp(key, "entry_pattern") == 0) {
            if (!cJSON_IsString(item))
                st = fail_at(src, key, "\"entry_pattern\" must be a string");
            else
                entry_pattern = item->valuestring;
        } else if (strcmp(key, "stale_days") == 0) {
            double v = cJSON_GetNumberValue(item);
            if (!cJSON_IsNumber(item) || v < 0 || v > 100000 || v != (double)(int)v)
                st = fail_at(src, key, "\"stale_days\" must be a whole number of days");
            else
                c->stale_days = (int)v;
        } else if (strcmp(key, "timezone") == 0) {
            if (!cJSON_IsString(item) || !valid_timezone(item->valuestring))
                st = fail_at(src, key,
                             "\"timezone\" must be a zone such as \"UTC\", \"-06:00\", \"MDT\" "
                             "or \"America/Denver\"");
            else {
                free(c->timezone);
                c->timezone = strdup(item->valuestring);
                if (!c->timezone)
                    st = slog_error_set(src->err, SLOG_ERR_NOMEM, src->path, 0, "out of memory");
            }
        } else if (strcmp(key, "order") == 0) {
            st = load_choice(src, item, ORDERS, &c->order);
        } else if (strcmp(key, "date_order") == 0) {
            st = load_choice(src, item, DATE_ORDERS, &c->date_order);
        } else if (strcmp(key, "stale_states") == 0) {
            st = load_states(c, src, item);
        } else {
            st = fail_at(src, key,
                         "unknown key \"%s\" (known: markers, entry_pattern, "
                         "followup_headings, stale_days, stale_states, timezone, order, "
                         "date_order, rules)",
                         key);
        }
        if (st != SLOG_OK)
            return st;
    }
    st = slog_config_compile(c, entry_pattern, src->err);
    if (st == SLOG_ERR_INVALID) {
        char msg[sizeof src->err->message];
        snprintf(msg, sizeof msg, "%s", src->err->message);
        return fail_at(src, "entry_pattern", "%s", msg);
    }
    return st;
}

slog_status slog_config_parse(const char *text, size_t len, const char *name, slog_config **out,
                              slog_error *err)
{
    *out = NULL;
    source src = {name, text, len, err};
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(text, len, &end, 0);
    while (root && end && end < text + len && *end && strchr(" \t\r\n", *end))
        end++; /* one value and nothing after it but white space */
    if (root && end && end < text + len) {
        cJSON_Delete(root);
        root = NULL;
    }
    if (!root) {
        int line, col;
        position(&src, end ? (size_t)(end - text) : 0, &line, &col);
        slog_error_set(err, SLOG_ERR_INVALID, name, line, "invalid JSON");
        err->column = col;
        return SLOG_ERR_INVALID;
    }
    slog_config *c;
    slog_status st = slog_config_new_default(&c, err);
    if (st == SLOG_OK) {
        st = apply(c, &src, root);
        c->path = strdup(name);
        if (st == SLOG_OK && !c->path)
            st = slog_error_set(err, SLOG_ERR_NOMEM, name, 0, "out of memory");
    }
    cJSON_Delete(root);
    if (st != SLOG_OK) {
        slog_config_free(c);
        return st;
    }
    *out = c;
    return SLOG_OK;
}

slog_status slog_config_load(const char *path, slog_config **out, slog_error *err)
{
    *out = NULL;
    char *text;
    size_t len;
    slog_status st = slog_read_file(path, &text, &len, err);
    if (st != SLOG_OK)
        return st;
    st = slog_config_parse(text, len, path, out, err);
    free(text);
    return st;
}

char *slog_config_discover(const char *doc_path)
{
    char dir[PATH_MAX];
    if (strcmp(doc_path, "-") == 0) {
        if (!getcwd(dir, sizeof dir))
            return NULL;
    } else {
        char *copy = strdup(doc_path);
        if (!copy)
            return NULL;
        char *slash = strrchr(copy, '/');
        const char *d = slash ? (slash == copy ? "/" : (*slash = '\0', copy)) : ".";
        char *real = realpath(d, NULL);
        free(copy);
        if (!real)
            return NULL;
        snprintf(dir, sizeof dir, "%s", real);
        free(real);
    }
    for (;;) {
        char candidate[PATH_MAX + 32];
        snprintf(candidate, sizeof candidate, "%s/.statuslog.json",
                 strcmp(dir, "/") == 0 ? "" : dir);
        struct stat st;
        if (stat(candidate, &st) == 0 && S_ISREG(st.st_mode))
            return strdup(candidate);
        char *slash = strrchr(dir, '/');
        if (!slash || strcmp(dir, "/") == 0)
            return NULL;
        if (slash == dir)
            dir[1] = '\0';
        else
            *slash = '\0';
    }
}
