#define _GNU_SOURCE /* memmem */
/* append: where new items go, what their text looks like, and the splice.
 *
 * The document is never re-rendered. A line scan finds the headings; only the
 * target entry's section (or a heading line, to read its label) is parsed
 * with cmark. The new text is built in clean UTF-8, given the document's line
 * endings (and its mojibake, if it has any) and inserted at a line boundary
 * of the original bytes. */
#include "doc_internal.h"
#include "buf.h"
#include "scan.h"
#include "statuslog/edit.h"
#include "statuslog/lint.h"

#include "dates.h"

#include <stdlib.h>
#include <string.h>

/* --- the request ------------------------------------------------------- */

typedef struct {
    long day;
    int seconds;           /* -1 without time */
    char heading_date[48]; /* as the heading will show it */
    const char *label;
} target_spec;

static slog_status parse_when(const char *when, target_spec *t, slog_error *err)
{
    char date[11] = {0};
    size_t n = strlen(when);
    if (n < 10 || (memcpy(date, when, 10), !slog_date_parse(date, &t->day)))
        return slog_error_set(err, SLOG_ERR_INVALID, NULL, 0,
                              "date '%s' is not a calendar date YYYY-MM-DD", when);
    t->seconds = -1;
    snprintf(t->heading_date, sizeof t->heading_date, "%s", date);
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
    t->seconds = tl >= 4 && tl <= 8 ? slog_time_parse(tbuf) : -1;
    if (t->seconds < 0)
        return slog_error_set(err, SLOG_ERR_INVALID, NULL, 0, "date '%s': '%s' is not a time", when,
                              tbuf);
    const char *zone = time + tl;
    while (*zone == ' ')
        zone++;
    int minutes;
    if (*zone && !slog_zone_offset(zone, &minutes))
        return slog_error_set(err, SLOG_ERR_INVALID, NULL, 0, "date '%s': unknown zone '%s'", when,
                              zone);
    int iso = *zone == 'Z' || *zone == '+' || *zone == '-';
    snprintf(t->heading_date, sizeof t->heading_date, "%s%c%s%s%s", date, iso ? 'T' : ' ', tbuf,
             *zone && !iso ? " " : "", zone);
    return SLOG_OK;
}

slog_status slog_append_check(const slog_append_request *req, slog_error *err)
{
    target_spec t;
    if (req->date) {
        slog_status st = parse_when(req->date, &t, err);
        if (st != SLOG_OK)
            return st;
    }
    if (req->label && (strpbrk(req->label, "\r\n") || !*req->label))
        return slog_error_set(err, SLOG_ERR_INVALID, NULL, 0, "label must be one non-empty line");
    if (!req->nitems)
        return slog_error_set(err, SLOG_ERR_INVALID, NULL, 0, "no items to append");
    for (size_t i = 0; i < req->nitems; i++) {
        if ((unsigned)req->items[i].state >= SLOG_STATE_COUNT)
            return slog_error_set(err, SLOG_ERR_INVALID, NULL, 0, "unknown item state");
        const char *s = req->items[i].text;
        int has_text = 0;
        for (; s && *s && !has_text; s++)
            has_text = *s != ' ' && *s != '\t' && *s != '\n' && *s != '\r';
        if (!has_text)
            return slog_error_set(err, SLOG_ERR_INVALID, NULL, 0, "an item has no text");
    }
    return SLOG_OK;
}

/* --- a growing string ---------------------------------------------------- */

typedef slog_buf sbuf;

static void put(sbuf *b, const char *s, size_t n)
{
    slog_buf_put(b, s, n);
}

static void puts_(sbuf *b, const char *s)
{
    slog_buf_puts(b, s);
}

/* --- the document as append sees it -------------------------------------- */

typedef struct {
    const char *raw;
    size_t len;
    slog_text text;
    size_t *raw_start; /* raw offset of each line when the text is a copy, else NULL */
    size_t raw_shift;  /* else: raw offset = text offset + this (a BOM) */
    slog_scan_heading *h;
    size_t nh;
    slog_config *cfg;
    slog_error *err;
} view;

static const char *line_of(const view *v, int line, size_t *len)
{
    return slog_text_line(&v->text, line, len);
}

/* Line starts in the original bytes when the text is a repaired or sanitized
 * copy, counted as the decoder counts them. */
static slog_status index_raw_lines(view *v)
{
    size_t n = v->text.nlines;
    v->raw_start = malloc((n + 1) * sizeof *v->raw_start);
    if (!v->raw_start)
        return SLOG_ERR_NOMEM;
    size_t line = 0;
    v->raw_start[line++] = 0;
    for (size_t i = 0; i < v->len && line < n; i++) {
        if (v->raw[i] != '\n' && v->raw[i] != '\r')
            continue;
        if (v->raw[i] == '\r' && i + 1 < v->len && v->raw[i + 1] == '\n')
            i++;
        v->raw_start[line++] = i + 1;
    }
    v->raw_start[n] = v->len;
    return SLOG_OK;
}

/* Offset in the original bytes of the start of line `line` + 1 (0-based
 * index into the line starts: 0 is the file's start, nlines its end). */
static size_t raw_offset(const view *v, int index)
{
    if (v->raw_start)
        return v->raw_start[index];
    if (index == 0)
        return 0;
    if ((size_t)index >= v->text.nlines)
        return v->len;
    return v->text.line_start[index] + v->raw_shift;
}

static slog_status view_open(view *v, const char *raw, size_t len, slog_config *cfg,
                             slog_error *err)
{
    memset(v, 0, sizeof *v);
    v->raw = raw;
    v->len = len;
    v->cfg = cfg;
    v->err = err;
    int light;
    if (slog_text_decode_lines(&v->text, raw, len, &light) != SLOG_OK)
        return SLOG_ERR_NOMEM;
    if (light) {
        /* heading lines are matched with UTF checks off: they must be valid */
        slog_status st = slog_scan_headings(&v->text, &v->h, &v->nh);
        if (st != SLOG_OK)
            return st;
        for (size_t i = 0; i < v->nh && light; i++)
            for (int l = v->h[i].line; l <= v->h[i].end_line && light; l++) {
                size_t n;
                const char *s = line_of(v, l, &n);
                for (size_t k = 0; k < n && light;) {
                    size_t w = (unsigned char)s[k] < 0x80 && s[k]
                                   ? 1
                                   : slog_utf8_valid_len((const unsigned char *)s + k, n - k);
                    light = w != 0;
                    k += w;
                }
            }
        if (light)
            return SLOG_OK;
        free(v->h);
        v->h = NULL;
        slog_text_free(&v->text);
        if (slog_text_decode(&v->text, raw, len) != SLOG_OK)
            return SLOG_ERR_NOMEM;
    }
    if (!v->text.owned) /* the text is the bytes (less a BOM): same line starts */
        v->raw_shift = v->text.enc.bom ? 3 : 0;
    else if (index_raw_lines(v) != SLOG_OK)
        return SLOG_ERR_NOMEM;
    return slog_scan_headings(&v->text, &v->h, &v->nh);
}

static void view_close(view *v)
{
    slog_text_free(&v->text);
    free(v->raw_start);
    free(v->h);
}

/* Heading i with its date read (matching is done once, and only when asked). */
static const slog_scan_heading *dated(view *v, size_t i)
{
    slog_scan_date(&v->text, v->cfg, &v->h[i]);
    return &v->h[i];
}

static int is_blank_line(const view *v, int line)
{
    size_t len;
    const char *s = line_of(v, line, &len);
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return 0;
    return 1;
}

static int trim_blank_end(const view *v, int from, int to)
{
    while (to > from && is_blank_line(v, to))
        to--;
    return to;
}

/* Parses lines [first, last] of the decoded text as a fragment. */
static slog_status parse_lines(const view *v, int first, int last, slog_doc **out)
{
    size_t a = v->text.line_start[first - 1], b = v->text.line_start[last];
    return slog_parse_fragment(v->text.data + a, b - a, v->cfg, out, v->err);
}

/* The label of heading i (parsing its lines); NULL if it is not an entry. */
static slog_status heading_label(const view *v, size_t i, char **label)
{
    *label = NULL;
    slog_doc *d;
    slog_status st = parse_lines(v, v->h[i].line, v->h[i].end_line, &d);
    if (st != SLOG_OK)
        return st;
    if (d->nentries) {
        *label = strdup(d->entries[0]->label);
        if (!*label)
            st = SLOG_ERR_NOMEM;
    }
    slog_doc_free(d);
    return st;
}

/* The line before the next heading of level <= `level` after heading i. */
static int section_end(const view *v, size_t i, int level)
{
    for (size_t k = i + 1; k < v->nh; k++)
        if (v->h[k].level <= level)
            return v->h[k].line - 1;
    return (int)v->text.nlines;
}

/* --- item text ------------------------------------------------------------ */

static const char *marker_for(const slog_config *c, slog_state state)
{
    for (size_t i = 0; i < c->nmarkers; i++)
        if (c->markers[i].state == state)
            return c->markers[i].marker;
    return "";
}

/* A line of item text that could start a block (heading, fence, quote,
 * list, setext underline, HTML, table) gets its first character escaped, so
 * that no text can open a heading or a fence or end the list. */
static void put_escaped_line(sbuf *b, const char *s, size_t n)
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

/* The item's lines (LF-terminated, clean UTF-8) and the text the model will
 * read back from them (lines folded with one space), for dedupe. */
static void item_lines(sbuf *out, sbuf *folded, const char *prefix, const char *marker,
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
        size_t before = out->len;
        if (first) {
            puts_(out, prefix);
            if (*marker) {
                puts_(out, marker);
                put(out, " ", 1);
            }
            before = out->len;
            if (*marker)
                put(out, s, (size_t)(end - s)); /* after a marker nothing can start a block */
            else
                put_escaped_line(out, s, (size_t)(end - s));
        } else {
            for (size_t i = 0; i < indent; i++)
                put(out, " ", 1);
            before = out->len;
            put_escaped_line(out, s, (size_t)(end - s));
        }
        if (!first)
            put(folded, " ", 1);
        put(folded, out->data + before, out->len - before);
        put(out, "\n", 1);
        first = 0;
    }
}

/* --- placement ------------------------------------------------------------ */

typedef struct {
    size_t offset;  /* where in the raw bytes */
    int after_line; /* the new text starts after this line (0: at offset of line 1) */
    sbuf text;      /* clean UTF-8, LF line ends */
    size_t added, skipped;
    int new_entry;
} plan;

static void leading_bullet(const view *v, int line, char *prefix, size_t size)
{
    size_t len;
    const char *s = line_of(v, line, &len);
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t') && i + 3 < size)
        i++;
    char bullet = i < len && (s[i] == '*' || s[i] == '+') ? s[i] : '-';
    memcpy(prefix, s, i);
    prefix[i] = bullet;
    prefix[i + 1] = ' ';
    prefix[i + 2] = '\0';
}

/* Adds the request's items to `p->text`, skipping those already in `existing`
 * (an entry of the same date and label) or earlier in the request. */
static slog_status add_items(view *v, const slog_append_request *req, const slog_append_options *o,
                             const slog_entry *existing, const char *date, const char *label,
                             const char *prefix, plan *p)
{
    char(*ids)[9] = calloc(req->nitems ? req->nitems : 1, sizeof *ids);
    slog_state *states = calloc(req->nitems ? req->nitems : 1, sizeof *states);
    size_t nids = 0;
    slog_status st = ids && states ? SLOG_OK : SLOG_ERR_NOMEM;
    for (size_t i = 0; st == SLOG_OK && i < req->nitems; i++) {
        const slog_append_item *it = &req->items[i];
        sbuf lines = {0}, folded = {0};
        item_lines(&lines, &folded, prefix, marker_for(v->cfg, it->state), it->text);
        if (lines.failed || folded.failed || !folded.data) {
            st = SLOG_ERR_NOMEM;
        } else {
            char id[9];
            slog_item_id(date, label, folded.data, id);
            int dup = 0;
            for (const slog_item *e = existing ? existing->items : NULL; e && !dup; e = e->next)
                dup = e->state == it->state && strcmp(e->id, id) == 0;
            for (size_t k = 0; k < nids && !dup; k++)
                dup = states[k] == it->state && strcmp(ids[k], id) == 0;
            if (dup && !o->no_dedupe) {
                p->skipped++;
            } else {
                put(&p->text, lines.data, lines.len);
                p->added++;
                memcpy(ids[nids], id, 9);
                states[nids++] = it->state;
            }
        }
        free(lines.data);
        free(folded.data);
    }
    free(ids);
    free(states);
    return st != SLOG_OK || p->text.failed ? SLOG_ERR_NOMEM : SLOG_OK;
}

/* The entry of that date (and time) whose label is the request's, or -1. */
static slog_status find_target(view *v, const target_spec *t, long *found)
{
    *found = -1;
    char date[11];
    slog_date_format(t->day, date);
    for (size_t i = 0; i < v->nh; i++) {
        size_t len;
        const char *s = line_of(v, v->h[i].line, &len);
        if (!memmem(s, len, date, 10)) /* cheap: most headings are other days */
            continue;
        const slog_scan_heading *h = dated(v, i);
        if (!h->dated || !h->date_valid || h->day != t->day || h->seconds != t->seconds)
            continue;
        char *label;
        slog_status st = heading_label(v, i, &label);
        if (st != SLOG_OK)
            return st;
        int same = label && strcmp(label, t->label) == 0;
        free(label);
        if (same) {
            *found = (long)i;
            return SLOG_OK;
        }
    }
    return SLOG_OK;
}

static slog_status into_existing(view *v, size_t ti, const slog_append_request *req,
                                 const slog_append_options *o, plan *p)
{
    const slog_scan_heading *h = &v->h[ti];
    int end = section_end(v, ti, h->level);
    slog_doc *d;
    slog_status st = parse_lines(v, h->line, end, &d);
    if (st != SLOG_OK)
        return st;
    const slog_entry *e = d->nentries ? d->entries[0] : NULL;
    int base = h->line - 1; /* fragment line 1 is document line h->line */
    char prefix[64] = "- ";
    int after;
    /* The entry's own list: items before its first subheading (items under an
     * undated subheading belong to the entry, but they are another list). */
    int own_end = ti + 1 < v->nh && v->h[ti + 1].line - 1 < end ? v->h[ti + 1].line - 1 : end;
    const slog_item *last = NULL;
    for (const slog_item *it = e ? e->items : NULL; it; it = it->next)
        if (base + it->line <= own_end)
            last = it;
    if (last) {
        after = trim_blank_end(v, base + last->line, base + last->end_line);
        leading_bullet(v, base + last->line, prefix, sizeof prefix);
    } else {
        /* no list yet: after the entry's own text, before any subheading */
        after = trim_blank_end(v, h->end_line, own_end);
        if (after > h->end_line)
            put(&p->text, "\n", 1); /* a blank line between a paragraph and the list */
    }
    p->after_line = after;
    st = add_items(v, req, o, e, e ? e->date : "", e ? e->label : req->label, prefix, p);
    slog_doc_free(d);
    return st;
}

/* The heading of a new entry: the last entry with this label lends its
 * style (its first line with the date replaced); else "## LABEL (DATE)". */
static slog_status new_heading(view *v, const target_spec *t, sbuf *out, int *level)
{
    size_t llen = strlen(t->label);
    for (size_t i = v->nh; i-- > 0;) {
        size_t len;
        const char *s = line_of(v, v->h[i].line, &len);
        if (llen && !memmem(s, len, t->label, llen))
            continue;
        const slog_scan_heading *h = dated(v, i);
        if (!h->dated)
            continue;
        char *label;
        slog_status st = heading_label(v, i, &label);
        if (st != SLOG_OK)
            return st;
        int same = label && strcmp(label, t->label) == 0;
        free(label);
        if (!same)
            continue;
        put(out, s, h->span_start);
        puts_(out, t->heading_date);
        put(out, s + h->span_end, len - h->span_end);
        put(out, "\n", 1);
        if (h->setext) {
            size_t ulen;
            const char *u = line_of(v, h->end_line, &ulen);
            put(out, u, ulen);
            put(out, "\n", 1);
        }
        *level = h->level;
        return SLOG_OK;
    }
    *level = 2;
    for (size_t i = v->nh; i-- > 0;)
        if (dated(v, i)->dated) {
            *level = v->h[i].level;
            break;
        }
    put(out, "######", (size_t)*level);
    put(out, " ", 1);
    puts_(out, t->label);
    puts_(out, " (");
    puts_(out, t->heading_date);
    puts_(out, ")\n");
    return SLOG_OK;
}

static int not_later(const slog_scan_heading *h, const target_spec *t)
{
    if (h->day != t->day)
        return h->day < t->day;
    return h->seconds < 0 || t->seconds < 0 || h->seconds <= t->seconds;
}

static slog_status as_new_entry(view *v, const target_spec *t, const slog_append_request *req,
                                const slog_append_options *o, plan *p)
{
    sbuf heading = {0};
    int level = 2;
    slog_status st = new_heading(v, t, &heading, &level);
    if (st == SLOG_OK && heading.failed)
        st = SLOG_ERR_NOMEM;
    char date[11];
    slog_date_format(t->day, date);
    sbuf items = {0};
    plan tmp = {0};
    if (st == SLOG_OK)
        st = add_items(v, req, o, NULL, date, t->label, "- ", &tmp);
    items = tmp.text;
    p->added = tmp.added;
    p->skipped = tmp.skipped;
    /* The last entry (at that level) not dated later: searched from the end,
     * so that in a sorted log the search stops at the last entry. */
    long last = -1, first = -1;
    for (size_t i = v->nh; i-- > 0 && last < 0;) {
        if (v->h[i].level != level)
            continue;
        const slog_scan_heading *h = dated(v, i);
        if (!h->dated || !h->date_valid)
            continue;
        first = (long)i;
        if (not_later(h, t))
            last = (long)i;
    }
    if (st == SLOG_OK && last >= 0) { /* after that entry's section */
        int end = section_end(v, (size_t)last, level);
        p->after_line = trim_blank_end(v, v->h[last].line, end);
        put(&p->text, "\n", 1);
        put(&p->text, heading.data, heading.len);
        put(&p->text, items.data, items.len);
    } else if (st == SLOG_OK && first >= 0) { /* before the first entry */
        p->after_line = v->h[first].line - 1;
        put(&p->text, heading.data, heading.len);
        put(&p->text, items.data, items.len);
        put(&p->text, "\n", 1);
    } else if (st == SLOG_OK) { /* no entries: a new section at the end */
        int n = (int)v->text.nlines;
        p->after_line = n;
        if (n && !is_blank_line(v, n))
            put(&p->text, "\n", 1);
        put(&p->text, heading.data, heading.len);
        put(&p->text, items.data, items.len);
    }
    p->new_entry = 1;
    free(heading.data);
    free(items.data);
    return st == SLOG_OK && p->text.failed ? SLOG_ERR_NOMEM : st;
}

/* --- the splice ------------------------------------------------------------ */

/* The new text in the document's form: its line ending, and its mojibake. */
static slog_status encode_insert(const view *v, const char *text, size_t len, int need_eol_first,
                                 sbuf *out)
{
    const char *eol = v->text.enc.first_eol == SLOG_EOL_CRLF ? "\r\n"
                      : v->text.enc.first_eol == SLOG_EOL_CR ? "\r"
                                                             : "\n";
    sbuf lines = {0};
    if (need_eol_first)
        puts_(&lines, eol);
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '\n')
            puts_(&lines, eol);
        else
            put(&lines, text + i, 1);
    }
    if (lines.failed)
        return SLOG_ERR_NOMEM;
    if (v->text.enc.mojibake == SLOG_MOJIBAKE_NONE || !lines.len) {
        *out = lines;
        return SLOG_OK;
    }
    size_t n;
    char *enc = slog_mojibake_encode(lines.data, lines.len, v->text.enc.mojibake, &n);
    free(lines.data);
    if (!enc)
        return SLOG_ERR_NOMEM;
    *out = (sbuf){enc, n, n + 1, 0, 0};
    return SLOG_OK;
}

slog_status slog_append_edit(const char *raw, size_t len, const slog_append_request *req,
                             const slog_append_options *opts, slog_edit *edit,
                             slog_append_summary *summary, slog_error *err)
{
    memset(edit, 0, sizeof *edit);
    memset(summary, 0, sizeof *summary);
    slog_append_options o = {SLOG_APPEND_OPTIONS_VERSION, NULL, 0, NULL};
    if (opts)
        o = *opts;
    slog_status st = slog_append_check(req, err);
    if (st != SLOG_OK)
        return st;
    slog_config *own = NULL;
    slog_config *cfg = (slog_config *)o.config; /* matching uses its match data */
    if (!cfg && (st = slog_config_new_default(&own, err)) != SLOG_OK)
        return st;
    if (!cfg)
        cfg = own;

    target_spec t;
    if (req->date)
        parse_when(req->date, &t, err);
    else {
        t.day = slog_today(cfg->timezone);
        t.seconds = -1;
        slog_date_format(t.day, t.heading_date);
    }
    t.label = req->label ? req->label : "Status";

    view v;
    plan p = {0};
    st = view_open(&v, raw, len, cfg, err);
    long target = -1;
    if (st == SLOG_OK)
        st = find_target(&v, &t, &target);
    if (st == SLOG_OK)
        st = target >= 0 ? into_existing(&v, (size_t)target, req, &o, &p)
                         : as_new_entry(&v, &t, req, &o, &p);
    if (st == SLOG_OK && p.added) {
        size_t at = raw_offset(&v, p.after_line);
        int need_eol = at == len && len && raw[len - 1] != '\n' && raw[len - 1] != '\r';
        sbuf ins = {0};
        st = encode_insert(&v, p.text.data, p.text.len, need_eol, &ins);
        if (st == SLOG_OK) {
            edit->offset = at;
            edit->insert = ins.data;
            edit->insert_len = ins.len;
            summary->line = p.after_line + 1 + need_eol;
        }
    }
    summary->added = p.added;
    summary->skipped = p.skipped;
    summary->new_entry = p.new_entry && p.added;
    free(p.text.data);
    view_close(&v);
    slog_config_free(own);
    if (st == SLOG_ERR_NOMEM)
        slog_error_set(err, st, o.filename, 0, "out of memory");
    return st;
}

slog_status slog_append_buffer(const char *raw, size_t len, const slog_append_request *req,
                               const slog_append_options *opts, char **out, size_t *out_len,
                               slog_append_summary *summary, slog_error *err)
{
    *out = NULL;
    slog_edit e;
    slog_status st = slog_append_edit(raw, len, req, opts, &e, summary, err);
    if (st != SLOG_OK)
        return st;
    *out_len = len + e.insert_len;
    *out = malloc(*out_len + 1);
    if (!*out) {
        slog_edit_free(&e);
        return slog_error_set(err, SLOG_ERR_NOMEM, opts ? opts->filename : NULL, 0,
                              "out of memory");
    }
    memcpy(*out, raw, e.offset);
    if (e.insert_len)
        memcpy(*out + e.offset, e.insert, e.insert_len);
    memcpy(*out + e.offset + e.insert_len, raw + e.offset, len - e.offset);
    (*out)[*out_len] = '\0';
    slog_edit_free(&e);
    return SLOG_OK;
}
