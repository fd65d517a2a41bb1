/* execute.h - SQLPrepare, SQLExecute, SQLExecDirect, SQLMoreResults, SQLNumParams. */
#ifndef RS_EXECUTE_H
#define RS_EXECUTE_H

#include "handles.h"

SQLRETURN rs_stmt_prepare(rs_stmt *s, const char *sql, size_t len);
SQLRETURN rs_stmt_execute(rs_stmt *s);
SQLRETURN rs_stmt_exec_direct(rs_stmt *s, const char *sql, size_t len);
SQLRETURN rs_stmt_more_results(rs_stmt *s);

/* SQLDescribeParam: the server's type for marker num (1-based). */
SQLRETURN rs_stmt_describe_param(rs_stmt *s, SQLUSMALLINT num, SQLSMALLINT *type, SQLULEN *size,
                                 SQLSMALLINT *digits, SQLSMALLINT *nullable);

/* Execute with the values data at execution gathered (stmt/dae.c). */
SQLRETURN rs_stmt_execute_gathered(rs_stmt *s);

/* Execute the current text once with the values of one parameter set (stmt/params.h);
 * stream: read a result set row by row (forward-only, single statement). */
struct rs_param_set;
SQLRETURN rs_stmt_execute_set(rs_stmt *s, const struct rs_param_set *ps, int stream);

/* After SQLPrepare: make sure the IRD describes the result (asks the server once). */
SQLRETURN rs_stmt_ensure_described(rs_stmt *s);

/* Run a catalog query with text parameters and install its result. */
SQLRETURN rs_stmt_run_query(rs_stmt *s, const char *sql, int nparams, const char *const *values);

/* Install a result the driver built itself (SQLGetTypeInfo). Takes ownership. */
SQLRETURN rs_stmt_install_local(rs_stmt *s, PGresult *res);

/* SQLFreeStmt(SQL_CLOSE) / SQLCloseCursor. */
SQLRETURN rs_stmt_close_cursor(rs_stmt *s, int must_be_open);

#endif
