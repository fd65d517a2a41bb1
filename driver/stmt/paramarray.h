/* paramarray.h - parameter arrays: per-set outcomes, pipelined sets, multi-row INSERT
 * batches. Used by execute.c's execute_all. */
#ifndef RS_PARAMARRAY_H
#define RS_PARAMARRAY_H

#include "handles.h"

/* A parameter array's result sets: one per parameter set, in order, as SQL_PAS_BATCH
 * promises. */
typedef struct rs_array_results {
    PGresult **q;
    int n, cap;
    int oom;
} rs_array_results;

/* What the parameter sets of one execution add up to. */
typedef struct rs_array_state {
    SQLULEN rows;
    SQLLEN total;
    int any_ok, any_err, stop;
    int timed_out;      /* SQL_ATTR_QUERY_TIMEOUT ended a set: the array stops, SQL_ERROR */
    SQLRETURN rc;
    rs_array_results acc;
} rs_array_state;

/* Before the next parameter set runs: keep the statement's current result in acc when it is a
 * result set, else close it. */
void rs_array_keep_or_close(rs_stmt *s, rs_array_results *acc);

/* Is set `row` marked SQL_PARAM_IGNORE? (Then its IPD status becomes SQL_PARAM_UNUSED.) */
int rs_array_set_ignored(rs_stmt *s, SQLULEN row);

/* Run parameter set `row` alone and book its outcome: build its parameters, execute them
 * (stream: the result may stream; outputs: a {call}'s returned row goes to its output
 * parameters), and stop the array when the query timeout ended it. 0 when the set is marked
 * SQL_PARAM_IGNORE (nothing run), else 1. */
int rs_array_run_set(rs_stmt *s, rs_array_state *st, SQLULEN row, int stream, int outputs);

/* Send and read the sets [row, end) in a libpq pipeline, until done or st->stop. */
void rs_array_run_pipelined(rs_stmt *s, rs_array_state *st, SQLULEN row, SQLULEN end);

/* Run the whole array of a plain INSERT ... VALUES as multi-row INSERTs. 0 when the statement
 * does not qualify (nothing done), 1 when every set was handled. */
int rs_array_run_batched(rs_stmt *s, rs_array_state *st);

/* Forget the server-side statement of full-size batches (DEALLOCATE it when on_server). */
void rs_array_drop_batch_prep(rs_stmt *s, int on_server);

#endif
