/* SPDX-License-Identifier: BSD-2-Clause */
/* A log of dated lines: a paragraph whose lines open with a date
 * ("2025-10-27 - Restored the diary", "[2025-10-28-001] - Refactored …"),
 * or a series of one-line paragraphs that do. Each line is an entry and
 * its one item, as a dated list item is (SPEC §1: a log a careful reader
 * sees, written without list markers — an agent appending lines); and
 * records each opened by a bracketed stamp and a title, which
 * build_bold.c makes entries as it does bold date lines. */
#include "build_internal.h"

#include <string.h>

/* Words a writer wrote: a word with a lower-case letter first (after a
 * capital), four words at least — not a level or key in capitals ("INFO",
 * "CMD:", "RESULT:") nor a terse reading ("healthcheck ok"). */
static int writers_words(const char *s, size_t len)
{
    size_t i = 0, words = 0;
    int lower = 0;
    for (; i < len && s[i] != ' ' && s[i] != ':'; i++)
        lower |= s[i] >= 'a' && s[i] <= 'z';
    if (!lower)
        return 0;
    for (i = 0; i < len; i++)
        words += s[i] != ' ' && (i == 0 || s[i - 1] == ' ');
    return words >= 4;
}

/* A line that opens with an ISO-style date ("2025-10-27", "2025/10/27",
 * after a "[" or "(" at most; with a time, a writer's words after it) and goes on with text: 1, its
 * date (offsets in s) and where its text starts. Only that form: the skeleton keeps such lines by
 * their first characters (skeleton.c, slog_iso_line_start). */
static int dated_line(builder *b, const char *s, size_t len, slog_found_date *f, size_t *text_from)
{
    size_t i = 0;
    while (i < len && build_is_space(s[i]))
        i++;
    size_t at;
    if (i > 3 || !slog_iso_line_start(s + i, len - i, &at))
        return 0;
    at += i;
    if (!slog_find_date(b->cfg, s, len, at, 1, f) || f->start != at || !f->year)
        return 0;
    size_t t = f->end;
    /* the rest of the stamp: "-009]" of "[2025-10-27-009]", then ":", "-", "—" */
    if (at > i) {
        const char *close = memchr(s + t, s[at - 1] == '[' ? ']' : ')', len - t);
        if (close && close - (s + t) <= 8)
            t = (size_t)(close - s) + 1;
    }
    while (t < len && (build_is_space(s[t]) || strchr(":-|,", s[t])))
        t++;
    while (t + 3 <= len &&
           (!memcmp(s + t, "\xE2\x80\x94", 3) || !memcmp(s + t, "\xE2\x80\x93", 3))) {
        t += 3; /* "—", "–" */
        while (t < len && build_is_space(s[t]))
            t++;
    }
    if (t == f->end || t >= len)
        return 0; /* "2025-10-27" alone, or glued to a word: no such line */
    /* with a time of day, a program's output pasted into the notes ("[2025-09-29T10:47:02-0600]
     * CMD: git status", "2026-03-09 14:00:01 INFO starting rollout": a key or level in
     * capitals first, SPEC §1 r2) — unless a writer's words follow ("2025-11-22 11:18:44 PST
     * Reviewed backend routes; …", "2026-06-06 02:06 UTC, Amp/GPT-5.5: We gave …") */
    if (f->time_end > f->time_start && !writers_words(s + t, len - t))
        return 0;
    *text_from = t;
    return 1;
}

/* Dated lines in the paragraph's lines first .. last, at most `enough`. */
static int count_dated(builder *b, int first, int last, int enough)
{
    int n = 0;
    for (int line = first; line <= last && n < enough; line++) {
        size_t len, from;
        slog_found_date f;
        const char *s = slog_text_line(b->text, line, &len);
        n += dated_line(b, s, len, &f, &from);
    }
    return n;
}

/* The next block is a one-line paragraph after one blank line that opens
 * with a date: a series of dated lines written apart. (Line numbers, not
 * the next node: the skeleton reading blanks what lies between.) */
static int next_is_dated_line(builder *b, cmark_node *para, int last)
{
    cmark_node *next = cmark_node_next(para);
    if (!next || cmark_node_get_type(next) != CMARK_NODE_PARAGRAPH)
        return 0;
    int first = build_line(b, cmark_node_get_start_line(next));
    return first == last + 2 && count_dated(b, first, first, 1) == 1;
}

slog_status build_line_entries(builder *b, cmark_node *para, int *started)
{
    *started = 0;
    if (build_inside_dated_entry(b, NULL) ||
        cmark_node_get_type(cmark_node_parent(para)) != CMARK_NODE_DOCUMENT)
        return SLOG_OK;
    int first = build_line(b, cmark_node_get_start_line(para));
    int last = build_end_line(b, cmark_node_get_end_line(para));
    /* the paragraph opens with a dated line, after a blank line, a heading
     * or a rule: what the skeleton keeps of such a log (skeleton.c) */
    size_t plen;
    const char *above = first > 1 ? slog_text_line(b->text, first - 1, &plen) : NULL;
    int after_break = !above || slog_paragraph_may_follow(above, plen);
    if (!after_break || count_dated(b, first, first, 1) != 1)
        return SLOG_OK;
    int n = count_dated(b, first, last, 2);
    if (!n || (n == 1 && !b->line_dates && !next_is_dated_line(b, para, last)))
        return SLOG_OK;
    slog_entry *prev = NULL;
    for (int line = first; line <= last; line++) {
        size_t len, from;
        slog_found_date f;
        const char *s = slog_text_line(b->text, line, &len);
        if (!dated_line(b, s, len, &f, &from)) {
            if (prev)
                prev->end_line = prev->items->end_line = line; /* its text goes on */
            continue;
        }
        slog_entry *owner = build_current_entry(b);
        slog_entry *e =
            build_new_entry(b, SLOG_ENTRY_LIST, line, (owner ? owner->level : 0) + 1, s, len, &f);
        char *heading = e ? slog_arena_strndup(b->arena, s, len) : NULL;
        if (!heading || build_line_item(b, e, line, s + from, len - from) != SLOG_OK)
            return build_nomem(b);
        e->heading = heading;
        e->has_content = 1;
        prev = e;
    }
    b->line_dates = 1;
    *started = 1;
    return SLOG_OK;
}

/* --- records opened by a stamp ---------------------------------------------------- */

/* The stamp that opens a record's line: "[2026-03-18 23:32:18 -03:00] -
 * Paso 2.2: …" — a bracketed date with its time, a dash or colon, words.
 * The date's offsets in *f; 0 when the line is no such. */
static int record_stamp(builder *b, const char *s, size_t len, slog_found_date *f)
{
    size_t at;
    if (len < 14 || s[0] != '[' || !slog_iso_line_start(s, len, &at) ||
        !slog_find_date(b->cfg, s, len, at, 1, f) || f->start != at || !f->year ||
        f->time_end <= f->time_start)
        return 0;
    size_t t = f->end; /* a zone not read as one ("ART") may close the stamp */
    while (t < len && t < f->end + 10 && s[t] != ']' &&
           (build_is_space(s[t]) || strchr("+-:", s[t]) || (s[t] >= '0' && s[t] <= '9') ||
            (s[t] >= 'A' && s[t] <= 'Z')))
        t++;
    if (t >= len || s[t] != ']')
        return 0;
    f->end = t++; /* the stamp's rest is no part of the label */
    while (t < len && build_is_space(s[t]))
        t++;
    if (t + 3 <= len && (!memcmp(s + t, "\xE2\x80\x94", 3) || !memcmp(s + t, "\xE2\x80\x93", 3)))
        t += 3;
    else if (t < len && (s[t] == '-' || s[t] == ':'))
        t++;
    else
        return 0;
    while (t < len && build_is_space(s[t]))
        t++;
    return t < len &&
           ((unsigned char)s[t] >= 0x80 || ((s[t] | 0x20) >= 'a' && (s[t] | 0x20) <= 'z'));
}

/* A line that is only a date (or a range of days), numeric or ISO, at the
 * left margin ("24/03/2025", "23/04/2025 - 24/04/2025", "16/03/2025:"). */
static int date_line(builder *b, const char *s, size_t len, slog_found_date *f)
{
    size_t at;
    if (!slog_iso_line_start(s, len, &at) && !slog_numeric_line_start(s, len))
        return 0;
    if (!slog_find_date(b->cfg, s, len, 0, 1, f) || f->start != 0 || !f->year)
        return 0;
    size_t t = f->end;
    while (t < len && (build_is_space(s[t]) || s[t] == ':'))
        t++;
    return t == len;
}

typedef int (*opening_line)(builder *b, const char *s, size_t len, slog_found_date *f);

/* The first line after `line` that opens a paragraph and a record of the
 * kind (after a blank line, a heading or a rule: what the skeleton keeps),
 * or 0. The search goes forward only, its answer kept while it lies ahead. */
static int next_opening(builder *b, build_lookahead *ahead, opening_line opens, int line)
{
    if (ahead->after && line >= ahead->after && (!ahead->next || ahead->next > line))
        return ahead->next;
    ahead->after = line;
    ahead->next = 0;
    for (int l = line + 1; (size_t)l <= b->text->nlines; l++) {
        size_t len, plen;
        const char *s = slog_text_line(b->text, l, &len);
        const char *above = slog_text_line(b->text, l - 1, &plen);
        slog_found_date f;
        if (len && slog_paragraph_may_follow(above, plen) && opens(b, s, len, &f)) {
            ahead->next = l;
            break;
        }
    }
    return ahead->next;
}

/* The top-level paragraph opens a record of the kind: its first line does,
 * no other line of it opens with a date (a program's output pasted,
 * "[2025-09-29T10:47:02-0600] CMD: git status" line after line, stamps
 * every line), it has a body after its first line when `body` asks, and
 * a record of the kind came before or another follows. */
static int opens_record(builder *b, cmark_node *para, build_lookahead *ahead, opening_line opens,
                        int body, slog_found_date *f)
{
    if (cmark_node_get_type(cmark_node_parent(para)) != CMARK_NODE_DOCUMENT)
        return 0;
    int first = build_line(b, cmark_node_get_start_line(para));
    int last = build_end_line(b, cmark_node_get_end_line(para));
    size_t len, at;
    const char *s = slog_text_line(b->text, first, &len);
    if ((body && last == first) || !opens(b, s, len, f))
        return 0;
    for (int l = first + 1; l <= last; l++) {
        size_t n;
        const char *t = slog_text_line(b->text, l, &n);
        while (n && build_is_space(*t))
            t++, n--;
        if (slog_iso_line_start(t, n, &at) || slog_numeric_line_start(t, n))
            return 0;
    }
    return ahead->made || next_opening(b, ahead, opens, last);
}

/* "[2026-03-18 23:32:18 -03:00] - Paso 2.2: Pay-Per-Token UI" over the
 * record's body, or "24/03/2025" over the day's notes: an entry, as a bold
 * date line would be (build_bold.c). */
int build_record_line(builder *b, cmark_node *para, slog_found_date *f, build_lookahead **kind)
{
    *kind = &b->stamps;
    if (opens_record(b, para, *kind, record_stamp, 0, f))
        return 1;
    *kind = &b->date_lines;
    return opens_record(b, para, *kind, date_line, 1, f);
}
