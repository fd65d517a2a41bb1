/* callparams.c - output parameters of {call} escapes (see callparams.h). */
#include <stdlib.h>
#include <string.h>

#include "stmt/callparams.h"
#include "stmt/desc.h"
#include "stmt/params.h"
#include "stmt/result.h"
#include "stmt/sqltext.h"
#include "types/convert.h"

SQLSMALLINT rs_call_param_io(const rs_stmt *s, int i)
{
    if (s->call_ret && i == 1)
        return SQL_PARAM_OUTPUT;
    if (i < 1 || i > s->ipd.count)
        return SQL_PARAM_INPUT;
    SQLSMALLINT io = s->ipd.recs[i].parameter_type;
    return io == SQL_PARAM_OUTPUT || io == SQL_PARAM_INPUT_OUTPUT ? io : SQL_PARAM_INPUT;
}

/* An OUTPUT-only argument of a {call}'s procedure. */
static int out_argument(const rs_stmt *s, int i)
{
    return s->call_escape && !(s->call_ret && i == 1) && rs_call_param_io(s, i) == SQL_PARAM_OUTPUT;
}

int rs_call_param_sent(const rs_stmt *s, int i)
{
    if (s->call_ret && i == 1)
        return 0;
    return !(out_argument(s, i) && s->dbc->server.is_redshift);
}

int rs_call_param_placeholder(const rs_stmt *s, int i)
{
    return out_argument(s, i) && !s->dbc->server.is_redshift;
}

int rs_call_has_outputs(const rs_stmt *s)
{
    if (!s->call_escape)
        return 0;
    if (s->call_ret)
        return 1;
    for (int i = 1; i <= s->nparams; i++)
        if (rs_call_param_io(s, i) != SQL_PARAM_INPUT)
            return 1;
    return 0;
}

SQLRETURN rs_call_server_text(rs_stmt *s, char **text)
{
    *text = NULL;
    if (!s->call_escape || !s->dbc->server.is_redshift || !s->odbc_sql)
        return SQL_SUCCESS;
    int any = 0;
    unsigned char *drop = calloc((size_t)s->nparams + 1, 1);
    if (!drop)
        return rs_diag_oom(&s->diag);
    for (int i = 1; i <= s->nparams; i++)
        if (out_argument(s, i))
            drop[i] = any = 1;
    SQLRETURN rc = SQL_SUCCESS;
    if (any) {
        rs_sqltext t;
        char state[6], why[256];
        if (rs_sqltext_rewrite_call(s->odbc_sql, strlen(s->odbc_sql), (s->noscan == SQL_NOSCAN_ON ? RS_SQLTEXT_NOSCAN : 0) | RS_SQLTEXT_REDSHIFT, drop,
                                    s->nparams + 1, &t, state, why, sizeof why) < 0)
            rc = rs_diag_add(&s->diag, state, 0, "%s", why);
        else
            *text = t.sql;
    }
    free(drop);
    return rc;
}

/* Lengths may sit at any address in row-wise arrays: write them byte-wise. */
static void write_len(SQLLEN *p, SQLLEN v)
{
    memcpy(p, &v, sizeof v);
}

/* Write one returned value into output parameter i. */
static SQLRETURN store_one(rs_stmt *s, SQLULEN row, int i, const PGresult *res, int col)
{
    rs_param_slot sl;
    if (rs_params_slot(s, row, i, &sl) < 0)
        return SQL_SUCCESS;   /* not bound: nowhere to write */
    const rs_desc_rec *a = &s->cur_apd->recs[i];
    if (PQntuples(res) < 1 || PQgetisnull(res, 0, col)) {
        if (!sl.ind)
            return rs_diag_add_at(&s->diag, SQL_NO_ROW_NUMBER, i, "22002", 0,
                                  "Output parameter %d is NULL but no indicator variable was bound.", i);
        write_len(sl.ind, SQL_NULL_DATA);
        return SQL_SUCCESS;
    }
    rs_conv_target t = { sl.ctype, sl.data, a->octet_length, a->precision, a->scale };
    rs_conv_where w = { &s->diag, SQL_NO_ROW_NUMBER, i, NULL };
    SQLLEN outlen = 0;
    SQLRETURN rc = rs_text_to_c(PQgetvalue(res, 0, col), (size_t)PQgetlength(res, 0, col), PQftype(res, col),
                                &t, &outlen, &w);
    if (RS_OK(rc)) {
        if (sl.octet_len)
            write_len(sl.octet_len, outlen);
        if (sl.ind && sl.ind != sl.octet_len)
            write_len(sl.ind, outlen);
    }
    return rc;
}

SQLRETURN rs_call_store_outputs(rs_stmt *s, SQLULEN row)
{
    rs_result *r = s->res;
    if (!r || !r->pg || PQresultStatus(r->pg) != PGRES_TUPLES_OK)
        return SQL_SUCCESS;   /* a procedure without OUT parameters returns no row */
    const PGresult *res = r->pg;
    SQLRETURN rc = SQL_SUCCESS;
    int col = 0, ncols = PQnfields(res), outputs = 0;
    for (int i = 1; i <= s->nparams; i++) {
        if (rs_call_param_io(s, i) == SQL_PARAM_INPUT)
            continue;
        outputs++;
        if (col < ncols)
            rc = rs_rc_merge(rc, store_one(s, row, i, res, col++));
    }
    if (outputs != ncols)
        rc = rs_rc_merge(rc, rs_diag_add(&s->diag, "01000", 0,
            "The call returned %d values for %d output parameters; they were assigned in order.",
            ncols, outputs));
    /* the values are in the parameters now: no result set, no columns */
    rs_stmt_close_result(s);
    rs_desc_clear(&s->ird);
    s->row_count = -1;
    s->state = RS_S_EXECUTED;
    return rc;
}
