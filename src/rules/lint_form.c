/* SPDX-License-Identifier: BSD-2-Clause */
/* open-checklist: a form left to fill in. A section with blanks to fill
 * ("- 开始：____", "| 识别准确率 | ≥ 90% | ____ |", "Total: ____ hours") is a
 * template the author copies or completes later: its boxes ("- [ ] Step
 * 4.1 ✅") are the form's, no open work. */
#include "lint_internal.h"

#include "doc_internal.h"

#include <string.h>

enum { FORM_BLANKS = 2 }; /* lines with a blank: one may be a rule of underscores */

/* A run of three underscores or more that stands alone: a blank to fill in
 * (not "__init__" or "snake_case_name"). */
static int has_blank(const char *s, size_t len)
{
    for (size_t i = 0; i + 3 <= len; i++) {
        if (s[i] != '_' || (i && s[i - 1] == '_'))
            continue;
        size_t n = 0;
        while (i + n < len && s[i + n] == '_')
            n++;
        int alone_before =
            !i || !((s[i - 1] | 0x20) >= 'a' && (s[i - 1] | 0x20) <= 'z') || s[i - 1] == ' ';
        unsigned char after = i + n < len ? (unsigned char)s[i + n] : ' ';
        int alone_after =
            !((after | 0x20) >= 'a' && (after | 0x20) <= 'z') && !(after >= '0' && after <= '9');
        int digit_before = i && s[i - 1] >= '0' && s[i - 1] <= '9';
        if (n >= 3 && alone_before && alone_after && !digit_before)
            return 1;
        i += n;
    }
    return 0;
}

/* Lines with a blank in section k (to the next heading of its level or
 * above), FORM_BLANKS at most. */
static int blanks_in(const slog_doc *d, size_t k)
{
    int last = (int)d->nlines;
    for (size_t j = k + 1; j < d->nsections; j++)
        if (d->sections[j].level <= d->sections[k].level) {
            last = d->sections[j].line - 1;
            break;
        }
    int n = 0;
    for (int line = d->sections[k].line + 1; line <= last && n < FORM_BLANKS; line++) {
        size_t len, level = 0;
        const char *s = slog_text_line(&d->priv->text, line, &len);
        while (s && level < len && s[level] == '#')
            level++;
        if (level && level < len && s[level] == ' ' && (int)level <= d->sections[k].level)
            break; /* a dated heading of its level (sections are the undated ones) */
        n += s && has_blank(s, len);
    }
    return n;
}

int lint_in_form(const slog_doc *d, int line, unsigned char *cache)
{
    /* a dated record is filled in: no section above its heading counts */
    const slog_entry *e = slog_doc_entry_at(d, line);
    while (e && e->kind != SLOG_ENTRY_HEADING)
        e = e->parent;
    int record = e ? e->line : 0;
    lint_enclosing w;
    lint_enclosing_start(d, line, &w);
    for (const slog_section *sec; (sec = lint_enclosing_next(d, &w)) != NULL;) {
        size_t k = (size_t)(sec - d->sections);
        if (sec->line < record || (d->title && sec->line == d->title_line))
            return 0; /* the title's section holds everything */
        if (!cache[k])
            cache[k] = blanks_in(d, k) >= FORM_BLANKS ? 2 : 1;
        if (cache[k] == 2)
            return 1;
    }
    return 0;
}
