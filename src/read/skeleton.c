/* SPDX-License-Identifier: BSD-2-Clause */
/* A document's skeleton (slog_text_skeleton): the same lines, with only
 * those kept that decide its entries and logs — headings, the first lines
 * under a heading, bold lines, top-level list items that may open with a
 * date, the preamble — and every other line empty. Built from the skeleton,
 * the model has every entry, section and log of the whole document at the
 * cost of a line scan; the lines of the ranges an edit touches are kept
 * whole, so their entries have their items. Line N stays line N. */
#define _GNU_SOURCE /* memmem */
#include "skeleton.h"

#include "chunk.h"
#include "datefind.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum {
    KEY_BLOCK_LINES = 6,  /* "**Who**: ..." then "**When**: ...", as build_entries.c reads */
    SETEXT_LOOKAHEAD = 64 /* lines of a paragraph looked through for an underline */
};

static size_t indent_of(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && s[i] == ' ')
        i++;
    return i;
}

static int atx_heading(const char *s, size_t len)
{
    size_t i = indent_of(s, len), n = 0;
    if (i > 3)
        return 0;
    while (i + n < len && s[i + n] == '#')
        n++;
    return n >= 1 && n <= 6 && (i + n == len || s[i + n] == ' ' || s[i + n] == '\t');
}

/* A setext underline: "===" or "---" (only those, spaces around). */
static int underline(const char *s, size_t len)
{
    size_t i = indent_of(s, len), n = 0;
    if (i > 3 || i >= len || (s[i] != '=' && s[i] != '-'))
        return 0;
    char c = s[i];
    while (i < len && s[i] == c) {
        i++;
        n++;
    }
    while (i < len && (s[i] == ' ' || s[i] == '\t'))
        i++;
    return i == len && (c == '=' || n >= 2);
}

/* "---", "***", "___", "- - -": a thematic break. */
static int thematic_break(const char *s, size_t len)
{
    size_t i = indent_of(s, len), n = 0;
    if (i > 3 || i >= len || !strchr("-*_", s[i]))
        return 0;
    char c = s[i];
    for (; i < len; i++) {
        if (s[i] == c)
            n++;
        else if (s[i] != ' ' && s[i] != '\t')
            return 0;
    }
    return n >= 3;
}

static int blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return 0;
    return 1;
}

int slog_paragraph_may_follow(const char *s, size_t len)
{
    return blank(s, len) || atx_heading(s, len) || thematic_break(s, len);
}

static int digit(char c)
{
    return c >= '0' && c <= '9';
}

/* The text may open with a date: a digit first ("2026-03-09", "3/9",
 * "9. März", "3月9日"), or a word and a digit soon after ("Mar 9",
 * "Montag, 9.", "lundi 9 mars"). */
static int may_open_with_date(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && strchr("*_[(`~ \t", s[i]))
        i++;
    if (i < len && digit(s[i]))
        return 1;
    for (size_t k = i; k < len && k < i + 16; k++)
        if (digit(s[k]))
            return 1;
    /* a key and a colon first: "timestamp (UTC): 2026-03-08T13:48Z", "**Fecha:** 2024-06-18" */
    for (size_t k = i; k < len && k < i + 40; k++)
        if (s[k] == ':') {
            for (size_t d = k + 1; d < len && d < k + 20; d++)
                if (digit(s[d]))
                    return 1;
            return 0;
        }
    return 0;
}

int slog_iso_line_start(const char *s, size_t len, size_t *at)
{
    size_t i = len && (s[0] == '[' || s[0] == '(');
    if (i + 10 > len || (s[i + 4] != '-' && s[i + 4] != '/') || s[i + 7] != s[i + 4])
        return 0;
    for (size_t k = 0; k < 10; k++)
        if (k != 4 && k != 7 && !digit(s[i + k]))
            return 0;
    *at = i;
    return 1;
}

int slog_numeric_line_start(const char *s, size_t len)
{
    size_t i = 0, d;
    for (d = 0; i < len && d < 2 && digit(s[i]); d++)
        i++;
    if (!d || i >= len || !strchr("/.-", s[i]))
        return 0;
    char sep = s[i++];
    for (d = 0; i < len && d < 2 && digit(s[i]); d++)
        i++;
    if (!d || i >= len || s[i++] != sep)
        return 0;
    for (d = 0; i < len && d < 4 && digit(s[i]); d++)
        i++;
    return d == 4 && (i == len || !digit(s[i]));
}

/* A list item at the left margin ("- ", "* ", "+ ", "1. ", "1) "): the
 * offset of its text, or 0. */
static size_t list_item(const char *s, size_t len)
{
    if (len >= 2 && strchr("-*+", s[0]) && (s[1] == ' ' || s[1] == '\t'))
        return 2;
    size_t i = 0;
    while (i < len && i < 9 && digit(s[i]))
        i++;
    if (i && i + 1 < len && (s[i] == '.' || s[i] == ')') && (s[i + 1] == ' ' || s[i + 1] == '\t'))
        return i + 2;
    return 0;
}

/* What decides entries: a heading, a bold line, a top-level list item that
 * may open with a date or links to a place in the document (a date index);
 * the same after a block quote's markers. */
static int structural(const char *s, size_t len)
{
    size_t q = indent_of(s, len);
    int quoted = 0;
    while (q < len && q <= 3 && s[q] == '>') {
        quoted = 1;
        q++;
        while (q < len && s[q] == ' ')
            q++;
    }
    if (quoted) {
        s += q;
        len -= q;
    }
    if (atx_heading(s, len))
        return 1;
    size_t i = indent_of(s, len);
    if (i <= 3 && i + 1 < len &&
        ((s[i] == '*' && s[i + 1] == '*') || (s[i] == '_' && s[i + 1] == '_')))
        return 1;
    /* a symbol before a bold line ("📅 **October 25th**"): kept too, more
     * than the reading needs (a skeleton may keep lines, never drop one) */
    size_t e = i;
    while (e < len && e < i + 8 && (unsigned char)s[e] >= 0x80)
        e++;
    if (e > i && e < len && s[e] == ' ') {
        while (e < len && s[e] == ' ')
            e++;
        if (e + 1 < len && ((s[e] == '*' && s[e + 1] == '*') || (s[e] == '_' && s[e + 1] == '_')))
            return 1;
    }
    size_t t = list_item(s, len);
    if (t && t < len && s[t] == '[') /* a link to a place: a date index's line */
        for (size_t k = t; k + 3 <= len; k++)
            if (!memcmp(s + k, "](#", 3))
                return 1;
    return t && may_open_with_date(s + t, len - t);
}

typedef struct {
    const int *keep;
    size_t nkeep, next; /* the next range that may hold a line */
} ranges;

static int kept(ranges *r, int line)
{
    while (r->next < r->nkeep && r->keep[2 * r->next + 1] < line)
        r->next++;
    return r->next < r->nkeep && r->keep[2 * r->next] <= line;
}

/* A paragraph starting at line n that a setext underline ends ("text" then
 * "===" or "---"): the underline's line, else 0. A paragraph of several
 * lines is kept whole: as one heading it is text (SPEC §1 r3). */
static size_t setext_end(const slog_text *in, size_t n)
{
    for (size_t k = n + 1; k <= in->nlines && k < n + SETEXT_LOOKAHEAD; k++) {
        size_t len;
        const char *s = slog_text_line(in, (int)k, &len);
        if (blank(s, len))
            return 0;
        if (underline(s, len))
            return k;
    }
    return 0;
}

/* A kept line and the lines that continue its paragraph (a list item's
 * text on the next line: its label goes on there), up to a blank line or a
 * line that starts another block. */
static int continues(const char *s, size_t len)
{
    size_t i = indent_of(s, len);
    if (blank(s, len) || atx_heading(s, len) || (i < len && strchr(">|", s[i])))
        return 0;
    /* an ordered item not numbered 1 ("7. part seven") cannot interrupt a
     * paragraph (CommonMark): it goes on with it */
    size_t t = list_item(s + i, len - i);
    int interrupts = t && !(digit(s[i]) && !(s[i] == '1' && !digit(s[i + 1])));
    return !interrupts && !underline(s, len);
}

/* Where the guess's tail starts: the last ATX heading with a digit outside
 * code, when what follows it is short (a sixteenth of the lines and 256
 * more at most); else 0. */
static size_t tail_start(const slog_text *in, const unsigned char *inside)
{
    size_t most = in->nlines / 16 + 256;
    for (size_t n = in->nlines; n >= 1 && in->nlines - n < most; n--) {
        size_t len;
        const char *s = slog_text_line(in, (int)n, &len);
        if (!inside[n] && atx_heading(s, len))
            for (size_t i = 0; i < len; i++)
                if (digit(s[i]))
                    return n;
    }
    return 0;
}

/* A guessed range opens at `line` (kept whole from there); `level` 0: to
 * the end of the document, else to the next ATX heading at that level or
 * above. */
typedef struct {
    slog_skeleton_guess *g;
    size_t tail_from, level;
    int open;
} guessing;

static void guess_close(guessing *gs, size_t last)
{
    if (!gs->open)
        return;
    gs->open = 0;
    if (gs->g->nwhole < SLOG_GUESS_MAX)
        gs->g->whole[2 * gs->g->nwhole++ + 1] = (int)last;
    else
        gs->g->overflow = 1;
}

/* An ATX heading of `level` at line n: it may close the open range and
 * open another. */
static void guess_heading(guessing *gs, size_t n, size_t level, const char *s, size_t len)
{
    if (!gs->g)
        return;
    if (gs->open && gs->level && level <= gs->level)
        guess_close(gs, n - 1);
    if (gs->open)
        return;
    int tail = gs->tail_from && n >= gs->tail_from;
    if (!tail && !(gs->g->mention && memmem(s, len, gs->g->mention, strlen(gs->g->mention))))
        return;
    gs->open = 1;
    gs->level = tail ? 0 : level;
    if (gs->g->nwhole < SLOG_GUESS_MAX)
        gs->g->whole[2 * gs->g->nwhole] = (int)n;
}

slog_status slog_text_skeleton(const slog_text *in, const int *keep, size_t nkeep,
                               slog_skeleton_guess *guess, slog_text *out)
{
    memset(out, 0, sizeof *out);
    char *buf = malloc(in->len + in->nlines + 1);
    size_t *starts = malloc((in->nlines + 1) * sizeof *starts);
    unsigned char *inside = calloc(in->nlines + 1, 1);
    slog_status st = buf && starts && inside ? slog_chunk_inside(in, inside) : SLOG_ERR_NOMEM;
    if (st != SLOG_OK) {
        free(buf);
        free(starts);
        free(inside);
        return SLOG_ERR_NOMEM;
    }
    ranges r = {keep, nkeep, 0};
    guessing gs = {guess, guess && guess->tail ? tail_start(in, inside) : 0, 0, 0};
    if (guess) {
        guess->nwhole = 0;
        guess->overflow = 0;
    }
    size_t o = 0, keep_until = 0;
    int preamble = 1, prev_blank = 1, prev_rule = 0, carry = 0;
    /* under a heading: 1 before its first block, 2 in it (its first lines
     * may date the heading), 0 after */
    int under = 0, block_lines = 0;
    size_t week_level = 0; /* in a "Week of" section of that level, or 0 */
    for (size_t n = 1; n <= in->nlines; n++) {
        size_t len;
        const char *s = slog_text_line(in, (int)n, &len);
        size_t ind = indent_of(s, len);
        int keep_it = kept(&r, (int)n) || n <= keep_until, empty = blank(s, len);
        if (inside[n]) { /* code or HTML: nothing in it decides entries */
            under = carry = 0;
            /* but a "<summary>" opens a log of its own (logs.c) */
            keep_it |= inside[n] == 2 && slog_chunk_summary_line(s, len) != 0;
        } else if (ind > 3 && ind < len && s[ind] == '#') {
            /* "    # HELP ..." under "- Prometheus (head):" is a heading inside
             * the list item, or code after a blank line: only the whole
             * reading knows */
            st = SLOG_ERR_INVALID;
            break;
        } else if (atx_heading(s, len)) {
            size_t level = 0;
            while (s[ind + level] == '#')
                level++;
            preamble &= level < 2;
            guess_heading(&gs, n, level, s, len);
            if (week_level && level <= week_level)
                week_level = 0;
            if (!week_level && slog_opens_week_of(s, len))
                week_level = level;
            keep_it = 1;
            under = 1;
            block_lines = carry = 0;
        } else if (empty) {
            if (under == 2)
                under = 0;
            carry = 0;
        } else {
            int first = under == 1;
            int key_line = under == 2 && block_lines < KEY_BLOCK_LINES && s[ind] == '*';
            int go_on = carry && continues(s, len);
            /* a log of dated lines opens after a blank line, a heading or
             * a rule, as build_lines.c requires; its lines go on by carry */
            size_t at;
            int dated = (prev_blank || prev_rule) && ind <= 3 &&
                        (slog_iso_line_start(s + ind, len - ind, &at) ||
                         slog_numeric_line_start(s + ind, len - ind));
            int mine = preamble || first || key_line || go_on || dated || structural(s, len);
            keep_it |= mine;
            carry = mine; /* its paragraph's next lines go with it */
            if (under) {
                under = first || key_line ? 2 : 0;
                block_lines++;
            }
            size_t until = prev_blank ? setext_end(in, n) : 0;
            if (until && !list_item(s + ind, len - ind)) {
                keep_it = 1;
                keep_until = until;
            }
        }
        starts[n - 1] = o;
        if (keep_it || gs.open || week_level) {
            memcpy(buf + o, s, len);
            o += len;
        }
        buf[o++] = '\n';
        prev_blank = empty;
        prev_rule = !inside[n] && slog_paragraph_may_follow(s, len);
    }
    free(inside);
    guess_close(&gs, in->nlines);
    if (st != SLOG_OK) {
        free(buf);
        free(starts);
        return st;
    }
    starts[in->nlines] = o;
    buf[o] = '\0';
    out->data = buf;
    out->owned = buf;
    out->len = o;
    out->line_start = starts;
    out->nlines = in->nlines;
    out->enc = in->enc;
    return SLOG_OK;
}
