/* fetch.c - reading results through unixODBC: SQLBindCol of every common C type, SQLGetData
 * in pieces (char, wide char with surrogate pairs, binary), numeric conversions and their
 * SQLSTATEs, date/time structures, NULLs, block cursors, scrolling, column metadata. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "odbctest.h"

#define TBL "odbc_fetch_t"

static SQLHENV env;
static SQLHDBC dbc;

static SQLHSTMT run(const char *sql)
{
    SQLHSTMT st = t_stmt(dbc);
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS);
    if (!SQL_SUCCEEDED(rc)) {
        t_print_diag(SQL_HANDLE_STMT, st);
        t_ok(0, "exec: %.60s", sql);
    }
    return st;
}

static void test_bind_all_types(void)
{
    SQLHSTMT st = run("SELECT 42::int2, -42::int4, 9007199254740993::int8, 1.5::float4, 2.25::float8, "
                      "123.45::numeric(12,2), 'abc'::varchar, true, '2024-01-02'::date, "
                      "'2024-01-02 03:04:05.5'::timestamp, '\\x0102ff'::bytea, "
                      "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid, 'x\xc3\xa9'::text, 200::int4, "
                      "4000000000::int8, '18446744073709551615'::numeric, '13:14:15'::time, 7::int4");
    SQLSMALLINT i2 = 0;
    SQLINTEGER i4 = 0;
    SQLBIGINT i8 = 0;
    float f4 = 0;
    double f8 = 0;
    SQL_NUMERIC_STRUCT num;
    char vc[16];
    unsigned char bit = 9;
    SQL_DATE_STRUCT dt;
    SQL_TIMESTAMP_STRUCT ts;
    unsigned char bin[8];
    SQLGUID guid;
    SQLWCHAR w[8];
    unsigned char u1 = 0;
    SQLUINTEGER u4 = 0;
    SQLUBIGINT u8 = 0;
    SQL_TIME_STRUCT tm;
    SQLLEN ind[18];
    char dflt[16];
    memset(&num, 0, sizeof num);
    for (int i = 0; i < 18; i++)
        ind[i] = -99;
    SQLRETURN rc = SQL_SUCCESS;
    rc |= SQLBindCol(st, 1, SQL_C_SSHORT, &i2, 0, &ind[0]);
    rc |= SQLBindCol(st, 2, SQL_C_SLONG, &i4, 0, &ind[1]);
    rc |= SQLBindCol(st, 3, SQL_C_SBIGINT, &i8, 0, &ind[2]);
    rc |= SQLBindCol(st, 4, SQL_C_FLOAT, &f4, 0, &ind[3]);
    rc |= SQLBindCol(st, 5, SQL_C_DOUBLE, &f8, 0, &ind[4]);
    rc |= SQLBindCol(st, 6, SQL_C_NUMERIC, &num, sizeof num, &ind[5]);
    rc |= SQLBindCol(st, 7, SQL_C_CHAR, vc, sizeof vc, &ind[6]);
    rc |= SQLBindCol(st, 8, SQL_C_BIT, &bit, 0, &ind[7]);
    rc |= SQLBindCol(st, 9, SQL_C_TYPE_DATE, &dt, 0, &ind[8]);
    rc |= SQLBindCol(st, 10, SQL_C_TYPE_TIMESTAMP, &ts, 0, &ind[9]);
    rc |= SQLBindCol(st, 11, SQL_C_BINARY, bin, sizeof bin, &ind[10]);
    rc |= SQLBindCol(st, 12, SQL_C_GUID, &guid, 0, &ind[11]);
    rc |= SQLBindCol(st, 13, SQL_C_WCHAR, w, sizeof w, &ind[12]);
    rc |= SQLBindCol(st, 14, SQL_C_UTINYINT, &u1, 0, &ind[13]);
    rc |= SQLBindCol(st, 15, SQL_C_ULONG, &u4, 0, &ind[14]);
    rc |= SQLBindCol(st, 16, SQL_C_UBIGINT, &u8, 0, &ind[15]);
    rc |= SQLBindCol(st, 17, SQL_C_TYPE_TIME, &tm, 0, &ind[16]);
    rc |= SQLBindCol(st, 18, SQL_C_DEFAULT, dflt, sizeof dflt, &ind[17]);
    t_is_int(rc, SQL_SUCCESS, "SQLBindCol of 18 C types");
    rc = SQLFetch(st);
    /* SQL_C_NUMERIC bound with SQLBindCol has scale 0: 123.45 loses its fraction (01S07) */
    T_STMT_RC(st, rc, SQL_SUCCESS_WITH_INFO, "SQLFetch: success with info (numeric scale 0)");
    t_state(SQL_HANDLE_STMT, st, "01S07", "the info is 01S07 fractional truncation");
    t_is_int(t_diag_count(SQL_HANDLE_STMT, st), 1, "and it is the only record");
    SQLLEN col = -1;
    SQLGetDiagField(SQL_HANDLE_STMT, st, 1, SQL_DIAG_COLUMN_NUMBER, &col, 0, NULL);
    t_is_int((SQLINTEGER)col, 6, "SQL_DIAG_COLUMN_NUMBER is the numeric column");
    t_is_int(i2, 42, "SQL_C_SSHORT");
    t_is_int(ind[0], 2, "SQL_C_SSHORT length 2");
    t_is_int(i4, -42, "SQL_C_SLONG");
    t_is_int(ind[1], 4, "SQL_C_SLONG length 4");
    t_is_int(i8, 9007199254740993LL, "SQL_C_SBIGINT");
    t_is_int(ind[2], 8, "SQL_C_SBIGINT length 8");
    t_ok(f4 == 1.5f, "SQL_C_FLOAT 1.5");
    t_ok(f8 == 2.25, "SQL_C_DOUBLE 2.25");
    t_is_int(ind[4], 8, "SQL_C_DOUBLE length 8");
    t_is_int(num.sign, 1, "SQL_C_NUMERIC sign");
    t_is_int(num.scale, 0, "SQL_C_NUMERIC scale 0");
    t_is_int(num.val[0], 123, "SQL_C_NUMERIC value 123");
    t_is_int(num.val[1], 0, "SQL_C_NUMERIC high bytes 0");
    t_is_int(ind[5], (long long)sizeof num, "SQL_C_NUMERIC length");
    t_is_str(vc, "abc", "SQL_C_CHAR");
    t_is_int(ind[6], 3, "SQL_C_CHAR length 3");
    t_is_int(bit, 1, "SQL_C_BIT true is 1");
    t_is_int(ind[7], 1, "SQL_C_BIT length 1");
    t_ok(dt.year == 2024 && dt.month == 1 && dt.day == 2, "SQL_C_TYPE_DATE 2024-01-02");
    t_is_int(ind[8], (long long)sizeof dt, "SQL_C_TYPE_DATE length");
    t_ok(ts.year == 2024 && ts.month == 1 && ts.day == 2 && ts.hour == 3 && ts.minute == 4 && ts.second == 5,
         "SQL_C_TYPE_TIMESTAMP fields");
    t_is_int(ts.fraction, 500000000, "SQL_C_TYPE_TIMESTAMP fraction in nanoseconds");
    t_is_int(ind[10], 3, "SQL_C_BINARY length 3");
    t_ok(bin[0] == 1 && bin[1] == 2 && bin[2] == 0xff, "SQL_C_BINARY bytes");
    t_ok(guid.Data1 == 0xa0eebc99u && guid.Data2 == 0x9c0b && guid.Data3 == 0x4ef8 && guid.Data4[0] == 0xbb &&
         guid.Data4[7] == 0x11, "SQL_C_GUID fields");
    t_is_int(ind[11], 16, "SQL_C_GUID length 16");
    t_ok(w[0] == 'x' && w[1] == 0xE9 && w[2] == 0, "SQL_C_WCHAR x\\u00e9");
    t_is_int(ind[12], 4, "SQL_C_WCHAR length in bytes");
    t_is_int(u1, 200, "SQL_C_UTINYINT 200");
    t_is_int(u4, 4000000000LL, "SQL_C_ULONG 4000000000");
    t_ok(u8 == 18446744073709551615ULL, "SQL_C_UBIGINT max");
    t_ok(tm.hour == 13 && tm.minute == 14 && tm.second == 15, "SQL_C_TYPE_TIME");
    t_is_int(ind[17], 4, "SQL_C_DEFAULT of int4 is SQL_C_SLONG (4 bytes)");
    SQLINTEGER as_long;
    memcpy(&as_long, dflt, sizeof as_long);
    t_is_int(as_long, 7, "SQL_C_DEFAULT value");
    T_STMT_RC(st, SQLFetch(st), SQL_NO_DATA, "one row");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_getdata_char_pieces(void)
{
    SQLHSTMT st = run("SELECT 'abcdefghijklmnopqrstuvwxy'::text, '\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9'::text, ''::text");
    T_STMT_RC(st, SQLFetch(st), SQL_SUCCESS, "fetch");
    char buf[10];
    SQLLEN ind = -99;
    SQLRETURN rc = SQLGetData(st, 1, SQL_C_CHAR, buf, sizeof buf, &ind);
    T_STMT_RC(st, rc, SQL_SUCCESS_WITH_INFO, "piece 1: truncated");
    t_state(SQL_HANDLE_STMT, st, "01004", "piece 1: 01004");
    t_is_int(ind, 25, "piece 1: 25 bytes remain");
    t_is_str(buf, "abcdefghi", "piece 1: 9 bytes and a NUL");
    rc = SQLGetData(st, 1, SQL_C_CHAR, buf, sizeof buf, &ind);
    T_STMT_RC(st, rc, SQL_SUCCESS_WITH_INFO, "piece 2: truncated");
    t_is_int(ind, 16, "piece 2: 16 bytes remain");
    t_is_str(buf, "jklmnopqr", "piece 2");
    rc = SQLGetData(st, 1, SQL_C_CHAR, buf, sizeof buf, &ind);
    T_STMT_RC(st, rc, SQL_SUCCESS, "piece 3: the rest fits");
    t_is_int(ind, 7, "piece 3: 7 bytes");
    t_is_str(buf, "stuvwxy", "piece 3");
    rc = SQLGetData(st, 1, SQL_C_CHAR, buf, sizeof buf, &ind);
    T_STMT_RC(st, rc, SQL_NO_DATA, "piece 4: SQL_NO_DATA");

    /* the length alone: a zero-length buffer (the driver manager refuses a null one) */
    ind = -99;
    char none[1] = { 'Z' };
    rc = SQLGetData(st, 2, SQL_C_CHAR, none, 0, &ind);
    T_STMT_RC(st, rc, SQL_SUCCESS_WITH_INFO, "zero-length buffer: the length only");
    t_state(SQL_HANDLE_STMT, st, "01004", "zero-length buffer: 01004");
    t_is_int(ind, 10, "zero-length buffer: 10 bytes of UTF-8");
    t_is_int(none[0], 'Z', "zero-length buffer: nothing written");
    /* multibyte characters are not split across pieces */
    char b4[4];
    rc = SQLGetData(st, 2, SQL_C_CHAR, b4, sizeof b4, &ind);
    T_STMT_RC(st, rc, SQL_SUCCESS_WITH_INFO, "UTF-8 piece 1 truncated");
    t_is_int(ind, 10, "UTF-8 piece 1: 10 bytes remain");
    t_is_str(b4, "\xc3\xa9", "UTF-8 piece 1: one whole character");
    rc = SQLGetData(st, 2, SQL_C_CHAR, b4, sizeof b4, &ind);
    t_is_int(ind, 8, "UTF-8 piece 2: 8 bytes remain");
    t_is_str(b4, "\xc3\xa9", "UTF-8 piece 2: the next character");

    /* an empty string: SQL_SUCCESS with length 0, then SQL_NO_DATA */
    buf[0] = 'X';
    rc = SQLGetData(st, 3, SQL_C_CHAR, buf, sizeof buf, &ind);
    T_STMT_RC(st, rc, SQL_SUCCESS, "empty string");
    t_is_int(ind, 0, "empty string: length 0");
    t_is_str(buf, "", "empty string: a NUL");
    rc = SQLGetData(st, 3, SQL_C_CHAR, buf, sizeof buf, &ind);
    T_STMT_RC(st, rc, SQL_NO_DATA, "empty string: then SQL_NO_DATA");

    /* going back to column 1 after column 3 (SQL_GD_ANY_ORDER) starts it over */
    rc = SQLGetData(st, 1, SQL_C_CHAR, buf, sizeof buf, &ind);
    T_STMT_RC(st, rc, SQL_SUCCESS_WITH_INFO, "column 1 again");
    t_is_str(buf, "abcdefghi", "column 1 again starts at the beginning");

    /* bad column numbers */
    rc = SQLGetData(st, 4, SQL_C_CHAR, buf, sizeof buf, &ind);
    T_STMT_RC(st, rc, SQL_ERROR, "column 4 of 3");
    t_state(SQL_HANDLE_STMT, st, "07009", "column 4 of 3: 07009");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_getdata_wchar(void)
{
    /* a, e acute, euro sign, U+1F600 (a surrogate pair in UTF-16) */
    SQLHSTMT st = run("SELECT 'a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80'::text, 'a\xf0\x9f\x98\x80'::text");
    T_STMT_RC(st, SQLFetch(st), SQL_SUCCESS, "fetch");
    SQLWCHAR w[16];
    SQLLEN ind = -99;
    SQLRETURN rc = SQLGetData(st, 1, SQL_C_WCHAR, w, sizeof w, &ind);
    T_STMT_RC(st, rc, SQL_SUCCESS, "SQL_C_WCHAR whole");
    t_is_int(ind, 10, "5 UTF-16 units = 10 bytes");
    t_ok(w[0] == 0x61 && w[1] == 0xE9 && w[2] == 0x20AC && w[3] == 0xD83D && w[4] == 0xDE00 && w[5] == 0,
         "a, e acute, euro, surrogate pair D83D DE00, NUL");
    SQLFreeStmt(st, SQL_CLOSE);

    st = run("SELECT 'a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80'::text, 'a\xf0\x9f\x98\x80'::text");
    SQLFetch(st);
    SQLWCHAR w4[4];
    rc = SQLGetData(st, 1, SQL_C_WCHAR, w4, sizeof w4, &ind);
    T_STMT_RC(st, rc, SQL_SUCCESS_WITH_INFO, "SQL_C_WCHAR in 4-unit pieces: piece 1 truncated");
    t_state(SQL_HANDLE_STMT, st, "01004", "wide piece 1: 01004");
    t_is_int(ind, 10, "wide piece 1: 10 bytes remain");
    t_ok(w4[0] == 0x61 && w4[1] == 0xE9 && w4[2] == 0x20AC && w4[3] == 0, "wide piece 1: 3 units and a NUL");
    rc = SQLGetData(st, 1, SQL_C_WCHAR, w4, sizeof w4, &ind);
    T_STMT_RC(st, rc, SQL_SUCCESS, "wide piece 2: the pair fits");
    t_is_int(ind, 4, "wide piece 2: 4 bytes remain");
    t_ok(w4[0] == 0xD83D && w4[1] == 0xDE00 && w4[2] == 0, "wide piece 2: the whole pair");
    T_STMT_RC(st, SQLGetData(st, 1, SQL_C_WCHAR, w4, sizeof w4, &ind), SQL_NO_DATA, "wide piece 3: SQL_NO_DATA");

    /* a pair is never split: with room for one unit, it waits for the next piece */
    SQLWCHAR w3[3];
    rc = SQLGetData(st, 2, SQL_C_WCHAR, w3, sizeof w3, &ind);
    T_STMT_RC(st, rc, SQL_SUCCESS_WITH_INFO, "pair at the edge: truncated");
    t_is_int(ind, 6, "pair at the edge: 6 bytes remain");
    t_ok(w3[0] == 0x61 && w3[1] == 0, "pair at the edge: only 'a'");
    rc = SQLGetData(st, 2, SQL_C_WCHAR, w3, sizeof w3, &ind);
    T_STMT_RC(st, rc, SQL_SUCCESS, "pair at the edge: next piece");
    t_is_int(ind, 4, "pair at the edge: 4 bytes");
    t_ok(w3[0] == 0xD83D && w3[1] == 0xDE00 && w3[2] == 0, "pair at the edge: the whole pair");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_getdata_binary(void)
{
    SQLHSTMT st = run("SELECT '\\x00010203ff'::bytea, '\\x00010203ff'::bytea");
    T_STMT_RC(st, SQLFetch(st), SQL_SUCCESS, "fetch");
    unsigned char b[2];
    SQLLEN ind = -99;
    SQLRETURN rc = SQLGetData(st, 1, SQL_C_BINARY, b, sizeof b, &ind);
    T_STMT_RC(st, rc, SQL_SUCCESS_WITH_INFO, "binary piece 1 truncated");
    t_state(SQL_HANDLE_STMT, st, "01004", "binary piece 1: 01004");
    t_is_int(ind, 5, "binary piece 1: 5 bytes remain");
    t_ok(b[0] == 0x00 && b[1] == 0x01, "binary piece 1: 00 01");
    rc = SQLGetData(st, 1, SQL_C_BINARY, b, sizeof b, &ind);
    t_is_int(ind, 3, "binary piece 2: 3 bytes remain");
    t_ok(b[0] == 0x02 && b[1] == 0x03, "binary piece 2: 02 03");
    rc = SQLGetData(st, 1, SQL_C_BINARY, b, sizeof b, &ind);
    T_STMT_RC(st, rc, SQL_SUCCESS, "binary piece 3 fits");
    t_is_int(ind, 1, "binary piece 3: 1 byte");
    t_is_int(b[0], 0xff, "binary piece 3: ff");
    T_STMT_RC(st, SQLGetData(st, 1, SQL_C_BINARY, b, sizeof b, &ind), SQL_NO_DATA, "binary: then SQL_NO_DATA");
    /* binary as characters: hex digits */
    char hex[16];
    rc = SQLGetData(st, 2, SQL_C_CHAR, hex, sizeof hex, &ind);
    T_STMT_RC(st, rc, SQL_SUCCESS, "bytea as SQL_C_CHAR");
    t_is_str(hex, "00010203ff", "bytea as SQL_C_CHAR is hex");
    t_is_int(ind, 10, "bytea as SQL_C_CHAR: 10 characters");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* One value converted with SQLGetData: the return code, SQLSTATE and value. */
static void conv(const char *expr, SQLSMALLINT ctype, SQLRETURN want_rc, const char *want_state,
                 long long want_value, const char *what)
{
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT %s", expr);
    SQLHSTMT st = run(sql);
    SQLFetch(st);
    union { signed char i1; unsigned char u1; SQLSMALLINT i2; SQLINTEGER i4; SQLUINTEGER u4; SQLBIGINT i8; } v;
    memset(&v, 0, sizeof v);
    SQLLEN ind = -99;
    SQLRETURN rc = SQLGetData(st, 1, ctype, &v, sizeof v, &ind);
    T_STMT_RC(st, rc, want_rc, "%s: return code", what);
    if (want_state)
        t_state(SQL_HANDLE_STMT, st, want_state, "%s: %s", what, want_state);
    if (SQL_SUCCEEDED(want_rc)) {
        long long got = ctype == SQL_C_STINYINT ? v.i1 : ctype == SQL_C_UTINYINT ? v.u1 : ctype == SQL_C_SSHORT
            ? v.i2 : ctype == SQL_C_SLONG ? v.i4 : ctype == SQL_C_ULONG ? (long long)v.u4 : v.i8;
        t_is_int(got, want_value, "%s: value", what);
    }
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_numeric_conversions(void)
{
    conv("300::int4", SQL_C_STINYINT, SQL_ERROR, "22003", 0, "300 into SQL_C_STINYINT");
    conv("-129::int4", SQL_C_STINYINT, SQL_ERROR, "22003", 0, "-129 into SQL_C_STINYINT");
    conv("-128::int4", SQL_C_STINYINT, SQL_SUCCESS, NULL, -128, "-128 into SQL_C_STINYINT");
    conv("40000::int4", SQL_C_SSHORT, SQL_ERROR, "22003", 0, "40000 into SQL_C_SSHORT");
    conv("2.5::numeric", SQL_C_SLONG, SQL_SUCCESS_WITH_INFO, "01S07", 2, "2.5 into SQL_C_SLONG");
    conv("-2.75::numeric", SQL_C_SLONG, SQL_SUCCESS_WITH_INFO, "01S07", -2, "-2.75 into SQL_C_SLONG");
    conv("7.000::numeric", SQL_C_SLONG, SQL_SUCCESS, NULL, 7, "7.000 into SQL_C_SLONG (no truncation)");
    conv("1e20::numeric", SQL_C_SBIGINT, SQL_ERROR, "22003", 0, "1e20 into SQL_C_SBIGINT");
    conv("2147483648::int8", SQL_C_SLONG, SQL_ERROR, "22003", 0, "2^31 into SQL_C_SLONG");
    conv("-1::int4", SQL_C_ULONG, SQL_ERROR, "22003", 0, "-1 into SQL_C_ULONG");
    conv("'abc'::text", SQL_C_SLONG, SQL_ERROR, "22018", 0, "'abc' into SQL_C_SLONG");
    conv("' 12 '::text", SQL_C_SLONG, SQL_SUCCESS, NULL, 12, "' 12 ' into SQL_C_SLONG");
    conv("1.5e3::float8", SQL_C_SLONG, SQL_SUCCESS, NULL, 1500, "1.5e3 float8 into SQL_C_SLONG");
    conv("'NaN'::float8", SQL_C_SLONG, SQL_ERROR, "22018", 0, "NaN into SQL_C_SLONG");
    conv("'-9223372036854775808'::int8", SQL_C_SBIGINT, SQL_SUCCESS, NULL, (-9223372036854775807LL - 1),
         "INT64_MIN into SQL_C_SBIGINT");
    conv("2::int4", SQL_C_BIT, SQL_ERROR, "22003", 0, "2 into SQL_C_BIT");

    /* SQL_C_NUMERIC with SQL_ARD_TYPE after setting precision/scale is not reachable without
     * SQLSetDescField; SQL_C_DOUBLE of a numeric is exact enough for 12345.67 */
    SQLHSTMT st = run("SELECT 12345.67::numeric(12,2), '1e400'::numeric");
    SQLFetch(st);
    double d = 0;
    SQLLEN ind;
    SQLRETURN rc = SQLGetData(st, 1, SQL_C_DOUBLE, &d, 0, &ind);
    T_STMT_RC(st, rc, SQL_SUCCESS, "numeric into SQL_C_DOUBLE");
    t_ok(d == 12345.67, "numeric into SQL_C_DOUBLE: 12345.67");
    float f = 0;
    rc = SQLGetData(st, 2, SQL_C_FLOAT, &f, 0, &ind);
    T_STMT_RC(st, rc, SQL_ERROR, "1e400 into SQL_C_FLOAT");
    t_state(SQL_HANDLE_STMT, st, "22003", "1e400 into SQL_C_FLOAT: 22003");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_datetimes(void)
{
    SQLHSTMT st = t_stmt(dbc);
    t_exec(st, "SET TIME ZONE 'UTC'");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    st = run("SELECT '2024-01-02 03:04:05.123456'::timestamp, '2024-01-02 03:04:05+02'::timestamptz, "
             "'2024-02-29'::date, '2024-01-02 03:04:05'::timestamp, '23:59:58.25'::time, "
             "'0044-03-15 BC'::date, '2024-02-29'::date");
    T_STMT_RC(st, SQLFetch(st), SQL_SUCCESS, "fetch");
    SQL_TIMESTAMP_STRUCT ts;
    SQLLEN ind;
    SQLRETURN rc = SQLGetData(st, 1, SQL_C_TYPE_TIMESTAMP, &ts, 0, &ind);
    T_STMT_RC(st, rc, SQL_SUCCESS, "timestamp into SQL_C_TYPE_TIMESTAMP");
    t_ok(ts.year == 2024 && ts.month == 1 && ts.day == 2 && ts.hour == 3 && ts.minute == 4 && ts.second == 5,
         "timestamp fields");
    t_is_int(ts.fraction, 123456000, "timestamp fraction 123456000 ns");
    t_is_int(ind, (long long)sizeof ts, "timestamp length");
    rc = SQLGetData(st, 2, SQL_C_TYPE_TIMESTAMP, &ts, 0, &ind);
    T_STMT_RC(st, rc, SQL_SUCCESS, "timestamptz into SQL_C_TYPE_TIMESTAMP");
    t_ok(ts.year == 2024 && ts.month == 1 && ts.day == 2 && ts.hour == 1 && ts.minute == 4 && ts.second == 5 &&
         ts.fraction == 0, "timestamptz in the session time zone (UTC): 01:04:05");
    SQL_DATE_STRUCT d;
    rc = SQLGetData(st, 3, SQL_C_TYPE_DATE, &d, 0, &ind);
    T_STMT_RC(st, rc, SQL_SUCCESS, "date into SQL_C_TYPE_DATE");
    t_ok(d.year == 2024 && d.month == 2 && d.day == 29, "date 2024-02-29");
    rc = SQLGetData(st, 3, SQL_C_TYPE_TIMESTAMP, &ts, 0, &ind);
    T_STMT_RC(st, rc, SQL_NO_DATA, "a fixed-length column read twice: SQL_NO_DATA");
    rc = SQLGetData(st, 7, SQL_C_TYPE_TIMESTAMP, &ts, 0, &ind);
    T_STMT_RC(st, rc, SQL_SUCCESS, "date into SQL_C_TYPE_TIMESTAMP");
    t_ok(ts.year == 2024 && ts.month == 2 && ts.day == 29 && ts.hour == 0 && ts.minute == 0 && ts.second == 0 &&
         ts.fraction == 0, "date as timestamp: midnight");
    rc = SQLGetData(st, 4, SQL_C_TYPE_DATE, &d, 0, &ind);
    T_STMT_RC(st, rc, SQL_SUCCESS_WITH_INFO, "timestamp into SQL_C_TYPE_DATE");
    t_state(SQL_HANDLE_STMT, st, "01S07", "timestamp into date: 01S07 (time dropped)");
    t_ok(d.year == 2024 && d.month == 1 && d.day == 2, "timestamp into date: the date");
    SQL_TIME_STRUCT tm;
    rc = SQLGetData(st, 5, SQL_C_TYPE_TIME, &tm, 0, &ind);
    T_STMT_RC(st, rc, SQL_SUCCESS_WITH_INFO, "time with fraction into SQL_C_TYPE_TIME");
    t_state(SQL_HANDLE_STMT, st, "01S07", "time with fraction: 01S07");
    t_ok(tm.hour == 23 && tm.minute == 59 && tm.second == 58, "time 23:59:58");
    rc = SQLGetData(st, 3, SQL_C_TYPE_TIME, &tm, 0, &ind);
    T_STMT_RC(st, rc, SQL_ERROR, "date into SQL_C_TYPE_TIME");
    t_state(SQL_HANDLE_STMT, st, "07006", "date into time: 07006");
    rc = SQLGetData(st, 6, SQL_C_TYPE_DATE, &d, 0, &ind);
    T_STMT_RC(st, rc, SQL_SUCCESS, "a BC date");
    t_is_int(d.year, -43, "44 BC is year -43");
    char text[64];
    rc = SQLGetData(st, 1, SQL_C_CHAR, text, sizeof text, &ind);
    t_is_str(text, "2024-01-02 03:04:05.123456", "timestamp as text");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_nulls(void)
{
    SQLHSTMT st = run("SELECT NULL::int4, NULL::text, NULL::bytea");
    T_STMT_RC(st, SQLFetch(st), SQL_SUCCESS, "fetch a row of NULLs");
    SQLINTEGER v = 77;
    SQLLEN ind = -99;
    SQLRETURN rc = SQLGetData(st, 1, SQL_C_SLONG, &v, 0, &ind);
    T_STMT_RC(st, rc, SQL_SUCCESS, "NULL with an indicator");
    t_is_int(ind, SQL_NULL_DATA, "indicator is SQL_NULL_DATA");
    t_is_int(v, 77, "the buffer is untouched");
    char buf[8];
    rc = SQLGetData(st, 2, SQL_C_CHAR, buf, sizeof buf, NULL);
    T_STMT_RC(st, rc, SQL_ERROR, "NULL without an indicator fails");
    t_state(SQL_HANDLE_STMT, st, "22002", "NULL without an indicator: 22002");
    rc = SQLGetData(st, 3, SQL_C_BINARY, buf, sizeof buf, &ind);
    T_STMT_RC(st, rc, SQL_SUCCESS, "NULL bytea");
    t_is_int(ind, SQL_NULL_DATA, "NULL bytea: SQL_NULL_DATA");
    rc = SQLGetData(st, 3, SQL_C_BINARY, buf, sizeof buf, &ind);
    T_STMT_RC(st, rc, SQL_NO_DATA, "a NULL gives SQL_NO_DATA the second time");
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    /* bound columns: with and without an indicator */
    st = run("SELECT 1, NULL::int4 UNION ALL SELECT 2, 5 ORDER BY 1");
    SQLINTEGER a = 0, b = 0;
    SQLLEN bind_ind = -99;
    SQLBindCol(st, 1, SQL_C_SLONG, &a, 0, NULL);
    SQLBindCol(st, 2, SQL_C_SLONG, &b, 0, &bind_ind);
    T_STMT_RC(st, SQLFetch(st), SQL_SUCCESS, "bound NULL with an indicator");
    t_is_int(bind_ind, SQL_NULL_DATA, "bound NULL: SQL_NULL_DATA");
    T_STMT_RC(st, SQLFetch(st), SQL_SUCCESS, "next row");
    t_is_int(b, 5, "bound value 5");
    t_is_int(bind_ind, 4, "bound value length 4");
    SQLFreeStmt(st, SQL_CLOSE);
    SQLFreeStmt(st, SQL_UNBIND);
    SQLExecDirect(st, (SQLCHAR *)"SELECT NULL::int4", SQL_NTS);
    SQLBindCol(st, 1, SQL_C_SLONG, &a, 0, NULL);
    rc = SQLFetch(st);
    T_STMT_RC(st, rc, SQL_ERROR, "bound NULL without an indicator fails");
    t_state(SQL_HANDLE_STMT, st, "22002", "bound NULL without an indicator: 22002");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_block_cursor(void)
{
    SQLHSTMT st = t_stmt(dbc);
    enum { N = 10 };
    SQLINTEGER vals[N];
    SQLLEN inds[N];
    char names[N][8];
    SQLLEN name_inds[N];
    SQLULEN fetched = 99;
    SQLUSMALLINT status[N];
    T_STMT_RC(st, SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)N, 0), SQL_SUCCESS,
              "SQL_ATTR_ROW_ARRAY_SIZE 10");
    SQLSetStmtAttr(st, SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0);
    SQLSetStmtAttr(st, SQL_ATTR_ROW_STATUS_PTR, status, 0);
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)"SELECT g, 'n' || g FROM generate_series(1, 25) g", SQL_NTS);
    T_STMT_RC(st, rc, SQL_SUCCESS, "25 rows");
    SQLBindCol(st, 1, SQL_C_SLONG, vals, 0, inds);
    SQLBindCol(st, 2, SQL_C_CHAR, names, 8, name_inds);
    int expect_rows[3] = { 10, 10, 5 };
    for (int f = 0; f < 3; f++) {
        memset(status, 0xEE, sizeof status);
        rc = SQLFetch(st);
        T_STMT_RC(st, rc, SQL_SUCCESS, "rowset %d", f + 1);
        t_is_int((long long)fetched, expect_rows[f], "rowset %d: rows fetched", f + 1);
        int good = 1;
        for (int i = 0; i < expect_rows[f]; i++) {
            char want[8];
            snprintf(want, sizeof want, "n%d", f * 10 + i + 1);
            if (vals[i] != f * 10 + i + 1 || inds[i] != 4 || strcmp(names[i], want) != 0 ||
                name_inds[i] != (SQLLEN)strlen(want) || status[i] != SQL_ROW_SUCCESS)
                good = 0;
        }
        t_ok(good, "rowset %d: values, lengths and SQL_ROW_SUCCESS", f + 1);
        int norow = 1;
        for (int i = expect_rows[f]; i < N; i++)
            if (status[i] != SQL_ROW_NOROW)
                norow = 0;
        t_ok(norow, "rowset %d: the rest is SQL_ROW_NOROW", f + 1);
    }
    rc = SQLFetch(st);
    T_STMT_RC(st, rc, SQL_NO_DATA, "after 25 rows: SQL_NO_DATA");
    t_is_int((long long)fetched, 0, "rows fetched 0 at the end");
    SQLFreeStmt(st, SQL_CLOSE);
    SQLFreeStmt(st, SQL_UNBIND);

    /* row-wise binding */
    struct row { SQLINTEGER v; SQLLEN v_ind; char s[6]; SQLLEN s_ind; } rows[4];
    SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)4, 0);
    SQLSetStmtAttr(st, SQL_ATTR_ROW_BIND_TYPE, (SQLPOINTER)sizeof(struct row), 0);
    rc = SQLExecDirect(st, (SQLCHAR *)"SELECT g, repeat('x', g) FROM generate_series(1, 3) g", SQL_NTS);
    SQLBindCol(st, 1, SQL_C_SLONG, &rows[0].v, 0, &rows[0].v_ind);
    SQLBindCol(st, 2, SQL_C_CHAR, rows[0].s, sizeof rows[0].s, &rows[0].s_ind);
    rc = SQLFetch(st);
    T_STMT_RC(st, rc, SQL_SUCCESS, "row-wise rowset");
    t_is_int((long long)fetched, 3, "row-wise: 3 rows");
    t_ok(rows[0].v == 1 && rows[1].v == 2 && rows[2].v == 3, "row-wise: values");
    t_ok(strcmp(rows[2].s, "xxx") == 0 && rows[2].s_ind == 3, "row-wise: strings and lengths");
    t_is_int(status[3], SQL_ROW_NOROW, "row-wise: row 4 SQL_ROW_NOROW");

    /* a truncated cell in a rowset: that row is SQL_ROW_SUCCESS_WITH_INFO */
    SQLFreeStmt(st, SQL_CLOSE);
    rc = SQLExecDirect(st, (SQLCHAR *)"SELECT g, repeat('y', g * 3) FROM generate_series(1, 3) g", SQL_NTS);
    rc = SQLFetch(st);
    T_STMT_RC(st, rc, SQL_SUCCESS_WITH_INFO, "a rowset with a truncated cell");
    t_state(SQL_HANDLE_STMT, st, "01004", "truncated cell: 01004");
    t_is_int(status[0], SQL_ROW_SUCCESS, "row 1 (3 chars) fits");
    t_is_int(status[1], SQL_ROW_SUCCESS_WITH_INFO, "row 2 (6 chars) is truncated");
    t_is_int(rows[1].s_ind, 6, "row 2: its full length");
    t_is_str(rows[1].s, "yyyyy", "row 2: 5 characters and a NUL");
    SQLLEN rownum = -1;
    SQLGetDiagField(SQL_HANDLE_STMT, st, 1, SQL_DIAG_ROW_NUMBER, &rownum, 0, NULL);
    t_is_int(rownum, 2, "SQL_DIAG_ROW_NUMBER is the row in the rowset");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static SQLINTEGER scroll(SQLHSTMT st, SQLSMALLINT orient, SQLLEN off, SQLRETURN want, SQLINTEGER *val,
                         const char *what)
{
    *val = -1;
    SQLRETURN rc = SQLFetchScroll(st, orient, off);
    T_STMT_RC(st, rc, want, "%s", what);
    return *val;
}

static void test_scrolling(void)
{
    SQLHSTMT st = t_stmt(dbc);
    SQLRETURN rc = SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_STATIC, 0);
    T_STMT_RC(st, rc, SQL_SUCCESS, "SQL_CURSOR_STATIC");
    rc = SQLExecDirect(st, (SQLCHAR *)"SELECT g FROM generate_series(1, 10) g", SQL_NTS);
    SQLINTEGER v;
    SQLLEN ind;
    SQLBindCol(st, 1, SQL_C_SLONG, &v, 0, &ind);
    t_is_int(scroll(st, SQL_FETCH_FIRST, 0, SQL_SUCCESS, &v, "FIRST"), 1, "FIRST is row 1");
    t_is_int(scroll(st, SQL_FETCH_NEXT, 0, SQL_SUCCESS, &v, "NEXT"), 2, "NEXT is row 2");
    t_is_int(scroll(st, SQL_FETCH_LAST, 0, SQL_SUCCESS, &v, "LAST"), 10, "LAST is row 10");
    SQLULEN rownum = 0;
    SQLGetStmtAttr(st, SQL_ATTR_ROW_NUMBER, &rownum, 0, NULL);
    t_is_int((long long)rownum, 10, "SQL_ATTR_ROW_NUMBER 10");
    t_is_int(scroll(st, SQL_FETCH_PRIOR, 0, SQL_SUCCESS, &v, "PRIOR"), 9, "PRIOR is row 9");
    t_is_int(scroll(st, SQL_FETCH_ABSOLUTE, 3, SQL_SUCCESS, &v, "ABSOLUTE 3"), 3, "ABSOLUTE 3 is row 3");
    t_is_int(scroll(st, SQL_FETCH_ABSOLUTE, -2, SQL_SUCCESS, &v, "ABSOLUTE -2"), 9, "ABSOLUTE -2 is row 9");
    t_is_int(scroll(st, SQL_FETCH_RELATIVE, -3, SQL_SUCCESS, &v, "RELATIVE -3"), 6, "RELATIVE -3 is row 6");
    scroll(st, SQL_FETCH_ABSOLUTE, 11, SQL_NO_DATA, &v, "ABSOLUTE 11: after the end");
    t_is_int(scroll(st, SQL_FETCH_PRIOR, 0, SQL_SUCCESS, &v, "PRIOR after the end"), 10, "PRIOR after the end is row 10");
    scroll(st, SQL_FETCH_ABSOLUTE, 0, SQL_NO_DATA, &v, "ABSOLUTE 0: before the start");
    t_is_int(scroll(st, SQL_FETCH_NEXT, 0, SQL_SUCCESS, &v, "NEXT before the start"), 1, "NEXT before the start is row 1");
    scroll(st, SQL_FETCH_PRIOR, 0, SQL_NO_DATA, &v, "PRIOR from row 1: before the start");
    /* SQLGetData works on a scrolled row */
    scroll(st, SQL_FETCH_ABSOLUTE, 5, SQL_SUCCESS, &v, "ABSOLUTE 5");
    char text[8];
    rc = SQLGetData(st, 1, SQL_C_CHAR, text, sizeof text, &ind);
    t_is_str(text, "5", "SQLGetData on row 5");
    SQLFreeStmt(st, SQL_CLOSE);
    SQLFreeStmt(st, SQL_UNBIND);

    /* rowsets of 3 */
    SQLINTEGER vals[3];
    SQLLEN inds[3];
    SQLULEN fetched = 0;
    SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)3, 0);
    SQLSetStmtAttr(st, SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0);
    rc = SQLExecDirect(st, (SQLCHAR *)"SELECT g FROM generate_series(1, 10) g", SQL_NTS);
    SQLBindCol(st, 1, SQL_C_SLONG, vals, 0, inds);
    rc = SQLFetchScroll(st, SQL_FETCH_LAST, 0);
    T_STMT_RC(st, rc, SQL_SUCCESS, "rowset LAST");
    t_ok(fetched == 3 && vals[0] == 8 && vals[2] == 10, "rowset LAST is rows 8..10");
    rc = SQLFetchScroll(st, SQL_FETCH_PRIOR, 0);
    t_ok(rc == SQL_SUCCESS && fetched == 3 && vals[0] == 5 && vals[2] == 7, "rowset PRIOR is rows 5..7");
    rc = SQLFetchScroll(st, SQL_FETCH_ABSOLUTE, 9);
    t_ok(rc == SQL_SUCCESS && fetched == 2 && vals[0] == 9 && vals[1] == 10, "rowset ABSOLUTE 9 is rows 9..10");
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    /* forward-only cursors refuse to scroll */
    st = t_stmt(dbc);
    rc = SQLExecDirect(st, (SQLCHAR *)"SELECT g FROM generate_series(1, 3) g", SQL_NTS);
    SQLULEN type = 99;
    SQLGetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, &type, 0, NULL);
    t_is_int((long long)type, SQL_CURSOR_FORWARD_ONLY, "the default cursor is forward-only");
    rc = SQLFetchScroll(st, SQL_FETCH_NEXT, 0);
    T_STMT_RC(st, rc, SQL_SUCCESS, "forward-only: NEXT works");
    rc = SQLFetchScroll(st, SQL_FETCH_PRIOR, 0);
    T_STMT_RC(st, rc, SQL_ERROR, "forward-only: PRIOR fails");
    t_state(SQL_HANDLE_STMT, st, "HY106", "forward-only: PRIOR is HY106");
    rc = SQLFetchScroll(st, SQL_FETCH_FIRST, 0);
    T_STMT_RC(st, rc, SQL_ERROR, "forward-only: FIRST fails");
    t_state(SQL_HANDLE_STMT, st, "HY106", "forward-only: FIRST is HY106");
    rc = SQLFetchScroll(st, SQL_FETCH_NEXT, 0);
    T_STMT_RC(st, rc, SQL_SUCCESS, "forward-only: NEXT still works after the refusals");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

typedef struct col_expect {
    const char *name;
    SQLSMALLINT type;
    SQLULEN size;
    SQLSMALLINT digits;
    const char *type_name;
    SQLLEN display;
    SQLLEN octet;
    int not_null;
} col_expect;

static void test_metadata(void)
{
    SQLHSTMT st = t_stmt(dbc);
    t_exec(st, "DROP TABLE IF EXISTS " TBL);
    t_exec(st, "CREATE TABLE " TBL " (c_int4 int4 NOT NULL, c_int8 int8, c_num numeric(12,2), c_vc varchar(30), "
               "c_text text, c_ts timestamp, c_tstz timestamptz, c_bool bool, c_date date, c_bytea bytea)");
    static const col_expect want[] = {
        { "c_int4", SQL_INTEGER, 10, 0, "int4", 11, 4, 1 },
        { "c_int8", SQL_BIGINT, 19, 0, "int8", 20, 8, 0 },
        { "c_num", SQL_NUMERIC, 12, 2, "numeric", 14, 14, 0 },
        { "c_vc", SQL_VARCHAR, 30, 0, "varchar", 30, 30, 0 },
        { "c_text", SQL_LONGVARCHAR, 65535, 0, "text", 65535, 262140, 0 },
        { "c_ts", SQL_TYPE_TIMESTAMP, 26, 6, "timestamp", 26, 16, 0 },
        { "c_tstz", SQL_TYPE_TIMESTAMP, 26, 6, "timestamptz", 26, 16, 0 },
        { "c_bool", SQL_BIT, 1, 0, "bool", 1, 1, 0 },
        { "c_date", SQL_TYPE_DATE, 10, 0, "date", 10, 6, 0 },
        { "c_bytea", SQL_LONGVARBINARY, 65535, 0, "bytea", 131070, 65535, 0 },
    };
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)"SELECT * FROM " TBL, SQL_NTS);
    T_STMT_RC(st, rc, SQL_SUCCESS, "SELECT * from the metadata table");
    SQLSMALLINT ncols = 0;
    SQLNumResultCols(st, &ncols);
    t_is_int(ncols, 10, "10 columns");
    for (int i = 0; i < 10; i++) {
        const col_expect *w = &want[i];
        SQLCHAR name[64];
        SQLSMALLINT namelen = -1, type = -1, digits = -1, nullable = -1;
        SQLULEN size = 0;
        rc = SQLDescribeCol(st, (SQLUSMALLINT)(i + 1), name, sizeof name, &namelen, &type, &size, &digits, &nullable);
        T_STMT_RC(st, rc, SQL_SUCCESS, "%s: SQLDescribeCol", w->type_name);
        t_is_str((char *)name, w->name, "%s: name", w->type_name);
        t_is_int(namelen, (long long)strlen(w->name), "%s: name length", w->type_name);
        t_is_int(type, w->type, "%s: SQL type", w->type_name);
        t_is_int((long long)size, (long long)w->size, "%s: column size", w->type_name);
        t_is_int(digits, w->digits, "%s: decimal digits", w->type_name);
        t_ok(nullable == SQL_NULLABLE_UNKNOWN || nullable == (w->not_null ? SQL_NO_NULLS : SQL_NULLABLE),
             "%s: nullable is right or unknown (%d)", w->type_name, nullable);

        char tn[64];
        SQLSMALLINT tnlen = -1;
        SQLLEN num = -1;
        rc = SQLColAttribute(st, (SQLUSMALLINT)(i + 1), SQL_DESC_TYPE_NAME, tn, sizeof tn, &tnlen, NULL);
        T_STMT_RC(st, rc, SQL_SUCCESS, "%s: SQLColAttribute TYPE_NAME", w->type_name);
        t_is_str(tn, w->type_name, "%s: TYPE_NAME", w->type_name);
        t_is_int(tnlen, (long long)strlen(w->type_name), "%s: TYPE_NAME length", w->type_name);
        SQLColAttribute(st, (SQLUSMALLINT)(i + 1), SQL_DESC_CONCISE_TYPE, NULL, 0, NULL, &num);
        t_is_int(num, w->type, "%s: CONCISE_TYPE", w->type_name);
        SQLColAttribute(st, (SQLUSMALLINT)(i + 1), SQL_DESC_LENGTH, NULL, 0, NULL, &num);
        t_is_int(num, (long long)w->size, "%s: DESC_LENGTH", w->type_name);
        SQLColAttribute(st, (SQLUSMALLINT)(i + 1), SQL_DESC_DISPLAY_SIZE, NULL, 0, NULL, &num);
        t_is_int(num, w->display, "%s: DISPLAY_SIZE", w->type_name);
        SQLColAttribute(st, (SQLUSMALLINT)(i + 1), SQL_DESC_OCTET_LENGTH, NULL, 0, NULL, &num);
        t_is_int(num, w->octet, "%s: OCTET_LENGTH", w->type_name);
        SQLColAttribute(st, (SQLUSMALLINT)(i + 1), SQL_DESC_NAME, tn, sizeof tn, &tnlen, NULL);
        t_is_str(tn, w->name, "%s: DESC_NAME", w->type_name);
    }
    /* the datetime verbose type and subcode */
    SQLLEN num = -1;
    SQLColAttribute(st, 6, SQL_DESC_TYPE, NULL, 0, NULL, &num);
    t_is_int(num, SQL_DATETIME, "timestamp: SQL_DESC_TYPE is SQL_DATETIME");
    SQLColAttribute(st, 6, SQL_DESC_DATETIME_INTERVAL_CODE, NULL, 0, NULL, &num);
    t_is_int(num, SQL_CODE_TIMESTAMP, "timestamp: SQL_CODE_TIMESTAMP");
    SQLColAttribute(st, 3, SQL_DESC_PRECISION, NULL, 0, NULL, &num);
    t_is_int(num, 12, "numeric(12,2): PRECISION 12");
    SQLColAttribute(st, 3, SQL_DESC_SCALE, NULL, 0, NULL, &num);
    t_is_int(num, 2, "numeric(12,2): SCALE 2");
    SQLColAttribute(st, 1, SQL_DESC_NUM_PREC_RADIX, NULL, 0, NULL, &num);
    t_is_int(num, 10, "int4: NUM_PREC_RADIX 10");
    SQLColAttribute(st, 1, SQL_DESC_UNSIGNED, NULL, 0, NULL, &num);
    t_is_int(num, SQL_FALSE, "int4: signed");
    SQLColAttribute(st, 4, SQL_DESC_CASE_SENSITIVE, NULL, 0, NULL, &num);
    t_is_int(num, SQL_TRUE, "varchar: case sensitive");
    SQLColAttribute(st, 0, SQL_DESC_COUNT, NULL, 0, NULL, &num);
    t_is_int(num, 10, "SQL_DESC_COUNT 10");

    /* truncated names */
    SQLCHAR small[4];
    SQLSMALLINT namelen = -1;
    rc = SQLDescribeCol(st, 5, small, sizeof small, &namelen, NULL, NULL, NULL, NULL);
    T_STMT_RC(st, rc, SQL_SUCCESS_WITH_INFO, "SQLDescribeCol into 4 bytes");
    t_state(SQL_HANDLE_STMT, st, "01004", "SQLDescribeCol truncation: 01004");
    t_is_str((char *)small, "c_t", "SQLDescribeCol truncation: 3 bytes and a NUL");
    t_is_int(namelen, 6, "SQLDescribeCol truncation: full length");
    /* the W forms: names in characters, attribute strings in bytes */
    SQLWCHAR wname[16];
    rc = SQLDescribeColW(st, 5, wname, 16, &namelen, NULL, NULL, NULL, NULL);
    T_STMT_RC(st, rc, SQL_SUCCESS, "SQLDescribeColW");
    t_ok(wname[0] == 'c' && wname[5] == 't' && wname[6] == 0, "SQLDescribeColW name");
    t_is_int(namelen, 6, "SQLDescribeColW length in characters");
    SQLSMALLINT blen = -1;
    rc = SQLColAttributeW(st, 5, SQL_DESC_TYPE_NAME, wname, sizeof wname, &blen, NULL);
    T_STMT_RC(st, rc, SQL_SUCCESS, "SQLColAttributeW TYPE_NAME");
    t_is_int(blen, 8, "SQLColAttributeW length in bytes");
    t_ok(wname[0] == 't' && wname[3] == 't' && wname[4] == 0, "SQLColAttributeW text");
    /* bad column */
    rc = SQLDescribeCol(st, 11, small, sizeof small, &namelen, NULL, NULL, NULL, NULL);
    T_STMT_RC(st, rc, SQL_ERROR, "SQLDescribeCol of column 11");
    t_state(SQL_HANDLE_STMT, st, "07009", "column 11: 07009");
    SQLFreeStmt(st, SQL_CLOSE);
    t_exec(st, "DROP TABLE " TBL);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

int main(void)
{
    t_start(120);
    env = t_env_alloc();
    dbc = t_connect(env, "");
    test_bind_all_types();
    test_getdata_char_pieces();
    test_getdata_wchar();
    test_getdata_binary();
    test_numeric_conversions();
    test_datetimes();
    test_nulls();
    test_block_cursor();
    test_scrolling();
    test_metadata();
    t_disconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    return t_done();
}
