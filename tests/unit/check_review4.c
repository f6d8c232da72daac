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
    slog_interner_start(&t);
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

int main(void)
{
    Suite *s = suite_create("review4");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, word_ids_of_a_document_and_their_classes);
    tcase_add_test(tc, a_calendar_of_empty_days);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
