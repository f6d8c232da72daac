/* SPDX-License-Identifier: BSD-2-Clause */
/* Configuration: defaults and pattern compilation. */
#include "config_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"

static const char *const RESOLVED_PATTERN =
    "\\((?i:resolved)(?:[ \\t:]+(?i:on))?[ \\t:]*([0-9]{4}-[0-9]{2}-[0-9]{2})";

static const char *const META_PATTERN =
    "^[ \\t]*(?:\\*\\*)?([A-Za-z][A-Za-z0-9 _./&()-]{0,40}?)[ \\t]*(?::\\*\\*|\\*\\*:|:)"
    "[ \\t]+(\\S.*?)[ \\t]*$";

static const struct {
    const char *marker;
    slog_state state;
} default_markers[] = {
    {"✅", SLOG_STATE_DONE},
    {"✔️", SLOG_STATE_DONE},
    {"✔", SLOG_STATE_DONE},
    {"☑️", SLOG_STATE_DONE},
    {"☑", SLOG_STATE_DONE},
    {"🟢", SLOG_STATE_DONE},
    {"[x]", SLOG_STATE_DONE},
    {"[X]", SLOG_STATE_DONE},
    {"⏳", SLOG_STATE_IN_PROGRESS},
    {"🔄", SLOG_STATE_IN_PROGRESS},
    {"🟡", SLOG_STATE_IN_PROGRESS},
    {"🚧", SLOG_STATE_IN_PROGRESS},
    {"🔜", SLOG_STATE_NEXT},
    {"➡️", SLOG_STATE_NEXT},
    {"➡", SLOG_STATE_NEXT},
    {"🛑", SLOG_STATE_BLOCKED},
    {"⛔", SLOG_STATE_BLOCKED},
    {"🔴", SLOG_STATE_BLOCKED},
    {"🚫", SLOG_STATE_BLOCKED},
    {"❌", SLOG_STATE_FAILED},
    {"⚠️", SLOG_STATE_WARNING},
    {"⚠", SLOG_STATE_WARNING},
    {"🟠", SLOG_STATE_WARNING},
    {"[ ]", SLOG_STATE_OPEN},
    /* beyond SPEC §1: the same signs in other shapes (after the spec's, so
     * that append writes the spec's) */
    {"✓", SLOG_STATE_DONE},
    {"☒", SLOG_STATE_DONE},
    {"🟩", SLOG_STATE_DONE},
    {"⌛", SLOG_STATE_IN_PROGRESS},
    {"🟨", SLOG_STATE_IN_PROGRESS},
    {"🟥", SLOG_STATE_BLOCKED},
    {"✗", SLOG_STATE_FAILED},
    {"✘", SLOG_STATE_FAILED},
    {"✖", SLOG_STATE_FAILED},
    {"❎", SLOG_STATE_FAILED},
    {"🟧", SLOG_STATE_WARNING},
    {"☐", SLOG_STATE_OPEN},
};

static const char *const default_followups[] = {
    "follow-ups",       "follow ups",       "next steps",
    "action items",     "próximos passos",  "próximos pasos",
    "prossimi passi",   "nächste schritte", "prochaines étapes",
    "volgende stappen", "kolejne kroki",    "sonraki adımlar",
    "следующие шаги",   "Следующие шаги",   "bước tiếp theo",
    "次のステップ",     "下一步",           "后续步骤",
    "다음 단계",        "다음 작업",        "next actions",
    "наступні кроки",   "Наступні кроки",   "następne kroki"};

/* Without a trailing variation selector: U+FE0F (emoji) or U+FE0E (text). */
static size_t strip_fe0f(const char *s, size_t len)
{
    if (len >= 3 && (memcmp(s + len - 3, "\xEF\xB8\x8F", 3) == 0 ||
                     memcmp(s + len - 3, "\xEF\xB8\x8E", 3) == 0))
        len -= 3;
    return len;
}

slog_status slog_config_add_marker(slog_config *c, const char *marker, slog_state state)
{
    slog_marker_def *m = realloc(c->markers, (c->nmarkers + 1) * sizeof *m);
    if (!m)
        return SLOG_ERR_NOMEM;
    c->markers = m;
    m += c->nmarkers;
    m->marker = strdup(marker);
    if (!m->marker)
        return SLOG_ERR_NOMEM;
    m->keylen = strip_fe0f(marker, strlen(marker));
    m->key = m->marker; /* compared over keylen bytes */
    m->state = state;
    c->nmarkers++;
    return SLOG_OK;
}

slog_state slog_config_marker_state(const slog_config *c, const char *marker, size_t len)
{
    len = strip_fe0f(marker, len);
    for (size_t i = c->nmarkers; i-- > 0;) /* later definitions win */
        if (c->markers[i].keylen == len && len && c->markers[i].key[len - 1] == marker[len - 1] &&
            memcmp(c->markers[i].key, marker, len) == 0) /* last bytes differ most */
            return c->markers[i].state;
    return SLOG_STATE_NOTE;
}

static int is_word_marker(const char *m, size_t len)
{
    if (!len)
        return 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)m[i];
        if (!(((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') || (ch == ' ' && i && i + 1 < len)))
            return 0;
    }
    return 1;
}

static int by_length_desc(const void *a, const void *b)
{
    const slog_marker_def *x = a, *y = b;
    return (x->keylen < y->keylen) - (x->keylen > y->keylen);
}

/* "^(?:\*\*)?[ \t]*((?:m1|m2|...)[\x{FE0F}\x{FE0E}]?)" with every marker quoted, longest first
 * so that "✔️" wins over "✔". */
static char *marker_pattern(const slog_config *c)
{
    slog_marker_def *sorted = malloc((c->nmarkers ? c->nmarkers : 1) * sizeof *sorted);
    size_t cap = 64;
    for (size_t i = 0; i < c->nmarkers; i++)
        cap += 2 * c->markers[i].keylen + 1;
    char *p = malloc(cap);
    if (!sorted || !p) {
        free(sorted);
        free(p);
        return NULL;
    }
    size_t n = 0; /* words ("Shipped") are word markers: word_pattern's */
    for (size_t i = 0; i < c->nmarkers; i++)
        if (!is_word_marker(c->markers[i].key, c->markers[i].keylen))
            sorted[n++] = c->markers[i];
    qsort(sorted, n, sizeof *sorted, by_length_desc);
    size_t o = (size_t)sprintf(p, "^(?:\\*\\*)?[ \\t]*((?:");
    for (size_t i = 0; i < n; i++) {
        if (i)
            p[o++] = '|';
        for (size_t k = 0; k < sorted[i].keylen; k++) {
            unsigned char ch = (unsigned char)sorted[i].key[k];
            if (ch < 0x80 &&
                !((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z')))
                p[o++] = '\\';
            p[o++] = (char)ch;
        }
    }
    if (!n)
        o += (size_t)sprintf(p + o, "(*FAIL)");
    sprintf(p + o, ")(?:\\x{FE0F}|\\x{FE0E})?)"); /* emoji or text presentation */
    free(sorted);
    return p;
}

static int group_number(const slog_regex *re, const char *name)
{
    return slog_regex_group_number(re, name);
}

static void date_groups(slog_config *c)
{
    static const char *const names[] = {
        "wd",   "iy",  "im",  "id",  "m1",  "d1",   "y1",   "d2",    "m2",  "y2",   "n1",
        "nsep", "n2",  "n3",  "wd2", "th",  "tm",   "ts",   "ap",    "th2", "ap2",  "ap3",
        "zone", "y3",  "fd",  "fm",  "fy",  "cy",   "cm",   "cd",    "cw",  "tt",   "ap4",
        "pth",  "ptm", "pts", "pap", "d4",  "m4",   "y4",   "ky",    "km",  "kd",   "ky6",
        "km6",  "kd6", "kdy", "kdm", "kdd", "date", "time", "month", "day", "year", "rm1",
        "yd",   "ym",  "ua",  "ub",  "yny", "ynm",  "ynd"};
    int *slots = &c->dg.wd;
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        slots[i] = group_number(&c->date_re, names[i]);
}

/* The NULL-terminated parts as one string (malloc'd), or NULL. */
static char *joined_parts(const char *const *parts)
{
    size_t n = 1;
    for (size_t i = 0; parts[i]; i++)
        n += strlen(parts[i]);
    char *s = malloc(n);
    if (!s)
        return NULL;
    s[0] = '\0';
    for (size_t i = 0, at = 0; parts[i]; i++) {
        size_t k = strlen(parts[i]);
        memcpy(s + at, parts[i], k + 1);
        at += k;
    }
    return s;
}

/* A configured entry_pattern finds dates with its own groups: `date` (an
 * ISO date), or `month`, `day` and (optionally) `year`. */
static slog_status compile_date_pattern(slog_config *c, const char *custom, slog_error *err)
{
    char *joined = custom ? NULL : joined_parts(SLOG_DATE_PATTERN);
    if (!custom && !joined)
        return slog_error_set(err, SLOG_ERR_NOMEM, NULL, 0, "out of memory");
    slog_status st = slog_regex_compile(&c->date_re, custom ? custom : joined, 0,
                                        custom ? "entry_pattern" : "dates", err);
    free(joined);
    if (st != SLOG_OK)
        return st;
    c->custom_date_pattern = custom != NULL;
    date_groups(c);
    if (!custom) {
        c->dg.date = c->dg.time = c->dg.month = c->dg.day = c->dg.year = -1;
        return SLOG_OK;
    }
    c->dg.zone = group_number(&c->date_re, "zone");
    if (c->dg.date < 0 && (c->dg.month < 0 || c->dg.day < 0))
        return slog_error_set(err, SLOG_ERR_INVALID, NULL, 0,
                              "entry_pattern: no named group 'date' (or 'month' and 'day')");
    return SLOG_OK;
}

/* Word markers (SPEC §1 r2): a word in capitals or capitalised that opens an
 * item, followed by ':', ' -', ' —' or written in bold. */
static const struct {
    const char *word;
    slog_state state;
} default_words[] = {
    {"done", SLOG_STATE_DONE},
    {"completed", SLOG_STATE_DONE},
    {"fixed", SLOG_STATE_DONE},
    {"wip", SLOG_STATE_IN_PROGRESS},
    {"in progress", SLOG_STATE_IN_PROGRESS},
    {"next", SLOG_STATE_NEXT},
    {"todo", SLOG_STATE_NEXT},
    {"to do", SLOG_STATE_NEXT},
    {"blocked", SLOG_STATE_BLOCKED},
    {"blocker", SLOG_STATE_BLOCKED}, /* "- BLOCKER: handshake test stalls" */
    {"failed", SLOG_STATE_FAILED},
    {"fail", SLOG_STATE_FAILED},
    /* beyond SPEC §1: the same words in German, Spanish, French, Italian,
     * Portuguese and Dutch (those written without accents) */
    {"erledigt", SLOG_STATE_DONE},
    {"fertig", SLOG_STATE_DONE},
    {"hecho", SLOG_STATE_DONE},
    {"completado", SLOG_STATE_DONE},
    {"fait", SLOG_STATE_DONE},
    {"fatto", SLOG_STATE_DONE},
    {"completato", SLOG_STATE_DONE},
    {"feito", SLOG_STATE_DONE},
    {"klaar", SLOG_STATE_DONE},
    {"gedaan", SLOG_STATE_DONE},
    {"in arbeit", SLOG_STATE_IN_PROGRESS},
    {"en curso", SLOG_STATE_IN_PROGRESS},
    {"en progreso", SLOG_STATE_IN_PROGRESS},
    {"en cours", SLOG_STATE_IN_PROGRESS},
    {"in corso", SLOG_STATE_IN_PROGRESS},
    {"em andamento", SLOG_STATE_IN_PROGRESS},
    {"bezig", SLOG_STATE_IN_PROGRESS},
    {"pendiente", SLOG_STATE_NEXT},
    {"blockiert", SLOG_STATE_BLOCKED},
    {"bloqueado", SLOG_STATE_BLOCKED},
    {"bloccato", SLOG_STATE_BLOCKED},
    {"geblokkeerd", SLOG_STATE_BLOCKED},
    {"fehlgeschlagen", SLOG_STATE_FAILED},
    {"fallido", SLOG_STATE_FAILED},
    {"fallito", SLOG_STATE_FAILED},
    {"mislukt", SLOG_STATE_FAILED},
    /* ... and those written with accents, in lower case here: the upper case
     * of an accented Latin letter is made by fold_byte's inverse */
    {"terminé", SLOG_STATE_DONE},
    {"réalisé", SLOG_STATE_DONE},
    {"terminado", SLOG_STATE_DONE},
    {"concluído", SLOG_STATE_DONE},
    {"em progresso", SLOG_STATE_IN_PROGRESS},
    {"à faire", SLOG_STATE_NEXT},
    {"por hacer", SLOG_STATE_NEXT},
    {"a fazer", SLOG_STATE_NEXT},
    {"da fare", SLOG_STATE_NEXT},
    {"te doen", SLOG_STATE_NEXT},
    {"próximo", SLOG_STATE_NEXT},
    {"prossimo", SLOG_STATE_NEXT},
    {"bloqué", SLOG_STATE_BLOCKED},
    {"échoué", SLOG_STATE_FAILED},
    {"falhou", SLOG_STATE_FAILED},
    /* Japanese, Chinese and Korean (no case: a colon, full-width or not, a
     * dash or bold makes them markers) */
    {"完了", SLOG_STATE_DONE},
    {"済み", SLOG_STATE_DONE},
    {"対応済み", SLOG_STATE_DONE},
    {"已完成", SLOG_STATE_DONE},
    {"완료", SLOG_STATE_DONE},
    {"対応中", SLOG_STATE_IN_PROGRESS},
    {"作業中", SLOG_STATE_IN_PROGRESS},
    {"進行中", SLOG_STATE_IN_PROGRESS},
    {"进行中", SLOG_STATE_IN_PROGRESS},
    {"진행 중", SLOG_STATE_IN_PROGRESS},
    {"진행중", SLOG_STATE_IN_PROGRESS},
    {"未着手", SLOG_STATE_NEXT},
    {"待办", SLOG_STATE_NEXT},
    {"예정", SLOG_STATE_NEXT},
    {"ブロック中", SLOG_STATE_BLOCKED},
    {"阻塞", SLOG_STATE_BLOCKED},
    {"受阻", SLOG_STATE_BLOCKED},
    {"失敗", SLOG_STATE_FAILED},
    {"失败", SLOG_STATE_FAILED},
    {"실패", SLOG_STATE_FAILED},
};

/* Lower case of one byte of UTF-8 text, prev the byte before it: ASCII
 * letters, and the accented Latin letters U+00C0..U+00DE (C3 80..9E, but
 * not U+00D7 ×), whose lower case is 0x20 further (C3 A0..BE). */
static char fold_byte(char prev, char ch)
{
    unsigned char u = (unsigned char)ch;
    if (u >= 'A' && u <= 'Z')
        return (char)(u + 32);
    if ((unsigned char)prev == 0xC3 && u >= 0x80 && u <= 0x9E && u != 0x97)
        return (char)(u + 0x20);
    return ch;
}

/* The upper case of fold_byte: ASCII and the accented Latin letters. */
static char upper_byte(char prev, char ch)
{
    unsigned char u = (unsigned char)ch;
    if (u >= 'a' && u <= 'z')
        return (char)(u - 32);
    if ((unsigned char)prev == 0xC3 && u >= 0xA0 && u <= 0xBE && u != 0xB7)
        return (char)(u - 0x20);
    return ch;
}

/* Appends the written forms of a word: UPPER, Capitalised, Title Case; and
 * marks the byte each opens with in `opens`. */
static void add_word_forms(slog_buf *p, const char *w, size_t len, int *first,
                           unsigned char opens[256])
{
    char forms[3][64];
    if (len >= sizeof forms[0])
        return;
    for (int f = 0; f < 3; f++) {
        int up_next = 1; /* the first letter, and in Title Case each word's */
        for (size_t i = 0; i < len; i++) {
            char prev = i ? w[i - 1] : '\0';
            char ch = fold_byte(prev, w[i]);
            int up = f == 0 || up_next;
            forms[f][i] = up ? upper_byte(prev, ch) : ch;
            /* a lead byte of UTF-8 leaves its letter to the next byte */
            if ((unsigned char)w[i] < 0xC0)
                up_next = f == 2 && w[i] == ' ';
        }
        forms[f][len] = '\0';
        opens[(unsigned char)forms[f][0]] = 1;
        int seen = 0;
        for (int k = 0; k < f; k++)
            seen |= strcmp(forms[k], forms[f]) == 0;
        if (seen)
            continue;
        if (!*first)
            slog_buf_puts(p, "|");
        *first = 0;
        for (size_t i = 0; i < len; i++)
            slog_buf_put(p, forms[f][i] == ' ' ? "[ \\t]+" : &forms[f][i],
                         forms[f][i] == ' ' ? 6 : 1);
    }
}

/* The word markers' pattern; the bytes that can open one in `opens`. */
static char *word_pattern(const slog_config *c, unsigned char opens[256])
{
    slog_buf p = {0};
    int first = 1;
    memset(opens, 0, 256);
    opens['*'] = 1; /* "**TODO**" */
    slog_buf_puts(&p, "^(?:\\*\\*[ \\t]*(?<wb>");
    size_t mark = p.len;
    for (size_t i = 0; i < sizeof default_words / sizeof *default_words; i++)
        add_word_forms(&p, default_words[i].word, strlen(default_words[i].word), &first, opens);
    for (size_t i = 0; i < c->nmarkers; i++)
        if (is_word_marker(c->markers[i].key, c->markers[i].keylen))
            add_word_forms(&p, c->markers[i].key, c->markers[i].keylen, &first, opens);
    size_t alt_len = p.len - mark;
    char *alt = malloc(alt_len + 1);
    if (!alt) {
        free(p.data);
        return NULL;
    }
    memcpy(alt, p.data + mark, alt_len);
    alt[alt_len] = '\0';
    /* a colon is ':' or the full-width '：' of CJK text */
    slog_buf_puts(&p, ")[ \\t]*(?:[:\\x{FF1A}][ \\t]*\\*\\*|\\*\\*[ \\t]*[:\\x{FF1A}]?)(?![*\\w])"
                      "|(?<w>");
    slog_buf_puts(&p, alt);
    slog_buf_puts(&p, ")(?=[ \\t]*[:\\x{FF1A}]|[ \\t]+[-\\x{2013}\\x{2014}](?:[ \\t]|$)))[ "
                      "\\t]*[:\\x{FF1A}\\x{2013}\\x{2014}-]?[ \\t]*");
    free(alt);
    if (p.failed) {
        free(p.data);
        return NULL;
    }
    return p.data;
}

/* The state of a word marker as written ("Next", "TO DO"), NOTE if none. */
slog_state slog_config_word_state(const slog_config *c, const char *w, size_t len)
{
    char key[64];
    size_t n = 0;
    for (size_t i = 0; i < len && n + 1 < sizeof key; i++) {
        if (w[i] == ' ' || w[i] == '\t') {
            while (i + 1 < len && (w[i + 1] == ' ' || w[i + 1] == '\t'))
                i++;
            key[n++] = ' ';
        } else {
            key[n++] = fold_byte(i ? w[i - 1] : '\0', w[i]);
        }
    }
    key[n] = '\0';
    for (size_t i = c->nmarkers; i-- > 0;) /* configured words win */
        if (c->markers[i].keylen == n && is_word_marker(c->markers[i].key, n) &&
            strncasecmp(c->markers[i].key, key, n) == 0)
            return c->markers[i].state;
    for (size_t i = 0; i < sizeof default_words / sizeof *default_words; i++)
        if (strcmp(default_words[i].word, key) == 0)
            return default_words[i].state;
    return SLOG_STATE_NOTE;
}

slog_status slog_config_compile(slog_config *c, const char *entry_pattern, slog_error *err)
{
    slog_regex_free(&c->date_re);
    slog_regex_free(&c->year_re);
    slog_regex_free(&c->marker_re);
    slog_regex_free(&c->word_re);
    slog_regex_free(&c->resolved_re);
    slog_regex_free(&c->meta_re);
    slog_status st = compile_date_pattern(c, entry_pattern, err);
    if (st != SLOG_OK)
        return st;
    char *mp = marker_pattern(c);
    char *wp = word_pattern(c, c->word_first);
    if (!mp || !wp) {
        free(mp);
        free(wp);
        return slog_error_set(err, SLOG_ERR_NOMEM, NULL, 0, "out of memory");
    }
    memset(c->marker_first, 0, sizeof c->marker_first);
    for (size_t i = 0; i < c->nmarkers; i++)
        if (c->markers[i].keylen && !is_word_marker(c->markers[i].key, c->markers[i].keylen))
            c->marker_first[(unsigned char)c->markers[i].key[0]] = 1;
    st = slog_regex_compile(&c->marker_re, mp, 0, "markers", err);
    if (st == SLOG_OK)
        st = slog_regex_compile(&c->word_re, wp, 0, "markers", err);
    free(mp);
    free(wp);
    if (st == SLOG_OK)
        st = slog_regex_compile(&c->resolved_re, RESOLVED_PATTERN, 0, "resolved", err);
    if (st == SLOG_OK)
        st = slog_regex_compile(&c->meta_re, META_PATTERN, 0, "metadata", err);
    if (st == SLOG_OK)
        st = slog_regex_compile(&c->year_re, SLOG_YEAR_PATTERN, PCRE2_MULTILINE, "dates", err);
    return st;
}

slog_status slog_config_use(const slog_config *given, slog_config **own, slog_config **use,
                            slog_error *err)
{
    *own = NULL;
    *use = (slog_config *)given; /* matching writes the configuration's match data */
    if (given)
        return SLOG_OK;
    slog_status st = slog_config_new_default(own, err);
    *use = *own;
    return st;
}

slog_status slog_config_new_default(slog_config **out, slog_error *err)
{
    *out = NULL;
    slog_config *c = calloc(1, sizeof *c);
    if (!c)
        return slog_error_set(err, SLOG_ERR_NOMEM, NULL, 0, "out of memory");
    slog_status st = SLOG_OK;
    for (size_t i = 0; st == SLOG_OK && i < sizeof default_markers / sizeof *default_markers; i++)
        st = slog_config_add_marker(c, default_markers[i].marker, default_markers[i].state);
    size_t nf = sizeof default_followups / sizeof *default_followups;
    c->followup_headings = calloc(nf, sizeof *c->followup_headings);
    if (!c->followup_headings)
        st = SLOG_ERR_NOMEM;
    for (size_t i = 0; st == SLOG_OK && i < nf; i++) {
        c->followup_headings[i] = strdup(default_followups[i]);
        if (!c->followup_headings[i])
            st = SLOG_ERR_NOMEM;
        c->nfollowup_headings++;
    }
    c->stale_days = SLOG_STALE_DAYS;
    for (int r = 0; r < SLOG_RULE_COUNT; r++)
        c->severity[r] = slog_rule_get((slog_rule)r)->severity;
    if (st != SLOG_OK) {
        slog_config_free(c);
        return slog_error_set(err, st, NULL, 0, "out of memory");
    }
    c->stale_states =
        1u << SLOG_STATE_IN_PROGRESS | 1u << SLOG_STATE_NEXT | 1u << SLOG_STATE_BLOCKED;
    st = slog_config_compile(c, NULL, err);
    if (st != SLOG_OK) {
        slog_config_free(c);
        return st;
    }
    *out = c;
    return SLOG_OK;
}

void slog_config_free(slog_config *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->nmarkers; i++)
        free(c->markers[i].marker);
    free(c->markers);
    for (size_t i = 0; i < c->nfollowup_headings; i++)
        free(c->followup_headings[i]);
    free(c->followup_headings);
    free(c->timezone);
    free(c->path);
    slog_regex_free(&c->date_re);
    slog_regex_free(&c->year_re);
    slog_regex_free(&c->marker_re);
    slog_regex_free(&c->word_re);
    slog_regex_free(&c->resolved_re);
    slog_regex_free(&c->meta_re);
    free(c);
}

int slog_config_stale_days(const slog_config *c)
{
    return c ? c->stale_days : SLOG_STALE_DAYS;
}

const char *slog_config_timezone(const slog_config *c)
{
    return c->timezone;
}

slog_severity slog_config_severity(const slog_config *c, slog_rule rule)
{
    return (unsigned)rule < SLOG_RULE_COUNT ? c->severity[rule] : SLOG_SEV_OFF;
}

const char *slog_config_path(const slog_config *c)
{
    return c->path;
}

slog_status slog_config_emit(const slog_config *c, slog_diags *out, slog_rule rule,
                             const char *file, int line, const char *fmt, va_list ap)
{
    slog_severity sev = c->severity[rule];
    if (sev == SLOG_SEV_OFF)
        return SLOG_OK;
    char msg[1024];
    vsnprintf(msg, sizeof msg, fmt, ap);
    return slog_diags_add(out, rule, sev, file, line, "%s", msg);
}

slog_state slog_marker_state(const slog_config *config, const char *marker)
{
    slog_config *own = NULL;
    if (!config && slog_config_new_default(&own, NULL) != SLOG_OK)
        return SLOG_STATE_NOTE;
    const slog_config *c = config ? config : own;
    size_t len = strlen(marker);
    slog_state st = slog_config_marker_state(c, marker, len);
    if (st == SLOG_STATE_NOTE && len)
        st = slog_config_word_state(c, marker, len);
    slog_config_free(own);
    return st;
}
