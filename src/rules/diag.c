/* SPDX-License-Identifier: BSD-2-Clause */
/* The rule table and the list of findings. */
#include "statuslog/diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SLOG_RULE(id, name, severity, fixable, description) {name, severity, fixable, description},
static const slog_rule_info rules[SLOG_RULE_COUNT] = {
#include "statuslog/rules.def"
};
#undef SLOG_RULE

static const char *const severity_names[] = {"off", "info", "warning", "error"};

const slog_rule_info *slog_rule_get(slog_rule rule)
{
    return (unsigned)rule < SLOG_RULE_COUNT ? &rules[rule] : NULL;
}

int slog_rule_from_name(const char *name, slog_rule *out)
{
    for (int i = 0; i < SLOG_RULE_COUNT; i++)
        if (strcmp(rules[i].name, name) == 0) {
            *out = (slog_rule)i;
            return 0;
        }
    return -1;
}

const char *slog_severity_name(slog_severity sev)
{
    return (unsigned)sev < 4 ? severity_names[sev] : "off";
}

int slog_severity_from_name(const char *name, slog_severity *out)
{
    for (int i = 0; i < 4; i++)
        if (strcmp(severity_names[i], name) == 0) {
            *out = (slog_severity)i;
            return 0;
        }
    return -1;
}

slog_status slog_diags_move(slog_diags *to, slog_diags *from)
{
    if (!from->count)
        return SLOG_OK;
    if (to->cap - to->count < from->count) {
        size_t cap = to->count + from->count;
        slog_diag *grown = realloc(to->items, cap * sizeof *grown);
        if (!grown)
            return SLOG_ERR_NOMEM;
        to->items = grown;
        to->cap = cap;
    }
    memcpy(to->items + to->count, from->items, from->count * sizeof *from->items);
    to->count += from->count;
    from->count = 0;
    return SLOG_OK;
}

slog_status slog_diags_add(slog_diags *list, slog_rule rule, slog_severity severity,
                           const char *file, int line, const char *fmt, ...)
{
    if (list->count == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 32;
        slog_diag *grown = realloc(list->items, cap * sizeof *grown);
        if (!grown)
            return SLOG_ERR_NOMEM;
        list->items = grown;
        list->cap = cap;
    }
    va_list ap;
    va_start(ap, fmt);
    char *message = NULL;
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n >= 0 && (message = malloc((size_t)n + 1)) != NULL) {
        va_start(ap, fmt);
        vsnprintf(message, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    char *name = strdup(file ? file : "");
    if (!message || !name) {
        free(message);
        free(name);
        return SLOG_ERR_NOMEM;
    }
    list->items[list->count++] = (slog_diag){rule, severity, name, line, 1, message};
    return SLOG_OK;
}

typedef struct {
    const slog_diag *d;
    size_t seq;
} keyed;

static int by_position(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    int c = strcmp(x->d->file, y->d->file);
    if (c)
        return c;
    if (x->d->line != y->d->line)
        return x->d->line < y->d->line ? -1 : 1;
    if (x->d->column != y->d->column)
        return x->d->column < y->d->column ? -1 : 1;
    return (x->seq > y->seq) - (x->seq < y->seq);
}

void slog_diags_sort(slog_diags *list)
{
    if (list->count < 2)
        return;
    keyed *k = malloc(list->count * sizeof *k);
    slog_diag *sorted = malloc(list->count * sizeof *sorted);
    if (!k || !sorted) { /* out of memory: leave the order as it is */
        free(k);
        free(sorted);
        return;
    }
    for (size_t i = 0; i < list->count; i++)
        k[i] = (keyed){&list->items[i], i};
    qsort(k, list->count, sizeof *k, by_position);
    for (size_t i = 0; i < list->count; i++)
        sorted[i] = *k[i].d;
    memcpy(list->items, sorted, list->count * sizeof *sorted);
    free(k);
    free(sorted);
}

void slog_diags_count(const slog_diags *list, size_t counts[4])
{
    memset(counts, 0, 4 * sizeof *counts);
    for (size_t i = 0; i < list->count; i++)
        counts[list->items[i].severity]++;
}

slog_severity slog_diags_worst(const slog_diags *list)
{
    slog_severity worst = SLOG_SEV_OFF;
    for (size_t i = 0; i < list->count; i++)
        if (list->items[i].severity > worst)
            worst = list->items[i].severity;
    return worst;
}

void slog_diags_free(slog_diags *list)
{
    for (size_t i = 0; i < list->count; i++) {
        free(list->items[i].file);
        free(list->items[i].message);
    }
    free(list->items);
    memset(list, 0, sizeof *list);
}
