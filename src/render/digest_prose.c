/* SPDX-License-Identifier: BSD-2-Clause */
/* What an entry written in prose says, for the digest (SPEC §5 r3): its
 * first sentence, the list a line ending in ':' introduces, and the rows of
 * its tables that carry a status word. Read from the entry's section of the
 * decoded text, line by line: headings, code blocks, quotes' markers and
 * table separators are stepped over. */
#include "digest_internal.h"
#include "words.h"

#include "doc_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { ROWS_KEPT = 5, INTRODUCED_KEPT = 3 };

static const char *trim(const char *s, size_t *len)
{
    while (*len && (*s == ' ' || *s == '\t')) {
        s++;
        (*len)--;
    }
    while (*len && (s[*len - 1] == ' ' || s[*len - 1] == '\t' || s[*len - 1] == '\r'))
        (*len)--;
    return s;
}

static int fence(const char *s, size_t len)
{
    return len >= 3 && (!strncmp(s, "```", 3) || !strncmp(s, "~~~", 3));
}

/* A list item's text (after its bullet or number), or NULL. */
static const char *list_text(const char *s, size_t len, size_t *n, int *numbered)
{
    size_t i = 0;
    *numbered = 0;
    if (len >= 2 && strchr("-*+", s[0]) && (s[1] == ' ' || s[1] == '\t'))
        i = 2;
    else {
        while (i < len && s[i] >= '0' && s[i] <= '9')
            i++;
        if (!i || i + 1 >= len || (s[i] != '.' && s[i] != ')') || s[i + 1] != ' ')
            return NULL;
        i += 2;
        *numbered = 1;
    }
    *n = len - i;
    return trim(s + i, n);
}

/* A full stop that ends an abbreviation, not a sentence: "vs.", "e.g.",
 * "Ph.D.", "Dr." — a short word before it, or a letter and a dot. */
static int abbreviation(const char *s, size_t dot)
{
    static const char *const words[] = {
        "vs",  "etc",  "approx", "incl", "dr",   "mr",  "mrs", "ms",  "no",   "fig",
        "cf",  "ca",   "ex",     "resp", "min",  "max", "mon", "tue", "tues", "wed",
        "thu", "thur", "thurs",  "fri",  "sat",  "sun", "jan", "feb", "mar",  "apr",
        "jun", "jul",  "aug",    "sep",  "sept", "oct", "nov", "dec"};
    size_t b = dot;
    while (b > 0 && ((s[b - 1] | 0x20) >= 'a' && (s[b - 1] | 0x20) <= 'z'))
        b--;
    if (b > 0 && s[b - 1] == '.' && dot - b <= 2)
        return 1; /* "e.g.", "i.e.", "Ph.D." */
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (strlen(words[k]) == dot - b && !strncasecmp(s + b, words[k], dot - b))
            return 1;
    return 0;
}

/* The first sentence of s[0, len): up to ". ", "! ", "? ", "。" or the end
 * — not inside brackets or a link ("(curated vs. random)", "[Ph.D.
 * thesis](…)"), nor after an abbreviation. */
static size_t sentence(const char *s, size_t len)
{
    int depth = 0;
    for (size_t i = 0; i < len; i++) {
        depth += (s[i] == '(' || s[i] == '[') - (depth > 0 && (s[i] == ')' || s[i] == ']'));
        if (depth == 0 && i + 1 < len && strchr(".!?", s[i]) && s[i + 1] == ' ' && i > 0 &&
            !(s[i - 1] >= '0' && s[i - 1] <= '9') && !(s[i] == '.' && abbreviation(s, i)))
            return i + 1;
        if (i + 3 <= len &&
            (!memcmp(s + i, "。", 3) || !memcmp(s + i, "！", 3) || !memcmp(s + i, "？", 3)))
            return i + 3;
    }
    return len;
}

/* "cold caches." before "; 2) …": the list's separator stands for the
 * full stop ("cold caches; 2) …", not "cold caches.; 2) …"). */
static void drop_full_stop(slog_buf *b)
{
    if (b->len && b->data[b->len - 1] == '.' && !(b->len > 1 && b->data[b->len - 2] == '.'))
        b->len--;
}

/* A row of a table that says something went wrong. */
static int status_row(const char *s, size_t len)
{
    static const char *const words[] = {"fail",    "failed",  "failing", "failure", "error",
                                        "errors",  "blocked", "broken",  "down",    "critical",
                                        "timeout", "crashed", "warn",    "warning"};
    static const char *const signs[] = {"❌", "🔴", "✗", "⛔", "🛑"};
    for (size_t k = 0; k < sizeof signs / sizeof *signs; k++)
        for (size_t i = 0; i + strlen(signs[k]) <= len; i++)
            if (!memcmp(s + i, signs[k], strlen(signs[k])))
                return 1;
    if (!slog_names_any(s, len, words, sizeof words / sizeof *words))
        return 0;
    /* "| Phase 4A: Error Fixes | ✅ 100% |": a success; "| Errors | 0 | 0 |":
     * none */
    for (size_t k = 0; k + 3 < len; k++)
        if (!memcmp(s + k, "✅", strlen("✅")) || !memcmp(s + k, "100%", 4))
            return 0;
    size_t i = 0, cells = 0, zeros = 0;
    while (i < len && s[i] == '|')
        i++;
    while (i < len && s[i] != '|') /* the first cell names the row */
        i++;
    for (; i < len; i++) {
        size_t j = i + 1;
        while (j < len && s[j] != '|')
            j++;
        size_t n = j - i - 1;
        const char *cell = trim(s + i + 1, &n);
        if (n) {
            cells++;
            zeros += n == 1 && cell[0] == '0';
        }
        i = j - 1;
    }
    return !(cells && zeros && zeros * 2 >= cells);
}

/* "| agent-flow-studio | 90 | pytest failing |" as "agent-flow-studio · 90 ·
 * pytest failing". */
static void row_text(slog_buf *b, const char *s, size_t len)
{
    int cells = 0;
    for (size_t i = 0; i < len;) {
        size_t j = i;
        while (j < len && s[j] != '|')
            j++;
        size_t n = j - i;
        const char *cell = trim(s + i, &n);
        if (n) {
            if (cells++)
                slog_buf_puts(b, " · ");
            slog_buf_put(b, cell, n);
        }
        i = j + 1;
    }
}

/* "---", "***", "___", "- - -": a thematic break (or a setext underline). */
static int rule_line(const char *s, size_t len)
{
    size_t marks = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] != s[0] && s[i] != ' ')
            return 0;
        marks += s[i] != ' ';
    }
    return marks >= 3 && strchr("-*_=", s[0]);
}

static int separator_row(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!strchr("|-: \t", s[i]))
            return 0;
    return 1;
}

static int key_is_status(const char *s, size_t len)
{
    static const char *const keys[] = {"status", "state", "estado", "statut", "stato"};
    size_t i = 0;
    while (i < len && (s[i] == '*' || s[i] == ' '))
        i++;
    for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
        size_t n = strlen(keys[k]);
        if (i + n <= len && !strncasecmp(s + i, keys[k], n) &&
            (i + n == len || s[i + n] == ':' || s[i + n] == '*'))
            return 1;
    }
    return 0;
}

/* A metadata line — "**Reported**: 2026-02-14 20:50 EST", "**Severity**:
 * Low", "Owner: platform" — a short key (three words at most, bold or
 * not), a colon and a short value: what the entry is about, not what it
 * says. Its value in *value. */
static int metadata_line(const char *s, size_t len, const char **value, size_t *vlen)
{
    size_t i = 0, words = 0;
    int bold = len > 2 && s[0] == '*' && s[1] == '*', in_word = 0;
    if (bold)
        i = 2;
    size_t key_from = i;
    for (; i < len && s[i] != ':' && i - key_from < 40; i++) {
        int w = s[i] != ' ' && s[i] != '*';
        words += w && !in_word;
        in_word = w;
        if (s[i] == '.' || s[i] == ',')
            return 0;
    }
    if (i >= len || s[i] != ':' || !words || words > 3)
        return 0;
    /* "**Summary:** Migrated authentication to bcrypt.": the sentence itself */
    static const char *const says[] = {
        "summary", "tl;dr",  "tldr",      "overview", "description", "zusammenfassung",
        "resumen", "résumé", "riepilogo", "resumo",   "概要",        "要約",
        "摘要",    "总结",   "요약",      "итог",     "итоги",       "резюме"};
    if (slog_names_any(s + key_from, i - key_from, says, sizeof says / sizeof *says))
        return 0;
    size_t key_to = i;
    i++;
    while (i < len && (s[i] == '*' || s[i] == ' '))
        i++;
    size_t n = len - i;
    *value = trim(s + i, &n);
    *vlen = n;
    if (!n || n > (bold ? 80 : 40))
        return 0;
    /* "**Progress**: Wired the sensor board to the bench supply.": what
     * the day did, under a key that says so, is what the entry says */
    static const char *const did[] = {"progress",     "today's progress",
                                      "work done",    "done today",
                                      "what i did",   "did",
                                      "accomplished", "achievements",
                                      "learned",      "today i learned",
                                      "til",          "fortschritt",
                                      "erledigt",     "avance",
                                      "avances",      "progrès",
                                      "progresso",    "进展",
                                      "进度",         "今日进展",
                                      "成果",         "進捗",
                                      "진행"};
    size_t words_in = 0, letters = 0; /* words, and those that open with a letter */
    for (size_t k = 0; k < n; k++)
        if ((k == 0 || (*value)[k - 1] == ' ') && (*value)[k] != ' ') {
            unsigned char c = (unsigned char)(*value)[k];
            words_in++;
            letters += c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
        }
    /* a sentence, not a figure ("0% → 60% (12/20 core tasks)") */
    unsigned char first = (unsigned char)(*value)[0];
    /* "**Notice**: The scheduler is down for maintenance.": a sentence of
     * five words or more, ended, says what the entry says (not a status) */
    char end = (*value)[n - 1];
    if ((end == '.' || end == '!') && words_in >= 5 && 2 * letters > words_in &&
        !key_is_status(s, key_to) && first >= 'A' && first <= 'Z')
        return 0;
    if ((first >= 0x80 || ((first | 0x20) >= 'a' && (first | 0x20) <= 'z')) && letters >= 3 &&
        2 * letters > words_in &&
        slog_names_any(s + key_from, key_to - key_from, did, sizeof did / sizeof *did))
        return 0;
    return 1;
}

/* "**Description:** " at the start of a paragraph: a caption of a few
 * words, in bold, before the sentence; its length with the space after. */
static size_t leading_caption(const char *s, size_t len)
{
    if (len < 5 || s[0] != '*' || s[1] != '*')
        return 0;
    size_t i = 2, words = 0;
    int in_word = 0;
    for (; i + 1 < len && !(s[i] == '*' && s[i + 1] == '*') && i < 42; i++) {
        int w = s[i] != ' ';
        words += w && !in_word;
        in_word = w;
    }
    if (i + 1 >= len || s[i] != '*' || words > 3)
        return 0;
    int colon = s[i - 1] == ':';
    i += 2;
    if (!colon && i < len && s[i] == ':') {
        colon = 1;
        i++;
    }
    while (i < len && s[i] == ' ')
        i++;
    return colon && i < len ? i : 0;
}

/* A line of markup only: "<br>", "<!-- DAILY_CHECKIN -->", "</details>". */
static int markup_only(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && s[i] == '<') {
        const char *close = memchr(s + i, '>', len - i);
        if (!close)
            return 0;
        i = (size_t)(close - s) + 1;
        while (i < len && s[i] == ' ')
            i++;
    }
    return i == len && len;
}

/* "<br><span class=…>…</span>": a line that opens with an HTML tag */
static int opens_with_tag(const char *s, size_t len)
{
    return len > 2 && s[0] == '<' &&
           (s[1] == '/' || s[1] == '!' || ((s[1] | 0x20) >= 'a' && (s[1] | 0x20) <= 'z')) &&
           memchr(s, '>', len);
}

/* The line after a key line goes on with its paragraph: "**Resolved**: All
 * queues resumed at 02:00" then "this night." is a sentence, not a field. */
static int goes_on(const slog_text *t, int line, int last)
{
    if (line > last)
        return 0;
    size_t len;
    const char *s = slog_text_line(t, line, &len);
    s = trim(s, &len);
    const char *value;
    size_t vlen, n;
    int numbered;
    return len && *s != '#' && *s != '|' && *s != '<' && *s != '>' &&
           !(len > 1 && s[0] == '*' && s[1] == '*') && !list_text(s, len, &n, &numbered) &&
           !metadata_line(s, len, &value, &vlen) && !rule_line(s, len) && !fence(s, len);
}

/* Text that holds a place for what is not written yet: "*To be filled*",
 * "TBD", "(empty)", "…". */
static int placeholder(const char *s, size_t len)
{
    static const char *const words[] = {"to be filled",
                                        "to be filled in",
                                        "tbd",
                                        "tba",
                                        "todo",
                                        "to do",
                                        "n/a",
                                        "empty",
                                        "coming soon",
                                        "wip",
                                        "pending",
                                        "...",
                                        "…",
                                        "-",
                                        "—",
                                        "por completar",
                                        "à compléter",
                                        "a completar",
                                        "da compilare",
                                        "待补充",
                                        "未記入"};
    while (len && strchr("*_()[] .", *s)) {
        if (*s == '.' && len >= 3 && !memcmp(s, "...", 3))
            break;
        s++;
        len--;
    }
    while (len && strchr("*_()[] ", s[len - 1]))
        len--;
    for (size_t k = 0; len && k < sizeof words / sizeof *words; k++)
        if (strlen(words[k]) == len && !strncasecmp(s, words[k], len))
            return 1;
    return 0;
}

static size_t words_in(const char *s, size_t len)
{
    size_t words = 0;
    for (size_t i = 0; i < len; i++)
        words += s[i] != ' ' && (i == 0 || s[i - 1] == ' ');
    return words;
}

/* "<p align=justify>Heute …": past a block tag that opens the line (not
 * "<br>" or "<span>", which open lines of markup). */
static const char *past_block_tag(const char *s, size_t *len)
{
    static const char *const blocks[] = {"<p>", "<p ", "<div>", "<div ", "<center>", "<li>"};
    for (size_t k = 0; k < sizeof blocks / sizeof *blocks; k++) {
        size_t w = strlen(blocks[k]);
        if (*len > w && !strncasecmp(s, blocks[k], w)) {
            const char *close = memchr(s, '>', *len);
            size_t skip = (size_t)(close - s) + 1;
            *len -= skip;
            return trim(s + skip, len);
        }
    }
    return s;
}

/* "![Screenshot](img/shot.png)", "[![badge](…)](…)": an image alone. */
static int image_only(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && (s[i] == '[' || s[i] == ' '))
        i++;
    if (i + 1 >= len || s[i] != '!' || s[i + 1] != '[')
        return 0;
    return s[len - 1] == ')';
}

/* A caption over the people at a meeting: "**Attendees:**", "Present:". */
static int roster(const char *s, size_t len)
{
    static const char *const words[] = {
        "attendees",     "attendance", "participants",   "present",  "attending",
        "asistentes",    "teilnehmer", "teilnehmende",   "anwesend", "présents",
        "participantes", "presenti",   "참석자",         "出席者",   "参加者",
        "参会人员",      "出席人员",   "присутствовали", "участники"};
    return slog_names_any(s, len, words, sizeof words / sizeof *words);
}

static int memmem_str(const char *s, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++)
        if (!memcmp(s + i, needle, n))
            return 1;
    return 0;
}

/* "<span class=\"incident-title\">File system timeouts</span>" as its text */
static void put_without_tags(slog_buf *b, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '<' && i + 1 < len &&
            (((s[i + 1] | 0x20) >= 'a' && (s[i + 1] | 0x20) <= 'z') || s[i + 1] == '/')) {
            const char *close = memchr(s + i, '>', len - i);
            if (close) {
                i = (size_t)(close - s);
                continue;
            }
        }
        slog_buf_put(b, s + i, 1);
    }
}

/* A line that introduces what follows: it ends in a colon, its emphasis
 * aside ("Root causes identified:", "**Коммиты:**", "完了したこと："). */
static int introduces(const char *s, size_t len)
{
    while (len && (s[len - 1] == '*' || s[len - 1] == '_'))
        len--;
    return (len && s[len - 1] == ':') || (len >= 3 && !memcmp(s + len - 3, "：", 3));
}

/* An item that only records a value: "**Starting commit:** `3f1c9a0…`",
 * "Worktree commits: bcd4ef8", "PR: #42", "Branch/Commit: `main` /
 * `HEAD`" — a key and one word, or code spans, no sentence to show. */
static int metadata_item(const char *s, size_t len)
{
    const char *value;
    size_t vlen;
    if (!metadata_line(s, len, &value, &vlen))
        return 0;
    size_t spaces = 0, words = 0; /* outside code spans */
    int in_code = 0;
    for (size_t i = 0; i < vlen; i++) {
        unsigned char c = (unsigned char)value[i];
        in_code ^= c == '`';
        spaces += c == ' ' && !in_code;
        words += !in_code && c != '`' &&
                 (c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'));
    }
    /* one word, or code spans and what joins them ("`main` / `HEAD`") */
    return spaces == 0 || words == 0;
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
    for (int line = e->line + (e->kind == SLOG_ENTRY_LIST ? 0 : 1); line <= last; line++) {
        size_t len;
        const char *s = slog_text_line(t, line, &len);
        int indented = len && (s[0] == ' ' || s[0] == '\t');
        s = trim(s, &len);
        if (fence(s, len)) {
            in_code = !in_code;
            continue;
        }
        if (in_code)
            continue;
        /* an HTML comment over several lines ("<!--" … "start: …" … "-->") */
        if (in_comment) {
            in_comment = !memmem_str(s, len, "-->");
            continue;
        }
        if (len >= 4 && !memcmp(trim(s, &(size_t){len}), "<!--", 4) && !memmem_str(s, len, "-->")) {
            in_comment = 1;
            continue;
        }
        while (len && *s == '>') { /* a quote's text is text */
            s++;
            len--;
            s = trim(s, &len);
        }
        if (!len) {
            if (para.len)
                para_done = 1;
            header_row = 1;
            item_blank = in_item;
            first_item_open = 0;
            continue;
        }
        if (*s == '#' || rule_line(s, len)) {
            in_item = first_item_open = intro_open = 0;
            if (*s == '#' && !para.len && !out->first_item.len && !out->subtitle.len) {
                size_t k = 0; /* "## 2026年5月28日" over "### エクスポートAPIに認証を追加" */
                while (k < len && s[k] == '#')
                    k++;
                size_t tn = len - k;
                const char *title = trim(s + k, &tn);
                if (!slog_metadata_title(title, tn) && !introduces(title, tn))
                    put_without_tags(&out->subtitle, title, tn); /* not "### Tasks Generated:" */
            }
            if (para.len && !out->nintroduced && para_lines == 1 &&
                introduces(para.data, para.len) && words_in(para.data, para.len) <= 5) {
                slog_buf_clear(&para); /* "**What changed:**" over a sub-heading */
                para_lines = caption_only = 0;
                para_done = after_para = 0;
            }
            in_metadata = *s == '#' && slog_metadata_title(s, len);
            continue; /* a sub-heading (its section's text follows), a rule */
        }
        if (in_metadata)
            continue;                /* "### 1) Metadados": the record's fields, not its story */
        s = past_block_tag(s, &len); /* "<p align=justify>Heute haben wir …" */
        if (markup_only(s, len) || opens_with_tag(s, len) || image_only(s, len) ||
            (len == 1 && strchr("-*+", *s)))
            continue; /* "<br><span …>March 12</span>", "![chart](…)", an empty bullet */
        if (!skip_list && !in_item && introduces(s, len) && roster(s, len)) {
            skip_list = 1; /* "**Attendees:**" and the names under it */
            continue;
        }
        size_t roster_n;
        int roster_numbered;
        if (skip_list && list_text(s, len, &roster_n, &roster_numbered))
            continue;
        skip_list = 0;
        if (*s == '|') {
            if (separator_row(s, len) || header_row) {
                header_row = 0;
                continue;
            }
            if (!first_row.len)
                row_text(&first_row, s, len); /* the entry's text when it has no other */
            if (status_row(s, len) && out->nrows < ROWS_KEPT) {
                slog_buf_clear(&out->rows[out->nrows]);
                row_text(&out->rows[out->nrows], s, len);
                out->nrows++;
            }
            continue;
        }
        size_t n;
        int numbered;
        const char *item = list_text(s, len, &n, &numbered);
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
                    drop_full_stop(&para);
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
                        drop_full_stop(&out->first_item);
                    slog_buf_puts(&out->first_item, item_intro ? "; " : " ");
                    slog_buf_put(&out->first_item, item, n);
                    item_intro++;
                }
            } else if (!out->first_item.len && !para.len && !metadata_item(item, n)) {
                slog_buf_put(&out->first_item, item, n);
                first_item_open = 1;
                item_before_para = 1;
                item_intro = introduces(item, n) ? 0 : -1;
            } else
                item_intro = -1;
            if (para.len)
                para_done = 1;
            continue;
        }
        after_para = 0;
        const char *value;
        size_t vlen;
        if (!para.len && metadata_line(s, len, &value, &vlen) && !goes_on(t, line + 1, last)) {
            /* before the first sentence: the entry's metadata, its status kept */
            if (key_is_status(s, len) && !out->status.len)
                slog_buf_put(&out->status, value, vlen);
            else if (!keyed.len && words_in(value, vlen) >= 3)
                slog_buf_put(&keyed, s, len); /* the text, when the entry has no other */
            continue;
        }
        if (para_done)
            continue;
        if (para.len)
            slog_buf_puts(&para, " ");
        slog_buf_put(&para, s, len);
        after_para = introduces(s, len);
        caption_only = ++para_lines == 1 && after_para && words_in(s, len) <= 3;
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
        size_t caption = leading_caption(text, tlen);
        text += caption;
        tlen -= caption;
        if (tlen > 4 && text[0] == '[' && strchr(" xX", text[1]) && text[2] == ']' &&
            text[3] == ' ') {
            text += 4;
            tlen -= 4;
        }
        if (placeholder(text, tlen)) {
            tlen = 0; /* "*To be filled*": nothing written yet */
            out->placeholder = 1;
        }
    }
    if (text && tlen) {
        size_t cut = (use_para && out->nintroduced) || (!use_para && item_intro > 0)
                         ? tlen
                         : sentence(text, tlen);
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
