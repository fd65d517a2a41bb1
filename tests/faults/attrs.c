/* attrs.c - wrong attribute values through the driver manager (issue 7 point 6): each
 * SQLSetEnvAttr / SQLSetConnectAttr / SQLSetStmtAttr below must fail with the SQLSTATE ODBC
 * gives for it (HY024 invalid value, HY092 invalid or read-only attribute, HYC00 not
 * supported, HY017 implementation descriptor, HY090 bad length) and leave the attribute as it
 * was; the handles keep working afterwards. TAP. */
#include <stdio.h>
#include <string.h>

#include "../odbc/odbctest.h"

#define V(x) ((SQLPOINTER)(SQLULEN)(x))

typedef struct acase {
    const char *what;
    SQLINTEGER attr;
    SQLPOINTER value;
    SQLINTEGER len;
    const char *state;
    int check_unchanged;   /* read the attribute back: it must keep its old value */
} acase;

static void check_fail(SQLSMALLINT type, SQLHANDLE h, SQLRETURN rc, const char *kind, const acase *c)
{
    char state[6] = "", msg[1024] = "";
    t_diag_rec(type, h, 1, state, NULL, msg, sizeof msg);
    int good = rc == SQL_ERROR && strcmp(state, c->state) == 0;
    t_ok(good, "%s %s: %s", kind, c->what, rc == SQL_ERROR ? state : "no error");
    if (!good)
        t_diag("rc %d, first record %s: %s (expected %s)", (int)rc, state, msg, c->state);
}

static void run_env(SQLHENV env)
{
    static const acase cases[] = {
        { "SQL_ATTR_ODBC_VERSION 99", SQL_ATTR_ODBC_VERSION, V(99), 0, "HY024", 1 },
        { "attribute 424242", 424242, V(1), 0, "HY092", 0 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        SQLRETURN rc = SQLSetEnvAttr(env, cases[i].attr, cases[i].value, cases[i].len);
        check_fail(SQL_HANDLE_ENV, env, rc, "SQLSetEnvAttr", &cases[i]);
    }
    SQLINTEGER v = 0;
    SQLGetEnvAttr(env, SQL_ATTR_ODBC_VERSION, &v, 0, NULL);
    t_is_int(v, SQL_OV_ODBC3, "the environment is still ODBC 3");
}

static void run_dbc(SQLHDBC dbc)
{
    static const acase cases[] = {
        { "SQL_ATTR_AUTOCOMMIT 5", SQL_ATTR_AUTOCOMMIT, V(5), 0, "HY024", 1 },
        { "SQL_ATTR_AUTOCOMMIT -1", SQL_ATTR_AUTOCOMMIT, V((SQLULEN)-1), 0, "HY024", 1 },
        { "SQL_ATTR_TXN_ISOLATION 3 (two levels)", SQL_ATTR_TXN_ISOLATION, V(3), 0, "HY024", 1 },
        { "SQL_ATTR_TXN_ISOLATION 0", SQL_ATTR_TXN_ISOLATION, V(0), 0, "HY024", 1 },
        { "SQL_ATTR_TXN_ISOLATION 1024", SQL_ATTR_TXN_ISOLATION, V(1024), 0, "HY024", 1 },
        { "SQL_ATTR_ACCESS_MODE 7", SQL_ATTR_ACCESS_MODE, V(7), 0, "HY024", 1 },
        { "SQL_ATTR_METADATA_ID 2", SQL_ATTR_METADATA_ID, V(2), 0, "HY024", 1 },
        { "SQL_ATTR_METADATA_ID 0xFFFFFFFF", SQL_ATTR_METADATA_ID, V(0xFFFFFFFFu), 0, "HY024", 1 },
        { "SQL_ATTR_ASYNC_ENABLE ON", SQL_ATTR_ASYNC_ENABLE, V(SQL_ASYNC_ENABLE_ON), 0, "HYC00", 1 },
        { "SQL_ATTR_CONNECTION_DEAD (read-only)", SQL_ATTR_CONNECTION_DEAD, V(SQL_CD_TRUE), 0, "HY092", 0 },
        { "SQL_ATTR_AUTO_IPD (read-only)", SQL_ATTR_AUTO_IPD, V(SQL_TRUE), 0, "HY092", 0 },
        { "SQL_ATTR_PACKET_SIZE after connecting", SQL_ATTR_PACKET_SIZE, V(8192), 0, "HY011", 0 },
        { "SQL_ATTR_CURRENT_CATALOG of another database", SQL_ATTR_CURRENT_CATALOG, "postgres", SQL_NTS, "HYC00", 0 },
        { "SQL_ATTR_CURRENT_CATALOG length -7", SQL_ATTR_CURRENT_CATALOG, "rstest", -7, "HY090", 0 },
        { "attribute 424242", 424242, V(1), 0, "HY092", 0 },
        { "attribute -77", -77, V(1), 0, "HY092", 0 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const acase *c = &cases[i];
        SQLULEN before = 12345, after = 54321;
        if (c->check_unchanged)
            SQLGetConnectAttr(dbc, c->attr, &before, sizeof before, NULL);
        SQLRETURN rc = SQLSetConnectAttr(dbc, c->attr, c->value, c->len);
        check_fail(SQL_HANDLE_DBC, dbc, rc, "SQLSetConnectAttr", c);
        if (c->check_unchanged) {
            SQLGetConnectAttr(dbc, c->attr, &after, sizeof after, NULL);
            t_ok(before == after, "... %s keeps its value (%lu, now %lu)", c->what, (unsigned long)before,
                 (unsigned long)after);
        }
    }
    /* a NUL inside the given length of a string attribute */
    SQLRETURN rc = SQLSetConnectAttr(dbc, SQL_ATTR_CURRENT_CATALOG, "rstest\0postgres", 15);
    t_ok(rc == SQL_ERROR, "SQL_ATTR_CURRENT_CATALOG with a NUL inside its length fails (rc %d)", (int)rc);
    char v[64];
    rc = t_query_str(dbc, "SELECT current_database()", v, sizeof v);
    t_is_str(SQL_SUCCEEDED(rc) ? v : "(failed)", "rstest", "the connection still works, in its database");
}

static void run_stmt(SQLHDBC dbc, SQLHDESC foreign)
{
    SQLHSTMT other = t_stmt(dbc);
    SQLHDESC other_ird = SQL_NULL_HDESC;
    SQLGetStmtAttr(other, SQL_ATTR_IMP_ROW_DESC, &other_ird, 0, NULL);
    SQLHSTMT st = t_stmt(dbc);
    const acase cases[] = {
        { "SQL_ATTR_CURSOR_TYPE 99", SQL_ATTR_CURSOR_TYPE, V(99), 0, "HY024", 1 },
        { "SQL_ATTR_CONCURRENCY 99", SQL_ATTR_CONCURRENCY, V(99), 0, "HY024", 1 },
        { "SQL_ATTR_CURSOR_SCROLLABLE 5", SQL_ATTR_CURSOR_SCROLLABLE, V(5), 0, "HY024", 1 },
        { "SQL_ATTR_CURSOR_SENSITIVITY 9", SQL_ATTR_CURSOR_SENSITIVITY, V(9), 0, "HY024", 1 },
        { "SQL_ATTR_ROW_ARRAY_SIZE 0", SQL_ATTR_ROW_ARRAY_SIZE, V(0), 0, "HY024", 1 },
        { "SQL_ATTR_PARAMSET_SIZE 0", SQL_ATTR_PARAMSET_SIZE, V(0), 0, "HY024", 1 },
        { "SQL_ATTR_NOSCAN 5", SQL_ATTR_NOSCAN, V(5), 0, "HY024", 1 },
        { "SQL_ATTR_RETRIEVE_DATA 5", SQL_ATTR_RETRIEVE_DATA, V(5), 0, "HY024", 1 },
        { "SQL_ATTR_USE_BOOKMARKS 5", SQL_ATTR_USE_BOOKMARKS, V(5), 0, "HY024", 1 },
        { "SQL_ATTR_METADATA_ID 5", SQL_ATTR_METADATA_ID, V(5), 0, "HY024", 1 },
        { "SQL_ATTR_SIMULATE_CURSOR 9", SQL_ATTR_SIMULATE_CURSOR, V(9), 0, "HY024", 1 },
        { "SQL_ATTR_ASYNC_ENABLE ON", SQL_ATTR_ASYNC_ENABLE, V(SQL_ASYNC_ENABLE_ON), 0, "HYC00", 1 },
        { "SQL_ATTR_ENABLE_AUTO_IPD TRUE", SQL_ATTR_ENABLE_AUTO_IPD, V(SQL_TRUE), 0, "HYC00", 1 },
        { "SQL_ATTR_ROW_NUMBER (read-only)", SQL_ATTR_ROW_NUMBER, V(3), 0, "HY092", 0 },
        { "SQL_ATTR_IMP_ROW_DESC (implementation descriptor)", SQL_ATTR_IMP_ROW_DESC, other_ird, 0, "HY017", 0 },
        { "SQL_ATTR_APP_ROW_DESC = another statement's IRD", SQL_ATTR_APP_ROW_DESC, other_ird, 0, "HY017", 0 },
        /* (a pointer that is no handle at all crashes unixODBC 2.3.11's SQLSetStmtAttr before
         * the driver is called, so it is not among these) */
        { "SQL_ATTR_APP_ROW_DESC = a descriptor of another connection", SQL_ATTR_APP_ROW_DESC, foreign, 0, "HY024", 0 },
        { "attribute 424242", 424242, V(1), 0, "HY092", 0 },
        { "attribute -77", -77, V(1), 0, "HY092", 0 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const acase *c = &cases[i];
        SQLULEN before = 12345, after = 54321;
        if (c->check_unchanged)
            SQLGetStmtAttr(st, c->attr, &before, sizeof before, NULL);
        SQLRETURN rc = SQLSetStmtAttr(st, c->attr, c->value, c->len);
        check_fail(SQL_HANDLE_STMT, st, rc, "SQLSetStmtAttr", c);
        if (c->check_unchanged) {
            SQLGetStmtAttr(st, c->attr, &after, sizeof after, NULL);
            t_ok(before == after, "... %s keeps its value (%lu, now %lu)", c->what, (unsigned long)before,
                 (unsigned long)after);
        }
    }
    /* the statement still runs */
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)"SELECT 42", SQL_NTS);
    T_STMT_RC(st, rc, SQL_SUCCESS, "the statement still executes");
    SQLINTEGER v = 0;
    SQLLEN ind = 0;
    if (SQL_SUCCEEDED(SQLFetch(st)))
        SQLGetData(st, 1, SQL_C_SLONG, &v, 0, &ind);
    t_is_int(v, 42, "and fetches");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    SQLFreeHandle(SQL_HANDLE_STMT, other);
}

int main(void)
{
    t_start(120);
    SQLHENV env = t_env_alloc();
    run_env(env);
    SQLHDBC dbc = t_connect(env, "");
    run_dbc(dbc);
    SQLHDBC dbc2 = t_connect(env, "");
    SQLHDESC foreign = SQL_NULL_HDESC;
    if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_DESC, dbc2, &foreign)))
        t_bail("SQLAllocHandle(DESC) failed");
    run_stmt(dbc, foreign);
    SQLFreeHandle(SQL_HANDLE_DESC, foreign);
    t_disconnect(dbc2);
    t_disconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    return t_done();
}
