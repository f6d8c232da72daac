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

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

static slog_status io_error(slog_error *err, const char *path, const char *what)
{
    return slog_error_set(err, SLOG_ERR_IO, path, 0, "%s%s%s", what, *what ? ": " : "",
                          strerror(errno));
}

/* Locks `path` (a resolved regular file) and returns its descriptor. */
static slog_status lock_file(const char *path, int *fd_out, struct stat *st, slog_error *err)
{
    for (;;) {
        int fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return io_error(err, path, "");
        if (fstat(fd, st) != 0) {
            close(fd);
            return io_error(err, path, "");
        }
        if (!S_ISREG(st->st_mode)) {
            close(fd);
            return slog_error_set(err, SLOG_ERR_IO, path, 0,
                                  S_ISDIR(st->st_mode) ? "is a directory" : "not a regular file");
        }
        int rc;
        while ((rc = flock(fd, LOCK_EX)) != 0 && errno == EINTR)
            ;
        if (rc != 0) {
            close(fd);
            return io_error(err, path, "cannot lock");
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

static slog_status read_all(int fd, const char *path, size_t size, char **data, size_t *len,
                            slog_error *err)
{
    if (size > SLOG_MAX_INPUT_BYTES)
        return slog_error_set(err, SLOG_ERR_TOO_LARGE, path, 0,
                              "larger than the limit of %zu MiB", SLOG_MAX_INPUT_BYTES >> 20);
    char *buf = malloc(size + 1);
    if (!buf)
        return slog_error_set(err, SLOG_ERR_NOMEM, path, 0, "out of memory");
    size_t n = 0;
    while (n < size) {
        ssize_t got = pread(fd, buf + n, size - n, (off_t)n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            free(buf);
            return got < 0 ? io_error(err, path, "") : slog_error_set(err, SLOG_ERR_IO, path, 0,
                                                                       "file shrank while read");
        }
        n += (size_t)got;
    }
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return SLOG_OK;
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

/* Writes data to a temporary beside `path`, then renames it over `path`. */
static slog_status replace_file(const char *path, const struct stat *st, const char *data,
                                size_t len, slog_error *err)
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
    if (write_all(fd, data, len) != 0)
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
    slog_status rc = lock_file(target, &fd, &st, err);
    if (rc == SLOG_OK && write && !(st.st_mode & 0222))
        rc = slog_error_set(err, SLOG_ERR_IO, path, 0, "is read-only");
    if (rc == SLOG_OK && write) {
        char dir[PATH_MAX];
        const char *base;
        split_path(target, dir, sizeof dir, &base);
        if (access(dir, W_OK) != 0)
            rc = io_error(err, path, "its directory is not writable");
    }
    char *old = NULL, *neu = NULL;
    size_t olen = 0, nlen = 0;
    if (rc == SLOG_OK)
        rc = read_all(fd, path, (size_t)st.st_size, &old, &olen, err);
    if (rc == SLOG_OK)
        rc = fn(old, olen, &neu, &nlen, ctx, err);
    if (rc == SLOG_OK && write && (nlen != olen || memcmp(old, neu, olen) != 0))
        rc = replace_file(target, &st, neu, nlen, err);
    if (fd >= 0)
        close(fd); /* releases the lock */
    if (rc == SLOG_OK && err && !err->file[0])
        snprintf(err->file, sizeof err->file, "%s", path);
    if (rc == SLOG_OK && old_out) {
        *old_out = old;
        *old_len = olen;
        old = NULL;
    }
    if (rc == SLOG_OK && new_out) {
        *new_out = neu;
        *new_len = nlen;
        neu = NULL;
    }
    free(old);
    free(neu);
    free(target);
    return rc;
}
