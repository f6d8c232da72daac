/* SPDX-License-Identifier: BSD-2-Clause */
/* The MCP server's framing and dispatch: any bytes as the lines of a
 * session (initialize first, then each line of the input), against a root
 * of two small logs written afresh for every input (the tools that write
 * may change them). What the server writes goes to /dev/null; the sanitizers
 * and the 16 MiB reply bound are what is tested. */
#include "fuzz.h"
#include "mcp.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char root[64];
static mcp_session session; /* opened once: its default configuration compiles patterns */

static const char PLAN[] = "# Plan\n\nDate: 2026-03-01\n\n## Status (2026-03-02)\n- ✅ done\n"
                           "- 🔜 next thing\n- [ ] box\n\n## Status (2026-03-01)\n- ⏳ late\n";
static const char LOG[] = "# Log\n\n- 2026-03-02: one\n- 2026-03-03: two ✅ x\n";
static const char INIT[] = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{"
                           "\"protocolVersion\":\"2025-11-25\"}}";

static void put(const char *name, const char *text)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", root, name);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

/* the root goes when the fuzzer ends */
static void remove_root(void)
{
    char path[128];
    snprintf(path, sizeof path, "%s/docs/log.md", root);
    unlink(path);
    snprintf(path, sizeof path, "%s/docs", root);
    rmdir(path);
    snprintf(path, sizeof path, "%s/plan.md", root);
    unlink(path);
    rmdir(root);
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    snprintf(root, sizeof root, "/tmp/statuslog-fuzz-mcp-XXXXXX");
    if (!mkdtemp(root))
        abort();
    char sub[128];
    snprintf(sub, sizeof sub, "%s/docs", root);
    mkdir(sub, 0777);
    atexit(remove_root);
    if (!freopen("/dev/null", "w", stdout)) /* stderr is libFuzzer's */
        abort();
    slog_error err;
    if (mcp_session_open(&session, root, 0, &err) != SLOG_OK)
        abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    put("plan.md", PLAN);
    put("docs/log.md", LOG);
    mcp_session *s = &session;
    s->initialized = 0;
    mcp_session_line(s, INIT, sizeof INIT - 1);
    const char *p = (const char *)data, *end = p + size;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        mcp_session_line(s, p, n);
        p += n + (nl != NULL);
    }
    return 0;
}
