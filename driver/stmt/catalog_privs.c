/* catalog_privs.c - SQLTablePrivileges and SQLColumnPrivileges from the ACLs in pg_catalog
 * (aclexplode; an ACL never set means the owner's default privileges). Redshift has neither
 * aclexplode nor LATERAL: there the answer is what the current user holds (has_*_privilege),
 * with GRANTOR and IS_GRANTABLE unknown (NULL). */
#include <stdlib.h>
#include <string.h>

#include "stmt/catalog.h"
#include "stmt/catalog_redshift.h"
#include "stmt/catalog_util.h"
#include "stmt/execute.h"

/* A role OID as a name; 0 is PUBLIC. */
#define ROLE_NAME(oid) \
    "(CASE WHEN " oid " = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(" oid ") END)::varchar"

/* "schema"."table" as text, for has_table_privilege() on both servers */
#define QUALIFIED "pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname)"

#define TABLE_PRIVS_REDSHIFT \
    "SELECT current_database()::varchar AS \"TABLE_CAT\", n.nspname::varchar AS \"TABLE_SCHEM\", " \
    "c.relname::varchar AS \"TABLE_NAME\", NULL::varchar AS \"GRANTOR\", current_user::varchar AS \"GRANTEE\", " \
    "pr.p::varchar AS \"PRIVILEGE\", NULL::varchar AS \"IS_GRANTABLE\" " \
    "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace " \
    "CROSS JOIN (SELECT 'DELETE' AS p UNION ALL SELECT 'INSERT' UNION ALL SELECT 'REFERENCES' " \
    "  UNION ALL SELECT 'SELECT' UNION ALL SELECT 'UPDATE') pr " \
    "WHERE c.relkind IN ('r', 'v', 'm') AND n.nspname !~ '^pg_toast' " \
    "AND n.nspname LIKE $1 AND c.relname LIKE $2 AND ($3::text IS NULL OR $3 = current_database()) " \
    "AND pg_catalog.has_table_privilege(" QUALIFIED ", pr.p) " \
    "ORDER BY 1, 2, 3, 6, 5"

#define COLUMN_PRIVS_REDSHIFT \
    "SELECT current_database()::varchar AS \"TABLE_CAT\", n.nspname::varchar AS \"TABLE_SCHEM\", " \
    "c.relname::varchar AS \"TABLE_NAME\", a.attname::varchar AS \"COLUMN_NAME\", NULL::varchar AS \"GRANTOR\", " \
    "current_user::varchar AS \"GRANTEE\", pr.p::varchar AS \"PRIVILEGE\", NULL::varchar AS \"IS_GRANTABLE\" " \
    "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace " \
    "JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped " \
    "CROSS JOIN (SELECT 'SELECT' AS p UNION ALL SELECT 'UPDATE') pr " \
    "WHERE c.relkind IN ('r', 'v', 'm') " \
    "AND ($1::text IS NULL OR n.nspname = $1) AND c.relname = $2 AND a.attname LIKE $3 " \
    "AND ($4::text IS NULL OR $4 = current_database()) " \
    "AND pg_catalog.has_column_privilege(" QUALIFIED ", a.attname::text, pr.p) " \
    "ORDER BY 1, 2, 3, 4, 7, 6"

SQLRETURN rs_catalog_table_privileges(rs_stmt *s, const char *catalog, const char *schema, const char *table)
{
    const char *ids[2] = { schema, table };
    if (rs_cat_ids_given(s, 2, ids) != SQL_SUCCESS)
        return SQL_ERROR;
    int mid = s->metadata_id == SQL_TRUE;
    char *p_schema = rs_cat_pattern(schema, mid), *p_table = rs_cat_pattern(table, mid);
    SQLRETURN rc;
    if (!p_schema || !p_table) {
        rc = rs_diag_oom(&s->diag);
    } else {
        const char *values[3] = { p_schema, p_table, rs_cat_catalog(catalog) };
        int flags = 0;
        rc = rs_cat_views(s, &flags);
        if (RS_OK(rc))
            rc = rs_stmt_run_query(s, rs_cat_is_redshift(flags) ? TABLE_PRIVS_REDSHIFT :
            "SELECT current_database()::varchar AS \"TABLE_CAT\", n.nspname::varchar AS \"TABLE_SCHEM\", "
            "c.relname::varchar AS \"TABLE_NAME\", " ROLE_NAME("x.grantor") " AS \"GRANTOR\", "
            ROLE_NAME("x.grantee") " AS \"GRANTEE\", x.privilege_type::varchar AS \"PRIVILEGE\", "
            "(CASE WHEN x.is_grantable THEN 'YES' ELSE 'NO' END)::varchar AS \"IS_GRANTABLE\" "
            "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
            "CROSS JOIN LATERAL pg_catalog.aclexplode(COALESCE(c.relacl, pg_catalog.acldefault('r', c.relowner))) x "
            "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname !~ '^pg_toast' "
            "AND n.nspname LIKE $1 AND c.relname LIKE $2 "
            "AND ($3::text IS NULL OR $3 = current_database()) "
            "ORDER BY 1, 2, 3, 6, 5",
            3, values);
    }
    free(p_schema);
    free(p_table);
    return rc;
}

SQLRETURN rs_catalog_column_privileges(rs_stmt *s, const char *catalog, const char *schema, const char *table,
                                       const char *column)
{
    const char *ids[3] = { schema, table, column };
    if (rs_cat_ids_given(s, 3, ids) != SQL_SUCCESS)
        return SQL_ERROR;
    if (!table)
        return rs_cat_null_arg(s, "TableName");
    int mid = s->metadata_id == SQL_TRUE, oom1, oom2;
    char *n_schema = rs_cat_name(schema && *schema ? schema : NULL, mid, &oom1);
    char *n_table = rs_cat_name(table, mid, &oom2);
    char *p_column = rs_cat_pattern(column, mid);
    SQLRETURN rc;
    if (oom1 || oom2 || !p_column) {
        rc = rs_diag_oom(&s->diag);
    } else {
        const char *values[4] = { n_schema, n_table, p_column, rs_cat_catalog(catalog) };
        /* a table privilege covers every column; column ACLs add their own */
        int flags = 0;
        rc = rs_cat_views(s, &flags);
        if (RS_OK(rc))
            rc = rs_stmt_run_query(s, rs_cat_is_redshift(flags) ? COLUMN_PRIVS_REDSHIFT :
            "SELECT DISTINCT current_database()::varchar AS \"TABLE_CAT\", n.nspname::varchar AS \"TABLE_SCHEM\", "
            "c.relname::varchar AS \"TABLE_NAME\", a.attname::varchar AS \"COLUMN_NAME\", "
            ROLE_NAME("x.grantor") " AS \"GRANTOR\", " ROLE_NAME("x.grantee") " AS \"GRANTEE\", "
            "x.privilege_type::varchar AS \"PRIVILEGE\", "
            "(CASE WHEN x.is_grantable THEN 'YES' ELSE 'NO' END)::varchar AS \"IS_GRANTABLE\" "
            "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
            "JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
            "CROSS JOIN LATERAL (SELECT * FROM pg_catalog.aclexplode(COALESCE(c.relacl, "
            "    pg_catalog.acldefault('r', c.relowner))) "
            "  UNION ALL SELECT * FROM pg_catalog.aclexplode(a.attacl)) x "
            "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') "
            "AND x.privilege_type IN ('SELECT', 'INSERT', 'UPDATE', 'REFERENCES') "
            "AND ($1::text IS NULL OR n.nspname = $1) AND c.relname = $2 AND a.attname LIKE $3 "
            "AND ($4::text IS NULL OR $4 = current_database()) "
            "ORDER BY 1, 2, 3, 4, 7, 6",
            4, values);
    }
    free(n_schema);
    free(n_table);
    free(p_column);
    return rc;
}
