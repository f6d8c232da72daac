/* SPDX-License-Identifier: BSD-2-Clause */
/* Corpus tests over ../shared/corpus (skipped when it is absent): the
 * canonical example in both encodings, and every real document against its
 * independently made label. */
#include "helpers.h"

#include <ctype.h>
#include <dirent.h>
#include <sys/stat.h>

static char shared[4096];

static slog_doc *parse_path(const char *rel)
{
    char path[8192];
    snprintf(path, sizeof path, "%s/%s", shared, rel);
    slog_doc *d = NULL;
    slog_error err;
    ck_assert_msg(slog_parse_file(path, NULL, &d, &err) == SLOG_OK, "%s: %s", path, err.message);
    return d;
}

static void check_canonical_counts(const slog_doc *d)
{
    size_t by_state[SLOG_STATE_COUNT] = {0}, items = 0, unchecked = 0;
    const slog_item *hourglass = NULL;
    ck_assert_uint_eq(d->nentries, 19);
    for (size_t i = 0; i < d->nentries; i++)
        for (const slog_item *it = d->entries[i]->items; it; it = it->next) {
            by_state[it->state]++;
            items++;
            if (it->state == SLOG_STATE_IN_PROGRESS)
                hourglass = it;
        }
    ck_assert_uint_eq(items, 43);
    ck_assert_uint_eq(by_state[SLOG_STATE_DONE], 24);
    ck_assert_uint_eq(by_state[SLOG_STATE_IN_PROGRESS], 1);
    ck_assert_uint_eq(by_state[SLOG_STATE_NEXT], 18);
    for (size_t i = 0; i < d->nchecklists; i++)
        unchecked += !d->checklists[i].checked;
    ck_assert_uint_eq(unchecked, 5);
    ck_assert_uint_eq(d->nfollowups, 5);
    ck_assert_ptr_nonnull(hourglass);
    ck_assert_str_eq(hourglass->resolved, "2025-09-30");
    ck_assert_str_eq(hourglass->entry->date, "2025-09-29");
    ck_assert_str_eq(d->title, "Plan: Prisma CLI Config Migration");
    ck_assert_str_eq(d->date, "2025-09-26");
}

/* SPEC §3 at --today 2025-10-19: the expected findings, and nothing else of
 * severity warning or error. */
static void check_canonical_lint(const char *rel, int mojibake)
{
    slog_doc *d = parse_path(rel);
    slog_diags diags = {0};
    slog_error err;
    slog_lint_options lo = {SLOG_LINT_OPTIONS_VERSION, NULL, 0, 0};
    ck_assert(slog_parse_date("2025-10-19", &lo.today) == 0);
    ck_assert_int_eq(slog_lint(d, &lo, &diags, &err), SLOG_OK);
    slog_diags_sort(&diags);
    int order[3], norder = 0, dup = 0, stale = 0, open = 0, moji = 0, other = 0, repeated = 0;
    for (size_t i = 0; i < diags.count; i++) {
        const slog_diag *g = &diags.items[i];
        switch (g->rule) {
        case SLOG_RULE_ENTRY_ORDER:
            ck_assert_int_lt(norder, 3);
            order[norder++] = g->line;
            break;
        case SLOG_RULE_DUPLICATE_ENTRY:
            ck_assert_int_eq(g->line, 119);
            dup++;
            break;
        case SLOG_RULE_STALE_ITEM:
            ck_assert_ptr_nonnull(strstr(g->message, "since 2025-09-27"));
            ck_assert_ptr_nonnull(strstr(g->message, "CI smoke"));
            stale++;
            break;
        case SLOG_RULE_OPEN_CHECKLIST:
            open++;
            break;
        case SLOG_RULE_MOJIBAKE:
            moji++;
            break;
        case SLOG_RULE_REPEATED_ENTRY: /* SPEC §3 r3: one note naming the re-runs */
            ck_assert_ptr_nonnull(strstr(g->message, "lines 71, 83–87"));
            repeated++;
            break;
        default:
            other++;
        }
    }
    ck_assert_int_eq(repeated, 1);
    ck_assert_int_eq(norder, 3);
    ck_assert_int_eq(order[0], 119);
    ck_assert_int_eq(order[1], 127);
    ck_assert_int_eq(order[2], 131);
    ck_assert_int_eq(dup, 1);
    ck_assert_int_eq(stale, 1);
    ck_assert_int_eq(open, 5);
    ck_assert_int_eq(moji, mojibake);
    ck_assert_int_eq(other, 0);
    ck_assert_int_eq(slog_diags_worst(&diags), SLOG_SEV_ERROR); /* exit 1 */
    slog_diags_free(&diags);
    slog_doc_free(d);
}

/* SPEC §5 / issue: week 2025-W41 of the example folds its many "reran the
 * Prisma CLI suite" items into one line with a count and a date range. */
START_TEST(canonical_example_digest_folds_repeats)
{
    slog_doc *d = parse_path("corpus/prisma-config-plan.md");
    slog_digest_options o = {SLOG_DIGEST_OPTIONS_VERSION, NULL, {0, 0, 0, 0}, 0, 0};
    slog_error err;
    ck_assert_int_eq(slog_period_from_week("2025-W41", &o.period, &err), SLOG_OK);
    ck_assert(slog_parse_date("2025-10-19", &o.today) == 0);
    cJSON *dg = slog_digest_new(&o);
    ck_assert_int_eq(slog_digest_add(dg, d, &o, &err), SLOG_OK);
    const cJSON *doc = cJSON_GetArrayItem(cJSON_GetObjectItem(dg, "documents"), 0);
    const cJSON *done, *folded = NULL;
    cJSON_ArrayForEach(done, cJSON_GetObjectItem(doc, "done"))
    {
        if (cJSON_GetObjectItem(done, "count")->valueint > 1)
            folded = done;
    }
    ck_assert_ptr_nonnull(folded);
    ck_assert_int_eq(cJSON_GetObjectItem(folded, "count")->valueint, 5);
    ck_assert_str_eq(cJSON_GetObjectItem(folded, "first")->valuestring, "2025-10-07");
    ck_assert_str_eq(cJSON_GetObjectItem(folded, "last")->valuestring, "2025-10-12");
    ck_assert_ptr_nonnull(strstr(cJSON_GetObjectItem(folded, "text")->valuestring, "Prisma CLI"));
    /* the CI smoke thread is open at the end of the week, 15 days old */
    const cJSON *t = cJSON_GetArrayItem(cJSON_GetObjectItem(doc, "open_threads"), 0);
    ck_assert_str_eq(cJSON_GetObjectItem(t, "first_seen")->valuestring, "2025-09-27");
    ck_assert_int_eq(cJSON_GetObjectItem(t, "age_days")->valueint, 15);
    cJSON_Delete(dg);
    slog_doc_free(d);
}
END_TEST

START_TEST(canonical_example_lint)
{
    check_canonical_lint("corpus/prisma-config-plan.md", 0);
    check_canonical_lint("corpus/prisma-config-plan.mojibake.md", 1);
}
END_TEST

START_TEST(canonical_example_both_encodings)
{
    slog_doc *clean = parse_path("corpus/prisma-config-plan.md");
    slog_doc *moji = parse_path("corpus/prisma-config-plan.mojibake.md");
    check_canonical_counts(clean);
    check_canonical_counts(moji);
    ck_assert_int_eq(clean->encoding.mojibake, SLOG_MOJIBAKE_NONE);
    ck_assert_int_eq(moji->encoding.mojibake, SLOG_MOJIBAKE_MAC_ROMAN);
    /* identical entries, items, texts and ids */
    cJSON *a = slog_doc_to_json(clean), *b = slog_doc_to_json(moji);
    const char *differ[] = {"file", "encoding"};
    for (size_t i = 0; i < 2; i++) {
        cJSON_DeleteItemFromObject(a, differ[i]);
        cJSON_DeleteItemFromObject(b, differ[i]);
    }
    ck_assert(cJSON_Compare(a, b, 1));
    cJSON_Delete(a);
    cJSON_Delete(b);
    slog_doc_free(clean);
    slog_doc_free(moji);
}
END_TEST

/* Labels compare loosely: letters and digits, case-insensitive. */
static void loose(const char *s, char *out, size_t cap)
{
    size_t o = 0;
    for (; s && *s && o + 1 < cap; s++)
        if (isalnum((unsigned char)*s) || (unsigned char)*s >= 0x80)
            out[o++] = (char)tolower((unsigned char)*s);
    out[o] = '\0';
}

static const char *zone_norm(const char *z)
{
    if (!z)
        return "";
    if (!strcmp(z, "Z") || !strcmp(z, "UTC") || !strcmp(z, "+00:00"))
        return "UTC";
    return z;
}

static const char *str_or_empty(const cJSON *j)
{
    return cJSON_IsString(j) ? j->valuestring : "";
}

/* Items revision 3 reads otherwise than the labels (revision 2), which count
 * an item under its marker's state (a note without one): SPEC §1 r3, tasks
 * versus statements. Each is asserted: an item r3 reads otherwise that this
 * table lacks is a failure, and so is an entry of the table r3 no longer
 * reads so. */
static const struct {
    const char *file;
    int line;
    slog_state state; /* what r3 reads */
    int was;          /* what the label counts, -1: the marker's state */
} r3_readings[] = {
    /* a marker on a figure is a metric, on what was not done a statement */
    {"344b5710__coordination_inbox_tooling_2025-09-29-notes.md", 611, SLOG_STATE_NOTE,
     -1}, /* 🔴 Critical Issues: 3 */
    {"344b5710__coordination_inbox_tooling_2025-09-29-notes.md", 616, SLOG_STATE_NOTE,
     -1}, /* 🟡 Security Concerns: 7 */
    {"344b5710__coordination_inbox_tooling_2025-09-29-notes.md", 625, SLOG_STATE_NOTE,
     -1}, /* 🟠 Performance Issues: 5 */
    {"344b5710__coordination_inbox_tooling_2025-09-29-notes.md", 685, SLOG_STATE_NOTE,
     -1}, /* ❌ NO code changes made */
    {"344b5710__coordination_inbox_tooling_2025-09-29-notes.md", 686, SLOG_STATE_NOTE,
     -1}, /* ❌ NO files modified */
    {"95df75a5__coordination_inbox_manager_2025-10-01-notes.md", 689, SLOG_STATE_NOTE,
     -1}, /* ⚠️ 4 P1 blockers open */
    {"95df75a5__coordination_inbox_manager_2025-10-01-notes.md", 691, SLOG_STATE_NOTE,
     -1}, /* ⚠️ 2 services marked */
    {"b8f49461__coordination_inbox_manager_2025-10-01-notes.md", 689, SLOG_STATE_NOTE, -1},
    {"b8f49461__coordination_inbox_manager_2025-10-01-notes.md", 691, SLOG_STATE_NOTE, -1},
    /* a red circle or a cross in next steps or action items: work to do */
    {"95df75a5__coordination_inbox_manager_2025-10-01-notes.md", 706, SLOG_STATE_NEXT,
     -1}, /* 🔴 Resolve dashboard :8080 service, under Immediate Next Steps */
    {"b8f49461__coordination_inbox_manager_2025-10-01-notes.md", 706, SLOG_STATE_NEXT, -1},
    /* "- Next:" over a nested list captions it: its items are the next steps */
    {"dfca47f7__feedback_tooling.md", 90, SLOG_STATE_NOTE, SLOG_STATE_NEXT},
    {"8e369ada__feedback_tooling.md", 90, SLOG_STATE_NOTE, SLOG_STATE_NEXT},
    /* and the other colours there: priorities of next steps, not progress */
    {"95df75a5__coordination_inbox_manager_2025-10-01-notes.md", 707, SLOG_STATE_NEXT,
     -1}, /* 🟠 Debug unhealthy healthchecks */
    {"95df75a5__coordination_inbox_manager_2025-10-01-notes.md", 708, SLOG_STATE_NEXT,
     -1}, /* 🟡 Sync Partners App configuration */
    {"b8f49461__coordination_inbox_manager_2025-10-01-notes.md", 707, SLOG_STATE_NEXT, -1},
    {"b8f49461__coordination_inbox_manager_2025-10-01-notes.md", 708, SLOG_STATE_NEXT, -1},
    {"d2ca2a46__feedback_quality.md", 347, SLOG_STATE_NEXT,
     -1}, /* ❌ Assign Dockerfile fix, under Manager Action Items */
    {"d2ca2a46__feedback_quality.md", 348, SLOG_STATE_NEXT, -1},
    {"61be71de__feedback_quality.md", 315, SLOG_STATE_NEXT, -1},
    {"61be71de__feedback_quality.md", 316, SLOG_STATE_NEXT, -1},
    /* "- BLOCKER: Approvals handshake test stalls": the word is the marker */
    {"d2ca2a46__feedback_quality.md", 28, SLOG_STATE_BLOCKED, SLOG_STATE_NOTE},
    /* the items under "**Fixed Issues**:" are fixes made */
    {"d2ca2a46__feedback_quality.md", 757, SLOG_STATE_DONE, -1},
    {"d2ca2a46__feedback_quality.md", 762, SLOG_STATE_DONE, -1},
    {"d2ca2a46__feedback_quality.md", 766, SLOG_STATE_DONE, -1},
    {"61be71de__feedback_quality.md", 725, SLOG_STATE_DONE, -1},
    {"61be71de__feedback_quality.md", 730, SLOG_STATE_DONE, -1},
    {"61be71de__feedback_quality.md", 734, SLOG_STATE_DONE, -1},
    /* the items under "Completed P1 Tasks" and "### Completed Tasks" were done */
    {"d2ca2a46__feedback_quality.md", 794, SLOG_STATE_DONE, -1},
    {"d2ca2a46__feedback_quality.md", 800, SLOG_STATE_DONE, -1},
    {"d2ca2a46__feedback_quality.md", 807, SLOG_STATE_DONE, -1},
    {"61be71de__feedback_quality.md", 762, SLOG_STATE_DONE, -1},
    {"61be71de__feedback_quality.md", 768, SLOG_STATE_DONE, -1},
    {"61be71de__feedback_quality.md", 775, SLOG_STATE_DONE, -1},
    {"575b176a__coordination_inbox_data_2025-09-27-notes.md", 15, SLOG_STATE_DONE, -1},
    {"575b176a__coordination_inbox_data_2025-09-27-notes.md", 21, SLOG_STATE_DONE, -1},
    /* a poll's keyed reading that a file is absent: "❌ Quality Direction
     * File: `…/direction.md` — Does not exist" is no failed work */
    {"d2ca2a46__feedback_quality.md", 828, SLOG_STATE_NOTE, -1},
    {"d2ca2a46__feedback_quality.md", 1224, SLOG_STATE_NOTE, -1},
    {"61be71de__feedback_quality.md", 796, SLOG_STATE_NOTE, -1},
    /* the items of "## Blockers (Outstanding)" are work blocked */
    {"d2ca2a46__feedback_quality.md", 82, SLOG_STATE_BLOCKED, -1},
    {"d2ca2a46__feedback_quality.md", 87, SLOG_STATE_BLOCKED, -1},
};
static int r3_seen[sizeof r3_readings / sizeof *r3_readings];

/* Lists r3 reads as work done because their caption says so ("**Key
 * Accomplishments Today**:", "**🚀 KEY ACHIEVEMENTS:**"): every unmarked
 * item of lines first..last is done. */
static const struct {
    const char *file;
    int first, last;
} r3_done_lists[] = {
    {"95df75a5__coordination_inbox_manager_2025-10-01-notes.md", 694, 703},
    {"b8f49461__coordination_inbox_manager_2025-10-01-notes.md", 694, 703},
    {"02df12c5__coordination_inbox_mcp_2025-09-29-notes.md", 814, 818},
};
static int r3_done_seen[sizeof r3_done_lists / sizeof *r3_done_lists];

/* The state the label counts an item under: its marker's (a note without
 * one), for an item r3 reads otherwise (which must be in r3_readings). */
static slog_state label_state(const char *file, const slog_item *it, int *unexpected)
{
    slog_state marked = *it->marker ? slog_marker_state(NULL, it->marker) : SLOG_STATE_NOTE;
    for (size_t i = 0; i < sizeof r3_readings / sizeof *r3_readings; i++)
        if (!strcmp(r3_readings[i].file, file) && r3_readings[i].line == it->line &&
            r3_readings[i].state == it->state) {
            r3_seen[i] = 1;
            return r3_readings[i].was < 0 ? marked : (slog_state)r3_readings[i].was;
        }
    for (size_t i = 0; i < sizeof r3_done_lists / sizeof *r3_done_lists; i++)
        if (!strcmp(r3_done_lists[i].file, file) && it->line >= r3_done_lists[i].first &&
            it->line <= r3_done_lists[i].last && it->state == SLOG_STATE_DONE && !*it->marker) {
            r3_done_seen[i]++;
            return marked;
        }
    if (it->state == marked)
        return it->state;
    fprintf(stderr, "%s:%d: r3 reads '%s %s' as %s, which the test does not expect\n", file,
            it->line, it->marker, it->text, slog_state_name(it->state));
    *unexpected = 1;
    return marked;
}

/* Items a label counts for an entry. The labels know heading entries only:
 * what revision 2 reads as bold-line entries inside the entry's section are
 * the entry's own items there, and a list-item entry is one item (a note:
 * its line opens with a date, not a marker) whose nested items are its
 * children. */
static void count_items(const char *file, const slog_entry *e, const slog_doc *d,
                        size_t counts[SLOG_STATE_COUNT], int *unexpected)
{
    for (size_t i = e->index; i < d->nentries; i++) {
        const slog_entry *c = d->entries[i], *p = c;
        if (i > e->index && c->line > e->end_line)
            break;
        while (p && p != e && p->kind != SLOG_ENTRY_HEADING)
            p = p->parent;
        if (p != e)
            continue;
        if (c->kind == SLOG_ENTRY_LIST) {
            counts[SLOG_STATE_NOTE]++;
            continue;
        }
        for (const slog_item *it = c->items; it; it = it->next)
            counts[label_state(file, it, unexpected)]++;
    }
}

/* Where the labels, made from cmark's tree, read a block of command output
 * above a row of '=' as a level-1 heading, and a reader (and statuslog)
 * reads it as text. The difference each makes is asserted exactly. */
static const struct {
    const char *file;
    int title_line;  /* the labelled entry here is the document's title */
    int entry_line;  /* the labelled entry here ... */
    int extra_notes; /* ... keeps this many more notes: the block no longer ends it */
} output_blocks[] = {
    /* "=====\n[$(date -Iseconds)] 🎉 OVERNIGHT SESSION COMPLETE\n=====" is a banner */
    {"d930e11e__coordination_inbox_rag_2025-09-30-notes.md", 1, 0, 0},
    /* 29 lines of a load test's output above "=====" (lines 3985-4014) */
    {"9f1e48e9__coordination_inbox_inventory_2025-09-29-notes.md", 0, 1900, 14},
};

static int label_title_line(const char *name)
{
    for (size_t i = 0; i < sizeof output_blocks / sizeof *output_blocks; i++)
        if (!strcmp(output_blocks[i].file, name))
            return output_blocks[i].title_line;
    return 0;
}

static int label_extra_notes(const char *name, int line)
{
    for (size_t i = 0; i < sizeof output_blocks / sizeof *output_blocks; i++)
        if (!strcmp(output_blocks[i].file, name) && output_blocks[i].entry_line == line)
            return output_blocks[i].extra_notes;
    return 0;
}

static int compare_entry(const char *file, const cJSON *want, const slog_entry *got,
                         const slog_doc *d)
{
    int line = cJSON_GetObjectItem(want, "line")->valueint;
    char a[512], b[512];
    loose(str_or_empty(cJSON_GetObjectItem(want, "label")), a, sizeof a);
    loose(got->label, b, sizeof b);
    const char *wtime = str_or_empty(cJSON_GetObjectItem(want, "time"));
    const char *gtime = got->time ? got->time : "";
    int ok = got->line == line && !strcmp(a, b) &&
             !strcmp(str_or_empty(cJSON_GetObjectItem(want, "date")), got->date) &&
             !strncmp(wtime, gtime, 5) && (strlen(wtime) >= 5) == (strlen(gtime) >= 5) &&
             !strcmp(zone_norm(cJSON_IsString(cJSON_GetObjectItem(want, "zone"))
                                   ? cJSON_GetObjectItem(want, "zone")->valuestring
                                   : NULL),
                     zone_norm(got->zone)) &&
             cJSON_GetObjectItem(want, "level")->valueint == got->level;
    size_t counts[SLOG_STATE_COUNT] = {0};
    int unexpected = 0;
    count_items(file, got, d, counts, &unexpected);
    ok &= !unexpected;
    const cJSON *items = cJSON_GetObjectItem(want, "items_r2");
    for (int s = 0; s < SLOG_STATE_COUNT; s++) {
        const cJSON *n = cJSON_GetObjectItem(items, slog_state_name((slog_state)s));
        size_t expect = (n ? (size_t)n->valueint : 0) +
                        (s == SLOG_STATE_NOTE ? (size_t)label_extra_notes(file, line) : 0);
        if (expect != counts[s]) {
            if (ok)
                fprintf(stderr, "%s: entry at line %d: %zu %s items, label says %zu\n", file, line,
                        counts[s], slog_state_name((slog_state)s), expect);
            ok = 0;
        }
    }
    if (!ok)
        fprintf(stderr, "%s: entry at line %d (got line %d '%s') differs from its label\n", file,
                line, got->line, got->heading);
    return ok;
}

/* Entries revision 1 did not know: bold-line and list-item entries, and
 * headings whose date is not written YYYY-MM-DD. */
static int r2_only(const slog_entry *e)
{
    return e->kind != SLOG_ENTRY_HEADING || e->date_text != NULL;
}

static int at_r2_only_entry(const slog_doc *d, int line)
{
    for (size_t i = 0; i < d->nentries; i++)
        if (d->entries[i]->line == line)
            return r2_only(d->entries[i]);
    return 0;
}

/* duplicate-entry lines of the labels (revision 2: the same date, label
 * and time) that revision 3 does not report: entries with a time are
 * duplicates only when they say the same too. */
static const struct {
    const char *file;
    int line;
} r3_not_duplicates[] = {
    /* the 23:21 UTC verification written again with other words (its
     * first copy lost its code spans): two texts of the same minute */
    {"414344ac__coordination_inbox_sync_2025-09-27-notes.md", 65},
};

static int r3_not_duplicate(const char *file, int line)
{
    for (size_t i = 0; i < sizeof r3_not_duplicates / sizeof *r3_not_duplicates; i++)
        if (!strcmp(r3_not_duplicates[i].file, file) && r3_not_duplicates[i].line == line)
            return 1;
    return 0;
}

/* The lines of `rule`'s findings equal the label's array `key`. The labels
 * know heading entries written YYYY-MM-DD only: findings at entries that
 * revision 2 adds (bold lines, list items, other date forms) are not theirs
 * to judge; the fixtures' golden files hold those. */
static int same_lines(const char *name, const slog_doc *d, const slog_diags *diags, slog_rule rule,
                      const cJSON *label, const char *key)
{
    int want[4096], got[4096];
    size_t nwant = 0, ngot = 0;
    const cJSON *w;
    cJSON_ArrayForEach(w, cJSON_GetObjectItem(label, key))
    {
        if (!(rule == SLOG_RULE_DUPLICATE_ENTRY && r3_not_duplicate(name, w->valueint)) &&
            nwant < 4096)
            want[nwant++] = w->valueint;
    }
    for (size_t i = 0; i < diags->count && ngot < 4096; i++)
        if (diags->items[i].rule == rule && !at_r2_only_entry(d, diags->items[i].line))
            got[ngot++] = diags->items[i].line;
    int ok = nwant == ngot && (!ngot || !memcmp(want, got, ngot * sizeof *got));
    if (!ok)
        fprintf(stderr, "%s: %s lines differ from the label's %s\n", name,
                slog_rule_get(rule)->name, key);
    return ok;
}

/* The precision standard (SPEC §3 r2): a stale-item is a task (never an
 * unchecked box, a failed or a warning observation), and a run of repeated
 * entries is one finding (no finding inside another's run). */
static int precise(const char *name, const slog_doc *d, const slog_diags *diags)
{
    int ok = 1, run_end = 0;
    for (size_t i = 0; i < diags->count; i++) {
        const slog_diag *g = &diags->items[i];
        if (g->rule == SLOG_RULE_STALE_ITEM) {
            for (size_t t = 0; t < d->nthreads; t++) {
                const slog_thread *th = &d->threads[t];
                if (th->items[th->nitems - 1]->line != g->line)
                    continue;
                if (th->state != SLOG_STATE_NEXT && th->state != SLOG_STATE_IN_PROGRESS &&
                    th->state != SLOG_STATE_BLOCKED) {
                    fprintf(stderr, "%s:%d: stale-item of a %s thread\n", name, g->line,
                            slog_state_name(th->state));
                    ok = 0;
                }
            }
        } else if (g->rule == SLOG_RULE_REPEATED_ENTRY) {
            int from, to;
            if (g->line <= run_end) {
                fprintf(stderr, "%s:%d: repeated-entry inside another run\n", name, g->line);
                ok = 0;
            }
            if (sscanf(g->message, "entries at lines %d\xE2\x80\x93%d", &from, &to) == 2 &&
                to > run_end)
                run_end = to;
        }
    }
    return ok;
}

static int lint_matches_label(const char *name, const slog_doc *d, const cJSON *label)
{
    slog_diags diags = {0};
    slog_error err;
    slog_lint_options lo = {SLOG_LINT_OPTIONS_VERSION, NULL, 0, 0};
    ck_assert(slog_parse_date("2025-10-20", &lo.today) == 0);
    ck_assert_int_eq(slog_lint(d, &lo, &diags, &err), SLOG_OK);
    slog_diags_sort(&diags);
    int ok = precise(name, d, &diags);
    ok &= same_lines(name, d, &diags, SLOG_RULE_DUPLICATE_ENTRY, label, "duplicates_r2");
    ok &= same_lines(name, d, &diags, SLOG_RULE_ENTRY_ORDER, label, "order_violations_r2");
    slog_diags_free(&diags);
    return ok;
}

static int compare_with_label(const char *name, const cJSON *label)
{
    char rel[2048];
    snprintf(rel, sizeof rel, "corpus/real/%s", name);
    slog_doc *d = parse_path(rel);
    int lint_ok = lint_matches_label(name, d, label);
    const cJSON *entries = cJSON_GetObjectItem(label, "entries");
    int ok = 1;
    size_t k = 0;
    const cJSON *e;
    /* every labelled entry, in order; between them only entries of revision 2 */
    cJSON_ArrayForEach(e, entries)
    {
        int line = cJSON_GetObjectItem(e, "line")->valueint;
        if (line == label_title_line(name)) {
            if (d->title_line != line) {
                fprintf(stderr, "%s: line %d should be the title\n", name, line);
                ok = 0;
            }
            continue;
        }
        while (k < d->nentries && d->entries[k]->line != line && r2_only(d->entries[k]))
            k++;
        if (k == d->nentries || d->entries[k]->line != line) {
            fprintf(stderr, "%s: labelled entry at line %d not found\n", name, line);
            ok = 0;
            break;
        }
        ok &= compare_entry(name, e, d->entries[k++], d);
    }
    for (; ok && k < d->nentries; k++)
        if (!r2_only(d->entries[k])) {
            fprintf(stderr, "%s: entry at line %d is not labelled\n", name, d->entries[k]->line);
            ok = 0;
        }
    size_t checked = 0;
    for (size_t i = 0; i < d->nchecklists; i++)
        checked += d->checklists[i].checked != 0;
    const cJSON *cl = cJSON_GetObjectItem(label, "checklist");
    if ((size_t)cJSON_GetObjectItem(cl, "checked")->valueint != checked ||
        (size_t)cJSON_GetObjectItem(cl, "unchecked")->valueint != d->nchecklists - checked) {
        fprintf(stderr, "%s: checklist counts differ\n", name);
        ok = 0;
    }
    slog_doc_free(d);
    return ok && lint_ok;
}

START_TEST(real_documents_match_their_labels)
{
    char dir[8192];
    snprintf(dir, sizeof dir, "%s/corpus/real-labels", shared);
    DIR *dp = opendir(dir);
    ck_assert_ptr_nonnull(dp);
    struct dirent *de;
    int files = 0, failures = 0;
    while ((de = readdir(dp)) != NULL) {
        size_t n = strlen(de->d_name);
        if (n < 6 || strcmp(de->d_name + n - 5, ".json") != 0)
            continue;
        char path[12288];
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        size_t len;
        char *text = read_all(path, &len);
        cJSON *label = cJSON_Parse(text);
        ck_assert_msg(label != NULL, "%s: invalid JSON", path);
        char name[1024];
        snprintf(name, sizeof name, "%.*s", (int)(n - 5), de->d_name);
        failures += !compare_with_label(name, label);
        files++;
        cJSON_Delete(label);
        free(text);
    }
    closedir(dp);
    for (size_t i = 0; i < sizeof r3_readings / sizeof *r3_readings; i++)
        if (!r3_seen[i]) {
            fprintf(stderr, "%s:%d: r3 no longer reads this item as %s\n", r3_readings[i].file,
                    r3_readings[i].line, slog_state_name(r3_readings[i].state));
            failures++;
        }
    for (size_t i = 0; i < sizeof r3_done_lists / sizeof *r3_done_lists; i++)
        if (r3_done_seen[i] != r3_done_lists[i].last - r3_done_lists[i].first + 1) {
            fprintf(stderr, "%s:%d: r3 reads %d items of this list as done, not all\n",
                    r3_done_lists[i].file, r3_done_lists[i].first, r3_done_seen[i]);
            failures++;
        }
    fprintf(stderr, "corpus: %d real documents, %d differ from their labels\n", files, failures);
    ck_assert_int_gt(files, 0);
    ck_assert_int_eq(failures, 0);
}
END_TEST

int main(void)
{
    const char *dir = getenv("SLOG_SHARED");
    struct stat st;
    snprintf(shared, sizeof shared, "%s", dir ? dir : "../shared");
    char corpus[8192];
    snprintf(corpus, sizeof corpus, "%s/corpus", shared);
    if (stat(corpus, &st) != 0 || !S_ISDIR(st.st_mode)) {
        printf("corpus: %s not found, skipping the corpus tests\n", corpus);
        return 77;
    }
    Suite *s = suite_create("corpus");
    TCase *tc = tcase_create("corpus");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, canonical_example_both_encodings);
    tcase_add_test(tc, canonical_example_lint);
    tcase_add_test(tc, canonical_example_digest_folds_repeats);
    tcase_add_test(tc, real_documents_match_their_labels);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
