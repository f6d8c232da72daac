/* SPDX-License-Identifier: BSD-2-Clause */
/* Logs as other authors write them, from a sixth review of 37 public logs
 * (plans with session logs, agent logs, logs in ten languages, journals
 * and lab notebooks; SPEC §1, §3 r3). Each case failed before its fix. */
#include "lint_helpers.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "statuslog/edit.h"

START_TEST(a_log_of_dated_lines)
{
    /* lines that open with a date, in one paragraph or one a paragraph:
     * an entry each, its text the entry's one item */
    const char *md = "# Diary\n\n## Steps\n\n[2025-10-27-009] - SETUP. Restored the diary.\n"
                     "[2025-10-27-010] - ✅ Fixed the scoring\nand its test.\n"
                     "[2025-10-28-001] - ⏳ Rewriting the tree.\n\n## Notes\n\n"
                     "2025-10-29: Asked about thresholds.\n\n2025-10-30: 🔜 Add the card.\n";
    slog_doc *d = parse_str(md);
    ck_assert_uint_eq(d->nentries, 5);
    ck_assert_str_eq(d->entries[0]->date, "2025-10-27");
    ck_assert_str_eq(d->entries[0]->label, "SETUP. Restored the diary.");
    ck_assert_int_eq(d->entries[1]->end_line, 7);
    ck_assert_str_eq(slog_state_name(d->entries[1]->items->state), "done");
    ck_assert_str_eq(slog_state_name(d->entries[2]->items->state), "in_progress");
    ck_assert_int_eq(d->entries[4]->line, 14);
    ck_assert_str_eq(slog_state_name(d->entries[4]->items->state), "next");
    slog_doc_free(d);
    /* not such a log: a program's output with times, one dated sentence,
     * dated lines inside a dated entry */
    d = parse_str("# Notes\n\n## Run\n\n[2025-09-29T10:47:02-0600] Sales started\n"
                  "[2025-09-29T10:47:09-0600] CMD: git status\n\n## Release\n\n"
                  "2026-03-09 was the day it shipped.\n\n## Week (2026-03-02)\n\n"
                  "2026-03-02: kickoff\n2026-03-03: review\n");
    ck_assert_uint_eq(d->nentries, 1);
    ck_assert_str_eq(d->entries[0]->date, "2026-03-02");
    slog_doc_free(d);
}
END_TEST

START_TEST(a_calendar_before_a_bold_date)
{
    /* "📅 **October 25th**" under "## 2025": the calendar stands for the date */
    slog_doc *d =
        parse_str("# Journal\n## 2025\n\n📅 **October 25th**\nStreamed.\n\n"
                  "🗓️ **October 8th**\nFixed the bug.\n\n⭐ **October 7th**\nOther.\n");
    ck_assert_uint_eq(d->nentries, 2);
    ck_assert_str_eq(d->entries[0]->date, "2025-10-25");
    ck_assert_str_eq(d->entries[1]->date, "2025-10-08");
    slog_doc_free(d);
}
END_TEST

START_TEST(half_a_year_back_in_a_newest_first_log)
{
    /* year-less days under "## 2023", newest first: "December 13th" after
     * "June 8th" is the December before, not a later one out of order */
    const char *md = "# Journal\n## 2023\n\n**June 25th**\nA.\n\n**June 8th**\nB.\n\n"
                     "**December 13th**\nC.\n\n**December 7th**\nD.\n";
    slog_doc *d = parse_str(md);
    ck_assert_uint_eq(d->nentries, 4);
    ck_assert_str_eq(d->entries[2]->date, "2022-12-13");
    slog_doc_free(d);
    ck_assert_int_eq(count_rule(md, "2026-12-07", SLOG_RULE_ENTRY_ORDER, NULL), 0);
    /* oldest first, half a year on is the same year */
    d = parse_str("# Journal\n## 2023\n\n**June 8th**\nA.\n\n**June 25th**\nB.\n\n"
                  "**December 13th**\nC.\n");
    ck_assert_str_eq(d->entries[2]->date, "2023-12-13");
    slog_doc_free(d);
}
END_TEST

START_TEST(a_sub_heading_names_another_day)
{
    /* inside a dated record, sub-headings that name the day of something
     * they describe: a release, a forum post, a restart, "as of" */
    const char *md = "# Lab notebook\n\n## Entry 016: Survey (2026-04-24)\n\n"
                     "#### 1. Gemma Edge Models (Google, released April 2, 2026)\n\ntext\n\n"
                     "### OpenJet agent (flouisdev, 2026-04-13)\n\ntext\n\n"
                     "#### Check 1 - Firmware: current as of 2026-04-24\n\n"
                     "#### Check 5 - Health: service restarted 2026-04-23 01:07\n\n"
                     "### 2026-04-24 14:00 Retest\n\n- ✅ passed\n\n"
                     "### Progress - 2026-04-25\n\n- ✅ more\n";
    slog_doc *d = parse_str(md);
    ck_assert_uint_eq(d->nentries, 3);
    ck_assert_int_eq(d->entries[1]->line, 17);
    ck_assert_int_eq(d->entries[2]->line, 21);
    slog_doc_free(d);
    ck_assert_int_eq(count_rule(md, "2026-12-07", SLOG_RULE_EMPTY_ENTRY, NULL), 0);
}
END_TEST

START_TEST(a_form_left_to_fill_in)
{
    /* a summary template with blanks: its boxes are the form's; a dated
     * record's boxes are open work even when a template above has blanks */
    const char *md = "# Dev log\n\n## 2026-01-05 Step 4.1\n\n- [x] Wired the loop\n\n"
                     "## Phase 4 summary\n\n### Dates\n- Started: ____\n- Total: ____ hours\n\n"
                     "### Done\n- [ ] Step 4.1 ✅\n- [ ] Step 4.2 ✅\n\n" /* 14, 15 */
                     "# Project summary\n\n## Time\n- Finished: ____\n- Days: ____\n\n"
                     "## Tech debt\n1. [ ] Hero names\n\n" /* 23 */
                     "# Daily\n\n## Template\n```\n- [ ] task: ____\n- [ ] why: ____\n```\n\n"
                     "### 2026-01-06\n\n#### Goals\n- [ ] Write the Git guide\n"; /* 37 */
    int line = 0;
    ck_assert_int_eq(count_rule(md, "2026-12-07", SLOG_RULE_OPEN_CHECKLIST, &line), 1);
    ck_assert_int_eq(line, 37);
    /* "__init__" and snake_case names are no blanks */
    ck_assert_int_eq(count_rule("# L\n\n## 2026-01-05\n- x\n\n## Tasks\n- fix `__init__`\n"
                                "- rename `a___b`\n- [ ] Port the parser\n",
                                "2026-12-07", SLOG_RULE_OPEN_CHECKLIST, NULL),
                     1);
}
END_TEST

START_TEST(next_steps_by_task_code)
{
    /* "Next: A-02, A-03" and "Next: A-05, B-01" are two steps however
     * alike; "Next: IN-01" is passed once a later entry starts IN-02 */
    const char *md =
        "# Progress\n\n## 2026-02-08 10:00\n- Work: set up ops.\n"
        "- Next: OPS-01 and OPS-02.\n\n## 2026-02-08 12:00\n- Work: Completed OPS-01 "
        "and OPS-02.\n- Next: A-02, A-03.\n\n## 2026-02-08 14:00\n- Work: Completed "
        "A-02 and A-03.\n- Next: A-05, B-01.\n\n## 2026-02-08 16:00\n- Work: Completed "
        "A-05 and B-01.\n- Next: `IN-01`.\n\n## 2026-02-09 09:00\n- Next: `IN-01`.\n\n"
        "## 2026-02-09 11:00\n- Work: Started `IN-02` seed-flow refactor.\n";
    ck_assert_int_eq(count_rule(md, "2026-12-07", SLOG_RULE_STALE_ITEM, NULL), 0);
    /* a step taken up when a later note says it started */
    ck_assert_int_eq(count_rule("# P\n\n## 2026-02-08\n- Next: D-03, D-04.\n\n## 2026-02-09\n"
                                "- Next: D-04.\n\n## 2026-02-10\n- Work: Started D-04 final QA.\n",
                                "2026-12-07", SLOG_RULE_STALE_ITEM, NULL),
                     0);
    /* a later code that still waits on the step is not past it */
    ck_assert_int_eq(count_rule("# P\n\n## 2026-02-08\n- Next: D-04 final QA.\n\n## 2026-02-09\n"
                                "- Next: D-04 final QA.\n\n## 2026-02-10\n"
                                "- Note: D-05 release waits on D-04.\n",
                                "2026-12-07", SLOG_RULE_STALE_ITEM, NULL),
                     1);
    /* a step nobody moved past stays stale */
    ck_assert_int_eq(count_rule("# P\n\n## 2026-02-08\n- Next: `IN-01`.\n\n## 2026-02-09\n"
                                "- Next: `IN-01`.\n\n## 2026-02-10\n- Work: docs.\n",
                                "2026-12-07", SLOG_RULE_STALE_ITEM, NULL),
                     1);
}
END_TEST

START_TEST(work_closed_as_a_whole)
{
    /* "Remaining for Slice 2" boxes, then "### Slice 2 Status: COMPLETE ✅" */
    const char *md = "# Tracker\n\n## Session 6 (2025-12-10)\n\n**Remaining for Slice 2:**\n"
                     "- [ ] Register commands in extension.ts\n- [ ] Add a file picker\n\n"
                     "**Remaining for Slice 3:**\n- [ ] Delete a step\n\n" /* 10 */
                     "## Session 7 (2025-12-11)\n\n### Slice 2 Status: COMPLETE ✅\n"
                     "- [x] Enable steps - WORKING\n\n### Slice 3 status: started\n";
    int line = 0;
    ck_assert_int_eq(count_rule(md, "2026-12-07", SLOG_RULE_OPEN_CHECKLIST, &line), 1);
    ck_assert_int_eq(line, 10);
    /* said done before the list: the list is new work */
    ck_assert_int_eq(count_rule("# T\n\n## S (2025-12-10)\n\n### Phase 2 COMPLETE ✅\n\n"
                                "**Phase 2 follow-ups:**\n- [ ] Write the docs\n",
                                "2026-12-07", SLOG_RULE_OPEN_CHECKLIST, NULL),
                     1);
}
END_TEST

START_TEST(a_month_glued_to_its_day)
{
    /* "Oct13-19, 2025": glued, before a year; not "Dec2Hex" nor "MAY10 release" */
    slog_doc *d = parse_str("# Log\n\n## Date Range: Weeks 7 - Oct13-19, 2025\n- a\n\n"
                            "## Weeks 9 - Oct27-Nov2, 2025\n- b\n\n## Dec2Hex notes\n- c\n\n"
                            "## MAY10 release 2025\n- d\n");
    ck_assert_uint_eq(d->nentries, 2);
    ck_assert_str_eq(d->entries[0]->date, "2025-10-13");
    ck_assert_str_eq(d->entries[1]->date, "2025-10-27");
    slog_doc_free(d);
    /* a range's last day after a tilde: no part of the label */
    d = parse_str("# Log\n\n## 2026-02-06~07 会话 — 修复\n- a\n");
    ck_assert_str_eq(d->entries[0]->label, "会话 — 修复");
    ck_assert_int_eq(d->entries[0]->end_day - d->entries[0]->day, 1);
    slog_doc_free(d);
}
END_TEST

START_TEST(a_meetings_attendees_then_its_day)
{
    /* "# Standup 1" over "**Närvarande**: …<br>" and "**Datum**: 2022-04-08<br>" */
    slog_doc *d =
        parse_str("# Standup 1\n**Närvarande**: Anna, Bo<br>\n**Datum**: 2022-04-08<br>\n\n"
                  "- [x] did x\n\n# Standup 2\n**Attendees**: Anna\n**Date**: 2022-04-11\n\n"
                  "- y\n\n# Task: scaling\n**Status**: done\n**Date**: 2022-04-12\n");
    ck_assert_uint_eq(d->nentries, 2);
    ck_assert_str_eq(d->entries[0]->date, "2022-04-08");
    ck_assert_str_eq(d->entries[0]->label, "Standup 1");
    ck_assert_int_eq(d->entries[1]->line, 7);
    slog_doc_free(d);
}
END_TEST

START_TEST(separators_and_spaces_in_numeric_dates)
{
    /* "2025/07-21" (mixed separators), "# 11 / 15" (spaces around the slash) */
    slog_doc *d = parse_str("# Log 2022\n\n## 2025/07-21 (Monday)\n- a\n\n# 11 / 15\n- c\n\n"
                            "## 2025-07/22 x\n- e\n\n## 1 / 2 of the plan\n- f\n");
    ck_assert_uint_eq(d->nentries, 2);
    ck_assert_str_eq(d->entries[0]->date, "2025-07-21");
    ck_assert_str_eq(d->entries[1]->date, "2025-11-15");
    slog_doc_free(d);
}
END_TEST

START_TEST(questions_for_a_meeting)
{
    /* boxes under "Questions for today's meeting:" are topics, answered below */
    const char *md = "# Notes\n\n# 03.10.2023\n\nQuestions for today's meeting:\n\n"
                     "- [ ] What should be in the NPR section\n  - The motivation\n"
                     "- [ ] Analyzing results\n  - Use core qualities\n"
                     "- [ ] Send the draft to Jim\n";
    int line = 0;
    ck_assert_int_eq(count_rule(md, "2026-12-07", SLOG_RULE_OPEN_CHECKLIST, &line), 1);
    ck_assert_int_eq(line, 11);
}
END_TEST

START_TEST(a_record_goes_on_in_the_sections_after_it)
{
    /* "## Goals API (date)" / "**Status**: Completed", then undated sections
     * of its level: its timeline's boxes are left over; a "# Part" above
     * the record's level starts something else */
    const char *md =
        "# Log\n\n## Goals API (2025-12-27)\n\n**Status**: Completed (previous task)\n\n"
        "## Decision Log\n\ntext\n\n## Implementation Timeline\n\n### Phase 2\n"
        "- [ ] Add storage layer methods\n\n## Next steps\n- [ ] Write the docs\n\n"
        "# Backlog\n\n## Ideas\n- [ ] Dark mode\n";
    int line = 0;
    ck_assert_int_eq(count_rule(md, "2026-12-07", SLOG_RULE_OPEN_CHECKLIST, &line), 2);
    ck_assert_int_eq(line, 17); /* and 23: not the timeline's box at 14 */
}
END_TEST

START_TEST(slots_and_optional_work)
{
    /* "- [ ] TBD" is a slot; boxes under "(по запросу)" or "Optional" are
     * offered, not owed */
    const char *md = "# Log\n\n## 2025-11-02\n\n### Tasks\n- [ ] TBD\n- [ ] ...\n"
                     "- [ ] Wire the export\n\n## Следующие шаги (по запросу)\n- [ ] Графики\n\n"
                     "## Optional\n- [ ] Dark mode\n";
    int line = 0;
    ck_assert_int_eq(count_rule(md, "2026-12-07", SLOG_RULE_OPEN_CHECKLIST, &line), 1);
    ck_assert_int_eq(line, 8);
    /* a branch of a plan in Japanese: "if bugs remain" */
    ck_assert_int_eq(count_rule("# ログ\n\n## 2025-12-04\n\n### バグが残っている場合の対処\n"
                                "- [ ] ログを確認\n",
                                "2026-12-07", SLOG_RULE_OPEN_CHECKLIST, NULL),
                     0);
}
END_TEST

START_TEST(date_lines_between_rules)
{
    /* "---" / "2026-02-07 01:05" / fields / a list / "---": an agent's
     * records, each opened by a line that is only its date and time */
    const char *md = "# Worklog 2026-02-07\n\n---\n2026-02-07 01:05\nTask: soft clipping\n"
                     "Notes:\n- Committed the engine change\nNext: push\n---\n\n---\n"
                     "2026-02-07 01:12\nTask: init voice\nNotes:\n- Lowered the gain\n---\n\n---\n"
                     "2026-02-07 01:10\nTask: late note\nNotes:\n- Out of order\n---\n";
    slog_doc *d = parse_str(md);
    ck_assert_uint_eq(d->nentries, 3);
    ck_assert_str_eq(d->entries[1]->time, "01:12");
    slog_doc_free(d);
    ck_assert_int_eq(count_rule(md, "2026-12-07", SLOG_RULE_ENTRY_ORDER, NULL), 1);
    /* one such line alone is no log */
    d = parse_str("# Notes\n\n---\n2026-02-07 01:05\nTask: x\n- a\n---\n");
    ck_assert_uint_eq(d->nentries, 0);
    slog_doc_free(d);
}
END_TEST

/* The bytes of `s` at the very end of a readable page, a page no one may
 * read after them: a read past the end is a crash, not luck. */
static char *against_a_guard_page(const char *s, size_t len, void **map, size_t *maplen)
{
    long page = sysconf(_SC_PAGESIZE);
    *maplen = (size_t)page * 2;
    char *p = mmap(NULL, *maplen, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    ck_assert_ptr_ne(p, MAP_FAILED);
    ck_assert_int_eq(mprotect(p + page, (size_t)page, PROT_NONE), 0);
    *map = p;
    char *at = p + page - len;
    memcpy(at, s, len);
    return at;
}

START_TEST(an_edit_reads_no_byte_past_the_file)
{
    /* append reads the caller's bytes without a copy: a last line "<pre"
     * (an HTML block's start) or "<" without a line end is read in bounds */
    const char *docs[] = {"# Log\n\n## 2025-01-01\n\n- did a thing\n\n<pre",
                          "# Log\n\n## 2025-01-01\n\n- did a thing\n\n<", "<script"};
    for (size_t k = 0; k < sizeof docs / sizeof *docs; k++) {
        void *map;
        size_t maplen, len = strlen(docs[k]);
        char *raw = against_a_guard_page(docs[k], len, &map, &maplen);
        slog_append_item it = {SLOG_STATE_DONE, "Appended"};
        slog_append_request req = {"2025-01-02", NULL, &it, 1};
        char *out = NULL;
        size_t out_len;
        slog_append_summary sum;
        slog_error err = {0};
        ck_assert_int_eq(slog_append_buffer(raw, len, &req, NULL, &out, &out_len, &sum, &err),
                         SLOG_OK);
        free(out);
        munmap(map, maplen);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("review3");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, a_log_of_dated_lines);
    tcase_add_test(tc, a_calendar_before_a_bold_date);
    tcase_add_test(tc, half_a_year_back_in_a_newest_first_log);
    tcase_add_test(tc, a_sub_heading_names_another_day);
    tcase_add_test(tc, a_form_left_to_fill_in);
    tcase_add_test(tc, next_steps_by_task_code);
    tcase_add_test(tc, work_closed_as_a_whole);
    tcase_add_test(tc, a_month_glued_to_its_day);
    tcase_add_test(tc, a_meetings_attendees_then_its_day);
    tcase_add_test(tc, separators_and_spaces_in_numeric_dates);
    tcase_add_test(tc, questions_for_a_meeting);
    tcase_add_test(tc, a_record_goes_on_in_the_sections_after_it);
    tcase_add_test(tc, slots_and_optional_work);
    tcase_add_test(tc, date_lines_between_rules);
    tcase_add_test(tc, an_edit_reads_no_byte_past_the_file);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
