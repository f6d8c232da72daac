/* The document model as a cJSON tree (SPEC §2). Strings are references into
 * the document, keys are constants: no copies of the text. */
#include "statuslog/json.h"

#include <stdint.h>

const char *slog_eol_name(slog_eol eol)
{
    static const char *const names[] = {"lf", "crlf", "cr", "mixed"};
    return (unsigned)eol < 4 ? names[eol] : "lf";
}

const char *slog_mojibake_name(slog_mojibake kind)
{
    return kind == SLOG_MOJIBAKE_MAC_ROMAN ? "mac_roman"
           : kind == SLOG_MOJIBAKE_CP1252  ? "cp1252"
                                           : NULL;
}

/* Each helper adds one member and clears *ok when an allocation fails, so a
 * builder can add many members and check once. */
static cJSON *add(cJSON *obj, const char *key, cJSON *value, int *ok)
{
    if (!value || !cJSON_AddItemToObjectCS(obj, key, value)) {
        cJSON_Delete(value);
        *ok = 0;
        return NULL;
    }
    return value;
}

static void add_str(cJSON *obj, const char *key, const char *s, int *ok)
{
    add(obj, key, s ? cJSON_CreateStringReference(s) : cJSON_CreateNull(), ok);
}

static void add_num(cJSON *obj, const char *key, double n, int *ok)
{
    add(obj, key, cJSON_CreateNumber(n), ok);
}

static void add_line_or_null(cJSON *obj, const char *key, int line, int *ok)
{
    add(obj, key, line ? cJSON_CreateNumber(line) : cJSON_CreateNull(), ok);
}

static cJSON *push(cJSON *array, cJSON *value, int *ok)
{
    if (!value || !cJSON_AddItemToArray(array, value)) {
        cJSON_Delete(value);
        *ok = 0;
        return NULL;
    }
    return value;
}

static cJSON *item_json(const slog_item *it, int *ok)
{
    cJSON *o = cJSON_CreateObject();
    if (!o) {
        *ok = 0;
        return NULL;
    }
    add_str(o, "id", it->id, ok);
    add_num(o, "line", it->line, ok);
    add_str(o, "state", slog_state_name(it->state), ok);
    add_str(o, "marker", it->marker, ok);
    add_str(o, "text", it->text, ok);
    add_str(o, "resolved", it->resolved, ok);
    cJSON *children = add(o, "children", cJSON_CreateArray(), ok);
    for (const slog_item *c = it->children; c && *ok; c = c->next)
        push(children, item_json(c, ok), ok);
    return o;
}

static cJSON *entry_json(const slog_entry *e, int *ok)
{
    cJSON *o = cJSON_CreateObject();
    if (!o) {
        *ok = 0;
        return NULL;
    }
    add_num(o, "line", e->line, ok);
    add_num(o, "end_line", e->end_line, ok);
    add_num(o, "level", e->level, ok);
    add_str(o, "heading", e->heading, ok);
    add_str(o, "label", e->label, ok);
    add_str(o, "date", e->date, ok);
    add_str(o, "time", e->time, ok);
    add_str(o, "zone", e->zone, ok);
    add(o, "valid_date", cJSON_CreateBool(e->date_valid), ok);
    add_line_or_null(o, "parent_line", e->parent ? e->parent->line : 0, ok);
    cJSON *items = add(o, "items", cJSON_CreateArray(), ok);
    for (const slog_item *it = e->items; it && *ok; it = it->next)
        push(items, item_json(it, ok), ok);
    return o;
}

static void encoding_json(cJSON *doc, const slog_encoding *enc, int *ok)
{
    cJSON *o = add(doc, "encoding", cJSON_CreateObject(), ok);
    if (!o)
        return;
    add(o, "bom", cJSON_CreateBool(enc->bom), ok);
    add_str(o, "line_endings", slog_eol_name(enc->line_endings), ok);
    add_str(o, "mojibake", slog_mojibake_name(enc->mojibake), ok);
    add_num(o, "invalid_utf8", (double)enc->invalid_utf8, ok);
    add_line_or_null(o, "invalid_utf8_line", enc->invalid_utf8_line, ok);
    add_num(o, "nul_bytes", (double)enc->nul_bytes, ok);
}

static void lists_json(cJSON *o, const slog_doc *d, int *ok)
{
    cJSON *sections = add(o, "sections", cJSON_CreateArray(), ok);
    for (size_t i = 0; i < d->nsections && *ok; i++) {
        cJSON *s = push(sections, cJSON_CreateObject(), ok);
        if (!s)
            break;
        add_num(s, "line", d->sections[i].line, ok);
        add_num(s, "level", d->sections[i].level, ok);
        add_str(s, "title", d->sections[i].title, ok);
    }
    cJSON *entries = add(o, "entries", cJSON_CreateArray(), ok);
    for (size_t i = 0; i < d->nentries && *ok; i++)
        push(entries, entry_json(d->entries[i], ok), ok);
    cJSON *checklists = add(o, "checklists", cJSON_CreateArray(), ok);
    for (size_t i = 0; i < d->nchecklists && *ok; i++) {
        const slog_checklist_item *c = &d->checklists[i];
        cJSON *j = push(checklists, cJSON_CreateObject(), ok);
        if (!j)
            break;
        add_str(j, "id", c->id, ok);
        add_num(j, "line", c->line, ok);
        add_str(j, "section", c->section, ok);
        add(j, "checked", cJSON_CreateBool(c->checked), ok);
        add_str(j, "text", c->text, ok);
    }
    cJSON *followups = add(o, "followups", cJSON_CreateArray(), ok);
    for (size_t i = 0; i < d->nfollowups && *ok; i++) {
        cJSON *j = push(followups, cJSON_CreateObject(), ok);
        if (!j)
            break;
        add_num(j, "line", d->followups[i].line, ok);
        add_str(j, "text", d->followups[i].text, ok);
    }
}

cJSON *slog_doc_to_json(const slog_doc *d)
{
    int ok = 1;
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    add_str(o, "schema", "statuslog/1", &ok);
    add_str(o, "file", d->file, &ok);
    add_str(o, "title", d->title, &ok);
    add_str(o, "date", d->date, &ok);
    add_num(o, "lines", (double)d->nlines, &ok);
    cJSON *meta = add(o, "meta", cJSON_CreateObject(), &ok);
    for (size_t i = 0; i < d->nmeta && ok; i++) /* the first of repeated keys wins */
        if (!cJSON_GetObjectItemCaseSensitive(meta, d->meta[i].key))
            add_str(meta, d->meta[i].key, d->meta[i].value, &ok);
    encoding_json(o, &d->encoding, &ok);
    if (ok)
        lists_json(o, d, &ok);
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}
