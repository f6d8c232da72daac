/* SPDX-License-Identifier: BSD-2-Clause */
/* The lint driver: runs each rule group over a document. */
#include "lint_internal.h"

#include "doc_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef slog_status (*lint_group)(lint_ctx *ctx);

static const lint_group groups[] = {lint_encoding, lint_dates, lint_content};

int lint_enabled(const lint_ctx *ctx, slog_rule rule)
{
    return ctx->config->severity[rule] != SLOG_SEV_OFF;
}

int lint_entry_after_today(const lint_ctx *ctx, const slog_entry *e)
{
    return ctx->as_of && e->date_valid && e->day > ctx->today;
}

int lint_after_today(const lint_ctx *ctx, int line)
{
    const slog_doc *d = ctx->doc;
    if (!ctx->as_of || !d->nentries)
        return 0;
    const slog_entry *e = slog_doc_entry_at(d, line);
    return e && lint_entry_after_today(ctx, e);
}

slog_status lint_emit(lint_ctx *ctx, slog_rule rule, int line, const char *fmt, ...)
{
    if (lint_after_today(ctx, line))
        return SLOG_OK;
    va_list ap;
    va_start(ap, fmt);
    slog_status st = slog_config_emit(ctx->config, ctx->out, rule, ctx->doc->file, line, fmt, ap);
    va_end(ap);
    return st;
}

const char *lint_excerpt(const char *text, char *buf, size_t size, size_t max)
{
    size_t n = strlen(text);
    if (max + 4 > size)
        max = size - 4;
    if (n <= max) {
        memcpy(buf, text, n + 1);
        return buf;
    }
    while (max && ((unsigned char)text[max] & 0xC0) == 0x80)
        max--;
    memcpy(buf, text, max);
    memcpy(buf + max, "…", 4);
    return buf;
}

slog_status slog_lint(const slog_doc *doc, const slog_lint_options *opts, slog_diags *out,
                      slog_error *err)
{
    slog_config *own, *config;
    slog_status st = slog_config_use(opts ? opts->config : NULL, &own, &config, err);
    if (st != SLOG_OK)
        return st;
    lint_ctx ctx = {doc, config, opts ? opts->today : slog_today(NULL),
                    out, NULL,   opts && opts->version >= 2 && opts->as_of};
    st = lint_find_duplicates(&ctx);
    for (size_t i = 0; st == SLOG_OK && i < sizeof groups / sizeof *groups; i++)
        st = groups[i](&ctx);
    free((void *)ctx.duplicate_of);
    slog_config_free(own);
    if (st != SLOG_OK)
        return slog_error_set(err, st, doc->file, 0, "out of memory");
    return SLOG_OK;
}
