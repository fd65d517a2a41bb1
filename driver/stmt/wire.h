/* wire.h - reading results off the connection: the query-timeout clock, and result sets
 * streamed row by row (libpq's single-row mode) so memory stays bounded.
 *
 * One statement at a time may have rows still on the wire (dbc->streaming). Anything else
 * that needs the server first calls rs_dbc_release_wire(), which reads that statement's
 * remaining rows into its memory (correct results, no protocol error). */
#ifndef RS_WIRE_H
#define RS_WIRE_H

#include "handles.h"

/* After SQL_ATTR_QUERY_TIMEOUT the server is asked to cancel; if it does not answer within
 * this many more seconds the connection is given up. */
#define RS_CANCEL_GRACE 10.0

typedef struct rs_wire_clock {
    double deadline;     /* 0: no timeout, PQgetResult may block */
    int timed_out;       /* the cancel request was sent */
} rs_wire_clock;

void rs_wire_clock_start(rs_wire_clock *clk, const rs_stmt *s);

/* Wait until libpq can hand over the next result without blocking, within the query timeout.
 * Returns 0 when PQgetResult may be called, -1 when even the cancel went unanswered. */
int rs_wire_wait(rs_stmt *s, rs_wire_clock *clk);

/* Make the rows [next, next + want) available in s->res, reading from the wire while the
 * result streams; rows before `next` are freed (forward-only). Errors go to s->diag. */
SQLRETURN rs_stream_window(rs_stmt *s, long next, long want);

/* End a streaming result: keep = 1 reads every remaining row into memory; keep = 0 throws
 * them away (asking the server to cancel when that cannot undo anything). */
void rs_stream_finish(rs_stmt *s, int keep);

/* Free the wire for someone else: the streaming statement's rows are read into memory. */
void rs_dbc_release_wire(rs_dbc *c);

/* The connection is closing: forget the streaming rows without reading them. */
void rs_dbc_abandon_wire(rs_dbc *c);

#endif
