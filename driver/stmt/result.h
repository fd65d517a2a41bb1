/* result.h - the results of one execution: a queue of PGresults (one per statement of a
 * batch, for SQLMoreResults), the current one exposed through the IRD and row accessors.
 *
 * Every result set the driver shows goes through here, whether it came from the server or
 * was built locally (SQLGetTypeInfo), so fetch and SQLGetData have one path. */
#ifndef RS_RESULT_H
#define RS_RESULT_H

#include "handles.h"
#include "conn/session.h"

struct rs_result {
    PGresult **queue;    /* results in order; owned */
    int nqueue;
    int cur;             /* index of the current result */
    PGresult *pg;        /* queue[cur] */
    long nrows;          /* rows in the current result */
    int ncols;
    long pos;            /* first row of the current rowset; -1 before the first fetch */
    /* A result set read row by row (single-row mode): the values of absolute row base + i are
     * cells[i * ncols ...], their text (NUL-terminated) in arena. They are copied out of
     * libpq's one-row results, which are freed at once, and only the current rowset is kept
     * while it streams: the two buffers are reused rowset after rowset, so memory stays flat
     * and warm. pg is NULL then. A rowset of one row (SQLFetch one row at a time) is not copied
     * at all: its one-row PGresult is held until the next fetch (held; nbuf is 1). */
    int streamed;
    PGresult *held;
    struct rs_cell { size_t off; int len; } *cells;   /* len -1: NULL */
    char *arena;
    size_t arena_len, arena_cap;
    long nbuf, cap, base;   /* rows held, rows cells has room for, first row held */
    long seen;           /* rows read so far */
    int streaming;       /* more rows are on the wire */
    int cancel_ok;       /* closing early may cancel the query (a SELECT outside a transaction) */
};

/* Take ownership of results[0..n) and make the first current: IRD and row count set. */
SQLRETURN rs_result_install(rs_stmt *s, PGresult **results, int n);

/* Install a result set whose first row has just arrived in single-row mode; the rest stays
 * on the wire (dbc->streaming). Takes ownership of first_row. */
SQLRETURN rs_result_install_stream(rs_stmt *s, PGresult *first_row, int cancel_ok);

/* Append the row of a single-row-mode result to a streamed result's buffers (the caller
 * frees it). -1 when out of memory. */
int rs_result_keep_row(rs_result *r, const PGresult *row);

/* Keep the row of a single-row-mode result as it is, as the whole buffer (which must be empty):
 * no copy. Takes ownership of row; the next rs_result_keep_row copies it into the buffers. */
void rs_result_hold_row(rs_result *r, PGresult *row);

/* Drop the rows held before absolute row base + drop (forward-only streaming). */
void rs_result_drop_rows(rs_result *r, long drop);

/* Install a result that has no rows yet but describes them (PQdescribePrepared). */
void rs_result_describe(rs_stmt *s, const PGresult *desc);

/* Move to the next result of a batch: SQL_NO_DATA when none. */
SQLRETURN rs_result_next(rs_stmt *s);

/* The value at row `row` (absolute, 0-based) and column `col` (1-based). */
static inline const char *rs_result_value(const rs_result *r, long row, int col, int *len, int *isnull)
{
    if (r->held) {    /* row == r->base */
        *len = PQgetlength(r->held, 0, col - 1);
        *isnull = *len == 0 && PQgetisnull(r->held, 0, col - 1);
        return PQgetvalue(r->held, 0, col - 1);
    }
    if (r->streamed) {
        const struct rs_cell *c = &r->cells[(size_t)(row - r->base) * (size_t)r->ncols + (size_t)(col - 1)];
        *isnull = c->len < 0;
        *len = c->len < 0 ? 0 : c->len;
        return r->arena + c->off;
    }
    *isnull = PQgetisnull(r->pg, (int)row, col - 1);
    *len = PQgetlength(r->pg, (int)row, col - 1);
    return PQgetvalue(r->pg, (int)row, col - 1);
}

/* A local result set: column names and types, then rows of text (NULL for SQL NULL). */
PGresult *rs_result_local(const char *const *names, const unsigned *oids, int ncols);
int rs_result_local_add(PGresult *r, const char *const *values);

#endif
