/* unit_convert.c - server text to C types and C values to parameter text, with SQLSTATEs. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "tap.h"
#include "types/convert.h"
#include "types/cparam.h"
#include "types/pgtypes.h"

static rs_diag diag;

static SQLRETURN conv(const char *v, unsigned oid, SQLSMALLINT ctype, void *buf, SQLLEN buflen, SQLLEN *len)
{
    rs_diag_clear(&diag);
    rs_conv_target t = { ctype, buf, buflen, 38, 0 };
    rs_conv_where w = { &diag, 1, 1, NULL };
    return rs_text_to_c(v, strlen(v), oid, &t, len, &w);
}

static const char *state(void)
{
    return diag.count ? diag.recs[diag.count - 1].sqlstate : "";
}

int main(void)
{
    TAP_PLAN(43);
    SQLINTEGER i4;
    SQLSMALLINT i2;
    SQLBIGINT i8;
    SQLUINTEGER u4;
    double d;
    float f;
    unsigned char bit;
    SQLLEN len;
    char cbuf[16];

    TAP_OK(conv("42", RS_OID_INT4, SQL_C_SLONG, &i4, 0, &len) == SQL_SUCCESS && i4 == 42 && len == 4, "int4 to SLONG");
    TAP_OK(conv("-2147483648", RS_OID_INT8, SQL_C_SLONG, &i4, 0, &len) == SQL_SUCCESS && i4 == INT32_MIN, "INT32_MIN fits");
    TAP_OK(conv("2147483648", RS_OID_INT8, SQL_C_SLONG, &i4, 0, &len) == SQL_ERROR, "INT32_MAX+1 does not");
    TAP_STR(state(), "22003", "22003 numeric out of range");
    TAP_OK(conv("40000", RS_OID_INT4, SQL_C_SSHORT, &i2, 0, &len) == SQL_ERROR, "40000 into a short");
    TAP_OK(conv("-1", RS_OID_INT4, SQL_C_ULONG, &u4, 0, &len) == SQL_ERROR && !strcmp(state(), "22003"), "-1 into unsigned: 22003");
    TAP_OK(conv("9223372036854775807", RS_OID_INT8, SQL_C_SBIGINT, &i8, 0, &len) == SQL_SUCCESS && i8 == INT64_MAX, "INT64_MAX");
    TAP_OK(conv("-9223372036854775808", RS_OID_INT8, SQL_C_SBIGINT, &i8, 0, &len) == SQL_SUCCESS && i8 == INT64_MIN, "INT64_MIN");
    TAP_OK(conv("12.75", RS_OID_NUMERIC, SQL_C_SLONG, &i4, 0, &len) == SQL_SUCCESS_WITH_INFO && i4 == 12, "12.75 to SLONG truncates to 12");
    TAP_STR(state(), "01S07", "01S07 fractional truncation");
    TAP_OK(conv("-12.00", RS_OID_NUMERIC, SQL_C_SLONG, &i4, 0, &len) == SQL_SUCCESS && i4 == -12, "-12.00 exact");
    TAP_OK(conv("1e3", RS_OID_FLOAT8, SQL_C_SLONG, &i4, 0, &len) == SQL_SUCCESS && i4 == 1000, "float text with exponent");
    TAP_OK(conv("abc", RS_OID_TEXT, SQL_C_SLONG, &i4, 0, &len) == SQL_ERROR && !strcmp(state(), "22018"), "text 'abc' to SLONG: 22018");
    TAP_OK(conv("NaN", RS_OID_FLOAT8, SQL_C_SLONG, &i4, 0, &len) == SQL_ERROR, "NaN to SLONG refused");
    TAP_OK(conv("t", RS_OID_BOOL, SQL_C_SLONG, &i4, 0, &len) == SQL_SUCCESS && i4 == 1, "bool t to SLONG");
    TAP_OK(conv("f", RS_OID_BOOL, SQL_C_BIT, &bit, 0, &len) == SQL_SUCCESS && bit == 0, "bool f to BIT");
    TAP_OK(conv("2", RS_OID_INT4, SQL_C_BIT, &bit, 0, &len) == SQL_ERROR && !strcmp(state(), "22003"), "2 to BIT: 22003");
    TAP_OK(conv("3.25", RS_OID_FLOAT8, SQL_C_DOUBLE, &d, 0, &len) == SQL_SUCCESS && d == 3.25 && len == 8, "float8 to DOUBLE");
    TAP_OK(conv("Infinity", RS_OID_FLOAT8, SQL_C_DOUBLE, &d, 0, &len) == SQL_SUCCESS && isinf(d), "Infinity");
    TAP_OK(conv("1e300", RS_OID_FLOAT8, SQL_C_FLOAT, &f, 0, &len) == SQL_ERROR && !strcmp(state(), "22003"), "1e300 into FLOAT: 22003");

    SQL_NUMERIC_STRUCT ns;
    rs_conv_target nt = { SQL_C_NUMERIC, &ns, 0, 10, 2 };
    rs_conv_where w = { &diag, 1, 1, NULL };
    rs_diag_clear(&diag);
    TAP_OK(rs_text_to_c("-123.456", 8, RS_OID_NUMERIC, &nt, &len, &w) == SQL_SUCCESS_WITH_INFO, "numeric with scale 2 truncates");
    TAP_OK(ns.sign == 0 && ns.scale == 2 && ns.val[0] == (12345 & 0xFF) && ns.val[1] == (12345 >> 8), "-12345 scaled by 2");
    nt.precision = 3;
    rs_diag_clear(&diag);
    TAP_OK(rs_text_to_c("12345", 5, RS_OID_NUMERIC, &nt, &len, &w) == SQL_ERROR, "precision 3 too small: 22003");

    SQL_TIMESTAMP_STRUCT ts;
    TAP_OK(conv("2024-02-29 23:59:58.123456", RS_OID_TIMESTAMP, SQL_C_TYPE_TIMESTAMP, &ts, 0, &len) == SQL_SUCCESS,
           "timestamp to struct");
    TAP_OK(ts.year == 2024 && ts.month == 2 && ts.day == 29 && ts.hour == 23 && ts.minute == 59 && ts.second == 58 &&
           ts.fraction == 123456000, "fields and nanoseconds");
    TAP_OK(conv("2024-01-02 03:04:05+05:30", RS_OID_TIMESTAMPTZ, SQL_C_TYPE_TIMESTAMP, &ts, 0, &len) == SQL_SUCCESS &&
           ts.hour == 3, "timestamptz: the offset is read past");
    TAP_OK(conv("0044-03-15 BC", RS_OID_DATE, SQL_C_TYPE_TIMESTAMP, &ts, 0, &len) == SQL_SUCCESS && ts.year == -43, "BC years");
    SQL_DATE_STRUCT ds;
    TAP_OK(conv("2024-01-02 10:00:00", RS_OID_TIMESTAMP, SQL_C_TYPE_DATE, &ds, 0, &len) == SQL_SUCCESS_WITH_INFO &&
           !strcmp(state(), "01S07") && ds.day == 2, "timestamp to DATE drops the time with 01S07");
    TAP_OK(conv("2024-13-02", RS_OID_DATE, SQL_C_TYPE_DATE, &ds, 0, &len) == SQL_ERROR, "month 13 refused");
    SQL_TIME_STRUCT tm;
    TAP_OK(conv("2024-01-02", RS_OID_DATE, SQL_C_TYPE_TIME, &tm, 0, &len) == SQL_ERROR && !strcmp(state(), "07006"),
           "date to TIME: 07006");

    TAP_OK(conv("hello world", RS_OID_TEXT, SQL_C_CHAR, cbuf, 6, &len) == SQL_SUCCESS_WITH_INFO && len == 11 &&
           !strcmp(cbuf, "hello") && !strcmp(state(), "01004"), "char truncation: 01004, full length");
    TAP_OK(conv("t", RS_OID_BOOL, SQL_C_CHAR, cbuf, sizeof cbuf, &len) == SQL_SUCCESS && !strcmp(cbuf, "1"), "bool as char is 1");
    unsigned char bin[8];
    TAP_OK(conv("\\x00ff41", RS_OID_BYTEA, SQL_C_BINARY, bin, sizeof bin, &len) == SQL_SUCCESS && len == 3 &&
           bin[0] == 0 && bin[1] == 0xff && bin[2] == 'A', "bytea hex to binary");
    TAP_OK(conv("\\x00ff41", RS_OID_BYTEA, SQL_C_CHAR, cbuf, sizeof cbuf, &len) == SQL_SUCCESS && !strcmp(cbuf, "00ff41"),
           "bytea to char: hex digits");
    SQLGUID g;
    TAP_OK(conv("01234567-89ab-cdef-0123-456789abcdef", RS_OID_UUID, SQL_C_GUID, &g, 0, &len) == SQL_SUCCESS &&
           g.Data1 == 0x01234567 && g.Data2 == 0x89ab && g.Data4[7] == 0xef, "uuid to GUID");

    /* pieces: SQLGetData's offset */
    SQLLEN off = 0;
    rs_conv_target pt = { SQL_C_CHAR, cbuf, 4, 0, 0 };
    rs_conv_where pw = { &diag, 1, 1, &off };
    rs_diag_clear(&diag);
    SQLRETURN r1 = rs_text_to_c("abcdefg", 7, RS_OID_TEXT, &pt, &len, &pw);
    TAP_OK(r1 == SQL_SUCCESS_WITH_INFO && len == 7 && !strcmp(cbuf, "abc"), "piece 1: 3 bytes, 7 remaining reported");
    SQLRETURN r2 = rs_text_to_c("abcdefg", 7, RS_OID_TEXT, &pt, &len, &pw);
    TAP_OK(r2 == SQL_SUCCESS_WITH_INFO && len == 4 && !strcmp(cbuf, "def"), "piece 2: 4 remaining reported");
    SQLRETURN r3 = rs_text_to_c("abcdefg", 7, RS_OID_TEXT, &pt, &len, &pw);
    TAP_OK(r3 == SQL_SUCCESS && len == 1 && !strcmp(cbuf, "g"), "piece 3: the last byte");
    TAP_OK(rs_text_to_c("abcdefg", 7, RS_OID_TEXT, &pt, &len, &pw) == SQL_NO_DATA, "then SQL_NO_DATA");

    /* C to parameter text */
    rs_param_value pv;
    SQL_NUMERIC_STRUCT in = { 10, 3, 0, { 0 } };
    in.val[0] = 0x39; in.val[1] = 0x30;  /* 12345 */
    TAP_OK(rs_c_to_param(SQL_C_NUMERIC, &in, 0, SQL_NUMERIC, 3, &pv, &diag, 1, 1) == SQL_SUCCESS, "numeric parameter");
    TAP_STR(pv.data, "-12.345", "SQL_NUMERIC_STRUCT as text");
    rs_param_value_free(&pv);
    SQL_TIMESTAMP_STRUCT tsin = { 2024, 1, 2, 3, 4, 5, 6000 };
    rs_c_to_param(SQL_C_TYPE_TIMESTAMP, &tsin, 0, SQL_TYPE_TIMESTAMP, 0, &pv, &diag, 1, 1);
    TAP_STR(pv.data, "2024-01-02 03:04:05.000006000", "timestamp parameter keeps nanoseconds");
    TAP_OK(pv.oid == RS_OID_TIMESTAMP, "declared as timestamp");
    rs_param_value_free(&pv);
    rs_diag_free(&diag);
    return TAP_DONE();
}
