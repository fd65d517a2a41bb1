/* catalog_tables.c - SQLTables (with its special enumerations), SQLColumns and SQLGetTypeInfo
 * through unixODBC over a fixture schema: shapes, patterns with '_' and '%' escaped or not,
 * non-ASCII and mixed-case names (A and W), SQL_ATTR_METADATA_ID, table types, and SQLColumns
 * agreeing with SQLDescribeCol / SQLColAttribute on the same columns. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalogtest.h"

#define S "cat_tabs"

static SQLHENV env;
static SQLHDBC dbc;

static const char *const fixture[] = {
    "CREATE TABLE " S ".a_b (i int)",
    "CREATE TABLE " S ".axb (i int)",
    "CREATE TABLE " S ".\"a%b\" (i int)",
    "CREATE TABLE " S ".\"Grüße\" (\"Äpfel\" int)",
    "CREATE TABLE " S ".\"MiXed\" (\"CamelCol\" int)",
    "CREATE VIEW " S ".v1 AS SELECT i FROM " S ".a_b",
    "CREATE MATERIALIZED VIEW " S ".mv1 AS SELECT i FROM " S ".a_b",
    "CREATE TABLE " S ".typed (c_int2 int2, c_int4 int4 NOT NULL, c_int8 int8, c_num numeric(12,4), "
    "  c_float4 float4, c_float8 float8, c_bool bool, c_char char(5), c_varchar varchar(30), c_text text, "
    "  c_date date, c_time time, c_ts timestamp(3), c_tstz timestamptz, c_bytea bytea, "
    "  c_iym interval year to month, c_ids interval)",
    NULL,
};

static SQLCHAR *A(const char *s) { return (SQLCHAR *)s; }

static const char *const tnames[] = { "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS" };
static const SQLSMALLINT ttypes[] = { SQL_VARCHAR, SQL_VARCHAR, SQL_VARCHAR, SQL_VARCHAR, SQL_VARCHAR };

static void test_special(void)
{
    SQLHSTMT st = t_stmt(dbc);
    char out[16384];
    T_STMT_RC(st, SQLTables(st, A(SQL_ALL_CATALOGS), SQL_NTS, A(""), 0, A(""), 0, NULL, 0), SQL_SUCCESS,
              "SQLTables: all catalogs");
    ct_shape(st, "catalogs", 5, tnames, ttypes);
    static const char *const cats[] = { "rstest|(null)|(null)|(null)|(null)" };
    ct_rows(st, "the one catalog: the current database", 1, 5, cats, 1);

    T_STMT_RC(st, SQLTables(st, A(""), 0, A(SQL_ALL_SCHEMAS), SQL_NTS, A(""), 0, NULL, 0), SQL_SUCCESS,
              "SQLTables: all schemas");
    ct_shape(st, "schemas", 5, tnames, ttypes);
    ct_read(st, 1, 5, out, sizeof out);
    t_ok(strstr(out, "(null)|" S "|(null)|(null)|(null)") != NULL, "the schema list has " S);

    T_STMT_RC(st, SQLTables(st, A(""), 0, A(""), 0, A(""), 0, A(SQL_ALL_TABLE_TYPES), SQL_NTS), SQL_SUCCESS,
              "SQLTables: all table types");
    ct_shape(st, "table types", 5, tnames, ttypes);
    ct_read(st, 4, 4, out, sizeof out);
    t_ok(strstr(out, "TABLE\n") && strstr(out, "VIEW") && strstr(out, "MATERIALIZED VIEW"),
         "the type list has TABLE, VIEW and MATERIALIZED VIEW");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_patterns(void)
{
    SQLHSTMT st = t_stmt(dbc);
    T_STMT_RC(st, SQLTables(st, NULL, 0, A(S), SQL_NTS, A("a_b"), SQL_NTS, NULL, 0), SQL_SUCCESS,
              "SQLTables(a_b)");
    ct_shape(st, "SQLTables", 5, tnames, ttypes);
    static const char *const any[] = { "a%b", "a_b", "axb" };
    char out[4096];
    ct_read(st, 3, 3, out, sizeof out);
    t_ok(strstr(out, "a%b") && strstr(out, "a_b") && strstr(out, "axb"), "a_b: '_' matches any character (%s)", out);

    SQLTables(st, NULL, 0, A(S), SQL_NTS, A("a\\_b"), SQL_NTS, NULL, 0);
    ct_rows(st, "a\\_b: the escaped '_' is literal", 3, 3, any + 1, 1);
    SQLTables(st, NULL, 0, A(S), SQL_NTS, A("a\\%b"), SQL_NTS, NULL, 0);
    ct_rows(st, "a\\%b: the escaped '%' is literal", 3, 3, any, 1);
    SQLTables(st, NULL, 0, A("cat\\_tabs"), SQL_NTS, A("a%"), SQL_NTS, NULL, 0);
    ct_read(st, 3, 3, out, sizeof out);
    t_is_int((long long)strlen(out), (long long)strlen("a%b\na_b\naxb"), "a%%: three tables (%s)", out);

    /* non-ASCII and mixed case, A (UTF-8) and W */
    static const char *const gr[] = { "rstest|" S "|Grüße|TABLE|(null)" };
    SQLTables(st, NULL, 0, A(S), SQL_NTS, A("Grüße"), SQL_NTS, NULL, 0);
    ct_rows(st, "Grüße (A, UTF-8)", 1, 5, gr, 1);
    SQLWCHAR wgr[] = { 'G', 'r', 0xFC, 0xDF, 'e', 0 };
    T_STMT_RC(st, SQLTablesW(st, NULL, 0, NULL, 0, wgr, SQL_NTS, NULL, 0), SQL_SUCCESS, "SQLTablesW(Grüße)");
    ct_rows(st, "Grüße (W)", 1, 5, gr, 1);
    SQLColumnsW(st, NULL, 0, NULL, 0, wgr, SQL_NTS, NULL, 0);
    static const char *const apfel[] = { "Grüße|Äpfel" };
    ct_rows(st, "SQLColumnsW(Grüße): Äpfel", 3, 4, apfel, 1);

    SQLTables(st, NULL, 0, A(S), SQL_NTS, A("mixed"), SQL_NTS, NULL, 0);
    ct_rows(st, "patterns are case sensitive: mixed is not MiXed", 3, 3, NULL, 0);
    SQLSetStmtAttr(st, SQL_ATTR_METADATA_ID, (SQLPOINTER)SQL_TRUE, 0);
    static const char *const mixed[] = { "MiXed" };
    SQLTables(st, NULL, 0, A(S), SQL_NTS, A("\"MiXed\""), SQL_NTS, NULL, 0);
    ct_rows(st, "METADATA_ID: \"MiXed\" quoted keeps its case", 3, 3, mixed, 1);
    SQLTables(st, NULL, 0, A("CAT_TABS"), SQL_NTS, A("A_B"), SQL_NTS, NULL, 0);
    ct_rows(st, "METADATA_ID: A_B folds to a_b and '_' is literal", 3, 3, any + 1, 1);
    T_STMT_RC(st, SQLTables(st, NULL, 0, NULL, 0, A("A_B"), SQL_NTS, NULL, 0), SQL_ERROR,
              "METADATA_ID: a null schema is an error");
    t_state(SQL_HANDLE_STMT, st, "HY009", "it is HY009");
    T_STMT_RC(st, SQLColumns(st, NULL, 0, A(S), SQL_NTS, A("A_B"), SQL_NTS, NULL, 0), SQL_ERROR,
              "METADATA_ID: SQLColumns with a null column name is an error");
    t_state(SQL_HANDLE_STMT, st, "HY009", "it is HY009");
    SQLColumns(st, NULL, 0, A(S), SQL_NTS, A("\"MiXed\""), SQL_NTS, A("\"CamelCol\""), SQL_NTS);
    static const char *const camel[] = { "MiXed|CamelCol" };
    ct_rows(st, "METADATA_ID: SQLColumns with quoted identifiers", 3, 4, camel, 1);
    SQLSetStmtAttr(st, SQL_ATTR_METADATA_ID, (SQLPOINTER)SQL_FALSE, 0);

    /* table types */
    SQLTables(st, NULL, 0, A(S), SQL_NTS, NULL, 0, A("VIEW"), SQL_NTS);
    static const char *const views[] = { "v1|VIEW" };
    ct_rows(st, "type VIEW", 3, 4, views, 1);
    SQLTables(st, NULL, 0, A(S), SQL_NTS, NULL, 0, A("'MATERIALIZED VIEW','VIEW'"), SQL_NTS);
    static const char *const mviews[] = { "mv1|MATERIALIZED VIEW", "v1|VIEW" };
    ct_rows(st, "types 'MATERIALIZED VIEW','VIEW', ordered by TABLE_TYPE", 3, 4, mviews, 2);
    SQLTables(st, A("rstest"), SQL_NTS, A(S), SQL_NTS, A("v1"), SQL_NTS, NULL, 0);
    ct_rows(st, "catalog rstest (the current database) lists", 3, 4, views, 1);
    SQLTables(st, A("otherdb"), SQL_NTS, A(S), SQL_NTS, A("v1"), SQL_NTS, NULL, 0);
    ct_rows(st, "another catalog lists nothing", 3, 4, NULL, 0);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* SQLColumns and SQLDescribeCol/SQLColAttribute describe every column of `typed` alike. */
static void test_one_truth(void)
{
    SQLHSTMT st = t_stmt(dbc), q = t_stmt(dbc);
    T_STMT_RC(q, SQLExecDirect(q, A("SELECT * FROM " S ".typed"), SQL_NTS), SQL_SUCCESS, "SELECT * FROM typed");
    T_STMT_RC(st, SQLColumns(st, NULL, 0, A(S), SQL_NTS, A("typed"), SQL_NTS, NULL, 0), SQL_SUCCESS,
              "SQLColumns(typed)");
    int n = 0;
    while (SQLFetch(st) == SQL_SUCCESS) {
        n++;
        char name[64], tname[64], dt[16], size[32], dig[16], ord[16];
        SQLLEN ind;
        SQLGetData(st, 4, SQL_C_CHAR, name, sizeof name, &ind);
        SQLGetData(st, 5, SQL_C_CHAR, dt, sizeof dt, &ind);
        SQLGetData(st, 6, SQL_C_CHAR, tname, sizeof tname, &ind);
        SQLGetData(st, 7, SQL_C_CHAR, size, sizeof size, &ind);
        SQLGetData(st, 9, SQL_C_CHAR, dig, sizeof dig, &ind);
        if (ind == SQL_NULL_DATA)
            snprintf(dig, sizeof dig, "0");
        SQLGetData(st, 17, SQL_C_CHAR, ord, sizeof ord, &ind);
        char got[256], want[256], dname[64], dtname[64];
        snprintf(got, sizeof got, "%s|%s|%s|%s|%s", name, dt, tname, size, dig);
        SQLSMALLINT len, type, digits, nullable;
        SQLULEN csize;
        SQLUSMALLINT col = (SQLUSMALLINT)atoi(ord);
        SQLDescribeCol(q, col, (SQLCHAR *)dname, sizeof dname, &len, &type, &csize, &digits, &nullable);
        SQLColAttribute(q, col, SQL_DESC_TYPE_NAME, dtname, sizeof dtname, &len, NULL);
        snprintf(want, sizeof want, "%s|%d|%s|%lu|%d", dname, type, dtname, (unsigned long)csize, digits);
        t_is_str(got, want, "column %s: SQLColumns agrees with SQLDescribeCol", name);
    }
    t_is_int(n, 17, "17 columns");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    SQLFreeHandle(SQL_HANDLE_STMT, q);
}

static void test_type_info_shape(void)
{
    SQLHSTMT st = t_stmt(dbc);
    static const char *const names[] = { "TYPE_NAME", "DATA_TYPE", "COLUMN_SIZE", "LITERAL_PREFIX",
        "LITERAL_SUFFIX", "CREATE_PARAMS", "NULLABLE", "CASE_SENSITIVE", "SEARCHABLE", "UNSIGNED_ATTRIBUTE",
        "FIXED_PREC_SCALE", "AUTO_UNIQUE_VALUE", "LOCAL_TYPE_NAME", "MINIMUM_SCALE", "MAXIMUM_SCALE",
        "SQL_DATA_TYPE", "SQL_DATETIME_SUB", "NUM_PREC_RADIX", "INTERVAL_PRECISION" };
    static const SQLSMALLINT types[] = { SQL_VARCHAR, SQL_SMALLINT, SQL_INTEGER, SQL_VARCHAR, SQL_VARCHAR,
        SQL_VARCHAR, SQL_SMALLINT, SQL_SMALLINT, SQL_SMALLINT, SQL_SMALLINT, SQL_SMALLINT, SQL_SMALLINT,
        SQL_VARCHAR, SQL_SMALLINT, SQL_SMALLINT, SQL_SMALLINT, SQL_SMALLINT, SQL_INTEGER, SQL_SMALLINT };
    T_STMT_RC(st, SQLGetTypeInfoW(st, SQL_ALL_TYPES), SQL_SUCCESS, "SQLGetTypeInfoW(SQL_ALL_TYPES)");
    ct_shape(st, "SQLGetTypeInfo", 19, names, types);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

int main(void)
{
    t_start(120);
    env = t_env_alloc();
    dbc = t_connect(env, "");
    ct_fixture(dbc, S, fixture);
    test_special();
    test_patterns();
    test_one_truth();
    test_type_info_shape();
    t_disconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    return t_done();
}
