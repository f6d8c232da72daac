/* SPDX-License-Identifier: BSD-2-Clause */
/* Whether a marked item is work (SPEC §1 r3): a marker is a state only on a
 * task or a result; a figure, a statement of what was not done on purpose,
 * a rated priority and a record's field are notes. */
#include "build_internal.h"
#include "words.h"

#include <string.h>
#include <strings.h>

/* A marker is a state only where the item is a task or a result (SPEC §1
 * r3). One that rates a figure is a metric: "🔴 **Critical issues**: 3",
 * "❌ 0 failures" (a number first, or a short key and a number); one on a
 * statement of what was deliberately not done is a statement: "❌ NO code
 * changes made", "⏳ None blocking", any item under a heading such as "###
 * No Changes Made"; so is a check's keyed reading that a thing is absent
 * ("❌ Direction file: … — Does not exist"). Both are notes: a lead must never see them as blocked
 * or failed work. `t` is the text after the marker. */
static int figure_first(const char *t, size_t len)
{
    size_t i = 0;
    while (i < len && strchr("*_ <>~+$", t[i]))
        i++;
    size_t d = i;
    while (d < len && t[d] >= '0' && t[d] <= '9')
        d++;
    if (d == i)
        return 0;
    /* "10:30 standup", "2026-03-09 deploy", "3/9": a time or a date */
    return !(d + 1 < len && strchr(":-/", t[d]) && t[d + 1] >= '0' && t[d + 1] <= '9');
}

int build_metric(const char *t, size_t len)
{
    if (figure_first(t, len))
        return 1;
    /* a short key (words, not a time), then a colon and a figure:
     * "**Critical Issues**: 3 (...)" */
    size_t k = 0;
    while (k < len && strchr("*_ ", t[k]))
        k++;
    if (k < len && t[k] >= '0' && t[k] <= '9')
        return 0;
    size_t i = 0, words = 0;
    int in_word = 0;
    for (; i < len && t[i] != ':' && t[i] != '\n'; i++) {
        int w = !strchr(" *_", t[i]);
        words += w && !in_word;
        in_word = w;
    }
    /* the colon ends the key ("against :8080" is a port) and a space
     * follows it ("at 02:47Z" is a time) */
    if (!(i < len && t[i] == ':' && words >= 1 && words <= 4 && i && t[i - 1] != ' ' &&
          i + 1 < len && (t[i + 1] == ' ' || t[i + 1] == '*') &&
          figure_first(t + i + 1, len - i - 1)))
        return 0;
    /* a key that says what went wrong is a result, not a figure's name:
     * "❌ API health check failed: 503 from the EU load balancer" */
    static const char *const wrong[] = {"failed",  "failing",   "fails",   "broken",     "down",
                                        "crashed", "timed out", "refused", "unreachable"};
    return !slog_names_any(t, i, wrong, sizeof wrong / sizeof *wrong);
}

static int word_at(const char *t, size_t len, const char *w)
{
    size_t n = strlen(w);
    return len >= n && !strncmp(t, w, n) &&
           (len == n || !((t[n] | 0x20) >= 'a' && (t[n] | 0x20) <= 'z'));
}

/* t opens with one of the words, in any case, as a whole word. */
static int starts_with_any(const char *t, size_t len, const char *const *words, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        size_t w = strlen(words[k]);
        if (len >= w && !strncasecmp(t, words[k], w) &&
            (len == w || !((t[w] | 0x20) >= 'a' && (t[w] | 0x20) <= 'z')))
            return 1;
    }
    return 0;
}

int build_statement(builder *b, slog_state state, const char *t, size_t len)
{
    size_t i = 0;
    while (i < len && strchr("*_ ", t[i]))
        i++;
    t += i;
    len -= i;
    if (word_at(t, len, "NO") || word_at(t, len, "None") || word_at(t, len, "NONE") ||
        word_at(t, len, "Nothing"))
        return 1;
    /* "❌ NÃO alterar o esquema", "❌ NICHT ändern", "❌ NUNCA …": what must
     * not be done, written in capitals */
    static const char *const must_not[] = {"NÃO",    "NUNCA",   "NICHT", "NIE",    "NE PAS", "NON",
                                           "JAMAIS", "NIEMALS", "NEVER", "DO NOT", "DON'T"};
    for (size_t k = 0; k < sizeof must_not / sizeof *must_not; k++)
        if (!strncmp(t, must_not[k], strlen(must_not[k])) &&
            (len == strlen(must_not[k]) || t[strlen(must_not[k])] == ' '))
            return 1;
    static const char *const no_what[] = {"No code",    "No changes", "No files", "No edits",
                                          "No commits", "No action",  "No new"};
    for (size_t k = 0; k < sizeof no_what / sizeof *no_what; k++)
        if (word_at(t, len, no_what[k]))
            return 1;
    /* "No shared code deleted", "No data lost", "No regressions introduced":
     * what a change was kept from doing, its participle in the clause */
    static const char *const kept_from[] = {"deleted",  "affected", "changed",   "modified",
                                            "touched",  "removed",  "broken",    "lost",
                                            "impacted", "altered",  "introduced"};
    if (word_at(t, len, "No")) {
        size_t end = 0, words = 0;
        while (end < len && words < 8 && !strchr(".;:,(\n", t[end]))
            words += t[end++] == ' ';
        if (slog_names_any(t, end, kept_from, sizeof kept_from / sizeof *kept_from))
            return 1;
    }
    /* a stop someone chose: "❌ **Pacifica LIVE:** STOPPED (was PID 71643)",
     * "⛔ Paused deploys until Monday" (a short key may come first) */
    size_t v = 0;
    while (v < len && v < 40 && t[v] != ':')
        v++;
    v = v < len && t[v] == ':' ? v + 1 : 0;
    while (v < len && strchr("*_ ", t[v]))
        v++;
    static const char *const stops[] = {"stopped",   "paused",     "disabled",    "halted",
                                        "shut down", "turned off", "switched off"};
    /* with a ❌: a removal made, a rule set, work put off on purpose ("❌
     * Removed unused method", "❌ Do NOT change the schema", "❌ flag NOT
     * implemented (deferred to v0.6)") */
    static const char *const on_purpose[] = {"removed", "deleted", "dropped", "do not",
                                             "don't",   "never",   "avoid"};
    static const char *const put_off[] = {"deferred", "postponed", "out of scope",
                                          "won't do", "wontfix",   "by design"};
    /* a reading of a check, keyed, that something is absent: "❌ Quality
     * direction file: `…/direction.md` — Does not exist" (a poll's
     * finding, not work that failed) */
    static const char *const absent[] = {"does not exist", "doesn't exist", "not found",
                                         "not present",    "no such",       "missing"};
    static const char *const went_wrong[] = {"failed", "failing", "fails",
                                             "broken", "error",   "crashed"};
    if (state == SLOG_STATE_FAILED && v &&
        slog_names_any(t + v, len - v, absent, sizeof absent / sizeof *absent) &&
        !slog_names_any(t, v, went_wrong, sizeof went_wrong / sizeof *went_wrong))
        return 1; /* "❌ Build failed: missing header" stays a failure */
    if (state == SLOG_STATE_FAILED &&
        (slog_names_any(t, len, put_off, sizeof put_off / sizeof *put_off) ||
         starts_with_any(t + v, len - v, on_purpose, sizeof on_purpose / sizeof *on_purpose)))
        return 1;
    for (size_t k = 0; k < sizeof stops / sizeof *stops; k++) {
        size_t n = strlen(stops[k]);
        if (len - v >= n && !strncasecmp(t + v, stops[k], n) &&
            (len - v == n || !((t[v + n] | 0x20) >= 'a' && (t[v + n] | 0x20) <= 'z')))
            return 1;
    }
    /* "### No Changes Made", "## Not done (on purpose)", "## Out of scope" */
    heading_frame *h = build_innermost_heading(b);
    const char *title = h ? h->title : "";
    while (*title && !((*title | 0x20) >= 'a' && (*title | 0x20) <= 'z'))
        title++;
    return word_at(title, strlen(title), "No") || word_at(title, strlen(title), "Not") ||
           word_at(title, strlen(title), "Nothing") || !strncasecmp(title, "Out of scope", 12) ||
           !strncasecmp(title, "Non-goals", 9);
}

/* A colour that rates priority, not progress: "🔴 HIGH: Implement account
 * lockout", "🟢 **LOW**: health check", "🟡 P2 — logging" (SPEC §1 r3: a
 * marker is a state only on a task or a result). The item is a task whose
 * state its caption or heading gives; on its own, a note: a plan's red line
 * is not blocked work, its green one not work done; so is a colour in a
 * list its caption or heading ranks ("#### Priority Tasks"). */
int build_is_colour(const char *marker)
{
    static const char *const colours[] = {"🔴", "🟠", "🟡", "🟢", "🔵",    "🟣", "🟤", "⚪",
                                          "⚫", "🟥", "🟧", "🟨", "🟩", "🟦", "🟪"};
    for (size_t k = 0; k < sizeof colours / sizeof *colours; k++)
        if (!strncmp(marker, colours[k], strlen(colours[k])))
            return 1;
    return 0;
}

/* A colour before a field of a record ("🟢 **Plan für morgen:** Logos
 * einbinden", "🟢 **Pacifica Test B:** RUNNING"): a bullet that dresses the
 * field, or a reading's light — no work done. A bold key of four words
 * at most and its colon. */
size_t build_bold_key(const char *t, size_t len, const char **key, size_t *key_len, size_t *value)
{
    size_t i = 0;
    while (i < len && t[i] == ' ')
        i++;
    if (i + 2 > len || strncmp(t + i, "**", 2))
        return 0;
    size_t c = i + 2;
    while (c + 1 < len && !(t[c] == '*' && t[c + 1] == '*'))
        c++;
    if (c + 1 >= len || c == i + 2) /* no closing "**", or nothing in it */
        return 0;
    int inside = t[c - 1] == ':';
    if (!inside && !(c + 2 < len && t[c + 2] == ':'))
        return 0;
    size_t words = 0;
    for (size_t q = i + 2; q < c; q++)
        words += t[q] != ' ' && (q == i + 2 || t[q - 1] == ' ');
    if (key)
        *key = t + i + 2;
    if (key_len)
        *key_len = c - i - 2 - (size_t)inside;
    if (value) {
        size_t v = c + 2 + (size_t)!inside;
        while (v < len && t[v] == ' ')
            v++;
        *value = v;
    }
    return words;
}

int build_keyed_field(const char *t, size_t len)
{
    size_t words = build_bold_key(t, len, NULL, NULL, NULL);
    return words && words <= 4;
}

/* The item opens with a priority: a word that rates it, set apart from
 * the task ("HIGH:", "**LOW** -", "(Medium)", "P2 —", "High priority") —
 * "🟢 Low latency on the new index" is a result. */
int build_rates_priority(const char *t, size_t len)
{
    size_t i = 0;
    while (i < len && strchr("*_[( ", t[i]))
        i++;
    static const char *const rates[] = {
        "high", "medium", "med", "low", "priority", "urgent", "alta", "baja", "hoch", "mittel",
        "niedrig", "haute", "moyenne", "basse", "高优先级", "中优先级", "低优先级", "优先级",
        "優先度", "高優先度", "中優先度", "低優先度", "高優先級", "中優先級", "低優先級", "높음",
        "중간", "낮음",
        /* a severity: "🔴 Critical — anonymous users could edit scores" */
        "critical", "severe", "major", "minor", "crítico", "kritisch", "critique", "심각", "긴급",
        "严重", "重大"};
    size_t w = 0;
    if (len - i >= 2 && (t[i] | 0x20) == 'p' && t[i + 1] >= '0' && t[i + 1] <= '4')
        w = 2;
    for (size_t k = 0; !w && k < sizeof rates / sizeof *rates; k++)
        if (starts_with_any(t + i, len - i, rates + k, 1))
            w = strlen(rates[k]);
    if (!w)
        return 0;
    i += w;
    int bracketed = 0;
    for (; i < len && strchr("*_)] ", t[i]); i++)
        bracketed |= t[i] == ')' || t[i] == ']';
    if (bracketed)
        return 1; /* "(Medium) logging", "[P1] metrics" */
    static const char *const apart[] = {":", "-", "|", "—", "–", "·", "/"};
    for (size_t k = 0; k < sizeof apart / sizeof *apart; k++)
        if (!strncmp(t + i, apart[k], strlen(apart[k])))
            return 1;
    static const char *const prio[] = {"priority", "prio"};
    return i == len || starts_with_any(t + i, len - i, prio, 2);
}
