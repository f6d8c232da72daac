/* SPDX-License-Identifier: BSD-2-Clause */
/* Logs as other authors write them, from a fourth review of 26 public
 * devlogs, agent session logs, lab notebooks, meeting notes and weekly
 * plans (SPEC §1, §3 r3). Each case failed before its fix. */
#include "lint_helpers.h"

START_TEST(a_week_number_is_no_day)
{
    /* "Week 2023-48 - 26 Nov-2 Dec 2023": week 48 of 2023, dated by its first day */
    slog_doc *d = parse_str("# Studio log\n\n## Week 2023-47 - 19-25 Nov 2023\n* level select\n\n"
                            "## Week 2023-48 - 26 Nov-2 Dec 2023\n* save slot bug\n\n"
                            "## Week 2023-49 - 03-09 Dec 2023\n* playtest\n");
    ck_assert_uint_eq(d->nentries, 3);
    ck_assert_str_eq(d->entries[1]->date, "2023-11-26");
    ck_assert_str_eq(d->entries[1]->label, "Week 2023-48");
    slog_doc_free(d);
    ck_assert_int_eq(count_rule("## Week 2023-48 - 26 Nov-2 Dec 2023\n* save slot bug\n",
                                "2026-12-07", SLOG_RULE_INVALID_DATE, NULL),
                     0);
}
END_TEST

START_TEST(a_web_address_gives_no_year)
{
    /* the year of year-less headings is the log's, not a linked page's */
    const char *md =
        "# Intern notes\n\n### June 1, 2021\n* set up the build machine\n\n"
        "### June 2\n* read about layers, see http://example.org/blog/2015/03/10/x/\n\n"
        "### June 3\n* trimmed the image\n\n### June 4\n* wrote the setup doc\n";
    slog_doc *d = parse_str(md);
    ck_assert_uint_eq(d->nentries, 4);
    ck_assert_str_eq(d->entries[3]->date, "2021-06-04");
    slog_doc_free(d);
    ck_assert_int_eq(count_rule(md, "2026-12-07", SLOG_RULE_ENTRY_ORDER, NULL), 0);
}
END_TEST

START_TEST(a_weekly_report_by_week_of)
{
    /* "## Week of 2026-03-02" names the week a report records; a plan's
     * "ship it the week of 2026-03-09" does not date an entry */
    slog_doc *d = parse_str("# Platform weekly\n\n## Week of 2026-03-02\n- ✅ Moved billing\n"
                            "- ⏳ Load test\n\n## **Week of** 2026-03-09\n- ✅ Load test\n\n"
                            "## Ship the importer the week of 2026-03-23\n- design\n");
    ck_assert_uint_eq(d->nentries, 2);
    ck_assert_str_eq(d->entries[0]->date, "2026-03-02");
    ck_assert_str_eq(d->entries[1]->date, "2026-03-09");
    slog_doc_free(d);
}
END_TEST

START_TEST(an_agenda_lists_topics)
{
    /* a meeting's agenda: questions and topics are no open work; what it
     * says to do is */
    const char *md =
        "# Supervision meetings\n\n## Meeting (14/1/2025)\n\n### Agenda (14/1/2025)\n\n"
        "- [ ] Is the benchmark suite representative?\n" /* 7 */
        "- [ ] Caching\n"                                /* 8 */
        "- [x] Share the profiling results\n"
        "  - [ ] Deploy the benchmarks to the website\n" /* 10 */
        "\n### Summary (14/1/2025)\n\n- Suite is fine for now.\n\n"
        "## Meeting (21/1/2025)\n\n#### Tagesordnung\n\n- [ ] Printer or parser?\n"
        "\n#### Next\n\n- [ ] Write the parser benchmark\n"; /* 24 */
    int line = 0;
    ck_assert_int_eq(count_rule(md, "2026-12-07", SLOG_RULE_OPEN_CHECKLIST, &line), 2);
    ck_assert_int_eq(line, 10);
    const char *later = strstr(md, "## Meeting (21/1/2025)"); /* line 17 of md */
    ck_assert_int_eq(count_rule(later, "2026-12-07", SLOG_RULE_OPEN_CHECKLIST, &line), 1);
    /* work parked under an enclosing heading for a later version */
    const char *parked =
        "# Task tracker\n\n### Session du 2025-12-11 - User\n- ✅ TASK-022 terminée\n\n"
        "## PHASE 2\n\n#### TASK-023: DivingSpot\n- [ ] Créer l'entité\n\n"
        "## 🔮 Tâches futures (V2)\n\n#### TASK-121: Gamification\n- [ ] Badges\n"
        "- [ ] Classements\n";
    ck_assert_int_eq(count_rule(parked, "2026-12-07", SLOG_RULE_OPEN_CHECKLIST, &line), 1);
    ck_assert_int_eq(line, 9);
    ck_assert_int_eq(line, 9); /* "Write the parser benchmark", not the agenda's question */
}
END_TEST

START_TEST(an_archive_heading_starts_another_log)
{
    /* the plan's milestones oldest first, then "### Archive" and the weeks
     * before them newest first: two runs, neither out of order */
    const char *md = "## Catalog plan\n\n### Milestone 17.0 (April 13, 2024)\n- a\n\n"
                     "### Milestone 17.1 (May 11, 2024)\n- b\n\n"
                     "### Milestone 17.2 (June 15, 2024)\n- c\n\n### Archive\n\n"
                     "### Week of September 25, 2023\n- ✅ d\n\n"
                     "### Week of September 18, 2023\n- ✅ e\n\n"
                     "### Week of September 11, 2023\n- ✅ f\n\n"
                     "### Week of September 4, 2023\n- ✅ g\n";
    slog_doc *d = parse_str(md);
    ck_assert_uint_eq(d->nentries, 7);
    ck_assert_uint_eq(d->nlogs, 2);
    ck_assert_int_eq(d->logs[0].direction, SLOG_OLDEST_FIRST);
    ck_assert_int_eq(d->logs[1].direction, SLOG_NEWEST_FIRST);
    slog_doc_free(d);
    ck_assert_int_eq(count_rule(md, "2026-12-07", SLOG_RULE_ENTRY_ORDER, NULL), 0);
}
END_TEST

START_TEST(priorities_and_findings_in_cjk)
{
    const char *md = "# 作業ログ\n\n## 2026-03-01 (コードレビュー)\n\n**改善推奨事項**:\n"
                     "1. 🔴 高優先度: `app.py` の分割\n"                /* 6 */
                     "2. 🟡 中優先度: ログ出力の統一\n\n" /* 7 */
                     "## 2026-03-02 (分析)\n\n**主要な発見事項**:\n"
                     "1. 🔴 **ハンドラーの重複** - 200行削減可能\n" /* 12 */
                     "2. 🟡 **ログ出力の統一**\n";        /* 13 */
    ck_assert_int_eq(item_state_at(md, 6), SLOG_STATE_NOTE);
    ck_assert_int_eq(item_state_at(md, 7), SLOG_STATE_NOTE);
    ck_assert_int_eq(item_state_at(md, 12), SLOG_STATE_NOTE);
    ck_assert_int_eq(item_state_at(md, 13), SLOG_STATE_NOTE);
    ck_assert_int_eq(count_rule(md, "2026-12-07", SLOG_RULE_STALE_ITEM, NULL), 0);
}
END_TEST

START_TEST(stamps_in_more_languages)
{
    slog_doc *d = parse_str("# Diário\n\n## Sessão 2026-03-02 — Ajustes\n\n- Corrigido o login\n\n"
                            "## Pendências\n\n1. Revisar o cadastro\n\n"
                            "**Última atualização**: 2026-03-02\n");
    ck_assert_uint_eq(d->nentries, 1);
    slog_doc_free(d);
    d = parse_str("# Durum\n\n**Son güncelleme:** 2026-03-02 (Oturum 4)\n\n"
                  "## Dilim 2 (2026-03-02): Ayarlar\n\n- Ayar ekranı eklendi\n");
    ck_assert_uint_eq(d->nentries, 1);
    ck_assert_str_eq(d->entries[0]->label, "Dilim 2: Ayarlar");
    slog_doc_free(d);
}
END_TEST

START_TEST(a_to_do_list_by_another_name)
{
    /* "待办事项" then "待办": one list of what is left, the newest counts */
    const char *md = "# 开发日志\n\n## 2026-03-01 会话 #1\n\n### 待办事项\n- [ ] 用户登录\n"
                     "- [ ] 导出报表\n\n## 2026-03-02 会话 #2\n\n### 📋 待办\n"
                     "- [ ] 导出报表（CSV）\n"; /* 12 */
    int line = 0;
    ck_assert_int_eq(count_rule(md, "2026-12-07", SLOG_RULE_OPEN_CHECKLIST, &line), 1);
    ck_assert_int_eq(line, 12);
}
END_TEST

START_TEST(us_zones_and_ranges_of_days)
{
    /* "PT" is Pacific time, summer time by the date; "2026-03-02/03",
     * "13/1/2025 -- 19/1/2025" and "`2026-03-10` 到 `2026-03-15`" are
     * ranges, their ends no part of the label */
    slog_doc *d = parse_str("# Cycle log\n\n## Fire 0 — Start (2026-07-02 ~07:30 PT)\n- a\n\n"
                            "## Fire 1 (2026-01-02 07:30 ET)\n- b\n\n"
                            "## Sessão 2026-03-02/03 — Migração\n- c\n\n"
                            "## Week 2 (13/1/2025 -- 19/1/2025)\n- d\n\n"
                            "### 2026-W11（`2026-03-10` 到 `2026-03-15`）\n- e\n");
    ck_assert_uint_eq(d->nentries, 5);
    ck_assert_str_eq(d->entries[0]->label, "Fire 0 — Start");
    ck_assert_str_eq(d->entries[0]->zone, "PT");
    ck_assert_int_eq(d->entries[0]->zone_offset, -420);
    ck_assert_int_eq(d->entries[1]->zone_offset, -300);
    ck_assert_str_eq(d->entries[2]->date, "2026-03-02");
    ck_assert_str_eq(d->entries[2]->label, "Sessão Migração");
    ck_assert_str_eq(d->entries[3]->label, "Week 2");
    ck_assert_str_eq(d->entries[4]->date, "2026-03-10");
    ck_assert_str_eq(d->entries[4]->label, "2026-W11");
    slog_doc_free(d);
}
END_TEST

START_TEST(progress_and_releases_are_no_repeat)
{
    /* "... started", then "... continued"; one release, then the next */
    const char *steps =
        "# Study log\n\n### 2026-03-09\n1. Assignment 3 - image captioning started\n\n"
        "### 2026-03-10\n1. Assignment 3 - image captioning continued\n\n"
        "### 2026-03-11\n1. Assignment 3 - image captioning 종료\n";
    ck_assert_int_eq(count_rule(steps, "2026-12-07", SLOG_RULE_REPEATED_ENTRY, NULL), 0);
    const char *releases =
        "# Release log\n\n## 2026-03-12\n\n* 4f1c2aa package.json: bump deps\n"
        "* v2.4.0 released\n\n## 2026-02-20\n\n* 9be03d1 package.json: bump deps\n"
        "* v2.3.1 released\n";
    ck_assert_int_eq(count_rule(releases, "2026-12-07", SLOG_RULE_REPEATED_ENTRY, NULL), 0);
    const char *commits =
        "# Commits\n\n## 2024-08-09\n\n* 3df8514 build-assets/package.json: updates\n\n"
        "## 2024-08-07\n\n* c6a5f6a build-assets/package.json: updates\n";
    ck_assert_int_eq(count_rule(commits, "2026-12-07", SLOG_RULE_REPEATED_ENTRY, NULL), 0);
    /* a check made again is still a repeat */
    const char *checks = "# Ops\n\n## 2026-03-09\n- Nightly backup check: all green\n\n"
                         "## 2026-03-10\n- Nightly backup check: all green\n";
    ck_assert_int_eq(count_rule(checks, "2026-12-07", SLOG_RULE_REPEATED_ENTRY, NULL), 1);
    /* keyed records: other files changed is new work; the same value, or
     * less of it, is not */
    const char *handoff = "# Handoff\n\n## 2026-02-03 10:00 (UTC+3)\n- Branch: `main`\n"
                          "- Files: `api/routes.py`, `ui/list.html`\n- Tests: 3 passed\n\n"
                          "## 2026-02-03 11:30 (UTC+3)\n- Branch: `main`\n"
                          "- Files: `api/routes.py`, `ui/edit.js`\n- Tests: 5 passed\n";
    ck_assert_int_eq(count_rule(handoff, "2026-12-07", SLOG_RULE_REPEATED_ENTRY, NULL), 0);
    const char *sprint =
        "# Sprint\n\n## Next Sprint - 2025-09-29T09:01\n- Status: Planned\n"
        "- Owner: Quality Engineer\n- Note: staging needs the allow flag in the commit\n\n"
        "## Next Sprint - 2025-09-29T10:23\n- Status: Planned\n"
        "- Owner: Quality Engineer\n- Note: staging needs the allow flag\n";
    ck_assert_int_eq(count_rule(sprint, "2026-12-07", SLOG_RULE_REPEATED_ENTRY, NULL), 1);
}
END_TEST

START_TEST(next_steps_in_other_languages_and_bare_labels)
{
    const char *md = "# Stato del progetto\n\n## Aggiornamento: login (2026-03-10)\n\n"
                     "- ✅ Risolto errore di accesso\n\n### Prossimi passi\n"
                     "1. 🟡 **Ottimizzare le prestazioni** (3-4 ore)\n" /* 8 */
                     "2. 🟢 **Scrivere i test di integrazione**\n";     /* 9 */
    ck_assert_int_eq(item_state_at(md, 8), SLOG_STATE_NEXT);
    ck_assert_int_eq(item_state_at(md, 9), SLOG_STATE_NEXT);
    slog_doc *d = parse_str("# Widget\n\n## Changes\n\n* **2026-03-12**\n\n  * fixed the resize\n\n"
                            "* **2026-02-01**\n\n  * initial version\n\n"
                            "### 2026년 3월 1일 ~ 2026년 3월 8일\n1. 강의 수강\n");
    ck_assert_uint_eq(d->nentries, 3);
    ck_assert_str_eq(d->entries[0]->label, "");
    ck_assert_str_eq(d->entries[2]->date, "2026-03-01");
    ck_assert_str_eq(d->entries[2]->label, "");
    slog_doc_free(d);
}
END_TEST

START_TEST(collapsed_blocks_symbols_and_ticked_dates)
{
    /* each "<summary>" block its own log; "⚙️ **10/03/2026** –" and
     * "- [x] **2026-03-02** —" open with their dates; an open box is a
     * task, not an entry */
    slog_doc *d = parse_str(
        "# History\n\n<details>\n<summary>web-01</summary>\n\n"
        "- 🔧 **14/03/2026** – Restarted nginx.\n- ⚙️ **10/03/2026** – Updates.\n\n"
        "</details>\n\n<details>\n<summary>db-01</summary>\n\n"
        "- ⚙️ **13/03/2026** – Vacuum.\n- 🌐 **11/03/2026** – Firewall rule.\n\n"
        "</details>\n\n## Checklist\n\n- [x] **2026-03-02** — moved the agent.\n"
        "- [x] 2026-03-05 — switched DNS.\n- [ ] 2026-03-09 — retire the host.\n");
    ck_assert_uint_eq(d->nentries, 6);
    ck_assert_uint_eq(d->nlogs, 3);
    ck_assert_int_eq(d->logs[0].direction, SLOG_NEWEST_FIRST);
    ck_assert_int_eq(d->logs[1].direction, SLOG_NEWEST_FIRST);
    ck_assert_str_eq(d->entries[4]->label, "moved the agent.");
    ck_assert_int_eq(d->entries[4]->items->state, SLOG_STATE_DONE);
    slog_doc_free(d);
    /* after "</details>", a list is its heading's again, not the block's */
    d = parse_str("# H\n\n## Resources\n\n<details>\n<summary>web-01</summary>\n\n"
                  "- 🔧 **14/03/2026** – a\n- 🔧 **10/03/2026** – b\n\n</details>\n\n"
                  "- 2026-03-01 — c\n- 2026-03-02 — d\n");
    ck_assert_uint_eq(d->nentries, 4);
    ck_assert_uint_eq(d->nlogs, 2);
    ck_assert_int_eq(d->logs[1].direction, SLOG_OLDEST_FIRST);
    slog_doc_free(d);
}
END_TEST

START_TEST(severities_and_unpaired_marks)
{
    const char *md =
        "# Ops log\n\n## 2026-07-01 — Permission audit\n"
        "- **🔴 Critical — anonymous users could edit scores (fixed today)**:\n" /* 4 */
        "  - revoked EXECUTE from anon.\n\n## 2026-07-25 — Theme\n- Adjusted colours.\n";
    ck_assert_int_eq(item_state_at(md, 4), SLOG_STATE_NOTE);
    ck_assert_int_eq(count_rule(md, "2026-12-07", SLOG_RULE_STALE_ITEM, NULL), 0);
    slog_doc *d =
        parse_str("# Notes\n\n## Decisions\n\n- **2026-05-14 morning**: Stopped the run.\n"
                  "- **2026-05-16**: Started the large run.\n\n"
                  "## ~~Rework plan (2026-07-29 drafted)~~ — superseded\n- replaced\n");
    ck_assert_uint_eq(d->nentries, 3);
    ck_assert_str_eq(d->entries[0]->label, "morning: Stopped the run.");
    ck_assert_str_eq(d->entries[2]->label, "Rework plan (drafted) — superseded");
    slog_doc_free(d);
    /* "(local)": the clock the time was read on, no label */
    d = parse_str("# 项目进度\n\n## 2026-02-16 18:34 (local) | M1.1\n- Status: done\n\n"
                  "## 2026-02-17 (local) | M1.2\n- Status: done\n");
    ck_assert_str_eq(d->entries[0]->label, "M1.1");
    ck_assert_str_eq(d->entries[1]->label, "M1.2");
    slog_doc_free(d);
}
END_TEST

START_TEST(archived_batches)
{
    /* "## Archived: DATE (...)" files a batch away: a stamp, not an entry,
     * and what follows it is a log of its own; a session pasted into two
     * batches is still a copy */
    const char *md =
        "# Progress archive\n\n## Archived: 2025-12-20 (cleanup run 3)\nMoved here.\n\n"
        "## 2025-12-12 | Session: impl-12\n- ✅ Settings screen\n\n"
        "## 2025-12-10 | Session: impl-10\n- ✅ Toggle component\n\n"
        "## アーカイブ: 2025-12-05 (cleanup run 1)\nMoved here.\n\n"
        "## 2025-12-01 | Session: impl-01\n- ✅ Project setup\n\n"
        "## 2025-12-02 | Session: impl-02\n- ✅ Data model\n\n"
        "## 2025-12-10 | Session: impl-10\n- ✅ Toggle component\n";
    slog_doc *d = parse_str(md);
    ck_assert_uint_eq(d->nentries, 5);
    ck_assert_uint_eq(d->nlogs, 2);
    slog_doc_free(d);
    ck_assert_int_eq(count_rule(md, "2026-12-07", SLOG_RULE_ENTRY_ORDER, NULL), 0);
    int line = 0;
    ck_assert_int_eq(count_rule(md, "2026-12-07", SLOG_RULE_DUPLICATE_ENTRY, &line), 1);
    ck_assert_int_eq(line, 21); /* the second impl-10 */
}
END_TEST

START_TEST(next_steps_taken_up_by_name)
{
    /* an agent's next step is done in a later session, in that session's
     * words: by name (R2, Phase 7.2 and 7.3), every name it gives */
    const char *named =
        "# 项目进度\n\n## 2026-03-18 | P2-M1b post-review fix\n- Status: done\n"
        "- Next: R2 语义修复\n\n## 2026-03-19 | post-review fix R2\n- Status: done\n\n"
        "## 2026-04-21 | P3-M1\n- Status: done\n";
    ck_assert_int_eq(count_rule(named, "2026-12-07", SLOG_RULE_STALE_ITEM, NULL), 0);
    const char *nested =
        "# Build log\n\n### Session 79 — 2026-07-30\n"
        "- **Next:** Phase 7.2 (keyboard), 7.3 (responsive audit)\n\n"
        "### Session 80 — 2026-07-31\n- **Did:**\n  - **Phase 7.2 DONE:** skip link\n"
        "  - **Phase 7.3 DONE:** touch targets\n\n### Session 81 — 2026-08-20\n"
        "- **Did:** Release notes.\n";
    ck_assert_int_eq(count_rule(nested, "2026-12-07", SLOG_RULE_STALE_ITEM, NULL), 0);
    /* one of two taken up is not the step done */
    const char *half =
        "# Build log\n\n### Session 79 — 2026-07-30\n"
        "- **Next:** Phase 7.2 (keyboard), 7.3 (responsive audit)\n\n"
        "### Session 80 — 2026-07-31\n- **Did:**\n  - **Phase 7.2 DONE:** skip link\n\n"
        "### Session 81 — 2026-08-20\n- **Did:** Release notes.\n";
    ck_assert_int_eq(count_rule(half, "2026-12-07", SLOG_RULE_STALE_ITEM, NULL), 1);
    /* no work to track: a statement that it is closed, a branch's routine */
    const char *stated = "# 项目进度\n\n## 2026-03-05 | M5 closeout\n- Status: done\n"
                         "- Next: M5 全部关闭；后续里程碑默认按 PostgreSQL 17 基线推进\n\n"
                         "## 2026-03-06 | Phase transition\n- Next: Create PR, merge to main.\n\n"
                         "## 2026-04-01 | P2-M1\n- Status: done\n";
    ck_assert_int_eq(count_rule(stated, "2026-12-07", SLOG_RULE_STALE_ITEM, NULL), 0);
    /* a note in CJK that says it was done closes the task; one that says
     * it was not does not */
    const char *cjk =
        "# 进度\n\n## 2026-03-01\n- 🔜 编写导出脚本\n\n## 2026-03-02\n- 编写导出脚本已完成\n\n"
        "## 2026-04-01\n- 其他工作\n";
    ck_assert_int_eq(count_rule(cjk, "2026-12-07", SLOG_RULE_STALE_ITEM, NULL), 0);
    const char *not_yet =
        "# 进度\n\n## 2026-03-01\n- 🔜 编写导出脚本\n\n## 2026-03-02\n- 编写导出脚本未完成\n\n"
        "## 2026-04-01\n- 其他工作\n";
    ck_assert_int_eq(count_rule(not_yet, "2026-12-07", SLOG_RULE_STALE_ITEM, NULL), 1);
}
END_TEST

START_TEST(sessions_of_one_day)
{
    /* a log of sessions (several a day, as a habit): two untimed sessions
     * of a day that say different things are two sessions */
    const char *sessions =
        "# Worklog\n\n## 2026-08-01\n- Wired the export command to the queue\n\n" /* 3 */
        "## 2026-08-01\n- Rewrote the importer's retry loop with backoff\n\n"     /* 6 */
        "## 2026-08-02\n- Measured the cold start of the worker pool\n\n"         /* 9 */
        "## 2026-08-02\n- Added a flag for the dry run of the migration\n\n"      /* 12 */
        "## 2026-08-03\n- Split the settings page into three tabs\n\n"            /* 15 */
        "## 2026-08-03\n- Fixed the flaky login test by waiting for the form\n";  /* 18 */
    ck_assert_int_eq(count_rule(sessions, "2026-12-07", SLOG_RULE_DUPLICATE_ENTRY, NULL), 0);
    /* ... but a copy of a session, a line or two changed, is a duplicate */
    char copy[2048];
    snprintf(copy, sizeof copy,
             "%s\n## 2026-08-03\n- Fixed the flaky login test by waiting for the form\n"
             "- Noted the timeout in the test guide\n",
             sessions); /* line 21 */
    int line = 0;
    ck_assert_int_eq(count_rule(copy, "2026-12-07", SLOG_RULE_DUPLICATE_ENTRY, &line), 1);
    ck_assert_int_eq(line, 21);
    /* ... and so is a session number given twice */
    const char *numbered =
        "# Devlog\n\n## 2026-05-28 Session #9\n- Colour filter for the flower beds\n\n"
        "## 2026-05-28 Session #10\n- Nicknames shown on the profile page\n\n"
        "## 2026-05-28 Session #9\n- Profile page with the liked flowers\n\n" /* 9 */
        "## 2026-05-27 Session #7\n- Sound effects with the synth library\n\n"
        "## 2026-05-27 Session #8\n- Replies tuned to the user's history\n\n"
        "## 2026-05-26 Session #5\n- Login form\n\n## 2026-05-26 Session #6\n- Logout\n";
    ck_assert_int_eq(count_rule(numbered, "2026-12-07", SLOG_RULE_DUPLICATE_ENTRY, &line), 1);
    ck_assert_int_eq(line, 9);
    /* in a log of one entry a day, a second entry of a day is the split a
     * reader wants told, whatever it says */
    const char *daily = "# Journal\n\n## 2026-08-01\n- Wired the export command\n\n"
                        "## 2026-08-01\n- Rewrote the retry loop\n\n"
                        "## 2026-08-02\n- Measured the cold start\n\n"
                        "## 2026-08-03\n- Split the settings page\n";
    ck_assert_int_eq(count_rule(daily, "2026-12-07", SLOG_RULE_DUPLICATE_ENTRY, &line), 1);
    ck_assert_int_eq(line, 6);
    /* in a log of sessions, the same day written again after other days is
     * a split too */
    char split[2048];
    snprintf(split, sizeof split, "%s\n## 2026-08-01\n- Cleaned the fixtures folder\n",
             sessions); /* line 21 */
    ck_assert_int_eq(count_rule(split, "2026-12-07", SLOG_RULE_DUPLICATE_ENTRY, &line), 1);
    ck_assert_int_eq(line, 21);
    /* a log of steps: many entries on few days (nine on three) */
    const char *steps = "# Changelog\n\n## 2026-01-13\n\nStep 1: Capture the parameter errors.\n\n"
                        "## 2026-01-13\n\nStep 2: Exclude the sampling params.\n\n"
                        "## 2026-01-13\n\nStep 3: Run the example in tmux.\n\n"
                        "## 2026-01-13\n\nStep 4: Gate the chat mode.\n\n"
                        "## 2026-01-13\n\nStep 5: Record the token counts.\n\n"
                        "## 2026-01-13\n\nStep 6: Add the streaming test.\n\n"
                        "## 2026-01-14\n\nStep 7: Review the diff.\n\n"
                        "## 2026-01-14\n\nStep 8: Fix the review notes.\n\n"
                        "## 2026-01-15\n\nStep 9: Merge.\n";
    ck_assert_int_eq(count_rule(steps, "2026-12-07", SLOG_RULE_DUPLICATE_ENTRY, NULL), 0);
}
END_TEST

START_TEST(work_numbered_apart)
{
    /* "Phase 8 reverification" is not "Phase 7 reverification": the
     * numbers a counting word gives keep two steps two threads */
    const char *md = "# Progress\n\n## 2026-03-01\n- Next: Phase 7 reverification\n\n"
                     "## 2026-03-02\n- Next: Phase 8 reverification\n\n"
                     "## 2026-03-03\n- Next: Phases 9, 10 and 11 reverification\n\n"
                     "## 2026-03-04\n- Next: Phase 11 reverification\n\n"
                     "## 2026-03-05\n- Next: PR #46 merge after the review\n\n"
                     "## 2026-03-06\n- Next: PR #47 merge after the review\n";
    slog_doc *d = parse_str(md);
    size_t longest = 0;
    for (size_t i = 0; i < d->nthreads; i++)
        if (d->threads[i].nitems > longest)
            longest = d->threads[i].nitems;
    ck_assert_uint_eq(longest, 2); /* "Phases 9, 10 and 11" and "Phase 11" only */
    slog_doc_free(d);
    /* a step at two depths is one piece of work: "Phase 8" done as "Phase 8.1" */
    const char *deeper =
        "# Progress\n\n## 2026-03-01\n- 🔜 Phase 8 migration of the billing tables\n\n"
        "## 2026-03-02\n- ✅ Phase 8.1 migration of the billing tables\n\n"
        "## 2026-04-01\n- other work\n";
    ck_assert_int_eq(count_rule(deeper, "2026-12-07", SLOG_RULE_STALE_ITEM, NULL), 0);
}
END_TEST

START_TEST(short_numeric_dates_alone)
{
    /* a heading that is only a date with a two-digit year, dotted or dashed */
    slog_doc *d = parse_str("# Bench PSU build\n\n### 03.02.24\n* soldered\n\n### 10.02.24\n"
                            "* wired\n\n### 2-17-24\n* first power-on\n\n"
                            "## Release 3.10.12\n- notes\n");
    ck_assert_uint_eq(d->nentries, 3);
    ck_assert_str_eq(d->entries[0]->date, "2024-02-03");
    ck_assert_str_eq(d->entries[2]->date, "2024-02-17");
    slog_doc_free(d);
    /* month and day alone take the year of the log around them */
    d = parse_str("# Project log\n\n### 9-24-25\nkick-off\n\n### 9-26\nwired the LEDs\n\n"
                  "### 10-3\ntested the board\n\n## Pages 1-2 of the guide\n- read\n");
    ck_assert_uint_eq(d->nentries, 3);
    ck_assert_str_eq(d->entries[1]->date, "2025-09-26");
    ck_assert_str_eq(d->entries[2]->date, "2025-10-03");
    slog_doc_free(d);
}
END_TEST

START_TEST(a_command_run_later_ticks_its_box)
{
    /* verification deferred as boxes of commands, then run in the next
     * entry: "`cargo test --lib`: 451 passed", "`pnpm typecheck`: exit 0" */
    const char *md = "# Agent log\n\n## 2026-05-10 Parser change verified\n\n"
                     "- `cargo test --lib`: 451 passed\n- `pnpm typecheck`: exit 0\n\n"
                     "## 2026-05-09 Parser change (verification deferred)\n\n"
                     "- [ ] `cargo test --lib`\n- [ ] `pnpm typecheck`\n- [ ] `pnpm lint`\n";
    int line = 0;
    ck_assert_int_eq(count_rule(md, "2026-12-07", SLOG_RULE_OPEN_CHECKLIST, &line), 1);
    ck_assert_int_eq(line, 12); /* `pnpm lint` was never run */
    /* a run that failed ticks nothing */
    const char *failed = "# Agent log\n\n## 2026-05-10\n\n- `cargo test --lib`: 3 failed\n\n"
                         "## 2026-05-09\n\n- [ ] `cargo test --lib`\n";
    ck_assert_int_eq(count_rule(failed, "2026-12-07", SLOG_RULE_OPEN_CHECKLIST, NULL), 1);
}
END_TEST

START_TEST(a_reading_of_absence_is_no_failure)
{
    /* a poll's keyed reading that a file is absent is not failed work; a
     * failure that names what went wrong is */
    slog_doc *d = parse_str("# Quality log\n\n## 2025-10-01 15:31 UTC\n\n**Polling Results**:\n"
                            "- ❌ Quality Direction File: `plans/quality/direction.md` — Does not "
                            "exist\n- ❌ Build failed: missing header `cmark.h`\n");
    ck_assert_uint_eq(d->nentries, 1);
    const slog_item *it = d->entries[0]->items;
    ck_assert_int_eq(it->state, SLOG_STATE_NOTE);
    ck_assert_int_eq(it->next->state, SLOG_STATE_FAILED);
    slog_doc_free(d);
}
END_TEST

START_TEST(a_records_fields_are_no_fixes)
{
    /* under a heading that says a fix was made, the record's fields are
     * fields, not fixes; a keyed item naming the work is work done */
    const char *md = "# Tracker\n\n## 2025-11-04\n\n#### 22:45 - Fixed Balance Fetching Issue\n"
                     "- **Task:** REQ-1.4 - Fix balance fetching\n" /* 6 */
                     "- **Status:** ✅ COMPLETE\n"                   /* 7 */
                     "- **Files Modified:** `executor.py`\n"        /* 8 */
                     "- **Retry on timeouts**: added a backoff\n";  /* 9 */
    ck_assert_int_eq(item_state_at(md, 6), SLOG_STATE_NOTE);
    ck_assert_int_eq(item_state_at(md, 7), SLOG_STATE_NOTE);
    ck_assert_int_eq(item_state_at(md, 8), SLOG_STATE_NOTE);
    ck_assert_int_eq(item_state_at(md, 9), SLOG_STATE_DONE);
}
END_TEST

START_TEST(month_abbreviations_in_other_languages)
{
    /* an abbreviation of another language's month, with a day before and a
     * year after; "9 out of 10" is no date */
    slog_doc *d = parse_str("# Bitácora\n\n## **[05 Ene 2026]** Stock por almacén\n- vista\n\n"
                            "## 12 Okt. 2025\n- a\n\n## 3 окт. 2025\n- b\n\n## 14 dic 2025\n- c\n\n"
                            "## 9 out of 10 tests pass\n- d\n");
    ck_assert_uint_eq(d->nentries, 4);
    ck_assert_str_eq(d->entries[0]->date, "2026-01-05");
    ck_assert_str_eq(d->entries[0]->label, "Stock por almacén");
    ck_assert_str_eq(d->entries[1]->date, "2025-10-12");
    ck_assert_str_eq(d->entries[2]->date, "2025-10-03");
    ck_assert_str_eq(d->entries[3]->date, "2025-12-14");
    slog_doc_free(d);
    /* every Portuguese month, November too */
    d = parse_str("# Diário\n\n## 28 de outubro de 2025\n- a\n\n## 4 de novembro de 2025\n- b\n");
    ck_assert_uint_eq(d->nentries, 2);
    ck_assert_str_eq(d->entries[1]->date, "2025-11-04");
    slog_doc_free(d);
}
END_TEST

START_TEST(two_days_joined_by_and)
{
    /* "16 y 17 de Mayo, 2020 - Sábado y Domingo": dated by the first day,
     * checked against the first weekday, the days' words out of the label */
    const char *md = "# Registro\n\n### Día 3: 15 de Mayo, 2020 - Viernes\nCSS.\n\n"
                     "### Día 4-5: 16 y 17 de Mayo, 2020 - Sábado y Domingo\nFormulario.\n\n"
                     "### Día 6: 18 de Mayo, 2020 - Lunes\nJavaScript.\n";
    slog_doc *d = parse_str(md);
    ck_assert_uint_eq(d->nentries, 3);
    ck_assert_str_eq(d->entries[1]->date, "2020-05-16");
    ck_assert_str_eq(d->entries[1]->label, "Día 4-5");
    slog_doc_free(d);
    ck_assert_int_eq(count_rule(md, "2026-12-07", SLOG_RULE_INVALID_DATE, NULL), 0);
    /* a weekday that does not fit the first day is still told */
    ck_assert_int_eq(count_rule("### 16 y 17 de Mayo, 2020 - Lunes y Martes\nx\n", "2026-12-07",
                                SLOG_RULE_INVALID_DATE, NULL),
                     1);
}
END_TEST

START_TEST(a_trackers_status_boxes)
{
    /* a box in no dated entry is done by a done item anywhere that opens
     * as it does and says every word of it — three words at least */
    const char *md = "# Launch tracker\n\n## Iterations\n\n### Iteration 2 ✅ COMPLETE\n"
                     "**Date:** October 30, 2025\n\n"
                     "- ✅ Age calculation utilities verified (date-utils.ts exists)\n"
                     "- ✅ Configurer DI dans MauiProgram.cs\n\n"
                     "## Feature completion\n\n"
                     "- [ ] Age calculation utilities\n" /* 13: done above */
                     "- [ ] Configurer dans DI\n"        /* 14: two words, every task's */
                     "- [ ] Entry size detection\n";     /* 15: never done */
    int line = 0;
    ck_assert_int_eq(count_rule(md, "2026-12-07", SLOG_RULE_OPEN_CHECKLIST, &line), 2);
    ck_assert_int_eq(line, 14);
    /* or by a heading that says aloud the work is done, with every word */
    const char *loud = "# Progress\n\n### Iteration 2 (Oct 10, 2025)\n- ✅ wired the API\n\n"
                       "#### Task 2: Expense Reporting ✅ **COMPLETE & TESTED!**\n- backend\n\n"
                       "## Milestones\n\n- [ ] **Expense Reporting** (In Progress - Priority 2)\n"
                       "- [ ] **Manager dashboard** (pending)\n";
    ck_assert_int_eq(count_rule(loud, "2026-12-07", SLOG_RULE_OPEN_CHECKLIST, &line), 1);
    ck_assert_int_eq(line, 12);
}
END_TEST

START_TEST(the_next_exercise_is_no_repeat)
{
    /* "Exercise 3" after "Exercise 1": the next piece of work, not the same
     * one again */
    const char *md =
        "# Practice log\n\n### 2026-03-02\n\n- Logic review - Exercise 1 | solved: yes\n\n"
        "### 2026-03-03\n\n- Logic review - Exercise 3 | solved: yes\n\n"
        "### 2026-03-04\n\n- Logic review - Exercise 4 | solved: yes\n\n"
        "### 2026-03-05\n\n- Logic review - Exercise 4 | solved: yes\n";
    int line = 0;
    ck_assert_int_eq(count_rule(md, "2026-12-07", SLOG_RULE_REPEATED_ENTRY, &line), 1);
    ck_assert_int_eq(line, 15); /* Exercise 4 told twice */
}
END_TEST

START_TEST(a_notebooks_preamble_and_its_stops)
{
    /* "End Date:" like "Start Date:" plans a date, no entry; the full stop
     * after a weekday is no label */
    slog_doc *d =
        parse_str("# Lab notebook\n\n### Start Date: 2020-01-13\n### End Date: 2020-05-08\n\n"
                  "### Entry 1: 2020-01-13, Monday.\n\nSet up.\n\n"
                  "### Entry 2: 2020-01-14, Tuesday.\n\nRan it.\n");
    ck_assert_uint_eq(d->nentries, 2);
    ck_assert_str_eq(d->entries[0]->label, "Entry 1");
    slog_doc_free(d);
}
END_TEST

START_TEST(a_week_from_day_to_day)
{
    /* "Week of 3 March – 7 March 2025" over work reported done: dated by
     * its first day, labelled "Week of"; a range across months too */
    slog_doc *d =
        parse_str("# Thesis logbook\n\n## Week of 3 March – 7 March 2025\n"
                  "- Wrote the introduction.\n\n## Week of 10 March – 14 March 2025\n"
                  "- Trained the baseline model.\n\n## 28 February - 3 March 2025\n- a\n");
    ck_assert_uint_eq(d->nentries, 3);
    ck_assert_str_eq(d->entries[0]->date, "2025-03-03");
    ck_assert_str_eq(d->entries[0]->label, "Week of");
    ck_assert_str_eq(d->entries[2]->date, "2025-02-28");
    slog_doc_free(d);
    /* a week ahead over plain plans stays a plan */
    d = parse_str("# Plan\n\n## Week of 10 March – 14 March 2025\n- write the draft\n");
    ck_assert_uint_eq(d->nentries, 0);
    slog_doc_free(d);
}
END_TEST

START_TEST(a_records_metadata_dates_it)
{
    /* "## Entrada 001" dated by "- Data/hora: …" under "### 1) Metadados";
     * " -03" after a time is its zone */
    const char *md = "# Registro\n\n## Entrada 001\n\n### 1) Metadados\n\n"
                     "- Data/hora: 2026-01-05 10:00 -03\n- Canal origem: terminal\n\n"
                     "### 2) Resultado\n\n- Configurado o repositorio.\n\n"
                     "## Entrada 002\n\n### 1) Metadados\n\n"
                     "- Data/hora: 2026-01-06 09:30 -03\n- Canal origem: nuvem\n\n"
                     "### 2) Resultado\n\n- Adicionado o CI.\n";
    slog_doc *d = parse_str(md);
    ck_assert_uint_eq(d->nentries, 2);
    ck_assert_int_eq(d->entries[0]->line, 3);
    ck_assert_str_eq(d->entries[0]->label, "Entrada 001");
    ck_assert_str_eq(d->entries[1]->date, "2026-01-06");
    ck_assert_str_eq(d->entries[1]->zone, "-03");
    slog_doc_free(d);
}
END_TEST

START_TEST(a_date_that_numbers_records)
{
    /* "[2026-02-03-001]": a date and the record's number; "2025.1.2.3" a version */
    slog_doc *d =
        parse_str("# Diário\n\n- [2026-02-03-001] - Corrigido o cálculo.\n"
                  "- [2026-02-03-002] - Atualizada a documentação.\n"
                  "- [2026-02-04-001] - Testes passaram.\n\n## 2025.1.2.3 release\n- a\n");
    ck_assert_uint_eq(d->nentries, 3);
    ck_assert_str_eq(d->entries[2]->date, "2026-02-04");
    slog_doc_free(d);
    /* "Session 2026-01-30-183800": a stamp of date and time run together,
     * no date of its own; its "Started:" line dates it */
    d = parse_str(
        "# Journal\n\n## Session 2026-01-30-183800\n**Started:** 2026-01-30 18:38:00 PST\n"
        "- did a\n");
    ck_assert_uint_eq(d->nentries, 1);
    ck_assert_ptr_nonnull(d->entries[0]->time);
    slog_doc_free(d);
}
END_TEST

START_TEST(fields_are_no_work_done)
{
    /* the fields of a fix titled by its number are fields */
    const char *fix = "# Bitácora\n\n## 2026-03-24 — Ajustes\n\n### FIX-01 — Color del menú\n"
                      "- **Causa**: el color era oscuro.\n" /* 6 */
                      "- **Hallazgo**: el diseño pide azul.\n\n"
                      "### Fixes\n- Menu colour lightened.\n"; /* 10 */
    ck_assert_int_eq(item_state_at(fix, 6), SLOG_STATE_NOTE);
    ck_assert_int_eq(item_state_at(fix, 10), SLOG_STATE_DONE);
    /* a colour before every field of a day's template dresses the field */
    const char *day = "# Projekttagebuch\n\n## Tag 1 (01.07.2025)\n\n"
                      "- 🟢 **Fortschritt & Ergebnisse:** Startseite gebaut.\n" /* 5 */
                      "- 🟢 **Plan für morgen:** Logos einbinden.\n"           /* 6 */
                      "- 🟢 Logos eingebunden\n";                               /* 7 */
    ck_assert_int_eq(item_state_at(day, 5), SLOG_STATE_NOTE);
    ck_assert_int_eq(item_state_at(day, 6), SLOG_STATE_NOTE);
    ck_assert_int_eq(item_state_at(day, 7), SLOG_STATE_DONE);
}
END_TEST

START_TEST(stamps_of_closing_and_as_of)
{
    /* "**Fecha de cierre:**", "**Closed:**", "**Stand**:", "**As of**:"
     * stamp a record or the document; they open no entry */
    slog_doc *d = parse_str("# Bitácora\n\n**Stand**: 2025-12-09\n\n## 6. Cierre\n\n"
                            "**Fecha de cierre:** 2026-03-16\n\n- informe producido\n\n"
                            "## Incident 4\n\n**Closed:** 2026-03-17\n\n- fixed\n\n"
                            "## 7. Revisión — 2026-03-22\n\n- README reescrito\n\n"
                            "## Stats\n\n**As of**: 2026-03-22\n\n- 14 issues\n");
    ck_assert_uint_eq(d->nentries, 1);
    ck_assert_str_eq(d->entries[0]->date, "2026-03-22");
    ck_assert_str_eq(d->date, "2025-12-09");
    slog_doc_free(d);
}
END_TEST

START_TEST(a_checklist_to_run_before_each_change)
{
    /* a standing procedure, under a dated heading or an undated one */
    const char *md =
        "# Error log\n\n## 2026-03-20\n- ✅ fixed the build\n\n"
        "## Mandatory Pre-Action Checklist (Updated 2026-03-28)\n\n"
        "Before ANY deployment or code change:\n\n### Build & Deploy\n"
        "- [ ] `pnpm install` passes\n- [ ] `pnpm run build` passes\n\n"
        "## Pre-flight\n- [ ] backups verified\n\n## Open work\n- [ ] rotate the keys\n";
    int line = 0;
    ck_assert_int_eq(count_rule(md, "2026-12-07", SLOG_RULE_OPEN_CHECKLIST, &line), 1);
    ck_assert_int_eq(line, 18);
}
END_TEST

START_TEST(a_state_change_is_its_own_record)
{
    /* "### `in_progress` — …" then "### `done` — …": the headings record
     * the changes; an abandoned heading elsewhere is still told */
    const char *md =
        "# Worklog\n\n## [DONE] overlay\n\n### `in_progress` — 2026-05-16T08:00:00Z\n\n"
        "### `done` — 2026-05-16T10:49:33Z\n\n> design: a pseudo commit.\n\n"
        "## 2026-05-17 Notes\n\n## 2026-05-18 Notes\n- wrote the tests\n";
    int line = 0;
    ck_assert_int_eq(count_rule(md, "2026-12-07", SLOG_RULE_EMPTY_ENTRY, &line), 1);
    ck_assert_int_eq(line, 11);
}
END_TEST

START_TEST(open_ranges_and_year_words)
{
    /* "2020.5.10-至今" runs until now; "г." after a Russian year is the date's */
    slog_doc *d =
        parse_str("# 经历\n\n## 2020.5.10-至今 放弃前足\n- a\n\n"
                  "## 3 марта 2025 г. Запуск\n- c\n\n## March 2026 – present: Rewrite\n- d\n");
    ck_assert_uint_eq(d->nentries, 2);
    ck_assert_str_eq(d->entries[0]->label, "放弃前足");
    ck_assert_str_eq(d->entries[1]->label, "Запуск");
    slog_doc_free(d);
}
END_TEST

START_TEST(days_inside_a_dated_week)
{
    /* "**MON. 2 March 2026**" under "## Week 1 · Week Ending: Saturday, 7
     * March 2026": a day of the week, an entry of its own under it; a bold
     * line with words of its own stays the week's text */
    slog_doc *d =
        parse_str("# Placement diary\n\n## Week 1 · Week Ending: Saturday, 7 March 2026\n\n"
                  "**MON. 2 March 2026**  \nSet up the bench.\n\n"
                  "**TUE. 3 March 2026**  \nSoldered the board.\n\n"
                  "**Fix (2026-03-04)** — reflowed a joint.\n");
    ck_assert_uint_eq(d->nentries, 3);
    ck_assert_str_eq(d->entries[1]->date, "2026-03-02");
    ck_assert_ptr_eq(d->entries[1]->parent, d->entries[0]);
    slog_doc_free(d);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("review");
    TCase *tc = tcase_create("review");
    tcase_add_test(tc, a_week_number_is_no_day);
    tcase_add_test(tc, a_web_address_gives_no_year);
    tcase_add_test(tc, a_weekly_report_by_week_of);
    tcase_add_test(tc, an_agenda_lists_topics);
    tcase_add_test(tc, an_archive_heading_starts_another_log);
    tcase_add_test(tc, priorities_and_findings_in_cjk);
    tcase_add_test(tc, stamps_in_more_languages);
    tcase_add_test(tc, a_to_do_list_by_another_name);
    tcase_add_test(tc, us_zones_and_ranges_of_days);
    tcase_add_test(tc, progress_and_releases_are_no_repeat);
    tcase_add_test(tc, next_steps_in_other_languages_and_bare_labels);
    tcase_add_test(tc, collapsed_blocks_symbols_and_ticked_dates);
    tcase_add_test(tc, severities_and_unpaired_marks);
    tcase_add_test(tc, archived_batches);
    tcase_add_test(tc, next_steps_taken_up_by_name);
    tcase_add_test(tc, sessions_of_one_day);
    tcase_add_test(tc, work_numbered_apart);
    tcase_add_test(tc, short_numeric_dates_alone);
    tcase_add_test(tc, a_command_run_later_ticks_its_box);
    tcase_add_test(tc, a_reading_of_absence_is_no_failure);
    tcase_add_test(tc, a_records_fields_are_no_fixes);
    tcase_add_test(tc, month_abbreviations_in_other_languages);
    tcase_add_test(tc, two_days_joined_by_and);
    tcase_add_test(tc, a_trackers_status_boxes);
    tcase_add_test(tc, the_next_exercise_is_no_repeat);
    tcase_add_test(tc, a_notebooks_preamble_and_its_stops);
    tcase_add_test(tc, a_week_from_day_to_day);
    tcase_add_test(tc, a_records_metadata_dates_it);
    tcase_add_test(tc, a_date_that_numbers_records);
    tcase_add_test(tc, fields_are_no_work_done);
    tcase_add_test(tc, stamps_of_closing_and_as_of);
    tcase_add_test(tc, a_checklist_to_run_before_each_change);
    tcase_add_test(tc, a_state_change_is_its_own_record);
    tcase_add_test(tc, open_ranges_and_year_words);
    tcase_add_test(tc, days_inside_a_dated_week);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
