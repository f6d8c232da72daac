/* SPDX-License-Identifier: BSD-2-Clause */
/* statuslog: the digest view model (SPEC §5) — what got done, what is still
 * open and for how long, checklist progress — per document and in total. */
#ifndef STATUSLOG_DIGEST_H
#define STATUSLOG_DIGEST_H

#include <cjson/cJSON.h>

#include "statuslog/config.h"
#include "statuslog/doc.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A period of whole days, both ends included (days since 1970-01-01). */
typedef struct {
    long since, until;
    int iso_year, iso_week; /* when given as a week, else 0 */
} slog_period;

/** "YYYY-Www" to Monday..Sunday; SLOG_ERR_INVALID for a week the year lacks. */
slog_status slog_period_from_week(const char *week, slog_period *out, slog_error *err);
/** The `days` days ending on `until`. */
slog_period slog_period_days(long until, int days);

typedef struct {
    unsigned version;
    const slog_config *config; /* for lint counts and thresholds; NULL: defaults */
    slog_period period;
    long today; /* the digest is computed as of the end of the period, or of
                   this day when it comes first (0: the end of the period) */
    int all;    /* version 2: list the quiet documents too ("quiet") */
} slog_digest_options;

#define SLOG_DIGEST_OPTIONS_VERSION 2

/** The digest root {"schema": "statuslog-digest/1", "period", "totals",
 * "attention", "documents", "quiet_documents", "quiet", "days"}; NULL when
 * out of memory. */
cJSON *slog_digest_new(const slog_digest_options *opts);

/** Adds a document: a section in "documents" when it is active (an entry in
 * the period, or an item that needs attention), else a count in
 * "quiet_documents". The strings are copied: the document may be freed. */
slog_status slog_digest_add(cJSON *digest, const slog_doc *doc, const slog_digest_options *opts,
                            slog_error *err);

/** Completes the digest once every document is in: attention sorted oldest
 * first, the summary line and other phrases, the chart. */
slog_status slog_digest_finish(cJSON *digest, slog_error *err);

/** The built-in template of a digest format ("markdown", "html", "text"),
 * or NULL for another name. */
const char *slog_digest_template(const char *format, size_t *len);

#ifdef __cplusplus
}
#endif
#endif
