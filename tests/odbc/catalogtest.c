/* catalogtest.c - fixture and result-set helpers for the catalog tests. */
#include <stdio.h>
#include <string.h>

#include "catalogtest.h"

void ct_fixture(SQLHDBC dbc, const char *name, const char *const *sql)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "DROP SCHEMA IF EXISTS \"%s\" CASCADE; CREATE SCHEMA \"%s\" AUTHORIZATION rs_md5",
             name, name);
    if (t_superuser_sql(cmd) != 0)
        t_bail("cannot create the fixture schema %s", name);
    SQLHSTMT st = t_stmt(dbc);
    for (int i = 0; sql[i]; i++) {
        SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)sql[i], SQL_NTS);
        if (rc != SQL_SUCCESS && rc != SQL_SUCCESS_WITH_INFO && rc != SQL_NO_DATA) {
            t_print_diag(SQL_HANDLE_STMT, st);
            t_bail("fixture statement failed: %s", sql[i]);
        }
        SQLFreeStmt(st, SQL_CLOSE);
    }
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

void ct_shape(SQLHSTMT st, const char *what, int n, const char *const *names, const SQLSMALLINT *types)
{
    SQLSMALLINT ncols = 0;
    SQLNumResultCols(st, &ncols);
    t_is_int(ncols, n, "%s: %d columns", what, n);
    char got[1024] = "", want[1024] = "";
    for (int i = 0; i < n && i < ncols; i++) {
        SQLCHAR name[64];
        SQLSMALLINT len, type, digits, nullable;
        SQLULEN size;
        SQLDescribeCol(st, (SQLUSMALLINT)(i + 1), name, sizeof name, &len, &type, &size, &digits, &nullable);
        snprintf(got + strlen(got), sizeof got - strlen(got), "%s:%d ", (char *)name, type);
        snprintf(want + strlen(want), sizeof want - strlen(want), "%s:%d ", names[i], types[i]);
    }
    t_is_str(got, want, "%s: column names and SQL types", what);
}

/* One row as "a|b|c". */
static SQLRETURN row_text(SQLHSTMT st, int first, int last, char *out, size_t outlen)
{
    SQLRETURN rc = SQLFetch(st);
    if (rc != SQL_SUCCESS && rc != SQL_SUCCESS_WITH_INFO)
        return rc;
    out[0] = '\0';
    for (int c = first; c <= last; c++) {
        char v[256];
        SQLLEN ind = 0;
        SQLRETURN g = SQLGetData(st, (SQLUSMALLINT)c, SQL_C_CHAR, v, sizeof v, &ind);
        if (g != SQL_SUCCESS && g != SQL_SUCCESS_WITH_INFO)
            snprintf(v, sizeof v, "(error)");
        else if (ind == SQL_NULL_DATA)
            snprintf(v, sizeof v, "(null)");
        snprintf(out + strlen(out), outlen - strlen(out), "%s%s", c > first ? "|" : "", v);
    }
    return SQL_SUCCESS;
}

int ct_rows(SQLHSTMT st, const char *what, int first, int last, const char *const *want, int nwant)
{
    char row[2048];
    int n = 0;
    while (row_text(st, first, last, row, sizeof row) == SQL_SUCCESS) {
        if (n < nwant)
            t_is_str(row, want[n], "%s: row %d", what, n + 1);
        else
            t_ok(0, "%s: unexpected row %d: %s", what, n + 1, row);
        n++;
    }
    t_is_int(n, nwant, "%s: %d rows", what, nwant);
    SQLFreeStmt(st, SQL_CLOSE);
    return n;
}

int ct_read(SQLHSTMT st, int first, int last, char *out, size_t outlen)
{
    char row[2048];
    int n = 0;
    out[0] = '\0';
    while (row_text(st, first, last, row, sizeof row) == SQL_SUCCESS) {
        snprintf(out + strlen(out), outlen - strlen(out), "%s%s", n ? "\n" : "", row);
        n++;
    }
    SQLFreeStmt(st, SQL_CLOSE);
    return n;
}
