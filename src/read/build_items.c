/* SPDX-License-Identifier: BSD-2-Clause */
/* Items: where each belongs, its marker and state (emoji, checkboxes and
 * word markers), its text from the source, `(Resolved ...)`; task-list
 * items as checklists; follow-ups. */
#include "build_internal.h"
#include "words.h"

#include "dates.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { MAX_ITEM_DEPTH = 32 };

static char *trimmed_copy(builder *b, const char *s, size_t len)
{
    while (len && build_is_space(*s)) {
        s++;
        len--;
    }
    while (len && build_is_space(s[len - 1]))
        len--;
    return slog_arena_strndup(b->arena, s, len);
}

heading_frame *build_innermost_heading(builder *b)
{
    return b->headings.len ? (heading_frame *)b->headings.data + b->headings.len - 1 : NULL;
}

static void link_item(builder *b, slog_entry *e, slog_item *it)
{
    slog_item **tail = (slog_item **)b->tails.data + e->index;
    if (*tail)
        (*tail)->next = it;
    else
        e->items = it;
    *tail = it;
    e->nitems++;
}

/* The source of a paragraph, lines folded to one space: its first line from
 * its start column, the others without their indentation (or '>' prefixes). */
int build_paragraph_source(builder *b, cmark_node *para)
{
    int first = build_line(b, cmark_node_get_start_line(para));
    int last = build_end_line(b, cmark_node_get_end_line(para));
    int col = cmark_node_get_start_column(para);
    slog_buf_clear(&b->text_buf);
    if (slog_buf_put(&b->text_buf, "", 0) != 0)
        return 0;
    for (int line = first; line <= last; line++) {
        size_t len;
        const char *s = slog_text_line(b->text, line, &len);
        size_t i = 0;
        if (line == first)
            i = col > 1 && (size_t)(col - 1) <= len ? (size_t)(col - 1) : 0;
        while (i < len && (build_is_space(s[i]) || (line != first && s[i] == '>')))
            i++;
        while (len > i && build_is_space(s[len - 1]))
            len--;
        if (len == i)
            continue;
        if (b->text_buf.len && slog_buf_put(&b->text_buf, " ", 1) != 0)
            return 0;
        if (slog_buf_put(&b->text_buf, s + i, len - i) != 0)
            return 0;
    }
    return 1;
}

static int is_checkbox(const char *t)
{
    return t[0] == '[' && (t[1] == ' ' || t[1] == 'x' || t[1] == 'X') && t[2] == ']' &&
           (t[3] == '\0' || build_is_space(t[3]));
}

/* A list's caption: the paragraph right above it when that is one short
 * line ("**Remaining Work (40% - 8/20 tasks):**", "To do:"), its markup
 * and a closing colon left out; else NULL. */
const char *build_list_caption(builder *b, cmark_node *item, int *line)
{
    cmark_node *list = cmark_node_parent(item);
    cmark_node *para = list ? cmark_node_previous(list) : NULL;
    if (!para || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH ||
        cmark_node_get_end_line(para) != cmark_node_get_start_line(para) ||
        !build_paragraph_source(b, para) || b->text_buf.len > 120)
        return NULL;
    const char *s = b->text_buf.data;
    size_t a = 0, e = b->text_buf.len;
    while (a < e && strchr("*_ ", s[a]))
        a++;
    while (e > a && strchr("*_: ", s[e - 1]))
        e--;
    *line = build_line(b, cmark_node_get_start_line(para));
    return e > a ? slog_arena_strndup(b->arena, s + a, e - a) : NULL;
}

static slog_status add_checklist(builder *b, const slog_item *it, const char *raw, cmark_node *node)
{
    int checked = raw[1] != ' '; /* raw is text_buf's: read it before list_caption */
    slog_checklist_item *c = vec_push(&b->checklists);
    if (!c)
        return build_nomem(b);
    heading_frame *h = build_innermost_heading(b);
    /* a box swallowed by a paragraph (no node) is a list of its own */
    cmark_node *list = node ? cmark_node_parent(node) : NULL;
    cmark_node *first = list ? cmark_node_first_child(list) : node;
    c->line = it->line;
    c->checked = checked;
    c->section = h ? h->title : "";
    c->text = it->text;
    c->list_line = first ? build_line(b, cmark_node_get_start_line(first)) : it->line;
    c->caption = node ? build_list_caption(b, node, &c->caption_line) : NULL;
    if (!c->caption) {
        c->caption = c->section;
        c->caption_line = h ? h->line : 0;
    }
    slog_item_id("", c->section, c->text, c->id);
    return SLOG_OK;
}

/* Markers are few: one copy of each, shared by every item that has it. */
static const char *marker_copy(builder *b, const char *m, size_t n)
{
    for (size_t i = 0; i < b->nmarkers_seen; i++)
        if (strlen(b->markers_seen[i]) == n && !memcmp(b->markers_seen[i], m, n))
            return b->markers_seen[i];
    char *copy = slog_arena_strndup(b->arena, m, n);
    if (copy && b->nmarkers_seen < sizeof b->markers_seen / sizeof *b->markers_seen)
        b->markers_seen[b->nmarkers_seen++] = copy;
    return copy;
}

/* A word marker followed by a number is a count in a report ("Failed: 0",
 * "Done: 12/14"), not an item in that state. A date or a time after the
 * marker ("Done: 2026-03-09 …") is not a count. */
static int is_count(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && build_is_space(s[i]))
        i++;
    if (i == len || s[i] < '0' || s[i] > '9')
        return 0;
    while (i < len && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == ',' || s[i] == '/' ||
                       s[i] == '%'))
        i++;
    return i == len || build_is_space(s[i]) || s[i] == '(';
}

/* A word marker's value that says there is nothing ("Fixed: N/A", "Done:
 * none", "Blocked: —"): a statement, not an item in that state (SPEC §1
 * r3). */
static int says_nothing(const char *s, size_t len)
{
    static const char *const nothing[] = {
        "n/a",   "na",    "none",   "nothing", "nil",    "no",      "-",   "—",    "–",
        "keine", "aucun", "aucune", "ninguno", "nenhum", "nessuno", "нет", "なし", "无"};
    while (len && (build_is_space(*s) || *s == '*' || *s == '_'))
        s++, len--;
    while (len && (build_is_space(s[len - 1]) || s[len - 1] == '.' || s[len - 1] == '*' ||
                   s[len - 1] == '_'))
        len--;
    for (size_t i = 0; len && i < sizeof nothing / sizeof *nothing; i++)
        if (strlen(nothing[i]) == len && !strncasecmp(s, nothing[i], len))
            return 1;
    return 0;
}

/* The marker opening t: an emoji or checkbox of the table, else a word
 * marker ("Next:", "**TODO**", "DONE -"). Sets the state, the marker as
 * written and where the text starts; *bold when "**" opened the item. */
static slog_status find_marker(builder *b, slog_item *it, const char *t, size_t len,
                               size_t *text_from, int *bold, int *word)
{
    slog_config *c = b->cfg;
    size_t ms, me, whole, k = len >= 2 && t[0] == '*' && t[1] == '*' ? 2 : 0;
    *bold = 0;
    *word = 0;
    *text_from = 0;
    while (k < len && build_is_space(t[k]))
        k++;
    /* most items open with a word: the patterns are tried only when the
     * first byte can open a marker (of the table, or a capitalised word) */
    int maybe_marker = k < len && c->marker_first[(unsigned char)t[k]];
    int maybe_word = len && c->word_first[(unsigned char)t[0]];
    if (maybe_marker && slog_regex_match(&c->marker_re, t, len, 0) &&
        slog_regex_group(&c->marker_re, 1, &ms, &me)) {
        slog_regex_group(&c->marker_re, 0, &whole, text_from);
        it->state = slog_config_marker_state(c, t + ms, me - ms);
        *bold = len >= 2 && t[0] == '*' && t[1] == '*';
    } else if (maybe_word && slog_regex_match(&c->word_re, t, len, 0) &&
               (slog_regex_group(&c->word_re, 1, &ms, &me) ||
                slog_regex_group(&c->word_re, 2, &ms, &me)) &&
               slog_regex_group(&c->word_re, 0, &whole, text_from) &&
               !is_count(t + *text_from, len - *text_from) &&
               !says_nothing(t + *text_from, len - *text_from)) {
        it->state = slog_config_word_state(c, t + ms, me - ms);
        *word = 1;
    } else {
        *text_from = 0;
        return SLOG_OK;
    }
    it->marker = marker_copy(b, t + ms, me - ms);
    return it->marker ? SLOG_OK : build_nomem(b);
}

/* "resolved" in any case: the pattern runs only then. */
static int mentions_resolved(const char *s)
{
    for (; (s = strpbrk(s, "rR")) != NULL; s++)
        if (strncasecmp(s + 1, "esolved", 7) == 0)
            return 1;
    return 0;
}

static slog_status resolution(builder *b, slog_item *it)
{
    slog_config *c = b->cfg;
    size_t ms, me;
    long day;
    if (mentions_resolved(it->text) &&
        slog_regex_match(&c->resolved_re, it->text, strlen(it->text), 0) &&
        slog_regex_group(&c->resolved_re, 1, &ms, &me) && slog_date_parse(it->text + ms, &day)) {
        it->resolved = slog_arena_strndup(b->arena, it->text + ms, 10);
        if (!it->resolved)
            return build_nomem(b);
    }
    return SLOG_OK;
}

/* An unchecked box whose text opens with a done marker ("- [ ] ✅ Done
 * Activities Log") is no task: a section's label written as one (SPEC §3
 * r3). */
static int section_label(builder *b, const slog_item *it, const char *t)
{
    if (t[1] != ' ' || !*it->text)
        return 0;
    slog_item probe = *it;
    size_t from;
    int bold, word;
    probe.state = SLOG_STATE_NOTE;
    const char *rest = it->text;
    return find_marker(b, &probe, rest, strlen(rest), &from, &bold, &word) == SLOG_OK &&
           probe.state == SLOG_STATE_DONE && probe.marker && *probe.marker;
}

/* The items of the list `para` stands in are a record's fields, each
 * dressed with an icon: two of them or more open with a symbol and a bold
 * key ("- 👤 **Author:** dana", "- 🔍 **Hash:** `d4e5f6a`"), and most of
 * those symbols, two at least, are no markers — so "🔄" before
 * "**Commit:**" is an icon too, not work in progress (while "✅ **GA4**: …",
 * "⚠️ **Bing**: …" beside one "📋 **Proof**: …" are states). The first 16
 * items are looked at. */
static int field_icons(builder *b, cmark_node *para)
{
    cmark_node *item = cmark_node_parent(para);
    cmark_node *list = item ? cmark_node_parent(item) : NULL;
    if (!list || cmark_node_get_type(list) != CMARK_NODE_LIST)
        return 0;
    int keyed = 0, icons = 0, seen = 0;
    for (cmark_node *sib = cmark_node_first_child(list); sib && seen < 16;
         sib = cmark_node_next(sib), seen++) {
        cmark_node *p = cmark_node_first_child(sib);
        if (!p || cmark_node_get_type(p) != CMARK_NODE_PARAGRAPH)
            continue;
        const char *s;
        size_t len, k = 0;
        build_first_line(b, p, &s, &len);
        while (k < len && (unsigned char)s[k] >= 0x80)
            k++; /* the symbol, its variation selector */
        if (!k || k > 8 || k >= len || s[k] != ' ' || !build_keyed_field(s + k + 1, len - k - 1))
            continue;
        keyed++;
        size_t ms, me;
        if (!(slog_regex_match(&b->cfg->marker_re, s, len, 0) &&
              slog_regex_group(&b->cfg->marker_re, 1, &ms, &me)))
            icons++;
    }
    return icons >= 2 && 2 * icons > keyed;
}

/* Marker, state, text and resolution of an item from its first paragraph. */
slog_status build_item_text(builder *b, item_frame *f, cmark_node *para)
{
    f->has_text = 1;
    if (!build_paragraph_source(b, para))
        return build_nomem(b);
    slog_item *it = f->item;
    size_t skip = f->list_entry && f->text_skip <= b->text_buf.len ? f->text_skip : 0;
    const char *t = b->text_buf.data + skip;
    size_t len = b->text_buf.len - skip, text_from;
    int bold, word;
    slog_status st = find_marker(b, it, t, len, &text_from, &bold, &word);
    if (st != SLOG_OK)
        return st;
    /* "- [x] 2026-05-04 — ported the board model": the ticked box before
     * the date is the entry's marker */
    if (skip && it->state == SLOG_STATE_NOTE && b->text_buf.len >= 3 &&
        (!memcmp(b->text_buf.data, "[x]", 3) || !memcmp(b->text_buf.data, "[X]", 3))) {
        it->state = SLOG_STATE_DONE;
        it->marker = "[x]";
    }
    while (text_from < len && build_is_space(t[text_from]))
        text_from++;
    /* "- Completed:" over a nested list: a word that captions the list
     * (its items take the state it says), no done item of its own */
    cmark_node *below = cmark_node_next(para);
    if (text_from == len && word && below && cmark_node_get_type(below) == CMARK_NODE_LIST) {
        f->says_state = (int)it->state;
        it->state = SLOG_STATE_NOTE;
        it->marker = "";
        text_from = 0;
    }
    /* a done marker on a figure stays done: "✅ Offline evaluation set: 2,000
     * judged queries" reports the task it closes */
    int colour = it->marker && build_is_colour(it->marker);
    if (colour && build_rates_priority(t + text_from, len - text_from))
        it->state = SLOG_STATE_NOTE; /* a priority: its caption may make it next, below */
    if (colour && build_keyed_field(t + text_from, len - text_from))
        it->state = SLOG_STATE_NOTE; /* "🟢 **Plan für morgen:** …": a field's bullet */
    if (it->marker && *it->marker && it->state != SLOG_STATE_NOTE && it->state != SLOG_STATE_DONE &&
        build_keyed_field(t + text_from, len - text_from) && field_icons(b, para))
        it->state = SLOG_STATE_NOTE; /* "- 🔄 **Commit:** …" beside "- 👤 **Author:** …" */
    if (it->state != SLOG_STATE_NOTE && it->state != SLOG_STATE_DONE && !is_checkbox(t) &&
        (build_metric(t + text_from, len - text_from) ||
         build_statement(b, it->state, t + text_from, len - text_from)))
        it->state = SLOG_STATE_NOTE; /* a metric or a statement, not work */
    /* "**✅ Done**" keeps its emphasis: "**Done**". */
    char *text = "";
    if (text_from < len || bold) {
        text = slog_arena_chars(b->arena, len - text_from + 3);
        if (!text)
            return build_nomem(b);
        size_t o = bold ? 2 : 0;
        memcpy(text, "**", o);
        memcpy(text + o, t + text_from, len - text_from);
    }
    it->text = text;
    st = resolution(b, it);
    if (st == SLOG_OK && f->list_entry) {
        if (*text) {                   /* the entry's own item: what its line says after the date */
            build_drop_unpaired(text); /* "- **2026-05-14 morning**: ..." */
            link_item(b, f->list_entry, it);
            f->list_entry->label = it->text;
        }
        return SLOG_OK;
    }
    int box = !skip && is_checkbox(t);
    if (st == SLOG_OK && box) {
        if (section_label(b, it, t))
            it->state = SLOG_STATE_NOTE; /* "[ ] ✅ Done Activities Log" labels what follows */
        else
            st = add_checklist(b, it, t, f->node); /* t is spent: list_caption reuses text_buf */
    }
    /* an unmarked item under "- Next:" is a next step */
    item_frame *up = b->items.len >= 2 ? (item_frame *)b->items.data + b->items.len - 2 : NULL;
    if (st == SLOG_OK && !box && up && up->says_state >= 0 &&
        f == (item_frame *)b->items.data + b->items.len - 1 && !*it->marker &&
        it->state == SLOG_STATE_NOTE)
        it->state = (slog_state)up->says_state;
    /* (after the text is copied: the caption is read into text_buf) */
    if (st == SLOG_OK && !box && colour && it->state != SLOG_STATE_NOTE &&
        build_colour_ranks(b, f->node))
        it->state = SLOG_STATE_NOTE;
    if (st == SLOG_OK && !box &&
        (it->state == SLOG_STATE_FAILED || it->state == SLOG_STATE_NOTE ||
         it->state == SLOG_STATE_DONE || (it->state == SLOG_STATE_WARNING && bold) || colour))
        it->state = build_state_in_context(b, f->node, it);
    return st;
}

slog_status build_line_item(builder *b, slog_entry *e, int line, const char *t, size_t len)
{
    slog_item *it = slog_arena_alloc(b->arena, sizeof *it);
    slog_item **slot = it ? vec_push(&b->all_items) : NULL;
    if (!slot)
        return build_nomem(b);
    *slot = it;
    it->index = (unsigned)(b->all_items.len - 1);
    it->line = it->end_line = line;
    it->state = SLOG_STATE_NOTE;
    it->marker = "";
    it->entry = e;
    size_t text_from;
    int bold, word;
    slog_status st = find_marker(b, it, t, len, &text_from, &bold, &word);
    if (st != SLOG_OK)
        return st;
    if (it->state != SLOG_STATE_NOTE && it->state != SLOG_STATE_DONE &&
        (build_metric(t + text_from, len - text_from) ||
         build_statement(b, it->state, t + text_from, len - text_from)))
        it->state = SLOG_STATE_NOTE; /* a metric or a statement, not work */
    it->text = trimmed_copy(b, t + text_from, len - text_from);
    if (!it->text)
        return build_nomem(b);
    link_item(b, e, it);
    e->label = it->text;
    return resolution(b, it);
}

/* A top-level item of the entry list that opens with a date: a new entry. */
static slog_status list_entry(builder *b, cmark_node *node, item_frame *f)
{
    slog_found_date fd;
    size_t from;
    char key[KEY_MAX];
    if (!build_list_item_date(b, node, &fd, &from, key))
        return SLOG_OK;
    const char *s;
    size_t len;
    int line = build_first_line(b, cmark_node_first_child(node), &s, &len);
    slog_entry *owner = build_current_entry(b);
    slog_entry *e =
        build_new_entry(b, SLOG_ENTRY_LIST, line, (owner ? owner->level : 0) + 1, s, len, &fd);
    char *heading = e ? trimmed_copy(b, s, len) : NULL;
    if (!heading)
        return build_nomem(b);
    e->heading = heading;
    e->has_content = 1;
    f->list_entry = e;
    f->text_skip = from;
    f->item->entry = e;
    b->keyed_entry = *key ? e : NULL;
    return SLOG_OK;
}

slog_status build_item_enter(builder *b, cmark_node *node)
{
    slog_item *it = slog_arena_alloc(b->arena, sizeof *it);
    slog_item **slot = it ? vec_push(&b->all_items) : NULL;
    if (!slot)
        return build_nomem(b);
    *slot = it;
    it->index = (unsigned)(b->all_items.len - 1);
    it->line = build_line(b, cmark_node_get_start_line(node));
    it->state = SLOG_STATE_NOTE;
    it->marker = "";
    it->text = "";
    item_frame *f = vec_push(&b->items);
    if (!f)
        return build_nomem(b);
    /* the enclosing item (the push may have moved the stack); below
     * MAX_ITEM_DEPTH levels items hang from the item at that depth, so that
     * "- - - - ... x" cannot make the model or its JSON quadratic */
    size_t depth = b->items.len - 1;
    item_frame *parent =
        depth ? (item_frame *)b->items.data + (depth > MAX_ITEM_DEPTH ? MAX_ITEM_DEPTH : depth) - 1
              : NULL;
    f->node = node;
    f->item = it;
    f->says_state = -1;
    int in_entry_list = !parent && b->entry_list && cmark_node_parent(node) == b->entry_list;
    if (in_entry_list) {
        slog_status st = list_entry(b, node, f);
        if (st != SLOG_OK || f->list_entry)
            return st; /* linked once its text is known */
    }
    if (parent && parent->list_entry) {
        it->entry = parent->list_entry;
        link_item(b, it->entry, it);
    } else if (parent) {
        it->entry = parent->item->entry;
        it->parent = parent->item;
        if (parent->children_tail)
            parent->children_tail->next = it;
        else
            parent->item->children = it;
        parent->children_tail = it;
        parent->item->nchildren++;
    } else {
        /* an undated item of an entry list is a sibling of its dated items:
         * it stays with the enclosing entry; after an item dated by a key
         * ("- timestamp: ...", then "- checks executed:") it is a field of
         * that item's record */
        slog_entry *owner =
            in_entry_list && b->keyed_entry ? b->keyed_entry : build_current_entry(b);
        it->entry = owner;
        if (owner)
            link_item(b, owner, it);
    }
    return SLOG_OK;
}

slog_status build_item_exit(builder *b, cmark_node *node)
{
    item_frame *f = (item_frame *)b->items.data + --b->items.len;
    slog_item *it = f->item;
    int end = build_end_line(b, cmark_node_get_end_line(node));
    it->end_line = build_last_nonblank(b, it->line, end > it->line ? end : it->line);
    if (f->list_entry) {
        f->list_entry->end_line = it->end_line;
        return SLOG_OK;
    }
    if (!it->parent && it->entry && it->entry == b->keyed_entry &&
        it->end_line > it->entry->end_line)
        it->entry->end_line = it->end_line; /* a record's field */
    heading_frame *h = build_innermost_heading(b);
    /* a follow-up struck out ("~~Integrate the detector~~ — DONE") or
     * marked done is no follow-up any more */
    if (!it->parent && h && h->followup && strncmp(it->text, "~~", 2) != 0 &&
        it->state != SLOG_STATE_DONE) {
        slog_followup *fu = vec_push(&b->followups);
        if (!fu)
            return build_nomem(b);
        fu->line = it->line;
        fu->text = it->text;
    }
    return SLOG_OK;
}

void build_item_ids(builder *b)
{
    slog_item **items = b->all_items.data;
    for (size_t i = 0; i < b->all_items.len; i++) {
        const slog_entry *e = items[i]->entry;
        items[i]->id = slog_item_hash(e ? e->date : "", e ? e->label : "", items[i]->text);
    }
}

/* A task-list line that indentation made part of a paragraph ("    - [ ] x"
 * after a text line) is still a checklist item to a reader. Only the
 * paragraph's later lines can be such lines. */
slog_status build_swallowed_checklists(builder *b, cmark_node *para)
{
    int last = build_end_line(b, cmark_node_get_end_line(para));
    for (int line = build_line(b, cmark_node_get_start_line(para)) + 1; line <= last; line++) {
        size_t len, i = 0;
        const char *s = slog_text_line(b->text, line, &len);
        while (i < len && build_is_space(s[i]))
            i++;
        if (i + 5 > len || (s[i] != '-' && s[i] != '*' && s[i] != '+') || !build_is_space(s[i + 1]))
            continue;
        i++;
        while (i < len && build_is_space(s[i]))
            i++;
        char box[5] = {0};
        memcpy(box, s + i, len - i < 4 ? len - i : 4);
        if (!is_checkbox(box))
            continue;
        size_t t = i + 3;
        while (t < len && build_is_space(s[t]))
            t++;
        slog_item it = {0};
        it.line = line;
        it.text = trimmed_copy(b, s + t, len - t);
        if (!it.text)
            return build_nomem(b);
        slog_status st = add_checklist(b, &it, box, NULL);
        if (st != SLOG_OK)
            return st;
    }
    return SLOG_OK;
}
