/* killed.c - the backend killed in the middle of a fetch (issue 7 point 3).
 *
 * Forward-only: a result streams row by row (libpq's single-row mode); after a few rows the
 * backend is terminated. The rows already on their way may still arrive; then a fetch fails
 * with 08S01, SQL_ATTR_CONNECTION_DEAD says so, the statement and connection handles free
 * cleanly (SQLFreeStmt in every mode, SQLDisconnect, SQLFreeHandle), and a new connection works.
 * Static cursor: the result is read whole at execute, so the kill lands while it is being read
 * (a slow query): SQLExecDirect fails with 08S01. A static cursor already read keeps scrolling
 * through its rows on the dead connection (they are client-side); anything needing the server
 * fails with 08S01. TAP. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../odbc/odbctest.h"

static SQLHENV env;

static int kill_app(const char *app)
{
    char sql[256];
    snprintf(sql, sizeof sql,
             "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '%s'", app);
    return t_superuser_sql(sql);
}

static SQLHDBC connect_as(char *app, size_t applen, const char *what)
{
    snprintf(app, applen, "faults_killed_%s_%d", what, (int)getpid());
    char extra[128];
    snprintf(extra, sizeof extra, "ApplicationName=%s", app);
    return t_connect(env, extra);
}

static void expect_dead(SQLHDBC dbc, const char *what)
{
    SQLUINTEGER dead = 99;
    SQLRETURN rc = SQLGetConnectAttr(dbc, SQL_ATTR_CONNECTION_DEAD, &dead, 0, NULL);
    T_DBC_RC(dbc, rc, SQL_SUCCESS, "%s: SQL_ATTR_CONNECTION_DEAD reads", what);
    t_is_int(dead, SQL_CD_TRUE, "%s: the connection is dead", what);
}

/* The handles of a dead connection free cleanly, and a new connection works. */
static void free_and_reconnect(SQLHDBC dbc, SQLHSTMT st, const char *what)
{
    t_ok(SQL_SUCCEEDED(SQLFreeStmt(st, SQL_CLOSE)), "%s: SQLFreeStmt(SQL_CLOSE)", what);
    t_ok(SQL_SUCCEEDED(SQLFreeStmt(st, SQL_UNBIND)), "%s: SQLFreeStmt(SQL_UNBIND)", what);
    t_ok(SQL_SUCCEEDED(SQLFreeStmt(st, SQL_RESET_PARAMS)), "%s: SQLFreeStmt(SQL_RESET_PARAMS)", what);
    t_is_int(SQLFreeHandle(SQL_HANDLE_STMT, st), SQL_SUCCESS, "%s: SQLFreeHandle(STMT)", what);
    SQLRETURN rc = SQLDisconnect(dbc);
    t_ok(SQL_SUCCEEDED(rc), "%s: SQLDisconnect (rc %d)", what, (int)rc);
    t_is_int(SQLFreeHandle(SQL_HANDLE_DBC, dbc), SQL_SUCCESS, "%s: SQLFreeHandle(DBC)", what);
    char app[64];
    SQLHDBC fresh = connect_as(app, sizeof app, "fresh");
    char v[32];
    rc = t_query_str(fresh, "SELECT 'fresh'", v, sizeof v);
    t_is_str(SQL_SUCCEEDED(rc) ? v : "(failed)", "fresh", "%s: a new connection works", what);
    t_disconnect(fresh);
}

static void test_forward_only(void)
{
    char app[64];
    SQLHDBC dbc = connect_as(app, sizeof app, "fwd");
    SQLHSTMT st = t_stmt(dbc);
    SQLBIGINT g = 0;
    SQLLEN ind = 0;
    SQLBindCol(st, 1, SQL_C_SBIGINT, &g, 0, &ind);
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)"SELECT generate_series(1, 1000000000)::int8, repeat('x', 100)",
                                 SQL_NTS);
    T_STMT_RC(st, rc, SQL_SUCCESS, "forward-only: a billion-row query streams");
    long n = 0;
    while (n < 1000 && (rc = SQLFetch(st)) == SQL_SUCCESS)
        n++;
    t_is_int(n, 1000, "forward-only: 1,000 rows fetched");
    t_is_int(g, 1000, "forward-only: in order");
    t_is_int(kill_app(app), 0, "forward-only: pg_terminate_backend mid-fetch");
    usleep(300 * 1000);
    /* the rows already sent (socket buffers) may still come, then the failure */
    long more = 0;
    double t0 = t_now();
    while ((rc = SQLFetch(st)) == SQL_SUCCESS)
        more++;
    double took = t_now() - t0;
    T_STMT_RC(st, rc, SQL_ERROR, "forward-only: a later fetch fails");
    t_state(SQL_HANDLE_STMT, st, "08S01", "forward-only: 08S01");
    t_ok(more < 10000000, "forward-only: after %ld rows already on their way (%.2f s)", more, took);
    expect_dead(dbc, "forward-only");
    rc = SQLFetch(st);
    t_ok(rc == SQL_ERROR || rc == SQL_NO_DATA, "forward-only: fetching again does not crash (rc %d)", (int)rc);
    SQLFreeStmt(st, SQL_CLOSE);
    rc = SQLExecDirect(st, (SQLCHAR *)"SELECT 1", SQL_NTS);
    T_STMT_RC(st, rc, SQL_ERROR, "forward-only: a new statement on the dead connection fails");
    t_state(SQL_HANDLE_STMT, st, "08S01", "forward-only: and says 08S01");
    free_and_reconnect(dbc, st, "forward-only");
}

typedef struct killer {
    const char *app;
    int delay_ms;
    int status;
} killer;

static void *kill_later(void *arg)
{
    killer *k = arg;
    usleep((useconds_t)k->delay_ms * 1000);
    k->status = kill_app(k->app);
    return NULL;
}

static void test_static(void)
{
    char app[64];
    SQLHDBC dbc = connect_as(app, sizeof app, "static");
    SQLHSTMT read = t_stmt(dbc);
    SQLSetStmtAttr(read, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_STATIC, 0);
    SQLRETURN rc = SQLExecDirect(read, (SQLCHAR *)"SELECT g FROM generate_series(1, 500) g", SQL_NTS);
    T_STMT_RC(read, rc, SQL_SUCCESS, "static: a 500-row static cursor is read");

    /* a second static cursor whose result is still coming when the backend goes */
    SQLHSTMT st = t_stmt(dbc);
    SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_STATIC, 0);
    killer k = { app, 800, -1 };
    pthread_t th;
    if (pthread_create(&th, NULL, kill_later, &k) != 0)
        t_bail("pthread_create");
    double t0 = t_now();
    rc = SQLExecDirect(st, (SQLCHAR *)"SELECT g, pg_sleep(0.01) FROM generate_series(1, 1000) g", SQL_NTS);
    double took = t_now() - t0;
    pthread_join(th, NULL);
    t_is_int(k.status, 0, "static: pg_terminate_backend while the result is read");
    T_STMT_RC(st, rc, SQL_ERROR, "static: the execute reading the result fails");
    t_state(SQL_HANDLE_STMT, st, "08S01", "static: 08S01");
    t_ok(took < 8.0, "static: at the kill, not at the end of the query (%.2f s)", took);
    expect_dead(dbc, "static");
    rc = SQLFetchScroll(st, SQL_FETCH_NEXT, 0);
    t_ok(rc == SQL_ERROR, "static: the failed statement has no cursor to fetch from (rc %d)", (int)rc);

    /* the cursor read before the kill is client-side: it still scrolls */
    SQLINTEGER v = 0;
    SQLLEN ind = 0;
    SQLBindCol(read, 1, SQL_C_SLONG, &v, 0, &ind);
    rc = SQLFetchScroll(read, SQL_FETCH_LAST, 0);
    T_STMT_RC(read, rc, SQL_SUCCESS, "static: the cursor read before the kill fetches LAST");
    t_is_int(v, 500, "static: row 500");
    rc = SQLFetchScroll(read, SQL_FETCH_ABSOLUTE, 42);
    T_STMT_RC(read, rc, SQL_SUCCESS, "static: and ABSOLUTE 42");
    t_is_int(v, 42, "static: row 42");
    SQLFreeHandle(SQL_HANDLE_STMT, read);
    rc = SQLExecDirect(st, (SQLCHAR *)"SELECT 1", SQL_NTS);
    T_STMT_RC(st, rc, SQL_ERROR, "static: a new statement on the dead connection fails");
    t_state(SQL_HANDLE_STMT, st, "08S01", "static: and says 08S01");
    rc = SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_ROLLBACK);
    t_ok(rc == SQL_SUCCESS || rc == SQL_ERROR, "static: SQLEndTran on the dead connection returns (rc %d)", (int)rc);
    free_and_reconnect(dbc, st, "static");
}

/* Killed inside a transaction with autocommit off, mid-fetch: SQLEndTran reports the loss. */
static void test_in_transaction(void)
{
    char app[64];
    SQLHDBC dbc = connect_as(app, sizeof app, "txn");
    SQLSetConnectAttr(dbc, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_OFF, 0);
    SQLHSTMT st = t_stmt(dbc);
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)"SELECT generate_series(1, 1000000000)::int8", SQL_NTS);
    T_STMT_RC(st, rc, SQL_SUCCESS, "in a transaction: a streaming query");
    rc = SQLFetch(st);
    T_STMT_RC(st, rc, SQL_SUCCESS, "in a transaction: its first row");
    t_is_int(kill_app(app), 0, "in a transaction: pg_terminate_backend mid-fetch");
    usleep(300 * 1000);
    while ((rc = SQLFetch(st)) == SQL_SUCCESS)
        ;
    T_STMT_RC(st, rc, SQL_ERROR, "in a transaction: a later fetch fails");
    t_state(SQL_HANDLE_STMT, st, "08S01", "in a transaction: 08S01");
    expect_dead(dbc, "in a transaction");
    rc = SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_COMMIT);
    T_DBC_RC(dbc, rc, SQL_ERROR, "in a transaction: SQLEndTran(COMMIT) cannot pretend to commit");
    char state[6];
    t_diag_rec(SQL_HANDLE_DBC, dbc, 1, state, NULL, NULL, 0);
    t_ok(strcmp(state, "08S01") == 0 || strcmp(state, "08007") == 0,
         "in a transaction: the commit says 08S01 or 08007 (%s)", state);
    free_and_reconnect(dbc, st, "in a transaction");
}

int main(void)
{
    t_start(180);
    env = t_env_alloc();
    test_forward_only();
    test_static();
    test_in_transaction();
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    return t_done();
}
