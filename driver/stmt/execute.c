/* execute.c - statements to the server through libpq, results back into the statement. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conn/pgerror.h"
#include "conn/session.h"
#include "stmt/callparams.h"
#include "stmt/dae.h"
#include "stmt/desc.h"
#include "stmt/execute.h"
#include "stmt/paramarray.h"
#include "stmt/params.h"
#include "stmt/paramtarget.h"
#include "stmt/result.h"
#include "stmt/sqltext.h"
#include "stmt/stmtlog.h"
#include "stmt/wire.h"
#include "types/pgtypes.h"
#include "util/log.h"

/* The connection must be open and alive before anything goes to the server. */
static SQLRETURN check_conn(rs_stmt *s)
{
    if (!s->dbc->pg)
        return rs_diag_add(&s->diag, "08003", 0, "The connection is not open.");
    if (s->dbc->dead)
        return rs_diag_add(&s->diag, "08S01", 0,
                           "Communication link failure: the connection was lost; reconnect.");
    /* another statement's rows still on the wire are read into its memory first */
    if (s->dbc->streaming && s->dbc->streaming != s)
        rs_dbc_release_wire(s->dbc);
    return SQL_SUCCESS;
}

static SQLRETURN set_text(rs_stmt *s, const char *sql, size_t len)
{
    char state[6], why[256];
    rs_sqltext t;
    if (rs_sqltext_rewrite(sql, len, (s->noscan == SQL_NOSCAN_ON ? RS_SQLTEXT_NOSCAN : 0) |
                           (s->dbc->server.is_redshift ? RS_SQLTEXT_REDSHIFT : 0), &t, state, why, sizeof why) < 0)
        return rs_diag_add(&s->diag, state, 0, "%s", why);
    char *odbc = NULL;
    if (t.call_escape && !(odbc = strndup(sql, len))) {
        free(t.sql);
        return rs_diag_oom(&s->diag);
    }
    free(s->sql);
    free(s->odbc_sql);
    s->sql = t.sql;
    s->odbc_sql = odbc;
    s->nparams = t.nparams;
    s->nserver = t.nserver;
    s->call_escape = (unsigned char)t.call_escape;
    s->call_ret = (unsigned char)t.ret_value;
    s->single_stmt = (unsigned char)t.single;
    s->plain_select = (unsigned char)t.plain_select;
    return SQL_SUCCESS;
}

void rs_stmt_forget_prepared(rs_stmt *s)
{
    s->prep_name[0] = '\0';
    rs_array_drop_batch_prep(s, 0);
}

void rs_stmt_unprepare(rs_stmt *s)
{
    rs_dae_end(s);
    rs_array_drop_batch_prep(s, 1);
    if (s->prep_name[0] && s->dbc->pg && !s->dbc->dead) {
        char sql[64];
        rs_dbc_release_wire(s->dbc);
        snprintf(sql, sizeof sql, "DEALLOCATE %s", s->prep_name);
        PQclear(PQexec(s->dbc->pg, sql));
    }
    s->prep_name[0] = '\0';
    free(s->sql);
    s->sql = NULL;
    free(s->odbc_sql);
    s->odbc_sql = NULL;
    s->nparams = s->nserver = 0;
    s->call_escape = s->call_ret = 0;
    s->prepared = 0;
}

/* Collect every result of what was sent; the first failure stops the batch. */
static SQLRETURN collect(rs_stmt *s)
{
    rs_dbc *c = s->dbc;
    PGresult **q = NULL;
    int n = 0, cap = 0;
    SQLRETURN rc = SQL_SUCCESS;
    PGresult *r, *failed = NULL;
    rs_wire_clock clk;
    rs_wire_clock_start(&clk, s);
    for (;;) {
        if (rs_wire_wait(s, &clk) < 0) {
            /* neither the statement nor the cancel came back: the connection is lost */
            c->dead = 1;
            for (int i = 0; i < n; i++)
                PQclear(q[i]);
            free(q);
            PQclear(failed);
            return rs_diag_add(&s->diag, "HYT00", 0,
                "Query timeout expired after %lu s and the server did not answer the cancel request "
                "within %.0f s; the connection is closed.", (unsigned long)s->query_timeout, RS_CANCEL_GRACE);
        }
        if ((r = PQgetResult(c->pg)) == NULL)
            break;
        rs_stmtlog_first(s);
        ExecStatusType st = PQresultStatus(r);
        if (st == PGRES_SINGLE_TUPLE && n == 0 && !failed) {
            /* the first row of a streamed result set: the rest stays on the wire */
            return rs_rc_merge(rc, rs_result_install_stream(s, r, s->cancel_ok));
        }
        if (st == PGRES_FATAL_ERROR || st == PGRES_BAD_RESPONSE) {
            if (rc != SQL_ERROR && !failed)
                failed = r;
            else
                PQclear(r);
            continue;
        }
        if (failed || rc == SQL_ERROR || st == PGRES_EMPTY_QUERY) {
            PQclear(r);
            continue;
        }
        if (st == PGRES_NONFATAL_ERROR)
            rc = rs_rc_merge(rc, rs_diag_from_result(&s->diag, c, r));
        if (n == cap) {
            cap = cap ? cap * 2 : 4;
            PGresult **nq = realloc(q, (size_t)cap * sizeof *nq);
            if (!nq) {
                PQclear(r);
                rc = rs_diag_oom(&s->diag);
                continue;
            }
            q = nq;
        }
        q[n++] = r;
    }
    /* The first failure is reported once every result is read: a server that ends the
     * session (FATAL, then it closes) has by then left the connection bad, and that is a
     * communication link failure (08S01), not just the server's SQLSTATE. */
    if (failed) {
        const char *state = PQresultErrorField(failed, PG_DIAG_SQLSTATE);
        if (s->cancel_requested && state && strcmp(state, "57014") == 0)
            rc = rs_diag_add(&s->diag, "HY008", 0, "Operation canceled: SQLCancel ended the statement.");
        else if (clk.timed_out && state && strcmp(state, "57014") == 0)
            rc = rs_diag_add(&s->diag, "HYT00", 0,
                "Query timeout expired: the statement ran longer than SQL_ATTR_QUERY_TIMEOUT (%lu s) "
                "and was cancelled.", (unsigned long)s->query_timeout);
        else
            rc = rs_diag_from_result(&s->diag, c, failed);
        PQclear(failed);
    } else if (PQstatus(c->pg) == CONNECTION_BAD && rc != SQL_ERROR) {
        rc = rs_diag_from_result(&s->diag, c, NULL);
    }
    if (rc == SQL_ERROR || n == 0) {
        for (int i = 0; i < n; i++)
            PQclear(q[i]);
        free(q);
        if (rc != SQL_ERROR) {
            /* an empty statement: no result, nothing affected, no columns (the IRD must
             * not go on describing the previous statement's result) */
            rs_desc_clear(&s->ird);
            s->row_count = -1;
            s->state = RS_S_EXECUTED;
        }
        return rc;
    }
    return rs_rc_merge(rc, rs_result_install(s, q, n));
}

static SQLRETURN sent(rs_stmt *s, int ok)
{
    SQLRETURN rc = ok ? collect(s) : rs_diag_from_result(&s->diag, s->dbc, NULL);
    rs_stmtlog_done(s, rc);
    return rc;
}

/* Prepare on the server once, with the parameter types of the first execution. */
static SQLRETURN server_prepare(rs_stmt *s, const unsigned *types)
{
    if (s->prep_name[0])
        return SQL_SUCCESS;
    rs_dbc *c = s->dbc;
    char name[32];
    snprintf(name, sizeof name, "rsodbc_%u_%u", c->id, ++c->next_stmt_id);
    rs_log(RS_LOG_DEBUG, c->id, "prepare %s: %s", name, s->sql);
    PGresult *r = PQprepare(c->pg, name, s->sql, s->nserver, types);
    SQLRETURN rc = SQL_SUCCESS;
    if (!r || PQresultStatus(r) != PGRES_COMMAND_OK)
        rc = rs_diag_from_result(&s->diag, c, r);
    PQclear(r);
    if (rc == SQL_ERROR)
        return rc;
    snprintf(s->prep_name, sizeof s->prep_name, "%s", name);
    return rc;
}

SQLRETURN rs_stmt_prepare(rs_stmt *s, const char *sql, size_t len)
{
    SQLRETURN rc = rs_dae_guard(s);
    if (rc != SQL_SUCCESS)
        return rc;
    rc = check_conn(s);
    if (!RS_OK(rc))
        return rc;
    rs_stmt_close_result(s);
    rs_stmt_unprepare(s);
    rc = set_text(s, sql, len);
    if (!RS_OK(rc))
        return rc;
    rs_desc_clear(&s->ird);
    s->prepared = 1;
    s->state = RS_S_PREPARED;
    return rc;
}

SQLRETURN rs_stmt_ensure_described(rs_stmt *s)
{
    /* executed without a result set (a call whose row went to its output parameters): no columns */
    if (s->res || !s->prepared || s->ird.count > 0 || s->state == RS_S_EXECUTED)
        return SQL_SUCCESS;
    SQLRETURN rc = check_conn(s);
    if (!RS_OK(rc))
        return rc;
    rc = server_prepare(s, NULL);
    if (!RS_OK(rc))
        return rc;
    PGresult *d = PQdescribePrepared(s->dbc->pg, s->prep_name);
    if (!d || PQresultStatus(d) != PGRES_COMMAND_OK)
        rc = rs_diag_from_result(&s->diag, s->dbc, d);
    else
        rs_result_describe(s, d);
    PQclear(d);
    return rc;
}

SQLRETURN rs_stmt_describe_param(rs_stmt *s, SQLUSMALLINT num, SQLSMALLINT *type, SQLULEN *size,
                                 SQLSMALLINT *digits, SQLSMALLINT *nullable)
{
    SQLRETURN rc = rs_dae_guard(s);
    if (rc != SQL_SUCCESS)
        return rc;
    if (!s->sql)
        return rs_diag_add(&s->diag, "HY010", 0, "SQLDescribeParam needs a prepared statement.");
    if (num < 1 || num > s->nparams)
        return rs_diag_add(&s->diag, "07009", 0, "Invalid parameter number %u: the statement has %d markers.",
                           num, s->nparams);
    rc = check_conn(s);
    if (!RS_OK(rc))
        return rc;
    rs_dbc *c = s->dbc;
    if (c->streaming)
        rs_dbc_release_wire(c);   /* this statement's own rows may still be on the wire */
    PGresult *d;
    if (s->prep_name[0]) {
        d = PQdescribePrepared(c->pg, s->prep_name);
    } else {
        /* the unnamed statement, so the types SQLBindParameter declares still count at
         * execution (a named prepare would fix the server's guesses) */
        PGresult *p = PQprepare(c->pg, "", s->sql, 0, NULL);
        if (!p || PQresultStatus(p) != PGRES_COMMAND_OK) {
            rc = rs_diag_from_result(&s->diag, c, p);
            PQclear(p);
            return rc;
        }
        PQclear(p);
        d = PQdescribePrepared(c->pg, "");
    }
    /* The return value of {? = call f(...)} is the one column SELECT f(...) returns; the
     * other markers are the server's, one less. */
    int ret = s->call_ret && num == 1;
    int snum = num - (s->call_ret ? 1 : 0);
    if (!d || PQresultStatus(d) != PGRES_COMMAND_OK || (ret ? PQnfields(d) < 1 : PQnparams(d) < snum)) {
        rc = d && PQresultStatus(d) == PGRES_COMMAND_OK
            ? rs_diag_add(&s->diag, "07009", 0, "The server knows no parameter %u.", num)
            : rs_diag_from_result(&s->diag, c, d);
        PQclear(d);
        return rc;
    }
    /* the server tells the type only (no typmod, no nullability); a bare marker of a plain
     * INSERT takes its column's typmod from the catalog */
    unsigned poid = ret ? PQftype(d, 0) : PQparamtype(d, snum - 1), coid = 0;
    PQclear(d);
    const rs_pgtype *t = rs_pgtype_lookup(poid);
    int typmod = -1;
    if (!ret && (t->oid == RS_OID_NUMERIC || t->oid == RS_OID_VARCHAR || t->oid == RS_OID_BPCHAR ||
                 t->oid == RS_OID_TIMESTAMP || t->oid == RS_OID_TIMESTAMPTZ || t->oid == RS_OID_TIME) &&
        (rs_param_target(s, snum, &coid, &typmod) < 0 || coid != poid))
        typmod = -1;
    if (type)
        *type = rs_pgtype_sql_type(t, typmod);
    if (size)
        *size = rs_pgtype_column_size(t, typmod);
    if (digits)
        *digits = rs_pgtype_decimal_digits(t, typmod);
    /* A numeric parameter whose scale is unknown: scale 0 would make applications that scale
     * their values by it (pyodbc's fast_executemany) refuse every fraction, so say 6, leaving
     * 32 integer digits of 38. */
    if (digits && t->oid == RS_OID_NUMERIC && typmod < 0)
        *digits = 6;
    if (nullable)
        *nullable = SQL_NULLABLE_UNKNOWN;
    return SQL_SUCCESS;
}

/* Execute the current text once with the parameters of one row of the parameter set. */
SQLRETURN rs_stmt_execute_set(rs_stmt *s, const rs_param_set *ps, int stream)
{
    rs_dbc *c = s->dbc;
    SQLRETURN rc = rs_session_begin_if_needed(c, &s->diag);
    if (!RS_OK(rc))
        return rc;
    /* cancelling a streamed SELECT closed early can only undo something inside a transaction */
    s->cancel_ok = s->plain_select && PQtransactionStatus(c->pg) == PQTRANS_IDLE;
    s->cancel_requested = 0;
    int ok;
    char *call_text;   /* a {call} on Redshift without its OUT arguments */
    rc = rs_rc_merge(rc, rs_call_server_text(s, &call_text));
    if (rc == SQL_ERROR)
        return rc;
    rs_stmtlog_sent(s, "execute", call_text ? call_text : s->sql, ps->n, (const char *const *)ps->values,
                    ps->lengths, ps->formats);
    if (call_text) {
        ok = PQsendQueryParams(c->pg, call_text, ps->n, ps->types, (const char *const *)ps->values,
                               ps->lengths, ps->formats, 0);
        free(call_text);
    } else if (ps->n == 0 && !s->prep_name[0]) {
        ok = PQsendQuery(c->pg, s->sql);
    } else if (s->prepared) {
        rc = server_prepare(s, ps->types);
        if (!RS_OK(rc)) {
            rs_stmtlog_done(s, rc);
            return rc;
        }
        ok = PQsendQueryPrepared(c->pg, s->prep_name, ps->n, (const char *const *)ps->values,
                                 ps->lengths, ps->formats, 0);
    } else {
        ok = PQsendQueryParams(c->pg, s->sql, ps->n, ps->types, (const char *const *)ps->values,
                               ps->lengths, ps->formats, 0);
    }
    /* Forward-only result sets of a single statement stream row by row: memory stays bounded
     * however many rows come back. Static cursors and batches are read whole. */
    if (ok && stream)
        PQsetSingleRowMode(c->pg);
    return rs_rc_merge(rc, sent(s, ok));
}

/* ODBC 3: a searched INSERT, UPDATE, DELETE or MERGE that affected no rows returns
 * SQL_NO_DATA; ODBC 2 applications get SQL_SUCCESS. Batches keep SQL_SUCCESS so the
 * application goes on to SQLMoreResults. */
static int affected_nothing(const rs_stmt *s)
{
    if (s->dbc->env->odbc_version == SQL_OV_ODBC2 || !s->res || s->res->nqueue != 1 ||
        s->state != RS_S_EXECUTED || s->row_count != 0)
        return 0;
    const char *tag = PQcmdStatus(s->res->pg);
    return strncmp(tag, "INSERT ", 7) == 0 || strncmp(tag, "UPDATE ", 7) == 0 ||
           strncmp(tag, "DELETE ", 7) == 0 || strncmp(tag, "MERGE ", 6) == 0;
}

/* Run for every row of the parameter array. Result sets of all rows are kept for
 * SQLMoreResults; for other statements the row counts are summed (one count for the array). */
static SQLRETURN execute_all(rs_stmt *s)
{
    SQLRETURN rc = check_conn(s);
    if (!RS_OK(rc))
        return rc;
    rs_stmt_close_result(s);
    if (!s->dae) {
        /* data at execution: SQLParamData/SQLPutData gather the values, then come back here */
        int started;
        SQLRETURN r = rs_dae_begin(s, &started);
        if (started || r == SQL_ERROR)
            return r;
    }
    rs_desc *apd = s->cur_apd;
    rs_array_state st = { 0 };
    st.rows = s->nparams ? (apd->array_size ? apd->array_size : 1) : 1;
    double log_t0 = st.rows > 1 && rs_log_enabled(RS_LOG_DEBUG) ? rs_log_clock_ms() : 0;
    st.rc = rc;
    int outputs = rs_call_has_outputs(s);   /* each set's returned row goes to its parameters */
    if (s->ipd.rows_processed_ptr)
        *s->ipd.rows_processed_ptr = 0;
    /* A plain INSERT ... VALUES goes out as multi-row INSERTs; else the first set runs alone:
     * it opens the transaction when autocommit is off and prepares the statement on the
     * server; the rest of an array then goes out pipelined. */
    SQLULEN first_row = st.rows > 1 && rs_array_run_batched(s, &st) ? st.rows : 0;
    int stream = st.rows == 1 && s->single_stmt && !outputs && s->cursor_type == SQL_CURSOR_FORWARD_ONLY;
    for (SQLULEN row = first_row; row < st.rows && !st.stop; row++) {
        if (!rs_array_run_set(s, &st, row, stream, outputs))
            continue;
        if (st.rows > 1 && !st.stop && !outputs && s->dbc->pg && !s->dbc->dead && !s->dbc->streaming &&
            PQpipelineStatus(s->dbc->pg) == PQ_PIPELINE_OFF && (!s->prepared || s->prep_name[0])) {
            rs_array_keep_or_close(s, &st.acc);
            rs_array_run_pipelined(s, &st, row + 1, st.rows);
            break;
        }
    }
    if (st.acc.n > 0)
        rs_array_keep_or_close(s, &st.acc);
    if (log_t0 > 0)
        rs_log(RS_LOG_DEBUG, s->dbc->id, "result: parameter array sets=%lu errors=%s rows_affected=%ld result_sets=%d total_ms=%.1f",
               (unsigned long)st.rows, st.any_err ? "yes" : "no", (long)st.total, st.acc.n, rs_log_clock_ms() - log_t0);
    if (st.acc.oom || (st.any_err && (st.rows == 1 || s->dbc->dead || st.timed_out))) {
        for (int i = 0; i < st.acc.n; i++)
            PQclear(st.acc.q[i]);
        free(st.acc.q);
        return st.acc.oom ? rs_diag_oom(&s->diag) : SQL_ERROR;
    }
    rc = st.rc;
    if (st.acc.n > 0)
        rc = rs_rc_merge(rc, rs_result_install(s, st.acc.q, st.acc.n));
    else if (st.rows > 1 && st.any_ok)
        s->row_count = st.total;
    if (st.any_err)
        return st.any_ok ? SQL_SUCCESS_WITH_INFO : SQL_ERROR;
    if (rc == SQL_SUCCESS && affected_nothing(s))
        return SQL_NO_DATA;
    return rc;
}

SQLRETURN rs_stmt_execute_gathered(rs_stmt *s)
{
    return execute_all(s);
}

SQLRETURN rs_stmt_execute(rs_stmt *s)
{
    SQLRETURN g = rs_dae_guard(s);
    if (g != SQL_SUCCESS)
        return g;
    if (!s->prepared || !s->sql)
        return rs_diag_add(&s->diag, "HY010", 0, "SQLExecute needs a statement prepared with SQLPrepare.");
    if (s->state == RS_S_CURSOR)
        return rs_diag_add(&s->diag, "24000", 0, "A cursor is open: close it (SQLCloseCursor) before executing again.");
    return execute_all(s);
}

SQLRETURN rs_stmt_exec_direct(rs_stmt *s, const char *sql, size_t len)
{
    SQLRETURN rc = rs_dae_guard(s);
    if (rc != SQL_SUCCESS)
        return rc;
    rc = check_conn(s);
    if (!RS_OK(rc))
        return rc;
    if (s->state == RS_S_CURSOR)
        return rs_diag_add(&s->diag, "24000", 0, "A cursor is open: close it (SQLCloseCursor) before executing again.");
    rs_stmt_close_result(s);
    rs_stmt_unprepare(s);
    rc = set_text(s, sql, len);
    if (!RS_OK(rc))
        return rc;
    return rs_rc_merge(rc, execute_all(s));
}

SQLRETURN rs_stmt_more_results(rs_stmt *s)
{
    SQLRETURN g = rs_dae_guard(s);
    if (g != SQL_SUCCESS)
        return g;
    if (!s->res)
        return SQL_NO_DATA;
    SQLRETURN rc = rs_result_next(s);
    if (rc == SQL_NO_DATA)
        rs_stmt_close_result(s);
    return rc;
}

SQLRETURN rs_stmt_run_query(rs_stmt *s, const char *sql, int nparams, const char *const *values)
{
    SQLRETURN rc = check_conn(s);
    if (!RS_OK(rc))
        return rc;
    if (s->state == RS_S_CURSOR)
        return rs_diag_add(&s->diag, "24000", 0, "A cursor is open: close it (SQLCloseCursor) first.");
    rs_stmt_close_result(s);
    rs_stmt_unprepare(s);
    rc = rs_session_begin_if_needed(s->dbc, &s->diag);
    if (!RS_OK(rc))
        return rc;
    rs_stmtlog_sent(s, "catalog query", sql, nparams, values, NULL, NULL);
    return sent(s, PQsendQueryParams(s->dbc->pg, sql, nparams, NULL, values, NULL, NULL, 0));
}

SQLRETURN rs_stmt_install_local(rs_stmt *s, PGresult *res)
{
    if (!res)
        return rs_diag_oom(&s->diag);
    rs_stmt_close_result(s);
    rs_stmt_unprepare(s);
    PGresult **q = malloc(sizeof *q);
    if (!q) {
        PQclear(res);
        return rs_diag_oom(&s->diag);
    }
    q[0] = res;
    return rs_result_install(s, q, 1);
}

SQLRETURN rs_stmt_close_cursor(rs_stmt *s, int must_be_open)
{
    if (must_be_open && s->state != RS_S_CURSOR)
        return rs_diag_add(&s->diag, "24000", 0, "No cursor is open on this statement.");
    rs_stmt_close_result(s);
    return SQL_SUCCESS;
}
