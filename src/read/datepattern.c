/* SPDX-License-Identifier: BSD-2-Clause */
/* The default date pattern (SLOG_DATE_PATTERN, joined by config.c) and the
 * year pattern, one PCRE2 pattern each: what datefind.c reads dates with.
 * The names of months and weekdays are spelled out here; their numbers are
 * datenames.c's. */
#include "config_internal.h"

#include <stddef.h>

#define WEEKDAY                                                                                    \
    "(?i:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday|s)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?"       \
    "|sat(?:urday)?|sun(?:day)?|" WEEKDAY_OTHER ")(?![a-z])"
#define MONTH                                                                                      \
    "(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"             \
    "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])"
/* Full month and weekday names of German, French, Spanish, Italian,
 * Portuguese and Dutch (with and without their accents), matched only as
 * whole words: "9. März 2026", "lundi 9 mars 2026", "9 de marzo de 2026".
 * Their abbreviations are left out: "9 out of 10" is no date. The names
 * themselves, and their numbers, are in the tables below. */
#define MONTH_OTHER                                                                                \
    "(?i:j(?:anuar|änner|anvier|aneiro|anuari)|f(?:ebruar[i]?|évrier|evrier|ebrero|ebbraio"      \
    "|evereiro)|m(?:ärz|aerz|arz|ars|arzo|arço|arco|aart|ai|ayo|aggio|aio|ei)|a(?:pril[e]?|vril" \
    "|bril|oût|out|gosto|ugust(?:us)?)|j(?:uni[o]?|uin|uillet|unho|uli[o]?|ulho)|g(?:ennaio"      \
    "|iugno)|luglio|s(?:eptemb(?:er|re)|eptiembre|etiembre|ettembre|etembro)|o(?:ktober|ctobre"    \
    "|ctubre|ttobre|utubro)|n(?:ovemb(?:er|re)|oviembre|ovembro)|d(?:ezember|écembre|ecembre"     \
    "|iciembre|icembre|ezembro|ecember)|enero|" MONTH_MORE ")(?!\\p{L})"
/* The abbreviations of those names that are no English month's: a date
 * only with a day before and a year after ("05 Ene 2026", "12 Okt. 2025",
 * "12 out 2025", "3 окт. 2025" — "9 out of 10" is none). */
#define MONTH_ABBR_OTHER                                                                             \
    "(?i:ene|abr|ago|dic|okt|mrz|dez|ott|out|set|fev|gen|mag|giu|lug|janv|f[ée]vr|avr|juil|d[ée]c" \
    "|янв|фев|мар|апр|июн|июл|авг|сен|окт|ноя|дек)(?!\\p{L})(?=\\.?[ \\t]+[0-9]{4}(?![0-9]))"
/* Turkish, Polish, Russian, Ukrainian, Swedish, Indonesian and Czech:
 * the names a date is written with (Slavic months in the genitive, "3
 * февраля 2026", and in the nominative). */
#define MONTH_MORE                                                                                 \
    "ocak|şubat|s(?:ubat|tycz(?:e[ńn]|nia)|ierp(?:ie[ńn]|nia)|rpna)|m(?:art|ay[ıi]s"           \
    "|ar(?:zec|ca)|aja?|aret)|nisan|haziran|temmuz|a(?:[ğg]ustos|ral[ıi]k|ugusti|gustus)"        \
    "|e(?:yl[üu]l|kim)|k(?:as[ıi]m|wie(?:cie[ńn]|tnia)|v[ěe]tna)|l(?:ut(?:y|ego)|ip(?:iec"     \
    "|ca)|istopad[au]?|edna)|c(?:zerw(?:iec|ca)|ervna|ervence)|wrze(?:sie[ńn]|[śs]nia)"          \
    "|p(?:a[źz]dziernika?|rosince)|grud(?:zie[ńn]|nia)|январ[ья]|феврал[ья]"      \
    "|м(?:арта?|а[йя])|а(?:прел[ья]|вгуста?)|и(?:юн[ья]|юл[ья])"     \
    "|с(?:ентябр[ья]|іч(?:ень|ня)|ерп(?:ень|ня))|октябр[ья]"       \
    "|ноябр[ья]|декабр[ья]|л(?:ют(?:ий|ого)|ип(?:ень|ня)"            \
    "|истопада?)|берез(?:ень|ня)|квіт(?:ень|ня)|трав(?:ень"      \
    "|ня)|черв(?:ень|ня)|верес(?:ень|ня)|жовт(?:ень|ня)"             \
    "|груд(?:ень|ня)|d(?:esember|ubna)|února|unora|b[řr]ezna|č(?:ervna|ervence)"       \
    "|z[áa][řr][íi]|ř[íi]jna|r[íi]jna"
#define WEEKDAY_OTHER                                                                              \
    "m(?:ontag|ittwoch|ardi|ercredi|artes|i[ée]rcoles|arted[ìi]|ercoled[ìi]|aandag"             \
    "|[åa]ndag|inggu)|d(?:ienstag|onnerstag|imanche|omingo|omenica|insdag|onderdag)"              \
    "|f(?:reitag|redag)|s(?:amstag|onnabend|onntag|amedi|[áa]bado|abato|egunda(?:-feira)?"        \
    "|exta(?:-feira)?|al[ıi]|roda|obota|[öo]ndag|enin|elasa|abtu|t[řr]eda)|l(?:undi|unes"       \
    "|uned[ìi]|[öo]rdag)|j(?:eudi|ueves|um['’]?at)|v(?:endredi|iernes|enerd[ìi]|rijdag)"      \
    "|gioved[ìi]|t(?:er[çc]a(?:-feira)?|isdag|orsdag)|q(?:uarta(?:-feira)?"                      \
    "|uinta(?:-feira)?)|w(?:oensdag|torek)|z(?:aterdag|ondag)|p(?:azartesi|er[şs]embe|azar"       \
    "|oniedzia[łl]ek|i[ąa]tek|ond[ěe]l[íi]|[áa]tek)|çar[şs]amba|c(?:ar[şs]amba"            \
    "|uma(?:rtesi)?|zwartek|tvrtek)|środa|n(?:iedziela|ed[ěe]le)|п(?:онедельник"      \
    "|ятница|онеділок|['’]ятниця)|в(?:торник"                         \
    "|оскресенье|івторок)|с(?:реда|уббота|ереда|убота)"      \
    "|ч(?:етверг|етвер)|неділя|onsdag|rabu|kamis|úter[ýy]|uter[ýy]"           \
    "|čtvrtek"
/* 2026年3月9日（月）, 2026년 3월 9일 (월), 2026年3月9日 星期一; the year may be left out. */
#define CJK_WEEKDAY_JA "[月火水木金土日]"
#define CJK_WEEKDAY_KO "[월화수목금토일]"
#define CJK_WEEKDAY_ZH "(?:星期|周|週|礼拜|禮拜)[一二三四五六日天]"
#define CJK_WEEKDAY                                                                                 \
    "(?:[（(](?:" CJK_WEEKDAY_JA "(?:曜日?)?|" CJK_WEEKDAY_KO "(?:요일)?|" CJK_WEEKDAY_ZH ")[)）]" \
    "|" CJK_WEEKDAY_JA "曜日|" CJK_WEEKDAY_KO "요일|" CJK_WEEKDAY_ZH ")"
#define ORDINAL "(?i:st|nd|rd|th)?"
#define DAY "(?:0?[1-9]|[12][0-9]|3[01])(?![0-9])" /* a day of a month */
/* "–13" after a day: the end of a range of days, written without spaces
 * (with them, "Mar 9 - 14:00" is a date and a time) */
#define DAY_RANGE_END "(?:[-\\x{2013}][0-9]{1,2}" ORDINAL "(?![0-9:]))?"
/* " - 13, 2026", " – February 1, 2026": the end of a range of days written
 * with spaces, its year after it (so "Mar 9 - 14:00" stays a date and a
 * time, "Mar 9 - 2 PM" too) */
#define SPACED_RANGE_END                                                                           \
    "(?:[ \\t]*[-\\x{2013}][ \\t]*(?:(?<rm1>" MONTH ")\\.?[ \\t]+)?[0-9]{1,2}" ORDINAL             \
    "(?![0-9:])(?=,?[ \\t]+[0-9]{4}(?![0-9])))?"
#define AMPM "(?i:[ap]\\.?m\\.?)(?![a-z])"
/* The zones dates.c knows, longest first where one is a prefix of another;
 * offsets after UTC or GMT may leave out the minutes ("UTC+2", "GMT-05"),
 * and so may one right after the time ("T10:00+01", ISO 8601's hours) or a
 * space after it ("2026-01-05 10:00 -03"); an offset may be followed by a
 * stray "Z" ("+00:00Z"), and a zone may be named as in the tz database
 * ("(America/Edmonton)": kept, its offset unknown). */
#define ZONE                                                                                       \
    "(?:(?:UTC|GMT)[+-][0-9]{1,2}(?::?[0-9]{2})?|[+-][0-9]{2}:?[0-9]{2}Z?"                         \
    "|(?<=[0-9])[+-][0-9]{2}(?![0-9:])|(?<=[0-9] )[+-][0-9]{2}(?![0-9:.])|UTC|GMT|WEST|WET|BST|"   \
    "CEST|CET|EEST|EET|MSK|IST|JST"                                                                \
    "|KST|AEST|AEDT|NZST|NZDT|HST|AKST|AKDT|PST|PDT|MST|MDT|CST|CDT|EST|EDT|AST|ADT|NST|NDT"       \
    "|PT|MT|CT|ET|Z"                                                                               \
    "|(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)"                 \
    "/[A-Z][A-Za-z_]+(?:/[A-Z][A-Za-z_]+)?)"                                                       \
    "(?![A-Za-z0-9])"

/* Named groups, in the order the pattern has them. The pattern is written
 * in parts that config.c joins: one string literal of its length is more
 * than C compilers must accept. */
const char *const SLOG_DATE_PATTERN[] = {
    /* a time written before the date: "# 2:30 PM 8/23/2023", "07:56:10 2023/09/04" */
    "(?:(?<![0-9:.])(?<pth>[0-9]{1,2}):(?<ptm>[0-9]{2})(?::(?<pts>[0-9]{2}))?"
    "(?:[ \\t]*(?<pap>" AMPM "))?[ \\t]+(?=[0-9]))?"
    "(?:(?<![A-Za-z])(?<wd>" WEEKDAY ")\\.?,?[ \\t]+)?"
    "(?:"
    /* 2026-03-09, 2026/03/09, 2026.03.09 */
    "(?<![0-9A-Za-z])(?<iy>[0-9]{4})(?<isep>[-/.])(?<im>[0-9]{1,2})"
    "(?:\\k<isep>|(?<=[0-9]/[0-9]|[0-9]/[0-9]{2})-)(?<id>[0-9]{1,2})" /* "2025/07-21" too */
    "(?!\\k<isep>[0-9]{1,2}(?![0-9]))(?!\\k<isep>[0-9]{4})"           /* "2025.1.2.3" is a version;
                                                                    "2025-10-27-009" numbers a record,
                                                                    "2026-01-30-183800" is no date */
    /* Mar 9, 2026 / March 9th / MARCH 9 2026 / Mar 9–13, 2026 (a range of days) */
    /* (glued, "Oct13-19, 2025", only before a year) */
    "|(?<![0-9A-Za-z])(?<m1>" MONTH ")\\.?(?:[ \\t]+|(?=[0-9]{1,2}(?:[-\\x{2013}](?:" MONTH
    ")?[0-9]{1,2})?,?[ "
    "\\t]+[0-9]{4}(?![0-9])))(?<d1>[0-9]{1,2})" ORDINAL "(?![0-9])" DAY_RANGE_END SPACED_RANGE_END
    /* the year: "June 28,2023", "August 30 , 2018", "Mar 3rd '23" */
    "(?:(?:[ \\t]*,[ \\t]*|[ \\t]+)(?<y1>[0-9]{4}|['\\x{2019}][0-9]{2}(?![0-9])))?"
    /* 9 March 2026 / 3rd of March / 9 Mar / 07-Mar-2026 / 9–13 March 2026 */
    "|(?<![0-9A-Za-z.])(?<d2>[0-9]{1,2})" ORDINAL DAY_RANGE_END
    "(?:[ \\t]+(?:of[ \\t]+)?|-|/(?=" MONTH "/))(?<m2>" MONTH ")\\.?"
    /* "3 March – 7 March 2025": a range's end in another month or the same,
     * its year after it */
    "(?:[ \\t]*[-\\x{2013}][ \\t]*[0-9]{1,2}" ORDINAL "[ \\t]+" MONTH
    "\\.?(?=,?[ \\t]+[0-9]{4}(?![0-9])))?"
    "(?:(?:,?[ \\t]+|-|/)(?<y2>[0-9]{4}))?"
    /* 3/9/2026, 9.3.2026, 09-03-2026 (read as the slashed form) */
    "|(?<![0-9A-Za-z/.-])(?<n1>[0-9]{1,2})(?<nsep>[/.-])(?<n2>[0-9]{1,2})\\k<nsep>"
    "(?<n3>[0-9]{4}|[0-9]{2}(?![0-9]))" /* 11/11/25: a two-digit year (slashes only, below) */
    "(?!\\k<nsep>[0-9])"                /* "1.2.2025.4" is a version */
    ,
    /* 9. März 2026, 1er mars 2026, 9 de marzo de 2026 */
    "|(?<![0-9A-Za-z.])(?<fd>[0-9]{1,2})(?:(?<fdot>\\.)|(?i:er))?"
    "(?(fdot)(?:[ \\t]*[-\\x{2013}][ \\t]*[0-9]{1,2}\\.(?=[ \\t]))?" /* "14. - 17. Januar" */
    "|(?:[ \\t]+(?i:y|e|et|und|i)[ \\t]+[0-9]{1,2}(?![0-9])" /* "16 y 17 de Mayo": the first */
    "|[ \\t]*[-\\x{2013}][ \\t]*[0-9]{1,2}(?![0-9]))?)"      /* "23-26 août 2017" */
    "[ \\t]+(?:(?i:de)[ "
    "\\t]+)?(?<fm>" MONTH_OTHER "|" MONTH_ABBR_OTHER
    ")\\.?(?:,?[ \\t]+(?:(?i:de|del)[ \\t]+)?(?<fy>[0-9]{4}))?"
    /* 14 - 17 January 2026: a range of days with spaces, not after a word
     * ("Day 5 - 9 March" is day 5's date, 9 March) nor after a number and a
     * dash ("Week 2023-48 - 26 Nov-2 Dec": week 48 is no day) */
    "|(?<![0-9A-Za-z.])(?<![A-Za-z][ \\t])(?<![0-9][-/.])(?<d4>" DAY ")" ORDINAL
    "[ \\t]*[-\\x{2013}][ \\t]*" DAY ORDINAL "[ \\t]+(?:of[ \\t]+)?(?<m4>" MONTH
    ")\\.?(?:(?:,?[ \\t]+|-|/)(?<y4>[0-9]{4}))?"
    /* 20260309 as a word of its own (not "#20260309", "v1.20260309"); 201111
     * (YYMMDD) in brackets only */
    "|(?<![0-9A-Za-z_.#/"
    ":+\\-])(?<ky>(?:19|20)[0-9]{2})(?<km>0[1-9]|1[0-2])(?<kd>0[1-9]|[12][0-9]|3[01])"
    "(?![0-9A-Za-z_])"
    "|(?<=[(\\[])(?<ky6>[0-9]{2})(?<km6>0[1-9]|1[0-2])(?<kd6>0[1-9]|[12][0-9]|3[01])(?=[)\\]])"
    /* year-less, dotted, day first: "31.03.", "Mo, 3.04." (the month in two
     * digits and the dot after it: "1.2." numbers a section, "16.04" is a
     * version) */
    "|(?<![0-9A-Za-z.])(?<yd>[0-9]{1,2})\\.(?<ym>0[1-9]|1[0-2])\\.(?![0-9])"
    /* year-less, month and day in numbers: "### 8-28", "### 12/3", "# 11 / 15" — a date
     * only as the whole text (datefind.c), else a range or a fraction */
    "|(?<![0-9A-Za-z./-])(?<ua>[0-9]{1,2})(?:[-/]|[ \\t]+/[ \\t]+)(?<ub>[0-9]{1,2})(?![0-9./-])"
    /* the year first, then a month's name: "2019 Feb 28", "2024 March 3rd" */
    "|(?<![0-9A-Za-z.])(?<yny>(?:19|20)[0-9]{2})[ \\t]+(?<ynm>" MONTH ")\\.?[ \\t]+"
    "(?<ynd>[0-9]{1,2})" ORDINAL "(?![0-9])"
    /* Korean dotted: 2026. 3. 12. */
    "|(?<![0-9A-Za-z.])(?<kdy>[0-9]{4})\\.[ \\t]+(?<kdm>[0-9]{1,2})\\.[ \\t]+(?<kdd>[0-9]{1,2})\\.?"
    /* 2026年3月9日, 2026년 3월 9일, 3月9日 */
    "|(?<![0-9])(?:(?<cy>[0-9]{4})[ \\t]*[年년][ \\t]*)?(?<cm>[0-9]{1,2})[ \\t]*[月월][ \\t]*"
    "(?<cd>[0-9]{1,2})(?![0-9])[ \\t]*[日일号號]?"
    ")(?![0-9])",
    /* a weekday after the date: "March 9, 2026 (Monday)", "2026-03-09, Mon", "3月9日（月）" */
    /* and after a dash when written whole: "3 Şubat 2026 - Salı" */
    "(?:(?:[ \\t]*,?[ \\t]*|[ \\t]+[-\\x{2013}\\x{2014}][ "
    "\\t]+(?=\\p{L}{4}))(?<wp>\\([ \\t]*)?(?<wd2>" WEEKDAY ")(?(wp)[ \\t]*\\))"
    "(?:[ \\t]+(?i:y|e|et|und|and|i|&)[ \\t]+" WEEKDAY ")?" /* "Sábado y Domingo": a range's days */
    "|[ \\t]*(?<cw>" CJK_WEEKDAY "))?"
    /* a time: "T14:51:03", " 14:51", ", 2:30 p.m.", " at 2 PM", " 1:00-2:15 PM" */
    "(?:(?:(?<tt>T)|[ \\t]*(?:,|at|@|[-\\x{2013}\\x{2014}|])?[ \\t]*(?<tpar>\\()?)"
    "(?:~[ \\t]*)?" /* an approximate time: "~13:00", "T~20:30Z" */
    "(?:(?<th>[0-9]{1,2}):(?<tm>[0-9]{2})(?::(?<ts>[0-9]{2})(?:[.,][0-9]+)?)?(?![0-9])"
    "(?:[ \\t]*(?<ap>" AMPM "))?"
    "|(?<th2>[0-9]{1,2})[ \\t]*(?<ap2>" AMPM "))"
    /* the end of a range ("20:00-20:12", "9:00–9:45 PST", "1-2 PM"): the dash
     * never starts a zone, but after ISO's T it does ("T12:34:56-06:00") */
    "(?(tt)|(?:[ \\t]*[-\\x{2013}\\x{2014}][ \\t]*[0-9]{1,2}(?:(?::[0-9]{2}){1,2}(?:[ "
    "\\t]*(?<ap3>" AMPM "))?"
    "|[ \\t]*(?<ap4>" AMPM "))(?![0-9]))?)"
    "(?:[ \\t]*(?<zp>\\()?(?<zone>" ZONE ")(?(zp)\\)))?"
    "(?(tpar)[ \\t]*\\))" /* "2026-03-02 (14:30)": the time in brackets */
    /* `date`'s own format puts the year last: "Mon Sep 29 14:00:22 MDT 2025" */
    "(?:[ \\t]+(?<y3>[0-9]{4})(?![0-9]))?"
    ")?",
    NULL};

/* What gives year-less dates below it a year besides full dates: a line (a
 * heading, a bold line) that is only a year, or a month, quarter, half or
 * week and a year: "## March 2026", "**März 2026**", "## 2026年3月", "## Q1
 * 2026", "## Week 2, 2026", "## 2026". A year in running text or in a
 * longer heading is too often another year's or no year at all ("since
 * the March 2025 release", "## Item 2041"). */
#define YEAR "(?:19|20)[0-9]{2}(?![0-9])"
const char *const SLOG_YEAR_PATTERN =
    "^[ ]{0,3}(?:\\#{1,6}[ \\t]+)?[^\\p{L}\\p{N}\\n]*+" /* possessive: no backtracking */
    "(?:(?:" MONTH "|" MONTH_OTHER ")\\.?,?[ \\t]+(?:(?i:de|del)[ \\t]+)?(?<my>" YEAR ")"
    "|(?<hy>" YEAR ")(?:[ \\t]*[年년](?:[ \\t]*[0-9]{1,2}[ \\t]*[月월])?)?"
    "|(?i:[QH][1-4]|W[0-9]{1,2}|week[ \\t]*[0-9]{1,2},?)[ \\t]+(?<qy>" YEAR ")"
    "|(?<yq>" YEAR ")[ \\t]+(?i:[QH][1-4]|W[0-9]{1,2}))"
    "[^\\p{L}\\p{N}\\n]*+$";
