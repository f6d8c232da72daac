/* SPDX-License-Identifier: BSD-2-Clause */
/* Entries that list items make (SPEC §1 r2): a top-level item that opens
 * with a date ("- 2026-03-09: ...", "- **Mar 9** — ...", "- [x] 2026-05-04
 * ported ..."), or with a date key ("- timestamp: ..."), in a list of two
 * such items or more. */
#include "build_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* "timestamp (UTC): 2026-03-08T13:48:55Z", "**Date:** 2024-06-18": a date
 * key (its markup and a bracketed note aside) and a colon before s[*at]:
 * the key, lower case, into key[KEY_MAX], and *at moved past the colon. */
static int keyed_date_start(const char *s, size_t len, size_t *at, char *key)
{
    size_t colon = *at, n = 0;
    while (colon < len && colon < *at + 40 && s[colon] != ':' && s[colon] != '\n')
        colon++;
    if (colon >= len || s[colon] != ':')
        return 0;
    int depth = 0;
    for (size_t k = *at; k < colon && n + 1 < KEY_MAX; k++) {
        depth += s[k] == '(';
        if (!depth && !strchr("*_`", s[k]))
            key[n++] = (char)tolower((unsigned char)s[k]);
        depth -= depth && s[k] == ')';
    }
    while (n && build_is_space(key[n - 1]))
        n--;
    key[n] = '\0';
    if (!n || !build_date_key(key, n))
        return 0;
    size_t k = colon + 1;
    while (k < len && (strchr("*_`", s[k]) || build_is_space(s[k])))
        k++;
    *at = k;
    return 1;
}

/* The item is one link and nothing else: "[9/8/2024 - Kickoff](https://…)". */
static int only_a_link(const char *s, size_t len)
{
    if (!len || s[0] != '[')
        return 0;
    const char *open = NULL;
    for (size_t k = 1; k + 1 < len && !open; k++)
        if (s[k] == ']' && s[k + 1] == '(')
            open = s + k + 1;
    const char *close = open ? memchr(open, ')', len - (size_t)(open - s)) : NULL;
    if (!close)
        return 0;
    for (const char *p = close + 1; p < s + len; p++)
        if (*p != ' ' && *p != '\t')
            return 0;
    return 1;
}

int build_list_item_date(builder *b, cmark_node *item, slog_found_date *f, size_t *text_from,
                         char *key)
{
    if (key)
        *key = '\0';
    cmark_node *para = cmark_node_first_child(item);
    if (!para || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH)
        return 0;
    const char *s;
    size_t len, i = 0;
    int line = build_first_line(b, para, &s, &len);
    /* a task-list item: a ticked one that opens with a date is work done
     * that day ("- [x] **2026-05-04** — ported the board model"); an open
     * one is a task, dated or not */
    if (len >= 3 && s[0] == '[' && (s[1] == ' ' || s[1] == 'x' || s[1] == 'X') && s[2] == ']') {
        if (s[1] == ' ' || len < 4 || !build_is_space(s[3]))
            return 0;
        i = 4;
    }
    /* "🔧 **14/03/2026** – ...", "⚙️ 2026-03-10 ...": an emoji or a symbol
     * before a date in numbers (only then is the date looked for: every
     * "✅ Verified ..." of a log passes here) */
    size_t sym = i;
    while (sym + 3 <= len &&
           ((unsigned char)s[sym] == 0xE2 || ((unsigned char)s[sym] >= 0xF0 && sym + 4 <= len))) {
        sym += (unsigned char)s[sym] >= 0xF0 ? 4 : 3;
        if (sym + 3 <= len && !memcmp(s + sym, "\xEF\xB8\x8F", 3))
            sym += 3;
        while (sym < len && build_is_space(s[sym]))
            sym++;
    }
    if (sym > i) {
        size_t k = sym;
        while (k < len && strchr("*_[(`", s[k]))
            k++;
        if (k == len || s[k] < '0' || s[k] > '9')
            return 0;
        i = sym;
    }
    for (size_t k = 0; len && s[0] == '[' && k + 3 <= len; k++)
        if (!memcmp(s + k, "](#", 3))
            return 0; /* "[2023-09-24 - ESP32 Received](#2023-09-24...)": a table of contents */
    if (only_a_link(s, len))
        return 0; /* "[9/8/2024 - Kickoff](https://…/README.md#982024---kickoff)": the same */
    /* "<a name="20250512"></a>2025-05-12": an anchor before the date */
    while (i + 2 < len && s[i] == '<' && ((s[i + 1] | 0x20) == 'a' || s[i + 1] == '/')) {
        const char *close = memchr(s + i, '>', len - i);
        if (!close)
            break;
        i = (size_t)(close - s) + 1;
    }
    while (i < len &&
           (strchr("*_[(`", s[i]) || build_is_space(s[i]))) /* "**2026-03-09**", "`...`" */
        i++;
    if (!slog_find_date(b->cfg, s, len, i, 1, f)) {
        char own[KEY_MAX];
        if (!keyed_date_start(s, len, &i, key ? key : own) ||
            !slog_find_date(b->cfg, s, len, i, 1, f))
            return 0;
    }
    if (!build_dateable(b, line, f))
        return 0;
    size_t k = f->end;
    if (k < len && ((s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'z'))
        return 0; /* "2026-03-09x": glued to a word */
    if (k + 1 < len && (s[k] == '-' || s[k] == '_') && isalnum((unsigned char)s[k + 1]))
        return 0; /* "2026-03-09-notes.md": a name */
    if (memchr(s, '`', i) && (k >= len || s[k] != '`'))
        return 0; /* "`2026-03-09`" is a date, "`2026-03-09 run.log`" a name */
    while (k < len && (strchr("*_])|:-`", s[k]) || build_is_space(s[k])))
        k++;
    while (k + 3 <= len && (!memcmp(s + k, "—", 3) || !memcmp(s + k, "–", 3))) {
        k += 3;
        while (k < len && build_is_space(s[k]))
            k++;
    }
    *text_from = k;
    return 1;
}

/* A list is a log when two of its items open with a date, or with the same
 * date key ("- timestamp: ..." twice: a record each; a metadata list's
 * "Created:" and "Reviewed:" are two keys of one record, not a log). */
slog_status build_list_enter(builder *b, cmark_node *list)
{
    int dated = 0, keyed = 0;
    slog_found_date f;
    size_t from;
    char first[KEY_MAX] = "", key[KEY_MAX];
    b->keyed_entry = NULL;
    for (cmark_node *it = cmark_node_first_child(list); it && dated < 2 && keyed < 2;
         it = cmark_node_next(it)) {
        if (!build_list_item_date(b, it, &f, &from, key))
            continue;
        if (!*key)
            dated++;
        else if (!*first || !strcmp(first, key)) {
            snprintf(first, sizeof first, "%s", key);
            keyed++;
        }
    }
    if (dated >= 2 || keyed >= 2)
        b->entry_list = list;
    return SLOG_OK;
}
