/* SPDX-License-Identifier: BSD-2-Clause */
/* Entries of the three kinds (SPEC §1 r2) and their dates: headings with a
 * date; a bold date or bold key and date opening a paragraph (which makes the
 * heading above it an entry when it is that heading's first paragraph); a
 * top-level list item opening with a date, in a list where two items do. */
#include "build_internal.h"

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
    static const char *const seps[] = {"—", "–", "-", ":", "|",  ",",  "·",  "@", "•",
                                       "~", "/", "»", "→", "：", "｜", "、", "・"};
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
    if (bracketed)
        while (llen && is_space(h[llen - 1]))
            llen--;
    else
        llen = trim_right_seps(h, left);
    size_t roff = rstart + trim_left_seps(h + rstart, len - rstart);
    size_t rlen = trim_right_seps(h + roff, len - roff);
    size_t lstart = trim_left_seps(h, llen);
    char *out = slog_arena_chars(b->arena, len + 2);
    if (!out)
        return NULL;
    size_t o = llen - lstart;
    memcpy(out, h + lstart, o);
    if (o && rlen)
        out[o++] = ' ';
    memcpy(out + o, h + roff, rlen);
    out[o + rlen] = '\0';
    strip_date_symbols(out);
    return out;
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

static slog_status fill_date(builder *b, slog_entry *e, const char *h, const slog_found_date *f)
{
    int year = f->year;
    if (!year)
        year = infer_year(b, e->date_line, f->month);
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
        day_first = b->numeric_day_first && !mdy;
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

/* --- bold lines -------------------------------------------------------------- */

int build_first_line(builder *b, cmark_node *para, const char **s, size_t *len)
{
    int line = build_line(b, cmark_node_get_start_line(para));
    int col = cmark_node_get_start_column(para);
    size_t n;
    const char *p = slog_text_line(b->text, line, &n);
    size_t i = col > 1 && (size_t)(col - 1) <= n ? (size_t)(col - 1) : 0;
    while (i < n && is_space(p[i]))
        i++;
    while (n > i && is_space(p[n - 1]))
        n--;
    *s = p + i;
    *len = n - i;
    return line;
}

typedef struct {
    slog_found_date date; /* offsets into `plain` */
    const char *plain;    /* the line without its bold markers (in b->line_buf) */
    size_t len;
    size_t bold_len; /* the first bold run's length in `plain` */
    int key;         /* "**Key:** date" rather than "**date**" */
    int more;        /* the paragraph says more than its date */
} bold_line;

/* A short key before the date: a few words ("Date:", "Reported",
 * "Update (", "Last updated"), no sentence. */
static int short_key(const char *s, size_t len)
{
    int words = 0, in_word = 0;
    if (len > 60)
        return 0;
    for (size_t i = 0; i < len; i++) {
        int w = !is_space(s[i]);
        words += w && !in_word;
        in_word = w;
    }
    return words <= 5;
}

/* "**2026-03-09** ...", "**Mar 9, 2026** — ...", "**Date:** 2026-03-09",
 * "**Reported**: 2026-03-09 20:23 EST", "**Update (2026-03-11):** ...": the
 * date opens the first bold run, or follows a short key in it (or right
 * after it). */
static int bold_text_date(builder *b, cmark_node *para, const char *s, size_t len, bold_line *out);

static int bold_line_date(builder *b, cmark_node *para, bold_line *out)
{
    const char *s;
    size_t len;
    build_first_line(b, para, &s, &len);
    return bold_text_date(b, para, s, len, out);
}

static int bold_text_date(builder *b, cmark_node *para, const char *s, size_t len, bold_line *out)
{
    if (len < 5 || !((s[0] == '*' && s[1] == '*') || (s[0] == '_' && s[1] == '_')))
        return 0;
    char mark = s[0];
    slog_buf *p = &b->line_buf;
    slog_buf_clear(p);
    size_t runs = 0, bold_len = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == mark && i + 1 < len && s[i + 1] == mark) {
            if (++runs == 2)
                bold_len = p->len;
            while (i + 1 < len && s[i + 1] == mark) /* "***" is bold and emphasis */
                i++;
            continue;
        }
        slog_buf_put(p, s + i, 1);
    }
    if (p->failed || !p->data || runs < 2)
        return 0;
    memset(out, 0, sizeof *out);
    out->plain = p->data;
    out->len = p->len;
    out->bold_len = bold_len;
    slog_found_date f;
    if (!slog_find_date(b->cfg, p->data, p->len, 0, 0, &f))
        return 0;
    size_t key_end = f.start; /* the key ends where the date starts */
    while (key_end > 0 && strchr(" \t:([", p->data[key_end - 1]))
        key_end--;
    if (f.start > bold_len + 3 || (key_end && !short_key(p->data, key_end)))
        return 0; /* a date further on, or after a sentence */
    out->date = f;
    out->key = key_end > 0;
    size_t rest = f.end;
    while (rest < p->len && (is_space(p->data[rest]) || strchr(":-|)", p->data[rest])))
        rest++;
    out->more = rest < p->len || cmark_node_get_end_line(para) > cmark_node_get_start_line(para);
    return 1;
}

/* A bold line's label: its bold run without the date ("Reported", "Update"),
 * else what follows the bold date ("kickoff"). */
static char *bold_label(builder *b, const bold_line *bl)
{
    size_t n = bl->bold_len > bl->date.end ? bl->bold_len : bl->date.end;
    char *label = build_label(b, bl->plain, n, bl->date.start, bl->date.end);
    if (label && !*label)
        label = build_label(b, bl->plain, bl->len, bl->date.start, bl->date.end);
    return label;
}

/* A key that stamps a document or a section instead of opening one (SPEC
 * §1 r3): "Last updated", "Generated", "Log completed", "Session end time",
 * "End of day log". Its date is metadata, never an entry. */
static int stamp_key(const char *s, size_t len)
{
    static const char *const ends[] = {
        "updated",  "last update", "generated",  "prepared",       "completed", "modified",
        "edited",   "reviewed",    "revised",    "finished",       "archived",  "exported",
        "end time", "session end", "end of day", "end of day log", "log ended", "session ended",
        /* other languages: "最終更新", "更新日", "最后更新", "Stand", "Letzte Aktualisierung" */
        "最終更新", "更新日", "更新日時", "最后更新", "最後更新", "更新时间", "최종 수정", "최종 업데이트",
        "aktualisiert", "letzte aktualisierung", "mis à jour", "mise à jour", "actualizado",
        "última actualización", "aggiornato", "ultimo aggiornamento", "atualizado",
        "bijgewerkt"};
    char key[64];
    size_t n = 0;
    for (size_t i = 0; i < len && n + 1 < sizeof key; i++)
        key[n++] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
    while (n && strchr(" \t:*_(-", key[n - 1]))
        n--;
    /* "Generated on", "Last updated at": the preposition goes */
    if (n > 3 && (!memcmp(key + n - 3, " on", 3) || !memcmp(key + n - 3, " at", 3)))
        n -= 3;
    key[n] = '\0';
    for (size_t i = 0; i < sizeof ends / sizeof *ends; i++) {
        size_t k = strlen(ends[i]);
        /* a whole word at the end; in CJK any end ("**最終更新**") */
        if (k <= n && !memcmp(key + n - k, ends[i], k) &&
            (k == n || key[n - k - 1] == ' ' || (unsigned char)ends[i][0] >= 0xE3))
            return 1;
    }
    return 0;
}

/* "updated", "last revised": a word that says a text was revised then (a
 * heading's date after it is no entry's, unlike "Completed 2025-10-03"). */
static int revision_word(const char *s, size_t len)
{
    static const char *const words[] = {"updated", "revised", "edited", "modified"};
    while (len && strchr(" \t:*_(-", s[len - 1]))
        len--;
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        size_t n = strlen(words[i]);
        if (n <= len && !strncasecmp(s + len - n, words[i], n) &&
            (n == len || s[len - n - 1] == ' '))
            return 1;
    }
    return 0;
}

int build_stamp_mention(const char *s, size_t len, const slog_found_date *f)
{
    /* the date, then only a revision word to the end of the bracket or the
     * text: "(Dec 16 - Updated)"; "## Next 5 Tasks (updated 2025-10-01)"
     * dates the list's new version, an entry */
    size_t e = f->end;
    while (e < len && strchr(" \t-,:", s[e]))
        e++;
    for (size_t k = 0; e + 3 <= len && k < 3 && !memcmp(s + e, "\xe2\x80", 2); k++)
        e += 3; /* "–", "—" */
    while (e < len && strchr(" \t", s[e]))
        e++;
    size_t word = e;
    while (e < len && ((s[e] | 0x20) >= 'a' && (s[e] | 0x20) <= 'z'))
        e++;
    size_t rest = e;
    while (rest < len && strchr(" \t)].", s[rest]))
        rest++;
    return e > word && rest == len && revision_word(s + word, e - word);
}

/* A stamp before the first entry gives the document its date (when nothing
 * else does). */
static void stamp_date(builder *b, const bold_line *bl, int line)
{
    long day;
    if (!b->has_stamp_date && !b->entries.len && build_dateable(b, line, &bl->date) &&
        slog_found_day(&bl->date, &day)) {
        b->has_stamp_date = 1;
        b->stamp_day = day;
    }
}

/* A bold line inside the section of a dated entry is that entry's text, not
 * an entry of its own (SPEC §1 r3): "**Fix (2026-04-23)** — deployed ..."
 * within an incident. `except`: the heading the line would date. */
static int inside_dated_entry(builder *b, const heading_frame *except)
{
    const heading_frame *frames = b->headings.data;
    for (size_t i = 0; i < b->headings.len; i++)
        if (frames[i].entry && &frames[i] != except)
            return 1;
    return 0;
}

static int directly_under_title(builder *b)
{
    heading_frame *frames = b->headings.data;
    return !b->headings.len ||
           (b->doc->title && frames[b->headings.len - 1].line == b->doc->title_line);
}

/* The key before a bold line's date, lower case, into key[KEY_MAX]. */
enum { KEY_MAX = 64, KEY_BLOCK_LINES = 6 };
static void bold_key(const bold_line *bl, char *key)
{
    size_t n = 0;
    for (size_t i = 0; bl->key && i < bl->date.start && n + 1 < KEY_MAX; i++)
        if (!strchr(" \t:([", bl->plain[i]))
            key[n++] = (char)(bl->plain[i] >= 'A' && bl->plain[i] <= 'Z' ? bl->plain[i] + 32
                                                                         : bl->plain[i]);
    key[n] = '\0';
}

/* Another paragraph before the next heading that opens with a bold date,
 * or with the key `first` has: the section is a log of bold-line entries,
 * not one entry. "**Reported**: ..." then "**Fix (Marcus, ...)**" are one
 * bug's opening and a stamp within it. */
static int more_bold_lines(builder *b, cmark_node *after, const bold_line *first)
{
    char key[KEY_MAX], other[KEY_MAX];
    bold_key(first, key); /* before bold_line_date reuses the buffer `first` points into */
    bold_line bl;
    for (cmark_node *n = cmark_node_next(after); n; n = cmark_node_next(n)) {
        cmark_node_type t = cmark_node_get_type(n);
        if (t == CMARK_NODE_HEADING)
            return 0;
        if (t == CMARK_NODE_PARAGRAPH && bold_line_date(b, n, &bl)) {
            bold_key(&bl, other);
            if (!*other || !strcmp(key, other))
                return 1;
        }
    }
    return 0;
}

/* Nothing but markup, spaces and symbols before s[at]. */
static int opens_text_at(const char *s, size_t at)
{
    for (size_t i = 0; i < at; i++)
        if ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z')
            return 0;
    return 1;
}

/* A key that says the date is the section's own: "Date: 2026-03-12". */
static int date_key(const char *s, size_t len)
{
    static const char *const keys[] = {"date",      "reported",  "created", "time",     "when",
                                       "timestamp", "logged",    "posted",  "recorded", "written",
                                       "as of",     "date/time", "datetime"};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        if (strlen(keys[i]) == len && strncasecmp(s, keys[i], len) == 0)
            return 1;
    return 0;
}

/* "_2026-03-09 14:00_", "2026-03-11", "`Mar 9, 2026`", "Updated: 2026-03-12",
 * "*Date: 2026-03-12*": a line without bold that is only a date, or a date
 * key and a date (under an undated heading, it dates the section). */
static int plain_date_line(builder *b, cmark_node *para, bold_line *out)
{
    const char *s;
    size_t len;
    build_first_line(b, para, &s, &len);
    size_t a = 0, e = len;
    while (a < e && a < 2 && strchr("*_`", s[a]))
        a++;
    while (e > a && len - e < 2 && strchr("*_`", s[e - 1]))
        e--;
    slog_buf *p = &b->line_buf;
    slog_buf_clear(p);
    slog_buf_put(p, s + a, e - a);
    slog_found_date f;
    if (p->failed || !p->data || !slog_find_date(b->cfg, p->data, p->len, 0, 0, &f))
        return 0;
    size_t key_end = f.start;
    while (key_end > 0 && strchr(" \t:", p->data[key_end - 1]))
        key_end--;
    if (key_end && !date_key(p->data, key_end))
        return 0;
    size_t rest = f.end;
    while (rest < p->len && is_space(p->data[rest]))
        rest++;
    if (rest < p->len)
        return 0; /* "2026-03-11 we shipped": a sentence */
    memset(out, 0, sizeof *out);
    out->date = f;
    out->plain = p->data;
    out->len = p->len;
    out->bold_len = p->len;
    out->key = key_end > 0;
    out->more = cmark_node_get_end_line(para) > cmark_node_get_start_line(para);
    return 1;
}

int build_dated_by_next_line(builder *b, cmark_node *heading, const char *h,
                             const slog_found_date *f)
{
    /* the heading's date must stand in its title, not open it */
    if (opens_text_at(h, f->start))
        return 0;
    cmark_node *next = cmark_node_next(heading);
    bold_line bl;
    if (!next || cmark_node_get_type(next) != CMARK_NODE_PARAGRAPH ||
        (!bold_line_date(b, next, &bl) && !plain_date_line(b, next, &bl)) || !bl.key)
        return 0;
    size_t key = 0, key_end = bl.date.start;
    while (key_end > 0 && strchr(" \t:([", bl.plain[key_end - 1]))
        key_end--;
    while (key < key_end && strchr(" \t*_", bl.plain[key]))
        key++;
    return date_key(bl.plain + key, key_end - key) && bl.date.year;
}

/* The key of a bold or plain date line names the date as the section's
 * own ("**Date:**", "**When**:", "Reported"). */
static int dated_by_key(const bold_line *bl)
{
    size_t key = 0, key_end = bl->date.start;
    while (key_end > 0 && strchr(" \t:([", bl->plain[key_end - 1]))
        key_end--;
    while (key < key_end && strchr(" \t*_", bl->plain[key]))
        key++;
    return bl->key && date_key(bl->plain + key, key_end - key);
}

/* A block of "**Key**: value" lines whose first says no date and a later
 * one is a date key with a time: "**Who**: Claude" then "**When**:
 * 2025-08-24 15:30 JST" (one paragraph, hard breaks) dates the heading
 * above it. */
static int key_block_date(builder *b, cmark_node *para, bold_line *out)
{
    int first = build_line(b, cmark_node_get_start_line(para));
    int last = build_line(b, cmark_node_get_end_line(para));
    if (last == first || bold_line_date(b, para, out))
        return 0;
    for (int line = first; line <= last && line < first + KEY_BLOCK_LINES; line++) {
        size_t n, i = 0;
        const char *p = slog_text_line(b->text, line, &n);
        while (i < n && is_space(p[i]))
            i++;
        while (n > i && is_space(p[n - 1]))
            n--;
        if (n - i < 5 || p[i] != '*' || p[i + 1] != '*')
            return 0; /* the block ends: not a key line */
        /* with its time: a session's stamp ("**When**: 2025-08-24 15:30 JST"),
         * not a date among a pasted report's fields */
        if (line > first && bold_text_date(b, para, p + i, n - i, out) && dated_by_key(out))
            return out->date.seconds >= 0;
    }
    return 0;
}

/* What may date an undated heading: the paragraph right below it, or the
 * first item of the list right below it ("### INC-012 — Gateway timeouts"
 * then "- **Date:** 2026-05-30 · **Severity:** P2"). NULL: neither. */
static cmark_node *dating_candidate(cmark_node *heading, int *in_list)
{
    cmark_node *next = cmark_node_next(heading);
    *in_list = 0;
    if (next && cmark_node_get_type(next) == CMARK_NODE_LIST &&
        cmark_node_get_list_type(next) == CMARK_BULLET_LIST) {
        cmark_node *item = cmark_node_first_child(next);
        next = item ? cmark_node_first_child(item) : NULL;
        *in_list = 1;
    }
    return next && cmark_node_get_type(next) == CMARK_NODE_PARAGRAPH ? next : NULL;
}

slog_status build_heading_date_line(builder *b, heading_frame *f, cmark_node *heading)
{
    int in_list;
    cmark_node *next = dating_candidate(heading, &in_list);
    cmark_node *parent = cmark_node_parent(heading);
    bold_line bl;
    if (!next || (parent && cmark_node_get_type(parent) == CMARK_NODE_ITEM))
        return SLOG_OK;
    int (*read_line)(builder *, cmark_node *, bold_line *) = bold_line_date;
    if (key_block_date(b, next, &bl))
        read_line = key_block_date;
    else if (!bold_line_date(b, next, &bl)) {
        /* under a level-1 heading or before the first level-2 one, "Date:
         * ..." is the document's metadata */
        if (f->entry || f->level < 2 || !b->seen_level2 || !plain_date_line(b, next, &bl))
            return SLOG_OK;
        read_line = plain_date_line;
    }
    /* a list's first item dates the heading only by a date key: "- **2026-03-09**
     * shipped" opens a list of dated items instead */
    if (in_list && !dated_by_key(&bl))
        return SLOG_OK;
    /* "### REQ-01" then "**提出时间**: 2024-10-23" inside a dated entry is its
     * text; "### Task: wire the API" then "**When**: 2025-08-21 00:47 JST"
     * inside "## 2025-08-21" is a session of that day, at its time */
    if (!f->entry && inside_dated_entry(b, f) && !(dated_by_key(&bl) && bl.date.seconds >= 0))
        return SLOG_OK;
    if (f->entry) { /* "## 2026-03-09 Status" then "**Date:** 2026-03-09": a restatement */
        long day;
        if (slog_found_day(&bl.date, &day) && day == f->entry->day) {
            b->restating_para = next;
            f->entry->has_content |= bl.more;
        }
        return SLOG_OK;
    }
    int line = build_line(b, cmark_node_get_start_line(next));
    /* more_bold_lines reads other lines into the buffer `bl` points into:
     * read this one again after it (found by fuzz_check) */
    cmark_node *block = in_list ? cmark_node_next(heading) : next;
    if (more_bold_lines(b, block, &bl) || !read_line(b, next, &bl))
        return SLOG_OK;
    if (bl.key && stamp_key(bl.plain, bl.date.start)) {
        stamp_date(b, &bl, line);
        return SLOG_OK;
    }
    if (!build_dateable(b, line, &bl.date))
        return SLOG_OK;
    slog_entry *e =
        build_new_entry(b, SLOG_ENTRY_BOLD, f->line, f->level, bl.plain, bl.len, &bl.date);
    if (!e)
        return build_nomem(b);
    e->date_line = line;
    e->heading = f->title;
    e->label = f->title;
    e->has_content = bl.more || in_list;
    f->entry = e;
    b->dating_para = next;
    return SLOG_OK;
}

slog_status build_bold_paragraph(builder *b, cmark_node *para, int *started)
{
    *started = 0;
    bold_line bl;
    if (para == b->dating_para || para == b->restating_para || !bold_line_date(b, para, &bl))
        return SLOG_OK;
    int line = build_line(b, cmark_node_get_start_line(para));
    if (bl.key && stamp_key(bl.plain, bl.date.start)) {
        stamp_date(b, &bl, line);
        return SLOG_OK; /* "**Last updated:** ...": a stamp */
    }
    if (bl.key && directly_under_title(b))
        return SLOG_OK; /* "**Date:** ..." below the title is the document's metadata */
    if (inside_dated_entry(b, NULL))
        return SLOG_OK;
    if (!build_dateable(b, line, &bl.date))
        return SLOG_OK;
    heading_frame *frames = b->headings.data;
    int level = (b->headings.len ? frames[b->headings.len - 1].level : 0) + 1;
    build_close_bold(b, line, level);
    slog_entry *e = build_new_entry(b, SLOG_ENTRY_BOLD, line, level, bl.plain, bl.len, &bl.date);
    char *heading = e ? slog_arena_strndup(b->arena, bl.plain, bl.len) : NULL;
    char *label = heading ? bold_label(b, &bl) : NULL;
    if (!label)
        return build_nomem(b);
    e->heading = heading;
    e->label = label;
    e->has_content = bl.more;
    b->bold = e;
    *started = 1;
    return SLOG_OK;
}

/* --- list items ----------------------------------------------------------------- */

int build_list_item_date(builder *b, cmark_node *item, slog_found_date *f, size_t *text_from)
{
    cmark_node *para = cmark_node_first_child(item);
    if (!para || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH)
        return 0;
    const char *s;
    size_t len, i = 0;
    int line = build_first_line(b, para, &s, &len);
    if (len >= 3 && s[0] == '[' && (s[1] == ' ' || s[1] == 'x' || s[1] == 'X') && s[2] == ']')
        return 0; /* a task-list item */
    for (size_t k = 0; len && s[0] == '[' && k + 3 <= len; k++)
        if (!memcmp(s + k, "](#", 3))
            return 0; /* "[2023-09-24 - ESP32 Received](#2023-09-24...)": a table of contents */
    while (i < len && (strchr("*_[(`", s[i]) || is_space(s[i]))) /* "**2026-03-09**", "`...`" */
        i++;
    if (!slog_find_date(b->cfg, s, len, i, 1, f) || !build_dateable(b, line, f))
        return 0;
    size_t k = f->end;
    if (k < len && ((s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'z'))
        return 0; /* "2026-03-09x": glued to a word */
    if (k + 1 < len && (s[k] == '-' || s[k] == '_') && isalnum((unsigned char)s[k + 1]))
        return 0; /* "2026-03-09-notes.md": a name */
    if (memchr(s, '`', i) && (k >= len || s[k] != '`'))
        return 0; /* "`2026-03-09`" is a date, "`2026-03-09 run.log`" a name */
    while (k < len && (strchr("*_])|:-`", s[k]) || is_space(s[k])))
        k++;
    while (k + 3 <= len && (!memcmp(s + k, "—", 3) || !memcmp(s + k, "–", 3))) {
        k += 3;
        while (k < len && is_space(s[k]))
            k++;
    }
    *text_from = k;
    return 1;
}

slog_status build_list_enter(builder *b, cmark_node *list)
{
    int dated = 0;
    slog_found_date f;
    size_t from;
    for (cmark_node *it = cmark_node_first_child(list); it && dated < 2; it = cmark_node_next(it))
        dated += build_list_item_date(b, it, &f, &from);
    if (dated >= 2) {
        b->entry_list = list;
    }
    return SLOG_OK;
}
