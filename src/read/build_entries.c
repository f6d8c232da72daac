/* SPDX-License-Identifier: BSD-2-Clause */
/* Entries and their dates (SPEC §1): an entry's label, the entry that owns
 * what is met now, its date, time and zone, year-less dates and the order of
 * a numeric date's numbers settled per document. What opens an entry
 * besides a dated heading — bold lines, list items — is build_bold.c's. */
#include "build_internal.h"
#include "words.h"

#include "dates.h"

#include <stdlib.h>
#include <ctype.h>
#include <string.h>
#include <strings.h>

static int is_space(char c)
{
    return c == ' ' || c == '\t';
}

/* --- labels ------------------------------------------------------------------ */

static int is_separator(const char *s, size_t len, size_t *width)
{
    static const char *const seps[] = {"—", "–", "-", ":", "|",  ",",  "·",  "@",  "•",
                                       "~", "/", "»", "→", "：", "｜", "、", "・", "="};
    for (size_t i = 0; i < sizeof seps / sizeof *seps; i++) {
        if (!len || s[0] != seps[i][0])
            continue;
        size_t n = strlen(seps[i]);
        if (n <= len && memcmp(s, seps[i], n) == 0) {
            *width = n;
            return 1;
        }
    }
    if (len && is_space(*s)) {
        *width = 1;
        return 1;
    }
    return 0;
}

static size_t trim_left_seps(const char *s, size_t len)
{
    size_t off = 0, w;
    while (off < len && is_separator(s + off, len - off, &w))
        off += w;
    return off;
}

static size_t trim_right_seps(const char *s, size_t len)
{
    for (;;) {
        size_t w, cut = 0;
        /* Separators are ASCII or 3-byte dashes/dot; try the widths they have. */
        for (size_t n = 1; n <= 3 && n <= len && !cut; n++)
            if (is_separator(s + len - n, n, &w) && w == n)
                cut = n;
        if (!cut)
            return len;
        len -= cut;
    }
}

/* Calendar and clock emoji stand for the date: "📅 Session 4: 9 March 2026"
 * is labelled "Session 4". Returns the bytes of one at s, or 0. */
static size_t date_symbol(const char *s, size_t len)
{
    static const char *const symbols[] = {"📅", "📆", "🗓️", "🗓", "⏰", "🕐", "🕑", "🕒", "🕓",
                                          "🕔", "🕕", "🕖",       "🕗",    "🕘", "🕙", "🕚", "🕛"};
    for (size_t i = 0; i < sizeof symbols / sizeof *symbols; i++) {
        size_t n = strlen(symbols[i]);
        if (n <= len && memcmp(s, symbols[i], n) == 0)
            return n;
    }
    return 0;
}

static void strip_date_symbols(char *label)
{
    size_t len = strlen(label), from = 0, w;
    while (from < len && ((w = date_symbol(label + from, len - from)) || is_space(label[from])))
        from += w ? w : 1;
    memmove(label, label + from, len - from + 1);
}

/* The width of a pair of brackets that closes around h[l, r): "(...)",
 * "[...]", or full-width "（...）", "【...】", "「...」"; 0 for none. */
static size_t bracket_width(const char *h, size_t len, size_t l, size_t r)
{
    static const char *const pairs[][2] = {{"(", ")"},   {"[", "]"},   {"（", "）"},
                                           {"【", "】"}, {"「", "」"}, {"〔", "〕"}};
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
        size_t w = strlen(pairs[i][0]);
        if (l >= w && r + w <= len && memcmp(h + l - w, pairs[i][0], w) == 0 &&
            memcmp(h + r, pairs[i][1], w) == 0)
            return w;
    }
    return 0;
}

/* Where a span struck out just before `at` starts ("~~Mar 5~~ Mar 6"), or at. */
static size_t before_struck_out(const char *h, size_t at)
{
    size_t k = at;
    while (k && is_space(h[k - 1]))
        k--;
    if (k < 4 || h[k - 1] != '~' || h[k - 2] != '~')
        return at;
    for (size_t j = k - 2; j >= 2; j--)
        if (h[j - 1] == '~' && h[j - 2] == '~')
            return j - 2;
    return at;
}

/* How many times `mark` occurs in s[0, len). */
static size_t count_of(const char *s, size_t len, const char *mark)
{
    size_t n = 0, k = strlen(mark);
    for (size_t i = 0; i + k <= len; i++)
        if (memcmp(s + i, mark, k) == 0)
            n++, i += k - 1;
    return n;
}

/* Trailing separators of s[0, len) trimmed, but not the "»" that closes a
 * quotation the label opened: "for «Create shipment»". */
static size_t trim_right_label(const char *s, size_t len)
{
    size_t n = trim_right_seps(s, len);
    if (n + 2 <= len && !memcmp(s + n, "»", 2) && count_of(s, n, "«") > count_of(s, n, "»"))
        n += 2;
    return n;
}

/* The words that only introduce a date, left dangling when it goes:
 * "Sessione del 2026-06-10" is "Sessione", "Séance du …" "Séance". */
static size_t drop_dangling_word(const char *s, size_t len)
{
    static const char *const words[] = {"del", "de", "di", "du", "dal", "vom", "am", "le", "от",
                                        "за", "dia", "día", "jour", "ngày", "tanggal", "do", "da",
                                        /* "Project status as of 2026-03-10" */
                                        "as of"};
    size_t end = len;
    while (end && is_space(s[end - 1]))
        end--;
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        size_t k = strlen(words[i]);
        if (end > k && is_space(s[end - k - 1]) && strncasecmp(s + end - k, words[i], k) == 0) {
            end -= k;
            while (end && is_space(s[end - 1]))
                end--;
            return end;
        }
    }
    return len;
}

/* What the date left in its brackets: "(完成 )" is "(完成)", "执行情况 (" is
 * "执行情况", "( Ek)" is "(Ek)". */
/* A bracket left with only the word that led to its date: "(as of)",
 * "（截至 ）", "(Stand)", "(bis)". */
static void drop_dangling_brackets(char *label)
{
    static const char *const words[] = {"as of", "as at", "since", "until", "till",  "by",
                                        "from",  "截至",  "截止",  "自",    "stand", "bis",
                                        "seit",  "ab",    "desde", "hasta", "depuis"};
    static const char *const pairs[][2] = {{"(", ")"}, {"\xEF\xBC\x88", "\xEF\xBC\x89"}};
    for (size_t p = 0; p < 2; p++) {
        char *open = strstr(label, pairs[p][0]);
        if (!open)
            continue;
        char *in = open + strlen(pairs[p][0]), *close = strstr(in, pairs[p][1]);
        if (!close)
            continue;
        const char *a = in, *z = close;
        while (a < z && is_space(*a))
            a++;
        while (z > a && is_space(z[-1]))
            z--;
        for (size_t k = 0; k < sizeof words / sizeof *words; k++)
            if ((size_t)(z - a) == strlen(words[k]) && !strncasecmp(a, words[k], (size_t)(z - a))) {
                char *after = close + strlen(pairs[p][1]);
                while (open > label && is_space(open[-1]))
                    open--;
                memmove(open, after, strlen(after) + 1);
                break;
            }
    }
}

static void tidy_brackets(char *label)
{
    size_t o = 0;
    for (size_t i = 0; label[i]; i++) {
        if (label[i] == ' ' && label[i + 1] == ')')
            continue; /* " )" */
        if (label[i] == ' ' && o && label[o - 1] == '(')
            continue; /* "( " */
        label[o++] = label[i];
    }
    while (o && (label[o - 1] == '(' || label[o - 1] == '[' || label[o - 1] == ' '))
        o--;
    label[o] = '\0';
}

/* "(Kurulum)": a label that is one bracketed phrase loses its brackets
 * (the date it was beside has gone). */
static void unwrap_brackets(char *label)
{
    size_t len = strlen(label);
    if (len < 3 || label[0] != '(' || label[len - 1] != ')')
        return;
    for (size_t i = 1; i + 1 < len; i++)
        if (label[i] == '(' || label[i] == ')')
            return;
    memmove(label, label + 1, len - 2);
    label[len - 2] = '\0';
}

/* Symbols — arrows, dingbats, emoji (U+2000 to U+2BFF, U+1F000 to
 * U+1FAFF, their joiners and selectors) — and nothing but spaces and
 * punctuation beside them ("✏", "📓 —"; a label of punctuation alone, such
 * as "<!--", is what its writer asked for). */
static int symbols_only(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    int symbols = 0;
    while (*p) {
        unsigned cp = *p, n = 1;
        if (cp >= 0xF0 && p[1] && p[2] && p[3]) {
            cp = (cp & 7u) << 18 | (p[1] & 63u) << 12 | (p[2] & 63u) << 6 | (p[3] & 63u);
            n = 4;
        } else if (cp >= 0xE0 && p[1] && p[2]) {
            cp = (cp & 15u) << 12 | (p[1] & 63u) << 6 | (p[2] & 63u);
            n = 3;
        } else if (cp >= 0x80)
            return 0; /* a letter of a two-byte script */
        int symbol = cp < 0x80
                         ? !isalnum((int)cp)
                         : (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x1F000 && cp <= 0x1FAFF) ||
                               cp == 0xFE0F || cp == 0xFE0E || cp == 0x200D;
        if (!symbol)
            return 0;
        symbols += cp >= 0x80;
        p += n;
    }
    return symbols > 0;
}

/* The part of the day after a date, rough or in brackets, with the
 * separators after it: "~afternoon - ", "(late) - ", "evening: ". */
static size_t part_of_day(const char *s, size_t len)
{
    static const char *const parts[] = {"morning", "afternoon", "evening", "night",   "late",
                                        "early",   "noon",      "midday",  "midnight"};
    size_t i = 0, close = 0;
    if (i < len && s[i] == '~')
        i++;
    if (i < len && s[i] == '(')
        close = ++i;
    for (size_t k = 0; k < sizeof parts / sizeof *parts; k++) {
        size_t n = strlen(parts[k]);
        if (i + n <= len && !strncasecmp(s + i, parts[k], n) &&
            (i + n == len || !isalpha((unsigned char)s[i + n]))) {
            size_t e = i + n;
            if (close && (e >= len || s[e] != ')'))
                return 0;
            e += close ? 1 : 0;
            size_t after = e;
            while (after < len && is_space(s[after]))
                after++;
            /* "night shift" is a label: a separator or the end must follow */
            if (after < len && !strchr(",:-|", s[after]) && (unsigned char)s[after] != 0xE2)
                return 0;
            return e + trim_left_seps(s + e, len - e);
        }
    }
    return 0;
}

/* Only the key that says a date follows: "Date:", "Datum:", "Fecha:". */
static int date_key_only(const char *s, size_t len)
{
    static const char *const keys[] = {"date",      "datum", "fecha", "data",
                                       "date/time", "日期",  "日付",  "날짜"};
    while (len && (is_space(s[len - 1]) || strchr(":*_", s[len - 1])))
        len--;
    for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
        if (strlen(keys[k]) == len && !strncasecmp(s, keys[k], len))
            return 1;
    return 0;
}

char *build_label(builder *b, const char *h, size_t len, size_t ms, size_t me)
{
    size_t left = before_struck_out(h, ms), rstart = me; /* a date taken back is no label */
    /* Empty brackets around the date go too: "(2025-10-07)", "[2025-10-07
     * 14:00]", and nested ones: the wiki link "[[2026-03-09]]". */
    int bracketed = 0;
    for (;;) {
        size_t l = left, r = rstart;
        while (l && is_space(h[l - 1]))
            l--;
        while (r < len && is_space(h[r]))
            r++;
        size_t bw = bracket_width(h, len, l, r);
        if (!bw)
            break;
        bracketed = 1;
        left = l - bw;
        rstart = r + bw;
    }
    /* "Status (2025-10-07)": the brackets were the seam, the label keeps its
     * own punctuation ("<!-- (2026-03-10)" is "<!--") */
    size_t llen = left;
    if (bracketed) {
        while (llen && is_space(h[llen - 1]))
            llen--;
        /* "Sesión #011 - [2026-03-10 04:39]": a separator set apart by a
         * space before the brackets goes with them ("<!--" stays) */
        size_t w = llen;
        for (;;) {
            if (w && strchr("-|:", h[w - 1]))
                w--;
            else if (w >= 3 && (!memcmp(h + w - 3, "\xE2\x80\x94", 3) ||
                                !memcmp(h + w - 3, "\xE2\x80\x93", 3)))
                w -= 3; /* "—", "–" */
            else
                break;
        }
        if (w < llen && w && is_space(h[w - 1]) && is_separator(h + w, llen - w, &(size_t){0}))
            for (llen = w; llen && is_space(h[llen - 1]);)
                llen--;
    } else
        llen = drop_dangling_word(h, drop_dangling_word(h, trim_right_label(h, left)));
    size_t roff = rstart + trim_left_seps(h + rstart, len - rstart);
    size_t pod = part_of_day(h + roff, len - roff), seam = rstart;
    if (pod) { /* the seam is now after the part of the day */
        seam = roff;
        while (seam < roff + pod && !is_space(h[seam]) && !strchr(",:-|", h[seam]))
            seam++;
        roff += pod;
    }
    size_t rlen = trim_right_label(h + roff, len - roff);
    size_t lstart = trim_left_seps(h, llen);
    if (date_key_only(h + lstart, llen - lstart))
        lstart = llen; /* "Date: March 3rd 2025 (Ana)": "Ana" */
    char *out = slog_arena_chars(b->arena, len + 8);
    if (!out)
        return NULL;
    size_t o = llen - lstart;
    memcpy(out, h + lstart, o);
    if (o && rlen && !strchr("([", out[o - 1])) { /* "Done (14 Temmuz - Ek)": "Done (Ek)" */
        /* "Session 1 (2026-01-18) - credits secret": the dash that set the
         * two parts apart stays between them */
        size_t w = 0, at = seam;
        while (at < roff && is_space(h[at]))
            at++;
        if ((bracketed || pod) && at < roff && is_separator(h + at, roff - at, &w) && w > 0 &&
            !is_space(h[at]) && strchr("-:|\xE2", h[at])) {
            if (h[at] != ':')
                out[o++] = ' ';
            memcpy(out + o, h + at, w);
            o += w;
        }
        out[o++] = ' ';
    }
    memcpy(out + o, h + roff, rlen);
    out[o + rlen] = '\0';
    strip_date_symbols(out);
    tidy_brackets(out);
    unwrap_brackets(out);
    drop_dangling_brackets(out);
    if (symbols_only(out) || strspn(out, "# ") == strlen(out))
        out[0] = '\0'; /* "## ✏ 2026.06.03", "## ##### 29 aprile": no words, no label */
    return out;
}

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
        "before",    "until",    "till",    "up to",    "prior to",  "since", "до",       "перед",
        "prima del", "prima di", "fino al", "antes de", "antes del", "avant", "avant le", "vor",
        "bis",       "bis zum",  "seit",    "depuis",   "desde",     "przed", "voor",     "önce"};
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
    if (b->year_ref_entry && month < b->month_ref - 6)
        year++;
    else if (b->year_ref_entry && month > b->month_ref + 6)
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
        e->zone_known = slog_zone_offset(e->zone, &e->zone_offset);
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
        b->year_ref = year;
        b->month_ref = f->month;
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
     * frame, or the heading a bold line dates, is the entry itself) */
    const heading_frame *frames = b->headings.data;
    size_t open = b->headings.len;
    if (open && frames[open - 1].line == line)
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
