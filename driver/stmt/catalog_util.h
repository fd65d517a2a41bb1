/* catalog_util.h - what the catalog functions share: argument handling (patterns, identifiers,
 * SQL_ATTR_METADATA_ID), number formatting, and the ODBC type columns of a server type taken
 * from the one type table (so SQLColumns, SQLSpecialColumns and SQLProcedureColumns agree with
 * SQLDescribeCol). Internal to driver/stmt/catalog*.c. */
#ifndef RS_CATALOG_UTIL_H
#define RS_CATALOG_UTIL_H

#include <stddef.h>

#include "handles.h"
#include "types/pgtypes.h"

#define RS_CAT_VARCHAR 1043
#define RS_CAT_CHAR 1042
#define RS_CAT_INT2 21
#define RS_CAT_INT4 23

/* A pattern argument as a LIKE pattern (backslash escapes, the driver's
 * SQL_SEARCH_PATTERN_ESCAPE). NULL means "%". With SQL_ATTR_METADATA_ID on it is an identifier:
 * a quoted one keeps its case, an unquoted one folds to lower case as the server does, and the
 * LIKE special characters are escaped. Returns malloc'd, NULL when out of memory. */
char *rs_cat_pattern(const char *arg, int metadata_id);

/* An ordinary (non-pattern) name argument, compared with '='. NULL stays NULL (*oom = 0);
 * with SQL_ATTR_METADATA_ID on, quotes are stripped / unquoted names fold to lower case. */
char *rs_cat_name(const char *arg, int metadata_id, int *oom);

/* The catalog argument as a filter: NULL when absent, empty or "%" (this driver has one
 * catalog, the current database, and an empty catalog name means "don't care"). */
const char *rs_cat_catalog(const char *cat);

/* v as text into buf. */
const char *rs_cat_num(char *buf, size_t n, long v);

/* The ODBC description of a server type: the columns DATA_TYPE, TYPE_NAME, COLUMN_SIZE,
 * BUFFER_LENGTH, DECIMAL_DIGITS, NUM_PREC_RADIX, SQL_DATA_TYPE, SQL_DATETIME_SUB,
 * CHAR_OCTET_LENGTH as text (NULL where ODBC says NULL). */
typedef struct rs_cat_type {
    const char *data_type, *type_name, *column_size, *buffer_length, *decimal_digits, *radix,
        *sql_data_type, *datetime_sub, *char_octet_length;
    char b_type[16], b_size[24], b_buf[24], b_dig[16], b_radix[16], b_sqlt[16], b_sub[16], b_oct[24];
} rs_cat_type;
void rs_cat_describe(unsigned oid, int typmod, rs_cat_type *out);

/* A local result set, or NULL when out of memory; rows added with rs_cat_add (which frees the
 * result and sets *r to NULL on failure). */
PGresult *rs_cat_result(const char *const *names, const unsigned *oids, int ncols);
void rs_cat_add(PGresult **r, const char *const *row);

/* The value of a result cell, NULL for SQL NULL. */
const char *rs_cat_val(const PGresult *r, int row, int col);

/* With SQL_ATTR_METADATA_ID on, the name arguments are identifiers and none may be a null
 * pointer: HY009 when one of the n given is; SQL_SUCCESS otherwise. */
SQLRETURN rs_cat_ids_given(rs_stmt *s, int n, const char *const *args);

/* HY009 for a required argument the application passed as NULL. */
SQLRETURN rs_cat_null_arg(rs_stmt *s, const char *what);

#endif
