/* SPDX-License-Identifier: BSD-2-Clause */
/* SPEC revision 3, rule by rule, each with a case that has it and one that
 * does not: what an entry is (bold lines and stamps, version numbers, time
 * ranges, zones), what a log is and which way it runs, tasks versus metrics
 * and statements, and the findings worth a reader's time. */
#include "lint_helpers.h"

static const slog_entry *entry_at(const slog_doc *d, int line)
{
    for (size_t i = 0; i < d->nentries; i++)
        if (d->entries[i]->line == line)
            return d->entries[i];
    return NULL;
}

START_TEST(bold_lines_inside_an_entry_are_its_text)
{
    slog_doc *d = parse_str("# Incidents\n\n## INC-7: Queue stalled (2026-04-23)\n\n"
                            "**Timeline (UTC 2026-04-23)**:\n- 09:00 alert\n\n"
                            "**Fix (2026-04-24)** — deployed the patch.\n- ✅ patched\n");
    ck_assert_uint_eq(d->nentries, 1);
    ck_assert_uint_eq(d->entries[0]->nitems, 2);
    slog_doc_free(d);
    /* not inside a dated entry: a log of bold-line entries */
    d = parse_str("# Log\n\n## Notes\n\n**2026-04-23** — queue stalled.\n\n"
                  "**2026-04-24** — patch deployed.\n");
    ck_assert_uint_eq(d->nentries, 2);
    slog_doc_free(d);
    /* a bug's Reported line dates it; its Solution stamp is its text */
    d = parse_str("# Bugs\n\n### Bug #1: chat hidden\n**Reported**: 2026-02-14 20:23 EST\n\n"
                  "**Solution Implemented (Marcus, 2026-02-14 21:45 EST):**\n- ✅ polling\n");
    ck_assert_uint_eq(d->nentries, 1);
    ck_assert_int_eq(d->entries[0]->line, 3);
    ck_assert_int_eq(d->entries[0]->kind, SLOG_ENTRY_BOLD);
    slog_doc_free(d);
}
END_TEST

START_TEST(stamps_are_metadata)
{
    slog_doc *d =
        parse_str("# Progress\n\n**Last Updated**: 2026-01-05\n\n## 2025-12-15 Work\n- a\n"
                  "\n**Log Completed:** 03 January 2026, 11:00 PM\n");
    ck_assert_uint_eq(d->nentries, 1);
    ck_assert_str_eq(d->date, "2026-01-05"); /* before the first entry: the document's date */
    slog_doc_free(d);
    /* the stamp's date is the newest: no entry is "before" it */
    ck_assert_int_eq(count_rule("# P\n\n**Last Updated**: 2026-01-05\n\n## 2025-12-15 Work\n- a\n",
                                "2026-02-01", SLOG_RULE_ENTRY_BEFORE_DOCUMENT, NULL),
                     0);
    /* an opening key is no stamp */
    d = parse_str("# Incidents\n\n## Incident 4\n\n**Reported:** 2026-03-09 20:23 EST\n\n- x\n");
    ck_assert_uint_eq(d->nentries, 1);
    slog_doc_free(d);
    /* "(Dec 16 - Updated)" stamps a sub-heading; "(updated 2025-10-01)" dates a list's version */
    d = parse_str("# L\n\n## 2025-12-17 (Tuesday)\n#### 2. Comparison (Dec 16 - Updated)\n- a\n"
                  "## Next 5 Tasks (updated 2025-12-18 08:29 UTC)\n1) b\n");
    ck_assert_uint_eq(d->nentries, 2);
    ck_assert_ptr_null(entry_at(d, 4));
    slog_doc_free(d);
}
END_TEST

START_TEST(version_numbers_are_no_dates)
{
    slog_doc *d = parse_str("# Changes\n\n## 10.15.3847 2020-07-20\n- x\n\n## 1.2.2025.4\n- y\n");
    ck_assert_uint_eq(d->nentries, 1);
    ck_assert_str_eq(d->entries[0]->date, "2020-07-20");
    slog_doc_free(d);
    ck_assert_int_eq(
        count_rule("## 10.15.3847 2020-07-20\n- x\n", "2026-01-01", SLOG_RULE_INVALID_DATE, NULL),
        0);
    /* plainly meant as a date: still invalid-date */
    HAS("## 2025-02-30 Status\n- x\n", SLOG_RULE_INVALID_DATE, 1);
    HAS("## Feb 30, 2025\n- x\n", SLOG_RULE_INVALID_DATE, 1);
}
END_TEST

START_TEST(time_ranges_and_zones)
{
    slog_doc *d = parse_str("# L\n\n## 2026-03-09 20:00-20:12 Standup\n- a\n\n"
                            "## 2026-03-10 9:00–9:45 PST Review\n- b\n\n"
                            "### Progress - 2025-10-12T12:34:56-06:00\n- c\n");
    ck_assert_str_eq(d->entries[0]->time, "20:00");
    ck_assert_ptr_null(d->entries[0]->zone); /* "-20:12" is the range's end */
    ck_assert_str_eq(d->entries[0]->label, "Standup");
    ck_assert_str_eq(d->entries[1]->zone, "PST");
    ck_assert_str_eq(d->entries[2]->zone, "-06:00"); /* after ISO's T the dash is an offset */
    slog_doc_free(d);
    /* a bare time takes the zone most of its log's times carry: 01:00 PST
     * (09:00Z) is between 23:00 PST and 06:00 PST; read as UTC it would not be */
    const char *pst = "## 2026-03-09 23:00 PST\n- a\n## 2026-03-10 01:00\n- b\n"
                      "## 2026-03-10 06:00 PST\n- c\n";
    ck_assert_int_eq(count_rule(pst, "2026-04-01", SLOG_RULE_ENTRY_ORDER, NULL), 0);
    /* a log without a zoned time: the configured zone (here the machine's) */
    ck_assert_int_eq(count_rule("## 2026-03-10 09:00\n- a\n## 2026-03-10 08:00\n- b\n"
                                "## 2026-03-10 10:00\n- c\n",
                                "2026-04-01", SLOG_RULE_ENTRY_ORDER, NULL),
                     1);
}
END_TEST

START_TEST(a_log_is_one_headings_entries)
{
    /* list entries under "## Log" and dated headings beside it: two logs */
    const char *two = "# J\n\n## Log\n- 2025-09-20: a\n- 2025-09-21: b\n\n"
                      "## 2025-09-27 23:25 UTC Deploy\n- c\n\n## 2025-09-28 Notes\n- d\n";
    slog_doc *d = parse_str(two);
    ck_assert_uint_eq(d->nlogs, 2);
    slog_doc_free(d);
    ck_assert_int_eq(count_rule(two, "2026-01-01", SLOG_RULE_ENTRY_ORDER, NULL), 0);
    /* the same date under two sections is no duplicate; in one section it is */
    ck_assert_int_eq(count_rule("# T\n\n## In Progress\n### 2025-11-08\n- a\n"
                                "## Key Decisions\n### 2025-11-08\n- b\n",
                                "2026-01-01", SLOG_RULE_DUPLICATE_ENTRY, NULL),
                     0);
    ck_assert_int_eq(count_rule("# T\n\n## In Progress\n### 2025-11-08\n- a\n### 2025-11-08\n- b\n",
                                "2026-01-01", SLOG_RULE_DUPLICATE_ENTRY, NULL),
                     1);
    /* dated sub-headings under an undated heading are their own log */
    ck_assert_int_eq(count_rule("# M\n\n## 2025-10-28 Today\n- a\n\n## Previous Context\n"
                                "### 2025-10-26 Earlier\n- b\n### 2025-10-27 Later\n- c\n",
                                "2026-01-01", SLOG_RULE_ENTRY_ORDER, NULL),
                     0);
}
END_TEST

START_TEST(direction_by_the_longer_monotone_run)
{
    /* an append-only log with two entries added at its top: those two are
     * the strays, not the ten below them */
    char md[2048];
    size_t n =
        (size_t)snprintf(md, sizeof md, "# W\n\n- 2026-02-18: newest\n- 2026-02-17: newer\n");
    for (int day = 1; day <= 10; day++)
        n += (size_t)snprintf(md + n, sizeof md - n, "- 2026-02-%02d: day %d\n", day, day);
    slog_doc *d = parse_str(md);
    ck_assert_int_eq(d->logs[0].direction, SLOG_OLDEST_FIRST);
    slog_doc_free(d);
    ck_assert_int_eq(count_rule(md, "2026-03-01", SLOG_RULE_ENTRY_ORDER, NULL), 2);
    int line = 0;
    count_rule(md, "2026-03-01", SLOG_RULE_ENTRY_ORDER, &line);
    ck_assert_int_eq(line, 3);
    /* a newest-first log with one stray: newest-first */
    d = parse_str("## 2026-03-05\n- a\n## 2026-03-04\n- b\n## 2026-03-06\n- c\n## 2026-03-03\n- d\n"
                  "## 2026-03-02\n- e\n");
    ck_assert_int_eq(d->logs[0].direction, SLOG_NEWEST_FIRST);
    slog_doc_free(d);
}
END_TEST

static slog_state state_of(const char *item)
{
    char md[256];
    snprintf(md, sizeof md, "## Status (2026-03-09)\n%s\n", item);
    slog_doc *d = parse_str(md);
    slog_state st = d->entries[0]->items->state;
    slog_doc_free(d);
    return st;
}

START_TEST(tasks_metrics_and_statements)
{
    /* metrics */
    ck_assert_int_eq(state_of("- 🔴 **Critical issues**: 3"), SLOG_STATE_NOTE);
    ck_assert_int_eq(state_of("- ❌ 0 failures"), SLOG_STATE_NOTE);
    ck_assert_int_eq(state_of("- ⚠️ 4 P1 blockers open"), SLOG_STATE_NOTE);
    /* statements of what was deliberately not done */
    ck_assert_int_eq(state_of("- ❌ NO code changes made"), SLOG_STATE_NOTE);
    ck_assert_int_eq(state_of("- ⏳ None blocking"), SLOG_STATE_NOTE);
    ck_assert_int_eq(state_of("- ❌ **Pacifica LIVE:** STOPPED (was PID 71643)"), SLOG_STATE_NOTE);
    ck_assert_int_eq(state_of("- ❌ **Build:** FAILED on main"), SLOG_STATE_FAILED);
    slog_doc *d = parse_str("## Status (2026-03-09)\n### No Changes Made\n- ❌ dashboards\n");
    ck_assert_int_eq(d->entries[0]->items->state, SLOG_STATE_NOTE);
    slog_doc_free(d);
    /* tasks and results */
    ck_assert_int_eq(state_of("- ❌ Canary rebuild failed: mapping conflict"), SLOG_STATE_FAILED);
    ck_assert_int_eq(state_of("- 🛑 Blocked on the schema owners"), SLOG_STATE_BLOCKED);
    ck_assert_int_eq(state_of("- Next: 10:30 standup"), SLOG_STATE_NEXT);
    ck_assert_int_eq(state_of("- 🔴 Resolve dashboard :8080 service"), SLOG_STATE_BLOCKED);
    ck_assert_int_eq(state_of("- ✅ Offline evaluation set: 2,000 judged queries"), SLOG_STATE_DONE);
    ck_assert_int_eq(state_of("- ❌ No response from the payment API"), SLOG_STATE_FAILED);
    /* a key that says what went wrong is a result, not a figure's name */
    ck_assert_int_eq(state_of("- ❌ API health check failed: 503 from the EU balancer"),
                     SLOG_STATE_FAILED);
    ck_assert_int_eq(state_of("- ❌ Errors: 3"), SLOG_STATE_NOTE);
    /* the marker's own state stays known */
    ck_assert_int_eq(slog_marker_state(NULL, "❌"), SLOG_STATE_FAILED);
    ck_assert_int_eq(slog_marker_state(NULL, "Next"), SLOG_STATE_NEXT);
    ck_assert_int_eq(slog_marker_state(NULL, "maybe"), SLOG_STATE_NOTE);
}
END_TEST

/* A ❌ is failed work where its list reports results; under "still
 * missing" it is work not done yet, under "Impact:" what a problem did. */
START_TEST(failure_marks_read_in_their_list)
{
    ck_assert_int_eq(
        item_state_at("## 2025-12-30 Session 3\n### What's Still Missing (Not Built Yet)\n"
                      "- ❌ Add/Edit/Delete BOQ items\n",
                      3),
        SLOG_STATE_NEXT);
    ck_assert_int_eq(
        item_state_at("## 2025-12-30 Session 3\n\nRemaining:\n- ❌ Import from CSV\n", 4),
        SLOG_STATE_NEXT);
    ck_assert_int_eq(item_state_at("## 2026-01-01 Session 11\n\n**Impact:**\n"
                                   "- ❌ Claims Summary Report completely broken\n",
                                   4),
                     SLOG_STATE_NOTE);
    /* results, and a heading whose words only look alike ("to document") */
    ck_assert_int_eq(
        item_state_at("## 2026-01-01 Checks\n\n**Results:**\n- ❌ Claims report broken\n", 4),
        SLOG_STATE_FAILED);
    ck_assert_int_eq(
        item_state_at("## 2026-01-01 Checks\n### Things to document\n- ❌ Build broken\n", 3),
        SLOG_STATE_FAILED);
    /* a red circle or a ❌ in a list of next steps is a priority, not a block */
    ck_assert_int_eq(item_state_at("## 2025-10-01 Notes\n\n**Immediate Next Steps** (6 hours):\n"
                                   "1. 🔴 Resolve dashboard :8080 service (blocks E2E)\n",
                                   4),
                     SLOG_STATE_NEXT);
    ck_assert_int_eq(item_state_at("## 2025-10-01 Notes\n### Manager Action Items\n"
                                   "1. ❌ Block containerized deployment until fixed\n",
                                   3),
                     SLOG_STATE_NEXT);
    /* fixes made are done; fixes needed are not; a done item's details stay notes */
    ck_assert_int_eq(item_state_at("## 2026-05-01 INC-021\n\n**Fixes (commit `8c84eb9`)**:\n\n"
                                   "1. **Bug 7**: posts mirror entries for the rejected BUY.\n",
                                   5),
                     SLOG_STATE_DONE);
    ck_assert_int_eq(
        item_state_at("## 2026-05-01 INC-021\n\n**Fixes needed:**\n- retry the BUY\n", 4),
        SLOG_STATE_NOTE);
    ck_assert_int_eq(item_state_at("## 2026-05-01 Work\n- ✅ Fixed the login\n  - cookie path\n", 3),
                     SLOG_STATE_NOTE);
    ck_assert_int_eq(state_of("- BLOCKER: Approvals handshake test stalls"), SLOG_STATE_BLOCKED);
}
END_TEST

/* A failure the entry goes on to fix closes the day it opened; a done item
 * about something else does not close it. */
START_TEST(a_failure_fixed_in_its_entry)
{
    slog_doc *d = parse_str("**2026-06-02 09:14 UTC** — Card authorisations slow\n\n"
                            "- ❌ p99 authorisation latency 4.2 s for 18 minutes.\n"
                            "- ✅ Rolled back the pool change; latency back to 300 ms.\n");
    ck_assert_uint_eq(d->nthreads, 1);
    ck_assert_str_eq(d->threads[0].resolved, "2026-06-02");
    slog_doc_free(d);
    d = parse_str("## 2026-06-02\n- ❌ Nightly export failed: disk full on db-3.\n"
                  "- ✅ Shipped the new login page.\n");
    ck_assert_uint_eq(d->nthreads, 1);
    ck_assert_ptr_null(d->threads[0].resolved);
    slog_doc_free(d);
    /* done first, failure after: still open */
    d = parse_str("## 2026-06-02\n- ✅ Rolled back the pool change.\n- ❌ Pool exhausted again.\n");
    ck_assert_ptr_null(d->threads[0].resolved);
    slog_doc_free(d);
}
END_TEST

/* An undated heading dated by the first item of its list ("- **Date:**
 * ... · **Severity:** P2") or, inside a dated day, by a key block with a
 * time ("**Who**: ..." then "**When**: 00:47 JST"); a date among a pasted
 * report's fields, or a list opening with a bold date, does not. */
START_TEST(headings_dated_by_their_first_lines)
{
    slog_doc *d =
        parse_str("# Incidents\n\n### INC-012 — Gateway timeouts\n\n"
                  "- **Date:** 2026-05-30 · **Severity:** P2\n- **Impact:** slow\n\n"
                  "### INC-011 — Disk full\n\n- **Date:** 2026-05-28 · **Severity:** P3\n");
    ck_assert_uint_eq(d->nentries, 2);
    ck_assert_int_eq(d->entries[0]->line, 3);
    ck_assert_str_eq(d->entries[0]->date, "2026-05-30");
    ck_assert_str_eq(d->entries[0]->label, "INC-012 — Gateway timeouts");
    slog_doc_free(d);
    d = parse_str(
        "# Progress\n\n## 2025-08-21\n\n### [COMPLETED] #015 - E2E tests\n"
        "**Who**: Claude  \n**When**: 2025-08-21 00:47 JST  \n**What**: tests\n\n"
        "### [COMPLETED] #014 - p95\n**Who**: Claude  \n**When**: 2025-08-21 00:08 JST\n");
    ck_assert_uint_eq(d->nentries, 3);
    ck_assert_str_eq(d->entries[1]->time, "00:47");
    ck_assert_int_eq(d->entries[2]->line, 10);
    slog_doc_free(d);
    /* a report's fields (no time), a list of dated items */
    d = parse_str("# Notes\n\n## Task: scaling\n**Status**: ✅ COMPLETED\n**Date**: 2025-09-28\n\n"
                  "## Done\n\n- **2026-03-09** shipped\n- **2026-03-10** fixed\n");
    ck_assert_uint_eq(d->nentries, 2);
    ck_assert_str_eq(d->entries[0]->date, "2026-03-09");
    slog_doc_free(d);
}
END_TEST

/* A repeat says the same in its sub-items too; in a newest-first log the
 * repeats stand above the entry they repeat. */
START_TEST(repeats_in_the_order_written)
{
    ck_assert_int_eq(count_rule("# Time log\n\n### 2022-01-18 - Week 1\n- Project work\n"
                                "  - Update README\n\n### 2022-01-25 - Week 2\n- Project work\n"
                                "  - Error handling\n",
                                "2022-03-01", SLOG_RULE_REPEATED_ENTRY, NULL),
                     0);
    const char *newest_first = "# Daily log\n\n## 2026-01-04 Snapshot\n- Commits: 12\n\n"
                               "## 2026-01-03 Snapshot\n- Commits: 12\n\n"
                               "## 2026-01-02 Snapshot\n- Commits: 11\n\n"
                               "## 2026-01-01 Snapshot\n- Merged the parser\n";
    char *msg = first_message(newest_first, "2026-02-01", SLOG_RULE_REPEATED_ENTRY);
    ck_assert_str_eq(msg, "entries at lines 3–6 (2) repeat line 9: no progress recorded");
    free(msg);
}
END_TEST

/* Boxes that are no task, and boxes done later, are not open work. */
START_TEST(open_boxes_that_are_no_task)
{
    /* branches of a plan, a template's prompt, a blank to fill in */
    ck_assert_int_eq(count_rule("## 2025-10-26 Tests\n#### Se Test PASS\n- [ ] Procedere con UI\n"
                                "#### If it fails\n- [ ] Fix the query\n",
                                "2025-11-01", SLOG_RULE_OPEN_CHECKLIST, NULL),
                     0);
    ck_assert_int_eq(
        count_rule("## Lunes, 2 de diciembre 2024\n- [ ] _Describe lo que completaste_\n"
                   "- [ ] Meta 5: \\*\\*\\_\\_\\*\\*\n",
                   "2024-12-10", SLOG_RULE_OPEN_CHECKLIST, NULL),
        0);
    /* done later: a checked box or a done item of the same task, written after */
    ck_assert_int_eq(
        count_rule("## 2025-10-26 Morning\n- [ ] Update CONVERSATION_LOG.md con summary\n"
                   "## 2025-10-27 Evening\n- [x] Update CONVERSATION_LOG.md\n",
                   "2025-11-01", SLOG_RULE_OPEN_CHECKLIST, NULL),
        0);
    /* another task on the same subject, or a box checked before it: still open */
    int line = 0;
    ck_assert_int_eq(
        count_rule("## 2025-11-10 Day 6\n- [ ] Test rate limiting after the fix\n"
                   "## 2025-11-11 Day 7\n- [x] Complete rate limiting TypeScript fixes\n",
                   "2025-12-01", SLOG_RULE_OPEN_CHECKLIST, &line),
        1);
    ck_assert_int_eq(line, 2);
    ck_assert_int_eq(count_rule("## 2025-10-27 Evening\n- [x] Update CONVERSATION_LOG.md\n"
                                "## 2025-10-28 Next day\n- [ ] Update CONVERSATION_LOG.md again\n",
                                "2025-11-01", SLOG_RULE_OPEN_CHECKLIST, NULL),
                     1);
}
END_TEST

/* Numeric dates as the document writes them: a two-digit year with slashes,
 * dots read month first where one date can only be so, a stamp in Japanese. */
START_TEST(numeric_forms_settled_per_document)
{
    slog_doc *d =
        parse_str("# Running log\n\n### 11/11/25\n- 2h wiring\n\n### 11/12/25\n- tests\n");
    ck_assert_uint_eq(d->nentries, 2);
    ck_assert_str_eq(d->entries[1]->date, "2025-11-12");
    slog_doc_free(d);
    /* not with dots or dashes: a version, a range */
    d = parse_str("# Notes\n\n## 3.10.12 release\n- x\n\n## 1-2-25 build\n- y\n");
    ck_assert_uint_eq(d->nentries, 0);
    slog_doc_free(d);
    d = parse_str("# DEVLOG\n## 03.10.2025 18:55 Session\n- a\n## 03.15.2025 11:45 Session\n- b\n");
    ck_assert_str_eq(d->entries[0]->date, "2025-03-10");
    ck_assert_str_eq(d->entries[1]->date, "2025-03-15");
    slog_doc_free(d);
    d = parse_str("# Log\n## 03.10.2025 Session\n- a\n## 24.10.2025 Session\n- b\n");
    ck_assert_str_eq(d->entries[0]->date, "2025-10-03"); /* day first, as 24.10 says */
    slog_doc_free(d);
    d = parse_str("# Log\n## 10.15.3847 2020-07-20\n- a\n");
    ck_assert_str_eq(d->entries[0]->date, "2020-07-20"); /* a version number first */
    slog_doc_free(d);
    d = parse_str(
        "# 作業ログ\n\n## 2025年7月5日 - 設定\n- a\n\n**最終更新**: 2025年7月6日 21:00\n");
    ck_assert_uint_eq(d->nentries, 1);
    slog_doc_free(d);
    /* a table of contents links to the entries; it is none of them */
    d = parse_str("# Worklog\n- [2023-09-24 - ESP32](#2023-09-24---esp32)\n"
                  "- [2023-09-26 - Power](#2023-09-26---power)\n\n"
                  "## 2023-09-24 - ESP32\n- a\n\n## 2023-09-26 - Power\n- b\n");
    ck_assert_uint_eq(d->nentries, 2);
    ck_assert_int_eq(d->entries[0]->line, 5);
    slog_doc_free(d);
}
END_TEST

START_TEST(duplicates_with_times_say_the_same)
{
    /* two runs stamped the same minute, different content: two runs */
    ck_assert_int_eq(count_rule("## Check — 2026-07-24 16:25 UTC\n- a: 100\n"
                                "## Check — 2026-07-24 16:25 UTC\n- b: 90\n",
                                "2026-08-01", SLOG_RULE_DUPLICATE_ENTRY, NULL),
                     0);
    /* a pasted copy, white space aside */
    ck_assert_int_eq(count_rule("## Check — 2026-07-24 16:25 UTC\n- a: 100\n"
                                "## Check — 2026-07-24 16:25 UTC\n-   a:  100\n",
                                "2026-08-01", SLOG_RULE_DUPLICATE_ENTRY, NULL),
                     1);
    /* without times, the date and label suffice (r2) */
    ck_assert_int_eq(count_rule("## Status (2026-07-24)\n- a\n## Status (2026-07-24)\n- b\n",
                                "2026-08-01", SLOG_RULE_DUPLICATE_ENTRY, NULL),
                     1);
    /* a duplicate is not also a repeat */
    ck_assert_int_eq(count_rule("## Status (2026-07-23)\n- ✅ ok\n## Status (2026-07-24)\n- ✅ ok\n"
                                "## Status (2026-07-24)\n- ✅ ok\n",
                                "2026-08-01", SLOG_RULE_REPEATED_ENTRY, NULL),
                     1);
    int line = 0;
    count_rule("## Status (2026-07-23)\n- ✅ ok\n## Status (2026-07-24)\n- ✅ ok\n"
               "## Status (2026-07-24)\n- ✅ ok\n",
               "2026-08-01", SLOG_RULE_REPEATED_ENTRY, &line);
    ck_assert_int_eq(line, 3);
}
END_TEST

START_TEST(repeated_entry_is_one_finding_a_log)
{
    /* a heartbeat whose status flaps: one finding naming the runs */
    const char *flaps =
        "## Ping — 2026-08-03 04:00 UTC\n- API: OK\n## Ping — 2026-08-03 04:10 UTC\n"
        "- API: OK\n## Ping — 2026-08-03 04:20 UTC\n- API: ERROR\n"
        "## Ping — 2026-08-03 04:30 UTC\n- API: ERROR\n"
        "## Ping — 2026-08-03 04:40 UTC\n- API: OK\n"
        "## Ping — 2026-08-03 04:50 UTC\n- API: OK\n";
    ck_assert_int_eq(count_rule(flaps, "2026-08-04", SLOG_RULE_REPEATED_ENTRY, NULL), 1);
    char *m = first_message(flaps, "2026-08-04", SLOG_RULE_REPEATED_ENTRY);
    ck_assert_msg(strstr(m, "3 entries in 3 runs record nothing new: lines 3, 7, 11") != NULL, "%s",
                  m);
    free(m);
    /* other words are no repeat, even for one task's steps */
    ck_assert_int_eq(count_rule("## Run (2026-08-01)\n- ✅ Finalized the export\n"
                                "## Run (2026-08-02)\n- ✅ Converted the export\n",
                                "2026-08-04", SLOG_RULE_REPEATED_ENTRY, NULL),
                     0);
}
END_TEST

START_TEST(open_checklists_worth_reading)
{
    /* a document without dated entries: a reference checklist */
    ck_assert_int_eq(count_rule("# Release checklist\n\n- [ ] tag\n- [ ] publish\n", "2026-01-01",
                                SLOG_RULE_OPEN_CHECKLIST, NULL),
                     0);
    /* an old "Remaining Work" list replaced by a later one: the newest only */
    const char *two = "# P\n\n## 2025-11-08 Day 1\n**Remaining Work (40%):**\n- [ ] a\n- [ ] b\n\n"
                      "## 2025-11-09 Day 2\n**Remaining Work (30%):**\n- [ ] b\n";
    int line = 0;
    ck_assert_int_eq(count_rule(two, "2026-01-01", SLOG_RULE_OPEN_CHECKLIST, &line), 1);
    ck_assert_int_eq(line, 10);
    /* two lists under one heading are one list; other captions are other lists */
    ck_assert_int_eq(
        count_rule("# TODO\n\n- [ ] a\n\n```\nx\n```\n\n- [ ] b\n\n## 2026-01-01\n- c\n",
                   "2026-02-01", SLOG_RULE_OPEN_CHECKLIST, NULL),
        2);
    ck_assert_int_eq(count_rule("## 2026-04-11 Phase 2\n**Phase 2 audit gate:**\n- [ ] a\n"
                                "## 2026-04-11 Phase 3\n**Phase 3 audit gate:**\n- [ ] b\n",
                                "2026-05-01", SLOG_RULE_OPEN_CHECKLIST, NULL),
                     2);
    /* a list copied forward (the same boxes again, later): the later copy */
    line = 0;
    ck_assert_int_eq(count_rule("## 2025-09-29 Start\nUnchecked items:\n- [ ] sync stock\n\n"
                                "### Capabilities\nExtracting unchecked items:\n- [ ] sync stock\n",
                                "2025-10-01", SLOG_RULE_OPEN_CHECKLIST, &line),
                     1);
    ck_assert_int_eq(line, 7);
    /* a label written as a box is no task */
    ck_assert_int_eq(
        count_rule("## 2025-08-04\n* [ ] ✅ Done Activities Log\n* [ ] 🔜 call the vendor\n",
                   "2025-09-01", SLOG_RULE_OPEN_CHECKLIST, NULL),
        1);
}
END_TEST

START_TEST(open_checklists_not_in_templates)
{
    const char *md = "## 2026-01-01\n- [ ] fill this in\n";
    slog_doc *d = NULL;
    slog_error err;
    slog_parse_options o = SLOG_PARSE_OPTIONS_INIT;
    const char *names[] = {".github/ISSUE_TEMPLATE/bug.md", "docs/STATUS_TEMPLATE.md",
                           "docs/status.md"};
    for (int i = 0; i < 3; i++) {
        o.filename = names[i];
        ck_assert_int_eq(slog_parse_buffer(md, strlen(md), &o, &d, &err), SLOG_OK);
        slog_diags diags = {0};
        slog_lint_options lo = {SLOG_LINT_OPTIONS_VERSION, NULL, day_of("2026-02-01"), 0};
        ck_assert_int_eq(slog_lint(d, &lo, &diags, &err), SLOG_OK);
        size_t n = 0;
        for (size_t k = 0; k < diags.count; k++)
            n += diags.items[k].rule == SLOG_RULE_OPEN_CHECKLIST;
        ck_assert_uint_eq(n, i == 2 ? 1 : 0);
        slog_diags_free(&diags);
        slog_doc_free(d);
    }
}
END_TEST

START_TEST(stale_item_resolved_in_words)
{
    const char *md = "# L\n\n## 2026-03-01\n- 🔜 write the summary for the team\n\n"
                     "## 2026-03-02\n- Summary written and sent to the team\n\n"
                     "## 2026-03-30\n- ✅ other\n";
    ck_assert_int_eq(count_rule(md, "2026-04-01", SLOG_RULE_STALE_ITEM, NULL), 0);
    /* a note that does not say it was done resolves nothing */
    ck_assert_int_eq(count_rule("# L\n\n## 2026-03-01\n- 🔜 write the summary for the team\n\n"
                                "## 2026-03-02\n- The summary for the team needs numbers\n\n"
                                "## 2026-03-30\n- ✅ other\n",
                                "2026-04-01", SLOG_RULE_STALE_ITEM, NULL),
                     1);
}
END_TEST

START_TEST(a_fence_closed_on_a_text_line)
{
    slog_doc *d =
        parse_str("## Incident #2 - env\n** Date: 2026-04-13 **\n\n"
                  "```panic: failed to open database: pq: role does not exist\n"
                  "   goroutine 1 [running]:\nexit status 2```\nThe database was gone.\n\n"
                  "## Incident #3 - Github Oct 21 2018 Postmortem read\n"
                  "** Date: 2026-04-27 **\n\ntext\n");
    ck_assert_uint_eq(d->nentries, 2);
    ck_assert_str_eq(d->entries[1]->date, "2026-04-27"); /* the Date line, not the title's */
    slog_doc_free(d);
    /* a real fence with a language is code to its close */
    d = parse_str("## 2026-04-13 Notes\n\n```go\nx := 1```\n## 2026-04-14 not a heading\n```\n");
    ck_assert_uint_eq(d->nentries, 1);
    slog_doc_free(d);
}
END_TEST

/* Findings judged on 24 more public logs (2026-12-07), each with the case
 * that had it and one that does not. */
START_TEST(keys_in_other_languages_date_a_heading)
{
    /* the file name's date in the heading gives way to the key's */
    slog_doc *d = parse_str("# Журнал\n\n## Создан файл test-2025-07-18.md\n"
                            "**Время:** 19.07.2025, 00:08:32\n\nФайл создан.\n");
    ck_assert_uint_eq(d->nentries, 1);
    ck_assert_str_eq(d->entries[0]->date, "2025-07-19");
    slog_doc_free(d);
    /* a heading dated by its first list item's key */
    d = parse_str("# Bitácora\n\n### **#11 | Ajuste del panel**\n\n- **Fecha:** 2024-06-16\n"
                  "- **Responsable:** Ana\n\n### **#12 | API**\n\n- **Fecha:** 2024-06-18\n");
    ck_assert_uint_eq(d->nentries, 2);
    slog_doc_free(d);
    /* a word that is no date key still does not date it */
    d = parse_str("# L\n\n## Release of build-2025-07-18\n**Autor:** 19.07.2025\n\ntext\n");
    ck_assert_str_eq(d->entries[0]->date, "2025-07-18");
    slog_doc_free(d);
}
END_TEST

START_TEST(records_dated_by_a_key)
{
    /* "- timestamp: ..." twice: a record each, its fields the items after it */
    slog_doc *d =
        parse_str("# HB\n\n- timestamp (UTC): 2026-03-08T13:48:55Z\n- checks:\n"
                  "  - pipeline pass\n- next action:\n  - wire the formatter\n\n"
                  "- timestamp (UTC): 2026-03-08T14:18:00Z\n- checks:\n  - pipeline pass\n");
    ck_assert_uint_eq(d->nentries, 2);
    ck_assert_str_eq(d->entries[0]->time, "13:48:55");
    ck_assert_uint_eq(d->entries[0]->nitems, 2);
    ck_assert_int_eq(d->entries[0]->end_line, 7);
    slog_doc_free(d);
    /* bold key lines below the title: metadata once, a log when the key recurs */
    d = parse_str("# Sessions\n**Update**: 2026-03-10 - Fixed the cache.\n\n"
                  "**Update**: 2026-03-11 - Added retries.\n\n## 2026-03-02 Import\n- a\n");
    ck_assert_uint_eq(d->nentries, 3);
    slog_doc_free(d);
    d = parse_str("# Plan\n**Date:** 2026-03-01\n**Owner:** me\n\n## 2026-03-02 Start\n- a\n");
    ck_assert_uint_eq(d->nentries, 1);
    ck_assert_str_eq(d->date, "2026-03-01");
    slog_doc_free(d);
    /* a metadata list: two keys of one record, no log */
    d = parse_str("# Plan\n\n- Created: 2026-03-01\n- Owner: ops\n- Reviewed: 2026-03-02\n");
    ck_assert_uint_eq(d->nentries, 0);
    slog_doc_free(d);
}
END_TEST

START_TEST(more_date_forms_and_plans_newest_first)
{
    slog_doc *d =
        parse_str("# L\n\n## 2026-03-02 (14:30) — Second fix\n- a\n\n"
                  "## 🔵 Agent - 04/Feb/2026 (09:00) - Deploy\n- b\n\n### Mar 3rd '23\n- c\n\n"
                  "### 14. - 17. Januar 2024\n- d\n\n## June 28,2023\n- e\n");
    ck_assert_uint_eq(d->nentries, 5);
    ck_assert_str_eq(d->entries[0]->time, "14:30");
    ck_assert_str_eq(d->entries[0]->label, "Second fix");
    ck_assert_str_eq(d->entries[1]->date, "2026-02-04");
    ck_assert_str_eq(d->entries[2]->date, "2023-03-03");
    ck_assert_str_eq(d->entries[3]->date, "2024-01-14");
    ck_assert_str_eq(d->entries[4]->date, "2023-06-28");
    slog_doc_free(d);
    /* "Tag 1 - 25. Mai": a day and a number, not a range */
    d = parse_str("## Tag 1 - 25. Mai 2025\n- a\n");
    ck_assert_str_eq(d->entries[0]->date, "2025-05-25");
    slog_doc_free(d);
    /* next steps in Portuguese are follow-ups; items under Completed are done */
    d = parse_str("## 2026-03-02\n**Completed:**\n- wrote the importer\n\n### Próximos passos\n"
                  "- publicar\n");
    ck_assert_uint_eq(d->nfollowups, 1);
    ck_assert_int_eq(d->entries[0]->items->state, SLOG_STATE_DONE);
    slog_doc_free(d);
    /* a newest-first series of plans: the newest plan's open box only */
    int line = 0;
    ck_assert_int_eq(count_rule("# Plans\n\n### Cycle 3 (2026-03-03) Plan\n- [x] P1: retry\n"
                                "- [ ] P3: docs\n\n### Cycle 2 (2026-03-02) Plan\n- [ ] P1: retry\n"
                                "- [ ] P3: docs\n",
                                "2026-03-10", SLOG_RULE_OPEN_CHECKLIST, &line),
                     1);
    ck_assert_int_eq(line, 5);
}
END_TEST

START_TEST(repeats_are_observations_not_work)
{
    /* other words, however generic: progress */
    ck_assert_int_eq(count_rule("## 2026-03-16\n\n- started the migration\n\n## 2026-03-17\n\n"
                                "- finished the migration\n",
                                "2026-04-01", SLOG_RULE_REPEATED_ENTRY, NULL),
                     0);
    /* a time log: hours spent are work done */
    ck_assert_int_eq(count_rule("## Week 19\n\n### 10 Feb 2024\n* *5 hours* Writing\n\n"
                                "### 11 Feb 2024\n* *5 hours* Writing\n",
                                "2024-03-01", SLOG_RULE_REPEATED_ENTRY, NULL),
                     0);
    /* an action reported again is another action */
    ck_assert_int_eq(count_rule("### Feb 04, 2025 20:47\n- Fixed edge case bugs\n\n"
                                "### Feb 04, 2025 21:26\n- Fixed edge case bugs\n",
                                "2025-03-01", SLOG_RULE_REPEATED_ENTRY, NULL),
                     0);
    /* a diary day that says something else beside its items */
    ck_assert_int_eq(
        count_rule("#### Sat 11-Jul-2026\n\n* no obs for the gauge\n\n"
                   "#### Sun 12-Jul-2026\n\nVacation: Arles\n\n* no obs for the gauge\n",
                   "2026-08-01", SLOG_RULE_REPEATED_ENTRY, NULL),
        0);
    /* readings that do not change: a repeat ("again" says nothing new) */
    ck_assert_int_eq(count_rule("## Check (2026-06-01)\n- ✅ Queue depth 0\n- ✅ API healthy\n"
                                "## Check (2026-06-02)\n- ✅ Queue depth 0\n- ✅ API healthy again\n",
                                "2026-06-10", SLOG_RULE_REPEATED_ENTRY, NULL),
                     1);
}
END_TEST

START_TEST(many_copies_are_one_finding)
{
    char md[4096] = "# Watcher\n\n";
    for (int i = 0; i < 12; i++)
        strcat(md, "## Changed progress.md\n**Time:** 18.07.2025, 19:34:42\n\nFile changed.\n\n");
    ck_assert_int_eq(count_rule(md, "2026-01-01", SLOG_RULE_DUPLICATE_ENTRY, NULL), 1);
    char *m = first_message(md, "2026-01-01", SLOG_RULE_DUPLICATE_ENTRY);
    ck_assert_msg(strstr(m, "11 entries repeat an earlier entry") && strstr(m, "and 3 more"), "%s",
                  m);
    free(m);
    /* a few: one finding each; no empty quotes for an entry without a label */
    const char *two = "# L\n\n## 2026-01-05 (Mon)\n- a\n\n## 2026-01-05 (Mon)\n- b\n";
    ck_assert_int_eq(count_rule(two, "2026-02-01", SLOG_RULE_DUPLICATE_ENTRY, NULL), 1);
    m = first_message(two, "2026-02-01", SLOG_RULE_DUPLICATE_ENTRY);
    ck_assert_str_eq(m, "another entry for 2026-01-05 is at line 3");
    free(m);
}
END_TEST

START_TEST(checklists_of_each_case_and_routines)
{
    /* each incident's prevention list is its own */
    ck_assert_int_eq(
        count_rule("# Incidents\n\n## 2026-06-06 · #7\n\n**Prevention**\n- [ ] assert\n\n"
                   "## 2026-06-07 · #8\n\n**Prevention**\n- [ ] back up first\n",
                   "2026-07-01", SLOG_RULE_OPEN_CHECKLIST, NULL),
        2);
    /* a later day's blank list replaces nothing */
    ck_assert_int_eq(
        count_rule("# S\n\n### 2024-01-15\n\n**Action Items**:\n- [ ] alice: set up\n\n"
                   "### 2024-01-16\n\n**Action Items**:\n- [ ]\n",
                   "2024-02-01", SLOG_RULE_OPEN_CHECKLIST, NULL),
        1);
    /* a routine to repeat, and placeholders to fill in, are no tasks */
    ck_assert_int_eq(
        count_rule("# Ops\n\n## 2026-06-01\n- ok\n\n**Health check to run every 2 weeks**\n"
                   "- [ ] cron jobs enabled\n- [ ] feeds parse\n",
                   "2026-07-01", SLOG_RULE_OPEN_CHECKLIST, NULL),
        0);
    ck_assert_int_eq(count_rule("# Progress\n\n## 2026-06-01\n- ok\n\n## In Progress\n"
                                "- [ ] [Task in progress 1]\n- [ ] <your task>\n- [ ] real task\n",
                                "2026-07-01", SLOG_RULE_OPEN_CHECKLIST, NULL),
                     1);
}
END_TEST

START_TEST(a_doubted_date_is_not_ordered)
{
    /* the weekday says 2026: only invalid-date, no move */
    const char *md = "# 2026\n\n#### Mon 16-Mar-2026\n- a\n\n#### Sat 21-Mar-2025\n- b\n\n"
                     "#### Mon 23-Mar-2026\n- c\n";
    ck_assert_int_eq(count_rule(md, "2026-04-01", SLOG_RULE_ENTRY_ORDER, NULL), 0);
    ck_assert_int_eq(count_rule(md, "2026-04-01", SLOG_RULE_INVALID_DATE, NULL), 1);
    /* attempts that failed on the way are the story, not open failures */
    ck_assert_int_eq(
        item_state_at("## 2026-06-22 · #18 · job cannot be deleted\n\n**Approaches tried**:\n"
                      "1. ✗ quoting the id → rejected\n",
                      4),
        SLOG_STATE_NOTE);
    ck_assert_int_eq(state_of("- ✗ quoting the id → rejected"), SLOG_STATE_FAILED);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("r3");
    TCase *tc = tcase_create("r3");
    tcase_add_test(tc, bold_lines_inside_an_entry_are_its_text);
    tcase_add_test(tc, stamps_are_metadata);
    tcase_add_test(tc, version_numbers_are_no_dates);
    tcase_add_test(tc, time_ranges_and_zones);
    tcase_add_test(tc, a_log_is_one_headings_entries);
    tcase_add_test(tc, direction_by_the_longer_monotone_run);
    tcase_add_test(tc, tasks_metrics_and_statements);
    tcase_add_test(tc, failure_marks_read_in_their_list);
    tcase_add_test(tc, a_failure_fixed_in_its_entry);
    tcase_add_test(tc, headings_dated_by_their_first_lines);
    tcase_add_test(tc, repeats_in_the_order_written);
    tcase_add_test(tc, open_boxes_that_are_no_task);
    tcase_add_test(tc, numeric_forms_settled_per_document);
    tcase_add_test(tc, duplicates_with_times_say_the_same);
    tcase_add_test(tc, repeated_entry_is_one_finding_a_log);
    tcase_add_test(tc, open_checklists_worth_reading);
    tcase_add_test(tc, open_checklists_not_in_templates);
    tcase_add_test(tc, stale_item_resolved_in_words);
    tcase_add_test(tc, a_fence_closed_on_a_text_line);
    tcase_add_test(tc, keys_in_other_languages_date_a_heading);
    tcase_add_test(tc, records_dated_by_a_key);
    tcase_add_test(tc, more_date_forms_and_plans_newest_first);
    tcase_add_test(tc, repeats_are_observations_not_work);
    tcase_add_test(tc, many_copies_are_one_finding);
    tcase_add_test(tc, checklists_of_each_case_and_routines);
    tcase_add_test(tc, a_doubted_date_is_not_ordered);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
