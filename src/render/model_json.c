/* SPDX-License-Identifier: BSD-2-Clause */
/* The document model as a cJSON tree (SPEC §2). Strings are references into
 * the document, keys are constants: no copies of the text. */
#include "statuslog/json.h"
#include "statuslog/lint.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

/* Counts and line numbers are integers: cJSON prints every number with
 * "%1.15g" and checks it with sscanf, which costs more than the rest of an
 * item's output, so integers go in as raw JSON text formatted here. */
static cJSON *create_int(long long n)
{
    char buf[24], *p = buf + sizeof buf;
    unsigned long long u = n < 0 ? 0ull - (unsigned long long)n : (unsigned long long)n;
    *--p = '\0';
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (n < 0)
        *--p = '-';
    return cJSON_CreateRaw(p);
}

static void add_num(cJSON *obj, const char *key, long long n, int *ok)
{
    add(obj, key, create_int(n), ok);
}

static void add_line_or_null(cJSON *obj, const char *key, int line, int *ok)
{
    add(obj, key, line ? create_int(line) : cJSON_CreateNull(), ok);
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

static cJSON *item_json_children(const slog_item *it, int with_children, int *ok);

static cJSON *item_json(const slog_item *it, int *ok)
{
    return item_json_children(it, 1, ok);
}

static cJSON *item_json_children(const slog_item *it, int with_children, int *ok)
{
    cJSON *o = cJSON_CreateObject();
    if (!o) {
        *ok = 0;
        return NULL;
    }
    char id[9];
    slog_id_format(it->id, id);
    add(o, "id", cJSON_CreateString(id), ok);
    add_num(o, "line", it->line, ok);
    add_str(o, "state", slog_state_name(it->state), ok);
    add_str(o, "marker", it->marker, ok);
    add_str(o, "text", it->text, ok);
    add_str(o, "resolved", it->resolved, ok);
    cJSON *children = add(o, "children", cJSON_CreateArray(), ok);
    for (const slog_item *c = with_children ? it->children : NULL; c && *ok; c = c->next)
        push(children, item_json(c, ok), ok);
    return o;
}

static cJSON *entry_json(const slog_entry *e, int *ok);

cJSON *slog_entry_to_json(const slog_entry *e)
{
    int ok = 1;
    cJSON *o = entry_json(e, &ok);
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static cJSON *entry_json_items(const slog_entry *e, int with_items, int *ok);

static cJSON *entry_json(const slog_entry *e, int *ok)
{
    return entry_json_items(e, 1, ok);
}

static cJSON *entry_json_items(const slog_entry *e, int with_items, int *ok)
{
    cJSON *o = cJSON_CreateObject();
    if (!o) {
        *ok = 0;
        return NULL;
    }
    add_num(o, "line", e->line, ok);
    add_num(o, "end_line", e->end_line, ok);
    add_num(o, "level", e->level, ok);
    add_str(o, "kind", slog_entry_kind_name(e->kind), ok);
    if (e->date_line != e->line)
        add_num(o, "date_line", e->date_line, ok);
    add_str(o, "heading", e->heading, ok);
    add_str(o, "label", e->label, ok);
    add_str(o, "date", e->date, ok);
    add_str(o, "date_text", e->date_text, ok);
    add_str(o, "time", e->time, ok);
    add_str(o, "zone", e->zone, ok);
    add_str(o, "precision", slog_precision_name(e->precision), ok);
    add(o, "valid_date", cJSON_CreateBool(e->date_valid), ok);
    add_line_or_null(o, "parent_line", e->parent ? e->parent->line : 0, ok);
    cJSON *items = add(o, "items", cJSON_CreateArray(), ok);
    for (const slog_item *it = with_items ? e->items : NULL; it && *ok; it = it->next)
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
    add_num(o, "invalid_utf8", (long long)enc->invalid_utf8, ok);
    add_line_or_null(o, "invalid_utf8_line", enc->invalid_utf8_line, ok);
    add_num(o, "nul_bytes", (long long)enc->nul_bytes, ok);
}

static cJSON *thread_json(const slog_thread *t, int *ok)
{
    cJSON *o = cJSON_CreateObject();
    if (!o) {
        *ok = 0;
        return NULL;
    }
    add_str(o, "first_seen", t->first_seen, ok);
    add_str(o, "last_seen", t->last_seen, ok);
    add_num(o, "occurrences", (long long)t->nitems, ok);
    add_str(o, "resolved", t->resolved, ok);
    add_line_or_null(o, "resolved_line", t->resolved_by ? t->resolved_by->line : 0, ok);
    add_str(o, "state", slog_state_name(t->state), ok);
    add_str(o, "text", t->text, ok);
    cJSON *lines = add(o, "lines", cJSON_CreateArray(), ok);
    for (size_t i = 0; i < t->nitems && *ok; i++)
        push(lines, create_int(t->items[i]->line), ok);
    return o;
}

static cJSON *section_json(const slog_doc *d, size_t i, int *ok)
{
    cJSON *s = cJSON_CreateObject();
    if (!s) {
        *ok = 0;
        return NULL;
    }
    add_num(s, "line", d->sections[i].line, ok);
    add_num(s, "level", d->sections[i].level, ok);
    add_str(s, "title", d->sections[i].title, ok);
    return s;
}

static cJSON *checklist_json(const slog_doc *d, size_t i, int *ok)
{
    const slog_checklist_item *c = &d->checklists[i];
    cJSON *j = cJSON_CreateObject();
    if (!j) {
        *ok = 0;
        return NULL;
    }
    add_str(j, "id", c->id, ok);
    add_num(j, "line", c->line, ok);
    add_str(j, "section", c->section, ok);
    add(j, "checked", cJSON_CreateBool(c->checked), ok);
    add_str(j, "text", c->text, ok);
    return j;
}

static cJSON *thread_at(const slog_doc *d, size_t i, int *ok)
{
    return thread_json(&d->threads[i], ok);
}

static cJSON *log_json(const slog_doc *d, size_t i, int *ok)
{
    const slog_log *l = &d->logs[i];
    cJSON *j = cJSON_CreateObject();
    if (!j) {
        *ok = 0;
        return NULL;
    }
    add_line_or_null(j, "parent_line", l->parent ? l->parent->line : 0, ok);
    add_line_or_null(j, "heading_line", l->heading_line, ok);
    add_str(j, "direction", slog_direction_name(l->direction), ok);
    cJSON *lines = add(j, "entries", cJSON_CreateArray(), ok);
    for (size_t k = 0; k < l->nentries && *ok; k++)
        push(lines, create_int(l->entries[k]->line), ok);
    return j;
}

static cJSON *followup_json(const slog_doc *d, size_t i, int *ok)
{
    cJSON *j = cJSON_CreateObject();
    if (!j) {
        *ok = 0;
        return NULL;
    }
    add_num(j, "line", d->followups[i].line, ok);
    add_str(j, "text", d->followups[i].text, ok);
    return j;
}

/* The arrays of the document object before "entries", in order; `line`
 * places an element in the document (for a range of entries). */
typedef struct {
    const char *name;
    size_t (*count)(const slog_doc *d);
    cJSON *(*element)(const slog_doc *d, size_t i, int *ok);
    int (*line)(const slog_doc *d, size_t i);
} doc_list;

static int section_line(const slog_doc *d, size_t i)
{
    return d->sections[i].line;
}
static int checklist_line(const slog_doc *d, size_t i)
{
    return d->checklists[i].line;
}
static int thread_line(const slog_doc *d, size_t i) /* its latest mention */
{
    const slog_thread *t = &d->threads[i];
    return t->nitems ? t->items[t->nitems - 1]->line : 0;
}
static int log_line(const slog_doc *d, size_t i) /* its first entry */
{
    const slog_log *l = &d->logs[i];
    return l->nentries ? l->entries[0]->line : 0;
}
static int followup_line(const slog_doc *d, size_t i)
{
    return d->followups[i].line;
}

static size_t nsections(const slog_doc *d)
{
    return d->nsections;
}
static size_t nchecklists(const slog_doc *d)
{
    return d->nchecklists;
}
static size_t nthreads(const slog_doc *d)
{
    return d->nthreads;
}
static size_t nlogs(const slog_doc *d)
{
    return d->nlogs;
}
static size_t nfollowups(const slog_doc *d)
{
    return d->nfollowups;
}

static const doc_list doc_lists[] = {
    {"sections", nsections, section_json, section_line},
    {"checklists", nchecklists, checklist_json, checklist_line},
    {"threads", nthreads, thread_at, thread_line},
    {"logs", nlogs, log_json, log_line},
    {"followups", nfollowups, followup_json, followup_line},
};
enum { NLISTS = sizeof doc_lists / sizeof *doc_lists };

static void lists_json(cJSON *o, const slog_doc *d, int *ok)
{
    for (size_t l = 0; l < NLISTS && *ok; l++) {
        cJSON *array = add(o, doc_lists[l].name, cJSON_CreateArray(), ok);
        size_t n = doc_lists[l].count(d);
        for (size_t i = 0; i < n && *ok; i++)
            push(array, doc_lists[l].element(d, i, ok), ok);
    }
}

/* Every member before the arrays; with them when `with_lists`. */
static cJSON *head_json(const slog_doc *d, int with_lists)
{
    int ok = 1;
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    add_str(o, "schema", "statuslog/1", &ok);
    add_str(o, "file", d->file, &ok);
    add_str(o, "title", d->title, &ok);
    add_str(o, "date", d->date, &ok);
    add_num(o, "lines", (long long)d->nlines, &ok);
    cJSON *meta = add(o, "meta", cJSON_CreateObject(), &ok);
    for (size_t i = 0; i < d->nmeta && ok; i++) /* the first of repeated keys wins */
        if (!cJSON_GetObjectItemCaseSensitive(meta, d->meta[i].key))
            add_str(meta, d->meta[i].key, d->meta[i].value, &ok);
    encoding_json(o, &d->encoding, &ok);
    if (ok && with_lists)
        lists_json(o, d, &ok);
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

cJSON *slog_doc_to_json(const slog_doc *d)
{
    cJSON *o = head_json(d, 1);
    int ok = o != NULL;
    cJSON *entries = ok ? add(o, "entries", cJSON_CreateArray(), &ok) : NULL;
    for (size_t i = 0; i < d->nentries && ok; i++)
        push(entries, entry_json(d->entries[i], &ok), &ok);
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

/* A reusable print buffer: cJSON_PrintPreallocated fails when it is too
 * small, and the buffer doubles. */
typedef struct {
    char *data;
    size_t cap;
} print_buf;

static const char *print_into(print_buf *pb, const cJSON *json, int pretty)
{
    for (;;) {
        if (pb->cap && cJSON_PrintPreallocated((cJSON *)json, pb->data, (int)pb->cap, pretty))
            return pb->data;
        size_t cap = pb->cap ? pb->cap * 2 : 1 << 16;
        if (cap > INT_MAX)
            return NULL;
        char *grown = realloc(pb->data, cap);
        if (!grown)
            return NULL;
        pb->data = grown;
        pb->cap = cap;
    }
}

/* Writes len bytes of s, indenting every line after the first by `tabs`
 * tabs (the depth it has in the whole document): a JSON text has raw
 * newlines only between tokens (inside strings they are escaped).
 * `scratch` is reused. */
static int write_indented(FILE *out, const char *s, size_t len, int tabs, print_buf *scratch)
{
    size_t lines = 0;
    for (const char *p = s; (p = memchr(p, '\n', (size_t)(s + len - p))) != NULL; p++)
        lines++;
    size_t need = len + (size_t)tabs * lines;
    if (need > scratch->cap) {
        char *grown = realloc(scratch->data, need);
        if (!grown)
            return -2;
        scratch->data = grown;
        scratch->cap = need;
    }
    char *o = scratch->data;
    for (const char *p = s; p < s + len; p++) {
        *o++ = *p;
        if (*p == '\n')
            for (int t = 0; t < tabs; t++)
                *o++ = '\t';
    }
    return fwrite(scratch->data, 1, need, out) == need ? 0 : -1;
}

/* One item at `tabs` more than standalone, its children one at a time (an
 * item may have tens of thousands of descendants), as cJSON prints it. */
static int write_item(FILE *out, const slog_item *it, int pretty, int tabs, print_buf *pb,
                      print_buf *scratch, int *nomem)
{
    int ok = 1;
    cJSON *head = item_json_children(it, 0, &ok);
    const char *s = ok ? print_into(pb, head, pretty) : NULL;
    cJSON_Delete(head);
    if (!s) {
        *nomem = 1;
        return -1;
    }
    size_t len = strlen(s);
    if (it->children)
        len -= pretty ? 3 : 2; /* up to and with the '[' of "children" */
    int io = pretty ? write_indented(out, s, len, tabs, scratch)
                    : (fwrite(s, 1, len, out) == len ? 0 : -1);
    if (!it->children)
        return io;
    for (const slog_item *c = it->children; c && io == 0; c = c->next) {
        if (c != it->children && fputs(pretty ? ", " : ",", out) == EOF)
            return -1;
        io = write_item(out, c, pretty, tabs + 2, pb, scratch, nomem);
    }
    if (io == 0 && fputs(pretty ? "]\n" : "]}", out) == EOF)
        io = -1;
    for (int t = 0; pretty && io == 0 && t < tabs; t++)
        io = fputc('\t', out) == EOF ? -1 : 0;
    if (io == 0 && pretty && fputc('}', out) == EOF)
        io = -1;
    return io;
}

/* One entry, its items printed one at a time (an entry of millions of items
 * never is one tree), exactly as cJSON prints the whole: the entry without
 * items, up to its empty "items" array, then each item, then the ends. */
static int write_entry(FILE *out, const slog_entry *e, int pretty, print_buf *pb,
                       print_buf *scratch, int *nomem)
{
    int ok = 1;
    cJSON *head = entry_json_items(e, 0, &ok);
    const char *s = ok ? print_into(pb, head, pretty) : NULL;
    cJSON_Delete(head);
    if (!s) {
        *nomem = 1;
        return -1;
    }
    size_t len = strlen(s) - (pretty ? 3 : 2); /* up to and with the '[' of "items" */
    int io =
        pretty ? write_indented(out, s, len, 2, scratch) : (fwrite(s, 1, len, out) == len ? 0 : -1);
    for (const slog_item *it = e->items; it && io == 0; it = it->next) {
        if (it != e->items && fputs(pretty ? ", " : ",", out) == EOF)
            return -1;
        io = write_item(out, it, pretty, 4, pb, scratch, nomem);
    }
    if (io == 0 && e->items && !pretty)
        io = fputs("]}", out) == EOF ? -1 : 0;
    else if (io == 0 && !pretty)
        io = fputs("]}", out) == EOF ? -1 : 0;
    else if (io == 0)
        io = fputs("]\n\t\t}", out) == EOF ? -1 : 0;
    return io;
}

/* Prints one element of an array of the document object and writes it at
 * its depth (`tabs` more than standalone). Frees the element. */
static int write_element(FILE *out, cJSON *j, int ok, int pretty, int tabs, print_buf *pb,
                         print_buf *scratch, int *nomem)
{
    const char *s = ok ? print_into(pb, j, pretty) : NULL;
    cJSON_Delete(j);
    if (!s) {
        *nomem = 1;
        return -1;
    }
    return pretty ? write_indented(out, s, strlen(s), tabs, scratch)
                  : (fputs(s, out) == EOF ? -1 : 0);
}

/* `,"name":[e0, e1, …]` as cJSON prints it inside the document object, one
 * element at a time. */
static int write_list(FILE *out, const slog_doc *d, const doc_list *l, const int span[2],
                      int pretty, print_buf *pb, print_buf *scratch, int *nomem)
{
    int io = fprintf(out, pretty ? ",\n\t\"%s\":\t[" : ",\"%s\":[", l->name) < 0 ? -1 : 0;
    size_t n = l->count(d), written = 0;
    for (size_t i = 0; i < n && io == 0; i++) {
        int line = l->line(d, i);
        if (line < span[0] || line > span[1])
            continue;
        int ok = 1;
        cJSON *j = l->element(d, i, &ok);
        if (written++ && fputs(pretty ? ", " : ",", out) == EOF)
            io = -1;
        if (io == 0)
            io = write_element(out, j, ok && j, pretty, 2, pb, scratch, nomem);
        else
            cJSON_Delete(j);
    }
    return io == 0 && fputc(']', out) == EOF ? -1 : io;
}

/* Whether `e` is one of the entries asked for. */
static int selected(const slog_entry *e, const slog_json_options *o, long since, long until)
{
    if (!o->since && !o->until)
        return 1;
    return e->date_valid && e->day >= since && e->day <= until;
}

/* An entry without its items, and how many it has of each state. */
static cJSON *compact_entry(const slog_entry *e, int *ok)
{
    cJSON *o = entry_json_items(e, 0, ok);
    if (!o)
        return NULL;
    cJSON_DeleteItemFromObjectCaseSensitive(o, "items");
    size_t counts[SLOG_STATE_COUNT];
    slog_entry_count_states(e, counts);
    cJSON *c = add(o, "item_counts", cJSON_CreateObject(), ok);
    for (int st = 0; st < SLOG_STATE_COUNT && c; st++)
        if (counts[st])
            add_num(c, slog_state_name((slog_state)st), (long long)counts[st], ok);
    return o;
}

slog_status slog_doc_write_json(const slog_doc *d, FILE *out, int pretty, slog_error *err)
{
    slog_json_options o = {SLOG_JSON_OPTIONS_VERSION, pretty, NULL, NULL, 0};
    return slog_doc_write_json_opts(d, out, &o, err);
}

slog_status slog_doc_write_json_opts(const slog_doc *d, FILE *out, const slog_json_options *o,
                                     slog_error *err)
{
    long since = LONG_MIN, until = LONG_MAX;
    if ((o->since && slog_parse_date(o->since, &since) != 0) ||
        (o->until && slog_parse_date(o->until, &until) != 0))
        return slog_error_set(err, SLOG_ERR_INVALID, d->file, 0,
                              "since and until are dates YYYY-MM-DD");
    /* the lines of the entries asked for: the lists keep what lies there */
    int span[2] = {0, INT_MAX}, any = 0;
    if (o->since || o->until) {
        span[0] = INT_MAX;
        span[1] = 0;
        for (size_t i = 0; i < d->nentries; i++)
            if (selected(d->entries[i], o, since, until)) {
                any = 1;
                span[0] = d->entries[i]->line < span[0] ? d->entries[i]->line : span[0];
                span[1] = d->entries[i]->end_line > span[1] ? d->entries[i]->end_line : span[1];
            }
        if (!any)
            span[0] = span[1] = -1;
    }
    int pretty = o->pretty;
    print_buf pb = {NULL, 0}, indented = {NULL, 0};
    cJSON *head = head_json(d, 0);
    int ok = head != NULL;
    if (ok && o->compact) { /* the lists as counts */
        cJSON *counts = add(head, "counts", cJSON_CreateObject(), &ok);
        for (size_t l = 0; l < NLISTS && ok; l++)
            add_num(counts, doc_lists[l].name, (long long)doc_lists[l].count(d), &ok);
        add_num(counts, "entries", (long long)d->nentries, &ok);
    }
    const char *s = ok ? print_into(&pb, head, pretty) : NULL;
    cJSON_Delete(head);
    if (!s) {
        free(pb.data);
        return slog_error_set(err, SLOG_ERR_NOMEM, d->file, 0, "out of memory");
    }
    /* The head object without its closing brace, then the arrays, each
     * written an element at a time. */
    size_t len = strlen(s), end = pretty ? 2 : 1; /* "\n}" or "}" */
    len = len >= end ? len - end : 0;
    int io = fwrite(s, 1, len, out) == len ? 0 : -1;
    int nomem = 0;
    for (size_t l = 0; l < NLISTS && io == 0 && !nomem && !o->compact; l++)
        io = write_list(out, d, &doc_lists[l], span, pretty, &pb, &indented, &nomem);
    if (io == 0 && !nomem)
        io = fputs(pretty ? ",\n\t\"entries\":\t[" : ",\"entries\":[", out) == EOF ? -1 : 0;
    size_t written = 0;
    for (size_t i = 0; i < d->nentries && io == 0 && !nomem; i++) {
        const slog_entry *e = d->entries[i];
        if (!selected(e, o, since, until))
            continue;
        if (written++ && fputs(pretty ? ", " : ",", out) == EOF)
            io = -1;
        int eok = 1;
        if (io == 0 && o->compact)
            io = write_element(out, compact_entry(e, &eok), eok, pretty, 2, &pb, &indented, &nomem);
        else if (io == 0)
            io = write_entry(out, e, pretty, &pb, &indented, &nomem);
    }
    if (io == 0 && !nomem)
        io = fputs(pretty ? "]\n}\n" : "]}\n", out) == EOF ? -1 : 0;
    free(pb.data);
    free(indented.data);
    if (nomem || io == -2)
        return slog_error_set(err, SLOG_ERR_NOMEM, d->file, 0, "out of memory");
    if (io != 0)
        return slog_error_set(err, SLOG_ERR_IO, d->file, 0, "error writing output");
    return SLOG_OK;
}
