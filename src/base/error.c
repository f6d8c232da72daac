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
    /* a name or message longer than its field is cut between characters */
    file = file ? file : "";
    size_t n = slog_utf8_cut(file, strlen(file), sizeof err->file - 1);
    memcpy(err->file, file, n);
    err->file[n] = '\0';
    char message[4 * sizeof err->message];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    n = slog_utf8_cut(message, strlen(message), sizeof err->message - 1);
    memcpy(err->message, message, n);
    err->message[n] = '\0';
    return status;
}

const char *slog_version(void)
{
    return SLOG_VERSION_STRING;
}
