/* SPDX-License-Identifier: BSD-2-Clause */
/* Corpus tests over ../shared/corpus/others (skipped when it is absent):
 * real logs by 31 other authors, against what a careful reader sees in
 * them (SPEC r3). Every labelled entry is found at its line and date; at
 * most 1% of the entries found are ones the labels lack; the entry-order
 * findings are the labels' order_violations; every judged finding
 * (judged.tsv: `lint --no-config --today 2026-12-01`) that a reader called
 * right is there, and every one called wrong or noise is not. */
#include "helpers.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <sys/stat.h>

static char dir[4096];

typedef struct {
    char name[512];
    slog_doc *doc;
    slog_diags diags;
} linted;

static linted *docs;
static size_t ndocs;

static char read_error[9000]; /* why reading failed, for the tests to say */

/* Reads and lints every log of others/ once, as judged.tsv's run did (an
 * unchecked fixture: no ck_assert here). */
static void read_all_logs(void)
{
    DIR *dp = opendir(dir);
    struct dirent *de;
    size_t cap = 0;
    long today;
    slog_parse_date("2026-12-01", &today);
    while (dp && !read_error[0] && (de = readdir(dp)) != NULL) {
        size_t n = strlen(de->d_name);
        if (n < 4 || strcmp(de->d_name + n - 3, ".md") != 0 || !strcmp(de->d_name, "README.md"))
            continue;
        if (ndocs == cap) {
            cap = cap ? 2 * cap : 64;
            linted *grown = realloc(docs, cap * sizeof *docs);
            if (!grown)
                abort();
            docs = grown;
        }
        linted *l = &docs[ndocs++];
        memset(l, 0, sizeof *l);
        snprintf(l->name, sizeof l->name, "%s", de->d_name);
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        slog_error err;
        slog_lint_options lo = {SLOG_LINT_OPTIONS_VERSION, NULL, today, 0};
        if (slog_parse_file(path, NULL, &l->doc, &err) != SLOG_OK ||
            slog_lint(l->doc, &lo, &l->diags, &err) != SLOG_OK)
            snprintf(read_error, sizeof read_error, "%s: %s", path, err.message);
        else
            slog_diags_sort(&l->diags);
    }
    if (dp)
        closedir(dp);
    if (!read_error[0] && !ndocs)
        snprintf(read_error, sizeof read_error, "%s: no logs", dir);
}

static void free_all_logs(void)
{
    for (size_t i = 0; i < ndocs; i++) {
        slog_diags_free(&docs[i].diags);
        slog_doc_free(docs[i].doc);
    }
    free(docs);
    docs = NULL;
    ndocs = 0;
}

static const linted *find(const char *name)
{
    for (size_t i = 0; i < ndocs; i++)
        if (!strcmp(docs[i].name, name))
            return &docs[i];
    return NULL;
}

static cJSON *label_of(const char *name)
{
    char path[8192];
    snprintf(path, sizeof path, "%s/labels/%s.json", dir, name);
    size_t len;
    char *text = read_all(path, &len);
    cJSON *j = cJSON_ParseWithLength(text, len);
    free(text);
    ck_assert_msg(j != NULL, "%s: invalid JSON", path);
    return j;
}

static const slog_entry *entry_at(const slog_doc *d, int line)
{
    for (size_t i = 0; i < d->nentries; i++)
        if (d->entries[i]->line == line)
            return d->entries[i];
    return NULL;
}

START_TEST(every_labelled_entry_and_few_others)
{
    ck_assert_msg(!read_error[0], "%s", read_error);
    size_t labelled = 0, found = 0, extra = 0, total = 0;
    for (size_t i = 0; i < ndocs; i++) {
        const linted *l = &docs[i];
        cJSON *label = label_of(l->name);
        const cJSON *e;
        cJSON_ArrayForEach(e, cJSON_GetObjectItem(label, "entries"))
        {
            int line = cJSON_GetObjectItem(e, "line")->valueint;
            const char *date = cJSON_GetObjectItem(e, "date")->valuestring;
            const slog_entry *got = entry_at(l->doc, line);
            labelled++;
            if (got && !strcmp(got->date, date))
                found++;
            else
                fprintf(stderr, "%s:%d: labelled entry %s %s\n", l->name, line, date,
                        got ? got->date : "not found");
        }
        for (size_t k = 0; k < l->doc->nentries; k++) {
            int line = l->doc->entries[k]->line, known = 0;
            cJSON_ArrayForEach(e, cJSON_GetObjectItem(label, "entries")) known |=
                cJSON_GetObjectItem(e, "line")->valueint == line;
            if (!known)
                fprintf(stderr, "%s:%d: an entry the labels lack (%s)\n", l->name, line,
                        l->doc->entries[k]->date);
            extra += !known;
            total++;
        }
        cJSON_Delete(label);
    }
    fprintf(stderr,
            "corpus-others: %zu of %zu labelled entries found, %zu of %zu found not labelled\n",
            found, labelled, extra, total);
    ck_assert_uint_eq(found, labelled);
    ck_assert_msg(extra * 100 <= total, "%zu of %zu entries are not labelled (over 1%%)", extra,
                  total);
}
END_TEST

START_TEST(entry_order_is_the_labels)
{
    ck_assert_msg(!read_error[0], "%s", read_error);
    size_t differ = 0;
    for (size_t i = 0; i < ndocs; i++) {
        const linted *l = &docs[i];
        cJSON *label = label_of(l->name);
        const cJSON *want = cJSON_GetObjectItem(label, "order_violations");
        int n = 0, ok = 1;
        for (size_t k = 0; k < l->diags.count; k++) {
            if (l->diags.items[k].rule != SLOG_RULE_ENTRY_ORDER)
                continue;
            const cJSON *w = cJSON_GetArrayItem(want, n++);
            ok &= w && w->valueint == l->diags.items[k].line;
        }
        ok &= n == cJSON_GetArraySize(want);
        if (!ok) {
            fprintf(stderr, "%s: entry-order findings differ from order_violations\n", l->name);
            differ++;
        }
        cJSON_Delete(label);
    }
    ck_assert_uint_eq(differ, 0);
}
END_TEST

START_TEST(judged_findings_are_kept_or_gone)
{
    ck_assert_msg(!read_error[0], "%s", read_error);
    char path[8192];
    snprintf(path, sizeof path, "%s/judged.tsv", dir);
    size_t len;
    char *text = read_all(path, &len);
    size_t rows = 0, wrong = 0;
    char *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char file[512], rule[64], verdict[16];
        int at;
        if (sscanf(line, "%511[^\t]\t%d\t%63[^\t]\t%15[^\t]", file, &at, rule, verdict) != 4)
            continue; /* the header */
        const linted *l = find(file);
        ck_assert_msg(l != NULL, "judged.tsv names %s, which others/ lacks", file);
        int present = 0;
        for (size_t k = 0; k < l->diags.count; k++)
            present |= l->diags.items[k].line == at &&
                       !strcmp(slog_rule_get(l->diags.items[k].rule)->name, rule);
        int want = !strcmp(verdict, "right");
        if (present != want) {
            fprintf(stderr, "%s:%d: %s judged %s is %s\n", file, at, rule, verdict,
                    present ? "reported" : "not reported");
            wrong++;
        }
        rows++;
    }
    free(text);
    fprintf(stderr, "corpus-others: %zu judged findings, %zu not as judged\n", rows, wrong);
    ck_assert_uint_gt(rows, 0);
    ck_assert_uint_eq(wrong, 0);
}
END_TEST

int main(void)
{
    const char *shared = getenv("SLOG_SHARED");
    struct stat st;
    snprintf(dir, sizeof dir, "%s/corpus/others", shared ? shared : "../shared");
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        printf("corpus-others: %s not found, skipping the tests of logs by other authors\n", dir);
        return 77;
    }
    Suite *s = suite_create("corpus-others");
    TCase *tc = tcase_create("others");
    tcase_set_timeout(tc, 300);
    tcase_add_unchecked_fixture(tc, read_all_logs, free_all_logs);
    tcase_add_test(tc, every_labelled_entry_and_few_others);
    tcase_add_test(tc, entry_order_is_the_labels);
    tcase_add_test(tc, judged_findings_are_kept_or_gone);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
