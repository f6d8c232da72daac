/* SPDX-License-Identifier: BSD-2-Clause */
/* The benchmark's baseline: read a file, parse it with cmark, walk every node.
 * usage: bare_walker FILE... */
#include <cmark.h>
#include <stdio.h>
#include <stdlib.h>

static int walk_file(const char *path, unsigned long *nodes)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    size_t cap = 1 << 16, len = 0, got;
    char *buf = malloc(cap);
    while (buf && (got = fread(buf + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap) {
            char *grown = realloc(buf, cap *= 2);
            if (!grown) {
                free(buf);
                buf = NULL;
            }
            buf = grown;
        }
    }
    fclose(f);
    if (!buf)
        return -1;
    cmark_node *doc = cmark_parse_document(buf, len, CMARK_OPT_DEFAULT);
    cmark_iter *it = cmark_iter_new(doc);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
        if (ev == CMARK_EVENT_ENTER)
            (*nodes)++;
    cmark_iter_free(it);
    cmark_node_free(doc);
    free(buf);
    return 0;
}

int main(int argc, char **argv)
{
    unsigned long nodes = 0;
    for (int i = 1; i < argc; i++)
        if (walk_file(argv[i], &nodes) != 0) {
            fprintf(stderr, "bare_walker: %s: cannot read\n", argv[i]);
            return 2;
        }
    printf("%lu nodes\n", nodes);
    return 0;
}
