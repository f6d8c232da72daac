/* SPDX-License-Identifier: BSD-2-Clause */
/* append's planner and splicer, in memory: a document (the first part) and a
 * request made from the second: its first bytes choose a date, a label and
 * the states; its lines are the items' texts. The result must read back. */
#include "fuzz.h"

#include <stdlib.h>

static const char *const DATES[] = {NULL,
                                    "2026-03-09",
                                    "2026-03-10",
                                    "2025-01-01",
                                    "2026-03-09T14:00",
                                    "2026-03-09T09:30Z",
                                    "2026-03-10 08:00 MDT",
                                    "2099-12-31"};
static const char *const LABELS[] = {NULL,   "Status",   "Deploy", "",
                                     "<!--", "Progress", "a *b*",  "Run"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *doc, *req;
    size_t dlen, rlen;
    fuzz_split(data, size, &doc, &dlen, &req, &rlen);
    unsigned char pick = rlen ? (unsigned char)req[0] : 0;
    char *texts = malloc(rlen + 1);
    if (!texts)
        return 0;
    memcpy(texts, req, rlen);
    texts[rlen] = '\0';
    slog_append_item items[8];
    size_t n = 0;
    for (char *p = rlen ? texts + 1 : texts; *p && n < 8;) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        items[n].state = (slog_state)((unsigned char)*p % SLOG_STATE_COUNT);
        if (items[n].state == SLOG_STATE_OPEN)
            items[n].state = SLOG_STATE_NOTE;
        items[n++].text = p;
        if (!nl)
            break;
        p = nl + 1;
    }
    slog_append_request r = {DATES[pick & 7], LABELS[(pick >> 3) & 7], items, n};
    slog_append_options o = {SLOG_APPEND_OPTIONS_VERSION, fuzz_config(), pick >> 7, "fuzz.md"};
    char *out;
    size_t out_len;
    slog_append_summary sum;
    slog_error err;
    if (slog_append_buffer(doc, dlen, &r, &o, &out, &out_len, &sum, &err) == SLOG_OK) {
        slog_doc *d;
        if (slog_parse_buffer(out, out_len, NULL, &d, &err) != SLOG_OK)
            abort(); /* what append wrote must read back */
        slog_doc_free(d);
        free(out);
    }
    free(texts);
    return 0;
}
