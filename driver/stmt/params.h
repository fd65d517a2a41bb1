/* params.h - bound parameters (APD + IPD) to libpq's parameter arrays for one row of the
 * parameter set. */
#ifndef RS_PARAMS_H
#define RS_PARAMS_H

#include "handles.h"
#include "types/cparam.h"

typedef struct rs_param_set {
    int n;
    unsigned *types;      /* declared OIDs (0: infer) */
    char **values;        /* NULL for SQL NULL */
    int *lengths;
    int *formats;
    rs_param_value *vals;
} rs_param_set;

/* Build the parameters of row `row` (0-based). Checks that every marker is bound (07002). */
SQLRETURN rs_params_build(rs_stmt *s, SQLULEN row, rs_param_set *ps);
void rs_params_free(rs_param_set *ps);

/* SQLBindParameter. */
SQLRETURN rs_stmt_bind_parameter(rs_stmt *s, SQLUSMALLINT num, SQLSMALLINT io_type, SQLSMALLINT ctype,
                                 SQLSMALLINT sql_type, SQLULEN col_size, SQLSMALLINT digits,
                                 SQLPOINTER value, SQLLEN buflen, SQLLEN *ind);

#endif
