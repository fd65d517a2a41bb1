/* paramarray.c - parameter arrays (SQL_ATTR_PARAMSET_SIZE > 1): the outcome of each set
 * (status array, rows processed, SQL_DIAG_ROW_NUMBER, summed row counts, one result set per
 * set), sets sent in a libpq pipeline a window at a time, and a plain INSERT ... VALUES sent as
 * multi-row INSERTs (stmt/batchins.h). execute.c runs the first set and calls in here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conn/pgerror.h"
#include "conn/session.h"
#include "stmt/batchins.h"
#include "stmt/callparams.h"
#include "stmt/execute.h"
#include "stmt/paramarray.h"
#include "stmt/params.h"
#include "stmt/result.h"
#include "stmt/wire.h"
#include "util/log.h"

/* The server-side statement of a full-size multi-row INSERT batch (stmt/batchins.h). */
struct rs_batch_prep {
    char name[32];
    int rows, nparams;
    unsigned types[];    /* one set's declared types (every set has the same) */
};

void rs_array_drop_batch_prep(rs_stmt *s, int on_server)
{
    struct rs_batch_prep *b = s->batch_prep;
    if (!b)
        return;
    if (on_server && s->dbc->pg && !s->dbc->dead) {
        char sql[64];
        rs_dbc_release_wire(s->dbc);
        snprintf(sql, sizeof sql, "DEALLOCATE %s", b->name);
        PQclear(PQexec(s->dbc->pg, sql));
    }
    free(b);
    s->batch_prep = NULL;
}

/* With a parameter array, SQL_DIAG_ROW_NUMBER of a record is the number of the parameter
 * set it came from: records added from `first` on belong to set `set`. */
static void tag_param_set(rs_diag *d, int first, SQLLEN set)
{
    for (int i = first; i < d->count; i++)
        if (d->recs[i].row == SQL_NO_ROW_NUMBER)
            d->recs[i].row = set;
}

/* Before the next parameter set runs: keep the current result when it is a result set,
 * else just close it (row counts are summed instead). */
void rs_array_keep_or_close(rs_stmt *s, rs_array_results *acc)
{
    rs_result *r = s->res;
    if (r && r->nqueue > 0 && PQresultStatus(r->queue[0]) == PGRES_TUPLES_OK) {
        if (acc->n + r->nqueue > acc->cap) {
            int ncap = acc->cap ? acc->cap * 2 : 8;
            while (ncap < acc->n + r->nqueue)
                ncap *= 2;
            PGresult **nq = realloc(acc->q, (size_t)ncap * sizeof *nq);
            if (!nq) {
                acc->oom = 1;
                rs_stmt_close_result(s);
                return;
            }
            acc->q = nq;
            acc->cap = ncap;
        }
        for (int i = 0; i < r->nqueue; i++)
            acc->q[acc->n++] = r->queue[i];
        r->nqueue = 0;   /* the results now belong to acc */
    }
    rs_stmt_close_result(s);
}

/* Book one parameter set's outcome: statuses, processed count, diagnostics' set number,
 * summed row counts. */
static void account_set(rs_stmt *s, rs_array_state *st, SQLULEN row, SQLRETURN r, int first_rec)
{
    if (st->rows > 1)
        tag_param_set(&s->diag, first_rec, (SQLLEN)row + 1);
    if (s->ipd.rows_processed_ptr)
        *s->ipd.rows_processed_ptr = row + 1;
    if (s->ipd.array_status_ptr)
        s->ipd.array_status_ptr[row] = r == SQL_ERROR ? SQL_PARAM_ERROR
            : r == SQL_SUCCESS_WITH_INFO ? SQL_PARAM_SUCCESS_WITH_INFO : SQL_PARAM_SUCCESS;
    if (r == SQL_ERROR) {
        st->any_err = 1;
        if (st->rows == 1 || s->dbc->dead)
            st->stop = 1;
        return;
    }
    st->rc = rs_rc_merge(st->rc, r);
    st->any_ok = 1;
    if (s->row_count > 0)
        st->total += s->row_count;
}

/* Did the set whose records start at `first` end with the query timeout (HYT00)? */
static int set_timed_out(const rs_stmt *s, int first)
{
    for (int i = first; i < s->diag.count; i++)
        if (strcmp(s->diag.recs[i].sqlstate, "HYT00") == 0)
            return 1;
    return 0;
}

int rs_array_set_ignored(rs_stmt *s, SQLULEN row)
{
    rs_desc *apd = s->cur_apd;
    if (apd->array_status_ptr && apd->array_status_ptr[row] == SQL_PARAM_IGNORE) {
        if (s->ipd.array_status_ptr)
            s->ipd.array_status_ptr[row] = SQL_PARAM_UNUSED;
        return 1;
    }
    return 0;
}

int rs_array_run_set(rs_stmt *s, rs_array_state *st, SQLULEN row, int stream, int outputs)
{
    if (rs_array_set_ignored(s, row))
        return 0;
    rs_param_set ps;
    int first_rec = s->diag.count;
    SQLRETURN r = rs_params_build(s, row, &ps);
    if (RS_OK(r)) {
        st->rc = rs_rc_merge(st->rc, r);
        if (st->rows > 1)
            rs_array_keep_or_close(s, &st->acc);
        r = rs_stmt_execute_set(s, &ps, stream);
        if (RS_OK(r) && outputs)
            r = rs_rc_merge(r, rs_call_store_outputs(s, row));
    }
    rs_params_free(&ps);
    if (r == SQL_ERROR && set_timed_out(s, first_rec))
        st->timed_out = st->stop = 1;
    account_set(s, st, row, r, first_rec);
    return 1;
}

/* Parameter sets go out in a libpq pipeline, a window at a time: every set of the window is
 * sent, each with its own Sync so it runs on its own exactly as it would one by one, before
 * any answer is read. One round trip per window instead of one per set. */
#define RS_PIPELINE_WINDOW 256

/* Read one set's answers, up to its Sync; install what it returned. SQL_ATTR_QUERY_TIMEOUT
 * runs on `clk` as in collect(): past it the server is asked to cancel, and the set that was
 * running ends with HYT00. */
static SQLRETURN pipeline_read_set(rs_stmt *s, rs_array_state *st, rs_wire_clock *clk)
{
    rs_dbc *c = s->dbc;
    SQLRETURN r = SQL_SUCCESS;
    PGresult *keep = NULL;
    int failed = 0;
    for (;;) {
        if (rs_wire_wait(s, clk) < 0) {
            /* neither the set nor the cancel came back: the connection is given up */
            PQclear(keep);
            c->dead = 1;
            return rs_diag_add(&s->diag, "HYT00", 0,
                "Query timeout expired after %lu s and the server did not answer the cancel request "
                "within %.0f s; the connection is closed.", (unsigned long)s->query_timeout, RS_CANCEL_GRACE);
        }
        PGresult *res = PQgetResult(c->pg);
        if (!res) {
            if (PQstatus(c->pg) == CONNECTION_BAD) {
                PQclear(keep);
                return rs_diag_from_result(&s->diag, c, NULL);
            }
            continue;   /* the end of one query's results; its Sync follows */
        }
        ExecStatusType rs = PQresultStatus(res);
        if (rs == PGRES_PIPELINE_SYNC) {
            PQclear(res);
            break;
        }
        if (rs == PGRES_FATAL_ERROR || rs == PGRES_BAD_RESPONSE || rs == PGRES_PIPELINE_ABORTED) {
            const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
            if (!failed && clk->timed_out && state && strcmp(state, "57014") == 0)
                r = rs_diag_add(&s->diag, "HYT00", 0,
                    "Query timeout expired: the parameter array ran longer than SQL_ATTR_QUERY_TIMEOUT "
                    "(%lu s) and was cancelled.", (unsigned long)s->query_timeout);
            else if (!failed && s->cancel_requested && state && strcmp(state, "57014") == 0)
                r = rs_diag_add(&s->diag, "HY008", 0, "Operation canceled: SQLCancel ended the statement.");
            else if (!failed)
                r = rs == PGRES_PIPELINE_ABORTED
                    ? rs_diag_add(&s->diag, "HY000", 0, "The parameter set was not run: an earlier one failed.")
                    : rs_diag_from_result(&s->diag, c, res);
            failed = 1;
            PQclear(res);
            continue;
        }
        if (rs == PGRES_NONFATAL_ERROR)
            r = rs_rc_merge(r, rs_diag_from_result(&s->diag, c, res));
        PQclear(keep);
        keep = res;
    }
    if (failed || !keep) {
        PQclear(keep);
        return failed ? SQL_ERROR : r;
    }
    rs_array_keep_or_close(s, &st->acc);
    PGresult **q = malloc(sizeof *q);
    if (!q) {
        PQclear(keep);
        return rs_diag_oom(&s->diag);
    }
    q[0] = keep;
    return rs_rc_merge(r, rs_result_install(s, q, 1));
}

/* Send and read the sets [row, end) a window at a time, until done or stopped. */
void rs_array_run_pipelined(rs_stmt *s, rs_array_state *st, SQLULEN row, SQLULEN end)
{
    rs_dbc *c = s->dbc;
    SQLULEN window[RS_PIPELINE_WINDOW];
    int first_recs[RS_PIPELINE_WINDOW];
    SQLRETURN sent_rc[RS_PIPELINE_WINDOW];
    rs_wire_clock clk;   /* one query timeout for the pipelined sets together */
    rs_wire_clock_start(&clk, s);
    while (row < end && !st->stop) {
        int n = 0;
        if (!PQenterPipelineMode(c->pg)) {
            st->any_err = 1;
            st->stop = 1;
            rs_diag_from_result(&s->diag, c, NULL);
            return;
        }
        for (; row < end && n < RS_PIPELINE_WINDOW; row++) {
            if (rs_array_set_ignored(s, row))
                continue;
            rs_param_set ps;
            first_recs[n] = s->diag.count;
            SQLRETURN r = rs_params_build(s, row, &ps);
            int ok = 0;
            if (RS_OK(r)) {
                ok = s->prepared
                    ? PQsendQueryPrepared(c->pg, s->prep_name, s->nparams, (const char *const *)ps.values,
                                          ps.lengths, ps.formats, 0)
                    : PQsendQueryParams(c->pg, s->sql, s->nparams, ps.types, (const char *const *)ps.values,
                                        ps.lengths, ps.formats, 0);
                ok = ok && PQpipelineSync(c->pg);
                if (!ok)
                    r = rs_diag_from_result(&s->diag, c, NULL);
            }
            rs_params_free(&ps);
            window[n] = row;
            sent_rc[n] = ok ? r : SQL_ERROR;   /* a set that could not be sent has its record */
            n++;
            if (!ok && PQstatus(c->pg) == CONNECTION_BAD)
                break;
        }
        for (int i = 0; i < n; i++) {
            SQLRETURN r = sent_rc[i];
            if (r != SQL_ERROR && c->dead) {
                r = SQL_ERROR;   /* the connection was given up reading an earlier set */
            } else if (r != SQL_ERROR) {
                if (st->timed_out) {
                    /* past the timeout the sets already sent are cancelled as soon as they run */
                    clk.deadline = -1;
                    clk.timed_out = 0;
                }
                SQLRETURN got = pipeline_read_set(s, st, &clk);
                r = got == SQL_ERROR ? SQL_ERROR : rs_rc_merge(r, got);
                if (set_timed_out(s, first_recs[i]))
                    st->timed_out = st->stop = 1;
            }
            account_set(s, st, window[i], r, first_recs[i]);
        }
        PQexitPipelineMode(c->pg);
    }
}

/* ---- parameter arrays of a plain INSERT ... VALUES as multi-row INSERTs (stmt/batchins.h) ---- */

/* The sets of one multi-row INSERT, their parameters side by side (set j's at j * n). */
typedef struct batch {
    int n, cap, k;            /* markers per set, sets at most, sets in it */
    SQLULEN *rows;            /* the parameter set numbers (0-based) */
    unsigned *types;
    char **values;
    int *lengths, *formats;
    rs_param_value *vals;
    size_t bytes;
} batch;

static void batch_clear_slot(batch *b, int j)
{
    for (int i = j * b->n; i < (j + 1) * b->n; i++) {
        rs_param_value_free(&b->vals[i]);
        memset(&b->vals[i], 0, sizeof b->vals[i]);
    }
}

static void batch_free(batch *b)
{
    for (int j = 0; j < b->k; j++)
        batch_clear_slot(b, j);
    free(b->rows);
    free(b->types);
    free(b->values);
    free(b->lengths);
    free(b->formats);
    free(b->vals);
}

/* Re-run the sets of a failed batch one by one, so each gets its own status and diagnostic.
 * A statement prepared with SQLPrepare needs its server-side single-set statement first; the
 * sets until it exists run alone (exactly as execute_all's first set does). */
static void batch_fallback(rs_stmt *s, rs_array_state *st, const batch *b)
{
    SQLULEN end = b->rows[b->k - 1] + 1;
    for (SQLULEN row = b->rows[0]; row < end && !st->stop; row++) {
        if (!s->prepared || s->prep_name[0]) {
            rs_array_run_pipelined(s, st, row, end);
            return;
        }
        rs_array_run_set(s, st, row, 0, 0);
    }
}

/* Send one multi-row INSERT in a pipeline (inside a transaction between SAVEPOINT and
 * RELEASE, so a failure can be undone) and book its sets; a failed batch is re-run set by
 * set. */
static void batch_run(rs_stmt *s, rs_array_state *st, batch *b, const rs_batchins *shape, int in_txn,
                      rs_wire_clock *clk)
{
    rs_dbc *c = s->dbc;
    int n = b->n, k = b->k;
    /* a full batch of a prepared statement is prepared on the server once */
    struct rs_batch_prep *bp = s->batch_prep;
    int named = s->prepared && k == b->cap;
    int reuse = named && bp && bp->rows == k && bp->nparams == n &&
                memcmp(bp->types, b->types, (size_t)n * sizeof *b->types) == 0;
    if (named && !reuse) {
        rs_array_drop_batch_prep(s, 1);
        bp = calloc(1, sizeof *bp + (size_t)n * sizeof *bp->types);
        if (!bp)
            named = 0;
        else {
            snprintf(bp->name, sizeof bp->name, "rsodbc_%u_%u", c->id, ++c->next_stmt_id);
            bp->rows = k;
            bp->nparams = n;
            memcpy(bp->types, b->types, (size_t)n * sizeof *b->types);
        }
    }
    char *text = reuse ? NULL : rs_batchins_text(s->sql, shape, n, k);
    enum { SP, PREP, INS, REL } roles[4];
    int nq = 0, piped = 0, ok = text || reuse;
    if (ok && rs_log_enabled(RS_LOG_DEBUG))
        rs_log(RS_LOG_DEBUG, c->id, "execute: %d parameter sets as one INSERT%s%s", k,
               named ? " prepared as " : "", named ? bp->name : "");
    ok = piped = ok && PQenterPipelineMode(c->pg);
    if (ok && in_txn && (ok = PQsendQueryParams(c->pg, "SAVEPOINT rsodbc_batch", 0, NULL, NULL, NULL, NULL, 0)))
        roles[nq++] = SP;
    if (ok && named && !reuse && (ok = PQsendPrepare(c->pg, bp->name, text, n * k, b->types)))
        roles[nq++] = PREP;
    if (ok && (ok = named ? PQsendQueryPrepared(c->pg, bp->name, n * k, (const char *const *)b->values,
                                                b->lengths, b->formats, 0)
                          : PQsendQueryParams(c->pg, text, n * k, b->types, (const char *const *)b->values,
                                              b->lengths, b->formats, 0)))
        roles[nq++] = INS;
    if (ok && in_txn &&
        (ok = PQsendQueryParams(c->pg, "RELEASE SAVEPOINT rsodbc_batch", 0, NULL, NULL, NULL, NULL, 0)))
        roles[nq++] = REL;
    free(text);
    PGresult *ins = NULL, *err = NULL;
    int failed = !ok, prep_ok = 0, sp_ok = 0, lost = 0;
    if (piped && PQpipelineSync(c->pg)) {
        for (int q = 0; q < nq && !lost; q++) {
            PGresult *res;
            while (!(lost = rs_wire_wait(s, clk) < 0) && (res = PQgetResult(c->pg)) != NULL) {
                ExecStatusType rs = PQresultStatus(res);
                if (rs != PGRES_COMMAND_OK) {
                    failed = 1;
                    if (!err && rs == PGRES_FATAL_ERROR) {
                        err = res;
                        continue;
                    }
                }
                else if (roles[q] == PREP)
                    prep_ok = 1;
                else if (roles[q] == SP)
                    sp_ok = 1;
                else if (roles[q] == INS && !ins) {
                    ins = res;
                    continue;
                }
                PQclear(res);
            }
            if (PQstatus(c->pg) == CONNECTION_BAD)
                break;
        }
        if (!lost && PQstatus(c->pg) != CONNECTION_BAD)
            PQclear(PQgetResult(c->pg));   /* PGRES_PIPELINE_SYNC */
    } else {
        failed = 1;
    }
    if (piped && !lost)
        PQexitPipelineMode(c->pg);
    if (named && !reuse) {
        if (prep_ok)
            s->batch_prep = bp;
        else
            free(bp);
    }
    const char *errstate = err ? PQresultErrorField(err, PG_DIAG_SQLSTATE) : NULL;
    if (lost || (clk->timed_out && errstate && strcmp(errstate, "57014") == 0)) {
        /* SQL_ATTR_QUERY_TIMEOUT ended the batch: the array stops and fails, as set by set */
        int first_rec = s->diag.count;
        if (lost) {
            c->dead = 1;
            rs_diag_add(&s->diag, "HYT00", 0,
                "Query timeout expired after %lu s and the server did not answer the cancel request "
                "within %.0f s; the connection is closed.", (unsigned long)s->query_timeout, RS_CANCEL_GRACE);
        } else {
            rs_diag_add(&s->diag, "HYT00", 0,
                "Query timeout expired: the statement ran longer than SQL_ATTR_QUERY_TIMEOUT (%lu s) "
                "and was cancelled.", (unsigned long)s->query_timeout);
        }
        PQclear(err);
        PQclear(ins);
        for (int j = 0; j < k; j++)
            account_set(s, st, b->rows[j], SQL_ERROR, j == 0 ? first_rec : s->diag.count);
        st->timed_out = st->stop = 1;
        return;
    }
    PQclear(err);
    if (!failed && ins) {
        rs_array_keep_or_close(s, &st->acc);
        PGresult **q = malloc(sizeof *q);
        if (!q) {
            PQclear(ins);
            st->acc.oom = 1;
            st->stop = 1;
            return;
        }
        q[0] = ins;
        rs_result_install(s, q, 1);
        st->total += s->row_count > 0 ? s->row_count : 0;
        st->any_ok = 1;
        for (int j = 0; j < k; j++) {
            if (s->ipd.array_status_ptr)
                s->ipd.array_status_ptr[b->rows[j]] = SQL_PARAM_SUCCESS;
        }
        if (s->ipd.rows_processed_ptr)
            *s->ipd.rows_processed_ptr = b->rows[k - 1] + 1;
        return;
    }
    PQclear(ins);
    if (PQstatus(c->pg) == CONNECTION_BAD) {
        c->dead = 1;
        int first_rec = s->diag.count;
        rs_diag_from_result(&s->diag, c, NULL);
        for (int j = 0; j < k; j++)
            account_set(s, st, b->rows[j], SQL_ERROR, j == 0 ? first_rec : s->diag.count);
        return;
    }
    /* Nothing of the batch was inserted (one statement); undo the failed part of the
     * transaction and let each set show its own outcome. */
    if (sp_ok)
        PQclear(PQexec(c->pg, "ROLLBACK TO SAVEPOINT rsodbc_batch; RELEASE SAVEPOINT rsodbc_batch"));
    batch_fallback(s, st, b);
}

/* Run a parameter array of a plain INSERT as multi-row INSERTs. Returns 0 when the statement
 * does not qualify (nothing done), 1 when every set was handled. */
int rs_array_run_batched(rs_stmt *s, rs_array_state *st)
{
    rs_dbc *c = s->dbc;
    rs_batchins shape;
    if (!s->single_stmt || !rs_batchins_shape(s->sql, s->nparams, &shape) || c->streaming ||
        PQpipelineStatus(c->pg) != PQ_PIPELINE_OFF)
        return 0;
    SQLRETURN rc = rs_session_begin_if_needed(c, &s->diag);
    if (!RS_OK(rc))
        return 0;   /* the set-by-set path reports it */
    PGTransactionStatusType ts = PQtransactionStatus(c->pg);
    /* Redshift has no SAVEPOINT: inside a transaction a failed batch could not be undone to
     * re-run its sets one by one, so there the sets go out set by set as before */
    if (ts == PQTRANS_INERROR || (ts == PQTRANS_INTRANS && c->server.is_redshift))
        return 0;
    int in_txn = ts != PQTRANS_IDLE;
    batch b = { 0 };
    b.n = s->nparams;
    b.cap = rs_batchins_max_rows(b.n);
    if ((SQLULEN)b.cap > st->rows)
        b.cap = (int)st->rows;
    size_t slots = (size_t)b.cap * (size_t)b.n;
    b.rows = malloc((size_t)b.cap * sizeof *b.rows);
    b.types = malloc(slots * sizeof *b.types);
    b.values = malloc(slots * sizeof *b.values);
    b.lengths = malloc(slots * sizeof *b.lengths);
    b.formats = malloc(slots * sizeof *b.formats);
    b.vals = calloc(slots, sizeof *b.vals);
    if (!b.rows || !b.types || !b.values || !b.lengths || !b.formats || !b.vals) {
        batch_free(&b);
        return 0;
    }
    rs_wire_clock clk;   /* one query timeout for the whole array, as when pipelined */
    rs_wire_clock_start(&clk, s);
    SQLULEN row = 0;
    while (row < st->rows && !st->stop) {
        if (PQtransactionStatus(c->pg) == PQTRANS_INERROR) {
            /* a set failed inside the transaction: the rest fail as they would one by one */
            rs_array_run_pipelined(s, st, row, st->rows);
            break;
        }
        SQLULEN bad = st->rows;   /* a set whose parameters could not be converted */
        b.k = 0;
        b.bytes = 0;
        while (row < st->rows && b.k < b.cap && b.bytes < RS_BATCH_MAX_BYTES) {
            if (rs_array_set_ignored(s, row)) {
                row++;
                continue;
            }
            int first_rec = s->diag.count;
            size_t at = (size_t)b.k * (size_t)b.n;
            int nsent;
            SQLRETURN r = rs_params_build_at(s, row, b.types + at, b.values + at, b.lengths + at,
                                             b.formats + at, b.vals + at, &nsent);
            if (!RS_OK(r)) {
                batch_clear_slot(&b, b.k);
                tag_param_set(&s->diag, first_rec, (SQLLEN)row + 1);
                bad = row++;
                break;
            }
            if (b.k > 0 && memcmp(b.types + at, b.types, (size_t)b.n * sizeof *b.types) != 0) {
                batch_clear_slot(&b, b.k);   /* other types: this set starts the next batch */
                break;
            }
            for (int i = 0; i < b.n; i++)
                b.bytes += b.values[at + (size_t)i] ? (size_t)b.lengths[at + (size_t)i] : 0;
            b.rows[b.k++] = row++;
        }
        if (b.k > 0)
            batch_run(s, st, &b, &shape, in_txn, &clk);
        for (int j = 0; j < b.k; j++)
            batch_clear_slot(&b, j);
        if (bad < st->rows)
            account_set(s, st, bad, SQL_ERROR, s->diag.count);
    }
    b.k = 0;
    batch_free(&b);
    return 1;
}
