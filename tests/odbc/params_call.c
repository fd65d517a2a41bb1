/* params_call.c - output parameters of {call} escapes through unixODBC: the return value of
 * {? = call f(?, ?)} (a function, run as SELECT), INPUT_OUTPUT and OUTPUT parameters of
 * {call p(?, ?, ?)} (a procedure, run as CALL), NULL outputs, 01004 on a short output
 * buffer, no cursor left open, SQLNumParams and SQLDescribeParam counting the return marker,
 * prepared and direct execution, and parameter arrays writing each set's outputs. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "odbctest.h"

static SQLHENV env;
static SQLHDBC dbc;
static char f_add[64], f_txt[64], f_null[64], p_io[64], p_in[64], tbl[64];

#define exec_fmt(st, fmt, name)                      \
    do {                                             \
        char sql_[512];                              \
        snprintf(sql_, sizeof sql_, fmt, name);      \
        t_exec(st, sql_);                            \
    } while (0)

static void setup(void)
{
    long pid = (long)getpid();
    snprintf(f_add, sizeof f_add, "odbc_call_add_%ld", pid);
    snprintf(f_txt, sizeof f_txt, "odbc_call_txt_%ld", pid);
    snprintf(f_null, sizeof f_null, "odbc_call_null_%ld", pid);
    snprintf(p_io, sizeof p_io, "odbc_call_io_%ld", pid);
    snprintf(p_in, sizeof p_in, "odbc_call_in_%ld", pid);
    snprintf(tbl, sizeof tbl, "odbc_call_t_%ld", pid);
    SQLHSTMT st = t_stmt(dbc);
    exec_fmt(st, "CREATE FUNCTION %s(a int, b int) RETURNS int LANGUAGE sql AS 'SELECT a + b'", f_add);
    exec_fmt(st, "CREATE FUNCTION %s(n int) RETURNS text LANGUAGE sql AS 'SELECT repeat(''x'', n)'", f_txt);
    exec_fmt(st, "CREATE FUNCTION %s() RETURNS int LANGUAGE sql AS 'SELECT NULL::int'", f_null);
    /* a in, b doubled in place, c the text of a and the old b; d NULL */
    exec_fmt(st, "CREATE PROCEDURE %s(a int, INOUT b int, OUT c text, OUT d int) LANGUAGE plpgsql AS "
                 "$$BEGIN c := a || '+' || b; b := b * 2; d := NULL; END$$", p_io);
    exec_fmt(st, "CREATE TABLE %s (v int)", tbl);
    char sql[256];
    snprintf(sql, sizeof sql, "CREATE PROCEDURE %s(v int) LANGUAGE sql AS $$INSERT INTO %s VALUES (v)$$", p_in, tbl);
    t_exec(st, sql);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void teardown(void)
{
    SQLHSTMT st = t_stmt(dbc);
    exec_fmt(st, "DROP FUNCTION %s(int, int)", f_add);
    exec_fmt(st, "DROP FUNCTION %s(int)", f_txt);
    exec_fmt(st, "DROP FUNCTION %s()", f_null);
    exec_fmt(st, "DROP PROCEDURE %s(int, int, text, int)", p_io);
    exec_fmt(st, "DROP PROCEDURE %s(int)", p_in);
    exec_fmt(st, "DROP TABLE %s", tbl);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* {? = call f(?, ?)}: the function's value lands in parameter 1. */
static void test_return_value(void)
{
    SQLHSTMT st = t_stmt(dbc);
    char sql[128];
    snprintf(sql, sizeof sql, "{? = call %s(?, ?)}", f_add);
    T_STMT_RC(st, SQLPrepare(st, (SQLCHAR *)sql, SQL_NTS), SQL_SUCCESS, "prepare {? = call f(?, ?)}");
    SQLSMALLINT n = -1;
    T_STMT_RC(st, SQLNumParams(st, &n), SQL_SUCCESS, "SQLNumParams");
    t_is_int(n, 3, "three parameters: the return value and two arguments");
    SQLSMALLINT type = 0, digits = -1, nullable = -1;
    SQLULEN size = 0;
    T_STMT_RC(st, SQLDescribeParam(st, 1, &type, &size, &digits, &nullable), SQL_SUCCESS, "describe the return value");
    t_is_int(type, SQL_INTEGER, "the return value is the function's type, SQL_INTEGER");
    t_is_int(size, 10, "column size 10");
    type = 0;
    T_STMT_RC(st, SQLDescribeParam(st, 3, &type, &size, &digits, &nullable), SQL_SUCCESS, "describe argument 2 (marker 3)");
    t_is_int(type, SQL_INTEGER, "an integer argument");
    SQLRETURN rc = SQLDescribeParam(st, 4, &type, &size, &digits, &nullable);
    T_STMT_RC(st, rc, SQL_ERROR, "marker 4 does not exist");
    t_state(SQL_HANDLE_STMT, st, "07009", "07009");

    SQLINTEGER ret = -1, a = 40, b = 2;
    SQLLEN ret_ind = 12345, a_ind = 0, b_ind = 0;
    SQLBindParameter(st, 1, SQL_PARAM_OUTPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &ret, 0, &ret_ind);
    SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &a, 0, &a_ind);
    SQLBindParameter(st, 3, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &b, 0, &b_ind);
    T_STMT_RC(st, SQLExecute(st), SQL_SUCCESS, "execute");
    t_is_int(ret, 42, "the return value: 40 + 2");
    t_is_int(ret_ind, sizeof(SQLINTEGER), "its indicator is the integer's size");
    SQLSMALLINT cols = -1;
    T_STMT_RC(st, SQLNumResultCols(st, &cols), SQL_SUCCESS, "SQLNumResultCols");
    t_is_int(cols, 0, "no result set: the value went to the parameter");
    rc = SQLFetch(st);
    T_STMT_RC(st, rc, SQL_ERROR, "SQLFetch has nothing to fetch");
    t_state(SQL_HANDLE_STMT, st, "24000", "24000");
    T_STMT_RC(st, SQLMoreResults(st), SQL_NO_DATA, "SQLMoreResults: no more results");

    a = -7;
    b_ind = SQL_NULL_DATA;
    T_STMT_RC(st, SQLExecute(st), SQL_SUCCESS, "execute again, an argument NULL");
    t_is_int(ret_ind, SQL_NULL_DATA, "a NULL return value: SQL_NULL_DATA");
    b_ind = 0;
    b = 10;
    T_STMT_RC(st, SQLExecute(st), SQL_SUCCESS, "and again");
    t_is_int(ret, 3, "-7 + 10");

    /* the return value as text */
    char txt[16] = "";
    SQLLEN txt_ind = 0;
    SQLBindParameter(st, 1, SQL_PARAM_OUTPUT, SQL_C_CHAR, SQL_VARCHAR, sizeof txt, 0, txt, sizeof txt, &txt_ind);
    T_STMT_RC(st, SQLExecute(st), SQL_SUCCESS, "the return value into a character buffer");
    t_is_str(txt, "3", "as text");
    t_is_int(txt_ind, 1, "length 1");
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    /* SQLExecDirect, no arguments, a NULL value, and no indicator for it */
    st = t_stmt(dbc);
    snprintf(sql, sizeof sql, "{ ?= call %s }", f_null);
    ret = 99;
    ret_ind = 0;
    SQLBindParameter(st, 1, SQL_PARAM_OUTPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &ret, 0, &ret_ind);
    T_STMT_RC(st, SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS), SQL_SUCCESS, "SQLExecDirect {?= call f} without parentheses");
    t_is_int(ret_ind, SQL_NULL_DATA, "NULL return value: SQL_NULL_DATA");
    t_is_int(ret, 99, "the value buffer untouched");
    SQLBindParameter(st, 1, SQL_PARAM_OUTPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &ret, 0, NULL);
    rc = SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS);
    T_STMT_RC(st, rc, SQL_ERROR, "NULL into an output parameter without an indicator fails");
    t_state(SQL_HANDLE_STMT, st, "22002", "22002");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* A short output buffer: 01004, the value cut, the indicator the whole length. */
static void test_truncation(void)
{
    SQLHSTMT st = t_stmt(dbc);
    char sql[128];
    snprintf(sql, sizeof sql, "{? = call %s(?)}", f_txt);
    char out[5];
    memset(out, '#', sizeof out);
    SQLLEN out_ind = 0, n_ind = 0;
    SQLINTEGER n = 12;
    SQLBindParameter(st, 1, SQL_PARAM_OUTPUT, SQL_C_CHAR, SQL_VARCHAR, 100, 0, out, sizeof out, &out_ind);
    SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &n, 0, &n_ind);
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS);
    T_STMT_RC(st, rc, SQL_SUCCESS_WITH_INFO, "a 12-character value into a 5-byte buffer");
    t_state(SQL_HANDLE_STMT, st, "01004", "01004 string data, right truncated");
    t_is_str(out, "xxxx", "four characters and the terminator");
    t_is_int(out_ind, 12, "the indicator says the whole length");

    /* wide characters */
    SQLWCHAR wout[4];
    SQLLEN wind = 0;
    n = 3;
    SQLBindParameter(st, 1, SQL_PARAM_OUTPUT, SQL_C_WCHAR, SQL_WVARCHAR, 100, 0, wout, sizeof wout, &wind);
    rc = SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS);
    T_STMT_RC(st, rc, SQL_SUCCESS, "three characters into a wide buffer of four");
    t_ok(wout[0] == 'x' && wout[2] == 'x' && wout[3] == 0, "UTF-16 xxx");
    t_is_int(wind, 3 * (SQLLEN)sizeof(SQLWCHAR), "indicator in bytes");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* {call p(?, ?, ?, ?)}: an input, an INPUT_OUTPUT, and two OUTPUT parameters. */
static void test_procedure(void)
{
    SQLHSTMT st = t_stmt(dbc);
    char sql[128];
    snprintf(sql, sizeof sql, "{call %s(?, ?, ?, ?)}", p_io);
    T_STMT_RC(st, SQLPrepare(st, (SQLCHAR *)sql, SQL_NTS), SQL_SUCCESS, "prepare {call p(?, ?, ?, ?)}");
    SQLSMALLINT np = -1;
    SQLNumParams(st, &np);
    t_is_int(np, 4, "four parameters");
    SQLINTEGER a = 5, b = 21, d = 77;
    char c[32] = "";
    SQLLEN a_ind = 0, b_ind = 0, c_ind = 0, d_ind = 0;
    /* an OUTPUT indicator holding what would read as data at execution must not be taken so */
    c_ind = SQL_DATA_AT_EXEC;
    SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &a, 0, &a_ind);
    SQLBindParameter(st, 2, SQL_PARAM_INPUT_OUTPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &b, 0, &b_ind);
    SQLBindParameter(st, 3, SQL_PARAM_OUTPUT, SQL_C_CHAR, SQL_VARCHAR, sizeof c, 0, c, sizeof c, &c_ind);
    SQLBindParameter(st, 4, SQL_PARAM_OUTPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &d, 0, &d_ind);
    T_STMT_RC(st, SQLExecute(st), SQL_SUCCESS, "execute the procedure");
    t_is_int(b, 42, "INPUT_OUTPUT: 21 went in, 42 came back");
    t_is_int(b_ind, sizeof(SQLINTEGER), "its indicator");
    t_is_str(c, "5+21", "OUTPUT text from the input and the old INOUT value");
    t_is_int(c_ind, 4, "its length");
    t_is_int(d_ind, SQL_NULL_DATA, "a NULL OUTPUT: SQL_NULL_DATA");
    t_is_int(d, 77, "its buffer untouched");
    SQLSMALLINT cols = -1;
    SQLNumResultCols(st, &cols);
    t_is_int(cols, 0, "no result set after the call");
    T_STMT_RC(st, SQLExecute(st), SQL_SUCCESS, "execute again: the INOUT value goes round again");
    t_is_int(b, 84, "42 doubled");
    t_is_str(c, "5+42", "the text follows");

    /* the INOUT value as text both ways, with a short OUTPUT buffer */
    char bs[8] = "9";
    SQLLEN bs_ind = SQL_NTS;
    char c2[3] = "";
    SQLBindParameter(st, 2, SQL_PARAM_INPUT_OUTPUT, SQL_C_CHAR, SQL_INTEGER, 0, 0, bs, sizeof bs, &bs_ind);
    SQLBindParameter(st, 3, SQL_PARAM_OUTPUT, SQL_C_CHAR, SQL_VARCHAR, sizeof c2, 0, c2, sizeof c2, &c_ind);
    SQLRETURN rc = SQLExecute(st);
    T_STMT_RC(st, rc, SQL_SUCCESS_WITH_INFO, "a short OUTPUT buffer");
    t_state(SQL_HANDLE_STMT, st, "01004", "01004 for the output parameter");
    t_is_str(bs, "18", "INOUT text in, text out");
    t_is_int(bs_ind, 2, "its length");
    t_is_str(c2, "5+", "OUTPUT cut to the buffer");
    t_is_int(c_ind, 3, "the indicator says 3");
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    /* a procedure with input parameters only: a plain CALL, nothing written back */
    st = t_stmt(dbc);
    snprintf(sql, sizeof sql, "{call %s(?)}", p_in);
    SQLINTEGER v = 314;
    SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &v, 0, NULL);
    T_STMT_RC(st, SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS), SQL_SUCCESS, "{call p(?)} with an input only");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    char got[64];
    snprintf(sql, sizeof sql, "SELECT sum(v) FROM %s", tbl);
    t_query_str(dbc, sql, got, sizeof got);
    t_is_str(got, "314", "the procedure ran");
}

/* A parameter array: each set's return value lands in its own row of the output array. */
static void test_array(void)
{
    SQLHSTMT st = t_stmt(dbc);
    char sql[128];
    snprintf(sql, sizeof sql, "{? = call %s(?, ?)}", f_add);
    SQLINTEGER ret[3] = { -1, -1, -1 }, a[3] = { 1, 2, 3 }, b[3] = { 10, 20, 30 };
    SQLLEN ret_ind[3] = { 0, 0, 0 }, b_ind[3] = { 0, SQL_NULL_DATA, 0 };
    SQLULEN done = 0;
    SQLUSMALLINT status[3] = { 9, 9, 9 };
    SQLSetStmtAttr(st, SQL_ATTR_PARAMSET_SIZE, (SQLPOINTER)3, 0);
    SQLSetStmtAttr(st, SQL_ATTR_PARAMS_PROCESSED_PTR, &done, 0);
    SQLSetStmtAttr(st, SQL_ATTR_PARAM_STATUS_PTR, status, 0);
    SQLBindParameter(st, 1, SQL_PARAM_OUTPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, ret, 0, ret_ind);
    SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, a, 0, NULL);
    SQLBindParameter(st, 3, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, b, 0, b_ind);
    T_STMT_RC(st, SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS), SQL_SUCCESS, "three parameter sets");
    t_is_int(done, 3, "three processed");
    t_ok(ret[0] == 11 && ret[2] == 33, "return values 11 and 33 in rows 1 and 3 (%d, %d)", (int)ret[0], (int)ret[2]);
    t_is_int(ret_ind[1], SQL_NULL_DATA, "row 2 NULL");
    t_ok(status[0] == SQL_PARAM_SUCCESS && status[1] == SQL_PARAM_SUCCESS && status[2] == SQL_PARAM_SUCCESS,
         "every set succeeded");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

int main(void)
{
    t_start(120);
    env = t_env_alloc();
    dbc = t_connect(env, "");
    setup();
    test_return_value();
    test_truncation();
    test_procedure();
    test_array();
    teardown();
    t_disconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    return t_done();
}
