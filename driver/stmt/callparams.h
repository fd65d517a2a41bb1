/* callparams.h - the output parameters of {call} escapes: which of the application's
 * parameters go to the server, and writing the row a call returns back into the bound
 * output buffers.
 *
 * {? = call f(?)} runs as SELECT f($1): parameter 1 is the function's value and is not sent.
 * {call p(?, ?)} runs as CALL p($1, $2): PostgreSQL takes an argument (NULL) for each OUT
 * parameter of a procedure, Redshift takes none, so there OUTPUT parameters are left out of
 * the text. Either way the one row returned holds the OUT and INOUT values in order; they go
 * to the parameters bound SQL_PARAM_OUTPUT / SQL_PARAM_INPUT_OUTPUT (and the return value)
 * in marker order, and the row is not shown as a result set. */
#ifndef RS_CALLPARAMS_H
#define RS_CALLPARAMS_H

#include "handles.h"

/* SQL_PARAM_INPUT, _OUTPUT or _INPUT_OUTPUT for parameter i (1-based); the return value of
 * {? = call} is always an output. */
SQLSMALLINT rs_call_param_io(const rs_stmt *s, int i);

/* Does the server get parameter i? (0 for the return value, and for OUTPUT parameters of a
 * {call} on Redshift.) */
int rs_call_param_sent(const rs_stmt *s, int i);

/* Is parameter i sent as a NULL placeholder (an OUTPUT parameter of a {call} on PostgreSQL)? */
int rs_call_param_placeholder(const rs_stmt *s, int i);

/* Does this execution write output parameters back (a {call} with the return value or an
 * OUTPUT / INPUT_OUTPUT parameter bound)? */
int rs_call_has_outputs(const rs_stmt *s);

/* The text to run when it differs from s->sql (OUTPUT arguments left out for Redshift):
 * *text is malloc'd, or NULL when s->sql serves. */
SQLRETURN rs_call_server_text(rs_stmt *s, char **text);

/* After parameter set `row` (0-based) ran: write the returned row into the output
 * parameters, then close the result (no cursor is open after a call with outputs). */
SQLRETURN rs_call_store_outputs(rs_stmt *s, SQLULEN row);

#endif
