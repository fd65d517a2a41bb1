/* cparam.c - C values to parameter text, with the checks of the ODBC appendix D tables from
 * C types to SQL types: a value the SQL type cannot take is refused here with its SQLSTATE
 * (22003, 22001, 22007, 22008, 22015, 22018, 07006) instead of by the server. */
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "types/convert.h"
#include "types/cparam.h"
#include "types/interval.h"
#include "types/pgtypes.h"
#include "types/textparse.h"
#include "util/text.h"

unsigned rs_sql_type_oid(SQLSMALLINT sql_type)
{
    switch (sql_type) {
    case SQL_BIT: return RS_OID_BOOL;
    case SQL_TINYINT: case SQL_SMALLINT: return RS_OID_INT2;
    case SQL_INTEGER: return RS_OID_INT4;
    case SQL_BIGINT: return RS_OID_INT8;
    case SQL_REAL: return RS_OID_FLOAT4;
    case SQL_FLOAT: case SQL_DOUBLE: return RS_OID_FLOAT8;
    case SQL_NUMERIC: case SQL_DECIMAL: return RS_OID_NUMERIC;
    case SQL_TYPE_DATE: case SQL_DATE: return RS_OID_DATE;
    case SQL_TYPE_TIME: case SQL_TIME: return RS_OID_TIME;
    case SQL_TYPE_TIMESTAMP: case SQL_TIMESTAMP: return RS_OID_TIMESTAMP;
    case SQL_BINARY: case SQL_VARBINARY: case SQL_LONGVARBINARY: return RS_OID_BYTEA;
    case SQL_GUID: return RS_OID_UUID;
    default:
        if (sql_type >= SQL_INTERVAL_YEAR && sql_type <= SQL_INTERVAL_MINUTE_TO_SECOND)
            return RS_OID_INTERVAL;
        return 0;   /* character data: the server infers from the context */
    }
}

/* What the SQL type of a parameter asks for. */
typedef enum dst_cat {
    DST_CHAR, DST_BIT, DST_INT, DST_EXACT, DST_FLOAT, DST_DATE, DST_TIME, DST_TIMESTAMP,
    DST_BINARY, DST_GUID, DST_IV_YM, DST_IV_DS
} dst_cat;

static dst_cat dst_category(SQLSMALLINT sql_type)
{
    switch (sql_type) {
    case SQL_BIT: return DST_BIT;
    case SQL_TINYINT: case SQL_SMALLINT: case SQL_INTEGER: case SQL_BIGINT: return DST_INT;
    case SQL_NUMERIC: case SQL_DECIMAL: return DST_EXACT;
    case SQL_REAL: case SQL_FLOAT: case SQL_DOUBLE: return DST_FLOAT;
    case SQL_TYPE_DATE: case SQL_DATE: return DST_DATE;
    case SQL_TYPE_TIME: case SQL_TIME: return DST_TIME;
    case SQL_TYPE_TIMESTAMP: case SQL_TIMESTAMP: return DST_TIMESTAMP;
    case SQL_BINARY: case SQL_VARBINARY: case SQL_LONGVARBINARY: return DST_BINARY;
    case SQL_GUID: return DST_GUID;
    case SQL_INTERVAL_YEAR: case SQL_INTERVAL_MONTH: case SQL_INTERVAL_YEAR_TO_MONTH: return DST_IV_YM;
    default:
        if (sql_type >= SQL_INTERVAL_DAY && sql_type <= SQL_INTERVAL_MINUTE_TO_SECOND)
            return DST_IV_DS;
        return DST_CHAR;
    }
}

typedef struct pctx {
    rs_diag *diag;
    SQLLEN row;
    int col;
} pctx;

static SQLRETURN perr(const pctx *c, const char *state, const char *what)
{
    return rs_diag_add_at(c->diag, c->row, c->col, state, 0, "Parameter %d: %s", c->col, what);
}

static SQLRETURN restricted(const pctx *c)
{
    return perr(c, "07006", "restricted data type attribute violation: appendix D has no "
                            "conversion from this C type to the parameter's SQL type.");
}

static SQLRETURN own(rs_param_value *out, const char *text, size_t n, rs_diag *diag)
{
    if (n < sizeof out->small) {
        memcpy(out->small, text, n);
        out->small[n] = '\0';
        out->data = out->small;
        out->len = (int)n;
        out->owned = 0;
        return SQL_SUCCESS;
    }
    out->data = malloc(n + 1);
    if (!out->data)
        return rs_diag_oom(diag);
    memcpy(out->data, text, n);
    out->data[n] = '\0';
    out->len = (int)n;
    out->owned = 1;
    return SQL_SUCCESS;
}

/* Decimal text of v into buf (room for 21 bytes): what "%" PRId64 prints, without printf. */
_Static_assert(sizeof ((rs_param_value *)0)->small >= 21, "an integer's text fits in a parameter value");
static int i64_text(int64_t v, char *buf)
{
    char tmp[24];
    int n = 0, o = 0;
    uint64_t m = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    do {
        tmp[n++] = (char)('0' + (int)(m % 10));
        m /= 10;
    } while (m);
    if (v < 0)
        buf[o++] = '-';
    while (n > 0)
        buf[o++] = tmp[--n];
    buf[o] = '\0';
    return o;
}

/* v as exactly `width` digits (zero-padded), for dates and times. */
static char *digits_n(char *p, unsigned v, int width)
{
    for (int i = width - 1; i >= 0; i--) {
        p[i] = (char)('0' + v % 10);
        v /= 10;
    }
    return p + width;
}

/* SQL_NUMERIC_STRUCT to decimal text; buf holds at least 64 bytes. */
static void numeric_text(const SQL_NUMERIC_STRUCT *ns, char *buf, size_t buflen)
{
    unsigned __int128 v = 0;
    for (int i = SQL_MAX_NUMERIC_LEN - 1; i >= 0; i--)
        v = (v << 8) | ns->val[i];
    char digits[64];
    int nd = 0;
    do {
        digits[nd++] = (char)('0' + (int)(v % 10));
        v /= 10;
    } while (v);
    int scale = ns->scale;
    size_t o = 0;
    if (ns->sign == 0)
        buf[o++] = '-';
    if (scale <= 0) {
        for (int i = nd - 1; i >= 0; i--)
            buf[o++] = digits[i];
        for (int i = 0; i < -scale && o < buflen - 1; i++)
            buf[o++] = '0';
    } else {
        int intdigits = nd - scale;
        if (intdigits <= 0) {
            buf[o++] = '0';
            buf[o++] = '.';
            for (int i = 0; i < -intdigits && o < buflen - 1 - (size_t)nd; i++)
                buf[o++] = '0';
            for (int i = nd - 1; i >= 0; i--)
                buf[o++] = digits[i];
        } else {
            for (int i = nd - 1; i >= 0; i--) {
                buf[o++] = digits[i];
                if (i == scale)
                    buf[o++] = '.';
            }
        }
    }
    buf[o < buflen ? o : buflen - 1] = '\0';
}

/* What "%.<digits>g" prints for d, without printf, when the value's exact decimal expansion
 * is short: d a multiple of 2^-10 whose exact decimal has at most `digits` significant
 * digits (integers, halves, quarters, ...). Then %g prints that exact value in plain
 * notation (its exponent is between -4 and digits - 1) with the trailing zeros of the
 * fraction removed, and so does this. -1 when d is not such a value. */
static int exact_g_text(double d, int digits, char *buf)
{
    static const double pow10[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
                                    1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17 };
    double a = d < 0 ? -d : d;
    if (!(a < pow10[digits]))   /* also NaN and the infinities */
        return -1;
    char *p = buf;
    if (signbit(d))
        *p++ = '-';
    uint64_t ip = (uint64_t)a;   /* a < 1e17 < 2^64 */
    double frac = a - (double)ip;   /* exact: both below 2^57, and a - ip has fewer bits than a */
    int m = 0;
    uint64_t fnum = 0;   /* frac = fnum / 2^m */
    if (frac != 0) {
        /* a has a fraction, so a < 2^52 and frac * 2^10 stays exact */
        while (frac != (double)(uint64_t)frac) {
            if (++m > 10 || digits - m < 1 || !(a < pow10[digits - m]))
                return -1;
            frac *= 2;
        }
        fnum = (uint64_t)frac;
    }
    p += i64_text((int64_t)ip, p);
    if (fnum) {
        /* fnum / 2^m = fnum * 5^m / 10^m: m decimal digits, the trailing zeros dropped */
        uint64_t f = fnum;
        for (int i = 0; i < m; i++)
            f *= 5;
        char fd[10];
        for (int i = m - 1; i >= 0; i--) {
            fd[i] = (char)('0' + (int)(f % 10));
            f /= 10;
        }
        int keep = m;
        while (keep > 0 && fd[keep - 1] == '0')
            keep--;
        *p++ = '.';
        memcpy(p, fd, (size_t)keep);
        p += keep;
    }
    *p = '\0';
    return (int)(p - buf);
}

int rs_double_text(double d, int is_float, char *buf, size_t buflen)
{
    if (d != d)
        return snprintf(buf, buflen, "NaN");
    if (d > 1.7976931348623157e308 || d < -1.7976931348623157e308)
        return snprintf(buf, buflen, "%sInfinity", d < 0 ? "-" : "");
    int n;
    if (buflen >= 32 && (n = exact_g_text(d, is_float ? 9 : 17, buf)) >= 0)
        return n;
    locale_t c = rs_c_numeric_locale(), old = c ? uselocale(c) : (locale_t)0;
    n = snprintf(buf, buflen, is_float ? "%.9g" : "%.17g", d);
    if (c)
        uselocale(old);
    return n;
}

/* Number text against a numeric SQL type: integers lose no digit (22001 fractional, 22003
 * whole), bits take 0 and 1, and what the server should see is written to out. */
static SQLRETURN number_for(const char *text, size_t len, SQLSMALLINT sql_type, dst_cat dst,
                            char *out, size_t outlen, const pctx *c)
{
    rs_num_parts n;
    if (rs_parse_num(text, len, &n) < 0)
        return perr(c, "22018", "invalid character value: not a numeric literal.");
    if (dst == DST_EXACT || dst == DST_FLOAT || dst == DST_CHAR) {
        size_t i = 0;   /* trimmed */
        while (i < len && text[i] == ' ')
            i++;
        while (len > i && text[len - 1] == ' ')
            len--;
        if (len - i >= outlen)
            return 1;   /* the caller sends the text itself */
        memcpy(out, text + i, len - i);
        out[len - i] = '\0';
        return SQL_SUCCESS;
    }
    uint64_t mag;
    int frac;
    if (n.special || rs_num_to_u64(&n, &mag, &frac) < 0)
        return perr(c, "22003", "numeric value out of range for the parameter's SQL type.");
    if (dst == DST_BIT) {
        if (n.neg && (mag || frac))
            return perr(c, "22003", "numeric value out of range for SQL_BIT (below 0).");
        if (mag > 1)
            return perr(c, "22003", "numeric value out of range for SQL_BIT (2 or more).");
        if (frac)
            return perr(c, "22001", "string data, right truncated: SQL_BIT takes 0 or 1.");
        snprintf(out, outlen, "%s", mag ? "1" : "0");
        return SQL_SUCCESS;
    }
    uint64_t hi = sql_type == SQL_BIGINT ? (uint64_t)INT64_MAX : sql_type == SQL_INTEGER ? INT32_MAX : INT16_MAX;
    if (mag > hi + (n.neg ? 1 : 0))
        return perr(c, "22003", "numeric value out of range for the parameter's integer type.");
    if (frac)
        return perr(c, "22001", "string data, right truncated: an integer type drops the fraction.");
    snprintf(out, outlen, "%s%" PRIu64, n.neg && mag ? "-" : "", mag);
    return SQL_SUCCESS;
}

/* ---- dates and times ---- */

static int ymd_text(char *buf, size_t buflen, int year, unsigned month, unsigned day, int *bc)
{
    *bc = year <= 0;
    return snprintf(buf, buflen, "%04d-%02u-%02u", *bc ? 1 - year : year, month, day);
}

static int valid_date(int year, unsigned month, unsigned day)
{
    return month >= 1 && month <= 12 && day >= 1 && (int)day <= rs_days_in_month(year, (int)month);
}

static int valid_time(unsigned h, unsigned m, unsigned s)
{
    return h <= 23 && m <= 59 && s <= 59;
}

static void today(int *y, unsigned *m, unsigned *d)
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    *y = tm.tm_year + 1900;
    *m = (unsigned)tm.tm_mon + 1;
    *d = (unsigned)tm.tm_mday;
}

/* Write date/time text from fields for the SQL type dst. */
static int datetime_text(char *buf, size_t buflen, dst_cat dst, int has_date, int year, unsigned month,
                         unsigned day, unsigned h, unsigned mi, unsigned s, unsigned frac_ns)
{
    int bc = 0, n = 0;
    if (dst == DST_TIME) {
        n = snprintf(buf, buflen, "%02u:%02u:%02u", h, mi, s);
        if (frac_ns)
            n += snprintf(buf + n, buflen - (size_t)n, ".%09u", frac_ns);
        return n;
    }
    if (!has_date)
        today(&year, &month, &day);
    if (year >= 1 && year <= 9999 && month <= 99 && day <= 99 && h <= 99 && mi <= 99 && s <= 99 &&
        frac_ns <= 999999999 && buflen >= 32) {
        /* the common case without printf: YYYY-MM-DD[ HH:MM:SS.fffffffff] */
        char *p = digits_n(buf, (unsigned)year, 4);
        *p++ = '-';
        p = digits_n(p, month, 2);
        *p++ = '-';
        p = digits_n(p, day, 2);
        if (dst != DST_DATE) {
            *p++ = ' ';
            p = digits_n(p, h, 2);
            *p++ = ':';
            p = digits_n(p, mi, 2);
            *p++ = ':';
            p = digits_n(p, s, 2);
            *p++ = '.';
            p = digits_n(p, frac_ns, 9);
        }
        *p = '\0';
        return (int)(p - buf);
    }
    n = ymd_text(buf, buflen, year, month, day, &bc);
    if (dst != DST_DATE)
        n += snprintf(buf + n, buflen - (size_t)n, " %02u:%02u:%02u.%09u", h, mi, s, frac_ns);
    if (bc)
        n += snprintf(buf + n, buflen - (size_t)n, " BC");
    return n;
}

/* Character data for a date, time or timestamp parameter: an ODBC literal (or its escape
 * {d '...'}, {t '...'}, {ts '...'}) or the server's own forms (BC, zone offsets, infinity).
 * Malformed text is 22007; a time part a date cannot keep is 22008. */
static SQLRETURN datetime_from_text(const char *v, size_t len, dst_cat dst, char *out, size_t outlen,
                                    const pctx *c)
{
    while (len && (*v == ' ' || *v == '\t')) { v++; len--; }
    while (len && (v[len - 1] == ' ' || v[len - 1] == '\t')) len--;
    if (len > 4 && v[0] == '{' && v[len - 1] == '}') {
        size_t i = 1;
        while (i < len && v[i] != '\'')
            i++;
        if (i + 1 >= len - 1 || v[len - 2] != '\'')
            return perr(c, "22007", "invalid datetime format: malformed escape clause.");
        v += i + 1;
        len = len - 2 - (i + 1);
    }
    if (dst != DST_TIME && ((len == 8 && !memcmp(v, "infinity", 8)) || (len == 9 && !memcmp(v, "-infinity", 9)))) {
        snprintf(out, outlen, "%.*s", (int)len, v);
        return SQL_SUCCESS;
    }
    rs_dt_parts d;
    if (len >= outlen || rs_parse_datetime(v, len, &d) < 0)
        return perr(c, "22007", "invalid datetime format.");
    if (d.has_date && d.day > rs_days_in_month(d.year, d.month))
        return perr(c, "22007", "invalid datetime format: no such day in that month.");
    if (d.has_time && (d.hour > 23 || d.second > 59) && !(d.hour == 24 && !d.minute && !d.second && !d.fraction))
        return perr(c, "22007", "invalid datetime format: time field out of range.");
    switch (dst) {
    case DST_DATE:
        if (!d.has_date)
            return perr(c, "22007", "invalid datetime format: a time is no date.");
        if (d.hour || d.minute || d.second || d.fraction)
            return perr(c, "22008", "datetime field overflow: a date parameter cannot keep the time part.");
        break;
    case DST_TIME:
        if (!d.has_time)
            return perr(c, "22007", "invalid datetime format: a date is no time.");
        if (d.has_date) {
            if (d.fraction)
                return perr(c, "22008", "datetime field overflow: a time parameter from a timestamp "
                                        "cannot keep fractional seconds.");
            snprintf(out, outlen, "%02d:%02d:%02d", d.hour, d.minute, d.second);
            return SQL_SUCCESS;
        }
        break;
    default: /* timestamp */
        if (!d.has_date) {   /* a time alone takes today's date */
            int y;
            unsigned m, day;
            today(&y, &m, &day);
            snprintf(out, outlen, "%04d-%02u-%02u %.*s", y, m, day, (int)len, v);
            return SQL_SUCCESS;
        }
        break;
    }
    snprintf(out, outlen, "%.*s", (int)len, v);
    return SQL_SUCCESS;
}

static SQLRETURN guid_from_text(const char *v, size_t len, const pctx *c)
{
    if (len == 38 && v[0] == '{' && v[37] == '}') { v++; len -= 2; }
    if (len != 36)
        return perr(c, "22018", "invalid character value for a GUID.");
    for (size_t i = 0; i < len; i++) {
        int dash = i == 8 || i == 13 || i == 18 || i == 23;
        int hex = (v[i] >= '0' && v[i] <= '9') || (v[i] >= 'a' && v[i] <= 'f') || (v[i] >= 'A' && v[i] <= 'F');
        if (dash ? v[i] != '-' : !hex)
            return perr(c, "22018", "invalid character value for a GUID.");
    }
    return SQL_SUCCESS;
}

static int hexval(char ch)
{
    if (ch >= '0' && ch <= '9') return ch - '0';
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
    return -1;
}

/* Character data for a binary parameter: hexadecimal digits (appendix D), sent as bytes. */
static SQLRETURN binary_from_hex(const char *v, size_t len, rs_param_value *out, const pctx *c)
{
    if (len >= 2 && v[0] == '0' && (v[1] == 'x' || v[1] == 'X')) { v += 2; len -= 2; }
    if (len % 2)
        return perr(c, "22018", "invalid character value: binary data needs pairs of hex digits.");
    out->data = malloc(len / 2 + 1);
    if (!out->data)
        return rs_diag_oom(c->diag);
    out->owned = 1;
    out->binary = 1;
    for (size_t i = 0; i < len; i += 2) {
        int hi = hexval(v[i]), lo = hexval(v[i + 1]);
        if (hi < 0 || lo < 0) {
            rs_param_value_free(out);
            return perr(c, "22018", "invalid character value: not a hexadecimal value.");
        }
        out->data[i / 2] = (char)(hi << 4 | lo);
    }
    out->len = (int)(len / 2);
    return SQL_SUCCESS;
}

/* Character data (UTF-8) for the SQL type; v stays valid for the call. */
static SQLRETURN from_text(const char *v, size_t len, SQLSMALLINT sql_type, rs_param_value *out,
                           const pctx *c, int borrowed)
{
    char buf[128];
    dst_cat dst = dst_category(sql_type);
    SQLRETURN rc;
    switch (dst) {
    case DST_CHAR: case DST_EXACT: case DST_FLOAT:
        if (dst != DST_CHAR && (rc = number_for(v, len, sql_type, dst, buf, sizeof buf, c)) != 1 &&
            rc != SQL_SUCCESS)
            return rc;
        break;   /* the text itself */
    case DST_BIT: {
        /* the server's words for a boolean are kept; numbers follow appendix D */
        static const char *const words[] = { "true", "false", "t", "f", "yes", "no", "on", "off" };
        for (size_t i = 0; i < sizeof words / sizeof *words; i++)
            if (strlen(words[i]) == len && !strncasecmp(words[i], v, len))
                goto text;
    }
        /* fall through */
    case DST_INT:
        rc = number_for(v, len, sql_type, dst, buf, sizeof buf, c);
        return rc == SQL_SUCCESS ? own(out, buf, strlen(buf), c->diag) : rc;
    case DST_DATE: case DST_TIME: case DST_TIMESTAMP:
        rc = datetime_from_text(v, len, dst, buf, sizeof buf, c);
        return rc == SQL_SUCCESS ? own(out, buf, strlen(buf), c->diag) : rc;
    case DST_BINARY:
        return binary_from_hex(v, len, out, c);
    case DST_GUID:
        if ((rc = guid_from_text(v, len, c)) != SQL_SUCCESS)
            return rc;
        break;
    case DST_IV_YM: case DST_IV_DS: {
        rs_interval iv;
        if (rs_interval_parse(v, len, &iv) < 0)
            return perr(c, "22018", "invalid character value for an interval.");
        if (dst == DST_IV_YM ? (iv.days || iv.usec) : iv.months != 0)
            return perr(c, "22015", "interval field overflow: the value has fields the "
                                    "parameter's interval type cannot hold.");
        break;
    }
    }
text:
    if (borrowed)
        return own(out, v, len, c->diag);
    return SQL_SUCCESS;
}

/* The C type whose bytes an SQL_C_BINARY parameter holds for an SQL type, 0 for none. */
static SQLSMALLINT binary_as_ctype(SQLSMALLINT sql_type)
{
    switch (sql_type) {
    case SQL_BIT: return SQL_C_BIT;
    case SQL_TINYINT: return SQL_C_STINYINT;
    case SQL_SMALLINT: return SQL_C_SSHORT;
    case SQL_INTEGER: return SQL_C_SLONG;
    case SQL_BIGINT: return SQL_C_SBIGINT;
    case SQL_REAL: return SQL_C_FLOAT;
    case SQL_FLOAT: case SQL_DOUBLE: return SQL_C_DOUBLE;
    case SQL_NUMERIC: case SQL_DECIMAL: return SQL_C_NUMERIC;
    case SQL_TYPE_DATE: case SQL_DATE: return SQL_C_TYPE_DATE;
    case SQL_TYPE_TIME: case SQL_TIME: return SQL_C_TYPE_TIME;
    case SQL_TYPE_TIMESTAMP: case SQL_TIMESTAMP: return SQL_C_TYPE_TIMESTAMP;
    case SQL_GUID: return SQL_C_GUID;
    default:
        if (sql_type >= SQL_INTERVAL_YEAR && sql_type <= SQL_INTERVAL_MINUTE_TO_SECOND)
            return sql_type;   /* SQL_C_INTERVAL_* share the codes */
        return 0;
    }
}

/* ---- the entry point ---- */

SQLRETURN rs_c_to_param(SQLSMALLINT ctype, const void *ptr, SQLLEN len, SQLSMALLINT sql_type,
                        SQLSMALLINT scale, rs_param_value *out, rs_diag *diag, SQLLEN row, int col)
{
    char buf[160];
    int n = -1;
    pctx c = { diag, row, col };
    memset(out, 0, sizeof *out);
    out->oid = rs_sql_type_oid(sql_type);
    if (ctype == SQL_C_DEFAULT)
        ctype = rs_sql_default_ctype(sql_type);
    dst_cat dst = dst_category(sql_type);
    (void)scale;
    /* A fixed-size value may sit at any address (row-wise parameter arrays packed without
     * padding, as pyodbc's fast_executemany lays them out): read it from an aligned copy. */
    union {
        SQLBIGINT i;
        double d;
        SQL_TIMESTAMP_STRUCT ts;
        SQL_NUMERIC_STRUCT num;
        SQL_INTERVAL_STRUCT iv;
        SQLGUID g;
    } copy;
    SQLLEN fixed = rs_ctype_size(ctype);
    if (fixed > 0 && (size_t)fixed <= sizeof copy) {
        memcpy(&copy, ptr, (size_t)fixed);
        ptr = &copy;
    }
    /* signed integers into integer, exact, approximate and character types: the text without
     * printf and without the generic number check, when the value fits (else the long way,
     * which reports 22003) */
    if ((ctype == SQL_C_SLONG || ctype == SQL_C_LONG || ctype == SQL_C_SBIGINT || ctype == SQL_C_SSHORT ||
         ctype == SQL_C_SHORT) &&
        (dst == DST_INT || dst == DST_EXACT || dst == DST_FLOAT || dst == DST_CHAR)) {
        int64_t v = ctype == SQL_C_SBIGINT ? (int64_t)*(const SQLBIGINT *)ptr
                  : ctype == SQL_C_SLONG || ctype == SQL_C_LONG ? (int64_t)*(const SQLINTEGER *)ptr
                  : (int64_t)*(const SQLSMALLINT *)ptr;
        int64_t hi = sql_type == SQL_BIGINT ? INT64_MAX : sql_type == SQL_INTEGER ? INT32_MAX : INT16_MAX;
        if (dst != DST_INT || (v <= hi && v >= -hi - 1)) {
            out->len = i64_text(v, out->small);   /* at most 21 bytes: fits */
            out->data = out->small;
            return SQL_SUCCESS;
        }
    }
    switch (ctype) {
    case SQL_C_CHAR: {
        size_t l = (len == SQL_NTS || len < 0) ? strlen(ptr) : (size_t)len;
        const char *nul = memchr(ptr, '\0', l);
        if (nul)
            l = (size_t)(nul - (const char *)ptr);
        return from_text(ptr, l, sql_type, out, &c, 1);
    }
    case SQL_C_WCHAR: {
        const SQLWCHAR *w = ptr;
        SQLWCHAR *wcopy = NULL;
        size_t units;
        if ((uintptr_t)ptr % sizeof(SQLWCHAR)) {
            /* packed row-wise arrays can leave UTF-16 at an odd address: take an aligned copy */
            const unsigned char *b = ptr;
            if (len == SQL_NTS || len < 0)
                for (units = 0; b[2 * units] || b[2 * units + 1]; units++)
                    ;
            else
                units = (size_t)len / sizeof(SQLWCHAR);
            if (!(wcopy = malloc((units + 1) * sizeof *wcopy)))
                return rs_diag_oom(diag);
            memcpy(wcopy, ptr, units * sizeof *wcopy);
            wcopy[units] = 0;
            w = wcopy;
        } else {
            units = (len == SQL_NTS || len < 0) ? rs_wcslen(ptr) : (size_t)len / sizeof(SQLWCHAR);
        }
        char *u = malloc(units * 3 + 1);
        if (!u) {
            free(wcopy);
            return rs_diag_oom(diag);
        }
        size_t bytes = rs_utf16_to_utf8(w, units, u);
        free(wcopy);
        size_t nul = strlen(u);
        size_t l = nul < bytes ? nul : bytes;
        SQLRETURN rc = from_text(u, l, sql_type, out, &c, 0);
        if (rc != SQL_SUCCESS || out->data) {
            free(u);   /* refused, or converted into a value of its own */
            return rc;
        }
        out->data = u;
        out->len = (int)l;
        out->owned = 1;
        return SQL_SUCCESS;
    }
    case SQL_C_BINARY:
        if (dst != DST_CHAR && dst != DST_BINARY) {
            /* appendix D: the bytes are the SQL type's own C form, of exactly its size */
            SQLSMALLINT as = binary_as_ctype(sql_type);
            SQLLEN need = rs_ctype_size(as);
            if (need == 0)
                return restricted(&c);
            if (len != need)
                return perr(&c, "22003", "numeric value out of range: the binary data is not as long "
                                         "as the parameter's SQL type.");
            union { SQL_INTERVAL_STRUCT iv; SQL_TIMESTAMP_STRUCT ts; SQL_NUMERIC_STRUCT n; SQLGUID g;
                    double d; SQLBIGINT b; } aligned;
            memcpy(&aligned, ptr, (size_t)need);
            return rs_c_to_param(as, &aligned, need, sql_type, scale, out, diag, row, col);
        }
        out->data = (char *)ptr;
        out->len = (int)(len < 0 ? 0 : len);
        if (dst == DST_BINARY || out->oid == 0) {
            out->binary = 1;
            if (out->oid == 0)
                out->oid = RS_OID_BYTEA;
        }
        return SQL_SUCCESS;
    case SQL_C_BIT:
        if (dst == DST_BIT || dst == DST_CHAR) {
            n = *(const unsigned char *)ptr ? 4 : 5;
            memcpy(buf, n == 4 ? "true" : "false", (size_t)n + 1);
            if (out->oid == 0)
                out->oid = RS_OID_BOOL;
            break;
        }
        n = snprintf(buf, sizeof buf, "%u", *(const unsigned char *)ptr ? 1u : 0u);
        goto number;
    case SQL_C_TINYINT: case SQL_C_STINYINT:
        n = snprintf(buf, sizeof buf, "%d", *(const signed char *)ptr); goto number;
    case SQL_C_UTINYINT:
        n = snprintf(buf, sizeof buf, "%u", *(const unsigned char *)ptr); goto number;
    case SQL_C_SHORT: case SQL_C_SSHORT:
        n = snprintf(buf, sizeof buf, "%d", *(const SQLSMALLINT *)ptr); goto number;
    case SQL_C_USHORT:
        n = snprintf(buf, sizeof buf, "%u", *(const SQLUSMALLINT *)ptr); goto number;
    case SQL_C_LONG: case SQL_C_SLONG:
        n = snprintf(buf, sizeof buf, "%d", (int)*(const SQLINTEGER *)ptr); goto number;
    case SQL_C_ULONG:
        n = snprintf(buf, sizeof buf, "%u", (unsigned)*(const SQLUINTEGER *)ptr); goto number;
    case SQL_C_SBIGINT:
        n = snprintf(buf, sizeof buf, "%" PRId64, (int64_t)*(const SQLBIGINT *)ptr); goto number;
    case SQL_C_UBIGINT:
        n = snprintf(buf, sizeof buf, "%" PRIu64, (uint64_t)*(const SQLUBIGINT *)ptr); goto number;
    case SQL_C_FLOAT:
        n = rs_double_text((double)*(const float *)ptr, 1, buf, sizeof buf); goto number;
    case SQL_C_DOUBLE:
        n = rs_double_text(*(const double *)ptr, 0, buf, sizeof buf); goto number;
    case SQL_C_NUMERIC:
        numeric_text(ptr, buf, sizeof buf);
        n = (int)strlen(buf);
        goto number;
    case SQL_C_DATE: case SQL_C_TYPE_DATE: {
        const SQL_DATE_STRUCT *d = ptr;
        if (dst != DST_DATE && dst != DST_TIMESTAMP && dst != DST_CHAR)
            return restricted(&c);
        if (!valid_date(d->year, d->month, d->day))
            return perr(&c, "22007", "invalid datetime format: the date structure holds no such date.");
        n = datetime_text(buf, sizeof buf, dst == DST_TIMESTAMP ? DST_TIMESTAMP : DST_DATE, 1, d->year,
                          d->month, d->day, 0, 0, 0, 0);
        if (out->oid == 0) out->oid = RS_OID_DATE;
        break;
    }
    case SQL_C_TIME: case SQL_C_TYPE_TIME: {
        const SQL_TIME_STRUCT *t = ptr;
        if (dst != DST_TIME && dst != DST_TIMESTAMP && dst != DST_CHAR)
            return restricted(&c);
        if (!valid_time(t->hour, t->minute, t->second))
            return perr(&c, "22007", "invalid datetime format: the time structure holds no such time.");
        n = datetime_text(buf, sizeof buf, dst == DST_TIMESTAMP ? DST_TIMESTAMP : DST_TIME, 0, 0, 0, 0,
                          t->hour, t->minute, t->second, 0);
        if (out->oid == 0) out->oid = RS_OID_TIME;
        break;
    }
    case SQL_C_TIMESTAMP: case SQL_C_TYPE_TIMESTAMP: {
        const SQL_TIMESTAMP_STRUCT *t = ptr;
        if (dst != DST_DATE && dst != DST_TIME && dst != DST_TIMESTAMP && dst != DST_CHAR)
            return restricted(&c);
        if (!valid_date(t->year, t->month, t->day) || !valid_time(t->hour, t->minute, t->second) ||
            t->fraction > 999999999)
            return perr(&c, "22007", "invalid datetime format: the timestamp structure holds no such time.");
        if (dst == DST_DATE && (t->hour || t->minute || t->second || t->fraction))
            return perr(&c, "22008", "datetime field overflow: a date parameter cannot keep the time part.");
        if (dst == DST_TIME && t->fraction)
            return perr(&c, "22008", "datetime field overflow: a time parameter cannot keep fractional seconds.");
        n = datetime_text(buf, sizeof buf, dst == DST_CHAR ? DST_TIMESTAMP : dst, 1, t->year, t->month,
                          t->day, t->hour, t->minute, t->second, (unsigned)t->fraction);
        if (out->oid == 0) out->oid = RS_OID_TIMESTAMP;
        break;
    }
    case SQL_C_GUID: {
        const SQLGUID *g = ptr;
        if (dst != DST_GUID && dst != DST_CHAR)
            return restricted(&c);
        n = snprintf(buf, sizeof buf, "%08x-%04x-%04x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                     (unsigned)g->Data1, g->Data2, g->Data3, g->Data4[0], g->Data4[1], g->Data4[2],
                     g->Data4[3], g->Data4[4], g->Data4[5], g->Data4[6], g->Data4[7]);
        if (out->oid == 0) out->oid = RS_OID_UUID;
        break;
    }
    default:
        if (ctype >= SQL_C_INTERVAL_YEAR && ctype <= SQL_C_INTERVAL_MINUTE_TO_SECOND) {
            const SQL_INTERVAL_STRUCT *iv = ptr;
            int ym = rs_interval_is_year_month(ctype);
            if (dst == DST_INT || dst == DST_EXACT) {
                /* appendix D: a single-field interval to an exact number is its field */
                if (ctype > SQL_C_INTERVAL_SECOND)
                    return restricted(&c);
                const SQL_DAY_SECOND_STRUCT *ds = &iv->intval.day_second;
                SQLUINTEGER f = ctype == SQL_C_INTERVAL_YEAR ? iv->intval.year_month.year
                              : ctype == SQL_C_INTERVAL_MONTH ? iv->intval.year_month.month
                              : ctype == SQL_C_INTERVAL_DAY ? ds->day : ctype == SQL_C_INTERVAL_HOUR ? ds->hour
                              : ctype == SQL_C_INTERVAL_MINUTE ? ds->minute : ds->second;
                n = snprintf(buf, sizeof buf, "%s%lu", iv->interval_sign == SQL_TRUE && f ? "-" : "",
                             (unsigned long)f);
                goto number;
            }
            if (!(dst == DST_CHAR || (dst == DST_IV_YM && ym == 1) || (dst == DST_IV_DS && ym == 0)))
                return restricted(&c);
            n = rs_interval_format(iv, ctype, buf, sizeof buf);
            if (n < 0)
                return perr(&c, "22015", "interval field overflow: a field after the leading one "
                                         "is out of its range.");
            if (out->oid == 0) out->oid = RS_OID_INTERVAL;
            break;
        }
        return rs_diag_add_at(diag, row, col, "HY003",
                              0, "Parameter %d: C data type %d is not supported.", col, ctype);
    }
    return own(out, buf, (size_t)n, diag);

number:
    /* numbers: text for character and approximate types, checked for exact ones */
    if (dst == DST_DATE || dst == DST_TIME || dst == DST_TIMESTAMP || dst == DST_GUID || dst == DST_BINARY)
        return restricted(&c);
    if (dst == DST_IV_YM || dst == DST_IV_DS) {
        /* appendix D: an exact number to a single-field interval is its leading field */
        rs_num_parts np;
        uint64_t mag;
        int frac;
        static const char *const unit[] = { "years", "mons", "days", "hours", "mins", "secs" };
        int code = sql_type - 100;
        if (ctype == SQL_C_FLOAT || ctype == SQL_C_DOUBLE || ctype == SQL_C_BIT || code > SQL_CODE_SECOND)
            return restricted(&c);
        if (rs_parse_num(buf, (size_t)n, &np) < 0 || rs_num_to_u64(&np, &mag, &frac) < 0 || mag > UINT32_MAX)
            return perr(&c, "22015", "interval field overflow: the leading field exceeds 32 bits.");
        if (frac && code != SQL_CODE_SECOND)
            return perr(&c, "22001", "string data, right truncated: the interval field drops the fraction.");
        char ivtext[sizeof buf + 16];   /* the number text (up to sizeof buf) and a unit */
        n = snprintf(ivtext, sizeof ivtext, "%.*s %s", n, buf, unit[code - 1]);
        return own(out, ivtext, (size_t)n, diag);
    }
    if (dst == DST_BIT || dst == DST_INT) {
        char norm[64];
        SQLRETURN rc = number_for(buf, (size_t)n, sql_type, dst, norm, sizeof norm, &c);
        if (rc != SQL_SUCCESS)
            return rc;
        return own(out, norm, strlen(norm), diag);
    }
    return own(out, buf, (size_t)n, diag);
}

void rs_param_value_free(rs_param_value *v)
{
    if (v->owned)
        free(v->data);
    v->data = NULL;
    v->owned = 0;
}
