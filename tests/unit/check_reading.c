/* SPDX-License-Identifier: BSD-2-Clause */
/* Reading r2 (SPEC §1): date forms, times and zones, the three kinds of
 * entries, front matter, year-less dates, plans, weekdays, word markers,
 * log direction and the configuration keys that steer them. Each form has
 * a negative beside it. */
#include "helpers.h"
#include "buf.h"
#include "order.h"

#include <unistd.h>

static slog_doc *doc_of(const char *md)
{
    return parse_str(md);
}

/* The only entry of "HEADING\n- ✅ x\n" (asserts there is exactly one). */
static slog_doc *one_entry(const char *heading, const slog_entry **e)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s\n- ✅ x\n", heading);
    slog_doc *d = doc_of(buf);
    ck_assert_msg(d->nentries == 1, "%s: %zu entries", heading, d->nentries);
    *e = d->entries[0];
    return d;
}

static void no_entry(const char *md)
{
    slog_doc *d = doc_of(md);
    ck_assert_msg(d->nentries == 0, "'%s' made an entry (line %d)", md,
                  d->nentries ? d->entries[0]->line : 0);
    slog_doc_free(d);
}

START_TEST(date_forms)
{
    static const struct {
        const char *heading, *date, *date_text, *label;
    } cases[] = {
        {"## Status (2025-10-07)", "2025-10-07", NULL, "Status"},
        {"## 2026/03/09 Deploy", "2026-03-09", "2026/03/09", "Deploy"},
        {"## Mar 9, 2026", "2026-03-09", "Mar 9, 2026", ""},
        {"## March 9th, 2026", "2026-03-09", "March 9th, 2026", ""},
        {"## MARCH 9, 2026", "2026-03-09", "MARCH 9, 2026", ""},
        {"## June 28,2023", "2023-06-28", "June 28,2023", ""},
        {"## 9 March 2026", "2026-03-09", "9 March 2026", ""},
        {"### Tue 3 Mar 2026", "2026-03-03", "3 Mar 2026", ""},
        {"## Mon 9 Mar 2026 — Kickoff", "2026-03-09", "9 Mar 2026", "Kickoff"},
        {"## March 9, 2026 (Monday)", "2026-03-09", "March 9, 2026", ""},
        {"## 📅 Session 4: 9 March 2026", "2026-03-09", "9 March 2026", "Session 4"},
        {"## 3/9/2026 2 PM - Wiring", "2026-03-09", "3/9/2026", "Wiring"},
        {"## 9.3.2026 Besprechung", "2026-03-09", "9.3.2026", "Besprechung"},
        {"## 25/3/2026 Retro", "2026-03-25", "25/3/2026", "Retro"},
        {"## Report - Mon Sep 29 14:00:22 MDT 2025", "2025-09-29", "Sep 29", "Report"},
        {"## 07-Mar-2026 Cutover", "2026-03-07", "07-Mar-2026", "Cutover"},
        {"## 3-9-2026 Wiring", "2026-03-09", "3-9-2026", "Wiring"},
        /* wiki links (Obsidian, Logseq), e-mail dates (RFC 5322) */
        {"## [[2026-03-09]]", "2026-03-09", NULL, ""},
        {"## [[2026-03-09]] Standup", "2026-03-09", NULL, "Standup"},
        {"## Mon, 09 Mar 2026 14:02:11 +0000", "2026-03-09", "09 Mar 2026", ""},
        /* a date struck out is taken back: the next one dates the entry */
        {"## ~~2026-03-11~~ 2026-03-12 Moved", "2026-03-12", NULL, "Moved"},
        {"## Standup ~~2026-03-05~~ 2026-03-06", "2026-03-06", NULL, "Standup"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const slog_entry *e;
        slog_doc *d = one_entry(cases[i].heading, &e);
        ck_assert_msg(!strcmp(e->date, cases[i].date), "%s: date %s", cases[i].heading, e->date);
        if (cases[i].date_text)
            ck_assert_str_eq(e->date_text, cases[i].date_text);
        else
            ck_assert_ptr_null(e->date_text);
        ck_assert_msg(!strcmp(e->label, cases[i].label), "%s: label '%s'", cases[i].heading,
                      e->label);
        ck_assert_int_eq(e->kind, SLOG_ENTRY_HEADING);
        ck_assert(e->date_valid && !e->weekday_mismatch);
        slog_doc_free(d);
    }
    /* not dates: a number that only looks like one, a version, a path */
    no_entry("## Top 5 releases\n- x\n");
    no_entry("## Release v1.2.2026\n- x\n");
    no_entry("## Notes on 3/9\n- x\n");
    no_entry("## See docs/2026/03\n- x\n");
}
END_TEST

START_TEST(times_and_zones)
{
    static const struct {
        const char *heading, *time, *zone;
        slog_precision precision;
    } cases[] = {
        {"## 2025-10-01 14:51 — A", "14:51", NULL, SLOG_PRECISION_MINUTE},
        {"## 2025-10-01T14:51:03Z — A", "14:51:03", "Z", SLOG_PRECISION_SECOND},
        {"## 2025-10-01 14:51:03.25 UTC — A", "14:51:03", "UTC", SLOG_PRECISION_SECOND},
        {"## 2025-10-01 2 PM — A", "14:00", NULL, SLOG_PRECISION_MINUTE},
        {"## 2025-10-01 2:30pm — A", "14:30", NULL, SLOG_PRECISION_MINUTE},
        {"## 2025-10-01, 2:30 p.m. EST — A", "14:30", "EST", SLOG_PRECISION_MINUTE},
        {"## 2025-10-01 12 AM — A", "00:00", NULL, SLOG_PRECISION_MINUTE},
        {"## 2025-10-01 1:00-2:15 PM — A", "13:00", NULL, SLOG_PRECISION_MINUTE},
        {"## 2025-10-01 09:00 -0600 — A", "09:00", "-0600", SLOG_PRECISION_MINUTE},
        {"## 2025-10-01T09:00+02:00 — A", "09:00", "+02:00", SLOG_PRECISION_MINUTE},
        {"## 2025-10-01 09:00 CEST — A", "09:00", "CEST", SLOG_PRECISION_MINUTE},
        {"## 2025-10-01 09:00 (UTC) — A", "09:00", "UTC", SLOG_PRECISION_MINUTE},
        {"## 2025-10-01 14:00 UTC+2 — A", "14:00", "UTC+2", SLOG_PRECISION_MINUTE},
        {"## 2025-10-01 09:00 GMT-05 — A", "09:00", "GMT-05", SLOG_PRECISION_MINUTE},
        {"## 2025-10-01 10:00 UTC+5:30 — A", "10:00", "UTC+5:30", SLOG_PRECISION_MINUTE},
        {"## 2025-10-01 — A", NULL, NULL, SLOG_PRECISION_DATE},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const slog_entry *e;
        slog_doc *d = one_entry(cases[i].heading, &e);
        if (cases[i].time)
            ck_assert_msg(e->time && !strcmp(e->time, cases[i].time), "%s: time %s",
                          cases[i].heading, e->time ? e->time : "(null)");
        else
            ck_assert_ptr_null(e->time);
        if (cases[i].zone)
            ck_assert_msg(e->zone && !strcmp(e->zone, cases[i].zone), "%s: zone %s",
                          cases[i].heading, e->zone ? e->zone : "(null)");
        else
            ck_assert_ptr_null(e->zone);
        ck_assert_int_eq(e->precision, cases[i].precision);
        ck_assert_str_eq(e->label, "A");
        ck_assert(!cases[i].zone || e->zone_known);
        slog_doc_free(d);
    }
    /* "3 items" is no time; "TEST" is no zone */
    const slog_entry *e;
    slog_doc *d = one_entry("## 2025-10-01 3 items", &e);
    ck_assert_ptr_null(e->time);
    slog_doc_free(d);
    d = one_entry("## 2025-10-01 14:00 TEST run", &e);
    ck_assert_ptr_null(e->zone);
    ck_assert_str_eq(e->label, "TEST run");
    slog_doc_free(d);
    /* IST is India */
    d = one_entry("## 2025-10-01 09:00 IST — A", &e);
    ck_assert(e->zone_known && e->zone_offset == 330);
    slog_doc_free(d);
}
END_TEST

START_TEST(plans_are_not_entries)
{
    no_entry("## Week of 2026-03-09\n- x\n");
    no_entry("## Sprint 4 (Due 2026-03-20)\n- x\n");
    no_entry("## Deadline: 2026-03-20\n- x\n");
    no_entry("## Starts 2026-03-09\n- x\n");
    no_entry("## Release\n**Due:** 2026-03-20\n\n- x\n");
    /* a plan date and then the entry's own date: the entry's */
    const slog_entry *e;
    slog_doc *d = one_entry("## Due 2026-03-20 — review of 2026-03-09", &e);
    ck_assert_str_eq(e->date, "2026-03-09");
    slog_doc_free(d);
}
END_TEST

START_TEST(ranges_are_dated_by_their_start)
{
    const slog_entry *e;
    slog_doc *d = one_entry("## Sprint 12: Mar 16 – Mar 27, 2026", &e);
    ck_assert_str_eq(e->date, "2026-03-16");
    ck_assert_str_eq(e->label, "Sprint 12");
    slog_doc_free(d);
    d = one_entry("## 2026-03-09 to 2026-03-13 (Week 11)", &e);
    ck_assert_str_eq(e->date, "2026-03-09");
    ck_assert_str_eq(e->label, "Week 11"); /* its brackets went with the date */
    slog_doc_free(d);
    /* across the new year: the start takes the year before */
    /* a range of days inside one date */
    d = one_entry("## 9–13 March 2026", &e);
    ck_assert_str_eq(e->date, "2026-03-09");
    ck_assert_str_eq(e->label, "");
    slog_doc_free(d);
    d = one_entry("## Mar 16–20, 2026: Sprint 12", &e);
    ck_assert_str_eq(e->date, "2026-03-16");
    ck_assert_str_eq(e->label, "Sprint 12");
    slog_doc_free(d);
    d = one_entry("## 23rd-27th March 2026", &e);
    ck_assert_str_eq(e->date, "2026-03-23");
    slog_doc_free(d);
    d = one_entry("## Mar 9, 2026 - 14:00", &e); /* with spaces: a date and a time */
    ck_assert_str_eq(e->time, "14:00");
    slog_doc_free(d);
    d = one_entry("## Sprint 12 (2026-03-02 → 2026-03-13)", &e);
    ck_assert_str_eq(e->date, "2026-03-02");
    ck_assert_str_eq(e->label, "Sprint 12");
    slog_doc_free(d);
    d = one_entry("## 2026-03-02 through 2026-03-06: cleanup", &e);
    ck_assert_str_eq(e->label, "cleanup");
    slog_doc_free(d);
    d = one_entry("## Holidays: Dec 28 – Jan 4, 2027", &e);
    ck_assert_str_eq(e->date, "2026-12-28");
    slog_doc_free(d);
}
END_TEST

START_TEST(weekday_must_fit)
{
    const slog_entry *e;
    slog_doc *d = one_entry("### Wed 3 Mar 2026", &e); /* 2026-03-03 is a Tuesday */
    ck_assert(e->date_valid && e->weekday_mismatch);
    slog_doc_free(d);
    d = one_entry("### Tue 3 Mar 2026", &e);
    ck_assert(!e->weekday_mismatch);
    slog_doc_free(d);
}
END_TEST

START_TEST(year_less_dates)
{
    /* from the front matter */
    slog_doc *d = doc_of("---\ntitle: Journal\ncreated_at: \"2026-03-02\"\n---\n# March 9th:\n"
                         "- ✅ a\n# March 10th:\n- ✅ b\n");
    ck_assert_uint_eq(d->nentries, 2);
    ck_assert_str_eq(d->entries[0]->date, "2026-03-09");
    ck_assert_str_eq(d->entries[0]->date_text, "March 9th");
    ck_assert_int_eq(d->entries[0]->line, 5);
    ck_assert_str_eq(d->date, "2026-03-02");
    ck_assert_uint_eq(d->nsections, 0); /* front matter is no setext heading */
    slog_doc_free(d);
    /* from plain text before it; and into the next year in January */
    d = doc_of("# Log\n\n- **Created:** 2025-05-25\n\n## 30 Dec\n- ✅ a\n## 2 Jan\n- ✅ b\n");
    ck_assert_uint_eq(d->nentries, 2);
    ck_assert_str_eq(d->entries[0]->date, "2025-12-30");
    ck_assert_str_eq(d->entries[1]->date, "2026-01-02");
    slog_doc_free(d);
    /* no full date anywhere before: no entry; nor a year-less date mid-sentence */
    no_entry("## March 9th\n- x\n");
    no_entry("Date: 2026-03-01\n\n## Notes on the March 9 call\n- x\n");
    /* set apart by a separator, as a heading's date is */
    d = doc_of("Date: 2026-03-01\n\n## Day 5 — Mar 9\n- a\n## Retro: 10 Mar\n- b\n"
               "## Standup (Mar 11)\n- c\n## Plan - due Mar 14\n- f\n");
    ck_assert_uint_eq(d->nentries, 3);
    ck_assert_str_eq(d->entries[0]->date, "2026-03-09");
    ck_assert_str_eq(d->entries[0]->label, "Day 5");
    ck_assert_str_eq(d->entries[2]->label, "Standup");
    slog_doc_free(d);
    /* a heading that names a year (a month's, a quarter's), or a line that is
     * a month and year, dates what is below it */
    d = doc_of("# Journal\n\n## March 2026\n### Mar 9\n- a\n## April 2026\n### Apr 1\n- b\n");
    ck_assert_uint_eq(d->nentries, 2);
    ck_assert_str_eq(d->entries[0]->date, "2026-03-09");
    ck_assert_str_eq(d->entries[1]->date, "2026-04-01");
    slog_doc_free(d);
    d = doc_of("Date: 2025-11-20\n\n## Q1 2026\n### Jan 5\n- a\n\n**Februar 2027**\n\n"
               "### 9. Februar\n- b\n## 2028年3月\n### 3月9日\n- c\n");
    ck_assert_uint_eq(d->nentries, 3);
    ck_assert_str_eq(d->entries[0]->date, "2026-01-05");
    ck_assert_str_eq(d->entries[1]->date, "2027-02-09");
    ck_assert_str_eq(d->entries[2]->date, "2028-03-09");
    slog_doc_free(d);
    /* a year in running text is not the log's: the full date before wins */
    d = doc_of("Date: 2026-03-01\n\nSince the March 2025 release:\n\n## Item 2041\n\n"
               "### Mar 9\n- a\n");
    ck_assert_uint_eq(d->nentries, 1);
    ck_assert_str_eq(d->entries[0]->date, "2026-03-09");
    slog_doc_free(d);
    no_entry("## Roadmap\n\nIn 2026 we ship.\n\n### Mar 9\n- x\n");
    {
        /* a long line before the year's heading: the search for it neither
         * backtracks nor gives up there (PCRE2's match limit) */
        slog_buf big = {0};
        slog_buf_puts(&big, "Date: 2025-01-01\n\n- ");
        for (int i = 0; i < 200000; i++)
            slog_buf_puts(&big, "✅ ");
        slog_buf_puts(&big, "\n\n## 2026\n\n### Mar 9\n- a\n");
        ck_assert(!big.failed);
        slog_doc *dl = doc_of(big.data);
        ck_assert_uint_eq(dl->nentries, 1);
        ck_assert_str_eq(dl->entries[0]->date, "2026-03-09");
        slog_doc_free(dl);
        free(big.data);
    }
    /* a year-less date struck out, and the one after it */
    d = doc_of("## March 2026\n### ~~Mar 5~~ Mar 6\n- a\n### Standup — ~~Mar 7~~ Mar 8\n- b\n");
    ck_assert_uint_eq(d->nentries, 2);
    ck_assert_str_eq(d->entries[0]->date, "2026-03-06");
    ck_assert_str_eq(d->entries[0]->label, "");
    ck_assert_str_eq(d->entries[1]->date, "2026-03-08");
    ck_assert_str_eq(d->entries[1]->label, "Standup");
    slog_doc_free(d);
}
END_TEST

START_TEST(front_matter_is_metadata)
{
    slog_doc *d = doc_of("---\nAuthor: Ops\ndate: 2026-03-01\n---\n## 2026-03-02\n- ✅ a\n");
    ck_assert_uint_eq(d->nmeta, 2);
    ck_assert_str_eq(d->meta[0].key, "Author");
    ck_assert_str_eq(d->date, "2026-03-01");
    ck_assert_uint_eq(d->nentries, 1);
    ck_assert_int_eq(d->entries[0]->line, 5);
    slog_doc_free(d);
    /* a thematic break and a setext heading are not front matter */
    d = doc_of("---\nRun 2026-03-02\n---\n- ✅ a\n");
    ck_assert_uint_eq(d->nmeta, 0);
    ck_assert_uint_eq(d->nentries, 1);
    slog_doc_free(d);
}
END_TEST

START_TEST(bold_line_entries)
{
    /* the first paragraph under an undated heading dates the heading's section */
    slog_doc *d = doc_of("# Incidents\n\n## Incident 41\n**Reported**: 2026-03-09 20:23 EST\n"
                         "- ✅ rolled back\n\n### Follow-up\n- 🔜 postmortem\n");
    ck_assert_uint_eq(d->nentries, 1);
    const slog_entry *e = d->entries[0];
    ck_assert_int_eq(e->kind, SLOG_ENTRY_BOLD);
    ck_assert_int_eq(e->line, 3);
    ck_assert_int_eq(e->date_line, 4);
    ck_assert_str_eq(e->label, "Incident 41");
    ck_assert_str_eq(e->time, "20:23");
    ck_assert_str_eq(e->zone, "EST");
    ck_assert_uint_eq(e->nitems, 2); /* its section, subheading included */
    slog_doc_free(d);
    /* bold dates in a section: each starts an entry running to the next */
    d = doc_of("## Daily notes\n\n**Mon 9 Mar 2026** — kickoff\n\n- ✅ planned\n\n"
               "**Tue 10 Mar 2026**\n\n- ✅ coded\n- Next: review\n");
    ck_assert_uint_eq(d->nentries, 2);
    ck_assert_int_eq(d->entries[0]->kind, SLOG_ENTRY_BOLD);
    ck_assert_str_eq(d->entries[0]->label, "kickoff");
    ck_assert_uint_eq(d->entries[0]->nitems, 1);
    ck_assert_int_eq(d->entries[1]->line, 7);
    {
        /* bold and emphasis at once: no '*' left in the label */
        slog_doc *d2 =
            doc_of("## Notes\n\n***2026-03-12***\n\n- a\n\n***2026-03-13*** — b\n\n- b\n");
        ck_assert_uint_eq(d2->nentries, 2);
        ck_assert_str_eq(d2->entries[0]->label, "");
        ck_assert_str_eq(d2->entries[1]->label, "b");
        slog_doc_free(d2);
    }
    ck_assert_uint_eq(d->entries[1]->nitems, 2);
    slog_doc_free(d);
    /* below the title a bold key and date is the document's metadata */
    d = doc_of("# Report\n\n**Date:** 2026-03-09\n\n- ✅ a\n");
    ck_assert_uint_eq(d->nentries, 0);
    ck_assert_str_eq(d->date, "2026-03-09");
    slog_doc_free(d);
    /* a dated heading's first paragraph that restates its date is no entry */
    d = doc_of("## 2026-03-13 Status\n\n**Date:** 2026-03-13\n\n- ✅ x\n");
    ck_assert_uint_eq(d->nentries, 1);
    ck_assert_uint_eq(d->entries[0]->nitems, 1);
    slog_doc_free(d);
    /* a key with the date inside the bold, or a date and a key */
    d = doc_of("## Notes\n\n**Update (2026-03-11):** moved the cron.\n\n"
               "**2026-03-12 Update:** rollback done.\n");
    ck_assert_uint_eq(d->nentries, 2);
    ck_assert_str_eq(d->entries[0]->label, "Update");
    ck_assert_str_eq(d->entries[1]->date, "2026-03-12");
    ck_assert_str_eq(d->entries[1]->label, "Update");
    slog_doc_free(d);
    /* a later bold paragraph long enough to grow the line buffer: the
     * first one's date is read again (a use after free, found by fuzz_check) */
    char long_md[1200];
    snprintf(long_md, sizeof long_md,
             "## Incident 42\n**Reported**: 2026-03-05 08:10 EST\n\n- ✅ rolled back\n\n"
             "**Note** %0900d\n",
             0);
    d = doc_of(long_md);
    ck_assert_uint_eq(d->nentries, 1);
    ck_assert_str_eq(d->entries[0]->label, "Incident 42");
    ck_assert_str_eq(d->entries[0]->date, "2026-03-05");
    ck_assert_str_eq(d->entries[0]->time, "08:10");
    slog_doc_free(d);
    /* without bold, under an undated heading: a line that is only a date
     * (in italics or code too), or a date key and a date */
    d = doc_of("# Log\n\n## Update\n\n_2026-03-09 14:00_\n\n- ✅ one\n\n## Update\n\n2026-03-10\n\n"
               "- ✅ two\n\n## Deploy\n\nLogged: 2026-03-11\n\n- ✅ three\n");
    ck_assert_uint_eq(d->nentries, 3);
    ck_assert_int_eq(d->entries[0]->kind, SLOG_ENTRY_BOLD);
    ck_assert_str_eq(d->entries[0]->time, "14:00");
    ck_assert_str_eq(d->entries[1]->label, "Update");
    ck_assert_str_eq(d->entries[2]->date, "2026-03-11");
    ck_assert_str_eq(d->entries[2]->label, "Deploy");
    ck_assert_uint_eq(d->entries[2]->nitems, 1);
    slog_doc_free(d);
    /* but not a sentence, another key, or the metadata under a level-1 heading */
    no_entry("## Notes\n\n2026-03-10 we shipped\n\n- x\n");
    no_entry("## Notes\n\nDeadline: 2026-03-10\n\n- x\n");
    no_entry("## Notes\n\nOwner: 2026-03-10\n\n- x\n");
    no_entry("# Notes\n\nDate: 2026-03-10\n\n# More\n\n- x\n");
    /* bold without a date, or a date not at the start, is text */
    no_entry("## Notes\n\n**Owner**: Ops\n\n- x\n");
    no_entry("## Notes\n\nShipped on **2026-03-09** finally.\n\n- x\n");
    no_entry("## Notes\n\n**The team finally shipped the release on** 2026-03-09.\n\n- x\n");
}
END_TEST

START_TEST(list_item_entries)
{
    slog_doc *d = doc_of("# Worklog\n\n- 2026-03-09: Finished the parser\n"
                         "- 2026-03-10 14:00 UTC — Deploy\n  - ✅ migrated db\n  - ❌ smoke failed\n"
                         "- 2026-03-11: Next: write docs\n- an undated sibling\n");
    ck_assert_uint_eq(d->nentries, 3);
    const slog_entry *e = d->entries[0];
    ck_assert_int_eq(e->kind, SLOG_ENTRY_LIST);
    ck_assert_str_eq(e->label, "Finished the parser");
    ck_assert_uint_eq(e->nitems, 1); /* the item is the entry and its one item */
    ck_assert_int_eq(e->items->state, SLOG_STATE_NOTE);
    e = d->entries[1];
    ck_assert_str_eq(e->time, "14:00");
    ck_assert_str_eq(e->label, "Deploy");
    ck_assert_uint_eq(e->nitems, 3); /* and its nested items are the entry's */
    ck_assert_int_eq(e->items->next->state, SLOG_STATE_DONE);
    ck_assert_int_eq(e->items->next->next->state, SLOG_STATE_FAILED);
    ck_assert_int_eq(d->entries[2]->items->state, SLOG_STATE_NEXT); /* marker after the date */
    slog_doc_free(d);
    /* one dated item in a list is a note, and so is a date in the middle */
    no_entry("- 2026-03-09 shipped\n- later that week\n");
    no_entry("- shipped on 2026-03-09\n- fixed on 2026-03-10\n");
    no_entry("- [x] 2026-03-09 a task\n- [ ] 2026-03-10 another\n");
    /* a date in code opens an entry when it is all the code; a file name does not */
    d = doc_of("- `2026-03-09` parser\n- `2026-03-10` docs\n");
    ck_assert_uint_eq(d->nentries, 2);
    ck_assert_str_eq(d->entries[1]->label, "docs");
    slog_doc_free(d);
    no_entry("- `2025-09-29-QA-SUMMARY.md`\n- `2025-09-29-QA-FEEDBACK.md` (150KB)\n");
    no_entry("- 2025-09-29-notes.md\n- 2025-09-30-notes.md\n");
}
END_TEST

START_TEST(word_markers)
{
    static const struct {
        const char *item;
        slog_state state;
        const char *text;
    } cases[] = {
        {"- Next: wire the retry", SLOG_STATE_NEXT, "wire the retry"},
        {"- **TODO** rotate keys", SLOG_STATE_NEXT, "rotate keys"},
        {"- DONE - cleaned up", SLOG_STATE_DONE, "cleaned up"},
        {"- Done: shipped", SLOG_STATE_DONE, "shipped"},
        {"- **Fixed:** the flake", SLOG_STATE_DONE, "the flake"},
        {"- Completed — migration", SLOG_STATE_DONE, "migration"},
        {"- WIP: docs", SLOG_STATE_IN_PROGRESS, "docs"},
        {"- In progress: docs", SLOG_STATE_IN_PROGRESS, "docs"},
        {"- To do: docs", SLOG_STATE_NEXT, "docs"},
        {"- BLOCKED: waiting on SRE", SLOG_STATE_BLOCKED, "waiting on SRE"},
        {"- FAIL: smoke", SLOG_STATE_FAILED, "smoke"},
        {"- Failed - smoke", SLOG_STATE_FAILED, "smoke"},
        /* the same words in other languages */
        {"- Erledigt: Tests grün", SLOG_STATE_DONE, "Tests grün"},
        {"- **Hecho** migración", SLOG_STATE_DONE, "migración"},
        {"- En cours : déploiement", SLOG_STATE_IN_PROGRESS, "déploiement"},
        {"- Pendiente: revisar", SLOG_STATE_NEXT, "revisar"},
        {"- Blockiert - wartet auf Freigabe", SLOG_STATE_BLOCKED, "wartet auf Freigabe"},
        {"- Mislukt: rooktest", SLOG_STATE_FAILED, "rooktest"},
        {"- Fertig machen morgen", SLOG_STATE_NOTE, "Fertig machen morgen"},
        /* with accents, in capitals too */
        {"- Terminé : le parseur", SLOG_STATE_DONE, "le parseur"},
        {"- BLOQUÉ : la revue", SLOG_STATE_BLOCKED, "la revue"},
        {"- À faire : la doc", SLOG_STATE_NEXT, "la doc"},
        {"- Échoué - le test", SLOG_STATE_FAILED, "le test"},
        {"- **Concluído** testes", SLOG_STATE_DONE, "testes"},
        {"- Próximo: deploy", SLOG_STATE_NEXT, "deploy"},
        {"- terminé : en minuscules", SLOG_STATE_NOTE, "terminé : en minuscules"},
        {"- Échouée", SLOG_STATE_NOTE, "Échouée"},
        /* Japanese, Chinese, Korean: after a colon (full-width or not) or bold */
        {"- 完了：ログ修正", SLOG_STATE_DONE, "ログ修正"},
        {"- **完了**：テスト追加", SLOG_STATE_DONE, "テスト追加"},
        {"- 進行中: レビュー", SLOG_STATE_IN_PROGRESS, "レビュー"},
        {"- 失败：构建", SLOG_STATE_FAILED, "构建"},
        {"- 진행 중: 리뷰", SLOG_STATE_IN_PROGRESS, "리뷰"},
        {"- 完了した作業の一覧", SLOG_STATE_NOTE, "完了した作業の一覧"},
        /* negatives */
        {"- Next week we ship", SLOG_STATE_NOTE, "Next week we ship"},
        {"- **TODO.md** updated", SLOG_STATE_NOTE, "**TODO.md** updated"},
        {"- **GPU**: ✅ ok", SLOG_STATE_NOTE, "**GPU**: ✅ ok"},
        {"- done: lower case is prose", SLOG_STATE_NOTE, "done: lower case is prose"},
        {"- Next steps: plan", SLOG_STATE_NOTE, "Next steps: plan"},
        {"- Donegal trip", SLOG_STATE_NOTE, "Donegal trip"},
        /* counts in a report are not items in that state */
        {"- Failed: 0", SLOG_STATE_NOTE, "Failed: 0"},
        {"- Done: 12/14 tests", SLOG_STATE_NOTE, "Done: 12/14 tests"},
        {"- Blocked: 3 (waiting)", SLOG_STATE_NOTE, "Blocked: 3 (waiting)"},
        {"- Done: 2026-03-09 deployed", SLOG_STATE_DONE, "2026-03-09 deployed"},
        {"- Next: 10:30 standup", SLOG_STATE_NEXT, "10:30 standup"},
        /* r3: a marker that rates a figure is a metric, not blocked work */
        {"- 🔴 **Critical Issues**: 3 (require immediate fix)", SLOG_STATE_NOTE,
         "**Critical Issues**: 3 (require immediate fix)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char buf[256];
        snprintf(buf, sizeof buf, "## Status (2026-03-09)\n%s\n", cases[i].item);
        slog_doc *d = doc_of(buf);
        const slog_item *it = d->entries[0]->items;
        ck_assert_msg(it->state == cases[i].state, "%s: state %s", cases[i].item,
                      slog_state_name(it->state));
        ck_assert_msg(!strcmp(it->text, cases[i].text), "%s: text '%s'", cases[i].item, it->text);
        slog_doc_free(d);
    }
}
END_TEST

START_TEST(log_direction)
{
    slog_doc *d = doc_of("## 2026-03-11\n- a\n## 2026-03-10\n- b\n## 2026-03-09\n- c\n"
                         "## 2026-03-12 Days\n- d\n### 10:00 run 2026-03-12T10:00Z\n- e\n"
                         "### 11:00 run 2026-03-12T11:00Z\n- f\n");
    ck_assert_uint_eq(d->nlogs, 2);
    ck_assert_int_eq(d->logs[0].direction, SLOG_NEWEST_FIRST);
    ck_assert_uint_eq(d->logs[0].nentries, 4);
    ck_assert_ptr_null(d->logs[0].parent);
    ck_assert_int_eq(d->logs[1].direction, SLOG_OLDEST_FIRST);
    ck_assert_int_eq(d->logs[1].parent->line, 7);
    slog_doc_free(d);
    /* a tie is oldest-first */
    d = doc_of("## 2026-03-09\n- a\n## 2026-03-11\n- b\n## 2026-03-10\n- c\n");
    ck_assert_int_eq(d->logs[0].direction, SLOG_OLDEST_FIRST);
    slog_doc_free(d);
    /* weeks newest-first, each with its days oldest-first: a log a week
     * (r3: the same nearest enclosing heading), nothing misplaced */
    d = doc_of("# J\n\n## Week 12\n### Mon 16 Mar 2026\n- a\n### Tue 17 Mar 2026\n- b\n"
               "## Week 11\n### Mon 9 Mar 2026\n- c\n### Tue 10 Mar 2026\n- d\n"
               "### Wed 11 Mar 2026\n- e\n");
    ck_assert_uint_eq(d->nlogs, 2);
    ck_assert_int_eq(d->logs[0].direction, SLOG_OLDEST_FIRST);
    ck_assert_int_eq(d->logs[0].heading_line, 3);
    ck_assert_int_eq(d->logs[1].heading_line, 8);
    ck_assert_int_eq(d->entries[4]->heading_line, 8);
    slog_misplaced *m;
    size_t n;
    ck_assert_int_eq(slog_log_misplaced(&d->logs[0], &m, &n), 0);
    ck_assert_uint_eq(n, 0);
    ck_assert_int_eq(slog_log_misplaced(&d->logs[1], &m, &n), 0);
    ck_assert_uint_eq(n, 0);
    slog_doc_free(d);
    /* a bare time is in the zone most of the log's times carry (r3): in a
     * log of -06:00 times, 13:57:42 is -06:00 too */
    d = doc_of("## 2025-10-02T08:36:19-06:00 a\n- a\n## 2025-10-02T13:57:42 b\n- b\n"
               "## 2025-10-02T15:28:10-06:00 c\n- c\n## 2025-10-03T02:00Z d\n- d\n");
    ck_assert_int_eq(slog_log_misplaced(&d->logs[0], &m, &n), 0);
    ck_assert_uint_eq(n, 0);
    ck_assert(d->entries[1]->instant == d->entries[0]->instant + 5 * 3600 + 21 * 60 + 23);
    slog_doc_free(d);
    /* within a week an entry out of order still is */
    d = doc_of("# J\n\n## Week 12\n### Mon 16 Mar 2026\n- a\n### Tue 17 Mar 2026\n- b\n"
               "## Week 11\n### Mon 9 Mar 2026\n- c\n### Wed 11 Mar 2026\n- e\n"
               "### Tue 10 Mar 2026\n- d\n### Thu 12 Mar 2026\n- f\n");
    ck_assert_int_eq(slog_log_misplaced(&d->logs[1], &m, &n), 0);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(m[0].entry->date, "2026-03-10");
    free(m);
    slog_doc_free(d);
}
END_TEST

/* Parses `md` with a configuration file holding `json`. */
static slog_doc *with_config(const char *json, const char *md)
{
    char path[] = "/tmp/slog-reading-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert(write(fd, json, strlen(json)) == (ssize_t)strlen(json));
    close(fd);
    slog_config *c;
    slog_error err;
    ck_assert_msg(slog_config_load(path, &c, &err) == SLOG_OK, "%s", err.message);
    unlink(path);
    slog_parse_options o = SLOG_PARSE_OPTIONS_INIT;
    o.config = c;
    slog_doc *d;
    ck_assert_int_eq(slog_parse_buffer(md, strlen(md), &o, &d, &err), SLOG_OK);
    slog_config_free(c);
    return d;
}

START_TEST(configuration_keys)
{
    /* date_order: dmy */
    slog_doc *d = with_config("{\"date_order\": \"dmy\"}", "## 3/9/2026\n- a\n");
    ck_assert_str_eq(d->entries[0]->date, "2026-09-03");
    slog_doc_free(d);
    d = doc_of("## 3/9/2026\n- a\n");
    ck_assert_str_eq(d->entries[0]->date, "2026-03-09"); /* US by default */
    slog_doc_free(d);
    /* ... unless the log itself has a day-first date */
    d = doc_of("## 25/3/2026\n- a\n## 3/4/2026\n- b\n");
    ck_assert_str_eq(d->entries[1]->date, "2026-04-03");
    slog_doc_free(d);
    /* order fixes the direction */
    d = with_config("{\"order\": \"newest-first\"}", "## 2026-03-09\n- a\n## 2026-03-10\n- b\n");
    ck_assert_int_eq(d->logs[0].direction, SLOG_NEWEST_FIRST);
    slog_doc_free(d);
    /* words as markers */
    d = with_config("{\"markers\": {\"Shipped\": \"done\"}}", "## 2026-03-09\n- Shipped: v2\n");
    ck_assert_int_eq(d->entries[0]->items->state, SLOG_STATE_DONE);
    ck_assert_str_eq(d->entries[0]->items->text, "v2");
    slog_doc_free(d);
}
END_TEST

START_TEST(configured_pattern_reads_month_names)
{
    slog_doc *d = with_config("{\"entry_pattern\": \"^Day (?<day>[0-9]+) (?<month>[A-Za-z]+) "
                              "(?<year>[0-9]{4})\"}",
                              "## Day 9 March 2026 review\n- a\n## Status 2026-03-10\n- b\n");
    ck_assert_uint_eq(d->nentries, 1);
    ck_assert_str_eq(d->entries[0]->date, "2026-03-09");
    ck_assert_str_eq(d->entries[0]->label, "Day review");
    slog_doc_free(d);
    /* and the other languages' names */
    d = with_config("{\"entry_pattern\": \"^Tag (?<day>[0-9]+)\\\\. (?<month>\\\\p{L}+) "
                    "(?<year>[0-9]{4})\"}",
                    "## Tag 9. März 2026\n- a\n");
    ck_assert_uint_eq(d->nentries, 1);
    ck_assert_str_eq(d->entries[0]->date, "2026-03-09");
    slog_doc_free(d);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("reading");
    TCase *tc = tcase_create("reading");
    tcase_add_test(tc, date_forms);
    tcase_add_test(tc, times_and_zones);
    tcase_add_test(tc, plans_are_not_entries);
    tcase_add_test(tc, ranges_are_dated_by_their_start);
    tcase_add_test(tc, weekday_must_fit);
    tcase_add_test(tc, year_less_dates);
    tcase_add_test(tc, front_matter_is_metadata);
    tcase_add_test(tc, bold_line_entries);
    tcase_add_test(tc, list_item_entries);
    tcase_add_test(tc, word_markers);
    tcase_add_test(tc, log_direction);
    tcase_add_test(tc, configuration_keys);
    tcase_add_test(tc, configured_pattern_reads_month_names);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
