/* SPDX-License-Identifier: BSD-2-Clause */
/* Runs a command and prints its wall time in seconds, peak RSS in MiB, exit
 * status and CPU time (user + system, all its threads) in seconds:
 * "SECONDS MAXRSS_MIB EXIT CPU_SECONDS". CPU time is what the tests compare:
 * other work on the machine does not stretch it as it stretches wall time. stdout of the command
 * goes to /dev/null unless MEASURE_KEEP_STDOUT is set. usage: measure COMMAND [ARG]... */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: measure COMMAND [ARG]...\n");
        return 2;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid_t pid = fork();
    if (pid == 0) {
        if (!getenv("MEASURE_KEEP_STDOUT")) {
            int fd = open("/dev/null", O_WRONLY);
            dup2(fd, 1);
        }
        execvp(argv[1], argv + 1);
        _exit(127);
    }
    int status;
    struct rusage ru;
    if (pid < 0 || wait4(pid, &status, 0, &ru) < 0)
        return 2;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    double cpu = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
                 (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
    printf("%.3f %.1f %d %.3f\n", secs, (double)ru.ru_maxrss / 1024.0,
           WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), cpu);
    return 0;
}
