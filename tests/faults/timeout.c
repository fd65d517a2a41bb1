/* timeout.c - a statement the server cancels on its own (issue 7 point 3): SET statement_timeout
 * ends a query with 57014, passed through as the server's SQLSTATE, which is not HYT00 (the
 * driver's SQL_ATTR_QUERY_TIMEOUT) nor HY008 (SQLCancel); the same mid-stream, with a query
 * timeout set too, and for an administrator's pg_cancel_backend. The connection works after
 * each. TAP. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../odbc/odbctest.h"

#define APP "faults_timeout_%d"

static char app[64];

static void first_record(SQLHSTMT st, char state[6], char *msg, size_t msglen)
{
    t_diag_rec(SQL_HANDLE_STMT, st, 1, state, NULL, msg, msglen);
}

static void still_works(SQLHDBC dbc, const char *after)
{
    char v[32];
    SQLRETURN rc = t_query_str(dbc, "SELECT 'alive'", v, sizeof v);
    t_is_str(SQL_SUCCEEDED(rc) ? v : "(failed)", "alive", "the connection works after %s", after);
}

static void test_statement_timeout(SQLHDBC dbc)
{
    SQLHSTMT st = t_stmt(dbc);
    t_exec(st, "SET statement_timeout = '300ms'");
    double t0 = t_now();
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)"SELECT pg_sleep(10)", SQL_NTS);
    double took = t_now() - t0;
    T_STMT_RC(st, rc, SQL_ERROR, "statement_timeout 300 ms ends pg_sleep(10)");
    char state[6], msg[1024];
    first_record(st, state, msg, sizeof msg);
    t_is_str(state, "57014", "the server's SQLSTATE 57014 passes through");
    t_like(msg, "statement timeout", "with the server's reason");
    t_ok(took < 5.0, "after %.2f s", took);
    SQLFreeStmt(st, SQL_CLOSE);
    still_works(dbc, "57014");

    /* a query timeout longer than statement_timeout: still the server's 57014, not HYT00 */
    SQLSetStmtAttr(st, SQL_ATTR_QUERY_TIMEOUT, (SQLPOINTER)30, 0);
    rc = SQLExecDirect(st, (SQLCHAR *)"SELECT pg_sleep(10)", SQL_NTS);
    T_STMT_RC(st, rc, SQL_ERROR, "with SQL_ATTR_QUERY_TIMEOUT 30 too, statement_timeout ends it");
    first_record(st, state, msg, sizeof msg);
    t_is_str(state, "57014", "57014, not HYT00: the driver's timer did not fire");
    SQLFreeStmt(st, SQL_CLOSE);

    /* mid-stream: a forward-only result streams, the server's timer fires between rows */
    t_exec(st, "SET statement_timeout = '1s'");
    SQLSetStmtAttr(st, SQL_ATTR_QUERY_TIMEOUT, (SQLPOINTER)0, 0);
    rc = SQLExecDirect(st, (SQLCHAR *)"SELECT generate_series(1, 2000000000)::int8 AS g", SQL_NTS);
    T_STMT_RC(st, rc, SQL_SUCCESS, "a 2-billion-row forward-only query starts streaming");
    long n = 0;
    t0 = t_now();
    while ((rc = SQLFetch(st)) == SQL_SUCCESS)
        n++;
    took = t_now() - t0;
    t_is_int(rc, SQL_ERROR, "a fetch fails when statement_timeout fires mid-stream");
    first_record(st, state, msg, sizeof msg);
    t_is_str(state, "57014", "mid-stream: 57014");
    t_ok(n > 0 && n < 2000000000L, "rows before it were delivered (%ld in %.2f s)", n, took);
    SQLFreeStmt(st, SQL_CLOSE);
    t_exec(st, "RESET statement_timeout");
    still_works(dbc, "the mid-stream 57014");

    /* the driver's own timeout, for contrast: HYT00 */
    SQLSetStmtAttr(st, SQL_ATTR_QUERY_TIMEOUT, (SQLPOINTER)1, 0);
    rc = SQLExecDirect(st, (SQLCHAR *)"SELECT pg_sleep(10)", SQL_NTS);
    T_STMT_RC(st, rc, SQL_ERROR, "SQL_ATTR_QUERY_TIMEOUT 1 without statement_timeout");
    first_record(st, state, msg, sizeof msg);
    t_is_str(state, "HYT00", "the driver's timeout is HYT00");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    still_works(dbc, "HYT00");
}

static void *cancel_later(void *arg)
{
    (void)arg;
    usleep(700 * 1000);
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE application_name = '%s' "
             "AND state = 'active'", app);
    t_superuser_sql(sql);
    return NULL;
}

static void test_admin_cancel(SQLHDBC dbc)
{
    SQLHSTMT st = t_stmt(dbc);
    pthread_t th;
    if (pthread_create(&th, NULL, cancel_later, NULL) != 0)
        t_bail("pthread_create");
    double t0 = t_now();
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)"SELECT pg_sleep(10)", SQL_NTS);
    double took = t_now() - t0;
    pthread_join(th, NULL);
    T_STMT_RC(st, rc, SQL_ERROR, "pg_cancel_backend by an administrator ends the query");
    char state[6], msg[1024];
    first_record(st, state, msg, sizeof msg);
    t_is_str(state, "57014", "a cancel the application did not ask for is 57014, not HY008");
    t_like(msg, "user request", "with the server's reason");
    t_ok(took < 5.0, "after %.2f s", took);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    still_works(dbc, "an administrator's cancel");
}

int main(void)
{
    t_start(120);
    snprintf(app, sizeof app, APP, (int)getpid());
    SQLHENV env = t_env_alloc();
    char extra[96];
    snprintf(extra, sizeof extra, "ApplicationName=%s", app);
    SQLHDBC dbc = t_connect(env, extra);
    test_statement_timeout(dbc);
    test_admin_cancel(dbc);
    t_disconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    return t_done();
}
