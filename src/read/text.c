/* SPDX-License-Identifier: BSD-2-Clause */
/* Decoding stage; see text.h. */
#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct codec_pair {
    uint16_t cp;
    uint8_t byte;
};
#include "codec_tables.h"

static const char REPLACEMENT[] = "\xEF\xBF\xBD"; /* U+FFFD */

size_t slog_utf8_valid_len(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    size_t need;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        need = 1;
    else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else
        return 0;
    if (n < need + 1 || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i <= need; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    return need + 1;
}

size_t slog_utf8_prefix(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        size_t k = slog_utf8_valid_len(u + i, n - i);
        if (!k)
            break;
        i += k;
    }
    return i;
}

size_t slog_utf8_cut(const char *s, size_t n, size_t max)
{
    if (n <= max)
        return n;
    /* s[max] continues the character before it: back to that one's start
     * (three bytes at most: other bytes are no UTF-8 to keep whole) */
    for (size_t back = 0; back < 3 && max && ((unsigned char)s[max] & 0xC0) == 0x80; back++)
        max--;
    return max;
}

/* Length of the maximal invalid subpart at s (at least 1), so that one bad
 * sequence counts and is replaced once, as WHATWG's decoder does. */
static size_t invalid_len(const unsigned char *s, size_t n)
{
    size_t i = 1;
    if (s[0] >= 0xC2 && s[0] <= 0xF4)
        while (i < n && i < 3 && (s[i] & 0xC0) == 0x80)
            i++;
    return i;
}

static uint32_t decode_cp(const unsigned char *s, size_t len)
{
    switch (len) {
    case 1:
        return s[0];
    case 2:
        return ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
    case 3:
        return ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    default:
        return ((uint32_t)(s[0] & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
               ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
    }
}

static size_t encode_cp(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
}

static int codec_byte(slog_mojibake kind, uint32_t cp, unsigned char *out)
{
    const struct codec_pair *t = kind == SLOG_MOJIBAKE_MAC_ROMAN ? mac_roman_rev : cp1252_rev;
    size_t lo = 0, hi = 128;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (t[mid].cp == cp) {
            *out = t[mid].byte;
            return 1;
        }
        if (t[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

static int is_valid_utf8(const char *s, size_t len, int *has_multibyte)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    *has_multibyte = 0;
    while (i < len) {
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        size_t n = slog_utf8_valid_len(p + i, len - i);
        if (!n)
            return 0;
        *has_multibyte = 1;
        i += n;
    }
    return 1;
}

char *slog_mojibake_repair(const char *s, size_t len, slog_mojibake kind, size_t *out_len,
                           int *nomem)
{
    const unsigned char *p = (const unsigned char *)s;
    *nomem = 0;
    char *out = malloc(len + 1);
    if (!out) {
        *nomem = 1;
        return NULL;
    }
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        if (p[i] < 0x80) {
            out[o++] = (char)p[i++];
            continue;
        }
        size_t n = slog_utf8_valid_len(p + i, len - i);
        unsigned char b;
        if (!n || !codec_byte(kind, decode_cp(p + i, n), &b)) {
            free(out);
            return NULL;
        }
        out[o++] = (char)b;
        i += n;
    }
    int multibyte;
    if (!is_valid_utf8(out, o, &multibyte) || !multibyte) {
        free(out);
        return NULL;
    }
    out[o] = '\0';
    *out_len = o;
    return out;
}

char *slog_mojibake_encode(const char *s, size_t len, slog_mojibake kind, size_t *out_len)
{
    const uint16_t *fwd = kind == SLOG_MOJIBAKE_MAC_ROMAN ? mac_roman_fwd : cp1252_fwd;
    if (len > (SIZE_MAX - 1) / 3)
        return NULL;
    char *out = malloc(len * 3 + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char b = (unsigned char)s[i];
        o += b < 0x80 ? encode_cp(b, out + o) : encode_cp(fwd[b - 0x80], out + o);
    }
    out[o] = '\0';
    *out_len = o;
    return out;
}

/* One pass over the bytes: line breaks, invalid sequences, NUL bytes. */
typedef struct {
    size_t lf, crlf, cr, invalid, nul, nonascii;
    slog_eol first_eol;
    int first_invalid_line;
} scan_result;

static void scan(const unsigned char *p, size_t len, scan_result *r)
{
    memset(r, 0, sizeof *r);
    r->first_eol = SLOG_EOL_LF;
    int line = 1;
    int seen_eol = 0;
    for (size_t i = 0; i < len;) {
        /* Fast path: eight printable ASCII bytes at a time. */
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, p + i, 8);
            /* A byte >= 0x80 or < 0x20 (control, CR, LF, NUL) stops it; a false
             * alarm only sends the bytes through the exact path below. */
            if ((w | ((w - 0x2020202020202020ull) & ~w)) & 0x8080808080808080ull)
                break;
            i += 8;
        }
        if (i >= len)
            break;
        unsigned char c = p[i];
        if (c >= 0x20 && c < 0x80) {
            i++;
            continue;
        }
        if (c == '\n' || c == '\r') {
            slog_eol kind = SLOG_EOL_LF;
            if (c == '\r' && i + 1 < len && p[i + 1] == '\n') {
                kind = SLOG_EOL_CRLF;
                r->crlf++;
                i++;
            } else if (c == '\r') {
                kind = SLOG_EOL_CR;
                r->cr++;
            } else {
                r->lf++;
            }
            if (!seen_eol) {
                r->first_eol = kind;
                seen_eol = 1;
            }
            line++;
            i++;
            continue;
        }
        if (c < 0x80) {
            r->nul += c == 0;
            i++;
            continue;
        }
        size_t n = slog_utf8_valid_len(p + i, len - i);
        if (n) {
            r->nonascii++;
            i += n;
            continue;
        }
        if (!r->invalid)
            r->first_invalid_line = line;
        r->invalid++;
        i += invalid_len(p + i, len - i);
    }
}

/* Copy with invalid sequences and NUL bytes replaced by U+FFFD. */
static char *sanitize(const char *s, size_t len, size_t *out_len)
{
    const unsigned char *p = (const unsigned char *)s;
    if (len > (SIZE_MAX - 1) / 3)
        return NULL;
    char *out = malloc(len * 3 + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        size_t n = p[i] ? slog_utf8_valid_len(p + i, len - i) : 0;
        if (n) {
            memcpy(out + o, p + i, n);
            o += n;
            i += n;
        } else {
            memcpy(out + o, REPLACEMENT, 3);
            o += 3;
            i += p[i] ? invalid_len(p + i, len - i) : 1;
        }
    }
    out[o] = '\0';
    *out_len = o;
    return out;
}

/* Line starts as CommonMark counts lines: LF, CRLF and a lone CR each end one. */
static slog_status index_lines(slog_text *t)
{
    size_t cap = 1024, n = 0;
    size_t *starts = malloc(cap * sizeof *starts);
    if (!starts)
        return SLOG_ERR_NOMEM;
    starts[n++] = 0;
    const char *d = t->data;
    int lf_only = t->enc.line_endings == SLOG_EOL_LF;
    for (size_t i = 0; i < t->len; i++) {
        if (lf_only) { /* memchr is many times faster than a byte loop */
            const char *nl = memchr(d + i, '\n', t->len - i);
            if (!nl)
                break;
            i = (size_t)(nl - d);
        } else if (d[i] != '\n' && d[i] != '\r') {
            continue;
        }
        if (d[i] == '\r' && i + 1 < t->len && d[i + 1] == '\n')
            i++;
        if (n + 1 >= cap) {
            size_t *grown = realloc(starts, cap * 2 * sizeof *starts);
            if (!grown) {
                free(starts);
                return SLOG_ERR_NOMEM;
            }
            starts = grown;
            cap *= 2;
        }
        starts[n++] = i + 1;
    }
    /* A final line break does not open another line. */
    if (n > 1 && starts[n - 1] == t->len)
        n--;
    starts[n] = t->len;
    t->line_start = starts;
    t->nlines = t->len ? n : 0;
    return SLOG_OK;
}

static int has_bom(const char *s, size_t len)
{
    return len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0;
}

slog_status slog_text_decode(slog_text *t, const char *raw, size_t len)
{
    memset(t, 0, sizeof *t);
    if (has_bom(raw, len)) {
        t->enc.bom = 1;
        raw += 3;
        len -= 3;
    }
    scan_result r;
    scan((const unsigned char *)raw, len, &r);
    t->data = raw;
    t->len = len;
    int kinds = (r.lf > 0) + (r.crlf > 0) + (r.cr > 0);
    t->enc.line_endings = kinds > 1 ? SLOG_EOL_MIXED
                          : r.crlf  ? SLOG_EOL_CRLF
                          : r.cr    ? SLOG_EOL_CR
                                    : SLOG_EOL_LF;
    t->enc.first_eol = r.first_eol;
    t->enc.invalid_utf8 = r.invalid;
    t->enc.invalid_utf8_line = r.first_invalid_line;
    t->enc.nul_bytes = r.nul;

    if (r.invalid || r.nul) {
        t->owned = sanitize(raw, len, &t->len);
        if (!t->owned)
            return SLOG_ERR_NOMEM;
        t->data = t->owned;
    } else if (r.nonascii) {
        static const slog_mojibake kinds_tried[] = {SLOG_MOJIBAKE_MAC_ROMAN, SLOG_MOJIBAKE_CP1252};
        for (size_t k = 0; k < 2 && !t->owned; k++) {
            int nomem;
            size_t n;
            char *fixed = slog_mojibake_repair(raw, len, kinds_tried[k], &n, &nomem);
            if (nomem)
                return SLOG_ERR_NOMEM;
            if (fixed) {
                t->owned = fixed;
                t->data = fixed;
                t->len = n;
                t->enc.mojibake = kinds_tried[k];
            }
        }
        /* A BOM that went through the double encoding comes out of the repair. */
        if (t->owned && has_bom(t->data, t->len)) {
            t->enc.bom = 1;
            t->data += 3;
            t->len -= 3;
        }
    }
    slog_status st = index_lines(t);
    if (st != SLOG_OK)
        slog_text_free(t);
    return st;
}

void slog_text_free(slog_text *t)
{
    free(t->owned);
    free(t->line_start);
    memset(t, 0, sizeof *t);
}

const char *slog_text_line(const slog_text *t, int line, size_t *len)
{
    if (line < 1 || (size_t)line > t->nlines) {
        *len = 0;
        return t->data + t->len;
    }
    size_t start = t->line_start[line - 1], end = t->line_start[line];
    while (end > start && (t->data[end - 1] == '\n' || t->data[end - 1] == '\r'))
        end--;
    *len = end - start;
    return t->data + start;
}

slog_status slog_text_decode_lines(slog_text *t, const char *raw, size_t len, int *light)
{
    *light = 0;
    if (memchr(raw, '\r', len))
        return slog_text_decode(t, raw, len);
    memset(t, 0, sizeof *t);
    if (has_bom(raw, len)) {
        t->enc.bom = 1;
        raw += 3;
        len -= 3;
    }
    /* The repair fails at the first character it cannot map back (for clean
     * text, the first emoji or dash), so this costs little unless the file
     * really is mojibake, which then needs the full decode anyway. */
    static const slog_mojibake kinds[] = {SLOG_MOJIBAKE_MAC_ROMAN, SLOG_MOJIBAKE_CP1252};
    for (size_t k = 0; k < 2; k++) {
        int nomem;
        size_t n;
        char *fixed = slog_mojibake_repair(raw, len, kinds[k], &n, &nomem);
        if (nomem)
            return SLOG_ERR_NOMEM;
        if (fixed) {
            free(fixed);
            return slog_text_decode(t, raw - 3 * t->enc.bom, len + 3 * t->enc.bom);
        }
    }
    t->data = raw;
    t->len = len;
    t->enc.line_endings = SLOG_EOL_LF;
    t->enc.first_eol = SLOG_EOL_LF;
    *light = 1;
    return index_lines(t);
}
