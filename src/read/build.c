/* SPDX-License-Identifier: BSD-2-Clause */
/* The model: a walk over cmark's block tree (inlines are skipped, except a
 * heading's, for its text) that records entries, items, checklists,
 * follow-ups and metadata with their source lines. Item texts are taken from
 * the source, not re-rendered. This file holds the walk and the finishing
 * passes; build_headings.c, build_entries.c, build_items.c and build_meta.c
 * the rest. */
#include "build_internal.h"

#include "chunk.h"
#include "cmark_arena.h"
#include "dates.h"
#include "pieces.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void *vec_push(vec *v)
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

void *vec_to_arena(vec *v, slog_arena *arena, size_t *count)
{
    *count = v->len;
    if (!v->len)
        return NULL;
    void *p = slog_arena_alloc(arena, v->len * v->size);
    if (p)
        memcpy(p, v->data, v->len * v->size);
    return p;
}

slog_status build_nomem(builder *b)
{
    return slog_error_set(b->err, SLOG_ERR_NOMEM, b->doc->file, 0, "out of memory");
}

int build_line(const builder *b, int cmark_line)
{
    return cmark_line + b->line_offset;
}

int build_end_line(const builder *b, int cmark_line)
{
    int line = cmark_line + b->line_offset;
    return line > b->piece_last ? b->piece_last : line;
}

/* --- the walk ---------------------------------------------------------- */

static item_frame *top_item(builder *b)
{
    return b->items.len ? (item_frame *)b->items.data + b->items.len - 1 : NULL;
}

static slog_status on_paragraph(builder *b, cmark_node *n, cmark_node *root)
{
    item_frame *top = top_item(b);
    slog_status st = SLOG_OK;
    if (top && !top->has_text && cmark_node_parent(n) == top->node)
        st = build_item_text(b, top, n);
    else if (!top) {
        int started = 0;
        /* the preamble's "Key: value" lines: not those of an entry's text
         * ("#### 2024-03-30" then "Date: 2024-05-01 is when the jam ends") */
        if (!b->seen_level2 && cmark_node_parent(n) == root && !b->entries.len)
            st = build_metadata(b, n);
        if (st == SLOG_OK)
            st = build_line_entries(b, n, &started);
        if (st == SLOG_OK && !started)
            st = build_bold_paragraph(b, n, &started);
        slog_entry *e = build_current_entry(b);
        if (!started && e && n != b->dating_para && n != b->restating_para)
            e->has_content = 1;
    }
    if (st == SLOG_OK)
        st = build_swallowed_checklists(b, n);
    return st;
}

/* A block of the document's top level ended: entries end at its last line
 * (within the piece: the link definitions given to it are not its lines). */
static void block_done(builder *b, cmark_node *n, cmark_node *root)
{
    if (n == root || cmark_node_parent(n) != root || cmark_node_get_type(n) == CMARK_NODE_HEADING)
        return;
    int last = build_end_line(b, cmark_node_get_end_line(n));
    b->last_block_end = build_last_nonblank(b, build_line(b, cmark_node_get_start_line(n)), last);
}

/* "<details><summary>dtic-DIGI [08/10/2025]</summary>" … "</details>": a
 * collapsed block of its own, the dated list in it one resource's log, not
 * the next block's (logs.c). */
static slog_status on_html(builder *b, cmark_node *n)
{
    const char *s = cmark_node_get_literal(n);
    for (int line = build_line(b, cmark_node_get_start_line(n)); s && *s; line++) {
        const char *eol = strchr(s, '\n');
        size_t len = eol ? (size_t)(eol - s) : strlen(s);
        int kind = slog_chunk_summary_line(s, len);
        if (kind) {
            int *at = vec_push(&b->splits);
            if (!at)
                return build_nomem(b);
            *at = kind == 1 ? line : -line; /* a block's title, or its end */
        }
        if (!eol)
            break;
        s = eol + 1;
    }
    return SLOG_OK;
}

static slog_status on_enter(builder *b, cmark_iter *it, cmark_node *n, cmark_node *root)
{
    cmark_node_type type = cmark_node_get_type(n);
    slog_status st = SLOG_OK;
    /* content of the current entry's own section */
    /* (a rule between sections, "------", says nothing either) */
    if (n != root && type != CMARK_NODE_HEADING && type != CMARK_NODE_ITEM && !top_item(b) &&
        n != b->dating_para && n != b->restating_para && type != CMARK_NODE_PARAGRAPH &&
        type != CMARK_NODE_THEMATIC_BREAK) {
        slog_entry *e = build_current_entry(b);
        /* "<br>", "<!-- DAILY_CHECKIN -->": markup that says nothing */
        if (e && (type != CMARK_NODE_HTML_BLOCK ||
                  build_lines_say_something(b, build_line(b, cmark_node_get_start_line(n)),
                                            build_end_line(b, cmark_node_get_end_line(n)))))
            e->has_content = 1;
    }
    switch (type) {
    case CMARK_NODE_HEADING:
        /* Even inside a list item a heading ends sections, as a reader sees it. */
        st = build_on_heading(b, n);
        cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
        break;
    case CMARK_NODE_LIST:
        /* a list longer than a piece goes on in the next one, as the same list */
        if (b->list_goes_on && n == cmark_node_first_child(root))
            b->entry_list = b->list_goes_on == 2 ? n : NULL;
        else if (!top_item(b) && !b->entry_list)
            st = build_list_enter(b, n);
        b->list_goes_on = 0;
        break;
    case CMARK_NODE_ITEM:
        st = build_item_enter(b, n);
        break;
    case CMARK_NODE_HTML_BLOCK:
        st = on_html(b, n);
        block_done(b, n, root); /* a leaf: no EXIT event ends it */
        break;
    case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_THEMATIC_BREAK:
        block_done(b, n, root);
        break;
    case CMARK_NODE_PARAGRAPH:
        st = on_paragraph(b, n, root);
        /* its inlines are not walked; the reset skips its EXIT event too */
        cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
        block_done(b, n, root);
        break;
    default:
        break;
    }
    return st;
}

/* cmark counts a list's trailing blank lines as its own; an entry ends at its
 * last line with text. */
int build_lines_say_something(builder *b, int first, int last)
{
    int in_comment = 0;
    for (int l = first; l <= last && (size_t)l <= b->text->nlines; l++) {
        size_t len;
        const char *s = slog_text_line(b->text, l, &len);
        for (size_t i = 0; i < len; i++) {
            if (in_comment) {
                if (i + 2 < len && !memcmp(s + i, "-->", 3))
                    in_comment = 0, i += 2;
            } else if (i + 3 < len && !memcmp(s + i, "<!--", 4)) {
                in_comment = 1, i += 3;
            } else if (s[i] == '<' && i + 1 < len &&
                       (((s[i + 1] | 0x20) >= 'a' && (s[i + 1] | 0x20) <= 'z') ||
                        s[i + 1] == '/')) {
                const char *close = memchr(s + i, '>', len - i);
                if (!close)
                    return 1;
                i = (size_t)(close - s);
            } else if (!build_is_space(s[i])) {
                return 1;
            }
        }
    }
    return 0;
}

int build_last_nonblank(builder *b, int first, int last)
{
    for (; last > first; last--) {
        size_t len;
        const char *s = slog_text_line(b->text, last, &len);
        while (len && build_is_space(s[len - 1]))
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
        return build_nomem(b);
    slog_status st = SLOG_OK;
    cmark_event_type ev;
    while (st == SLOG_OK && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        if (ev == CMARK_EVENT_ENTER && n != root &&
            build_line(b, cmark_node_get_start_line(n)) > b->piece_last) {
            cmark_iter_reset(it, n, CMARK_EVENT_EXIT); /* the definitions given to the piece */
            continue;
        }
        if (ev == CMARK_EVENT_ENTER) {
            st = on_enter(b, it, n, root);
            continue;
        }
        cmark_node_type type = cmark_node_get_type(n);
        if (type == CMARK_NODE_ITEM)
            st = build_item_exit(b, n);
        else if (type == CMARK_NODE_LIST && cmark_node_parent(n) == root) {
            b->last_list_entries = n == b->entry_list; /* for a list that goes on */
            b->entry_list = NULL;
        } else if (type == CMARK_NODE_LIST && n == b->entry_list)
            b->entry_list = NULL;
        block_done(b, n, root);
    }
    cmark_iter_free(it);
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
    d->priv->splits = vec_to_arena(&b->splits, b->arena, &d->priv->nsplits);
    if ((d->nentries && !d->entries) || (d->nsections && !d->sections) ||
        (d->nchecklists && !d->checklists) || (d->nfollowups && !d->followups) ||
        (d->nmeta && !d->meta) || (d->priv->nsplits && !d->priv->splits))
        return build_nomem(b);
    return SLOG_OK;
}

/* Everything after the walk: dates settled, ids, logs, words, threads. */
static slog_status after_walk(builder *b)
{
    slog_doc *doc = b->doc;
    build_settle_numeric_dates(b);
    build_item_ids(b);
    slog_status st = finish(b);
    if (st != SLOG_OK)
        return st;
    slog_doc_private *priv = doc->priv;
    priv->items = b->all_items.data;
    doc->nitems_total = b->all_items.len;
    b->all_items.data = NULL;
    if (slog_logs_build(doc, b->cfg, b->arena) != SLOG_OK)
        return build_nomem(b);
    /* threads link open items; without one there is nothing to link, and
     * the words wait until something asks for them (slog_doc_words) */
    int open = 0;
    for (size_t i = 0; i < doc->nitems_total && !open; i++)
        open = slog_state_is_open(priv->items[i]->state);
    const slog_vocab *words;
    if (!priv->no_threads && open &&
        (slog_doc_words(doc, &words) != SLOG_OK ||
         slog_threads_build(doc, b->cfg, priv->items, words, b->arena) != SLOG_OK))
        return build_nomem(b);
    return SLOG_OK;
}

static void builder_free(builder *b)
{
    vec *vecs[] = {&b->entries, &b->tails,    &b->sections, &b->checklists, &b->followups, &b->meta,
                   &b->numeric, &b->headings, &b->items,    &b->all_items,  &b->splits};
    for (size_t i = 0; i < sizeof vecs / sizeof *vecs; i++)
        free(vecs[i]->data);
    slog_buf_free(&b->text_buf);
    slog_buf_free(&b->line_buf);
    slog_buf_free(&b->piece_buf);
    slog_cmark_arena_free(&b->cmark);
}

/* Walks one parsed piece. */
static slog_status walk_piece(builder *b, const slog_chunk_plan *plan, size_t j,
                              const slog_piece *p)
{
    b->line_offset = p->first - 1;
    b->piece_last = p->last;
    /* nodes of the last piece's tree are gone (and their addresses reused) */
    b->dating_para = b->restating_para = NULL;
    cmark_node *head = cmark_node_first_child(p->root);
    b->list_goes_on = plan->chunks[j].in_list && b->last_piece_ended_in_list && head &&
                              cmark_node_get_type(head) == CMARK_NODE_LIST
                          ? 1 + b->last_list_entries
                          : 0;
    slog_status st = walk(b, p->root);
    cmark_node *tail = slog_piece_last_block(p);
    b->last_piece_ended_in_list = tail && cmark_node_get_type(tail) == CMARK_NODE_LIST;
    return st;
}

/* Pieces parsed ahead on other threads, walked here in order. */
static slog_status walk_queued(builder *b, const slog_chunk_plan *plan, slog_piece_queue *q)
{
    slog_status st = SLOG_OK;
    for (size_t j = 0; st == SLOG_OK && j < plan->count;) {
        slog_piece p;
        if (slog_pieces_take(q, j, &p) != 0)
            st = build_nomem(b);
        else
            st = walk_piece(b, plan, j, &p);
        slog_pieces_release(q, j);
        /* the chunks the piece took were parsed on their own too: dropped */
        for (size_t k = j + 1; k < p.next && st == SLOG_OK; k++) {
            slog_piece skipped;
            slog_pieces_take(q, k, &skipped);
            slog_pieces_release(q, k);
        }
        j = p.next;
    }
    slog_cmark_arena_use(&b->cmark);
    return st;
}

/* Documents at least this large are parsed ahead on other threads when
 * the caller gives more than one (slog_parse_options.jobs). */
#define PARSE_AHEAD_MIN_BYTES ((size_t)4 * 1024 * 1024)

static slog_status walk_pieces(builder *b, const slog_chunk_plan *plan, unsigned jobs)
{
    /* pieces smaller than the default (the differential test's) are parsed
     * ahead whatever the size of the document */
    size_t chunk_bytes = b->doc->priv->chunk_bytes;
    size_t min = chunk_bytes && chunk_bytes < SLOG_CHUNK_TARGET ? 0 : PARSE_AHEAD_MIN_BYTES;
    if (jobs > 1 && plan->count > 2 && b->text->len >= min) {
        slog_piece_queue *q = slog_pieces_start(b->text, plan, jobs - 1);
        if (q) {
            slog_status st = walk_queued(b, plan, q);
            slog_pieces_stop(q);
            return st;
        }
    }
    slog_status st = SLOG_OK;
    for (size_t j = 0; st == SLOG_OK && j < plan->count;) {
        slog_piece p;
        if (slog_piece_parse(b->text, plan, j, &b->cmark, &b->piece_buf, &p) != 0)
            return build_nomem(b);
        st = walk_piece(b, plan, j, &p);
        j = p.next;
    }
    return st;
}

static void builder_init(builder *b, slog_doc *doc, const slog_config *config, slog_error *err)
{
    memset(b, 0, sizeof *b);
    b->doc = doc;
    b->arena = &doc->priv->arena;
    b->text = &doc->priv->text;
    b->cfg = (slog_config *)config; /* matching uses the config's match data */
    b->err = err;
    b->entries.size = sizeof(slog_entry *);
    b->tails.size = sizeof(slog_item *);
    b->sections.size = sizeof(slog_section);
    b->checklists.size = sizeof(slog_checklist_item);
    b->followups.size = sizeof(slog_followup);
    b->meta.size = sizeof(slog_meta);
    b->numeric.size = sizeof(numeric_date);
    b->headings.size = sizeof(heading_frame);
    b->items.size = sizeof(item_frame);
    b->all_items.size = sizeof(slog_item *);
    b->splits.size = sizeof(int);
    b->year_scan_line = 1;
    slog_cmark_arena_init(&b->cmark);
}

/* One reading of the document, with the title guessed one way. *guess_ok
 * tells whether the guess held (the first heading is level 1 and the only
 * one exactly when it was taken for the title). */
static slog_status build_pass(slog_doc *doc, const slog_config *config, int *no_title,
                              size_t chunk_bytes, unsigned jobs, int *guess_ok, slog_error *err)
{
    builder b;
    builder_init(&b, doc, config, err);
    doc->nlines = b.text->nlines;
    int skip = 0;
    slog_chunk_plan plan = {0};
    slog_status st = build_front_matter(&b, &skip);
    if (st == SLOG_OK && skip < (int)b.text->nlines &&
        slog_chunk_plan_make(b.text, skip + 1, chunk_bytes, &plan) != SLOG_OK)
        st = build_nomem(&b);
    if (*no_title < 0) /* the planner's count of "# " headings is a good first guess */
        *no_title = plan.atx_h1 > 1;
    b.no_title = *no_title;
    if (st == SLOG_OK)
        st = walk_pieces(&b, &plan, jobs);
    build_close_all(&b);
    *guess_ok = b.no_title ? !(b.first_heading_level1 && b.level1_headings == 1)
                           : !(doc->title && b.level1_headings > 1);
    if (st == SLOG_OK && *guess_ok)
        build_document_date(&b, doc->title, doc->title ? strlen(doc->title) : 0);
    if (st == SLOG_OK && *guess_ok)
        st = after_walk(&b);
    slog_chunk_plan_free(&plan);
    builder_free(&b);
    return st;
}

/* Forgets what a pass built (its guess of the title was wrong). */
static slog_status reset_doc(slog_doc *doc)
{
    slog_doc_private *priv = doc->priv;
    char *file = strdup(doc->file);
    if (!file)
        return SLOG_ERR_NOMEM;
    slog_encoding enc = doc->encoding;
    slog_arena_free(&priv->arena);
    memset(doc, 0, sizeof *doc);
    doc->priv = priv;
    doc->encoding = enc;
    doc->file = slog_arena_strndup(&priv->arena, file, strlen(file));
    free(file);
    return doc->file ? SLOG_OK : SLOG_ERR_NOMEM;
}

slog_status slog_build(slog_doc *doc, const slog_config *config, slog_error *err)
{
    slog_doc_private *priv = doc->priv;
    int no_title = -1, ok;
    slog_status st = build_pass(doc, config, &no_title, priv->chunk_bytes, priv->jobs, &ok, err);
    if (st == SLOG_OK && !ok) { /* read it again with the other guess */
        st = reset_doc(doc);
        if (st != SLOG_OK)
            return slog_error_set(err, st, NULL, 0, "out of memory");
        no_title = !no_title;
        st = build_pass(doc, config, &no_title, priv->chunk_bytes, priv->jobs, &ok, err);
    }
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

uint32_t slog_item_hash(const char *date, const char *label, const char *text)
{
    uint32_t h = 2166136261u;
    h = fnv_normalized(h, date);
    h = (h ^ 0x1F) * 16777619u;
    h = fnv_normalized(h, label);
    h = (h ^ 0x1F) * 16777619u;
    return fnv_normalized(h, text);
}

void slog_id_format(uint32_t id, char out[9])
{
    static const char hex[] = "0123456789abcdef";
    for (int i = 7; i >= 0; i--) {
        out[i] = hex[id & 0xF];
        id >>= 4;
    }
    out[8] = '\0';
}

void slog_item_id(const char *date, const char *label, const char *text, char out[9])
{
    slog_id_format(slog_item_hash(date, label, text), out);
}
