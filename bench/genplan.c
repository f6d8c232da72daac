/* SPDX-License-Identifier: BSD-2-Clause */
/* Generates a plan of about N megabytes in the canonical example's style:
 * title, metadata, sections, then dated "## Status (DATE)" entries with
 * ✅/⏳/🔜 items, an occasional checklist and follow-ups. Deterministic.
 * usage: genplan MEGABYTES > plan.md */
#include <stdio.h>
#include <stdlib.h>

static unsigned long long rng = 0x9E3779B97F4A7C15ull;

static unsigned next_rand(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng % n);
}

static const char *const verbs[] = {"Reran",    "Revalidated", "Captured", "Documented",
                                    "Verified", "Reconfirmed", "Added",    "Migrated"};
static const char *const things[] = {
    "the Prisma CLI suite on `feature/route-sales-drilldown`",
    "`npm run prisma:generate` and the SQLite seed harness",
    "the retention cron sweep with indexes on `StoreSecret.rotationReminderAt`",
    "webhook lint fixes and the settings cleanup",
    "the deployment runbook for Fly.io and Render",
    "`DATABASE_URL=\"file:./dev.sqlite\" npx prisma db seed` on the branch",
    "the dashboard health endpoint and its Vitest coverage",
    "CI smoke definitions for the post-merge pipeline"};
static const char *const open_items[] = {
    "Coordinate CI smoke after the deploy window; follow up with DevOps",
    "Await infrastructure selection (Fly vs Render) before opening the ops ticket",
    "Rerun the retention tests once hosting provider is finalized",
    "Post-merge CI smoke still pending; schedule with DevOps"};

static void date_of(long day, char *buf)
{
    /* days since 2000-01-01 -> YYYY-MM-DD, simple civil conversion */
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y = 2000;
    for (;;) {
        int len = (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 366 : 365;
        if (day < len)
            break;
        day -= len;
        y++;
    }
    int m = 0;
    for (;; m++) {
        int len = mdays[m] + (m == 1 && (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)));
        if (day < len)
            break;
        day -= len;
    }
    snprintf(buf, 16, "%04d-%02d-%02d", y % 10000, (m + 1) % 100, (int)(day + 1) % 100);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: genplan MEGABYTES\n");
        return 2;
    }
    long long target = (long long)(atof(argv[1]) * 1024 * 1024);
    long long written = printf("# Plan: Generated Coordination Log\n\nAuthor: bench (genplan)\n"
                               "Date: 2000-01-01\nStakeholders: Tooling, Database\n\n"
                               "## Summary\nA generated plan in the style of the canonical "
                               "example, for benchmarks.\n\n## Goals\n- Keep the log fast to "
                               "read.\n- Keep every entry dated.\n\n");
    char date[16];
    for (long day = 0; written < target; day++) {
        date_of(day, date);
        written += printf("## Status (%s)\n", date);
        int done = 2 + (int)next_rand(3);
        for (int i = 0; i < done; i++)
            written += printf("- ✅ %s %s; all steps completed (run %u).\n", verbs[next_rand(8)],
                              things[next_rand(8)], next_rand(1000));
        if (next_rand(10) == 0)
            written += printf("- ⏳ %s\n", open_items[next_rand(4)]);
        written += printf("- 🔜 %s.\n", open_items[next_rand(4)]);
        if (next_rand(20) == 0)
            written += printf("\n### Checklist\n- [ ] Confirm base URL for run %ld\n"
                              "- [x] Store secrets for run %ld\n",
                              day, day);
        written += printf("\n");
    }
    printf("## Follow-ups\n- Trigger CI pipeline run post-merge.\n");
    return 0;
}
