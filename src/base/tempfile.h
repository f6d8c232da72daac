/* SPDX-License-Identifier: BSD-2-Clause */
/* A temporary file holding given bytes (for git merge-file and diff). */
#ifndef SLOG_TEMPFILE_H
#define SLOG_TEMPFILE_H

#include <stddef.h>

/** Creates the file named by the mkstemp(3) template `path` (its XXXXXX
 * replaced) and writes data[0, len) to it: 0, or -1 with nothing left
 * behind. */
int slog_write_temp(char *path, const char *data, size_t len);

#endif
