/* SPDX-License-Identifier: BSD-2-Clause */
/* Words in text: the one search the captions, markers and rules that read
 * words share. */
#include "words.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

static int letter(char c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static unsigned char fold(char c)
{
    return (unsigned char)(letter(c) ? c | 0x20 : c);
}

int slog_names_any(const char *hay, size_t len, const char *const *words, size_t n)
{
    for (size_t p = 0; p < len; p++) {
        if (p && letter(hay[p - 1]))
            continue;
        unsigned char first = fold(hay[p]);
        for (size_t k = 0; k < n; k++) {
            if (fold(words[k][0]) != first) /* most places: no word starts here */
                continue;
            size_t w = strlen(words[k]);
            if (p + w <= len && !strncasecmp(hay + p, words[k], w) &&
                (p + w == len || !letter(hay[p + w])))
                return 1;
        }
    }
    return 0;
}

size_t slog_archive_word(const char *s, size_t len)
{
    static const char *const words[] = {"archived",
                                        "archives",
                                        "archive",
                                        "archiviert",
                                        "archivado",
                                        "archiviato",
                                        "archivio",
                                        "archivo",
                                        "archivé",
                                        "archiv",
                                        "arquivado",
                                        "arquivo",
                                        "archief",
                                        "архив",
                                        "older entries",
                                        "old entries",
                                        "earlier entries",
                                        "past entries",
                                        "previous entries",
                                        "归档",
                                        "歸檔",
                                        "存档",
                                        "アーカイブ",
                                        "보관"};
    /* "Archived:", "archive (2023)"; not "archive-notes.md" */
    return slog_opening_word(s, len, words, sizeof words / sizeof *words, "-_.");
}

size_t slog_opening_word(const char *s, size_t len, const char *const *words, size_t n,
                         const char *joins)
{
    for (size_t k = 0; k < n; k++) {
        size_t w = strlen(words[k]);
        if (w > len || strncasecmp(s, words[k], w) != 0)
            continue;
        unsigned char next = w < len ? (unsigned char)s[w] : ' ';
        if ((unsigned char)words[k][0] >= 0x80 || !(isalnum(next) || (next && strchr(joins, next))))
            return w;
    }
    return 0;
}

/* An unmarked item that opens with a verb in the past tense: "Fixed the
 * bug", "Wrote the parser" (a report of work, like a done item). */
int slog_past_tense_first(const char *t)
{
    static const char *const irregular[] = {
        "wrote", "built", "made", "ran", "did",  "found", "began", "sent",    "put",
        "took",  "gave",  "led",  "got", "kept", "set",   "split", "rewrote", "rebuilt"};
    /* a check made again is a reading: "Checked the API: OK" */
    static const char *const checks[] = {"checked",     "verified",  "confirmed", "reconfirmed",
                                         "revalidated", "rechecked", "retested",  "polled",
                                         "pinged",      "monitored", "observed",  "validated",
                                         "tested",      "reran",     "rerun"};
    while (*t == '*' || *t == '_' || *t == ' ')
        t++;
    size_t n = 0;
    while (((t[n] | 0x20) >= 'a' && (t[n] | 0x20) <= 'z'))
        n++;
    for (size_t k = 0; k < sizeof checks / sizeof *checks; k++)
        if (strlen(checks[k]) == n && !strncasecmp(t, checks[k], n))
            return 0;
    if (n >= 4 && (t[n - 2] | 0x20) == 'e' && (t[n - 1] | 0x20) == 'd')
        return 1;
    for (size_t k = 0; k < sizeof irregular / sizeof *irregular; k++)
        if (strlen(irregular[k]) == n && !strncasecmp(t, irregular[k], n))
            return 1;
    return 0;
}

int slog_metadata_title(const char *s, size_t len)
{
    static const char *const words[] = {"metadata",    "metadados", "metadatos",
                                        "métadonnées", "metadaten", "front matter",
                                        "メタデータ",  "元数据",    "메타데이터"};
    return slog_names_any(s, len, words, sizeof words / sizeof *words);
}
