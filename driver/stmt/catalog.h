/* catalog.h - the catalog functions. Pattern arguments travel as query parameters, never
 * spliced into SQL; ordinary name arguments are compared with '='. NULL arguments mean "any"
 * (except where ODBC requires them: HY009). Split by concern over driver/stmt/catalog_*.c. */
#ifndef RS_CATALOG_H
#define RS_CATALOG_H

#include "handles.h"

/* catalog_tables.c */
SQLRETURN rs_catalog_tables(rs_stmt *s, const char *catalog, const char *schema, const char *table,
                            const char *types);
SQLRETURN rs_catalog_columns(rs_stmt *s, const char *catalog, const char *schema, const char *table,
                             const char *column);
/* catalog_keys.c */
SQLRETURN rs_catalog_primary_keys(rs_stmt *s, const char *catalog, const char *schema, const char *table);
SQLRETURN rs_catalog_foreign_keys(rs_stmt *s, const char *pk_cat, const char *pk_schema, const char *pk_table,
                                  const char *fk_cat, const char *fk_schema, const char *fk_table);
SQLRETURN rs_catalog_statistics(rs_stmt *s, const char *catalog, const char *schema, const char *table,
                                SQLUSMALLINT unique);
SQLRETURN rs_catalog_special_columns(rs_stmt *s, SQLUSMALLINT id_type, const char *catalog, const char *schema,
                                     const char *table, SQLUSMALLINT scope, SQLUSMALLINT nullable);
/* catalog_procs.c */
SQLRETURN rs_catalog_procedures(rs_stmt *s, const char *catalog, const char *schema, const char *proc);
SQLRETURN rs_catalog_procedure_columns(rs_stmt *s, const char *catalog, const char *schema, const char *proc,
                                       const char *column);
/* catalog_privs.c */
SQLRETURN rs_catalog_table_privileges(rs_stmt *s, const char *catalog, const char *schema, const char *table);
SQLRETURN rs_catalog_column_privileges(rs_stmt *s, const char *catalog, const char *schema, const char *table,
                                       const char *column);
/* catalog_typeinfo.c */
SQLRETURN rs_catalog_type_info(rs_stmt *s, SQLSMALLINT data_type);

#endif
