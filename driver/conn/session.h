/* session.h - the session after connect: server detection, settings, transactions. */
#ifndef RS_SESSION_H
#define RS_SESSION_H

#include "handles.h"

/* Detect the server once (Redshift or PostgreSQL) and apply session settings. */
SQLRETURN rs_session_setup(rs_dbc *c);

/* Before a statement: when autocommit is off and no transaction is open, open one. */
SQLRETURN rs_session_begin_if_needed(rs_dbc *c, rs_diag *d);

/* SQLEndTran on a connection: SQL_COMMIT or SQL_ROLLBACK. */
SQLRETURN rs_session_end_tran(rs_dbc *c, SQLSMALLINT completion);

/* Run a command that returns no rows (SET, BEGIN...); errors go to d. */
SQLRETURN rs_session_command(rs_dbc *c, rs_diag *d, const char *sql);

/* Statement-layer hooks the connection needs (defined in stmt/). */
void rs_stmt_close_result(rs_stmt *s);
void rs_stmt_unprepare(rs_stmt *s);
void rs_stmt_forget_prepared(rs_stmt *s);

#endif
