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
};

/* Take ownership of results[0..n) and make the first current: IRD and row count set. */
SQLRETURN rs_result_install(rs_stmt *s, PGresult **results, int n);

/* Install a result that has no rows yet but describes them (PQdescribePrepared). */
void rs_result_describe(rs_stmt *s, const PGresult *desc);

/* Move to the next result of a batch: SQL_NO_DATA when none. */
SQLRETURN rs_result_next(rs_stmt *s);

/* The value at row `row` (absolute, 0-based) and column `col` (1-based). */
static inline const char *rs_result_value(const rs_result *r, long row, int col, int *len, int *isnull)
{
    *isnull = PQgetisnull(r->pg, (int)row, col - 1);
    *len = PQgetlength(r->pg, (int)row, col - 1);
    return PQgetvalue(r->pg, (int)row, col - 1);
}

/* A local result set: column names and types, then rows of text (NULL for SQL NULL). */
PGresult *rs_result_local(const char *const *names, const unsigned *oids, int ncols);
int rs_result_local_add(PGresult *r, const char *const *values);

#endif
