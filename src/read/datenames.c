/* SPDX-License-Identifier: BSD-2-Clause */
/* Month and weekday names in every language datefind.c reads: English by
 * their first letters, German, French, Spanish, Italian, Portuguese and
 * Dutch by their whole (folded) names, Japanese, Korean and Chinese by their
 * characters; and the names append writes. */
#include "datenames.h"

#include <string.h>
#include <strings.h>

/* Names in the other languages, folded as fold_name() folds them, with
 * their month (1..12) or weekday (0 Monday .. 6 Sunday). The first name of
 * a language and number is the one append writes. */
typedef struct {
    const char *name;
    signed char n;
    unsigned char lang;
} named_number;

static const named_number OTHER_MONTHS[] = {
    {"januar", 1, SLOG_LANG_DE},     {"jänner", 1, SLOG_LANG_DE},
    {"februar", 2, SLOG_LANG_DE},    {"märz", 3, SLOG_LANG_DE},
    {"maerz", 3, SLOG_LANG_DE},      {"marz", 3, SLOG_LANG_DE},
    {"april", 4, SLOG_LANG_DE},      {"mai", 5, SLOG_LANG_DE},
    {"juni", 6, SLOG_LANG_DE},       {"juli", 7, SLOG_LANG_DE},
    {"august", 8, SLOG_LANG_DE},     {"september", 9, SLOG_LANG_DE},
    {"oktober", 10, SLOG_LANG_DE},   {"november", 11, SLOG_LANG_DE},
    {"dezember", 12, SLOG_LANG_DE},  {"janvier", 1, SLOG_LANG_FR},
    {"février", 2, SLOG_LANG_FR},    {"fevrier", 2, SLOG_LANG_FR},
    {"mars", 3, SLOG_LANG_FR},       {"avril", 4, SLOG_LANG_FR},
    {"mai", 5, SLOG_LANG_FR},        {"juin", 6, SLOG_LANG_FR},
    {"juillet", 7, SLOG_LANG_FR},    {"août", 8, SLOG_LANG_FR},
    {"aout", 8, SLOG_LANG_FR},       {"septembre", 9, SLOG_LANG_FR},
    {"octobre", 10, SLOG_LANG_FR},   {"novembre", 11, SLOG_LANG_FR},
    {"décembre", 12, SLOG_LANG_FR},  {"decembre", 12, SLOG_LANG_FR},
    {"enero", 1, SLOG_LANG_ES},      {"febrero", 2, SLOG_LANG_ES},
    {"marzo", 3, SLOG_LANG_ES},      {"abril", 4, SLOG_LANG_ES},
    {"mayo", 5, SLOG_LANG_ES},       {"junio", 6, SLOG_LANG_ES},
    {"julio", 7, SLOG_LANG_ES},      {"agosto", 8, SLOG_LANG_ES},
    {"septiembre", 9, SLOG_LANG_ES}, {"setiembre", 9, SLOG_LANG_ES},
    {"octubre", 10, SLOG_LANG_ES},   {"noviembre", 11, SLOG_LANG_ES},
    {"diciembre", 12, SLOG_LANG_ES}, {"gennaio", 1, SLOG_LANG_IT},
    {"febbraio", 2, SLOG_LANG_IT},   {"aprile", 4, SLOG_LANG_IT},
    {"maggio", 5, SLOG_LANG_IT},     {"giugno", 6, SLOG_LANG_IT},
    {"luglio", 7, SLOG_LANG_IT},     {"settembre", 9, SLOG_LANG_IT},
    {"ottobre", 10, SLOG_LANG_IT},   {"dicembre", 12, SLOG_LANG_IT},
    {"janeiro", 1, SLOG_LANG_PT},    {"fevereiro", 2, SLOG_LANG_PT},
    {"março", 3, SLOG_LANG_PT},      {"marco", 3, SLOG_LANG_PT},
    {"maio", 5, SLOG_LANG_PT},       {"junho", 6, SLOG_LANG_PT},
    {"julho", 7, SLOG_LANG_PT},      {"setembro", 9, SLOG_LANG_PT},
    {"outubro", 10, SLOG_LANG_PT},   {"dezembro", 12, SLOG_LANG_PT},
    {"januari", 1, SLOG_LANG_NL},    {"februari", 2, SLOG_LANG_NL},
    {"maart", 3, SLOG_LANG_NL},      {"mei", 5, SLOG_LANG_NL},
    {"augustus", 8, SLOG_LANG_NL},   {"december", 12, SLOG_LANG_NL},
};

static const named_number OTHER_WEEKDAYS[] = {
    {"montag", 0, SLOG_LANG_DE},        {"dienstag", 1, SLOG_LANG_DE},
    {"mittwoch", 2, SLOG_LANG_DE},      {"donnerstag", 3, SLOG_LANG_DE},
    {"freitag", 4, SLOG_LANG_DE},       {"samstag", 5, SLOG_LANG_DE},
    {"sonnabend", 5, SLOG_LANG_DE},     {"sonntag", 6, SLOG_LANG_DE},
    {"lundi", 0, SLOG_LANG_FR},         {"mardi", 1, SLOG_LANG_FR},
    {"mercredi", 2, SLOG_LANG_FR},      {"jeudi", 3, SLOG_LANG_FR},
    {"vendredi", 4, SLOG_LANG_FR},      {"samedi", 5, SLOG_LANG_FR},
    {"dimanche", 6, SLOG_LANG_FR},      {"lunes", 0, SLOG_LANG_ES},
    {"martes", 1, SLOG_LANG_ES},        {"miércoles", 2, SLOG_LANG_ES},
    {"miercoles", 2, SLOG_LANG_ES},     {"jueves", 3, SLOG_LANG_ES},
    {"viernes", 4, SLOG_LANG_ES},       {"sábado", 5, SLOG_LANG_ES},
    {"sabado", 5, SLOG_LANG_ES},        {"domingo", 6, SLOG_LANG_ES},
    {"lunedì", 0, SLOG_LANG_IT},        {"lunedi", 0, SLOG_LANG_IT},
    {"martedì", 1, SLOG_LANG_IT},       {"martedi", 1, SLOG_LANG_IT},
    {"mercoledì", 2, SLOG_LANG_IT},     {"mercoledi", 2, SLOG_LANG_IT},
    {"giovedì", 3, SLOG_LANG_IT},       {"giovedi", 3, SLOG_LANG_IT},
    {"venerdì", 4, SLOG_LANG_IT},       {"venerdi", 4, SLOG_LANG_IT},
    {"sabato", 5, SLOG_LANG_IT},        {"domenica", 6, SLOG_LANG_IT},
    {"segunda-feira", 0, SLOG_LANG_PT}, {"segunda", 0, SLOG_LANG_PT},
    {"terça-feira", 1, SLOG_LANG_PT},   {"terça", 1, SLOG_LANG_PT},
    {"terca-feira", 1, SLOG_LANG_PT},   {"terca", 1, SLOG_LANG_PT},
    {"quarta-feira", 2, SLOG_LANG_PT},  {"quarta", 2, SLOG_LANG_PT},
    {"quinta-feira", 3, SLOG_LANG_PT},  {"quinta", 3, SLOG_LANG_PT},
    {"sexta-feira", 4, SLOG_LANG_PT},   {"sexta", 4, SLOG_LANG_PT},
    {"sábado", 5, SLOG_LANG_PT},        {"domingo", 6, SLOG_LANG_PT},
    {"maandag", 0, SLOG_LANG_NL},       {"dinsdag", 1, SLOG_LANG_NL},
    {"woensdag", 2, SLOG_LANG_NL},      {"donderdag", 3, SLOG_LANG_NL},
    {"vrijdag", 4, SLOG_LANG_NL},       {"zaterdag", 5, SLOG_LANG_NL},
    {"zondag", 6, SLOG_LANG_NL},
};

#define COUNT(a) (sizeof(a) / sizeof *(a))

/* s[a, b) in lower case (ASCII and the two-byte Latin-1 letters À..Þ) into
 * buf[cap]; 0 when it does not fit. */
static size_t fold_name(const char *s, size_t a, size_t b, char *buf, size_t cap)
{
    if (b - a >= cap)
        return 0;
    for (size_t i = a; i < b; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch >= 'A' && ch <= 'Z')
            ch |= 0x20;
        else if (i > a && (unsigned char)s[i - 1] == 0xC3 && ch >= 0x80 && ch <= 0x9E && ch != 0x97)
            ch |= 0x20;
        buf[i - a] = (char)ch;
    }
    buf[b - a] = '\0';
    return b - a;
}

static const named_number *find_name(const named_number *t, size_t n, const char *s, size_t a,
                                     size_t b)
{
    char k[24];
    if (!fold_name(s, a, b, k, sizeof k))
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (strcmp(k, t[i].name) == 0)
            return &t[i];
    return NULL;
}

/* An English month name (its first three letters decide) or another
 * language's in s[a, b); 0 when none. */
int slog_month_number(const char *s, size_t a, size_t b, int *lang)
{
    static const char names[12][4] = {"jan", "feb", "mar", "apr", "may", "jun",
                                      "jul", "aug", "sep", "oct", "nov", "dec"};
    *lang = SLOG_LANG_EN;
    if (b - a < 3)
        return 0;
    char k[4];
    for (int i = 0; i < 3; i++)
        k[i] = (char)(s[a + i] | 0x20);
    k[3] = '\0';
    for (int m = 0; m < 12; m++)
        if (memcmp(k, names[m], 3) == 0)
            return m + 1;
    return 0;
}

int slog_other_month_number(const char *s, size_t a, size_t b, int *lang)
{
    const named_number *n = find_name(OTHER_MONTHS, COUNT(OTHER_MONTHS), s, a, b);
    *lang = n ? n->lang : SLOG_LANG_EN;
    return n ? n->n : 0;
}

int slog_weekday_number(const char *s, size_t a, size_t b, int *lang)
{
    static const char names[7][3] = {"mo", "tu", "we", "th", "fr", "sa", "su"};
    const named_number *n = find_name(OTHER_WEEKDAYS, COUNT(OTHER_WEEKDAYS), s, a, b);
    if (n) {
        *lang = n->lang;
        return n->n;
    }
    *lang = SLOG_LANG_EN;
    char k0 = (char)(s[a] | 0x20), k1 = (char)(s[a + 1] | 0x20);
    for (int d = 0; d < 7; d++)
        if (names[d][0] == k0 && names[d][1] == k1)
            return d;
    return -1;
}

/* The characters that name a weekday in Japanese (月 is Monday), Korean and
 * Chinese (一 is Monday, after 星期, 周, 週, 礼拜 or 禮拜). */
static const char *const CJK_DAYS[3][8] = {
    {"月", "火", "水", "木", "金", "土", "日", NULL},
    {"월", "화", "수", "목", "금", "토", "일", NULL},
    {"一", "二", "三", "四", "五", "六", "日", "天"},
};

int slog_cjk_weekday(const char *s, size_t a, size_t b, size_t *at, int *lang)
{
    static const char *const zh_prefix[] = {"星期", "周", "週", "礼拜", "禮拜"};
    for (size_t i = a; i < b; i++) {
        for (size_t p = 0; p < COUNT(zh_prefix); p++) {
            size_t n = strlen(zh_prefix[p]);
            if (i + n + 3 <= b && memcmp(s + i, zh_prefix[p], n) == 0)
                for (int d = 0; d < 8; d++)
                    if (memcmp(s + i + n, CJK_DAYS[2][d], 3) == 0) {
                        *at = i + n;
                        *lang = SLOG_LANG_ZH;
                        return d < 7 ? d : 6;
                    }
        }
        for (int script = 0; script < 2; script++)
            for (int d = 0; d < 7; d++)
                if (i + 3 <= b && memcmp(s + i, CJK_DAYS[script][d], 3) == 0) {
                    *at = i;
                    *lang = script ? SLOG_LANG_KO : SLOG_LANG_JA;
                    return d;
                }
    }
    return -1;
}

const char *slog_month_name(int lang, int month)
{
    static const char *const english[] = {"january",   "february", "march",    "april",
                                          "may",       "june",     "july",     "august",
                                          "september", "october",  "november", "december"};
    if (month < 1 || month > 12)
        return "";
    for (size_t i = 0; lang != SLOG_LANG_EN && i < COUNT(OTHER_MONTHS); i++)
        if (OTHER_MONTHS[i].lang == lang && OTHER_MONTHS[i].n == month)
            return OTHER_MONTHS[i].name;
    /* the names a language shares with another (Dutch "april") */
    for (size_t i = 0; lang == SLOG_LANG_NL && i < COUNT(OTHER_MONTHS); i++)
        if (OTHER_MONTHS[i].lang == SLOG_LANG_DE && OTHER_MONTHS[i].n == month)
            return OTHER_MONTHS[i].name;
    return english[month - 1];
}

const char *slog_weekday_name(int lang, int weekday)
{
    static const char *const english[] = {"monday", "tuesday",  "wednesday", "thursday",
                                          "friday", "saturday", "sunday"};
    if (weekday < 0 || weekday > 6)
        return "";
    if (lang == SLOG_LANG_JA || lang == SLOG_LANG_KO || lang == SLOG_LANG_ZH)
        return CJK_DAYS[lang - SLOG_LANG_JA][weekday];
    for (size_t i = 0; lang != SLOG_LANG_EN && i < COUNT(OTHER_WEEKDAYS); i++)
        if (OTHER_WEEKDAYS[i].lang == lang && OTHER_WEEKDAYS[i].n == weekday)
            return OTHER_WEEKDAYS[i].name;
    return english[weekday];
}

/* 12-hour clock: "12 am" is midnight, "12 pm" noon. */
