/* SPDX-License-Identifier: BSD-2-Clause */
/* check: each rule positive and negative, on variants of one document. */
#include "helpers.h"

static const char *BASE = "# Plan\n\n"
                          "## Status (2025-10-01)\n"
                          "- ✅ Reran the indexer suite; all tests pass\n"
                          "- 🔜 Schedule the load test with SRE\n\n"
                          "## Status (2025-10-02)\n"
                          "- ✅ Shipped the change feed reader\n\n"
                          "## Checklist\n"
                          "- [x] Feature flag created\n"
                          "- [ ] Runbook reviewed\n";

/* Findings of `current` against BASE: count of `rule`, line of the first. */
static int findings(const char *current, slog_rule rule, int *line, char *message, size_t size)
{
    slog_doc *cur = parse_str(current), *base = parse_str(BASE);
    slog_diags diags = {0};
    slog_error err;
    ck_assert_int_eq(slog_check(cur, base, NULL, &diags, &err), SLOG_OK);
    slog_diags_sort(&diags);
    int n = 0;
    for (size_t i = 0; i < diags.count; i++)
        if (diags.items[i].rule == rule && n++ == 0) {
            if (line)
                *line = diags.items[i].line;
            if (message)
                snprintf(message, size, "%s", diags.items[i].message);
        }
    size_t total = diags.count;
    slog_diags_free(&diags);
    slog_doc_free(cur);
    slog_doc_free(base);
    return rule == SLOG_RULE_COUNT ? (int)total : n;
}

static char *edit(const char *from, const char *to)
{
    const char *at = strstr(BASE, from);
    ck_assert_ptr_nonnull(at);
    size_t n = strlen(BASE) - strlen(from) + strlen(to);
    char *s = malloc(n + 1);
    size_t pre = (size_t)(at - BASE);
    memcpy(s, BASE, pre);
    strcpy(s + pre, to);
    strcat(s, at + strlen(from));
    return s;
}

#define NONE(doc) ck_assert_int_eq(findings(doc, SLOG_RULE_COUNT, NULL, NULL, 0), 0)

START_TEST(no_regressions)
{
    NONE(BASE);
    /* re-ordered entries */
    char *s = edit("## Status (2025-10-01)\n- ✅ Reran the indexer suite; all tests pass\n"
                   "- 🔜 Schedule the load test with SRE\n\n## Status (2025-10-02)\n"
                   "- ✅ Shipped the change feed reader\n",
                   "## Status (2025-10-02)\n- ✅ Shipped the change feed reader\n\n"
                   "## Status (2025-10-01)\n- ✅ Reran the indexer suite; all tests pass\n"
                   "- 🔜 Schedule the load test with SRE\n");
    NONE(s);
    free(s);
    /* an appended entry, items appended to an old entry, a checked box */
    s = edit("\n## Checklist", "- ✅ Also this\n\n## Status (2025-10-03)\n- ✅ New\n\n## Checklist");
    NONE(s);
    free(s);
    s = edit("- [ ] Runbook reviewed", "- [x] Runbook reviewed");
    NONE(s);
    free(s);
    /* progress on an old item is no regression either */
    s = edit("- 🔜 Schedule the load test", "- ✅ Schedule the load test");
    NONE(s);
    free(s);
    /* re-spacing and re-casing keep the identity */
    s = edit("- ✅ Shipped the change feed reader", "-   ✅ shipped the  change feed reader");
    NONE(s);
    free(s);
}
END_TEST

START_TEST(checklist_regressed_and_removed)
{
    char *s = edit("- [x] Feature flag created", "- [ ] Feature flag created");
    int line;
    char msg[512];
    ck_assert_int_eq(findings(s, SLOG_RULE_CHECKLIST_REGRESSED, &line, msg, sizeof msg), 1);
    ck_assert_int_eq(line, 11);
    ck_assert_ptr_nonnull(strstr(msg, "baseline line 11"));
    free(s);
    s = edit("- [ ] Runbook reviewed\n", "");
    ck_assert_int_eq(findings(s, SLOG_RULE_CHECKLIST_REMOVED, NULL, msg, sizeof msg), 1);
    ck_assert_ptr_nonnull(strstr(msg, "Runbook reviewed"));
    free(s);
}
END_TEST

START_TEST(entry_removed)
{
    char *s = edit("## Status (2025-10-02)\n- ✅ Shipped the change feed reader\n\n", "");
    char msg[512];
    ck_assert_int_eq(findings(s, SLOG_RULE_ENTRY_REMOVED, NULL, msg, sizeof msg), 1);
    ck_assert_ptr_nonnull(strstr(msg, "'Status (2025-10-02)' (baseline line 7) is gone"));
    free(s);
    /* a changed date is a removed entry (and a new one) */
    s = edit("## Status (2025-10-02)", "## Status (2025-10-12)");
    ck_assert_int_eq(findings(s, SLOG_RULE_ENTRY_REMOVED, NULL, NULL, 0), 1);
    free(s);
}
END_TEST

START_TEST(entry_rewritten)
{
    int line;
    char msg[512];
    char *s =
        edit("Reran the indexer suite; all tests pass", "Reran the indexer suite; 3 tests fail");
    ck_assert_int_eq(findings(s, SLOG_RULE_ENTRY_REWRITTEN, &line, msg, sizeof msg), 1);
    ck_assert_int_eq(line, 4);
    ck_assert_ptr_nonnull(strstr(msg, "baseline line 4 was 'Reran the indexer suite; all tests "
                                      "pass', now 'Reran the indexer suite; 3 tests fail'"));
    free(s);
    s = edit("- 🔜 Schedule the load test with SRE\n", "");
    ck_assert_int_eq(findings(s, SLOG_RULE_ENTRY_REWRITTEN, &line, msg, sizeof msg), 1);
    ck_assert_ptr_nonnull(strstr(msg, "is gone: 'Schedule the load test with SRE'"));
    free(s);
}
END_TEST

START_TEST(item_regressed)
{
    int line;
    char *s = edit("- ✅ Shipped the change feed reader", "- 🔜 Shipped the change feed reader");
    ck_assert_int_eq(findings(s, SLOG_RULE_ITEM_REGRESSED, &line, NULL, 0), 1);
    ck_assert_int_eq(line, 8);
    ck_assert_int_eq(findings(s, SLOG_RULE_ENTRY_REWRITTEN, NULL, NULL, 0), 0);
    free(s);
}
END_TEST

START_TEST(documents_without_entries)
{
    slog_doc *a = parse_str("# Plan\n"), *b = parse_str("");
    slog_diags diags = {0};
    slog_error err;
    ck_assert_int_eq(slog_check(a, b, NULL, &diags, &err), SLOG_OK);
    ck_assert_int_eq(slog_check(b, a, NULL, &diags, &err), SLOG_OK);
    ck_assert_uint_eq(diags.count, 0);
    slog_diags_free(&diags);
    slog_doc_free(a);
    slog_doc_free(b);
}
END_TEST

START_TEST(text_similarity)
{
    ck_assert(slog_text_similarity("Reran the suite", "reran the suite") == 1.0);
    ck_assert(slog_text_similarity("Reran the indexer suite; all pass",
                                   "Reran the indexer suite; 3 fail") >= SLOG_REWORD_THRESHOLD);
    ck_assert(slog_text_similarity("Shipped the feed", "Booked the venue") < 0.3);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("check");
    TCase *tc = tcase_create("rules");
    tcase_add_test(tc, no_regressions);
    tcase_add_test(tc, checklist_regressed_and_removed);
    tcase_add_test(tc, entry_removed);
    tcase_add_test(tc, entry_rewritten);
    tcase_add_test(tc, item_regressed);
    tcase_add_test(tc, text_similarity);
    tcase_add_test(tc, documents_without_entries);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
