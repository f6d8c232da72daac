/* SPDX-License-Identifier: BSD-2-Clause */
/* Linting a string and counting a rule's findings, for the rule tests. */
#ifndef SLOG_TEST_LINT_HELPERS_H
#define SLOG_TEST_LINT_HELPERS_H

#include "helpers.h"

static inline long day_of(const char *s)
{
    long d;
    ck_assert(slog_parse_date(s, &d) == 0);
    return d;
}

/* Lints `md` at `today` and returns how many findings `rule` has; the line of
 * the first one goes to *line. */
static inline int count_rule(const char *md, const char *today, slog_rule rule, int *line)
{
    slog_doc *d = parse_str(md);
    slog_diags diags = {0};
    slog_error err;
    slog_lint_options lo = {SLOG_LINT_OPTIONS_VERSION, default_config(), day_of(today), 0};
    ck_assert_int_eq(slog_lint(d, &lo, &diags, &err), SLOG_OK);
    slog_diags_sort(&diags);
    int n = 0;
    for (size_t i = 0; i < diags.count; i++)
        if (diags.items[i].rule == rule && n++ == 0 && line)
            *line = diags.items[i].line;
    slog_diags_free(&diags);
    slog_doc_free(d);
    return n;
}

#define HAS(md, rule, expected_line)                                                               \
    do {                                                                                           \
        int line_ = 0;                                                                             \
        ck_assert_int_eq(count_rule(md, "2025-10-19", rule, &line_), 1);                           \
        ck_assert_int_eq(line_, expected_line);                                                    \
    } while (0)
#define HASNT(md, rule) ck_assert_int_eq(count_rule(md, "2025-10-19", rule, NULL), 0)

/* The message of the first finding of `rule`. */
static inline char *first_message(const char *md, const char *today, slog_rule rule)
{
    slog_doc *d = parse_str(md);
    slog_diags diags = {0};
    slog_error err;
    slog_lint_options lo = {SLOG_LINT_OPTIONS_VERSION, default_config(), day_of(today), 0};
    ck_assert_int_eq(slog_lint(d, &lo, &diags, &err), SLOG_OK);
    slog_diags_sort(&diags);
    char *msg = NULL;
    for (size_t i = 0; i < diags.count && !msg; i++)
        if (diags.items[i].rule == rule)
            msg = strdup(diags.items[i].message);
    slog_diags_free(&diags);
    slog_doc_free(d);
    ck_assert_ptr_nonnull(msg);
    return msg;
}

/* The state of the item (top-level or nested) at `line` of `md`. */
static inline slog_state item_state_at(const char *md, int line)
{
    slog_doc *d = parse_str(md);
    slog_state st = SLOG_STATE_NOTE;
    int found = 0;
    for (size_t i = 0; i < d->nentries; i++)
        for (const slog_item *it = d->entries[i]->items; it; it = it->next)
            for (const slog_item *c = it; c; c = c == it ? it->children : c->next)
                if (c->line == line) {
                    st = c->state;
                    found = 1;
                }
    slog_doc_free(d);
    ck_assert_msg(found, "no item at line %d", line);
    return st;
}

#endif
