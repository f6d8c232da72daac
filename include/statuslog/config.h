/* SPDX-License-Identifier: BSD-2-Clause */
/* statuslog: configuration — the marker table, the entry pattern and the
 * other data that steer reading a document. */
#ifndef STATUSLOG_CONFIG_H
#define STATUSLOG_CONFIG_H

#include "statuslog/common.h"
#include "statuslog/diag.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A configuration with its patterns compiled. Opaque; one per thread. */
typedef struct slog_config slog_config;

/** The built-in defaults of SPEC §1 (markers, entry pattern, follow-up headings). */
slog_status slog_config_new_default(slog_config **out, slog_error *err);
void slog_config_free(slog_config *config);

/** Reads a `.statuslog.json` (SPEC §3): keys `markers`, `entry_pattern`,
 * `followup_headings`, `stale_days`, `timezone`, `rules`. Any error — bad
 * JSON, an unknown key, a wrong type, an unknown state, rule or severity, a
 * pattern that does not compile or has no `date` group — fills err with the
 * file, line and column and returns SLOG_ERR_INVALID (SLOG_ERR_IO when the
 * file cannot be read). */
slog_status slog_config_load(const char *path, slog_config **out, slog_error *err);

/** The same from `len` bytes of JSON text; `name` is what errors name. */
slog_status slog_config_parse(const char *text, size_t len, const char *name, slog_config **out,
                              slog_error *err);

/** Looks for `.statuslog.json` in the directory of `doc_path` ("-": the
 * current directory) and then in each parent. Returns a malloc'd path, or
 * NULL when there is none. */
char *slog_config_discover(const char *doc_path);

/** Days after which an open item is stale (NULL: the default, 14). */
int slog_config_stale_days(const slog_config *config);
/** The configured zone for times without one, or NULL (the machine's zone). */
const char *slog_config_timezone(const slog_config *config);
slog_severity slog_config_severity(const slog_config *config, slog_rule rule);
/** The file the configuration came from, or NULL for the defaults. */
const char *slog_config_path(const slog_config *config);

#ifdef __cplusplus
}
#endif
#endif
