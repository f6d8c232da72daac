/* SPDX-License-Identifier: BSD-2-Clause */
/* One reporter per file, behind slog_report(). */
#ifndef SLOG_REPORT_INTERNAL_H
#define SLOG_REPORT_INTERNAL_H

#include "statuslog/report.h"

/* Each returns 0, -1 on a write error, -2 when out of memory. */
int slog_report_text(const slog_diags *diags, FILE *out);
int slog_report_json(const slog_diags *diags, FILE *out);
int slog_report_github(const slog_diags *diags, FILE *out);
int slog_report_sarif(const slog_diags *diags, FILE *out);

/** Prints a cJSON tree pretty with a final newline; the same return codes. */
int slog_report_print_json(void *json, FILE *out);

#endif
