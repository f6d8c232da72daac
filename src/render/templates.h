/* SPDX-License-Identifier: BSD-2-Clause */
/* The templates of templates/, built into the binary (cmake/embed.cmake). */
#ifndef SLOG_TEMPLATES_H
#define SLOG_TEMPLATES_H

#include <stddef.h>

typedef struct {
    const char *name;
    const char *data;
    size_t len;
} slog_builtin;

extern const slog_builtin slog_builtins[]; /* ends with a NULL name */

#endif
