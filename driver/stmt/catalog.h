/* catalog.h - the catalog functions: SQLTables, SQLColumns, SQLGetTypeInfo.
 * Patterns travel as query parameters, never spliced into SQL. NULL arguments mean "any". */
#ifndef RS_CATALOG_H
#define RS_CATALOG_H

#include "handles.h"

SQLRETURN rs_catalog_tables(rs_stmt *s, const char *catalog, const char *schema, const char *table,
                            const char *types);
SQLRETURN rs_catalog_columns(rs_stmt *s, const char *catalog, const char *schema, const char *table,
                             const char *column);
SQLRETURN rs_catalog_type_info(rs_stmt *s, SQLSMALLINT data_type);

#endif
