/* api_execute.c - SQLPrepare, SQLExecute, SQLExecDirect, SQLNumParams, SQLDescribeParam, SQLBindParameter,
 * SQLMoreResults, SQLParamData, SQLPutData, SQLCancel, SQLEndTran and the cursor name functions (A and W). */
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "conn/session.h"
#include "stmt/dae.h"
#include "stmt/execute.h"
#include "stmt/params.h"

static SQLRETURN with_text(rs_stmt *s, rs_instr in, int cut, SQLRETURN (*fn)(rs_stmt *, const char *, size_t))
{
    SQLRETURN rc;
    if (in.oom)
        rc = rs_diag_oom(&s->diag);
    else if (cut)   /* running the text before the NUL would run another statement than given */
        rc = rs_diag_add(&s->diag, "HY090", 0,
                         "The statement text contains a NUL character followed by more text within its length.");
    else if (!in.s)
        rc = rs_diag_add(&s->diag, "HY009", 0, "The statement text is a null pointer.");
    else
        rc = fn(s, in.s, strlen(in.s));
    free(in.s);
    return rc;
}

SQLRETURN SQL_API SQLPrepare(SQLHSTMT h, SQLCHAR *sql, SQLINTEGER len)
{
    RS_WITH_STMT(h, with_text(s, rs_in_a(sql, len), rs_in_a_cut(sql, len), rs_stmt_prepare));
}

SQLRETURN SQL_API SQLPrepareW(SQLHSTMT h, SQLWCHAR *sql, SQLINTEGER len)
{
    RS_WITH_STMT(h, with_text(s, rs_in_w(sql, len), rs_in_w_cut(sql, len), rs_stmt_prepare));
}

SQLRETURN SQL_API SQLExecDirect(SQLHSTMT h, SQLCHAR *sql, SQLINTEGER len)
{
    RS_WITH_STMT(h, with_text(s, rs_in_a(sql, len), rs_in_a_cut(sql, len), rs_stmt_exec_direct));
}

SQLRETURN SQL_API SQLExecDirectW(SQLHSTMT h, SQLWCHAR *sql, SQLINTEGER len)
{
    RS_WITH_STMT(h, with_text(s, rs_in_w(sql, len), rs_in_w_cut(sql, len), rs_stmt_exec_direct));
}

SQLRETURN SQL_API SQLExecute(SQLHSTMT h)
{
    RS_WITH_STMT(h, rs_stmt_execute(s));
}

static SQLRETURN num_params(rs_stmt *s, SQLSMALLINT *n)
{
    if (!s->sql)
        return rs_diag_add(&s->diag, "HY010", 0, "No statement has been prepared.");
    if (n)
        *n = (SQLSMALLINT)s->nparams;
    return SQL_SUCCESS;
}

SQLRETURN SQL_API SQLNumParams(SQLHSTMT h, SQLSMALLINT *n)
{
    RS_WITH_STMT(h, num_params(s, n));
}

SQLRETURN SQL_API SQLDescribeParam(SQLHSTMT h, SQLUSMALLINT num, SQLSMALLINT *type, SQLULEN *size,
                                   SQLSMALLINT *digits, SQLSMALLINT *nullable)
{
    RS_WITH_STMT(h, rs_stmt_describe_param(s, num, type, size, digits, nullable));
}

SQLRETURN SQL_API SQLBindParameter(SQLHSTMT h, SQLUSMALLINT num, SQLSMALLINT io_type, SQLSMALLINT ctype,
                                   SQLSMALLINT sql_type, SQLULEN col_size, SQLSMALLINT digits,
                                   SQLPOINTER value, SQLLEN buflen, SQLLEN *ind)
{
    RS_WITH_STMT(h, rs_stmt_bind_parameter(s, num, io_type, ctype, sql_type, col_size, digits,
                                           value, buflen, ind));
}

SQLRETURN SQL_API SQLParamData(SQLHSTMT h, SQLPOINTER *token)
{
    RS_WITH_STMT(h, rs_stmt_param_data(s, token));
}

SQLRETURN SQL_API SQLPutData(SQLHSTMT h, SQLPOINTER data, SQLLEN len)
{
    RS_WITH_STMT(h, rs_stmt_put_data(s, data, len));
}

SQLRETURN SQL_API SQLMoreResults(SQLHSTMT h)
{
    RS_WITH_STMT(h, rs_stmt_more_results(s));
}

static SQLRETURN end_need_data(rs_stmt *s)
{
    rs_dae_end(s);
    return SQL_SUCCESS;
}

/* No call of this statement runs: take the lock and end a data-at-execution sequence, if any,
 * without executing; otherwise there is nothing to cancel. */
static SQLRETURN cancel_idle(SQLHSTMT h)
{
    RS_WITH_STMT(h, s->state == RS_S_NEED_DATA ? end_need_data(s) : SQL_SUCCESS);
}

/* SQLCancel may come from another thread while this statement's call holds the lock: then it
 * takes none (libpq's cancel request is thread-safe and needs only the PGcancel object, set at
 * connect) and the running call reports HY008. The statement's state is read only under the
 * lock: reading it while the running call changes it was a data race (ThreadSanitizer). */
SQLRETURN SQL_API SQLCancel(SQLHSTMT h)
{
    rs_stmt *s = h;
    if (!s || s->magic != RS_MAGIC_STMT)
        return SQL_INVALID_HANDLE;
    rs_dbc *c = s->dbc;
    if (atomic_load_explicit(&c->busy, memory_order_acquire) != s)
        return cancel_idle(h);
    s->cancel_requested = 1;
    if (c->cancel) {
        char err[256];
        if (!PQcancel(c->cancel, err, sizeof err))
            return SQL_ERROR;
    }
    return SQL_SUCCESS;
}

static SQLRETURN end_tran_env(rs_env *e, SQLSMALLINT completion)
{
    SQLRETURN rc = SQL_SUCCESS;
    for (rs_dbc *c = e->conns; c; c = c->next) {
        pthread_mutex_lock(&c->lock);
        if (c->pg) {
            SQLRETURN r = rs_session_end_tran(c, completion);
            if (r == SQL_ERROR)
                rc = rs_diag_add(&e->diag, "25S01", 0,
                                 "Transaction state unknown: ending the transaction failed on a connection.");
            else
                rc = rs_rc_merge(rc, r);
        }
        pthread_mutex_unlock(&c->lock);
    }
    return rc;
}

/* Entry points never call each other: inside a driver loaded by unixODBC, a call to an
 * exported SQL* name would bind to the driver manager's function of that name. */
static SQLRETURN end_tran(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT completion)
{
    if (type == SQL_HANDLE_ENV) {
        rs_env *e = rs_env_enter(h);
        if (!e)
            return SQL_INVALID_HANDLE;
        return rs_env_leave(e, end_tran_env(e, completion));
    }
    if (type == SQL_HANDLE_DBC)
        RS_WITH_DBC(h, rs_session_end_tran(c, completion));
    return SQL_INVALID_HANDLE;
}

SQLRETURN SQL_API SQLEndTran(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT completion)
{
    return end_tran(type, h, completion);
}

SQLRETURN SQL_API SQLTransact(SQLHENV env, SQLHDBC dbc, SQLUSMALLINT completion)
{
    if (dbc)
        return end_tran(SQL_HANDLE_DBC, dbc, (SQLSMALLINT)completion);
    return end_tran(SQL_HANDLE_ENV, env, (SQLSMALLINT)completion);
}

/* ---- cursor names ---- */

static SQLRETURN set_cursor_name(rs_stmt *s, rs_instr in)
{
    SQLRETURN rc = SQL_SUCCESS;
    if (in.oom)
        rc = rs_diag_oom(&s->diag);
    else if (!in.s || !*in.s)
        rc = rs_diag_add(&s->diag, "34000", 0, "Invalid cursor name: it is empty.");
    else if (strncmp(in.s, "SQLCUR", 6) == 0 || strncmp(in.s, "SQL_CUR", 7) == 0)
        rc = rs_diag_add(&s->diag, "34000", 0, "Invalid cursor name: names starting SQLCUR or SQL_CUR are reserved.");
    else if (strlen(in.s) >= sizeof s->cursor_name)
        rc = rs_diag_add(&s->diag, "34000", 0, "Invalid cursor name: longer than %zu characters.",
                         sizeof s->cursor_name - 1);
    else {
        for (rs_stmt *o = s->dbc->stmts; o; o = o->next)
            if (o != s && strcmp(o->cursor_name, in.s) == 0) {
                rc = rs_diag_add(&s->diag, "3C000", 0, "Duplicate cursor name %s.", in.s);
                break;
            }
        if (rc == SQL_SUCCESS)
            strcpy(s->cursor_name, in.s);
    }
    free(in.s);
    return rc;
}

SQLRETURN SQL_API SQLSetCursorName(SQLHSTMT h, SQLCHAR *name, SQLSMALLINT len)
{
    RS_WITH_STMT(h, set_cursor_name(s, rs_in_a(name, len)));
}

SQLRETURN SQL_API SQLSetCursorNameW(SQLHSTMT h, SQLWCHAR *name, SQLSMALLINT len)
{
    RS_WITH_STMT(h, set_cursor_name(s, rs_in_w(name, len)));
}

static SQLRETURN get_cursor_name(rs_stmt *s, void *buf, SQLSMALLINT buflen, SQLSMALLINT *len, int wide)
{
    int trunc = wide ? rs_out_w16(s->cursor_name, buf, buflen, len, 1)
                     : rs_out_a16(s->cursor_name, buf, buflen, len);
    return trunc ? rs_truncated(&s->diag) : SQL_SUCCESS;
}

SQLRETURN SQL_API SQLGetCursorName(SQLHSTMT h, SQLCHAR *buf, SQLSMALLINT buflen, SQLSMALLINT *len)
{
    RS_WITH_STMT(h, get_cursor_name(s, buf, buflen, len, 0));
}

SQLRETURN SQL_API SQLGetCursorNameW(SQLHSTMT h, SQLWCHAR *buf, SQLSMALLINT buflen, SQLSMALLINT *len)
{
    RS_WITH_STMT(h, get_cursor_name(s, buf, buflen, len, 1));
}
