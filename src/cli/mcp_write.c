/* SPDX-License-Identifier: BSD-2-Clause */
/* The MCP tools that write: append_status and fix, each through the
 * library's safe update (a lock, a temporary file, fsync, rename). */
#define _GNU_SOURCE /* open_memstream */
#include "mcp_tools.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

cJSON *mcp_tool_append(mcp_server *s, const cJSON *args)
{
    static const char *const known[] = {"file", "date", "label", "items", NULL};
    char msg[1024], bad[128];
    const char *file, *date, *label;
    if (mcp_unknown_argument(args, known, bad, sizeof bad))
        return mcp_failure("append_status: unknown argument '%s'", bad);
    if (mcp_string_arg(args, "file", 1, &file) != 0 ||
        mcp_string_arg(args, "date", 0, &date) != 0 ||
        mcp_string_arg(args, "label", 0, &label) != 0)
        return mcp_failure("append_status: 'file' (a string) is required; 'date' and 'label' are "
                           "strings");
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(args, "items"), *v;
    int n = cJSON_IsArray(list) ? cJSON_GetArraySize(list) : 0;
    if (n < 1)
        return mcp_failure("append_status: 'items' must be a non-empty array of {state, text}");
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
            return mcp_failure("append_status: item %d needs a 'state' (done, in_progress, next, "
                               "blocked, failed, warning, open, note) and a 'text'",
                               k + 1);
        }
        items[k++].text = tx->valuestring;
    }
    char *real = mcp_resolve(s, file, msg, sizeof msg);
    if (!real) {
        free(items);
        return mcp_failure("%s", msg);
    }
    const slog_config *cfg = mcp_config_for(s, real, msg, sizeof msg);
    slog_append_request req = {date, label, items, (size_t)n};
    append_job job = {&req, {SLOG_APPEND_OPTIONS_VERSION, cfg, 0, mcp_shown(s, real), 0}, {0}};
    slog_error err;
    slog_error_clear(&err);
    cJSON *r = NULL;
    if (!cfg)
        r = mcp_failure("%s", msg);
    else if (slog_append_check(&req, &err) != SLOG_OK ||
             slog_update_file(real, append_transform, &job, 1, NULL, NULL, NULL, NULL, &err) !=
                 SLOG_OK)
        r = mcp_from_error(&err);
    const slog_config *c2;
    slog_doc *doc = r ? NULL : mcp_read_doc(s, real, &c2, msg, sizeof msg);
    if (!r && !doc)
        r = mcp_failure("%s", msg);
    if (!r) {
        cJSON *out = cJSON_CreateObject(), *added = cJSON_CreateArray();
        cJSON_AddStringToObject(out, "file", mcp_shown(s, real));
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
        snprintf(text, sizeof text, "%s: %zu added%s, %zu already there", mcp_shown(s, real),
                 job.summary.added, job.summary.new_entry ? " in a new entry" : "",
                 job.summary.skipped);
        r = mcp_result(text, out);
    }
    slog_doc_free(doc);
    free(real);
    free(items);
    return r;
}

cJSON *mcp_tool_fix(mcp_server *s, const cJSON *args)
{
    static const char *const known[] = {"file", "repairs", "dry_run", NULL};
    char msg[1024], bad[128];
    const char *file;
    if (mcp_unknown_argument(args, known, bad, sizeof bad))
        return mcp_failure("fix: unknown argument '%s'", bad);
    if (mcp_string_arg(args, "file", 1, &file) != 0)
        return mcp_failure("fix: 'file' (a string) is required");
    const cJSON *repairs = cJSON_GetObjectItemCaseSensitive(args, "repairs"), *v;
    const cJSON *dry = cJSON_GetObjectItemCaseSensitive(args, "dry_run");
    unsigned which = 0;
    if (repairs && !cJSON_IsArray(repairs))
        return mcp_failure("fix: 'repairs' must be an array of encoding, order, duplicates");
    cJSON_ArrayForEach(v, repairs)
    {
        const char *r = cJSON_IsString(v) ? v->valuestring : "";
        which |= !strcmp(r, "encoding")     ? SLOG_FIX_ENCODING
                 : !strcmp(r, "order")      ? SLOG_FIX_ORDER
                 : !strcmp(r, "duplicates") ? SLOG_FIX_DUPLICATES
                                            : 0x100;
    }
    if (which & 0x100)
        return mcp_failure("fix: 'repairs' must be an array of encoding, order, duplicates");
    if (dry && !cJSON_IsBool(dry))
        return mcp_failure("fix: 'dry_run' must be true or false");
    int dry_run = dry && cJSON_IsTrue(dry);
    char *real = mcp_resolve(s, file, msg, sizeof msg);
    if (!real)
        return mcp_failure("%s", msg);
    const slog_config *cfg = mcp_config_for(s, real, msg, sizeof msg);
    slog_fix_options o = {SLOG_FIX_OPTIONS_VERSION, cfg, which, mcp_shown(s, real), 0};
    slog_fix_summary sum;
    slog_error err;
    slog_error_clear(&err);
    char *old = NULL, *new_text = NULL, *diff = NULL;
    size_t old_len = 0, new_len = 0, diff_len = 0;
    cJSON *r = NULL;
    if (!cfg)
        r = mcp_failure("%s", msg);
    else if (slog_fix_file(real, &o, !dry_run, &sum, dry_run ? &old : NULL, &old_len,
                           dry_run ? &new_text : NULL, &new_len, &err) != SLOG_OK)
        r = mcp_from_error(&err);
    int due = !r && (sum.encoding || sum.moved || sum.merged);
    if (!r && dry_run && due) {
        FILE *mem = open_memstream(&diff, &diff_len);
        if (!mem ||
            slog_write_diff(mem, mcp_shown(s, real), old, old_len, new_text, new_len, &err) != 0)
            r = mem ? mcp_from_error(&err) : mcp_failure("out of memory");
        if (mem)
            fclose(mem);
    }
    if (!r) {
        cJSON *out = cJSON_CreateObject();
        cJSON_AddStringToObject(out, "file", mcp_shown(s, real));
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
                 mcp_shown(s, real), sum.encoding ? "mojibake undone, " : "", sum.moved, sum.merged,
                 !due      ? " (nothing to repair)"
                 : dry_run ? " (dry run: nothing written)"
                           : "");
        r = mcp_result(text, out);
    }
    free(old);
    free(new_text);
    free(diff);
    free(real);
    return r;
}
