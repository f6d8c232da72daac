/* SPDX-License-Identifier: BSD-2-Clause */
/* statuslog: running a command for `append --run`. */
#ifndef STATUSLOG_RUN_H
#define STATUSLOG_RUN_H

#include "statuslog/edit.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    int exit_status; /* when it exited */
    int signal;      /* when a signal ended it (0 otherwise) */
    int timed_out;   /* it ran past the timeout and was stopped */
    int exec_errno;  /* it could not be started (errno of execvp) */
    double seconds;  /* wall time */
} slog_run_result;

/** Runs argv[0] with execvp (never a shell); its standard streams are ours.
 * `timeout` > 0: after that many seconds it gets SIGTERM, two seconds later
 * SIGKILL. Fails only when it cannot fork (SLOG_ERR_IO). */
slog_status slog_run(char *const argv[], double timeout, slog_run_result *r, slog_error *err);

/** The item that records a run: done "`CMD ARGS` passed in 3.2 s", or failed
 * "... failed with exit status 3 after 1.2 s" (killed by signal N, timed out,
 * could not be started). `name` replaces the command in the text. The text is
 * malloc'd (free item->text); NULL when out of memory. */
int slog_run_item(char *const argv[], const char *name, const slog_run_result *r,
                  slog_append_item *item);

/** The exit status statuslog passes on: the command's, 128+N for signal N,
 * 124 after a timeout, 127 when it could not be started. */
int slog_run_exit_code(const slog_run_result *r);

#ifdef __cplusplus
}
#endif
#endif
