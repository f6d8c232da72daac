/* statuslog: configuration — the marker table, the entry pattern and the
 * other data that steer reading a document. */
#ifndef STATUSLOG_CONFIG_H
#define STATUSLOG_CONFIG_H

#include "statuslog/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A configuration with its patterns compiled. Opaque; one per thread. */
typedef struct slog_config slog_config;

/** The built-in defaults of SPEC §1 (markers, entry pattern, follow-up headings). */
slog_status slog_config_new_default(slog_config **out, slog_error *err);
void slog_config_free(slog_config *config);

/** The default entry pattern (PCRE2, named groups date, time, zone). */
extern const char *const SLOG_DEFAULT_ENTRY_PATTERN;

#ifdef __cplusplus
}
#endif
#endif
