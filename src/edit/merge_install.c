/* SPDX-License-Identifier: BSD-2-Clause */
/* merge --install: the driver in git's configuration and the patterns in
 * .gitattributes (or the global attributes file), each written once. */
#include "statuslog/edit.h"
#include "tempfile.h"

#include "git_internal.h"
#include "statuslog/parse.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* --- installing the driver --------------------------------------------------------- */

/* The attributes file: the repository's top-level .gitattributes, or the
 * user's (core.attributesFile, else $XDG_CONFIG_HOME/git/attributes). */
static char *attributes_path(int global, slog_error *err)
{
    slog_buf o = {0}, e = {0};
    char *path = NULL;
    if (!global) {
        const char *args[] = {"rev-parse", "--show-toplevel", NULL};
        if (slog_run_git(args, &o, &e) == 0 && o.data) {
            o.data[strcspn(o.data, "\n")] = '\0';
            size_t n = strlen(o.data) + sizeof "/.gitattributes";
            path = malloc(n);
            if (path)
                snprintf(path, n, "%s/.gitattributes", o.data);
        } else {
            slog_error_set(err, SLOG_ERR_INVALID, NULL, 0, "merge --install: %s",
                           "not in a git repository (or git is missing)");
        }
    } else {
        const char *args[] = {"config", "--global", "--path", "core.attributesFile", NULL};
        if (slog_run_git(args, &o, &e) == 0 && o.data && *o.data) {
            o.data[strcspn(o.data, "\n")] = '\0';
            path = strdup(o.data);
        } else {
            const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
            size_t n = (xdg && *xdg ? strlen(xdg) : strlen(home ? home : "") + 8) + 32;
            path = malloc(n);
            if (path && xdg && *xdg)
                snprintf(path, n, "%s/git/attributes", xdg);
            else if (path)
                snprintf(path, n, "%s/.config/git/attributes", home ? home : "");
        }
    }
    free(o.data);
    free(e.data);
    if (!path && !err->message[0])
        slog_error_set(err, SLOG_ERR_NOMEM, NULL, 0, "out of memory");
    return path;
}

/* A pattern as .gitattributes reads it: as it is, or, when it holds white
 * space, a quote, a backslash or a control character, or opens with '#' or
 * '!' (or is too long), in
 * double quotes with C-style escapes, which git reads as one pattern. */
static int quoted_pattern(const char *p, char *out, size_t n)
{
    if (p[0] == '!') { /* "\\!x.md" (quoted): a literal '!', not a negated pattern */
        size_t len = strlen(p);
        char *escaped = malloc(len + 2);
        if (!escaped)
            return -1;
        escaped[0] = '\\';
        memcpy(escaped + 1, p, len + 1);
        int rc = quoted_pattern(escaped, out, n); /* a backslash: always quoted */
        free(escaped);
        return rc;
    }
    size_t len = strlen(p);
    /* a leading '#' would make the line a comment */
    int plain = len + 1 < n && len && p[0] != '"' && p[0] != '#';
    for (const unsigned char *c = (const unsigned char *)p; plain && *c; c++)
        plain = *c > ' ' && *c != '"' && *c != '\\' && *c != 0x7f;
    if (plain) {
        memcpy(out, p, len + 1);
        return 0;
    }
    size_t o = 0;
    out[o++] = '"';
    for (const unsigned char *c = (const unsigned char *)p; *c; c++) {
        if (o + 6 >= n)
            return -1; /* cut short, it would name another pattern */
        if (*c == '"' || *c == '\\')
            o += (size_t)snprintf(out + o, n - o, "\\%c", *c);
        else if (*c == '\t')
            o += (size_t)snprintf(out + o, n - o, "\\t");
        else if (*c < ' ' || *c == 0x7f)
            o += (size_t)snprintf(out + o, n - o, "\\%03o", *c);
        else
            out[o++] = (char)*c;
    }
    if (o + 2 > n)
        return -1;
    out[o++] = '"';
    out[o] = '\0';
    return 0;
}

/* Adds "PATTERN merge=statuslog" lines the file lacks (safely written). */
static slog_status add_attributes(const char *path, const char *const *patterns, size_t n,
                                  size_t *added, slog_error *err)
{
    char *old = NULL;
    size_t len = 0;
    if (access(path, F_OK) == 0 && slog_read_file(path, &old, &len, err) != SLOG_OK)
        return err->status;
    slog_buf text = {0};
    if (old)
        slog_buf_put(&text, old, len);
    if (text.len && text.data[text.len - 1] != '\n')
        slog_buf_puts(&text, "\n");
    for (size_t i = 0; i < n; i++) {
        char line[4096];
        if (quoted_pattern(patterns[i], line, sizeof line - sizeof " merge=statuslog") != 0) {
            free(old);
            free(text.data);
            return slog_error_set(err, SLOG_ERR_INVALID, path, 0,
                                  "merge --install: a pattern "
                                  "longer than %zu bytes",
                                  sizeof line / 2);
        }
        strcat(line, " merge=statuslog");
        int present = 0;
        for (const char *p = old; p && !present && (p = strstr(p, line)) != NULL; p++)
            present = (p == old || p[-1] == '\n') && (p[strlen(line)] == '\n' || !p[strlen(line)]);
        if (present)
            continue;
        slog_buf_puts(&text, line);
        slog_buf_puts(&text, "\n");
        (*added)++;
    }
    slog_status st = SLOG_OK;
    if (text.failed)
        st = slog_error_set(err, SLOG_ERR_NOMEM, path, 0, "out of memory");
    else if (*added) {
        /* the user's git directory may not exist yet */
        char *dir = strdup(path), *slash = dir ? strrchr(dir, '/') : NULL;
        if (slash && slash != dir) {
            *slash = '\0';
            char *q = dir + 1;
            for (; (q = strchr(q, '/')) != NULL; q++) {
                *q = '\0';
                mkdir(dir, 0777);
                *q = '/';
            }
            mkdir(dir, 0777);
        }
        free(dir);
        st = slog_write_file_atomic(path, text.data ? text.data : "", text.len, err);
    }
    free(old);
    free(text.data);
    return st;
}

slog_status slog_merge_install(const char *program, const char *const *patterns, size_t n,
                               int global, char **attributes_file, slog_error *err)
{
    static const char *const default_patterns[] = {"*.md"};
    if (!n) {
        patterns = default_patterns;
        n = 1;
    }
    *attributes_file = attributes_path(global, err);
    if (!*attributes_file)
        return err->status ? err->status : SLOG_ERR_INVALID;
    size_t added = 0;
    slog_status st = add_attributes(*attributes_file, patterns, n, &added, err);
    /* git runs the driver through the shell: the program quoted for it */
    slog_buf driver = {0};
    slog_buf_puts(&driver, "'");
    for (const char *p = program; *p; p++)
        slog_buf_puts(&driver, *p == '\'' ? "'\\''" : (char[]){*p, '\0'});
    slog_buf_puts(&driver, "' merge %O %A %B %P");
    const char *scope = global ? "--global" : "--local";
    const char *set_name[] = {"config", scope, "merge.statuslog.name",
                              "statuslog: status logs merged by entry", NULL};
    const char *set_driver[] = {"config", scope, "merge.statuslog.driver", driver.data, NULL};
    slog_buf o = {0}, e = {0};
    if (st == SLOG_OK && driver.failed)
        st = slog_error_set(err, SLOG_ERR_NOMEM, NULL, 0, "out of memory");
    if (st == SLOG_OK &&
        (slog_run_git(set_name, &o, &e) != 0 || slog_run_git(set_driver, &o, &e) != 0))
        st = slog_error_set(err, SLOG_ERR_INVALID, NULL, 0, "git config failed: %s",
                            e.data ? e.data : "cannot run git");
    free(o.data);
    free(e.data);
    free(driver.data);
    return st;
}
