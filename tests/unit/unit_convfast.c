/* unit_convfast.c - every shortcut converter the fetch path picks (rs_conv_pick, types/convfast.c)
 * must give exactly what the general conversion (rs_text_to_c) gives: the same bytes in the
 * target, the same length, the same return code and SQLSTATE, the same piece offset. Each case
 * runs both ways on fresh buffers and compares; the cases include what the shortcuts hand on
 * (odd text, small buffers, a second piece, no target buffer). */
#include <stdio.h>
#include <string.h>

#include "tap.h"
#include "types/convert.h"
#include "types/pgtypes.h"

typedef struct outcome {
    SQLRETURN rc;
    SQLLEN len, offset;
    char state[6];
    _Alignas(16) unsigned char buf[128];   /* aligned as an application's variable would be */
} outcome;

static outcome run(rs_conv_fn fn, const char *v, unsigned oid, SQLSMALLINT ctype, SQLLEN buflen,
                   int with_ptr, SQLLEN offset0, int pieces)
{
    outcome o;
    memset(&o, 0xA5, sizeof o);   /* bytes a converter does not write must stay the same */
    rs_diag diag = { 0 };
    SQLLEN offset = offset0;
    rs_conv_target t = { ctype, with_ptr ? o.buf : NULL, buflen, 0, 0 };
    rs_conv_where w = { &diag, SQL_NO_ROW_NUMBER, 1, pieces ? &offset : NULL };
    o.len = -7;
    o.rc = fn(v, strlen(v), oid, &t, &o.len, &w);
    o.offset = offset;
    snprintf(o.state, sizeof o.state, "%s", diag.count ? diag.recs[diag.count - 1].sqlstate : "");
    rs_diag_free(&diag);
    return o;
}

static int ncases;

static int same(const char *v, unsigned oid, SQLSMALLINT ctype, SQLLEN buflen, int with_ptr, SQLLEN offset0,
                 int pieces)
{
    rs_conv_fn fast = rs_conv_pick(oid, ctype);
    outcome a = run(fast, v, oid, ctype, buflen, with_ptr, offset0, pieces);
    outcome b = run(rs_text_to_c, v, oid, ctype, buflen, with_ptr, offset0, pieces);
    int eq = a.rc == b.rc && a.len == b.len && a.offset == b.offset && strcmp(a.state, b.state) == 0 &&
             memcmp(a.buf, b.buf, sizeof a.buf) == 0;
    if (!eq)
        printf("#   buflen %ld%s%s%s: fast rc %d len %ld '%s', general rc %d len %ld '%s'\n", (long)buflen,
               with_ptr ? "" : " no buffer", pieces ? " piece" : " bound", offset0 ? " (second)" : "", a.rc,
               (long)a.len, a.state, b.rc, (long)b.len, b.state);
    ncases++;
    return eq;
}

/* each value through every way of asking for it: one TAP line */
static void all_ways(const char *v, unsigned oid, SQLSMALLINT ctype)
{
    SQLLEN n = (SQLLEN)strlen(v);
    int eq = 1;
    SQLLEN sizes[] = { 128, 2 * n + 2, 2 * n + 1, 2 * n, n + 1, n, 3, 2, 1, 0 };   /* bytes: for CHAR and WCHAR */
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        if (sizes[i] < 0 || sizes[i] > 128)
            continue;
        eq &= same(v, oid, ctype, sizes[i], 1, 0, 0);
        eq &= same(v, oid, ctype, sizes[i], 1, 0, 1);
    }
    eq &= same(v, oid, ctype, 128, 0, 0, 1);
    eq &= same(v, oid, ctype, 128, 1, 1, 1);       /* a second piece */
    eq &= same(v, oid, ctype, 128, 1, n + 1, 1);   /* after the last piece */
    TAP_OK(eq, "oid %u to C type %d, '%s': the shortcut gives what the general conversion gives, 23 ways",
           oid, ctype, v);
}

/* A server type and a C type, and the values to try for them (NULL-terminated). */
typedef struct pair {
    const char *const *values;
    unsigned oid;
    SQLSMALLINT ctype;
} pair;

int main(void)
{
    static const char *const bools[] = { "t", "f", "x", "", "tt", NULL };
    static const char *const ints[] = { "0", "-1", "2147483647", "-2147483648", "2147483648",
                                        "9223372036854775807", "-9223372036854775808", "9223372036854775808",
                                        "32767", "-32769", "12a", "", " 5", "+5", NULL };
    static const char *const floats[] = { "0", "1.5", "-2.25", "1e300", "1e-320", "NaN", "Infinity",
                                          "-Infinity", "0.1", "123456789.123456789", "12345678901234567890",
                                          "1.7976931348623157e308", "abc", "", NULL };
    static const char *const stamps[] = { "2024-02-29 23:59:59", "2024-02-29 23:59:59.123456",
                                          "1999-12-31 00:00:00.5", "2024-13-01 00:00:00", "2024-02-29",
                                          "2024-02-29 24:00:00", "infinity", "2024-02-29 12:00:00.",
                                          "0099-01-01 00:00:00 BC", NULL };
    static const char *const texts[] = { "", "a", "hello world", "caf\xc3\xa9", "1234567890123456789012345678901234567890",
                                         "\xf0\x9f\x98\x80 smile", "tab\there", "\x7f\x01", NULL };
    static const pair pairs[] = {
        { bools, RS_OID_BOOL, SQL_C_CHAR }, { bools, RS_OID_BOOL, SQL_C_BIT }, { bools, RS_OID_BOOL, SQL_C_WCHAR },
        { floats, RS_OID_FLOAT8, SQL_C_DOUBLE }, { floats, RS_OID_FLOAT4, SQL_C_DOUBLE },
        { floats, RS_OID_NUMERIC, SQL_C_DOUBLE }, { floats, RS_OID_FLOAT8, SQL_C_CHAR },
        { floats, RS_OID_NUMERIC, SQL_C_CHAR }, { floats, RS_OID_NUMERIC, SQL_C_WCHAR },
        { stamps, RS_OID_TIMESTAMP, SQL_C_TYPE_TIMESTAMP }, { stamps, RS_OID_TIMESTAMP, SQL_C_TIMESTAMP },
        { stamps, RS_OID_TIMESTAMP, SQL_C_CHAR }, { stamps, RS_OID_TIMESTAMP, SQL_C_WCHAR },
        { texts, RS_OID_VARCHAR, SQL_C_CHAR }, { texts, RS_OID_TEXT, SQL_C_CHAR }, { texts, RS_OID_BPCHAR, SQL_C_CHAR },
        { texts, RS_OID_VARCHAR, SQL_C_WCHAR }, { texts, RS_OID_TEXT, SQL_C_WCHAR },
    };
    static const SQLSMALLINT int_ctypes[] = { SQL_C_SLONG, SQL_C_LONG, SQL_C_SBIGINT, SQL_C_SSHORT, SQL_C_SHORT,
                                              SQL_C_CHAR };
    static const unsigned int_oids[] = { RS_OID_INT2, RS_OID_INT4, RS_OID_INT8, RS_OID_NUMERIC };

    for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++)
        for (const char *const *v = pairs[k].values; *v; v++)
            all_ways(*v, pairs[k].oid, pairs[k].ctype);
    for (size_t o = 0; o < sizeof int_oids / sizeof int_oids[0]; o++)
        for (size_t c = 0; c < sizeof int_ctypes / sizeof int_ctypes[0]; c++)
            for (const char *const *v = ints; *v; v++)
                all_ways(*v, int_oids[o], int_ctypes[c]);
    /* the shortcuts must be in use at all, or the comparisons above prove nothing */
    TAP_OK(rs_conv_pick(RS_OID_BOOL, SQL_C_CHAR) != rs_text_to_c, "bool to SQL_C_CHAR has a shortcut");
    TAP_OK(rs_conv_pick(RS_OID_VARCHAR, SQL_C_CHAR) != rs_text_to_c, "varchar to SQL_C_CHAR has a shortcut");
    TAP_OK(rs_conv_pick(RS_OID_INT4, SQL_C_SLONG) != rs_text_to_c, "int4 to SQL_C_SLONG has a shortcut");
    TAP_OK(rs_conv_pick(RS_OID_TIMESTAMP, SQL_C_TYPE_TIMESTAMP) != rs_text_to_c, "timestamp has a shortcut");
    TAP_OK(rs_conv_pick(RS_OID_FLOAT8, SQL_C_DOUBLE) != rs_text_to_c, "float8 to SQL_C_DOUBLE has a shortcut");
    TAP_OK(rs_conv_pick(RS_OID_VARCHAR, SQL_C_WCHAR) != rs_text_to_c, "varchar to SQL_C_WCHAR has a shortcut");
    TAP_OK(rs_conv_pick(RS_OID_BYTEA, SQL_C_CHAR) == rs_text_to_c, "bytea to SQL_C_CHAR goes the general way");
    printf("# %d cases compared\n", ncases);
    TAP_PLAN(tap_n);    /* the plan at the end: the count follows from the tables */
    return TAP_DONE();
}
