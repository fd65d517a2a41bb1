/* catalog_procs.c - SQLProcedures and SQLProcedureColumns through unixODBC over a fixture
 * schema: shapes, order, patterns with '_' escaped or not, procedure vs function, argument
 * modes, and argument types described as SQLDescribeCol describes the same type. */
#include <stdio.h>
#include <string.h>

#include "catalogtest.h"

#define S "cat_procs"

static SQLHENV env;
static SQLHDBC dbc;

static const char *const fixture[] = {
    "CREATE FUNCTION " S ".fn(a int, b text DEFAULT 'x') RETURNS numeric AS 'SELECT 1::numeric' LANGUAGE sql",
    "COMMENT ON FUNCTION " S ".fn(int, text) IS 'the fn'",
    "CREATE PROCEDURE " S ".pr(INOUT a int, IN b date) LANGUAGE sql AS 'SELECT 1'",
    "CREATE FUNCTION " S ".tf(n int) RETURNS TABLE (r1 int, r2 text) AS 'SELECT 1, ''a''' LANGUAGE sql",
    "CREATE FUNCTION " S ".mixed_fn() RETURNS void AS '' LANGUAGE sql",
    "CREATE FUNCTION " S ".mixedxfn() RETURNS int AS 'SELECT 1' LANGUAGE sql",
    "CREATE AGGREGATE " S ".agg(int) (sfunc = int4pl, stype = int)",
    NULL,
};

static SQLCHAR *A(const char *s) { return (SQLCHAR *)s; }

static void test_procedures(void)
{
    SQLHSTMT st = t_stmt(dbc);
    static const char *const names[] = { "PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME", "NUM_INPUT_PARAMS",
        "NUM_OUTPUT_PARAMS", "NUM_RESULT_SETS", "REMARKS", "PROCEDURE_TYPE" };
    static const SQLSMALLINT types[] = { SQL_VARCHAR, SQL_VARCHAR, SQL_VARCHAR, SQL_INTEGER, SQL_INTEGER,
                                         SQL_INTEGER, SQL_VARCHAR, SQL_SMALLINT };
    T_STMT_RC(st, SQLProcedures(st, NULL, 0, A(S), SQL_NTS, NULL, 0), SQL_SUCCESS, "SQLProcedures");
    ct_shape(st, "SQLProcedures", 8, names, types);
    /* SQL_PT_FUNCTION 2, SQL_PT_PROCEDURE 1; the aggregate is not listed */
    static const char *const all[] = {
        "rstest|" S "|fn|(null)|(null)|(null)|the fn|2",
        "rstest|" S "|mixed_fn|(null)|(null)|(null)|(null)|2",
        "rstest|" S "|mixedxfn|(null)|(null)|(null)|(null)|2",
        "rstest|" S "|pr|(null)|(null)|(null)|(null)|1",
        "rstest|" S "|tf|(null)|(null)|(null)|(null)|2" };
    ct_rows(st, "SQLProcedures(" S ", any)", 1, 8, all, 5);

    SQLProcedures(st, NULL, 0, A("cat\\_procs"), SQL_NTS, A("mixed_fn"), SQL_NTS);
    static const char *const both[] = { "mixed_fn", "mixedxfn" };
    ct_rows(st, "pattern mixed_fn: '_' matches any character", 3, 3, both, 2);
    SQLProcedures(st, NULL, 0, A(S), SQL_NTS, A("mixed\\_fn"), SQL_NTS);
    ct_rows(st, "pattern mixed\\_fn: the escaped '_' is literal", 3, 3, both, 1);

    SQLSetStmtAttr(st, SQL_ATTR_METADATA_ID, (SQLPOINTER)SQL_TRUE, 0);
    SQLProcedures(st, NULL, 0, A("CAT_PROCS"), SQL_NTS, A("MIXED_FN"), SQL_NTS);
    ct_rows(st, "METADATA_ID: identifiers, '_' literal, folded to lower case", 3, 3, both, 1);
    SQLSetStmtAttr(st, SQL_ATTR_METADATA_ID, (SQLPOINTER)SQL_FALSE, 0);

    SQLWCHAR ws[] = { 'c', 'a', 't', '_', 'p', 'r', 'o', 'c', 's', 0 }, wp[] = { 'p', '%', 0 };
    T_STMT_RC(st, SQLProceduresW(st, NULL, 0, ws, SQL_NTS, wp, SQL_NTS), SQL_SUCCESS, "SQLProceduresW");
    static const char *const pr[] = { "pr|(null)|(null)|(null)|(null)|1" };
    ct_rows(st, "SQLProceduresW(p%): the procedure", 3, 8, pr, 1);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* The type columns SQLDescribeCol gives for `SELECT NULL::type`: "DATA_TYPE|COLUMN_SIZE|DECIMAL_DIGITS". */
static void describe(const char *type, char *out, size_t outlen)
{
    SQLHSTMT st = t_stmt(dbc);
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT NULL::%s", type);
    SQLPrepare(st, (SQLCHAR *)sql, SQL_NTS);
    SQLCHAR name[64];
    SQLSMALLINT len, t, digits, nullable;
    SQLULEN size;
    SQLDescribeCol(st, 1, name, sizeof name, &len, &t, &size, &digits, &nullable);
    snprintf(out, outlen, "%d|%lu|%d", t, (unsigned long)size, digits);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_procedure_columns(void)
{
    SQLHSTMT st = t_stmt(dbc);
    static const char *const names[] = { "PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME", "COLUMN_NAME",
        "COLUMN_TYPE", "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE", "BUFFER_LENGTH", "DECIMAL_DIGITS",
        "NUM_PREC_RADIX", "NULLABLE", "REMARKS", "COLUMN_DEF", "SQL_DATA_TYPE", "SQL_DATETIME_SUB",
        "CHAR_OCTET_LENGTH", "ORDINAL_POSITION", "IS_NULLABLE" };
    static const SQLSMALLINT types[] = { SQL_VARCHAR, SQL_VARCHAR, SQL_VARCHAR, SQL_VARCHAR, SQL_SMALLINT,
        SQL_SMALLINT, SQL_VARCHAR, SQL_INTEGER, SQL_INTEGER, SQL_SMALLINT, SQL_SMALLINT, SQL_SMALLINT,
        SQL_VARCHAR, SQL_VARCHAR, SQL_SMALLINT, SQL_SMALLINT, SQL_INTEGER, SQL_INTEGER, SQL_VARCHAR };
    T_STMT_RC(st, SQLProcedureColumns(st, NULL, 0, A(S), SQL_NTS, NULL, 0, NULL, 0), SQL_SUCCESS,
              "SQLProcedureColumns");
    ct_shape(st, "SQLProcedureColumns", 19, names, types);
    /* PROCEDURE_NAME COLUMN_NAME COLUMN_TYPE, then ORDINAL_POSITION: the return value (5,
     * ordinal 0) first, then the arguments in order: IN 1, INOUT 2, TABLE columns 3 */
    char out[4096];
    int n = ct_read(st, 3, 5, out, sizeof out);
    t_is_str(out, "fn||5\nfn|a|1\nfn|b|1\nmixedxfn||5\npr|a|2\npr|b|1\ntf|n|1\ntf|r1|3\ntf|r2|3",
             "procedure columns, their kinds and order");
    t_is_int(n, 9, "nine procedure columns (a void function has none)");
    SQLProcedureColumns(st, NULL, 0, A(S), SQL_NTS, NULL, 0, NULL, 0);
    ct_read(st, 18, 18, out, sizeof out);
    t_is_str(out, "0\n1\n2\n0\n1\n2\n1\n2\n3", "ORDINAL_POSITION");

    /* the type columns agree with SQLDescribeCol for the same types */
    static const struct { const char *proc, *col, *type; } checks[] = {
        { "fn", "a", "int4" }, { "fn", "b", "text" }, { "pr", "b", "date" }, { "fn", "", "numeric" } };
    for (int i = 0; i < CT_N(checks); i++) {
        SQLProcedureColumns(st, NULL, 0, A(S), SQL_NTS, A(checks[i].proc), SQL_NTS, A(checks[i].col), SQL_NTS);
        char want[128], got[256];
        describe(checks[i].type, want, sizeof want);
        ct_read(st, 6, 10, got, sizeof got);
        /* DATA_TYPE|TYPE_NAME|COLUMN_SIZE|BUFFER_LENGTH|DECIMAL_DIGITS -> DATA_TYPE|COLUMN_SIZE|DECIMAL_DIGITS */
        char dt[16], tn[64], cs[32], bl[32], dd[16];
        if (sscanf(got, "%15[^|]|%63[^|]|%31[^|]|%31[^|]|%15s", dt, tn, cs, bl, dd) == 5) {
            snprintf(got, sizeof got, "%s|%s|%s", dt, cs, strcmp(dd, "(null)") == 0 ? "0" : dd);
            t_is_str(tn, checks[i].type, "%s.%s: TYPE_NAME", checks[i].proc, checks[i].col);
        }
        t_is_str(got, want, "%s.%s (%s): type columns agree with SQLDescribeCol", checks[i].proc, checks[i].col,
                 checks[i].type);
    }

    SQLProcedureColumns(st, NULL, 0, A(S), SQL_NTS, A("tf"), SQL_NTS, A("r%"), SQL_NTS);
    static const char *const rcols[] = { "r1", "r2" };
    ct_rows(st, "column pattern r%", 4, 4, rcols, 2);

    SQLWCHAR ws[] = { 'c', 'a', 't', '_', 'p', 'r', 'o', 'c', 's', 0 }, wp[] = { 'p', 'r', 0 };
    T_STMT_RC(st, SQLProcedureColumnsW(st, NULL, 0, ws, SQL_NTS, wp, SQL_NTS, NULL, 0), SQL_SUCCESS,
              "SQLProcedureColumnsW");
    static const char *const prcols[] = { "a|2", "b|1" };
    ct_rows(st, "SQLProcedureColumnsW(pr)", 4, 5, prcols, 2);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

int main(void)
{
    t_start(120);
    env = t_env_alloc();
    dbc = t_connect(env, "");
    ct_fixture(dbc, S, fixture);
    test_procedures();
    test_procedure_columns();
    t_disconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    return t_done();
}
