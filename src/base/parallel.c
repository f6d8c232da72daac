/* SPDX-License-Identifier: BSD-2-Clause */
/* A pool for one parallel loop at a time; see parallel.h. Threads are
 * started per loop: a loop is a whole command's files or one document's
 * pieces, long next to the start of a thread. */
#include "statuslog/parallel.h"

#include "worker.h"

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdlib.h>
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

/* --- in order: work on many threads, results taken one by one ------------ */

typedef struct {
    size_t n, ahead;
    size_t next;         /* the next index to hand out */
    size_t consumed;     /* indexes below it have been taken */
    unsigned char *done; /* per slot (index % ahead): its work is finished */
    void (*work)(void *ctx, size_t i);
    void *ctx;
    pthread_mutex_t lock;
    pthread_cond_t changed;
} ordered;

typedef struct {
    ordered *o;
    unsigned index;
} ordered_worker;

/* An index to work on, within `ahead` of the consumer; n when none is left. */
static size_t claim(ordered *o, int wait)
{
    while (o->next < o->n && o->next >= o->consumed + o->ahead && wait)
        pthread_cond_wait(&o->changed, &o->lock);
    if (o->next < o->n && o->next < o->consumed + o->ahead)
        return o->next++;
    return o->n;
}

static void finish(ordered *o, size_t i)
{
    o->done[i % o->ahead] = 1;
    pthread_cond_broadcast(&o->changed);
}

static void *ordered_main(void *arg)
{
    ordered_worker *w = arg;
    ordered *o = w->o;
    worker_index = w->index;
    in_loop = 1;
    pthread_mutex_lock(&o->lock);
    for (;;) {
        size_t i = claim(o, 1);
        if (i == o->n)
            break;
        pthread_mutex_unlock(&o->lock);
        o->work(o->ctx, i);
        pthread_mutex_lock(&o->lock);
        finish(o, i);
    }
    pthread_mutex_unlock(&o->lock);
    return NULL;
}

/* The calling thread takes results in order; while the next is not ready
 * it works too, or waits. */
static void consume_all(ordered *o, void (*consume)(void *ctx, size_t i))
{
    pthread_mutex_lock(&o->lock);
    while (o->consumed < o->n) {
        size_t c = o->consumed;
        if (o->done[c % o->ahead]) {
            o->done[c % o->ahead] = 0;
            pthread_mutex_unlock(&o->lock);
            consume(o->ctx, c);
            pthread_mutex_lock(&o->lock);
            o->consumed++;
            pthread_cond_broadcast(&o->changed);
            continue;
        }
        size_t i = claim(o, 0);
        if (i < o->n) {
            pthread_mutex_unlock(&o->lock);
            in_loop = 1;
            o->work(o->ctx, i);
            in_loop = 0;
            pthread_mutex_lock(&o->lock);
            finish(o, i);
        } else
            pthread_cond_wait(&o->changed, &o->lock);
    }
    pthread_mutex_unlock(&o->lock);
}

int slog_parallel_ordered(size_t n, unsigned jobs, size_t ahead, void (*work)(void *ctx, size_t i),
                          void (*consume)(void *ctx, size_t i), void *ctx)
{
    if (!jobs)
        jobs = slog_default_jobs();
    if (jobs > SLOG_MAX_JOBS)
        jobs = SLOG_MAX_JOBS;
    if (jobs > n)
        jobs = (unsigned)n;
    if (ahead < jobs)
        ahead = jobs;
    /* one thread (or one index, which then has every thread for its own
     * loops): in turn, on the calling thread */
    ordered o = {
        n, ahead, 0, 0, NULL, work, ctx, PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER};
    if (jobs <= 1 || in_loop || !(o.done = calloc(ahead, 1))) {
        for (size_t i = 0; i < n; i++) {
            work(ctx, i);
            consume(ctx, i);
        }
        return 0;
    }
    pthread_t threads[SLOG_MAX_JOBS];
    ordered_worker workers[SLOG_MAX_JOBS];
    unsigned started = 0;
    for (unsigned k = 1; k < jobs; k++) {
        workers[k] = (ordered_worker){&o, k};
        if (pthread_create(&threads[k], NULL, ordered_main, &workers[k]) != 0)
            break;
        started++;
    }
    consume_all(&o, consume);
    for (unsigned k = 1; k <= started; k++)
        pthread_join(threads[k], NULL);
    free(o.done);
    pthread_mutex_destroy(&o.lock);
    pthread_cond_destroy(&o.changed);
    return 0;
}
