/* SPDX-License-Identifier: BSD-2-Clause */
/* Reading a section at a time gives the model of reading the whole
 * document: the differential test (issue 11). Each document is read cut at
 * every possible section (chunk_bytes 1) and whole (SIZE_MAX), and cut with
 * the pieces parsed ahead on two other threads (jobs 3); the models are
 * compared field by field (their complete JSON). Over every
 * fixture, every real document of ../shared/corpus, and documents generated
 * to stress the cuts: headings inside fences and HTML blocks, fences and
 * comments left open, indented code, block quotes, lists without blank
 * lines, link reference definitions used across sections, setext headings,
 * front matter, CRLF, a BOM, mojibake. */
#include "helpers.h"
#include "buf.h"

#include <stdint.h>

/* The model as JSON (its strings are the document's: keep *doc). */
static cJSON *model(const char *text, size_t len, size_t chunk_bytes, unsigned jobs, slog_doc **doc)
{
    slog_parse_options o = SLOG_PARSE_OPTIONS_INIT;
    o.config = default_config();
    o.chunk_bytes = chunk_bytes;
    o.jobs = jobs;
    o.filename = "doc.md";
    slog_error err;
    ck_assert_msg(slog_parse_buffer(text, len, &o, doc, &err) == SLOG_OK, "%s", err.message);
    cJSON *j = slog_doc_to_json(*doc);
    ck_assert_ptr_nonnull(j);
    return j;
}

/* 1 when the readings agree; prints the first difference otherwise. */
static int same_models(const char *name, const char *how, cJSON *whole, cJSON *pieces)
{
    int same = cJSON_Compare(whole, pieces, 1);
    if (!same) {
        char *a = cJSON_PrintUnformatted(whole), *b = cJSON_PrintUnformatted(pieces);
        size_t i = 0;
        while (a[i] && a[i] == b[i])
            i++;
        fprintf(stderr,
                "%s: the %s reading differs at byte %zu of the model:\n  whole: %.160s\n"
                "  cut:   %.160s\n",
                name, how, i, a + (i > 40 ? i - 40 : 0), b + (i > 40 ? i - 40 : 0));
        free(a);
        free(b);
    }
    return same;
}

static int same_model(const char *name, const char *text, size_t len)
{
    slog_doc *dw, *dp, *dq;
    cJSON *whole = model(text, len, SIZE_MAX, 1, &dw), *pieces = model(text, len, 1, 1, &dp);
    cJSON *ahead = model(text, len, 1, 3, &dq);
    int same = same_models(name, "sectioned", whole, pieces) &&
               same_models(name, "parsed-ahead", whole, ahead);
    cJSON_Delete(whole);
    cJSON_Delete(pieces);
    cJSON_Delete(ahead);
    slog_doc_free(dw);
    slog_doc_free(dp);
    slog_doc_free(dq);
    return same;
}

/* 1 when the file's models differ. */
static int differs(const char *path)
{
    size_t len;
    char *text = read_all(path, &len);
    int same = same_model(path, text, len);
    free(text);
    return !same;
}

START_TEST(fixtures_and_real_documents)
{
    int files = 0, differ = each_md(getenv("SLOG_FIXTURES") ? getenv("SLOG_FIXTURES") : "fixtures",
                                    differs, &files);
    const char *shared = getenv("SLOG_SHARED");
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/corpus", shared ? shared : "../shared");
    differ += each_md(dir, differs, &files);
    fprintf(stderr, "chunks: %d documents read both ways, %d differ\n", files, differ);
    ck_assert_int_gt(files, 10);
    ck_assert_int_eq(differ, 0);
}
END_TEST

/* Pieces that stress the cuts; a document is a random sequence of them. */
static const char *const PIECES[] = {
    "# Title 2026-03-01\n",
    "## Status (2026-03-09)\n- ✅ done\n- 🔜 next step\n",
    "## 2026-03-10 14:00 UTC — Run\n- ❌ failed\n\n",
    "### Tue 10 Mar 2026\n- Next: a task\n",
    "## Notes\ntext\n",
    "```\n# not a heading 2026-03-11\n```\n",
    "```\n# inside an open fence 2026-03-12\n",
    "~~~~\n## fenced 2026-03-13\n~~~\n~~~~\n",
    "  ```\n## fence indented 2026-03-14\n  ```\n",
    "<!--\n## in a comment 2026-03-15\n-->\n",
    "<!--\n## in an open comment 2026-03-16\n",
    "<div>\n## in a div 2026-03-17\n</div>\n",
    "<div>\n\n## after a div 2026-03-18\n",
    "<span>x</span>\n## after a span 2026-03-19\n",
    "<script>\n# js 2026-03-20\n</script>\n",
    "    # indented code 2026-03-21\n",
    "> ## quoted 2026-03-22\n> - ✅ q\n",
    "> quote\n## after a quote 2026-03-23\n",
    "- a\n## after a list 2026-03-24\n- b\n",
    "- item\n  # in an item 2026-03-25\n",
    "1. one\n2) two\n",
    "## [Ref title][r] 2026-03-26\n- x\n",
    "[r]: https://example.com/r \"Ref\"\n",
    "## ![img][r] 2026-03-27\n",
    "Setext 2026-03-28\n---\n- s\n",
    "Setext one 2026-03-29\n===\n",
    "---\n",
    "**2026-03-30** — bold\n\n- b\n",
    "## Incident\n**Reported**: 2026-03-31 09:00 EST\n- i\n",
    "- 2026-04-01: listed\n- 2026-04-02: listed too\n",
    "| a | b |\n|---|---|\n| 2026-04-03 | x |\n",
    "## Follow-ups\n- follow\n",
    "- [ ] box\n- [x] done box\n",
    "\n",
    "\n\n\n",
    "#not a heading\n",
    "#\n",
    "## 2026-02-30 bad date\n",
    "Date: 2026-02-01\n",
    "## Week of 2026-04-06\n",
    "- Next week we ship\n",
    "\t- tabbed\n",
};
enum { NPIECES = sizeof PIECES / sizeof *PIECES };

static uint32_t rng = 12345;
static uint32_t next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 17;
    rng ^= rng << 5;
    return rng;
}

static char *generate(size_t *len, int crlf, int bom, int front)
{
    slog_buf b = {0};
    if (bom)
        slog_buf_puts(&b, "\xEF\xBB\xBF");
    if (front)
        slog_buf_puts(&b, "---\ntitle: Generated\ncreated_at: 2026-03-01\n---\n");
    int n = 3 + (int)(next_rand() % 40);
    for (int i = 0; i < n; i++) {
        const char *p = PIECES[next_rand() % NPIECES];
        for (; *p; p++) {
            if (*p == '\n' && crlf)
                slog_buf_put(&b, "\r", 1);
            slog_buf_put(&b, p, 1);
        }
    }
    *len = b.len;
    return b.data;
}

/* 400 in make check, 1500 with SLOG_FULL_TESTS=1 (.ci/run) */
START_TEST(generated_documents)
{
    const char *full = getenv("SLOG_FULL_TESTS");
    int differ = 0, docs = 0, count = full && !strcmp(full, "1") ? 1500 : 400;
    for (int i = 0; i < count; i++) {
        size_t len;
        char *text = generate(&len, i % 7 == 3, i % 11 == 5, i % 13 == 7);
        char name[32];
        snprintf(name, sizeof name, "generated #%d", i);
        if (!same_model(name, text ? text : "", text ? len : 0)) {
            if (differ++ < 3)
                fprintf(stderr, "--- %s ---\n%s\n---\n", name, text);
        }
        docs++;
        free(text);
    }
    fprintf(stderr, "chunks: %d generated documents, %d differ\n", docs, differ);
    ck_assert_int_eq(differ, 0);
}
END_TEST

/* A section larger than SLOG_CHUNK_HARD is cut inside: a list of dated items
 * goes on across the cut as the same list. */
START_TEST(a_list_longer_than_a_piece)
{
    slog_buf b = {0};
    slog_buf_puts(&b, "# Worklog\n\n- 2026-03-09 10:00: first\n- 2026-03-09 10:01: second\n");
    for (int i = 0; b.len < 4500000; i++) {
        char line[64];
        snprintf(line, sizeof line, "- ✅ undated item %d\n  - nested\n", i);
        slog_buf_puts(&b, line);
    }
    slog_buf_puts(&b, "- 2026-03-10: the last\n");
    ck_assert(!b.failed);
    slog_parse_options o = SLOG_PARSE_OPTIONS_INIT;
    o.no_threads = 1;
    slog_doc *whole, *cut;
    slog_error err;
    o.chunk_bytes = SIZE_MAX;
    ck_assert_int_eq(slog_parse_buffer(b.data, b.len, &o, &whole, &err), SLOG_OK);
    o.chunk_bytes = 0;
    o.jobs = 2; /* above 1 MiB: parsed ahead */
    ck_assert_int_eq(slog_parse_buffer(b.data, b.len, &o, &cut, &err), SLOG_OK);
    ck_assert_uint_eq(whole->nentries, cut->nentries);
    ck_assert_uint_eq(whole->nitems_total, cut->nitems_total);
    for (size_t i = 0; i < whole->nentries; i++) {
        ck_assert_int_eq(whole->entries[i]->line, cut->entries[i]->line);
        ck_assert_int_eq(whole->entries[i]->end_line, cut->entries[i]->end_line);
        ck_assert_uint_eq(whole->entries[i]->nitems, cut->entries[i]->nitems);
    }
    ck_assert_uint_eq(cut->nentries, 3); /* the last, beyond the cut, is still an entry */
    ck_assert_str_eq(cut->entries[cut->nentries - 1]->date, "2026-03-10");
    slog_doc_free(whole);
    slog_doc_free(cut);
    free(b.data);
}
END_TEST

START_TEST(mojibake_is_read_the_same_in_pieces)
{
    size_t len;
    char *clean = read_all(fixture("plan-mojibake-macroman.md"), &len);
    ck_assert(same_model("plan-mojibake-macroman.md", clean, len));
    free(clean);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("chunks");
    TCase *tc = tcase_create("chunks");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, fixtures_and_real_documents);
    tcase_add_test(tc, generated_documents);
    tcase_add_test(tc, a_list_longer_than_a_piece);
    tcase_add_test(tc, mojibake_is_read_the_same_in_pieces);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
