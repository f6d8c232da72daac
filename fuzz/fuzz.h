/* SPDX-License-Identifier: BSD-2-Clause */
/* Shared by the fuzz targets: splitting one input into two parts, and a
 * sink for output. */
#ifndef SLOG_FUZZ_H
#define SLOG_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "statuslog/statuslog.h"

/* Two inputs in one: split at the first "\0\0" (the second part empty
 * without one). The seed corpora are made that way (scripts/fuzz). */
static inline void fuzz_split(const uint8_t *data, size_t size, const char **a, size_t *alen,
                              const char **b, size_t *blen)
{
    *a = (const char *)data;
    *alen = size;
    *b = "";
    *blen = 0;
    for (size_t i = 0; i + 1 < size; i++)
        if (data[i] == 0 && data[i + 1] == 0) {
            *alen = i;
            *b = (const char *)data + i + 2;
            *blen = size - i - 2;
            return;
        }
}

static inline FILE *fuzz_sink(void)
{
    static FILE *sink;
    if (!sink)
        sink = fopen("/dev/null", "w");
    return sink;
}

static inline const slog_config *fuzz_config(void)
{
    static slog_config *cfg;
    if (!cfg)
        slog_config_new_default(&cfg, NULL);
    return cfg;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
