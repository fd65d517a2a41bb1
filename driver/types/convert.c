/* convert.c - text from the server into C types. Hot path: no allocation, no sscanf. */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "types/convert.h"
#include "types/pgtypes.h"
#include "util/text.h"
#include <time.h>

#define RS_OK_RC(rc) ((rc) == SQL_SUCCESS || (rc) == SQL_SUCCESS_WITH_INFO)

SQLLEN rs_ctype_size(SQLSMALLINT ctype)
{
    switch (ctype) {
    case SQL_C_BIT: case SQL_C_TINYINT: case SQL_C_STINYINT: case SQL_C_UTINYINT: return 1;
    case SQL_C_SHORT: case SQL_C_SSHORT: case SQL_C_USHORT: return 2;
    case SQL_C_LONG: case SQL_C_SLONG: case SQL_C_ULONG: return 4;
    case SQL_C_SBIGINT: case SQL_C_UBIGINT: return 8;
    case SQL_C_FLOAT: return 4;
    case SQL_C_DOUBLE: return 8;
    case SQL_C_NUMERIC: return sizeof(SQL_NUMERIC_STRUCT);
    case SQL_C_DATE: case SQL_C_TYPE_DATE: return sizeof(SQL_DATE_STRUCT);
    case SQL_C_TIME: case SQL_C_TYPE_TIME: return sizeof(SQL_TIME_STRUCT);
    case SQL_C_TIMESTAMP: case SQL_C_TYPE_TIMESTAMP: return sizeof(SQL_TIMESTAMP_STRUCT);
    case SQL_C_GUID: return sizeof(SQLGUID);
    default:
        if (ctype >= SQL_C_INTERVAL_YEAR && ctype <= SQL_C_INTERVAL_MINUTE_TO_SECOND)
            return sizeof(SQL_INTERVAL_STRUCT);
        return 0;
    }
}

static SQLRETURN err(const rs_conv_where *w, const char *state, const char *msg)
{
    return rs_diag_add_at(w->diag, w->row, w->col, state, 0, "%s", msg);
}

/* ---- numbers ---- */

typedef struct num_parts {
    int neg;
    const char *ip; size_t ilen;   /* integer digits (leading zeros kept) */
    const char *fp; size_t flen;   /* fraction digits */
    int exp;                       /* decimal exponent, for float text such as 1e+20 */
    int special;                   /* 1 NaN, 2 +Inf, 3 -Inf */
} num_parts;

static int parse_num(const char *v, size_t len, num_parts *n)
{
    memset(n, 0, sizeof *n);
    size_t i = 0;
    while (i < len && v[i] == ' ')
        i++;
    while (len > i && v[len - 1] == ' ')
        len--;
    if (len - i == 3 && strncmp(v + i, "NaN", 3) == 0) { n->special = 1; return 0; }
    if (i < len && (v[i] == '-' || v[i] == '+'))
        n->neg = (v[i++] == '-');
    if (len - i == 8 && strncmp(v + i, "Infinity", 8) == 0) { n->special = n->neg ? 3 : 2; return 0; }
    n->ip = v + i;
    while (i < len && v[i] >= '0' && v[i] <= '9')
        i++;
    n->ilen = (size_t)(v + i - n->ip);
    if (i < len && v[i] == '.') {
        n->fp = v + ++i;
        while (i < len && v[i] >= '0' && v[i] <= '9')
            i++;
        n->flen = (size_t)(v + i - n->fp);
    }
    if (n->ilen + n->flen == 0)
        return -1;
    if (i < len && (v[i] == 'e' || v[i] == 'E')) {
        i++;
        int eneg = 0, e = 0, digits = 0;
        if (i < len && (v[i] == '-' || v[i] == '+'))
            eneg = (v[i++] == '-');
        while (i < len && v[i] >= '0' && v[i] <= '9') {
            if (e < 100000)
                e = e * 10 + (v[i] - '0');
            i++;
            digits++;
        }
        if (!digits)
            return -1;
        n->exp = eneg ? -e : e;
    }
    return i == len ? 0 : -1;
}

/* The integer part as an unsigned 64-bit magnitude; sets *frac when digits are dropped. */
static int num_to_u64(const num_parts *n, uint64_t *out, int *frac)
{
    uint64_t v = 0;
    *frac = 0;
    /* digits = ip followed by fp, shifted by exp */
    long total_int = (long)n->ilen + n->exp;
    for (long k = 0; k < total_int; k++) {
        int d;
        if ((size_t)k < n->ilen)
            d = n->ip[k] - '0';
        else if ((size_t)k - n->ilen < n->flen)
            d = n->fp[k - (long)n->ilen] - '0';
        else
            d = 0;
        if (v > (UINT64_MAX - (uint64_t)d) / 10)
            return -1;
        v = v * 10 + (uint64_t)d;
    }
    for (long k = total_int < 0 ? 0 : total_int; (size_t)k < n->ilen + n->flen; k++) {
        char c = (size_t)k < n->ilen ? n->ip[k] : n->fp[k - (long)n->ilen];
        if (c != '0')
            *frac = 1;
    }
    *out = v;
    return 0;
}

static SQLRETURN to_integer(const char *v, size_t len, unsigned oid, const rs_conv_target *t,
                            const rs_conv_where *w)
{
    num_parts n;
    uint64_t mag;
    int frac;
    if (oid == RS_OID_BOOL && len == 1 && (v[0] == 't' || v[0] == 'f')) {
        n.neg = 0;
        mag = v[0] == 't';
        frac = 0;
    } else {
        if (parse_num(v, len, &n) < 0 || n.special == 1)
            return err(w, "22018", "Invalid character value for the requested numeric type.");
        if (n.special || num_to_u64(&n, &mag, &frac) < 0)
            return err(w, "22003", "Numeric value out of range for the requested C type.");
    }
    int64_t lo;
    uint64_t hi;
    switch (t->ctype) {
    case SQL_C_BIT:
        if (n.neg && mag)
            return err(w, "22003", "Numeric value out of range for SQL_C_BIT.");
        if (mag > 1 || (mag == 1 && frac))
            return err(w, "22003", "Numeric value out of range for SQL_C_BIT (only 0 and 1).");
        if (t->ptr) *(unsigned char *)t->ptr = (unsigned char)mag;
        return frac ? rs_diag_add_at(w->diag, w->row, w->col, "01S07", 0, "Fractional truncation.") : SQL_SUCCESS;
    case SQL_C_TINYINT: case SQL_C_STINYINT: lo = INT8_MIN; hi = INT8_MAX; break;
    case SQL_C_UTINYINT: lo = 0; hi = UINT8_MAX; break;
    case SQL_C_SHORT: case SQL_C_SSHORT: lo = INT16_MIN; hi = INT16_MAX; break;
    case SQL_C_USHORT: lo = 0; hi = UINT16_MAX; break;
    case SQL_C_LONG: case SQL_C_SLONG: lo = INT32_MIN; hi = INT32_MAX; break;
    case SQL_C_ULONG: lo = 0; hi = UINT32_MAX; break;
    case SQL_C_SBIGINT: lo = INT64_MIN; hi = INT64_MAX; break;
    default: lo = 0; hi = UINT64_MAX; break;
    }
    if (n.neg && mag) {
        if (lo == 0 || mag > (uint64_t)(-(lo + 1)) + 1)
            return err(w, "22003", "Numeric value out of range for the requested C type.");
    } else if (mag > hi) {
        return err(w, "22003", "Numeric value out of range for the requested C type.");
    }
    if (t->ptr) {
        int64_t s = n.neg ? (int64_t)(0 - mag) : (int64_t)mag;
        switch (t->ctype) {
        case SQL_C_TINYINT: case SQL_C_STINYINT: *(signed char *)t->ptr = (signed char)s; break;
        case SQL_C_UTINYINT: *(unsigned char *)t->ptr = (unsigned char)mag; break;
        case SQL_C_SHORT: case SQL_C_SSHORT: *(SQLSMALLINT *)t->ptr = (SQLSMALLINT)s; break;
        case SQL_C_USHORT: *(SQLUSMALLINT *)t->ptr = (SQLUSMALLINT)mag; break;
        case SQL_C_LONG: case SQL_C_SLONG: *(SQLINTEGER *)t->ptr = (SQLINTEGER)s; break;
        case SQL_C_ULONG: *(SQLUINTEGER *)t->ptr = (SQLUINTEGER)mag; break;
        case SQL_C_SBIGINT: *(SQLBIGINT *)t->ptr = (SQLBIGINT)s; break;
        default: *(SQLUBIGINT *)t->ptr = (SQLUBIGINT)mag; break;
        }
    }
    if (frac)
        return rs_diag_add_at(w->diag, w->row, w->col, "01S07", 0, "Fractional truncation.");
    return SQL_SUCCESS;
}

static SQLRETURN to_float(const char *v, size_t len, unsigned oid, const rs_conv_target *t,
                          const rs_conv_where *w)
{
    char buf[512];
    double d;
    if (oid == RS_OID_BOOL && len == 1 && (v[0] == 't' || v[0] == 'f')) {
        d = v[0] == 't';
    } else {
        num_parts n;
        if (parse_num(v, len, &n) < 0)
            return err(w, "22018", "Invalid character value for the requested floating-point type.");
        /* numeric text can be far longer than any double needs (1e400 prints 401 digits) */
        char *text = len < sizeof buf ? buf : malloc(len + 1);
        if (!text)
            return err(w, "HY001", "Memory allocation failed.");
        memcpy(text, v, len);
        text[len] = '\0';
        d = strtod(text, NULL);
        if (text != buf)
            free(text);
        /* finite text beyond the double range: out of range, not infinity */
        if (!n.special && !isfinite(d))
            return err(w, "22003", "Numeric value out of range for the requested floating-point type.");
    }
    if (t->ctype == SQL_C_FLOAT) {
        if (isfinite(d) && (d > 3.402823466e38 || d < -3.402823466e38))
            return err(w, "22003", "Numeric value out of range for SQL_C_FLOAT.");
        if (t->ptr) *(float *)t->ptr = (float)d;
    } else if (t->ptr) {
        *(double *)t->ptr = d;
    }
    return SQL_SUCCESS;
}

/* SQL_NUMERIC_STRUCT: little-endian 128-bit magnitude scaled by 10^scale. */
static SQLRETURN to_numeric(const char *v, size_t len, const rs_conv_target *t, const rs_conv_where *w)
{
    num_parts n;
    if (parse_num(v, len, &n) < 0 || n.special == 1)
        return err(w, "22018", "Invalid character value for SQL_C_NUMERIC.");
    if (n.special)
        return err(w, "22003", "Numeric value out of range for SQL_C_NUMERIC.");
    int scale = t->scale;
    unsigned __int128 acc = 0, limit = ((unsigned __int128)UINT64_MAX << 64) | UINT64_MAX;
    int frac = 0;
    long point = (long)n.ilen + n.exp;  /* digits before the decimal point */
    long ndig = (long)(n.ilen + n.flen);
    long last = point + scale;          /* digits that go into the scaled integer */
    int digits_used = 0;
    for (long k = 0; k < last; k++) {
        int d = 0;
        if (k >= 0 && k < ndig)
            d = (k < (long)n.ilen ? n.ip[k] : n.fp[k - (long)n.ilen]) - '0';
        if (acc > (limit - (unsigned)d) / 10)
            return err(w, "22003", "Numeric value out of range for SQL_C_NUMERIC.");
        acc = acc * 10 + (unsigned)d;
        if (acc)
            digits_used++;
    }
    for (long k = last < 0 ? 0 : last; k < ndig; k++)
        if ((k < (long)n.ilen ? n.ip[k] : n.fp[k - (long)n.ilen]) != '0')
            frac = 1;
    if (t->precision > 0 && digits_used > t->precision)
        return err(w, "22003", "Numeric value out of range for the precision of SQL_C_NUMERIC.");
    if (t->ptr) {
        SQL_NUMERIC_STRUCT *ns = t->ptr;
        ns->precision = (SQLCHAR)(t->precision > 0 ? t->precision : 38);
        ns->scale = (SQLSCHAR)scale;
        ns->sign = n.neg ? 0 : 1;
        for (int i = 0; i < SQL_MAX_NUMERIC_LEN; i++) {
            ns->val[i] = (SQLCHAR)(acc & 0xFF);
            acc >>= 8;
        }
    }
    return frac ? rs_diag_add_at(w->diag, w->row, w->col, "01S07", 0, "Fractional truncation.") : SQL_SUCCESS;
}

/* ---- dates and times (DateStyle ISO) ---- */

typedef struct dt_parts {
    int has_date, has_time;
    int year, month, day, hour, minute, second;
    unsigned fraction;   /* nanoseconds */
} dt_parts;

static int digits(const char *p, const char *end, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (p + i >= end || p[i] < '0' || p[i] > '9')
            return -1;
        v = v * 10 + (p[i] - '0');
    }
    *out = v;
    return 0;
}

static const char *parse_time_part(const char *p, const char *end, dt_parts *d)
{
    if (digits(p, end, 2, &d->hour) || p + 2 >= end || p[2] != ':' ||
        digits(p + 3, end, 2, &d->minute))
        return NULL;
    p += 5;
    if (p < end && *p == ':') {
        if (digits(p + 1, end, 2, &d->second))
            return NULL;
        p += 3;
    }
    if (p < end && *p == '.') {
        unsigned f = 0;
        int nd = 0;
        for (p++; p < end && *p >= '0' && *p <= '9'; p++, nd++)
            if (nd < 9)
                f = f * 10 + (unsigned)(*p - '0');
        for (int i = nd; i < 9; i++)
            f *= 10;
        d->fraction = f;
    }
    d->has_time = 1;
    return p;
}

static int parse_datetime(const char *v, size_t len, dt_parts *d)
{
    const char *p = v, *end = v + len;
    memset(d, 0, sizeof *d);
    if (len >= 10 && p[4] == '-') {
        int bc = len >= 3 && strncmp(end - 3, " BC", 3) == 0;
        /* years can have more than four digits; Redshift and PostgreSQL print at least four */
        int y = 0;
        while (p < end && *p >= '0' && *p <= '9')
            y = y * 10 + (*p++ - '0');
        if (p >= end || *p != '-' || digits(p + 1, end, 2, &d->month) || p + 3 >= end || p[3] != '-' ||
            digits(p + 4, end, 2, &d->day))
            return -1;
        d->year = bc ? 1 - y : y;
        d->has_date = 1;
        p += 6;
        if (bc)
            end -= 3;
        if (p < end && (*p == ' ' || *p == 'T')) {
            p = parse_time_part(p + 1, end, d);
            if (!p)
                return -1;
        }
    } else {
        p = parse_time_part(p, end, d);
        if (!p)
            return -1;
    }
    /* a time zone offset may follow (+05, -03:30); the value is already in session time */
    if (p < end && (*p == '+' || *p == '-'))
        for (p++; p < end && ((*p >= '0' && *p <= '9') || *p == ':'); p++)
            ;
    if (p != end)
        return -1;
    if (d->has_date && (d->month < 1 || d->month > 12 || d->day < 1 || d->day > 31))
        return -1;
    if (d->has_time && (d->hour > 24 || d->minute > 59 || d->second > 60))
        return -1;
    return 0;
}

static SQLRETURN to_datetime(const char *v, size_t len, unsigned oid, const rs_conv_target *t,
                             const rs_conv_where *w)
{
    dt_parts d;
    if (parse_datetime(v, len, &d) < 0)
        return err(w, "22018", "Invalid character value for a date, time or timestamp.");
    if (d.year < -32767 || d.year > 32767)
        return err(w, "22008", "Datetime field overflow: the year does not fit the ODBC structure.");
    SQLRETURN rc = SQL_SUCCESS;
    switch (t->ctype) {
    case SQL_C_DATE: case SQL_C_TYPE_DATE:
        if (!d.has_date)
            return err(w, "07006", "A time cannot be converted to a date.");
        if (t->ptr) {
            SQL_DATE_STRUCT *ds = t->ptr;
            ds->year = (SQLSMALLINT)d.year; ds->month = (SQLUSMALLINT)d.month; ds->day = (SQLUSMALLINT)d.day;
        }
        if (d.hour || d.minute || d.second || d.fraction)
            rc = rs_diag_add_at(w->diag, w->row, w->col, "01S07", 0, "Fractional truncation: the time part was dropped.");
        return rc;
    case SQL_C_TIME: case SQL_C_TYPE_TIME:
        if (!d.has_time && oid != RS_OID_DATE && d.has_date)
            return err(w, "22018", "Invalid character value for a time.");
        if (oid == RS_OID_DATE)
            return err(w, "07006", "A date cannot be converted to a time.");
        if (t->ptr) {
            SQL_TIME_STRUCT *ts = t->ptr;
            ts->hour = (SQLUSMALLINT)d.hour; ts->minute = (SQLUSMALLINT)d.minute; ts->second = (SQLUSMALLINT)d.second;
        }
        if (d.fraction)
            rc = rs_diag_add_at(w->diag, w->row, w->col, "01S07", 0, "Fractional truncation: fractional seconds were dropped.");
        return rc;
    default: /* timestamp */
        if (t->ptr) {
            SQL_TIMESTAMP_STRUCT *ts = t->ptr;
            if (d.has_date) {
                ts->year = (SQLSMALLINT)d.year; ts->month = (SQLUSMALLINT)d.month; ts->day = (SQLUSMALLINT)d.day;
            } else {
                /* a time alone takes today's date, as ODBC says */
                time_t now = time(NULL);
                struct tm tm;
                localtime_r(&now, &tm);
                ts->year = (SQLSMALLINT)(tm.tm_year + 1900); ts->month = (SQLUSMALLINT)(tm.tm_mon + 1);
                ts->day = (SQLUSMALLINT)tm.tm_mday;
            }
            ts->hour = (SQLUSMALLINT)d.hour; ts->minute = (SQLUSMALLINT)d.minute; ts->second = (SQLUSMALLINT)d.second;
            ts->fraction = d.fraction;
        }
        return SQL_SUCCESS;
    }
}

/* ---- GUID ---- */

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static SQLRETURN to_guid(const char *v, size_t len, const rs_conv_target *t, const rs_conv_where *w)
{
    unsigned char b[16];
    size_t k = 0;
    if (len == 38 && v[0] == '{' && v[37] == '}') { v++; len -= 2; }
    if (len != 36)
        return err(w, "22018", "Invalid character value for a GUID.");
    for (size_t i = 0; i < len; i++) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (v[i] != '-')
                return err(w, "22018", "Invalid character value for a GUID.");
            continue;
        }
        int hi = hexval(v[i]), lo = hexval(v[i + 1]);
        if (hi < 0 || lo < 0)
            return err(w, "22018", "Invalid character value for a GUID.");
        b[k++] = (unsigned char)(hi << 4 | lo);
        i++;
    }
    if (t->ptr) {
        SQLGUID *g = t->ptr;
        g->Data1 = (SQLUINTEGER)b[0] << 24 | (SQLUINTEGER)b[1] << 16 | (SQLUINTEGER)b[2] << 8 | b[3];
        g->Data2 = (SQLUSMALLINT)(b[4] << 8 | b[5]);
        g->Data3 = (SQLUSMALLINT)(b[6] << 8 | b[7]);
        memcpy(g->Data4, b + 8, 8);
    }
    return SQL_SUCCESS;
}

/* ---- character and binary, with pieces ---- */

/* Text as the application should see it in a character buffer. */
static void char_view(const char *v, size_t len, unsigned oid, const char **out, size_t *outlen)
{
    if (oid == RS_OID_BOOL && len == 1) {
        *out = v[0] == 't' ? "1" : "0";
        *outlen = 1;
    } else if ((oid == RS_OID_BYTEA) && len >= 2 && v[0] == '\\' && v[1] == 'x') {
        *out = v + 2;          /* binary to character: hex digits */
        *outlen = len - 2;
    } else {
        *out = v;
        *outlen = len;
    }
}

static SQLRETURN truncated(const rs_conv_where *w)
{
    return rs_diag_add_at(w->diag, w->row, w->col, "01004", 0, "String data, right truncated.");
}

static SQLRETURN to_char(const char *v, size_t len, const rs_conv_target *t, SQLLEN *len_out,
                         const rs_conv_where *w)
{
    size_t off = w->offset ? (size_t)*w->offset : 0;
    if (w->offset && off > 0 && off >= len)
        return SQL_NO_DATA;
    const char *src = v + off;
    size_t left = len - off;
    if (len_out)
        *len_out = (SQLLEN)left;
    if (!t->ptr || t->buflen <= 0) {
        return (t->ptr && left > 0) ? truncated(w) : SQL_SUCCESS;
    }
    size_t n = left < (size_t)t->buflen - 1 ? left : (size_t)t->buflen - 1;
    /* do not split a UTF-8 character across pieces */
    if (n < left)
        while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
            n--;
    memcpy(t->ptr, src, n);
    ((char *)t->ptr)[n] = '\0';
    if (w->offset)
        *w->offset = (SQLLEN)(off + n) + (left == 0 ? 1 : 0);
    return n < left ? truncated(w) : SQL_SUCCESS;
}

static SQLRETURN to_wchar(const char *v, size_t len, const rs_conv_target *t, SQLLEN *len_out,
                          const rs_conv_where *w)
{
    size_t off = w->offset ? (size_t)*w->offset : 0;
    if (w->offset && off > 0 && off >= len)
        return SQL_NO_DATA;
    const char *src = v + off;
    size_t left = len - off;
    size_t cap = t->buflen > 0 ? (size_t)t->buflen / sizeof(SQLWCHAR) : 0;
    size_t consumed = 0, need;
    if (t->ptr && cap > 0)
        need = rs_utf8_to_utf16(src, left, t->ptr, cap, 1, &consumed);
    else
        need = rs_utf16_length(src, left);
    if (len_out)
        *len_out = (SQLLEN)(need * sizeof(SQLWCHAR));
    if (!t->ptr)
        return SQL_SUCCESS;
    if (w->offset)
        *w->offset = (SQLLEN)(off + consumed) + (left == 0 ? 1 : 0);
    return (cap == 0 || need > cap - 1) && need > 0 ? truncated(w) : SQL_SUCCESS;
}

static SQLRETURN to_binary(const char *v, size_t len, unsigned oid, const rs_conv_target *t,
                           SQLLEN *len_out, const rs_conv_where *w)
{
    int hex = (oid == RS_OID_BYTEA || oid == RS_OID_VARBYTE) && len >= 2 && v[0] == '\\' && v[1] == 'x';
    if (oid == RS_OID_VARBYTE && !hex)
        hex = 1;   /* Redshift prints VARBYTE as plain hex */
    const char *src = hex && v[0] == '\\' ? v + 2 : v;
    size_t total = hex ? (len - (size_t)(src - v)) / 2 : len;
    size_t off = w->offset ? (size_t)*w->offset : 0;
    if (w->offset && off > 0 && off >= total)
        return SQL_NO_DATA;
    size_t left = total - off;
    if (len_out)
        *len_out = (SQLLEN)left;
    if (!t->ptr)
        return SQL_SUCCESS;
    size_t n = left < (size_t)(t->buflen > 0 ? t->buflen : 0) ? left : (size_t)(t->buflen > 0 ? t->buflen : 0);
    unsigned char *out = t->ptr;
    if (hex) {
        for (size_t i = 0; i < n; i++) {
            int hi = hexval(src[2 * (off + i)]), lo = hexval(src[2 * (off + i) + 1]);
            if (hi < 0 || lo < 0)
                return err(w, "22018", "The server sent malformed binary data.");
            out[i] = (unsigned char)(hi << 4 | lo);
        }
    } else {
        memcpy(out, src + off, n);
    }
    if (w->offset)
        *w->offset = (SQLLEN)(off + n) + (left == 0 ? 1 : 0);
    return n < left ? truncated(w) : SQL_SUCCESS;
}

SQLRETURN rs_text_to_c(const char *v, size_t len, unsigned oid, const rs_conv_target *t,
                       SQLLEN *len_out, const rs_conv_where *w)
{
    SQLSMALLINT c = t->ctype;
    if (c == SQL_C_CHAR) {
        const char *cv;
        size_t cl;
        char_view(v, len, oid, &cv, &cl);
        return to_char(cv, cl, t, len_out, w);
    }
    if (c == SQL_C_WCHAR) {
        const char *cv;
        size_t cl;
        char_view(v, len, oid, &cv, &cl);
        return to_wchar(cv, cl, t, len_out, w);
    }
    if (c == SQL_C_BINARY)
        return to_binary(v, len, oid, t, len_out, w);

    /* fixed-length targets: one piece only */
    if (w->offset) {
        if (*w->offset > 0)
            return SQL_NO_DATA;
        *w->offset = 1;
    }
    SQLRETURN rc;
    switch (c) {
    case SQL_C_BIT: case SQL_C_TINYINT: case SQL_C_STINYINT: case SQL_C_UTINYINT:
    case SQL_C_SHORT: case SQL_C_SSHORT: case SQL_C_USHORT:
    case SQL_C_LONG: case SQL_C_SLONG: case SQL_C_ULONG:
    case SQL_C_SBIGINT: case SQL_C_UBIGINT:
        rc = to_integer(v, len, oid, t, w);
        break;
    case SQL_C_FLOAT: case SQL_C_DOUBLE:
        rc = to_float(v, len, oid, t, w);
        break;
    case SQL_C_NUMERIC:
        rc = to_numeric(v, len, t, w);
        break;
    case SQL_C_DATE: case SQL_C_TYPE_DATE: case SQL_C_TIME: case SQL_C_TYPE_TIME:
    case SQL_C_TIMESTAMP: case SQL_C_TYPE_TIMESTAMP:
        rc = to_datetime(v, len, oid, t, w);
        break;
    case SQL_C_GUID:
        rc = to_guid(v, len, t, w);
        break;
    default:
        return err(w, "HY003", "The C data type is not supported for this column.");
    }
    if (len_out && RS_OK_RC(rc))
        *len_out = rs_ctype_size(c);
    return rc;
}
