/* params_describe.c - SQLDescribeParam through unixODBC: the server gives a parameter's type
 * only; a bare marker of a plain INSERT reports its column's precision, scale and length
 * (with and without a column list, quoted names, a schema), other markers the type's
 * defaults (numeric: scale 6). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "odbctest.h"

static SQLHENV env;
static SQLHDBC dbc;

static void describe(SQLHSTMT st, SQLUSMALLINT n, SQLSMALLINT want_type, SQLULEN want_size, SQLSMALLINT want_digits,
                     const char *what)
{
    SQLSMALLINT type = 0, digits = -1, nullable = -1;
    SQLULEN size = 0;
    SQLRETURN rc = SQLDescribeParam(st, n, &type, &size, &digits, &nullable);
    t_ok(rc == SQL_SUCCESS && type == want_type && size == want_size && digits == want_digits,
         "%s: type %d size %lu digits %d (got rc %d, %d, %lu, %d)", what, want_type, (unsigned long)want_size,
         want_digits, rc, type, (unsigned long)size, digits);
}

int main(void)
{
    t_start(60);
    env = t_env_alloc();
    dbc = t_connect(env, "");
    char tbl[64], sql[512];
    snprintf(tbl, sizeof tbl, "odbc_pdesc_%ld", (long)getpid());
    SQLHSTMT st = t_stmt(dbc);
    snprintf(sql, sizeof sql, "CREATE TABLE public.%s (id int, \"Amount\" numeric(20,8), name varchar(40), "
             "code char(3), at timestamp(3), plain numeric)", tbl);
    t_exec(st, sql);

    snprintf(sql, sizeof sql, "INSERT INTO %s (name, \"Amount\", id, code, at, plain) VALUES (?, ?, ?, ?, ?, ?)", tbl);
    T_STMT_RC(st, SQLPrepare(st, (SQLCHAR *)sql, SQL_NTS), SQL_SUCCESS, "prepare an INSERT with a column list");
    describe(st, 1, SQL_VARCHAR, 40, 0, "varchar(40)");
    describe(st, 2, SQL_NUMERIC, 20, 8, "a quoted column numeric(20,8)");
    describe(st, 3, SQL_INTEGER, 10, 0, "int");
    describe(st, 4, SQL_CHAR, 3, 0, "char(3)");
    describe(st, 5, SQL_TYPE_TIMESTAMP, 23, 3, "timestamp(3)");
    describe(st, 6, SQL_NUMERIC, 38, 6, "unconstrained numeric: 38, scale 6");
    SQLFreeStmt(st, SQL_CLOSE);

    snprintf(sql, sizeof sql, "INSERT INTO public.\"%s\" VALUES (?, ?, ?, ?, ?, ?)", tbl);
    T_STMT_RC(st, SQLPrepare(st, (SQLCHAR *)sql, SQL_NTS), SQL_SUCCESS, "prepare an INSERT without a column list");
    describe(st, 2, SQL_NUMERIC, 20, 8, "by position: numeric(20,8)");
    describe(st, 3, SQL_VARCHAR, 40, 0, "by position: varchar(40)");

    /* an expression around the marker: the type's defaults */
    snprintf(sql, sizeof sql, "INSERT INTO %s (id, \"Amount\") VALUES (?, ? * 1.0)", tbl);
    T_STMT_RC(st, SQLPrepare(st, (SQLCHAR *)sql, SQL_NTS), SQL_SUCCESS, "prepare an INSERT with an expression");
    describe(st, 2, SQL_NUMERIC, 38, 6, "a marker inside an expression: defaults");
    snprintf(sql, sizeof sql, "SELECT * FROM %s WHERE name = ?", tbl);
    T_STMT_RC(st, SQLPrepare(st, (SQLCHAR *)sql, SQL_NTS), SQL_SUCCESS, "prepare a SELECT");
    SQLULEN size = 0;
    SQLDescribeParam(st, 1, NULL, &size, NULL, NULL);
    t_ok(size > 40, "a SELECT's marker: no column length (%lu)", (unsigned long)size);

    /* in an open transaction the catalog look-up leaves it usable */
    SQLSetConnectAttr(dbc, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_OFF, 0);
    snprintf(sql, sizeof sql, "INSERT INTO %s (id) VALUES (1)", tbl);
    t_exec(st, sql);
    snprintf(sql, sizeof sql, "INSERT INTO %s (\"Amount\") VALUES (?)", tbl);
    SQLPrepare(st, (SQLCHAR *)sql, SQL_NTS);
    describe(st, 1, SQL_NUMERIC, 20, 8, "inside a transaction");
    char v[32];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", tbl);
    t_query_str(dbc, sql, v, sizeof v);
    t_is_str(v, "1", "the transaction goes on");
    SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_ROLLBACK);
    SQLSetConnectAttr(dbc, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_ON, 0);

    SQLFreeStmt(st, SQL_CLOSE);
    snprintf(sql, sizeof sql, "DROP TABLE %s", tbl);
    t_exec(st, sql);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    t_disconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    return t_done();
}
