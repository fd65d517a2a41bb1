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
#include <locale.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>

#include "types/interval.h"
#include "types/textparse.h"

#define RS_OK_RC(rc) ((rc) == SQL_SUCCESS || (rc) == SQL_SUCCESS_WITH_INFO)

int rs_ctype_is_valid(SQLSMALLINT c)
{
    switch (c) {
    case SQL_C_CHAR: case SQL_C_WCHAR: case SQL_C_BINARY: case SQL_C_BIT: case SQL_C_TINYINT:
    case SQL_C_STINYINT: case SQL_C_UTINYINT: case SQL_C_SHORT: case SQL_C_SSHORT: case SQL_C_USHORT:
    case SQL_C_LONG: case SQL_C_SLONG: case SQL_C_ULONG: case SQL_C_SBIGINT: case SQL_C_UBIGINT:
    case SQL_C_FLOAT: case SQL_C_DOUBLE: case SQL_C_NUMERIC: case SQL_C_DATE: case SQL_C_TYPE_DATE:
    case SQL_C_TIME: case SQL_C_TYPE_TIME: case SQL_C_TIMESTAMP: case SQL_C_TYPE_TIMESTAMP:
    case SQL_C_GUID: case SQL_C_DEFAULT:
        return 1;
    default:
        return c >= SQL_C_INTERVAL_YEAR && c <= SQL_C_INTERVAL_MINUTE_TO_SECOND;
    }
}

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

static SQLRETURN info(const rs_conv_where *w, const char *state, const char *msg)
{
    return rs_diag_add_at(w->diag, w->row, w->col, state, 0, "%s", msg);
}

/* ---- what a server type is, for appendix D ---- */

typedef enum src_cat {
    SRC_CHAR, SRC_EXACT, SRC_FLOAT, SRC_BIT, SRC_BINARY, SRC_DATE, SRC_TIME, SRC_TIMESTAMP,
    SRC_INTERVAL, SRC_GUID
} src_cat;

static src_cat src_category(unsigned oid)
{
    switch (oid) {
    case RS_OID_INT2: case RS_OID_INT4: case RS_OID_INT8: case RS_OID_OID: case RS_OID_XID:
    case RS_OID_NUMERIC:
        return SRC_EXACT;
    case RS_OID_FLOAT4: case RS_OID_FLOAT8: return SRC_FLOAT;
    case RS_OID_BOOL: return SRC_BIT;
    case RS_OID_BYTEA: case RS_OID_VARBYTE: case RS_OID_GEOMETRY: case RS_OID_GEOMETRY_VALUE:
    case RS_OID_GEOGRAPHY:
        return SRC_BINARY;
    case RS_OID_DATE: return SRC_DATE;
    case RS_OID_TIME: case RS_OID_TIMETZ: return SRC_TIME;
    case RS_OID_TIMESTAMP: case RS_OID_TIMESTAMPTZ: return SRC_TIMESTAMP;
    case RS_OID_INTERVAL: case RS_OID_INTERVALY2M: case RS_OID_INTERVALD2S: return SRC_INTERVAL;
    case RS_OID_UUID: return SRC_GUID;
    default: return SRC_CHAR;   /* text, varchar, json, SUPER, HLLSKETCH, unknown types */
    }
}

static int is_interval_ctype(SQLSMALLINT c)
{
    return c >= SQL_C_INTERVAL_YEAR && c <= SQL_C_INTERVAL_MINUTE_TO_SECOND;
}

static int is_single_field_interval(SQLSMALLINT c)
{
    return c >= SQL_C_INTERVAL_YEAR && c <= SQL_C_INTERVAL_SECOND;
}

/* 1 when appendix D has no conversion from the source to the C type (07006). Character,
 * wide character and binary targets take every type. */
static int restricted(src_cat src, SQLSMALLINT c)
{
    if (c == SQL_C_CHAR || c == SQL_C_WCHAR || c == SQL_C_BINARY || src == SRC_CHAR)
        return 0;
    switch (c) {
    case SQL_C_DATE: case SQL_C_TYPE_DATE:
        return src != SRC_DATE && src != SRC_TIMESTAMP;
    case SQL_C_TIME: case SQL_C_TYPE_TIME:
        return src != SRC_TIME && src != SRC_TIMESTAMP;
    case SQL_C_TIMESTAMP: case SQL_C_TYPE_TIMESTAMP:
        return src != SRC_DATE && src != SRC_TIME && src != SRC_TIMESTAMP;
    case SQL_C_GUID:
        return src != SRC_GUID;
    default:
        if (is_interval_ctype(c))
            return !(src == SRC_INTERVAL || (src == SRC_EXACT && is_single_field_interval(c)));
        /* numbers and bits: from numbers and booleans only */
        return src != SRC_EXACT && src != SRC_FLOAT && src != SRC_BIT;
    }
}

/* ---- numbers ---- */

/* A boolean's text ("t"/"f") as the number 1 or 0. */
static int bool_num(const char *v, size_t len, unsigned oid, rs_num_parts *n)
{
    if (oid != RS_OID_BOOL || len != 1 || (v[0] != 't' && v[0] != 'f'))
        return 0;
    memset(n, 0, sizeof *n);
    n->ip = v[0] == 't' ? "1" : "0";
    n->ilen = 1;
    return 1;
}

/* Parse a number for a numeric C type: 22018 when the text is no number. nan_ok: the target
 * has a NaN (floating point); elsewhere NaN is 22018 too, since it is no value at all. */
static SQLRETURN parse_for_number(const char *v, size_t len, unsigned oid, int nan_ok,
                                  rs_num_parts *n, const rs_conv_where *w)
{
    if (bool_num(v, len, oid, n))
        return SQL_SUCCESS;
    if (rs_parse_num(v, len, n) < 0)
        return err(w, "22018", "Invalid character value for the requested numeric type.");
    if (n->special == 1 && !nan_ok)
        return err(w, "22018", "Invalid character value: NaN has no value in the requested C type.");
    return SQL_SUCCESS;
}

static SQLRETURN to_integer(const char *v, size_t len, unsigned oid, const rs_conv_target *t,
                            const rs_conv_where *w)
{
    rs_num_parts n;
    uint64_t mag = 0;
    int frac = 0;
    /* fast path: the server's integer text, [-]digits, at most 18 of them */
    size_t i = len > 0 && v[0] == '-';
    if (len > i && len - i <= 18) {
        for (; i < len && v[i] >= '0' && v[i] <= '9'; i++)
            mag = mag * 10 + (uint64_t)(v[i] - '0');
    }
    if (i == len && len > 0 && !(len == 1 && v[0] == '-')) {
        n.neg = v[0] == '-';
    } else {
        SQLRETURN prc = parse_for_number(v, len, oid, 0, &n, w);
        if (prc != SQL_SUCCESS)
            return prc;
        if (n.special || rs_num_to_u64(&n, &mag, &frac) < 0)
            return err(w, "22003", "Numeric value out of range for the requested C type.");
    }
    int64_t lo;
    uint64_t hi;
    switch (t->ctype) {
    case SQL_C_BIT:
        /* appendix D: 0 and 1 exactly; above 0 and below 2 truncates (01S07); else 22003 */
        if (n.neg && (mag || frac))
            return err(w, "22003", "Numeric value out of range for SQL_C_BIT (below 0).");
        if (mag > 1)
            return err(w, "22003", "Numeric value out of range for SQL_C_BIT (2 or more).");
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
    double d;
    rs_num_parts n;
    SQLRETURN prc = parse_for_number(v, len, oid, 1, &n, w);
    if (prc != SQL_SUCCESS)
        return prc;
    if (n.special) {
        d = n.special == 1 ? NAN : n.special == 2 ? INFINITY : -INFINITY;
    } else if (len < 64 && oid != RS_OID_BOOL) {
        /* short text (all the server prints for floats): strtod on it directly */
        char buf[64];
        memcpy(buf, v, len);
        buf[len] = '\0';
        if (rs_fast_strtod(v, len, &d) < 0) {
            locale_t c = rs_c_numeric_locale();
            d = c ? strtod_l(buf, NULL, c) : strtod(buf, NULL);
        }
        if (!isfinite(d))
            return err(w, "22003", "Numeric value out of range for the requested floating-point type.");
    } else {
        d = rs_num_to_double(&n);
        /* finite text beyond the double range: out of range, not infinity */
        if (!isfinite(d))
            return err(w, "22003", "Numeric value out of range for the requested floating-point type.");
    }
    if (t->ctype == SQL_C_FLOAT) {
        if (isfinite(d) && isinf((float)d))
            return err(w, "22003", "Numeric value out of range for SQL_C_FLOAT.");
        if (t->ptr) *(float *)t->ptr = (float)d;
    } else if (t->ptr) {
        *(double *)t->ptr = d;
    }
    return SQL_SUCCESS;
}

/* SQL_NUMERIC_STRUCT: little-endian 128-bit magnitude scaled by 10^scale. */
static SQLRETURN to_numeric(const char *v, size_t len, unsigned oid, const rs_conv_target *t,
                            const rs_conv_where *w)
{
    rs_num_parts n;
    SQLRETURN prc = parse_for_number(v, len, oid, 0, &n, w);
    if (prc != SQL_SUCCESS)
        return prc;
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

static SQLRETURN to_datetime(const char *v, size_t len, unsigned oid, const rs_conv_target *t,
                             const rs_conv_where *w)
{
    rs_dt_parts d;
    src_cat src = src_category(oid);
    if (src == SRC_CHAR) {   /* character columns may pad; the server's dates never do */
        while (len > 0 && (*v == ' ' || *v == '\t')) {
            v++;
            len--;
        }
        while (len > 0 && (v[len - 1] == ' ' || v[len - 1] == '\t'))
            len--;
    }
    if ((len == 8 && !memcmp(v, "infinity", 8)) || (len == 9 && !memcmp(v, "-infinity", 9)))
        return err(w, "22008", "Datetime field overflow: infinity has no ODBC structure.");
    if (rs_parse_datetime(v, len, &d) < 0)
        return err(w, "22018", "Invalid character value for a date, time or timestamp.");
    if (d.year < -32767 || d.year > 32767)
        return err(w, "22008", "Datetime field overflow: the year does not fit the ODBC structure.");
    /* well-formed but no such day (text columns only: the server never sends one) */
    if (src == SRC_CHAR && d.has_date && d.day > rs_days_in_month(d.year, d.month))
        return err(w, "22007", "Invalid datetime format: no such day in that month.");
    SQLRETURN rc = SQL_SUCCESS;
    switch (t->ctype) {
    case SQL_C_DATE: case SQL_C_TYPE_DATE:
        if (!d.has_date)
            return err(w, "22018", "Invalid character value for a date.");
        if (t->ptr) {
            SQL_DATE_STRUCT *ds = t->ptr;
            ds->year = (SQLSMALLINT)d.year; ds->month = (SQLUSMALLINT)d.month; ds->day = (SQLUSMALLINT)d.day;
        }
        if (d.hour || d.minute || d.second || d.fraction)
            rc = info(w, "01S07", "Fractional truncation: the time part was dropped.");
        return rc;
    case SQL_C_TIME: case SQL_C_TYPE_TIME:
        if (!d.has_time)
            return err(w, "22018", "Invalid character value for a time.");
        if (src == SRC_CHAR && d.has_date)
            return err(w, "22018", "Invalid character value for a time: the text is a timestamp.");
        if (t->ptr) {
            SQL_TIME_STRUCT *ts = t->ptr;
            ts->hour = (SQLUSMALLINT)d.hour; ts->minute = (SQLUSMALLINT)d.minute; ts->second = (SQLUSMALLINT)d.second;
        }
        if (d.fraction)
            rc = info(w, "01S07", "Fractional truncation: fractional seconds were dropped.");
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

/* ---- intervals ---- */

static SQLRETURN iv_result(int r, const rs_conv_where *w)
{
    if (r == RS_IV_OVERFLOW)
        return err(w, "22015", "Interval field overflow: the value has a part this interval type "
                               "cannot hold (months in a day-time interval or days and time in a "
                               "year-month interval), or its leading field exceeds 32 bits.");
    if (r == RS_IV_TRUNCATED)
        return info(w, "01S07", "Fractional truncation: trailing interval fields were dropped.");
    return SQL_SUCCESS;
}

static SQLRETURN to_interval(const char *v, size_t len, unsigned oid, const rs_conv_target *t,
                             const rs_conv_where *w)
{
    rs_interval iv;
    SQL_INTERVAL_STRUCT out;
    if (src_category(oid) == SRC_EXACT) {
        /* an exact number into a single-field interval: the leading field */
        rs_num_parts n;
        uint64_t mag;
        int frac;
        if (rs_parse_num(v, len, &n) < 0 || n.special)
            return err(w, "22018", "Invalid character value for an interval.");
        if (rs_num_to_u64(&n, &mag, &frac) < 0 || mag > UINT32_MAX)
            return err(w, "22015", "Interval field overflow: the leading field exceeds 32 bits.");
        memset(&out, 0, sizeof out);
        out.interval_type = (SQLINTERVAL)(t->ctype - 100);
        out.interval_sign = n.neg && (mag || frac) ? SQL_TRUE : SQL_FALSE;
        SQL_DAY_SECOND_STRUCT *ds = &out.intval.day_second;
        switch (t->ctype) {
        case SQL_C_INTERVAL_YEAR: out.intval.year_month.year = (SQLUINTEGER)mag; break;
        case SQL_C_INTERVAL_MONTH: out.intval.year_month.month = (SQLUINTEGER)mag; break;
        case SQL_C_INTERVAL_DAY: ds->day = (SQLUINTEGER)mag; break;
        case SQL_C_INTERVAL_HOUR: ds->hour = (SQLUINTEGER)mag; break;
        case SQL_C_INTERVAL_MINUTE: ds->minute = (SQLUINTEGER)mag; break;
        default:
            ds->second = (SQLUINTEGER)mag;
            if (n.exp == 0 && frac) {
                /* seconds keep six fractional digits */
                SQLUINTEGER us = 0;
                for (size_t k = 0; k < 6; k++)
                    us = us * 10 + (SQLUINTEGER)(k < n.flen ? n.fp[k] - '0' : 0);
                ds->fraction = us;
                frac = 0;
                for (size_t k = 6; k < n.flen; k++)
                    if (n.fp[k] != '0')
                        frac = 1;
            }
            break;
        }
        if (t->ptr)
            *(SQL_INTERVAL_STRUCT *)t->ptr = out;
        return iv_result(frac ? RS_IV_TRUNCATED : RS_IV_OK, w);
    }
    if (rs_interval_parse(v, len, &iv) < 0)
        return err(w, "22018", "Invalid character value for an interval.");
    int r = rs_interval_to_struct(&iv, t->ctype, &out);
    if (r != RS_IV_OVERFLOW && t->ptr)
        *(SQL_INTERVAL_STRUCT *)t->ptr = out;
    return iv_result(r, w);
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

/* Appendix D: a number, date, time, timestamp, GUID, interval or bit may not be cut to fit a
 * character buffer. Only fractional digits may go (01004); a buffer too small for the rest
 * is 22003. Returns the bytes that must fit, 0 when any cut is a plain truncation. */
static size_t must_fit(src_cat src, const char *v, size_t len)
{
    const char *dot;
    switch (src) {
    case SRC_CHAR: case SRC_BINARY:
        return 0;
    case SRC_EXACT: case SRC_FLOAT: {
        size_t d = len;
        for (size_t i = 0; i < len; i++) {
            if (v[i] == 'e' || v[i] == 'E')
                return len;
            if (v[i] == '.' && d == len)
                d = i;
        }
        return d;
    }
    case SRC_TIME: case SRC_TIMESTAMP:
        dot = memchr(v, '.', len);
        return dot ? (size_t)(dot - v) : len;
    default:
        return len;
    }
}

static SQLRETURN truncated(const rs_conv_where *w)
{
    return info(w, "01004", "String data, right truncated.");
}

static SQLRETURN too_small(const rs_conv_where *w)
{
    return err(w, "22003", "Numeric value out of range: the buffer cannot hold the value's "
                           "significant part (appendix D forbids cutting it).");
}

static SQLRETURN to_char(const char *v, size_t len, src_cat cat, const rs_conv_target *t,
                         SQLLEN *len_out, const rs_conv_where *w)
{
    size_t off = w->offset ? (size_t)*w->offset : 0;
    if (w->offset && off > 0 && off >= len)
        return SQL_NO_DATA;
    /* (must_fit only when the value does not fit: the fetch path stays short) */
    if (off == 0 && t->ptr && t->buflen > 0 && (size_t)t->buflen - 1 < len &&
        (size_t)t->buflen - 1 < must_fit(cat, v, len))
        return too_small(w);
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

/* UTF-16 (surrogate pairs for characters beyond the BMP); never splits a pair. */
static SQLRETURN to_wchar(const char *v, size_t len, src_cat cat, const rs_conv_target *t,
                          SQLLEN *len_out, const rs_conv_where *w)
{
    size_t off = w->offset ? (size_t)*w->offset : 0;
    if (w->offset && off > 0 && off >= len)
        return SQL_NO_DATA;
    size_t cap = t->buflen > 0 ? (size_t)t->buflen / sizeof(SQLWCHAR) : 0;
    /* must_fit text is ASCII: one unit a byte */
    if (off == 0 && t->ptr && cap > 0 && cap - 1 < len && cap - 1 < must_fit(cat, v, len))
        return too_small(w);
    const char *src = v + off;
    size_t left = len - off;
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

/* Binary types give their bytes (the server's hex decoded); every other type gives the bytes
 * of its character form, and a number, date or GUID that does not fit whole is 22003. */
static SQLRETURN to_binary(const char *v, size_t len, unsigned oid, const rs_conv_target *t,
                           SQLLEN *len_out, const rs_conv_where *w)
{
    src_cat cat = src_category(oid);
    int hex = 0;
    const char *src = v;
    if (cat == SRC_BINARY) {
        hex = 1;   /* bytea prints \x..., Redshift's VARBYTE, GEOMETRY and GEOGRAPHY plain hex */
        if (len >= 2 && v[0] == '\\' && v[1] == 'x')
            src = v + 2;
        else if (oid == RS_OID_BYTEA)
            hex = 0;   /* bytea_output = escape: pass the text through */
    } else {
        char_view(v, len, oid, &src, &len);
        v = src;
    }
    size_t total = hex ? (len - (size_t)(src - v)) / 2 : len;
    size_t off = w->offset ? (size_t)*w->offset : 0;
    if (w->offset && off > 0 && off >= total)
        return SQL_NO_DATA;
    size_t left = total - off;
    size_t room = (size_t)(t->buflen > 0 ? t->buflen : 0);
    if (off == 0 && t->ptr && cat != SRC_CHAR && cat != SRC_BINARY && room < total)
        return too_small(w);
    if (len_out)
        *len_out = (SQLLEN)left;
    if (!t->ptr)
        return SQL_SUCCESS;
    size_t n = left < room ? left : room;
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
    src_cat src = src_category(oid);
    if (c == SQL_C_CHAR || c == SQL_C_WCHAR) {
        const char *cv;
        size_t cl;
        char_view(v, len, oid, &cv, &cl);
        return c == SQL_C_CHAR ? to_char(cv, cl, src, t, len_out, w)
                               : to_wchar(cv, cl, src, t, len_out, w);
    }
    if (c == SQL_C_BINARY)
        return to_binary(v, len, oid, t, len_out, w);
    if (rs_ctype_size(c) == 0)
        return err(w, "HY003", "The C data type is not supported for this column.");
    if (restricted(src, c))
        return err(w, "07006", "Restricted data type attribute violation: appendix D has no "
                               "conversion from this column's type to the requested C type.");

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
        rc = to_numeric(v, len, oid, t, w);
        break;
    case SQL_C_DATE: case SQL_C_TYPE_DATE: case SQL_C_TIME: case SQL_C_TYPE_TIME:
    case SQL_C_TIMESTAMP: case SQL_C_TYPE_TIMESTAMP:
        rc = to_datetime(v, len, oid, t, w);
        break;
    case SQL_C_GUID:
        rc = to_guid(v, len, t, w);
        break;
    default:
        rc = to_interval(v, len, oid, t, w);
        break;
    }
    if (len_out && RS_OK_RC(rc))
        *len_out = rs_ctype_size(c);
    return rc;
}
