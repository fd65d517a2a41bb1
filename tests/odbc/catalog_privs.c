/* catalog_privs.c - SQLTablePrivileges and SQLColumnPrivileges through unixODBC over a fixture
 * schema with grants to PUBLIC, to another role with grant option, and on one column. */
#include <stdio.h>
#include <string.h>

#include "catalogtest.h"

#define S "cat_privs"

static SQLHENV env;
static SQLHDBC dbc;

static const char *const fixture[] = {
    "CREATE TABLE " S ".t_1 (a int, c int)",
    "CREATE TABLE " S ".tx1 (a int)",
    "GRANT SELECT ON " S ".t_1 TO PUBLIC",
    "GRANT INSERT ON " S ".t_1 TO rs_scram WITH GRANT OPTION",
    "GRANT UPDATE (c) ON " S ".t_1 TO rs_scram",
    NULL,
};

static SQLCHAR *A(const char *s) { return (SQLCHAR *)s; }

static void test_table_privileges(void)
{
    SQLHSTMT st = t_stmt(dbc);
    static const char *const names[] = { "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "GRANTOR", "GRANTEE",
                                         "PRIVILEGE", "IS_GRANTABLE" };
    static const SQLSMALLINT types[] = { SQL_VARCHAR, SQL_VARCHAR, SQL_VARCHAR, SQL_VARCHAR, SQL_VARCHAR,
                                         SQL_VARCHAR, SQL_VARCHAR };
    T_STMT_RC(st, SQLTablePrivileges(st, NULL, 0, A(S), SQL_NTS, A("t\\_1"), SQL_NTS), SQL_SUCCESS,
              "SQLTablePrivileges");
    ct_shape(st, "SQLTablePrivileges", 7, names, types);
    /* ordered by PRIVILEGE, then GRANTEE; the owner holds everything */
    static const char *const t1[] = {
        "rstest|" S "|t_1|rs_md5|rs_md5|DELETE|NO",
        "rstest|" S "|t_1|rs_md5|rs_md5|INSERT|NO",
        "rstest|" S "|t_1|rs_md5|rs_scram|INSERT|YES",
        "rstest|" S "|t_1|rs_md5|rs_md5|REFERENCES|NO",
        "rstest|" S "|t_1|rs_md5|PUBLIC|SELECT|NO",
        "rstest|" S "|t_1|rs_md5|rs_md5|SELECT|NO",
        "rstest|" S "|t_1|rs_md5|rs_md5|TRIGGER|NO",
        "rstest|" S "|t_1|rs_md5|rs_md5|TRUNCATE|NO",
        "rstest|" S "|t_1|rs_md5|rs_md5|UPDATE|NO" };
    ct_rows(st, "SQLTablePrivileges(t\\_1)", 1, 7, t1, CT_N(t1));

    char out[8192];
    SQLTablePrivileges(st, NULL, 0, A(S), SQL_NTS, A("t_1"), SQL_NTS);
    ct_read(st, 3, 3, out, sizeof out);
    t_ok(strstr(out, "t_1") && strstr(out, "tx1"), "pattern t_1: '_' matches tx1 too");

    SQLWCHAR ws[] = { 'c', 'a', 't', '_', 'p', 'r', 'i', 'v', 's', 0 }, wt[] = { 't', 'x', '%', 0 };
    T_STMT_RC(st, SQLTablePrivilegesW(st, NULL, 0, ws, SQL_NTS, wt, SQL_NTS), SQL_SUCCESS, "SQLTablePrivilegesW");
    int n = ct_read(st, 3, 6, out, sizeof out);
    t_is_int(n, 7, "tx1: the owner's seven privileges");
    t_ok(strstr(out, "tx1|rs_md5|rs_md5|SELECT") != NULL, "tx1: owner SELECT");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_column_privileges(void)
{
    SQLHSTMT st = t_stmt(dbc);
    static const char *const names[] = { "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "GRANTOR",
                                         "GRANTEE", "PRIVILEGE", "IS_GRANTABLE" };
    static const SQLSMALLINT types[] = { SQL_VARCHAR, SQL_VARCHAR, SQL_VARCHAR, SQL_VARCHAR, SQL_VARCHAR,
                                         SQL_VARCHAR, SQL_VARCHAR, SQL_VARCHAR };
    T_STMT_RC(st, SQLColumnPrivileges(st, NULL, 0, A(S), SQL_NTS, A("t_1"), SQL_NTS, A("c"), SQL_NTS), SQL_SUCCESS,
              "SQLColumnPrivileges");
    ct_shape(st, "SQLColumnPrivileges", 8, names, types);
    /* table privileges cover the column; the column grant adds UPDATE for rs_scram */
    static const char *const c[] = {
        "t_1|c|rs_md5|rs_md5|INSERT|NO",
        "t_1|c|rs_md5|rs_scram|INSERT|YES",
        "t_1|c|rs_md5|rs_md5|REFERENCES|NO",
        "t_1|c|rs_md5|PUBLIC|SELECT|NO",
        "t_1|c|rs_md5|rs_md5|SELECT|NO",
        "t_1|c|rs_md5|rs_md5|UPDATE|NO",
        "t_1|c|rs_md5|rs_scram|UPDATE|NO" };
    ct_rows(st, "SQLColumnPrivileges(t_1.c)", 3, 8, c, CT_N(c));

    SQLColumnPrivileges(st, NULL, 0, A(S), SQL_NTS, A("t_1"), SQL_NTS, A("a"), SQL_NTS);
    char out[4096];
    ct_read(st, 4, 7, out, sizeof out);
    t_ok(strstr(out, "rs_scram|UPDATE") == NULL, "the column grant on c does not cover a");

    /* the table name is an ordinary argument: '_' is literal, so tx1 does not match t_1 */
    SQLColumnPrivileges(st, NULL, 0, A(S), SQL_NTS, A("t_1"), SQL_NTS, NULL, 0);
    ct_read(st, 3, 3, out, sizeof out);
    t_ok(strstr(out, "tx1") == NULL, "TableName is not a pattern");

    SQLWCHAR ws[] = { 'c', 'a', 't', '_', 'p', 'r', 'i', 'v', 's', 0 }, wt[] = { 't', '_', '1', 0 },
             wc[] = { '%', 0 };
    T_STMT_RC(st, SQLColumnPrivilegesW(st, NULL, 0, ws, SQL_NTS, wt, SQL_NTS, wc, SQL_NTS), SQL_SUCCESS,
              "SQLColumnPrivilegesW");
    int n = ct_read(st, 4, 4, out, sizeof out);
    t_is_int(n, 13, "columns a (6 privileges) and c (7)");

    T_STMT_RC(st, SQLColumnPrivileges(st, NULL, 0, A(S), SQL_NTS, NULL, 0, NULL, 0), SQL_ERROR,
              "SQLColumnPrivileges without a table");
    t_state(SQL_HANDLE_STMT, st, "HY009", "is HY009");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

int main(void)
{
    t_start(120);
    env = t_env_alloc();
    dbc = t_connect(env, "");
    ct_fixture(dbc, S, fixture);
    test_table_privileges();
    test_column_privileges();
    t_disconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    return t_done();
}
