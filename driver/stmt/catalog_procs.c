/* catalog_procs.c - SQLProcedures and SQLProcedureColumns over pg_proc: functions and
 * procedures (not aggregates or window functions), patterns as query parameters. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stmt/catalog.h"
#include "stmt/catalog_redshift.h"
#include "stmt/catalog_util.h"
#include "stmt/execute.h"
#include "stmt/result.h"

/* Where the functions are: Redshift's pg_proc lacks prokind and the OUT arguments, its
 * pg_proc_info has them (with the oid named prooid). */
static const char *proc_source(rs_stmt *s, SQLRETURN *rc)
{
    int flags = 0;
    *rc = rs_cat_views(s, &flags);
    return (flags & RS_CATV_PROC_INFO)
        ? "(SELECT prooid AS oid, proname, pronamespace, prokind, proargmodes, proallargtypes, proargnames, "
          "proargtypes, pronargs, prorettype FROM pg_proc_info)"
        : "pg_catalog.pg_proc";
}

SQLRETURN rs_catalog_procedures(rs_stmt *s, const char *catalog, const char *schema, const char *proc)
{
    const char *ids[2] = { schema, proc };
    if (rs_cat_ids_given(s, 2, ids) != SQL_SUCCESS)
        return SQL_ERROR;
    int mid = s->metadata_id == SQL_TRUE;
    char *p_schema = rs_cat_pattern(schema, mid), *p_proc = rs_cat_pattern(proc, mid);
    SQLRETURN rc;
    if (!p_schema || !p_proc) {
        rc = rs_diag_oom(&s->diag);
    } else {
        const char *values[3] = { p_schema, p_proc, rs_cat_catalog(catalog) };
        const char *procs = proc_source(s, &rc);
        char sql[2048];
        /* PROCEDURE_TYPE: SQL_PT_PROCEDURE 1 for CREATE PROCEDURE, SQL_PT_FUNCTION 2 */
        snprintf(sql, sizeof sql,
            "SELECT current_database()::varchar AS \"PROCEDURE_CAT\", n.nspname::varchar AS \"PROCEDURE_SCHEM\", "
            "p.proname::varchar AS \"PROCEDURE_NAME\", NULL::integer AS \"NUM_INPUT_PARAMS\", "
            "NULL::integer AS \"NUM_OUTPUT_PARAMS\", NULL::integer AS \"NUM_RESULT_SETS\", "
            "d.description::varchar AS \"REMARKS\", "
            "(CASE p.prokind WHEN 'p' THEN 1 ELSE 2 END)::smallint AS \"PROCEDURE_TYPE\" "
            "FROM %s p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace "
            "LEFT JOIN pg_catalog.pg_description d ON d.objoid = p.oid AND d.objsubid = 0 "
            "  AND d.classoid = 'pg_catalog.pg_proc'::regclass "
            "WHERE p.prokind IN ('f', 'p') AND n.nspname LIKE $1 AND p.proname LIKE $2 "
            "AND ($3::text IS NULL OR $3 = current_database()) "
            "ORDER BY 1, 2, 3", procs);
        if (RS_OK(rc))
            rc = rs_stmt_run_query(s, sql, 3, values);
    }
    free(p_schema);
    free(p_proc);
    return rc;
}

SQLRETURN rs_catalog_procedure_columns(rs_stmt *s, const char *catalog, const char *schema, const char *proc,
                                       const char *column)
{
    const char *ids[3] = { schema, proc, column };
    if (rs_cat_ids_given(s, 3, ids) != SQL_SUCCESS)
        return SQL_ERROR;
    int mid = s->metadata_id == SQL_TRUE;
    char *p_schema = rs_cat_pattern(schema, mid), *p_proc = rs_cat_pattern(proc, mid);
    char *p_column = rs_cat_pattern(column, mid);
    SQLRETURN rc;
    if (!p_schema || !p_proc || !p_column) {
        rc = rs_diag_oom(&s->diag);
        goto out;
    }
    const char *values[4] = { p_schema, p_proc, p_column, rs_cat_catalog(catalog) };
    const char *procs = proc_source(s, &rc);
    if (!RS_OK(rc))
        goto out;
    char sql[4096];
    /* One row per argument (proallargtypes when there are OUT arguments, else proargtypes),
     * plus the return value (ordinal 0) of a function without OUT/TABLE arguments.
     * COLUMN_TYPE: SQL_PARAM_INPUT 1, INPUT_OUTPUT 2, RESULT_COL 3, OUTPUT 4, RETURN_VALUE 5. */
    snprintf(sql, sizeof sql,
        "WITH args AS ("
        "  SELECT p.oid AS poid, n.nspname, p.proname, k.seq, "
        "    COALESCE(p.proargnames[k.seq], '') AS argname, "
        "    CASE COALESCE(p.proargmodes[k.seq], 'i') WHEN 'o' THEN 4 WHEN 'b' THEN 2 WHEN 't' THEN 3 "
        "      ELSE 1 END AS coltype, "
        "    COALESCE(p.proallargtypes[k.seq], p.proargtypes[k.seq - 1]) AS typ "
        "  FROM %s p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace "
        "  CROSS JOIN generate_series(1, 100) AS k(seq) "
        "  WHERE p.prokind IN ('f', 'p') AND n.nspname LIKE $1 AND p.proname LIKE $2 "
        "  AND k.seq <= COALESCE(array_upper(p.proallargtypes, 1), p.pronargs) "
        "  UNION ALL "
        "  SELECT p.oid, n.nspname, p.proname, 0, '', 5, p.prorettype "
        "  FROM %s p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace "
        "  WHERE p.prokind = 'f' AND p.prorettype <> 'pg_catalog.void'::regtype "
        "  AND p.proallargtypes IS NULL AND n.nspname LIKE $1 AND p.proname LIKE $2) "
        "SELECT current_database(), a.nspname, a.proname, a.argname, a.coltype, "
        "  CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE a.typ END, "
        "  CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE -1 END, a.seq "
        "FROM args a JOIN pg_catalog.pg_type t ON t.oid = a.typ "
        "WHERE a.argname LIKE $3 AND ($4::text IS NULL OR $4 = current_database()) "
        "ORDER BY 2, 3, a.poid, 8", procs, procs);
    rc = rs_stmt_run_query(s, sql, 4, values);
    if (!RS_OK(rc) || !s->res)
        goto out;
    static const char *const names[] = {
        "PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME", "COLUMN_NAME", "COLUMN_TYPE", "DATA_TYPE",
        "TYPE_NAME", "COLUMN_SIZE", "BUFFER_LENGTH", "DECIMAL_DIGITS", "NUM_PREC_RADIX", "NULLABLE",
        "REMARKS", "COLUMN_DEF", "SQL_DATA_TYPE", "SQL_DATETIME_SUB", "CHAR_OCTET_LENGTH",
        "ORDINAL_POSITION", "IS_NULLABLE" };
    static const unsigned oids[] = {
        RS_CAT_VARCHAR, RS_CAT_VARCHAR, RS_CAT_VARCHAR, RS_CAT_VARCHAR, RS_CAT_INT2, RS_CAT_INT2,
        RS_CAT_VARCHAR, RS_CAT_INT4, RS_CAT_INT4, RS_CAT_INT2, RS_CAT_INT2, RS_CAT_INT2, RS_CAT_VARCHAR,
        RS_CAT_VARCHAR, RS_CAT_INT2, RS_CAT_INT2, RS_CAT_INT4, RS_CAT_INT4, RS_CAT_VARCHAR };
    PGresult *src = s->res->pg;
    PGresult *out = rs_cat_result(names, oids, 19);
    char b_null[8];
    rs_cat_num(b_null, sizeof b_null, SQL_NULLABLE_UNKNOWN);
    for (int i = 0; out && i < PQntuples(src); i++) {
        rs_cat_type ty;
        rs_cat_describe((unsigned)strtoul(PQgetvalue(src, i, 5), NULL, 10), atoi(PQgetvalue(src, i, 6)), &ty);
        const char *row[19] = {
            PQgetvalue(src, i, 0), PQgetvalue(src, i, 1), PQgetvalue(src, i, 2), PQgetvalue(src, i, 3),
            PQgetvalue(src, i, 4), ty.data_type, ty.type_name, ty.column_size, ty.buffer_length,
            ty.decimal_digits, ty.radix, b_null, NULL, NULL, ty.sql_data_type, ty.datetime_sub,
            ty.char_octet_length, PQgetvalue(src, i, 7), "" };
        rs_cat_add(&out, row);
    }
    rc = rs_stmt_install_local(s, out);
out:
    free(p_schema);
    free(p_proc);
    free(p_column);
    return rc;
}
