/* SPDX-License-Identifier: BSD-2-Clause */
/* What a list's caption or heading says its marks mean (SPEC §1 r3: tasks
 * versus statements), and a failure fixed on its own line: the state an
 * item takes in its context. */
#include "build_internal.h"
#include "words.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* A list's caption (the short paragraph above it), else its heading,
 * says what its marks mean (SPEC §1 r3: tasks versus statements):
 * - a ❌ (or a red circle) under "What's Still Missing (Not Built Yet)",
 *   "Remaining:", "Immediate Next Steps" or "Manager Action Items" marks
 *   work not done yet, or its priority: next, not failed or blocked;
 * - a ❌ under "Impact:" or "Symptoms:" describes what a problem did, which
 *   the entry goes on to fix, and under "Approaches tried:" what did not
 *   work on the way: a note;
 * - an unmarked item under "Fixes (commit 8c84eb9):", "Resolution:" or
 *   "Solution implemented:" is a fix made: done (not under "Fixes needed");
 * - an unmarked item under "### Blockers" is work blocked (not "None"). */
enum {
    SAYS_NOT_YET = 1,
    SAYS_DESCRIBED = 2,
    SAYS_REPORTS = 4,
    SAYS_FIXES = 8,
    SAYS_PRIORITY = 16,
    SAYS_BLOCKED = 32,
    SAYS_WEIGHS = 64 /* pros and cons: "Trade-off accepted:", "Benefits" */
};

/* A caption that opens, after its markup, with "what was done" in a
 * language without ASCII letters: "完了したこと:", "已完成:", "완료:",
 * "Выполнено:". */
static int done_first(const char *t)
{
    static const char *const done[] = {"完了", "已完成", "完成", "완료", "Выполнено", "Сделано"};
    while (*t && strchr("*_`#> \t", *t))
        t++;
    for (size_t k = 0; k < sizeof done / sizeof *done; k++)
        if (!strncmp(t, done[k], strlen(done[k])))
            return 1;
    return 0;
}

/* A ✅ and a ❌ that weigh an option say what is good and bad in it:
 * "Trade-off accepted:", "Pros", "Benefits". */
static int names_weighing(const char *t)
{
    static const char *const weighs[] = {
        "trade-off",  "trade-offs",    "tradeoff",  "tradeoffs",     "pros",     "cons",
        "advantages", "disadvantages", "benefits",  "drawbacks",     "ventajas", "desventajas",
        "vorteile",   "nachteile",     "avantages", "inconvénients", "vantaggi", "svantaggi",
        "vantagens",  "desvantagens",  "优点",      "缺点",          "优势",     "メリット",
        "デメリット", "장점",          "단점",      "плюсы",         "минусы"};
    return slog_names_any(t, strlen(t), weighs, sizeof weighs / sizeof *weighs);
}

/* What a caption or heading says of its list's marks, as SAYS_* bits. */
static int says(const char *t)
{
    /* of a caption of sentences, the last introduces the list: "Fixed these
     * issues and wrote tests. The tests focus on:" (one that opens with a
     * key says what the key says: "**Fix:** Sprint kickoff. Default-on
     * rejection ...") */
    const char *first_stop = strstr(t, ". "), *colon = strchr(t, ':');
    if (first_stop && !(colon && colon < first_stop && colon - t < 30))
        for (const char *p = t; (p = strstr(p, ". ")) != NULL; p += 2)
            if (p[2] && p > t && p[-1] != '.' && !(p[-1] >= '0' && p[-1] <= '9'))
                t = p + 2;
    static const char *const not_yet[] = {
        "missing", "not built", "not yet", "remaining", "to do", "todo", "pending", "outstanding",
        "not started", "not implemented", "left to do", "action items", "next steps", "priorities",
        "next actions",
        /* the same in other languages: "Prossimi passi", "Próximos pasos", "Nächste Schritte" */
        "prossimi passi", "próximos pasos", "próximos passos", "proximos pasos",
        "prochaines étapes", "nächste schritte", "volgende stappen", "następne kroki",
        "следующие шаги", "sonraki adımlar", "下一步", "次のステップ", "다음 단계"};
    static const char *const described[] = {
        "impact", "impacto", "impatto", "auswirkungen", "symptom", "symptoms", "before", "tried",
        "attempts", "attempted", "approaches", "didn't work", "did not work", "history", "intentos",
        "tentatives", "versuche", "尝试", "試した", "removed", "kaldırılan", "investigation",
        "hypotheses", "hypothesis", "ruled out", "diagnosis", "troubleshooting", "entfernt",
        "supprimé", "eliminado", "rimosso", "удалено", "usunięte", "decision", "decisions",
        "cleanup", "rejected", "alternatives", "considered", "limitations",
        /* "before" in other languages: "**AVANT** :", "Vorher:" */
        "avant", "vorher", "antes", "prima", "przed", "변경 전", "修正前", "変更前", "改善前",
        "修改前"};
    static const char *const reports[] = {"results", "result",      "polling",  "poll",
                                          "status",  "checks",      "findings", "observations",
                                          "outcome", "verification"};
    static const char *const fixes[] = {"fix",          "fixes",      "fixed",    "resolution",
                                        "resolved",     "solution",   "solved",   "completed",
                                        "accomplished", "finished",   "erledigt", "terminado",
                                        "done",         "completato", "afgerond", "concluido"};
    static const char *const unsure[] = {"needed",   "required", "proposed", "planned",   "todo",
                                         "to do",    "next",     "pending",  "suggested", "options",
                                         "possible", "ideas",    "candidate"};
    static const char *const ranked[] = {"priority", "priorities", "prioridad", "prioridades",
                                         "priorität", "prioritäten", "priorité", "priorités",
                                         "priorità", "prioriteit", "优先", "優先", "우선순위",
                                         /* a review's findings, ranked by severity */
                                         "発見事項", "指摘事項", "推奨事項"};
    size_t n = strlen(t);
    int bits = 0;
    /* a legend: "### 🎯 Chart legend", "Legende:", "凡例" — its colours
     * name lines of a chart, they rank or report nothing */
    static const char *const legends[] = {"legend", "legende", "leyenda", "légende", "legenda",
                                          "凡例",   "图例",    "圖例",    "범례",    "key to"};
    if (slog_names_any(t, n, ranked, sizeof ranked / sizeof *ranked) ||
        slog_names_any(t, n, legends, sizeof legends / sizeof *legends))
        bits |= SAYS_PRIORITY;
    if (slog_names_any(t, n, not_yet, sizeof not_yet / sizeof *not_yet))
        bits |= SAYS_NOT_YET;
    if (names_weighing(t))
        bits |= SAYS_WEIGHS;
    if (slog_names_any(t, n, described, sizeof described / sizeof *described))
        bits |= SAYS_DESCRIBED;
    if (slog_names_any(t, n, reports, sizeof reports / sizeof *reports))
        bits |= SAYS_REPORTS;
    /* the fix must open the caption: "Fixes (commit ...)", not "Open fixes" */
    const char *w = t;
    while (*w && !((*w | 0x20) >= 'a' && (*w | 0x20) <= 'z'))
        w++;
    const char *word_end = w;
    while ((*word_end | 0x20) >= 'a' && (*word_end | 0x20) <= 'z')
        word_end++;
    if (*word_end == '_' ||
        (*word_end == '.' && (word_end[1] | 0x20) >= 'a' && (word_end[1] | 0x20) <= 'z'))
        word_end = w; /* "**fixed_note_processor.py**:": a name, not a word */
    /* anywhere in it: "What was done", "Key Accomplishments Today", "O que
     * foi realizado", "Lo que se hizo", "Ce qui a été réalisé" */
    static const char *const done_anywhere[] = {
        "was done",  "were done", "what we did", "accomplishments", "achievements",
        "realizado", "realizada", "realizados",  "realizadas",      "foi feito",
        "se hizo",   "réalisé",   "réalisés",    "été fait",        "was erledigt",
        "gemacht",   "fatto",     "realizzato",  "gedaan"};
    /* the blockers must open it too: "Blockers", not "Resolved blockers";
     * and as a list, not "Blocker Analysis" or "Blocker Timeline" */
    static const char *const blockers[] = {
        "blockers",     "blocked",  "impediments", "bloqueos",  "bloqueios",
        "bloqueadores", "blocages", "hindernisse", "blockaden", "blocchi"};
    if (slog_names_any(w, (size_t)(word_end - w), blockers, sizeof blockers / sizeof *blockers) ||
        slog_opening_word(w, n - (size_t)(w - t),
                          (const char *const[]){"阻塞", "ブロッカー", "블로커"}, 3, ""))
        bits |= SAYS_BLOCKED;
    if ((slog_names_any(w, (size_t)(word_end - w), fixes, sizeof fixes / sizeof *fixes) ||
         done_first(t) ||
         slog_names_any(t, n, done_anywhere, sizeof done_anywhere / sizeof *done_anywhere)) &&
        !slog_names_any(t, n, unsure, sizeof unsure / sizeof *unsure))
        bits |= SAYS_FIXES;
    return bits;
}

/* The caption of the list `item` is in, once per list (a list of a million
 * items reads it once); for a nested list, its parent item's text only
 * when it ends in a colon. */
static const char *list_caption_cached(builder *b, cmark_node *item)
{
    cmark_node *list = item ? cmark_node_parent(item) : NULL;
    if (!list)
        return NULL;
    /* by the list's line: a section's tree is freed before the next is
     * parsed, and a node's address comes back */
    int at = build_line(b, cmark_node_get_start_line(list));
    if (at != b->caption_of) {
        cmark_node *up = cmark_node_parent(list);
        int line;
        b->caption_of = at;
        b->caption = build_list_caption(b, item, &line);
        /* a nested list's caption is its parent item's text when that
         * introduces it ("- Completed:" over what was completed) */
        if (b->caption && up && cmark_node_get_type(up) == CMARK_NODE_ITEM) {
            size_t n = b->text_buf.len;
            while (n && strchr("*_ ", b->text_buf.data[n - 1]))
                n--;
            if ((!(n && b->text_buf.data[n - 1] == ':') &&
                 !(n >= 3 && !memcmp(b->text_buf.data + n - 3, "：", 3))) ||
                !says(b->caption))
                b->caption = NULL; /* then the heading says what the marks mean */
        }
        b->says_caption = b->caption ? says(b->caption) : 0;
    }
    return b->caption;
}

/* "❌ Logo broken → ✅ callback page now uses the Logo": the problem and,
 * on the same line, its fix. */
static int fixed_in_line(const char *t)
{
    static const char *const arrows[] = {"→", "->", "=>", "⇒"};
    static const char *const done[] = {"✅", "✔", "☑"};
    for (size_t a = 0; a < sizeof arrows / sizeof *arrows; a++)
        for (const char *p = strstr(t, arrows[a]); p; p = strstr(p + 1, arrows[a])) {
            const char *q = p + strlen(arrows[a]);
            while (*q == ' ')
                q++;
            for (size_t d = 0; d < sizeof done / sizeof *done; d++)
                if (!strncmp(q, done[d], strlen(done[d])))
                    return 1;
        }
    return 0;
}

/* Under "Done:", what is no work done: the problem the work met
 * ("Problem: the minion returned a static error"). */
static int reported_not_done(const char *t)
{
    static const char *const keys[] = {"problem", "issue", "bug", "error", "symptom"};
    while (*t == '*' || *t == '_' || *t == ' ')
        t++;
    for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
        size_t n = strlen(keys[k]);
        if (!strncasecmp(t, keys[k], n) &&
            (t[n] == ':' || t[n] == '*' || (t[n] == 's' && (t[n + 1] == ':' || t[n + 1] == '*'))))
            return 1;
    }
    return 0;
}

/* A record's field, not a fix made: a bold key of three words at most and
 * its value ("**Status:** ✅ COMPLETE", "**Files Modified:** `x.py`",
 * "**Changes:**", "**Missing requirements**: 5 features") — under "####
 * 22:45 - Fixed Balance Fetching Issue" the entry's fields describe the
 * fix; "**Import ordering** (11 auto-fixed):" names one. */
static int bold_field(const char *t)
{
    const char *key;
    size_t n, value, len = strlen(t);
    if (!build_bold_key(t, len, &key, &n, &value))
        return 0;
    if (value < len && t[value] >= '0' && t[value] <= '9')
        return 1; /* a count */
    /* a field every record has, whatever its value ("**Sticky scroll
     * removed**: …" names work done) */
    static const char *const fields[] = {"task",          "status",   "files",    "files modified",
                                         "files changed", "changes",  "impact",   "expected impact",
                                         "result",        "results",  "notes",    "owner",
                                         "duration",      "commit",   "commits",  "branch",
                                         "tests",         "evidence", "scope",    "risk",
                                         "summary",       "outcome",  "priority", "effort"};
    for (size_t k = 0; k < sizeof fields / sizeof *fields; k++)
        if (strlen(fields[k]) == n && !strncasecmp(key, fields[k], n))
            return 1;
    return 0;
}

/* An unmarked item under "Blockers" names one: not "None", "N/A", "No
 * blockers", "—", nor one resolved ("Resolved: the key arrived"). */
static int names_a_blocker(const char *t)
{
    static const char *const none[] = {"none",   "nothing", "n/a",    "na",      "no",
                                       "nope",   "keine",   "kein",   "ninguno", "ninguna",
                                       "nenhum", "aucun",   "aucune", "nessuno", "nada",
                                       "无",     "なし",    "없음",   "tbd",     "-"};
    static const char *const gone[] = {"resolved", "unblocked", "fixed", "cleared", "solved",
                                       /* "(não bloqueante)": a note that it blocks nothing */
                                       "non-blocking", "not blocking", "nonblocking",
                                       "não bloqueante", "no bloqueante", "nicht blockierend",
                                       "non bloquant"};
    size_t n = strlen(t);
    if (build_bold_key(t, n, NULL, NULL, NULL) || (n && t[n - 1] == ':'))
        return 0; /* "**RLS Users**: …", "**Missing storage methods**:": a field, a caption */
    while (*t && strchr("*_` ", *t))
        t++;
    n = strlen(t);
    return n > 1 && !slog_opening_word(t, n, none, sizeof none / sizeof *none, "") &&
           !slog_names_any(t, n, gone, sizeof gone / sizeof *gone);
}

/* The list opens with "None." ("- None. Phases 2 & 3 complete", then a
 * caveat): the author says there is no blocker. */
static int list_says_none(cmark_node *item)
{
    cmark_node *list = item ? cmark_node_parent(item) : NULL;
    cmark_node *first = list ? cmark_node_first_child(list) : NULL;
    cmark_node *para = first ? cmark_node_first_child(first) : NULL;
    cmark_node *text = para ? cmark_node_first_child(para) : NULL;
    const char *t =
        text && cmark_node_get_type(text) == CMARK_NODE_TEXT ? cmark_node_get_literal(text) : NULL;
    static const char *const none[] = {
        "none", "nothing", "n/a", "no blockers", "no blocking", "no technical blockers", "keine",
        "ninguno", "nenhum", "aucun", "无", "なし", "없음",
        /* "No hay bloqueos técnicos para la tarea.", "Não há bloqueios" */
        "no hay", "no hubo", "sin bloqueos", "não há", "não houve", "sem bloqueios",
        "pas de blocage", "нет блокеров", "без блокеров", "блокеров нет"};
    return first != item && t &&
           slog_opening_word(t, strlen(t), none, sizeof none / sizeof *none, "") > 0;
}

/* What the innermost heading says of its lists' marks (SAYS_* bits, -1
 * without a heading), read once per heading. */
static int heading_says(builder *b)
{
    heading_frame *h = build_innermost_heading(b);
    if (!h)
        return -1;
    if (h->line != b->says_heading_line) {
        b->says_heading_line = h->line;
        b->says_heading = h->title ? says(h->title) : 0;
    }
    return b->says_heading;
}

/* Whether the innermost heading names pros and cons (and no fixes or
 * work to do), read once per heading. */
static int heading_weighs(builder *b)
{
    heading_frame *h = build_innermost_heading(b);
    if (!h || h->entry)
        return 0; /* a dated entry's own heading names its day's work, not pros and cons */
    if (h->line != b->weighs_heading_line) {
        b->weighs_heading_line = h->line;
        int bits = h->title && names_weighing(h->title) ? says(h->title) : 0;
        b->weighs_heading = (bits & SAYS_WEIGHS) && !(bits & (SAYS_NOT_YET | SAYS_FIXES));
    }
    return b->weighs_heading;
}

/* A keyed item ("**Causa**: …", "**Hallazgo**: …") under a heading that
 * titles one fix by its number ("### FIX-01 — Color del menú", "### Fix
 * #3: login loop"): the record's fields, not fixes made one by one. */
static int record_field(builder *b, const char *t)
{
    heading_frame *h = build_innermost_heading(b);
    const char *title = h && h->title ? h->title : "";
    while (*title && !((*title | 0x20) >= 'a' && (*title | 0x20) <= 'z'))
        title++;
    if (strncasecmp(title, "fix", 3) || !strchr(" -#", title[3]))
        return 0;
    const char *p = title + 3;
    while (*p == ' ' || *p == '-' || *p == '#')
        p++;
    if (*p < '0' || *p > '9')
        return 0; /* "Fixes", "Fix the login": a list of fixes */
    size_t words = build_bold_key(t, strlen(t), NULL, NULL, NULL);
    return words && words <= 3;
}

slog_state build_state_in_context(builder *b, cmark_node *node, const slog_item *it)
{
    if (it->state == SLOG_STATE_FAILED && fixed_in_line(it->text))
        return SLOG_STATE_DONE;
    const char *caption = list_caption_cached(b, node);
    if (it->state == SLOG_STATE_DONE && !build_is_colour(it->marker)) {
        /* a pro of an option weighed, not work done; only that is asked of
         * a done item's heading (every ✅ of a log passes here) */
        int weighs = caption ? b->says_caption : -1;
        if (weighs < 0)
            return heading_weighs(b) ? SLOG_STATE_NOTE : it->state;
        return (weighs & SAYS_WEIGHS) && !(weighs & (SAYS_NOT_YET | SAYS_FIXES)) ? SLOG_STATE_NOTE
                                                                                 : it->state;
    }
    int said[2] = {caption ? b->says_caption : -1, heading_says(b)};
    if (it->state == SLOG_STATE_DONE) { /* a colour: the same, then its caption's state */
        int weighs = said[0] >= 0 ? said[0] : said[1];
        if (weighs > 0 && (weighs & SAYS_WEIGHS) && !(weighs & (SAYS_NOT_YET | SAYS_FIXES)))
            return SLOG_STATE_NOTE;
    }
    for (int k = 0; k < 2; k++) { /* the caption says more than the heading */
        if (said[k] < 0)
            continue;
        if (it->state == SLOG_STATE_NOTE) {
            if (*it->text && (said[k] & SAYS_FIXES) && !reported_not_done(it->text) &&
                !bold_field(it->text) && !(k == 1 && record_field(b, it->text)))
                return SLOG_STATE_DONE;
            if ((said[k] & SAYS_BLOCKED) && names_a_blocker(it->text) && !list_says_none(node))
                return SLOG_STATE_BLOCKED;
            if (k == 0)
                break; /* a caption of its own: the heading says nothing more */
            continue;
        }
        /* "**⚠️ PHYSICS ENGINE (CRITICAL)**: rewrote ..." under "What was
         * done", "**⚠️ Irrefutable accuracy**" under "Business impact": a
         * sign inside a bold title stresses what it describes, it warns of
         * nothing to follow up (build_item_text sends only those here) */
        if (it->state == SLOG_STATE_WARNING && (said[k] & (SAYS_FIXES | SAYS_DESCRIBED)))
            return SLOG_STATE_NOTE;
        if ((said[k] & SAYS_WEIGHS) && !(said[k] & (SAYS_NOT_YET | SAYS_FIXES)))
            return SLOG_STATE_NOTE;
        if (said[k] & SAYS_NOT_YET)
            return SLOG_STATE_NEXT;
        if (it->state == SLOG_STATE_FAILED && (said[k] & SAYS_DESCRIBED))
            return SLOG_STATE_NOTE;
        if (k == 0 && (said[k] & SAYS_REPORTS))
            break; /* "**Polling Results**:" under "## Next Actions": results */
    }
    return it->state;
}

/* A colour marker in a list its caption or heading ranks ("#### Priority
 * Tasks", "Tomorrow's plan (priority order):") or calls a legend ("###
 * Chart legend"): the colour is the task's priority, or a chart's line,
 * not progress. */
int build_colour_ranks(builder *b, cmark_node *node)
{
    if (list_caption_cached(b, node))
        return (b->says_caption & SAYS_PRIORITY) != 0;
    int said = heading_says(b);
    return said > 0 && (said & SAYS_PRIORITY);
}

/* A follow-ups heading: one of followup_headings, whole or opening the
 * heading, past its decoration ("## 🎯 **Next Steps**", "### 📋 Próximos
 * Pasos", "🚀 Nächste Schritte:", "下一步建议", "Next steps (tomorrow)"). */
int build_followup_heading(const slog_config *cfg, const char *text)
{
    const unsigned char *t = (const unsigned char *)text;
    for (;;) { /* emoji, symbols, markup and spaces before the words */
        if (*t >= 0xF0 && t[1] && t[2] && t[3])
            t += 4;
        else if ((*t == 0xE2 || *t == 0xEF) && t[1] && t[2])
            t += 3; /* U+2000..U+2FFF symbols, U+FE0F */
        else if (*t && *t < 0x80 && !isalpha(*t))
            t++;
        else
            break;
    }
    size_t len = strlen((const char *)t);
    while (len && (t[len - 1] == ' ' || t[len - 1] == '\t' || strchr(":*_", t[len - 1])))
        len--;
    for (size_t i = 0; i < cfg->nfollowup_headings; i++) {
        const unsigned char *f = (const unsigned char *)cfg->followup_headings[i];
        size_t n = strlen((const char *)f), k = 0;
        if (n > len)
            continue;
        while (k < n && (t[k] | 0x20) == (f[k] | 0x20))
            k++;
        /* whole, or followed by a bracket, dash or colon ("Next steps taken"
         * is no list of next steps); a CJK key by anything */
        if (k == n && (n == len || strchr("(:-", t[n]) ||
                       (t[n] == ' ' && (t[n + 1] == '(' || t[n + 1] == '-' || t[n + 1] == 0xE2)) ||
                       f[n - 1] >= 0x80))
            return 1;
    }
    return 0;
}

int slog_followup_heading(const slog_config *config, const char *text)
{
    return text && build_followup_heading(config, text);
}
