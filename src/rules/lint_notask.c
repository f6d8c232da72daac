/* SPDX-License-Identifier: BSD-2-Clause */
/* open-checklist: boxes that are no task to tick once (a routine, a
 * placeholder, a branch of a plan, a habit, work on hold) and sections that
 * park their work for later (future, a roadmap, a later horizon, a phase
 * not begun) or keep a standing procedure; and the walk up the headings
 * that enclose a line. */
#include "lint_internal.h"

#include "doc_internal.h"

#include <string.h>
#include <strings.h>

#include "words.h"
#include "statuslog/check.h"

/* Whether `t` holds one of the words (whole, ASCII case aside) or one of
 * the marks (emoji, CJK: anywhere). */
static int says_any(const char *t, const char *const *words, size_t nwords,
                    const char *const *marks, size_t nmarks)
{
    for (size_t k = 0; k < nmarks; k++)
        if (strstr(t, marks[k]))
            return 1;
    return slog_names_any(t, strlen(t), words, nwords);
}

/* A list of targets or of work parked for later, not tasks to tick now:
 * "Success criteria (KPI)", "Phase 3 - future features (V2.0)". */
static int targets_or_parked(const char *caption)
{
    static const char *const words[] = {
        "kpi", "kpis", "success criteria", "targets", "future", "someday", "icebox", "parked",
        "nice to have", "wishlist", "optional", "opcional", "optionnel", "facultatif",
        "possible improvements", "по запросу", "возможные улучшения", "mejoras posibles",
        "améliorations possibles", "mögliche verbesserungen",
        /* a later horizon: "**Long-term**:" */
        "long-term", "long term", "longer term", "medium-term", "medium term", "mid-term",
        "langfristig", "mittelfristig", "long terme", "moyen terme", "largo plazo", "mediano plazo",
        "longo prazo", "médio prazo",
        /* the plan's future: "DA FARE (secondo la roadmap):" */
        "roadmap",
        /* options to choose among, not each to do */
        "potential solutions", "possible solutions", "alternatives"};
    /* "**中期**：", "**长期**：", "可选功能", "장기 과제" */
    static const char *const cjk[] = {"中期", "长期", "長期", "远期", "遠期",
                                      "可选", "可選", "장기", "중기"};
    return caption &&
           says_any(caption, words, sizeof words / sizeof *words, cjk, sizeof cjk / sizeof *cjk);
}

/* A box that is no task to tick once: it names a habit ("One hour of
 * focused building daily"), an instruction for whatever comes up ("Fix any
 * issues discovered during testing", "Adjust the copy if needed") or work
 * put on hold ("M-3-2 — 보류"). */
static int standing_or_held(const char *t)
{
    static const char *const standing[] = {
        "any issues",       "any bugs",    "any problems",    "if needed",     "as needed",
        "if necessary",     "when needed", "if required",     "bei bedarf",    "falls nötig",
        "si nécessaire",    "au besoin",   "si es necesario", "se necessário", "при необходимости",
        "по необходимости", "on hold"};
    static const char *const cjk[] = {"如有", "如需", "必要に応じ", "필요시", "필요 시", "보류",
                                      "搁置", "暂缓", "每天",       "毎日",   "매일"};
    static const char *const habit_end[] = {"daily",   "every day",     "each day",
                                            "per day", "every morning", "every evening"};
    if (says_any(t, standing, sizeof standing / sizeof *standing, cjk, sizeof cjk / sizeof *cjk))
        return 1;
    size_t len = strlen(t);
    while (len && strchr(" .!*_)", t[len - 1]))
        len--;
    for (size_t k = 0; k < sizeof habit_end / sizeof *habit_end; k++) {
        size_t n = strlen(habit_end[k]);
        if (len >= n && !strncasecmp(t + len - n, habit_end[k], n) &&
            (len == n || t[len - n - 1] == ' '))
            return 1;
    }
    return 0;
}

/* A procedure to run again before each change, not tasks to tick once:
 * "Mandatory Pre-Action Checklist", "Before ANY deployment", "Pre-flight". */
static int standing_procedure(const char *t)
{
    static const char *const words[] = {
        "pre-action", "pre-deploy", "pre-deployment", "pre-release", "pre-flight", "preflight",
        "pre-commit", "pre-merge", "before any", "before every", "before each", "vor jedem",
        "vor jeder", "antes de cada", "avant chaque", "prima di ogni",
        /* what each agent or session does on arriving and leaving: "##
         * Checklist for Incoming Agent", "### Before Starting Work" */
        "incoming agent", "next agent", "before starting", "before ending", "before you start",
        "before you begin", "each session", "every session", "session start", "session end",
        "start of session", "end of session",
        /* an assignment's instructions to whoever hands it in: "# To turn
         * in your work", "## Upload your:", "## You should create …" */
        "turn in", "hand in", "submit your", "upload your", "you should", "you must",
        "you will need"};
    return t && slog_names_any(t, strlen(t), words, sizeof words / sizeof *words);
}

/* A caption over a routine to repeat, not tasks to tick once: "Health
 * check to run every 2 weeks", "Routine", "每周检查". */
static int recurring(const char *caption)
{
    static const char *const words[] = {"every",    "each",      "routine", "recurring",
                                        "periodic", "regularly", "cada",    "chaque",
                                        "jede",     "jeden",     "jedes",   "ogni"};
    /* "Daily checklist", "Genel Günlük İşler": a day's standing list */
    static const char *const daily[] = {"daily",     "günlük",       "täglich",  "tägliche",
                                        "quotidien", "quotidiennes", "diario",   "diaria",
                                        "diarias",   "ежедневные",   "codzienne"};
    static const char *const lists[] = {"checklist", "tasks",   "işler",  "chores",
                                        "aufgaben",  "tâches",  "tareas", "задачи",
                                        "zadania",   "routine", "İşler"};
    static const char *const cjk[] = {"每", "毎", "定期"};
    if (!caption)
        return 0;
    size_t n = strlen(caption);
    if (slog_names_any(caption, n, words, sizeof words / sizeof *words) ||
        standing_procedure(caption))
        return 1;
    if (slog_names_any(caption, n, daily, sizeof daily / sizeof *daily) &&
        slog_names_any(caption, n, lists, sizeof lists / sizeof *lists))
        return 1;
    for (size_t k = 0; k < sizeof cjk / sizeof *cjk; k++)
        if (strstr(caption, cjk[k]))
            return 1;
    return 0;
}

/* A box that is no task: a routine to repeat, a placeholder, a branch of a plan ("#### Se Test
 * PASS", "If it fails:"), a template's prompt in italics ("_Describe lo que completaste_"), a blank
 * to fill in ("Meta 5: ____"). */
int lint_box_no_task(const slog_checklist_item *box)
{
    static const char *const conditions[] = {"if",   "se",   "si",        "wenn",   "falls",
                                             "when", "else", "otherwise", "unless", "in case"};
    const char *cap = box->caption ? box->caption : "";
    /* "バグが残っている場合の対処" (in case bugs remain), "如果失败", "실패한 경우" */
    static const char *const cjk[] = {"場合", "如果", "的话", "的話", "경우", "만약"};
    for (size_t k = 0; k < sizeof cjk / sizeof *cjk; k++)
        if (strstr(cap, cjk[k]))
            return 1;
    while (*cap && !((*cap | 0x20) >= 'a' && (*cap | 0x20) <= 'z') && (unsigned char)*cap < 0x80)
        cap++;
    while (*cap && (unsigned char)*cap >= 0x80) /* an emoji first */
        cap++;
    while (*cap == ' ')
        cap++;
    for (size_t k = 0; k < sizeof conditions / sizeof *conditions; k++) {
        size_t n = strlen(conditions[k]);
        if (!strncasecmp(cap, conditions[k], n) && (cap[n] == ' ' || cap[n] == ','))
            return 1;
    }
    if (recurring(box->caption) || targets_or_parked(box->caption) || standing_or_held(box->text))
        return 1;
    const char *t = box->text;
    size_t len = strlen(t);
    /* a slot not filled in yet: "TBD", "TBA", "...", "?" */
    static const char *const slots[] = {"tbd", "tba", "tbc", "todo", "n/a",
                                        "...", "…",   "?",   "-",    "—"};
    for (size_t k = 0; k < sizeof slots / sizeof *slots; k++)
        if (!strcasecmp(t, slots[k]))
            return 1;
    /* a placeholder to fill in: "[Task in progress 1]", "<your task>" */
    if (len > 2 && ((t[0] == '[' && t[len - 1] == ']' && !strstr(t, "](")) ||
                    (t[0] == '<' && t[len - 1] == '>')))
        return 1;
    if (len > 2 && ((t[0] == '_' && t[len - 1] == '_') ||
                    (t[0] == '*' && t[1] != '*' && t[len - 1] == '*' && t[len - 2] != '*')))
        return 1;
    /* after a short key ("Meta 5:"), nothing but markup and blanks */
    const char *v = strchr(t, ':');
    v = v && v - t < 24 ? v + 1 : t;
    for (; *v; v++)
        if ((unsigned char)*v >= 0x80 || (*v >= '0' && *v <= '9') ||
            ((*v | 0x20) >= 'a' && (*v | 0x20) <= 'z'))
            return 0;
    return 1;
}

/* The title of the nearest heading above `line`: a dated one (its entry's
 * label) or not (its section's). */
const char *lint_heading_above(const slog_doc *d, int line)
{
    const slog_entry *e = slog_doc_entry_at(d, line);
    while (e && e->kind != SLOG_ENTRY_HEADING)
        e = e->parent;
    const char *title = e ? e->label : NULL;
    int at = e ? e->line : 0;
    size_t lo = slog_doc_sections_before(d, line + 1); /* the last one at or above: lo - 1 */
    if (lo && d->sections[lo - 1].line > at)
        title = d->sections[lo - 1].title;
    return title;
}

void lint_enclosing_start(const slog_doc *d, int line, lint_enclosing *w)
{
    w->k = slog_doc_sections_before(d, line + 1);
    w->steps = 0;
    w->level = 7;
}

const slog_section *lint_enclosing_next(const slog_doc *d, lint_enclosing *w)
{
    while (w->k > 0 && w->level > 1 && w->steps++ < 256) {
        const slog_section *sec = &d->sections[--w->k];
        if (sec->level < w->level) {
            w->level = sec->level;
            return sec;
        }
    }
    return NULL;
}

/* A phase of a plan not begun while an earlier one is under way: "###
 * Fase 3 (PENDIENTE 📋)" after "### Fase 2 (EN PROGRESO 🔄)" — the plan's
 * future, open by design. */
/* The status a section gives itself: its title, or a status field among
 * its first lines ("#### Phase 2: LAN" then "**Статус:** 🔲 Не розпочато").
 * Whether it names one of the words or marks. */
enum { SECTION_STATUS_LINES = 4 };

static int section_says(const slog_doc *d, const slog_section *sec, const char *const *words,
                        size_t nwords, const char *const *marks, size_t nmarks, int waits)
{
    /* "**Prerequisites:** Phase 8 complete": the section waits on another */
    static const char *const gates[] = {
        "prerequisites",   "prerequisite", "requires",   "depends on", "blocked by",
        "voraussetzungen", "prérequis",    "requisitos", "前提条件",   "前置条件"};
    static const char *const keys[] = {"status", "estado", "statut", "stato", "статус",
                                       "Статус", "状态",   "状態",   "상태"};
    if (sec->title && says_any(sec->title, words, nwords, marks, nmarks))
        return 1;
    for (int l = sec->line + 1; l <= sec->line + SECTION_STATUS_LINES; l++) {
        size_t len, i = 0;
        const char *t = slog_text_line(&d->priv->text, l, &len);
        if (!t || (len && t[0] == '#'))
            break;
        while (i < len && strchr("-*_> \t", t[i]))
            i++;
        size_t k = slog_opening_word(t + i, len - i, keys, sizeof keys / sizeof *keys, "");
        if (!k && waits &&
            slog_opening_word(t + i, len - i, gates, sizeof gates / sizeof *gates, "") &&
            memchr(t + i, ':', len - i))
            return 1;
        if (!k)
            continue;
        char value[160];
        size_t n = len - i - k < sizeof value - 1 ? len - i - k : sizeof value - 1;
        memcpy(value, t + i + k, n);
        value[n] = '\0';
        return says_any(value, words, nwords, marks, nmarks);
    }
    return 0;
}

static int later_phase(const slog_doc *d, const slog_section *sec)
{
    static const char *const pending[] = {
        "pending",      "pendiente", "pendente",     "not started", "no iniciado",
        "não iniciado", "planned",   "upcoming",     "ausstehend",  "geplant",
        "à venir",      "prévu",     "en attente",   "planificado", "planejado",
        "in attesa",    "da fare",   "не розпочато", "не начато",   "запланировано"};
    static const char *const pending_marks[] = {"📋",      "⬜",      "🔲",    "待开始", "未开始",
                                                "未開始", "未着手", "예정", "대기"};
    static const char *const under_way[] = {
        "in progress",  "en progreso", "en curso",      "em andamento",
        "em progresso", "en cours",    "in arbeit",     "in bearbeitung",
        "in corso",     "ongoing",     "wip",           "в процесі",
        "в процессе",   "в работе",    "current focus", "current"};
    static const char *const under_way_marks[] = {"🔄",       "🚧",      "进行中", "進行中",
                                                  "진행 중", "진행중", "作業中", "⬅️"};
    if (!section_says(d, sec, pending, sizeof pending / sizeof *pending, pending_marks,
                      sizeof pending_marks / sizeof *pending_marks, 1))
        return 0;
    size_t steps = 0;
    for (size_t k = (size_t)(sec - d->sections); k-- > 0 && steps++ < 64;) {
        const slog_section *s = &d->sections[k];
        if (s->line < sec->line && s->level < sec->level)
            break;
        if (s->level == sec->level &&
            section_says(d, s, under_way, sizeof under_way / sizeof *under_way, under_way_marks,
                         sizeof under_way_marks / sizeof *under_way_marks, 0))
            return 1;
    }
    return 0;
}

/* The box stands in a section that parks its work for later or keeps a
 * standing procedure: an enclosing heading names future work or a later
 * version ("## 🔮 Tâches futures (V2)", "## Phase 3 - future features",
 * "## Post-MVP"), or a checklist to run before each change ("## Mandatory
 * Pre-Action Checklist"). Headings above are walked back to the top
 * level, 256 at most. */
int lint_parked_section(const slog_doc *d, int line)
{
    static const char *const later[] = {
        "futures", "futuro", "futuros", "futura", "zukünftig", "zukünftige", "später", "plus tard",
        "later", "post-mvp", "v2", "v3", "v2.0", "v3.0", "将来", "未来", "今後",
        /* a plan of versions ahead: "## Roadmap",
           "## 下一个版本规划" */
        "roadmap", "next version", "next release", "hoja de ruta", "feuille de route", "路线图",
        "版本规划", "로드맵",
        /* a section on hold: "### Phase 3.1 — 재도전 조건 (보류)" */
        "on hold", "보류", "搁置", "暂缓"};
    /* a step of the plan marked as the one at hand ("#### Step 2 (Prossimo)"
     * under "### Step 2-8 Roadmap") is work now, whatever encloses it */
    static const char *const at_hand[] = {
        "next",    "prossimo", "prossima", "siguiente",   "próximo", "prochain", "prochaine",
        "nächste", "nächster", "current",  "in progress", "下一步",  "当前",     "进行中"};
    lint_enclosing w;
    lint_enclosing_start(d, line, &w);
    for (const slog_section *sec; (sec = lint_enclosing_next(d, &w)) != NULL;) {
        const char *t = sec->title ? sec->title : "";
        size_t n = strlen(t);
        if (targets_or_parked(t) || standing_procedure(t) ||
            slog_names_any(t, n, later, sizeof later / sizeof *later) || later_phase(d, sec))
            return 1;
        if (slog_names_any(t, n, at_hand, sizeof at_hand / sizeof *at_hand))
            return 0;
    }
    /* and the dated sections it stands in ("## Mandatory Pre-Action
     * Checklist (Updated 2026-03-28)") */
    for (const slog_entry *e = slog_doc_entry_at(d, line); e; e = e->parent)
        if (e->heading && standing_procedure(e->heading))
            return 1;
    return 0;
}
