/* SPDX-License-Identifier: BSD-2-Clause */
/* Shared helpers for the check unit tests. */
#ifndef SLOG_TEST_HELPERS_H
#define SLOG_TEST_HELPERS_H

#include <check.h>
#include <dirent.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "statuslog/statuslog.h"

/* The default configuration, compiled once per test process: a test that
 * reads hundreds of documents would otherwise spend half its time
 * compiling the same patterns (the CLI compiles them once too). Reachable
 * from a static: not a leak. */
static inline slog_config *default_config(void)
{
    static slog_config *cfg;
    slog_error err;
    if (!cfg)
        ck_assert_int_eq(slog_config_new_default(&cfg, &err), SLOG_OK);
    return cfg;
}

/* Parses a NUL-terminated string with the default configuration. */
static inline slog_doc *parse_str(const char *s)
{
    slog_doc *doc = NULL;
    slog_error err;
    slog_parse_options o = SLOG_PARSE_OPTIONS_INIT;
    o.config = default_config();
    o.filename = "test.md";
    ck_assert_int_eq(slog_parse_buffer(s, strlen(s), &o, &doc, &err), SLOG_OK);
    return doc;
}

static inline slog_doc *parse_len(const char *s, size_t len)
{
    slog_doc *doc = NULL;
    slog_error err;
    slog_parse_options o = SLOG_PARSE_OPTIONS_INIT;
    o.config = default_config();
    ck_assert_int_eq(slog_parse_buffer(s, len, &o, &doc, &err), SLOG_OK);
    return doc;
}

/* Path of a file under fixtures/ (SLOG_FIXTURES is set by ctest). */
static inline const char *fixture(const char *name)
{
    static char path[4096];
    const char *dir = getenv("SLOG_FIXTURES");
    snprintf(path, sizeof path, "%s/%s", dir ? dir : "fixtures", name);
    return path;
}

static inline char *read_all(const char *path, size_t *len)
{
    char *data = NULL;
    slog_error err;
    ck_assert_msg(slog_read_file(path, &data, len, &err) == SLOG_OK, "cannot read %s: %s", path,
                  err.message);
    return data;
}

/* fn on every *.md below dir, depth first: the sum of what it returns
 * (the documents that differ), and the documents in *files. */
static inline int each_md(const char *dir, int (*fn)(const char *path), int *files)
{
    DIR *dp = opendir(dir);
    if (!dp)
        return 0;
    int sum = 0;
    struct dirent *de;
    while ((de = readdir(dp)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        char path[4096];
        struct stat st;
        if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, de->d_name) >= sizeof path ||
            stat(path, &st) != 0)
            continue;
        size_t n = strlen(de->d_name);
        if (S_ISDIR(st.st_mode))
            sum += each_md(path, fn, files);
        else if (n > 3 && !strcmp(de->d_name + n - 3, ".md")) {
            sum += fn(path);
            (*files)++;
        }
    }
    closedir(dp);
    return sum;
}

static inline int run_suite(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#endif
