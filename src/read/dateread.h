/* SPDX-License-Identifier: BSD-2-Clause */
/* What a match of the date pattern says (dateread.c). */
#ifndef SLOG_DATEREAD_H
#define SLOG_DATEREAD_H

#include "datefind.h"

/** Fills f's date, time, zone, weekday and form from the groups of the
 * last match of c's date pattern in s (f->start, f->end already set). */
void slog_date_read(slog_config *c, const char *s, slog_found_date *f);

/** The decimal number s[a, b) (at most 6 digits). */
int slog_date_number(const char *s, size_t a, size_t b);

#endif
