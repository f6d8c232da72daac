/* SPDX-License-Identifier: BSD-2-Clause */
/* Entries that a line other than a dated heading makes (SPEC §1 r2/r3): a
 * bold date or a bold key and date opening a paragraph (which makes the
 * heading above it an entry when it is that heading's first paragraph,
 * and is text inside a dated entry); stamps that date a document or a
 * section instead; the first item of a list, or a block of bold keys, that
 * dates the heading above (top-level list items opening with a date:
 * build_list.c). */
#include "build_internal.h"
#include "words.h"

#include "dates.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* --- bold lines -------------------------------------------------------------- */

int build_first_line(builder *b, cmark_node *para, const char **s, size_t *len)
{
    int line = build_line(b, cmark_node_get_start_line(para));
    int col = cmark_node_get_start_column(para);
    size_t n;
    const char *p = slog_text_line(b->text, line, &n);
    size_t i = col > 1 && (size_t)(col - 1) <= n ? (size_t)(col - 1) : 0;
    while (i < n && build_is_space(p[i]))
        i++;
    while (n > i && build_is_space(p[n - 1]))
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
        int w = !build_is_space(s[i]);
        words += w && !in_word;
        in_word = w;
    }
    return words <= 5;
}

/* The paragraph goes on past its first line with something to say (not
 * "<br>" lines: an entry left unfilled). */
static int more_lines(builder *b, cmark_node *para)
{
    int first = build_line(b, cmark_node_get_start_line(para));
    int last = build_end_line(b, cmark_node_get_end_line(para));
    return last > first && build_lines_say_something(b, first + 1, last);
}

/* "**2026-03-09** ...", "**Mar 9, 2026** — ...", "**Date:** 2026-03-09",
 * "**Reported**: 2026-03-09 20:23 EST", "**Update (2026-03-11):** ...": the
 * date opens the first bold run, or follows a short key in it (or right
 * after it). */
static int bold_text_date(builder *b, cmark_node *para, const char *s, size_t len, bold_line *out);

static int bold_line_date(builder *b, cmark_node *para, bold_line *out)
{
    const char *s;
    size_t len, w;
    build_first_line(b, para, &s, &len);
    /* "📅 **October 25th**": a calendar before the bold date stands for it */
    while (len && ((w = build_date_symbol(s, len)) || build_is_space(*s))) {
        w = w ? w : 1;
        s += w;
        len -= w;
    }
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
    while (rest < p->len && (build_is_space(p->data[rest]) || strchr(":-|)", p->data[rest])))
        rest++;
    out->more = rest < p->len || more_lines(b, para);
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
int build_inside_dated_entry(builder *b, const heading_frame *except)
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
enum { KEY_BLOCK_LINES = 6 };
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
static int more_bold_lines_keyed(builder *b, cmark_node *after, const bold_line *first,
                                 int same_key);

static int more_bold_lines(builder *b, cmark_node *after, const bold_line *first)
{
    return more_bold_lines_keyed(b, after, first, 0);
}

static int more_bold_lines_keyed(builder *b, cmark_node *after, const bold_line *first,
                                 int same_key)
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
            if ((!same_key && !*other) || !strcmp(key, other))
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
    if (key_end && !build_date_key(p->data, key_end))
        return 0;
    size_t rest = f.end;
    while (rest < p->len && build_is_space(p->data[rest]))
        rest++;
    if (rest < p->len)
        return 0; /* "2026-03-11 we shipped": a sentence */
    memset(out, 0, sizeof *out);
    out->date = f;
    out->plain = p->data;
    out->len = p->len;
    out->bold_len = p->len;
    out->key = key_end > 0;
    out->more = more_lines(b, para);
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
    /* "## Session 2026-02-23 — Issue archive" then "**Date**: 2026-02-23":
     * the line says again the heading's own date */
    long heading_day, line_day;
    if (slog_found_day(f, &heading_day) && slog_found_day(&bl.date, &line_day) &&
        heading_day == line_day)
        return 0;
    return build_date_key(bl.plain + key, key_end - key) && bl.date.year;
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
    return bl->key && build_date_key(bl->plain + key, key_end - key);
}

/* Nothing after the date of its line but a line break ("<br>", "\\"). */
static int nothing_after(const bold_line *bl)
{
    size_t i = bl->date.end;
    while (i < bl->len && (build_is_space(bl->plain[i]) || bl->plain[i] == '\\'))
        i++;
    if (i + 4 <= bl->len && !strncasecmp(bl->plain + i, "<br", 3))
        while (i < bl->len && bl->plain[i++] != '>')
            ;
    while (i < bl->len && build_is_space(bl->plain[i]))
        i++;
    return i == bl->len;
}

/* The block opens with who attended: "**Närvarande**:", "**Attendees**:" —
 * a meeting's record, its day in a later key line (a report's fields,
 * "**Status**: ✅ COMPLETED" then "**Date**: …", date no record). */
static int attendees_first(builder *b, int line)
{
    static const char *const who[] = {
        "attendees", "attendance", "present",        "participants", "närvarande", "deltagare",
        "anwesend",  "teilnehmer", "présents",       "asistentes",   "presentes",  "partecipanti",
        "aanwezig",  "obecni",     "присутствовали", "участники",    "出席者",     "参会人员",
        "参与者",    "参加者",     "참석자"};
    size_t n;
    const char *s = slog_text_line(b->text, line, &n);
    size_t i = 0;
    while (i < n && (build_is_space(s[i]) || s[i] == '*' || s[i] == '_'))
        i++;
    return slog_opening_word(s + i, n - i, who, sizeof who / sizeof *who, "") > 0;
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
        while (i < n && build_is_space(p[i]))
            i++;
        while (n > i && build_is_space(p[n - 1]))
            n--;
        if (n - i < 5 || p[i] != '*' || p[i + 1] != '*')
            return 0; /* the block ends: not a key line */
        /* with its time: a session's stamp ("**When**: 2025-08-24 15:30 JST"),
         * not a date among a pasted report's fields */
        /* or the block's last line, the date alone: "**Närvarande**: …<br>"
         * then "**Datum**: 2022-04-08<br>", a meeting's attendees and day */
        if (line > first && bold_text_date(b, para, p + i, n - i, out) && dated_by_key(out))
            return out->date.seconds >= 0 ||
                   (line == last && nothing_after(out) && attendees_first(b, first));
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
    /* "## Entrada 001" then "### 1) Metadados" over "- Data/hora: …": the
     * record's fields under a sub-heading of their own */
    if (next && cmark_node_get_type(next) == CMARK_NODE_HEADING &&
        cmark_node_get_heading_level(next) > cmark_node_get_heading_level(heading)) {
        cmark_node *text = cmark_node_first_child(next);
        const char *t = text && cmark_node_get_type(text) == CMARK_NODE_TEXT
                            ? cmark_node_get_literal(text)
                            : NULL;
        if (t && slog_metadata_title(t, strlen(t)))
            next = cmark_node_next(next);
    }
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
        /* "## Last Updated" then "2025-02-28 14:45": a stamp, as its bold key */
        if (f->title && build_stamp_key(f->title, strlen(f->title)))
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
    if (!f->entry && build_inside_dated_entry(b, f) && !(dated_by_key(&bl) && bl.date.seconds >= 0))
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
    if (bl.key && build_stamp_key(bl.plain, bl.date.start)) {
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

/* Inside a dated entry, a bold line that is only a day ("**MON. 2 March
 * 2026**", its weekday and date, nothing else in bold) of another date
 * than the entry's: a day of the week or span the entry covers ("## Week
 * 1 · Week Ending: Saturday, 7 March 2026"), an entry of its own under it. */
static int day_of_a_span(builder *b, const bold_line *bl)
{
    if (bl->key || !bl->date.year)
        return 0;
    for (size_t i = 0; i < bl->bold_len; i++) {
        if (i >= bl->date.start && i < bl->date.end)
            continue;
        if (!strchr(" .,*_", bl->plain[i]))
            return 0; /* a word of its own: "**Fix (2026-04-23)**" is the entry's text */
    }
    const heading_frame *frames = b->headings.data;
    long day;
    if (!slog_found_day(&bl->date, &day))
        return 0;
    for (size_t i = b->headings.len; i-- > 0;)
        if (frames[i].entry)
            return frames[i].entry->day != day;
    return 0;
}

/* "2025-02-03" on a line of its own over a list, in a series of such
 * ("2025-02-03", its list, "2025-02-05", its list …): a day's entry, as a
 * bold date line would be. One alone is no log: the next such line comes
 * after its list, or one came before. */
static int plain_date_over_list(builder *b, cmark_node *para, bold_line *bl)
{
    cmark_node *list = cmark_node_next(para);
    if (!list || cmark_node_get_type(list) != CMARK_NODE_LIST ||
        cmark_node_get_type(cmark_node_parent(para)) != CMARK_NODE_DOCUMENT)
        return 0;
    cmark_node *then = cmark_node_next(list);
    while (then && cmark_node_get_type(then) == CMARK_NODE_THEMATIC_BREAK)
        then = cmark_node_next(then); /* "---" between records */
    bold_line next;
    if (!b->plain_dates && !(then && cmark_node_get_type(then) == CMARK_NODE_PARAGRAPH &&
                             plain_date_line(b, then, &next) && !next.key))
        return 0;
    /* (its first line only a date; fields may follow it: "2026-02-07 01:05"
     * over "作業項目: …" and the list) */
    return plain_date_line(b, para, bl) && !bl->key && bl->date.year;
}

/* A record opened by a stamp or a date line (build_record_line): an
 * entry, as a bold date line would be; its line in `out`. */
static int record_line(builder *b, cmark_node *para, bold_line *out, build_lookahead **kind)
{
    slog_found_date f;
    if (!build_record_line(b, para, &f, kind))
        return 0;
    size_t len;
    const char *s = slog_text_line(b->text, build_line(b, cmark_node_get_start_line(para)), &len);
    slog_buf *p = &b->line_buf;
    slog_buf_clear(p);
    slog_buf_put(p, s, len);
    if (p->failed || !p->data)
        return 0;
    memset(out, 0, sizeof *out);
    out->date = f;
    out->plain = p->data;
    out->len = p->len;
    out->bold_len = p->len;
    out->more = 1;
    return 1;
}

slog_status build_bold_paragraph(builder *b, cmark_node *para, int *started)
{
    *started = 0;
    bold_line bl;
    if (para == b->dating_para || para == b->restating_para)
        return SLOG_OK;
    int plain = 0;
    build_lookahead *record = NULL;
    if (!bold_line_date(b, para, &bl)) {
        if (build_inside_dated_entry(b, NULL))
            return SLOG_OK;
        if (plain_date_over_list(b, para, &bl))
            plain = 1;
        else if (!record_line(b, para, &bl, &record))
            return SLOG_OK;
    }
    int line = build_line(b, cmark_node_get_start_line(para));
    if (bl.key && build_stamp_key(bl.plain, bl.date.start)) {
        stamp_date(b, &bl, line);
        return SLOG_OK; /* "**Last updated:** ...": a stamp */
    }
    if (bl.key && directly_under_title(b)) {
        /* "**Date:** ..." below the title is the document's metadata; but
         * "**Update**: 2026-03-10 - ..." again and again is a log there */
        char key[KEY_MAX];
        bold_key(&bl, key);
        int log = *b->title_log_key && !strcmp(key, b->title_log_key);
        if (!log && *key && more_bold_lines_keyed(b, para, &bl, 1)) {
            log = 1;
            snprintf(b->title_log_key, sizeof b->title_log_key, "%s", key);
        }
        if (!log || !bold_line_date(b, para, &bl)) /* read again: the search reused its buffer */
            return SLOG_OK;
    }
    if (build_inside_dated_entry(b, NULL) && !day_of_a_span(b, &bl))
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
    b->plain_dates += plain;
    if (record)
        record->made++;
    *started = 1;
    return SLOG_OK;
}
