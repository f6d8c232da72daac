/* SPDX-License-Identifier: BSD-2-Clause */
/* --from-json: {"date", "label", "items": [{"state", "text"}]} or an array. */
#include "statuslog/edit.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

static slog_status invalid(slog_error *err, const char *name, const char *what, size_t index,
                           const char *detail)
{
    return slog_error_set(err, SLOG_ERR_INVALID, name, 0, "entry %zu: %s%s", index + 1, what,
                          detail ? detail : "");
}

static char *dup_or_null(const cJSON *j)
{
    return cJSON_IsString(j) ? strdup(j->valuestring) : NULL;
}

static slog_status one_request(const cJSON *o, size_t index, const char *name,
                               slog_append_request *r, slog_error *err)
{
    if (!cJSON_IsObject(o))
        return invalid(err, name, "must be an object", index, NULL);
    const cJSON *m;
    cJSON_ArrayForEach(m, o)
    {
        if (strcmp(m->string, "date") && strcmp(m->string, "label") && strcmp(m->string, "items"))
            return invalid(err, name, "unknown key ", index, m->string);
    }
    const cJSON *date = cJSON_GetObjectItemCaseSensitive(o, "date");
    const cJSON *label = cJSON_GetObjectItemCaseSensitive(o, "label");
    const cJSON *items = cJSON_GetObjectItemCaseSensitive(o, "items");
    if ((date && !cJSON_IsString(date)) || (label && !cJSON_IsString(label)))
        return invalid(err, name, "\"date\" and \"label\" must be strings", index, NULL);
    if (!cJSON_IsArray(items) || !cJSON_GetArraySize(items))
        return invalid(err, name, "\"items\" must be a non-empty array", index, NULL);
    r->date = date ? dup_or_null(date) : NULL;
    r->label = label ? dup_or_null(label) : NULL;
    size_t n = (size_t)cJSON_GetArraySize(items);
    slog_append_item *list = calloc(n, sizeof *list);
    r->items = list;
    if ((date && !r->date) || (label && !r->label) || !list)
        return slog_error_set(err, SLOG_ERR_NOMEM, name, 0, "out of memory");
    const cJSON *it;
    cJSON_ArrayForEach(it, items)
    {
        const cJSON *state = cJSON_GetObjectItemCaseSensitive(it, "state");
        const cJSON *text = cJSON_GetObjectItemCaseSensitive(it, "text");
        if (!cJSON_IsObject(it) || !cJSON_IsString(state) || !cJSON_IsString(text))
            return invalid(err, name, "each item needs \"state\" and \"text\" strings", index,
                           NULL);
        if (slog_state_from_name(state->valuestring, &list[r->nitems].state) != 0)
            return invalid(err, name, "unknown state ", index, state->valuestring);
        list[r->nitems].text = strdup(text->valuestring);
        if (!list[r->nitems++].text)
            return slog_error_set(err, SLOG_ERR_NOMEM, name, 0, "out of memory");
    }
    slog_status st = slog_append_check(r, err);
    if (st != SLOG_OK) {
        char msg[sizeof err->message];
        snprintf(msg, sizeof msg, "%s", err->message);
        return invalid(err, name, msg, index, NULL);
    }
    return SLOG_OK;
}

slog_status slog_append_requests_from_json(const char *json, size_t len, const char *name,
                                           slog_append_request **reqs, size_t *count,
                                           slog_error *err)
{
    *reqs = NULL;
    *count = 0;
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(json, len, &end, 0);
    /* one value and nothing after it but white space */
    while (root && end && end < json + len && *end && strchr(" \t\r\n", *end))
        end++;
    int trailing = root && end && end < json + len;
    if (trailing) {
        cJSON_Delete(root);
        root = NULL;
    }
    if (!root) {
        int line = 1, col = 1;
        for (const char *p = json; end && p < end; p++) {
            line += *p == '\n';
            col = *p == '\n' ? 1 : col + 1;
        }
        slog_error_set(err, SLOG_ERR_INVALID, name, line,
                       trailing ? "text after the JSON value" : "invalid JSON");
        err->column = col;
        return SLOG_ERR_INVALID;
    }
    size_t n = cJSON_IsArray(root) ? (size_t)cJSON_GetArraySize(root) : 1;
    slog_append_request *r = calloc(n ? n : 1, sizeof *r);
    slog_status st = r ? SLOG_OK : slog_error_set(err, SLOG_ERR_NOMEM, name, 0, "out of memory");
    if (st == SLOG_OK && !n)
        st = slog_error_set(err, SLOG_ERR_INVALID, name, 0, "an empty array: nothing to append");
    if (cJSON_IsArray(root)) {
        const cJSON *o;
        size_t i = 0;
        cJSON_ArrayForEach(o, root)
        {
            if (st != SLOG_OK)
                break;
            st = one_request(o, i, name, &r[i], err);
            i++;
        }
    } else if (st == SLOG_OK) {
        st = one_request(root, 0, name, &r[0], err);
    }
    cJSON_Delete(root);
    if (st != SLOG_OK) {
        slog_append_requests_free(r, n);
        return st;
    }
    *reqs = r;
    *count = n;
    return SLOG_OK;
}

void slog_append_requests_free(slog_append_request *reqs, size_t count)
{
    for (size_t i = 0; reqs && i < count; i++) {
        for (size_t k = 0; k < reqs[i].nitems; k++)
            free((char *)reqs[i].items[k].text);
        free((slog_append_item *)reqs[i].items);
        free((char *)reqs[i].date);
        free((char *)reqs[i].label);
    }
    free(reqs);
}
