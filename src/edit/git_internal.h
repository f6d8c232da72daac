/* SPDX-License-Identifier: BSD-2-Clause */
/* Running git (no shell), for check --git and merge. */
#ifndef SLOG_GIT_INTERNAL_H
#define SLOG_GIT_INTERNAL_H

#include "buf.h"

/** Runs git with `args` (NULL-terminated, at most 14, after "git"),
 * collecting stdout and stderr. Returns git's exit status, -1 when git
 * could not be run, -2 when its output was too large or memory ran out. */
int slog_run_git(const char *const args[], slog_buf *out, slog_buf *errs);

#endif
