/* dae.h - data at execution: SQLExecute/SQLExecDirect return SQL_NEED_DATA when a parameter's
 * indicator says SQL_DATA_AT_EXEC or SQL_LEN_DATA_AT_EXEC(n); SQLParamData names each such
 * parameter (row by row of the parameter set, in marker order), SQLPutData sends its value in
 * pieces, and the SQLParamData after the last one executes the statement. */
#ifndef RS_DAE_H
#define RS_DAE_H

#include <stddef.h>
#include "handles.h"

/* One gathered value: the raw C bytes of every piece, concatenated (UTF-16 is converted
 * only once it is whole, so a surrogate pair may be split between pieces). */
typedef struct rs_dae_value {
    char *buf;
    size_t len, cap;
    int given;             /* SQLPutData was called for it */
    int isnull;            /* it was SQL_NULL_DATA */
} rs_dae_value;

/* Before executing: when some parameter of some (not ignored) row is data at execution, start
 * gathering and return SQL_NEED_DATA; else SQL_SUCCESS (execute now). `direct` tells how to
 * execute at the end (SQLExecDirect or SQLExecute). */
SQLRETURN rs_dae_begin(rs_stmt *s, int *started);

/* The gathered value for parameter i (1-based) of row `row`; NULL when none is gathered. */
const rs_dae_value *rs_dae_value_of(const rs_stmt *s, SQLULEN row, int i);

/* SQLParamData: the next token, or the execution's return code once every value is in. */
SQLRETURN rs_stmt_param_data(rs_stmt *s, SQLPOINTER *token);

/* SQLPutData. */
SQLRETURN rs_stmt_put_data(rs_stmt *s, SQLPOINTER data, SQLLEN len);

/* End the sequence without executing (SQLCancel, SQLFreeStmt, a new statement). */
void rs_dae_end(rs_stmt *s);

/* HY010 while the statement is waiting for data at execution, else SQL_SUCCESS. */
SQLRETURN rs_dae_guard(rs_stmt *s);

#endif
