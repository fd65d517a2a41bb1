/* info.c - what applications ask about the driver and the server through unixODBC:
 * SQLGetInfo, SQLGetFunctions (checked against the driver's exported symbols), SQLGetTypeInfo,
 * SQLTables and SQLColumns on a table this test creates, and attribute round trips. */
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "odbctest.h"

#define TBL "odbc_info_t"
#define VIEW "odbc_info_v"

static SQLHENV env;
static SQLHDBC dbc;

static void info_str(SQLUSMALLINT type, const char *want, const char *what)
{
    char buf[512];
    SQLSMALLINT len = -1;
    SQLRETURN rc = SQLGetInfo(dbc, type, buf, sizeof buf, &len);
    T_DBC_RC(dbc, rc, SQL_SUCCESS, "SQLGetInfo(%s)", what);
    t_is_str(buf, want, "%s", what);
    t_is_int(len, (long long)strlen(want), "%s length", what);
}

static SQLUINTEGER info_u32(SQLUSMALLINT type)
{
    SQLUINTEGER v = 0xDEADBEEF;
    SQLRETURN rc = SQLGetInfo(dbc, type, &v, sizeof v, NULL);
    if (rc != SQL_SUCCESS)
        t_print_diag(SQL_HANDLE_DBC, dbc);
    return v;
}

static SQLUSMALLINT info_u16(SQLUSMALLINT type)
{
    SQLUSMALLINT v = 0xBEEF;
    SQLRETURN rc = SQLGetInfo(dbc, type, &v, sizeof v, NULL);
    if (rc != SQL_SUCCESS)
        t_print_diag(SQL_HANDLE_DBC, dbc);
    return v;
}

static void test_get_info(void)
{
    char v[128], want[160];
    info_str(SQL_DBMS_NAME, "PostgreSQL", "SQL_DBMS_NAME");
    /* ##.##.#### from server_version_num, then the server's own version string */
    t_query_str(dbc, "SHOW server_version_num", v, sizeof v);
    int num = atoi(v);
    t_query_str(dbc, "SHOW server_version", v, sizeof v);
    snprintf(want, sizeof want, "%02d.%02d.%04d %s", num / 10000, (num / 100) % 100, num % 100, v);
    info_str(SQL_DBMS_VER, want, "SQL_DBMS_VER");
    info_str(SQL_DRIVER_ODBC_VER, "03.80", "SQL_DRIVER_ODBC_VER");
    info_str(SQL_DRIVER_NAME, "rsodbc.so", "SQL_DRIVER_NAME");
    info_str(SQL_IDENTIFIER_QUOTE_CHAR, "\"", "SQL_IDENTIFIER_QUOTE_CHAR");
    info_str(SQL_SEARCH_PATTERN_ESCAPE, "\\", "SQL_SEARCH_PATTERN_ESCAPE");
    info_str(SQL_DATABASE_NAME, "rstest", "SQL_DATABASE_NAME");
    info_str(SQL_USER_NAME, "rs_md5", "SQL_USER_NAME");
    info_str(SQL_SERVER_NAME, "127.0.0.1", "SQL_SERVER_NAME");
    info_str(SQL_DATA_SOURCE_NAME, "", "SQL_DATA_SOURCE_NAME of a DSN-less connection");
    info_str(SQL_SCHEMA_TERM, "schema", "SQL_SCHEMA_TERM");
    info_str(SQL_TABLE_TERM, "table", "SQL_TABLE_TERM");
    info_str(SQL_CATALOG_NAME, "Y", "SQL_CATALOG_NAME");
    info_str(SQL_CATALOG_TERM, "database", "SQL_CATALOG_TERM");
    info_str(SQL_CATALOG_NAME_SEPARATOR, ".", "SQL_CATALOG_NAME_SEPARATOR");
    info_str(SQL_SPECIAL_CHARACTERS, "$", "SQL_SPECIAL_CHARACTERS");
    info_str(SQL_MULT_RESULT_SETS, "Y", "SQL_MULT_RESULT_SETS");
    info_str(SQL_DATA_SOURCE_READ_ONLY, "N", "SQL_DATA_SOURCE_READ_ONLY");
    info_str(SQL_COLUMN_ALIAS, "Y", "SQL_COLUMN_ALIAS");

    char dv[64];
    SQLGetInfo(dbc, SQL_DRIVER_VER, dv, sizeof dv, NULL);
    int a, b, c;
    char tail;
    t_ok(strlen(dv) == 10 && sscanf(dv, "%2d.%2d.%4d%c", &a, &b, &c, &tail) == 3,
         "SQL_DRIVER_VER has the form ##.##.#### ('%s')", dv);

    t_is_int(info_u16(SQL_TXN_CAPABLE), SQL_TC_ALL, "SQL_TXN_CAPABLE is SQL_TC_ALL");
    SQLUINTEGER gd = info_u32(SQL_GETDATA_EXTENSIONS);
    t_ok((gd & (SQL_GD_ANY_COLUMN | SQL_GD_ANY_ORDER | SQL_GD_BOUND)) ==
         (SQL_GD_ANY_COLUMN | SQL_GD_ANY_ORDER | SQL_GD_BOUND), "SQL_GETDATA_EXTENSIONS: any column, any order, bound");
    /* SQL_GD_BLOCK promises SQLGetData in any row of a block, which needs SQLSetPos(SQL_POSITION) */
    void *drv = dlopen(t_env("RS_DRIVER"), RTLD_NOW | RTLD_LOCAL);
    int has_setpos = drv && dlsym(drv, "SQLSetPos") != NULL;
    t_ok(!(gd & SQL_GD_BLOCK) || has_setpos, "SQL_GD_BLOCK only with SQLSetPos");
    if (drv)
        dlclose(drv);
    t_is_int(info_u16(SQL_CURSOR_COMMIT_BEHAVIOR), SQL_CB_CLOSE, "SQL_CURSOR_COMMIT_BEHAVIOR");
    t_is_int(info_u32(SQL_DEFAULT_TXN_ISOLATION), SQL_TXN_READ_COMMITTED,
             "SQL_DEFAULT_TXN_ISOLATION: PostgreSQL's READ COMMITTED (Redshift's is SERIALIZABLE)");
    SQLUINTEGER so = info_u32(SQL_SCROLL_OPTIONS);
    t_is_int(so, SQL_SO_FORWARD_ONLY | SQL_SO_STATIC, "SQL_SCROLL_OPTIONS forward-only and static");
    SQLUINTEGER ca1 = info_u32(SQL_STATIC_CURSOR_ATTRIBUTES1);
    t_ok((ca1 & (SQL_CA1_NEXT | SQL_CA1_ABSOLUTE | SQL_CA1_RELATIVE)) ==
         (SQL_CA1_NEXT | SQL_CA1_ABSOLUTE | SQL_CA1_RELATIVE), "static cursors: next, absolute, relative");
    t_is_int(info_u32(SQL_FORWARD_ONLY_CURSOR_ATTRIBUTES1) & (SQL_CA1_ABSOLUTE | SQL_CA1_RELATIVE), 0,
             "forward-only cursors do not scroll");
    t_is_int(info_u16(SQL_IDENTIFIER_CASE), SQL_IC_LOWER, "SQL_IDENTIFIER_CASE lower");
    t_is_int(info_u16(SQL_QUOTED_IDENTIFIER_CASE), SQL_IC_SENSITIVE, "SQL_QUOTED_IDENTIFIER_CASE sensitive");
    t_is_int(info_u32(SQL_ASYNC_MODE), SQL_AM_NONE, "SQL_ASYNC_MODE none");
    t_is_int(info_u16(SQL_MAX_IDENTIFIER_LEN), 127, "SQL_MAX_IDENTIFIER_LEN 127 (Redshift)");
    /* a DML parameter array gives one cumulative row count (execute.c checks it): NO_BATCH */
    t_is_int(info_u32(SQL_PARAM_ARRAY_ROW_COUNTS), SQL_PARC_NO_BATCH, "SQL_PARAM_ARRAY_ROW_COUNTS: one cumulative count");
    /* a SELECT parameter array gives one result set per set (execute.c checks it) */
    t_is_int(info_u32(SQL_PARAM_ARRAY_SELECTS), SQL_PAS_BATCH, "SQL_PARAM_ARRAY_SELECTS: a result set per set");
    t_is_int(info_u32(SQL_ODBC_INTERFACE_CONFORMANCE), SQL_OIC_CORE, "SQL_ODBC_INTERFACE_CONFORMANCE core");
    t_ok(info_u32(SQL_STRING_FUNCTIONS) & SQL_FN_STR_UCASE, "SQL_STRING_FUNCTIONS has UCASE");

    /* W form: bytes */
    SQLWCHAR w[32];
    SQLSMALLINT len = -1;
    SQLRETURN rc = SQLGetInfoW(dbc, SQL_DBMS_NAME, w, sizeof w, &len);
    T_DBC_RC(dbc, rc, SQL_SUCCESS, "SQLGetInfoW(SQL_DBMS_NAME)");
    t_is_int(len, 20, "SQLGetInfoW length in bytes");
    t_ok(w[0] == 'P' && w[9] == 'L' && w[10] == 0, "SQLGetInfoW text");
    /* truncation */
    char small[5];
    rc = SQLGetInfo(dbc, SQL_DBMS_NAME, small, sizeof small, &len);
    T_DBC_RC(dbc, rc, SQL_SUCCESS_WITH_INFO, "SQLGetInfo into 5 bytes");
    t_state(SQL_HANDLE_DBC, dbc, "01004", "SQLGetInfo truncation: 01004");
    t_is_str(small, "Post", "SQLGetInfo truncation: 4 bytes and a NUL");
    t_is_int(len, 10, "SQLGetInfo truncation: full length");
    rc = SQLGetInfoW(dbc, SQL_DBMS_NAME, w, 8, &len);
    T_DBC_RC(dbc, rc, SQL_SUCCESS_WITH_INFO, "SQLGetInfoW into 8 bytes");
    t_ok(w[0] == 'P' && w[2] == 's' && w[3] == 0, "SQLGetInfoW truncation: 3 characters and a NUL");
    t_is_int(len, 20, "SQLGetInfoW truncation: full length in bytes");
    /* an unknown type */
    rc = SQLGetInfo(dbc, 9999, small, sizeof small, &len);
    T_DBC_RC(dbc, rc, SQL_ERROR, "SQLGetInfo of an unknown type fails");
    t_state(SQL_HANDLE_DBC, dbc, "HY096", "unknown info type: HY096");
}

/* ODBC's own reserved keywords (the ODBC reference, appendix C): SQL_KEYWORDS lists only others. */
static const char *const odbc_keywords[] = {
    "ABSOLUTE", "ACTION", "ADA", "ADD", "ALL", "ALLOCATE", "ALTER", "AND", "ANY", "ARE", "AS", "ASC",
    "ASSERTION", "AT", "AUTHORIZATION", "AVG", "BEGIN", "BETWEEN", "BIT", "BIT_LENGTH", "BOTH", "BY",
    "CASCADE", "CASCADED", "CASE", "CAST", "CATALOG", "CHAR", "CHAR_LENGTH", "CHARACTER", "CHARACTER_LENGTH",
    "CHECK", "CLOSE", "COALESCE", "COLLATE", "COLLATION", "COLUMN", "COMMIT", "CONNECT", "CONNECTION",
    "CONSTRAINT", "CONSTRAINTS", "CONTINUE", "CONVERT", "CORRESPONDING", "COUNT", "CREATE", "CROSS",
    "CURRENT", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER", "CURSOR", "DATE", "DAY",
    "DEALLOCATE", "DEC", "DECIMAL", "DECLARE", "DEFAULT", "DEFERRABLE", "DEFERRED", "DELETE", "DESC",
    "DESCRIBE", "DESCRIPTOR", "DIAGNOSTICS", "DISCONNECT", "DISTINCT", "DOMAIN", "DOUBLE", "DROP", "ELSE",
    "END", "END-EXEC", "ESCAPE", "EXCEPT", "EXCEPTION", "EXEC", "EXECUTE", "EXISTS", "EXTERNAL", "EXTRACT",
    "FALSE", "FETCH", "FIRST", "FLOAT", "FOR", "FOREIGN", "FORTRAN", "FOUND", "FROM", "FULL", "GET",
    "GLOBAL", "GO", "GOTO", "GRANT", "GROUP", "HAVING", "HOUR", "IDENTITY", "IMMEDIATE", "IN", "INCLUDE",
    "INDEX", "INDICATOR", "INITIALLY", "INNER", "INPUT", "INSENSITIVE", "INSERT", "INT", "INTEGER",
    "INTERSECT", "INTERVAL", "INTO", "IS", "ISOLATION", "JOIN", "KEY", "LANGUAGE", "LAST", "LEADING", "LEFT",
    "LEVEL", "LIKE", "LOCAL", "LOWER", "MATCH", "MAX", "MIN", "MINUTE", "MODULE", "MONTH", "NAMES",
    "NATIONAL", "NATURAL", "NCHAR", "NEXT", "NO", "NONE", "NOT", "NULL", "NULLIF", "NUMERIC", "OCTET_LENGTH",
    "OF", "ON", "ONLY", "OPEN", "OPTION", "OR", "ORDER", "OUTER", "OUTPUT", "OVERLAPS", "PAD", "PARTIAL",
    "PASCAL", "POSITION", "PRECISION", "PREPARE", "PRESERVE", "PRIMARY", "PRIOR", "PRIVILEGES", "PROCEDURE",
    "PUBLIC", "READ", "REAL", "REFERENCES", "RELATIVE", "RESTRICT", "REVOKE", "RIGHT", "ROLLBACK", "ROWS",
    "SCHEMA", "SCROLL", "SECOND", "SECTION", "SELECT", "SESSION", "SESSION_USER", "SET", "SIZE", "SMALLINT",
    "SOME", "SPACE", "SQL", "SQLCA", "SQLCODE", "SQLERROR", "SQLSTATE", "SQLWARNING", "SUBSTRING", "SUM",
    "SYSTEM_USER", "TABLE", "TEMPORARY", "THEN", "TIME", "TIMESTAMP", "TIMEZONE_HOUR", "TIMEZONE_MINUTE",
    "TO", "TRAILING", "TRANSACTION", "TRANSLATE", "TRANSLATION", "TRIM", "TRUE", "UNION", "UNIQUE",
    "UNKNOWN", "UPDATE", "UPPER", "USAGE", "USER", "USING", "VALUE", "VALUES", "VARCHAR", "VARYING", "VIEW",
    "WHEN", "WHENEVER", "WHERE", "WITH", "WORK", "WRITE", "YEAR", "ZONE",
};

/* The text of one value a query returns ("(error)" when it fails). */
static void value_of(SQLHSTMT st, const char *sql, char *out, size_t outlen)
{
    SQLLEN ind = 0;
    snprintf(out, outlen, "(error)");
    if (SQL_SUCCEEDED(SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS)) && SQL_SUCCEEDED(SQLFetch(st)) &&
        SQL_SUCCEEDED(SQLGetData(st, 1, SQL_C_CHAR, out, (SQLLEN)outlen, &ind)) && ind == SQL_NULL_DATA)
        snprintf(out, outlen, "(null)");
    SQLFreeStmt(st, SQL_CLOSE);
}

static void test_keywords(void)
{
    char kw[4096];
    SQLSMALLINT len = 0;
    SQLRETURN rc = SQLGetInfo(dbc, SQL_KEYWORDS, kw, sizeof kw, &len);
    T_DBC_RC(dbc, rc, SQL_SUCCESS, "SQLGetInfo(SQL_KEYWORDS)");
    int sorted = 1, odbc = 0, n = 0;
    char prev[64] = "", bad[256] = "";
    for (char *save = NULL, *w = strtok_r(kw, ",", &save); w; w = strtok_r(NULL, ",", &save), n++) {
        if (strcmp(prev, w) >= 0)
            sorted = 0;
        snprintf(prev, sizeof prev, "%s", w);
        for (size_t i = 0; i < sizeof odbc_keywords / sizeof *odbc_keywords; i++)
            if (strcmp(w, odbc_keywords[i]) == 0) {
                odbc = 1;
                snprintf(bad + strlen(bad), sizeof bad - strlen(bad), "%s ", w);
            }
    }
    t_ok(sorted, "SQL_KEYWORDS: sorted, no repeats");
    t_ok(!odbc, "SQL_KEYWORDS: none of ODBC's own keywords (%s)", bad);
    SQLGetInfo(dbc, SQL_KEYWORDS, kw, sizeof kw, &len);
    t_ok(strstr(kw, ",ILIKE,") && strstr(kw, ",LIMIT,") && strstr(kw, ",MOSTLY16,") && strstr(kw, ",AZ64,") &&
         strstr(kw, ",UNPIVOT,") && !strstr(kw, "MOSTLY13"), "SQL_KEYWORDS: Redshift's reserved words (%d)", n);
}

/* What SQLGetInfo claims about names, run against the server. */
static void test_name_claims(void)
{
    SQLHSTMT st = t_stmt(dbc);
    char v[64];
    t_is_int(info_u16(SQL_CATALOG_LOCATION), SQL_CL_START, "SQL_CATALOG_LOCATION: the catalog comes first");
    SQLUINTEGER cu = info_u32(SQL_CATALOG_USAGE);
    t_ok(cu & SQL_CU_DML_STATEMENTS, "SQL_CATALOG_USAGE: in DML statements");
    value_of(st, "SELECT count(*) > 0 FROM rstest.pg_catalog.pg_class", v, sizeof v);
    t_is_str(v, "1", "a table named database.schema.table can be queried");
    t_is_int(info_u16(SQL_MAX_CATALOG_NAME_LEN), 127, "SQL_MAX_CATALOG_NAME_LEN 127");
    /* '$' in an unquoted identifier */
    value_of(st, "SELECT a$b FROM (SELECT 7 AS a$b) t$x", v, sizeof v);
    t_is_str(v, "7", "'$' is a special character identifiers may hold");
    /* the cursor name limit SQLGetInfo states is SQLSetCursorName's */
    SQLUSMALLINT maxc = info_u16(SQL_MAX_CURSOR_NAME_LEN);
    char name[300];
    memset(name, 'c', sizeof name);
    name[maxc] = '\0';
    T_STMT_RC(st, SQLSetCursorName(st, (SQLCHAR *)name, SQL_NTS), SQL_SUCCESS,
              "a cursor name of SQL_MAX_CURSOR_NAME_LEN (%u) characters", maxc);
    name[maxc] = 'c';
    name[maxc + 1] = '\0';
    SQLRETURN rc = SQLSetCursorName(st, (SQLCHAR *)name, SQL_NTS);
    T_STMT_RC(st, rc, SQL_ERROR, "one character more is refused");
    t_state(SQL_HANDLE_STMT, st, "34000", "34000");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* Each scalar function a SQL_*_FUNCTIONS bit claims, as an escape with its expected value.
 * Every claimed bit must have a row here, and each row must run. */
static const struct {
    SQLUSMALLINT info;
    SQLUINTEGER bit;
    const char *expr, *want;
} fn_claims[] = {
#define S(bit, e, w) { SQL_STRING_FUNCTIONS, SQL_FN_STR_##bit, e, w }
    S(ASCII, "{fn ASCII('A')}", "65"), S(BIT_LENGTH, "{fn BIT_LENGTH('ab')}", "16"),
    S(CHAR, "{fn CHAR(66)}", "B"), S(CHAR_LENGTH, "{fn CHAR_LENGTH('abc')}", "3"),
    S(CHARACTER_LENGTH, "{fn CHARACTER_LENGTH('abcd')}", "4"), S(CONCAT, "{fn CONCAT('a', 'b')}", "ab"),
    S(LCASE, "{fn LCASE('AbC')}", "abc"), S(LEFT, "{fn LEFT('abcdef', 2)}", "ab"),
    S(LENGTH, "{fn LENGTH('abc')}", "3"), S(LOCATE, "{fn LOCATE('c', 'abcabc')}", "3"),
    S(LOCATE_2, "{fn LOCATE('c', 'abcabc', 4)}", "6"),
    S(LTRIM, "{fn LTRIM('  x')}", "x"), S(OCTET_LENGTH, "{fn OCTET_LENGTH('ab')}", "2"),
    S(POSITION, "{fn POSITION('b' IN 'abc')}", "2"), S(REPEAT, "{fn REPEAT('ab', 3)}", "ababab"),
    S(REPLACE, "{fn REPLACE('aXbX', 'X', 'y')}", "ayby"), S(RIGHT, "{fn RIGHT('abcdef', 2)}", "ef"),
    S(RTRIM, "{fn RTRIM('x  ')} || '|'", "x|"), S(SPACE, "'|' || {fn SPACE(3)} || '|'", "|   |"),
    S(SUBSTRING, "{fn SUBSTRING('abcdef', 2, 3)}", "bcd"), S(UCASE, "{fn UCASE('aBc')}", "ABC"),
#undef S
#define N(bit, e, w) { SQL_NUMERIC_FUNCTIONS, SQL_FN_NUM_##bit, e, w }
    N(ABS, "{fn ABS(-3)}", "3"), N(ACOS, "{fn ACOS(1)}", "0"), N(ASIN, "{fn ASIN(0)}", "0"),
    N(ATAN, "{fn ATAN(0)}", "0"), N(ATAN2, "{fn ATAN2(0, 1)}", "0"), N(CEILING, "{fn CEILING(1.2)}", "2"),
    N(COS, "{fn COS(0)}", "1"), N(COT, "round({fn COT(1)}::numeric, 3)", "0.642"),
    N(DEGREES, "round({fn DEGREES(pi())}::numeric, 0)", "180"), N(EXP, "{fn EXP(0)}", "1"),
    N(FLOOR, "{fn FLOOR(1.8)}", "1"), N(LOG, "round({fn LOG(exp(2))}::numeric, 6)", "2.000000"),
    N(LOG10, "{fn LOG10(1000)}", "3"), N(MOD, "{fn MOD(7, 3)}", "1"),
    N(PI, "round({fn PI()}::numeric, 4)", "3.1416"), N(POWER, "{fn POWER(2, 10)}", "1024"),
    N(RADIANS, "round({fn RADIANS(180)}::numeric, 4)", "3.1416"), N(RAND, "{fn RAND()} < 1", "1"),
    N(ROUND, "{fn ROUND(2.567, 2)}", "2.57"), N(SIGN, "{fn SIGN(-4)}", "-1"), N(SIN, "{fn SIN(0)}", "0"),
    N(SQRT, "{fn SQRT(16)}", "4"), N(TAN, "{fn TAN(0)}", "0"), N(TRUNCATE, "{fn TRUNCATE(2.567, 1)}", "2.5"),
#undef N
#define T(bit, e, w) { SQL_TIMEDATE_FUNCTIONS, SQL_FN_TD_##bit, e, w }
    T(CURDATE, "{fn CURDATE()} = CURRENT_DATE", "1"), T(CURTIME, "{fn CURTIME()} IS NOT NULL", "1"),
    T(NOW, "{fn NOW()} <= LOCALTIMESTAMP", "1"), T(CURRENT_DATE, "{fn CURRENT_DATE()} = CURRENT_DATE", "1"),
    T(CURRENT_TIME, "pg_typeof({fn CURRENT_TIME()})", "time without time zone"),
    T(CURRENT_TIMESTAMP, "pg_typeof({fn CURRENT_TIMESTAMP()})", "timestamp without time zone"),
    T(EXTRACT, "{fn EXTRACT(YEAR FROM {d '2024-05-06'})}", "2024"),
    T(YEAR, "{fn YEAR({ts '2024-05-06 07:08:09.5'})}", "2024"),
    T(MONTH, "{fn MONTH({d '2024-05-06'})}", "5"), T(DAYOFMONTH, "{fn DAYOFMONTH({d '2024-05-06'})}", "6"),
    T(HOUR, "{fn HOUR({ts '2024-05-06 07:08:09.5'})}", "7"),
    T(MINUTE, "{fn MINUTE({ts '2024-05-06 07:08:09.5'})}", "8"),
    T(SECOND, "{fn SECOND({ts '2024-05-06 07:08:09.5'})}", "9"),
    T(QUARTER, "{fn QUARTER({d '2024-05-06'})}", "2"), T(DAYOFYEAR, "{fn DAYOFYEAR({d '2024-02-01'})}", "32"),
    T(DAYOFWEEK, "{fn DAYOFWEEK({d '2024-05-05'})}", "1"), /* a Sunday */
    T(DAYNAME, "{fn DAYNAME({d '2024-05-06'})}", "Monday"), T(MONTHNAME, "{fn MONTHNAME({d '2024-05-06'})}", "May"),
#undef T
#define Y(bit, e, w) { SQL_SYSTEM_FUNCTIONS, SQL_FN_SYS_##bit, e, w }
    Y(DBNAME, "{fn DATABASE()}", "rstest"), Y(IFNULL, "{fn IFNULL(NULL, 'x')}", "x"),
    Y(USERNAME, "{fn USER()}", "rs_md5"),
#undef Y
    { SQL_CONVERT_FUNCTIONS, SQL_FN_CVT_CAST, "CAST('12' AS INTEGER) + 1", "13" },
    { SQL_CONVERT_FUNCTIONS, SQL_FN_CVT_CONVERT, "{fn CONVERT('12', SQL_INTEGER)} + 1", "13" },
};

static void test_function_claims(void)
{
    static const SQLUSMALLINT infos[] = { SQL_STRING_FUNCTIONS, SQL_NUMERIC_FUNCTIONS, SQL_TIMEDATE_FUNCTIONS,
                                          SQL_SYSTEM_FUNCTIONS, SQL_CONVERT_FUNCTIONS };
    static const char *const names[] = { "SQL_STRING_FUNCTIONS", "SQL_NUMERIC_FUNCTIONS", "SQL_TIMEDATE_FUNCTIONS",
                                         "SQL_SYSTEM_FUNCTIONS", "SQL_CONVERT_FUNCTIONS" };
    SQLHSTMT st = t_stmt(dbc);
    for (size_t k = 0; k < sizeof infos / sizeof *infos; k++) {
        SQLUINTEGER mask = info_u32(infos[k]), covered = 0;
        int claimed = 0, ran = 0;
        char failures[1024] = "";
        for (size_t i = 0; i < sizeof fn_claims / sizeof *fn_claims; i++) {
            if (fn_claims[i].info != infos[k])
                continue;
            covered |= fn_claims[i].bit;
            if (!(mask & fn_claims[i].bit))
                continue;
            claimed++;
            char sql[256], got[128];
            snprintf(sql, sizeof sql, "SELECT %s", fn_claims[i].expr);
            value_of(st, sql, got, sizeof got);
            if (strcmp(got, fn_claims[i].want) == 0)
                ran++;
            else
                snprintf(failures + strlen(failures), sizeof failures - strlen(failures), "%s gave %s; ",
                         fn_claims[i].expr, got);
        }
        t_ok(ran == claimed && claimed > 0, "%s: each of the %d claimed functions runs and gives its value%s%s",
             names[k], claimed, *failures ? ": " : "", failures);
        t_is_int(mask & ~covered, 0, "%s: no claimed bit without a test", names[k]);
    }
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* SQL_CONVERT_*: a sample value of each source type and each target type's name. Every
 * conversion the bitmask claims runs as {fn CONVERT(sample, SQL_target)} on the server. */
static void test_convert_claims(void)
{
    /* text converts to a date or time only when it reads as one: dsample is that text */
    static const struct { SQLUSMALLINT info; const char *name, *sample, *dsample; } from[] = {
        { SQL_CONVERT_BIGINT, "BIGINT", "CAST(12 AS BIGINT)", NULL }, { SQL_CONVERT_BIT, "BIT", "true", NULL },
        { SQL_CONVERT_CHAR, "CHAR", "CAST('1' AS CHAR(1))", "CAST('2024-05-06 01:02:03' AS CHAR(19))" }, { SQL_CONVERT_DATE, "DATE", "DATE '2024-05-06'", NULL },
        { SQL_CONVERT_DECIMAL, "DECIMAL", "CAST(12.5 AS DECIMAL(5,2))", NULL },
        { SQL_CONVERT_DOUBLE, "DOUBLE", "CAST(1.5 AS DOUBLE PRECISION)", NULL },
        { SQL_CONVERT_FLOAT, "FLOAT", "CAST(1.5 AS FLOAT)", NULL }, { SQL_CONVERT_INTEGER, "INTEGER", "1", NULL },
        { SQL_CONVERT_LONGVARCHAR, "LONGVARCHAR", "CAST('1' AS TEXT)", "CAST('2024-05-06 01:02:03' AS TEXT)" },
        { SQL_CONVERT_NUMERIC, "NUMERIC", "CAST(1 AS NUMERIC(10,0))", NULL }, { SQL_CONVERT_REAL, "REAL", "CAST(1 AS REAL)", NULL },
        { SQL_CONVERT_SMALLINT, "SMALLINT", "CAST(1 AS SMALLINT)", NULL }, { SQL_CONVERT_TIME, "TIME", "TIME '01:02:03'", NULL },
        { SQL_CONVERT_TIMESTAMP, "TIMESTAMP", "TIMESTAMP '2024-05-06 01:02:03'", NULL },
        { SQL_CONVERT_TINYINT, "TINYINT", "CAST(1 AS SMALLINT)", NULL }, { SQL_CONVERT_VARCHAR, "VARCHAR", "CAST('1' AS VARCHAR(5))", "CAST('2024-05-06 01:02:03' AS VARCHAR(30))" },
        { SQL_CONVERT_WCHAR, "WCHAR", "CAST('1' AS CHAR(1))", "CAST('2024-05-06 01:02:03' AS CHAR(19))" }, { SQL_CONVERT_WVARCHAR, "WVARCHAR", "CAST('1' AS VARCHAR(5))", "CAST('2024-05-06 01:02:03' AS VARCHAR(30))" },
        { SQL_CONVERT_WLONGVARCHAR, "WLONGVARCHAR", "CAST('1' AS TEXT)", "CAST('2024-05-06 01:02:03' AS TEXT)" },
        { SQL_CONVERT_BINARY, "BINARY", NULL, NULL }, { SQL_CONVERT_VARBINARY, "VARBINARY", NULL, NULL },
        { SQL_CONVERT_LONGVARBINARY, "LONGVARBINARY", NULL, NULL }, { SQL_CONVERT_GUID, "GUID", NULL, NULL },
        { SQL_CONVERT_INTERVAL_DAY_TIME, "INTERVAL_DAY_TIME", NULL, NULL },
        { SQL_CONVERT_INTERVAL_YEAR_MONTH, "INTERVAL_YEAR_MONTH", NULL, NULL },
    };
    static const struct { SQLUINTEGER bit; const char *sql_type; } to[] = {
        { SQL_CVT_BIGINT, "SQL_BIGINT" }, { SQL_CVT_BIT, "SQL_BIT" }, { SQL_CVT_CHAR, "SQL_CHAR" },
        { SQL_CVT_DATE, "SQL_DATE" }, { SQL_CVT_DECIMAL, "SQL_DECIMAL" }, { SQL_CVT_DOUBLE, "SQL_DOUBLE" },
        { SQL_CVT_FLOAT, "SQL_FLOAT" }, { SQL_CVT_INTEGER, "SQL_INTEGER" }, { SQL_CVT_LONGVARCHAR, "SQL_LONGVARCHAR" },
        { SQL_CVT_NUMERIC, "SQL_NUMERIC" }, { SQL_CVT_REAL, "SQL_REAL" }, { SQL_CVT_SMALLINT, "SQL_SMALLINT" },
        { SQL_CVT_TIME, "SQL_TIME" }, { SQL_CVT_TIMESTAMP, "SQL_TIMESTAMP" }, { SQL_CVT_TINYINT, "SQL_TINYINT" },
        { SQL_CVT_VARCHAR, "SQL_VARCHAR" }, { SQL_CVT_WCHAR, "SQL_WCHAR" }, { SQL_CVT_WVARCHAR, "SQL_WVARCHAR" },
        { SQL_CVT_WLONGVARCHAR, "SQL_WLONGVARCHAR" },
    };
    SQLHSTMT st = t_stmt(dbc);
    int total = 0, ok = 0, orphan = 0;
    char failures[2048] = "";
    for (size_t f = 0; f < sizeof from / sizeof *from; f++) {
        SQLUINTEGER mask = info_u32(from[f].info), known = 0;
        for (size_t k = 0; k < sizeof to / sizeof *to; k++) {
            known |= to[k].bit;
            if (!(mask & to[k].bit))
                continue;
            total++;
            char sql[256], got[128];
            if (!from[f].sample) {
                snprintf(failures + strlen(failures), sizeof failures - strlen(failures), "%s claims %s; ",
                         from[f].name, to[k].sql_type);
                continue;
            }
            /* the converted value, compared as text with the sample's own cast gives nothing to
             * compare for every pair: that it runs and is not NULL is the claim */
            int dt = to[k].bit == SQL_CVT_DATE || to[k].bit == SQL_CVT_TIME || to[k].bit == SQL_CVT_TIMESTAMP;
            snprintf(sql, sizeof sql, "SELECT {fn CONVERT(%s, %s)} IS NOT NULL",
                     dt && from[f].dsample ? from[f].dsample : from[f].sample, to[k].sql_type);
            value_of(st, sql, got, sizeof got);
            if (strcmp(got, "1") == 0)
                ok++;
            else
                snprintf(failures + strlen(failures), sizeof failures - strlen(failures), "%s to %s; ",
                         from[f].name, to[k].sql_type);
        }
        if (mask & ~known)
            orphan++;
    }
    t_ok(total > 100 && ok == total, "SQL_CONVERT_*: all %d claimed conversions run (%d did)%s%s", total, ok,
         *failures ? ": failed " : "", failures);
    t_is_int(orphan, 0, "SQL_CONVERT_*: no claimed target outside the tested ones");
    /* and the value comes through */
    char v[64];
    value_of(st, "SELECT {fn CONVERT({fn CONVERT('2024-05-06 01:02:03', SQL_TIMESTAMP)}, SQL_DATE)}", v, sizeof v);
    t_is_str(v, "2024-05-06", "CONVERT text to timestamp to date");
    value_of(st, "SELECT {fn CONVERT(12.75, SQL_INTEGER)}", v, sizeof v);
    t_is_str(v, "13", "CONVERT numeric to integer rounds as CAST does");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* Info types added after ODBC 3.0 and the ODBC 2 ones: answered, with values for what is absent. */
static void test_more_infos(void)
{
    t_is_int(info_u32(SQL_ASYNC_DBC_FUNCTIONS), SQL_ASYNC_DBC_NOT_CAPABLE, "SQL_ASYNC_DBC_FUNCTIONS: not capable");
    t_is_int(info_u32(SQL_ASYNC_NOTIFICATION), SQL_ASYNC_NOTIFICATION_NOT_CAPABLE, "SQL_ASYNC_NOTIFICATION: not capable");
    t_is_int(info_u32(SQL_DRIVER_AWARE_POOLING_SUPPORTED), SQL_DRIVER_AWARE_POOLING_NOT_CAPABLE,
             "SQL_DRIVER_AWARE_POOLING_SUPPORTED: not capable");
    t_is_int(info_u32(SQL_DTC_TRANSITION_COST), 0, "SQL_DTC_TRANSITION_COST: no DTC");
    t_is_int(info_u32(SQL_CONVERT_INTERVAL_DAY_TIME), 0, "SQL_CONVERT_INTERVAL_DAY_TIME answered");
    t_is_int(info_u16(SQL_QUOTED_IDENTIFIER_CASE), SQL_IC_SENSITIVE, "PostgreSQL keeps quoted identifiers' case");
    t_is_int(info_u32(SQL_TXN_ISOLATION_OPTION),
             SQL_TXN_READ_UNCOMMITTED | SQL_TXN_READ_COMMITTED | SQL_TXN_REPEATABLE_READ | SQL_TXN_SERIALIZABLE,
             "SQL_TXN_ISOLATION_OPTION: PostgreSQL's four levels");
    /* each level it offers can be set and the server runs it */
    static const struct { SQLUINTEGER level; const char *name; } levels[] = {
        { SQL_TXN_READ_COMMITTED, "read committed" }, { SQL_TXN_REPEATABLE_READ, "repeatable read" },
        { SQL_TXN_SERIALIZABLE, "serializable" }, { SQL_TXN_READ_UNCOMMITTED, "read uncommitted" },
    };
    char v[64];
    SQLULEN got = 0;
    SQLGetConnectAttr(dbc, SQL_ATTR_TXN_ISOLATION, &got, 0, NULL);
    t_query_str(dbc, "SHOW transaction_isolation", v, sizeof v);
    t_ok(got == SQL_TXN_READ_COMMITTED && strcmp(v, "read committed") == 0,
         "SQL_ATTR_TXN_ISOLATION before any is set: READ COMMITTED, as the server runs (%s)", v);
    for (size_t i = 0; i < sizeof levels / sizeof *levels; i++) {
        SQLRETURN rc = SQLSetConnectAttr(dbc, SQL_ATTR_TXN_ISOLATION, (SQLPOINTER)(uintptr_t)levels[i].level, 0);
        t_query_str(dbc, "SHOW transaction_isolation", v, sizeof v);
        got = 0;
        SQLGetConnectAttr(dbc, SQL_ATTR_TXN_ISOLATION, &got, 0, NULL);
        t_ok(rc == SQL_SUCCESS && strcmp(v, levels[i].name) == 0 && got == levels[i].level,
             "SQL_ATTR_TXN_ISOLATION %s: set, read back, and the server runs it (%s)", levels[i].name, v);
    }
    SQLSetConnectAttr(dbc, SQL_ATTR_TXN_ISOLATION, (SQLPOINTER)SQL_TXN_READ_COMMITTED, 0);

    /* SQL_DATA_SOURCE_READ_ONLY follows SQL_ATTR_ACCESS_MODE */
    char ro[8] = "";
    SQLSetConnectAttr(dbc, SQL_ATTR_ACCESS_MODE, (SQLPOINTER)SQL_MODE_READ_ONLY, 0);
    SQLGetInfo(dbc, SQL_DATA_SOURCE_READ_ONLY, ro, sizeof ro, NULL);
    t_is_str(ro, "Y", "SQL_DATA_SOURCE_READ_ONLY with SQL_MODE_READ_ONLY");
    SQLSetConnectAttr(dbc, SQL_ATTR_ACCESS_MODE, (SQLPOINTER)SQL_MODE_READ_WRITE, 0);
    SQLGetInfo(dbc, SQL_DATA_SOURCE_READ_ONLY, ro, sizeof ro, NULL);
    t_is_str(ro, "N", "and N again with SQL_MODE_READ_WRITE");

    /* SQL_CA2_CRC_EXACT for static cursors: the cursor row count is there after executing */
    t_ok(info_u32(SQL_STATIC_CURSOR_ATTRIBUTES2) & SQL_CA2_CRC_EXACT, "static cursors claim an exact row count");
    SQLHSTMT st = t_stmt(dbc);
    SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_STATIC, 0);
    SQLExecDirect(st, (SQLCHAR *)"SELECT g FROM generate_series(1, 7) g", SQL_NTS);
    SQLLEN crc = -1;
    SQLRETURN rc = SQLGetDiagField(SQL_HANDLE_STMT, st, 0, SQL_DIAG_CURSOR_ROW_COUNT, &crc, 0, NULL);
    t_ok(rc == SQL_SUCCESS && crc == 7, "SQL_DIAG_CURSOR_ROW_COUNT of a static cursor: 7 (%ld)", (long)crc);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* Every ODBC function by id and name. */
static const struct { SQLUSMALLINT id; const char *name; } functions[] = {
#define F(id, name) { SQL_API_##id, name }
    F(SQLALLOCCONNECT, "SQLAllocConnect"), F(SQLALLOCENV, "SQLAllocEnv"), F(SQLALLOCSTMT, "SQLAllocStmt"),
    F(SQLBINDCOL, "SQLBindCol"), F(SQLCANCEL, "SQLCancel"), F(SQLCOLATTRIBUTE, "SQLColAttribute"),
    F(SQLCONNECT, "SQLConnect"), F(SQLDESCRIBECOL, "SQLDescribeCol"), F(SQLDISCONNECT, "SQLDisconnect"),
    F(SQLERROR, "SQLError"), F(SQLEXECDIRECT, "SQLExecDirect"), F(SQLEXECUTE, "SQLExecute"),
    F(SQLFETCH, "SQLFetch"), F(SQLFREECONNECT, "SQLFreeConnect"), F(SQLFREEENV, "SQLFreeEnv"),
    F(SQLFREESTMT, "SQLFreeStmt"), F(SQLGETCURSORNAME, "SQLGetCursorName"),
    F(SQLNUMRESULTCOLS, "SQLNumResultCols"), F(SQLPREPARE, "SQLPrepare"), F(SQLROWCOUNT, "SQLRowCount"),
    F(SQLSETCURSORNAME, "SQLSetCursorName"), F(SQLSETPARAM, "SQLSetParam"), F(SQLTRANSACT, "SQLTransact"),
    F(SQLBULKOPERATIONS, "SQLBulkOperations"), F(SQLCOLUMNS, "SQLColumns"),
    F(SQLDRIVERCONNECT, "SQLDriverConnect"), F(SQLGETCONNECTOPTION, "SQLGetConnectOption"),
    F(SQLGETDATA, "SQLGetData"), F(SQLGETFUNCTIONS, "SQLGetFunctions"), F(SQLGETINFO, "SQLGetInfo"),
    F(SQLGETSTMTOPTION, "SQLGetStmtOption"), F(SQLGETTYPEINFO, "SQLGetTypeInfo"),
    F(SQLPARAMDATA, "SQLParamData"), F(SQLPUTDATA, "SQLPutData"),
    F(SQLSETCONNECTOPTION, "SQLSetConnectOption"), F(SQLSETSTMTOPTION, "SQLSetStmtOption"),
    F(SQLSPECIALCOLUMNS, "SQLSpecialColumns"), F(SQLSTATISTICS, "SQLStatistics"), F(SQLTABLES, "SQLTables"),
    F(SQLBROWSECONNECT, "SQLBrowseConnect"), F(SQLCOLUMNPRIVILEGES, "SQLColumnPrivileges"),
    F(SQLDATASOURCES, "SQLDataSources"), F(SQLDESCRIBEPARAM, "SQLDescribeParam"),
    F(SQLEXTENDEDFETCH, "SQLExtendedFetch"), F(SQLFOREIGNKEYS, "SQLForeignKeys"),
    F(SQLMORERESULTS, "SQLMoreResults"), F(SQLNATIVESQL, "SQLNativeSql"), F(SQLNUMPARAMS, "SQLNumParams"),
    F(SQLPARAMOPTIONS, "SQLParamOptions"), F(SQLPRIMARYKEYS, "SQLPrimaryKeys"),
    F(SQLPROCEDURECOLUMNS, "SQLProcedureColumns"), F(SQLPROCEDURES, "SQLProcedures"),
    F(SQLSETPOS, "SQLSetPos"), F(SQLSETSCROLLOPTIONS, "SQLSetScrollOptions"),
    F(SQLTABLEPRIVILEGES, "SQLTablePrivileges"), F(SQLDRIVERS, "SQLDrivers"),
    F(SQLBINDPARAMETER, "SQLBindParameter"), F(SQLALLOCHANDLE, "SQLAllocHandle"),
    F(SQLBINDPARAM, "SQLBindParam"), F(SQLCLOSECURSOR, "SQLCloseCursor"), F(SQLCOPYDESC, "SQLCopyDesc"),
    F(SQLENDTRAN, "SQLEndTran"), F(SQLFREEHANDLE, "SQLFreeHandle"),
    F(SQLGETCONNECTATTR, "SQLGetConnectAttr"), F(SQLGETDESCFIELD, "SQLGetDescField"),
    F(SQLGETDESCREC, "SQLGetDescRec"), F(SQLGETDIAGFIELD, "SQLGetDiagField"),
    F(SQLGETDIAGREC, "SQLGetDiagRec"), F(SQLGETENVATTR, "SQLGetEnvAttr"),
    F(SQLGETSTMTATTR, "SQLGetStmtAttr"), F(SQLSETCONNECTATTR, "SQLSetConnectAttr"),
    F(SQLSETDESCFIELD, "SQLSetDescField"), F(SQLSETDESCREC, "SQLSetDescRec"),
    F(SQLSETENVATTR, "SQLSetEnvAttr"), F(SQLSETSTMTATTR, "SQLSetStmtAttr"),
    F(SQLFETCHSCROLL, "SQLFetchScroll"),
#undef F
};
#define NFUNCS (sizeof functions / sizeof *functions)

/* ODBC 2 functions a driver manager answers with the ODBC 3 ones (and vice versa). */
static int dm_maps(const char *name)
{
    static const char *const mapped[] = { "SQLAllocConnect", "SQLAllocEnv", "SQLAllocStmt", "SQLError",
        "SQLFreeConnect", "SQLFreeEnv", "SQLTransact", "SQLGetConnectOption", "SQLSetConnectOption",
        "SQLGetStmtOption", "SQLSetStmtOption", "SQLSetParam", "SQLBindParam", "SQLParamOptions",
        "SQLSetScrollOptions", "SQLDataSources", "SQLDrivers", "SQLExtendedFetch", "SQLFetchScroll",
        "SQLColAttribute", "SQLAllocHandle", "SQLFreeHandle", "SQLEndTran", "SQLGetDiagRec",
        "SQLGetDiagField", "SQLGetConnectAttr", "SQLSetConnectAttr", "SQLGetStmtAttr", "SQLSetStmtAttr",
        "SQLGetEnvAttr", "SQLSetEnvAttr", "SQLCloseCursor", "SQLBindParameter", "SQLFreeStmt" };
    for (size_t i = 0; i < sizeof mapped / sizeof *mapped; i++)
        if (strcmp(name, mapped[i]) == 0)
            return 1;
    return 0;
}

static int bit(const SQLUSMALLINT *map, SQLUSMALLINT id)
{
    return (map[id >> 4] >> (id & 0xF)) & 1;
}

static void test_get_functions(void)
{
    void *drv = dlopen(t_env("RS_DRIVER"), RTLD_NOW | RTLD_LOCAL);
    if (!t_ok(drv != NULL, "dlopen $RS_DRIVER")) {
        t_diag("%s", dlerror());
        return;
    }
    int exported[NFUNCS];
    for (size_t i = 0; i < NFUNCS; i++)
        exported[i] = dlsym(drv, functions[i].name) != NULL;

    /* through the driver manager: everything the driver exports is supported; anything more
     * is something the driver manager maps or supplies itself */
    SQLUSMALLINT map[SQL_API_ODBC3_ALL_FUNCTIONS_SIZE];
    SQLRETURN rc = SQLGetFunctions(dbc, SQL_API_ODBC3_ALL_FUNCTIONS, map);
    T_DBC_RC(dbc, rc, SQL_SUCCESS, "SQLGetFunctions(ODBC3_ALL_FUNCTIONS)");
    SQLUSMALLINT all[100];
    rc = SQLGetFunctions(dbc, SQL_API_ALL_FUNCTIONS, all);
    T_DBC_RC(dbc, rc, SQL_SUCCESS, "SQLGetFunctions(ALL_FUNCTIONS)");
    char missing[2048] = "", extra[2048] = "", disagree[2048] = "";
    for (size_t i = 0; i < NFUNCS; i++) {
        SQLUSMALLINT id = functions[i].id;
        int dm = bit(map, id);
        if (exported[i] && !dm)
            snprintf(missing + strlen(missing), sizeof missing - strlen(missing), " %s", functions[i].name);
        if (!exported[i] && dm && !dm_maps(functions[i].name))
            snprintf(extra + strlen(extra), sizeof extra - strlen(extra), " %s", functions[i].name);
        if (id < 100 && (all[id] == SQL_TRUE) != dm)
            snprintf(disagree + strlen(disagree), sizeof disagree - strlen(disagree), " %s", functions[i].name);
        SQLUSMALLINT one = 99;
        SQLGetFunctions(dbc, id, &one);
        if ((one == SQL_TRUE) != dm)
            snprintf(disagree + strlen(disagree), sizeof disagree - strlen(disagree), " %s(single)",
                     functions[i].name);
    }
    t_is_str(missing, "", "driver manager: every exported function is supported");
    t_is_str(extra, "", "driver manager: nothing else claimed beyond what it maps itself");
    t_is_str(disagree, "", "driver manager: the bitmap, the 100-array and single ids agree");

    /* the driver's own answer, asked directly: it must match its exports exactly */
    SQLRETURN (*alloc)(SQLSMALLINT, SQLHANDLE, SQLHANDLE *) =
        (SQLRETURN (*)(SQLSMALLINT, SQLHANDLE, SQLHANDLE *))dlsym(drv, "SQLAllocHandle");
    SQLRETURN (*freeh)(SQLSMALLINT, SQLHANDLE) = (SQLRETURN (*)(SQLSMALLINT, SQLHANDLE))dlsym(drv, "SQLFreeHandle");
    SQLRETURN (*getf)(SQLHDBC, SQLUSMALLINT, SQLUSMALLINT *) =
        (SQLRETURN (*)(SQLHDBC, SQLUSMALLINT, SQLUSMALLINT *))dlsym(drv, "SQLGetFunctions");
    SQLHANDLE denv = NULL, ddbc = NULL;
    if (!t_ok(alloc && freeh && getf && alloc(SQL_HANDLE_ENV, NULL, &denv) == SQL_SUCCESS &&
              alloc(SQL_HANDLE_DBC, denv, &ddbc) == SQL_SUCCESS, "the driver's own handles")) {
        dlclose(drv);
        return;
    }
    rc = getf(ddbc, SQL_API_ODBC3_ALL_FUNCTIONS, map);
    t_is_int(rc, SQL_SUCCESS, "driver SQLGetFunctions(ODBC3_ALL_FUNCTIONS)");
    getf(ddbc, SQL_API_ALL_FUNCTIONS, all);
    char claimed_not_exported[2048] = "", exported_not_claimed[2048] = "", odbc2[2048] = "";
    disagree[0] = '\0';
    for (size_t i = 0; i < NFUNCS; i++) {
        SQLUSMALLINT id = functions[i].id;
        int b = bit(map, id);
        if (b && !exported[i])
            snprintf(claimed_not_exported + strlen(claimed_not_exported),
                     sizeof claimed_not_exported - strlen(claimed_not_exported), " %s", functions[i].name);
        if (!b && exported[i]) {
            /* ODBC 2 names the driver also exports: reported separately */
            char *dst = dm_maps(functions[i].name) && id < 100 ? odbc2 : exported_not_claimed;
            size_t sz = dst == odbc2 ? sizeof odbc2 : sizeof exported_not_claimed;
            snprintf(dst + strlen(dst), sz - strlen(dst), " %s", functions[i].name);
        }
        if (id < 100 && (all[id] == SQL_TRUE) != b)
            snprintf(disagree + strlen(disagree), sizeof disagree - strlen(disagree), " %s", functions[i].name);
    }
    t_is_str(claimed_not_exported, "", "driver: claims nothing it does not export");
    t_is_str(exported_not_claimed, "", "driver: claims every ODBC 3 function it exports");
    t_is_str(disagree, "", "driver: its bitmap and 100-array agree");
    t_is_str(odbc2, "", "driver: claims the ODBC 2 functions it exports");
    freeh(SQL_HANDLE_DBC, ddbc);
    freeh(SQL_HANDLE_ENV, denv);
    dlclose(drv);
}

/* Read every column of the current row as text, "(null)" for NULL. */
static int row_text(SQLHSTMT st, int n, char out[][128])
{
    SQLRETURN rc = SQLFetch(st);
    if (rc != SQL_SUCCESS)
        return rc;
    for (int i = 0; i < n; i++) {
        SQLLEN ind;
        if (!SQL_SUCCEEDED(SQLGetData(st, (SQLUSMALLINT)(i + 1), SQL_C_CHAR, out[i], 128, &ind)))
            return SQL_ERROR;
        if (ind == SQL_NULL_DATA)
            snprintf(out[i], 128, "(null)");
    }
    return SQL_SUCCESS;
}

static void test_type_info(void)
{
    SQLHSTMT st = t_stmt(dbc);
    SQLRETURN rc = SQLGetTypeInfo(st, SQL_ALL_TYPES);
    T_STMT_RC(st, rc, SQL_SUCCESS, "SQLGetTypeInfo(SQL_ALL_TYPES)");
    SQLSMALLINT ncols = 0;
    SQLNumResultCols(st, &ncols);
    t_is_int(ncols, 19, "19 columns");
    static const char *const names[] = { "TYPE_NAME", "DATA_TYPE", "COLUMN_SIZE", "LITERAL_PREFIX",
        "LITERAL_SUFFIX", "CREATE_PARAMS", "NULLABLE", "CASE_SENSITIVE", "SEARCHABLE", "UNSIGNED_ATTRIBUTE",
        "FIXED_PREC_SCALE", "AUTO_UNIQUE_VALUE", "LOCAL_TYPE_NAME", "MINIMUM_SCALE", "MAXIMUM_SCALE",
        "SQL_DATA_TYPE", "SQL_DATETIME_SUB", "NUM_PREC_RADIX", "INTERVAL_PRECISION" };
    int names_ok = 1;
    for (int i = 0; i < 19; i++) {
        char name[64];
        SQLDescribeCol(st, (SQLUSMALLINT)(i + 1), (SQLCHAR *)name, sizeof name, NULL, NULL, NULL, NULL, NULL);
        if (strcmp(name, names[i]) != 0) {
            t_diag("column %d is %s, expected %s", i + 1, name, names[i]);
            names_ok = 0;
        }
    }
    t_ok(names_ok, "the 19 column names ODBC defines");
    SQLSMALLINT dtype = 0;
    SQLDescribeCol(st, 2, NULL, 0, NULL, &dtype, NULL, NULL, NULL);
    t_is_int(dtype, SQL_SMALLINT, "DATA_TYPE is SMALLINT");
    char row[19][128];
    int rows = 0, sorted = 1, prev = -32768, saw_int4 = 0, saw_varchar = 0, saw_ts = 0;
    while (row_text(st, 19, row) == SQL_SUCCESS) {
        rows++;
        int t = atoi(row[1]);
        if (t < prev)
            sorted = 0;
        prev = t;
        if (strcmp(row[0], "int4") == 0)
            saw_int4 = t == SQL_INTEGER && strcmp(row[2], "10") == 0 && strcmp(row[17], "10") == 0 &&
                       strcmp(row[9], "0") == 0 && strcmp(row[5], "(null)") == 0;
        if (strcmp(row[0], "varchar") == 0)
            saw_varchar = t == SQL_VARCHAR && strcmp(row[2], "65535") == 0 && strcmp(row[3], "'") == 0 &&
                          strcmp(row[4], "'") == 0 && strcmp(row[5], "max length") == 0 &&
                          strcmp(row[7], "1") == 0 && strcmp(row[8], "3") == 0;
        if (strcmp(row[0], "timestamp") == 0)
            saw_ts = t == SQL_TYPE_TIMESTAMP && strcmp(row[2], "26") == 0 && strcmp(row[15], "9") == 0 &&
                     strcmp(row[16], "3") == 0 && strcmp(row[14], "6") == 0;
    }
    t_ok(rows >= 20, "at least 20 types (%d)", rows);
    t_ok(sorted, "ordered by DATA_TYPE");
    t_ok(saw_int4, "int4: SQL_INTEGER, size 10, radix 10, signed, no create params");
    t_ok(saw_varchar, "varchar: SQL_VARCHAR, 65535, quotes, 'max length', case sensitive, searchable");
    t_ok(saw_ts, "timestamp: SQL_TYPE_TIMESTAMP, 26, SQL_DATETIME/SQL_CODE_TIMESTAMP, scale up to 6");
    SQLFreeStmt(st, SQL_CLOSE);

    rc = SQLGetTypeInfo(st, SQL_INTEGER);
    T_STMT_RC(st, rc, SQL_SUCCESS, "SQLGetTypeInfo(SQL_INTEGER)");
    rc = row_text(st, 19, row);
    t_is_str(row[0], "int4", "SQL_INTEGER: int4");
    T_STMT_RC(st, SQLFetch(st), SQL_NO_DATA, "SQL_INTEGER: one row");
    SQLFreeStmt(st, SQL_CLOSE);
    rc = SQLGetTypeInfo(st, SQL_TYPE_TIMESTAMP);
    row_text(st, 19, row);
    t_is_str(row[0], "timestamp", "SQL_TYPE_TIMESTAMP: timestamp");
    row_text(st, 19, row);
    t_is_str(row[0], "timestamptz", "SQL_TYPE_TIMESTAMP: timestamptz");
    T_STMT_RC(st, SQLFetch(st), SQL_NO_DATA, "SQL_TYPE_TIMESTAMP: two rows");
    SQLFreeStmt(st, SQL_CLOSE);
    rc = SQLGetTypeInfo(st, SQL_WLONGVARCHAR);
    T_STMT_RC(st, rc, SQL_SUCCESS, "SQLGetTypeInfo of a type the server lacks");
    T_STMT_RC(st, SQLFetch(st), SQL_NO_DATA, "no rows");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_catalog(void)
{
    SQLHSTMT st = t_stmt(dbc);
    t_exec(st, "DROP VIEW IF EXISTS " VIEW);
    t_exec(st, "DROP TABLE IF EXISTS " TBL);
    t_exec(st, "CREATE TABLE " TBL " (id int4 NOT NULL, name varchar(40) DEFAULT 'x', amount numeric(10,3), "
               "created timestamp)");
    t_exec(st, "COMMENT ON TABLE " TBL " IS 'info table'");
    t_exec(st, "COMMENT ON COLUMN " TBL ".name IS 'the name'");
    t_exec(st, "CREATE VIEW " VIEW " AS SELECT id FROM " TBL);

    char row[18][128];
    SQLRETURN rc = SQLTables(st, NULL, 0, (SQLCHAR *)"public", SQL_NTS, (SQLCHAR *)TBL, SQL_NTS,
                             (SQLCHAR *)"TABLE", SQL_NTS);
    T_STMT_RC(st, rc, SQL_SUCCESS, "SQLTables for the test table");
    rc = row_text(st, 5, row);
    T_STMT_RC(st, rc, SQL_SUCCESS, "one row");
    t_is_str(row[0], "rstest", "TABLE_CAT");
    t_is_str(row[1], "public", "TABLE_SCHEM");
    t_is_str(row[2], TBL, "TABLE_NAME");
    t_is_str(row[3], "TABLE", "TABLE_TYPE");
    t_is_str(row[4], "info table", "REMARKS");
    T_STMT_RC(st, SQLFetch(st), SQL_NO_DATA, "and only one");
    SQLFreeStmt(st, SQL_CLOSE);

    rc = SQLTables(st, NULL, 0, NULL, 0, (SQLCHAR *)"odbc\\_info\\_%", SQL_NTS, (SQLCHAR *)"'TABLE','VIEW'", SQL_NTS);
    T_STMT_RC(st, rc, SQL_SUCCESS, "SQLTables with a pattern and two types");
    row_text(st, 5, row);
    t_ok(strcmp(row[2], TBL) == 0 && strcmp(row[3], "TABLE") == 0, "first the table (%s %s)", row[2], row[3]);
    row_text(st, 5, row);
    t_ok(strcmp(row[2], VIEW) == 0 && strcmp(row[3], "VIEW") == 0, "then the view (%s %s)", row[2], row[3]);
    T_STMT_RC(st, SQLFetch(st), SQL_NO_DATA, "two rows");
    SQLFreeStmt(st, SQL_CLOSE);

    rc = SQLTables(st, (SQLCHAR *)"", 0, (SQLCHAR *)SQL_ALL_SCHEMAS, SQL_NTS, (SQLCHAR *)"", 0, NULL, 0);
    T_STMT_RC(st, rc, SQL_SUCCESS, "SQLTables: all schemas");
    int saw_public = 0;
    while (row_text(st, 5, row) == SQL_SUCCESS)
        if (strcmp(row[1], "public") == 0 && strcmp(row[2], "(null)") == 0)
            saw_public = 1;
    t_ok(saw_public, "the schema list has public");
    SQLFreeStmt(st, SQL_CLOSE);
    rc = SQLTables(st, (SQLCHAR *)"", 0, (SQLCHAR *)"", 0, (SQLCHAR *)"", 0, (SQLCHAR *)SQL_ALL_TABLE_TYPES, SQL_NTS);
    T_STMT_RC(st, rc, SQL_SUCCESS, "SQLTables: all table types");
    int ntypes = 0, saw_table = 0, saw_view = 0;
    while (row_text(st, 5, row) == SQL_SUCCESS) {
        ntypes++;
        saw_table |= strcmp(row[3], "TABLE") == 0;
        saw_view |= strcmp(row[3], "VIEW") == 0;
    }
    t_ok(saw_table && saw_view, "the type list has TABLE and VIEW (%d types)", ntypes);
    SQLFreeStmt(st, SQL_CLOSE);

    rc = SQLColumns(st, NULL, 0, (SQLCHAR *)"public", SQL_NTS, (SQLCHAR *)TBL, SQL_NTS, NULL, 0);
    T_STMT_RC(st, rc, SQL_SUCCESS, "SQLColumns of the test table");
    SQLSMALLINT ncols = 0;
    SQLNumResultCols(st, &ncols);
    t_is_int(ncols, 18, "18 columns");
    /* COLUMN_NAME DATA_TYPE TYPE_NAME COLUMN_SIZE BUFFER_LENGTH DECIMAL_DIGITS NUM_PREC_RADIX NULLABLE
     * REMARKS COLUMN_DEF SQL_DATA_TYPE SQL_DATETIME_SUB CHAR_OCTET_LENGTH ORDINAL_POSITION IS_NULLABLE */
    static const char *const want[4][15] = {
        { "id", "4", "int4", "10", "4", "0", "10", "0", "(null)", "(null)", "4", "(null)", "(null)", "1", "NO" },
        { "name", "12", "varchar", "40", "40", "(null)", "(null)", "1", "the name", "'x'::character varying",
          "12", "(null)", "40", "2", "YES" },
        { "amount", "2", "numeric", "10", "12", "3", "10", "1", "(null)", "(null)", "2", "(null)", "(null)",
          "3", "YES" },
        { "created", "93", "timestamp", "26", "16", "6", "(null)", "1", "(null)", "(null)", "9", "3", "(null)",
          "4", "YES" },
    };
    static const char *const fields[15] = { "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE",
        "BUFFER_LENGTH", "DECIMAL_DIGITS", "NUM_PREC_RADIX", "NULLABLE", "REMARKS", "COLUMN_DEF",
        "SQL_DATA_TYPE", "SQL_DATETIME_SUB", "CHAR_OCTET_LENGTH", "ORDINAL_POSITION", "IS_NULLABLE" };
    for (int r = 0; r < 4; r++) {
        rc = row_text(st, 18, row);
        T_STMT_RC(st, rc, SQL_SUCCESS, "SQLColumns row %d", r + 1);
        t_ok(strcmp(row[0], "rstest") == 0 && strcmp(row[1], "public") == 0 && strcmp(row[2], TBL) == 0,
             "row %d: catalog, schema, table", r + 1);
        for (int f = 0; f < 15; f++)
            t_is_str(row[f + 3], want[r][f], "%s.%s", want[r][0], fields[f]);
    }
    T_STMT_RC(st, SQLFetch(st), SQL_NO_DATA, "four columns, no more");
    SQLFreeStmt(st, SQL_CLOSE);
    /* SQLColumns with a column pattern; SQLColumnsW */
    rc = SQLColumns(st, NULL, 0, (SQLCHAR *)"public", SQL_NTS, (SQLCHAR *)TBL, SQL_NTS, (SQLCHAR *)"%am%", SQL_NTS);
    row_text(st, 18, row);
    t_is_str(row[3], "name", "column pattern %%am%%: name");
    row_text(st, 18, row);
    t_is_str(row[3], "amount", "column pattern %%am%%: amount");
    T_STMT_RC(st, SQLFetch(st), SQL_NO_DATA, "column pattern: two");
    SQLFreeStmt(st, SQL_CLOSE);
    SQLWCHAR wtable[32];
    for (size_t i = 0; i <= strlen(TBL); i++)
        wtable[i] = (SQLWCHAR)TBL[i];
    rc = SQLColumnsW(st, NULL, 0, NULL, 0, wtable, SQL_NTS, NULL, 0);
    T_STMT_RC(st, rc, SQL_SUCCESS, "SQLColumnsW");
    int n = 0;
    while (SQLFetch(st) == SQL_SUCCESS)
        n++;
    t_is_int(n, 4, "SQLColumnsW: four columns");
    SQLFreeStmt(st, SQL_CLOSE);
    /* SQL_ATTR_METADATA_ID: arguments are identifiers, not patterns ("_" is literal) */
    SQLSetStmtAttr(st, SQL_ATTR_METADATA_ID, (SQLPOINTER)SQL_TRUE, 0);
    rc = SQLTables(st, NULL, 0, (SQLCHAR *)"PUBLIC", SQL_NTS, (SQLCHAR *)"ODBC_INFO_T", SQL_NTS, NULL, 0);
    T_STMT_RC(st, rc, SQL_SUCCESS, "SQLTables with SQL_ATTR_METADATA_ID");
    row_text(st, 5, row);
    t_is_str(row[2], TBL, "identifiers fold to lower case");
    SQLFreeStmt(st, SQL_CLOSE);
    rc = SQLTables(st, NULL, 0, (SQLCHAR *)"public", SQL_NTS, (SQLCHAR *)"odbc_info%", SQL_NTS, NULL, 0);
    T_STMT_RC(st, SQLFetch(st), SQL_NO_DATA, "with SQL_ATTR_METADATA_ID, %% is not a wildcard");
    SQLFreeStmt(st, SQL_CLOSE);
    SQLSetStmtAttr(st, SQL_ATTR_METADATA_ID, (SQLPOINTER)SQL_FALSE, 0);
    t_exec(st, "DROP VIEW " VIEW);
    t_exec(st, "DROP TABLE " TBL);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_attributes(void)
{
    /* environment */
    SQLINTEGER ver = 0;
    SQLRETURN rc = SQLGetEnvAttr(env, SQL_ATTR_ODBC_VERSION, &ver, 0, NULL);
    t_rc(rc, SQL_SUCCESS, SQL_HANDLE_ENV, env, "SQLGetEnvAttr(ODBC_VERSION)");
    t_is_int(ver, SQL_OV_ODBC3, "ODBC version 3");
    rc = SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)77, 0);
    t_rc(rc, SQL_ERROR, SQL_HANDLE_ENV, env, "ODBC version 77 is refused");
    t_state(SQL_HANDLE_ENV, env, "HY024", "ODBC version 77: HY024");
    rc = SQLSetEnvAttr(env, 12345, (SQLPOINTER)1, 0);
    t_rc(rc, SQL_ERROR, SQL_HANDLE_ENV, env, "an unknown environment attribute is refused");
    t_state(SQL_HANDLE_ENV, env, "HY092", "unknown environment attribute: HY092");

    /* connection */
    SQLUINTEGER u = 0;
    rc = SQLSetConnectAttr(dbc, SQL_ATTR_CONNECTION_TIMEOUT, (SQLPOINTER)30, 0);
    T_DBC_RC(dbc, rc, SQL_SUCCESS, "SQL_ATTR_CONNECTION_TIMEOUT 30");
    SQLGetConnectAttr(dbc, SQL_ATTR_CONNECTION_TIMEOUT, &u, 0, NULL);
    t_is_int(u, 30, "SQL_ATTR_CONNECTION_TIMEOUT reads back");
    rc = SQLSetConnectAttr(dbc, SQL_ATTR_LOGIN_TIMEOUT, (SQLPOINTER)7, 0);
    T_DBC_RC(dbc, rc, SQL_SUCCESS, "SQL_ATTR_LOGIN_TIMEOUT 7");
    SQLGetConnectAttr(dbc, SQL_ATTR_LOGIN_TIMEOUT, &u, 0, NULL);
    t_is_int(u, 7, "SQL_ATTR_LOGIN_TIMEOUT reads back");
    char cat[64];
    SQLINTEGER len = -1;
    rc = SQLGetConnectAttr(dbc, SQL_ATTR_CURRENT_CATALOG, cat, sizeof cat, &len);
    T_DBC_RC(dbc, rc, SQL_SUCCESS, "SQL_ATTR_CURRENT_CATALOG");
    t_is_str(cat, "rstest", "the current catalog is the database");
    t_is_int(len, 6, "its length");
    rc = SQLSetConnectAttr(dbc, SQL_ATTR_CURRENT_CATALOG, (SQLPOINTER)"rstest", SQL_NTS);
    T_DBC_RC(dbc, rc, SQL_SUCCESS, "setting the catalog to the current one");
    rc = SQLSetConnectAttr(dbc, SQL_ATTR_CURRENT_CATALOG, (SQLPOINTER)"other", SQL_NTS);
    T_DBC_RC(dbc, rc, SQL_ERROR, "another catalog is refused");
    t_state(SQL_HANDLE_DBC, dbc, "HYC00", "another catalog: HYC00");
    rc = SQLSetConnectAttr(dbc, 99999, (SQLPOINTER)1, 0);
    T_DBC_RC(dbc, rc, SQL_ERROR, "an unknown connection attribute is refused");
    t_state(SQL_HANDLE_DBC, dbc, "HY092", "unknown connection attribute: HY092");
    rc = SQLSetConnectAttr(dbc, SQL_ATTR_ACCESS_MODE, (SQLPOINTER)42, 0);
    T_DBC_RC(dbc, rc, SQL_ERROR, "access mode 42 is refused");
    t_state(SQL_HANDLE_DBC, dbc, "HY024", "access mode 42: HY024");
    rc = SQLSetConnectAttr(dbc, SQL_ATTR_ASYNC_ENABLE, (SQLPOINTER)SQL_ASYNC_ENABLE_ON, 0);
    T_DBC_RC(dbc, rc, SQL_ERROR, "asynchronous execution is refused");
    t_state(SQL_HANDLE_DBC, dbc, "HYC00", "asynchronous execution: HYC00");

    /* statement */
    SQLHSTMT st = t_stmt(dbc);
    SQLULEN v = 0;
    rc = SQLSetStmtAttr(st, SQL_ATTR_QUERY_TIMEOUT, (SQLPOINTER)15, 0);
    T_STMT_RC(st, rc, SQL_SUCCESS, "SQL_ATTR_QUERY_TIMEOUT 15");
    SQLGetStmtAttr(st, SQL_ATTR_QUERY_TIMEOUT, &v, 0, NULL);
    t_is_int((long long)v, 15, "SQL_ATTR_QUERY_TIMEOUT reads back");
    SQLSetStmtAttr(st, SQL_ATTR_QUERY_TIMEOUT, (SQLPOINTER)0, 0);
    rc = SQLSetStmtAttr(st, SQL_ATTR_MAX_ROWS, (SQLPOINTER)2, 0);
    T_STMT_RC(st, rc, SQL_SUCCESS, "SQL_ATTR_MAX_ROWS 2");
    SQLGetStmtAttr(st, SQL_ATTR_MAX_ROWS, &v, 0, NULL);
    t_is_int((long long)v, 2, "SQL_ATTR_MAX_ROWS reads back");
    SQLExecDirect(st, (SQLCHAR *)"SELECT g FROM generate_series(1, 5) g", SQL_NTS);
    int n = 0;
    while (SQLFetch(st) == SQL_SUCCESS)
        n++;
    t_is_int(n, 2, "SQL_ATTR_MAX_ROWS limits the rows to 2");
    SQLFreeStmt(st, SQL_CLOSE);
    SQLSetStmtAttr(st, SQL_ATTR_MAX_ROWS, (SQLPOINTER)0, 0);
    rc = SQLSetStmtAttr(st, SQL_ATTR_MAX_LENGTH, (SQLPOINTER)4, 0);
    T_STMT_RC(st, rc, SQL_SUCCESS, "SQL_ATTR_MAX_LENGTH 4");
    SQLExecDirect(st, (SQLCHAR *)"SELECT 'abcdefgh'::text", SQL_NTS);
    SQLFetch(st);
    char buf[16];
    SQLLEN ind = 0;
    rc = SQLGetData(st, 1, SQL_C_CHAR, buf, sizeof buf, &ind);
    T_STMT_RC(st, rc, SQL_SUCCESS, "SQL_ATTR_MAX_LENGTH truncates without a warning");
    t_is_str(buf, "abcd", "SQL_ATTR_MAX_LENGTH: 4 bytes");
    SQLFreeStmt(st, SQL_CLOSE);
    SQLSetStmtAttr(st, SQL_ATTR_MAX_LENGTH, (SQLPOINTER)0, 0);
    rc = SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)0, 0);
    T_STMT_RC(st, rc, SQL_ERROR, "row array size 0 is refused");
    t_state(SQL_HANDLE_STMT, st, "HY024", "row array size 0: HY024");
    rc = SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_KEYSET_DRIVEN, 0);
    T_STMT_RC(st, rc, SQL_SUCCESS_WITH_INFO, "a keyset cursor becomes static");
    t_state(SQL_HANDLE_STMT, st, "01S02", "keyset cursor: 01S02 option value changed");
    SQLGetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, &v, 0, NULL);
    t_is_int((long long)v, SQL_CURSOR_STATIC, "the cursor type reads back static");
    rc = SQLSetStmtAttr(st, SQL_ATTR_CONCURRENCY, (SQLPOINTER)SQL_CONCUR_LOCK, 0);
    T_STMT_RC(st, rc, SQL_SUCCESS_WITH_INFO, "a locking cursor becomes read-only");
    t_state(SQL_HANDLE_STMT, st, "01S02", "locking cursor: 01S02");
    SQLGetStmtAttr(st, SQL_ATTR_CONCURRENCY, &v, 0, NULL);
    t_is_int((long long)v, SQL_CONCUR_READ_ONLY, "the concurrency reads back read-only");
    rc = SQLSetStmtAttr(st, 99999, (SQLPOINTER)1, 0);
    T_STMT_RC(st, rc, SQL_ERROR, "an unknown statement attribute is refused");
    t_state(SQL_HANDLE_STMT, st, "HY092", "unknown statement attribute: HY092");
    SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_FORWARD_ONLY, 0);

    /* SQL_ATTR_NOSCAN: escapes go to the server as they are */
    rc = SQLSetStmtAttr(st, SQL_ATTR_NOSCAN, (SQLPOINTER)SQL_NOSCAN_ON, 0);
    T_STMT_RC(st, rc, SQL_SUCCESS, "SQL_ATTR_NOSCAN on");
    rc = SQLExecDirect(st, (SQLCHAR *)"SELECT {fn UCASE('a')}", SQL_NTS);
    T_STMT_RC(st, rc, SQL_ERROR, "with NOSCAN an escape reaches the server");
    t_state(SQL_HANDLE_STMT, st, "42601", "and is a syntax error there");
    SQLSetStmtAttr(st, SQL_ATTR_NOSCAN, (SQLPOINTER)SQL_NOSCAN_OFF, 0);
    rc = SQLExecDirect(st, (SQLCHAR *)"SELECT {fn UCASE('a')}", SQL_NTS);
    T_STMT_RC(st, rc, SQL_SUCCESS, "without NOSCAN it is translated");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_query_timeout(void)
{
    SQLHSTMT st = t_stmt(dbc);
    SQLSetStmtAttr(st, SQL_ATTR_QUERY_TIMEOUT, (SQLPOINTER)1, 0);
    double t0 = t_now();
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)"SELECT pg_sleep(10)", SQL_NTS);
    double took = t_now() - t0;
    T_STMT_RC(st, rc, SQL_ERROR, "SQL_ATTR_QUERY_TIMEOUT 1 stops a 10 s query");
    t_state(SQL_HANDLE_STMT, st, "HYT00", "query timeout: HYT00");
    t_ok(took < 4.0, "query timeout: gave up after %.2f s", took);
    rc = SQLExecDirect(st, (SQLCHAR *)"SELECT 1", SQL_NTS);
    T_STMT_RC(st, rc, SQL_SUCCESS, "the connection works after the timeout");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* A parameter array: the sets after the first go out pipelined, and the timeout holds there
 * too. Set 3 sleeps past it: it ends with HYT00, the array stops, SQLExecDirect fails. */
static void test_array_timeout(void)
{
    char tbl[64], sql[256], got[64];
    snprintf(tbl, sizeof tbl, "odbc_info_tmo_%ld", (long)getpid());
    SQLHSTMT st = t_stmt(dbc);
    snprintf(sql, sizeof sql, "CREATE TABLE %s (id int)", tbl);
    t_exec(st, sql);
    SQLINTEGER ids[6] = { 1, 2, 3, 4, 5, 6 };
    SQLDOUBLE sleeps[6] = { 0, 0, 5, 0, 0, 0 };
    SQLUSMALLINT status[6] = { 99, 99, 99, 99, 99, 99 };
    SQLULEN done = 0;
    SQLSetStmtAttr(st, SQL_ATTR_QUERY_TIMEOUT, (SQLPOINTER)1, 0);
    SQLSetStmtAttr(st, SQL_ATTR_PARAMSET_SIZE, (SQLPOINTER)6, 0);
    SQLSetStmtAttr(st, SQL_ATTR_PARAM_STATUS_PTR, status, 0);
    SQLSetStmtAttr(st, SQL_ATTR_PARAMS_PROCESSED_PTR, &done, 0);
    SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, ids, 0, NULL);
    SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_DOUBLE, SQL_DOUBLE, 0, 0, sleeps, 0, NULL);
    snprintf(sql, sizeof sql, "INSERT INTO %s (id) SELECT ? FROM (SELECT pg_sleep(?)) s", tbl);
    double t0 = t_now();
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS);
    double took = t_now() - t0;
    T_STMT_RC(st, rc, SQL_ERROR, "a parameter array with a set sleeping past the timeout fails");
    int hyt = 0;
    SQLLEN hyt_row = -1;
    for (SQLSMALLINT i = 1; i <= t_diag_count(SQL_HANDLE_STMT, st); i++) {
        char state[6] = "";
        t_diag_rec(SQL_HANDLE_STMT, st, i, state, NULL, NULL, 0);
        if (strcmp(state, "HYT00") == 0 && !hyt) {
            hyt = 1;
            SQLGetDiagField(SQL_HANDLE_STMT, st, i, SQL_DIAG_ROW_NUMBER, &hyt_row, 0, NULL);
        }
    }
    t_ok(hyt, "a HYT00 record");
    t_is_int(hyt_row, 3, "its row number is the set that timed out");
    t_ok(took < 3.5, "the array gave up after %.2f s, not after the 5 s sleep", took);
    t_ok(status[0] == SQL_PARAM_SUCCESS && status[1] == SQL_PARAM_SUCCESS, "sets 1 and 2 ran");
    t_is_int(status[2], SQL_PARAM_ERROR, "set 3 is in error");
    t_ok(done >= 3 && done <= 6, "processed count %lu covers the timed-out set", (unsigned long)done);
    /* the sets already sent behind it were cancelled when they ran, or finished: their status
     * says which, and the table agrees */
    int agree = 1;
    for (int k = 0; k < 6; k++) {
        snprintf(sql, sizeof sql, "SELECT count(*) FROM %s WHERE id = %d", tbl, k + 1);
        t_query_str(dbc, sql, got, sizeof got);
        int present = strcmp(got, "1") == 0;
        int ok = (SQLULEN)k < done ? (status[k] == SQL_PARAM_SUCCESS) == present : !present;
        if (!ok) {
            t_diag("set %d: status %u, row present %d", k + 1, status[k], present);
            agree = 0;
        }
    }
    t_ok(agree, "each set's status agrees with the table");
    snprintf(sql, sizeof sql, "SELECT count(*) FROM %s WHERE id = 3", tbl);
    t_query_str(dbc, sql, got, sizeof got);
    t_is_str(got, "0", "the timed-out set inserted nothing");

    /* the first set timing out stops the array before anything is pipelined */
    SQLFreeStmt(st, SQL_CLOSE);
    sleeps[0] = 5;
    sleeps[2] = 0;
    ids[0] = 11;
    ids[1] = 12;
    ids[2] = 13;
    snprintf(sql, sizeof sql, "INSERT INTO %s (id) SELECT ? FROM (SELECT pg_sleep(?)) s", tbl);
    t0 = t_now();
    rc = SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS);
    took = t_now() - t0;
    T_STMT_RC(st, rc, SQL_ERROR, "the first set sleeping past the timeout fails the array");
    t_state(SQL_HANDLE_STMT, st, "HYT00", "HYT00");
    t_ok(took < 3.5, "gave up after %.2f s", took);
    t_is_int(done, 1, "one set processed");
    snprintf(sql, sizeof sql, "SELECT count(*) FROM %s WHERE id > 10", tbl);
    t_query_str(dbc, sql, got, sizeof got);
    t_is_str(got, "0", "nothing after it ran");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    st = t_stmt(dbc);
    rc = SQLExecDirect(st, (SQLCHAR *)"SELECT 1", SQL_NTS);
    T_STMT_RC(st, rc, SQL_SUCCESS, "the connection works after the array's timeout");
    SQLFreeStmt(st, SQL_CLOSE);
    snprintf(sql, sizeof sql, "DROP TABLE %s", tbl);
    t_exec(st, sql);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

int main(void)
{
    t_start(120);
    env = t_env_alloc();
    dbc = t_connect(env, "");
    test_get_info();
    test_keywords();
    test_name_claims();
    test_function_claims();
    test_convert_claims();
    test_more_infos();
    test_get_functions();
    test_type_info();
    test_catalog();
    test_attributes();
    test_query_timeout();
    test_array_timeout();
    t_disconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    return t_done();
}
