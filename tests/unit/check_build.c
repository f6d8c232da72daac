/* SPDX-License-Identifier: BSD-2-Clause */
/* The model: entries, labels, items, markers, checklists, follow-ups, ids. */
#include "helpers.h"

static const slog_entry *entry(const slog_doc *d, size_t i)
{
    ck_assert_uint_gt(d->nentries, i);
    return d->entries[i];
}

static const slog_item *item(const slog_entry *e, size_t i)
{
    const slog_item *it = e->items;
    while (it && i--)
        it = it->next;
    ck_assert_ptr_nonnull(it);
    return it;
}

START_TEST(heading_styles_and_labels)
{
    static const struct {
        const char *heading, *label, *date, *time, *zone;
    } cases[] = {
        {"## Status (2025-10-07)", "Status", "2025-10-07", NULL, NULL},
        {"## 2025-09-27 Updates", "Updates", "2025-09-27", NULL, NULL},
        {"## 2025-10-01 14:29 MDT — Command Log", "Command Log", "2025-10-01", "14:29", "MDT"},
        {"### Progress - 2025-10-12T12:34:56-06:00", "Progress", "2025-10-12", "12:34:56",
         "-06:00"},
        {"## Quality Engineer Report - 2025-10-01 12:42", "Quality Engineer Report", "2025-10-01",
         "12:42", NULL},
        {"## 2025-10-01T16:54Z — New blockers (Integration)", "New blockers (Integration)",
         "2025-10-01", "16:54", "Z"},
        {"## Idle agent readiness - 2025-09-29T11:04:30-0600", "Idle agent readiness", "2025-09-29",
         "11:04:30", "-0600"},
        {"## Next 5 Tasks (updated 2025-10-01 08:29 UTC)", "Next 5 Tasks (updated)", "2025-10-01",
         "08:29", "UTC"},
        {"## [2025-10-02 10:00] Sweep", "Sweep", "2025-10-02", "10:00", NULL},
        {"## 2025-09-29 16:17:49 MDT", "", "2025-09-29", "16:17:49", "MDT"},
        {"## Tunnel Cleanup - 2025-09-29_15:54:37", "Tunnel Cleanup _15:54:37", "2025-09-29", NULL,
         NULL},
        {"## **Status** — 2025-10-03", "Status", "2025-10-03", NULL, NULL},
        {"## 2026-03-10 • Retro", "Retro", "2026-03-10", NULL, NULL},
        {"## 2026-03-16 ~ Planning", "Planning", "2026-03-16", NULL, NULL},
        {"## 2026-03-17 / Ops sync", "Ops sync", "2026-03-17", NULL, NULL},
        {"## 2026-03-18 » Review", "Review", "2026-03-18", NULL, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char buf[256];
        snprintf(buf, sizeof buf, "%s\n- ✅ x\n", cases[i].heading);
        slog_doc *d = parse_str(buf);
        const slog_entry *e = entry(d, 0);
        ck_assert_str_eq(e->label, cases[i].label);
        ck_assert_str_eq(e->date, cases[i].date);
        if (cases[i].time)
            ck_assert_str_eq(e->time, cases[i].time);
        else
            ck_assert_ptr_null(e->time);
        if (cases[i].zone)
            ck_assert_str_eq(e->zone, cases[i].zone);
        else
            ck_assert_ptr_null(e->zone);
        slog_doc_free(d);
    }
}
END_TEST

/* Logs written in other languages: their month and weekday names (German,
 * French, Spanish, Italian, Portuguese, Dutch), and the Japanese, Korean and
 * Chinese year-month-day form; a wrong weekday is caught in each. */
START_TEST(dates_in_other_languages)
{
    static const struct {
        const char *heading, *label, *date;
        int weekday_mismatch;
    } cases[] = {
        {"## Montag, 9. März 2026 — Stand", "Stand", "2026-03-09", 0},
        {"## 10. MÄRZ 2026", "", "2026-03-10", 0},
        {"### lundi 9 mars 2026", "", "2026-03-09", 0},
        {"### 1er mars 2026 : bilan", "bilan", "2026-03-01", 0},
        {"## miércoles, 11 de marzo de 2026", "", "2026-03-11", 0},
        {"## giovedì 12 marzo 2026", "", "2026-03-12", 0},
        {"## sexta-feira, 13 de março de 2026", "", "2026-03-13", 0},
        {"## zaterdag 14 maart 2026", "", "2026-03-14", 0},
        {"## 2026年3月15日（日）作業", "作業", "2026-03-15", 0},
        {"## 2026년 3월 16일 (월)", "", "2026-03-16", 0},
        {"## 2026年3月17日 星期二", "", "2026-03-17", 0},
        {"## Dienstag, 9. März 2026", "", "2026-03-09", 1},
        {"## 2026年3月9日（火）", "", "2026-03-09", 1},
        /* full-width separators and brackets; a CJK weekday after an ISO date */
        {"## 2026年3月9日：作業ログ", "作業ログ", "2026-03-09", 0},
        {"## 2026-03-10｜リリース", "リリース", "2026-03-10", 0},
        {"## 【2026-03-11】定例", "定例", "2026-03-11", 0},
        {"## 2026-03-12（木）振り返り", "振り返り", "2026-03-12", 0},
        {"## 2026-03-12（金）", "", "2026-03-12", 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char buf[256];
        snprintf(buf, sizeof buf, "%s\n- ✅ x\n", cases[i].heading);
        slog_doc *d = parse_str(buf);
        const slog_entry *e = entry(d, 0);
        ck_assert_msg(strcmp(e->date, cases[i].date) == 0, "%s: %s", cases[i].heading, e->date);
        ck_assert_msg(strcmp(e->label, cases[i].label) == 0, "%s: '%s'", cases[i].heading,
                      e->label);
        ck_assert_msg(e->weekday_mismatch == cases[i].weekday_mismatch, "%s", cases[i].heading);
        slog_doc_free(d);
    }
    /* a year-less Japanese date takes the document's year */
    slog_doc *d = parse_str("# 日誌\n\nDate: 2026-03-01\n\n### 3月9日（月）\n- ✅ a\n");
    ck_assert_uint_eq(d->nentries, 1);
    ck_assert_str_eq(entry(d, 0)->date, "2026-03-09");
    slog_doc_free(d);
    /* abbreviations and look-alikes stay words */
    d = parse_str("# L\n\nDate: 2026-03-01\n\n## 9 out of 10\n## 3 mars bars\n## 2 ago\n"
                  "## 1. März\n");
    ck_assert_uint_eq(d->nentries, 1); /* "1. März": a German year-less date */
    ck_assert_str_eq(entry(d, 0)->date, "2026-03-01");
    slog_doc_free(d);
}
END_TEST

START_TEST(not_dates)
{
    slog_doc *d = parse_str("## Build 12025-10-07\n## Version 2025-10-071\n## Plain\n");
    ck_assert_uint_eq(d->nentries, 0);
    ck_assert_uint_eq(d->nsections, 3);
    slog_doc_free(d);
}
END_TEST

START_TEST(invalid_calendar_date_is_entry_marked_invalid)
{
    slog_doc *d = parse_str("## Status (2025-02-30)\n- ✅ x\n## Status (2024-02-29)\n");
    ck_assert_uint_eq(d->nentries, 2);
    ck_assert(!entry(d, 0)->date_valid);
    ck_assert(entry(d, 1)->date_valid);
    slog_doc_free(d);
}
END_TEST

START_TEST(markers_and_states)
{
    static const struct {
        const char *line;
        slog_state state;
        const char *marker, *text;
    } cases[] = {
        {"- ✅ done it", SLOG_STATE_DONE, "✅", "done it"},
        {"- ✔️ done", SLOG_STATE_DONE, "✔️", "done"},
        {"- ✔ done", SLOG_STATE_DONE, "✔", "done"},
        {"- ☑️ done", SLOG_STATE_DONE, "☑️", "done"},
        {"- 🟢 green", SLOG_STATE_DONE, "🟢", "green"},
        {"- [x] box", SLOG_STATE_DONE, "[x]", "box"},
        {"- [X] box", SLOG_STATE_DONE, "[X]", "box"},
        {"- ⏳ wait", SLOG_STATE_IN_PROGRESS, "⏳", "wait"},
        {"- 🔄 spin", SLOG_STATE_IN_PROGRESS, "🔄", "spin"},
        {"- 🟡 amber", SLOG_STATE_IN_PROGRESS, "🟡", "amber"},
        {"- 🚧 works", SLOG_STATE_IN_PROGRESS, "🚧", "works"},
        {"- 🔜 soon", SLOG_STATE_NEXT, "🔜", "soon"},
        {"- ➡️ then", SLOG_STATE_NEXT, "➡️", "then"},
        {"- 🛑 stop", SLOG_STATE_BLOCKED, "🛑", "stop"},
        {"- ⛔ no", SLOG_STATE_BLOCKED, "⛔", "no"},
        {"- 🔴 red", SLOG_STATE_BLOCKED, "🔴", "red"},
        {"- 🚫 banned", SLOG_STATE_BLOCKED, "🚫", "banned"},
        {"- ❌ broke", SLOG_STATE_FAILED, "❌", "broke"},
        {"- ⚠️ careful", SLOG_STATE_WARNING, "⚠️", "careful"},
        {"- ⚠ careful", SLOG_STATE_WARNING, "⚠", "careful"},
        {"- 🟠 orange", SLOG_STATE_WARNING, "🟠", "orange"},
        {"- [ ] todo", SLOG_STATE_OPEN, "[ ]", "todo"},
        {"- plain words", SLOG_STATE_NOTE, "", "plain words"},
        {"- **✅ Done**: shipped", SLOG_STATE_DONE, "✅", "**Done**: shipped"},
        {"* ✅   spaced", SLOG_STATE_DONE, "✅", "spaced"},
        {"1. ✅ numbered", SLOG_STATE_DONE, "✅", "numbered"},
        /* beyond the spec's table: the same signs in other shapes */
        {"- ✓ tick", SLOG_STATE_DONE, "✓", "tick"},
        {"- ✔︎ text-style tick", SLOG_STATE_DONE, "✔︎", "text-style tick"},
        {"- ☒ crossed box", SLOG_STATE_DONE, "☒", "crossed box"},
        {"- 🟩 green", SLOG_STATE_DONE, "🟩", "green"},
        {"- ⌛ sand", SLOG_STATE_IN_PROGRESS, "⌛", "sand"},
        {"- 🟨 amber", SLOG_STATE_IN_PROGRESS, "🟨", "amber"},
        {"- 🟥 red", SLOG_STATE_BLOCKED, "🟥", "red"},
        {"- ✗ broke", SLOG_STATE_FAILED, "✗", "broke"},
        {"- ✘ broke", SLOG_STATE_FAILED, "✘", "broke"},
        {"- ✖️ broke", SLOG_STATE_FAILED, "✖️", "broke"},
        {"- ❎ broke", SLOG_STATE_FAILED, "❎", "broke"},
        {"- 🟧 orange", SLOG_STATE_WARNING, "🟧", "orange"},
        {"- ☐ box", SLOG_STATE_OPEN, "☐", "box"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char buf[256];
        snprintf(buf, sizeof buf, "## Status (2025-10-07)\n%s\n", cases[i].line);
        slog_doc *d = parse_str(buf);
        const slog_item *it = item(entry(d, 0), 0);
        ck_assert_msg(it->state == cases[i].state, "%s: state %s", cases[i].line,
                      slog_state_name(it->state));
        ck_assert_str_eq(it->marker, cases[i].marker);
        ck_assert_str_eq(it->text, cases[i].text);
        slog_doc_free(d);
    }
}
END_TEST

START_TEST(multi_line_items_fold_and_children_nest)
{
    slog_doc *d = parse_str("## Status (2025-10-07)\n"
                            "- 🔜 first line\n"
                            "  continues here\n"
                            "  - ✅ child one\n"
                            "    - nested grandchild\n"
                            "  - child two\n"
                            "- ✅ second (Resolved 2025-10-08 after review)\n");
    const slog_entry *e = entry(d, 0);
    ck_assert_uint_eq(e->nitems, 2);
    const slog_item *first = item(e, 0);
    ck_assert_str_eq(first->text, "first line continues here");
    ck_assert_uint_eq(first->nchildren, 2);
    ck_assert_str_eq(first->children->text, "child one");
    ck_assert_int_eq(first->children->state, SLOG_STATE_DONE);
    ck_assert_uint_eq(first->children->nchildren, 1);
    ck_assert_str_eq(first->children->next->text, "child two");
    ck_assert_int_eq(first->line, 2);
    ck_assert_int_eq(first->end_line, 6);
    ck_assert_str_eq(item(e, 1)->resolved, "2025-10-08");
    ck_assert_ptr_null(first->resolved);
    slog_doc_free(d);
}
END_TEST

START_TEST(nested_entries_and_undated_subheadings)
{
    slog_doc *d = parse_str("## 2026-04-01 Day\n"
                            "- ✅ day item\n"
                            "### Progress - 2026-04-01T10:00Z\n"
                            "- ✅ ten\n"
                            "### Progress - 2026-04-01T11:00Z\n"
                            "- ✅ eleven\n"
                            "#### Details\n"
                            "- ✅ still eleven\n"
                            "## Notes\n"
                            "- not in any entry\n");
    ck_assert_uint_eq(d->nentries, 3);
    const slog_entry *day = entry(d, 0), *ten = entry(d, 1), *eleven = entry(d, 2);
    ck_assert_ptr_null(day->parent);
    ck_assert_ptr_eq(ten->parent, day);
    ck_assert_ptr_eq(eleven->parent, day);
    ck_assert_uint_eq(day->nitems, 1);
    ck_assert_uint_eq(ten->nitems, 1);
    ck_assert_uint_eq(eleven->nitems, 2);
    ck_assert_int_eq(day->end_line, 8);
    ck_assert_int_eq(ten->end_line, 4);
    ck_assert_int_eq(eleven->end_line, 8);
    slog_doc_free(d);
}
END_TEST

START_TEST(code_fences_hide_headings_and_items)
{
    slog_doc *d = parse_str("## Status (2025-10-07)\n- ✅ real\n\n```\n## 2025-10-08 fake\n"
                            "- [ ] fake box\n```\n\n    ## 2025-10-09 indented code\n");
    ck_assert_uint_eq(d->nentries, 1);
    ck_assert_uint_eq(entry(d, 0)->nitems, 1);
    ck_assert_uint_eq(d->nchecklists, 0);
    slog_doc_free(d);
}
END_TEST

START_TEST(setext_headings)
{
    slog_doc *d = parse_str("# Log\n\nStatus 2025-10-07\n=================\n- ✅ a\n\n"
                            "Run 2025-10-08 10:00 UTC\n------------------------\n- ✅ b\n");
    ck_assert_uint_eq(d->nentries, 2);
    ck_assert(entry(d, 0)->setext);
    ck_assert_int_eq(entry(d, 0)->level, 1);
    ck_assert_int_eq(entry(d, 1)->level, 2);
    ck_assert_str_eq(entry(d, 1)->label, "Run");
    ck_assert_str_eq(entry(d, 1)->time, "10:00");
    slog_doc_free(d);
}
END_TEST

START_TEST(title_metadata_and_document_date)
{
    slog_doc *d = parse_str("# Plan 2025-09-20\n\nAuthor: Ops\nDate: 2025-09-26\n\n"
                            "## Summary\nNote: not metadata after the first level-2 heading\n");
    ck_assert_str_eq(d->title, "Plan 2025-09-20");
    ck_assert_uint_eq(d->nentries, 0);       /* the title is not an entry */
    ck_assert_str_eq(d->date, "2025-09-26"); /* Date: wins over the title's date */
    ck_assert_uint_eq(d->nmeta, 2);
    ck_assert_str_eq(d->meta[0].key, "Author");
    ck_assert_str_eq(d->meta[0].value, "Ops");
    slog_doc_free(d);

    d = parse_str("# Report 2025-09-20\n\nText.\n");
    ck_assert_str_eq(d->date, "2025-09-20");
    slog_doc_free(d);

    /* two level-1 headings: no title, both dated ones are entries */
    d = parse_str("# Health 2025-10-01T01:40:41-06:00\n- ✅ a\n# EOD - 2025-10-01T02:59:18-06:00\n");
    ck_assert_ptr_null(d->title);
    ck_assert_uint_eq(d->nentries, 2);
    slog_doc_free(d);
}
END_TEST

START_TEST(checklists_and_followups)
{
    slog_doc *d = parse_str("# T\n\n## Ops Checklist\n- [ ] one\n- [x] two\n  - [ ] nested\n\n"
                            "Intro line\n    - [ ] swallowed by the paragraph\n\n"
                            "## Next Steps\n- do this\n  - not a follow-up itself\n- and that\n\n"
                            "## Action items:\n- third\n");
    ck_assert_uint_eq(d->nchecklists, 4);
    ck_assert_str_eq(d->checklists[0].section, "Ops Checklist");
    ck_assert(!d->checklists[0].checked);
    ck_assert(d->checklists[1].checked);
    ck_assert_str_eq(d->checklists[2].text, "nested");
    ck_assert_str_eq(d->checklists[3].text, "swallowed by the paragraph");
    ck_assert_int_eq(d->checklists[3].line, 9);
    ck_assert_uint_eq(d->nfollowups, 3);
    ck_assert_str_eq(d->followups[0].text, "do this");
    ck_assert_str_eq(d->followups[2].text, "third");
    slog_doc_free(d);
}
END_TEST

START_TEST(item_ids_are_stable)
{
    slog_doc *a = parse_str("## Status (2025-10-07)\n- ✅ Reran the   suite\n- 🔜 next\n");
    slog_doc *b = parse_str("# Moved\n\n## Status (2025-10-07)\n- 🔜 next\n- ⏳ reran the suite\n");
    slog_doc *c = parse_str("## Status (2025-10-08)\n- ✅ Reran the suite\n");
    ck_assert_uint_eq(item(entry(a, 0), 0)->id, item(entry(b, 0), 1)->id); /* case, space, marker */
    ck_assert_uint_eq(item(entry(a, 0), 1)->id, item(entry(b, 0), 0)->id); /* moved */
    ck_assert_uint_ne(item(entry(a, 0), 0)->id, item(entry(c, 0), 0)->id); /* other date */
    char id[9];
    slog_id_format(0x0badf00d, id);
    ck_assert_str_eq(id, "0badf00d");
    slog_doc_free(a);
    slog_doc_free(b);
    slog_doc_free(c);
}
END_TEST

START_TEST(crlf_and_bom_give_the_same_model)
{
    size_t n1, n2;
    char *lf = read_all(fixture("plan.md"), &n1);
    char *crlf = read_all(fixture("plan-crlf.md"), &n2);
    slog_doc *a = parse_len(lf, n1), *b = parse_len(crlf, n2);
    ck_assert(b->encoding.bom);
    ck_assert_int_eq(b->encoding.line_endings, SLOG_EOL_CRLF);
    cJSON *ja = slog_doc_to_json(a), *jb = slog_doc_to_json(b);
    cJSON_DeleteItemFromObject(ja, "encoding");
    cJSON_DeleteItemFromObject(jb, "encoding");
    ck_assert(cJSON_Compare(ja, jb, 1));
    cJSON_Delete(ja);
    cJSON_Delete(jb);
    slog_doc_free(a);
    slog_doc_free(b);
    free(lf);
    free(crlf);
}
END_TEST

START_TEST(streamed_json_equals_tree_json)
{
    size_t n;
    char *src = read_all(fixture("log.md"), &n);
    slog_doc *d = parse_len(src, n);
    for (int pretty = 0; pretty < 2; pretty++) {
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        slog_error err;
        ck_assert_int_eq(slog_doc_write_json(d, f, pretty, &err), SLOG_OK);
        fclose(f);
        cJSON *tree = slog_doc_to_json(d);
        char *printed = pretty ? cJSON_Print(tree) : cJSON_PrintUnformatted(tree);
        ck_assert_uint_eq(len, strlen(printed) + 1);
        ck_assert_int_eq(memcmp(buf, printed, len - 1), 0);
        cJSON_free(printed);
        cJSON_Delete(tree);
        free(buf);
    }
    slog_doc_free(d);
    free(src);
}
END_TEST

START_TEST(junk_never_crashes)
{
    unsigned char junk[4096];
    unsigned x = 12345;
    for (int round = 0; round < 50; round++) {
        for (size_t i = 0; i < sizeof junk; i++) {
            x = x * 1103515245u + 12345u;
            junk[i] = (unsigned char)(x >> 16);
            if (junk[i] % 7 == 0)
                junk[i] = (unsigned char)"#- \n[]x2025-10-07"[i % 17];
        }
        slog_doc *d = parse_len((const char *)junk, sizeof junk);
        cJSON *j = slog_doc_to_json(d);
        ck_assert_ptr_nonnull(j);
        char *s = cJSON_PrintUnformatted(j);
        cJSON *back = cJSON_Parse(s); /* still valid JSON */
        ck_assert_ptr_nonnull(back);
        cJSON_Delete(back);
        cJSON_free(s);
        cJSON_Delete(j);
        slog_doc_free(d);
    }
}
END_TEST

START_TEST(deep_nesting_does_not_overflow)
{
    size_t n = 200000;
    char *s = malloc(2 * n + 32);
    for (size_t i = 0; i < n; i++) {
        s[2 * i] = '>';
        s[2 * i + 1] = ' ';
    }
    strcpy(s + 2 * n, "- ✅ deep\n");
    slog_doc *d = parse_str(s);
    slog_doc_free(d);
    for (size_t i = 0; i < n; i++)
        memcpy(s + 2 * i, "- ", 2);
    d = parse_str(s);
    slog_doc_free(d);
    free(s);
}
END_TEST

START_TEST(empty_document)
{
    slog_doc *d = parse_len("", 0);
    ck_assert_uint_eq(d->nentries, 0);
    ck_assert_uint_eq(d->nlines, 0);
    ck_assert_ptr_null(d->title);
    slog_doc_free(d);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("build");
    TCase *tc = tcase_create("model");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, heading_styles_and_labels);
    tcase_add_test(tc, not_dates);
    tcase_add_test(tc, dates_in_other_languages);
    tcase_add_test(tc, invalid_calendar_date_is_entry_marked_invalid);
    tcase_add_test(tc, markers_and_states);
    tcase_add_test(tc, multi_line_items_fold_and_children_nest);
    tcase_add_test(tc, nested_entries_and_undated_subheadings);
    tcase_add_test(tc, code_fences_hide_headings_and_items);
    tcase_add_test(tc, setext_headings);
    tcase_add_test(tc, title_metadata_and_document_date);
    tcase_add_test(tc, checklists_and_followups);
    tcase_add_test(tc, item_ids_are_stable);
    tcase_add_test(tc, crlf_and_bom_give_the_same_model);
    tcase_add_test(tc, streamed_json_equals_tree_json);
    tcase_add_test(tc, junk_never_crashes);
    tcase_add_test(tc, deep_nesting_does_not_overflow);
    tcase_add_test(tc, empty_document);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
