/* convfast.c - converters chosen once per column for the common (server type, C type) pairs.
 * Each gives exactly what rs_text_to_c gives, and hands anything unusual (a value that does
 * not fit, text it does not expect, SQLGetData's later pieces) to rs_text_to_c, so results and
 * SQLSTATEs stay those of the one general path. */
#include <float.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "types/convert.h"
#include "types/pgtypes.h"

#if defined(__x86_64__) && LDBL_MANT_DIG == 64
static int extended_ok;
static pthread_once_t extended_once = PTHREAD_ONCE_INIT;

/* Does long double arithmetic really carry 64 bits here? Not under valgrind, which computes
 * x87 operations in double precision: then the shortcut would not be exact. */
static void probe_extended(void)
{
    volatile long double one = 1.0L, tiny = 0x1p-63L;
    volatile long double sum = one + tiny;
    extended_ok = sum != one;
}
#endif

int rs_fast_strtod_available(void)
{
#if defined(__x86_64__) && LDBL_MANT_DIG == 64
    pthread_once(&extended_once, probe_extended);
    return extended_ok;
#else
    return 0;
#endif
}

/* Decimal text (what the server prints for float8, float4 and numeric) to the nearest double,
 * in one of two ways that are provably exact; -1 when strtod must decide.
 * - A significand of at most 2^53 and a power of ten within +-22 are both exact doubles, so one
 *   IEEE division or multiplication in double precision rounds correctly (Clinger's fast path).
 *   This needs no x87 and holds under valgrind and on other processors.
 * - Otherwise, on x86-64: up to 19 significant digits and a decimal exponent within +-27 are
 *   exact in x87 extended precision, one operation there rounds correctly to 64 bits, and
 *   rounding that to 53 bits is correct unless it lies exactly halfway between two doubles. */
int rs_fast_strtod(const char *s, size_t len, double *out)
{
    size_t i = 0;
    int neg = 0, nd = 0, any = 0, exp10 = 0;
    uint64_t m = 0;
    if (i < len && (s[i] == '-' || s[i] == '+'))
        neg = s[i++] == '-';
    for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
        any = 1;
        if (m == 0 && s[i] == '0')
            continue;
        if (nd++ >= 19)
            return -1;
        m = m * 10 + (uint64_t)(s[i] - '0');
    }
    if (i < len && s[i] == '.') {
        for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
            any = 1;
            exp10--;
            if (m == 0 && s[i] == '0')
                continue;
            if (nd++ >= 19)
                return -1;
            m = m * 10 + (uint64_t)(s[i] - '0');
        }
    }
    if (!any)
        return -1;
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        int eneg = 0, e = 0, ed = 0;
        i++;
        if (i < len && (s[i] == '-' || s[i] == '+'))
            eneg = s[i++] == '-';
        for (; i < len && s[i] >= '0' && s[i] <= '9'; i++, ed++)
            if (e < 100000)
                e = e * 10 + (s[i] - '0');
        if (!ed)
            return -1;
        exp10 += eneg ? -e : e;
    }
    if (i != len)
        return -1;
    if (m == 0) {
        *out = neg ? -0.0 : 0.0;
        return 0;
    }
#if FLT_EVAL_METHOD == 0
    static const double p10d[23] = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
        1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };
    if (m <= (1ull << 53) && exp10 >= -22 && exp10 <= 22) {
        double d = exp10 < 0 ? (double)m / p10d[-exp10] : (double)m * p10d[exp10];
        *out = neg ? -d : d;
        return 0;
    }
#endif
#if defined(__x86_64__) && LDBL_MANT_DIG == 64
    static const long double p10[28] = {
        1e0L, 1e1L, 1e2L, 1e3L, 1e4L, 1e5L, 1e6L, 1e7L, 1e8L, 1e9L, 1e10L, 1e11L, 1e12L, 1e13L,
        1e14L, 1e15L, 1e16L, 1e17L, 1e18L, 1e19L, 1e20L, 1e21L, 1e22L, 1e23L, 1e24L, 1e25L,
        1e26L, 1e27L,
    };
    if (exp10 < -27 || exp10 > 27 || !rs_fast_strtod_available())
        return -1;
    long double q = exp10 < 0 ? (long double)m / p10[-exp10] : (long double)m * p10[exp10];
    uint64_t mant;
    memcpy(&mant, &q, sizeof mant);   /* the 64-bit significand, explicit leading bit */
    if ((mant & 0x7FF) == 0x400)
        return -1;
    double d = (double)q;
    *out = neg ? -d : d;
    return 0;
#else
    return -1;
#endif
}

/* Fixed-length targets are one piece: a second SQLGetData is SQL_NO_DATA (rs_text_to_c says
 * so); the first marks the value read. */
#define ONE_PIECE(w)                                                                               \
    do {                                                                                           \
        if ((w)->offset && *(w)->offset > 0)                                                       \
            return rs_text_to_c(v, len, oid, t, len_out, w);                                      \
    } while (0)

static SQLRETURN done(const rs_conv_where *w, SQLLEN *len_out, SQLLEN size)
{
    if (w->offset)
        *w->offset = 1;
    if (len_out)
        *len_out = size;
    return SQL_SUCCESS;
}

/* int2/int4/int8 text, [-]digits, into the signed integer C types. */
static SQLRETURN int_to_signed(const char *v, size_t len, unsigned oid, const rs_conv_target *t,
                               SQLLEN *len_out, const rs_conv_where *w)
{
    ONE_PIECE(w);
    size_t i = len > 0 && v[0] == '-';
    if (len == i || len - i > 18)
        return rs_text_to_c(v, len, oid, t, len_out, w);
    uint64_t mag = 0;
    for (; i < len; i++) {
        unsigned d = (unsigned)(v[i] - '0');
        if (d > 9)
            return rs_text_to_c(v, len, oid, t, len_out, w);
        mag = mag * 10 + d;
    }
    int64_t x = v[0] == '-' ? -(int64_t)mag : (int64_t)mag;
    switch (t->ctype) {
    case SQL_C_SLONG: case SQL_C_LONG:
        if (x < INT32_MIN || x > INT32_MAX)
            return rs_text_to_c(v, len, oid, t, len_out, w);
        if (t->ptr)
            *(SQLINTEGER *)t->ptr = (SQLINTEGER)x;
        return done(w, len_out, sizeof(SQLINTEGER));
    case SQL_C_SSHORT: case SQL_C_SHORT:
        if (x < INT16_MIN || x > INT16_MAX)
            return rs_text_to_c(v, len, oid, t, len_out, w);
        if (t->ptr)
            *(SQLSMALLINT *)t->ptr = (SQLSMALLINT)x;
        return done(w, len_out, sizeof(SQLSMALLINT));
    default:   /* SQL_C_SBIGINT */
        if (t->ptr)
            *(SQLBIGINT *)t->ptr = (SQLBIGINT)x;
        return done(w, len_out, sizeof(SQLBIGINT));
    }
}

static SQLRETURN bool_to_bit(const char *v, size_t len, unsigned oid, const rs_conv_target *t,
                             SQLLEN *len_out, const rs_conv_where *w)
{
    ONE_PIECE(w);
    if (len != 1 || (v[0] != 't' && v[0] != 'f'))
        return rs_text_to_c(v, len, oid, t, len_out, w);
    if (t->ptr)
        *(unsigned char *)t->ptr = v[0] == 't';
    return done(w, len_out, 1);
}

static SQLRETURN text_to_double(const char *v, size_t len, unsigned oid, const rs_conv_target *t,
                                SQLLEN *len_out, const rs_conv_where *w)
{
    ONE_PIECE(w);
    double d;
    if (rs_fast_strtod(v, len, &d) < 0)
        return rs_text_to_c(v, len, oid, t, len_out, w);
    if (t->ptr)
        *(double *)t->ptr = d;
    return done(w, len_out, sizeof(double));
}

static int two(const char *p, int *out)
{
    unsigned a = (unsigned)(p[0] - '0'), b = (unsigned)(p[1] - '0');
    if (a > 9 || b > 9)
        return -1;
    *out = (int)(a * 10 + b);
    return 0;
}

/* timestamp text "YYYY-MM-DD HH:MM:SS[.f]" (the server's ISO form) into the timestamp struct. */
static SQLRETURN ts_to_struct(const char *v, size_t len, unsigned oid, const rs_conv_target *t,
                              SQLLEN *len_out, const rs_conv_where *w)
{
    ONE_PIECE(w);
    int y1, y2, mo, d, h, mi, s;
    if (len < 19 || len > 29 || v[4] != '-' || v[7] != '-' || v[10] != ' ' || v[13] != ':' || v[16] != ':' ||
        two(v, &y1) || two(v + 2, &y2) || two(v + 5, &mo) || two(v + 8, &d) || two(v + 11, &h) ||
        two(v + 14, &mi) || two(v + 17, &s) || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60)
        return rs_text_to_c(v, len, oid, t, len_out, w);
    unsigned frac = 0;
    if (len > 19) {
        if (v[19] != '.' || len == 20)
            return rs_text_to_c(v, len, oid, t, len_out, w);
        int nd = 0;
        for (size_t i = 20; i < len; i++, nd++) {
            unsigned dg = (unsigned)(v[i] - '0');
            if (dg > 9)
                return rs_text_to_c(v, len, oid, t, len_out, w);
            frac = frac * 10 + dg;
        }
        for (; nd < 9; nd++)
            frac *= 10;
    }
    if (t->ptr) {
        SQL_TIMESTAMP_STRUCT *ts = t->ptr;
        ts->year = (SQLSMALLINT)(y1 * 100 + y2);
        ts->month = (SQLUSMALLINT)mo;
        ts->day = (SQLUSMALLINT)d;
        ts->hour = (SQLUSMALLINT)h;
        ts->minute = (SQLUSMALLINT)mi;
        ts->second = (SQLUSMALLINT)s;
        ts->fraction = frac;
    }
    return done(w, len_out, sizeof(SQL_TIMESTAMP_STRUCT));
}

/* Text whose character form is itself (not bool, not bytea) into SQL_C_CHAR when it fits. */
static SQLRETURN text_to_char(const char *v, size_t len, unsigned oid, const rs_conv_target *t,
                              SQLLEN *len_out, const rs_conv_where *w)
{
    if ((w->offset && *w->offset > 0) || !t->ptr || t->buflen <= 0 || (size_t)t->buflen <= len)
        return rs_text_to_c(v, len, oid, t, len_out, w);
    memcpy(t->ptr, v, len);
    ((char *)t->ptr)[len] = '\0';
    if (len_out)
        *len_out = (SQLLEN)len;
    if (w->offset)
        *w->offset = (SQLLEN)len + (len == 0);
    return SQL_SUCCESS;
}

/* ASCII text into SQL_C_WCHAR when it fits: each byte widened to one UTF-16 unit, which is what
 * the UTF-8 decoder gives for it (pyodbc reads varchar and numeric columns this way). A byte
 * over 0x7F, a piece, a small buffer: the general way. */
static SQLRETURN text_to_wchar(const char *v, size_t len, unsigned oid, const rs_conv_target *t,
                               SQLLEN *len_out, const rs_conv_where *w)
{
    if ((w->offset && *w->offset > 0) || !t->ptr || t->buflen <= 0 ||
        (size_t)t->buflen / sizeof(SQLWCHAR) <= len)
        return rs_text_to_c(v, len, oid, t, len_out, w);
    SQLWCHAR *out = t->ptr;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)v[i];
        if (c > 0x7F)
            return rs_text_to_c(v, len, oid, t, len_out, w);
        out[i] = c;
    }
    out[len] = 0;
    if (len_out)
        *len_out = (SQLLEN)(len * sizeof(SQLWCHAR));
    if (w->offset)
        *w->offset = (SQLLEN)len + (len == 0);
    return SQL_SUCCESS;
}

/* bool ("t"/"f") into SQL_C_CHAR as "1"/"0" (what the general path's char_view gives). */
static SQLRETURN bool_to_char(const char *v, size_t len, unsigned oid, const rs_conv_target *t,
                              SQLLEN *len_out, const rs_conv_where *w)
{
    if (len != 1 || (w->offset && *w->offset > 0) || !t->ptr || t->buflen < 2)
        return rs_text_to_c(v, len, oid, t, len_out, w);
    ((char *)t->ptr)[0] = v[0] == 't' ? '1' : '0';
    ((char *)t->ptr)[1] = '\0';
    if (len_out)
        *len_out = 1;
    if (w->offset)
        *w->offset = 1;
    return SQL_SUCCESS;
}

rs_conv_fn rs_conv_pick(unsigned oid, SQLSMALLINT ctype)
{
    switch (ctype) {
    case SQL_C_CHAR:
        return oid == RS_OID_BOOL ? bool_to_char : oid == RS_OID_BYTEA ? rs_text_to_c : text_to_char;
    case SQL_C_WCHAR:
        return oid == RS_OID_BOOL || oid == RS_OID_BYTEA ? rs_text_to_c : text_to_wchar;
    case SQL_C_SLONG: case SQL_C_LONG: case SQL_C_SBIGINT: case SQL_C_SSHORT: case SQL_C_SHORT:
        return oid == RS_OID_INT2 || oid == RS_OID_INT4 || oid == RS_OID_INT8 ? int_to_signed : rs_text_to_c;
    case SQL_C_BIT:
        return oid == RS_OID_BOOL ? bool_to_bit : rs_text_to_c;
    case SQL_C_DOUBLE:
        return oid == RS_OID_FLOAT8 || oid == RS_OID_FLOAT4 || oid == RS_OID_NUMERIC ? text_to_double : rs_text_to_c;
    case SQL_C_TYPE_TIMESTAMP: case SQL_C_TIMESTAMP:
        return oid == RS_OID_TIMESTAMP ? ts_to_struct : rs_text_to_c;
    default:
        return rs_text_to_c;
    }
}
