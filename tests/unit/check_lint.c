/* SPDX-License-Identifier: BSD-2-Clause */
/* Lint rules (each positive and negative), instants, and the reporters. */
#include "lint_helpers.h"

START_TEST(entry_order)
{
    /* oldest first: the entries outside the longest sorted run */
    HAS("## Status (2025-10-01)\n- ✅ a\n## Status (2025-10-03)\n- ✅ b\n## Status (2025-10-02)\n"
        "- ✅ c\n",
        SLOG_RULE_ENTRY_ORDER, 5);
    HASNT("## Status (2025-10-01)\n- ✅ a\n## Status (2025-10-02)\n- ✅ b\n", SLOG_RULE_ENTRY_ORDER);
    /* two entries going back are a newest-first log, in order */
    HASNT("## Status (2025-10-02)\n- ✅ a\n## Status (2025-10-01)\n- ✅ b\n", SLOG_RULE_ENTRY_ORDER);
    /* same date is no violation */
    HASNT("## A 2025-10-01\n- ✅ a\n## B 2025-10-01\n- ✅ b\n", SLOG_RULE_ENTRY_ORDER);
    /* instants: 15:51 MDT is 21:51Z, after 21:00Z */
    HASNT("## 2025-10-01T20:00Z — 0\n- ✅ a\n## 2025-10-01T21:00Z — A\n- ✅ a\n"
          "## 2025-10-01 15:51 MDT — B\n- ✅ b\n",
          SLOG_RULE_ENTRY_ORDER);
    HAS("## 2025-10-01T20:00Z — 0\n- ✅ a\n## 2025-10-01T22:00Z — A\n- ✅ a\n"
        "## 2025-10-01 15:51 MDT — B\n- ✅ b\n## 2025-10-01T23:00Z — C\n- ✅ c\n",
        SLOG_RULE_ENTRY_ORDER, 5);
    /* at the coarser precision: 02:35Z equals 02:35:29Z (the same minute) */
    HASNT("## 2025-10-01T20:00Z — A\n- ✅ a\n## 2025-10-02T02:35:29Z — B\n- ✅ b\n"
          "## 2025-10-02T02:35Z — C\n- ✅ c\n",
          SLOG_RULE_ENTRY_ORDER);
    /* a time on one side only: calendar dates */
    HASNT("## 2025-10-01T22:00Z — A\n- ✅ a\n## Status 2025-10-01\n- ✅ b\n", SLOG_RULE_ENTRY_ORDER);
    /* a dated ### under a later dated ## compares with its siblings only */
    HASNT("## Day 2025-10-02\n- ✅ a\n### Run 2025-10-01T10:00Z\n- ✅ b\n"
          "### Run 2025-10-01T11:00Z\n- ✅ c\n",
          SLOG_RULE_ENTRY_ORDER);
    /* one misplaced entry is one finding, wherever it stands */
    HAS("## S 2025-10-09\n- a\n## S 2025-10-01\n- b\n## S 2025-10-02\n- c\n## S 2025-10-03\n- d\n",
        SLOG_RULE_ENTRY_ORDER, 1);
    HAS("## S 2025-10-01\n- a\n## S 2025-10-02\n- b\n## S 2025-10-03\n- c\n## S 2025-09-01\n- d\n",
        SLOG_RULE_ENTRY_ORDER, 7);
    /* newest first: the mirror image */
    HAS("## S 2025-10-04\n- a\n## S 2025-10-03\n- b\n## S 2025-10-09\n- c\n## S 2025-10-02\n- d\n"
        "## S 2025-10-01\n- e\n",
        SLOG_RULE_ENTRY_ORDER, 5);
    char *m = first_message("## S 2025-10-05\n- a\n## S 2025-10-07\n- b\n## S 2025-10-06\n- c\n"
                            "## S 2025-10-08\n- d\n",
                            "2025-10-19", SLOG_RULE_ENTRY_ORDER);
    ck_assert_str_eq(
        m, "dated 2025-10-06, belongs between 2025-10-05 (line 1) and 2025-10-07 (line 3)");
    free(m);
    /* zones that differ are also shown in UTC */
    m = first_message("## 2025-10-01T20:00Z — A\n- a\n## 2025-10-02T01:00Z — B\n- b\n"
                      "## 2025-10-01 15:51 MDT — C\n- c\n## 2025-10-02T03:00Z — D\n- d\n",
                      "2025-10-19", SLOG_RULE_ENTRY_ORDER);
    ck_assert_str_eq(m, "dated 2025-10-01 15:51 MDT (2025-10-01 21:51Z), belongs between "
                        "2025-10-01 20:00 Z (line 1) and 2025-10-02 01:00 Z (line 3)");
    free(m);
}
END_TEST

START_TEST(invalid_and_future_dates)
{
    HAS("## Status (2025-02-30)\n- ✅ a\n", SLOG_RULE_INVALID_DATE, 1);
    HASNT("## Status (2024-02-29)\n- ✅ a\n", SLOG_RULE_INVALID_DATE);
    HAS("## 2025-10-01 25:10 — x\n- ✅ a\n", SLOG_RULE_INVALID_DATE, 1);
    HAS("## Status (2025-10-20)\n- ✅ a\n", SLOG_RULE_FUTURE_ENTRY, 1);
    HASNT("## Status (2025-10-19)\n- ✅ a\n", SLOG_RULE_FUTURE_ENTRY);
}
END_TEST

START_TEST(duplicate_entry)
{
    HAS("## Status (2025-10-07)\n- ✅ a\n## Status (2025-10-08)\n- ✅ b\n## Status (2025-10-07)\n"
        "- ✅ c\n",
        SLOG_RULE_DUPLICATE_ENTRY, 5);
    HASNT("## Status (2025-10-07)\n- ✅ a\n## Notes (2025-10-07)\n- ✅ b\n",
          SLOG_RULE_DUPLICATE_ENTRY);
    HASNT("## 2025-10-07 10:00 — Run\n- ✅ a\n## 2025-10-07 11:00 — Run\n- ✅ b\n",
          SLOG_RULE_DUPLICATE_ENTRY);
}
END_TEST

START_TEST(duplicate_entry_r2)
{
    /* the same time twice is a duplicate; another time is not */
    HAS("## 2025-10-01T08:00Z — Run\n- a\n## 2025-10-01T09:00Z — Run\n- b\n"
        "## 2025-10-01T08:00Z — Run\n- a\n",
        SLOG_RULE_DUPLICATE_ENTRY, 5);
    /* entries of different logs are not duplicates */
    HASNT("## Day 2025-10-01\n- a\n### Run 2025-10-02\n- b\n## Day 2025-10-02\n- c\n"
          "### Run 2025-10-02\n- d\n",
          SLOG_RULE_DUPLICATE_ENTRY);
}
END_TEST

START_TEST(stale_item_r2)
{
    /* dropped: seen once, then the log went on for more than 14 days */
    const char *dropped = "## Status (2025-10-01)\n- 🔜 Rotate the signing keys\n"
                          "## Status (2025-10-20)\n- ✅ Shipped the dashboard\n";
    int line = 0;
    ck_assert_int_eq(count_rule(dropped, "2025-10-21", SLOG_RULE_STALE_ITEM, &line), 1);
    ck_assert_int_eq(line, 2);
    /* mentioned once in a log that simply ended: not stale */
    const char *ended = "## Status (2025-10-01)\n- 🔜 Rotate the signing keys\n"
                        "## Status (2025-10-02)\n- ✅ Shipped the dashboard\n";
    ck_assert_int_eq(count_rule(ended, "2025-12-01", SLOG_RULE_STALE_ITEM, NULL), 0);
    /* observations are not tasks: failed and warning items; boxes are open-checklist's */
    const char *obs = "## Status (2025-10-01)\n- ❌ Smoke test failed on staging\n"
                      "- ⚠️ 3 low-priority enhancements\n- [ ] Runbook reviewed\n"
                      "## Status (2025-10-03)\n- ❌ Smoke test failed on staging again\n"
                      "- ⚠️ 3 low-priority enhancements remain\n- [ ] Runbook reviewed\n"
                      "## Status (2025-10-30)\n- ✅ Shipped the dashboard\n";
    ck_assert_int_eq(count_rule(obs, "2025-11-30", SLOG_RULE_STALE_ITEM, NULL), 0);
    /* resolved ten minutes later on the same day: later as an instant */
    const char *same_day =
        "## 2025-10-01 10:00 UTC — A\n- 🔜 Fix the Dockerfile duplicate build\n"
        "## 2025-10-01 10:10 UTC — B\n- 🔜 Dockerfile duplicate build still open\n"
        "## 2025-10-01 10:20 UTC — C\n- ✅ Fixed the Dockerfile duplicate build\n";
    ck_assert_int_eq(count_rule(same_day, "2025-11-30", SLOG_RULE_STALE_ITEM, NULL), 0);
    /* an entry pasted twice is one mention, not a carried task */
    const char *pasted = "## 2025-10-01 10:00 UTC — A\n- Next: install the deps\n"
                         "## 2025-10-01 10:00 UTC — A\n- Next: install the deps\n";
    ck_assert_int_eq(count_rule(pasted, "2025-11-30", SLOG_RULE_STALE_ITEM, NULL), 0);
}
END_TEST

START_TEST(threads_follow_the_task_not_generic_words)
{
    slog_doc *d = parse_str(
        "## 2025-10-01 08:11 UTC — A\n- ⏳ Assign PolarisViz optimization to Tooling (MEDIUM)\n"
        "- ⏳ Add gitleaks/semgrep to CI/CD (future)\n"
        "- ❌ Dockerfile must be fixed before containerized deployment\n"
        "## 2025-10-01 08:25 UTC — B\n- ❌ Assign Dockerfile fix to Tooling (HIGHEST priority)\n"
        "- ❌ Block containerized deployment until fixed\n"
        "## 2025-10-01 08:30 UTC — C\n- ❌ Dockerfile (duplicate builds, confirmed via test)\n"
        "- ❌ CI/CD workflows (duplicate definitions, silent failures)\n");
    const slog_thread *docker = NULL;
    for (size_t i = 0; i < d->nthreads; i++) {
        const slog_thread *t = &d->threads[i];
        ck_assert_msg(t->nitems == 1 || strstr(t->items[0]->text, "Dockerfile"),
                      "thread of '%s' has %zu items", t->items[0]->text, t->nitems);
        if (t->nitems > 1)
            docker = t;
    }
    ck_assert_ptr_nonnull(docker); /* one task in one thread as its wording drifts */
    ck_assert_uint_eq(docker->nitems, 3);
    ck_assert_int_eq(docker->items[1]->line,
                     6); /* "Assign Dockerfile fix", not "Block ... deployment" */
    ck_assert_int_eq(docker->items[2]->line, 9);
    slog_doc_free(d);
}
END_TEST

START_TEST(repeated_entry_r2)
{
    /* a heartbeat: one finding per run, other labels in between do not end it */
    const char *beat = "### Progress - 2025-10-01T10:00Z\n- Working on 'compare periods'\n"
                       "### Progress - 2025-10-01T10:05Z\n- Working on 'compare periods'\n"
                       "### Polling - 2025-10-01T10:06Z\n- polled the inbox\n"
                       "### Progress - 2025-10-01T10:10Z\n- Working on 'compare periods'\n"
                       "### Progress - 2025-10-01T10:15Z\n- Working on 'compare periods'\n";
    int line = 0;
    ck_assert_int_eq(count_rule(beat, "2025-10-19", SLOG_RULE_REPEATED_ENTRY, &line), 1);
    ck_assert_int_eq(line, 3);
    char *m = first_message(beat, "2025-10-19", SLOG_RULE_REPEATED_ENTRY);
    ck_assert_str_eq(m, "entries at lines 3–9 (3) repeat line 1: no progress recorded");
    free(m);
    /* digits, dates and durations do not count; status words do */
    HAS("## Status (2025-10-01)\n- Quality: FAIL / PASS (run 12, 41.2s)\n"
        "## Status (2025-10-02)\n- Quality: FAIL / PASS (run 13, 39.9s)\n",
        SLOG_RULE_REPEATED_ENTRY, 3);
    HASNT("## Status (2025-10-01)\n- Quality: FAIL / PASS\n## Status (2025-10-02)\n"
          "- Quality: PASS / PASS\n",
          SLOG_RULE_REPEATED_ENTRY);
    /* another section of the document between two entries ends a run */
    HASNT("## Status (2025-10-01)\n- ✅ Reran the suite\n## Notes\ntext\n"
          "## Status (2025-10-02)\n- ✅ Reran the suite\n",
          SLOG_RULE_REPEATED_ENTRY);
}
END_TEST

START_TEST(empty_entry_r2)
{
    /* a dated banner above a higher-level heading is not an empty entry */
    HASNT("## Log\n- a\n\n---\nAppend from a.md archived 2025-09-29T08:07:35-06:00\n---\n"
          "# Archived log\n\n## Old entry\n- b\n",
          SLOG_RULE_EMPTY_ENTRY);
    /* at the end of the document it is abandoned */
    HAS("## Status (2025-10-07)\n- ✅ a\n## Status (2025-10-08)\n", SLOG_RULE_EMPTY_ENTRY, 3);
    /* followed by another part of the document, not by its log: no finding */
    HASNT("## Status (2025-10-07)\n## Notes\ntext\n", SLOG_RULE_EMPTY_ENTRY);
}
END_TEST

START_TEST(weekday_mismatch_is_invalid_date)
{
    HAS("## Wed 3 Mar 2026\n- a\n", SLOG_RULE_INVALID_DATE, 1);
    HASNT("## Tue 3 Mar 2026\n- a\n", SLOG_RULE_INVALID_DATE);
}
END_TEST

START_TEST(stale_item)
{
    const char *md = "## Status (2025-10-01)\n- 🔜 Coordinate CI smoke after the deploy window\n"
                     "## Status (2025-10-10)\n- 🔜 CI smoke still pending; coordinate with DevOps\n";
    int line = 0;
    ck_assert_int_eq(count_rule(md, "2025-10-16", SLOG_RULE_STALE_ITEM, &line), 1);
    ck_assert_int_eq(line, 4); /* its latest line */
    ck_assert_int_eq(count_rule(md, "2025-10-15", SLOG_RULE_STALE_ITEM, NULL), 0); /* 14 days */
    /* resolved by a later done item that matches, or by an annotation */
    const char *done = "## Status (2025-10-01)\n- 🔜 Coordinate CI smoke after the deploy window\n"
                       "## Status (2025-10-03)\n- ✅ CI smoke ran after the deploy window\n";
    ck_assert_int_eq(count_rule(done, "2025-11-01", SLOG_RULE_STALE_ITEM, NULL), 0);
    const char *annotated =
        "## Status (2025-10-01)\n- 🔜 Coordinate CI smoke (Resolved 2025-10-02 merged)\n";
    ck_assert_int_eq(count_rule(annotated, "2025-11-01", SLOG_RULE_STALE_ITEM, NULL), 0);
}
END_TEST

START_TEST(threads_link_rewordings_not_strangers)
{
    slog_doc *d = parse_str("## S 2025-10-01\n- 🔜 Coordinate CI smoke after Oct 1 deploy window\n"
                            "- 🔜 Document scheduler options for the retention cron\n"
                            "## S 2025-10-02\n- ✅ Reran the Prisma suite\n"
                            "- 🔜 Post-Oct 1 CI smoke still pending; coordinate with DevOps\n"
                            "## S 2025-10-03\n- ✅ Reran the Prisma suite\n"
                            "- 🔜 Still need to trigger the post-Oct 1 CI smoke once merged\n");
    ck_assert_uint_eq(d->nthreads, 2);
    ck_assert_uint_eq(d->threads[0].nitems, 3);
    ck_assert_str_eq(d->threads[0].first_seen, "2025-10-01");
    ck_assert_str_eq(d->threads[0].last_seen, "2025-10-03");
    ck_assert_uint_eq(d->threads[1].nitems, 1);
    ck_assert_ptr_null(d->threads[0].resolved);
    slog_doc_free(d);
}
END_TEST

/* Chinese, Japanese and Korean have no spaces between words: their text
 * is compared by pairs of adjacent characters. */
START_TEST(threads_in_cjk_text)
{
    slog_doc *d = parse_str("## 2026-03-10\n- 🔜 シャード数の決定\n- 🔜 ディスク監視の追加\n"
                            "## 2026-03-12\n- ✅ シャード数を 12 に決定\n");
    ck_assert_uint_eq(d->nthreads, 2);
    ck_assert_ptr_nonnull(d->threads[0].resolved); /* by the later done item */
    ck_assert_str_eq(d->threads[0].resolved, "2026-03-12");
    ck_assert_ptr_null(d->threads[1].resolved); /* a stranger stays open */
    slog_doc_free(d);
}
END_TEST

START_TEST(empty_entry_and_before_document)
{
    HAS("## Status (2025-10-07)\n\n## Status (2025-10-08)\n- ✅ a\n", SLOG_RULE_EMPTY_ENTRY, 1);
    HASNT("## Status (2025-10-07)\nSome words.\n", SLOG_RULE_EMPTY_ENTRY);
    HAS("# Plan\n\nDate: 2025-10-05\n\n## Status (2024-10-06)\n- ✅ a\n\n"
        "## Status (2025-10-07)\n- ✅ b\n\n## Status (2025-10-08)\n- ✅ c\n",
        SLOG_RULE_ENTRY_BEFORE_DOCUMENT, 5);
    /* a log begun before its document's date (a journal's front matter, an
     * incident report's timeline): no flood */
    HASNT("---\ndate: 2022-06-05\n---\n# Journal\n\n## 2021-08-02\n- a\n\n## 2021-09-01\n- b\n\n"
          "## 2022-06-05\n- c\n\n## 2022-07-01\n- d\n",
          SLOG_RULE_ENTRY_BEFORE_DOCUMENT);
    HASNT("# Plan\n\nDate: 2025-10-05\n\n## Status (2025-10-04)\n- ✅ a\n",
          SLOG_RULE_ENTRY_BEFORE_DOCUMENT);
    HASNT("# Plan\n\nDate: 2025-10-05\n\n## Status (2025-10-05)\n- ✅ a\n",
          SLOG_RULE_ENTRY_BEFORE_DOCUMENT);
}
END_TEST

START_TEST(repeated_entry)
{
    HAS("## Status (2025-10-01)\n- ✅ Reran the Prisma CLI suite on main; all passed\n"
        "## Status (2025-10-02)\n- ✅ Reran the Prisma CLI suite on main; all passed again\n",
        SLOG_RULE_REPEATED_ENTRY, 3);
    HASNT("## Status (2025-10-01)\n- ✅ Reran the Prisma CLI suite on main\n"
          "## Status (2025-10-02)\n- ✅ Reran the Prisma CLI suite on main\n"
          "- ✅ Shipped the new billing export\n",
          SLOG_RULE_REPEATED_ENTRY);
    /* same text, other state: progress */
    HASNT("## Status (2025-10-01)\n- 🔜 Deploy the API\n## Status (2025-10-02)\n- ✅ Deploy the "
          "API\n",
          SLOG_RULE_REPEATED_ENTRY);
}
END_TEST

START_TEST(checklists_and_unmarked)
{
    ck_assert_int_eq(count_rule("## Status (2025-10-01)\n- [ ] a\n- [x] b\n- [ ] c\n", "2025-10-19",
                                SLOG_RULE_OPEN_CHECKLIST, NULL),
                     2);
    /* unmarked-item is off by default */
    HASNT("## Status (2025-10-01)\n- plain\n", SLOG_RULE_UNMARKED_ITEM);
}
END_TEST

START_TEST(encoding_rules)
{
    HAS("ok\n## Status (2025-10-01)\n- ✅ bad \xFF byte\n", SLOG_RULE_INVALID_UTF8, 3);
    HASNT("## Status (2025-10-01)\n- ✅ fine\n", SLOG_RULE_INVALID_UTF8);
    HAS("plain\n- \xE2\x80\x9A\xC3\xBA\xC3\x96 done\n", SLOG_RULE_MOJIBAKE, 2); /* ‚úÖ */
    HASNT("- ✅ done\n", SLOG_RULE_MOJIBAKE);
}
END_TEST

/* A document without entries (entries is NULL) lints without touching it. */
START_TEST(no_entries)
{
    ck_assert_int_eq(
        count_rule("# Plan\n\nNo log yet.\n", "2025-10-19", SLOG_RULE_REPEATED_ENTRY, NULL), 0);
    ck_assert_int_eq(count_rule("", "2025-10-19", SLOG_RULE_ENTRY_ORDER, NULL), 0);
}
END_TEST

START_TEST(instants)
{
    slog_doc *d = parse_str("## A 2025-10-01 15:51 MDT\n## B 2025-10-01T21:00Z\n"
                            "## C 2025-10-01 10:00\n");
    long long a, b, c;
    ck_assert_int_eq(slog_entry_instant(d->entries[0], NULL, &a), 0);
    ck_assert_int_eq(slog_entry_instant(d->entries[1], NULL, &b), 0);
    ck_assert_int_gt(a, b);
    ck_assert_int_eq(a - b, 51 * 60);
    ck_assert_int_eq(slog_entry_instant(d->entries[2], "+02:00", &c), 0);
    ck_assert_int_eq(b - c, 13 * 3600);
    ck_assert_int_eq(slog_entry_instant(d->entries[2], "America/Denver", &a), 0);
    ck_assert_int_eq(a - c, 8 * 3600); /* MDT is UTC-6 on that day */
    slog_doc_free(d);
}
END_TEST

/* --- reporters --------------------------------------------------------- */

static char *report(slog_format format, const slog_diags *diags)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    slog_error err;
    ck_assert_int_eq(slog_report(format, diags, f, &err), SLOG_OK);
    fclose(f);
    return buf;
}

START_TEST(github_escaping)
{
    slog_diags diags = {0};
    ck_assert_int_eq(slog_diags_add(&diags, SLOG_RULE_ENTRY_ORDER, SLOG_SEV_ERROR, "a:b,c%.md", 7,
                                    "50%% done\r\nnext: a, b"),
                     SLOG_OK);
    ck_assert_int_eq(
        slog_diags_add(&diags, SLOG_RULE_OPEN_CHECKLIST, SLOG_SEV_INFO, "x.md", 1, "note"),
        SLOG_OK);
    char *out = report(SLOG_FORMAT_GITHUB, &diags);
    ck_assert_str_eq(out, "::error file=a%3Ab%2Cc%25.md,line=7,col=1,title=entry-order::50%25 "
                          "done%0D%0Anext: a, b\n"
                          "::notice file=x.md,line=1,col=1,title=open-checklist::note\n");
    free(out);
    slog_diags_free(&diags);
}
END_TEST

START_TEST(text_and_json_formats)
{
    slog_diags diags = {0};
    slog_diags_add(&diags, SLOG_RULE_MOJIBAKE, SLOG_SEV_WARNING, "b.md", 3, "moji");
    slog_diags_add(&diags, SLOG_RULE_ENTRY_ORDER, SLOG_SEV_ERROR, "a.md", 9, "order");
    slog_diags_add(&diags, SLOG_RULE_OPEN_CHECKLIST, SLOG_SEV_INFO, "a.md", 2, "box");
    slog_diags_sort(&diags);
    char *text = report(SLOG_FORMAT_TEXT, &diags);
    ck_assert_str_eq(text, "a.md:2:1: info: box [open-checklist]\n"
                           "a.md:9:1: error: order [entry-order]\n"
                           "b.md:3:1: warning: moji [mojibake]\n");
    free(text);
    char *json = report(SLOG_FORMAT_JSON, &diags);
    cJSON *j = cJSON_Parse(json);
    ck_assert_str_eq(cJSON_GetObjectItem(j, "schema")->valuestring, "statuslog-diagnostics/1");
    cJSON *first = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "diagnostics"), 0);
    ck_assert_str_eq(cJSON_GetObjectItem(first, "rule")->valuestring, "open-checklist");
    ck_assert_int_eq(cJSON_GetObjectItem(first, "line")->valueint, 2);
    ck_assert_int_eq(cJSON_GetObjectItem(first, "column")->valueint, 1);
    ck_assert(cJSON_IsFalse(cJSON_GetObjectItem(first, "fixable")));
    cJSON *third = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "diagnostics"), 2);
    ck_assert(cJSON_IsTrue(cJSON_GetObjectItem(third, "fixable")));
    cJSON *summary = cJSON_GetObjectItem(j, "summary");
    ck_assert_int_eq(cJSON_GetObjectItem(summary, "error")->valueint, 1);
    ck_assert_int_eq(cJSON_GetObjectItem(summary, "warning")->valueint, 1);
    ck_assert_int_eq(cJSON_GetObjectItem(summary, "info")->valueint, 1);
    cJSON_Delete(j);
    free(json);
    slog_diags_free(&diags);
}
END_TEST

START_TEST(sarif_structure)
{
    slog_diags diags = {0};
    slog_diags_add(&diags, SLOG_RULE_STALE_ITEM, SLOG_SEV_WARNING, "docs/plan.md", 12, "stale");
    char *out = report(SLOG_FORMAT_SARIF, &diags);
    cJSON *j = cJSON_Parse(out);
    ck_assert_str_eq(cJSON_GetObjectItem(j, "version")->valuestring, "2.1.0");
    cJSON *run = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "runs"), 0);
    cJSON *driver = cJSON_GetObjectItem(cJSON_GetObjectItem(run, "tool"), "driver");
    ck_assert_str_eq(cJSON_GetObjectItem(driver, "name")->valuestring, "statuslog");
    cJSON *rules = cJSON_GetObjectItem(driver, "rules");
    ck_assert_int_eq(cJSON_GetArraySize(rules), SLOG_RULE_COUNT);
    cJSON *rule0 = cJSON_GetArrayItem(rules, 0);
    ck_assert_str_eq(cJSON_GetObjectItem(rule0, "id")->valuestring, "entry-order");
    cJSON *res = cJSON_GetArrayItem(cJSON_GetObjectItem(run, "results"), 0);
    ck_assert_str_eq(cJSON_GetObjectItem(res, "ruleId")->valuestring, "stale-item");
    ck_assert_str_eq(cJSON_GetObjectItem(res, "level")->valuestring, "warning");
    ck_assert_int_eq(cJSON_GetObjectItem(res, "ruleIndex")->valueint, SLOG_RULE_STALE_ITEM);
    cJSON *loc = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(res, "locations"), 0),
                                     "physicalLocation");
    ck_assert_str_eq(
        cJSON_GetObjectItem(cJSON_GetObjectItem(loc, "artifactLocation"), "uri")->valuestring,
        "docs/plan.md");
    ck_assert_int_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(loc, "region"), "startLine")->valueint,
                     12);
    cJSON_Delete(j);
    free(out);
    slog_diags_free(&diags);
}
END_TEST

/* Lint as of a past day: the entries written later are not there yet. */
START_TEST(as_of_a_day)
{
    const char *md = "# Log\n\n## Status (2026-03-01)\n\n- ⏳ migrate the billing tables\n\n"
                     "## Status (2026-03-20)\n\n- ⏳ migrate the billing tables\n\n"
                     "## Status (2026-04-10)\n\n- ✅ migrate the billing tables\n\n"
                     "## Status (2026-04-10)\n\n- ✅ duplicate\n";
    slog_doc *d = parse_str(md);
    slog_error err;
    for (int as_of = 0; as_of <= 1; as_of++) {
        slog_diags diags = {0};
        slog_lint_options lo = {SLOG_LINT_OPTIONS_VERSION, NULL, day_of("2026-03-25"), as_of};
        ck_assert_int_eq(slog_lint(d, &lo, &diags, &err), SLOG_OK);
        size_t stale = 0, future = 0, dup = 0;
        for (size_t i = 0; i < diags.count; i++) {
            stale += diags.items[i].rule == SLOG_RULE_STALE_ITEM;
            future += diags.items[i].rule == SLOG_RULE_FUTURE_ENTRY;
            dup += diags.items[i].rule == SLOG_RULE_DUPLICATE_ENTRY;
        }
        /* today: the task is done (in the future) and two entries are in the
         * future; as of the day: the task was open for 24 days, and nothing
         * after it exists */
        ck_assert_uint_eq(stale, as_of ? 1 : 0);
        ck_assert_uint_eq(future, as_of ? 0 : 2);
        ck_assert_uint_eq(dup, as_of ? 0 : 1);
        slog_diags_free(&diags);
    }
    unsigned char stale[8] = {0};
    ck_assert_int_eq(slog_stale_threads(d, NULL, day_of("2026-03-25"), stale, &err), SLOG_OK);
    ck_assert_uint_eq(d->nthreads, 1);
    ck_assert_uint_eq(stale[0], 1);
    ck_assert_int_eq(slog_stale_threads(d, NULL, day_of("2026-03-10"), stale, &err), SLOG_OK);
    ck_assert_uint_eq(stale[0], 0); /* 9 days old then */
    ck_assert_int_eq(slog_stale_threads(d, NULL, day_of("2026-04-12"), stale, &err), SLOG_OK);
    ck_assert_uint_eq(stale[0], 0); /* done by then */
    slog_doc_free(d);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("lint");
    TCase *tc = tcase_create("rules");
    tcase_add_test(tc, entry_order);
    tcase_add_test(tc, as_of_a_day);
    tcase_add_test(tc, invalid_and_future_dates);
    tcase_add_test(tc, duplicate_entry);
    tcase_add_test(tc, stale_item);
    tcase_add_test(tc, duplicate_entry_r2);
    tcase_add_test(tc, stale_item_r2);
    tcase_add_test(tc, threads_follow_the_task_not_generic_words);
    tcase_add_test(tc, repeated_entry_r2);
    tcase_add_test(tc, empty_entry_r2);
    tcase_add_test(tc, weekday_mismatch_is_invalid_date);
    tcase_add_test(tc, threads_link_rewordings_not_strangers);
    tcase_add_test(tc, threads_in_cjk_text);
    tcase_add_test(tc, empty_entry_and_before_document);
    tcase_add_test(tc, repeated_entry);
    tcase_add_test(tc, checklists_and_unmarked);
    tcase_add_test(tc, encoding_rules);
    tcase_add_test(tc, instants);
    tcase_add_test(tc, no_entries);
    suite_add_tcase(s, tc);
    TCase *rep = tcase_create("reporters");
    tcase_add_test(rep, github_escaping);
    tcase_add_test(rep, text_and_json_formats);
    tcase_add_test(rep, sarif_structure);
    suite_add_tcase(s, rep);
    return run_suite(s);
}
