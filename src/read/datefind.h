/* SPDX-License-Identifier: BSD-2-Clause */
/* Finding dates in text (SPEC §1 r2): ISO, YYYY/MM/DD, month names (English,
 * any case, with or without a weekday or an ordinal), numeric M/D/YYYY (or
 * D/M/YYYY) and D.M.YYYY, year-less month-name dates; then an optional time
 * (24- or 12-hour, the first time of a range) and zone. One PCRE2 pattern,
 * compiled once per configuration; this file turns its groups into numbers. */
#ifndef SLOG_DATEFIND_H
#define SLOG_DATEFIND_H

#include <stddef.h>

#include "statuslog/common.h"

typedef struct slog_config slog_config;

typedef enum { SLOG_DMY_AUTO, SLOG_DMY_MDY, SLOG_DMY_DMY } slog_date_order;

/* How a date is written. */
typedef enum {
    SLOG_FORM_YMD,       /* 2026-03-09, 2026/03/09, 2026.03.09 */
    SLOG_FORM_MONTH_DAY, /* Mar 9, 2026; March 9th */
    SLOG_FORM_DAY_MONTH, /* 9 March 2026 */
    SLOG_FORM_NUMERIC,   /* 3/9/2026, 9.3.2026 */
    SLOG_FORM_CJK,       /* 2026年3月9日, 2026년 3월 9일, 3月9日, 2026. 3. 9. */
    SLOG_FORM_COMPACT    /* 20260309, 260309 */
} slog_date_form;

/* The language of a month or weekday name. */
enum {
    SLOG_LANG_EN,
    SLOG_LANG_DE,
    SLOG_LANG_FR,
    SLOG_LANG_ES,
    SLOG_LANG_IT,
    SLOG_LANG_PT,
    SLOG_LANG_NL,
    SLOG_LANG_JA,
    SLOG_LANG_KO,
    SLOG_LANG_ZH,
    SLOG_LANG_TR,
    SLOG_LANG_PL,
    SLOG_LANG_RU,
    SLOG_LANG_UK,
    SLOG_LANG_SV,
    SLOG_LANG_ID,
    SLOG_LANG_CS
};

/** A date as found in a line of text. Offsets are bytes into that text. */
typedef struct {
    size_t start, end;                 /* everything the date takes: weekday .. zone */
    size_t date_start, date_end;       /* the date itself, as written */
    size_t time_start, time_end;       /* the time as written (0, 0 without) */
    size_t zone_start, zone_end;       /* the zone as written (0, 0 without) */
    int year, month, day;              /* year 0 when the text has none */
    int weekday;                       /* 0 Monday .. 6 Sunday as written, -1 none */
    int seconds;                       /* time of day in seconds (24-hour), -1 without */
    int has_seconds;                   /* the time was written with seconds */
    int time_valid;                    /* 0 for 25:10 */
    int iso;                           /* written YYYY-MM-DD */
    int numeric;                       /* written N/N/YYYY: month and day may swap */
    int dotted;                        /* written N.N.YYYY (day first unless the document says) */
    int first, second;                 /* the two leading numbers of a numeric date */
    int day_first_forced;              /* N/N/YYYY whose first number can only be a day */
    int alone_only;                    /* "03.02.24", "2-17-24": a date only when the text
                                          is nothing else (else a version or a range) */
    int custom;                        /* found by a configured entry_pattern */
    slog_date_form form;               /* how the date is written */
    size_t weekday_start, weekday_end; /* the weekday as written (0, 0 without) */
    size_t month_start, month_end;     /* a month name as written */
    int month_lang, weekday_lang;      /* SLOG_LANG_*: the language they are written in */
    int end_month, end_day;            /* a range's last day (0, 0: no range) */
} slog_found_date;

/** Finds the first date in s[from, len) that is not only a plan for the
 * future ("Due 2026-03-09", "Week of ..."): 1 and *out, or 0. With `anchored`
 * the date must start at `from` (after spaces). Year-less dates are found
 * only where they open the text (an ordinary "5 May" in a sentence is not a
 * date to a reader). */
int slog_find_date(slog_config *c, const char *s, size_t len, size_t from, int anchored,
                   slog_found_date *out);

/** Like slog_find_date but any date, future ones included, with a year:
 * what year-less dates take their year from. Returns the end offset of the
 * match in *next (to continue searching). */
int slog_find_full_date(slog_config *c, const char *s, size_t len, size_t from,
                        slog_found_date *out, size_t *next);

/** The next line in s[from, len) that gives year-less dates below it a year
 * when no full date is nearer: one that is only a year, or a month, quarter
 * or week and a year ("## Q1 2026", "**März 2026**"). 1 with the year, the
 * line's start in *at and its end in *next, or 0 (always 0 under a
 * configured entry_pattern). */
int slog_find_year_mention(slog_config *c, const char *s, size_t len, size_t from, int *year,
                           size_t *at, size_t *next);

/** The day number of a found date (its year known), or 0 when it is not a
 * calendar date. */
int slog_found_day(const slog_found_date *f, long *day);

/** The full name, in lower case, of a month (1..12) or weekday (0 Monday)
 * in a language (SLOG_LANG_*); a Japanese, Korean or Chinese weekday is the
 * one character that names it. */
const char *slog_month_name(int lang, int month);
const char *slog_weekday_name(int lang, int weekday);

/** The weekday (0 Monday) a Japanese, Korean or Chinese weekday in s[a, b)
 * names, -1 for none; *at is where its naming character starts. */
int slog_cjk_weekday(const char *s, size_t a, size_t b, size_t *at, int *lang);

/** "YYYY-MM-DD" of year, month, day (any numbers, zero padded) into buf[11]. */
void slog_format_ymd(int year, int month, int day, char *buf);

/** 1 when the words just before offset `at` of s say that what follows is a
 * plan ("Due", "Week of", "Deadline:", "Starts", "ETA", "Next update"...). */
int slog_future_prefix(const char *s, size_t at);

/** s[0, len) opens with "Week of", markup and symbols before it aside
 * ("## Week of 2026-03-02", "**Week of** Mar 2"): the offset after it, else
 * 0. Whether such a heading is an entry depends on its section
 * (build_week_of_record), which the skeleton keeps whole. */
size_t slog_opens_week_of(const char *s, size_t len);

#endif
