/* SPDX-License-Identifier: BSD-2-Clause */
/* Mustache: a template is parsed once into a tree of nodes, then rendered in
 * one walk over cJSON data with a stack of contexts. Standalone lines (a
 * section, inverted, closing, comment, partial or delimiter tag alone on its
 * line) vanish with their line break; a standalone partial's indentation is
 * given to every line of the partial. */
#include "statuslog/template.h"

#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum { N_TEXT, N_VAR, N_RAW, N_SECTION, N_INVERTED, N_PARTIAL } node_kind;

typedef struct node node;
struct node {
    node_kind kind;
    char *text; /* text, or the tag's name */
    size_t len;
    char *indent;   /* partials: the standalone indentation */
    node *children; /* sections */
    size_t nchildren, cap;
};

struct slog_template {
    node root;
    char *name;
};

/* --- parsing --------------------------------------------------------------- */

typedef struct {
    const char *name, *src;
    size_t len, pos;
    char otag[16], ctag[16];
    node *stack[256];
    size_t open_pos[256];
    int depth;
    slog_error *err;
} parser;

static int line_of(const parser *p, size_t pos)
{
    int line = 1;
    for (size_t i = 0; i < pos && i < p->len; i++)
        line += p->src[i] == '\n';
    return line;
}

static slog_status fail(parser *p, size_t pos, const char *what, const char *detail)
{
    return slog_error_set(p->err, SLOG_ERR_INVALID, p->name, line_of(p, pos), "%s%s%s%s", what,
                          detail ? " '" : "", detail ? detail : "", detail ? "'" : "");
}

static node *add_node(node *parent, node_kind kind, const char *text, size_t len)
{
    if (parent->nchildren == parent->cap) {
        size_t cap = parent->cap ? parent->cap * 2 : 8;
        node *g = realloc(parent->children, cap * sizeof *g);
        if (!g)
            return NULL;
        parent->children = g;
        parent->cap = cap;
    }
    node *n = &parent->children[parent->nchildren];
    memset(n, 0, sizeof *n);
    n->kind = kind;
    n->text = malloc(len + 1);
    if (!n->text)
        return NULL;
    memcpy(n->text, text, len);
    n->text[len] = '\0';
    n->len = len;
    parent->nchildren++;
    return n;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static const char *find(const char *s, size_t from, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = from; i + n <= len; i++)
        if (memcmp(s + i, needle, n) == 0)
            return s + i;
    return NULL;
}

static void trim(const char **s, size_t *n)
{
    while (*n && is_blank(**s)) {
        (*s)++;
        (*n)--;
    }
    while (*n && is_blank((*s)[*n - 1]))
        (*n)--;
}

static slog_status set_delimiters(parser *p, const char *s, size_t n, size_t at)
{
    trim(&s, &n);
    size_t a = 0;
    while (a < n && !is_blank(s[a]))
        a++;
    size_t b = a;
    while (b < n && is_blank(s[b]))
        b++;
    size_t c = b;
    while (c < n && !is_blank(s[c]))
        c++;
    if (!a || b == a || c == b || c != n || a >= sizeof p->otag || c - b >= sizeof p->ctag ||
        memchr(s, '=', n) || memchr(s, '\0', n))
        return fail(p, at, "bad delimiter change", NULL);
    memcpy(p->otag, s, a);
    p->otag[a] = '\0';
    memcpy(p->ctag, s + b, c - b);
    p->ctag[c - b] = '\0';
    return SLOG_OK;
}

static slog_status parse(parser *p, node *root)
{
    p->stack[0] = root;
    p->depth = 0;
    size_t text_from = 0;
    while (p->pos <= p->len) {
        const char *open = find(p->src, p->pos, p->len, p->otag);
        size_t tag_start = open ? (size_t)(open - p->src) : p->len;
        if (!open) {
            if (tag_start > text_from &&
                !add_node(p->stack[p->depth], N_TEXT, p->src + text_from, tag_start - text_from))
                return fail(p, tag_start, "out of memory", NULL);
            break;
        }
        size_t ol = strlen(p->otag), cl = strlen(p->ctag);
        size_t inner = tag_start + ol;
        char kind = inner < p->len ? p->src[inner] : '\0';
        const char *close_seq = p->ctag;
        char triple_close[20];
        if (kind == '{') {
            snprintf(triple_close, sizeof triple_close, "}%s", p->ctag);
            close_seq = triple_close;
        } else if (kind == '=') {
            snprintf(triple_close, sizeof triple_close, "=%s", p->ctag);
            close_seq = triple_close;
        }
        /* The closing delimiter is looked for after the sigil, so that one
         * beginning with a sigil (`{{=< #>=}}`) cannot close its own tag. */
        size_t sigil = kind && strchr("#^/!>=&{", kind) ? 1 : 0;
        const char *close = find(p->src, inner + sigil, p->len, close_seq);
        if (!close)
            return fail(p, tag_start, "unclosed tag", NULL);
        size_t tag_end = (size_t)(close - p->src) + strlen(close_seq);
        const char *body = p->src + inner + sigil;
        size_t blen = (size_t)(close - body);
        const char *name = body;
        size_t nlen = blen;
        trim(&name, &nlen);

        /* standalone: only blanks around the tag on its line */
        size_t line_start = tag_start;
        while (line_start > 0 && p->src[line_start - 1] != '\n')
            line_start--;
        int standalone = kind && strchr("#^/!>=", kind);
        for (size_t i = line_start; standalone && i < tag_start; i++)
            standalone = is_blank(p->src[i]);
        size_t after = tag_end;
        while (standalone && after < p->len && is_blank(p->src[after]))
            after++;
        if (standalone) {
            if (after < p->len && p->src[after] == '\r' && after + 1 < p->len &&
                p->src[after + 1] == '\n')
                after += 2;
            else if (after < p->len && p->src[after] == '\n')
                after++;
            else if (after < p->len)
                standalone = 0;
        }
        size_t text_end = standalone ? line_start : tag_start;
        if (text_end > text_from &&
            !add_node(p->stack[p->depth], N_TEXT, p->src + text_from, text_end - text_from))
            return fail(p, tag_start, "out of memory", NULL);
        node *parent = p->stack[p->depth];
        node *n = NULL;
        (void)cl;
        switch (kind) {
        case '!':
            break;
        case '=': {
            slog_status st = set_delimiters(p, body, blen, tag_start);
            if (st != SLOG_OK)
                return st;
            break;
        }
        case '#':
        case '^':
            n = add_node(parent, kind == '#' ? N_SECTION : N_INVERTED, name, nlen);
            if (!n)
                return fail(p, tag_start, "out of memory", NULL);
            if (p->depth + 1 >= (int)(sizeof p->stack / sizeof *p->stack))
                return fail(p, tag_start, "sections nested too deeply", NULL);
            p->stack[++p->depth] = n;
            p->open_pos[p->depth] = tag_start;
            break;
        case '/': {
            if (!p->depth) {
                char nm[128];
                snprintf(nm, sizeof nm, "%.*s", (int)nlen, name);
                return fail(p, tag_start, "closing tag without a section:", nm);
            }
            node *top = p->stack[p->depth];
            if (top->len != nlen || memcmp(top->text, name, nlen) != 0) {
                char nm[128];
                snprintf(nm, sizeof nm, "%.*s", (int)nlen, name);
                return fail(p, tag_start, "closing tag does not match its section:", nm);
            }
            p->depth--;
            break;
        }
        case '>':
            n = add_node(parent, N_PARTIAL, name, nlen);
            if (!n)
                return fail(p, tag_start, "out of memory", NULL);
            if (standalone) {
                n->indent = malloc(tag_start - line_start + 1);
                if (!n->indent)
                    return fail(p, tag_start, "out of memory", NULL);
                memcpy(n->indent, p->src + line_start, tag_start - line_start);
                n->indent[tag_start - line_start] = '\0';
            }
            break;
        default:
            n = add_node(parent, kind == '{' || kind == '&' ? N_RAW : N_VAR, name, nlen);
            if (!n)
                return fail(p, tag_start, "out of memory", NULL);
        }
        p->pos = standalone ? after : tag_end;
        text_from = p->pos;
    }
    if (p->depth) {
        node *top = p->stack[p->depth];
        return fail(p, p->open_pos[p->depth], "unclosed section", top->text);
    }
    return SLOG_OK;
}

static void free_node(node *n)
{
    for (size_t i = 0; i < n->nchildren; i++)
        free_node(&n->children[i]);
    free(n->children);
    free(n->text);
    free(n->indent);
}

slog_status slog_template_parse(const char *name, const char *src, size_t len, slog_template **out,
                                slog_error *err)
{
    *out = NULL;
    slog_template *t = calloc(1, sizeof *t);
    if (!t || !(t->name = strdup(name ? name : "template"))) {
        free(t);
        return slog_error_set(err, SLOG_ERR_NOMEM, name, 0, "out of memory");
    }
    parser p = {0};
    p.name = t->name;
    p.src = src;
    p.len = len;
    p.err = err;
    strcpy(p.otag, "{{");
    strcpy(p.ctag, "}}");
    slog_status st = parse(&p, &t->root);
    if (st != SLOG_OK) {
        slog_template_free(t);
        return st;
    }
    *out = t;
    return SLOG_OK;
}

void slog_template_free(slog_template *t)
{
    if (!t)
        return;
    free_node(&t->root);
    free(t->name);
    free(t);
}

/* --- rendering ------------------------------------------------------------- */

typedef slog_buf out_buf;

static void put(out_buf *b, const char *s, size_t n)
{
    slog_buf_put(b, s, n);
}

static void put_escaped(out_buf *b, const char *s)
{
    for (const char *p = s; *p; p++) {
        switch (*p) {
        case '&':
            put(b, "&amp;", 5);
            break;
        case '"':
            put(b, "&quot;", 6);
            break;
        case '<':
            put(b, "&lt;", 4);
            break;
        case '>':
            put(b, "&gt;", 4);
            break;
        default:
            put(b, p, 1);
        }
    }
}

typedef struct {
    const cJSON *stack[512];
    int depth;
    slog_partial_loader load;
    void *ctx;
    slog_error *err;
    int partial_depth;
} renderer;

/* Looks a (dotted) name up: the first part in the innermost context that has
 * it, the rest inside that value. */
static const cJSON *lookup(const renderer *r, const char *name)
{
    if (strcmp(name, ".") == 0)
        return r->stack[r->depth];
    char first[256];
    size_t n = strcspn(name, ".");
    if (n >= sizeof first)
        return NULL;
    memcpy(first, name, n);
    first[n] = '\0';
    const cJSON *v = NULL;
    for (int i = r->depth; i >= 0 && !v; i--)
        if (cJSON_IsObject(r->stack[i]))
            v = cJSON_GetObjectItemCaseSensitive(r->stack[i], first);
    for (const char *rest = name[n] ? name + n + 1 : NULL; v && rest;) {
        size_t k = strcspn(rest, ".");
        char part[256];
        if (k >= sizeof part || !cJSON_IsObject(v))
            return NULL;
        memcpy(part, rest, k);
        part[k] = '\0';
        v = cJSON_GetObjectItemCaseSensitive(v, part);
        rest = rest[k] ? rest + k + 1 : NULL;
    }
    return v;
}

static int falsey(const cJSON *v)
{
    return !v || cJSON_IsFalse(v) || cJSON_IsNull(v) ||
           (cJSON_IsArray(v) && cJSON_GetArraySize(v) == 0);
}

static void interpolate(out_buf *b, const cJSON *v, int escape)
{
    char num[64];
    const char *s = NULL;
    if (cJSON_IsString(v))
        s = v->valuestring;
    else if (cJSON_IsNumber(v)) {
        double d = v->valuedouble;
        /* the range first: casting 6.6e88 to long long is undefined */
        if (d > -1e15 && d < 1e15 && d == (double)(long long)d)
            snprintf(num, sizeof num, "%lld", (long long)d);
        else
            snprintf(num, sizeof num, "%.15g", d);
        s = num;
    } else if (cJSON_IsTrue(v))
        s = "true";
    else if (cJSON_IsFalse(v))
        s = "false";
    if (!s)
        return;
    if (escape)
        put_escaped(b, s);
    else
        put(b, s, strlen(s));
}

static slog_status render_nodes(renderer *r, const node *parent, out_buf *b);

static slog_status push(renderer *r, const cJSON *v)
{
    if (r->depth + 1 >= (int)(sizeof r->stack / sizeof *r->stack))
        return slog_error_set(r->err, SLOG_ERR_INVALID, NULL, 0, "data nested too deeply");
    r->stack[++r->depth] = v;
    return SLOG_OK;
}

/* The partial's source with `indent` before every line. */
static char *indented(const char *src, size_t len, const char *indent, size_t *out_len)
{
    size_t il = strlen(indent), lines = 1;
    for (size_t i = 0; i < len; i++)
        lines += src[i] == '\n';
    char *o = malloc(len + lines * il + 1);
    if (!o)
        return NULL;
    size_t k = 0;
    int at_line_start = 1;
    for (size_t i = 0; i < len; i++) {
        if (at_line_start) {
            memcpy(o + k, indent, il);
            k += il;
        }
        o[k++] = src[i];
        at_line_start = src[i] == '\n';
    }
    o[k] = '\0';
    *out_len = k;
    return o;
}

static slog_status render_partial(renderer *r, const node *n, out_buf *b)
{
    if (!r->load)
        return SLOG_OK;
    if (r->partial_depth > 64) /* a partial that includes itself forever */
        return slog_error_set(r->err, SLOG_ERR_INVALID, n->text, 0, "partials nested too deeply");
    char *src = NULL;
    size_t len = 0;
    slog_status st = r->load(n->text, &src, &len, r->ctx, r->err);
    if (st != SLOG_OK || !src)
        return st;
    if (n->indent && *n->indent) {
        size_t il;
        char *ind = indented(src, len, n->indent, &il);
        free(src);
        if (!ind)
            return slog_error_set(r->err, SLOG_ERR_NOMEM, n->text, 0, "out of memory");
        src = ind;
        len = il;
    }
    slog_template *t;
    st = slog_template_parse(n->text, src, len, &t, r->err);
    free(src);
    if (st != SLOG_OK)
        return st;
    r->partial_depth++;
    st = render_nodes(r, &t->root, b);
    r->partial_depth--;
    slog_template_free(t);
    return st;
}

static slog_status render_nodes(renderer *r, const node *parent, out_buf *b)
{
    slog_status st = SLOG_OK;
    for (size_t i = 0; i < parent->nchildren && st == SLOG_OK && !b->failed; i++) {
        const node *n = &parent->children[i];
        switch (n->kind) {
        case N_TEXT:
            put(b, n->text, n->len);
            break;
        case N_VAR:
        case N_RAW:
            interpolate(b, lookup(r, n->text), n->kind == N_VAR);
            break;
        case N_INVERTED:
            if (falsey(lookup(r, n->text)))
                st = render_nodes(r, n, b);
            break;
        case N_SECTION: {
            const cJSON *v = lookup(r, n->text);
            if (falsey(v))
                break;
            if (cJSON_IsArray(v)) {
                const cJSON *e;
                cJSON_ArrayForEach(e, v)
                {
                    if ((st = push(r, e)) != SLOG_OK)
                        break;
                    st = render_nodes(r, n, b);
                    r->depth--;
                    if (st != SLOG_OK)
                        break;
                }
            } else if ((st = push(r, v)) == SLOG_OK) {
                st = render_nodes(r, n, b);
                r->depth--;
            }
            break;
        }
        case N_PARTIAL:
            st = render_partial(r, n, b);
            break;
        }
    }
    return st;
}

slog_status slog_template_render(const slog_template *t, const cJSON *data,
                                 slog_partial_loader partials, void *ctx, char **out,
                                 size_t *out_len, slog_error *err)
{
    renderer r = {0};
    r.stack[0] = data;
    r.load = partials;
    r.ctx = ctx;
    r.err = err;
    out_buf b = {0};
    put(&b, "", 0);
    slog_status st = render_nodes(&r, &t->root, &b);
    if (st == SLOG_OK && b.failed)
        st = slog_error_set(err, SLOG_ERR_NOMEM, t->name, 0, "out of memory");
    if (st != SLOG_OK) {
        free(b.data);
        return st;
    }
    if (!b.data && !(b.data = calloc(1, 1)))
        return slog_error_set(err, SLOG_ERR_NOMEM, t->name, 0, "out of memory");
    *out = b.data;
    *out_len = b.len;
    return SLOG_OK;
}
