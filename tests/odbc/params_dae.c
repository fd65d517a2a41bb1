/* params_dae.c - data at execution through unixODBC: SQL_DATA_AT_EXEC and
 * SQL_LEN_DATA_AT_EXEC(n) parameters, SQLParamData tokens in order, SQLPutData in pieces
 * (character, binary, wide with a surrogate pair split between pieces), NULL, fixed-size
 * values, HY019/HY020, function sequence errors, SQLCancel ending the sequence, parameter
 * arrays, SQLExecDirect; SQLDescribeParam; and SQLCancel from another thread ending a long
 * SQLExecDirect with HY008. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "odbctest.h"

#define TBL "odbc_dae_t"

static SQLHENV env;
static SQLHDBC dbc;

/* One text value of a query (first column of the first row). */
static void query_str(const char *sql, char *out, size_t outlen)
{
    SQLRETURN rc = t_query_str(dbc, sql, out, outlen);
    if (!SQL_SUCCEEDED(rc))
        snprintf(out, outlen, "(query failed %d)", rc);
}

static void test_pieces(void)
{
    SQLHSTMT st = t_stmt(dbc);
    t_exec(st, "DROP TABLE IF EXISTS " TBL);
    t_exec(st, "CREATE TABLE " TBL " (id int, txt text, bin bytea, num int, note text)");
    SQLRETURN rc = SQLPrepare(st, (SQLCHAR *)"INSERT INTO " TBL " VALUES (1, ?, ?, ?, ?)", SQL_NTS);
    T_STMT_RC(st, rc, SQL_SUCCESS, "prepare an INSERT with four parameters");
    SQLLEN ind_txt = SQL_LEN_DATA_AT_EXEC(0), ind_bin = SQL_DATA_AT_EXEC, ind_num = SQL_DATA_AT_EXEC,
           ind_note = SQL_LEN_DATA_AT_EXEC(100);
    SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_LONGVARCHAR, 1000, 0, (SQLPOINTER)1, 0, &ind_txt);
    SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_BINARY, SQL_LONGVARBINARY, 1000, 0, (SQLPOINTER)2, 0, &ind_bin);
    SQLBindParameter(st, 3, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, (SQLPOINTER)3, 0, &ind_num);
    SQLBindParameter(st, 4, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 100, 0, (SQLPOINTER)4, 0, &ind_note);

    rc = SQLExecute(st);
    T_STMT_RC(st, rc, SQL_NEED_DATA, "SQLExecute asks for data at execution");
    rc = SQLPutData(st, "x", 1);
    T_STMT_RC(st, rc, SQL_ERROR, "SQLPutData before SQLParamData fails");
    t_state(SQL_HANDLE_STMT, st, "HY010", "SQLPutData before SQLParamData: HY010");

    SQLPOINTER token = NULL;
    rc = SQLParamData(st, &token);
    T_STMT_RC(st, rc, SQL_NEED_DATA, "SQLParamData names the first parameter");
    t_ok(token == (SQLPOINTER)1, "its token is parameter 1's ParameterValuePtr");
    T_STMT_RC(st, SQLPutData(st, "hello, ", SQL_NTS), SQL_SUCCESS, "first piece (SQL_NTS)");
    T_STMT_RC(st, SQLPutData(st, "wide worldXXX", 10), SQL_SUCCESS, "second piece (a length)");

    rc = SQLParamData(st, &token);
    T_STMT_RC(st, rc, SQL_NEED_DATA, "then the second parameter");
    t_ok(token == (SQLPOINTER)2, "token 2");
    static const unsigned char b1[] = { 0x00, 0x01 }, b2[] = { 0xfe, 0x00, 0xff };
    T_STMT_RC(st, SQLPutData(st, (SQLPOINTER)b1, 2), SQL_SUCCESS, "binary piece 1 (with a zero byte)");
    T_STMT_RC(st, SQLPutData(st, (SQLPOINTER)b2, 3), SQL_SUCCESS, "binary piece 2");

    rc = SQLParamData(st, &token);
    T_STMT_RC(st, rc, SQL_NEED_DATA, "then the third parameter");
    t_ok(token == (SQLPOINTER)3, "token 3");
    SQLINTEGER num = 42;
    T_STMT_RC(st, SQLPutData(st, &num, 0), SQL_SUCCESS, "an integer in one piece (length ignored)");

    rc = SQLParamData(st, &token);
    T_STMT_RC(st, rc, SQL_NEED_DATA, "then the fourth parameter");
    t_ok(token == (SQLPOINTER)4, "token 4");
    T_STMT_RC(st, SQLPutData(st, NULL, SQL_NULL_DATA), SQL_SUCCESS, "SQL_NULL_DATA");

    rc = SQLParamData(st, &token);
    T_STMT_RC(st, rc, SQL_SUCCESS, "the last SQLParamData executes");
    SQLLEN count = -1;
    SQLRowCount(st, &count);
    t_is_int(count, 1, "one row inserted");

    char v[256];
    query_str("SELECT txt FROM " TBL " WHERE id = 1", v, sizeof v);
    t_is_str(v, "hello, wide world", "character pieces concatenated");
    query_str("SELECT encode(bin, 'hex') FROM " TBL " WHERE id = 1", v, sizeof v);
    t_is_str(v, "0001fe00ff", "binary pieces concatenated");
    query_str("SELECT num FROM " TBL " WHERE id = 1", v, sizeof v);
    t_is_str(v, "42", "the integer");
    query_str("SELECT coalesce(note, 'IS NULL') FROM " TBL " WHERE id = 1", v, sizeof v);
    t_is_str(v, "IS NULL", "the NULL");

    /* the prepared statement runs again, asking again */
    ind_txt = SQL_DATA_AT_EXEC;
    ind_bin = SQL_NULL_DATA;
    ind_num = SQL_DATA_AT_EXEC;
    ind_note = SQL_NULL_DATA;
    rc = SQLExecute(st);
    T_STMT_RC(st, rc, SQL_NEED_DATA, "executing again asks again");
    T_STMT_RC(st, SQLParamData(st, &token), SQL_NEED_DATA, "parameter 1");
    T_STMT_RC(st, SQLPutData(st, "abc", 3), SQL_SUCCESS, "data");
    T_STMT_RC(st, SQLParamData(st, &token), SQL_NEED_DATA, "parameter 3 (2 is bound NULL)");
    t_ok(token == (SQLPOINTER)3, "token 3");
    num = 7;
    T_STMT_RC(st, SQLPutData(st, &num, sizeof num), SQL_SUCCESS, "an integer");
    rc = SQLPutData(st, &num, sizeof num);
    T_STMT_RC(st, rc, SQL_ERROR, "a second piece of an integer fails");
    t_state(SQL_HANDLE_STMT, st, "HY019", "an integer in pieces: HY019");
    rc = SQLParamData(st, &token);
    T_STMT_RC(st, rc, SQL_ERROR, "an SQLPutData error ended the sequence: SQLParamData fails");
    t_state(SQL_HANDLE_STMT, st, "HY010", "HY010");
    query_str("SELECT count(*) FROM " TBL, v, sizeof v);
    t_is_str(v, "1", "nothing was inserted");

    /* NULL, then data: HY020 */
    T_STMT_RC(st, SQLExecute(st), SQL_NEED_DATA, "executing again");
    T_STMT_RC(st, SQLParamData(st, &token), SQL_NEED_DATA, "parameter 1");
    T_STMT_RC(st, SQLPutData(st, NULL, SQL_NULL_DATA), SQL_SUCCESS, "SQL_NULL_DATA");
    rc = SQLPutData(st, "more", SQL_NTS);
    T_STMT_RC(st, rc, SQL_ERROR, "data after a null value fails");
    t_state(SQL_HANDLE_STMT, st, "HY020", "concatenating to a null value: HY020");

    /* data, then NULL: HY020 */
    T_STMT_RC(st, SQLExecute(st), SQL_NEED_DATA, "executing again after the error");
    T_STMT_RC(st, SQLParamData(st, &token), SQL_NEED_DATA, "parameter 1");
    T_STMT_RC(st, SQLPutData(st, "abc", 3), SQL_SUCCESS, "data");
    rc = SQLPutData(st, NULL, SQL_NULL_DATA);
    T_STMT_RC(st, rc, SQL_ERROR, "a null value after data fails");
    /* unixODBC refuses this itself (HY011) before the driver would say HY020 */
    char state[6] = "";
    t_diag_rec(SQL_HANDLE_STMT, st, 1, state, NULL, NULL, 0);
    t_ok(strcmp(state, "HY020") == 0 || strcmp(state, "HY011") == 0, "null after data: HY020 or the DM's HY011 (%s)", state);
    T_STMT_RC(st, SQLCancel(st), SQL_SUCCESS, "SQLCancel ends what is left of the sequence");

    /* and a whole run once more */
    T_STMT_RC(st, SQLExecute(st), SQL_NEED_DATA, "executing once more");
    T_STMT_RC(st, SQLParamData(st, &token), SQL_NEED_DATA, "parameter 1");
    T_STMT_RC(st, SQLPutData(st, "xyz", SQL_NTS), SQL_SUCCESS, "data");
    T_STMT_RC(st, SQLParamData(st, &token), SQL_NEED_DATA, "parameter 3");
    num = 8;
    T_STMT_RC(st, SQLPutData(st, &num, sizeof num), SQL_SUCCESS, "an integer");
    T_STMT_RC(st, SQLParamData(st, &token), SQL_SUCCESS, "executes");
    query_str("SELECT txt || num FROM " TBL " WHERE num = 8", v, sizeof v);
    t_is_str(v, "xyz8", "the values of that execution");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_sequence(void)
{
    SQLHSTMT st = t_stmt(dbc), other = t_stmt(dbc);
    SQLLEN ind = SQL_DATA_AT_EXEC;
    SQLRETURN rc = SQLPrepare(st, (SQLCHAR *)"SELECT ?::text", SQL_NTS);
    SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 10, 0, (SQLPOINTER)st, 0, &ind);
    rc = SQLExecute(st);
    T_STMT_RC(st, rc, SQL_NEED_DATA, "SQL_NEED_DATA");
    rc = SQLExecDirect(st, (SQLCHAR *)"SELECT 1", SQL_NTS);
    T_STMT_RC(st, rc, SQL_ERROR, "SQLExecDirect while data is needed fails");
    t_state(SQL_HANDLE_STMT, st, "HY010", "HY010");
    rc = SQLFetch(st);
    T_STMT_RC(st, rc, SQL_ERROR, "SQLFetch while data is needed fails");
    t_state(SQL_HANDLE_STMT, st, "HY010", "HY010");
    SQLSMALLINT cols;
    rc = SQLNumResultCols(st, &cols);
    T_STMT_RC(st, rc, SQL_ERROR, "SQLNumResultCols while data is needed fails");
    t_state(SQL_HANDLE_STMT, st, "HY010", "HY010");
    /* another statement of the connection is not affected */
    T_STMT_RC(other, SQLExecDirect(other, (SQLCHAR *)"SELECT 1", SQL_NTS), SQL_SUCCESS,
              "another statement still executes");
    SQLFreeStmt(other, SQL_CLOSE);
    SQLPOINTER token = NULL;
    T_STMT_RC(st, SQLParamData(st, &token), SQL_NEED_DATA, "SQLParamData");
    t_ok(token == (SQLPOINTER)st, "token");
    T_STMT_RC(st, SQLPutData(st, "part", 4), SQL_SUCCESS, "a piece");
    T_STMT_RC(st, SQLCancel(st), SQL_SUCCESS, "SQLCancel ends the sequence");
    rc = SQLParamData(st, &token);
    T_STMT_RC(st, rc, SQL_ERROR, "SQLParamData after the cancel fails");
    t_state(SQL_HANDLE_STMT, st, "HY010", "no sequence any more: HY010");
    rc = SQLPutData(st, "x", 1);
    T_STMT_RC(st, rc, SQL_ERROR, "SQLPutData after the cancel fails");
    char buf[32] = "";
    ind = SQL_NTS;
    SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 10, 0, "plain", 0, &ind);
    T_STMT_RC(st, SQLExecute(st), SQL_SUCCESS, "the statement executes normally afterwards");
    T_STMT_RC(st, SQLFetch(st), SQL_SUCCESS, "fetch");
    SQLLEN got;
    SQLGetData(st, 1, SQL_C_CHAR, buf, sizeof buf, &got);
    t_is_str(buf, "plain", "its value");
    SQLFreeHandle(SQL_HANDLE_STMT, other);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_exec_direct_result(void)
{
    SQLHSTMT st = t_stmt(dbc);
    SQLLEN ind = SQL_LEN_DATA_AT_EXEC(5);
    SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 10, 0, (SQLPOINTER)9, 0, &ind);
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)"SELECT upper(?::text) AS u", SQL_NTS);
    T_STMT_RC(st, rc, SQL_NEED_DATA, "SQLExecDirect asks for data at execution");
    SQLPOINTER token = NULL;
    T_STMT_RC(st, SQLParamData(st, &token), SQL_NEED_DATA, "SQLParamData");
    t_ok(token == (SQLPOINTER)9, "token");
    T_STMT_RC(st, SQLPutData(st, "ab", 2), SQL_SUCCESS, "piece 1");
    T_STMT_RC(st, SQLPutData(st, "cde", 3), SQL_SUCCESS, "piece 2");
    T_STMT_RC(st, SQLParamData(st, &token), SQL_SUCCESS, "executes");
    T_STMT_RC(st, SQLFetch(st), SQL_SUCCESS, "the result set is there");
    char buf[32] = "";
    SQLLEN got;
    SQLGetData(st, 1, SQL_C_CHAR, buf, sizeof buf, &got);
    t_is_str(buf, "ABCDE", "its value");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_wide(void)
{
    SQLHSTMT st = t_stmt(dbc);
    SQLLEN ind = SQL_DATA_AT_EXEC;
    SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_WCHAR, SQL_WVARCHAR, 20, 0, (SQLPOINTER)5, 0, &ind);
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)"SELECT encode(convert_to(?::text, 'UTF8'), 'hex')", SQL_NTS);
    T_STMT_RC(st, rc, SQL_NEED_DATA, "a wide parameter at execution");
    SQLPOINTER token;
    T_STMT_RC(st, SQLParamData(st, &token), SQL_NEED_DATA, "SQLParamData");
    /* "a" U+1F600 "b" U+00E9: the surrogate pair is split between the first two pieces */
    static const SQLWCHAR p1[] = { 'a', 0xD83D }, p2[] = { 0xDE00, 'b' }, p3[] = { 0x00E9, 0 };
    T_STMT_RC(st, SQLPutData(st, (SQLPOINTER)p1, sizeof p1), SQL_SUCCESS, "piece ending in a high surrogate");
    T_STMT_RC(st, SQLPutData(st, (SQLPOINTER)p2, sizeof p2), SQL_SUCCESS, "piece starting with the low surrogate");
    T_STMT_RC(st, SQLPutData(st, (SQLPOINTER)p3, SQL_NTS), SQL_SUCCESS, "a terminated piece");
    T_STMT_RC(st, SQLParamData(st, &token), SQL_SUCCESS, "executes");
    T_STMT_RC(st, SQLFetch(st), SQL_SUCCESS, "fetch");
    char buf[64] = "";
    SQLLEN got;
    SQLGetData(st, 1, SQL_C_CHAR, buf, sizeof buf, &got);
    t_is_str(buf, "61f09f988062c3a9", "UTF-8 of a, U+1F600, b, U+00E9");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_arrays(void)
{
    SQLHSTMT st = t_stmt(dbc);
    SQLINTEGER ids[3] = { 11, 12, 13 };
    char txt[3][16] = { "", "plain", "" };
    SQLLEN ind_id[3] = { 0, 0, 0 };
    SQLLEN ind_txt[3] = { SQL_DATA_AT_EXEC, SQL_NTS, SQL_LEN_DATA_AT_EXEC(3) };
    SQLUSMALLINT status[3];
    SQLULEN done = 0;
    SQLSetStmtAttr(st, SQL_ATTR_PARAM_BIND_TYPE, SQL_PARAM_BIND_BY_COLUMN, 0);
    SQLSetStmtAttr(st, SQL_ATTR_PARAMSET_SIZE, (SQLPOINTER)3, 0);
    SQLSetStmtAttr(st, SQL_ATTR_PARAM_STATUS_PTR, status, 0);
    SQLSetStmtAttr(st, SQL_ATTR_PARAMS_PROCESSED_PTR, &done, 0);
    SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, ids, 0, ind_id);
    SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 15, 0, txt, sizeof txt[0], ind_txt);
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)"INSERT INTO " TBL " (id, txt) VALUES (?, ?)", SQL_NTS);
    T_STMT_RC(st, rc, SQL_NEED_DATA, "a parameter array with data at execution");
    SQLPOINTER token = NULL;
    T_STMT_RC(st, SQLParamData(st, &token), SQL_NEED_DATA, "row 1's parameter");
    t_ok(token == (SQLPOINTER)txt[0], "its token is row 1's element of the array");
    T_STMT_RC(st, SQLPutData(st, "first", SQL_NTS), SQL_SUCCESS, "row 1 data");
    T_STMT_RC(st, SQLParamData(st, &token), SQL_NEED_DATA, "then row 3's parameter (row 2 is bound)");
    t_ok(token == (SQLPOINTER)txt[2], "its token is row 3's element");
    T_STMT_RC(st, SQLPutData(st, "thi", 3), SQL_SUCCESS, "row 3 data");
    T_STMT_RC(st, SQLPutData(st, "rd", 2), SQL_SUCCESS, "row 3 data, piece 2");
    T_STMT_RC(st, SQLParamData(st, &token), SQL_SUCCESS, "the array executes");
    t_is_int((long long)done, 3, "three parameter sets processed");
    t_ok(status[0] == SQL_PARAM_SUCCESS && status[1] == SQL_PARAM_SUCCESS && status[2] == SQL_PARAM_SUCCESS,
         "every set succeeded");
    SQLLEN count = -1;
    SQLRowCount(st, &count);
    t_is_int(count, 3, "three rows inserted");
    char v[256];
    query_str("SELECT string_agg(id || ':' || txt, ',' ORDER BY id) FROM " TBL " WHERE id > 10", v, sizeof v);
    t_is_str(v, "11:first,12:plain,13:third", "each row got its own value");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_describe_param(void)
{
    SQLHSTMT st = t_stmt(dbc);
    t_exec(st, "DROP TABLE IF EXISTS odbc_dae_desc");
    t_exec(st, "CREATE TABLE odbc_dae_desc (i int NOT NULL, n numeric(10,3), v varchar(20), t timestamp, b bytea)");
    SQLRETURN rc = SQLPrepare(st, (SQLCHAR *)"INSERT INTO odbc_dae_desc VALUES (?, ?, ?, ?, ?)", SQL_NTS);
    T_STMT_RC(st, rc, SQL_SUCCESS, "prepare");
    /* the types must be those SQLDescribeCol gives the same columns */
    SQLHSTMT cols = t_stmt(dbc);
    T_STMT_RC(cols, SQLPrepare(cols, (SQLCHAR *)"SELECT i, n, v, t, b FROM odbc_dae_desc", SQL_NTS),
              SQL_SUCCESS, "prepare a SELECT of the same columns");
    static const struct { SQLSMALLINT type; const char *what; } want[] = {
        { SQL_INTEGER, "int" }, { SQL_NUMERIC, "numeric" }, { SQL_VARCHAR, "varchar" },
        { SQL_TYPE_TIMESTAMP, "timestamp" }, { 0, "bytea" },
    };
    for (int i = 0; i < 5; i++) {
        SQLSMALLINT ctype = -99;
        SQLDescribeCol(cols, (SQLUSMALLINT)(i + 1), NULL, 0, NULL, &ctype, NULL, NULL, NULL);
        SQLSMALLINT type = -99, digits = -99, nullable = -99;
        SQLULEN size = 0;
        rc = SQLDescribeParam(st, (SQLUSMALLINT)(i + 1), &type, &size, &digits, &nullable);
        T_STMT_RC(st, rc, SQL_SUCCESS, "SQLDescribeParam %d", i + 1);
        if (want[i].type)
            t_is_int(type, want[i].type, "parameter %d is %s", i + 1, want[i].what);
        else
            t_ok(type == SQL_BINARY || type == SQL_VARBINARY || type == SQL_LONGVARBINARY,
                 "parameter %d is binary (%d)", i + 1, type);
        t_is_int(type, ctype, "parameter %d: the type SQLDescribeCol gives its column", i + 1);
        t_is_int(nullable, SQL_NULLABLE_UNKNOWN, "parameter %d: nullability unknown", i + 1);
        if (i == 0)
            t_is_int((long long)size, 10, "int: column size 10");
        if (i == 0)
            t_is_int(digits, 0, "int: no decimal digits");
    }
    SQLFreeHandle(SQL_HANDLE_STMT, cols);
    SQLSMALLINT type;
    rc = SQLDescribeParam(st, 6, &type, NULL, NULL, NULL);
    T_STMT_RC(st, rc, SQL_ERROR, "parameter 6 does not exist");
    t_state(SQL_HANDLE_STMT, st, "07009", "07009");
    /* describing does not disturb executing */
    SQLINTEGER iv = 5;
    SQLLEN nts = SQL_NTS, zero = 0, nul = SQL_NULL_DATA;
    SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &iv, 0, &zero);
    SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_NUMERIC, 10, 3, "1.5", 0, &nts);
    SQLBindParameter(st, 3, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 20, 0, "vv", 0, &nts);
    SQLBindParameter(st, 4, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 20, 0, NULL, 0, &nul);
    SQLBindParameter(st, 5, SQL_PARAM_INPUT, SQL_C_BINARY, SQL_VARBINARY, 20, 0, "\x01\x02", 2, NULL);
    T_STMT_RC(st, SQLExecute(st), SQL_SUCCESS, "execute after SQLDescribeParam");
    char v[64];
    query_str("SELECT i::text || n::text || v || encode(b, 'hex') FROM odbc_dae_desc", v, sizeof v);
    t_is_str(v, "51.500vv0102", "the row");
    t_exec(st, "DROP TABLE odbc_dae_desc");

    /* while the statement's own forward-only result streams */
    SQLHSTMT q = t_stmt(dbc);
    T_STMT_RC(q, SQLPrepare(q, (SQLCHAR *)"SELECT g, ?::int FROM generate_series(1, 5000) g", SQL_NTS),
              SQL_SUCCESS, "prepare a long SELECT");
    SQLINTEGER one = 1;
    SQLBindParameter(q, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &one, 0, NULL);
    T_STMT_RC(q, SQLExecute(q), SQL_SUCCESS, "execute it");
    T_STMT_RC(q, SQLFetch(q), SQL_SUCCESS, "fetch its first row");
    SQLSMALLINT qtype = 0;
    T_STMT_RC(q, SQLDescribeParam(q, 1, &qtype, NULL, NULL, NULL), SQL_SUCCESS,
              "SQLDescribeParam while its rows stream");
    t_is_int(qtype, SQL_INTEGER, "the parameter is an integer");
    int rows = 1;
    while (SQL_SUCCEEDED(SQLFetch(q)))
        rows++;
    t_is_int(rows, 5000, "every row still arrives");
    SQLFreeHandle(SQL_HANDLE_STMT, q);

    SQLHSTMT fresh = t_stmt(dbc);
    rc = SQLDescribeParam(fresh, 1, &type, NULL, NULL, NULL);
    T_STMT_RC(fresh, rc, SQL_ERROR, "SQLDescribeParam before SQLPrepare fails");
    SQLFreeHandle(SQL_HANDLE_STMT, fresh);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_functions(void)
{
    SQLUSMALLINT yes = 0;
    SQLGetFunctions(dbc, SQL_API_SQLPARAMDATA, &yes);
    t_ok(yes == SQL_TRUE, "SQLGetFunctions: SQLParamData");
    yes = 0;
    SQLGetFunctions(dbc, SQL_API_SQLPUTDATA, &yes);
    t_ok(yes == SQL_TRUE, "SQLGetFunctions: SQLPutData");
    yes = 0;
    SQLGetFunctions(dbc, SQL_API_SQLDESCRIBEPARAM, &yes);
    t_ok(yes == SQL_TRUE, "SQLGetFunctions: SQLDescribeParam");
    char need[8] = "";
    SQLSMALLINT len;
    SQLGetInfo(dbc, SQL_NEED_LONG_DATA_LEN, need, sizeof need, &len);
    t_is_str(need, "N", "SQL_NEED_LONG_DATA_LEN: N (the length in SQL_LEN_DATA_AT_EXEC is not needed)");
}

struct long_exec {
    SQLHSTMT st;
    SQLRETURN rc;
    double took;
};

static void *run_long(void *arg)
{
    struct long_exec *x = arg;
    double t0 = t_now();
    x->rc = SQLExecDirect(x->st, (SQLCHAR *)"SELECT pg_sleep(30)", SQL_NTS);
    x->took = t_now() - t0;
    return NULL;
}

static void test_cancel_thread(void)
{
    SQLHSTMT st = t_stmt(dbc);
    struct long_exec x = { st, 12345, 0 };
    pthread_t th;
    if (pthread_create(&th, NULL, run_long, &x) != 0)
        t_bail("pthread_create failed");
    usleep(1000 * 1000);   /* the statement is on the server by now */
    double t0 = t_now();
    SQLRETURN rc = SQLCancel(st);
    double cancel_took = t_now() - t0;
    pthread_join(th, NULL);
    T_STMT_RC(st, rc, SQL_SUCCESS, "SQLCancel from another thread");
    t_ok(cancel_took < 5, "SQLCancel did not wait for the statement (%.1f s)", cancel_took);
    T_STMT_RC(st, x.rc, SQL_ERROR, "the long SQLExecDirect returns SQL_ERROR");
    t_state(SQL_HANDLE_STMT, st, "HY008", "operation canceled: HY008");
    t_ok(x.took < 10, "it ended within seconds, not after 30 (%.1f s)", x.took);
    SQLFreeStmt(st, SQL_CLOSE);
    char v[32];
    query_str("SELECT 'still here'", v, sizeof v);
    t_is_str(v, "still here", "the connection still works");
    T_STMT_RC(st, SQLExecDirect(st, (SQLCHAR *)"SELECT 2", SQL_NTS), SQL_SUCCESS, "and so does the statement");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

int main(void)
{
    t_start(120);
    env = t_env_alloc();
    dbc = t_connect(env, "");
    test_pieces();
    test_sequence();
    test_exec_direct_result();
    test_wide();
    test_arrays();
    test_describe_param();
    test_functions();
    test_cancel_thread();
    SQLHSTMT st = t_stmt(dbc);
    t_exec(st, "DROP TABLE " TBL);
    t_disconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    return t_done();
}
