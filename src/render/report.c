/* SPDX-License-Identifier: BSD-2-Clause */
/* The reporter table. */
#include "report_internal.h"

#include <cjson/cJSON.h>
#include <string.h>

static const struct {
    const char *name;
    int (*write)(const slog_diags *diags, FILE *out);
} reporters[] = {
    [SLOG_FORMAT_TEXT] = {"text", slog_report_text},
    [SLOG_FORMAT_JSON] = {"json", slog_report_json},
    [SLOG_FORMAT_GITHUB] = {"github", slog_report_github},
    [SLOG_FORMAT_SARIF] = {"sarif", slog_report_sarif},
};

int slog_format_from_name(const char *name, slog_format *out)
{
    for (size_t i = 0; i < sizeof reporters / sizeof *reporters; i++)
        if (strcmp(reporters[i].name, name) == 0) {
            *out = (slog_format)i;
            return 0;
        }
    return -1;
}

slog_status slog_report(slog_format format, const slog_diags *diags, FILE *out, slog_error *err)
{
    if ((unsigned)format >= sizeof reporters / sizeof *reporters)
        return slog_error_set(err, SLOG_ERR_INVALID, NULL, 0, "unknown format");
    int rc = reporters[format].write(diags, out);
    if (rc == -2)
        return slog_error_set(err, SLOG_ERR_NOMEM, NULL, 0, "out of memory");
    if (rc != 0)
        return slog_error_set(err, SLOG_ERR_IO, NULL, 0, "error writing output");
    return SLOG_OK;
}

int slog_report_print_json(void *json, FILE *out)
{
    if (!json)
        return -2;
    char *s = cJSON_Print((cJSON *)json);
    cJSON_Delete((cJSON *)json);
    if (!s)
        return -2;
    int rc = fputs(s, out) == EOF || fputc('\n', out) == EOF ? -1 : 0;
    cJSON_free(s);
    return rc;
}
