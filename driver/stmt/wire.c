/* wire.c - the query-timeout clock and row-by-row result sets. */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "conn/pgerror.h"
#include "stmt/result.h"
#include "stmt/stmtlog.h"
#include "stmt/wire.h"

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void rs_wire_clock_start(rs_wire_clock *clk, const rs_stmt *s)
{
    clk->deadline = s->query_timeout > 0 ? now_seconds() + (double)s->query_timeout : 0;
    clk->timed_out = 0;
}

int rs_wire_wait(rs_stmt *s, rs_wire_clock *clk)
{
    PGconn *pg = s->dbc->pg;
    if (clk->deadline == 0)
        return 0;
    while (PQisBusy(pg)) {
        double left = clk->deadline - now_seconds();
        if (left <= 0) {
            if (clk->timed_out)
                return -1;
            char err[256];
            clk->timed_out = 1;
            if (!s->dbc->cancel || !PQcancel(s->dbc->cancel, err, sizeof err))
                return -1;
            clk->deadline = now_seconds() + RS_CANCEL_GRACE;
            continue;
        }
        struct pollfd p = { PQsocket(pg), POLLIN, 0 };
        int ms = left > 3600 ? 3600 * 1000 : (int)(left * 1000) + 1;
        int ready = poll(&p, 1, ms);
        if (ready < 0 && errno != EINTR)
            return 0;    /* let PQgetResult report the broken socket */
        if (ready > 0 && !PQconsumeInput(pg))
            return 0;
    }
    return 0;
}

/* The stream has ended: read what follows (nothing for one statement) so the connection is
 * free, and record the final row count. */
static void stream_ended(rs_stmt *s)
{
    rs_result *r = s->res;
    PGresult *tail;
    while ((tail = PQgetResult(s->dbc->pg)) != NULL)
        PQclear(tail);
    r->streaming = 0;
    if (s->dbc->streaming == s)
        s->dbc->streaming = NULL;
    s->row_count = r->seen;
    rs_stmtlog_stream_end(s, 1, r->seen);
}

/* Read one more row into the buffer: 1 a row, 0 the end, -1 an error (in s->diag). hold: the
 * row may be held as it is when it is the whole buffer (rs_result_hold_row). */
static int read_row(rs_stmt *s, rs_wire_clock *clk, int hold)
{
    rs_result *r = s->res;
    rs_dbc *c = s->dbc;
    if (rs_wire_wait(s, clk) < 0) {
        c->dead = 1;
        r->streaming = 0;
        c->streaming = NULL;
        rs_diag_add(&s->diag, "HYT00", 0,
                    "Query timeout expired and the server did not answer the cancel request; "
                    "the connection is closed.");
        return -1;
    }
    PGresult *row = PQgetResult(c->pg);
    ExecStatusType st = row ? PQresultStatus(row) : PGRES_FATAL_ERROR;
    if (st == PGRES_SINGLE_TUPLE) {
        if (hold && r->nbuf == 0) {
            rs_result_hold_row(r, row);
            r->seen++;
            r->nrows = r->seen;
            return 1;
        }
        int kept = rs_result_keep_row(r, row);
        PQclear(row);
        if (kept < 0) {
            rs_diag_oom(&s->diag);
            rs_stream_finish(s, 0);
            return -1;
        }
        r->seen++;
        r->nrows = r->seen;
        return 1;
    }
    if (st == PGRES_TUPLES_OK) {
        PQclear(row);
        stream_ended(s);
        return 0;
    }
    /* an error in the middle of the rows (division by zero at row 10,000, a killed backend) */
    const char *state = row ? PQresultErrorField(row, PG_DIAG_SQLSTATE) : NULL;
    /* Read what follows before reporting: a backend that is terminated sends its FATAL and
     * closes, and only then does libpq see the connection bad, which makes this 08S01
     * rather than the server's 57P01. */
    for (PGresult *tail; row && PQstatus(c->pg) != CONNECTION_BAD && (tail = PQgetResult(c->pg)) != NULL;)
        PQclear(tail);
    if (clk->timed_out && state && strcmp(state, "57014") == 0)
        rs_diag_add(&s->diag, "HYT00", 0, "Query timeout expired: the statement was cancelled.");
    else if (s->cancel_requested && state && strcmp(state, "57014") == 0)
        rs_diag_add(&s->diag, "HY008", 0, "Operation canceled: SQLCancel ended the statement.");
    else
        rs_diag_from_result(&s->diag, c, row);
    PQclear(row);
    if (!c->dead && PQstatus(c->pg) != CONNECTION_BAD)
        stream_ended(s);
    else {
        r->streaming = 0;
        c->streaming = NULL;
    }
    return -1;
}

SQLRETURN rs_stream_window(rs_stmt *s, long next, long want)
{
    rs_result *r = s->res;
    rs_result_drop_rows(r, next - r->base);   /* forward-only: never needed again */
    if (!r->streaming)
        return SQL_SUCCESS;
    rs_wire_clock clk;
    rs_wire_clock_start(&clk, s);
    while (r->streaming && r->base + r->nbuf < next + want) {
        int got = read_row(s, &clk, want == 1);
        if (got < 0)
            return SQL_ERROR;
        if (got == 0)
            break;
    }
    return SQL_SUCCESS;
}

void rs_stream_finish(rs_stmt *s, int keep)
{
    rs_result *r = s->res;
    rs_dbc *c = s->dbc;
    if (!r || !r->streaming || c->streaming != s || !c->pg)
        return;
    if (keep) {
        rs_wire_clock clk = { 0, 0 };
        while (r->streaming && read_row(s, &clk, 0) > 0)
            ;
        return;
    }
    /* Throwing rows away. What has already arrived is dropped without waiting: a short result
     * usually ends right there, and a cancel request (a new connection to the server) would
     * cost more than the rows. A SELECT still producing rows that began outside any transaction
     * is cancelled; anything else (a transaction would abort, INSERT ... RETURNING would roll
     * back) is read to its end. */
    PGresult *x;
    int finished = 0;
    long dropped = 0;    /* rows that had arrived, for the log */
    PQconsumeInput(c->pg);
    while (!PQisBusy(c->pg)) {
        if ((x = PQgetResult(c->pg)) == NULL) {
            finished = 1;
            break;
        }
        dropped += s->log_sent_ms > 0 && PQresultStatus(x) == PGRES_SINGLE_TUPLE;
        PQclear(x);
    }
    if (!finished) {
        if (r->cancel_ok && c->cancel) {
            char err[256];
            PQcancel(c->cancel, err, sizeof err);
        }
        while ((x = PQgetResult(c->pg)) != NULL)
            PQclear(x);
    }
    r->streaming = 0;
    c->streaming = NULL;
    rs_stmtlog_stream_end(s, finished, r->seen + dropped);
}

void rs_dbc_release_wire(rs_dbc *c)
{
    if (c->streaming)
        rs_stream_finish(c->streaming, 1);
}

void rs_dbc_abandon_wire(rs_dbc *c)
{
    if (c->streaming && c->streaming->res)
        c->streaming->res->streaming = 0;
    c->streaming = NULL;
}
