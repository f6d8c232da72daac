/* SPDX-License-Identifier: BSD-2-Clause */
/* A log of dated lines: a paragraph whose lines open with a date
 * ("2025-10-27 - Restored the diary", "[2025-10-28-001] - Refactored …"),
 * or a series of one-line paragraphs that do. Each line is an entry and
 * its one item, as a dated list item is (SPEC §1: a log a careful reader
 * sees, written without list markers — an agent appending lines). */
#include "build_internal.h"

#include <string.h>

/* A line that opens with an ISO-style date without a time ("2025-10-27",
 * "2025/10/27", after a "[" or "(" at most) and goes on with text: 1, its date (offsets
 * in s) and where its text starts. Only that form: the skeleton keeps such
 * lines by their first characters (skeleton.c, slog_iso_line_start). */
static int dated_line(builder *b, const char *s, size_t len, slog_found_date *f, size_t *text_from)
{
    size_t i = 0;
    while (i < len && build_is_space(s[i]))
        i++;
    size_t at;
    if (i > 3 || !slog_iso_line_start(s + i, len - i, &at))
        return 0;
    at += i;
    /* a time of day makes it a program's output ("[2025-09-29T10:47:02-0600]
     * CMD: git status"), pasted into the notes: no entries (SPEC §1 r2) */
    if (!slog_find_date(b->cfg, s, len, at, 1, f) || f->start != at || !f->year ||
        f->time_end > f->time_start)
        return 0;
    size_t t = f->end;
    /* the rest of the stamp: "-009]" of "[2025-10-27-009]", then ":", "-", "—" */
    if (at > i) {
        const char *close = memchr(s + t, s[at - 1] == '[' ? ']' : ')', len - t);
        if (close && close - (s + t) <= 8)
            t = (size_t)(close - s) + 1;
    }
    while (t < len && (build_is_space(s[t]) || strchr(":-|", s[t])))
        t++;
    while (t + 3 <= len &&
           (!memcmp(s + t, "\xE2\x80\x94", 3) || !memcmp(s + t, "\xE2\x80\x93", 3))) {
        t += 3; /* "—", "–" */
        while (t < len && build_is_space(s[t]))
            t++;
    }
    if (t == f->end || t >= len)
        return 0; /* "2025-10-27" alone, or glued to a word: no such line */
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
