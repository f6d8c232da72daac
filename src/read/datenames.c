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
    {"januar", 1, SLOG_LANG_DE},
    {"jänner", 1, SLOG_LANG_DE},
    {"februar", 2, SLOG_LANG_DE},
    {"märz", 3, SLOG_LANG_DE},
    {"maerz", 3, SLOG_LANG_DE},
    {"marz", 3, SLOG_LANG_DE},
    {"april", 4, SLOG_LANG_DE},
    {"mai", 5, SLOG_LANG_DE},
    {"juni", 6, SLOG_LANG_DE},
    {"juli", 7, SLOG_LANG_DE},
    {"august", 8, SLOG_LANG_DE},
    {"september", 9, SLOG_LANG_DE},
    {"oktober", 10, SLOG_LANG_DE},
    {"november", 11, SLOG_LANG_DE},
    {"dezember", 12, SLOG_LANG_DE},
    {"janvier", 1, SLOG_LANG_FR},
    {"février", 2, SLOG_LANG_FR},
    {"fevrier", 2, SLOG_LANG_FR},
    {"mars", 3, SLOG_LANG_FR},
    {"avril", 4, SLOG_LANG_FR},
    {"mai", 5, SLOG_LANG_FR},
    {"juin", 6, SLOG_LANG_FR},
    {"juillet", 7, SLOG_LANG_FR},
    {"août", 8, SLOG_LANG_FR},
    {"aout", 8, SLOG_LANG_FR},
    {"septembre", 9, SLOG_LANG_FR},
    {"octobre", 10, SLOG_LANG_FR},
    {"novembre", 11, SLOG_LANG_FR},
    {"décembre", 12, SLOG_LANG_FR},
    {"decembre", 12, SLOG_LANG_FR},
    {"enero", 1, SLOG_LANG_ES},
    {"febrero", 2, SLOG_LANG_ES},
    {"marzo", 3, SLOG_LANG_ES},
    {"abril", 4, SLOG_LANG_ES},
    {"mayo", 5, SLOG_LANG_ES},
    {"junio", 6, SLOG_LANG_ES},
    {"julio", 7, SLOG_LANG_ES},
    {"agosto", 8, SLOG_LANG_ES},
    {"septiembre", 9, SLOG_LANG_ES},
    {"setiembre", 9, SLOG_LANG_ES},
    {"octubre", 10, SLOG_LANG_ES},
    {"noviembre", 11, SLOG_LANG_ES},
    {"diciembre", 12, SLOG_LANG_ES},
    {"gennaio", 1, SLOG_LANG_IT},
    {"febbraio", 2, SLOG_LANG_IT},
    {"aprile", 4, SLOG_LANG_IT},
    {"maggio", 5, SLOG_LANG_IT},
    {"giugno", 6, SLOG_LANG_IT},
    {"luglio", 7, SLOG_LANG_IT},
    {"settembre", 9, SLOG_LANG_IT},
    {"ottobre", 10, SLOG_LANG_IT},
    {"dicembre", 12, SLOG_LANG_IT},
    {"janeiro", 1, SLOG_LANG_PT},
    {"fevereiro", 2, SLOG_LANG_PT},
    {"março", 3, SLOG_LANG_PT},
    {"marco", 3, SLOG_LANG_PT},
    {"maio", 5, SLOG_LANG_PT},
    {"junho", 6, SLOG_LANG_PT},
    {"julho", 7, SLOG_LANG_PT},
    {"setembro", 9, SLOG_LANG_PT},
    {"outubro", 10, SLOG_LANG_PT},
    {"novembro", 11, SLOG_LANG_PT},
    {"dezembro", 12, SLOG_LANG_PT},
    {"januari", 1, SLOG_LANG_NL},
    {"februari", 2, SLOG_LANG_NL},
    {"maart", 3, SLOG_LANG_NL},
    {"mei", 5, SLOG_LANG_NL},
    {"augustus", 8, SLOG_LANG_NL},
    {"december", 12, SLOG_LANG_NL},
    {"ocak", 1, SLOG_LANG_TR},
    {"şubat", 2, SLOG_LANG_TR},
    {"subat", 2, SLOG_LANG_TR},
    {"mart", 3, SLOG_LANG_TR},
    {"nisan", 4, SLOG_LANG_TR},
    {"mayıs", 5, SLOG_LANG_TR},
    {"mayis", 5, SLOG_LANG_TR},
    {"haziran", 6, SLOG_LANG_TR},
    {"temmuz", 7, SLOG_LANG_TR},
    {"ağustos", 8, SLOG_LANG_TR},
    {"agustos", 8, SLOG_LANG_TR},
    {"eylül", 9, SLOG_LANG_TR},
    {"eylul", 9, SLOG_LANG_TR},
    {"ekim", 10, SLOG_LANG_TR},
    {"kasım", 11, SLOG_LANG_TR},
    {"kasim", 11, SLOG_LANG_TR},
    {"aralık", 12, SLOG_LANG_TR},
    {"aralik", 12, SLOG_LANG_TR},
    {"stycznia", 1, SLOG_LANG_PL},
    {"styczeń", 1, SLOG_LANG_PL},
    {"styczen", 1, SLOG_LANG_PL},
    {"lutego", 2, SLOG_LANG_PL},
    {"luty", 2, SLOG_LANG_PL},
    {"marca", 3, SLOG_LANG_PL},
    {"marzec", 3, SLOG_LANG_PL},
    {"kwietnia", 4, SLOG_LANG_PL},
    {"kwiecień", 4, SLOG_LANG_PL},
    {"kwiecien", 4, SLOG_LANG_PL},
    {"maja", 5, SLOG_LANG_PL},
    {"maj", 5, SLOG_LANG_PL},
    {"czerwca", 6, SLOG_LANG_PL},
    {"czerwiec", 6, SLOG_LANG_PL},
    {"lipca", 7, SLOG_LANG_PL},
    {"lipiec", 7, SLOG_LANG_PL},
    {"sierpnia", 8, SLOG_LANG_PL},
    {"sierpień", 8, SLOG_LANG_PL},
    {"sierpien", 8, SLOG_LANG_PL},
    {"września", 9, SLOG_LANG_PL},
    {"wrzesnia", 9, SLOG_LANG_PL},
    {"wrzesień", 9, SLOG_LANG_PL},
    {"wrzesien", 9, SLOG_LANG_PL},
    {"października", 10, SLOG_LANG_PL},
    {"pazdziernika", 10, SLOG_LANG_PL},
    {"październik", 10, SLOG_LANG_PL},
    {"pazdziernik", 10, SLOG_LANG_PL},
    {"listopada", 11, SLOG_LANG_PL},
    {"listopad", 11, SLOG_LANG_PL},
    {"grudnia", 12, SLOG_LANG_PL},
    {"grudzień", 12, SLOG_LANG_PL},
    {"grudzien", 12, SLOG_LANG_PL},
    {"января", 1, SLOG_LANG_RU},
    {"январь", 1, SLOG_LANG_RU},
    {"февраля", 2, SLOG_LANG_RU},
    {"февраль", 2, SLOG_LANG_RU},
    {"марта", 3, SLOG_LANG_RU},
    {"март", 3, SLOG_LANG_RU},
    {"апреля", 4, SLOG_LANG_RU},
    {"апрель", 4, SLOG_LANG_RU},
    {"мая", 5, SLOG_LANG_RU},
    {"май", 5, SLOG_LANG_RU},
    {"июня", 6, SLOG_LANG_RU},
    {"июнь", 6, SLOG_LANG_RU},
    {"июля", 7, SLOG_LANG_RU},
    {"июль", 7, SLOG_LANG_RU},
    {"августа", 8, SLOG_LANG_RU},
    {"август", 8, SLOG_LANG_RU},
    {"сентября", 9, SLOG_LANG_RU},
    {"сентябрь", 9, SLOG_LANG_RU},
    {"октября", 10, SLOG_LANG_RU},
    {"октябрь", 10, SLOG_LANG_RU},
    {"ноября", 11, SLOG_LANG_RU},
    {"ноябрь", 11, SLOG_LANG_RU},
    {"декабря", 12, SLOG_LANG_RU},
    {"декабрь", 12, SLOG_LANG_RU},
    {"січня", 1, SLOG_LANG_UK},
    {"січень", 1, SLOG_LANG_UK},
    {"лютого", 2, SLOG_LANG_UK},
    {"лютий", 2, SLOG_LANG_UK},
    {"березня", 3, SLOG_LANG_UK},
    {"березень", 3, SLOG_LANG_UK},
    {"квітня", 4, SLOG_LANG_UK},
    {"квітень", 4, SLOG_LANG_UK},
    {"травня", 5, SLOG_LANG_UK},
    {"травень", 5, SLOG_LANG_UK},
    {"червня", 6, SLOG_LANG_UK},
    {"червень", 6, SLOG_LANG_UK},
    {"липня", 7, SLOG_LANG_UK},
    {"липень", 7, SLOG_LANG_UK},
    {"серпня", 8, SLOG_LANG_UK},
    {"серпень", 8, SLOG_LANG_UK},
    {"вересня", 9, SLOG_LANG_UK},
    {"вересень", 9, SLOG_LANG_UK},
    {"жовтня", 10, SLOG_LANG_UK},
    {"жовтень", 10, SLOG_LANG_UK},
    {"листопада", 11, SLOG_LANG_UK},
    {"листопад", 11, SLOG_LANG_UK},
    {"грудня", 12, SLOG_LANG_UK},
    {"грудень", 12, SLOG_LANG_UK},
    {"augusti", 8, SLOG_LANG_SV},
    {"maret", 3, SLOG_LANG_ID},
    {"agustus", 8, SLOG_LANG_ID},
    {"desember", 12, SLOG_LANG_ID},
    {"ledna", 1, SLOG_LANG_CS},
    {"února", 2, SLOG_LANG_CS},
    {"unora", 2, SLOG_LANG_CS},
    {"března", 3, SLOG_LANG_CS},
    {"brezna", 3, SLOG_LANG_CS},
    {"dubna", 4, SLOG_LANG_CS},
    {"května", 5, SLOG_LANG_CS},
    {"kvetna", 5, SLOG_LANG_CS},
    {"června", 6, SLOG_LANG_CS},
    {"cervna", 6, SLOG_LANG_CS},
    {"července", 7, SLOG_LANG_CS},
    {"cervence", 7, SLOG_LANG_CS},
    {"srpna", 8, SLOG_LANG_CS},
    {"září", 9, SLOG_LANG_CS},
    {"zari", 9, SLOG_LANG_CS},
    {"října", 10, SLOG_LANG_CS},
    {"rijna", 10, SLOG_LANG_CS},
    {"listopadu", 11, SLOG_LANG_CS},
    {"prosince", 12, SLOG_LANG_CS},
    /* abbreviations (a date only before a year: datepattern.c) */
    {"ene", 1, SLOG_LANG_ES},
    {"abr", 4, SLOG_LANG_ES},
    {"ago", 8, SLOG_LANG_ES},
    {"dic", 12, SLOG_LANG_ES},
    {"set", 9, SLOG_LANG_ES},
    {"okt", 10, SLOG_LANG_DE},
    {"mrz", 3, SLOG_LANG_DE},
    {"dez", 12, SLOG_LANG_DE},
    {"ott", 10, SLOG_LANG_IT},
    {"gen", 1, SLOG_LANG_IT},
    {"mag", 5, SLOG_LANG_IT},
    {"giu", 6, SLOG_LANG_IT},
    {"lug", 7, SLOG_LANG_IT},
    {"out", 10, SLOG_LANG_PT},
    {"fev", 2, SLOG_LANG_PT},
    {"janv", 1, SLOG_LANG_FR},
    {"févr", 2, SLOG_LANG_FR},
    {"fevr", 2, SLOG_LANG_FR},
    {"avr", 4, SLOG_LANG_FR},
    {"juil", 7, SLOG_LANG_FR},
    {"déc", 12, SLOG_LANG_FR},
    {"dec", 12, SLOG_LANG_FR},
    {"янв", 1, SLOG_LANG_RU},
    {"фев", 2, SLOG_LANG_RU},
    {"мар", 3, SLOG_LANG_RU},
    {"апр", 4, SLOG_LANG_RU},
    {"июн", 6, SLOG_LANG_RU},
    {"июл", 7, SLOG_LANG_RU},
    {"авг", 8, SLOG_LANG_RU},
    {"сен", 9, SLOG_LANG_RU},
    {"окт", 10, SLOG_LANG_RU},
    {"ноя", 11, SLOG_LANG_RU},
    {"дек", 12, SLOG_LANG_RU},
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
    {"zondag", 6, SLOG_LANG_NL},        {"pazartesi", 0, SLOG_LANG_TR},
    {"salı", 1, SLOG_LANG_TR},          {"sali", 1, SLOG_LANG_TR},
    {"çarşamba", 2, SLOG_LANG_TR},      {"carsamba", 2, SLOG_LANG_TR},
    {"perşembe", 3, SLOG_LANG_TR},      {"persembe", 3, SLOG_LANG_TR},
    {"cuma", 4, SLOG_LANG_TR},          {"cumartesi", 5, SLOG_LANG_TR},
    {"pazar", 6, SLOG_LANG_TR},         {"poniedziałek", 0, SLOG_LANG_PL},
    {"poniedzialek", 0, SLOG_LANG_PL},  {"wtorek", 1, SLOG_LANG_PL},
    {"środa", 2, SLOG_LANG_PL},         {"sroda", 2, SLOG_LANG_PL},
    {"czwartek", 3, SLOG_LANG_PL},      {"piątek", 4, SLOG_LANG_PL},
    {"piatek", 4, SLOG_LANG_PL},        {"sobota", 5, SLOG_LANG_PL},
    {"niedziela", 6, SLOG_LANG_PL},     {"понедельник", 0, SLOG_LANG_RU},
    {"вторник", 1, SLOG_LANG_RU},       {"среда", 2, SLOG_LANG_RU},
    {"четверг", 3, SLOG_LANG_RU},       {"пятница", 4, SLOG_LANG_RU},
    {"суббота", 5, SLOG_LANG_RU},       {"воскресенье", 6, SLOG_LANG_RU},
    {"понеділок", 0, SLOG_LANG_UK},     {"вівторок", 1, SLOG_LANG_UK},
    {"середа", 2, SLOG_LANG_UK},        {"четвер", 3, SLOG_LANG_UK},
    {"п'ятниця", 4, SLOG_LANG_UK},      {"п’ятниця", 4, SLOG_LANG_UK},
    {"субота", 5, SLOG_LANG_UK},        {"неділя", 6, SLOG_LANG_UK},
    {"måndag", 0, SLOG_LANG_SV},        {"mandag", 0, SLOG_LANG_SV},
    {"tisdag", 1, SLOG_LANG_SV},        {"onsdag", 2, SLOG_LANG_SV},
    {"torsdag", 3, SLOG_LANG_SV},       {"fredag", 4, SLOG_LANG_SV},
    {"lördag", 5, SLOG_LANG_SV},        {"lordag", 5, SLOG_LANG_SV},
    {"söndag", 6, SLOG_LANG_SV},        {"sondag", 6, SLOG_LANG_SV},
    {"senin", 0, SLOG_LANG_ID},         {"selasa", 1, SLOG_LANG_ID},
    {"rabu", 2, SLOG_LANG_ID},          {"kamis", 3, SLOG_LANG_ID},
    {"jumat", 4, SLOG_LANG_ID},         {"jum'at", 4, SLOG_LANG_ID},
    {"sabtu", 5, SLOG_LANG_ID},         {"minggu", 6, SLOG_LANG_ID},
    {"pondělí", 0, SLOG_LANG_CS},       {"pondeli", 0, SLOG_LANG_CS},
    {"úterý", 1, SLOG_LANG_CS},         {"utery", 1, SLOG_LANG_CS},
    {"středa", 2, SLOG_LANG_CS},        {"streda", 2, SLOG_LANG_CS},
    {"čtvrtek", 3, SLOG_LANG_CS},       {"ctvrtek", 3, SLOG_LANG_CS},
    {"pátek", 4, SLOG_LANG_CS},         {"patek", 4, SLOG_LANG_CS},
    {"sobota", 5, SLOG_LANG_CS},        {"neděle", 6, SLOG_LANG_CS},
    {"nedele", 6, SLOG_LANG_CS},
};

#define COUNT(a) (sizeof(a) / sizeof *(a))

/* The lower case of the two-byte letter u (U+0080..U+07FF) of the scripts
 * the tables hold: Latin-1 (À..Þ), Latin Extended-A (Ş, Ł, Č: a capital
 * and its small letter are neighbours) and Cyrillic (Ф, Є, І). */
static unsigned lower_2byte(unsigned u)
{
    if (u >= 0xC0 && u <= 0xDE && u != 0xD7)
        return u + 0x20;
    if (u == 0x130) /* Turkish İ */
        return 'i';
    if ((u >= 0x100 && u <= 0x137) || (u >= 0x14A && u <= 0x177))
        return u | 1;
    if ((u >= 0x139 && u <= 0x148) || (u >= 0x179 && u <= 0x17E))
        return u & 1 ? u + 1 : u;
    if (u >= 0x410 && u <= 0x42F)
        return u + 0x20;
    if (u >= 0x400 && u <= 0x40F)
        return u + 0x50;
    return u;
}

/* s[a, b) in lower case (ASCII and the two-byte letters of lower_2byte)
 * into buf[cap]; 0 when it does not fit. */
static size_t fold_name(const char *s, size_t a, size_t b, char *buf, size_t cap)
{
    size_t n = 0;
    for (size_t i = a; i < b; i++) {
        unsigned ch = (unsigned char)s[i];
        if (n + 2 >= cap)
            return 0;
        if (ch >= 'A' && ch <= 'Z') {
            buf[n++] = (char)(ch | 0x20);
        } else if (ch >= 0xC2 && ch <= 0xDF && i + 1 < b &&
                   ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
            unsigned u = lower_2byte(((ch & 0x1Fu) << 6) | ((unsigned char)s[i + 1] & 0x3Fu));
            if (u < 0x80) {
                buf[n++] = (char)u; /* İ */
            } else {
                buf[n++] = (char)(0xC0 | (u >> 6));
                buf[n++] = (char)(0x80 | (u & 0x3F));
            }
            i++;
        } else {
            buf[n++] = (char)ch;
        }
    }
    buf[n] = '\0';
    return n;
}

static const named_number *find_name(const named_number *t, size_t n, const char *s, size_t a,
                                     size_t b)
{
    char k[40];
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
