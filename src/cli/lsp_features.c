/* SPDX-License-Identifier: BSD-2-Clause */
/* The answers of statuslog lsp (SPEC §10), each a thin client of the
 * library: diagnostics are lint's findings; the code actions are fix's
 * repairs and append's new entry, applied to the editor's buffer and sent
 * as workspace edits, and marking an item done; symbols are the logs and
 * their entries; hover on an item is its thread; completion offers the
 * markers at the start of a list item and today's entry at the start of a
 * heading. */
#define _GNU_SOURCE
#include "lsp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const done_marker = "✅";

/* --- diagnostics --------------------------------------------------------------------- */

static int lsp_severity(slog_severity s)
{
    return s == SLOG_SEV_ERROR ? 1 : s == SLOG_SEV_WARNING ? 2 : 3;
}

cJSON *lsp_diagnostics(const lsp_doc *d, const slog_doc *model, const slog_diags *diags,
                       const char *why)
{
    (void)model;
    cJSON *list = cJSON_CreateArray();
    if (why) { /* the document cannot be read: one diagnostic saying why */
        cJSON *o = cJSON_CreateObject();
        cJSON_AddItemToObject(o, "range", lsp_range_lines(d, 1, 1));
        cJSON_AddNumberToObject(o, "severity", 1);
        cJSON_AddStringToObject(o, "source", "statuslog");
        cJSON_AddStringToObject(o, "message", why);
        cJSON_AddItemToArray(list, o);
        return list;
    }
    for (size_t i = 0; diags && i < diags->count; i++) {
        const slog_diag *g = &diags->items[i];
        int line = g->line > 0 ? g->line : 1;
        cJSON *o = cJSON_CreateObject();
        cJSON_AddItemToObject(o, "range", lsp_range_lines(d, line, line));
        cJSON_AddNumberToObject(o, "severity", lsp_severity(g->severity));
        cJSON_AddStringToObject(o, "code", slog_rule_get(g->rule)->name);
        cJSON_AddStringToObject(o, "source", "statuslog");
        cJSON_AddStringToObject(o, "message", g->message);
        cJSON_AddItemToArray(list, o);
    }
    return list;
}

/* --- code actions ---------------------------------------------------------------------- */

/* {"title", "kind": "quickfix", "edit": {"changes": {uri: [edit]}}} */
static cJSON *action(const lsp_doc *d, const char *title, cJSON *edit, const cJSON *diagnostic,
                     int preferred)
{
    cJSON *a = cJSON_CreateObject();
    cJSON_AddStringToObject(a, "title", title);
    cJSON_AddStringToObject(a, "kind", "quickfix");
    if (diagnostic) {
        cJSON *list = cJSON_AddArrayToObject(a, "diagnostics");
        cJSON_AddItemToArray(list, cJSON_Duplicate(diagnostic, 1));
    }
    if (preferred)
        cJSON_AddBoolToObject(a, "isPreferred", 1);
    cJSON *we = cJSON_AddObjectToObject(a, "edit");
    cJSON *changes = cJSON_AddObjectToObject(we, "changes");
    cJSON *edits = cJSON_AddArrayToObject(changes, d->uri);
    cJSON_AddItemToArray(edits, edit);
    return a;
}

/* fix's repair of one kind on the buffer, as an action (NULL: nothing due). */
static cJSON *repair(lsp_server *s, lsp_doc *d, unsigned kind, const char *title,
                     const cJSON *diagnostic)
{
    lsp_quiet(s);
    slog_fix_options o = {SLOG_FIX_OPTIONS_VERSION, d->config, kind, d->path, 0};
    char *out = NULL;
    size_t out_len = 0;
    slog_fix_summary sum;
    slog_error err;
    cJSON *a = NULL;
    if (d->config && slog_fix_buffer(d->text, d->len, &o, &out, &out_len, &sum, &err) == SLOG_OK) {
        cJSON *edit = lsp_edit_to(d, out, out_len);
        if (edit)
            a = action(d, title, edit, diagnostic, 1);
    }
    free(out);
    return a;
}

/* What append writes for `day` with one item: the insertion (*at, malloc'd
 * text), or NULL. */
static char *append_text(lsp_server *s, lsp_doc *d, long day, size_t *at)
{
    lsp_quiet(s);
    char date[11];
    slog_format_date(day, date);
    slog_append_item item = {SLOG_STATE_NEXT, "…"};
    slog_append_request req = {date, NULL, &item, 1};
    slog_append_options o = {SLOG_APPEND_OPTIONS_VERSION, d->config, 1, d->path, 0};
    slog_edit e;
    slog_append_summary sum;
    slog_error err;
    if (!d->config || slog_append_edit(d->text, d->len, &req, &o, &e, &sum, &err) != SLOG_OK)
        return NULL;
    char *text = e.insert ? strndup(e.insert, e.insert_len) : NULL;
    *at = e.offset;
    slog_edit_free(&e);
    return text;
}

static cJSON *insert_at(const lsp_doc *d, size_t at, const char *text)
{
    cJSON *edit = cJSON_CreateObject(), *range = cJSON_CreateObject();
    cJSON_AddItemToObject(range, "start", lsp_position(d, at));
    cJSON_AddItemToObject(range, "end", lsp_position(d, at));
    cJSON_AddItemToObject(edit, "range", range);
    cJSON_AddStringToObject(edit, "newText", text);
    return edit;
}

/* The item that starts on `line` (top-level or nested), or NULL. */
static const slog_item *item_at(const slog_doc *m, int line)
{
    for (size_t i = 0; m && i < m->nentries; i++) {
        const slog_entry *e = m->entries[i];
        if (line < e->line || line > e->end_line)
            continue;
        for (const slog_item *it = e->items; it; it = it->next) {
            if (it->line == line)
                return it;
            for (const slog_item *c = it->children; c; c = c->next)
                if (c->line == line)
                    return c;
        }
    }
    return NULL;
}

/* The line of `it` with its marker done: "[ ]" ticked, another marker
 * replaced with ✅, none given one after the bullet. */
static cJSON *mark_done(const lsp_doc *d, const slog_item *it)
{
    size_t len;
    const char *s = lsp_line(d, it->line, &len);
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (i < len && strchr("-*+", s[i]))
        i++;
    else
        while (i < len && s[i] >= '0' && s[i] <= '9')
            i++, i += i < len && (s[i] == '.' || s[i] == ')');
    while (i < len && s[i] == ' ')
        i++;
    size_t mlen = strlen(it->marker), from = i, to = i;
    const char *with = done_marker;
    char *line = NULL;
    if (!strcmp(it->marker, "[ ]") && len - i >= 3 && !memcmp(s + i, "[ ]", 3)) {
        to = from + 3;
        with = "[x]";
    } else if (mlen) {
        const char *at = NULL;
        for (size_t k = i; k + mlen <= len && !at; k++)
            if (!memcmp(s + k, it->marker, mlen))
                at = s + k;
        if (at) {
            from = (size_t)(at - s);
            to = from + mlen;
            if (to < len && s[to] == ':') /* "Next:" */
                to++;
        }
    } else {
        if (asprintf(&line, "%s ", done_marker) < 0)
            return NULL;
        with = line;
    }
    size_t base = (size_t)(s - d->text);
    cJSON *edit = cJSON_CreateObject(), *range = cJSON_CreateObject();
    cJSON_AddItemToObject(range, "start", lsp_position(d, base + from));
    cJSON_AddItemToObject(range, "end", lsp_position(d, base + to));
    cJSON_AddItemToObject(edit, "range", range);
    cJSON_AddStringToObject(edit, "newText", with);
    free(line);
    return edit;
}

cJSON *lsp_code_actions(lsp_server *s, lsp_doc *d, const cJSON *params)
{
    cJSON *list = cJSON_CreateArray();
    const cJSON *range = cJSON_GetObjectItemCaseSensitive(params, "range");
    const cJSON *start = cJSON_GetObjectItemCaseSensitive(range, "start");
    const cJSON *line_v = cJSON_GetObjectItemCaseSensitive(start, "line");
    int line = cJSON_IsNumber(line_v) ? (int)line_v->valuedouble + 1 : 1;
    /* repairs for the findings the editor shows here */
    static const struct {
        const char *code;
        unsigned kind;
        const char *title;
    } repairs[] = {
        {"entry-order", SLOG_FIX_ORDER, "Move out-of-order entries where they belong"},
        {"duplicate-entry", SLOG_FIX_DUPLICATES, "Merge duplicate entries into the first"},
        {"mojibake", SLOG_FIX_ENCODING, "Repair the double-encoded text"},
    };
    unsigned offered = 0;
    const cJSON *g;
    cJSON_ArrayForEach(g, cJSON_GetObjectItemCaseSensitive(
                              cJSON_GetObjectItemCaseSensitive(params, "context"), "diagnostics"))
    {
        const cJSON *code = cJSON_GetObjectItemCaseSensitive(g, "code");
        for (size_t k = 0; cJSON_IsString(code) && k < sizeof repairs / sizeof *repairs; k++) {
            if (strcmp(code->valuestring, repairs[k].code) != 0 || (offered & repairs[k].kind))
                continue;
            offered |= repairs[k].kind;
            cJSON *a = repair(s, d, repairs[k].kind, repairs[k].title, g);
            if (a)
                cJSON_AddItemToArray(list, a);
        }
    }
    char why[256];
    slog_doc *m = lsp_model(s, d, 0, why, sizeof why);
    const slog_item *it = item_at(m, line);
    if (it && it->state != SLOG_STATE_DONE) {
        cJSON *edit = mark_done(d, it);
        if (edit)
            cJSON_AddItemToArray(list, action(d, "Mark this item done", edit, NULL, 0));
    }
    size_t at;
    char *text = m ? append_text(s, d, lsp_today(s, d), &at) : NULL;
    if (text)
        cJSON_AddItemToArray(list, action(d, "Add today's entry", insert_at(d, at, text), NULL, 0));
    free(text);
    return list;
}

/* --- symbols -------------------------------------------------------------------------- */

static cJSON *symbol(const lsp_doc *d, const char *name, const char *detail, int kind, int first,
                     int last)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "name", name && *name ? name : "(untitled)");
    if (detail)
        cJSON_AddStringToObject(o, "detail", detail);
    cJSON_AddNumberToObject(o, "kind", kind);
    cJSON_AddItemToObject(o, "range", lsp_range_lines(d, first, last));
    cJSON_AddItemToObject(o, "selectionRange", lsp_range_lines(d, first, first));
    return o;
}

/* The heading a log stands under: its title, or the document's. */
static const char *log_name(const slog_doc *m, const slog_log *log)
{
    for (size_t i = 0; i < m->nsections; i++)
        if (m->sections[i].line == log->heading_line)
            return m->sections[i].title;
    for (size_t i = 0; i < m->nentries; i++)
        if (m->entries[i]->line == log->heading_line)
            return m->entries[i]->heading;
    return m->title ? m->title : "Log";
}

cJSON *lsp_symbols(lsp_server *s, lsp_doc *d)
{
    char why[256];
    slog_doc *m = lsp_model(s, d, 1, why, sizeof why);
    cJSON *list = cJSON_CreateArray();
    for (size_t l = 0; m && l < m->nlogs; l++) {
        const slog_log *log = &m->logs[l];
        if (!log->nentries)
            continue;
        int first = log->entries[0]->line, last = first;
        for (size_t i = 0; i < log->nentries; i++) {
            if (log->entries[i]->line < first)
                first = log->entries[i]->line;
            if (log->entries[i]->end_line > last)
                last = log->entries[i]->end_line;
        }
        cJSON *o = symbol(d, log_name(m, log), slog_direction_name(log->direction), 3, first,
                          last); /* Namespace */
        cJSON *children = cJSON_AddArrayToObject(o, "children");
        for (size_t i = 0; i < log->nentries; i++) {
            const slog_entry *e = log->entries[i];
            int end = e->end_line > e->line ? e->end_line : e->line;
            char name[256];
            snprintf(name, sizeof name, "%s%s%.200s", e->date ? e->date : "",
                     e->date && *e->label ? " " : "", e->label);
            cJSON_AddItemToArray(children, symbol(d, name, e->label, 24, e->line, end)); /* Event */
        }
        cJSON_AddItemToArray(list, o);
    }
    return list;
}

/* --- hover ---------------------------------------------------------------------------- */

cJSON *lsp_hover(lsp_server *s, lsp_doc *d, const cJSON *params)
{
    const cJSON *pos = cJSON_GetObjectItemCaseSensitive(params, "position");
    const cJSON *line_v = cJSON_GetObjectItemCaseSensitive(pos, "line");
    int line = cJSON_IsNumber(line_v) ? (int)line_v->valuedouble + 1 : 0;
    char why[256];
    slog_doc *m = lsp_model(s, d, 1, why, sizeof why);
    const slog_item *it = item_at(m, line);
    if (!it)
        return NULL;
    const slog_thread *t = NULL;
    for (size_t i = 0; !t && i < m->nthreads; i++)
        for (size_t k = 0; k < m->threads[i].nitems; k++)
            if (m->threads[i].items[k] == it)
                t = &m->threads[i];
    char *text = NULL;
    long today = lsp_today(s, d);
    int n;
    if (!t)
        n = asprintf(&text, "**%s** item of %s", slog_state_name(it->state),
                     it->entry && it->entry->date ? it->entry->date : "an undated entry");
    else if (t->resolved)
        n = asprintf(&text,
                     "**Thread** (%s): first seen %s, last seen %s, carried by %zu %s, "
                     "resolved %s",
                     slog_state_name(t->state), t->first_seen, t->last_seen, t->nitems,
                     t->nitems == 1 ? "entry" : "entries", t->resolved);
    else
        n = asprintf(&text,
                     "**Thread** (%s): first seen %s, last seen %s, open %ld days, carried by "
                     "%zu %s, not resolved",
                     slog_state_name(t->state), t->first_seen, t->last_seen, today - t->first_day,
                     t->nitems, t->nitems == 1 ? "entry" : "entries");
    if (n < 0)
        return NULL;
    cJSON *h = cJSON_CreateObject(), *c = cJSON_AddObjectToObject(h, "contents");
    cJSON_AddStringToObject(c, "kind", "markdown");
    cJSON_AddStringToObject(c, "value", text);
    cJSON_AddItemToObject(h, "range", lsp_range_lines(d, it->line, it->line));
    free(text);
    return h;
}

/* --- completion ------------------------------------------------------------------------ */

static cJSON *completion_item(const char *label, const char *detail, const char *insert)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "label", label);
    cJSON_AddStringToObject(o, "detail", detail);
    cJSON_AddStringToObject(o, "insertText", insert);
    cJSON_AddNumberToObject(o, "kind", 12); /* Value */
    return o;
}

cJSON *lsp_completion(lsp_server *s, lsp_doc *d, const cJSON *params)
{
    const cJSON *pos = cJSON_GetObjectItemCaseSensitive(params, "position");
    size_t at = lsp_offset(d, pos);
    size_t start = at;
    while (start && d->text[start - 1] != '\n')
        start--;
    const char *s0 = d->text + start;
    size_t before = at - start, i = 0;
    while (i < before && (s0[i] == ' ' || s0[i] == '\t'))
        i++;
    cJSON *list = cJSON_CreateArray();
    if (i < before && strchr("-*+", s0[i]) && (i + 1 == before || s0[i + 1] == ' ')) {
        static const struct {
            const char *marker, *state;
        } markers[] = {{"✅", "done"},   {"⏳", "in progress"},  {"🔜", "next"},   {"🛑", "blocked"},
                       {"❌", "failed"}, {"⚠️", "warning"}, {"[ ]", "open"}, {"[x]", "done"}};
        for (size_t k = 0; k < sizeof markers / sizeof *markers; k++) {
            char insert[32];
            snprintf(insert, sizeof insert, "%s%s ", i + 1 == before ? " " : "", markers[k].marker);
            cJSON_AddItemToArray(list,
                                 completion_item(markers[k].marker, markers[k].state, insert));
        }
    } else if (i < before && s0[i] == '#') {
        /* today's entry as append would write it: its heading line */
        size_t where;
        char *text = append_text(s, d, lsp_today(s, d), &where);
        const char *h = text;
        while (h && *h && *h != '#')
            h = strchr(h, '\n') ? strchr(h, '\n') + 1 : h + strlen(h);
        if (h && *h == '#') {
            size_t n = strcspn(h, "\n");
            char *heading = strndup(h, n);
            if (heading) {
                cJSON *o = completion_item(heading, "today's entry", heading);
                cJSON *edit = cJSON_CreateObject(), *range = cJSON_CreateObject();
                cJSON_AddItemToObject(range, "start", lsp_position(d, start));
                cJSON_AddItemToObject(range, "end", lsp_position(d, at));
                cJSON_AddItemToObject(edit, "range", range);
                cJSON_AddStringToObject(edit, "newText", heading);
                cJSON_AddItemToObject(o, "textEdit", edit);
                cJSON_AddItemToArray(list, o);
                free(heading);
            }
        }
        free(text);
    }
    return list;
}
