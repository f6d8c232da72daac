/* The model: one walk over cmark's block tree (inlines are skipped, except a
 * heading's, for its text) that records entries, items, checklists, follow-ups
 * and metadata with their source lines. Item texts are taken from the source,
 * not re-rendered. */
#include "config_internal.h"
#include "dates.h"
#include "buf.h"
#include "doc_internal.h"

#include <cmark.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A growable array, copied into the arena when the walk ends. */
typedef struct {
    void *data;
    size_t len, cap, size;
} vec;

static void *vec_push(vec *v)
{
    if (v->len == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 16;
        void *grown = realloc(v->data, cap * v->size);
        if (!grown)
            return NULL;
        v->data = grown;
        v->cap = cap;
    }
    void *slot = (char *)v->data + v->len++ * v->size;
    memset(slot, 0, v->size);
    return slot;
}

static void *vec_to_arena(vec *v, slog_arena *arena, size_t *count)
{
    *count = v->len;
    if (!v->len)
        return NULL;
    void *p = slog_arena_alloc(arena, v->len * v->size);
    if (p)
        memcpy(p, v->data, v->len * v->size);
    return p;
}

/* An open heading: its section lasts until a heading of the same or a higher level. */
typedef struct {
    int level;
    slog_entry *entry;     /* NULL for an undated heading */
    slog_item *items_tail; /* last top-level item of the entry */
    const char *title;
    int followup;
} heading_frame;

/* An open list item. */
typedef struct {
    cmark_node *node;
    slog_item *item;
    slog_item *children_tail;
    int has_text;
} item_frame;

typedef struct {
    slog_doc *doc;
    slog_arena *arena;
    const slog_text *text;
    slog_config *cfg;
    slog_error *err;
    vec entries, sections, checklists, followups, meta;
    vec headings, items; /* stacks of heading_frame, item_frame */
    vec all_items;       /* slog_item *, by index */
    cmark_node *title_node;
    int seen_level2;
    int last_block_end;
    slog_buf text_buf; /* scratch for heading text and folded item text */
} builder;

static slog_status nomem(builder *b)
{
    return slog_error_set(b->err, SLOG_ERR_NOMEM, b->doc->file, 0, "out of memory");
}

static int buf_append(builder *b, const char *s, size_t n)
{
    return slog_buf_put(&b->text_buf, s, n) == 0;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t';
}

static char *trimmed_copy(builder *b, const char *s, size_t len)
{
    while (len && is_space(*s)) {
        s++;
        len--;
    }
    while (len && is_space(s[len - 1]))
        len--;
    return slog_arena_strndup(b->arena, s, len);
}

/* --- headings ---------------------------------------------------------- */

/* Plain text of a heading's first line: text and code literals. A setext
 * "heading" of many lines is almost always command output above a row of
 * '=' or '-', and a person reads only its first line as a heading. */
static int heading_text(builder *b, cmark_node *heading)
{
    slog_buf_clear(&b->text_buf);
    if (!buf_append(b, "", 0))
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
            ok = buf_append(b, lit, strlen(lit));
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

static int is_separator(const char *s, size_t len, size_t *width)
{
    static const char *const seps[] = {"—", "–", "-", ":", "|", ",", "·", "@"};
    for (size_t i = 0; i < sizeof seps / sizeof *seps; i++) {
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

/* The label: the heading text without the matched date/time/zone and the
 * brackets, dashes and colons around it ("Status (2025-10-07)" -> "Status"). */
static char *entry_label(builder *b, const char *h, size_t len, size_t ms, size_t me)
{
    size_t left = ms, rstart = me;
    /* Empty brackets around the date go too: "(2025-10-07)" and "[2025-10-07 14:00]". */
    size_t l = left, r = rstart;
    while (l && is_space(h[l - 1]))
        l--;
    while (r < len && is_space(h[r]))
        r++;
    if (l && r < len && ((h[l - 1] == '(' && h[r] == ')') || (h[l - 1] == '[' && h[r] == ']'))) {
        left = l - 1;
        rstart = r + 1;
    }
    size_t llen = trim_right_seps(h, left);
    size_t roff = rstart + trim_left_seps(h + rstart, len - rstart);
    size_t rlen = trim_right_seps(h + roff, len - roff);
    size_t lstart = trim_left_seps(h, llen);
    char *out = slog_arena_alloc(b->arena, len + 2);
    if (!out)
        return NULL;
    size_t o = 0;
    memcpy(out, h + lstart, llen - lstart);
    o = llen - lstart;
    if (o && rlen)
        out[o++] = ' ';
    memcpy(out + o, h + roff, rlen);
    out[o + rlen] = '\0';
    return out;
}

static int is_followup_heading(const slog_config *cfg, const char *text)
{
    size_t len = strlen(text);
    while (len && (is_space(text[len - 1]) || text[len - 1] == ':'))
        len--;
    for (size_t i = 0; i < cfg->nfollowup_headings; i++) {
        const char *f = cfg->followup_headings[i];
        if (strlen(f) != len)
            continue;
        size_t k = 0;
        while (k < len && (text[k] | 0x20) == (f[k] | 0x20))
            k++;
        if (k == len)
            return 1;
    }
    return 0;
}

static void close_entry(builder *b, heading_frame *f)
{
    if (f->entry) {
        int end = b->last_block_end;
        f->entry->end_line = end > f->entry->line ? end : f->entry->line;
    }
}

static heading_frame *innermost_entry_frame(builder *b)
{
    heading_frame *frames = b->headings.data;
    for (size_t i = b->headings.len; i-- > 0;)
        if (frames[i].entry)
            return &frames[i];
    return NULL;
}

static heading_frame *innermost_heading(builder *b)
{
    return b->headings.len ? (heading_frame *)b->headings.data + b->headings.len - 1 : NULL;
}

static int is_setext(builder *b, int line)
{
    size_t len;
    const char *s = slog_text_line(b->text, line, &len);
    size_t i = 0;
    while (i < len && i < 3 && s[i] == ' ')
        i++;
    return !(i < len && s[i] == '#');
}

static slog_status fill_entry_date(builder *b, slog_entry *e, const char *h)
{
    slog_config *c = b->cfg;
    size_t s, en;
    slog_regex_group(&c->entry_re, c->g_date, &s, &en);
    e->date = slog_arena_strndup(b->arena, h + s, en - s);
    if (!e->date)
        return nomem(b);
    e->date_valid = en - s == 10 && slog_date_parse(e->date, &e->day);
    e->seconds = -1;
    if (slog_regex_group(&c->entry_re, c->g_time, &s, &en)) {
        e->time = slog_arena_strndup(b->arena, h + s, en - s);
        if (!e->time)
            return nomem(b);
        e->seconds = slog_time_parse(e->time);
    }
    if (slog_regex_group(&c->entry_re, c->g_zone, &s, &en)) {
        e->zone = slog_arena_strndup(b->arena, h + s, en - s);
        if (!e->zone)
            return nomem(b);
        e->zone_known = slog_zone_offset(e->zone, &e->zone_offset);
    }
    return SLOG_OK;
}

/* From the start of the date to the end of the last of date, time and zone:
 * what the label leaves out. A configured pattern may match more (its own
 * context words), which stays in the label. */
static void date_span(const slog_config *c, size_t *start, size_t *end)
{
    size_t s, e;
    slog_regex_group(&c->entry_re, c->g_date, start, end);
    if (slog_regex_group(&c->entry_re, c->g_time, &s, &e) && e > *end)
        *end = e;
    if (slog_regex_group(&c->entry_re, c->g_zone, &s, &e) && e > *end)
        *end = e;
}

static slog_status on_heading(builder *b, cmark_node *node)
{
    int level = cmark_node_get_heading_level(node);
    int line = cmark_node_get_start_line(node);
    if (!heading_text(b, node))
        return nomem(b);
    const char *h = b->text_buf.data;
    size_t hlen = b->text_buf.len;

    heading_frame *frames = b->headings.data;
    while (b->headings.len && frames[b->headings.len - 1].level >= level)
        close_entry(b, &frames[--b->headings.len]);
    if (level <= 2 && node != b->title_node)
        b->seen_level2 = 1;

    slog_doc *doc = b->doc;
    int dated = slog_regex_match(&b->cfg->entry_re, h, hlen, 0);
    if (node == b->title_node) {
        doc->title = slog_arena_strndup(b->arena, h, hlen);
        doc->title_line = line;
        if (!doc->title)
            return nomem(b);
        size_t s, e;
        if (dated && !doc->date && slog_regex_group(&b->cfg->entry_re, b->cfg->g_date, &s, &e) &&
            e - s == 10 && slog_date_parse(h + s, &doc->day))
            doc->date = slog_arena_strndup(b->arena, h + s, 10);
        dated = 0;
    }

    heading_frame *f = vec_push(&b->headings);
    if (!f)
        return nomem(b);
    f->level = level;
    f->title = slog_arena_strndup(b->arena, h, hlen);
    if (!f->title)
        return nomem(b);
    if (dated) {
        heading_frame *parent = NULL;
        frames = b->headings.data;
        for (size_t i = b->headings.len - 1; i-- > 0 && !parent;)
            if (frames[i].entry)
                parent = &frames[i];
        slog_entry *e = slog_arena_alloc(b->arena, sizeof *e);
        slog_entry **slot = vec_push(&b->entries);
        if (!e || !slot)
            return nomem(b);
        *slot = e;
        e->index = b->entries.len - 1;
        e->line = e->end_line = line;
        e->level = level;
        e->setext = is_setext(b, line);
        e->heading = f->title;
        e->parent = parent ? parent->entry : NULL;
        if (parent)
            parent->entry->has_content = 1;
        size_t ms, me;
        date_span(b->cfg, &ms, &me);
        e->label = entry_label(b, h, hlen, ms, me);
        if (!e->label)
            return nomem(b);
        slog_status st = fill_entry_date(b, e, h);
        if (st != SLOG_OK)
            return st;
        f->entry = e;
        f->followup = is_followup_heading(b->cfg, e->label);
    } else if (node != b->title_node) {
        slog_section *s = vec_push(&b->sections);
        if (!s)
            return nomem(b);
        s->line = line;
        s->level = level;
        s->title = f->title;
        f->followup = is_followup_heading(b->cfg, f->title);
    }
    return SLOG_OK;
}

/* --- items ------------------------------------------------------------- */

/* The source of a paragraph, lines folded to one space: its first line from
 * its start column, the others without their indentation (or '>' prefixes). */
static int paragraph_source(builder *b, cmark_node *para)
{
    int first = cmark_node_get_start_line(para), last = cmark_node_get_end_line(para);
    int col = cmark_node_get_start_column(para);
    slog_buf_clear(&b->text_buf);
    if (!buf_append(b, "", 0))
        return 0;
    for (int line = first; line <= last; line++) {
        size_t len;
        const char *s = slog_text_line(b->text, line, &len);
        size_t i = 0;
        if (line == first)
            i = col > 1 && (size_t)(col - 1) <= len ? (size_t)(col - 1) : 0;
        while (i < len && (is_space(s[i]) || (line != first && s[i] == '>')))
            i++;
        while (len > i && is_space(s[len - 1]))
            len--;
        if (len == i)
            continue;
        if (b->text_buf.len && !buf_append(b, " ", 1))
            return 0;
        if (!buf_append(b, s + i, len - i))
            return 0;
    }
    return 1;
}

static int is_checkbox(const char *t)
{
    return t[0] == '[' && (t[1] == ' ' || t[1] == 'x' || t[1] == 'X') && t[2] == ']' &&
           (t[3] == '\0' || is_space(t[3]));
}

static slog_status add_checklist(builder *b, const slog_item *it, const char *raw)
{
    slog_checklist_item *c = vec_push(&b->checklists);
    if (!c)
        return nomem(b);
    heading_frame *h = innermost_heading(b);
    c->line = it->line;
    c->checked = raw[1] != ' ';
    c->section = h ? h->title : "";
    c->text = it->text;
    slog_item_id("", c->section, c->text, c->id);
    return SLOG_OK;
}

/* Marker, state, text and resolution of an item from its first paragraph. */
static slog_status item_text(builder *b, item_frame *f, cmark_node *para)
{
    if (!paragraph_source(b, para))
        return nomem(b);
    slog_item *it = f->item;
    const char *t = b->text_buf.data;
    size_t len = b->text_buf.len;
    slog_config *c = b->cfg;
    size_t ms, me, text_from = 0;
    int bold = 0;
    it->marker = "";
    if (slog_regex_match(&c->marker_re, t, len, 0) &&
        slog_regex_group(&c->marker_re, 1, &ms, &me)) {
        it->marker = slog_arena_strndup(b->arena, t + ms, me - ms);
        if (!it->marker)
            return nomem(b);
        it->state = slog_config_marker_state(c, t + ms, me - ms);
        slog_regex_group(&c->marker_re, 0, &ms, &me);
        text_from = me;
        bold = len >= 2 && t[0] == '*' && t[1] == '*';
    }
    while (text_from < len && is_space(t[text_from]))
        text_from++;
    /* "**✅ Done**" keeps its emphasis: "**Done**". */
    char *text = slog_arena_alloc(b->arena, len - text_from + 3);
    if (!text)
        return nomem(b);
    size_t o = 0;
    if (bold) {
        memcpy(text, "**", 2);
        o = 2;
    }
    memcpy(text + o, t + text_from, len - text_from);
    it->text = text;
    if (slog_regex_match(&c->resolved_re, text, strlen(text), 0) &&
        slog_regex_group(&c->resolved_re, 1, &ms, &me)) {
        long day;
        if (slog_date_parse(text + ms, &day)) {
            it->resolved = slog_arena_strndup(b->arena, text + ms, 10);
            if (!it->resolved)
                return nomem(b);
        }
    }
    f->has_text = 1;
    if (is_checkbox(t))
        return add_checklist(b, it, t);
    return SLOG_OK;
}

static slog_status on_item_enter(builder *b, cmark_node *node)
{
    slog_item *it = slog_arena_alloc(b->arena, sizeof *it);
    if (!it)
        return nomem(b);
    slog_item **slot = vec_push(&b->all_items);
    if (!slot)
        return nomem(b);
    *slot = it;
    it->index = b->all_items.len - 1;
    it->line = cmark_node_get_start_line(node);
    it->state = SLOG_STATE_NOTE;
    it->marker = "";
    it->text = "";
    item_frame *parent = b->items.len ? (item_frame *)b->items.data + b->items.len - 1 : NULL;
    heading_frame *ef = innermost_entry_frame(b);
    it->entry = ef ? ef->entry : NULL;
    if (parent) {
        it->parent = parent->item;
        if (parent->children_tail)
            parent->children_tail->next = it;
        else
            parent->item->children = it;
        parent->children_tail = it;
        parent->item->nchildren++;
    } else if (ef) {
        if (ef->items_tail)
            ef->items_tail->next = it;
        else
            ef->entry->items = it;
        ef->items_tail = it;
        ef->entry->nitems++;
    }
    item_frame *f = vec_push(&b->items);
    if (!f)
        return nomem(b);
    f->node = node;
    f->item = it;
    return SLOG_OK;
}

static slog_status on_item_exit(builder *b, cmark_node *node)
{
    item_frame *f = (item_frame *)b->items.data + --b->items.len;
    slog_item *it = f->item;
    it->end_line = cmark_node_get_end_line(node);
    if (it->end_line < it->line)
        it->end_line = it->line;
    const slog_entry *e = it->entry;
    slog_item_id(e ? e->date : "", e ? e->label : "", it->text, it->id);
    heading_frame *h = innermost_heading(b);
    if (!it->parent && h && h->followup) {
        slog_followup *fu = vec_push(&b->followups);
        if (!fu)
            return nomem(b);
        fu->line = it->line;
        fu->text = it->text;
    }
    return SLOG_OK;
}

/* A task-list line that indentation made part of a paragraph ("    - [ ] x"
 * after a text line) is still a checklist item to a reader. Only the
 * paragraph's later lines can be such lines. */
static slog_status swallowed_checklists(builder *b, cmark_node *para)
{
    int last = cmark_node_get_end_line(para);
    for (int line = cmark_node_get_start_line(para) + 1; line <= last; line++) {
        size_t len, i = 0;
        const char *s = slog_text_line(b->text, line, &len);
        while (i < len && is_space(s[i]))
            i++;
        if (i + 5 > len || (s[i] != '-' && s[i] != '*' && s[i] != '+') || !is_space(s[i + 1]))
            continue;
        i++;
        while (i < len && is_space(s[i]))
            i++;
        char box[5] = {0};
        memcpy(box, s + i, len - i < 4 ? len - i : 4);
        if (!is_checkbox(box))
            continue;
        size_t t = i + 3;
        while (t < len && is_space(s[t]))
            t++;
        slog_item it = {0};
        it.line = line;
        it.text = trimmed_copy(b, s + t, len - t);
        if (!it.text)
            return nomem(b);
        slog_status st = add_checklist(b, &it, box);
        if (st != SLOG_OK)
            return st;
    }
    return SLOG_OK;
}

/* --- metadata ---------------------------------------------------------- */

static slog_status metadata(builder *b, cmark_node *para)
{
    slog_config *c = b->cfg;
    int last = cmark_node_get_end_line(para);
    for (int line = cmark_node_get_start_line(para); line <= last; line++) {
        size_t len, ks, ke, vs, ve;
        const char *s = slog_text_line(b->text, line, &len);
        if (!slog_regex_match(&c->meta_re, s, len, 0) ||
            !slog_regex_group(&c->meta_re, 1, &ks, &ke) ||
            !slog_regex_group(&c->meta_re, 2, &vs, &ve))
            continue;
        slog_meta *m = vec_push(&b->meta);
        if (!m)
            return nomem(b);
        m->key = trimmed_copy(b, s + ks, ke - ks);
        m->value = trimmed_copy(b, s + vs, ve - vs);
        m->line = line;
        if (!m->key || !m->value)
            return nomem(b);
        long day;
        if (strcmp(m->key, "Date") == 0 && strlen(m->value) >= 10 &&
            slog_date_parse(m->value, &day) && (m->value[10] < '0' || m->value[10] > '9')) {
            b->doc->date = slog_arena_strndup(b->arena, m->value, 10);
            b->doc->day = day;
            if (!b->doc->date)
                return nomem(b);
        }
    }
    return SLOG_OK;
}

/* --- the walk ---------------------------------------------------------- */

/* The title: the first heading, if it is level 1 and the only level-1
 * heading. A walk over blocks only (leaf blocks' inlines are skipped). */
static cmark_node *find_title(cmark_node *root, int *nomem_out)
{
    cmark_node *first = NULL;
    int level1 = 0;
    cmark_iter *it = cmark_iter_new(root);
    if (!it) {
        *nomem_out = 1;
        return NULL;
    }
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        if (ev != CMARK_EVENT_ENTER)
            continue;
        cmark_node_type type = cmark_node_get_type(n);
        if (type == CMARK_NODE_HEADING) {
            if (!first)
                first = n;
            level1 += cmark_node_get_heading_level(n) == 1;
        }
        if (type == CMARK_NODE_HEADING || type == CMARK_NODE_PARAGRAPH)
            cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
    }
    cmark_iter_free(it);
    return first && cmark_node_get_heading_level(first) == 1 && level1 == 1 ? first : NULL;
}

static slog_status on_enter(builder *b, cmark_iter *it, cmark_node *n, cmark_node *root)
{
    cmark_node_type type = cmark_node_get_type(n);
    item_frame *top = b->items.len ? (item_frame *)b->items.data + b->items.len - 1 : NULL;
    slog_status st = SLOG_OK;
    if (n != root && type != CMARK_NODE_HEADING && type != CMARK_NODE_ITEM && !top) {
        heading_frame *ef = innermost_entry_frame(b);
        if (ef)
            ef->entry->has_content = 1;
    }
    switch (type) {
    case CMARK_NODE_HEADING:
        /* Even inside a list item a heading ends sections, as a reader sees it. */
        st = on_heading(b, n);
        cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
        break;
    case CMARK_NODE_ITEM:
        st = on_item_enter(b, n);
        break;
    case CMARK_NODE_PARAGRAPH:
        if (top && !top->has_text && cmark_node_parent(n) == top->node)
            st = item_text(b, top, n);
        else if (!top && !b->seen_level2 && cmark_node_parent(n) == root)
            st = metadata(b, n);
        if (st == SLOG_OK)
            st = swallowed_checklists(b, n);
        cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
        break;
    default:
        break;
    }
    return st;
}

/* cmark counts a list's trailing blank lines as its own; an entry ends at its
 * last line with text. */
static int last_nonblank_line(builder *b, cmark_node *n)
{
    int first = cmark_node_get_start_line(n), last = cmark_node_get_end_line(n);
    for (; last > first; last--) {
        size_t len;
        const char *s = slog_text_line(b->text, last, &len);
        while (len && is_space(s[len - 1]))
            len--;
        if (len)
            break;
    }
    return last;
}

static slog_status walk(builder *b, cmark_node *root)
{
    cmark_iter *it = cmark_iter_new(root);
    if (!it)
        return nomem(b);
    slog_status st = SLOG_OK;
    cmark_event_type ev;
    while (st == SLOG_OK && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        if (ev == CMARK_EVENT_ENTER) {
            st = on_enter(b, it, n, root);
            continue;
        }
        if (cmark_node_get_type(n) == CMARK_NODE_ITEM)
            st = on_item_exit(b, n);
        if (n != root && cmark_node_parent(n) == root &&
            cmark_node_get_type(n) != CMARK_NODE_HEADING)
            b->last_block_end = last_nonblank_line(b, n);
    }
    cmark_iter_free(it);
    heading_frame *frames = b->headings.data;
    while (st == SLOG_OK && b->headings.len)
        close_entry(b, &frames[--b->headings.len]);
    return st;
}

static slog_status finish(builder *b)
{
    slog_doc *d = b->doc;
    d->entries = vec_to_arena(&b->entries, b->arena, &d->nentries);
    d->sections = vec_to_arena(&b->sections, b->arena, &d->nsections);
    d->checklists = vec_to_arena(&b->checklists, b->arena, &d->nchecklists);
    d->followups = vec_to_arena(&b->followups, b->arena, &d->nfollowups);
    d->meta = vec_to_arena(&b->meta, b->arena, &d->nmeta);
    if ((d->nentries && !d->entries) || (d->nsections && !d->sections) ||
        (d->nchecklists && !d->checklists) || (d->nfollowups && !d->followups) ||
        (d->nmeta && !d->meta))
        return nomem(b);
    return SLOG_OK;
}

slog_status slog_build(slog_doc *doc, const slog_config *config, slog_error *err)
{
    builder b = {0};
    b.doc = doc;
    b.arena = &doc->priv->arena;
    b.text = &doc->priv->text;
    b.cfg = (slog_config *)config; /* matching uses the config's match data */
    b.err = err;
    b.entries.size = sizeof(slog_entry *);
    b.sections.size = sizeof(slog_section);
    b.checklists.size = sizeof(slog_checklist_item);
    b.followups.size = sizeof(slog_followup);
    b.meta.size = sizeof(slog_meta);
    b.headings.size = sizeof(heading_frame);
    b.items.size = sizeof(item_frame);
    b.all_items.size = sizeof(slog_item *);
    doc->nlines = b.text->nlines;

    cmark_node *root = cmark_parse_document(b.text->data, b.text->len, CMARK_OPT_DEFAULT);
    slog_status st = root ? SLOG_OK : nomem(&b);
    if (st == SLOG_OK) {
        int failed = 0;
        b.title_node = doc->priv->fragment ? NULL : find_title(root, &failed);
        st = failed ? nomem(&b) : walk(&b, root);
    }
    cmark_node_free(root);
    if (st == SLOG_OK)
        st = finish(&b);
    if (st == SLOG_OK) {
        slog_doc_private *priv = doc->priv;
        priv->items = b.all_items.data;
        doc->nitems_total = b.all_items.len;
        b.all_items.data = NULL;
        if (slog_vocab_build(&priv->vocab, priv->items, doc->nitems_total) != SLOG_OK ||
            slog_threads_build(doc, priv->items, &priv->vocab, b.arena) != SLOG_OK)
            st = nomem(&b);
    }
    vec *vecs[] = {&b.entries, &b.sections, &b.checklists, &b.followups,
                   &b.meta,    &b.headings, &b.items,      &b.all_items};
    for (size_t i = 0; i < sizeof vecs / sizeof *vecs; i++)
        free(vecs[i]->data);
    slog_buf_free(&b.text_buf);
    return st;
}

/* --- identity ---------------------------------------------------------- */

/* FNV-1a over text folded to lower-case ASCII with runs of white space as one
 * space and the ends trimmed: moving or re-spacing an item keeps its id. */
static uint32_t fnv_normalized(uint32_t h, const char *s)
{
    int pending_space = 0, started = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned c = *p;
        if (c <= ' ' && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
            pending_space = started;
            continue;
        }
        if (pending_space) {
            h = (h ^ ' ') * 16777619u;
            pending_space = 0;
        }
        if (c - 'A' < 26u)
            c += 32;
        h = (h ^ c) * 16777619u;
        started = 1;
    }
    return h;
}

void slog_item_id(const char *date, const char *label, const char *text, char out[9])
{
    uint32_t h = 2166136261u;
    h = fnv_normalized(h, date);
    h = (h ^ 0x1F) * 16777619u;
    h = fnv_normalized(h, label);
    h = (h ^ 0x1F) * 16777619u;
    h = fnv_normalized(h, text);
    static const char hex[] = "0123456789abcdef";
    for (int i = 7; i >= 0; i--) {
        out[i] = hex[h & 0xF];
        h >>= 4;
    }
    out[8] = '\0';
}
