/* catalog.c - catalog functions over pg_catalog, with types described by the one type table. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stmt/catalog.h"
#include "stmt/execute.h"
#include "stmt/result.h"
#include "types/pgtypes.h"

#define OID_VARCHAR 1043
#define OID_INT2 21
#define OID_INT4 23

/* An identifier argument when SQL_ATTR_METADATA_ID is on: quoted keeps case, else folds to
 * lower case as the server does; the LIKE special characters are escaped. Returns malloc'd. */
static char *as_pattern(const char *arg, int metadata_id)
{
    if (!arg)
        return strdup("%");
    if (!metadata_id)
        return strdup(arg);
    size_t n = strlen(arg);
    char *out = malloc(n * 2 + 1);
    if (!out)
        return NULL;
    int quoted = n >= 2 && arg[0] == '"' && arg[n - 1] == '"';
    size_t o = 0;
    for (size_t i = quoted ? 1 : 0; i < (quoted ? n - 1 : n); i++) {
        char c = arg[i];
        if (c == '%' || c == '_' || c == '\\')
            out[o++] = '\\';
        out[o++] = quoted ? c : (char)tolower((unsigned char)c);
    }
    out[o] = '\0';
    return out;
}

/* "'TABLE','VIEW'" or "TABLE, VIEW" -> "{TABLE,VIEW}" (a text[] literal). */
static char *types_array(const char *types)
{
    size_t n = strlen(types);
    char *out = malloc(n * 2 + 3);
    if (!out)
        return NULL;
    size_t o = 0;
    out[o++] = '{';
    const char *p = types;
    int first = 1;
    while (*p) {
        while (*p == ' ' || *p == ',' || *p == '\'')
            p++;
        const char *start = p;
        while (*p && *p != ',' && *p != '\'')
            p++;
        const char *end = p;
        while (end > start && end[-1] == ' ')
            end--;
        if (end > start) {
            if (!first)
                out[o++] = ',';
            out[o++] = '"';
            for (const char *q = start; q < end; q++) {
                if (*q == '"' || *q == '\\')
                    out[o++] = '\\';
                out[o++] = (char)toupper((unsigned char)*q);
            }
            out[o++] = '"';
            first = 0;
        }
        while (*p == '\'')
            p++;
    }
    out[o++] = '}';
    out[o] = '\0';
    return out;
}

/* The TABLE_TYPE of a relation, as an SQL expression over n (namespace) and c (class). */
#define TABLE_TYPE_SQL \
    "CASE WHEN n.nspname ~ '^pg_' OR n.nspname = 'information_schema' THEN " \
    "  CASE c.relkind WHEN 'v' THEN 'SYSTEM VIEW' ELSE 'SYSTEM TABLE' END " \
    "WHEN n.nspname ~ '^pg_temp' THEN 'LOCAL TEMPORARY' " \
    "ELSE CASE c.relkind WHEN 'r' THEN 'TABLE' WHEN 'p' THEN 'TABLE' WHEN 'v' THEN 'VIEW' " \
    "  WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' END END"

static SQLRETURN special_enumeration(rs_stmt *s, int which)
{
    static const char *const names[] = { "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS" };
    static const unsigned oids[] = { OID_VARCHAR, OID_VARCHAR, OID_VARCHAR, OID_VARCHAR, OID_VARCHAR };
    if (which == 0) {   /* catalogs: the current database */
        return rs_stmt_run_query(s,
            "SELECT current_database()::varchar AS \"TABLE_CAT\", NULL::varchar AS \"TABLE_SCHEM\", "
            "NULL::varchar AS \"TABLE_NAME\", NULL::varchar AS \"TABLE_TYPE\", NULL::varchar AS \"REMARKS\"",
            0, NULL);
    }
    if (which == 1) {   /* schemas */
        return rs_stmt_run_query(s,
            "SELECT NULL::varchar AS \"TABLE_CAT\", nspname::varchar AS \"TABLE_SCHEM\", "
            "NULL::varchar AS \"TABLE_NAME\", NULL::varchar AS \"TABLE_TYPE\", NULL::varchar AS \"REMARKS\" "
            "FROM pg_catalog.pg_namespace WHERE nspname !~ '^pg_(toast|temp)' ORDER BY 2", 0, NULL);
    }
    PGresult *r = rs_result_local(names, oids, 5);
    static const char *const types[] = { "LOCAL TEMPORARY", "MATERIALIZED VIEW", "SYSTEM TABLE",
                                         "SYSTEM VIEW", "TABLE", "VIEW", "FOREIGN TABLE" };
    for (size_t i = 0; r && i < sizeof types / sizeof *types; i++) {
        const char *row[5] = { NULL, NULL, NULL, types[i], NULL };
        if (rs_result_local_add(r, row) < 0) {
            PQclear(r);
            r = NULL;
        }
    }
    return rs_stmt_install_local(s, r);
}

SQLRETURN rs_catalog_tables(rs_stmt *s, const char *catalog, const char *schema, const char *table,
                            const char *types)
{
    int mid = s->metadata_id == SQL_TRUE;
    if (catalog && strcmp(catalog, SQL_ALL_CATALOGS) == 0 && schema && !*schema && table && !*table)
        return special_enumeration(s, 0);
    if (schema && strcmp(schema, SQL_ALL_SCHEMAS) == 0 && catalog && !*catalog && table && !*table)
        return special_enumeration(s, 1);
    if (types && strcmp(types, SQL_ALL_TABLE_TYPES) == 0 && catalog && !*catalog && schema && !*schema &&
        table && !*table)
        return special_enumeration(s, 2);

    char *p_schema = as_pattern(schema, mid), *p_table = as_pattern(table, mid);
    char *p_types = types && *types && strcmp(types, "%") != 0 ? types_array(types) : NULL;
    SQLRETURN rc;
    if (!p_schema || !p_table || (types && *types && strcmp(types, "%") != 0 && !p_types)) {
        rc = rs_diag_oom(&s->diag);
        goto out;
    }
    /* a catalog other than the current database lists nothing */
    const char *values[4] = { p_schema, p_table, p_types, catalog && *catalog != '%' ? catalog : NULL };
    rc = rs_stmt_run_query(s,
        "SELECT current_database()::varchar AS \"TABLE_CAT\", n.nspname::varchar AS \"TABLE_SCHEM\", "
        "c.relname::varchar AS \"TABLE_NAME\", (" TABLE_TYPE_SQL ")::varchar AS \"TABLE_TYPE\", "
        "d.description::varchar AS \"REMARKS\" "
        "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
        "LEFT JOIN pg_catalog.pg_description d ON d.objoid = c.oid AND d.objsubid = 0 "
        "  AND d.classoid = 'pg_catalog.pg_class'::regclass "
        "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname !~ '^pg_toast' "
        "AND n.nspname LIKE $1 AND c.relname LIKE $2 "
        "AND ($3::text[] IS NULL OR (" TABLE_TYPE_SQL ") = ANY ($3::text[])) "
        "AND ($4::text IS NULL OR $4 = current_database()) "
        "ORDER BY 4, 1, 2, 3",
        4, values);
out:
    free(p_schema);
    free(p_table);
    free(p_types);
    return rc;
}

/* Format a number into a column of the local result. */
static const char *num(char *buf, size_t n, long v)
{
    snprintf(buf, n, "%ld", v);
    return buf;
}

SQLRETURN rs_catalog_columns(rs_stmt *s, const char *catalog, const char *schema, const char *table,
                             const char *column)
{
    int mid = s->metadata_id == SQL_TRUE;
    char *p_schema = as_pattern(schema, mid), *p_table = as_pattern(table, mid);
    char *p_column = as_pattern(column, mid);
    SQLRETURN rc;
    if (!p_schema || !p_table || !p_column) {
        rc = rs_diag_oom(&s->diag);
        goto out;
    }
    const char *values[4] = { p_schema, p_table, p_column, catalog && *catalog != '%' ? catalog : NULL };
    rc = rs_stmt_run_query(s,
        "SELECT current_database(), n.nspname, c.relname, a.attname, "
        "  CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE a.atttypid END, "
        "  CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END, "
        "  a.attnotnull OR (t.typtype = 'd' AND t.typnotnull), d.description, "
        "  pg_catalog.pg_get_expr(ad.adbin, ad.adrelid), a.attnum "
        "FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid "
        "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
        "JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
        "LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = c.oid AND ad.adnum = a.attnum "
        "LEFT JOIN pg_catalog.pg_description d ON d.objoid = c.oid AND d.objsubid = a.attnum "
        "  AND d.classoid = 'pg_catalog.pg_class'::regclass "
        "WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f') "
        "AND n.nspname LIKE $1 AND c.relname LIKE $2 AND a.attname LIKE $3 "
        "AND ($4::text IS NULL OR $4 = current_database()) "
        "ORDER BY 2, 3, 10",
        4, values);
    if (!RS_OK(rc) || !s->res)
        goto out;

    /* Describe every column with the type table, as SQLDescribeCol does. */
    static const char *const names[] = {
        "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME",
        "COLUMN_SIZE", "BUFFER_LENGTH", "DECIMAL_DIGITS", "NUM_PREC_RADIX", "NULLABLE", "REMARKS",
        "COLUMN_DEF", "SQL_DATA_TYPE", "SQL_DATETIME_SUB", "CHAR_OCTET_LENGTH", "ORDINAL_POSITION",
        "IS_NULLABLE" };
    static const unsigned oids[] = {
        OID_VARCHAR, OID_VARCHAR, OID_VARCHAR, OID_VARCHAR, OID_INT2, OID_VARCHAR, OID_INT4, OID_INT4,
        OID_INT2, OID_INT2, OID_INT2, OID_VARCHAR, OID_VARCHAR, OID_INT2, OID_INT2, OID_INT4, OID_INT4,
        OID_VARCHAR };
    PGresult *src = s->res->pg;
    PGresult *out = rs_result_local(names, oids, 18);
    for (int i = 0; out && i < PQntuples(src); i++) {
        const rs_pgtype *t = rs_pgtype_lookup((unsigned)strtoul(PQgetvalue(src, i, 4), NULL, 10));
        int mod = atoi(PQgetvalue(src, i, 5));
        int notnull = PQgetvalue(src, i, 6)[0] == 't';
        char b_type[16], b_size[24], b_buf[24], b_dig[16], b_radix[16], b_null[16], b_sqlt[16],
             b_sub[16], b_oct[24];
        SQLSMALLINT sqlt = t->sql_type;
        int datetime = sqlt == SQL_TYPE_DATE || sqlt == SQL_TYPE_TIME || sqlt == SQL_TYPE_TIMESTAMP;
        int interval = sqlt >= SQL_INTERVAL_YEAR && sqlt <= SQL_INTERVAL_MINUTE_TO_SECOND;
        int character = sqlt == SQL_CHAR || sqlt == SQL_VARCHAR || sqlt == SQL_LONGVARCHAR ||
                        sqlt == SQL_BINARY || sqlt == SQL_VARBINARY || sqlt == SQL_LONGVARBINARY;
        int has_digits = t->radix || datetime || interval;
        const char *row[18] = {
            PQgetvalue(src, i, 0), PQgetvalue(src, i, 1), PQgetvalue(src, i, 2), PQgetvalue(src, i, 3),
            num(b_type, sizeof b_type, sqlt), t->oid == RS_OID_UNKNOWN ? "unknown" : t->name,
            num(b_size, sizeof b_size, (long)rs_pgtype_column_size(t, mod)),
            num(b_buf, sizeof b_buf, (long)rs_pgtype_octet_length(t, mod)),
            has_digits && sqlt != SQL_TYPE_DATE ? num(b_dig, sizeof b_dig, rs_pgtype_decimal_digits(t, mod)) : NULL,
            t->radix ? num(b_radix, sizeof b_radix, t->radix) : NULL,
            num(b_null, sizeof b_null, notnull ? SQL_NO_NULLS : SQL_NULLABLE),
            PQgetisnull(src, i, 7) ? NULL : PQgetvalue(src, i, 7),
            PQgetisnull(src, i, 8) ? NULL : PQgetvalue(src, i, 8),
            num(b_sqlt, sizeof b_sqlt, datetime ? SQL_DATETIME : interval ? SQL_INTERVAL : sqlt),
            datetime || interval ? num(b_sub, sizeof b_sub, datetime ? sqlt - 90 : sqlt - 100) : NULL,
            character ? num(b_oct, sizeof b_oct, (long)rs_pgtype_octet_length(t, mod)) : NULL,
            PQgetvalue(src, i, 9), notnull ? "NO" : "YES",
        };
        if (rs_result_local_add(out, row) < 0) {
            PQclear(out);
            out = NULL;
        }
    }
    rc = rs_stmt_install_local(s, out);
out:
    free(p_schema);
    free(p_table);
    free(p_column);
    return rc;
}

/* CREATE_PARAMS of the types that take them. */
static const char *create_params(unsigned oid)
{
    switch (oid) {
    case RS_OID_VARCHAR: case RS_OID_BPCHAR: case RS_OID_VARBYTE: return "max length";
    case RS_OID_NUMERIC: return "precision,scale";
    default: return NULL;
    }
}

SQLRETURN rs_catalog_type_info(rs_stmt *s, SQLSMALLINT data_type)
{
    static const char *const names[] = {
        "TYPE_NAME", "DATA_TYPE", "COLUMN_SIZE", "LITERAL_PREFIX", "LITERAL_SUFFIX", "CREATE_PARAMS",
        "NULLABLE", "CASE_SENSITIVE", "SEARCHABLE", "UNSIGNED_ATTRIBUTE", "FIXED_PREC_SCALE",
        "AUTO_UNIQUE_VALUE", "LOCAL_TYPE_NAME", "MINIMUM_SCALE", "MAXIMUM_SCALE", "SQL_DATA_TYPE",
        "SQL_DATETIME_SUB", "NUM_PREC_RADIX", "INTERVAL_PRECISION" };
    static const unsigned oids[] = {
        OID_VARCHAR, OID_INT2, OID_INT4, OID_VARCHAR, OID_VARCHAR, OID_VARCHAR, OID_INT2, OID_INT2,
        OID_INT2, OID_INT2, OID_INT2, OID_INT2, OID_VARCHAR, OID_INT2, OID_INT2, OID_INT2, OID_INT2,
        OID_INT4, OID_INT2 };
    int n;
    const rs_pgtype *all = rs_pgtype_all(&n);
    /* ordered by DATA_TYPE, as ODBC asks */
    int order[64];
    int k = 0;
    for (int i = 0; i < n && k < 64; i++) {
        if (data_type != SQL_ALL_TYPES && all[i].sql_type != data_type)
            continue;
        if (all[i].oid == RS_OID_OID || all[i].oid == RS_OID_XID || all[i].oid == RS_OID_NAME)
            continue;   /* system types */
        order[k++] = i;
    }
    for (int i = 1; i < k; i++)
        for (int j = i; j > 0 && all[order[j - 1]].sql_type > all[order[j]].sql_type; j--) {
            int tmp = order[j];
            order[j] = order[j - 1];
            order[j - 1] = tmp;
        }
    PGresult *r = rs_result_local(names, oids, 19);
    for (int i = 0; r && i < k; i++) {
        const rs_pgtype *t = &all[order[i]];
        SQLSMALLINT sqlt = t->sql_type;
        int datetime = sqlt == SQL_TYPE_DATE || sqlt == SQL_TYPE_TIME || sqlt == SQL_TYPE_TIMESTAMP;
        int interval = sqlt >= SQL_INTERVAL_YEAR && sqlt <= SQL_INTERVAL_MINUTE_TO_SECOND;
        char b_type[16], b_size[24], b_case[8], b_srch[8], b_uns[8], b_fix[8], b_min[8], b_max[8],
             b_sqlt[16], b_sub[16], b_radix[16];
        int scaled = sqlt == SQL_NUMERIC || sqlt == SQL_DECIMAL || datetime;
        int maxscale = sqlt == SQL_NUMERIC ? 37 : sqlt == SQL_DECIMAL ? 2 : (datetime && sqlt != SQL_TYPE_DATE) ? 6 : 0;
        const char *row[19] = {
            t->name, num(b_type, sizeof b_type, sqlt),
            num(b_size, sizeof b_size, t->oid == RS_OID_NUMERIC ? 38 : (long)rs_pgtype_column_size(t, -1)),
            t->literal_prefix, t->literal_suffix, create_params(t->oid),
            "1", num(b_case, sizeof b_case, t->case_sensitive), num(b_srch, sizeof b_srch, t->searchable),
            t->radix ? num(b_uns, sizeof b_uns, t->is_unsigned) : NULL,
            num(b_fix, sizeof b_fix, t->oid == RS_OID_MONEY), t->radix ? "0" : NULL, t->name,
            scaled ? num(b_min, sizeof b_min, 0) : NULL, scaled ? num(b_max, sizeof b_max, maxscale) : NULL,
            num(b_sqlt, sizeof b_sqlt, datetime ? SQL_DATETIME : interval ? SQL_INTERVAL : sqlt),
            datetime || interval ? num(b_sub, sizeof b_sub, datetime ? sqlt - 90 : sqlt - 100) : NULL,
            t->radix ? num(b_radix, sizeof b_radix, t->radix) : NULL, NULL,
        };
        if (rs_result_local_add(r, row) < 0) {
            PQclear(r);
            r = NULL;
        }
    }
    return rs_stmt_install_local(s, r);
}
