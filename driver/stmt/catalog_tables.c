/* catalog_tables.c - SQLTables (with the special enumerations) and SQLColumns over pg_catalog. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stmt/catalog.h"
#include "stmt/catalog_util.h"
#include "stmt/execute.h"
#include "stmt/result.h"

#define OID_VARCHAR RS_CAT_VARCHAR
#define OID_INT2 RS_CAT_INT2
#define OID_INT4 RS_CAT_INT4

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

    char *p_schema = rs_cat_pattern(schema, mid), *p_table = rs_cat_pattern(table, mid);
    char *p_types = types && *types && strcmp(types, "%") != 0 ? types_array(types) : NULL;
    SQLRETURN rc;
    if (!p_schema || !p_table || (types && *types && strcmp(types, "%") != 0 && !p_types)) {
        rc = rs_diag_oom(&s->diag);
        goto out;
    }
    /* a catalog other than the current database lists nothing */
    const char *values[4] = { p_schema, p_table, p_types, rs_cat_catalog(catalog) };
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

SQLRETURN rs_catalog_columns(rs_stmt *s, const char *catalog, const char *schema, const char *table,
                             const char *column)
{
    int mid = s->metadata_id == SQL_TRUE;
    char *p_schema = rs_cat_pattern(schema, mid), *p_table = rs_cat_pattern(table, mid);
    char *p_column = rs_cat_pattern(column, mid);
    SQLRETURN rc;
    if (!p_schema || !p_table || !p_column) {
        rc = rs_diag_oom(&s->diag);
        goto out;
    }
    const char *values[4] = { p_schema, p_table, p_column, rs_cat_catalog(catalog) };
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
        rs_cat_type ty;
        rs_cat_describe((unsigned)strtoul(PQgetvalue(src, i, 4), NULL, 10), atoi(PQgetvalue(src, i, 5)), &ty);
        int notnull = PQgetvalue(src, i, 6)[0] == 't';
        char b_null[16];
        const char *row[18] = {
            PQgetvalue(src, i, 0), PQgetvalue(src, i, 1), PQgetvalue(src, i, 2), PQgetvalue(src, i, 3),
            ty.data_type, ty.type_name, ty.column_size, ty.buffer_length, ty.decimal_digits, ty.radix,
            rs_cat_num(b_null, sizeof b_null, notnull ? SQL_NO_NULLS : SQL_NULLABLE),
            rs_cat_val(src, i, 7), rs_cat_val(src, i, 8), ty.sql_data_type, ty.datetime_sub,
            ty.char_octet_length, PQgetvalue(src, i, 9), notnull ? "NO" : "YES",
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

