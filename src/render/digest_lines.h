/* SPDX-License-Identifier: BSD-2-Clause */
/* What a line of an entry's text is (digest_lines.c), for digest_prose.c. */
#ifndef SLOG_DIGEST_LINES_H
#define SLOG_DIGEST_LINES_H

#include "buf.h"
#include "text.h"

#include <stddef.h>

const char *dp_trim(const char *s, size_t *len);
int dp_fence(const char *s, size_t len);
const char *dp_list_text(const char *s, size_t len, size_t *n, int *numbered);
size_t dp_sentence(const char *s, size_t len);
void dp_drop_full_stop(slog_buf *b);
int dp_status_row(const char *s, size_t len);
void dp_row_text(slog_buf *b, const char *s, size_t len);
int dp_rule_line(const char *s, size_t len);
int dp_separator_row(const char *s, size_t len);
int dp_key_is_status(const char *s, size_t len);
int dp_metadata_line(const char *s, size_t len, const char **value, size_t *vlen);
size_t dp_leading_caption(const char *s, size_t len);
int dp_markup_only(const char *s, size_t len);
int dp_opens_with_tag(const char *s, size_t len);
int dp_goes_on(const slog_text *t, int line, int last);
int dp_placeholder(const char *s, size_t len);
size_t dp_words_in(const char *s, size_t len);
const char *dp_past_block_tag(const char *s, size_t *len);
int dp_image_only(const char *s, size_t len);
int dp_roster(const char *s, size_t len);
void dp_put_without_tags(slog_buf *b, const char *s, size_t len);
int dp_introduces(const char *s, size_t len);
/* A line that is a short bold caption and nothing else ("**Key Decisions
 * Made**"): its length, else 0. */
size_t dp_bold_caption(const char *s, size_t len);
int dp_metadata_item(const char *s, size_t len);

#endif
