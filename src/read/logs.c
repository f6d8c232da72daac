/* SPDX-License-Identifier: BSD-2-Clause */
/* Logs (SPEC §1 r3): the entries with the same nearest enclosing heading,
 * dated or not, in document order ("- 2025-09-27: ..." items under "## Log"
 * are one log, the "## 2025-09-27 ..." headings beside that heading
 * another), and the direction each is written in: the one whose longest
 * monotone subsequence is longer (fewer entries out of place), on a tie
 * the one most adjacent pairs go, then oldest-first — unless the
 * configuration fixes it, or the document says so before its logs
 * ("Newest first."). Also the instants entries are compared by. */
#define _GNU_SOURCE /* memmem */
#include "build_internal.h"

#include "order.h"
#include "words.h"
#include "statuslog/lint.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int slog_entry_compare(const slog_entry *a, const slog_entry *b)
{
    if (a->has_instant && b->has_instant) {
        long long x = a->instant, y = b->instant;
        if (a->precision == SLOG_PRECISION_MINUTE || b->precision == SLOG_PRECISION_MINUTE) {
            /* the coarser precision: 02:35Z equals 02:35:29Z */
            x = (x - ((x % 60) + 60) % 60) / 60;
            y = (y - ((y % 60) + 60) % 60) / 60;
        }
        return (x > y) - (x < y);
    }
    return (a->day > b->day) - (a->day < b->day);
}

typedef struct {
    int offset;
    size_t first; /* the entry where it is first met */
} zone_seen;

static int by_offset(const void *a, const void *b)
{
    const zone_seen *x = a, *y = b;
    if (x->offset != y->offset)
        return (x->offset > y->offset) - (x->offset < y->offset);
    return (x->first > y->first) - (x->first < y->first);
}

/* The offset most of the log's zoned times carry (the first met of
 * equals): 1 and *offset, or 0 when no time carries one. */
static int usual_zone(const slog_log *log, int *offset)
{
    zone_seen *z = malloc((log->nentries + 1) * sizeof *z);
    size_t n = 0;
    for (size_t i = 0; z && i < log->nentries; i++)
        if (log->entries[i]->zone_known && log->entries[i]->seconds >= 0)
            z[n++] = (zone_seen){log->entries[i]->zone_offset, i};
    if (n > 1)
        qsort(z, n, sizeof *z, by_offset);
    size_t best_count = 0, best_first = 0;
    for (size_t a = 0, b; a < n; a = b) {
        for (b = a + 1; b < n && z[b].offset == z[a].offset; b++)
            ;
        if (b - a > best_count || (b - a == best_count && z[a].first < best_first)) {
            best_count = b - a;
            best_first = z[a].first;
            *offset = z[a].offset;
        }
    }
    free(z);
    return best_count > 0;
}

/* Times without a zone take the zone most of the log's other times carry:
 * a reader of a log of "08:26 PST" headings reads its bare "10:01" as PST
 * too. Only a log without any zoned time uses the configured timezone (or
 * the machine's). */
static void instants(slog_log *log, const slog_config *cfg)
{
    int offset = 0, usual = usual_zone(log, &offset);
    for (size_t i = 0; i < log->nentries; i++) {
        slog_entry *e = log->entries[i];
        slog_entry local = *e;
        if (usual && !e->zone_known) {
            local.zone_known = 1;
            local.zone_offset = offset;
        }
        e->has_instant = slog_entry_instant(&local, cfg->timezone, &e->instant) == 0;
    }
}

/* Adjacent pairs of dated entries going back and forward in time. */
static void count_steps(const slog_log *log, size_t *back, size_t *forward)
{
    const slog_entry *prev = NULL;
    *back = *forward = 0;
    for (size_t i = 0; i < log->nentries; i++) {
        const slog_entry *e = log->entries[i];
        if (!e->date_valid)
            continue;
        if (prev) {
            int c = slog_entry_compare(prev, e);
            *back += c > 0;
            *forward += c < 0;
        }
        prev = e;
    }
}

int slog_entry_key_cmp(const slog_entry *x, const slog_entry *y)
{
    int c = strcmp(x->date, y->date);
    if (!c)
        c = strcmp(x->time ? x->time : "", y->time ? y->time : "");
    if (!c)
        c = strcmp(x->label, y->label);
    return c;
}

int slog_entry_by_key(const void *a, const void *b)
{
    const slog_entry *x = *(const slog_entry *const *)a, *y = *(const slog_entry *const *)b;
    int c = slog_entry_key_cmp(x, y);
    return c ? c : (x->index > y->index) - (x->index < y->index);
}

/* A snapshot of the state things are in, stamped with its day ("## Current
 * State (2026-04-11 — Rust-Free Self-Host)", "## 🎯 最新亮点（2026-03-12）"):
 * kept up to date where it stands, no record of the log's history. */
static int snapshot(const char *label)
{
    static const char *const words[] = {"current state",    "current status",
                                        "status as of",     "state as of",
                                        "status snapshot",  "latest highlights",
                                        "highlights",       "estado actual",
                                        "état actuel",      "aktueller stand",
                                        "aktueller status", "stato attuale",
                                        "estado atual",     "текущее состояние",
                                        "текущий статус",   "当前状态",
                                        "當前狀態",         "最新亮点",
                                        "最新亮點",         "最新进展",
                                        "現在の状況",       "現状",
                                        "현재 상태"};
    const unsigned char *t = (const unsigned char *)(label ? label : "");
    for (;;) { /* emoji, symbols and markup before the words */
        if (*t >= 0xF0 && t[1] && t[2] && t[3])
            t += 4;
        else if ((*t == 0xE2 || *t == 0xEF) && t[1] && t[2])
            t += 3;
        else if (*t && strchr("*_ #", *t))
            t++;
        else
            break;
    }
    return slog_opening_word((const char *)t, strlen((const char *)t), words,
                             sizeof words / sizeof *words, "") > 0;
}

enum { PREAMBLE_LINES = 200 };

/* The order the document's preamble (its lines before the first heading of
 * level 2 or deeper and its first entry, 200 at most) says its log is
 * written in, as a configuration would: "Append-only log … Newest first.",
 * "entries in chronological order". SLOG_ORDER_AUTO when it says none. */
static slog_order stated_order(const slog_doc *doc)
{
    static const char *const newest[] = {"newest first",
                                         "newest on top",
                                         "newest at the top",
                                         "most recent first",
                                         "latest first",
                                         "latest on top",
                                         "reverse chronological",
                                         "neueste zuerst",
                                         "neueste oben",
                                         "más reciente primero",
                                         "más recientes primero",
                                         "plus récent en premier",
                                         "plus récentes en premier",
                                         "mais recente primeiro",
                                         "новые сверху",
                                         "сначала новые"};
    static const char *const newest_cjk[] = {"最新在上", "新しい順", "최신순"};
    static const char *const oldest[] = {
        "oldest first",        "oldest on top",          "chronological order", "älteste zuerst",
        "más antiguo primero", "plus ancien en premier", "сначала старые"};
    const slog_text *t = &doc->priv->text;
    int first = doc->nentries ? doc->entries[0]->line : (int)t->nlines + 1;
    for (int l = 1; l < first && l <= PREAMBLE_LINES && (size_t)l <= t->nlines; l++) {
        size_t len;
        const char *s = slog_text_line(t, l, &len);
        if (len >= 3 && s[0] == '#' && s[1] == '#')
            break;
        if (slog_names_any(s, len, oldest, sizeof oldest / sizeof *oldest))
            return SLOG_ORDER_OLDEST_FIRST;
        if (slog_names_any(s, len, newest, sizeof newest / sizeof *newest))
            return SLOG_ORDER_NEWEST_FIRST;
        for (size_t k = 0; k < sizeof newest_cjk / sizeof *newest_cjk; k++)
            if (len >= strlen(newest_cjk[k]) &&
                memmem(s, len, newest_cjk[k], strlen(newest_cjk[k])))
                return SLOG_ORDER_NEWEST_FIRST;
    }
    return SLOG_ORDER_AUTO;
}

/* The way that leaves fewer entries out of place: two entries added at the
 * top of a long append-only log do not turn it newest-first. The
 * configuration decides first, then (for the document's top-level logs)
 * what its preamble says. */
static slog_direction direction(slog_log *log, const slog_config *cfg, slog_order stated)
{
    slog_order order = (slog_order)cfg->order;
    if (order == SLOG_ORDER_AUTO && !log->parent)
        order = stated;
    if (order == SLOG_ORDER_NEWEST_FIRST)
        return SLOG_NEWEST_FIRST;
    if (order == SLOG_ORDER_OLDEST_FIRST)
        return SLOG_OLDEST_FIRST;
    if (slog_log_sorted(log, SLOG_OLDEST_FIRST))
        return SLOG_OLDEST_FIRST;
    if (slog_log_sorted(log, SLOG_NEWEST_FIRST))
        return SLOG_NEWEST_FIRST;
    size_t oldest = 0, newest = 0;
    if (slog_log_longest(log, SLOG_OLDEST_FIRST, &oldest) != 0 ||
        slog_log_longest(log, SLOG_NEWEST_FIRST, &newest) != 0)
        oldest = newest = 0; /* out of memory: decided by the pairs */
    if (oldest != newest)
        return newest > oldest ? SLOG_NEWEST_FIRST : SLOG_OLDEST_FIRST;
    size_t back, forward;
    count_steps(log, &back, &forward);
    return back > forward ? SLOG_NEWEST_FIRST : SLOG_OLDEST_FIRST;
}

/* Heading line -> log number: open addressing over the entries' lines. */
typedef struct {
    int *line; /* 0: empty; a heading line is >= 1, the top -1 */
    size_t *log;
    size_t mask;
} log_index;

static size_t *log_slot(log_index *x, int line)
{
    uint32_t h = (uint32_t)line * 2654435761u;
    size_t i = h & x->mask;
    while (x->line[i] && x->line[i] != line)
        i = (i + 1) & x->mask;
    if (!x->line[i]) {
        x->line[i] = line;
        x->log[i] = (size_t)-1;
    }
    return &x->log[i];
}

/* An undated heading that files what follows away ("### Archive", "##
 * Older entries", "## Historial"): the entries after it, at its level under
 * the same heading, are another log than those before it — a plan's
 * current milestones, oldest first, above an archive of weeks, newest
 * first, are two runs, not one out of order. */
static int archive_title(const char *t)
{
    if (!t)
        return 0;
    /* the heading is that word: "📦 Archive", "Archive (2023)", not "Created
     * archive-notes.md"; at most three words, or any number after a key
     * ("Archived: 2025-12-20 (cleanup run 3)") */
    while (*t && (unsigned char)*t < 0x80 && !((*t | 0x20) >= 'a' && (*t | 0x20) <= 'z'))
        t++;
    while ((unsigned char)*t >= 0xF0 && t[1] && t[2] && t[3]) /* an emoji */
        t += 4;
    while (*t == ' ')
        t++;
    size_t n = strlen(t), words_in = 1;
    for (size_t i = 0; i < n; i++)
        words_in += t[i] == ' ' && i + 1 < n && t[i + 1] != ' ' && t[i + 1] != '(';
    size_t w = slog_archive_word(t, n);
    return w && (words_in <= 3 || t[w] == ':' || !strncmp(t + w, "\xEF\xBC\x9A", 3));
}

/* The key of e's log: its enclosing heading's line, or the line of the
 * archive heading (see archive_title) or of the "<summary>" it stands after. `arch` lists the
 * archive sections' indexes in document order. */
static int log_key(const slog_doc *doc, const slog_entry *e, const size_t *arch, size_t narch)
{
    int key = e->heading_line ? e->heading_line : -1;
    size_t lo = 0, hi = narch; /* the archive headings before e */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->sections[arch[mid]].line < e->line)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t k = lo; k-- > 0;) {
        const slog_section *a = &doc->sections[arch[k]];
        if (a->line <= e->heading_line)
            break;
        if (a->level == e->level) {
            key = a->line;
            break;
        }
    }
    /* a "<summary>" after that, before e and not closed before it: the
     * collapsed block e stands in */
    const int *sp = doc->priv->splits;
    lo = 0, hi = doc->priv->nsplits;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (abs(sp[mid]) < e->line)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo && sp[lo - 1] > e->heading_line && sp[lo - 1] > key)
        key = sp[lo - 1]; /* (a "</details>", negated, never is) */
    return key;
}

slog_status slog_logs_build(slog_doc *doc, const slog_config *cfg, slog_arena *arena)
{
    size_t n = doc->nentries;
    if (!n)
        return SLOG_OK;
    log_index x = {NULL, NULL, 0};
    size_t cap = 16;
    while (cap < 2 * n)
        cap *= 2;
    x.mask = cap - 1;
    x.line = calloc(cap, sizeof *x.line);
    x.log = malloc(cap * sizeof *x.log);
    size_t *log_of = malloc(n * sizeof *log_of), *count = calloc(n, sizeof *count);
    slog_status st = x.line && x.log && log_of && count ? SLOG_OK : SLOG_ERR_NOMEM;
    size_t nlogs = 0, narch = 0;
    size_t *arch = malloc((doc->nsections + 1) * sizeof *arch);
    if (!arch)
        st = SLOG_ERR_NOMEM;
    for (size_t k = 0; st == SLOG_OK && k < doc->nsections; k++)
        if (archive_title(doc->sections[k].title))
            arch[narch++] = k;
    /* log numbers in order of their first entry */
    for (size_t i = 0; st == SLOG_OK && i < n; i++) {
        /* dated list items and dated headings under one heading are two
         * logs: "## Decisions" lists "- **2026-03-04** - …" and holds the
         * "### 2026-03-03 | 60 min" days of a diary below them */
        int key = 2 * log_key(doc, doc->entries[i], arch, narch) +
                  (doc->entries[i]->kind == SLOG_ENTRY_LIST);
        size_t *slot = log_slot(&x, key);
        if (*slot == (size_t)-1)
            *slot = nlogs++;
        log_of[i] = *slot;
        count[*slot]++;
    }
    if (st == SLOG_OK && !(doc->logs = slog_arena_alloc(arena, nlogs * sizeof *doc->logs)))
        st = SLOG_ERR_NOMEM;
    for (size_t l = 0; st == SLOG_OK && l < nlogs; l++)
        if (!(doc->logs[l].entries = slog_arena_alloc(arena, count[l] * sizeof(slog_entry *))))
            st = SLOG_ERR_NOMEM;
    for (size_t i = 0; st == SLOG_OK && i < n; i++) {
        slog_entry *e = doc->entries[i];
        slog_log *log = &doc->logs[log_of[i]];
        log->parent = e->parent;
        log->heading_line = e->heading_line;
        log->entries[log->nentries++] = e;
        e->log = log;
    }
    if (st == SLOG_OK) {
        doc->nlogs = nlogs;
        for (size_t i = 0; i < n; i++)
            doc->entries[i]->snapshot = snapshot(doc->entries[i]->label);
        slog_order stated = stated_order(doc);
        for (size_t l = 0; l < nlogs; l++) {
            instants(&doc->logs[l], cfg);
            doc->logs[l].direction = direction(&doc->logs[l], cfg, stated);
        }
    }
    free(arch);
    free(x.line);
    free(x.log);
    free(log_of);
    free(count);
    return st;
}
