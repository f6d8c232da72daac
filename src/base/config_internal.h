/* SPDX-License-Identifier: BSD-2-Clause */
/* The configuration's inside, shared by the stages that read it. */
#ifndef SLOG_CONFIG_INTERNAL_H
#define SLOG_CONFIG_INTERNAL_H

#include <stdarg.h>

#include "patterns.h"
#include "statuslog/config.h"
#include "statuslog/diag.h"

enum { SLOG_STALE_DAYS = 14 }; /* stale_days when the configuration has none */
#include "statuslog/doc.h"

/* Group numbers of the date pattern (-1 when absent). The default pattern
 * has all but the five before rm1; a configured entry_pattern has those. */
typedef struct {
    int wd, iy, im, id, m1, d1, y1, d2, m2, y2, n1, nsep, n2, n3, wd2, th, tm, ts, ap, th2, ap2,
        ap3, zone, y3, fd, fm, fy, cy, cm, cd, cw, tt, ap4, pth, ptm, pts, pap, d4, m4, y4, ky, km,
        kd, ky6, km6, kd6, kdy, kdm, kdd;
    int date, time, month, day, year;
    int rm1;    /* the month a spaced range of days ends in: "January 26 - February 1, 2026" */
    int yd, ym; /* a year-less dotted day and month: "31.03." */
    int ua, ub; /* a year-less month and day, alone: "### 8-28", "### 12/3" */
    int yny, ynm, ynd; /* the year first, a month's name: "## 2019 Feb 28" */
} slog_date_groups;

typedef enum { SLOG_ORDER_AUTO, SLOG_ORDER_OLDEST_FIRST, SLOG_ORDER_NEWEST_FIRST } slog_order;

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
    int stale_days; /* SLOG_STALE_DAYS unless configured */
    char *timezone; /* NULL: the machine's local zone */
    slog_severity severity[SLOG_RULE_COUNT];
    char *path; /* the file it was read from, or NULL for defaults */

    int order;               /* slog_order: direction of every log, or found per log */
    int date_order;          /* slog_date_order: how N/N/YYYY is read */
    unsigned stale_states;   /* bit per slog_state: the tasks stale-item follows */
    int custom_date_pattern; /* entry_pattern was configured */
    slog_regex date_re;      /* finds a date (time, zone) in a line: datefind.c */
    slog_regex year_re; /* "March 2026", "2026年3月", "## Q1 2026": a year for what follows */
    slog_date_groups dg;
    slog_regex marker_re;            /* built from the marker table: leading marker of an item */
    unsigned char marker_first[256]; /* bytes that can open a marker (a cheap test first) */
    slog_regex word_re;              /* word markers: "Next:", "**TODO**", "DONE -" */
    unsigned char word_first[256];   /* bytes that can open a word marker ("N", "*", "É", "完") */
    slog_regex resolved_re;          /* "(Resolved YYYY-MM-DD ...)" */
    slog_regex meta_re;              /* "Key: value" lines before the first level-2 heading */
};

/** The configuration to use: `given`, or (when NULL) a default one made
 * into *own, which the caller frees with slog_config_free (NULL when
 * `given` is used). */
slog_status slog_config_use(const slog_config *given, slog_config **own, slog_config **use,
                            slog_error *err);

slog_status slog_config_add_marker(slog_config *config, const char *marker, slog_state state);

/** Adds a finding of `rule` with the severity `config` gives it (none when
 * the rule is off). Shared by lint and check. */
slog_status slog_config_emit(const slog_config *config, slog_diags *out, slog_rule rule,
                             const char *file, int line, const char *fmt, va_list ap)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 0)))
#endif
    ;

/** Compiles the patterns from the current marker table and the entry
 * pattern (NULL: the built-in date forms of SPEC §1). */
slog_status slog_config_compile(slog_config *config, const char *entry_pattern, slog_error *err);

/** The built-in date pattern (datefind.c). */
extern const char *const SLOG_DATE_PATTERN[]; /* parts, NULL-terminated */
/** A month and year, or a heading naming a year (datefind.c). */
extern const char *const SLOG_YEAR_PATTERN;
/** The state of a word marker as written ("Next", "TO DO"); NOTE if unknown. */
slog_state slog_config_word_state(const slog_config *config, const char *word, size_t len);
/** The state of a marker as matched (trailing U+FE0F ignored); NOTE if unknown. */
slog_state slog_config_marker_state(const slog_config *config, const char *marker, size_t len);

#endif
