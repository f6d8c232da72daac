/* Configuration: defaults and pattern compilation. */
#include "config_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* SPEC §1: an ISO date, optionally a time and a zone, or ISO-8601 style. */
const char *const SLOG_DEFAULT_ENTRY_PATTERN =
    "(?<![0-9])(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})(?![0-9])"
    "(?:(?:T|[ \\t]+)(?<time>[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)(?![0-9:])"
    "(?:[ \\t]*(?<zone>Z|UTC|GMT|[+-][0-9]{2}:?[0-9]{2}|[A-Z]{1,3}[SD]?T)(?![A-Za-z0-9]))?)?";

static const char *const RESOLVED_PATTERN =
    "\\((?i:resolved)(?:[ \\t:]+(?i:on))?[ \\t:]*([0-9]{4}-[0-9]{2}-[0-9]{2})";

static const char *const META_PATTERN =
    "^[ \\t]*(?:\\*\\*)?([A-Za-z][A-Za-z0-9 _./&()-]{0,40}?)[ \\t]*(?::\\*\\*|\\*\\*:|:)"
    "[ \\t]+(\\S.*?)[ \\t]*$";

static const struct {
    const char *marker;
    slog_state state;
} default_markers[] = {
    {"✅", SLOG_STATE_DONE},        {"✔️", SLOG_STATE_DONE},      {"✔", SLOG_STATE_DONE},
    {"☑️", SLOG_STATE_DONE},   {"☑", SLOG_STATE_DONE},           {"🟢", SLOG_STATE_DONE},
    {"[x]", SLOG_STATE_DONE},      {"[X]", SLOG_STATE_DONE},         {"⏳", SLOG_STATE_IN_PROGRESS},
    {"🔄", SLOG_STATE_IN_PROGRESS}, {"🟡", SLOG_STATE_IN_PROGRESS}, {"🚧", SLOG_STATE_IN_PROGRESS},
    {"🔜", SLOG_STATE_NEXT},        {"➡️", SLOG_STATE_NEXT},      {"➡", SLOG_STATE_NEXT},
    {"🛑", SLOG_STATE_BLOCKED},  {"⛔", SLOG_STATE_BLOCKED},        {"🔴", SLOG_STATE_BLOCKED},
    {"🚫", SLOG_STATE_BLOCKED},     {"❌", SLOG_STATE_FAILED},         {"⚠️", SLOG_STATE_WARNING},
    {"⚠", SLOG_STATE_WARNING},     {"🟠", SLOG_STATE_WARNING},     {"[ ]", SLOG_STATE_OPEN},
};

static const char *const default_followups[] = {"follow-ups", "follow ups", "next steps",
                                                "action items"};

static size_t strip_fe0f(const char *s, size_t len)
{
    if (len >= 3 && memcmp(s + len - 3, "\xEF\xB8\x8F", 3) == 0)
        len -= 3;
    return len;
}

slog_status slog_config_add_marker(slog_config *c, const char *marker, slog_state state)
{
    slog_marker_def *m = realloc(c->markers, (c->nmarkers + 1) * sizeof *m);
    if (!m)
        return SLOG_ERR_NOMEM;
    c->markers = m;
    m += c->nmarkers;
    m->marker = strdup(marker);
    if (!m->marker)
        return SLOG_ERR_NOMEM;
    m->keylen = strip_fe0f(marker, strlen(marker));
    m->key = m->marker; /* compared over keylen bytes */
    m->state = state;
    c->nmarkers++;
    return SLOG_OK;
}

slog_state slog_config_marker_state(const slog_config *c, const char *marker, size_t len)
{
    len = strip_fe0f(marker, len);
    for (size_t i = c->nmarkers; i-- > 0;) /* later definitions win */
        if (c->markers[i].keylen == len && memcmp(c->markers[i].key, marker, len) == 0)
            return c->markers[i].state;
    return SLOG_STATE_NOTE;
}

static int by_length_desc(const void *a, const void *b)
{
    const slog_marker_def *x = a, *y = b;
    return (x->keylen < y->keylen) - (x->keylen > y->keylen);
}

/* "^(?:\*\*)?[ \t]*((?:m1|m2|...)\x{FE0F}?)" with every marker quoted, longest first
 * so that "✔️" wins over "✔". */
static char *marker_pattern(const slog_config *c)
{
    slog_marker_def *sorted = malloc((c->nmarkers ? c->nmarkers : 1) * sizeof *sorted);
    size_t cap = 64;
    for (size_t i = 0; i < c->nmarkers; i++)
        cap += 2 * c->markers[i].keylen + 1;
    char *p = malloc(cap);
    if (!sorted || !p) {
        free(sorted);
        free(p);
        return NULL;
    }
    memcpy(sorted, c->markers, c->nmarkers * sizeof *sorted);
    qsort(sorted, c->nmarkers, sizeof *sorted, by_length_desc);
    size_t o = (size_t)sprintf(p, "^(?:\\*\\*)?[ \\t]*((?:");
    for (size_t i = 0; i < c->nmarkers; i++) {
        if (i)
            p[o++] = '|';
        for (size_t k = 0; k < sorted[i].keylen; k++) {
            unsigned char ch = (unsigned char)sorted[i].key[k];
            if (ch < 0x80 &&
                !((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z')))
                p[o++] = '\\';
            p[o++] = (char)ch;
        }
    }
    if (!c->nmarkers)
        o += (size_t)sprintf(p + o, "(*FAIL)");
    sprintf(p + o, ")(?:\\x{FE0F})?)");
    free(sorted);
    return p;
}

slog_status slog_config_compile(slog_config *c, const char *entry_pattern, slog_error *err)
{
    slog_regex_free(&c->entry_re);
    slog_regex_free(&c->marker_re);
    slog_regex_free(&c->resolved_re);
    slog_regex_free(&c->meta_re);
    slog_status st = slog_regex_compile(&c->entry_re, entry_pattern, 0, "entry_pattern", err);
    if (st != SLOG_OK)
        return st;
    c->g_date = slog_regex_group_number(&c->entry_re, "date");
    c->g_time = slog_regex_group_number(&c->entry_re, "time");
    c->g_zone = slog_regex_group_number(&c->entry_re, "zone");
    if (c->g_date < 0)
        return slog_error_set(err, SLOG_ERR_INVALID, NULL, 0,
                              "entry_pattern: no named group 'date'");
    char *mp = marker_pattern(c);
    if (!mp)
        return slog_error_set(err, SLOG_ERR_NOMEM, NULL, 0, "out of memory");
    st = slog_regex_compile(&c->marker_re, mp, 0, "markers", err);
    free(mp);
    if (st == SLOG_OK)
        st = slog_regex_compile(&c->resolved_re, RESOLVED_PATTERN, 0, "resolved", err);
    if (st == SLOG_OK)
        st = slog_regex_compile(&c->meta_re, META_PATTERN, 0, "metadata", err);
    return st;
}

slog_status slog_config_new_default(slog_config **out, slog_error *err)
{
    *out = NULL;
    slog_config *c = calloc(1, sizeof *c);
    if (!c)
        return slog_error_set(err, SLOG_ERR_NOMEM, NULL, 0, "out of memory");
    slog_status st = SLOG_OK;
    for (size_t i = 0; st == SLOG_OK && i < sizeof default_markers / sizeof *default_markers; i++)
        st = slog_config_add_marker(c, default_markers[i].marker, default_markers[i].state);
    size_t nf = sizeof default_followups / sizeof *default_followups;
    c->followup_headings = calloc(nf, sizeof *c->followup_headings);
    if (!c->followup_headings)
        st = SLOG_ERR_NOMEM;
    for (size_t i = 0; st == SLOG_OK && i < nf; i++) {
        c->followup_headings[i] = strdup(default_followups[i]);
        if (!c->followup_headings[i])
            st = SLOG_ERR_NOMEM;
        c->nfollowup_headings++;
    }
    c->stale_days = 14;
    for (int r = 0; r < SLOG_RULE_COUNT; r++)
        c->severity[r] = slog_rule_get((slog_rule)r)->severity;
    if (st != SLOG_OK) {
        slog_config_free(c);
        return slog_error_set(err, st, NULL, 0, "out of memory");
    }
    st = slog_config_compile(c, SLOG_DEFAULT_ENTRY_PATTERN, err);
    if (st != SLOG_OK) {
        slog_config_free(c);
        return st;
    }
    *out = c;
    return SLOG_OK;
}

void slog_config_free(slog_config *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->nmarkers; i++)
        free(c->markers[i].marker);
    free(c->markers);
    for (size_t i = 0; i < c->nfollowup_headings; i++)
        free(c->followup_headings[i]);
    free(c->followup_headings);
    free(c->timezone);
    free(c->path);
    slog_regex_free(&c->entry_re);
    slog_regex_free(&c->marker_re);
    slog_regex_free(&c->resolved_re);
    slog_regex_free(&c->meta_re);
    free(c);
}

int slog_config_stale_days(const slog_config *c)
{
    return c->stale_days;
}

const char *slog_config_timezone(const slog_config *c)
{
    return c->timezone;
}

slog_severity slog_config_severity(const slog_config *c, slog_rule rule)
{
    return (unsigned)rule < SLOG_RULE_COUNT ? c->severity[rule] : SLOG_SEV_OFF;
}

const char *slog_config_path(const slog_config *c)
{
    return c->path;
}

slog_status slog_config_emit(const slog_config *c, slog_diags *out, slog_rule rule,
                             const char *file, int line, const char *fmt, va_list ap)
{
    slog_severity sev = c->severity[rule];
    if (sev == SLOG_SEV_OFF)
        return SLOG_OK;
    char msg[1024];
    vsnprintf(msg, sizeof msg, fmt, ap);
    return slog_diags_add(out, rule, sev, file, line, "%s", msg);
}
