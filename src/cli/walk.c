/* SPDX-License-Identifier: BSD-2-Clause */
/* The files named on the command line (or in an MCP call): a directory
 * stands for every *.md below it, names sorted at each level, hidden
 * entries skipped. Links are followed, but every directory and every file
 * is read once, known by its device and inode: a link to `.` or `..` (a
 * loop) or a second link to the same file is skipped with one warning. A
 * link whose real path leaves the directory named (or, for the MCP server,
 * its root) is skipped too, never walked: a committed `docs/all -> /` must
 * not walk the machine. So a symlink can neither hang CI nor an agent. */
#include "cli.h"

#include <dirent.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Device and inode → the first path seen with them. */
typedef struct {
    dev_t dev;
    ino_t ino;
    char *path; /* NULL: an empty slot */
} seen_slot;

typedef struct {
    seen_slot *slots;
    size_t cap, count;
    char root[PATH_MAX]; /* the real path a walk stays in */
    size_t root_len;
    const char *root_name; /* as the warning names it */
    cli_files *out;
} walker;

static size_t slot_of(const walker *w, dev_t dev, ino_t ino)
{
    uint64_t h = ((uint64_t)dev * 0x9E3779B97F4A7C15ull) ^ ((uint64_t)ino * 0xC2B2AE3D27D4EB4Full);
    size_t i = (size_t)(h ^ (h >> 29)) & (w->cap - 1);
    while (w->slots[i].path && (w->slots[i].dev != dev || w->slots[i].ino != ino))
        i = (i + 1) & (w->cap - 1);
    return i;
}

/* The path first seen with `st`'s device and inode, or NULL when this is
 * the first time (then remembered as `path`); *failed when out of memory. */
static const char *seen_before(walker *w, const struct stat *st, const char *path, int *failed)
{
    if (2 * (w->count + 1) > w->cap) {
        size_t cap = w->cap ? 2 * w->cap : 64;
        seen_slot *grown = calloc(cap, sizeof *grown), *old = w->slots;
        if (!grown) {
            *failed = 1;
            return NULL;
        }
        size_t old_cap = w->cap;
        w->slots = grown;
        w->cap = cap;
        for (size_t i = 0; i < old_cap; i++)
            if (old[i].path)
                w->slots[slot_of(w, old[i].dev, old[i].ino)] = old[i];
        free(old);
    }
    size_t i = slot_of(w, st->st_dev, st->st_ino);
    if (w->slots[i].path)
        return w->slots[i].path;
    if (!(w->slots[i].path = strdup(path))) {
        *failed = 1;
        return NULL;
    }
    w->slots[i].dev = st->st_dev;
    w->slots[i].ino = st->st_ino;
    w->count++;
    return NULL;
}

static int push_path(cli_files *f, const char *path)
{
    if (f->count == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 16;
        char **grown = realloc(f->paths, cap * sizeof *grown);
        if (!grown)
            return -1;
        f->paths = grown;
        f->cap = cap;
    }
    f->paths[f->count] = strdup(path);
    return f->paths[f->count++] ? 0 : -1;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int ends_with_md(const char *name)
{
    size_t n = strlen(name);
    return n > 3 && strcmp(name + n - 3, ".md") == 0;
}

/* Inside the walker's root. */
static int inside_root(const walker *w, const char *path)
{
    char real[PATH_MAX];
    if (!realpath(path, real))
        return 0;
    return strncmp(real, w->root, w->root_len) == 0 &&
           (real[w->root_len] == '/' || real[w->root_len] == '\0' || w->root_len == 1);
}

/* Whether to read `path` (a directory or a file found below an operand):
 * 1, 0 after a warning, -1 when out of memory. */
static int first_visit(walker *w, const char *path, const struct stat *st)
{
    if (!inside_root(w, path)) {
        cli_error(path, "skipped: a link out of %s", w->root_name);
        return 0;
    }
    int failed = 0;
    const char *before = seen_before(w, st, path, &failed);
    if (failed)
        return -1;
    if (before) {
        cli_error(path, "skipped: the same %s as %s (a link)",
                  S_ISDIR(st->st_mode) ? "directory" : "file", before);
        return 0;
    }
    return 1;
}

static int walk_dir(walker *w, const char *dir)
{
    DIR *dp = opendir(dir);
    if (!dp)
        return push_path(w->out, dir); /* parse reports why it cannot be read */
    cli_files names = {0};
    struct dirent *de;
    int rc = 0;
    while (rc == 0 && (de = readdir(dp)) != NULL)
        if (de->d_name[0] != '.')
            rc = push_path(&names, de->d_name);
    closedir(dp);
    if (rc == 0 && names.count) /* qsort of a NULL array is undefined, even of nothing */
        qsort(names.paths, names.count, sizeof *names.paths, by_name);
    size_t dir_len = strlen(dir);
    int slash = dir_len && dir[dir_len - 1] == '/';
    for (size_t i = 0; rc == 0 && i < names.count; i++) {
        size_t len = dir_len + strlen(names.paths[i]) + 2;
        char *path = malloc(len);
        if (!path) {
            rc = -1;
            break;
        }
        snprintf(path, len, "%s%s%s", dir, slash ? "" : "/", names.paths[i]);
        struct stat st;
        if (stat(path, &st) != 0) {
            if (ends_with_md(names.paths[i])) /* a broken link: parse says so */
                rc = push_path(w->out, path);
        } else if (S_ISDIR(st.st_mode) || ends_with_md(names.paths[i])) {
            int visit = first_visit(w, path, &st);
            if (visit < 0)
                rc = -1;
            else if (visit)
                rc = S_ISDIR(st.st_mode) ? walk_dir(w, path) : push_path(w->out, path);
        }
        free(path);
    }
    cli_files_free(&names);
    return rc;
}

int cli_collect_files_in(char **operands, int n, const char *root, cli_files *out)
{
    memset(out, 0, sizeof *out);
    walker w;
    memset(&w, 0, sizeof w);
    w.out = out;
    int rc = 0;
    for (int i = 0; i < n && rc == 0; i++) {
        struct stat st;
        int dir =
            strcmp(operands[i], "-") != 0 && stat(operands[i], &st) == 0 && S_ISDIR(st.st_mode);
        size_t before = out->count;
        /* the walk stays in the server's root, else in the directory named */
        w.root_name = root ? "the server's root" : operands[i];
        if (dir && !realpath(root ? root : operands[i], w.root))
            dir = 0; /* vanished: parse says so */
        w.root_len = strlen(w.root);
        int visit = dir ? first_visit(&w, operands[i], &st) : 1;
        rc = visit < 0 ? -1
             : !visit  ? 0
             : dir     ? walk_dir(&w, operands[i])
                       : push_path(out, operands[i]);
        if (rc != 0) {
            cli_error(NULL, "out of memory");
        } else if (dir && out->count == before) { /* a typo'd or empty folder must not pass CI */
            cli_error(operands[i], "no Markdown files (*.md) in this directory");
            rc = -1;
        }
    }
    for (size_t i = 0; i < w.cap; i++)
        free(w.slots[i].path);
    free(w.slots);
    if (rc != 0)
        cli_files_free(out);
    return rc;
}

int cli_collect_files(char **operands, int n, cli_files *out)
{
    return cli_collect_files_in(operands, n, NULL, out);
}

void cli_files_free(cli_files *f)
{
    for (size_t i = 0; i < f->count; i++)
        free(f->paths[i]);
    free(f->paths);
    memset(f, 0, sizeof *f);
}
