/* statuslog: the model as JSON (SPEC §2), through cJSON. */
#ifndef STATUSLOG_JSON_H
#define STATUSLOG_JSON_H

#include <cjson/cJSON.h>

#include "statuslog/doc.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The "statuslog/1" object of a document, or NULL when out of memory. Its
 * strings point into `doc`: free the JSON (cJSON_Delete) before the document. */
cJSON *slog_doc_to_json(const slog_doc *doc);

/** "lf", "crlf", "cr", "mixed". */
const char *slog_eol_name(slog_eol eol);
/** NULL, "mac_roman", "cp1252". */
const char *slog_mojibake_name(slog_mojibake kind);

#ifdef __cplusplus
}
#endif
#endif
