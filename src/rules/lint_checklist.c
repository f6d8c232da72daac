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

/* The lists under a session's next-steps heading ("#### Наступні кроки
 * (Сесія 6):" over "**Option A - Camera Controls:**" and "**Option B -
 * 3D Models:**") are one list, whatever their own captions: the next
 * session's next steps replace them all (the author plans again each
 * session; what was not carried forward was done or dropped). */
static void next_steps_as_one(const lint_ctx *ctx, size_t i, captioned *c)
{
    const slog_doc *d = ctx->doc;
    const slog_checklist_item *box = &d->checklists[i];
    size_t lo = slog_doc_sections_before(d, box->line + 1);
    if (c->day < 0 || !lo || !box->section || strcmp(d->sections[lo - 1].title, box->section) ||
        !slog_followup_heading(ctx->config, box->section))
        return;
    caption_key(box->section, c->key, sizeof c->key);
    c->caption_line = d->sections[lo - 1].line;
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
        next_steps_as_one(ctx, i, &c[i]);
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
    /* a box with an open step nested under it is open because of that
     * step: the step is reported, not the box again */
    size_t *parents = st == SLOG_OK ? malloc(d->nchecklists * sizeof *parents) : NULL;
    unsigned char *open_steps = parents ? calloc(d->nchecklists, 1) : NULL;
    if (st == SLOG_OK && !open_steps)
        st = SLOG_ERR_NOMEM;
    for (size_t i = 0; i < d->nchecklists && st == SLOG_OK; i++) {
        parents[i] = parent_box(d, i);
        if (parents[i] != SIZE_MAX && !d->checklists[i].checked)
            open_steps[parents[i]] = 1;
    }
    for (size_t i = 0; i < d->nchecklists && st == SLOG_OK; i++) {
        const slog_checklist_item *box = &d->checklists[i];
        char text[160];
        /* a step of a box a later list repeats ticked goes with it (not one
         * of a box ticked: "- [x] Plan for next weeks?" over its open tasks) */
        size_t parent = parents[i];
        if (parent != SIZE_MAX && ticked_later[parent])
            superseded[i] = 1;
        if (!box->checked && !superseded[i] && !open_steps[i] && !lint_box_no_task(box) &&
            !agenda_topic(d, box) && !lint_parked_section(d, box->line) &&
            !lint_record_done(d, box) && !lint_done_later(done, i) &&
            !lint_in_form(d, box->line, forms) && !lint_caption_done_later(captions, box))
            st = lint_emit(ctx, SLOG_RULE_OPEN_CHECKLIST, box->line, "unchecked: %s",
                           lint_excerpt(box->text, text, sizeof text, 100));
    }
    lint_done_index_free(done);
    lint_caption_index_free(captions);
    free(parents);
    free(open_steps);
    free(c);
    free(superseded);
    free(ticked_later);
    free(forms);
    return st;
}
