/* SPDX-License-Identifier: BSD-2-Clause */
/* What a line of an entry's text is, for the digest's prose lines
 * (digest_lines.h): a list item, a rule, a table row and whether it says
 * something went wrong, a key line and its value, markup, a caption that
 * introduces a list, a placeholder; and where a sentence ends. */
#include "digest_lines.h"
#include "words.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *dp_trim(const char *s, size_t *len)
{
    while (*len && (*s == ' ' || *s == '\t')) {
        s++;
        (*len)--;
    }
    while (*len && (s[*len - 1] == ' ' || s[*len - 1] == '\t' || s[*len - 1] == '\r'))
        (*len)--;
    return s;
}

int dp_fence(const char *s, size_t len)
{
    return len >= 3 && (!strncmp(s, "```", 3) || !strncmp(s, "~~~", 3));
}

/* A list item's text (after its bullet or number), or NULL. */
const char *dp_list_text(const char *s, size_t len, size_t *n, int *numbered)
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
    return dp_trim(s + i, n);
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
size_t dp_sentence(const char *s, size_t len)
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
void dp_drop_full_stop(slog_buf *b)
{
    if (b->len && b->data[b->len - 1] == '.' && !(b->len > 1 && b->data[b->len - 2] == '.'))
        b->len--;
}

/* A row of a table that says something went wrong. */
int dp_status_row(const char *s, size_t len)
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
        const char *cell = dp_trim(s + i + 1, &n);
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
void dp_row_text(slog_buf *b, const char *s, size_t len)
{
    int cells = 0;
    for (size_t i = 0; i < len;) {
        size_t j = i;
        while (j < len && s[j] != '|')
            j++;
        size_t n = j - i;
        const char *cell = dp_trim(s + i, &n);
        if (n) {
            if (cells++)
                slog_buf_puts(b, " · ");
            slog_buf_put(b, cell, n);
        }
        i = j + 1;
    }
}

/* "---", "***", "___", "- - -": a thematic break (or a setext underline). */
int dp_rule_line(const char *s, size_t len)
{
    size_t marks = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] != s[0] && s[i] != ' ')
            return 0;
        marks += s[i] != ' ';
    }
    return marks >= 3 && strchr("-*_=", s[0]);
}

int dp_separator_row(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!strchr("|-: \t", s[i]))
            return 0;
    return 1;
}

int dp_key_is_status(const char *s, size_t len)
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
int dp_metadata_line(const char *s, size_t len, const char **value, size_t *vlen)
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
    *value = dp_trim(s + i, &n);
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
        !dp_key_is_status(s, key_to) && first >= 'A' && first <= 'Z')
        return 0;
    if ((first >= 0x80 || ((first | 0x20) >= 'a' && (first | 0x20) <= 'z')) && letters >= 3 &&
        2 * letters > words_in &&
        slog_names_any(s + key_from, key_to - key_from, did, sizeof did / sizeof *did))
        return 0;
    return 1;
}

/* "**Description:** " at the start of a paragraph: a caption of a few
 * words, in bold, before the sentence; its length with the space after. */
size_t dp_leading_caption(const char *s, size_t len)
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
int dp_markup_only(const char *s, size_t len)
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
int dp_opens_with_tag(const char *s, size_t len)
{
    return len > 2 && s[0] == '<' &&
           (s[1] == '/' || s[1] == '!' || ((s[1] | 0x20) >= 'a' && (s[1] | 0x20) <= 'z')) &&
           memchr(s, '>', len);
}

/* The line after a key line goes on with its paragraph: "**Resolved**: All
 * queues resumed at 02:00" then "this night." is a sentence, not a field. */
int dp_goes_on(const slog_text *t, int line, int last)
{
    if (line > last)
        return 0;
    size_t len;
    const char *s = slog_text_line(t, line, &len);
    s = dp_trim(s, &len);
    const char *value;
    size_t vlen, n;
    int numbered;
    return len && *s != '#' && *s != '|' && *s != '<' && *s != '>' &&
           !(len > 1 && s[0] == '*' && s[1] == '*') && !dp_list_text(s, len, &n, &numbered) &&
           !dp_metadata_line(s, len, &value, &vlen) && !dp_rule_line(s, len) && !dp_fence(s, len);
}

/* Text that holds a place for what is not written yet: "*To be filled*",
 * "TBD", "(empty)", "…". */
int dp_placeholder(const char *s, size_t len)
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

size_t dp_words_in(const char *s, size_t len)
{
    size_t words = 0;
    for (size_t i = 0; i < len; i++)
        words += s[i] != ' ' && (i == 0 || s[i - 1] == ' ');
    return words;
}

/* "<p align=justify>Heute …": past a block tag that opens the line (not
 * "<br>" or "<span>", which open lines of markup). */
const char *dp_past_block_tag(const char *s, size_t *len)
{
    static const char *const blocks[] = {"<p>", "<p ", "<div>", "<div ", "<center>", "<li>"};
    for (size_t k = 0; k < sizeof blocks / sizeof *blocks; k++) {
        size_t w = strlen(blocks[k]);
        if (*len > w && !strncasecmp(s, blocks[k], w)) {
            const char *close = memchr(s, '>', *len);
            size_t skip = (size_t)(close - s) + 1;
            *len -= skip;
            return dp_trim(s + skip, len);
        }
    }
    return s;
}

/* "![Screenshot](img/shot.png)", "[![badge](…)](…)": an image alone. */
int dp_image_only(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && (s[i] == '[' || s[i] == ' '))
        i++;
    if (i + 1 >= len || s[i] != '!' || s[i + 1] != '[')
        return 0;
    return s[len - 1] == ')';
}

/* A caption over the people at a meeting: "**Attendees:**", "Present:". */
int dp_roster(const char *s, size_t len)
{
    static const char *const words[] = {
        "attendees",     "attendance", "participants",   "present",  "attending",
        "asistentes",    "teilnehmer", "teilnehmende",   "anwesend", "présents",
        "participantes", "presenti",   "참석자",         "出席者",   "参加者",
        "参会人员",      "出席人员",   "присутствовали", "участники"};
    return slog_names_any(s, len, words, sizeof words / sizeof *words);
}

/* "<span class=\"incident-title\">File system timeouts</span>" as its text */
void dp_put_without_tags(slog_buf *b, const char *s, size_t len)
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
int dp_introduces(const char *s, size_t len)
{
    if (dp_bold_caption(s, len))
        return 1;
    while (len && (s[len - 1] == '*' || s[len - 1] == '_'))
        len--;
    return (len && s[len - 1] == ':') || (len >= 3 && !memcmp(s + len - 3, "：", 3));
}

size_t dp_bold_caption(const char *s, size_t len)
{
    if (len < 5 || s[0] != '*' || s[1] != '*' || s[len - 1] != '*' || s[len - 2] != '*')
        return 0;
    size_t words = 1;
    for (size_t i = 2; i + 2 < len; i++) {
        if (s[i] == '*')
            return 0; /* "**a** and **b**": two runs */
        words += s[i] == ' ';
    }
    return words <= 5 ? len : 0;
}

/* An item that only records a value: "**Starting commit:** `3f1c9a0…`",
 * "Worktree commits: bcd4ef8", "PR: #42", "Branch/Commit: `main` /
 * `HEAD`" — a key and one word, or code spans, no sentence to show. */
int dp_metadata_item(const char *s, size_t len)
{
    const char *value;
    size_t vlen;
    if (!dp_metadata_line(s, len, &value, &vlen))
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
