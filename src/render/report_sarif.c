/* SPDX-License-Identifier: BSD-2-Clause */
/* sarif: SARIF 2.1.0 with every rule of the table in tool.driver.rules. */
#include "report_internal.h"

#include <cjson/cJSON.h>

static const char *level(slog_severity sev)
{
    static const char *const levels[] = {"none", "note", "warning", "error"};
    return levels[sev];
}

static cJSON *rules_json(void)
{
    cJSON *rules = cJSON_CreateArray();
    for (int r = 0; rules && r < SLOG_RULE_COUNT; r++) {
        const slog_rule_info *info = slog_rule_get((slog_rule)r);
        cJSON *rule = cJSON_CreateObject(), *desc = cJSON_CreateObject(),
              *conf = cJSON_CreateObject();
        if (!rule || !desc || !conf || !cJSON_AddItemToArray(rules, rule)) {
            cJSON_Delete(rule);
            cJSON_Delete(desc);
            cJSON_Delete(conf);
            cJSON_Delete(rules);
            return NULL;
        }
        cJSON_AddStringToObject(rule, "id", info->name);
        cJSON_AddStringToObject(desc, "text", info->description);
        cJSON_AddItemToObject(rule, "shortDescription", desc);
        cJSON_AddStringToObject(conf, "level", level(info->severity));
        cJSON_AddItemToObject(rule, "defaultConfiguration", conf);
    }
    return rules;
}

static cJSON *result_json(const slog_diag *d)
{
    cJSON *res = cJSON_CreateObject();
    if (!res)
        return NULL;
    cJSON_AddStringToObject(res, "ruleId", slog_rule_get(d->rule)->name);
    cJSON_AddNumberToObject(res, "ruleIndex", d->rule);
    cJSON_AddStringToObject(res, "level", level(d->severity));
    cJSON *msg = cJSON_AddObjectToObject(res, "message");
    if (msg)
        cJSON_AddStringToObject(msg, "text", d->message);
    cJSON *locs = cJSON_AddArrayToObject(res, "locations");
    cJSON *loc = cJSON_CreateObject();
    if (!locs || !loc || !cJSON_AddItemToArray(locs, loc)) {
        cJSON_Delete(loc);
        cJSON_Delete(res);
        return NULL;
    }
    cJSON *phys = cJSON_AddObjectToObject(loc, "physicalLocation");
    cJSON *art = phys ? cJSON_AddObjectToObject(phys, "artifactLocation") : NULL;
    cJSON *region = phys ? cJSON_AddObjectToObject(phys, "region") : NULL;
    if (!art || !region || !cJSON_AddStringToObject(art, "uri", d->file) ||
        !cJSON_AddNumberToObject(region, "startLine", d->line) ||
        !cJSON_AddNumberToObject(region, "startColumn", d->column)) {
        cJSON_Delete(res);
        return NULL;
    }
    return res;
}

int slog_report_sarif(const slog_diags *diags, FILE *out)
{
    cJSON *root = cJSON_CreateObject();
    cJSON *runs = root ? cJSON_AddArrayToObject(root, "runs") : NULL;
    cJSON *run = cJSON_CreateObject();
    int ok = runs && run && cJSON_AddItemToArray(runs, run);
    if (!ok)
        cJSON_Delete(run);
    ok =
        ok &&
        cJSON_AddStringToObject(root, "$schema", "https://json.schemastore.org/sarif-2.1.0.json") &&
        cJSON_AddStringToObject(root, "version", "2.1.0");
    cJSON *tool = ok ? cJSON_AddObjectToObject(run, "tool") : NULL;
    cJSON *driver = tool ? cJSON_AddObjectToObject(tool, "driver") : NULL;
    cJSON *rules = driver ? rules_json() : NULL;
    ok = rules && cJSON_AddStringToObject(driver, "name", "statuslog") &&
         cJSON_AddStringToObject(driver, "version", slog_version()) &&
         cJSON_AddItemToObject(driver, "rules", rules);
    if (!ok && rules && !cJSON_GetObjectItem(driver, "rules"))
        cJSON_Delete(rules);
    cJSON *results = ok ? cJSON_AddArrayToObject(run, "results") : NULL;
    ok = results != NULL;
    for (size_t i = 0; ok && i < diags->count; i++) {
        cJSON *r = result_json(&diags->items[i]);
        ok = r && cJSON_AddItemToArray(results, r);
        if (!ok)
            cJSON_Delete(r);
    }
    if (!ok) {
        cJSON_Delete(root);
        return -2;
    }
    return slog_report_print_json(root, out);
}
