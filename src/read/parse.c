/* SPDX-License-Identifier: BSD-2-Clause */
/* Reading: file -> bytes -> decoded text -> model. */
#include "statuslog/parse.h"

#include "arena.h"
#include "config_internal.h"
#include "doc_internal.h"
#include "skeleton.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static slog_status read_fd(int fd, const char *name, size_t hint, char **data, size_t *len,
                           slog_error *err)
{
    /* room for the file, its NUL and one byte more: reading the end of the
     * file must not grow the buffer */
    size_t cap = hint + 2 > 4096 ? hint + 2 : 4096, n = 0;
    char *buf = slog_alloc_pages(&cap);
    if (!buf)
        return slog_error_set(err, SLOG_ERR_NOMEM, name, 0, "out of memory");
    for (;;) {
        if (n + 1 >= cap) {
            if (cap > SLOG_MAX_INPUT_BYTES) {
                free(buf);
                return slog_error_set(err, SLOG_ERR_TOO_LARGE, name, 0,
                                      "larger than the limit of %zu MiB",
                                      SLOG_MAX_INPUT_BYTES >> 20);
            }
            char *grown = realloc(buf, cap * 2);
            if (!grown) {
                free(buf);
                return slog_error_set(err, SLOG_ERR_NOMEM, name, 0, "out of memory");
            }
            buf = grown;
            cap *= 2;
        }
        ssize_t got = read(fd, buf + n, cap - 1 - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            int e = errno;
            free(buf);
            return slog_error_set(err, SLOG_ERR_IO, name, 0, "%s", strerror(e));
        }
        if (got == 0)
            break;
        n += (size_t)got;
        if (n > SLOG_MAX_INPUT_BYTES) {
            free(buf);
            return slog_error_set(err, SLOG_ERR_TOO_LARGE, name, 0,
                                  "larger than the limit of %zu MiB", SLOG_MAX_INPUT_BYTES >> 20);
        }
    }
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return SLOG_OK;
}

slog_status slog_read_file(const char *path, char **data, size_t *len, slog_error *err)
{
    *data = NULL;
    *len = 0;
    int is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? "<stdin>" : path;
    /* O_NONBLOCK: a FIFO without a writer must not hang the open; named
     * FIFOs, sockets and devices are refused (a pipe comes in as "-") */
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return slog_error_set(err, SLOG_ERR_IO, name, 0, "%s", strerror(errno));
    struct stat st;
    slog_status rc;
    if (fstat(fd, &st) != 0)
        rc = slog_error_set(err, SLOG_ERR_IO, name, 0, "%s", strerror(errno));
    else if (S_ISDIR(st.st_mode))
        rc = slog_error_set(err, SLOG_ERR_IO, name, 0, "is a directory");
    else if (!is_stdin && !S_ISREG(st.st_mode))
        rc = slog_error_set(err, SLOG_ERR_IO, name, 0,
                            "not a regular file (a pipe can be read as '-')");
    else if (S_ISREG(st.st_mode) && (size_t)st.st_size > SLOG_MAX_INPUT_BYTES)
        rc = slog_error_set(err, SLOG_ERR_TOO_LARGE, name, 0, "larger than the limit of %zu MiB",
                            SLOG_MAX_INPUT_BYTES >> 20);
    else
        rc = read_fd(fd, name, S_ISREG(st.st_mode) ? (size_t)st.st_size : 0, data, len, err);
    if (!is_stdin)
        close(fd);
    return rc;
}

/* The skeleton to build from, when not NULL: keep/nkeep of slog_text_skeleton. */
typedef struct {
    const int *keep;
    size_t nkeep;
    slog_skeleton_guess *guess;
} skeleton_ask;

/* Takes ownership of `raw` (malloc'd, len bytes), or borrows it (the
 * caller's, to outlive the document). */
static slog_status parse_raw(char *raw, size_t len, int borrowed, const slog_parse_options *opts,
                             const skeleton_ask *sk, slog_doc **out, slog_error *err)
{
    *out = NULL;
    const char *name = opts && opts->filename ? opts->filename : "<input>";
    slog_doc *doc = calloc(1, sizeof *doc);
    slog_doc_private *priv = calloc(1, sizeof *priv);
    if (!doc || !priv) {
        free(doc);
        free(priv);
        if (!borrowed)
            free(raw);
        return slog_error_set(err, SLOG_ERR_NOMEM, name, 0, "out of memory");
    }
    doc->priv = priv;
    priv->raw_borrowed = borrowed;
    priv->no_threads = opts && opts->version >= 2 && opts->no_threads;
    priv->chunk_bytes = opts && opts->version >= 2 ? opts->chunk_bytes : 0;
    priv->jobs = opts && opts->version >= 3 ? opts->jobs : 1;
    priv->raw = raw;
    priv->raw_len = len;
    doc->file = slog_arena_strndup(&priv->arena, name, strlen(name));
    if (!doc->file || slog_text_decode(&priv->text, raw, len) != SLOG_OK) {
        slog_doc_free(doc);
        return slog_error_set(err, SLOG_ERR_NOMEM, name, 0, "out of memory");
    }
    doc->encoding = priv->text.enc;

    slog_config *own, *cfg;
    slog_status st = slog_config_use(opts ? opts->config : NULL, &own, &cfg, err);
    slog_text whole = priv->text;
    if (st == SLOG_OK && sk) { /* built from the skeleton; the text stays the whole */
        st = slog_text_skeleton(&whole, sk->keep, sk->nkeep, sk->guess, &priv->skeleton);
        if (st == SLOG_OK)
            priv->text = priv->skeleton;
        else if (st == SLOG_ERR_INVALID) {
            st = SLOG_OK; /* no faithful skeleton: built from the whole */
            if (sk->guess)
                sk->guess->all = 1;
        } else
            slog_error_set(err, st, name, 0, "out of memory");
    }
    if (st == SLOG_OK)
        st = slog_build(doc, cfg, err);
    priv->text = whole;
    slog_config_free(own);
    if (st != SLOG_OK) {
        slog_doc_free(doc);
        if (err && !err->file[0])
            snprintf(err->file, sizeof err->file, "%s", name);
        return st;
    }
    *out = doc;
    return SLOG_OK;
}

/* Parses a copy of len bytes. */
static slog_status parse_copy(const char *data, size_t len, const slog_parse_options *opts,
                              slog_doc **out, slog_error *err)
{
    *out = NULL;
    const char *name = opts && opts->filename ? opts->filename : "<input>";
    if (len > SLOG_MAX_INPUT_BYTES)
        return slog_error_set(err, SLOG_ERR_TOO_LARGE, name, 0, "larger than the limit of %zu MiB",
                              SLOG_MAX_INPUT_BYTES >> 20);
    char *copy = malloc(len + 1);
    if (!copy)
        return slog_error_set(err, SLOG_ERR_NOMEM, name, 0, "out of memory");
    memcpy(copy, data, len);
    copy[len] = '\0';
    return parse_raw(copy, len, 0, opts, NULL, out, err);
}

slog_status slog_parse_buffer(const char *data, size_t len, const slog_parse_options *opts,
                              slog_doc **out, slog_error *err)
{
    return parse_copy(data, len, opts, out, err);
}

slog_status slog_parse_file(const char *path, const slog_parse_options *opts, slog_doc **out,
                            slog_error *err)
{
    *out = NULL;
    char *data;
    size_t len;
    slog_status st = slog_read_file(path, &data, &len, err);
    if (st != SLOG_OK)
        return st;
    slog_parse_options o = SLOG_PARSE_OPTIONS_INIT;
    if (opts)
        o = *opts;
    if (!o.filename)
        o.filename = strcmp(path, "-") == 0 ? "-" : path;
    return parse_raw(data, len, 0, &o, NULL, out, err);
}

slog_status slog_parse_skeleton(const char *data, size_t len, const slog_parse_options *opts,
                                const int *keep, size_t nkeep, slog_skeleton_guess *guess,
                                slog_doc **out, slog_error *err)
{
    skeleton_ask sk = {keep, nkeep, guess};
    const char *name = opts && opts->filename ? opts->filename : "<input>";
    *out = NULL;
    if (len > SLOG_MAX_INPUT_BYTES)
        return slog_error_set(err, SLOG_ERR_TOO_LARGE, name, 0, "larger than the limit of %zu MiB",
                              SLOG_MAX_INPUT_BYTES >> 20);
    /* an edit's reading: the caller's bytes outlive it, no copy of a large file */
    return parse_raw((char *)data, len, 1, opts, &sk, out, err);
}
