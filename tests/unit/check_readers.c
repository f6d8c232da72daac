/* SPDX-License-Identifier: BSD-2-Clause */
/* More logs as other authors write them (SPEC §1, §3 r3), from a review of
 * 30 public worklogs, non-English journals and operations logs: colours
 * that rank priority, work done later the same day, stamps that close a
 * log, and what a digest line shows of an entry. Each case failed before
 * its fix. */
#include "lint_helpers.h"

START_TEST(colours_that_rank_priority)
{
    const char *plan = "## 2025-11-21 - Kickoff\n\n### Tomorrow's plan\n\n"
                       "1. **🔴 HIGH: Implement account lockout**\n" /* 5 */
                       "2. 🟢 LOW: Add a health check endpoint\n" /* 6 */
                       "3. 🟡 (Medium) logging\n"                 /* 7 */
                       "4. 🟠 P2 — metrics\n\n"                 /* 8 */
                       "#### Priority tasks\n\n"
                       "1. 🔴 Standardize logging\n\n" /* 12 */
                       "#### Next steps\n\n"
                       "- 🟠 Debug the health checks\n\n" /* 16 */
                       "#### Results\n\n"
                       "- 🔴 Deploy blocked on the missing key\n" /* 20 */
                       "- 🟢 Low latency on the new index\n";  /* 21 */
    for (int line = 5; line <= 8; line++)
        ck_assert_int_eq(item_state_at(plan, line), SLOG_STATE_NOTE);
    ck_assert_int_eq(item_state_at(plan, 12), SLOG_STATE_NOTE);
    ck_assert_int_eq(item_state_at(plan, 16), SLOG_STATE_NEXT);
    /* a colour that rates no priority is still a state */
    ck_assert_int_eq(item_state_at(plan, 20), SLOG_STATE_BLOCKED);
    ck_assert_int_eq(item_state_at(plan, 21), SLOG_STATE_DONE);
}
END_TEST

START_TEST(work_done_later_the_same_day)
{
    /* two sessions of one date: the second closes what the first opened,
     * below it, or above it in a newest-first log */
    const char *down = "# Worklog\n\n## 2025-11-21 — Session 1\n\n- 🔜 Implement account lockout\n\n"
                       "## 2025-11-21 — Session 2\n\n- ✅ Implement account lockout\n\n"
                       "## 2025-12-07 — Review\n\n- ✅ MVP review complete\n";
    const char *up = "# Worklog\n\n## 2025-12-07 — Review\n\n- ✅ MVP review complete\n\n"
                     "## 2025-11-21 — Session 2\n\n- ✅ Implement account lockout\n\n"
                     "## 2025-11-21 — Session 1\n\n- 🔜 Implement account lockout\n\n"
                     "## 2025-11-01 — Start\n\n- ✅ Set up\n";
    ck_assert_int_eq(count_rule(down, "2026-12-07", SLOG_RULE_STALE_ITEM, NULL), 0);
    ck_assert_int_eq(count_rule(up, "2026-12-07", SLOG_RULE_STALE_ITEM, NULL), 0);
    /* done before it was opened, the same day: it stays open */
    const char *before =
        "# Worklog\n\n## 2025-11-21 — Session 1\n\n- ✅ Implement account lockout\n\n"
        "## 2025-11-21 — Session 2\n\n- 🔜 Implement account lockout\n\n"
        "## 2025-12-07 — Review\n\n- ✅ MVP review complete\n";
    ck_assert_int_eq(count_rule(before, "2026-12-07", SLOG_RULE_STALE_ITEM, NULL), 1);
}
END_TEST

START_TEST(stamps_that_close_a_log)
{
    const char *md =
        "# Sprint notes\n\n## Day 1 - November 29, 2025\n\n- Planning done\n\n"
        "## Day 2 - November 30, 2025\n\n- API chosen\n\n## Notes\n\n- Short standups\n\n"
        "**Document Created:** December 1, 2025\n\n## Sign-off\n\n"
        "**End of Day 2 - November 30, 2025**\n\n## Last Updated\n2025-12-02 14:45:00\n";
    slog_doc *d = parse_str(md);
    ck_assert_uint_eq(d->nentries, 2);
    slog_doc_free(d);
    /* the same stamps in other languages */
    d = parse_str("# Log\n\n## 2026-03-02 Session 2\n- a\n\n## 2026-03-01 Session 1\n- b\n\n"
                  "---\n\n**Última actualización:** 2026-03-02 05:47\n\n---\n\n"
                  "**Fine del diario del 2 marzo 2026**\n");
    ck_assert_uint_eq(d->nentries, 2);
    slog_doc_free(d);
    /* a bold date line that opens a day is still an entry */
    d = parse_str("# Notes\n\n## Week 48\n\n**Day 3 - December 1, 2025**\n\n- Demo\n");
    ck_assert_uint_eq(d->nentries, 1);
    slog_doc_free(d);
}
END_TEST

START_TEST(a_word_that_captions_a_nested_list)
{
    const char *md = "## 2025-03-03 Week 10\n\n- Plan:\n  - Copy the archive bucket\n"
                     "- Completed:\n  - Archive bucket copied\n  - Dry-run passed\n"
                     "- Fixed the following:\n  - the retry storm\n- Notes\n  - a remark\n";
    ck_assert_int_eq(item_state_at(md, 3), SLOG_STATE_NOTE);
    ck_assert_int_eq(item_state_at(md, 4), SLOG_STATE_NOTE);
    ck_assert_int_eq(item_state_at(md, 5), SLOG_STATE_NOTE); /* no done item of its own */
    ck_assert_int_eq(item_state_at(md, 6), SLOG_STATE_DONE);
    ck_assert_int_eq(item_state_at(md, 7), SLOG_STATE_DONE);
    ck_assert_int_eq(item_state_at(md, 9), SLOG_STATE_DONE);
    ck_assert_int_eq(item_state_at(md, 11), SLOG_STATE_NOTE); /* no colon: no caption */
    /* a word marker with text after it is still an item */
    ck_assert_int_eq(item_state_at("## 2025-03-03\n\n- Done: shipped 1.2\n", 3), SLOG_STATE_DONE);
}
END_TEST

START_TEST(no_repeat_in_another_language)
{
    /* the same days in Dutch and in English: new work, no repeat */
    const char *nl =
        "# Procesboek\n\n## Week 1\n\n### Maandag 8 januari 2018\n- Bezig aan het voorstel\n\n"
        "### Dinsdag 9 januari 2018\n- Bezig aan het ontwerpdocument\n\n"
        "### Woensdag 10 januari 2018\n- Project opgezet in Android Studio\n";
    const char *en =
        "# Process book\n\n## Week 1\n\n### Monday 8 January 2018\n- Busy with the proposal\n\n"
        "### Tuesday 9 January 2018\n- Busy with the design document\n\n"
        "### Wednesday 10 January 2018\n- Project set up in Android Studio\n";
    ck_assert_int_eq(count_rule(nl, "2018-02-01", SLOG_RULE_REPEATED_ENTRY, NULL), 0);
    ck_assert_int_eq(count_rule(en, "2018-02-01", SLOG_RULE_REPEATED_ENTRY, NULL), 0);
    /* a real repeat still is one, in any language */
    const char *de = "# Journal\n\n### 8. Januar 2018\n- Arbeit an der Anmeldung für den Server\n\n"
                     "### 9. Januar 2018\n- Arbeit an der Anmeldung für den Server\n";
    ck_assert_int_eq(count_rule(de, "2018-02-01", SLOG_RULE_REPEATED_ENTRY, NULL), 1);
}
END_TEST

START_TEST(ranges_of_days_with_spaces)
{
    const char *md = "# Team status\n\n## Sprint March 2 - March 6, 2026\n- a\n\n"
                     "## Sprint March 9 - 13, 2026\n- b\n\n"
                     "## Sprint December 29 – January 2, 2026\n- c\n\n"
                     "## Mar 9, 2026 - 14:00\n- d\n";
    slog_doc *d = parse_str(md);
    ck_assert_uint_eq(d->nentries, 4);
    ck_assert_str_eq(d->entries[0]->date, "2026-03-02");
    ck_assert_str_eq(d->entries[1]->date, "2026-03-09");
    ck_assert_str_eq(d->entries[1]->label, "Sprint");
    ck_assert_str_eq(d->entries[2]->date, "2025-12-29"); /* the range began the year before */
    ck_assert_str_eq(d->entries[3]->date, "2026-03-09");
    ck_assert_str_eq(d->entries[3]->time, "14:00");
    slog_doc_free(d);
}
END_TEST

START_TEST(a_weekday_chooses_the_year)
{
    /* newest first, year-less, after a start date of the year before */
    slog_doc *d = parse_str("# Dev log\n\nStarted: 2025-11-20\n\n### Tue Jan 6\n- a\n\n"
                            "### Fri Jan 2\n- b\n\n### Tue Dec 30\n- c\n\n### Mon Dec 29\n- d\n");
    ck_assert_uint_eq(d->nentries, 4);
    ck_assert_str_eq(d->entries[0]->date, "2026-01-06");
    ck_assert_str_eq(d->entries[1]->date, "2026-01-02");
    ck_assert_str_eq(d->entries[2]->date, "2025-12-30");
    for (size_t i = 0; i < 4; i++)
        ck_assert(!d->entries[i]->weekday_mismatch);
    slog_doc_free(d);
    /* a slip right after a dated entry stays a slip, in that entry's year */
    d = parse_str("# Log\n\n### Monday December 1st 2025\n- a\n\n### Sunday December 1st\n- b\n");
    ck_assert_uint_eq(d->nentries, 2);
    ck_assert_str_eq(d->entries[1]->date, "2025-12-01");
    ck_assert(d->entries[1]->weekday_mismatch);
    slog_doc_free(d);
}
END_TEST

START_TEST(labels_without_date_debris)
{
    const char *md = "# Ops log\n\n## 2026-09-12 (Sat) / 2026-09-13 (Sun)\n- a\n\n"
                     "## 09/04/2026 (Friday )\n- b\n\n## ✏ 2026.06.03\n- c\n\n"
                     "## 2026/5/2 - 5/13\n- d\n\n## 2026-05-01 — 🚀 Launch\n- e\n";
    slog_doc *d = parse_str(md);
    ck_assert_uint_eq(d->nentries, 5);
    for (size_t i = 0; i < 4; i++)
        ck_assert_str_eq(d->entries[i]->label, "");
    ck_assert_str_eq(d->entries[0]->date, "2026-09-12");
    ck_assert_str_eq(d->entries[3]->date, "2026-05-02");
    ck_assert_str_eq(d->entries[4]->label, "🚀 Launch");
    slog_doc_free(d);
    d = parse_str("# Trips\n\n## 2026-06-21..22 — Trip\n- a\n");
    ck_assert_str_eq(d->entries[0]->date, "2026-06-21");
    ck_assert_str_eq(d->entries[0]->label, "Trip");
    slog_doc_free(d);
    /* the separator between the two parts of a label stays */
    d = parse_str("# Sessions\n\n## Session 1 (2026-01-18) - credits secret\n- a\n\n"
                  "## INC-021 (2026-01-19): SOLVED\n- b\n\n## Status (2026-01-20)\n- c\n");
    ck_assert_str_eq(d->entries[0]->label, "Session 1 - credits secret");
    ck_assert_str_eq(d->entries[1]->label, "INC-021: SOLVED");
    ck_assert_str_eq(d->entries[2]->label, "Status");
    slog_doc_free(d);
    /* a separator before bracketed dates, a bracket left with "as of", a
     * label of hashes */
    d = parse_str(
        "# S\n\n## 🗓️ Sesión #011 - [2026-03-10 04:39]\n- a\n\n"
        "## Project status (as of 2026-03-11)\n- b\n\n### 项目当前状态（截至 2026-03-12）\n- c\n\n"
        "## ##### 29 aprile 2026\n- d\n");
    ck_assert_uint_eq(d->nentries, 4);
    ck_assert_str_eq(d->entries[0]->label, "Sesión #011");
    ck_assert_str_eq(d->entries[1]->label, "Project status");
    ck_assert_str_eq(d->entries[2]->label, "项目当前状态");
    ck_assert_str_eq(d->entries[3]->label, "");
    slog_doc_free(d);
}
END_TEST

START_TEST(approximate_times_and_hour_offsets)
{
    const char *md =
        "# Session log\n\n### 2026-03-04 ~13:00 — WSL\n- a\n\n"
        "### 2026-03-01T~20:30Z — WSL\n- b\n\n"
        "## Meeting 2020-10-23T10:00+01\n- c\n\n## 2026-03-05 14:00 - 15 min standup\n- d\n";
    slog_doc *d = parse_str(md);
    ck_assert_uint_eq(d->nentries, 4);
    ck_assert_str_eq(d->entries[0]->time, "13:00");
    ck_assert_str_eq(d->entries[0]->label, "WSL");
    ck_assert_str_eq(d->entries[1]->time, "20:30");
    ck_assert_str_eq(d->entries[1]->zone, "Z");
    ck_assert_str_eq(d->entries[2]->zone, "+01");
    ck_assert_int_eq(d->entries[2]->zone_offset, 60);
    ck_assert_str_eq(d->entries[2]->label, "Meeting");
    ck_assert_ptr_null(d->entries[3]->zone); /* a dash after a space is no offset */
    slog_doc_free(d);
}
END_TEST

START_TEST(a_next_step_scheduled_for_its_day)
{
    const char *md = "# Bot ops\n\n## 2026-10-03 — review\n- Loss analysis written up.\n\n"
                     "## 2026-09-13\n- Automation resumed.\n"
                     "- Next: Monday 2026-09-14 pre-open check armed for 13:20 UTC\n"
                     "- Next: write the reconciliation runbook\n";
    int line = 0;
    ck_assert_int_eq(count_rule(md, "2026-12-07", SLOG_RULE_STALE_ITEM, &line), 1);
    ck_assert_int_eq(line, 9); /* the runbook, not the check of its day */
}
END_TEST

START_TEST(signs_that_stress_work_done)
{
    const char *md = "## 19/07/2026 — Diagram\n\n### 🎯 O que foi realizado\n"
                     "- **Sticky scroll removed**: the column aligns.\n"                    /* 4 */
                     "- **⚠️ PHYSICS ENGINE (CRITICAL)**: rewrote the diagram.\n"       /* 5 */
                     "- ⚠️ **Critical bug found:** archived channels in the digest\n\n" /* 6 */
                     "### 💼 Impacto no Negócio\n"
                     "- **⚠️ Irrefutable accuracy**: customers see the real flow.\n\n" /* 9 */
                     "### Checks\n- **⚠️ Disk at 91%**: cleanup needed\n";             /* 12 */
    ck_assert_int_eq(item_state_at(md, 4), SLOG_STATE_DONE);
    ck_assert_int_eq(item_state_at(md, 5), SLOG_STATE_NOTE);
    ck_assert_int_eq(item_state_at(md, 6), SLOG_STATE_WARNING); /* a sign before the title warns */
    ck_assert_int_eq(item_state_at(md, 9), SLOG_STATE_NOTE);
    ck_assert_int_eq(item_state_at(md, 12), SLOG_STATE_WARNING);
}
END_TEST

START_TEST(dated_sections_of_a_roadmap_are_no_log)
{
    const char *md =
        "# Roadmap\n\n## Vision\n\nA scheduler.\n\n## Current State (2026-03-10)\n\nPhase 1 "
        "done.\n\n"
        "## Feature Plan\n\n- Phase 2\n\n## Consolidation Record (2026-02-08)\n\nRoles "
        "normalized.\n\n"
        "## Update Record (2026-03-09)\n\nWording replaced.\n\n## Priorities\n\n- P0\n\n"
        "## Audit Notes (2026-02-01)\n\nCounts verified.\n";
    ck_assert_int_eq(count_rule(md, "2026-12-07", SLOG_RULE_ENTRY_ORDER, NULL), 0);
    /* a log of sessions with a notes section between two of them is a log */
    const char *log =
        "# Log\n\n## Session 1 (2026-03-01)\n- a\n\n## Session 3 (2026-03-03)\n- c\n\n"
        "## Notes\n\nx\n\n## Session 2 (2026-03-02)\n- b\n\n## Session 4 (2026-03-04)\n- d\n";
    ck_assert_int_eq(count_rule(log, "2026-12-07", SLOG_RULE_ENTRY_ORDER, NULL), 1);
}
END_TEST

START_TEST(colours_of_a_legend)
{
    const char *md =
        "## 2026-03-12 - Power chart\n\n### 🎯 Chart legend\n"
        "- **🔴 Total power** (red, width 2.0)\n- **🟢 Rolling resistance** (green)\n";
    ck_assert_int_eq(item_state_at(md, 4), SLOG_STATE_NOTE);
    ck_assert_int_eq(item_state_at(md, 5), SLOG_STATE_NOTE);
}
END_TEST

START_TEST(a_date_a_sub_heading_mentions)
{
    const char *md = "# Incidents\n\n## 2026-04-12 — Cache stampede\n- Fixed by coalescing\n\n"
                     "### Relationship to the 2026-04-03 fix\n\nStill correct.\n\n"
                     "### Re-check after 2026-12-20\n\nThe provider changes then.\n\n"
                     "### Follow-up fixes (2026-04-12, same day)\n- Added a test\n\n"
                     "## 2026-04-03 — Config reload dropped the TTL\n- Restored it\n";
    slog_doc *d = parse_str(md);
    ck_assert_uint_eq(d->nentries, 3);
    ck_assert_str_eq(d->entries[1]->label, "Follow-up fixes (same day)");
    slog_doc_free(d);
    /* at the top level, "Notes from the 2026-03-09 standup" is that day's entry */
    d = parse_str("# Notes\n\n## Notes from the 2026-03-09 standup\n- a\n");
    ck_assert_uint_eq(d->nentries, 1);
    slog_doc_free(d);
}
END_TEST

START_TEST(releases_without_notes)
{
    const char *md =
        "# Changelog\n\n## [3.4.2](https://x.org/c) (2026-02-20)\n\n"
        "## [3.4.1](https://x.org/c) (2026-02-18)\n\n## [3.4.0](https://x.org/c) (2026-02-18)\n\n"
        "### Features\n\n* dark mode\n\n## [3.3.1](https://x.org/c) (2026-02-11)\n\n"
        "## [3.3.0](https://x.org/c) (2026-02-10)\n\n* locale fix\n";
    ck_assert_int_eq(count_rule(md, "2026-12-07", SLOG_RULE_EMPTY_ENTRY, NULL), 0);
    /* a patch release written one level down, alone in its log */
    const char *nested =
        "# Changelog\n\n## [4.12.0](https://x.org) (2026-02-20)\n\n* a feature\n\n"
        "### [4.11.2](https://x.org) (2026-02-18)\n\n## [4.11.0](https://x.org) (2026-02-10)\n\n"
        "* another\n";
    ck_assert_int_eq(count_rule(nested, "2026-12-07", SLOG_RULE_EMPTY_ENTRY, NULL), 0);
    /* an abandoned heading in a log of days still is one */
    const char *days = "# Log\n\n## 2026-02-20\n\n## 2026-02-19\n- a\n\n## 2026-02-18\n- b\n";
    ck_assert_int_eq(count_rule(days, "2026-12-07", SLOG_RULE_EMPTY_ENTRY, NULL), 1);
}
END_TEST

START_TEST(follow_up_headings_as_decorated)
{
    const char *heads[] = {"📋 Next Steps",     "🎯 **Next Steps**", "🚀 Nächste Schritte:",
                           "📋 Próximos Pasos", "下一步建议",       "Next steps (tomorrow)",
                           "다음 작업"};
    for (size_t i = 0; i < sizeof heads / sizeof *heads; i++) {
        char md[256];
        snprintf(md, sizeof md, "# T\n\n## 2026-03-09\n- ✅ a\n\n### %s\n- do the thing\n",
                 heads[i]);
        slog_doc *d = parse_str(md);
        ck_assert_msg(d->nfollowups == 1, "%s", heads[i]);
        slog_doc_free(d);
    }
    slog_doc *d = parse_str("# T\n\n## 2026-03-09\n\n### Next steps taken\n- a\n");
    ck_assert_uint_eq(d->nfollowups, 0);
    slog_doc_free(d);
    /* struck out or done: no follow-up any more */
    d = parse_str("# T\n\n## 2026-02-20\n\n### Next Steps\n- ~~Integrate the detector~~ — DONE\n"
                  "- ✅ Collect 150 episodes\n- Evaluate LoRA fine-tuning\n");
    ck_assert_uint_eq(d->nfollowups, 1);
    ck_assert_str_eq(d->followups[0].text, "Evaluate LoRA fine-tuning");
    slog_doc_free(d);
}
END_TEST

START_TEST(another_check_passing_fixes_nothing)
{
    slog_doc *d = parse_str("# Build log\n\n## 2026-03-02 Nightly run\n\n"
                            "- ❌ E2E login test fails on Safari\n"
                            "- ✅ E2E signup test passes on Chrome\n");
    ck_assert_uint_eq(d->nthreads, 1);
    ck_assert_ptr_null(d->threads[0].resolved);
    slog_doc_free(d);
    /* the fix the entry goes on to make still closes it */
    d = parse_str("# Ops\n\n## 2026-03-02\n\n- ❌ p99 latency 4.2 s after the pool change\n"
                  "- ✅ Rolled back the pool change; latency back to 300 ms\n");
    ck_assert_uint_eq(d->nthreads, 1);
    ck_assert_ptr_nonnull(d->threads[0].resolved);
    slog_doc_free(d);
}
END_TEST

START_TEST(the_last_sentence_of_a_caption_introduces)
{
    const char *md =
        "## 2025-03-04 (Ben)\n\nfixed these issues and wrote tests. The tests focus on:\n"
        "- Orchestrator start-up\n\n**Fix:** Sprint kickoff. Default-on rejection.\n\n"
        "- New exec cheatsheet matcher\n";
    ck_assert_int_eq(item_state_at(md, 4), SLOG_STATE_NOTE);
    ck_assert_int_eq(item_state_at(md, 8), SLOG_STATE_DONE);
}
END_TEST

START_TEST(date_keys_and_parts_of_the_day_leave_the_label)
{
    slog_doc *d = parse_str("# Lab\n\n## Date: March 3rd 2025 (Ana)\n\nSet up.\n\n"
                            "## 2025-03-11 ~afternoon - First end-to-end run\n- a\n\n"
                            "## 2025-03-12 (late) - Analysis script\n- b\n\n"
                            "## Session 3 — 2025-03-14 (Afternoon) — In-Game Testing\n- c\n\n"
                            "## 2025-03-15 night shift\n- d\n\n## Status as of 2025-03-16\n- e\n\n"
                            "## 2025-03-17T~evening — WSL\n- f\n");
    ck_assert_uint_eq(d->nentries, 7);
    ck_assert_str_eq(d->entries[6]->label, "WSL");
    ck_assert_str_eq(d->entries[0]->label, "Ana");
    ck_assert_str_eq(d->entries[1]->label, "First end-to-end run");
    ck_assert_str_eq(d->entries[2]->label, "Analysis script");
    ck_assert_str_eq(d->entries[3]->label, "Session 3 — In-Game Testing");
    ck_assert_str_eq(d->entries[4]->label, "night shift");
    ck_assert_str_eq(d->entries[5]->label, "Status");
    slog_doc_free(d);
}
END_TEST

START_TEST(a_date_index_is_no_log)
{
    slog_doc *d =
        parse_str("# 工作日志\n\n## 📅 按日期索引\n\n### 2026-04-08\n"
                  "- [实现智能选题](#2026-04-08实现智能选题)\n\n### 2026-04-10\n"
                  "- [前端美化](#2026-04-10前端美化)\n\n---\n\n## 2026-04-08：实现智能选题\n\n"
                  "- 完成选题算法\n\n## 2026-04-10：前端美化\n\n- 统一样式\n\n"
                  "## Contents\n\n### [2026-04-10](#2026-04-10) - Styles\n");
    ck_assert_uint_eq(d->nentries, 2);
    ck_assert_int_eq(d->entries[0]->line, 13);
    slog_doc_free(d);
    /* an entry whose first item links elsewhere is still an entry */
    d = parse_str("# Log\n\n## 2026-04-08\n- [see the design notes](#design)\n- ✅ shipped\n");
    ck_assert_uint_eq(d->nentries, 1);
    slog_doc_free(d);
}
END_TEST

START_TEST(every_session_gathers_its_own_evidence)
{
    const char *md =
        "# Journal\n\n## Sessions\n\n### 10.11.2025 - Wireframe\n\n**Evidence added**:\n"
        "- [x] Wireframe in `wireframe/`\n- [ ] Screenshots of the dashboards (to do)\n\n"
        "### 25.11.2025 - Architecture\n\n**Evidence added**:\n- [x] `docs/` complete\n"
        "- [ ] VS Code screenshots (to do)\n\n### 28.12.2025 - Admin\n\n**Evidence added**:\n"
        "- [x] `admin-dashboard.png`\n";
    ck_assert_int_eq(count_rule(md, "2026-01-05", SLOG_RULE_OPEN_CHECKLIST, NULL), 2);
}
END_TEST

START_TEST(year_less_dotted_days)
{
    slog_doc *d = parse_str("# Protokoll\n\n## 27.03.2025 Kickoff\n- a\n\n## 31.03. Review\n- b\n\n"
                            "## 1.2. Einleitung\n- c\n\n## Ubuntu 16.04 upgrade\n- d\n");
    ck_assert_uint_eq(d->nentries, 2);
    ck_assert_str_eq(d->entries[1]->date, "2025-03-31");
    ck_assert_str_eq(d->entries[1]->label, "Review");
    slog_doc_free(d);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("readers");
    TCase *tc = tcase_create("readers");
    tcase_add_test(tc, colours_that_rank_priority);
    tcase_add_test(tc, work_done_later_the_same_day);
    tcase_add_test(tc, stamps_that_close_a_log);
    tcase_add_test(tc, a_word_that_captions_a_nested_list);
    tcase_add_test(tc, no_repeat_in_another_language);
    tcase_add_test(tc, ranges_of_days_with_spaces);
    tcase_add_test(tc, a_weekday_chooses_the_year);
    tcase_add_test(tc, labels_without_date_debris);
    tcase_add_test(tc, approximate_times_and_hour_offsets);
    tcase_add_test(tc, a_next_step_scheduled_for_its_day);
    tcase_add_test(tc, signs_that_stress_work_done);
    tcase_add_test(tc, dated_sections_of_a_roadmap_are_no_log);
    tcase_add_test(tc, colours_of_a_legend);
    tcase_add_test(tc, a_date_a_sub_heading_mentions);
    tcase_add_test(tc, releases_without_notes);
    tcase_add_test(tc, follow_up_headings_as_decorated);
    tcase_add_test(tc, another_check_passing_fixes_nothing);
    tcase_add_test(tc, the_last_sentence_of_a_caption_introduces);
    tcase_add_test(tc, date_keys_and_parts_of_the_day_leave_the_label);
    tcase_add_test(tc, a_date_index_is_no_log);
    tcase_add_test(tc, every_session_gathers_its_own_evidence);
    tcase_add_test(tc, year_less_dotted_days);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
