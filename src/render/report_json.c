/* SPDX-License-Identifier: BSD-2-Clause */
/* json: {"schema":"statuslog-diagnostics/1","diagnostics":[...],"summary":{...}} */
#include "report_internal.h"

#include <cjson/cJSON.h>

static cJSON *diag_json(const slog_diag *d)
{
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    int ok = cJSON_AddStringToObject(o, "file", d->file) &&
             cJSON_AddNumberToObject(o, "line", d->line) &&
             cJSON_AddNumberToObject(o, "column", d->column) &&
             cJSON_AddStringToObject(o, "severity", slog_severity_name(d->severity)) &&
             cJSON_AddStringToObject(o, "rule", slog_rule_get(d->rule)->name) &&
             cJSON_AddStringToObject(o, "message", d->message) &&
             cJSON_AddBoolToObject(o, "fixable", slog_rule_get(d->rule)->fixable);
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

int slog_report_json(const slog_diags *diags, FILE *out)
{
    cJSON *root = cJSON_CreateObject();
    cJSON *list = cJSON_CreateArray(), *summary = cJSON_CreateObject();
    int ok = root && list && summary;
    if (ok) {
        ok = cJSON_AddStringToObject(root, "schema", "statuslog-diagnostics/1") != NULL;
        cJSON_AddItemToObject(root, "diagnostics", list);
        cJSON_AddItemToObject(root, "summary", summary);
    } else {
        cJSON_Delete(list);
        cJSON_Delete(summary);
    }
    for (size_t i = 0; ok && i < diags->count; i++) {
        cJSON *d = diag_json(&diags->items[i]);
        ok = d && cJSON_AddItemToArray(list, d);
    }
    size_t counts[4];
    slog_diags_count(diags, counts);
    ok = ok && cJSON_AddNumberToObject(summary, "error", (double)counts[SLOG_SEV_ERROR]) &&
         cJSON_AddNumberToObject(summary, "warning", (double)counts[SLOG_SEV_WARNING]) &&
         cJSON_AddNumberToObject(summary, "info", (double)counts[SLOG_SEV_INFO]);
    if (!ok) {
        cJSON_Delete(root);
        return -2;
    }
    return slog_report_print_json(root, out);
}
