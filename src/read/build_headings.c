/* SPDX-License-Identifier: BSD-2-Clause */
/* Headings: the stack of enclosing headings, the title, dated headings that
 * open entries and undated ones that open sections (build.c walks; this file
 * reads what a heading is). */
#include "build_internal.h"
#include "words.h"

#include "dates.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* --- headings ---------------------------------------------------------- */

/* Plain text of a heading's first line: text and code literals. A setext
 * "heading" of many lines is almost always command output above a row of
 * '=' or '-', and a person reads only its first line as a heading. */
static int heading_text(builder *b, cmark_node *heading)
{
    slog_buf_clear(&b->text_buf);
    if (slog_buf_put(&b->text_buf, "", 0) != 0)
        return 0;
    cmark_iter *it = cmark_iter_new(heading);
    if (!it)
        return 0;
    cmark_event_type ev;
    int ok = 1;
    while (ok && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        if (ev != CMARK_EVENT_ENTER)
            continue;
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE: {
            const char *lit = cmark_node_get_literal(n);
            ok = slog_buf_puts(&b->text_buf, lit) == 0;
            break;
        }
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
            cmark_iter_reset(it, heading, CMARK_EVENT_EXIT);
            break;
        default:
            break;
        }
    }
    cmark_iter_free(it);
    return ok;
}

/* Ends a heading's section: its entry ends at the last block before. */
static void close_frame(builder *b, heading_frame *f, int next_line, int next_level)
{
    slog_entry *e = f->entry;
    if (!e)
        return;
    e->end_line = b->last_block_end > e->line ? b->last_block_end : e->line;
    e->next_heading_line = next_line;
    e->next_heading_level = next_level;
}

static void close_headings_from(builder *b, int level, int next_line)
{
    heading_frame *frames = b->headings.data;
    while (b->headings.len && frames[b->headings.len - 1].level >= level) {
        b->headings.len--;
        close_frame(b, &frames[b->headings.len], next_line, level);
    }
}

static int is_setext(builder *b, int line)
{
    size_t len;
    const char *s = slog_text_line(b->text, line, &len);
    size_t i = 0;
    /* past the markers of the containers it stands in: "- ## Datum: …",
     * "> ## 2026-03-09", "1. ## Day 1" are ATX headings in a list item or
     * a quote */
    for (int depth = 0; depth < 8; depth++) {
        while (i < len && (s[i] == ' ' || s[i] == '\t'))
            i++;
        size_t d = i;
        while (d < len && d - i < 9 && s[d] >= '0' && s[d] <= '9')
            d++;
        if (i < len && s[i] == '>')
            i++;
        else if (i + 1 < len && strchr("-*+", s[i]) && (s[i + 1] == ' ' || s[i + 1] == '\t'))
            i += 2;
        else if (d > i && d + 1 < len && (s[d] == '.' || s[d] == ')') &&
                 (s[d + 1] == ' ' || s[d + 1] == '\t'))
            i = d + 2;
        else
            break;
    }
    return !(i < len && s[i] == '#');
}

static slog_status dated_heading(builder *b, heading_frame *f, const char *h, size_t hlen,
                                 const slog_found_date *fd, int level)
{
    slog_entry *e = build_new_entry(b, SLOG_ENTRY_HEADING, f->line, level, h, hlen, fd);
    if (!e)
        return build_nomem(b);
    e->setext = is_setext(b, f->line);
    e->heading = f->title;
    f->entry = e;
    f->followup = build_followup_heading(b->cfg, e->label);
    return SLOG_OK;
}

/* The underline of the setext heading whose text starts at `line`. (cmark's
 * end line of a setext heading can be the line after it.) */
static int setext_underline(builder *b, int line)
{
    for (int l = line + 1; (size_t)l <= b->text->nlines; l++) {
        size_t len, i = 0;
        const char *s = slog_text_line(b->text, l, &len);
        while (i < len && i < 3 && s[i] == ' ')
            i++;
        if (i < len && (s[i] == '=' || s[i] == '-')) {
            char c = s[i];
            while (i < len && s[i] == c)
                i++;
            while (i < len && (s[i] == ' ' || s[i] == '\t'))
                i++;
            if (i == len)
                return l;
        }
    }
    return line + 1;
}

/* A setext "heading" of several lines is command output above a row of '='
 * or '-' to a reader, not a heading: text of the section it stands in. */
static int is_output_block(builder *b, cmark_node *node)
{
    int first = build_line(b, cmark_node_get_start_line(node));
    return is_setext(b, first) && setext_underline(b, first) - first >= 2;
}

/* "# 2026-03-10" then at once "# Day 2: Export": a date banner and its
 * title are one entry, the banner's, labelled by the title — when the
 * banner has no label, nothing of its own (markup such as "<!-- DAILY
 * CHECKIN -->" aside) and the title no date. */
static int banner_takes_title(builder *b, int level, int line, const char *h, size_t hlen)
{
    heading_frame *top = build_innermost_heading(b);
    slog_entry *e = top ? top->entry : NULL;
    slog_found_date fd;
    if (!e || b->bold || top->level != level || e->kind != SLOG_ENTRY_HEADING || e->nitems ||
        *e->label || e->setext || build_lines_say_something(b, top->line + 1, line - 1) ||
        slog_find_date(b->cfg, h, hlen, 0, 0, &fd))
        return 0;
    char *label = slog_arena_strndup(b->arena, h, hlen);
    if (!label)
        return 0; /* read as a section */
    e->label = label;
    top->followup = build_followup_heading(b->cfg, label);
    return 1;
}

/* "](#" in s[0, len): a link to a place in the document. */
static const char *anchor_link(const char *s, size_t len)
{
    for (size_t k = 0; k + 3 <= len; k++)
        if (!memcmp(s + k, "](#", 3))
            return s + k + 3;
    return NULL;
}

/* A date index, a table of contents, not a day's entry: a heading that is
 * itself a link to a place in the document ("### [2026-03-12](#2026-03-12)
 * - Mock data"), or whose first line is a list item linking to a place
 * named with the heading's date ("### 2026-04-08" over "- [实现智能选题]
 * (#2026-04-08实现智能选题)"). Only that line is read (the skeleton keeps
 * such lines: skeleton.c). */
static int index_of_links(builder *b, int line, const char *h, const slog_found_date *fd)
{
    size_t hl;
    const char *hs = slog_text_line(b->text, line, &hl);
    if (anchor_link(hs, hl))
        return 1;
    size_t dlen = fd->date_end > fd->date_start ? fd->date_end - fd->date_start : 0;
    for (int l = line + 1; dlen && (size_t)l <= b->text->nlines; l++) {
        size_t len;
        const char *s = slog_text_line(b->text, l, &len);
        while (len && (*s == ' ' || *s == '\t'))
            s++, len--;
        if (!len)
            continue;
        const char *anchor = len > 3 && strchr("-*+", s[0]) && s[1] == ' ' && s[2] == '['
                                 ? anchor_link(s, len)
                                 : NULL;
        size_t left = anchor ? len - (size_t)(anchor - s) : 0;
        for (size_t k = 0; anchor && k + dlen <= left; k++)
            if (!memcmp(anchor + k, h + fd->date_start, dlen))
                return 1;
        return 0;
    }
    return 0;
}

/* The list items a node stands in. */
static int nested_in_items(cmark_node *node)
{
    int items = 0;
    for (cmark_node *p = cmark_node_parent(node); p; p = cmark_node_parent(p))
        items += cmark_node_get_type(p) == CMARK_NODE_ITEM;
    return items;
}

/* A letter of a word: ASCII, or the first byte of a letter of Latin,
 * Greek, Cyrillic or other scripts and of CJK writing (not a symbol, a
 * dash, an emoji or a full-width bracket). */
static int word_letter(unsigned char c)
{
    return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= 0xC3 && c <= 0xE1) ||
           (c >= 0xE3 && c <= 0xED);
}

/* Inside a dated record, a sub-heading that names an earlier day in
 * brackets after its words ("#### 6. Llama 4 Scout (Meta, released April
 * 5, 2026)", "### OpenJet agent (flouisdev, 2026-04-13)" in the entry of
 * 2026-04-24, "### 调研（参考，2026-03-01）" in the entry of 2026-03-09): the
 * day of what it describes, not a part of the record. (The record's own
 * day, "### Follow-up fixes (2026-04-12, same day)", is a nested entry.) */
static int earlier_day_further_on(builder *b, const heading_frame *f, const char *h,
                                  const slog_found_date *fd)
{
    const heading_frame *frames = b->headings.data;
    const slog_entry *record = NULL;
    for (size_t i = b->headings.len; i-- > 0 && !record;)
        if (&frames[i] != f)
            record = frames[i].entry;
    long day;
    if (!record || !record->date_valid || !fd->year || !slog_found_day(fd, &day) ||
        day >= record->day)
        return 0;
    /* in brackets after words, and after words inside them: "(Meta,
     * released …)", "(flouisdev, …)" — not "### Progress - 2025-10-12", a
     * sub-entry's label, nor "### V10.40 ML 訓練器 (2026-01-14 完成)", the
     * day a part of the work was done */
    int open = 0, words = 0, inside = 0;
    for (size_t i = 0; i < fd->start; i++) {
        if (h[i] == '(' || !strncmp(h + i, "\xEF\xBC\x88", 3)) {
            open++;
            inside = 0;
        } else if ((h[i] == ')' || !strncmp(h + i, "\xEF\xBC\x89", 3)) && open)
            open--;
        else if (word_letter((unsigned char)h[i]))
            *(open ? &inside : &words) = 1;
    }
    return open && words && inside;
}

slog_status build_on_heading(builder *b, cmark_node *node)
{
    int level = cmark_node_get_heading_level(node);
    int line = build_line(b, cmark_node_get_start_line(node));
    b->line_dates = 0; /* a log of dated lines is a section's */
    if (is_output_block(b, node)) {
        slog_entry *e = build_current_entry(b);
        if (e)
            e->has_content = 1;
        if (cmark_node_get_type(cmark_node_parent(node)) == CMARK_NODE_DOCUMENT)
            b->last_block_end = setext_underline(b, line);
        return SLOG_OK;
    }
    if (nested_in_items(node) >= 2) {
        /* "- Plan excerpt:" over "  - ## Assessment …": a heading quoted in
         * a sub-item is the item's text, no section of the document */
        slog_entry *e = build_current_entry(b);
        if (e)
            e->has_content = 1;
        return SLOG_OK;
    }
    if (!heading_text(b, node))
        return build_nomem(b);
    const char *h = b->text_buf.data;
    size_t hlen = b->text_buf.len;
    if (banner_takes_title(b, level, line, h, hlen))
        return SLOG_OK;

    /* the title: the first heading, if it is level 1 and the only one (a
     * guess while reading a piece at a time; slog_build checks it) */
    int is_title = !b->seen_heading && level == 1 && !b->no_title;
    b->first_heading_level1 |= !b->seen_heading && level == 1;
    b->seen_heading = 1;
    b->level1_headings += level == 1;
    build_close_bold(b, line, level);
    close_headings_from(b, level, line);
    if (level <= 2 && !is_title)
        b->seen_level2 = 1;

    heading_frame *f = vec_push(&b->headings);
    if (!f)
        return build_nomem(b);
    f->level = level;
    f->line = line;
    f->title = slog_arena_strndup(b->arena, h, hlen);
    if (!f->title)
        return build_nomem(b);
    if (is_title) {
        b->doc->title = f->title;
        b->doc->title_line = line;
        return SLOG_OK;
    }
    slog_found_date fd;
    if (slog_find_date(b->cfg, h, hlen, 0, 0, &fd) && !build_stamp_mention(h, hlen, &fd) &&
        !build_date_opens_no_entry(h, hlen, &fd) &&
        !(build_date_in_passing(h, &fd) && build_inside_dated_entry(b, f)) &&
        !earlier_day_further_on(b, f, h, &fd) && build_dateable(b, line, &fd) &&
        !build_dated_by_next_line(b, node, h, &fd) && !index_of_links(b, line, h, &fd)) {
        slog_status st = dated_heading(b, f, h, hlen, &fd, level);
        return st == SLOG_OK ? build_heading_date_line(b, f, node) : st;
    }
    if (build_week_of_record(b, line, level, h, hlen, &fd)) {
        slog_status st = dated_heading(b, f, h, hlen, &fd, level);
        return st == SLOG_OK ? build_heading_date_line(b, f, node) : st;
    }
    slog_section *s = vec_push(&b->sections);
    if (!s)
        return build_nomem(b);
    s->line = line;
    s->level = level;
    s->title = f->title;
    f->followup = build_followup_heading(b->cfg, f->title);
    /* "## Entrada 001" then at once "### 1) Metadados" over "- Data/hora:
     * 2026-01-05 10:00": the record's fields date the record's heading
     * (build_bold.c looks past the sub-heading when both are in one piece) */
    heading_frame *parent =
        b->headings.len > 1 ? (heading_frame *)b->headings.data + b->headings.len - 2 : NULL;
    if (parent && parent->level < level && parent->level >= 2 && line - parent->line <= 2 &&
        slog_metadata_title(h, hlen)) {
        if (parent->entry)
            return SLOG_OK; /* dated by these fields already */
        return build_heading_date_line(b, parent, node);
    }
    return build_heading_date_line(b, f, node);
}

void build_close_all(builder *b)
{
    build_close_bold(b, 0, 0);
    heading_frame *frames = b->headings.data;
    while (b->headings.len) {
        b->headings.len--;
        close_frame(b, &frames[b->headings.len], 0, 0);
    }
}
