/* SPDX-License-Identifier: BSD-2-Clause */
/* Month and weekday names (datenames.c). */
#ifndef SLOG_DATENAMES_H
#define SLOG_DATENAMES_H

#include "datefind.h"

#include <stddef.h>

/** An English month name (its first three letters decide) in s[a, b): 1..12
 * and *lang SLOG_LANG_EN, or 0. */
int slog_month_number(const char *s, size_t a, size_t b, int *lang);
/** A month's whole name in another language: 1..12 and its language, or 0. */
int slog_other_month_number(const char *s, size_t a, size_t b, int *lang);
/** A weekday in any language datefind reads: 0 Monday .. 6 Sunday, or -1. */
int slog_weekday_number(const char *s, size_t a, size_t b, int *lang);

#endif
