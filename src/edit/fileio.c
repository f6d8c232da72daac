/* SPDX-License-Identifier: BSD-2-Clause */
/* Safe updates of a file in place; see slog_update_file in edit.h.
 *
 * The lock is flock() on the file itself, so the kernel drops it when the
 * holder dies: a crash can never leave a lock behind. Because a writer
 * replaces the file by rename, a process that waited for the lock re-checks
 * that the path still names the inode it locked, and starts over if not.
 * Temporary files are ".NAME.statuslog-XXXXXX" beside the file; one left by
 * a killed writer is removed by the next writer, which holds the lock and so
 * knows that no other writer is at work. */
#define _GNU_SOURCE /* O_CLOEXEC on older libcs */
#include "statuslog/edit.h"
#include "statuslog/parse.h"
#include "tempfile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static slog_status io_error(slog_error *err, const char *path, const char *what)
{
    return slog_error_set(err, SLOG_ERR_IO, path, 0, "%s%s%s", what, *what ? ": " : "",
                          strerror(errno));
}

/* Locks `path` (a resolved regular file) and returns its descriptor; errors
 * name the file as the user gave it (`name`). */
static slog_status lock_file(const char *path, const char *name, int *fd_out, struct stat *st,
                             slog_error *err)
{
    for (;;) {
        /* O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused */
        int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0)
            return io_error(err, name, "");
        if (fstat(fd, st) != 0) {
            close(fd);
            return io_error(err, name, "");
        }
        if (!S_ISREG(st->st_mode)) {
            close(fd);
            return slog_error_set(err, SLOG_ERR_IO, name, 0,
                                  S_ISDIR(st->st_mode) ? "is a directory" : "not a regular file");
        }
        int rc;
        while ((rc = flock(fd, LOCK_EX)) != 0 && errno == EINTR)
            ;
        if (rc != 0) {
            close(fd);
            return io_error(err, name, "cannot lock");
        }
        struct stat now;
        if (stat(path, &now) == 0 && now.st_ino == st->st_ino && now.st_dev == st->st_dev) {
            *st = now;
            *fd_out = fd;
            return SLOG_OK;
        }
        close(fd); /* replaced while we waited: lock the new file */
    }
}

/* The file's bytes: mapped (no copy into a fresh buffer, which costs a page
 * fault per page), or read when mapping is not possible. The lock keeps our
 * own writers out; a foreign program truncating the file in place while it
 * is mapped is the one case this does not survive. */
typedef struct {
    const char *data;
    size_t len;
    void *map;
    char *copy;
} contents;

static slog_status load(int fd, const char *path, size_t size, contents *c, slog_error *err)
{
    memset(c, 0, sizeof *c);
    if (size > SLOG_MAX_INPUT_BYTES)
        return slog_error_set(err, SLOG_ERR_TOO_LARGE, path, 0, "larger than the limit of %zu MiB",
                              SLOG_MAX_INPUT_BYTES >> 20);
    c->len = size;
    c->data = "";
    if (!size)
        return SLOG_OK;
    void *m = mmap(NULL, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    if (m != MAP_FAILED) {
        c->map = m;
        c->data = m;
        return SLOG_OK;
    }
    c->copy = malloc(size);
    if (!c->copy)
        return slog_error_set(err, SLOG_ERR_NOMEM, path, 0, "out of memory");
    size_t n = 0;
    while (n < size) {
        ssize_t got = pread(fd, c->copy + n, size - n, (off_t)n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            free(c->copy);
            c->copy = NULL;
            return got < 0 ? io_error(err, path, "")
                           : slog_error_set(err, SLOG_ERR_IO, path, 0, "file shrank while read");
        }
        n += (size_t)got;
    }
    c->data = c->copy;
    return SLOG_OK;
}

static void unload(contents *c)
{
    if (c->map)
        munmap(c->map, c->len);
    free(c->copy);
}

void slog_edit_free(slog_edit *e)
{
    free(e->insert);
    free(e->whole);
    memset(e, 0, sizeof *e);
}

static int edit_changes(const slog_edit *e)
{
    return e->whole || (e->insert && e->insert_len);
}

/* The new contents in one buffer (for a dry run's diff). */
static char *assemble(const contents *c, const slog_edit *e, size_t *len)
{
    if (!edit_changes(e)) {
        *len = c->len;
        char *copy = malloc(c->len + 1);
        if (copy) {
            memcpy(copy, c->data, c->len);
            copy[c->len] = '\0';
        }
        return copy;
    }
    if (e->whole) {
        *len = e->whole_len;
        char *copy = malloc(e->whole_len + 1);
        if (copy) {
            memcpy(copy, e->whole, e->whole_len);
            copy[e->whole_len] = '\0';
        }
        return copy;
    }
    *len = c->len + e->insert_len;
    char *out = malloc(*len + 1);
    if (out) {
        memcpy(out, c->data, e->offset);
        memcpy(out + e->offset, e->insert, e->insert_len);
        memcpy(out + e->offset + e->insert_len, c->data + e->offset, c->len - e->offset);
        out[*len] = '\0';
    }
    return out;
}

static void split_path(const char *path, char *dir, size_t dsize, const char **base)
{
    const char *slash = strrchr(path, '/');
    if (!slash) {
        snprintf(dir, dsize, ".");
        *base = path;
    } else {
        snprintf(dir, dsize, "%.*s", slash == path ? 1 : (int)(slash - path), path);
        *base = slash + 1;
    }
}

/* Removes temporaries of `base` left by writers that were killed. */
static void remove_stale_temps(const char *dir, const char *base)
{
    char prefix[NAME_MAX + 32];
    snprintf(prefix, sizeof prefix, ".%s.statuslog-", base);
    size_t plen = strlen(prefix);
    DIR *dp = opendir(dir);
    if (!dp)
        return;
    struct dirent *de;
    while ((de = readdir(dp)) != NULL) {
        if (strncmp(de->d_name, prefix, plen) == 0 && strlen(de->d_name) == plen + 6) {
            char p[PATH_MAX + NAME_MAX + 2];
            snprintf(p, sizeof p, "%s/%s", dir, de->d_name);
            unlink(p);
        }
    }
    closedir(dp);
}

static int write_all(int fd, const char *data, size_t len)
{
    while (len) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Copies len bytes at offset `from` of src_fd to out_fd (at its position):
 * in the kernel when it can, else through `data` (the same bytes, mapped). */
static int copy_range(int src_fd, int out_fd, const char *data, size_t from, size_t len)
{
    loff_t in = (loff_t)from;
    while (len) {
        ssize_t n = copy_file_range(src_fd, &in, out_fd, NULL, len, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return write_all(out_fd, data + (size_t)in, len);
        len -= (size_t)n;
    }
    return 0;
}

/* Writes the new contents to a temporary beside `path`, then renames it over
 * `path`. */
static slog_status replace_file(const char *path, int src_fd, const struct stat *st,
                                const contents *old, const slog_edit *e, slog_error *err)
{
    char dir[PATH_MAX], tmp[PATH_MAX + NAME_MAX + 32];
    const char *base;
    split_path(path, dir, sizeof dir, &base);
    remove_stale_temps(dir, base);
    snprintf(tmp, sizeof tmp, "%s/.%s.statuslog-XXXXXX", dir, base);
    int fd = mkostemp(tmp, O_CLOEXEC);
    if (fd < 0)
        return io_error(err, path, "cannot create a temporary file in its directory");
    slog_status rc = SLOG_OK;
    int wr = e->whole ? write_all(fd, e->whole, e->whole_len)
                      : copy_range(src_fd, fd, old->data, 0, e->offset) ||
                            write_all(fd, e->insert, e->insert_len) ||
                            copy_range(src_fd, fd, old->data, e->offset, old->len - e->offset);
    if (wr != 0)
        rc = io_error(err, path, "cannot write");
    else if (fchmod(fd, st->st_mode & 07777) != 0)
        rc = io_error(err, path, "cannot keep the mode");
    else if (fsync(fd) != 0)
        rc = io_error(err, path, "cannot sync");
    if (rc == SLOG_OK && fchown(fd, st->st_uid, st->st_gid) != 0 && errno != EPERM)
        rc = io_error(err, path, "cannot keep the owner");
    if (close(fd) != 0 && rc == SLOG_OK)
        rc = io_error(err, path, "cannot write");
    if (rc == SLOG_OK && rename(tmp, path) != 0)
        rc = io_error(err, path, "cannot replace");
    if (rc != SLOG_OK) {
        unlink(tmp);
        return rc;
    }
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) { /* the rename itself must survive a crash */
        fsync(dfd);
        close(dfd);
    }
    return SLOG_OK;
}

slog_status slog_update_file(const char *path, slog_transform fn, void *ctx, int write,
                             char **old_out, size_t *old_len, char **new_out, size_t *new_len,
                             slog_error *err)
{
    char *target = realpath(path, NULL); /* a symlink's target is what changes */
    if (!target)
        return io_error(err, path, "");
    int fd = -1;
    struct stat st;
    slog_status rc = lock_file(target, path, &fd, &st, err);
    /* The caller must be able to write the file itself: in a world-writable
     * directory anyone can rename over another user's file, and the mode
     * bits alone do not say who may write. */
    if (rc == SLOG_OK && write && !(st.st_mode & 0222))
        rc = slog_error_set(err, SLOG_ERR_IO, path, 0, "is read-only");
    else if (rc == SLOG_OK && write && faccessat(AT_FDCWD, target, W_OK, AT_EACCESS) != 0)
        rc = io_error(err, path, "you may not write it");
    /* A rename would split a hard link: the other names keep the old text. */
    if (rc == SLOG_OK && write && st.st_nlink > 1)
        rc = slog_error_set(err, SLOG_ERR_IO, path, 0,
                            "has %lu hard links; statuslog replaces files by rename, which would "
                            "split them",
                            (unsigned long)st.st_nlink);
    if (rc == SLOG_OK && write) {
        char dir[PATH_MAX];
        const char *base;
        split_path(target, dir, sizeof dir, &base);
        if (access(dir, W_OK) != 0)
            rc = io_error(err, path, "its directory is not writable");
    }
    contents old = {0};
    slog_edit edit = {0};
    int loaded = 0;
    if (rc == SLOG_OK) {
        rc = load(fd, path, (size_t)st.st_size, &old, err);
        loaded = rc == SLOG_OK;
    }
    if (rc == SLOG_OK)
        rc = fn(old.data, old.len, &edit, ctx, err);
    if (rc == SLOG_OK && write && edit_changes(&edit))
        rc = replace_file(target, fd, &st, &old, &edit, err);
    if (rc == SLOG_OK && old_out) {
        *old_out = assemble(&old, &(slog_edit){0}, old_len);
        *new_out = assemble(&old, &edit, new_len);
        if (!*old_out || !*new_out) {
            free(*old_out);
            free(*new_out);
            rc = slog_error_set(err, SLOG_ERR_NOMEM, path, 0, "out of memory");
        }
    }
    if (fd >= 0)
        close(fd); /* releases the lock */
    if (loaded)
        unload(&old);
    slog_edit_free(&edit);
    free(target);
    return rc;
}

slog_status slog_write_file_atomic(const char *path, const char *data, size_t len, slog_error *err)
{
    struct stat st;
    if (stat(path, &st) != 0) { /* a new file: the usual mode */
        mode_t mask = umask(0);
        umask(mask);
        memset(&st, 0, sizeof st);
        st.st_mode = 0666 & ~mask;
        st.st_uid = getuid();
        st.st_gid = getgid();
    } else if (!S_ISREG(st.st_mode)) {
        return slog_error_set(err, SLOG_ERR_IO, path, 0, "not a regular file");
    }
    contents c = {data, len, NULL, NULL};
    slog_edit whole = {0, NULL, 0, (char *)data, len};
    return replace_file(path, -1, &st, &c, &whole, err);
}

int slog_write_temp(char *path, const char *data, size_t len)
{
    int fd = mkstemp(path);
    if (fd < 0)
        return -1;
    size_t done = 0;
    while (done < len) {
        ssize_t n = write(fd, data + done, len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            close(fd);
            unlink(path);
            return -1;
        }
        done += (size_t)n;
    }
    if (close(fd) != 0) {
        unlink(path);
        return -1;
    }
    return 0;
}
