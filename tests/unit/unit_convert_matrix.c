/* unit_convert_matrix.c - the appendix D tables, row by row: server text of each type to each
 * C type (value, length, return code, SQLSTATE), SQLGetData pieces, and C values to parameter
 * text against each SQL type. Table-driven: one row, one TAP line. */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "tap.h"
#include "../common/render.h"
#include "types/convert.h"
#include "types/cparam.h"
#include "types/interval.h"
#include "types/pgtypes.h"

static rs_diag diag;

static const char *state(void)
{
    return diag.count ? diag.recs[diag.count - 1].sqlstate : "";
}

static const char *ctype_name(SQLSMALLINT c)
{
    switch (c) {
    case SQL_C_CHAR: return "CHAR"; case SQL_C_WCHAR: return "WCHAR"; case SQL_C_BINARY: return "BINARY";
    case SQL_C_BIT: return "BIT"; case SQL_C_TINYINT: return "TINYINT"; case SQL_C_STINYINT: return "STINYINT";
    case SQL_C_UTINYINT: return "UTINYINT"; case SQL_C_SSHORT: return "SSHORT"; case SQL_C_USHORT: return "USHORT";
    case SQL_C_SLONG: return "SLONG"; case SQL_C_ULONG: return "ULONG"; case SQL_C_SBIGINT: return "SBIGINT";
    case SQL_C_UBIGINT: return "UBIGINT"; case SQL_C_FLOAT: return "FLOAT"; case SQL_C_DOUBLE: return "DOUBLE";
    case SQL_C_NUMERIC: return "NUMERIC"; case SQL_C_TYPE_DATE: return "DATE"; case SQL_C_TYPE_TIME: return "TIME";
    case SQL_C_TYPE_TIMESTAMP: return "TIMESTAMP"; case SQL_C_GUID: return "GUID";
    default:
        if (c >= SQL_C_INTERVAL_YEAR && c <= SQL_C_INTERVAL_MINUTE_TO_SECOND)
            return "INTERVAL";
        return "?";
    }
}

/* The C value as text (tests/common/render.c), a numeric with its precision too. */
static void render(SQLSMALLINT c, const void *b, SQLLEN len, SQLLEN buflen, char *out, size_t n)
{
    rs_test_render_c(c, b, len, buflen, out, n);
    if (c == SQL_C_NUMERIC) {
        size_t k = strlen(out);
        SQLCHAR precision;    /* read alone: the compiler cannot tell b holds a whole numeric */
        memcpy(&precision, (const char *)b + offsetof(SQL_NUMERIC_STRUCT, precision), 1);
        snprintf(out + k, n - k, " p%d", precision);
    }
}

#define OK SQL_SUCCESS
#define INFO SQL_SUCCESS_WITH_INFO
#define ERR SQL_ERROR
#define NOLEN (-999)

typedef struct fcase {
    const char *v;
    unsigned oid;
    SQLSMALLINT ctype;
    SQLLEN buflen;        /* 0: a fixed-length type */
    SQLSMALLINT scale;    /* SQL_C_NUMERIC */
    SQLRETURN rc;
    const char *state;    /* "" for none */
    const char *want;     /* rendered value, NULL: not checked (errors, today's date) */
    SQLLEN want_len;      /* NOLEN: not checked */
} fcase;

#define I4 RS_OID_INT4
#define N RS_OID_NUMERIC
#define F8 RS_OID_FLOAT8
#define TX RS_OID_TEXT
#define IV RS_OID_INTERVAL

static const fcase fetch_cases[] = {
    /* exact numbers to every integer type, at the limits */
    { "32767", RS_OID_INT2, SQL_C_SSHORT, 0, 0, OK, "", "32767", 2 },
    { "-32768", RS_OID_INT2, SQL_C_SSHORT, 0, 0, OK, "", "-32768", 2 },
    { "32768", I4, SQL_C_SSHORT, 0, 0, ERR, "22003", NULL, NOLEN },
    { "65535", I4, SQL_C_USHORT, 0, 0, OK, "", "65535", 2 },
    { "65536", I4, SQL_C_USHORT, 0, 0, ERR, "22003", NULL, NOLEN },
    { "255", I4, SQL_C_UTINYINT, 0, 0, OK, "", "255", 1 },
    { "256", I4, SQL_C_UTINYINT, 0, 0, ERR, "22003", NULL, NOLEN },
    { "-1", I4, SQL_C_UTINYINT, 0, 0, ERR, "22003", NULL, NOLEN },
    { "-128", I4, SQL_C_STINYINT, 0, 0, OK, "", "-128", 1 },
    { "-129", I4, SQL_C_TINYINT, 0, 0, ERR, "22003", NULL, NOLEN },
    { "4294967295", RS_OID_INT8, SQL_C_ULONG, 0, 0, OK, "", "4294967295", 4 },
    { "4294967296", RS_OID_INT8, SQL_C_ULONG, 0, 0, ERR, "22003", NULL, NOLEN },
    { "18446744073709551615", N, SQL_C_UBIGINT, 0, 0, OK, "", "18446744073709551615", 8 },
    { "18446744073709551616", N, SQL_C_UBIGINT, 0, 0, ERR, "22003", NULL, NOLEN },
    { "-9223372036854775809", N, SQL_C_SBIGINT, 0, 0, ERR, "22003", NULL, NOLEN },
    { "-7.9", N, SQL_C_SLONG, 0, 0, INFO, "01S07", "-7", 4 },
    /* the integer fast path's edges */
    { "-", TX, SQL_C_SLONG, 0, 0, ERR, "22018", NULL, NOLEN },
    { "-0", I4, SQL_C_SLONG, 0, 0, OK, "", "0", 4 },
    { "-0", I4, SQL_C_ULONG, 0, 0, OK, "", "0", 4 },
    { "999999999999999999", RS_OID_INT8, SQL_C_SBIGINT, 0, 0, OK, "", "999999999999999999", 8 },
    { "-999999999999999999", RS_OID_INT8, SQL_C_SLONG, 0, 0, ERR, "22003", NULL, NOLEN },
    { "0000000000000000000042", N, SQL_C_UTINYINT, 0, 0, OK, "", "42", 1 },
    { "t", RS_OID_BOOL, SQL_C_SLONG, 0, 0, OK, "", "1", 4 },
    /* SQL_C_BIT: 0 and 1, truncation above 0 and below 2, else 22003 */
    { "1", I4, SQL_C_BIT, 0, 0, OK, "", "1", 1 },
    { "1.5", N, SQL_C_BIT, 0, 0, INFO, "01S07", "1", 1 },
    { "0.5", N, SQL_C_BIT, 0, 0, INFO, "01S07", "0", 1 },
    { "-0.5", N, SQL_C_BIT, 0, 0, ERR, "22003", NULL, NOLEN },
    { "2", N, SQL_C_BIT, 0, 0, ERR, "22003", NULL, NOLEN },
    /* booleans to every numeric and character type */
    { "t", RS_OID_BOOL, SQL_C_STINYINT, 0, 0, OK, "", "1", 1 },
    { "t", RS_OID_BOOL, SQL_C_UTINYINT, 0, 0, OK, "", "1", 1 },
    { "t", RS_OID_BOOL, SQL_C_SSHORT, 0, 0, OK, "", "1", 2 },
    { "f", RS_OID_BOOL, SQL_C_USHORT, 0, 0, OK, "", "0", 2 },
    { "t", RS_OID_BOOL, SQL_C_ULONG, 0, 0, OK, "", "1", 4 },
    { "t", RS_OID_BOOL, SQL_C_SBIGINT, 0, 0, OK, "", "1", 8 },
    { "f", RS_OID_BOOL, SQL_C_UBIGINT, 0, 0, OK, "", "0", 8 },
    { "t", RS_OID_BOOL, SQL_C_FLOAT, 0, 0, OK, "", "1", 4 },
    { "f", RS_OID_BOOL, SQL_C_DOUBLE, 0, 0, OK, "", "0", 8 },
    { "t", RS_OID_BOOL, SQL_C_NUMERIC, 0, 0, OK, "", "+1 e-0 p38", 19 },
    { "t", RS_OID_BOOL, SQL_C_BIT, 0, 0, OK, "", "1", 1 },
    { "t", RS_OID_BOOL, SQL_C_CHAR, 2, 0, OK, "", "1", 1 },
    { "f", RS_OID_BOOL, SQL_C_WCHAR, 4, 0, OK, "", "0030", 2 },
    { "t", RS_OID_BOOL, SQL_C_BINARY, 1, 0, OK, "", "31", 1 },
    { "t", RS_OID_BOOL, SQL_C_CHAR, 1, 0, ERR, "22003", NULL, NOLEN },
    { "t", RS_OID_BOOL, SQL_C_TYPE_DATE, 0, 0, ERR, "07006", NULL, NOLEN },
    { "t", RS_OID_BOOL, SQL_C_GUID, 0, 0, ERR, "07006", NULL, NOLEN },
    { "t", RS_OID_BOOL, SQL_C_INTERVAL_DAY, 0, 0, ERR, "07006", NULL, NOLEN },
    /* NUMERIC(38,10) at its limits through SQL_C_NUMERIC */
    { "99999999999999999999999999999999999999", N, SQL_C_NUMERIC, 0, 0, OK, "",
      "+99999999999999999999999999999999999999 e-0 p38", 19 },
    { "-9999999999999999999999999999.9999999999", N, SQL_C_NUMERIC, 0, 10, OK, "",
      "-99999999999999999999999999999999999999 e-10 p38", 19 },
    { "0.0000000001", N, SQL_C_NUMERIC, 0, 10, OK, "", "+1 e-10 p38", 19 },
    { "123.456", N, SQL_C_NUMERIC, 0, 2, INFO, "01S07", "+12345 e-2 p38", 19 },
    { "100000000000000000000000000000000000000", N, SQL_C_NUMERIC, 0, 0, ERR, "22003", NULL, NOLEN },
    { "NaN", N, SQL_C_NUMERIC, 0, 0, ERR, "22018", NULL, NOLEN },
    /* floats */
    { "NaN", F8, SQL_C_DOUBLE, 0, 0, OK, "", "nan", 8 },
    { "-Infinity", RS_OID_FLOAT4, SQL_C_FLOAT, 0, 0, OK, "", "-inf", 4 },
    { "Infinity", F8, SQL_C_SBIGINT, 0, 0, ERR, "22003", NULL, NOLEN },
    { "NaN", F8, SQL_C_SLONG, 0, 0, ERR, "22018", NULL, NOLEN },
    { "3.40282347e+38", RS_OID_FLOAT4, SQL_C_FLOAT, 0, 0, OK, "", "3.40282347e+38", 4 },
    { "1e+39", F8, SQL_C_FLOAT, 0, 0, ERR, "22003", NULL, NOLEN },
    { "0.1", F8, SQL_C_DOUBLE, 0, 0, OK, "", "0.10000000000000001", 8 },
    { "-1.5e-07", F8, SQL_C_DOUBLE, 0, 0, OK, "", "-1.4999999999999999e-07", 8 },
    { "2.5", F8, SQL_C_NUMERIC, 0, 1, OK, "", "+25 e-1 p38", 19 },
    { "1e+20", F8, SQL_C_CHAR, 4, 0, ERR, "22003", NULL, NOLEN },
    /* numbers into character buffers: only fractional digits may go */
    { "12.5", N, SQL_C_CHAR, 5, 0, OK, "", "12.5", 4 },
    { "12.5", N, SQL_C_CHAR, 3, 0, INFO, "01004", "12", 4 },
    { "12.5", N, SQL_C_CHAR, 2, 0, ERR, "22003", NULL, NOLEN },
    { "12345", I4, SQL_C_CHAR, 5, 0, ERR, "22003", NULL, NOLEN },
    { "12345", I4, SQL_C_CHAR, 6, 0, OK, "", "12345", 5 },
    { "12.5", N, SQL_C_WCHAR, 6, 0, INFO, "01004", "0031 0032", 8 },
    { "12.5", N, SQL_C_WCHAR, 4, 0, ERR, "22003", NULL, NOLEN },
    { "12.5", N, SQL_C_BINARY, 4, 0, OK, "", "31322e35", 4 },
    { "12.5", N, SQL_C_BINARY, 3, 0, ERR, "22003", NULL, NOLEN },
    /* numbers are no dates, GUIDs or multi-field intervals */
    { "12.5", N, SQL_C_TYPE_DATE, 0, 0, ERR, "07006", NULL, NOLEN },
    { "12", I4, SQL_C_TYPE_TIME, 0, 0, ERR, "07006", NULL, NOLEN },
    { "12", I4, SQL_C_TYPE_TIMESTAMP, 0, 0, ERR, "07006", NULL, NOLEN },
    { "12", I4, SQL_C_GUID, 0, 0, ERR, "07006", NULL, NOLEN },
    { "5", I4, SQL_C_INTERVAL_DAY_TO_SECOND, 0, 0, ERR, "07006", NULL, NOLEN },
    { "5", F8, SQL_C_INTERVAL_DAY, 0, 0, ERR, "07006", NULL, NOLEN },
    /* an exact number to a single-field interval */
    { "12", I4, SQL_C_INTERVAL_DAY, 0, 0, OK, "", "t3 +12d 0h 0m 0s 0f", (SQLLEN)sizeof(SQL_INTERVAL_STRUCT) },
    { "-14", I4, SQL_C_INTERVAL_MONTH, 0, 0, OK, "", "t2 -0y 14m", (SQLLEN)sizeof(SQL_INTERVAL_STRUCT) },
    { "12.5", N, SQL_C_INTERVAL_SECOND, 0, 0, OK, "", "t6 +0d 0h 0m 12s 500000f", NOLEN },
    { "12.5", N, SQL_C_INTERVAL_HOUR, 0, 0, INFO, "01S07", "t4 +0d 12h 0m 0s 0f", NOLEN },
    /* character columns are parsed; 22018 when they hold no such value */
    { "  42 ", RS_OID_BPCHAR, SQL_C_SLONG, 0, 0, OK, "", "42", 4 },
    { "4 2", TX, SQL_C_SLONG, 0, 0, ERR, "22018", NULL, NOLEN },
    { "", TX, SQL_C_SLONG, 0, 0, ERR, "22018", NULL, NOLEN },
    { "1,5", TX, SQL_C_DOUBLE, 0, 0, ERR, "22018", NULL, NOLEN },
    { "NaN", TX, SQL_C_SLONG, 0, 0, ERR, "22018", NULL, NOLEN },
    { " 2024-01-02 ", RS_OID_VARCHAR, SQL_C_TYPE_DATE, 0, 0, OK, "", "2024-01-02", 6 },
    { "2024-02-30", TX, SQL_C_TYPE_DATE, 0, 0, ERR, "22007", NULL, NOLEN },
    { "2023-02-29", TX, SQL_C_TYPE_TIMESTAMP, 0, 0, ERR, "22007", NULL, NOLEN },
    { "2024-13-01", TX, SQL_C_TYPE_DATE, 0, 0, ERR, "22018", NULL, NOLEN },
    { "hello", TX, SQL_C_TYPE_DATE, 0, 0, ERR, "22018", NULL, NOLEN },
    { "10:00:00", TX, SQL_C_TYPE_DATE, 0, 0, ERR, "22018", NULL, NOLEN },
    { "2024-01-02", TX, SQL_C_TYPE_TIME, 0, 0, ERR, "22018", NULL, NOLEN },
    { "2024-01-02 10:00:00", TX, SQL_C_TYPE_TIME, 0, 0, ERR, "22018", NULL, NOLEN },
    { "not-a-guid", TX, SQL_C_GUID, 0, 0, ERR, "22018", NULL, NOLEN },
    { "garbage", TX, SQL_C_INTERVAL_DAY, 0, 0, ERR, "22018", NULL, NOLEN },
    { "3 days", TX, SQL_C_INTERVAL_DAY, 0, 0, OK, "", "t3 +3d 0h 0m 0s 0f", NOLEN },
    /* dates */
    { "2024-02-29", RS_OID_DATE, SQL_C_TYPE_DATE, 0, 0, OK, "", "2024-02-29", 6 },
    { "2024-02-29", RS_OID_DATE, SQL_C_TYPE_TIMESTAMP, 0, 0, OK, "", "2024-02-29 00:00:00.000000000", 16 },
    { "2024-02-29", RS_OID_DATE, SQL_C_TYPE_TIME, 0, 0, ERR, "07006", NULL, NOLEN },
    { "2024-02-29", RS_OID_DATE, SQL_C_SLONG, 0, 0, ERR, "07006", NULL, NOLEN },
    { "2024-02-29", RS_OID_DATE, SQL_C_GUID, 0, 0, ERR, "07006", NULL, NOLEN },
    { "2024-02-29", RS_OID_DATE, SQL_C_INTERVAL_DAY, 0, 0, ERR, "07006", NULL, NOLEN },
    { "2024-02-29", RS_OID_DATE, SQL_C_CHAR, 10, 0, ERR, "22003", NULL, NOLEN },
    { "2024-02-29", RS_OID_DATE, SQL_C_CHAR, 11, 0, OK, "", "2024-02-29", 10 },
    { "2024-02-29", RS_OID_DATE, SQL_C_BINARY, 10, 0, OK, "", "323032342d30322d3239", 10 },
    { "2024-02-29", RS_OID_DATE, SQL_C_BINARY, 9, 0, ERR, "22003", NULL, NOLEN },
    { "0044-03-15 BC", RS_OID_DATE, SQL_C_TYPE_DATE, 0, 0, OK, "", "-43-03-15", 6 },
    { "12345-01-01", RS_OID_DATE, SQL_C_TYPE_DATE, 0, 0, OK, "", "12345-01-01", 6 },
    { "40000-01-01", RS_OID_DATE, SQL_C_TYPE_DATE, 0, 0, ERR, "22008", NULL, NOLEN },
    { "infinity", RS_OID_DATE, SQL_C_TYPE_DATE, 0, 0, ERR, "22008", NULL, NOLEN },
    /* times */
    { "10:11:12.5", RS_OID_TIME, SQL_C_TYPE_TIME, 0, 0, INFO, "01S07", "10:11:12", 6 },
    { "10:11:12", RS_OID_TIME, SQL_C_TYPE_TIME, 0, 0, OK, "", "10:11:12", 6 },
    { "10:11:12", RS_OID_TIME, SQL_C_TYPE_DATE, 0, 0, ERR, "07006", NULL, NOLEN },
    { "10:11:12", RS_OID_TIME, SQL_C_TYPE_TIMESTAMP, 0, 0, OK, "", NULL, 16 },
    { "10:11:12.5", RS_OID_TIME, SQL_C_CHAR, 9, 0, INFO, "01004", "10:11:12", 10 },
    { "10:11:12.5", RS_OID_TIME, SQL_C_CHAR, 8, 0, ERR, "22003", NULL, NOLEN },
    { "10:11:12+05:30", RS_OID_TIMETZ, SQL_C_TYPE_TIME, 0, 0, OK, "", "10:11:12", 6 },
    { "10:11:12.25-08", RS_OID_TIMETZ, SQL_C_CHAR, 20, 0, OK, "", "10:11:12.25-08", 14 },
    { "10:11:12", RS_OID_TIME, SQL_C_DOUBLE, 0, 0, ERR, "07006", NULL, NOLEN },
    /* timestamps */
    { "2024-01-02 03:04:05.123456", RS_OID_TIMESTAMP, SQL_C_TYPE_TIMESTAMP, 0, 0, OK, "",
      "2024-01-02 03:04:05.123456000", 16 },
    { "2024-01-02 03:04:05.123456", RS_OID_TIMESTAMP, SQL_C_TYPE_TIME, 0, 0, INFO, "01S07", "03:04:05", 6 },
    { "2024-01-02 03:04:05", RS_OID_TIMESTAMP, SQL_C_TYPE_TIME, 0, 0, OK, "", "03:04:05", 6 },
    { "2024-01-02 03:04:05.1", RS_OID_TIMESTAMP, SQL_C_TYPE_DATE, 0, 0, INFO, "01S07", "2024-01-02", 6 },
    { "2024-01-02 00:00:00", RS_OID_TIMESTAMP, SQL_C_TYPE_DATE, 0, 0, OK, "", "2024-01-02", 6 },
    { "2024-01-02 03:04:05-08", RS_OID_TIMESTAMPTZ, SQL_C_TYPE_TIMESTAMP, 0, 0, OK, "",
      "2024-01-02 03:04:05.000000000", 16 },
    { "0001-12-31 23:59:59.999999+00 BC", RS_OID_TIMESTAMPTZ, SQL_C_TYPE_TIMESTAMP, 0, 0, OK, "",
      "0-12-31 23:59:59.999999000", 16 },
    { "2024-01-02 03:04:05.5", RS_OID_TIMESTAMP, SQL_C_CHAR, 20, 0, INFO, "01004", "2024-01-02 03:04:05", 21 },
    { "2024-01-02 03:04:05.5", RS_OID_TIMESTAMP, SQL_C_CHAR, 19, 0, ERR, "22003", NULL, NOLEN },
    { "infinity", RS_OID_TIMESTAMP, SQL_C_TYPE_TIMESTAMP, 0, 0, ERR, "22008", NULL, NOLEN },
    { "-infinity", RS_OID_TIMESTAMPTZ, SQL_C_TYPE_DATE, 0, 0, ERR, "22008", NULL, NOLEN },
    { "2024-01-02 03:04:05", RS_OID_TIMESTAMP, SQL_C_SBIGINT, 0, 0, ERR, "07006", NULL, NOLEN },
    { "2024-01-02 03:04:05", RS_OID_TIMESTAMP, SQL_C_INTERVAL_DAY_TO_SECOND, 0, 0, ERR, "07006", NULL, NOLEN },
    /* GUIDs */
    { "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", RS_OID_UUID, SQL_C_GUID, 0, 0, OK, "", "a0eebc99-9c0b-4ef8-bb11", 16 },
    { "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", RS_OID_UUID, SQL_C_CHAR, 36, 0, ERR, "22003", NULL, NOLEN },
    { "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", RS_OID_UUID, SQL_C_BINARY, 36, 0, OK, "",
      "61306565626339392d396330622d346566382d626236642d366262396264333830613131", 36 },
    { "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", RS_OID_UUID, SQL_C_SLONG, 0, 0, ERR, "07006", NULL, NOLEN },
    { "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", RS_OID_UUID, SQL_C_TYPE_DATE, 0, 0, ERR, "07006", NULL, NOLEN },
    /* binary types: bytes to binary, hex to character, nothing else */
    { "\\x00ff41", RS_OID_BYTEA, SQL_C_BINARY, 8, 0, OK, "", "00ff41", 3 },
    { "\\x00ff41", RS_OID_BYTEA, SQL_C_BINARY, 2, 0, INFO, "01004", "00ff", 3 },
    { "\\x00ff41", RS_OID_BYTEA, SQL_C_CHAR, 7, 0, OK, "", "00ff41", 6 },
    { "\\x00ff41", RS_OID_BYTEA, SQL_C_CHAR, 4, 0, INFO, "01004", "00f", 6 },
    { "\\x00ff41", RS_OID_BYTEA, SQL_C_WCHAR, 14, 0, OK, "", "0030 0030 0066 0066 0034 0031", 12 },
    { "\\x00ff41", RS_OID_BYTEA, SQL_C_SLONG, 0, 0, ERR, "07006", NULL, NOLEN },
    { "\\x00ff41", RS_OID_BYTEA, SQL_C_NUMERIC, 0, 0, ERR, "07006", NULL, NOLEN },
    { "\\x00ff41", RS_OID_BYTEA, SQL_C_TYPE_TIMESTAMP, 0, 0, ERR, "07006", NULL, NOLEN },
    { "\\x00ff41", RS_OID_BYTEA, SQL_C_GUID, 0, 0, ERR, "07006", NULL, NOLEN },
    { "\\x00ff41", RS_OID_BYTEA, SQL_C_BIT, 0, 0, ERR, "07006", NULL, NOLEN },
    { "00ff41", RS_OID_VARBYTE, SQL_C_BINARY, 8, 0, OK, "", "00ff41", 3 },
    { "00ff41", RS_OID_VARBYTE, SQL_C_DOUBLE, 0, 0, ERR, "07006", NULL, NOLEN },
    { "0101000000000000000000f03f000000000000f03f", RS_OID_GEOMETRY, SQL_C_BINARY, 32, 0, OK, "",
      "0101000000000000000000f03f000000000000f03f", 21 },
    { "0101000000000000000000f03f000000000000f03f", RS_OID_GEOGRAPHY, SQL_C_BINARY, 32, 0, OK, "",
      "0101000000000000000000f03f000000000000f03f", 21 },
    /* character types: cut on characters, UTF-16 with surrogate pairs, bytes to binary */
    { "h\xc3\xa9llo", TX, SQL_C_CHAR, 3, 0, INFO, "01004", "h", 6 },
    { "h\xc3\xa9llo", TX, SQL_C_CHAR, 4, 0, INFO, "01004", "h\xc3\xa9", 6 },
    { "a\xf0\x9f\x98\x80", TX, SQL_C_WCHAR, 8, 0, OK, "", "0061 d83d de00", 6 },
    { "a\xf0\x9f\x98\x80", TX, SQL_C_WCHAR, 6, 0, INFO, "01004", "0061", 6 },
    { "abc", RS_OID_VARCHAR, SQL_C_BINARY, 2, 0, INFO, "01004", "6162", 3 },
    { "{\"a\":1}", RS_OID_JSON, SQL_C_CHAR, 16, 0, OK, "", "{\"a\":1}", 7 },
    { "{\"a\":[1,\"\xc3\xa9\"]}", RS_OID_SUPER, SQL_C_CHAR, 32, 0, OK, "", "{\"a\":[1,\"\xc3\xa9\"]}", 14 },
    { "{\"a\":1}", RS_OID_SUPER, SQL_C_BINARY, 4, 0, INFO, "01004", "7b226122", 7 },
    { "AQEAAAA=", RS_OID_HLLSKETCH, SQL_C_CHAR, 16, 0, OK, "", "AQEAAAA=", 8 },
    { "x", RS_OID_JSON, SQL_C_SLONG, 0, 0, ERR, "22018", NULL, NOLEN },
    /* intervals (IntervalStyle postgres, verbose, iso_8601, sql_standard / Redshift) */
    { "1 year 2 mons 3 days 04:05:06.789", IV, SQL_C_INTERVAL_DAY_TO_SECOND, 0, 0, ERR, "22015", NULL, NOLEN },
    { "1 year 2 mons 3 days 04:05:06.789", IV, SQL_C_INTERVAL_YEAR_TO_MONTH, 0, 0, ERR, "22015", NULL, NOLEN },
    { "1 year 2 mons 3 days 04:05:06.789", IV, SQL_C_CHAR, 40, 0, OK, "", "1 year 2 mons 3 days 04:05:06.789", 33 },
    { "1 year 2 mons 3 days 04:05:06.789", IV, SQL_C_CHAR, 20, 0, ERR, "22003", NULL, NOLEN },
    { "1 year 2 mons", IV, SQL_C_INTERVAL_YEAR_TO_MONTH, 0, 0, OK, "", "t7 +1y 2m", (SQLLEN)sizeof(SQL_INTERVAL_STRUCT) },
    { "1 year 2 mons", IV, SQL_C_INTERVAL_MONTH, 0, 0, OK, "", "t2 +0y 14m", NOLEN },
    { "1 year 2 mons", IV, SQL_C_INTERVAL_YEAR, 0, 0, INFO, "01S07", "t1 +1y 0m", NOLEN },
    { "1 year 2 mons", IV, SQL_C_INTERVAL_DAY, 0, 0, ERR, "22015", NULL, NOLEN },
    { "-1 years -2 mons", IV, SQL_C_INTERVAL_YEAR_TO_MONTH, 0, 0, OK, "", "t7 -1y 2m", NOLEN },
    { "3 days 04:05:06.789", IV, SQL_C_INTERVAL_DAY_TO_SECOND, 0, 0, OK, "", "t10 +3d 4h 5m 6s 789000f", NOLEN },
    { "3 days 04:05:06.789", IV, SQL_C_INTERVAL_DAY_TO_MINUTE, 0, 0, INFO, "01S07", "t9 +3d 4h 5m 0s 0f", NOLEN },
    { "3 days 04:05:06.789", IV, SQL_C_INTERVAL_DAY_TO_HOUR, 0, 0, INFO, "01S07", "t8 +3d 4h 0m 0s 0f", NOLEN },
    { "3 days 04:05:06.789", IV, SQL_C_INTERVAL_DAY, 0, 0, INFO, "01S07", "t3 +3d 0h 0m 0s 0f", NOLEN },
    { "3 days 04:05:06.789", IV, SQL_C_INTERVAL_HOUR, 0, 0, INFO, "01S07", "t4 +0d 76h 0m 0s 0f", NOLEN },
    { "3 days 04:05:06.789", IV, SQL_C_INTERVAL_HOUR_TO_MINUTE, 0, 0, INFO, "01S07", "t11 +0d 76h 5m 0s 0f", NOLEN },
    { "3 days 04:05:06.789", IV, SQL_C_INTERVAL_HOUR_TO_SECOND, 0, 0, OK, "", "t12 +0d 76h 5m 6s 789000f", NOLEN },
    { "3 days 04:05:06.789", IV, SQL_C_INTERVAL_MINUTE, 0, 0, INFO, "01S07", "t5 +0d 0h 4565m 0s 0f", NOLEN },
    { "3 days 04:05:06.789", IV, SQL_C_INTERVAL_MINUTE_TO_SECOND, 0, 0, OK, "", "t13 +0d 0h 4565m 6s 789000f", NOLEN },
    { "3 days 04:05:06.789", IV, SQL_C_INTERVAL_SECOND, 0, 0, OK, "", "t6 +0d 0h 0m 273906s 789000f", NOLEN },
    { "3 days 04:05:06.789", IV, SQL_C_INTERVAL_MONTH, 0, 0, ERR, "22015", NULL, NOLEN },
    { "-1 days +02:00:00", IV, SQL_C_INTERVAL_DAY_TO_SECOND, 0, 0, OK, "", "t10 -0d 22h 0m 0s 0f", NOLEN },
    { "-00:00:01.5", IV, SQL_C_INTERVAL_SECOND, 0, 0, OK, "", "t6 -0d 0h 0m 1s 500000f", NOLEN },
    { "00:00:00", IV, SQL_C_INTERVAL_DAY_TO_SECOND, 0, 0, OK, "", "t10 +0d 0h 0m 0s 0f", NOLEN },
    { "00:00:00", IV, SQL_C_INTERVAL_YEAR_TO_MONTH, 0, 0, OK, "", "t7 +0y 0m", NOLEN },
    { "100:00:00", IV, SQL_C_INTERVAL_DAY_TO_HOUR, 0, 0, OK, "", "t8 +4d 4h 0m 0s 0f", NOLEN },
    { "200000000 days", IV, SQL_C_INTERVAL_HOUR, 0, 0, ERR, "22015", NULL, NOLEN },
    { "@ 1 year 2 mons ago", IV, SQL_C_INTERVAL_YEAR_TO_MONTH, 0, 0, OK, "", "t7 -1y 2m", NOLEN },
    { "@ 3 days 4 hours 5 mins 6.5 secs", IV, SQL_C_INTERVAL_DAY_TO_SECOND, 0, 0, OK, "", "t10 +3d 4h 5m 6s 500000f", NOLEN },
    { "P1Y2M", IV, SQL_C_INTERVAL_YEAR_TO_MONTH, 0, 0, OK, "", "t7 +1y 2m", NOLEN },
    { "P3DT4H5M6.5S", IV, SQL_C_INTERVAL_DAY_TO_SECOND, 0, 0, OK, "", "t10 +3d 4h 5m 6s 500000f", NOLEN },
    { "PT0S", IV, SQL_C_INTERVAL_SECOND, 0, 0, OK, "", "t6 +0d 0h 0m 0s 0f", NOLEN },
    { "1-2", RS_OID_INTERVALY2M, SQL_C_INTERVAL_YEAR_TO_MONTH, 0, 0, OK, "", "t7 +1y 2m", NOLEN },
    { "-1-2", RS_OID_INTERVALY2M, SQL_C_INTERVAL_MONTH, 0, 0, OK, "", "t2 -0y 14m", NOLEN },
    { "4 5:12:10.22", RS_OID_INTERVALD2S, SQL_C_INTERVAL_DAY_TO_SECOND, 0, 0, OK, "", "t10 +4d 5h 12m 10s 220000f", NOLEN },
    { "1 day", IV, SQL_C_SLONG, 0, 0, ERR, "07006", NULL, NOLEN },
    { "1 day", IV, SQL_C_TYPE_DATE, 0, 0, ERR, "07006", NULL, NOLEN },
    { "1 day", IV, SQL_C_GUID, 0, 0, ERR, "07006", NULL, NOLEN },
    { "1 fortnight", IV, SQL_C_INTERVAL_DAY, 0, 0, ERR, "22018", NULL, NOLEN },
    { "1 day ago 2 hours", IV, SQL_C_INTERVAL_DAY, 0, 0, ERR, "22018", NULL, NOLEN },
    /* unknown C type */
    { "1", I4, 9999, 0, 0, ERR, "HY003", NULL, NOLEN },
};

static void run_fetch_cases(void)
{
    for (size_t i = 0; i < sizeof fetch_cases / sizeof *fetch_cases; i++) {
        const fcase *c = &fetch_cases[i];
        union { char c[128]; SQLWCHAR w[64]; SQL_INTERVAL_STRUCT iv; SQL_TIMESTAMP_STRUCT ts; double d;
                SQL_NUMERIC_STRUCT n; SQLGUID g; SQLBIGINT b; } buf;
        memset(&buf, 0, sizeof buf);
        rs_diag_clear(&diag);
        rs_conv_target t = { c->ctype, &buf, c->buflen, 38, c->scale };
        rs_conv_where w = { &diag, 1, 1, NULL };
        SQLLEN len = NOLEN;
        SQLRETURN rc = rs_text_to_c(c->v, strlen(c->v), c->oid, &t, &len, &w);
        char got[256] = "";
        if (rc != SQL_ERROR)
            render(c->ctype, &buf, len, c->buflen, got, sizeof got);
        int ok = rc == c->rc && !strcmp(state(), c->state) && (!c->want || !strcmp(got, c->want)) &&
                 (c->want_len == NOLEN || len == c->want_len);
        TAP_OK(ok, "%s (oid %u) to SQL_C_%s buf %ld: rc %d %s %s", c->v, c->oid, ctype_name(c->ctype),
               (long)c->buflen, c->rc, *c->state ? c->state : "-", c->want ? c->want : "");
        if (!ok)
            printf("#   got rc %d state '%s' value '%s' len %ld\n", rc, state(), got, (long)len);
    }
}

/* SQLGetData pieces: each call continues where the last stopped. */
static void run_pieces(void)
{
    struct { const char *v; unsigned oid; SQLSMALLINT ctype; SQLLEN buflen; const char *pieces[4]; SQLLEN lens[4]; } cases[] = {
        { "12.5", N, SQL_C_CHAR, 3, { "12", ".5", NULL }, { 4, 2 } },
        { "\\x0102030405", RS_OID_BYTEA, SQL_C_BINARY, 2, { "0102", "0304", "05", NULL }, { 5, 3, 1 } },
        { "a\xf0\x9f\x98\x80" "b", TX, SQL_C_WCHAR, 6, { "0061", "d83d de00", "0062", NULL }, { 8, 6, 2 } },
        { "h\xc3\xa9llo", TX, SQL_C_CHAR, 3, { "h", "\xc3\xa9", "ll", "o" }, { 6, 5, 3, 1 } },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        SQLLEN off = 0;
        union { char c[16]; SQLWCHAR w[8]; } buf;
        rs_conv_target t = { cases[i].ctype, &buf, cases[i].buflen, 0, 0 };
        rs_conv_where w = { &diag, SQL_NO_ROW_NUMBER, 1, &off };
        int k = 0, ok = 1;
        for (; k < 4 && cases[i].pieces[k]; k++) {
            memset(&buf, 0, sizeof buf);
            rs_diag_clear(&diag);
            SQLLEN len = 0;
            SQLRETURN rc = rs_text_to_c(cases[i].v, strlen(cases[i].v), cases[i].oid, &t, &len, &w);
            int last = k == 3 || !cases[i].pieces[k + 1];
            char got[64];
            render(cases[i].ctype, &buf, len, cases[i].buflen, got, sizeof got);
            if (rc != (last ? SQL_SUCCESS : SQL_SUCCESS_WITH_INFO) || strcmp(got, cases[i].pieces[k]) ||
                len != cases[i].lens[k]) {
                printf("#   piece %d: rc %d '%s' len %ld\n", k + 1, rc, got, (long)len);
                ok = 0;
            }
        }
        SQLLEN len = 0;
        ok = ok && rs_text_to_c(cases[i].v, strlen(cases[i].v), cases[i].oid, &t, &len, &w) == SQL_NO_DATA;
        TAP_OK(ok, "pieces of %s as SQL_C_%s, %ld bytes a call, then SQL_NO_DATA", cases[i].v,
               ctype_name(cases[i].ctype), (long)cases[i].buflen);
    }
}

/* ---- C values to parameters ---- */

typedef struct pcase {
    const char *what;
    SQLSMALLINT ctype;
    const void *ptr;
    SQLLEN len;
    SQLSMALLINT sql_type;
    SQLRETURN rc;
    const char *state;
    const char *want;     /* text sent; for binary, hex of the bytes */
    unsigned oid;
} pcase;

static const SQLINTEGER i70000 = 70000, i1 = 1, i5 = 5;
static const double d15 = 1.5, d2 = 2.0, d1e20 = 1e20, d01 = 0.1;
static const float f15 = 1.5f;
static SQL_NUMERIC_STRUCT n38, n38s10;
static const SQL_DATE_STRUCT date_bad = { 2024, 2, 30 }, date_leap = { 2024, 2, 29 }, date_bc = { -43, 3, 15 };
static const SQL_TIME_STRUCT time_bad = { 25, 0, 0 }, time_ok = { 10, 11, 12 };
static const SQL_TIMESTAMP_STRUCT ts_time = { 2024, 1, 2, 3, 4, 5, 0 }, ts_midnight = { 2024, 1, 2, 0, 0, 0, 0 },
                                  ts_frac = { 2024, 1, 2, 3, 4, 5, 500000000 },
                                  ts_badfrac = { 2024, 1, 2, 3, 4, 5, 1000000000 };
static const SQLGUID guid = { 0xa0eebc99, 0x9c0b, 0x4ef8, { 0xbb, 0x6d, 0x6b, 0xb9, 0xbd, 0x38, 0x0a, 0x11 } };
static const unsigned char bin3[3] = { 0x00, 0xff, 0x41 };
static SQL_INTERVAL_STRUCT iv_ym, iv_ym_neg, iv_ym_bad, iv_ds, iv_ds_bad, iv_day;
static const SQLWCHAR w_bad_date[] = { '2', '0', '2', '4', '-', '0', '2', '-', '3', '0', 0 };
static const SQLWCHAR w_emoji[] = { 'h', 0xE9, 0xD83D, 0xDE00, 0 };

static void init_param_values(void)
{
    memset(&n38, 0, sizeof n38);
    n38.precision = 38;
    n38.sign = 1;
    /* 10^38 - 1 = 0x4B3B4CA85A86C47A098A223FFFFFFFFF, little-endian */
    static const unsigned char v[16] = { 0xFF, 0xFF, 0xFF, 0xFF, 0x3F, 0x22, 0x8A, 0x09,
                                         0x7A, 0xC4, 0x86, 0x5A, 0xA8, 0x4C, 0x3B, 0x4B };
    memcpy(n38.val, v, 16);
    n38s10 = n38;
    n38s10.scale = 10;
    n38s10.sign = 0;
    memset(&iv_ym, 0, sizeof iv_ym);
    iv_ym.interval_type = SQL_IS_YEAR_TO_MONTH;
    iv_ym.intval.year_month.year = 1;
    iv_ym.intval.year_month.month = 2;
    iv_ym_neg = iv_ym;
    iv_ym_neg.interval_sign = SQL_TRUE;
    iv_ym_bad = iv_ym;
    iv_ym_bad.intval.year_month.month = 12;
    memset(&iv_ds, 0, sizeof iv_ds);
    iv_ds.interval_type = SQL_IS_DAY_TO_SECOND;
    iv_ds.intval.day_second.day = 3;
    iv_ds.intval.day_second.hour = 4;
    iv_ds.intval.day_second.minute = 5;
    iv_ds.intval.day_second.second = 6;
    iv_ds.intval.day_second.fraction = 789000;
    iv_ds_bad = iv_ds;
    iv_ds_bad.intval.day_second.hour = 24;
    memset(&iv_day, 0, sizeof iv_day);
    iv_day.interval_type = SQL_IS_DAY;
    iv_day.intval.day_second.day = 5;
    iv_day.interval_sign = SQL_TRUE;
}

#define CH(s) SQL_C_CHAR, (s), SQL_NTS

static const pcase param_cases[] = {
    /* character data for numeric types */
    { "'42' as INTEGER", CH("42"), SQL_INTEGER, OK, "", "42", RS_OID_INT4 },
    { "' 7 ' as INTEGER", CH(" 7 "), SQL_INTEGER, OK, "", "7", RS_OID_INT4 },
    { "'12.0' as INTEGER", CH("12.0"), SQL_INTEGER, OK, "", "12", RS_OID_INT4 },
    { "'1e3' as INTEGER", CH("1e3"), SQL_INTEGER, OK, "", "1000", RS_OID_INT4 },
    { "'12.5' as INTEGER: fraction lost", CH("12.5"), SQL_INTEGER, ERR, "22001", NULL, 0 },
    { "'abc' as INTEGER", CH("abc"), SQL_INTEGER, ERR, "22018", NULL, 0 },
    { "'40000' as SMALLINT", CH("40000"), SQL_SMALLINT, ERR, "22003", NULL, 0 },
    { "'-9223372036854775808' as BIGINT", CH("-9223372036854775808"), SQL_BIGINT, OK, "", "-9223372036854775808", RS_OID_INT8 },
    { "'9223372036854775808' as BIGINT", CH("9223372036854775808"), SQL_BIGINT, ERR, "22003", NULL, 0 },
    { "'1.5' as NUMERIC", CH("1.5"), SQL_NUMERIC, OK, "", "1.5", RS_OID_NUMERIC },
    { "'-12345678901234567890123456789.123456789' as DECIMAL", CH("-12345678901234567890123456789.123456789"),
      SQL_DECIMAL, OK, "", "-12345678901234567890123456789.123456789", RS_OID_NUMERIC },
    { "'1,5' as NUMERIC", CH("1,5"), SQL_NUMERIC, ERR, "22018", NULL, 0 },
    { "'NaN' as DOUBLE", CH("NaN"), SQL_DOUBLE, OK, "", "NaN", RS_OID_FLOAT8 },
    { "'x' as REAL", CH("x"), SQL_REAL, ERR, "22018", NULL, 0 },
    { "'true' as BIT", CH("true"), SQL_BIT, OK, "", "true", RS_OID_BOOL },
    { "'1' as BIT", CH("1"), SQL_BIT, OK, "", "1", RS_OID_BOOL },
    { "'2' as BIT", CH("2"), SQL_BIT, ERR, "22003", NULL, 0 },
    { "'0.5' as BIT", CH("0.5"), SQL_BIT, ERR, "22001", NULL, 0 },
    { "'maybe' as BIT", CH("maybe"), SQL_BIT, ERR, "22018", NULL, 0 },
    /* character data for dates and times */
    { "'2024-02-29' as DATE", CH("2024-02-29"), SQL_TYPE_DATE, OK, "", "2024-02-29", RS_OID_DATE },
    { "'2024-02-30' as DATE", CH("2024-02-30"), SQL_TYPE_DATE, ERR, "22007", NULL, 0 },
    { "'2024/02/29' as DATE", CH("2024/02/29"), SQL_TYPE_DATE, ERR, "22007", NULL, 0 },
    { "'yesterday' as TIMESTAMP", CH("yesterday"), SQL_TYPE_TIMESTAMP, ERR, "22007", NULL, 0 },
    { "'2024-01-02 10:00:00' as DATE", CH("2024-01-02 10:00:00"), SQL_TYPE_DATE, ERR, "22008", NULL, 0 },
    { "'2024-01-02 00:00:00' as DATE", CH("2024-01-02 00:00:00"), SQL_TYPE_DATE, OK, "", "2024-01-02 00:00:00", RS_OID_DATE },
    { "{d '2024-01-02'} as DATE", CH("{d '2024-01-02'}"), SQL_TYPE_DATE, OK, "", "2024-01-02", RS_OID_DATE },
    { "{ts '...'} as TIMESTAMP", CH("{ts '2024-01-02 03:04:05.5'}"), SQL_TYPE_TIMESTAMP, OK, "", "2024-01-02 03:04:05.5", RS_OID_TIMESTAMP },
    { "'0044-03-15 BC' as DATE", CH("0044-03-15 BC"), SQL_TYPE_DATE, OK, "", "0044-03-15 BC", RS_OID_DATE },
    { "'infinity' as TIMESTAMP", CH("infinity"), SQL_TYPE_TIMESTAMP, OK, "", "infinity", RS_OID_TIMESTAMP },
    { "'2024-01-02 03:04:05+05:30' as TIMESTAMP", CH("2024-01-02 03:04:05+05:30"), SQL_TYPE_TIMESTAMP, OK, "",
      "2024-01-02 03:04:05+05:30", RS_OID_TIMESTAMP },
    { "'10:11:12' as TIME", CH("10:11:12"), SQL_TYPE_TIME, OK, "", "10:11:12", RS_OID_TIME },
    { "'25:00:00' as TIME", CH("25:00:00"), SQL_TYPE_TIME, ERR, "22007", NULL, 0 },
    { "'2024-01-02' as TIME", CH("2024-01-02"), SQL_TYPE_TIME, ERR, "22007", NULL, 0 },
    { "'2024-01-02 03:04:05' as TIME", CH("2024-01-02 03:04:05"), SQL_TYPE_TIME, OK, "", "03:04:05", RS_OID_TIME },
    { "'2024-01-02 03:04:05.5' as TIME", CH("2024-01-02 03:04:05.5"), SQL_TYPE_TIME, ERR, "22008", NULL, 0 },
    { "WCHAR '2024-02-30' as DATE", SQL_C_WCHAR, w_bad_date, SQL_NTS, SQL_TYPE_DATE, ERR, "22007", NULL, 0 },
    { "'2024-02-30' as VARCHAR: not checked", CH("2024-02-30"), SQL_VARCHAR, OK, "", "2024-02-30", 0 },
    /* other character conversions */
    { "GUID text", CH("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), SQL_GUID, OK, "", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", RS_OID_UUID },
    { "'zz' as GUID", CH("zz"), SQL_GUID, ERR, "22018", NULL, 0 },
    { "hex as VARBINARY", CH("00ff41"), SQL_VARBINARY, OK, "", "00ff41", RS_OID_BYTEA },
    { "'0g' as VARBINARY", CH("0g"), SQL_VARBINARY, ERR, "22018", NULL, 0 },
    { "'abc' as BINARY: odd", CH("abc"), SQL_BINARY, ERR, "22018", NULL, 0 },
    { "'1 year 2 mons' as INTERVAL YEAR TO MONTH", CH("1 year 2 mons"), SQL_INTERVAL_YEAR_TO_MONTH, OK, "", "1 year 2 mons", RS_OID_INTERVAL },
    { "'3 days' as INTERVAL YEAR TO MONTH", CH("3 days"), SQL_INTERVAL_YEAR_TO_MONTH, ERR, "22015", NULL, 0 },
    { "'1 mon' as INTERVAL DAY TO SECOND", CH("1 mon"), SQL_INTERVAL_DAY_TO_SECOND, ERR, "22015", NULL, 0 },
    { "'junk' as INTERVAL DAY", CH("junk"), SQL_INTERVAL_DAY, ERR, "22018", NULL, 0 },
    { "WCHAR with a surrogate pair", SQL_C_WCHAR, w_emoji, SQL_NTS, SQL_WVARCHAR, OK, "", "h\xc3\xa9\xf0\x9f\x98\x80", 0 },
    /* integers */
    { "SLONG 70000 as SMALLINT", SQL_C_SLONG, &i70000, 0, SQL_SMALLINT, ERR, "22003", NULL, 0 },
    { "SLONG 70000 as INTEGER", SQL_C_SLONG, &i70000, 0, SQL_INTEGER, OK, "", "70000", RS_OID_INT4 },
    { "SLONG 70000 as VARCHAR", SQL_C_SLONG, &i70000, 0, SQL_VARCHAR, OK, "", "70000", 0 },
    { "SLONG as DATE", SQL_C_SLONG, &i70000, 0, SQL_TYPE_DATE, ERR, "07006", NULL, 0 },
    { "SLONG as GUID", SQL_C_SLONG, &i70000, 0, SQL_GUID, ERR, "07006", NULL, 0 },
    { "SLONG as VARBINARY", SQL_C_SLONG, &i70000, 0, SQL_VARBINARY, ERR, "07006", NULL, 0 },
    { "SLONG 70000 as BIT", SQL_C_SLONG, &i70000, 0, SQL_BIT, ERR, "22003", NULL, 0 },
    { "SLONG 1 as BIT", SQL_C_SLONG, &i1, 0, SQL_BIT, OK, "", "1", RS_OID_BOOL },
    { "SLONG 5 as INTERVAL DAY", SQL_C_SLONG, &i5, 0, SQL_INTERVAL_DAY, OK, "", "5 days", RS_OID_INTERVAL },
    { "SLONG 5 as INTERVAL DAY TO SECOND", SQL_C_SLONG, &i5, 0, SQL_INTERVAL_DAY_TO_SECOND, ERR, "07006", NULL, 0 },
    /* floats */
    { "DOUBLE 1.5 as INTEGER", SQL_C_DOUBLE, &d15, 0, SQL_INTEGER, ERR, "22001", NULL, 0 },
    { "DOUBLE 2 as INTEGER", SQL_C_DOUBLE, &d2, 0, SQL_INTEGER, OK, "", "2", RS_OID_INT4 },
    { "DOUBLE 1e20 as BIGINT", SQL_C_DOUBLE, &d1e20, 0, SQL_BIGINT, ERR, "22003", NULL, 0 },
    { "DOUBLE 0.1 as DOUBLE", SQL_C_DOUBLE, &d01, 0, SQL_DOUBLE, OK, "", "0.10000000000000001", RS_OID_FLOAT8 },
    { "DOUBLE 1.5 as NUMERIC", SQL_C_DOUBLE, &d15, 0, SQL_NUMERIC, OK, "", "1.5", RS_OID_NUMERIC },
    { "FLOAT 1.5 as REAL", SQL_C_FLOAT, &f15, 0, SQL_REAL, OK, "", "1.5", RS_OID_FLOAT4 },
    { "DOUBLE as TIMESTAMP", SQL_C_DOUBLE, &d15, 0, SQL_TYPE_TIMESTAMP, ERR, "07006", NULL, 0 },
    { "DOUBLE as INTERVAL SECOND", SQL_C_DOUBLE, &d15, 0, SQL_INTERVAL_SECOND, ERR, "07006", NULL, 0 },
    /* SQL_NUMERIC_STRUCT: 38 digits exact */
    { "NUMERIC 10^38-1", SQL_C_NUMERIC, &n38, 0, SQL_NUMERIC, OK, "", "99999999999999999999999999999999999999", RS_OID_NUMERIC },
    { "NUMERIC -(10^38-1) scale 10", SQL_C_NUMERIC, &n38s10, 0, SQL_DECIMAL, OK, "", "-9999999999999999999999999999.9999999999", RS_OID_NUMERIC },
    { "NUMERIC 10^38-1 as BIGINT", SQL_C_NUMERIC, &n38, 0, SQL_BIGINT, ERR, "22003", NULL, 0 },
    { "NUMERIC as DATE", SQL_C_NUMERIC, &n38, 0, SQL_TYPE_DATE, ERR, "07006", NULL, 0 },
    /* date, time and timestamp structures */
    { "DATE 2024-02-30", SQL_C_TYPE_DATE, &date_bad, 0, SQL_TYPE_DATE, ERR, "22007", NULL, 0 },
    { "DATE as TIMESTAMP", SQL_C_TYPE_DATE, &date_leap, 0, SQL_TYPE_TIMESTAMP, OK, "", "2024-02-29 00:00:00.000000000", RS_OID_TIMESTAMP },
    { "DATE as TIME", SQL_C_TYPE_DATE, &date_leap, 0, SQL_TYPE_TIME, ERR, "07006", NULL, 0 },
    { "DATE as INTEGER", SQL_C_TYPE_DATE, &date_leap, 0, SQL_INTEGER, ERR, "07006", NULL, 0 },
    { "DATE year -43 is 44 BC", SQL_C_TYPE_DATE, &date_bc, 0, SQL_TYPE_DATE, OK, "", "0044-03-15 BC", RS_OID_DATE },
    { "TIME 25:00:00", SQL_C_TYPE_TIME, &time_bad, 0, SQL_TYPE_TIME, ERR, "22007", NULL, 0 },
    { "TIME as TIME", SQL_C_TYPE_TIME, &time_ok, 0, SQL_TYPE_TIME, OK, "", "10:11:12", RS_OID_TIME },
    { "TIME as DATE", SQL_C_TYPE_TIME, &time_ok, 0, SQL_TYPE_DATE, ERR, "07006", NULL, 0 },
    { "TIMESTAMP with a time as DATE", SQL_C_TYPE_TIMESTAMP, &ts_time, 0, SQL_TYPE_DATE, ERR, "22008", NULL, 0 },
    { "TIMESTAMP at midnight as DATE", SQL_C_TYPE_TIMESTAMP, &ts_midnight, 0, SQL_TYPE_DATE, OK, "", "2024-01-02", RS_OID_DATE },
    { "TIMESTAMP as TIME", SQL_C_TYPE_TIMESTAMP, &ts_time, 0, SQL_TYPE_TIME, OK, "", "03:04:05", RS_OID_TIME },
    { "TIMESTAMP with fraction as TIME", SQL_C_TYPE_TIMESTAMP, &ts_frac, 0, SQL_TYPE_TIME, ERR, "22008", NULL, 0 },
    { "TIMESTAMP fraction 10^9", SQL_C_TYPE_TIMESTAMP, &ts_badfrac, 0, SQL_TYPE_TIMESTAMP, ERR, "22007", NULL, 0 },
    { "TIMESTAMP as VARCHAR", SQL_C_TYPE_TIMESTAMP, &ts_frac, 0, SQL_VARCHAR, OK, "", "2024-01-02 03:04:05.500000000", RS_OID_TIMESTAMP },
    /* GUID, binary */
    { "GUID as GUID", SQL_C_GUID, &guid, 0, SQL_GUID, OK, "", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", RS_OID_UUID },
    { "GUID as INTEGER", SQL_C_GUID, &guid, 0, SQL_INTEGER, ERR, "07006", NULL, 0 },
    { "BINARY as VARBINARY", SQL_C_BINARY, bin3, 3, SQL_VARBINARY, OK, "", "00ff41", RS_OID_BYTEA },
    { "BINARY of 3 bytes as INTEGER", SQL_C_BINARY, bin3, 3, SQL_INTEGER, ERR, "22003", NULL, 0 },
    { "BINARY of an SQLINTEGER as INTEGER", SQL_C_BINARY, &i70000, 4, SQL_INTEGER, OK, "", "70000", RS_OID_INT4 },
    { "BINARY of a DATE_STRUCT as DATE", SQL_C_BINARY, &date_leap, 6, SQL_TYPE_DATE, OK, "", "2024-02-29", RS_OID_DATE },
    { "BINARY of a bad DATE_STRUCT as DATE", SQL_C_BINARY, &date_bad, 6, SQL_TYPE_DATE, ERR, "22007", NULL, 0 },
    { "BINARY of a GUID as GUID", SQL_C_BINARY, &guid, 16, SQL_GUID, OK, "", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", RS_OID_UUID },
    { "BINARY as LONGVARCHAR: the bytes", SQL_C_BINARY, bin3, 3, SQL_LONGVARCHAR, OK, "", "00ff41", RS_OID_BYTEA },
    /* interval structures */
    { "YEAR TO MONTH 1-2", SQL_C_INTERVAL_YEAR_TO_MONTH, &iv_ym, 0, SQL_INTERVAL_YEAR_TO_MONTH, OK, "", "1 years 2 mons", RS_OID_INTERVAL },
    { "YEAR TO MONTH -1-2", SQL_C_INTERVAL_YEAR_TO_MONTH, &iv_ym_neg, 0, SQL_INTERVAL_YEAR_TO_MONTH, OK, "", "-1 years -2 mons", RS_OID_INTERVAL },
    { "YEAR TO MONTH month 12", SQL_C_INTERVAL_YEAR_TO_MONTH, &iv_ym_bad, 0, SQL_INTERVAL_YEAR_TO_MONTH, ERR, "22015", NULL, 0 },
    { "YEAR TO MONTH as DAY TO SECOND", SQL_C_INTERVAL_YEAR_TO_MONTH, &iv_ym, 0, SQL_INTERVAL_DAY_TO_SECOND, ERR, "07006", NULL, 0 },
    { "DAY TO SECOND", SQL_C_INTERVAL_DAY_TO_SECOND, &iv_ds, 0, SQL_INTERVAL_DAY_TO_SECOND, OK, "",
      "3 days 4 hours 5 mins 6.789000 secs", RS_OID_INTERVAL },
    { "DAY TO SECOND as VARCHAR", SQL_C_INTERVAL_DAY_TO_SECOND, &iv_ds, 0, SQL_VARCHAR, OK, "",
      "3 days 4 hours 5 mins 6.789000 secs", RS_OID_INTERVAL },
    { "DAY TO SECOND hour 24", SQL_C_INTERVAL_DAY_TO_SECOND, &iv_ds_bad, 0, SQL_INTERVAL_DAY_TO_SECOND, ERR, "22015", NULL, 0 },
    { "DAY TO SECOND as INTEGER", SQL_C_INTERVAL_DAY_TO_SECOND, &iv_ds, 0, SQL_INTEGER, ERR, "07006", NULL, 0 },
    { "DAY -5 as INTEGER", SQL_C_INTERVAL_DAY, &iv_day, 0, SQL_INTEGER, OK, "", "-5", RS_OID_INT4 },
    { "DAY -5 as INTERVAL DAY", SQL_C_INTERVAL_DAY, &iv_day, 0, SQL_INTERVAL_DAY, OK, "", "-5 days", RS_OID_INTERVAL },
    { "DAY as DATE", SQL_C_INTERVAL_DAY, &iv_day, 0, SQL_TYPE_DATE, ERR, "07006", NULL, 0 },
};

static void run_param_cases(void)
{
    for (size_t i = 0; i < sizeof param_cases / sizeof *param_cases; i++) {
        const pcase *c = &param_cases[i];
        rs_param_value pv;
        rs_diag_clear(&diag);
        SQLRETURN rc = rs_c_to_param(c->ctype, c->ptr, c->len, c->sql_type, 0, &pv, &diag, 1, 1);
        char got[256] = "";
        if (rc == SQL_SUCCESS && pv.binary) {
            size_t o = 0;
            for (int k = 0; k < pv.len && o + 3 < sizeof got; k++)
                o += (size_t)snprintf(got + o, sizeof got - o, "%02x", (unsigned char)pv.data[k]);
        } else if (rc == SQL_SUCCESS) {
            snprintf(got, sizeof got, "%.*s", pv.len, pv.data);
        }
        int ok = rc == c->rc && !strcmp(state(), c->state) && (!c->want || !strcmp(got, c->want)) &&
                 (rc != SQL_SUCCESS || pv.oid == c->oid);
        TAP_OK(ok, "parameter %s: rc %d %s %s", c->what, c->rc, *c->state ? c->state : "-", c->want ? c->want : "");
        if (!ok)
            printf("#   got rc %d state '%s' text '%s' oid %u\n", rc, state(), got,
                   rc == SQL_SUCCESS ? pv.oid : 0);
        if (rc == SQL_SUCCESS)
            rs_param_value_free(&pv);
    }
}

/* Every interval structure written as a parameter reads back as the same structure. */
static void run_interval_round_trip(void)
{
    int ok = 1;
    for (SQLSMALLINT c = SQL_C_INTERVAL_YEAR; c <= SQL_C_INTERVAL_MINUTE_TO_SECOND; c++) {
        rs_interval iv = { 0, 0, 0 };
        SQL_INTERVAL_STRUCT in, back;
        int ym = rs_interval_is_year_month(c);
        if (ym)
            iv.months = -(12 * 7 + 5);
        else
            iv.days = 2, iv.usec = 3723004005LL;   /* 2 days 01:02:03.004005 */
        int r = rs_interval_to_struct(&iv, c, &in);
        char text[128];
        int n = rs_interval_format(&in, c, text, sizeof text);
        rs_interval parsed;
        if (r == RS_IV_OVERFLOW || n < 0 || rs_interval_parse(text, (size_t)n, &parsed) < 0 ||
            rs_interval_to_struct(&parsed, c, &back) == RS_IV_OVERFLOW || memcmp(&in, &back, sizeof in)) {
            printf("#   interval type %d: '%s'\n", c, n < 0 ? "(none)" : text);
            ok = 0;
        }
    }
    TAP_OK(ok, "all 13 interval structures survive text and back");
    TAP_OK(rs_interval_typmod_is_year_month((6 << 16) | 0xFFFF) && rs_interval_typmod_is_year_month((4 << 16) | 0xFFFF) &&
           !rs_interval_typmod_is_year_month(-1) && !rs_interval_typmod_is_year_month((0x7FFF << 16) | 0xFFFF) &&
           !rs_interval_typmod_is_year_month(((1 << 3) | (1 << 10)) << 16 | 6),
           "typmod: YEAR TO MONTH and YEAR are year-month, none/full/DAY TO HOUR are not");
    const rs_pgtype *t = rs_pgtype_lookup(RS_OID_INTERVAL);
    TAP_OK(rs_pgtype_sql_type(t, (6 << 16) | 0xFFFF) == SQL_INTERVAL_YEAR_TO_MONTH &&
           rs_pgtype_sql_type(t, -1) == SQL_INTERVAL_DAY_TO_SECOND &&
           rs_pgtype_sql_type(rs_pgtype_lookup(RS_OID_INTERVALY2M), -1) == SQL_INTERVAL_YEAR_TO_MONTH,
           "interval column SQL type from the typmod; Redshift's intervaly2m");
    TAP_OK(rs_pgtype_lookup(RS_OID_SUPER)->sql_type == SQL_LONGVARCHAR &&
           rs_pgtype_lookup(RS_OID_VARBYTE)->sql_type == SQL_LONGVARBINARY &&
           rs_pgtype_lookup(RS_OID_GEOMETRY)->sql_type == SQL_LONGVARBINARY &&
           rs_pgtype_lookup(RS_OID_GEOGRAPHY)->sql_type == SQL_LONGVARBINARY &&
           rs_pgtype_lookup(RS_OID_TIMETZ)->sql_type == SQL_TYPE_TIME &&
           rs_pgtype_lookup(RS_OID_TIMESTAMPTZ)->sql_type == SQL_TYPE_TIMESTAMP,
           "Redshift types: SUPER long varchar, VARBYTE/GEOMETRY/GEOGRAPHY long varbinary, TIMETZ, TIMESTAMPTZ");
}

/* Very long numeric text converts without allocating and keeps its range checks. */
static void run_long_numbers(void)
{
    static char big[1100];
    memset(big, '0', sizeof big - 1);
    big[0] = '1';
    big[sizeof big - 1] = '\0';   /* 10^1098 */
    double d;
    rs_conv_target t = { SQL_C_DOUBLE, &d, 0, 0, 0 };
    rs_conv_where w = { &diag, 1, 1, NULL };
    rs_diag_clear(&diag);
    TAP_OK(rs_text_to_c(big, strlen(big), N, &t, NULL, &w) == SQL_ERROR && !strcmp(state(), "22003"),
           "10^1098 into SQL_C_DOUBLE: 22003");
    big[0] = '0';
    big[1] = '.';
    big[300] = '5';
    big[1000] = '7';
    rs_diag_clear(&diag);
    TAP_OK(rs_text_to_c(big, strlen(big), N, &t, NULL, &w) == SQL_SUCCESS && d == 5e-299,
           "a numeric with 1097 digits after the point: 5e-299 (digits past the 40th ignored)");
}

int main(void)
{
    size_t nf = sizeof fetch_cases / sizeof *fetch_cases, np = sizeof param_cases / sizeof *param_cases;
    TAP_PLAN(nf + 4 + np + 4 + 2);
    init_param_values();
    run_fetch_cases();
    run_pieces();
    run_param_cases();
    run_interval_round_trip();
    run_long_numbers();
    rs_diag_free(&diag);
    return TAP_DONE();
}
