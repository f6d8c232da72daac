/* SPDX-License-Identifier: BSD-2-Clause */
/* What appended text looks like: dates written as the log's own entries
 * write them, item lines with the document's bullet and markers, and text
 * that can never open a block. */
#include "append_internal.h"

#include "dates.h"

#include <stdio.h>
#include <string.h>

slog_status append_parse_when(const char *when, append_when *w, slog_error *err)
{
    char date[11] = {0};
    size_t n = strlen(when);
    memset(w, 0, sizeof *w);
    if (n < 10 || (memcpy(date, when, 10), !slog_date_parse(date, &w->day)))
        return slog_error_set(err, SLOG_ERR_INVALID, NULL, 0,
                              "date '%s' is not a calendar date YYYY-MM-DD", when);
    w->seconds = -1;
    snprintf(w->iso, sizeof w->iso, "%s", date);
    if (n == 10)
        return SLOG_OK;
    if (when[10] != 'T' && when[10] != ' ')
        return slog_error_set(err, SLOG_ERR_INVALID, NULL, 0,
                              "date '%s': expected YYYY-MM-DD[THH:MM[:SS][ZONE]]", when);
    const char *time = when + 11;
    size_t tl = 0;
    while (time[tl] && ((time[tl] >= '0' && time[tl] <= '9') || time[tl] == ':'))
        tl++;
    char tbuf[16] = {0};
    memcpy(tbuf, time, tl < 15 ? tl : 15);
    w->seconds = tl >= 4 && tl <= 8 ? slog_time_parse(tbuf) : -1;
    if (w->seconds < 0)
        return slog_error_set(err, SLOG_ERR_INVALID, NULL, 0, "date '%s': '%s' is not a time", when,
                              tbuf);
    w->has_seconds = tl > 5;
    const char *zone = time + tl;
    while (*zone == ' ')
        zone++;
    int minutes;
    if (*zone && (strlen(zone) >= sizeof w->zone || !slog_zone_offset(zone, &minutes)))
        return slog_error_set(err, SLOG_ERR_INVALID, NULL, 0, "date '%s': unknown zone '%s'", when,
                              zone);
    snprintf(w->zone, sizeof w->zone, "%s", zone);
    int iso = *zone == 'Z' || *zone == '+' || *zone == '-';
    snprintf(w->iso, sizeof w->iso, "%s%c%s%s%s", date, iso ? 'T' : ' ', tbuf,
             *zone && !iso ? " " : "", zone);
    return SLOG_OK;
}

/* --- a date like the template's ------------------------------------------------ */

static void put(slog_buf *b, const char *s, size_t n)
{
    slog_buf_put(b, s, n);
}

/* A name as the template writes its name: its length (short or full) and
 * case (UPPER, Capitalised, lower). */
/* A month or weekday name in the template's case and length: "Mar" for a
 * three-letter English template, "MÄRZ" for "MÄRZ". */
/* The capital of the two-byte small letter u of the scripts datenames.c
 * folds (Latin-1, Latin Extended-A, Cyrillic: ä, ş, ł, ф), else u. */
static unsigned upper_2byte(unsigned u)
{
    if (u >= 0xE0 && u <= 0xFE && u != 0xF7)
        return u - 0x20;
    if (u == 0x131) /* Turkish ı */
        return 'I';
    if ((u >= 0x100 && u <= 0x137) || (u >= 0x14A && u <= 0x177))
        return u & ~1u;
    if ((u >= 0x139 && u <= 0x148) || (u >= 0x179 && u <= 0x17E))
        return u & 1 ? u : u - 1;
    if (u >= 0x430 && u <= 0x44F)
        return u - 0x20;
    if (u >= 0x450 && u <= 0x45F)
        return u - 0x50;
    return u;
}

/* The letter at s (ASCII or two bytes) as a capital into o; its length. */
static size_t put_capital(slog_buf *o, const char *s)
{
    unsigned char c = (unsigned char)s[0];
    if (c >= 0xC2 && c <= 0xDF && ((unsigned char)s[1] & 0xC0) == 0x80) {
        unsigned u = upper_2byte(((c & 0x1Fu) << 6) | ((unsigned char)s[1] & 0x3Fu));
        char b[2] = {(char)(0xC0 | (u >> 6)), (char)(0x80 | (u & 0x3F))};
        if (u < 0x80) /* ı is I */
            b[0] = (char)u;
        put(o, b, u < 0x80 ? 1 : 2);
        return 2;
    }
    char up = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
    put(o, &up, 1);
    return 1;
}

/* Whether the letter at s is a small one (ASCII or two bytes). */
static int small_letter(const char *s)
{
    unsigned char c = (unsigned char)s[0];
    if (c >= 0xC2 && c <= 0xDF && ((unsigned char)s[1] & 0xC0) == 0x80) {
        unsigned u = ((c & 0x1Fu) << 6) | ((unsigned char)s[1] & 0x3Fu);
        return upper_2byte(u) != u;
    }
    return c >= 'a' && c <= 'z';
}

static void put_name(slog_buf *o, const char *full, int lang, const char *tpl, size_t tlen)
{
    size_t n = tlen <= 4 && lang == SLOG_LANG_EN ? 3 : strlen(full);
    int lower = small_letter(tpl);
    int upper = tlen > 1 && !lower && !(tpl[0] >= '0' && tpl[0] <= '9');
    for (size_t i = 1; i < tlen && upper; i++) /* no small letter: "MAR", "MÄRZ", "ŞUBAT" */
        upper = !small_letter(tpl + i);
    for (size_t i = 0; i < n;) {
        if (upper || (i == 0 && !lower)) {
            i += put_capital(o, full + i);
        } else {
            put(o, full + i, 1);
            i++;
        }
    }
}

static size_t digits_at(const char *s, size_t i, size_t end)
{
    size_t k = i;
    while (k < end && s[k] >= '0' && s[k] <= '9')
        k++;
    return k - i;
}

static void put_number(slog_buf *o, int v, int width)
{
    char buf[16];
    snprintf(buf, sizeof buf, "%0*d", width, v);
    put(o, buf, strlen(buf));
}

static void put_ordinal(slog_buf *o, int day, int upper)
{
    const char *suf = (day % 100 >= 11 && day % 100 <= 13) ? "th"
                      : day % 10 == 1                      ? "st"
                      : day % 10 == 2                      ? "nd"
                      : day % 10 == 3                      ? "rd"
                                                           : "th";
    char s[3] = {suf[0], suf[1], 0};
    if (upper)
        s[0] = (char)(s[0] - 32), s[1] = (char)(s[1] - 32);
    put(o, s, 2);
}

/* After a day's digits at k: past its ordinal ("st", "er"), if any. */
static size_t skip_ordinal(const char *tpl, size_t k, size_t end)
{
    if (k + 1 < end && ((tpl[k] | 0x20) >= 'a' && (tpl[k] | 0x20) <= 'z'))
        return k + 2;
    return k;
}

/* The day, its ordinal as the template has one, and what follows it up to
 * the year (", " or " "), from the template's day at `at`. */
static size_t put_day(slog_buf *o, const char *tpl, size_t at, size_t end, int day, int lang)
{
    size_t nd = digits_at(tpl, at, end);
    put_number(o, day, nd == 2 && tpl[at] == '0' ? 2 : 1);
    size_t k = skip_ordinal(tpl, at + nd, end);
    if (k > at + nd) {
        if (lang == SLOG_LANG_EN)
            put_ordinal(o, day, tpl[at + nd] >= 'A' && tpl[at + nd] <= 'Z');
        else if (day == 1)
            put(o, tpl + at + nd, 2); /* French "1er"; other days have none */
    }
    /* "9–13 March": the range's end is not the new entry's */
    size_t dash = k < end && tpl[k] == '-'                              ? 1
                  : k + 3 <= end && !memcmp(tpl + k, "\xE2\x80\x93", 3) ? 3
                                                                        : 0;
    if (dash && digits_at(tpl, k + dash, end))
        k = skip_ordinal(tpl, k + dash + digits_at(tpl, k + dash, end), end);
    /* "14 - 17 January" */
    size_t j = k;
    while (j < end && tpl[j] == ' ')
        j++;
    dash = j < end && tpl[j] == '-'                              ? 1
           : j + 3 <= end && !memcmp(tpl + j, "\xE2\x80\x93", 3) ? 3
                                                                 : 0;
    if (dash) {
        j += dash;
        while (j < end && tpl[j] == ' ')
            j++;
        if (digits_at(tpl, j, end))
            k = skip_ordinal(tpl, j + digits_at(tpl, j, end), end);
    }
    return k;
}

/* "2026年3月9日": the template with its numbers replaced, in order, by the
 * year (when it has one), the month and the day. */
static void put_numbers(slog_buf *o, const char *tpl, size_t a, size_t e, int has_year, int y,
                        int m, int d)
{
    const int values[3] = {y, m, d};
    int next = has_year ? 0 : 1;
    for (size_t k = a; k < e;) {
        size_t nd = digits_at(tpl, k, e);
        if (!nd || next > 2) {
            put(o, tpl + k, nd ? nd : 1);
            k += nd ? nd : 1;
            continue;
        }
        put_number(o, values[next], next == 0 ? 4 : nd == 2 && tpl[k] == '0' ? 2 : 1);
        next++;
        k += nd;
    }
}

static void put_date_part(slog_buf *o, const char *tpl, const slog_found_date *f, int y, int m,
                          int d, int add_year)
{
    size_t a = f->date_start, e = f->date_end;
    switch (f->form) {
    case SLOG_FORM_MONTH_DAY: {
        put_name(o, slog_month_name(f->month_lang, m), f->month_lang, tpl + f->month_start,
                 f->month_end - f->month_start);
        size_t k = f->month_end;
        while (k < e && !(tpl[k] >= '0' && tpl[k] <= '9'))
            put(o, tpl + k++, 1); /* ". " or " " */
        k = put_day(o, tpl, k, e, d, f->month_lang);
        if (f->year && k < e) {
            size_t s = k;
            while (k < e && !(tpl[k] >= '0' && tpl[k] <= '9'))
                k++;
            put(o, tpl + s, k - s);
            put_number(o, y, 4);
        } else if (add_year) { /* "Mar 10, 2027" */
            put(o, ", ", 2);
            put_number(o, y, 4);
        }
        break;
    }
    case SLOG_FORM_DAY_MONTH: {
        size_t k = put_day(o, tpl, a, e, d, f->month_lang);
        put(o, tpl + k, f->month_start - k); /* " ", " of ", ". ", " de " */
        put_name(o, slog_month_name(f->month_lang, m), f->month_lang, tpl + f->month_start,
                 f->month_end - f->month_start);
        k = f->month_end;
        if (f->year && k < e) {
            size_t s = k;
            while (k < e && !(tpl[k] >= '0' && tpl[k] <= '9'))
                k++;
            put(o, tpl + s, k - s);
            put_number(o, y, 4);
        } else if (add_year) { /* "10 Mar 2027", "10 de marzo de 2027" */
            int de = f->month_lang == SLOG_LANG_ES || f->month_lang == SLOG_LANG_PT;
            put(o, de ? " de " : " ", de ? 4 : 1);
            put_number(o, y, 4);
        }
        break;
    }
    case SLOG_FORM_CJK:
        if (add_year) { /* "2027年3月10日", "2027년 3월 10일" */
            int ko = 0;
            for (size_t k = a; k + 3 <= e && !ko; k++)
                ko = memcmp(tpl + k, "월", 3) == 0;
            put_number(o, y, 4);
            put(o, ko ? "년 " : "年", ko ? 4 : 3);
        }
        put_numbers(o, tpl, a, e, f->year != 0, y, m, d);
        break;
    case SLOG_FORM_COMPACT: { /* 20260309, 260309 */
        char buf[16];
        if (e - a == 6)
            snprintf(buf, sizeof buf, "%02d%02d%02d", y % 100, m, d);
        else
            snprintf(buf, sizeof buf, "%04d%02d%02d", y, m, d);
        put(o, buf, strlen(buf));
        break;
    }
    case SLOG_FORM_NUMERIC: {
        int day_first = f->day == f->first && f->month == f->second && f->first != f->second;
        size_t n1 = digits_at(tpl, a, e), n2 = digits_at(tpl, a + n1 + 1, e);
        char sep = tpl[a + n1];
        put_number(o, day_first ? d : m, n1 == 2 && tpl[a] == '0' ? 2 : 1);
        put(o, &sep, 1);
        put_number(o, day_first ? m : d, n2 == 2 && tpl[a + n1 + 1] == '0' ? 2 : 1);
        put(o, &sep, 1);
        put_number(o, y, 4);
        break;
    }
    default: {
        char sep = e - a > 4 ? tpl[a + 4] : '-';
        put_number(o, y, 4);
        put(o, &sep, 1);
        put_number(o, m, 2);
        put(o, &sep, 1);
        put_number(o, d, 2);
    }
    }
}

/* The time in the template's clock (12-hour "2 PM" or 24-hour), and the zone. */
static void put_time(slog_buf *o, const char *tpl, const slog_found_date *f, const append_when *w)
{
    int h = w->seconds / 3600, m = w->seconds / 60 % 60, s = w->seconds % 60;
    const char *sep = " ";
    size_t ampm = 0; /* where the template's "PM" starts, 0: a 24-hour clock */
    if (f->time_end > f->time_start) {
        sep = f->time_start > f->date_end && tpl[f->time_start - 1] == 'T' ? "T" : " ";
        for (size_t k = f->time_start; k < f->time_end && !ampm; k++)
            if ((tpl[k] | 0x20) == 'a' || (tpl[k] | 0x20) == 'p')
                ampm = k;
    }
    if (!strcmp(sep, "T") && w->zone[0] && w->zone[0] != 'Z' && w->zone[0] != '+' &&
        w->zone[0] != '-')
        sep = " ";
    put(o, sep, strlen(sep));
    char buf[32];
    if (ampm) {
        int lower = tpl[ampm] >= 'a', dots = ampm + 1 < f->time_end && tpl[ampm + 1] == '.';
        const char *suffix = h >= 12 ? (dots    ? "p.m."
                                        : lower ? "pm"
                                                : "PM")
                                     : (dots    ? "a.m."
                                        : lower ? "am"
                                                : "AM");
        int h12 = h % 12 ? h % 12 : 12;
        if (m)
            snprintf(buf, sizeof buf, "%d:%02d %s", h12, m, suffix);
        else
            snprintf(buf, sizeof buf, "%d %s", h12, suffix);
    } else {
        snprintf(buf, sizeof buf, w->has_seconds ? "%02d:%02d:%02d" : "%02d:%02d", h, m, s);
    }
    put(o, buf, strlen(buf));
    if (w->zone[0]) {
        int iso = w->zone[0] == 'Z' || w->zone[0] == '+' || w->zone[0] == '-';
        if (!(iso && !strcmp(sep, "T")))
            put(o, " ", 1);
        put(o, w->zone, strlen(w->zone));
    }
}

/* The weekday as the template writes it: "Monday", "lundi", "（月）", "星期一". */
static void put_weekday(slog_buf *o, const char *tpl, const slog_found_date *f, int wd)
{
    size_t a = f->weekday_start, b = f->weekday_end, at;
    int lang;
    if (slog_cjk_weekday(tpl, a, b, &at, &lang) >= 0) {
        const char *name = slog_weekday_name(lang, wd);
        put(o, tpl + a, at - a);
        put(o, name, strlen(name));
        put(o, tpl + at + 3, b - at - 3); /* every naming character is three bytes */
        return;
    }
    put_name(o, slog_weekday_name(f->weekday_lang, wd), f->weekday_lang, tpl + a, b - a);
}

void append_format_date(slog_buf *o, const char *tpl, const slog_found_date *f,
                        const append_when *w)
{
    if (!tpl || !f || f->custom) {
        put(o, w->iso, strlen(w->iso));
        return;
    }
    int y, m, d;
    slog_civil_from_days(w->day, &y, &m, &d);
    int has_weekday = f->weekday_end > f->weekday_start;
    int before = has_weekday && f->weekday_start < f->date_start;
    int wd = slog_weekday(w->day);
    if (before) {
        put_weekday(o, tpl, f, wd);
        put(o, tpl + f->weekday_end, f->date_start - f->weekday_end);
    }
    put_date_part(o, tpl, f, y, m, d, !f->year && w->ref_year && w->ref_year != y);
    if (has_weekday && !before) {
        put(o, tpl + f->date_end, f->weekday_start - f->date_end);
        put_weekday(o, tpl, f, wd);
        if (f->weekday_end < f->end && tpl[f->weekday_end] == ')')
            put(o, ")", 1);
    }
    if (w->seconds >= 0)
        put_time(o, tpl, f, w);
}

void append_label(slog_buf *o, const char *label)
{
    /* what CommonMark would read as markup in a heading: the label must read
     * back as written ("<script>", "<!--", "*x*", "a & b") */
    for (const char *p = label; *p; p++) {
        if (strchr("\\`*_[]<>&!", *p) || (*p == '#' && !p[1]))
            slog_buf_put(o, "\\", 1);
        slog_buf_put(o, p, 1);
    }
}

/* --- items -------------------------------------------------------------------------- */

const char *append_marker(const slog_config *c, slog_state state)
{
    for (size_t i = 0; i < c->nmarkers; i++)
        if (c->markers[i].state == state)
            return c->markers[i].marker;
    return "";
}

void append_escaped_line(slog_buf *b, const char *s, size_t n)
{
    static const char starters[] = "#>-+*=`~<|[";
    if (n && strchr(starters, s[0]))
        put(b, "\\", 1);
    size_t k = 0;
    while (k < n && k < 9 && s[k] >= '0' && s[k] <= '9')
        k++;
    if (k && k < n && (s[k] == '.' || s[k] == ')')) { /* "1. x" would start a list */
        put(b, s, k);
        put(b, "\\", 1);
        s += k;
        n -= k;
    }
    put(b, s, n);
}

void append_item_lines(slog_buf *out, slog_buf *folded, const char *prefix, const char *marker,
                       const char *text)
{
    size_t indent = strlen(prefix);
    int first = 1;
    for (const char *p = text; *p;) {
        const char *e = p;
        while (*e && *e != '\n' && *e != '\r')
            e++;
        const char *s = p;
        const char *end = e;
        while (s < end && (*s == ' ' || *s == '\t'))
            s++;
        while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
            end--;
        p = *e ? e + 1 : e;
        if (s == end)
            continue; /* a blank line would end the paragraph */
        size_t before;
        if (first) {
            slog_buf_puts(out, prefix);
            if (*marker) {
                slog_buf_puts(out, marker);
                put(out, " ", 1);
            }
            before = out->len;
            if (*marker)
                put(out, s, (size_t)(end - s)); /* after a marker nothing can start a block */
            else
                append_escaped_line(out, s, (size_t)(end - s));
        } else {
            for (size_t i = 0; i < indent; i++)
                put(out, " ", 1);
            before = out->len;
            append_escaped_line(out, s, (size_t)(end - s));
        }
        if (!first)
            put(folded, " ", 1);
        put(folded, out->data + before, out->len - before);
        put(out, "\n", 1);
        first = 0;
    }
}
