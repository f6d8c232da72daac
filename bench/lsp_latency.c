/* SPDX-License-Identifier: BSD-2-Clause */
/* make bench: statuslog lsp as an editor sees it. Starts the server, opens
 * FILE, then ROUNDS times changes one line at the end (an incremental
 * didChange) and measures the time from the change to the diagnostics of
 * its version; and while such a change is being linted, the time to answer
 * a documentSymbol request (answered from the model before the change:
 * the server stays responsive). Prints "median_ms worst_ms request_ms".
 * usage: lsp_latency STATUSLOG FILE [ROUNDS] */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int to_server, from_server;
static char *buf;
static size_t have, cap;

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000 + (double)ts.tv_nsec / 1e6;
}

static void send_msg(const char *json)
{
    char head[64];
    int n = snprintf(head, sizeof head, "Content-Length: %zu\r\n\r\n", strlen(json));
    if (write(to_server, head, (size_t)n) != n || write(to_server, json, strlen(json)) < 0) {
        perror("lsp_latency: write");
        exit(2);
    }
}

/* Reads messages until one contains `needle`; returns 0, or -1 at the end. */
static int wait_for(const char *needle)
{
    for (;;) {
        char *hdr = have ? memmem(buf, have, "\r\n\r\n", 4) : NULL;
        if (hdr) {
            size_t len = strtoul(buf + 15, NULL, 10), start = (size_t)(hdr - buf) + 4;
            if (have >= start + len) {
                int found = memmem(buf + start, len, needle, strlen(needle)) != NULL;
                memmove(buf, buf + start + len, have - start - len);
                have -= start + len;
                if (found)
                    return 0;
                continue;
            }
        }
        if (have + 65536 > cap) {
            cap = cap ? 2 * cap : 1 << 20;
            buf = realloc(buf, cap);
            if (!buf)
                return -1;
        }
        ssize_t n = read(from_server, buf + have, cap - have);
        if (n <= 0)
            return -1;
        have += (size_t)n;
    }
}

static char *json_string(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t room = 1 << 20, n = 0;
    char *out = malloc(room);
    out[n++] = '"';
    int c;
    while ((c = fgetc(f)) != EOF) {
        if (n + 8 > room)
            out = realloc(out, room *= 2);
        if (c == '"' || c == '\\') {
            out[n++] = '\\';
            out[n++] = (char)c;
        } else if (c == '\n') {
            out[n++] = '\\';
            out[n++] = 'n';
        } else if (c == '\t') {
            out[n++] = '\\';
            out[n++] = 't';
        } else if (c < 0x20)
            n += (size_t)sprintf(out + n, "\\u%04x", c);
        else
            out[n++] = (char)c;
    }
    fclose(f);
    out[n++] = '"';
    out[n] = '\0';
    return out;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: lsp_latency STATUSLOG FILE [ROUNDS]\n");
        return 2;
    }
    int rounds = argc > 3 ? atoi(argv[3]) : 10;
    int in[2], out[2];
    if (pipe(in) || pipe(out))
        return 2;
    pid_t pid = fork();
    if (pid == 0) {
        dup2(in[0], 0);
        dup2(out[1], 1);
        close(in[1]);
        close(out[0]);
        execl(argv[1], argv[1], "lsp", "--no-config", (char *)NULL);
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    to_server = in[1];
    from_server = out[0];
    signal(SIGPIPE, SIG_IGN);
    char *text = json_string(argv[2]);
    if (!text)
        return 2;
    size_t lines = 0;
    for (const char *p = text; *p; p++)
        lines += p[0] == '\\' && p[1] == 'n';
    char *msg = malloc(strlen(text) + 512);
    send_msg("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}");
    sprintf(msg,
            "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":"
            "{\"uri\":\"file:///bench/log.md\",\"version\":1,\"text\":%s}}}",
            text);
    send_msg(msg);
    if (wait_for("\"version\":1,") != 0)
        return 2;
    double *ms = calloc((size_t)rounds, sizeof *ms), request_ms = 0;
    for (int r = 0; r < rounds; r++) {
        char change[512], want[64];
        snprintf(change, sizeof change,
                 "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{"
                 "\"textDocument\":{\"uri\":\"file:///bench/log.md\",\"version\":%d},"
                 "\"contentChanges\":[{\"range\":{\"start\":{\"line\":%zu,\"character\":0},"
                 "\"end\":{\"line\":%zu,\"character\":0}},\"text\":\"- note %d\\n\"}]}}",
                 r + 2, lines, lines, r);
        snprintf(want, sizeof want, "\"version\":%d,", r + 2);
        double t0 = now_ms();
        send_msg(change);
        if (r == rounds - 1) { /* a request while the change is linted */
            usleep(40 * 1000); /* past the debounce: the lint is running */
            double q = now_ms();
            send_msg("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"textDocument/documentSymbol\","
                     "\"params\":{\"textDocument\":{\"uri\":\"file:///bench/log.md\"}}}");
            if (wait_for("\"id\":7,") != 0)
                return 2;
            request_ms = now_ms() - q;
        }
        if (wait_for(want) != 0)
            return 2;
        ms[r] = now_ms() - t0;
    }
    send_msg("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"shutdown\"}");
    send_msg("{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
    close(to_server);
    waitpid(pid, NULL, 0);
    double worst = ms[rounds - 1 > 0 ? rounds - 2 : 0];
    qsort(ms, (size_t)(rounds > 1 ? rounds - 1 : 1), sizeof *ms, cmp_double);
    worst = ms[rounds > 1 ? rounds - 2 : 0];
    printf("%.1f %.1f %.1f\n", ms[(rounds - 1) / 2], worst, request_ms);
    free(ms);
    free(msg);
    free(text);
    return 0;
}
