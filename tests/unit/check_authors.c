/* SPDX-License-Identifier: BSD-2-Clause */
/* Logs as other authors write them (SPEC §1, §3 r3), from findings judged on
 * public logs: dates in more languages, a time before the date, labels
 * that keep their own punctuation, headings whose date opens no entry,
 * failures fixed on their line, events that are no repeats, and series of
 * plans where only the newest counts. Each case failed before its fix. */
#include "lint_helpers.h"

/* The only entry of `md`, which must have exactly one. */
static slog_doc *one(const char *md, const slog_entry **e)
{
    slog_doc *d = parse_str(md);
    ck_assert_uint_eq(d->nentries, 1);
    *e = d->entries[0];
    return d;
}

static void dated(const char *md, const char *date)
{
    const slog_entry *e;
    slog_doc *d = one(md, &e);
    ck_assert_str_eq(e->date, date);
    ck_assert(!e->weekday_mismatch);
    slog_doc_free(d);
}

START_TEST(months_and_weekdays_of_more_languages)
{
    dated("## 3 Şubat 2026 - Salı (Kurulum)\n- ✅ Proje başlatıldı\n", "2026-02-03");
    dated("## 28 TEMMUZ 2026\n- a\n", "2026-07-28");
    dated("## 3 февраля 2026 г., вторник\n- a\n", "2026-02-03");
    dated("## Понедельник, 2 марта 2026\n- a\n", "2026-03-02");
    dated("## 2 березня 2026\n- a\n", "2026-03-02");
    dated("## 3 lutego 2026 (wtorek)\n- a\n", "2026-02-03");
    dated("## 3. února 2026\n- a\n", "2026-02-03");
    dated("## 3 Maret 2026\n- a\n", "2026-03-03");
    dated("## 3 augusti 2026\n- a\n", "2026-08-03");
    /* a wrong weekday is still seen as one */
    const slog_entry *e;
    slog_doc *d = one("## 27 Temmuz 2026 - Pazar (Legal)\n- a\n", &e);
    ck_assert(e->weekday_mismatch);
    slog_doc_free(d);
    /* without a year, a month name must end the words: a phrase is no date */
    d = parse_str("# Log\n\n3 марта прошли тесты\n");
    ck_assert_uint_eq(d->nentries, 0);
    slog_doc_free(d);
}
END_TEST

START_TEST(compact_dotted_and_spaced_forms)
{
    slog_doc *d = parse_str("# Changelog\n\n## 1.0.2 (260309)\n1. Added the parser\n\n"
                            "## 1.0.1 (260302)\n1. Created the repository\n\n## 20260301\n- a\n");
    ck_assert_uint_eq(d->nentries, 3);
    ck_assert_str_eq(d->entries[0]->date, "2026-03-09");
    ck_assert_str_eq(d->entries[0]->label, "1.0.2");
    ck_assert_str_eq(d->entries[2]->date, "2026-03-01");
    slog_doc_free(d);
    /* numbers that are no dates: an issue, a commit, a bare six digits */
    d = parse_str("## #20260309\n- a\n\n## commit 20260309a\n- b\n\n## 260309\n- c\n\n"
                  "## 202603091\n- d\n");
    ck_assert_uint_eq(d->nentries, 0);
    slog_doc_free(d);
    dated("## 2026. 3. 12.\n- a\n", "2026-03-12");
    /* a range of days with spaces is its first day; after a word, a date */
    const slog_entry *e;
    d = one("### 14 - 17 January 2026\nRan the batch.\n", &e);
    ck_assert_str_eq(e->date, "2026-01-14");
    ck_assert_str_eq(e->label, "");
    slog_doc_free(d);
    d = one("## Day 5 - 9 March 2026\n- a\n", &e);
    ck_assert_str_eq(e->date, "2026-03-09");
    ck_assert_str_eq(e->label, "Day 5");
    slog_doc_free(d);
}
END_TEST

START_TEST(a_date_banner_and_its_title)
{
    slog_doc *d = parse_str("# 2026-03-10\n<!-- DAILY_CHECKIN_2026-03-10_START -->\n"
                            "# Day 2: Export\n\n- ✅ Wrote the CSV exporter\n\n"
                            "# 2026-03-09\n# Day 1: Parser\n\n- ✅ Wrote the parser\n");
    ck_assert_uint_eq(d->nentries, 2);
    ck_assert_str_eq(d->entries[0]->label, "Day 2: Export");
    ck_assert_uint_eq(d->entries[0]->nitems, 1);
    ck_assert_uint_eq(d->entries[1]->nitems, 1);
    slog_doc_free(d);
    /* a banner with words of its own is an entry, and the heading a section */
    d = parse_str("## 2026-03-10\nShipped.\n## Notes\n- a\n");
    ck_assert_uint_eq(d->nentries, 1);
    ck_assert_str_eq(d->entries[0]->label, "");
    slog_doc_free(d);
    /* an entry left holding only markup is empty */
    ck_assert_int_eq(count_rule("# Log\n\n**Mar 9, 2026**\n\nWrote the parser.\n\n"
                                "**Mar 10, 2026**\n<br>\n<br>\n",
                                "2026-03-20", SLOG_RULE_EMPTY_ENTRY, NULL),
                     1);
    ck_assert_int_eq(count_rule("## 2026-03-09\n- a\n\n## 2026-03-10\n\n<br>\n<!-- todo -->\n",
                                "2026-03-20", SLOG_RULE_EMPTY_ENTRY, NULL),
                     1);
}
END_TEST

START_TEST(one_day_two_titled_pieces_of_work)
{
    const char *md = "## 2026-01-05 (Mon)\n\n### Events table created\n- **Type**: Database\n\n"
                     "## 2026-01-05 (Mon)\n\n### Scope clarified\n- **Type**: Docs\n";
    ck_assert_int_eq(count_rule(md, "2026-01-10", SLOG_RULE_DUPLICATE_ENTRY, NULL), 0);
    /* the same day twice, untitled: a duplicate */
    ck_assert_int_eq(count_rule("## 2026-01-05\n- a\n\n## 2026-01-05\n- b\n", "2026-01-10",
                                SLOG_RULE_DUPLICATE_ENTRY, NULL),
                     1);
}
END_TEST

START_TEST(stamps_statements_and_ruled_out_steps)
{
    int line = 0;
    slog_doc *d0;
    /* a log of bare stamps abandons nothing; one empty entry among others does */
    ck_assert_int_eq(count_rule("# Pings\n\n## Ping 2026-05-01 08:00 UTC\n## Ping 2026-05-01 "
                                "08:30 UTC\n## Ping 2026-05-01 09:00 UTC\n",
                                "2026-05-02", SLOG_RULE_EMPTY_ENTRY, NULL),
                     0);
    ck_assert_int_eq(count_rule("## 2026-05-01\n- a\n\n## 2026-05-02\n\n## 2026-05-03\n- b\n",
                                "2026-05-04", SLOG_RULE_EMPTY_ENTRY, NULL),
                     1);
    ck_assert_int_eq(count_rule("## 2026-05-01\n", "2026-05-04", SLOG_RULE_EMPTY_ENTRY, NULL), 1);
    /* a word marker whose value says there is nothing */
    const char *md =
        "## 2026-04-02\n- Fixed: N/A\n- Done: none\n- Blocked: —\n- Done: the parser\n";
    ck_assert_int_eq(item_state_at(md, 2), SLOG_STATE_NOTE);
    ck_assert_int_eq(item_state_at(md, 3), SLOG_STATE_NOTE);
    ck_assert_int_eq(item_state_at(md, 4), SLOG_STATE_NOTE);
    ck_assert_int_eq(item_state_at(md, 5), SLOG_STATE_DONE);
    /* a ❌ on a removal, a rule set or work put off on purpose; a next step
     * that mentions a delay stays one */
    md = "## 2026-03-02\n\n### Decision\n- ❌ Do NOT change the database schema\n\n### Work\n"
         "- ❌ Removed unused method\n- ❌ Flag NOT implemented (deferred to v0.6)\n"
         "- ❌ Canary failed on rc1\n- Next: export trigger (deferred until the UI window)\n";
    ck_assert_int_eq(item_state_at(md, 4), SLOG_STATE_NOTE);
    ck_assert_int_eq(item_state_at(md, 7), SLOG_STATE_NOTE);
    ck_assert_int_eq(item_state_at(md, 8), SLOG_STATE_NOTE);
    ck_assert_int_eq(item_state_at(md, 9), SLOG_STATE_FAILED);
    ck_assert_int_eq(item_state_at(md, 10), SLOG_STATE_NEXT);
    /* standing lists, targets and parked work are no open tasks */
    ck_assert_int_eq(
        count_rule("## 2026-02-23\n- [x] a\n\n## Daily checklist\n\n- [ ] Review files\n\n"
                   "## Genel Günlük İşler\n\n- [ ] Testleri çalıştır\n\n"
                   "## Success criteria (KPI)\n\n- [ ] Availability 99%\n\n"
                   "## Phase 3 - future features\n\n- [ ] Multi-tenant support\n\n"
                   "## Open\n\n- [ ] Write the guide\n",
                   "2026-03-01", SLOG_RULE_OPEN_CHECKLIST, &line),
        1);
    ck_assert_int_eq(line, 22);
    /* under "Done:", the problem met and a count reported are not work done */
    md = "## 2026-02-21 Minion\n\n### Fix 1: stream helper\n- Problem: the minion returned an "
         "error\n- Fix: added a final call\n\n## 2026-02-22 Review\n\nCompleted the review, "
         "which found:\n- **Missing requirements**: 5 features\n- 2 critical bugs fixed\n";
    ck_assert_int_eq(item_state_at(md, 4), SLOG_STATE_NOTE);
    ck_assert_int_eq(item_state_at(md, 5), SLOG_STATE_DONE);
    ck_assert_int_eq(item_state_at(md, 10), SLOG_STATE_NOTE);
    ck_assert_int_eq(item_state_at(md, 11), SLOG_STATE_DONE);
    /* a weekday written beside ambiguous dates decides their order */
    d0 =
        parse_str("### séance 1 (jeudi 04/09/2025)\n- a\n\n### séance 2 (lundi 08/09/2025)\n- b\n");
    ck_assert_str_eq(d0->entries[0]->date, "2025-09-04");
    ck_assert(!d0->entries[0]->weekday_mismatch);
    slog_doc_free(d0);
    /* hypotheses ruled out on the way to a root cause */
    md = "## 2026-07-13\n\nInvestigation:\n1. ❌ Suspected the auth header → still empty\n"
         "2. ✅ Root cause: search-only mode\n";
    ck_assert_int_eq(item_state_at(md, 4), SLOG_STATE_NOTE);
}
END_TEST

START_TEST(weekdays_after_a_dash_leave_the_label)
{
    const slog_entry *e;
    slog_doc *d = one("## 13 July 2026 - Monday (Start)\n- ✅ Project created\n", &e);
    ck_assert_str_eq(e->label, "Start");
    slog_doc_free(d);
    /* a short word after a dash is the label's */
    d = one("## 2026-03-08 - Sun rises\n- a\n", &e);
    ck_assert_str_eq(e->label, "Sun rises");
    ck_assert(!e->weekday_mismatch);
    slog_doc_free(d);
}
END_TEST

START_TEST(a_time_before_the_date)
{
    slog_doc *d = parse_str(".LOG\n\n# 9:00 AM 3/2/2026 =====\n\n- planned: parser\n\n"
                            "# 07:56:10 2026/03/04 =====\n\n- planned: tests\n\n"
                            "# 2:30 PM 3/5/2026\n\n- planned: docs\n");
    ck_assert_uint_eq(d->nentries, 3);
    ck_assert_str_eq(d->entries[0]->time, "09:00");
    ck_assert_str_eq(d->entries[0]->label, "");
    ck_assert_str_eq(d->entries[1]->time, "07:56:10");
    ck_assert_str_eq(d->entries[2]->time, "14:30");
    slog_doc_free(d);
    /* two runs stamped alike that record different work are two runs */
    ck_assert_int_eq(count_rule("# 9:00 AM 3/2/2026 =====\n\n- planned: parser\n\n"
                                "# 9:00 AM 3/2/2026 =====\n\n- planned: tests\n",
                                "2026-03-10", SLOG_RULE_DUPLICATE_ENTRY, NULL),
                     0);
}
END_TEST

START_TEST(labels_keep_their_own_punctuation)
{
    const slog_entry *e;
    slog_doc *d = one("## 2026-03-02 09:30 — Anti-double-click for «Create shipment»\n- a\n", &e);
    ck_assert_str_eq(e->label, "Anti-double-click for «Create shipment»");
    slog_doc_free(d);
    /* the end of a range of times is no label */
    d = one("## 2026-06-11 07:30 — 09:00 — Big UX refactor\n- a\n", &e);
    ck_assert_str_eq(e->time, "07:30");
    ck_assert_str_eq(e->label, "Big UX refactor");
    slog_doc_free(d);
    /* a word that only introduced the date goes with it */
    d = one("## Sessione del 2026-06-10 (Sera) - Tappe logistiche\n- a\n", &e);
    ck_assert_str_eq(e->label, "Sessione (Sera) - Tappe logistiche");
    slog_doc_free(d);
    d = one("## Séance du 2026-06-05\n- a\n", &e);
    ck_assert_str_eq(e->label, "Séance");
    slog_doc_free(d);
    /* what the date leaves in its brackets, a range in other languages, a
     * label word for the date */
    d = one("### P2.0 - API 验证 (完成 2026-02-18)\n- a\n", &e);
    ck_assert_str_eq(e->label, "P2.0 - API 验证 (完成)");
    slog_doc_free(d);
    d = one("## Sessão 2026-02-20 a 2026-02-27 - Ajustes finais\n- a\n", &e);
    ck_assert_str_eq(e->label, "Sessão Ajustes finais");
    slog_doc_free(d);
    d = one("## Cập nhật Ngày 15/02/2026: Pull code\n- a\n", &e);
    ck_assert_str_eq(e->label, "Cập nhật Pull code");
    slog_doc_free(d);
    d = one("# L\n\n## Work\n\n**目标**: less design\n\n**执行情况** (2026-02-17):\n\n- a\n", &e);
    ck_assert_str_eq(e->label, "执行情况");
    slog_doc_free(d);
    /* the date's separator goes, not the bracket it stood in */
    d = one("## Bugün Yapılanlar (14 Temmuz 2026 - Ek)\n- a\n", &e);
    ck_assert_str_eq(e->label, "Bugün Yapılanlar (Ek)");
    slog_doc_free(d);
}
END_TEST

START_TEST(headings_whose_date_opens_no_entry)
{
    slog_doc *d = parse_str("# Worklog\n\n## 2026-03-03 09:00 — Proxy switched\n- New IP\n\n"
                            "## 2026-03-02 07:30 — Parser rewrite\n- v2 payloads\n\n"
                            "## History before 2026-03-02 07:30\n\nSee the plan document.\n\n"
                            "## История до 2026-03-01\n\nСм. план.\n");
    ck_assert_uint_eq(d->nentries, 2);
    slog_doc_free(d);
    d = parse_str("# Dev journal\n\n## 13 July 2026 - Monday (Start)\n- ✅ Project created\n\n"
                  "### Tomorrow's to-dos (14 July 2026):\n1. Run the app\n\n"
                  "## 14 July 2026 - Tuesday (Tests)\n- ✅ App runs\n\n"
                  "## 🎬 Session end: 14 July 2026 - night\n");
    ck_assert_uint_eq(d->nentries, 2);
    ck_assert_str_eq(d->entries[0]->label, "Start");
    ck_assert_str_eq(d->entries[1]->label, "Tests");
    slog_doc_free(d);
    ck_assert_int_eq(count_rule("## 14 July 2026\n- ✅ App runs\n\n## 🎬 Session end: 14 July 2026\n",
                                "2026-07-20", SLOG_RULE_EMPTY_ENTRY, NULL),
                     0);
    /* a target's date, a completion stamp */
    d = parse_str("# Plan\n\n## Log\n\n### 2026-01-10\n- ✅ set up\n\n## Criteria\n\n"
                  "### Final goal (2026-06-30)\n- [ ] All done\n\n### 最終目標（2026年3月31日）\n"
                  "- [ ] 全タスク達成\n\n## Phases\n\n### Phase 2 ✅\n\n**目标**: 备注\n\n"
                  "**完成时间**: 2026-03-09\n\n- [x] 添加字段\n");
    ck_assert_uint_eq(d->nentries, 1);
    slog_doc_free(d);
    /* work done at a session's end is an entry */
    d = parse_str("### Verification at session end (2026-04-26)\n- ran the suite\n");
    ck_assert_uint_eq(d->nentries, 1);
    slog_doc_free(d);
}
END_TEST

START_TEST(failures_fixed_or_removed_on_purpose)
{
    const char *md = "## 2 March 2026 - Monday (OAuth)\n\n#### Error fixes\n"
                     "- ❌ Logo broken → ✅ callback page now uses the Logo component\n\n"
                     "#### Removed items\n- ❌ Sticky sidebar (replaced by vertical tabs)\n\n"
                     "#### Results\n- ❌ Canary failed on 4.13-rc1\n";
    ck_assert_int_eq(item_state_at(md, 4), SLOG_STATE_DONE);
    ck_assert_int_eq(item_state_at(md, 7), SLOG_STATE_NOTE);
    ck_assert_int_eq(item_state_at(md, 10), SLOG_STATE_FAILED);
}
END_TEST

START_TEST(repeats_that_are_new_work)
{
    /* each promotion is one more, however alike its gates */
    ck_assert_int_eq(count_rule("- 2026-03-01 10:00Z [bot] (main): auto-promote (gates green)\n"
                                "  - Gates: proof, asset-guard\n"
                                "- 2026-03-01 12:00Z [dev] (main): parser rewrite\n"
                                "  - Tests: 120 passed\n"
                                "- 2026-03-02 10:00Z [bot] (main): auto-promote (gates green)\n"
                                "  - Gates: proof, asset-guard\n"
                                "- 2026-03-03 10:00Z [bot] (main): auto-promote (gates green)\n"
                                "  - Gates: proof, asset-guard\n",
                                "2026-03-10", SLOG_RULE_REPEATED_ENTRY, NULL),
                     0);
    /* a day's long plan that rewords what its steps did */
    char md[2048] = "";
    for (int day = 1; day <= 2; day++) {
        char part[1024];
        snprintf(part, sizeof part,
                 "## 2026-03-0%d\n- design the class screen colours\n- design the post screen\n"
                 "- show the comments of a post\n- design the difficulty of a class\n"
                 "- design the difficulty of a question\n- post a discussion\n"
                 "- add content so users learn something (%s)\n\n",
                 day, day == 1 ? "database design" : "api and a simple screen");
        strcat(md, part);
    }
    ck_assert_int_eq(count_rule(md, "2026-03-10", SLOG_RULE_REPEATED_ENTRY, NULL), 0);
    /* the same long plan copied: nothing new */
    const char *plan = "- a first step\n- a second step\n- a third step\n- a fourth step\n"
                       "- a fifth step\n- a sixth step\n- a seventh step\n";
    snprintf(md, sizeof md, "## 2026-03-01\n%s\n## 2026-03-02\n%s", plan, plan);
    ck_assert_int_eq(count_rule(md, "2026-03-10", SLOG_RULE_REPEATED_ENTRY, NULL), 1);
    /* the same build for another target: "arm64" and "x86" are more than
     * their digits; runs and sizes are not ("run 574", "2gb", "3rd") */
    const char *targets = "## 2022-03-07\n"
                          "- Built the client image for arm64: client-arm64 with the toolchain\n"
                          "- Measure startup time of both images\n\n"
                          "## 2022-03-08\n"
                          "- Built the client image for x86: client-x86 with the toolchain\n"
                          "- Measure startup time of both images\n";
    ck_assert_int_eq(count_rule(targets, "2026-03-10", SLOG_RULE_REPEATED_ENTRY, NULL), 0);
    const char *runs =
        "## 2022-03-07\n- Reran the suite (run 574), 2gb image, 3rd try, commit 9f3a2c1e\n\n"
        "## 2022-03-08\n- Reran the suite (run 603), 4gb image, 5th try, commit 0b77d21f\n";
    ck_assert_int_eq(count_rule(runs, "2026-03-10", SLOG_RULE_REPEATED_ENTRY, NULL), 1);
}
END_TEST

START_TEST(a_series_of_plans_counts_its_newest)
{
    /* newest on top, all of one day: the plan above is the newest */
    const char *md = "# Tracker\n\n## Candidates\n"
                     "### Global Cycle 3 (2026-02-11) Session Plan\n"
                     "- [x] P1: Add retry to uploader (Delivered in Cycle 3)\n"
                     "- [ ] P3: Add operator docs\n\n"
                     "### Global Cycle 2 (2026-02-11) Session Plan\n"
                     "- [ ] P2: Add retry to uploader\n- [ ] P3: Add operator docs\n"
                     "- [ ] P3: Add a smoke test\n\n"
                     "### Cycle 1 (2026-02-10) Plan\n- [ ] P3: Add operator docs\n";
    int line = 0;
    ck_assert_int_eq(count_rule(md, "2026-03-01", SLOG_RULE_OPEN_CHECKLIST, &line), 1);
    ck_assert_int_eq(line, 6);
    /* every word of a box in a later done item, whatever its first word */
    md = "## Session 2026-03-03\n- [x] Install and configure shadcn/ui\n\n"
         "## Session 2026-03-02\n- [ ] Configure shadcn/ui\n- [ ] Write the deployment guide\n";
    ck_assert_int_eq(count_rule(md, "2026-03-10", SLOG_RULE_OPEN_CHECKLIST, &line), 1);
    ck_assert_int_eq(line, 6);
    ck_assert_int_eq(count_rule("## 2026-03-02\n- [ ] Test rate limiting after the fix\n\n"
                                "## 2026-03-03\n- ✅ Complete rate limiting TypeScript fixes\n",
                                "2026-03-10", SLOG_RULE_OPEN_CHECKLIST, NULL),
                     1);
    /* two phases are two lists */
    ck_assert_int_eq(count_rule("## 2026-03-02\n### Phase 2 audit gate\n- [ ] check logs\n"
                                "### Phase 3 audit gate\n- [ ] check metrics\n",
                                "2026-03-10", SLOG_RULE_OPEN_CHECKLIST, NULL),
                     2);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("authors");
    TCase *tc = tcase_create("authors");
    tcase_add_test(tc, months_and_weekdays_of_more_languages);
    tcase_add_test(tc, compact_dotted_and_spaced_forms);
    tcase_add_test(tc, a_date_banner_and_its_title);
    tcase_add_test(tc, one_day_two_titled_pieces_of_work);
    tcase_add_test(tc, stamps_statements_and_ruled_out_steps);
    tcase_add_test(tc, weekdays_after_a_dash_leave_the_label);
    tcase_add_test(tc, a_time_before_the_date);
    tcase_add_test(tc, labels_keep_their_own_punctuation);
    tcase_add_test(tc, headings_whose_date_opens_no_entry);
    tcase_add_test(tc, failures_fixed_or_removed_on_purpose);
    tcase_add_test(tc, repeats_that_are_new_work);
    tcase_add_test(tc, a_series_of_plans_counts_its_newest);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
