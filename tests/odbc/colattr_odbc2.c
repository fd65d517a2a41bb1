/* colattr_odbc2.c - the ODBC 2 column attributes through unixODBC: SQL_COLUMN_PRECISION,
 * SQL_COLUMN_SCALE and SQL_COLUMN_LENGTH keep their ODBC 2 meaning (column size, decimal digits,
 * transfer octet length), by SQLColAttribute, SQLColAttributeW and the ODBC 2 SQLColAttributes.
 * The driver manager passes these identifiers through to an ODBC 3 driver; PHP's odbc_field_len
 * asks for SQL_COLUMN_PRECISION and got 0 for a varchar(100) (regression). */
#include <stdio.h>
#include <string.h>

#include "odbctest.h"

static const char *const SQL =
    "SELECT 'x'::varchar(100) AS v, 'abc'::char(7) AS c, 1::int4 AS i, 2::int8 AS b, "
    "1.5::numeric(10,3) AS n, TIMESTAMP '2024-02-29 13:45:56.123456' AS ts, 2.5::float8 AS d, "
    "'t'::text AS t";

struct want {
    const char *name;
    long long precision;   /* ODBC 2 precision: the column size */
    long long scale;       /* decimal digits */
    long long length;      /* transfer octet length of the default C type */
};

static const struct want WANT[] = {
    {"varchar(100)", 100, 0, 100},
    {"char(7)", 7, 0, 7},
    {"int4", 10, 0, 4},
    {"int8", 19, 0, 8},
    {"numeric(10,3)", 10, 3, 12},   /* digits + sign + decimal point */
    {"timestamp", 26, 6, 16},       /* sizeof(SQL_TIMESTAMP_STRUCT) */
    {"float8", 53, 0, 8},           /* binary digits: SQLDescribeCol says so, NUM_PREC_RADIX 2 */
};
#define NWANT (sizeof WANT / sizeof *WANT)

int main(void)
{
    t_start(60);
    SQLHENV env = t_env_alloc();
    SQLHDBC dbc = t_connect(env, "");
    SQLHSTMT st = t_stmt(dbc);

    T_STMT_RC(st, SQLExecDirect(st, (SQLCHAR *)SQL, SQL_NTS), SQL_SUCCESS, "a query with eight column types");
    for (size_t i = 0; i < NWANT; i++) {
        const struct want *w = &WANT[i];
        SQLUSMALLINT col = (SQLUSMALLINT)(i + 1);
        SQLLEN p = -1, s = -1, l = -1, pw = -1;
        SQLRETURN rc = SQLColAttribute(st, col, SQL_COLUMN_PRECISION, NULL, 0, NULL, &p);
        T_STMT_RC(st, rc, SQL_SUCCESS, "%s: SQLColAttribute(SQL_COLUMN_PRECISION)", w->name);
        t_is_int(p, w->precision, "%s: SQL_COLUMN_PRECISION is the column size", w->name);
        SQLColAttribute(st, col, SQL_COLUMN_SCALE, NULL, 0, NULL, &s);
        t_is_int(s, w->scale, "%s: SQL_COLUMN_SCALE is the decimal digits", w->name);
        SQLColAttribute(st, col, SQL_COLUMN_LENGTH, NULL, 0, NULL, &l);
        t_is_int(l, w->length, "%s: SQL_COLUMN_LENGTH is the transfer octet length", w->name);
        SQLColAttributeW(st, col, SQL_COLUMN_PRECISION, NULL, 0, NULL, &pw);
        t_is_int(pw, w->precision, "%s: SQLColAttributeW agrees", w->name);

        /* the same as SQLDescribeCol's column size and decimal digits */
        SQLULEN size = 0;
        SQLSMALLINT digits = -1;
        SQLDescribeCol(st, col, NULL, 0, NULL, NULL, &size, &digits, NULL);
        t_ok((long long)size == p && digits == s, "%s: agrees with SQLDescribeCol (%llu, %d)", w->name,
             (unsigned long long)size, digits);
    }
    /* The ODBC 3 identifiers keep theirs: a varchar has no precision, a timestamp's is its
     * fractional digits. */
    SQLLEN v = -1;
    SQLColAttribute(st, 1, SQL_DESC_PRECISION, NULL, 0, NULL, &v);
    t_is_int(v, 0, "varchar(100): SQL_DESC_PRECISION stays 0");
    SQLColAttribute(st, 1, SQL_DESC_LENGTH, NULL, 0, NULL, &v);
    t_is_int(v, 100, "varchar(100): SQL_DESC_LENGTH 100");
    SQLColAttribute(st, 6, SQL_DESC_PRECISION, NULL, 0, NULL, &v);
    t_is_int(v, 6, "timestamp: SQL_DESC_PRECISION is the fractional digits (6)");
    SQLColAttribute(st, 3, SQL_DESC_LENGTH, NULL, 0, NULL, &v);
    t_is_int(v, 10, "int4: SQL_DESC_LENGTH 10");
    /* The text column has no declared size: whatever size the driver gives, both agree. */
    SQLLEN tp = -1;
    SQLULEN tsize = 0;
    SQLColAttribute(st, 8, SQL_COLUMN_PRECISION, NULL, 0, NULL, &tp);
    SQLDescribeCol(st, 8, NULL, 0, NULL, NULL, &tsize, NULL, NULL);
    t_ok(tp > 0 && (SQLULEN)tp == tsize, "text: SQL_COLUMN_PRECISION %ld equals the column size %lu", (long)tp,
         (unsigned long)tsize);

    /* The deprecated ODBC 2 function, which unixODBC maps onto SQLColAttribute. */
    SQLLEN p2 = -1;
    SQLRETURN rc = SQLColAttributes(st, 1, SQL_COLUMN_PRECISION, NULL, 0, NULL, &p2);
    T_STMT_RC(st, rc, SQL_SUCCESS, "SQLColAttributes(SQL_COLUMN_PRECISION)");
    t_is_int(p2, 100, "SQLColAttributes: varchar(100) precision 100");
    p2 = -1;
    SQLColAttributes(st, 6, SQL_COLUMN_LENGTH, NULL, 0, NULL, &p2);
    t_is_int(p2, 16, "SQLColAttributes: timestamp length 16");

    SQLFreeHandle(SQL_HANDLE_STMT, st);
    t_disconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    return t_done();
}
