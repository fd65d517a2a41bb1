/* api_catalog.c - catalog functions (A and W): SQLTables, SQLColumns, SQLGetTypeInfo. */
#include <stdlib.h>

#include "api/api.h"
#include "stmt/catalog.h"

/* Four name arguments in, as UTF-8, then the catalog call. */
typedef struct names4 {
    rs_instr v[4];
} names4;

static int names_oom(const names4 *n)
{
    for (int i = 0; i < 4; i++)
        if (n->v[i].oom)
            return 1;
    return 0;
}

static void names_free(names4 *n)
{
    for (int i = 0; i < 4; i++)
        free(n->v[i].s);
}

static SQLRETURN tables(rs_stmt *s, names4 n)
{
    SQLRETURN rc = names_oom(&n) ? rs_diag_oom(&s->diag)
        : rs_catalog_tables(s, n.v[0].s, n.v[1].s, n.v[2].s, n.v[3].s);
    names_free(&n);
    return rc;
}

static SQLRETURN columns(rs_stmt *s, names4 n)
{
    SQLRETURN rc = names_oom(&n) ? rs_diag_oom(&s->diag)
        : rs_catalog_columns(s, n.v[0].s, n.v[1].s, n.v[2].s, n.v[3].s);
    names_free(&n);
    return rc;
}

SQLRETURN SQL_API SQLTables(SQLHSTMT h, SQLCHAR *cat, SQLSMALLINT cat_len, SQLCHAR *schema,
                            SQLSMALLINT schema_len, SQLCHAR *table, SQLSMALLINT table_len,
                            SQLCHAR *type, SQLSMALLINT type_len)
{
    names4 n = { { rs_in_a(cat, cat_len), rs_in_a(schema, schema_len), rs_in_a(table, table_len),
                   rs_in_a(type, type_len) } };
    RS_WITH_STMT(h, tables(s, n));
}

SQLRETURN SQL_API SQLTablesW(SQLHSTMT h, SQLWCHAR *cat, SQLSMALLINT cat_len, SQLWCHAR *schema,
                             SQLSMALLINT schema_len, SQLWCHAR *table, SQLSMALLINT table_len,
                             SQLWCHAR *type, SQLSMALLINT type_len)
{
    names4 n = { { rs_in_w(cat, cat_len), rs_in_w(schema, schema_len), rs_in_w(table, table_len),
                   rs_in_w(type, type_len) } };
    RS_WITH_STMT(h, tables(s, n));
}

SQLRETURN SQL_API SQLColumns(SQLHSTMT h, SQLCHAR *cat, SQLSMALLINT cat_len, SQLCHAR *schema,
                             SQLSMALLINT schema_len, SQLCHAR *table, SQLSMALLINT table_len,
                             SQLCHAR *column, SQLSMALLINT column_len)
{
    names4 n = { { rs_in_a(cat, cat_len), rs_in_a(schema, schema_len), rs_in_a(table, table_len),
                   rs_in_a(column, column_len) } };
    RS_WITH_STMT(h, columns(s, n));
}

SQLRETURN SQL_API SQLColumnsW(SQLHSTMT h, SQLWCHAR *cat, SQLSMALLINT cat_len, SQLWCHAR *schema,
                              SQLSMALLINT schema_len, SQLWCHAR *table, SQLSMALLINT table_len,
                              SQLWCHAR *column, SQLSMALLINT column_len)
{
    names4 n = { { rs_in_w(cat, cat_len), rs_in_w(schema, schema_len), rs_in_w(table, table_len),
                   rs_in_w(column, column_len) } };
    RS_WITH_STMT(h, columns(s, n));
}

SQLRETURN SQL_API SQLGetTypeInfo(SQLHSTMT h, SQLSMALLINT type)
{
    RS_WITH_STMT(h, rs_catalog_type_info(s, type));
}

SQLRETURN SQL_API SQLGetTypeInfoW(SQLHSTMT h, SQLSMALLINT type)
{
    RS_WITH_STMT(h, rs_catalog_type_info(s, type));
}
