/* SPDX-License-Identifier: BSD-2-Clause */
/* Running another program without a shell (proc.h). Both pipes are read as
 * they fill (poll), so a program that writes much to one never blocks on
 * the other. */
#define _GNU_SOURCE /* pipe2 */
#include "proc.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

/* stderr is a program's reason: a little of it is enough */
enum { MAX_ERRS = 64 << 10 };

int slog_run_program(const char *const argv[], slog_sink out, void *out_ctx, slog_buf *errs)
{
    int po[2], pe[2];
    if (pipe2(po, O_CLOEXEC) != 0)
        return -1;
    if (pipe2(pe, O_CLOEXEC) != 0) {
        close(po[0]);
        close(po[1]);
        return -1;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(po[1], 1);
        dup2(pe[1], 2);
        execvp(argv[0], (char *const *)argv);
        _exit(127);
    }
    close(po[1]);
    close(pe[1]);
    if (pid < 0) {
        close(po[0]);
        close(pe[0]);
        return -1;
    }
    struct pollfd fds[2] = {{po[0], POLLIN, 0}, {pe[0], POLLIN, 0}};
    int open_fds = 2, stopped = 0;
    while (open_fds) {
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        for (int i = 0; i < 2; i++) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            char chunk[65536];
            ssize_t got = read(fds[i].fd, chunk, sizeof chunk);
            if (got < 0 && errno == EINTR)
                continue;
            if (got > 0 && i == 0 && !stopped && out(out_ctx, chunk, (size_t)got) != 0)
                stopped = 1; /* read on, so that the program can end */
            if (got > 0 && i == 1 && errs && errs->len < MAX_ERRS)
                slog_buf_put(errs, chunk, (size_t)got);
            if (got > 0)
                continue;
            close(fds[i].fd);
            fds[i].fd = -1;
            open_fds--;
        }
    }
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (stopped)
        return -2;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}
