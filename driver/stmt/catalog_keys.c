/* catalog_keys.c - SQLPrimaryKeys, SQLForeignKeys, SQLStatistics, SQLSpecialColumns over
 * pg_catalog. Names are ordinary arguments (compared with '='), never patterns; key columns are
 * expanded with generate_series so the queries need no array functions Redshift lacks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stmt/catalog.h"
#include "stmt/catalog_redshift.h"
#include "stmt/catalog_util.h"
#include "stmt/execute.h"
#include "stmt/result.h"

/* Three name arguments (catalog, schema, table) as query values; table required. */
typedef struct names3 {
    char *schema, *table;
    const char *catalog;
} names3;

static SQLRETURN names3_get(rs_stmt *s, const char *catalog, const char *schema, const char *table,
                            names3 *n, int table_required)
{
    int mid = s->metadata_id == SQL_TRUE, oom1, oom2;
    memset(n, 0, sizeof *n);
    if (table_required && !table)
        return rs_cat_null_arg(s, "TableName");
    if (table_required && mid && !schema)
        return rs_cat_null_arg(s, "SchemaName (SQL_ATTR_METADATA_ID is on)");
    n->catalog = rs_cat_catalog(catalog);
    n->schema = rs_cat_name(schema && *schema ? schema : NULL, mid, &oom1);
    n->table = rs_cat_name(table, mid, &oom2);
    if (oom1 || oom2)
        return rs_diag_oom(&s->diag);
    return SQL_SUCCESS;
}

static void names3_free(names3 *n)
{
    free(n->schema);
    free(n->table);
}

SQLRETURN rs_catalog_primary_keys(rs_stmt *s, const char *catalog, const char *schema, const char *table)
{
    names3 n;
    SQLRETURN rc = names3_get(s, catalog, schema, table, &n, 1);
    if (RS_OK(rc)) {
        const char *values[3] = { n.schema, n.table, n.catalog };
        rc = rs_stmt_run_query(s,
            "SELECT current_database()::varchar AS \"TABLE_CAT\", n.nspname::varchar AS \"TABLE_SCHEM\", "
            "c.relname::varchar AS \"TABLE_NAME\", a.attname::varchar AS \"COLUMN_NAME\", "
            "k.seq::smallint AS \"KEY_SEQ\", con.conname::varchar AS \"PK_NAME\" "
            /* from the constraint, not the index: Redshift keeps keys as constraints only */
            "FROM pg_catalog.pg_constraint con JOIN pg_catalog.pg_class c ON c.oid = con.conrelid "
            "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
            "CROSS JOIN generate_series(1, 32) AS k(seq) "
            "JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = con.conkey[k.seq] "
            "WHERE con.contype = 'p' "
            "AND ($1::text IS NULL OR n.nspname = $1) AND c.relname = $2 "
            "AND ($3::text IS NULL OR $3 = current_database()) "
            "ORDER BY 2, 3, 5",
            3, values);
    }
    names3_free(&n);
    return rc;
}

/* pg_constraint's action letters as SQL_CASCADE ...; deferrability as SQL_INITIALLY_... */
#define FK_RULE(col) \
    "(CASE " col " WHEN 'c' THEN 0 WHEN 'r' THEN 1 WHEN 'n' THEN 2 WHEN 'd' THEN 4 ELSE 3 END)::smallint"

SQLRETURN rs_catalog_foreign_keys(rs_stmt *s, const char *pk_cat, const char *pk_schema, const char *pk_table,
                                  const char *fk_cat, const char *fk_schema, const char *fk_table)
{
    if (!pk_table && !fk_table)
        return rs_diag_add(&s->diag, "HY009", 0,
                           "SQLForeignKeys needs the primary-key table name, the foreign-key table name or both.");
    names3 pk, fk;
    SQLRETURN rc = names3_get(s, pk_cat, pk_schema, pk_table, &pk, 0);
    if (RS_OK(rc))
        rc = names3_get(s, fk_cat, fk_schema, fk_table, &fk, 0);
    else
        memset(&fk, 0, sizeof fk);
    if (RS_OK(rc)) {
        const char *values[6] = { pk.schema, pk.table, fk.schema, fk.table, pk.catalog, fk.catalog };
        /* ordered by the FK table when only the PK table was given, else by the PK table */
        int by_fk = pk_table && !fk_table;
        char sql[3072];
        snprintf(sql, sizeof sql,
            "SELECT current_database()::varchar AS \"PKTABLE_CAT\", pn.nspname::varchar AS \"PKTABLE_SCHEM\", "
            "pc.relname::varchar AS \"PKTABLE_NAME\", pa.attname::varchar AS \"PKCOLUMN_NAME\", "
            "current_database()::varchar AS \"FKTABLE_CAT\", fn.nspname::varchar AS \"FKTABLE_SCHEM\", "
            "fc.relname::varchar AS \"FKTABLE_NAME\", fa.attname::varchar AS \"FKCOLUMN_NAME\", "
            "k.seq::smallint AS \"KEY_SEQ\", " FK_RULE("con.confupdtype") " AS \"UPDATE_RULE\", "
            FK_RULE("con.confdeltype") " AS \"DELETE_RULE\", con.conname::varchar AS \"FK_NAME\", "
            "pk.conname::varchar AS \"PK_NAME\", "
            "(CASE WHEN con.condeferred THEN 5 WHEN con.condeferrable THEN 6 ELSE 7 END)::smallint "
            "AS \"DEFERRABILITY\" "
            "FROM pg_catalog.pg_constraint con "
            "JOIN pg_catalog.pg_class pc ON pc.oid = con.confrelid "
            "JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace "
            "JOIN pg_catalog.pg_class fc ON fc.oid = con.conrelid "
            "JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace "
            /* the referenced key by its columns (Redshift's pg_constraint has no conindid) */
            "LEFT JOIN pg_catalog.pg_constraint pk ON pk.conrelid = con.confrelid AND pk.contype IN ('p', 'u') "
            "  AND pk.conkey = con.confkey "
            "CROSS JOIN generate_series(1, 32) AS k(seq) "
            "JOIN pg_catalog.pg_attribute pa ON pa.attrelid = pc.oid AND pa.attnum = con.confkey[k.seq] "
            "JOIN pg_catalog.pg_attribute fa ON fa.attrelid = fc.oid AND fa.attnum = con.conkey[k.seq] "
            "WHERE con.contype = 'f' "
            "AND ($1::text IS NULL OR pn.nspname = $1) AND ($2::text IS NULL OR pc.relname = $2) "
            "AND ($3::text IS NULL OR fn.nspname = $3) AND ($4::text IS NULL OR fc.relname = $4) "
            "AND ($5::text IS NULL OR $5 = current_database()) "
            "AND ($6::text IS NULL OR $6 = current_database()) "
            "ORDER BY %s, 9",
            by_fk ? "5, 6, 7" : "1, 2, 3");
        rc = rs_stmt_run_query(s, sql, 6, values);
    }
    names3_free(&pk);
    names3_free(&fk);
    return rc;
}

/* The table's own statistics row (TYPE SQL_TABLE_STAT). */
#define STATS_TABLE \
    "SELECT current_database()::varchar AS \"TABLE_CAT\", n.nspname::varchar AS \"TABLE_SCHEM\", " \
    "c.relname::varchar AS \"TABLE_NAME\", NULL::smallint AS \"NON_UNIQUE\", " \
    "NULL::varchar AS \"INDEX_QUALIFIER\", NULL::varchar AS \"INDEX_NAME\", 0::smallint AS \"TYPE\", " \
    "NULL::smallint AS \"ORDINAL_POSITION\", NULL::varchar AS \"COLUMN_NAME\", " \
    "NULL::char(1) AS \"ASC_OR_DESC\", " \
    "(CASE WHEN c.reltuples < 0 THEN NULL ELSE c.reltuples END)::integer AS \"CARDINALITY\", " \
    "c.relpages::integer AS \"PAGES\", NULL::varchar AS \"FILTER_CONDITION\" " \
    "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace " \
    "WHERE c.relkind IN ('r', 'p', 'm') " \
    "AND ($1::text IS NULL OR n.nspname = $1) AND c.relname = $2 " \
    "AND ($3::text IS NULL OR $3 = current_database()) "

/* Index columns; TYPE: clustered 1, hashed 2, other 3. Redshift has no indexes (and no indoption). */
#define STATS_INDEXES \
    "UNION ALL " \
    "SELECT current_database()::varchar, n.nspname::varchar, c.relname::varchar, " \
    "(CASE WHEN i.indisunique THEN 0 ELSE 1 END)::smallint, n.nspname::varchar, " \
    "ic.relname::varchar, " \
    "(CASE WHEN i.indisclustered THEN 1 WHEN am.amname = 'hash' THEN 2 ELSE 3 END)::smallint, " \
    "k.seq::smallint, " \
    "(CASE WHEN i.indkey[k.seq - 1] = 0 THEN pg_catalog.pg_get_indexdef(i.indexrelid, k.seq, true) " \
    "  ELSE a.attname::text END)::varchar, " \
    "(CASE WHEN am.amname <> 'btree' THEN NULL WHEN i.indoption[k.seq - 1] & 1 = 1 THEN 'D' " \
    "  ELSE 'A' END)::char(1), " \
    "(CASE WHEN ic.reltuples < 0 THEN NULL ELSE ic.reltuples END)::integer, ic.relpages::integer, " \
    "pg_catalog.pg_get_expr(i.indpred, i.indrelid)::varchar " \
    "FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indrelid " \
    "JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid " \
    "JOIN pg_catalog.pg_am am ON am.oid = ic.relam " \
    "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace " \
    "CROSS JOIN generate_series(1, 32) AS k(seq) " \
    "LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[k.seq - 1] " \
    "WHERE k.seq <= i.indnatts AND ($1::text IS NULL OR n.nspname = $1) AND c.relname = $2 " \
    "AND ($3::text IS NULL OR $3 = current_database()) AND (i.indisunique OR NOT $4::boolean) "

SQLRETURN rs_catalog_statistics(rs_stmt *s, const char *catalog, const char *schema, const char *table,
                                SQLUSMALLINT unique)
{
    if (unique != SQL_INDEX_UNIQUE && unique != SQL_INDEX_ALL)
        return rs_diag_add(&s->diag, "HY100", 0, "Uniqueness option %u is not SQL_INDEX_UNIQUE or SQL_INDEX_ALL.",
                           unique);
    names3 n;
    SQLRETURN rc = names3_get(s, catalog, schema, table, &n, 1);
    if (RS_OK(rc)) {
        const char *values[4] = { n.schema, n.table, n.catalog, unique == SQL_INDEX_UNIQUE ? "t" : "f" };
        int flags = 0;
        rc = rs_cat_views(s, &flags);
        if (RS_OK(rc))
            rc = rs_stmt_run_query(s, rs_cat_is_redshift(flags)
                ? STATS_TABLE "ORDER BY 4 NULLS FIRST, 7, 5, 6, 8"
                : STATS_TABLE STATS_INDEXES "ORDER BY 4 NULLS FIRST, 7, 5, 6, 8",
                rs_cat_is_redshift(flags) ? 3 : 4, values);
    }
    names3_free(&n);
    return rc;
}

/* Redshift keeps keys as (informational) constraints, not indexes: the primary key, else the
 * first unique constraint, from pg_constraint. Same columns as the index query. */
#define BEST_ROWID_REDSHIFT \
    "WITH ix AS (SELECT con.conrelid AS indrelid, con.conkey AS keys, " \
    "  row_number() OVER (ORDER BY con.contype, con.conname) AS pick " \
    "  FROM pg_catalog.pg_constraint con JOIN pg_catalog.pg_class c ON c.oid = con.conrelid " \
    "  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace " \
    "  WHERE con.contype IN ('p', 'u') AND $4 <> 't' " \
    "  AND ($1::text IS NULL OR n.nspname = $1) AND c.relname = $2 " \
    "  AND ($3::text IS NULL OR $3 = current_database()) " \
    "  AND NOT EXISTS (SELECT 1 FROM generate_series(1, 32) AS e(seq) " \
    "    JOIN pg_catalog.pg_attribute ea ON ea.attrelid = con.conrelid AND ea.attnum = con.conkey[e.seq] " \
    "    WHERE $4 = 'n' AND NOT ea.attnotnull)) " \
    "SELECT a.attname, " \
    "  CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE a.atttypid END, " \
    "  CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END " \
    "FROM ix CROSS JOIN generate_series(1, 32) AS k(seq) " \
    "JOIN pg_catalog.pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = ix.keys[k.seq] " \
    "JOIN pg_catalog.pg_type t ON t.oid = a.atttypid " \
    "WHERE ix.pick = 1 ORDER BY k.seq"

SQLRETURN rs_catalog_special_columns(rs_stmt *s, SQLUSMALLINT id_type, const char *catalog, const char *schema,
                                     const char *table, SQLUSMALLINT scope, SQLUSMALLINT nullable)
{
    if (id_type != SQL_BEST_ROWID && id_type != SQL_ROWVER)
        return rs_diag_add(&s->diag, "HY097", 0, "Column type %u is not SQL_BEST_ROWID or SQL_ROWVER.", id_type);
    if (scope != SQL_SCOPE_CURROW && scope != SQL_SCOPE_TRANSACTION && scope != SQL_SCOPE_SESSION)
        return rs_diag_add(&s->diag, "HY098", 0, "Scope %u is not a SQL_SCOPE_ value.", scope);
    if (nullable != SQL_NO_NULLS && nullable != SQL_NULLABLE)
        return rs_diag_add(&s->diag, "HY099", 0, "Nullable %u is not SQL_NO_NULLS or SQL_NULLABLE.", nullable);
    names3 n;
    SQLRETURN rc = names3_get(s, catalog, schema, table, &n, 1);
    if (!RS_OK(rc))
        goto out;
    /* SQL_BEST_ROWID: the primary key, else the first unique index whose columns are all
     * NOT NULL (or any unique index when NULLs are acceptable); its scope is the session.
     * SQL_ROWVER: Redshift has no automatically updated columns, so none. */
    const char *values[4] = { n.schema, n.table, n.catalog,
                              id_type == SQL_ROWVER ? "t" : nullable == SQL_NO_NULLS ? "n" : "a" };
    int flags = 0;
    rc = rs_cat_views(s, &flags);
    if (!RS_OK(rc))
        goto out;
    rc = rs_stmt_run_query(s, rs_cat_is_redshift(flags) ? BEST_ROWID_REDSHIFT :
        "WITH ix AS (SELECT i.indexrelid, i.indrelid, i.indkey, i.indnatts, "
        "  row_number() OVER (ORDER BY i.indisprimary DESC, ic.relname) AS pick "
        "  FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indrelid "
        "  JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid "
        "  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
        "  WHERE i.indisunique AND i.indpred IS NULL AND $4 <> 't' "
        "  AND ($1::text IS NULL OR n.nspname = $1) AND c.relname = $2 "
        "  AND ($3::text IS NULL OR $3 = current_database()) "
        "  AND NOT EXISTS (SELECT 1 FROM generate_series(1, 32) AS e(seq) "
        "    LEFT JOIN pg_catalog.pg_attribute ea ON ea.attrelid = i.indrelid AND ea.attnum = i.indkey[e.seq - 1] "
        "    WHERE e.seq <= i.indnatts AND (ea.attnum IS NULL OR ($4 = 'n' AND NOT ea.attnotnull)))) "
        "SELECT a.attname, "
        "  CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE a.atttypid END, "
        "  CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END "
        "FROM ix CROSS JOIN generate_series(1, 32) AS k(seq) "
        "JOIN pg_catalog.pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = ix.indkey[k.seq - 1] "
        "JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
        "WHERE ix.pick = 1 AND k.seq <= ix.indnatts ORDER BY k.seq",
        4, values);
    if (!RS_OK(rc) || !s->res)
        goto out;
    static const char *const names[] = { "SCOPE", "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE",
                                         "BUFFER_LENGTH", "DECIMAL_DIGITS", "PSEUDO_COLUMN" };
    static const unsigned oids[] = { RS_CAT_INT2, RS_CAT_VARCHAR, RS_CAT_INT2, RS_CAT_VARCHAR, RS_CAT_INT4,
                                     RS_CAT_INT4, RS_CAT_INT2, RS_CAT_INT2 };
    PGresult *src = s->res->pg;
    PGresult *out = rs_cat_result(names, oids, 8);
    char b_scope[8], b_pseudo[8];
    rs_cat_num(b_scope, sizeof b_scope, SQL_SCOPE_SESSION);
    rs_cat_num(b_pseudo, sizeof b_pseudo, SQL_PC_NOT_PSEUDO);
    for (int i = 0; out && i < PQntuples(src); i++) {
        rs_cat_type ty;
        rs_cat_describe((unsigned)strtoul(PQgetvalue(src, i, 1), NULL, 10), atoi(PQgetvalue(src, i, 2)), &ty);
        const char *row[8] = { b_scope, PQgetvalue(src, i, 0), ty.data_type, ty.type_name, ty.column_size,
                               ty.buffer_length, ty.decimal_digits, b_pseudo };
        rs_cat_add(&out, row);
    }
    rc = rs_stmt_install_local(s, out);
out:
    names3_free(&n);
    return rc;
}
