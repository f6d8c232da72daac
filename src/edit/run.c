/* SPDX-License-Identifier: BSD-2-Clause */
#define _GNU_SOURCE /* pipe2, strsignal */
/* append --run: fork, execvp, wait with a timeout; see run.h. */
#include "statuslog/run.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void pause_ms(long ms)
{
    struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&t, &t) != 0 && errno == EINTR)
        ;
}

/* Waits for pid until `deadline` (0: forever); 1 when it ended. */
static int wait_until(pid_t pid, int *status, double deadline)
{
    for (;;) {
        pid_t got = waitpid(pid, status, deadline > 0 ? WNOHANG : 0);
        if (got == pid)
            return 1;
        if (got < 0 && errno != EINTR)
            return 1; /* nothing left to wait for */
        if (deadline > 0 && now() >= deadline)
            return 0;
        if (deadline > 0)
            pause_ms(10);
    }
}

slog_status slog_run(char *const argv[], double timeout, slog_run_result *r, slog_error *err)
{
    memset(r, 0, sizeof *r);
    int pipefd[2];
    if (pipe2(pipefd, O_CLOEXEC) != 0)
        return slog_error_set(err, SLOG_ERR_IO, argv[0], 0, "cannot run: %s", strerror(errno));
    double start = now();
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        close(pipefd[0]);
        close(pipefd[1]);
        return slog_error_set(err, SLOG_ERR_IO, argv[0], 0, "cannot run: %s", strerror(errno));
    }
    if (pid == 0) {
        close(pipefd[0]);
        execvp(argv[0], argv);
        int e = errno;
        ssize_t w = write(pipefd[1], &e, sizeof e); /* tell the parent why */
        (void)w;
        _exit(127);
    }
    close(pipefd[1]);
    int e = 0;
    ssize_t got;
    while ((got = read(pipefd[0], &e, sizeof e)) < 0 && errno == EINTR)
        ;
    close(pipefd[0]);
    if (got == (ssize_t)sizeof e)
        r->exec_errno = e;
    int status = 0;
    if (!wait_until(pid, &status, timeout > 0 ? start + timeout : 0)) {
        r->timed_out = 1;
        kill(pid, SIGTERM);
        if (!wait_until(pid, &status, now() + 2.0)) {
            kill(pid, SIGKILL);
            wait_until(pid, &status, 0);
        }
    }
    r->seconds = now() - start;
    if (WIFEXITED(status))
        r->exit_status = WEXITSTATUS(status);
    else if (WIFSIGNALED(status))
        r->signal = WTERMSIG(status);
    return SLOG_OK;
}

int slog_run_exit_code(const slog_run_result *r)
{
    if (r->exec_errno)
        return 127;
    if (r->timed_out)
        return 124;
    if (r->signal)
        return 128 + r->signal;
    return r->exit_status;
}

/* An argument as a shell would need it: as is when it has only safe
 * characters, else in single quotes ('\'' for a quote inside). */
static size_t shell_quote(const char *arg, char *out, size_t size)
{
    static const char safe[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
                               "_./:=@%+,-";
    size_t n = strlen(arg);
    if (n && strspn(arg, safe) == n)
        return (size_t)snprintf(out, size, "%s", arg);
    size_t o = 0;
    for (const char *p = arg; size && o + 5 < size; p++) {
        if (p == arg)
            out[o++] = '\'';
        if (!*p)
            break;
        if (*p == '\'') {
            memcpy(out + o, "'\\''", 4);
            o += 4;
        } else {
            out[o++] = *p;
        }
    }
    if (size && o + 1 < size)
        out[o++] = '\'';
    if (size)
        out[o < size ? o : size - 1] = '\0';
    return o;
}

/* The command as a code span: a fence longer than any backtick run inside. */
static int command_text(char *const argv[], const char *name, char *buf, size_t size)
{
    char cmd[1024] = "";
    size_t o = 0;
    if (name)
        o = (size_t)snprintf(cmd, sizeof cmd, "%s", name);
    for (size_t i = 0; !name && argv[i] && o + 1 < sizeof cmd; i++) {
        if (i)
            cmd[o++] = ' ';
        o += shell_quote(argv[i], cmd + o, sizeof cmd - o);
    }
    for (char *p = cmd; *p; p++)
        if (*p == '\n' || *p == '\r' || *p == '\t')
            *p = ' ';
    size_t run = 0, longest = 0;
    for (const char *p = cmd; *p; p++) {
        run = *p == '`' ? run + 1 : 0;
        if (run > longest)
            longest = run;
    }
    char fence[8] = "`";
    if (longest) {
        size_t n = longest + 1 < sizeof fence ? longest + 1 : sizeof fence - 1;
        memset(fence, '`', n);
        fence[n] = '\0';
    }
    const char *pad = longest ? " " : "";
    return snprintf(buf, size, "%s%s%s%s%s", fence, pad, cmd, pad, fence);
}

int slog_run_item(char *const argv[], const char *name, const slog_run_result *r,
                  slog_append_item *item)
{
    char cmd[1200], text[1400];
    command_text(argv, name, cmd, sizeof cmd);
    if (r->exec_errno)
        snprintf(text, sizeof text, "%s could not be started: %s", cmd, strerror(r->exec_errno));
    else if (r->timed_out)
        snprintf(text, sizeof text, "%s timed out after %.1f s", cmd, r->seconds);
    else if (r->signal)
        snprintf(text, sizeof text, "%s was killed by signal %d (%s) after %.1f s", cmd, r->signal,
                 strsignal(r->signal), r->seconds);
    else if (r->exit_status)
        snprintf(text, sizeof text, "%s failed with exit status %d after %.1f s", cmd,
                 r->exit_status, r->seconds);
    else
        snprintf(text, sizeof text, "%s passed in %.1f s", cmd, r->seconds);
    item->state = slog_run_exit_code(r) == 0 ? SLOG_STATE_DONE : SLOG_STATE_FAILED;
    item->text = strdup(text);
    return item->text ? 0 : -1;
}
