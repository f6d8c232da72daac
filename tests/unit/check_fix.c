/* SPDX-License-Identifier: BSD-2-Clause */
/* fix (SPEC §7) on small documents: whole sections move with what is
 * nested in them, every other byte is kept, files without a final line end,
 * nothing to do gives the same bytes. */
#include "helpers.h"

static char *fixed(const char *in, unsigned repairs, slog_fix_summary *s)
{
    slog_fix_options o = {SLOG_FIX_OPTIONS_VERSION, NULL, repairs, "t.md", 0};
    char *out;
    size_t n;
    slog_error err;
    ck_assert_int_eq(slog_fix_buffer(in, strlen(in), &o, &out, &n, s, &err), SLOG_OK);
    ck_assert_uint_eq(strlen(out), n);
    return out;
}

START_TEST(nothing_to_do_keeps_every_byte)
{
    const char *in = "# T\r\n\r\n## S (2026-03-01)\r\n- ✅ a\r\n\r\n## S (2026-03-02)\r\n- ✅ b";
    slog_fix_summary s;
    char *out = fixed(in, 0, &s);
    ck_assert_str_eq(out, in);
    ck_assert(!s.moved && !s.merged && !s.encoding);
    free(out);
}
END_TEST

START_TEST(a_section_moves_with_its_nested_entries)
{
    const char *in = "# T\n\n## S (2026-03-01)\n- ✅ a\n\n## S (2026-03-03)\n- ✅ c\n\n"
                     "## S (2026-03-02)\n- ✅ b\n\n### Run (2026-03-02 10:00)\n- ✅ b1\n\n"
                     "## S (2026-03-04)\n- ✅ d\n";
    slog_fix_summary s;
    char *out = fixed(in, SLOG_FIX_ORDER, &s);
    ck_assert_str_eq(out, "# T\n\n## S (2026-03-01)\n- ✅ a\n\n## S (2026-03-02)\n- ✅ b\n\n"
                          "### Run (2026-03-02 10:00)\n- ✅ b1\n\n## S (2026-03-03)\n- ✅ c\n\n"
                          "## S (2026-03-04)\n- ✅ d\n");
    ck_assert_uint_eq(s.moved, 1);
    free(out);
}
END_TEST

/* An entry's section runs to its last block, a code block or a block of
 * HTML too (leaf blocks, which the walk sees only once): it moves with it. */
START_TEST(a_section_moves_with_its_code_and_html)
{
    const char *in = "# T\n\n## S (2026-03-01)\n- a\n\n## S (2026-03-03)\n- c\n\n"
                     "## S (2026-03-02)\n- b\n\n```\noutput B\n```\n\n<p>note B</p>\n";
    slog_fix_summary s;
    char *out = fixed(in, SLOG_FIX_ORDER, &s);
    ck_assert_str_eq(out, "# T\n\n## S (2026-03-01)\n- a\n\n## S (2026-03-02)\n- b\n\n"
                          "```\noutput B\n```\n\n<p>note B</p>\n\n## S (2026-03-03)\n- c\n");
    ck_assert_uint_eq(s.moved, 1);
    free(out);
}
END_TEST

START_TEST(a_list_keeps_the_blank_line_after_it)
{
    /* the last item of a dated list moves up: the blank line between the
     * list and the next heading is the list's, not the item's */
    const char *in = "# Log\n\n## Diary\n\n- 2026-03-02: one\n- 2026-03-03: two\n"
                     "- 2026-03-01: late\n\n## Notes\n\nText.\n";
    slog_fix_summary s;
    char *out = fixed(in, SLOG_FIX_ORDER, &s);
    ck_assert_str_eq(out, "# Log\n\n## Diary\n\n- 2026-03-01: late\n- 2026-03-02: one\n"
                          "- 2026-03-03: two\n\n## Notes\n\nText.\n");
    ck_assert_uint_eq(s.moved, 1);
    free(out);
    /* and a log of dated lines, the same way */
    in = "# Log\n\n## Diary\n\n[2026-03-02-001] - one\n[2026-03-03-001] - two\n"
         "[2026-03-01-001] - late\n\n## Notes\n\nText.\n";
    out = fixed(in, SLOG_FIX_ORDER, &s);
    ck_assert_str_eq(out, "# Log\n\n## Diary\n\n[2026-03-01-001] - late\n[2026-03-02-001] - one\n"
                          "[2026-03-03-001] - two\n\n## Notes\n\nText.\n");
    ck_assert_uint_eq(s.moved, 1);
    free(out);
}
END_TEST

START_TEST(the_last_line_without_a_line_end)
{
    /* the misplaced entry is the file's end, without a line end */
    const char *in =
        "## S (2026-03-02)\n- ✅ b\n\n## S (2026-03-03)\n- ✅ c\n\n## S (2026-03-01)\n- ✅ a";
    slog_fix_summary s;
    char *out = fixed(in, 0, &s);
    ck_assert_str_eq(out, "## S (2026-03-01)\n- ✅ a\n\n## S (2026-03-02)\n- ✅ b\n\n"
                          "## S (2026-03-03)\n- ✅ c\n");
    free(out);
    /* an entry moved after the last line, which has no line end */
    in = "## S (2026-03-02)\n- ✅ b\n\n## S (2026-03-03)\n- ✅ c\n\n## S (2026-03-01)\n- ✅ a\n\n"
         "## S (2026-03-04)\n- ✅ d";
    out = fixed(in, 0, &s);
    ck_assert_str_eq(out, "## S (2026-03-01)\n- ✅ a\n\n## S (2026-03-02)\n- ✅ b\n\n"
                          "## S (2026-03-03)\n- ✅ c\n\n## S (2026-03-04)\n- ✅ d");
    free(out);
}
END_TEST

START_TEST(a_duplicate_goes_into_the_first)
{
    const char *in = "## S (2026-03-01)\nSome text.\n\n## S (2026-03-02)\n- ✅ b\n\n"
                     "## S (2026-03-01)\n- ✅ a\n- ✅ a2\n";
    slog_fix_summary s;
    char *out = fixed(in, SLOG_FIX_DUPLICATES, &s);
    /* the first had no list: a blank line, then the items */
    ck_assert_str_eq(
        out, "## S (2026-03-01)\nSome text.\n\n- ✅ a\n- ✅ a2\n\n## S (2026-03-02)\n- ✅ b\n");
    ck_assert_uint_eq(s.merged, 1);
    ck_assert_uint_eq(s.items_moved, 2);
    free(out);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("fix");
    TCase *tc = tcase_create("fix");
    tcase_add_test(tc, nothing_to_do_keeps_every_byte);
    tcase_add_test(tc, a_section_moves_with_its_nested_entries);
    tcase_add_test(tc, the_last_line_without_a_line_end);
    tcase_add_test(tc, a_section_moves_with_its_code_and_html);
    tcase_add_test(tc, a_duplicate_goes_into_the_first);
    tcase_add_test(tc, a_list_keeps_the_blank_line_after_it);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
