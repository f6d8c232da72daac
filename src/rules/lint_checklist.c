/* SPDX-License-Identifier: BSD-2-Clause */
/* The open-checklist rule: unchecked boxes worth a reader's time (SPEC §3
 * r3) — in a log, not a template; of lists with one caption the newest; not
 * a box a later list repeats, a branch of a plan, a prompt, a blank, one
 * a later checked box or done item says was done, or one of a record whose
 * status field says it is done. */
#include "lint_internal.h"

#include "doc_internal.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "similar.h"
#include "words.h"
#include "statuslog/check.h"

/* --- open-checklist ---------------------------------------------------------------- */

/* A template of what to fill in (an issue or pull-request template): a path
 * under .github/, or a file name with "template" in it. */
static int is_template(const char *file)
{
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    for (const char *p = base; *p; p++)
        if (!strncasecmp(p, "template", 8))
            return 1;
    return !strncmp(file, ".github/", 8) || strstr(file, "/.github/") != NULL;
}

/* A caption as compared: its letters and digits, lower case, what is in
 * brackets (a count, a percentage) left out: "Remaining Work (40% - 8/20)"
 * and "Remaining Work (30%)" are one list's versions; "Phase 2 audit gate"
 * and "Phase 3 audit gate" are two lists. */
static void caption_key(const char *s, char *out, size_t cap)
{
    /* a numbered series of one plan's versions: "Global Cycle 20 Session
     * Plan" replaces "Global Cycle 19 Session Plan"; its number goes */
    static const char *const series[] = {"cycle", "iteration", "round", "session", "sprint"};
    static const char *const plans[] = {"plan", "planning", "backlog", "candidates", "roadmap"};
    if (!s)
        s = "";
    /* a session's own list ("Session 2026-03-02") is that session's work */
    int numbered = slog_names_any(s, strlen(s), series, sizeof series / sizeof *series) &&
                   slog_names_any(s, strlen(s), plans, sizeof plans / sizeof *plans);
    size_t o = 0;
    int depth = 0;
    for (; *s && o + 1 < cap; s++) {
        depth += *s == '(' || *s == '[';
        depth -= depth && (*s == ')' || *s == ']');
        unsigned char c = (unsigned char)*s;
        if (!depth && (c >= 0x80 || (c >= '0' && c <= '9' && !numbered) ||
                       ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')))
            out[o++] = (char)(c < 0x80 ? (c | 0x20) : c);
    }
    out[o] = '\0';
    /* "待办事项" then "待办", "To-do" then "TODO list": one list of what is
     * left, however a session names it (emoji before it aside) */
    static const char *const todo[] = {
        "todo",         "todos",      "todolist",   "待办",        "待办事项",         "待辦",
        "待辦事項",     "やること",   "할일",       "pendientes",  "tareaspendientes", "àfaire",
        "offenepunkte", "pendências", "pendencias", "yapılacaklar"};
    const char *k = out;
    while ((unsigned char)*k >= 0xF0 && k[1] && k[2] && k[3])
        k += 4;
    while (!strncmp(k, "\xEF\xB8\x8F", 3))
        k += 3;
    for (size_t i = 0; i < sizeof todo / sizeof *todo; i++)
        if (!strcmp(k, todo[i])) {
            snprintf(out, cap, "%s", "todo");
            break;
        }
}

typedef struct {
    char key[96];
    int list_line, caption_line;
    long day;            /* its entry's day, -1 undated */
    const slog_log *log; /* its entry's log, or NULL */
    size_t index;
} captioned;

/* x was written after y: later in its log's time when both are dated and
 * the days differ (a newest-first series of plans writes its newest plan
 * first), else by lint_later_on_the_day. */
static int written_later(const captioned *x, const captioned *y)
{
    if (x->day >= 0 && y->day >= 0 && x->day != y->day)
        return x->day > y->day;
    return lint_later_on_the_day(x->log, x->list_line, y->log, y->list_line);
}

/* The group of c[a] (equal keys, sorted): its end. */
static size_t group_end(const captioned *c, size_t a, size_t n)
{
    size_t b = a + 1;
    while (b < n && !strcmp(c[b].key, c[a].key))
        b++;
    return b;
}

static int by_key_then_list(const void *a, const void *b)
{
    const captioned *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->list_line > y->list_line) - (x->list_line < y->list_line);
}

/* A box with nothing to do written in it ("- [ ]", "- [ ] ____"). */
static int blank_box(const char *t)
{
    for (; *t; t++)
        if ((unsigned char)*t >= 0x80 || (*t >= '0' && *t <= '9') ||
            ((*t | 0x20) >= 'a' && (*t | 0x20) <= 'z'))
            return 0;
    return 1;
}

/* A caption key (caption_key) that names a list each incident, case or
 * session has of its own ("Prevention", "Follow-up actions", "预防",
 * "Evidence added"): such lists stand side by side. Lists under other captions are versions of one
 * list of what is left ("Remaining Work", "Objectives for Today", "今日目标"), which a later one
 * replaces. */
static int per_case_list(const char *key)
{
    static const char *const words[] = {
        "prevention", "preventive", "prevent", "followup", "mitigation", "remediation",
        "corrective", "lessons", "rootcause", "prevencion", "prévention", "prävention", "预防",
        "防止", "再発防止", "재발방지", "후속",
        /* what a session gathered: "Evidence added", "Preuves ajoutées" */
        "evidence", "preuve", "proof", "nachweis", "evidencia", "evidência", "证据", "証跡",
        /* each task's own checks: "**QA Checklist**:" under "#### T.1", "#### T.2" */
        "qachecklist", "testchecklist", "testingchecklist", "acceptancecriteria", "acceptance",
        "testplan", "testcases", "verificationsteps"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (strstr(key, words[k]))
            return 1;
    return 0;
}

/* A caption over a routine to repeat, not tasks to tick once: "Health
 * check to run every 2 weeks", "Routine", "每周检查". */
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
        /* options to choose among, not each to do */
        "potential solutions", "possible solutions", "alternatives"};
    /* "**中期**：", "**长期**：", "可选功能", "장기 과제" */
    static const char *const cjk[] = {"中期", "长期", "長期", "远期", "遠期",
                                      "可选", "可選", "장기", "중기"};
    if (!caption)
        return 0;
    for (size_t k = 0; k < sizeof cjk / sizeof *cjk; k++)
        if (strstr(caption, cjk[k]))
            return 1;
    return slog_names_any(caption, strlen(caption), words, sizeof words / sizeof *words);
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
    size_t len = strlen(t);
    for (size_t k = 0; k < sizeof cjk / sizeof *cjk; k++)
        if (strstr(t, cjk[k]))
            return 1;
    if (slog_names_any(t, len, standing, sizeof standing / sizeof *standing))
        return 1;
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
        "start of session", "end of session"};
    return t && slog_names_any(t, strlen(t), words, sizeof words / sizeof *words);
}

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
static int no_task(const slog_checklist_item *box)
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

/* A phase of a plan not begun while an earlier one is under way: "###
 * Fase 3 (PENDIENTE 📋)" after "### Fase 2 (EN PROGRESO 🔄)" — the plan's
 * future, open by design. */
static int later_phase(const slog_doc *d, const slog_section *sec)
{
    static const char *const pending[] = {
        "pending",    "pendiente",   "pendente",   "not started", "no iniciado", "não iniciado",
        "planned",    "upcoming",    "ausstehend", "geplant",     "à venir",     "prévu",
        "en attente", "planificado", "planejado",  "in attesa",   "da fare"};
    static const char *const pending_marks[] = {"📋",      "⬜",      "待开始", "未开始",
                                                "未開始", "未着手", "예정",   "대기"};
    static const char *const under_way[] = {
        "in progress", "en progreso",    "en curso", "em andamento", "em progresso", "en cours",
        "in arbeit",   "in bearbeitung", "in corso", "ongoing",      "wip"};
    static const char *const under_way_marks[] = {"🔄",       "🚧",      "进行中", "進行中",
                                                  "진행 중", "진행중", "作業中"};
    const char *t = sec->title ? sec->title : "";
    if (!says_any(t, pending, sizeof pending / sizeof *pending, pending_marks,
                  sizeof pending_marks / sizeof *pending_marks))
        return 0;
    size_t steps = 0;
    for (size_t k = (size_t)(sec - d->sections); k-- > 0 && steps++ < 64;) {
        const slog_section *s = &d->sections[k];
        if (s->line < sec->line && s->level < sec->level)
            break;
        if (s->level == sec->level && s->title &&
            says_any(s->title, under_way, sizeof under_way / sizeof *under_way, under_way_marks,
                     sizeof under_way_marks / sizeof *under_way_marks))
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
static int parked_section(const slog_doc *d, int line)
{
    static const char *const later[] = {"futures", "futuro", "futuros", "futura", "zukünftig",
                                        "zukünftige", "später", "plus tard", "later", "post-mvp",
                                        "v2", "v3", "v2.0", "v3.0", "将来", "未来", "今後",
                                        /* a plan of versions ahead: "## Roadmap",
                                           "## 下一个版本规划" */
                                        "roadmap", "next version", "next release", "hoja de ruta",
                                        "feuille de route", "路线图", "版本规划", "로드맵"};
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

/* A box on a meeting's agenda or list of questions ("### Agenda (6/2/2025)",
 * "Tagesordnung", "议程", "Questions for today's meeting:"): a topic or question to talk about
 * ("Caching", "Directions to pivot?"), not a task — unless it says what to do ("Deploy the
 * benchmarks to the website"). */
static int agenda_topic(const slog_doc *d, const slog_checklist_item *box)
{
    static const char *const agenda[] = {
        "agenda",     "tagesordnung", "ordre du jour", "orden del día",  "ordine del giorno",
        "pauta",      "gündem",       "повестка",      "talking points", "discussion topics",
        "to discuss", "questions",    "fragen",        "preguntas",      "perguntas",
        "domande",    "вопросы"};
    static const char *const cjk[] = {"议程", "議程", "議題", "アジェンダ",
                                      "안건", "问题", "質問", "질문"};
    static const char *const verbs[] = {
        "add",     "apply",   "ask",       "book",     "build", "change",   "check",   "clean",
        "contact", "create",  "deploy",    "document", "draft", "email",    "ensure",  "file",
        "finish",  "fix",     "implement", "install",  "merge", "migrate",  "move",    "order",
        "port",    "prepare", "publish",   "put",      "read",  "refactor", "release", "remove",
        "rename",  "rewrite", "run",       "schedule", "send",  "set",      "share",   "ship",
        "submit",  "test",    "update",    "upgrade",  "write"};
    /* the heading above, or the list's caption ("Questions for today's meeting:") */
    int on_agenda = 0;
    for (int pass = 0; pass < 2 && !on_agenda; pass++) {
        const char *h = pass ? box->caption : lint_heading_above(d, box->line);
        on_agenda = h && slog_names_any(h, strlen(h), agenda, sizeof agenda / sizeof *agenda);
        for (size_t k = 0; h && !on_agenda && k < sizeof cjk / sizeof *cjk; k++)
            on_agenda = strstr(h, cjk[k]) != NULL;
    }
    if (!on_agenda)
        return 0;
    const char *t = box->text;
    while (*t && !((*t | 0x20) >= 'a' && (*t | 0x20) <= 'z') && (unsigned char)*t < 0x80)
        t++;
    size_t n = 0;
    while (((t[n] | 0x20) >= 'a' && (t[n] | 0x20) <= 'z'))
        n++;
    for (size_t k = 0; k < sizeof verbs / sizeof *verbs; k++)
        if (strlen(verbs[k]) == n && !strncasecmp(t, verbs[k], n))
            return 0;
    return 1;
}

/* Where box i stands: its list, caption, entry's day and index. */
static void place_of(const slog_doc *d, size_t i, captioned *c)
{
    const slog_entry *e = slog_doc_entry_at(d, d->checklists[i].line);
    c->list_line = d->checklists[i].list_line;
    c->caption_line = d->checklists[i].caption_line;
    c->day = e && e->date_valid ? e->day : -1;
    c->log = e ? e->log : NULL;
    c->index = i;
}

/* Of the boxes of one key, those of the list written last stand; the
 * others are superseded. By caption: a per-case list ("Prevention") or no
 * caption replaces nothing, and a list with nothing written in its boxes
 * is no replacement. */
static void keep_latest(const slog_doc *d, captioned *c, int by_caption, unsigned char *superseded,
                        unsigned char *ticked_later)
{
    size_t n = d->nchecklists;
    qsort(c, n, sizeof *c, by_key_then_list);
    for (size_t a = 0, b; a < n; a = b) {
        b = group_end(c, a, n);
        if (ticked_later) { /* the copies written before the latest one ticked */
            size_t ticked = SIZE_MAX;
            for (size_t k = a; k < b; k++)
                if (d->checklists[c[k].index].checked &&
                    (ticked == SIZE_MAX || written_later(&c[k], &c[ticked])))
                    ticked = k;
            for (size_t k = a; ticked != SIZE_MAX && k < b; k++)
                if (written_later(&c[ticked], &c[k]))
                    ticked_later[c[k].index] = 1;
        }
        if (by_caption && (!*c[a].key || per_case_list(c[a].key)))
            continue;
        size_t last = SIZE_MAX;
        for (size_t k = a; k < b; k++)
            if (!(by_caption && blank_box(d->checklists[c[k].index].text)) &&
                (last == SIZE_MAX || written_later(&c[k], &c[last])))
                last = k;
        for (size_t k = a; last != SIZE_MAX && k < b; k++)
            if (by_caption ? c[k].caption_line != c[last].caption_line
                           : c[k].list_line != c[last].list_line)
                superseded[c[k].index] = 1;
    }
}

/* The box nested under box `parent` (the nearest box above it written
 * less indented, every line between indented more than that one): a step
 * of it ("- [ ] Copy the dataset" over "    - [ ] Step 1: dry run"). */
static size_t indent_at(const slog_doc *d, int line, int *blank)
{
    size_t len, i = 0;
    const char *s = slog_text_line(&d->priv->text, line, &len);
    while (s && i < len && (s[i] == ' ' || s[i] == '\t'))
        i++;
    *blank = !s || i == len;
    return i;
}

static size_t parent_box(const slog_doc *d, size_t k)
{
    int blank;
    size_t own = indent_at(d, d->checklists[k].line, &blank);
    if (!own)
        return SIZE_MAX;
    for (size_t j = k; j-- > 0 && d->checklists[j].line + 64 > d->checklists[k].line;) {
        size_t at = indent_at(d, d->checklists[j].line, &blank);
        if (at >= own)
            continue;
        for (int l = d->checklists[j].line + 1; l < d->checklists[k].line; l++)
            if (indent_at(d, l, &blank) <= at && !blank)
                return SIZE_MAX;
        return j;
    }
    return SIZE_MAX;
}

/* The roles of the boxes [i, j) of one list, hashed, when each (two at
 * least) opens with a role's key: a few words and a colon ("Planner:",
 * "Commit & Review:"); else 0. */
static uint64_t roles_of(const slog_doc *d, size_t i, size_t j)
{
    if (j - i < 2)
        return 0;
    uint64_t h = 1469598103934665603ull;
    for (size_t k = i; k < j; k++) {
        const char *t = d->checklists[k].text;
        size_t n = 0, words = 1;
        while (t[n] && t[n] != ':' && n < 24) {
            words += t[n] == ' ';
            n++;
        }
        if (t[n] != ':' || !n || words > 4)
            return 0;
        for (size_t q = 0; q < n; q++)
            h = (h ^ (unsigned char)(t[q] | 0x20)) * 1099511628211ull;
        h = (h ^ '|') * 1099511628211ull;
    }
    return h;
}

/* Unchecked boxes worth a reader's time (SPEC §3 r3): only in a log (a
 * document with a dated entry), never in a template, of lists with the same
 * caption only the newest ("Remaining Work" replaced by a later one), and
 * of a box repeated in a later list only the later one. */
slog_status lint_open_checklists(lint_ctx *ctx)
{
    const slog_doc *d = ctx->doc;
    if (!d->nentries || is_template(d->file) || !d->nchecklists)
        return SLOG_OK;
    captioned *c = malloc(d->nchecklists * sizeof *c);
    unsigned char *superseded = calloc(d->nchecklists, 1);
    unsigned char *ticked_later = calloc(d->nchecklists, 1);
    unsigned char *forms = calloc(d->nsections + 1, 1);
    slog_status st = c && superseded && ticked_later && forms ? SLOG_OK : SLOG_ERR_NOMEM;
    for (size_t i = 0; st == SLOG_OK && i < d->nchecklists; i++) {
        place_of(d, i, &c[i]);
        caption_key(d->checklists[i].caption, c[i].key, sizeof c[i].key);
    }
    /* the list written last under a caption of the same words replaces the
     * others (two lists under one heading, a code block between, are one) */
    if (st == SLOG_OK)
        keep_latest(d, c, 1, superseded, NULL);
    /* a box a later list repeats (the same text in another list: a list
     * copied forward, quoted again) is that later list's */
    for (size_t i = 0; st == SLOG_OK && i < d->nchecklists; i++) {
        place_of(d, i, &c[i]);
        uint64_t h = 1469598103934665603ull; /* its words, case and spacing aside */
        for (const unsigned char *p = (const unsigned char *)d->checklists[i].text; *p; p++)
            if (*p >= 0x80 || (*p >= '0' && *p <= '9') ||
                ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z'))
                h = (h ^ (*p < 0x80 ? (*p | 0x20) : *p)) * 1099511628211ull;
        snprintf(c[i].key, sizeof c[i].key, "%016llx", (unsigned long long)h);
    }
    if (st == SLOG_OK)
        keep_latest(d, c, 0, superseded, ticked_later);
    /* a list of the same roles' steps written again ("Planner: …",
     * "Rebuilder: …", "Reviewer: …", then each reworded and ticked): the
     * later list is the run's */
    for (size_t i = 0, j; st == SLOG_OK && i < d->nchecklists; i = j) {
        j = i + 1;
        while (j < d->nchecklists && d->checklists[j].list_line == d->checklists[i].list_line)
            j++;
        uint64_t list = roles_of(d, i, j);
        for (size_t k = i; k < j; k++) {
            place_of(d, k, &c[k]);
            if (list)
                snprintf(c[k].key, sizeof c[k].key, "r%016llx.%zu", (unsigned long long)list,
                         k - i);
            else
                snprintf(c[k].key, sizeof c[k].key, "u%zu", k); /* no group of its own */
        }
    }
    if (st == SLOG_OK)
        keep_latest(d, c, 0, superseded, NULL);
    lint_done_index *done = NULL;
    lint_caption_index *captions = NULL;
    if (st == SLOG_OK)
        st = lint_done_index_build(ctx, &done);
    if (st == SLOG_OK)
        st = lint_caption_index_build(ctx, &captions);
    for (size_t i = 0; i < d->nchecklists && st == SLOG_OK; i++) {
        const slog_checklist_item *box = &d->checklists[i];
        char text[160];
        /* a step of a box a later list repeats ticked goes with it (not one
         * of a box ticked: "- [x] Plan for next weeks?" over its open tasks) */
        size_t parent = parent_box(d, i);
        if (parent != SIZE_MAX && ticked_later[parent])
            superseded[i] = 1;
        if (!box->checked && !superseded[i] && !no_task(box) && !agenda_topic(d, box) &&
            !parked_section(d, box->line) && !lint_record_done(d, box) &&
            !lint_done_later(done, i) && !lint_in_form(d, box->line, forms) &&
            !lint_caption_done_later(captions, box))
            st = lint_emit(ctx, SLOG_RULE_OPEN_CHECKLIST, box->line, "unchecked: %s",
                           lint_excerpt(box->text, text, sizeof text, 100));
    }
    lint_done_index_free(done);
    lint_caption_index_free(captions);
    free(c);
    free(superseded);
    free(ticked_later);
    free(forms);
    return st;
}
