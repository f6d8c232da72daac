/* SPDX-License-Identifier: BSD-2-Clause */
/* statuslog: Mustache templates over cJSON data (the spec's interpolation,
 * sections, inverted, comments, delimiters and partials modules). */
#ifndef STATUSLOG_TEMPLATE_H
#define STATUSLOG_TEMPLATE_H

#include <cjson/cJSON.h>
#include <stddef.h>

#include "statuslog/common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct slog_template slog_template;

/** Parses a template once. A malformed one (unclosed section or tag, a
 * closing tag that does not match, a bad delimiter change) fails with
 * SLOG_ERR_INVALID naming `name` and the line. */
slog_status slog_template_parse(const char *name, const char *src, size_t len, slog_template **out,
                                slog_error *err);
void slog_template_free(slog_template *t);

/** Finds a partial's source by name: sets *src (malloc'd) and *len, or *src
 * NULL when there is no such partial (it renders as nothing). */
typedef slog_status (*slog_partial_loader)(const char *name, char **src, size_t *len, void *ctx,
                                           slog_error *err);

/** Renders in one pass. *out is malloc'd and NUL-terminated. */
slog_status slog_template_render(const slog_template *t, const cJSON *data,
                                 slog_partial_loader partials, void *ctx, char **out,
                                 size_t *out_len, slog_error *err);

#ifdef __cplusplus
}
#endif
#endif
