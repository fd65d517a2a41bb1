/* convert.c - every server type into every C type it may go to, through unixODBC: one SELECT
 * repeats a value once per C type and SQLGetData reads each copy, asserting the value, the
 * length/indicator, the return code and the SQLSTATE (07006, 22003, 22015, 22018, 01S07,
 * 01004 ...). Then each C type is bound as a parameter and read back, and malformed
 * parameters are refused with their SQLSTATE before the server sees them. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "odbctest.h"
#include "../common/render.h"

static SQLHENV env;
static SQLHDBC dbc;

#define NOLEN (-999)

typedef struct target {
    SQLSMALLINT ctype;
    SQLLEN buflen;
    SQLRETURN rc;
    const char *state;   /* "" none */
    const char *want;    /* NULL: value not checked */
    SQLLEN len;          /* NOLEN: not checked */
} target;

typedef struct srcval {
    const char *expr;    /* one SQL value */
    target t[20];        /* ctype 0 ends */
} srcval;

#define OK SQL_SUCCESS
#define INFO SQL_SUCCESS_WITH_INFO
#define ERR SQL_ERROR
#define IVS ((SQLLEN)sizeof(SQL_INTERVAL_STRUCT))

static const srcval values[] = {
    { "32767::int2", {
        { SQL_C_SSHORT, 0, OK, "", "32767", 2 }, { SQL_C_USHORT, 0, OK, "", "32767", 2 },
        { SQL_C_STINYINT, 0, ERR, "22003", NULL, NOLEN }, { SQL_C_UTINYINT, 0, ERR, "22003", NULL, NOLEN },
        { SQL_C_SLONG, 0, OK, "", "32767", 4 }, { SQL_C_ULONG, 0, OK, "", "32767", 4 },
        { SQL_C_SBIGINT, 0, OK, "", "32767", 8 }, { SQL_C_UBIGINT, 0, OK, "", "32767", 8 },
        { SQL_C_FLOAT, 0, OK, "", "32767", 4 }, { SQL_C_DOUBLE, 0, OK, "", "32767", 8 },
        { SQL_C_NUMERIC, 0, OK, "", "+32767 e-0", 19 }, { SQL_C_BIT, 0, ERR, "22003", NULL, NOLEN },
        { SQL_C_CHAR, 16, OK, "", "32767", 5 }, { SQL_C_CHAR, 5, ERR, "22003", NULL, NOLEN },
        { SQL_C_WCHAR, 16, OK, "", "0033 0032 0037 0036 0037", 10 },
        { SQL_C_BINARY, 8, OK, "", "3332373637", 5 }, { SQL_C_INTERVAL_DAY, 0, OK, "", "t3 +32767d 0h 0m 0s 0f", IVS },
        { SQL_C_TYPE_DATE, 0, ERR, "07006", NULL, NOLEN }, { SQL_C_GUID, 0, ERR, "07006", NULL, NOLEN },
        { SQL_C_TYPE_TIMESTAMP, 0, ERR, "07006", NULL, NOLEN } } },
    { "(-2147483648)::int4", {
        { SQL_C_SLONG, 0, OK, "", "-2147483648", 4 }, { SQL_C_ULONG, 0, ERR, "22003", NULL, NOLEN },
        { SQL_C_SSHORT, 0, ERR, "22003", NULL, NOLEN }, { SQL_C_SBIGINT, 0, OK, "", "-2147483648", 8 },
        { SQL_C_DOUBLE, 0, OK, "", "-2147483648", 8 }, { SQL_C_NUMERIC, 0, OK, "", "-2147483648 e-0", 19 },
        { SQL_C_CHAR, 12, OK, "", "-2147483648", 11 }, { SQL_C_CHAR, 11, ERR, "22003", NULL, NOLEN },
        { SQL_C_TYPE_TIME, 0, ERR, "07006", NULL, NOLEN } } },
    { "9223372036854775807::int8", {
        { SQL_C_SBIGINT, 0, OK, "", "9223372036854775807", 8 }, { SQL_C_UBIGINT, 0, OK, "", "9223372036854775807", 8 },
        { SQL_C_SLONG, 0, ERR, "22003", NULL, NOLEN }, { SQL_C_DOUBLE, 0, OK, "", "9.2233720368547758e+18", 8 },
        { SQL_C_CHAR, 32, OK, "", "9223372036854775807", 19 }, { SQL_C_BIT, 0, ERR, "22003", NULL, NOLEN } } },
    { "9999999999999999999999999999.9999999999::numeric(38,10)", {
        { SQL_C_NUMERIC, 0, INFO, "01S07", "+9999999999999999999999999999 e-0", 19 },
        { SQL_C_CHAR, 64, OK, "", "9999999999999999999999999999.9999999999", 39 },
        { SQL_C_CHAR, 35, INFO, "01004", "9999999999999999999999999999.99999", 39 },
        { SQL_C_CHAR, 20, ERR, "22003", NULL, NOLEN },
        { SQL_C_DOUBLE, 0, OK, "", "9.9999999999999996e+27", 8 }, { SQL_C_SBIGINT, 0, ERR, "22003", NULL, NOLEN },
        { SQL_C_WCHAR, 128, OK, "", NULL, 78 }, { SQL_C_TYPE_DATE, 0, ERR, "07006", NULL, NOLEN },
        { SQL_C_INTERVAL_DAY, 0, ERR, "22015", NULL, NOLEN } } },
    { "(-0.0000000001)::numeric(38,10)", {
        { SQL_C_SLONG, 0, INFO, "01S07", "0", 4 }, { SQL_C_CHAR, 16, OK, "", "-0.0000000001", 13 },
        { SQL_C_DOUBLE, 0, OK, "", "-1e-10", 8 }, { SQL_C_BIT, 0, ERR, "22003", NULL, NOLEN } } },
    { "1.5::float4", {
        { SQL_C_FLOAT, 0, OK, "", "1.5", 4 }, { SQL_C_DOUBLE, 0, OK, "", "1.5", 8 },
        { SQL_C_SLONG, 0, INFO, "01S07", "1", 4 }, { SQL_C_BIT, 0, INFO, "01S07", "1", 1 },
        { SQL_C_NUMERIC, 0, INFO, "01S07", "+1 e-0", 19 }, { SQL_C_CHAR, 8, OK, "", "1.5", 3 },
        { SQL_C_TYPE_TIMESTAMP, 0, ERR, "07006", NULL, NOLEN }, { SQL_C_INTERVAL_SECOND, 0, ERR, "07006", NULL, NOLEN } } },
    { "'NaN'::float8", {
        { SQL_C_DOUBLE, 0, OK, "", "nan", 8 }, { SQL_C_FLOAT, 0, OK, "", "nan", 4 },
        { SQL_C_SLONG, 0, ERR, "22018", NULL, NOLEN }, { SQL_C_NUMERIC, 0, ERR, "22018", NULL, NOLEN },
        { SQL_C_CHAR, 8, OK, "", "NaN", 3 } } },
    { "'-Infinity'::float8", {
        { SQL_C_DOUBLE, 0, OK, "", "-inf", 8 }, { SQL_C_FLOAT, 0, OK, "", "-inf", 4 },
        { SQL_C_SBIGINT, 0, ERR, "22003", NULL, NOLEN }, { SQL_C_CHAR, 16, OK, "", "-Infinity", 9 } } },
    { "true", {
        { SQL_C_BIT, 0, OK, "", "1", 1 }, { SQL_C_STINYINT, 0, OK, "", "1", 1 }, { SQL_C_UTINYINT, 0, OK, "", "1", 1 },
        { SQL_C_SSHORT, 0, OK, "", "1", 2 }, { SQL_C_USHORT, 0, OK, "", "1", 2 }, { SQL_C_SLONG, 0, OK, "", "1", 4 },
        { SQL_C_ULONG, 0, OK, "", "1", 4 }, { SQL_C_SBIGINT, 0, OK, "", "1", 8 }, { SQL_C_UBIGINT, 0, OK, "", "1", 8 },
        { SQL_C_FLOAT, 0, OK, "", "1", 4 }, { SQL_C_DOUBLE, 0, OK, "", "1", 8 }, { SQL_C_NUMERIC, 0, OK, "", "+1 e-0", 19 },
        { SQL_C_CHAR, 2, OK, "", "1", 1 }, { SQL_C_WCHAR, 4, OK, "", "0031", 2 }, { SQL_C_BINARY, 1, OK, "", "31", 1 },
        { SQL_C_CHAR, 1, ERR, "22003", NULL, NOLEN }, { SQL_C_TYPE_DATE, 0, ERR, "07006", NULL, NOLEN },
        { SQL_C_GUID, 0, ERR, "07006", NULL, NOLEN } } },
    { "'h\xc3\xa9llo \xf0\x9f\x98\x80'::text", {
        { SQL_C_CHAR, 32, OK, "", "h\xc3\xa9llo \xf0\x9f\x98\x80", 11 },
        { SQL_C_CHAR, 3, INFO, "01004", "h", 11 },
        { SQL_C_WCHAR, 32, OK, "", "0068 00e9 006c 006c 006f 0020 d83d de00", 16 },
        { SQL_C_WCHAR, 16, INFO, "01004", "0068 00e9 006c 006c 006f 0020", 16 },
        { SQL_C_BINARY, 32, OK, "", "68c3a96c6c6f20f09f9880", 11 },
        { SQL_C_SLONG, 0, ERR, "22018", NULL, NOLEN }, { SQL_C_TYPE_DATE, 0, ERR, "22018", NULL, NOLEN },
        { SQL_C_GUID, 0, ERR, "22018", NULL, NOLEN } } },
    { "'\xc3\xa9t\xc3\xa9'::varchar(10)", {
        { SQL_C_CHAR, 16, OK, "", "\xc3\xa9t\xc3\xa9", 5 }, { SQL_C_WCHAR, 16, OK, "", "00e9 0074 00e9", 6 } } },
    { "'  42'::char(6)", {
        { SQL_C_SLONG, 0, OK, "", "42", 4 }, { SQL_C_CHAR, 16, OK, "", "  42  ", 6 },
        { SQL_C_DOUBLE, 0, OK, "", "42", 8 }, { SQL_C_NUMERIC, 0, OK, "", "+42 e-0", 19 } } },
    { "'2024-01-02 03:04:05'::varchar", {
        { SQL_C_TYPE_TIMESTAMP, 0, OK, "", "2024-01-02 03:04:05.000000000", 16 },
        { SQL_C_TYPE_DATE, 0, INFO, "01S07", "2024-01-02", 6 }, { SQL_C_TYPE_TIME, 0, ERR, "22018", NULL, NOLEN } } },
    { "'\\x00ff41'::bytea", {
        { SQL_C_BINARY, 8, OK, "", "00ff41", 3 }, { SQL_C_BINARY, 2, INFO, "01004", "00ff", 3 },
        { SQL_C_CHAR, 8, OK, "", "00ff41", 6 }, { SQL_C_WCHAR, 16, OK, "", "0030 0030 0066 0066 0034 0031", 12 },
        { SQL_C_SLONG, 0, ERR, "07006", NULL, NOLEN }, { SQL_C_NUMERIC, 0, ERR, "07006", NULL, NOLEN },
        { SQL_C_TYPE_DATE, 0, ERR, "07006", NULL, NOLEN }, { SQL_C_GUID, 0, ERR, "07006", NULL, NOLEN } } },
    { "'2024-02-29'::date", {
        { SQL_C_TYPE_DATE, 0, OK, "", "2024-02-29", 6 },
        { SQL_C_TYPE_TIMESTAMP, 0, OK, "", "2024-02-29 00:00:00.000000000", 16 },
        { SQL_C_TYPE_TIME, 0, ERR, "07006", NULL, NOLEN }, { SQL_C_SLONG, 0, ERR, "07006", NULL, NOLEN },
        { SQL_C_CHAR, 11, OK, "", "2024-02-29", 10 }, { SQL_C_CHAR, 10, ERR, "22003", NULL, NOLEN },
        { SQL_C_WCHAR, 22, OK, "", "0032 0030 0032 0034 002d 0030 0032 002d 0032 0039", 20 },
        { SQL_C_BINARY, 10, OK, "", "323032342d30322d3239", 10 }, { SQL_C_INTERVAL_DAY, 0, ERR, "07006", NULL, NOLEN } } },
    { "'0044-03-15 BC'::date", {
        { SQL_C_TYPE_DATE, 0, OK, "", "-43-03-15", 6 }, { SQL_C_CHAR, 16, OK, "", "0044-03-15 BC", 13 } } },
    { "'10:11:12.5'::time", {
        { SQL_C_TYPE_TIME, 0, INFO, "01S07", "10:11:12", 6 }, { SQL_C_TYPE_DATE, 0, ERR, "07006", NULL, NOLEN },
        { SQL_C_TYPE_TIMESTAMP, 0, OK, "", NULL, 16 }, { SQL_C_CHAR, 16, OK, "", "10:11:12.5", 10 },
        { SQL_C_CHAR, 9, INFO, "01004", "10:11:12", 10 }, { SQL_C_CHAR, 8, ERR, "22003", NULL, NOLEN },
        { SQL_C_DOUBLE, 0, ERR, "07006", NULL, NOLEN } } },
    { "'10:11:12.25+05:30'::timetz", {
        { SQL_C_TYPE_TIME, 0, INFO, "01S07", "10:11:12", 6 }, { SQL_C_CHAR, 32, OK, "", "10:11:12.25+05:30", 17 },
        { SQL_C_TYPE_DATE, 0, ERR, "07006", NULL, NOLEN } } },
    { "'2024-01-02 03:04:05.123456'::timestamp", {
        { SQL_C_TYPE_TIMESTAMP, 0, OK, "", "2024-01-02 03:04:05.123456000", 16 },
        { SQL_C_TYPE_DATE, 0, INFO, "01S07", "2024-01-02", 6 }, { SQL_C_TYPE_TIME, 0, INFO, "01S07", "03:04:05", 6 },
        { SQL_C_CHAR, 32, OK, "", "2024-01-02 03:04:05.123456", 26 },
        { SQL_C_CHAR, 20, INFO, "01004", "2024-01-02 03:04:05", 26 }, { SQL_C_CHAR, 19, ERR, "22003", NULL, NOLEN },
        { SQL_C_SBIGINT, 0, ERR, "07006", NULL, NOLEN }, { SQL_C_GUID, 0, ERR, "07006", NULL, NOLEN } } },
    { "'2024-01-02 03:04:05.5+00'::timestamptz", {
        { SQL_C_TYPE_TIMESTAMP, 0, OK, "", "2024-01-02 03:04:05.500000000", 16 },
        { SQL_C_CHAR, 32, OK, "", "2024-01-02 03:04:05.5+00", 24 } } },
    { "'0001-01-01 00:00:00 BC'::timestamp", {
        { SQL_C_TYPE_TIMESTAMP, 0, OK, "", "0-01-01 00:00:00.000000000", 16 },
        { SQL_C_TYPE_DATE, 0, OK, "", "0-01-01", 6 } } },
    { "'1 year 2 mons'::interval year to month", {
        { SQL_C_INTERVAL_YEAR_TO_MONTH, 0, OK, "", "t7 +1y 2m", IVS },
        { SQL_C_INTERVAL_MONTH, 0, OK, "", "t2 +0y 14m", IVS }, { SQL_C_INTERVAL_YEAR, 0, INFO, "01S07", "t1 +1y 0m", IVS },
        { SQL_C_INTERVAL_DAY_TO_SECOND, 0, ERR, "22015", NULL, NOLEN },
        { SQL_C_CHAR, 32, OK, "", "1 year 2 mons", 13 }, { SQL_C_SLONG, 0, ERR, "07006", NULL, NOLEN },
        { SQL_C_TYPE_DATE, 0, ERR, "07006", NULL, NOLEN } } },
    { "'-3 days -04:05:06.789'::interval", {
        { SQL_C_INTERVAL_DAY_TO_SECOND, 0, OK, "", "t10 -3d 4h 5m 6s 789000f", IVS },
        { SQL_C_INTERVAL_HOUR, 0, INFO, "01S07", "t4 -0d 76h 0m 0s 0f", IVS },
        { SQL_C_INTERVAL_SECOND, 0, OK, "", "t6 -0d 0h 0m 273906s 789000f", IVS },
        { SQL_C_INTERVAL_YEAR_TO_MONTH, 0, ERR, "22015", NULL, NOLEN },
        { SQL_C_CHAR, 32, OK, "", "-3 days -04:05:06.789", 21 }, { SQL_C_DOUBLE, 0, ERR, "07006", NULL, NOLEN } } },
    { "'1 mon 3 days'::interval", {
        { SQL_C_INTERVAL_DAY_TO_SECOND, 0, ERR, "22015", NULL, NOLEN },
        { SQL_C_INTERVAL_YEAR_TO_MONTH, 0, ERR, "22015", NULL, NOLEN },
        { SQL_C_CHAR, 32, OK, "", "1 mon 3 days", 12 } } },
    { "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid", {
        { SQL_C_GUID, 0, OK, "", "a0eebc99-9c0b-4ef8-bb11", 16 },
        { SQL_C_CHAR, 37, OK, "", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", 36 }, { SQL_C_CHAR, 36, ERR, "22003", NULL, NOLEN },
        { SQL_C_BINARY, 36, OK, "", NULL, 36 }, { SQL_C_SLONG, 0, ERR, "07006", NULL, NOLEN } } },
    { "'{\"a\":\"\xc3\xa9\xf0\x9f\x98\x80\"}'::json", {
        { SQL_C_CHAR, 32, OK, "", "{\"a\":\"\xc3\xa9\xf0\x9f\x98\x80\"}", 14 },
        { SQL_C_WCHAR, 32, OK, "", "007b 0022 0061 0022 003a 0022 00e9 d83d de00 0022 007d", 22 },
        { SQL_C_SLONG, 0, ERR, "22018", NULL, NOLEN } } },
};

static void fetch_value(const srcval *sv)
{
    char sql[2048];
    size_t o = (size_t)snprintf(sql, sizeof sql, "SELECT ");
    int n = 0;
    while (n < 20 && sv->t[n].ctype)
        n++;
    for (int i = 0; i < n; i++)
        o += (size_t)snprintf(sql + o, sizeof sql - o, "%s%s", i ? ", " : "", sv->expr);
    SQLHSTMT st = t_stmt(dbc);
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS);
    if (!SQL_SUCCEEDED(rc) || !SQL_SUCCEEDED(SQLFetch(st))) {
        t_print_diag(SQL_HANDLE_STMT, st);
        t_ok(0, "select %s", sv->expr);
        SQLFreeHandle(SQL_HANDLE_STMT, st);
        return;
    }
    for (int i = 0; i < n; i++) {
        const target *t = &sv->t[i];
        union { char c[256]; SQLWCHAR w[128]; SQL_INTERVAL_STRUCT iv; SQL_TIMESTAMP_STRUCT ts; double d;
                SQL_NUMERIC_STRUCT num; SQLGUID g; SQLBIGINT b; } buf;
        memset(&buf, 0, sizeof buf);
        SQLLEN ind = NOLEN;
        rc = SQLGetData(st, (SQLUSMALLINT)(i + 1), t->ctype, &buf, t->buflen, &ind);
        char state[6] = "";
        if (rc != SQL_SUCCESS)
            t_diag_rec(SQL_HANDLE_STMT, st, 1, state, NULL, NULL, 0);
        char got[512] = "";
        if (SQL_SUCCEEDED(rc))
            rs_test_render_c(t->ctype, &buf, ind, t->buflen, got, sizeof got);
        int ok = rc == t->rc && !strcmp(state, t->state) && (!t->want || !strcmp(got, t->want)) &&
                 (t->len == NOLEN || ind == t->len);
        t_ok(ok, "%s as C type %d (buffer %ld): rc %d %s %s", sv->expr, t->ctype, (long)t->buflen, t->rc,
             *t->state ? t->state : "-", t->want ? t->want : "");
        if (!ok) {
            t_diag("got rc %d state '%s' value '%s' indicator %ld", rc, state, got, (long)ind);
            t_print_diag(SQL_HANDLE_STMT, st);
        }
    }
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* NULL: the indicator says so for every C type; without one it is 22002. */
static void fetch_nulls(void)
{
    static const SQLSMALLINT types[] = { SQL_C_CHAR, SQL_C_WCHAR, SQL_C_BINARY, SQL_C_SLONG, SQL_C_DOUBLE,
                                         SQL_C_NUMERIC, SQL_C_TYPE_TIMESTAMP, SQL_C_GUID, SQL_C_INTERVAL_DAY_TO_SECOND };
    SQLHSTMT st = t_stmt(dbc);
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)"SELECT NULL::int4, NULL::text, NULL::bytea, NULL::int8, NULL::float8, "
                                                "NULL::numeric, NULL::timestamp, NULL::uuid, NULL::interval, NULL::int4", SQL_NTS);
    rc = SQL_SUCCEEDED(rc) ? SQLFetch(st) : rc;
    int ok = SQL_SUCCEEDED(rc);
    for (int i = 0; i < 9 && ok; i++) {
        char buf[64];
        SQLLEN ind = 0;
        rc = SQLGetData(st, (SQLUSMALLINT)(i + 1), types[i], buf, sizeof buf, &ind);
        ok = rc == SQL_SUCCESS && ind == SQL_NULL_DATA;
    }
    t_ok(ok, "NULL of nine types into nine C types: SQL_NULL_DATA");
    SQLINTEGER v;
    rc = SQLGetData(st, 10, SQL_C_SLONG, &v, 0, NULL);
    T_STMT_RC(st, rc, SQL_ERROR, "NULL without an indicator fails");
    t_state(SQL_HANDLE_STMT, st, "22002", "22002 indicator variable required");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* SQL_C_NUMERIC at precision 38, scale 10 through the ARD (SQL_ARD_TYPE), both limits. */
static void fetch_numeric_ard(void)
{
    SQLHSTMT st = t_stmt(dbc);
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)"SELECT 9999999999999999999999999999.9999999999::numeric(38,10), "
                                                "(-9999999999999999999999999999.9999999999)::numeric(38,10)", SQL_NTS);
    rc = SQL_SUCCEEDED(rc) ? SQLFetch(st) : rc;
    SQLHDESC ard = NULL;
    SQLGetStmtAttr(st, SQL_ATTR_APP_ROW_DESC, &ard, 0, NULL);
    for (SQLSMALLINT col = 1; col <= 2; col++) {
        SQLSetDescField(ard, col, SQL_DESC_TYPE, (SQLPOINTER)(intptr_t)SQL_C_NUMERIC, 0);
        SQLSetDescField(ard, col, SQL_DESC_PRECISION, (SQLPOINTER)38, 0);
        SQLSetDescField(ard, col, SQL_DESC_SCALE, (SQLPOINTER)10, 0);
        SQL_NUMERIC_STRUCT ns;
        memset(&ns, 0, sizeof ns);
        SQLLEN ind = 0;
        rc = SQLGetData(st, (SQLUSMALLINT)col, SQL_ARD_TYPE, &ns, sizeof ns, &ind);
        char got[128];
        rs_test_render_c(SQL_C_NUMERIC, &ns, ind, 0, got, sizeof got);
        T_STMT_RC(st, rc, SQL_SUCCESS, "numeric(38,10) column %d as SQL_ARD_TYPE (38,10)", col);
        t_is_str(got, col == 1 ? "+99999999999999999999999999999999999999 e-10" : "-99999999999999999999999999999999999999 e-10",
                 "all 38 digits exact, column %d", col);
    }
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* ---- parameters ---- */

typedef struct pcase {
    const char *what;
    SQLSMALLINT ctype;
    const void *ptr;
    SQLLEN len;           /* the length/indicator value */
    SQLSMALLINT sql_type;
    SQLULEN size;
    SQLSMALLINT digits;
    SQLRETURN rc;         /* of SQLExecute */
    const char *state;
    const char *want;     /* the server's text for the value */
    int back;             /* 1: read back into ctype and compare the bytes */
    SQLLEN cmp;           /* bytes to compare */
} pcase;

static const SQLINTEGER p_i4 = -5, p_big = 70000;
static const SQLSMALLINT p_i2 = -32768;
static const signed char p_i1 = -128;
static const unsigned char p_u1 = 255, p_bit = 1;
static const SQLUSMALLINT p_u2 = 65535;
static const SQLUINTEGER p_u4 = 4000000000u;
static const SQLBIGINT p_i8 = INT64_MIN;
static const SQLUBIGINT p_u8 = 9223372036854775808ull;
static const float p_f4 = 1.5f;
static const double p_f8 = 0.1, p_f8_15 = 1.5;
static SQL_NUMERIC_STRUCT p_n38, p_n38s10;
static const SQL_DATE_STRUCT p_date = { -43, 3, 15 }, p_date_bad = { 2023, 2, 29 };
static const SQL_TIME_STRUCT p_time = { 10, 11, 12 };
static const SQL_TIMESTAMP_STRUCT p_ts = { 2024, 1, 2, 3, 4, 5, 123456000 };
static const SQLGUID p_guid = { 0xa0eebc99, 0x9c0b, 0x4ef8, { 0xbb, 0x6d, 0x6b, 0xb9, 0xbd, 0x38, 0x0a, 0x11 } };
static const unsigned char p_bin[3] = { 0x00, 0xff, 0x41 };
static SQL_INTERVAL_STRUCT p_ym, p_ym_neg, p_ds, p_sec;
static const SQLWCHAR p_w[] = { 'h', 0xE9, 0xD83D, 0xDE00, 0 };

static void init_params(void)
{
    static const unsigned char v[16] = { 0xFF, 0xFF, 0xFF, 0xFF, 0x3F, 0x22, 0x8A, 0x09,
                                         0x7A, 0xC4, 0x86, 0x5A, 0xA8, 0x4C, 0x3B, 0x4B };  /* 10^38 - 1 */
    memset(&p_n38, 0, sizeof p_n38);
    p_n38.precision = 38;
    p_n38.sign = 1;
    memcpy(p_n38.val, v, 16);
    p_n38s10 = p_n38;
    p_n38s10.scale = 10;
    p_n38s10.sign = 0;
    memset(&p_ym, 0, sizeof p_ym);
    p_ym.interval_type = SQL_IS_YEAR_TO_MONTH;
    p_ym.intval.year_month.year = 1;
    p_ym.intval.year_month.month = 2;
    p_ym_neg = p_ym;
    p_ym_neg.interval_sign = SQL_TRUE;
    memset(&p_ds, 0, sizeof p_ds);
    p_ds.interval_type = SQL_IS_DAY_TO_SECOND;
    p_ds.intval.day_second.day = 3;
    p_ds.intval.day_second.hour = 4;
    p_ds.intval.day_second.minute = 5;
    p_ds.intval.day_second.second = 6;
    p_ds.intval.day_second.fraction = 789000;
    memset(&p_sec, 0, sizeof p_sec);
    p_sec.interval_type = SQL_IS_SECOND;
    p_sec.interval_sign = SQL_TRUE;
    p_sec.intval.day_second.second = 90061;
    p_sec.intval.day_second.fraction = 5;
}

#define NTS SQL_NTS
static const pcase params[] = {
    { "SLONG", SQL_C_SLONG, &p_i4, 0, SQL_INTEGER, 0, 0, OK, "", "-5", 1, 4 },
    { "SSHORT", SQL_C_SSHORT, &p_i2, 0, SQL_SMALLINT, 0, 0, OK, "", "-32768", 1, 2 },
    { "STINYINT", SQL_C_STINYINT, &p_i1, 0, SQL_TINYINT, 0, 0, OK, "", "-128", 1, 1 },
    { "UTINYINT", SQL_C_UTINYINT, &p_u1, 0, SQL_SMALLINT, 0, 0, OK, "", "255", 1, 1 },
    { "USHORT", SQL_C_USHORT, &p_u2, 0, SQL_INTEGER, 0, 0, OK, "", "65535", 1, 2 },
    { "ULONG", SQL_C_ULONG, &p_u4, 0, SQL_BIGINT, 0, 0, OK, "", "4000000000", 1, 4 },
    { "SBIGINT", SQL_C_SBIGINT, &p_i8, 0, SQL_BIGINT, 0, 0, OK, "", "-9223372036854775808", 1, 8 },
    { "UBIGINT", SQL_C_UBIGINT, &p_u8, 0, SQL_NUMERIC, 20, 0, OK, "", "9223372036854775808", 1, 8 },
    { "BIT", SQL_C_BIT, &p_bit, 0, SQL_BIT, 0, 0, OK, "", "true", 1, 1 },
    { "FLOAT", SQL_C_FLOAT, &p_f4, 0, SQL_REAL, 0, 0, OK, "", "1.5", 1, 4 },
    { "DOUBLE", SQL_C_DOUBLE, &p_f8, 0, SQL_DOUBLE, 0, 0, OK, "", "0.1", 1, 8 },
    { "NUMERIC 10^38-1", SQL_C_NUMERIC, &p_n38, 0, SQL_NUMERIC, 38, 0, OK, "",
      "99999999999999999999999999999999999999", 0, 0 },
    { "NUMERIC -(10^38-1) scale 10", SQL_C_NUMERIC, &p_n38s10, 0, SQL_DECIMAL, 38, 10, OK, "",
      "-9999999999999999999999999999.9999999999", 0, 0 },
    { "DATE 44 BC", SQL_C_TYPE_DATE, &p_date, 0, SQL_TYPE_DATE, 0, 0, OK, "", "0044-03-15 BC", 1, 6 },
    { "TIME", SQL_C_TYPE_TIME, &p_time, 0, SQL_TYPE_TIME, 0, 0, OK, "", "10:11:12", 1, 6 },
    { "TIMESTAMP", SQL_C_TYPE_TIMESTAMP, &p_ts, 0, SQL_TYPE_TIMESTAMP, 26, 6, OK, "", "2024-01-02 03:04:05.123456", 1, 16 },
    { "GUID", SQL_C_GUID, &p_guid, 0, SQL_GUID, 0, 0, OK, "", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", 1, 16 },
    { "BINARY", SQL_C_BINARY, p_bin, 3, SQL_VARBINARY, 3, 0, OK, "", "\\x00ff41", 1, 3 },
    { "CHAR UTF-8", SQL_C_CHAR, "h\xc3\xa9\xf0\x9f\x98\x80", NTS, SQL_VARCHAR, 10, 0, OK, "", "h\xc3\xa9\xf0\x9f\x98\x80", 0, 0 },
    { "WCHAR surrogate pair", SQL_C_WCHAR, p_w, NTS, SQL_WVARCHAR, 10, 0, OK, "", "h\xc3\xa9\xf0\x9f\x98\x80", 1, 8 },
    { "CHAR hex as VARBINARY", SQL_C_CHAR, "00ff41", NTS, SQL_VARBINARY, 3, 0, OK, "", "\\x00ff41", 0, 0 },
    { "CHAR date", SQL_C_CHAR, "2024-02-29", NTS, SQL_TYPE_DATE, 10, 0, OK, "", "2024-02-29", 0, 0 },
    { "CHAR time-only timestamp escape", SQL_C_CHAR, "{ts '2024-01-02 03:04:05.5'}", NTS, SQL_TYPE_TIMESTAMP, 26, 6, OK, "",
      "2024-01-02 03:04:05.5", 0, 0 },
    { "CHAR numeric 38 digits", SQL_C_CHAR, "-1234567890123456789012345678.0123456789", NTS, SQL_NUMERIC, 38, 10, OK, "",
      "-1234567890123456789012345678.0123456789", 0, 0 },
    { "INTERVAL YEAR TO MONTH", SQL_C_INTERVAL_YEAR_TO_MONTH, &p_ym, 0, SQL_INTERVAL_YEAR_TO_MONTH, 0, 0, OK, "",
      "1 year 2 mons", 1, (SQLLEN)sizeof(SQL_INTERVAL_STRUCT) },
    { "INTERVAL YEAR TO MONTH negative", SQL_C_INTERVAL_YEAR_TO_MONTH, &p_ym_neg, 0, SQL_INTERVAL_YEAR_TO_MONTH, 0, 0, OK, "",
      "-1 years -2 mons", 1, (SQLLEN)sizeof(SQL_INTERVAL_STRUCT) },
    { "INTERVAL DAY TO SECOND", SQL_C_INTERVAL_DAY_TO_SECOND, &p_ds, 0, SQL_INTERVAL_DAY_TO_SECOND, 0, 6, OK, "",
      "3 days 04:05:06.789", 1, (SQLLEN)sizeof(SQL_INTERVAL_STRUCT) },
    { "INTERVAL SECOND", SQL_C_INTERVAL_SECOND, &p_sec, 0, SQL_INTERVAL_SECOND, 0, 6, OK, "",
      "-25:01:01.000005", 1, (SQLLEN)sizeof(SQL_INTERVAL_STRUCT) },
    { "BINARY holding an SQLINTEGER as INTEGER", SQL_C_BINARY, &p_i4, 4, SQL_INTEGER, 0, 0, OK, "", "-5", 0, 0 },
    /* refused before the server sees them */
    { "BINARY of 3 bytes as INTEGER", SQL_C_BINARY, p_bin, 3, SQL_INTEGER, 0, 0, ERR, "22003", NULL, 0, 0 },
    { "CHAR 2023-02-29 as DATE", SQL_C_CHAR, "2023-02-29", NTS, SQL_TYPE_DATE, 10, 0, ERR, "22007", NULL, 0, 0 },
    { "CHAR 'soon' as TIMESTAMP", SQL_C_CHAR, "soon", NTS, SQL_TYPE_TIMESTAMP, 26, 0, ERR, "22007", NULL, 0, 0 },
    { "CHAR timestamp with a time as DATE", SQL_C_CHAR, "2024-01-02 10:00:00", NTS, SQL_TYPE_DATE, 10, 0, ERR, "22008", NULL, 0, 0 },
    { "CHAR 'abc' as INTEGER", SQL_C_CHAR, "abc", NTS, SQL_INTEGER, 0, 0, ERR, "22018", NULL, 0, 0 },
    { "CHAR '1.5' as INTEGER", SQL_C_CHAR, "1.5", NTS, SQL_INTEGER, 0, 0, ERR, "22001", NULL, 0, 0 },
    { "SLONG 70000 as SMALLINT", SQL_C_SLONG, &p_big, 0, SQL_SMALLINT, 0, 0, ERR, "22003", NULL, 0, 0 },
    { "DOUBLE 1.5 as INTEGER", SQL_C_DOUBLE, &p_f8_15, 0, SQL_INTEGER, 0, 0, ERR, "22001", NULL, 0, 0 },
    { "DATE struct 2023-02-29", SQL_C_TYPE_DATE, &p_date_bad, 0, SQL_TYPE_DATE, 0, 0, ERR, "22007", NULL, 0, 0 },
    { "DATE struct as TIME", SQL_C_TYPE_DATE, &p_date, 0, SQL_TYPE_TIME, 0, 0, ERR, "07006", NULL, 0, 0 },
    { "GUID as INTEGER", SQL_C_GUID, &p_guid, 0, SQL_INTEGER, 0, 0, ERR, "07006", NULL, 0, 0 },
    { "CHAR '1 year' as INTERVAL DAY TO SECOND", SQL_C_CHAR, "1 year", NTS, SQL_INTERVAL_DAY_TO_SECOND, 0, 0, ERR, "22015", NULL, 0, 0 },
    { "YEAR TO MONTH as DAY TO SECOND", SQL_C_INTERVAL_YEAR_TO_MONTH, &p_ym, 0, SQL_INTERVAL_DAY_TO_SECOND, 0, 0, ERR, "07006", NULL, 0, 0 },
};

static void param_round_trip(const pcase *p)
{
    SQLHSTMT st = t_stmt(dbc);
    SQLLEN ind = p->len;
    SQLLEN buflen = p->ctype == SQL_C_BINARY ? p->len : 0;
    SQLRETURN rc = SQLPrepare(st, (SQLCHAR *)"SELECT x::text, x FROM (SELECT ? AS x) s", SQL_NTS);
    if (SQL_SUCCEEDED(rc))
        rc = SQLBindParameter(st, 1, SQL_PARAM_INPUT, p->ctype, p->sql_type, p->size, p->digits, (SQLPOINTER)p->ptr,
                              buflen, &ind);
    if (!SQL_SUCCEEDED(rc)) {
        t_print_diag(SQL_HANDLE_STMT, st);
        t_ok(0, "parameter %s: prepare and bind", p->what);
        SQLFreeHandle(SQL_HANDLE_STMT, st);
        return;
    }
    rc = SQLExecute(st);
    char state[6] = "";
    if (rc != SQL_SUCCESS)
        t_diag_rec(SQL_HANDLE_STMT, st, 1, state, NULL, NULL, 0);
    int ok = rc == p->rc && !strcmp(state, p->state);
    char text[256] = "";
    SQLLEN tlen = 0;
    if (ok && rc == SQL_SUCCESS) {
        ok = SQL_SUCCEEDED(SQLFetch(st)) && SQL_SUCCEEDED(SQLGetData(st, 1, SQL_C_CHAR, text, sizeof text, &tlen)) &&
             !strcmp(text, p->want);
    }
    t_ok(ok, "parameter %s: rc %d %s %s", p->what, p->rc, *p->state ? p->state : "-", p->want ? p->want : "");
    if (!ok) {
        t_diag("got rc %d state '%s' text '%s'", rc, state, text);
        t_print_diag(SQL_HANDLE_STMT, st);
    }
    if (p->back && ok && rc == SQL_SUCCESS) {
        union { char c[64]; SQLWCHAR w[32]; SQL_INTERVAL_STRUCT iv; SQL_TIMESTAMP_STRUCT ts; double d; SQLGUID g; } back;
        memset(&back, 0, sizeof back);
        SQLLEN blen = 0;
        rc = SQLGetData(st, 2, p->ctype, &back, sizeof back, &blen);
        int same = SQL_SUCCEEDED(rc) && !memcmp(&back, p->ptr, (size_t)p->cmp);
        t_ok(same, "parameter %s reads back as the same C value", p->what);
        if (!same)
            t_print_diag(SQL_HANDLE_STMT, st);
    }
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

int main(void)
{
    t_start(120);
    env = t_env_alloc();
    dbc = t_connect(env, "");
    SQLHSTMT st = t_stmt(dbc);
    t_exec(st, "SET TIME ZONE 'UTC'");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    for (size_t i = 0; i < sizeof values / sizeof *values; i++)
        fetch_value(&values[i]);
    fetch_nulls();
    fetch_numeric_ard();

    /* an interval column declaring YEAR TO MONTH describes as SQL_INTERVAL_YEAR_TO_MONTH */
    st = t_stmt(dbc);
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)"SELECT '1 year'::interval year to month, '1 day'::interval", SQL_NTS);
    SQLLEN t1 = 0, t2 = 0;
    if (SQL_SUCCEEDED(rc)) {
        SQLColAttribute(st, 1, SQL_DESC_CONCISE_TYPE, NULL, 0, NULL, &t1);
        SQLColAttribute(st, 2, SQL_DESC_CONCISE_TYPE, NULL, 0, NULL, &t2);
    }
    t_is_int(t2, SQL_INTERVAL_DAY_TO_SECOND, "interval without fields: SQL_INTERVAL_DAY_TO_SECOND");
    t_is_int(t1, SQL_INTERVAL_YEAR_TO_MONTH, "interval year to month: SQL_INTERVAL_YEAR_TO_MONTH");
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    init_params();
    for (size_t i = 0; i < sizeof params / sizeof *params; i++)
        param_round_trip(&params[i]);
    t_disconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    return t_done();
}
