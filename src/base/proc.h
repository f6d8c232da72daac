/* SPDX-License-Identifier: BSD-2-Clause */
/* Running another program (git, GNU diff) without a shell, its standard
 * output going to a sink as it comes and its standard error collected. */
#ifndef SLOG_PROC_H
#define SLOG_PROC_H

#include "buf.h"

#include <stddef.h>

/* Takes n bytes of the program's output: 0, or -1 to stop reading (the
 * program is still waited for). */
typedef int (*slog_sink)(void *ctx, const char *data, size_t n);

/** Runs argv[0] (looked up in PATH) with argv, its stdout to `out`, its
 * stderr into `errs` (or dropped when NULL). Returns its exit status, -1
 * when it could not be run or was killed by a signal, -2 when a sink
 * stopped (too large, out of memory, a write error). */
int slog_run_program(const char *const argv[], slog_sink out, void *out_ctx, slog_buf *errs);

#endif
