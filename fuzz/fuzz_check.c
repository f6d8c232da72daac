/* SPDX-License-Identifier: BSD-2-Clause */
/* check's comparison: the first part is the baseline, the second the
 * current document. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *a, *b;
    size_t alen, blen;
    fuzz_split(data, size, &a, &alen, &b, &blen);
    slog_parse_options o = SLOG_PARSE_OPTIONS_INIT;
    o.config = fuzz_config();
    slog_doc *base = NULL, *cur = NULL;
    slog_error err;
    if (slog_parse_buffer(a, alen, &o, &base, &err) == SLOG_OK &&
        slog_parse_buffer(b, blen, &o, &cur, &err) == SLOG_OK) {
        slog_diags diags = {0};
        slog_check(cur, base, o.config, &diags, &err);
        slog_diags_free(&diags);
    }
    slog_doc_free(base);
    slog_doc_free(cur);
    return 0;
}
