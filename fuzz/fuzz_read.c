/* SPDX-License-Identifier: BSD-2-Clause */
/* The reading pipeline and every consumer of the model: bytes -> decoding ->
 * cmark -> model (entries, items, logs, threads) -> lint and its reporters,
 * the JSON model, the digest view model and the built-in templates. */
#include "fuzz.h"

static void render_digest(const cJSON *digest)
{
    static const char *const formats[] = {"markdown", "html", "text"};
    for (size_t i = 0; i < 3; i++) {
        size_t len;
        const char *src = slog_digest_template(formats[i], &len);
        slog_template *t = NULL;
        slog_error err;
        char *out = NULL;
        size_t out_len;
        if (src && slog_template_parse(formats[i], src, len, &t, &err) == SLOG_OK &&
            slog_template_render(t, digest, NULL, NULL, &out, &out_len, &err) == SLOG_OK)
            free(out);
        slog_template_free(t);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    slog_parse_options o = SLOG_PARSE_OPTIONS_INIT;
    o.config = fuzz_config();
    o.filename = "fuzz.md";
    slog_doc *d;
    slog_error err;
    if (slog_parse_buffer((const char *)data, size, &o, &d, &err) != SLOG_OK)
        return 0;
    slog_diags diags = {0};
    slog_lint_options lo = {SLOG_LINT_OPTIONS_VERSION, o.config, 20500, 0}; /* 2026-02-15 */
    if (slog_lint(d, &lo, &diags, &err) == SLOG_OK) {
        slog_diags_sort(&diags);
        for (int f = SLOG_FORMAT_TEXT; f <= SLOG_FORMAT_SARIF; f++)
            slog_report((slog_format)f, &diags, fuzz_sink(), &err);
    }
    slog_diags_free(&diags);
    lo.as_of = 1; /* the document as it stood on that day */
    if (slog_lint(d, &lo, &diags, &err) == SLOG_OK)
        slog_diags_free(&diags);
    slog_doc_write_json(d, fuzz_sink(), 1, &err);
    cJSON *j = slog_doc_to_json(d);
    char *s = j ? cJSON_PrintUnformatted(j) : NULL;
    cJSON_free(s);
    cJSON_Delete(j);
    slog_digest_options dopt = {
        SLOG_DIGEST_OPTIONS_VERSION, o.config, {20400, 20500, 0, 0}, 20500, 1};
    cJSON *digest = slog_digest_new(&dopt);
    if (digest && slog_digest_add(digest, d, &dopt, &err) == SLOG_OK &&
        slog_digest_finish(digest, &err) == SLOG_OK)
        render_digest(digest);
    cJSON_Delete(digest);
    slog_doc_free(d);
    return 0;
}
