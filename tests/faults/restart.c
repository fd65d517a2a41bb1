/* restart.c - the server restarts under open connections (issue 7 point 3). Not part of make
 * check: it restarts the one test server, which would break the tests running beside it. It
 * runs alone in scripts/check.d/20-faults.sh.
 *
 * Before the restart: connection A idle, B in the middle of a forward-only streamed fetch,
 * C with a static cursor read, D waiting in SQLExecDirect (pg_sleep). Then
 * `tests/pg/pgserver.sh restart` (pg_ctl restart -m fast). After it: D's call returns 08S01,
 * A's next statement and B's next fetches end in 08S01, all say SQL_ATTR_CONNECTION_DEAD,
 * C's rows still scroll, every handle frees, A's handle reconnects and a new connection works.
 * TAP. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../odbc/odbctest.h"

static SQLHENV env;

static void expect_dead(SQLHDBC dbc, const char *what)
{
    SQLUINTEGER dead = 99;
    SQLRETURN rc = SQLGetConnectAttr(dbc, SQL_ATTR_CONNECTION_DEAD, &dead, 0, NULL);
    t_ok(rc == SQL_SUCCESS && dead == SQL_CD_TRUE, "%s: SQL_ATTR_CONNECTION_DEAD is true (rc %d, %u)", what,
         (int)rc, (unsigned)dead);
}

static void expect_alive(SQLHDBC dbc, const char *what)
{
    SQLUINTEGER dead = 99;
    SQLGetConnectAttr(dbc, SQL_ATTR_CONNECTION_DEAD, &dead, 0, NULL);
    t_is_int(dead, SQL_CD_FALSE, "%s: SQL_ATTR_CONNECTION_DEAD is false", what);
}

typedef struct sleeper {
    SQLHSTMT st;
    SQLRETURN rc;
    double took;
} sleeper;

static void *sleep_query(void *arg)
{
    sleeper *s = arg;
    double t0 = t_now();
    s->rc = SQLExecDirect(s->st, (SQLCHAR *)"SELECT pg_sleep(60)", SQL_NTS);
    s->took = t_now() - t0;
    return NULL;
}

static int restart_server(void)
{
    const char *top = getenv("RS_TOP");
    if (!top || !*top)
        top = getenv("top_srcdir");
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "bash '%s/tests/pg/pgserver.sh' restart '%s' >/dev/null 2>&1",
             top && *top ? top : ".", t_env("RS_PG_STATE"));
    return system(cmd);
}

int main(void)
{
    t_start(240);
    if (!getenv("RS_PG_STATE"))
        t_bail("RS_PG_STATE is not set: the restart needs the server's state directory");
    env = t_env_alloc();

    SQLHDBC a = t_connect(env, "ApplicationName=faults_restart_idle");
    SQLHDBC b = t_connect(env, "ApplicationName=faults_restart_stream");
    SQLHDBC c = t_connect(env, "ApplicationName=faults_restart_static");
    SQLHDBC d = t_connect(env, "ApplicationName=faults_restart_busy");
    expect_alive(a, "idle A before the restart");

    SQLHSTMT bs = t_stmt(b);
    SQLBIGINT g = 0;
    SQLLEN ind = 0;
    SQLBindCol(bs, 1, SQL_C_SBIGINT, &g, 0, &ind);
    SQLRETURN rc = SQLExecDirect(bs, (SQLCHAR *)"SELECT generate_series(1, 1000000000)::int8, repeat('y', 100)",
                                 SQL_NTS);
    T_STMT_RC(bs, rc, SQL_SUCCESS, "streaming B: a billion-row forward-only query");
    long n = 0;
    while (n < 500 && SQLFetch(bs) == SQL_SUCCESS)
        n++;
    t_is_int(g, 500, "streaming B: 500 rows fetched");

    SQLHSTMT cs = t_stmt(c);
    SQLSetStmtAttr(cs, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_STATIC, 0);
    rc = SQLExecDirect(cs, (SQLCHAR *)"SELECT g FROM generate_series(1, 300) g", SQL_NTS);
    T_STMT_RC(cs, rc, SQL_SUCCESS, "static C: a 300-row static cursor");

    sleeper sl = { t_stmt(d), SQL_SUCCESS, 0 };
    pthread_t th;
    if (pthread_create(&th, NULL, sleep_query, &sl) != 0)
        t_bail("pthread_create");
    usleep(500 * 1000);

    char started[64], started_after[64];
    t_query_str(a, "SELECT pg_postmaster_start_time()::text", started, sizeof started);
    double t0 = t_now();
    int st = restart_server();
    double took = t_now() - t0;
    t_is_int(st, 0, "pgserver.sh restart (pg_ctl restart -m fast) in %.1f s", took);
    pthread_join(th, NULL);

    /* D was waiting in SQLExecDirect */
    t_is_int(sl.rc, SQL_ERROR, "busy D: SQLExecDirect returns an error");
    t_state(SQL_HANDLE_STMT, sl.st, "08S01", "busy D: 08S01");
    t_ok(sl.took < 30.0, "busy D: at the restart, not after pg_sleep(60) (%.1f s)", sl.took);
    expect_dead(d, "busy D");

    /* A was idle */
    SQLHSTMT as = t_stmt(a);
    rc = SQLExecDirect(as, (SQLCHAR *)"SELECT 1", SQL_NTS);
    T_STMT_RC(as, rc, SQL_ERROR, "idle A: the next statement fails");
    t_state(SQL_HANDLE_STMT, as, "08S01", "idle A: 08S01");
    expect_dead(a, "idle A");
    rc = SQLExecDirect(as, (SQLCHAR *)"SELECT 1", SQL_NTS);
    t_state(SQL_HANDLE_STMT, as, "08S01", "idle A: and the one after (no silent reconnect)");

    /* B was in the middle of its rows */
    long more = 0;
    while ((rc = SQLFetch(bs)) == SQL_SUCCESS)
        more++;
    T_STMT_RC(bs, rc, SQL_ERROR, "streaming B: a later fetch fails (after %ld rows already received)", more);
    t_state(SQL_HANDLE_STMT, bs, "08S01", "streaming B: 08S01");
    expect_dead(b, "streaming B");

    /* C's rows are client-side */
    SQLINTEGER v = 0;
    SQLBindCol(cs, 1, SQL_C_SLONG, &v, 0, &ind);
    rc = SQLFetchScroll(cs, SQL_FETCH_LAST, 0);
    T_STMT_RC(cs, rc, SQL_SUCCESS, "static C: still fetches LAST after the restart");
    t_is_int(v, 300, "static C: row 300");
    SQLHSTMT cs2 = t_stmt(c);
    rc = SQLExecDirect(cs2, (SQLCHAR *)"SELECT 1", SQL_NTS);
    t_state(SQL_HANDLE_STMT, cs2, "08S01", "static C: a new statement says 08S01");
    expect_dead(c, "static C");

    /* every handle frees; A's handle connects again */
    SQLHSTMT stmts[] = { as, bs, cs, cs2, sl.st };
    for (size_t i = 0; i < sizeof stmts / sizeof stmts[0]; i++) {
        SQLFreeStmt(stmts[i], SQL_CLOSE);
        t_is_int(SQLFreeHandle(SQL_HANDLE_STMT, stmts[i]), SQL_SUCCESS, "statement %zu frees", i + 1);
    }
    SQLHDBC dbcs[] = { a, b, c, d };
    for (size_t i = 0; i < 4; i++)
        t_ok(SQL_SUCCEEDED(SQLDisconnect(dbcs[i])), "connection %c disconnects", (char)('A' + i));
    char cstr[2048];
    t_connstr(cstr, sizeof cstr, "ApplicationName=faults_restart_again");
    rc = SQLDriverConnect(a, NULL, (SQLCHAR *)cstr, SQL_NTS, NULL, 0, NULL, SQL_DRIVER_NOPROMPT);
    T_DBC_RC(a, rc, SQL_SUCCESS, "A's handle connects again");
    char out[32];
    rc = t_query_str(a, "SELECT 'back'", out, sizeof out);
    t_is_str(SQL_SUCCEEDED(rc) ? out : "(failed)", "back", "and runs a query on the restarted server");
    t_query_str(a, "SELECT pg_postmaster_start_time()::text", started_after, sizeof started_after);
    t_ok(started[0] && started_after[0] && strcmp(started, started_after) != 0,
         "the server did restart (started %s, now %s)", started, started_after);
    expect_alive(a, "A again");
    SQLDisconnect(a);
    for (size_t i = 0; i < 4; i++)
        t_is_int(SQLFreeHandle(SQL_HANDLE_DBC, dbcs[i]), SQL_SUCCESS, "connection handle %c frees", (char)('A' + i));

    SQLHDBC fresh = t_connect(env, "");
    rc = t_query_str(fresh, "SELECT 'fresh'", out, sizeof out);
    t_is_str(SQL_SUCCEEDED(rc) ? out : "(failed)", "fresh", "a new connection works");
    t_disconnect(fresh);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    return t_done();
}
