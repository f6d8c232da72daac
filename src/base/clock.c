/* SPDX-License-Identifier: BSD-2-Clause */
/* Instants and "today": times written with a zone are compared as instants;
 * a time without one is taken in the configured zone (an offset, an
 * abbreviation, or an IANA name looked up through the C library's TZ). */
#include "dates.h"
#include "statuslog/doc.h"
#include "statuslog/lint.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Runs mktime/localtime under TZ=tz (tz NULL: the process's zone). Changing
 * TZ is process-wide: the threads of a parallel loop take turns (every use
 * of TZ in the library is here). Another thread of the program that reads
 * the environment meanwhile is the caller's business, as with setenv. */
static pthread_mutex_t tz_lock = PTHREAD_MUTEX_INITIALIZER;

typedef struct {
    char *saved;
    int had, switched;
} tz_switch;

static void tz_enter(tz_switch *s, const char *tz)
{
    memset(s, 0, sizeof *s);
    pthread_mutex_lock(&tz_lock);
    if (!tz)
        return;
    const char *cur = getenv("TZ");
    s->had = cur != NULL;
    s->saved = cur ? strdup(cur) : NULL;
    s->switched = setenv("TZ", tz, 1) == 0;
    tzset();
}

static void tz_leave(tz_switch *s)
{
    if (s->switched) {
        if (s->had && s->saved)
            setenv("TZ", s->saved, 1);
        else
            unsetenv("TZ");
        tzset();
    }
    free(s->saved);
    pthread_mutex_unlock(&tz_lock);
}

/* Offset (minutes east of UTC) of local time `day` + `seconds` in `tz`. */
static int zone_offset_at(const char *tz, long day, int seconds)
{
    int minutes;
    if (tz && slog_zone_offset(tz, &minutes))
        return minutes;
    tz_switch s;
    tz_enter(&s, tz);
    struct tm tm = {0};
    int y, m, d;
    slog_civil_from_days(day, &y, &m, &d);
    tm.tm_year = y - 1900;
    tm.tm_mon = m - 1;
    tm.tm_mday = d;
    tm.tm_hour = seconds / 3600;
    tm.tm_min = seconds / 60 % 60;
    tm.tm_sec = seconds % 60;
    tm.tm_isdst = -1;
    minutes = mktime(&tm) == (time_t)-1 ? 0 : (int)(tm.tm_gmtoff / 60);
    tz_leave(&s);
    return minutes;
}

int slog_entry_instant(const slog_entry *e, const char *zone, long long *out)
{
    if (!e->date_valid || e->seconds < 0)
        return -1;
    int offset = e->zone_known ? e->zone_offset : zone_offset_at(zone, e->day, e->seconds);
    *out = (long long)e->day * 86400 + e->seconds - (long long)offset * 60;
    return 0;
}

long slog_today(const char *zone)
{
    time_t now = time(NULL);
    int minutes;
    if (zone && slog_zone_offset(zone, &minutes))
        return (long)((now + (time_t)minutes * 60) / 86400);
    tz_switch s;
    tz_enter(&s, zone);
    struct tm tm;
    long day = localtime_r(&now, &tm)
                   ? slog_days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday)
                   : (long)(now / 86400);
    tz_leave(&s);
    return day;
}

int slog_parse_date(const char *s, long *day)
{
    return strlen(s) == 10 && slog_date_parse(s, day) ? 0 : -1;
}

void slog_format_date(long day, char out[11])
{
    slog_date_format(day, out);
}
