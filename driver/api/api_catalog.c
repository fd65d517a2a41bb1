/* api_catalog.c - the catalog functions, A and W forms: arguments converted to UTF-8, then one
 * call into driver/stmt/catalog*.c. */
#include <stdlib.h>

#include "api/api.h"
#include "stmt/catalog.h"

/* Up to six name arguments in, as UTF-8. */
typedef struct names {
    rs_instr v[6];
} names;

static SQLRETURN names_check(rs_stmt *s, const names *n)
{
    for (int i = 0; i < 6; i++)
        if (n->v[i].oom)
            return rs_diag_oom(&s->diag);
    return SQL_SUCCESS;
}

static void names_free(names *n)
{
    for (int i = 0; i < 6; i++)
        free(n->v[i].s);
}

/* What each catalog function does with its converted names. */
enum { C_TABLES, C_COLUMNS, C_PKEYS, C_FKEYS, C_STATS, C_SPECIAL, C_PROCS, C_PROCCOLS, C_TABPRIVS, C_COLPRIVS };

/* Enters the statement itself so that the converted names are freed whatever happens, a bad
 * handle included. */
static SQLRETURN call(SQLHSTMT h, int which, names n, SQLUSMALLINT a1, SQLUSMALLINT a2, SQLUSMALLINT a3)
{
    rs_stmt *s = rs_stmt_enter(h);
    if (!s) {
        names_free(&n);
        return SQL_INVALID_HANDLE;
    }
    SQLRETURN rc = names_check(s, &n);
    const char *v[6];
    for (int i = 0; i < 6; i++)
        v[i] = n.v[i].s;
    if (RS_OK(rc)) {
        switch (which) {
        case C_TABLES: rc = rs_catalog_tables(s, v[0], v[1], v[2], v[3]); break;
        case C_COLUMNS: rc = rs_catalog_columns(s, v[0], v[1], v[2], v[3]); break;
        case C_PKEYS: rc = rs_catalog_primary_keys(s, v[0], v[1], v[2]); break;
        case C_FKEYS: rc = rs_catalog_foreign_keys(s, v[0], v[1], v[2], v[3], v[4], v[5]); break;
        case C_STATS: rc = rs_catalog_statistics(s, v[0], v[1], v[2], a1); break;
        case C_SPECIAL: rc = rs_catalog_special_columns(s, a1, v[0], v[1], v[2], a2, a3); break;
        case C_PROCS: rc = rs_catalog_procedures(s, v[0], v[1], v[2]); break;
        case C_PROCCOLS: rc = rs_catalog_procedure_columns(s, v[0], v[1], v[2], v[3]); break;
        case C_TABPRIVS: rc = rs_catalog_table_privileges(s, v[0], v[1], v[2]); break;
        default: rc = rs_catalog_column_privileges(s, v[0], v[1], v[2], v[3]); break;
        }
    }
    names_free(&n);
    return rs_stmt_leave(s, rc);
}

#define A(p, l) rs_in_a((p), (l))
#define W(p, l) rs_in_w((p), (l))
#define NONE { NULL, 0 }

SQLRETURN SQL_API SQLTables(SQLHSTMT h, SQLCHAR *cat, SQLSMALLINT cat_len, SQLCHAR *schema,
                            SQLSMALLINT schema_len, SQLCHAR *table, SQLSMALLINT table_len,
                            SQLCHAR *type, SQLSMALLINT type_len)
{
    names n = { { A(cat, cat_len), A(schema, schema_len), A(table, table_len), A(type, type_len), NONE, NONE } };
    return call(h, C_TABLES, n, 0, 0, 0);
}

SQLRETURN SQL_API SQLTablesW(SQLHSTMT h, SQLWCHAR *cat, SQLSMALLINT cat_len, SQLWCHAR *schema,
                             SQLSMALLINT schema_len, SQLWCHAR *table, SQLSMALLINT table_len,
                             SQLWCHAR *type, SQLSMALLINT type_len)
{
    names n = { { W(cat, cat_len), W(schema, schema_len), W(table, table_len), W(type, type_len), NONE, NONE } };
    return call(h, C_TABLES, n, 0, 0, 0);
}

SQLRETURN SQL_API SQLColumns(SQLHSTMT h, SQLCHAR *cat, SQLSMALLINT cat_len, SQLCHAR *schema,
                             SQLSMALLINT schema_len, SQLCHAR *table, SQLSMALLINT table_len,
                             SQLCHAR *column, SQLSMALLINT column_len)
{
    names n = { { A(cat, cat_len), A(schema, schema_len), A(table, table_len), A(column, column_len), NONE, NONE } };
    return call(h, C_COLUMNS, n, 0, 0, 0);
}

SQLRETURN SQL_API SQLColumnsW(SQLHSTMT h, SQLWCHAR *cat, SQLSMALLINT cat_len, SQLWCHAR *schema,
                              SQLSMALLINT schema_len, SQLWCHAR *table, SQLSMALLINT table_len,
                              SQLWCHAR *column, SQLSMALLINT column_len)
{
    names n = { { W(cat, cat_len), W(schema, schema_len), W(table, table_len), W(column, column_len), NONE, NONE } };
    return call(h, C_COLUMNS, n, 0, 0, 0);
}

SQLRETURN SQL_API SQLPrimaryKeys(SQLHSTMT h, SQLCHAR *cat, SQLSMALLINT cat_len, SQLCHAR *schema,
                                 SQLSMALLINT schema_len, SQLCHAR *table, SQLSMALLINT table_len)
{
    names n = { { A(cat, cat_len), A(schema, schema_len), A(table, table_len), NONE, NONE, NONE } };
    return call(h, C_PKEYS, n, 0, 0, 0);
}

SQLRETURN SQL_API SQLPrimaryKeysW(SQLHSTMT h, SQLWCHAR *cat, SQLSMALLINT cat_len, SQLWCHAR *schema,
                                  SQLSMALLINT schema_len, SQLWCHAR *table, SQLSMALLINT table_len)
{
    names n = { { W(cat, cat_len), W(schema, schema_len), W(table, table_len), NONE, NONE, NONE } };
    return call(h, C_PKEYS, n, 0, 0, 0);
}

SQLRETURN SQL_API SQLForeignKeys(SQLHSTMT h, SQLCHAR *pk_cat, SQLSMALLINT pk_cat_len, SQLCHAR *pk_schema,
                                 SQLSMALLINT pk_schema_len, SQLCHAR *pk_table, SQLSMALLINT pk_table_len,
                                 SQLCHAR *fk_cat, SQLSMALLINT fk_cat_len, SQLCHAR *fk_schema,
                                 SQLSMALLINT fk_schema_len, SQLCHAR *fk_table, SQLSMALLINT fk_table_len)
{
    names n = { { A(pk_cat, pk_cat_len), A(pk_schema, pk_schema_len), A(pk_table, pk_table_len),
                  A(fk_cat, fk_cat_len), A(fk_schema, fk_schema_len), A(fk_table, fk_table_len) } };
    return call(h, C_FKEYS, n, 0, 0, 0);
}

SQLRETURN SQL_API SQLForeignKeysW(SQLHSTMT h, SQLWCHAR *pk_cat, SQLSMALLINT pk_cat_len, SQLWCHAR *pk_schema,
                                  SQLSMALLINT pk_schema_len, SQLWCHAR *pk_table, SQLSMALLINT pk_table_len,
                                  SQLWCHAR *fk_cat, SQLSMALLINT fk_cat_len, SQLWCHAR *fk_schema,
                                  SQLSMALLINT fk_schema_len, SQLWCHAR *fk_table, SQLSMALLINT fk_table_len)
{
    names n = { { W(pk_cat, pk_cat_len), W(pk_schema, pk_schema_len), W(pk_table, pk_table_len),
                  W(fk_cat, fk_cat_len), W(fk_schema, fk_schema_len), W(fk_table, fk_table_len) } };
    return call(h, C_FKEYS, n, 0, 0, 0);
}

SQLRETURN SQL_API SQLStatistics(SQLHSTMT h, SQLCHAR *cat, SQLSMALLINT cat_len, SQLCHAR *schema,
                                SQLSMALLINT schema_len, SQLCHAR *table, SQLSMALLINT table_len,
                                SQLUSMALLINT unique, SQLUSMALLINT reserved)
{
    (void)reserved;   /* SQL_QUICK / SQL_ENSURE: the statistics are what pg_class has */
    names n = { { A(cat, cat_len), A(schema, schema_len), A(table, table_len), NONE, NONE, NONE } };
    return call(h, C_STATS, n, unique, 0, 0);
}

SQLRETURN SQL_API SQLStatisticsW(SQLHSTMT h, SQLWCHAR *cat, SQLSMALLINT cat_len, SQLWCHAR *schema,
                                 SQLSMALLINT schema_len, SQLWCHAR *table, SQLSMALLINT table_len,
                                 SQLUSMALLINT unique, SQLUSMALLINT reserved)
{
    (void)reserved;
    names n = { { W(cat, cat_len), W(schema, schema_len), W(table, table_len), NONE, NONE, NONE } };
    return call(h, C_STATS, n, unique, 0, 0);
}

SQLRETURN SQL_API SQLSpecialColumns(SQLHSTMT h, SQLUSMALLINT id_type, SQLCHAR *cat, SQLSMALLINT cat_len,
                                    SQLCHAR *schema, SQLSMALLINT schema_len, SQLCHAR *table,
                                    SQLSMALLINT table_len, SQLUSMALLINT scope, SQLUSMALLINT nullable)
{
    names n = { { A(cat, cat_len), A(schema, schema_len), A(table, table_len), NONE, NONE, NONE } };
    return call(h, C_SPECIAL, n, id_type, scope, nullable);
}

SQLRETURN SQL_API SQLSpecialColumnsW(SQLHSTMT h, SQLUSMALLINT id_type, SQLWCHAR *cat, SQLSMALLINT cat_len,
                                     SQLWCHAR *schema, SQLSMALLINT schema_len, SQLWCHAR *table,
                                     SQLSMALLINT table_len, SQLUSMALLINT scope, SQLUSMALLINT nullable)
{
    names n = { { W(cat, cat_len), W(schema, schema_len), W(table, table_len), NONE, NONE, NONE } };
    return call(h, C_SPECIAL, n, id_type, scope, nullable);
}

SQLRETURN SQL_API SQLProcedures(SQLHSTMT h, SQLCHAR *cat, SQLSMALLINT cat_len, SQLCHAR *schema,
                                SQLSMALLINT schema_len, SQLCHAR *proc, SQLSMALLINT proc_len)
{
    names n = { { A(cat, cat_len), A(schema, schema_len), A(proc, proc_len), NONE, NONE, NONE } };
    return call(h, C_PROCS, n, 0, 0, 0);
}

SQLRETURN SQL_API SQLProceduresW(SQLHSTMT h, SQLWCHAR *cat, SQLSMALLINT cat_len, SQLWCHAR *schema,
                                 SQLSMALLINT schema_len, SQLWCHAR *proc, SQLSMALLINT proc_len)
{
    names n = { { W(cat, cat_len), W(schema, schema_len), W(proc, proc_len), NONE, NONE, NONE } };
    return call(h, C_PROCS, n, 0, 0, 0);
}

SQLRETURN SQL_API SQLProcedureColumns(SQLHSTMT h, SQLCHAR *cat, SQLSMALLINT cat_len, SQLCHAR *schema,
                                      SQLSMALLINT schema_len, SQLCHAR *proc, SQLSMALLINT proc_len,
                                      SQLCHAR *column, SQLSMALLINT column_len)
{
    names n = { { A(cat, cat_len), A(schema, schema_len), A(proc, proc_len), A(column, column_len), NONE, NONE } };
    return call(h, C_PROCCOLS, n, 0, 0, 0);
}

SQLRETURN SQL_API SQLProcedureColumnsW(SQLHSTMT h, SQLWCHAR *cat, SQLSMALLINT cat_len, SQLWCHAR *schema,
                                       SQLSMALLINT schema_len, SQLWCHAR *proc, SQLSMALLINT proc_len,
                                       SQLWCHAR *column, SQLSMALLINT column_len)
{
    names n = { { W(cat, cat_len), W(schema, schema_len), W(proc, proc_len), W(column, column_len), NONE, NONE } };
    return call(h, C_PROCCOLS, n, 0, 0, 0);
}

SQLRETURN SQL_API SQLTablePrivileges(SQLHSTMT h, SQLCHAR *cat, SQLSMALLINT cat_len, SQLCHAR *schema,
                                     SQLSMALLINT schema_len, SQLCHAR *table, SQLSMALLINT table_len)
{
    names n = { { A(cat, cat_len), A(schema, schema_len), A(table, table_len), NONE, NONE, NONE } };
    return call(h, C_TABPRIVS, n, 0, 0, 0);
}

SQLRETURN SQL_API SQLTablePrivilegesW(SQLHSTMT h, SQLWCHAR *cat, SQLSMALLINT cat_len, SQLWCHAR *schema,
                                      SQLSMALLINT schema_len, SQLWCHAR *table, SQLSMALLINT table_len)
{
    names n = { { W(cat, cat_len), W(schema, schema_len), W(table, table_len), NONE, NONE, NONE } };
    return call(h, C_TABPRIVS, n, 0, 0, 0);
}

SQLRETURN SQL_API SQLColumnPrivileges(SQLHSTMT h, SQLCHAR *cat, SQLSMALLINT cat_len, SQLCHAR *schema,
                                      SQLSMALLINT schema_len, SQLCHAR *table, SQLSMALLINT table_len,
                                      SQLCHAR *column, SQLSMALLINT column_len)
{
    names n = { { A(cat, cat_len), A(schema, schema_len), A(table, table_len), A(column, column_len), NONE, NONE } };
    return call(h, C_COLPRIVS, n, 0, 0, 0);
}

SQLRETURN SQL_API SQLColumnPrivilegesW(SQLHSTMT h, SQLWCHAR *cat, SQLSMALLINT cat_len, SQLWCHAR *schema,
                                       SQLSMALLINT schema_len, SQLWCHAR *table, SQLSMALLINT table_len,
                                       SQLWCHAR *column, SQLSMALLINT column_len)
{
    names n = { { W(cat, cat_len), W(schema, schema_len), W(table, table_len), W(column, column_len), NONE, NONE } };
    return call(h, C_COLPRIVS, n, 0, 0, 0);
}

SQLRETURN SQL_API SQLGetTypeInfo(SQLHSTMT h, SQLSMALLINT type)
{
    RS_WITH_STMT(h, rs_catalog_type_info(s, type));
}

SQLRETURN SQL_API SQLGetTypeInfoW(SQLHSTMT h, SQLSMALLINT type)
{
    RS_WITH_STMT(h, rs_catalog_type_info(s, type));
}
