/* SPDX-License-Identifier: BSD-2-Clause */
/* Calendar dates, times of day and zones: parsing, validation, day numbers. */
#ifndef SLOG_DATES_H
#define SLOG_DATES_H

/** Parses exactly "YYYY-MM-DD" (first 10 bytes of s). Returns 1 and fills
 * *day (days since 1970-01-01) for a calendar date, 0 otherwise. */
int slog_date_parse(const char *s, long *day);
/** Days since 1970-01-01 of a proleptic Gregorian date (no validation). */
long slog_days_from_civil(int y, int m, int d);
/** The inverse of slog_days_from_civil. */
void slog_civil_from_days(long day, int *y, int *m, int *d);
/** Formats a day number as "YYYY-MM-DD" into buf (at least 11 bytes). */
void slog_date_format(long day, char *buf);
/** 1 when year is a leap year. */
int slog_is_leap(int year);
/** Parses "H:MM", "HH:MM" or "HH:MM:SS"; returns seconds of the day or -1. */
int slog_time_parse(const char *s);
/** Offset in minutes east of UTC of a zone written as "Z", "UTC", "+02:00",
 * "-0600" or a common abbreviation ("MDT"). Returns 1 when known. */
int slog_zone_offset(const char *zone, int *minutes);
/** "PT", "MT", "CT", "ET": a US zone's offset on day `day`, summer time
 * included (PT is PDT in July, PST in January). 0 when `zone` is none of them. */
int slog_us_zone_offset(const char *zone, long day, int *minutes);

/** 0 for Monday .. 6 for Sunday. */
int slog_weekday(long day);
/** ISO 8601 week-numbering year and week of a day. */
void slog_iso_week(long day, int *year, int *week);
/** Monday of ISO week `week` of `year`; 0 when the year has no such week. */
int slog_iso_week_monday(int year, int week, long *monday);

#endif
