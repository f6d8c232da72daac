/* SPDX-License-Identifier: BSD-2-Clause */
/* The MCP tools that read: parse, lint, check, open_items, digest. */
#define _GNU_SOURCE /* open_memstream */
#include "mcp_tools.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* --- the tools ---------------------------------------------------------------------- */

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

cJSON *mcp_tool_parse(mcp_server *s, const cJSON *args)
{
    static const char *const known[] = {"file", "since", "until", "compact", NULL};
    char msg[1024], bad[128];
    const char *file;
    slog_json_options jo = {SLOG_JSON_OPTIONS_VERSION, 0, NULL, NULL, 0};
    long day;
    const cJSON *compact = cJSON_GetObjectItemCaseSensitive(args, "compact");
    if (mcp_unknown_argument(args, known, bad, sizeof bad))
        return mcp_failure("parse: unknown argument '%s'", bad);
    if (mcp_string_arg(args, "file", 1, &file) != 0)
        return mcp_failure("parse: 'file' (a string) is required");
    if (mcp_string_arg(args, "since", 0, &jo.since) != 0 ||
        mcp_string_arg(args, "until", 0, &jo.until) != 0 ||
        (jo.since && slog_parse_date(jo.since, &day) != 0) ||
        (jo.until && slog_parse_date(jo.until, &day) != 0))
        return mcp_failure("parse: 'since' and 'until' are dates YYYY-MM-DD");
    if (compact && !cJSON_IsBool(compact))
        return mcp_failure("parse: 'compact' must be true or false");
    jo.compact = cJSON_IsTrue(compact);
    char *real = mcp_resolve(s, file, msg, sizeof msg);
    if (!real)
        return mcp_failure("%s", msg);
    const slog_config *cfg;
    slog_doc *doc = mcp_read_doc(s, real, &cfg, msg, sizeof msg);
    free(real);
    if (!doc)
        return mcp_failure("%s", msg);
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
        r = mcp_failure("parse: the model of %s (%zu entries) is over 16 MiB, the most this server "
                        "sends: ask for less, with 'since' and 'until' (a range of entries) or "
                        "'compact' (entries without their items)",
                        doc->file, doc->nentries);
    else if (st != SLOG_OK)
        r = err.message[0] ? mcp_from_error(&err) : mcp_failure("out of memory");
    else {
        while (b.len && b.data[b.len - 1] == '\n') /* one message a line */
            b.len--;
        b.data[b.len] = '\0';
        snprintf(text, sizeof text, "%s: %zu entries, %zu threads", doc->file, doc->nentries,
                 doc->nthreads);
        /* the model's JSON text goes into the reply as it is: never a second
         * tree of a large document */
        r = mcp_result(text, cJSON_CreateRaw(b.data));
    }
    free(b.data);
    slog_doc_free(doc);
    return r;
}

cJSON *mcp_tool_lint(mcp_server *s, const cJSON *args)
{
    static const char *const known[] = {"paths", "today", NULL};
    char msg[1024], bad[128];
    long today = 0;
    int has_today;
    if (mcp_unknown_argument(args, known, bad, sizeof bad))
        return mcp_failure("lint: unknown argument '%s'", bad);
    if (mcp_day_arg(args, "today", &today, &has_today) != 0)
        return mcp_failure("lint: 'today' must be a date YYYY-MM-DD");
    cli_files files;
    if (mcp_files_of(s, cJSON_GetObjectItemCaseSensitive(args, "paths"), &files, msg, sizeof msg) !=
        0)
        return mcp_failure("lint: %s", msg);
    slog_diags diags = {0};
    cJSON *r = NULL;
    for (size_t i = 0; i < files.count && !r; i++) {
        const slog_config *cfg;
        slog_doc *doc = mcp_read_doc(s, files.paths[i], &cfg, msg, sizeof msg);
        if (!doc) {
            r = mcp_failure("%s", msg);
            break;
        }
        slog_lint_options lo = {SLOG_LINT_OPTIONS_VERSION, cfg,
                                has_today ? today : slog_today(slog_config_timezone(cfg)), 0};
        slog_error err;
        if (slog_lint(doc, &lo, &diags, &err) != SLOG_OK)
            r = mcp_from_error(&err);
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
        cJSON *j = mcp_diagnostics_json(&diags);
        r = j ? mcp_result(text, j) : NULL;
    }
    slog_diags_free(&diags);
    cli_files_free(&files);
    return r;
}

cJSON *mcp_tool_check(mcp_server *s, const cJSON *args)
{
    static const char *const known[] = {"file", "rev", NULL};
    char msg[1024], bad[128];
    const char *file, *rev;
    if (mcp_unknown_argument(args, known, bad, sizeof bad))
        return mcp_failure("check: unknown argument '%s'", bad);
    if (mcp_string_arg(args, "file", 1, &file) != 0 || mcp_string_arg(args, "rev", 1, &rev) != 0)
        return mcp_failure("check: 'file' and 'rev' (strings) are required");
    char *real = mcp_resolve(s, file, msg, sizeof msg);
    if (!real)
        return mcp_failure("%s", msg);
    const slog_config *cfg;
    slog_doc *cur = mcp_read_doc(s, real, &cfg, msg, sizeof msg), *base = NULL;
    cJSON *r = NULL;
    char *data = NULL;
    size_t len = 0;
    slog_error err;
    slog_error_clear(&err);
    if (!cur)
        r = mcp_failure("%s", msg);
    else if (slog_git_show(real, rev, &data, &len, &err) != SLOG_OK)
        r = mcp_from_error(&err);
    else if (!data)
        r = mcp_failure("%s: not in %s: no baseline to compare with", mcp_shown(s, real), rev);
    else {
        slog_parse_options o = SLOG_PARSE_OPTIONS_INIT;
        o.config = cfg;
        o.filename = mcp_shown(s, real);
        slog_diags diags = {0};
        if (slog_parse_buffer(data, len, &o, &base, &err) != SLOG_OK ||
            slog_check(cur, base, cfg, &diags, &err) != SLOG_OK) {
            r = mcp_from_error(&err);
        } else {
            char text[256];
            char shown_rev[128];
            snprintf(text, sizeof text, "%zu regression%s since %s", diags.count,
                     diags.count == 1 ? "" : "s", mcp_short(rev, shown_rev, sizeof shown_rev));
            cJSON *j = mcp_diagnostics_json(&diags);
            r = j ? mcp_result(text, j) : NULL;
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

cJSON *mcp_tool_open_items(mcp_server *s, const cJSON *args)
{
    static const char *const known[] = {"paths", "today", "states", "min_age_days", NULL};
    char msg[1024], bad[128];
    long today = 0;
    int has_today;
    if (mcp_unknown_argument(args, known, bad, sizeof bad))
        return mcp_failure("open_items: unknown argument '%s'", bad);
    if (mcp_day_arg(args, "today", &today, &has_today) != 0)
        return mcp_failure("open_items: 'today' must be a date YYYY-MM-DD");
    const cJSON *states = cJSON_GetObjectItemCaseSensitive(args, "states");
    const cJSON *min_age = cJSON_GetObjectItemCaseSensitive(args, "min_age_days");
    const cJSON *v;
    if (states && !cJSON_IsArray(states))
        return mcp_failure("open_items: 'states' must be an array of states");
    cJSON_ArrayForEach(v, states)
    {
        slog_state st;
        if (!cJSON_IsString(v) || slog_state_from_name(v->valuestring, &st) != 0)
            return mcp_failure("open_items: unknown state in 'states' (one of done, in_progress, "
                               "next, blocked, failed, warning, open, note)");
    }
    if (min_age && (!cJSON_IsNumber(min_age) || min_age->valuedouble < 0))
        return mcp_failure("open_items: 'min_age_days' must be a whole number of days");
    cli_files files;
    if (mcp_files_of(s, cJSON_GetObjectItemCaseSensitive(args, "paths"), &files, msg, sizeof msg) !=
        0)
        return mcp_failure("open_items: %s", msg);
    cJSON *out = cJSON_CreateObject(), *items = cJSON_AddArrayToObject(out, "items");
    cJSON *r = NULL;
    size_t count = 0;
    for (size_t i = 0; i < files.count && !r && items; i++) {
        const slog_config *cfg;
        slog_doc *doc = mcp_read_doc(s, files.paths[i], &cfg, msg, sizeof msg);
        if (!doc) {
            r = mcp_failure("%s", msg);
            break;
        }
        long day = has_today ? today : slog_today(slog_config_timezone(cfg));
        unsigned char *stale = calloc(doc->nthreads + 1, 1);
        slog_error err;
        if (stale && doc->nthreads && slog_stale_threads(doc, cfg, day, stale, &err) != SLOG_OK)
            r = mcp_from_error(&err);
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
            r = mcp_failure("out of memory");
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
    return mcp_result(text, out);
}

cJSON *mcp_tool_digest(mcp_server *s, const cJSON *args)
{
    static const char *const known[] = {"paths", "week", "since", "until", "days", "today", NULL};
    char msg[1024], bad[128];
    long today = 0, since = 0, until = 0;
    int has_today, has_since, has_until;
    const char *week;
    if (mcp_unknown_argument(args, known, bad, sizeof bad))
        return mcp_failure("digest: unknown argument '%s'", bad);
    if (mcp_day_arg(args, "today", &today, &has_today) != 0 ||
        mcp_day_arg(args, "since", &since, &has_since) != 0 ||
        mcp_day_arg(args, "until", &until, &has_until) != 0 ||
        mcp_string_arg(args, "week", 0, &week) != 0)
        return mcp_failure("digest: 'today', 'since' and 'until' are dates YYYY-MM-DD, 'week' is "
                           "YYYY-Www");
    const cJSON *days = cJSON_GetObjectItemCaseSensitive(args, "days");
    if (days && (!cJSON_IsNumber(days) || days->valuedouble < 1 || days->valuedouble > 3660))
        return mcp_failure("digest: 'days' must be 1 to 3660");
    if (week && (has_since || has_until || days))
        return mcp_failure("digest: 'week' goes alone (not with since, until or days)");
    cli_files files;
    if (mcp_files_of(s, cJSON_GetObjectItemCaseSensitive(args, "paths"), &files, msg, sizeof msg) !=
        0)
        return mcp_failure("digest: %s", msg);
    slog_digest_options o = {SLOG_DIGEST_OPTIONS_VERSION, NULL, {0, 0, 0, 0}, 0, 0};
    slog_error err;
    slog_error_clear(&err);
    cJSON *digest = NULL, *r = NULL;
    for (size_t i = 0; i < files.count && !r; i++) {
        const slog_config *cfg;
        slog_doc *doc = mcp_read_doc(s, files.paths[i], &cfg, msg, sizeof msg);
        if (!doc) {
            r = mcp_failure("%s", msg);
            break;
        }
        o.config = cfg;
        o.today = has_today ? today : slog_today(slog_config_timezone(cfg));
        if (week) {
            if (slog_period_from_week(week, &o.period, &err) != SLOG_OK)
                r = mcp_from_error(&err);
        } else {
            long end = has_until ? until : o.today;
            o.period = has_since ? (slog_period){since, end, 0, 0}
                                 : slog_period_days(end, days ? (int)days->valuedouble : 7);
            if (o.period.since > o.period.until)
                r = mcp_failure("digest: 'since' is after 'until'");
        }
        if (!r && !digest && !(digest = slog_digest_new(&o)))
            r = mcp_failure("out of memory");
        if (!r && slog_digest_add(digest, doc, &o, &err) != SLOG_OK)
            r = mcp_from_error(&err);
        slog_doc_free(doc);
    }
    cli_files_free(&files);
    if (!r && slog_digest_finish(digest, &err) != SLOG_OK)
        r = mcp_from_error(&err);
    if (r) {
        cJSON_Delete(digest);
        return r;
    }
    const cJSON *summary = cJSON_GetObjectItemCaseSensitive(digest, "summary");
    return mcp_result(cJSON_IsString(summary) ? summary->valuestring : "digest", digest);
}
