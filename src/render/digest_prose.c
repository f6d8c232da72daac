/* SPDX-License-Identifier: BSD-2-Clause */
/* What an entry written in prose says, for the digest (SPEC §5 r3): its
 * first sentence, the list a line ending in ':' introduces, and the rows of
 * its tables that carry a status word. Read from the entry's section of the
 * decoded text, line by line: headings, code blocks, quotes' markers and
 * table separators are stepped over. */
#define _GNU_SOURCE /* memmem */
#include "digest_internal.h"
#include "digest_lines.h"
#include "words.h"

#include "doc_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { ROWS_KEPT = 5, INTRODUCED_KEPT = 3 };

static int item_follows(const slog_text *t, int line)
{
    size_t len, n;
    int numbered;
    const char *s = slog_text_line(t, line + 1, &len);
    s = s ? dp_trim(s, &len) : NULL;
    return s && dp_list_text(s, len, &n, &numbered) != NULL;
}

void digest_prose_read(const slog_doc *d, const slog_entry *e, digest_prose *out)
{
    memset(out, 0, sizeof *out);
    const slog_text *t = &d->priv->text;
    slog_buf para = {0}, first_row = {0}, keyed = {0};
    int in_code = 0, para_done = 0, after_para = 0, header_row = 1, in_metadata = 0;
    /* in a list item: its lines after the first and its indented blocks
     * are the item's, not the entry's own text ("- **Disk alert:** free
     * space fell to 4 % and the\n  WAL archive was moved") */
    int in_item = 0, item_blank = 0, first_item_open = 0;
    int item_intro = -1; /* items taken under a first item that introduces them */
    int last = e->end_line;
    /* its own text: not that of the entries inside it ("## Day 2" over
     * "### 21:00 — Level editor landed") */
    if (e->index + 1 < d->nentries && d->entries[e->index + 1]->line <= last &&
        d->entries[e->index + 1]->line > e->line) {
        last = d->entries[e->index + 1]->line - 1;
        out->has_entries = 1;
    }
    int intro_open = 0; /* the last item a caption introduced goes on */
    int skip_list = 0;  /* the items of a roster */
    int in_comment = 0; /* inside an HTML comment */
    int item_before_para = 0;
    int caption_only = 0; /* the paragraph is one caption over the list it introduces */
    int para_lines = 0;
    size_t caption_line_len = 0; /* the paragraph is a bold caption line this long */
    for (int line = e->line + (e->kind == SLOG_ENTRY_LIST ? 0 : 1); line <= last; line++) {
        size_t len;
        const char *s = slog_text_line(t, line, &len);
        int indented = len && (s[0] == ' ' || s[0] == '\t');
        s = dp_trim(s, &len);
        if (dp_fence(s, len)) {
            in_code = !in_code;
            continue;
        }
        if (in_code)
            continue;
        /* an HTML comment over several lines ("<!--" … "start: …" … "-->") */
        if (in_comment) {
            in_comment = !memmem(s, len, "-->", 3);
            continue;
        }
        if (len >= 4 && !memcmp(dp_trim(s, &(size_t){len}), "<!--", 4) &&
            !memmem(s, len, "-->", 3)) {
            in_comment = 1;
            continue;
        }
        while (len && *s == '>') { /* a quote's text is text */
            s++;
            len--;
            s = dp_trim(s, &len);
        }
        if (!len) {
            if (para.len)
                para_done = 1;
            header_row = 1;
            item_blank = in_item;
            first_item_open = 0;
            continue;
        }
        if (*s == '#' || dp_rule_line(s, len)) {
            in_item = first_item_open = intro_open = 0;
            if (*s == '#' && !para.len && !out->first_item.len && !out->subtitle.len) {
                size_t k = 0; /* "## 2026年5月28日" over "### エクスポートAPIに認証を追加" */
                while (k < len && s[k] == '#')
                    k++;
                size_t tn = len - k;
                const char *title = dp_trim(s + k, &tn);
                if (!slog_metadata_title(title, tn) && !dp_introduces(title, tn))
                    dp_put_without_tags(&out->subtitle, title, tn); /* not "### Tasks Generated:" */
            }
            if (para.len && !out->nintroduced && para_lines == 1 &&
                dp_introduces(para.data, para.len) && dp_words_in(para.data, para.len) <= 5) {
                slog_buf_clear(&para); /* "**What changed:**" over a sub-heading */
                para_lines = caption_only = 0;
                caption_line_len = 0;
                para_done = after_para = 0;
            }
            in_metadata = *s == '#' && slog_metadata_title(s, len);
            continue; /* a sub-heading (its section's text follows), a rule */
        }
        if (in_metadata)
            continue;                   /* "### 1) Metadados": the record's fields, not its story */
        s = dp_past_block_tag(s, &len); /* "<p align=justify>Heute haben wir …" */
        if (dp_markup_only(s, len) || dp_opens_with_tag(s, len) || dp_image_only(s, len) ||
            (len == 1 && strchr("-*+", *s)))
            continue; /* "<br><span …>March 12</span>", "![chart](…)", an empty bullet */
        if (!skip_list && !in_item && dp_introduces(s, len) && dp_roster(s, len)) {
            skip_list = 1; /* "**Attendees:**" and the names under it */
            continue;
        }
        size_t roster_n;
        int roster_numbered;
        if (skip_list && dp_list_text(s, len, &roster_n, &roster_numbered))
            continue;
        skip_list = 0;
        if (*s == '|') {
            if (dp_separator_row(s, len) || header_row) {
                header_row = 0;
                continue;
            }
            if (!first_row.len)
                dp_row_text(&first_row, s, len); /* the entry's text when it has no other */
            if (dp_status_row(s, len) && out->nrows < ROWS_KEPT) {
                slog_buf_clear(&out->rows[out->nrows]);
                dp_row_text(&out->rows[out->nrows], s, len);
                out->nrows++;
            }
            continue;
        }
        size_t n;
        int numbered;
        const char *item = dp_list_text(s, len, &n, &numbered);
        if (!item && in_item && (!item_blank || indented)) {
            if (first_item_open) { /* the first item goes on */
                slog_buf_puts(&out->first_item, " ");
                slog_buf_put(&out->first_item, s, len);
            } else if (intro_open && !item_blank) { /* and so does one a caption introduced */
                slog_buf_puts(&para, " ");
                slog_buf_put(&para, s, len);
            }
            continue;
        }
        in_item = item != NULL;
        item_blank = 0;
        first_item_open = 0;
        intro_open = 0;
        if (item) {
            /* "Root causes identified:" keeps the list it introduces */
            if (after_para && out->nintroduced < INTRODUCED_KEPT) {
                if (para.len && out->nintroduced) {
                    dp_drop_full_stop(&para);
                    slog_buf_puts(&para, ";");
                }
                slog_buf_puts(&para, " ");
                if (numbered) {
                    char k[16];
                    snprintf(k, sizeof k, "%zu) ", out->nintroduced + 1);
                    slog_buf_puts(&para, k);
                }
                slog_buf_put(&para, item, n);
                out->nintroduced++;
                intro_open = 1;
            } else if (item_intro >= 0 && indented && !para.len) {
                /* "- Done:" keeps the items nested under it */
                if (item_intro < INTRODUCED_KEPT) {
                    if (item_intro)
                        dp_drop_full_stop(&out->first_item);
                    slog_buf_puts(&out->first_item, item_intro ? "; " : " ");
                    slog_buf_put(&out->first_item, item, n);
                    item_intro++;
                }
            } else if (!out->first_item.len && !para.len && !dp_metadata_item(item, n)) {
                slog_buf_put(&out->first_item, item, n);
                first_item_open = 1;
                item_before_para = 1;
                item_intro = dp_introduces(item, n) ? 0 : -1;
            } else
                item_intro = -1;
            if (para.len)
                para_done = 1;
            continue;
        }
        after_para = 0;
        const char *value;
        size_t vlen;
        if (!para.len && dp_metadata_line(s, len, &value, &vlen) &&
            !dp_goes_on(t, line + 1, last)) {
            /* before the first sentence: the entry's metadata, its status kept */
            if (dp_key_is_status(s, len) && !out->status.len)
                slog_buf_put(&out->status, value, vlen);
            else if (!keyed.len && dp_words_in(value, vlen) >= 3)
                slog_buf_put(&keyed, s, len); /* the text, when the entry has no other */
            continue;
        }
        if (para_done)
            continue;
        if (para.len)
            slog_buf_puts(&para, " ");
        slog_buf_put(&para, s, len);
        /* a bold caption without a colon introduces only the list right
         * under it ("**Key Decisions Made**" / "- Chose SQLite") */
        after_para = dp_introduces(s, len) && (!dp_bold_caption(s, len) || item_follows(t, line));
        caption_only = ++para_lines == 1 && after_para && dp_words_in(s, len) <= 3;
        if (para_lines == 1)
            caption_line_len = dp_bold_caption(s, len);
    }
    /* the first sentence (with the list it introduces), else the first
     * item's — the first item's when the entry opens with its list
     * ("1. Подключили шаблонизатор." before a later "Задачи:") */
    int use_para = para.len && !(item_before_para && caption_only && out->first_item.len);
    const char *text = use_para ? para.data : out->first_item.data;
    size_t tlen = use_para ? para.len : out->first_item.len;
    if (!tlen && first_row.len && !out->nrows) { /* a table alone: its first row */
        text = first_row.data;
        tlen = first_row.len;
    }
    if (!tlen && keyed.len) { /* "New endpoint: /getuserinfo returns the profile." alone */
        text = keyed.data;
        tlen = keyed.len;
    }
    if (text) { /* "**Description:** When ...", "[x] Set up the repo" */
        size_t caption = dp_leading_caption(text, tlen);
        if (!caption && use_para && out->nintroduced && caption_line_len && caption_line_len < tlen)
            caption = caption_line_len + 1; /* "**Key Decisions Made**" over its list */
        text += caption;
        tlen -= caption;
        if (tlen > 4 && text[0] == '[' && strchr(" xX", text[1]) && text[2] == ']' &&
            text[3] == ' ') {
            text += 4;
            tlen -= 4;
        }
        if (dp_placeholder(text, tlen)) {
            tlen = 0; /* "*To be filled*": nothing written yet */
            out->placeholder = 1;
        }
    }
    slog_buf captioned = {0};
    if (text && tlen > 4 && !use_para && item_intro > 0 && text[0] == '*' && text[1] == '*') {
        /* "- **Fixed Index Page Scroll Bug**" over its steps: "Fixed Index
         * Page Scroll Bug: Fixed glitchy overlay …" */
        const char *close = strstr(text + 2, "**");
        size_t bl = close ? (size_t)(close - text) + 2 : 0;
        if (bl && bl < tlen && text[bl] == ' ' && dp_bold_caption(text, bl) &&
            !memchr(text, ':', bl)) {
            slog_buf_put(&captioned, text + 2, bl - 4);
            slog_buf_puts(&captioned, ":");
            slog_buf_put(&captioned, text + bl, tlen - bl);
            if (!captioned.failed) {
                text = captioned.data;
                tlen = captioned.len;
            }
        }
    }
    if (text && tlen) {
        size_t cut = (use_para && out->nintroduced) || (!use_para && item_intro > 0)
                         ? tlen
                         : dp_sentence(text, tlen);
        slog_buf_put(&out->sentence, text, cut);
    }
    slog_buf_put(&out->sentence, "", 0);
    slog_buf_put(&out->status, "", 0);
    slog_buf_put(&out->subtitle, "", 0);
    out->failed = out->sentence.failed || out->status.failed || out->first_item.failed ||
                  out->subtitle.failed || keyed.failed;
    slog_buf_free(&para);
    slog_buf_free(&first_row);
    slog_buf_free(&keyed);
    slog_buf_free(&captioned);
    for (size_t i = 0; i < out->nrows; i++) {
        slog_buf_put(&out->rows[i], "", 0);
        out->failed |= out->rows[i].failed;
    }
}

void digest_prose_free(digest_prose *p)
{
    slog_buf_free(&p->sentence);
    slog_buf_free(&p->first_item);
    slog_buf_free(&p->status);
    slog_buf_free(&p->subtitle);
    for (size_t i = 0; i < sizeof p->rows / sizeof *p->rows; i++)
        slog_buf_free(&p->rows[i]);
}
