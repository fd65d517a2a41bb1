/* pgtypes.c - the type table. */
#include <stddef.h>

#include "types/interval.h"
#include "types/pgtypes.h"

/* Sizes follow the ODBC appendix D definitions of column size and display size. */
static const rs_pgtype types[] = {
    /* oid              name          sql type             size  uns case search radix prefix suffix */
    { RS_OID_BOOL,      "bool",       SQL_BIT,               1, 1, 0, SQL_PRED_BASIC, 0, NULL, NULL },
    { RS_OID_INT2,      "int2",       SQL_SMALLINT,          5, 0, 0, SQL_PRED_BASIC, 10, NULL, NULL },
    { RS_OID_INT4,      "int4",       SQL_INTEGER,          10, 0, 0, SQL_PRED_BASIC, 10, NULL, NULL },
    { RS_OID_INT8,      "int8",       SQL_BIGINT,           19, 0, 0, SQL_PRED_BASIC, 10, NULL, NULL },
    { RS_OID_OID,       "oid",        SQL_INTEGER,          10, 1, 0, SQL_PRED_BASIC, 10, NULL, NULL },
    { RS_OID_XID,       "xid",        SQL_INTEGER,          10, 1, 0, SQL_PRED_BASIC, 10, NULL, NULL },
    { RS_OID_NUMERIC,   "numeric",    SQL_NUMERIC,           0, 0, 0, SQL_PRED_BASIC, 10, NULL, NULL },
    { RS_OID_FLOAT4,    "float4",     SQL_REAL,             24, 0, 0, SQL_PRED_BASIC, 2, NULL, NULL },
    { RS_OID_FLOAT8,    "float8",     SQL_DOUBLE,           53, 0, 0, SQL_PRED_BASIC, 2, NULL, NULL },
    { RS_OID_MONEY,     "money",      SQL_DECIMAL,          19, 0, 0, SQL_PRED_BASIC, 10, NULL, NULL },
    { RS_OID_CHAR,      "char",       SQL_CHAR,              1, 0, 1, SQL_SEARCHABLE, 0, "'", "'" },
    { RS_OID_BPCHAR,    "bpchar",     SQL_CHAR,              0, 0, 1, SQL_SEARCHABLE, 0, "'", "'" },
    { RS_OID_VARCHAR,   "varchar",    SQL_VARCHAR,           0, 0, 1, SQL_SEARCHABLE, 0, "'", "'" },
    { RS_OID_TEXT,      "text",       SQL_LONGVARCHAR,       0, 0, 1, SQL_SEARCHABLE, 0, "'", "'" },
    { RS_OID_NAME,      "name",       SQL_VARCHAR,          63, 0, 1, SQL_SEARCHABLE, 0, "'", "'" },
    { RS_OID_DATE,      "date",       SQL_TYPE_DATE,        10, 0, 0, SQL_PRED_BASIC, 0, "'", "'" },
    { RS_OID_TIME,      "time",       SQL_TYPE_TIME,         0, 0, 0, SQL_PRED_BASIC, 0, "'", "'" },
    { RS_OID_TIMETZ,    "timetz",     SQL_TYPE_TIME,         0, 0, 0, SQL_PRED_BASIC, 0, "'", "'" },
    { RS_OID_TIMESTAMP, "timestamp",  SQL_TYPE_TIMESTAMP,    0, 0, 0, SQL_PRED_BASIC, 0, "'", "'" },
    { RS_OID_TIMESTAMPTZ,"timestamptz",SQL_TYPE_TIMESTAMP,   0, 0, 0, SQL_PRED_BASIC, 0, "'", "'" },
    { RS_OID_INTERVAL,  "interval",   SQL_INTERVAL_DAY_TO_SECOND, 0, 0, 0, SQL_PRED_BASIC, 0, "'", "'" },
    { RS_OID_INTERVALY2M,"intervaly2m",SQL_INTERVAL_YEAR_TO_MONTH, 0, 0, 0, SQL_PRED_BASIC, 0, "'", "'" },
    { RS_OID_INTERVALD2S,"intervald2s",SQL_INTERVAL_DAY_TO_SECOND, 0, 0, 0, SQL_PRED_BASIC, 0, "'", "'" },
    { RS_OID_BYTEA,     "bytea",      SQL_LONGVARBINARY,     0, 0, 0, SQL_PRED_NONE, 0, "'", "'" },
    { RS_OID_UUID,      "uuid",       SQL_GUID,             36, 0, 0, SQL_PRED_BASIC, 0, "'", "'" },
    { RS_OID_JSON,      "json",       SQL_LONGVARCHAR,       0, 0, 1, SQL_PRED_NONE, 0, "'", "'" },
    { RS_OID_JSONB,     "jsonb",      SQL_LONGVARCHAR,       0, 0, 1, SQL_PRED_NONE, 0, "'", "'" },
    { RS_OID_XML,       "xml",        SQL_LONGVARCHAR,       0, 0, 1, SQL_PRED_NONE, 0, "'", "'" },
    { RS_OID_SUPER,     "super",      SQL_LONGVARCHAR,       0, 0, 1, SQL_PRED_NONE, 0, "'", "'" },
    { RS_OID_VARBYTE,   "varbyte",    SQL_LONGVARBINARY,     0, 0, 0, SQL_PRED_BASIC, 0, "'", "'" },
    { RS_OID_GEOMETRY,  "geometry",   SQL_LONGVARBINARY,     0, 0, 0, SQL_PRED_NONE, 0, "'", "'" },
    { RS_OID_GEOMETRY_VALUE,"geometry", SQL_LONGVARBINARY,   0, 0, 0, SQL_PRED_NONE, 0, "'", "'" },
    { RS_OID_GEOGRAPHY, "geography",  SQL_LONGVARBINARY,     0, 0, 0, SQL_PRED_NONE, 0, "'", "'" },
    { RS_OID_HLLSKETCH, "hllsketch",  SQL_LONGVARCHAR,       0, 0, 1, SQL_PRED_NONE, 0, "'", "'" },
};

static const rs_pgtype unknown_type =
    { RS_OID_UNKNOWN, "unknown", SQL_VARCHAR, 0, 0, 1, SQL_SEARCHABLE, 0, "'", "'" };

const rs_pgtype *rs_pgtype_lookup(unsigned oid)
{
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        if (types[i].oid == oid)
            return &types[i];
    return &unknown_type;
}

const rs_pgtype *rs_pgtype_all(int *count)
{
    *count = (int)(sizeof types / sizeof *types);
    return types;
}

/* Fractional-second digits of time/timestamp typmods; 6 when unspecified. */
static int frac_digits(int typmod)
{
    return (typmod >= 0 && typmod <= 6) ? typmod : 6;
}

SQLULEN rs_pgtype_column_size(const rs_pgtype *t, int typmod)
{
    switch (t->oid) {
    case RS_OID_NUMERIC:
        return typmod >= 4 ? (SQLULEN)(((typmod - 4) >> 16) & 0xFFFF) : 38;
    case RS_OID_BPCHAR:
    case RS_OID_VARCHAR:
        return typmod >= 4 ? (SQLULEN)(typmod - 4) : RS_MAX_VARCHAR;
    case RS_OID_TIME:
        return 8 + (frac_digits(typmod) ? 1 + frac_digits(typmod) : 0);
    case RS_OID_TIMETZ:
        return 8 + (frac_digits(typmod) ? 1 + frac_digits(typmod) : 0) + 3;
    case RS_OID_TIMESTAMP:
    case RS_OID_TIMESTAMPTZ:
        return 19 + (frac_digits(typmod) ? 1 + frac_digits(typmod) : 0);
    case RS_OID_INTERVAL:
    case RS_OID_INTERVALY2M:
    case RS_OID_INTERVALD2S:
        /* leading precision 9 (an int32 of days or months), seconds precision 6:
         * "-999999999 days -23:59:59.999999"; "-178956970 years -11 mons" fits the same */
        return rs_pgtype_sql_type(t, typmod) == SQL_INTERVAL_YEAR_TO_MONTH ? 25 : 32;
    default:
        return t->fixed_size ? (SQLULEN)t->fixed_size : RS_MAX_VARCHAR;
    }
}

SQLSMALLINT rs_pgtype_decimal_digits(const rs_pgtype *t, int typmod)
{
    switch (t->oid) {
    case RS_OID_NUMERIC:
        return typmod >= 4 ? (SQLSMALLINT)((typmod - 4) & 0xFFFF) : 0;
    case RS_OID_MONEY:
        return 2;
    case RS_OID_TIME:
    case RS_OID_TIMETZ:
    case RS_OID_TIMESTAMP:
    case RS_OID_TIMESTAMPTZ:
        return (SQLSMALLINT)frac_digits(typmod);
    case RS_OID_INTERVAL:
    case RS_OID_INTERVALD2S:
        /* interval typmods keep the seconds precision in the low 16 bits (0xFFFF: full) */
        return rs_pgtype_sql_type(t, typmod) == SQL_INTERVAL_YEAR_TO_MONTH ? 0
             : (typmod >= 0 && (typmod & 0xFFFF) <= 6) ? (SQLSMALLINT)(typmod & 0xFFFF) : 6;
    case RS_OID_INTERVALY2M:
        return 0;
    case RS_OID_BOOL: case RS_OID_INT2: case RS_OID_INT4: case RS_OID_INT8: case RS_OID_OID:
        return 0;
    default:
        return 0;
    }
}

SQLLEN rs_pgtype_display_size(const rs_pgtype *t, int typmod)
{
    switch (t->sql_type) {
    case SQL_BIT: return 1;
    case SQL_SMALLINT: return 6;
    case SQL_INTEGER: return t->is_unsigned ? 10 : 11;
    case SQL_BIGINT: return 20;
    case SQL_REAL: return 14;
    case SQL_DOUBLE: return 24;
    case SQL_NUMERIC: case SQL_DECIMAL: return (SQLLEN)rs_pgtype_column_size(t, typmod) + 2;
    case SQL_LONGVARBINARY: case SQL_VARBINARY: return (SQLLEN)rs_pgtype_column_size(t, typmod) * 2;
    default: return (SQLLEN)rs_pgtype_column_size(t, typmod);
    }
}

SQLLEN rs_pgtype_octet_length(const rs_pgtype *t, int typmod)
{
    switch (t->sql_type) {
    case SQL_BIT: return 1;
    case SQL_SMALLINT: return 2;
    case SQL_INTEGER: return 4;
    case SQL_BIGINT: return 8;
    case SQL_REAL: return 4;
    case SQL_DOUBLE: return 8;
    case SQL_TYPE_DATE: return sizeof(SQL_DATE_STRUCT);
    case SQL_TYPE_TIME: return sizeof(SQL_TIME_STRUCT);
    case SQL_TYPE_TIMESTAMP: return sizeof(SQL_TIMESTAMP_STRUCT);
    case SQL_GUID: return 16;
    case SQL_NUMERIC: case SQL_DECIMAL: return (SQLLEN)rs_pgtype_column_size(t, typmod) + 2;
    case SQL_CHAR: case SQL_VARCHAR: case SQL_LONGVARCHAR:
        /* UTF-8: up to 4 bytes a character, bounded by what Redshift stores */
        return (SQLLEN)rs_pgtype_column_size(t, typmod) * (t->oid == RS_OID_VARCHAR || t->oid == RS_OID_BPCHAR ? 1 : 4);
    default: return (SQLLEN)rs_pgtype_column_size(t, typmod);
    }
}

SQLSMALLINT rs_pgtype_sql_type(const rs_pgtype *t, int typmod)
{
    if (t->oid == RS_OID_INTERVAL && rs_interval_typmod_is_year_month(typmod))
        return SQL_INTERVAL_YEAR_TO_MONTH;
    return t->sql_type;
}

SQLSMALLINT rs_sql_default_ctype(SQLSMALLINT sql_type)
{
    switch (sql_type) {
    case SQL_CHAR: case SQL_VARCHAR: case SQL_LONGVARCHAR:
    case SQL_NUMERIC: case SQL_DECIMAL: return SQL_C_CHAR;
    case SQL_WCHAR: case SQL_WVARCHAR: case SQL_WLONGVARCHAR: return SQL_C_WCHAR;
    case SQL_BIT: return SQL_C_BIT;
    case SQL_TINYINT: return SQL_C_STINYINT;
    case SQL_SMALLINT: return SQL_C_SSHORT;
    case SQL_INTEGER: return SQL_C_SLONG;
    case SQL_BIGINT: return SQL_C_SBIGINT;
    case SQL_REAL: return SQL_C_FLOAT;
    case SQL_FLOAT: case SQL_DOUBLE: return SQL_C_DOUBLE;
    case SQL_BINARY: case SQL_VARBINARY: case SQL_LONGVARBINARY: return SQL_C_BINARY;
    case SQL_TYPE_DATE: return SQL_C_TYPE_DATE;
    case SQL_TYPE_TIME: return SQL_C_TYPE_TIME;
    case SQL_TYPE_TIMESTAMP: return SQL_C_TYPE_TIMESTAMP;
    case SQL_GUID: return SQL_C_GUID;
    default:
        if (sql_type >= SQL_INTERVAL_YEAR && sql_type <= SQL_INTERVAL_MINUTE_TO_SECOND)
            return sql_type; /* SQL_C_INTERVAL_* share the codes */
        return SQL_C_CHAR;
    }
}
