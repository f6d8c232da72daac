/* SPDX-License-Identifier: BSD-2-Clause */
/* Entries and their dates (SPEC §1): the entry that owns what is met now,
 * its date, time and zone, year-less dates and the order of a numeric
 * date's numbers settled per document; its label is build_label.c's. What opens an entry
 * besides a dated heading — bold lines, list items — is build_bold.c's. */
#define _GNU_SOURCE /* memmem */
#include "build_internal.h"
#include "words.h"

#include "dates.h"

#include <stdlib.h>
#include <ctype.h>
#include <string.h>
#include <strings.h>

/* --- dates that open no entry ------------------------------------------------ */

/* Whether s[0, len) ends with `word`, a whole word (ASCII case folded). */
static int ends_with_word(const char *s, size_t len, const char *word)
{
    size_t k = strlen(word);
    unsigned char last = k && k <= len ? (unsigned char)s[len - 1] : 0;
    if (!last || (last < 0x80 ? last | 0x20 : last) != (unsigned char)word[k - 1])
        return 0;
    return strncasecmp(s + len - k, word, k) == 0 &&
           (k == len || !isalpha((unsigned char)s[len - k - 1]));
}

int build_date_opens_no_entry(const char *h, size_t hlen, const slog_found_date *f)
{
    /* a bound: "History before 2026-03-02 07:30", "Changes since Mar 1" */
    static const char *const bounds[] = {
        "before", "until", "till", "up to", "prior to", "since", "до", "перед", "prima del",
        "prima di", "fino al", "antes de", "antes del", "avant", "avant le", "vor", "bis",
        "bis zum", "seit", "depuis", "desde", "przed", "voor", "önce",
        /* "Диагноз — … с 2025-12-01", "depuis le", "a partir de", "自…起", "从…开始" */
        "с", "со", "depuis le", "a partir de", "à partir du", "à partir de", "dal", "dalla", "ab",
        "自", "从", "從"};
    /* written the day before: "Tomorrow's to-dos (14 July 2026)" */
    static const char *const tomorrow[] = {"tomorrow", "yarın",  "yarin",  "demain",
                                           "domani",   "завтра", "Завтра", "jutro",
                                           "明日",     "내일",   "明天"};
    /* a stamp that closes a session: "🎬 Session end: 14 July 2026" */
    static const char *const ends[] = {"session end",    "session ended", "end of session",
                                       "log end",        "log ended",     "end of log",
                                       "session bitişi", "oturum sonu",   "fin de session",
                                       "sitzungsende",   "конец сессии"};
    size_t n = f->start < hlen ? f->start : hlen;
    while (n && strchr(" \t:*_([-", h[n - 1]))
        n--;
    for (size_t i = 0; i < sizeof bounds / sizeof *bounds; i++)
        if (ends_with_word(h, n, bounds[i]))
            return 1;
    /* a target right before the date: "Final goal (2026-06-30)",
     * "最終目標（2026年3月31日）" ("Due …" and "Deadline …" are plans that
     * slog_find_date passes over already) */
    static const char *const goals[] = {"goal", "objetivo", "objectif", "ziel", "цель", "hedef",
                                        "目標", "目标",     "期限",     "締切", "목표", "마감"};
    size_t g = n;
    while (g >= 3 &&
           (!memcmp(h + g - 3, "\xEF\xBC\x88", 3) || !memcmp(h + g - 3, "\xEF\xBC\x9A", 3)))
        g -= 3; /* "（", "：" */
    while (g && strchr(" \t:*_([-", h[g - 1]))
        g--;
    for (size_t i = 0; i < sizeof goals / sizeof *goals; i++) {
        size_t k = strlen(goals[i]);
        if ((unsigned char)goals[i][0] >= 0xE3 ? k <= g && !memcmp(h + g - k, goals[i], k)
                                               : ends_with_word(h, g, goals[i]))
            return 1;
    }
    if (slog_names_any(h, n, tomorrow, sizeof tomorrow / sizeof *tomorrow))
        return 1;
    /* the stamp is the whole of the words before the date ("Verification
     * at session end (2026-04-26)" records work) */
    size_t from = 0; /* past symbols and emoji: "🎬 Session end" */
    for (unsigned char c;
         from < n && (c = (unsigned char)h[from], c < 0x80 ? !isalpha(c) : c >= 0xF0 || c < 0xC0);)
        from++;
    for (size_t i = 0; i < sizeof ends / sizeof *ends; i++)
        if (n - from == strlen(ends[i]) && strncasecmp(h + from, ends[i], n - from) == 0)
            return 1;
    /* or files a batch away: "## Archived: 2025-12-20 (cleanup run 3)",
     * "Archived on 2025-12-20", "アーカイブ:" */
    size_t w = slog_archive_word(h + from, n - from);
    return w && (from + w == n || (from + w + 3 == n && (!strncasecmp(h + from + w, " on", 3) ||
                                                         !strncasecmp(h + from + w, " at", 3))));
}

/* A date a sub-heading mentions in passing: after an article or "after"
 * ("### Relationship to the 2026-04-03 fix", "### Re-check after the
 * 2026-12-20 migration"). Inside a dated entry it names another day's
 * event, not a section of its own. */
int build_date_in_passing(const char *h, const slog_found_date *fd)
{
    /* (not "du", "del", "vom": "Suite de la séance du 05/06/2026" is dated) */
    static const char *const words[] = {"the",    "after",     "before",    "until",    "released",
                                        "posted", "published", "restarted", "rebooted", "as of"};
    size_t e = fd->start;
    while (e && (h[e - 1] == ' ' || h[e - 1] == '\t'))
        e--;
    size_t a = e;
    while (a && ((h[a - 1] | 0x20) >= 'a' && (h[a - 1] | 0x20) <= 'z'))
        a--;
    if (a >= 3 && e - a == 2 && !strncasecmp(h + a - 3, "as ", 3))
        a -= 3; /* "as of 2026-05-27" */
    for (size_t k = 0; a < e && k < sizeof words / sizeof *words; k++)
        if (strlen(words[k]) == e - a && !strncasecmp(h + a, words[k], e - a))
            return 1;
    return 0;
}

/* --- the entry that owns what is met now --------------------------------------- */

slog_entry *build_heading_entry(builder *b)
{
    heading_frame *frames = b->headings.data;
    for (size_t i = b->headings.len; i-- > 0;)
        if (frames[i].entry)
            return frames[i].entry;
    return NULL;
}

slog_entry *build_current_entry(builder *b)
{
    return b->bold ? b->bold : build_heading_entry(b);
}

void build_close_bold(builder *b, int next_line, int next_level)
{
    slog_entry *e = b->bold;
    if (!e)
        return;
    e->end_line = b->last_block_end > e->line ? b->last_block_end : e->line;
    e->next_heading_line = next_line;
    e->next_heading_level = next_level;
    b->bold = NULL;
}

/* --- dates ---------------------------------------------------------------------- */

/* The date at `at` is part of a web address ("…/blog/2015/03/10/layers/"):
 * a page's path, not when the log was written. The word it is in is read
 * back to a space or a bracket (at most 2 KiB). */
static int in_url(const char *s, size_t from, size_t at)
{
    size_t i = at, stop = at > from + 2048 ? at - 2048 : from;
    while (i > stop && !strchr(" \t\n\r<([\"'", s[i - 1]))
        i--;
    for (size_t k = i; k + 3 <= at; k++)
        if (!memcmp(s + k, "://", 3) || (k == i && k + 4 <= at && !strncasecmp(s + k, "www.", 4)))
            return 1;
    return 0;
}

/* Moves the year of reference up to `line`: the latest full date in the text
 * before it (entries, metadata, front matter, plain text), or a later line
 * that names only a year ("## March 2026"). Each line is searched once. */
static void scan_year_refs(builder *b, int line)
{
    if (line <= b->year_scan_line)
        return;
    const slog_text *t = b->text;
    size_t from = t->line_start[b->year_scan_line - 1];
    size_t to = t->line_start[(size_t)line - 1 < t->nlines ? (size_t)line - 1 : t->nlines];
    slog_found_date f;
    size_t next, at, last = 0;
    int found = 0, year;
    for (size_t i = from; i < to && slog_find_full_date(b->cfg, t->data, to, i, &f, &next);
         i = next) {
        if (in_url(t->data, from, f.start))
            continue;
        b->year_ref = f.year;
        b->month_ref = f.month;
        last = f.start;
        found = 1;
    }
    /* a later "## March 2026" or "## Q1 2026" gives the year instead */
    for (size_t i = from;
         i < to && slog_find_year_mention(b->cfg, t->data, to, i, &year, &at, &next); i = next)
        if ((!found || at > last) && year) {
            b->year_ref = year;
            b->month_ref = 0;
            last = at;
            found = 1;
        }
    if (found)
        b->year_ref_entry = 0;
    b->year_scan_line = line;
}

/* A year-less date takes the year of the latest date before it; a log that
 * runs from December into January moves to the next year there (and a
 * newest-first one back a year): from one entry to the next, the month goes
 * back (or on) by more than half a year. 0 when there is no date before. */
static int infer_year(builder *b, int line, int month)
{
    scan_year_refs(b, line);
    if (!b->year_ref)
        return 0;
    int year = b->year_ref;
    /* half a year exactly goes the way the log has been running: "June 8"
     * then "December 13" in a newest-first log is the December before */
    if (b->year_ref_entry &&
        (month < b->month_ref - 6 || (month == b->month_ref - 6 && b->trend > 0)))
        year++;
    else if (b->year_ref_entry &&
             (month > b->month_ref + 6 || (month == b->month_ref + 6 && b->trend < 0)))
        year--;
    return year;
}

int build_dateable(builder *b, int line, const slog_found_date *f)
{
    if (f->year || f->custom)
        return 1;
    scan_year_refs(b, line);
    return b->year_ref != 0;
}

static slog_status set_date_fields(builder *b, slog_entry *e, int year, int month, int day,
                                   int weekday)
{
    char buf[16];
    slog_format_ymd(year, month, day, buf);
    e->date = slog_arena_strndup(b->arena, buf, 10);
    if (!e->date)
        return SLOG_ERR_NOMEM;
    e->date_valid = year > 0 && slog_date_parse(buf, &e->day);
    e->weekday_mismatch = e->date_valid && weekday >= 0 && slog_weekday(e->day) != weekday;
    return SLOG_OK;
}

static slog_status fill_time(builder *b, slog_entry *e, const char *h, const slog_found_date *f)
{
    e->seconds = -1;
    if (f->time_end > f->time_start) {
        int h24 = f->seconds / 3600, m = f->seconds / 60 % 60, s = f->seconds % 60;
        char buf[16];
        snprintf(buf, sizeof buf, f->has_seconds ? "%02d:%02d:%02d" : "%02d:%02d", h24 % 100, m, s);
        e->time = slog_arena_strndup(b->arena, buf, strlen(buf));
        if (!e->time)
            return SLOG_ERR_NOMEM;
        e->seconds = f->time_valid ? f->seconds : -1;
        e->precision = f->has_seconds ? SLOG_PRECISION_SECOND : SLOG_PRECISION_MINUTE;
    }
    if (f->zone_end > f->zone_start) {
        e->zone = slog_arena_strndup(b->arena, h + f->zone_start, f->zone_end - f->zone_start);
        if (!e->zone)
            return SLOG_ERR_NOMEM;
        e->zone_known = slog_zone_offset(e->zone, &e->zone_offset) ||
                        slog_us_zone_offset(e->zone, e->day, &e->zone_offset);
    }
    return SLOG_OK;
}

/* The weekday of a date, or -1 when it is none. */
static int weekday_of(int year, int month, int day)
{
    char buf[16];
    long n;
    slog_format_ymd(year, month, day, buf);
    return year > 0 && slog_date_parse(buf, &n) ? slog_weekday(n) : -1;
}

/* A year-less date written with its weekday: when the year inferred does
 * not fit the weekday and the year beside it does and puts the date nearer
 * the date it was inferred from, that year ("Tue Jan 6" under a log started
 * 2025-11-20 is 2026-01-06; "Tuesday December 2nd" above a stamp of
 * 2026-02-28 in a newest-first log is 2025-12-02). Otherwise the inferred
 * year stands, and a wrong weekday is reported ("Sunday December 1st" right
 * after an entry of 2025-12-01 is a slip, not 2024). */
static int year_by_weekday(const builder *b, int year, const slog_found_date *f)
{
    if (!year || f->weekday < 0 || !b->month_ref ||
        weekday_of(year, f->month, f->day) == f->weekday)
        return year;
    int ref = b->year_ref * 12 + b->month_ref - 1;
    int away = abs(year * 12 + f->month - 1 - ref);
    for (int shift = -1; shift <= 1; shift += 2)
        if (weekday_of(year + shift, f->month, f->day) == f->weekday &&
            abs((year + shift) * 12 + f->month - 1 - ref) < away)
            return year + shift;
    return year;
}

static slog_status fill_date(builder *b, slog_entry *e, const char *h, const slog_found_date *f)
{
    int year = f->year;
    if (!year)
        year = year_by_weekday(b, infer_year(b, e->date_line, f->month), f);
    slog_status st = set_date_fields(b, e, year, f->month, f->day, f->weekday);
    e->end_day = e->day;
    if (st == SLOG_OK && e->date_valid && f->end_day) { /* "March 18-26": the 26th */
        char buf[16];
        long last;
        slog_format_ymd(year + (f->end_month < f->month), f->end_month, f->end_day, buf);
        if (slog_date_parse(buf, &last) && last > e->day && last - e->day <= 366)
            e->end_day = last;
    }
    if (st == SLOG_OK && !f->iso && f->date_end > f->date_start) {
        e->date_text = slog_arena_strndup(b->arena, h + f->date_start, f->date_end - f->date_start);
        if (!e->date_text)
            st = SLOG_ERR_NOMEM;
    }
    if (st == SLOG_OK)
        st = fill_time(b, e, h, f);
    if (f->numeric && f->day_first_forced)
        *(f->dotted ? &b->dotted_day_first : &b->numeric_day_first) = 1;
    if (st == SLOG_OK && f->numeric && !f->day_first_forced) {
        numeric_date *n = vec_push(&b->numeric);
        if (!n)
            return SLOG_ERR_NOMEM;
        *n = (numeric_date){e, f->first, f->second, f->weekday, f->dotted};
    }
    if (st == SLOG_OK && year) {
        /* the nearest full date now: what text before it says is older */
        if (b->year_scan_line < e->date_line + 1)
            b->year_scan_line = e->date_line + 1;
        long was = b->year_ref_entry ? (b->year_ref * 13L + b->month_ref) * 32 + b->day_ref : 0;
        long now = (year * 13L + f->month) * 32 + f->day;
        if (was && now != was)
            b->trend = now < was ? -1 : 1;
        else if (!was)
            b->trend = 0;
        b->year_ref = year;
        b->month_ref = f->month;
        b->day_ref = f->day;
        b->year_ref_entry = 1;
    }
    return st;
}

slog_entry *build_new_entry(builder *b, slog_entry_kind kind, int line, int level, const char *text,
                            size_t len, const slog_found_date *f)
{
    slog_entry *e = slog_arena_alloc(b->arena, sizeof *e);
    slog_entry **slot = e ? vec_push(&b->entries) : NULL;
    slog_item **tail = slot ? vec_push(&b->tails) : NULL;
    if (!tail)
        return NULL;
    *slot = e;
    e->index = b->entries.len - 1;
    e->kind = kind;
    e->line = e->end_line = e->date_line = line;
    e->level = level;
    e->parent = kind == SLOG_ENTRY_LIST ? build_current_entry(b) : build_heading_entry(b);
    /* its log's key: the innermost heading above it (a heading entry's own
     * frame, or the heading a bold line dates, is the entry itself; a
     * metadata sub-heading that dates its record's heading is below it) */
    const heading_frame *frames = b->headings.data;
    size_t open = b->headings.len;
    while (open && frames[open - 1].line >= line)
        open--;
    e->heading_line = open ? frames[open - 1].line : 0;
    if (e->parent)
        e->parent->has_content = 1;
    e->label = build_label(b, text, len, f->start, f->end);
    if (!e->label || fill_date(b, e, text, f) != SLOG_OK)
        return NULL;
    return e;
}

/* Reads numeric entry n's date as month `m`, day `d` of its year. */
static void reread(numeric_date *n, int m, int d)
{
    slog_entry *e = n->entry;
    char buf[16];
    slog_format_ymd(atoi(e->date), m, d, buf);
    memcpy((char *)e->date, buf, 10);
    e->date_valid = slog_date_parse(buf, &e->day);
    e->end_day = e->day;
    e->weekday_mismatch = e->date_valid && n->weekday >= 0 && slog_weekday(e->day) != n->weekday;
}

/* Whether the weekday written fits y-m-d. */
static int weekday_fits(int y, int m, int d, int weekday)
{
    char buf[16];
    long day;
    if (m < 1 || m > 12 || d < 1 || d > 31)
        return 0;
    slog_format_ymd(y, m, d, buf);
    return slog_date_parse(buf, &day) && slog_weekday(day) == weekday;
}

/* Dates that could be read either way, with the weekday written beside
 * them ("jeudi 04/09/2025"): more of those weekdays fit day first. */
static int weekdays_say_day_first(const numeric_date *n, size_t count)
{
    size_t dmy = 0, mdy = 0;
    for (size_t i = 0; i < count; i++) {
        if (n[i].dotted || n[i].weekday < 0 || n[i].first > 12 || n[i].second > 12 ||
            n[i].first == n[i].second)
            continue;
        int y = atoi(n[i].entry->date);
        dmy += (size_t)weekday_fits(y, n[i].second, n[i].first, n[i].weekday);
        mdy += (size_t)weekday_fits(y, n[i].first, n[i].second, n[i].weekday);
    }
    return dmy > mdy;
}

/* Month and day order, settled per document: a reader who meets 25/3/2026
 * in a log reads its 3/9/2026 day first, and one who meets 03.15.2025 reads
 * its 03.10.2025 month first. */
void build_settle_numeric_dates(builder *b)
{
    numeric_date *n = b->numeric.data;
    int day_first = b->cfg->date_order == SLOG_DMY_DMY, month_first_dots = 0, mdy = 0;
    for (size_t i = 0; i < b->numeric.len; i++) {
        if (n[i].dotted)
            month_first_dots |= n[i].second > 12;
        else
            mdy |= n[i].second > 12;
    }
    if (b->cfg->date_order == SLOG_DMY_AUTO)
        day_first =
            (b->numeric_day_first || (!mdy && weekdays_say_day_first(n, b->numeric.len))) && !mdy;
    month_first_dots &= !b->dotted_day_first;
    for (size_t i = 0; i < b->numeric.len; i++) {
        if (n[i].second > 12 || n[i].first > 12)
            continue; /* read as it can only be read */
        if (n[i].dotted && month_first_dots)
            reread(&n[i], n[i].first, n[i].second);
        else if (!n[i].dotted && day_first)
            reread(&n[i], n[i].second, n[i].first);
    }
}

/* "## Week of 2026-03-02" over "- ✅ Moved the billing service": a weekly
 * report's record of the week, though "Week of" alone is a plan's date
 * (SPEC §1 r3: a date that only mentions the future makes no entry). The
 * heading opens with "Week of" and a full date, and its section (to the
 * next heading at its level or above, 400 lines at most) has work done
 * in it: a ✅, ✔ or ticked box, or a list item that opens with a verb in
 * the past tense ("- Wrote the introduction."). The skeleton keeps such sections whole. */
int build_week_of_record(builder *b, int line, int level, const char *h, size_t hlen,
                         slog_found_date *f)
{
    size_t i = slog_opens_week_of(h, hlen), next;
    if (!i || i == hlen || !strchr(" *_:", h[i]))
        return 0;
    if (!slog_find_full_date(b->cfg, h, hlen, i, f, &next) || f->time_end > f->time_start)
        return 0;
    for (size_t k = i; k < f->start; k++)
        if (!strchr(" \t*_:", h[k]))
            return 0;
    const slog_text *t = b->text;
    for (int n = line + 1; n <= (int)t->nlines && n <= line + 400; n++) {
        size_t len, hashes = 0;
        const char *s = slog_text_line(t, n, &len);
        while (hashes < len && s[hashes] == '#')
            hashes++;
        if (hashes && hashes <= (size_t)level && (hashes == len || s[hashes] == ' '))
            return 0;
        static const char *const done[] = {"\xE2\x9C\x85", "\xE2\x9C\x94", "[x]", "[X]"};
        for (size_t d = 0; d < sizeof done / sizeof *done; d++)
            if (memmem(s, len, done[d], strlen(done[d])))
                return 1;
        /* or a list item reporting work: "- Wrote the introduction." */
        if (len > 2 && strchr("-*+", s[0]) && s[1] == ' ') {
            char item[64];
            size_t k = len - 2 < sizeof item - 1 ? len - 2 : sizeof item - 1;
            memcpy(item, s + 2, k);
            item[k] = 0;
            if (slog_past_tense_first(item))
                return 1;
        }
    }
    return 0;
}
