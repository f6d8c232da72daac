/* SPDX-License-Identifier: BSD-2-Clause */
/* The second baseline: read a file and parse it with cmark one top-level
 * section at a time (cut before each line that opens an ATX heading at
 * column 0, outside ``` and ~~~ fences), walking every node of each tree and
 * freeing it before the next. The bound for a reader that works the same
 * way. usage: chunked_walker FILE... */
#include <cmark.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, got;
    char *buf = malloc(cap);
    *len = 0;
    while (buf && (got = fread(buf + *len, 1, cap - *len, f)) > 0) {
        *len += got;
        if (*len == cap) {
            char *grown = realloc(buf, cap *= 2);
            if (!grown)
                free(buf);
            buf = grown;
        }
    }
    fclose(f);
    return buf;
}

static void walk(const char *s, size_t len, unsigned long *nodes)
{
    cmark_node *doc = cmark_parse_document(s, len, CMARK_OPT_DEFAULT);
    cmark_iter *it = cmark_iter_new(doc);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
        if (ev == CMARK_EVENT_ENTER)
            (*nodes)++;
    cmark_iter_free(it);
    cmark_node_free(doc);
}

static int walk_file(const char *path, unsigned long *nodes)
{
    size_t len;
    char *buf = read_file(path, &len);
    if (!buf)
        return -1;
    size_t start = 0;
    char fence = 0;
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(buf + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - buf) + 1 : len;
        const char *s = buf + i;
        size_t n = end - i;
        size_t k = 0;
        while (k < n && k < 3 && s[k] == ' ')
            k++;
        if (n - k >= 3 && (s[k] == '`' || s[k] == '~') && s[k + 1] == s[k] && s[k + 2] == s[k])
            fence = fence ? (fence == s[k] ? 0 : fence) : s[k];
        else if (!fence && s[0] == '#' && i > start) {
            walk(buf + start, i - start, nodes);
            start = i;
        }
        i = end;
    }
    walk(buf + start, len - start, nodes);
    free(buf);
    return 0;
}

int main(int argc, char **argv)
{
    unsigned long nodes = 0;
    for (int i = 1; i < argc; i++)
        if (walk_file(argv[i], &nodes) != 0) {
            fprintf(stderr, "chunked_walker: %s: cannot read\n", argv[i]);
            return 2;
        }
    printf("%lu nodes\n", nodes);
    return 0;
}
