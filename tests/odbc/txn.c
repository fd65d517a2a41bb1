/* txn.c - transactions through unixODBC: autocommit on and off, commit and rollback seen from
 * a second connection, SQLEndTran on the environment and the connection, a failed statement
 * inside a transaction, isolation levels, and a connection whose backend is killed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "odbctest.h"

#define TBL "odbc_txn_t"

static SQLHENV env;

/* Rows of the table whose tag is `tag`, counted from connection dbc. */
static long count_tag(SQLHDBC dbc, const char *tag)
{
    char sql[256], v[64];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM " TBL " WHERE tag = '%s'", tag);
    if (!SQL_SUCCEEDED(t_query_str(dbc, sql, v, sizeof v)))
        return -1;
    return atol(v);
}

static SQLRETURN insert_tag(SQLHDBC dbc, const char *tag)
{
    SQLHSTMT st = t_stmt(dbc);
    char sql[256];
    snprintf(sql, sizeof sql, "INSERT INTO " TBL " (tag) VALUES ('%s')", tag);
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS);
    if (!SQL_SUCCEEDED(rc))
        t_print_diag(SQL_HANDLE_STMT, st);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    return rc;
}

static SQLUINTEGER get_autocommit(SQLHDBC dbc)
{
    SQLUINTEGER v = 99;
    SQLGetConnectAttr(dbc, SQL_ATTR_AUTOCOMMIT, &v, 0, NULL);
    return v;
}

static void test_autocommit(SQLHDBC a, SQLHDBC b)
{
    t_is_int(get_autocommit(a), SQL_AUTOCOMMIT_ON, "autocommit is on by default");
    T_DBC_RC(a, insert_tag(a, "auto"), SQL_SUCCESS, "insert with autocommit on");
    t_is_int(count_tag(b, "auto"), 1, "the other connection sees it at once");

    SQLRETURN rc = SQLSetConnectAttr(a, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_OFF, 0);
    T_DBC_RC(a, rc, SQL_SUCCESS, "autocommit off");
    t_is_int(get_autocommit(a), SQL_AUTOCOMMIT_OFF, "autocommit reads back off");
    insert_tag(a, "manual");
    t_is_int(count_tag(a, "manual"), 1, "the inserting connection sees its row");
    t_is_int(count_tag(b, "manual"), 0, "the other does not before the commit");
    T_DBC_RC(a, SQLEndTran(SQL_HANDLE_DBC, a, SQL_COMMIT), SQL_SUCCESS, "SQLEndTran(DBC, COMMIT)");
    t_is_int(count_tag(b, "manual"), 1, "the other sees it after the commit");

    insert_tag(a, "undone");
    t_is_int(count_tag(a, "undone"), 1, "a row before rollback");
    T_DBC_RC(a, SQLEndTran(SQL_HANDLE_DBC, a, SQL_ROLLBACK), SQL_SUCCESS, "SQLEndTran(DBC, ROLLBACK)");
    t_is_int(count_tag(a, "undone"), 0, "rolled back: gone for the connection itself");
    t_is_int(count_tag(b, "undone"), 0, "rolled back: never seen by the other");

    /* nothing to end: success */
    T_DBC_RC(a, SQLEndTran(SQL_HANDLE_DBC, a, SQL_COMMIT), SQL_SUCCESS, "SQLEndTran with no open transaction");
    T_DBC_RC(a, SQLEndTran(SQL_HANDLE_DBC, a, 7), SQL_ERROR, "SQLEndTran with a bad completion type");
    t_state(SQL_HANDLE_DBC, a, "HY012", "bad completion type: HY012");

    /* switching autocommit back on commits the open transaction */
    insert_tag(a, "switch");
    t_is_int(count_tag(b, "switch"), 0, "open transaction not visible");
    rc = SQLSetConnectAttr(a, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_ON, 0);
    T_DBC_RC(a, rc, SQL_SUCCESS, "autocommit back on");
    t_is_int(count_tag(b, "switch"), 1, "turning autocommit on committed the transaction");

    rc = SQLSetConnectAttr(a, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)5, 0);
    T_DBC_RC(a, rc, SQL_ERROR, "autocommit 5 is refused");
    t_state(SQL_HANDLE_DBC, a, "HY024", "autocommit 5: HY024");
}

static void test_end_tran_env(SQLHDBC a, SQLHDBC b)
{
    SQLHDBC c = t_connect(env, "");
    SQLSetConnectAttr(a, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_OFF, 0);
    SQLSetConnectAttr(c, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_OFF, 0);
    insert_tag(a, "env-a");
    insert_tag(c, "env-c");
    t_is_int(count_tag(b, "env-a") + count_tag(b, "env-c"), 0, "two open transactions, nothing visible");
    SQLRETURN rc = SQLEndTran(SQL_HANDLE_ENV, env, SQL_COMMIT);
    t_rc(rc, SQL_SUCCESS, SQL_HANDLE_ENV, env, "SQLEndTran(ENV, COMMIT)");
    t_is_int(count_tag(b, "env-a"), 1, "connection a committed by the environment");
    t_is_int(count_tag(b, "env-c"), 1, "connection c committed by the environment");
    insert_tag(a, "env-rb-a");
    insert_tag(c, "env-rb-c");
    rc = SQLEndTran(SQL_HANDLE_ENV, env, SQL_ROLLBACK);
    t_rc(rc, SQL_SUCCESS, SQL_HANDLE_ENV, env, "SQLEndTran(ENV, ROLLBACK)");
    t_is_int(count_tag(a, "env-rb-a") + count_tag(c, "env-rb-c"), 0, "both rolled back by the environment");
    /* ODBC 2 spelling */
    insert_tag(c, "transact");
    rc = SQLTransact(SQL_NULL_HENV, c, SQL_COMMIT);
    T_DBC_RC(c, rc, SQL_SUCCESS, "SQLTransact(COMMIT) on a connection");
    t_is_int(count_tag(b, "transact"), 1, "SQLTransact committed");
    SQLEndTran(SQL_HANDLE_DBC, a, SQL_ROLLBACK);
    SQLSetConnectAttr(a, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_ON, 0);
    t_disconnect(c);
}

static void test_error_in_transaction(SQLHDBC a, SQLHDBC b)
{
    SQLSetConnectAttr(a, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_OFF, 0);
    insert_tag(a, "doomed");
    SQLHSTMT st = t_stmt(a);
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)"SELECT 1/0", SQL_NTS);
    T_STMT_RC(st, rc, SQL_ERROR, "a failing statement inside the transaction");
    t_state(SQL_HANDLE_STMT, st, "22012", "division by zero: 22012");
    rc = SQLExecDirect(st, (SQLCHAR *)"SELECT 1", SQL_NTS);
    T_STMT_RC(st, rc, SQL_ERROR, "the next statement is refused");
    t_state(SQL_HANDLE_STMT, st, "25P02", "in a failed transaction: 25P02");
    SQLFreeStmt(st, SQL_CLOSE);
    rc = SQLEndTran(SQL_HANDLE_DBC, a, SQL_COMMIT);
    T_DBC_RC(a, rc, SQL_ERROR, "COMMIT of a failed transaction fails");
    char state[6], msg[1024];
    t_diag_rec(SQL_HANDLE_DBC, a, 1, state, NULL, msg, sizeof msg);
    t_is_str(state, "25S03", "and reports 25S03 (rolled back)");
    t_like(msg, "rolled back", "the message says it was rolled back");
    t_is_int(count_tag(b, "doomed"), 0, "the row before the error is not committed");
    t_is_int(count_tag(a, "doomed"), 0, "nor visible to its own connection");
    rc = SQLExecDirect(st, (SQLCHAR *)"SELECT 1", SQL_NTS);
    T_STMT_RC(st, rc, SQL_SUCCESS, "the connection works again");
    SQLFreeStmt(st, SQL_CLOSE);
    insert_tag(a, "after");
    T_DBC_RC(a, SQLEndTran(SQL_HANDLE_DBC, a, SQL_COMMIT), SQL_SUCCESS, "a new transaction commits");
    t_is_int(count_tag(b, "after"), 1, "and its row is visible");

    /* a rollback of a failed transaction is plain success */
    SQLExecDirect(st, (SQLCHAR *)"SELECT 1/0", SQL_NTS);
    T_DBC_RC(a, SQLEndTran(SQL_HANDLE_DBC, a, SQL_ROLLBACK), SQL_SUCCESS, "ROLLBACK of a failed transaction");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    SQLSetConnectAttr(a, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_ON, 0);
}

static void test_isolation(SQLHDBC a)
{
    SQLUINTEGER iso = 0;
    SQLRETURN rc = SQLSetConnectAttr(a, SQL_ATTR_TXN_ISOLATION, (SQLPOINTER)SQL_TXN_READ_COMMITTED, 0);
    T_DBC_RC(a, rc, SQL_SUCCESS, "isolation READ COMMITTED");
    SQLGetConnectAttr(a, SQL_ATTR_TXN_ISOLATION, &iso, 0, NULL);
    t_is_int(iso, SQL_TXN_READ_COMMITTED, "isolation reads back");
    char v[64];
    t_query_str(a, "SHOW transaction_isolation", v, sizeof v);
    t_is_str(v, "read committed", "the server runs read committed");
    rc = SQLSetConnectAttr(a, SQL_ATTR_TXN_ISOLATION, (SQLPOINTER)SQL_TXN_SERIALIZABLE, 0);
    T_DBC_RC(a, rc, SQL_SUCCESS, "isolation SERIALIZABLE");
    t_query_str(a, "SHOW transaction_isolation", v, sizeof v);
    t_is_str(v, "serializable", "the server runs serializable");
    rc = SQLSetConnectAttr(a, SQL_ATTR_TXN_ISOLATION, (SQLPOINTER)12345, 0);
    T_DBC_RC(a, rc, SQL_ERROR, "a bad isolation level is refused");
    t_state(SQL_HANDLE_DBC, a, "HY024", "bad isolation: HY024");

    /* read-only mode */
    rc = SQLSetConnectAttr(a, SQL_ATTR_ACCESS_MODE, (SQLPOINTER)SQL_MODE_READ_ONLY, 0);
    T_DBC_RC(a, rc, SQL_SUCCESS, "SQL_MODE_READ_ONLY");
    SQLHSTMT st = t_stmt(a);
    rc = SQLExecDirect(st, (SQLCHAR *)"INSERT INTO " TBL " (tag) VALUES ('ro')", SQL_NTS);
    T_STMT_RC(st, rc, SQL_ERROR, "an INSERT in read-only mode fails");
    t_state(SQL_HANDLE_STMT, st, "25006", "read-only transaction: 25006");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    rc = SQLSetConnectAttr(a, SQL_ATTR_ACCESS_MODE, (SQLPOINTER)SQL_MODE_READ_WRITE, 0);
    T_DBC_RC(a, rc, SQL_SUCCESS, "SQL_MODE_READ_WRITE");
    T_DBC_RC(a, insert_tag(a, "rw"), SQL_SUCCESS, "writing works again");
}

static void test_disconnect_open_transaction(SQLHDBC b)
{
    SQLHDBC d = t_connect(env, "");
    SQLSetConnectAttr(d, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_OFF, 0);
    insert_tag(d, "left-open");
    SQLRETURN rc = SQLDisconnect(d);
    t_ok(rc == SQL_ERROR, "disconnect with an open transaction fails (rc %d)", rc);
    t_state(SQL_HANDLE_DBC, d, "25000", "open transaction: 25000");
    T_DBC_RC(d, SQLEndTran(SQL_HANDLE_DBC, d, SQL_ROLLBACK), SQL_SUCCESS, "rollback after the refused disconnect");
    T_DBC_RC(d, SQLDisconnect(d), SQL_SUCCESS, "then the disconnect succeeds");
    t_is_int(count_tag(b, "left-open"), 0, "the open transaction was not committed");
    SQLFreeHandle(SQL_HANDLE_DBC, d);
}

static void test_dead_connection(void)
{
    SQLHDBC d = t_connect(env, "ApplicationName=odbc_txn_victim");
    SQLUINTEGER dead = 99;
    SQLRETURN rc = SQLGetConnectAttr(d, SQL_ATTR_CONNECTION_DEAD, &dead, 0, NULL);
    T_DBC_RC(d, rc, SQL_SUCCESS, "SQL_ATTR_CONNECTION_DEAD");
    t_is_int(dead, SQL_CD_FALSE, "a live connection is not dead");
    SQLHSTMT st = t_stmt(d);
    SQLHSTMT st2 = t_stmt(d);
    rc = SQLExecDirect(st2, (SQLCHAR *)"SELECT g FROM generate_series(1, 3) g", SQL_NTS);
    T_STMT_RC(st2, rc, SQL_SUCCESS, "a result set open before the kill");

    int status = t_superuser_sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                 "WHERE application_name = 'odbc_txn_victim'");
    t_is_int(status, 0, "pg_terminate_backend through psql as the superuser");
    /* the backend needs a moment to go */
    usleep(300 * 1000);

    rc = SQLExecDirect(st, (SQLCHAR *)"SELECT 1", SQL_NTS);
    T_STMT_RC(st, rc, SQL_ERROR, "a statement on the killed connection fails");
    t_state(SQL_HANDLE_STMT, st, "08S01", "killed connection: 08S01");
    char msg[1024];
    t_diag_rec(SQL_HANDLE_STMT, st, 1, NULL, NULL, msg, sizeof msg);
    t_like(msg, "terminating connection due to administrator command", "08S01 carries the server's reason");
    dead = 99;
    rc = SQLGetConnectAttr(d, SQL_ATTR_CONNECTION_DEAD, &dead, 0, NULL);
    T_DBC_RC(d, rc, SQL_SUCCESS, "SQL_ATTR_CONNECTION_DEAD after the kill");
    t_is_int(dead, SQL_CD_TRUE, "the connection is dead");
    rc = SQLExecDirect(st, (SQLCHAR *)"SELECT 2", SQL_NTS);
    T_STMT_RC(st, rc, SQL_ERROR, "the next statement fails too");
    t_state(SQL_HANDLE_STMT, st, "08S01", "and says 08S01");
    /* the result fetched before the kill is still readable: it is client-side */
    SQLINTEGER v = 0;
    SQLLEN ind;
    rc = SQLFetch(st2);
    T_STMT_RC(st2, rc, SQL_SUCCESS, "a result set fetched before the kill still reads");
    SQLGetData(st2, 1, SQL_C_SLONG, &v, 0, &ind);
    t_is_int(v, 1, "its first row");
    rc = SQLEndTran(SQL_HANDLE_DBC, d, SQL_ROLLBACK);
    t_ok(rc == SQL_SUCCESS || rc == SQL_ERROR, "SQLEndTran on a dead connection returns (rc %d)", rc);
    t_is_int(SQLFreeHandle(SQL_HANDLE_STMT, st), SQL_SUCCESS, "the statement handle frees");
    t_is_int(SQLFreeHandle(SQL_HANDLE_STMT, st2), SQL_SUCCESS, "the second statement handle frees");
    rc = SQLDisconnect(d);
    t_ok(SQL_SUCCEEDED(rc), "SQLDisconnect of a dead connection succeeds (rc %d)", rc);
    t_is_int(SQLFreeHandle(SQL_HANDLE_DBC, d), SQL_SUCCESS, "the connection handle frees");
}

int main(void)
{
    t_start(120);
    env = t_env_alloc();
    SQLHDBC a = t_connect(env, "");
    SQLHDBC b = t_connect(env, "");
    SQLHSTMT st = t_stmt(a);
    t_exec(st, "DROP TABLE IF EXISTS " TBL);
    t_exec(st, "CREATE TABLE " TBL " (id serial, tag varchar(20))");
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    test_autocommit(a, b);
    test_end_tran_env(a, b);
    test_error_in_transaction(a, b);
    test_isolation(a);
    test_disconnect_open_transaction(b);
    test_dead_connection();

    st = t_stmt(a);
    t_exec(st, "DROP TABLE " TBL);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    t_disconnect(a);
    t_disconnect(b);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    return t_done();
}
