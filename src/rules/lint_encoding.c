/* SPDX-License-Identifier: BSD-2-Clause */
/* Rules about bytes: invalid-utf8, mojibake. */
#include "lint_internal.h"
#include "statuslog/parse.h"

static int first_non_ascii_line(const slog_doc *d)
{
    size_t len;
    const char *raw = slog_doc_raw(d, &len);
    int line = 1;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)raw[i];
        if (c >= 0x80)
            return line;
        if (c == '\n' || (c == '\r' && (i + 1 == len || raw[i + 1] != '\n')))
            line++;
    }
    return 1;
}

slog_status lint_encoding(lint_ctx *ctx)
{
    const slog_encoding *enc = &ctx->doc->encoding;
    slog_status st = SLOG_OK;
    if (enc->invalid_utf8)
        st = lint_emit(ctx, SLOG_RULE_INVALID_UTF8, enc->invalid_utf8_line,
                       "%zu invalid UTF-8 %s, the first on this line", enc->invalid_utf8,
                       enc->invalid_utf8 == 1 ? "sequence" : "sequences");
    if (st == SLOG_OK && enc->mojibake != SLOG_MOJIBAKE_NONE)
        st = lint_emit(ctx, SLOG_RULE_MOJIBAKE, first_non_ascii_line(ctx->doc),
                       "double-encoded text (UTF-8 read as %s and saved again); it can be "
                       "repaired exactly",
                       enc->mojibake == SLOG_MOJIBAKE_MAC_ROMAN ? "Mac Roman" : "Windows-1252");
    return st;
}
