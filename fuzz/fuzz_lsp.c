/* SPDX-License-Identifier: BSD-2-Clause */
/* The LSP server's framing and dispatch: an initialized session that opens
 * a small log, then any bytes as what the client sends (frames or not), in
 * two pieces (a frame may be cut anywhere), then every lint due; linting
 * runs in the same thread (no background thread in the fuzzer). What the
 * server writes goes to /dev/null: the sanitizers are what is tested. */
#include "fuzz.h"
#include "lsp.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

static const char OPEN[] =
    "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{"
    "\"uri\":\"file:///fuzz/plan.md\",\"version\":1,\"text\":\"# Plan\\n\\n## Status "
    "(2026-03-02)\\n- \\u2705 done\\n- \\ud83d\\udd1c next thing\\n- [ ] box\\n\\n## Status "
    "(2026-03-01)\\n- \\u23f3 late\\n\"}}}";
static const char INIT[] = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{}}";

static FILE *sink;

static void send_frame(lsp_server *s, const char *json)
{
    char head[64];
    int n = snprintf(head, sizeof head, "Content-Length: %zu\r\n\r\n", strlen(json));
    lsp_server_feed(s, head, (size_t)n);
    lsp_server_feed(s, json, strlen(json));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!sink)
        sink = fopen("/dev/null", "w");
    lsp_server *s = lsp_server_new(sink, 0);
    if (!s)
        return 0;
    lsp_server_configs(s)->disabled = 1; /* the defaults: nothing is read from disk */
    lsp_server_set_today(s, 20530);      /* 2026-03-18 */
    send_frame(s, INIT);
    send_frame(s, OPEN);
    size_t half = size / 2;
    if (!lsp_server_feed(s, (const char *)data, half))
        lsp_server_feed(s, (const char *)data + half, size - half);
    lsp_server_tick(s, 0, 1);
    lsp_server_free(s);
    return 0;
}
