/* catalog_tables.c - SQLTables (with the special enumerations) and SQLColumns: pg_catalog, plus
 * Redshift's external tables and late-binding views when the catalog has them, or the
 * datashare views (svv_all_*) with DatabaseMetadataCurrentDbOnly=0. One query per call. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stmt/catalog.h"
#include "stmt/catalog_redshift.h"
#include "stmt/catalog_util.h"
#include "stmt/execute.h"
#include "stmt/result.h"

/* "'TABLE','VIEW'" or "TABLE, VIEW" -> ",TABLE,VIEW," (matched with position(), which both
 * servers have, unlike arrays as parameters). */
static char *types_list(const char *types)
{
    char *out = malloc(strlen(types) + 3);
    if (!out)
        return NULL;
    size_t o = 0;
    out[o++] = ',';
    for (const char *p = types; *p;) {
        while (*p == ' ' || *p == ',' || *p == '\'')
            p++;
        const char *start = p;
        while (*p && *p != ',' && *p != '\'')
            p++;
        const char *end = p;
        while (end > start && end[-1] == ' ')
            end--;
        for (const char *q = start; q < end; q++)
            out[o++] = (char)toupper((unsigned char)*q);
        if (end > start)
            out[o++] = ',';
        while (*p == '\'')
            p++;
    }
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

#define TYPE_MATCH(expr) "($3::text IS NULL OR position(',' || (" expr ") || ',' IN $3) > 0)"

static SQLRETURN special_enumeration(rs_stmt *s, int which, int datashare)
{
    static const char *const names[] = { "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS" };
    static const unsigned oids[] = { RS_CAT_VARCHAR, RS_CAT_VARCHAR, RS_CAT_VARCHAR, RS_CAT_VARCHAR, RS_CAT_VARCHAR };
    if (which == 0) {   /* catalogs: the current database, or every database with datashares */
        return rs_stmt_run_query(s, datashare
            ? "SELECT database_name::varchar AS \"TABLE_CAT\", NULL::varchar AS \"TABLE_SCHEM\", "
              "NULL::varchar AS \"TABLE_NAME\", NULL::varchar AS \"TABLE_TYPE\", NULL::varchar AS \"REMARKS\" "
              "FROM svv_redshift_databases ORDER BY 1"
            : "SELECT current_database()::varchar AS \"TABLE_CAT\", NULL::varchar AS \"TABLE_SCHEM\", "
              "NULL::varchar AS \"TABLE_NAME\", NULL::varchar AS \"TABLE_TYPE\", NULL::varchar AS \"REMARKS\"",
            0, NULL);
    }
    if (which == 1) {   /* schemas (with datashares, TABLE_CAT tells the database apart) */
        return rs_stmt_run_query(s, datashare
            ? "SELECT database_name::varchar AS \"TABLE_CAT\", schema_name::varchar AS \"TABLE_SCHEM\", "
              "NULL::varchar AS \"TABLE_NAME\", NULL::varchar AS \"TABLE_TYPE\", NULL::varchar AS \"REMARKS\" "
              "FROM svv_all_schemas ORDER BY 1, 2"
            : "SELECT NULL::varchar AS \"TABLE_CAT\", nspname::varchar AS \"TABLE_SCHEM\", "
              "NULL::varchar AS \"TABLE_NAME\", NULL::varchar AS \"TABLE_TYPE\", NULL::varchar AS \"REMARKS\" "
              "FROM pg_catalog.pg_namespace WHERE nspname !~ '^pg_(toast|temp)' ORDER BY 2",
            0, NULL);
    }
    PGresult *r = rs_cat_result(names, oids, 5);
    static const char *const types[] = { "EXTERNAL TABLE", "FOREIGN TABLE", "LOCAL TEMPORARY", "MATERIALIZED VIEW",
                                         "SYSTEM TABLE", "SYSTEM VIEW", "TABLE", "VIEW" };
    for (size_t i = 0; i < sizeof types / sizeof *types; i++) {
        const char *row[5] = { NULL, NULL, NULL, types[i], NULL };
        rs_cat_add(&r, row);
    }
    return rs_stmt_install_local(s, r);
}

#define TABLES_SELECT \
    "SELECT current_database()::varchar AS \"TABLE_CAT\", n.nspname::varchar AS \"TABLE_SCHEM\", " \
    "c.relname::varchar AS \"TABLE_NAME\", (" TABLE_TYPE_SQL ")::varchar AS \"TABLE_TYPE\", " \
    "d.description::varchar AS \"REMARKS\" " \
    "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace " \
    "LEFT JOIN pg_catalog.pg_description d ON d.objoid = c.oid AND d.objsubid = 0 " \
    "  AND d.classoid = 'pg_catalog.pg_class'::regclass " \
    "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname !~ '^pg_toast' " \
    "AND n.nspname LIKE $1 AND c.relname LIKE $2 AND " TYPE_MATCH(TABLE_TYPE_SQL) " " \
    "AND ($4::text IS NULL OR current_database() LIKE $4) "

/* Spectrum tables are not in pg_class */
#define TABLES_EXTERNAL \
    "UNION ALL SELECT current_database()::varchar, schemaname::varchar, tablename::varchar, " \
    "'EXTERNAL TABLE'::varchar, NULL::varchar FROM svv_external_tables " \
    "WHERE schemaname LIKE $1 AND tablename LIKE $2 AND " TYPE_MATCH("'EXTERNAL TABLE'") " " \
    "AND ($4::text IS NULL OR current_database() LIKE $4) "

/* every database the user can see, datashares included */
#define TABLES_DATASHARE \
    "SELECT database_name::varchar AS \"TABLE_CAT\", schema_name::varchar AS \"TABLE_SCHEM\", " \
    "table_name::varchar AS \"TABLE_NAME\", t.tt::varchar AS \"TABLE_TYPE\", remarks::varchar AS \"REMARKS\" " \
    "FROM (SELECT *, CASE upper(table_type) WHEN 'BASE TABLE' THEN 'TABLE' ELSE upper(table_type) END AS tt " \
    "  FROM svv_all_tables) t " \
    "WHERE schema_name LIKE $1 AND table_name LIKE $2 AND " TYPE_MATCH("t.tt") " " \
    "AND ($4::text IS NULL OR database_name LIKE $4) "

SQLRETURN rs_catalog_tables(rs_stmt *s, const char *catalog, const char *schema, const char *table,
                            const char *types)
{
    const char *ids[2] = { schema, table };
    if (rs_cat_ids_given(s, 2, ids) != SQL_SUCCESS)
        return SQL_ERROR;
    int flags;
    SQLRETURN rc = rs_cat_views(s, &flags);
    if (!RS_OK(rc))
        return rc;
    int datashare = rs_cat_datashare(s, flags);
    if (catalog && strcmp(catalog, SQL_ALL_CATALOGS) == 0 && schema && !*schema && table && !*table)
        return special_enumeration(s, 0, datashare);
    if (schema && strcmp(schema, SQL_ALL_SCHEMAS) == 0 && catalog && !*catalog && table && !*table)
        return special_enumeration(s, 1, datashare);
    if (types && strcmp(types, SQL_ALL_TABLE_TYPES) == 0 && catalog && !*catalog && schema && !*schema &&
        table && !*table)
        return special_enumeration(s, 2, datashare);

    int mid = s->metadata_id == SQL_TRUE;
    int want_types = types && *types && strcmp(types, "%") != 0;
    char *p_schema = rs_cat_pattern(schema, mid), *p_table = rs_cat_pattern(table, mid);
    char *p_types = want_types ? types_list(types) : NULL;
    /* the catalog is a pattern too: only the current database matches, except with datashares */
    char *p_cat = rs_cat_catalog(catalog) ? rs_cat_pattern(catalog, mid) : NULL;
    if (!p_schema || !p_table || (want_types && !p_types) || (rs_cat_catalog(catalog) && !p_cat)) {
        rc = rs_diag_oom(&s->diag);
        goto out;
    }
    const char *values[4] = { p_schema, p_table, p_types, p_cat };
    if (datashare)
        rc = rs_stmt_run_query(s, TABLES_DATASHARE "ORDER BY 4, 1, 2, 3", 4, values);
    else if (flags & RS_CATV_EXTERNAL)
        rc = rs_stmt_run_query(s, TABLES_SELECT TABLES_EXTERNAL "ORDER BY 4, 1, 2, 3", 4, values);
    else
        rc = rs_stmt_run_query(s, TABLES_SELECT "ORDER BY 4, 1, 2, 3", 4, values);
out:
    free(p_schema);
    free(p_table);
    free(p_types);
    free(p_cat);
    return rc;
}

/* Every source yields: catalog, schema, table, column, type OID, typmod, not null, remarks,
 * default, ordinal, type text (when the type is named rather than an OID: parsed here). */
#define COLUMNS_SELECT \
    "SELECT current_database()::text, n.nspname::text, c.relname::text, a.attname::text, " \
    "  CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE a.atttypid END::int8, " \
    "  CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END, " \
    "  a.attnotnull OR (t.typtype = 'd' AND t.typnotnull), d.description::text, " \
    "  pg_catalog.pg_get_expr(ad.adbin, ad.adrelid)::text, a.attnum::int4, NULL::text " \
    "FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid " \
    "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace " \
    "JOIN pg_catalog.pg_type t ON t.oid = a.atttypid " \
    "LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = c.oid AND ad.adnum = a.attnum " \
    "LEFT JOIN pg_catalog.pg_description d ON d.objoid = c.oid AND d.objsubid = a.attnum " \
    "  AND d.classoid = 'pg_catalog.pg_class'::regclass " \
    "WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f') " \
    "AND n.nspname LIKE $1 AND c.relname LIKE $2 AND a.attname LIKE $3 " \
    "AND ($4::text IS NULL OR $4 = current_database()) "

#define COLUMNS_EXTERNAL \
    "UNION ALL SELECT current_database()::text, schemaname::text, tablename::text, columnname::text, " \
    "  0::int8, -1, is_nullable = 'false', NULL::text, NULL::text, columnnum::int4, external_type::text " \
    "FROM svv_external_columns " \
    "WHERE schemaname LIKE $1 AND tablename LIKE $2 AND columnname LIKE $3 " \
    "AND ($4::text IS NULL OR $4 = current_database()) "

/* A late-binding view has no pg_attribute rows; the function describes its columns. */
#define COLUMNS_LATE_BINDING \
    "UNION ALL SELECT current_database()::text, lb.view_schema::text, lb.view_name::text, lb.col_name::text, " \
    "  0::int8, -1, false, NULL::text, NULL::text, lb.col_num::int4, lb.col_type::text " \
    "FROM pg_get_late_binding_view_cols() " \
    "  AS lb(view_schema name, view_name name, col_name name, col_type varchar, col_num int) " \
    "WHERE lb.view_schema LIKE $1 AND lb.view_name LIKE $2 AND lb.col_name LIKE $3 " \
    "AND ($4::text IS NULL OR $4 = current_database()) " \
    "AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute la JOIN pg_catalog.pg_class lc ON lc.oid = la.attrelid " \
    "  JOIN pg_catalog.pg_namespace ln ON ln.oid = lc.relnamespace " \
    "  WHERE ln.nspname = lb.view_schema AND lc.relname = lb.view_name AND la.attnum > 0) "

#define COLUMNS_DATASHARE \
    "SELECT database_name::text, schema_name::text, table_name::text, column_name::text, 0::int8, -1, " \
    "  upper(is_nullable) = 'NO', remarks::text, column_default::text, ordinal_position::int4, " \
    "  data_type || CASE WHEN character_maximum_length IS NOT NULL " \
    "    THEN '(' || character_maximum_length::text || ')' " \
    "    WHEN lower(data_type) IN ('numeric', 'decimal') AND numeric_precision IS NOT NULL " \
    "    THEN '(' || numeric_precision::text || ',' || COALESCE(numeric_scale, 0)::text || ')' ELSE '' END " \
    "FROM svv_all_columns " \
    "WHERE schema_name LIKE $1 AND table_name LIKE $2 AND column_name LIKE $3 " \
    "AND ($4::text IS NULL OR database_name = $4) "

SQLRETURN rs_catalog_columns(rs_stmt *s, const char *catalog, const char *schema, const char *table,
                             const char *column)
{
    const char *ids[3] = { schema, table, column };
    if (rs_cat_ids_given(s, 3, ids) != SQL_SUCCESS)
        return SQL_ERROR;
    int flags;
    SQLRETURN rc = rs_cat_views(s, &flags);
    if (!RS_OK(rc))
        return rc;
    int mid = s->metadata_id == SQL_TRUE;
    char *p_schema = rs_cat_pattern(schema, mid), *p_table = rs_cat_pattern(table, mid);
    char *p_column = rs_cat_pattern(column, mid);
    if (!p_schema || !p_table || !p_column) {
        rc = rs_diag_oom(&s->diag);
        goto out;
    }
    const char *values[4] = { p_schema, p_table, p_column, rs_cat_catalog(catalog) };
    char sql[8192];
    if (rs_cat_datashare(s, flags))
        snprintf(sql, sizeof sql, "%s", COLUMNS_DATASHARE "ORDER BY 1, 2, 3, 10");
    else
        snprintf(sql, sizeof sql, "%s%s%s%s", COLUMNS_SELECT, (flags & RS_CATV_EXTERNAL) ? COLUMNS_EXTERNAL : "",
                 (flags & RS_CATV_LATE_BINDING) ? COLUMNS_LATE_BINDING : "", "ORDER BY 1, 2, 3, 10");
    rc = rs_stmt_run_query(s, sql, 4, values);
    if (!RS_OK(rc) || !s->res)
        goto out;

    /* Describe every column with the type table, as SQLDescribeCol does. */
    static const char *const names[] = {
        "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME",
        "COLUMN_SIZE", "BUFFER_LENGTH", "DECIMAL_DIGITS", "NUM_PREC_RADIX", "NULLABLE", "REMARKS",
        "COLUMN_DEF", "SQL_DATA_TYPE", "SQL_DATETIME_SUB", "CHAR_OCTET_LENGTH", "ORDINAL_POSITION",
        "IS_NULLABLE" };
    static const unsigned oids[] = {
        RS_CAT_VARCHAR, RS_CAT_VARCHAR, RS_CAT_VARCHAR, RS_CAT_VARCHAR, RS_CAT_INT2, RS_CAT_VARCHAR,
        RS_CAT_INT4, RS_CAT_INT4, RS_CAT_INT2, RS_CAT_INT2, RS_CAT_INT2, RS_CAT_VARCHAR, RS_CAT_VARCHAR,
        RS_CAT_INT2, RS_CAT_INT2, RS_CAT_INT4, RS_CAT_INT4, RS_CAT_VARCHAR };
    PGresult *src = s->res->pg;
    PGresult *out = rs_cat_result(names, oids, 18);
    for (int i = 0; out && i < PQntuples(src); i++) {
        unsigned oid = (unsigned)strtoul(PQgetvalue(src, i, 4), NULL, 10);
        int mod = atoi(PQgetvalue(src, i, 5));
        if (!PQgetisnull(src, i, 10))
            rs_cat_parse_type(PQgetvalue(src, i, 10), &oid, &mod);
        rs_cat_type ty;
        rs_cat_describe(oid, mod, &ty);
        int notnull = PQgetvalue(src, i, 6)[0] == 't';
        char b_null[16];
        const char *row[18] = {
            PQgetvalue(src, i, 0), PQgetvalue(src, i, 1), PQgetvalue(src, i, 2), PQgetvalue(src, i, 3),
            ty.data_type, ty.type_name, ty.column_size, ty.buffer_length, ty.decimal_digits, ty.radix,
            rs_cat_num(b_null, sizeof b_null, notnull ? SQL_NO_NULLS : SQL_NULLABLE),
            rs_cat_val(src, i, 7), rs_cat_val(src, i, 8), ty.sql_data_type, ty.datetime_sub,
            ty.char_octet_length, PQgetvalue(src, i, 9), notnull ? "NO" : "YES",
        };
        rs_cat_add(&out, row);
    }
    rc = rs_stmt_install_local(s, out);
out:
    free(p_schema);
    free(p_table);
    free(p_column);
    return rc;
}
