/* SPDX-License-Identifier: BSD-2-Clause */
/* The digest's "Needs attention" across documents (SPEC §5 r3): the same
 * item in copies and near-copies of a log folded into one line naming
 * them all, then oldest first. */
#include "digest_internal.h"

#include "statuslog/check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { ATTENTION_SHOWN = 25 }; /* lines shown, then "… and N more" */

static int by_age(const void *a, const void *b)
{
    const cJSON *x = *(const cJSON *const *)a, *y = *(const cJSON *const *)b;
    int c = strcmp(dv_get(x, "first_seen")->valuestring, dv_get(y, "first_seen")->valuestring);
    if (!c)
        c = strcmp(dv_get(x, "file")->valuestring, dv_get(y, "file")->valuestring);
    if (!c)
        c = (dv_num(x, "line") > dv_num(y, "line")) - (dv_num(x, "line") < dv_num(y, "line"));
    return c;
}

static size_t depth(const char *path)
{
    size_t n = 0;
    for (; *path; path++)
        n += *path == '/';
    return n;
}

/* Of copies, first the log still written (the newest entry), then the
 * one less deep (not under archive/). */
static int by_copy_place(const cJSON *x, const cJSON *y)
{
    int c = -strcmp(dv_get(x, "document_newest")->valuestring,
                    dv_get(y, "document_newest")->valuestring);
    return c ? c
             : (int)(depth(dv_get(x, "file")->valuestring) - depth(dv_get(y, "file")->valuestring));
}

static int by_item(const void *a, const void *b)
{
    const cJSON *x = *(const cJSON *const *)a, *y = *(const cJSON *const *)b;
    int c = strcmp(dv_get(x, "state")->valuestring, dv_get(y, "state")->valuestring);
    if (!c)
        c = strcmp(dv_get(x, "text")->valuestring, dv_get(y, "text")->valuestring);
    if (!c)
        c = by_copy_place(x, y);
    return c ? c : by_age(a, b);
}

/* `other` said again in another document: one more place under first's
 * "also", and other gone. */
static void fold_into(cJSON *first, cJSON *other, int *ok)
{
    cJSON *also = dv_get(first, "also");
    cJSON *o = also ? dv_push_obj(also, ok) : NULL;
    static const char *const keys[] = {"file", "file_html", "name", "name_plain"};
    for (size_t k = 0; o && k < sizeof keys / sizeof *keys; k++)
        dv_add_str(o, keys[k], dv_get(other, keys[k])->valuestring, ok);
    if (o) {
        dv_add_num(o, "line", dv_num(other, "line"), ok);
        dv_add_bool(o, "titled", cJSON_IsTrue(dv_get(other, "titled")), ok);
    }
    cJSON_Delete(other);
}

static int same_str(const cJSON *x, const cJSON *y, const char *key)
{
    return !strcmp(dv_get(x, key)->valuestring, dv_get(y, key)->valuestring);
}

/* Near-copies: two documents of one title (a log and its archived copy,
 * an older draft beside it) whose items of one state say the same work in
 * other words ("Post-Oct 1 CI smoke remains pending until …" and "CI smoke
 * still pending merge to main …"). */
enum { NEAR_COPY_LOOK_BACK = 64 };
#define NEAR_COPY_SIMILARITY 0.4

/* One title, or one title and what an archive adds to it ("Ops notes" and
 * "Ops notes (archived copy)", "Ops notes — old"). */
static int same_title(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    if (na > nb) {
        const char *t = a;
        a = b;
        b = t;
        na = nb;
    }
    if (!na || strncmp(a, b, na))
        return 0;
    const char *rest = b + na;
    return !*rest || !strncmp(rest, " (", 2) || !strncmp(rest, " —", 4) ||
           !strncmp(rest, " - ", 3) || !strncmp(rest, ": ", 2);
}

static int near_copies(const cJSON *x, const cJSON *y)
{
    return cJSON_IsTrue(dv_get(x, "titled")) && cJSON_IsTrue(dv_get(y, "titled")) &&
           same_str(x, y, "state") &&
           same_title(dv_get(x, "name")->valuestring, dv_get(y, "name")->valuestring) &&
           !same_str(x, y, "file") &&
           slog_text_similarity(dv_get(x, "text")->valuestring, dv_get(y, "text")->valuestring) >=
               NEAR_COPY_SIMILARITY;
}

static int by_state_name(const void *a, const void *b)
{
    const cJSON *x = *(const cJSON *const *)a, *y = *(const cJSON *const *)b;
    int c = strcmp(dv_get(x, "state")->valuestring, dv_get(y, "state")->valuestring);
    if (!c)
        c = strcmp(dv_get(x, "name")->valuestring, dv_get(y, "name")->valuestring);
    if (!c)
        c = by_copy_place(x, y);
    return c ? c : by_item(a, b);
}

/* The same item (state and words) in several documents — an archived copy
 * of a log, a near-copy — is one line naming them all (SPEC §5 r3): the
 * oldest mention, with the others under "also". Returns how many remain. */
static size_t fold_copies(cJSON **items, size_t n, int *ok)
{
    if (n > 1)
        qsort(items, n, sizeof *items, by_item);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        cJSON *first = kept ? items[kept - 1] : NULL;
        if (first && same_str(first, items[i], "state") && same_str(first, items[i], "text")) {
            fold_into(first, items[i], ok);
            continue;
        }
        dv_add(items[i], "also", cJSON_CreateArray(), ok);
        items[kept++] = items[i];
    }
    /* then near-copies, by state and title, each into the first like it */
    if (kept > 1)
        qsort(items, kept, sizeof *items, by_state_name);
    n = kept;
    kept = 0;
    for (size_t i = 0; i < n; i++) {
        size_t j = kept, stop = kept > NEAR_COPY_LOOK_BACK ? kept - NEAR_COPY_LOOK_BACK : 0;
        while (j > stop && !near_copies(items[j - 1], items[i]))
            j--;
        if (j > stop) {
            fold_into(items[j - 1], items[i], ok);
            continue;
        }
        items[kept++] = items[i];
    }
    for (size_t i = 0; i < kept; i++) {
        /* "X (`a.md:3`), Y (`b.md:9`)" for Markdown, without backticks for text */
        slog_buf md = {0}, plain = {0};
        const cJSON *o;
        cJSON_ArrayForEach(o, dv_get(items[i], "also"))
        {
            char where[64];
            snprintf(where, sizeof where, ":%d", (int)dv_num(o, "line"));
            for (int f = 0; f < 2; f++) {
                slog_buf *b = f ? &plain : &md;
                int titled = cJSON_IsTrue(dv_get(o, "titled"));
                if (b->len)
                    slog_buf_puts(b, ", ");
                if (titled) { /* an untitled document's name is its path: once is enough */
                    slog_buf_puts(b, dv_get(o, f ? "name_plain" : "name")->valuestring);
                    slog_buf_puts(b, " (");
                }
                slog_buf_puts(b, f ? "" : "`");
                slog_buf_puts(b, dv_get(o, "file")->valuestring);
                slog_buf_puts(b, where);
                slog_buf_puts(b, f ? "" : "`");
                slog_buf_puts(b, titled ? ")" : "");
            }
        }
        slog_buf_put(&md, "", 0);
        slog_buf_put(&plain, "", 0);
        *ok &= !md.failed && !plain.failed;
        int any = md.len > 1;
        dv_add_str(items[i], "also_md", any ? md.data : NULL, ok);
        dv_add_str(items[i], "also_plain", any ? plain.data : NULL, ok);
        dv_add_bool(items[i], "has_also", any, ok);
        slog_buf_free(&md);
        slog_buf_free(&plain);
    }
    return kept;
}

/* Copies folded, then oldest first, by file and line; the first
 * ATTENTION_SHOWN shown. */
void digest_sort_attention(cJSON *root, int *ok)
{
    cJSON *list = dv_get(root, "attention");
    size_t n = (size_t)cJSON_GetArraySize(list);
    cJSON **items = malloc((n ? n : 1) * sizeof *items);
    if (!items) {
        *ok = 0;
        return;
    }
    for (size_t i = 0; i < n; i++)
        items[i] = cJSON_DetachItemFromArray(list, 0);
    n = fold_copies(items, n, ok);
    if (n > 1)
        qsort(items, n, sizeof *items, by_age);
    for (size_t i = 0; i < n; i++)
        cJSON_AddItemToArray(list, items[i]);
    free(items);
    dv_mark_shown(root, "attention", ATTENTION_SHOWN, ok);
    cJSON *t = dv_get(root, "totals");
    dv_bump(t, "attention", (double)n);
    dv_add_bool(root, "has_attention", n > 0, ok);
}
