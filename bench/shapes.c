/* SPDX-License-Identifier: BSD-2-Clause */
/* Writes a pathological document of size N to stdout, for the linear-time
 * test (tests/perf/linear.sh) and the memory figures of make bench.
 *
 *   words N     one open item of N words
 *   items N     N items in one entry
 *   done N      N one-word "- ✅" items (the 5M-item file of the hardening issue)
 *   entries N   N entries with the same date, an item each
 *   nested N    N list levels opened on one line ("- - - … x")
 *   quotes N    N block quote levels on one line ("> > > … x")
 *   line N      one line of N bytes: dates, markers, emphasis and code spans
 *   checks N    a checklist of N task-list items, checked
 *   yearless N  year-less dates that look back for their year
 *   cycle N     N entries whose dates cycle through one year, items sharing words
 *   sameday N   N entries of one date (times differ), items sharing words
 *
 * usage: shapes SHAPE N > doc.md */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const words[] = {"rerun",   "prisma", "retention", "cron",  "sweep",
                                    "webhook", "deploy", "smoke",     "fly",   "render",
                                    "seed",    "sqlite", "vitest",    "index", "ticket"};
enum { NWORDS = sizeof words / sizeof *words };

static void header(void)
{
    fputs("# Shapes\n\n## Status (2025-10-07)\n\n", stdout);
}

static void shape_words(long n)
{
    header();
    fputs("- ⏳", stdout);
    for (long i = 0; i < n; i++)
        printf(" %s%ld", words[i % NWORDS], i % 97);
    fputs("\n", stdout);
}

static void shape_items(long n, int done)
{
    header();
    for (long i = 0; i < n; i++) {
        if (done)
            fputs("- ✅\n", stdout);
        else
            printf("- %s %s %s %ld\n", i % 3 ? "✅" : "⏳", words[i % NWORDS],
                   words[(i / NWORDS) % NWORDS], i);
    }
}

static void shape_entries(long n)
{
    fputs("# Shapes\n\n", stdout);
    for (long i = 0; i < n; i++)
        printf("## Status (2025-10-07)\n\n- ✅ %s %ld\n\n", words[i % NWORDS], i);
}

/* Dates cycling through the days of one year again and again, each entry
 * with a done item, a next item and an open box whose texts share most
 * words ("next thing 17", "next thing 4711"): what a heartbeat or an
 * agent's log looks like after a year of runs. */
static void shape_cycle(long n)
{
    fputs("# Shapes\n\n", stdout);
    for (long i = 0; i < n; i++) {
        long day = i % 336; /* 12 months of 28 days */
        printf("## 2026-%02ld-%02ld — Status %ld\n\n- ✅ done thing %ld %s\n- 🔜 next thing %ld\n"
               "- [ ] open %ld\n\n",
               day / 28 + 1, day % 28 + 1, i, i, words[i % NWORDS], i, i);
    }
}

/* Many entries of one date, each with items sharing most words. */
static void shape_sameday(long n)
{
    fputs("# Shapes\n\n", stdout);
    for (long i = 0; i < n; i++)
        printf("## 2026-03-09 %02ld:%02ld — Run %ld\n\n- ✅ done thing %ld\n- 🔜 next thing %ld\n"
               "- ❌ failed thing %ld\n\n",
               (i / 60) % 24, i % 60, i, i, i, i);
}

/* Records opened by a bracketed stamp, each with its body and a pasted
 * program output of stamped lines (build_lines.c looks ahead for the next
 * record once; the output's lines are none). */
static void shape_stamps(long n)
{
    fputs("[ARCHIVE] notes\n\n", stdout);
    for (long i = 0; i < n; i++)
        printf(
            "[2026-03-%02ld %02ld:%02ld -03:00] - Step %ld: %s\nDone\n- ✅ thing %ld\n\n"
            "[2026-03-%02ld %02ld:%02ld:01Z] CMD: run %ld\n[2026-03-%02ld %02ld:%02ld:02Z] ok\n\n",
            i % 28 + 1, (i / 60) % 24, i % 60, i, words[i % NWORDS], i, i % 28 + 1, (i / 60) % 24,
            i % 60, i, i % 28 + 1, (i / 60) % 24, i % 60);
}

/* Year-less dates under headings that are and are not years: every one
 * looks back for its year (scan_year_refs) */
static void shape_yearless(long n)
{
    fputs("# Shapes\n\nDate: 2026-01-01\n\n", stdout);
    for (long i = 0; i < n; i++)
        printf("## %s %ld\n\n### Mar %ld\n\n- ✅ %s %ld\n\n%s", i % 2 ? "Item" : "Q1",
               i % 2 ? 1900 + i % 200 : 2026, i % 28 + 1, words[i % NWORDS], i,
               i % 3 ? "" : "**March 2026**\n\n");
}

static void shape_nested(long n, const char *opener)
{
    header();
    for (long i = 0; i < n; i++)
        fputs(opener, stdout);
    fputs("⏳ x\n", stdout);
}

static void shape_checks(long n)
{
    fputs("# Shapes\n\n## Release checklist\n\n", stdout);
    for (long i = 0; i < n; i++)
        printf("- [x] %s the %s step %ld\n", words[i % NWORDS], words[(i / NWORDS) % NWORDS], i);
}

static void shape_line(long bytes)
{
    static const char piece[] = "2025-10-07 ✅ *done* `code` **Next:** Tue 3 Mar 2026 [x](y) ";
    header();
    fputs("- ⏳ ", stdout);
    for (long written = 0; written < bytes; written += (long)sizeof piece - 1)
        fputs(piece, stdout);
    fputs("\n", stdout);
}

int main(int argc, char **argv)
{
    long n = argc == 3 ? strtol(argv[2], NULL, 10) : 0;
    if (n <= 0) {
        fprintf(stderr,
                "usage: shapes words|items|done|entries|nested|quotes|line|checks|yearless|cycle|"
                "sameday|stamps N\n");
        return 2;
    }
    const char *s = argv[1];
    if (!strcmp(s, "words"))
        shape_words(n);
    else if (!strcmp(s, "items") || !strcmp(s, "done"))
        shape_items(n, !strcmp(s, "done"));
    else if (!strcmp(s, "entries"))
        shape_entries(n);
    else if (!strcmp(s, "nested"))
        shape_nested(n, "- ");
    else if (!strcmp(s, "quotes"))
        shape_nested(n, "> ");
    else if (!strcmp(s, "line"))
        shape_line(n);
    else if (!strcmp(s, "checks"))
        shape_checks(n);
    else if (!strcmp(s, "yearless"))
        shape_yearless(n);
    else if (!strcmp(s, "cycle"))
        shape_cycle(n);
    else if (!strcmp(s, "sameday"))
        shape_sameday(n);
    else if (!strcmp(s, "stamps"))
        shape_stamps(n);
    else {
        fprintf(stderr, "shapes: unknown shape '%s'\n", s);
        return 2;
    }
    return fflush(stdout) == 0 ? 0 : 1;
}
