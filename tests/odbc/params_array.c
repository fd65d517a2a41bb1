/* params_array.c - parameter arrays of a plain INSERT ... VALUES go to the server as multi-row
 * INSERTs, with ODBC's per-set semantics kept: statuses, SQL_ATTR_PARAMS_PROCESSED_PTR,
 * SQLRowCount (the total), a failing set's own status and diagnostic (SQL_DIAG_ROW_NUMBER)
 * after the batch is re-run set by set, in autocommit and inside a transaction (under a
 * savepoint), conversion errors, ignored sets, NULLs, column-wise and row-wise binding with a
 * bind offset, SQLExecDirect, and statements that must not be rewritten (RETURNING, ON
 * CONFLICT, INSERT ... SELECT).
 *
 * How the test sees the batching: every row a statement inserts carries that statement's
 * transaction id (xmin; a savepoint's own id inside a transaction). Rows of one multi-row
 * INSERT share one; sets run one by one in autocommit each have their own. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "odbctest.h"

#define TBL "odbc_parr_t"

static SQLHENV env;
static SQLHDBC dbc;

static void query_str(const char *sql, char *out, size_t outlen)
{
    SQLRETURN rc = t_query_str(dbc, sql, out, outlen);
    if (!SQL_SUCCEEDED(rc))
        snprintf(out, outlen, "(query failed %d)", rc);
}

static long query_long(const char *sql)
{
    char v[64];
    query_str(sql, v, sizeof v);
    return strtol(v, NULL, 10);
}

static void reset_table(void)
{
    SQLHSTMT st = t_stmt(dbc);
    t_exec(st, "DROP TABLE IF EXISTS " TBL);
    t_exec(st, "CREATE TABLE " TBL " (id int PRIMARY KEY, name varchar(20), amount numeric(12,2), ts timestamp)");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* What the server holds, as one string to compare with what the test computes. */
static void table_digest(char *out, size_t outlen)
{
    query_str("SELECT count(*) || ':' || coalesce(md5(string_agg(id || '|' || coalesce(name, 'N') || '|' || "
              "coalesce(amount::text, 'N') || '|' || coalesce(ts::text, 'N'), ',' ORDER BY id)), '-') FROM " TBL,
              out, outlen);
}

enum { BIG = 2500 };
static SQLINTEGER ids[BIG];
static char names[BIG][21];
static SQLLEN name_ind[BIG], amount_ind[BIG];
static SQLDOUBLE amounts[BIG];
static SQL_TIMESTAMP_STRUCT stamps[BIG];
static SQLUSMALLINT status[BIG];

/* The values of set i (0-based) for key base + i; every 7th name and every 11th amount NULL. */
static void fill(int i, int base)
{
    int id = base + i;
    ids[i] = id;
    snprintf(names[i], sizeof names[i], "n%d's ?$1", id);
    name_ind[i] = id % 7 == 0 ? SQL_NULL_DATA : SQL_NTS;
    amounts[i] = id * 1.25;
    amount_ind[i] = id % 11 == 0 ? SQL_NULL_DATA : 0;
    memset(&stamps[i], 0, sizeof stamps[i]);
    stamps[i].year = 2024;
    stamps[i].month = (SQLUSMALLINT)(1 + id % 12);
    stamps[i].day = (SQLUSMALLINT)(1 + id % 28);
    stamps[i].hour = (SQLUSMALLINT)(id % 24);
    stamps[i].second = (SQLUSMALLINT)(id % 60);
}

/* The digest the table must have after sets [0, n) with key base were inserted, computed by
 * the server from the same formulas (not by the driver under test). */
static void expected_digest(int base, int n, char *out, size_t outlen)
{
    char sql[1024];
    snprintf(sql, sizeof sql,
             "SELECT count(*) || ':' || md5(string_agg(g || '|' || CASE WHEN g %% 7 = 0 THEN 'N' ELSE 'n' || g || "
             "'''s ?$1' END || '|' || CASE WHEN g %% 11 = 0 THEN 'N' ELSE (g * 1.25)::numeric(12,2)::text END || '|' || "
             "make_timestamp(2024, 1 + g %% 12, 1 + g %% 28, g %% 24, 0, g %% 60)::text, ',' ORDER BY g)) "
             "FROM generate_series(%d, %d) g", base, base + n - 1);
    query_str(sql, out, outlen);
}

static void bind_columns(SQLHSTMT st)
{
    SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, ids, 0, NULL);
    SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 20, 0, names, sizeof names[0], name_ind);
    SQLBindParameter(st, 3, SQL_PARAM_INPUT, SQL_C_DOUBLE, SQL_NUMERIC, 12, 2, amounts, 0, amount_ind);
    SQLBindParameter(st, 4, SQL_PARAM_INPUT, SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP, 26, 6, stamps, 0, NULL);
}

static void test_big_column_wise(void)
{
    reset_table();
    SQLHSTMT st = t_stmt(dbc);
    SQLULEN processed = 0;
    SQLSetStmtAttr(st, SQL_ATTR_PARAM_STATUS_PTR, status, 0);
    SQLSetStmtAttr(st, SQL_ATTR_PARAMS_PROCESSED_PTR, &processed, 0);
    SQLSetStmtAttr(st, SQL_ATTR_PARAMSET_SIZE, (SQLPOINTER)(SQLULEN)BIG, 0);
    SQLRETURN rc = SQLPrepare(st, (SQLCHAR *)"INSERT INTO " TBL " (id, name, amount, ts) VALUES (?, ?, ?, ?)", SQL_NTS);
    T_STMT_RC(st, rc, SQL_SUCCESS, "prepare a four-column INSERT");
    bind_columns(st);
    for (int round = 0; round < 2; round++) {
        int base = 1 + round * BIG;
        for (int i = 0; i < BIG; i++)
            fill(i, base);
        memset(status, 0xEE, sizeof status);
        processed = 0;
        rc = SQLExecute(st);
        T_STMT_RC(st, rc, SQL_SUCCESS, "execution %d: %d sets, column-wise", round + 1, BIG);
        t_is_int((long long)processed, BIG, "execution %d: every set processed", round + 1);
        int bad = 0;
        for (int i = 0; i < BIG; i++)
            bad += status[i] != SQL_PARAM_SUCCESS;
        t_is_int(bad, 0, "execution %d: every status SQL_PARAM_SUCCESS", round + 1);
        SQLLEN count = -1;
        SQLRowCount(st, &count);
        t_is_int(count, BIG, "execution %d: SQLRowCount is the total", round + 1);
    }
    char got[128], want[128];
    table_digest(got, sizeof got);
    expected_digest(1, 2 * BIG, want, sizeof want);
    t_is_str(got, want, "all %d rows hold the values bound (NULLs included)", 2 * BIG);
    /* 2500 sets of 4 markers: batches of 1000, 1000 and 500, twice */
    t_is_int(query_long("SELECT count(DISTINCT xmin::text) FROM " TBL), 6,
             "6 statements inserted them (3 multi-row INSERTs per execution)");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* Row-wise binding, an offset added to every bound address, SQLExecDirect. */
static void test_row_wise_offset(void)
{
    reset_table();
    struct row {
        SQLINTEGER id;
        SQLLEN id_ind;
        char name[12];
        SQLLEN name_ind;
    } rows[2][4];
    memset(rows, 0, sizeof rows);
    for (int i = 0; i < 4; i++) {
        rows[0][i].id = 900 + i;   /* never sent: the offset points past this block */
        rows[1][i].id = 10 + i;
        snprintf(rows[1][i].name, sizeof rows[1][i].name, "r'%d", i);
        rows[1][i].name_ind = i == 2 ? SQL_NULL_DATA : SQL_NTS;
    }
    SQLHSTMT st = t_stmt(dbc);
    SQLLEN offset = (SQLLEN)sizeof rows[0];
    SQLULEN processed = 0;
    SQLSetStmtAttr(st, SQL_ATTR_PARAM_BIND_TYPE, (SQLPOINTER)sizeof(struct row), 0);
    SQLSetStmtAttr(st, SQL_ATTR_PARAM_BIND_OFFSET_PTR, &offset, 0);
    SQLSetStmtAttr(st, SQL_ATTR_PARAMSET_SIZE, (SQLPOINTER)4, 0);
    SQLSetStmtAttr(st, SQL_ATTR_PARAMS_PROCESSED_PTR, &processed, 0);
    SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &rows[0][0].id, 0, &rows[0][0].id_ind);
    SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 11, 0, rows[0][0].name, 12, &rows[0][0].name_ind);
    /* a literal with a marker-like text and a comment in the tuple stay as they are */
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)"insert into " TBL " (id, name) values (? /* ? */, '$1?' || ?) ;",
                                 SQL_NTS);
    T_STMT_RC(st, rc, SQL_SUCCESS, "row-wise array of 4 with a bind offset, SQLExecDirect");
    t_is_int((long long)processed, 4, "4 sets processed");
    SQLLEN count = -1;
    SQLRowCount(st, &count);
    t_is_int(count, 4, "SQLRowCount 4");
    char got[256];
    query_str("SELECT string_agg(id || ':' || coalesce(name, 'N'), ',' ORDER BY id) FROM " TBL, got, sizeof got);
    t_is_str(got, "10:$1?r'0,11:$1?r'1,12:N,13:$1?r'3", "the values behind the offset, literal text intact");
    t_is_int(query_long("SELECT count(DISTINCT xmin::text) FROM " TBL), 1, "one multi-row INSERT");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* In autocommit a failing batch inserted nothing; its sets are re-run one by one. */
static void test_failure_autocommit(void)
{
    reset_table();
    SQLHSTMT st = t_stmt(dbc);
    t_exec(st, "INSERT INTO " TBL " (id) VALUES (3)");
    enum { N = 8 };
    for (int i = 0; i < N; i++)
        fill(i, 1);
    SQLUSMALLINT ops[N];
    for (int i = 0; i < N; i++)
        ops[i] = i == 5 ? SQL_PARAM_IGNORE : SQL_PARAM_PROCEED;
    /* set 7: "x" is no integer (22018, found before anything is sent) */
    SQLCHAR idtext[N][8];
    SQLLEN idtext_ind[N];
    for (int i = 0; i < N; i++) {
        snprintf((char *)idtext[i], sizeof idtext[i], i == 6 ? "x" : "%d", ids[i]);
        idtext_ind[i] = SQL_NTS;
    }
    SQLULEN processed = 0;
    memset(status, 0xEE, sizeof status);
    SQLSetStmtAttr(st, SQL_ATTR_PARAM_STATUS_PTR, status, 0);
    SQLSetStmtAttr(st, SQL_ATTR_PARAM_OPERATION_PTR, ops, 0);
    SQLSetStmtAttr(st, SQL_ATTR_PARAMS_PROCESSED_PTR, &processed, 0);
    SQLSetStmtAttr(st, SQL_ATTR_PARAMSET_SIZE, (SQLPOINTER)N, 0);
    SQLPrepare(st, (SQLCHAR *)"INSERT INTO " TBL " (id, name, amount, ts) VALUES (?, ?, ?, ?)", SQL_NTS);
    bind_columns(st);
    SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_INTEGER, 0, 0, idtext, sizeof idtext[0], idtext_ind);
    SQLRETURN rc = SQLExecute(st);
    T_STMT_RC(st, rc, SQL_SUCCESS_WITH_INFO, "an array with a duplicate key and a bad value: SUCCESS_WITH_INFO");
    const SQLUSMALLINT want[N] = { SQL_PARAM_SUCCESS, SQL_PARAM_SUCCESS, SQL_PARAM_ERROR, SQL_PARAM_SUCCESS,
                                   SQL_PARAM_SUCCESS, SQL_PARAM_UNUSED, SQL_PARAM_ERROR, SQL_PARAM_SUCCESS };
    for (int i = 0; i < N; i++)
        t_is_int(status[i], want[i], "set %d's status", i + 1);
    t_is_int((long long)processed, N, "every set processed");
    int recs = t_diag_count(SQL_HANDLE_STMT, st);
    t_is_int(recs, 2, "two diagnostic records, one per failing set");
    int seen23505 = 0, seen22018 = 0;
    for (int k = 1; k <= recs; k++) {
        char state[6];
        SQLLEN rownum = -9;
        t_diag_rec(SQL_HANDLE_STMT, st, (SQLSMALLINT)k, state, NULL, NULL, 0);
        SQLGetDiagField(SQL_HANDLE_STMT, st, (SQLSMALLINT)k, SQL_DIAG_ROW_NUMBER, &rownum, 0, NULL);
        if (strcmp(state, "23505") == 0)
            seen23505 = (int)rownum;
        if (strcmp(state, "22018") == 0)
            seen22018 = (int)rownum;
    }
    t_is_int(seen23505, 3, "23505 with SQL_DIAG_ROW_NUMBER 3");
    t_is_int(seen22018, 7, "22018 with SQL_DIAG_ROW_NUMBER 7");
    SQLLEN count = -1;
    SQLRowCount(st, &count);
    t_is_int(count, 5, "SQLRowCount counts the 5 rows inserted");
    char got[256];
    query_str("SELECT string_agg(id::text, ',' ORDER BY id) FROM " TBL, got, sizeof got);
    t_is_str(got, "1,2,3,4,5,8", "the good sets are in, the failing and ignored ones not");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* Inside a transaction the batch runs under a savepoint: a failure rolls back to it, the sets
 * run one by one and then behave as they always did in PostgreSQL (the failing set aborts the
 * transaction, the later ones get 25P02). Without a failure everything commits. */
static void test_transaction(void)
{
    reset_table();
    SQLHSTMT st = t_stmt(dbc);
    SQLSetConnectAttr(dbc, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_OFF, 0);
    enum { N = 1500 };
    for (int i = 0; i < N; i++)
        fill(i, 1);
    SQLULEN processed = 0;
    SQLSetStmtAttr(st, SQL_ATTR_PARAM_STATUS_PTR, status, 0);
    SQLSetStmtAttr(st, SQL_ATTR_PARAMS_PROCESSED_PTR, &processed, 0);
    SQLSetStmtAttr(st, SQL_ATTR_PARAMSET_SIZE, (SQLPOINTER)N, 0);
    SQLPrepare(st, (SQLCHAR *)"INSERT INTO " TBL " (id, name, amount, ts) VALUES (?, ?, ?, ?)", SQL_NTS);
    bind_columns(st);
    SQLRETURN rc = SQLExecute(st);
    T_STMT_RC(st, rc, SQL_SUCCESS, "1500 sets inside a transaction");
    t_is_int((long long)processed, N, "1500 processed");
    T_DBC_RC(dbc, SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_COMMIT), SQL_SUCCESS, "commit");
    char got[128], want[128];
    table_digest(got, sizeof got);
    expected_digest(1, N, want, sizeof want);
    t_is_str(got, want, "the committed rows hold the values bound");
    t_is_int(query_long("SELECT count(DISTINCT xmin::text) FROM " TBL), 2,
             "two multi-row INSERTs (each under its own savepoint)");
    SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_COMMIT);

    /* a duplicate at set 1200 of the next 1500 */
    for (int i = 0; i < N; i++)
        fill(i, 1 + N);
    ids[1199] = 7;
    memset(status, 0xEE, sizeof status);
    rc = SQLExecute(st);
    T_STMT_RC(st, rc, SQL_SUCCESS_WITH_INFO, "a duplicate in the second batch: SUCCESS_WITH_INFO");
    int ok_before = 0, err_after = 0;
    for (int i = 0; i < 1199; i++)
        ok_before += status[i] == SQL_PARAM_SUCCESS;
    for (int i = 1200; i < N; i++)
        err_after += status[i] == SQL_PARAM_ERROR;
    t_is_int(ok_before, 1199, "the sets before it succeeded (the first batch and the re-run)");
    t_is_int(status[1199], SQL_PARAM_ERROR, "set 1200 failed");
    t_is_int(err_after, N - 1200, "the sets after it failed: the transaction is aborted");
    t_is_int((long long)processed, N, "every set processed");
    char state[6];
    SQLLEN rownum = -9;
    t_diag_rec(SQL_HANDLE_STMT, st, 1, state, NULL, NULL, 0);
    SQLGetDiagField(SQL_HANDLE_STMT, st, 1, SQL_DIAG_ROW_NUMBER, &rownum, 0, NULL);
    t_is_str(state, "23505", "the first record is the duplicate key");
    t_is_int(rownum, 1200, "for set 1200");
    t_diag_rec(SQL_HANDLE_STMT, st, 2, state, NULL, NULL, 0);
    t_is_str(state, "25P02", "the next set's record: in failed transaction");
    T_DBC_RC(dbc, SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_ROLLBACK), SQL_SUCCESS, "rollback");
    t_is_int(query_long("SELECT count(*) FROM " TBL), N, "the first 1500 rows remain, the failed array's are gone");
    SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_COMMIT);
    SQLSetConnectAttr(dbc, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_ON, 0);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* What is not a plain INSERT ... VALUES (...) runs set by set. */
static void test_not_rewritten(void)
{
    static const char *const sqls[] = {
        "INSERT INTO " TBL " (id, name) VALUES (?, ?) RETURNING id",
        "INSERT INTO " TBL " (id, name) VALUES (?, ?) ON CONFLICT DO NOTHING",
        "INSERT INTO " TBL " (id, name) SELECT ?, ?",
        "WITH v AS (SELECT 1) INSERT INTO " TBL " (id, name) VALUES (?, ?)",
    };
    for (size_t k = 0; k < sizeof sqls / sizeof *sqls; k++) {
        reset_table();
        SQLHSTMT st = t_stmt(dbc);
        enum { N = 3 };
        SQLINTEGER id[N] = { 1, 2, 3 };
        char nm[N][4] = { "a", "b", "c" };
        SQLSetStmtAttr(st, SQL_ATTR_PARAMSET_SIZE, (SQLPOINTER)N, 0);
        SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, id, 0, NULL);
        SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 3, 0, nm, 4, NULL);
        SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)sqls[k], SQL_NTS);
        t_ok(SQL_SUCCEEDED(rc), "%s: runs (rc %d)", sqls[k], rc);
        SQLFreeHandle(SQL_HANDLE_STMT, st);
        t_is_int(query_long("SELECT count(DISTINCT xmin::text)::text || count(*)::text FROM " TBL), 33,
                 "%s: three rows from three statements", sqls[k]);
    }
}

/* SQL_ATTR_QUERY_TIMEOUT holds for a multi-row INSERT: it is cancelled, the array fails. */
static void test_timeout(void)
{
    reset_table();
    SQLHSTMT st = t_stmt(dbc);
    enum { N = 3 };
    SQLINTEGER id[N] = { 1, 2, 3 };
    SQLDOUBLE nap[N] = { 1.0, 1.0, 1.0 };
    SQLULEN processed = 0;
    memset(status, 0xEE, sizeof status);
    SQLSetStmtAttr(st, SQL_ATTR_QUERY_TIMEOUT, (SQLPOINTER)1, 0);
    SQLSetStmtAttr(st, SQL_ATTR_PARAMSET_SIZE, (SQLPOINTER)N, 0);
    SQLSetStmtAttr(st, SQL_ATTR_PARAM_STATUS_PTR, status, 0);
    SQLSetStmtAttr(st, SQL_ATTR_PARAMS_PROCESSED_PTR, &processed, 0);
    SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, id, 0, NULL);
    SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_DOUBLE, SQL_DOUBLE, 0, 0, nap, 0, NULL);
    double t0 = t_now();
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)"INSERT INTO " TBL " (id, name) VALUES (?, "
                                 "(SELECT 'slept' FROM pg_sleep(?)))", SQL_NTS);
    double took = t_now() - t0;
    T_STMT_RC(st, rc, SQL_ERROR, "three 1 s sets in one INSERT with a 1 s timeout fail");
    t_state(SQL_HANDLE_STMT, st, "HYT00", "HYT00");
    t_ok(took < 2.8, "cancelled at the timeout (%.1f s)", took);
    int errs = 0;
    for (int i = 0; i < N; i++)
        errs += status[i] == SQL_PARAM_ERROR;
    t_is_int(errs, N, "every set of the cancelled batch is SQL_PARAM_ERROR");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    t_is_int(query_long("SELECT count(*) FROM " TBL), 0, "nothing was inserted");
}

int main(void)
{
    t_start(180);
    env = t_env_alloc();
    dbc = t_connect(env, "");
    test_big_column_wise();
    test_row_wise_offset();
    test_failure_autocommit();
    test_transaction();
    test_not_rewritten();
    test_timeout();
    SQLHSTMT st = t_stmt(dbc);
    t_exec(st, "DROP TABLE " TBL);
    t_disconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    return t_done();
}
