/* SPDX-License-Identifier: BSD-2-Clause */
/* The configuration loader: any bytes as .statuslog.json; a configuration
 * that loads then reads and lints a small document (its patterns, markers,
 * zones and rules at work). */
#include "fuzz.h"

static const char DOC[] = "# Plan\n\nDate: 2026-03-01\n\n## Status (2026-03-02)\n- ✅ done\n"
                          "- DONE: a\n- Shipped: b\n- 🔜 next\n## 3/9/2026 2 PM - Run\n- x\n"
                          "## Sprint 4 (2026-03-10)\n**Reported**: 2026-03-10 09:00 EST\n"
                          "- 2026-03-11: one\n- 2026-03-12: two\n## Follow-ups\n- f\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    slog_config *c;
    slog_error err;
    if (slog_config_parse((const char *)data, size, "fuzz.json", &c, &err) != SLOG_OK)
        return 0;
    slog_parse_options o = SLOG_PARSE_OPTIONS_INIT;
    o.config = c;
    slog_doc *d;
    if (slog_parse_buffer(DOC, sizeof DOC - 1, &o, &d, &err) == SLOG_OK) {
        slog_diags diags = {0};
        slog_lint_options lo = {SLOG_LINT_OPTIONS_VERSION, c, 20500, 0};
        slog_lint(d, &lo, &diags, &err);
        slog_diags_free(&diags);
        slog_doc_free(d);
    }
    slog_config_free(c);
    return 0;
}
