/* execute.c - executing through unixODBC: SQLExecDirect, SQLPrepare/SQLExecute with bound
 * parameters of every common C type, metadata before execution, row counts, batches and
 * SQLMoreResults, server errors, SQLNativeSql and escapes, parameter arrays, statements of
 * many markers, one parameter set behind a bind offset, the text of float parameters. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "odbctest.h"

#define TBL "odbc_exec_t"

static SQLHENV env;
static SQLHDBC dbc;

/* Fetch the next row and read columns 1..n as text ("(null)" for NULL). */
static SQLRETURN fetch_text(SQLHSTMT st, int n, char out[][256])
{
    SQLRETURN rc = SQLFetch(st);
    if (!SQL_SUCCEEDED(rc))
        return rc;
    for (int i = 0; i < n; i++) {
        SQLLEN ind = 0;
        SQLRETURN r = SQLGetData(st, (SQLUSMALLINT)(i + 1), SQL_C_CHAR, out[i], 256, &ind);
        if (!SQL_SUCCEEDED(r)) {
            t_print_diag(SQL_HANDLE_STMT, st);
            return r;
        }
        if (ind == SQL_NULL_DATA)
            snprintf(out[i], 256, "(null)");
    }
    return SQL_SUCCESS;
}

static void test_exec_direct(void)
{
    SQLHSTMT st = t_stmt(dbc);
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)"SELECT 1 AS one, 'two'::text AS two", SQL_NTS);
    T_STMT_RC(st, rc, SQL_SUCCESS, "SQLExecDirect SELECT");
    SQLSMALLINT cols = -1;
    SQLNumResultCols(st, &cols);
    t_is_int(cols, 2, "two result columns");
    char v[2][256];
    rc = fetch_text(st, 2, v);
    T_STMT_RC(st, rc, SQL_SUCCESS, "fetch");
    t_is_str(v[0], "1", "column 1");
    t_is_str(v[1], "two", "column 2");
    T_STMT_RC(st, SQLFetch(st), SQL_NO_DATA, "one row only");

    /* executing again with the cursor still open: 24000 */
    T_STMT_RC(st, SQLCloseCursor(st), SQL_SUCCESS, "SQLCloseCursor");
    rc = SQLExecDirect(st, (SQLCHAR *)"SELECT 1", SQL_NTS);
    rc = SQLExecDirect(st, (SQLCHAR *)"SELECT 2", SQL_NTS);
    T_STMT_RC(st, rc, SQL_ERROR, "SQLExecDirect with an open cursor fails");
    t_state(SQL_HANDLE_STMT, st, "24000", "open cursor: 24000");
    SQLFreeStmt(st, SQL_CLOSE);

    /* an explicit text length: the rest is not part of the statement */
    rc = SQLExecDirect(st, (SQLCHAR *)"SELECT 7garbage", 8);
    T_STMT_RC(st, rc, SQL_SUCCESS, "SQLExecDirect with a text length");
    rc = fetch_text(st, 1, v);
    t_is_str(v[0], "7", "only the first 8 bytes ran");
    SQLFreeStmt(st, SQL_CLOSE);

    /* an empty statement */
    rc = SQLExecDirect(st, (SQLCHAR *)"", SQL_NTS);
    T_STMT_RC(st, rc, SQL_SUCCESS, "an empty statement");
    cols = -1;
    SQLNumResultCols(st, &cols);
    t_is_int(cols, 0, "an empty statement has no result columns");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_wide_text(void)
{
    SQLHSTMT st = t_stmt(dbc);
    /* SELECT '\u03a9\U0001F600' AS "\u00f1", ? -- as UTF-16, with a surrogate pair */
    static const SQLWCHAR sql[] = { 'S', 'E', 'L', 'E', 'C', 'T', ' ', '\'', 0x03A9, 0xD83D, 0xDE00, '\'', ' ',
        'A', 'S', ' ', '"', 0x00F1, '"', ',', ' ', '?', ':', ':', 't', 'e', 'x', 't', 0 };
    SQLRETURN rc = SQLPrepareW(st, (SQLWCHAR *)sql, SQL_NTS);
    T_STMT_RC(st, rc, SQL_SUCCESS, "SQLPrepareW with non-ASCII text and a surrogate pair");
    SQLWCHAR param[] = { 0x00E9, 0xD83D, 0xDE01, 0 };
    SQLLEN pind = SQL_NTS;
    SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_WCHAR, SQL_WVARCHAR, 3, 0, param, sizeof param, &pind);
    rc = SQLExecute(st);
    T_STMT_RC(st, rc, SQL_SUCCESS, "SQLExecute of the wide statement");
    SQLWCHAR name[8];
    SQLSMALLINT namelen = -1;
    SQLDescribeColW(st, 1, name, 8, &namelen, NULL, NULL, NULL, NULL);
    t_ok(name[0] == 0x00F1 && name[1] == 0 && namelen == 1, "SQLDescribeColW: the column name n-tilde");
    rc = SQLFetch(st);
    SQLWCHAR v[8];
    SQLLEN ind = 0;
    rc = SQLGetData(st, 1, SQL_C_WCHAR, v, sizeof v, &ind);
    T_STMT_RC(st, rc, SQL_SUCCESS, "read the literal back");
    t_ok(v[0] == 0x03A9 && v[1] == 0xD83D && v[2] == 0xDE00 && v[3] == 0 && ind == 6,
         "the literal comes back as the same three UTF-16 units");
    rc = SQLGetData(st, 2, SQL_C_WCHAR, v, sizeof v, &ind);
    t_ok(v[0] == 0x00E9 && v[1] == 0xD83D && v[2] == 0xDE01 && v[3] == 0 && ind == 6,
         "the wide parameter comes back unchanged");
    char utf8[16];
    rc = SQLGetData(st, 2, SQL_C_CHAR, utf8, sizeof utf8, &ind);
    T_STMT_RC(st, rc, SQL_NO_DATA, "a column read whole gives SQL_NO_DATA the second time");
    SQLFreeStmt(st, SQL_CLOSE);
    rc = SQLExecute(st);
    SQLFetch(st);
    rc = SQLGetData(st, 2, SQL_C_CHAR, utf8, sizeof utf8, &ind);
    T_STMT_RC(st, rc, SQL_SUCCESS, "executed again, the parameter as SQL_C_CHAR");
    t_is_str(utf8, "\xc3\xa9\xf0\x9f\x98\x81", "the parameter as UTF-8 bytes");
    t_is_int(ind, 6, "six bytes of UTF-8");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_parameters(void)
{
    SQLHSTMT st = t_stmt(dbc);
    t_exec(st, "DROP TABLE IF EXISTS " TBL);
    t_exec(st, "CREATE TABLE " TBL " (id int4 PRIMARY KEY, name varchar(30), wname varchar(30), n int4, "
               "b int8, d float8, num numeric(12,2), dt date, ts timestamp, bin bytea)");

    SQLRETURN rc = SQLPrepare(st, (SQLCHAR *)"INSERT INTO " TBL " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", SQL_NTS);
    T_STMT_RC(st, rc, SQL_SUCCESS, "SQLPrepare INSERT with 10 markers");
    SQLSMALLINT np = -1;
    T_STMT_RC(st, SQLNumParams(st, &np), SQL_SUCCESS, "SQLNumParams");
    t_is_int(np, 10, "SQLNumParams counts 10");
    SQLSMALLINT cols = -1;
    T_STMT_RC(st, SQLNumResultCols(st, &cols), SQL_SUCCESS, "SQLNumResultCols of a prepared INSERT");
    t_is_int(cols, 0, "a prepared INSERT has no result columns");

    SQLINTEGER id = 1;
    char name[32] = "h\xc3\xa9llo";                      /* héllo */
    /* Ωμέγα and U+1F600 as a surrogate pair */
    SQLWCHAR wname[16] = { 0x03A9, 0x03BC, 0x03AD, 0x03B3, 0x03B1, 0xD83D, 0xDE00, 0 };
    SQLINTEGER n = 0;
    SQLBIGINT b = 9007199254740993LL;
    double d = 3.25;
    SQL_NUMERIC_STRUCT num;
    memset(&num, 0, sizeof num);
    num.precision = 12;
    num.scale = 2;
    num.sign = 1;
    unsigned long scaled = 1234567;                      /* 12345.67 */
    for (int i = 0; i < 4; i++)
        num.val[i] = (SQLCHAR)(scaled >> (8 * i));
    SQL_DATE_STRUCT dt = { 2024, 2, 29 };
    SQL_TIMESTAMP_STRUCT ts = { 2024, 1, 2, 3, 4, 5, 123456000 };
    unsigned char bin[5] = { 0x00, 0x01, 0x02, 0xff, 0x00 };
    SQLLEN ind_name = SQL_NTS, ind_wname = SQL_NTS, ind_n = SQL_NULL_DATA, ind_bin = 5, ind_num = 0;

    T_STMT_RC(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &id, 0, NULL),
              SQL_SUCCESS, "bind SQL_C_SLONG");
    T_STMT_RC(st, SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 30, 0, name, sizeof name,
                                   &ind_name), SQL_SUCCESS, "bind SQL_C_CHAR");
    T_STMT_RC(st, SQLBindParameter(st, 3, SQL_PARAM_INPUT, SQL_C_WCHAR, SQL_WVARCHAR, 30, 0, wname,
                                   sizeof wname, &ind_wname), SQL_SUCCESS, "bind SQL_C_WCHAR");
    T_STMT_RC(st, SQLBindParameter(st, 4, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &n, 0, &ind_n),
              SQL_SUCCESS, "bind a NULL");
    T_STMT_RC(st, SQLBindParameter(st, 5, SQL_PARAM_INPUT, SQL_C_SBIGINT, SQL_BIGINT, 0, 0, &b, 0, NULL),
              SQL_SUCCESS, "bind SQL_C_SBIGINT");
    T_STMT_RC(st, SQLBindParameter(st, 6, SQL_PARAM_INPUT, SQL_C_DOUBLE, SQL_DOUBLE, 0, 0, &d, 0, NULL),
              SQL_SUCCESS, "bind SQL_C_DOUBLE");
    T_STMT_RC(st, SQLBindParameter(st, 7, SQL_PARAM_INPUT, SQL_C_NUMERIC, SQL_NUMERIC, 12, 2, &num, sizeof num,
                                   &ind_num), SQL_SUCCESS, "bind SQL_C_NUMERIC");
    T_STMT_RC(st, SQLBindParameter(st, 8, SQL_PARAM_INPUT, SQL_C_TYPE_DATE, SQL_TYPE_DATE, 10, 0, &dt, 0, NULL),
              SQL_SUCCESS, "bind SQL_C_TYPE_DATE");
    T_STMT_RC(st, SQLBindParameter(st, 9, SQL_PARAM_INPUT, SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP, 26, 6, &ts,
                                   0, NULL), SQL_SUCCESS, "bind SQL_C_TYPE_TIMESTAMP");
    T_STMT_RC(st, SQLBindParameter(st, 10, SQL_PARAM_INPUT, SQL_C_BINARY, SQL_VARBINARY, 5, 0, bin, sizeof bin,
                                   &ind_bin), SQL_SUCCESS, "bind SQL_C_BINARY");
    rc = SQLExecute(st);
    T_STMT_RC(st, rc, SQL_SUCCESS, "SQLExecute the INSERT");
    SQLLEN count = -2;
    T_STMT_RC(st, SQLRowCount(st, &count), SQL_SUCCESS, "SQLRowCount after INSERT");
    t_is_int(count, 1, "one row inserted");

    /* the same prepared statement, new values; the NULL is now a value, the name has a length */
    id = 2;
    memcpy(name, "abcdef", 6);   /* not terminated: the length says 3 */
    ind_name = 3;
    n = -2147483647 - 1;
    ind_n = 0;
    b = -1;
    d = -0.5;
    num.sign = 0;
    dt = (SQL_DATE_STRUCT){ 1999, 12, 31 };
    ts = (SQL_TIMESTAMP_STRUCT){ 2000, 1, 1, 0, 0, 0, 0 };
    ind_bin = 0;
    wname[2] = 0;
    rc = SQLExecute(st);
    T_STMT_RC(st, rc, SQL_SUCCESS, "SQLExecute again with other values");

    SQLHSTMT q = t_stmt(dbc);
    rc = SQLExecDirect(q, (SQLCHAR *)"SELECT id, name, wname, n, b, d, num, dt, ts, encode(bin, 'hex'), "
                       "octet_length(bin) FROM " TBL " ORDER BY id", SQL_NTS);
    T_STMT_RC(q, rc, SQL_SUCCESS, "read back");
    char v[11][256];
    rc = fetch_text(q, 11, v);
    T_STMT_RC(q, rc, SQL_SUCCESS, "row 1");
    t_is_str(v[0], "1", "row 1: SQL_C_SLONG");
    t_is_str(v[1], "h\xc3\xa9llo", "row 1: SQL_C_CHAR with a non-ASCII letter");
    t_is_str(v[2], "\xce\xa9\xce\xbc\xce\xad\xce\xb3\xce\xb1\xf0\x9f\x98\x80", "row 1: SQL_C_WCHAR with a surrogate pair");
    t_is_str(v[3], "(null)", "row 1: NULL by indicator");
    t_is_str(v[4], "9007199254740993", "row 1: SQL_C_SBIGINT, all 64 bits");
    t_is_str(v[5], "3.25", "row 1: SQL_C_DOUBLE");
    t_is_str(v[6], "12345.67", "row 1: SQL_C_NUMERIC");
    t_is_str(v[7], "2024-02-29", "row 1: SQL_C_TYPE_DATE");
    t_is_str(v[8], "2024-01-02 03:04:05.123456", "row 1: SQL_C_TYPE_TIMESTAMP with fraction");
    t_is_str(v[9], "000102ff00", "row 1: SQL_C_BINARY with zero bytes");
    t_is_str(v[10], "5", "row 1: 5 bytes");
    rc = fetch_text(q, 11, v);
    T_STMT_RC(q, rc, SQL_SUCCESS, "row 2");
    t_is_str(v[0], "2", "row 2: id");
    t_is_str(v[1], "abc", "row 2: SQL_C_CHAR with an octet length");
    t_is_str(v[2], "\xce\xa9\xce\xbc", "row 2: SQL_C_WCHAR, shorter");
    t_is_str(v[3], "-2147483648", "row 2: INT_MIN");
    t_is_str(v[4], "-1", "row 2: -1");
    t_is_str(v[5], "-0.5", "row 2: -0.5");
    t_is_str(v[6], "-12345.67", "row 2: negative SQL_C_NUMERIC");
    t_is_str(v[7], "1999-12-31", "row 2: date");
    t_is_str(v[8], "2000-01-01 00:00:00", "row 2: timestamp");
    t_is_str(v[9], "", "row 2: empty binary");
    t_is_str(v[10], "0", "row 2: 0 bytes");
    T_STMT_RC(q, SQLFetch(q), SQL_NO_DATA, "two rows");
    SQLFreeHandle(SQL_HANDLE_STMT, q);

    /* a marker left unbound */
    SQLFreeStmt(st, SQL_RESET_PARAMS);
    rc = SQLExecute(st);
    T_STMT_RC(st, rc, SQL_ERROR, "SQLExecute with unbound parameters fails");
    t_state(SQL_HANDLE_STMT, st, "07002", "unbound parameters: 07002");

    /* a numeric parameter into a text context, and a string into an integer context */
    SQLFreeStmt(st, SQL_CLOSE);
    rc = SQLPrepare(st, (SQLCHAR *)"SELECT ? + 1, upper(?)", SQL_NTS);
    char s1[8] = "41";
    SQLINTEGER i2 = 5;
    SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_INTEGER, 0, 0, s1, sizeof s1, NULL);
    SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_VARCHAR, 10, 0, &i2, 0, NULL);
    rc = SQLExecute(st);
    T_STMT_RC(st, rc, SQL_SUCCESS, "SQL_C_CHAR as SQL_INTEGER, SQL_C_SLONG as SQL_VARCHAR");
    char w[2][256];
    fetch_text(st, 2, w);
    t_is_str(w[0], "42", "'41' + 1");
    t_is_str(w[1], "5", "upper(5)");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* Statements of up to 16 markers build their parameters without allocating, more on the
 * heap: both, executed twice with other values, a NULL and a value given at execution. */
static void many_markers(int n)
{
    char sql[512] = "SELECT concat_ws(',', ?::int";
    for (int i = 1; i < n; i++)
        strcat(sql, ", ?::int");
    strcat(sql, ")");
    SQLHSTMT st = t_stmt(dbc);
    SQLRETURN rc = SQLPrepare(st, (SQLCHAR *)sql, SQL_NTS);
    T_STMT_RC(st, rc, SQL_SUCCESS, "%d markers: SQLPrepare", n);
    SQLINTEGER v[20];
    SQLLEN ind[20];
    for (int i = 0; i < n; i++) {
        v[i] = i + 1;
        ind[i] = 0;
        SQLBindParameter(st, (SQLUSMALLINT)(i + 1), SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &v[i], 0, &ind[i]);
    }
    char want[256] = "", got[1][256];
    for (int i = 0; i < n; i++)
        snprintf(want + strlen(want), sizeof want - strlen(want), "%s%d", i ? "," : "", i + 1);
    T_STMT_RC(st, SQLExecute(st), SQL_SUCCESS, "%d markers: SQLExecute", n);
    T_STMT_RC(st, fetch_text(st, 1, got), SQL_SUCCESS, "%d markers: the row", n);
    t_is_str(got[0], want, "%d markers: every value in its place", n);
    SQLCloseCursor(st);

    /* again: other values, the second NULL, the last one at execution */
    for (int i = 0; i < n; i++)
        v[i] = 100 * (i + 1);
    ind[1] = SQL_NULL_DATA;
    ind[n - 1] = SQL_DATA_AT_EXEC;
    want[0] = '\0';
    for (int i = 0; i < n; i++)
        if (i != 1)
            snprintf(want + strlen(want), sizeof want - strlen(want), "%s%d", i ? "," : "", i == n - 1 ? 7 : 100 * (i + 1));
    rc = SQLExecute(st);
    T_STMT_RC(st, rc, SQL_NEED_DATA, "%d markers: the last one is asked for", n);
    SQLPOINTER token = NULL;
    rc = SQLParamData(st, &token);
    t_ok(rc == SQL_NEED_DATA && token == &v[n - 1], "%d markers: SQLParamData names the last parameter", n);
    SQLINTEGER seven = 7;
    SQLPutData(st, &seven, 0);
    rc = SQLParamData(st, &token);
    T_STMT_RC(st, rc, SQL_SUCCESS, "%d markers: executed after SQLPutData", n);
    T_STMT_RC(st, fetch_text(st, 1, got), SQL_SUCCESS, "%d markers: the second row", n);
    t_is_str(got[0], want, "%d markers: new values, the NULL left out, the value put", n);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* One parameter set (no array) read behind SQL_ATTR_PARAM_BIND_OFFSET_PTR, column-wise and
 * row-wise. */
static void test_single_set_offset(void)
{
    struct { SQLINTEGER id; SQLLEN id_ind; char name[8]; SQLLEN name_ind; } rows[2] = {
        { 1, 0, "one", SQL_NTS }, { 2, 0, "two", SQL_NTS } };
    SQLHSTMT st = t_stmt(dbc);
    SQLLEN offset = (SQLLEN)sizeof rows[0];
    SQLSetStmtAttr(st, SQL_ATTR_PARAM_BIND_OFFSET_PTR, &offset, 0);
    SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &rows[0].id, 0, &rows[0].id_ind);
    SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 7, 0, rows[0].name, 8, &rows[0].name_ind);
    char got[2][256];
    T_STMT_RC(st, SQLExecDirect(st, (SQLCHAR *)"SELECT ?::int * 10, upper(?)", SQL_NTS), SQL_SUCCESS,
              "one set behind a bind offset, column-wise");
    fetch_text(st, 2, got);
    t_is_str(got[0], "20", "the offset moves the value");
    t_is_str(got[1], "TWO", "the offset moves the text and its indicator");
    SQLCloseCursor(st);
    SQLSetStmtAttr(st, SQL_ATTR_PARAM_BIND_TYPE, (SQLPOINTER)sizeof rows[0], 0);
    offset = 0;
    rows[0].id_ind = SQL_NULL_DATA;
    T_STMT_RC(st, SQLExecDirect(st, (SQLCHAR *)"SELECT ?::int * 10, upper(?)", SQL_NTS), SQL_SUCCESS,
              "one set, row-wise, offset 0");
    fetch_text(st, 2, got);
    t_is_str(got[0], "(null)", "row-wise: the indicator of the first row");
    t_is_str(got[1], "ONE", "row-wise: the first row's text");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* Doubles and floats go out as the text %.17g (%.9g) prints: short exact values are written
 * without printf, the rest by it; a character parameter shows the server the text itself. */
static void test_float_text(void)
{
    static const struct { double d; const char *want; } dv[] = {
        { 1000.75, "1000.75" }, { -999.25, "-999.25" }, { 123, "123" }, { -0.0, "-0" }, { 0, "0" },
        { 0.5, "0.5" }, { 0.0009765625, "0.0009765625" }, { 0.00048828125, "0.00048828125" },
        { 0.1, "0.10000000000000001" }, { 1e16, "10000000000000000" }, { 1e17, "1e+17" },
        { 9007199254740993.0, "9007199254740992" }, { 12345678.125, "12345678.125" },
        { 1234567890123.0625, "1234567890123.0625" }, { 1e-5, "1.0000000000000001e-05" },
    };
    SQLHSTMT st = t_stmt(dbc);
    double d = 0;
    float f = 0;
    unsigned char bit = 0;
    SQLRETURN rc = SQLPrepare(st, (SQLCHAR *)"SELECT ?::text, ?::text, ?::text, ?::float8 = ?::float8", SQL_NTS);
    T_STMT_RC(st, rc, SQL_SUCCESS, "prepare the text of a double, a float and a bit");
    SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_DOUBLE, SQL_VARCHAR, 40, 0, &d, 0, NULL);
    SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_FLOAT, SQL_VARCHAR, 40, 0, &f, 0, NULL);
    SQLBindParameter(st, 3, SQL_PARAM_INPUT, SQL_C_BIT, SQL_VARCHAR, 5, 0, &bit, 0, NULL);
    SQLBindParameter(st, 4, SQL_PARAM_INPUT, SQL_C_DOUBLE, SQL_DOUBLE, 0, 0, &d, 0, NULL);
    char lit[64];
    SQLBindParameter(st, 5, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 40, 0, lit, sizeof lit, NULL);
    for (size_t i = 0; i < sizeof dv / sizeof *dv; i++) {
        d = dv[i].d;
        f = (float)dv[i].d;
        bit = (unsigned char)(i % 2);
        snprintf(lit, sizeof lit, "%.17g", dv[i].d);
        char got[4][256], fwant[64];
        snprintf(fwant, sizeof fwant, "%.9g", (double)f);
        rc = SQLExecute(st);
        T_STMT_RC(st, rc, SQL_SUCCESS, "execute with %s", dv[i].want);
        fetch_text(st, 4, got);
        t_is_str(got[0], dv[i].want, "SQL_C_DOUBLE %s as text", dv[i].want);
        t_is_str(got[1], fwant, "SQL_C_FLOAT %s as text", fwant);
        t_is_str(got[2], i % 2 ? "true" : "false", "SQL_C_BIT %d as text", (int)(i % 2));
        t_is_str(got[3], "1", "SQL_C_DOUBLE %s as float8 is the double itself", dv[i].want);
        SQLCloseCursor(st);
    }
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_prepared_metadata(void)
{
    SQLHSTMT st = t_stmt(dbc);
    SQLRETURN rc = SQLPrepare(st, (SQLCHAR *)"SELECT id, name, num, ts FROM " TBL " WHERE id = ?", SQL_NTS);
    T_STMT_RC(st, rc, SQL_SUCCESS, "SQLPrepare SELECT");
    SQLSMALLINT cols = -1;
    T_STMT_RC(st, SQLNumResultCols(st, &cols), SQL_SUCCESS, "SQLNumResultCols before SQLExecute");
    t_is_int(cols, 4, "four columns known before execution");
    SQLCHAR cname[64];
    SQLSMALLINT namelen = -1, type = -1, digits = -1, nullable = -1;
    SQLULEN size = 0;
    rc = SQLDescribeCol(st, 3, cname, sizeof cname, &namelen, &type, &size, &digits, &nullable);
    T_STMT_RC(st, rc, SQL_SUCCESS, "SQLDescribeCol before SQLExecute");
    t_is_str((char *)cname, "num", "column 3 name");
    t_is_int(namelen, 3, "column 3 name length");
    t_is_int(type, SQL_NUMERIC, "column 3 is SQL_NUMERIC");
    t_is_int((long long)size, 12, "numeric(12,2): size 12");
    t_is_int(digits, 2, "numeric(12,2): 2 digits");
    rc = SQLDescribeCol(st, 2, cname, sizeof cname, &namelen, &type, &size, &digits, &nullable);
    t_is_int(type, SQL_VARCHAR, "column 2 is SQL_VARCHAR");
    t_is_int((long long)size, 30, "varchar(30): size 30");
    SQLLEN typ = 0;
    rc = SQLColAttribute(st, 4, SQL_DESC_CONCISE_TYPE, NULL, 0, NULL, &typ);
    T_STMT_RC(st, rc, SQL_SUCCESS, "SQLColAttribute before SQLExecute");
    t_is_int(typ, SQL_TYPE_TIMESTAMP, "column 4 is SQL_TYPE_TIMESTAMP");

    SQLINTEGER id = 1;
    SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &id, 0, NULL);
    rc = SQLExecute(st);
    T_STMT_RC(st, rc, SQL_SUCCESS, "SQLExecute after describing");
    char v[4][256];
    rc = fetch_text(st, 4, v);
    T_STMT_RC(st, rc, SQL_SUCCESS, "fetch the described row");
    t_is_str(v[2], "12345.67", "the value of num");
    SQLFreeStmt(st, SQL_CLOSE);
    id = 2;
    rc = SQLExecute(st);
    T_STMT_RC(st, rc, SQL_SUCCESS, "execute the prepared SELECT again");
    fetch_text(st, 4, v);
    t_is_str(v[0], "2", "the second execution sees the new parameter");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_row_counts(void)
{
    SQLHSTMT st = t_stmt(dbc);
    SQLLEN count = -2;
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)"INSERT INTO " TBL " (id, name) SELECT g, 'g' || g FROM "
                                 "generate_series(10, 14) g", SQL_NTS);
    T_STMT_RC(st, rc, SQL_SUCCESS, "INSERT ... SELECT");
    SQLRowCount(st, &count);
    t_is_int(count, 5, "INSERT: 5 rows");
    rc = SQLExecDirect(st, (SQLCHAR *)"UPDATE " TBL " SET n = 7 WHERE id BETWEEN 10 AND 12", SQL_NTS);
    T_STMT_RC(st, rc, SQL_SUCCESS, "UPDATE");
    SQLRowCount(st, &count);
    t_is_int(count, 3, "UPDATE: 3 rows");
    rc = SQLExecDirect(st, (SQLCHAR *)"DELETE FROM " TBL " WHERE id IN (13, 14)", SQL_NTS);
    T_STMT_RC(st, rc, SQL_SUCCESS, "DELETE");
    SQLRowCount(st, &count);
    t_is_int(count, 2, "DELETE: 2 rows");
    /* ODBC 3: a searched UPDATE or DELETE that affects nothing returns SQL_NO_DATA */
    rc = SQLExecDirect(st, (SQLCHAR *)"UPDATE " TBL " SET n = 8 WHERE id < 0", SQL_NTS);
    T_STMT_RC(st, rc, SQL_NO_DATA, "UPDATE of no rows: SQL_NO_DATA");
    count = -2;
    SQLRowCount(st, &count);
    t_is_int(count, 0, "UPDATE of no rows: count 0");
    rc = SQLExecDirect(st, (SQLCHAR *)"DELETE FROM " TBL " WHERE id < 0", SQL_NTS);
    T_STMT_RC(st, rc, SQL_NO_DATA, "DELETE of no rows: SQL_NO_DATA");
    /* a prepared UPDATE: SQL_NO_DATA, again, then a match; the driver manager's state
     * machine must let it execute each time */
    SQLHSTMT p = t_stmt(dbc);
    rc = SQLPrepare(p, (SQLCHAR *)"UPDATE " TBL " SET n = n WHERE id = ?", SQL_NTS);
    SQLINTEGER key = -5;
    SQLBindParameter(p, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &key, 0, NULL);
    T_STMT_RC(p, SQLExecute(p), SQL_NO_DATA, "prepared UPDATE of no rows: SQL_NO_DATA");
    T_STMT_RC(p, SQLExecute(p), SQL_NO_DATA, "executed again: SQL_NO_DATA");
    key = 10;
    T_STMT_RC(p, SQLExecute(p), SQL_SUCCESS, "executed with a matching key: SQL_SUCCESS");
    SQLRowCount(p, &count);
    t_is_int(count, 1, "one row updated");
    SQLFreeHandle(SQL_HANDLE_STMT, p);
    /* a DDL statement: no count */
    rc = SQLExecDirect(st, (SQLCHAR *)"CREATE TEMP TABLE odbc_exec_tmp (x int)", SQL_NTS);
    T_STMT_RC(st, rc, SQL_SUCCESS, "CREATE TABLE");
    count = -2;
    SQLRowCount(st, &count);
    t_is_int(count, -1, "CREATE TABLE: row count -1");
    /* a SELECT: the count is the number of rows, known here */
    rc = SQLExecDirect(st, (SQLCHAR *)"SELECT * FROM generate_series(1, 4)", SQL_NTS);
    SQLRowCount(st, &count);
    t_ok(count == 4 || count == -1, "SELECT: row count 4 or unknown (%ld)", (long)count);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_batches(void)
{
    SQLHSTMT st = t_stmt(dbc);
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)"SELECT 1; SELECT 2, 3; UPDATE " TBL " SET n = 9 WHERE id IN (10, 11)",
                                 SQL_NTS);
    T_STMT_RC(st, rc, SQL_SUCCESS, "batch of three statements");
    char v[2][256];
    SQLSMALLINT cols = -1;
    SQLNumResultCols(st, &cols);
    t_is_int(cols, 1, "result 1: one column");
    fetch_text(st, 1, v);
    t_is_str(v[0], "1", "result 1: 1");
    T_STMT_RC(st, SQLMoreResults(st), SQL_SUCCESS, "SQLMoreResults to result 2");
    SQLNumResultCols(st, &cols);
    t_is_int(cols, 2, "result 2: two columns");
    rc = fetch_text(st, 2, v);
    T_STMT_RC(st, rc, SQL_SUCCESS, "result 2: a row");
    t_is_str(v[0], "2", "result 2: 2");
    t_is_str(v[1], "3", "result 2: 3");
    T_STMT_RC(st, SQLFetch(st), SQL_NO_DATA, "result 2: one row");
    T_STMT_RC(st, SQLMoreResults(st), SQL_SUCCESS, "SQLMoreResults to the UPDATE");
    SQLNumResultCols(st, &cols);
    t_is_int(cols, 0, "the UPDATE has no columns");
    SQLLEN count = -2;
    SQLRowCount(st, &count);
    t_is_int(count, 2, "the UPDATE changed 2 rows");
    T_STMT_RC(st, SQLMoreResults(st), SQL_NO_DATA, "no more results");
    /* the statement is back in state S1: the driver manager refuses a fetch */
    T_STMT_RC(st, SQLFetch(st), SQL_ERROR, "SQLFetch after the last result fails");
    t_state(SQL_HANDLE_STMT, st, "HY010", "and says HY010 (function sequence)");

    /* an error in the middle of a batch */
    rc = SQLExecDirect(st, (SQLCHAR *)"SELECT 1; SELECT 1/0; SELECT 3", SQL_NTS);
    T_STMT_RC(st, rc, SQL_ERROR, "a batch with a failing statement fails");
    t_state(SQL_HANDLE_STMT, st, "22012", "division by zero: 22012");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_errors(void)
{
    SQLHSTMT st = t_stmt(dbc);
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)"SELEC 1", SQL_NTS);
    T_STMT_RC(st, rc, SQL_ERROR, "a syntax error fails");
    char state[6], msg[4096];
    SQLINTEGER native = -1;
    t_diag_rec(SQL_HANDLE_STMT, st, 1, state, &native, msg, sizeof msg);
    t_is_str(state, "42601", "syntax error: 42601");
    t_like(msg, "syntax error at or near \"SELEC\"", "syntax error: the server's message");
    t_ok(strncmp(msg, "[rsodbc]", 8) == 0 || strstr(msg, "[rsodbc]") != NULL, "the message names the driver");

    /* the same through SQLPrepare: reported by SQLPrepare or, deferred, by SQLExecute */
    rc = SQLPrepare(st, (SQLCHAR *)"SELEC 2", SQL_NTS);
    if (rc == SQL_SUCCESS)
        rc = SQLExecute(st);
    T_STMT_RC(st, rc, SQL_ERROR, "a prepared syntax error fails");
    t_state(SQL_HANDLE_STMT, st, "42601", "prepared syntax error: 42601");

    rc = SQLExecDirect(st, (SQLCHAR *)"SELECT * FROM no_such_table_x", SQL_NTS);
    T_STMT_RC(st, rc, SQL_ERROR, "an unknown table fails");
    t_state(SQL_HANDLE_STMT, st, "42P01", "unknown table: 42P01");
    rc = SQLExecDirect(st, (SQLCHAR *)"INSERT INTO " TBL " (id) VALUES (1)", SQL_NTS);
    T_STMT_RC(st, rc, SQL_ERROR, "a duplicate key fails");
    t_state(SQL_HANDLE_STMT, st, "23505", "duplicate key: 23505");

    /* the statement works again afterwards */
    rc = SQLExecDirect(st, (SQLCHAR *)"SELECT 5", SQL_NTS);
    T_STMT_RC(st, rc, SQL_SUCCESS, "the statement works after errors");
    t_is_int(t_diag_count(SQL_HANDLE_STMT, st), 0, "and its records were cleared");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void native(const char *in, const char *want, const char *what)
{
    SQLCHAR out[1024];
    SQLINTEGER len = -1;
    SQLRETURN rc = SQLNativeSql(dbc, (SQLCHAR *)in, SQL_NTS, out, sizeof out, &len);
    T_DBC_RC(dbc, rc, SQL_SUCCESS, "SQLNativeSql: %s", what);
    t_is_str((char *)out, want, "SQLNativeSql: %s text", what);
    t_is_int(len, (long long)strlen(want), "SQLNativeSql: %s length", what);
}

static void test_native_sql(void)
{
    native("SELECT {fn UCASE(name)} FROM t WHERE dt = {d '2024-01-02'}",
           "SELECT UPPER(name) FROM t WHERE dt = DATE '2024-01-02'", "fn UCASE and d");
    native("SELECT {ts '2024-01-02 03:04:05'}, {t '03:04:05'}",
           "SELECT TIMESTAMP '2024-01-02 03:04:05', TIME '03:04:05'", "ts and t");
    native("SELECT {fn LCASE({fn UCASE('x')})}", "SELECT LOWER(UPPER('x'))", "nested escapes");
    native("SELECT a FROM {oj t1 LEFT OUTER JOIN t2 ON t1.a = t2.a}",
           "SELECT a FROM t1 LEFT OUTER JOIN t2 ON t1.a = t2.a", "oj");
    native("SELECT ?, '?', \"?\", E'it\\'s ?', $$ ? $$ -- ?\n/* ? /* ? */ */ FROM t WHERE a = ?",
           "SELECT $1, '?', \"?\", E'it\\'s ?', $$ ? $$ -- ?\n/* ? /* ? */ */ FROM t WHERE a = $2",
           "markers outside literals and comments only");
    native("SELECT '{d ''x''}'", "SELECT '{d ''x''}'", "escapes inside literals stay");

    /* truncation */
    SQLCHAR out[8];
    SQLINTEGER len = -1;
    SQLRETURN rc = SQLNativeSql(dbc, (SQLCHAR *)"SELECT {fn UCASE('abc')}", SQL_NTS, out, sizeof out, &len);
    T_DBC_RC(dbc, rc, SQL_SUCCESS_WITH_INFO, "SQLNativeSql into 8 bytes");
    t_state(SQL_HANDLE_DBC, dbc, "01004", "SQLNativeSql truncation: 01004");
    t_is_str((char *)out, "SELECT ", "SQLNativeSql truncation: 7 bytes and a NUL");
    t_is_int(len, (long long)strlen("SELECT UPPER('abc')"), "SQLNativeSql truncation: full length");

    /* markers inside literals and comments are not parameters */
    SQLHSTMT st = t_stmt(dbc);
    rc = SQLPrepare(st, (SQLCHAR *)"SELECT ?::int + 1, '?', $$?$$ /* ? */ -- ?\n", SQL_NTS);
    T_STMT_RC(st, rc, SQL_SUCCESS, "SQLPrepare with markers in literals and comments");
    SQLSMALLINT np = -1;
    SQLNumParams(st, &np);
    t_is_int(np, 1, "only one marker counts");
    SQLINTEGER one = 41;
    SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &one, 0, NULL);
    rc = SQLExecute(st);
    T_STMT_RC(st, rc, SQL_SUCCESS, "and it executes with one parameter");
    char v[3][256];
    fetch_text(st, 3, v);
    t_is_str(v[0], "42", "the parameter");
    t_is_str(v[1], "?", "the literal '?'");
    t_is_str(v[2], "?", "the dollar-quoted ?");
    SQLFreeStmt(st, SQL_CLOSE);
    SQLFreeStmt(st, SQL_RESET_PARAMS);

    /* escapes run */
    rc = SQLExecDirect(st, (SQLCHAR *)"SELECT {fn UCASE('abc')}, {d '2024-01-02'}, {fn CONCAT('a', 'b')}", SQL_NTS);
    T_STMT_RC(st, rc, SQL_SUCCESS, "escapes execute");
    fetch_text(st, 3, v);
    t_is_str(v[0], "ABC", "{fn UCASE('abc')}");
    t_is_str(v[1], "2024-01-02", "{d '2024-01-02'}");
    t_is_str(v[2], "ab", "{fn CONCAT('a', 'b')}");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_param_arrays(void)
{
    SQLHSTMT st = t_stmt(dbc);
    t_exec(st, "DELETE FROM " TBL " WHERE id >= 100");
    enum { N = 4 };
    SQLINTEGER ids[N] = { 100, 101, 102, 103 };
    char names[N][16] = { "a", "bb", "ccc", "dddd" };
    SQLLEN name_ind[N] = { SQL_NTS, SQL_NTS, SQL_NULL_DATA, 4 };
    SQLUSMALLINT status[N];
    SQLULEN processed = 99;
    memset(status, 0xEE, sizeof status);

    SQLRETURN rc = SQLSetStmtAttr(st, SQL_ATTR_PARAMSET_SIZE, (SQLPOINTER)N, 0);
    T_STMT_RC(st, rc, SQL_SUCCESS, "SQL_ATTR_PARAMSET_SIZE 4");
    SQLSetStmtAttr(st, SQL_ATTR_PARAM_STATUS_PTR, status, 0);
    SQLSetStmtAttr(st, SQL_ATTR_PARAMS_PROCESSED_PTR, &processed, 0);
    rc = SQLPrepare(st, (SQLCHAR *)"INSERT INTO " TBL " (id, name) VALUES (?, ?)", SQL_NTS);
    SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, ids, 0, NULL);
    SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 15, 0, names, 16, name_ind);
    rc = SQLExecute(st);
    T_STMT_RC(st, rc, SQL_SUCCESS, "column-wise parameter array of 4");
    t_is_int((long long)processed, 4, "4 sets processed");
    for (int i = 0; i < N; i++)
        t_is_int(status[i], SQL_PARAM_SUCCESS, "set %d: SQL_PARAM_SUCCESS", i + 1);
    SQLLEN count = -2;
    SQLRowCount(st, &count);
    t_is_int(count, 4, "row count: 4 rows in all");

    SQLHSTMT q = t_stmt(dbc);
    char got[1024];
    t_query_str(dbc, "SELECT string_agg(id || ':' || coalesce(name, 'NULL'), ',' ORDER BY id) FROM " TBL
                " WHERE id >= 100", got, sizeof got);
    t_is_str(got, "100:a,101:bb,102:NULL,103:dddd", "the four rows as bound");

    /* one set fails (duplicate key), one is ignored */
    ids[0] = 104;
    ids[1] = 101;   /* exists */
    ids[2] = 105;
    ids[3] = 106;
    SQLUSMALLINT ops[N] = { SQL_PARAM_PROCEED, SQL_PARAM_PROCEED, SQL_PARAM_PROCEED, SQL_PARAM_IGNORE };
    SQLSetStmtAttr(st, SQL_ATTR_PARAM_OPERATION_PTR, ops, 0);
    memset(status, 0xEE, sizeof status);
    processed = 99;
    rc = SQLExecute(st);
    T_STMT_RC(st, rc, SQL_SUCCESS_WITH_INFO, "an array with one failing set: SQL_SUCCESS_WITH_INFO");
    t_is_int(status[0], SQL_PARAM_SUCCESS, "set 1 succeeded");
    t_is_int(status[1], SQL_PARAM_ERROR, "set 2 failed");
    t_is_int(status[2], SQL_PARAM_SUCCESS, "set 3 succeeded after the failure");
    t_is_int(status[3], SQL_PARAM_UNUSED, "set 4 was ignored");
    t_ok(processed == 3 || processed == 4, "sets processed: %lu", (unsigned long)processed);
    char state[6];
    t_diag_rec(SQL_HANDLE_STMT, st, 1, state, NULL, NULL, 0);
    t_is_str(state, "23505", "the failing set's SQLSTATE");
    SQLLEN rownum = -7;
    rc = SQLGetDiagField(SQL_HANDLE_STMT, st, 1, SQL_DIAG_ROW_NUMBER, &rownum, 0, NULL);
    t_is_int(rownum, 2, "SQL_DIAG_ROW_NUMBER names the failing set");
    t_query_str(dbc, "SELECT string_agg(id::text, ',' ORDER BY id) FROM " TBL " WHERE id >= 104", got, sizeof got);
    t_is_str(got, "104,105", "the good sets were inserted, the ignored one not");

    /* row-wise binding */
    SQLFreeStmt(st, SQL_RESET_PARAMS);
    SQLSetStmtAttr(st, SQL_ATTR_PARAM_OPERATION_PTR, NULL, 0);
    struct row { SQLINTEGER id; SQLLEN id_ind; char name[8]; SQLLEN name_ind; } rows[3] = {
        { 110, 0, "x", SQL_NTS }, { 111, 0, "yy", SQL_NTS }, { 112, 0, "zzz", SQL_NTS } };
    SQLSetStmtAttr(st, SQL_ATTR_PARAMSET_SIZE, (SQLPOINTER)3, 0);
    SQLSetStmtAttr(st, SQL_ATTR_PARAM_BIND_TYPE, (SQLPOINTER)sizeof(struct row), 0);
    SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &rows[0].id, 0, &rows[0].id_ind);
    SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 7, 0, rows[0].name, 8, &rows[0].name_ind);
    processed = 99;
    rc = SQLExecute(st);
    T_STMT_RC(st, rc, SQL_SUCCESS, "row-wise parameter array of 3");
    t_is_int((long long)processed, 3, "3 sets processed");
    t_query_str(dbc, "SELECT string_agg(id || ':' || name, ',' ORDER BY id) FROM " TBL " WHERE id >= 110",
                got, sizeof got);
    t_is_str(got, "110:x,111:yy,112:zzz", "row-wise values arrive");
    SQLFreeHandle(SQL_HANDLE_STMT, q);
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    /* a SELECT with a parameter array: SQL_PARAM_ARRAY_SELECTS says SQL_PAS_BATCH, one result
     * set per parameter set, reached with SQLMoreResults */
    SQLUINTEGER pas = 0;
    SQLGetInfo(dbc, SQL_PARAM_ARRAY_SELECTS, &pas, sizeof pas, NULL);
    st = t_stmt(dbc);
    SQLINTEGER in[3] = { 1, 2, 3 };
    SQLSetStmtAttr(st, SQL_ATTR_PARAMSET_SIZE, (SQLPOINTER)3, 0);
    SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, in, 0, NULL);
    rc = SQLExecDirect(st, (SQLCHAR *)"SELECT ?::int * 10", SQL_NTS);
    T_STMT_RC(st, rc, SQL_SUCCESS, "a SELECT with 3 parameter sets");
    if (pas == SQL_PAS_BATCH) {
        for (int i = 0; i < 3; i++) {
            SQLINTEGER out = 0;
            SQLLEN ind;
            if (i > 0)
                T_STMT_RC(st, SQLMoreResults(st), SQL_SUCCESS, "SQLMoreResults to set %d", i + 1);
            SQLFetch(st);
            SQLGetData(st, 1, SQL_C_SLONG, &out, 0, &ind);
            t_is_int(out, (i + 1) * 10, "set %d: its own result", i + 1);
        }
        T_STMT_RC(st, SQLMoreResults(st), SQL_NO_DATA, "three result sets, no more");
    } else {
        t_is_int(pas, SQL_PAS_NO_SELECT, "SQL_PARAM_ARRAY_SELECTS is SQL_PAS_BATCH or SQL_PAS_NO_SELECT");
    }
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* A prepared SELECT executed again keeps its result description when the columns are the same
 * (stmt/result.c, ird_describes), but PostgreSQL re-plans a prepared statement whose table
 * changed: SELECT * then returns the new column, and a column's new type. The description must
 * follow each time, and so must the fetch plan (kept on the statement across executions), also
 * when only the binding changed. */
static void test_prepared_shape(void)
{
    SQLHSTMT st = t_stmt(dbc);
    t_exec(st, "DROP TABLE IF EXISTS rs_shape");
    t_exec(st, "CREATE TABLE rs_shape (a int4, b text)");
    t_exec(st, "INSERT INTO rs_shape VALUES (1, 'one')");
    T_STMT_RC(st, SQLPrepare(st, (SQLCHAR *)"SELECT * FROM rs_shape", SQL_NTS), SQL_SUCCESS, "prepare SELECT *");
    SQLINTEGER a = 0;
    char b[32];
    SQLLEN ia, ib;
    SQLBindCol(st, 1, SQL_C_SLONG, &a, 0, &ia);
    SQLBindCol(st, 2, SQL_C_CHAR, b, sizeof b, &ib);
    for (int i = 0; i < 3; i++) {
        T_STMT_RC(st, SQLExecute(st), SQL_SUCCESS, "execution %d", i + 1);
        T_STMT_RC(st, SQLFetch(st), SQL_SUCCESS, "its row");
        t_ok(a == 1 && strcmp(b, "one") == 0, "execution %d: 1, one (got %d, %s)", i + 1, (int)a, b);
        SQLCloseCursor(st);
    }
    char other[32];
    SQLLEN io;
    SQLBindCol(st, 2, SQL_C_CHAR, other, sizeof other, &io);   /* a new binding between executions */
    T_STMT_RC(st, SQLExecute(st), SQL_SUCCESS, "execution with column 2 bound elsewhere");
    SQLFetch(st);
    t_is_str(other, "one", "the value goes to the new binding");
    SQLCloseCursor(st);
    SQLHSTMT alt = t_stmt(dbc);
    /* a new column: the server re-plans the prepared SELECT *, which now returns it too */
    t_exec(alt, "ALTER TABLE rs_shape ADD COLUMN c int8 DEFAULT 7");
    SQLBIGINT c = 0;
    SQLLEN ic;
    SQLBindCol(st, 3, SQL_C_SBIGINT, &c, 0, &ic);
    T_STMT_RC(st, SQLExecute(st), SQL_SUCCESS, "executing it after the table gained a column works");
    SQLSMALLINT ncols = 0;
    SQLNumResultCols(st, &ncols);
    SQLRETURN rc = SQLFetch(st);
    t_ok(ncols == 3 && SQL_SUCCEEDED(rc) && a == 1 && strcmp(other, "one") == 0 && c == 7,
         "the server re-planned it: three columns, the new one read (%d columns, c %lld)", ncols, (long long)c);
    SQLCloseCursor(st);
    /* a column's type changed: described and converted as its new type */
    t_exec(alt, "ALTER TABLE rs_shape ALTER COLUMN a TYPE numeric(10,3)");
    t_exec(alt, "UPDATE rs_shape SET a = 2.5");
    SQLFreeHandle(SQL_HANDLE_STMT, alt);
    T_STMT_RC(st, SQLExecute(st), SQL_SUCCESS, "executing it after column a changed type works");
    SQLLEN t1 = 0;
    SQLColAttribute(st, 1, SQL_DESC_CONCISE_TYPE, NULL, 0, NULL, &t1);
    t_is_int(t1, SQL_NUMERIC, "column a is described as its new type, SQL_NUMERIC");
    rc = SQLFetch(st);
    t_ok(rc == SQL_SUCCESS_WITH_INFO && a == 2, "2.500 into SQL_C_SLONG: 2 with 01S07 (rc %d, a %d)", rc, (int)a);
    SQLCloseCursor(st);
    SQLFreeStmt(st, SQL_CLOSE);
    SQLFreeStmt(st, SQL_UNBIND);
    t_exec(st, "DROP TABLE rs_shape");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

int main(void)
{
    t_start(120);
    env = t_env_alloc();
    dbc = t_connect(env, "");
    test_exec_direct();
    test_wide_text();
    test_parameters();
    test_prepared_metadata();
    test_row_counts();
    test_batches();
    test_errors();
    test_native_sql();
    test_param_arrays();
    many_markers(16);
    many_markers(17);
    test_single_set_offset();
    test_float_text();
    test_prepared_shape();
    SQLHSTMT st = t_stmt(dbc);
    t_exec(st, "DROP TABLE " TBL);
    t_disconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    return t_done();
}
