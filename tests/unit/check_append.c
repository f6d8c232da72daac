/* SPDX-License-Identifier: BSD-2-Clause */
/* append: placement, byte preservation, dedupe, escaping, errors, the safe
 * file update, and --run. */
#include "helpers.h"
#include "text.h"

#include <sys/stat.h>
#include <unistd.h>

static slog_append_item items1[1];

static char *append(const char *doc, const char *date, const char *label, slog_state state,
                    const char *text, slog_append_summary *sum)
{
    items1[0] = (slog_append_item){state, text};
    slog_append_request r = {date, label, items1, 1};
    char *out;
    size_t n;
    slog_error err;
    slog_append_summary s;
    ck_assert_msg(slog_append_buffer(doc, strlen(doc), &r, NULL, &out, &n, sum ? sum : &s, &err) ==
                      SLOG_OK,
                  "%s", err.message);
    ck_assert_uint_eq(strlen(out), n);
    return out;
}

#define EXPECT_APPEND(doc, date, label, text, want)                                                \
    do {                                                                                           \
        char *got_ = append(doc, date, label, SLOG_STATE_DONE, text, NULL);                        \
        ck_assert_str_eq(got_, want);                                                              \
        free(got_);                                                                                \
    } while (0)

static const char *LOG = "# Log\n\n## Status (2025-10-01)\n- ✅ one\n\n"
                         "## Status (2025-10-03)\n- ✅ three\n  - child\n\n## Notes\ntext\n";

START_TEST(same_date_goes_to_the_end_of_its_list)
{
    EXPECT_APPEND(LOG, "2025-10-01", NULL, "more",
                  "# Log\n\n## Status (2025-10-01)\n- ✅ one\n- ✅ more\n\n"
                  "## Status (2025-10-03)\n- ✅ three\n  - child\n\n## Notes\ntext\n");
    EXPECT_APPEND(
        LOG, "2025-10-03", NULL, "after child",
        "# Log\n\n## Status (2025-10-01)\n- ✅ one\n\n"
        "## Status (2025-10-03)\n- ✅ three\n  - child\n- ✅ after child\n\n## Notes\ntext\n");
}
END_TEST

START_TEST(new_dates_keep_a_sorted_log_sorted)
{
    /* between */
    EXPECT_APPEND(LOG, "2025-10-02", NULL, "two",
                  "# Log\n\n## Status (2025-10-01)\n- ✅ one\n\n## Status (2025-10-02)\n- ✅ two\n\n"
                  "## Status (2025-10-03)\n- ✅ three\n  - child\n\n## Notes\ntext\n");
    /* after the last entry (today's entry lands at the end of the log) */
    EXPECT_APPEND(
        LOG, "2025-10-04", NULL, "four",
        "# Log\n\n## Status (2025-10-01)\n- ✅ one\n\n"
        "## Status (2025-10-03)\n- ✅ three\n  - child\n\n## Status (2025-10-04)\n- ✅ four\n"
        "\n## Notes\ntext\n");
    /* before the first entry */
    EXPECT_APPEND(LOG, "2025-09-30", NULL, "zero",
                  "# Log\n\n## Status (2025-09-30)\n- ✅ zero\n\n## Status (2025-10-01)\n- ✅ one\n\n"
                  "## Status (2025-10-03)\n- ✅ three\n  - child\n\n## Notes\ntext\n");
    /* another label on the same date is another entry */
    EXPECT_APPEND(
        LOG, "2025-10-01", "Deploy", "shipped",
        "# Log\n\n## Status (2025-10-01)\n- ✅ one\n\n## Deploy (2025-10-01)\n- ✅ shipped\n"
        "\n## Status (2025-10-03)\n- ✅ three\n  - child\n\n## Notes\ntext\n");
}
END_TEST

START_TEST(no_entries_empty_file_no_final_newline)
{
    EXPECT_APPEND("# Plan\n\nSome text.\n", "2025-10-01", NULL, "x",
                  "# Plan\n\nSome text.\n\n## Status (2025-10-01)\n- ✅ x\n");
    EXPECT_APPEND("", "2025-10-01", NULL, "x", "## Status (2025-10-01)\n- ✅ x\n");
    EXPECT_APPEND("# Plan\n\nSome text.", "2025-10-01", NULL, "x",
                  "# Plan\n\nSome text.\n\n## Status (2025-10-01)\n- ✅ x\n");
    EXPECT_APPEND("## Status (2025-10-01)\n- ✅ a", "2025-10-01", NULL, "b",
                  "## Status (2025-10-01)\n- ✅ a\n- ✅ b\n");
    /* an entry without items: a list after its text */
    EXPECT_APPEND("## Status (2025-10-01)\nWords.\n\n## Other\n", "2025-10-01", NULL, "x",
                  "## Status (2025-10-01)\nWords.\n\n- ✅ x\n\n## Other\n");
    EXPECT_APPEND("## Status (2025-10-01)\n## Other\n", "2025-10-01", NULL, "x",
                  "## Status (2025-10-01)\n- ✅ x\n## Other\n");
}
END_TEST

START_TEST(heading_style_follows_the_document)
{
    EXPECT_APPEND("# L\n\n### Progress - 2025-10-12T12:34:56-06:00\n- ✅ a\n",
                  "2025-10-13T09:00-06:00", "Progress", "b",
                  "# L\n\n### Progress - 2025-10-12T12:34:56-06:00\n- ✅ a\n\n"
                  "### Progress - 2025-10-13T09:00-06:00\n- ✅ b\n");
    EXPECT_APPEND("# L\n\n## 2025-10-01 14:29 MDT — Command Log\n- ✅ a\n", "2025-10-02",
                  "Command Log", "b",
                  "# L\n\n## 2025-10-01 14:29 MDT — Command Log\n- ✅ a\n\n"
                  "## 2025-10-02 — Command Log\n- ✅ b\n");
    /* a label the document has not used: default style at the entries' level */
    EXPECT_APPEND("# L\n\n### Run 2025-10-01\n- ✅ a\n", "2025-10-02", "Status", "b",
                  "# L\n\n### Run 2025-10-01\n- ✅ a\n\n### Status (2025-10-02)\n- ✅ b\n");
    /* a thematic break is no paragraph: the setext heading after it keeps its date */
    EXPECT_APPEND("# L\n\n---\nRun 2025-10-01\n---\n- ✅ a\n", "2025-10-01", "Run", "b",
                  "# L\n\n---\nRun 2025-10-01\n---\n- ✅ a\n- ✅ b\n");
    /* bullet character of the list */
    EXPECT_APPEND("## Status (2025-10-01)\n* ✅ a\n", "2025-10-01", NULL, "b",
                  "## Status (2025-10-01)\n* ✅ a\n* ✅ b\n");
}
END_TEST

/* SPEC §4 r2: a new entry looks like its neighbours and goes where the log's
 * direction puts it. */
START_TEST(newest_first_logs_get_new_entries_on_top)
{
    static const char *NF = "# Log\n\nIntro.\n\n## 2026-03-11\n- ✅ c\n\n## 2026-03-09\n- ✅ a\n";
    /* today's entry at the top of the log, under what precedes it */
    EXPECT_APPEND(NF, "2026-03-12", NULL, "d",
                  "# Log\n\nIntro.\n\n## 2026-03-12\n- ✅ d\n\n## 2026-03-11\n- ✅ c\n\n"
                  "## 2026-03-09\n- ✅ a\n");
    /* a date in between goes between */
    EXPECT_APPEND(NF, "2026-03-10", NULL, "b",
                  "# Log\n\nIntro.\n\n## 2026-03-11\n- ✅ c\n\n## 2026-03-10\n- ✅ b\n\n"
                  "## 2026-03-09\n- ✅ a\n");
    /* older than every entry: at the bottom */
    EXPECT_APPEND(NF, "2026-03-01", NULL, "z",
                  "# Log\n\nIntro.\n\n## 2026-03-11\n- ✅ c\n\n## 2026-03-09\n- ✅ a\n\n"
                  "## 2026-03-01\n- ✅ z\n");
    /* the result still lints as a sorted newest-first log */
    char *out = append(NF, "2026-03-12", NULL, SLOG_STATE_DONE, "d", NULL);
    slog_doc *d = parse_str(out);
    ck_assert_int_eq(d->logs[0].direction, SLOG_NEWEST_FIRST);
    ck_assert_uint_eq(d->logs[0].nentries, 3);
    slog_doc_free(d);
    free(out);
}
END_TEST

START_TEST(grouped_logs_get_new_entries_by_date)
{
    /* weeks newest-first, days oldest-first: after the latest earlier day,
     * in whichever week it stands */
    const char *weeks = "## Week 12\n### Mon 16 Mar 2026\n- ✅ a\n### Tue 17 Mar 2026\n- ✅ b\n"
                        "## Week 11\n### Mon 9 Mar 2026\n- ✅ c\n### Tue 10 Mar 2026\n- ✅ d\n";
    EXPECT_APPEND(weeks, "2026-03-18", NULL, "x",
                  "## Week 12\n### Mon 16 Mar 2026\n- ✅ a\n### Tue 17 Mar 2026\n- ✅ b\n\n"
                  "### Wed 18 Mar 2026\n- ✅ x\n"
                  "## Week 11\n### Mon 9 Mar 2026\n- ✅ c\n### Tue 10 Mar 2026\n- ✅ d\n");
    EXPECT_APPEND(weeks, "2026-03-11", NULL, "x",
                  "## Week 12\n### Mon 16 Mar 2026\n- ✅ a\n### Tue 17 Mar 2026\n- ✅ b\n"
                  "## Week 11\n### Mon 9 Mar 2026\n- ✅ c\n### Tue 10 Mar 2026\n- ✅ d\n\n"
                  "### Wed 11 Mar 2026\n- ✅ x\n");
    EXPECT_APPEND(weeks, "2026-03-02", NULL, "x",
                  "## Week 12\n### Mon 16 Mar 2026\n- ✅ a\n### Tue 17 Mar 2026\n- ✅ b\n"
                  "## Week 11\n### Mon 2 Mar 2026\n- ✅ x\n\n### Mon 9 Mar 2026\n- ✅ c\n"
                  "### Tue 10 Mar 2026\n- ✅ d\n");
}
END_TEST

START_TEST(new_entries_look_like_their_neighbours)
{
    EXPECT_APPEND("## Mar 9, 2026\n- ✅ a\n", "2026-03-10", NULL, "b",
                  "## Mar 9, 2026\n- ✅ a\n\n## Mar 10, 2026\n- ✅ b\n");
    EXPECT_APPEND("### Tue 3 Mar 2026\n- ✅ a\n", "2026-03-04", NULL, "b",
                  "### Tue 3 Mar 2026\n- ✅ a\n\n### Wed 4 Mar 2026\n- ✅ b\n");
    EXPECT_APPEND("## March 9th, 2026 (Monday)\n- ✅ a\n", "2026-03-11", NULL, "b",
                  "## March 9th, 2026 (Monday)\n- ✅ a\n\n## March 11th, 2026 (Wednesday)\n- ✅ b\n");
    EXPECT_APPEND("## 3/9/2026 2 PM - Wiring\n- ✅ a\n", "2026-03-10T15:30", "Wiring", "b",
                  "## 3/9/2026 2 PM - Wiring\n- ✅ a\n\n## 3/10/2026 3:30 PM - Wiring\n- ✅ b\n");
    /* an ISO date with a time: the template's separator before the time */
    EXPECT_APPEND("## 2025-10-01 14:29 MDT — Command Log\n- ✅ a\n", "2025-10-02T09:00-06:00",
                  "Command Log", "b",
                  "## 2025-10-01 14:29 MDT — Command Log\n- ✅ a\n\n"
                  "## 2025-10-02 09:00 -06:00 — Command Log\n- ✅ b\n");
    EXPECT_APPEND("### Progress - 2025-10-12T12:34:56-06:00\n- ✅ a\n", "2025-10-13T09:00:00-06:00",
                  "Progress", "b",
                  "### Progress - 2025-10-12T12:34:56-06:00\n- ✅ a\n\n"
                  "### Progress - 2025-10-13T09:00:00-06:00\n- ✅ b\n");
    /* a range of days: the new entry has its own day, not the range's end */
    EXPECT_APPEND("## 9–13 March 2026\n- ✅ a\n", "2026-03-16", NULL, "b",
                  "## 9–13 March 2026\n- ✅ a\n\n## 16 March 2026\n- ✅ b\n");
    EXPECT_APPEND("## Mar 16–20, 2026\n- ✅ a\n", "2026-03-23", NULL, "b",
                  "## Mar 16–20, 2026\n- ✅ a\n\n## Mar 23, 2026\n- ✅ b\n");
    /* a weekday written after an ISO date is written for the new day too */
    EXPECT_APPEND("## 2026-03-09 (Mon) — Standup\n- ✅ a\n", "2026-03-10", "Standup", "b",
                  "## 2026-03-09 (Mon) — Standup\n- ✅ a\n\n## 2026-03-10 (Tue) — Standup\n"
                  "- ✅ b\n");
    EXPECT_APPEND("## 2026-03-12（木）振り返り\n- ✅ a\n", "2026-03-13", "振り返り", "b",
                  "## 2026-03-12（木）振り返り\n- ✅ a\n\n## 2026-03-13（金）振り返り\n- ✅ b\n");
    /* other languages: the log's own month and weekday names and forms */
    EXPECT_APPEND("## Montag, 9. März 2026\n- ✅ a\n", "2026-05-01", NULL, "b",
                  "## Montag, 9. März 2026\n- ✅ a\n\n## Freitag, 1. Mai 2026\n- ✅ b\n");
    EXPECT_APPEND("## 2 MÄRZ 2026\n- ✅ a\n", "2026-12-03", NULL, "b",
                  "## 2 MÄRZ 2026\n- ✅ a\n\n## 3 DEZEMBER 2026\n- ✅ b\n");
    /* compact and spaced forms keep theirs */
    EXPECT_APPEND("## 1.0.2 (260309)\n- ✅ a\n", "2026-03-10", "1.0.2", "b",
                  "## 1.0.2 (260309)\n- ✅ a\n\n## 1.0.2 (260310)\n- ✅ b\n");
    EXPECT_APPEND("## 20260309\n- ✅ a\n", "2026-03-10", NULL, "b",
                  "## 20260309\n- ✅ a\n\n## 20260310\n- ✅ b\n");
    EXPECT_APPEND("## 14 - 17 January 2026\n- ✅ a\n", "2026-01-19", NULL, "b",
                  "## 14 - 17 January 2026\n- ✅ a\n\n## 19 January 2026\n- ✅ b\n");
    /* Turkish, Russian and Polish: capitals beyond Latin-1, Slavic genitives */
    EXPECT_APPEND("## 3 Ocak 2026 - Cumartesi\n- ✅ a\n", "2026-02-03", NULL, "b",
                  "## 3 Ocak 2026 - Cumartesi\n- ✅ a\n\n## 3 Şubat 2026 - Salı\n- ✅ b\n");
    EXPECT_APPEND("## 3 февраля 2026, вторник\n- ✅ a\n", "2026-12-07", NULL, "b",
                  "## 3 февраля 2026, вторник\n- ✅ a\n\n## 7 декабря 2026, понедельник\n"
                  "- ✅ b\n");
    EXPECT_APPEND("## Środa, 4 lutego 2026\n- ✅ a\n", "2026-12-10", NULL, "b",
                  "## Środa, 4 lutego 2026\n- ✅ a\n\n## Czwartek, 10 grudnia 2026\n- ✅ b\n");
    EXPECT_APPEND("### 1er mars 2026\n- ✅ a\n", "2026-04-01", NULL, "b",
                  "### 1er mars 2026\n- ✅ a\n\n### 1er avril 2026\n- ✅ b\n");
    EXPECT_APPEND("## lunes, 9 de marzo de 2026\n- ✅ a\n", "2026-03-10", NULL, "b",
                  "## lunes, 9 de marzo de 2026\n- ✅ a\n\n## martes, 10 de marzo de 2026\n"
                  "- ✅ b\n");
    EXPECT_APPEND("## 2026年3月9日（月）\n- ✅ a\n", "2026-03-12", NULL, "b",
                  "## 2026年3月9日（月）\n- ✅ a\n\n## 2026年3月12日（木）\n- ✅ b\n");
    EXPECT_APPEND("## 2026년 03월 09일 (월)\n- ✅ a\n", "2026-03-10", NULL, "b",
                  "## 2026년 03월 09일 (월)\n- ✅ a\n\n## 2026년 03월 10일 (화)\n- ✅ b\n");
    EXPECT_APPEND("## 2026年3月9日 星期一\n- ✅ a\n", "2026-03-15", NULL, "b",
                  "## 2026年3月9日 星期一\n- ✅ a\n\n## 2026年3月15日 星期日\n- ✅ b\n");
    /* a label the log does not share: "Status", the date in the log's style */
    EXPECT_APPEND("## A 2026-03-09\n- ✅ a\n## B 2026-03-10\n- ✅ b\n", "2026-03-11", NULL, "c",
                  "## A 2026-03-09\n- ✅ a\n## B 2026-03-10\n- ✅ b\n\n## Status (2026-03-11)\n"
                  "- ✅ c\n");
    /* a new label in a log whose headings open with the date: the date first
     * there too, not "## Deploy (2026-03-11 (Wed))" */
    EXPECT_APPEND("## 2026-03-10 (Tue)\n- ✅ a\n", "2026-03-11", "Deploy", "b",
                  "## 2026-03-10 (Tue)\n- ✅ a\n\n## 2026-03-11 (Wed) — Deploy\n- ✅ b\n");
    EXPECT_APPEND("### 2026년 3월 10일 (화)\n- ✅ a\n", "2026-03-11", "점검", "b",
                  "### 2026년 3월 10일 (화)\n- ✅ a\n\n### 2026년 3월 11일 (수) — 점검\n- ✅ b\n");
    /* a year-less log and a date of another year: the year is written, or the
     * entry would read back in the log's year */
    EXPECT_APPEND("## 2026\n\n### Mar 9\n- ✅ a\n", "2027-03-10", NULL, "b",
                  "## 2026\n\n### Mar 9\n- ✅ a\n\n### Mar 10, 2027\n- ✅ b\n");
    EXPECT_APPEND("Date: 2026-01-01\n\n## 9. März\n- ✅ a\n", "2026-03-10", NULL, "b",
                  "Date: 2026-01-01\n\n## 9. März\n- ✅ a\n\n## 10. März\n- ✅ b\n");
    EXPECT_APPEND("Date: 2026-01-01\n\n## 9 de marzo\n- ✅ a\n", "2027-03-10", NULL, "b",
                  "Date: 2026-01-01\n\n## 9 de marzo\n- ✅ a\n\n## 10 de marzo de 2027\n- ✅ b\n");
    EXPECT_APPEND("Date: 2026-01-01\n\n## 3月9日\n- ✅ a\n", "2027-03-10", NULL, "b",
                  "Date: 2026-01-01\n\n## 3月9日\n- ✅ a\n\n## 2027年3月10日\n- ✅ b\n");
    /* bold-line entries: a heading dated by its first paragraph, or bold dates */
    EXPECT_APPEND("## Incident 41\n**Reported**: 2026-03-09 20:23 EST\n- ✅ a\n", "2026-03-10",
                  "Incident 41", "b",
                  "## Incident 41\n**Reported**: 2026-03-09 20:23 EST\n- ✅ a\n\n## Incident 41\n"
                  "**Reported**: 2026-03-10\n- ✅ b\n");
    EXPECT_APPEND("## Notes\n\n**Mon 9 Mar 2026**\n\n- ✅ a\n\n**Tue 10 Mar 2026** — b\n\n- ✅ b\n",
                  "2026-03-11", NULL, "c",
                  "## Notes\n\n**Mon 9 Mar 2026**\n\n- ✅ a\n\n**Tue 10 Mar 2026** — b\n\n- ✅ b\n"
                  "\n**Wed 11 Mar 2026**\n\n- ✅ c\n");
}
END_TEST

START_TEST(list_item_logs_get_list_item_entries)
{
    static const char *WL = "# Worklog\n\n- 2026-03-09: Finished the parser\n"
                            "- 2026-03-10: ✅ Fixed the smoke test\n\n## Notes\n";
    EXPECT_APPEND(WL, "2026-03-11", NULL, "Wrote docs",
                  "# Worklog\n\n- 2026-03-09: Finished the parser\n"
                  "- 2026-03-10: ✅ Fixed the smoke test\n- 2026-03-11: ✅ Wrote docs\n\n## Notes\n");
    /* the same item on the same date is there already */
    slog_append_summary sum;
    char *out = append(WL, "2026-03-10", NULL, SLOG_STATE_DONE, "Fixed the smoke test", &sum);
    ck_assert_str_eq(out, WL);
    ck_assert_uint_eq(sum.skipped, 1);
    free(out);
    /* and the result reads back as entries of the log */
    out = append(WL, "2026-03-11", NULL, SLOG_STATE_NEXT, "Ship it", NULL);
    slog_doc *d = parse_str(out);
    ck_assert_uint_eq(d->nentries, 3);
    ck_assert_int_eq(d->entries[2]->kind, SLOG_ENTRY_LIST);
    ck_assert_int_eq(d->entries[2]->items->state, SLOG_STATE_NEXT);
    ck_assert_str_eq(d->entries[2]->items->text, "Ship it");
    slog_doc_free(d);
    free(out);
}
END_TEST

START_TEST(markers_by_state)
{
    static const struct {
        slog_state state;
        const char *line;
    } cases[] = {{SLOG_STATE_IN_PROGRESS, "- ⏳ t\n"},  {SLOG_STATE_NEXT, "- 🔜 t\n"},
                 {SLOG_STATE_BLOCKED, "- 🛑 t\n"},   {SLOG_STATE_FAILED, "- ❌ t\n"},
                 {SLOG_STATE_WARNING, "- ⚠️ t\n"}, {SLOG_STATE_NOTE, "- t\n"}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *out =
            append("## Status (2025-10-01)\n", "2025-10-01", NULL, cases[i].state, "t", NULL);
        ck_assert_ptr_nonnull(strstr(out, cases[i].line));
        slog_doc *d = parse_str(out);
        ck_assert_int_eq(d->entries[0]->items->state, cases[i].state);
        slog_doc_free(d);
        free(out);
    }
}
END_TEST

START_TEST(text_cannot_open_blocks)
{
    const char *nasty = "first line\n# heading?\n```\n---\n===\n1. list?\n> quote\n- bullet\n\n"
                        "<div>\n[ ] box";
    char *out = append(LOG, "2025-10-01", NULL, SLOG_STATE_NEXT, nasty, NULL);
    slog_doc *d = parse_str(out);
    ck_assert_uint_eq(d->nentries, 2);
    ck_assert_uint_eq(d->nsections, 1);
    const slog_item *it = d->entries[0]->items->next;
    ck_assert_ptr_nonnull(it);
    ck_assert_ptr_null(it->next);
    ck_assert_uint_eq(it->nchildren, 0);
    ck_assert_int_eq(it->state, SLOG_STATE_NEXT);
    ck_assert_str_eq(it->text, "first line \\# heading? \\``` \\--- \\=== 1\\. list? \\> quote \\- "
                               "bullet \\<div> \\[ ] box");
    ck_assert_uint_eq(d->nchecklists, 0);
    slog_doc_free(d);
    free(out);
    /* a note's first line is escaped too: no marker protects it */
    out = append(LOG, "2025-10-01", NULL, SLOG_STATE_NOTE, "# not a heading", NULL);
    d = parse_str(out);
    ck_assert_uint_eq(d->nentries, 2);
    ck_assert_str_eq(d->entries[0]->items->next->text, "\\# not a heading");
    slog_doc_free(d);
    free(out);
}
END_TEST

START_TEST(dedupe)
{
    slog_append_summary s;
    char *once = append(LOG, "2025-10-01", NULL, SLOG_STATE_DONE, "One", &s);
    ck_assert_uint_eq(s.added, 0); /* "one" is there: case and spacing do not count */
    ck_assert_uint_eq(s.skipped, 1);
    ck_assert_str_eq(once, LOG);
    free(once);
    char *other = append(LOG, "2025-10-01", NULL, SLOG_STATE_NEXT, "one", &s);
    ck_assert_uint_eq(s.added, 1); /* another state is news */
    free(other);
    slog_append_item two[2] = {{SLOG_STATE_DONE, "x"}, {SLOG_STATE_DONE, "x"}};
    slog_append_request r = {"2025-10-01", NULL, two, 2};
    slog_append_options o = {SLOG_APPEND_OPTIONS_VERSION, NULL, 0, NULL, 0};
    char *out;
    size_t n;
    slog_error err;
    ck_assert_int_eq(slog_append_buffer(LOG, strlen(LOG), &r, &o, &out, &n, &s, &err), SLOG_OK);
    ck_assert_uint_eq(s.added, 1);
    free(out);
    o.no_dedupe = 1;
    two[0].text = "one";
    ck_assert_int_eq(slog_append_buffer(LOG, strlen(LOG), &r, &o, &out, &n, &s, &err), SLOG_OK);
    ck_assert_uint_eq(s.added, 2);
    free(out);
}
END_TEST

/* Everything outside one inserted run is byte-identical; returns the run. */
static char *inserted_run(const char *old, size_t olen, const char *neu, size_t nlen)
{
    size_t p = 0;
    while (p < olen && old[p] == neu[p])
        p++;
    size_t s = 0;
    while (s < olen - p && old[olen - 1 - s] == neu[nlen - 1 - s])
        s++;
    ck_assert_uint_eq(p + s, olen);
    return strndup(neu + p, nlen - olen);
}

static void preserved(const char *fixture_name, const char *want_insert_contains,
                      slog_mojibake moji, int crlf)
{
    size_t len;
    char *raw = read_all(fixture(fixture_name), &len);
    items1[0] = (slog_append_item){SLOG_STATE_DONE, "Reindexed ✅ all shards — done"};
    slog_append_request r = {"2026-03-04", NULL, items1, 1};
    char *out;
    size_t n;
    slog_error err;
    slog_append_summary s;
    ck_assert_int_eq(slog_append_buffer(raw, len, &r, NULL, &out, &n, &s, &err), SLOG_OK);
    char *ins = inserted_run(raw, len, out, n);
    if (crlf)
        ck_assert_ptr_nonnull(strstr(ins, "\r\n"));
    else
        ck_assert_ptr_null(strchr(ins, '\r'));
    if (moji) {
        int nomem;
        size_t fl;
        char *fixed = slog_mojibake_repair(out, n, moji, &fl, &nomem);
        ck_assert_ptr_nonnull(fixed); /* the whole file is still uniformly repairable */
        ck_assert_ptr_nonnull(strstr(fixed, want_insert_contains));
        free(fixed);
    } else {
        ck_assert_ptr_nonnull(strstr(ins, want_insert_contains));
    }
    slog_doc *d = parse_len(out, n);
    ck_assert_int_eq(d->encoding.mojibake, moji);
    const slog_item *last = d->entries[1]->items;
    while (last->next)
        last = last->next;
    ck_assert_str_eq(last->text, "Reindexed ✅ all shards — done");
    slog_doc_free(d);
    free(ins);
    free(out);
    free(raw);
}

START_TEST(bytes_outside_the_insertion_are_kept)
{
    preserved("plan.md", "- ✅ Reindexed ✅ all shards — done\n", SLOG_MOJIBAKE_NONE, 0);
    preserved("plan-crlf.md", "- ✅ Reindexed ✅ all shards — done\r\n", SLOG_MOJIBAKE_NONE, 1);
    preserved("plan-mojibake-macroman.md", "- ✅ Reindexed ✅ all shards — done\n",
              SLOG_MOJIBAKE_MAC_ROMAN, 0);
    preserved("plan-mojibake-cp1252.md", "- ✅ Reindexed ✅ all shards — done\n",
              SLOG_MOJIBAKE_CP1252, 0);
}
END_TEST

START_TEST(invalid_requests)
{
    static const char *const bad_dates[] = {
        "2025-02-30", "2025-10-1", "yesterday", "2025-10-01T25:00", "2025-10-01T10:00 XYZT",
        "2025-10-01X"};
    for (size_t i = 0; i < sizeof bad_dates / sizeof *bad_dates; i++) {
        slog_append_item it = {SLOG_STATE_DONE, "x"};
        slog_append_request r = {bad_dates[i], NULL, &it, 1};
        slog_error err;
        ck_assert_msg(slog_append_check(&r, &err) == SLOG_ERR_INVALID, "%s", bad_dates[i]);
    }
    slog_append_item blank = {SLOG_STATE_DONE, " \n "};
    slog_append_request r = {NULL, NULL, &blank, 1};
    slog_error err;
    ck_assert_int_eq(slog_append_check(&r, &err), SLOG_ERR_INVALID);
    slog_append_item ok = {SLOG_STATE_DONE, "x"};
    slog_append_request two_lines = {NULL, "a\nb", &ok, 1};
    ck_assert_int_eq(slog_append_check(&two_lines, &err), SLOG_ERR_INVALID);
    slog_append_request none = {NULL, NULL, NULL, 0};
    ck_assert_int_eq(slog_append_check(&none, &err), SLOG_ERR_INVALID);
}
END_TEST

START_TEST(from_json)
{
    slog_append_request *r;
    size_t n;
    slog_error err;
    const char *one = "{\"date\": \"2025-10-01\", \"label\": \"Deploy\", \"items\": "
                      "[{\"state\": \"done\", \"text\": \"a\"}, {\"state\": \"in_progress\", "
                      "\"text\": \"b\"}]}";
    ck_assert_int_eq(slog_append_requests_from_json(one, strlen(one), "in", &r, &n, &err), SLOG_OK);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(r[0].label, "Deploy");
    ck_assert_uint_eq(r[0].nitems, 2);
    ck_assert_int_eq(r[0].items[1].state, SLOG_STATE_IN_PROGRESS);
    slog_append_requests_free(r, n);
    const char *arr = "[{\"items\": [{\"state\": \"next\", \"text\": \"x\"}]}, {\"date\": "
                      "\"2025-10-02\", \"items\": [{\"state\": \"note\", \"text\": \"y\"}]}]";
    ck_assert_int_eq(slog_append_requests_from_json(arr, strlen(arr), "in", &r, &n, &err), SLOG_OK);
    ck_assert_uint_eq(n, 2);
    slog_append_requests_free(r, n);
    static const char *const bad[] = {
        "{",
        "[]",
        "{\"items\": []}",
        "{\"items\": [{\"state\": \"finished\", \"text\": \"x\"}]}",
        "{\"items\": [{\"state\": \"done\"}]}",
        ("{\"date\": \"2025-13-01\", \"items\": "
         "[{\"state\": \"done\", \"text\": \"x\"}]}"),
        "{\"items\": [{\"state\": \"done\", \"text\": \"x\"}]} trailing",
        "{\"colour\": 1, \"items\": [{\"state\": \"done\", \"text\": \"x\"}]}",
        "42"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        ck_assert_msg(slog_append_requests_from_json(bad[i], strlen(bad[i]), "in", &r, &n, &err) ==
                          SLOG_ERR_INVALID,
                      "%s", bad[i]);
}
END_TEST

/* --- files -------------------------------------------------------------- */

static char dir[64];

static void setup(void)
{
    snprintf(dir, sizeof dir, "/tmp/slog-append-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void teardown(void)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "chmod -R u+w '%s'; rm -rf '%s'", dir, dir);
    ck_assert_int_eq(system(cmd), 0);
}

static void write_text(const char *path, const char *text, mode_t mode)
{
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
    ck_assert_int_eq(chmod(path, mode), 0);
}

static slog_append_request file_req;

static slog_status one_append(const char *old, size_t len, slog_edit *edit, void *ctx,
                              slog_error *err)
{
    (void)ctx;
    slog_append_summary s;
    return slog_append_edit(old, len, &file_req, NULL, edit, &s, err);
}

static slog_status update(const char *path, slog_error *err)
{
    items1[0] = (slog_append_item){SLOG_STATE_DONE, "written"};
    file_req = (slog_append_request){"2025-10-01", NULL, items1, 1};
    return slog_update_file(path, one_append, NULL, 1, NULL, NULL, NULL, NULL, err);
}

START_TEST(update_keeps_mode_and_follows_symlinks)
{
    char path[128], link[128];
    snprintf(path, sizeof path, "%s/log.md", dir);
    snprintf(link, sizeof link, "%s/link.md", dir);
    write_text(path, "## Status (2025-10-01)\n- ✅ a\n", 0640);
    ck_assert_int_eq(symlink("log.md", link), 0);
    slog_error err;
    ck_assert_int_eq(update(link, &err), SLOG_OK);
    struct stat st;
    ck_assert_int_eq(lstat(link, &st), 0);
    ck_assert(S_ISLNK(st.st_mode)); /* the link is kept */
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(st.st_mode & 07777, 0640);
    size_t n;
    char *text = read_all(path, &n);
    ck_assert_str_eq(text, "## Status (2025-10-01)\n- ✅ a\n- ✅ written\n");
    free(text);
}
END_TEST

START_TEST(read_only_and_missing_files_are_untouched)
{
    char path[128];
    snprintf(path, sizeof path, "%s/ro.md", dir);
    const char *orig = "## Status (2025-10-01)\n- ✅ a\n";
    write_text(path, orig, 0444);
    slog_error err;
    ck_assert_int_eq(update(path, &err), SLOG_ERR_IO);
    ck_assert_ptr_nonnull(strstr(err.message, "read-only"));
    size_t n;
    char *text = read_all(path, &n);
    ck_assert_str_eq(text, orig);
    free(text);
    snprintf(path, sizeof path, "%s/missing.md", dir);
    ck_assert_int_eq(update(path, &err), SLOG_ERR_IO);
    ck_assert_int_eq(update(dir, &err), SLOG_ERR_IO); /* a directory */
    /* no temporary file is left behind */
    char cmd[160];
    snprintf(cmd, sizeof cmd, "test -z \"$(ls -A '%s' | grep statuslog-)\"", dir);
    ck_assert_int_eq(system(cmd), 0);
}
END_TEST

START_TEST(stale_temporaries_are_removed)
{
    char path[128], tmp[160];
    snprintf(path, sizeof path, "%s/log.md", dir);
    snprintf(tmp, sizeof tmp, "%s/.log.md.statuslog-AbC123", dir);
    write_text(path, "## Status (2025-10-01)\n", 0644);
    write_text(tmp, "half a file", 0600); /* left by a killed writer */
    slog_error err;
    ck_assert_int_eq(update(path, &err), SLOG_OK);
    ck_assert_int_ne(access(tmp, F_OK), 0);
}
END_TEST

/* --- run ------------------------------------------------------------------ */

static void run_case(char *const argv[], double timeout, int want_exit, slog_state want_state,
                     const char *want_text)
{
    slog_run_result r;
    slog_error err;
    ck_assert_int_eq(slog_run(argv, timeout, &r, &err), SLOG_OK);
    ck_assert_int_eq(slog_run_exit_code(&r), want_exit);
    slog_append_item it;
    ck_assert_int_eq(slog_run_item(argv, NULL, &r, &it), 0);
    ck_assert_int_eq(it.state, want_state);
    ck_assert_msg(strstr(it.text, want_text) != NULL, "'%s' lacks '%s'", it.text, want_text);
    free((char *)it.text);
}

START_TEST(run_results)
{
    char *ok[] = {"true", NULL};
    run_case(ok, 0, 0, SLOG_STATE_DONE, "`true` passed in ");
    char *fail[] = {"sh", "-c", "exit 3", NULL};
    run_case(fail, 0, 3, SLOG_STATE_FAILED, "`sh -c 'exit 3'` failed with exit status 3 after");
    char *sig[] = {"sh", "-c", "kill -9 $$", NULL};
    run_case(sig, 0, 137, SLOG_STATE_FAILED, "was killed by signal 9");
    char *slow[] = {"sleep", "5", NULL};
    run_case(slow, 0.2, 124, SLOG_STATE_FAILED, "`sleep 5` timed out after 0.");
    char *missing[] = {"no-such-command-statuslog", NULL};
    run_case(missing, 0, 127, SLOG_STATE_FAILED, "could not be started");
    char *ticks[] = {"echo", "a`b", NULL};
    run_case(ticks, 0, 0, SLOG_STATE_DONE, "`` echo 'a`b' `` passed");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("append");
    TCase *tc = tcase_create("buffer");
    tcase_add_test(tc, same_date_goes_to_the_end_of_its_list);
    tcase_add_test(tc, new_dates_keep_a_sorted_log_sorted);
    tcase_add_test(tc, no_entries_empty_file_no_final_newline);
    tcase_add_test(tc, heading_style_follows_the_document);
    tcase_add_test(tc, newest_first_logs_get_new_entries_on_top);
    tcase_add_test(tc, new_entries_look_like_their_neighbours);
    tcase_add_test(tc, grouped_logs_get_new_entries_by_date);
    tcase_add_test(tc, list_item_logs_get_list_item_entries);
    tcase_add_test(tc, markers_by_state);
    tcase_add_test(tc, text_cannot_open_blocks);
    tcase_add_test(tc, dedupe);
    tcase_add_test(tc, bytes_outside_the_insertion_are_kept);
    tcase_add_test(tc, invalid_requests);
    tcase_add_test(tc, from_json);
    suite_add_tcase(s, tc);
    TCase *files = tcase_create("files");
    tcase_add_checked_fixture(files, setup, teardown);
    tcase_add_test(files, update_keeps_mode_and_follows_symlinks);
    tcase_add_test(files, read_only_and_missing_files_are_untouched);
    tcase_add_test(files, stale_temporaries_are_removed);
    suite_add_tcase(s, files);
    TCase *run = tcase_create("run");
    tcase_set_timeout(run, 20);
    tcase_add_test(run, run_results);
    suite_add_tcase(s, run);
    return run_suite(s);
}
