/* SPDX-License-Identifier: BSD-2-Clause */
/* Date recognition; see datefind.h. The pattern (datepattern.c) does the
 * finding, this file the arithmetic: month names to numbers, 12-hour to
 * 24-hour, which of a numeric date's numbers is the day. */
#include "datefind.h"
#include "words.h"
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

static int number(const char *s, size_t a, size_t b)
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
        h = number(s, ta, tb);
        group(re, g->tm, s, &a, &tb);
        m = number(s, a, tb);
        if (group(re, g->ts, s, &a, &b)) {
            sec = number(s, a, b);
            f->has_seconds = 1;
            tb = b;
        }
        if (group(re, g->ap, s, &a, &b))
            tb = b; /* "2:30 p.m." is the time as written */
        twelve = group(re, g->ap, s, &a, &b) || group(re, g->ap3, s, &a, &b) ||
                 group(re, g->ap4, s, &a, &b);
    } else if (group(re, g->th2, s, &ta, &tb)) {
        h = number(s, ta, tb);
        group(re, g->ap2, s, &a, &b);
        tb = b;
        twelve = 1;
    } else if (group(re, g->pth, s, &ta, &tb)) { /* before the date */
        h = number(s, ta, tb);
        group(re, g->ptm, s, &a, &tb);
        m = number(s, a, tb);
        if (group(re, g->pts, s, &a, &b)) {
            sec = number(s, a, b);
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
    f->day = number(s, a, b);
    group(re, month_name, s, &a, &b);
    f->month = month(s, a, b, &f->month_lang);
    f->month_start = a;
    f->month_end = b;
    f->form = SLOG_FORM_DAY_MONTH;
    f->date_end = b;
    if (group(re, year, s, &a, &b)) {
        f->year = number(s, a, b);
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
        f->year = number(s, a, b);
        group(re, g->im, s, &a, &b);
        f->month = number(s, a, b);
        group(re, g->id, s, &a, &b);
        f->day = number(s, a, b);
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
        f->day = number(s, a, b);
        f->date_end = b;
        while (f->date_end < f->end && (s[f->date_end] | 0x20) >= 'a' &&
               (s[f->date_end] | 0x20) <= 'z')
            f->date_end++; /* the ordinal */
        if (group(re, g->y1, s, &ya, &yb)) {
            if (yb - ya == 4 && s[ya] >= '0' && s[ya] <= '9') {
                f->year = number(s, ya, yb);
            } else { /* "'23": a two-digit year after an apostrophe */
                f->year = number(s, yb - 2, yb);
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
        f->first = number(s, a, b);
        group(re, g->n2, s, &a, &b);
        f->second = number(s, a, b);
        group(re, g->n3, s, &a, &b);
        f->year = number(s, a, b);
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
        f->year = number(s, a, b);
        if (six)
            f->year += f->year < 70 ? 2000 : 1900;
        group(re, six ? g->km6 : g->km, s, &a, &b);
        f->month = number(s, a, b);
        group(re, six ? g->kd6 : g->kd, s, &a, &b);
        f->day = number(s, a, b);
        f->date_end = b;
        f->form = SLOG_FORM_COMPACT;
    } else if (group(re, g->kdy, s, &a, &b)) {
        f->date_start = a;
        f->year = number(s, a, b);
        group(re, g->kdm, s, &a, &b);
        f->month = number(s, a, b);
        group(re, g->kdd, s, &a, &b);
        f->day = number(s, a, b);
        f->date_end = b < f->end && s[b] == '.' ? b + 1 : b;
        f->form = SLOG_FORM_CJK; /* its numbers in the template's places */
    } else if (group(re, g->yd, s, &a, &b)) {
        f->date_start = a;
        f->day = number(s, a, b);
        group(re, g->ym, s, &a, &b);
        f->month = number(s, a, b);
        f->date_end = b + 1; /* the dot after the month */
        f->dotted = 1;
        f->form = SLOG_FORM_NUMERIC;
        if (f->day < 1 || f->day > 31)
            f->month = 0;
    } else if (group(re, g->ua, s, &a, &b)) {
        f->date_start = a;
        f->first = number(s, a, b);
        group(re, g->ub, s, &a, &b);
        f->second = number(s, a, b);
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
            f->year = number(s, ya, yb);
            f->date_start = ya;
        }
        f->month = number(s, a, b);
        group(re, g->cd, s, &a, &b);
        f->day = number(s, a, b);
        f->date_end = b;
        static const char *const day_signs[] = {"日", "일", "号", "號"};
        for (size_t i = 0; i < 4; i++)
            if (b + 3 <= f->end && memcmp(s + b, day_signs[i], 3) == 0)
                f->date_end = b + 3;
        f->form = SLOG_FORM_CJK;
    }
    if (group(re, g->y3, s, &ya, &yb) && !f->year)
        f->year = number(s, ya, yb);
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
        f->month = s[a] >= '0' && s[a] <= '9' ? number(s, a, b)
                                              : slog_month_number(s, a, b, &f->month_lang);
        if (!f->month && !(s[a] >= '0' && s[a] <= '9'))
            f->month = slog_other_month_number(s, a, b, &f->month_lang); /* "März" */
        if (group(re, g->day, s, &a, &b))
            f->day = number(s, a, b);
        if (group(re, g->year, s, &a, &b))
            f->year = number(s, a, b);
    } else if (f->date_end > f->date_start && f->date_end - f->date_start >= 10) {
        const char *d = s + f->date_start;
        int ok = 1;
        for (int i = 0; i < 10; i++)
            ok &= i == 4 || i == 7 ? d[i] == '-' : d[i] >= '0' && d[i] <= '9';
        if (ok) {
            f->year = number(d, 0, 4);
            f->month = number(d, 5, 7);
            f->day = number(d, 8, 10);
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

size_t slog_opens_week_of(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && !(((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z')))
        i++; /* "#", markup, emoji */
    return i + 7 <= len && !strncasecmp(s + i, "week of", 7) ? i + 7 : 0;
}

/* Words that make a date a plan: "Due 2026-03-09", "Week of ...",
 * "**Deadline**: ...", "Next update: ...". */
int slog_future_prefix(const char *s, size_t at)
{
    static const char *const words[] = {
        "due",         "due by",      "due on",      "deadline",    "week of",       "starts",
        "starting",    "start date",  "starts on",   "eta",         "target",        "target date",
        "until",       "expires",     "expiry",      "scheduled",   "scheduled for", "planned",
        "planned for", "by",          "next update", "next review", "next check",    "next run",
        "next sync",   "next report", "begins",      "launch date", "review by",     "valid until",
        "expected",    "end date",    "ends on",     "finish date", "due date",
    };
    /* the words before, without the separators and markup in between */
    size_t e = at;
    while (e > 0 && s[e - 1] && strchr(" \t:*_([-", s[e - 1]))
        e--;
    size_t b = e;
    int spaces = 0;
    while (b > 0 && (((s[b - 1] | 0x20) >= 'a' && (s[b - 1] | 0x20) <= 'z') ||
                     (s[b - 1] == ' ' && spaces < 2 && b > 1 && s[b - 2] != ' '))) {
        spaces += s[b - 1] == ' ';
        b--;
    }
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        size_t n = strlen(words[i]);
        if (n > e - b)
            continue;
        size_t start = e - n;
        if (start > 0 && ((s[start - 1] | 0x20) >= 'a' && (s[start - 1] | 0x20) <= 'z'))
            continue;
        size_t k = 0;
        while (k < n && (s[start + k] | 0x20) == words[i][k])
            k++;
        if (k == n)
            return 1;
    }
    return 0;
}

/* "Day 5 — Mar 9", "Retro: 9 Mar", "Standup (Mar 9)": a date set apart
 * from the words before it, as a heading's date is; "Notes on Mar 9" is a
 * sentence. */
static int after_separator(const char *s, size_t from, size_t at)
{
    static const char *const seps[] = {
        "\xE2\x80\x94", "\xE2\x80\x93", "\xC2\xB7", "\xE2\x80\xA2", "-", ":", "|", "(", "["};
    while (at > from && (s[at - 1] == ' ' || s[at - 1] == '\t'))
        at--;
    for (size_t i = 0; i < sizeof seps / sizeof *seps; i++) {
        size_t n = strlen(seps[i]);
        if (at >= from + n && memcmp(s + at - n, seps[i], n) == 0)
            return n > 1 || s[at - 1] != '-' || (at - n > from && s[at - n - 1] == ' ');
    }
    return 0;
}

static size_t skip_spaces(const char *s, size_t len, size_t i)
{
    while (i < len && (s[i] == ' ' || s[i] == '\t'))
        i++;
    return i;
}

/* Nothing in s[from, to) but spaces, punctuation and markup: no letter or
 * digit. */
static int only_marks(const char *s, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        unsigned char ch = (unsigned char)s[i];
        if ((ch >= '0' && ch <= '9') || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') || ch >= 0x80)
            return 0;
    }
    return 1;
}

/* -1: no match from `from` on; 0: a match that is no date (an optional
 * date group that did not take part, a bare weekday); 1: a date. */
static int match_at(slog_config *c, const char *s, size_t len, size_t from, int anchored,
                    slog_found_date *f)
{
    if (!(anchored ? slog_regex_match_at : slog_regex_match)(&c->date_re, s, len, from))
        return -1;
    memset(f, 0, sizeof *f);
    f->weekday = -1;
    f->seconds = -1;
    slog_regex_group(&c->date_re, 0, &f->start, &f->end);
    if (c->custom_date_pattern)
        read_custom(c, s, f);
    else
        read_default(c, s, f);
    if (!f->year && f->month_lang != SLOG_LANG_EN && f->form == SLOG_FORM_DAY_MONTH) {
        /* "9. März — Stand" is a date, "3 mars bars" a phrase: without a
         * year, another language's month name must end the words */
        size_t i = skip_spaces(s, len, f->end);
        if (i < len && (((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z') ||
                        (unsigned char)s[i] >= 0xC3)) /* "3 марта прошли" */
            return 0;
    }
    if (f->alone_only && !(only_marks(s, from, f->start) && only_marks(s, f->end, len)))
        return 0; /* "Release 3.10.12", "pages 1-2-25": no date */
    /* "3 марта 2025 г.": the year's abbreviation is the date's */
    if (f->year && f->date_end == f->end) {
        size_t k = f->end;
        while (k < len && s[k] == ' ')
            k++;
        if (k + 2 <= len && !memcmp(s + k, "\xD0\xB3", 2) && /* г */
            (k + 2 == len || s[k + 2] == '.' || s[k + 2] == ' ' || s[k + 2] == ','))
            f->end = f->date_end = k + 2 + (k + 2 < len && s[k + 2] == '.');
    }
    return f->month > 0 && f->day > 0;
}

/* Nothing but spaces, punctuation and symbols (emoji) before `at`. */
static int opens_text(const char *s, size_t from, size_t at)
{
    for (size_t i = from; i < at; i++) {
        unsigned char ch = (unsigned char)s[i];
        if ((ch >= '0' && ch <= '9') || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z'))
            return 0;
    }
    return 1;
}

/* "Mar 16 – Mar 27, 2026", "2026-03-09 to 2026-03-13": a range dated by
 * its start. A year-less start takes the end's year; the span covers both. */
static void take_range(slog_config *c, const char *s, size_t len, slog_found_date *f)
{
    size_t i = f->end;
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '`'))
        i++;
    /* – — → -> -- to through thru till; "a", "al", "au", "bis", "до", "tot",
     * "到", "至", "〜"; "/" and "&" join two days ("2026-09-12 (Sat) /
     * 2026-09-13 (Sun)", "2026-03-02/03"), and ".." a range ("2026-06-21..22") */
    static const char *const joins[] = {
        "\xE2\x80\x93",      "\xE2\x80\x94", "\xE2\x86\x92", "->", "--",  "-",   "to ",
        "through ",          "thru ",        "till ",        "a ", "al ", "au ", "bis ",
        "\xD0\xB4\xD0\xBE ", "tot ",         "/ ",           "/",  "& ",  "..",  "\xE5\x88\xB0",
        "\xE8\x87\xB3",      "\xE3\x80\x9C", "\xEF\xBD\x9E", "~"};
    size_t n = 0;
    for (size_t j = 0; j < sizeof joins / sizeof *joins && !n; j++) {
        size_t w = strlen(joins[j]);
        if (i + w <= len && !strncasecmp(s + i, joins[j], w))
            n = w;
    }
    if (!n)
        return;
    i += n;
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '`'))
        i++;
    /* an open end: "2020.5.10-至今" (until now), "March 2026 – present" */
    static const char *const open_ends[] = {"\xE8\x87\xB3\xE4\xBB\x8A", /* 至今 */
                                            "\xE7\x8E\xB0\xE5\x9C\xA8", /* 现在 */
                                            "present",
                                            "now",
                                            "ongoing",
                                            "today",
                                            "heute",
                                            "hoy",
                                            "\xD1\x81\xD0\xB5\xD0\xB9\xD1\x87\xD0\xB0\xD1\x81"};
    size_t w =
        slog_opening_word(s + i, len - i, open_ends, sizeof open_ends / sizeof *open_ends, "");
    if (w) {
        f->end = i + w;
        return;
    }
    slog_found_date end;
    if (match_at(c, s, len, i, 1, &end) != 1 || end.start != i || !end.year) {
        /* "2026/5/2 - 5/13", "2026-05-02 – 13.05.": the end as numbers alone */
        size_t k = i, parts = 0;
        while (f->year && parts < 2 && k < len && s[k] >= '0' && s[k] <= '9') {
            size_t d = k;
            while (k < len && k - d < 2 && s[k] >= '0' && s[k] <= '9')
                k++;
            parts++;
            if (parts == 1 && k < len && (s[k] == '/' || s[k] == '.'))
                k++;
        }
        if (parts == 2 && k < len && s[k] == '.')
            k++;
        if (parts == 2 && (k == len || !strchr("0123456789/.:", s[k])))
            f->end = k;
        /* "2026-06-21..22", "2026-03-02/03": the last day alone after
         * ".." or "/" */
        else if (parts == 1 && ((n == 2 && s[i - 1] == '.') || (n == 1 && s[i - 1] == '/')) &&
                 (k == len || !strchr("0123456789/.:-", s[k])))
            f->end = k;
        return;
    }
    if (!f->year)
        f->year = end.month >= f->month ? end.year : end.year - 1;
    f->end = end.end;
}

/* A date (or the weekday before it) can only open with a digit or a letter
 * of a month or weekday name (of the languages the pattern knows). */
static int can_open_date(unsigned char ch)
{
    return (ch >= '0' && ch <= '9') || (ch && strchr("JFMASONDTWLGQVZjfmasondtwlgqvz", ch));
}

/* "~~2026-03-11~~ 2026-03-12": a date struck out is a date taken back.
 * 1 with where its "~~" opens in *strike and where the text after its
 * closing "~~" starts in *after, else 0. */
static int struck_out(const char *s, size_t from, size_t len, const slog_found_date *f,
                      size_t *strike, size_t *after)
{
    size_t a = f->start, b = skip_spaces(s, len, f->end);
    while (a > from && (s[a - 1] == ' ' || s[a - 1] == '\t'))
        a--;
    if (a < from + 2 || s[a - 1] != '~' || s[a - 2] != '~' || b + 2 > len || s[b] != '~' ||
        s[b + 1] != '~')
        return 0;
    *strike = a - 2;
    *after = b + 2;
    return 1;
}

/* The most a date's text runs before its first digit: "Wednesday,
 * September 9", "воскресенье, 9" — with room for spacing. */
enum { DATE_LEAD = 128 };

int slog_find_date(slog_config *c, const char *s, size_t len, size_t from, int anchored,
                   slog_found_date *out)
{
    size_t open = skip_spaces(s, len, from);
    if (anchored && !c->custom_date_pattern &&
        (open >= len || !can_open_date((unsigned char)s[open])))
        return 0;
    size_t text_from = from; /* where the text opens: after a date struck out */
    size_t at = anchored ? open : from;
    if (!c->custom_date_pattern && !anchored) {
        /* every date the default pattern reads has a digit, and starts at
         * most a weekday and a month name before it: PCRE2 need not try
         * each letter of a long heading or paragraph before that */
        size_t digit = at;
        while (digit < len && !(s[digit] >= '0' && s[digit] <= '9'))
            digit++;
        if (digit == len)
            return 0;
        if (digit > at + DATE_LEAD) {
            at = digit - DATE_LEAD;
            while (at > from && ((unsigned char)s[at] & 0xC0) == 0x80)
                at--; /* a character's first byte */
        }
    }
    for (; at <= len;) {
        slog_found_date f;
        int m = match_at(c, s, len, at, anchored && !c->custom_date_pattern, &f);
        if (m < 0 || (anchored && f.start != open))
            return 0;
        at = f.end > f.start ? f.end : f.start + 1;
        if (!m)
            continue;
        if (!f.custom && f.time_end == f.time_start)
            take_range(c, s, len, &f);
        size_t strike, after;
        if (!f.custom && struck_out(s, from, len, &f, &strike, &after)) {
            if (opens_text(s, text_from, strike) || after_separator(s, text_from, strike))
                text_from = after; /* "~~Mar 5~~ Mar 6" opens with Mar 6 */
            continue;
        }
        /* year-less: only where it opens the text or follows a separator;
         * and never a plan */
        if (f.custom || ((f.year || opens_text(s, text_from, f.start) ||
                          after_separator(s, text_from, f.start)) &&
                         !slog_future_prefix(s, f.start))) {
            *out = f;
            return 1;
        }
    }
    return 0;
}

int slog_find_full_date(slog_config *c, const char *s, size_t len, size_t from,
                        slog_found_date *out, size_t *next)
{
    for (size_t at = from; at <= len;) {
        slog_found_date f;
        int m = match_at(c, s, len, at, 0, &f);
        if (m < 0)
            return 0;
        at = f.end > f.start ? f.end : f.start + 1;
        if (m && f.year) {
            *out = f;
            *next = at;
            return 1;
        }
    }
    return 0;
}

int slog_find_year_mention(slog_config *c, const char *s, size_t len, size_t from, int *year,
                           size_t *at, size_t *next)
{
    slog_regex *re = &c->year_re;
    if (c->custom_date_pattern || !slog_regex_match(re, s, len, from))
        return 0;
    size_t a, b, end;
    slog_regex_group(re, 0, at, &end);
    *next = end > *at ? end : *at + 1;
    *year = 0;
    static const char *const groups[] = {"my", "hy", "qy", "yq"};
    for (size_t g = 0; g < sizeof groups / sizeof *groups && !*year; g++)
        if (slog_regex_group(re, slog_regex_group_number(re, groups[g]), &a, &b))
            *year = number(s, a, b);
    return 1;
}

int slog_found_day(const slog_found_date *f, long *day)
{
    char buf[16];
    if (!f->year || f->year > 9999 || f->month < 1 || f->month > 12)
        return 0;
    slog_format_ymd(f->year, f->month, f->day, buf);
    return slog_date_parse(buf, day);
}

/* Digits by hand: this runs for every date read (snprintf cost 1.5% of a
 * reading of the 100 MB plan). */
static void put_digits(char *at, unsigned v, int n)
{
    while (n-- > 0) {
        at[n] = (char)('0' + v % 10);
        v /= 10;
    }
}

void slog_format_ymd(int year, int month, int day, char *buf)
{
    put_digits(buf, (unsigned)year % 10000u, 4);
    buf[4] = '-';
    put_digits(buf + 5, (unsigned)month % 100u, 2);
    buf[7] = '-';
    put_digits(buf + 8, (unsigned)day % 100u, 2);
    buf[10] = '\0';
}
