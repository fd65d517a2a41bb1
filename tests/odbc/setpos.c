/* setpos.c - block cursors through unixODBC: SQLSetPos SQL_POSITION and SQL_REFRESH on static
 * and forward-only cursors, SQLGetData on the positioned row of a rowset (SQL_GD_BLOCK), HYC00
 * for the operations that change data, SQLExtendedFetch, and bookmarks (column 0,
 * SQL_FETCH_BOOKMARK with SQL_ATTR_FETCH_BOOKMARK_PTR). */
#include <stdio.h>
#include <string.h>

#include "odbctest.h"

#define TBL "odbc_setpos_t"

static SQLHENV env;
static SQLHDBC dbc;

static SQLHSTMT cursor(SQLULEN type, SQLULEN rowset)
{
    SQLHSTMT st = t_stmt(dbc);
    SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)type, 0);
    SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)rowset, 0);
    return st;
}

static long get_long(SQLHSTMT st, SQLUSMALLINT col)
{
    SQLINTEGER v = -1;
    SQLLEN ind = 0;
    SQLRETURN rc = SQLGetData(st, col, SQL_C_SLONG, &v, 0, &ind);
    if (!SQL_SUCCEEDED(rc)) {
        t_print_diag(SQL_HANDLE_STMT, st);
        return -100 - rc;
    }
    return v;
}

static void test_static_position_refresh(void)
{
    SQLHSTMT st = cursor(SQL_CURSOR_STATIC, 3);
    SQLINTEGER id[3];
    char name[3][16];
    SQLLEN id_ind[3], name_ind[3];
    SQLUSMALLINT status[3], ops[3] = { SQL_ROW_PROCEED, SQL_ROW_PROCEED, SQL_ROW_PROCEED };
    SQLULEN fetched = 0;
    SQLSetStmtAttr(st, SQL_ATTR_ROW_STATUS_PTR, status, 0);
    SQLSetStmtAttr(st, SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0);
    SQLSetStmtAttr(st, SQL_ATTR_ROW_OPERATION_PTR, ops, 0);
    T_STMT_RC(st, SQLExecDirect(st, (SQLCHAR *)"SELECT id, name FROM " TBL " ORDER BY id", SQL_NTS),
              SQL_SUCCESS, "static cursor: SELECT");
    SQLBindCol(st, 1, SQL_C_SLONG, id, 0, id_ind);
    SQLBindCol(st, 2, SQL_C_CHAR, name, sizeof name[0], name_ind);
    T_STMT_RC(st, SQLFetchScroll(st, SQL_FETCH_ABSOLUTE, 4), SQL_SUCCESS, "fetch the rowset at row 4");
    t_ok(fetched == 3 && id[0] == 4 && id[2] == 6, "rows 4 to 6 (%lu rows, %d..%d)", (unsigned long)fetched, id[0], id[2]);
    t_ok(ops[0] == SQL_ROW_PROCEED && ops[2] == SQL_ROW_PROCEED, "the row operation array is not written by a fetch");
    t_is_int(get_long(st, 1), 4, "SQLGetData without SQLSetPos reads the first row of the rowset");

    T_STMT_RC(st, SQLSetPos(st, 2, SQL_POSITION, SQL_LOCK_NO_CHANGE), SQL_SUCCESS, "SQL_POSITION on row 2");
    t_is_int(get_long(st, 1), 5, "SQLGetData reads row 2 of the rowset");
    char buf[16] = "";
    SQLLEN ind;
    T_STMT_RC(st, SQLGetData(st, 2, SQL_C_CHAR, buf, sizeof buf, &ind), SQL_SUCCESS, "SQLGetData column 2");
    t_is_str(buf, "name 5", "its name");
    T_STMT_RC(st, SQLSetPos(st, 3, SQL_POSITION, SQL_LOCK_NO_CHANGE), SQL_SUCCESS, "SQL_POSITION on row 3");
    t_is_int(get_long(st, 1), 6, "row 3");

    SQLRETURN rc = SQLSetPos(st, 4, SQL_POSITION, SQL_LOCK_NO_CHANGE);
    T_STMT_RC(st, rc, SQL_ERROR, "row 4 of a 3-row rowset");
    t_state(SQL_HANDLE_STMT, st, "HY107", "row value out of range: HY107");

    /* SQL_REFRESH puts the values into the bound buffers again */
    id[0] = id[1] = id[2] = 0;
    strcpy(name[1], "scribbled");
    status[1] = 999;
    T_STMT_RC(st, SQLSetPos(st, 2, SQL_REFRESH, SQL_LOCK_NO_CHANGE), SQL_SUCCESS, "SQL_REFRESH row 2");
    t_ok(id[0] == 0 && id[1] == 5 && id[2] == 0, "only row 2 was refreshed (%d %d %d)", id[0], id[1], id[2]);
    t_is_str(name[1], "name 5", "its name too");
    t_is_int(status[1], SQL_ROW_SUCCESS, "its row status");
    t_is_int(get_long(st, 1), 5, "and the cursor is on it");

    id[1] = 0;
    ops[0] = SQL_ROW_IGNORE;
    T_STMT_RC(st, SQLSetPos(st, 0, SQL_REFRESH, SQL_LOCK_NO_CHANGE), SQL_SUCCESS, "SQL_REFRESH the whole rowset");
    t_ok(id[0] == 0 && id[1] == 5 && id[2] == 6, "rows 2 and 3 refreshed, row 1 ignored (%d %d %d)", id[0], id[1], id[2]);
    ops[0] = SQL_ROW_PROCEED;

    static const struct { SQLUSMALLINT op; const char *name; } changing[] = {
        { SQL_UPDATE, "SQL_UPDATE" }, { SQL_DELETE, "SQL_DELETE" }, { SQL_ADD, "SQL_ADD" },
    };
    for (int i = 0; i < 3; i++) {
        rc = SQLSetPos(st, 1, changing[i].op, SQL_LOCK_NO_CHANGE);
        T_STMT_RC(st, rc, SQL_ERROR, "%s fails", changing[i].name);
        t_state(SQL_HANDLE_STMT, st, "HYC00", "%s: HYC00 (read-only cursor)", changing[i].name);
    }
    rc = SQLSetPos(st, 1, SQL_POSITION, SQL_LOCK_EXCLUSIVE);
    T_STMT_RC(st, rc, SQL_ERROR, "SQL_LOCK_EXCLUSIVE fails");
    t_state(SQL_HANDLE_STMT, st, "HYC00", "SQL_LOCK_EXCLUSIVE: HYC00");

    /* the next rowset starts where the last one did, whatever was positioned */
    T_STMT_RC(st, SQLFetchScroll(st, SQL_FETCH_NEXT, 0), SQL_SUCCESS, "next rowset");
    t_ok(id[0] == 7 && id[2] == 9, "rows 7 to 9");
    t_is_int(get_long(st, 1), 7, "SQLGetData is back on the first row");
    T_STMT_RC(st, SQLFetchScroll(st, SQL_FETCH_NEXT, 0), SQL_SUCCESS, "last rowset (one row)");
    rc = SQLSetPos(st, 2, SQL_POSITION, SQL_LOCK_NO_CHANGE);
    T_STMT_RC(st, rc, SQL_ERROR, "row 2 of a one-row rowset");
    t_state(SQL_HANDLE_STMT, st, "HY107", "HY107");
    SQLCloseCursor(st);
    rc = SQLSetPos(st, 1, SQL_POSITION, SQL_LOCK_NO_CHANGE);
    T_STMT_RC(st, rc, SQL_ERROR, "SQLSetPos without a cursor fails");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_forward_only(void)
{
    SQLHSTMT st = cursor(SQL_CURSOR_FORWARD_ONLY, 4);
    SQLINTEGER id[4];
    SQLLEN id_ind[4];
    SQLULEN fetched = 0;
    SQLSetStmtAttr(st, SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0);
    T_STMT_RC(st, SQLExecDirect(st, (SQLCHAR *)"SELECT id, name FROM " TBL " ORDER BY id", SQL_NTS),
              SQL_SUCCESS, "forward-only cursor: SELECT");
    SQLBindCol(st, 1, SQL_C_SLONG, id, 0, id_ind);
    T_STMT_RC(st, SQLFetch(st), SQL_SUCCESS, "first rowset");
    T_STMT_RC(st, SQLSetPos(st, 3, SQL_POSITION, SQL_LOCK_NO_CHANGE), SQL_SUCCESS, "SQL_POSITION on row 3");
    t_is_int(get_long(st, 1), 3, "SQLGetData reads row 3");
    char buf[16] = "";
    SQLLEN ind;
    SQLGetData(st, 2, SQL_C_CHAR, buf, sizeof buf, &ind);
    t_is_str(buf, "name 3", "an unbound column of row 3");
    id[3] = 0;
    T_STMT_RC(st, SQLSetPos(st, 4, SQL_REFRESH, SQL_LOCK_NO_CHANGE), SQL_SUCCESS, "SQL_REFRESH row 4");
    t_is_int(id[3], 4, "row 4 refreshed");
    T_STMT_RC(st, SQLFetch(st), SQL_SUCCESS, "second rowset");
    t_ok(fetched == 4 && id[0] == 5, "rows 5 to 8");
    T_STMT_RC(st, SQLSetPos(st, 4, SQL_POSITION, SQL_LOCK_NO_CHANGE), SQL_SUCCESS, "SQL_POSITION on row 4");
    t_is_int(get_long(st, 1), 8, "row 8");
    T_STMT_RC(st, SQLFetch(st), SQL_SUCCESS, "third rowset");
    t_ok(fetched == 2 && id[0] == 9 && id[1] == 10, "rows 9 and 10");
    T_STMT_RC(st, SQLSetPos(st, 2, SQL_POSITION, SQL_LOCK_NO_CHANGE), SQL_SUCCESS, "SQL_POSITION on row 2");
    t_is_int(get_long(st, 1), 10, "row 10");
    T_STMT_RC(st, SQLFetch(st), SQL_NO_DATA, "the end");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_extended_fetch(void)
{
    SQLHSTMT st = cursor(SQL_CURSOR_STATIC, 1);
    SQLSetStmtAttr(st, SQL_ROWSET_SIZE, (SQLPOINTER)4, 0);
    SQLSetStmtAttr(st, SQL_ATTR_USE_BOOKMARKS, (SQLPOINTER)SQL_UB_VARIABLE, 0);
    SQLINTEGER id[4];
    SQLLEN id_ind[4];
    T_STMT_RC(st, SQLExecDirect(st, (SQLCHAR *)"SELECT id FROM " TBL " ORDER BY id", SQL_NTS),
              SQL_SUCCESS, "SELECT for SQLExtendedFetch");
    SQLBindCol(st, 1, SQL_C_SLONG, id, 0, id_ind);
    SQLULEN count = 0;
    SQLUSMALLINT status[4] = { 9, 9, 9, 9 };
    T_STMT_RC(st, SQLExtendedFetch(st, SQL_FETCH_NEXT, 0, &count, status), SQL_SUCCESS, "SQLExtendedFetch NEXT");
    t_is_int((long long)count, 4, "four rows (SQL_ROWSET_SIZE)");
    t_ok(id[0] == 1 && id[3] == 4, "rows 1 to 4");
    t_ok(status[0] == SQL_ROW_SUCCESS && status[3] == SQL_ROW_SUCCESS, "row statuses in its own array");
    T_STMT_RC(st, SQLExtendedFetch(st, SQL_FETCH_ABSOLUTE, 9, &count, status), SQL_SUCCESS, "ABSOLUTE 9");
    t_is_int((long long)count, 2, "two rows left");
    t_ok(id[0] == 9 && id[1] == 10, "rows 9 and 10");
    t_ok(status[1] == SQL_ROW_SUCCESS && status[2] == SQL_ROW_NOROW && status[3] == SQL_ROW_NOROW,
         "SQL_ROW_NOROW after the end");
    T_STMT_RC(st, SQLExtendedFetch(st, SQL_FETCH_BOOKMARK, 5, &count, status), SQL_SUCCESS,
              "SQL_FETCH_BOOKMARK with bookmark 5 as the offset");
    t_ok(count == 4 && id[0] == 5 && id[3] == 8, "rows 5 to 8");
    T_STMT_RC(st, SQLSetPos(st, 3, SQL_POSITION, SQL_LOCK_NO_CHANGE), SQL_SUCCESS, "position on row 3");
    t_is_int(get_long(st, 1), 7, "SQLGetData: row 7");
    T_STMT_RC(st, SQLExtendedFetch(st, SQL_FETCH_PRIOR, 0, &count, status), SQL_SUCCESS, "PRIOR");
    t_ok(count == 4 && id[0] == 1, "rows 1 to 4");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_bookmarks(void)
{
    SQLHSTMT st = cursor(SQL_CURSOR_STATIC, 3);
    SQLSetStmtAttr(st, SQL_ATTR_USE_BOOKMARKS, (SQLPOINTER)SQL_UB_VARIABLE, 0);
    T_STMT_RC(st, SQLExecDirect(st, (SQLCHAR *)"SELECT id FROM " TBL " ORDER BY id", SQL_NTS),
              SQL_SUCCESS, "static cursor with bookmarks");
    SQLINTEGER id[3];
    SQLLEN id_ind[3], bm_len[3];
    SQLUINTEGER bms[3] = { 0, 0, 0 };
    T_STMT_RC(st, SQLBindCol(st, 0, SQL_C_VARBOOKMARK, bms, sizeof bms[0], bm_len), SQL_SUCCESS,
              "bind column 0 as SQL_C_VARBOOKMARK");
    SQLBindCol(st, 1, SQL_C_SLONG, id, 0, id_ind);
    T_STMT_RC(st, SQLFetchScroll(st, SQL_FETCH_ABSOLUTE, 4), SQL_SUCCESS, "fetch at row 4");
    t_ok(bm_len[0] == (SQLLEN)sizeof(SQLUINTEGER) && bms[0] != 0 && bms[0] != bms[1] && bms[1] != bms[2],
         "each row has its own bookmark (length %ld)", (long)bm_len[0]);
    SQLUINTEGER bm = 0;
    SQLLEN len = 0;
    T_STMT_RC(st, SQLSetPos(st, 2, SQL_POSITION, SQL_LOCK_NO_CHANGE), SQL_SUCCESS, "position on row 2");
    T_STMT_RC(st, SQLGetData(st, 0, SQL_C_VARBOOKMARK, &bm, sizeof bm, &len), SQL_SUCCESS,
              "SQLGetData column 0");
    t_ok(bm == bms[1] && len == (SQLLEN)sizeof bm, "the positioned row's bookmark, as bound");
    SQLULEN fixed = 0;
    T_STMT_RC(st, SQLGetData(st, 0, SQL_C_BOOKMARK, &fixed, sizeof fixed, &len), SQL_SUCCESS,
              "SQLGetData column 0 as SQL_C_BOOKMARK");
    t_ok(fixed == bm, "the same bookmark");

    T_STMT_RC(st, SQLFetchScroll(st, SQL_FETCH_FIRST, 0), SQL_SUCCESS, "back to the first rowset");
    SQLSetStmtAttr(st, SQL_ATTR_FETCH_BOOKMARK_PTR, &bm, 0);
    T_STMT_RC(st, SQLFetchScroll(st, SQL_FETCH_BOOKMARK, 0), SQL_SUCCESS, "SQL_FETCH_BOOKMARK");
    t_ok(id[0] == 5 && id[2] == 7, "the rowset starts at the bookmarked row (%d)", id[0]);
    T_STMT_RC(st, SQLFetchScroll(st, SQL_FETCH_BOOKMARK, -2), SQL_SUCCESS, "SQL_FETCH_BOOKMARK offset -2");
    t_ok(id[0] == 3 && id[2] == 5, "two rows before it (%d)", id[0]);
    SQLUINTEGER bad = 99;
    SQLSetStmtAttr(st, SQL_ATTR_FETCH_BOOKMARK_PTR, &bad, 0);
    SQLRETURN rc = SQLFetchScroll(st, SQL_FETCH_BOOKMARK, 0);
    T_STMT_RC(st, rc, SQL_ERROR, "a bookmark that names no row");
    t_state(SQL_HANDLE_STMT, st, "HY111", "invalid bookmark value: HY111");
    rc = SQLGetData(st, 0, SQL_C_SLONG, &id[0], 0, &len);
    T_STMT_RC(st, rc, SQL_ERROR, "column 0 as SQL_C_SLONG");
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    st = cursor(SQL_CURSOR_STATIC, 1);
    T_STMT_RC(st, SQLExecDirect(st, (SQLCHAR *)"SELECT id FROM " TBL " ORDER BY id", SQL_NTS),
              SQL_SUCCESS, "a static cursor without bookmarks");
    T_STMT_RC(st, SQLFetch(st), SQL_SUCCESS, "fetch");
    rc = SQLGetData(st, 0, SQL_C_VARBOOKMARK, &bm, sizeof bm, &len);
    T_STMT_RC(st, rc, SQL_ERROR, "no column 0 without bookmarks");
    t_state(SQL_HANDLE_STMT, st, "07009", "07009");
    SQLSetStmtAttr(st, SQL_ATTR_FETCH_BOOKMARK_PTR, &bm, 0);
    rc = SQLFetchScroll(st, SQL_FETCH_BOOKMARK, 0);
    T_STMT_RC(st, rc, SQL_ERROR, "SQL_FETCH_BOOKMARK without bookmarks fails");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_info(void)
{
    SQLUINTEGER v = 0;
    SQLGetInfo(dbc, SQL_GETDATA_EXTENSIONS, &v, sizeof v, NULL);
    t_ok(v & SQL_GD_BLOCK, "SQL_GETDATA_EXTENSIONS claims SQL_GD_BLOCK");
    SQLGetInfo(dbc, SQL_POS_OPERATIONS, &v, sizeof v, NULL);
    t_is_int(v, SQL_POS_POSITION | SQL_POS_REFRESH, "SQL_POS_OPERATIONS: position and refresh");
    SQLGetInfo(dbc, SQL_STATIC_CURSOR_ATTRIBUTES1, &v, sizeof v, NULL);
    t_ok((v & (SQL_CA1_BOOKMARK | SQL_CA1_POS_POSITION | SQL_CA1_POS_REFRESH | SQL_CA1_LOCK_NO_CHANGE)) ==
         (SQL_CA1_BOOKMARK | SQL_CA1_POS_POSITION | SQL_CA1_POS_REFRESH | SQL_CA1_LOCK_NO_CHANGE) &&
         !(v & (SQL_CA1_POS_UPDATE | SQL_CA1_POS_DELETE | SQL_CA1_BULK_ADD)),
         "SQL_STATIC_CURSOR_ATTRIBUTES1: bookmarks, position, refresh; no updates");
    SQLGetInfo(dbc, SQL_FORWARD_ONLY_CURSOR_ATTRIBUTES1, &v, sizeof v, NULL);
    t_ok((v & (SQL_CA1_POS_POSITION | SQL_CA1_POS_REFRESH)) && !(v & SQL_CA1_BOOKMARK),
         "SQL_FORWARD_ONLY_CURSOR_ATTRIBUTES1: position and refresh, no bookmark fetch");
    SQLGetInfo(dbc, SQL_BOOKMARK_PERSISTENCE, &v, sizeof v, NULL);
    t_ok(v & SQL_BP_SCROLL, "SQL_BOOKMARK_PERSISTENCE: bookmarks survive scrolling");
    SQLUSMALLINT yes = 0;
    SQLGetFunctions(dbc, SQL_API_SQLSETPOS, &yes);
    t_ok(yes == SQL_TRUE, "SQLGetFunctions: SQLSetPos");
    yes = 0;
    SQLGetFunctions(dbc, SQL_API_SQLEXTENDEDFETCH, &yes);
    t_ok(yes == SQL_TRUE, "SQLGetFunctions: SQLExtendedFetch");
}

int main(void)
{
    t_start(120);
    env = t_env_alloc();
    dbc = t_connect(env, "");
    SQLHSTMT st = t_stmt(dbc);
    t_exec(st, "DROP TABLE IF EXISTS " TBL);
    t_exec(st, "CREATE TABLE " TBL " AS SELECT g AS id, 'name ' || g AS name FROM generate_series(1, 10) g");
    test_static_position_refresh();
    test_forward_only();
    test_extended_fetch();
    test_bookmarks();
    test_info();
    t_exec(st, "DROP TABLE " TBL);
    t_disconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    return t_done();
}
