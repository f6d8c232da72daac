/* SPDX-License-Identifier: BSD-2-Clause */
/* Reading a file at a git revision, by running git (execvp, no shell). */
#define _GNU_SOURCE /* pipe2 */
#include "statuslog/check.h"
#include "statuslog/parse.h"

#include "buf.h"
#include "git_internal.h"
#include "proc.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

typedef slog_buf buf;

/* git's output may be a whole file: at most the input limit */
static int append_bytes(buf *b, const char *s, size_t n)
{
    b->limit = SLOG_MAX_INPUT_BYTES + 4096;
    return slog_buf_put(b, s, n);
}

static int into_buf(void *ctx, const char *data, size_t n)
{
    return append_bytes(ctx, data, n);
}

int slog_run_git(const char *const args[], buf *out, buf *errs)
{
    const char *argv[16] = {"git"};
    size_t n = 1;
    for (; args[n - 1] && n < 15; n++)
        argv[n] = args[n - 1];
    argv[n] = NULL;
    return slog_run_program(argv, into_buf, out, errs);
}

/* git's reason: its first stderr line without "fatal: " / "error: ". */
static const char *reason(buf *errs, const char *fallback)
{
    if (!errs->data || !*errs->data)
        return fallback;
    char *nl = strchr(errs->data, '\n');
    if (nl)
        *nl = '\0';
    const char *s = errs->data;
    if (!strncmp(s, "fatal: ", 7))
        s += 7;
    else if (!strncmp(s, "error: ", 7))
        s += 7;
    return s;
}

slog_status slog_git_show(const char *path, const char *rev, char **data, size_t *len,
                          slog_error *err)
{
    *data = NULL;
    *len = 0;
    if (!*rev || rev[0] == '-')
        return slog_error_set(err, SLOG_ERR_INVALID, path, 0, "git: '%s' is not a revision", rev);
    char *abs = realpath(path, NULL);
    if (!abs)
        return slog_error_set(err, SLOG_ERR_IO, path, 0, "%s", strerror(errno));
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", abs);
    *strrchr(dir, '/') = '\0';
    buf out = {0}, errs = {0};
    slog_status st = SLOG_OK;
    const char *top[] = {"-C", dir[0] ? dir : "/", "rev-parse", "--show-toplevel", NULL};
    int rc = slog_run_git(top, &out, &errs);
    char *root = NULL;
    if (rc == -1)
        st = slog_error_set(err, SLOG_ERR_INVALID, path, 0, "git: cannot run git");
    else if (rc != 0 || !out.data)
        st = slog_error_set(err, SLOG_ERR_INVALID, path, 0, "git: %s",
                            reason(&errs, "not in a git repository"));
    else {
        out.data[strcspn(out.data, "\n")] = '\0';
        root = realpath(out.data, NULL);
        size_t rl = root ? strlen(root) : 0;
        if (!root || strncmp(abs, root, rl) != 0 || abs[rl] != '/')
            st = slog_error_set(err, SLOG_ERR_INVALID, path, 0, "git: not inside the work tree");
    }
    /* REV:path, never truncated: a truncated spec would name another file */
    size_t cap = strlen(rev) + strlen(abs) + 16;
    char *spec = malloc(cap);
    if (!spec && st == SLOG_OK)
        st = slog_error_set(err, SLOG_ERR_NOMEM, path, 0, "out of memory");
    if (st == SLOG_OK) {
        snprintf(spec, cap, "%s^{commit}", rev);
        const char *verify[] = {"-C", root, "cat-file", "-t", spec, NULL};
        free(out.data);
        free(errs.data);
        memset(&out, 0, sizeof out);
        memset(&errs, 0, sizeof errs);
        if (slog_run_git(verify, &out, &errs) != 0)
            st = slog_error_set(err, SLOG_ERR_INVALID, path, 0, "git: %s",
                                reason(&errs, "bad revision"));
    }
    if (st == SLOG_OK) {
        snprintf(spec, cap, "%s:%s", rev, abs + strlen(root) + 1);
        const char *exists[] = {"-C", root, "cat-file", "-e", spec, NULL};
        const char *show[] = {"-C", root, "cat-file", "blob", spec, NULL};
        free(out.data);
        free(errs.data);
        memset(&out, 0, sizeof out);
        memset(&errs, 0, sizeof errs);
        if (slog_run_git(exists, &out, &errs) == 0) {
            free(errs.data);
            memset(&errs, 0, sizeof errs);
            rc = slog_run_git(show, &out, &errs);
            if (rc == 0) {
                *data = out.data ? out.data : strdup("");
                *len = out.len;
                out.data = NULL;
                if (!*data)
                    st = slog_error_set(err, SLOG_ERR_NOMEM, path, 0, "out of memory");
            } else {
                st = slog_error_set(err, rc == -2 ? SLOG_ERR_TOO_LARGE : SLOG_ERR_INVALID, path, 0,
                                    "git: %s", reason(&errs, "cannot read the file"));
            }
        }
    }
    free(spec);
    free(out.data);
    free(errs.data);
    free(root);
    free(abs);
    return st;
}
