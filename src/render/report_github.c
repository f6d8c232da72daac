/* SPDX-License-Identifier: BSD-2-Clause */
/* github: GitHub Actions workflow commands,
 * ::error file=F,line=L,col=C,title=RULE::MESSAGE (warning, notice).
 * Data escapes %, CR and LF; property values also ':' and ','. */
#include "report_internal.h"

static int put_escaped(FILE *out, const char *s, int property)
{
    for (; *s; s++) {
        const char *esc = NULL;
        switch (*s) {
        case '%':
            esc = "%25";
            break;
        case '\r':
            esc = "%0D";
            break;
        case '\n':
            esc = "%0A";
            break;
        case ':':
            esc = property ? "%3A" : NULL;
            break;
        case ',':
            esc = property ? "%2C" : NULL;
            break;
        default:
            break;
        }
        if (esc ? fputs(esc, out) == EOF : fputc(*s, out) == EOF)
            return -1;
    }
    return 0;
}

int slog_report_github(const slog_diags *diags, FILE *out)
{
    static const char *const command[] = {"notice", "notice", "warning", "error"};
    for (size_t i = 0; i < diags->count; i++) {
        const slog_diag *d = &diags->items[i];
        if (fprintf(out, "::%s file=", command[d->severity]) < 0 || put_escaped(out, d->file, 1) ||
            fprintf(out, ",line=%d,col=%d,title=", d->line, d->column) < 0 ||
            put_escaped(out, slog_rule_get(d->rule)->name, 1) || fputs("::", out) == EOF ||
            put_escaped(out, d->message, 0) || fputc('\n', out) == EOF)
            return -1;
    }
    return 0;
}
