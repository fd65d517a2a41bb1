/* catalog_redshift.c - the catalog's Redshift path, chosen as in production: by what the
 * catalog has, asked once per connection at the first catalog call. The test creates
 * look-alikes of Redshift's views (svv_external_*, svv_redshift_databases, svv_all_*; column
 * names and types as Amazon documents them) and of pg_get_late_binding_view_cols() in a schema,
 * and puts that schema on the search path (on Redshift they live in pg_catalog). */
#include <stdio.h>
#include <string.h>

#include "catalogtest.h"

#define V "cat_rsviews"
#define L "cat_rs_local"
#define X "cat_rs_spectrum"
#define SEARCH_PATH "SET search_path TO " V ", \"$user\", public"

static SQLHENV env;

static SQLCHAR *A(const char *s) { return (SQLCHAR *)s; }

static const char *const views_sql[] = {
    "DROP SCHEMA IF EXISTS " V " CASCADE; DROP SCHEMA IF EXISTS " X " CASCADE; CREATE SCHEMA " V "; "
    "CREATE SCHEMA " X "; GRANT USAGE ON SCHEMA " V " TO PUBLIC",
    "CREATE VIEW " V ".svv_external_schemas AS SELECT n.oid AS esoid, 1::smallint AS eskind, "
    "n.nspname AS schemaname, 100::integer AS esowner, 'spectrumdb'::text AS databasename, "
    "'{\"IAM_ROLE\":\"arn:aws:iam::123456789012:role/r\"}'::text AS esoptions "
    "FROM pg_namespace n WHERE n.nspname = '" X "'",
    "CREATE VIEW " V ".svv_external_tables AS SELECT * FROM (VALUES "
    "('rstest'::text, '" X "'::text, 'sales'::text, 'TABLE'::text, 's3://b/sales/'::text, 'TextInputFormat'::text, "
    "'HiveIgnoreKeyTextOutputFormat'::text, 'LazySimpleSerDe'::text, '{}'::text, 0::integer, '{}'::text), "
    "('rstest', '" X "', 'Ümlaut_t', 'TABLE', 's3://b/u/', 'TextInputFormat', 'HiveIgnoreKeyTextOutputFormat', "
    "'LazySimpleSerDe', '{}', 0, '{}')) AS v(redshift_database_name, schemaname, tablename, tabletype, location, "
    "input_format, output_format, serialization_lib, serde_parameters, compressed, parameters)",
    "CREATE VIEW " V ".svv_external_columns AS SELECT * FROM (VALUES "
    "('rstest'::text, '" X "'::text, 'sales'::text, 'salesid'::text, 'int'::text, 1::integer, 0::integer, 'false'::text), "
    "('rstest', '" X "', 'sales', 'price', 'decimal(8,2)', 2, 0, 'true'), "
    "('rstest', '" X "', 'sales', 'note', 'varchar(30)', 3, 0, ''), "
    "('rstest', '" X "', 'sales', 'saletime', 'timestamp', 4, 1, ''), "
    "('rstest', '" X "', 'Ümlaut_t', 'größe', 'bigint', 1, 0, '')) "
    "AS v(redshift_database_name, schemaname, tablename, columnname, external_type, columnnum, part_key, is_nullable)",
    "CREATE FUNCTION " V ".pg_get_late_binding_view_cols() RETURNS SETOF record LANGUAGE sql AS "
    "$$ VALUES ('" L "'::name, 'lbv'::name, 'id'::name, 'integer'::varchar, 1), "
    "('" L "'::name, 'lbv'::name, 'label'::name, 'character varying(20)'::varchar, 2) $$",
    "CREATE VIEW " V ".svv_redshift_databases AS SELECT * FROM (VALUES "
    "('rstest'::varchar(128), 100::integer, 'local'::varchar(32), NULL::varchar(128), NULL::varchar(128), "
    "'Serializable'::varchar(128)), ('sharedb', 101, 'shared', NULL, NULL, 'Snapshot Isolation')) "
    "AS v(database_name, database_owner, database_type, database_acl, database_options, database_isolation_level)",
    "CREATE VIEW " V ".svv_all_schemas AS SELECT * FROM (VALUES "
    "('rstest'::varchar(128), '" L "'::varchar(128), 100::integer, 'local'::varchar(128), NULL::varchar(128), "
    "NULL::varchar(128), NULL::varchar(256)), ('sharedb', 'shared_s', 101, 'shared', NULL, NULL, NULL)) "
    "AS v(database_name, schema_name, schema_owner, schema_type, schema_acl, source_database, schema_option)",
    "CREATE VIEW " V ".svv_all_tables AS SELECT * FROM (VALUES "
    "('rstest'::varchar(128), '" L "'::varchar(128), 't'::varchar(128), NULL::varchar(128), 'TABLE'::varchar(128), "
    "NULL::varchar(256)), ('sharedb', 'shared_s', 'st', NULL, 'SHARED TABLE', 'from a datashare')) "
    "AS v(database_name, schema_name, table_name, table_acl, table_type, remarks)",
    "CREATE VIEW " V ".svv_all_columns AS SELECT * FROM (VALUES "
    "('sharedb'::varchar(128), 'shared_s'::varchar(128), 'st'::varchar(128), 'k'::varchar(128), 1::integer, "
    "NULL::varchar(4000), 'NO'::varchar(3), 'integer'::varchar(128), NULL::integer, 32::integer, 0::integer, "
    "NULL::varchar(256)), "
    "('sharedb', 'shared_s', 'st', 'name', 2, NULL, 'YES', 'character varying', 40, NULL, NULL, 'the name'), "
    "('sharedb', 'shared_s', 'st', 'amount', 3, NULL, 'YES', 'numeric', NULL, 10, 2, NULL)) "
    "AS v(database_name, schema_name, table_name, column_name, ordinal_position, column_default, is_nullable, "
    "data_type, character_maximum_length, numeric_precision, numeric_scale, remarks)",
    /* Redshift's pg_proc_info: pg_proc with prooid; this one hides a function to tell it apart */
    "CREATE VIEW " V ".pg_proc_info AS SELECT p.oid AS prooid, p.* FROM pg_catalog.pg_proc p "
    "WHERE p.proname <> 'hidden_fn'",
    "GRANT SELECT ON ALL TABLES IN SCHEMA " V " TO PUBLIC",
    NULL,
};

static const char *const local_fixture[] = {
    "CREATE TABLE " L ".t (a int)",
    "CREATE TABLE " L ".pk_t (a int, b int, PRIMARY KEY (b, a))",
    "CREATE VIEW " L ".lbv AS SELECT",   /* like a late-binding view: no pg_attribute rows */
    "CREATE FUNCTION " L ".visible_fn(a int) RETURNS int AS 'SELECT 1' LANGUAGE sql",
    "CREATE FUNCTION " L ".hidden_fn() RETURNS int AS 'SELECT 1' LANGUAGE sql",
    NULL,
};

static void exec(SQLHDBC dbc, const char *sql)
{
    SQLHSTMT st = t_stmt(dbc);
    T_STMT_RC(st, SQLExecDirect(st, A(sql), SQL_NTS), SQL_SUCCESS, "%s", sql);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* "DATA_TYPE|COLUMN_SIZE|DECIMAL_DIGITS" as SQLDescribeCol reports them for `SELECT NULL::type`. */
static void describe(SQLHDBC dbc, const char *type, char *out, size_t outlen)
{
    SQLHSTMT st = t_stmt(dbc);
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT NULL::%s", type);
    SQLPrepare(st, A(sql), SQL_NTS);
    SQLCHAR name[64];
    SQLSMALLINT len, t, digits, nullable;
    SQLULEN size;
    SQLDescribeCol(st, 1, name, sizeof name, &len, &t, &size, &digits, &nullable);
    snprintf(out, outlen, "%d|%lu|%d", t, (unsigned long)size, digits);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* Check SQLColumns rows: "COLUMN_NAME|NULLABLE|ORDINAL" and the type columns against describe(). */
static void check_columns(SQLHDBC dbc, SQLHSTMT st, const char *what, int n, const char *const *cols,
                          const char *const *types)
{
    char got[4096], want[4096] = "";
    for (int i = 0; i < n; i++) {
        char d[128];
        describe(dbc, types[i], d, sizeof d);
        char dt[16], cs[32], dd[16];
        sscanf(d, "%15[^|]|%31[^|]|%15s", dt, cs, dd);
        snprintf(want + strlen(want), sizeof want - strlen(want), "%s%s|%s|%s", i ? "\n" : "", cols[i], dt, cs);
    }
    ct_read(st, 4, 7, got, sizeof got);
    /* COLUMN_NAME|DATA_TYPE|TYPE_NAME|COLUMN_SIZE -> drop TYPE_NAME */
    char norm[4096] = "";
    for (char *line = strtok(got, "\n"); line; line = strtok(NULL, "\n")) {
        char c[256], dt[16], tn[64], cs[32];
        if (sscanf(line, "%255[^|]|%15[^|]|%63[^|]|%31s", c, dt, tn, cs) == 4)
            snprintf(norm + strlen(norm), sizeof norm - strlen(norm), "%s%s|%s|%s", *norm ? "\n" : "", c, dt, cs);
    }
    t_is_str(norm, want, "%s: names, and types as SQLDescribeCol describes them", what);
}

/* Without the views on the search path at the first catalog call: pg_catalog only, for the
 * whole connection (the answer is kept). */
static void test_plain_postgres(void)
{
    SQLHDBC dbc = t_connect(env, "");
    SQLHSTMT st = t_stmt(dbc);
    SQLTables(st, NULL, 0, A(X), SQL_NTS, NULL, 0, NULL, 0);
    ct_rows(st, "PostgreSQL: no external tables", 1, 5, NULL, 0);
    exec(dbc, SEARCH_PATH);
    SQLTables(st, NULL, 0, A(X), SQL_NTS, NULL, 0, NULL, 0);
    ct_rows(st, "the catalog was asked once: still none after the views appear", 1, 5, NULL, 0);
    SQLColumns(st, NULL, 0, A(L), SQL_NTS, A("lbv"), SQL_NTS, NULL, 0);
    ct_rows(st, "no late-binding columns either", 1, 5, NULL, 0);
    SQLProcedures(st, NULL, 0, A(L), SQL_NTS, NULL, 0);
    static const char *const both[] = { "hidden_fn", "visible_fn" };
    ct_rows(st, "PostgreSQL: functions from pg_proc", 3, 3, both, 2);
    t_disconnect(dbc);
}

static void test_external_and_late_binding(void)
{
    SQLHDBC dbc = t_connect(env, "");
    exec(dbc, SEARCH_PATH);
    SQLHSTMT st = t_stmt(dbc);
    T_STMT_RC(st, SQLTables(st, NULL, 0, A(X), SQL_NTS, NULL, 0, NULL, 0), SQL_SUCCESS, "SQLTables(external schema)");
    static const char *const ext[] = { "rstest|" X "|sales|EXTERNAL TABLE|(null)",
                                       "rstest|" X "|Ümlaut_t|EXTERNAL TABLE|(null)" };
    ct_rows(st, "the external tables of " X, 1, 5, ext, 2);
    SQLTables(st, NULL, 0, A("cat\\_rs\\_spectrum"), SQL_NTS, A("Ümlaut\\_%"), SQL_NTS, NULL, 0);
    ct_rows(st, "escaped pattern, non-ASCII external table", 1, 5, ext + 1, 1);
    SQLTables(st, NULL, 0, A(X), SQL_NTS, A("sal_s"), SQL_NTS, A("'EXTERNAL TABLE'"), SQL_NTS);
    ct_rows(st, "type 'EXTERNAL TABLE' and a '_' pattern", 1, 5, ext, 1);
    SQLTables(st, NULL, 0, A(X), SQL_NTS, NULL, 0, A("TABLE,VIEW"), SQL_NTS);
    ct_rows(st, "types TABLE,VIEW: no external tables", 1, 5, NULL, 0);
    SQLTables(st, NULL, 0, A("cat\\_rs\\_%"), SQL_NTS, NULL, 0, NULL, 0);
    char out[4096];
    ct_read(st, 3, 4, out, sizeof out);
    t_is_str(out, "sales|EXTERNAL TABLE\nÜmlaut_t|EXTERNAL TABLE\npk_t|TABLE\nt|TABLE\nlbv|VIEW",
             "local and external tables together, ordered by TABLE_TYPE");
    SQLTables(st, A(""), 0, A(""), 0, A(""), 0, A(SQL_ALL_TABLE_TYPES), SQL_NTS);
    ct_read(st, 4, 4, out, sizeof out);
    t_like(out, "EXTERNAL TABLE", "the table types include EXTERNAL TABLE");

    T_STMT_RC(st, SQLColumns(st, NULL, 0, A(X), SQL_NTS, A("sales"), SQL_NTS, NULL, 0), SQL_SUCCESS,
              "SQLColumns(external table)");
    static const char *const cols[] = { "salesid", "price", "note", "saletime" };
    static const char *const types[] = { "int4", "numeric(8,2)", "varchar(30)", "timestamp" };
    check_columns(dbc, st, "external columns", 4, cols, types);
    SQLColumns(st, NULL, 0, A(X), SQL_NTS, A("sales"), SQL_NTS, NULL, 0);
    ct_read(st, 9, 9, out, sizeof out);
    t_is_str(out, "0\n2\n(null)\n6", "DECIMAL_DIGITS of int, decimal(8,2), varchar, timestamp");
    SQLColumns(st, NULL, 0, A(X), SQL_NTS, A("sales"), SQL_NTS, NULL, 0);
    ct_read(st, 17, 18, out, sizeof out);
    t_is_str(out, "1|NO\n2|YES\n3|YES\n4|YES", "ORDINAL_POSITION and IS_NULLABLE ('false' is NO)");
    SQLWCHAR wt[] = { 0xDC, 'm', 'l', 'a', 'u', 't', '_', 't', 0 };
    T_STMT_RC(st, SQLColumnsW(st, NULL, 0, NULL, 0, wt, SQL_NTS, NULL, 0), SQL_SUCCESS, "SQLColumnsW(Ümlaut_t)");
    static const char *const gr[] = { "größe|-5" };
    ct_rows(st, "non-ASCII external column (W)", 4, 5, gr, 1);

    T_STMT_RC(st, SQLColumns(st, NULL, 0, A(L), SQL_NTS, A("lbv"), SQL_NTS, NULL, 0), SQL_SUCCESS,
              "SQLColumns(late-binding view)");
    static const char *const lcols[] = { "id", "label" };
    static const char *const ltypes[] = { "int4", "varchar(20)" };
    check_columns(dbc, st, "late-binding view columns", 2, lcols, ltypes);
    SQLColumns(st, NULL, 0, A(L), SQL_NTS, A("t"), SQL_NTS, NULL, 0);
    static const char *const tcols[] = { "t|a" };
    ct_rows(st, "an ordinary table keeps its own columns only", 3, 4, tcols, 1);

    /* keys from constraints, statistics without indexes, privileges of the current user */
    T_STMT_RC(st, SQLPrimaryKeys(st, NULL, 0, A(L), SQL_NTS, A("pk_t"), SQL_NTS), SQL_SUCCESS,
              "SQLPrimaryKeys on the Redshift path");
    static const char *const pk[] = { "pk_t|b|1|pk_t_pkey", "pk_t|a|2|pk_t_pkey" };
    ct_rows(st, "primary key columns in key order", 3, 6, pk, 2);
    T_STMT_RC(st, SQLStatistics(st, NULL, 0, A(L), SQL_NTS, A("pk_t"), SQL_NTS, SQL_INDEX_ALL, SQL_QUICK),
              SQL_SUCCESS, "SQLStatistics on the Redshift path");
    static const char *const stat[] = { "pk_t|(null)|(null)|(null)|0" };
    ct_rows(st, "the table's statistics row only (Redshift has no indexes)", 3, 7, stat, 1);
    T_STMT_RC(st, SQLSpecialColumns(st, SQL_BEST_ROWID, NULL, 0, A(L), SQL_NTS, A("pk_t"), SQL_NTS,
                                    SQL_SCOPE_SESSION, SQL_NO_NULLS), SQL_SUCCESS, "SQLSpecialColumns on the Redshift path");
    static const char *const rowid[] = { "2|b|4", "2|a|4" };
    ct_rows(st, "best row id: the primary key constraint's columns", 1, 3, rowid, 2);
    T_STMT_RC(st, SQLTablePrivileges(st, NULL, 0, A(L), SQL_NTS, A("t"), SQL_NTS), SQL_SUCCESS,
              "SQLTablePrivileges on the Redshift path");
    static const char *const tp[] = {
        "t|(null)|rs_md5|DELETE|(null)", "t|(null)|rs_md5|INSERT|(null)", "t|(null)|rs_md5|REFERENCES|(null)",
        "t|(null)|rs_md5|SELECT|(null)", "t|(null)|rs_md5|UPDATE|(null)" };
    ct_rows(st, "what the current user holds on t", 3, 7, tp, 5);
    T_STMT_RC(st, SQLColumnPrivileges(st, NULL, 0, A(L), SQL_NTS, A("t"), SQL_NTS, A("a"), SQL_NTS), SQL_SUCCESS,
              "SQLColumnPrivileges on the Redshift path");
    static const char *const cp[] = { "t|a|(null)|rs_md5|SELECT|(null)", "t|a|(null)|rs_md5|UPDATE|(null)" };
    ct_rows(st, "column privileges of the current user", 3, 8, cp, 2);

    T_STMT_RC(st, SQLProcedures(st, NULL, 0, A(L), SQL_NTS, NULL, 0), SQL_SUCCESS, "SQLProcedures via pg_proc_info");
    static const char *const vis[] = { "visible_fn" };
    ct_rows(st, "functions come from pg_proc_info", 3, 3, vis, 1);
    T_STMT_RC(st, SQLProcedureColumns(st, NULL, 0, A(L), SQL_NTS, NULL, 0, NULL, 0), SQL_SUCCESS,
              "SQLProcedureColumns via pg_proc_info");
    static const char *const vcols[] = { "visible_fn||5|4", "visible_fn|a|1|4" };
    ct_rows(st, "return value and argument from pg_proc_info", 3, 6, vcols, 2);
    t_disconnect(dbc);
}

static void test_datashare(void)
{
    SQLHDBC dbc = t_connect(env, "DatabaseMetadataCurrentDbOnly=0");
    exec(dbc, SEARCH_PATH);
    SQLHSTMT st = t_stmt(dbc);
    T_STMT_RC(st, SQLTables(st, A(SQL_ALL_CATALOGS), SQL_NTS, A(""), 0, A(""), 0, NULL, 0), SQL_SUCCESS,
              "datashares: all catalogs");
    static const char *const cats[] = { "rstest|(null)", "sharedb|(null)" };
    ct_rows(st, "every database, datashares included", 1, 2, cats, 2);
    SQLTables(st, A(""), 0, A(SQL_ALL_SCHEMAS), SQL_NTS, A(""), 0, NULL, 0);
    static const char *const schemas[] = { "rstest|" L, "sharedb|shared_s" };
    ct_rows(st, "schemas of every database", 1, 2, schemas, 2);
    SQLTables(st, A("share%"), SQL_NTS, NULL, 0, NULL, 0, NULL, 0);
    static const char *const st_rows[] = { "sharedb|shared_s|st|SHARED TABLE|from a datashare" };
    ct_rows(st, "the catalog pattern picks the datashare database", 1, 5, st_rows, 1);
    SQLTables(st, NULL, 0, NULL, 0, NULL, 0, A("TABLE"), SQL_NTS);
    static const char *const local[] = { "rstest|" L "|t|TABLE" };
    ct_rows(st, "type TABLE across databases", 1, 4, local, 1);

    T_STMT_RC(st, SQLColumns(st, A("sharedb"), SQL_NTS, A("shared_s"), SQL_NTS, A("st"), SQL_NTS, NULL, 0),
              SQL_SUCCESS, "SQLColumns in a datashare database");
    static const char *const cols[] = { "k", "name", "amount" };
    static const char *const types[] = { "int4", "varchar(40)", "numeric(10,2)" };
    check_columns(dbc, st, "datashare columns", 3, cols, types);
    SQLColumns(st, A("sharedb"), SQL_NTS, A("shared_s"), SQL_NTS, A("st"), SQL_NTS, NULL, 0);
    char out[2048];
    ct_read(st, 1, 1, out, sizeof out);
    t_is_str(out, "sharedb\nsharedb\nsharedb", "TABLE_CAT is the datashare database");
    SQLColumns(st, A("sharedb"), SQL_NTS, A("shared_s"), SQL_NTS, A("st"), SQL_NTS, NULL, 0);
    ct_read(st, 11, 12, out, sizeof out);
    t_is_str(out, "0|(null)\n1|the name\n1|(null)", "NULLABLE and REMARKS");
    t_disconnect(dbc);

    /* the keyword alone changes nothing when the catalog has no datashare views */
    dbc = t_connect(env, "DatabaseMetadataCurrentDbOnly=0");
    st = t_stmt(dbc);
    SQLTables(st, A(SQL_ALL_CATALOGS), SQL_NTS, A(""), 0, A(""), 0, NULL, 0);
    static const char *const one[] = { "rstest" };
    ct_rows(st, "PostgreSQL: the current database only", 1, 1, one, 1);
    t_disconnect(dbc);
}

int main(void)
{
    t_start(120);
    env = t_env_alloc();
    for (int i = 0; views_sql[i]; i++)
        if (t_superuser_sql(views_sql[i]) != 0)
            t_bail("cannot create the Redshift-shaped views: %s", views_sql[i]);
    SQLHDBC dbc = t_connect(env, "");
    ct_fixture(dbc, L, local_fixture);
    t_disconnect(dbc);
    test_plain_postgres();
    test_external_and_late_binding();
    test_datashare();
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    return t_done();
}
