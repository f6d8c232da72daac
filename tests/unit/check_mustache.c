/* SPDX-License-Identifier: BSD-2-Clause */
/* The official Mustache spec tests (the JSON files of ../shared/mustache-spec), and the
 * engine's own error cases. */
#include "helpers.h"

#include <sys/stat.h>

static char specdir[4096];

static slog_status from_object(const char *name, char **src, size_t *len, void *ctx,
                               slog_error *err)
{
    (void)err;
    const cJSON *p = cJSON_GetObjectItemCaseSensitive((const cJSON *)ctx, name);
    *src = cJSON_IsString(p) ? strdup(p->valuestring) : NULL;
    *len = *src ? strlen(*src) : 0;
    return SLOG_OK;
}

START_TEST(official_spec)
{
    static const char *const modules[] = {"interpolation", "sections",   "inverted",
                                          "comments",      "delimiters", "partials"};
    int passed = 0, total = 0;
    for (size_t m = 0; m < sizeof modules / sizeof *modules; m++) {
        char path[8192];
        snprintf(path, sizeof path, "%s/%s.json", specdir, modules[m]);
        size_t len;
        char *text = read_all(path, &len);
        cJSON *spec = cJSON_Parse(text);
        ck_assert_ptr_nonnull(spec);
        const cJSON *t;
        cJSON_ArrayForEach(t, cJSON_GetObjectItem(spec, "tests"))
        {
            const char *tpl = cJSON_GetObjectItem(t, "template")->valuestring;
            const char *want = cJSON_GetObjectItem(t, "expected")->valuestring;
            slog_template *tmpl;
            slog_error err;
            char *out = NULL;
            size_t n;
            total++;
            if (slog_template_parse("spec", tpl, strlen(tpl), &tmpl, &err) == SLOG_OK) {
                if (slog_template_render(tmpl, cJSON_GetObjectItem(t, "data"), from_object,
                                         cJSON_GetObjectItem(t, "partials"), &out, &n,
                                         &err) == SLOG_OK &&
                    strcmp(out, want) == 0)
                    passed++;
                else
                    fprintf(stderr, "mustache: %s / %s: got '%s'\n", modules[m],
                            cJSON_GetObjectItem(t, "name")->valuestring, out ? out : err.message);
                free(out);
                slog_template_free(tmpl);
            } else {
                fprintf(stderr, "mustache: %s / %s: %s\n", modules[m],
                        cJSON_GetObjectItem(t, "name")->valuestring, err.message);
            }
        }
        cJSON_Delete(spec);
        free(text);
    }
    printf("mustache spec: %d of %d tests pass\n", passed, total);
    ck_assert_int_eq(total, 136);
    ck_assert_int_eq(passed, total);
}
END_TEST

static void expect_error(const char *tpl, int line, const char *words)
{
    slog_template *t;
    slog_error err;
    ck_assert_int_eq(slog_template_parse("digest.mustache", tpl, strlen(tpl), &t, &err),
                     SLOG_ERR_INVALID);
    ck_assert_str_eq(err.file, "digest.mustache");
    ck_assert_int_eq(err.line, line);
    ck_assert_msg(strstr(err.message, words) != NULL, "'%s' lacks '%s'", err.message, words);
}

START_TEST(malformed_templates)
{
    expect_error("a\n{{#items}}\nb\n", 2, "unclosed section 'items'");
    expect_error("a\n\n{{#a}}{{/b}}", 3, "does not match its section: 'b'");
    expect_error("{{/a}}", 1, "closing tag without a section");
    expect_error("x\n{{name", 2, "unclosed tag");
    expect_error("{{=<% %>=}}\n<%= x y z =%>", 2, "bad delimiter");
    expect_error("{{= =}}", 1, "bad delimiter");
}
END_TEST

/* Found by fuzz_mustache: a closing delimiter that begins with the sigil closed
 * its own tag, and a delimiter holding a NUL byte became an empty one; either
 * left the tag's name with a length of -1. */
START_TEST(delimiters_that_would_close_their_own_tag)
{
    expect_error("{{=< #>=}}\n<#>", 2, "unclosed tag");
    slog_template *t;
    slog_error err;
    const char nul_close[] = "x {{={{ \0=}}un }}{{>a}}";
    ck_assert_int_eq(slog_template_parse("t", nul_close, sizeof nul_close - 1, &t, &err),
                     SLOG_ERR_INVALID);
    ck_assert_msg(strstr(err.message, "bad delimiter") != NULL, "%s", err.message);
}
END_TEST

static slog_status no_partials(const char *name, char **src, size_t *len, void *ctx,
                               slog_error *err)
{
    (void)name, (void)ctx, (void)err;
    *src = NULL;
    *len = 0;
    return SLOG_OK;
}

START_TEST(missing_partial_renders_nothing_and_html_is_escaped)
{
    slog_template *t;
    slog_error err;
    const char *tpl = "[{{>nope}}]{{text}}";
    ck_assert_int_eq(slog_template_parse("t", tpl, strlen(tpl), &t, &err), SLOG_OK);
    cJSON *data = cJSON_Parse("{\"text\": \"<script>alert('x')</script> & \\\"\"}");
    char *out;
    size_t n;
    ck_assert_int_eq(slog_template_render(t, data, no_partials, NULL, &out, &n, &err), SLOG_OK);
    ck_assert_str_eq(out, "[]&lt;script&gt;alert('x')&lt;/script&gt; &amp; &quot;");
    free(out);
    cJSON_Delete(data);
    slog_template_free(t);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("mustache");
    TCase *tc = tcase_create("engine");
    tcase_add_test(tc, malformed_templates);
    tcase_add_test(tc, delimiters_that_would_close_their_own_tag);
    tcase_add_test(tc, missing_partial_renders_nothing_and_html_is_escaped);
    const char *shared = getenv("SLOG_SHARED");
    snprintf(specdir, sizeof specdir, "%s/mustache-spec", shared ? shared : "../shared");
    struct stat st;
    if (stat(specdir, &st) == 0)
        tcase_add_test(tc, official_spec);
    else
        printf("mustache spec: %s not found, skipping the spec tests\n", specdir);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
