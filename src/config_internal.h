/* The configuration's inside, shared by the stages that read it. */
#ifndef SLOG_CONFIG_INTERNAL_H
#define SLOG_CONFIG_INTERNAL_H

#include <stdarg.h>

#include "patterns.h"
#include "statuslog/config.h"
#include "statuslog/diag.h"
#include "statuslog/doc.h"

typedef struct {
    char *marker; /* as configured */
    char *key;    /* marker without a trailing U+FE0F, what lookups compare */
    size_t keylen;
    slog_state state;
} slog_marker_def;

struct slog_config {
    slog_marker_def *markers;
    size_t nmarkers;
    char **followup_headings; /* lower-case */
    size_t nfollowup_headings;
    int stale_days;
    char *timezone; /* NULL: the machine's local zone */
    slog_severity severity[SLOG_RULE_COUNT];
    char *path; /* the file it was read from, or NULL for defaults */

    slog_regex entry_re; /* finds the date (and time, zone) in a heading */
    int g_date, g_time, g_zone;
    slog_regex marker_re;   /* built from the marker table: leading marker of an item */
    slog_regex resolved_re; /* "(Resolved YYYY-MM-DD ...)" */
    slog_regex meta_re;     /* "Key: value" lines before the first level-2 heading */
};

slog_status slog_config_add_marker(slog_config *config, const char *marker, slog_state state);

/** Adds a finding of `rule` with the severity `config` gives it (none when
 * the rule is off). Shared by lint and check. */
slog_status slog_config_emit(const slog_config *config, slog_diags *out, slog_rule rule,
                             const char *file, int line, const char *fmt, va_list ap)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 0)))
#endif
    ;

/** Compiles the patterns from the current marker table and entry pattern. */
slog_status slog_config_compile(slog_config *config, const char *entry_pattern, slog_error *err);
/** The state of a marker as matched (trailing U+FE0F ignored); NOTE if unknown. */
slog_state slog_config_marker_state(const slog_config *config, const char *marker, size_t len);

#endif
