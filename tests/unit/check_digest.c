/* SPDX-License-Identifier: BSD-2-Clause */
/* The digest view model (SPEC §5 r2): texts shortened and made HTML, counts
 * with their nouns, everything as of the end of the period, attention
 * oldest first, active and quiet documents, the chart. */
#include "helpers.h"

#include "digest_text.h"

static long day_of(const char *s)
{
    long d;
    ck_assert(slog_parse_date(s, &d) == 0);
    return d;
}

START_TEST(short_texts)
{
    char *s = slog_digest_short("short enough", 200);
    ck_assert_str_eq(s, "short enough");
    free(s);
    s = slog_digest_short("one two three four five six", 15);
    ck_assert_str_eq(s, "one two three…"); /* at a word */
    free(s);
    s = slog_digest_short("ééééé ééééé", 8); /* characters, not bytes */
    ck_assert_str_eq(s, "ééééé…");
    free(s);
    /* a cut inside a code span goes before it */
    s = slog_digest_short("reran the suite with `npm run prisma:generate --schema x`", 40);
    ck_assert_str_eq(s, "reran the suite with…");
    free(s);
    /* and so does a cut inside a link */
    s = slog_digest_short(
        "sent a patch, see [bug 77 timer wheel race](https://bugs.example.org/77)", 30);
    ck_assert_str_eq(s, "sent a patch, see…");
    free(s);
}
END_TEST

START_TEST(html_texts)
{
    char *h = slog_digest_html("ran `a<b` & **bold** <script>");
    ck_assert_str_eq(h, "ran <code>a&lt;b</code> &amp; <strong>bold</strong> &lt;script&gt;");
    free(h);
    h = slog_digest_html("a ``x ` y`` and a lone ` tick and ** alone");
    ck_assert_str_eq(h, "a <code>x ` y</code> and a lone ` tick and ** alone");
    free(h);
    /* a strong span around code, a "**" inside code, links */
    h = slog_digest_html(
        "**Reactive `classify` didn't match** and `**` and [a **b**](https://x.org)");
    ck_assert_str_eq(h, "<strong>Reactive <code>classify</code> didn&#39;t match</strong> and "
                        "<code>**</code> and <a href=\"https://x.org\">a <strong>b</strong></a>");
    free(h);
    h = slog_digest_html("[x](javascript:alert(1)) **open");
    ck_assert_str_eq(h, "[x](javascript:alert(1)) **open");
    free(h);
    /* plain text: links as "text (url)", a link named by its address once */
    h = slog_digest_plain("see [the bug](https://x.org/7) and [https://x.org/8](https://x.org/8)");
    ck_assert_str_eq(h, "see the bug (https://x.org/7) and https://x.org/8");
    free(h);
    /* a path in a code span may wrap at its folders */
    h = slog_digest_html("read `/home/j/quality/direction.md` and `a/`");
    ck_assert_str_eq(h, "read <code>/<wbr>home/<wbr>j/<wbr>quality/<wbr>direction.md</code> and "
                        "<code>a/</code>");
    free(h);
    h = slog_digest_html("\"quoted\" 'single'");
    ck_assert_str_eq(h, "&quot;quoted&quot; &#39;single&#39;");
    free(h);
}
END_TEST

START_TEST(phrases)
{
    char buf[64];
    slog_count_phrase(buf, sizeof buf, 1, "document", "documents");
    ck_assert_str_eq(buf, "1 document");
    slog_count_phrase(buf, sizeof buf, 0, "document", "documents");
    ck_assert_str_eq(buf, "0 documents");
    slog_count_phrase(buf, sizeof buf, 2, "entry", "entries");
    ck_assert_str_eq(buf, "2 entries");
    ck_assert_str_eq(slog_path_base("a/b/c.md"), "c.md");
    ck_assert_str_eq(slog_path_base("c.md"), "c.md");
}
END_TEST

static const char *const log_md =
    "# Plan: Gateway\n\n"
    "## Status (2026-02-20)\n- 🔜 Rotate the deploy keys.\n- ⏳ Write the limiter docs.\n\n"
    "## Status (2026-03-03)\n- ✅ Reran the gateway suite; 212 tests pass.\n"
    "- ⏳ Write the limiter docs.\n- Spoke with finance about credits.\n\n"
    "## Status (2026-03-04)\n- ✅ Reran the gateway suite; 214 tests pass.\n"
    "- 🛑 Blocked on the DBA for the index.\n- ⏳ Load test at 2x peak.\n\n"
    "## Status (2026-03-20)\n- ✅ Wrote the limiter docs.\n- ✅ Index approved by the DBA.\n";

static const char *const quiet_md = "# Archive\n\n## Status (2026-01-05)\n- ✅ Removed the job.\n";

/* The digest of the week 2026-W10 as of `today`. */
static cJSON *digest_of(const char *today, int all)
{
    slog_doc *a = parse_str(log_md), *b = parse_str(quiet_md);
    slog_digest_options o = {SLOG_DIGEST_OPTIONS_VERSION, NULL, {0, 0, 0, 0}, day_of(today), all};
    slog_error err;
    ck_assert_int_eq(slog_period_from_week("2026-W10", &o.period, &err), SLOG_OK);
    cJSON *dg = slog_digest_new(&o);
    ck_assert_ptr_nonnull(dg);
    ck_assert_int_eq(slog_digest_add(dg, a, &o, &err), SLOG_OK);
    ck_assert_int_eq(slog_digest_add(dg, b, &o, &err), SLOG_OK);
    ck_assert_int_eq(slog_digest_finish(dg, &err), SLOG_OK);
    slog_doc_free(a); /* the digest copied what it needs */
    slog_doc_free(b);
    return dg;
}

static const cJSON *at(const cJSON *o, const char *path)
{
    char key[64];
    while (o && *path) {
        size_t n = strcspn(path, ".");
        snprintf(key, sizeof key, "%.*s", (int)n, path);
        o = key[0] >= '0' && key[0] <= '9' ? cJSON_GetArrayItem(o, atoi(key))
                                           : cJSON_GetObjectItemCaseSensitive(o, key);
        path += n + (path[n] == '.');
    }
    return o;
}

START_TEST(as_of_the_end_of_the_period)
{
    cJSON *dg = digest_of("2026-03-25", 0);
    ck_assert_str_eq(at(dg, "period.as_of")->valuestring, "2026-03-08");
    ck_assert_str_eq(at(dg, "period.title")->valuestring, "2026-W10 (2026-03-02 – 2026-03-08)");
    /* the later entry (docs written, index approved) does not exist yet */
    ck_assert_int_eq(at(dg, "totals.done")->valueint, 2);
    ck_assert_int_eq(at(dg, "totals.done_lines")->valueint, 1); /* the reruns fold */
    ck_assert_int_eq(at(dg, "documents.0.done.0.count")->valueint, 2);
    ck_assert_int_eq(at(dg, "totals.closed")->valueint, 0);
    /* carried: open at both ends, with its age at the end and the start */
    const cJSON *carried = at(dg, "documents.0.carried");
    ck_assert_int_eq(cJSON_GetArraySize(carried), 2);
    ck_assert_int_eq(at(carried, "0.age_days")->valueint, 16);
    ck_assert_int_eq(at(carried, "0.age_at_start")->valueint, 10);
    /* opened: the blocked item and the load test */
    ck_assert_int_eq(at(dg, "totals.opened")->valueint, 2);
    /* attention: the blocked item (4 days) and the rotation (stale: 16 days,
     * mentioned once while the log went on), oldest first */
    ck_assert_int_eq(at(dg, "totals.attention")->valueint, 2);
    ck_assert_str_eq(at(dg, "attention.0.reason")->valuestring, "stale");
    ck_assert_str_eq(at(dg, "attention.0.first_seen")->valuestring, "2026-02-20");
    ck_assert_str_eq(at(dg, "attention.1.reason")->valuestring, "blocked");
    ck_assert_int_eq(at(dg, "attention.1.age_days")->valueint, 4);
    /* notes, quiet documents, phrases */
    ck_assert_str_eq(at(dg, "documents.0.notes.0.text")->valuestring,
                     "Spoke with finance about credits.");
    ck_assert_int_eq(at(dg, "quiet_documents")->valueint, 1);
    ck_assert_int_eq(cJSON_GetArraySize(at(dg, "quiet")), 0); /* listed with all only */
    ck_assert_str_eq(at(dg, "quiet_line")->valuestring, "1 document without entries in the period");
    ck_assert_ptr_nonnull(strstr(at(dg, "summary")->valuestring, "1 active document of 2"));
    ck_assert_ptr_nonnull(strstr(at(dg, "summary")->valuestring, "2 need attention"));
    cJSON_Delete(dg);
}
END_TEST

START_TEST(the_same_whenever_it_is_made)
{
    cJSON *a = digest_of("2026-03-25", 0), *b = digest_of("2027-01-01", 0);
    char *x = cJSON_PrintUnformatted(a), *y = cJSON_PrintUnformatted(b);
    ck_assert_str_eq(x, y); /* lint counts included */
    free(x);
    free(y);
    cJSON_Delete(a);
    cJSON_Delete(b);
    /* during the week: as of that day */
    cJSON *c = digest_of("2026-03-03", 0);
    ck_assert_str_eq(at(c, "period.as_of")->valuestring, "2026-03-03");
    ck_assert_int_eq(at(c, "totals.done")->valueint, 1);
    cJSON_Delete(c);
}
END_TEST

START_TEST(all_lists_the_quiet_documents)
{
    cJSON *dg = digest_of("2026-03-25", 1);
    ck_assert_int_eq(cJSON_GetArraySize(at(dg, "quiet")), 1);
    ck_assert_str_eq(at(dg, "quiet.0.name")->valuestring, "Archive");
    ck_assert(cJSON_IsTrue(at(dg, "has_quiet")));
    cJSON_Delete(dg);
}
END_TEST

START_TEST(the_chart_draws_nothing_for_zero)
{
    cJSON *dg = digest_of("2026-03-25", 0);
    const cJSON *days = at(dg, "days");
    ck_assert_int_eq(cJSON_GetArraySize(days), 7);
    /* 2026-03-02 (Monday): nothing; 2026-03-03: one done, one opened */
    ck_assert(cJSON_IsNull(at(days, "0.done_bar")));
    ck_assert(cJSON_IsNull(at(days, "0.opened_bar")));
    ck_assert_int_eq(at(days, "1.done_bar.n")->valueint, 1);
    ck_assert_str_eq(at(days, "0.label")->valuestring, "2 Mar");
    ck_assert(cJSON_IsTrue(at(dg, "has_chart")));
    cJSON_Delete(dg);
}
END_TEST

/* The digest of 2026-W23 of the given documents. */
static cJSON *week23(const char *const *mds, const char *const *files, size_t n)
{
    slog_digest_options o = {
        SLOG_DIGEST_OPTIONS_VERSION, NULL, {0, 0, 0, 0}, day_of("2026-06-08"), 0};
    slog_error err;
    ck_assert_int_eq(slog_period_from_week("2026-W23", &o.period, &err), SLOG_OK);
    cJSON *dg = slog_digest_new(&o);
    for (size_t i = 0; i < n; i++) {
        slog_parse_options po = SLOG_PARSE_OPTIONS_INIT;
        slog_doc *d;
        po.filename = files[i];
        ck_assert_int_eq(slog_parse_buffer(mds[i], strlen(mds[i]), &po, &d, &err), SLOG_OK);
        ck_assert_int_eq(slog_digest_add(dg, d, &o, &err), SLOG_OK);
        slog_doc_free(d);
    }
    ck_assert_int_eq(slog_digest_finish(dg, &err), SLOG_OK);
    return dg;
}

/* Copies of a log: one attention line, under the log still written. */
START_TEST(copies_fold_into_one_line)
{
    const char *log = "# Ops notes\n\n## 2026-06-02\n- ⛔ Blocked: VPN certificate expired.\n\n"
                      "## 2026-06-05\n- ✅ Moved the DNS zone.\n";
    const char *copy = "# Ops notes (archived copy)\n\n## 2026-06-02\n"
                       "- ⛔ Blocked: VPN certificate expired.\n";
    const char *mds[] = {copy, log}, *files[] = {"archive/ops.md", "ops.md"};
    cJSON *dg = week23(mds, files, 2);
    ck_assert_int_eq(cJSON_GetArraySize(at(dg, "attention")), 1);
    ck_assert_str_eq(at(dg, "attention.0.file")->valuestring, "ops.md");
    ck_assert_str_eq(at(dg, "attention.0.also.0.file")->valuestring, "archive/ops.md");
    ck_assert_ptr_nonnull(strstr(at(dg, "summary")->valuestring, "1 needs attention"));
    cJSON_Delete(dg);
}
END_TEST

/* Near-copies: the same work in other words in a log and its older copy is
 * one attention line too. */
START_TEST(near_copies_fold_into_one_line)
{
    const char *log = "# Plan: Config migration\n\n## 2026-05-20\n"
                      "- 🔜 Post-release CI smoke remains pending until the config work merges "
                      "to `main`; coordinate with DevOps to trigger the pipeline.\n\n"
                      "## 2026-06-05\n- ✅ Moved the DNS zone.\n";
    const char *copy = "# Plan: Config migration\n\n## 2026-05-20\n"
                       "- 🔜 CI smoke still pending merge to `main`; schedule with DevOps.\n\n"
                       "## 2026-06-04\n- ✅ Rotated the keys.\n";
    const char *mds[] = {copy, log}, *files[] = {"old/plan.md", "plan.md"};
    cJSON *dg = week23(mds, files, 2);
    ck_assert_int_eq(cJSON_GetArraySize(at(dg, "attention")), 1);
    ck_assert_str_eq(at(dg, "attention.0.file")->valuestring, "plan.md");
    ck_assert_str_eq(at(dg, "attention.0.also.0.file")->valuestring, "old/plan.md");
    cJSON_Delete(dg);
    /* two documents of other titles keep their lines */
    const char *other = "# Plan: Search rollout\n\n## 2026-05-20\n"
                        "- 🔜 CI smoke still pending merge to `main`; schedule with DevOps.\n\n"
                        "## 2026-06-04\n- ✅ Rotated the keys.\n";
    const char *m2[] = {other, log};
    dg = week23(m2, files, 2);
    ck_assert_int_eq(cJSON_GetArraySize(at(dg, "attention")), 2);
    cJSON_Delete(dg);
}
END_TEST

/* Status checks folded into one line keep every failing row they had. */
START_TEST(folded_checks_keep_their_failing_rows)
{
    const char *md = "# Status log\n\n## Status check — 2026-06-03 03:21 UTC\n\n"
                     "| repo | tests | gaps |\n|---|---|---|\n| api | [ok] | none |\n"
                     "| web | [--] | pytest failing |\n\n"
                     "## Status check — 2026-06-03 03:38 UTC\n\n"
                     "| repo | tests | gaps |\n|---|---|---|\n| api | [ok] | none |\n"
                     "| cli | [--] | build broken |\n";
    const char *mds[] = {md}, *files[] = {"status.md"};
    cJSON *dg = week23(mds, files, 1);
    const cJSON *line = at(dg, "documents.0.prose.0");
    ck_assert_int_eq((int)at(line, "count")->valuedouble, 2);
    ck_assert(cJSON_IsFalse(at(line, "over_days"))); /* one day: no range */
    ck_assert_int_eq(cJSON_GetArraySize(at(line, "rows")), 2);
    cJSON_Delete(dg);
}
END_TEST

/* A failure the log went on from for weeks is no alarm; a blocked task is. */
START_TEST(old_failures_fade)
{
    const char *md = "# Sessions\n\n## 2026-05-01\n- ❌ Claims report broken.\n"
                     "- ⛔ Blocked on the DBA review.\n\n## 2026-05-20\n- ✅ Other work.\n\n"
                     "## 2026-06-03\n- ✅ More work.\n";
    const char *mds[] = {md}, *files[] = {"s.md"};
    cJSON *dg = week23(mds, files, 1);
    ck_assert_int_eq(cJSON_GetArraySize(at(dg, "attention")), 1);
    ck_assert_str_eq(at(dg, "attention.0.reason")->valuestring, "blocked");
    cJSON_Delete(dg);
    /* a failure the log went on from, older than stale_days by the end of
     * the period, fades; a log that stopped on its failure keeps it */
    const char *moved_on = "# Lab\n\n## 2026-05-10\n- ❌ Coordinates collapse to the mean.\n\n"
                           "## 2026-05-11\n- ✅ Object selection: 5/5 correct.\n";
    const char *stopped = "# Lab\n\n## 2026-05-10\n- ✅ Setup.\n\n"
                          "## 2026-05-11\n- ❌ Coordinates collapse to the mean.\n";
    const char *m1[] = {moved_on}, *m2[] = {stopped}, *f1[] = {"lab.md"};
    dg = week23(m1, f1, 1);
    ck_assert_int_eq(cJSON_GetArraySize(at(dg, "attention")), 0);
    cJSON_Delete(dg);
    dg = week23(m2, f1, 1);
    ck_assert_int_eq(cJSON_GetArraySize(at(dg, "attention")), 1);
    cJSON_Delete(dg);
}
END_TEST

/* Untitled: named by its path, even when its top heading is dated; a prose entry is
 * its label and first sentence, not one note per line. */
START_TEST(names_and_prose)
{
    const char *dated = "# QA Updates — 2026-06-02\n\n- 17:40Z suite: 15 failed.\n\n"
                        "# QA Updates — 2026-06-03\n\n- 09:00Z suite passed.\n";
    const char *bare = "## 2026-06-03\n\nSpent the day on renewals. Certificates renew early.\n"
                       "More text.\n";
    const char *mds[] = {dated, bare}, *files[] = {"qa.md", "notes/n.md"};
    cJSON *dg = week23(mds, files, 2);
    const cJSON *qa = NULL, *n = NULL, *doc;
    cJSON_ArrayForEach(doc, at(dg, "documents"))
    {
        if (!strcmp(at(doc, "file")->valuestring, "qa.md"))
            qa = doc;
        else
            n = doc;
    }
    ck_assert_ptr_nonnull(qa);
    ck_assert_ptr_nonnull(n);
    ck_assert_str_eq(at(qa, "name")->valuestring, "qa.md"); /* its top heading is an entry */
    ck_assert_str_eq(at(n, "name")->valuestring, "notes/n.md");
    ck_assert(cJSON_IsFalse(at(n, "titled")));
    ck_assert_str_eq(at(n, "prose.0.text")->valuestring, "Spent the day on renewals.");
    ck_assert_int_eq(cJSON_GetArraySize(at(n, "notes")), 0);
    cJSON_Delete(dg);
}
END_TEST

/* A bot's list log written newest first: its prose lines by time, the
 * latest last (the hotfix of 18:00 is the newest, not the 09:00 run). */
START_TEST(prose_lines_by_time)
{
    const char *md = "# Bot\n\n- 2026-06-02 18:00Z [bot]: Hotfix deployed for the login loop.\n"
                     "- 2026-06-02 09:00Z [bot]: Nightly run green.\n"
                     "- 2026-06-01 18:00Z [bot]: Deploy of 1.4.\n";
    const char *mds[] = {md}, *files[] = {"bot.md"};
    cJSON *dg = week23(mds, files, 1);
    const cJSON *prose = at(dg, "documents.0.prose");
    ck_assert_int_eq(cJSON_GetArraySize(prose), 3);
    ck_assert_ptr_nonnull(strstr(at(prose, "2.text")->valuestring, "Hotfix"));
    ck_assert_ptr_nonnull(strstr(at(prose, "0.text")->valuestring, "Deploy of 1.4"));
    cJSON_Delete(dg);
}
END_TEST

/* What a prose line shows of an entry as other authors write it: an item's
 * first line with the lines it wraps onto (not the second item's wrapped
 * line), the list a bold caption or a first item introduces, a summary key's
 * sentence, past markup lines; "status: X" without a stray bracket. */
static const char *prose_of(const char *md, char *buf, size_t size)
{
    const char *mds[] = {md}, *files[] = {"log.md"};
    cJSON *dg = week23(mds, files, 1);
    snprintf(buf, size, "%s", at(dg, "documents.0.prose.0.text")->valuestring);
    cJSON_Delete(dg);
    return buf;
}

START_TEST(prose_lines_as_written)
{
    char b[512];
    ck_assert_str_eq(
        prose_of("## 2026-06-02 — night shift\n\n- **Disk alert:** free space fell to 4 %"
                 " and the\n  WAL archive was moved. Alert cleared.\n- Rotated the"
                 " certificate;\n  checksums match.\n",
                 b, sizeof b),
        "night shift: free space fell to 4 % and the WAL archive was moved.");
    ck_assert_str_eq(prose_of("## Session: 2026-06-02\n\n**Commits:**\n- `75fb1a2` — Add FAQ\n"
                              "- `9c2e0d1` — Translate FAQ\n",
                              b, sizeof b),
                     "Session: `75fb1a2` — Add FAQ; `9c2e0d1` — Translate FAQ");
    ck_assert_str_eq(
        prose_of("## 2026-06-02\n\n<br>\n\n**Summary:** Migrated the login to bcrypt.\n\n"
                 "- update npm\n",
                 b, sizeof b),
        "Migrated the login to bcrypt.");
    ck_assert_str_eq(prose_of("## 2026-06-02\n\n- Completed:\n  - Archive bucket copied\n"
                              "  - Dry-run passed\n",
                              b, sizeof b),
                     "Completed: Archive bucket copied; Dry-run passed");
    ck_assert_str_eq(prose_of("## 2026-06-02\n\n**Status**: In Progress (Session Ended)\n\n"
                              "Moved the backups to the NAS.\n",
                              b, sizeof b),
                     "status: In Progress (Session Ended): Moved the backups to the NAS.");
    ck_assert_str_eq(
        prose_of("## 2026-06-02 — cache layer\n\n- **Starting commit:** `3f1c9a0d5e7b`\n"
                 "- **Goal:** make repeated imports skip unchanged files.\n",
                 b, sizeof b),
        "cache layer: make repeated imports skip unchanged files.");
    /* a record's metadata section is not its story */
    ck_assert_str_eq(prose_of("## Entrada 040 - 2026-06-02 17:30 UTC\n\n### 1) Metadados\n\n"
                              "- Canal origem: Agente no terminal\n\n### 2) Objetivo\n\n"
                              "- Objetivo: remover a integracao antiga.\n",
                              b, sizeof b),
                     "Entrada 040: Objetivo: remover a integracao antiga.");
    /* a dated list item with nothing after its date: the work nested under it */
    ck_assert_str_eq(prose_of("# Lab\n\n## Notes\n\n- 2026-06-02:\n    - calibrated the scale\n"
                              "    - weighed samples A-C\n- 2026-06-03:\n    - reran sample B\n",
                              b, sizeof b),
                     "calibrated the scale; weighed samples A-C");
    /* a sentence does not end at an abbreviation, in brackets or in a link */
    ck_assert_str_eq(
        prose_of("## 2026-06-02\n\nCompared two strategies (curated vs. random) on the "
                 "split. Random won.\n",
                 b, sizeof b),
        "Compared two strategies (curated vs. random) on the split.");
    ck_assert_str_eq(prose_of("## 2026-06-02\n\nRead the [Ph.D. thesis](https://x.org/t) e.g. "
                              "chapter two. Then slept.\n",
                              b, sizeof b),
                     "Read the [Ph.D. thesis](https://x.org/t) e.g. chapter two.");
    ck_assert_str_eq(prose_of("## 2026-06-02 — Ward round\n\n**MON. round** with the registrar. "
                              "Two discharges.\n",
                              b, sizeof b),
                     "Ward round: **MON. round** with the registrar.");
    /* the list's separator stands for an item's full stop */
    ck_assert_str_eq(prose_of("## 2026-06-02\n\n- Completed:\n  - Archive bucket copied.\n"
                              "  - Dry-run passed.\n",
                              b, sizeof b),
                     "Completed: Archive bucket copied; Dry-run passed.");
    ck_assert_str_eq(prose_of("## 2026-06-02\n\nRoot causes identified:\n\n1. Cold caches.\n"
                              "2. A slow disk.\n",
                              b, sizeof b),
                     "Root causes identified: 1) Cold caches; 2) A slow disk.");
    ck_assert_str_eq(prose_of("## 2026-06-02 — Runtime foundation\n\n| Item | Status |\n|---|---|\n"
                              "| Runtime skeleton | Not started |\n",
                              b, sizeof b),
                     "Runtime foundation: Runtime skeleton · Not started");
}
END_TEST

/* What tells entries apart stays: a key's sentence ("**Progress**: ..."),
 * an entry that says nothing but its heading ("Day 3"), a number inside a
 * word ("v1", "v2"); runs of times fold. */
START_TEST(prose_lines_keep_what_tells_them_apart)
{
    const char *keyed = "# Practice log\n\n### Day 1: June 2, 2026\n\n**Progress**: Wired the"
                        " sensor board to the bench supply.\n\n### Day 2: June 3, 2026\n\n"
                        "**Progress**: Calibrated the sensor against the reference meter.\n";
    const char *bare = "# Minutes\n\n### 6/2/26\n```\nGoals: a name\n```\n\n### 6/3/26\n"
                       "```\nGoals: the parts\n```\n";
    const char *versions = "# Training\n\n### v1 (2026-06-02)\n\n- trained with uniform 3\n\n"
                           "### v2 (2026-06-02)\n\n- trained with uniform 4\n";
    const char *times = "# Bot\n\n- 2026-06-02 04:10Z: Status check: all green\n"
                        "- 2026-06-02 10:10Z: Status check: all green\n";
    const char *const cases[] = {keyed, bare, versions, times};
    const int lines[] = {2, 2, 2, 1};
    for (size_t i = 0; i < 4; i++) {
        const char *mds[] = {cases[i]}, *files[] = {"log.md"};
        cJSON *dg = week23(mds, files, 1);
        ck_assert_msg(cJSON_GetArraySize(at(dg, "documents.0.prose")) == lines[i], "case %zu", i);
        if (i == 0)
            ck_assert_ptr_nonnull(strstr(at(dg, "documents.0.prose.0.text")->valuestring, "Wired"));
        cJSON_Delete(dg);
    }
}
END_TEST

/* Done items fold when they are one piece of work said twice, not when
 * they are alike: two functions added are two lines. */
START_TEST(done_items_fold_only_repeats)
{
    const char *md =
        "# Thesis\n\n## 2026-06-02\n\n- ✅ added generate_rnacofold_energy_column()\n"
        "- ✅ added generate_rnaduplex_energy_column()\n- ✅ Froze the release branch.\n\n"
        "## 2026-06-03\n\n- ✅ Froze the release branch again after the hotfix.\n";
    const char *mds[] = {md}, *files[] = {"t.md"};
    cJSON *dg = week23(mds, files, 1);
    ck_assert_int_eq(cJSON_GetArraySize(at(dg, "documents.0.done")), 3);
    cJSON_Delete(dg);
    /* long texts alike about different things: three files' work */
    const char *files_md = "# Build\n\n## 2026-06-02\n\n"
                           "- ✅ index.ts migrated (41 console.log → structured logging)\n"
                           "- ✅ dbService.ts migrated (28 console.log → structured logging)\n"
                           "- ✅ provider.ts migrated (19 console.log → structured logging)\n";
    const char *m2[] = {files_md};
    dg = week23(m2, files, 1);
    ck_assert_int_eq(cJSON_GetArraySize(at(dg, "documents.0.done")), 3);
    cJSON_Delete(dg);
}
END_TEST

/* What a prose line shows, from a fifth review: a key line whose sentence
 * goes on, past a line of HTML; a caption over a sub-heading; the lines an
 * introduced item wraps onto; a ticked box's text; nothing for an empty
 * bullet; the list an entry opens with before a later "Tasks:". */
START_TEST(prose_lines_of_a_fifth_review)
{
    char b[512];
    ck_assert_str_eq(prose_of("## 2026-06-02\n\n**Resolved**: All queues were resumed at 02:00\n"
                              "this night.\n<br><span class=\"ts\">June 2, 08:15 PT</span>\n",
                              b, sizeof b),
                     "All queues were resumed at 02:00 this night.");
    ck_assert_str_eq(prose_of("## 2026-06-02\n\n**Notice**: The scheduler is down for maintenance."
                              "\n<br><span class=\"ts\">June 2, 09:00 PT</span>\n",
                              b, sizeof b),
                     "The scheduler is down for maintenance.");
    ck_assert_str_eq(
        prose_of("#### 2026-06-02\n\nNew endpoint: /getuserinfo returns the profile.\n", b,
                 sizeof b),
        "New endpoint: /getuserinfo returns the profile.");
    ck_assert_str_eq(prose_of("## v0.7 (2026-06-02)\n\n**What changed:**\n\n### Answers\n"
                              "The UI now shows clickable answers. Users can still type.\n",
                              b, sizeof b),
                     "v0.7: The UI now shows clickable answers.");
    ck_assert_str_eq(
        prose_of("## Scripts (2026-06-02)\n\n**Scripts creados:**\n- backup.sh: "
                 "respalda la base y\n  la configuración\n- monitor.sh: verifica CPU\n",
                 b, sizeof b),
        "Scripts: backup.sh: respalda la base y la configuración; monitor.sh: "
        "verifica CPU");
    ck_assert_str_eq(
        prose_of("## Day 1 (2026-06-02)\n\n- [x] Set up the repo\n- [ ] Deploy\n", b, sizeof b),
        "Day 1: Set up the repo");
    ck_assert_str_eq(prose_of("### Meeting 4 (2026-06-02)\n\n#### Feedback\n- \n\n#### Decisions\n"
                              "- Figure out the next steps.\n",
                              b, sizeof b),
                     "Meeting 4: Figure out the next steps.");
    ck_assert_str_eq(prose_of("# 02.06.2026 итоги:\n\n1. Сделали вывод покрытия.\n\nЗадачи:\n\n"
                              "1. Написать тесты\n\n# 01.06.2026 итоги:\n\n1. Подключили.\n",
                              b, sizeof b),
                     "итоги: Подключили.");
    const char *ru = "# 01.06.2026 итоги:\n\n1. Подключили.\n\n# 02.06.2026 итоги:\n\n"
                     "1. Сделали вывод покрытия.\n\nЗадачи:\n\n1. Написать тесты\n";
    const char *mds[] = {ru}, *files[] = {"ru.md"};
    cJSON *dg = week23(mds, files, 1);
    ck_assert_str_eq(at(dg, "documents.0.prose.1.text")->valuestring,
                     "итоги: Сделали вывод покрытия.");
    cJSON_Delete(dg);
}
END_TEST

/* A day to be filled in, and a day whose sessions below say what it did,
 * are no lines of their own. */
START_TEST(placeholders_and_parents_are_no_lines)
{
    const char *md = "# Jam\n\n## Day 1 (2026-06-02)\n\n### 2026-06-02T20:00Z — Scaffold\n\n"
                     "Repo created.\n\n## Day 2 (2026-06-03)\n*To be filled*\n\n"
                     "## Day 3 (2026-06-04)\nPlaytest.\n";
    const char *mds[] = {md}, *files[] = {"jam.md"};
    cJSON *dg = week23(mds, files, 1);
    const cJSON *prose = at(dg, "documents.0.prose");
    ck_assert_int_eq(cJSON_GetArraySize(prose), 2);
    ck_assert_str_eq(at(prose, "0.text")->valuestring, "Scaffold: Repo created.");
    ck_assert_str_eq(at(prose, "1.text")->valuestring, "Day 3: Playtest.");
    cJSON_Delete(dg);
}
END_TEST

/* From a sixth review: an image alone is no sentence; text after a block
 * tag is; a roster of attendees is no agenda; a day without a label is
 * named by its first section; a table row of zero errors or a ✅ is no
 * failure. */
START_TEST(prose_lines_of_a_sixth_review)
{
    char b[512];
    ck_assert_str_eq(prose_of("## Week 2 (2026-06-02)\n\n![Week 2 tasks](img/week2.png)\n\n"
                              "### Recap\nFixed the scanner crash.\n",
                              b, sizeof b),
                     "Week 2: Fixed the scanner crash.");
    ck_assert_str_eq(prose_of("### 02.06.2026\n<p align=justify>Heute haben wir die Wegfindung "
                              "gebaut. Mehr morgen.\n</p>\n",
                              b, sizeof b),
                     "Heute haben wir die Wegfindung gebaut.");
    ck_assert_str_eq(prose_of("## June 2, 2026 - Second meeting\n\n**Attendees:**\n- Ana\n- Bo\n\n"
                              "**Agenda:**\n- Decide between the two ideas.\n",
                              b, sizeof b),
                     "Second meeting: Decide between the two ideas.");
    ck_assert_str_eq(prose_of("## 2026年6月2日\n\n### エクスポートAPIに認証を追加\n\n"
                              "- すべての呼び出しでトークンを必須化。\n",
                              b, sizeof b),
                     "エクスポートAPIに認証を追加: すべての呼び出しでトークンを必須化。");
    ck_assert_str_eq(prose_of("### 2026-06-02 | Setup\n\n**Key Decisions Made**\n"
                              "- Chose SQLite over Postgres for the prototype\n",
                              b, sizeof b),
                     "Setup: Chose SQLite over Postgres for the prototype");
    ck_assert_str_eq(prose_of("### 2026-06-02 - Final fix\n- **Fixed Index Page Scroll Bug**\n"
                              "  - Fixed the glitchy overlay\n  - Added an opacity transition\n",
                              b, sizeof b),
                     "Final fix: Fixed Index Page Scroll Bug: Fixed the glitchy overlay; Added an "
                     "opacity transition");
    const char *md = "## 2026-06-02 Build report\n\nAll green.\n\n| Check | Before | After |\n"
                     "|---|---|---|\n| Errors | 0 | 0 |\n| Phase 4A: Error fixes | ✅ 100% | |\n"
                     "| Lint | 3 errors | 1 error |\n";
    const char *mds[] = {md}, *files[] = {"r.md"};
    cJSON *dg = week23(mds, files, 1);
    const cJSON *rows = at(dg, "documents.0.prose.0.rows");
    ck_assert_int_eq(cJSON_GetArraySize(rows), 1);
    ck_assert_str_eq(at(rows, "0.text")->valuestring, "Lint · 3 errors · 1 error");
    cJSON_Delete(dg);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("digest");
    TCase *tc = tcase_create("digest");
    tcase_add_test(tc, short_texts);
    tcase_add_test(tc, html_texts);
    tcase_add_test(tc, phrases);
    tcase_add_test(tc, prose_lines_by_time);
    tcase_add_test(tc, prose_lines_as_written);
    tcase_add_test(tc, done_items_fold_only_repeats);
    tcase_add_test(tc, prose_lines_keep_what_tells_them_apart);
    tcase_add_test(tc, as_of_the_end_of_the_period);
    tcase_add_test(tc, the_same_whenever_it_is_made);
    tcase_add_test(tc, all_lists_the_quiet_documents);
    tcase_add_test(tc, the_chart_draws_nothing_for_zero);
    tcase_add_test(tc, copies_fold_into_one_line);
    tcase_add_test(tc, near_copies_fold_into_one_line);
    tcase_add_test(tc, folded_checks_keep_their_failing_rows);
    tcase_add_test(tc, old_failures_fade);
    tcase_add_test(tc, names_and_prose);
    tcase_add_test(tc, prose_lines_of_a_fifth_review);
    tcase_add_test(tc, placeholders_and_parents_are_no_lines);
    tcase_add_test(tc, prose_lines_of_a_sixth_review);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
