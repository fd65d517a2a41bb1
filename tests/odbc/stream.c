/* stream.c - large results stream in bounded memory; a second statement on the same
 * connection while rows are pending; closing a cursor early; errors in the middle of the rows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "odbctest.h"

static long peak_rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* Fetch every row of `sql` (an int8 and a text column) with SQLBindCol; returns the row count
 * and the sum of the first column. */
static long fetch_all(SQLHSTMT st, const char *sql, long long *sum)
{
    SQLBIGINT v;
    char text[64];
    SQLLEN ind1, ind2;
    long n = 0;
    *sum = 0;
    if (!SQL_SUCCEEDED(SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS))) {
        t_print_diag(SQL_HANDLE_STMT, st);
        return -1;
    }
    SQLBindCol(st, 1, SQL_C_SBIGINT, &v, 0, &ind1);
    SQLBindCol(st, 2, SQL_C_CHAR, text, sizeof text, &ind2);
    SQLRETURN rc;
    while ((rc = SQLFetch(st)) == SQL_SUCCESS || rc == SQL_SUCCESS_WITH_INFO) {
        *sum += v;
        n++;
    }
    if (rc != SQL_NO_DATA)
        t_print_diag(SQL_HANDLE_STMT, st);
    SQLFreeStmt(st, SQL_UNBIND);
    SQLCloseCursor(st);
    return n;
}

static void test_bounded_memory(SQLHDBC dbc)
{
    SQLHSTMT st = t_stmt(dbc);
    long long sum;
    const char *small = "SELECT x::int8, repeat('x', 40) FROM generate_series(1, 200000) x";
    const char *big = "SELECT x::int8, repeat('x', 40) FROM generate_series(1, 2000000) x";
    long n = fetch_all(st, small, &sum);
    t_is_int(n, 200000, "200,000 rows fetched");
    t_ok(sum == 200000LL * 200001 / 2, "their sum is right");
    long after_small = peak_rss_kb();
    n = fetch_all(st, big, &sum);
    t_is_int(n, 2000000, "2,000,000 rows fetched");
    t_ok(sum == 2000000LL * 2000001 / 2, "their sum is right");
    long after_big = peak_rss_kb();
    /* materialized, 1.8 million more rows of ~60 bytes would add over 100 MB */
    t_ok(after_big - after_small < 16 * 1024,
         "peak memory grew %ld kB from 200,000 to 2,000,000 rows (bounded: under 16 MB)",
         after_big - after_small);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_second_statement(SQLHDBC dbc)
{
    SQLHSTMT a = t_stmt(dbc), b = t_stmt(dbc);
    SQLBIGINT v = 0;
    SQLLEN ind;
    T_STMT_RC(a, SQLExecDirect(a, (SQLCHAR *)"SELECT x::int8 FROM generate_series(1, 100000) x", SQL_NTS),
              SQL_SUCCESS, "statement A starts a 100,000-row result");
    SQLBindCol(a, 1, SQL_C_SBIGINT, &v, 0, &ind);
    long long sum = 0;
    long n = 0;
    for (int i = 0; i < 10 && SQL_SUCCEEDED(SQLFetch(a)); i++, n++)
        sum += v;
    t_is_int(n, 10, "A fetched 10 rows");
    char out[64];
    SQLINTEGER cnt = 0;
    T_STMT_RC(b, SQLExecDirect(b, (SQLCHAR *)"SELECT count(*)::int4 FROM generate_series(1, 7) x", SQL_NTS),
              SQL_SUCCESS, "statement B runs while A's rows are pending");
    T_STMT_RC(b, SQLFetch(b), SQL_SUCCESS, "B fetches");
    SQLGetData(b, 1, SQL_C_SLONG, &cnt, 0, NULL);
    t_is_int(cnt, 7, "B's answer is right");
    SQLCloseCursor(b);
    T_DBC_RC(dbc, t_query_str(dbc, "SELECT 'third'", out, sizeof out), SQL_SUCCESS, "a third query runs too");
    SQLRETURN rc;
    while ((rc = SQLFetch(a)) == SQL_SUCCESS) {
        sum += v;
        n++;
    }
    t_is_int(rc, SQL_NO_DATA, "A then reads to its end");
    t_is_int(n, 100000, "A saw every row");
    t_ok(sum == 100000LL * 100001 / 2, "A's sum is right");
    SQLLEN count = 0;
    SQLRowCount(a, &count);
    t_is_int(count, 100000, "SQLRowCount after the last row: 100000");
    SQLFreeHandle(SQL_HANDLE_STMT, a);
    SQLFreeHandle(SQL_HANDLE_STMT, b);
}

/* One row per SQLFetch keeps the row's own libpq result rather than a copy (stmt/result.c,
 * rs_result_hold_row); a bigger rowset, a second statement draining the wire and SQLGetData in
 * pieces must all still see the right values around such a held row. */
static void test_held_row(SQLHDBC dbc)
{
    SQLHSTMT a = t_stmt(dbc), b = t_stmt(dbc);
    T_STMT_RC(a, SQLExecDirect(a, (SQLCHAR *)"SELECT x::int8, 'row ' || x || repeat('.', x % 7) FROM generate_series(1, 50) x",
                               SQL_NTS), SQL_SUCCESS, "a 50-row result streams");
    SQLBIGINT v = 0;
    char text[64];
    SQLLEN ind = 0, tind = 0;
    T_STMT_RC(a, SQLFetch(a), SQL_SUCCESS, "row 1 (the first row, held as it arrived)");
    SQLGetData(a, 1, SQL_C_SBIGINT, &v, 0, &ind);
    t_is_int(v, 1, "row 1 column 1 by SQLGetData");
    char piece[4];
    T_STMT_RC(a, SQLGetData(a, 2, SQL_C_CHAR, piece, sizeof piece, &tind), SQL_SUCCESS_WITH_INFO,
              "row 1 column 2 in pieces of 3 bytes");
    t_is_str(piece, "row", "first piece");
    T_STMT_RC(a, SQLGetData(a, 2, SQL_C_CHAR, piece, sizeof piece, &tind), SQL_SUCCESS, "second piece");
    t_is_str(piece, " 1.", "second piece's text");
    T_STMT_RC(a, SQLFetch(a), SQL_SUCCESS, "row 2 (read from the wire and held)");
    SQLGetData(a, 2, SQL_C_CHAR, text, sizeof text, &tind);
    t_is_str(text, "row 2..", "row 2 column 2");
    /* a bigger rowset: the held row 2 is left behind, rows 3-6 are copied */
    SQLBIGINT vs[4] = { 0 };
    SQLLEN inds[4];
    SQLULEN got = 0;
    SQLSetStmtAttr(a, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)4, 0);
    SQLSetStmtAttr(a, SQL_ATTR_ROWS_FETCHED_PTR, &got, 0);
    SQLBindCol(a, 1, SQL_C_SBIGINT, vs, 0, inds);
    T_STMT_RC(a, SQLFetch(a), SQL_SUCCESS, "a rowset of 4");
    t_ok(got == 4 && vs[0] == 3 && vs[1] == 4 && vs[2] == 5 && vs[3] == 6, "rows 3-6 (got %lu: %lld %lld %lld %lld)",
         (unsigned long)got, (long long)vs[0], (long long)vs[1], (long long)vs[2], (long long)vs[3]);
    SQLFreeStmt(a, SQL_UNBIND);
    SQLSetStmtAttr(a, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)1, 0);
    SQLSetStmtAttr(a, SQL_ATTR_ROWS_FETCHED_PTR, NULL, 0);
    T_STMT_RC(a, SQLFetch(a), SQL_SUCCESS, "back to one row a fetch: row 7");
    SQLGetData(a, 1, SQL_C_SBIGINT, &v, 0, &ind);
    t_is_int(v, 7, "row 7 column 1");
    /* statement B needs the wire: A's remaining rows are read into its buffers, after the
     * held row 7, which must still be the current row */
    SQLINTEGER cnt = 0;
    T_STMT_RC(b, SQLExecDirect(b, (SQLCHAR *)"SELECT 42", SQL_NTS), SQL_SUCCESS,
              "statement B runs while A holds row 7");
    SQLFetch(b);
    SQLGetData(b, 1, SQL_C_SLONG, &cnt, 0, NULL);
    t_is_int(cnt, 42, "B's answer");
    SQLCloseCursor(b);
    SQLGetData(a, 2, SQL_C_CHAR, text, sizeof text, &tind);
    t_is_str(text, "row 7", "A's current row is still row 7 after B drained the wire");
    long long sum = 0;
    long n = 0;
    SQLRETURN rc;
    while ((rc = SQLFetch(a)) == SQL_SUCCESS) {
        SQLGetData(a, 1, SQL_C_SBIGINT, &v, 0, &ind);
        sum += v;
        n++;
    }
    t_is_int(rc, SQL_NO_DATA, "A reads to its end");
    t_ok(n == 43 && sum == 50 * 51 / 2 - 7 * 8 / 2, "rows 8-50 follow (%ld rows, sum %lld)", n, sum);
    SQLFreeHandle(SQL_HANDLE_STMT, a);
    SQLFreeHandle(SQL_HANDLE_STMT, b);
}

static void test_close_early(SQLHDBC dbc)
{
    SQLHSTMT st = t_stmt(dbc);
    /* 200 million rows produced as they are sent (a join of two small series), which would
     * take minutes to read in full */
    const char *huge = "SELECT a.x, md5(b.y::text) FROM generate_series(1, 20000) a(x), generate_series(1, 10000) b(y)";
    T_STMT_RC(st, SQLExecDirect(st, (SQLCHAR *)huge, SQL_NTS), SQL_SUCCESS, "a 200-million-row query starts");
    T_STMT_RC(st, SQLFetch(st), SQL_SUCCESS, "its first row arrives");
    double t0 = t_now();
    T_STMT_RC(st, SQLCloseCursor(st), SQL_SUCCESS, "the cursor closes early");
    double took = t_now() - t0;
    t_ok(took < 5.0, "without reading the rest (%.2f s)", took);
    char out[64];
    T_DBC_RC(dbc, t_query_str(dbc, "SELECT 'next'", out, sizeof out), SQL_SUCCESS, "the connection works after it");
    t_is_str(out, "next", "and answers the next query");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_close_early_in_transaction(SQLHDBC dbc)
{
    SQLHSTMT st = t_stmt(dbc);
    t_exec(st, "DROP TABLE IF EXISTS odbc_stream_t");
    t_exec(st, "CREATE TABLE odbc_stream_t (v int)");
    SQLSetConnectAttr(dbc, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_OFF, 0);
    t_exec(st, "INSERT INTO odbc_stream_t VALUES (1)");
    T_STMT_RC(st, SQLExecDirect(st, (SQLCHAR *)"SELECT x FROM generate_series(1, 300000) x", SQL_NTS),
              SQL_SUCCESS, "in a transaction, a 300,000-row query starts");
    SQLFetch(st);
    T_STMT_RC(st, SQLCloseCursor(st), SQL_SUCCESS, "and closes early");
    T_DBC_RC(dbc, SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_COMMIT), SQL_SUCCESS, "the transaction commits");
    SQLSetConnectAttr(dbc, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_ON, 0);
    char out[64];
    t_query_str(dbc, "SELECT count(*) FROM odbc_stream_t", out, sizeof out);
    t_is_str(out, "1", "closing the cursor did not abort the transaction: the insert is committed");
    t_exec(st, "DROP TABLE odbc_stream_t");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_error_mid_stream(SQLHDBC dbc)
{
    SQLHSTMT st = t_stmt(dbc);
    T_STMT_RC(st, SQLExecDirect(st, (SQLCHAR *)"SELECT 1 / (x - 50000) FROM generate_series(1, 100000) x",
                                SQL_NTS), SQL_SUCCESS, "a query that fails at row 50,000 starts");
    long n = 0;
    SQLRETURN rc;
    while ((rc = SQLFetch(st)) == SQL_SUCCESS)
        n++;
    t_is_int(rc, SQL_ERROR, "a fetch fails when the server hits the error");
    t_state(SQL_HANDLE_STMT, st, "22012", "division by zero: 22012");
    t_ok(n > 0 && n < 50000, "rows before it were delivered (%ld)", n);
    SQLCloseCursor(st);
    char out[64];
    T_DBC_RC(dbc, t_query_str(dbc, "SELECT 'after'", out, sizeof out), SQL_SUCCESS, "the connection works afterwards");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_static_cursor_scrolls(SQLHDBC dbc)
{
    SQLHSTMT st = t_stmt(dbc);
    SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_STATIC, 0);
    SQLINTEGER v = 0;
    SQLExecDirect(st, (SQLCHAR *)"SELECT x FROM generate_series(1, 1000) x", SQL_NTS);
    SQLBindCol(st, 1, SQL_C_SLONG, &v, 0, NULL);
    T_STMT_RC(st, SQLFetchScroll(st, SQL_FETCH_LAST, 0), SQL_SUCCESS, "a static cursor fetches LAST");
    t_is_int(v, 1000, "the last row");
    T_STMT_RC(st, SQLFetchScroll(st, SQL_FETCH_ABSOLUTE, 10), SQL_SUCCESS, "then ABSOLUTE 10");
    t_is_int(v, 10, "row 10");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

int main(void)
{
    t_start(300);
    SQLHENV env = t_env_alloc();
    SQLHDBC dbc = t_connect(env, "ApplicationName=odbc_stream");
    test_bounded_memory(dbc);
    test_second_statement(dbc);
    test_held_row(dbc);
    test_close_early(dbc);
    test_close_early_in_transaction(dbc);
    test_error_mid_stream(dbc);
    test_static_cursor_scrolls(dbc);
    t_disconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    return t_done();
}
