/* SPDX-License-Identifier: BSD-2-Clause */
/* Date recognition; see datefind.h. The pattern (datepattern.c) does the
 * finding, dateread.c turns a match's groups into numbers, and this file
 * decides which match is a date: ranges, plans, struck-out text, a
 * year-less date only where it opens the text. */
#include "datefind.h"
#include "dateread.h"
#include "words.h"
#include "datenames.h"

#include "config_internal.h"
#include "dates.h"

#include <stdio.h>
#include <ctype.h>
#include <string.h>
#include <strings.h>

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
        "due",         "due by",        "due on",         "deadline",    "week of",
        "starts",      "starting",      "start date",     "starts on",   "eta",
        "target",      "target date",   "until",          "expires",     "expiry",
        "scheduled",   "scheduled for", "planned",        "planned for", "by",
        "next update", "next review",   "next check",     "next run",    "next sync",
        "next report", "begins",        "launch date",    "review by",   "valid until",
        "expected",    "end date",      "ends on",        "finish date", "due date",
        "next week",   "upcoming week", "following week",
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

/* "Saturday, 2/2 (2 hrs)": a weekday written before a short numeric
 * date, the two opening the text, and no number or dot glued after —
 * a day, whatever words follow. */
static int weekday_opens(const char *s, size_t len, size_t from, const slog_found_date *f)
{
    if (f->weekday_end <= f->weekday_start || !only_marks(s, from, f->start))
        return 0;
    size_t k = f->end;
    return k >= len || s[k] == ' ' || s[k] == '\t' || s[k] == ':' || s[k] == ')' || s[k] == '*' ||
           s[k] == ',';
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
    slog_date_read(c, s, f);
    if (!f->year && f->month_lang != SLOG_LANG_EN && f->form == SLOG_FORM_DAY_MONTH) {
        /* "9. März — Stand" is a date, "3 mars bars" a phrase: without a
         * year, another language's month name must end the words */
        size_t i = skip_spaces(s, len, f->end);
        if (i < len && (((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z') ||
                        (unsigned char)s[i] >= 0xC3)) /* "3 марта прошли" */
            return 0;
    }
    if (f->alone_only && !(only_marks(s, from, f->start) && only_marks(s, f->end, len)) &&
        !weekday_opens(s, len, from, f))
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
/* – — → -> -- to through thru till; "a", "al", "au", "bis", "до", "tot",
 * "到", "至", "〜"; "/" and "&" join two days ("2026-09-12 (Sat) /
 * 2026-09-13 (Sun)", "2026-03-02/03"), and ".." a range ("2026-06-21..22"):
 * the length of the join at s[i], or 0 */
static size_t join_at(const char *s, size_t len, size_t i)
{
    static const char *const joins[] = {"\xE2\x80\x93",
                                        "\xE2\x80\x94",
                                        "\xE2\x86\x92",
                                        "->",
                                        "--",
                                        "-",
                                        "to ",
                                        "... ",
                                        "...",
                                        "through ",
                                        "thru ",
                                        "till ",
                                        "a ",
                                        "al ",
                                        "au ",
                                        "bis ",
                                        "\xD0\xB4\xD0\xBE ",
                                        "tot ",
                                        "/ ",
                                        "/",
                                        "& ",
                                        "..",
                                        "\xE5\x88\xB0",
                                        "\xE8\x87\xB3",
                                        "\xE3\x80\x9C",
                                        "\xEF\xBD\x9E",
                                        "~"};
    for (size_t j = 0; j < sizeof joins / sizeof *joins; j++) {
        size_t w = strlen(joins[j]);
        if (i + w <= len && !strncasecmp(s + i, joins[j], w))
            return w;
    }
    return 0;
}

static size_t skip_blanks(const char *s, size_t len, size_t i)
{
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '`'))
        i++;
    return i;
}

static void take_range(slog_config *c, const char *s, size_t len, slog_found_date *f)
{
    size_t i = f->end;
    /* "Wednesday, September 14, 2022 - Thursday, September 15, 2022": what
     * the pattern read after the date (a weekday) may open the range's end */
    int weekday_after = 0;
    if (f->end > f->date_end && f->date_end > f->date_start && f->time_end == f->time_start &&
        f->zone_end == f->zone_start) {
        size_t k = skip_blanks(s, len, f->date_end);
        if (join_at(s, len, k) && strchr("-\xE2t", s[k])) {
            weekday_after = 1;
            i = f->date_end;
        }
    }
    i = skip_blanks(s, len, i);
    size_t n = join_at(s, len, i);
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
    if (weekday_after) {
        if (match_at(c, s, len, i, 1, &end) != 1 || end.start != i || !end.year)
            return;
        f->end_month = end.month;
        f->end_day = end.day;
        if (f->weekday_start >= f->date_end) { /* the end's */
            f->weekday = -1;
            f->weekday_start = f->weekday_end = 0;
        }
        if (!f->year)
            f->year = end.month >= f->month ? end.year : end.year - 1;
        f->end = end.end;
        return;
    }
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
                 (k == len || !strchr("0123456789/.:-", s[k]))) {
            f->end = k;
            f->end_month = f->month;
            f->end_day = slog_date_number(s, i, k);
        }
        /* "2025/03/12-14", "2026-02-06~07": a later day of the month after a
         * year-first date */
        else if (parts == 1 && n == 1 && (s[i - 1] == '-' || s[i - 1] == '~') && i - 1 == f->end &&
                 f->form == SLOG_FORM_YMD && slog_date_number(s, i, k) > f->day &&
                 slog_date_number(s, i, k) <= 31 && (k == len || !strchr("0123456789/.:-", s[k]))) {
            f->end = k;
            f->end_month = f->month;
            f->end_day = slog_date_number(s, i, k);
        }
        return;
    }
    if (!f->year)
        f->year = end.month >= f->month ? end.year : end.year - 1;
    f->end = end.end;
    f->end_month = end.month;
    f->end_day = end.day;
}

/* "March 18-26, 2026", "9–13 March": a range of days the pattern took as
 * one date; its last day in the same month. */
static void days_within(const char *s, slog_found_date *f)
{
    if (f->form != SLOG_FORM_MONTH_DAY && f->form != SLOG_FORM_DAY_MONTH)
        return;
    size_t i = f->date_start;
    while (i < f->date_end && !(s[i] >= '0' && s[i] <= '9'))
        i++;
    size_t a = i;
    while (i < f->date_end && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i == a || i - a > 2)
        return; /* no day first, or a year first */
    while (i < f->date_end && ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z'))
        i++; /* "18th" */
    while (i < f->date_end && s[i] == ' ')
        i++;
    if (i + 3 <= f->date_end && !memcmp(s + i, "\xE2\x80\x93", 3))
        i += 3;
    else if (i < f->date_end && s[i] == '-')
        i++;
    else
        return;
    while (i < f->date_end && s[i] == ' ')
        i++;
    int month = f->month, lang;
    size_t w = i; /* "February 21-March 7, 2025": the end in another month */
    while (w < f->date_end && ((s[w] | 0x20) >= 'a' && (s[w] | 0x20) <= 'z'))
        w++;
    if (w > i) {
        month = slog_month_number(s, i, w, &lang);
        for (i = w; i < f->date_end && (s[i] == ' ' || s[i] == '.'); i++)
            ;
    }
    size_t b = i;
    while (i < f->date_end && s[i] >= '0' && s[i] <= '9')
        i++;
    int last = i > b && i - b <= 2 ? slog_date_number(s, b, i) : 0;
    if (month && last >= 1 && last <= 31 && (month != f->month || last > f->day)) {
        f->end_month = month;
        f->end_day = last;
    }
}

/* "16-17/09/23", "13–14.04.2026": a range of days whose first day stands
 * before the day-first date the pattern took: the range opens there (the
 * entry's day is the first, as "March 18-26" is the 18th). */
static void day_before(const char *s, size_t from, slog_found_date *f)
{
    if (!f->numeric || !(f->dotted || f->day_first_forced) || f->date_start != f->start)
        return;
    size_t e = f->start;
    if (e >= from + 3 && !memcmp(s + e - 3, "\xE2\x80\x93", 3))
        e -= 3;
    else if (e >= from + 1 && s[e - 1] == '-')
        e -= 1;
    else
        return;
    size_t b = e;
    while (b > from && e - b < 2 && s[b - 1] >= '0' && s[b - 1] <= '9')
        b--;
    if (b == e || (b > from && (isalnum((unsigned char)s[b - 1]) || strchr("./-", s[b - 1]))))
        return;
    int first = slog_date_number(s, b, e);
    if (first < 1 || first >= f->day)
        return;
    f->end_month = f->month;
    f->end_day = f->day;
    f->day = first;
    f->start = f->date_start = b;
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

/* "## 7 december 2025 1335": four digits alone after a full date are its
 * time (13:35), when they can be one and nothing follows them. */
static void military_time(const char *s, size_t len, slog_found_date *f)
{
    size_t k = f->end;
    while (k < len && (s[k] == ' ' || s[k] == '\t'))
        k++;
    if (!f->year || k == f->end || k + 4 > len)
        return;
    for (size_t i = 0; i < 4; i++)
        if (s[k + i] < '0' || s[k + i] > '9')
            return;
    if (!only_marks(s, k + 4, len))
        return;
    int h = slog_date_number(s, k, k + 2), m = slog_date_number(s, k + 2, k + 4);
    if (h > 23 || m > 59)
        return;
    f->time_start = k;
    f->time_end = k + 4;
    f->seconds = h * 3600 + m * 60;
    f->time_valid = 1;
    f->end = k + 4;
}

/* "2025-09-29-export.csv", "20250929-12345678", "2025-10-04_final": a date
 * a name goes on from, without a space, is part of the name: by an
 * underscore and a word, or by digits or a word with an extension. Not
 * "2026-03-09-2026-03-12" (a range), "2026-03-09-10:30" or
 * "2025-09-29_15:54:37" (a time) nor "2026-03-09-standup" (a heading's
 * words). */
static int glued_to_name(const char *s, size_t len, const slog_found_date *f)
{
    size_t k = f->end;
    if (f->time_end > f->time_start || k + 1 >= len || (s[k] != '-' && s[k] != '_'))
        return 0;
    unsigned char c = (unsigned char)s[k + 1];
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
        if (s[k] == '_')
            return 1;
        size_t w = k + 1; /* "-standup" is words, "-export.csv" a name */
        while (w < len && (((s[w] | 0x20) >= 'a' && (s[w] | 0x20) <= 'z') || s[w] == '-'))
            w++;
        return w + 1 < len && s[w] == '.' && (s[w + 1] | 0x20) >= 'a' && (s[w + 1] | 0x20) <= 'z';
    }
    if (c < '0' || c > '9')
        return 0;
    size_t w = k + 1;
    while (w < len && s[w] >= '0' && s[w] <= '9')
        w++;
    size_t digits = w - (k + 1);
    int word_goes_on = w < len && (((s[w] | 0x20) >= 'a' && (s[w] | 0x20) <= 'z') || s[w] == '.' ||
                                   s[w] == '-' || s[w] == '_');
    if (digits == 4 && s[k] == '-' && w < len && strchr("-/.", s[w]))
        return 0; /* to a full date */
    if (digits <= 2 && (w == len || s[w] == ':' || !word_goes_on))
        return 0; /* a time "_15:54:37", a day range "-11" */
    if (s[k] == '_' && (digits == 4 || digits == 6) && !word_goes_on)
        return 0; /* "_1530": a time */
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
        if (!f.custom && f.time_end == f.time_start) {
            day_before(s, from, &f);
            days_within(s, &f);
            take_range(c, s, len, &f);
            military_time(s, len, &f);
        }
        size_t strike, after;
        if (!f.custom && struck_out(s, from, len, &f, &strike, &after)) {
            if (opens_text(s, text_from, strike) || after_separator(s, text_from, strike))
                text_from = after; /* "~~Mar 5~~ Mar 6" opens with Mar 6 */
            continue;
        }
        if (!f.custom && glued_to_name(s, len, &f))
            continue;
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
            *year = slog_date_number(s, a, b);
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
