/* SPDX-License-Identifier: BSD-2-Clause */
/* append's plan, shared by its files: append.c (the request: target log,
 * the date's entry, items, the splice, the plan from the skeleton),
 * append_view.c (the document as append sees it, and the view fix and
 * merge use) and append_place.c (a new entry: its heading, its place). */
#ifndef SLOG_APPEND_PLAN_H
#define SLOG_APPEND_PLAN_H

#include "append_internal.h"
#include "doc_internal.h"

enum { TOUCH_MAX = APPEND_VIEW_KEEP / 2 }; /* entries a plan may read whole */

typedef struct append_view {
    const char *raw;
    size_t len;
    slog_doc *doc;
    const slog_text *text;
    size_t *raw_start; /* raw offset of each line when the text is a copy, else NULL */
    size_t raw_shift;  /* else: raw offset = text offset + this (a BOM) */
    slog_config *cfg;
    slog_error *err;
    struct family *families; /* made by family_of, freed with the view */
    /* built from the skeleton: the entries whose items or section the plan
     * read (their lines), which the second reading keeps whole */
    int skeleton;
    int touched[2 * TOUCH_MAX];
    size_t ntouched;
    int overflow;              /* more were touched than fit: read the whole model */
    slog_skeleton_guess guess; /* what the reading kept whole besides (ap_view_read) */
} view;

/* Logs of one kind side by side: see family_of. */
struct family {
    slog_log log;
    const slog_log *of;
    struct family *next;
};

typedef struct {
    append_when when;
    const slog_log *log;
    const char *label;
    int default_label; /* no --label: what the log's entries share, or "Status" */
} target;

typedef struct {
    int after_line; /* the new text starts after this line (0: at the start) */
    slog_buf text;  /* clean UTF-8, LF line ends */
    size_t added, skipped;
    int new_entry;
} plan;

/* Items by (id, state): the target entry's and the request's own, so that
 * a request of N items into an entry of M costs O(N + M), not O(N·M). */
typedef struct {
    uint64_t *slots; /* key + 1, 0 for empty */
    size_t cap;
} item_set;

const slog_log *ap_family_of(view *v, const slog_log *log);
const slog_log *ap_target_log(view *v, const char *label);
int ap_not_later(const slog_entry *e, const append_when *w);
void ap_leading_bullet(const view *v, int line, char *prefix, size_t size);
uint64_t ap_item_key(uint32_t id, slog_state state);
int ap_item_set_add(item_set *s, uint64_t key);
int ap_item_set_init(item_set *s, size_t n);
slog_status ap_add_items(view *v, const slog_append_request *req, const slog_append_options *o,
                         const slog_entry *existing, const char *date, const char *label,
                         const char *prefix, slog_buf *out, plan *p);
int ap_own_part_end(const view *v, const slog_entry *e);
int ap_header_end(const view *v, const slog_entry *e, int limit);
slog_status ap_encode_insert(const view *v, const char *text, size_t len, int need_eol_first,
                             slog_buf *out);
int ap_section_last(const view *v, const slog_entry *e);
void ap_touch(view *v, const slog_entry *e);
int ap_touched_ranges(const view *v, int *keep);
int ap_touched_within(const view *v, const int *keep, size_t m);
const char *ap_line_of(const view *v, int line, size_t *len);
slog_status ap_index_raw_lines(view *v);
size_t ap_raw_offset(const view *v, int index);
slog_status ap_view_read(view *v, const char *raw, size_t len, slog_config *cfg, const char *name,
                         int skeleton, const int *keep, size_t nkeep,
                         const slog_skeleton_guess *guess, slog_error *err);
int ap_touched_guessed(const view *v);
slog_status ap_view_open(view *v, const char *raw, size_t len, slog_config *cfg, const char *name,
                         slog_error *err);
void ap_view_close(view *v);
int ap_is_blank_line(const view *v, int line);
int ap_trim_blank_end(const view *v, int from, int to);
int ap_line_date(view *v, int line, const char **s, size_t *len, slog_found_date *f);
int ap_starts_with_date(const char *s, const slog_found_date *f);
append_when ap_when_like(const target *t, const slog_entry *model);
void ap_heading_like(view *v, const slog_entry *tpl, const slog_entry *style, const target *t,
                     slog_buf *out);
const slog_entry *ap_template_entry(const target *t);
int ap_grouped(const slog_log *log);
void ap_grouped_slot(const slog_log *log, const append_when *when, int newest,
                     const slog_entry **at, const slog_entry **first);
void ap_entry_slot(view *v, const slog_log *log, const append_when *when, slog_entry_kind kind,
                   int *after_line, int *gap_before, int *gap_after);
void ap_place(view *v, const target *t, slog_entry_kind kind, const slog_buf *body, plan *p);
slog_status ap_as_list_entries(view *v, const target *t, const slog_append_request *req,
                               const slog_append_options *o, plan *p);
slog_status ap_as_new_entry(view *v, const target *t, const slog_append_request *req,
                            const slog_append_options *o, plan *p);

#endif
