/* SPDX-License-Identifier: BSD-2-Clause */
/* statuslog: reporters — findings in the formats CI systems read. */
#ifndef STATUSLOG_REPORT_H
#define STATUSLOG_REPORT_H

#include <stdio.h>

#include "statuslog/diag.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    SLOG_FORMAT_TEXT,
    SLOG_FORMAT_JSON,
    SLOG_FORMAT_GITHUB,
    SLOG_FORMAT_SARIF
} slog_format;

/** "text", "json", "github", "sarif"; 0 and *out set, or -1. */
int slog_format_from_name(const char *name, slog_format *out);

/** Writes the (sorted) findings to `out`:
 *  text    FILE:LINE:COL: SEVERITY: MESSAGE [RULE], one a line
 *  json    {"schema":"statuslog-diagnostics/1","diagnostics":[...],"summary":{...}}
 *  github  ::error file=F,line=L,col=C,title=RULE::MESSAGE (warning, notice)
 *  sarif   SARIF 2.1.0, every rule of the table in tool.driver.rules
 * Returns SLOG_OK, SLOG_ERR_NOMEM or SLOG_ERR_IO. */
slog_status slog_report(slog_format format, const slog_diags *diags, FILE *out, slog_error *err);

#ifdef __cplusplus
}
#endif
#endif
