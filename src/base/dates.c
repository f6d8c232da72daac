/* SPDX-License-Identifier: BSD-2-Clause */
/* Dates, times and zones; see dates.h. */
#include "dates.h"

#include <string.h>
#include <strings.h>

int slog_is_leap(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && slog_is_leap(y) ? 29 : days[m - 1];
}

/* Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar. */
long slog_days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void slog_civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

void slog_date_format(long day, char *buf)
{
    int y, m, d;
    slog_civil_from_days(day, &y, &m, &d);
    unsigned yy = (unsigned)((y % 10000 + 10000) % 10000);
    unsigned v[3] = {yy, (unsigned)m, (unsigned)d};
    char *p = buf;
    *p++ = (char)('0' + yy / 1000);
    *p++ = (char)('0' + yy / 100 % 10);
    for (int i = 0; i < 3; i++) {
        if (i)
            *p++ = '-';
        *p++ = (char)('0' + v[i] / 10 % 10);
        *p++ = (char)('0' + v[i] % 10);
    }
    *p = '\0';
}

static int digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 1;
}

int slog_date_parse(const char *s, long *day)
{
    int y, m, d;
    if (!digits(s, 4, &y) || s[4] != '-' || !digits(s + 5, 2, &m) || s[7] != '-' ||
        !digits(s + 8, 2, &d))
        return 0;
    if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return 0;
    *day = slog_days_from_civil(y, m, d);
    return 1;
}

int slog_time_parse(const char *s)
{
    int h, mi, sec = 0;
    size_t hl = s[1] == ':' ? 1 : 2;
    if (!digits(s, (int)hl, &h) || s[hl] != ':' || !digits(s + hl + 1, 2, &mi))
        return -1;
    const char *rest = s + hl + 3;
    if (*rest == ':' && !digits(rest + 1, 2, &sec))
        return -1;
    if (h > 23 || mi > 59 || sec > 60)
        return -1;
    return h * 3600 + mi * 60 + sec;
}

static const struct {
    const char *name;
    int minutes;
} zone_names[] = {
    {"Z", 0},      {"UTC", 0},     {"GMT", 0},     {"WET", 0},    {"WEST", 60},  {"BST", 60},
    {"CET", 60},   {"CEST", 120},  {"EET", 120},   {"EEST", 180}, {"MSK", 180},  {"IST", 330},
    {"JST", 540},  {"KST", 540},   {"AEST", 600},  {"AEDT", 660}, {"NZST", 720}, {"NZDT", 780},
    {"HST", -600}, {"AKST", -540}, {"AKDT", -480}, {"PST", -480}, {"PDT", -420}, {"MST", -420},
    {"MDT", -360}, {"CST", -360},  {"CDT", -300},  {"EST", -300}, {"EDT", -240}, {"AST", -240},
    {"ADT", -180}, {"NST", -210},  {"NDT", -150},
};

/* US DST on day `day`: from the second Sunday of March to the first
 * Sunday of November (by the day: the hour of the change aside). */
static int us_summer(long day)
{
    int y, m, d;
    slog_civil_from_days(day, &y, &m, &d);
    long march = slog_days_from_civil(y, 3, 1), november = slog_days_from_civil(y, 11, 1);
    /* slog_weekday: Monday 0 .. Sunday 6 */
    long start = march + (6 - slog_weekday(march)) + 7; /* the second Sunday */
    long end = november + (6 - slog_weekday(november)); /* the first Sunday */
    return day >= start && day < end;
}

int slog_us_zone_offset(const char *zone, long day, int *minutes)
{
    static const struct {
        const char *name;
        int standard;
    } us[] = {{"PT", -480}, {"MT", -420}, {"CT", -360}, {"ET", -300}};
    for (size_t i = 0; zone && i < sizeof us / sizeof *us; i++)
        if (!strcmp(zone, us[i].name)) {
            *minutes = us[i].standard + (us_summer(day) ? 60 : 0);
            return 1;
        }
    return 0;
}

/* The two digits after a sign. */
static int h_of(const char *zone)
{
    return (zone[1] - '0') * 10 + (zone[2] - '0');
}

int slog_zone_offset(const char *zone, int *minutes)
{
    if (!zone || !*zone)
        return 0;
    size_t zl = strlen(zone);
    char trimmed[16];
    if (zl > 2 && zl < sizeof trimmed && (zone[zl - 1] == 'Z' || zone[zl - 1] == 'z') &&
        zone[zl - 2] >= '0' && zone[zl - 2] <= '9') { /* "+00:00Z": the Z says it again */
        memcpy(trimmed, zone, zl - 1);
        trimmed[zl - 1] = '\0';
        zone = trimmed;
    }
    int prefixed = (!strncasecmp(zone, "UTC", 3) || !strncasecmp(zone, "GMT", 3)) &&
                   (zone[3] == '+' || zone[3] == '-');
    if (prefixed)
        zone += 3;
    if (zone[0] == '+' || zone[0] == '-') { /* +HHMM, +HH:MM; after UTC also +H, +HH, +H:MM */
        int nd = 0, h, m = 0;
        while (nd < 5 && zone[1 + nd] >= '0' && zone[1 + nd] <= '9')
            nd++;
        int colon = zone[1 + nd] == ':';
        int hl = colon ? nd : nd == 4 || nd == 3 ? nd - 2 : nd;
        const char *mm = zone + 1 + hl + colon;
        size_t ml = strlen(mm);
        if (hl < 1 || hl > 2 || (ml != 0 && ml != 2) || (ml == 0 && colon))
            return 0;
        if (!prefixed && (hl != 2 || (ml != 2 && (colon || h_of(zone) > 14))))
            return 0; /* a bare offset: +HHMM, +HH:MM, or ISO's +HH */
        if (!digits(zone + 1, hl, &h) || (ml && !digits(mm, 2, &m)) || h > 23 || m > 59)
            return 0;
        *minutes = (zone[0] == '-' ? -1 : 1) * (h * 60 + m);
        return 1;
    }
    for (size_t i = 0; i < sizeof zone_names / sizeof zone_names[0]; i++) {
        if (strcasecmp(zone, zone_names[i].name) == 0) {
            *minutes = zone_names[i].minutes;
            return 1;
        }
    }
    return 0;
}

int slog_weekday(long day)
{
    return (int)(((day % 7) + 7 + 3) % 7); /* 1970-01-01 was a Thursday */
}

void slog_iso_week(long day, int *year, int *week)
{
    long thursday = day - slog_weekday(day) + 3;
    int y, m, d;
    slog_civil_from_days(thursday, &y, &m, &d);
    *year = y;
    *week = (int)((thursday - slog_days_from_civil(y, 1, 1)) / 7 + 1);
}

int slog_iso_week_monday(int year, int week, long *monday)
{
    long jan4 = slog_days_from_civil(year, 1, 4);
    long week1 = jan4 - slog_weekday(jan4);
    int y, w;
    slog_iso_week(slog_days_from_civil(year, 12, 28), &y, &w); /* the last week */
    if (week < 1 || week > w)
        return 0;
    *monday = week1 + (long)(week - 1) * 7;
    return 1;
}
