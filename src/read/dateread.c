/* SPDX-License-Identifier: BSD-2-Clause */
/* What a match of the date pattern says (dateread.h): its groups turned
 * into numbers — month names to numbers, 12-hour to 24-hour, which of a
 * numeric date's numbers is the day. datefind.c decides where a date is. */
#include "dateread.h"
#include "datenames.h"

#include "config_internal.h"
#include "dates.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

static int group(const slog_regex *re, int n, const char *s, size_t *a, size_t *b)
{
    (void)s;
    return n >= 0 && slog_regex_group(re, n, a, b);
}

int slog_date_number(const char *s, size_t a, size_t b)
{
    int v = 0;
    for (size_t i = a; i < b && i < a + 6; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

static int to_24(int hour, const char *s, size_t a)
{
    int pm = (s[a] | 0x20) == 'p';
    if (hour == 12)
        return pm ? 12 : 0;
    return pm ? hour + 12 : hour;
}

static void read_time(const slog_config *c, const char *s, slog_found_date *f)
{
    const slog_regex *re = &c->date_re;
    const slog_date_groups *g = &c->dg;
    size_t a, b, ta, tb;
    int h, m = 0, sec = 0, twelve = 0;
    if (group(re, g->th, s, &ta, &tb)) {
        h = slog_date_number(s, ta, tb);
        group(re, g->tm, s, &a, &tb);
        m = slog_date_number(s, a, tb);
        if (group(re, g->ts, s, &a, &b)) {
            sec = slog_date_number(s, a, b);
            f->has_seconds = 1;
            tb = b;
        }
        if (group(re, g->ap, s, &a, &b))
            tb = b; /* "2:30 p.m." is the time as written */
        twelve = group(re, g->ap, s, &a, &b) || group(re, g->ap3, s, &a, &b) ||
                 group(re, g->ap4, s, &a, &b);
    } else if (group(re, g->th2, s, &ta, &tb)) {
        h = slog_date_number(s, ta, tb);
        group(re, g->ap2, s, &a, &b);
        tb = b;
        twelve = 1;
    } else if (group(re, g->pth, s, &ta, &tb)) { /* before the date */
        h = slog_date_number(s, ta, tb);
        group(re, g->ptm, s, &a, &tb);
        m = slog_date_number(s, a, tb);
        if (group(re, g->pts, s, &a, &b)) {
            sec = slog_date_number(s, a, b);
            f->has_seconds = 1;
            tb = b;
        }
        twelve = group(re, g->pap, s, &a, &b);
        if (twelve)
            tb = b;
    } else {
        return;
    }
    f->time_valid = !twelve || (h >= 1 && h <= 12);
    if (twelve)
        h = to_24(h, s, a);
    if (h > 23 || m > 59 || sec > 60)
        f->time_valid = 0;
    f->time_start = ta;
    f->time_end = tb;
    f->seconds = h * 3600 + m * 60 + sec;
}

typedef int (*month_reader)(const char *s, size_t a, size_t b, int *lang);

/* "9 March 2026", "9. März 2026", "9 de marzo": a day, a month name (read by
 * `month`) and maybe a year, in the groups named. */
static void read_day_month(const slog_regex *re, const char *s, slog_found_date *f, int day,
                           int month_name, int year, month_reader month)
{
    size_t a, b;
    group(re, day, s, &a, &b);
    f->date_start = a;
    f->day = slog_date_number(s, a, b);
    group(re, month_name, s, &a, &b);
    f->month = month(s, a, b, &f->month_lang);
    f->month_start = a;
    f->month_end = b;
    f->form = SLOG_FORM_DAY_MONTH;
    f->date_end = b;
    if (group(re, year, s, &a, &b)) {
        f->year = slog_date_number(s, a, b);
        f->date_end = b;
    }
}

static void read_default(slog_config *c, const char *s, slog_found_date *f)
{
    const slog_regex *re = &c->date_re;
    const slog_date_groups *g = &c->dg;
    size_t a, b, ya, yb;
    if (group(re, g->iy, s, &a, &b)) {
        f->date_start = a;
        f->year = slog_date_number(s, a, b);
        group(re, g->im, s, &a, &b);
        f->month = slog_date_number(s, a, b);
        group(re, g->id, s, &a, &b);
        f->day = slog_date_number(s, a, b);
        f->date_end = b;
        f->iso = b - f->date_start == 10 && s[f->date_start + 4] == '-';
        f->form = SLOG_FORM_YMD;
        if (s[f->date_start + 4] != '-' && (f->month > 12 || f->day > 31))
            f->month = 0; /* 2020.15.40: numbers, no date */
    } else if (group(re, g->m1, s, &a, &b)) {
        f->date_start = a;
        f->month = slog_month_number(s, a, b, &f->month_lang);
        f->month_start = a;
        f->month_end = b;
        f->form = SLOG_FORM_MONTH_DAY;
        group(re, g->d1, s, &a, &b);
        f->day = slog_date_number(s, a, b);
        f->date_end = b;
        while (f->date_end < f->end && (s[f->date_end] | 0x20) >= 'a' &&
               (s[f->date_end] | 0x20) <= 'z')
            f->date_end++; /* the ordinal */
        if (group(re, g->y1, s, &ya, &yb)) {
            if (yb - ya == 4 && s[ya] >= '0' && s[ya] <= '9') {
                f->year = slog_date_number(s, ya, yb);
            } else { /* "'23": a two-digit year after an apostrophe */
                f->year = slog_date_number(s, yb - 2, yb);
                f->year += f->year < 70 ? 2000 : 1900;
            }
            f->date_end = yb;
            int lang;
            /* "December 29 - January 2, 2026": the range began the year before */
            if (group(re, g->rm1, s, &a, &b) && slog_month_number(s, a, b, &lang) < f->month)
                f->year--;
        }
    } else if (group(re, g->d2, s, &a, &b)) {
        read_day_month(re, s, f, g->d2, g->m2, g->y2, slog_month_number);
    } else if (group(re, g->n1, s, &a, &b)) {
        f->date_start = a;
        f->first = slog_date_number(s, a, b);
        group(re, g->n2, s, &a, &b);
        f->second = slog_date_number(s, a, b);
        group(re, g->n3, s, &a, &b);
        f->year = slog_date_number(s, a, b);
        f->date_end = b;
        int short_year = b - a == 2;
        group(re, g->nsep, s, &a, &b);
        /* D.M.YYYY is day first, unless the document writes 03.15.2025 */
        int dotted = s[a] == '.';
        /* "11/11/25" is a date where the form is clear (SPEC §1 r3); "3.10.12"
         * and "1-2-25" are a version and a range as often */
        if (short_year)
            f->year += f->year < 70 ? 2000 : 1900;
        f->numeric = 1;
        f->dotted = dotted;
        f->form = SLOG_FORM_NUMERIC;
        f->day_first_forced = f->first > 12 && f->second <= 12;
        int day_first = f->day_first_forced || (dotted && f->second <= 12) ||
                        (c->date_order == SLOG_DMY_DMY && f->second <= 12);
        f->month = day_first ? f->second : f->first;
        f->day = day_first ? f->first : f->second;
        f->alone_only = short_year && s[a] != '/';
        if (f->month > 12 || f->day > 31 || f->year < 1970 || f->year > 2199)
            f->month = 0; /* 10.15.3847 is a version number, not 3847-15-10 */
    } else if (group(re, g->fd, s, &a, &b)) {
        read_day_month(re, s, f, g->fd, g->fm, g->fy, slog_other_month_number);
    } else if (group(re, g->d4, s, &a, &b)) { /* the range's first day */
        read_day_month(re, s, f, g->d4, g->m4, g->y4, slog_month_number);
    } else if (group(re, g->ky, s, &a, &b) || group(re, g->ky6, s, &a, &b)) {
        int six = b - a == 2;
        f->date_start = a;
        f->year = slog_date_number(s, a, b);
        if (six)
            f->year += f->year < 70 ? 2000 : 1900;
        group(re, six ? g->km6 : g->km, s, &a, &b);
        f->month = slog_date_number(s, a, b);
        group(re, six ? g->kd6 : g->kd, s, &a, &b);
        f->day = slog_date_number(s, a, b);
        f->date_end = b;
        f->form = SLOG_FORM_COMPACT;
    } else if (group(re, g->kdy, s, &a, &b)) {
        f->date_start = a;
        f->year = slog_date_number(s, a, b);
        group(re, g->kdm, s, &a, &b);
        f->month = slog_date_number(s, a, b);
        group(re, g->kdd, s, &a, &b);
        f->day = slog_date_number(s, a, b);
        f->date_end = b < f->end && s[b] == '.' ? b + 1 : b;
        f->form = SLOG_FORM_CJK; /* its numbers in the template's places */
    } else if (group(re, g->yny, s, &a, &b)) {
        f->date_start = a;
        f->year = slog_date_number(s, a, b);
        group(re, g->ynm, s, &a, &b);
        f->month = slog_month_number(s, a, b, &f->month_lang);
        f->month_start = a;
        f->month_end = b;
        group(re, g->ynd, s, &a, &b);
        f->day = slog_date_number(s, a, b);
        f->date_end = b;
        while (f->date_end < f->end && (s[f->date_end] | 0x20) >= 'a' &&
               (s[f->date_end] | 0x20) <= 'z')
            f->date_end++; /* the ordinal */
        f->form = SLOG_FORM_MONTH_DAY;
    } else if (group(re, g->yd, s, &a, &b)) {
        f->date_start = a;
        f->day = slog_date_number(s, a, b);
        group(re, g->ym, s, &a, &b);
        f->month = slog_date_number(s, a, b);
        f->date_end = b + 1; /* the dot after the month */
        f->dotted = 1;
        f->form = SLOG_FORM_NUMERIC;
        if (f->day < 1 || f->day > 31)
            f->month = 0;
    } else if (group(re, g->ua, s, &a, &b)) {
        f->date_start = a;
        f->first = slog_date_number(s, a, b);
        group(re, g->ub, s, &a, &b);
        f->second = slog_date_number(s, a, b);
        f->date_end = b;
        f->numeric = 1;
        f->form = SLOG_FORM_NUMERIC;
        f->alone_only = 1;
        f->day_first_forced = f->first > 12 && f->second <= 12;
        f->month = f->day_first_forced ? f->second : f->first;
        f->day = f->day_first_forced ? f->first : f->second;
        if (f->month < 1 || f->month > 12 || f->day < 1 || f->day > 31)
            f->month = 0;
    } else if (group(re, g->cm, s, &a, &b)) {
        f->date_start = a;
        if (group(re, g->cy, s, &ya, &yb)) {
            f->year = slog_date_number(s, ya, yb);
            f->date_start = ya;
        }
        f->month = slog_date_number(s, a, b);
        group(re, g->cd, s, &a, &b);
        f->day = slog_date_number(s, a, b);
        f->date_end = b;
        static const char *const day_signs[] = {"日", "일", "号", "號"};
        for (size_t i = 0; i < 4; i++)
            if (b + 3 <= f->end && memcmp(s + b, day_signs[i], 3) == 0)
                f->date_end = b + 3;
        f->form = SLOG_FORM_CJK;
    }
    if (group(re, g->y3, s, &ya, &yb) && !f->year)
        f->year = slog_date_number(s, ya, yb);
    if (group(re, g->wd, s, &a, &b) || group(re, g->wd2, s, &a, &b)) {
        f->weekday = slog_weekday_number(s, a, b, &f->weekday_lang);
        f->weekday_start = a;
        f->weekday_end = b;
    } else if (group(re, g->cw, s, &a, &b)) {
        size_t at;
        f->weekday = slog_cjk_weekday(s, a, b, &at, &f->weekday_lang);
        f->weekday_start = a;
        f->weekday_end = b;
    }
    read_time(c, s, f);
    if (group(re, g->zone, s, &a, &b)) {
        f->zone_start = a;
        f->zone_end = b;
    }
}

/* What a configured pattern's label leaves out: its date, time and zone
 * groups (its other words stay). */
static void custom_span(const slog_found_date *f, size_t *start, size_t *end)
{
    *start = f->date_end > f->date_start ? f->date_start : f->start;
    *end = f->date_end > f->date_start ? f->date_end : f->end;
    if (f->time_end > f->time_start && f->time_end > *end)
        *end = f->time_end;
    if (f->zone_end > f->zone_start && f->zone_end > *end)
        *end = f->zone_end;
}

/* "H:MM[:SS]" with an optional am/pm, in s[a, b). */
static void read_clock(const char *s, size_t a, size_t b, slog_found_date *f)
{
    int part[3] = {0, 0, 0}, n = 0, digits = 0;
    size_t i = a;
    for (; i < b && n < 3; i++) {
        if (s[i] >= '0' && s[i] <= '9' && digits < 2) {
            part[n] = part[n] * 10 + (s[i] - '0');
            digits++;
        } else if (s[i] == ':' && digits) {
            n++;
            digits = 0;
        } else {
            break;
        }
    }
    n += digits > 0;
    while (i < b && s[i] == ' ')
        i++;
    int twelve = i < b && ((s[i] | 0x20) == 'a' || (s[i] | 0x20) == 'p');
    int h = part[0];
    f->time_valid = n >= 1 && (!twelve || (h >= 1 && h <= 12));
    if (twelve)
        h = to_24(h, s, i);
    if (h > 23 || part[1] > 59 || part[2] > 60 || (n < 2 && !twelve))
        f->time_valid = 0;
    f->has_seconds = n == 3;
    f->time_start = a;
    f->time_end = b;
    f->seconds = h * 3600 + part[1] * 60 + part[2];
}

/* A configured entry_pattern: `date` (ISO) or `month`, `day`, `year`;
 * `time` ("H:MM[:SS]", "2 PM"); `zone`. */
static void read_custom(slog_config *c, const char *s, slog_found_date *f)
{
    const slog_regex *re = &c->date_re;
    const slog_date_groups *g = &c->dg;
    size_t a, b;
    f->custom = 1;
    if (group(re, g->date, s, &a, &b)) {
        f->date_start = a;
        f->date_end = b;
    }
    if (g->month >= 0 && group(re, g->month, s, &a, &b)) {
        f->month = s[a] >= '0' && s[a] <= '9' ? slog_date_number(s, a, b)
                                              : slog_month_number(s, a, b, &f->month_lang);
        if (!f->month && !(s[a] >= '0' && s[a] <= '9'))
            f->month = slog_other_month_number(s, a, b, &f->month_lang); /* "März" */
        if (group(re, g->day, s, &a, &b))
            f->day = slog_date_number(s, a, b);
        if (group(re, g->year, s, &a, &b))
            f->year = slog_date_number(s, a, b);
    } else if (f->date_end > f->date_start && f->date_end - f->date_start >= 10) {
        const char *d = s + f->date_start;
        int ok = 1;
        for (int i = 0; i < 10; i++)
            ok &= i == 4 || i == 7 ? d[i] == '-' : d[i] >= '0' && d[i] <= '9';
        if (ok) {
            f->year = slog_date_number(d, 0, 4);
            f->month = slog_date_number(d, 5, 7);
            f->day = slog_date_number(d, 8, 10);
            f->iso = 1;
        }
    }
    if (group(re, g->time, s, &a, &b))
        read_clock(s, a, b, f);
    if (group(re, g->zone, s, &a, &b)) {
        f->zone_start = a;
        f->zone_end = b;
    }
    if (g->month >= 0 && group(re, g->month, s, &a, &b) && f->date_end == f->date_start) {
        f->date_start = a; /* the date as written: from the first of its parts to the last */
        f->date_end = b;
        const int parts[2] = {g->day, g->year};
        for (int i = 0; i < 2; i++)
            if (group(re, parts[i], s, &a, &b)) {
                if (a < f->date_start)
                    f->date_start = a;
                if (b > f->date_end)
                    f->date_end = b;
            }
    }
    custom_span(f, &f->start, &f->end);
}
void slog_date_read(slog_config *c, const char *s, slog_found_date *f)
{
    if (c->custom_date_pattern)
        read_custom(c, s, f);
    else
        read_default(c, s, f);
}
