/* cparam.h - application C values to the text (or binary) form libpq sends as a parameter:
 * the other half of the conversions, beside convert.h. */
#ifndef RS_CPARAM_H
#define RS_CPARAM_H

#include <stddef.h>
#include <sql.h>
#include <sqlext.h>
#include "util/diag.h"

typedef struct rs_param_value {
    char *data;      /* malloc'd when owned, else points into the application buffer */
    int len;         /* bytes */
    int binary;      /* 1: send in binary format (bytea) */
    int owned;
    unsigned oid;    /* type to declare to the server, 0 to let it infer */
    char small[40];  /* short converted text lives here (data points at it): no malloc per value;
                      * so the value must not be copied or moved while data is in use */
} rs_param_value;

/* Convert one parameter. len is the octet length the application gave (after SQL_NTS was
 * resolved by the caller for character data: pass SQL_NTS and the function measures).
 * sql_type/scale come from the IPD. Returns SQL_SUCCESS or SQL_ERROR (with a diagnostic). */
SQLRETURN rs_c_to_param(SQLSMALLINT ctype, const void *ptr, SQLLEN len, SQLSMALLINT sql_type,
                        SQLSMALLINT scale, rs_param_value *out, rs_diag *diag, SQLLEN row, int col);

/* The server type an ODBC SQL type declares, 0 for "let the server infer". */
unsigned rs_sql_type_oid(SQLSMALLINT sql_type);

void rs_param_value_free(rs_param_value *v);

/* A double as the text that gives it back exactly, in the C locale: what "%.17g" prints
 * (is_float: "%.9g", for a float's value), NaN, Infinity or -Infinity. Returns its length. */
int rs_double_text(double d, int is_float, char *buf, size_t buflen);

#endif
