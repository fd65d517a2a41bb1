/* pgtypes.h - the server's types as ODBC sees them: one table for SQLDescribeCol,
 * SQLColAttribute, SQLColumns and SQLGetTypeInfo, so they can never disagree. */
#ifndef RS_PGTYPES_H
#define RS_PGTYPES_H

#include <sql.h>
#include <sqlext.h>

/* PostgreSQL OIDs we treat specially (pg_type.h), and Redshift's own. */
enum {
    RS_OID_BOOL = 16, RS_OID_BYTEA = 17, RS_OID_CHAR = 18, RS_OID_NAME = 19, RS_OID_INT8 = 20,
    RS_OID_INT2 = 21, RS_OID_INT4 = 23, RS_OID_TEXT = 25, RS_OID_OID = 26, RS_OID_XID = 28,
    RS_OID_JSON = 114, RS_OID_XML = 142, RS_OID_FLOAT4 = 700, RS_OID_FLOAT8 = 701,
    RS_OID_UNKNOWN = 705, RS_OID_MONEY = 790, RS_OID_BPCHAR = 1042, RS_OID_VARCHAR = 1043,
    RS_OID_DATE = 1082, RS_OID_TIME = 1083, RS_OID_TIMESTAMP = 1114, RS_OID_TIMESTAMPTZ = 1184,
    RS_OID_INTERVAL = 1186, RS_OID_TIMETZ = 1266, RS_OID_NUMERIC = 1700, RS_OID_UUID = 2950,
    RS_OID_JSONB = 3802, RS_OID_REGPROC = 24, RS_OID_INT2VECTOR = 22, RS_OID_OIDVECTOR = 30,
    /* Redshift */
    RS_OID_GEOMETRY = 3000, RS_OID_GEOGRAPHY = 3001, RS_OID_HLLSKETCH = 2935,
    RS_OID_SUPER = 4000, RS_OID_VARBYTE = 6551,
    RS_OID_GEOMETRY_VALUE = 3999,   /* what a result description reports for a GEOMETRY value */
    RS_OID_INTERVALY2M = 1188, RS_OID_INTERVALD2S = 1190  /* INTERVAL YEAR TO MONTH, DAY TO SECOND */
};

typedef struct rs_pgtype {
    unsigned oid;
    const char *name;          /* TYPE_NAME */
    SQLSMALLINT sql_type;      /* concise ODBC 3 SQL type */
    SQLINTEGER fixed_size;     /* column size when it does not depend on the typmod, else 0 */
    SQLSMALLINT is_unsigned;
    SQLSMALLINT case_sensitive;
    SQLSMALLINT searchable;    /* SQL_PRED_... */
    SQLSMALLINT radix;         /* 10 for exact numerics, 2 for floats, 0 otherwise */
    const char *literal_prefix, *literal_suffix;
} rs_pgtype;

/* The type's row; unknown OIDs get a varchar-like row named "unknown". */
const rs_pgtype *rs_pgtype_lookup(unsigned oid);

/* Column facts from a type and its typmod (-1 when none). max_varchar is what an
 * unbounded text column reports. */
SQLULEN rs_pgtype_column_size(const rs_pgtype *t, int typmod);
SQLSMALLINT rs_pgtype_decimal_digits(const rs_pgtype *t, int typmod);
SQLLEN rs_pgtype_display_size(const rs_pgtype *t, int typmod);
SQLLEN rs_pgtype_octet_length(const rs_pgtype *t, int typmod);

/* The concise SQL type of a column of this type and typmod: the table's, except that an
 * interval column declaring only YEAR/MONTH fields is SQL_INTERVAL_YEAR_TO_MONTH. */
SQLSMALLINT rs_pgtype_sql_type(const rs_pgtype *t, int typmod);

/* The C type SQL_C_DEFAULT means for an SQL type. */
SQLSMALLINT rs_sql_default_ctype(SQLSMALLINT sql_type);

/* Every row of the table, for SQLGetTypeInfo. */
const rs_pgtype *rs_pgtype_all(int *count);

#define RS_MAX_VARCHAR 65535  /* Redshift's VARCHAR limit, reported for unbounded text */

#endif
