/* text.c - UTF-8 / UTF-16 conversion and copying strings out to application buffers. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/text.h"

#define REPLACEMENT 0xFFFDu

size_t rs_wcslen(const SQLWCHAR *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

/* Decode one UTF-8 sequence at s (n bytes left); returns its length, stores the code point.
 * Malformed input decodes as U+FFFD over one byte, so the caller always progresses. */
static size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned char c = s[0];
    if (c < 0x80) { *cp = c; return 1; }
    size_t need;
    uint32_t v, min;
    if ((c & 0xE0) == 0xC0) { need = 2; v = c & 0x1F; min = 0x80; }
    else if ((c & 0xF0) == 0xE0) { need = 3; v = c & 0x0F; min = 0x800; }
    else if ((c & 0xF8) == 0xF0) { need = 4; v = c & 0x07; min = 0x10000; }
    else { *cp = REPLACEMENT; return 1; }
    if (n < need) { *cp = REPLACEMENT; return 1; }
    for (size_t i = 1; i < need; i++) {
        if ((s[i] & 0xC0) != 0x80) { *cp = REPLACEMENT; return 1; }
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) { *cp = REPLACEMENT; return 1; }
    *cp = v;
    return need;
}

static size_t utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) { out[0] = (char)cp; return 1; }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t rs_utf16_to_utf8(const SQLWCHAR *s, size_t units, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < units; i++) {
        uint32_t cp = s[i];
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < units && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (s[i + 1] - 0xDC00u);
            i++;
        } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            cp = REPLACEMENT;
        }
        o += utf8_encode(cp, out + o);
    }
    out[o] = '\0';
    return o;
}

size_t rs_utf8_to_utf16(const char *s, size_t len, SQLWCHAR *out, size_t cap, int nul,
                        size_t *consumed)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, need = 0, written = 0, room = cap;
    int full = (out == NULL);
    if (nul && room > 0)
        room--;
    while (i < len) {
        uint32_t cp;
        size_t step = utf8_decode(p + i, len - i, &cp);
        size_t units = cp >= 0x10000 ? 2 : 1;
        if (!full && written + units <= room) {
            if (units == 2) {
                out[written++] = (SQLWCHAR)(0xD800 + ((cp - 0x10000) >> 10));
                out[written++] = (SQLWCHAR)(0xDC00 + ((cp - 0x10000) & 0x3FF));
            } else {
                out[written++] = (SQLWCHAR)cp;
            }
            if (consumed)
                *consumed = i + step;
        } else {
            full = 1;
        }
        need += units;
        i += step;
    }
    if (consumed && !full)
        *consumed = len;
    if (consumed && written == 0 && full)
        *consumed = 0;
    if (out && nul && cap > 0)
        out[written] = 0;
    return need;
}

size_t rs_utf16_length(const char *s, size_t len)
{
    return rs_utf8_to_utf16(s, len, NULL, 0, 0, NULL);
}

char *rs_adup(const SQLCHAR *s, SQLLEN len, int *oom)
{
    *oom = 0;
    if (!s)
        return NULL;
    size_t n = (len == SQL_NTS || len < 0) ? strlen((const char *)s) : (size_t)len;
    char *r = malloc(n + 1);
    if (!r) { *oom = 1; return NULL; }
    memcpy(r, s, n);
    r[n] = '\0';
    return r;
}

char *rs_wdup(const SQLWCHAR *s, SQLLEN len, int *oom)
{
    *oom = 0;
    if (!s)
        return NULL;
    size_t n = (len == SQL_NTS || len < 0) ? rs_wcslen(s) : (size_t)len;
    char *r = malloc(n * 3 + 1);
    if (!r) { *oom = 1; return NULL; }
    rs_utf16_to_utf8(s, n, r);
    return r;
}

/* Largest prefix of src (<= max bytes) that ends on a UTF-8 character boundary. */
static size_t utf8_prefix(const char *src, size_t len, size_t max)
{
    if (len <= max)
        return len;
    size_t n = max;
    while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
        n--;
    return n;
}

int rs_out_a(const char *src, SQLCHAR *buf, SQLLEN buflen, SQLLEN *outlen)
{
    if (!src)
        src = "";
    size_t len = strlen(src);
    if (outlen)
        *outlen = (SQLLEN)len;
    if (!buf)
        return 0;
    if (buflen <= 0)
        return len > 0;
    size_t n = utf8_prefix(src, len, (size_t)buflen - 1);
    memcpy(buf, src, n);
    buf[n] = '\0';
    return n < len;
}

int rs_out_w(const char *src, SQLWCHAR *buf, SQLLEN buflen, SQLLEN *outlen, int per_char)
{
    if (!src)
        src = "";
    size_t len = strlen(src);
    size_t cap = buflen > 0 ? (size_t)buflen / (per_char ? 1 : sizeof(SQLWCHAR)) : 0;
    size_t need;
    if (buf && cap > 0)
        need = rs_utf8_to_utf16(src, len, buf, cap, 1, NULL);
    else
        need = rs_utf16_length(src, len);
    if (outlen)
        *outlen = (SQLLEN)(per_char ? need : need * sizeof(SQLWCHAR));
    if (!buf)
        return 0;
    return need > 0 && (cap == 0 || need > cap - 1);
}

int rs_out_a16(const char *src, SQLCHAR *buf, SQLSMALLINT buflen, SQLSMALLINT *outlen)
{
    SQLLEN n;
    int t = rs_out_a(src, buf, buflen, &n);
    if (outlen)
        *outlen = (SQLSMALLINT)(n > 32767 ? 32767 : n);
    return t;
}

int rs_out_w16(const char *src, SQLWCHAR *buf, SQLSMALLINT buflen, SQLSMALLINT *outlen, int per_char)
{
    SQLLEN n;
    int t = rs_out_w(src, buf, buflen, &n, per_char);
    if (outlen)
        *outlen = (SQLSMALLINT)(n > 32767 ? 32767 : n);
    return t;
}

int rs_strcaseeq(const char *a, const char *b)
{
    return strcasecmp(a, b) == 0;
}

char *rs_strdup0(const char *s)
{
    return s ? strdup(s) : NULL;
}

void rs_free_secret(char *s)
{
    if (s) {
        explicit_bzero(s, strlen(s));
        free(s);
    }
}
