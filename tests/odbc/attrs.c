/* attrs.c - every connection and statement attribute of the ODBC reference through unixODBC:
 * it works (set, read back, and where it shows, the server or the driver behaves so), or it is
 * refused the way the reference says: HYC00 for a valid attribute this driver lacks, HY092
 * for an unknown or read-only one, HY024 for a value outside the attribute's domain, 01S02
 * when a similar value is substituted, HY011 when it cannot be set now. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "odbctest.h"

static SQLHENV env;
static SQLHDBC dbc;

#define V(x) ((SQLPOINTER)(uintptr_t)(x))

/* One attribute set with one value: the return code, the SQLSTATE (NULL: none wanted), and
 * the value read back afterwards (-1: not read back). */
typedef struct attr_case {
    SQLINTEGER attr;
    const char *name;
    SQLULEN value;
    SQLRETURN rc;
    const char *state;
    long long readback;
} attr_case;

static void check_case(SQLSMALLINT htype, SQLHANDLE h, const attr_case *c)
{
    SQLRETURN rc = htype == SQL_HANDLE_DBC ? SQLSetConnectAttr(h, c->attr, V(c->value), 0)
                                           : SQLSetStmtAttr(h, c->attr, V(c->value), 0);
    char state[6] = "";
    if (rc != SQL_SUCCESS)
        t_diag_rec(htype, h, 1, state, NULL, NULL, 0);
    int ok = rc == c->rc && (!c->state || strcmp(state, c->state) == 0);
    t_ok(ok, "%s = %lu: %s%s%s", c->name, (unsigned long)c->value,
         c->rc == SQL_SUCCESS ? "SQL_SUCCESS" : c->rc == SQL_SUCCESS_WITH_INFO ? "SQL_SUCCESS_WITH_INFO" : "SQL_ERROR",
         c->state ? " " : "", c->state ? c->state : "");
    if (!ok)
        t_diag("got rc %d, state '%s'", rc, state);
    if (c->readback >= 0) {
        SQLULEN got = 0xDEADBEEF;
        rc = htype == SQL_HANDLE_DBC ? SQLGetConnectAttr(h, c->attr, &got, sizeof got, NULL)
                                     : SQLGetStmtAttr(h, c->attr, &got, sizeof got, NULL);
        /* 32-bit attributes fill only half of the SQLULEN */
        if (htype == SQL_HANDLE_DBC && got > 0xFFFFFFFFu)
            got &= 0xFFFFFFFFu;
        t_ok(SQL_SUCCEEDED(rc) && (long long)got == c->readback, "%s reads back %lld (got %llu)", c->name,
             c->readback, (unsigned long long)got);
    }
}

static void test_connection_attrs(void)
{
    static const attr_case cases[] = {
        { SQL_ATTR_ACCESS_MODE, "SQL_ATTR_ACCESS_MODE", 42, SQL_ERROR, "HY024", SQL_MODE_READ_WRITE },
        { SQL_ATTR_AUTOCOMMIT, "SQL_ATTR_AUTOCOMMIT", SQL_AUTOCOMMIT_OFF, SQL_SUCCESS, NULL, SQL_AUTOCOMMIT_OFF },
        { SQL_ATTR_AUTOCOMMIT, "SQL_ATTR_AUTOCOMMIT", 7, SQL_ERROR, "HY024", SQL_AUTOCOMMIT_OFF },
        { SQL_ATTR_AUTOCOMMIT, "SQL_ATTR_AUTOCOMMIT", SQL_AUTOCOMMIT_ON, SQL_SUCCESS, NULL, SQL_AUTOCOMMIT_ON },
        { SQL_ATTR_AUTO_IPD, "SQL_ATTR_AUTO_IPD (read-only)", SQL_TRUE, SQL_ERROR, "HY092", SQL_FALSE },
        { SQL_ATTR_ASYNC_ENABLE, "SQL_ATTR_ASYNC_ENABLE", SQL_ASYNC_ENABLE_ON, SQL_ERROR, "HYC00", SQL_ASYNC_ENABLE_OFF },
        { SQL_ATTR_ASYNC_DBC_FUNCTIONS_ENABLE, "SQL_ATTR_ASYNC_DBC_FUNCTIONS_ENABLE", SQL_ASYNC_DBC_ENABLE_ON,
          SQL_ERROR, "HYC00", -1 },
        { SQL_ATTR_CONNECTION_DEAD, "SQL_ATTR_CONNECTION_DEAD (read-only)", SQL_CD_TRUE, SQL_ERROR, "HY092", SQL_CD_FALSE },
        { SQL_ATTR_CONNECTION_TIMEOUT, "SQL_ATTR_CONNECTION_TIMEOUT", 30, SQL_SUCCESS, NULL, 30 },
        { SQL_ATTR_ENLIST_IN_DTC, "SQL_ATTR_ENLIST_IN_DTC", 1, SQL_ERROR, "HYC00", SQL_DTC_DONE },
        { SQL_ATTR_LOGIN_TIMEOUT, "SQL_ATTR_LOGIN_TIMEOUT", 5, SQL_SUCCESS, NULL, 5 },
        { SQL_ATTR_METADATA_ID, "SQL_ATTR_METADATA_ID", SQL_TRUE, SQL_SUCCESS, NULL, SQL_TRUE },
        { SQL_ATTR_METADATA_ID, "SQL_ATTR_METADATA_ID", 5, SQL_ERROR, "HY024", SQL_TRUE },
        { SQL_ATTR_METADATA_ID, "SQL_ATTR_METADATA_ID", SQL_FALSE, SQL_SUCCESS, NULL, SQL_FALSE },
        { SQL_ATTR_PACKET_SIZE, "SQL_ATTR_PACKET_SIZE after connecting", 8192, SQL_ERROR, "HY011", -1 },
        { SQL_ATTR_QUIET_MODE, "SQL_ATTR_QUIET_MODE", 0, SQL_SUCCESS, NULL, 0 },
        { SQL_ATTR_TRANSLATE_OPTION, "SQL_ATTR_TRANSLATE_OPTION", 1, SQL_ERROR, "HYC00", -1 },
        { SQL_ATTR_TXN_ISOLATION, "SQL_ATTR_TXN_ISOLATION", 3, SQL_ERROR, "HY024", SQL_TXN_READ_COMMITTED },
        { SQL_ATTR_RESET_CONNECTION, "SQL_ATTR_RESET_CONNECTION", SQL_RESET_CONNECTION_YES, SQL_ERROR, "HYC00", -1 },
        { 99999, "attribute 99999", 1, SQL_ERROR, "HY092", -1 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        check_case(SQL_HANDLE_DBC, dbc, &cases[i]);

    /* SQL_ATTR_ACCESS_MODE read-only: the server refuses writes */
    SQLHSTMT st = t_stmt(dbc);
    T_DBC_RC(dbc, SQLSetConnectAttr(dbc, SQL_ATTR_ACCESS_MODE, V(SQL_MODE_READ_ONLY), 0), SQL_SUCCESS,
             "SQL_ATTR_ACCESS_MODE read-only");
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)"CREATE TEMP TABLE odbc_attrs_ro (a int)", SQL_NTS);
    T_STMT_RC(st, rc, SQL_ERROR, "read-only: CREATE is refused by the server");
    t_state(SQL_HANDLE_STMT, st, "25006", "25006 read-only transaction");
    T_DBC_RC(dbc, SQLSetConnectAttr(dbc, SQL_ATTR_ACCESS_MODE, V(SQL_MODE_READ_WRITE), 0), SQL_SUCCESS,
             "SQL_ATTR_ACCESS_MODE read-write again");
    rc = SQLExecDirect(st, (SQLCHAR *)"CREATE TEMP TABLE odbc_attrs_ro (a int)", SQL_NTS);
    T_STMT_RC(st, rc, SQL_SUCCESS, "read-write: CREATE works");
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    /* a string attribute the driver lacks */
    rc = SQLSetConnectAttr(dbc, SQL_ATTR_TRANSLATE_LIB, (SQLPOINTER) "libtranslate.so", SQL_NTS);
    T_DBC_RC(dbc, rc, SQL_ERROR, "SQL_ATTR_TRANSLATE_LIB is refused");
    t_state(SQL_HANDLE_DBC, dbc, "HYC00", "HYC00");

    /* set before connecting, applied at connect */
    SQLHDBC d2;
    SQLAllocHandle(SQL_HANDLE_DBC, env, &d2);
    rc = SQLSetConnectAttr(d2, SQL_ATTR_TXN_ISOLATION, V(SQL_TXN_REPEATABLE_READ), 0);
    T_DBC_RC(d2, rc, SQL_SUCCESS, "SQL_ATTR_TXN_ISOLATION before connecting");
    rc = SQLSetConnectAttr(d2, SQL_ATTR_PACKET_SIZE, V(8192), 0);
    T_DBC_RC(d2, rc, SQL_SUCCESS, "SQL_ATTR_PACKET_SIZE before connecting");
    SQLULEN dead = 0;
    char cs[1024];
    t_connstr(cs, sizeof cs, NULL);
    rc = SQLDriverConnect(d2, NULL, (SQLCHAR *)cs, SQL_NTS, NULL, 0, NULL, SQL_DRIVER_NOPROMPT);
    T_DBC_RC(d2, rc, SQL_SUCCESS, "connect");
    char v[64];
    t_query_str(d2, "SHOW transaction_isolation", v, sizeof v);
    t_is_str(v, "repeatable read", "the isolation level set before connecting is the server's");
    SQLGetConnectAttr(d2, SQL_ATTR_CONNECTION_DEAD, &dead, 0, NULL);
    t_is_int((long long)dead, SQL_CD_FALSE, "SQL_ATTR_CONNECTION_DEAD: alive");
    SQLDisconnect(d2);
    SQLFreeHandle(SQL_HANDLE_DBC, d2);
}

static void test_statement_attrs(void)
{
    SQLHSTMT st = t_stmt(dbc);
    static const attr_case cases[] = {
        { SQL_ATTR_ASYNC_ENABLE, "SQL_ATTR_ASYNC_ENABLE", SQL_ASYNC_ENABLE_ON, SQL_ERROR, "HYC00", SQL_ASYNC_ENABLE_OFF },
        { SQL_ATTR_CONCURRENCY, "SQL_ATTR_CONCURRENCY", SQL_CONCUR_ROWVER, SQL_SUCCESS_WITH_INFO, "01S02",
          SQL_CONCUR_READ_ONLY },
        { SQL_ATTR_CONCURRENCY, "SQL_ATTR_CONCURRENCY", 77, SQL_ERROR, "HY024", SQL_CONCUR_READ_ONLY },
        { SQL_ATTR_CURSOR_SCROLLABLE, "SQL_ATTR_CURSOR_SCROLLABLE", SQL_SCROLLABLE, SQL_SUCCESS, NULL, SQL_SCROLLABLE },
        { SQL_ATTR_CURSOR_TYPE, "SQL_ATTR_CURSOR_TYPE (after SCROLLABLE)", SQL_CURSOR_STATIC, SQL_SUCCESS, NULL,
          SQL_CURSOR_STATIC },
        { SQL_ATTR_CURSOR_SCROLLABLE, "SQL_ATTR_CURSOR_SCROLLABLE", 5, SQL_ERROR, "HY024", SQL_SCROLLABLE },
        { SQL_ATTR_CURSOR_SCROLLABLE, "SQL_ATTR_CURSOR_SCROLLABLE", SQL_NONSCROLLABLE, SQL_SUCCESS, NULL,
          SQL_NONSCROLLABLE },
        { SQL_ATTR_CURSOR_SENSITIVITY, "SQL_ATTR_CURSOR_SENSITIVITY", SQL_SENSITIVE, SQL_ERROR, "HYC00", -1 },
        { SQL_ATTR_CURSOR_SENSITIVITY, "SQL_ATTR_CURSOR_SENSITIVITY", SQL_INSENSITIVE, SQL_SUCCESS, NULL, SQL_INSENSITIVE },
        { SQL_ATTR_CURSOR_SENSITIVITY, "SQL_ATTR_CURSOR_SENSITIVITY", 9, SQL_ERROR, "HY024", SQL_INSENSITIVE },
        { SQL_ATTR_CURSOR_TYPE, "SQL_ATTR_CURSOR_TYPE", SQL_CURSOR_DYNAMIC, SQL_SUCCESS_WITH_INFO, "01S02",
          SQL_CURSOR_STATIC },
        { SQL_ATTR_CURSOR_TYPE, "SQL_ATTR_CURSOR_TYPE", 12, SQL_ERROR, "HY024", SQL_CURSOR_STATIC },
        { SQL_ATTR_CURSOR_TYPE, "SQL_ATTR_CURSOR_TYPE", SQL_CURSOR_FORWARD_ONLY, SQL_SUCCESS, NULL, SQL_CURSOR_FORWARD_ONLY },
        { SQL_ATTR_ENABLE_AUTO_IPD, "SQL_ATTR_ENABLE_AUTO_IPD", SQL_TRUE, SQL_ERROR, "HYC00", SQL_FALSE },
        { SQL_ATTR_KEYSET_SIZE, "SQL_ATTR_KEYSET_SIZE", 10, SQL_SUCCESS, NULL, 10 },
        { SQL_ATTR_MAX_LENGTH, "SQL_ATTR_MAX_LENGTH", 100, SQL_SUCCESS, NULL, 100 },
        { SQL_ATTR_MAX_ROWS, "SQL_ATTR_MAX_ROWS", 3, SQL_SUCCESS, NULL, 3 },
        { SQL_ATTR_METADATA_ID, "SQL_ATTR_METADATA_ID", SQL_TRUE, SQL_SUCCESS, NULL, SQL_TRUE },
        { SQL_ATTR_METADATA_ID, "SQL_ATTR_METADATA_ID", 3, SQL_ERROR, "HY024", SQL_TRUE },
        { SQL_ATTR_NOSCAN, "SQL_ATTR_NOSCAN", SQL_NOSCAN_ON, SQL_SUCCESS, NULL, SQL_NOSCAN_ON },
        { SQL_ATTR_NOSCAN, "SQL_ATTR_NOSCAN", 5, SQL_ERROR, "HY024", SQL_NOSCAN_ON },
        { SQL_ATTR_PARAM_BIND_TYPE, "SQL_ATTR_PARAM_BIND_TYPE", 24, SQL_SUCCESS, NULL, 24 },
        { SQL_ATTR_PARAMSET_SIZE, "SQL_ATTR_PARAMSET_SIZE", 5, SQL_SUCCESS, NULL, 5 },
        { SQL_ATTR_PARAMSET_SIZE, "SQL_ATTR_PARAMSET_SIZE", 0, SQL_ERROR, "HY024", 5 },
        { SQL_ATTR_QUERY_TIMEOUT, "SQL_ATTR_QUERY_TIMEOUT", 9, SQL_SUCCESS, NULL, 9 },
        { SQL_ATTR_RETRIEVE_DATA, "SQL_ATTR_RETRIEVE_DATA", SQL_RD_OFF, SQL_SUCCESS, NULL, SQL_RD_OFF },
        { SQL_ATTR_RETRIEVE_DATA, "SQL_ATTR_RETRIEVE_DATA", 4, SQL_ERROR, "HY024", SQL_RD_OFF },
        { SQL_ATTR_ROW_ARRAY_SIZE, "SQL_ATTR_ROW_ARRAY_SIZE", 4, SQL_SUCCESS, NULL, 4 },
        { SQL_ATTR_ROW_BIND_TYPE, "SQL_ATTR_ROW_BIND_TYPE", 32, SQL_SUCCESS, NULL, 32 },
        { SQL_ATTR_ROW_NUMBER, "SQL_ATTR_ROW_NUMBER (read-only)", 1, SQL_ERROR, "HY092", -1 },
        { SQL_ATTR_SIMULATE_CURSOR, "SQL_ATTR_SIMULATE_CURSOR", SQL_SC_UNIQUE, SQL_SUCCESS, NULL, SQL_SC_UNIQUE },
        { SQL_ATTR_USE_BOOKMARKS, "SQL_ATTR_USE_BOOKMARKS", SQL_UB_VARIABLE, SQL_SUCCESS, NULL, SQL_UB_VARIABLE },
        { SQL_ATTR_USE_BOOKMARKS, "SQL_ATTR_USE_BOOKMARKS", 9, SQL_ERROR, "HY024", SQL_UB_VARIABLE },
        { SQL_ATTR_ASYNC_STMT_EVENT, "SQL_ATTR_ASYNC_STMT_EVENT", 1, SQL_ERROR, "HYC00", -1 },
        { 99999, "attribute 99999", 1, SQL_ERROR, "HY092", -1 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        check_case(SQL_HANDLE_STMT, st, &cases[i]);

    /* pointer attributes come back as set */
    static SQLLEN offset;
    static SQLUSMALLINT ops[4], status[4];
    static SQLULEN done, fetched;
    static SQLUINTEGER bookmark;
    static const struct { SQLINTEGER attr; const char *name; void *p; } ptrs[] = {
        { SQL_ATTR_PARAM_BIND_OFFSET_PTR, "SQL_ATTR_PARAM_BIND_OFFSET_PTR", &offset },
        { SQL_ATTR_PARAM_OPERATION_PTR, "SQL_ATTR_PARAM_OPERATION_PTR", ops },
        { SQL_ATTR_PARAM_STATUS_PTR, "SQL_ATTR_PARAM_STATUS_PTR", status },
        { SQL_ATTR_PARAMS_PROCESSED_PTR, "SQL_ATTR_PARAMS_PROCESSED_PTR", &done },
        { SQL_ATTR_ROW_BIND_OFFSET_PTR, "SQL_ATTR_ROW_BIND_OFFSET_PTR", &offset },
        { SQL_ATTR_ROW_OPERATION_PTR, "SQL_ATTR_ROW_OPERATION_PTR", ops },
        { SQL_ATTR_ROW_STATUS_PTR, "SQL_ATTR_ROW_STATUS_PTR", status },
        { SQL_ATTR_ROWS_FETCHED_PTR, "SQL_ATTR_ROWS_FETCHED_PTR", &fetched },
        { SQL_ATTR_FETCH_BOOKMARK_PTR, "SQL_ATTR_FETCH_BOOKMARK_PTR", &bookmark },
    };
    for (size_t i = 0; i < sizeof ptrs / sizeof *ptrs; i++) {
        SQLRETURN rc = SQLSetStmtAttr(st, ptrs[i].attr, ptrs[i].p, 0);
        SQLPOINTER got = NULL;
        SQLRETURN rc2 = SQLGetStmtAttr(st, ptrs[i].attr, &got, 0, NULL);
        t_ok(rc == SQL_SUCCESS && rc2 == SQL_SUCCESS && got == ptrs[i].p, "%s: set and read back", ptrs[i].name);
    }

    /* descriptor attributes: the implementation descriptors stay, another statement's
     * implicit descriptor is not an application descriptor here */
    SQLHSTMT other = t_stmt(dbc);
    SQLHDESC ird = NULL, oard = NULL;
    SQLGetStmtAttr(st, SQL_ATTR_IMP_ROW_DESC, &ird, 0, NULL);
    SQLGetStmtAttr(other, SQL_ATTR_APP_ROW_DESC, &oard, 0, NULL);
    SQLRETURN drc = SQLSetStmtAttr(st, SQL_ATTR_IMP_ROW_DESC, ird, 0);
    char dstate[6] = "";
    t_diag_rec(SQL_HANDLE_STMT, st, 1, dstate, NULL, NULL, 0);
    t_ok(drc == SQL_ERROR && (strcmp(dstate, "HY017") == 0 || strcmp(dstate, "HY092") == 0),
         "SQL_ATTR_IMP_ROW_DESC cannot be set (%s)", dstate);
    drc = SQLSetStmtAttr(st, SQL_ATTR_APP_ROW_DESC, oard, 0);
    T_STMT_RC(st, drc, SQL_ERROR, "another statement's implicit ARD as this one's ARD");
    t_state(SQL_HANDLE_STMT, st, "HY017", "HY017");
    SQLHDESC mine = NULL;
    SQLAllocHandle(SQL_HANDLE_DESC, dbc, &mine);
    T_STMT_RC(st, SQLSetStmtAttr(st, SQL_ATTR_APP_ROW_DESC, mine, 0), SQL_SUCCESS, "an explicit descriptor as the ARD");
    SQLHDESC got = NULL;
    SQLGetStmtAttr(st, SQL_ATTR_APP_ROW_DESC, &got, 0, NULL);
    t_ok(got == mine, "SQL_ATTR_APP_ROW_DESC reads it back");
    T_STMT_RC(st, SQLSetStmtAttr(st, SQL_ATTR_APP_ROW_DESC, NULL, 0), SQL_SUCCESS, "NULL restores the implicit ARD");
    SQLFreeHandle(SQL_HANDLE_DESC, mine);
    SQLFreeHandle(SQL_HANDLE_STMT, other);
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    /* the cursor attributes cannot change once the statement is prepared */
    st = t_stmt(dbc);
    T_STMT_RC(st, SQLPrepare(st, (SQLCHAR *)"SELECT 1", SQL_NTS), SQL_SUCCESS, "prepare");
    static const struct { SQLINTEGER attr; const char *name; SQLULEN v; } locked[] = {
        { SQL_ATTR_CONCURRENCY, "SQL_ATTR_CONCURRENCY", SQL_CONCUR_READ_ONLY },
        { SQL_ATTR_CURSOR_TYPE, "SQL_ATTR_CURSOR_TYPE", SQL_CURSOR_STATIC },
        { SQL_ATTR_SIMULATE_CURSOR, "SQL_ATTR_SIMULATE_CURSOR", SQL_SC_NON_UNIQUE },
        { SQL_ATTR_USE_BOOKMARKS, "SQL_ATTR_USE_BOOKMARKS", SQL_UB_VARIABLE },
    };
    for (size_t i = 0; i < sizeof locked / sizeof *locked; i++) {
        SQLRETURN rc = SQLSetStmtAttr(st, locked[i].attr, V(locked[i].v), 0);
        char state[6] = "";
        t_diag_rec(SQL_HANDLE_STMT, st, 1, state, NULL, NULL, 0);
        t_ok(rc == SQL_ERROR && strcmp(state, "HY011") == 0, "%s after SQLPrepare: HY011 (%s)", locked[i].name, state);
    }
    T_STMT_RC(st, SQLSetStmtAttr(st, SQL_ATTR_MAX_ROWS, V(1), 0), SQL_SUCCESS, "SQL_ATTR_MAX_ROWS still can");

    /* SQL_ATTR_ROW_NUMBER: no cursor, then the row a fetch moved to */
    SQLULEN rn = 99;
    SQLRETURN rc = SQLGetStmtAttr(st, SQL_ATTR_ROW_NUMBER, &rn, 0, NULL);
    T_STMT_RC(st, rc, SQL_ERROR, "SQL_ATTR_ROW_NUMBER without a cursor fails");
    t_state(SQL_HANDLE_STMT, st, "24000", "24000");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    st = t_stmt(dbc);
    SQLExecDirect(st, (SQLCHAR *)"SELECT g FROM generate_series(1, 5) g", SQL_NTS);
    SQLFetch(st);
    SQLFetch(st);
    rc = SQLGetStmtAttr(st, SQL_ATTR_ROW_NUMBER, &rn, 0, NULL);
    T_STMT_RC(st, rc, SQL_SUCCESS, "SQL_ATTR_ROW_NUMBER with a cursor");
    t_is_int((long long)rn, 2, "the second row");
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    /* SQL_ATTR_RETRIEVE_DATA off: SQLFetch moves without filling the bound buffers */
    st = t_stmt(dbc);
    SQLINTEGER val = -1;
    SQLLEN ind = 0;
    SQLSetStmtAttr(st, SQL_ATTR_RETRIEVE_DATA, V(SQL_RD_OFF), 0);
    SQLBindCol(st, 1, SQL_C_SLONG, &val, 0, &ind);
    SQLExecDirect(st, (SQLCHAR *)"SELECT 42", SQL_NTS);
    T_STMT_RC(st, SQLFetch(st), SQL_SUCCESS, "fetch with SQL_RD_OFF");
    t_is_int(val, -1, "SQL_RD_OFF: the bound buffer is untouched");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* The ODBC 2 option functions, mapped by unixODBC: statement options set on the connection
 * apply to its statements, open and later ones. */
static void test_odbc2_options(void)
{
    SQLHDBC d = t_connect(env, "");
    SQLHSTMT before = t_stmt(d);
    SQLULEN v = 99;
    SQLRETURN rc = SQLGetConnectOption(d, SQL_MAX_ROWS, &v);
    t_ok(rc == SQL_SUCCESS && v == 0, "SQLGetConnectOption(SQL_MAX_ROWS) before any: the default 0 (%lu)", (unsigned long)v);
    rc = SQLSetConnectOption(d, SQL_QUERY_TIMEOUT, 5);
    T_DBC_RC(d, rc, SQL_SUCCESS, "SQLSetConnectOption(SQL_QUERY_TIMEOUT, 5)");
    v = 0;
    SQLGetConnectOption(d, SQL_QUERY_TIMEOUT, &v);
    t_is_int((long long)v, 5, "SQLGetConnectOption reads it back");
    v = 0;
    SQLGetStmtAttr(before, SQL_ATTR_QUERY_TIMEOUT, &v, 0, NULL);
    t_is_int((long long)v, 5, "a statement allocated before has it");
    SQLHSTMT after = t_stmt(d);
    v = 0;
    SQLGetStmtOption(after, SQL_QUERY_TIMEOUT, &v);
    t_is_int((long long)v, 5, "a statement allocated after has it (SQLGetStmtOption)");
    rc = SQLSetConnectOption(d, SQL_CURSOR_TYPE, SQL_CURSOR_KEYSET_DRIVEN);
    T_DBC_RC(d, rc, SQL_SUCCESS_WITH_INFO, "SQLSetConnectOption(SQL_CURSOR_TYPE, keyset)");
    t_state(SQL_HANDLE_DBC, d, "01S02", "01S02: a static cursor instead");
    v = 0;
    SQLGetConnectOption(d, SQL_CURSOR_TYPE, &v);
    t_is_int((long long)v, SQL_CURSOR_STATIC, "the connection's cursor type reads back static");
    v = 0;
    SQLGetStmtAttr(before, SQL_ATTR_CURSOR_TYPE, &v, 0, NULL);
    t_is_int((long long)v, SQL_CURSOR_STATIC, "and so does the statement's");
    rc = SQLSetConnectOption(d, SQL_NOSCAN, 7);
    T_DBC_RC(d, rc, SQL_ERROR, "SQLSetConnectOption(SQL_NOSCAN, 7) is refused");
    t_state(SQL_HANDLE_DBC, d, "HY024", "HY024");
    rc = SQLSetStmtOption(after, SQL_ROWSET_SIZE, 3);
    T_STMT_RC(after, rc, SQL_SUCCESS, "SQLSetStmtOption(SQL_ROWSET_SIZE, 3)");
    v = 0;
    SQLGetStmtOption(after, SQL_ROWSET_SIZE, &v);
    t_is_int((long long)v, 3, "SQLGetStmtOption reads it back");
    rc = SQLSetConnectOption(d, SQL_AUTOCOMMIT, SQL_AUTOCOMMIT_OFF);
    T_DBC_RC(d, rc, SQL_SUCCESS, "SQLSetConnectOption(SQL_AUTOCOMMIT, off)");
    v = 9;
    SQLGetConnectOption(d, SQL_AUTOCOMMIT, &v);
    t_is_int((long long)v, SQL_AUTOCOMMIT_OFF, "SQLGetConnectOption(SQL_AUTOCOMMIT)");
    SQLSetConnectOption(d, SQL_AUTOCOMMIT, SQL_AUTOCOMMIT_ON);
    /* the timeout set on the connection works on its statements */
    double t0 = t_now();
    SQLSetConnectOption(d, SQL_QUERY_TIMEOUT, 1);
    rc = SQLExecDirect(before, (SQLCHAR *)"SELECT pg_sleep(5)", SQL_NTS);
    T_STMT_RC(before, rc, SQL_ERROR, "SQL_QUERY_TIMEOUT 1 from the connection stops a 5 s query");
    t_state(SQL_HANDLE_STMT, before, "HYT00", "HYT00");
    t_ok(t_now() - t0 < 4.0, "within the timeout");
    t_disconnect(d);
}

int main(void)
{
    t_start(60);
    env = t_env_alloc();
    dbc = t_connect(env, "");
    test_connection_attrs();
    test_statement_attrs();
    test_odbc2_options();
    t_disconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    return t_done();
}
