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
    const char *md = "# Intern notes\n\n### June 1, 2021\n* set up the build machine\n\n"
                     "### June 2\n* read about layers, see http://example.org/blog/2015/03/10/x/\n\n"
                     "### June 3\n* trimmed the image\n\n### June 4\n* wrote the setup doc\n";
    slog_doc *d = parse_str(md);
    ck_assert_uint_eq(d->nentries, 4);
    ck_assert_str_eq(d->entries[3]->date, "2021-06-04");
    slog_doc_free(d);
    ck_assert_int_eq(count_rule(md, "2026-12-07", SLOG_RULE_ENTRY_ORDER, NULL), 0);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("review");
    TCase *tc = tcase_create("review");
    tcase_add_test(tc, a_week_number_is_no_day);
    tcase_add_test(tc, a_web_address_gives_no_year);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
