/* SPDX-License-Identifier: BSD-2-Clause */
/* The skeleton path against the whole-model path (issue 23): every
 * document of fixtures/ and, when they exist, of ../shared/corpus/real and
 * others/ read from its skeleton has the same entries (line, date, time,
 * label, kind, level, enclosing heading), the same logs and directions;
 * and `append` through the skeleton writes the same bytes as through the
 * whole model, for a new day, today's entry extended and a labelled entry,
 * and so do `fix --order` and `merge` (an item each, a new entry, a box
 * ticked, an item reworded). */
#define _GNU_SOURCE /* memmem */
#include "helpers.h"

#include "doc_internal.h"
#include "skeleton.h"
#include "statuslog/edit.h"

static int same_str(const char *a, const char *b)
{
    return (!a && !b) || (a && b && !strcmp(a, b));
}

static size_t log_index(const slog_doc *d, const slog_log *log)
{
    return log ? (size_t)(log - d->logs) : (size_t)-1;
}

/* 0 when the entries and logs agree; else prints the first difference. */
static int compare_models(const char *path, const slog_doc *whole, const slog_doc *thin)
{
    if (whole->nentries != thin->nentries || whole->nlogs != thin->nlogs) {
        fprintf(stderr, "%s: %zu entries, %zu logs; from the skeleton %zu, %zu\n", path,
                whole->nentries, whole->nlogs, thin->nentries, thin->nlogs);
        for (size_t i = 0, k = 0; i < whole->nentries || k < thin->nentries;) {
            int a = i < whole->nentries ? whole->entries[i]->line : 1 << 30;
            int b = k < thin->nentries ? thin->entries[k]->line : 1 << 30;
            if (a != b) {
                fprintf(stderr, "  first difference: line %d (whole) / %d (skeleton)\n", a, b);
                break;
            }
            i++;
            k++;
        }
        return 1;
    }
    for (size_t i = 0; i < whole->nentries; i++) {
        const slog_entry *a = whole->entries[i], *b = thin->entries[i];
        if (a->line != b->line || !same_str(a->date, b->date) || !same_str(a->time, b->time) ||
            !same_str(a->label, b->label) || a->kind != b->kind || a->level != b->level ||
            a->heading_line != b->heading_line ||
            log_index(whole, a->log) != log_index(thin, b->log)) {
            fprintf(stderr, "%s:%d: entry '%s' %s differs from the skeleton's (line %d '%s' %s)\n",
                    path, a->line, a->label, a->date ? a->date : "-", b->line, b->label,
                    b->date ? b->date : "-");
            return 1;
        }
    }
    for (size_t l = 0; l < whole->nlogs; l++)
        if (whole->logs[l].direction != thin->logs[l].direction ||
            whole->logs[l].nentries != thin->logs[l].nentries) {
            fprintf(stderr, "%s: log %zu differs from the skeleton's\n", path, l);
            return 1;
        }
    return 0;
}

static int append_both(const char *path, const char *raw, size_t len,
                       const slog_append_request *req)
{
    slog_append_options o = {SLOG_APPEND_OPTIONS_VERSION, default_config(), 0, path, 0};
    char *a = NULL, *b = NULL;
    size_t alen = 0, blen = 0;
    slog_append_summary sa, sb;
    slog_error ea, eb;
    o.whole_model = 1;
    slog_status x = slog_append_buffer(raw, len, req, &o, &a, &alen, &sa, &ea);
    o.whole_model = 0;
    slog_status y = slog_append_buffer(raw, len, req, &o, &b, &blen, &sb, &eb);
    int differ = x != y || (x == SLOG_OK && (alen != blen || memcmp(a, b, alen) != 0));
    if (differ)
        fprintf(stderr, "%s: append %s '%s' differs through the skeleton (status %d/%d)\n", path,
                req->date, req->label ? req->label : "", x, y);
    free(a);
    free(b);
    return differ;
}

static int fixes_moved; /* documents where fix --order moved something */

/* fix --order through the skeleton writes what the whole model writes. */
static int fix_both(const char *path, const char *raw, size_t len)
{
    slog_fix_options o = {SLOG_FIX_OPTIONS_VERSION, default_config(), SLOG_FIX_ORDER, path, 1};
    char *a = NULL, *b = NULL;
    size_t alen = 0, blen = 0;
    slog_fix_summary sa, sb;
    slog_error ea, eb;
    slog_status x = slog_fix_buffer(raw, len, &o, &a, &alen, &sa, &ea);
    o.whole_model = 0;
    slog_status y = slog_fix_buffer(raw, len, &o, &b, &blen, &sb, &eb);
    int differ = x != y || (x == SLOG_OK && (alen != blen || memcmp(a, b, alen) != 0 ||
                                             sa.moved != sb.moved || sa.unmovable != sb.unmovable));
    if (differ)
        fprintf(stderr,
                "%s: fix --order differs through the skeleton (status %d/%d, moved %zu/%zu)\n",
                path, x, y, sa.moved, sb.moved);
    if (x == SLOG_OK && sa.moved)
        fixes_moved++;
    free(a);
    free(b);
    return differ;
}

static int merges_structured; /* merges the structured merge made, not git's */

/* `merge` through the skeletons writes what the whole models write. */
static int merge_both(const char *path, const char *base, size_t base_len, const char *ours,
                      size_t ours_len, const char *theirs, size_t theirs_len, const char *what)
{
    slog_merge_options o = {SLOG_MERGE_OPTIONS_VERSION, default_config(), path, 1};
    char *a = NULL, *b = NULL;
    size_t alen = 0, blen = 0;
    slog_merge_summary sa, sb;
    slog_error ea, eb;
    slog_status x = slog_merge_buffers(base, base_len, ours, ours_len, theirs, theirs_len, &o, &a,
                                       &alen, &sa, &ea);
    o.whole_model = 0;
    slog_status y = slog_merge_buffers(base, base_len, ours, ours_len, theirs, theirs_len, &o, &b,
                                       &blen, &sb, &eb);
    int differ = x != y || (x == SLOG_OK && (alen != blen || memcmp(a, b, alen) != 0 ||
                                             memcmp(&sa, &sb, sizeof sa) != 0));
    if (differ)
        fprintf(stderr, "%s: merge (%s) differs through the skeletons (status %d/%d, %s/%s)\n",
                path, what, x, y, sa.line_merge ? "git" : "structured",
                sb.line_merge ? "git" : "structured");
    if (x == SLOG_OK && !sa.line_merge)
        merges_structured++;
    free(a);
    free(b);
    return differ;
}

/* `raw` with items appended to the entry of `date` (a new one when none). */
static char *appended(const char *path, const char *raw, size_t len, const char *date,
                      const char *text, size_t *out_len)
{
    slog_append_item item = {SLOG_STATE_DONE, text};
    slog_append_request req = {date, NULL, &item, 1};
    slog_append_options o = {SLOG_APPEND_OPTIONS_VERSION, default_config(), 0, path, 1};
    char *out = NULL;
    slog_append_summary sum;
    slog_error err;
    if (slog_append_buffer(raw, len, &req, &o, &out, out_len, &sum, &err) != SLOG_OK)
        return NULL;
    return out;
}

/* THEIRS of each kind against OURS with an item in the latest entry: an
 * item in the same entry, a new entry, a box ticked, an item reworded. */
static int merges_both(const char *path, const char *raw, size_t len, const char *latest)
{
    size_t ol, tl;
    char *ours = appended(path, raw, len, latest, "Ours added this", &ol);
    if (!ours)
        return 0;
    int failed = 0;
    char *theirs = appended(path, raw, len, latest, "Theirs added that", &tl);
    if (theirs)
        failed |= merge_both(path, raw, len, ours, ol, theirs, tl, "an item each");
    free(theirs);
    theirs = appended(path, raw, len, "2031-05-06", "Theirs opened a day", &tl);
    if (theirs)
        failed |= merge_both(path, raw, len, ours, ol, theirs, tl, "a new entry");
    free(theirs);
    theirs = malloc(len + 16);
    if (theirs) {
        memcpy(theirs, raw, len);
        char *box = memmem(theirs, len, "- [ ]", 5);
        if (box) {
            box[3] = 'x';
            failed |= merge_both(path, raw, len, ours, ol, theirs, len, "a box ticked");
        }
        /* the last list item reworded: a word added at its end */
        char *last = NULL;
        for (char *p = memmem(theirs, len, "\n- ", 3); p;
             p = memmem(p + 1, len - (size_t)(p + 1 - theirs), "\n- ", 3))
            last = p;
        char *eol = last ? memchr(last + 1, '\n', len - (size_t)(last + 1 - theirs)) : NULL;
        if (eol) {
            memcpy(theirs, raw, len);
            size_t at = (size_t)(eol - theirs);
            memmove(theirs + at + 6, theirs + at, len - at);
            memcpy(theirs + at, " again", 6);
            failed |= merge_both(path, raw, len, ours, ol, theirs, len + 6, "an item reworded");
        }
    }
    free(theirs);
    free(ours);
    return failed;
}

static int compare_file(const char *path)
{
    size_t len;
    char *raw = read_all(path, &len);
    if (!raw)
        return 0;
    slog_parse_options po = SLOG_PARSE_OPTIONS_INIT;
    po.config = default_config();
    po.filename = path;
    po.no_threads = 1;
    slog_doc *whole = NULL, *thin = NULL;
    slog_error err;
    int failed = 0;
    if (slog_parse_buffer(raw, len, &po, &whole, &err) == SLOG_OK &&
        slog_parse_skeleton(raw, len, &po, NULL, 0, NULL, &thin, &err) == SLOG_OK) {
        failed = compare_models(path, whole, thin);
        /* a new day, the latest entry's day extended, a labelled entry */
        const char *latest = NULL;
        for (size_t i = 0; i < whole->nentries; i++)
            if (whole->entries[i]->date_valid &&
                (!latest || strcmp(whole->entries[i]->date, latest) > 0))
                latest = whole->entries[i]->date;
        /* and with the sections append guesses kept whole besides */
        slog_skeleton_guess guess = {latest, 1, {0}, 0, 0, 0};
        slog_doc *guessed = NULL;
        if (slog_parse_skeleton(raw, len, &po, NULL, 0, &guess, &guessed, &err) == SLOG_OK)
            failed |= compare_models(path, whole, guessed);
        else
            failed = 1;
        slog_doc_free(guessed);
        slog_append_item items[] = {{SLOG_STATE_DONE, "Skeleton check one"},
                                    {SLOG_STATE_NEXT, "Skeleton check two"}};
        slog_append_request req = {"2031-05-05", NULL, items, 2};
        failed |= append_both(path, raw, len, &req);
        if (latest) {
            req.date = latest;
            failed |= append_both(path, raw, len, &req);
        }
        req.date = "2031-05-05";
        req.label = "Skeleton";
        failed |= append_both(path, raw, len, &req);
        failed |= fix_both(path, raw, len);
        if (latest)
            failed |= merges_both(path, raw, len, latest);
    }
    slog_doc_free(whole);
    slog_doc_free(thin);
    free(raw);
    return failed;
}

START_TEST(fixtures_read_the_same_from_their_skeleton)
{
    const char *fixtures = getenv("SLOG_FIXTURES");
    ck_assert_ptr_nonnull(fixtures);
    int files = 0, failed = each_md(fixtures, compare_file, &files);
    fprintf(stderr, "skeleton: %d fixtures, %d differ, fix --order moved entries in %d\n", files,
            failed, fixes_moved);
    ck_assert_int_gt(files, 20);
    ck_assert_int_gt(fixes_moved, 3);
    fprintf(stderr, "skeleton: %d structured merges\n", merges_structured);
    ck_assert_int_gt(merges_structured, 40);
    ck_assert_int_eq(failed, 0);
}
END_TEST

START_TEST(corpus_reads_the_same_from_its_skeleton)
{
    const char *shared = getenv("SLOG_SHARED");
    char dir[4096];
    int files = 0, failed = 0;
    static const char *const parts[] = {"corpus/real", "corpus/others"};
    for (size_t i = 0; shared && i < 2; i++) {
        snprintf(dir, sizeof dir, "%s/%s", shared, parts[i]);
        failed += each_md(dir, compare_file, &files);
    }
    if (!files) {
        fprintf(stderr, "skeleton: %s/corpus not found, the corpus comparison is skipped\n",
                shared ? shared : "../shared");
        return;
    }
    fprintf(stderr, "skeleton: %d corpus documents, %d differ, fix --order moved entries in %d\n",
            files, failed, fixes_moved);
    ck_assert_int_eq(failed, 0);
}
END_TEST

/* What append's first reading keeps whole: the sections whose heading has
 * the date (not a heading inside code), and the end from the last heading
 * with a digit. */
START_TEST(a_guess_keeps_the_dated_sections_and_the_end_whole)
{
    static const char doc[] = "# Log\n"                 /* 1 */
                              "\n"                      /* 2 */
                              "## 2026-01-01\n"         /* 3 */
                              "- a\n"                   /* 4 */
                              "\n"                      /* 5 */
                              "## 2026-01-02 Status\n"  /* 6 */
                              "- b\n"                   /* 7 */
                              "### Notes\n"             /* 8 */
                              "```\n"                   /* 9 */
                              "## 2026-01-09 in code\n" /* 10 */
                              "```\n"                   /* 11 */
                              "## 2026-01-03\n"         /* 12 */
                              "- c\n"                   /* 13 */
                              "## Follow-ups\n"         /* 14 */
                              "- d\n";                  /* 15 */
    slog_text in, out;
    ck_assert_int_eq(slog_text_decode(&in, doc, sizeof doc - 1), SLOG_OK);
    slog_skeleton_guess g = {"2026-01-02", 1, {0}, 0, 0, 0};
    ck_assert_int_eq(slog_text_skeleton(&in, NULL, 0, &g, &out), SLOG_OK);
    ck_assert_int_eq(g.nwhole, 2);
    ck_assert_int_eq(g.whole[0], 6);
    ck_assert_int_eq(g.whole[1], 11);
    ck_assert_int_eq(g.whole[2], 12);
    ck_assert_int_eq(g.whole[3], 15);
    size_t len;
    const char *line = slog_text_line(&out, 7, &len); /* an item of a guessed section, kept */
    ck_assert_int_eq((int)len, 3);
    ck_assert_int_eq(memcmp(line, "- b", 3), 0);
    slog_text_free(&out);
    g = (slog_skeleton_guess){"2026-01-09", 0, {0}, 0, 0, 0}; /* only in code: nothing */
    ck_assert_int_eq(slog_text_skeleton(&in, NULL, 0, &g, &out), SLOG_OK);
    ck_assert_int_eq(g.nwhole, 0);
    slog_text_free(&out);
    slog_text_free(&in);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("skeleton");
    TCase *tc = tcase_create("skeleton");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, a_guess_keeps_the_dated_sections_and_the_end_whole);
    tcase_add_test(tc, fixtures_read_the_same_from_their_skeleton);
    tcase_add_test(tc, corpus_reads_the_same_from_its_skeleton);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
