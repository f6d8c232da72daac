/* SPDX-License-Identifier: BSD-2-Clause */
/* statuslog: the model as JSON (SPEC §2), through cJSON. */
#ifndef STATUSLOG_JSON_H
#define STATUSLOG_JSON_H

#include <cjson/cJSON.h>
#include <stdio.h>

#include "statuslog/common.h"
#include "statuslog/doc.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The "statuslog/1" object of a document, or NULL when out of memory. Its
 * strings point into `doc`: free the JSON (cJSON_Delete) before the document. */
cJSON *slog_doc_to_json(const slog_doc *doc);

/** The JSON of one entry (as in "entries"), or NULL when out of memory. */
cJSON *slog_entry_to_json(const slog_entry *entry);

/** Writes the document's JSON to `out` (followed by a newline), one entry at a
 * time so that memory stays proportional to the largest entry, not to the
 * document. The same members as slog_doc_to_json, "entries" last.
 * Returns SLOG_OK, SLOG_ERR_NOMEM or SLOG_ERR_IO (write error). */
slog_status slog_doc_write_json(const slog_doc *doc, FILE *out, int pretty, slog_error *err);

/** What slog_doc_write_json_opts writes. */
typedef struct {
    int version; /* SLOG_JSON_OPTIONS_VERSION */
    int pretty;
    /* only the entries dated from `since` to `until` ("YYYY-MM-DD", NULL:
     * open), and of the other lists what lies between the first and the
     * last line of those entries */
    const char *since, *until;
    /* entries without their items ("item_counts" by state instead), and
     * the other lists as "counts" */
    int compact;
} slog_json_options;
#define SLOG_JSON_OPTIONS_VERSION 1

/** slog_doc_write_json with a range of entries or in compact form (an
 * agent asking for less of a large log). SLOG_ERR_INVALID for a bad date. */
slog_status slog_doc_write_json_opts(const slog_doc *doc, FILE *out, const slog_json_options *o,
                                     slog_error *err);

/** "lf", "crlf", "cr", "mixed". */
const char *slog_eol_name(slog_eol eol);
/** NULL, "mac_roman", "cp1252". */
const char *slog_mojibake_name(slog_mojibake kind);

#ifdef __cplusplus
}
#endif
#endif
