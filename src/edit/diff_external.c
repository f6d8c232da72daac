/* SPDX-License-Identifier: BSD-2-Clause */
/* A unified diff of any two versions (fix --dry-run), by GNU diff: it finds
 * moved sections and changed lines in near-linear time on large files.
 * Run without a shell, on two temporary files. */
#include "statuslog/edit.h"
#include "proc.h"
#include "tempfile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int to_stream(void *ctx, const char *data, size_t n)
{
    return fwrite(data, 1, n, ctx) == n ? 0 : -1;
}

int slog_write_diff(FILE *out, const char *name, const char *old, size_t old_len,
                    const char *new_text, size_t new_len, slog_error *err)
{
    const char *tmp = getenv("TMPDIR");
    char a[4096], b[4096], la[4200], lb[4200];
    snprintf(a, sizeof a, "%s/statuslog-diff-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    snprintf(b, sizeof b, "%s", a);
    /* git's a/ and b/ for relative paths; an absolute one as it is */
    snprintf(la, sizeof la, "%s%s", name[0] == '/' ? "" : "a/", name);
    snprintf(lb, sizeof lb, "%s%s", name[0] == '/' ? "" : "b/", name);
    int made_a = slog_write_temp(a, old, old_len) == 0;
    int made_b = made_a && slog_write_temp(b, new_text, new_len) == 0;
    int rc = -1;
    if (!made_b) {
        slog_error_set(err, SLOG_ERR_IO, name, 0, "cannot write a temporary file for the diff: %s",
                       strerror(errno));
    } else {
        /* diff's output comes through a pipe into `out`, which may be any
         * stream (a memory stream has no descriptor to hand over) */
        const char *argv[] = {"diff", "-u", "--label", la, "--label", lb, "--", a, b, NULL};
        int code = slog_run_program(argv, to_stream, out, NULL);
        if (code == 0 || code == 1)
            rc = 0;
        else
            slog_error_set(err, SLOG_ERR_IO, name, 0, "%s",
                           code == 127  ? "cannot run diff (GNU diffutils) for the dry run"
                           : code == -2 ? "error writing output"
                                        : "diff failed");
    }
    if (made_a)
        unlink(a);
    if (made_b)
        unlink(b);
    return rc;
}
