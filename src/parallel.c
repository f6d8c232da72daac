/* SPDX-License-Identifier: BSD-2-Clause */
/* A pool for one parallel loop at a time; see parallel.h. Threads are
 * started per loop: a loop is a whole command's files or one document's
 * pieces, long next to the start of a thread. */
#include "statuslog/parallel.h"

#include "worker.h"

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <unistd.h>

static _Thread_local unsigned worker_index;
static _Thread_local int in_loop; /* this thread runs calls of a parallel loop */

unsigned slog_worker_index(void)
{
    return worker_index;
}

unsigned slog_default_jobs(void)
{
    long n = 0;
#ifdef CPU_COUNT
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0)
        n = CPU_COUNT(&set);
#endif
    if (n <= 0)
        n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1u : n > SLOG_MAX_JOBS ? SLOG_MAX_JOBS : (unsigned)n;
}

typedef struct {
    size_t n;
    atomic_size_t next;
    void (*fn)(void *ctx, size_t i);
    void *ctx;
} loop;

typedef struct {
    loop *l;
    unsigned index;
} worker;

static void drain(loop *l)
{
    for (;;) {
        size_t i = atomic_fetch_add(&l->next, 1);
        if (i >= l->n)
            return;
        l->fn(l->ctx, i);
    }
}

static void *worker_main(void *arg)
{
    worker *w = arg;
    worker_index = w->index;
    in_loop = 1;
    drain(w->l);
    return NULL;
}

int slog_parallel_for(size_t n, unsigned jobs, void (*fn)(void *ctx, size_t i), void *ctx)
{
    loop l = {n, 0, fn, ctx};
    if (!jobs)
        jobs = slog_default_jobs();
    if (jobs > SLOG_MAX_JOBS)
        jobs = SLOG_MAX_JOBS;
    if (jobs > n)
        jobs = (unsigned)n;
    /* A loop inside a loop runs on its thread alone: the indexes of the
     * outer loop's threads are taken. */
    if (jobs <= 1 || in_loop) {
        drain(&l);
        return 0;
    }
    pthread_t threads[SLOG_MAX_JOBS];
    worker workers[SLOG_MAX_JOBS];
    unsigned started = 0;
    for (unsigned k = 1; k < jobs; k++) {
        workers[k] = (worker){&l, k};
        if (pthread_create(&threads[started + 1], NULL, worker_main, &workers[k]) != 0)
            break;
        started++;
    }
    in_loop = 1;
    drain(&l);
    in_loop = 0;
    for (unsigned k = 1; k <= started; k++)
        pthread_join(threads[k], NULL);
    return started + 1 == jobs ? 0 : (started ? 0 : -1);
}
