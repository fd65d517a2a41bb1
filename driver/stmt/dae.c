/* dae.c - data at execution: gathering parameter values piece by piece. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "stmt/dae.h"
#include "stmt/execute.h"
#include "stmt/params.h"
#include "types/convert.h"
#include "util/text.h"

struct rs_dae {
    SQLULEN rows;          /* rows of the parameter set */
    int n;                 /* parameters per row */
    rs_dae_value *vals;    /* rows * n; only the data-at-execution ones are used */
    SQLULEN row;           /* the parameter SQLParamData named last: row, and */
    int param;             /* its number (0: none named yet) */
};

static SQLULEN param_rows(const rs_stmt *s)
{
    const rs_desc *apd = s->cur_apd;
    return s->nparams ? (apd->array_size ? apd->array_size : 1) : 1;
}

static int ignored_row(const rs_stmt *s, SQLULEN row)
{
    const rs_desc *apd = s->cur_apd;
    return apd->array_status_ptr && apd->array_status_ptr[row] == SQL_PARAM_IGNORE;
}

/* The first data-at-execution parameter after (row, param), in row then marker order.
 * Returns 1 and sets *row / *param when there is one. */
static int next_at_exec(rs_stmt *s, SQLULEN rows, SQLULEN *row, int *param)
{
    SQLULEN r = *row;
    int p = *param + 1;
    for (; r < rows; r++, p = 1) {
        if (ignored_row(s, r))
            continue;
        for (; p <= s->nparams; p++) {
            if (rs_params_at_exec(s, r, p)) {
                *row = r;
                *param = p;
                return 1;
            }
        }
    }
    return 0;
}

SQLRETURN rs_dae_begin(rs_stmt *s, int *started)
{
    *started = 0;
    if (s->nparams == 0 || s->cur_apd->count < s->nparams)
        return SQL_SUCCESS;   /* nothing to gather (07002 comes from building the parameters) */
    SQLULEN rows = param_rows(s), row = 0;
    int param = 0;
    if (!next_at_exec(s, rows, &row, &param))
        return SQL_SUCCESS;
    rs_dae_end(s);
    struct rs_dae *d = calloc(1, sizeof *d);
    if (d && rows > SIZE_MAX / sizeof *d->vals / (size_t)s->nparams) {
        free(d);
        d = NULL;
    }
    if (d)
        d->vals = calloc((size_t)rows * (size_t)s->nparams, sizeof *d->vals);
    if (!d || !d->vals) {
        free(d);
        return rs_diag_oom(&s->diag);
    }
    d->rows = rows;
    d->n = s->nparams;
    s->dae = d;
    s->state = RS_S_NEED_DATA;
    *started = 1;
    return SQL_NEED_DATA;
}

const rs_dae_value *rs_dae_value_of(const rs_stmt *s, SQLULEN row, int i)
{
    const struct rs_dae *d = s->dae;
    if (!d || row >= d->rows || i < 1 || i > d->n)
        return NULL;
    return &d->vals[row * (SQLULEN)d->n + (SQLULEN)(i - 1)];
}

void rs_dae_end(rs_stmt *s)
{
    struct rs_dae *d = s->dae;
    if (d) {
        for (SQLULEN i = 0; i < d->rows * (SQLULEN)d->n; i++)
            free(d->vals[i].buf);
        free(d->vals);
        free(d);
        s->dae = NULL;
    }
    if (s->state == RS_S_NEED_DATA)
        s->state = s->prepared ? RS_S_PREPARED : RS_S_ALLOCATED;
}

SQLRETURN rs_dae_guard(rs_stmt *s)
{
    if (s->state == RS_S_NEED_DATA)
        return rs_diag_add(&s->diag, "HY010", 0,
                           "Function sequence error: the statement is waiting for data at execution "
                           "(SQLParamData/SQLPutData), or SQLCancel to end it.");
    return SQL_SUCCESS;
}

SQLRETURN rs_stmt_param_data(rs_stmt *s, SQLPOINTER *token)
{
    struct rs_dae *d = s->dae;
    if (s->state != RS_S_NEED_DATA || !d)
        return rs_diag_add(&s->diag, "HY010", 0,
                           "SQLParamData is only valid after SQLExecute or SQLExecDirect returned SQL_NEED_DATA.");
    SQLULEN row = d->row;
    int param = d->param;
    if (next_at_exec(s, d->rows, &row, &param)) {
        rs_param_slot sl;
        rs_params_slot(s, row, param, &sl);
        d->row = row;
        d->param = param;
        if (token)
            *token = sl.data;
        return SQL_NEED_DATA;
    }
    /* every value is in: execute with them, then forget them */
    s->state = s->prepared ? RS_S_PREPARED : RS_S_ALLOCATED;
    SQLRETURN rc = rs_stmt_execute_gathered(s);
    rs_dae_end(s);
    return rc;
}

static int is_char(SQLSMALLINT ctype)
{
    return ctype == SQL_C_CHAR || ctype == SQL_C_WCHAR;
}

static int append(rs_dae_value *v, const void *data, size_t len)
{
    if (len > SIZE_MAX / 2 - v->len - 1)
        return -1;
    if (v->len + len + 2 > v->cap) {
        size_t cap = v->cap ? v->cap : 64;
        while (cap < v->len + len + 2)
            cap *= 2;
        char *nb = realloc(v->buf, cap);
        if (!nb)
            return -1;
        v->buf = nb;
        v->cap = cap;
    }
    if (len > 0)
        memcpy(v->buf + v->len, data, len);
    v->len += len;
    /* keep the value terminated for both widths (a wide NUL is two zero bytes) */
    v->buf[v->len] = '\0';
    v->buf[v->len + 1] = '\0';
    return 0;
}

static SQLRETURN put_data(rs_stmt *s, SQLPOINTER data, SQLLEN len)
{
    struct rs_dae *d = s->dae;
    rs_param_slot sl;
    rs_params_slot(s, d->row, d->param, &sl);
    rs_dae_value *v = &d->vals[d->row * (SQLULEN)d->n + (SQLULEN)(d->param - 1)];
    if (len == SQL_NULL_DATA) {
        if (v->given)
            return rs_diag_add(&s->diag, "HY020", 0,
                               "Attempt to concatenate a null value: parameter %d already has data.", d->param);
        v->given = 1;
        v->isnull = 1;
        return SQL_SUCCESS;
    }
    if (v->isnull)
        return rs_diag_add(&s->diag, "HY020", 0,
                           "Attempt to concatenate a null value: parameter %d was given as NULL.", d->param);
    SQLLEN fixed = rs_ctype_size(sl.ctype);
    int pieces = is_char(sl.ctype) || sl.ctype == SQL_C_BINARY;
    if (!pieces && v->given)
        return rs_diag_add(&s->diag, "HY019", 0,
                           "Non-character and non-binary data sent in pieces: parameter %d (C type %d) "
                           "takes its value in one SQLPutData call.", d->param, sl.ctype);
    size_t n;
    if (!pieces && fixed > 0)
        n = (size_t)fixed;   /* the length argument is ignored for fixed-size types */
    else if (len == SQL_NTS && sl.ctype == SQL_C_CHAR)
        n = data ? strlen(data) : 0;
    else if (len == SQL_NTS && sl.ctype == SQL_C_WCHAR)
        n = data ? rs_wcslen(data) * sizeof(SQLWCHAR) : 0;
    else if (len < 0)
        return rs_diag_add(&s->diag, "HY090", 0, "Invalid string or buffer length %ld.", (long)len);
    else
        n = (size_t)len;
    if (!data && n > 0)
        return rs_diag_add(&s->diag, "HY009", 0, "The data pointer is null but the length is %zu.", n);
    if (append(v, data, n) < 0)
        return rs_diag_oom(&s->diag);
    v->given = 1;
    return SQL_SUCCESS;
}

/* An error of SQLPutData ends the sequence (the ODBC state tables send the statement back to
 * S1-S3; unixODBC does the same), so the statement is not left half gathered. */
SQLRETURN rs_stmt_put_data(rs_stmt *s, SQLPOINTER data, SQLLEN len)
{
    if (s->state != RS_S_NEED_DATA || !s->dae || s->dae->param == 0)
        return rs_diag_add(&s->diag, "HY010", 0,
                           "SQLPutData is only valid after SQLParamData named a parameter.");
    SQLRETURN rc = put_data(s, data, len);
    if (rc == SQL_ERROR)
        rs_dae_end(s);
    return rc;
}
