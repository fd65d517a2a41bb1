/* catalog_keys.c - SQLPrimaryKeys, SQLForeignKeys (both directions), SQLStatistics and
 * SQLSpecialColumns through unixODBC over a fixture schema: result-set shapes, order, names
 * as exact arguments (not patterns), SQL_ATTR_METADATA_ID, quoted and non-ASCII names. */
#include <stdio.h>
#include <string.h>

#include "catalogtest.h"

#define S "cat_keys"

static SQLHENV env;
static SQLHDBC dbc;

static const char *const fixture[] = {
    "CREATE TABLE " S ".parent (a int, b varchar(10), c int, PRIMARY KEY (a, b))",
    "CREATE TABLE " S ".child (id int PRIMARY KEY, x int, y varchar(10), note text, "
    "  CONSTRAINT child_fk FOREIGN KEY (x, y) REFERENCES " S ".parent (a, b) "
    "  ON DELETE CASCADE ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED)",
    "CREATE TABLE " S ".other (k int PRIMARY KEY, pa int, pb varchar(10), "
    "  FOREIGN KEY (pa, pb) REFERENCES " S ".parent (a, b))",
    "CREATE UNIQUE INDEX child_u ON " S ".child (y DESC, x)",
    "CREATE INDEX child_e ON " S ".child (lower(note)) WHERE x > 0",
    "CREATE TABLE " S ".\"Mixed Case\" (\"Id\" int, \"ÄÖ\" numeric(8,2) NOT NULL, CONSTRAINT \"MC uq\" UNIQUE (\"ÄÖ\"))",
    "CREATE TABLE " S ".nul (u int UNIQUE)",
    "CREATE TABLE " S ".t_x (k int PRIMARY KEY)",
    "CREATE TABLE " S ".tax (k int PRIMARY KEY)",
    "INSERT INTO " S ".parent VALUES (1, 'a', 0), (2, 'b', 0)",
    "INSERT INTO " S ".child VALUES (1, 1, 'a', 'n'), (2, 2, 'b', 'm'), (3, NULL, NULL, 'k')",
    "ANALYZE " S ".child",
    NULL,
};

static SQLCHAR *A(const char *s) { return (SQLCHAR *)s; }

/* ASCII to SQLWCHAR, for the W forms. */
static SQLWCHAR *W(const char *s, SQLWCHAR *buf)
{
    size_t i = 0;
    for (; s[i]; i++)
        buf[i] = (SQLWCHAR)(unsigned char)s[i];
    buf[i] = 0;
    return buf;
}

static void test_primary_keys(void)
{
    SQLHSTMT st = t_stmt(dbc);
    static const char *const names[] = { "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ",
                                         "PK_NAME" };
    static const SQLSMALLINT types[] = { SQL_VARCHAR, SQL_VARCHAR, SQL_VARCHAR, SQL_VARCHAR, SQL_SMALLINT,
                                         SQL_VARCHAR };
    T_STMT_RC(st, SQLPrimaryKeys(st, NULL, 0, A(S), SQL_NTS, A("parent"), SQL_NTS), SQL_SUCCESS, "SQLPrimaryKeys");
    ct_shape(st, "SQLPrimaryKeys", 6, names, types);
    static const char *const parent[] = { "rstest|" S "|parent|a|1|parent_pkey", "rstest|" S "|parent|b|2|parent_pkey" };
    ct_rows(st, "SQLPrimaryKeys(parent)", 1, 6, parent, 2);

    /* an ordinary argument: '_' is no wildcard */
    SQLPrimaryKeys(st, NULL, 0, A(S), SQL_NTS, A("t_x"), SQL_NTS);
    static const char *const tx[] = { "t_x|k|1|t_x_pkey" };
    ct_rows(st, "SQLPrimaryKeys(t_x) is exact", 3, 6, tx, 1);

    SQLPrimaryKeys(st, NULL, 0, A(S), SQL_NTS, A("Mixed Case"), SQL_NTS);
    ct_rows(st, "SQLPrimaryKeys of a table without one", 1, 6, NULL, 0);

    SQLWCHAR w1[32], w2[32];
    T_STMT_RC(st, SQLPrimaryKeysW(st, NULL, 0, W(S, w1), SQL_NTS, W("parent", w2), SQL_NTS), SQL_SUCCESS,
              "SQLPrimaryKeysW");
    ct_rows(st, "SQLPrimaryKeysW(parent)", 1, 6, parent, 2);

    T_STMT_RC(st, SQLPrimaryKeys(st, NULL, 0, A(S), SQL_NTS, NULL, 0), SQL_ERROR, "SQLPrimaryKeys without a table");
    t_state(SQL_HANDLE_STMT, st, "HY009", "a null table name is HY009");

    /* SQL_ATTR_METADATA_ID: identifiers; unquoted fold to lower case, quoted keep theirs */
    SQLSetStmtAttr(st, SQL_ATTR_METADATA_ID, (SQLPOINTER)SQL_TRUE, 0);
    SQLPrimaryKeys(st, NULL, 0, A("CAT_KEYS"), SQL_NTS, A("PARENT"), SQL_NTS);
    ct_rows(st, "METADATA_ID: PARENT folds to parent", 1, 6, parent, 2);
    SQLPrimaryKeys(st, NULL, 0, A(S), SQL_NTS, A("\"PARENT\""), SQL_NTS);
    ct_rows(st, "METADATA_ID: \"PARENT\" keeps its case (no such table)", 1, 6, NULL, 0);
    T_STMT_RC(st, SQLPrimaryKeys(st, NULL, 0, NULL, 0, A("parent"), SQL_NTS), SQL_ERROR,
              "METADATA_ID: a null schema is an error");
    t_state(SQL_HANDLE_STMT, st, "HY009", "it is HY009");
    SQLSetStmtAttr(st, SQL_ATTR_METADATA_ID, (SQLPOINTER)SQL_FALSE, 0);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_foreign_keys(void)
{
    SQLHSTMT st = t_stmt(dbc);
    static const char *const names[] = { "PKTABLE_CAT", "PKTABLE_SCHEM", "PKTABLE_NAME", "PKCOLUMN_NAME",
        "FKTABLE_CAT", "FKTABLE_SCHEM", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ", "UPDATE_RULE",
        "DELETE_RULE", "FK_NAME", "PK_NAME", "DEFERRABILITY" };
    static const SQLSMALLINT types[] = { SQL_VARCHAR, SQL_VARCHAR, SQL_VARCHAR, SQL_VARCHAR, SQL_VARCHAR,
        SQL_VARCHAR, SQL_VARCHAR, SQL_VARCHAR, SQL_SMALLINT, SQL_SMALLINT, SQL_SMALLINT, SQL_VARCHAR,
        SQL_VARCHAR, SQL_SMALLINT };
    /* UPDATE SET NULL = 2, DELETE CASCADE = 0, INITIALLY DEFERRED = 5; NO ACTION = 3, NOT DEFERRABLE = 7 */
    static const char *const child_rows[] = {
        "parent|a|rstest|" S "|child|x|1|2|0|child_fk|parent_pkey|5",
        "parent|b|rstest|" S "|child|y|2|2|0|child_fk|parent_pkey|5" };
    static const char *const other_rows[] = {
        "parent|a|rstest|" S "|other|pa|1|3|3|other_pa_pb_fkey|parent_pkey|7",
        "parent|b|rstest|" S "|other|pb|2|3|3|other_pa_pb_fkey|parent_pkey|7" };
    const char *by_pk[] = { child_rows[0], child_rows[1], other_rows[0], other_rows[1] };

    T_STMT_RC(st, SQLForeignKeys(st, NULL, 0, A(S), SQL_NTS, A("parent"), SQL_NTS, NULL, 0, NULL, 0, NULL, 0),
              SQL_SUCCESS, "SQLForeignKeys: the keys that refer to parent");
    ct_shape(st, "SQLForeignKeys", 14, names, types);
    ct_rows(st, "keys referring to parent, by FK table and KEY_SEQ", 3, 14, by_pk, 4);

    T_STMT_RC(st, SQLForeignKeys(st, NULL, 0, NULL, 0, NULL, 0, NULL, 0, A(S), SQL_NTS, A("child"), SQL_NTS),
              SQL_SUCCESS, "SQLForeignKeys: the keys of child");
    ct_rows(st, "keys of child", 3, 14, child_rows, 2);

    SQLWCHAR w1[32], w2[32], w3[32];
    T_STMT_RC(st, SQLForeignKeysW(st, NULL, 0, NULL, 0, W("parent", w1), SQL_NTS, NULL, 0, W(S, w2), SQL_NTS,
                                  W("other", w3), SQL_NTS),
              SQL_SUCCESS, "SQLForeignKeysW: both tables");
    ct_rows(st, "keys of other referring to parent (W)", 3, 14, other_rows, 2);

    SQLForeignKeys(st, NULL, 0, A(S), SQL_NTS, A("child"), SQL_NTS, NULL, 0, NULL, 0, NULL, 0);
    ct_rows(st, "no key refers to child", 1, 14, NULL, 0);

    T_STMT_RC(st, SQLForeignKeys(st, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0), SQL_ERROR,
              "SQLForeignKeys without any table");
    t_state(SQL_HANDLE_STMT, st, "HY009", "no table at all is HY009");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_statistics(void)
{
    SQLHSTMT st = t_stmt(dbc);
    static const char *const names[] = { "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "NON_UNIQUE",
        "INDEX_QUALIFIER", "INDEX_NAME", "TYPE", "ORDINAL_POSITION", "COLUMN_NAME", "ASC_OR_DESC",
        "CARDINALITY", "PAGES", "FILTER_CONDITION" };
    static const SQLSMALLINT types[] = { SQL_VARCHAR, SQL_VARCHAR, SQL_VARCHAR, SQL_SMALLINT, SQL_VARCHAR,
        SQL_VARCHAR, SQL_SMALLINT, SQL_SMALLINT, SQL_VARCHAR, SQL_CHAR, SQL_INTEGER, SQL_INTEGER,
        SQL_VARCHAR };
    /* NON_UNIQUE INDEX_QUALIFIER INDEX_NAME TYPE ORDINAL_POSITION COLUMN_NAME ASC_OR_DESC */
    static const char *const all[] = {
        "(null)|(null)|(null)|0|(null)|(null)|(null)",
        "0|" S "|child_pkey|3|1|id|A",
        "0|" S "|child_u|3|1|y|D",
        "0|" S "|child_u|3|2|x|A",
        "1|" S "|child_e|3|1|lower(note)|A" };
    T_STMT_RC(st, SQLStatistics(st, NULL, 0, A(S), SQL_NTS, A("child"), SQL_NTS, SQL_INDEX_ALL, SQL_QUICK),
              SQL_SUCCESS, "SQLStatistics(SQL_INDEX_ALL)");
    ct_shape(st, "SQLStatistics", 13, names, types);
    ct_rows(st, "SQLStatistics(child, all): the table row, then unique before non-unique", 4, 10, all, 5);

    char out[2048];
    SQLStatistics(st, NULL, 0, A(S), SQL_NTS, A("child"), SQL_NTS, SQL_INDEX_ALL, SQL_ENSURE);
    ct_read(st, 11, 13, out, sizeof out);
    t_ok(strncmp(out, "3|", 2) == 0, "the table row's CARDINALITY is the analyzed row count (%.20s)", out);
    t_like(out, "|(x > 0)", "FILTER_CONDITION of the partial index");

    SQLStatistics(st, NULL, 0, A(S), SQL_NTS, A("child"), SQL_NTS, SQL_INDEX_UNIQUE, SQL_QUICK);
    ct_rows(st, "SQLStatistics(child, unique)", 4, 10, all, 4);

    SQLWCHAR w1[32], w2[32];
    T_STMT_RC(st, SQLStatisticsW(st, NULL, 0, W(S, w1), SQL_NTS, W("Mixed Case", w2), SQL_NTS, SQL_INDEX_ALL,
                                 SQL_QUICK), SQL_SUCCESS, "SQLStatisticsW on a mixed-case name");
    static const char *const mixed[] = { "(null)|(null)|(null)|0|(null)|(null)|(null)", "0|" S "|MC uq|3|1|ÄÖ|A" };
    ct_rows(st, "SQLStatisticsW(\"Mixed Case\")", 4, 10, mixed, 2);

    T_STMT_RC(st, SQLStatistics(st, NULL, 0, A(S), SQL_NTS, A("child"), SQL_NTS, 7, SQL_QUICK), SQL_ERROR,
              "SQLStatistics with a bad uniqueness option");
    t_state(SQL_HANDLE_STMT, st, "HY100", "is HY100");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_special_columns(void)
{
    SQLHSTMT st = t_stmt(dbc);
    static const char *const names[] = { "SCOPE", "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE",
                                         "BUFFER_LENGTH", "DECIMAL_DIGITS", "PSEUDO_COLUMN" };
    static const SQLSMALLINT types[] = { SQL_SMALLINT, SQL_VARCHAR, SQL_SMALLINT, SQL_VARCHAR, SQL_INTEGER,
                                         SQL_INTEGER, SQL_SMALLINT, SQL_SMALLINT };
    T_STMT_RC(st, SQLSpecialColumns(st, SQL_BEST_ROWID, NULL, 0, A(S), SQL_NTS, A("child"), SQL_NTS,
                                    SQL_SCOPE_TRANSACTION, SQL_NO_NULLS), SQL_SUCCESS, "SQLSpecialColumns(BEST_ROWID)");
    ct_shape(st, "SQLSpecialColumns", 8, names, types);
    static const char *const child[] = { "2|id|4|int4|10|4|0|1" };
    ct_rows(st, "best row id of child: its primary key, session scope", 1, 8, child, 1);

    SQLWCHAR w1[32], w2[32];
    SQLSpecialColumnsW(st, SQL_BEST_ROWID, NULL, 0, W(S, w1), SQL_NTS, W("Mixed Case", w2), SQL_NTS,
                       SQL_SCOPE_SESSION, SQL_NO_NULLS);
    static const char *const mixed[] = { "2|ÄÖ|2|numeric|8|10|2|1" };
    ct_rows(st, "no primary key: a unique NOT NULL column (W)", 1, 8, mixed, 1);

    SQLSpecialColumns(st, SQL_BEST_ROWID, NULL, 0, A(S), SQL_NTS, A("nul"), SQL_NTS, SQL_SCOPE_SESSION, SQL_NO_NULLS);
    ct_rows(st, "a unique nullable column is no row id when NULLs are refused", 1, 8, NULL, 0);
    SQLSpecialColumns(st, SQL_BEST_ROWID, NULL, 0, A(S), SQL_NTS, A("nul"), SQL_NTS, SQL_SCOPE_SESSION, SQL_NULLABLE);
    static const char *const nul[] = { "2|u|4|int4|10|4|0|1" };
    ct_rows(st, "but it is when NULLs are accepted", 1, 8, nul, 1);

    T_STMT_RC(st, SQLSpecialColumns(st, SQL_ROWVER, NULL, 0, A(S), SQL_NTS, A("child"), SQL_NTS,
                                    SQL_SCOPE_SESSION, SQL_NULLABLE), SQL_SUCCESS, "SQLSpecialColumns(ROWVER)");
    ct_shape(st, "SQLSpecialColumns(ROWVER)", 8, names, types);
    ct_rows(st, "no automatically updated columns", 1, 8, NULL, 0);

    T_STMT_RC(st, SQLSpecialColumns(st, SQL_BEST_ROWID, NULL, 0, A(S), SQL_NTS, NULL, 0, SQL_SCOPE_SESSION,
                                    SQL_NULLABLE), SQL_ERROR, "SQLSpecialColumns without a table");
    t_state(SQL_HANDLE_STMT, st, "HY009", "is HY009");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

int main(void)
{
    t_start(120);
    env = t_env_alloc();
    dbc = t_connect(env, "");
    ct_fixture(dbc, S, fixture);
    test_primary_keys();
    test_foreign_keys();
    test_statistics();
    test_special_columns();
    t_disconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    return t_done();
}
