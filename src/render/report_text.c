/* SPDX-License-Identifier: BSD-2-Clause */
/* text: FILE:LINE:COL: SEVERITY: MESSAGE [RULE] */
#include "report_internal.h"

int slog_report_text(const slog_diags *diags, FILE *out)
{
    for (size_t i = 0; i < diags->count; i++) {
        const slog_diag *d = &diags->items[i];
        if (fprintf(out, "%s:%d:%d: %s: %s [%s]\n", d->file, d->line, d->column,
                    slog_severity_name(d->severity), d->message, slog_rule_get(d->rule)->name) < 0)
            return -1;
    }
    return 0;
}
