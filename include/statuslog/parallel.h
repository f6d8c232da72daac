/* SPDX-License-Identifier: BSD-2-Clause */
/* Work spread over threads: the files of lint, digest and parse, and the
 * pieces of one large document. Output never depends on the number of
 * threads: callers keep results by index and use them in order. */
#ifndef STATUSLOG_PARALLEL_H
#define STATUSLOG_PARALLEL_H

#include <stddef.h>

/** Threads at most (and the number of per-thread slots a compiled pattern keeps). */
#define SLOG_MAX_JOBS 64

/** The processors this process may run on (at least 1, at most SLOG_MAX_JOBS). */
unsigned slog_default_jobs(void);

/** Calls fn(ctx, i) for every i in [0, n), on up to `jobs` threads (0: the
 * default; the calling thread is one of them). Indexes are handed out in
 * increasing order; calls for different indexes may run at the same time.
 * Returns 0, or -1 when no thread could be started (then every call has
 * been made on the calling thread). */
int slog_parallel_for(size_t n, unsigned jobs, void (*fn)(void *ctx, size_t i), void *ctx);

/** Calls work(ctx, i) for every i in [0, n) on up to `jobs` threads, and
 * consume(ctx, i) for each, in increasing order of i, on the calling
 * thread, as soon as work(ctx, i) has returned: results are used while
 * later ones are being made. At most `ahead` indexes are worked on or
 * waiting beyond the last consumed one (memory stays bounded). The calling
 * thread works too while the next result is not ready. Returns 0. */
int slog_parallel_ordered(size_t n, unsigned jobs, size_t ahead, void (*work)(void *ctx, size_t i),
                          void (*consume)(void *ctx, size_t i), void *ctx);

#endif
