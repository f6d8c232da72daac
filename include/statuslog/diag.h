/* SPDX-License-Identifier: BSD-2-Clause */
/* statuslog: rules, severities and diagnostics (findings are data). */
#ifndef STATUSLOG_DIAG_H
#define STATUSLOG_DIAG_H

#include <stddef.h>

#include "statuslog/common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum { SLOG_SEV_OFF, SLOG_SEV_INFO, SLOG_SEV_WARNING, SLOG_SEV_ERROR } slog_severity;

#define SLOG_RULE(id, name, severity, fixable, description) SLOG_RULE_##id,
typedef enum {
#include "statuslog/rules.def"
    SLOG_RULE_COUNT
} slog_rule;
#undef SLOG_RULE

typedef struct {
    const char *name;       /* "entry-order" */
    slog_severity severity; /* default */
    int fixable;
    const char *description;
} slog_rule_info;

/** The table entry of a rule. */
const slog_rule_info *slog_rule_get(slog_rule rule);
/** Looks a rule up by name; returns 0 and sets *out, or -1. */
int slog_rule_from_name(const char *name, slog_rule *out);
/** "off", "info", "warning", "error". */
const char *slog_severity_name(slog_severity sev);
int slog_severity_from_name(const char *name, slog_severity *out);

/** One finding. */
typedef struct {
    slog_rule rule;
    slog_severity severity;
    char *file;
    int line, column;
    char *message;
} slog_diag;

/** A growing list of findings; owns its strings. */
typedef struct {
    slog_diag *items;
    size_t count, cap;
} slog_diags;

/** Adds a finding (message printf-style). Returns SLOG_OK or SLOG_ERR_NOMEM. */
slog_status slog_diags_add(slog_diags *list, slog_rule rule, slog_severity severity,
                           const char *file, int line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;
/** Moves every finding of `from` to the end of `to` (`from` is left
 * empty). Returns SLOG_OK or SLOG_ERR_NOMEM (then nothing moved). */
slog_status slog_diags_move(slog_diags *to, slog_diags *from);
/** Sorts by file, then line, then column, keeping the order of equal ones. */
void slog_diags_sort(slog_diags *list);
/** Counts by severity into counts[4] (indexed by slog_severity). */
void slog_diags_count(const slog_diags *list, size_t counts[4]);
/** The worst severity in the list (SLOG_SEV_OFF when empty). */
slog_severity slog_diags_worst(const slog_diags *list);
void slog_diags_free(slog_diags *list);

#ifdef __cplusplus
}
#endif
#endif
