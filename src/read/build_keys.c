/* SPDX-License-Identifier: BSD-2-Clause */
/* Keys before a date and what they say of it: a stamp of a document or a
 * section ("Last updated", "Generated", SPEC §1 r3: metadata, never an
 * entry), a revision mentioned in a heading, and the keys that say the
 * date is the section's own ("Date", "Fecha", "日期"). */
#include "build_internal.h"

#include <string.h>
#include <strings.h>

/* A key that stamps a document or a section instead of opening one (SPEC
 * §1 r3): "Last updated", "Generated", "Log completed", "Session end time",
 * "End of day log". Its date is metadata, never an entry. */
int build_stamp_key(const char *s, size_t len)
{
    static const char *const ends[] = {
        "updated", "last update", "generated", "prepared", "completed", "modified", "edited",
        "reviewed", "revised", "finished", "archived", "exported", "end time", "session end",
        "end of day", "end of day log", "log ended", "session ended", "fine del diario",
        "fine sessione", "fin del día", "fin de la sesión", "fin de journée", "fin de séance",
        "fim do dia", "fim da sessão", "document created", "doc created", "file created",
        "page created", "closed", "date closed", "closing date", "closed on", "fecha de cierre",
        "date de clôture", "data de encerramento", "data di chiusura", "abgeschlossen am", "as of",
        "stand", "stand vom", "état au", "a fecha de", "уточнено", "по состоянию на",
        /* other languages: "最終更新", "更新日", "最后更新", "Stand", "Letzte Aktualisierung" */
        "最終更新", "更新日", "更新日時", "最后更新", "最後更新", "更新时间", "完成时间",
        "完成日期", "完成日", "完了日", "완료일", "최종 수정", "최종 업데이트", "aktualisiert",
        "letzte aktualisierung", "mis à jour", "mise à jour", "actualizado", "última actualización",
        "aggiornato", "ultimo aggiornamento", "atualizado", "bijgewerkt", "última atualização",
        "dernière mise à jour", "son güncelleme", "güncellendi", "ostatnia aktualizacja",
        "zaktualizowano", "последнее обновление", "Последнее обновление", "обновлено", "Обновлено",
        "cập nhật lần cuối", "terakhir diperbarui", "마지막 업데이트", "최종 업데이트일",
        "最終更新日"};
    char key[64];
    size_t n = 0;
    for (size_t i = 0; i < len && n + 1 < sizeof key; i++) {
        key[n++] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
        /* Latin-1 capitals: "Última actualización" */
        if (n >= 2 && (unsigned char)key[n - 2] == 0xC3 && (unsigned char)key[n - 1] >= 0x80 &&
            (unsigned char)key[n - 1] <= 0x9E && (unsigned char)key[n - 1] != 0x97)
            key[n - 1] = (char)((unsigned char)key[n - 1] + 0x20);
    }
    while (n && strchr(" \t:*_(-", key[n - 1]))
        n--;
    /* "End of Day 2": the day's number goes */
    size_t digits = n;
    while (digits && key[digits - 1] >= '0' && key[digits - 1] <= '9')
        digits--;
    if (digits < n && digits > 1 && key[digits - 1] == ' ')
        n = digits - 1;
    /* "Generated on", "Last updated at", "Fine del diario del": the
     * preposition goes */
    static const char *const preps[] = {" on", " at", " del", " de", " du", " of", " vom"};
    for (size_t p = 0; p < sizeof preps / sizeof *preps; p++) {
        size_t k = strlen(preps[p]);
        if (n > k + 2 && !memcmp(key + n - k, preps[p], k)) {
            n -= k;
            break;
        }
    }
    key[n] = '\0';
    for (size_t i = 0; i < sizeof ends / sizeof *ends; i++) {
        size_t k = strlen(ends[i]);
        /* a whole word at the end; in CJK any end ("**最終更新**") */
        if (k <= n && !memcmp(key + n - k, ends[i], k) &&
            (k == n || key[n - k - 1] == ' ' || (unsigned char)ends[i][0] >= 0xE3))
            return 1;
    }
    return 0;
}

/* "updated", "last revised": a word that says a text was revised then (a
 * heading's date after it is no entry's, unlike "Completed 2025-10-03"). */
static int revision_word(const char *s, size_t len)
{
    static const char *const words[] = {"updated", "revised", "edited", "modified"};
    while (len && strchr(" \t:*_(-", s[len - 1]))
        len--;
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        size_t n = strlen(words[i]);
        if (n <= len && !strncasecmp(s + len - n, words[i], n) &&
            (n == len || s[len - n - 1] == ' '))
            return 1;
    }
    return 0;
}

int build_stamp_mention(const char *s, size_t len, const slog_found_date *f)
{
    /* the date, then only a revision word to the end of the bracket or the
     * text: "(Dec 16 - Updated)"; "## Next 5 Tasks (updated 2025-10-01)"
     * dates the list's new version, an entry */
    size_t e = f->end;
    while (e < len && strchr(" \t-,:", s[e]))
        e++;
    for (size_t k = 0; e + 3 <= len && k < 3 && !memcmp(s + e, "\xe2\x80", 2); k++)
        e += 3; /* "–", "—" */
    while (e < len && strchr(" \t", s[e]))
        e++;
    size_t word = e;
    while (e < len && ((s[e] | 0x20) >= 'a' && (s[e] | 0x20) <= 'z'))
        e++;
    size_t rest = e;
    while (rest < len && strchr(" \t)].", s[rest]))
        rest++;
    return e > word && rest == len && revision_word(s + word, e - word);
}

/* A key that says the date is the section's own: "Date: 2026-03-12", in
 * English or in the languages logs are written in ("**Время:** 19.07.2025",
 * "Datum:", "Fecha:", "日期："). ASCII keys in any case; the others as
 * written, capitalised or not. */
int build_date_key(const char *s, size_t len)
{
    static const char *const keys[] = {
        "date", "reported", "created", "time", "when", "timestamp", "logged", "posted", "recorded",
        "written", "as of", "date/time", "datetime", "datum", "zeit", "uhrzeit", "zeitpunkt",
        "fecha", "hora", "heure", "data", "ora", "tarih", "czas", "tijd", "datum/zeit",
        "fecha y hora", "date et heure", "data e ora", "data/hora", "fecha/hora", "data e hora",
        /* when an incident occurred: "### [T-001] …" then "- **発生日**: 2026-05-21" */
        "occurred", "occurred on", "occurred at", "incident date"};
    static const char *const words[] = {
        "Время",    "время",    "Дата",     "дата",     "Дата и время", "日期",    "时间", "時間",
        "日付",     "日時",     "날짜",     "시간",     "일시",         "Час",     "час",  "発生日",
        "発生日時", "发生日期", "发生时间", "發生日期", "발생일",       "발생일시"};
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    if (len >= 3 && !memcmp(s + len - 3, "\xef\xbc\x9a", 3)) /* a full-width colon */
        len -= 3;
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        if (strlen(keys[i]) == len && strncasecmp(s, keys[i], len) == 0)
            return 1;
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strlen(words[i]) == len && memcmp(s, words[i], len) == 0)
            return 1;
    return 0;
}
