/* SPDX-License-Identifier: BSD-2-Clause */
/* Decoding: BOM, line endings, invalid UTF-8, NUL bytes, mojibake. */
#include "helpers.h"
#include "text.h"

static slog_text decode(const char *s, size_t len)
{
    slog_text t;
    ck_assert_int_eq(slog_text_decode(&t, s, len), SLOG_OK);
    return t;
}

START_TEST(lf_crlf_cr_mixed)
{
    slog_text t = decode("a\nb\n", 4);
    ck_assert_int_eq(t.enc.line_endings, SLOG_EOL_LF);
    ck_assert_uint_eq(t.nlines, 2);
    slog_text_free(&t);
    t = decode("a\r\nb\r\nc", 7);
    ck_assert_int_eq(t.enc.line_endings, SLOG_EOL_CRLF);
    ck_assert_int_eq(t.enc.first_eol, SLOG_EOL_CRLF);
    ck_assert_uint_eq(t.nlines, 3);
    size_t len;
    const char *l = slog_text_line(&t, 2, &len);
    ck_assert_uint_eq(len, 1);
    ck_assert_int_eq(l[0], 'b');
    slog_text_free(&t);
    t = decode("a\rb\r", 4);
    ck_assert_int_eq(t.enc.line_endings, SLOG_EOL_CR);
    ck_assert_uint_eq(t.nlines, 2);
    slog_text_free(&t);
    t = decode("a\r\nb\nc\r", 7);
    ck_assert_int_eq(t.enc.line_endings, SLOG_EOL_MIXED);
    ck_assert_uint_eq(t.nlines, 3);
    slog_text_free(&t);
    t = decode("no break", 8);
    ck_assert_int_eq(t.enc.line_endings, SLOG_EOL_LF);
    ck_assert_uint_eq(t.nlines, 1);
    slog_text_free(&t);
    t = decode("", 0);
    ck_assert_uint_eq(t.nlines, 0);
    slog_text_free(&t);
}
END_TEST

START_TEST(bom_is_remembered_and_stripped)
{
    slog_text t = decode("\xEF\xBB\xBF# T\n", 7);
    ck_assert(t.enc.bom);
    ck_assert_int_eq(t.data[0], '#');
    slog_text_free(&t);
}
END_TEST

START_TEST(invalid_utf8_counted_with_first_line)
{
    const char s[] = "ok\nstill ok\nbad \xC3( and \xFF\xFE here\n\xE2\x82\n";
    slog_text t = decode(s, sizeof s - 1);
    ck_assert_uint_eq(t.enc.invalid_utf8, 4);
    ck_assert_int_eq(t.enc.invalid_utf8_line, 3);
    ck_assert_int_eq(t.enc.mojibake, SLOG_MOJIBAKE_NONE);
    /* the decoded text is valid UTF-8 with U+FFFD for each bad sequence */
    ck_assert_ptr_nonnull(strstr(t.data, "bad \xEF\xBF\xBD( and \xEF\xBF\xBD\xEF\xBF\xBD here"));
    ck_assert_uint_eq(t.nlines, 4);
    slog_text_free(&t);
}
END_TEST

START_TEST(overlong_and_surrogates_are_invalid)
{
    const unsigned char overlong[] = {0xC0, 0xAF};
    const unsigned char surrogate[] = {0xED, 0xA0, 0x80};
    const unsigned char too_big[] = {0xF4, 0x90, 0x80, 0x80};
    const unsigned char ok4[] = {0xF0, 0x9F, 0x94, 0x9C};
    ck_assert_uint_eq(slog_utf8_valid_len(overlong, 2), 0);
    ck_assert_uint_eq(slog_utf8_valid_len(surrogate, 3), 0);
    ck_assert_uint_eq(slog_utf8_valid_len(too_big, 4), 0);
    ck_assert_uint_eq(slog_utf8_valid_len(ok4, 4), 4);
    ck_assert_uint_eq(slog_utf8_valid_len(ok4, 3), 0); /* truncated */
}
END_TEST

START_TEST(nul_bytes_replaced)
{
    const char s[] = "a\0b\n";
    slog_text t = decode(s, 4);
    ck_assert_uint_eq(t.enc.nul_bytes, 1);
    ck_assert_uint_eq(t.len, 6);
    ck_assert_int_eq(memcmp(t.data,
                            "a\xEF\xBF\xBD"
                            "b\n",
                            6),
                     0);
    slog_text_free(&t);
}
END_TEST

static void check_repair(const char *mojibake_fixture, slog_mojibake kind)
{
    size_t clean_len, bad_len;
    char *clean = read_all(fixture("plan.md"), &clean_len);
    char *bad = read_all(fixture(mojibake_fixture), &bad_len);
    ck_assert_uint_ne(clean_len, bad_len);
    slog_text t = decode(bad, bad_len);
    ck_assert_int_eq(t.enc.mojibake, kind);
    ck_assert_uint_eq(t.len, clean_len);
    ck_assert_int_eq(memcmp(t.data, clean, clean_len), 0); /* exact */
    slog_text_free(&t);
    /* and the inverse: encoding the clean text gives the mojibake back */
    size_t n;
    char *again = slog_mojibake_encode(clean, clean_len, kind, &n);
    ck_assert_uint_eq(n, bad_len);
    ck_assert_int_eq(memcmp(again, bad, n), 0);
    free(again);
    free(clean);
    free(bad);
}

START_TEST(mojibake_mac_roman_repaired_exactly)
{
    check_repair("plan-mojibake-macroman.md", SLOG_MOJIBAKE_MAC_ROMAN);
}
END_TEST

START_TEST(mojibake_cp1252_repaired_exactly)
{
    check_repair("plan-mojibake-cp1252.md", SLOG_MOJIBAKE_CP1252);
}
END_TEST

START_TEST(clean_text_is_not_mojibake)
{
    const char *samples[] = {"caf\xC3\xA9 na\xC3\xAFve\n",          /* café naïve */
                             "it\xE2\x80\x99s done \xE2\x9C\x85\n", /* it’s done ✅ */
                             "plain ascii\n"};
    for (size_t i = 0; i < 3; i++) {
        slog_text t = decode(samples[i], strlen(samples[i]));
        ck_assert_int_eq(t.enc.mojibake, SLOG_MOJIBAKE_NONE);
        ck_assert_str_eq(t.data, samples[i]);
        slog_text_free(&t);
    }
}
END_TEST

START_TEST(huge_line)
{
    size_t n = 8u << 20;
    char *s = malloc(n + 2);
    memset(s, 'x', n);
    s[n] = '\n';
    s[n + 1] = '\0';
    slog_text t = decode(s, n + 1);
    ck_assert_uint_eq(t.nlines, 1);
    size_t len;
    slog_text_line(&t, 1, &len);
    ck_assert_uint_eq(len, n);
    slog_text_free(&t);
    free(s);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("text");
    TCase *tc = tcase_create("decode");
    tcase_add_test(tc, lf_crlf_cr_mixed);
    tcase_add_test(tc, bom_is_remembered_and_stripped);
    tcase_add_test(tc, invalid_utf8_counted_with_first_line);
    tcase_add_test(tc, overlong_and_surrogates_are_invalid);
    tcase_add_test(tc, nul_bytes_replaced);
    tcase_add_test(tc, mojibake_mac_roman_repaired_exactly);
    tcase_add_test(tc, mojibake_cp1252_repaired_exactly);
    tcase_add_test(tc, clean_text_is_not_mojibake);
    tcase_add_test(tc, huge_line);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
