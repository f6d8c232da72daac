/* SPDX-License-Identifier: BSD-2-Clause */
/* The Mustache engine: a template (the first part) over JSON data (the
 * second), with a partial that is the template itself (recursion). */
#include "fuzz.h"

#include <stdlib.h>

static const char *self;
static size_t self_len;

static slog_status partial(const char *name, char **src, size_t *len, void *ctx, slog_error *err)
{
    (void)name;
    (void)ctx;
    (void)err;
    *src = malloc(self_len + 1);
    if (!*src)
        return SLOG_ERR_NOMEM;
    memcpy(*src, self, self_len);
    (*src)[self_len] = '\0';
    *len = self_len;
    return SLOG_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *tpl, *json;
    size_t tlen, jlen;
    fuzz_split(data, size, &tpl, &tlen, &json, &jlen);
    self = tpl;
    self_len = tlen;
    slog_template *t;
    slog_error err;
    if (slog_template_parse("fuzz", tpl, tlen, &t, &err) != SLOG_OK)
        return 0;
    cJSON *d = cJSON_ParseWithLength(json, jlen);
    char *out = NULL;
    size_t out_len;
    if (slog_template_render(t, d, partial, NULL, &out, &out_len, &err) == SLOG_OK)
        free(out);
    cJSON_Delete(d);
    slog_template_free(t);
    return 0;
}
