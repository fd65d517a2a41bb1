/* info.h - SQLGetInfo and SQLGetFunctions: what the driver and server can do. */
#ifndef RS_INFO_H
#define RS_INFO_H

#include "handles.h"

typedef enum { RS_INFO_STR, RS_INFO_U16, RS_INFO_U32 } rs_info_kind;

typedef struct rs_info_value {
    rs_info_kind kind;
    const char *str;          /* RS_INFO_STR; may point into buf */
    SQLUINTEGER num;
    char buf[256];
} rs_info_value;

/* The answer for one info type; HY096 for unknown ones. */
SQLRETURN rs_dbc_get_info(rs_dbc *c, SQLUSMALLINT type, rs_info_value *out);

/* SQLGetFunctions: one function id, SQL_API_ALL_FUNCTIONS (100 entries) or
 * SQL_API_ODBC3_ALL_FUNCTIONS (bitmap). */
SQLRETURN rs_get_functions(rs_dbc *c, SQLUSMALLINT id, SQLUSMALLINT *supported);

#endif
