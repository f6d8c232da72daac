/* SPDX-License-Identifier: BSD-2-Clause */
/* Error records: the one way the library reports failure to its caller. */
#include "statuslog/common.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void slog_error_clear(slog_error *err)
{
    if (err)
        memset(err, 0, sizeof *err);
}

slog_status slog_error_set(slog_error *err, slog_status status, const char *file, int line,
                           const char *fmt, ...)
{
    if (!err)
        return status;
    err->status = status;
    err->line = line;
    err->column = 0;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return status;
}

const char *slog_version(void)
{
    return SLOG_VERSION_STRING;
}
