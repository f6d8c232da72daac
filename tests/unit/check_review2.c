/* SPDX-License-Identifier: BSD-2-Clause */
/* Logs as other authors write them, from a fifth review of 37 public agent
 * logs, journals, lab notebooks, ops logs and logs in ten languages (SPEC
 * §1, §3 r3). Each case failed before its fix. */
#include "lint_helpers.h"

static const char *items_state(const slog_doc *d, size_t entry, size_t k)
{
    const slog_item *it = d->entries[entry]->items;
    while (it && k--)
        it = it->next;
    return it ? slog_state_name(it->state) : "(none)";
}

START_TEST(a_date_a_name_goes_on_from)
{
    /* a file name that opens with a date names a file, it dates nothing */
    const char *md =
        "# Import log\n\n## Import checks (2026-03-10)\n\nFirst pass.\n\n"
        "## Test checklist\n\n**Test 3: Bank CSV** (`20250929-12345678-export.CSV`)\n\n"
        "1. Upload the bank file\n\n## Files `2025-09-29-export.csv` review\n\ntext\n\n"
        "## Notes 2025-10-04_final\n\ntext\n\n## Import fixes (2026-03-11)\n\nSecond.\n";
    slog_doc *d = parse_str(md);
    ck_assert_uint_eq(d->nentries, 2);
    ck_assert_str_eq(d->entries[1]->date, "2026-03-11");
    slog_doc_free(d);
    ck_assert_int_eq(count_rule(md, "2026-12-07", SLOG_RULE_ENTRY_ORDER, NULL), 0);
    /* a time glued by an underscore, a heading's words glued by a hyphen */
    d = parse_str("# Ops\n\n## Tunnel cleanup - 2025-09-29_15:54:37\n- ✅ closed\n\n"
                  "## 2025-09-30-standup\n- ✅ met\n\n## Sprint 2025-10-01-2025-10-03\n- ✅ x\n");
    ck_assert_uint_eq(d->nentries, 3);
    ck_assert_str_eq(d->entries[0]->date, "2025-09-29");
    ck_assert_str_eq(d->entries[1]->date, "2025-09-30");
    slog_doc_free(d);
}
END_TEST

START_TEST(a_record_whose_status_says_done)
{
    /* "**Status**: Completed" under a record's heading: the boxes of its
     * plan are left over; its next steps, and a status with work left, are
     * open */
    const char *md =
        "# Implementation log\n\n## Goals API (2026-03-02)\n\n**Status**: Completed\n\n"
        "#### Phase 2: Backend\n- [ ] Add storage methods\n\n"
        "#### Next steps\n- [ ] Validate with more samples\n\n" /* 11 */
        "## Library (2026-03-03)\n\n### Feature 1\n\n"
        "**Status**: Complete and ready for testing\n\n"
        "#### Testing checklist\n- [ ] Upload as a manager\n\n" /* 20 */
        "## Accounts page (2026-03-04)\n\n**Status**: In progress\n\n"
        "- [ ] Wire the page\n"; /* 25 */
    ck_assert_int_eq(count_rule(md, "2026-12-07", SLOG_RULE_OPEN_CHECKLIST, NULL), 3);
    int line = 0;
    count_rule("# L\n\n## A (2026-03-02)\n\n**Status**: ✅ Done\n\n- [ ] Add storage methods\n",
               "2026-12-07", SLOG_RULE_OPEN_CHECKLIST, &line);
    ck_assert_int_eq(line, 0);
}
END_TEST

START_TEST(what_a_change_was_kept_from_doing)
{
    /* "❌ No shared code deleted" says what did not happen: a statement, not
     * a failure, under a sub-heading as much as without one */
    slog_doc *d = parse_str("# Dev journal\n\n## 2026-03-12 Remove the paid-media service\n\n"
                            "##### Safeguards applied\n- ❌ **No shared code** deleted\n"
                            "- ❌ No data lost\n- ❌ Build failed on the runner\n");
    ck_assert_str_eq(items_state(d, 0, 0), "note");
    ck_assert_str_eq(items_state(d, 0, 1), "note");
    ck_assert_str_eq(items_state(d, 0, 2), "failed");
    slog_doc_free(d);
}
END_TEST

START_TEST(before_in_other_languages)
{
    /* "**AVANT** :" over ❌ lines describes the state before a fix */
    slog_doc *d = parse_str("# Journal de développement\n\n## Session 10 mars 2026 - Polices\n\n"
                            "**AVANT** :\n- ❌ Flash visible de la police système\n\n"
                            "**APRÈS** :\n- ✅ Chargement fluide\n");
    ck_assert_str_eq(items_state(d, 0, 0), "note");
    ck_assert_str_eq(items_state(d, 0, 1), "done");
    slog_doc_free(d);
}
END_TEST

START_TEST(a_file_name_is_no_caption_word)
{
    /* "**fixed_processor.py - Edge cases**:" names a file, not work fixed */
    slog_doc *d = parse_str("# Dev journal\n\n## Day 3 - January 26, 2026\n\n"
                            "**fixed_processor.py - Edge Case Work**:\n- Added newline cleaning\n\n"
                            "**Fixed**:\n- Added pronoun filtering\n");
    ck_assert_str_eq(items_state(d, 0, 0), "note");
    ck_assert_str_eq(items_state(d, 0, 1), "done");
    slog_doc_free(d);
}
END_TEST

START_TEST(a_weekday_before_a_short_date)
{
    /* "**Saturday, 2/2 (2 hrs)**": a day of the week written, then its
     * month and day, then words */
    slog_doc *d =
        parse_str("## Week 4 (1/28/19 - 2/3/19)\n# Weekly goals:\n* [x] Build the network\n\n"
                  "**Saturday, 2/2 (2 hrs)**\n* Met the team\n\n"
                  "**Friday, 2/1 (2 hrs)**\n* Fed single vectors\n\n"
                  "## Release 3/10 notes\n\ntext\n");
    ck_assert_uint_eq(d->nentries, 3);
    ck_assert_str_eq(d->entries[1]->date, "2019-02-02");
    ck_assert_str_eq(d->entries[2]->date, "2019-02-01");
    slog_doc_free(d);
}
END_TEST

START_TEST(headings_in_list_items_before_a_rule)
{
    /* "- ## Datum: 03.02.2025" is an ATX heading in a list item, not the
     * text of a setext heading whose underline is a later "---" */
    slog_doc *d =
        parse_str("- ## Datum: 03.02.2025\n- ## Was wurde gemacht:\n- Parser gebaut\n---\n"
                  "- ## Datum: 04.02.2025\n- Tests geschrieben\n---\n"
                  "> ## 05.02.2025\n> - Release vorbereitet\n\n---\n");
    ck_assert_uint_eq(d->nentries, 3);
    ck_assert_str_eq(d->entries[0]->date, "2025-02-03");
    ck_assert_int_eq(d->entries[0]->setext, 0);
    ck_assert_str_eq(d->entries[2]->date, "2025-02-05");
    slog_doc_free(d);
}
END_TEST

START_TEST(a_blockers_section)
{
    /* unmarked items under "### Blockers" are work blocked; "None", a
     * field, a caption, or a list that opens with "None." are not */
    slog_doc *d = parse_str("# Standup\n\n## Feb 4, 2026 (Day 2)\n\n### Fix applied\n"
                            "- Rotated the API token\n\n### Blockers\n"
                            "- API key for the live feed still missing; waiting on the vendor\n"
                            "- **RLS users**: still on the admin client (not blocking)\n\n"
                            "## Feb 5, 2026 (Day 3)\n\n### Blockers\n- None\n\n"
                            "## Feb 6, 2026 (Day 4)\n\n### Blockers/Issues\n"
                            "- None. Phase 2 is complete.\n- Runtime testing needs a database\n");
    ck_assert_str_eq(items_state(d, 0, 0), "done");
    ck_assert_str_eq(items_state(d, 0, 1), "blocked");
    ck_assert_str_eq(items_state(d, 0, 2), "note");
    ck_assert_str_eq(items_state(d, 1, 0), "note");
    ck_assert_str_eq(items_state(d, 2, 1), "note");
    slog_doc_free(d);
}
END_TEST

START_TEST(steps_of_a_box_ticked_later)
{
    /* a list copied forward: the older copy's steps go with their box
     * once a later copy ticks it; the steps of a box ticked in place stay */
    const char *md =
        "## 14/05/2026\nLista aggiornata:\n- [x] Copiare il dataset sul cluster\n"
        "- [ ] Scrivere il capitolo\n\n## 13/05/2026\nLista:\n"
        "- [ ] Copiare il dataset sul cluster\n    - [ ] Passo 1: prova a secco\n"
        "    - [ ] Passo 2: copia vera\n- [ ] Scrivere il capitolo\n\n"
        "## 12/05/2026\n- [x] Plan for the next weeks?\n  - [ ] Deploy the benchmarks\n";
    ck_assert_int_eq(count_rule(md, "2026-12-07", SLOG_RULE_OPEN_CHECKLIST, NULL), 2);
}
END_TEST

START_TEST(a_heading_date_said_again)
{
    /* "## Session 2026-02-23 — Issue archive" then "**Date**: 2026-02-23":
     * the heading's entry, its label without the date */
    slog_doc *d = parse_str("# Journal\n\n## Session 2026-02-22 — Staging\n\n**Developer**: agent\n"
                            "**Date**: 2026-02-22\n\nStaged.\n\n"
                            "## Session 2026-02-23 — Issue archive\n\n**Date**: 2026-02-23\n"
                            "**Developer**: agent\n\nArchived.\n");
    ck_assert_uint_eq(d->nentries, 2);
    ck_assert_int_eq(d->entries[1]->kind, SLOG_ENTRY_HEADING);
    ck_assert_str_eq(d->entries[1]->label, "Session Issue archive");
    slog_doc_free(d);
}
END_TEST

START_TEST(a_table_of_contents_of_links)
{
    /* list items that are one link each index the entries below */
    slog_doc *d =
        parse_str("# Lab notebook\n\n* [9/8/2024 - Kickoff](https://example.org/nb#982024)\n"
                  "* [9/15/2024 - Parts](https://example.org/nb#9152024)\n\n"
                  "# 9/8/2024 - Kickoff\nMet the TA.\n\n# 9/15/2024 - Parts\nOrdered.\n");
    ck_assert_uint_eq(d->nentries, 2);
    ck_assert_int_eq(d->entries[0]->line, 6);
    slog_doc_free(d);
}
END_TEST

START_TEST(weekday_names_and_ranges)
{
    /* "Weds" is Wednesday; a range of weekdays and dates is dated by its
     * start, its end out of the label */
    slog_doc *d = parse_str("# Journal\n\n### Weds, Feb 15 2023\nAuth.\n\n"
                            "## Wednesday, September 14, 2022 - Thursday, September 15, 2022\n"
                            "* More CSS\n");
    ck_assert_uint_eq(d->nentries, 2);
    ck_assert_int_eq(d->entries[0]->weekday_mismatch, 0);
    ck_assert_str_eq(d->entries[0]->label, "");
    ck_assert_str_eq(d->entries[1]->date, "2022-09-14");
    ck_assert_str_eq(d->entries[1]->label, "");
    ck_assert_int_eq(d->entries[1]->weekday_mismatch, 0);
    slog_doc_free(d);
    ck_assert_int_eq(
        count_rule("### Weds, Feb 16 2023\nAuth.\n", "2026-12-07", SLOG_RULE_INVALID_DATE, NULL),
        1);
}
END_TEST

START_TEST(each_tasks_own_qa_checklist)
{
    /* "**QA Checklist**:" under each task's heading: each task's checks,
     * not one list rewritten */
    const char *md =
        "# Backend log\n\n## Backend services (2026-03-02)\n\n#### T.1: Usage\n\n"
        "**QA Checklist**:\n- [ ] Call the usage endpoint\n\n#### T.2: Notifications\n\n"
        "**QA Checklist**:\n- [ ] Create a notification\n";
    ck_assert_int_eq(count_rule(md, "2026-12-07", SLOG_RULE_OPEN_CHECKLIST, NULL), 2);
}
END_TEST

START_TEST(icons_of_a_records_fields)
{
    /* "- 🔄 **Commit:** …" beside "- 👤 **Author:** …": icons of fields */
    slog_doc *d = parse_str("# Session history\n\n### 2026-03-02 10:00:00 UTC\n"
                            "- 🔄 **Commit:** Auto-update session notes\n- 👤 **Author:** bot\n"
                            "- 🔍 **Hash:** `a1b2c3d`\n\n### 2026-03-02 11:00:00 UTC\n"
                            "- 🔄 **Migration:** running on staging\n- ✅ **Tests:** green\n");
    ck_assert_str_eq(items_state(d, 0, 0), "note");
    ck_assert_str_eq(items_state(d, 1, 0), "in_progress");
    ck_assert_str_eq(items_state(d, 1, 1), "done");
    slog_doc_free(d);
}
END_TEST

START_TEST(pros_and_cons_weigh_an_option)
{
    /* the ✅ and ❌ of a trade-off say what is good and bad in an option */
    slog_doc *d =
        parse_str("# Work log\n\n## 2026-01-14 Queue redesign\n\n**Trade-off accepted:**\n"
                  "- ❌ ~2x slower fan-out\n- ✅ Simpler failure handling\n\n"
                  "### Benefits\n- ✅ Fewer deploys\n\n"
                  "## 2026-01-15 Rollout\n- ✅ Deployed the single queue\n");
    ck_assert_str_eq(items_state(d, 0, 0), "note");
    ck_assert_str_eq(items_state(d, 0, 1), "note");
    ck_assert_str_eq(items_state(d, 0, 2), "note");
    ck_assert_str_eq(items_state(d, 1, 0), "done");
    slog_doc_free(d);
}
END_TEST

START_TEST(work_made_closes_a_todo)
{
    /* "Added a pause menu" reports the TODO done; "Started the menu" does not */
    const char *md = "# Devlog\n\n### 2024-09-30 - Scene\n* Got the sprites in\n"
                     "* TODO: add a pause menu\n\n### 2024-10-01 - Menus\n* Added a pause menu\n\n"
                     "### 2024-10-20 - Polish\n* Tuned the jump height\n";
    ck_assert_int_eq(count_rule(md, "2026-12-07", SLOG_RULE_STALE_ITEM, NULL), 0);
    const char *started = "# Devlog\n\n### 2024-09-30 - Scene\n* TODO: add a pause menu\n\n"
                          "### 2024-10-01 - Menus\n* Started the pause menu\n\n"
                          "### 2024-10-20 - Polish\n* Tuned the jump height\n";
    ck_assert_int_eq(count_rule(started, "2026-12-07", SLOG_RULE_STALE_ITEM, NULL), 1);
    const char *we = "# Devlog\n\n### 2024-09-30 - Scene\n"
                     "* TODO: I still need to add world boundaries on the left\n\n"
                     "### 2024-10-01 - Menus\n* I added world boundaries on the left and right\n\n"
                     "### 2024-10-20 - Polish\n* Tuned the jump height\n";
    ck_assert_int_eq(count_rule(we, "2026-12-07", SLOG_RULE_STALE_ITEM, NULL), 0);
}
END_TEST

START_TEST(a_changelog_of_bumps_and_anchors)
{
    /* "Bump default version of compose to v2.30.0" each time is a version
     * moved to, not a repeat; an anchor before a list item's date is no
     * label; "2025/03/12-14" and "2025/03/03 ... 2025/03/09" are ranges */
    const char *md = "# Builder change summary\n\n* 2025-06-20\n\n\t- Bump compose to v2.30.1\n\n"
                     "* <a name=\"20250611\"></a>2025-06-11\n\n\t- Bump SQLite to 3460000\n\n"
                     "* 2025-06-02\n\n\t- Bump compose to v2.30.0\n\n"
                     "* 2025-05-28\n\n\t- Bump compose to v2.29.9\n";
    slog_doc *d = parse_str(md);
    ck_assert_uint_eq(d->nentries, 4);
    ck_assert_str_eq(d->entries[1]->date, "2025-06-11");
    ck_assert_str_eq(d->entries[1]->label, "");
    slog_doc_free(d);
    ck_assert_int_eq(count_rule(md, "2026-12-07", SLOG_RULE_REPEATED_ENTRY, NULL), 0);
    d = parse_str("# Bench\n\n## 2025/03/12-14\n- rig\n\n## 2025/03/03 ... 2025/03/09\n- notes\n\n"
                  "## 2026-03-20 - 12 tasks closed\n- x\n");
    ck_assert_str_eq(d->entries[0]->label, "");
    ck_assert_str_eq(d->entries[1]->label, "");
    ck_assert_str_eq(d->entries[2]->label, "12 tasks closed");
    slog_doc_free(d);
}
END_TEST

START_TEST(lines_that_are_only_a_date)
{
    /* "2025-02-03" on its own over a list, again and again: a day each; one
     * such line alone is no log */
    slog_doc *d = parse_str("# Rack notes - Changelog\n\n2025-02-03\n\n- Installed Jellyfin.\n\n"
                            "2025-02-05\n\n- Moved backups.\n- Rotated the certificate.\n\n"
                            "2025-02-09\n\n- Added Uptime Kuma.\n");
    ck_assert_uint_eq(d->nentries, 3);
    ck_assert_str_eq(d->entries[1]->date, "2025-02-05");
    ck_assert_uint_eq(d->entries[1]->nitems, 2);
    slog_doc_free(d);
    d = parse_str("# Notes\n\n2025-02-03\n\n- Installed Jellyfin.\n");
    ck_assert_uint_eq(d->nentries, 0);
    slog_doc_free(d);
}
END_TEST

START_TEST(the_same_roles_steps_written_again)
{
    /* a run's list of the same roles' steps, reworded and ticked later the
     * same day, replaces the first */
    const char *md = "# Orchestrator tasks\n\n## 2026-03-08 Re-run (docs sync)\n"
                     "- [ ] Planner: update 01_requirements.md\n"
                     "- [ ] Rebuilder: update 02_design.md with the plan\n"
                     "- [ ] Commit & Review: note the diff in 03_review.md\n\n"
                     "## 2026-03-08 Consistency check\n- [x] Planner: update 01_requirements.md\n"
                     "- [x] Rebuilder: record the design intent in 02_design.md\n"
                     "- [x] Commit & Review: record the diff check\n";
    ck_assert_int_eq(count_rule(md, "2026-12-07", SLOG_RULE_OPEN_CHECKLIST, NULL), 0);
}
END_TEST

START_TEST(ranges_of_days_in_order)
{
    /* incidents written with the days they lasted, ordered by their end,
     * and ranges that overlap, are in order; a day out of every range is
     * not */
    const char *md = "# Cluster status\n\n### March 31-April 1, 2025\nA.\n\n"
                     "### February 21-March 7, 2025\nB.\n\n### February 21-24, 2025\nC.\n\n"
                     "### February 22-24, 2025\nD.\n\n### February 18-24, 2025\nE.\n";
    ck_assert_int_eq(count_rule(md, "2026-12-07", SLOG_RULE_ENTRY_ORDER, NULL), 0);
    slog_doc *d = parse_str(md);
    ck_assert_int_eq(d->entries[1]->end_day - d->entries[1]->day, 14);
    slog_doc_free(d);
    const char *overlap = "# Journal\n\n## January 9, 2026\nx\n\n## January 5-8, 2026\ny\n\n"
                          "## January 6-7, 2026\nz\n\n## January 4, 2026\nw\n";
    ck_assert_int_eq(count_rule(overlap, "2026-12-07", SLOG_RULE_ENTRY_ORDER, NULL), 0);
    const char *stray = "# Journal\n\n## January 9, 2026\nx\n\n## January 5-8, 2026\ny\n\n"
                        "## January 12, 2026\nz\n\n## January 4, 2026\nw\n";
    ck_assert_int_eq(count_rule(stray, "2026-12-07", SLOG_RULE_ENTRY_ORDER, NULL), 1);
}
END_TEST

START_TEST(what_each_agent_does_on_arriving)
{
    /* "## Checklist for Incoming Agent" / "### Before Starting Work": steps
     * every agent repeats, not open work */
    const char *md =
        "# Handover Notes\n\n## 2026-01-05 — Session: roadmap\n- Reworked the roadmap\n\n"
        "## Checklist for Incoming Agent\n\n### Before Starting Work\n"
        "- [ ] Read this handover file\n\n### Before Ending Session\n"
        "- [ ] Commit and push this file\n";
    ck_assert_int_eq(count_rule(md, "2026-12-07", SLOG_RULE_OPEN_CHECKLIST, NULL), 0);
}
END_TEST

START_TEST(a_phase_taken_up_by_the_next_session)
{
    /* "Next: Phase 2 (real tokenizer)", then a session named "Phase 2" that
     * reports work made: taken up */
    const char *md = "# Agent Session Log\n\n## Session: 2026-03-01 | Phase 1 parser\n\n"
                     "**Status:** Completed\n\n### Notes\n- Next: Phase 2 (real tokenizer)\n\n"
                     "## Session: 2026-03-03 | Phase 2 — Real tokenizer\n\n### Changes\n"
                     "- Added the tokenizer module with unit tests\n\n"
                     "## Session: 2026-03-30 | Phase 3 dashboard\n\n### Changes\n"
                     "- Added the admin dashboard page\n";
    ck_assert_int_eq(count_rule(md, "2026-12-07", SLOG_RULE_STALE_ITEM, NULL), 0);
    /* a box a later note reports done in the past tense */
    const char *box = "# Dev journal\n\n## Day 4 - January 27, 2026\n\n**Tomorrow's plan**:\n"
                      "- [ ] Analyze the hist_001 failure in detail\n\n"
                      "## Day 5 - January 28, 2026\n\n**Work done**:\n"
                      "- Analyzed the hist_001 failure in detail\n";
    ck_assert_int_eq(count_rule(box, "2026-12-07", SLOG_RULE_OPEN_CHECKLIST, NULL), 0);
}
END_TEST

START_TEST(a_date_key_inside_brackets)
{
    /* "## Session 1: Parser setup (Date: 2025-01-21)": the key goes with
     * the date; a box ticked later in other words' stems is done */
    slog_doc *d = parse_str("# Session Log\n\n## Session 1: Parser setup (Date: 2025-01-21)\n\n"
                            "- Added tokenizer\n");
    ck_assert_str_eq(d->entries[0]->label, "Session 1: Parser setup");
    slog_doc_free(d);
    const char *md = "# Worklog\n\n### 2023-07-03\n\n* [ ] add the symbol table\n\n"
                     "### 2023-07-10\n\n- ✅ Symbol table added\n";
    ck_assert_int_eq(count_rule(md, "2026-12-07", SLOG_RULE_OPEN_CHECKLIST, NULL), 0);
}
END_TEST

START_TEST(a_heading_quoted_in_a_sub_item)
{
    /* "- Plan excerpt:" over "  - ### Step reviewed (completed 2025-12-22)":
     * quoted text, no entry */
    slog_doc *d = parse_str("# Workflow memory\n\n## 2025-12-22 10:54 UTC\n- Step: review\n"
                            "- Plan excerpt:\n  - Here is my assessment:\n"
                            "  - ### Step reviewed: diagnostics (completed 2025-12-22)\n"
                            "- Next actions:\n  - Re-run the diagnostics step\n\n"
                            "## 2025-12-23 17:32 UTC\n- Step: diagnostics\n");
    ck_assert_uint_eq(d->nentries, 2);
    ck_assert_uint_eq(d->entries[0]->nitems, 3);
    slog_doc_free(d);
}
END_TEST

START_TEST(zones_named_and_repeated)
{
    /* "(America/Edmonton)": a zone named as in the tz database, out of the
     * label; "+00:00Z": an offset with a stray Z, still known */
    slog_doc *d =
        parse_str("# Health Log\n\n## 2026-02-09 01:22 (America/Edmonton) - Health Check\n"
                  "- Dev server restarted\n\n## 2025-12-12T20:20:29.142745+00:00Z\n"
                  "- Summary: viewed\n");
    ck_assert_str_eq(d->entries[0]->label, "Health Check");
    ck_assert_str_eq(d->entries[0]->zone, "America/Edmonton");
    ck_assert_str_eq(d->entries[1]->label, "");
    ck_assert_int_eq(d->entries[1]->zone_known, 1);
    ck_assert_int_eq(d->entries[1]->zone_offset, 0);
    slog_doc_free(d);
}
END_TEST

START_TEST(a_range_of_days_in_french)
{
    /* "23-26 août 2017", "20 – 22 août 2017": dated by their first day */
    slog_doc *d = parse_str("# Carnet de route\n\n## 28 août 2017\nRetour.\n\n## 23-26 août 2017\n"
                            "Quatre jours dans le train.\n\n## 20 – 22 août 2017\nIrkoutsk.\n");
    ck_assert_uint_eq(d->nentries, 3);
    ck_assert_str_eq(d->entries[1]->date, "2017-08-23");
    ck_assert_int_eq(d->entries[1]->end_day - d->entries[1]->day, 3);
    ck_assert_str_eq(d->entries[2]->date, "2017-08-20");
    ck_assert_str_eq(d->entries[2]->label, "");
    slog_doc_free(d);
}
END_TEST

START_TEST(four_digits_after_a_date)
{
    /* "## 7 december 2025 1335": its time, 13:35; "2025-12-07 1335 runs" is
     * no time */
    slog_doc *d = parse_str("# Logboek\n\n## 7 december 2025 1335\nGestart.\n\n"
                            "## 7 december 2025 1442\nTutorial.\n\n## 2025-12-08 2048 runs\nx\n");
    ck_assert_str_eq(d->entries[0]->time, "13:35");
    ck_assert_str_eq(d->entries[0]->label, "");
    ck_assert_str_eq(d->entries[1]->time, "14:42");
    ck_assert_ptr_null(d->entries[2]->time);
    slog_doc_free(d);
}
END_TEST

START_TEST(a_box_done_in_prose)
{
    /* "I added the static symbol table." in a later entry's paragraph */
    const char *md = "# Worklog\n\n### Sat 1 Jul 2023\n\n* [ ] Add the static symbol table\n\n"
                     "### Sun 16 Jul 2023\n\nI added the static symbol table. It works.\n";
    ck_assert_int_eq(count_rule(md, "2026-12-07", SLOG_RULE_OPEN_CHECKLIST, NULL), 0);
    const char *code = "# Worklog\n\n### Sat 1 Jul 2023\n\n* [ ] Add the static symbol table\n\n"
                       "### Sun 16 Jul 2023\n\n```\nAdded the static symbol table\n```\n";
    ck_assert_int_eq(count_rule(code, "2026-12-07", SLOG_RULE_OPEN_CHECKLIST, NULL), 1);
}
END_TEST

START_TEST(since_in_other_languages)
{
    /* "### Диагноз — ошибка с 2025-12-01": since when, no entry */
    slog_doc *d = parse_str("# Журнал\n\n## 2026-01-10\n- работа\n\n"
                            "### Диагноз — ошибка с 2025-12-01\n- x\n\n## 2026-01-11\n- y\n");
    ck_assert_uint_eq(d->nentries, 2);
    slog_doc_free(d);
}
END_TEST

START_TEST(next_week_and_must_not)
{
    /* "### Next Week (Mar 9-13)" plans a week; "❌ NÃO alterar o esquema"
     * says what must not be done */
    slog_doc *d = parse_str("# Search - Status\n\n## Next Steps\n\n### Next Week (Mar 9-13, 2026)\n"
                            "- [ ] Add fuzzy matching\n\n## Sessão 2026-02-10 - Formulário\n\n"
                            "### Decisão Técnica\n- ❌ NÃO alterar o esquema do banco de dados\n"
                            "- ❌ Build failed on the runner\n");
    ck_assert_uint_eq(d->nentries, 1);
    ck_assert_str_eq(items_state(d, 0, 0), "note");
    ck_assert_str_eq(items_state(d, 0, 1), "failed");
    slog_doc_free(d);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("review2");
    TCase *tc = tcase_create("logs");
    tcase_add_test(tc, a_date_a_name_goes_on_from);
    tcase_add_test(tc, a_record_whose_status_says_done);
    tcase_add_test(tc, what_a_change_was_kept_from_doing);
    tcase_add_test(tc, before_in_other_languages);
    tcase_add_test(tc, a_file_name_is_no_caption_word);
    tcase_add_test(tc, a_weekday_before_a_short_date);
    tcase_add_test(tc, headings_in_list_items_before_a_rule);
    tcase_add_test(tc, a_blockers_section);
    tcase_add_test(tc, steps_of_a_box_ticked_later);
    tcase_add_test(tc, a_heading_date_said_again);
    tcase_add_test(tc, a_table_of_contents_of_links);
    tcase_add_test(tc, weekday_names_and_ranges);
    tcase_add_test(tc, each_tasks_own_qa_checklist);
    tcase_add_test(tc, icons_of_a_records_fields);
    tcase_add_test(tc, pros_and_cons_weigh_an_option);
    tcase_add_test(tc, work_made_closes_a_todo);
    tcase_add_test(tc, a_changelog_of_bumps_and_anchors);
    tcase_add_test(tc, lines_that_are_only_a_date);
    tcase_add_test(tc, the_same_roles_steps_written_again);
    tcase_add_test(tc, ranges_of_days_in_order);
    tcase_add_test(tc, what_each_agent_does_on_arriving);
    tcase_add_test(tc, a_phase_taken_up_by_the_next_session);
    tcase_add_test(tc, a_date_key_inside_brackets);
    tcase_add_test(tc, a_heading_quoted_in_a_sub_item);
    tcase_add_test(tc, zones_named_and_repeated);
    tcase_add_test(tc, a_range_of_days_in_french);
    tcase_add_test(tc, four_digits_after_a_date);
    tcase_add_test(tc, a_box_done_in_prose);
    tcase_add_test(tc, since_in_other_languages);
    tcase_add_test(tc, next_week_and_must_not);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
