/* SPDX-License-Identifier: BSD-2-Clause */
/* Logs as other authors write them, from a seventh review of public logs
 * (worklogs and plans, agent session logs, newest-first journals, logs in
 * nine languages; SPEC §1, §3 r3). Each case failed before its fix. */
#include "lint_helpers.h"

#include <stdlib.h>
#include <string.h>

#include "tokens.h"

START_TEST(word_ids_of_a_document_and_their_classes)
{
    /* a document's words take ids from 0 in the order first seen; the
     * generic and status words are known by a table shared by all */
    slog_interner t;
    ck_assert(slog_interner_start(&t));
    slog_u32vec ids = {0};
    uint32_t subject = 0;
    ck_assert(slog_tokenize(&t, "Fixed the parser PASS", &ids, &subject));
    ck_assert_uint_eq(t.nwords, 3); /* fix, parser, PASS (the: a stop word) */
    ck_assert_int_eq(t.word_class[0], SLOG_WORD_CLASS_GENERIC);
    ck_assert_int_eq(t.word_class[1], SLOG_WORD_CLASS_PLAIN);
    ck_assert_int_eq(t.word_class[2], SLOG_WORD_CLASS_STATUS);
    ck_assert_uint_eq(subject, 2); /* "parser", the first word not generic */
    ck_assert(slog_tokenize(&t, "parser fixes", &ids, &subject));
    ck_assert_uint_eq(t.nwords, 3); /* the same words, the same ids */
    ck_assert_uint_eq(subject, 2);
    slog_interner_free(&t);
    free(ids.data);
}
END_TEST

START_TEST(a_calendar_of_empty_days)
{
    /* a board's day lanes, empty when nothing happened that day: the log's
     * habit, not headings abandoned */
    const char *board = "## Mon 2022-09-19\n\n- [x] Wrote the formatter\n\n"
                        "## Tue 2022-09-20\n\n## Wed 2022-09-21\n\n## Thu 2022-09-22\n\n"
                        "- [x] Reviewed notes\n\n## Fri 2022-09-23\n\n## Sat 2022-09-24\n\n"
                        "## Sun 2022-09-25\n\n- [x] Rested\n";
    HASNT(board, SLOG_RULE_EMPTY_ENTRY);
    /* one heading left empty among days that all say something */
    const char *log = "## 2022-09-19\n\n- ✅ Wrote the formatter\n\n## 2022-09-20\n\n"
                      "## 2022-09-21\n\n- ✅ Reviewed notes\n\n## 2022-09-22\n\n- ✅ Tests\n\n"
                      "## 2022-09-23\n\n- ✅ Docs\n";
    HAS(log, SLOG_RULE_EMPTY_ENTRY, 5);
}
END_TEST

START_TEST(a_hedged_box_done_later)
{
    /* "Consider adding X", ticked later as "Add X": the same task, done */
    const char *md = "## 2026-01-10\n\n- [ ] Consider adding direct equipment commands for party "
                     "members\n\n## 2026-01-11\n\n- [x] Add direct equipment commands for party "
                     "members\n";
    HASNT(md, SLOG_RULE_OPEN_CHECKLIST);
    /* without the later box the hedged one is still open */
    HAS("## 2026-01-10\n\n- [ ] Consider adding direct equipment commands\n\n"
        "## 2026-01-11\n\n- [x] Wrote the manual\n",
        SLOG_RULE_OPEN_CHECKLIST, 3);
}
END_TEST

START_TEST(habits_instructions_and_work_on_hold)
{
    const char *habit = "## 2025-10-01\n\nGoals:\n\n- [ ] One hour of focused building daily\n"
                        "- [ ] Ship the parser\n";
    HAS(habit, SLOG_RULE_OPEN_CHECKLIST, 6);
    const char *standing = "## 2026-01-09\n\n- [ ] Fix any issues discovered during testing\n"
                           "- [ ] Adjust the copy if needed\n- [ ] M-3-2 — 보류\n"
                           "- [ ] Fix the daily report\n";
    HAS(standing, SLOG_RULE_OPEN_CHECKLIST, 6); /* "daily" not at its end: a task */
}
END_TEST

START_TEST(later_horizons_and_options)
{
    /* boxes under a later horizon or a list of options to choose among */
    const char *md = "## 2026-03-10\n\n**短期**：\n- [ ] 添加注册页面\n\n**中期**：\n"
                     "- [ ] 添加多语言支持\n\n**Long-term:**\n- [ ] Add SSO\n\n"
                     "**可选功能**：\n- [ ] 添加批量操作功能\n\n"
                     "- **Potential Solutions to Explore:**\n  - [ ] Add a tutorial message\n"
                     "  - [ ] Add an inspectable clue\n";
    HAS(md, SLOG_RULE_OPEN_CHECKLIST, 4); /* the short-term one only */
}
END_TEST

START_TEST(a_roadmap_and_the_step_at_hand)
{
    /* a plan of versions ahead is open by design; its step marked as the
     * next one is work at hand */
    const char *md = "## 2026-03-09\n\n- ✅ Built the API\n\n## 下一个版本规划\n\n"
                     "### v0.3.0 - 第二阶段（预计 4-8 周）\n- [ ] 浏览器插件\n\n"
                     "## Roadmap\n\n### Step 2: Badges (Next)\n- [ ] Red badge on the button\n\n"
                     "### Step 3: Animation\n- [ ] Heartbeat class\n";
    HAS(md, SLOG_RULE_OPEN_CHECKLIST, 13);
}
END_TEST

START_TEST(an_earlier_day_in_full_width_brackets)
{
    /* "### 调研（参考，2026-03-01）" inside the entry of 2026-03-09: the day
     * of what it describes; the record's own day stays a nested entry */
    slog_doc *d =
        parse_str("# 日志\n\n## 2026-03-09\n\n- ✅ 完成\n\n### 调研（参考，2026-03-01）\n\n"
                  "- 旧的\n\n### 跟进（2026-03-09）\n\n- 同一天\n\n## 2026-03-10\n\n"
                  "- ✅ 更多\n");
    ck_assert_uint_eq(d->nentries, 3);
    ck_assert_int_eq(d->entries[1]->line, 11);
    ck_assert_int_eq(d->entries[2]->line, 15);
    slog_doc_free(d);
}
END_TEST

START_TEST(a_phase_not_begun_after_one_under_way)
{
    const char *md = "## 2026-01-10\n\n- ✅ Dashboard\n\n## Objetivos\n\n"
                     "### Fase 1: MVP (COMPLETADO ✅)\n- [x] Login\n\n"
                     "### Fase 2: Avanzado (EN PROGRESO 🔄)\n- [ ] Notificaciones\n\n"
                     "### Fase 3: Testing (PENDIENTE 📋)\n- [ ] Tests E2E\n";
    HAS(md, SLOG_RULE_OPEN_CHECKLIST, 11);
    /* the phases' status in a field under their headings */
    const char *uk = "## 2025-12-11\n\n- ✅ Rust project\n\n## План\n\n#### Phase 1: Single player\n"
                     "**Статус:** 🔄 В процесі (Week 1)\n\n- [ ] Базовий rendering\n\n"
                     "#### Phase 2: LAN\n**Статус:** 🔲 Не розпочато (після Phase 1)\n\n"
                     "- [ ] UDP networking\n";
    HAS(uk, SLOG_RULE_OPEN_CHECKLIST, 10);
    /* pending work with nothing under way before it is work to do */
    HAS("## 2026-01-10\n\n- ✅ Dashboard\n\n## Pending\n- [ ] Tests E2E\n", SLOG_RULE_OPEN_CHECKLIST,
        6);
}
END_TEST

START_TEST(records_opened_by_a_bracketed_stamp)
{
    /* "[date time zone] - Title" over the record's body, one after another */
    slog_doc *d = parse_str("[ARCHIVE] notes\n\n[2026-03-18 23:32:18 -03:00] - Step 2.2: costs\n"
                            "Done\n- ✅ Cost card\n\n[2026-03-19 01:28 ART] — Fix: timeout\nDone\n"
                            "- ✅ Raised to 180 s\n");
    ck_assert_uint_eq(d->nentries, 2);
    ck_assert_str_eq(d->entries[0]->label, "Step 2.2: costs");
    ck_assert_str_eq(d->entries[1]->label, "Fix: timeout");
    ck_assert_uint_eq(d->entries[1]->nitems, 1);
    slog_doc_free(d);
    /* one alone is no log; a program's output stamps every line */
    d = parse_str("# Notes\n\n[2026-03-18 23:32:18 -03:00] - Step 2.2: costs\nDone\n");
    ck_assert_uint_eq(d->nentries, 0);
    slog_doc_free(d);
    d = parse_str("[2026-03-18T23:50:01Z] - CMD: npm test\n[2026-03-18T23:50:09Z] - RESULT: ok\n\n"
                  "[2026-03-18T23:51:01Z] - CMD: npm run lint\n[2026-03-18T23:51:09Z] - ok\n");
    ck_assert_uint_eq(d->nentries, 0);
    slog_doc_free(d);
}
END_TEST

START_TEST(next_steps_of_each_session)
{
    /* a session's next steps, in lists under captions of their own, are
     * replaced as a whole by the next session's */
    const char *md = "## 2025-12-14 (Session 5)\n\n- ✅ Camera\n\n#### Next steps (Session 6):\n\n"
                     "**Option A - Controls:**\n- [ ] Orbit camera (drag to rotate)\n\n"
                     "**Option B - Models:**\n- [ ] Vertex buffers for the mesh\n\n"
                     "## 2025-12-15 (Session 6)\n\n- ✅ Orbit, zoom, pan\n\n"
                     "#### Next steps (Session 7):\n\n**Option A - Lighting:**\n"
                     "- [ ] Directional light\n";
    HAS(md, SLOG_RULE_OPEN_CHECKLIST, 20);
    /* in Ukrainian too */
    const char *uk = "## 2025-12-14\n\n- ✅ Камера\n\n#### Наступні кроки (Сесія 6):\n\n"
                     "**Option A:**\n- [ ] Додати orbit camera\n\n## 2025-12-15\n\n- ✅ Orbit\n\n"
                     "#### Наступні кроки (Сесія 7):\n\n**Option A:**\n- [ ] Додати світло\n";
    HAS(uk, SLOG_RULE_OPEN_CHECKLIST, 17);
}
END_TEST

START_TEST(an_assignments_instructions)
{
    /* boxes under instructions to whoever hands the work in are the
     * course's, not the author's tasks */
    const char *md = "# Lab notebook\n\n## 2024-09-05\n\n- ✅ Ran FastQC\n- [ ] Trim the reads\n\n"
                     "# To turn in your work for this assignment\n\n## Upload your:\n"
                     "- [ ] lab notebook,\n- [ ] FastQC plots,\n\n"
                     "## You should create a pdf file with:\n- [ ] all requested plots\n";
    HAS(md, SLOG_RULE_OPEN_CHECKLIST, 6);
}
END_TEST

START_TEST(a_box_open_because_of_its_step)
{
    /* the open step is reported, not the box it is nested under */
    const char *md = "## Thu 06/Apr/2023\n\n- Studies\n  - [ ] Building Microservices\n"
                     "    - [x] 3. Splitting the Monolith\n    - [ ] 4. Decomposing the Database\n"
                     "  - [ ] Terraform: Up and Running\n    - [x] 2. Getting Started\n";
    int line = 0;
    ck_assert_int_eq(count_rule(md, "2026-12-07", SLOG_RULE_OPEN_CHECKLIST, &line), 2);
    ck_assert_int_eq(line, 6); /* and 7, whose one step is ticked */
}
END_TEST

START_TEST(when_an_incident_occurred)
{
    /* "### [T-001] …" then "- **発生日**: 2026-05-21": the record's day */
    slog_doc *d = parse_str("# ログ\n\n## トラブル\n\n### [T-001] create-next-app のエラー\n\n"
                            "- **発生日**: 2026-05-21\n- **症状**: エラー\n\n"
                            "### [T-002] ビルド失敗\n\n- **Occurred**: 2026-05-22\n- 原因: 型\n");
    ck_assert_uint_eq(d->nentries, 2);
    ck_assert_int_eq(d->entries[0]->line, 5);
    ck_assert_str_eq(d->entries[1]->date, "2026-05-22");
    slog_doc_free(d);
}
END_TEST

START_TEST(a_plan_then_its_result_and_work_that_goes_on)
{
    /* "Finish first blog post", then "First blog post published": progress */
    HASNT("## July 23, 2025\n\n- Finish first blog post\n- Census maps\n\n## July 24, 2025\n\n"
          "- First blog post published\n- Census maps\n",
          SLOG_RULE_REPEATED_ENTRY);
    /* "Continue working on maps" day after day says the work went on */
    HASNT("## July 31, 2025\n\n- Continue working on maps\n\n## August 1, 2025\n\n"
          "- Continue working on maps\n\n## August 2, 2025\n\n- Continue working on maps\n",
          SLOG_RULE_REPEATED_ENTRY);
    /* the same plan twice records nothing new */
    HAS("## July 23, 2025\n\n- Finish first blog post\n\n## July 24, 2025\n\n"
        "- Finish first blog post\n",
        SLOG_RULE_REPEATED_ENTRY, 5);
}
END_TEST

START_TEST(weeks_of_a_year_are_apart)
{
    HASNT("## 2024-09-08\n\n- Added [weeknotes 2024W36](/writing/weeknotes-2024W36)\n\n"
          "## 2024-09-01\n\n- Added [weeknotes 2024W35](/writing/weeknotes-2024W35)\n\n"
          "## 2024-08-18\n\n- Added [weeknotes 2024-W33](/writing/weeknotes-2024W33)\n",
          SLOG_RULE_REPEATED_ENTRY);
}
END_TEST

START_TEST(the_day_a_part_of_the_work_was_done)
{
    /* "### V10.40 ML 訓練器 (2026-01-14 完成)" under "## 當前狀態 (2026-01-15)":
     * a part done the day before, an entry of its own */
    slog_doc *d = parse_str("# 日誌\n\n## 當前狀態 (2026-01-15)\n\n- ✅ 驗收\n\n"
                            "### V10.41 Phase 1 (2026-01-15 完成)\n\n- ✅ a\n\n"
                            "### V10.40 ML 訓練器 (2026-01-14 完成)\n\n- ✅ b\n");
    ck_assert_uint_eq(d->nentries, 3);
    ck_assert_int_eq(d->entries[2]->line, 11);
    slog_doc_free(d);
}
END_TEST

START_TEST(an_agents_lines_with_their_time)
{
    /* a writer's words after the time: an agent's log */
    slog_doc *d = parse_str("2025-11-22 11:18:44 PST Starting investigation on the pipeline.\n"
                            "2025-11-22 11:19:41 PST Reviewed backend routes; the query route.\n");
    ck_assert_uint_eq(d->nentries, 2);
    slog_doc_free(d);
    d = parse_str("2026-01-06 02:06 UTC, Amp/GPT-5: We gave the agents a log today.\n\n"
                  "2026-01-06 14:28 UTC, Claude/Opus: Spent the day on persistence.\n");
    ck_assert_uint_eq(d->nentries, 2);
    ck_assert_str_eq(d->entries[1]->label, "Claude/Opus: Spent the day on persistence.");
    slog_doc_free(d);
    /* a level or key in capitals, or a terse reading: a program's output */
    d = parse_str("2025-11-22 19:50:01 INFO starting rollout of the api\n"
                  "2025-11-22 19:50:07 INFO pod api-1 ready now\n\n"
                  "[2025-11-22T19:51:02Z] healthcheck ok\n[2025-11-22T19:51:32Z] healthcheck ok\n");
    ck_assert_uint_eq(d->nentries, 0);
    slog_doc_free(d);
}
END_TEST

START_TEST(a_phase_that_waits_on_another)
{
    /* "**Prerequisites:** Phase 8 complete" after the phase of current focus */
    const char *md = "## 2026-03-01\n\n- ✅ VS Code set up\n\n## What's Next\n\n"
                     "### Phase 8: Profiles ⬅️ CURRENT FOCUS\n\n- [ ] shared/location.md\n\n"
                     "### Phase 9: Meal planner\n\n**Prerequisites:** Phase 8 complete\n\n"
                     "- [ ] Test reading pantry.md\n\n### Phase 3.1 — T1 retry (보류)\n"
                     "- [ ] Cold bench again\n\n❌ **DA FARE (secondo la roadmap):**\n"
                     "- [ ] Sistema di powerup\n";
    HAS(md, SLOG_RULE_OPEN_CHECKLIST, 9);
}
END_TEST

START_TEST(blockers_that_say_there_are_none)
{
    /* "No hay bloqueos técnicos" first: the bullets after it are notes */
    const char *md = "## 2026-04-24\n\n### Bloqueos\n\n- No hay bloqueos técnicos para la tarea.\n"
                     "- Esta sesión fue documental; no se ejecutaron pruebas.\n\n"
                     "## 2026-04-25\n\n- ✅ Docs\n\n## 2026-05-25\n\n- ✅ More docs\n";
    HASNT(md, SLOG_RULE_STALE_ITEM);
    /* a blocker named as such still counts */
    slog_doc *d = parse_str("## 2026-04-24\n\n### Bloqueos\n\n- Falta la clave de la API.\n");
    ck_assert_str_eq(slog_state_name(d->entries[0]->items->state), "blocked");
    slog_doc_free(d);
}
END_TEST

START_TEST(the_order_a_preamble_states)
{
    /* "Newest first." in the preamble: the oldest-first run below is out */
    const char *md = "# Friction ledger\n\nAppend-only log. Newest first.\n\n"
                     "## 2026-07-15 Tests missed a bug\n- a\n\n## 2026-07-13 Gate list\n- b\n\n"
                     "## 2026-06-16 Crawl gate\n- c\n\n## 2026-06-18 Smoke harness\n- d\n\n"
                     "## 2026-07-12 Finalize\n- e\n\n## 2026-07-13 Killed mid-rebase\n- f\n";
    slog_doc *d = parse_str(md);
    ck_assert_int_eq(d->logs[0].direction, SLOG_NEWEST_FIRST);
    slog_doc_free(d);
    int line = 0;
    ck_assert_int_eq(count_rule(md, "2026-12-07", SLOG_RULE_ENTRY_ORDER, &line), 3);
    ck_assert_int_eq(line, 14); /* and the two after it, not the top two */
    /* without it, the longer run decides: oldest first */
    d = parse_str(md + strlen("# Friction ledger\n\nAppend-only log. Newest first.\n\n"));
    ck_assert_int_eq(d->logs[0].direction, SLOG_OLDEST_FIRST);
    slog_doc_free(d);
}
END_TEST

START_TEST(a_snapshot_of_the_state_is_not_compared)
{
    const char *md = "# Log\n\n## 2026-04-01 Parser\n- a\n\n## 2026-04-05 Lexer\n- b\n\n"
                     "## Current State (2026-04-11 — Self-Host)\n- c\n\n## 2026-04-08 VM\n- d\n";
    HASNT(md, SLOG_RULE_ENTRY_ORDER);
    HAS("# Log\n\n## 2026-04-01 Parser\n- a\n\n## 2026-04-05 Lexer\n- b\n\n"
        "## 2026-04-11 Self-Host\n- c\n\n## 2026-04-08 VM\n- d\n",
        SLOG_RULE_ENTRY_ORDER, 12);
}
END_TEST

START_TEST(a_range_of_days_before_a_day_first_date)
{
    /* "13–14.04.2026": the range opens on the 13th, nothing left in the label */
    slog_doc *d = parse_str("### 📅 13–14.04.2026\n\nA\n\n### 📅 15.04.2026\n\nB\n\n"
                            "## 16–17/09/23\n\nC\n");
    ck_assert_uint_eq(d->nentries, 3);
    ck_assert_str_eq(d->entries[0]->date, "2026-04-13");
    ck_assert_int_eq(d->entries[0]->end_day - d->entries[0]->day, 1);
    ck_assert_str_eq(d->entries[0]->label, "");
    ck_assert_str_eq(d->entries[2]->date, "2023-09-16");
    slog_doc_free(d);
}
END_TEST

START_TEST(the_year_first_and_a_comma_apart)
{
    slog_doc *d = parse_str("# Tasks\n\n## 2019 Feb 28\n\n- [ ] open box\n\n## 2019 March 3rd\n\n"
                            "- did\n\n## Day 0 : August 30 , 2018\n\nText\n");
    ck_assert_uint_eq(d->nentries, 3);
    ck_assert_str_eq(d->entries[0]->date, "2019-02-28");
    ck_assert_str_eq(d->entries[1]->date, "2019-03-03");
    ck_assert_str_eq(d->entries[2]->date, "2018-08-30");
    slog_doc_free(d);
}
END_TEST

START_TEST(a_diary_of_date_lines_over_notes)
{
    slog_doc *d = parse_str("23/04/2025 - 24/04/2025\nFinished the report.\n\n"
                            "24/03/2025\nSimplified the search.\nMoved main.\n\n"
                            "16/03/2025:\nFixed in-check detection.\n");
    ck_assert_uint_eq(d->nentries, 3);
    ck_assert_str_eq(d->entries[1]->date, "2025-03-24");
    ck_assert_int_eq(d->entries[1]->end_line, 6);
    slog_doc_free(d);
    /* one alone is no diary */
    d = parse_str("# Notes\n\n24/03/2025\nSimplified the search.\n\nOther text.\n");
    ck_assert_uint_eq(d->nentries, 0);
    slog_doc_free(d);
}
END_TEST

START_TEST(a_next_step_that_says_nothing_is_left)
{
    HASNT(
        "## 2026-07-15\n\n- ✅ Smoke-tested the run\n- 🔜 Next: nothing pending from this thread\n\n"
        "## 2026-07-20\n\n- ✅ Other work\n\n## 2026-08-20\n\n- ✅ More work\n",
        SLOG_RULE_STALE_ITEM);
}
END_TEST

START_TEST(a_rule_and_an_anchor_say_nothing)
{
    /* a notebook's day slots, each only a rule and an anchor, are empty: a
     * calendar's habit, nothing abandoned */
    const char *md = "### Entry 1: 2020-01-13, Monday.\n\nRan the pipeline.\n\n"
                     "### Entry 2: 2020-01-14, Tuesday.\n\n------\n<div id='s3'/>\n\n"
                     "### Entry 3: 2020-01-15, Wednesday.\n\n------\n<div id='s4'/>\n\n"
                     "### Entry 4: 2020-01-16, Thursday.\n\n------\n<div id='s5'/>\n\n"
                     "### Entry 5: 2020-01-17, Friday.\n";
    HASNT(md, SLOG_RULE_EMPTY_ENTRY);
    slog_doc *d = parse_str(md);
    ck_assert(!d->entries[1]->has_content);
    slog_doc_free(d);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("review4");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, word_ids_of_a_document_and_their_classes);
    tcase_add_test(tc, a_calendar_of_empty_days);
    tcase_add_test(tc, a_hedged_box_done_later);
    tcase_add_test(tc, habits_instructions_and_work_on_hold);
    tcase_add_test(tc, later_horizons_and_options);
    tcase_add_test(tc, a_roadmap_and_the_step_at_hand);
    tcase_add_test(tc, an_earlier_day_in_full_width_brackets);
    tcase_add_test(tc, a_phase_not_begun_after_one_under_way);
    tcase_add_test(tc, records_opened_by_a_bracketed_stamp);
    tcase_add_test(tc, next_steps_of_each_session);
    tcase_add_test(tc, an_assignments_instructions);
    tcase_add_test(tc, a_box_open_because_of_its_step);
    tcase_add_test(tc, when_an_incident_occurred);
    tcase_add_test(tc, a_plan_then_its_result_and_work_that_goes_on);
    tcase_add_test(tc, weeks_of_a_year_are_apart);
    tcase_add_test(tc, the_day_a_part_of_the_work_was_done);
    tcase_add_test(tc, an_agents_lines_with_their_time);
    tcase_add_test(tc, a_phase_that_waits_on_another);
    tcase_add_test(tc, blockers_that_say_there_are_none);
    tcase_add_test(tc, the_order_a_preamble_states);
    tcase_add_test(tc, a_snapshot_of_the_state_is_not_compared);
    tcase_add_test(tc, a_range_of_days_before_a_day_first_date);
    tcase_add_test(tc, the_year_first_and_a_comma_apart);
    tcase_add_test(tc, a_diary_of_date_lines_over_notes);
    tcase_add_test(tc, a_next_step_that_says_nothing_is_left);
    tcase_add_test(tc, a_rule_and_an_anchor_say_nothing);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
