/* SPDX-License-Identifier: BSD-2-Clause */
/* An entry's label (SPEC §1): the heading or bold key without its date,
 * weekday, time and zone, and without the debris they leave — brackets,
 * separators, dangling words, a key that only announced the date, the
 * part of the day. */
#include "build_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int is_separator(const char *s, size_t len, size_t *width)
{
    static const char *const seps[] = {"—", "–", "-", ":", "|",  ",",  "·",  "@",  "•",
                                       "~", "/", "»", "→", "：", "｜", "、", "・", "="};
    for (size_t i = 0; i < sizeof seps / sizeof *seps; i++) {
        if (!len || s[0] != seps[i][0])
            continue;
        size_t n = strlen(seps[i]);
        if (n <= len && memcmp(s, seps[i], n) == 0) {
            *width = n;
            return 1;
        }
    }
    if (len && build_is_space(*s)) {
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

/* Calendar and clock emoji stand for the date: "📅 Session 4: 9 March 2026"
 * is labelled "Session 4". Returns the bytes of one at s, or 0. */
size_t build_date_symbol(const char *s, size_t len)
{
    static const char *const symbols[] = {"📅", "📆", "🗓️", "🗓", "⏰", "🕐", "🕑", "🕒", "🕓",
                                          "🕔", "🕕", "🕖",       "🕗",    "🕘", "🕙", "🕚", "🕛"};
    for (size_t i = 0; i < sizeof symbols / sizeof *symbols; i++) {
        size_t n = strlen(symbols[i]);
        if (n <= len && memcmp(s, symbols[i], n) == 0)
            return n;
    }
    return 0;
}

static void strip_date_symbols(char *label)
{
    size_t len = strlen(label), from = 0, w;
    while (from < len &&
           ((w = build_date_symbol(label + from, len - from)) || build_is_space(label[from])))
        from += w ? w : 1;
    memmove(label, label + from, len - from + 1);
}

/* The width of a pair of brackets that closes around h[l, r): "(...)",
 * "[...]", or full-width "（...）", "【...】", "「...」"; 0 for none. */
static size_t bracket_width(const char *h, size_t len, size_t l, size_t r)
{
    static const char *const pairs[][2] = {{"(", ")"},   {"[", "]"},   {"（", "）"},
                                           {"【", "】"}, {"「", "」"}, {"〔", "〕"}};
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
        size_t w = strlen(pairs[i][0]);
        if (l >= w && r + w <= len && memcmp(h + l - w, pairs[i][0], w) == 0 &&
            memcmp(h + r, pairs[i][1], w) == 0)
            return w;
    }
    return 0;
}

/* Where a span struck out just before `at` starts ("~~Mar 5~~ Mar 6"), or at. */
static size_t before_struck_out(const char *h, size_t at)
{
    size_t k = at;
    while (k && build_is_space(h[k - 1]))
        k--;
    if (k < 4 || h[k - 1] != '~' || h[k - 2] != '~')
        return at;
    for (size_t j = k - 2; j >= 2; j--)
        if (h[j - 1] == '~' && h[j - 2] == '~')
            return j - 2;
    return at;
}

/* How many times `mark` occurs in s[0, len). */
static size_t count_of(const char *s, size_t len, const char *mark)
{
    size_t n = 0, k = strlen(mark);
    for (size_t i = 0; i + k <= len; i++)
        if (memcmp(s + i, mark, k) == 0)
            n++, i += k - 1;
    return n;
}

/* Trailing separators of s[0, len) trimmed, but not the "»" that closes a
 * quotation the label opened: "for «Create shipment»". */
static size_t trim_right_label(const char *s, size_t len)
{
    size_t n = trim_right_seps(s, len);
    if (n + 2 <= len && !memcmp(s + n, "»", 2) && count_of(s, n, "«") > count_of(s, n, "»"))
        n += 2;
    return n;
}

/* The words that only introduce a date, left dangling when it goes:
 * "Sessione del 2026-06-10" is "Sessione", "Séance du …" "Séance". */
static size_t drop_dangling_word(const char *s, size_t len)
{
    static const char *const words[] = {"del", "de", "di", "du", "dal", "vom", "am", "le", "от",
                                        "за", "dia", "día", "jour", "ngày", "tanggal", "do", "da",
                                        /* "Project status as of 2026-03-10" */
                                        "as of"};
    size_t end = len;
    while (end && build_is_space(s[end - 1]))
        end--;
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        size_t k = strlen(words[i]);
        if (end > k && build_is_space(s[end - k - 1]) &&
            strncasecmp(s + end - k, words[i], k) == 0) {
            end -= k;
            while (end && build_is_space(s[end - 1]))
                end--;
            return end;
        }
    }
    return len;
}

void build_drop_unpaired(char *text)
{
    static const char *const marks[] = {"**", "__", "~~"};
    for (size_t m = 0; m < sizeof marks / sizeof *marks; m++) {
        size_t n = 0;
        for (const char *p = text; (p = strstr(p, marks[m])) != NULL; p += 2)
            n++;
        if (n % 2 == 0)
            continue;
        /* the one left over: the last when the text opens with the mark
         * ("**plan", "~~plan (…)~~" less its start), else the first */
        char *at = strstr(text, marks[m]);
        if (at == text)
            for (char *p = at; (p = strstr(p + 2, marks[m])) != NULL;)
                at = p;
        /* a mark standing alone between spaces is written as text ("in
         * đậm ** và") */
        int alone = (at == text || at[-1] == ' ') && (!at[2] || at[2] == ' ');
        if (alone)
            continue;
        memmove(at, at + 2, strlen(at + 2) + 1);
        size_t len = strlen(text);
        while (len && build_is_space(text[len - 1]))
            text[--len] = '\0';
    }
}

/* Separators left at either end of a label: " | M1.1", "Review —". */
static void trim_separators(char *label)
{
    size_t a = 0, n = strlen(label);
    for (;;) {
        if (a < n && strchr(" \t|:-·", label[a]))
            a++;
        else if (a + 3 <= n && (!memcmp(label + a, "—", 3) || !memcmp(label + a, "–", 3)))
            a += 3;
        else
            break;
    }
    for (;;) {
        if (n > a && strchr(" \t|:-", label[n - 1]))
            n--;
        else if (n >= a + 3 && (!memcmp(label + n - 3, "—", 3) || !memcmp(label + n - 3, "–", 3)))
            n -= 3;
        else
            break;
    }
    memmove(label, label + a, n - a);
    label[n - a] = '\0';
}

/* A bracket left with only the word that led to its date: "(as of)",
 * "（截至 ）", "(Stand)", "(bis)", or the clock the time was read on,
 * "(local)". Returns whether one was dropped. */
static int drop_dangling_brackets(char *label)
{
    int dropped = 0;
    static const char *const words[] = {
        "as of", "as at", "since", "until", "till", "by", "from", "截至", "截止", "自", "stand",
        "bis", "seit", "ab", "desde", "hasta", "depuis",
        /* the clock the time was read on: "18:34 (local)" */
        "local", "local time", "本地", "本地时间", "ローカル", "現地時間", "현지"};
    static const char *const pairs[][2] = {{"(", ")"}, {"\xEF\xBC\x88", "\xEF\xBC\x89"}};
    for (size_t p = 0; p < 2; p++) {
        char *open = strstr(label, pairs[p][0]);
        if (!open)
            continue;
        char *in = open + strlen(pairs[p][0]), *close = strstr(in, pairs[p][1]);
        if (!close)
            continue;
        const char *a = in, *z = close;
        while (a < z && build_is_space(*a))
            a++;
        while (z > a && build_is_space(z[-1]))
            z--;
        for (size_t k = 0; k < sizeof words / sizeof *words; k++)
            if ((size_t)(z - a) == strlen(words[k]) && !strncasecmp(a, words[k], (size_t)(z - a))) {
                char *after = close + strlen(pairs[p][1]);
                while (open > label && build_is_space(open[-1]))
                    open--;
                memmove(open, after, strlen(after) + 1);
                dropped = 1;
                break;
            }
    }
    return dropped;
}

/* What the date left in its brackets: "(完成 )" is "(完成)", "执行情况 (" is
 * "执行情况", "( Ek)" is "(Ek)". */
static void tidy_brackets(char *label)
{
    size_t o = 0;
    for (size_t i = 0; label[i]; i++) {
        if (label[i] == ' ' && label[i + 1] == ')')
            continue; /* " )" */
        if (label[i] == ' ' && o && label[o - 1] == '(')
            continue; /* "( " */
        label[o++] = label[i];
    }
    while (o && (label[o - 1] == '(' || label[o - 1] == '[' || label[o - 1] == ' '))
        o--;
    label[o] = '\0';
}

/* "(Kurulum)": a label that is one bracketed phrase loses its brackets
 * (the date it was beside has gone). */
static void unwrap_brackets(char *label)
{
    size_t len = strlen(label);
    if (len < 3 || label[0] != '(' || label[len - 1] != ')')
        return;
    for (size_t i = 1; i + 1 < len; i++)
        if (label[i] == '(' || label[i] == ')')
            return;
    memmove(label, label + 1, len - 2);
    label[len - 2] = '\0';
}

/* Symbols — arrows, dingbats, emoji (U+2000 to U+2BFF, U+1F000 to
 * U+1FAFF, their joiners and selectors) — and nothing but spaces and
 * punctuation beside them ("✏", "📓 —"; a label of punctuation alone, such
 * as "<!--", is what its writer asked for). */
static int symbols_only(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    int symbols = 0;
    while (*p) {
        unsigned cp = *p, n = 1;
        if (cp >= 0xF0 && p[1] && p[2] && p[3]) {
            cp = (cp & 7u) << 18 | (p[1] & 63u) << 12 | (p[2] & 63u) << 6 | (p[3] & 63u);
            n = 4;
        } else if (cp >= 0xE0 && p[1] && p[2]) {
            cp = (cp & 15u) << 12 | (p[1] & 63u) << 6 | (p[2] & 63u);
            n = 3;
        } else if (cp >= 0x80)
            return 0; /* a letter of a two-byte script */
        int symbol = cp < 0x80
                         ? !isalnum((int)cp)
                         : (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x1F000 && cp <= 0x1FAFF) ||
                               cp == 0xFE0F || cp == 0xFE0E || cp == 0x200D;
        if (!symbol)
            return 0;
        symbols += cp >= 0x80;
        p += n;
    }
    return symbols > 0;
}

/* The part of the day after a date, rough or in brackets, with the
 * separators after it: "~afternoon - ", "(late) - ", "evening: ". */
static size_t part_of_day(const char *s, size_t len)
{
    static const char *const parts[] = {"morning", "afternoon", "evening", "night",   "late",
                                        "early",   "noon",      "midday",  "midnight"};
    size_t i = 0, close = 0;
    if (len > 1 && s[0] == 'T' && s[1] == '~')
        i++; /* "2026-02-28T~evening" */
    if (i < len && s[i] == '~')
        i++;
    if (i < len && s[i] == '(')
        close = ++i;
    for (size_t k = 0; k < sizeof parts / sizeof *parts; k++) {
        size_t n = strlen(parts[k]);
        if (i + n <= len && !strncasecmp(s + i, parts[k], n) &&
            (i + n == len || !isalpha((unsigned char)s[i + n]))) {
            size_t e = i + n;
            if (close && (e >= len || s[e] != ')'))
                return 0;
            e += close ? 1 : 0;
            size_t after = e;
            while (after < len && build_is_space(s[after]))
                after++;
            /* "night shift" is a label: a separator or the end must follow */
            if (after < len && !strchr(",:-|", s[after]) && (unsigned char)s[after] != 0xE2)
                return 0;
            return e + trim_left_seps(s + e, len - e);
        }
    }
    return 0;
}

/* Only the key that says a date follows: "Date:", "Datum:", "Fecha:".
 * Narrower than build_bold.c's date keys on purpose: "Reported:" or
 * "Created:" before a date still label their entry. */
static int date_key_only(const char *s, size_t len)
{
    static const char *const keys[] = {"date",      "datum", "fecha", "data",
                                       "date/time", "日期",  "日付",  "날짜"};
    while (len && (build_is_space(s[len - 1]) || strchr(":*_", s[len - 1])))
        len--;
    for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
        if (strlen(keys[k]) == len && !strncasecmp(s, keys[k], len))
            return 1;
    return 0;
}

/* "<a name="20250512"></a>", "<span class="x">": HTML tags with attributes,
 * and closing tags, say nothing in a label ("<!--", "a < b" and a bare
 * "<script>" stay: a label append wrote reads back as written). */
static void strip_tags(char *label)
{
    char *w = label;
    for (const char *p = label; *p;) {
        int open = p[0] == '<' && ((p[1] | 0x20) >= 'a' && (p[1] | 0x20) <= 'z');
        int closing = p[0] == '<' && p[1] == '/' && (p[2] | 0x20) >= 'a' && (p[2] | 0x20) <= 'z';
        const char *close = open || closing ? strchr(p, '>') : NULL;
        if (close && open && !memchr(p, ' ', (size_t)(close - p)))
            close = NULL; /* "<script>": no attributes, no tag to drop */
        if (close) {
            p = close + 1;
            continue;
        }
        *w++ = *p++;
    }
    *w = '\0';
    size_t n = strlen(label);
    while (n && build_is_space(label[n - 1]))
        label[--n] = '\0';
    size_t lead = 0;
    while (build_is_space(label[lead]))
        lead++;
    memmove(label, label + lead, n - lead + 1);
}

char *build_label(builder *b, const char *h, size_t len, size_t ms, size_t me)
{
    size_t left = before_struck_out(h, ms), rstart = me; /* a date taken back is no label */
    /* Empty brackets around the date go too: "(2025-10-07)", "[2025-10-07
     * 14:00]", and nested ones: the wiki link "[[2026-03-09]]". */
    int bracketed = 0;
    for (;;) {
        size_t l = left, r = rstart;
        while (l && build_is_space(h[l - 1]))
            l--;
        while (r < len && build_is_space(h[r]))
            r++;
        size_t bw = bracket_width(h, len, l, r);
        if (!bw) { /* "(Date: 2025-01-21)": a date key inside the brackets goes too */
            size_t k = l;
            while (k && (h[k - 1] == ':' || h[k - 1] == ' '))
                k--;
            size_t key = k;
            while (key && ((h[key - 1] | 0x20) >= 'a' && (h[key - 1] | 0x20) <= 'z'))
                key--;
            if (key < k && k < l && build_date_key(h + key, k - key))
                bw = bracket_width(h, len, key, r);
            if (!bw)
                break;
            l = key;
        }
        bracketed = 1;
        left = l - bw;
        rstart = r + bw;
    }
    /* "Status (2025-10-07)": the brackets were the seam, the label keeps its
     * own punctuation ("<!-- (2026-03-10)" is "<!--") */
    size_t llen = left;
    if (bracketed) {
        while (llen && build_is_space(h[llen - 1]))
            llen--;
        /* "Sesión #011 - [2026-03-10 04:39]": a separator set apart by a
         * space before the brackets goes with them ("<!--" stays) */
        size_t w = llen;
        for (;;) {
            if (w && strchr("-|:", h[w - 1]))
                w--;
            else if (w >= 3 && (!memcmp(h + w - 3, "\xE2\x80\x94", 3) ||
                                !memcmp(h + w - 3, "\xE2\x80\x93", 3)))
                w -= 3; /* "—", "–" */
            else
                break;
        }
        if (w < llen && w && build_is_space(h[w - 1]) &&
            is_separator(h + w, llen - w, &(size_t){0}))
            for (llen = w; llen && build_is_space(h[llen - 1]);)
                llen--;
    } else
        llen = drop_dangling_word(h, drop_dangling_word(h, trim_right_label(h, left)));
    size_t roff = rstart + trim_left_seps(h + rstart, len - rstart);
    size_t pod = part_of_day(h + roff, len - roff), seam = rstart;
    if (pod) { /* the seam is now after the part of the day */
        seam = roff;
        while (seam < roff + pod && !build_is_space(h[seam]) && !strchr(",:-|", h[seam]))
            seam++;
        roff += pod;
    }
    size_t rlen = trim_right_label(h + roff, len - roff);
    if (rlen && strspn(h + roff, ".,;!") >= rlen)
        rlen = 0; /* "Entry 1: 2020-01-13, Monday.": the sentence's stop */
    size_t lstart = trim_left_seps(h, llen);
    if (date_key_only(h + lstart, llen - lstart))
        lstart = llen; /* "Date: March 3rd 2025 (Ana)": "Ana" */
    char *out = slog_arena_chars(b->arena, len + 8);
    if (!out)
        return NULL;
    size_t o = llen - lstart;
    memcpy(out, h + lstart, o);
    if (o && rlen && !strchr("([", out[o - 1])) { /* "Done (14 Temmuz - Ek)": "Done (Ek)" */
        /* "Session 1 (2026-01-18) - credits secret": the dash that set the
         * two parts apart stays between them */
        size_t w = 0, at = seam;
        while (at < roff && build_is_space(h[at]))
            at++;
        if ((bracketed || pod) && at < roff && is_separator(h + at, roff - at, &w) && w > 0 &&
            !build_is_space(h[at]) && strchr("-:|\xE2", h[at])) {
            if (h[at] != ':')
                out[o++] = ' ';
            memcpy(out + o, h + at, w);
            o += w;
        }
        out[o++] = ' ';
    }
    memcpy(out + o, h + roff, rlen);
    out[o + rlen] = '\0';
    strip_tags(out);
    strip_date_symbols(out);
    tidy_brackets(out);
    unwrap_brackets(out);
    if (drop_dangling_brackets(out))
        trim_separators(out); /* "(local) | M1.1" is "M1.1" */
    build_drop_unpaired(out);
    /* "## ✏ 2026.06.03", "## ##### 29 aprile", "* **2026-03-12**": no
     * words, no label (markup left around the date is none either) */
    if (symbols_only(out) || strspn(out, "# ") == strlen(out) ||
        strspn(out, "*_~` :") == strlen(out))
        out[0] = '\0';
    return out;
}
