/* SPDX-License-Identifier: BSD-2-Clause */
/* Configuration: keys, invalid files (with line and column), discovery, and
 * user patterns that cannot hang the tool. */
#include "helpers.h"

#include <sys/stat.h>
#include <unistd.h>

static char dir[256];

static const char *write_file(const char *name, const char *text)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
    return path;
}

static void setup(void)
{
    snprintf(dir, sizeof dir, "/tmp/slog-config-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void teardown(void)
{
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}

static slog_config *load_ok(const char *json)
{
    slog_config *c = NULL;
    slog_error err;
    const char *path = write_file("cfg.json", json);
    ck_assert_msg(slog_config_load(path, &c, &err) == SLOG_OK, "%s", err.message);
    return c;
}

static slog_doc *parse_with(const slog_config *c, const char *md)
{
    slog_parse_options o = SLOG_PARSE_OPTIONS_INIT;
    o.config = c;
    slog_doc *d;
    slog_error err;
    ck_assert_int_eq(slog_parse_buffer(md, strlen(md), &o, &d, &err), SLOG_OK);
    return d;
}

START_TEST(every_key)
{
    slog_config *c =
        load_ok("{\n"
                "  \"markers\": {\"DONE:\": \"done\", \"🔜\": \"blocked\"},\n"
                "  \"entry_pattern\": \"Week of (?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})\",\n"
                "  \"followup_headings\": [\"Todo\"],\n"
                "  \"stale_days\": 3,\n"
                "  \"timezone\": \"America/Denver\",\n"
                "  \"rules\": {\"open-checklist\": \"off\", \"unmarked-item\": "
                "\"warning\"}\n"
                "}\n");
    ck_assert_int_eq(slog_config_stale_days(c), 3);
    ck_assert_str_eq(slog_config_timezone(c), "America/Denver");
    ck_assert_int_eq(slog_config_severity(c, SLOG_RULE_OPEN_CHECKLIST), SLOG_SEV_OFF);
    ck_assert_int_eq(slog_config_severity(c, SLOG_RULE_UNMARKED_ITEM), SLOG_SEV_WARNING);
    ck_assert_int_eq(slog_config_severity(c, SLOG_RULE_ENTRY_ORDER), SLOG_SEV_ERROR);
    slog_doc *d = parse_with(c, "## Status (2025-10-07)\n## Week of 2025-10-06\n"
                                "- DONE: shipped\n- 🔜 remapped\n- ✅ still done\n## Todo\n- x\n");
    ck_assert_uint_eq(d->nentries, 1); /* the default pattern is replaced */
    ck_assert_str_eq(d->entries[0]->label, "Week of");
    const slog_item *it = d->entries[0]->items;
    ck_assert_int_eq(it->state, SLOG_STATE_DONE);
    ck_assert_str_eq(it->marker, "DONE:");
    ck_assert_str_eq(it->text, "shipped");
    ck_assert_int_eq(it->next->state, SLOG_STATE_BLOCKED);
    ck_assert_int_eq(it->next->next->state, SLOG_STATE_DONE);
    ck_assert_uint_eq(d->nfollowups, 1);
    slog_doc_free(d);
    slog_config_free(c);
}
END_TEST

static void expect_invalid(const char *json, int line, int column, const char *words)
{
    slog_config *c = NULL;
    slog_error err;
    const char *path = write_file("bad.json", json);
    ck_assert_int_eq(slog_config_load(path, &c, &err), SLOG_ERR_INVALID);
    ck_assert_ptr_null(c);
    ck_assert_str_eq(err.file, path);
    ck_assert_msg(err.line == line && err.column == column, "%s: at %d:%d, expected %d:%d (%s)",
                  json, err.line, err.column, line, column, err.message);
    ck_assert_msg(strstr(err.message, words) != NULL, "'%s' lacks '%s'", err.message, words);
}

START_TEST(invalid_files)
{
    /* cJSON notices the error one character into the bad token */
    expect_invalid("{\n  \"stale_days\": 3,\n  oops\n}\n", 3, 4, "invalid JSON");
    expect_invalid("{\"stale_days\": 3}\n{", 2, 1, "invalid JSON");
    expect_invalid("{\n  \"colour\": \"red\"\n}\n", 2, 3, "unknown key \"colour\"");
    expect_invalid("{\n\"rules\": {\n  \"entry-order\": \"fatal\"}}", 3, 3, "severity");
    expect_invalid("{\"rules\": {\"no-such-rule\": \"off\"}}", 1, 12, "unknown rule");
    expect_invalid("{\"markers\": {\"OK\": \"finished\"}}", 1, 14, "state must be");
    expect_invalid("{\n \"entry_pattern\": \"(?<date>[0-9\"}", 2, 2, "missing terminating");
    expect_invalid("{\"entry_pattern\": \"[0-9]{4}\"}", 1, 2, "no named group 'date'");
    expect_invalid("{\"stale_days\": -1}", 1, 2, "whole number");
    expect_invalid("{\"stale_days\": 2.5}", 1, 2, "whole number");
    expect_invalid("{\"timezone\": \"Mars/Olympus\"}", 1, 2, "timezone");
    expect_invalid("{\"timezone\": \"../../etc/passwd\"}", 1, 2, "timezone");
    expect_invalid("{\"timezone\": \"+\"}", 1, 2, "timezone");
    expect_invalid("[1, 2]", 1, 1, "must be a JSON object");
    expect_invalid("{\"followup_headings\": \"Todo\"}", 1, 2, "array of strings");
}
END_TEST

START_TEST(missing_file)
{
    slog_config *c = NULL;
    slog_error err;
    ck_assert_int_eq(slog_config_load("/nonexistent/.statuslog.json", &c, &err), SLOG_ERR_IO);
    ck_assert_str_eq(err.file, "/nonexistent/.statuslog.json");
}
END_TEST

START_TEST(discovery_walks_up)
{
    char sub[512], doc[600], cfg[600];
    snprintf(sub, sizeof sub, "%s/a/b", dir);
    snprintf(cfg, sizeof cfg, "%s/a", dir);
    ck_assert_int_eq(mkdir(cfg, 0755), 0);
    ck_assert_int_eq(mkdir(sub, 0755), 0);
    snprintf(doc, sizeof doc, "%s/plan.md", sub);
    char *found = slog_config_discover(doc);
    ck_assert_ptr_null(found); /* nothing up to the root (/tmp has none) */
    write_file("a/.statuslog.json", "{}");
    found = slog_config_discover(doc);
    ck_assert_ptr_nonnull(found);
    char *real = realpath(dir, NULL);
    char want[700];
    snprintf(want, sizeof want, "%s/a/.statuslog.json", real);
    ck_assert_str_eq(found, want);
    free(found);
    free(real);
    /* the nearest one wins */
    write_file("a/b/.statuslog.json", "{}");
    found = slog_config_discover(doc);
    ck_assert_ptr_nonnull(strstr(found, "/a/b/.statuslog.json"));
    free(found);
}
END_TEST

START_TEST(catastrophic_pattern_gives_up)
{
    slog_config *c = load_ok("{\"entry_pattern\": \"^(a+)+$(?<date>x)?\"}");
    size_t n = 5000;
    char *md = malloc(n + 16);
    memcpy(md, "## ", 3);
    memset(md + 3, 'a', n);
    strcpy(md + 3 + n, "b\n");
    slog_doc *d = parse_with(c, md); /* returns: the match limit stops it */
    ck_assert_uint_eq(d->nentries, 0);
    slog_doc_free(d);
    free(md);
    slog_config_free(c);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("config");
    TCase *tc = tcase_create("config");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 20);
    tcase_add_test(tc, every_key);
    tcase_add_test(tc, invalid_files);
    tcase_add_test(tc, missing_file);
    tcase_add_test(tc, discovery_walks_up);
    tcase_add_test(tc, catastrophic_pattern_gives_up);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
