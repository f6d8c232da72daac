/* SPDX-License-Identifier: BSD-2-Clause */
/* Which thread of a parallel loop is running: 0 for the calling thread,
 * 1 .. jobs-1 for the others. Per-thread state (a pattern's match data)
 * is kept by this index. */
#ifndef SLOG_WORKER_H
#define SLOG_WORKER_H

unsigned slog_worker_index(void);

#endif
