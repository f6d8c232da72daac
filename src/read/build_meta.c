/* SPDX-License-Identifier: BSD-2-Clause */
/* Metadata: YAML front matter (read as `key: value` lines, not as Markdown),
 * `Key: value` lines before the first level-2 heading, and the document's
 * date they give (Date metadata, else the front matter's date, created or
 * created_at, else a date in the title). */
#include "build_internal.h"

#include "dates.h"

#include <string.h>
#include <strings.h>

static int fence_line(const char *s, size_t len, const char *mark)
{
    while (len && build_is_space(s[len - 1]))
        len--;
    return len == 3 && memcmp(s, mark, 3) == 0;
}

static int yaml_key_line(const char *s, size_t len)
{
    size_t i = 0;
    if (!len || !(((s[0] | 0x20) >= 'a' && (s[0] | 0x20) <= 'z') || s[0] == '_'))
        return 0;
    while (i < len && s[i] != ':' && s[i] != ' ')
        i++;
    return i < len && s[i] == ':';
}

static slog_status add_meta(builder *b, const char *key, size_t klen, const char *value,
                            size_t vlen, int line)
{
    slog_meta *m = vec_push(&b->meta);
    if (!m)
        return build_nomem(b);
    m->key = slog_arena_strndup(b->arena, key, klen);
    m->value = slog_arena_strndup(b->arena, value, vlen);
    m->line = line;
    return m->key && m->value ? SLOG_OK : build_nomem(b);
}

/* A date value ("2026-03-02", "March 2, 2026", "2026-03-02T10:00:00Z"). */
static int value_day(builder *b, const char *v, size_t len, long *day)
{
    slog_found_date f;
    return slog_find_date(b->cfg, v, len, 0, 1, &f) && slog_found_day(&f, day);
}

static int is_date_key(const char *k, size_t n)
{
    return (n == 4 && !strncasecmp(k, "date", 4)) || (n == 7 && !strncasecmp(k, "created", 7)) ||
           (n == 10 && !strncasecmp(k, "created_at", 10));
}

static slog_status front_matter_line(builder *b, int line)
{
    size_t len;
    const char *s = slog_text_line(b->text, line, &len);
    if (!yaml_key_line(s, len))
        return SLOG_OK; /* nested values, lists, comments */
    const char *colon = memchr(s, ':', len);
    size_t klen = (size_t)(colon - s), v = klen + 1;
    while (v < len && build_is_space(s[v]))
        v++;
    size_t end = len;
    while (end > v && build_is_space(s[end - 1]))
        end--;
    if (end - v >= 2 && (s[v] == '"' || s[v] == '\'') && s[end - 1] == s[v]) {
        v++;
        end--;
    }
    if (end == v)
        return SLOG_OK;
    long day;
    if (is_date_key(s, klen) && !b->has_front_matter_date && value_day(b, s + v, end - v, &day)) {
        b->has_front_matter_date = 1;
        b->front_matter_day = day;
    }
    return add_meta(b, s, klen, s + v, end - v, line);
}

slog_status build_front_matter(builder *b, int *lines)
{
    *lines = 0;
    const slog_text *t = b->text;
    size_t len;
    if (t->nlines < 3)
        return SLOG_OK;
    const char *first = slog_text_line(t, 1, &len);
    if (!fence_line(first, len, "---"))
        return SLOG_OK;
    int close = 0, first_key = 0;
    for (int line = 2; (size_t)line <= t->nlines && !close; line++) {
        const char *s = slog_text_line(t, line, &len);
        if (fence_line(s, len, "---") || fence_line(s, len, "..."))
            close = line;
        else if (!first_key && len)
            first_key = yaml_key_line(s, len) ? 1 : -1;
    }
    if (!close || first_key != 1)
        return SLOG_OK; /* a thematic break, not front matter */
    for (int line = 2; line < close; line++) {
        slog_status st = front_matter_line(b, line);
        if (st != SLOG_OK)
            return st;
    }
    *lines = close;
    return SLOG_OK;
}

slog_status build_metadata(builder *b, cmark_node *para)
{
    slog_config *c = b->cfg;
    int last = build_end_line(b, cmark_node_get_end_line(para));
    for (int line = build_line(b, cmark_node_get_start_line(para)); line <= last; line++) {
        size_t len, ks, ke, vs, ve;
        const char *s = slog_text_line(b->text, line, &len);
        if (!slog_regex_match(&c->meta_re, s, len, 0) ||
            !slog_regex_group(&c->meta_re, 1, &ks, &ke) ||
            !slog_regex_group(&c->meta_re, 2, &vs, &ve))
            continue;
        slog_status st = add_meta(b, s + ks, ke - ks, s + vs, ve - vs, line);
        if (st != SLOG_OK)
            return st;
        long day;
        if (!b->has_meta_date && ke - ks == 4 && !strncasecmp(s + ks, "date", 4) &&
            value_day(b, s + vs, ve - vs, &day)) {
            b->has_meta_date = 1;
            b->doc->day = day;
        }
    }
    return SLOG_OK;
}

void build_document_date(builder *b, const char *title, size_t title_len)
{
    slog_doc *d = b->doc;
    slog_found_date f;
    long day = 0;
    if (b->has_meta_date)
        day = d->day;
    else if (b->has_front_matter_date)
        day = b->front_matter_day;
    else if (title && slog_find_date(b->cfg, title, title_len, 0, 0, &f) &&
             slog_found_day(&f, &day))
        ;
    else if (b->has_stamp_date) {
        day = b->stamp_day;
        d->date_stamped = 1;
    } else
        return;
    char buf[11];
    slog_date_format(day, buf);
    d->date = slog_arena_strndup(b->arena, buf, 10);
    d->day = day;
}
